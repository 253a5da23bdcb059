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
