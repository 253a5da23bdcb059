#pragma once

#include "model/Workload.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Continuo::Libvirt {

/// XML namespace of the metadata element that marks a domain as ours.
inline constexpr auto MetadataNamespace = "https://continuo.dev/libvirt/1";
/// Prefix (key) of that metadata element in the domain XML.
inline constexpr auto MetadataPrefix = "continuo";

/// One NUMA cell of a host, from its capabilities.
struct NumaCell
{
    int id = 0;
    QList<int> cpus;
    qint64 memoryBytes = 0;
    bool operator==(const NumaCell &) const = default;
};

/// What the domain XML depends on about the host that will run it.
struct HostFacts
{
    QString domainType;  ///< "kvm", "qemu", "xen" or "test" (the guest domain type it offers).
    QString arch;        ///< Guest architecture ("x86_64"); empty lets libvirt choose.
    QList<NumaCell> numaCells;
    bool operator==(const HostFacts &) const = default;
};

/// The result of building a domain: its identity and definition.
struct DomainSpec
{
    QString name;
    QString uuid;           ///< Without braces.
    QString xml;
    QString consoleLogPath; ///< Where the serial console is captured; empty when there is none.
    int vcpus = 0;
    qint64 memoryBytes = 0;
    QList<int> pinnedCpus;  ///< Host cpus the vCPUs are pinned to (in vCPU order); empty: none.
    int numaCell = -1;      ///< Cell the memory is bound to; -1: none.
};

/// The continuo metadata found in a domain's XML.
struct DomainMetadata
{
    QString deploymentId;
    QString workloadId;
    bool isPoolShell = false;
    bool isOurs() const { return isPoolShell || !deploymentId.isEmpty(); }
};

/// What operators see of a domain, read from its XML.
struct DomainDescription
{
    QString name;
    QString uuid;
    QString type;
    int vcpus = 0;
    qint64 memoryBytes = 0;
    QStringList disks;      ///< Source file (or target device when there is no source).
    QStringList interfaces; ///< "network:default 52:54:00:..", "bridge:br0 ...".
    QString consoleLogPath;
    DomainMetadata metadata;
};

/// Pure function from intent (workload + deployment) and host facts to libvirt domain XML.
///
/// Workload labels read:
///  - `libvirt.network`: network name ("default" for VMs; unikernels get none unless set;
///    "none" for no interface),
///  - `libvirt.cmdline` / `libvirt.initrd`: kernel command line and initrd of a unikernel,
///  - `libvirt.hostdev`: accelerator passthrough, comma-separated "pci:DDDD:BB:SS.F" or
///    "mdev:<uuid>",
///  - `libvirt.pinning`: "none" disables vCPU pinning and NUMA binding.
/// Every value is validated (no control characters, absolute image paths, well-formed PCI
/// addresses, names without '/') and XML-escaped.
class DomainXmlBuilder
{
public:
    /// Domain name of a deployment: "continuo-" + the id with characters outside
    /// [A-Za-z0-9_.-] replaced by '-'.
    static QString domainName(const QString &deploymentId);
    /// Stable UUID of a deployment's domain (name-based, so a retry defines the same domain).
    static QString domainUuid(const QString &deploymentId);

    /// Build the domain for a deployment. `logDirectory` receives the console log
    /// ("<name>.log").
    static Result<DomainSpec> build(const Deployment &deployment, const Workload &workload,
                                    const HostFacts &host, const QString &logDirectory);
    /// Build a warm-pool shell: the domain `shape` would give, under `shellName`, marked as a
    /// pool shell in the metadata instead of carrying a deployment.
    static Result<DomainSpec> buildPoolShell(const QString &shellName, const Workload &shape,
                                             const HostFacts &host, const QString &logDirectory);

    /// Read the interesting parts of a domain XML (as virDomainGetXMLDesc returns it).
    static DomainDescription describe(const QString &domainXml);

    /// Memory a workload gets when its request says 0: 512 MiB for a VM, 32 MiB for a unikernel.
    static qint64 defaultMemoryBytes(WorkloadKind kind);
    /// The metadata element body for virDomainSetMetadata (without the namespace declaration).
    static QString metadataElement(const QString &deploymentId, const QString &workloadId);
};

} // namespace Continuo::Libvirt
