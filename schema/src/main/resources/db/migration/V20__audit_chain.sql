-- The hash chain over the event log (tamper evidence). Each stored event gets one link: the SHA-256 of the row's
-- stored bytes (every column, ciphertext included) and an HMAC that chains it to the link before. The HMAC key is a
-- service secret wrapped by the KEK, so someone who can write to the database cannot forge links. Erasure destroys
-- keys, never events, so it never touches the chain.
CREATE TABLE audit_chain (
    global_index     BIGINT      PRIMARY KEY,
    ordinal          BIGINT      NOT NULL UNIQUE,
    event_identifier VARCHAR(255) NOT NULL,
    row_hash         BYTEA       NOT NULL,
    link             BYTEA       NOT NULL,
    sealed_at        TIMESTAMPTZ NOT NULL
);

-- Persisted checkpoints: how far the chain reached, how many events it held and the link there, MAC'd with the
-- same key. Verification checks every one of them.
CREATE TABLE audit_chain_checkpoint (
    checkpoint_id BIGSERIAL   PRIMARY KEY,
    up_to_index   BIGINT      NOT NULL,
    event_count   BIGINT      NOT NULL,
    link          BYTEA       NOT NULL,
    mac           BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
