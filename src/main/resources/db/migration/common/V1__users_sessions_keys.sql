-- Portable SQL (Derby and PostgreSQL): times are epoch milliseconds in BIGINT columns,
-- usernames are unique case-insensitively through username_key = lower(username).

CREATE TABLE users (
    id                   VARCHAR(36)   NOT NULL,
    username             VARCHAR(255)  NOT NULL,
    username_key         VARCHAR(255)  NOT NULL,
    hashed_password      VARCHAR(100)  NOT NULL,
    is_server_owner      BOOLEAN       DEFAULT FALSE NOT NULL,
    avatar_url           VARCHAR(1024),
    created_at           BIGINT        NOT NULL,
    last_login           BIGINT,
    deleted_at           BIGINT,
    is_locked            BOOLEAN       DEFAULT FALSE NOT NULL,
    failures_reset_at    BIGINT,
    max_sessions_allowed INTEGER,
    permissions          VARCHAR(2000) DEFAULT '' NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (id),
    CONSTRAINT users_username_key UNIQUE (username_key)
);

-- One row at most: inserting it in the same transaction as the first user makes "first user
-- becomes owner" safe against two concurrent registrations.
CREATE TABLE server_claim (
    id         INTEGER     NOT NULL,
    user_id    VARCHAR(36) NOT NULL,
    claimed_at BIGINT      NOT NULL,
    CONSTRAINT server_claim_pk PRIMARY KEY (id),
    CONSTRAINT server_claim_single CHECK (id = 1)
);

CREATE TABLE server_config (
    name  VARCHAR(100)  NOT NULL,
    value VARCHAR(4000) NOT NULL,
    CONSTRAINT server_config_pk PRIMARY KEY (name)
);

CREATE TABLE sessions (
    id          VARCHAR(36) NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    user_id     VARCHAR(36) NOT NULL,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL,
    ip_address  VARCHAR(64),
    user_agent  VARCHAR(512),
    CONSTRAINT sessions_pk PRIMARY KEY (id),
    CONSTRAINT sessions_token_hash UNIQUE (token_hash),
    CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE login_activity (
    id                        VARCHAR(36) NOT NULL,
    user_id                   VARCHAR(36) NOT NULL,
    ip_address                VARCHAR(64),
    user_agent                VARCHAR(512),
    authentication_successful BOOLEAN     NOT NULL,
    occurred_at               BIGINT      NOT NULL,
    CONSTRAINT login_activity_pk PRIMARY KEY (id),
    CONSTRAINT login_activity_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX login_activity_user_time ON login_activity (user_id, occurred_at);

CREATE TABLE api_keys (
    id              BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY,
    name            VARCHAR(255)  NOT NULL,
    short_token     VARCHAR(32)   NOT NULL,
    long_token_hash CHAR(64)      NOT NULL,
    permissions     VARCHAR(4000) NOT NULL,
    created_at      BIGINT        NOT NULL,
    last_used_at    BIGINT,
    expires_at      BIGINT,
    user_id         VARCHAR(36)   NOT NULL,
    CONSTRAINT api_keys_pk PRIMARY KEY (id),
    CONSTRAINT api_keys_short_token UNIQUE (short_token),
    CONSTRAINT api_keys_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
