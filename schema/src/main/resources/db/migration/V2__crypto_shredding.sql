-- Tables and functions of the keys module (crypto-shredding). Key material is stored only wrapped by the KEK.

-- One Tink AES-256-GCM keyset per subject and key group. Destroying a group keeps the row as a tombstone
-- (wrapped_keyset NULL) so that its ciphertexts read back as placeholders, not as errors; a later write to the
-- group gets the next generation. Erasure deletes every row of the subject.
CREATE TABLE subject_key (
    subject_id     UUID        NOT NULL,
    key_group      TEXT        NOT NULL,
    generation     INTEGER     NOT NULL,
    wrapped_keyset BYTEA,
    created_at     TIMESTAMPTZ NOT NULL,
    destroyed_at   TIMESTAMPTZ,
    PRIMARY KEY (subject_id, key_group, generation),
    CONSTRAINT subject_key_destroyed_has_no_key CHECK ((wrapped_keyset IS NULL) = (destroyed_at IS NOT NULL))
);
-- At most one live key per subject and group.
CREATE UNIQUE INDEX subject_key_one_live_per_group ON subject_key (subject_id, key_group) WHERE wrapped_keyset IS NOT NULL;

-- After erasure no key can ever be created again for the subject. Ids and times only.
CREATE TABLE erasure_fence (
    subject_id UUID        PRIMARY KEY,
    erased_at  TIMESTAMPTZ NOT NULL
);

-- Keys of blind indexes (HMAC of a normalised value), one per purpose.
CREATE TABLE lookup_key (
    purpose        TEXT        PRIMARY KEY,
    wrapped_keyset BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

-- Creation, erasure and group destruction serialise per subject on one advisory lock, so a key can neither be
-- created twice nor appear beside a concurrent erasure. Each is one round trip from the application.

CREATE FUNCTION subject_key_lock(p_subject UUID) RETURNS VOID LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtextextended('subject_key:' || p_subject::text, 0));
$$;

-- Creates a key for each named group without a live one (p_wrapped holds fresh wrapped keysets in the same order)
-- and returns every key row of the subject. Refuses with SQLSTATE KE001 behind an erasure fence.
CREATE FUNCTION claim_subject_keys(p_subject UUID, p_groups TEXT[], p_wrapped BYTEA[], p_now TIMESTAMPTZ)
    RETURNS TABLE (key_group TEXT, generation INTEGER, wrapped_keyset BYTEA)
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subject_key_lock(p_subject);
    IF EXISTS (SELECT 1 FROM erasure_fence f WHERE f.subject_id = p_subject) THEN
        RAISE EXCEPTION 'subject % is erased', p_subject USING ERRCODE = 'KE001';
    END IF;
    INSERT INTO subject_key (subject_id, key_group, generation, wrapped_keyset, created_at)
    SELECT p_subject, g.grp,
           COALESCE((SELECT max(x.generation) FROM subject_key x
                     WHERE x.subject_id = p_subject AND x.key_group = g.grp), 0) + 1,
           g.wrapped, p_now
    FROM unnest(p_groups, p_wrapped) AS g(grp, wrapped)
    WHERE NOT EXISTS (SELECT 1 FROM subject_key y
                      WHERE y.subject_id = p_subject AND y.key_group = g.grp AND y.wrapped_keyset IS NOT NULL);
    RETURN QUERY SELECT k.key_group, k.generation, k.wrapped_keyset FROM subject_key k WHERE k.subject_id = p_subject;
END;
$$;

-- Raises the fence, deletes every key of the subject and returns what was deleted. Idempotent.
CREATE FUNCTION erase_subject_keys(p_subject UUID, p_now TIMESTAMPTZ)
    RETURNS TABLE (key_group TEXT, generation INTEGER)
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subject_key_lock(p_subject);
    INSERT INTO erasure_fence (subject_id, erased_at) VALUES (p_subject, p_now) ON CONFLICT (subject_id) DO NOTHING;
    PERFORM pg_notify('subject_keys_changed', p_subject::text);
    RETURN QUERY DELETE FROM subject_key k WHERE k.subject_id = p_subject RETURNING k.key_group, k.generation;
END;
$$;

-- Destroys the live key of one group and returns how many keys were destroyed (0 or 1).
CREATE FUNCTION destroy_key_group(p_subject UUID, p_group TEXT, p_now TIMESTAMPTZ)
    RETURNS INTEGER
    LANGUAGE plpgsql AS $$
DECLARE
    destroyed INTEGER;
BEGIN
    PERFORM subject_key_lock(p_subject);
    UPDATE subject_key SET wrapped_keyset = NULL, destroyed_at = p_now
    WHERE subject_id = p_subject AND key_group = p_group AND wrapped_keyset IS NOT NULL;
    GET DIAGNOSTICS destroyed = ROW_COUNT;
    PERFORM pg_notify('subject_keys_changed', p_subject::text);
    RETURN destroyed;
END;
$$;
