#include "network/PathComputer.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace Continuo;
using namespace Qt::StringLiterals;

namespace {

Switch makeSwitch(const QString &id, SwitchState state = SwitchState::Up)
{
    Switch sw;
    sw.id = id;
    sw.name = id;
    sw.target = u"bmv2"_s;
    sw.portCount = 16;
    sw.state = state;
    return sw;
}

Link makeLink(const QString &id, const QString &a, int portA, const QString &b, int portB,
              double latencyMs, LinkState state = LinkState::Up)
{
    Link link;
    link.id = id;
    link.a = {a, portA};
    link.b = {b, portB};
    link.latencyMs = latencyMs;
    link.state = state;
    return link;
}

/// The BRAINE paper's fabric: S1-S3-S4-S2 (three 1 ms links) and S1-S5-S2 (two 2 ms links),
/// so the shorter path by latency is through S3 and S4 until S3 degrades.
InventorySnapshot paperFabric()
{
    InventorySnapshot snapshot;
    for (const char *id : {"S1", "S2", "S3", "S4", "S5"})
        snapshot.switches.append(makeSwitch(QString::fromLatin1(id)));
    snapshot.links = {
        makeLink(u"L13"_s, u"S1"_s, 1, u"S3"_s, 1, 1.0),
        makeLink(u"L34"_s, u"S3"_s, 2, u"S4"_s, 1, 1.0),
        makeLink(u"L42"_s, u"S4"_s, 2, u"S2"_s, 1, 1.0),
        makeLink(u"L15"_s, u"S1"_s, 2, u"S5"_s, 1, 2.0),
        makeLink(u"L52"_s, u"S5"_s, 2, u"S2"_s, 2, 2.0),
    };
    Node nodeA;
    nodeA.id = u"node-a"_s;
    nodeA.name = u"edge-node-a"_s;
    nodeA.labels.insert(QString::fromLatin1(FabricGraph::VtepLabel), u"192.168.10.11"_s);
    Node nodeB;
    nodeB.id = u"node-b"_s;
    nodeB.name = u"edge-node-b"_s;
    Node lonely;
    lonely.id = u"node-c"_s;
    snapshot.nodes = {nodeA, nodeB, lonely};
    snapshot.links.append(makeLink(u"La"_s, u"node-a"_s, 0, u"S1"_s, 10, 0.1));
    snapshot.links.append(makeLink(u"Lb"_s, u"S2"_s, 11, u"node-b"_s, 0, 0.1, LinkState::Down));
    return snapshot;
}

/// Checks that `path` is a real walk of `graph` whose latency adds up.
void verifyWalk(const FabricGraph &graph, const FabricPath &path)
{
    QCOMPARE(path.links.size(), path.switches.size() - 1);
    QCOMPARE(path.egressPorts.size(), path.links.size());
    QCOMPARE(path.ingressPorts.size(), path.links.size());
    auto through = graph.pathThrough(path.switches);
    QVERIFY2(through.hasValue(), qPrintable(through.error()));
    double latency = 0;
    for (const QString &sw : path.switches)
        latency += graph.switchLatencyMs(sw);
    for (const QString &link : path.links)
        latency += graph.linkLatencyMs(link);
    QVERIFY(qAbs(latency - path.latencyMs) < 1e-9);
}

} // namespace

class tst_PathComputer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsSwitchGraph()
    {
        const FabricGraph graph(paperFabric());
        QCOMPARE(graph.switchCount(), 5);
        QCOMPARE(graph.linkCount(), 5); // node links are attachments, not fabric edges
        QVERIFY(graph.hasSwitch(u"S3"_s));
        QVERIFY(!graph.hasLink(u"La"_s));
    }

    void fromInventory()
    {
        const Inventory inventory(paperFabric());
        const FabricGraph graph(inventory);
        const auto path = graph.shortestPath(u"S1"_s, u"S2"_s);
        QVERIFY2(path.hasValue(), qPrintable(path.error()));
        QCOMPARE(path->switches, (QStringList{u"S1"_s, u"S3"_s, u"S4"_s, u"S2"_s}));
    }

    void shortestByLatency()
    {
        const FabricGraph graph(paperFabric());
        const auto path = graph.shortestPath(u"S1"_s, u"S2"_s);
        QVERIFY2(path.hasValue(), qPrintable(path.error()));
        QCOMPARE(path->toString(), u"S1-S3-S4-S2"_s);
        QCOMPARE(path->links, (QStringList{u"L13"_s, u"L34"_s, u"L42"_s}));
        QCOMPARE(path->egressPorts, (QList<int>{1, 2, 2}));
        QCOMPARE(path->ingressPorts, (QList<int>{1, 1, 1}));
        QCOMPARE(path->latencyMs, 3.0);
        // Reverse direction uses the other ends of the same links.
        const auto back = graph.shortestPath(u"S2"_s, u"S1"_s);
        QVERIFY(back.hasValue());
        QCOMPARE(back->toString(), u"S2-S4-S3-S1"_s);
        QCOMPARE(back->egressPorts, (QList<int>{1, 1, 1}));
        QCOMPARE(back->ingressPorts, (QList<int>{2, 2, 1}));
    }

    void pinnedPaperPath()
    {
        const FabricGraph graph(paperFabric());
        const auto pinned = graph.pathThrough({u"S1"_s, u"S3"_s, u"S4"_s, u"S2"_s});
        QVERIFY2(pinned.hasValue(), qPrintable(pinned.error()));
        QCOMPARE(pinned->links, (QStringList{u"L13"_s, u"L34"_s, u"L42"_s}));
        QCOMPARE(pinned->egressPorts, (QList<int>{1, 2, 2}));
        QCOMPARE(pinned->latencyMs, 3.0);

        const auto backup = graph.disjointBackup(*pinned);
        QVERIFY2(backup.hasValue(), qPrintable(backup.error()));
        QCOMPARE(backup->toString(), u"S1-S5-S2"_s);
        QCOMPARE(backup->egressPorts, (QList<int>{2, 2}));
        QCOMPARE(backup->ingressPorts, (QList<int>{1, 2}));
        QCOMPARE(backup->latencyMs, 4.0);
    }

    void avoidSwitch()
    {
        const FabricGraph graph(paperFabric());
        const auto path = graph.shortestPath(u"S1"_s, u"S2"_s, {u"S3"_s});
        QVERIFY2(path.hasValue(), qPrintable(path.error()));
        QCOMPARE(path->toString(), u"S1-S5-S2"_s);
        const auto viaLink = graph.shortestPath(u"S1"_s, u"S2"_s, {}, {u"L34"_s});
        QVERIFY(viaLink.hasValue());
        QCOMPARE(viaLink->toString(), u"S1-S5-S2"_s);
    }

    void switchLatencyOverride()
    {
        FabricGraph graph(paperFabric());
        // INT says S3 is slow: the shortest path moves off it.
        QVERIFY(graph.setSwitchLatencyMs(u"S3"_s, 10.0).hasValue());
        auto path = graph.shortestPath(u"S1"_s, u"S2"_s);
        QVERIFY(path.hasValue());
        QCOMPARE(path->toString(), u"S1-S5-S2"_s);
        QCOMPARE(path->latencyMs, 4.0);
        const auto pinned = graph.pathThrough({u"S1"_s, u"S3"_s, u"S4"_s, u"S2"_s});
        QVERIFY(pinned.hasValue());
        QCOMPARE(pinned->latencyMs, 13.0);

        QVERIFY(graph.setLinkLatencyMs(u"L15"_s, 20.0).hasValue());
        path = graph.shortestPath(u"S1"_s, u"S2"_s);
        QCOMPARE(path->toString(), u"S1-S3-S4-S2"_s);

        graph.clearLatencyOverrides();
        QCOMPARE(graph.switchLatencyMs(u"S3"_s), 0.0);
        QCOMPARE(graph.linkLatencyMs(u"L15"_s), 2.0);

        QCOMPARE(graph.setSwitchLatencyMs(u"S9"_s, 1).error(), u"unknown switch S9"_s);
        QCOMPARE(graph.setSwitchLatencyMs(u"S3"_s, -1).error(),
                 u"switch S3: latency -1 ms must be a finite number >= 0"_s);
        QCOMPARE(graph.setLinkLatencyMs(u"La"_s, 1).error(),
                 u"unknown link La (not a link between two switches)"_s);
        QCOMPARE(graph.setLinkLatencyMs(u"L13"_s, std::numeric_limits<double>::quiet_NaN()).error(),
                 u"link L13: latency nan ms must be a finite number >= 0"_s);
    }

    void downLinksAndSwitches()
    {
        InventorySnapshot snapshot = paperFabric();
        snapshot.links[1].state = LinkState::Down; // L34
        FabricGraph graph(snapshot);
        auto path = graph.shortestPath(u"S1"_s, u"S2"_s);
        QVERIFY(path.hasValue());
        QCOMPARE(path->toString(), u"S1-S5-S2"_s);
        const auto pinned = graph.pathThrough({u"S1"_s, u"S3"_s, u"S4"_s, u"S2"_s});
        QCOMPARE(pinned.error(), u"pinned path S1-S3-S4-S2: link L34 between S3 and S4 is down"_s);

        snapshot = paperFabric();
        snapshot.switches[4].state = SwitchState::Down; // S5
        graph = FabricGraph(snapshot);
        QCOMPARE(graph.shortestPath(u"S1"_s, u"S2"_s, {u"S3"_s}).error(),
                 u"no path from S1 to S2 avoiding S3"_s);
        QCOMPARE(graph.shortestPath(u"S1"_s, u"S5"_s).error(),
                 u"no path from S1 to S5: switch S5 is down"_s);
        QCOMPARE(graph.pathThrough({u"S1"_s, u"S5"_s, u"S2"_s}).error(),
                 u"pinned path S1-S5-S2: switch S5 is down"_s);
    }

    void errors()
    {
        const FabricGraph graph(paperFabric());
        QCOMPARE(graph.shortestPath(u"S1"_s, u"S9"_s).error(), u"unknown switch S9"_s);
        QCOMPARE(graph.shortestPath(u"S0"_s, u"S2"_s).error(), u"unknown switch S0"_s);
        QCOMPARE(graph.shortestPath(u"S1"_s, u"S2"_s, {u"S3"_s, u"S5"_s}).error(),
                 u"no path from S1 to S2 avoiding S3, S5"_s);
        QCOMPARE(graph.shortestPath(u"S1"_s, u"S2"_s, {u"S4"_s}, {u"L15"_s}).error(),
                 u"no path from S1 to S2 avoiding S4, link L15"_s);
        QCOMPARE(graph.shortestPath(u"S1"_s, u"S2"_s, {u"S2"_s}).error(),
                 u"no path from S1 to S2 avoiding S2: S2 is an end of the path"_s);
        QCOMPARE(graph.pathThrough({u"S1"_s, u"S4"_s}).error(),
                 u"pinned path S1-S4: S1 and S4 are not linked"_s);
        QCOMPARE(graph.pathThrough({u"S1"_s, u"S3"_s, u"S1"_s}).error(),
                 u"pinned path S1-S3-S1: switch S1 appears twice (a loop)"_s);
        QCOMPARE(graph.pathThrough({u"S1"_s, u"S7"_s}).error(),
                 u"pinned path S1-S7: unknown switch S7"_s);
        QCOMPARE(graph.pathThrough({}).error(), u"pinned path is empty"_s);
        // Unknown ids in avoid lists are ignored.
        QVERIFY(graph.shortestPath(u"S1"_s, u"S2"_s, {u"S77"_s}, {u"L77"_s}).hasValue());
    }

    void sameSwitch()
    {
        const FabricGraph graph(paperFabric());
        const auto path = graph.shortestPath(u"S4"_s, u"S4"_s);
        QVERIFY(path.hasValue());
        QCOMPARE(path->switches, QStringList{u"S4"_s});
        QVERIFY(path->links.isEmpty());
        QCOMPARE(graph.disjointBackup(*path).error(),
                 u"no disjoint backup for S4: a path within one switch has none"_s);
    }

    void linkDisjointFallback()
    {
        // S1 and S2 only meet through X, over two parallel pairs of links: no switch-disjoint
        // backup exists, a link-disjoint one does.
        InventorySnapshot snapshot;
        snapshot.switches = {makeSwitch(u"S1"_s), makeSwitch(u"S2"_s), makeSwitch(u"X"_s)};
        snapshot.links = {makeLink(u"A1"_s, u"S1"_s, 1, u"X"_s, 1, 1.0),
                          makeLink(u"A2"_s, u"X"_s, 2, u"S2"_s, 1, 1.0),
                          makeLink(u"B1"_s, u"S1"_s, 2, u"X"_s, 3, 5.0),
                          makeLink(u"B2"_s, u"X"_s, 4, u"S2"_s, 2, 5.0)};
        const FabricGraph graph(snapshot);
        const auto primary = graph.shortestPath(u"S1"_s, u"S2"_s);
        QVERIFY(primary.hasValue());
        QCOMPARE(primary->links, (QStringList{u"A1"_s, u"A2"_s}));
        const auto backup = graph.disjointBackup(*primary);
        QVERIFY2(backup.hasValue(), qPrintable(backup.error()));
        QCOMPARE(backup->links, (QStringList{u"B1"_s, u"B2"_s}));
        QCOMPARE(backup->egressPorts, (QList<int>{2, 4}));
        // Pinned through X picks the cheaper of the parallel links.
        QCOMPARE(graph.pathThrough({u"S1"_s, u"X"_s, u"S2"_s})->links,
                 (QStringList{u"A1"_s, u"A2"_s}));
    }

    void noDisjointBackup()
    {
        InventorySnapshot snapshot;
        snapshot.switches = {makeSwitch(u"S1"_s), makeSwitch(u"S2"_s), makeSwitch(u"S3"_s)};
        snapshot.links = {makeLink(u"L1"_s, u"S1"_s, 1, u"S2"_s, 1, 1.0),
                          makeLink(u"L2"_s, u"S2"_s, 2, u"S3"_s, 1, 1.0)};
        const FabricGraph graph(snapshot);
        const auto primary = graph.shortestPath(u"S1"_s, u"S3"_s);
        QVERIFY(primary.hasValue());
        QCOMPARE(graph.disjointBackup(*primary).error(),
                 u"no disjoint backup for S1-S2-S3: every other path from S1 to S3 shares one "
                 "of its links"_s);
        // A one-hop primary must not get its own link back.
        const auto oneHop = graph.shortestPath(u"S1"_s, u"S2"_s);
        QVERIFY(!graph.disjointBackup(*oneHop).hasValue());
    }

    void attachments()
    {
        const FabricGraph graph(paperFabric());
        ConnectionEndpoint pod{u"edge/camera-0"_s, u"10.244.1.5"_s, u"192.168.10.11"_s, {}, 0, 0};
        auto where = graph.attachment(pod); // by the node's VTEP label
        QVERIFY2(where.hasValue(), qPrintable(where.error()));
        QCOMPARE(*where, (SwitchAttachment{u"S1"_s, 10, u"La"_s}));

        ConnectionEndpoint byName{u"edge-node-a"_s, u"10.0.0.1"_s, {}, {}, 0, 0};
        QCOMPARE(graph.attachment(byName)->switchId, u"S1"_s);
        ConnectionEndpoint byId{u"node-a"_s, u"10.0.0.1"_s, {}, {}, 0, 0};
        QCOMPARE(graph.attachment(byId)->port, 10);

        ConnectionEndpoint given{u"h"_s, u"10.0.0.9"_s, {}, u"S4"_s, 7, 0};
        QCOMPARE(*graph.attachment(given), (SwitchAttachment{u"S4"_s, 7, {}}));

        ConnectionEndpoint unknownSwitch{u"h"_s, u"10.0.0.9"_s, {}, u"S9"_s, 7, 0};
        QCOMPARE(graph.attachment(unknownSwitch).error(), u"endpoint h: unknown switch S9"_s);
        ConnectionEndpoint down{u"node-b"_s, u"10.0.0.2"_s, {}, {}, 0, 0};
        QCOMPARE(graph.attachment(down).error(),
                 u"endpoint node-b: node node-b's link Lb to switch S2 is down"_s);
        ConnectionEndpoint unlinked{u"node-c"_s, u"10.0.0.3"_s, {}, {}, 0, 0};
        QCOMPARE(graph.attachment(unlinked).error(),
                 u"endpoint node-c: node node-c has no link to a switch"_s);
        ConnectionEndpoint nowhere{u"ns/pod"_s, u"10.244.9.9"_s, u"192.168.99.1"_s, {}, 0, 0};
        QCOMPARE(graph.attachment(nowhere).error(),
                 u"endpoint ns/pod has no switchId and no node with id or name 'ns/pod' nor "
                 "label continuo.io/vtep=192.168.99.1 to find where it plugs in"_s);

        Connection connection;
        connection.id = u"c1"_s;
        connection.a = pod;
        connection.b = given;
        const auto resolved = graph.resolveEndpoints(connection);
        QVERIFY2(resolved.hasValue(), qPrintable(resolved.error()));
        QCOMPARE(resolved->a.switchId, u"S1"_s);
        QCOMPARE(resolved->a.switchPort, 10);
        QCOMPARE(resolved->b.switchId, u"S4"_s);
        connection.b = nowhere;
        QVERIFY(graph.resolveEndpoints(connection)
                    .error()
                    .startsWith(u"connection c1: endpoint ns/pod"_s));
    }

    void optimalAgainstBellmanFord()
    {
        // Random graph with switch and link costs; Dijkstra must match a plain Bellman-Ford.
        QRandomGenerator random(7);
        const int count = 300;
        InventorySnapshot snapshot;
        for (int i = 0; i < count; ++i)
            snapshot.switches.append(makeSwitch(u"s%1"_s.arg(i, 4, 10, QChar(u'0'))));
        for (int i = 0; i < count * 3; ++i) {
            const int a = random.bounded(count);
            const int b = random.bounded(count);
            snapshot.links.append(makeLink(u"l%1"_s.arg(i), snapshot.switches[a].id, 1,
                                           snapshot.switches[b].id, 2,
                                           random.bounded(100) / 10.0 + 0.1));
        }
        FabricGraph graph(snapshot);
        std::vector<double> switchCost(count);
        for (int i = 0; i < count; ++i) {
            switchCost[i] = random.bounded(50) / 10.0;
            QVERIFY(graph.setSwitchLatencyMs(snapshot.switches[i].id, switchCost[i]).hasValue());
        }
        std::vector<double> distance(count, std::numeric_limits<double>::infinity());
        distance[0] = switchCost[0];
        for (int round = 0; round < count; ++round) {
            bool changed = false;
            for (const Link &link : std::as_const(snapshot.links)) {
                const int a = link.a.id.mid(1).toInt();
                const int b = link.b.id.mid(1).toInt();
                if (a == b)
                    continue;
                for (auto [u, v] : {std::pair{a, b}, std::pair{b, a}}) {
                    const double candidate = distance[u] + link.latencyMs + switchCost[v];
                    if (candidate < distance[v] - 1e-12) {
                        distance[v] = candidate;
                        changed = true;
                    }
                }
            }
            if (!changed)
                break;
        }
        for (int target = 1; target < count; target += 7) {
            const auto path =
                graph.shortestPath(snapshot.switches[0].id, snapshot.switches[target].id);
            if (distance[target] == std::numeric_limits<double>::infinity()) {
                QVERIFY(!path.hasValue());
                continue;
            }
            QVERIFY2(path.hasValue(), qPrintable(path.error()));
            QVERIFY(qAbs(path->latencyMs - distance[target]) < 1e-9);
            verifyWalk(graph, *path);
        }
    }

    void tenThousandSwitches()
    {
        // A ring (so everything is connected) plus random chords: 10k switches, 40k links.
        QRandomGenerator random(42);
        const int count = 10'000;
        InventorySnapshot snapshot;
        snapshot.switches.reserve(count);
        for (int i = 0; i < count; ++i)
            snapshot.switches.append(makeSwitch(u"sw%1"_s.arg(i)));
        for (int i = 0; i < count; ++i)
            snapshot.links.append(makeLink(u"ring%1"_s.arg(i), u"sw%1"_s.arg(i), 1,
                                           u"sw%1"_s.arg((i + 1) % count), 2,
                                           1.0 + random.bounded(10)));
        for (int i = 0; i < 3 * count; ++i)
            snapshot.links.append(makeLink(
                u"chord%1"_s.arg(i), u"sw%1"_s.arg(random.bounded(count)), 3 + i % 8,
                u"sw%1"_s.arg(random.bounded(count)), 3 + i % 8, 1.0 + random.bounded(100)));
        QElapsedTimer timer;
        timer.start();
        const FabricGraph graph(snapshot);
        const qint64 buildMs = timer.elapsed();

        timer.restart();
        const int queries = 20;
        for (int q = 0; q < queries; ++q) {
            const QString from = u"sw%1"_s.arg(random.bounded(count));
            const QString to = u"sw%1"_s.arg(random.bounded(count));
            const auto path = graph.shortestPath(from, to);
            QVERIFY2(path.hasValue(), qPrintable(path.error()));
            QCOMPARE(path->switches.first(), from);
            QCOMPARE(path->switches.last(), to);
            if (q == 0) {
                verifyWalk(graph, *path);
                const auto backup = graph.disjointBackup(*path);
                if (path->switches.size() > 1)
                    QVERIFY2(backup.hasValue(), qPrintable(backup.error()));
            }
        }
        const double perQueryMs = double(timer.nsecsElapsed()) / 1e6 / queries;
        qInfo("10k switches, %lld links: build %lld ms, shortest path %.2f ms per query",
              qint64(snapshot.links.size()), buildMs, perQueryMs);
    }
};

QTEST_GUILESS_MAIN(tst_PathComputer)
#include "tst_pathcomputer.moc"
