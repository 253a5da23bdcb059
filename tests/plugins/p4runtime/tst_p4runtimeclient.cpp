// The P4Runtime client and target against the test suite's P4Runtime server (a real gRPC
// service on a free loopback port, running the reference pipeline in software).

#include "P4RuntimeClient.h"
#include "P4RuntimeTarget.h"
#include "P4RuntimeTestServer.h"

#include "network/P4Entry.h"
#include "network/P4Program.h"

#include "p4/v1/p4runtime.pb.h"

#include <QMutex>
#include <QtTest>

using namespace Continuo;
using namespace Continuo::P4Runtime;
using Continuo::P4Runtime::Testing::P4RuntimeTestServer;

namespace {

QByteArray be(quint64 value, int bytes)
{
    QByteArray out(bytes, '\0');
    for (int i = bytes - 1; i >= 0; --i) {
        out[i] = char(value & 0xff);
        value >>= 8;
    }
    return out;
}

quint32 ipv4(int a, int b, int c, int d)
{
    return quint32(a) << 24 | quint32(b) << 16 | quint32(c) << 8 | quint32(d);
}

P4FieldMatch ternary(const QString &field, quint64 value, quint64 mask, int bytes)
{
    P4FieldMatch match;
    match.field = field;
    match.kind = P4MatchKind::Ternary;
    match.value = be(value, bytes);
    match.mask = be(mask, bytes);
    return match;
}

/// table0: packets to `dst` go to `port` (or to the CPU when port < 0).
P4TableEntry forward(quint32 dst, int port, int priority = 10)
{
    P4TableEntry entry;
    entry.table = QStringLiteral("table0");
    entry.matches.append(ternary(QStringLiteral("local_metadata.l3_dst"), dst, 0xffffffff, 4));
    entry.priority = priority;
    if (port < 0) {
        entry.action = QStringLiteral("send_to_cpu");
    } else {
        entry.action = QStringLiteral("set_egress_port");
        entry.params.append({QStringLiteral("port"), be(quint64(port), 2)});
    }
    return entry;
}

P4TableEntry postcard(quint32 dst, quint32 flowId)
{
    P4TableEntry entry;
    entry.table = QStringLiteral("postcard_telemetry");
    entry.matches.append(ternary(QStringLiteral("local_metadata.l3_dst"), dst, 0xffffffff, 4));
    entry.priority = 5;
    entry.action = QStringLiteral("activate_postcard");
    entry.params.append({QStringLiteral("flow_id"), be(flowId, 4)});
    return entry;
}

P4Update insert(const P4TableEntry &entry)
{
    return {P4Update::Type::Insert, entry};
}

/// Ethernet + IPv4 + UDP with 18 bytes of payload (64 bytes on the wire without FCS).
QByteArray udpFrame(quint32 src, quint32 dst, quint16 sport, quint16 dport)
{
    QByteArray frame;
    frame += be(0x0000000000bb, 6);  // dst MAC
    frame += be(0x0000000000aa, 6);  // src MAC
    frame += be(0x0800, 2);
    const int payload = 18;
    frame += be(0x45, 1) + be(0, 1) + be(20 + 8 + payload, 2) + be(1, 2) + be(0, 2) + be(64, 1) + be(17, 1)
             + be(0, 2) + be(src, 4) + be(dst, 4);
    frame += be(sport, 2) + be(dport, 2) + be(8 + payload, 2) + be(0, 2);
    frame += QByteArray(payload, 'x');
    return frame;
}

ClientOptions options(const P4RuntimeTestServer &server, quint64 election, const QString &name = QStringLiteral("s1"))
{
    ClientOptions o;
    o.name = name;
    o.address = server.address();
    o.deviceId = 1;
    o.electionId = {0, election};
    o.connectTimeout = std::chrono::milliseconds(3000);
    o.callTimeout = std::chrono::milliseconds(5000);
    return o;
}

QSet<QString> keysOf(const QList<P4TableEntry> &entries)
{
    QSet<QString> keys;
    for (const P4TableEntry &entry : entries)
        keys.insert(entry.matchKey());
    return keys;
}

} // namespace

class tst_P4RuntimeClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void capabilities();
    void arbitrationPrimaryBackup();
    void arbitrationRefusals();
    void setAndGetPipeline();
    void batchedWrite();
    void perUpdateErrors();
    void rollbackAtomicity();
    void readWithFilters();
    void directCountersAfterPacketOuts();
    void packetIn();
    void serverKilledThenReconnect();

private:
    std::unique_ptr<P4RuntimeTestServer> m_server;
    std::unique_ptr<P4RuntimeTarget> connectedTarget(quint64 election = 10);
};

void tst_P4RuntimeClient::initTestCase()
{
    QVERIFY2(!P4Program::reference().isNull(), "the reference P4Info does not load");
}

void tst_P4RuntimeClient::init()
{
    m_server = std::make_unique<P4RuntimeTestServer>();
    auto port = m_server->start(0);
    QVERIFY2(port, qPrintable(port.error()));
}

void tst_P4RuntimeClient::cleanup()
{
    m_server.reset();
}

std::unique_ptr<P4RuntimeTarget> tst_P4RuntimeClient::connectedTarget(quint64 election)
{
    auto target = std::make_unique<P4RuntimeTarget>(QStringLiteral("s1"), options(*m_server, election));
    auto connected = target->connectTarget();
    if (!connected) {
        qWarning("%s", qPrintable(connected.error()));
        return nullptr;
    }
    auto set = target->setPipeline(P4Program::reference(), QByteArray("{}"));
    if (!set) {
        qWarning("%s", qPrintable(set.error()));
        return nullptr;
    }
    return target;
}

void tst_P4RuntimeClient::capabilities()
{
    P4RuntimeClient client(options(*m_server, 1));
    auto version = client.capabilities();
    QVERIFY2(version, qPrintable(version.error()));
    QCOMPARE(*version, QStringLiteral("1.3.0"));
}

void tst_P4RuntimeClient::arbitrationPrimaryBackup()
{
    P4RuntimeClient first(options(*m_server, 10));
    auto state = first.connect();
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(toString(*state), toString(ArbitrationState::Primary));

    P4RuntimeClient lower(options(*m_server, 5));
    state = lower.connect();
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(toString(*state), toString(ArbitrationState::Backup));
    QCOMPARE(lower.primaryElectionId(), (ElectionId{0, 10}));
    QCOMPARE(toString(first.arbitrationState()), toString(ArbitrationState::Primary));

    // The backup cannot write.
    p4::v1::WriteRequest request;
    p4::v1::Update *update = request.add_updates();
    update->set_type(p4::v1::Update::INSERT);
    update->mutable_entity()->mutable_table_entry()->set_table_id(P4Program::reference().table(QStringLiteral("table0"))->id);
    auto written = lower.write(request);
    QVERIFY(!written);
    QVERIFY2(written.error().contains(QLatin1String("PERMISSION_DENIED")), qPrintable(written.error()));
    QVERIFY2(written.error().contains(QLatin1String("switch s1 (127.0.0.1:")), qPrintable(written.error()));

    // A higher election id takes over; the old primary is told it is a backup now.
    P4RuntimeClient higher(options(*m_server, 20));
    state = higher.connect();
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(toString(*state), toString(ArbitrationState::Primary));
    QVERIFY(first.waitForArbitration(ArbitrationState::Backup, std::chrono::seconds(5)));
    QCOMPARE(first.primaryElectionId(), (ElectionId{0, 20}));

    // When it leaves, the highest remaining is primary again.
    higher.disconnect();
    QVERIFY(first.waitForArbitration(ArbitrationState::Primary, std::chrono::seconds(5)));
    QTRY_COMPARE(m_server->streamCount(), 2);

    // A target refuses to be a backup, naming the primary.
    P4RuntimeTarget target(QStringLiteral("s1"), options(*m_server, 7));
    auto connected = target.connectTarget();
    QVERIFY(!connected);
    QVERIFY2(connected.error().contains(QLatin1String("another controller is primary (election id 10, ours 7)")),
             qPrintable(connected.error()));
    QVERIFY(!target.isConnected());
}

void tst_P4RuntimeClient::arbitrationRefusals()
{
    P4RuntimeClient first(options(*m_server, 10));
    QVERIFY(first.connect());
    P4RuntimeClient same(options(*m_server, 10));
    auto state = same.connect();
    QVERIFY(!state);
    QVERIFY2(state.error().contains(QLatin1String("INVALID_ARGUMENT")) && state.error().contains(QLatin1String("already used")),
             qPrintable(state.error()));

    ClientOptions wrongDevice = options(*m_server, 11);
    wrongDevice.deviceId = 9;
    P4RuntimeClient other(wrongDevice);
    state = other.connect();
    QVERIFY(!state);
    QVERIFY2(state.error().contains(QLatin1String("NOT_FOUND")) && state.error().contains(QLatin1String("no device 9")),
             qPrintable(state.error()));

    // Nothing listening: a clear error within the connect timeout.
    ClientOptions nowhere = options(*m_server, 12);
    {
        P4RuntimeTestServer probe;
        auto port = probe.start(0);
        QVERIFY(port);
        nowhere.address = probe.address();
    } // stopped: the port is free again
    nowhere.connectTimeout = std::chrono::milliseconds(500);
    P4RuntimeClient unreachable(nowhere);
    state = unreachable.connect();
    QVERIFY(!state);
    QVERIFY2(state.error().contains(QLatin1String("cannot be reached within 500 ms")), qPrintable(state.error()));
}

void tst_P4RuntimeClient::setAndGetPipeline()
{
    P4RuntimeTarget target(QStringLiteral("s1"), options(*m_server, 10), P4Program::reference());
    QVERIFY(target.connectTarget());
    auto none = target.pipeline();
    QVERIFY2(none, qPrintable(none.error()));
    QVERIFY(none->isNull());
    // Writing before a pipeline is committed is the switch's FAILED_PRECONDITION.
    auto early = target.write({insert(forward(ipv4(10, 0, 0, 2), 2))}, false);
    QVERIFY(!early);
    QVERIFY2(early.error().contains(QLatin1String("FAILED_PRECONDITION")), qPrintable(early.error()));

    QVERIFY(target.setPipeline(P4Program::reference(), QByteArray("{\"bmv2\": true}")));
    auto program = target.pipeline();
    QVERIFY2(program, qPrintable(program.error()));
    QCOMPARE(program->name(), QStringLiteral("braine_int"));
    QCOMPARE(program->tables().size(), P4Program::reference().tables().size());
    QVERIFY(program->table(QStringLiteral("MyIngress.table0")));

    p4::v1::ForwardingPipelineConfig config;
    QVERIFY(target.client().getForwardingPipelineConfig(&config, p4::v1::GetForwardingPipelineConfigRequest::DEVICE_CONFIG_AND_COOKIE));
    QCOMPARE(config.p4_device_config(), std::string("{\"bmv2\": true}"));
    QVERIFY(!config.has_p4info());

    // A target that connects later learns the program from the device.
    target.disconnectTarget();
    P4RuntimeTarget fresh(QStringLiteral("s1"), options(*m_server, 11));
    QVERIFY(fresh.connectTarget());
    QCOMPARE(fresh.program().name(), QStringLiteral("braine_int"));
}

void tst_P4RuntimeClient::batchedWrite()
{
    auto target = connectedTarget();
    QVERIFY(target);
    constexpr int Total = 5000;
    constexpr int Batch = 1000;
    QList<P4TableEntry> all;
    for (int batch = 0; batch < Total / Batch; ++batch) {
        QList<P4Update> updates;
        for (int i = 0; i < Batch; ++i) {
            const int n = batch * Batch + i;
            all.append(forward(ipv4(10, 1, n >> 8, n & 0xff), 1 + n % 8));
            updates.append(insert(all.last()));
        }
        auto written = target->write(updates, true);
        QVERIFY2(written, qPrintable(written.error()));
    }
    QCOMPARE(m_server->entryCount(), qsizetype(Total));
    QCOMPARE(m_server->writeCalls(), quint64(Total / Batch));
    auto read = target->readEntries(QStringLiteral("table0"));
    QVERIFY2(read, qPrintable(read.error()));
    QCOMPARE(read->size(), qsizetype(Total));
    QCOMPARE(keysOf(*read), keysOf(all));
    // Actions and params come back as written.
    QHash<QString, P4TableEntry> byKey;
    for (const P4TableEntry &entry : *read)
        byKey.insert(entry.matchKey(), entry);
    const P4TableEntry &sample = all.at(1234);
    QCOMPARE(byKey.value(sample.matchKey()).params, sample.params);

    // MODIFY and DELETE in one batch.
    P4TableEntry modified = all.at(0);
    modified.params[0].value = be(7, 2);
    auto changed = target->write({{P4Update::Type::Modify, modified}, {P4Update::Type::Delete, all.at(1)}}, true);
    QVERIFY2(changed, qPrintable(changed.error()));
    QCOMPARE(m_server->entryCount(), qsizetype(Total - 1));
}

void tst_P4RuntimeClient::perUpdateErrors()
{
    auto target = connectedTarget();
    QVERIFY(target);
    const P4TableEntry a = forward(ipv4(10, 0, 0, 1), 1);
    const P4TableEntry b = forward(ipv4(10, 0, 0, 2), 2);
    QVERIFY(target->write({insert(a), insert(b)}, false));

    P4TableEntry invalid = forward(ipv4(10, 0, 0, 5), 5);
    invalid.priority = 0; // ternary table: a priority is required
    const P4TableEntry c = forward(ipv4(10, 0, 0, 3), 3);
    const QList<P4Update> updates{insert(a), insert(c), {P4Update::Type::Modify, forward(ipv4(10, 0, 0, 4), 4)},
                                  {P4Update::Type::Delete, forward(ipv4(10, 0, 0, 6), 6)}, insert(invalid)};
    auto written = target->write(updates, false);
    QVERIFY(!written);
    const QString error = written.error();
    QVERIFY2(error.startsWith(QLatin1String("switch s1 (127.0.0.1:")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("refused 4 of 5 updates")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("update 0 (INSERT table0")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("ALREADY_EXISTS")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("update 2 (MODIFY table0")) && error.contains(QLatin1String("NOT_FOUND")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("update 3 (DELETE table0")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("update 4 (INSERT table0")) && error.contains(QLatin1String("INVALID_ARGUMENT")), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("update 1 ")), qPrintable(error));
    // CONTINUE_ON_ERROR: the good update went in.
    QCOMPARE(m_server->entryCount(), qsizetype(3));

    // The same through the client, with the codes per index.
    p4::v1::WriteRequest request;
    for (const P4Update &update : updates) {
        p4::v1::Update *out = request.add_updates();
        out->set_type(update.type == P4Update::Type::Insert ? p4::v1::Update::INSERT
                      : update.type == P4Update::Type::Modify ? p4::v1::Update::MODIFY
                                                              : p4::v1::Update::DELETE);
        QVERIFY(P4RuntimeCodec::toProto(P4Program::reference(), update.entry, out->mutable_entity()->mutable_table_entry()));
    }
    QList<UpdateError> errors;
    QVERIFY(!target->client().write(request, {}, &errors));
    QCOMPARE(errors.size(), qsizetype(5)); // c exists now too
    QCOMPARE(errors.at(0).code, 6); // ALREADY_EXISTS
    QCOMPARE(errors.at(2).code, 5); // NOT_FOUND
    QCOMPARE(errors.at(4).code, 3); // INVALID_ARGUMENT
}

void tst_P4RuntimeClient::rollbackAtomicity()
{
    auto target = connectedTarget();
    QVERIFY(target);
    const P4TableEntry a = forward(ipv4(10, 0, 0, 1), 1);
    QVERIFY(target->write({insert(a)}, true));
    const P4TableEntry b = forward(ipv4(10, 0, 0, 2), 2);
    const P4TableEntry c = forward(ipv4(10, 0, 0, 3), 3);
    auto written = target->write({insert(b), insert(a), insert(c)}, true);
    QVERIFY(!written);
    QVERIFY2(written.error().contains(QLatin1String("update 1 (INSERT table0")), qPrintable(written.error()));
    QVERIFY2(written.error().contains(QLatin1String("ALREADY_EXISTS")), qPrintable(written.error()));
    QVERIFY2(written.error().contains(QLatin1String("ABORTED")), qPrintable(written.error()));
    // Nothing of the batch stayed.
    QCOMPARE(m_server->entryCount(), qsizetype(1));
    auto read = target->readEntries(QStringLiteral("table0"));
    QVERIFY(read);
    QCOMPARE(keysOf(*read), keysOf({a}));

    // The same batch without atomicity keeps b and c.
    written = target->write({insert(b), insert(a), insert(c)}, false);
    QVERIFY(!written);
    QCOMPARE(m_server->entryCount(), qsizetype(3));
}

void tst_P4RuntimeClient::readWithFilters()
{
    auto target = connectedTarget();
    QVERIFY(target);
    const QList<P4TableEntry> forwarding{forward(ipv4(10, 0, 0, 1), 1), forward(ipv4(10, 0, 0, 2), 2)};
    const QList<P4TableEntry> postcards{postcard(ipv4(10, 0, 0, 2), 250)};
    QVERIFY(target->write({insert(forwarding[0]), insert(forwarding[1]), insert(postcards[0])}, true));

    auto table0 = target->readEntries(QStringLiteral("table0"));
    QVERIFY2(table0, qPrintable(table0.error()));
    QCOMPARE(keysOf(*table0), keysOf(forwarding));
    auto telemetry = target->readEntries(QStringLiteral("postcard_telemetry"));
    QVERIFY(telemetry);
    QCOMPARE(telemetry->size(), qsizetype(1));
    QCOMPARE(telemetry->at(0).params, postcards[0].params);
    auto everything = target->readEntries(QString());
    QVERIFY(everything);
    QCOMPARE(everything->size(), qsizetype(3));
    auto unknown = target->readEntries(QStringLiteral("nope"));
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().contains(QLatin1String("has no table nope")), qPrintable(unknown.error()));

    // One key: the spec's read of a single entry.
    p4::v1::ReadRequest request;
    QVERIFY(P4RuntimeCodec::toProto(P4Program::reference(), forwarding[1], request.add_entities()->mutable_table_entry()));
    request.mutable_entities(0)->mutable_table_entry()->clear_action();
    int found = 0;
    QVERIFY(target->client().read(request, [&](p4::v1::ReadResponse &response) { found += response.entities_size(); }));
    QCOMPARE(found, 1);
}

void tst_P4RuntimeClient::directCountersAfterPacketOuts()
{
    auto target = connectedTarget();
    QVERIFY(target);
    QVERIFY(target->write({insert(forward(ipv4(10, 0, 0, 2), 2)), insert(forward(ipv4(10, 0, 0, 3), 3))}, true));
    const QByteArray frame = udpFrame(ipv4(10, 0, 0, 1), ipv4(10, 0, 0, 2), 40000, 5000);
    for (int i = 0; i < 3; ++i) {
        P4Packet packet;
        packet.payload = frame;
        packet.metadata.insert(QStringLiteral("egress_port"), be(1, 2));
        auto sent = target->sendPacketOut(packet);
        QVERIFY2(sent, qPrintable(sent.error()));
    }
    QTRY_COMPARE(m_server->packetOutCount(), quint64(3));

    QList<P4CounterData> counters;
    auto entries = target->readEntries(QStringLiteral("table0"), &counters);
    QVERIFY2(entries, qPrintable(entries.error()));
    QCOMPARE(counters.size(), entries->size());
    for (qsizetype i = 0; i < entries->size(); ++i) {
        const bool hit = entries->at(i).matchKey() == forward(ipv4(10, 0, 0, 2), 2).matchKey();
        QCOMPARE(counters.at(i).packets, hit ? 3 : 0);
        QCOMPARE(counters.at(i).bytes, hit ? 3 * frame.size() : 0);
    }
    // The indexed counter of the reference program counts the ingress port.
    auto cell = target->readCounter(QStringLiteral("port_packets"), 1);
    QVERIFY2(cell, qPrintable(cell.error()));
    QCOMPARE(cell->packets, 3);
    auto outOfRange = target->readCounter(QStringLiteral("port_packets"), 100000);
    QVERIFY(!outOfRange);
    QVERIFY2(outOfRange.error().contains(QLatin1String("has no index 100000")), qPrintable(outOfRange.error()));

    // A bad packet_out field is refused before anything is sent.
    P4Packet bad;
    bad.payload = frame;
    bad.metadata.insert(QStringLiteral("color"), be(1, 1));
    auto refused = target->sendPacketOut(bad);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("no field color")), qPrintable(refused.error()));
}

void tst_P4RuntimeClient::packetIn()
{
    auto target = std::make_unique<P4RuntimeTarget>(QStringLiteral("s1"), options(*m_server, 10));
    QMutex mutex;
    QList<P4Packet> received;
    target->setPacketInHandler([&](const P4Packet &packet) {
        QMutexLocker locker(&mutex);
        received.append(packet);
    });
    QVERIFY(target->connectTarget());
    QVERIFY(target->setPipeline(P4Program::reference(), {}));
    QVERIFY(target->write({insert(forward(ipv4(10, 0, 0, 9), -1))}, true));

    const QByteArray toCpu = udpFrame(ipv4(10, 0, 0, 1), ipv4(10, 0, 0, 9), 1234, 53);
    const QByteArray dropped = udpFrame(ipv4(10, 0, 0, 1), ipv4(10, 0, 0, 77), 1234, 53);
    for (const QByteArray &frame : {dropped, toCpu}) {
        P4Packet packet;
        packet.payload = frame;
        packet.metadata.insert(QStringLiteral("egress_port"), be(3, 2));
        QVERIFY(target->sendPacketOut(packet));
    }
    QTRY_COMPARE(m_server->packetInCount(), quint64(1));
    QMutexLocker locker(&mutex);
    QTRY_COMPARE(received.size(), qsizetype(1));
    QCOMPARE(received.at(0).payload, toCpu);
    QCOMPARE(received.at(0).metadata.value(QStringLiteral("ingress_port")), be(3, 2));
}

void tst_P4RuntimeClient::serverKilledThenReconnect()
{
    auto target = connectedTarget();
    QVERIFY(target);
    const int port = m_server->port();
    QVERIFY(target->write({insert(forward(ipv4(10, 0, 0, 1), 1))}, true));
    QVERIFY(target->isConnected());

    m_server->stop();
    QTRY_VERIFY(!target->isConnected());
    auto written = target->write({insert(forward(ipv4(10, 0, 0, 2), 2))}, true);
    QVERIFY(!written);
    QVERIFY2(written.error().contains(QLatin1String("switch s1 (127.0.0.1:")) && written.error().contains(QLatin1String("unreachable")),
             qPrintable(written.error()));
    QVERIFY(!target->client().lastStreamError().isEmpty());

    // The switch comes back (empty, as after a reboot): the stream re-arbitrates on its own.
    auto restarted = m_server->start(port);
    QVERIFY2(restarted, qPrintable(restarted.error()));
    QTRY_VERIFY_WITH_TIMEOUT(target->isConnected(), 10000);
    QVERIFY(target->setPipeline(P4Program::reference(), {}));
    written = target->write({insert(forward(ipv4(10, 0, 0, 2), 2))}, true);
    QVERIFY2(written, qPrintable(written.error()));
    QCOMPARE(m_server->entryCount(), qsizetype(1));
}

QTEST_GUILESS_MAIN(tst_P4RuntimeClient)
#include "tst_p4runtimeclient.moc"
