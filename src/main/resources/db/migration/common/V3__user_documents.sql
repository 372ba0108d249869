-- Per-user JSON documents the clients own: UI preferences and the navigation arrangement.
CREATE TABLE user_documents (
    user_id    VARCHAR(36)   NOT NULL,
    name       VARCHAR(64)   NOT NULL,
    value      VARCHAR(16000) NOT NULL,
    updated_at BIGINT        NOT NULL,
    CONSTRAINT user_documents_pk PRIMARY KEY (user_id, name),
    CONSTRAINT user_documents_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
