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
    /// Start deploying; returns at once, reports progress through the callback.
    virtual Result<void> deploy(const Deployment &deployment, const Workload &workload) = 0;
    virtual Result<void> terminate(const QString &deploymentId) = 0;
};

} // namespace Continuo
