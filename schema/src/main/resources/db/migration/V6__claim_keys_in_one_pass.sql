-- Key creation reads the subject's rows once instead of once per group (a correlated max(generation) per group cost
-- most of the function's time): same locking, same fence, same results.
CREATE OR REPLACE FUNCTION claim_subject_keys(p_subject UUID, p_groups TEXT[], p_wrapped BYTEA[], p_now TIMESTAMPTZ)
    RETURNS TABLE (key_group TEXT, generation INTEGER, wrapped_keyset BYTEA)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    PERFORM subject_key_lock(p_subject);
    IF EXISTS (SELECT 1 FROM erasure_fence f WHERE f.subject_id = p_subject) THEN
        RAISE EXCEPTION 'subject % is erased', p_subject USING ERRCODE = 'KE001';
    END IF;
    RETURN QUERY
        WITH existing AS MATERIALIZED (
            SELECT k.key_group AS grp, k.generation AS gen, k.wrapped_keyset AS wrapped
            FROM subject_key k WHERE k.subject_id = p_subject),
        inserted AS (
            INSERT INTO subject_key AS n (subject_id, key_group, generation, wrapped_keyset, created_at)
            SELECT p_subject, g.grp, COALESCE((SELECT max(e.gen) FROM existing e WHERE e.grp = g.grp), 0) + 1,
                   g.wrapped, p_now
            FROM unnest(p_groups, p_wrapped) AS g(grp, wrapped)
            WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.grp = g.grp AND e.wrapped IS NOT NULL)
            RETURNING n.key_group, n.generation, n.wrapped_keyset)
        SELECT e.grp, e.gen, e.wrapped FROM existing e
        UNION ALL
        SELECT i.key_group, i.generation, i.wrapped_keyset FROM inserted i;
END;
$$;
