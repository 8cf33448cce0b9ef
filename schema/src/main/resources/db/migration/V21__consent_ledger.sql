-- Published privacy-policy versions, in publication order; the last one is current. Public text only. Kept in the
-- same transaction as the publication, so a new version gates members from the very next request.
CREATE TABLE privacy_policy_version (
    seq          BIGSERIAL   PRIMARY KEY,
    version      TEXT        NOT NULL UNIQUE,
    text         TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL
);

-- The policy version each member last accepted, beside their login, so every request can check it.
ALTER TABLE account ADD COLUMN accepted_policy_version TEXT;

-- Members registered before this column existed accepted the version their registration names (stored in the clear:
-- a policy version is not personal).
UPDATE account a SET accepted_policy_version = (
    SELECT convert_from(e.payload, 'UTF8')::jsonb ->> 'acceptedPrivacyPolicyVersion'
    FROM domain_event_entry e
    WHERE e.aggregate_identifier = a.account_id::text
      AND e.payload_type = 'com.matchmaking.schema.member.MemberRegistered'
    LIMIT 1)
WHERE a.kind = 'MEMBER';
