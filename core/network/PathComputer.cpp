#include "network/PathComputer.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

using namespace Qt::StringLiterals;

namespace Continuo {

namespace {

constexpr double Infinity = std::numeric_limits<double>::infinity();

template <typename T> QList<T> sortedById(QList<T> values)
{
    std::sort(values.begin(), values.end(),
              [](const T &left, const T &right) { return left.id < right.id; });
    return values;
}

QString avoidingText(const QStringList &switches, const QStringList &links)
{
    QStringList parts;
    if (!switches.isEmpty())
        parts.append(switches.join(u", "_s));
    for (const QString &link : links)
        parts.append(u"link "_s + link);
    return parts.isEmpty() ? QString() : u" avoiding "_s + parts.join(u", "_s);
}

} // namespace

FabricGraph::FabricGraph(const Inventory &inventory)
{
    build(sortedById(inventory.all<Switch>().values()), sortedById(inventory.all<Link>().values()),
          sortedById(inventory.all<Node>().values()));
}

FabricGraph::FabricGraph(const InventorySnapshot &snapshot)
{
    build(sortedById(snapshot.switches), sortedById(snapshot.links), sortedById(snapshot.nodes));
}

void FabricGraph::build(const QList<Switch> &switches, const QList<Link> &links,
                        const QList<Node> &nodes)
{
    m_switches.reserve(switches.size());
    m_switchIndex.reserve(switches.size());
    for (const Switch &sw : switches) {
        m_switchIndex.insert(sw.id, int(m_switches.size()));
        m_switches.push_back({sw.id, 0.0, sw.state != SwitchState::Down});
    }

    m_attachmentByNodeId.reserve(nodes.size());
    for (const Node &node : nodes) {
        m_attachmentByNodeId.insert(node.id, {});
        if (!node.name.isEmpty())
            m_nodeIdByName.insert(node.name, node.id);
        const QString vtep = node.labels.value(QLatin1StringView(VtepLabel));
        if (!vtep.isEmpty())
            m_nodeIdByVtep.insert(vtep, node.id);
    }

    std::vector<int> degree(m_switches.size(), 0);
    m_links.reserve(links.size());
    for (const Link &link : links) {
        const int a = m_switchIndex.value(link.a.id, -1);
        const int b = m_switchIndex.value(link.b.id, -1);
        const bool linkUsable = link.state != LinkState::Down;
        if (a >= 0 && b >= 0) {
            if (a == b)
                continue; // a loopback cable carries no path
            m_linkIndex.insert(link.id, int(m_links.size()));
            m_links.push_back({link.id, a, b, link.a.port, link.b.port, link.latencyMs,
                               link.latencyMs, linkUsable});
            ++degree[a];
            ++degree[b];
            continue;
        }
        // Node to switch: an attachment. Links come sorted by id, so the first usable one wins.
        const bool nodeAtA = b >= 0 && m_attachmentByNodeId.contains(link.a.id);
        const bool nodeAtB = a >= 0 && m_attachmentByNodeId.contains(link.b.id);
        if (!nodeAtA && !nodeAtB)
            continue;
        const QString &nodeId = nodeAtA ? link.a.id : link.b.id;
        const int sw = nodeAtA ? b : a;
        const int port = nodeAtA ? link.b.port : link.a.port;
        NodeAttachment &current = m_attachmentByNodeId[nodeId];
        const bool usable = linkUsable && m_switches[sw].usable;
        if (current.attachment.switchId.isEmpty() || (usable && !current.usable))
            current = {{m_switches[sw].id, port, link.id}, usable};
    }

    m_adjacencyOffsets.assign(m_switches.size() + 1, 0);
    for (size_t i = 0; i < m_switches.size(); ++i)
        m_adjacencyOffsets[i + 1] = m_adjacencyOffsets[i] + degree[i];
    m_adjacency.resize(m_adjacencyOffsets.back());
    std::vector<int> fill(m_adjacencyOffsets.begin(), m_adjacencyOffsets.end() - 1);
    for (int i = 0; i < int(m_links.size()); ++i) {
        const LinkEdge &link = m_links[i];
        m_adjacency[fill[link.a]++] = {link.b, i};
        m_adjacency[fill[link.b]++] = {link.a, i};
    }
}

Result<void> FabricGraph::setSwitchLatencyMs(const QString &switchId, double latencyMs)
{
    const int index = m_switchIndex.value(switchId, -1);
    if (index < 0)
        return makeError(u"unknown switch %1"_s.arg(switchId));
    if (!std::isfinite(latencyMs) || latencyMs < 0)
        return makeError(
            u"switch %1: latency %2 ms must be a finite number >= 0"_s.arg(switchId).arg(
                latencyMs));
    m_switches[index].latencyMs = latencyMs;
    return {};
}

Result<void> FabricGraph::setLinkLatencyMs(const QString &linkId, double latencyMs)
{
    const int index = m_linkIndex.value(linkId, -1);
    if (index < 0)
        return makeError(u"unknown link %1 (not a link between two switches)"_s.arg(linkId));
    if (!std::isfinite(latencyMs) || latencyMs < 0)
        return makeError(
            u"link %1: latency %2 ms must be a finite number >= 0"_s.arg(linkId).arg(latencyMs));
    m_links[index].latencyMs = latencyMs;
    return {};
}

void FabricGraph::clearLatencyOverrides()
{
    for (SwitchVertex &sw : m_switches)
        sw.latencyMs = 0.0;
    for (LinkEdge &link : m_links)
        link.latencyMs = link.nominalLatencyMs;
}

double FabricGraph::switchLatencyMs(const QString &switchId) const
{
    const int index = m_switchIndex.value(switchId, -1);
    return index < 0 ? 0.0 : m_switches[index].latencyMs;
}

double FabricGraph::linkLatencyMs(const QString &linkId) const
{
    const int index = m_linkIndex.value(linkId, -1);
    return index < 0 ? 0.0 : m_links[index].latencyMs;
}

Result<FabricPath> FabricGraph::shortestPath(const QString &from, const QString &to,
                                             const QStringList &avoidSwitches,
                                             const QStringList &avoidLinks) const
{
    const int source = m_switchIndex.value(from, -1);
    const int target = m_switchIndex.value(to, -1);
    if (source < 0)
        return makeError(u"unknown switch %1"_s.arg(from));
    if (target < 0)
        return makeError(u"unknown switch %1"_s.arg(to));
    for (const QString &end : {from, to}) {
        if (avoidSwitches.contains(end))
            return makeError(u"no path from %1 to %2%3: %4 is an end of the path"_s.arg(
                from, to, avoidingText(avoidSwitches, avoidLinks), end));
        if (!m_switches[m_switchIndex.value(end)].usable)
            return makeError(u"no path from %1 to %2: switch %3 is down"_s.arg(from, to, end));
    }

    std::vector<char> blockedSwitches(m_switches.size(), 0);
    std::vector<char> blockedLinks(m_links.size(), 0);
    for (const QString &id : avoidSwitches) {
        if (const int index = m_switchIndex.value(id, -1); index >= 0)
            blockedSwitches[index] = 1;
    }
    for (const QString &id : avoidLinks) {
        if (const int index = m_linkIndex.value(id, -1); index >= 0)
            blockedLinks[index] = 1;
    }
    auto path = search(source, target, blockedSwitches, blockedLinks);
    if (!path)
        return makeError(
            u"no path from %1 to %2%3"_s.arg(from, to, avoidingText(avoidSwitches, avoidLinks)));
    return path;
}

Result<FabricPath> FabricGraph::search(int from, int to, const std::vector<char> &blockedSwitches,
                                       const std::vector<char> &blockedLinks) const
{
    const size_t count = m_switches.size();
    std::vector<double> distance(count, Infinity);
    std::vector<int> viaLink(count, -1);
    std::vector<int> viaSwitch(count, -1);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;

    distance[from] = m_switches[from].latencyMs;
    heap.push({distance[from], from});
    while (!heap.empty()) {
        const auto [cost, u] = heap.top();
        heap.pop();
        if (cost > distance[u])
            continue; // stale entry (lazy deletion instead of decrease-key)
        if (u == to)
            break;
        for (int e = m_adjacencyOffsets[u]; e < m_adjacencyOffsets[u + 1]; ++e) {
            const HalfEdge &edge = m_adjacency[e];
            const LinkEdge &link = m_links[edge.link];
            const SwitchVertex &next = m_switches[edge.to];
            if (!link.usable || blockedLinks[edge.link] || !next.usable || blockedSwitches[edge.to])
                continue;
            const double candidate = cost + link.latencyMs + next.latencyMs;
            if (candidate < distance[edge.to]) {
                distance[edge.to] = candidate;
                viaLink[edge.to] = edge.link;
                viaSwitch[edge.to] = u;
                heap.push({candidate, edge.to});
            }
        }
    }
    if (distance[to] == Infinity)
        return makeError(u"no path"_s);

    std::vector<int> switches;
    std::vector<int> links;
    for (int at = to; at != from; at = viaSwitch[at]) {
        switches.push_back(at);
        links.push_back(viaLink[at]);
    }
    switches.push_back(from);
    std::reverse(switches.begin(), switches.end());
    std::reverse(links.begin(), links.end());
    return makePath(switches, links);
}

FabricPath FabricGraph::makePath(const std::vector<int> &switchIndexes,
                                 const std::vector<int> &linkIndexes) const
{
    FabricPath path;
    path.switches.reserve(qsizetype(switchIndexes.size()));
    path.links.reserve(qsizetype(linkIndexes.size()));
    path.egressPorts.reserve(qsizetype(linkIndexes.size()));
    path.ingressPorts.reserve(qsizetype(linkIndexes.size()));
    for (int index : switchIndexes) {
        path.switches.append(m_switches[index].id);
        path.latencyMs += m_switches[index].latencyMs;
    }
    for (size_t i = 0; i < linkIndexes.size(); ++i) {
        const LinkEdge &link = m_links[linkIndexes[i]];
        const bool forward = link.a == switchIndexes[i];
        path.links.append(link.id);
        path.egressPorts.append(forward ? link.portA : link.portB);
        path.ingressPorts.append(forward ? link.portB : link.portA);
        path.latencyMs += link.latencyMs;
    }
    return path;
}

Result<FabricPath> FabricGraph::disjointBackup(const FabricPath &primary) const
{
    if (primary.switches.size() < 2)
        return makeError(u"no disjoint backup for %1: a path within one switch has none"_s.arg(
            primary.isEmpty() ? u"an empty path"_s : primary.toString()));
    const int source = m_switchIndex.value(primary.switches.first(), -1);
    const int target = m_switchIndex.value(primary.switches.last(), -1);
    if (source < 0 || target < 0)
        return makeError(u"no disjoint backup for %1: unknown switch %2"_s.arg(
            primary.toString(), source < 0 ? primary.switches.first() : primary.switches.last()));

    std::vector<char> blockedSwitches(m_switches.size(), 0);
    std::vector<char> blockedLinks(m_links.size(), 0);
    for (const QString &id : primary.links) {
        if (const int index = m_linkIndex.value(id, -1); index >= 0)
            blockedLinks[index] = 1;
    }
    // Node-disjoint: interior switches and the links blocked (a one-hop primary has no interior,
    // but its link must not be reused). Then link-disjoint only.
    std::vector<char> interior(m_switches.size(), 0);
    for (qsizetype i = 1; i + 1 < primary.switches.size(); ++i) {
        if (const int index = m_switchIndex.value(primary.switches.at(i), -1); index >= 0)
            interior[index] = 1;
    }
    if (auto nodeDisjoint = search(source, target, interior, blockedLinks))
        return nodeDisjoint;
    if (auto linkDisjoint = search(source, target, blockedSwitches, blockedLinks))
        return linkDisjoint;
    return makeError(
        u"no disjoint backup for %1: every other path from %2 to %3 shares one of "
        "its links"_s.arg(primary.toString(), primary.switches.first(), primary.switches.last()));
}

int FabricGraph::bestLinkBetween(int a, int b) const
{
    int best = -1;
    for (int e = m_adjacencyOffsets[a]; e < m_adjacencyOffsets[a + 1]; ++e) {
        const HalfEdge &edge = m_adjacency[e];
        if (edge.to != b)
            continue;
        const LinkEdge &link = m_links[edge.link];
        if (best < 0 || (link.usable && !m_links[best].usable) ||
            (link.usable == m_links[best].usable && link.latencyMs < m_links[best].latencyMs))
            best = edge.link;
    }
    return best;
}

Result<FabricPath> FabricGraph::pathThrough(const QStringList &switches) const
{
    if (switches.isEmpty())
        return makeError(u"pinned path is empty"_s);
    const QString name = switches.join(u'-');
    std::vector<int> indexes;
    indexes.reserve(switches.size());
    QSet<int> seen;
    for (const QString &id : switches) {
        const int index = m_switchIndex.value(id, -1);
        if (index < 0)
            return makeError(u"pinned path %1: unknown switch %2"_s.arg(name, id));
        if (!m_switches[index].usable)
            return makeError(u"pinned path %1: switch %2 is down"_s.arg(name, id));
        if (seen.contains(index))
            return makeError(u"pinned path %1: switch %2 appears twice (a loop)"_s.arg(name, id));
        seen.insert(index);
        indexes.push_back(index);
    }
    std::vector<int> links;
    links.reserve(indexes.size());
    for (size_t i = 0; i + 1 < indexes.size(); ++i) {
        const int link = bestLinkBetween(indexes[i], indexes[i + 1]);
        if (link < 0)
            return makeError(u"pinned path %1: %2 and %3 are not linked"_s.arg(
                name, switches.at(qsizetype(i)), switches.at(qsizetype(i) + 1)));
        if (!m_links[link].usable)
            return makeError(u"pinned path %1: link %2 between %3 and %4 is down"_s.arg(
                name, m_links[link].id, switches.at(qsizetype(i)), switches.at(qsizetype(i) + 1)));
        links.push_back(link);
    }
    return makePath(indexes, links);
}

Result<SwitchAttachment> FabricGraph::attachment(const ConnectionEndpoint &endpoint) const
{
    const QString label = endpoint.name.isEmpty() ? endpoint.ip : endpoint.name;
    if (!endpoint.switchId.isEmpty()) {
        if (!hasSwitch(endpoint.switchId))
            return makeError(u"endpoint %1: unknown switch %2"_s.arg(label, endpoint.switchId));
        return SwitchAttachment{endpoint.switchId, endpoint.switchPort, {}};
    }
    QString nodeId;
    if (m_attachmentByNodeId.contains(endpoint.name))
        nodeId = endpoint.name;
    else if (const auto it = m_nodeIdByName.constFind(endpoint.name); it != m_nodeIdByName.cend())
        nodeId = it.value();
    else if (const auto vtep = m_nodeIdByVtep.constFind(endpoint.vtep);
             !endpoint.vtep.isEmpty() && vtep != m_nodeIdByVtep.cend())
        nodeId = vtep.value();
    if (nodeId.isEmpty()) {
        QString lookedFor = u"no node with id or name '%1'"_s.arg(endpoint.name);
        if (!endpoint.vtep.isEmpty())
            lookedFor += u" nor label %1=%2"_s.arg(QLatin1StringView(VtepLabel), endpoint.vtep);
        return makeError(u"endpoint %1 has no switchId and %2 to find where it plugs in"_s.arg(
            label, lookedFor));
    }
    const NodeAttachment &node = m_attachmentByNodeId[nodeId];
    if (node.attachment.switchId.isEmpty())
        return makeError(u"endpoint %1: node %2 has no link to a switch"_s.arg(label, nodeId));
    if (!node.usable)
        return makeError(u"endpoint %1: node %2's link %3 to switch %4 is down"_s.arg(
            label, nodeId, node.attachment.linkId, node.attachment.switchId));
    return node.attachment;
}

Result<Connection> FabricGraph::resolveEndpoints(const Connection &connection) const
{
    Connection resolved = connection;
    for (ConnectionEndpoint *endpoint : {&resolved.a, &resolved.b}) {
        auto where = attachment(*endpoint);
        if (!where)
            return makeError(u"connection %1: %2"_s.arg(connection.id, where.error()));
        endpoint->switchId = where->switchId;
        endpoint->switchPort = where->port;
    }
    return resolved;
}

} // namespace Continuo
