#pragma once

#include "model/Workload.h"

#include <functional>

namespace Continuo {

/// Progress report from a backend about a deployment it drives.
struct DeploymentReport
{
    QString deploymentId;
    DeploymentState state = DeploymentState::Unknown;
    QString message;
    /// Where the backend actually runs it (a self-scheduling backend may pick another node
    /// than the one suggested); empty when not known (yet).
    QString nodeId;
    QString clusterId;
    QString workloadId; ///< Filled by deployments(); optional in progress reports.
};

/// A backend that runs workloads: Kubernetes, Slurm, libvirt, the simulator.
/// The orchestration module calls it; state changes come back through the report callback.
class IComputeBackend
{
public:
    using ReportCallback = std::function<void(const DeploymentReport &)>;

    virtual ~IComputeBackend() = default;
    virtual BackendKind kind() const = 0;
    /// Clusters (inventory ids) this backend drives.
    virtual QStringList clusterIds() const = 0;
    virtual void setReportCallback(ReportCallback callback) = 0;
    /// Start deploying; returns at once, reports progress through the callback. Idempotent per
    /// deployment id: deploying an id the backend already runs or is deploying on the same
    /// node answers with its current state instead of starting a duplicate.
    virtual Result<void> deploy(const Deployment &deployment, const Workload &workload) = 0;
    /// Stop and forget a deployment. Idempotent: terminating an unknown id reports Terminated.
    virtual Result<void> terminate(const QString &deploymentId) = 0;
    /// What the backend runs or is deploying now, with its state. Used after a restart to
    /// adopt what the store knows and clean up orphans. Default: nothing known.
    virtual QList<DeploymentReport> deployments() const { return {}; }
};

} // namespace Continuo
