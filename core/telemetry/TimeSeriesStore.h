#pragma once

#include "continuo_core_export.h"
#include "telemetry/SeriesIndex.h"
#include "telemetry/XorChunk.h"
#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <vector>

namespace Continuo {

/// Rollup tiers kept per series.
enum class RollupResolution {
    Unknown = 0,
    OneMinute, ///< 60,000 ms buckets
    OneHour    ///< 3,600,000 ms buckets
};
CONTINUO_CORE_EXPORT QString toString(RollupResolution resolution);
CONTINUO_CORE_EXPORT qint64 rollupBucketMs(RollupResolution resolution);

/// One rollup bucket: samples with bucketStartMs <= t < bucketStartMs + bucket width.
struct RollupPoint
{
    qint64 bucketStartMs = 0;
    double min = 0.0;
    double max = 0.0;
    double sum = 0.0;
    double count = 0.0;
    double average() const { return count > 0 ? sum / count : 0.0; }
    bool operator==(const RollupPoint &) const = default;
};

/// Receives every chunk the store seals, e.g. to persist it to SQLite. Called from the
/// ingesting thread after the store's locks are released; implementations should queue. A
/// sink may read from the store, but not ingest into it or replace the sink.
class CONTINUO_CORE_EXPORT IChunkSink
{
public:
    virtual ~IChunkSink();
    /// A sample chunk (decode with decodeXorChunk / XorChunkIterator).
    virtual void chunkSealed(SeriesId seriesId, const QString &metric, const Labels &labels,
                             qint64 minTimestampMs, qint64 maxTimestampMs,
                             const QByteArray &bytes) = 0;
    /// A rollup chunk (RollupChunkIterator: min, max, sum, count per bucket start).
    virtual void rollupChunkSealed(SeriesId seriesId, RollupResolution resolution,
                                   qint64 minTimestampMs, qint64 maxTimestampMs,
                                   const QByteArray &bytes);
};

/// Chunks older than what the store holds in memory, e.g. in SQLite. read() and readRollups()
/// ask it for the part of a range before a series' oldest sample in memory, for series that
/// lost data to retention or were imported (see TimeSeriesStore::setChunkSource).
class CONTINUO_CORE_EXPORT IChunkSource
{
public:
    virtual ~IChunkSource();
    /// Encoded chunks of one series that may hold timestamps within [fromMs, toMs], oldest
    /// first: sample chunks for RollupResolution::Unknown, else rollup chunks of that tier.
    /// Called from reading threads with no store lock held; must be thread-safe.
    virtual std::vector<QByteArray> chunksInRange(SeriesId seriesId, RollupResolution resolution,
                                                  qint64 fromMs, qint64 toMs) const = 0;
};

/// The part of one series that is not sealed yet: what a checkpoint persists so that a crash
/// loses only what arrived after it.
struct HeadSnapshot
{
    struct Rollup
    {
        QByteArray chunk;                      ///< rollup head chunk; empty if none
        /// Whether the chunk changed since the previous snapshot (a bucket closed): it changes
        /// once per bucket, so a checkpoint need not rewrite it every time.
        bool chunkChanged = false;
        std::optional<RollupPoint> openBucket; ///< the bucket still being filled
    };
    SeriesId seriesId = 0;
    /// Newest sample of the series when the snapshot was taken; the rollups include every
    /// sample up to here.
    qint64 lastTimestampMs = 0;
    QByteArray samples;            ///< head sample chunk (XorChunk); empty if the head is empty
    std::array<Rollup, 2> rollups; ///< [0] one minute, [1] one hour
};

/// What was persisted for one series, for TimeSeriesStore::importSeries().
struct SeriesImport
{
    std::vector<QByteArray> chunks;                      ///< sealed sample chunks, oldest first
    std::array<std::vector<QByteArray>, 2> rollupChunks; ///< [0] 1 min, [1] 1 h, oldest first
    std::optional<HeadSnapshot> head;                    ///< the last checkpoint, if any
};

/// Outcome of importSeries(): what was taken and why anything was not.
struct SeriesImportSummary
{
    qint64 chunks = 0;          ///< sealed sample chunks imported
    qint64 rollupChunks = 0;    ///< sealed rollup chunks imported (both tiers)
    qint64 headSamples = 0;     ///< samples taken from the head snapshot
    qint64 replayedSamples = 0; ///< raw samples folded into restored rollups, once per tier
    QStringList problems;       ///< one line per skipped chunk or snapshot part
};

struct TimeSeriesStoreOptions
{
    /// Lock shards (a power of two); series are spread over them by id.
    int shardCount = 16;
    int maxSamplesPerChunk = XorChunk::DefaultMaxSamples;
    qint64 maxChunkSpanMs = XorChunk::DefaultMaxSpanMs;
    /// Raw samples older than the series' newest sample minus this are dropped (whole chunks).
    qint64 rawRetentionMs = 24LL * 3600 * 1000;
    bool rollupsEnabled = true;
    /// In-memory rollup retention. A 1-minute tier of 15 s data costs about 3/4 of the raw
    /// bytes for the same span, so longer histories belong in SQLite (IChunkSink receives every
    /// sealed rollup chunk), not in memory.
    qint64 oneMinuteRetentionMs = 2LL * 24 * 3600 * 1000;
    qint64 oneHourRetentionMs = 14LL * 24 * 3600 * 1000;
};

/// Memory held by the store, from its own accounting (heap bytes it allocated).
struct TimeSeriesStoreStats
{
    qint64 seriesCount = 0;
    qint64 sampleCount = 0;        ///< raw samples held (head + sealed)
    qint64 sealedChunkCount = 0;
    qint64 compressedBytes = 0;    ///< encoded raw chunk bytes (head + sealed), headers included
    qint64 rollupBytes = 0;        ///< rollup chunks and open buckets
    qint64 seriesOverheadBytes = 0; ///< per-series records, chunk lists, unused buffer capacity
    qint64 indexBytes = 0;
    qint64 totalBytes = 0;
    double bytesPerSample() const { return sampleCount ? double(compressedBytes) / sampleCount : 0; }
    double bytesPerSeries() const { return seriesCount ? double(totalBytes) / seriesCount : 0; }
};

/// A sample addressed by series id: the ingestion fast path (a scraper caches ids per line,
/// like Prometheus' scrape cache, so no label is hashed per sample).
struct IdSample
{
    SeriesId seriesId = 0;
    qint64 timestampMs = 0;
    double value = 0.0;
};

/// Outcome of one ingestion call.
struct IngestSummary
{
    qint64 appended = 0;
    qint64 outOfOrder = 0; ///< older than or at the series' newest timestamp, different value
    qint64 duplicates = 0; ///< same timestamp and value as the newest sample: ignored
    qint64 unknownSeries = 0;
};

/// In-memory compressed time-series store: per series a Gorilla head chunk, sealed chunks,
/// 1-minute and 1-hour rollups kept incrementally, retention by time.
///
/// Thread-safe. Series are spread over lock shards, so ingesting threads rarely meet; the
/// series index has its own reader/writer lock taken only to resolve labels.
class CONTINUO_CORE_EXPORT TimeSeriesStore
{
public:
    explicit TimeSeriesStore(TimeSeriesStoreOptions options = {});
    ~TimeSeriesStore();
    TimeSeriesStore(const TimeSeriesStore &) = delete;
    TimeSeriesStore &operator=(const TimeSeriesStore &) = delete;

    const TimeSeriesStoreOptions &options() const { return m_options; }

    /// Not owned; must outlive the store or be reset to nullptr first. Waits for deliveries in
    /// progress, so the old sink may be destroyed once this returns (never call it from a sink).
    void setChunkSink(IChunkSink *sink);
    /// Not owned; as setChunkSink(). Reads of ranges older than memory consult it.
    void setChunkSource(IChunkSource *source);

    /// The id of a series, created if new.
    SeriesId resolve(const QString &metric, const Labels &labels);
    std::optional<SeriesId> find(const QString &metric, const Labels &labels) const;

    /// Resolves labels, then appends. Samples of a batch must be in time order.
    IngestSummary ingest(const QList<SeriesBatch> &batches);
    /// Fast path: samples of the same series must appear in time order.
    IngestSummary ingest(std::span<const IdSample> samples);
    IngestSummary append(SeriesId seriesId, qint64 timestampMs, double value);

    /// Raw samples with fromMs <= t <= toMs, oldest first, appended to out.
    void read(SeriesId seriesId, qint64 fromMs, qint64 toMs, std::vector<Sample> &out) const;
    QList<Sample> read(SeriesId seriesId, qint64 fromMs, qint64 toMs) const;
    /// Rollup buckets with fromMs <= bucketStart <= toMs, including the still-open bucket.
    void readRollups(SeriesId seriesId, RollupResolution resolution, qint64 fromMs, qint64 toMs,
                     std::vector<RollupPoint> &out) const;
    /// Newest sample at or before atMs and after atMs - lookbackMs.
    std::optional<Sample> lastSample(SeriesId seriesId, qint64 atMs, qint64 lookbackMs) const;
    /// Oldest raw timestamp still held for a series, if any.
    std::optional<qint64> oldestTimestampMs(SeriesId seriesId) const;

    /// Series matching a selector, ascending ids.
    Result<std::vector<SeriesId>> select(const SeriesSelector &selector) const;
    Result<std::vector<SeriesId>> select(QStringView selectorText) const;
    QString metric(SeriesId id) const;
    Labels labels(SeriesId id) const;
    qsizetype seriesCount() const;
    /// Runs f with the index under its read lock (label values, names, postings).
    void withIndex(const std::function<void(const SeriesIndex &)> &f) const;

    /// Seals every non-empty head chunk (shutdown, tests); the sink sees each.
    void sealAll();
    /// Drops data older than each tier's retention relative to nowMs (idle series). With a
    /// sink attached, a head chunk that expires is sealed first, so the sink sees its samples.
    void applyRetention(qint64 nowMs);

    /// Snapshots of the head state of every series that changed since the previous call (or
    /// since it was created or imported), for checkpoints. Clears the changed marks.
    std::vector<HeadSnapshot> takeChangedHeads();
    /// Loads persisted data into a series that holds no samples yet (restart): sealed chunks
    /// as they are, then the head snapshot's samples and rollup state newer than those
    /// chunks; rollups are then brought up to date with the raw samples newer than what they
    /// cover (a chunk sealed after the last checkpoint). Corrupt, out-of-order or overlapping
    /// chunks are skipped and listed in problems; nothing here throws or aborts. Chunks sealed
    /// while importing (a head that is full) reach the sink. The series counts as having older
    /// data elsewhere, so reads before its oldest sample in memory consult the chunk source.
    SeriesImportSummary importSeries(SeriesId seriesId, const SeriesImport &data);

    TimeSeriesStoreStats stats() const;
    qint64 samplesAppendedTotal() const { return m_appended.load(std::memory_order_relaxed); }
    qint64 samplesOutOfOrderTotal() const { return m_outOfOrder.load(std::memory_order_relaxed); }
    qint64 samplesDuplicateTotal() const { return m_duplicates.load(std::memory_order_relaxed); }
    qint64 chunksSealedTotal() const { return m_chunksSealed.load(std::memory_order_relaxed); }

private:
    struct Shard;
    struct MemSeries;
    struct SealEvent;

    // Not exported: calls stay direct (no PLT) and the hot ones inline into the ingest loop.
    CONTINUO_CORE_NO_EXPORT Shard &shardOf(SeriesId id) const;
    CONTINUO_CORE_NO_EXPORT MemSeries *seriesIn(const Shard &shard, SeriesId id) const;
    CONTINUO_CORE_NO_EXPORT void ensureSlot(SeriesId id);
    CONTINUO_CORE_NO_EXPORT void appendLocked(Shard &shard, SeriesId id, qint64 timestampMs,
                                              double value, IngestSummary &summary,
                                              std::vector<SealEvent> &seals);
    CONTINUO_CORE_NO_EXPORT void appendRawLocked(MemSeries &series, SeriesId id,
                                                 qint64 timestampMs, double value,
                                                 bool wantEvents, std::vector<SealEvent> &seals);
    CONTINUO_CORE_NO_EXPORT void appendRollupLocked(MemSeries &series, SeriesId id, int tierIndex,
                                                    qint64 timestampMs, double value,
                                                    bool wantEvents,
                                                    std::vector<SealEvent> &seals);
    CONTINUO_CORE_NO_EXPORT void appendBucketLocked(MemSeries &series, SeriesId id, int tierIndex,
                                                    qint64 referenceMs, const RollupPoint &bucket,
                                                    bool wantEvents,
                                                    std::vector<SealEvent> &seals);
    CONTINUO_CORE_NO_EXPORT void deliver(std::vector<SealEvent> &seals);
    /// Chunks from the source for the part of [fromMs, toMs] before the series' memory.
    template<typename Visit>
    void readCold(SeriesId id, RollupResolution resolution, qint64 fromMs, qint64 toMs,
                  Visit &&visit) const;

    TimeSeriesStoreOptions m_options;
    int m_shardShift = 4;
    std::unique_ptr<Shard[]> m_shards;
    mutable std::shared_mutex m_indexLock;
    std::unique_ptr<SeriesIndex> m_index;
    std::atomic<IChunkSink *> m_sink{nullptr};
    std::atomic<IChunkSource *> m_source{nullptr};
    /// Held shared while the sink (the source) is called, exclusively to replace it.
    mutable std::shared_mutex m_sinkLock;
    mutable std::shared_mutex m_sourceLock;
    std::atomic<qint64> m_appended{0};
    std::atomic<qint64> m_outOfOrder{0};
    std::atomic<qint64> m_duplicates{0};
    std::atomic<qint64> m_chunksSealed{0};
};

} // namespace Continuo
