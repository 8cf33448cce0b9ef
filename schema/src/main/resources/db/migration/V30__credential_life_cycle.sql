-- The credential life cycle (issue 11, points 3, 5 and 6).

-- Every token carries the account's token version; logout, a password change or reset, a suspension and a role
-- change move it on, so every token issued before dies at its next request. The bootstrap administrator must change
-- the configured password before anything else.
ALTER TABLE account ADD COLUMN token_version        BIGINT  NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT false;

-- One-time codes sent by mail (confirming an address, resetting a password). Only an HMAC of the code is kept, keyed
-- with a service secret and salted with the code's id; the address only as its login blind index. Codes expire, are
-- used once (the row is deleted), and every wrong guess for an address uses up one attempt of each of its codes.
CREATE TABLE one_time_code (
    code_id     UUID        PRIMARY KEY,
    purpose     TEXT        NOT NULL,
    login_index TEXT        NOT NULL,
    subject_id  UUID        NOT NULL,
    code_hash   TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    attempts    INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX one_time_code_login ON one_time_code (purpose, login_index);
CREATE INDEX one_time_code_expiry ON one_time_code (expires_at);

-- Registrations waiting for their address to be confirmed. The registration is encrypted under the keys of its
-- pending id (the member id it becomes once confirmed); nothing of it is readable here, and an unconfirmed one is
-- deleted and its keys destroyed when it expires. The address is in one_time_code, as a blind index.
CREATE TABLE pending_registration (
    pending_id   UUID        PRIMARY KEY,
    payload_type TEXT        NOT NULL,
    payload      BYTEA       NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_registration_expiry ON pending_registration (expires_at);
