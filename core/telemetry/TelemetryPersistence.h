#pragma once

#include "continuo_core_export.h"
#include "telemetry/TimeSeriesStore.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <memory>
#include <shared_mutex>
#include <utility>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Continuo {

namespace Internal {
class TelemetryPersistenceWorker;
} // namespace Internal

struct TelemetryPersistenceOptions
{
    /// The database file; the engine uses `<data directory>/telemetry.db`.
    QString databasePath;
    /// Longest a sealed chunk waits in the queue before it is committed.
    std::chrono::milliseconds flushInterval{1000};
    /// A queue this long is committed at once instead of waiting for the flush interval.
    int flushChunkCount = 4096;
    /// How often the heads of the series that changed are written. This is the loss window:
    /// samples acknowledged longer ago than this survive a crash of the process.
    std::chrono::milliseconds checkpointInterval{10000};
    /// How often retention runs, on the database and on the in-memory store.
    std::chrono::milliseconds retentionInterval{std::chrono::minutes(10)};
    /// Retention per tier in the database, by each chunk's newest timestamp (0: keep forever).
    qint64 rawRetentionMs = 15LL * 24 * 3600 * 1000;
    qint64 oneMinuteRetentionMs = 90LL * 24 * 3600 * 1000;
    qint64 oneHourRetentionMs = 2LL * 365 * 24 * 3600 * 1000;
    /// Chunks queued beyond this (the disk cannot keep up or fails) are dropped and counted
    /// instead of exhausting memory.
    qsizetype maxQueuedChunks = 1'000'000;
    /// How long a statement waits for a lock held by another process (a backup tool).
    std::chrono::milliseconds busyTimeout{5000};
};

/// What load() brought back into the store.
struct TelemetryLoadSummary
{
    qint64 seriesLoaded = 0;
    qint64 chunksLoaded = 0;       ///< sealed sample chunks
    qint64 rollupChunksLoaded = 0; ///< sealed rollup chunks, both tiers
    qint64 headsLoaded = 0;        ///< checkpoint rows used
    qint64 samplesLoaded = 0;      ///< raw samples now in memory for the loaded series
    qint64 rowsSkipped = 0;        ///< corrupt, orphaned or overlapping rows and parts (logged)
    qint64 elapsedMs = 0;
    QStringList problems; ///< the first few skipped rows, for people
};

struct TelemetryRetentionSummary
{
    qint64 chunksDeleted = 0;
    qint64 headsDeleted = 0;
};

/// Counters of the storage thread (diagnostics, /metrics, tests).
struct TelemetryPersistenceStats
{
    qint64 chunksWritten = 0;
    qint64 headsWritten = 0;
    qint64 transactionsCommitted = 0;
    qint64 transactionsFailed = 0;
    qint64 chunksDropped = 0; ///< queue full
    qint64 chunksQueued = 0;  ///< waiting for the next commit
};

/// Persists a TimeSeriesStore to its own SQLite file so that telemetry survives restarts and
/// crashes, without its writes ever waiting for the state store (another file, another
/// thread, another connection).
///
/// One storage thread owns the write connection (QGroundControl's tile-cache worker pattern,
/// as SqliteStateStore). As the store's IChunkSink it queues every sealed sample chunk and
/// rollup chunk and commits the queue in one transaction every flushInterval (or at
/// flushChunkCount chunks). Every checkpointInterval it writes a snapshot of the unsealed
/// state of each series that changed (head sample chunk, open rollup buckets) into one `heads`
/// row per series, replaced each time, in the same transaction as the queued chunks; the rollup
/// head chunks go to `rollup_heads`, rewritten only when a bucket closed. Every
/// retentionInterval it deletes chunks older than each tier's retention (raw 15 days, 1 min
/// 90 days, 1 h 2 years by default) and applies the store's own retention, sealing idle heads
/// first so their samples reach the database.
///
/// As the store's IChunkSource it serves reads of ranges older than memory from a second,
/// read-only connection (WAL: readers never block the writer): TelemetryQuery and
/// TelemetryHub::range see the database's raw chunks (15 days) and rollups (90 days, 2 years)
/// behind what memory keeps (6 h raw, 2 days 1 min, 14 days 1 h in the engine).
///
/// **Loss window.** Samples acknowledged by the store more than checkpointInterval (10 s by
/// default) before the process is killed (kill -9, crash, OOM) survive, bounded by the time the
/// checkpoint's own commit takes: every sample is either in a sealed chunk committed within
/// flushInterval (1 s) of sealing, or in a head committed by the first checkpoint after it
/// arrived (a checkpoint never replaces a head whose sealed chunk has not reached the queue,
/// and commits that queue with it). Newer samples may be lost. The database runs with `synchronous
/// = NORMAL` in WAL mode, so a power failure or kernel crash can also roll back the last commits
/// before the operating system wrote them out; a process crash cannot. A clean close() loses
/// nothing.
///
/// **Bad input.** A database that cannot be opened (not SQLite, another application's, a newer
/// schema, unreadable) is refused and left untouched: open() says why and the caller keeps
/// running in memory. Corrupt rows (undecodable chunks, bad labels, unknown tiers, wrong
/// types) are logged, counted and skipped at load and when read; never a crash.
///
/// Lifetime: the store must outlive this object. Every method may be called from any thread
/// but the storage thread.
class CONTINUO_CORE_EXPORT TelemetryPersistence final : public IChunkSink, public IChunkSource
{
public:
    TelemetryPersistence(TimeSeriesStore &store, TelemetryPersistenceOptions options);
    /// Without close(), like a crash after a last commit of the queued sealed chunks: no
    /// final seal, no final checkpoint.
    ~TelemetryPersistence() override;

    TelemetryPersistence(const TelemetryPersistence &) = delete;
    TelemetryPersistence &operator=(const TelemetryPersistence &) = delete;

    /// `telemetry.db`, the file name the engine uses inside its data directory.
    static QString databaseFileName();
    /// The schema version this build migrates to: the number of the last migration file.
    static int latestSchemaVersion();

    const TelemetryPersistenceOptions &options() const { return m_options; }

    /// Opens (creates, migrates) the database and starts the storage thread. Does not touch the
    /// store.
    Result<void> open();
    bool isOpen() const { return m_isOpen.load(); }

    /// Imports what the store's in-memory tiers keep (their retention counted back from nowMs)
    /// into the store, which must hold no samples yet, then attaches as its chunk sink and
    /// source and starts the flush, checkpoint and retention timers. A store that already holds
    /// samples (an engine started again in the same process) is attached without importing.
    /// Fails only when the database cannot be read at all.
    Result<TelemetryLoadSummary> load(qint64 nowMs);

    /// Commits the queued chunks now.
    Result<void> flush();
    /// Writes the heads of every series that changed since the last checkpoint, with the queued
    /// chunks, in one transaction. Returns the number of heads written.
    Result<qint64> checkpoint();
    /// Deletes chunks older than each tier's retention and heads older than the longest one,
    /// after applying the store's retention at nowMs.
    Result<TelemetryRetentionSummary> applyRetention(qint64 nowMs);
    /// Clean shutdown: seals every head in the store, writes a final checkpoint, commits,
    /// detaches from the store and closes the database. Nothing acknowledged is lost.
    Result<void> close();

    TelemetryPersistenceStats stats() const;

    // IChunkSink: queue for the next commit.
    void chunkSealed(SeriesId seriesId, const QString &metric, const Labels &labels,
                     qint64 minTimestampMs, qint64 maxTimestampMs,
                     const QByteArray &bytes) override;
    void rollupChunkSealed(SeriesId seriesId, RollupResolution resolution, qint64 minTimestampMs,
                           qint64 maxTimestampMs, const QByteArray &bytes) override;
    // IChunkSource: committed chunks, from the read-only connection.
    std::vector<QByteArray> chunksInRange(SeriesId seriesId, RollupResolution resolution,
                                          qint64 fromMs, qint64 toMs) const override;

private:
    template <typename Function>
    auto callWorker(Function &&function)
        -> decltype(function(std::declval<Internal::TelemetryPersistenceWorker &>()));
    void shutdown();

    TimeSeriesStore &m_store;
    TelemetryPersistenceOptions m_options;
    // Held shared by every call that uses the worker, exclusively by open() and shutdown().
    mutable std::shared_mutex m_lifecycleMutex;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<Internal::TelemetryPersistenceWorker> m_worker;
    std::atomic<bool> m_isOpen{false};
    std::atomic<bool> m_isAttached{false};
};

} // namespace Continuo
