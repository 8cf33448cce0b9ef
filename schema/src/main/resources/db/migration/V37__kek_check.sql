-- One value wrapped by the KEK the database's keys are wrapped with: a node whose KEK does not open it refuses to
-- start, and a node without a KEK file never makes a new one beside a database that already has keys (KekCheck).
-- Random bytes, never key material of any member.
CREATE TABLE kek_check (
    id            SMALLINT    PRIMARY KEY CHECK (id = 1),
    wrapped_value BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
