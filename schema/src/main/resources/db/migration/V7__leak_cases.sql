-- Read model for compliance: leak reports as cases to work through. Never the reporter, the description or the
-- people named: compliance reads those from the log, and each such read is an access event.
CREATE TABLE leak_case (
    report_id  UUID        PRIMARY KEY,
    category   TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    outcome    TEXT,
    notes      INTEGER     NOT NULL,
    filed_at   TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX leak_case_status ON leak_case (status, filed_at);
