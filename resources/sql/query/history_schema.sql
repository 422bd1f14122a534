-- The query editor's history and snippets, in a file of Quarry's own (never in the person's database).
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY,
    database TEXT NOT NULL,         -- canonical path of the database file the statement ran against
    sql TEXT NOT NULL,
    started_at TEXT NOT NULL,       -- ISO 8601, UTC
    duration_ms INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error', 'cancelled')),
    detail TEXT NOT NULL DEFAULT '' -- "3 rows", "1 row affected", or the error
);
CREATE INDEX IF NOT EXISTS idx_history_database ON history (database, id);

CREATE TABLE IF NOT EXISTS snippets (
    name TEXT PRIMARY KEY,
    sql TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
