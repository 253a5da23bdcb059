#pragma once

#include "LibvirtHost.h"

#include "model/Inventory.h"
#include "plugin/IComputeBackend.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace Continuo {
class IPluginHost;
}

namespace Continuo::Libvirt {

/// One host of a cluster in the settings.
struct HostSettings
{
    QString uri;
    QString nodeId; ///< Empty: "<clusterId>-<hostname>" once connected.
};

/// One libvirt cluster in the settings.
struct ClusterSettings
{
    QString id;
    QString name;
    QString siteId;
    QList<HostSettings> hosts;
    int warmPool = 0;           ///< Pre-defined shells per host.
    std::optional<Workload> warmPoolShape; ///< Required when warmPool > 0.
    int statsIntervalMs = 5000;
    QString logDirectory;
    QRegularExpression bootMarker;
    int bootTimeoutMs = 120000;
};

/// Settings of the libvirt compute backend (the plugin's settings):
/// ```
/// {"clusters": [{
///     "id": "kvm-a", "name": "KVM rack A", "site": "<existing site id>",
///     "hosts": [{"uri": "qemu:///system", "node": "<inventory node id>"}, ...],
///     "warmPool": 0,              // shells kept defined-but-not-started per host
///     "warmPoolShape": {"kind": "unikernel" | "virtual_machine", "image": "/abs/path",
///                       "memoryBytes": 67108864, "cpuCores": 1, "labels": {...}},
///     "statsIntervalMs": 5000,
///     "logDirectory": "<pluginDataDirectory>/logs",
///     "bootMarker": "CONTINUO-GUEST-BOOTED|login:|Welcome",
///     "bootTimeoutMs": 120000 }]}
/// ```
/// "node" defaults to "<clusterId>-<hostname>" (with "-<n>" added when two hosts of the backend
/// report the same hostname). A deploy fits the warm pool when its kind, image and libvirt.*
/// labels equal the shape's and its cpu and memory requests are no larger.
struct BackendSettings
{
    QList<ClusterSettings> clusters;
    /// Validate and read; `defaultLogDirectory` is used where "logDirectory" is absent.
    static Result<BackendSettings> parse(const QVariantMap &settings,
                                         const QString &defaultLogDirectory);
};

/// Runs VMs and unikernels as libvirt domains on Xen/KVM/QEMU hosts (and the test driver).
///
/// Lives on the engine thread; every libvirt call runs on the worker thread of the host
/// concerned (LibvirtHost). Shared state is guarded by one mutex, so objects() and
/// deployments() answer from memory at once. A deploy goes through the phases accepted,
/// scheduled, xml, defined (or "xml (from pool)", "defined (from pool)" when a warm-pool shell is
/// taken), started and, when the boot marker shows in the captured serial console, booted;
/// it is reported InDeployment, then Deployed once started. Domains carry
/// `<continuo:deployment id=... workload=...>` metadata, so a new backend object re-adopts them.
/// Lifecycle events drive every state change seen in objects(); each is published as a
/// Backend.Object event.
class LibvirtComputeBackend final : public IComputeBackend, public LibvirtHostListener
{
public:
    LibvirtComputeBackend(IPluginHost *host, BackendSettings settings);
    ~LibvirtComputeBackend() override;

    BackendKind kind() const override { return BackendKind::Libvirt; }
    QStringList clusterIds() const override;
    void setReportCallback(ReportCallback callback) override;
    Result<void> deploy(const Deployment &deployment, const Workload &workload) override;
    Result<void> terminate(const QString &deploymentId) override;
    QList<DeploymentReport> deployments() const override;
    QList<BackendObject> objects() const override;
    Result<void> invokeAction(const QString &objectId, const QString &action,
                              const QVariantMap &arguments) override;

    /// The last `maxBytes` of a domain's captured serial console ("<clusterId>/domain/<name>").
    Result<QString> consoleLog(const QString &objectId, qint64 maxBytes = 65536) const;
    /// The captured serial console of a domain (consoleLog()).
    Result<QString> objectLog(const QString &objectId, qint64 maxBytes) const override
    {
        return consoleLog(objectId, maxBytes);
    }
    /// Lifecycle events received from libvirt so far (all hosts).
    quint64 lifecycleEventCount() const { return m_lifecycleEvents.load(); }
    /// Free warm-pool shells on a node now.
    int freePoolShells(const QString &nodeId) const;
    /// Node ids of the hosts, in settings order (empty until known).
    QStringList nodeIds() const;

private:
    struct HostState;
    struct Entry;

    // LibvirtHostListener (worker threads)
    void hostConnected(LibvirtHost *host, const HostInventory &inventory,
                       const QList<DomainInfo> &domains) override;
    void hostDisconnected(LibvirtHost *host, const QString &error) override;
    void domainChanged(LibvirtHost *host, const DomainInfo &info, int event, int detail) override;
    void domainRemoved(LibvirtHost *host, const QString &name, int event) override;
    void statsCollected(LibvirtHost *host, const QList<SeriesBatch> &batches,
                        const QHash<QString, double> &cpuSeconds) override;

    HostState *stateOf(LibvirtHost *host) const;
    void runDeploy(LibvirtHost &host, const QString &deploymentId, const Workload &workload);
    void watchBoot(LibvirtHost &host, const QString &deploymentId, const QString &logPath,
                   qint64 offset, QString tail);
    void refillPool(LibvirtHost &host);
    void markPhase(Entry &entry, const QString &name) const;
    void fail(const QString &deploymentId, const QString &message, const QString &objectId);
    void report(const DeploymentReport &report);
    void publishObjectEvent(const QString &objectId, const QString &state,
                            const QString &deploymentId, const QString &eventName,
                            const QList<InstantiationPhase> &phases, const QString &error);
    void publishNode(HostState &state);
    void publishNodeLocked(HostState &state, InventoryChangeSet &changes) const;
    BackendObject toObject(const HostState &host, const DomainInfo &domain) const;
    DeploymentReport toReport(const Entry &entry) const;
    static bool fitsPool(const Workload &workload, const Workload &shape);

    IPluginHost *m_host;
    BackendSettings m_settings;
    mutable QMutex m_mutex;
    std::vector<std::unique_ptr<HostState>> m_hosts;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
    ReportCallback m_callback;
    std::atomic<quint64> m_lifecycleEvents{0};
};

} // namespace Continuo::Libvirt
