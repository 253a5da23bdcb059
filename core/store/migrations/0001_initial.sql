-- Continuo state store, schema version 1.
-- Applied inside one transaction by SqliteStateStore; PRAGMA user_version is set by the runner.
-- JSON bodies use the camelCase forms of core/model/ModelJson.h.

-- Small integer facts about the store that must never go backwards.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES
    ('inventory_revision', 0),   -- highest inventory revision ever written (removals included)
    ('last_event_sequence', 0);  -- highest event sequence ever written, survives event pruning

-- The continuum graph, one row per entity; kind is toString(EntityKind) ("node", "link", ...).
CREATE TABLE inventory (
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL,
    revision INTEGER NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TABLE deployments (
    id         TEXT PRIMARY KEY NOT NULL,
    body       TEXT NOT NULL,
    updated_ms INTEGER NOT NULL DEFAULT 0
);

-- sequence is the engine's event sequence (an alias of the rowid, so range scans are cheap).
CREATE TABLE events (
    sequence     INTEGER PRIMARY KEY,
    type         TEXT NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    severity     TEXT NOT NULL,
    subject_id   TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL
);

-- Entries are ordered by (type, sequence), which serves "type starts with X after sequence N".
CREATE INDEX events_type ON events (type);

-- Operator and automation actions, kept forever; AUTOINCREMENT so ids are never reused.
CREATE TABLE audit (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp_ms INTEGER NOT NULL,
    actor        TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL,
    target       TEXT NOT NULL DEFAULT '',
    details      TEXT NOT NULL DEFAULT '{}'
);
