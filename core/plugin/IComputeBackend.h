#pragma once

#include "model/Workload.h"

#include <QVariantMap>

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

/// One step of bringing a workload up, as the backend measured it (the VIM studies' phases:
/// accepted, scheduled, xml, defined, started, booted for a VM; submitted, visible, running for
/// a job). Phases are in order; each carries when it was reached.
struct InstantiationPhase
{
    QString name;
    qint64 timestampMs = 0;   ///< Wall-clock time the phase was reached.
    double sinceStartMs = 0.0; ///< Time since the first phase, measured with a monotonic clock.
    bool operator==(const InstantiationPhase &) const = default;
};

/// Something a backend runs or offers that operators see and act on: a Slurm job or partition,
/// a libvirt domain. Ids are unique across backends: "<clusterId>/job/<jobid>",
/// "<clusterId>/partition/<name>", "<clusterId>/domain/<name>".
struct BackendObject
{
    QString id;
    QString kind;         ///< "slurm.job", "slurm.partition", "libvirt.domain".
    QString name;
    QString clusterId;
    QString nodeId;       ///< Inventory node it runs on; empty when not placed (yet).
    QString state;        ///< The backend's own word: "PENDING", "RUNNING", "running", "shut off".
    QString deploymentId; ///< Our deployment it runs; empty for objects started elsewhere.
    qint64 updatedMs = 0;
    /// Backend-specific facts for tables and tooltips (cpus, memoryBytes, partition, exitCode,
    /// reason, vcpus, cpuTimeSeconds, ...). Values are numbers, strings or string lists.
    QVariantMap properties;
    QStringList actions;  ///< What invokeAction() accepts for it now ("cancel", "start", ...).
    QList<InstantiationPhase> phases;
    bool operator==(const BackendObject &) const = default;
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

    /// Jobs, partitions, domains the backend knows now (its last poll or event), for the
    /// console and continuoctl. Cheap: answers from memory, never asks the backend.
    virtual QList<BackendObject> objects() const { return {}; }
    /// Act on an object: "cancel" a job, "start"/"shutdown"/"destroy"/"suspend"/"resume"/
    /// "undefine" a domain, "migrate" it (arguments: "targetNode" = inventory node id).
    /// Returns once the backend accepted the request; the outcome shows in objects() and events.
    /// Up to `maxBytes` of what an object printed: a job's output file, a domain's captured
    /// serial console. Thread-safe and may block (it can read over SSH): never call it on the
    /// engine thread.
    virtual Result<QString> objectLog(const QString &objectId, qint64 maxBytes) const
    {
        Q_UNUSED(maxBytes)
        return makeError(QStringLiteral("%1 keeps no output").arg(objectId));
    }
    virtual Result<void> invokeAction(const QString &objectId, const QString &action,
                                      const QVariantMap &arguments)
    {
        Q_UNUSED(objectId)
        Q_UNUSED(arguments)
        return makeError(QStringLiteral("this backend has no action \"%1\"").arg(action));
    }
};

} // namespace Continuo
