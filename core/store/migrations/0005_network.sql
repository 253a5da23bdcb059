-- Continuo state store, schema version 5: P4 network control (issue 7).
-- One generic table for the network controller's durable state, JSON bodies:
--   kind 'p4.entry'    scope = switch id, key = the entry's match key (desired entries)
--   kind 'connection'  scope = '',        key = connection id
--   kind 'sla'         scope = '',        key = rule id
--   kind 'int.switch'  scope = '',        key = switch id (its INT switch_id)
--   kind 'reroute'     scope = '',        key = zero-padded time + connection id (history)
CREATE TABLE network_state (
    kind       TEXT NOT NULL,
    scope      TEXT NOT NULL,
    key        TEXT NOT NULL,
    body       BLOB NOT NULL,
    updated_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, scope, key)
) WITHOUT ROWID;
