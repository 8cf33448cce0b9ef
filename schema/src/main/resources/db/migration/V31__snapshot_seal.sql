-- A MAC over every stored snapshot's bytes, keyed by a service secret wrapped by the KEK. Command handlers act on the
-- state a snapshot holds (legal holds, consents, shares): a snapshot changed in SQL does not verify and the aggregate
-- is sourced from its events instead (which the audit chain protects). Ids, numbers and MACs only.
CREATE TABLE snapshot_seal (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    mac                  BYTEA        NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);
