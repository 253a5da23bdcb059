#pragma once

#include "continuo_core_export.h"

#include <QString>

namespace Continuo {

enum class SiteKind { Unknown, Edge, Cloud, Hpc };
enum class BackendKind { Unknown, Simulator, LocalHost, Kubernetes, Slurm, Libvirt, Accelerator };
enum class NodeState { Unknown, Ready, NotReady, Cordoned, Draining, Down, Maintenance };
/// Isolation/trust level a node offers (SERRANO's `security-tier` label).
enum class SecurityTier { Unknown, Standard, Hardened, Confidential };
enum class DeviceKind { Unknown, Gpu, Fpga };
enum class SwitchState { Unknown, Up, Degraded, Down };
enum class LinkState { Unknown, Up, Degraded, Down };
enum class StorageKind { Unknown, Edge, Cloud };
enum class WorkloadKind { Unknown, Container, VirtualMachine, Unikernel, HpcJob, AcceleratedKernel };
enum class DeploymentState {
    Unknown,
    Submitted,
    Pending,
    Scheduled,
    Assigned,
    InDeployment,
    Deployed,
    Failed,
    Redeployed,
    Terminated
};
enum class EventSeverity { Unknown, Debug, Info, Warning, Error, Critical };
/// Sandbox a workload needs (Unknown: any). Kata and unikernels need a hardened node or better.
enum class IsolationKind { Unknown, Runc, Kata, KataVaccel, Unikernel };
/// How the node is chosen among the feasible ones (SERRANO's published algorithms and ours).
enum class PlacementStrategy { Unknown, MultiObjective, FirstFit, BestFitSecurity, GreedyResource };
/// Anti-affinity between replicas of one workload: at most one per node, site or zone.
enum class SpreadScope { Unknown, Node, Site, Zone };
/// What the operator wants of a deployment; reconciliation drives the actual state towards it.
enum class DesiredState { Unknown, Running, Terminated };

/// Stable lower-case names used in files, the API and the UI ("edge", "ready", "in_deployment").
CONTINUO_CORE_EXPORT QString toString(SiteKind value);
CONTINUO_CORE_EXPORT QString toString(BackendKind value);
CONTINUO_CORE_EXPORT QString toString(NodeState value);
CONTINUO_CORE_EXPORT QString toString(SecurityTier value);
CONTINUO_CORE_EXPORT QString toString(DeviceKind value);
CONTINUO_CORE_EXPORT QString toString(SwitchState value);
CONTINUO_CORE_EXPORT QString toString(LinkState value);
CONTINUO_CORE_EXPORT QString toString(StorageKind value);
CONTINUO_CORE_EXPORT QString toString(WorkloadKind value);
CONTINUO_CORE_EXPORT QString toString(DeploymentState value);
CONTINUO_CORE_EXPORT QString toString(EventSeverity value);
CONTINUO_CORE_EXPORT QString toString(IsolationKind value);
CONTINUO_CORE_EXPORT QString toString(PlacementStrategy value);
CONTINUO_CORE_EXPORT QString toString(SpreadScope value);
CONTINUO_CORE_EXPORT QString toString(DesiredState value);

/// Parse the names produced by toString(); unknown text gives the enum's Unknown value.
template<typename Enum>
Enum enumFromString(const QString &text);

template<> CONTINUO_CORE_EXPORT SiteKind enumFromString<SiteKind>(const QString &text);
template<> CONTINUO_CORE_EXPORT BackendKind enumFromString<BackendKind>(const QString &text);
template<> CONTINUO_CORE_EXPORT NodeState enumFromString<NodeState>(const QString &text);
template<> CONTINUO_CORE_EXPORT SecurityTier enumFromString<SecurityTier>(const QString &text);
template<> CONTINUO_CORE_EXPORT DeviceKind enumFromString<DeviceKind>(const QString &text);
template<> CONTINUO_CORE_EXPORT SwitchState enumFromString<SwitchState>(const QString &text);
template<> CONTINUO_CORE_EXPORT LinkState enumFromString<LinkState>(const QString &text);
template<> CONTINUO_CORE_EXPORT StorageKind enumFromString<StorageKind>(const QString &text);
template<> CONTINUO_CORE_EXPORT WorkloadKind enumFromString<WorkloadKind>(const QString &text);
template<> CONTINUO_CORE_EXPORT DeploymentState enumFromString<DeploymentState>(const QString &text);
template<> CONTINUO_CORE_EXPORT EventSeverity enumFromString<EventSeverity>(const QString &text);
template<> CONTINUO_CORE_EXPORT IsolationKind enumFromString<IsolationKind>(const QString &text);
template<> CONTINUO_CORE_EXPORT PlacementStrategy enumFromString<PlacementStrategy>(const QString &text);
template<> CONTINUO_CORE_EXPORT SpreadScope enumFromString<SpreadScope>(const QString &text);
template<> CONTINUO_CORE_EXPORT DesiredState enumFromString<DesiredState>(const QString &text);

} // namespace Continuo
