#include "Scenario.h"
#include "SimulatedFabric.h"
#include "SimulatorModel.h"

#include "network/IntReport.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

using namespace Continuo;
using namespace Continuo::Simulator;

namespace {

// The paper's switches in the demo scenario and the INT switch ids the tests give them.
const QString S1 = QStringLiteral("sw-edge-ath");
const QString S2 = QStringLiteral("sw-cloud-fra");
const QString S3 = QStringLiteral("sw-core-1");
const QString S4 = QStringLiteral("sw-core-2");
const QString S5 = QStringLiteral("sw-hpc-bol");
const QHash<QString, quint32> IntIds{{S1, 1}, {S2, 2}, {S3, 3}, {S4, 4}, {S5, 5}};

/// A UDP socket on 127.0.0.1 (free port) standing in for the INT collector.
class PostcardSink
{
public:
    PostcardSink()
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address));
        socklen_t length = sizeof(address);
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
    }
    ~PostcardSink() { ::close(m_fd); }
    quint16 port() const { return m_port; }

    /// Postcards until `count` arrived or `timeoutMs` passed, decoded (µs on the wire).
    QList<IntPostcard> receive(int count, int timeoutMs = 3000)
    {
        QList<IntPostcard> cards;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        char buffer[2048];
        while (cards.size() < count) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now()).count();
            if (left <= 0)
                break;
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, int(left)) <= 0)
                break;
            const ssize_t size = ::recv(m_fd, buffer, sizeof(buffer), MSG_DONTWAIT);
            if (size <= 0)
                continue;
            IntDecodeOptions options;
            options.timestampUnit = IntTimestampUnit::Microseconds;
            IntDecodeError error = IntDecodeError::None;
            const auto card = decodePostcard(buffer, size_t(size), options, &error);
            if (!card) {
                m_malformed.append(toString(error));
                continue;
            }
            cards.append(*card);
        }
        return cards;
    }
    /// Whatever is queued now.
    QList<IntPostcard> drain() { return receive(1'000'000, 50); }
    QStringList malformed() const { return m_malformed; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    QStringList m_malformed;
};

QByteArray value(const QString &text, int bits)
{
    auto parsed = P4Values::parse(text, bits);
    return parsed ? *parsed : QByteArray();
}

P4FieldMatch exact(const QString &field, const QString &text, int bits)
{
    P4FieldMatch match;
    match.field = field;
    match.kind = P4MatchKind::Ternary;
    match.value = value(text, bits);
    match.mask = QByteArray(match.value.size(), char(0xff));
    if (bits % 8)
        match.mask[0] = char((1 << (bits % 8)) - 1);
    return match;
}

/// table0 (and with telemetry postcard_telemetry) entries for one direction of a flow at one switch.
QList<P4TableEntry> flowEntries(const FlowSpec &flow, bool forward, int egressPort, bool telemetry)
{
    const FlowEndpointSpec &from = forward ? flow.a : flow.b;
    const FlowEndpointSpec &to = forward ? flow.b : flow.a;
    const int sport = forward ? flow.sourcePort : flow.destinationPort;
    const int dport = forward ? flow.destinationPort : flow.sourcePort;
    QList<P4FieldMatch> key{exact(QStringLiteral("local_metadata.l3_src"), from.ip, 32),
                            exact(QStringLiteral("local_metadata.l3_dst"), to.ip, 32),
                            exact(QStringLiteral("local_metadata.ip_proto"), QString::number(flow.protocol), 8),
                            exact(QStringLiteral("local_metadata.l4_src"), QString::number(sport), 16),
                            exact(QStringLiteral("local_metadata.l4_dst"), QString::number(dport), 16)};
    P4TableEntry forwardEntry;
    forwardEntry.table = QStringLiteral("table0");
    forwardEntry.matches = key;
    forwardEntry.priority = 100;
    forwardEntry.action = QStringLiteral("set_egress_port");
    forwardEntry.params = {{QStringLiteral("port"), value(QString::number(egressPort), 9)}};
    QList<P4TableEntry> entries{forwardEntry};
    if (telemetry) {
        P4TableEntry postcard;
        postcard.table = QStringLiteral("postcard_telemetry");
        postcard.matches = key;
        postcard.priority = 100;
        postcard.action = QStringLiteral("activate_postcard");
        postcard.params = {{QStringLiteral("flow_id"), value(QString::number(flow.flowId), 32)}};
        entries.append(postcard);
    }
    return entries;
}

/// int_insert and generate_report default entries: switch id and the collector.
QList<P4TableEntry> baseEntries(quint32 switchId, quint16 collectorPort)
{
    P4TableEntry insert;
    insert.table = QStringLiteral("int_insert");
    insert.isDefaultAction = true;
    insert.action = QStringLiteral("init_metadata");
    insert.params = {{QStringLiteral("switch_id"), value(QString::number(switchId), 32)}};
    P4TableEntry report;
    report.table = QStringLiteral("generate_report");
    report.isDefaultAction = true;
    report.action = QStringLiteral("do_report_encapsulation");
    report.params = {{QStringLiteral("src_mac"), value(QStringLiteral("02:00:00:00:00:01"), 48)},
                     {QStringLiteral("mon_mac"), value(QStringLiteral("02:00:00:00:00:fe"), 48)},
                     {QStringLiteral("src_ip"), value(QStringLiteral("127.0.0.1"), 32)},
                     {QStringLiteral("mon_ip"), value(QStringLiteral("127.0.0.1"), 32)},
                     {QStringLiteral("mon_port"), value(QString::number(collectorPort), 16)}};
    return {insert, report};
}

/// Port of `from` on the link to `to`.
int portToward(const Scenario &scenario, const QString &from, const QString &to)
{
    for (const Link &link : scenario.inventory.links) {
        if (link.a.id == from && link.b.id == to)
            return link.a.port;
        if (link.b.id == from && link.a.id == to)
            return link.b.port;
    }
    return -1;
}

/// Every switch's entries for a flow on `path` (both directions), as a controller would write.
QHash<QString, QList<P4TableEntry>> pathEntries(const Scenario &scenario, const FlowSpec &flow,
                                                const QStringList &path, bool telemetry = true)
{
    QHash<QString, QList<P4TableEntry>> bySwitch;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const int forwardPort = i + 1 < path.size() ? portToward(scenario, path[i], path[i + 1]) : flow.b.port;
        const int reversePort = i > 0 ? portToward(scenario, path[i], path[i - 1]) : flow.a.port;
        bySwitch[path[i]] += flowEntries(flow, true, forwardPort, telemetry);
        bySwitch[path[i]] += flowEntries(flow, false, reversePort, telemetry);
    }
    return bySwitch;
}

QList<P4Update> updates(const QList<P4TableEntry> &entries, P4Update::Type type)
{
    QList<P4Update> result;
    for (const P4TableEntry &entry : entries)
        result.append({type, entry});
    return result;
}

const FlowSpec &flowOf(const Scenario &scenario, const QString &id)
{
    for (const FlowSpec &flow : scenario.flows) {
        if (flow.id == id)
            return flow;
    }
    qFatal("no flow %s in the scenario", qPrintable(id));
}

double meanHopUs(const QList<IntPostcard> &cards, quint32 switchId)
{
    double sum = 0;
    int count = 0;
    for (const IntPostcard &card : cards) {
        if (card.switchId == switchId) {
            sum += card.hopLatencyNs / 1000.0;
            ++count;
        }
    }
    return count ? sum / count : -1;
}

QSet<quint32> switchIdsOf(const QList<IntPostcard> &cards)
{
    QSet<quint32> ids;
    for (const IntPostcard &card : cards)
        ids.insert(card.switchId);
    return ids;
}

} // namespace

class tst_SimulatedFabric : public QObject
{
    Q_OBJECT

private:
    Scenario m_scenario;
    std::shared_ptr<SimulatedFabric> m_fabric;
    QHash<QString, std::shared_ptr<INetworkTarget>> m_targets;

    INetworkTarget &target(const QString &id) { return *m_targets.value(id); }

    /// Writes every switch's part of `entries` through its target, atomically.
    void install(const QHash<QString, QList<P4TableEntry>> &entries, P4Update::Type type = P4Update::Type::Insert)
    {
        for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
            const auto written = target(it.key()).write(updates(it.value(), type), true);
            QVERIFY2(written.hasValue(), qPrintable(written.error()));
        }
    }

    void installBase(quint16 collectorPort)
    {
        for (auto it = IntIds.cbegin(); it != IntIds.cend(); ++it) {
            const auto written = target(it.key()).write(updates(baseEntries(it.value(), collectorPort), P4Update::Type::Insert), true);
            QVERIFY2(written.hasValue(), qPrintable(written.error()));
        }
    }

private Q_SLOTS:
    void init()
    {
        auto scenario = Scenario::load(QStringLiteral("demo"));
        QVERIFY2(scenario.hasValue(), qPrintable(scenario.error()));
        m_scenario = *scenario;
        m_fabric = std::make_shared<SimulatedFabric>(m_scenario, 7);
        m_targets.clear();
        for (const QString &id : m_fabric->switchIds()) {
            std::shared_ptr<INetworkTarget> t = m_fabric->createTarget(id);
            QVERIFY(t);
            QCOMPARE(t->switchId(), id);
            QVERIFY(t->connectTarget().hasValue());
            QVERIFY(t->isConnected());
            m_targets.insert(id, t);
        }
        QVERIFY(!m_fabric->createTarget(QStringLiteral("sw-ghost")));
    }

    void cleanup()
    {
        m_targets.clear();
        m_fabric.reset();
    }

    void runsTheReferencePipeline()
    {
        const auto program = target(S3).pipeline();
        QVERIFY2(program.hasValue(), qPrintable(program.error()));
        QCOMPARE(program->name(), QStringLiteral("braine_int"));
        // Not connected: refused with the switch's name.
        auto other = m_fabric->createTarget(S3);
        const auto refused = other->write({}, true);
        QVERIFY(!refused.hasValue());
        QVERIFY2(refused.error().contains(S3) && refused.error().contains(QStringLiteral("not connected")),
                 qPrintable(refused.error()));
        // A new pipeline clears the entries.
        const FlowSpec &flow = flowOf(m_scenario, QStringLiteral("flow-250"));
        install({{S3, flowEntries(flow, true, 10, false)}});
        QCOMPARE(target(S3).readEntries(QStringLiteral("table0"))->size(), 1);
        QVERIFY(target(S3).setPipeline(*program, {}).hasValue());
        QCOMPARE(target(S3).readEntries(QStringLiteral("table0"))->size(), 0);
        const auto unknown = target(S3).readEntries(QStringLiteral("table9"));
        QVERIFY(!unknown.hasValue());
        QVERIFY2(unknown.error().contains(QStringLiteral("no table \"table9\"")), qPrintable(unknown.error()));
    }

    void forwardsAlongTheEntries()
    {
        const FlowSpec &flow = flowOf(m_scenario, QStringLiteral("flow-250"));
        // No entries: table0's default drops at the ingress switch.
        QVERIFY(m_fabric->sendFlowPackets(flow.id, 1));
        FabricFlowStats stats = m_fabric->flowStats(flow.id);
        QCOMPARE(stats.sent, 2);
        QCOMPARE(stats.dropped, 2);
        QCOMPARE(stats.forwardPath, QStringList{S1});
        QVERIFY2(stats.lastProblem.contains(QStringLiteral("default action")), qPrintable(stats.lastProblem));

        const QStringList path{S1, S3, S4, S2};
        install(pathEntries(m_scenario, flow, path, false));
        QVERIFY(m_fabric->sendFlowPackets(flow.id, 5));
        stats = m_fabric->flowStats(flow.id);
        QCOMPARE(stats.delivered, 10);
        QCOMPARE(stats.forwardPath, path);
        QCOMPARE(stats.reversePath, (QStringList{S2, S4, S3, S1}));
        QCOMPARE(stats.postcards, 0); // telemetry entries not installed

        // Direct counters of S3's table0 entries: 5 packets each way, 512 B each.
        QList<P4CounterData> counters;
        const auto entries = target(S3).readEntries(QStringLiteral("table0"), &counters);
        QVERIFY2(entries.hasValue(), qPrintable(entries.error()));
        QCOMPARE(entries->size(), 2);
        QCOMPARE(counters.size(), 2);
        for (const P4CounterData &counter : std::as_const(counters)) {
            QCOMPARE(counter.packets, 5);
            QCOMPARE(counter.bytes, 5 * 512);
        }
        // port_packets counts at ingress: S3 port 1 (from S1) and port 10 (from S4).
        QCOMPARE(target(S3).readCounter(QStringLiteral("port_packets"), 1)->packets, 5);
        QCOMPARE(target(S3).readCounter(QStringLiteral("port_packets"), 10)->packets, 5);
        QVERIFY(!target(S3).readCounter(QStringLiteral("port_packets"), 4096).hasValue());
        QVERIFY(!target(S3).readCounter(QStringLiteral("table0_counter"), 0).hasValue());

        // The same packets through sendPacket(): the trip names every switch.
        const FabricTrip trip = m_fabric->sendPacket(S1, *m_fabric->flowHeaders(flow.id, SimulatedFabric::Direction::Forward));
        QCOMPARE(toString(trip.outcome), QStringLiteral("delivered"));
        QCOMPARE(trip.switches, path);

        // A link down on the path: lost there.
        m_fabric->setLinkDown(QStringLiteral("link-core1-core2"), true);
        const FabricTrip lost = m_fabric->sendPacket(S1, *m_fabric->flowHeaders(flow.id, SimulatedFabric::Direction::Forward));
        QCOMPARE(toString(lost.outcome), QStringLiteral("link-down"));
        QVERIFY2(lost.reason.contains(QStringLiteral("link-core1-core2")), qPrintable(lost.reason));
    }

    void atomicWriteIsAllOrNothing()
    {
        const FlowSpec &flow = flowOf(m_scenario, QStringLiteral("flow-250"));
        QList<P4TableEntry> entries = flowEntries(flow, true, 10, false);
        P4TableEntry bad = entries.first();
        bad.matches[1] = exact(QStringLiteral("local_metadata.l3_dst"), QStringLiteral("10.9.9.9"), 32);
        bad.action = QStringLiteral("no_such_action");
        entries.append(bad);
        const auto atomic = target(S3).write(updates(entries, P4Update::Type::Insert), true);
        QVERIFY(!atomic.hasValue());
        QVERIFY2(atomic.error().contains(QStringLiteral("switch sw-core-1 refused 1 of 2 updates (atomic: nothing applied)"))
                     && atomic.error().contains(QStringLiteral("#1 insert table0")),
                 qPrintable(atomic.error()));
        QCOMPARE(target(S3).readEntries(QStringLiteral("table0"))->size(), 0);

        const auto partial = target(S3).write(updates(entries, P4Update::Type::Insert), false);
        QVERIFY(!partial.hasValue());
        QVERIFY2(!partial.error().contains(QStringLiteral("nothing applied")), qPrintable(partial.error()));
        QCOMPARE(target(S3).readEntries(QStringLiteral("table0"))->size(), 1);
        // Inserting it again: already there.
        const auto again = target(S3).write(updates(flowEntries(flow, true, 10, false), P4Update::Type::Insert), true);
        QVERIFY(!again.hasValue());
        QVERIFY2(again.error().contains(QStringLiteral("#0 insert table0")), qPrintable(again.error()));
    }

    void postcardsReachTheCollector()
    {
        PostcardSink collector;
        const FlowSpec &flow = flowOf(m_scenario, QStringLiteral("flow-250"));
        install(pathEntries(m_scenario, flow, {S1, S3, S4, S2}));
        // Telemetry on but no generate_report entry yet: a real switch sends nothing.
        QVERIFY(m_fabric->sendFlowPackets(flow.id, 2));
        QCOMPARE(collector.drain().size(), 0);
        QCOMPARE(m_fabric->flowStats(flow.id).delivered, 4);

        installBase(collector.port());
        QVERIFY(m_fabric->sendFlowPackets(flow.id, 3));
        const QList<IntPostcard> cards = collector.receive(3 * 2 * 4);
        QVERIFY2(collector.malformed().isEmpty(), qPrintable(collector.malformed().join(QLatin1Char(','))));
        QCOMPARE(cards.size(), 24);
        QCOMPARE(switchIdsOf(cards), (QSet<quint32>{1, 3, 4, 2}));
        for (const IntPostcard &card : cards) {
            QCOMPARE(card.flowId, 250u);
            QVERIFY(card.hasFlowId);
            QVERIFY2(card.hopLatencyNs >= 20'000 && card.hopLatencyNs <= 80'000, qPrintable(QString::number(card.hopLatencyNs)));
            QCOMPARE(card.egressTimestampNs - card.ingressTimestampNs, quint64(card.hopLatencyNs));
        }
        // Ports as the entries say: S3 takes flow 250 in on port 1 and out on port 10.
        const auto atS3 = std::find_if(cards.cbegin(), cards.cend(), [](const IntPostcard &c) {
            return c.switchId == 3 && c.ingressPort == 1;
        });
        QVERIFY(atS3 != cards.cend());
        QCOMPARE(atS3->egressPort, quint16(10));
        QCOMPARE(m_fabric->postcardsSent(), 24);
        QCOMPARE(m_fabric->postcardSendErrors(), 0);
    }

    void degradedSwitchIsSlower()
    {
        PostcardSink collector;
        const FlowSpec &flow = flowOf(m_scenario, QStringLiteral("flow-250"));
        install(pathEntries(m_scenario, flow, {S1, S3, S4, S2}));
        installBase(collector.port());
        QVERIFY(m_fabric->sendFlowPackets(flow.id, 20));
        const QList<IntPostcard> healthy = collector.receive(160);
        QCOMPARE(healthy.size(), 160);

        // The scenario's fault: sw-core-1 (S3) degraded x6, as SimulatorModel reports it.
        std::vector<bool> active(size_t(m_scenario.faults.size()), false);
        for (qsizetype i = 0; i < m_scenario.faults.size(); ++i)
            active[size_t(i)] = m_scenario.faults[i].kind == FaultKind::DegradedSwitch;
        m_fabric->applyFaults(m_scenario.faults, active);
        QCOMPARE(m_fabric->hopLatencyUs(S3), 240.0);
        QCOMPARE(m_fabric->hopLatencyUs(S4), 40.0);
        QVERIFY(m_fabric->sendFlowPackets(flow.id, 20));
        const QList<IntPostcard> degraded = collector.receive(160);
        QCOMPARE(degraded.size(), 160);
        const double before = meanHopUs(healthy, 3);
        const double during = meanHopUs(degraded, 3);
        qDebug("S3 hop latency: %.1f µs healthy, %.1f µs degraded; S4 %.1f µs", before, during, meanHopUs(degraded, 4));
        QVERIFY(before > 30 && before < 50);
        QVERIFY(during > 200 && during < 280);
        QVERIFY(meanHopUs(degraded, 4) < 50);
        // Above the demo SLA's 0.2 ms: what makes the controller reroute flow 250.
        QVERIFY(during / 1000.0 > m_scenario.slas.constFirst().thresholdMs);

        // Fault over: back to normal.
        m_fabric->applyFaults(m_scenario.faults, std::vector<bool>(active.size(), false));
        QCOMPARE(m_fabric->hopLatencyUs(S3), 40.0);
    }

    void reroutedEntriesMoveThePostcards()
    {
        PostcardSink collector;
        const FlowSpec &flow250 = flowOf(m_scenario, QStringLiteral("flow-250"));
        const FlowSpec &flow123 = flowOf(m_scenario, QStringLiteral("flow-123"));
        const QStringList primary{S1, S3, S4, S2};
        const QStringList backup{S1, S5, S2};
        install(pathEntries(m_scenario, flow250, primary));
        install(pathEntries(m_scenario, flow123, primary));
        installBase(collector.port());
        QVERIFY(m_fabric->sendFlowPackets(flow250.id, 2));
        QCOMPARE(switchIdsOf(collector.receive(16)), (QSet<quint32>{1, 3, 4, 2}));

        // The reroute: flow 250's entries off S3 and S4, new ones on S5, S1 and S2 modified.
        const auto oldEntries = pathEntries(m_scenario, flow250, primary);
        const auto newEntries = pathEntries(m_scenario, flow250, backup);
        install({{S3, oldEntries[S3]}, {S4, oldEntries[S4]}}, P4Update::Type::Delete);
        install({{S5, newEntries[S5]}});
        install({{S1, newEntries[S1]}, {S2, newEntries[S2]}}, P4Update::Type::Modify);
        QCOMPARE(target(S3).readEntries(QStringLiteral("table0"))->size(), 2); // flow 123's

        QVERIFY(m_fabric->sendFlowPackets(flow250.id, 5));
        QVERIFY(m_fabric->sendFlowPackets(flow123.id, 5));
        const QList<IntPostcard> cards = collector.receive(5 * 2 * 3 + 5 * 2 * 4);
        QCOMPARE(cards.size(), 70);
        QList<IntPostcard> of250, of123;
        for (const IntPostcard &card : cards)
            (card.flowId == 250 ? of250 : of123).append(card);
        QCOMPARE(of250.size(), 30);
        QCOMPARE(switchIdsOf(of250), (QSet<quint32>{1, 5, 2}));
        QCOMPARE(switchIdsOf(of123), (QSet<quint32>{1, 3, 4, 2})); // left alone
        // S5 is older hardware (hopLatencyUs 120 in the demo).
        const double atS5 = meanHopUs(of250, 5);
        QVERIFY2(atS5 > 100 && atS5 < 140, qPrintable(QString::number(atS5)));
        QCOMPARE(m_fabric->flowStats(flow250.id).forwardPath, backup);
        QCOMPARE(m_fabric->flowStats(flow250.id).reversePath, (QStringList{S2, S5, S1}));
        QCOMPARE(m_fabric->flowStats(flow123.id).forwardPath, primary);
    }

    void packetOutAndPacketIn()
    {
        QList<P4Packet> atS1, atS3;
        target(S1).setPacketInHandler([&atS1](const P4Packet &packet) { atS1.append(packet); });
        target(S3).setPacketInHandler([&atS3](const P4Packet &packet) { atS3.append(packet); });

        P4PacketHeaders headers;
        headers.outer.ipSrc = 0x0a01000b;
        headers.outer.ipDst = 0x0a020015;
        headers.outer.ipProtocol = 17;
        headers.outer.l4Src = 1000;
        headers.outer.l4Dst = 2000;
        headers.lengthBytes = 128;
        P4Packet packet;
        packet.payload = SimulatedFabric::buildFrame(headers);
        QCOMPARE(packet.payload.size(), 128);

        // S3 sends whatever comes in on port 1 to its controller.
        P4TableEntry toCpu;
        toCpu.table = QStringLiteral("table0");
        toCpu.matches = {exact(QStringLiteral("standard_metadata.ingress_port"), QStringLiteral("1"), 9)};
        toCpu.priority = 10;
        toCpu.action = QStringLiteral("send_to_cpu");
        install({{S3, {toCpu}}});
        // Packet-out on S1 with packet_out.egress_port 1: straight onto the link to S3.
        packet.metadata.insert(QStringLiteral("egress_port"), value(QStringLiteral("1"), 9));
        QVERIFY(target(S1).sendPacketOut(packet).hasValue());
        QCOMPARE(atS3.size(), 1);
        QCOMPARE(atS1.size(), 0);
        QCOMPARE(atS3.first().metadata.value(QStringLiteral("ingress_port")), value(QStringLiteral("1"), 9));
        const auto parsed = P4PacketHeaders::fromFrame(atS3.first().payload, 1);
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
        QCOMPARE(parsed->outer.ipDst, headers.outer.ipDst);
        QCOMPARE(parsed->outer.l4Dst, quint16(2000));

        // Without egress_port the packet goes through S1's pipeline from the CPU port.
        P4TableEntry loopBack = toCpu;
        loopBack.matches = {exact(QStringLiteral("local_metadata.l4_dst"), QStringLiteral("2000"), 16)};
        install({{S1, {loopBack}}});
        packet.metadata.clear();
        QVERIFY(target(S1).sendPacketOut(packet).hasValue());
        QCOMPARE(atS1.size(), 1);
        QCOMPARE(atS1.first().metadata.value(QStringLiteral("ingress_port")),
                 value(QString::number(SimulatedFabric::CpuPort), 9));

        // A disconnected target's handler is never called again.
        target(S3).disconnectTarget();
        packet.metadata.insert(QStringLiteral("egress_port"), value(QStringLiteral("1"), 9));
        QVERIFY(target(S1).sendPacketOut(packet).hasValue());
        QCOMPARE(atS3.size(), 1);
        QVERIFY(!target(S1).sendPacketOut({QByteArray("short"), {}}).hasValue());
    }

    void switchDownRefusesConnections()
    {
        m_fabric->setSwitchDown(S4, true);
        auto fresh = m_fabric->createTarget(S4);
        const auto refused = fresh->connectTarget();
        QVERIFY(!refused.hasValue());
        QVERIFY2(refused.error().contains(QStringLiteral("sw-core-2 does not answer")), qPrintable(refused.error()));
        QVERIFY(!target(S4).isConnected());
        m_fabric->setSwitchDown(S4, false);
        QVERIFY(fresh->connectTarget().hasValue());
        // A degraded switch still connects.
        m_fabric->setLatencyFactor(S4, 6);
        QVERIFY(m_fabric->createTarget(S4)->connectTarget().hasValue());
    }

    void trafficThreadSendsBothWays()
    {
        const FlowSpec &flow = flowOf(m_scenario, QStringLiteral("flow-123"));
        install(pathEntries(m_scenario, flow, {S1, S3, S4, S2}, false));
        QVERIFY(!m_fabric->isTrafficRunning());
        m_fabric->startTraffic();
        QVERIFY(m_fabric->isTrafficRunning());
        // 200 packets/s each way.
        QTRY_VERIFY_WITH_TIMEOUT(m_fabric->flowStats(flow.id).delivered >= 40, 5000);
        m_fabric->stopTraffic();
        QVERIFY(!m_fabric->isTrafficRunning());
        const FabricFlowStats stats = m_fabric->flowStats(flow.id);
        QCOMPARE(stats.delivered, stats.sent);
        QCOMPARE(stats.reversePath, (QStringList{S2, S4, S3, S1}));
        // flow 250 has no entries: all its packets dropped at S1 or S2.
        const FabricFlowStats other = m_fabric->flowStats(QStringLiteral("flow-250"));
        QVERIFY(other.sent > 0);
        QCOMPARE(other.dropped, other.sent);
    }

    void demoIntents()
    {
        const QList<Connection> connections = scenarioConnections(m_scenario);
        QCOMPARE(connections.size(), 2);
        const Connection &c250 = connections.at(0);
        QCOMPARE(c250.id, QStringLiteral("flow-250"));
        QCOMPARE(c250.flowId, 250u);
        QCOMPARE(c250.pinnedPath, (QStringList{S1, S3, S4, S2}));
        QCOMPARE(c250.a.switchId, S1);
        QCOMPARE(c250.a.switchPort, 20);
        QCOMPARE(c250.b.switchId, S2);
        QCOMPARE(c250.b.ip, QStringLiteral("10.2.0.21"));
        QVERIFY(c250.telemetry);
        QCOMPARE(connections.at(1).id, QStringLiteral("flow-123"));
        QCOMPARE(connections.at(1).flowId, 123u);
        QCOMPARE(connections.at(1).ipProtocol, 6);
        for (const Connection &connection : connections) {
            const auto valid = validateConnection(connection);
            QVERIFY2(valid.hasValue(), qPrintable(valid.error()));
        }
        const QList<SlaRule> rules = scenarioSlaRules(m_scenario);
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.first().id, QStringLiteral("sla-flow-250"));
        QCOMPARE(rules.first().connectionId, QStringLiteral("flow-250"));
        QCOMPARE(toString(rules.first().metric), QStringLiteral("avg"));
        QCOMPARE(rules.first().thresholdMs, 0.2);
        QCOMPARE(rules.first().persistenceMs, 1000);
        QCOMPARE(rules.first().windowMs, 500);
        QVERIFY(validateSlaRule(rules.first()).hasValue());
        // The paper's S3 is the degraded switch.
        const auto degraded = std::find_if(m_scenario.faults.cbegin(), m_scenario.faults.cend(),
                                           [](const FaultSchedule &f) { return f.kind == FaultKind::DegradedSwitch; });
        QVERIFY(degraded != m_scenario.faults.cend());
        QCOMPARE(degraded->target, S3);
    }

    void badFlows_data()
    {
        QTest::addColumn<QByteArray>("flows");
        QTest::addColumn<QString>("error");
        const QByteArray a = "a: {ip: 10.1.0.1, switch: sw1, port: 20}";
        const QByteArray b = "b: {ip: 10.2.0.1, switch: sw3, port: 20}";
        QTest::newRow("no flowId") << QByteArray("flows:\n  - id: f1\n    " + a + "\n    " + b + "\n")
                                   << QStringLiteral("line 6: flow f1: \"flowId\" (the INT flow id) is required");
        QTest::newRow("bad ip") << QByteArray("flows:\n  - id: f1\n    flowId: 7\n    a: {ip: 10.1.0.300, switch: sw1, port: 20}\n    " + b + "\n")
                                << QStringLiteral("line 8: flow f1: a.ip \"10.1.0.300\" is not an IPv4 address");
        QTest::newRow("unknown switch") << QByteArray("flows:\n  - id: f1\n    flowId: 7\n    " + a + "\n    b: {ip: 10.2.0.1, switch: sw9, port: 20}\n")
                                        << QStringLiteral("line 9: flow f1: b.switch: no switch \"sw9\"");
        QTest::newRow("port of a link") << QByteArray("flows:\n  - id: f1\n    flowId: 7\n    a: {ip: 10.1.0.1, switch: sw1, port: 1}\n    " + b + "\n")
                                        << QStringLiteral("line 8: flow f1: port 1 of sw1 belongs to link l1, not to a host");
        QTest::newRow("no port") << QByteArray("flows:\n  - id: f1\n    flowId: 7\n    a: {ip: 10.1.0.1, switch: sw1}\n    " + b + "\n")
                                 << QStringLiteral("flow f1: a.port (the switch port facing the host) is required");
        QTest::newRow("protocol") << QByteArray("flows:\n  - {id: f1, flowId: 7, protocol: sctp, " + a + ", " + b + "}\n")
                                  << QStringLiteral("flow f1: protocol \"sctp\" is not tcp or udp");
        QTest::newRow("path jumps") << QByteArray("flows:\n  - id: f1\n    flowId: 7\n    " + a + "\n    " + b + "\n    pinnedPath: [sw1, sw3]\n")
                                    << QStringLiteral("line 10: flow f1: pinnedPath: no link between sw1 and sw3");
        QTest::newRow("path elsewhere") << QByteArray("flows:\n  - id: f1\n    flowId: 7\n    " + a + "\n    " + b + "\n    pinnedPath: [sw2, sw3]\n")
                                        << QStringLiteral("flow f1: pinnedPath must run from sw1 (a) to sw3 (b)");
        QTest::newRow("duplicate flowId") << QByteArray("flows:\n  - {id: f1, flowId: 7, " + a + ", " + b + "}\n  - {id: f2, flowId: 7, " + a + ", " + b + "}\n")
                                          << QStringLiteral("flow f2: flowId 7 is used by another flow");
        QTest::newRow("sla on nothing") << QByteArray("flows:\n  - {id: f1, flowId: 7, " + a + ", " + b + "}\nslas:\n  - {id: s1, flow: f9, thresholdMs: 1}\n")
                                        << QStringLiteral("sla s1: no flow \"f9\"");
        QTest::newRow("sla metric") << QByteArray("slas:\n  - {id: s1, flow: f1, metric: p50, thresholdMs: 1}\nflows:\n  - {id: f1, flowId: 7, " + a + ", " + b + "}\n")
                                    << QStringLiteral("sla s1: metric \"p50\" is not avg or max");
    }

    void badFlows()
    {
        QFETCH(QByteArray, flows);
        QFETCH(QString, error);
        const QByteArray yaml = "name: x\n"
                                "sites: [{id: s1, kind: edge}]\n"
                                "switches: [{id: sw1}, {id: sw2}, {id: sw3}]\n"
                                "links: [{id: l1, a: {id: sw1, port: 1}, b: {id: sw2, port: 1}}, {id: l2, a: {id: sw2, port: 2}, b: {id: sw3, port: 1}}]\n"
                                + flows;
        const auto scenario = Scenario::parse(yaml);
        QVERIFY(!scenario.hasValue());
        QVERIFY2(scenario.error().contains(error), qPrintable(scenario.error()));
    }

    void goodFlow()
    {
        const auto scenario = Scenario::parse(
            "name: x\nsites: [{id: s1, kind: edge}]\n"
            "switches: [{id: sw1, hopLatencyUs: 75}, {id: sw2}]\n"
            "links: [{id: l1, a: {id: sw1, port: 1}, b: {id: sw2, port: 1}}]\n"
            "flows:\n  - {id: f1, flowId: 9, protocol: tcp, sport: 1, dport: 2, a: {name: h1, ip: 10.0.0.1, switch: sw1, port: 5},"
            " b: {ip: 10.0.0.2, switch: sw2, port: 6}, pinnedPath: [sw1, sw2]}\n"
            "slas:\n  - {id: s1, flow: f1, metric: max, thresholdMs: 0.5}\n");
        QVERIFY2(scenario.hasValue(), qPrintable(scenario.error()));
        QCOMPARE(scenario->flows.size(), 1);
        const FlowSpec &flow = scenario->flows.first();
        QCOMPARE(flow.protocol, 6);
        QCOMPARE(flow.ratePps, 200.0);
        QVERIFY(flow.telemetry);
        QCOMPARE(flow.a.name, QStringLiteral("h1"));
        QCOMPARE(flow.b.name, QStringLiteral("10.0.0.2"));
        QCOMPARE(scenario->hopLatencyUsBySwitch.value(QStringLiteral("sw1")), 75.0);
        QCOMPARE(scenario->slas.first().metric, QStringLiteral("max"));
        QCOMPARE(toString(scenarioSlaRules(*scenario).first().metric), QStringLiteral("max"));
        SimulatedFabric fabric(*scenario, 1);
        QCOMPARE(fabric.hopLatencyUs(QStringLiteral("sw1")), 75.0);
        QCOMPARE(fabric.hopLatencyUs(QStringLiteral("sw2")), SimulatedFabric::DefaultHopLatencyUs);
    }
};

QTEST_GUILESS_MAIN(tst_SimulatedFabric)
#include "tst_simulatedfabric.moc"
