#include "telemetry/TimeSeriesStore.h"

#include "util/Logging.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <deque>
#include <limits>
#include <mutex>
#include <utility>

namespace Continuo {

QString toString(RollupResolution resolution)
{
    switch (resolution) {
    case RollupResolution::OneMinute:
        return QStringLiteral("1m");
    case RollupResolution::OneHour:
        return QStringLiteral("1h");
    case RollupResolution::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

qint64 rollupBucketMs(RollupResolution resolution)
{
    switch (resolution) {
    case RollupResolution::OneMinute:
        return 60'000;
    case RollupResolution::OneHour:
        return 3'600'000;
    case RollupResolution::Unknown:
        break;
    }
    return 0;
}

IChunkSink::~IChunkSink() = default;

IChunkSource::~IChunkSource() = default;

void IChunkSink::rollupChunkSealed(SeriesId, RollupResolution, qint64, qint64, const QByteArray &)
{}

namespace {

constexpr qint64 NoTimestamp = std::numeric_limits<qint64>::min();
constexpr qint64 NoData = std::numeric_limits<qint64>::max();
constexpr std::size_t MallocOverheadBytes = 16;
/// Larger than any chunk the store writes (65,535 rollup buckets of the widest encoding).
constexpr qsizetype MaxImportedChunkBytes = 8 * 1024 * 1024;

/// Bits of MemSeries::coldStreams: older data of that stream may be in the chunk source.
constexpr std::uint8_t ColdRaw = 1;
constexpr std::uint8_t coldRollupBit(int tierIndex)
{
    return std::uint8_t(2u << tierIndex);
}

int tierIndexOf(RollupResolution resolution)
{
    return resolution == RollupResolution::OneMinute ? 0 : 1;
}

RollupResolution resolutionOfTier(int tierIndex)
{
    return tierIndex == 0 ? RollupResolution::OneMinute : RollupResolution::OneHour;
}

qint64 floorTo(qint64 t, qint64 width)
{
    const qint64 q = t / width;
    return (q - ((t % width) < 0 ? 1 : 0)) * width;
}

/// An immutable, exactly sized chunk.
struct SealedChunk
{
    qint64 minTimestampMs = 0;
    qint64 maxTimestampMs = 0;
    std::unique_ptr<std::uint8_t[]> data;
    quint32 sizeBytes = 0;
    quint32 sampleCount = 0;

    QByteArray toByteArray() const
    {
        return QByteArray(reinterpret_cast<const char *>(data.get()), qsizetype(sizeBytes));
    }
};

template<int Columns>
SealedChunk sealChunk(const BasicXorChunk<Columns> &head)
{
    SealedChunk chunk;
    chunk.minTimestampMs = head.minTimestampMs();
    chunk.maxTimestampMs = head.maxTimestampMs();
    chunk.sizeBytes = quint32(head.sizeBytes());
    chunk.sampleCount = quint32(head.sampleCount());
    chunk.data.reset(new std::uint8_t[head.sizeBytes()]);
    std::memcpy(chunk.data.get(), head.data(), head.sizeBytes());
    return chunk;
}

/// Whether anything was dropped.
bool dropOlderThan(std::vector<SealedChunk> &chunks, qint64 cutoffMs)
{
    auto keep = std::find_if(chunks.begin(), chunks.end(), [cutoffMs](const SealedChunk &c) {
        return c.maxTimestampMs >= cutoffMs;
    });
    if (keep == chunks.begin())
        return false;
    chunks.erase(chunks.begin(), keep);
    return true;
}

/// A sealed chunk from untrusted bytes (a database row): decoded completely first, so a
/// corrupt or truncated chunk is refused here and never reaches the readers.
template<int Columns>
Result<SealedChunk> sealedChunkFromBytes(const QByteArray &bytes, double *lastValue)
{
    if (bytes.size() > MaxImportedChunkBytes)
        return makeError(QStringLiteral("%1 bytes is larger than any chunk the store writes")
                             .arg(bytes.size()));
    BasicXorChunkIterator<Columns> it(bytes);
    int count = 0;
    qint64 first = 0;
    qint64 last = 0;
    while (it.next()) {
        if (count == 0)
            first = it.timestampMs();
        last = it.timestampMs();
        if (lastValue)
            *lastValue = it.value(0);
        ++count;
    }
    if (it.hasError())
        return makeError(QStringLiteral("corrupt chunk of %1 bytes after %2 samples: %3")
                             .arg(bytes.size())
                             .arg(count)
                             .arg(it.error()));
    if (count == 0)
        return makeError(QStringLiteral("empty chunk"));
    SealedChunk chunk;
    chunk.minTimestampMs = first;
    chunk.maxTimestampMs = last;
    chunk.sizeBytes = quint32(bytes.size());
    chunk.sampleCount = quint32(count);
    chunk.data.reset(new std::uint8_t[std::size_t(bytes.size())]);
    std::memcpy(chunk.data.get(), bytes.constData(), std::size_t(bytes.size()));
    return chunk;
}

std::size_t chunkListOverhead(const std::vector<SealedChunk> &chunks)
{
    return chunks.capacity() * sizeof(SealedChunk) + chunks.size() * MallocOverheadBytes;
}

} // namespace

struct TimeSeriesStore::SealEvent
{
    SeriesId seriesId = 0;
    RollupResolution resolution = RollupResolution::Unknown; // Unknown: a raw chunk
    qint64 minTimestampMs = 0;
    qint64 maxTimestampMs = 0;
    QByteArray bytes;
};

namespace {

struct RollupTier
{
    qint64 bucketStartMs = NoTimestamp;
    double min = 0;
    double max = 0;
    double sum = 0;
    double count = 0;
    RollupChunk head;
    std::vector<SealedChunk> sealed;
    bool headChanged = false; // since the last takeChangedHeads(): once per bucket, not sample
};

} // namespace

struct TimeSeriesStore::MemSeries
{
    XorChunk head;
    std::vector<SealedChunk> sealed;
    qint64 lastTimestampMs = NoTimestamp;
    double lastValue = 0;
    std::unique_ptr<RollupTier[]> rollups; // [0] one minute, [1] one hour; on first sample
    bool changed = false;         // head state changed since the last takeChangedHeads()
    std::uint8_t coldStreams = 0; // ColdRaw | coldRollupBit(tier)
    // Sealed chunks on their way to the sink. A checkpoint skips the series meanwhile: its
    // snapshot would no longer hold those samples, and the sink not have them yet.
    quint32 sealsInFlight = 0;
};

struct alignas(64) TimeSeriesStore::Shard
{
    mutable std::shared_mutex lock;
    std::deque<MemSeries> series; // index: id >> shard shift
};

TimeSeriesStore::TimeSeriesStore(TimeSeriesStoreOptions options)
    : m_options(options), m_index(std::make_unique<SeriesIndex>())
{
    int shards = std::max(1, m_options.shardCount);
    shards = int(std::bit_ceil(unsigned(shards)));
    m_options.shardCount = shards;
    m_shardShift = std::countr_zero(unsigned(shards));
    m_options.maxSamplesPerChunk = std::clamp(m_options.maxSamplesPerChunk, 2, XorChunk::MaxSamples);
    if (m_options.maxChunkSpanMs <= 0)
        m_options.maxChunkSpanMs = XorChunk::DefaultMaxSpanMs;
    m_shards = std::make_unique<Shard[]>(std::size_t(shards));
}

TimeSeriesStore::~TimeSeriesStore() = default;

void TimeSeriesStore::setChunkSink(IChunkSink *sink)
{
    std::unique_lock lock(m_sinkLock);
    m_sink.store(sink);
}

void TimeSeriesStore::setChunkSource(IChunkSource *source)
{
    std::unique_lock lock(m_sourceLock);
    m_source.store(source);
}

CONTINUO_HOT_INLINE TimeSeriesStore::Shard &TimeSeriesStore::shardOf(SeriesId id) const
{
    return m_shards[id & quint32(m_options.shardCount - 1)];
}

CONTINUO_HOT_INLINE TimeSeriesStore::MemSeries *TimeSeriesStore::seriesIn(const Shard &shard,
                                                                         SeriesId id) const
{
    const std::size_t local = id >> m_shardShift;
    if (local >= shard.series.size())
        return nullptr;
    return const_cast<MemSeries *>(&shard.series[local]);
}

void TimeSeriesStore::ensureSlot(SeriesId id)
{
    Shard &shard = shardOf(id);
    std::unique_lock lock(shard.lock);
    const std::size_t local = id >> m_shardShift;
    if (shard.series.size() <= local)
        shard.series.resize(local + 1);
}

SeriesId TimeSeriesStore::resolve(const QString &metric, const Labels &labels)
{
    {
        std::shared_lock lock(m_indexLock);
        if (const auto id = m_index->find(metric, labels))
            return *id;
    }
    std::unique_lock lock(m_indexLock);
    bool created = false;
    const SeriesId id = m_index->intern(metric, labels, &created);
    if (created)
        ensureSlot(id);
    return id;
}

std::optional<SeriesId> TimeSeriesStore::find(const QString &metric, const Labels &labels) const
{
    std::shared_lock lock(m_indexLock);
    return m_index->find(metric, labels);
}

IngestSummary TimeSeriesStore::ingest(const QList<SeriesBatch> &batches)
{
    thread_local std::vector<IdSample> samples;
    samples.clear();
    std::vector<qsizetype> missing;
    {
        std::shared_lock lock(m_indexLock);
        for (qsizetype i = 0; i < batches.size(); ++i) {
            const SeriesBatch &batch = batches[i];
            const auto id = m_index->find(batch.metric, batch.labels);
            if (!id) {
                missing.push_back(i);
                continue;
            }
            for (const Sample &s : batch.samples)
                samples.push_back({*id, s.timestampMs, s.value});
        }
    }
    for (const qsizetype i : missing) {
        const SeriesBatch &batch = batches[i];
        if (batch.metric.isEmpty())
            continue;
        const SeriesId id = resolve(batch.metric, batch.labels);
        for (const Sample &s : batch.samples)
            samples.push_back({id, s.timestampMs, s.value});
    }
    return ingest(std::span<const IdSample>(samples));
}

IngestSummary TimeSeriesStore::append(SeriesId seriesId, qint64 timestampMs, double value)
{
    const IdSample sample{seriesId, timestampMs, value};
    return ingest(std::span<const IdSample>(&sample, 1));
}

IngestSummary TimeSeriesStore::ingest(std::span<const IdSample> samples)
{
    IngestSummary summary;
    std::vector<SealEvent> seals;
    const auto shardCount = std::size_t(m_options.shardCount);
    if (samples.size() < 32) {
        for (const IdSample &s : samples) {
            Shard &shard = shardOf(s.seriesId);
            std::unique_lock lock(shard.lock);
            appendLocked(shard, s.seriesId, s.timestampMs, s.value, summary, seals);
        }
    } else {
        // Stable counting sort by shard: each shard is locked once per call and the samples of
        // one series keep their order.
        thread_local std::vector<quint32> order;
        thread_local std::vector<quint32> starts;
        order.resize(samples.size());
        starts.assign(shardCount + 1, 0);
        const quint32 mask = quint32(shardCount - 1);
        for (const IdSample &s : samples)
            ++starts[(s.seriesId & mask) + 1];
        for (std::size_t i = 1; i <= shardCount; ++i)
            starts[i] += starts[i - 1];
        thread_local std::vector<quint32> cursor;
        cursor.assign(starts.begin(), starts.end() - 1);
        for (std::size_t i = 0; i < samples.size(); ++i)
            order[cursor[samples[i].seriesId & mask]++] = quint32(i);
        for (std::size_t shardIndex = 0; shardIndex < shardCount; ++shardIndex) {
            if (starts[shardIndex] == starts[shardIndex + 1])
                continue;
            Shard &shard = m_shards[shardIndex];
            std::unique_lock lock(shard.lock);
            for (quint32 k = starts[shardIndex]; k < starts[shardIndex + 1]; ++k) {
                const IdSample &s = samples[order[k]];
                appendLocked(shard, s.seriesId, s.timestampMs, s.value, summary, seals);
            }
        }
    }
    if (summary.appended)
        m_appended.fetch_add(summary.appended, std::memory_order_relaxed);
    if (summary.outOfOrder)
        m_outOfOrder.fetch_add(summary.outOfOrder, std::memory_order_relaxed);
    if (summary.duplicates)
        m_duplicates.fetch_add(summary.duplicates, std::memory_order_relaxed);
    if (!seals.empty())
        deliver(seals);
    return summary;
}

CONTINUO_HOT_INLINE void TimeSeriesStore::appendRawLocked(MemSeries &series, SeriesId id,
                                                          qint64 timestampMs, double value,
                                                          bool wantEvents,
                                                          std::vector<SealEvent> &seals)
{
    if (series.head.needsCut(timestampMs, m_options.maxSamplesPerChunk, m_options.maxChunkSpanMs)) {
        series.sealed.push_back(sealChunk(series.head));
        m_chunksSealed.fetch_add(1, std::memory_order_relaxed);
        if (wantEvents) {
            const SealedChunk &c = series.sealed.back();
            seals.push_back({id, RollupResolution::Unknown, c.minTimestampMs, c.maxTimestampMs,
                             c.toByteArray()});
            ++series.sealsInFlight;
        }
        series.head.reset();
        if (m_options.rawRetentionMs > 0
            && dropOlderThan(series.sealed, timestampMs - m_options.rawRetentionMs))
            series.coldStreams |= ColdRaw;
    }
    series.head.appendUnchecked(timestampMs, &value);
    series.lastTimestampMs = timestampMs;
    series.lastValue = value;
}

CONTINUO_HOT_INLINE void TimeSeriesStore::appendRollupLocked(MemSeries &series, SeriesId id,
                                                             int tierIndex, qint64 timestampMs,
                                                             double value, bool wantEvents,
                                                             std::vector<SealEvent> &seals)
{
    RollupTier &tier = series.rollups[tierIndex];
    const qint64 width = tierIndex == 0 ? 60'000 : 3'600'000; // rollupBucketMs(), inlined
    const qint64 bucket = floorTo(timestampMs, width);
    if (tier.count > 0 && bucket != tier.bucketStartMs) {
        // The open bucket is complete: append it to the rollup chunk.
        appendBucketLocked(series, id, tierIndex, timestampMs,
                           {tier.bucketStartMs, tier.min, tier.max, tier.sum, tier.count},
                           wantEvents, seals);
        tier.count = 0;
    }
    if (tier.count == 0) {
        tier.bucketStartMs = bucket;
        tier.min = tier.max = tier.sum = value;
        tier.count = 1;
    } else {
        tier.min = std::min(tier.min, value);
        tier.max = std::max(tier.max, value);
        tier.sum += value;
        tier.count += 1;
    }
}

void TimeSeriesStore::appendLocked(Shard &shard, SeriesId id, qint64 timestampMs, double value,
                                   IngestSummary &summary, std::vector<SealEvent> &seals)
{
    MemSeries *series = seriesIn(shard, id);
    if (!series) {
        ++summary.unknownSeries;
        return;
    }
    if (timestampMs <= series->lastTimestampMs) {
        if (timestampMs == series->lastTimestampMs
            && std::bit_cast<quint64>(value) == std::bit_cast<quint64>(series->lastValue))
            ++summary.duplicates;
        else
            ++summary.outOfOrder;
        return;
    }
    const bool wantEvents = m_sink.load(std::memory_order_relaxed) != nullptr;
    appendRawLocked(*series, id, timestampMs, value, wantEvents, seals);
    series->changed = true;
    ++summary.appended;

    if (!m_options.rollupsEnabled || std::isnan(value))
        return;
    if (!series->rollups)
        series->rollups = std::make_unique<RollupTier[]>(2);
    appendRollupLocked(*series, id, 0, timestampMs, value, wantEvents, seals);
    appendRollupLocked(*series, id, 1, timestampMs, value, wantEvents, seals);
}

void TimeSeriesStore::appendBucketLocked(MemSeries &series, SeriesId id, int tierIndex,
                                         qint64 referenceMs, const RollupPoint &bucket,
                                         bool wantEvents, std::vector<SealEvent> &seals)
{
    RollupTier &tier = series.rollups[tierIndex];
    const RollupResolution resolution = resolutionOfTier(tierIndex);
    const qint64 width = rollupBucketMs(resolution);
    if (tier.head.needsCut(bucket.bucketStartMs, RollupChunk::DefaultMaxSamples,
                           RollupChunk::DefaultMaxSamples * width)) {
        tier.sealed.push_back(sealChunk(tier.head));
        if (wantEvents) {
            const SealedChunk &c = tier.sealed.back();
            seals.push_back({id, resolution, c.minTimestampMs, c.maxTimestampMs, c.toByteArray()});
            ++series.sealsInFlight;
        }
        tier.head.reset();
        const qint64 retention = tierIndex == 0 ? m_options.oneMinuteRetentionMs
                                                : m_options.oneHourRetentionMs;
        if (retention > 0 && dropOlderThan(tier.sealed, referenceMs - retention))
            series.coldStreams |= coldRollupBit(tierIndex);
    }
    const double values[4] = {bucket.min, bucket.max, bucket.sum, bucket.count};
    tier.head.appendUnchecked(bucket.bucketStartMs, values);
    tier.headChanged = true;
}

void TimeSeriesStore::deliver(std::vector<SealEvent> &seals)
{
    if (seals.empty())
        return;
    {
        // Keeps the sink alive while it is called (setChunkSink waits for this).
        std::shared_lock attached(m_sinkLock);
        if (IChunkSink *sink = m_sink.load()) {
            // Names are copied under the index lock and the sink is called without a shard or
            // index lock held, so it may read from the store.
            std::vector<std::pair<QString, Labels>> names(seals.size());
            {
                std::shared_lock lock(m_indexLock);
                for (std::size_t i = 0; i < seals.size(); ++i) {
                    if (seals[i].resolution == RollupResolution::Unknown)
                        names[i] = {m_index->metric(seals[i].seriesId),
                                    m_index->labels(seals[i].seriesId)};
                }
            }
            for (std::size_t i = 0; i < seals.size(); ++i) {
                const SealEvent &e = seals[i];
                if (e.resolution == RollupResolution::Unknown)
                    sink->chunkSealed(e.seriesId, names[i].first, names[i].second,
                                      e.minTimestampMs, e.maxTimestampMs, e.bytes);
                else
                    sink->rollupChunkSealed(e.seriesId, e.resolution, e.minTimestampMs,
                                            e.maxTimestampMs, e.bytes);
            }
        }
    }
    for (const SealEvent &e : seals) {
        Shard &shard = shardOf(e.seriesId);
        std::unique_lock lock(shard.lock);
        if (MemSeries *series = seriesIn(shard, e.seriesId); series && series->sealsInFlight > 0)
            --series->sealsInFlight;
    }
}

namespace {

template<typename Visit>
void forEachInChunk(const std::uint8_t *data, std::size_t size, Visit &&visit)
{
    XorChunkIterator it(data, size);
    while (it.next()) {
        if (!visit(it.timestampMs(), it.value()))
            return;
    }
    if (it.hasError())
        qCWarning(lcTelemetry) << "corrupt chunk in memory:" << it.error();
}

} // namespace

template<typename Visit>
void TimeSeriesStore::readCold(SeriesId id, RollupResolution resolution, qint64 fromMs,
                               qint64 toMs, Visit &&visit) const
{
    if (!m_source.load(std::memory_order_relaxed))
        return;
    const int tierIndex = resolution == RollupResolution::Unknown ? -1 : tierIndexOf(resolution);
    qint64 memoryStartMs = NoData;
    {
        const Shard &shard = shardOf(id);
        std::shared_lock lock(shard.lock);
        const MemSeries *series = seriesIn(shard, id);
        const std::uint8_t bit = tierIndex < 0 ? ColdRaw : coldRollupBit(tierIndex);
        if (!series || !(series->coldStreams & bit))
            return; // nothing of this stream ever left memory
        if (tierIndex < 0) {
            if (!series->sealed.empty())
                memoryStartMs = series->sealed.front().minTimestampMs;
            else if (!series->head.isEmpty())
                memoryStartMs = series->head.minTimestampMs();
        } else if (series->rollups) {
            const RollupTier &tier = series->rollups[tierIndex];
            if (!tier.sealed.empty())
                memoryStartMs = tier.sealed.front().minTimestampMs;
            else if (!tier.head.isEmpty())
                memoryStartMs = tier.head.minTimestampMs();
            else if (tier.count > 0)
                memoryStartMs = tier.bucketStartMs;
        }
    }
    if (fromMs >= memoryStartMs)
        return;
    const qint64 coldToMs = std::min(toMs, memoryStartMs - 1);
    std::vector<QByteArray> chunks;
    {
        std::shared_lock attached(m_sourceLock);
        IChunkSource *source = m_source.load();
        if (!source)
            return;
        chunks = source->chunksInRange(id, resolution, fromMs, coldToMs);
    }
    // Strictly increasing output even if the source returns overlapping chunks.
    qint64 lastMs = NoTimestamp;
    for (const QByteArray &chunk : chunks) {
        if (!visit(chunk, coldToMs, lastMs))
            qCWarning(lcTelemetry) << "skipping the rest of a corrupt chunk of series" << id
                                   << "from the chunk source";
    }
}

void TimeSeriesStore::read(SeriesId seriesId, qint64 fromMs, qint64 toMs,
                           std::vector<Sample> &out) const
{
    if (fromMs > toMs)
        return;
    readCold(seriesId, RollupResolution::Unknown, fromMs, toMs,
             [&](const QByteArray &chunk, qint64 coldToMs, qint64 &lastMs) {
                 XorChunkIterator it(chunk);
                 while (it.next()) {
                     const qint64 t = it.timestampMs();
                     if (t > coldToMs)
                         break;
                     if (t >= fromMs && t > lastMs) {
                         out.push_back({t, it.value()});
                         lastMs = t;
                     }
                 }
                 return !it.hasError();
             });
    const Shard &shard = shardOf(seriesId);
    std::shared_lock lock(shard.lock);
    const MemSeries *series = seriesIn(shard, seriesId);
    if (!series)
        return;
    auto collect = [&](qint64 t, double v) {
        if (t > toMs)
            return false;
        if (t >= fromMs)
            out.push_back({t, v});
        return true;
    };
    auto first = std::lower_bound(series->sealed.begin(), series->sealed.end(), fromMs,
                                  [](const SealedChunk &c, qint64 t) {
                                      return c.maxTimestampMs < t;
                                  });
    for (auto it = first; it != series->sealed.end() && it->minTimestampMs <= toMs; ++it)
        forEachInChunk(it->data.get(), it->sizeBytes, collect);
    if (!series->head.isEmpty() && series->head.maxTimestampMs() >= fromMs
        && series->head.minTimestampMs() <= toMs)
        forEachInChunk(series->head.data(), series->head.sizeBytes(), collect);
}

QList<Sample> TimeSeriesStore::read(SeriesId seriesId, qint64 fromMs, qint64 toMs) const
{
    std::vector<Sample> samples;
    read(seriesId, fromMs, toMs, samples);
    return QList<Sample>(samples.begin(), samples.end());
}

void TimeSeriesStore::readRollups(SeriesId seriesId, RollupResolution resolution, qint64 fromMs,
                                  qint64 toMs, std::vector<RollupPoint> &out) const
{
    if (fromMs > toMs || resolution == RollupResolution::Unknown)
        return;
    readCold(seriesId, resolution, fromMs, toMs,
             [&](const QByteArray &chunk, qint64 coldToMs, qint64 &lastMs) {
                 RollupChunkIterator it(chunk);
                 while (it.next()) {
                     const qint64 t = it.timestampMs();
                     if (t > coldToMs)
                         break;
                     if (t >= fromMs && t > lastMs) {
                         out.push_back({t, it.value(0), it.value(1), it.value(2), it.value(3)});
                         lastMs = t;
                     }
                 }
                 return !it.hasError();
             });
    const Shard &shard = shardOf(seriesId);
    std::shared_lock lock(shard.lock);
    const MemSeries *series = seriesIn(shard, seriesId);
    if (!series || !series->rollups)
        return;
    const RollupTier &tier = series->rollups[tierIndexOf(resolution)];
    auto decode = [&](const std::uint8_t *data, std::size_t size) {
        RollupChunkIterator it(data, size);
        while (it.next()) {
            if (it.timestampMs() > toMs)
                return;
            if (it.timestampMs() >= fromMs)
                out.push_back({it.timestampMs(), it.value(0), it.value(1), it.value(2), it.value(3)});
        }
    };
    auto first = std::lower_bound(tier.sealed.begin(), tier.sealed.end(), fromMs,
                                  [](const SealedChunk &c, qint64 t) {
                                      return c.maxTimestampMs < t;
                                  });
    for (auto it = first; it != tier.sealed.end() && it->minTimestampMs <= toMs; ++it)
        decode(it->data.get(), it->sizeBytes);
    if (!tier.head.isEmpty())
        decode(tier.head.data(), tier.head.sizeBytes());
    if (tier.count > 0 && tier.bucketStartMs >= fromMs && tier.bucketStartMs <= toMs)
        out.push_back({tier.bucketStartMs, tier.min, tier.max, tier.sum, tier.count});
}

std::optional<Sample> TimeSeriesStore::lastSample(SeriesId seriesId, qint64 atMs,
                                                  qint64 lookbackMs) const
{
    const Shard &shard = shardOf(seriesId);
    std::shared_lock lock(shard.lock);
    const MemSeries *series = seriesIn(shard, seriesId);
    if (!series || series->lastTimestampMs == NoTimestamp)
        return std::nullopt;
    const qint64 earliest = atMs - lookbackMs; // exclusive, as in Prometheus 3
    if (series->lastTimestampMs <= atMs) {
        if (series->lastTimestampMs <= earliest)
            return std::nullopt;
        if (series->head.isEmpty() && series->sealed.empty())
            return std::nullopt; // dropped by retention
        return Sample{series->lastTimestampMs, series->lastValue};
    }
    std::optional<Sample> found;
    auto visit = [&](qint64 t, double v) {
        if (t > atMs)
            return false;
        if (t > earliest)
            found = Sample{t, v};
        return true;
    };
    if (!series->head.isEmpty() && series->head.minTimestampMs() <= atMs) {
        forEachInChunk(series->head.data(), series->head.sizeBytes(), visit);
        if (found)
            return found;
    }
    for (auto it = series->sealed.rbegin(); it != series->sealed.rend(); ++it) {
        if (it->maxTimestampMs <= earliest)
            break;
        if (it->minTimestampMs > atMs)
            continue;
        forEachInChunk(it->data.get(), it->sizeBytes, visit);
        if (found)
            return found;
    }
    return found;
}

std::optional<qint64> TimeSeriesStore::oldestTimestampMs(SeriesId seriesId) const
{
    const Shard &shard = shardOf(seriesId);
    std::shared_lock lock(shard.lock);
    const MemSeries *series = seriesIn(shard, seriesId);
    if (!series)
        return std::nullopt;
    if (!series->sealed.empty())
        return series->sealed.front().minTimestampMs;
    if (!series->head.isEmpty())
        return series->head.minTimestampMs();
    return std::nullopt;
}

Result<std::vector<SeriesId>> TimeSeriesStore::select(const SeriesSelector &selector) const
{
    std::shared_lock lock(m_indexLock);
    return m_index->select(selector);
}

Result<std::vector<SeriesId>> TimeSeriesStore::select(QStringView selectorText) const
{
    auto selector = SeriesSelector::parse(selectorText);
    if (!selector)
        return makeError(selector.error());
    return select(*selector);
}

QString TimeSeriesStore::metric(SeriesId id) const
{
    std::shared_lock lock(m_indexLock);
    return m_index->metric(id);
}

Labels TimeSeriesStore::labels(SeriesId id) const
{
    std::shared_lock lock(m_indexLock);
    return m_index->labels(id);
}

qsizetype TimeSeriesStore::seriesCount() const
{
    std::shared_lock lock(m_indexLock);
    return m_index->seriesCount();
}

void TimeSeriesStore::withIndex(const std::function<void(const SeriesIndex &)> &f) const
{
    std::shared_lock lock(m_indexLock);
    f(*m_index);
}

void TimeSeriesStore::sealAll()
{
    const bool wantEvents = m_sink.load() != nullptr;
    std::vector<SealEvent> seals;
    for (int s = 0; s < m_options.shardCount; ++s) {
        Shard &shard = m_shards[std::size_t(s)];
        std::unique_lock lock(shard.lock);
        for (std::size_t local = 0; local < shard.series.size(); ++local) {
            MemSeries &series = shard.series[local];
            if (series.head.isEmpty())
                continue;
            series.sealed.push_back(sealChunk(series.head));
            m_chunksSealed.fetch_add(1, std::memory_order_relaxed);
            if (wantEvents) {
                const SealedChunk &c = series.sealed.back();
                const auto id = SeriesId((local << m_shardShift) | std::size_t(s));
                seals.push_back({id, RollupResolution::Unknown, c.minTimestampMs,
                                 c.maxTimestampMs, c.toByteArray()});
                ++series.sealsInFlight;
            }
            series.head.reset();
            series.changed = true;
        }
    }
    deliver(seals);
}

void TimeSeriesStore::applyRetention(qint64 nowMs)
{
    const bool wantEvents = m_sink.load() != nullptr;
    std::vector<SealEvent> seals;
    for (int s = 0; s < m_options.shardCount; ++s) {
        Shard &shard = m_shards[std::size_t(s)];
        std::unique_lock lock(shard.lock);
        for (std::size_t local = 0; local < shard.series.size(); ++local) {
            MemSeries &series = shard.series[local];
            if (m_options.rawRetentionMs > 0) {
                const qint64 cutoff = nowMs - m_options.rawRetentionMs;
                if (dropOlderThan(series.sealed, cutoff))
                    series.coldStreams |= ColdRaw;
                if (!series.head.isEmpty() && series.head.maxTimestampMs() < cutoff) {
                    // An idle series' head was never sealed: the sink gets it before it goes.
                    if (wantEvents) {
                        m_chunksSealed.fetch_add(1, std::memory_order_relaxed);
                        const auto id = SeriesId((local << m_shardShift) | std::size_t(s));
                        seals.push_back({id, RollupResolution::Unknown,
                                         series.head.minTimestampMs(),
                                         series.head.maxTimestampMs(),
                                         series.head.toByteArray()});
                        ++series.sealsInFlight;
                    }
                    series.head.reset();
                    series.changed = true;
                    series.coldStreams |= ColdRaw;
                }
            }
            if (!series.rollups)
                continue;
            for (int tierIndex = 0; tierIndex < 2; ++tierIndex) {
                const qint64 retention = tierIndex == 0 ? m_options.oneMinuteRetentionMs
                                                        : m_options.oneHourRetentionMs;
                if (retention > 0
                    && dropOlderThan(series.rollups[tierIndex].sealed, nowMs - retention))
                    series.coldStreams |= coldRollupBit(tierIndex);
            }
        }
    }
    deliver(seals);
}

std::vector<HeadSnapshot> TimeSeriesStore::takeChangedHeads()
{
    std::vector<HeadSnapshot> snapshots;
    for (int s = 0; s < m_options.shardCount; ++s) {
        Shard &shard = m_shards[std::size_t(s)];
        std::unique_lock lock(shard.lock);
        for (std::size_t local = 0; local < shard.series.size(); ++local) {
            MemSeries &series = shard.series[local];
            if (!series.changed || series.sealsInFlight > 0)
                continue;
            series.changed = false;
            HeadSnapshot snapshot;
            snapshot.seriesId = SeriesId((local << m_shardShift) | std::size_t(s));
            snapshot.lastTimestampMs = series.lastTimestampMs;
            if (!series.head.isEmpty())
                snapshot.samples = series.head.toByteArray();
            if (series.rollups) {
                for (int tierIndex = 0; tierIndex < 2; ++tierIndex) {
                    RollupTier &tier = series.rollups[tierIndex];
                    HeadSnapshot::Rollup &out = snapshot.rollups[std::size_t(tierIndex)];
                    if (!tier.head.isEmpty())
                        out.chunk = tier.head.toByteArray();
                    out.chunkChanged = std::exchange(tier.headChanged, false);
                    if (tier.count > 0)
                        out.openBucket = RollupPoint{tier.bucketStartMs, tier.min, tier.max,
                                                     tier.sum, tier.count};
                }
            }
            snapshots.push_back(std::move(snapshot));
        }
    }
    return snapshots;
}

SeriesImportSummary TimeSeriesStore::importSeries(SeriesId seriesId, const SeriesImport &data)
{
    SeriesImportSummary summary;
    std::vector<SealEvent> seals;
    {
        Shard &shard = shardOf(seriesId);
        std::unique_lock lock(shard.lock);
        MemSeries *series = seriesIn(shard, seriesId);
        if (!series) {
            summary.problems.append(QStringLiteral("no series with id %1").arg(seriesId));
            return summary;
        }
        if (series->lastTimestampMs != NoTimestamp || series->rollups) {
            summary.problems.append(
                QStringLiteral("the series already holds samples; nothing was imported"));
            return summary;
        }
        const bool wantEvents = m_sink.load(std::memory_order_relaxed) != nullptr;
        const bool wantRollups = m_options.rollupsEnabled;
        auto ensureRollups = [series] {
            if (!series->rollups)
                series->rollups = std::make_unique<RollupTier[]>(2);
        };

        for (const QByteArray &bytes : data.chunks) {
            double lastValue = 0;
            auto chunk = sealedChunkFromBytes<1>(bytes, &lastValue);
            if (!chunk) {
                summary.problems.append(
                    QStringLiteral("sample chunk skipped: %1").arg(chunk.error()));
                continue;
            }
            if (chunk->minTimestampMs <= series->lastTimestampMs) {
                summary.problems.append(
                    QStringLiteral("sample chunk [%1, %2] skipped: it overlaps the previous one")
                        .arg(chunk->minTimestampMs)
                        .arg(chunk->maxTimestampMs));
                continue;
            }
            series->lastTimestampMs = chunk->maxTimestampMs;
            series->lastValue = lastValue;
            series->sealed.push_back(std::move(chunk).value());
            ++summary.chunks;
        }

        // Newest bucket start held per tier.
        std::array<qint64, 2> lastBucketMs{NoTimestamp, NoTimestamp};
        for (int tierIndex = 0; wantRollups && tierIndex < 2; ++tierIndex) {
            for (const QByteArray &bytes : data.rollupChunks[std::size_t(tierIndex)]) {
                auto chunk = sealedChunkFromBytes<4>(bytes, nullptr);
                if (!chunk) {
                    summary.problems.append(QStringLiteral("%1 rollup chunk skipped: %2")
                                                .arg(toString(resolutionOfTier(tierIndex)),
                                                     chunk.error()));
                    continue;
                }
                if (chunk->minTimestampMs <= lastBucketMs[std::size_t(tierIndex)]) {
                    summary.problems.append(
                        QStringLiteral("%1 rollup chunk [%2, %3] skipped: it overlaps the "
                                       "previous one")
                            .arg(toString(resolutionOfTier(tierIndex)))
                            .arg(chunk->minTimestampMs)
                            .arg(chunk->maxTimestampMs));
                    continue;
                }
                ensureRollups();
                lastBucketMs[std::size_t(tierIndex)] = chunk->maxTimestampMs;
                series->rollups[tierIndex].sealed.push_back(std::move(chunk).value());
                ++summary.rollupChunks;
            }
        }

        // The rollups include every raw sample up to coveredMs; newer ones are replayed below.
        std::array<qint64, 2> coveredMs{NoTimestamp, NoTimestamp};
        if (data.head) {
            const HeadSnapshot &head = *data.head;
            // Only what is newer than the sealed chunks: a chunk sealed after the checkpoint
            // holds the snapshot's samples already.
            if (!head.samples.isEmpty()) {
                XorChunkIterator it(head.samples);
                while (it.next()) {
                    if (it.timestampMs() <= series->lastTimestampMs)
                        continue;
                    appendRawLocked(*series, seriesId, it.timestampMs(), it.value(), wantEvents,
                                    seals);
                    ++summary.headSamples;
                }
                if (it.hasError())
                    summary.problems.append(
                        QStringLiteral("head sample chunk is corrupt (%1 samples before the "
                                       "damage kept): %2")
                            .arg(summary.headSamples)
                            .arg(it.error()));
            }
            for (int tierIndex = 0; wantRollups && tierIndex < 2; ++tierIndex) {
                const auto t = std::size_t(tierIndex);
                const HeadSnapshot::Rollup &part = head.rollups[t];
                const qint64 width = rollupBucketMs(resolutionOfTier(tierIndex));
                if (!part.chunk.isEmpty()) {
                    RollupChunkIterator it(part.chunk);
                    bool skipped = false;
                    while (it.next()) {
                        if (it.timestampMs() <= lastBucketMs[t]) {
                            skipped = true;
                            continue;
                        }
                        ensureRollups();
                        appendBucketLocked(*series, seriesId, tierIndex, it.timestampMs(),
                                           {it.timestampMs(), it.value(0), it.value(1),
                                            it.value(2), it.value(3)},
                                           wantEvents, seals);
                        lastBucketMs[t] = it.timestampMs();
                    }
                    if (it.hasError())
                        summary.problems.append(
                            QStringLiteral("%1 rollup head chunk is corrupt (buckets before the "
                                           "damage kept): %2")
                                .arg(toString(resolutionOfTier(tierIndex)), it.error()));
                    // As persisted, unless part of it was dropped: no rewrite at the next
                    // checkpoint.
                    if (series->rollups && !skipped && !it.hasError())
                        series->rollups[tierIndex].headChanged = false;
                }
                const std::optional<RollupPoint> &open = part.openBucket;
                if (open && open->count > 0 && open->bucketStartMs > lastBucketMs[t]) {
                    ensureRollups();
                    RollupTier &tier = series->rollups[tierIndex];
                    tier.bucketStartMs = open->bucketStartMs;
                    tier.min = open->min;
                    tier.max = open->max;
                    tier.sum = open->sum;
                    tier.count = open->count;
                    coveredMs[t] = head.lastTimestampMs;
                } else {
                    coveredMs[t] = std::max(head.lastTimestampMs,
                                            lastBucketMs[t] == NoTimestamp
                                                ? NoTimestamp
                                                : lastBucketMs[t] + width - 1);
                }
            }
        } else {
            for (int tierIndex = 0; tierIndex < 2; ++tierIndex) {
                const auto t = std::size_t(tierIndex);
                if (lastBucketMs[t] != NoTimestamp)
                    coveredMs[t] = lastBucketMs[t]
                                   + rollupBucketMs(resolutionOfTier(tierIndex)) - 1;
            }
        }

        // Raw samples the rollups do not include yet (sealed after the last checkpoint, or
        // no checkpoint at all) are folded in, as ingestion would have done.
        for (int tierIndex = 0; wantRollups && tierIndex < 2; ++tierIndex) {
            const qint64 covered = coveredMs[std::size_t(tierIndex)];
            if (series->lastTimestampMs == NoTimestamp || covered >= series->lastTimestampMs)
                continue;
            ensureRollups();
            auto fold = [&](qint64 t, double v) {
                if (t > covered && !std::isnan(v)) {
                    appendRollupLocked(*series, seriesId, tierIndex, t, v, wantEvents, seals);
                    ++summary.replayedSamples;
                }
                return true;
            };
            auto first = std::lower_bound(series->sealed.begin(), series->sealed.end(), covered,
                                          [](const SealedChunk &c, qint64 t) {
                                              return c.maxTimestampMs <= t;
                                          });
            for (auto it = first; it != series->sealed.end(); ++it)
                forEachInChunk(it->data.get(), it->sizeBytes, fold);
            if (!series->head.isEmpty())
                forEachInChunk(series->head.data(), series->head.sizeBytes(), fold);
        }

        series->coldStreams = ColdRaw | coldRollupBit(0) | coldRollupBit(1);
        // Rollup state that no persisted head holds yet goes out with the next checkpoint.
        series->changed = series->lastTimestampMs != NoTimestamp
                          && (!data.head || summary.replayedSamples > 0);
    }
    deliver(seals);
    return summary;
}

TimeSeriesStoreStats TimeSeriesStore::stats() const
{
    TimeSeriesStoreStats st;
    {
        std::shared_lock lock(m_indexLock);
        st.seriesCount = m_index->seriesCount();
        st.indexBytes = qint64(m_index->memoryBytes());
    }
    for (int s = 0; s < m_options.shardCount; ++s) {
        const Shard &shard = m_shards[std::size_t(s)];
        std::shared_lock lock(shard.lock);
        st.seriesOverheadBytes += qint64(shard.series.size() * sizeof(MemSeries));
        for (const MemSeries &series : shard.series) {
            st.sampleCount += series.head.sampleCount();
            st.compressedBytes += qint64(series.head.sizeBytes());
            st.seriesOverheadBytes += qint64(series.head.memoryBytes() - series.head.sizeBytes()
                                             + (series.head.memoryBytes() ? MallocOverheadBytes : 0));
            st.seriesOverheadBytes += qint64(chunkListOverhead(series.sealed));
            st.sealedChunkCount += qint64(series.sealed.size());
            for (const SealedChunk &c : series.sealed) {
                st.sampleCount += c.sampleCount;
                st.compressedBytes += c.sizeBytes;
            }
            if (!series.rollups)
                continue;
            st.rollupBytes += qint64(2 * sizeof(RollupTier) + MallocOverheadBytes);
            for (int tierIndex = 0; tierIndex < 2; ++tierIndex) {
                const RollupTier &tier = series.rollups[tierIndex];
                st.rollupBytes += qint64(tier.head.memoryBytes() + MallocOverheadBytes
                                         + chunkListOverhead(tier.sealed));
                for (const SealedChunk &c : tier.sealed)
                    st.rollupBytes += c.sizeBytes;
            }
        }
    }
    st.totalBytes = st.compressedBytes + st.rollupBytes + st.seriesOverheadBytes + st.indexBytes;
    return st;
}

} // namespace Continuo
