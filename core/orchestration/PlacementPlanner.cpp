#include "orchestration/PlacementPlanner.h"

#include "orchestration/PlacementFilters.h"
#include "util/EnumNames.h"

#include <algorithm>

namespace Continuo {

namespace {

const Internal::EnumName<WhatIfChange::Kind> kWhatIfKindNames[] = {
    {WhatIfChange::Kind::Unknown, "unknown"},
    {WhatIfChange::Kind::DrainNode, "drain-node"},
    {WhatIfChange::Kind::FailNode, "fail-node"},
    {WhatIfChange::Kind::FailLink, "fail-link"},
    {WhatIfChange::Kind::FailSite, "fail-site"},
    {WhatIfChange::Kind::AddLoad, "add-load"},
};

/// Largest requests first: they are the hardest to fit once the small ones took the room.
void sortBySize(QList<const Deployment *> &deployments, const QHash<QString, Workload> &workloads)
{
    std::stable_sort(deployments.begin(), deployments.end(),
                     [&workloads](const Deployment *a, const Deployment *b) {
                         const auto &ra = workloads.value(a->workloadId).request;
                         const auto &rb = workloads.value(b->workloadId).request;
                         if (ra.gpuCount != rb.gpuCount)
                             return ra.gpuCount > rb.gpuCount;
                         return ra.cpuCores > rb.cpuCores;
                     });
}

/// A copy of the workload for re-placing one replica: one replica, the spread of its siblings
/// is not tracked (their nodes are excluded instead when spread is on).
Workload singleReplica(const Workload &workload)
{
    Workload copy = workload;
    copy.requirements.replicas = 1;
    return copy;
}

} // namespace

QString toString(WhatIfChange::Kind kind)
{
    return Internal::enumName(kind, kWhatIfKindNames);
}

WhatIfChange::Kind whatIfKindFromString(const QString &text)
{
    return Internal::enumFromName(text, kWhatIfKindNames);
}

bool PlacementPlanner::holdsResources(const Deployment &deployment)
{
    if (deployment.nodeId.isEmpty() || deployment.desired == DesiredState::Terminated)
        return false;
    switch (deployment.state) {
    case DeploymentState::Scheduled:
    case DeploymentState::Assigned:
    case DeploymentState::InDeployment:
    case DeploymentState::Deployed:
    case DeploymentState::Redeployed:
        return true;
    default:
        return false;
    }
}

PlacementModel PlacementPlanner::buildModel(const InventorySnapshot &inventory,
                                            const QList<Deployment> &deployments,
                                            const QHash<QString, Workload> &workloads,
                                            const QHash<QString, double> &liveLinkLatencyMs,
                                            const QSet<QString> &degradedNodes)
{
    PlacementModel model = PlacementModel::build(inventory, liveLinkLatencyMs);
    for (const Deployment &deployment : deployments) {
        if (!holdsResources(deployment))
            continue;
        const auto workload = workloads.constFind(deployment.workloadId);
        const int node = model.nodeIndex(deployment.nodeId);
        if (workload == workloads.cend() || node < 0)
            continue;
        model.allocate(node, workload->request);
    }
    for (const QString &id : degradedNodes) {
        const int node = model.nodeIndex(id);
        if (node >= 0)
            model.setNodeDegraded(node, true);
    }
    return model;
}

namespace {

/// Nodes of the deployment's siblings (other replicas of its workload): a spread workload
/// must keep away from them.
QSet<int> siblingNodes(const PlacementModel &model, const QList<Deployment> &deployments,
                       const Deployment &deployment, const Workload &workload)
{
    QSet<int> nodes;
    if (workload.requirements.spread == SpreadScope::Unknown)
        return nodes;
    for (const Deployment &other : deployments) {
        if (other.id == deployment.id || other.workloadId != deployment.workloadId ||
            !PlacementPlanner::holdsResources(other))
            continue;
        const int otherNode = model.nodeIndex(other.nodeId);
        if (otherNode < 0)
            continue;
        if (workload.requirements.spread == SpreadScope::Node) {
            nodes.insert(otherNode);
        } else {
            // Site or zone spread: every node sharing the sibling's site / zone.
            const auto &slot = model.node(otherNode);
            for (int n = 0; n < model.nodeCount(); ++n) {
                const auto &candidate = model.node(n);
                if ((workload.requirements.spread == SpreadScope::Site &&
                     candidate.site == slot.site) ||
                    (workload.requirements.spread == SpreadScope::Zone &&
                     candidate.zone == slot.zone))
                    nodes.insert(n);
            }
        }
    }
    return nodes;
}

} // namespace

WhatIfResult PlacementPlanner::whatIf(const PlacementModel &model, const Placer &placer,
                                      const QList<Deployment> &deployments,
                                      const QHash<QString, Workload> &workloads,
                                      const QList<WhatIfChange> &changes,
                                      const QList<Workload> &newIntents)
{
    WhatIfResult result;
    PlacementModel changed = model;
    QSet<QString> unavailable;
    for (const WhatIfChange &change : changes) {
        switch (change.kind) {
        case WhatIfChange::Kind::DrainNode:
        case WhatIfChange::Kind::FailNode: {
            const int node = changed.nodeIndex(change.targetId);
            if (node < 0)
                break;
            changed.setNodeState(node, change.kind == WhatIfChange::Kind::DrainNode
                                           ? NodeState::Draining
                                           : NodeState::Down);
            unavailable.insert(change.targetId);
            break;
        }
        case WhatIfChange::Kind::FailLink:
            changed.setLinkUp(change.targetId, false);
            break;
        case WhatIfChange::Kind::FailSite: {
            const int site = changed.siteIndex(change.targetId);
            changed.failSite(site);
            for (int node = 0; node < changed.nodeCount(); ++node) {
                if (site >= 0 && changed.node(node).site == site)
                    unavailable.insert(changed.nodeId(node));
            }
            break;
        }
        case WhatIfChange::Kind::AddLoad: {
            const int node = changed.nodeIndex(change.targetId);
            if (node >= 0) {
                ResourceRequest load;
                load.cpuCores = change.cpuCores;
                load.memoryBytes = change.memoryBytes;
                changed.allocate(node, load);
                --changed.node(node).placements; // load, not a placement
            }
            break;
        }
        case WhatIfChange::Kind::Unknown:
            break;
        }
    }
    result.unavailableNodes = QStringList(unavailable.cbegin(), unavailable.cend());
    result.unavailableNodes.sort();

    // Displaced: on a node that went away, or whose latency/data bounds now break, or on a node
    // now over its capacity (added load).
    QList<const Deployment *> displaced;
    QHash<const Deployment *, QString> reasons;
    for (const Deployment &deployment : deployments) {
        if (!holdsResources(deployment))
            continue;
        const auto workload = workloads.constFind(deployment.workloadId);
        const int node = changed.nodeIndex(deployment.nodeId);
        if (workload == workloads.cend() || node < 0)
            continue;
        const auto &slot = changed.node(node);
        QString reason;
        if (unavailable.contains(deployment.nodeId)) {
            reason = QStringLiteral("node %1 %2").arg(deployment.nodeId, toString(slot.state));
        } else if (!workload->requirements.maxLatency.isEmpty() ||
                   workload->requirements.dataMaxLatencyMs > 0) {
            for (const LatencyBound &bound : workload->requirements.maxLatency) {
                const double latency =
                    bound.siteId.isEmpty()
                        ? changed.latencyToLocationMs(slot.site, bound.location)
                        : changed.siteLatencyMs(slot.site, changed.siteIndex(bound.siteId));
                if (latency > bound.maxMs) {
                    reason = QStringLiteral("latency bound %1 ms broken").arg(bound.maxMs);
                    break;
                }
            }
        }
        if (reason.isEmpty() && (slot.freeCpu() < -1e-9 || slot.freeMemory() < 0))
            reason = QStringLiteral("node %1 overcommitted").arg(deployment.nodeId);
        if (!reason.isEmpty()) {
            displaced.append(&deployment);
            reasons.insert(&deployment, reason);
        }
    }
    sortBySize(displaced, workloads);
    for (const Deployment *deployment : displaced)
        changed.release(changed.nodeIndex(deployment->nodeId),
                        workloads.value(deployment->workloadId).request);

    for (const Deployment *deployment : displaced) {
        const Workload workload = singleReplica(workloads.value(deployment->workloadId));
        QSet<int> excluded = siblingNodes(changed, deployments, *deployment, workload);
        excluded.insert(changed.nodeIndex(deployment->nodeId));
        PlacementOptions options;
        const PlacementExplanation placed = placer.place(changed, workload, options, excluded);
        PlannedMove move;
        move.deploymentId = deployment->id;
        move.workloadId = deployment->workloadId;
        move.fromNodeId = deployment->nodeId;
        move.reason = reasons.value(deployment);
        if (placed.placed) {
            move.toNodeId = placed.decisions.first().nodeId;
            move.toClusterId = placed.decisions.first().clusterId;
            move.scoreAfter = placed.decisions.first().score;
            result.moves.append(move);
        } else {
            move.reason += QStringLiteral("; ") + placed.error;
            result.unplaceable.append(move);
        }
    }
    for (const Workload &intent : newIntents)
        result.newPlacements.append(placer.place(changed, intent));
    return result;
}

QList<PlannedMove> PlacementPlanner::reoptimize(PlacementModel &model, const Placer &placer,
                                                const QList<Deployment> &deployments,
                                                const QHash<QString, Workload> &workloads,
                                                const ReoptimizeOptions &options)
{
    struct Candidate
    {
        const Deployment *deployment = nullptr;
        double gain = 0.0;
    };
    QList<Candidate> candidates;
    QSet<int> scopeNodes;
    for (const QString &id : options.nodes) {
        const int node = model.nodeIndex(id);
        if (node >= 0)
            scopeNodes.insert(node);
    }

    // Rate every deployment in scope against its best alternative (resources released while
    // rating, so the current node competes fairly).
    for (const Deployment &deployment : deployments) {
        if (!holdsResources(deployment))
            continue;
        const int node = model.nodeIndex(deployment.nodeId);
        const auto workload = workloads.constFind(deployment.workloadId);
        if (node < 0 || workload == workloads.cend())
            continue;
        if (!scopeNodes.isEmpty() && !scopeNodes.contains(node))
            continue;
        if (options.evacuate) {
            candidates.append({&deployment, 1.0});
            continue;
        }
        const Workload single = singleReplica(*workload);
        model.release(node, workload->request);
        const double current = placer.rate(model, single, node).total;
        PlacementOptions probe;
        probe.commit = false;
        const auto best = placer.place(model, single, probe,
                                       siblingNodes(model, deployments, deployment, single));
        model.allocate(node, workload->request);
        if (!best.placed || best.decisions.first().nodeId == deployment.nodeId)
            continue;
        const double gain = best.decisions.first().score - current;
        if (gain >= options.minImprovement)
            candidates.append({&deployment, gain});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.gain > b.gain; });

    QList<PlannedMove> moves;
    for (const Candidate &candidate : candidates) {
        if (moves.size() >= options.disruptionBudget)
            break;
        const Deployment &deployment = *candidate.deployment;
        const int node = model.nodeIndex(deployment.nodeId);
        const Workload single = singleReplica(workloads.value(deployment.workloadId));
        model.release(node, single.request);
        const double before = placer.rate(model, single, node).total;
        QSet<int> excluded = siblingNodes(model, deployments, deployment, single);
        if (options.evacuate) {
            excluded.unite(scopeNodes);
            excluded.insert(node);
        }
        const auto placed = placer.place(model, single, {}, excluded);
        if (!placed.placed || placed.decisions.first().nodeId == deployment.nodeId) {
            if (placed.placed) // landed where it was: undo the second allocation
                model.release(model.nodeIndex(placed.decisions.first().nodeId), single.request);
            model.allocate(node, single.request);
            continue;
        }
        if (!options.evacuate &&
            placed.decisions.first().score - before < options.minImprovement) {
            // Earlier moves took the better place: staying is as good.
            model.release(model.nodeIndex(placed.decisions.first().nodeId), single.request);
            model.allocate(node, single.request);
            continue;
        }
        PlannedMove move;
        move.deploymentId = deployment.id;
        move.workloadId = deployment.workloadId;
        move.fromNodeId = deployment.nodeId;
        move.toNodeId = placed.decisions.first().nodeId;
        move.toClusterId = placed.decisions.first().clusterId;
        move.scoreBefore = before;
        move.scoreAfter = placed.decisions.first().score;
        move.reason = options.evacuate
                          ? QStringLiteral("evacuate %1").arg(deployment.nodeId)
                          : QStringLiteral("improves score %1 -> %2")
                                .arg(before, 0, 'f', 2)
                                .arg(move.scoreAfter, 0, 'f', 2);
        moves.append(move);
    }
    return moves;
}

} // namespace Continuo
