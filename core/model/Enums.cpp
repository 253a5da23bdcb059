#include "model/Enums.h"

#include <QHash>

namespace Continuo {

namespace {

template<typename Enum, std::size_t N>
Enum lookup(const QString &text, const std::pair<Enum, const char *> (&table)[N])
{
    for (const auto &[value, name] : table) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return value;
    }
    return Enum::Unknown;
}

template<typename Enum, std::size_t N>
QString name(Enum value, const std::pair<Enum, const char *> (&table)[N])
{
    for (const auto &[candidate, text] : table) {
        if (candidate == value)
            return QString::fromLatin1(text);
    }
    return QStringLiteral("unknown");
}

const std::pair<SiteKind, const char *> kSiteKindNames[] = {
    {SiteKind::Unknown, "unknown"},
    {SiteKind::Edge, "edge"},
    {SiteKind::Cloud, "cloud"},
    {SiteKind::Hpc, "hpc"},
};

const std::pair<BackendKind, const char *> kBackendKindNames[] = {
    {BackendKind::Unknown, "unknown"},
    {BackendKind::Simulator, "simulator"},
    {BackendKind::LocalHost, "localhost"},
    {BackendKind::Kubernetes, "kubernetes"},
    {BackendKind::Slurm, "slurm"},
    {BackendKind::Libvirt, "libvirt"},
    {BackendKind::Accelerator, "accelerator"},
};

const std::pair<NodeState, const char *> kNodeStateNames[] = {
    {NodeState::Unknown, "unknown"},
    {NodeState::Ready, "ready"},
    {NodeState::NotReady, "not_ready"},
    {NodeState::Cordoned, "cordoned"},
    {NodeState::Draining, "draining"},
    {NodeState::Down, "down"},
    {NodeState::Maintenance, "maintenance"},
};

const std::pair<SecurityTier, const char *> kSecurityTierNames[] = {
    {SecurityTier::Unknown, "unknown"},
    {SecurityTier::Standard, "standard"},
    {SecurityTier::Hardened, "hardened"},
    {SecurityTier::Confidential, "confidential"},
};

const std::pair<DeviceKind, const char *> kDeviceKindNames[] = {
    {DeviceKind::Unknown, "unknown"},
    {DeviceKind::Gpu, "gpu"},
    {DeviceKind::Fpga, "fpga"},
};

const std::pair<SwitchState, const char *> kSwitchStateNames[] = {
    {SwitchState::Unknown, "unknown"},
    {SwitchState::Up, "up"},
    {SwitchState::Degraded, "degraded"},
    {SwitchState::Down, "down"},
};

const std::pair<LinkState, const char *> kLinkStateNames[] = {
    {LinkState::Unknown, "unknown"},
    {LinkState::Up, "up"},
    {LinkState::Degraded, "degraded"},
    {LinkState::Down, "down"},
};

const std::pair<StorageKind, const char *> kStorageKindNames[] = {
    {StorageKind::Unknown, "unknown"},
    {StorageKind::Edge, "edge"},
    {StorageKind::Cloud, "cloud"},
};

const std::pair<WorkloadKind, const char *> kWorkloadKindNames[] = {
    {WorkloadKind::Unknown, "unknown"},
    {WorkloadKind::Container, "container"},
    {WorkloadKind::VirtualMachine, "vm"},
    {WorkloadKind::Unikernel, "unikernel"},
    {WorkloadKind::HpcJob, "hpc_job"},
    {WorkloadKind::AcceleratedKernel, "accelerated_kernel"},
};

const std::pair<DeploymentState, const char *> kDeploymentStateNames[] = {
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

const std::pair<EventSeverity, const char *> kEventSeverityNames[] = {
    {EventSeverity::Unknown, "unknown"},
    {EventSeverity::Debug, "debug"},
    {EventSeverity::Info, "info"},
    {EventSeverity::Warning, "warning"},
    {EventSeverity::Error, "error"},
    {EventSeverity::Critical, "critical"},
};

} // namespace

QString toString(SiteKind value)
{
    return name(value, kSiteKindNames);
}

template<>
SiteKind enumFromString<SiteKind>(const QString &text)
{
    return lookup(text, kSiteKindNames);
}

QString toString(BackendKind value)
{
    return name(value, kBackendKindNames);
}

template<>
BackendKind enumFromString<BackendKind>(const QString &text)
{
    return lookup(text, kBackendKindNames);
}

QString toString(NodeState value)
{
    return name(value, kNodeStateNames);
}

template<>
NodeState enumFromString<NodeState>(const QString &text)
{
    return lookup(text, kNodeStateNames);
}

QString toString(SecurityTier value)
{
    return name(value, kSecurityTierNames);
}

template<>
SecurityTier enumFromString<SecurityTier>(const QString &text)
{
    return lookup(text, kSecurityTierNames);
}

QString toString(DeviceKind value)
{
    return name(value, kDeviceKindNames);
}

template<>
DeviceKind enumFromString<DeviceKind>(const QString &text)
{
    return lookup(text, kDeviceKindNames);
}

QString toString(SwitchState value)
{
    return name(value, kSwitchStateNames);
}

template<>
SwitchState enumFromString<SwitchState>(const QString &text)
{
    return lookup(text, kSwitchStateNames);
}

QString toString(LinkState value)
{
    return name(value, kLinkStateNames);
}

template<>
LinkState enumFromString<LinkState>(const QString &text)
{
    return lookup(text, kLinkStateNames);
}

QString toString(StorageKind value)
{
    return name(value, kStorageKindNames);
}

template<>
StorageKind enumFromString<StorageKind>(const QString &text)
{
    return lookup(text, kStorageKindNames);
}

QString toString(WorkloadKind value)
{
    return name(value, kWorkloadKindNames);
}

template<>
WorkloadKind enumFromString<WorkloadKind>(const QString &text)
{
    return lookup(text, kWorkloadKindNames);
}

QString toString(DeploymentState value)
{
    return name(value, kDeploymentStateNames);
}

template<>
DeploymentState enumFromString<DeploymentState>(const QString &text)
{
    return lookup(text, kDeploymentStateNames);
}

QString toString(EventSeverity value)
{
    return name(value, kEventSeverityNames);
}

template<>
EventSeverity enumFromString<EventSeverity>(const QString &text)
{
    return lookup(text, kEventSeverityNames);
}

} // namespace Continuo
