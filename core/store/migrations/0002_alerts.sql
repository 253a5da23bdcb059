-- Continuo state store, schema version 2: alert history and silences (issue 4).
-- Bodies are the JSON forms of core/anomaly/Alert.h (toJson(Alert), toJson(Silence)).

-- Every alert that fired, one row per alert, updated in place through its lifecycle and kept
-- after it resolved: the history Alertmanager does not keep.
CREATE TABLE alerts (
    id          TEXT PRIMARY KEY NOT NULL,
    rule_id     TEXT NOT NULL,
    group_key   TEXT NOT NULL DEFAULT '',
    subject_id  TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL,              -- toString(AlertState): pending, firing, resolved
    severity    TEXT NOT NULL DEFAULT '',
    started_ms  INTEGER NOT NULL DEFAULT 0,
    fired_ms    INTEGER NOT NULL DEFAULT 0,
    resolved_ms INTEGER NOT NULL DEFAULT 0,
    updated_ms  INTEGER NOT NULL DEFAULT 0,
    body        TEXT NOT NULL
);

-- "What is active now" at start-up, and "what happened since" for the history view.
CREATE INDEX alerts_state ON alerts (state);
CREATE INDEX alerts_started ON alerts (started_ms);
CREATE INDEX alerts_subject ON alerts (subject_id, started_ms);

-- Silences with who and why; ended ones are kept.
CREATE TABLE silences (
    id          TEXT PRIMARY KEY NOT NULL,
    created_by  TEXT NOT NULL DEFAULT '',
    created_ms  INTEGER NOT NULL DEFAULT 0,
    starts_ms   INTEGER NOT NULL DEFAULT 0,
    ends_ms     INTEGER NOT NULL DEFAULT 0,
    body        TEXT NOT NULL
);

CREATE INDEX silences_ends ON silences (ends_ms);
