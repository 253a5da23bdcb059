#pragma once

#include "control/IControlPlane.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

namespace Continuo {

class Engine;
class NetworkController;

/// IControlPlane over an engine in the same process (the console's default).
class CONTINUO_CORE_EXPORT LocalControlPlane : public IControlPlane
{
    Q_OBJECT
public:
    explicit LocalControlPlane(Engine *engine, QObject *parent = nullptr);
    ~LocalControlPlane() override;

    /// Who the engine records in the audit log for actions taken here ("console:alice").
    void setActor(const QString &actor) { m_actor = actor; }

    QString endpoint() const override;
    ConnectionState connectionState() const override { return m_connectionState; }
    QString connectionError() const override;
    void open() override;
    void close() override;

    const Inventory &inventory() const override;
    EngineStatus status() const override;
    QList<Event> recentEvents() const override;

    int subscribeTelemetry(const QList<SeriesMatcher> &matchers) override;
    void unsubscribeTelemetry(int subscriptionId) override;
    void queryRange(const QString &seriesKey, qint64 fromMs, qint64 toMs, QObject *context,
                    std::function<void(const Result<QList<Sample>> &)> callback) override;
    void setNodeState(const QString &nodeId, NodeState state, const QString &reason,
                      QObject *context, std::function<void(const Result<Node> &)> callback) override;

    void listSeries(const QString &selector, int limit, QObject *context,
                    std::function<void(const Result<SeriesListing> &)> callback) override;
    void queryChart(const QString &selector, qint64 fromMs, qint64 toMs, int columnBudget,
                    QObject *context,
                    std::function<void(const Result<QList<DownsampledSeries>> &)> callback) override;
    void evaluateQuery(const RangeQuery &query, QObject *context,
                       std::function<void(const Result<QueryResult> &)> callback) override;

    QList<Alert> activeAlerts() const override;
    QList<Silence> silences() const override;
    void alertHistory(qint64 fromMs, int limit, QObject *context,
                      std::function<void(const Result<QList<Alert>> &)> callback) override;
    void acknowledgeAlert(const QString &alertId, QObject *context,
                          std::function<void(const Result<Alert> &)> callback) override;
    void addSilence(const Labels &matchers, const QString &comment, qint64 untilMs,
                    QObject *context, std::function<void(const Result<Silence> &)> callback) override;
    void expireSilence(const QString &silenceId, QObject *context,
                       std::function<void(const Result<Silence> &)> callback) override;
    void alertRules(QObject *context,
                    std::function<void(const Result<QList<AlertRule>> &)> callback) override;
    void setAlertRules(const QList<AlertRule> &rules, QObject *context,
                       ResultCallback callback) override;

    QList<Workload> workloads() const override;
    QList<Deployment> deployments() const override;
    void submitWorkloads(const QList<Workload> &intents, bool dryRun, QObject *context,
                         std::function<void(const Result<SubmitResult> &)> callback) override;
    void explainPlacement(const Workload &intent, QObject *context,
                          std::function<void(const Result<PlacementExplanation> &)> callback) override;
    void explainWorkload(const QString &workloadId, QObject *context,
                         std::function<void(const Result<PlacementExplanation> &)> callback) override;
    void whatIf(const QList<WhatIfChange> &changes, const QList<Workload> &newIntents,
                QObject *context, std::function<void(const Result<WhatIfResult> &)> callback) override;
    void reoptimize(const ReoptimizeOptions &options, bool dryRun, QObject *context,
                    std::function<void(const Result<QList<PlannedMove>> &)> callback) override;
    void terminateWorkload(const QString &workloadId, QObject *context,
                           ResultCallback callback) override;
    void pinDeployment(const QString &deploymentId, const QString &nodeId, bool force,
                       QObject *context,
                       std::function<void(const Result<PlannedMove> &)> callback) override;
    void findResources(const QString &query, int limit, QObject *context,
                       std::function<void(const Result<QList<ResourceMatch>> &)> callback) override;
    void listBackendObjects(const QString &clusterId, const QString &kind, QObject *context,
                            std::function<void(const Result<QList<BackendObject>> &)> callback) override;
    void invokeBackendAction(const QString &objectId, const QString &action,
                             const QVariantMap &arguments, QObject *context,
                             ResultCallback callback) override;
    void backendObjectLog(const QString &objectId, qint64 maxBytes, QObject *context,
                          std::function<void(const Result<QString> &)> callback) override;
    void p4Switches(QObject *context,
                    std::function<void(const Result<QList<P4SwitchStatus>> &)> callback) override;
    void p4Program(const QString &switchId, QObject *context,
                   std::function<void(const Result<P4Program> &)> callback) override;
    void p4Entries(const QString &switchId, const QString &table, bool withCounters, QObject *context,
                   std::function<void(const Result<QList<P4EntryStatus>> &)> callback) override;
    void setP4Entries(const QString &switchId, const QString &table, const QList<P4TableEntry> &entries,
                      bool dryRun, QObject *context,
                      std::function<void(const Result<P4ApplyResult> &)> callback) override;
    void dryRunP4Packet(const QString &switchId, const QString &packet, const QList<P4Update> &pending,
                        QObject *context, std::function<void(const Result<QString> &)> callback) override;
    void connections(QObject *context,
                     std::function<void(const Result<QList<Connection>> &)> callback) override;
    void upsertConnection(const Connection &connection, bool dryRun, QObject *context,
                          std::function<void(const Result<Connection> &)> callback) override;
    void removeConnection(const QString &connectionId, QObject *context, ResultCallback callback) override;
    void rerouteConnection(const QString &connectionId, const QStringList &avoidSwitches, QObject *context,
                           std::function<void(const Result<Connection> &)> callback) override;
    void slaRules(QObject *context, std::function<void(const Result<QList<SlaRule>> &)> callback) override;
    void upsertSlaRule(const SlaRule &rule, QObject *context, ResultCallback callback) override;
    void removeSlaRule(const QString &ruleId, QObject *context, ResultCallback callback) override;
    void reroutes(QObject *context,
                  std::function<void(const Result<QList<RerouteRecord>> &)> callback) override;


private:
    template<typename T, typename Callback>
    void answer(QObject *context, Callback callback, T result);
    void setConnectionState(ConnectionState state);
    void deliverSamples(const QList<SeriesBatch> &batches);
    Orchestrator *orchestrator() const;
    NetworkController *network() const;

    QPointer<Engine> m_engine;
    ConnectionState m_connectionState = ConnectionState::Disconnected;
    QString m_actor;
    QHash<int, QList<SeriesMatcher>> m_subscriptions;
    int m_nextSubscriptionId = 1;
    QList<Event> m_pendingEvents;
    QTimer m_eventFlush;
    QTimer m_statusTimer;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Continuo
