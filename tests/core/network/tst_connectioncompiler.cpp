#include "network/ConnectionCompiler.h"

#include <QTest>

using namespace Continuo;
using namespace Qt::StringLiterals;

namespace {

Switch makeSwitch(const QString &id)
{
    Switch sw;
    sw.id = id;
    sw.state = SwitchState::Up;
    return sw;
}

Link makeLink(const QString &id, const QString &a, int portA, const QString &b, int portB,
              double latencyMs)
{
    Link link;
    link.id = id;
    link.a = {a, portA};
    link.b = {b, portB};
    link.latencyMs = latencyMs;
    link.state = LinkState::Up;
    return link;
}

/// The paper's fabric (see tst_pathcomputer) with pod node-a on S1 port 10.
FabricGraph paperFabric()
{
    InventorySnapshot snapshot;
    for (const char *id : {"S1", "S2", "S3", "S4", "S5"})
        snapshot.switches.append(makeSwitch(QString::fromLatin1(id)));
    snapshot.links = {makeLink(u"L13"_s, u"S1"_s, 1, u"S3"_s, 1, 1.0),
                      makeLink(u"L34"_s, u"S3"_s, 2, u"S4"_s, 1, 1.0),
                      makeLink(u"L42"_s, u"S4"_s, 2, u"S2"_s, 1, 1.0),
                      makeLink(u"L15"_s, u"S1"_s, 2, u"S5"_s, 1, 2.0),
                      makeLink(u"L52"_s, u"S5"_s, 2, u"S2"_s, 2, 2.0),
                      makeLink(u"La"_s, u"node-a"_s, 0, u"S1"_s, 10, 0.1)};
    Node node;
    node.id = u"node-a"_s;
    node.labels.insert(QString::fromLatin1(FabricGraph::VtepLabel), u"192.168.10.11"_s);
    snapshot.nodes = {node};
    return FabricGraph(snapshot);
}

Connection flow250()
{
    Connection connection;
    connection.id = u"c250"_s;
    connection.a = {u"h1"_s, u"10.0.1.1"_s, {}, u"S1"_s, 10, 0};
    connection.b = {u"h2"_s, u"10.0.2.2"_s, {}, u"S2"_s, 20, 5001};
    connection.ipProtocol = 17;
    connection.flowId = 250;
    connection.telemetry = true;
    connection.priority = 300;
    return connection;
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (int v : values)
        out.append(char(v));
    return out;
}

const P4FieldMatch *findMatch(const P4TableEntry &entry, const QString &shortName)
{
    for (const P4FieldMatch &match : entry.matches) {
        if (match.field.endsWith(u'.' + shortName))
            return &match;
    }
    return nullptr;
}

/// Egress port of the table0 entry of `direction` ("a->b"/"b->a") on a switch.
int egressPort(const QList<P4TableEntry> &entries, const QString &direction)
{
    for (const P4TableEntry &entry : entries) {
        if (entry.table == u"table0"_s && entry.note.contains(direction)) {
            const QByteArray port = entry.params.value(0).value;
            return (quint8(port.at(0)) << 8) | quint8(port.at(1));
        }
    }
    return -1;
}

} // namespace

class tst_ConnectionCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!P4Program::reference().isNull(), "the reference pipeline does not load");
    }

    void paperPathBothDirectionsWithTelemetry()
    {
        const P4Program &program = P4Program::reference();
        const FabricGraph graph = paperFabric();
        const auto path = graph.pathThrough({u"S1"_s, u"S3"_s, u"S4"_s, u"S2"_s});
        QVERIFY(path.hasValue());
        const auto compiled = ConnectionCompiler::compile(flow250(), *path, program);
        QVERIFY2(compiled.hasValue(), qPrintable(compiled.error()));
        QCOMPARE(compiled->size(), 4);
        for (const QString &sw : path->switches) {
            const QList<P4TableEntry> &entries = compiled->value(sw);
            QCOMPARE(entries.size(), 4); // table0 + postcard, each direction
            const QList<P4ValidationError> problems = P4Validation::validateSet(program, entries);
            QVERIFY2(problems.isEmpty(),
                     qPrintable(problems.value(0).field + u": "_s + problems.value(0).message));
        }
        // a->b: toward S3 on S1 (port 1), S4 on S3 (2), S2 on S4 (2), host h2 on S2 (20).
        QCOMPARE(egressPort(compiled->value(u"S1"_s), u"a->b"_s), 1);
        QCOMPARE(egressPort(compiled->value(u"S3"_s), u"a->b"_s), 2);
        QCOMPARE(egressPort(compiled->value(u"S4"_s), u"a->b"_s), 2);
        QCOMPARE(egressPort(compiled->value(u"S2"_s), u"a->b"_s), 20);
        // b->a: S2 toward S4 (1), S4 toward S3 (1), S3 toward S1 (1), S1 to host h1 (10).
        QCOMPARE(egressPort(compiled->value(u"S2"_s), u"b->a"_s), 1);
        QCOMPARE(egressPort(compiled->value(u"S4"_s), u"b->a"_s), 1);
        QCOMPARE(egressPort(compiled->value(u"S3"_s), u"b->a"_s), 1);
        QCOMPARE(egressPort(compiled->value(u"S1"_s), u"b->a"_s), 10);

        const QList<P4TableEntry> s3 = compiled->value(u"S3"_s);
        const P4TableEntry &forward = s3.at(0);
        QCOMPARE(forward.table, u"table0"_s);
        QCOMPARE(forward.action, u"set_egress_port"_s);
        QCOMPARE(forward.priority, 300);
        QVERIFY(!forward.isDefaultAction);
        QCOMPARE(forward.note, u"connection c250 a->b hop 2/4"_s);
        QCOMPARE(forward.matches.size(), 4); // l3_src, l3_dst, ip_proto, l4_dst (l4_src is any)
        QCOMPARE(findMatch(forward, u"l3_src"_s)->value, bytes({10, 0, 1, 1}));
        QCOMPARE(findMatch(forward, u"l3_src"_s)->mask, bytes({255, 255, 255, 255}));
        QVERIFY(findMatch(forward, u"l3_src"_s)->kind == P4MatchKind::Ternary);
        QCOMPARE(findMatch(forward, u"l3_dst"_s)->value, bytes({10, 0, 2, 2}));
        QCOMPARE(findMatch(forward, u"ip_proto"_s)->value, bytes({17}));
        QCOMPARE(findMatch(forward, u"ip_proto"_s)->mask, bytes({0xff}));
        QCOMPARE(findMatch(forward, u"l4_dst"_s)->value, bytes({0x13, 0x89}));
        QCOMPARE(findMatch(forward, u"l4_src"_s), nullptr);
        QCOMPARE(forward.params.size(), 1);
        QCOMPARE(forward.params.first().name, u"port"_s);
        QCOMPARE(forward.params.first().value, bytes({0, 2}));

        const P4TableEntry &postcard = s3.at(1);
        QCOMPARE(postcard.table, u"postcard_telemetry"_s);
        QCOMPARE(postcard.action, u"activate_postcard"_s);
        QCOMPARE(postcard.params.first().name, u"flow_id"_s);
        QCOMPARE(postcard.params.first().value, bytes({0, 0, 0, 250}));
        QCOMPARE(postcard.note, forward.note);
        QCOMPARE(postcard.matches, forward.matches);

        // Reverse direction swaps addresses and L4 ports.
        const P4TableEntry &reverse = s3.at(2);
        QCOMPARE(reverse.note, u"connection c250 b->a hop 3/4"_s);
        QCOMPARE(findMatch(reverse, u"l3_src"_s)->value, bytes({10, 0, 2, 2}));
        QCOMPARE(findMatch(reverse, u"l3_dst"_s)->value, bytes({10, 0, 1, 1}));
        QCOMPARE(findMatch(reverse, u"l4_src"_s)->value, bytes({0x13, 0x89}));
        QCOMPARE(findMatch(reverse, u"l4_dst"_s), nullptr);
        QCOMPARE(s3.at(3).table, u"postcard_telemetry"_s);

        // Every entry of every switch passes validation on its own as well.
        for (auto it = compiled->cbegin(); it != compiled->cend(); ++it) {
            for (const P4TableEntry &entry : it.value())
                QVERIFY(P4Validation::validate(program, entry).isEmpty());
        }
    }

    void rerouteEntries()
    {
        // After S3 degrades: S1-S5-S2.
        const FabricGraph graph = paperFabric();
        const auto path = graph.shortestPath(u"S1"_s, u"S2"_s, {u"S3"_s});
        QVERIFY(path.hasValue());
        const auto compiled = ConnectionCompiler::compile(flow250(), *path, P4Program::reference());
        QVERIFY2(compiled.hasValue(), qPrintable(compiled.error()));
        QCOMPARE(compiled->keys().size(), 3);
        QVERIFY(!compiled->contains(u"S3"_s));
        QCOMPARE(egressPort(compiled->value(u"S1"_s), u"a->b"_s), 2);
        QCOMPARE(egressPort(compiled->value(u"S5"_s), u"a->b"_s), 2);
        QCOMPARE(egressPort(compiled->value(u"S5"_s), u"b->a"_s), 1);
        QCOMPARE(egressPort(compiled->value(u"S2"_s), u"b->a"_s), 2);
    }

    void oneWayWithoutTelemetryAnyProtocol()
    {
        Connection connection = flow250();
        connection.bidirectional = false;
        connection.telemetry = false;
        connection.ipProtocol = 0;
        connection.b.l4Port = 0;
        const auto path = paperFabric().shortestPath(u"S1"_s, u"S2"_s);
        const auto compiled =
            ConnectionCompiler::compile(connection, *path, P4Program::reference());
        QVERIFY2(compiled.hasValue(), qPrintable(compiled.error()));
        for (const QString &sw : path->switches) {
            QCOMPARE(compiled->value(sw).size(), 1);
            const P4TableEntry &entry = compiled->value(sw).first();
            QCOMPARE(entry.matches.size(), 2); // only the addresses; the rest is wildcard
            QVERIFY(entry.note.contains(u"a->b"_s));
        }
    }

    void sameSwitch()
    {
        Connection connection = flow250();
        connection.b.switchId = u"S1"_s;
        connection.b.switchPort = 11;
        const auto path = paperFabric().shortestPath(u"S1"_s, u"S1"_s);
        const auto compiled =
            ConnectionCompiler::compile(connection, *path, P4Program::reference());
        QVERIFY2(compiled.hasValue(), qPrintable(compiled.error()));
        QCOMPARE(egressPort(compiled->value(u"S1"_s), u"a->b"_s), 11);
        QCOMPARE(egressPort(compiled->value(u"S1"_s), u"b->a"_s), 10);
        QCOMPARE(compiled->value(u"S1"_s).first().note, u"connection c250 a->b hop 1/1"_s);
    }

    void podEndpointViaVtep()
    {
        const FabricGraph graph = paperFabric();
        Connection connection = flow250();
        // Pod on node-a: the pod IP is the key (inner header), the VTEP places it on S1:10.
        connection.a = {u"edge/camera-0"_s, u"10.244.1.5"_s, u"192.168.10.11"_s, {}, 0, 0};
        QVERIFY(!ConnectionCompiler::compile(connection, *graph.shortestPath(u"S1"_s, u"S2"_s),
                                             P4Program::reference())
                     .hasValue());
        const auto resolved = graph.resolveEndpoints(connection);
        QVERIFY2(resolved.hasValue(), qPrintable(resolved.error()));
        const auto path = graph.shortestPath(resolved->a.switchId, resolved->b.switchId);
        const auto compiled = ConnectionCompiler::compile(*resolved, *path, P4Program::reference());
        QVERIFY2(compiled.hasValue(), qPrintable(compiled.error()));
        const P4TableEntry &first = compiled->value(u"S1"_s).first();
        QCOMPARE(findMatch(first, u"l3_src"_s)->value, bytes({10, 244, 1, 5}));
        QCOMPARE(egressPort(compiled->value(u"S1"_s), u"b->a"_s), 10);
    }

    void errors_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("error");
        QTest::newRow("no switch") << 0
                                   << u"connection c250: endpoint h1 has no switch; place it with "
                                      "FabricGraph::resolveEndpoints() first"_s;
        QTest::newRow("path start") << 1
                                    << u"connection c250: path S1-S3-S4-S2 starts at S1 but "
                                       "endpoint a hangs off S5"_s;
        QTest::newRow("path end") << 2
                                  << u"connection c250: path S1-S3-S4-S2 ends at S2 but endpoint b "
                                     "hangs off S4"_s;
        QTest::newRow("flow id") << 3
                                 << u"connection c250: telemetry needs a flow id; 0 is not "
                                    "assigned"_s;
        QTest::newRow("port range") << 4
                                    << u"connection c250: endpoint b (h2): switchPort 600 is out "
                                       "of range 0..511"_s;
        QTest::newRow("bad ip") << 5
                                << u"connection c250: endpoint b (h2): ip '10.0.2' is not an "
                                   "IPv4 address (a.b.c.d)"_s;
        QTest::newRow("empty path") << 6 << u"connection c250: the path is empty"_s;
    }

    void errors()
    {
        QFETCH(int, mutation);
        QFETCH(QString, error);
        Connection connection = flow250();
        auto path = paperFabric().pathThrough({u"S1"_s, u"S3"_s, u"S4"_s, u"S2"_s});
        QVERIFY(path.hasValue());
        FabricPath p = *path;
        switch (mutation) {
        case 0:
            connection.a.switchId.clear();
            break;
        case 1:
            connection.a.switchId = u"S5"_s;
            break;
        case 2:
            connection.b.switchId = u"S4"_s;
            break;
        case 3:
            connection.flowId = 0;
            break;
        case 4:
            connection.b.switchPort = 600;
            break;
        case 5:
            connection.b.ip = u"10.0.2"_s;
            break;
        case 6:
            p = {};
            break;
        }
        const auto compiled = ConnectionCompiler::compile(connection, p, P4Program::reference());
        QVERIFY(!compiled.hasValue());
        QCOMPARE(compiled.error(), error);
    }

    void notTheReferenceProgram()
    {
        const auto path = paperFabric().shortestPath(u"S1"_s, u"S2"_s);
        const auto compiled = ConnectionCompiler::compile(flow250(), *path, P4Program());
        QVERIFY(!compiled.hasValue());
        QVERIFY2(compiled.error().contains(u"has no table table0"_s), qPrintable(compiled.error()));
    }

    void baseEntries()
    {
        const P4Program &program = P4Program::reference();
        const IntReportTarget target{u"02:00:00:00:00:03"_s, u"10.10.0.3"_s, u"02:00:00:00:00:fe"_s,
                                     u"127.0.0.1"_s, 32766};
        const auto entries = ConnectionCompiler::baseEntries(program, 3, target);
        QVERIFY2(entries.hasValue(), qPrintable(entries.error()));
        QCOMPARE(entries->size(), 2);
        const QList<P4ValidationError> problems = P4Validation::validateSet(program, *entries);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(problems.value(0).field + u": "_s + problems.value(0).message));
        const P4TableEntry &insert = entries->at(0);
        QCOMPARE(insert.table, u"int_insert"_s);
        QVERIFY(insert.isDefaultAction);
        QVERIFY(insert.matches.isEmpty());
        QCOMPARE(insert.action, u"init_metadata"_s);
        QCOMPARE(insert.params.size(), 1);
        QCOMPARE(insert.params.first().name, u"switch_id"_s);
        QCOMPARE(insert.params.first().value, bytes({0, 0, 0, 3}));

        const P4TableEntry &report = entries->at(1);
        QCOMPARE(report.table, u"generate_report"_s);
        QVERIFY(report.isDefaultAction);
        QCOMPARE(report.action, u"do_report_encapsulation"_s);
        QCOMPARE(report.params.size(), 5);
        QCOMPARE(report.params.at(0).value, bytes({2, 0, 0, 0, 0, 3}));
        QCOMPARE(report.params.at(1).value, bytes({2, 0, 0, 0, 0, 0xfe}));
        QCOMPARE(report.params.at(2).value, bytes({10, 10, 0, 3}));
        QCOMPARE(report.params.at(3).value, bytes({127, 0, 0, 1}));
        QCOMPARE(report.params.at(4).value, bytes({0x7f, 0xfe}));
        QCOMPARE(report.note, u"INT reports to 127.0.0.1:32766"_s);
    }

    void baseEntriesErrors()
    {
        const P4Program &program = P4Program::reference();
        IntReportTarget target{u"02:00:00:00:00:03"_s, u"10.10.0.3"_s, u"02:00:00:00:00:fe"_s,
                               u"127.0.0.1"_s, 32766};
        target.collectorMac = u"02:00:00:00:fe"_s;
        QCOMPARE(ConnectionCompiler::baseEntries(program, 1, target).error(),
                 u"collector MAC '02:00:00:00:fe' is not a MAC address (aa:bb:cc:dd:ee:ff)"_s);
        target.collectorMac = u"02:00:00:00:00:fe"_s;
        target.collectorIp = u"localhost"_s;
        QCOMPARE(ConnectionCompiler::baseEntries(program, 1, target).error(),
                 u"collector IP 'localhost' is not an IPv4 address"_s);
        target.collectorIp = u"127.0.0.1"_s;
        target.collectorPort = 0;
        QCOMPARE(ConnectionCompiler::baseEntries(program, 1, target).error(),
                 u"collector UDP port 0 is not a port"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionCompiler)
#include "tst_connectioncompiler.moc"
