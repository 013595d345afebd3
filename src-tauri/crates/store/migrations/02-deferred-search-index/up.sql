-- QR Desk schema v2: faster search counts, and the search index can be switched off during a first bulk import and rebuilt
-- once at its end (a first sync of 100,000 codes ingests about twice as fast that way).
-- Invariant: `deferred` goes back to 0 only in the same transaction as a full rebuild of codes_fts,
-- so the external-content index is never asked to delete an entry it does not hold.
CREATE TABLE search_index (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    deferred INTEGER NOT NULL DEFAULT 0 CHECK (deferred IN (0, 1))
);
INSERT INTO search_index (id, deferred) VALUES (1, 0);

DROP TRIGGER codes_fts_insert;
DROP TRIGGER codes_fts_delete;
DROP TRIGGER codes_fts_update;
CREATE TRIGGER codes_fts_insert AFTER INSERT ON codes
WHEN (SELECT deferred FROM search_index WHERE id = 1) = 0 BEGIN
    INSERT INTO codes_fts (rowid, name, destination, content) VALUES (new.id, new.name, new.destination, new.content);
END;
CREATE TRIGGER codes_fts_delete AFTER DELETE ON codes
WHEN (SELECT deferred FROM search_index WHERE id = 1) = 0 BEGIN
    INSERT INTO codes_fts (codes_fts, rowid, name, destination, content) VALUES ('delete', old.id, old.name, old.destination, old.content);
END;
CREATE TRIGGER codes_fts_update AFTER UPDATE OF name, destination, content ON codes
WHEN (SELECT deferred FROM search_index WHERE id = 1) = 0 BEGIN
    INSERT INTO codes_fts (codes_fts, rowid, name, destination, content) VALUES ('delete', old.id, old.name, old.destination, old.content);
    INSERT INTO codes_fts (rowid, name, destination, content) VALUES (new.id, new.name, new.destination, new.content);
END;

-- Deleted codes are few: counting the matches of a search subtracts them through this small
-- index instead of joining every match with the codes table.
CREATE INDEX codes_deleted ON codes (id) WHERE deleted = 1;
