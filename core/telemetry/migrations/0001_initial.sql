-- Continuo telemetry database (<data directory>/telemetry.db), schema version 1.
-- Applied inside one transaction by TelemetryPersistence; PRAGMA user_version is set by the runner.
-- Chunks are the store's Gorilla encodings (XorChunk.h) exactly as sealed in memory.

-- One row per series; the id is stable across restarts (the in-memory SeriesId is not).
-- labels is a compact JSON object with keys in sorted order, so equal label sets are equal text.
CREATE TABLE series (
    id     INTEGER PRIMARY KEY,
    metric TEXT NOT NULL,
    labels TEXT NOT NULL,
    UNIQUE (metric, labels)
);

-- Sealed chunks: tier 0 raw samples (XorChunk), 1 one-minute and 2 one-hour rollups
-- (RollupChunk: min, max, sum, count per bucket start). min_ts/max_ts bound the timestamps
-- (bucket starts for rollups) inside the blob.
CREATE TABLE chunks (
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    tier      INTEGER NOT NULL,
    min_ts    INTEGER NOT NULL,
    max_ts    INTEGER NOT NULL,
    data      BLOB NOT NULL
);
-- Range reads of one series and tier.
CREATE INDEX chunks_by_series ON chunks (series_id, tier, min_ts);
-- Retention (DELETE ... WHERE tier = ? AND max_ts < ?) and the restart load of recent chunks.
CREATE INDEX chunks_by_age ON chunks (tier, max_ts);

-- The unsealed part of each series as of the last checkpoint, replaced at every checkpoint:
-- the head sample chunk and, per rollup tier, the bucket still being filled (a one-bucket
-- RollupChunk). last_ts is the newest sample the snapshot includes.
CREATE TABLE heads (
    series_id   INTEGER PRIMARY KEY NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    last_ts     INTEGER NOT NULL,
    samples     BLOB,
    minute_open BLOB,
    hour_open   BLOB
);

-- The head rollup chunk per series and tier (1 one minute, 2 one hour), part of the same
-- checkpoint as its heads row. A table of its own because it changes once per bucket, not
-- once per sample: checkpoints rewrite it only then.
CREATE TABLE rollup_heads (
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    tier      INTEGER NOT NULL,
    data      BLOB,
    PRIMARY KEY (series_id, tier)
);
