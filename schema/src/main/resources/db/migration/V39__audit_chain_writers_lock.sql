-- Every statement inserting into the event log holds a shared advisory lock to its commit, taken before the row's
-- global index is drawn from the sequence. The audit chain's sealer takes the same lock exclusively for an instant:
-- once it has it, no transaction holds an index it has not committed, so every index below the highest stored one is
-- settled. Until now the sealer took a SHARE lock on the table for this, which also waits for VACUUM and ANALYZE
-- (SHARE UPDATE EXCLUSIVE): after a bulk load autovacuum holds the table for minutes, and the sealer, which gives up
-- after half a second (before PostgreSQL would cancel the autovacuum for it), failed at every run meanwhile.
-- Two int4 keys: a key space apart from the bigint keys of the read models' member locks.
CREATE FUNCTION audit_chain_writer_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtext('audit_chain'), hashtext('domain_event_entry'));
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_chain_writer_lock BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_writer_lock();
