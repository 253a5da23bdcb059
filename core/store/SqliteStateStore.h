#pragma once

#include "continuo_core_export.h"
#include "store/IStateStore.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <utility>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Continuo {

namespace Internal {
class SqliteStoreWorker;
} // namespace Internal

/// IStateStore on SQLite (QGroundControl's tile-cache worker pattern).
///
/// One storage thread owns the only sqlite3 connection. The write calls queue their data and
/// return at once; the storage thread commits whatever is queued in one transaction at most
/// every few tens of milliseconds, so thousands of events a second cost a handful of commits.
/// The other calls block the caller until the storage thread answers, and see every write that
/// was queued before them. Every method may be called from any thread, including threads that
/// Qt did not create (gRPC handlers).
///
/// The database is `<directory>/continuo.db` in WAL mode. The schema is built by the numbered
/// migrations embedded under `:/continuo/store/migrations/`, tracked with `PRAGMA user_version`.
/// A file that is not a healthy Continuo database, or one written by a newer Continuo, is refused
/// and left untouched.
class CONTINUO_CORE_EXPORT SqliteStateStore final : public IStateStore
{
public:
    SqliteStateStore();
    ~SqliteStateStore() override;

    SqliteStateStore(const SqliteStateStore &) = delete;
    SqliteStateStore &operator=(const SqliteStateStore &) = delete;

    /// Name of the database file inside the directory given to open().
    static QString databaseFileName();
    /// The schema version this build migrates to: the number of the last migration file.
    static int latestSchemaVersion();

    /// How long a statement waits for a lock held by another connection (another process, a
    /// backup tool) before it fails. Takes effect at the next open(); the default is 5 s.
    void setBusyTimeout(std::chrono::milliseconds timeout);
    /// Full path of the database file; empty until open() succeeded.
    QString databasePath() const;
    /// Write transactions committed by the storage thread so far (diagnostics and tests).
    qint64 committedBatchCount() const;

    Result<void> open(const QString &directory) override;
    void close() override;
    bool isOpen() const override;

    Result<PersistedState> load(int recentEventLimit) override;

    void writeInventoryDeltas(const QList<InventoryDelta> &deltas) override;
    void writeDeployment(const Deployment &deployment) override;
    void writeWorkload(const Workload &workload) override;
    void writeEvents(const QList<Event> &events) override;

    Result<AuditEntry> appendAudit(const AuditEntry &entry) override;
    /// A negative `limit` means no limit.
    Result<QList<AuditEntry>> auditLog(qint64 afterId, int limit) override;
    /// A negative `limit` means no limit; an empty `typePrefix` matches every event.
    Result<QList<Event>> events(qint64 afterSequence, int limit,
                                const QString &typePrefix) override;

    void writeAlert(const Alert &alert) override;
    void writeSilence(const Silence &silence) override;
    Result<QList<Alert>> activeAlerts() override;
    Result<QList<Alert>> alertHistory(qint64 fromMs, int limit) override;
    Result<QList<Silence>> silences(qint64 endsAfterMs) override;
    Result<AlertRuleSet> appendAlertRules(const QList<AlertRule> &rules,
                                          const QString &actor) override;
    Result<std::optional<AlertRuleSet>> latestAlertRules() override;

    /// Also fails when a queued write was lost since the previous flush().
    Result<void> writeNetworkRows(const QString &kind, const QString &scope,
                                  const QList<QPair<QString, QByteArray>> &upserts,
                                  const QStringList &removedKeys, bool replaceScope) override;
    Result<QList<NetworkRow>> networkRows(const QString &kind) override;
    Result<void> flush() override;
    void setErrorHandler(ErrorHandler handler) override;
    int schemaVersion() const override;

private:
    void reportWriteError(const QString &message);
    bool isOnStoreThread() const;
    /// Run `function(worker)` on the storage thread and wait for its result.
    template <typename Function>
    auto callWorker(Function &&function)
        -> decltype(function(std::declval<Internal::SqliteStoreWorker &>()));

    // Held shared by every call that uses the worker, exclusively by open() and close(), so the
    // worker and its thread never disappear under a caller.
    mutable std::shared_mutex m_lifecycleMutex;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<Internal::SqliteStoreWorker> m_worker;
    QString m_databasePath;
    std::chrono::milliseconds m_busyTimeout{5000};

    std::atomic<QThread *> m_storeThread{nullptr};
    std::atomic<bool> m_isOpen{false};
    std::atomic<int> m_schemaVersion{0};
    std::atomic<qint64> m_committedBatches{0};

    std::mutex m_errorHandlerMutex;
    ErrorHandler m_errorHandler;
};

} // namespace Continuo
