#include "telemetry/TimeSeriesStore.h"

#include "util/Logging.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <deque>
#include <limits>
#include <mutex>

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

void IChunkSink::rollupChunkSealed(SeriesId, RollupResolution, qint64, qint64, const QByteArray &)
{}

namespace {

constexpr qint64 NoTimestamp = std::numeric_limits<qint64>::min();
constexpr std::size_t MallocOverheadBytes = 16;

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

void dropOlderThan(std::vector<SealedChunk> &chunks, qint64 cutoffMs)
{
    auto keep = std::find_if(chunks.begin(), chunks.end(), [cutoffMs](const SealedChunk &c) {
        return c.maxTimestampMs >= cutoffMs;
    });
    if (keep != chunks.begin())
        chunks.erase(chunks.begin(), keep);
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
};

} // namespace

struct TimeSeriesStore::MemSeries
{
    XorChunk head;
    std::vector<SealedChunk> sealed;
    qint64 lastTimestampMs = NoTimestamp;
    double lastValue = 0;
    std::unique_ptr<RollupTier[]> rollups; // [0] one minute, [1] one hour; on first sample
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
    m_sink.store(sink);
}

TimeSeriesStore::Shard &TimeSeriesStore::shardOf(SeriesId id) const
{
    return m_shards[id & quint32(m_options.shardCount - 1)];
}

TimeSeriesStore::MemSeries *TimeSeriesStore::seriesIn(const Shard &shard, SeriesId id) const
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
    if (series->head.needsCut(timestampMs, m_options.maxSamplesPerChunk, m_options.maxChunkSpanMs)) {
        series->sealed.push_back(sealChunk(series->head));
        m_chunksSealed.fetch_add(1, std::memory_order_relaxed);
        if (wantEvents) {
            const SealedChunk &c = series->sealed.back();
            seals.push_back({id, RollupResolution::Unknown, c.minTimestampMs, c.maxTimestampMs,
                             c.toByteArray()});
        }
        series->head.reset();
        if (m_options.rawRetentionMs > 0)
            dropOlderThan(series->sealed, timestampMs - m_options.rawRetentionMs);
    }
    series->head.appendUnchecked(timestampMs, &value);
    series->lastTimestampMs = timestampMs;
    series->lastValue = value;
    ++summary.appended;

    if (!m_options.rollupsEnabled || std::isnan(value))
        return;
    if (!series->rollups)
        series->rollups = std::make_unique<RollupTier[]>(2);
    for (int tierIndex = 0; tierIndex < 2; ++tierIndex) {
        RollupTier &tier = series->rollups[tierIndex];
        const auto resolution = tierIndex == 0 ? RollupResolution::OneMinute
                                               : RollupResolution::OneHour;
        const qint64 width = rollupBucketMs(resolution);
        const qint64 bucket = floorTo(timestampMs, width);
        if (tier.count > 0 && bucket != tier.bucketStartMs) {
            // The open bucket is complete: append it to the rollup chunk.
            if (tier.head.needsCut(tier.bucketStartMs, RollupChunk::DefaultMaxSamples,
                                   RollupChunk::DefaultMaxSamples * width)) {
                tier.sealed.push_back(sealChunk(tier.head));
                if (wantEvents) {
                    const SealedChunk &c = tier.sealed.back();
                    seals.push_back({id, resolution, c.minTimestampMs, c.maxTimestampMs,
                                     c.toByteArray()});
                }
                tier.head.reset();
                const qint64 retention = tierIndex == 0 ? m_options.oneMinuteRetentionMs
                                                        : m_options.oneHourRetentionMs;
                if (retention > 0)
                    dropOlderThan(tier.sealed, timestampMs - retention);
            }
            const double values[4] = {tier.min, tier.max, tier.sum, tier.count};
            tier.head.appendUnchecked(tier.bucketStartMs, values);
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
}

void TimeSeriesStore::deliver(std::vector<SealEvent> &seals)
{
    IChunkSink *sink = m_sink.load();
    if (!sink)
        return;
    // Names are copied under the index lock and the sink is called without any lock held, so
    // it may call back into the store.
    std::vector<std::pair<QString, Labels>> names(seals.size());
    {
        std::shared_lock lock(m_indexLock);
        for (std::size_t i = 0; i < seals.size(); ++i) {
            if (seals[i].resolution == RollupResolution::Unknown)
                names[i] = {m_index->metric(seals[i].seriesId), m_index->labels(seals[i].seriesId)};
        }
    }
    for (std::size_t i = 0; i < seals.size(); ++i) {
        const SealEvent &e = seals[i];
        if (e.resolution == RollupResolution::Unknown)
            sink->chunkSealed(e.seriesId, names[i].first, names[i].second, e.minTimestampMs,
                              e.maxTimestampMs, e.bytes);
        else
            sink->rollupChunkSealed(e.seriesId, e.resolution, e.minTimestampMs, e.maxTimestampMs,
                                    e.bytes);
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

void TimeSeriesStore::read(SeriesId seriesId, qint64 fromMs, qint64 toMs,
                           std::vector<Sample> &out) const
{
    if (fromMs > toMs)
        return;
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
    const Shard &shard = shardOf(seriesId);
    std::shared_lock lock(shard.lock);
    const MemSeries *series = seriesIn(shard, seriesId);
    if (!series || !series->rollups)
        return;
    const RollupTier &tier = series->rollups[resolution == RollupResolution::OneMinute ? 0 : 1];
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
            }
            series.head.reset();
        }
    }
    deliver(seals);
}

void TimeSeriesStore::applyRetention(qint64 nowMs)
{
    for (int s = 0; s < m_options.shardCount; ++s) {
        Shard &shard = m_shards[std::size_t(s)];
        std::unique_lock lock(shard.lock);
        for (MemSeries &series : shard.series) {
            if (m_options.rawRetentionMs > 0) {
                const qint64 cutoff = nowMs - m_options.rawRetentionMs;
                dropOlderThan(series.sealed, cutoff);
                if (!series.head.isEmpty() && series.head.maxTimestampMs() < cutoff)
                    series.head.reset();
            }
            if (!series.rollups)
                continue;
            for (int tierIndex = 0; tierIndex < 2; ++tierIndex) {
                const qint64 retention = tierIndex == 0 ? m_options.oneMinuteRetentionMs
                                                        : m_options.oneHourRetentionMs;
                if (retention > 0)
                    dropOlderThan(series.rollups[tierIndex].sealed, nowMs - retention);
            }
        }
    }
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
