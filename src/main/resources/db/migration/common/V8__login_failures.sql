-- Failed sign-ins (issue 9), counted per name and client address (the throttle, and the owner's
-- lock) and per name alone (everyone else's lock). The name is kept only as a SHA-256: people type
-- passwords into the name field. A row is forgotten at expires_at, which each failure moves on.
CREATE TABLE login_failures (
    name_hash  CHAR(64)    NOT NULL,
    client     VARCHAR(64) NOT NULL,
    failures   INTEGER     NOT NULL,
    retry_at   BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    CONSTRAINT login_failures_pk PRIMARY KEY (name_hash, client)
);
CREATE INDEX login_failures_expires ON login_failures (expires_at);

-- Ten failures used to lock an account for good, the owner's too; nobody can lock the owner by hand,
-- so an owner's lock can only be that one. Other users' locks stay until the owner lifts them.
UPDATE users SET is_locked = FALSE WHERE is_server_owner = TRUE;

-- Unlocking no longer needs to remember when: it forgets the failures instead.
ALTER TABLE users DROP COLUMN failures_reset_at;
