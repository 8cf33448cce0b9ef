-- Staff accounts share the login table with members. What gates a staff member's access to personal data is kept
-- beside the login, so that every request can check it.
ALTER TABLE account
    ADD COLUMN suspended             BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN agreement_version     TEXT,
    ADD COLUMN agreement_signed_on   DATE,
    ADD COLUMN training_completed_on DATE;

-- Failed logins per login name, whether or not the name exists, so that lockout says nothing about existence.
CREATE TABLE login_attempt (
    login_index     TEXT        PRIMARY KEY,
    failures        INTEGER     NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ
);

-- Read model for administrators: staff accounts as they manage them.
CREATE TABLE staff_directory (
    staff_id              UUID        PRIMARY KEY,
    display_name          TEXT        NOT NULL,
    roles                 TEXT[]      NOT NULL,
    suspended             BOOLEAN     NOT NULL,
    suspension_reason     TEXT,
    agreement_version     TEXT,
    agreement_signed_on   DATE,
    training_completed_on DATE,
    created_at            TIMESTAMPTZ NOT NULL
);

-- The member summary of the first release is replaced by one read model per staff audience.
DROP TABLE member_summary;

-- Read model for matchmakers. Contact data masked only; the birth date is kept so the age stays right over the years
-- (matchmakers see ages, never dates). A matchmaker reads full rows of the members assigned to them and only the
-- pool columns of unassigned ones.
CREATE TABLE matchmaker_member_card (
    member_id      UUID        PRIMARY KEY,
    matchmaker_id  UUID,
    masked_name    TEXT        NOT NULL,
    masked_phone   TEXT,
    masked_email   TEXT,
    masked_wechat  TEXT,
    id_verified    BOOLEAN     NOT NULL DEFAULT FALSE,
    birth_date     DATE,
    gender         TEXT,
    city           TEXT,
    education      TEXT,
    height_cm      INTEGER,
    marital_status TEXT,
    occupation     TEXT,
    income_band    TEXT,
    about_me       TEXT,
    preferences    TEXT,
    status         TEXT        NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX matchmaker_member_card_matchmaker ON matchmaker_member_card (matchmaker_id, registered_at, member_id);
CREATE INDEX matchmaker_member_card_pool ON matchmaker_member_card (registered_at, member_id) WHERE matchmaker_id IS NULL;

-- Read model for customer service: masked contact data, ID verified or not, the birth year (for an age band) and the
-- city. events_applied counts the member events folded in: a lost or doubled event shows.
CREATE TABLE service_member_card (
    member_id      UUID        PRIMARY KEY,
    masked_name    TEXT        NOT NULL,
    masked_phone   TEXT,
    masked_email   TEXT,
    masked_wechat  TEXT,
    id_verified    BOOLEAN     NOT NULL DEFAULT FALSE,
    birth_year     INTEGER,
    city           TEXT,
    status         TEXT        NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    events_applied INTEGER     NOT NULL
);
CREATE INDEX service_member_card_page ON service_member_card (registered_at, member_id);
CREATE INDEX service_member_card_city ON service_member_card (city);
