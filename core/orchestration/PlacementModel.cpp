#include "orchestration/PlacementModel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace Continuo {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr auto kZoneLabel = "topology.kubernetes.io/zone";
constexpr auto kPartitionLabel = "partition";

double greatCircleKm(const GeoLocation &a, const GeoLocation &b)
{
    constexpr double earthRadiusKm = 6371.0;
    constexpr double toRadians = M_PI / 180.0;
    const double dLat = (b.latitude - a.latitude) * toRadians;
    const double dLon = (b.longitude - a.longitude) * toRadians;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(a.latitude * toRadians) * std::cos(b.latitude * toRadians) *
                         std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2.0 * earthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

/// Light travels about 200 km per ms in fibre; real routes are about 1.5x the great circle.
double geoLatencyMs(const GeoLocation &a, const GeoLocation &b)
{
    return greatCircleKm(a, b) / 200.0 * 1.5;
}

} // namespace

int PlacementModel::intern(const QString &text)
{
    if (text.isEmpty())
        return -1;
    auto it = m_strings.constFind(text);
    if (it != m_strings.cend())
        return it.value();
    const int id = int(m_stringList.size());
    m_stringList.append(text);
    m_strings.insert(text, id);
    return id;
}

PlacementModel PlacementModel::build(const InventorySnapshot &inventory,
                                     const QHash<QString, double> &liveLinkLatencyMs)
{
    PlacementModel model;
    model.m_revision = inventory.revision;

    model.m_sites.reserve(size_t(inventory.sites.size()));
    for (const Site &site : inventory.sites) {
        model.m_siteIndex.insert(site.id, int(model.m_sites.size()));
        model.m_sites.push_back({site.id, site.name, site.kind, site.location, false});
    }

    model.m_clusters.reserve(size_t(inventory.clusters.size()));
    for (const Cluster &cluster : inventory.clusters) {
        ClusterSlot slot;
        slot.id = cluster.id;
        slot.name = cluster.name;
        slot.pluginId = cluster.pluginId;
        slot.backend = cluster.backend;
        slot.site = model.siteIndex(cluster.siteId);
        slot.labels = cluster.labels;
        model.m_clusterIndex.insert(cluster.id, int(model.m_clusters.size()));
        model.m_clusters.push_back(std::move(slot));
    }

    const qsizetype nodeCount = inventory.nodes.size();
    model.m_nodes.reserve(size_t(nodeCount));
    model.m_nodeLabels.reserve(size_t(nodeCount));
    model.m_nodeIds.reserve(nodeCount);
    model.m_nodeIndex.reserve(nodeCount);
    for (const Node &node : inventory.nodes) {
        NodeSlot slot;
        slot.cpuCapacity = node.capacity.cpuCores;
        slot.memoryCapacity = node.capacity.memoryBytes;
        slot.diskCapacity = node.capacity.diskBytes;
        slot.arch = model.intern(node.arch);
        slot.site = model.siteIndex(node.siteId);
        slot.cluster = model.clusterIndex(node.clusterId);
        slot.tier = node.securityTier;
        slot.state = node.state;
        const QString zone = node.labels.value(QLatin1String(kZoneLabel),
                                               node.labels.value(QStringLiteral("zone"), node.siteId));
        slot.zone = model.intern(zone);
        const int index = int(model.m_nodes.size());
        model.m_nodeIndex.insert(node.id, index);
        model.m_nodeIds.append(node.id);
        model.m_nodeLabels.push_back(node.labels);
        model.m_nodes.push_back(slot);
        if (slot.cluster >= 0) {
            ClusterSlot &cluster = model.m_clusters[size_t(slot.cluster)];
            cluster.nodes.push_back(index);
            const QString partition = node.labels.value(QLatin1String(kPartitionLabel));
            if (!partition.isEmpty())
                cluster.partitions.insert(partition);
        }
    }

    for (const Device &device : inventory.devices) {
        const int index = model.nodeIndex(device.nodeId);
        if (index < 0)
            continue;
        NodeSlot &slot = model.m_nodes[size_t(index)];
        if (device.kind == DeviceKind::Gpu) {
            if (slot.gpuTotal++ == 0)
                slot.gpuModel = model.intern(device.model);
            slot.gpuVaccel = slot.gpuVaccel || device.vaccelCapable;
        } else if (device.kind == DeviceKind::Fpga) {
            if (slot.fpgaTotal++ == 0)
                slot.fpgaModel = model.intern(device.model);
            slot.fpgaVaccel = slot.fpgaVaccel || device.vaccelCapable;
        }
    }

    for (const StorageLocation &location : inventory.storageLocations)
        model.m_storage.insert(location.id, {model.siteIndex(location.siteId), location.latencyMs});

    // Latency graph: every link endpoint (switch or node) is a vertex carrying its site.
    QHash<QString, int> switchSite;
    for (const Switch &sw : inventory.switches)
        switchSite.insert(sw.id, model.siteIndex(sw.siteId));
    auto vertexFor = [&model, &switchSite](const QString &id) {
        auto it = model.m_vertexIndex.constFind(id);
        if (it != model.m_vertexIndex.cend())
            return it.value();
        int site = switchSite.value(id, -1);
        if (site < 0) {
            const int node = model.nodeIndex(id);
            if (node >= 0)
                site = model.m_nodes[size_t(node)].site;
        }
        const int vertex = int(model.m_vertexSite.size());
        model.m_vertexSite.push_back(site);
        model.m_vertexIndex.insert(id, vertex);
        return vertex;
    };
    for (const Link &link : inventory.links) {
        LinkEdge edge;
        edge.id = link.id;
        edge.a = vertexFor(link.a.id);
        edge.b = vertexFor(link.b.id);
        edge.latencyMs = liveLinkLatencyMs.value(link.id, link.latencyMs);
        edge.up = link.state != LinkState::Down;
        model.m_edges.push_back(edge);
    }
    model.recomputeLatencies();
    return model;
}

void PlacementModel::recomputeLatencies()
{
    const size_t siteCount = m_sites.size();
    m_siteLatency.assign(siteCount * siteCount, kInfinity);
    const size_t vertexCount = m_vertexSite.size();

    std::vector<std::vector<std::pair<int, double>>> adjacency(vertexCount);
    for (const LinkEdge &edge : m_edges) {
        if (!edge.up)
            continue;
        adjacency[size_t(edge.a)].push_back({edge.b, edge.latencyMs});
        adjacency[size_t(edge.b)].push_back({edge.a, edge.latencyMs});
    }
    std::vector<bool> siteHasVertex(siteCount, false);
    for (int site : m_vertexSite) {
        if (site >= 0)
            siteHasVertex[size_t(site)] = true;
    }

    std::vector<double> distance(vertexCount);
    using Item = std::pair<double, int>;
    for (size_t source = 0; source < siteCount; ++source) {
        m_siteLatency[source * siteCount + source] = 0.0;
        if (m_sites[source].failed || !siteHasVertex[source])
            continue;
        // Multi-source Dijkstra from every vertex of the site.
        std::fill(distance.begin(), distance.end(), kInfinity);
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        for (size_t v = 0; v < vertexCount; ++v) {
            if (m_vertexSite[v] == int(source)) {
                distance[v] = 0.0;
                queue.push({0.0, int(v)});
            }
        }
        while (!queue.empty()) {
            const auto [d, v] = queue.top();
            queue.pop();
            if (d > distance[size_t(v)])
                continue;
            for (const auto &[next, weight] : adjacency[size_t(v)]) {
                const double candidate = d + weight;
                if (candidate < distance[size_t(next)]) {
                    distance[size_t(next)] = candidate;
                    queue.push({candidate, next});
                }
            }
        }
        for (size_t v = 0; v < vertexCount; ++v) {
            const int target = m_vertexSite[v];
            if (target < 0 || m_sites[size_t(target)].failed)
                continue;
            double &cell = m_siteLatency[source * siteCount + size_t(target)];
            cell = std::min(cell, distance[v]);
        }
    }
    // Sites the fabric does not describe: estimate from geography (never for failed sites).
    for (size_t a = 0; a < siteCount; ++a) {
        for (size_t b = 0; b < siteCount; ++b) {
            if (a == b || m_sites[a].failed || m_sites[b].failed)
                continue;
            if (!siteHasVertex[a] || !siteHasVertex[b])
                m_siteLatency[a * siteCount + b] =
                    geoLatencyMs(m_sites[a].location, m_sites[b].location) + 1.0;
        }
    }
}

QList<int> PlacementModel::modelIdsContaining(const QString &part) const
{
    QList<int> ids;
    for (int id = 0; id < m_stringList.size(); ++id) {
        if (m_stringList[id].contains(part, Qt::CaseInsensitive))
            ids.append(id);
    }
    return ids;
}

double PlacementModel::siteLatencyMs(int fromSite, int toSite) const
{
    if (fromSite < 0 || toSite < 0)
        return kInfinity;
    return m_siteLatency[size_t(fromSite) * m_sites.size() + size_t(toSite)];
}

double PlacementModel::latencyToLocationMs(int site, const GeoLocation &location) const
{
    if (site < 0 || m_sites[size_t(site)].failed)
        return kInfinity;
    return geoLatencyMs(m_sites[size_t(site)].location, location) + 1.0;
}

int PlacementModel::storageSite(const QString &storageLocationId) const
{
    auto it = m_storage.constFind(storageLocationId);
    return it == m_storage.cend() ? -1 : it->first;
}

double PlacementModel::storageLatencyMs(const QString &storageLocationId) const
{
    auto it = m_storage.constFind(storageLocationId);
    return it == m_storage.cend() ? kInfinity : it->second;
}

void PlacementModel::allocate(int node, const ResourceRequest &request)
{
    NodeSlot &slot = m_nodes[size_t(node)];
    slot.cpuAllocated += request.cpuCores;
    slot.memoryAllocated += request.memoryBytes;
    slot.diskAllocated += request.diskBytes;
    slot.gpuAllocated += request.gpuCount;
    slot.fpgaAllocated += request.fpgaCount;
    ++slot.placements;
    if (slot.cluster >= 0) {
        ClusterSlot &cluster = m_clusters[size_t(slot.cluster)];
        cluster.cpuAllocated += request.cpuCores;
        cluster.aggregatesDirty = true;
    }
}

void PlacementModel::release(int node, const ResourceRequest &request)
{
    NodeSlot &slot = m_nodes[size_t(node)];
    slot.cpuAllocated = std::max(0.0, slot.cpuAllocated - request.cpuCores);
    slot.memoryAllocated = std::max<qint64>(0, slot.memoryAllocated - request.memoryBytes);
    slot.diskAllocated = std::max<qint64>(0, slot.diskAllocated - request.diskBytes);
    slot.gpuAllocated = std::max(0, slot.gpuAllocated - request.gpuCount);
    slot.fpgaAllocated = std::max(0, slot.fpgaAllocated - request.fpgaCount);
    slot.placements = std::max(0, slot.placements - 1);
    if (slot.cluster >= 0) {
        ClusterSlot &cluster = m_clusters[size_t(slot.cluster)];
        cluster.cpuAllocated = std::max(0.0, cluster.cpuAllocated - request.cpuCores);
        cluster.aggregatesDirty = true;
    }
}

void PlacementModel::refreshAggregates(int clusterIndex) const
{
    ClusterSlot &cluster = m_clusters[size_t(clusterIndex)];
    if (!cluster.aggregatesDirty)
        return;
    cluster.maxFreeCpu = 0.0;
    cluster.maxFreeMemory = 0;
    cluster.maxFreeDisk = 0;
    cluster.maxFreeGpus = 0;
    cluster.maxFreeFpgas = 0;
    cluster.schedulableNodes = 0;
    cluster.cpuCapacity = 0.0;
    cluster.cpuAllocated = 0.0;
    for (int index : cluster.nodes) {
        const NodeSlot &node = m_nodes[size_t(index)];
        cluster.cpuCapacity += node.cpuCapacity;
        cluster.cpuAllocated += node.cpuAllocated;
        if (!node.schedulable())
            continue;
        ++cluster.schedulableNodes;
        cluster.maxFreeCpu = std::max(cluster.maxFreeCpu, node.freeCpu());
        cluster.maxFreeMemory = std::max(cluster.maxFreeMemory, node.freeMemory());
        cluster.maxFreeDisk = std::max(cluster.maxFreeDisk, node.freeDisk());
        cluster.maxFreeGpus = std::max(cluster.maxFreeGpus, node.freeGpus());
        cluster.maxFreeFpgas = std::max(cluster.maxFreeFpgas, node.freeFpgas());
    }
    cluster.aggregatesDirty = false;
}

void PlacementModel::setNodeState(int node, NodeState state)
{
    NodeSlot &slot = m_nodes[size_t(node)];
    slot.state = state;
    if (slot.cluster >= 0)
        m_clusters[size_t(slot.cluster)].aggregatesDirty = true;
}

void PlacementModel::setNodeDegraded(int node, bool degraded)
{
    m_nodes[size_t(node)].degraded = degraded;
}

void PlacementModel::setLinkUp(const QString &linkId, bool up)
{
    for (LinkEdge &edge : m_edges) {
        if (edge.id == linkId)
            edge.up = up;
    }
    recomputeLatencies();
}

void PlacementModel::setLinkLatency(const QString &linkId, double latencyMs)
{
    for (LinkEdge &edge : m_edges) {
        if (edge.id == linkId)
            edge.latencyMs = latencyMs;
    }
    recomputeLatencies();
}

void PlacementModel::failSite(int site)
{
    if (site < 0)
        return;
    m_sites[size_t(site)].failed = true;
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].site == site)
            setNodeState(int(i), NodeState::Down);
    }
    recomputeLatencies();
}

} // namespace Continuo
