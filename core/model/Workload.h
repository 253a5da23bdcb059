#pragma once

#include "model/Topology.h"
#include "util/Result.h"

#include <QList>

namespace Continuo {

struct ResourceRequest
{
    double cpuCores = 0.0;
    qint64 memoryBytes = 0;
    qint64 diskBytes = 0;
    int gpuCount = 0;
    int fpgaCount = 0;
    bool operator==(const ResourceRequest &) const = default;
};

/// An upper bound on the network latency between the workload and a place: a site (by id) or,
/// when siteId is empty, a user location (estimated from great-circle distance).
struct LatencyBound
{
    QString siteId;
    GeoLocation location;
    double maxMs = 0.0;
    bool operator==(const LatencyBound &) const = default;
};

/// Hard constraints of an intent beyond the resource request. Empty fields constrain nothing.
struct PlacementRequirements
{
    QString gpuModel;      ///< Substring of the device model, case-insensitive ("A100").
    QString fpgaModel;
    bool vaccel = false;   ///< Accelerators must be usable through vAccel.
    QString arch;          ///< "x86_64", "aarch64".
    SecurityTier minSecurityTier = SecurityTier::Unknown;
    IsolationKind isolation = IsolationKind::Unknown;
    Labels nodeSelector;   ///< Node labels that must match exactly.
    /// A resource-discovery expression every node must satisfy (ResourceQuery syntax), e.g.
    /// `free_memory between 8GiB and 64GiB and gpu.model = "A100"`.
    QString where;
    QList<LatencyBound> maxLatency;
    QString dataLocation;  ///< Storage location id the workload reads from.
    double dataMaxLatencyMs = 0.0; ///< 0: only prefer sites near the data, do not require it.
    qint64 walltimeSeconds = 0;    ///< HPC jobs: requested wall time.
    QString partition;     ///< HPC jobs: Slurm partition (node label "partition").
    int replicas = 1;
    SpreadScope spread = SpreadScope::Unknown; ///< Anti-affinity between replicas.
    QString pinnedNodeId;  ///< Operator pin: only this node is considered.
    QString pinnedClusterId;
    bool operator==(const PlacementRequirements &) const = default;
};

/// Relative weights of what matters; all zero means the defaults (balanced load and latency).
struct ObjectiveWeights
{
    double latency = 0.0;
    double executionTime = 0.0;
    double energy = 0.0;  ///< Bin-pack onto the fewest nodes.
    double cost = 0.0;
    double balance = 0.0; ///< Spread load.
    bool isZero() const
    {
        return latency == 0.0 && executionTime == 0.0 && energy == 0.0 && cost == 0.0 &&
               balance == 0.0;
    }
    bool operator==(const ObjectiveWeights &) const = default;
};

/// What an operator asked to run (the intent); placement turns it into Deployments.
struct Workload
{
    QString id;
    QString name;
    WorkloadKind kind = WorkloadKind::Unknown;
    ResourceRequest request;
    QString image; ///< Container image, disk image, kernel or job script, by kind.
    QString groupId; ///< Co-location group: workloads with the same group land together.
    Labels labels;
    PlacementRequirements requirements;
    ObjectiveWeights objectives;
    PlacementStrategy strategy = PlacementStrategy::Unknown; ///< Unknown: multi-objective.
    qint64 submittedMs = 0;
    QString submittedBy;
    bool operator==(const Workload &) const = default;
};

/// One recorded state change of a deployment.
struct DeploymentTransition
{
    DeploymentState from = DeploymentState::Unknown;
    DeploymentState to = DeploymentState::Unknown;
    qint64 timestampMs = 0;
    QString reason;
    bool operator==(const DeploymentTransition &) const = default;
};

/// A workload bound (or being bound) to a place in the continuum.
struct Deployment
{
    QString id;
    QString workloadId;
    DeploymentState state = DeploymentState::Unknown;
    QString clusterId;
    QString nodeId;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    QString message; ///< Last human-readable status line from the backend.
    int replica = 0;  ///< Index of the replica of the workload this deployment runs.
    DesiredState desired = DesiredState::Running;
    int attempts = 0; ///< Deploy attempts on the current placement (backoff grows with it).
    qint64 nextAttemptMs = 0; ///< When reconciliation may act on it again (0: now).
    QStringList excludedNodes; ///< Nodes it failed on; re-placement avoids them.
    QStringList constraints; ///< What the backend was told when it schedules itself.
    QList<DeploymentTransition> history;
    bool operator==(const Deployment &) const = default;
};

/// The deployment lifecycle (SERRANO's states):
/// SUBMITTED -> PENDING -> SCHEDULED -> ASSIGNED -> IN_DEPLOYMENT -> DEPLOYED,
/// FAILED or REDEPLOYED on the way, TERMINATED at the end.
class CONTINUO_CORE_EXPORT DeploymentStateMachine
{
public:
    /// Whether `from -> to` is a legal transition.
    static bool canTransition(DeploymentState from, DeploymentState to);
    /// States reachable from `from` in one step.
    static QList<DeploymentState> nextStates(DeploymentState from);
    static bool isFinal(DeploymentState state) { return state == DeploymentState::Terminated; }

    /// Apply a transition, recording it in the history. Fails (and changes nothing) when illegal.
    static Result<void> transition(Deployment &deployment, DeploymentState to, qint64 timestampMs,
                                   const QString &reason);

    /// A new deployment in SUBMITTED.
    static Deployment submit(const QString &id, const QString &workloadId, qint64 timestampMs);
};

} // namespace Continuo
