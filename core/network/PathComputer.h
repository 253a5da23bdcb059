#pragma once

#include "continuo_core_export.h"
#include "model/Inventory.h"
#include "network/NetworkModel.h"
#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Continuo {

/// A loop-free path through the fabric. For a path of n switches there are n - 1 links;
/// link i joins switches[i] and switches[i + 1].
struct FabricPath
{
    QStringList switches;    ///< Switch ids from the source switch to the destination switch.
    QStringList links;       ///< Link ids, links[i] between switches[i] and switches[i + 1].
    QList<int> egressPorts;  ///< Port of switches[i] toward switches[i + 1] (forward direction).
    QList<int> ingressPorts; ///< Port of switches[i + 1] where links[i] arrives: its egress port
                             ///< toward switches[i] in the reverse direction.
    double latencyMs = 0.0;  ///< Link latencies plus the per-switch latency of every switch on it.

    bool isEmpty() const { return switches.isEmpty(); }
    /// "S1-S3-S4-S2"
    QString toString() const { return switches.join(u'-'); }
    bool operator==(const FabricPath &) const = default;
};

/// Where a host or a pod's node plugs into the fabric.
struct SwitchAttachment
{
    QString switchId;
    int port = 0;
    QString linkId;
    bool operator==(const SwitchAttachment &) const = default;
};

/// The switch-level graph of the fabric, built from the inventory: every Switch is a vertex,
/// every Link whose two ends are switches an undirected edge with the ports of both ends.
/// Links in state Down and switches in state Down are unusable. Link cost is its nominal
/// latencyMs unless overridden (live values from INT); switches cost their per-hop latency
/// (0 unless overridden). Links from a Node to a switch are kept as attachments, used to place
/// pod and host endpoints (see attachment()).
///
/// A value type: queries are const and reentrant (each allocates O(V) scratch), overrides are
/// not synchronised; give each thread its own copy or guard it.
class CONTINUO_CORE_EXPORT FabricGraph
{
public:
    FabricGraph() = default;
    /// O(V + E + N) with N the inventory's nodes.
    explicit FabricGraph(const Inventory &inventory);
    explicit FabricGraph(const InventorySnapshot &snapshot);

    int switchCount() const { return int(m_switches.size()); }
    int linkCount() const { return int(m_links.size()); }
    bool hasSwitch(const QString &switchId) const { return m_switchIndex.contains(switchId); }
    bool hasLink(const QString &linkId) const { return m_linkIndex.contains(linkId); }

    /// Per-hop latency of a switch (from INT), added for every path through it. Fails for an
    /// unknown switch or a negative or non-finite value.
    Result<void> setSwitchLatencyMs(const QString &switchId, double latencyMs);
    /// Live latency of a link, replacing its nominal latencyMs.
    Result<void> setLinkLatencyMs(const QString &linkId, double latencyMs);
    /// Back to nominal link latencies and zero switch latency.
    void clearLatencyOverrides();
    /// Current cost of a switch / link; 0 for an unknown id.
    double switchLatencyMs(const QString &switchId) const;
    double linkLatencyMs(const QString &linkId) const;

    /// Lowest-latency usable path (Dijkstra, binary heap: O((V + E) log V)). Unknown ids in the
    /// avoid lists are ignored (a removed switch is avoided anyway). Fails for an unknown or
    /// down end switch, an end that is also avoided, or when no path exists
    /// ("no path from S1 to S2 avoiding S3"). Equal-cost ties resolve the same way for the same
    /// inventory (switches are ordered by id).
    Result<FabricPath> shortestPath(const QString &from, const QString &to,
                                    const QStringList &avoidSwitches = {},
                                    const QStringList &avoidLinks = {}) const;

    /// A backup for `primary`: the shortest path sharing none of its interior switches nor its
    /// links; failing that, one sharing none of its links; else the error "no disjoint backup
    /// for S1-S3-S4-S2 ...". A single-switch primary has no backup.
    Result<FabricPath> disjointBackup(const FabricPath &primary) const;

    /// The path through exactly these switches (a pinned path): checks every switch exists and
    /// is up, no switch repeats and consecutive switches share a usable link (the cheapest of
    /// parallel links), and fills links, ports and latency. O(sum of degrees).
    Result<FabricPath> pathThrough(const QStringList &switches) const;

    /// Where an endpoint plugs in. A given switchId wins (with the endpoint's switchPort).
    /// Otherwise, the rule for pods and hosts without a switch: the inventory Node whose id
    /// equals endpoint.name, else whose name equals it, else (pods) whose label
    /// "continuo.io/vtep" equals endpoint.vtep; then that node's usable link to a switch (the
    /// smallest link id when it has several) gives the switch and port. Anything else fails,
    /// naming what was looked for.
    Result<SwitchAttachment> attachment(const ConnectionEndpoint &endpoint) const;
    /// The connection with both endpoints' switchId/switchPort filled by attachment().
    Result<Connection> resolveEndpoints(const Connection &connection) const;

    /// Label of a Node carrying the IPv4 of its VXLAN tunnel end point.
    static constexpr const char *VtepLabel = "continuo.io/vtep";

private:
    struct SwitchVertex
    {
        QString id;
        double latencyMs = 0.0;
        bool usable = true;
    };
    struct LinkEdge
    {
        QString id;
        int a = -1;
        int b = -1;
        int portA = 0;
        int portB = 0;
        double nominalLatencyMs = 0.0;
        double latencyMs = 0.0;
        bool usable = true;
    };
    struct NodeAttachment
    {
        SwitchAttachment attachment;
        bool usable = false; // false: only links that are down, or to switches that are down
    };
    /// One direction of a link in the adjacency arrays.
    struct HalfEdge
    {
        int to = -1;
        int link = -1;
    };

    void build(const QList<Switch> &switches, const QList<Link> &links, const QList<Node> &nodes);
    Result<FabricPath> search(int from, int to, const std::vector<char> &blockedSwitches,
                              const std::vector<char> &blockedLinks) const;
    FabricPath makePath(const std::vector<int> &switchIndexes,
                        const std::vector<int> &linkIndexes) const;
    int bestLinkBetween(int a, int b) const;

    std::vector<SwitchVertex> m_switches; // sorted by id
    std::vector<LinkEdge> m_links;        // sorted by id
    std::vector<int> m_adjacencyOffsets;  // CSR: edges of switch i in [offsets[i], offsets[i + 1])
    std::vector<HalfEdge> m_adjacency;
    QHash<QString, int> m_switchIndex;
    QHash<QString, int> m_linkIndex;
    QHash<QString, NodeAttachment> m_attachmentByNodeId;
    QHash<QString, QString> m_nodeIdByName;
    QHash<QString, QString> m_nodeIdByVtep;
};

} // namespace Continuo
