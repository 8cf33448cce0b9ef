-- When each member was last active (registration, then every login), for the retention rule. Ids and times only;
-- removed on erasure.
CREATE TABLE member_activity (
    member_id      UUID        PRIMARY KEY,
    last_active_at TIMESTAMPTZ NOT NULL
);
INSERT INTO member_activity (member_id, last_active_at)
SELECT account_id, created_at FROM account WHERE kind = 'MEMBER';

-- Retention notices waiting for their period to pass (a projection, so a restart loses none).
CREATE TABLE retention_schedule (
    member_id      UUID        PRIMARY KEY,
    last_active_at TIMESTAMPTZ NOT NULL,
    issued_at      TIMESTAMPTZ NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX retention_schedule_due ON retention_schedule (due_at);

-- Read model for compliance: members under a legal hold. The reason is personal (encrypted in the member's event).
CREATE TABLE legal_hold (
    member_id UUID        PRIMARY KEY,
    placed_by UUID        NOT NULL,
    placed_at TIMESTAMPTZ NOT NULL
);

-- Receipts say why the member was erased, and whether the erasure had to be carried out again because their keys came
-- back (a database restored from a backup older than the erasure; see the erasure ledger).
ALTER TABLE erasure_receipt
    ADD COLUMN cause          TEXT    NOT NULL DEFAULT 'MEMBER_REQUEST',
    ADD COLUMN reapplied_at   TIMESTAMPTZ,
    ADD COLUMN reapplications INTEGER NOT NULL DEFAULT 0;
