#include "LibvirtComputeBackend.h"

#include "plugin/IPluginHost.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QUuid>

namespace Continuo::Libvirt {

namespace {

const QString kPluginId = QStringLiteral("libvirt");
const QString kSource = QStringLiteral("plugin:libvirt");
const QString kDomainKind = QStringLiteral("libvirt.domain");

QString objectIdOf(const QString &clusterId, const QString &domain)
{
    return clusterId + QLatin1String("/domain/") + domain;
}

QString eventName(int event)
{
    switch (event) {
    case VIR_DOMAIN_EVENT_DEFINED: return QStringLiteral("defined");
    case VIR_DOMAIN_EVENT_UNDEFINED: return QStringLiteral("undefined");
    case VIR_DOMAIN_EVENT_STARTED: return QStringLiteral("started");
    case VIR_DOMAIN_EVENT_SUSPENDED: return QStringLiteral("suspended");
    case VIR_DOMAIN_EVENT_RESUMED: return QStringLiteral("resumed");
    case VIR_DOMAIN_EVENT_STOPPED: return QStringLiteral("stopped");
    case VIR_DOMAIN_EVENT_SHUTDOWN: return QStringLiteral("shutdown");
    case VIR_DOMAIN_EVENT_PMSUSPENDED: return QStringLiteral("pmsuspended");
    case VIR_DOMAIN_EVENT_CRASHED: return QStringLiteral("crashed");
    default: return QStringLiteral("event %1").arg(event);
    }
}

bool isActiveState(int state)
{
    return state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_BLOCKED || state == VIR_DOMAIN_PAUSED
           || state == VIR_DOMAIN_SHUTDOWN || state == VIR_DOMAIN_PMSUSPENDED;
}

QStringList actionsFor(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
    case VIR_DOMAIN_BLOCKED:
        return {QStringLiteral("shutdown"), QStringLiteral("destroy"), QStringLiteral("suspend"),
                QStringLiteral("migrate")};
    case VIR_DOMAIN_PAUSED:
        return {QStringLiteral("resume"), QStringLiteral("destroy"), QStringLiteral("migrate")};
    case VIR_DOMAIN_SHUTDOWN:
    case VIR_DOMAIN_PMSUSPENDED:
        return {QStringLiteral("destroy")};
    case VIR_DOMAIN_SHUTOFF:
    case VIR_DOMAIN_CRASHED:
        return {QStringLiteral("start"), QStringLiteral("undefine")};
    default:
        return {QStringLiteral("destroy")};
    }
}

QString sanitiseNodePart(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out.append(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.')
                       ? c
                       : QLatin1Char('-'));
    return out;
}

Result<Workload> parseShape(const QVariantMap &map, const QString &where)
{
    Workload shape;
    shape.id = QStringLiteral("warm-pool");
    const QString kind = map.value(QStringLiteral("kind"), QStringLiteral("unikernel")).toString();
    shape.kind = enumFromString<WorkloadKind>(kind);
    if (shape.kind != WorkloadKind::Unikernel && shape.kind != WorkloadKind::VirtualMachine)
        return makeError(QStringLiteral("%1: warmPoolShape.kind \"%2\" is not \"unikernel\" or "
                                        "\"virtual_machine\"")
                             .arg(where, kind));
    shape.image = map.value(QStringLiteral("image")).toString();
    if (shape.image.isEmpty() || !QDir::isAbsolutePath(shape.image))
        return makeError(QStringLiteral("%1: warmPoolShape.image must be an absolute path").arg(where));
    bool ok = true;
    shape.request.memoryBytes = map.value(QStringLiteral("memoryBytes"),
                                          DomainXmlBuilder::defaultMemoryBytes(shape.kind))
                                    .toLongLong(&ok);
    if (!ok || shape.request.memoryBytes <= 0)
        return makeError(QStringLiteral("%1: warmPoolShape.memoryBytes must be a positive number").arg(where));
    shape.request.cpuCores = map.value(QStringLiteral("cpuCores"), 1.0).toDouble(&ok);
    if (!ok || shape.request.cpuCores <= 0)
        return makeError(QStringLiteral("%1: warmPoolShape.cpuCores must be a positive number").arg(where));
    const QVariantMap labels = map.value(QStringLiteral("labels")).toMap();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        shape.labels.insert(it.key(), it.value().toString());
    return shape;
}

} // namespace

// ---------------------------------------------------------------------------------------------

Result<BackendSettings> BackendSettings::parse(const QVariantMap &settings,
                                               const QString &defaultLogDirectory)
{
    BackendSettings result;
    const QVariant clustersValue = settings.value(QStringLiteral("clusters"));
    if (!clustersValue.isValid())
        return makeError(QStringLiteral("libvirt settings need \"clusters\" (a list)"));
    if (clustersValue.typeId() != QMetaType::QVariantList)
        return makeError(QStringLiteral("libvirt settings: \"clusters\" must be a list"));
    QSet<QString> clusterIds;
    QSet<QString> nodeIds;
    const QVariantList clusters = clustersValue.toList();
    for (int i = 0; i < clusters.size(); ++i) {
        if (clusters.at(i).typeId() != QMetaType::QVariantMap)
            return makeError(QStringLiteral("libvirt settings: clusters[%1] must be an object").arg(i));
        const QVariantMap map = clusters.at(i).toMap();
        ClusterSettings cluster;
        cluster.id = map.value(QStringLiteral("id")).toString();
        const QString where = QStringLiteral("clusters[%1]").arg(i);
        if (cluster.id.isEmpty())
            return makeError(QStringLiteral("libvirt settings: %1 has no \"id\"").arg(where));
        if (clusterIds.contains(cluster.id))
            return makeError(QStringLiteral("libvirt settings: cluster id \"%1\" appears twice").arg(cluster.id));
        clusterIds.insert(cluster.id);
        cluster.name = map.value(QStringLiteral("name"), cluster.id).toString();
        cluster.siteId = map.value(QStringLiteral("site")).toString();
        if (cluster.siteId.isEmpty())
            return makeError(QStringLiteral("libvirt settings: cluster \"%1\" has no \"site\"").arg(cluster.id));
        bool ok = true;
        cluster.warmPool = map.value(QStringLiteral("warmPool"), 0).toInt(&ok);
        if (!ok || cluster.warmPool < 0 || cluster.warmPool > 1000)
            return makeError(QStringLiteral("libvirt settings: cluster \"%1\": warmPool must be 0..1000").arg(cluster.id));
        if (cluster.warmPool > 0) {
            auto shape = parseShape(map.value(QStringLiteral("warmPoolShape")).toMap(),
                                    QStringLiteral("cluster \"%1\"").arg(cluster.id));
            if (!shape)
                return makeError(QStringLiteral("libvirt settings: ") + shape.error());
            cluster.warmPoolShape = *shape;
        }
        cluster.statsIntervalMs = map.value(QStringLiteral("statsIntervalMs"), 5000).toInt(&ok);
        if (!ok || cluster.statsIntervalMs < 50)
            return makeError(QStringLiteral("libvirt settings: cluster \"%1\": statsIntervalMs must be at least 50").arg(cluster.id));
        cluster.bootTimeoutMs = map.value(QStringLiteral("bootTimeoutMs"), 120000).toInt(&ok);
        if (!ok || cluster.bootTimeoutMs < 0)
            return makeError(QStringLiteral("libvirt settings: cluster \"%1\": bad bootTimeoutMs").arg(cluster.id));
        cluster.logDirectory = map.value(QStringLiteral("logDirectory"), defaultLogDirectory).toString();
        if (cluster.logDirectory.isEmpty() || !QDir::isAbsolutePath(cluster.logDirectory))
            return makeError(QStringLiteral("libvirt settings: cluster \"%1\": logDirectory must be an absolute path").arg(cluster.id));
        cluster.bootMarker.setPattern(map.value(QStringLiteral("bootMarker"),
                                                QStringLiteral("CONTINUO-GUEST-BOOTED|login:|Welcome"))
                                          .toString());
        if (!cluster.bootMarker.isValid())
            return makeError(QStringLiteral("libvirt settings: cluster \"%1\": bootMarker: %2")
                                 .arg(cluster.id, cluster.bootMarker.errorString()));
        const QVariantList hosts = map.value(QStringLiteral("hosts")).toList();
        if (hosts.isEmpty())
            return makeError(QStringLiteral("libvirt settings: cluster \"%1\" has no \"hosts\"").arg(cluster.id));
        for (int h = 0; h < hosts.size(); ++h) {
            const QVariantMap hostMap = hosts.at(h).toMap();
            HostSettings host;
            host.uri = hostMap.value(QStringLiteral("uri")).toString();
            host.nodeId = hostMap.value(QStringLiteral("node")).toString();
            if (host.uri.isEmpty() || !host.uri.contains(QLatin1String(":")))
                return makeError(QStringLiteral("libvirt settings: cluster \"%1\" hosts[%2]: \"uri\" is missing or not a libvirt URI")
                                     .arg(cluster.id)
                                     .arg(h));
            if (!host.nodeId.isEmpty()) {
                if (nodeIds.contains(host.nodeId))
                    return makeError(QStringLiteral("libvirt settings: node \"%1\" appears twice").arg(host.nodeId));
                nodeIds.insert(host.nodeId);
            }
            cluster.hosts.append(host);
        }
        result.clusters.append(cluster);
    }
    return result;
}

// ---------------------------------------------------------------------------------------------

struct LibvirtComputeBackend::HostState
{
    std::unique_ptr<LibvirtHost> host;
    const ClusterSettings *cluster = nullptr;
    int index = 0;           ///< Position among all hosts of the backend.
    bool explicitNodeId = false;
    QString nodeId;          ///< Current node id (may be a placeholder until connected).
    QString publishedNodeId; ///< Node id in the inventory now.
    NodeState state = NodeState::Unknown;
    bool downAnnounced = false;
    QString lastError;
    HostInventory inventory;
    QHash<QString, DomainInfo> domains;
    QStringList freeShells; ///< Worker-thread use, under the mutex.
};

struct LibvirtComputeBackend::Entry
{
    QString id;
    QString workloadId;
    QString clusterId;
    QString nodeId;
    QString domainName;
    LibvirtHost *host = nullptr;
    DeploymentState state = DeploymentState::Unknown;
    QString message;
    QList<InstantiationPhase> phases;
    QElapsedTimer clock;
    bool fromPool = false;
};

LibvirtComputeBackend::LibvirtComputeBackend(IPluginHost *host, BackendSettings settings)
    : m_host(host), m_settings(std::move(settings))
{
    InventoryChangeSet changes;
    int index = 0;
    for (const ClusterSettings &cluster : std::as_const(m_settings.clusters)) {
        Cluster entity;
        entity.id = cluster.id;
        entity.name = cluster.name;
        entity.siteId = cluster.siteId;
        entity.backend = BackendKind::Libvirt;
        entity.pluginId = kPluginId;
        changes.upsert(entity);
        QDir().mkpath(cluster.logDirectory);
        for (const HostSettings &hostSettings : cluster.hosts) {
            auto state = std::make_unique<HostState>();
            state->cluster = &cluster;
            state->index = index++;
            state->explicitNodeId = !hostSettings.nodeId.isEmpty();
            state->nodeId = state->explicitNodeId
                                ? hostSettings.nodeId
                                : cluster.id + QLatin1String("-host") + QString::number(state->index + 1);
            state->host = std::make_unique<LibvirtHost>(hostSettings.uri, cluster.id, state->nodeId,
                                                        cluster.statsIntervalMs, this);
            m_hosts.push_back(std::move(state));
        }
    }
    if (auto applied = m_host->applyInventory(changes, kPluginId); !applied)
        qCWarning(lcLibvirt) << "libvirt clusters refused by the inventory:" << applied.error();
    for (auto &state : m_hosts)
        state->host->start();
}

LibvirtComputeBackend::~LibvirtComputeBackend()
{
    // Stop the workers first: they call back into this object.
    for (auto &state : m_hosts)
        state->host.reset();
}

QStringList LibvirtComputeBackend::clusterIds() const
{
    QStringList ids;
    for (const ClusterSettings &cluster : m_settings.clusters)
        ids.append(cluster.id);
    return ids;
}

void LibvirtComputeBackend::setReportCallback(ReportCallback callback)
{
    QMutexLocker lock(&m_mutex);
    m_callback = std::move(callback);
}

QStringList LibvirtComputeBackend::nodeIds() const
{
    QMutexLocker lock(&m_mutex);
    QStringList ids;
    for (const auto &state : m_hosts)
        ids.append(state->nodeId);
    return ids;
}

int LibvirtComputeBackend::freePoolShells(const QString &nodeId) const
{
    QMutexLocker lock(&m_mutex);
    for (const auto &state : m_hosts) {
        if (state->nodeId == nodeId)
            return int(state->freeShells.size());
    }
    return 0;
}

LibvirtComputeBackend::HostState *LibvirtComputeBackend::stateOf(LibvirtHost *host) const
{
    for (const auto &state : m_hosts) {
        if (state->host.get() == host)
            return state.get();
    }
    return nullptr;
}

void LibvirtComputeBackend::report(const DeploymentReport &value)
{
    ReportCallback callback;
    {
        QMutexLocker lock(&m_mutex);
        callback = m_callback;
    }
    if (callback)
        callback(value);
}

DeploymentReport LibvirtComputeBackend::toReport(const Entry &entry) const
{
    DeploymentReport r;
    r.deploymentId = entry.id;
    r.state = entry.state;
    r.message = entry.message;
    r.nodeId = entry.nodeId;
    r.clusterId = entry.clusterId;
    r.workloadId = entry.workloadId;
    return r;
}

void LibvirtComputeBackend::markPhase(Entry &entry, const QString &name) const
{
    InstantiationPhase phase;
    phase.name = name;
    phase.timestampMs = QDateTime::currentMSecsSinceEpoch();
    phase.sinceStartMs = double(entry.clock.nsecsElapsed()) / 1e6;
    entry.phases.append(phase);
}

void LibvirtComputeBackend::publishObjectEvent(const QString &objectId, const QString &state,
                                               const QString &deploymentId,
                                               const QString &event,
                                               const QList<InstantiationPhase> &phases,
                                               const QString &error)
{
    Event e;
    e.type = QLatin1String(EventTypes::BackendObject);
    e.source = kSource;
    e.subjectId = objectId;
    e.severity = error.isEmpty() ? EventSeverity::Info : EventSeverity::Error;
    e.message = error.isEmpty() ? QStringLiteral("domain %1: %2 (%3)").arg(objectId, event, state)
                                : QStringLiteral("domain %1: %2 failed: %3").arg(objectId, event, error);
    QJsonObject payload{{QStringLiteral("object"), objectId},
                        {QStringLiteral("kind"), kDomainKind},
                        {QStringLiteral("state"), state},
                        {QStringLiteral("deployment"), deploymentId},
                        {QStringLiteral("event"), event}};
    if (!error.isEmpty())
        payload.insert(QStringLiteral("error"), error);
    if (!phases.isEmpty()) {
        QJsonArray list;
        for (const InstantiationPhase &phase : phases)
            list.append(QJsonObject{{QStringLiteral("name"), phase.name},
                                    {QStringLiteral("sinceStartMs"), phase.sinceStartMs}});
        payload.insert(QStringLiteral("phases"), list);
    }
    e.payload = payload;
    m_host->publishEvent(e);
}

void LibvirtComputeBackend::fail(const QString &deploymentId, const QString &message,
                                 const QString &objectId)
{
    DeploymentReport r;
    {
        QMutexLocker lock(&m_mutex);
        const auto entry = m_entries.value(deploymentId);
        if (!entry)
            return;
        entry->state = DeploymentState::Failed;
        entry->message = message;
        r = toReport(*entry);
    }
    qCInfo(lcLibvirt) << "deployment" << deploymentId << "failed:" << message;
    publishObjectEvent(objectId, QStringLiteral("failed"), deploymentId, QStringLiteral("deploy"),
                       {}, message);
    report(r);
}

// --- inventory -------------------------------------------------------------------------------

void LibvirtComputeBackend::publishNodeLocked(HostState &state, InventoryChangeSet &changes) const
{
    if (!state.publishedNodeId.isEmpty() && state.publishedNodeId != state.nodeId)
        changes.remove(EntityKind::Node, state.publishedNodeId);
    Node node;
    node.id = state.nodeId;
    node.name = state.inventory.hostname.isEmpty() ? state.host->uri() : state.inventory.hostname;
    node.siteId = state.cluster->siteId;
    node.clusterId = state.cluster->id;
    node.capacity.cpuCores = state.inventory.cpus;
    node.capacity.memoryBytes = state.inventory.memoryBytes;
    node.arch = state.inventory.facts.arch;
    node.state = state.state;
    node.labels.insert(QStringLiteral("uri"), state.host->uri());
    if (!state.inventory.hypervisorType.isEmpty()) {
        node.labels.insert(QStringLiteral("hypervisor"), state.inventory.hypervisorType);
        node.labels.insert(QStringLiteral("hypervisor.version"), state.inventory.hypervisorVersion);
        node.labels.insert(QStringLiteral("numa.cells"),
                           QString::number(state.inventory.facts.numaCells.size()));
        node.labels.insert(QStringLiteral("libvirt.domain.type"), state.inventory.facts.domainType);
    }
    changes.upsert(node);
    state.publishedNodeId = state.nodeId;
}

void LibvirtComputeBackend::publishNode(HostState &state)
{
    InventoryChangeSet changes;
    {
        QMutexLocker lock(&m_mutex);
        publishNodeLocked(state, changes);
    }
    if (auto applied = m_host->applyInventory(changes, kPluginId); !applied)
        qCWarning(lcLibvirt) << "node" << state.nodeId << "refused by the inventory:" << applied.error();
}

void LibvirtComputeBackend::hostConnected(LibvirtHost *host, const HostInventory &inventory,
                                          const QList<DomainInfo> &domains)
{
    HostState *state = nullptr;
    QList<DeploymentReport> adopted;
    {
        QMutexLocker lock(&m_mutex);
        state = stateOf(host);
        if (!state)
            return;
        state->inventory = inventory;
        state->state = NodeState::Ready;
        state->lastError.clear();
        if (!state->explicitNodeId && !inventory.hostname.isEmpty()) {
            QString id = state->cluster->id + QLatin1Char('-') + sanitiseNodePart(inventory.hostname);
            const QString base = id;
            bool taken = true;
            for (int n = 2; taken; ++n) {
                taken = false;
                for (const auto &other : m_hosts) {
                    if (other.get() != state && other->nodeId == id) {
                        taken = true;
                        id = base + QLatin1Char('-') + QString::number(n);
                        break;
                    }
                }
            }
            state->nodeId = id;
            host->setNodeId(id);
        }
        state->domains.clear();
        state->freeShells.clear();
        for (const DomainInfo &domain : domains) {
            state->domains.insert(domain.name, domain);
            const DomainMetadata &meta = domain.description.metadata;
            if (meta.isPoolShell && domain.stateCode == VIR_DOMAIN_SHUTOFF)
                state->freeShells.append(domain.name);
            if (meta.deploymentId.isEmpty())
                continue;
            auto &entry = m_entries[meta.deploymentId];
            if (!entry) {
                entry = std::make_shared<Entry>();
                entry->id = meta.deploymentId;
                entry->workloadId = meta.workloadId;
                entry->clock.start();
            }
            entry->clusterId = state->cluster->id;
            entry->nodeId = state->nodeId;
            entry->domainName = domain.name;
            entry->host = host;
            if (entry->state == DeploymentState::InDeployment && !isActiveState(domain.stateCode))
                continue; // still being deployed by a job on this host's queue
            entry->state = isActiveState(domain.stateCode) ? DeploymentState::Deployed
                                                           : DeploymentState::Failed;
            entry->message = QStringLiteral("domain %1 is %2").arg(domain.name, domain.state);
            adopted.append(toReport(*entry));
        }
    }
    publishNode(*state);
    Event e;
    e.type = QLatin1String(EventTypes::BackendConnection);
    e.source = kSource;
    e.subjectId = state->nodeId;
    e.message = QStringLiteral("libvirt host %1 (%2) is up: %3 %4")
                    .arg(state->nodeId, host->uri(), inventory.hypervisorType, inventory.hypervisorVersion);
    e.payload = {{QStringLiteral("status"), QStringLiteral("UP")},
                 {QStringLiteral("cluster"), state->cluster->id},
                 {QStringLiteral("node"), state->nodeId},
                 {QStringLiteral("uri"), host->uri()}};
    {
        QMutexLocker lock(&m_mutex);
        state->downAnnounced = false;
    }
    m_host->publishEvent(e);
    for (const DeploymentReport &r : std::as_const(adopted))
        report(r);
    if (state->cluster->warmPool > 0)
        host->post([this](LibvirtHost &h) { refillPool(h); });
}

void LibvirtComputeBackend::hostDisconnected(LibvirtHost *host, const QString &error)
{
    HostState *state = nullptr;
    bool announce = false;
    {
        QMutexLocker lock(&m_mutex);
        state = stateOf(host);
        if (!state)
            return;
        state->state = NodeState::Down;
        state->lastError = error;
        announce = !state->downAnnounced;
        state->downAnnounced = true;
        state->freeShells.clear();
    }
    if (!announce)
        return;
    publishNode(*state);
    Event e;
    e.type = QLatin1String(EventTypes::BackendConnection);
    e.source = kSource;
    e.severity = EventSeverity::Warning;
    e.subjectId = state->nodeId;
    e.message = QStringLiteral("libvirt host %1 (%2) is down: %3").arg(state->nodeId, host->uri(), error);
    e.payload = {{QStringLiteral("status"), QStringLiteral("DOWN")},
                 {QStringLiteral("cluster"), state->cluster->id},
                 {QStringLiteral("node"), state->nodeId},
                 {QStringLiteral("uri"), host->uri()},
                 {QStringLiteral("error"), error}};
    m_host->publishEvent(e);
}

// --- lifecycle events ------------------------------------------------------------------------

void LibvirtComputeBackend::domainChanged(LibvirtHost *host, const DomainInfo &info, int event,
                                          int detail)
{
    Q_UNUSED(detail)
    ++m_lifecycleEvents;
    QString objectId;
    QString deploymentId;
    std::optional<DeploymentReport> changed;
    {
        QMutexLocker lock(&m_mutex);
        HostState *state = stateOf(host);
        if (!state)
            return;
        DomainInfo stored = info;
        stored.cpuSeconds = std::max(info.cpuSeconds, state->domains.value(info.name).cpuSeconds);
        state->domains.insert(info.name, stored);
        objectId = objectIdOf(state->cluster->id, info.name);
        deploymentId = info.description.metadata.deploymentId;
        if (const auto entry = m_entries.value(deploymentId); entry && entry->domainName == info.name) {
            // A deployment whose domain stopped (or came back) outside a deploy job.
            const bool active = isActiveState(info.stateCode);
            if (entry->state == DeploymentState::Deployed && !active) {
                entry->state = DeploymentState::Failed;
                entry->message = QStringLiteral("domain %1 is %2").arg(info.name, info.state);
                changed = toReport(*entry);
            } else if (entry->state == DeploymentState::Failed && active) {
                entry->state = DeploymentState::Deployed;
                entry->message = QStringLiteral("domain %1 is %2").arg(info.name, info.state);
                changed = toReport(*entry);
            }
        }
    }
    publishObjectEvent(objectId, info.state, deploymentId, eventName(event), {}, QString());
    if (changed)
        report(*changed);
}

void LibvirtComputeBackend::domainRemoved(LibvirtHost *host, const QString &name, int event)
{
    ++m_lifecycleEvents;
    QString objectId;
    QString deploymentId;
    std::optional<DeploymentReport> gone;
    {
        QMutexLocker lock(&m_mutex);
        HostState *state = stateOf(host);
        if (!state)
            return;
        const DomainInfo info = state->domains.take(name);
        state->freeShells.removeAll(name);
        objectId = objectIdOf(state->cluster->id, name);
        deploymentId = info.description.metadata.deploymentId;
        if (const auto entry = m_entries.value(deploymentId); entry && entry->domainName == name
                                                              && entry->state != DeploymentState::InDeployment) {
            // Undefined by an operator action: the deployment is gone.
            entry->state = DeploymentState::Terminated;
            entry->message = QStringLiteral("domain %1 was undefined").arg(name);
            gone = toReport(*entry);
            m_entries.remove(deploymentId);
        }
    }
    publishObjectEvent(objectId, QStringLiteral("undefined"), deploymentId, eventName(event), {}, QString());
    if (gone)
        report(*gone);
}

void LibvirtComputeBackend::statsCollected(LibvirtHost *host, const QList<SeriesBatch> &batches,
                                           const QHash<QString, double> &cpuSeconds)
{
    {
        QMutexLocker lock(&m_mutex);
        if (HostState *state = stateOf(host)) {
            for (auto it = cpuSeconds.cbegin(); it != cpuSeconds.cend(); ++it) {
                auto domain = state->domains.find(it.key());
                if (domain != state->domains.end())
                    domain->cpuSeconds = it.value();
            }
        }
    }
    if (!batches.isEmpty())
        m_host->ingestSamples(batches);
}

// --- deploy ----------------------------------------------------------------------------------

bool LibvirtComputeBackend::fitsPool(const Workload &workload, const Workload &shape)
{
    if (workload.kind != shape.kind || workload.image != shape.image)
        return false;
    if (workload.request.memoryBytes > shape.request.memoryBytes)
        return false;
    if (std::ceil(workload.request.cpuCores - 1e-9) > std::max(1.0, std::ceil(shape.request.cpuCores - 1e-9)))
        return false;
    for (const char *label : {"libvirt.network", "libvirt.cmdline", "libvirt.initrd",
                              "libvirt.hostdev", "libvirt.pinning"}) {
        if (workload.labels.value(QLatin1String(label)) != shape.labels.value(QLatin1String(label)))
            return false;
    }
    return true;
}

Result<void> LibvirtComputeBackend::deploy(const Deployment &deployment, const Workload &workload)
{
    QElapsedTimer clock;
    clock.start();
    const qint64 acceptedMs = QDateTime::currentMSecsSinceEpoch();
    if (deployment.id.isEmpty())
        return makeError(QStringLiteral("deployment has no id"));

    DeploymentReport first;
    LibvirtHost *target = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        if (const auto existing = m_entries.value(deployment.id)) {
            const DeploymentReport current = toReport(*existing);
            lock.unlock();
            report(current);
            return {};
        }
        auto entry = std::make_shared<Entry>();
        entry->id = deployment.id;
        entry->workloadId = deployment.workloadId.isEmpty() ? workload.id : deployment.workloadId;
        entry->clock = clock;
        entry->phases.append(InstantiationPhase{QStringLiteral("accepted"), acceptedMs, 0.0});

        HostState *chosen = nullptr;
        if (!deployment.nodeId.isEmpty()) {
            for (const auto &state : m_hosts) {
                if (state->nodeId == deployment.nodeId
                    && (deployment.clusterId.isEmpty() || state->cluster->id == deployment.clusterId))
                    chosen = state.get();
            }
        }
        if (!chosen) {
            for (const auto &state : m_hosts) {
                if (state->state == NodeState::Ready
                    && (deployment.clusterId.isEmpty() || state->cluster->id == deployment.clusterId)) {
                    chosen = state.get();
                    break;
                }
            }
        }
        entry->clusterId = chosen ? chosen->cluster->id : deployment.clusterId;
        m_entries.insert(entry->id, entry);
        if (!chosen || chosen->state != NodeState::Ready) {
            entry->state = DeploymentState::Failed;
            entry->nodeId = chosen ? chosen->nodeId : deployment.nodeId;
            entry->message = chosen ? QStringLiteral("libvirt host %1 is down: %2").arg(chosen->nodeId, chosen->lastError)
                                    : QStringLiteral("no Ready libvirt host for node \"%1\" in cluster \"%2\"")
                                          .arg(deployment.nodeId, deployment.clusterId);
            first = toReport(*entry);
        } else {
            entry->nodeId = chosen->nodeId;
            entry->host = chosen->host.get();
            entry->state = DeploymentState::InDeployment;
            entry->message = QStringLiteral("deploying on %1").arg(chosen->nodeId);
            markPhase(*entry, QStringLiteral("scheduled"));
            first = toReport(*entry);
            target = chosen->host.get();
        }
    }
    if (!target) {
        publishObjectEvent(objectIdOf(first.clusterId, DomainXmlBuilder::domainName(deployment.id)),
                           QStringLiteral("failed"), deployment.id,
                           QStringLiteral("deploy"), {}, first.message);
        report(first);
        return {};
    }
    report(first);
    target->post([this, id = deployment.id, workload](LibvirtHost &host) { runDeploy(host, id, workload); });
    return {};
}

void LibvirtComputeBackend::runDeploy(LibvirtHost &host, const QString &deploymentId,
                                      const Workload &workload)
{
    std::shared_ptr<Entry> entry;
    const ClusterSettings *cluster = nullptr;
    QString shell;
    {
        QMutexLocker lock(&m_mutex);
        entry = m_entries.value(deploymentId);
        HostState *state = stateOf(&host);
        if (!entry || entry->host != &host || !state)
            return; // terminated before it started
        cluster = state->cluster;
        if (cluster->warmPool > 0 && cluster->warmPoolShape
            && fitsPool(workload, *cluster->warmPoolShape) && !state->freeShells.isEmpty())
            shell = state->freeShells.takeFirst();
    }
    const QString wantedName = DomainXmlBuilder::domainName(deploymentId);
    const QString clusterId = cluster->id;
    if (!host.isConnected()) {
        fail(deploymentId, QStringLiteral("libvirt host %1 is not connected").arg(host.uri()),
             objectIdOf(clusterId, wantedName));
        return;
    }

    QString name;
    if (!shell.isEmpty()) {
        auto adopted = host.adoptShell(shell, wantedName, deploymentId, entry->workloadId);
        if (adopted) {
            QMutexLocker lock(&m_mutex);
            entry->fromPool = true;
            entry->domainName = *adopted;
            markPhase(*entry, QStringLiteral("xml (from pool)"));
            markPhase(*entry, QStringLiteral("defined (from pool)"));
            name = *adopted;
        } else {
            qCInfo(lcLibvirt) << "pool shell" << shell << "unusable:" << adopted.error();
            (void)host.removeDomain(shell);
        }
    }
    if (name.isEmpty()) {
        Deployment deployment;
        deployment.id = deploymentId;
        deployment.workloadId = entry->workloadId;
        auto spec = DomainXmlBuilder::build(deployment, workload, host.inventory().facts,
                                            cluster->logDirectory);
        if (!spec) {
            fail(deploymentId, QStringLiteral("invalid domain: %1").arg(spec.error()),
                 objectIdOf(clusterId, wantedName));
            return;
        }
        {
            QMutexLocker lock(&m_mutex);
            entry->domainName = spec->name;
            markPhase(*entry, QStringLiteral("xml"));
        }
        auto defined = host.defineDomain(spec->xml);
        if (!defined) {
            fail(deploymentId, QStringLiteral("virDomainDefineXML: %1").arg(defined.error()),
                 objectIdOf(clusterId, spec->name));
            return;
        }
        name = *defined;
        QMutexLocker lock(&m_mutex);
        entry->domainName = name;
        markPhase(*entry, QStringLiteral("defined"));
    }
    const QString objectId = objectIdOf(clusterId, name);

    if (auto started = host.startDomain(name); !started) {
        fail(deploymentId, QStringLiteral("virDomainCreate: %1").arg(started.error()), objectId);
        return;
    }
    QString logPath;
    if (auto info = host.readDomain(name))
        logPath = info->description.consoleLogPath;
    DeploymentReport deployed;
    QList<InstantiationPhase> phases;
    {
        QMutexLocker lock(&m_mutex);
        markPhase(*entry, QStringLiteral("started"));
        entry->state = DeploymentState::Deployed;
        entry->message = QStringLiteral("domain %1 running on %2").arg(name, entry->nodeId);
        deployed = toReport(*entry);
        phases = entry->phases;
    }
    publishObjectEvent(objectId, QStringLiteral("running"), deploymentId, QStringLiteral("started"),
                       phases, QString());
    report(deployed);
    if (!shell.isEmpty())
        host.post([this](LibvirtHost &h) { refillPool(h); });
    if (!logPath.isEmpty() && cluster->bootTimeoutMs > 0)
        watchBoot(host, deploymentId, logPath, 0, QString());
}

void LibvirtComputeBackend::watchBoot(LibvirtHost &host, const QString &deploymentId,
                                      const QString &logPath, qint64 offset, QString tail)
{
    const ClusterSettings *cluster = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        const auto entry = m_entries.value(deploymentId);
        HostState *state = stateOf(&host);
        if (!entry || !state || entry->state != DeploymentState::Deployed)
            return;
        cluster = state->cluster;
        if (entry->clock.elapsed() > cluster->bootTimeoutMs) {
            qCInfo(lcLibvirt) << "deployment" << deploymentId << "showed no boot marker in" << logPath;
            return;
        }
    }
    QFile file(logPath);
    if (file.open(QIODevice::ReadOnly)) {
        if (file.size() < offset)
            offset = 0; // truncated by a restart
        file.seek(offset);
        const QByteArray fresh = file.read(1 << 20);
        offset += fresh.size();
        tail += QString::fromUtf8(fresh);
        if (cluster->bootMarker.match(tail).hasMatch()) {
            QList<InstantiationPhase> phases;
            QString objectId;
            {
                QMutexLocker lock(&m_mutex);
                const auto entry = m_entries.value(deploymentId);
                if (!entry)
                    return;
                markPhase(*entry, QStringLiteral("booted"));
                phases = entry->phases;
                objectId = objectIdOf(entry->clusterId, entry->domainName);
            }
            publishObjectEvent(objectId, QStringLiteral("running"), deploymentId,
                               QStringLiteral("booted"), phases, QString());
            return;
        }
        // Keep enough of the tail for a marker split across reads.
        if (tail.size() > 4096)
            tail = tail.right(4096);
    }
    host.postDelayed(50, [this, deploymentId, logPath, offset, tail](LibvirtHost &h) {
        watchBoot(h, deploymentId, logPath, offset, tail);
    });
}

void LibvirtComputeBackend::refillPool(LibvirtHost &host)
{
    const ClusterSettings *cluster = nullptr;
    int missing = 0;
    QString nodeId;
    {
        QMutexLocker lock(&m_mutex);
        HostState *state = stateOf(&host);
        if (!state || !state->cluster->warmPoolShape)
            return;
        cluster = state->cluster;
        missing = cluster->warmPool - int(state->freeShells.size());
        nodeId = state->nodeId;
    }
    if (!host.isConnected())
        return;
    for (int i = 0; i < missing; ++i) {
        const QString name = QStringLiteral("continuo-pool-")
                             + QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
        auto spec = DomainXmlBuilder::buildPoolShell(name, *cluster->warmPoolShape,
                                                     host.inventory().facts, cluster->logDirectory);
        if (!spec) {
            qCWarning(lcLibvirt) << "warm pool shape unusable on" << nodeId << ":" << spec.error();
            return;
        }
        auto defined = host.defineDomain(spec->xml);
        if (!defined) {
            qCWarning(lcLibvirt) << "cannot define a warm-pool shell on" << nodeId << ":" << defined.error();
            return;
        }
        QMutexLocker lock(&m_mutex);
        if (HostState *state = stateOf(&host))
            state->freeShells.append(*defined);
    }
}

// --- terminate, queries, actions ---------------------------------------------------------------

Result<void> LibvirtComputeBackend::terminate(const QString &deploymentId)
{
    std::shared_ptr<Entry> entry;
    {
        QMutexLocker lock(&m_mutex);
        entry = m_entries.take(deploymentId);
    }
    if (!entry || !entry->host || entry->domainName.isEmpty()) {
        DeploymentReport r;
        r.deploymentId = deploymentId;
        r.state = DeploymentState::Terminated;
        r.message = QStringLiteral("not running");
        if (entry) {
            r.nodeId = entry->nodeId;
            r.clusterId = entry->clusterId;
            r.workloadId = entry->workloadId;
        }
        report(r);
        return {};
    }
    entry->host->post([this, entry](LibvirtHost &host) {
        QString logPath;
        if (auto info = host.readDomain(entry->domainName))
            logPath = info->description.consoleLogPath;
        DeploymentReport r = toReport(*entry);
        if (auto removed = host.removeDomain(entry->domainName); !removed) {
            r.state = DeploymentState::Failed;
            r.message = QStringLiteral("cannot remove domain %1: %2").arg(entry->domainName, removed.error());
            publishObjectEvent(objectIdOf(entry->clusterId, entry->domainName), QStringLiteral("failed"),
                               entry->id, QStringLiteral("terminate"), {}, removed.error());
            // Keep it known so a retry can act on it.
            QMutexLocker lock(&m_mutex);
            m_entries.insert(entry->id, entry);
        } else {
            if (!logPath.isEmpty())
                QFile::remove(logPath);
            r.state = DeploymentState::Terminated;
            r.message = QStringLiteral("domain %1 destroyed and undefined").arg(entry->domainName);
        }
        report(r);
    });
    return {};
}

QList<DeploymentReport> LibvirtComputeBackend::deployments() const
{
    QMutexLocker lock(&m_mutex);
    QList<DeploymentReport> list;
    for (const auto &entry : m_entries)
        list.append(toReport(*entry));
    return list;
}

BackendObject LibvirtComputeBackend::toObject(const HostState &host, const DomainInfo &domain) const
{
    BackendObject object;
    object.id = objectIdOf(host.cluster->id, domain.name);
    object.kind = kDomainKind;
    object.name = domain.name;
    object.clusterId = host.cluster->id;
    object.nodeId = host.nodeId;
    object.state = domain.state;
    object.deploymentId = domain.description.metadata.deploymentId;
    object.updatedMs = domain.updatedMs;
    object.properties = {
        {QStringLiteral("vcpus"), domain.description.vcpus},
        {QStringLiteral("memoryBytes"), domain.description.memoryBytes},
        {QStringLiteral("disks"), domain.description.disks},
        {QStringLiteral("interfaces"), domain.description.interfaces},
        {QStringLiteral("cpuSeconds"), domain.cpuSeconds},
        {QStringLiteral("hypervisor"), host.inventory.hypervisorType},
        {QStringLiteral("consoleLog"), domain.description.consoleLogPath},
    };
    if (domain.description.metadata.isPoolShell)
        object.properties.insert(QStringLiteral("warmPool"), true);
    object.actions = actionsFor(domain.stateCode);
    if (const auto entry = m_entries.value(object.deploymentId); entry && entry->domainName == domain.name)
        object.phases = entry->phases;
    return object;
}

QList<BackendObject> LibvirtComputeBackend::objects() const
{
    QMutexLocker lock(&m_mutex);
    QList<BackendObject> list;
    for (const auto &state : m_hosts) {
        for (const DomainInfo &domain : state->domains)
            list.append(toObject(*state, domain));
    }
    return list;
}

Result<void> LibvirtComputeBackend::invokeAction(const QString &objectId, const QString &action,
                                                 const QVariantMap &arguments)
{
    const QStringList parts = objectId.split(QStringLiteral("/domain/"));
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return makeError(QStringLiteral("\"%1\" is not a libvirt domain id (<cluster>/domain/<name>)").arg(objectId));
    const QString clusterId = parts.at(0);
    const QString name = parts.at(1);

    LibvirtHost *source = nullptr;
    LibvirtHost *target = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        int stateCode = -1;
        for (const auto &state : m_hosts) {
            if (state->cluster->id == clusterId && state->domains.contains(name)) {
                source = state->host.get();
                stateCode = state->domains.value(name).stateCode;
                break;
            }
        }
        if (!source)
            return makeError(QStringLiteral("no libvirt domain \"%1\"").arg(objectId));
        static const QStringList known = {QStringLiteral("start"), QStringLiteral("shutdown"),
                                          QStringLiteral("destroy"), QStringLiteral("suspend"),
                                          QStringLiteral("resume"), QStringLiteral("undefine"),
                                          QStringLiteral("migrate")};
        if (!known.contains(action))
            return makeError(QStringLiteral("libvirt domains have no action \"%1\"").arg(action));
        if (!actionsFor(stateCode).contains(action))
            return makeError(QStringLiteral("cannot %1 domain %2: it is %3")
                                 .arg(action, name, domainStateName(stateCode)));
        if (action == QLatin1String("migrate")) {
            const QString targetNode = arguments.value(QStringLiteral("targetNode")).toString();
            if (targetNode.isEmpty())
                return makeError(QStringLiteral("migrate needs a \"targetNode\" argument"));
            for (const auto &state : m_hosts) {
                if (state->nodeId == targetNode) {
                    if (state->cluster->id != clusterId)
                        return makeError(QStringLiteral("node %1 is not in cluster %2").arg(targetNode, clusterId));
                    if (state->host.get() == source)
                        return makeError(QStringLiteral("domain %1 already runs on %2").arg(name, targetNode));
                    if (state->state != NodeState::Ready)
                        return makeError(QStringLiteral("target node %1 is down").arg(targetNode));
                    target = state->host.get();
                }
            }
            if (!target)
                return makeError(QStringLiteral("no libvirt node \"%1\"").arg(targetNode));
        }
    }
    source->post([this, objectId, name, action, target](LibvirtHost &host) {
        Result<void> result = action == QLatin1String("migrate") ? host.migrateDomain(name, *target)
                                                                 : host.domainAction(name, action);
        if (!result) {
            QString state;
            QString deploymentId;
            if (auto info = host.readDomain(name)) {
                state = info->state;
                deploymentId = info->description.metadata.deploymentId;
            }
            qCInfo(lcLibvirt) << action << objectId << "failed:" << result.error();
            publishObjectEvent(objectId, state, deploymentId, action, {}, result.error());
        }
    });
    return {};
}

Result<QString> LibvirtComputeBackend::consoleLog(const QString &objectId, qint64 maxBytes) const
{
    QString path;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &state : m_hosts) {
            for (const DomainInfo &domain : state->domains) {
                if (objectIdOf(state->cluster->id, domain.name) == objectId)
                    path = domain.description.consoleLogPath;
            }
        }
    }
    if (path.isEmpty())
        return makeError(QStringLiteral("no console log for \"%1\"").arg(objectId));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (maxBytes > 0 && file.size() > maxBytes)
        file.seek(file.size() - maxBytes);
    return QString::fromUtf8(file.readAll());
}

} // namespace Continuo::Libvirt
