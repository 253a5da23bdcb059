#include "store/SqliteStateStore.h"

#include "model/ModelJson.h"
#include "store/SqliteStatement.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutex>
#include <QScopeGuard>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <functional>
#include <optional>
#include <utility>

namespace Continuo {

namespace Internal {

namespace {

/// Longest a queued write waits before the storage thread commits it.
constexpr int kBatchIntervalMs = 20;
/// A queue this long is committed at once instead of waiting for the batch timer.
constexpr qsizetype kMaxBatchSize = 5000;
/// `PRAGMA application_id` of Continuo databases ("Cnto"), so foreign SQLite files are refused.
constexpr qint64 kApplicationId = 0x436e746f;

const char kMigrationsDirectory[] = ":/continuo/store/migrations";

struct Migration
{
    int version = 0;
    QString name;
    QByteArray sql;
};

Result<QList<Migration>> loadMigrations()
{
    const QDir directory{QString::fromLatin1(kMigrationsDirectory)};
    const QStringList names =
        directory.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (names.isEmpty())
        return makeError(QStringLiteral("no state store migrations are built into this Continuo"));
    QList<Migration> migrations;
    for (const QString &name : names) {
        bool numbered = false;
        const int version = name.section(QLatin1Char('_'), 0, 0).toInt(&numbered);
        if (!numbered || version != migrations.size() + 1) {
            return makeError(QStringLiteral("state store migration %1 is out of sequence: "
                                            "migrations are numbered 0001, 0002, ... without gaps")
                                 .arg(name));
        }
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("cannot read state store migration %1").arg(name));
        migrations.append({version, name, file.readAll()});
    }
    return migrations;
}

std::optional<QJsonObject> parseObject(const QByteArray &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString();
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// GLOB pattern matching every text that starts with `prefix` (GLOB, unlike LIKE, is
/// case-sensitive and can still use the index on events.type).
QString globPrefix(const QString &prefix)
{
    QString pattern;
    pattern.reserve(prefix.size() + 4);
    for (const QChar c : prefix) {
        if (c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('['))
            pattern += QLatin1Char('[') + c + QLatin1Char(']');
        else
            pattern += c;
    }
    pattern += QLatin1Char('*');
    return pattern;
}

template <typename T> void sortById(QList<T> &values)
{
    std::sort(values.begin(), values.end(),
              [](const T &left, const T &right) { return left.id < right.id; });
}

using Statement = Internal::SqliteStatement;

/// Queued writes not yet committed.
struct PendingWrites
{
    QList<InventoryDelta> deltas;
    QList<Deployment> deployments;
    QList<Workload> workloads;
    QList<Event> events;
    QList<Alert> alerts;
    QList<Silence> silences;

    qsizetype size() const
    {
        return deltas.size() + deployments.size() + workloads.size() + events.size()
               + alerts.size() + silences.size();
    }
    bool isEmpty() const { return size() == 0; }
};

template <typename T> void appendTo(QList<T> &queue, const QList<T> &values)
{
    if (queue.isEmpty())
        queue = values; // shares the caller's data, no element copies
    else
        queue.append(values);
}

} // namespace

/// Lives on the storage thread and owns the sqlite3 connection. Apart from the enqueue
/// functions, which any thread may call, every member runs on the storage thread.
class SqliteStoreWorker : public QObject
{
public:
    using ErrorReporter = std::function<void(const QString &message)>;

    SqliteStoreWorker(ErrorReporter reportError, std::atomic<qint64> &committedBatches)
        : m_reportError(std::move(reportError))
        , m_committedBatches(committedBatches)
    {
    }
    ~SqliteStoreWorker() override { closeDatabase(); }

    void enqueue(const QList<InventoryDelta> &deltas)
    {
        enqueueWith([&deltas](PendingWrites &pending) { appendTo(pending.deltas, deltas); });
    }
    void enqueue(const Deployment &deployment)
    {
        enqueueWith(
            [&deployment](PendingWrites &pending) { pending.deployments.append(deployment); });
    }
    void enqueue(const Workload &workload)
    {
        enqueueWith([&workload](PendingWrites &pending) { pending.workloads.append(workload); });
    }
    void enqueue(const QList<Event> &events)
    {
        enqueueWith([&events](PendingWrites &pending) { appendTo(pending.events, events); });
    }
    void enqueue(const Alert &alert)
    {
        enqueueWith([&alert](PendingWrites &pending) { pending.alerts.append(alert); });
    }
    void enqueue(const Silence &silence)
    {
        enqueueWith([&silence](PendingWrites &pending) { pending.silences.append(silence); });
    }

    Result<int> open(const QString &path, std::chrono::milliseconds busyTimeout);
    void shutdown();
    Result<void> drain();
    Result<void> flush();
    Result<PersistedState> load(int recentEventLimit);
    Result<AuditEntry> appendAudit(AuditEntry entry);
    Result<QList<AuditEntry>> auditLog(qint64 afterId, int limit);
    Result<QList<Event>> events(qint64 afterSequence, int limit, const QString &typePrefix);
    Result<QList<Alert>> alerts(const char *sql, qint64 parameter, int limit);
    Result<QList<Silence>> silences(qint64 endsAfterMs);
    Result<AlertRuleSet> appendAlertRules(const QList<AlertRule> &rules, const QString &actor);
    Result<std::optional<AlertRuleSet>> latestAlertRules();
    Result<void> writeNetworkRows(const QString &kind, const QString &scope,
                                  const QList<QPair<QString, QByteArray>> &upserts,
                                  const QStringList &removedKeys, bool replaceScope);
    Result<QList<NetworkRow>> networkRows(const QString &kind);

private:
    template <typename Append> void enqueueWith(Append &&append);

    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
    Error notOpen() const { return Error(QStringLiteral("the state store is not open")); }
    Error readError(const QString &what) const
    {
        return Error(QStringLiteral("reading %1 from state database %2 failed: %3")
                         .arg(what, m_path, lastError()));
    }
    Result<void> exec(const char *sql);
    Result<void> exec(const QByteArray &sql) { return exec(sql.constData()); }
    Result<Statement> prepare(const char *sql, unsigned flags = 0);
    Result<qint64> queryInteger(const char *sql);
    void rollbackIfNeeded();
    Result<int> checkDatabase(const QString &path);
    Result<int> migrate(int fromVersion);
    Result<void> prepareWriteStatements();
    Result<void> writeBatch(const PendingWrites &batch);
    Result<void> raiseMeta(const char *key, qint64 value);
    Result<void> run(Statement &statement);
    void closeDatabase();

    ErrorReporter m_reportError;
    std::atomic<qint64> &m_committedBatches;

    sqlite3 *m_db = nullptr;
    QString m_path;
    QTimer *m_batchTimer = nullptr;
    QString m_lostWriteError; // first write failure since the last flush()
    int m_lostWriteCount = 0;

    Statement m_upsertInventory;
    Statement m_deleteInventory;
    Statement m_raiseMeta;
    Statement m_upsertDeployment;
    Statement m_upsertWorkload;
    Statement m_insertEvent;
    Statement m_insertAudit;
    Statement m_upsertAlert;
    Statement m_upsertSilence;

    QMutex m_queueMutex; // guards the members below, shared with producer threads
    PendingWrites m_pending;
    bool m_drainScheduled = false;
    bool m_immediateDrainScheduled = false;
};

template <typename Append> void SqliteStoreWorker::enqueueWith(Append &&append)
{
    bool startTimer = false;
    bool drainNow = false;
    {
        QMutexLocker locker(&m_queueMutex);
        append(m_pending);
        if (!m_drainScheduled) {
            m_drainScheduled = true;
            startTimer = true;
        }
        if (m_pending.size() >= kMaxBatchSize && !m_immediateDrainScheduled) {
            m_immediateDrainScheduled = true;
            drainNow = true;
        }
    }
    // Posted, never run inline: the producer may be any thread, and drain() must run on ours.
    if (drainNow) {
        QMetaObject::invokeMethod(
            this, [this] { (void)drain(); }, Qt::QueuedConnection);
    } else if (startTimer) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_batchTimer && !m_batchTimer->isActive())
                    m_batchTimer->start();
            },
            Qt::QueuedConnection);
    }
}

Result<void> SqliteStoreWorker::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    const QString text = message ? QString::fromUtf8(message) : lastError();
    sqlite3_free(message);
    return makeError(text);
}

Result<Statement> SqliteStoreWorker::prepare(const char *sql, unsigned flags)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, flags, &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return makeError(lastError());
    }
    return Statement(statement);
}

Result<qint64> SqliteStoreWorker::queryInteger(const char *sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return makeError(statement.error());
    const int rc = statement->step();
    if (rc == SQLITE_ROW)
        return statement->isNullAt(0) ? 0 : statement->integerAt(0);
    if (rc == SQLITE_DONE)
        return 0;
    return makeError(lastError());
}

void SqliteStoreWorker::rollbackIfNeeded()
{
    // Some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) already rolled the transaction back.
    if (m_db && !sqlite3_get_autocommit(m_db))
        (void)exec("ROLLBACK");
}

Result<void> SqliteStoreWorker::run(Statement &statement)
{
    const int rc = statement.step();
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        statement.reset();
        return {};
    }
    const QString message = lastError();
    statement.reset();
    return makeError(message);
}

Result<int> SqliteStoreWorker::open(const QString &path, std::chrono::milliseconds busyTimeout)
{
    m_path = path;
    sqlite3 *db = nullptr;
    const int rc =
        sqlite3_open_v2(path.toUtf8().constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    m_db = db; // SQLite hands out a connection even on failure; it must be closed
    if (rc != SQLITE_OK) {
        const QString message = m_db ? lastError() : QString::fromUtf8(sqlite3_errstr(rc));
        closeDatabase();
        return makeError(QStringLiteral("cannot open state database %1: %2").arg(path, message));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, int(std::clamp<qint64>(busyTimeout.count(), 0, INT_MAX)));

    auto version = checkDatabase(path);
    if (!version) {
        closeDatabase();
        return version;
    }
    if (sqlite3_db_readonly(m_db, "main") == 1) {
        closeDatabase();
        return makeError(QStringLiteral("state database %1 is read-only").arg(path));
    }

    // From here on the file is known to be ours (or new) and may be written.
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        if (auto done = exec(pragma); !done) {
            closeDatabase();
            return makeError(
                QStringLiteral("cannot configure state database %1: %2").arg(path, done.error()));
        }
    }
    {
        auto statement = prepare("PRAGMA journal_mode = WAL");
        const bool wal =
            statement && statement->step() == SQLITE_ROW &&
            statement->textAt(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
        if (!wal) {
            // Some file systems (network mounts) cannot share memory for WAL; the store still
            // works with a rollback journal, only slower.
            qCWarning(lcStore).noquote()
                << "state database" << path << "is not in WAL mode:" << lastError();
        }
    }

    auto migrated = migrate(*version);
    if (!migrated) {
        closeDatabase();
        return migrated;
    }
    if (auto prepared = prepareWriteStatements(); !prepared) {
        closeDatabase();
        return makeError(QStringLiteral("cannot prepare statements on state database %1: %2")
                             .arg(path, prepared.error()));
    }

    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(kBatchIntervalMs);
    m_batchTimer->setTimerType(Qt::PreciseTimer);
    connect(m_batchTimer, &QTimer::timeout, this, [this] { (void)drain(); });
    return migrated;
}

Result<int> SqliteStoreWorker::checkDatabase(const QString &path)
{
    // Only reads until the file is known to be a healthy Continuo database: a damaged or
    // foreign file is reported and must stay exactly as it was.
    const auto corrupt = [&path](const QString &reason) {
        return makeError(
            QStringLiteral("state database %1 is corrupt or not a Continuo database: %2")
                .arg(path, reason));
    };
    auto objectCount = queryInteger("SELECT count(*) FROM sqlite_master");
    if (!objectCount)
        return corrupt(objectCount.error());
    auto userVersion = queryInteger("PRAGMA user_version");
    if (!userVersion)
        return corrupt(userVersion.error());
    auto applicationId = queryInteger("PRAGMA application_id");
    if (!applicationId)
        return corrupt(applicationId.error());

    if (*applicationId != 0 && *applicationId != kApplicationId) {
        return corrupt(QStringLiteral("it belongs to another application (application id %1)")
                           .arg(*applicationId));
    }
    const int latest = SqliteStateStore::latestSchemaVersion();
    if (*userVersion > latest) {
        return makeError(QStringLiteral("state database %1 has schema version %2, but this build "
                                        "of Continuo knows versions up to %3 only; use a newer "
                                        "Continuo or another data directory")
                             .arg(path)
                             .arg(*userVersion)
                             .arg(latest));
    }
    if (*userVersion < 0)
        return corrupt(QStringLiteral("invalid schema version %1").arg(*userVersion));
    if (*userVersion == 0 && *objectCount > 0)
        return corrupt(QStringLiteral("it holds tables but no Continuo schema version"));
    if (*userVersion > 0 && *applicationId != kApplicationId)
        return corrupt(QStringLiteral("it has a schema version but no Continuo application id"));

    auto check = prepare("PRAGMA quick_check");
    if (!check)
        return corrupt(check.error());
    QStringList problems;
    int rc = SQLITE_OK;
    while ((rc = check->step()) == SQLITE_ROW)
        problems.append(check->textAt(0));
    if (rc != SQLITE_DONE)
        return corrupt(lastError());
    if (problems != QStringList{QStringLiteral("ok")})
        return corrupt(problems.mid(0, 5).join(QLatin1String("; ")));
    return int(*userVersion);
}

Result<int> SqliteStoreWorker::migrate(int fromVersion)
{
    auto migrations = loadMigrations();
    if (!migrations)
        return makeError(migrations.error());
    int version = fromVersion;
    for (const Migration &migration : std::as_const(*migrations)) {
        if (migration.version <= version)
            continue;
        const auto failed = [&](const QString &reason) {
            rollbackIfNeeded();
            return makeError(QStringLiteral("migration %1 of state database %2 failed: %3")
                                 .arg(migration.name, m_path, reason));
        };
        if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
            return failed(begun.error());
        if (auto applied = exec(migration.sql); !applied)
            return failed(applied.error());
        if (version == 0) {
            if (auto marked = exec(QByteArray("PRAGMA application_id = ") +
                                   QByteArray::number(kApplicationId));
                !marked)
                return failed(marked.error());
        }
        if (auto versioned =
                exec(QByteArray("PRAGMA user_version = ") + QByteArray::number(migration.version));
            !versioned)
            return failed(versioned.error());
        if (auto committed = exec("COMMIT"); !committed)
            return failed(committed.error());
        version = migration.version;
        qCInfo(lcStore).noquote() << "migrated state database" << m_path << "to schema version"
                                  << version << "(" << migration.name << ")";
    }
    return version;
}

Result<void> SqliteStoreWorker::prepareWriteStatements()
{
    const struct
    {
        Statement *statement;
        const char *sql;
    } statements[] = {
        {&m_upsertInventory,
         "INSERT INTO inventory (kind, id, revision, body) VALUES (?1, ?2, ?3, ?4) "
         "ON CONFLICT (kind, id) DO UPDATE SET revision = excluded.revision, body = excluded.body"},
        {&m_deleteInventory, "DELETE FROM inventory WHERE kind = ?1 AND id = ?2"},
        {&m_raiseMeta, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                       "ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)"},
        {&m_upsertDeployment,
         "INSERT INTO deployments (id, body, updated_ms) VALUES (?1, ?2, ?3) "
         "ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_ms = excluded.updated_ms"},
        {&m_upsertWorkload,
         "INSERT INTO workloads (id, body, updated_ms) VALUES (?1, ?2, ?3) "
         "ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_ms = excluded.updated_ms"},
        {&m_insertEvent,
         "INSERT OR REPLACE INTO events (sequence, type, timestamp_ms, severity, subject_id, body) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
        {&m_insertAudit, "INSERT INTO audit (timestamp_ms, actor, action, target, details) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&m_upsertAlert,
         "INSERT INTO alerts (id, rule_id, group_key, subject_id, state, severity, started_ms, "
         "fired_ms, resolved_ms, updated_ms, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
         "?10, ?11) ON CONFLICT (id) DO UPDATE SET rule_id = excluded.rule_id, group_key = "
         "excluded.group_key, subject_id = excluded.subject_id, state = excluded.state, severity "
         "= excluded.severity, started_ms = excluded.started_ms, fired_ms = excluded.fired_ms, "
         "resolved_ms = excluded.resolved_ms, updated_ms = excluded.updated_ms, body = "
         "excluded.body"},
        {&m_upsertSilence,
         "INSERT INTO silences (id, created_by, created_ms, starts_ms, ends_ms, body) VALUES (?1, "
         "?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET created_by = excluded.created_by, "
         "created_ms = excluded.created_ms, starts_ms = excluded.starts_ms, ends_ms = "
         "excluded.ends_ms, body = excluded.body"},
    };
    for (const auto &[statement, sql] : statements) {
        auto prepared = prepare(sql, SQLITE_PREPARE_PERSISTENT);
        if (!prepared)
            return makeError(prepared.error());
        *statement = std::move(prepared).value();
    }
    return {};
}

void SqliteStoreWorker::closeDatabase()
{
    for (Statement *statement :
         {&m_upsertInventory, &m_deleteInventory, &m_raiseMeta, &m_upsertDeployment,
          &m_upsertWorkload, &m_insertEvent, &m_insertAudit, &m_upsertAlert, &m_upsertSilence}) {
        *statement = Statement();
    }
    if (m_db) {
        if (sqlite3_close(m_db) != SQLITE_OK) {
            qCWarning(lcStore).noquote()
                << "closing state database" << m_path << "failed:" << lastError();
            sqlite3_close_v2(m_db); // closes once the last statement is gone
        }
        m_db = nullptr;
    }
}

void SqliteStoreWorker::shutdown()
{
    (void)drain();
    if (!m_lostWriteError.isEmpty()) {
        qCWarning(lcStore).noquote()
            << "closing state database" << m_path << "after" << m_lostWriteCount
            << "failed write batches; first error:" << m_lostWriteError;
    }
    delete m_batchTimer;
    m_batchTimer = nullptr;
    closeDatabase();
}

Result<void> SqliteStoreWorker::drain()
{
    if (m_batchTimer)
        m_batchTimer->stop();
    PendingWrites batch;
    {
        QMutexLocker locker(&m_queueMutex);
        batch = std::exchange(m_pending, PendingWrites());
        m_drainScheduled = false;
        m_immediateDrainScheduled = false;
    }
    if (batch.isEmpty())
        return {};
    if (!m_db)
        return notOpen();
    auto written = writeBatch(batch);
    if (written) {
        ++m_committedBatches;
        return {};
    }
    const QString message = QStringLiteral("writing %1 inventory changes, %2 deployments "
                                           "(%8 workloads), %3 events, %4 alerts and %5 "
                                           "silences to state database %6 failed: %7")
                                .arg(batch.deltas.size())
                                .arg(batch.deployments.size())
                                .arg(batch.events.size())
                                .arg(batch.alerts.size())
                                .arg(batch.silences.size())
                                .arg(m_path, written.error())
                                .arg(batch.workloads.size());
    if (m_lostWriteError.isEmpty())
        m_lostWriteError = message;
    ++m_lostWriteCount;
    qCWarning(lcStore).noquote() << message;
    m_reportError(message);
    return makeError(message);
}

Result<void> SqliteStoreWorker::raiseMeta(const char *key, qint64 value)
{
    m_raiseMeta.bind(1, QByteArray(key));
    m_raiseMeta.bind(2, value);
    return run(m_raiseMeta);
}

Result<void> SqliteStoreWorker::writeBatch(const PendingWrites &batch)
{
    if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
        return begun;
    const auto failed = [this](const QString &message) {
        rollbackIfNeeded();
        return makeError(message);
    };

    qint64 highestRevision = 0;
    for (const InventoryDelta &delta : batch.deltas) {
        highestRevision = std::max(highestRevision, delta.revision);
        switch (delta.operation) {
        case DeltaOperation::Upsert: {
            if (!delta.entity) {
                qCWarning(lcStore)
                    << "skipping an inventory upsert of" << delta.id << "without a value";
                continue;
            }
            m_upsertInventory.bind(1, toString(entityKind(*delta.entity)));
            m_upsertInventory.bind(2, entityId(*delta.entity));
            m_upsertInventory.bind(3, delta.revision);
            m_upsertInventory.bind(4, compactJson(toJson(*delta.entity)));
            if (auto done = run(m_upsertInventory); !done)
                return failed(done.error());
            break;
        }
        case DeltaOperation::Remove:
            m_deleteInventory.bind(1, toString(delta.kind));
            m_deleteInventory.bind(2, delta.id);
            if (auto done = run(m_deleteInventory); !done)
                return failed(done.error());
            break;
        case DeltaOperation::Unknown:
            qCWarning(lcStore) << "skipping an inventory delta of" << delta.id
                               << "without an operation";
            break;
        }
    }
    // Removals raise the revision too: the stored revision is the highest ever seen.
    if (highestRevision > 0) {
        if (auto done = raiseMeta("inventory_revision", highestRevision); !done)
            return failed(done.error());
    }

    for (const Deployment &deployment : batch.deployments) {
        m_upsertDeployment.bind(1, deployment.id);
        m_upsertDeployment.bind(2, compactJson(toJson(deployment)));
        m_upsertDeployment.bind(3, deployment.updatedMs);
        if (auto done = run(m_upsertDeployment); !done)
            return failed(done.error());
    }
    for (const Workload &workload : batch.workloads) {
        m_upsertWorkload.bind(1, workload.id);
        m_upsertWorkload.bind(2, compactJson(toJson(workload)));
        m_upsertWorkload.bind(3, QDateTime::currentMSecsSinceEpoch());
        if (auto done = run(m_upsertWorkload); !done)
            return failed(done.error());
    }

    qint64 highestSequence = 0;
    for (const Event &event : batch.events) {
        if (event.sequence > 0)
            m_insertEvent.bind(1, event.sequence);
        else
            m_insertEvent.bindNull(1); // SQLite numbers it; load() reads the number back
        m_insertEvent.bind(2, event.type);
        m_insertEvent.bind(3, event.timestampMs);
        m_insertEvent.bind(4, toString(event.severity));
        m_insertEvent.bind(5, event.subjectId);
        m_insertEvent.bind(6, compactJson(toJson(event)));
        if (auto done = run(m_insertEvent); !done)
            return failed(done.error());
        highestSequence = std::max<qint64>(highestSequence, sqlite3_last_insert_rowid(m_db));
    }
    if (highestSequence > 0) {
        if (auto done = raiseMeta("last_event_sequence", highestSequence); !done)
            return failed(done.error());
    }

    for (const Alert &alert : batch.alerts) {
        m_upsertAlert.bind(1, alert.id);
        m_upsertAlert.bind(2, alert.ruleId);
        m_upsertAlert.bind(3, alert.groupKey);
        m_upsertAlert.bind(4, alert.subjectId());
        m_upsertAlert.bind(5, toString(alert.state));
        m_upsertAlert.bind(6, toString(alert.severity));
        m_upsertAlert.bind(7, alert.startedAtMs);
        m_upsertAlert.bind(8, alert.firedAtMs);
        m_upsertAlert.bind(9, alert.resolvedAtMs);
        m_upsertAlert.bind(10, alert.updatedAtMs);
        m_upsertAlert.bind(11, compactJson(toJson(alert)));
        if (auto done = run(m_upsertAlert); !done)
            return failed(done.error());
    }
    for (const Silence &silence : batch.silences) {
        m_upsertSilence.bind(1, silence.id);
        m_upsertSilence.bind(2, silence.createdBy);
        m_upsertSilence.bind(3, silence.createdAtMs);
        m_upsertSilence.bind(4, silence.startsAtMs);
        m_upsertSilence.bind(5, silence.endsAtMs);
        m_upsertSilence.bind(6, compactJson(toJson(silence)));
        if (auto done = run(m_upsertSilence); !done)
            return failed(done.error());
    }

    if (auto committed = exec("COMMIT"); !committed)
        return failed(committed.error());
    return {};
}

Result<void> SqliteStoreWorker::flush()
{
    auto drained = drain();
    if (!m_lostWriteError.isEmpty()) {
        const QString message = m_lostWriteCount == 1
                                    ? m_lostWriteError
                                    : QStringLiteral("%1 (and %2 more failed write batches)")
                                          .arg(m_lostWriteError)
                                          .arg(m_lostWriteCount - 1);
        m_lostWriteError.clear();
        m_lostWriteCount = 0;
        return makeError(message);
    }
    return drained;
}

Result<PersistedState> SqliteStoreWorker::load(int recentEventLimit)
{
    (void)drain(); // a failure is already reported; load what is there
    if (!m_db)
        return notOpen();
    if (auto begun = exec("BEGIN"); !begun)
        return readError(QStringLiteral("the state"));
    // Read-only transaction: ending it cannot lose anything, whichever way we leave.
    const auto endTransaction = qScopeGuard([this] { rollbackIfNeeded(); });

    PersistedState state;
    auto revision = queryInteger("SELECT max(coalesce((SELECT value FROM meta WHERE key = "
                                 "'inventory_revision'), 0), coalesce((SELECT max(revision) FROM "
                                 "inventory), 0))");
    if (!revision)
        return readError(QStringLiteral("the inventory revision"));
    state.inventory.revision = *revision;

    auto inventory = prepare("SELECT kind, id, body FROM inventory");
    if (!inventory)
        return readError(QStringLiteral("the inventory"));
    int rc = SQLITE_OK;
    while ((rc = inventory->step()) == SQLITE_ROW) {
        const QString kindText = inventory->textAt(0);
        const QString id = inventory->textAt(1);
        const EntityKind kind = enumFromString<EntityKind>(kindText);
        QString error;
        const auto object = parseObject(inventory->bytesAt(2), &error);
        Result<Entity> entity = makeError(error);
        if (kind == EntityKind::Unknown)
            entity = makeError(QStringLiteral("unknown kind '%1'").arg(kindText));
        else if (object)
            entity = entityFromJson(kind, *object);
        if (entity && entityId(*entity) != id)
            entity = makeError(QStringLiteral("its body describes '%1'").arg(entityId(*entity)));
        if (!entity) {
            qCWarning(lcStore).noquote() << "skipping unreadable inventory row" << kindText << id
                                         << "in" << m_path << ":" << entity.error();
            continue;
        }
        std::visit(
            [&snapshot = state.inventory](const auto &value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, Site>)
                    snapshot.sites.append(value);
                else if constexpr (std::is_same_v<T, Cluster>)
                    snapshot.clusters.append(value);
                else if constexpr (std::is_same_v<T, Node>)
                    snapshot.nodes.append(value);
                else if constexpr (std::is_same_v<T, Device>)
                    snapshot.devices.append(value);
                else if constexpr (std::is_same_v<T, Switch>)
                    snapshot.switches.append(value);
                else if constexpr (std::is_same_v<T, Link>)
                    snapshot.links.append(value);
                else if constexpr (std::is_same_v<T, StorageLocation>)
                    snapshot.storageLocations.append(value);
            },
            *entity);
    }
    if (rc != SQLITE_DONE)
        return readError(QStringLiteral("the inventory"));
    // QString order (UTF-16), which is what InventorySnapshot promises; SQL sorts UTF-8 bytes.
    sortById(state.inventory.sites);
    sortById(state.inventory.clusters);
    sortById(state.inventory.nodes);
    sortById(state.inventory.devices);
    sortById(state.inventory.switches);
    sortById(state.inventory.links);
    sortById(state.inventory.storageLocations);

    auto deployments = prepare("SELECT id, body FROM deployments");
    if (!deployments)
        return readError(QStringLiteral("the deployments"));
    while ((rc = deployments->step()) == SQLITE_ROW) {
        QString error;
        const auto object = parseObject(deployments->bytesAt(1), &error);
        Result<Deployment> deployment = makeError(error);
        if (object)
            deployment = deploymentFromJson(*object);
        if (!deployment) {
            qCWarning(lcStore).noquote()
                << "skipping unreadable deployment" << deployments->textAt(0) << "in" << m_path
                << ":" << deployment.error();
            continue;
        }
        state.deployments.append(std::move(deployment).value());
    }
    if (rc != SQLITE_DONE)
        return readError(QStringLiteral("the deployments"));
    sortById(state.deployments);

    auto workloads = prepare("SELECT id, body FROM workloads");
    if (!workloads)
        return readError(QStringLiteral("the workloads"));
    while ((rc = workloads->step()) == SQLITE_ROW) {
        QString error;
        const auto object = parseObject(workloads->bytesAt(1), &error);
        Result<Workload> workload = makeError(error);
        if (object)
            workload = workloadFromJson(*object);
        if (workload && workload->id != workloads->textAt(0))
            workload = makeError(QStringLiteral("its body describes '%1'").arg(workload->id));
        if (!workload) {
            qCWarning(lcStore).noquote()
                << "skipping unreadable workload" << workloads->textAt(0) << "in" << m_path
                << ":" << workload.error();
            continue;
        }
        state.workloads.append(std::move(workload).value());
    }
    if (rc != SQLITE_DONE)
        return readError(QStringLiteral("the workloads"));
    sortById(state.workloads);

    if (recentEventLimit != 0) {
        auto events = prepare("SELECT sequence, body FROM (SELECT sequence, body FROM events "
                              "ORDER BY sequence DESC LIMIT ?1) ORDER BY sequence");
        if (!events)
            return readError(QStringLiteral("the events"));
        events->bind(1, qint64(recentEventLimit));
        while ((rc = events->step()) == SQLITE_ROW) {
            QString error;
            const auto object = parseObject(events->bytesAt(1), &error);
            Result<Event> event = makeError(error);
            if (object)
                event = eventFromJson(*object);
            if (!event) {
                qCWarning(lcStore).noquote() << "skipping unreadable event" << events->integerAt(0)
                                             << "in" << m_path << ":" << event.error();
                continue;
            }
            event->sequence = events->integerAt(0);
            state.recentEvents.append(std::move(event).value());
        }
        if (rc != SQLITE_DONE)
            return readError(QStringLiteral("the events"));
    }

    auto lastSequence = queryInteger(
        "SELECT max(coalesce((SELECT value FROM meta WHERE key = 'last_event_sequence'), 0), "
        "coalesce((SELECT max(sequence) FROM events), 0))");
    if (!lastSequence)
        return readError(QStringLiteral("the last event sequence"));
    state.lastEventSequence = *lastSequence;
    return state;
}

Result<AuditEntry> SqliteStoreWorker::appendAudit(AuditEntry entry)
{
    if (!m_db)
        return notOpen();
    if (entry.action.isEmpty())
        return makeError(QStringLiteral("audit entry without an action"));
    if (entry.timestampMs == 0)
        entry.timestampMs = QDateTime::currentMSecsSinceEpoch();

    // The audit trail must survive a power cut, not only a crash: sync the WAL for this commit.
    (void)exec("PRAGMA synchronous = FULL");
    const auto restoreSynchronous =
        qScopeGuard([this] { (void)exec("PRAGMA synchronous = NORMAL"); });
    m_insertAudit.bind(1, entry.timestampMs);
    m_insertAudit.bind(2, entry.actor);
    m_insertAudit.bind(3, entry.action);
    m_insertAudit.bind(4, entry.target);
    m_insertAudit.bind(5, compactJson(entry.details));
    if (auto done = run(m_insertAudit); !done) {
        return makeError(QStringLiteral("writing audit entry %1 to state database %2 failed: %3")
                             .arg(entry.action, m_path, done.error()));
    }
    entry.id = sqlite3_last_insert_rowid(m_db);
    return entry;
}

Result<QList<AuditEntry>> SqliteStoreWorker::auditLog(qint64 afterId, int limit)
{
    if (!m_db)
        return notOpen();
    auto statement = prepare("SELECT id, timestamp_ms, actor, action, target, details FROM audit "
                             "WHERE id > ?1 ORDER BY id LIMIT ?2");
    if (!statement)
        return readError(QStringLiteral("the audit log"));
    statement->bind(1, afterId);
    statement->bind(2, qint64(limit < 0 ? -1 : limit));
    QList<AuditEntry> entries;
    int rc = SQLITE_OK;
    while ((rc = statement->step()) == SQLITE_ROW) {
        QString error;
        const auto details = parseObject(statement->bytesAt(5), &error);
        if (!details) {
            qCWarning(lcStore).noquote()
                << "skipping unreadable audit entry" << statement->integerAt(0) << "in" << m_path
                << ":" << error;
            continue;
        }
        AuditEntry entry;
        entry.id = statement->integerAt(0);
        entry.timestampMs = statement->integerAt(1);
        entry.actor = statement->textAt(2);
        entry.action = statement->textAt(3);
        entry.target = statement->textAt(4);
        entry.details = *details;
        entries.append(std::move(entry));
    }
    if (rc != SQLITE_DONE)
        return readError(QStringLiteral("the audit log"));
    return entries;
}

Result<QList<Event>> SqliteStoreWorker::events(qint64 afterSequence, int limit,
                                               const QString &typePrefix)
{
    (void)drain(); // callers expect to read what they wrote; a failure is already reported
    if (!m_db)
        return notOpen();
    auto statement =
        prepare(typePrefix.isEmpty() ? "SELECT sequence, body FROM events WHERE sequence > ?1 "
                                       "ORDER BY sequence LIMIT ?2"
                                     : "SELECT sequence, body FROM events WHERE sequence > ?1 "
                                       "AND type GLOB ?3 ORDER BY sequence LIMIT ?2");
    if (!statement)
        return readError(QStringLiteral("the events"));
    statement->bind(1, afterSequence);
    statement->bind(2, qint64(limit < 0 ? -1 : limit));
    if (!typePrefix.isEmpty())
        statement->bind(3, globPrefix(typePrefix));
    QList<Event> events;
    int rc = SQLITE_OK;
    while ((rc = statement->step()) == SQLITE_ROW) {
        QString error;
        const auto object = parseObject(statement->bytesAt(1), &error);
        Result<Event> event = makeError(error);
        if (object)
            event = eventFromJson(*object);
        if (!event) {
            qCWarning(lcStore).noquote() << "skipping unreadable event" << statement->integerAt(0)
                                         << "in" << m_path << ":" << event.error();
            continue;
        }
        event->sequence = statement->integerAt(0);
        events.append(std::move(event).value());
    }
    if (rc != SQLITE_DONE)
        return readError(QStringLiteral("the events"));
    return events;
}

Result<QList<Alert>> SqliteStoreWorker::alerts(const char *sql, qint64 parameter, int limit)
{
    (void)drain(); // callers expect to read what they wrote; a failure is already reported
    if (!m_db)
        return notOpen();
    auto statement = prepare(sql);
    if (!statement)
        return readError(QStringLiteral("the alerts"));
    statement->bind(1, parameter);
    statement->bind(2, qint64(limit < 0 ? -1 : limit));
    QList<Alert> result;
    int rc = SQLITE_OK;
    while ((rc = statement->step()) == SQLITE_ROW) {
        QString error;
        const auto object = parseObject(statement->bytesAt(1), &error);
        Result<Alert> alert = makeError(error);
        if (object)
            alert = alertFromJson(*object);
        if (!alert) {
            qCWarning(lcStore).noquote() << "skipping unreadable alert" << statement->textAt(0)
                                         << "in" << m_path << ":" << alert.error();
            continue;
        }
        result.append(std::move(alert).value());
    }
    if (rc != SQLITE_DONE)
        return readError(QStringLiteral("the alerts"));
    return result;
}

Result<QList<Silence>> SqliteStoreWorker::silences(qint64 endsAfterMs)
{
    (void)drain();
    if (!m_db)
        return notOpen();
    auto statement = prepare("SELECT id, body FROM silences WHERE ends_ms > ?1 "
                             "ORDER BY created_ms, id");
    if (!statement)
        return readError(QStringLiteral("the silences"));
    statement->bind(1, endsAfterMs);
    QList<Silence> result;
    int rc = SQLITE_OK;
    while ((rc = statement->step()) == SQLITE_ROW) {
        QString error;
        const auto object = parseObject(statement->bytesAt(1), &error);
        Result<Silence> silence = makeError(error);
        if (object)
            silence = silenceFromJson(*object);
        if (!silence) {
            qCWarning(lcStore).noquote() << "skipping unreadable silence" << statement->textAt(0)
                                         << "in" << m_path << ":" << silence.error();
            continue;
        }
        result.append(std::move(silence).value());
    }
    if (rc != SQLITE_DONE)
        return readError(QStringLiteral("the silences"));
    return result;
}

Result<AlertRuleSet> SqliteStoreWorker::appendAlertRules(const QList<AlertRule> &rules,
                                                         const QString &actor)
{
    if (!m_db)
        return notOpen();
    AlertRuleSet set;
    set.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    set.createdBy = actor;
    set.rules = rules;
    QJsonArray body;
    for (const AlertRule &rule : rules)
        body.append(toJson(rule));
    auto statement = prepare("INSERT INTO alert_rule_sets (created_ms, created_by, body) "
                             "VALUES (?1, ?2, ?3)");
    if (!statement)
        return makeError(QStringLiteral("cannot store the alert rules in %1: %2")
                             .arg(m_path, statement.error()));
    statement->bind(1, set.createdAtMs);
    statement->bind(2, actor);
    statement->bind(3, QJsonDocument(body).toJson(QJsonDocument::Compact));
    // Configuration an operator was told is in force: synced like the audit log.
    (void)exec("PRAGMA synchronous = FULL");
    const auto restoreSynchronous =
        qScopeGuard([this] { (void)exec("PRAGMA synchronous = NORMAL"); });
    if (auto done = run(*statement); !done)
        return makeError(QStringLiteral("cannot store the alert rules in %1: %2")
                             .arg(m_path, done.error()));
    set.revision = sqlite3_last_insert_rowid(m_db);
    return set;
}

Result<void> SqliteStoreWorker::writeNetworkRows(const QString &kind, const QString &scope,
                                                 const QList<QPair<QString, QByteArray>> &upserts,
                                                 const QStringList &removedKeys, bool replaceScope)
{
    if (!m_db)
        return notOpen();
    const auto failed = [&](const QString &why) {
        rollbackIfNeeded();
        return makeError(QStringLiteral("cannot store %1 rows of \"%2\" in %3: %4")
                             .arg(kind, scope, m_path, why));
    };
    if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
        return failed(begun.error());
    if (replaceScope) {
        auto clear = prepare("DELETE FROM network_state WHERE kind = ?1 AND scope = ?2");
        if (!clear)
            return failed(clear.error());
        clear->bind(1, kind);
        clear->bind(2, scope);
        if (auto done = run(*clear); !done)
            return failed(done.error());
    }
    if (!removedKeys.isEmpty()) {
        auto remove = prepare("DELETE FROM network_state WHERE kind = ?1 AND scope = ?2 AND key = ?3");
        if (!remove)
            return failed(remove.error());
        for (const QString &key : removedKeys) {
            remove->reset();
            remove->bind(1, kind);
            remove->bind(2, scope);
            remove->bind(3, key);
            if (auto done = run(*remove); !done)
                return failed(done.error());
        }
    }
    if (!upserts.isEmpty()) {
        auto upsert = prepare("INSERT INTO network_state (kind, scope, key, body, updated_ms) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (kind, scope, key) "
                              "DO UPDATE SET body = excluded.body, updated_ms = excluded.updated_ms");
        if (!upsert)
            return failed(upsert.error());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const auto &[key, body] : upserts) {
            upsert->reset();
            upsert->bind(1, kind);
            upsert->bind(2, scope);
            upsert->bind(3, key);
            upsert->bind(4, body);
            upsert->bind(5, now);
            if (auto done = run(*upsert); !done)
                return failed(done.error());
        }
    }
    if (auto committed = exec("COMMIT"); !committed)
        return failed(committed.error());
    return {};
}

Result<QList<NetworkRow>> SqliteStoreWorker::networkRows(const QString &kind)
{
    if (!m_db)
        return notOpen();
    auto statement = prepare("SELECT scope, key, body FROM network_state WHERE kind = ?1 "
                             "ORDER BY scope, key");
    if (!statement)
        return readError(kind);
    statement->bind(1, kind);
    QList<NetworkRow> rows;
    for (int rc = statement->step(); rc != SQLITE_DONE; rc = statement->step()) {
        if (rc != SQLITE_ROW)
            return readError(kind);
        rows.append({statement->textAt(0), statement->textAt(1), statement->bytesAt(2)});
    }
    return rows;
}

Result<std::optional<AlertRuleSet>> SqliteStoreWorker::latestAlertRules()
{
    if (!m_db)
        return notOpen();
    auto statement = prepare("SELECT revision, created_ms, created_by, body FROM alert_rule_sets "
                             "ORDER BY revision DESC LIMIT 1");
    if (!statement)
        return readError(QStringLiteral("the alert rules"));
    const int rc = statement->step();
    if (rc == SQLITE_DONE)
        return std::optional<AlertRuleSet>();
    if (rc != SQLITE_ROW)
        return readError(QStringLiteral("the alert rules"));
    AlertRuleSet set;
    set.revision = statement->integerAt(0);
    set.createdAtMs = statement->integerAt(1);
    set.createdBy = statement->textAt(2);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(statement->bytesAt(3), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        return makeError(QStringLiteral("alert rule set %1 in %2 is unreadable: %3")
                             .arg(set.revision)
                             .arg(m_path, parseError.error != QJsonParseError::NoError
                                              ? parseError.errorString()
                                              : QStringLiteral("not a JSON array")));
    }
    for (const QJsonValue &value : document.array()) {
        auto rule = alertRuleFromJson(value.toObject());
        if (!rule)
            return makeError(QStringLiteral("alert rule set %1 in %2 is unreadable: %3")
                                 .arg(set.revision)
                                 .arg(m_path, rule.error()));
        set.rules.append(std::move(rule).value());
    }
    return std::optional<AlertRuleSet>(std::move(set));
}

} // namespace Internal

namespace {
QString notOpenMessage()
{
    return QStringLiteral("the state store is not open");
}
} // namespace

SqliteStateStore::SqliteStateStore() = default;

SqliteStateStore::~SqliteStateStore()
{
    close();
}

QString SqliteStateStore::databaseFileName()
{
    return QStringLiteral("continuo.db");
}

int SqliteStateStore::latestSchemaVersion()
{
    static const int latest = [] {
        auto migrations = Internal::loadMigrations();
        if (!migrations) {
            qCCritical(lcStore).noquote() << migrations.error();
            return 0;
        }
        return int(migrations->size());
    }();
    return latest;
}

void SqliteStateStore::setBusyTimeout(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_lifecycleMutex);
    m_busyTimeout = timeout;
}

QString SqliteStateStore::databasePath() const
{
    std::shared_lock lock(m_lifecycleMutex);
    return m_databasePath;
}

qint64 SqliteStateStore::committedBatchCount() const
{
    return m_committedBatches.load();
}

bool SqliteStateStore::isOnStoreThread() const
{
    const QThread *storeThread = m_storeThread.load();
    return storeThread && QThread::currentThread() == storeThread;
}

template <typename Function>
auto SqliteStateStore::callWorker(Function &&function)
    -> decltype(function(std::declval<Internal::SqliteStoreWorker &>()))
{
    using ResultType = decltype(function(std::declval<Internal::SqliteStoreWorker &>()));
    // On the storage thread (an error handler calling back) the worker is alive and a blocking
    // call to ourselves would dead-lock: run inline.
    if (isOnStoreThread())
        return function(*m_worker);
    std::shared_lock lock(m_lifecycleMutex);
    if (!m_worker)
        return makeError(notOpenMessage());
    Internal::SqliteStoreWorker *worker = m_worker.get();
    std::optional<ResultType> result;
    QMetaObject::invokeMethod(
        worker, [&] { result.emplace(function(*worker)); }, Qt::BlockingQueuedConnection);
    if (!result)
        return makeError(QStringLiteral("the state store thread did not answer"));
    return std::move(*result);
}

Result<void> SqliteStateStore::open(const QString &directory)
{
    if (isOnStoreThread())
        return makeError(QStringLiteral("the state store cannot be reopened from its own thread"));
    std::unique_lock lock(m_lifecycleMutex);
    if (m_worker)
        return makeError(
            QStringLiteral("the state store is already open at %1").arg(m_databasePath));
    if (directory.isEmpty())
        return makeError(QStringLiteral("no directory given for the state store"));
    const QDir dir(directory);
    if (!dir.mkpath(QStringLiteral(".")))
        return makeError(QStringLiteral("cannot create the data directory %1").arg(directory));
    const QString path = dir.absoluteFilePath(databaseFileName());

    auto thread = std::make_unique<QThread>();
    thread->setObjectName(QStringLiteral("continuo-store"));
    auto worker = std::make_unique<Internal::SqliteStoreWorker>(
        [this](const QString &message) { reportWriteError(message); }, m_committedBatches);
    worker->moveToThread(thread.get());
    thread->start();

    Result<int> opened = makeError(QStringLiteral("the state store thread did not start"));
    const std::chrono::milliseconds busyTimeout = m_busyTimeout;
    QMetaObject::invokeMethod(
        worker.get(), [&] { opened = worker->open(path, busyTimeout); },
        Qt::BlockingQueuedConnection);
    if (!opened) {
        thread->quit();
        thread->wait();
        return makeError(opened.error());
    }

    m_thread = std::move(thread);
    m_worker = std::move(worker);
    m_storeThread = m_thread.get();
    m_databasePath = path;
    m_schemaVersion = *opened;
    m_isOpen = true;
    qCInfo(lcStore).noquote() << "opened state database" << path << "at schema version" << *opened;
    return {};
}

void SqliteStateStore::close()
{
    if (isOnStoreThread()) {
        // Waiting for our own thread to finish would never return.
        qCWarning(lcStore) << "close() called on the state store thread is ignored";
        return;
    }
    std::unique_lock lock(m_lifecycleMutex);
    if (!m_worker)
        return;
    m_isOpen = false;
    Internal::SqliteStoreWorker *worker = m_worker.get();
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_storeThread = nullptr;
    m_worker.reset(); // its thread has finished, so it may be destroyed here
    m_thread.reset();
    qCInfo(lcStore).noquote() << "closed state database" << m_databasePath;
}

bool SqliteStateStore::isOpen() const
{
    return m_isOpen.load();
}

Result<PersistedState> SqliteStateStore::load(int recentEventLimit)
{
    return callWorker([recentEventLimit](Internal::SqliteStoreWorker &worker) {
        return worker.load(recentEventLimit);
    });
}

void SqliteStateStore::writeInventoryDeltas(const QList<InventoryDelta> &deltas)
{
    if (deltas.isEmpty())
        return;
    if (isOnStoreThread()) {
        m_worker->enqueue(deltas);
        return;
    }
    std::shared_lock lock(m_lifecycleMutex);
    if (!m_worker) {
        qCWarning(lcStore) << "dropping" << deltas.size()
                           << "inventory changes: the state store is not open";
        return;
    }
    m_worker->enqueue(deltas);
}

void SqliteStateStore::writeDeployment(const Deployment &deployment)
{
    if (isOnStoreThread()) {
        m_worker->enqueue(deployment);
        return;
    }
    std::shared_lock lock(m_lifecycleMutex);
    if (!m_worker) {
        qCWarning(lcStore) << "dropping deployment" << deployment.id
                           << ": the state store is not open";
        return;
    }
    m_worker->enqueue(deployment);
}

void SqliteStateStore::writeWorkload(const Workload &workload)
{
    if (isOnStoreThread()) {
        m_worker->enqueue(workload);
        return;
    }
    std::shared_lock lock(m_lifecycleMutex);
    if (!m_worker) {
        qCWarning(lcStore) << "dropping workload" << workload.id
                           << ": the state store is not open";
        return;
    }
    m_worker->enqueue(workload);
}

void SqliteStateStore::writeEvents(const QList<Event> &events)
{
    if (events.isEmpty())
        return;
    if (isOnStoreThread()) {
        m_worker->enqueue(events);
        return;
    }
    std::shared_lock lock(m_lifecycleMutex);
    if (!m_worker) {
        qCWarning(lcStore) << "dropping" << events.size() << "events: the state store is not open";
        return;
    }
    m_worker->enqueue(events);
}

Result<AuditEntry> SqliteStateStore::appendAudit(const AuditEntry &entry)
{
    return callWorker(
        [&entry](Internal::SqliteStoreWorker &worker) { return worker.appendAudit(entry); });
}

Result<QList<AuditEntry>> SqliteStateStore::auditLog(qint64 afterId, int limit)
{
    return callWorker([afterId, limit](Internal::SqliteStoreWorker &worker) {
        return worker.auditLog(afterId, limit);
    });
}

Result<QList<Event>> SqliteStateStore::events(qint64 afterSequence, int limit,
                                              const QString &typePrefix)
{
    return callWorker([&](Internal::SqliteStoreWorker &worker) {
        return worker.events(afterSequence, limit, typePrefix);
    });
}

void SqliteStateStore::writeAlert(const Alert &alert)
{
    if (isOnStoreThread()) {
        m_worker->enqueue(alert);
        return;
    }
    std::shared_lock lock(m_lifecycleMutex);
    if (!m_worker) {
        qCWarning(lcStore) << "dropping alert" << alert.id << ": the state store is not open";
        return;
    }
    m_worker->enqueue(alert);
}

void SqliteStateStore::writeSilence(const Silence &silence)
{
    if (isOnStoreThread()) {
        m_worker->enqueue(silence);
        return;
    }
    std::shared_lock lock(m_lifecycleMutex);
    if (!m_worker) {
        qCWarning(lcStore) << "dropping silence" << silence.id << ": the state store is not open";
        return;
    }
    m_worker->enqueue(silence);
}

Result<QList<Alert>> SqliteStateStore::activeAlerts()
{
    return callWorker([](Internal::SqliteStoreWorker &worker) {
        // ?1 is unused but bound; LIMIT ?2 = -1 is "no limit".
        return worker.alerts("SELECT id, body FROM alerts WHERE state IN ('pending', 'firing') "
                             "AND ?1 = ?1 ORDER BY started_ms, id LIMIT ?2",
                             0, -1);
    });
}

Result<QList<Alert>> SqliteStateStore::alertHistory(qint64 fromMs, int limit)
{
    return callWorker([fromMs, limit](Internal::SqliteStoreWorker &worker) {
        return worker.alerts("SELECT id, body FROM alerts WHERE started_ms >= ?1 "
                             "ORDER BY started_ms DESC, id LIMIT ?2",
                             fromMs, limit);
    });
}

Result<QList<Silence>> SqliteStateStore::silences(qint64 endsAfterMs)
{
    return callWorker(
        [endsAfterMs](Internal::SqliteStoreWorker &worker) { return worker.silences(endsAfterMs); });
}

Result<AlertRuleSet> SqliteStateStore::appendAlertRules(const QList<AlertRule> &rules,
                                                        const QString &actor)
{
    return callWorker([&](Internal::SqliteStoreWorker &worker) {
        return worker.appendAlertRules(rules, actor);
    });
}

Result<std::optional<AlertRuleSet>> SqliteStateStore::latestAlertRules()
{
    return callWorker(
        [](Internal::SqliteStoreWorker &worker) { return worker.latestAlertRules(); });
}

Result<void> SqliteStateStore::writeNetworkRows(const QString &kind, const QString &scope,
                                                const QList<QPair<QString, QByteArray>> &upserts,
                                                const QStringList &removedKeys, bool replaceScope)
{
    return callWorker([&](Internal::SqliteStoreWorker &worker) {
        return worker.writeNetworkRows(kind, scope, upserts, removedKeys, replaceScope);
    });
}

Result<QList<NetworkRow>> SqliteStateStore::networkRows(const QString &kind)
{
    return callWorker([&](Internal::SqliteStoreWorker &worker) { return worker.networkRows(kind); });
}

Result<void> SqliteStateStore::flush()
{
    return callWorker([](Internal::SqliteStoreWorker &worker) { return worker.flush(); });
}

void SqliteStateStore::setErrorHandler(ErrorHandler handler)
{
    std::lock_guard lock(m_errorHandlerMutex);
    m_errorHandler = std::move(handler);
}

int SqliteStateStore::schemaVersion() const
{
    return m_schemaVersion.load();
}

void SqliteStateStore::reportWriteError(const QString &message)
{
    ErrorHandler handler;
    {
        std::lock_guard lock(m_errorHandlerMutex);
        handler = m_errorHandler;
    }
    if (handler)
        handler(message);
}

} // namespace Continuo
