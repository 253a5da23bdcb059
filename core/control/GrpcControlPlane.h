#pragma once

#include "control/IControlPlane.h"

#include <QHash>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace Continuo {

/// IControlPlane over continuo.v1 gRPC to a `continuo --daemon` (`continuo --connect HOST:PORT`).
/// Reader threads (one per stream: inventory, events, alerts and silences, each telemetry
/// subscription; plus a status poller) convert messages to model values and post them into this
/// object with queued calls, so signals and callbacks arrive on its thread. Queries and operator
/// actions are asynchronous unary calls with a 10 s deadline. When the daemon goes away the
/// streams reconnect with exponential backoff (0.5 s .. 10 s).
class CONTINUO_CORE_EXPORT GrpcControlPlane : public IControlPlane
{
    Q_OBJECT
public:
    /// `endpoint` is "HOST:PORT".
    explicit GrpcControlPlane(const QString &endpoint, QObject *parent = nullptr);
    ~GrpcControlPlane() override;

    /// Who the daemon records in the audit log for actions taken here (default "console:$USER").
    void setActor(const QString &actor) { m_actor = actor; }

    QString endpoint() const override { return m_endpoint; }
    ConnectionState connectionState() const override { return m_connectionState; }
    QString connectionError() const override { return m_connectionError; }
    void open() override;
    void close() override;

    const Inventory &inventory() const override { return m_inventory; }
    EngineStatus status() const override { return m_status; }
    QList<Event> recentEvents() const override { return m_events; }

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

    QList<Workload> workloads() const override { return m_workloads; }
    QList<Deployment> deployments() const override { return m_deployments; }
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

    // P4 network control (issue 7). Entries travel as JSON in the switch's program, fetched
    // once per switch (GetP4Program) and cached until a Network.Switch event or a reconnect.
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

    /// Events kept for recentEvents() (default 5,000).
    void setRecentEventLimit(int limit) { m_recentEventLimit = limit; }

private:
    struct Channel;
    struct StreamControl;
    struct Mailbox;
    /// Wraps a caller's callback so the result is posted to this object's thread and dropped if
    /// the caller's context object died meanwhile.
    template<typename T>
    static std::function<void(Result<T>)> guardedDelivery(std::shared_ptr<Mailbox> mailbox,
                                                          QObject *context,
                                                          std::function<void(const Result<T> &)> callback);
    struct TelemetrySubscription
    {
        QList<SeriesMatcher> matchers;
        std::shared_ptr<StreamControl> control;
        std::thread thread;
    };

    template<typename Function>
    void post(int generation, Function function);
    /// One unary call: `start` issues it on the stub, `convert` turns the response into the
    /// value `deliver` gets (errors and failed calls become the Result's error).
    template<typename Response, typename Request, typename T, typename Start, typename Convert>
    void unaryCall(Request request, Start start, Convert convert,
                   std::function<void(Result<T>)> deliver);
    void applyAlert(const Alert &alert);
    void applySilence(const Silence &silence);
    void applyDeployment(const Deployment &deployment);
    void applyWorkload(const Workload &workload);
    /// Fetch the workload list again (a deployment of an unknown workload arrived).
    void refreshWorkloads();
    /// The switch's program (cached), then `next` on this thread; failures are not cached.
    void withProgram(const QString &switchId, QObject *context,
                     std::function<void(const Result<P4Program> &)> next);
    /// Drop cached programs a Network.Switch event may have changed.
    void forgetPrograms(const QList<Event> &events);
    void explain(const QString &workloadId, const std::optional<Workload> &intent,
                 QObject *context,
                 std::function<void(const Result<PlacementExplanation> &)> callback);

    void inventoryLoop(std::shared_ptr<StreamControl> control, int generation);
    void eventsLoop(std::shared_ptr<StreamControl> control, int generation);
    void statusLoop(std::shared_ptr<StreamControl> control, int generation);
    void alertsLoop(std::shared_ptr<StreamControl> control, int generation);
    void deploymentsLoop(std::shared_ptr<StreamControl> control, int generation);
    void telemetryLoop(int subscriptionId, QList<SeriesMatcher> matchers,
                       std::shared_ptr<StreamControl> control, int generation);
    void startTelemetry(int subscriptionId, TelemetrySubscription &subscription);
    static void stopTelemetry(TelemetrySubscription &subscription);
    void setConnectionState(ConnectionState state);
    void markDisconnected(const QString &why);

    QString m_endpoint;
    QString m_actor;
    ConnectionState m_connectionState = ConnectionState::Disconnected;
    QString m_connectionError;
    Inventory m_inventory;
    EngineStatus m_status;
    QList<Event> m_events;
    QList<Alert> m_alerts;     ///< Active alerts, oldest first (mirror of the daemon's).
    QList<Silence> m_silences; ///< Silences not ended (mirror of the daemon's).
    QList<Workload> m_workloads;     ///< Mirror of the daemon's workloads, in its order.
    QList<Deployment> m_deployments; ///< Mirror fed by WatchDeployments, in its order.
    QHash<QString, qsizetype> m_deploymentIndex;
    QHash<QString, P4Program> m_programs; ///< P4 programs by switch id ("" : reference).
    bool m_refreshingWorkloads = false;
    int m_recentEventLimit = 5000;
    std::atomic<qint64> m_lastEventSequence{0};

    std::shared_ptr<Mailbox> m_mailbox;        ///< How gRPC callbacks reach this object safely.
    std::shared_ptr<Channel> m_connection;  ///< Channel and stub; null while closed.
    std::shared_ptr<StreamControl> m_control;  ///< Stops the inventory/events/status threads.
    std::vector<std::thread> m_threads;
    std::atomic<int> m_generation{0};
    std::map<int, TelemetrySubscription> m_subscriptions;
    int m_nextSubscriptionId = 1;
};

} // namespace Continuo
