// The canvas marks anomalies where they happen (node, link, and the switch shared by alerting
// links) and tells measured link latency from tomography's estimates.

#include "FakeControlPlane.h"
#include "topology/TopologyScene.h"
#include "topology/TopologyView.h"

#include <QDateTime>
#include <QImage>
#include <QPainter>
#include <QStandardPaths>
#include <QTest>

using namespace Continuo;
using namespace Continuo::Gui;
using Continuo::Testing::FakeControlPlane;

namespace {

void fillInventory(FakeControlPlane &plane)
{
    InventoryChangeSet changes;
    for (int s = 0; s < 2; ++s) {
        Site site;
        site.id = QStringLiteral("site-%1").arg(s);
        site.name = QStringLiteral("Site %1").arg(s);
        site.kind = s == 0 ? SiteKind::Edge : SiteKind::Hpc;
        changes.upsert(site);
        for (int n = 0; n < 4; ++n) {
            Node node;
            node.id = QStringLiteral("n-%1-%2").arg(s).arg(n);
            node.name = node.id;
            node.siteId = site.id;
            node.state = NodeState::Ready;
            changes.upsert(node);
        }
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
    for (int s = 0; s < 2; ++s) {
        Link link;
        link.id = QStringLiteral("link-%1").arg(s);
        link.a = {QStringLiteral("sw-%1").arg(s), 1};
        link.b = {core.id, s + 1};
        link.latencyMs = 5;
        link.state = LinkState::Up;
        changes.upsert(link);
    }
    plane.apply(changes);
}

Alert nodeAlert(const QString &id, const QString &node, AlertState state, AlertSeverity severity)
{
    Alert alert;
    alert.id = id;
    alert.ruleId = QStringLiteral("hot-node-cpu");
    alert.state = state;
    alert.severity = severity;
    alert.nodeId = node;
    alert.groupKey = QStringLiteral("node:") + node;
    alert.startedAtMs = QDateTime::currentMSecsSinceEpoch() - 20'000;
    if (state != AlertState::Pending)
        alert.firedAtMs = alert.startedAtMs + 10'000;
    return alert;
}

Alert linkAlert(const QString &id, int site, AlertState state)
{
    Alert alert;
    alert.id = id;
    alert.ruleId = QStringLiteral("link-latency-high");
    alert.state = state;
    alert.severity = AlertSeverity::Critical;
    alert.linkId = QStringLiteral("link-%1").arg(site);
    alert.switchIds = {QStringLiteral("sw-%1").arg(site), QStringLiteral("sw-core")};
    alert.groupKey = QStringLiteral("link:") + alert.linkId;
    alert.startedAtMs = QDateTime::currentMSecsSinceEpoch() - 20'000;
    alert.firedAtMs = alert.startedAtMs + 10'000;
    return alert;
}

SeriesBatch latency(const QString &link, qint64 timestampMs, double seconds, bool estimated)
{
    Labels labels{{QStringLiteral("link"), link}};
    if (estimated)
        labels.insert(QStringLiteral("source"), QStringLiteral("estimated"));
    return SeriesBatch{QStringLiteral("link_latency_seconds"), labels, {{timestampMs, seconds}}};
}

void paint(TopologyScene &scene)
{
    TopologyView view(&scene);
    view.resize(900, 600);
    view.fitToView();
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    view.render(&painter);
}

} // namespace

class tst_TopologyAnomalies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void halosFollowAlerts()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        // An alert that is active before the canvas attaches is shown too.
        plane.setAlert(nodeAlert(QStringLiteral("a0"), QStringLiteral("n-0-0"), AlertState::Firing, AlertSeverity::Info));
        TopologyScene scene;
        scene.setControlPlane(&plane);
        scene.applyFrame();
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Node, QStringLiteral("n-0-0"))), int(AlertSeverity::Info));

        plane.setAlert(nodeAlert(QStringLiteral("a1"), QStringLiteral("n-1-2"), AlertState::Pending, AlertSeverity::Warning));
        scene.applyFrame();
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Node, QStringLiteral("n-1-2"))), int(AlertSeverity::Warning));
        QVERIFY(!scene.isAnomalyPulsing(EntityKind::Node, QStringLiteral("n-1-2"))); // only pending

        Alert firing = nodeAlert(QStringLiteral("a1"), QStringLiteral("n-1-2"), AlertState::Firing, AlertSeverity::Warning);
        plane.setAlert(firing);
        scene.applyFrame();
        QVERIFY(scene.isAnomalyPulsing(EntityKind::Node, QStringLiteral("n-1-2")));
        firing.acknowledgedBy = QStringLiteral("user:alice");
        plane.setAlert(firing);
        scene.applyFrame();
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Node, QStringLiteral("n-1-2"))), int(AlertSeverity::Warning));
        QVERIFY(!scene.isAnomalyPulsing(EntityKind::Node, QStringLiteral("n-1-2"))); // someone is on it

        // One slow link: the link. Two slow links through one switch: the switch too.
        plane.setAlert(linkAlert(QStringLiteral("l0"), 0, AlertState::Firing));
        scene.applyFrame();
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Link, QStringLiteral("link-0"))), int(AlertSeverity::Critical));
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Switch, QStringLiteral("sw-core"))), int(AlertSeverity::Unknown));
        plane.setAlert(linkAlert(QStringLiteral("l1"), 1, AlertState::Firing));
        scene.applyFrame();
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Link, QStringLiteral("link-1"))), int(AlertSeverity::Critical));
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Switch, QStringLiteral("sw-core"))), int(AlertSeverity::Critical));
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Switch, QStringLiteral("sw-0"))), int(AlertSeverity::Unknown));
        QCOMPARE(scene.haloCount(), 5);
        paint(scene);

        // Halos are not in the way of clicks.
        {
            scene.select(EntityKind::Unknown, {});
            TopologyView view(&scene);
            view.resize(900, 600);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.fitToView();
            const QRectF tile = scene.nodeRect(QStringLiteral("n-1-2"));
            QVERIFY(!tile.isEmpty());
            QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(tile.center()));
            QCOMPARE(scene.selectedId(), QStringLiteral("n-1-2"));
            const QRectF sw = scene.switchRect(QStringLiteral("sw-core"));
            QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(sw.center()));
            QCOMPARE(scene.selectedId(), QStringLiteral("sw-core"));
            scene.select(EntityKind::Unknown, {});
        }

        // Resolved: cleared.
        firing.state = AlertState::Resolved;
        firing.resolvedAtMs = QDateTime::currentMSecsSinceEpoch();
        plane.setAlert(firing);
        Alert l0 = linkAlert(QStringLiteral("l0"), 0, AlertState::Resolved);
        l0.resolvedAtMs = QDateTime::currentMSecsSinceEpoch();
        plane.setAlert(l0);
        scene.applyFrame();
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Node, QStringLiteral("n-1-2"))), int(AlertSeverity::Unknown));
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Link, QStringLiteral("link-0"))), int(AlertSeverity::Unknown));
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Switch, QStringLiteral("sw-core"))), int(AlertSeverity::Unknown));
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Link, QStringLiteral("link-1"))), int(AlertSeverity::Critical));
        QCOMPARE(scene.haloCount(), 2);

        // Halos move with the layout.
        InventoryChangeSet grow;
        for (int n = 4; n < 40; ++n) {
            Node node;
            node.id = QStringLiteral("n-0-%1").arg(n);
            node.siteId = QStringLiteral("site-0");
            node.state = NodeState::Ready;
            grow.upsert(node);
        }
        plane.apply(grow);
        scene.applyFrame();
        QCOMPARE(int(scene.anomalySeverity(EntityKind::Node, QStringLiteral("n-0-0"))), int(AlertSeverity::Info));
        paint(scene);

        // Detaching clears everything.
        scene.setControlPlane(nullptr);
        QCOMPARE(scene.haloCount(), 0);
    }

    void estimatedLatencyIsToldApart()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        TopologyScene scene;
        scene.setControlPlane(&plane);
        const int subscription = plane.subscriptionFor(QStringLiteral("link_latency_seconds"));
        QVERIFY(subscription > 0);
        const qint64 t = QDateTime::currentMSecsSinceEpoch();

        QCOMPARE(int(scene.linkLatencySource(QStringLiteral("link-1"))), int(LatencySource::Unknown));
        plane.emitSamples(subscription, {latency(QStringLiteral("link-1"), t, 0.012, true),
                                         latency(QStringLiteral("link-0"), t, 0.006, false)});
        scene.applyFrame();
        QCOMPARE(int(scene.linkLatencySource(QStringLiteral("link-1"))), int(LatencySource::Estimated));
        QCOMPARE(scene.linkLatencyMs(QStringLiteral("link-1")), 12.0);
        QCOMPARE(int(scene.linkLatencySource(QStringLiteral("link-0"))), int(LatencySource::Measured));
        paint(scene);

        // An estimate does not replace a fresh measurement...
        plane.emitSamples(subscription, {latency(QStringLiteral("link-0"), t + 1000, 0.020, true)});
        scene.applyFrame();
        QCOMPARE(int(scene.linkLatencySource(QStringLiteral("link-0"))), int(LatencySource::Measured));
        QCOMPARE(scene.linkLatencyMs(QStringLiteral("link-0")), 6.0);
        // ...but it does once the measurements stopped.
        plane.emitSamples(subscription, {latency(QStringLiteral("link-0"), t + 45'000, 0.020, true)});
        scene.applyFrame();
        QCOMPARE(int(scene.linkLatencySource(QStringLiteral("link-0"))), int(LatencySource::Estimated));
        QCOMPARE(scene.linkLatencyMs(QStringLiteral("link-0")), 20.0);
        // A measurement wins again at once.
        plane.emitSamples(subscription, {latency(QStringLiteral("link-0"), t + 46'000, 0.007, false)});
        scene.applyFrame();
        QCOMPARE(int(scene.linkLatencySource(QStringLiteral("link-0"))), int(LatencySource::Measured));
        QCOMPARE(scene.linkLatencyMs(QStringLiteral("link-0")), 7.0);

        // The tomography service's own metric name counts as well.
        plane.emitSamples(subscription, {SeriesBatch{QStringLiteral("continuo_link_latency_seconds"),
                                                     {{QStringLiteral("link"), QStringLiteral("link-1")},
                                                      {QStringLiteral("source"), QStringLiteral("estimated")}},
                                                     {{t + 2000, 0.015}}}});
        scene.applyFrame();
        QCOMPARE(int(scene.linkLatencySource(QStringLiteral("link-1"))), int(LatencySource::Estimated));
        QCOMPARE(scene.linkLatencyMs(QStringLiteral("link-1")), 15.0);
        paint(scene);
    }
};

QTEST_MAIN(tst_TopologyAnomalies)
#include "tst_topologyanomalies.moc"
