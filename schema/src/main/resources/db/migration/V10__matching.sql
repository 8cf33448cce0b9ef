-- The matching read model: the attributes matching compares and the member's partner preferences, nothing else.
-- No name, no contact, no about-me or other free text: a candidate list can never carry them because they are not
-- here. Rows go with the member on erasure.
CREATE TABLE matching_profile (
    member_id      UUID    PRIMARY KEY,
    gender         TEXT,
    birth_date     DATE,
    city           TEXT,
    education      TEXT,
    height_cm      INTEGER,
    marital_status TEXT,
    -- PartnerPreferences as JSON: per criterion the accepted values or range, hard (required) or soft (weight).
    preferences    JSONB,
    -- Consent to PERSONALISED_RECOMMENDATIONS: without it the member's own suggestions use plain filters only.
    personalised   BOOLEAN NOT NULL DEFAULT FALSE,
    paused         BOOLEAN NOT NULL DEFAULT FALSE,
    suspended      BOOLEAN NOT NULL DEFAULT FALSE
);

-- Pairs never to suggest to each other, stored both ways so a member's exclusions are one index range: introduced
-- (in any state, declined included) or blocked by either side. Who blocked whom is not kept.
CREATE TABLE matching_exclusion (
    member_id UUID NOT NULL,
    other_id  UUID NOT NULL,
    PRIMARY KEY (member_id, other_id)
);
CREATE INDEX matching_exclusion_other ON matching_exclusion (other_id);

-- Change tracking for the in-memory candidate pools of every node; bookkeeping, not a read model (a replay gives
-- other revisions). Each change of a matching_profile row takes the next revision from matching_state under its row
-- lock, so revisions commit in order and "rows past the revision I have" never skips a commit; removals count
-- separately because a removed row leaves no revision behind.
CREATE TABLE matching_sync (
    member_id UUID   PRIMARY KEY,
    revision  BIGINT NOT NULL
);
CREATE INDEX matching_sync_revision ON matching_sync (revision);

CREATE TABLE matching_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    revision  BIGINT  NOT NULL,
    removals  BIGINT  NOT NULL
);
INSERT INTO matching_state (id, revision, removals) VALUES (1, 0, 0);
