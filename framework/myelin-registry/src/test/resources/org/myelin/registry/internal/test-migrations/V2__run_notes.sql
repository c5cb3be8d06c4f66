-- a later release's migration, used to test upgrading a version-1 registry
CREATE TABLE IF NOT EXISTS run_notes (
    run_id BIGINT NOT NULL REFERENCES runs (run_id),
    note   VARCHAR(1000) NOT NULL
);
INSERT INTO run_notes (run_id, note) SELECT run_id, 'migrated' FROM runs;
