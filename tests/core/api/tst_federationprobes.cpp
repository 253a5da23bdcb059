// Agents measure the latency between their sites: a central daemon whose inventory has sites a,
// b and c (a and b joined by a link, c only through a backbone switch) and three agent daemons,
// one per site (`--site`). The central's probe plans make the agents probe each other, and the
// measured latencies reach the central as link_latency_seconds{link=...,source="measured"} and
// path_latency_seconds{from=...,to=...,source="measured"}.

#include "FederationFixture.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Continuo::Testing;

namespace {

constexpr int ForwardSeconds = 1; // probes every second, forwarded every second
constexpr int WaitMs = 45000;     // three daemons starting on a loaded two-core machine

const QByteArray Scenario = R"(name: probes
description: Three sites for inter-site latency measurements
sites:
  - { id: site-a, name: Site A, kind: edge }
  - { id: site-b, name: Site B, kind: cloud }
  - { id: site-c, name: Site C, kind: hpc }
switches:
  - { id: sw-a, name: A, site: site-a, target: bmv2, ports: 8 }
  - { id: sw-b, name: B, site: site-b, target: bmv2, ports: 8 }
  - { id: sw-c, name: C, site: site-c, target: bmv2, ports: 8 }
  - { id: sw-core, name: Core, target: bmv2, ports: 8 }
links:
  - { id: link-a-b, a: { id: sw-a, port: 1 }, b: { id: sw-b, port: 1 }, capacityGbps: 10, latencyMs: 5 }
  - { id: link-a-core, a: { id: sw-a, port: 2 }, b: { id: sw-core, port: 1 }, capacityGbps: 10, latencyMs: 5 }
  - { id: link-b-core, a: { id: sw-b, port: 2 }, b: { id: sw-core, port: 2 }, capacityGbps: 10, latencyMs: 5 }
  - { id: link-c-core, a: { id: sw-c, port: 1 }, b: { id: sw-core, port: 3 }, capacityGbps: 10, latencyMs: 5 }
)";

/// The first collected series key that starts with `metric{` and contains every fragment.
QString findKey(const TelemetryCollector &collector, const QString &metric, const QStringList &fragments)
{
    for (const QString &key : collector.keys()) {
        if (!key.startsWith(metric + QLatin1Char('{')))
            continue;
        bool all = true;
        for (const QString &fragment : fragments)
            all = all && key.contains(fragment);
        if (all)
            return key;
    }
    return {};
}

} // namespace

class tst_FederationProbes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(binaryPath(QStringLiteral("continuo"))))
            QFAIL("no continuo binary (set CONTINUO_BIN_DIR)");
    }

    void agentsMeasureEachOther()
    {
        QTemporaryDir centralDir, dirA, dirB, dirC;
        QVERIFY(centralDir.isValid() && dirA.isValid() && dirB.isValid() && dirC.isValid());
        const QString scenarioPath = centralDir.filePath(QStringLiteral("probes.yaml"));
        {
            QFile file(scenarioPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(Scenario);
        }
        DaemonProcess central;
        QString failure = central.start(centralDir.filePath(QStringLiteral("data")), scenarioPath,
                                        {QStringLiteral("--no-host-probe")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto federation = fv1::Federation::NewStub(
            grpc::CreateChannel(central.address().toStdString(), grpc::InsecureChannelCredentials()));
        TelemetryCollector collector(central.address(),
                                     {QStringLiteral("link_latency_seconds{source=\"measured\"}"),
                                      QStringLiteral("path_latency_seconds{source=\"measured\"}")});

        DaemonProcess agentA, agentB, agentC;
        const std::pair<DaemonProcess *, std::pair<QString, QString>> agents[] = {
            {&agentA, {QStringLiteral("agent-a"), QStringLiteral("site-a")}},
            {&agentB, {QStringLiteral("agent-b"), QStringLiteral("site-b")}},
            {&agentC, {QStringLiteral("agent-c"), QStringLiteral("site-c")}}};
        const QTemporaryDir *dirs[] = {&dirA, &dirB, &dirC};
        for (int i = 0; i < 3; ++i) {
            const auto &[process, identity] = agents[i];
            failure = process->start(dirs[i]->path(), QStringLiteral("none"),
                                     agentArguments(central.address(), identity.first, ForwardSeconds)
                                         + QStringList{QStringLiteral("--site"), identity.second});
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }

        // The central knows where each agent stands and where to reach it.
        std::optional<fv1::AgentInfo> info;
        QTRY_VERIFY_WITH_TIMEOUT((info = findAgent(*federation, QStringLiteral("agent-c")))
                                     && info->status() == fv1::AGENT_STATUS_UP,
                                 WaitMs);
        QCOMPARE(info->site_id(), "site-c");
        QCOMPARE(QString::fromStdString(info->probe_address()), agentC.address());

        // a ↔ b: one link joins the sites, so the measurement is that link's latency.
        QString aToB, bToA, aToC, cToB;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(aToB = findKey(collector, QStringLiteral("link_latency_seconds"),
                             {QStringLiteral("link=\"link-a-b\""), QStringLiteral("from_site=\"site-a\""),
                              QStringLiteral("to_site=\"site-b\""), QStringLiteral("agent=\"agent-a\"")}))
                 .isEmpty()
                && !(bToA = findKey(collector, QStringLiteral("link_latency_seconds"),
                                    {QStringLiteral("link=\"link-a-b\""), QStringLiteral("from_site=\"site-b\""),
                                     QStringLiteral("agent=\"agent-b\"")}))
                        .isEmpty(),
            WaitMs);
        // a → c and c → b: no link joins them; the switches of the two sites are the ends of a path
        // the central's link tomography routes through the backbone.
        QTRY_VERIFY_WITH_TIMEOUT(
            !(aToC = findKey(collector, QStringLiteral("path_latency_seconds"),
                             {QStringLiteral("from=\"sw-a\""), QStringLiteral("to=\"sw-c\""),
                              QStringLiteral("from_site=\"site-a\""), QStringLiteral("to_site=\"site-c\"")}))
                 .isEmpty()
                && !(cToB = findKey(collector, QStringLiteral("path_latency_seconds"),
                                    {QStringLiteral("from=\"sw-c\""), QStringLiteral("to=\"sw-b\""),
                                     QStringLiteral("agent=\"agent-c\"")}))
                        .isEmpty(),
            WaitMs);
        QVERIFY2(aToB.contains(QLatin1String("kind=\"tcp\"")), qPrintable(aToB));
        QVERIFY2(!aToC.contains(QLatin1String("link=")), qPrintable(aToC));
        // Loopback between processes: a measured one-way latency, well under a second.
        for (const QString &key : {aToB, bToA, aToC, cToB}) {
            QTRY_VERIFY_WITH_TIMEOUT(!collector.samples(key).empty(), WaitMs);
            for (const auto &sample : collector.samples(key))
                QVERIFY2(sample.value > 0 && sample.value < 1.0, qPrintable(QStringLiteral("%1 = %2").arg(key).arg(sample.value)));
        }
        // One series per direction and site pair: 3 sites → 6, each measured by its site's agent.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                int series = 0;
                for (const QString &key : collector.keys())
                    series += key.startsWith(QLatin1String("link_latency_seconds{"))
                              || key.startsWith(QLatin1String("path_latency_seconds{"));
                return series == 6;
            }(),
            WaitMs);

        // Agent b goes away: the others stop measuring it (the series stop growing).
        QVERIFY(agentB.terminate());
        QTRY_VERIFY_WITH_TIMEOUT((info = findAgent(*federation, QStringLiteral("agent-b")))
                                     && info->status() == fv1::AGENT_STATUS_DOWN,
                                 WaitMs);
        // Plans reach the agents with their next heartbeat; give that and one forwarding round.
        QTest::qWait(4000);
        const std::size_t settled = collector.samples(aToB).size();
        const std::size_t stillC = collector.samples(aToC).size();
        QTest::qWait(4000);
        QCOMPARE(collector.samples(aToB).size(), settled);
        QVERIFY2(collector.samples(aToC).size() > stillC, "a stopped measuring c too");

        QVERIFY(agentA.terminate());
        QVERIFY(agentC.terminate());
        QVERIFY(central.terminate());
    }
};

QTEST_GUILESS_MAIN(tst_FederationProbes)
#include "tst_federationprobes.moc"
