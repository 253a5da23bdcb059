#pragma once

#include "continuo_core_export.h"
#include "model/Inventory.h"
#include "model/Workload.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace Continuo {

/// The capacity view placement works on: every node's capacity, what is allocated on it, its
/// accelerators and where it sits, in flat arrays indexed by node number (no strings on the hot
/// path), plus the site-to-site latency matrix. Built from an inventory snapshot and the live
/// deployments; copied cheaply for what-if runs. Not thread-safe; one owner at a time.
class CONTINUO_CORE_EXPORT PlacementModel
{
public:
    /// One node, as placement sees it. Strings are interned (see stringId()); -1 means none.
    struct NodeSlot
    {
        double cpuCapacity = 0.0;
        double cpuAllocated = 0.0;
        qint64 memoryCapacity = 0;
        qint64 memoryAllocated = 0;
        qint64 diskCapacity = 0;
        qint64 diskAllocated = 0;
        int gpuTotal = 0;
        int gpuAllocated = 0;
        int fpgaTotal = 0;
        int fpgaAllocated = 0;
        int gpuModel = -1;  ///< Interned model of the node's GPUs (the first one's).
        int fpgaModel = -1;
        bool gpuVaccel = false;
        bool fpgaVaccel = false;
        int arch = -1;      ///< Interned architecture.
        int zone = -1;      ///< Interned `topology.kubernetes.io/zone` label (or the site).
        int site = -1;      ///< Index into sites().
        int cluster = -1;   ///< Index into clusters().
        SecurityTier tier = SecurityTier::Unknown;
        NodeState state = NodeState::Unknown;
        bool degraded = false; ///< An alert is firing on the node (closed loop avoids it).
        int placements = 0;    ///< Deployments counted on the node.

        double freeCpu() const { return cpuCapacity - cpuAllocated; }
        qint64 freeMemory() const { return memoryCapacity - memoryAllocated; }
        qint64 freeDisk() const { return diskCapacity - diskAllocated; }
        int freeGpus() const { return gpuTotal - gpuAllocated; }
        int freeFpgas() const { return fpgaTotal - fpgaAllocated; }
        /// Fraction of the node taken once `request` is added: the larger of CPU and memory,
        /// clamped to 0..1 (1 for a node without that capacity).
        double utilisationAfter(const ResourceRequest &request) const
        {
            const double cpu =
                cpuCapacity > 0 ? (cpuAllocated + request.cpuCores) / cpuCapacity : 1.0;
            const double memory =
                memoryCapacity > 0
                    ? double(memoryAllocated + request.memoryBytes) / double(memoryCapacity)
                    : 1.0;
            return std::clamp(std::max(cpu, memory), 0.0, 1.0);
        }
        /// Ready and not cordoned, draining, down or in maintenance.
        bool schedulable() const { return state == NodeState::Ready; }
    };

    struct ClusterSlot
    {
        QString id;
        QString name;
        QString pluginId;
        BackendKind backend = BackendKind::Unknown;
        int site = -1;
        Labels labels;
        std::vector<int> nodes; ///< Member node indexes, in node id order.
        /// Upper bounds over the schedulable members, for pruning whole clusters (stage 1).
        double maxFreeCpu = 0.0;
        qint64 maxFreeMemory = 0;
        qint64 maxFreeDisk = 0;
        int maxFreeGpus = 0;
        int maxFreeFpgas = 0;
        int schedulableNodes = 0;
        double cpuCapacity = 0.0;
        double cpuAllocated = 0.0;
        bool aggregatesDirty = true;
        QSet<QString> partitions; ///< Values of the members' "partition" labels.
    };

    struct SiteSlot
    {
        QString id;
        QString name;
        SiteKind kind = SiteKind::Unknown;
        GeoLocation location;
        bool failed = false; ///< What-if: the whole site is gone.
    };

    PlacementModel() = default;

    /// Build from an inventory. Link latencies: `liveLinkLatencyMs` (by link id) where given,
    /// else the nominal value; links that are down are left out of the latency graph.
    static PlacementModel build(const InventorySnapshot &inventory,
                                const QHash<QString, double> &liveLinkLatencyMs = {});

    // --- Lookup ------------------------------------------------------------------------
    int nodeCount() const { return int(m_nodes.size()); }
    const NodeSlot &node(int index) const { return m_nodes[size_t(index)]; }
    NodeSlot &node(int index) { return m_nodes[size_t(index)]; }
    const QString &nodeId(int index) const { return m_nodeIds[index]; }
    const Labels &nodeLabels(int index) const { return m_nodeLabels[size_t(index)]; }
    int nodeIndex(const QString &id) const { return m_nodeIndex.value(id, -1); }

    const std::vector<ClusterSlot> &clusters() const { return m_clusters; }
    ClusterSlot &cluster(int index) { return m_clusters[size_t(index)]; }
    const ClusterSlot &cluster(int index) const { return m_clusters[size_t(index)]; }
    int clusterIndex(const QString &id) const { return m_clusterIndex.value(id, -1); }

    const std::vector<SiteSlot> &sites() const { return m_sites; }
    int siteIndex(const QString &id) const { return m_siteIndex.value(id, -1); }

    /// Interned strings (models, architectures, zones): id for text, -1 if never seen.
    int stringId(const QString &text) const { return m_strings.value(text, -1); }
    const QString &string(int id) const { return m_stringList[id]; }
    /// Interned ids of every GPU/FPGA model whose name contains `part` (case-insensitive).
    QList<int> modelIdsContaining(const QString &part) const;

    /// One-way latency between two sites in ms (0 within a site, +inf when unreachable).
    double siteLatencyMs(int fromSite, int toSite) const;
    /// Estimated one-way latency from a site to a geographic point: great-circle distance over
    /// fibre (200 km/ms) with a 1.5 route factor, plus 1 ms of access.
    double latencyToLocationMs(int site, const GeoLocation &location) const;
    /// Site index of a storage location and its access latency; -1 when unknown.
    int storageSite(const QString &storageLocationId) const;
    double storageLatencyMs(const QString &storageLocationId) const;

    // --- Allocation ----------------------------------------------------------------------
    void allocate(int node, const ResourceRequest &request);
    void release(int node, const ResourceRequest &request);
    /// Recompute the cluster's upper bounds if they are stale.
    void refreshAggregates(int cluster) const;

    // --- Changes (live state and what-if) ----------------------------------------------
    void setNodeState(int node, NodeState state);
    void setNodeDegraded(int node, bool degraded);
    /// Take a link out of (or back into) the latency graph and recompute the site matrix.
    void setLinkUp(const QString &linkId, bool up);
    void setLinkLatency(const QString &linkId, double latencyMs);
    /// Mark every node of the site down and the site unreachable.
    void failSite(int site);

    qint64 inventoryRevision() const { return m_revision; }

private:
    struct LinkEdge
    {
        QString id;
        int a = -1; ///< Index into the graph's vertices (switches and nodes).
        int b = -1;
        double latencyMs = 0.0;
        bool up = true;
    };

    int intern(const QString &text);
    void recomputeLatencies();

    qint64 m_revision = 0;
    std::vector<NodeSlot> m_nodes;
    QStringList m_nodeIds;
    std::vector<Labels> m_nodeLabels;
    QHash<QString, int> m_nodeIndex;
    mutable std::vector<ClusterSlot> m_clusters;
    QHash<QString, int> m_clusterIndex;
    std::vector<SiteSlot> m_sites;
    QHash<QString, int> m_siteIndex;
    QHash<QString, int> m_strings;
    QStringList m_stringList;
    std::vector<double> m_siteLatency; ///< sites x sites, row-major.
    // Latency graph: switches (with their site) and links between them.
    QHash<QString, int> m_vertexIndex;
    std::vector<int> m_vertexSite;
    std::vector<LinkEdge> m_edges;
    QHash<QString, QPair<int, double>> m_storage; ///< location id -> (site, latency ms)
};

} // namespace Continuo
