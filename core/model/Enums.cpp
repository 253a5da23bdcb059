#include "model/Enums.h"

#include "util/EnumNames.h"

namespace Continuo {

namespace {

const Internal::EnumName<SiteKind> kSiteKindNames[] = {
    {SiteKind::Unknown, "unknown"},
    {SiteKind::Edge, "edge"},
    {SiteKind::Cloud, "cloud"},
    {SiteKind::Hpc, "hpc"},
};

const Internal::EnumName<BackendKind> kBackendKindNames[] = {
    {BackendKind::Unknown, "unknown"},
    {BackendKind::Simulator, "simulator"},
    {BackendKind::LocalHost, "localhost"},
    {BackendKind::Kubernetes, "kubernetes"},
    {BackendKind::Slurm, "slurm"},
    {BackendKind::Libvirt, "libvirt"},
    {BackendKind::Accelerator, "accelerator"},
};

const Internal::EnumName<NodeState> kNodeStateNames[] = {
    {NodeState::Unknown, "unknown"},
    {NodeState::Ready, "ready"},
    {NodeState::NotReady, "not_ready"},
    {NodeState::Cordoned, "cordoned"},
    {NodeState::Draining, "draining"},
    {NodeState::Down, "down"},
    {NodeState::Maintenance, "maintenance"},
};

const Internal::EnumName<SecurityTier> kSecurityTierNames[] = {
    {SecurityTier::Unknown, "unknown"},
    {SecurityTier::Standard, "standard"},
    {SecurityTier::Hardened, "hardened"},
    {SecurityTier::Confidential, "confidential"},
};

const Internal::EnumName<DeviceKind> kDeviceKindNames[] = {
    {DeviceKind::Unknown, "unknown"},
    {DeviceKind::Gpu, "gpu"},
    {DeviceKind::Fpga, "fpga"},
};

const Internal::EnumName<SwitchState> kSwitchStateNames[] = {
    {SwitchState::Unknown, "unknown"},
    {SwitchState::Up, "up"},
    {SwitchState::Degraded, "degraded"},
    {SwitchState::Down, "down"},
};

const Internal::EnumName<LinkState> kLinkStateNames[] = {
    {LinkState::Unknown, "unknown"},
    {LinkState::Up, "up"},
    {LinkState::Degraded, "degraded"},
    {LinkState::Down, "down"},
};

const Internal::EnumName<StorageKind> kStorageKindNames[] = {
    {StorageKind::Unknown, "unknown"},
    {StorageKind::Edge, "edge"},
    {StorageKind::Cloud, "cloud"},
};

const Internal::EnumName<WorkloadKind> kWorkloadKindNames[] = {
    {WorkloadKind::Unknown, "unknown"},
    {WorkloadKind::Container, "container"},
    {WorkloadKind::VirtualMachine, "vm"},
    {WorkloadKind::Unikernel, "unikernel"},
    {WorkloadKind::HpcJob, "hpc_job"},
    {WorkloadKind::AcceleratedKernel, "accelerated_kernel"},
};

const Internal::EnumName<DeploymentState> kDeploymentStateNames[] = {
    {DeploymentState::Unknown, "unknown"},
    {DeploymentState::Submitted, "submitted"},
    {DeploymentState::Pending, "pending"},
    {DeploymentState::Scheduled, "scheduled"},
    {DeploymentState::Assigned, "assigned"},
    {DeploymentState::InDeployment, "in_deployment"},
    {DeploymentState::Deployed, "deployed"},
    {DeploymentState::Failed, "failed"},
    {DeploymentState::Redeployed, "redeployed"},
    {DeploymentState::Terminated, "terminated"},
};

const Internal::EnumName<EventSeverity> kEventSeverityNames[] = {
    {EventSeverity::Unknown, "unknown"},
    {EventSeverity::Debug, "debug"},
    {EventSeverity::Info, "info"},
    {EventSeverity::Warning, "warning"},
    {EventSeverity::Error, "error"},
    {EventSeverity::Critical, "critical"},
};

const Internal::EnumName<IsolationKind> kIsolationKindNames[] = {
    {IsolationKind::Unknown, "any"},
    {IsolationKind::Runc, "runc"},
    {IsolationKind::Kata, "kata"},
    {IsolationKind::KataVaccel, "kata-vaccel"},
    {IsolationKind::Unikernel, "unikernel"},
};

const Internal::EnumName<PlacementStrategy> kPlacementStrategyNames[] = {
    {PlacementStrategy::Unknown, "default"},
    {PlacementStrategy::MultiObjective, "multi-objective"},
    {PlacementStrategy::FirstFit, "first-fit"},
    {PlacementStrategy::BestFitSecurity, "best-fit-security"},
    {PlacementStrategy::GreedyResource, "greedy"},
};

const Internal::EnumName<SpreadScope> kSpreadScopeNames[] = {
    {SpreadScope::Unknown, "none"},
    {SpreadScope::Node, "node"},
    {SpreadScope::Site, "site"},
    {SpreadScope::Zone, "zone"},
};

const Internal::EnumName<DesiredState> kDesiredStateNames[] = {
    {DesiredState::Unknown, "unknown"},
    {DesiredState::Running, "running"},
    {DesiredState::Terminated, "terminated"},
};

} // namespace

QString toString(SiteKind value)
{
    return Internal::enumName(value, kSiteKindNames);
}

template<>
SiteKind enumFromString<SiteKind>(const QString &text)
{
    return Internal::enumFromName(text, kSiteKindNames);
}

QString toString(BackendKind value)
{
    return Internal::enumName(value, kBackendKindNames);
}

template<>
BackendKind enumFromString<BackendKind>(const QString &text)
{
    return Internal::enumFromName(text, kBackendKindNames);
}

QString toString(NodeState value)
{
    return Internal::enumName(value, kNodeStateNames);
}

template<>
NodeState enumFromString<NodeState>(const QString &text)
{
    return Internal::enumFromName(text, kNodeStateNames);
}

QString toString(SecurityTier value)
{
    return Internal::enumName(value, kSecurityTierNames);
}

template<>
SecurityTier enumFromString<SecurityTier>(const QString &text)
{
    return Internal::enumFromName(text, kSecurityTierNames);
}

QString toString(DeviceKind value)
{
    return Internal::enumName(value, kDeviceKindNames);
}

template<>
DeviceKind enumFromString<DeviceKind>(const QString &text)
{
    return Internal::enumFromName(text, kDeviceKindNames);
}

QString toString(SwitchState value)
{
    return Internal::enumName(value, kSwitchStateNames);
}

template<>
SwitchState enumFromString<SwitchState>(const QString &text)
{
    return Internal::enumFromName(text, kSwitchStateNames);
}

QString toString(LinkState value)
{
    return Internal::enumName(value, kLinkStateNames);
}

template<>
LinkState enumFromString<LinkState>(const QString &text)
{
    return Internal::enumFromName(text, kLinkStateNames);
}

QString toString(StorageKind value)
{
    return Internal::enumName(value, kStorageKindNames);
}

template<>
StorageKind enumFromString<StorageKind>(const QString &text)
{
    return Internal::enumFromName(text, kStorageKindNames);
}

QString toString(WorkloadKind value)
{
    return Internal::enumName(value, kWorkloadKindNames);
}

template<>
WorkloadKind enumFromString<WorkloadKind>(const QString &text)
{
    return Internal::enumFromName(text, kWorkloadKindNames);
}

QString toString(DeploymentState value)
{
    return Internal::enumName(value, kDeploymentStateNames);
}

template<>
DeploymentState enumFromString<DeploymentState>(const QString &text)
{
    return Internal::enumFromName(text, kDeploymentStateNames);
}

QString toString(EventSeverity value)
{
    return Internal::enumName(value, kEventSeverityNames);
}

template<>
EventSeverity enumFromString<EventSeverity>(const QString &text)
{
    return Internal::enumFromName(text, kEventSeverityNames);
}

QString toString(IsolationKind value)
{
    return Internal::enumName(value, kIsolationKindNames);
}

template<>
IsolationKind enumFromString<IsolationKind>(const QString &text)
{
    return Internal::enumFromName(text, kIsolationKindNames);
}

QString toString(PlacementStrategy value)
{
    return Internal::enumName(value, kPlacementStrategyNames);
}

template<>
PlacementStrategy enumFromString<PlacementStrategy>(const QString &text)
{
    return Internal::enumFromName(text, kPlacementStrategyNames);
}

QString toString(SpreadScope value)
{
    return Internal::enumName(value, kSpreadScopeNames);
}

template<>
SpreadScope enumFromString<SpreadScope>(const QString &text)
{
    return Internal::enumFromName(text, kSpreadScopeNames);
}

QString toString(DesiredState value)
{
    return Internal::enumName(value, kDesiredStateNames);
}

template<>
DesiredState enumFromString<DesiredState>(const QString &text)
{
    return Internal::enumFromName(text, kDesiredStateNames);
}

} // namespace Continuo
