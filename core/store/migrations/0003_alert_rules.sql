-- Continuo state store, schema version 3: operator alert rules (issue 4).
-- Every SetAlertRules stores the whole rule set as a new row; the newest row is in force and is
-- restored at start. No row at all means the built-in default rules. Older rows are the history
-- of who changed the rules and when (the audit log records the same action).
CREATE TABLE alert_rule_sets (
    revision   INTEGER PRIMARY KEY AUTOINCREMENT,
    created_ms INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL  -- JSON array of toJson(AlertRule), in evaluation order
);
