#pragma once

#include "anomaly/Alert.h"
#include "continuo_core_export.h"
#include "telemetry/Series.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <cstdint>
#include <limits>

namespace Continuo {

/// What a rule watches.
enum class AlertRuleKind : std::uint8_t {
    Unknown = 0,
    Threshold,     ///< `metric{labels} > 0.9`: the value of every matching series
    SeriesAnomaly, ///< `anomaly(metric{labels}) > 0.9`: the univariate detector's score (0..1)
    NodeAnomaly,   ///< `node_anomaly{labels} > 0.9`: the per-node multivariate score (0..1)
};

CONTINUO_CORE_EXPORT QString toString(AlertRuleKind kind);

enum class ComparisonOperator : std::uint8_t {
    Unknown = 0,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
};

/// ">", ">=", "<", "<=".
CONTINUO_CORE_EXPORT QString toString(ComparisonOperator op);

/// What the threshold of a threshold rule is relative to.
enum class ThresholdReference : std::uint8_t {
    Unknown = 0,
    Absolute, ///< the threshold is a value of the metric
    Nominal,  ///< the threshold is a factor of the series' nominal value (a link's latencyMs)
};

/// What one active alert covers: a rule matching many series raises one alert per group.
enum class AlertGrouping : std::uint8_t {
    Unknown = 0, ///< node if the series has a node label, else link, else site, else series
    Series,
    Node,
    Link,
    Site,
};

CONTINUO_CORE_EXPORT QString toString(AlertGrouping grouping);
CONTINUO_CORE_EXPORT AlertGrouping alertGroupingFromString(const QString &text);

/// How one sample stands against a rule, hysteresis included.
enum class RuleCondition : std::uint8_t {
    Unknown = 0, ///< no usable input (NaN, or no nominal value for a nominal threshold)
    Violating,   ///< past the threshold
    Holding,     ///< back inside the threshold but not past the margin: a firing alert stays
    Clearing,    ///< back past the threshold minus the margin
};

CONTINUO_CORE_EXPORT QString toString(RuleCondition condition);

/// Automatic actions a rule can trigger when its alert fires (never when silenced).
enum class RemediationKind : std::uint8_t {
    Unknown = 0,
    EmitEvent,          ///< publish an event (a notification for whoever listens)
    RaiseTelemetryRate, ///< ask telemetry to sample the alert's node faster for a while
};

CONTINUO_CORE_EXPORT QString toString(RemediationKind kind);
CONTINUO_CORE_EXPORT RemediationKind remediationKindFromString(const QString &text);

/// One remediation of a rule.
struct RemediationSpec
{
    RemediationKind kind = RemediationKind::Unknown;
    /// EmitEvent: the event type (`<category>.<event>`).
    QString eventType = QStringLiteral("Anomaly.Remediation");
    /// RaiseTelemetryRate: the requested sample interval and how long it should hold.
    std::chrono::milliseconds sampleInterval{1000};
    std::chrono::milliseconds duration{std::chrono::minutes(10)};
    bool operator==(const RemediationSpec &) const = default;
};

/// An alerting rule, written by operators (`node_cpu_utilisation{site="x"} > 0.9 for 2m`) or
/// shipped as a default. Pure value type.
///
/// Lifecycle per matching series: the first violating sample starts the condition (pending);
/// a violating sample `forDuration` or more after that fires it; any sample that is not
/// violating before then cancels it. A firing condition resolves after `clearDuration` of
/// samples past the threshold minus `hysteresisMargin` (above it plus the margin for `<`, and
/// below `threshold - margin` for anomaly scores); samples between the threshold and the margin
/// keep it firing. Times are sample times, so replayed or accelerated telemetry behaves as live.
struct CONTINUO_CORE_EXPORT AlertRule
{
    QString id;
    QString description;
    AlertRuleKind kind = AlertRuleKind::Unknown;
    /// Metric and labels of the watched series. For NodeAnomaly the metric is empty and the
    /// labels select nodes (`node`, `site`).
    SeriesMatcher matcher;
    ComparisonOperator op = ComparisonOperator::Unknown;
    double threshold = std::numeric_limits<double>::quiet_NaN();
    ThresholdReference reference = ThresholdReference::Absolute;
    /// Hysteresis, in the unit of `threshold` (a value, a factor of the nominal, or a score).
    double hysteresisMargin = 0.0;
    std::chrono::milliseconds forDuration{0};
    std::chrono::milliseconds clearDuration{0};
    AlertSeverity severity = AlertSeverity::Warning;
    AlertGrouping grouping = AlertGrouping::Unknown;
    QList<RemediationSpec> remediations;

    bool operator==(const AlertRule &) const;

    /// Parse the text form:
    ///
    ///     selector op threshold [for DURATION] [clear DURATION] [margin NUMBER]
    ///
    /// selector:  `metric{label="value",...}`, `anomaly(metric{...})` or `node_anomaly{...}`;
    /// op:        `>`, `>=`, `<`, `<=` (anomaly selectors take `>` and `>=` only);
    /// threshold: a number, a percentage (`70%` is 0.7), or `3 * nominal` / `3x nominal`;
    /// DURATION:  `500ms`, `10s`, `2m`, `1h`, `1m30s`.
    /// The other fields keep their defaults. Errors name what was expected and where.
    static Result<AlertRule> parse(const QString &id, const QString &expression);
    /// The text form, which parse() reads back into the same rule.
    QString expression() const;
    /// Refuses a rule that could never work (no id, no metric, NaN threshold, negative times,
    /// score thresholds outside 0..1, a nominal threshold on a rule that has no nominal).
    Result<void> validate() const;

    /// The threshold in the series' units: `threshold`, or `threshold * nominal`.
    double effectiveThreshold(double nominal = std::numeric_limits<double>::quiet_NaN()) const;
    /// Classify one input (a value for threshold rules, a score for anomaly rules).
    RuleCondition classify(double input,
                           double nominal = std::numeric_limits<double>::quiet_NaN()) const;
    /// The grouping that applies to a series with these labels (resolves Unknown).
    AlertGrouping groupingFor(const Labels &labels) const;
    /// "node:<id>", "link:<id>", "site:<id>" or "series:<key>".
    QString groupKeyFor(const Labels &labels, const QString &seriesKey) const;
    /// True for the rule kinds whose input is a score in 0..1.
    bool isScoreRule() const
    {
        return kind == AlertRuleKind::SeriesAnomaly || kind == AlertRuleKind::NodeAnomaly;
    }
};

/// Refuses what AlertManager::setRules() refuses, without changing anything: invalid rules and
/// two rules with one id. The error names the rule.
CONTINUO_CORE_EXPORT Result<void> validateAlertRules(const QList<AlertRule> &rules);

/// The JSON form rules are stored in: `id`, `expression` (the text form), `description`,
/// `severity`, `grouping` and `remediations` ([{kind, eventType, sampleIntervalMs, durationMs}]).
CONTINUO_CORE_EXPORT QJsonObject toJson(const AlertRule &rule);
/// Reads toJson()'s form back; the expression is parsed again, so a rule this build cannot
/// read is refused with an error that names it.
CONTINUO_CORE_EXPORT Result<AlertRule> alertRuleFromJson(const QJsonObject &object);

/// Parse a duration (`500ms`, `10s`, `2m`, `1h`, `1d`, `1m30s`, `0`).
CONTINUO_CORE_EXPORT Result<std::chrono::milliseconds> parseDuration(const QString &text);
/// The shortest text parseDuration() reads back ("1m30s", "500ms", "0s").
CONTINUO_CORE_EXPORT QString formatDuration(std::chrono::milliseconds duration);

} // namespace Continuo
