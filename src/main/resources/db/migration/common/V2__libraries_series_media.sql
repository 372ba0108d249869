-- Libraries, series, books (media), reading progress, access rules, scan records and jobs.
-- Portable SQL (Derby and PostgreSQL); times are epoch milliseconds; lists are stored as text
-- joined with a line feed; small structured values (thumbnail options, ignore rules) as JSON text.

CREATE TABLE libraries (
    id                              VARCHAR(36)   NOT NULL,
    name                            VARCHAR(255)  NOT NULL,
    name_key                        VARCHAR(255)  NOT NULL,
    path                            VARCHAR(2048) NOT NULL,
    description                     VARCHAR(4000),
    emoji                           VARCHAR(64),
    status                          VARCHAR(16)   NOT NULL,
    created_at                      BIGINT        NOT NULL,
    updated_at                      BIGINT        NOT NULL,
    last_scanned_at                 BIGINT,
    convert_rar_to_zip              BOOLEAN       DEFAULT FALSE NOT NULL,
    hard_delete_conversions         BOOLEAN       DEFAULT FALSE NOT NULL,
    generate_file_hashes            BOOLEAN       DEFAULT FALSE NOT NULL,
    generate_koreader_hashes        BOOLEAN       DEFAULT FALSE NOT NULL,
    process_metadata                BOOLEAN       DEFAULT TRUE NOT NULL,
    watch                           BOOLEAN       DEFAULT TRUE NOT NULL,
    library_pattern                 VARCHAR(32)   NOT NULL,
    thumbnail_config                VARCHAR(1000),
    default_reading_dir             VARCHAR(8)    NOT NULL,
    default_reading_mode            VARCHAR(32)   NOT NULL,
    default_reading_image_scale_fit VARCHAR(8)    NOT NULL,
    ignore_rules                    VARCHAR(4000),
    CONSTRAINT libraries_pk PRIMARY KEY (id),
    CONSTRAINT libraries_name_key UNIQUE (name_key),
    CONSTRAINT libraries_path UNIQUE (path)
);

CREATE TABLE library_hidden_users (
    library_id VARCHAR(36) NOT NULL,
    user_id    VARCHAR(36) NOT NULL,
    CONSTRAINT library_hidden_users_pk PRIMARY KEY (library_id, user_id),
    CONSTRAINT library_hidden_users_library_fk FOREIGN KEY (library_id) REFERENCES libraries (id) ON DELETE CASCADE,
    CONSTRAINT library_hidden_users_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE series (
    id               VARCHAR(36)   NOT NULL,
    library_id       VARCHAR(36)   NOT NULL,
    name             VARCHAR(1024) NOT NULL,
    name_key         VARCHAR(1024) NOT NULL,
    path             VARCHAR(2048) NOT NULL,
    description      VARCHAR(8000),
    status           VARCHAR(16)   NOT NULL,
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL,
    meta_type        VARCHAR(64),
    meta_title       VARCHAR(1024),
    meta_summary     VARCHAR(8000),
    meta_publisher   VARCHAR(512),
    meta_imprint     VARCHAR(512),
    meta_comicid     INTEGER,
    meta_volume      INTEGER,
    meta_booktype    VARCHAR(64),
    meta_age_rating  VARCHAR(64),
    meta_status      VARCHAR(64),
    age_rating       INTEGER,
    CONSTRAINT series_pk PRIMARY KEY (id),
    CONSTRAINT series_path UNIQUE (path),
    CONSTRAINT series_library_fk FOREIGN KEY (library_id) REFERENCES libraries (id) ON DELETE CASCADE
);
CREATE INDEX series_library_name ON series (library_id, name_key);
CREATE INDEX series_created ON series (created_at);

CREATE TABLE media (
    id               VARCHAR(36)   NOT NULL,
    series_id        VARCHAR(36)   NOT NULL,
    library_id       VARCHAR(36)   NOT NULL,
    name             VARCHAR(1024) NOT NULL,
    name_key         VARCHAR(1024) NOT NULL,
    sort_key         VARCHAR(1100) NOT NULL,
    path             VARCHAR(2048) NOT NULL,
    size             BIGINT        NOT NULL,
    extension        VARCHAR(16)   NOT NULL,
    pages            INTEGER       NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    error_reason     VARCHAR(1000),
    hash             VARCHAR(128),
    koreader_hash    VARCHAR(64),
    file_modified_at BIGINT        NOT NULL,
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL,
    title            VARCHAR(1024),
    series_name      VARCHAR(1024),
    number           DOUBLE PRECISION,
    volume           INTEGER,
    summary          VARCHAR(8000),
    notes            VARCHAR(4000),
    age_rating_text  VARCHAR(64),
    age_rating       INTEGER,
    release_year     INTEGER,
    release_month    INTEGER,
    release_day      INTEGER,
    publisher        VARCHAR(512),
    language         VARCHAR(64),
    writers          VARCHAR(2000),
    pencillers       VARCHAR(2000),
    inkers           VARCHAR(2000),
    colorists        VARCHAR(2000),
    letterers        VARCHAR(2000),
    cover_artists    VARCHAR(2000),
    editors          VARCHAR(2000),
    genres           VARCHAR(2000),
    characters       VARCHAR(4000),
    teams            VARCHAR(2000),
    links            VARCHAR(4000),
    page_count       INTEGER,
    CONSTRAINT media_pk PRIMARY KEY (id),
    CONSTRAINT media_path UNIQUE (path),
    CONSTRAINT media_series_fk FOREIGN KEY (series_id) REFERENCES series (id) ON DELETE CASCADE,
    CONSTRAINT media_library_fk FOREIGN KEY (library_id) REFERENCES libraries (id) ON DELETE CASCADE
);
CREATE INDEX media_series_sort ON media (series_id, sort_key);
CREATE INDEX media_library_sort ON media (library_id, sort_key);
CREATE INDEX media_created ON media (created_at);
CREATE INDEX media_hash ON media (hash);

-- Page sizes found by analysis, "w,h;w,h;..." in page order.
CREATE TABLE media_page_dimensions (
    media_id   VARCHAR(36)   NOT NULL,
    dimensions VARCHAR(32000) NOT NULL,
    CONSTRAINT media_page_dimensions_pk PRIMARY KEY (media_id),
    CONSTRAINT media_page_dimensions_media_fk FOREIGN KEY (media_id) REFERENCES media (id) ON DELETE CASCADE
);

-- Stump keeps age restrictions in a table of their own; here they are two columns of users, so the
-- row every authenticated request reads already carries them.
ALTER TABLE users ADD COLUMN age_restriction INTEGER;
ALTER TABLE users ADD COLUMN age_restrict_on_unset BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE reading_sessions (
    id                   VARCHAR(36)  NOT NULL,
    user_id              VARCHAR(36)  NOT NULL,
    media_id             VARCHAR(36)  NOT NULL,
    page                 INTEGER,
    epubcfi              VARCHAR(1024),
    percentage_completed DOUBLE PRECISION,
    elapsed_seconds      BIGINT,
    device_id            VARCHAR(255),
    started_at           BIGINT       NOT NULL,
    updated_at           BIGINT       NOT NULL,
    CONSTRAINT reading_sessions_pk PRIMARY KEY (id),
    CONSTRAINT reading_sessions_user_media UNIQUE (user_id, media_id),
    CONSTRAINT reading_sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT reading_sessions_media_fk FOREIGN KEY (media_id) REFERENCES media (id) ON DELETE CASCADE
);
CREATE INDEX reading_sessions_user_updated ON reading_sessions (user_id, updated_at);

CREATE TABLE finished_reading_sessions (
    id              VARCHAR(36) NOT NULL,
    user_id         VARCHAR(36) NOT NULL,
    media_id        VARCHAR(36) NOT NULL,
    started_at      BIGINT      NOT NULL,
    completed_at    BIGINT      NOT NULL,
    elapsed_seconds BIGINT,
    CONSTRAINT finished_reading_sessions_pk PRIMARY KEY (id),
    CONSTRAINT finished_reading_sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT finished_reading_sessions_media_fk FOREIGN KEY (media_id) REFERENCES media (id) ON DELETE CASCADE
);
CREATE INDEX finished_sessions_user_media ON finished_reading_sessions (user_id, media_id);

CREATE TABLE library_scan_records (
    id         VARCHAR(36)  NOT NULL,
    library_id VARCHAR(36)  NOT NULL,
    options    VARCHAR(1000),
    occurred_at BIGINT      NOT NULL,
    job_id     VARCHAR(36),
    CONSTRAINT library_scan_records_pk PRIMARY KEY (id),
    CONSTRAINT library_scan_records_library_fk FOREIGN KEY (library_id) REFERENCES libraries (id) ON DELETE CASCADE
);
CREATE INDEX library_scan_records_library ON library_scan_records (library_id, occurred_at);

CREATE TABLE jobs (
    id              VARCHAR(36)   NOT NULL,
    name            VARCHAR(128)  NOT NULL,
    description     VARCHAR(1000),
    status          VARCHAR(16)   NOT NULL,
    library_id      VARCHAR(36),
    total_tasks     INTEGER       DEFAULT 0 NOT NULL,
    completed_tasks INTEGER       DEFAULT 0 NOT NULL,
    output_data     VARCHAR(4000),
    ms_elapsed      BIGINT        DEFAULT 0 NOT NULL,
    created_at      BIGINT        NOT NULL,
    completed_at    BIGINT,
    CONSTRAINT jobs_pk PRIMARY KEY (id)
);
CREATE INDEX jobs_created ON jobs (created_at);
