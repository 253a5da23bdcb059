#pragma once

#include "continuo_core_export.h"
#include "model/Enums.h"
#include "model/Topology.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>

namespace Continuo {

/// How loud an alert is.
enum class AlertSeverity : std::uint8_t {
    Unknown = 0,
    Info,
    Warning,
    Critical,
};

CONTINUO_CORE_EXPORT QString toString(AlertSeverity severity);
/// "info", "warning", "critical" (case-insensitive); Unknown for anything else.
CONTINUO_CORE_EXPORT AlertSeverity alertSeverityFromString(const QString &text);
/// The event severity an alert of this severity is published with.
CONTINUO_CORE_EXPORT EventSeverity eventSeverityOf(AlertSeverity severity);

/// Alert lifecycle (Prometheus/Alertmanager): a condition holds (pending), holds for the rule's
/// persistence time (firing), then clears for the rule's clear time (resolved).
enum class AlertState : std::uint8_t {
    Unknown = 0,
    Pending,
    Firing,
    Resolved,
};

CONTINUO_CORE_EXPORT QString toString(AlertState state);
CONTINUO_CORE_EXPORT AlertState alertStateFromString(const QString &text);

/// One feature's share of an anomaly score: `feature` is a metric name
/// ("node_cpu_utilisation"), `share` is 0..1 and the shares of one alert sum to 1.
struct FeatureContribution
{
    QString feature;
    double share = 0.0;
    bool operator==(const FeatureContribution &) const = default;
};

/// An alert: one per rule and subject (node, link, site or series) while it is active, kept in
/// the store as history once resolved.
struct CONTINUO_CORE_EXPORT Alert
{
    QString id;
    QString ruleId;
    AlertState state = AlertState::Unknown;
    AlertSeverity severity = AlertSeverity::Unknown;
    /// The rule's grouping value for this alert: "node:hpc-bol-07", "link:link-bol-core2",
    /// "site:site-hpc-bologna" or "series:<key>". One active alert per (ruleId, groupKey).
    QString groupKey;
    QString nodeId; ///< Empty when the alert is not about one node.
    QString linkId; ///< Empty when the alert is not about one link.
    QString siteId;
    QStringList switchIds;  ///< The endpoints of `linkId`, from the inventory.
    QStringList metrics;    ///< Metric names involved, most relevant first.
    QStringList seriesKeys; ///< Series that made the condition hold (bounded).
    /// Labels silences are matched against: the series' labels plus `rule` and `severity`.
    Labels labels;
    qint64 startedAtMs = 0;  ///< First sample of the condition (sample time).
    qint64 firedAtMs = 0;    ///< 0 until firing.
    qint64 resolvedAtMs = 0; ///< 0 until resolved.
    qint64 updatedAtMs = 0;  ///< Last lifecycle change (wall clock).
    double value = std::numeric_limits<double>::quiet_NaN();     ///< Latest value (or score).
    double peakValue = std::numeric_limits<double>::quiet_NaN(); ///< Most extreme value seen.
    double threshold = std::numeric_limits<double>::quiet_NaN(); ///< Effective threshold.
    /// Multivariate score of the node when the condition first held (NaN when none).
    double score = std::numeric_limits<double>::quiet_NaN();
    QList<FeatureContribution> contributions; ///< Largest share first.
    QStringList workloads;                    ///< Deployments on the node when the alert started.
    QString acknowledgedBy;
    qint64 acknowledgedAtMs = 0;
    QString silencedBy; ///< Id of the silence that matches, empty when not silenced.
    QString summary;    ///< One line for people (the Resources.Status event message).

    bool isActive() const { return state == AlertState::Pending || state == AlertState::Firing; }
    bool isSilenced() const { return !silencedBy.isEmpty(); }
    bool isAcknowledged() const { return !acknowledgedBy.isEmpty(); }
    /// The node, link, site or series the alert is about.
    QString subjectId() const;
    bool operator==(const Alert &) const;
};

/// Mutes alerts whose labels match: the alerts are still evaluated, recorded and shown, flagged
/// with the silence id, but publish no Resources.Status event and trigger no remediation.
struct CONTINUO_CORE_EXPORT Silence
{
    QString id;
    /// Every label must be equal on the alert (`rule`, `severity`, `node`, `link`, `site` or
    /// any series label). Never empty: a silence that matches everything is refused.
    Labels matchers;
    QString createdBy; ///< Who ("user:alice").
    QString comment;   ///< Why.
    qint64 createdAtMs = 0;
    qint64 startsAtMs = 0;
    qint64 endsAtMs = 0; ///< Until when (wall clock).
    QString expiredBy;   ///< Who ended it early, if anyone.
    bool operator==(const Silence &) const = default;

    bool matches(const Labels &alertLabels) const;
    bool isActiveAt(qint64 nowMs) const { return nowMs >= startsAtMs && nowMs < endsAtMs; }
    /// Refuses empty matchers, a missing who or why, and an end that is not after the start.
    Result<void> validate() const;
};

CONTINUO_CORE_EXPORT QJsonObject toJson(const Alert &alert);
CONTINUO_CORE_EXPORT Result<Alert> alertFromJson(const QJsonObject &object);
CONTINUO_CORE_EXPORT QJsonObject toJson(const Silence &silence);
CONTINUO_CORE_EXPORT Result<Silence> silenceFromJson(const QJsonObject &object);

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::Alert)
Q_DECLARE_METATYPE(Continuo::Silence)
