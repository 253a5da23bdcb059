#pragma once

#include "anomaly/Alert.h"
#include "anomaly/AlertRule.h"
#include "anomaly/AnomalyTypes.h"
#include "anomaly/HalfSpaceTrees.h"
#include "continuo_core_export.h"
#include "model/Inventory.h"
#include "model/Workload.h"
#include "telemetry/Series.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace Continuo {

class AlertManager;
class Engine;
class ITelemetryRateControl;
class UnivariateEnsemble;

/// The engine's streaming anomaly detection: for every published sample, the univariate
/// detector of its series (only for series an anomaly rule watches), the multivariate detector
/// of its node over the node's metric vector (nodeFeatures()), and the rules that match it;
/// the AlertManager turns the results into alerts. Firing alerts trigger the rules'
/// remediations, each recorded in the audit log as "automation:anomaly" first.
///
/// Owned by the Engine and living on its thread. Cost per sample: O(1) (hash look-ups, one
/// detector update, the matching rules); per node vector O(trees * depth). Memory is bounded
/// per series (a univariate detector is a few kB) and per node (the half-space trees); series
/// and nodes removed from the inventory are forgotten.
class CONTINUO_CORE_EXPORT AnomalyEngine : public QObject
{
    Q_OBJECT
public:
    /// The node metrics of the multivariate detector, in feature order.
    static QStringList nodeFeatures();
    /// The rules a new engine starts with: hot node (CPU > 90 % for 10 s), link latency above
    /// 3x its nominal value for 10 s, high memory, and detector-backed anomalies of node
    /// behaviour and link latency.
    static QList<AlertRule> defaultRules();

    explicit AnomalyEngine(Engine *engine, QObject *parent = nullptr);
    ~AnomalyEngine() override;

    /// Restore the operator's alert rules (the defaults when none were stored), active alerts
    /// and silences from the engine's store and start following the engine's telemetry and
    /// inventory.
    Result<void> start();
    /// Stop following telemetry (what was processed stays).
    void stop();
    bool isRunning() const { return m_running; }

    AlertManager *alertManager() const { return m_alerts; }
    /// Replace the rules (validated as a whole). Detector state of series is kept. In memory
    /// only: for tests and embedders that configure rules in code.
    Result<void> setRules(const QList<AlertRule> &rules);
    /// Operator action: validate the rules as a whole, record the change in the audit log with
    /// `actor`, store them (restored by start() from then on), then put them in force. Nothing
    /// changes when any step fails; the error names the rule at fault.
    Result<void> setRules(const QList<AlertRule> &rules, const QString &actor);
    QList<AlertRule> rules() const;
    /// Where RaiseTelemetryRate remediations go (null: those remediations are skipped).
    void setTelemetryRateControl(ITelemetryRateControl *control) { m_rateControl = control; }
    ITelemetryRateControl *telemetryRateControl() const { return m_rateControl; }
    /// Deployments known to the engine, for the workloads an alert names.
    void setDeployments(const QList<Deployment> &deployments);
    /// Settings of the half-space trees of nodes seen from now on.
    void setMultivariateSettings(const HalfSpaceTreesSettings &settings);

    /// Process published samples (connected to TelemetryHub::samplesPublished by start()).
    void processSamples(const QList<SeriesBatch> &batches);

    // Operator actions, recorded in the audit log with `actor` before they take effect.
    Result<Alert> acknowledge(const QString &alertId, const QString &actor);
    Result<Silence> addSilence(const Labels &matchers, const QString &actor, const QString &comment,
                               qint64 untilMs);
    Result<Silence> expireSilence(const QString &silenceId, const QString &actor);

    QList<Alert> activeAlerts() const;
    QList<Silence> silences() const;
    /// Alerts of any state that started at or after `fromMs`, newest first (from the store).
    Result<QList<Alert>> alertHistory(qint64 fromMs, int limit) const;

    /// The node's latest multivariate score, contributions in nodeFeatures() order.
    std::optional<MultivariateScore> lastNodeScore(const QString &nodeId) const;
    qint64 samplesProcessed() const { return m_samplesProcessed; }
    qsizetype monitoredSeriesCount() const { return qsizetype(m_series.size()); }
    qsizetype monitoredNodeCount() const { return qsizetype(m_nodes.size()); }
    /// Detector memory (univariate and multivariate), for the memory figure.
    qsizetype detectorMemoryBytes() const;

Q_SIGNALS:
    /// Forwarded from the AlertManager.
    void alertChanged(const Continuo::Alert &alert);

private:
    static constexpr int FeatureCount = 4;
    static constexpr int PendingSlots = 8;
    static constexpr int RecentScores = 8;

    struct NodeRuntime;
    struct SeriesRuntime;

    SeriesRuntime &seriesFor(const QString &key, const SeriesBatch &batch);
    void refreshRules(SeriesRuntime &series);
    NodeRuntime &nodeFor(const QString &nodeId, const QString &siteId);
    void addNodeFeature(NodeRuntime &node, int feature, qint64 timestampMs, double value);
    void scoreOldestSlot(NodeRuntime &node);
    void flushNode(NodeRuntime &node);
    const MultivariateScore *nodeScoreAt(const NodeRuntime &node, qint64 timestampMs) const;
    double nominalFor(SeriesRuntime &series);
    QList<FeatureContribution> attribution(const SeriesRuntime &series, qint64 timestampMs,
                                           double *score) const;
    void enrich(Alert &alert) const;
    void runRemediations(const Alert &alert);
    void forgetRemoved(const QList<InventoryDelta> &deltas);

    Engine *m_engine = nullptr;
    AlertManager *m_alerts = nullptr;
    ITelemetryRateControl *m_rateControl = nullptr;
    HalfSpaceTreesSettings m_multivariateSettings;
    bool m_running = false;
    quint64 m_rulesGeneration = 1;
    quint64 m_inventoryGeneration = 1;
    qint64 m_samplesProcessed = 0;
    std::unordered_map<QString, std::unique_ptr<SeriesRuntime>> m_series;
    std::unordered_map<QString, std::unique_ptr<NodeRuntime>> m_nodes;
    std::vector<NodeRuntime *> m_dirtyNodes; // scratch, per publish
    QHash<QString, QStringList> m_workloadsByNode;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Continuo
