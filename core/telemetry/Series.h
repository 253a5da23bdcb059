#pragma once

#include "model/Topology.h"
#include "util/Result.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Continuo {

/// One measurement.
struct Sample
{
    qint64 timestampMs = 0;
    double value = 0.0;
    bool operator==(const Sample &) const = default;
};

/// Samples of one series (metric name + labels, Prometheus conventions).
struct SeriesBatch
{
    QString metric;
    Labels labels;
    QList<Sample> samples;
    bool operator==(const SeriesBatch &) const = default;

    /// Canonical text form: `metric{a="1",b="2"}` with labels sorted by name.
    QString key() const;
};

/// Well-known metric names produced by the simulator and the host probe.
namespace Metrics {
inline constexpr auto NodeCpuUtilisation = "node_cpu_utilisation";       ///< 0..1
inline constexpr auto NodeMemoryUtilisation = "node_memory_utilisation"; ///< 0..1
inline constexpr auto NodeMemoryUsedBytes = "node_memory_used_bytes";
inline constexpr auto NodeNetworkReceiveBytesRate = "node_network_receive_bytes_rate";   ///< B/s
inline constexpr auto NodeNetworkTransmitBytesRate = "node_network_transmit_bytes_rate"; ///< B/s
inline constexpr auto LinkLatencySeconds = "link_latency_seconds";
inline constexpr auto LinkUtilisation = "link_utilisation"; ///< 0..1
} // namespace Metrics

/// Label names used with those metrics.
namespace MetricLabels {
inline constexpr auto Node = "node";
inline constexpr auto Link = "link";
inline constexpr auto Site = "site";
} // namespace MetricLabels

CONTINUO_CORE_EXPORT QString seriesKey(const QString &metric, const Labels &labels);

/// Selects series: a metric name (empty: any) and labels that must be equal.
struct SeriesMatcher
{
    QString metric;
    Labels labels;
    bool operator==(const SeriesMatcher &) const = default;

    bool matches(const QString &seriesMetric, const Labels &seriesLabels) const;
    bool matches(const SeriesBatch &batch) const { return matches(batch.metric, batch.labels); }

    /// Parse `metric`, `metric{label="value",...}` or `{label="value"}`.
    CONTINUO_CORE_EXPORT static Result<SeriesMatcher> parse(const QString &text);
    CONTINUO_CORE_EXPORT QString toString() const;
};

inline bool SeriesMatcher::matches(const QString &seriesMetric, const Labels &seriesLabels) const
{
    if (!metric.isEmpty() && metric != seriesMetric)
        return false;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (seriesLabels.value(it.key()) != it.value())
            return false;
    }
    return true;
}

inline QString SeriesBatch::key() const
{
    return seriesKey(metric, labels);
}

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::SeriesBatch)
