#include "orchestration/Orchestrator.h"

#include "anomaly/AnomalyEngine.h"
#include "engine/Engine.h"
#include "plugin/IComputeBackend.h"
#include "plugin/IPlugin.h"
#include "plugin/PluginManager.h"
#include "store/IStateStore.h"
#include "telemetry/TelemetryHub.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUuid>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcOrchestrator, "continuo.orchestration")

namespace Continuo {

namespace {

const QString kSource = QStringLiteral("orchestrator");
const QString kClosedLoopActor = QStringLiteral("automation:closed-loop");
const QString kMoveAction = QStringLiteral("placement.move");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString makeDeploymentId(const QString &workloadId, int replica, int generation)
{
    return QStringLiteral("%1-r%2-%3").arg(workloadId).arg(replica).arg(generation);
}

/// The generation is the last dash-separated part of the id (`<workload>-r<replica>-<gen>`).
int generationOf(const Deployment &deployment)
{
    bool ok = false;
    const int generation = deployment.id.section(QLatin1Char('-'), -1).toInt(&ok);
    return ok ? generation : 0;
}

qint64 stateEnteredMs(const Deployment &deployment)
{
    return deployment.history.isEmpty() ? deployment.createdMs
                                        : deployment.history.constLast().timestampMs;
}

/// The backend has been handed the deployment and is (or was) running it.
bool isWithBackend(DeploymentState state)
{
    return state == DeploymentState::Assigned || state == DeploymentState::InDeployment
           || state == DeploymentState::Deployed;
}

bool isLive(const Deployment &deployment)
{
    return deployment.state != DeploymentState::Terminated
           && deployment.desired != DesiredState::Terminated;
}

Result<void> validateIntent(const Workload &workload)
{
    const QString name = workload.id.isEmpty() ? workload.name : workload.id;
    const QString who = name.isEmpty() ? QStringLiteral("workload") : QStringLiteral("workload %1").arg(name);
    if (workload.kind == WorkloadKind::Unknown)
        return makeError(QStringLiteral("%1: unknown or missing kind").arg(who));
    const ResourceRequest &request = workload.request;
    if (!std::isfinite(request.cpuCores) || request.cpuCores < 0.0)
        return makeError(QStringLiteral("%1: cpu must be a non-negative number").arg(who));
    if (request.memoryBytes < 0 || request.diskBytes < 0)
        return makeError(QStringLiteral("%1: memory and disk must not be negative").arg(who));
    if (request.gpuCount < 0 || request.fpgaCount < 0)
        return makeError(QStringLiteral("%1: accelerator counts must not be negative").arg(who));
    if (workload.requirements.replicas < 1)
        return makeError(QStringLiteral("%1: replicas must be at least 1").arg(who));
    if (workload.requirements.replicas > Placer::MaxReplicas)
        return makeError(QStringLiteral("%1: at most %2 replicas per workload")
                             .arg(who)
                             .arg(Placer::MaxReplicas));
    if (workload.requirements.walltimeSeconds < 0)
        return makeError(QStringLiteral("%1: walltime must not be negative").arg(who));
    for (const LatencyBound &bound : workload.requirements.maxLatency) {
        if (!std::isfinite(bound.maxMs) || bound.maxMs <= 0.0)
            return makeError(QStringLiteral("%1: latency bounds must be positive").arg(who));
    }
    if (!workload.id.isEmpty()) {
        for (const QChar c : workload.id) {
            if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_')
                && c != QLatin1Char('.'))
                return makeError(QStringLiteral("%1: ids may only hold letters, digits, '-', '_' "
                                                "and '.'")
                                     .arg(who));
        }
    }
    return {};
}

} // namespace

struct Orchestrator::Impl
{
    Orchestrator *q = nullptr;
    Engine *engine = nullptr;
    OrchestratorOptions options;
    bool running = false;

    QHash<QString, Workload> workloads;
    QMap<QString, Deployment> deployments; // ordered by id: passes are deterministic
    std::vector<std::unique_ptr<IComputeBackend>> backends;
    QHash<QString, IComputeBackend *> backendByCluster;

    QSet<QString> degradedNodes;
    QHash<QString, QSet<QString>> nodesByAlert; // firing alert id -> nodes it degrades
    QHash<QString, NodeState> nodeStates;
    QTimer timer;
    QList<QMetaObject::Connection> connections;
    bool anomalyDeploymentsDirty = false;

    // --- Helpers -----------------------------------------------------------------------
    std::chrono::milliseconds backoff(int attempts) const
    {
        const int exponent = std::clamp(attempts - 1, 0, 30);
        const double ms = double(options.initialBackoff.count()) * std::pow(2.0, exponent);
        return std::chrono::milliseconds(
            qint64(std::min(ms, double(options.maxBackoff.count()))));
    }

    QList<Deployment> deploymentList() const { return deployments.values(); }

    /// The newest link latencies in ms (measured first, tomography estimates where nothing is
    /// measured); samples older than a minute are ignored and the nominal value stands.
    QHash<QString, double> liveLinkLatencyMs() const
    {
        QHash<QString, double> latencies;
        TelemetryHub *hub = engine->telemetry();
        if (!hub)
            return latencies;
        static const auto matcher =
            SeriesMatcher::parse(QString::fromLatin1(Metrics::LinkLatencySeconds));
        if (!matcher)
            return latencies;
        const qint64 freshAfter = nowMs() - 60'000;
        QSet<QString> measured;
        for (const SeriesBatch &series : hub->series(*matcher)) {
            const QString link = series.labels.value(QLatin1String(MetricLabels::Link));
            if (link.isEmpty())
                continue;
            const auto sample = hub->latest(series.key());
            if (!sample || sample->timestampMs < freshAfter || !std::isfinite(sample->value))
                continue;
            const bool estimated =
                series.labels.value(QStringLiteral("source")) == QLatin1String("estimated");
            if (estimated && measured.contains(link))
                continue;
            if (!estimated)
                measured.insert(link);
            latencies.insert(link, sample->value * 1000.0);
        }
        return latencies;
    }

    PlacementModel buildModel() const
    {
        return PlacementPlanner::buildModel(engine->inventory().snapshot(), deploymentList(),
                                            workloads, liveLinkLatencyMs(), degradedNodes);
    }

    void store(const Deployment &deployment)
    {
        deployments.insert(deployment.id, deployment);
        if (IStateStore *stateStore = engine->store())
            stateStore->writeDeployment(deployment);
        anomalyDeploymentsDirty = true;
        Q_EMIT q->deploymentChanged(deployment);
    }

    void storeWorkload(const Workload &workload)
    {
        workloads.insert(workload.id, workload);
        if (IStateStore *stateStore = engine->store())
            stateStore->writeWorkload(workload);
        Q_EMIT q->workloadChanged(workload);
    }

    bool transition(Deployment &deployment, DeploymentState to, const QString &reason)
    {
        const DeploymentState from = deployment.state;
        if (auto moved = DeploymentStateMachine::transition(deployment, to, nowMs(), reason);
            !moved) {
            qCWarning(lcOrchestrator).noquote() << moved.error();
            return false;
        }
        Event event;
        event.type = QLatin1String(EventTypes::DeploymentState);
        event.severity = to == DeploymentState::Failed ? EventSeverity::Warning : EventSeverity::Info;
        event.source = kSource;
        event.subjectId = deployment.id;
        event.message = QStringLiteral("Deployment %1 of %2: %3 → %4%5%6")
                            .arg(deployment.id, deployment.workloadId, toString(from),
                                 toString(to),
                                 deployment.nodeId.isEmpty()
                                     ? QString()
                                     : QStringLiteral(" on %1").arg(deployment.nodeId),
                                 reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason));
        event.payload = {{QStringLiteral("deployment"), deployment.id},
                         {QStringLiteral("workload"), deployment.workloadId},
                         {QStringLiteral("node"), deployment.nodeId},
                         {QStringLiteral("cluster"), deployment.clusterId},
                         {QStringLiteral("state"), toString(to)},
                         {QStringLiteral("from"), toString(from)},
                         {QStringLiteral("attempts"), deployment.attempts},
                         {QStringLiteral("reason"), reason}};
        engine->publishEvent(event);
        return true;
    }

    void publish(EventSeverity severity, const QString &type, const QString &subject,
                 const QString &message, const QJsonObject &payload)
    {
        Event event;
        event.type = type;
        event.severity = severity;
        event.source = kSource;
        event.subjectId = subject;
        event.message = message;
        event.payload = payload;
        engine->publishEvent(event);
    }

    IComputeBackend *backendFor(const Deployment &deployment) const
    {
        return backendByCluster.value(deployment.clusterId, nullptr);
    }

    /// Record a failure: Failed, retried after the backoff of its attempts.
    void fail(Deployment &deployment, const QString &reason)
    {
        if (!DeploymentStateMachine::canTransition(deployment.state, DeploymentState::Failed))
            return;
        transition(deployment, DeploymentState::Failed, reason);
        deployment.nextAttemptMs =
            nowMs() + backoff(std::max(1, deployment.attempts)).count();
        store(deployment);
    }

    /// Choose a node for one replica (avoiding the nodes it failed on). Sets node, cluster and
    /// constraints; false with the reason when nothing fits.
    bool place(Deployment &deployment, QString *why)
    {
        const auto workload = workloads.constFind(deployment.workloadId);
        if (workload == workloads.cend()) {
            *why = QStringLiteral("workload %1 is unknown").arg(deployment.workloadId);
            return false;
        }
        PlacementModel model = buildModel();
        Workload single = *workload;
        single.requirements.replicas = 1;
        QSet<int> excluded;
        for (const QString &node : std::as_const(deployment.excludedNodes)) {
            if (const int index = model.nodeIndex(node); index >= 0)
                excluded.insert(index);
        }
        // Anti-affinity with the other replicas, which this single-replica request cannot see.
        if (single.requirements.spread == SpreadScope::Node) {
            for (const Deployment &other : std::as_const(deployments)) {
                if (other.workloadId == deployment.workloadId && other.id != deployment.id
                    && other.replica != deployment.replica && isLive(other)) {
                    if (const int index = model.nodeIndex(other.nodeId); index >= 0)
                        excluded.insert(index);
                }
            }
        }
        const PlacementExplanation explanation =
            q->m_placer.place(model, single, PlacementOptions{}, excluded);
        if (!explanation.placed || explanation.decisions.isEmpty()) {
            *why = explanation.error.isEmpty() ? QStringLiteral("no feasible node")
                                               : explanation.error;
            return false;
        }
        const PlacementDecision &decision = explanation.decisions.constFirst();
        deployment.nodeId = decision.nodeId;
        deployment.clusterId = decision.clusterId;
        deployment.constraints = decision.constraints;
        return true;
    }

    /// Hand Scheduled deployments to their backends. Everything is committed to the store
    /// first, so a crash never leaves a backend running something the store does not know.
    void dispatch(const QStringList &ids)
    {
        QStringList handed;
        for (const QString &id : ids) {
            auto it = deployments.find(id);
            if (it == deployments.end() || it->state != DeploymentState::Scheduled)
                continue;
            Deployment deployment = *it;
            ++deployment.attempts;
            deployment.nextAttemptMs = 0;
            transition(deployment, DeploymentState::Assigned,
                       QStringLiteral("attempt %1 on node %2")
                           .arg(deployment.attempts)
                           .arg(deployment.nodeId));
            store(deployment);
            handed.append(id);
        }
        if (handed.isEmpty())
            return;
        if (IStateStore *stateStore = engine->store()) {
            if (auto flushed = stateStore->flush(); !flushed) {
                // Not durable: do not let the backend run what a restart would forget.
                for (const QString &id : std::as_const(handed)) {
                    Deployment deployment = deployments.value(id);
                    fail(deployment,
                         QStringLiteral("cannot store the deployment: %1").arg(flushed.error()));
                }
                return;
            }
        }
        for (const QString &id : std::as_const(handed))
            sendToBackend(id);
    }

    /// deploy() of a deployment the backend may already know (idempotent per id).
    void sendToBackend(const QString &id)
    {
        Deployment deployment = deployments.value(id);
        const Workload workload = workloads.value(deployment.workloadId);
        IComputeBackend *backend = backendFor(deployment);
        if (!backend) {
            fail(deployment, QStringLiteral("no compute backend drives cluster %1")
                                 .arg(deployment.clusterId));
            return;
        }
        if (const Node *node = engine->inventory().find<Node>(deployment.nodeId);
            node && node->state == NodeState::Down) {
            fail(deployment, QStringLiteral("node %1 is down").arg(deployment.nodeId));
            return;
        }
        if (auto deployed = backend->deploy(deployment, workload); !deployed)
            fail(deployment, deployed.error());
    }

    /// HPC jobs end by themselves; their backend reports Terminated when they completed.
    bool isRunToCompletion(const QString &workloadId) const
    {
        const auto it = workloads.constFind(workloadId);
        return it != workloads.cend() && it->kind == WorkloadKind::HpcJob;
    }

    void onReport(const DeploymentReport &report)
    {
        if (!running)
            return;
        auto it = deployments.find(report.deploymentId);
        if (it == deployments.end()) {
            if (report.state != DeploymentState::Terminated) {
                qCWarning(lcOrchestrator) << "terminating orphan deployment"
                                          << report.deploymentId << "reported by cluster"
                                          << report.clusterId;
                if (IComputeBackend *backend = backendByCluster.value(report.clusterId))
                    (void)backend->terminate(report.deploymentId);
            }
            return;
        }
        Deployment deployment = *it;
        if (deployment.state == DeploymentState::Terminated)
            return;
        if (!report.nodeId.isEmpty() && report.nodeId != deployment.nodeId) {
            // A self-scheduling backend picked another node of the cluster: believe it. A report
            // from another cluster is a late one from an earlier placement.
            if (report.clusterId != deployment.clusterId || !isWithBackend(deployment.state))
                return;
            deployment.nodeId = report.nodeId;
        }

        switch (report.state) {
        case DeploymentState::InDeployment:
            if (deployment.state == DeploymentState::Assigned)
                transition(deployment, DeploymentState::InDeployment, report.message);
            break;
        case DeploymentState::Deployed:
            if (deployment.state == DeploymentState::Assigned)
                transition(deployment, DeploymentState::InDeployment, report.message);
            if (deployment.state == DeploymentState::InDeployment)
                transition(deployment, DeploymentState::Deployed, report.message);
            break;
        case DeploymentState::Failed:
            if (deployment.desired == DesiredState::Terminated) {
                transition(deployment, DeploymentState::Terminated, report.message);
                break;
            }
            if (isWithBackend(deployment.state)) {
                fail(deployment, report.message.isEmpty() ? QStringLiteral("the backend failed it")
                                                          : report.message);
                return;
            }
            break;
        case DeploymentState::Terminated:
            if (deployment.desired == DesiredState::Terminated) {
                transition(deployment, DeploymentState::Terminated, report.message);
                break;
            }
            // A batch job that ran to completion is done, not lost: it is not started again.
            if (isRunToCompletion(deployment.workloadId)
                && (deployment.state == DeploymentState::InDeployment
                    || deployment.state == DeploymentState::Deployed)) {
                deployment.desired = DesiredState::Terminated;
                transition(deployment, DeploymentState::Terminated,
                           report.message.isEmpty() ? QStringLiteral("completed") : report.message);
                break;
            }
            // Terminated behind our back (a late answer to a timeout's clean-up is ignored).
            if (deployment.state == DeploymentState::InDeployment
                || deployment.state == DeploymentState::Deployed) {
                fail(deployment, QStringLiteral("the backend terminated it"));
                return;
            }
            break;
        default:
            break;
        }
        if (!report.message.isEmpty())
            deployment.message = report.message;
        if (deployment != *it)
            store(deployment);
        if (deployment.state == DeploymentState::Deployed)
            finishMoves();
    }

    /// Make-before-break: once the newest deployment of a replica runs, older ones go.
    void finishMoves()
    {
        QHash<QPair<QString, int>, QList<QString>> byReplica;
        for (const Deployment &deployment : std::as_const(deployments)) {
            if (isLive(deployment))
                byReplica[{deployment.workloadId, deployment.replica}].append(deployment.id);
        }
        for (auto it = byReplica.cbegin(); it != byReplica.cend(); ++it) {
            if (it->size() < 2)
                continue;
            const Deployment *newest = nullptr;
            for (const QString &id : *it) {
                const Deployment &candidate = deployments[id];
                if (!newest || generationOf(candidate) > generationOf(*newest))
                    newest = &candidate;
            }
            if (newest->state != DeploymentState::Deployed)
                continue;
            const QString newestId = newest->id;
            for (const QString &id : *it) {
                if (id == newestId)
                    continue;
                Deployment old = deployments.value(id);
                requestTermination(old, QStringLiteral("replaced by %1").arg(newestId));
            }
        }
    }

    /// Desired Terminated; the backend is asked to stop it, or it ends here if it never ran.
    void requestTermination(Deployment &deployment, const QString &reason)
    {
        deployment.desired = DesiredState::Terminated;
        deployment.message = reason;
        IComputeBackend *backend = backendFor(deployment);
        if (isWithBackend(deployment.state) && backend) {
            deployment.nextAttemptMs = nowMs() + options.stateTimeout.count();
            store(deployment);
            if (auto stopped = backend->terminate(deployment.id); !stopped)
                qCWarning(lcOrchestrator).noquote() << "terminating" << deployment.id
                                                    << "failed:" << stopped.error();
            return;
        }
        if (backend && !deployment.nodeId.isEmpty())
            (void)backend->terminate(deployment.id); // clean up a failed attempt, if any
        transition(deployment, DeploymentState::Terminated, reason);
        store(deployment);
    }

    void giveUp(Deployment &deployment)
    {
        const QString reason =
            QStringLiteral("given up after %1 placements (failed on %2)")
                .arg(deployment.excludedNodes.size())
                .arg(deployment.excludedNodes.join(QStringLiteral(", ")));
        publish(EventSeverity::Error, QLatin1String(EventTypes::DeploymentState), deployment.id,
                QStringLiteral("Deployment %1 of %2 %3").arg(deployment.id, deployment.workloadId, reason),
                {{QStringLiteral("deployment"), deployment.id},
                 {QStringLiteral("workload"), deployment.workloadId},
                 {QStringLiteral("node"), deployment.nodeId},
                 {QStringLiteral("state"), toString(deployment.state)},
                 {QStringLiteral("reason"), reason}});
        requestTermination(deployment, reason);
    }

    /// A failed deployment whose backoff is over: again on its node, or elsewhere once it
    /// failed there attemptsPerPlacement times. Returns true when it is Scheduled.
    bool retry(Deployment &deployment)
    {
        if (deployment.attempts < options.attemptsPerPlacement && !deployment.nodeId.isEmpty()) {
            transition(deployment, DeploymentState::Redeployed,
                       QStringLiteral("retry %1 on node %2 after backoff")
                           .arg(deployment.attempts + 1)
                           .arg(deployment.nodeId));
            transition(deployment, DeploymentState::Scheduled,
                       QStringLiteral("same node %1").arg(deployment.nodeId));
            store(deployment);
            return true;
        }
        if (!deployment.nodeId.isEmpty() && !deployment.excludedNodes.contains(deployment.nodeId))
            deployment.excludedNodes.append(deployment.nodeId);
        if (deployment.excludedNodes.size() > options.maxReplacements) {
            giveUp(deployment);
            return false;
        }
        const QString from = deployment.nodeId;
        transition(deployment, DeploymentState::Redeployed,
                   QStringLiteral("re-placing after %1 failed attempts on node %2")
                       .arg(deployment.attempts)
                       .arg(from));
        deployment.attempts = 0;
        deployment.nodeId.clear();
        deployment.clusterId.clear();
        deployment.constraints.clear();
        transition(deployment, DeploymentState::Pending,
                   QStringLiteral("avoiding %1").arg(deployment.excludedNodes.join(QStringLiteral(", "))));
        store(deployment);
        return schedulePending(deployment);
    }

    /// Place a Pending deployment; Scheduled on success, else it waits (with backoff).
    bool schedulePending(Deployment &deployment)
    {
        QString why;
        if (!place(deployment, &why)) {
            deployment.message = QStringLiteral("waiting for a feasible node: %1").arg(why);
            deployment.nextAttemptMs = nowMs() + backoff(3).count();
            store(deployment);
            return false;
        }
        transition(deployment, DeploymentState::Scheduled,
                   QStringLiteral("placed on node %1").arg(deployment.nodeId));
        store(deployment);
        return true;
    }

    void reconcile()
    {
        if (!running)
            return;
        const qint64 now = nowMs();
        QStringList toDispatch;
        const QStringList ids = deployments.keys();
        for (const QString &id : ids) {
            Deployment deployment = deployments.value(id);
            if (deployment.state == DeploymentState::Terminated)
                continue;
            if (deployment.desired == DesiredState::Terminated) {
                if (!isWithBackend(deployment.state) || !backendFor(deployment)) {
                    transition(deployment, DeploymentState::Terminated, deployment.message);
                    store(deployment);
                } else if (now >= deployment.nextAttemptMs) {
                    requestTermination(deployment, deployment.message);
                }
                continue;
            }
            switch (deployment.state) {
            case DeploymentState::Deployed:
                break;
            case DeploymentState::Failed:
                if (now >= deployment.nextAttemptMs && retry(deployment))
                    toDispatch.append(id);
                break;
            case DeploymentState::Submitted:
                transition(deployment, DeploymentState::Pending, QString());
                store(deployment);
                if (schedulePending(deployment))
                    toDispatch.append(id);
                break;
            case DeploymentState::Redeployed:
                if (!deployment.nodeId.isEmpty()) {
                    transition(deployment, DeploymentState::Scheduled,
                               QStringLiteral("same node %1").arg(deployment.nodeId));
                    store(deployment);
                    toDispatch.append(id);
                    break;
                }
                transition(deployment, DeploymentState::Pending, QString());
                store(deployment);
                if (schedulePending(deployment))
                    toDispatch.append(id);
                break;
            case DeploymentState::Pending:
                // Waiting for capacity is not a failure: no timeout, placement retried.
                if (now >= deployment.nextAttemptMs && schedulePending(deployment))
                    toDispatch.append(id);
                break;
            case DeploymentState::Scheduled:
                toDispatch.append(id);
                break;
            case DeploymentState::Assigned:
            case DeploymentState::InDeployment:
                if (now - stateEnteredMs(deployment) > options.stateTimeout.count()) {
                    if (IComputeBackend *backend = backendFor(deployment))
                        (void)backend->terminate(deployment.id); // stop the stuck attempt
                    fail(deployment, QStringLiteral("timed out after %1 ms in state %2")
                                         .arg(options.stateTimeout.count())
                                         .arg(toString(deployment.state)));
                }
                break;
            case DeploymentState::Unknown:
            case DeploymentState::Terminated:
                break;
            }
        }
        dispatch(toDispatch);
        finishMoves();
        if (anomalyDeploymentsDirty) {
            anomalyDeploymentsDirty = false;
            if (AnomalyEngine *anomaly = engine->anomalyEngine())
                anomaly->setDeployments(deploymentList());
        }
    }

    /// Start a replacement of `old` on the target; the old one goes once the new one runs.
    Result<QString> applyMove(const Deployment &old, const QString &toNodeId,
                              const QString &toClusterId, const QString &actor,
                              const QString &reason)
    {
        const auto workload = workloads.constFind(old.workloadId);
        if (workload == workloads.cend())
            return makeError(QStringLiteral("workload %1 is unknown").arg(old.workloadId));
        int generation = 0;
        for (const Deployment &other : std::as_const(deployments)) {
            if (other.workloadId == old.workloadId && other.replica == old.replica)
                generation = std::max(generation, generationOf(other));
        }
        const QString newId = makeDeploymentId(old.workloadId, old.replica, generation + 1);
        // Audited before it takes effect: no unaudited move.
        auto audited = engine->recordAudit(actor, kMoveAction, old.id,
                                           {{QStringLiteral("deployment"), old.id},
                                            {QStringLiteral("workload"), old.workloadId},
                                            {QStringLiteral("from"), old.nodeId},
                                            {QStringLiteral("to"), toNodeId},
                                            {QStringLiteral("newDeployment"), newId},
                                            {QStringLiteral("reason"), reason}});
        if (!audited)
            return makeError(QStringLiteral("cannot record the move in the audit log: %1")
                                 .arg(audited.error()));

        PlacementModel model = buildModel();
        Deployment moved = DeploymentStateMachine::submit(newId, old.workloadId, nowMs());
        moved.replica = old.replica;
        transition(moved, DeploymentState::Pending, reason);
        moved.nodeId = toNodeId;
        moved.clusterId = toClusterId;
        if (const int cluster = model.clusterIndex(toClusterId); cluster >= 0)
            moved.constraints = Placer::backendConstraints(model, cluster, *workload);
        transition(moved, DeploymentState::Scheduled,
                   QStringLiteral("moving from %1: %2").arg(old.nodeId, reason));
        store(moved);

        publish(EventSeverity::Info, QLatin1String(EventTypes::PlacementMove), old.id,
                QStringLiteral("Moving %1 of %2 from %3 to %4: %5")
                    .arg(old.id, old.workloadId, old.nodeId, toNodeId, reason),
                {{QStringLiteral("deployment"), old.id},
                 {QStringLiteral("newDeployment"), newId},
                 {QStringLiteral("workload"), old.workloadId},
                 {QStringLiteral("from"), old.nodeId},
                 {QStringLiteral("to"), toNodeId},
                 {QStringLiteral("reason"), reason},
                 {QStringLiteral("actor"), actor},
                 {QStringLiteral("auditId"), audited->id}});
        dispatch({newId});
        return newId;
    }

    /// A newer live deployment of the same replica exists (a move is under way).
    bool isBeingReplaced(const Deployment &deployment) const
    {
        for (const Deployment &other : std::as_const(deployments)) {
            if (other.workloadId == deployment.workloadId && other.replica == deployment.replica
                && isLive(other) && generationOf(other) > generationOf(deployment))
                return true;
        }
        return false;
    }

    void evacuate(const QSet<QString> &nodes, const QString &reason)
    {
        if (!running || !options.closedLoop)
            return;
        ReoptimizeOptions reoptimize;
        reoptimize.nodes = nodes;
        reoptimize.evacuate = true;
        reoptimize.disruptionBudget = options.disruptionBudget;
        auto moves = q->reoptimize(reoptimize, kClosedLoopActor, reason, false);
        if (!moves)
            qCWarning(lcOrchestrator).noquote() << "evacuation failed:" << moves.error();
    }

    void onAlertChanged(const Alert &alert)
    {
        if (!running)
            return;
        if (alert.state != AlertState::Firing) {
            if (!alert.isActive() && nodesByAlert.remove(alert.id) > 0) {
                degradedNodes.clear();
                for (const QSet<QString> &nodes : std::as_const(nodesByAlert))
                    degradedNodes.unite(nodes);
            }
            return;
        }
        if (nodesByAlert.contains(alert.id))
            return;
        QSet<QString> nodes;
        QString where;
        if (!alert.nodeId.isEmpty()) {
            nodes.insert(alert.nodeId);
            where = QStringLiteral("node %1").arg(alert.nodeId);
        } else if (alert.groupKey.startsWith(QLatin1String("site:"))) {
            const QString siteId = alert.siteId.isEmpty() ? alert.groupKey.section(u':', 1)
                                                          : alert.siteId;
            for (const Node &node : engine->inventory().all<Node>()) {
                if (node.siteId == siteId)
                    nodes.insert(node.id);
            }
            where = QStringLiteral("site %1").arg(siteId);
        }
        if (nodes.isEmpty())
            return;
        nodesByAlert.insert(alert.id, nodes);
        degradedNodes.unite(nodes);
        if (!silencedOrOff(alert))
            evacuate(nodes, QStringLiteral("alert %1 firing on %2").arg(alert.ruleId, where));
    }

    bool silencedOrOff(const Alert &alert) const
    {
        return !options.closedLoop || alert.isSilenced();
    }

    void onInventoryChanged(const QList<InventoryDelta> &deltas)
    {
        for (const InventoryDelta &delta : deltas) {
            if (delta.kind != EntityKind::Node)
                continue;
            if (delta.operation == DeltaOperation::Remove) {
                nodeStates.remove(delta.id);
                continue;
            }
            if (!delta.entity)
                continue;
            const Node *node = std::get_if<Node>(&*delta.entity);
            if (!node)
                continue;
            const NodeState previous = nodeStates.value(node->id, NodeState::Unknown);
            nodeStates.insert(node->id, node->state);
            if (previous == node->state)
                continue;
            QString reason;
            if (node->state == NodeState::Draining)
                reason = QStringLiteral("node %1 drained").arg(node->id);
            else if (node->state == NodeState::Down)
                reason = QStringLiteral("node %1 down").arg(node->id);
            if (reason.isEmpty())
                continue;
            // Not from inside the inventory change: the move records audits and events itself.
            QMetaObject::invokeMethod(
                q, [this, nodeId = node->id, reason] { evacuate({nodeId}, reason); },
                Qt::QueuedConnection);
        }
    }

    /// After a restart: resend what was with a backend (idempotent), fail what the backend
    /// lost and terminate what the backend runs that the store does not know.
    void adopt()
    {
        QSet<QString> reported;
        for (const auto &backend : backends) {
            const QList<DeploymentReport> running = backend->deployments();
            for (const DeploymentReport &report : running) {
                reported.insert(report.deploymentId);
                const auto known = deployments.constFind(report.deploymentId);
                if (known == deployments.cend() || known->state == DeploymentState::Terminated) {
                    qCInfo(lcOrchestrator) << "terminating orphan deployment"
                                           << report.deploymentId;
                    (void)backend->terminate(report.deploymentId);
                }
            }
        }
        const QStringList ids = deployments.keys();
        for (const QString &id : ids) {
            Deployment deployment = deployments.value(id);
            if (deployment.desired == DesiredState::Terminated)
                continue;
            if (deployment.state == DeploymentState::Assigned
                || deployment.state == DeploymentState::InDeployment) {
                sendToBackend(id);
            } else if (deployment.state == DeploymentState::Deployed && backendFor(deployment)
                       && !reported.contains(id)) {
                fail(deployment, QStringLiteral("the backend no longer runs it"));
            }
        }
    }
};

Orchestrator::Orchestrator(Engine *engine, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>())
{
    d->q = this;
    d->engine = engine;
    connect(&d->timer, &QTimer::timeout, this, [this] { d->reconcile(); });
}

Orchestrator::~Orchestrator()
{
    stop();
}

Result<void> Orchestrator::start(const OrchestratorOptions &options,
                                 const QList<Workload> &workloads,
                                 const QList<Deployment> &deployments)
{
    if (d->running)
        return makeError(tr("the orchestrator is already running"));
    d->options = options;
    d->workloads.clear();
    d->deployments.clear();
    for (const Workload &workload : workloads)
        d->workloads.insert(workload.id, workload);
    for (const Deployment &deployment : deployments)
        d->deployments.insert(deployment.id, deployment);
    d->nodeStates.clear();
    for (const Node &node : d->engine->inventory().all<Node>())
        d->nodeStates.insert(node.id, node.state);

    if (PluginManager *plugins = d->engine->pluginManager()) {
        for (IPlugin *plugin : plugins->runningPlugins()) {
            std::unique_ptr<IComputeBackend> backend = plugin->createComputeBackend();
            if (!backend)
                continue;
            // Reports may come from any thread and from inside deploy(): always queue them.
            backend->setReportCallback([this](const DeploymentReport &report) {
                QMetaObject::invokeMethod(
                    this, [this, report] { d->onReport(report); }, Qt::QueuedConnection);
            });
            for (const QString &cluster : backend->clusterIds())
                d->backendByCluster.insert(cluster, backend.get());
            d->backends.push_back(std::move(backend));
        }
    }
    d->connections.append(connect(d->engine, &Engine::inventoryChanged, this,
                                  [this](const QList<InventoryDelta> &deltas) {
                                      d->onInventoryChanged(deltas);
                                  }));
    if (AnomalyEngine *anomaly = d->engine->anomalyEngine()) {
        d->connections.append(connect(anomaly, &AnomalyEngine::alertChanged, this,
                                      [this](const Alert &alert) { d->onAlertChanged(alert); }));
        for (const Alert &alert : anomaly->activeAlerts()) {
            if (alert.state == AlertState::Firing && !alert.nodeId.isEmpty()) {
                d->nodesByAlert.insert(alert.id, {alert.nodeId});
                d->degradedNodes.insert(alert.nodeId);
            }
        }
        anomaly->setDeployments(d->deploymentList());
    }
    d->running = true;
    d->adopt();
    d->timer.setInterval(std::max(std::chrono::milliseconds(10), options.reconcileInterval));
    d->timer.start();
    qCInfo(lcOrchestrator) << "orchestrating" << d->workloads.size() << "workloads,"
                           << d->deployments.size() << "deployments with"
                           << d->backends.size() << "compute backends";
    return {};
}

void Orchestrator::stop()
{
    if (!d->running)
        return;
    d->running = false;
    d->timer.stop();
    for (const auto &connection : std::as_const(d->connections))
        disconnect(connection);
    d->connections.clear();
    if (IStateStore *stateStore = d->engine->store()) {
        if (auto flushed = stateStore->flush(); !flushed)
            qCWarning(lcOrchestrator).noquote() << "state store flush failed:" << flushed.error();
    }
    d->backendByCluster.clear();
    d->backends.clear();
    d->nodesByAlert.clear();
    d->degradedNodes.clear();
}

Result<SubmitResult> Orchestrator::submit(const QList<Workload> &intents, const QString &actor,
                                          bool dryRun)
{
    if (intents.isEmpty())
        return makeError(tr("nothing to submit"));
    QList<Workload> prepared = intents;
    QSet<QString> ids;
    const qint64 now = nowMs();
    for (Workload &workload : prepared) {
        if (auto valid = validateIntent(workload); !valid)
            return makeError(valid.error());
        if (workload.id.isEmpty()) {
            do {
                workload.id = QStringLiteral("wl-")
                              + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
            } while (d->workloads.contains(workload.id) || ids.contains(workload.id));
        } else if (d->workloads.contains(workload.id)) {
            return makeError(tr("workload %1 already exists").arg(workload.id));
        } else if (ids.contains(workload.id)) {
            return makeError(tr("workload %1 is submitted twice").arg(workload.id));
        }
        if (workload.name.isEmpty())
            workload.name = workload.id;
        ids.insert(workload.id);
        workload.submittedMs = now;
        workload.submittedBy = actor;
    }
    if (!dryRun && !d->running)
        return makeError(tr("the orchestrator is not running"));

    // Co-location groups are placed atomically, in the order of their first member.
    QList<QList<Workload>> groups;
    QHash<QString, qsizetype> groupIndex;
    for (const Workload &workload : std::as_const(prepared)) {
        if (workload.groupId.isEmpty()) {
            groups.append({workload});
            continue;
        }
        const auto found = groupIndex.constFind(workload.groupId);
        if (found == groupIndex.cend()) {
            groupIndex.insert(workload.groupId, groups.size());
            groups.append({workload});
        } else {
            groups[*found].append(workload);
        }
    }

    SubmitResult result;
    result.dryRun = dryRun;
    result.workloads = prepared;
    PlacementModel model = d->buildModel();
    QList<QPair<QList<Workload>, PlacementExplanation>> placed;
    for (const QList<Workload> &members : std::as_const(groups)) {
        PlacementExplanation explanation =
            members.constFirst().groupId.isEmpty()
                ? m_placer.place(model, members.constFirst())
                : m_placer.placeGroup(model, members);
        result.explanations.append(explanation);
        if (explanation.placed)
            placed.append({members, explanation});
    }
    if (dryRun || placed.isEmpty())
        return result;

    QJsonArray workloadIds;
    for (const auto &[members, explanation] : std::as_const(placed)) {
        for (const Workload &workload : members)
            workloadIds.append(workload.id);
    }
    auto audited = d->engine->recordAudit(actor, QStringLiteral("workload.submit"),
                                          workloadIds.size() == 1 ? workloadIds.at(0).toString()
                                                                  : QString(),
                                          {{QStringLiteral("workloads"), workloadIds}});
    if (!audited)
        return makeError(tr("cannot record the submission in the audit log: %1")
                             .arg(audited.error()));

    QStringList created;
    for (const auto &[members, explanation] : std::as_const(placed)) {
        for (const Workload &workload : members) {
            d->storeWorkload(workload);
            for (const PlacementDecision &decision : explanation.decisions) {
                if (decision.workloadId != workload.id)
                    continue;
                Deployment deployment = DeploymentStateMachine::submit(
                    makeDeploymentId(workload.id, decision.replica, 1), workload.id, nowMs());
                deployment.replica = decision.replica;
                d->transition(deployment, DeploymentState::Pending, tr("submitted by %1").arg(actor));
                deployment.nodeId = decision.nodeId;
                deployment.clusterId = decision.clusterId;
                deployment.constraints = decision.constraints;
                d->transition(deployment, DeploymentState::Scheduled,
                              tr("placed on node %1 (score %2)")
                                  .arg(decision.nodeId)
                                  .arg(decision.score, 0, 'f', 2));
                d->store(deployment);
                created.append(deployment.id);
            }
        }
    }
    d->dispatch(created);
    for (const QString &id : std::as_const(created))
        result.deployments.append(d->deployments.value(id));
    return result;
}

PlacementExplanation Orchestrator::explain(const Workload &intent) const
{
    PlacementModel model = d->buildModel();
    PlacementOptions options;
    options.explain = true;
    options.commit = false;
    return m_placer.place(model, intent, options);
}

Result<PlacementExplanation> Orchestrator::explainWorkload(const QString &workloadId) const
{
    const auto workload = d->workloads.constFind(workloadId);
    if (workload == d->workloads.cend())
        return makeError(tr("no workload \"%1\"").arg(workloadId));
    PlacementModel model = d->buildModel();
    // Its own allocations would count against it: take them out before asking again.
    for (const Deployment &deployment : std::as_const(d->deployments)) {
        if (deployment.workloadId != workloadId || !PlacementPlanner::holdsResources(deployment))
            continue;
        if (const int node = model.nodeIndex(deployment.nodeId); node >= 0)
            model.release(node, workload->request);
    }
    PlacementOptions options;
    options.explain = true;
    options.commit = false;
    return m_placer.place(model, *workload, options);
}

WhatIfResult Orchestrator::whatIf(const QList<WhatIfChange> &changes,
                                  const QList<Workload> &newIntents) const
{
    return PlacementPlanner::whatIf(d->buildModel(), m_placer, d->deploymentList(), d->workloads,
                                    changes, newIntents);
}

Result<QList<PlannedMove>> Orchestrator::reoptimize(const ReoptimizeOptions &options,
                                                    const QString &actor, const QString &reason,
                                                    bool dryRun)
{
    if (!dryRun && !d->running)
        return makeError(tr("the orchestrator is not running"));
    PlacementModel model = d->buildModel();
    // Deployments already being replaced stay where they are until their move completes.
    QList<Deployment> candidates;
    for (const Deployment &deployment : std::as_const(d->deployments)) {
        if (!d->isBeingReplaced(deployment))
            candidates.append(deployment);
    }
    QList<PlannedMove> moves =
        PlacementPlanner::reoptimize(model, m_placer, candidates, d->workloads, options);
    if (!reason.isEmpty()) {
        for (PlannedMove &move : moves)
            move.reason = reason;
    }
    if (dryRun)
        return moves;
    QList<PlannedMove> applied;
    for (const PlannedMove &move : std::as_const(moves)) {
        const auto old = d->deployments.constFind(move.deploymentId);
        if (old == d->deployments.cend())
            continue;
        if (move.toNodeId.isEmpty()) {
            d->publish(EventSeverity::Warning, QLatin1String(EventTypes::PlacementMove),
                       move.deploymentId,
                       tr("Deployment %1 cannot leave node %2: no feasible node (%3)")
                           .arg(move.deploymentId, move.fromNodeId, move.reason),
                       {{QStringLiteral("deployment"), move.deploymentId},
                        {QStringLiteral("from"), move.fromNodeId},
                        {QStringLiteral("reason"), move.reason}});
            applied.append(move);
            continue;
        }
        auto started = d->applyMove(*old, move.toNodeId, move.toClusterId, actor, move.reason);
        if (!started)
            return makeError(started.error());
        applied.append(move);
    }
    return applied;
}

Result<PlannedMove> Orchestrator::pin(const QString &deploymentId, const QString &nodeId,
                                      const QString &actor, bool force)
{
    if (!d->running)
        return makeError(tr("the orchestrator is not running"));
    const auto found = d->deployments.constFind(deploymentId);
    if (found == d->deployments.cend())
        return makeError(tr("no deployment \"%1\"").arg(deploymentId));
    const Deployment deployment = *found;
    if (!isLive(deployment))
        return makeError(tr("deployment %1 is terminated").arg(deploymentId));
    const Node *node = d->engine->inventory().find<Node>(nodeId);
    if (!node)
        return makeError(tr("no node \"%1\"").arg(nodeId));
    if (deployment.nodeId == nodeId)
        return makeError(tr("deployment %1 already runs on node %2").arg(deploymentId, nodeId));
    if (d->isBeingReplaced(deployment))
        return makeError(tr("deployment %1 is already being moved").arg(deploymentId));
    const auto workload = d->workloads.constFind(deployment.workloadId);
    if (workload == d->workloads.cend())
        return makeError(tr("workload %1 is unknown").arg(deployment.workloadId));

    Workload probe = *workload;
    probe.requirements.replicas = 1;
    probe.requirements.pinnedNodeId = nodeId;
    probe.requirements.pinnedClusterId.clear();
    PlacementModel model = d->buildModel();
    PlacementOptions options;
    options.explain = true;
    options.commit = false;
    const PlacementExplanation explanation = m_placer.place(model, probe, options);
    QString clusterId = node->clusterId;
    if (!explanation.placed) {
        QStringList reasons;
        for (const PlacementRejection &rejection : explanation.rejections) {
            if (rejection.candidateId == nodeId
                || (rejection.wholeCluster && rejection.candidateId == node->clusterId))
                reasons.append(QStringLiteral("%1: %2").arg(rejection.filter, rejection.reason));
        }
        if (reasons.isEmpty())
            reasons.append(explanation.error);
        if (!force)
            return makeError(tr("node %1 cannot take deployment %2: %3")
                                 .arg(nodeId, deploymentId, reasons.join(QStringLiteral("; "))));
    } else if (!explanation.decisions.isEmpty()) {
        clusterId = explanation.decisions.constFirst().clusterId;
    }
    const QString reason = force && !explanation.placed
                               ? tr("pinned to node %1 by %2 (forced)").arg(nodeId, actor)
                               : tr("pinned to node %1 by %2").arg(nodeId, actor);
    auto started = d->applyMove(deployment, nodeId, clusterId, actor, reason);
    if (!started)
        return makeError(started.error());
    PlannedMove move;
    move.deploymentId = deploymentId;
    move.workloadId = deployment.workloadId;
    move.fromNodeId = deployment.nodeId;
    move.toNodeId = nodeId;
    move.toClusterId = clusterId;
    move.reason = reason;
    return move;
}

Result<void> Orchestrator::terminate(const QString &workloadId, const QString &actor)
{
    if (!d->running)
        return makeError(tr("the orchestrator is not running"));
    if (!d->workloads.contains(workloadId))
        return makeError(tr("no workload \"%1\"").arg(workloadId));
    QJsonArray ids;
    for (const Deployment &deployment : std::as_const(d->deployments)) {
        if (deployment.workloadId == workloadId && isLive(deployment))
            ids.append(deployment.id);
    }
    auto audited = d->engine->recordAudit(actor, QStringLiteral("workload.terminate"), workloadId,
                                          {{QStringLiteral("deployments"), ids}});
    if (!audited)
        return makeError(tr("cannot record the action in the audit log: %1").arg(audited.error()));
    for (const QJsonValue &id : std::as_const(ids)) {
        Deployment deployment = d->deployments.value(id.toString());
        d->requestTermination(deployment, tr("terminated by %1").arg(actor));
    }
    return {};
}

QList<Workload> Orchestrator::workloads() const
{
    QList<Workload> list = d->workloads.values();
    std::sort(list.begin(), list.end(),
              [](const Workload &a, const Workload &b) { return a.id < b.id; });
    return list;
}

std::optional<Workload> Orchestrator::workload(const QString &id) const
{
    const auto found = d->workloads.constFind(id);
    if (found == d->workloads.cend())
        return std::nullopt;
    return *found;
}

QList<Deployment> Orchestrator::deployments(const QString &workloadId) const
{
    if (workloadId.isEmpty())
        return d->deploymentList();
    QList<Deployment> list;
    for (const Deployment &deployment : std::as_const(d->deployments)) {
        if (deployment.workloadId == workloadId)
            list.append(deployment);
    }
    return list;
}

std::optional<Deployment> Orchestrator::deployment(const QString &id) const
{
    const auto found = d->deployments.constFind(id);
    if (found == d->deployments.cend())
        return std::nullopt;
    return *found;
}

QList<BackendObject> Orchestrator::backendObjects(const QString &clusterId,
                                                 const QString &kind) const
{
    QList<BackendObject> objects;
    for (const auto &backend : d->backends) {
        if (!clusterId.isEmpty() && !backend->clusterIds().contains(clusterId))
            continue;
        for (BackendObject &object : backend->objects()) {
            if ((clusterId.isEmpty() || object.clusterId == clusterId)
                && (kind.isEmpty() || object.kind == kind))
                objects.append(std::move(object));
        }
    }
    std::sort(objects.begin(), objects.end(),
              [](const BackendObject &a, const BackendObject &b) { return a.id < b.id; });
    return objects;
}

Result<QString> Orchestrator::backendObjectLog(const QString &objectId, qint64 maxBytes) const
{
    // backendByCluster is only written by start() and stop(): reading it here is safe.
    auto backend = backendForObject(objectId);
    if (!backend)
        return makeError(backend.error());
    return (*backend)->objectLog(objectId, std::clamp<qint64>(maxBytes, 1, 16 << 20));
}

Result<void> Orchestrator::invokeBackendAction(const QString &objectId, const QString &action,
                                               const QVariantMap &arguments,
                                               const QString &actor)
{
    auto backend = backendForObject(objectId);
    if (!backend)
        return makeError(backend.error());
    if (action.isEmpty())
        return makeError(tr("no action given for %1").arg(objectId));
    auto audited = d->engine->recordAudit(actor, QStringLiteral("backend.%1").arg(action), objectId,
                                          QJsonObject::fromVariantMap(arguments));
    if (!audited)
        return makeError(tr("cannot record the action in the audit log: %1").arg(audited.error()));
    return (*backend)->invokeAction(objectId, action, arguments);
}

Result<IComputeBackend *> Orchestrator::backendForObject(const QString &objectId) const
{
    // Object ids start with their cluster id ("<clusterId>/job/42").
    const QString clusterId = objectId.section(QLatin1Char('/'), 0, 0);
    IComputeBackend *backend = d->backendByCluster.value(clusterId, nullptr);
    if (!backend || clusterId.isEmpty())
        return makeError(tr("no backend drives cluster \"%1\" (object \"%2\")")
                             .arg(clusterId, objectId));
    return backend;
}

PlacementModel Orchestrator::currentModel() const
{
    return d->buildModel();
}

void Orchestrator::reconcile()
{
    d->reconcile();
}

} // namespace Continuo
