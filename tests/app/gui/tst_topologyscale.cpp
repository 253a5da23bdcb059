// The canvas at 10,000 nodes: build time, frame cost, and incremental updates without relayout.

#include "FakeControlPlane.h"
#include "topology/TopologyScene.h"
#include "topology/TopologyView.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QStandardPaths>
#include <QTest>

using namespace Continuo;
using namespace Continuo::Gui;

namespace {

using Continuo::Testing::FakeControlPlane;

constexpr int SiteCount = 10;
constexpr int NodesPerSite = 1000;

Node makeNode(int site, int index)
{
    Node node;
    node.id = QStringLiteral("n-%1-%2").arg(site).arg(index, 4, 10, QLatin1Char('0'));
    node.name = node.id;
    node.siteId = QStringLiteral("site-%1").arg(site);
    node.clusterId = QStringLiteral("cluster-%1").arg(site);
    node.capacity.cpuCores = 32;
    node.arch = QStringLiteral("x86_64");
    node.state = NodeState::Ready;
    return node;
}

} // namespace

class tst_TopologyScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tenThousandNodes()
    {
        FakeControlPlane plane;
        InventoryChangeSet changes;
        for (int s = 0; s < SiteCount; ++s) {
            Site site;
            site.id = QStringLiteral("site-%1").arg(s);
            site.name = QStringLiteral("Site %1").arg(s);
            site.kind = static_cast<SiteKind>(1 + s % 3);
            changes.upsert(site);
            Cluster cluster;
            cluster.id = QStringLiteral("cluster-%1").arg(s);
            cluster.siteId = site.id;
            cluster.backend = BackendKind::Simulator;
            changes.upsert(cluster);
            for (int n = 0; n < NodesPerSite; ++n)
                changes.upsert(makeNode(s, n));
            Switch sw;
            sw.id = QStringLiteral("sw-%1").arg(s);
            sw.name = sw.id;
            sw.siteId = site.id;
            changes.upsert(sw);
        }
        Switch core;
        core.id = QStringLiteral("sw-core");
        core.name = core.id;
        changes.upsert(core);
        for (int s = 0; s < SiteCount; ++s) {
            Link link;
            link.id = QStringLiteral("link-%1").arg(s);
            link.a = {QStringLiteral("sw-%1").arg(s), 1};
            link.b = {core.id, s + 1};
            link.latencyMs = 5;
            changes.upsert(link);
        }
        plane.apply(changes);

        TopologyScene scene;
        QElapsedTimer timer;
        timer.start();
        scene.setControlPlane(&plane);
        const qint64 buildMs = timer.elapsed();
        qInfo("build: %lld ms", buildMs);
        QCOMPARE(scene.nodeCount(), SiteCount * NodesPerSite);
        QCOMPARE(scene.siteCount(), SiteCount);
        QCOMPARE(scene.linkCount(), SiteCount);
        QVERIFY2(buildMs < 3000, "building the canvas for 10,000 nodes is too slow");

        // One frame with a sample for every node.
        const int cpu = plane.subscriptionFor(QStringLiteral("node_cpu_utilisation"));
        QVERIFY(cpu > 0);
        QList<SeriesBatch> batches;
        for (int s = 0; s < SiteCount; ++s) {
            for (int n = 0; n < NodesPerSite; ++n)
                batches.append(SeriesBatch{QStringLiteral("node_cpu_utilisation"),
                                           {{QStringLiteral("node"), makeNode(s, n).id}},
                                           {{1000, (n % 100) / 100.0}}});
        }
        timer.restart();
        plane.emitSamples(cpu, batches);
        scene.applyFrame();
        qInfo("10,000 samples applied: %lld ms", timer.elapsed());
        QCOMPARE(scene.nodeCpu(QStringLiteral("n-3-0042")), 0.42f);

        // A fitted view of everything paints quickly (level of detail drops text).
        TopologyView view(&scene);
        view.resize(1200, 700);
        view.fitToView();
        QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        timer.restart();
        {
            QPainter painter(&image);
            view.render(&painter);
        }
        const qint64 paintMs = timer.elapsed();
        qInfo("full paint at fit: %lld ms", paintMs);
        QVERIFY2(paintMs < 2000, "painting 10,000 tiles is too slow");

        // A state change updates in place; only membership changes relayout.
        const int layouts = scene.layoutCount();
        InventoryChangeSet cordon;
        Node node = makeNode(2, 7);
        node.state = NodeState::Cordoned;
        cordon.upsert(node);
        plane.apply(cordon);
        scene.applyFrame();
        QCOMPARE(scene.layoutCount(), layouts);
        InventoryChangeSet grow;
        grow.upsert(makeNode(2, 5000));
        grow.upsert(makeNode(3, 5000));
        plane.apply(grow);
        scene.applyFrame();
        QCOMPARE(scene.layoutCount(), layouts + 1);
        QCOMPARE(scene.nodeCount(), SiteCount * NodesPerSite + 2);
        // Live values survive the relayout.
        QCOMPARE(scene.nodeCpu(QStringLiteral("n-3-0042")), 0.42f);

        // Removing a link and a node.
        InventoryChangeSet shrink;
        shrink.remove(EntityKind::Link, QStringLiteral("link-0"));
        shrink.remove(EntityKind::Node, makeNode(2, 5000).id);
        plane.apply(shrink);
        scene.applyFrame();
        QCOMPARE(scene.linkCount(), SiteCount - 1);
        QCOMPARE(scene.nodeCount(), SiteCount * NodesPerSite + 1);
    }
};

QTEST_MAIN(tst_TopologyScale)
#include "tst_topologyscale.moc"
