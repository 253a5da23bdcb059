#include "Scenario.h"
#include "SimulatorModel.h"

#include <QTest>

using namespace Continuo;
using namespace Continuo::Simulator;

namespace {
constexpr qint64 kStart = 1'700'000'000'000; // a fixed instant, whole second

double valueOf(const SimulatorModel::Step &step, const QString &metric, const QString &label, const QString &id)
{
    for (const auto &batch : step.samples) {
        if (batch.metric == metric && batch.labels.value(label) == id)
            return batch.samples.constFirst().value;
    }
    return -1.0;
}
} // namespace

class tst_Simulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoScenario()
    {
        auto scenario = Scenario::load(QStringLiteral("demo"));
        QVERIFY2(scenario.hasValue(), qPrintable(scenario.error()));
        const InventorySnapshot &inventory = scenario->inventory;
        QCOMPARE(inventory.sites.size(), 3);
        QSet<SiteKind> kinds;
        for (const auto &site : inventory.sites)
            kinds.insert(site.kind);
        QCOMPARE(kinds, (QSet<SiteKind>{SiteKind::Edge, SiteKind::Cloud, SiteKind::Hpc}));
        QVERIFY(inventory.nodes.size() >= 55 && inventory.nodes.size() <= 65);
        int gpus = 0, fpgas = 0;
        for (const auto &device : inventory.devices) {
            gpus += device.kind == DeviceKind::Gpu;
            fpgas += device.kind == DeviceKind::Fpga;
        }
        QVERIFY(gpus > 0);
        QVERIFY(fpgas > 0);
        QCOMPARE(inventory.switches.size(), 5);
        QCOMPARE(inventory.storageLocations.size(), 4);
        QVERIFY(inventory.links.size() >= 5);
        // The inventory the simulator publishes is valid for the engine.
        Inventory applied;
        InventoryChangeSet changes;
        for (const auto &node : inventory.nodes)
            changes.upsert(node);
        for (const auto &link : inventory.links)
            changes.upsert(link);
        QVERIFY(applied.apply(changes).hasValue());
    }

    void deterministicWithSeed()
    {
        auto scenario = Scenario::load(QStringLiteral("demo"));
        QVERIFY(scenario.hasValue());
        SimulatorModel first(*scenario, 7);
        SimulatorModel second(*scenario, 7);
        SimulatorModel other(*scenario, 8);
        bool differs = false;
        for (int i = 0; i < 300; ++i) {
            const qint64 t = kStart + i * 1000;
            const auto a = first.step(t);
            const auto b = second.step(t);
            const auto c = other.step(t);
            QCOMPARE(a.samples, b.samples);
            QCOMPARE(a.events, b.events);
            QCOMPARE(a.inventoryChanges.size(), b.inventoryChanges.size());
            differs = differs || a.samples != c.samples;
        }
        QVERIFY2(differs, "a different seed must give different telemetry");
    }

    void telemetryIsPlausible()
    {
        auto scenario = Scenario::load(QStringLiteral("demo"));
        QVERIFY(scenario.hasValue());
        SimulatorModel model(*scenario, 1);
        const auto step = model.step(kStart);
        // Every node has the five node metrics, every link its utilisation and, unless it is
        // unmeasured, its latency; every probed path its end-to-end latency.
        QCOMPARE(scenario->unmeasuredLinks, (QSet<QString>{QStringLiteral("link-bol-core2"), QStringLiteral("link-core1-core2")}));
        QCOMPARE(step.samples.size(), scenario->inventory.nodes.size() * 5 + scenario->inventory.links.size() * 2
                                          - scenario->unmeasuredLinks.size() + scenario->paths.size());
        for (const auto &batch : step.samples) {
            const double value = batch.samples.constFirst().value;
            QVERIFY(std::isfinite(value));
            QVERIFY(value >= 0);
            if (batch.metric.endsWith(QLatin1String("utilisation")))
                QVERIFY(value <= 1.0);
        }
        const double latency = valueOf(step, QStringLiteral("link_latency_seconds"), QStringLiteral("link"), QStringLiteral("link-ath-core1"));
        QVERIFY(latency >= 0.014 && latency < 0.05); // nominal 14 ms plus queueing
        // A path is the sum of its links: ath→core1 (measured) + core1→core2 (nominal 4 ms).
        const double path = valueOf(step, QStringLiteral("path_latency_seconds"), QStringLiteral("path"),
                                    QStringLiteral("link-ath-core1,link-core1-core2"));
        QVERIFY2(path - latency >= 0.004 && path - latency < 0.02, qPrintable(QString::number(path - latency)));
    }

    void dailyShape()
    {
        // Edge nodes peak at 19:00 local (UTC+2): compare the site mean at the peak and 12 h later.
        auto scenario = Scenario::load(QStringLiteral("demo"));
        QVERIFY(scenario.hasValue());
        auto meanEdgeCpu = [&](qint64 t) {
            SimulatorModel model(*scenario, 3);
            const auto step = model.step(t);
            double sum = 0;
            int count = 0;
            for (const auto &batch : step.samples) {
                if (batch.metric == QLatin1String("node_cpu_utilisation")
                    && batch.labels.value(QStringLiteral("site")) == QLatin1String("site-edge-athens")) {
                    sum += batch.samples.constFirst().value;
                    ++count;
                }
            }
            return sum / count;
        };
        const qint64 day = qint64(kStart / 86'400'000) * 86'400'000;
        const double peak = meanEdgeCpu(day + 17 * 3'600'000); // 17:00 UTC = 19:00 Athens
        const double trough = meanEdgeCpu(day + 5 * 3'600'000);
        QVERIFY2(peak > trough + 0.2, qPrintable(QStringLiteral("peak %1 trough %2").arg(peak).arg(trough)));
    }

    void faultsOnSchedule()
    {
        auto scenario = Scenario::load(QStringLiteral("demo"));
        QVERIFY(scenario.hasValue());
        SimulatorModel model(*scenario, 42);
        QList<Event> events;
        double hotCpuBefore = 0, hotCpuDuring = 0, latencyBefore = 0, latencyDuring = 0;
        bool switchDegraded = false;
        for (int second = 0; second <= 200; ++second) {
            const auto step = model.step(kStart + second * 1000);
            events += step.events;
            if (second == 10) {
                hotCpuBefore = valueOf(step, QStringLiteral("node_cpu_utilisation"), QStringLiteral("node"), QStringLiteral("hpc-bol-07"));
                latencyBefore = valueOf(step, QStringLiteral("link_latency_seconds"), QStringLiteral("link"), QStringLiteral("link-core1-core2"));
            }
            if (second == 60) {
                hotCpuDuring = valueOf(step, QStringLiteral("node_cpu_utilisation"), QStringLiteral("node"), QStringLiteral("hpc-bol-07"));
                latencyDuring = valueOf(step, QStringLiteral("link_latency_seconds"), QStringLiteral("link"), QStringLiteral("link-core1-core2"));
            }
            for (const auto &change : step.inventoryChanges.changes()) {
                if (change.id == QLatin1String("sw-core-1"))
                    switchDegraded = switchDegraded || std::get<Switch>(*change.entity).state == SwitchState::Degraded;
            }
        }
        QVERIFY(hotCpuDuring >= 0.95);
        QVERIFY(hotCpuBefore < hotCpuDuring);
        QVERIFY2(latencyDuring > 4 * latencyBefore, qPrintable(QStringLiteral("%1 vs %2").arg(latencyDuring).arg(latencyBefore)));
        QVERIFY(switchDegraded);
        // hot node on at 20 s and off at 110 s; switch degraded at 45 s and healthy at 165 s.
        QStringList seen;
        for (const auto &event : std::as_const(events)) {
            QCOMPARE(event.type, QStringLiteral("Simulator.Fault"));
            seen.append(event.subjectId + (event.payload.value(QStringLiteral("active")).toBool() ? QStringLiteral("+") : QStringLiteral("-")));
        }
        QCOMPARE(seen, (QStringList{QStringLiteral("hpc-bol-07+"), QStringLiteral("sw-core-1+"),
                                    QStringLiteral("hpc-bol-07-"), QStringLiteral("sw-core-1-")}));
    }

    void scheduleArithmetic()
    {
        FaultSchedule fault;
        fault.startSeconds = 10;
        fault.durationSeconds = 5;
        fault.periodSeconds = 20;
        QVERIFY(!fault.isActiveAt(9));
        QVERIFY(fault.isActiveAt(10));
        QVERIFY(fault.isActiveAt(14));
        QVERIFY(!fault.isActiveAt(15));
        QVERIFY(fault.isActiveAt(30));
        fault.periodSeconds = 0;
        QVERIFY(!fault.isActiveAt(30));
    }

    void malformedScenarios_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        const QByteArray site = "sites: [{id: s1, kind: edge}]\n";
        QTest::newRow("not a map") << QByteArray("- a\n- b\n") << QStringLiteral("a scenario is a map");
        QTest::newRow("no name") << site << QStringLiteral("\"name\" is required");
        QTest::newRow("syntax") << QByteArray("name: x\nsites: [unclosed\n") << QStringLiteral("line");
        QTest::newRow("unknown site kind") << QByteArray("name: x\nsites: [{id: s1, kind: moon}]\n") << QStringLiteral("unknown kind \"moon\"");
        QTest::newRow("no sites") << QByteArray("name: x\n") << QStringLiteral("at least one site");
        QTest::newRow("cluster without site") << QByteArray("name: x\n" + site + "clusters: [{id: c1, site: nowhere, backend: slurm}]\n") << QStringLiteral("no site \"nowhere\"");
        QTest::newRow("bad pattern") << QByteArray("name: x\n" + site + "clusters: [{id: c1, site: s1, backend: slurm}]\nnodeGroups: [{cluster: c1, namePattern: node, count: 2}]\n") << QStringLiteral("namePattern");
        QTest::newRow("duplicate id") << QByteArray("name: x\nsites: [{id: s1, kind: edge}, {id: s1, kind: cloud}]\n") << QStringLiteral("duplicate id \"s1\"");
        QTest::newRow("negative count") << QByteArray("name: x\n" + site + "clusters: [{id: c1, site: s1, backend: slurm}]\nnodeGroups: [{cluster: c1, namePattern: n%d, count: -3}]\n") << QStringLiteral("outside");
        QTest::newRow("count not a number") << QByteArray("name: x\n" + site + "clusters: [{id: c1, site: s1, backend: slurm}]\nnodeGroups: [{cluster: c1, namePattern: n%d, count: many}]\n") << QStringLiteral("must be a number");
        QTest::newRow("link to nothing") << QByteArray("name: x\n" + site + "switches: [{id: sw1}]\nlinks: [{id: l1, a: {id: sw1}, b: {id: ghost}}]\n") << QStringLiteral("no switch or node \"ghost\"");
        const QByteArray net = "switches: [{id: sw1}, {id: sw2}, {id: sw3}]\nlinks: [{id: l1, a: {id: sw1}, b: {id: sw2}}, {id: l2, a: {id: sw2}, b: {id: sw3}, measured: false}]\n";
        QTest::newRow("path over a missing link") << QByteArray("name: x\n" + site + net + "paths: [{from: sw1, to: sw3, links: [l1, l9]}]\n") << QStringLiteral("no link \"l9\"");
        QTest::newRow("path that jumps") << QByteArray("name: x\n" + site + net + "paths: [{from: sw1, to: sw3, links: [l2]}]\n") << QStringLiteral("does not continue from sw1");
        QTest::newRow("path that stops short") << QByteArray("name: x\n" + site + net + "paths: [{from: sw1, to: sw3, links: [l1]}]\n") << QStringLiteral("ends at sw2");
        QTest::newRow("path without links") << QByteArray("name: x\n" + site + net + "paths: [{from: sw1, to: sw3}]\n") << QStringLiteral("needs a list of links");
        QTest::newRow("fault on nothing") << QByteArray("name: x\n" + site + "faults: [{kind: hot-node, target: ghost}]\n") << QStringLiteral("fault target \"ghost\"");
        QTest::newRow("unknown fault") << QByteArray("name: x\n" + site + "faults: [{kind: meteor, target: s1}]\n") << QStringLiteral("unknown fault kind");
        QTest::newRow("period shorter than duration") << QByteArray("name: x\n" + site + "faults: [{kind: hot-node, target: s1, durationSeconds: 60, periodSeconds: 30}]\n") << QStringLiteral("periodSeconds");
    }

    void malformedScenarios()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const auto scenario = Scenario::parse(yaml);
        QVERIFY(!scenario.hasValue());
        QVERIFY2(scenario.error().contains(error), qPrintable(scenario.error()));
    }

    void missingFile()
    {
        const auto scenario = Scenario::load(QStringLiteral("/nonexistent/x.yaml"));
        QVERIFY(!scenario.hasValue());
        QVERIFY(scenario.error().contains(QLatin1String("/nonexistent/x.yaml")));
        QVERIFY(!Scenario::load(QStringLiteral("no-such-builtin")).hasValue());
    }
};

QTEST_GUILESS_MAIN(tst_Simulator)
#include "tst_simulator.moc"
