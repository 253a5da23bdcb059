#pragma once

#include "DomainXmlBuilder.h"

#include "telemetry/Series.h"
#include "util/Result.h"

#include <QHash>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>

#include <libvirt/libvirt.h>

Q_DECLARE_LOGGING_CATEGORY(lcLibvirt)

class QThread;
class QTimer;

namespace Continuo::Libvirt {

/// Starts the process's libvirt event loop once (std::call_once): an event implementation
/// registered with virEventRegisterImpl and ONE thread that runs it for the life of the
/// process. Not virEventRegisterDefaultImpl(): libvirt's default loop iterates GLib's global
/// default context, which Qt's GLib dispatcher keeps owned by the main thread, so a separate
/// thread could never run it (see LibvirtEventLoop.cpp). Must run before the first connection is
/// opened (LibvirtHost does it). Also silences libvirt's default error printer (errors are
/// reported through Result and events instead) and ignores SIGPIPE, as libvirt asks of its
/// applications (a dead daemon's socket gives EPIPE, not a dead process).
void ensureEventLoop();

/// The message of the calling thread's last libvirt error (virGetLastErrorMessage), with a
/// fallback when libvirt set none.
QString lastLibvirtError(const QString &fallback = QString());

/// Stable lower-case name of a virDomainState ("running", "paused", "shut off", ...).
QString domainStateName(int state);

/// A domain as the host last saw it.
struct DomainInfo
{
    QString name;
    int stateCode = 0;  ///< virDomainState.
    QString state;      ///< domainStateName(stateCode).
    DomainDescription description;
    double cpuSeconds = 0.0;
    qint64 updatedMs = 0;
};

/// Facts about a host, read when it connects.
struct HostInventory
{
    QString hostname;
    QString hypervisorType;    ///< virConnectGetType, lower case ("qemu", "test", "xen").
    QString hypervisorVersion; ///< "major.minor.release".
    QString cpuModel;
    int cpus = 0;
    qint64 memoryBytes = 0;
    HostFacts facts;           ///< Domain type, arch and NUMA cells for the XML builder.
};

/// Builds the per-domain and per-host series from one virConnectGetAllDomainStats call.
/// Keeps the previous CPU time of each domain for utilisation. Not thread-safe.
class StatsCollector
{
public:
    StatsCollector(QString clusterId, QString nodeId);

    /// One collection: a single virConnectGetAllDomainStats over every domain. Series:
    /// libvirt_domain_cpu_seconds_total, libvirt_domain_cpu_utilisation (0..1 of its vCPUs,
    /// from the delta since the last collection), libvirt_domain_memory_bytes (balloon, else
    /// the defined memory of a running domain), libvirt_domain_block_{read,write}_bytes_total,
    /// libvirt_domain_net_{rx,tx}_bytes_total with labels {cluster, node, domain}, and
    /// libvirt_host_domains_running{cluster, node}. Only what the driver reports is emitted.
    Result<QList<SeriesBatch>> collect(virConnectPtr connection, qint64 nowMs);

    /// Memory to report for a running domain whose driver has no balloon statistics.
    void setDefinedMemory(const QString &domain, qint64 bytes) { m_definedMemory[domain] = bytes; }
    /// CPU seconds per domain from the last collection.
    const QHash<QString, double> &cpuSeconds() const { return m_cpuSeconds; }

private:
    struct Previous
    {
        double cpuSeconds = 0.0;
        qint64 timestampMs = 0;
    };
    QString m_clusterId;
    QString m_nodeId;
    QHash<QString, Previous> m_previous;
    QHash<QString, qint64> m_definedMemory;
    QHash<QString, double> m_cpuSeconds;
};

class LibvirtHost;

/// Receives what a host observes. Called on the host's worker thread.
class LibvirtHostListener
{
public:
    virtual ~LibvirtHostListener() = default;
    virtual void hostConnected(LibvirtHost *host, const HostInventory &inventory,
                               const QList<DomainInfo> &domains) = 0;
    virtual void hostDisconnected(LibvirtHost *host, const QString &error) = 0;
    /// A lifecycle event arrived (virDomainEventType/detail) and the domain was re-read.
    virtual void domainChanged(LibvirtHost *host, const DomainInfo &info, int event, int detail) = 0;
    /// A lifecycle event said the domain is gone (undefined, or a transient domain stopped).
    virtual void domainRemoved(LibvirtHost *host, const QString &name, int event) = 0;
    virtual void statsCollected(LibvirtHost *host, const QList<SeriesBatch> &batches,
                                const QHash<QString, double> &cpuSeconds) = 0;
};

/// One libvirt connection (qemu:///system, xen:///system, qemu+ssh://..., test:///default)
/// owned by a worker thread. Every libvirt call of the host runs on that thread: jobs are
/// posted with post(). State comes from lifecycle events (virConnectDomainEventRegisterAny),
/// never from polling; a close callback (and keep-alive on remote URIs) notices a dead daemon,
/// and the host reconnects with backoff (0.5 s doubling to 30 s). Statistics are collected
/// with one virConnectGetAllDomainStats per interval.
class LibvirtHost
{
public:
    LibvirtHost(QString uri, QString clusterId, QString nodeId, int statsIntervalMs,
                LibvirtHostListener *listener);
    /// Stops the worker: deregisters callbacks and closes the connection on its thread.
    ~LibvirtHost();
    LibvirtHost(const LibvirtHost &) = delete;
    LibvirtHost &operator=(const LibvirtHost &) = delete;

    const QString &uri() const { return m_uri; }
    const QString &clusterId() const { return m_clusterId; }
    /// Inventory node id; set before start() (or on the worker thread).
    QString nodeId() const;
    void setNodeId(const QString &nodeId);

    /// Start the worker thread and connect.
    void start();
    /// Run `job` on the worker thread, after the jobs posted before it.
    void post(std::function<void(LibvirtHost &)> job);
    /// Run `job` on the worker thread after `delayMs`.
    void postDelayed(int delayMs, std::function<void(LibvirtHost &)> job);

    // Worker-thread-only API.
    bool isConnected() const { return m_connection != nullptr; }
    virConnectPtr connection() const { return m_connection; }
    const HostInventory &inventory() const { return m_inventory; }
    /// Define a domain from XML; returns its name.
    Result<QString> defineDomain(const QString &xml);
    /// virDomainCreate on a defined domain.
    Result<void> startDomain(const QString &name);
    /// "start", "shutdown", "destroy", "suspend", "resume", "undefine".
    Result<void> domainAction(const QString &name, const QString &action);
    /// Destroy (when active) and undefine; succeeds when the domain is already gone.
    Result<void> removeDomain(const QString &name);
    /// Rename a defined domain and replace its continuo metadata (a pool shell becomes a
    /// deployment's domain). Returns the name it has now (the old one when the driver cannot
    /// rename).
    Result<QString> adoptShell(const QString &shellName, const QString &newName,
                               const QString &deploymentId, const QString &workloadId);
    /// Live-migrate to another host (VIR_MIGRATE_LIVE|PERSIST_DEST|UNDEFINE_SOURCE, and
    /// PEER2PEER for remote URIs). `target` must stay alive during the call.
    Result<void> migrateDomain(const QString &name, LibvirtHost &target);
    /// Read a domain now (state + XML).
    Result<DomainInfo> readDomain(const QString &name);
    /// A reference to the connection for use on another thread (virConnectRef'd; the caller
    /// closes it); null when not connected. Thread-safe.
    virConnectPtr referenceConnection() const;

private:
    struct CallbackSink;
    void connectNow();
    void disconnect(const QString &error);
    void scheduleReconnect();
    void collectStats();
    void handleLifecycle(const QString &name, int event, int detail);
    Result<DomainInfo> readDomain(virDomainPtr domain);
    static int lifecycleCallback(virConnectPtr, virDomainPtr domain, int event, int detail,
                                 void *opaque);
    static void closeCallback(virConnectPtr, int reason, void *opaque);
    static void freeSink(void *opaque);

    const QString m_uri;
    const QString m_clusterId;
    mutable std::mutex m_nodeMutex;
    QString m_nodeId;
    const int m_statsIntervalMs;
    LibvirtHostListener *m_listener;
    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr; ///< Lives on m_thread; target of posted jobs and timers.
    QTimer *m_statsTimer = nullptr;
    std::shared_ptr<CallbackSink> m_sink;

    // Worker thread only.
    virConnectPtr m_connection = nullptr;
    mutable std::mutex m_connectionMutex; ///< Guards m_connection for referenceConnection().
    int m_lifecycleCallbackId = -1;
    bool m_closeCallbackRegistered = false;
    int m_reconnectDelayMs = 500;
    bool m_reconnectPending = false;
    bool m_stopping = false;
    HostInventory m_inventory;
    std::unique_ptr<StatsCollector> m_stats;
};

} // namespace Continuo::Libvirt
