-- Logins of members and staff. Maintained in the same transaction as the events that change them, so a
-- registration can log in the moment it returns. The login is found by its blind index (HMAC of the normalised
-- email or username), never stored in the clear.
CREATE TABLE account (
    account_id    UUID        PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('MEMBER', 'STAFF')),
    login_index   TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    roles         TEXT[]      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT account_login_index_unique UNIQUE (login_index)
);

-- Secrets of the service itself (the token signing key), wrapped by the KEK like every other key.
CREATE TABLE service_secret (
    name          TEXT        PRIMARY KEY,
    wrapped_value BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

-- Erasures waiting for their cooling-off period to pass. Ids and times only.
CREATE TABLE erasure_schedule (
    member_id    UUID        PRIMARY KEY,
    requested_at TIMESTAMPTZ NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX erasure_schedule_due ON erasure_schedule (due_at);

-- What each erasure destroyed and when. No personal data: ids, times, key group names and counts.
CREATE TABLE erasure_receipt (
    receipt_id          UUID        PRIMARY KEY,
    member_id           UUID        NOT NULL UNIQUE,
    requested_at        TIMESTAMPTZ NOT NULL,
    erased_at           TIMESTAMPTZ NOT NULL,
    key_groups          TEXT[]      NOT NULL,
    snapshots_deleted   INTEGER     NOT NULL,
    dead_letters_purged INTEGER     NOT NULL,
    sagas_ended         INTEGER     NOT NULL,
    login_removed       BOOLEAN     NOT NULL
);
