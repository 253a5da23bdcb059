#pragma once

#include "model/Topology.h"
#include "util/Result.h"

#include <QList>
#include <QMetaType>
#include <QRegularExpression>
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

/// The label name that stands for the metric name in matchers (Prometheus convention).
inline constexpr auto MetricNameLabel = "__name__";

/// How a label matcher compares a label's value.
enum class LabelMatchType {
    Unknown = 0,
    Equal,       ///< `=`
    NotEqual,    ///< `!=`
    RegexMatch,  ///< `=~` (anchored at both ends, as in Prometheus)
    RegexNoMatch ///< `!~`
};
CONTINUO_CORE_EXPORT QString toString(LabelMatchType type);

/// One `name op "value"` condition. A missing label has the empty value, as in Prometheus.
/// Regular expressions are compiled once, by create(); copies share the compiled pattern, so
/// matching costs no compilation and may run on several threads at once.
class CONTINUO_CORE_EXPORT LabelMatcher
{
public:
    LabelMatcher() = default;
    /// Fails for an empty name, Unknown type or a regular expression that does not compile.
    static Result<LabelMatcher> create(LabelMatchType type, const QString &name,
                                       const QString &value);

    LabelMatchType type() const { return m_type; }
    const QString &name() const { return m_name; }
    const QString &value() const { return m_value; }
    /// Whether the condition is on the metric name (`__name__`).
    bool isMetricName() const { return m_isMetricName; }

    bool matches(const QString &labelValue) const;
    /// Whether a series without the label (empty value) matches.
    bool matchesEmpty() const { return m_matchesEmpty; }

    /// `name="value"` with the value escaped.
    QString toString() const;

    /// Same type, name and value.
    bool operator==(const LabelMatcher &other) const
    {
        return m_type == other.m_type && m_name == other.m_name && m_value == other.m_value;
    }

private:
    LabelMatchType m_type = LabelMatchType::Unknown;
    QString m_name;
    QString m_value;
    QRegularExpression m_regex;
    bool m_matchesEmpty = false;
    bool m_isMetricName = false;
};

/// Selects series the way a PromQL vector selector does: a metric name (empty: any metric),
/// labels that must be equal (a missing label counts as empty), and further conditions with
/// `!=`, `=~` or `!~` (regular expressions fully anchored, as in Prometheus; a condition on
/// `__name__` tests the metric name). Used by live subscriptions and alert rules, so matching
/// is cheap: regular expressions are compiled when the matcher is made, never per sample.
struct SeriesMatcher
{
    QString metric;
    Labels labels;
    /// Conditions other than label equality, in the order written.
    QList<LabelMatcher> conditions;
    bool operator==(const SeriesMatcher &) const = default;

    bool matches(const QString &seriesMetric, const Labels &seriesLabels) const;
    bool matches(const SeriesBatch &batch) const { return matches(batch.metric, batch.labels); }

    /// Parse `metric`, `metric{label="value",...}` or `{label="value"}`, where each label
    /// matcher is one of `name="v"`, `name!="v"`, `name=~"re"` and `name!~"re"`
    /// (`__name__="m"` is the metric name). As in Prometheus, a selector must have at least
    /// one part that does not match the empty string, so it never means "every series".
    /// In values `\n`, `\t`, `\r`, `\\`, `\"` and `\'` are escapes; other backslashes are kept
    /// for the regular expression.
    CONTINUO_CORE_EXPORT static Result<SeriesMatcher> parse(const QString &text);
    /// The text parse() reads back into an equal matcher: equal labels sorted by name, then
    /// the conditions.
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
    for (const LabelMatcher &condition : conditions) {
        if (!condition.matches(condition.isMetricName() ? seriesMetric
                                                        : seriesLabels.value(condition.name())))
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
