#include "network/NetworkModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Continuo;
using namespace Qt::StringLiterals;

namespace {

Connection sampleConnection()
{
    Connection connection;
    connection.id = u"c250"_s;
    connection.name = u"camera to analytics"_s;
    connection.a = {u"edge/camera-0"_s, u"10.244.1.5"_s, u"192.168.10.11"_s, u"S1"_s, 3, 0};
    connection.b = {u"host-b"_s, u"10.0.0.2"_s, {}, u"S2"_s, 4, 8080};
    connection.ipProtocol = 6;
    connection.bidirectional = true;
    connection.flowId = 250;
    connection.telemetry = true;
    connection.priority = 200;
    connection.pinnedPath = {u"S1"_s, u"S3"_s, u"S4"_s, u"S2"_s};
    connection.path = connection.pinnedPath;
    connection.backupPath = {u"S1"_s, u"S5"_s, u"S2"_s};
    connection.avoidedSwitches = {u"S3"_s};
    connection.updatedMs = 1'700'000'000'123;
    return connection;
}

SlaRule sampleRule()
{
    SlaRule rule;
    rule.id = u"r1"_s;
    rule.connectionId = u"c250"_s;
    rule.metric = SlaMetric::MaxLatency;
    rule.thresholdMs = 2.5;
    rule.persistenceMs = 300;
    rule.windowMs = 500;
    rule.reroute = false;
    rule.enabled = true;
    return rule;
}

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_NetworkModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricNames()
    {
        QCOMPARE(toString(SlaMetric::AvgLatency), u"avg"_s);
        QCOMPARE(toString(SlaMetric::MaxLatency), u"max"_s);
        QCOMPARE(toString(SlaMetric::Unknown), u"unknown"_s);
    }

    void connectionRoundTrip()
    {
        const Connection connection = sampleConnection();
        const QJsonObject json = toJson(connection);
        QCOMPARE(json.value("flowId"_L1).toInteger(), 250);
        QCOMPARE(json.value("a"_L1).toObject().value("vtep"_L1).toString(), u"192.168.10.11"_s);
        QCOMPARE(json.value("pinnedPath"_L1).toArray().size(), 4);
        // Through text, as the store keeps it.
        const auto back = connectionFromJson(parse(QJsonDocument(json).toJson()));
        QVERIFY2(back.hasValue(), qPrintable(back.error()));
        QCOMPARE(*back, connection);
    }

    void endpointKeysAreMemberNames()
    {
        const QJsonObject json = toJson(sampleConnection().b);
        QCOMPARE(json.keys(), (QStringList{u"ip"_s, u"l4Port"_s, u"name"_s, u"switchId"_s,
                                           u"switchPort"_s, u"vtep"_s}));
    }

    void largeFlowIdRoundTrip()
    {
        Connection connection = sampleConnection();
        connection.flowId = 4'294'967'295u;
        const auto back = connectionFromJson(toJson(connection));
        QVERIFY2(back.hasValue(), qPrintable(back.error()));
        QCOMPARE(back->flowId, 4'294'967'295u);
    }

    void absentKeysKeepDefaults()
    {
        const auto back = connectionFromJson(parse(
            R"({"id":"c1","a":{"ip":"10.0.0.1","switchId":"S1"},"b":{"ip":"10.0.0.2","switchId":"S2"}})"));
        QVERIFY2(back.hasValue(), qPrintable(back.error()));
        QCOMPARE(back->priority, 100);
        QVERIFY(back->bidirectional);
        QCOMPARE(back->a.ip, u"10.0.0.1"_s);
    }

    void slaRuleRoundTrip()
    {
        const SlaRule rule = sampleRule();
        const QJsonObject json = toJson(rule);
        QCOMPARE(json.value("metric"_L1).toString(), u"max"_s);
        QCOMPARE(json.keys(),
                 (QStringList{u"connectionId"_s, u"enabled"_s, u"id"_s, u"metric"_s,
                              u"persistenceMs"_s, u"reroute"_s, u"thresholdMs"_s, u"windowMs"_s}));
        const auto back = slaRuleFromJson(parse(QJsonDocument(json).toJson()));
        QVERIFY2(back.hasValue(), qPrintable(back.error()));
        QCOMPARE(*back, rule);
    }

    void connectionJsonErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QByteArray ends = R"("a":{"ip":"10.0.0.1"},"b":{"ip":"10.0.0.2"})";
        QTest::newRow("missing id") << QByteArray("{" + ends + "}") << u"connection.id: missing"_s;
        QTest::newRow("missing b")
            << QByteArray(R"({"id":"c","a":{}})") << u"connection.b: missing"_s;
        QTest::newRow("id not string") << QByteArray(R"({"id":7,)" + ends + "}")
                                       << u"connection.id: expected a string, got 7"_s;
        QTest::newRow("flowId text") << QByteArray(R"({"id":"c",)" + ends + R"(,"flowId":"250"})")
                                     << u"connection.flowId: expected an integer, got \"250\""_s;
        QTest::newRow("flowId negative")
            << QByteArray(R"({"id":"c",)" + ends + R"(,"flowId":-1})")
            << u"connection.flowId: -1 is out of range 0..4294967295"_s;
        QTest::newRow("priority fraction")
            << QByteArray(R"({"id":"c",)" + ends + R"(,"priority":1.5})")
            << u"connection.priority: expected an integer, got 1.5"_s;
        QTest::newRow("endpoint port")
            << QByteArray(R"({"id":"c","a":{"switchPort":"3"},"b":{}})")
            << u"connection.a.switchPort: expected an integer, got \"3\""_s;
        QTest::newRow("endpoint not object") << QByteArray(R"({"id":"c","a":[],"b":{}})")
                                             << u"connection.a: expected an object, got an array"_s;
        QTest::newRow("path element") << QByteArray(R"({"id":"c",)" + ends + R"(,"path":["S1",2]})")
                                      << u"connection.path: element 1: expected a string, got 2"_s;
        QTest::newRow("bidirectional text")
            << QByteArray(R"({"id":"c",)" + ends + R"(,"bidirectional":"yes"})")
            << u"connection.bidirectional: expected true or false, got \"yes\""_s;
    }

    void connectionJsonErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const QJsonObject object = parse(json);
        QVERIFY(!object.isEmpty());
        const auto result = connectionFromJson(object);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error(), error);
    }

    void slaRuleJsonErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing connection")
            << QByteArray(R"({"id":"r"})") << u"slaRule.connectionId: missing"_s;
        QTest::newRow("unknown metric")
            << QByteArray(R"({"id":"r","connectionId":"c","metric":"p99"})")
            << u"slaRule.metric: unknown metric \"p99\" (expected \"avg\" or \"max\")"_s;
        QTest::newRow("threshold text")
            << QByteArray(R"({"id":"r","connectionId":"c","thresholdMs":"5"})")
            << u"slaRule.thresholdMs: expected a number, got \"5\""_s;
        QTest::newRow("persistence fraction")
            << QByteArray(R"({"id":"r","connectionId":"c","persistenceMs":0.5})")
            << u"slaRule.persistenceMs: expected an integer, got 0.5"_s;
    }

    void slaRuleJsonErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const auto result = slaRuleFromJson(parse(json));
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error(), error);
    }

    void validateConnection_data()
    {
        QTest::addColumn<std::function<void(Connection &)>>("change");
        QTest::addColumn<QString>("error"); // empty: valid

        using Change = std::function<void(Connection &)>;
        QTest::newRow("valid") << Change([](Connection &) {}) << QString();
        QTest::newRow("pod without switch") << Change([](Connection &c) {
            c.a.switchId.clear();
            c.pinnedPath.clear();
        }) << QString();
        QTest::newRow("no id") << Change([](Connection &c) { c.id = u" "_s; })
                               << u"connection has no id"_s;
        QTest::newRow("bad ip") << Change([](Connection &c) { c.b.ip = u"10.0.0"_s; })
                                << u"connection c250: endpoint b (host-b): ip '10.0.0' is not an "
                                   "IPv4 address (a.b.c.d)"_s;
        QTest::newRow("octet") << Change([](Connection &c) { c.b.ip = u"10.0.0.256"_s; })
                               << u"connection c250: endpoint b (host-b): ip '10.0.0.256' is not "
                                  "an IPv4 address (a.b.c.d)"_s;
        QTest::newRow("missing ip") << Change([](Connection &c) {
            c.a.ip.clear();
            c.a.name.clear();
        }) << u"connection c250: endpoint a: ip is missing"_s;
        QTest::newRow("bad vtep") << Change([](Connection &c) { c.a.vtep = u"node-1"_s; })
                                  << u"connection c250: endpoint a (edge/camera-0): vtep 'node-1' "
                                     "is not an IPv4 address (a.b.c.d)"_s;
        QTest::newRow("host without switch")
            << Change([](Connection &c) { c.b.switchId.clear(); })
            << u"connection c250: endpoint b (host-b): switchId is missing (a host needs the "
               "switch it hangs off; only a pod endpoint with a vtep may leave it to its node's "
               "link)"_s;
        QTest::newRow("switch port") << Change([](Connection &c) { c.b.switchPort = 512; })
                                     << u"connection c250: endpoint b (host-b): switchPort 512 is "
                                        "out of range 0..511"_s;
        QTest::newRow("l4 port") << Change([](Connection &c) { c.b.l4Port = 70000; })
                                 << u"connection c250: endpoint b (host-b): l4Port 70000 is out of "
                                    "range 0..65535 (0: any)"_s;
        QTest::newRow("same ip") << Change([](Connection &c) { c.b.ip = c.a.ip; })
                                 << u"connection c250: both endpoints have ip 10.244.1.5"_s;
        QTest::newRow("protocol") << Change([](Connection &c) { c.ipProtocol = 1; })
                                  << u"connection c250: ipProtocol 1 is not supported (6 TCP, 17 "
                                     "UDP, 0 any)"_s;
        QTest::newRow("ports without protocol")
            << Change([](Connection &c) { c.ipProtocol = 0; })
            << u"connection c250: L4 ports need ipProtocol 6 (TCP) or 17 (UDP); 0 matches any "
               "protocol, whose packets may have no ports"_s;
        QTest::newRow("priority") << Change([](Connection &c) { c.priority = 0; })
                                  << u"connection c250: priority 0 must be positive (table0 is "
                                     "ternary: higher wins)"_s;
        QTest::newRow("pinned loop") << Change([](Connection &c) {
            c.pinnedPath = {u"S1"_s, u"S3"_s, u"S1"_s, u"S2"_s};
        }) << u"connection c250: pinnedPath visits S1 twice"_s;
        QTest::newRow("pinned start") << Change([](Connection &c) {
            c.pinnedPath = {u"S5"_s, u"S2"_s};
        }) << u"connection c250: pinnedPath starts at S5 but endpoint a hangs off S1"_s;
        QTest::newRow("pinned end") << Change([](Connection &c) {
            c.pinnedPath = {u"S1"_s, u"S5"_s};
        }) << u"connection c250: pinnedPath ends at S5 but endpoint b hangs off S2"_s;
    }

    void validateConnection()
    {
        QFETCH(std::function<void(Connection &)>, change);
        QFETCH(QString, error);
        Connection connection = sampleConnection();
        change(connection);
        const auto result = Continuo::validateConnection(connection);
        QCOMPARE(result.error(), error);
        QCOMPARE(result.hasValue(), error.isEmpty());
    }

    void validateSlaRule_data()
    {
        QTest::addColumn<std::function<void(SlaRule &)>>("change");
        QTest::addColumn<QString>("error");
        using Change = std::function<void(SlaRule &)>;
        QTest::newRow("valid") << Change([](SlaRule &) {}) << QString();
        QTest::newRow("no id") << Change([](SlaRule &r) { r.id.clear(); })
                               << u"SLA rule has no id"_s;
        QTest::newRow("no connection") << Change([](SlaRule &r) { r.connectionId.clear(); })
                                       << u"SLA rule r1: connectionId is missing"_s;
        QTest::newRow("metric") << Change([](SlaRule &r) { r.metric = SlaMetric::Unknown; })
                                << u"SLA rule r1: metric is unknown (expected avg or max)"_s;
        QTest::newRow("threshold") << Change([](SlaRule &r) { r.thresholdMs = 0; })
                                   << u"SLA rule r1: thresholdMs 0 must be a positive number of "
                                      "milliseconds"_s;
        QTest::newRow("persistence") << Change([](SlaRule &r) { r.persistenceMs = -1; })
                                     << u"SLA rule r1: persistenceMs -1 must be 0 (fire on the "
                                        "first violating postcard) or more"_s;
        QTest::newRow("window for avg") << Change([](SlaRule &r) {
            r.metric = SlaMetric::AvgLatency;
            r.windowMs = 0;
        }) << u"SLA rule r1: windowMs 0 must be within 1..3600000 for the avg metric"_s;
        QTest::newRow("window unused by max")
            << Change([](SlaRule &r) { r.windowMs = 0; }) << QString();
    }

    void validateSlaRule()
    {
        QFETCH(std::function<void(SlaRule &)>, change);
        QFETCH(QString, error);
        SlaRule rule = sampleRule();
        change(rule);
        const auto result = Continuo::validateSlaRule(rule);
        QCOMPARE(result.error(), error);
        QCOMPARE(result.hasValue(), error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_NetworkModel)
#include "tst_networkmodel.moc"
