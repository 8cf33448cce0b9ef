-- Read model for analytics: generalised attributes only (birth year, gender, city, education, status, the outcome of
-- the latest introduction). No name, no contact, no free text. The member id is kept so the row can follow the member
-- and go with them on erasure; no query an analyst can reach ever returns it.
CREATE TABLE analytics_member (
    member_id            UUID    PRIMARY KEY,
    birth_year           INTEGER,
    gender               TEXT,
    city                 TEXT,
    education            TEXT,
    status               TEXT    NOT NULL,
    introduction_outcome TEXT    NOT NULL DEFAULT 'NONE'
);
