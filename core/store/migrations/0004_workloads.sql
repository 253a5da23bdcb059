-- Continuo state store, schema version 4: workload intents (issue 5).
-- One row per submitted workload (what the operator asked to run); the deployments table holds
-- where each replica runs. Both are restored at start so reconciliation resumes after a restart.
CREATE TABLE workloads (
    id         TEXT PRIMARY KEY,
    body       TEXT NOT NULL,              -- JSON: toJson(Workload)
    updated_ms INTEGER NOT NULL DEFAULT 0
);
