-- Read model for compliance: the register of third-party shares. Ids, fields, states and dates; recipients and
-- purposes are personal (encrypted in the member's events) and are decrypted from the log when the register is read.
CREATE TABLE data_share (
    share_id       UUID        PRIMARY KEY,
    member_id      UUID        NOT NULL,
    requester_id   UUID        NOT NULL,
    requester_role TEXT        NOT NULL,
    fields         TEXT[]      NOT NULL,
    status         TEXT        NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    consented_at   TIMESTAMPTZ,
    approver_id    UUID,
    approved_at    TIMESTAMPTZ,
    shared_at      TIMESTAMPTZ,
    closed_at      TIMESTAMPTZ
);
CREATE INDEX data_share_member ON data_share (member_id);
CREATE INDEX data_share_requested ON data_share (requested_at, share_id);
