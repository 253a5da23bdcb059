#pragma once

#include "anomaly/Alert.h"
#include "anomaly/AlertRule.h"
#include "continuo_core_export.h"
#include "model/Event.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <limits>
#include <optional>

namespace Continuo {

class IStateStore;

/// One sample of one series as a rule sees it, with what the detectors made of it.
struct AlertObservation
{
    QString seriesKey; ///< Identity of the series (seriesKey(metric, labels)).
    QString metric;
    Labels labels;
    qint64 timestampMs = 0;                                  ///< Sample time.
    double value = std::numeric_limits<double>::quiet_NaN(); ///< The sample's value.
    /// Anomaly score (0..1) for anomaly rules: the univariate detector's for SeriesAnomaly, the
    /// node's multivariate score for NodeAnomaly.
    double score = std::numeric_limits<double>::quiet_NaN();
    double nominal = std::numeric_limits<double>::quiet_NaN();       ///< For nominal thresholds.
    double expectedValue = std::numeric_limits<double>::quiet_NaN(); ///< Detector baseline.
    /// The node's multivariate score of this very sample, and each feature's share of it
    /// (empty when there is none: the alert is then attributed to `metric` alone).
    double multivariateScore = std::numeric_limits<double>::quiet_NaN();
    QList<FeatureContribution> contributions;
};

/// Alert lifecycle: evaluates rules against observations (pending → firing → resolved with the
/// rules' persistence and hysteresis), keeps one active alert per (rule, group key), applies
/// silences, persists every firing/resolved/acknowledged alert and every silence to the store,
/// and raises one Resources.Status event per firing and per resolution (not for silenced
/// alerts). Pending alerts live in memory only: they are re-derived from telemetry.
///
/// Lives on one thread (the engine's). Memory: one entry per rule and series while that series
/// is pending or firing, plus the active alerts and silences.
class CONTINUO_CORE_EXPORT AlertManager : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;
    /// Called once when an alert is created, to fill in what the inventory knows (switches of a
    /// link, site of a node, workloads on the node).
    using Enricher = std::function<void(Alert &alert)>;

    explicit AlertManager(QObject *parent = nullptr);
    ~AlertManager() override;

    /// Where alerts and silences are written (may be null: nothing is persisted).
    void setStore(IStateStore *store) { m_store = store; }
    /// Wall clock for acknowledgements, silences and staleness (tests inject their own).
    void setClock(Clock clock);
    void setEnricher(Enricher enricher) { m_enricher = std::move(enricher); }
    /// An active alert whose series sent nothing for this long (wall clock) is resolved.
    void setStaleAfter(std::chrono::milliseconds staleAfter) { m_staleAfter = staleAfter; }
    /// How often silences expire and stale alerts are resolved (0 stops the timer; call
    /// sweep() yourself).
    void setSweepInterval(std::chrono::milliseconds interval);

    /// Replace the rules. Refuses invalid rules and duplicate ids (and changes nothing then).
    /// Active alerts of rules that are gone are resolved.
    Result<void> setRules(const QList<AlertRule> &rules);
    const QList<AlertRule> &rules() const { return m_rules; }
    /// Index of a rule in rules(), -1 when there is none.
    qsizetype ruleIndex(const QString &ruleId) const;

    /// Evaluate one observation against rule `ruleIndex`. O(1) apart from alert creation.
    void observe(qsizetype ruleIndex, const AlertObservation &observation);
    /// Same, by rule id (unknown ids are ignored).
    void observe(const QString &ruleId, const AlertObservation &observation);

    /// Alerts pending or firing, oldest first.
    QList<Alert> activeAlerts() const;
    std::optional<Alert> activeAlert(const QString &alertId) const;
    /// The active alert of a rule for a group key ("node:hpc-bol-07").
    std::optional<Alert> activeAlert(const QString &ruleId, const QString &groupKey) const;

    /// Mark an active alert as seen by someone. Persisted; alertChanged is emitted.
    Result<Alert> acknowledge(const QString &alertId, const QString &who);

    /// Add a silence (an id is assigned when empty, createdAtMs and startsAtMs default to now).
    Result<Silence> addSilence(Silence silence);
    /// End a silence now.
    Result<Silence> expireSilence(const QString &silenceId, const QString &who);
    /// Silences that have not ended.
    QList<Silence> silences() const;

    /// Bring back what the store had: active alerts (their series resume as they were) and
    /// silences. Replaces nothing that is already active.
    void restore(const QList<Alert> &alerts, const QList<Silence> &silences);

    /// Expire silences and resolve alerts whose series went quiet. Called by the sweep timer.
    void sweep();

Q_SIGNALS:
    /// Any change an operator would see: pending, firing, resolved (a cancelled pending alert
    /// is reported as resolved with firedAtMs 0), acknowledged, silenced or unsilenced.
    void alertChanged(const Continuo::Alert &alert);
    /// Once per alert, when it starts firing (also when silenced: check isSilenced()).
    void alertFired(const Continuo::Alert &alert);
    void silenceChanged(const Continuo::Silence &silence);
    /// A Resources.Status event to publish (the engine fills in sequence and timestamp).
    void eventRaised(const Continuo::Event &event);

private:
    struct SeriesState
    {
        AlertState state = AlertState::Unknown; ///< Pending or Firing while it exists
        qint64 violatingSinceMs = 0;
        qint64 clearingSinceMs = -1;
        qint64 lastSeenWallMs = 0;
        QString alertKey;
    };
    struct ActiveAlert
    {
        Alert alert;
        QHash<QString, AlertState> members; ///< series key -> Pending or Firing
        qint64 lastSeenWallMs = 0;
    };

    qint64 now() const { return m_clock ? m_clock() : 0; }
    static QString stateKey(const QString &ruleId, const QString &seriesKey);
    ActiveAlert &createAlert(const AlertRule &rule, const AlertObservation &observation,
                             const QString &alertKey, const QString &groupKey);
    void updateAlert(const AlertRule &rule, ActiveAlert &active, const QString &seriesKey,
                     AlertState memberState, const AlertObservation &observation);
    void fire(const AlertRule *rule, ActiveAlert &active, qint64 timestampMs);
    void resolve(const AlertRule *rule, const QString &alertKey, qint64 timestampMs,
                 const QString &reason);
    bool applySilences(Alert &alert) const;
    void reapplySilences();
    void persist(const Alert &alert);
    void raiseEvent(const Alert &alert, const QString &what);
    QString describe(const AlertRule *rule, const Alert &alert, const QString &reason) const;

    QList<AlertRule> m_rules;
    QHash<QString, qsizetype> m_ruleIndex;
    QHash<QString, SeriesState> m_series; ///< stateKey(rule, series) -> state
    QHash<QString, ActiveAlert> m_active; ///< stateKey(rule, group) -> alert
    QHash<QString, Silence> m_silences;   ///< not yet ended
    IStateStore *m_store = nullptr;
    Clock m_clock;
    Enricher m_enricher;
    std::chrono::milliseconds m_staleAfter{std::chrono::minutes(5)};
    QTimer m_sweepTimer;
};

/// Helpers for messages: "CPU", "memory", "latency", ... and values in their units.
namespace Internal {
QString metricDisplayName(const QString &metric);
QString featureShortName(const QString &metric);
QString formatMetricValue(const QString &metric, double value);
QString formatElapsed(qint64 milliseconds);
} // namespace Internal

} // namespace Continuo
