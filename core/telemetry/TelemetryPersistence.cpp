#include "telemetry/TelemetryPersistence.h"

#include "store/SqliteStatement.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMutex>
#include <QScopeGuard>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <limits>
#include <optional>
#include <utility>

namespace Continuo {

namespace Internal {

namespace {

/// `PRAGMA application_id` of Continuo telemetry databases ("Cnts"): neither the state
/// database nor foreign SQLite files are mistaken for one.
constexpr qint64 kApplicationId = 0x436e7473;
const char kMigrationsDirectory[] = ":/continuo/telemetry/migrations";
/// Skipped rows logged one by one at load; beyond, only counted.
constexpr int kMaxReportedProblems = 20;
constexpr qint64 kNoTimestamp = std::numeric_limits<qint64>::min();

/// Tier numbers in the chunks table.
enum class ChunkTier { Raw = 0, OneMinute = 1, OneHour = 2 };

int tierNumber(RollupResolution resolution)
{
    switch (resolution) {
    case RollupResolution::OneMinute:
        return int(ChunkTier::OneMinute);
    case RollupResolution::OneHour:
        return int(ChunkTier::OneHour);
    case RollupResolution::Unknown:
        break;
    }
    return int(ChunkTier::Raw);
}

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
        return makeError(QStringLiteral("no telemetry database migrations are built into this "
                                        "Continuo"));
    QList<Migration> migrations;
    for (const QString &name : names) {
        bool numbered = false;
        const int version = name.section(QLatin1Char('_'), 0, 0).toInt(&numbered);
        if (!numbered || version != migrations.size() + 1)
            return makeError(QStringLiteral("telemetry migration %1 is out of sequence").arg(name));
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("cannot read telemetry migration %1").arg(name));
        migrations.append({version, name, file.readAll()});
    }
    return migrations;
}

using Statement = Internal::SqliteStatement;

struct PendingChunk
{
    SeriesId seriesId = 0;
    int tier = 0;
    qint64 minTimestampMs = 0;
    qint64 maxTimestampMs = 0;
    QByteArray bytes;
};

QByteArray labelsToJson(const Labels &labels)
{
    QJsonObject object; // keys come out sorted: equal label sets give equal text
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        object.insert(it.key(), it.value());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<Labels> labelsFromJson(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(parseError.errorString());
    if (!document.isObject())
        return makeError(QStringLiteral("labels are not a JSON object"));
    Labels labels;
    const QJsonObject object = document.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isString())
            return makeError(QStringLiteral("label %1 is not a string").arg(it.key()));
        labels.insert(it.key(), it.value().toString());
    }
    return labels;
}

/// The bucket still being filled, as a one-bucket rollup chunk (so it is validated like one).
QByteArray encodeOpenBucket(const std::optional<RollupPoint> &bucket)
{
    if (!bucket)
        return {};
    RollupChunk chunk;
    const double values[4] = {bucket->min, bucket->max, bucket->sum, bucket->count};
    chunk.appendUnchecked(bucket->bucketStartMs, values);
    return chunk.toByteArray();
}

Result<std::optional<RollupPoint>> decodeOpenBucket(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return std::optional<RollupPoint>();
    RollupChunkIterator it(bytes);
    if (it.sampleCount() != 1 || !it.next())
        return makeError(it.hasError() ? it.error()
                                       : QStringLiteral("not a one-bucket rollup chunk"));
    if (!(it.value(3) > 0))
        return makeError(QStringLiteral("open bucket with no samples"));
    return std::optional<RollupPoint>(
        RollupPoint{it.timestampMs(), it.value(0), it.value(1), it.value(2), it.value(3)});
}

} // namespace

/// Lives on the storage thread and owns the write connection. enqueue(), readChunks() and
/// stats() may be called from any thread; everything else runs on the storage thread.
class TelemetryPersistenceWorker : public QObject
{
public:
    TelemetryPersistenceWorker(TimeSeriesStore &store, const TelemetryPersistenceOptions &options)
        : m_store(store)
        , m_options(options)
    {
    }
    ~TelemetryPersistenceWorker() override { closeDatabase(); }

    void enqueue(PendingChunk chunk);
    std::vector<QByteArray> readChunks(SeriesId seriesId, int tier, qint64 fromMs,
                                       qint64 toMs) const;
    TelemetryPersistenceStats stats() const;

    Result<void> open();
    Result<TelemetryLoadSummary> load(qint64 nowMs);
    Result<void> drain();
    Result<qint64> checkpoint();
    Result<TelemetryRetentionSummary> applyRetention(qint64 nowMs);
    void startTimers();
    void shutdown();

private:
    QString lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
    Result<void> exec(const char *sql);
    Result<Statement> prepare(sqlite3 *db, const char *sql, unsigned flags = 0);
    Result<qint64> queryInteger(const char *sql);
    Result<void> run(Statement &statement);
    void rollbackIfNeeded();
    Result<int> checkDatabase();
    Result<int> migrate(int fromVersion);
    Result<void> prepareStatements();
    void closeDatabase();

    std::vector<PendingChunk> takeQueue();
    /// The database id of a store series, inserted if new; 0 if the store does not know it.
    Result<qint64> seriesDatabaseId(SeriesId seriesId, std::vector<SeriesId> &assigned);
    void forgetDatabaseIds(const std::vector<SeriesId> &seriesIds);
    Result<void> commit(const std::vector<PendingChunk> &chunks,
                        const std::vector<HeadSnapshot> &heads);
    /// commit(); on failure the chunks go back to the queue and the heads to the next
    /// checkpoint.
    Result<void> write(std::vector<PendingChunk> chunks, std::vector<HeadSnapshot> heads);

    TimeSeriesStore &m_store;
    const TelemetryPersistenceOptions m_options;
    QString m_path;
    sqlite3 *m_db = nullptr;
    Statement m_insertSeries;
    Statement m_selectSeries;
    Statement m_insertChunk;
    Statement m_upsertHead;
    Statement m_upsertRollupHead;
    QTimer *m_batchTimer = nullptr;
    QTimer *m_checkpointTimer = nullptr;
    QTimer *m_retentionTimer = nullptr;
    QHash<SeriesId, HeadSnapshot> m_retryHeads; // from a failed checkpoint
    qint64 m_consecutiveFailures = 0;

    // Store SeriesId -> series.id; written on the storage thread, read by readChunks().
    mutable std::shared_mutex m_idMutex;
    std::vector<qint64> m_databaseIds;

    // The read-only connection serving chunksInRange().
    mutable QMutex m_readMutex;
    sqlite3 *m_readDb = nullptr;
    mutable Statement m_selectRange;

    mutable QMutex m_queueMutex; // guards the members below, shared with producer threads
    std::vector<PendingChunk> m_pending;
    bool m_drainScheduled = false;
    bool m_immediateDrainScheduled = false;
    qint64 m_droppedSinceReport = 0;

    std::atomic<qint64> m_chunksWritten{0};
    std::atomic<qint64> m_headsWritten{0};
    std::atomic<qint64> m_transactions{0};
    std::atomic<qint64> m_failedTransactions{0};
    std::atomic<qint64> m_chunksDropped{0};
};

void TelemetryPersistenceWorker::enqueue(PendingChunk chunk)
{
    bool startTimer = false;
    bool drainNow = false;
    {
        QMutexLocker locker(&m_queueMutex);
        if (qsizetype(m_pending.size()) >= m_options.maxQueuedChunks) {
            ++m_droppedSinceReport;
            m_chunksDropped.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        m_pending.push_back(std::move(chunk));
        if (!m_drainScheduled) {
            m_drainScheduled = true;
            startTimer = true;
        }
        if (qsizetype(m_pending.size()) >= m_options.flushChunkCount &&
            !m_immediateDrainScheduled) {
            m_immediateDrainScheduled = true;
            drainNow = true;
        }
    }
    // Posted, never run inline: the producer may be any thread (an ingesting one).
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

std::vector<QByteArray> TelemetryPersistenceWorker::readChunks(SeriesId seriesId, int tier,
                                                               qint64 fromMs, qint64 toMs) const
{
    qint64 databaseId = 0;
    {
        std::shared_lock lock(m_idMutex);
        if (seriesId < m_databaseIds.size())
            databaseId = m_databaseIds[seriesId];
    }
    if (databaseId == 0)
        return {}; // never written: nothing older than memory
    std::vector<QByteArray> chunks;
    QMutexLocker locker(&m_readMutex);
    if (!m_readDb || !m_selectRange.isValid())
        return {};
    m_selectRange.bind(1, databaseId);
    m_selectRange.bind(2, qint64(tier));
    m_selectRange.bind(3, fromMs);
    m_selectRange.bind(4, toMs);
    int rc = SQLITE_OK;
    while ((rc = m_selectRange.step()) == SQLITE_ROW) {
        if (m_selectRange.typeAt(0) != SQLITE_BLOB) {
            qCWarning(lcTelemetry) << "skipping a chunk of series" << databaseId << "in" << m_path
                                   << "that is not a blob";
            continue;
        }
        chunks.push_back(m_selectRange.bytesAt(0));
    }
    if (rc != SQLITE_DONE)
        qCWarning(lcTelemetry).noquote()
            << "reading chunks of series" << databaseId << "from" << m_path
            << "failed:" << QString::fromUtf8(sqlite3_errmsg(m_readDb));
    m_selectRange.reset();
    return chunks;
}

TelemetryPersistenceStats TelemetryPersistenceWorker::stats() const
{
    TelemetryPersistenceStats stats;
    stats.chunksWritten = m_chunksWritten.load();
    stats.headsWritten = m_headsWritten.load();
    stats.transactionsCommitted = m_transactions.load();
    stats.transactionsFailed = m_failedTransactions.load();
    stats.chunksDropped = m_chunksDropped.load();
    QMutexLocker locker(&m_queueMutex);
    stats.chunksQueued = qint64(m_pending.size());
    return stats;
}

Result<void> TelemetryPersistenceWorker::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    const QString text = message ? QString::fromUtf8(message) : lastError();
    sqlite3_free(message);
    return makeError(text);
}

Result<Statement> TelemetryPersistenceWorker::prepare(sqlite3 *db, const char *sql, unsigned flags)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, flags, &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return makeError(QString::fromUtf8(sqlite3_errmsg(db)));
    }
    return Statement(statement);
}

Result<qint64> TelemetryPersistenceWorker::queryInteger(const char *sql)
{
    auto statement = prepare(m_db, sql);
    if (!statement)
        return makeError(statement.error());
    const int rc = statement->step();
    if (rc == SQLITE_ROW)
        return statement->integerAt(0);
    if (rc == SQLITE_DONE)
        return 0;
    return makeError(lastError());
}

Result<void> TelemetryPersistenceWorker::run(Statement &statement)
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

void TelemetryPersistenceWorker::rollbackIfNeeded()
{
    if (m_db && !sqlite3_get_autocommit(m_db))
        (void)exec("ROLLBACK");
}

Result<void> TelemetryPersistenceWorker::open()
{
    m_path = m_options.databasePath;
    if (m_path.isEmpty())
        return makeError(QStringLiteral("no telemetry database path given"));
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(
            QStringLiteral("cannot create the directory of telemetry database %1").arg(m_path));
    sqlite3 *db = nullptr;
    const int rc =
        sqlite3_open_v2(m_path.toUtf8().constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    m_db = db; // SQLite hands out a connection even on failure; it must be closed
    if (rc != SQLITE_OK) {
        const QString message = m_db ? lastError() : QString::fromUtf8(sqlite3_errstr(rc));
        closeDatabase();
        return makeError(
            QStringLiteral("cannot open telemetry database %1: %2").arg(m_path, message));
    }
    sqlite3_extended_result_codes(m_db, 1);
    const int busyMs = int(std::clamp<qint64>(m_options.busyTimeout.count(), 0, INT_MAX));
    sqlite3_busy_timeout(m_db, busyMs);

    auto version = checkDatabase();
    if (!version) {
        closeDatabase();
        return makeError(version.error());
    }
    if (sqlite3_db_readonly(m_db, "main") == 1) {
        closeDatabase();
        return makeError(QStringLiteral("telemetry database %1 is read-only").arg(m_path));
    }
    // From here on the file is known to be ours (or new) and may be written.
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        if (auto done = exec(pragma); !done) {
            closeDatabase();
            return makeError(QStringLiteral("cannot configure telemetry database %1: %2")
                                 .arg(m_path, done.error()));
        }
    }
    {
        auto statement = prepare(m_db, "PRAGMA journal_mode = WAL");
        const bool wal = statement && statement->step() == SQLITE_ROW &&
                         statement->bytesAt(0).compare("wal", Qt::CaseInsensitive) == 0;
        if (!wal)
            qCWarning(lcTelemetry).noquote()
                << "telemetry database" << m_path << "is not in WAL mode:" << lastError();
    }
    auto migrated = migrate(*version);
    if (!migrated) {
        closeDatabase();
        return makeError(migrated.error());
    }
    if (auto prepared = prepareStatements(); !prepared) {
        closeDatabase();
        return makeError(QStringLiteral("cannot prepare statements on telemetry database %1: %2")
                             .arg(m_path, prepared.error()));
    }
    // Series whose every chunk and head expired. Only here, before any series id is handed
    // out: a deleted id could be reused by SQLite while a running session still maps it.
    if (auto pruned = exec("DELETE FROM series WHERE NOT EXISTS (SELECT 1 FROM chunks WHERE "
                           "chunks.series_id = series.id) AND NOT EXISTS (SELECT 1 FROM heads "
                           "WHERE heads.series_id = series.id)");
        !pruned)
        qCWarning(lcTelemetry).noquote() << "cannot prune expired series from telemetry database"
                                         << m_path << ":" << pruned.error();

    // Readers of old ranges get their own connection: in WAL mode they never wait for, nor
    // block, the writer.
    sqlite3 *readDb = nullptr;
    const int readRc = sqlite3_open_v2(m_path.toUtf8().constData(), &readDb,
                                       SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (readRc == SQLITE_OK) {
        sqlite3_busy_timeout(readDb, busyMs);
        auto select = prepare(readDb,
                              "SELECT data FROM chunks WHERE series_id = ?1 AND tier = ?2 "
                              "AND min_ts <= ?4 AND max_ts >= ?3 ORDER BY min_ts",
                              SQLITE_PREPARE_PERSISTENT);
        if (select) {
            QMutexLocker locker(&m_readMutex);
            m_readDb = readDb;
            m_selectRange = std::move(select).value();
        } else {
            qCWarning(lcTelemetry).noquote()
                << "telemetry database" << m_path
                << "serves no reads older than memory:" << select.error();
            sqlite3_close_v2(readDb);
        }
    } else {
        qCWarning(lcTelemetry).noquote()
            << "telemetry database" << m_path << "serves no reads older than memory:"
            << (readDb ? QString::fromUtf8(sqlite3_errmsg(readDb))
                       : QString::fromUtf8(sqlite3_errstr(readRc)));
        sqlite3_close_v2(readDb);
    }

    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(m_options.flushInterval);
    connect(m_batchTimer, &QTimer::timeout, this, [this] { (void)drain(); });
    m_checkpointTimer = new QTimer(this);
    m_checkpointTimer->setInterval(m_options.checkpointInterval);
    connect(m_checkpointTimer, &QTimer::timeout, this, [this] { (void)checkpoint(); });
    m_retentionTimer = new QTimer(this);
    m_retentionTimer->setInterval(m_options.retentionInterval);
    m_retentionTimer->setTimerType(Qt::VeryCoarseTimer);
    connect(m_retentionTimer, &QTimer::timeout, this,
            [this] { (void)applyRetention(QDateTime::currentMSecsSinceEpoch()); });
    return {};
}

Result<int> TelemetryPersistenceWorker::checkDatabase()
{
    // Only reads until the file is known to be a Continuo telemetry database: anything else is
    // reported and stays exactly as it was. No quick_check: this file grows to gigabytes, and
    // damaged rows are skipped where they are read.
    const auto refused = [this](const QString &reason) {
        return makeError(QStringLiteral("telemetry database %1 is corrupt or not a Continuo "
                                        "telemetry database: %2")
                             .arg(m_path, reason));
    };
    auto objectCount = queryInteger("SELECT count(*) FROM sqlite_master");
    if (!objectCount)
        return refused(objectCount.error());
    auto userVersion = queryInteger("PRAGMA user_version");
    if (!userVersion)
        return refused(userVersion.error());
    auto applicationId = queryInteger("PRAGMA application_id");
    if (!applicationId)
        return refused(applicationId.error());
    if (*applicationId != 0 && *applicationId != kApplicationId)
        return refused(QStringLiteral("it belongs to another application (application id %1)")
                           .arg(*applicationId));
    const int latest = TelemetryPersistence::latestSchemaVersion();
    if (*userVersion > latest)
        return makeError(QStringLiteral("telemetry database %1 has schema version %2, but this "
                                        "build of Continuo knows versions up to %3 only")
                             .arg(m_path)
                             .arg(*userVersion)
                             .arg(latest));
    if (*userVersion < 0)
        return refused(QStringLiteral("invalid schema version %1").arg(*userVersion));
    if (*userVersion == 0 && *objectCount > 0)
        return refused(QStringLiteral("it holds tables but no schema version"));
    if (*userVersion > 0 && *applicationId != kApplicationId)
        return refused(QStringLiteral("it has a schema version but no Continuo application id"));
    return int(*userVersion);
}

Result<int> TelemetryPersistenceWorker::migrate(int fromVersion)
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
            return makeError(QStringLiteral("migration %1 of telemetry database %2 failed: %3")
                                 .arg(migration.name, m_path, reason));
        };
        if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
            return failed(begun.error());
        if (auto applied = exec(migration.sql.constData()); !applied)
            return failed(applied.error());
        if (version == 0) {
            const QByteArray marker =
                "PRAGMA application_id = " + QByteArray::number(kApplicationId);
            if (auto marked = exec(marker.constData()); !marked)
                return failed(marked.error());
        }
        const QByteArray versioned =
            "PRAGMA user_version = " + QByteArray::number(migration.version);
        if (auto done = exec(versioned.constData()); !done)
            return failed(done.error());
        if (auto committed = exec("COMMIT"); !committed)
            return failed(committed.error());
        version = migration.version;
        qCInfo(lcTelemetry).noquote()
            << "migrated telemetry database" << m_path << "to schema version" << version;
    }
    return version;
}

Result<void> TelemetryPersistenceWorker::prepareStatements()
{
    const struct
    {
        Statement *statement;
        const char *sql;
    } statements[] = {
        {&m_insertSeries, "INSERT INTO series (metric, labels) VALUES (?1, ?2) "
                          "ON CONFLICT (metric, labels) DO NOTHING"},
        {&m_selectSeries, "SELECT id FROM series WHERE metric = ?1 AND labels = ?2"},
        {&m_insertChunk, "INSERT INTO chunks (series_id, tier, min_ts, max_ts, data) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&m_upsertHead, "INSERT INTO heads (series_id, last_ts, samples, minute_open, hour_open) "
                        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (series_id) DO UPDATE SET "
                        "last_ts = excluded.last_ts, samples = excluded.samples, "
                        "minute_open = excluded.minute_open, hour_open = excluded.hour_open"},
        {&m_upsertRollupHead,
         "INSERT INTO rollup_heads (series_id, tier, data) VALUES (?1, ?2, ?3) "
         "ON CONFLICT (series_id, tier) DO UPDATE SET data = excluded.data"},
    };
    for (const auto &[statement, sql] : statements) {
        auto prepared = prepare(m_db, sql, SQLITE_PREPARE_PERSISTENT);
        if (!prepared)
            return makeError(prepared.error());
        *statement = std::move(prepared).value();
    }
    return {};
}

void TelemetryPersistenceWorker::closeDatabase()
{
    {
        QMutexLocker locker(&m_readMutex);
        m_selectRange = Statement();
        if (m_readDb)
            sqlite3_close_v2(m_readDb);
        m_readDb = nullptr;
    }
    for (Statement *statement :
         {&m_insertSeries, &m_selectSeries, &m_insertChunk, &m_upsertHead, &m_upsertRollupHead})
        *statement = Statement();
    if (m_db) {
        if (sqlite3_close(m_db) != SQLITE_OK) {
            qCWarning(lcTelemetry).noquote()
                << "closing telemetry database" << m_path << "failed:" << lastError();
            sqlite3_close_v2(m_db);
        }
        m_db = nullptr;
    }
}

void TelemetryPersistenceWorker::startTimers()
{
    if (m_checkpointTimer && m_options.checkpointInterval.count() > 0)
        m_checkpointTimer->start();
    if (m_retentionTimer && m_options.retentionInterval.count() > 0)
        m_retentionTimer->start();
}

void TelemetryPersistenceWorker::shutdown()
{
    for (QTimer *timer : {m_checkpointTimer, m_retentionTimer, m_batchTimer}) {
        if (timer)
            timer->stop();
    }
    if (auto drained = drain(); !drained) {
        const qint64 lost = qint64(takeQueue().size());
        qCWarning(lcTelemetry).noquote() << "closing telemetry database" << m_path << "with" << lost
                                         << "chunks not written:" << drained.error();
    }
    delete m_batchTimer;
    delete m_checkpointTimer;
    delete m_retentionTimer;
    m_batchTimer = m_checkpointTimer = m_retentionTimer = nullptr;
    closeDatabase();
}

std::vector<PendingChunk> TelemetryPersistenceWorker::takeQueue()
{
    qint64 dropped = 0;
    std::vector<PendingChunk> batch;
    {
        QMutexLocker locker(&m_queueMutex);
        batch.swap(m_pending);
        m_drainScheduled = false;
        m_immediateDrainScheduled = false;
        dropped = std::exchange(m_droppedSinceReport, 0);
    }
    if (dropped > 0)
        qCWarning(lcTelemetry).noquote()
            << "dropped" << dropped << "sealed chunks: more than" << m_options.maxQueuedChunks
            << "were waiting for telemetry database" << m_path;
    return batch;
}

Result<void> TelemetryPersistenceWorker::drain()
{
    if (m_batchTimer)
        m_batchTimer->stop();
    std::vector<PendingChunk> batch = takeQueue();
    if (batch.empty())
        return {};
    return write(std::move(batch), {});
}

Result<qint64> TelemetryPersistenceWorker::checkpoint()
{
    if (m_batchTimer)
        m_batchTimer->stop();
    // Heads first, then the queue: every chunk sealed before a snapshot reached the queue
    // before it (the store leaves series with chunks on their way out of the snapshot), so the
    // chunks of samples that left a head commit in the same transaction as the head.
    std::vector<HeadSnapshot> heads = m_store.takeChangedHeads();
    if (!m_retryHeads.isEmpty()) {
        // A newer snapshot replaces a failed one, but a rollup chunk that changed then must
        // still be written (the newer snapshot always carries the current chunk).
        for (HeadSnapshot &head : heads) {
            const auto failed = m_retryHeads.constFind(head.seriesId);
            if (failed == m_retryHeads.cend())
                continue;
            for (std::size_t t = 0; t < head.rollups.size(); ++t)
                head.rollups[t].chunkChanged |= failed->rollups[t].chunkChanged;
            m_retryHeads.erase(failed);
        }
        for (HeadSnapshot &head : m_retryHeads)
            heads.push_back(std::move(head));
        m_retryHeads.clear();
    }
    std::vector<PendingChunk> chunks = takeQueue();
    const auto written = qint64(heads.size());
    if (auto done = write(std::move(chunks), std::move(heads)); !done)
        return makeError(done.error());
    return written;
}

Result<qint64> TelemetryPersistenceWorker::seriesDatabaseId(SeriesId seriesId,
                                                            std::vector<SeriesId> &assigned)
{
    {
        std::shared_lock lock(m_idMutex);
        if (seriesId < m_databaseIds.size() && m_databaseIds[seriesId] != 0)
            return m_databaseIds[seriesId];
    }
    const QString metric = m_store.metric(seriesId);
    if (metric.isEmpty())
        return qint64(0);
    const QByteArray metricUtf8 = metric.toUtf8();
    const QByteArray labels = labelsToJson(m_store.labels(seriesId));
    m_insertSeries.bind(1, metricUtf8);
    m_insertSeries.bind(2, labels);
    if (auto done = run(m_insertSeries); !done)
        return makeError(done.error());
    m_selectSeries.bind(1, metricUtf8);
    m_selectSeries.bind(2, labels);
    if (m_selectSeries.step() != SQLITE_ROW) {
        const QString message = lastError();
        m_selectSeries.reset();
        return makeError(
            QStringLiteral("series %1 is missing after its insert: %2").arg(metric, message));
    }
    const qint64 databaseId = m_selectSeries.integerAt(0);
    m_selectSeries.reset();
    {
        std::unique_lock lock(m_idMutex);
        if (m_databaseIds.size() <= seriesId)
            m_databaseIds.resize(std::size_t(seriesId) + 1, 0);
        m_databaseIds[seriesId] = databaseId;
    }
    assigned.push_back(seriesId);
    return databaseId;
}

void TelemetryPersistenceWorker::forgetDatabaseIds(const std::vector<SeriesId> &seriesIds)
{
    std::unique_lock lock(m_idMutex);
    for (const SeriesId id : seriesIds)
        m_databaseIds[id] = 0;
}

Result<void> TelemetryPersistenceWorker::commit(const std::vector<PendingChunk> &chunks,
                                                const std::vector<HeadSnapshot> &heads)
{
    if (!m_db)
        return makeError(QStringLiteral("the telemetry database is not open"));
    // Series rows inserted by a transaction that rolls back do not exist: forget their ids.
    std::vector<SeriesId> assigned;
    const auto failed = [&](const QString &message) {
        rollbackIfNeeded();
        forgetDatabaseIds(assigned);
        return makeError(message);
    };
    if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
        return failed(begun.error());
    qint64 unknown = 0;
    for (const PendingChunk &chunk : chunks) {
        auto databaseId = seriesDatabaseId(chunk.seriesId, assigned);
        if (!databaseId)
            return failed(databaseId.error());
        if (*databaseId == 0) {
            ++unknown;
            continue;
        }
        m_insertChunk.bind(1, *databaseId);
        m_insertChunk.bind(2, qint64(chunk.tier));
        m_insertChunk.bind(3, chunk.minTimestampMs);
        m_insertChunk.bind(4, chunk.maxTimestampMs);
        m_insertChunk.bindBlobOrNull(5, chunk.bytes);
        if (auto done = run(m_insertChunk); !done)
            return failed(done.error());
    }
    for (const HeadSnapshot &head : heads) {
        auto databaseId = seriesDatabaseId(head.seriesId, assigned);
        if (!databaseId)
            return failed(databaseId.error());
        if (*databaseId == 0) {
            ++unknown;
            continue;
        }
        const QByteArray minuteOpen = encodeOpenBucket(head.rollups[0].openBucket);
        const QByteArray hourOpen = encodeOpenBucket(head.rollups[1].openBucket);
        m_upsertHead.bind(1, *databaseId);
        m_upsertHead.bind(2, head.lastTimestampMs);
        m_upsertHead.bindBlobOrNull(3, head.samples);
        m_upsertHead.bindBlobOrNull(4, minuteOpen);
        m_upsertHead.bindBlobOrNull(5, hourOpen);
        if (auto done = run(m_upsertHead); !done)
            return failed(done.error());
        // Rollup head chunks change once per bucket: written only then.
        for (std::size_t t = 0; t < head.rollups.size(); ++t) {
            if (!head.rollups[t].chunkChanged)
                continue;
            m_upsertRollupHead.bind(1, *databaseId);
            m_upsertRollupHead.bind(2, qint64(t + 1));
            m_upsertRollupHead.bindBlobOrNull(3, head.rollups[t].chunk);
            if (auto done = run(m_upsertRollupHead); !done)
                return failed(done.error());
        }
    }
    if (auto committed = exec("COMMIT"); !committed)
        return failed(committed.error());
    if (unknown > 0)
        qCWarning(lcTelemetry) << "skipped" << unknown
                               << "chunks or heads of series the store does not know";
    m_chunksWritten.fetch_add(qint64(chunks.size()) - unknown, std::memory_order_relaxed);
    m_headsWritten.fetch_add(qint64(heads.size()), std::memory_order_relaxed);
    m_transactions.fetch_add(1, std::memory_order_relaxed);
    return {};
}

Result<void> TelemetryPersistenceWorker::write(std::vector<PendingChunk> chunks,
                                               std::vector<HeadSnapshot> heads)
{
    if (chunks.empty() && heads.empty())
        return {};
    auto committed = commit(chunks, heads);
    if (committed) {
        if (m_consecutiveFailures > 0)
            qCInfo(lcTelemetry).noquote()
                << "telemetry database" << m_path << "is written again after"
                << m_consecutiveFailures << "failed transactions";
        m_consecutiveFailures = 0;
        return {};
    }
    m_failedTransactions.fetch_add(1, std::memory_order_relaxed);
    const QString message = QStringLiteral("writing %1 chunks and %2 heads to telemetry database "
                                           "%3 failed (retried at the next flush): %4")
                                .arg(chunks.size())
                                .arg(heads.size())
                                .arg(m_path, committed.error());
    // A full disk fails every flush: log the 1st, 2nd, 4th, 8th ... failure in a row.
    ++m_consecutiveFailures;
    if ((m_consecutiveFailures & (m_consecutiveFailures - 1)) == 0)
        qCWarning(lcTelemetry).noquote()
            << message << "(failure" << m_consecutiveFailures << "in a row)";
    // Nothing of the transaction was written: the chunks go back in front of the queue (as
    // far as it has room) and the heads into the next checkpoint unless newer ones come.
    bool restartTimer = false;
    {
        QMutexLocker locker(&m_queueMutex);
        const auto room =
            std::max<qsizetype>(0, m_options.maxQueuedChunks - qsizetype(m_pending.size()));
        const auto kept = std::min<qsizetype>(room, qsizetype(chunks.size()));
        m_chunksDropped.fetch_add(qint64(chunks.size()) - kept, std::memory_order_relaxed);
        m_pending.insert(m_pending.begin(), std::make_move_iterator(chunks.begin()),
                         std::make_move_iterator(chunks.begin() + kept));
        if (!m_pending.empty() && !m_drainScheduled) {
            m_drainScheduled = true;
            restartTimer = true;
        }
    }
    if (restartTimer && m_batchTimer)
        m_batchTimer->start();
    for (HeadSnapshot &head : heads)
        m_retryHeads.insert(head.seriesId, std::move(head));
    return makeError(message);
}

Result<TelemetryRetentionSummary> TelemetryPersistenceWorker::applyRetention(qint64 nowMs)
{
    // The store first: heads of idle series that expire are sealed into the queue, and so
    // reach the database before their raw retention there runs out.
    m_store.applyRetention(nowMs);
    if (auto drained = drain(); !drained)
        return makeError(drained.error());
    if (!m_db)
        return makeError(QStringLiteral("the telemetry database is not open"));
    TelemetryRetentionSummary summary;
    const auto failed = [this](const QString &message) {
        rollbackIfNeeded();
        const QString text =
            QStringLiteral("retention on telemetry database %1 failed: %2").arg(m_path, message);
        qCWarning(lcTelemetry).noquote() << text;
        return makeError(text);
    };
    if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
        return failed(begun.error());
    auto deleteChunks = prepare(m_db, "DELETE FROM chunks WHERE tier = ?1 AND max_ts < ?2");
    if (!deleteChunks)
        return failed(deleteChunks.error());
    const std::pair<ChunkTier, qint64> tiers[] = {
        {ChunkTier::Raw, m_options.rawRetentionMs},
        {ChunkTier::OneMinute, m_options.oneMinuteRetentionMs},
        {ChunkTier::OneHour, m_options.oneHourRetentionMs},
    };
    qint64 longestMs = 0;
    bool keepForever = false;
    for (const auto &[tier, retentionMs] : tiers) {
        if (retentionMs <= 0) {
            keepForever = true;
            continue;
        }
        longestMs = std::max(longestMs, retentionMs);
        deleteChunks->bind(1, qint64(tier));
        deleteChunks->bind(2, nowMs - retentionMs);
        if (auto done = run(*deleteChunks); !done)
            return failed(done.error());
        summary.chunksDeleted += sqlite3_changes64(m_db);
    }
    // A head holds rollup state too: it goes when even the longest-kept tier expired.
    if (!keepForever) {
        auto deleteRollupHeads = prepare(m_db, "DELETE FROM rollup_heads WHERE series_id IN "
                                               "(SELECT series_id FROM heads WHERE last_ts < ?1)");
        if (!deleteRollupHeads)
            return failed(deleteRollupHeads.error());
        deleteRollupHeads->bind(1, nowMs - longestMs);
        if (auto done = run(*deleteRollupHeads); !done)
            return failed(done.error());
        auto deleteHeads = prepare(m_db, "DELETE FROM heads WHERE last_ts < ?1");
        if (!deleteHeads)
            return failed(deleteHeads.error());
        deleteHeads->bind(1, nowMs - longestMs);
        if (auto done = run(*deleteHeads); !done)
            return failed(done.error());
        summary.headsDeleted = sqlite3_changes64(m_db);
    }
    if (auto committed = exec("COMMIT"); !committed)
        return failed(committed.error());
    if (summary.chunksDeleted > 0 || summary.headsDeleted > 0)
        qCInfo(lcTelemetry).noquote()
            << "telemetry retention deleted" << summary.chunksDeleted << "chunks and"
            << summary.headsDeleted << "heads from" << m_path;
    return summary;
}

Result<TelemetryLoadSummary> TelemetryPersistenceWorker::load(qint64 nowMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    TelemetryLoadSummary summary;
    if (!m_db)
        return makeError(QStringLiteral("the telemetry database is not open"));
    const auto problem = [&summary, this](const QString &text) {
        ++summary.rowsSkipped;
        if (summary.problems.size() < kMaxReportedProblems) {
            summary.problems.append(text);
            qCWarning(lcTelemetry).noquote() << "telemetry database" << m_path << ":" << text;
        }
    };
    const auto readFailed = [this](const QString &what) {
        return makeError(QStringLiteral("reading %1 from telemetry database %2 failed: %3")
                             .arg(what, m_path, lastError()));
    };
    if (m_store.seriesCount() > 0) {
        qCInfo(lcTelemetry) << "the telemetry store already holds" << m_store.seriesCount()
                            << "series; attaching" << m_path << "without loading it";
        return summary;
    }

    if (auto begun = exec("BEGIN"); !begun)
        return readFailed(QStringLiteral("anything"));
    // Read-only transaction: ending it cannot lose anything, whichever way we leave.
    const auto endTransaction = qScopeGuard([this] { rollbackIfNeeded(); });

    struct SeriesName
    {
        QString metric;
        Labels labels;
    };
    QHash<qint64, SeriesName> names;
    {
        auto statement = prepare(m_db, "SELECT id, metric, labels FROM series");
        if (!statement)
            return readFailed(QStringLiteral("the series"));
        int rc = SQLITE_OK;
        while ((rc = statement->step()) == SQLITE_ROW) {
            const qint64 id = statement->integerAt(0);
            const QString metric = QString::fromUtf8(statement->bytesAt(1));
            auto labels = labelsFromJson(statement->bytesAt(2));
            if (metric.isEmpty() || !labels) {
                problem(
                    QStringLiteral("series %1 skipped: %2")
                        .arg(id)
                        .arg(metric.isEmpty() ? QStringLiteral("no metric name") : labels.error()));
                continue;
            }
            names.insert(id, {metric, std::move(labels).value()});
        }
        if (rc != SQLITE_DONE)
            return readFailed(QStringLiteral("the series"));
    }

    // Only what the in-memory tiers keep; older chunks stay in the database for reads.
    const TimeSeriesStoreOptions &storeOptions = m_store.options();
    const auto cutoff = [nowMs](qint64 retentionMs) {
        return retentionMs > 0 ? nowMs - retentionMs : kNoTimestamp;
    };
    const bool rollups = storeOptions.rollupsEnabled;
    // In rowid order, which is the order the rows were written: the recent chunks a restart
    // wants sit together at the end of the table, so this reads them sequentially instead of
    // sorting them through temporary files. Rows are grouped per series in memory.
    auto chunks = prepare(m_db, "SELECT series_id, tier, min_ts, data FROM chunks WHERE rowid IN ("
                                "SELECT rowid FROM chunks WHERE tier = 0 AND max_ts >= ?1 "
                                "UNION ALL SELECT rowid FROM chunks WHERE tier = 1 "
                                "AND max_ts >= ?2 AND ?4 "
                                "UNION ALL SELECT rowid FROM chunks WHERE tier = 2 "
                                "AND max_ts >= ?3 AND ?4)");
    if (!chunks)
        return readFailed(QStringLiteral("the chunks"));
    chunks->bind(1, cutoff(storeOptions.rawRetentionMs));
    chunks->bind(2, cutoff(storeOptions.oneMinuteRetentionMs));
    chunks->bind(3, cutoff(storeOptions.oneHourRetentionMs));
    chunks->bind(4, qint64(rollups ? 1 : 0));
    auto heads =
        prepare(m_db, "SELECT series_id, last_ts, samples, minute_open, hour_open FROM heads");
    if (!heads)
        return readFailed(QStringLiteral("the heads"));
    auto rollupHeads = prepare(m_db, "SELECT series_id, tier, data FROM rollup_heads");
    if (!rollupHeads)
        return readFailed(QStringLiteral("the rollup heads"));

    std::vector<qint64> databaseIds;
    const auto blobAt = [&problem](Statement &statement, int column, qint64 seriesId,
                                   const char *what) -> std::optional<QByteArray> {
        const int type = statement.typeAt(column);
        if (type == SQLITE_NULL)
            return QByteArray();
        if (type != SQLITE_BLOB) {
            problem(QStringLiteral("%1 of series %2 skipped: not a blob")
                        .arg(QLatin1String(what))
                        .arg(seriesId));
            return std::nullopt;
        }
        return statement.bytesAt(column);
    };
    // One head row into a snapshot; parts that cannot be used are left out.
    const auto readHead = [&](Statement &statement) {
        HeadSnapshot head;
        const qint64 seriesId = statement.integerAt(0);
        head.lastTimestampMs = statement.integerAt(1);
        head.samples = blobAt(statement, 2, seriesId, "head samples").value_or(QByteArray());
        const struct
        {
            int openColumn;
            const char *name;
        } parts[2] = {{3, "1m"}, {4, "1h"}};
        for (std::size_t t = 0; t < 2; ++t) {
            const auto openBytes = blobAt(statement, parts[t].openColumn, seriesId, "open bucket");
            if (!openBytes)
                continue;
            auto open = decodeOpenBucket(*openBytes);
            if (!open) {
                problem(QStringLiteral("open %1 bucket of series %2 skipped: %3")
                            .arg(QLatin1String(parts[t].name))
                            .arg(seriesId)
                            .arg(open.error()));
                continue;
            }
            head.rollups[t].openBucket = *open;
        }
        return head;
    };
    const auto importOne = [&](qint64 databaseId, SeriesImport &data) {
        const auto name = names.constFind(databaseId);
        if (name == names.cend()) {
            problem(QStringLiteral("rows of unknown series %1 skipped").arg(databaseId));
            return;
        }
        const SeriesId seriesId = m_store.resolve(name->metric, name->labels);
        if (seriesId < databaseIds.size() && databaseIds[seriesId] != 0) {
            problem(QStringLiteral("series %1 skipped: it duplicates series %2")
                        .arg(databaseId)
                        .arg(databaseIds[seriesId]));
            return;
        }
        if (databaseIds.size() <= seriesId)
            databaseIds.resize(std::size_t(seriesId) + 1, 0);
        databaseIds[seriesId] = databaseId;
        if (data.head)
            data.head->seriesId = seriesId;
        const SeriesImportSummary imported = m_store.importSeries(seriesId, data);
        ++summary.seriesLoaded;
        summary.chunksLoaded += imported.chunks;
        summary.rollupChunksLoaded += imported.rollupChunks;
        summary.headsLoaded += data.head ? 1 : 0;
        for (const QString &text : imported.problems)
            problem(QStringLiteral("series %1 %2: %3").arg(databaseId).arg(name->metric, text));
    };

    // Everything read for one series: chunks per tier with their start, then the head.
    struct Pending
    {
        std::array<std::vector<std::pair<qint64, QByteArray>>, 3> tiers;
        std::optional<HeadSnapshot> head;
    };
    QHash<qint64, Pending> pending;
    pending.reserve(names.size());
    int rc = SQLITE_OK;
    while ((rc = chunks->step()) == SQLITE_ROW) {
        const qint64 seriesId = chunks->integerAt(0);
        const qint64 tier = chunks->integerAt(1);
        if (tier < qint64(ChunkTier::Raw) || tier > qint64(ChunkTier::OneHour)) {
            problem(QStringLiteral("chunk of series %1 with unknown tier %2 skipped")
                        .arg(seriesId)
                        .arg(tier));
            continue;
        }
        auto bytes = blobAt(*chunks, 3, seriesId, "chunk");
        if (!bytes)
            continue;
        pending[seriesId].tiers[std::size_t(tier)].emplace_back(chunks->integerAt(2),
                                                                std::move(*bytes));
    }
    if (rc != SQLITE_DONE)
        problem(QStringLiteral("reading chunks stopped early: %1").arg(lastError()));
    while ((rc = heads->step()) == SQLITE_ROW)
        pending[heads->integerAt(0)].head = readHead(*heads);
    if (rc != SQLITE_DONE)
        problem(QStringLiteral("reading heads stopped early: %1").arg(lastError()));
    // Written in the same transactions as the heads rows they belong to.
    while ((rc = rollupHeads->step()) == SQLITE_ROW) {
        const qint64 seriesId = rollupHeads->integerAt(0);
        const qint64 tier = rollupHeads->integerAt(1);
        const auto found = pending.find(seriesId);
        if (found == pending.end() || !found->head ||
            (tier != qint64(ChunkTier::OneMinute) && tier != qint64(ChunkTier::OneHour))) {
            problem(QStringLiteral("rollup head of series %1, tier %2 skipped: no head row or "
                                   "unknown tier")
                        .arg(seriesId)
                        .arg(tier));
            continue;
        }
        if (auto bytes = blobAt(*rollupHeads, 2, seriesId, "rollup head"))
            found->head->rollups[std::size_t(tier - 1)].chunk = std::move(*bytes);
    }
    if (rc != SQLITE_DONE)
        problem(QStringLiteral("reading rollup heads stopped early: %1").arg(lastError()));

    // In database id order, so that which of two duplicates wins does not depend on hashing.
    QList<qint64> order = pending.keys();
    std::sort(order.begin(), order.end());
    for (const qint64 databaseId : std::as_const(order)) {
        Pending &rows = pending[databaseId];
        SeriesImport data;
        for (std::size_t tier = 0; tier < rows.tiers.size(); ++tier) {
            auto &list = rows.tiers[tier];
            std::stable_sort(list.begin(), list.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            std::vector<QByteArray> &out = tier == 0 ? data.chunks : data.rollupChunks[tier - 1];
            out.reserve(list.size());
            for (auto &entry : list)
                out.push_back(std::move(entry.second));
        }
        data.head = std::move(rows.head);
        pending.remove(databaseId); // its bytes now live in data: the store takes them next
        importOne(databaseId, data);
    }

    {
        std::unique_lock lock(m_idMutex);
        m_databaseIds = std::move(databaseIds);
    }
    summary.samplesLoaded = m_store.stats().sampleCount;
    summary.elapsedMs = elapsed.elapsed();
    qCInfo(lcTelemetry).noquote() << "loaded" << summary.seriesLoaded << "series,"
                                  << summary.chunksLoaded << "chunks," << summary.rollupChunksLoaded
                                  << "rollup chunks and" << summary.headsLoaded
                                  << "checkpointed heads (" << summary.samplesLoaded
                                  << "samples) from" << m_path << "in" << summary.elapsedMs << "ms;"
                                  << summary.rowsSkipped << "rows skipped";
    return summary;
}

} // namespace Internal

TelemetryPersistence::TelemetryPersistence(TimeSeriesStore &store,
                                           TelemetryPersistenceOptions options)
    : m_store(store)
    , m_options(std::move(options))
{
    if (m_options.flushInterval.count() <= 0)
        m_options.flushInterval = std::chrono::milliseconds(1000);
    m_options.flushChunkCount = std::max(1, m_options.flushChunkCount);
    m_options.maxQueuedChunks = std::max<qsizetype>(1, m_options.maxQueuedChunks);
}

TelemetryPersistence::~TelemetryPersistence()
{
    shutdown();
}

QString TelemetryPersistence::databaseFileName()
{
    return QStringLiteral("telemetry.db");
}

int TelemetryPersistence::latestSchemaVersion()
{
    static const int latest = [] {
        auto migrations = Internal::loadMigrations();
        if (!migrations) {
            qCCritical(lcTelemetry).noquote() << migrations.error();
            return 0;
        }
        return int(migrations->size());
    }();
    return latest;
}

template <typename Function>
auto TelemetryPersistence::callWorker(Function &&function)
    -> decltype(function(std::declval<Internal::TelemetryPersistenceWorker &>()))
{
    using ResultType = decltype(function(std::declval<Internal::TelemetryPersistenceWorker &>()));
    std::shared_lock lock(m_lifecycleMutex);
    if (!m_worker)
        return makeError(QStringLiteral("the telemetry database is not open"));
    if (QThread::currentThread() == m_thread.get())
        return function(*m_worker);
    Internal::TelemetryPersistenceWorker *worker = m_worker.get();
    std::optional<ResultType> result;
    QMetaObject::invokeMethod(
        worker, [&] { result.emplace(function(*worker)); }, Qt::BlockingQueuedConnection);
    if (!result)
        return makeError(QStringLiteral("the telemetry storage thread did not answer"));
    return std::move(*result);
}

Result<void> TelemetryPersistence::open()
{
    std::unique_lock lock(m_lifecycleMutex);
    if (m_worker)
        return makeError(QStringLiteral("the telemetry database %1 is already open")
                             .arg(m_options.databasePath));
    auto thread = std::make_unique<QThread>();
    thread->setObjectName(QStringLiteral("continuo-tsdb"));
    auto worker = std::make_unique<Internal::TelemetryPersistenceWorker>(m_store, m_options);
    worker->moveToThread(thread.get());
    thread->start();
    Result<void> opened = makeError(QStringLiteral("the telemetry storage thread did not start"));
    QMetaObject::invokeMethod(
        worker.get(), [&] { opened = worker->open(); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        thread->quit();
        thread->wait();
        return opened;
    }
    m_thread = std::move(thread);
    m_worker = std::move(worker);
    m_isOpen = true;
    qCInfo(lcTelemetry).noquote() << "opened telemetry database" << m_options.databasePath;
    return {};
}

Result<TelemetryLoadSummary> TelemetryPersistence::load(qint64 nowMs)
{
    if (!isOpen())
        return makeError(QStringLiteral("the telemetry database is not open"));
    // Attached before importing, so chunks sealed while importing (full heads) are written.
    if (!m_isAttached.exchange(true)) {
        m_store.setChunkSink(this);
        m_store.setChunkSource(this);
    }
    auto loaded = callWorker([nowMs](Internal::TelemetryPersistenceWorker &worker) {
        auto summary = worker.load(nowMs);
        if (summary)
            worker.startTimers();
        return summary;
    });
    if (!loaded && m_isAttached.exchange(false)) {
        m_store.setChunkSink(nullptr);
        m_store.setChunkSource(nullptr);
    }
    return loaded;
}

Result<void> TelemetryPersistence::flush()
{
    return callWorker([](Internal::TelemetryPersistenceWorker &worker) { return worker.drain(); });
}

Result<qint64> TelemetryPersistence::checkpoint()
{
    return callWorker(
        [](Internal::TelemetryPersistenceWorker &worker) { return worker.checkpoint(); });
}

Result<TelemetryRetentionSummary> TelemetryPersistence::applyRetention(qint64 nowMs)
{
    return callWorker([nowMs](Internal::TelemetryPersistenceWorker &worker) {
        return worker.applyRetention(nowMs);
    });
}

Result<void> TelemetryPersistence::close()
{
    if (!isOpen())
        return {};
    Result<void> result;
    if (m_isAttached.load()) {
        m_store.sealAll(); // every head becomes a queued chunk
        if (auto done = checkpoint(); !done)
            result = makeError(done.error()); // rollup heads and open buckets
    }
    shutdown();
    return result;
}

void TelemetryPersistence::shutdown()
{
    // Detached first: both setters wait for calls in progress, so none reaches us afterwards.
    if (m_isAttached.exchange(false)) {
        m_store.setChunkSink(nullptr);
        m_store.setChunkSource(nullptr);
    }
    std::unique_lock lock(m_lifecycleMutex);
    if (!m_worker)
        return;
    m_isOpen = false;
    Internal::TelemetryPersistenceWorker *worker = m_worker.get();
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_worker.reset();
    m_thread.reset();
    qCInfo(lcTelemetry).noquote() << "closed telemetry database" << m_options.databasePath;
}

TelemetryPersistenceStats TelemetryPersistence::stats() const
{
    std::shared_lock lock(m_lifecycleMutex);
    return m_worker ? m_worker->stats() : TelemetryPersistenceStats();
}

void TelemetryPersistence::chunkSealed(SeriesId seriesId, const QString &, const Labels &,
                                       qint64 minTimestampMs, qint64 maxTimestampMs,
                                       const QByteArray &bytes)
{
    std::shared_lock lock(m_lifecycleMutex);
    if (m_worker)
        m_worker->enqueue({seriesId, 0, minTimestampMs, maxTimestampMs, bytes});
}

void TelemetryPersistence::rollupChunkSealed(SeriesId seriesId, RollupResolution resolution,
                                             qint64 minTimestampMs, qint64 maxTimestampMs,
                                             const QByteArray &bytes)
{
    if (resolution == RollupResolution::Unknown)
        return;
    std::shared_lock lock(m_lifecycleMutex);
    if (m_worker)
        m_worker->enqueue(
            {seriesId, Internal::tierNumber(resolution), minTimestampMs, maxTimestampMs, bytes});
}

std::vector<QByteArray> TelemetryPersistence::chunksInRange(SeriesId seriesId,
                                                            RollupResolution resolution,
                                                            qint64 fromMs, qint64 toMs) const
{
    std::shared_lock lock(m_lifecycleMutex);
    if (!m_worker)
        return {};
    return m_worker->readChunks(seriesId, Internal::tierNumber(resolution), fromMs, toMs);
}

} // namespace Continuo
