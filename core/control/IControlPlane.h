#pragma once

#include "anomaly/Alert.h"
#include "anomaly/AlertRule.h"
#include "engine/EngineStatus.h"
#include "model/Event.h"
#include "model/Inventory.h"
#include "model/Workload.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/ResourceQuery.h"
#include "telemetry/Series.h"
#include "telemetry/TelemetryQuery.h"

#include <QObject>

#include <functional>

namespace Continuo {

// P4 network types (network/NetworkTypes.h, P4Entry.h, P4Program.h, NetworkModel.h): declared
// here only, so edits to the P4 model do not rebuild every client of the control plane.
class P4Program;
struct P4SwitchStatus;
struct P4EntryStatus;
struct P4TableEntry;
struct P4ApplyResult;
struct P4Update;
struct Connection;
struct SlaRule;
struct RerouteRecord;

/// Series found by a selector, without samples.
struct SeriesListing
{
    QList<SeriesBatch> series; ///< metric + labels, sorted by canonical key
    bool truncated = false;    ///< more series matched than the limit allowed
};

/// The one interface the console (and anything else that shows the continuum) talks to.
/// LocalControlPlane wraps an embedded Engine; GrpcControlPlane speaks continuo.v1 to a daemon.
/// All signals are emitted and all callbacks called on the thread that owns the object.
class CONTINUO_CORE_EXPORT IControlPlane : public QObject
{
    Q_OBJECT
public:
    enum class ConnectionState { Unknown, Connecting, Connected, Disconnected };
    Q_ENUM(ConnectionState)

    using ResultCallback = std::function<void(const Result<void> &)>;

    explicit IControlPlane(QObject *parent = nullptr);
    ~IControlPlane() override;

    /// "embedded engine" or "HOST:PORT".
    virtual QString endpoint() const = 0;
    virtual ConnectionState connectionState() const = 0;
    /// Why the connection was lost or refused; empty while connected.
    virtual QString connectionError() const = 0;

    /// Connect (or attach to the engine) and start receiving inventory, events and status.
    virtual void open() = 0;
    virtual void close() = 0;

    /// Mirror of the inventory, already updated when inventoryChanged/inventoryReset fire.
    virtual const Inventory &inventory() const = 0;
    /// Last known engine status.
    virtual EngineStatus status() const = 0;
    /// Events received so far (bounded, oldest first).
    virtual QList<Event> recentEvents() const = 0;

    /// Live samples for the matching series arrive through samplesReceived with the returned id.
    virtual int subscribeTelemetry(const QList<SeriesMatcher> &matchers) = 0;
    virtual void unsubscribeTelemetry(int subscriptionId) = 0;
    /// Stored samples of one series in [fromMs, toMs]; callback runs on this object's thread
    /// unless `context` is destroyed first.
    virtual void queryRange(const QString &seriesKey, qint64 fromMs, qint64 toMs,
                            QObject *context,
                            std::function<void(const Result<QList<Sample>> &)> callback) = 0;

    /// Series matching a selector (`metric{a="x",b=~"re.*"}`, `{__name__=~"node_.*"}`), at most
    /// `limit`, sorted by canonical key. For metric browsers.
    virtual void listSeries(const QString &selector, int limit, QObject *context,
                            std::function<void(const Result<SeriesListing> &)> callback) = 0;
    /// Min/max per column of every matching series over [fromMs, toMs], at most `columnBudget`
    /// columns each (rollups for long ranges). For charts.
    virtual void queryChart(const QString &selector, qint64 fromMs, qint64 toMs, int columnBudget,
                            QObject *context,
                            std::function<void(const Result<QList<DownsampledSeries>> &)> callback) = 0;
    /// A step-aligned query with optional rate/increase and aggregation.
    virtual void evaluateQuery(const RangeQuery &query, QObject *context,
                               std::function<void(const Result<QueryResult> &)> callback) = 0;

    /// Alerts pending or firing, mirrored like the inventory (already updated when
    /// alertChanged fires), oldest first.
    virtual QList<Alert> activeAlerts() const = 0;
    /// Silences that have not ended, mirrored (already updated when silenceChanged fires).
    virtual QList<Silence> silences() const = 0;
    /// Alerts of any state that started at or after fromMs, newest first, at most `limit`.
    virtual void alertHistory(qint64 fromMs, int limit, QObject *context,
                              std::function<void(const Result<QList<Alert>> &)> callback) = 0;
    /// Operator actions on alerts, audited by the engine.
    virtual void acknowledgeAlert(const QString &alertId, QObject *context,
                                  std::function<void(const Result<Alert> &)> callback) = 0;
    virtual void addSilence(const Labels &matchers, const QString &comment, qint64 untilMs,
                            QObject *context,
                            std::function<void(const Result<Silence> &)> callback) = 0;
    virtual void expireSilence(const QString &silenceId, QObject *context,
                               std::function<void(const Result<Silence> &)> callback) = 0;
    /// The alert rules in force, and replacing them (validated as a whole, audited, persisted).
    virtual void alertRules(QObject *context,
                            std::function<void(const Result<QList<AlertRule>> &)> callback) = 0;
    virtual void setAlertRules(const QList<AlertRule> &rules, QObject *context,
                               ResultCallback callback) = 0;

    /// Operator action, audited by the engine.
    virtual void setNodeState(const QString &nodeId, NodeState state, const QString &reason,
                              QObject *context, std::function<void(const Result<Node> &)> callback) = 0;

    // ---- workload placement (issue 5) ----------------------------------------------------

    /// Workloads known to the engine, mirrored (already updated when workloadChanged fires).
    virtual QList<Workload> workloads() const = 0;
    /// Every deployment, mirrored (already updated when deploymentChanged fires; replaced on
    /// deploymentsReset).
    virtual QList<Deployment> deployments() const = 0;
    /// Validate and place intents; a dry run changes nothing and only explains. Audited.
    virtual void submitWorkloads(const QList<Workload> &intents, bool dryRun, QObject *context,
                                 std::function<void(const Result<SubmitResult> &)> callback) = 0;
    /// Where `intent` would go now, with every rejection and relaxation (no side effects).
    virtual void explainPlacement(const Workload &intent, QObject *context,
                                  std::function<void(const Result<PlacementExplanation> &)> callback) = 0;
    /// Why a stored workload is where it is.
    virtual void explainWorkload(const QString &workloadId, QObject *context,
                                 std::function<void(const Result<PlacementExplanation> &)> callback) = 0;
    /// What would move (or have nowhere to go) under hypothetical changes; nothing is applied.
    virtual void whatIf(const QList<WhatIfChange> &changes, const QList<Workload> &newIntents,
                        QObject *context,
                        std::function<void(const Result<WhatIfResult> &)> callback) = 0;
    /// Moves that improve the objective or evacuate `options.nodes`; applied unless dryRun.
    virtual void reoptimize(const ReoptimizeOptions &options, bool dryRun, QObject *context,
                            std::function<void(const Result<QList<PlannedMove>> &)> callback) = 0;
    /// Terminate every deployment of a workload. Audited.
    virtual void terminateWorkload(const QString &workloadId, QObject *context,
                                   ResultCallback callback) = 0;
    /// Move one deployment to an operator-chosen node; refused with the filters' reasons when
    /// the node cannot take it, unless `force`. Audited.
    virtual void pinDeployment(const QString &deploymentId, const QString &nodeId, bool force,
                               QObject *context,
                               std::function<void(const Result<PlannedMove> &)> callback) = 0;
    /// Nodes matching a ResourceQuery (`free_memory > 8GiB and gpu.model = A100`), at most
    /// `limit` (<= 0: all). A query that does not parse is an error with the column.
    virtual void findResources(const QString &query, int limit, QObject *context,
                               std::function<void(const Result<QList<ResourceMatch>> &)> callback) = 0;
    /// Jobs, partitions and domains the backend plugins know (empty filters: all).
    virtual void listBackendObjects(const QString &clusterId, const QString &kind, QObject *context,
                                    std::function<void(const Result<QList<BackendObject>> &)> callback) = 0;
    /// Cancel a job, start/shutdown/destroy/suspend/resume/undefine/migrate a domain. Audited.
    virtual void invokeBackendAction(const QString &objectId, const QString &action,
                                     const QVariantMap &arguments, QObject *context,
                                     ResultCallback callback) = 0;
    /// Up to `maxBytes` of a job's output or a domain's serial console (read off the engine
    /// thread; it may travel over SSH).
    virtual void backendObjectLog(const QString &objectId, qint64 maxBytes, QObject *context,
                                  std::function<void(const Result<QString> &)> callback) = 0;

    // ---- P4 network control and in-band telemetry (issue 7) --------------------------------
    // Changes to switches, entries, connections and SLA rules arrive as events of type
    // "Network.*" (EventTypes::Network...); views refresh on them.

    /// The P4 switches the network controller knows and their state.
    virtual void p4Switches(QObject *context,
                            std::function<void(const Result<QList<P4SwitchStatus>> &)> callback) = 0;
    /// The program a switch runs (its P4Info); empty switch id: the reference pipeline.
    virtual void p4Program(const QString &switchId, QObject *context,
                           std::function<void(const Result<P4Program> &)> callback) = 0;
    /// Desired and installed entries of one table of a switch (empty table: all), with direct
    /// counters when `withCounters` (read from the switch).
    virtual void p4Entries(const QString &switchId, const QString &table, bool withCounters,
                           QObject *context,
                           std::function<void(const Result<QList<P4EntryStatus>> &)> callback) = 0;
    /// Make `entries` the desired content of `table` on the switch (empty table: every table):
    /// validated as a set, diffed against what the switch has, written in one atomic batch
    /// (restored on failure) and stored. A dry run only validates and diffs. Audited.
    virtual void setP4Entries(const QString &switchId, const QString &table,
                              const QList<P4TableEntry> &entries, bool dryRun, QObject *context,
                              std::function<void(const Result<P4ApplyResult> &)> callback) = 0;
    /// Evaluate a packet ("in_port=1 ip_src=... dport=80", see P4PacketHeaders) against the
    /// switch's desired entries with `pending` updates applied on top (nothing is changed).
    /// The answer is the pipeline trace as text.
    virtual void dryRunP4Packet(const QString &switchId, const QString &packet,
                                const QList<P4Update> &pending, QObject *context,
                                std::function<void(const Result<QString> &)> callback) = 0;
    virtual void connections(QObject *context,
                             std::function<void(const Result<QList<Connection>> &)> callback) = 0;
    /// Create or change a connection: path computed (or the pinned one checked), entries
    /// written on every switch of the path. A dry run returns the connection with its path and
    /// writes nothing. Audited.
    virtual void upsertConnection(const Connection &connection, bool dryRun, QObject *context,
                                  std::function<void(const Result<Connection> &)> callback) = 0;
    virtual void removeConnection(const QString &connectionId, QObject *context,
                                  ResultCallback callback) = 0;
    /// Move a connection off `avoidSwitches` (empty: back to its pinned/shortest path). Audited.
    virtual void rerouteConnection(const QString &connectionId, const QStringList &avoidSwitches,
                                   QObject *context,
                                   std::function<void(const Result<Connection> &)> callback) = 0;
    virtual void slaRules(QObject *context,
                          std::function<void(const Result<QList<SlaRule>> &)> callback) = 0;
    virtual void upsertSlaRule(const SlaRule &rule, QObject *context, ResultCallback callback) = 0;
    virtual void removeSlaRule(const QString &ruleId, QObject *context, ResultCallback callback) = 0;
    /// Reroutes so far, newest last.
    virtual void reroutes(QObject *context,
                          std::function<void(const Result<QList<RerouteRecord>> &)> callback) = 0;

Q_SIGNALS:
    void connectionStateChanged(Continuo::IControlPlane::ConnectionState state);
    /// The inventory mirror was replaced wholesale (first connect, reconnect).
    void inventoryReset();
    void inventoryChanged(const QList<Continuo::InventoryDelta> &deltas);
    void eventsReceived(const QList<Continuo::Event> &events);
    void samplesReceived(int subscriptionId, const QList<Continuo::SeriesBatch> &batches);
    void statusChanged(const Continuo::EngineStatus &status);
    /// An alert was created, changed state, was acknowledged or silenced, or resolved (then it
    /// is no longer in activeAlerts()). The whole set was replaced on alertsReset.
    void alertChanged(const Continuo::Alert &alert);
    void alertsReset();
    void silenceChanged(const Continuo::Silence &silence);
    /// A deployment was created or changed (state, node, message). The whole set was replaced
    /// on deploymentsReset.
    void deploymentChanged(const Continuo::Deployment &deployment);
    void deploymentsReset();
    /// A workload was submitted or changed.
    void workloadChanged(const Continuo::Workload &workload);
};

} // namespace Continuo
