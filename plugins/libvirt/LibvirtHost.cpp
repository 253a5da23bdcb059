#include "LibvirtHost.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QXmlStreamReader>

#include <libvirt/virterror.h>


Q_LOGGING_CATEGORY(lcLibvirt, "continuo.plugin.libvirt")

namespace Continuo::Libvirt {

namespace {

/// RAII for the libvirt objects we hold briefly.
struct DomainRef
{
    explicit DomainRef(virDomainPtr d = nullptr) : ptr(d) {}
    ~DomainRef()
    {
        if (ptr)
            virDomainFree(ptr);
    }
    DomainRef(const DomainRef &) = delete;
    DomainRef &operator=(const DomainRef &) = delete;
    virDomainPtr ptr;
    explicit operator bool() const { return ptr != nullptr; }
};

struct CString
{
    explicit CString(char *s) : ptr(s) {}
    ~CString() { free(ptr); }
    CString(const CString &) = delete;
    CString &operator=(const CString &) = delete;
    char *ptr;
    QString toString() const { return ptr ? QString::fromUtf8(ptr) : QString(); }
};

struct ConnectionRef
{
    explicit ConnectionRef(virConnectPtr c) : ptr(c) {}
    ~ConnectionRef()
    {
        if (ptr)
            virConnectClose(ptr);
    }
    ConnectionRef(const ConnectionRef &) = delete;
    ConnectionRef &operator=(const ConnectionRef &) = delete;
    virConnectPtr ptr;
};

bool typedNumber(const virTypedParameter &param, double *value)
{
    switch (param.type) {
    case VIR_TYPED_PARAM_INT: *value = param.value.i; return true;
    case VIR_TYPED_PARAM_UINT: *value = param.value.ui; return true;
    case VIR_TYPED_PARAM_LLONG: *value = double(param.value.l); return true;
    case VIR_TYPED_PARAM_ULLONG: *value = double(param.value.ul); return true;
    case VIR_TYPED_PARAM_DOUBLE: *value = param.value.d; return true;
    default: return false;
    }
}

/// Parse virConnectGetCapabilities: host arch and NUMA cells, the best guest domain type.
void parseCapabilities(const QString &xml, HostInventory &inventory)
{
    QXmlStreamReader r(xml);
    QStringList path;
    QString hostArch;
    NumaCell cell;
    bool inCell = false;
    QString guestOsType;
    QString guestArch;
    QStringList guestDomainTypes; // of hvm guests
    QHash<QString, QStringList> typesByArch;
    while (!r.atEnd()) {
        const auto token = r.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = r.name().toString();
            path.append(name);
            const QString joined = path.join(QLatin1Char('/'));
            if (joined == QLatin1String("capabilities/host/cpu/arch")) {
                hostArch = r.readElementText();
                path.removeLast();
            } else if (joined == QLatin1String("capabilities/host/topology/cells/cell")) {
                cell = NumaCell();
                cell.id = r.attributes().value(QLatin1String("id")).toInt();
                inCell = true;
            } else if (inCell && joined == QLatin1String("capabilities/host/topology/cells/cell/memory")) {
                const QString unit = r.attributes().value(QLatin1String("unit")).toString();
                const qint64 value = r.readElementText().toLongLong();
                cell.memoryBytes = unit == QLatin1String("KiB") || unit.isEmpty() ? value * 1024 : value;
                path.removeLast();
            } else if (inCell && joined == QLatin1String("capabilities/host/topology/cells/cell/cpus/cpu")) {
                cell.cpus.append(r.attributes().value(QLatin1String("id")).toInt());
            } else if (joined == QLatin1String("capabilities/guest")) {
                guestOsType.clear();
                guestArch.clear();
            } else if (joined == QLatin1String("capabilities/guest/os_type")) {
                guestOsType = r.readElementText();
                path.removeLast();
            } else if (joined == QLatin1String("capabilities/guest/arch")) {
                guestArch = r.attributes().value(QLatin1String("name")).toString();
            } else if (joined == QLatin1String("capabilities/guest/arch/domain")) {
                if (guestOsType == QLatin1String("hvm")) {
                    const QString type = r.attributes().value(QLatin1String("type")).toString();
                    typesByArch[guestArch].append(type);
                    if (!guestDomainTypes.contains(guestArch))
                        guestDomainTypes.append(guestArch);
                }
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const QString joined = path.join(QLatin1Char('/'));
            if (joined == QLatin1String("capabilities/host/topology/cells/cell")) {
                inCell = false;
                inventory.facts.numaCells.append(cell);
            }
            if (!path.isEmpty())
                path.removeLast();
        }
    }
    // Prefer a guest of the host's own architecture; x86_64 hosts report it for KVM.
    QString arch = typesByArch.contains(hostArch) ? hostArch
                   : guestDomainTypes.isEmpty()   ? QString()
                                                  : guestDomainTypes.first();
    const QStringList types = typesByArch.value(arch);
    for (const char *preferred : {"kvm", "xen", "qemu", "test"}) {
        if (types.contains(QLatin1String(preferred))) {
            inventory.facts.domainType = QLatin1String(preferred);
            break;
        }
    }
    inventory.facts.arch = arch;
}

} // namespace

QString lastLibvirtError(const QString &fallback)
{
    const virErrorPtr error = virGetLastError();
    if (error && error->message)
        return QString::fromUtf8(error->message);
    return fallback.isEmpty() ? QStringLiteral("unknown libvirt error") : fallback;
}

QString domainStateName(int state)
{
    switch (state) {
    case VIR_DOMAIN_NOSTATE: return QStringLiteral("no state");
    case VIR_DOMAIN_RUNNING: return QStringLiteral("running");
    case VIR_DOMAIN_BLOCKED: return QStringLiteral("blocked");
    case VIR_DOMAIN_PAUSED: return QStringLiteral("paused");
    case VIR_DOMAIN_SHUTDOWN: return QStringLiteral("in shutdown");
    case VIR_DOMAIN_SHUTOFF: return QStringLiteral("shut off");
    case VIR_DOMAIN_CRASHED: return QStringLiteral("crashed");
    case VIR_DOMAIN_PMSUSPENDED: return QStringLiteral("pmsuspended");
    default: return QStringLiteral("unknown");
    }
}

// ---------------------------------------------------------------------------------------------

StatsCollector::StatsCollector(QString clusterId, QString nodeId)
    : m_clusterId(std::move(clusterId)), m_nodeId(std::move(nodeId))
{
}

Result<QList<SeriesBatch>> StatsCollector::collect(virConnectPtr connection, qint64 nowMs)
{
    virDomainStatsRecordPtr *records = nullptr;
    const unsigned int stats = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL
                               | VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU
                               | VIR_DOMAIN_STATS_INTERFACE | VIR_DOMAIN_STATS_BLOCK;
    const int count = virConnectGetAllDomainStats(connection, stats, &records, 0);
    if (count < 0)
        return makeError(QStringLiteral("virConnectGetAllDomainStats: %1").arg(lastLibvirtError()));

    QList<SeriesBatch> batches;
    batches.reserve(count * 4 + 1);
    const Labels hostLabels{{QStringLiteral("cluster"), m_clusterId},
                            {QStringLiteral("node"), m_nodeId}};
    auto add = [&](const char *metric, const Labels &labels, double value) {
        SeriesBatch batch;
        batch.metric = QLatin1String(metric);
        batch.labels = labels;
        batch.samples.append(Sample{nowMs, value});
        batches.append(std::move(batch));
    };

    QHash<QString, Previous> seen;
    m_cpuSeconds.clear();
    int running = 0;
    for (int i = 0; i < count; ++i) {
        const virDomainStatsRecordPtr record = records[i];
        const QString name = QString::fromUtf8(virDomainGetName(record->dom));
        int state = 0;
        bool hasCpu = false, hasBalloon = false;
        double cpuNs = 0, balloonKiB = 0, vcpus = 0;
        double rd = 0, wr = 0, rx = 0, tx = 0;
        bool hasBlock = false, hasNet = false;
        for (int p = 0; p < record->nparams; ++p) {
            const virTypedParameter &param = record->params[p];
            double value = 0;
            if (!typedNumber(param, &value))
                continue;
            const char *field = param.field;
            if (qstrcmp(field, "state.state") == 0) {
                state = int(value);
            } else if (qstrcmp(field, "cpu.time") == 0) {
                cpuNs = value;
                hasCpu = true;
            } else if (qstrcmp(field, "balloon.current") == 0) {
                balloonKiB = value;
                hasBalloon = true;
            } else if (qstrcmp(field, "vcpu.current") == 0) {
                vcpus = value;
            } else if (qstrncmp(field, "block.", 6) == 0) {
                const QByteArray f(field);
                if (f.endsWith(".rd.bytes")) {
                    rd += value;
                    hasBlock = true;
                } else if (f.endsWith(".wr.bytes")) {
                    wr += value;
                    hasBlock = true;
                }
            } else if (qstrncmp(field, "net.", 4) == 0) {
                const QByteArray f(field);
                if (f.endsWith(".rx.bytes")) {
                    rx += value;
                    hasNet = true;
                } else if (f.endsWith(".tx.bytes")) {
                    tx += value;
                    hasNet = true;
                }
            }
        }
        const bool active = state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_BLOCKED
                            || state == VIR_DOMAIN_PAUSED || state == VIR_DOMAIN_SHUTDOWN
                            || state == VIR_DOMAIN_PMSUSPENDED;
        if (state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_BLOCKED)
            ++running;
        if (!active)
            continue;
        Labels labels = hostLabels;
        labels.insert(QStringLiteral("domain"), name);
        if (hasCpu) {
            const double seconds = cpuNs / 1e9;
            m_cpuSeconds.insert(name, seconds);
            add("libvirt_domain_cpu_seconds_total", labels, seconds);
            const auto previous = m_previous.constFind(name);
            if (previous != m_previous.cend() && nowMs > previous->timestampMs
                && seconds >= previous->cpuSeconds) {
                const double wallSeconds = double(nowMs - previous->timestampMs) / 1000.0;
                const double utilisation =
                    (seconds - previous->cpuSeconds) / (wallSeconds * std::max(1.0, vcpus));
                add("libvirt_domain_cpu_utilisation", labels, std::clamp(utilisation, 0.0, 1.0));
            }
            seen.insert(name, Previous{seconds, nowMs});
        }
        if (hasBalloon && balloonKiB > 0)
            add("libvirt_domain_memory_bytes", labels, balloonKiB * 1024.0);
        else if (const qint64 defined = m_definedMemory.value(name); defined > 0)
            add("libvirt_domain_memory_bytes", labels, double(defined));
        if (hasBlock) {
            add("libvirt_domain_block_read_bytes_total", labels, rd);
            add("libvirt_domain_block_write_bytes_total", labels, wr);
        }
        if (hasNet) {
            add("libvirt_domain_net_rx_bytes_total", labels, rx);
            add("libvirt_domain_net_tx_bytes_total", labels, tx);
        }
    }
    virDomainStatsRecordListFree(records);
    m_previous = std::move(seen);
    add("libvirt_host_domains_running", hostLabels, running);
    return batches;
}

// ---------------------------------------------------------------------------------------------

/// What the event-loop thread's callbacks reach; cleared when the host stops so late
/// callbacks post nothing.
struct LibvirtHost::CallbackSink
{
    std::mutex mutex;
    LibvirtHost *host = nullptr;
    QObject *context = nullptr;
};

LibvirtHost::LibvirtHost(QString uri, QString clusterId, QString nodeId, int statsIntervalMs,
                         LibvirtHostListener *listener)
    : m_uri(std::move(uri)),
      m_clusterId(std::move(clusterId)),
      m_nodeId(std::move(nodeId)),
      m_statsIntervalMs(statsIntervalMs),
      m_listener(listener)
{
}

LibvirtHost::~LibvirtHost()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_stopping = true;
            {
                std::lock_guard lock(m_sink->mutex);
                m_sink->host = nullptr;
                m_sink->context = nullptr;
            }
            disconnect(QString());
            delete m_statsTimer;
            m_statsTimer = nullptr;
            m_context->deleteLater();
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString LibvirtHost::nodeId() const
{
    std::lock_guard lock(m_nodeMutex);
    return m_nodeId;
}

void LibvirtHost::setNodeId(const QString &nodeId)
{
    std::lock_guard lock(m_nodeMutex);
    m_nodeId = nodeId;
}

void LibvirtHost::start()
{
    if (m_thread)
        return;
    ensureEventLoop();
    m_sink = std::make_shared<CallbackSink>();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("libvirt ") + m_uri);
    m_context = new QObject;
    m_context->moveToThread(m_thread.get());
    {
        std::lock_guard lock(m_sink->mutex);
        m_sink->host = this;
        m_sink->context = m_context;
    }
    m_thread->start();
    post([](LibvirtHost &host) {
        host.m_statsTimer = new QTimer(host.m_context);
        host.m_statsTimer->setInterval(std::max(50, host.m_statsIntervalMs));
        QObject::connect(host.m_statsTimer, &QTimer::timeout, host.m_context,
                         [&host] { host.collectStats(); });
        host.connectNow();
    });
}

void LibvirtHost::post(std::function<void(LibvirtHost &)> job)
{
    QMetaObject::invokeMethod(m_context, [this, job = std::move(job)] { job(*this); },
                              Qt::QueuedConnection);
}

void LibvirtHost::postDelayed(int delayMs, std::function<void(LibvirtHost &)> job)
{
    post([delayMs, job = std::move(job)](LibvirtHost &host) mutable {
        QTimer::singleShot(delayMs, host.m_context,
                           [&host, job = std::move(job)] { job(host); });
    });
}

void LibvirtHost::connectNow()
{
    m_reconnectPending = false;
    if (m_stopping || m_connection)
        return;
    const QByteArray uri = m_uri.toUtf8();
    virConnectPtr connection = virConnectOpenAuth(uri.constData(), virConnectAuthPtrDefault, 0);
    if (!connection) {
        const QString error = lastLibvirtError(QStringLiteral("cannot connect"));
        qCInfo(lcLibvirt) << "cannot open" << m_uri << ":" << error;
        m_listener->hostDisconnected(this, error);
        scheduleReconnect();
        return;
    }

    HostInventory inventory;
    virNodeInfo info;
    if (virNodeGetInfo(connection, &info) == 0) {
        inventory.cpus = int(info.cpus);
        inventory.memoryBytes = qint64(info.memory) * 1024;
        inventory.cpuModel = QString::fromUtf8(info.model);
    }
    if (const char *type = virConnectGetType(connection))
        inventory.hypervisorType = QString::fromUtf8(type).toLower();
    unsigned long version = 0;
    if (virConnectGetVersion(connection, &version) == 0)
        inventory.hypervisorVersion = QStringLiteral("%1.%2.%3")
                                          .arg(version / 1000000)
                                          .arg((version / 1000) % 1000)
                                          .arg(version % 1000);
    {
        CString hostname(virConnectGetHostname(connection));
        inventory.hostname = hostname.toString();
    }
    {
        CString caps(virConnectGetCapabilities(connection));
        if (caps.ptr)
            parseCapabilities(caps.toString(), inventory);
    }
    if (inventory.facts.numaCells.isEmpty() && inventory.cpus > 0) {
        // Drivers without a NUMA topology (custom test nodes) are one cell with every cpu.
        NumaCell cell;
        for (int cpu = 0; cpu < inventory.cpus; ++cpu)
            cell.cpus.append(cpu);
        cell.memoryBytes = inventory.memoryBytes;
        inventory.facts.numaCells.append(cell);
    }

    // Keep-alive notices a dead remote daemon; local drivers do not support it.
    if (virConnectSetKeepAlive(connection, 5, 3) < 0)
        virResetLastError();

    {
        std::lock_guard lock(m_connectionMutex);
        m_connection = connection;
    }
    auto *sinkRef = new std::shared_ptr<CallbackSink>(m_sink);
    m_lifecycleCallbackId = virConnectDomainEventRegisterAny(
        connection, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIR_DOMAIN_EVENT_CALLBACK(lifecycleCallback), sinkRef, freeSink);
    if (m_lifecycleCallbackId < 0) {
        qCWarning(lcLibvirt) << m_uri << "has no lifecycle events:" << lastLibvirtError();
        delete sinkRef;
    }
    auto *closeRef = new std::shared_ptr<CallbackSink>(m_sink);
    if (virConnectRegisterCloseCallback(connection, closeCallback, closeRef, freeSink) == 0) {
        m_closeCallbackRegistered = true;
    } else {
        virResetLastError();
        delete closeRef;
    }
    m_inventory = inventory;
    m_reconnectDelayMs = 500;

    QList<DomainInfo> domains;
    virDomainPtr *list = nullptr;
    const int count = virConnectListAllDomains(connection, &list, 0);
    for (int i = 0; i < count; ++i) {
        DomainRef domain(list[i]);
        if (auto read = readDomain(domain.ptr))
            domains.append(*read);
    }
    free(list);
    // The listener settles the node id (it may derive it from the hostname) before the
    // statistics are labelled with it.
    m_listener->hostConnected(this, m_inventory, domains);
    m_stats = std::make_unique<StatsCollector>(m_clusterId, nodeId());
    for (const DomainInfo &domain : std::as_const(domains))
        m_stats->setDefinedMemory(domain.name, domain.description.memoryBytes);
    m_statsTimer->start();
}

void LibvirtHost::disconnect(const QString &error)
{
    if (m_statsTimer)
        m_statsTimer->stop();
    if (!m_connection)
        return;
    virConnectPtr connection = m_connection;
    {
        std::lock_guard lock(m_connectionMutex);
        m_connection = nullptr;
    }
    if (m_lifecycleCallbackId >= 0)
        virConnectDomainEventDeregisterAny(connection, m_lifecycleCallbackId);
    m_lifecycleCallbackId = -1;
    if (m_closeCallbackRegistered)
        virConnectUnregisterCloseCallback(connection, closeCallback);
    m_closeCallbackRegistered = false;
    virResetLastError();
    virConnectClose(connection);
    if (!m_stopping) {
        m_listener->hostDisconnected(this, error);
        scheduleReconnect();
    }
}

void LibvirtHost::scheduleReconnect()
{
    if (m_stopping || m_reconnectPending)
        return;
    m_reconnectPending = true;
    const int delay = m_reconnectDelayMs;
    m_reconnectDelayMs = std::min(30000, m_reconnectDelayMs * 2);
    QTimer::singleShot(delay, m_context, [this] { connectNow(); });
}

void LibvirtHost::collectStats()
{
    if (!m_connection || !m_stats)
        return;
    auto batches = m_stats->collect(m_connection, QDateTime::currentMSecsSinceEpoch());
    if (!batches) {
        qCInfo(lcLibvirt) << m_uri << batches.error();
        if (virConnectIsAlive(m_connection) != 1)
            disconnect(batches.error());
        return;
    }
    m_listener->statsCollected(this, *batches, m_stats->cpuSeconds());
}

int LibvirtHost::lifecycleCallback(virConnectPtr, virDomainPtr domain, int event, int detail,
                                   void *opaque)
{
    auto sink = *static_cast<std::shared_ptr<CallbackSink> *>(opaque);
    const QString name = QString::fromUtf8(virDomainGetName(domain));
    std::lock_guard lock(sink->mutex);
    if (sink->host) {
        LibvirtHost *host = sink->host;
        QMetaObject::invokeMethod(
            sink->context, [host, name, event, detail] { host->handleLifecycle(name, event, detail); },
            Qt::QueuedConnection);
    }
    return 0;
}

void LibvirtHost::closeCallback(virConnectPtr, int reason, void *opaque)
{
    auto sink = *static_cast<std::shared_ptr<CallbackSink> *>(opaque);
    std::lock_guard lock(sink->mutex);
    if (!sink->host)
        return;
    LibvirtHost *host = sink->host;
    QString why;
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_ERROR: why = QStringLiteral("connection error"); break;
    case VIR_CONNECT_CLOSE_REASON_EOF: why = QStringLiteral("the daemon closed the connection"); break;
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE: why = QStringLiteral("keep-alive timed out"); break;
    default: why = QStringLiteral("connection closed by the client"); break;
    }
    QMetaObject::invokeMethod(sink->context, [host, why] { host->disconnect(why); },
                              Qt::QueuedConnection);
}

void LibvirtHost::freeSink(void *opaque)
{
    delete static_cast<std::shared_ptr<CallbackSink> *>(opaque);
}

void LibvirtHost::handleLifecycle(const QString &name, int event, int detail)
{
    if (!m_connection)
        return;
    if (event == VIR_DOMAIN_EVENT_UNDEFINED) {
        m_listener->domainRemoved(this, name, event);
        return;
    }
    auto info = readDomain(name);
    if (!info) {
        // Gone meanwhile (a transient domain that stopped, or undefined right after).
        m_listener->domainRemoved(this, name, event);
        return;
    }
    if (m_stats)
        m_stats->setDefinedMemory(info->name, info->description.memoryBytes);
    m_listener->domainChanged(this, *info, event, detail);
}

Result<DomainInfo> LibvirtHost::readDomain(const QString &name)
{
    if (!m_connection)
        return makeError(QStringLiteral("not connected to %1").arg(m_uri));
    DomainRef domain(virDomainLookupByName(m_connection, name.toUtf8().constData()));
    if (!domain)
        return makeError(lastLibvirtError());
    return readDomain(domain.ptr);
}

Result<DomainInfo> LibvirtHost::readDomain(virDomainPtr domain)
{
    DomainInfo info;
    info.name = QString::fromUtf8(virDomainGetName(domain));
    int state = 0, reason = 0;
    if (virDomainGetState(domain, &state, &reason, 0) < 0)
        return makeError(lastLibvirtError());
    info.stateCode = state;
    info.state = domainStateName(state);
    CString xml(virDomainGetXMLDesc(domain, 0));
    if (!xml.ptr)
        return makeError(lastLibvirtError());
    info.description = DomainXmlBuilder::describe(xml.toString());
    virDomainInfo basic;
    if (virDomainGetInfo(domain, &basic) == 0)
        info.cpuSeconds = double(basic.cpuTime) / 1e9;
    else
        virResetLastError();
    info.updatedMs = QDateTime::currentMSecsSinceEpoch();
    return info;
}

Result<QString> LibvirtHost::defineDomain(const QString &xml)
{
    if (!m_connection)
        return makeError(QStringLiteral("not connected to %1").arg(m_uri));
    DomainRef domain(virDomainDefineXML(m_connection, xml.toUtf8().constData()));
    if (!domain)
        return makeError(lastLibvirtError());
    return QString::fromUtf8(virDomainGetName(domain.ptr));
}

Result<void> LibvirtHost::startDomain(const QString &name)
{
    return domainAction(name, QStringLiteral("start"));
}

Result<void> LibvirtHost::domainAction(const QString &name, const QString &action)
{
    if (!m_connection)
        return makeError(QStringLiteral("not connected to %1").arg(m_uri));
    DomainRef domain(virDomainLookupByName(m_connection, name.toUtf8().constData()));
    if (!domain)
        return makeError(lastLibvirtError());
    int rc = -1;
    if (action == QLatin1String("start"))
        rc = virDomainCreate(domain.ptr);
    else if (action == QLatin1String("shutdown"))
        rc = virDomainShutdown(domain.ptr);
    else if (action == QLatin1String("destroy"))
        rc = virDomainDestroy(domain.ptr);
    else if (action == QLatin1String("suspend"))
        rc = virDomainSuspend(domain.ptr);
    else if (action == QLatin1String("resume"))
        rc = virDomainResume(domain.ptr);
    else if (action == QLatin1String("undefine"))
        rc = virDomainUndefineFlags(domain.ptr, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
                                                    | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA);
    else
        return makeError(QStringLiteral("unknown domain action \"%1\"").arg(action));
    if (rc < 0)
        return makeError(lastLibvirtError());
    return {};
}

Result<void> LibvirtHost::removeDomain(const QString &name)
{
    if (!m_connection)
        return makeError(QStringLiteral("not connected to %1").arg(m_uri));
    DomainRef domain(virDomainLookupByName(m_connection, name.toUtf8().constData()));
    if (!domain) {
        const virErrorPtr error = virGetLastError();
        if (error && error->code == VIR_ERR_NO_DOMAIN) {
            virResetLastError();
            return {};
        }
        return makeError(lastLibvirtError());
    }
    if (virDomainIsActive(domain.ptr) == 1 && virDomainDestroy(domain.ptr) < 0)
        return makeError(lastLibvirtError());
    if (virDomainIsPersistent(domain.ptr) == 1
        && virDomainUndefineFlags(domain.ptr, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
                                                  | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA)
               < 0)
        return makeError(lastLibvirtError());
    return {};
}

Result<QString> LibvirtHost::adoptShell(const QString &shellName, const QString &newName,
                                        const QString &deploymentId, const QString &workloadId)
{
    if (!m_connection)
        return makeError(QStringLiteral("not connected to %1").arg(m_uri));
    DomainRef domain(virDomainLookupByName(m_connection, shellName.toUtf8().constData()));
    if (!domain)
        return makeError(lastLibvirtError());
    QString name = shellName;
    if (virDomainRename(domain.ptr, newName.toUtf8().constData(), 0) == 0)
        name = newName;
    else
        virResetLastError(); // keep the shell's name; the metadata still identifies it
    const QByteArray metadata = DomainXmlBuilder::metadataElement(deploymentId, workloadId).toUtf8();
    if (virDomainSetMetadata(domain.ptr, VIR_DOMAIN_METADATA_ELEMENT, metadata.constData(),
                             MetadataPrefix, MetadataNamespace, VIR_DOMAIN_AFFECT_CONFIG)
        < 0)
        return makeError(lastLibvirtError());
    return name;
}

Result<void> LibvirtHost::migrateDomain(const QString &name, LibvirtHost &target)
{
    if (!m_connection)
        return makeError(QStringLiteral("not connected to %1").arg(m_uri));
    ConnectionRef destination(target.referenceConnection());
    if (!destination.ptr)
        return makeError(QStringLiteral("target host %1 is not connected").arg(target.uri()));
    DomainRef domain(virDomainLookupByName(m_connection, name.toUtf8().constData()));
    if (!domain)
        return makeError(lastLibvirtError());
    unsigned int flags = VIR_MIGRATE_LIVE | VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE;
    const QUrl url(m_uri);
    const bool remote = !url.host().isEmpty() || url.scheme().contains(QLatin1Char('+'));
    int rc = 0;
    if (remote) {
        // Peer to peer: the source daemon talks to the destination itself.
        const QByteArray targetUri = target.uri().toUtf8();
        rc = virDomainMigrateToURI3(domain.ptr, targetUri.constData(), nullptr, 0,
                                    flags | VIR_MIGRATE_PEER2PEER);
    } else {
        DomainRef migrated(virDomainMigrate3(domain.ptr, destination.ptr, nullptr, 0, flags));
        rc = migrated ? 0 : -1;
    }
    if (rc < 0)
        return makeError(lastLibvirtError());
    return {};
}

virConnectPtr LibvirtHost::referenceConnection() const
{
    std::lock_guard lock(m_connectionMutex);
    if (!m_connection)
        return nullptr;
    virConnectRef(m_connection);
    return m_connection;
}

} // namespace Continuo::Libvirt
