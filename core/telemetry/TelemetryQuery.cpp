#include "telemetry/TelemetryQuery.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Continuo {

QString toString(RangeFunction function)
{
    switch (function) {
    case RangeFunction::Value:
        return QStringLiteral("value");
    case RangeFunction::Rate:
        return QStringLiteral("rate");
    case RangeFunction::Increase:
        return QStringLiteral("increase");
    case RangeFunction::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString toString(Aggregation aggregation)
{
    switch (aggregation) {
    case Aggregation::None:
        return QStringLiteral("none");
    case Aggregation::Sum:
        return QStringLiteral("sum");
    case Aggregation::Avg:
        return QStringLiteral("avg");
    case Aggregation::Min:
        return QStringLiteral("min");
    case Aggregation::Max:
        return QStringLiteral("max");
    case Aggregation::Count:
        return QStringLiteral("count");
    case Aggregation::Quantile:
        return QStringLiteral("quantile");
    case Aggregation::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString toString(QueryResolution resolution)
{
    switch (resolution) {
    case QueryResolution::Auto:
        return QStringLiteral("auto");
    case QueryResolution::Raw:
        return QStringLiteral("raw");
    case QueryResolution::OneMinute:
        return QStringLiteral("1m");
    case QueryResolution::OneHour:
        return QStringLiteral("1h");
    case QueryResolution::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QList<Sample> DownsampledSeries::points() const
{
    QList<Sample> out;
    out.reserve(columns.size() * 2);
    for (const DownsampledColumn &c : columns) {
        if (c.minTimestampMs == c.maxTimestampMs) {
            out.append({c.minTimestampMs, c.min});
        } else if (c.minTimestampMs < c.maxTimestampMs) {
            out.append({c.minTimestampMs, c.min});
            out.append({c.maxTimestampMs, c.max});
        } else {
            out.append({c.maxTimestampMs, c.max});
            out.append({c.minTimestampMs, c.min});
        }
    }
    return out;
}

namespace {

RollupResolution tierOf(QueryResolution resolution)
{
    return resolution == QueryResolution::OneHour ? RollupResolution::OneHour
                                                  : RollupResolution::OneMinute;
}

Error rangeError(qint64 startMs, qint64 endMs)
{
    return Error(QStringLiteral("end (%1 ms) is before start (%2 ms)").arg(endMs).arg(startMs));
}

} // namespace

TelemetryQuery::TelemetryQuery(const TimeSeriesStore &store) : m_store(store) {}

QueryResolution TelemetryQuery::pickResolution(QueryResolution wanted, qint64 rangeMs,
                                               qint64 stepMs) const
{
    if (wanted != QueryResolution::Auto)
        return wanted;
    if (!m_store.options().rollupsEnabled || rangeMs <= RollupThresholdMs)
        return QueryResolution::Raw;
    if (stepMs >= rollupBucketMs(RollupResolution::OneHour))
        return QueryResolution::OneHour;
    if (stepMs >= rollupBucketMs(RollupResolution::OneMinute))
        return QueryResolution::OneMinute;
    return QueryResolution::Raw;
}

Result<QList<SeriesBatch>> TelemetryQuery::range(const QString &selector, qint64 startMs,
                                                 qint64 endMs) const
{
    if (startMs > endMs)
        return rangeError(startMs, endMs);
    auto ids = m_store.select(selector);
    if (!ids)
        return makeError(ids.error());
    QList<SeriesBatch> out;
    out.reserve(qsizetype(ids->size()));
    std::vector<Sample> buffer;
    for (const SeriesId id : *ids) {
        buffer.clear();
        m_store.read(id, startMs, endMs, buffer);
        if (buffer.empty())
            continue;
        out.append({m_store.metric(id), m_store.labels(id),
                    QList<Sample>(buffer.begin(), buffer.end())});
    }
    return out;
}

Result<QList<SeriesBatch>> TelemetryQuery::instant(const QString &selector, qint64 atMs,
                                                   qint64 lookbackMs) const
{
    if (lookbackMs <= 0)
        return makeError(QStringLiteral("lookback must be positive (got %1 ms)").arg(lookbackMs));
    auto ids = m_store.select(selector);
    if (!ids)
        return makeError(ids.error());
    QList<SeriesBatch> out;
    for (const SeriesId id : *ids) {
        const auto sample = m_store.lastSample(id, atMs, lookbackMs);
        if (sample && !isStaleMarker(sample->value))
            out.append({m_store.metric(id), m_store.labels(id), {*sample}});
    }
    return out;
}

std::optional<double> TelemetryQuery::extrapolatedDelta(std::span<const Sample> samples,
                                                        qint64 rangeStartMs, qint64 rangeEndMs,
                                                        RangeFunction function)
{
    if (samples.size() < 2 || rangeEndMs <= rangeStartMs)
        return std::nullopt;
    const Sample &first = samples.front();
    const Sample &last = samples.back();
    double correction = 0.0;
    double previous = first.value;
    for (std::size_t i = 1; i < samples.size(); ++i) {
        if (samples[i].value < previous)
            correction += previous; // counter reset: it restarted from zero
        previous = samples[i].value;
    }
    const double result = last.value - first.value + correction;
    double durationToStart = double(first.timestampMs - rangeStartMs) / 1000.0;
    const double durationToEnd = double(rangeEndMs - last.timestampMs) / 1000.0;
    const double sampledInterval = double(last.timestampMs - first.timestampMs) / 1000.0;
    if (sampledInterval <= 0)
        return std::nullopt;
    const double averageBetweenSamples = sampledInterval / double(samples.size() - 1);
    // A counter cannot have been below zero: do not extrapolate past the point it was zero.
    if (result > 0 && first.value >= 0) {
        const double durationToZero = sampledInterval * (first.value / result);
        if (durationToZero < durationToStart)
            durationToStart = durationToZero;
    }
    const double threshold = averageBetweenSamples * 1.1;
    double extrapolateTo = sampledInterval;
    extrapolateTo += durationToStart < threshold ? durationToStart : averageBetweenSamples / 2;
    extrapolateTo += durationToEnd < threshold ? durationToEnd : averageBetweenSamples / 2;
    double factor = extrapolateTo / sampledInterval;
    if (function == RangeFunction::Rate)
        factor /= double(rangeEndMs - rangeStartMs) / 1000.0;
    return result * factor;
}

double TelemetryQuery::quantileOf(double phi, std::vector<double> &values)
{
    if (values.empty())
        return std::numeric_limits<double>::quiet_NaN();
    if (phi < 0)
        return -std::numeric_limits<double>::infinity();
    if (phi > 1)
        return std::numeric_limits<double>::infinity();
    std::sort(values.begin(), values.end());
    const double rank = phi * double(values.size() - 1);
    const auto lower = std::size_t(std::max(0.0, std::floor(rank)));
    const std::size_t upper = std::min(values.size() - 1, lower + 1);
    const double weight = rank - std::floor(rank);
    return values[lower] * (1 - weight) + values[upper] * weight;
}

Result<QueryResult> TelemetryQuery::evaluate(const RangeQuery &q) const
{
    if (q.startMs > q.endMs)
        return rangeError(q.startMs, q.endMs);
    if (q.stepMs <= 0)
        return makeError(QStringLiteral("step must be positive (got %1 ms)").arg(q.stepMs));
    const qint64 steps = (q.endMs - q.startMs) / q.stepMs + 1;
    if (steps > MaxPointsPerSeries)
        return makeError(QStringLiteral("%1 points per series exceed the maximum of %2; use a "
                                        "larger step or a shorter range")
                             .arg(steps)
                             .arg(MaxPointsPerSeries));
    if (q.function == RangeFunction::Unknown)
        return makeError(QStringLiteral("unknown range function"));
    if (q.aggregation == Aggregation::Unknown)
        return makeError(QStringLiteral("unknown aggregation"));
    if (q.resolution == QueryResolution::Unknown)
        return makeError(QStringLiteral("unknown resolution"));
    if (q.aggregation != Aggregation::None && q.grouping == Grouping::Unknown)
        return makeError(QStringLiteral("aggregation needs grouping By or Without"));
    if (q.lookbackMs <= 0)
        return makeError(QStringLiteral("lookback must be positive (got %1 ms)").arg(q.lookbackMs));
    const bool counterFunction = q.function == RangeFunction::Rate
                                 || q.function == RangeFunction::Increase;
    if (counterFunction && q.windowMs <= 0)
        return makeError(QStringLiteral("%1 needs a positive window (got %2 ms)")
                             .arg(toString(q.function))
                             .arg(q.windowMs));
    if (q.aggregation == Aggregation::Quantile
        && (!std::isfinite(q.quantile) || q.quantile < 0 || q.quantile > 1))
        return makeError(QStringLiteral("quantile φ must be within [0, 1] (got %1)").arg(q.quantile));

    auto ids = m_store.select(q.selector);
    if (!ids)
        return makeError(ids.error());

    QueryResult result;
    result.resolution = pickResolution(q.resolution, q.endMs - q.startMs, q.stepMs);
    if (q.resolution == QueryResolution::Auto && counterFunction) {
        // A rate needs at least two buckets inside its window.
        if (result.resolution == QueryResolution::OneHour
            && q.windowMs < 2 * rollupBucketMs(RollupResolution::OneHour))
            result.resolution = QueryResolution::OneMinute;
        if (result.resolution == QueryResolution::OneMinute
            && q.windowMs < 2 * rollupBucketMs(RollupResolution::OneMinute))
            result.resolution = QueryResolution::Raw;
    }
    const bool useRollups = result.resolution != QueryResolution::Raw;
    const qint64 width = useRollups ? rollupBucketMs(tierOf(result.resolution)) : 0;
    const qint64 reachBackMs = counterFunction ? q.windowMs : q.lookbackMs;
    const auto stepCount = std::size_t(steps);

    std::vector<double> values(stepCount);
    std::vector<char> present(stepCount);
    std::vector<Sample> samples;
    std::vector<RollupPoint> buckets;

    // Fills values/present for one series.
    auto evaluateSeries = [&](SeriesId id) {
        std::fill(present.begin(), present.end(), 0);
        samples.clear();
        if (useRollups) {
            buckets.clear();
            m_store.readRollups(id, tierOf(result.resolution),
                                q.startMs - std::max(reachBackMs, q.stepMs) - width, q.endMs,
                                buckets);
            result.samplesRead += qint64(buckets.size());
            if (!counterFunction) {
                // Mean of the buckets that end within (t - step, t]; else the newest bucket
                // that ended within the lookback.
                std::size_t lo = 0;
                std::size_t hi = 0;
                for (std::size_t k = 0; k < stepCount; ++k) {
                    const qint64 t = q.startMs + qint64(k) * q.stepMs;
                    while (hi < buckets.size() && buckets[hi].bucketStartMs + width <= t)
                        ++hi;
                    while (lo < hi && buckets[lo].bucketStartMs + width <= t - q.stepMs)
                        ++lo;
                    double sum = 0;
                    double count = 0;
                    for (std::size_t b = lo; b < hi; ++b) {
                        sum += buckets[b].sum;
                        count += buckets[b].count;
                    }
                    if (count > 0) {
                        values[k] = sum / count;
                        present[k] = 1;
                    } else if (hi > 0 && buckets[hi - 1].bucketStartMs + width > t - q.lookbackMs) {
                        values[k] = buckets[hi - 1].average();
                        present[k] = 1;
                    }
                }
                return;
            }
            // Counters: a bucket's max is the counter's value at the bucket's end (exact
            // unless it reset inside that bucket).
            samples.reserve(buckets.size());
            for (const RollupPoint &b : buckets)
                samples.push_back({b.bucketStartMs + width, b.max});
        } else {
            m_store.read(id, q.startMs - reachBackMs + 1, q.endMs, samples);
            result.samplesRead += qint64(samples.size());
        }
        std::size_t lo = 0;
        std::size_t hi = 0;
        for (std::size_t k = 0; k < stepCount; ++k) {
            const qint64 t = q.startMs + qint64(k) * q.stepMs;
            while (hi < samples.size() && samples[hi].timestampMs <= t)
                ++hi;
            while (lo < hi && samples[lo].timestampMs <= t - reachBackMs)
                ++lo;
            if (!counterFunction) {
                if (hi > lo && !isStaleMarker(samples[hi - 1].value)) {
                    values[k] = samples[hi - 1].value;
                    present[k] = 1;
                }
                continue;
            }
            const auto delta = extrapolatedDelta(
                std::span<const Sample>(samples.data() + lo, hi - lo), t - q.windowMs, t,
                q.function);
            if (delta) {
                values[k] = *delta;
                present[k] = 1;
            }
        }
    };

    auto timestampAt = [&](std::size_t k) { return q.startMs + qint64(k) * q.stepMs; };

    if (q.aggregation == Aggregation::None) {
        for (const SeriesId id : *ids) {
            evaluateSeries(id);
            SeriesBatch batch;
            for (std::size_t k = 0; k < stepCount; ++k) {
                if (present[k])
                    batch.samples.append({timestampAt(k), values[k]});
            }
            if (batch.samples.isEmpty())
                continue;
            batch.metric = counterFunction ? QString() : m_store.metric(id);
            batch.labels = m_store.labels(id);
            result.series.append(std::move(batch));
        }
        return result;
    }

    // Aggregation: one accumulator row per group.
    QStringList grouping = q.groupingLabels;
    grouping.removeDuplicates();
    struct Group
    {
        Labels labels;
        std::vector<double> sum, min, max, count;
        std::vector<std::vector<double>> all; // quantile only
    };
    std::vector<Group> groups;
    QHash<QString, std::size_t> groupIndex;
    const bool needAll = q.aggregation == Aggregation::Quantile;
    for (const SeriesId id : *ids) {
        Labels labels = m_store.labels(id);
        Labels key;
        if (q.grouping == Grouping::By) {
            for (const QString &name : std::as_const(grouping)) {
                const QString value = name == QLatin1String(MetricNameLabel) ? m_store.metric(id)
                                                                             : labels.value(name);
                if (!value.isEmpty())
                    key.insert(name, value);
            }
        } else {
            key = std::move(labels);
            for (const QString &name : std::as_const(grouping))
                key.remove(name);
        }
        const QString keyText = seriesKey(QString(), key);
        auto it = groupIndex.constFind(keyText);
        std::size_t g = 0;
        if (it == groupIndex.cend()) {
            g = groups.size();
            groupIndex.insert(keyText, g);
            Group group;
            group.labels = std::move(key);
            group.sum.assign(stepCount, 0.0);
            group.count.assign(stepCount, 0.0);
            group.min.assign(stepCount, std::numeric_limits<double>::infinity());
            group.max.assign(stepCount, -std::numeric_limits<double>::infinity());
            if (needAll)
                group.all.resize(stepCount);
            groups.push_back(std::move(group));
        } else {
            g = it.value();
        }
        evaluateSeries(id);
        Group &group = groups[g];
        for (std::size_t k = 0; k < stepCount; ++k) {
            if (!present[k])
                continue;
            const double v = values[k];
            group.sum[k] += v;
            group.count[k] += 1;
            group.min[k] = std::min(group.min[k], v);
            group.max[k] = std::max(group.max[k], v);
            if (needAll)
                group.all[k].push_back(v);
        }
    }
    for (Group &group : groups) {
        SeriesBatch batch;
        batch.labels = group.labels;
        for (std::size_t k = 0; k < stepCount; ++k) {
            if (group.count[k] == 0)
                continue;
            double v = 0;
            switch (q.aggregation) {
            case Aggregation::Sum: v = group.sum[k]; break;
            case Aggregation::Avg: v = group.sum[k] / group.count[k]; break;
            case Aggregation::Min: v = group.min[k]; break;
            case Aggregation::Max: v = group.max[k]; break;
            case Aggregation::Count: v = group.count[k]; break;
            case Aggregation::Quantile: v = quantileOf(q.quantile, group.all[k]); break;
            case Aggregation::None:
            case Aggregation::Unknown: break;
            }
            batch.samples.append({timestampAt(k), v});
        }
        if (!batch.samples.isEmpty())
            result.series.append(std::move(batch));
    }
    return result;
}

Result<QList<DownsampledSeries>> TelemetryQuery::downsample(const QString &selector,
                                                            qint64 startMs, qint64 endMs,
                                                            int columnBudget,
                                                            QueryResolution resolution) const
{
    if (columnBudget <= 0)
        return makeError(QStringLiteral("column budget must be positive (got %1)").arg(columnBudget));
    if (startMs > endMs)
        return rangeError(startMs, endMs);
    if (resolution == QueryResolution::Unknown)
        return makeError(QStringLiteral("unknown resolution"));
    auto ids = m_store.select(selector);
    if (!ids)
        return makeError(ids.error());
    const qint64 span = endMs - startMs + 1;
    const qint64 width = std::max<qint64>(1, (span + columnBudget - 1) / columnBudget);
    const QueryResolution used = pickResolution(resolution, span, width);

    QList<DownsampledSeries> out;
    std::vector<Sample> samples;
    std::vector<RollupPoint> buckets;
    for (const SeriesId id : *ids) {
        DownsampledSeries series;
        series.resolution = used;
        auto add = [&](qint64 t, double min, qint64 minT, double max, qint64 maxT, qint64 count) {
            const qint64 column = (t - startMs) / width;
            if (series.columns.isEmpty()
                || series.columns.last().startMs != startMs + column * width) {
                series.columns.append({startMs + column * width,
                                       std::min(endMs + 1, startMs + (column + 1) * width), min,
                                       max, minT, maxT, count});
                return;
            }
            DownsampledColumn &c = series.columns.last();
            // NaN never replaces a number, so a gap does not hide the column's extremes.
            if (min < c.min || std::isnan(c.min)) {
                c.min = min;
                c.minTimestampMs = minT;
            }
            if (max > c.max || std::isnan(c.max)) {
                c.max = max;
                c.maxTimestampMs = maxT;
            }
            c.count += count;
        };
        if (used == QueryResolution::Raw) {
            samples.clear();
            m_store.read(id, startMs, endMs, samples);
            for (const Sample &s : samples)
                add(s.timestampMs, s.value, s.timestampMs, s.value, s.timestampMs, 1);
        } else {
            buckets.clear();
            m_store.readRollups(id, tierOf(used), startMs, endMs, buckets);
            for (const RollupPoint &b : buckets)
                add(b.bucketStartMs, b.min, b.bucketStartMs, b.max, b.bucketStartMs,
                    qint64(b.count));
        }
        if (series.columns.isEmpty())
            continue;
        series.metric = m_store.metric(id);
        series.labels = m_store.labels(id);
        out.append(std::move(series));
    }
    return out;
}

} // namespace Continuo
