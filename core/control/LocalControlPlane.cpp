#include "control/LocalControlPlane.h"

#include "network/NetworkController.h"

#include "anomaly/AlertManager.h"
#include "anomaly/AnomalyEngine.h"
#include "engine/Engine.h"
#include "orchestration/PlacementModel.h"
#include "telemetry/TelemetryHub.h"
#include "telemetry/TelemetryQuery.h"

#include <QPointer>
#include <QThreadPool>
#include <QDateTime>
#include <QTimer>

namespace Continuo {

LocalControlPlane::LocalControlPlane(Engine *engine, QObject *parent)
    : IControlPlane(parent)
    , m_engine(engine)
    , m_actor(QStringLiteral("console:") + qEnvironmentVariable("USER", QStringLiteral("operator")))
{
    // Events are handed on in small batches so a burst does not repaint the log per event.
    m_eventFlush.setSingleShot(true);
    m_eventFlush.setInterval(std::chrono::milliseconds(20));
    connect(&m_eventFlush, &QTimer::timeout, this, [this] {
        if (m_pendingEvents.isEmpty())
            return;
        const QList<Event> events = std::exchange(m_pendingEvents, {});
        Q_EMIT eventsReceived(events);
    });
    m_statusTimer.setInterval(std::chrono::seconds(1));
    connect(&m_statusTimer, &QTimer::timeout, this, [this] {
        if (m_engine)
            Q_EMIT statusChanged(m_engine->status());
    });
}

LocalControlPlane::~LocalControlPlane()
{
    close();
}

QString LocalControlPlane::endpoint() const
{
    return tr("embedded engine");
}

QString LocalControlPlane::connectionError() const
{
    if (!m_engine)
        return tr("the engine is gone");
    if (m_engine->state() == EngineState::Failed)
        return m_engine->status().stateMessage;
    return {};
}

void LocalControlPlane::setConnectionState(ConnectionState state)
{
    if (m_connectionState == state)
        return;
    m_connectionState = state;
    Q_EMIT connectionStateChanged(state);
}

void LocalControlPlane::open()
{
    if (!m_engine || m_connectionState == ConnectionState::Connected)
        return;
    m_connections.append(connect(m_engine, &Engine::inventoryChanged, this,
                                 [this](const QList<InventoryDelta> &deltas) {
                                     Q_EMIT inventoryChanged(deltas);
                                 }));
    m_connections.append(connect(m_engine, &Engine::eventPublished, this, [this](const Event &event) {
        m_pendingEvents.append(event);
        if (!m_eventFlush.isActive())
            m_eventFlush.start();
    }));
    m_connections.append(connect(m_engine->telemetry(), &TelemetryHub::samplesPublished, this,
                                 &LocalControlPlane::deliverSamples));
    m_connections.append(connect(m_engine, &Engine::stateChanged, this, [this] {
        Q_EMIT statusChanged(m_engine->status());
    }));
    if (AnomalyEngine *anomaly = m_engine->anomalyEngine()) {
        m_connections.append(connect(anomaly, &AnomalyEngine::alertChanged, this,
                                     &IControlPlane::alertChanged));
        m_connections.append(connect(anomaly->alertManager(), &AlertManager::silenceChanged, this,
                                     &IControlPlane::silenceChanged));
    }
    if (Orchestrator *placement = m_engine->orchestrator()) {
        m_connections.append(connect(placement, &Orchestrator::deploymentChanged, this,
                                     &IControlPlane::deploymentChanged));
        m_connections.append(connect(placement, &Orchestrator::workloadChanged, this,
                                     &IControlPlane::workloadChanged));
    }
    m_statusTimer.start();
    setConnectionState(ConnectionState::Connected);
    Q_EMIT inventoryReset();
    Q_EMIT alertsReset();
    Q_EMIT deploymentsReset();
    Q_EMIT statusChanged(m_engine->status());
}

void LocalControlPlane::close()
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_statusTimer.stop();
    setConnectionState(ConnectionState::Disconnected);
}

const Inventory &LocalControlPlane::inventory() const
{
    static const Inventory empty;
    return m_engine ? m_engine->inventory() : empty;
}

EngineStatus LocalControlPlane::status() const
{
    return m_engine ? m_engine->status() : EngineStatus{};
}

QList<Event> LocalControlPlane::recentEvents() const
{
    return m_engine ? m_engine->recentEvents() : QList<Event>{};
}

int LocalControlPlane::subscribeTelemetry(const QList<SeriesMatcher> &matchers)
{
    const int id = m_nextSubscriptionId++;
    m_subscriptions.insert(id, matchers);
    return id;
}

void LocalControlPlane::unsubscribeTelemetry(int subscriptionId)
{
    m_subscriptions.remove(subscriptionId);
}

void LocalControlPlane::deliverSamples(const QList<SeriesBatch> &batches)
{
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it) {
        QList<SeriesBatch> matching;
        for (const auto &batch : batches) {
            for (const auto &matcher : it.value()) {
                if (matcher.matches(batch)) {
                    matching.append(batch);
                    break;
                }
            }
        }
        if (!matching.isEmpty())
            Q_EMIT samplesReceived(it.key(), matching);
    }
}

void LocalControlPlane::queryRange(const QString &seriesKey, qint64 fromMs, qint64 toMs,
                                   QObject *context,
                                   std::function<void(const Result<QList<Sample>> &)> callback)
{
    Result<QList<Sample>> result = m_engine
                                       ? Result<QList<Sample>>(m_engine->telemetry()->range(seriesKey, fromMs, toMs))
                                       : Result<QList<Sample>>(makeError(tr("the engine is gone")));
    // Answer asynchronously, like the remote control plane does.
    QTimer::singleShot(0, context ? context : this,
                       [callback = std::move(callback), result] { callback(result); });
}

void LocalControlPlane::setNodeState(const QString &nodeId, NodeState state, const QString &reason,
                                     QObject *context, std::function<void(const Result<Node> &)> callback)
{
    Result<Node> result = m_engine ? m_engine->setNodeState(nodeId, state, m_actor, reason)
                                   : Result<Node>(makeError(tr("the engine is gone")));
    QTimer::singleShot(0, context ? context : this,
                       [callback = std::move(callback), result] { callback(result); });
}

template<typename T, typename Callback>
void LocalControlPlane::answer(QObject *context, Callback callback, T result)
{
    // Answer asynchronously, like the remote control plane does.
    QTimer::singleShot(0, context ? context : this,
                       [callback = std::move(callback), result = std::move(result)] { callback(result); });
}

void LocalControlPlane::listSeries(const QString &selector, int limit, QObject *context,
                                   std::function<void(const Result<SeriesListing> &)> callback)
{
    if (!m_engine)
        return answer(context, std::move(callback), Result<SeriesListing>(makeError(tr("the engine is gone"))));
    const TimeSeriesStore &store = m_engine->telemetry()->store();
    auto ids = store.select(selector);
    if (!ids)
        return answer(context, std::move(callback), Result<SeriesListing>(makeError(ids.error())));
    SeriesListing listing;
    listing.series.reserve(qsizetype(std::min<size_t>(ids->size(), size_t(std::max(limit, 0)))));
    for (SeriesId id : *ids) {
        SeriesBatch batch;
        batch.metric = store.metric(id);
        batch.labels = store.labels(id);
        listing.series.append(std::move(batch));
    }
    std::sort(listing.series.begin(), listing.series.end(),
              [](const SeriesBatch &a, const SeriesBatch &b) { return a.key() < b.key(); });
    if (limit >= 0 && listing.series.size() > limit) {
        listing.series.resize(limit);
        listing.truncated = true;
    }
    answer(context, std::move(callback), Result<SeriesListing>(std::move(listing)));
}

void LocalControlPlane::queryChart(const QString &selector, qint64 fromMs, qint64 toMs,
                                   int columnBudget, QObject *context,
                                   std::function<void(const Result<QList<DownsampledSeries>> &)> callback)
{
    using R = Result<QList<DownsampledSeries>>;
    if (!m_engine)
        return answer(context, std::move(callback), R(makeError(tr("the engine is gone"))));
    answer(context, std::move(callback),
           TelemetryQuery(m_engine->telemetry()->store()).downsample(selector, fromMs, toMs, columnBudget));
}

void LocalControlPlane::evaluateQuery(const RangeQuery &query, QObject *context,
                                      std::function<void(const Result<QueryResult> &)> callback)
{
    using R = Result<QueryResult>;
    if (!m_engine)
        return answer(context, std::move(callback), R(makeError(tr("the engine is gone"))));
    answer(context, std::move(callback), TelemetryQuery(m_engine->telemetry()->store()).evaluate(query));
}

QList<Alert> LocalControlPlane::activeAlerts() const
{
    if (!m_engine || !m_engine->anomalyEngine())
        return {};
    return m_engine->anomalyEngine()->activeAlerts();
}

QList<Silence> LocalControlPlane::silences() const
{
    if (!m_engine || !m_engine->anomalyEngine())
        return {};
    return m_engine->anomalyEngine()->silences();
}

void LocalControlPlane::alertHistory(qint64 fromMs, int limit, QObject *context,
                                     std::function<void(const Result<QList<Alert>> &)> callback)
{
    using R = Result<QList<Alert>>;
    if (!m_engine || !m_engine->anomalyEngine())
        return answer(context, std::move(callback), R(makeError(tr("alerting is not running"))));
    answer(context, std::move(callback), m_engine->anomalyEngine()->alertHistory(fromMs, limit));
}

void LocalControlPlane::acknowledgeAlert(const QString &alertId, QObject *context,
                                         std::function<void(const Result<Alert> &)> callback)
{
    using R = Result<Alert>;
    if (!m_engine || !m_engine->anomalyEngine())
        return answer(context, std::move(callback), R(makeError(tr("alerting is not running"))));
    answer(context, std::move(callback), m_engine->anomalyEngine()->acknowledge(alertId, m_actor));
}

void LocalControlPlane::addSilence(const Labels &matchers, const QString &comment, qint64 untilMs,
                                   QObject *context,
                                   std::function<void(const Result<Silence> &)> callback)
{
    using R = Result<Silence>;
    if (!m_engine || !m_engine->anomalyEngine())
        return answer(context, std::move(callback), R(makeError(tr("alerting is not running"))));
    answer(context, std::move(callback),
           m_engine->anomalyEngine()->addSilence(matchers, m_actor, comment, untilMs));
}

void LocalControlPlane::expireSilence(const QString &silenceId, QObject *context,
                                      std::function<void(const Result<Silence> &)> callback)
{
    using R = Result<Silence>;
    if (!m_engine || !m_engine->anomalyEngine())
        return answer(context, std::move(callback), R(makeError(tr("alerting is not running"))));
    answer(context, std::move(callback), m_engine->anomalyEngine()->expireSilence(silenceId, m_actor));
}

void LocalControlPlane::alertRules(QObject *context,
                                   std::function<void(const Result<QList<AlertRule>> &)> callback)
{
    using R = Result<QList<AlertRule>>;
    if (!m_engine || !m_engine->anomalyEngine())
        return answer(context, std::move(callback), R(makeError(tr("alerting is not running"))));
    answer(context, std::move(callback), R(m_engine->anomalyEngine()->rules()));
}

void LocalControlPlane::setAlertRules(const QList<AlertRule> &rules, QObject *context,
                                      ResultCallback callback)
{
    if (!m_engine || !m_engine->anomalyEngine())
        return answer(context, std::move(callback), Result<void>(makeError(tr("alerting is not running"))));
    // The operator path: audited with this plane's actor and stored, so the rules survive a
    // restart of the engine.
    answer(context, std::move(callback), m_engine->anomalyEngine()->setRules(rules, m_actor));
}

Orchestrator *LocalControlPlane::orchestrator() const
{
    return m_engine ? m_engine->orchestrator() : nullptr;
}

QList<Workload> LocalControlPlane::workloads() const
{
    Orchestrator *placement = orchestrator();
    return placement ? placement->workloads() : QList<Workload>{};
}

QList<Deployment> LocalControlPlane::deployments() const
{
    Orchestrator *placement = orchestrator();
    return placement ? placement->deployments() : QList<Deployment>{};
}

void LocalControlPlane::submitWorkloads(const QList<Workload> &intents, bool dryRun,
                                        QObject *context,
                                        std::function<void(const Result<SubmitResult> &)> callback)
{
    using R = Result<SubmitResult>;
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback), R(makeError(tr("placement is not running"))));
    answer(context, std::move(callback), placement->submit(intents, m_actor, dryRun));
}

void LocalControlPlane::explainPlacement(
    const Workload &intent, QObject *context,
    std::function<void(const Result<PlacementExplanation> &)> callback)
{
    using R = Result<PlacementExplanation>;
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback), R(makeError(tr("placement is not running"))));
    answer(context, std::move(callback), R(placement->explain(intent)));
}

void LocalControlPlane::explainWorkload(
    const QString &workloadId, QObject *context,
    std::function<void(const Result<PlacementExplanation> &)> callback)
{
    using R = Result<PlacementExplanation>;
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback), R(makeError(tr("placement is not running"))));
    answer(context, std::move(callback), placement->explainWorkload(workloadId));
}

void LocalControlPlane::whatIf(const QList<WhatIfChange> &changes,
                               const QList<Workload> &newIntents, QObject *context,
                               std::function<void(const Result<WhatIfResult> &)> callback)
{
    using R = Result<WhatIfResult>;
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback), R(makeError(tr("placement is not running"))));
    answer(context, std::move(callback), R(placement->whatIf(changes, newIntents)));
}

void LocalControlPlane::reoptimize(const ReoptimizeOptions &options, bool dryRun,
                                   QObject *context,
                                   std::function<void(const Result<QList<PlannedMove>> &)> callback)
{
    using R = Result<QList<PlannedMove>>;
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback), R(makeError(tr("placement is not running"))));
    answer(context, std::move(callback),
           placement->reoptimize(options, m_actor, tr("operator re-optimisation"), dryRun));
}

void LocalControlPlane::terminateWorkload(const QString &workloadId, QObject *context,
                                          ResultCallback callback)
{
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback),
                      Result<void>(makeError(tr("placement is not running"))));
    answer(context, std::move(callback), placement->terminate(workloadId, m_actor));
}

void LocalControlPlane::pinDeployment(const QString &deploymentId, const QString &nodeId,
                                      bool force, QObject *context,
                                      std::function<void(const Result<PlannedMove> &)> callback)
{
    using R = Result<PlannedMove>;
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback), R(makeError(tr("placement is not running"))));
    answer(context, std::move(callback), placement->pin(deploymentId, nodeId, m_actor, force));
}

void LocalControlPlane::findResources(
    const QString &query, int limit, QObject *context,
    std::function<void(const Result<QList<ResourceMatch>> &)> callback)
{
    using R = Result<QList<ResourceMatch>>;
    if (!m_engine)
        return answer(context, std::move(callback), R(makeError(tr("the engine is gone"))));
    auto parsed = ResourceQuery::parse(query);
    if (!parsed)
        return answer(context, std::move(callback), R(makeError(parsed.error())));
    Orchestrator *placement = orchestrator();
    const PlacementModel model = placement ? placement->currentModel()
                                           : PlacementModel::build(m_engine->inventory().snapshot());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 startedAtMs = m_engine->status().startedAtMs;
    TelemetryHub *telemetry = m_engine->telemetry();
    // Age, as the daemon reports it: since the node's newest CPU sample, or the engine's start.
    const auto age = [&](const QString &nodeId) -> qint64 {
        std::optional<Sample> newest;
        if (telemetry)
            newest = telemetry->latest(seriesKey(QLatin1String(Metrics::NodeCpuUtilisation),
                                                 {{QLatin1String(MetricLabels::Node), nodeId}}));
        const qint64 since = newest ? newest->timestampMs : startedAtMs;
        return since > 0 ? std::max<qint64>(0, now - since) : 0;
    };
    answer(context, std::move(callback), R(Continuo::findResources(model, *parsed, age, limit)));
}

void LocalControlPlane::listBackendObjects(
    const QString &clusterId, const QString &kind, QObject *context,
    std::function<void(const Result<QList<BackendObject>> &)> callback)
{
    using R = Result<QList<BackendObject>>;
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback), R(makeError(tr("placement is not running"))));
    answer(context, std::move(callback), R(placement->backendObjects(clusterId, kind)));
}

void LocalControlPlane::invokeBackendAction(const QString &objectId, const QString &action,
                                            const QVariantMap &arguments, QObject *context,
                                            ResultCallback callback)
{
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback),
                      Result<void>(makeError(tr("placement is not running"))));
    answer(context, std::move(callback),
           placement->invokeBackendAction(objectId, action, arguments, m_actor));
}

void LocalControlPlane::backendObjectLog(const QString &objectId, qint64 maxBytes,
                                         QObject *context,
                                         std::function<void(const Result<QString> &)> callback)
{
    Orchestrator *placement = orchestrator();
    if (!placement)
        return answer(context, std::move(callback),
                      Result<QString>(makeError(tr("placement is not running"))));
    // The read may block (job output over SSH): a pool thread does it, the answer comes back
    // on the context's thread.
    QPointer<QObject> guard = context ? context : this;
    QThreadPool::globalInstance()->start([placement, objectId, maxBytes, guard,
                                          callback = std::move(callback)]() mutable {
        Result<QString> text = placement->backendObjectLog(objectId, maxBytes);
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [callback = std::move(callback), text = std::move(text)] { callback(text); },
            Qt::QueuedConnection);
    });
}

// ---- P4 network control (issue 7) ----------------------------------------------------------------

NetworkController *LocalControlPlane::network() const
{
    return m_engine ? m_engine->network() : nullptr;
}

namespace {
/// Deliver a controller callback (engine thread) on the caller's context.
template<typename T>
std::function<void(const Result<T> &)> onContext(QObject *context, QObject *fallback,
                                                 std::function<void(const Result<T> &)> callback)
{
    QPointer<QObject> guard = context ? context : fallback;
    return [guard, callback = std::move(callback)](const Result<T> &result) {
        if (guard)
            QTimer::singleShot(0, guard.data(), [callback, result] { callback(result); });
    };
}
} // namespace

#define CONTINUO_NEED_NETWORK(T)                                                                     \
    NetworkController *net = network();                                                              \
    if (!net)                                                                                        \
        return answer(context, std::move(callback), Result<T>(makeError(tr("P4 network control is not running"))));

void LocalControlPlane::p4Switches(QObject *context,
                                   std::function<void(const Result<QList<P4SwitchStatus>> &)> callback)
{
    CONTINUO_NEED_NETWORK(QList<P4SwitchStatus>)
    answer(context, std::move(callback), Result<QList<P4SwitchStatus>>(net->switches()));
}

void LocalControlPlane::p4Program(const QString &switchId, QObject *context,
                                  std::function<void(const Result<P4Program> &)> callback)
{
    if (switchId.isEmpty())
        return answer(context, std::move(callback), Result<P4Program>(P4Program::reference()));
    CONTINUO_NEED_NETWORK(P4Program)
    answer(context, std::move(callback), Result<P4Program>(net->program(switchId)));
}

void LocalControlPlane::p4Entries(const QString &switchId, const QString &table, bool withCounters,
                                  QObject *context,
                                  std::function<void(const Result<QList<P4EntryStatus>> &)> callback)
{
    CONTINUO_NEED_NETWORK(QList<P4EntryStatus>)
    net->entries(switchId, table, withCounters, onContext(context, this, std::move(callback)));
}

void LocalControlPlane::setP4Entries(const QString &switchId, const QString &table,
                                     const QList<P4TableEntry> &entries, bool dryRun, QObject *context,
                                     std::function<void(const Result<P4ApplyResult> &)> callback)
{
    CONTINUO_NEED_NETWORK(P4ApplyResult)
    net->setEntries(switchId, table, entries, dryRun, m_actor, onContext(context, this, std::move(callback)));
}

void LocalControlPlane::dryRunP4Packet(const QString &switchId, const QString &packet,
                                       const QList<P4Update> &pending, QObject *context,
                                       std::function<void(const Result<QString> &)> callback)
{
    CONTINUO_NEED_NETWORK(QString)
    answer(context, std::move(callback), net->dryRunPacket(switchId, packet, pending));
}

void LocalControlPlane::connections(QObject *context,
                                    std::function<void(const Result<QList<Connection>> &)> callback)
{
    CONTINUO_NEED_NETWORK(QList<Connection>)
    answer(context, std::move(callback), Result<QList<Connection>>(net->connections()));
}

void LocalControlPlane::upsertConnection(const Connection &connection, bool dryRun, QObject *context,
                                         std::function<void(const Result<Connection> &)> callback)
{
    CONTINUO_NEED_NETWORK(Connection)
    net->upsertConnection(connection, dryRun, m_actor, onContext(context, this, std::move(callback)));
}

void LocalControlPlane::removeConnection(const QString &connectionId, QObject *context,
                                         ResultCallback callback)
{
    CONTINUO_NEED_NETWORK(void)
    net->removeConnection(connectionId, m_actor, onContext<void>(context, this, std::move(callback)));
}

void LocalControlPlane::rerouteConnection(const QString &connectionId, const QStringList &avoidSwitches,
                                          QObject *context,
                                          std::function<void(const Result<Connection> &)> callback)
{
    CONTINUO_NEED_NETWORK(Connection)
    net->rerouteConnection(connectionId, avoidSwitches, m_actor, onContext(context, this, std::move(callback)));
}

void LocalControlPlane::slaRules(QObject *context,
                                 std::function<void(const Result<QList<SlaRule>> &)> callback)
{
    CONTINUO_NEED_NETWORK(QList<SlaRule>)
    answer(context, std::move(callback), Result<QList<SlaRule>>(net->slaRules()));
}

void LocalControlPlane::upsertSlaRule(const SlaRule &rule, QObject *context, ResultCallback callback)
{
    CONTINUO_NEED_NETWORK(void)
    answer(context, std::move(callback), net->upsertSlaRule(rule, m_actor));
}

void LocalControlPlane::removeSlaRule(const QString &ruleId, QObject *context, ResultCallback callback)
{
    CONTINUO_NEED_NETWORK(void)
    answer(context, std::move(callback), net->removeSlaRule(ruleId, m_actor));
}

void LocalControlPlane::reroutes(QObject *context,
                                 std::function<void(const Result<QList<RerouteRecord>> &)> callback)
{
    CONTINUO_NEED_NETWORK(QList<RerouteRecord>)
    answer(context, std::move(callback), Result<QList<RerouteRecord>>(net->reroutes()));
}

#undef CONTINUO_NEED_NETWORK

} // namespace Continuo
