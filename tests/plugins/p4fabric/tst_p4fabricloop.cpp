// The whole P4 loop on real P4Runtime servers: connections compiled to entries on every switch
// of the path, postcards over UDP into the engine's collector, the SLA monitor rerouting flow 250
// off the degraded switch S3 onto S1-S5-S2 while flow 123 stays, the reroute in the event log and
// the audit trail, state surviving an engine restart, and refused writes losing nothing.

#include "P4FabricFixture.h"

#include "store/IStateStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Continuo;
using namespace Continuo::Testing;

namespace {
QString pluginDirectory()
{
    return qEnvironmentVariable("CONTINUO_PLUGIN_PATH");
}

int countFlowEntries(const QList<P4EntryStatus> &entries, const QString &connectionId)
{
    int n = 0;
    for (const P4EntryStatus &status : entries) {
        if (status.installed && status.entry.note.contains(connectionId + QLatin1Char(' ')))
            ++n;
    }
    return n;
}
} // namespace

class tst_P4FabricLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_fabric.start(pluginDirectory());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_fabric.stop(); }

    void connectionsBecomeEntries()
    {
        NetworkController *net = m_fabric.network();
        for (const auto &[id, flowId, sport] : {std::tuple{"flow-250", 250u, 40250}, std::tuple{"flow-123", 123u, 40123}}) {
            auto created = m_fabric.await<Connection>([&](auto done) {
                net->upsertConnection(P4Fabric::flow(QLatin1String(id), flowId, sport), false, QStringLiteral("test"), done);
            });
            QVERIFY2(created, qPrintable(created.error()));
            QCOMPARE(created->path, (QStringList{"S1", "S3", "S4", "S2"}));
            QCOMPARE(created->backupPath, (QStringList{"S1", "S5", "S2"}));
        }
        // Both directions on every switch of the path, telemetry on each: 4 entries per flow.
        for (const QString &sw : {QStringLiteral("S1"), QStringLiteral("S3"), QStringLiteral("S4"), QStringLiteral("S2")}) {
            auto entries = m_fabric.await<QList<P4EntryStatus>>([&](auto done) { net->entries(sw, {}, true, done); });
            QVERIFY2(entries, qPrintable(entries.error()));
            QCOMPARE(countFlowEntries(*entries, QStringLiteral("flow-250")), 4);
            QCOMPARE(countFlowEntries(*entries, QStringLiteral("flow-123")), 4);
        }
        auto s5 = m_fabric.await<QList<P4EntryStatus>>([&](auto done) { net->entries(QStringLiteral("S5"), {}, false, done); });
        QVERIFY(s5);
        QCOMPARE(countFlowEntries(*s5, QStringLiteral("flow-250")), 0);

        // Dry run through the stored entries: S1 forwards flow 250 toward S3 (port 1).
        auto trace = net->dryRunPacket(QStringLiteral("S1"),
                                       QStringLiteral("in_port=20 ip_src=10.1.0.1 ip_dst=10.2.0.1 proto=17 sport=40250 dport=5201"), {});
        QVERIFY2(trace, qPrintable(trace.error()));
        QVERIFY2(trace->contains(QLatin1String("set_egress_port")), qPrintable(*trace));
    }

    void badEntriesChangeNothing()
    {
        NetworkController *net = m_fabric.network();
        const P4Program &program = P4Program::reference();
        auto before = m_fabric.await<QList<P4EntryStatus>>([&](auto done) { net->entries(QStringLiteral("S4"), QStringLiteral("table0"), false, done); });
        QVERIFY(before);
        QList<P4TableEntry> entries;
        for (const P4EntryStatus &status : *before)
            entries.append(status.entry);
        auto bad = P4EntryText::parse(program, QStringLiteral("table0 local_metadata.l4_dst=80 priority=5 action=set_egress_port(port=3)"));
        QVERIFY2(bad, qPrintable(bad.error()));
        bad->matches.first().mask = QByteArray::fromHex("00ff");
        bad->matches.first().value = QByteArray::fromHex("0150"); // value bits outside the mask
        entries.append(*bad);
        auto refused = m_fabric.await<P4ApplyResult>([&](auto done) {
            net->setEntries(QStringLiteral("S4"), QStringLiteral("table0"), entries, false, QStringLiteral("test"), done);
        });
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("l4_dst")), qPrintable(refused.error()));
        auto after = m_fabric.await<QList<P4EntryStatus>>([&](auto done) { net->entries(QStringLiteral("S4"), QStringLiteral("table0"), false, done); });
        QVERIFY(after);
        QCOMPARE(after->size(), before->size());
    }

    void operatorEntriesAppliedAndDiffed()
    {
        NetworkController *net = m_fabric.network();
        const P4Program &program = P4Program::reference();
        auto entry = P4EntryText::parse(program, QStringLiteral("table0 local_metadata.l3_dst=10.9.9.9&&&255.255.255.255 priority=7 action=drop()"));
        QVERIFY2(entry, qPrintable(entry.error()));
        auto current = m_fabric.await<QList<P4EntryStatus>>([&](auto done) { net->entries(QStringLiteral("S5"), QStringLiteral("table0"), false, done); });
        QVERIFY(current);
        QList<P4TableEntry> desired;
        for (const P4EntryStatus &status : *current)
            desired.append(status.entry);
        desired.append(*entry);
        auto dry = m_fabric.await<P4ApplyResult>([&](auto done) {
            net->setEntries(QStringLiteral("S5"), QStringLiteral("table0"), desired, true, QStringLiteral("test"), done);
        });
        QVERIFY2(dry, qPrintable(dry.error()));
        QCOMPARE(dry->diff.toInsert.size(), 1);
        QVERIFY(!dry->applied);
        const qsizetype serverEntries = m_fabric.server(4).entryCount();
        auto applied = m_fabric.await<P4ApplyResult>([&](auto done) {
            net->setEntries(QStringLiteral("S5"), QStringLiteral("table0"), desired, false, QStringLiteral("test"), done);
        });
        QVERIFY2(applied, qPrintable(applied.error()));
        QVERIFY(applied->applied);
        QCOMPARE(m_fabric.server(4).entryCount(), serverEntries + 1);
    }

    void slaReroutesOnlyTheViolatingFlow()
    {
        NetworkController *net = m_fabric.network();
        SlaRule rule;
        rule.id = QStringLiteral("sla-250");
        rule.connectionId = QStringLiteral("flow-250");
        rule.metric = SlaMetric::MaxLatency;
        rule.thresholdMs = 0.5;
        rule.persistenceMs = 0;
        QVERIFY(net->upsertSlaRule(rule, QStringLiteral("test")));

        QSignalSpy rerouted(net, &NetworkController::rerouted);
        // Healthy postcards from the whole path, then S3 degrades for both flows.
        for (const QString &sw : {QStringLiteral("S1"), QStringLiteral("S3"), QStringLiteral("S4"), QStringLiteral("S2")}) {
            m_fabric.sendPostcard(sw, 250, 0.05);
            m_fabric.sendPostcard(sw, 123, 0.05);
        }
        QTest::qWait(50);
        QCOMPARE(rerouted.size(), 0);
        m_fabric.sendPostcard(QStringLiteral("S3"), 123, 3.0);
        m_fabric.sendPostcard(QStringLiteral("S3"), 250, 3.0);
        QVERIFY(rerouted.wait(5000));
        const auto record = rerouted.first().first().value<RerouteRecord>();
        QCOMPARE(record.connectionId, QStringLiteral("flow-250"));
        QCOMPARE(record.avoidedSwitch, QStringLiteral("S3"));
        QCOMPARE(record.fromPath, (QStringList{"S1", "S3", "S4", "S2"}));
        QCOMPARE(record.toPath, (QStringList{"S1", "S5", "S2"}));
        QVERIFY(record.reactionMs > 0);
        QVERIFY2(record.reactionMs < 1000, qPrintable(QString::number(record.reactionMs)));

        QList<Connection> connections = net->connections();
        const auto find = [&connections](const QString &id) {
            return *std::find_if(connections.cbegin(), connections.cend(), [&](const Connection &c) { return c.id == id; });
        };
        QCOMPARE(find(QStringLiteral("flow-250")).path, (QStringList{"S1", "S5", "S2"}));
        QCOMPARE(find(QStringLiteral("flow-250")).avoidedSwitches, QStringList{"S3"});
        QCOMPARE(find(QStringLiteral("flow-123")).path, (QStringList{"S1", "S3", "S4", "S2"}));

        // The switches hold what the controller says: S3 and S4 only flow 123, S5 flow 250.
        for (const auto &[sw, f250, f123] : {std::tuple{"S3", 0, 4}, std::tuple{"S4", 0, 4}, std::tuple{"S5", 4, 0}, std::tuple{"S1", 4, 4}}) {
            auto entries = m_fabric.await<QList<P4EntryStatus>>([&](auto done) { net->entries(QLatin1String(sw), {}, false, done); });
            QVERIFY(entries);
            QCOMPARE(countFlowEntries(*entries, QStringLiteral("flow-250")), f250);
            QCOMPARE(countFlowEntries(*entries, QStringLiteral("flow-123")), f123);
        }

        // In the event log and the audit trail.
        QVERIFY(P4Fabric::waitFor([&] { return !m_fabric.engine().recentEvents(0, QStringLiteral("Network.Reroute")).isEmpty(); }, 2000));
        auto audit = m_fabric.engine().store()->auditLog(0, 1000);
        QVERIFY(audit);
        QVERIFY(std::any_of(audit->cbegin(), audit->cend(), [](const AuditEntry &e) {
            return e.action == QLatin1String("connection.reroute") && e.actor == QLatin1String("automation:sla")
                   && e.target == QLatin1String("flow-250");
        }));
        QCOMPARE(net->reroutes().size(), 1);

        // Postcards from the old path no longer reroute anything (stale), and hold-down keeps one reroute.
        m_fabric.sendPostcard(QStringLiteral("S3"), 250, 3.0);
        QTest::qWait(200);
        QCOMPARE(rerouted.size(), 1);
    }

    void windowsReachTheTelemetryStore()
    {
        // The collector's 100 ms windows land as int_hop_latency_*_seconds{switch, flow}.
        const QString key = seriesKey(QStringLiteral("int_hop_latency_max_seconds"),
                                      {{QStringLiteral("flow"), QStringLiteral("123")},
                                       {QStringLiteral("switch"), QStringLiteral("S3")}});
        QVERIFY2(P4Fabric::waitFor([&] { return m_fabric.engine().telemetry()->latest(key).has_value(); }, 3000),
                 qPrintable(key));
        // The degraded postcard (3 ms) is the window's maximum.
        QVERIFY(P4Fabric::waitFor([&] {
            const auto latest = m_fabric.engine().telemetry()->range(key, 0, std::numeric_limits<qint64>::max());
            return std::any_of(latest.cbegin(), latest.cend(), [](const Sample &s) { return s.value > 0.0029; });
        }, 3000));
    }

    void stateSurvivesRestart()
    {
        NetworkController *net = m_fabric.network();
        const auto before = net->connections();
        const auto switchesBefore = net->switches();
        QVERIFY(m_fabric.restart());
        net = m_fabric.network();
        QCOMPARE(net->connections(), before);
        QCOMPARE(net->slaRules().size(), 1);
        QCOMPARE(net->reroutes().size(), 1);
        const bool up = P4Fabric::waitFor([&] {
            const auto list = net->switches();
            return list.size() == 5 && std::all_of(list.cbegin(), list.cend(), [](const P4SwitchStatus &s) { return s.connected; });
        }, 20000);
        QStringList states;
        for (const auto &s : net->switches())
            states.append(QStringLiteral("%1 connected=%2 plugin=%4 %3").arg(s.switchId).arg(s.connected).arg(s.lastError, s.pluginId));
        QVERIFY2(up, qPrintable(states.join(QStringLiteral("; "))));
        for (const auto &s : net->switches()) {
            const auto old = std::find_if(switchesBefore.cbegin(), switchesBefore.cend(),
                                          [&](const P4SwitchStatus &o) { return o.switchId == s.switchId; });
            QVERIFY(old != switchesBefore.cend());
            QCOMPARE(s.intSwitchId, old->intSwitchId);
            QCOMPARE(s.desiredEntries, old->desiredEntries);
        }
    }

    void deadSwitchLosesNothing()
    {
        // S4 dies. Moving flow 123 off S3/S4 either fails on S4 (the switches already written
        // are restored, nothing changes) or, when the controller already knows S4 is gone,
        // goes through on the live switches with S4's new desired set kept for when it returns.
        // Either way nothing is lost or half-applied on a live switch.
        NetworkController *net = m_fabric.network();
        m_fabric.server(3).stop(); // S4
        auto result = m_fabric.await<Connection>([&](auto done) {
            net->rerouteConnection(QStringLiteral("flow-123"), {QStringLiteral("S3")}, QStringLiteral("test"), done);
        }, 30000);
        const auto connections = net->connections();
        const auto f123 = std::find_if(connections.cbegin(), connections.cend(), [](const Connection &c) { return c.id == QLatin1String("flow-123"); });
        QVERIFY(f123 != connections.cend());
        const auto onSwitch = [&](const QString &sw) {
            auto entries = m_fabric.await<QList<P4EntryStatus>>([&](auto done) { net->entries(sw, {}, false, done); });
            return entries ? countFlowEntries(*entries, QStringLiteral("flow-123")) : -1;
        };
        if (!result) {
            QVERIFY2(result.error().contains(QLatin1String("S4")), qPrintable(result.error()));
            QCOMPARE(f123->path, (QStringList{"S1", "S3", "S4", "S2"}));
            QCOMPARE(onSwitch(QStringLiteral("S3")), 4);
            QCOMPARE(onSwitch(QStringLiteral("S5")), 0);
        } else {
            QCOMPARE(f123->path, (QStringList{"S1", "S5", "S2"}));
            QCOMPARE(onSwitch(QStringLiteral("S3")), 0);
            QCOMPARE(onSwitch(QStringLiteral("S5")), 4);
            for (const auto &s : net->switches()) {
                if (s.switchId == QLatin1String("S4"))
                    QVERIFY(!s.connected || !s.lastError.isEmpty() || s.installedEntries != s.desiredEntries);
            }
        }
    }

private:
    P4Fabric m_fabric;
};

QTEST_GUILESS_MAIN(tst_P4FabricLoop)
#include "tst_p4fabricloop.moc"
