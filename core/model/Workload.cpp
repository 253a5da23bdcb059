#include "model/Workload.h"

namespace Continuo {

QList<DeploymentState> DeploymentStateMachine::nextStates(DeploymentState from)
{
    using S = DeploymentState;
    switch (from) {
    case S::Unknown:
        return {S::Submitted};
    case S::Submitted:
        return {S::Pending, S::Failed, S::Terminated};
    case S::Pending:
        return {S::Scheduled, S::Failed, S::Terminated};
    case S::Scheduled:
        return {S::Assigned, S::Pending, S::Failed, S::Terminated};
    case S::Assigned:
        return {S::InDeployment, S::Failed, S::Terminated};
    case S::InDeployment:
        return {S::Deployed, S::Failed, S::Terminated};
    case S::Deployed:
        return {S::Redeployed, S::Failed, S::Terminated};
    case S::Failed:
        // A failed deployment is either re-placed elsewhere or given up.
        return {S::Redeployed, S::Terminated};
    case S::Redeployed:
        // Re-placement goes through scheduling again.
        return {S::Pending, S::Scheduled, S::Failed, S::Terminated};
    case S::Terminated:
        return {};
    }
    return {};
}

bool DeploymentStateMachine::canTransition(DeploymentState from, DeploymentState to)
{
    return nextStates(from).contains(to);
}

Result<void> DeploymentStateMachine::transition(Deployment &deployment, DeploymentState to,
                                                qint64 timestampMs, const QString &reason)
{
    if (!canTransition(deployment.state, to)) {
        return makeError(QStringLiteral("deployment %1: illegal transition %2 -> %3")
                             .arg(deployment.id, toString(deployment.state), toString(to)));
    }
    deployment.history.append({deployment.state, to, timestampMs, reason});
    deployment.state = to;
    deployment.updatedMs = timestampMs;
    if (!reason.isEmpty())
        deployment.message = reason;
    return {};
}

Deployment DeploymentStateMachine::submit(const QString &id, const QString &workloadId,
                                          qint64 timestampMs)
{
    Deployment deployment;
    deployment.id = id;
    deployment.workloadId = workloadId;
    deployment.createdMs = timestampMs;
    deployment.updatedMs = timestampMs;
    deployment.state = DeploymentState::Submitted;
    deployment.history.append(
        {DeploymentState::Unknown, DeploymentState::Submitted, timestampMs, QString()});
    return deployment;
}

} // namespace Continuo
