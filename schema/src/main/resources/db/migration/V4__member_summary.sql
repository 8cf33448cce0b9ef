-- Read model: one masked row per member. Holds no full name, phone or email: only masked forms and coarse
-- attributes. Deleted when the member is erased.
CREATE TABLE member_summary (
    member_id      UUID        PRIMARY KEY,
    masked_name    TEXT        NOT NULL,
    masked_phone   TEXT,
    masked_email   TEXT,
    gender         TEXT,
    age_band       TEXT,
    city           TEXT,
    status         TEXT        NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    events_applied INTEGER     NOT NULL
);
CREATE INDEX member_summary_city ON member_summary (city);
