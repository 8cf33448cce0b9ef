-- What the risk rules count: accesses to members' data per account (staff views, reveals, shares; members' own
-- exports), ids and times only. Kept in the same transaction as the access event; old rows are pruned.
CREATE TABLE risk_access (
    id         BIGSERIAL   PRIMARY KEY,
    account_id UUID        NOT NULL,
    member_id  UUID        NOT NULL,
    kind       TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX risk_access_account ON risk_access (account_id, at);
CREATE INDEX risk_access_member ON risk_access (member_id);

-- Per account and rule: the open alert (a rule fires once until compliance resolves it) and the time from which
-- accesses count again after a resolution.
CREATE TABLE risk_rule_state (
    account_id    UUID        NOT NULL,
    rule          TEXT        NOT NULL,
    open_alert_id UUID,
    counted_from  TIMESTAMPTZ,
    PRIMARY KEY (account_id, rule)
);

-- Read model for compliance: alerts and how they were resolved. The resolution note is not here (it is personal,
-- encrypted in the event); the query decrypts it from the log.
CREATE TABLE risk_alert (
    alert_id     UUID        PRIMARY KEY,
    account_id   UUID        NOT NULL,
    account_kind TEXT        NOT NULL,
    rule         TEXT        NOT NULL,
    observed     BIGINT      NOT NULL,
    threshold    BIGINT      NOT NULL,
    window_iso   TEXT,
    raised_at    TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL,
    decision     TEXT,
    resolved_by  UUID,
    resolved_at  TIMESTAMPTZ
);
CREATE INDEX risk_alert_raised ON risk_alert (raised_at DESC, alert_id);
