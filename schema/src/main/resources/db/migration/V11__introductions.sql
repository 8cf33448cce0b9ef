-- Introductions for listing and for the rules of new proposals: ids, answers, status, outcome and times. No note, no
-- meeting, no feedback (those stay encrypted under the introduction's key, in the log). When a member is erased their
-- id is cleared from their introductions, so nothing here links the erased member to anyone any more.
CREATE TABLE introduction (
    introduction_id UUID        PRIMARY KEY,
    member_a        UUID,
    member_b        UUID,
    erased_a        BOOLEAN     NOT NULL DEFAULT FALSE,
    erased_b        BOOLEAN     NOT NULL DEFAULT FALSE,
    matchmaker_id   UUID        NOT NULL,
    status          TEXT        NOT NULL,
    response_a      TEXT        NOT NULL DEFAULT 'PENDING',
    response_b      TEXT        NOT NULL DEFAULT 'PENDING',
    outcome         TEXT,
    proposed_at     TIMESTAMPTZ NOT NULL,
    confirmed_at    TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ
);

CREATE INDEX introduction_by_member_a ON introduction (member_a, proposed_at);
CREATE INDEX introduction_by_member_b ON introduction (member_b, proposed_at);
-- Two members are introduced to each other once, whoever proposes and in whichever order.
CREATE UNIQUE INDEX introduction_once_per_pair ON introduction (LEAST(member_a, member_b), GREATEST(member_a, member_b));

-- One row per member who was ever proposed: the row a proposal locks (SELECT ... FOR UPDATE) in the transaction that
-- stores its events, so that the weekly cap holds under concurrent proposals.
CREATE TABLE introduction_member_lock (
    member_id UUID PRIMARY KEY
);
