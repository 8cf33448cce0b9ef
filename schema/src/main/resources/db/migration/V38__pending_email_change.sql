-- A member's change of email waiting for the new address to be confirmed (issue 11, point 5). At most one per member:
-- asking again replaces it. The new address is encrypted under the member's own keys (erasure shreds it) and kept as
-- its login blind index, by which the one-time code mailed to it is found; the row goes with the member's login.
CREATE TABLE pending_email_change (
    member_id    UUID        PRIMARY KEY REFERENCES account (account_id) ON DELETE CASCADE,
    login_index  TEXT        NOT NULL,
    payload_type TEXT        NOT NULL,
    payload      BYTEA       NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_email_change_expiry ON pending_email_change (expires_at);
