#pragma once

#include "anomaly/Alert.h"
#include "anomaly/AlertRule.h"
#include "continuo_core_export.h"
#include "model/Event.h"
#include "model/Inventory.h"
#include "model/Workload.h"

#include <functional>
#include <optional>

namespace Continuo {

/// Everything the engine restores at start.
struct PersistedState
{
    InventorySnapshot inventory;
    QList<Deployment> deployments;
    QList<Workload> workloads;   ///< Submitted intents, by id.
    QList<Event> recentEvents;   ///< Newest last, at most the limit given to load().
    qint64 lastEventSequence = 0; ///< Highest sequence ever stored (0 if none).
};

/// One version of the operator's alert rules, as stored by appendAlertRules().
struct AlertRuleSet
{
    qint64 revision = 0;    ///< 1, 2, ... in the order the sets were stored
    qint64 createdAtMs = 0;
    QString createdBy;      ///< The actor who set them.
    QList<AlertRule> rules; ///< In evaluation order; may be empty (alerting rules all removed).
};

/// Durable state of the engine. Writes are queued and committed in batches on the store's own
/// thread; audit entries are committed before appendAudit() returns. The SQLite store is the
/// first implementation; a distributed one (etcd) can replace it behind this interface.
/// One row of the network controller's durable state.
struct NetworkRow
{
    QString scope;
    QString key;
    QByteArray body;
};

class CONTINUO_CORE_EXPORT IStateStore
{
public:
    using ErrorHandler = std::function<void(const QString &message)>;

    virtual ~IStateStore();

    /// Open (creating if needed) the store in `directory` and run pending migrations.
    /// A corrupt or foreign database is reported, never overwritten.
    virtual Result<void> open(const QString &directory) = 0;
    /// Commit what is queued and close. Safe to call twice.
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

    /// Read back inventory, workloads, deployments and the newest `recentEventLimit` events.
    virtual Result<PersistedState> load(int recentEventLimit) = 0;

    virtual void writeInventoryDeltas(const QList<InventoryDelta> &deltas) = 0;
    virtual void writeDeployment(const Deployment &deployment) = 0;
    /// Queue an insert-or-update of a workload intent, by id.
    virtual void writeWorkload(const Workload &workload) = 0;
    virtual void writeEvents(const QList<Event> &events) = 0;

    /// Commit an audit entry now; returns it with its id.
    virtual Result<AuditEntry> appendAudit(const AuditEntry &entry) = 0;
    /// Audit entries with id > afterId, oldest first, at most `limit`.
    virtual Result<QList<AuditEntry>> auditLog(qint64 afterId, int limit) = 0;
    /// Events with sequence > afterSequence whose type starts with `typePrefix`, oldest first.
    virtual Result<QList<Event>> events(qint64 afterSequence, int limit,
                                        const QString &typePrefix) = 0;

    /// Queue an insert-or-update of an alert, by id. Alerts are never deleted: resolved ones
    /// are the alert history.
    virtual void writeAlert(const Alert &alert) = 0;
    /// Queue an insert-or-update of a silence, by id (ended silences stay as history).
    virtual void writeSilence(const Silence &silence) = 0;
    /// Alerts that are pending or firing, oldest first.
    virtual Result<QList<Alert>> activeAlerts() = 0;
    /// Alerts of any state that started at or after `fromMs`, newest first, at most `limit`
    /// (a negative limit means no limit).
    virtual Result<QList<Alert>> alertHistory(qint64 fromMs, int limit) = 0;
    /// Silences that end after `endsAfterMs` (0: every silence ever made), oldest first.
    virtual Result<QList<Silence>> silences(qint64 endsAfterMs) = 0;

    /// Store a new version of the alert rules, committed before returning (rules are
    /// configuration an operator was told is in force). Older versions are kept as history.
    virtual Result<AlertRuleSet> appendAlertRules(const QList<AlertRule> &rules,
                                                  const QString &actor) = 0;
    /// The newest stored version; empty when rules were never stored (use the defaults). A set
    /// that this build cannot read fails with an error naming the rule.
    virtual Result<std::optional<AlertRuleSet>> latestAlertRules() = 0;

    /// Block until every queued write is committed.
    /// Network controller state (schema 5): rows of one kind, grouped by scope (a switch id for
    /// P4 entries). In one transaction: when `replaceScope`, every row of (kind, scope) goes
    /// first; then `upserts` (key → body) are written and `removedKeys` deleted. Committed before
    /// returning.
    virtual Result<void> writeNetworkRows(const QString &kind, const QString &scope,
                                          const QList<QPair<QString, QByteArray>> &upserts,
                                          const QStringList &removedKeys, bool replaceScope) = 0;
    /// Every row of a kind: (scope, key, body).
    virtual Result<QList<NetworkRow>> networkRows(const QString &kind) = 0;

    virtual Result<void> flush() = 0;
    /// Called (on the store thread) when a queued write fails.
    virtual void setErrorHandler(ErrorHandler handler) = 0;
    /// The schema version after migrations (`PRAGMA user_version`).
    virtual int schemaVersion() const = 0;
};

} // namespace Continuo
