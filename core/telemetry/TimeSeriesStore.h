#pragma once

#include "continuo_core_export.h"
#include "telemetry/SeriesIndex.h"
#include "telemetry/XorChunk.h"
#include "util/Result.h"

#include <QByteArray>
#include <QList>

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
/// ingesting thread after the store's locks are released; implementations should queue.
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

    /// Not owned; must outlive the store or be reset to nullptr first.
    void setChunkSink(IChunkSink *sink);

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
    /// Drops data older than each tier's retention relative to nowMs (idle series).
    void applyRetention(qint64 nowMs);

    TimeSeriesStoreStats stats() const;
    qint64 samplesAppendedTotal() const { return m_appended.load(std::memory_order_relaxed); }
    qint64 samplesOutOfOrderTotal() const { return m_outOfOrder.load(std::memory_order_relaxed); }
    qint64 samplesDuplicateTotal() const { return m_duplicates.load(std::memory_order_relaxed); }
    qint64 chunksSealedTotal() const { return m_chunksSealed.load(std::memory_order_relaxed); }

private:
    struct Shard;
    struct MemSeries;
    struct SealEvent;

    Shard &shardOf(SeriesId id) const;
    MemSeries *seriesIn(const Shard &shard, SeriesId id) const;
    void ensureSlot(SeriesId id);
    void appendLocked(Shard &shard, SeriesId id, qint64 timestampMs, double value,
                      IngestSummary &summary, std::vector<SealEvent> &seals);
    void deliver(std::vector<SealEvent> &seals);

    TimeSeriesStoreOptions m_options;
    int m_shardShift = 4;
    std::unique_ptr<Shard[]> m_shards;
    mutable std::shared_mutex m_indexLock;
    std::unique_ptr<SeriesIndex> m_index;
    std::atomic<IChunkSink *> m_sink{nullptr};
    std::atomic<qint64> m_appended{0};
    std::atomic<qint64> m_outOfOrder{0};
    std::atomic<qint64> m_duplicates{0};
    std::atomic<qint64> m_chunksSealed{0};
};

} // namespace Continuo
