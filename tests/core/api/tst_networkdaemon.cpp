// P4 network control over gRPC end to end (issue 7): a real `continuo --daemon` on the demo
// scenario, whose simulator drives the five-switch fabric through its network targets, driven by
// `continuoctl` (p4, connection, sla, reroutes, audit) and by GrpcControlPlane, as the console
// does. Every value crosses the wire as the JSON of core/network.

#include "DaemonFixture.h"

#include "control/GrpcControlPlane.h"
#include "network/NetworkModel.h"
#include "network/NetworkTypes.h"
#include "network/P4Entry.h"
#include "plugin/INetworkTarget.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Continuo;
using namespace Continuo::Testing;

namespace {

const QString Bologna = QStringLiteral("sw-hpc-bol");
/// Entries the test owns; everything else on the switch belongs to the demo's connections.
const QByteArray TestPrefix = "10.9.0.";

} // namespace

class tst_NetworkDaemon : public QObject
{
    Q_OBJECT

private:
    CtlRun ctl(const QStringList &arguments) { return runContinuoctl(m_daemon.address(), arguments); }

    QJsonObject json(const QStringList &arguments)
    {
        const CtlRun run = ctl(QStringList{QStringLiteral("--json")} + arguments);
        if (run.exitCode != 0) {
            qWarning().noquote() << arguments << "failed:" << run.out << run.err;
            return {};
        }
        return QJsonDocument::fromJson(run.out).object();
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    /// Entries of table0 of a switch as `p4 entries --json` lists them.
    QJsonArray entriesOf(const QString &switchId)
    {
        return json({QStringLiteral("p4"), QStringLiteral("entries"), switchId, QStringLiteral("--table"),
                     QStringLiteral("table0")})
            .value(QStringLiteral("entries"))
            .toArray();
    }

    /// The test's own entries (10.9.0.x) in their text form, sorted.
    QStringList testEntries(const QJsonArray &entries, bool installedOnly)
    {
        QStringList texts;
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            const QString text = entry.value(QStringLiteral("text")).toString();
            if (!text.toUtf8().contains(TestPrefix))
                continue;
            if (installedOnly
                && !(entry.value(QStringLiteral("desired")).toBool() && entry.value(QStringLiteral("installed")).toBool()))
                continue;
            texts.append(text);
        }
        texts.sort();
        return texts;
    }

    QJsonObject connectionOf(const QString &id)
    {
        const QJsonArray connections = json({QStringLiteral("connections")}).value(QStringLiteral("connections")).toArray();
        for (const QJsonValue &value : connections) {
            if (value.toObject().value(QStringLiteral("id")).toString() == id)
                return value.toObject();
        }
        return {};
    }

    static QStringList strings(const QJsonValue &value)
    {
        QStringList list;
        for (const QJsonValue &item : value.toArray())
            list.append(item.toString());
        return list;
    }

    /// Wait for a GrpcControlPlane answer (callbacks run on this thread's event loop).
    template<typename T, typename Call>
    std::optional<Result<T>> await(Call call)
    {
        std::optional<Result<T>> answer;
        call([&answer](const Result<T> &result) { answer = result; });
        QDeadlineTimer deadline(30000);
        while (!answer && !deadline.hasExpired())
            QTest::qWait(10);
        return answer;
    }

    QTemporaryDir m_dir;
    DaemonProcess m_daemon;
    QStringList m_connectionPath; ///< tst-conn's path when created.

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = m_daemon.start(m_dir.filePath(QStringLiteral("data")));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void switchesOfTheDemoFabric()
    {
        const QSet<QString> expected{QStringLiteral("sw-edge-ath"), QStringLiteral("sw-cloud-fra"), Bologna,
                                     QStringLiteral("sw-core-1"), QStringLiteral("sw-core-2")};
        QSet<QString> connected;
        QJsonArray switches;
        auto poll = [&] {
            connected.clear();
            switches = json({QStringLiteral("p4"), QStringLiteral("switches")}).value(QStringLiteral("switches")).toArray();
            for (const QJsonValue &value : std::as_const(switches)) {
                const QJsonObject s = value.toObject();
                if (s.value(QStringLiteral("connected")).toBool())
                    connected.insert(s.value(QStringLiteral("switchId")).toString());
            }
            return connected;
        };
        QTRY_COMPARE_WITH_TIMEOUT(poll(), expected, 30000);
        for (const QJsonValue &value : std::as_const(switches)) {
            const QJsonObject s = value.toObject();
            QCOMPARE(s.value(QStringLiteral("pluginId")).toString(), QStringLiteral("simulator"));
            QCOMPARE(s.value(QStringLiteral("pipeline")).toString(), QStringLiteral("braine_int"));
        }
        // The table form has one row per switch.
        const CtlRun run = ctl({QStringLiteral("p4"), QStringLiteral("switches")});
        QCOMPARE(run.exitCode, 0);
        for (const QString &id : expected)
            QVERIFY2(run.out.contains(id.toUtf8()), run.out.constData());
        // -o json is --json.
        const CtlRun asJson = ctl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("p4"), QStringLiteral("switches")});
        QCOMPARE(asJson.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(asJson.out).object().value(QStringLiteral("switches")).toArray().size(), 5);
    }

    void applyEntriesFromFile()
    {
        // Keep whatever the demo's connections have on the table: the file is the whole table.
        QByteArray file = "# written by tst_networkdaemon\n\n";
        for (const QJsonValue &value : entriesOf(Bologna))
            file += value.toObject().value(QStringLiteral("text")).toString().toUtf8() + '\n';
        file += "table0 l3_dst=10.9.0.1&&&255.255.255.255 l4_dst=80&&&0xffff priority=10 "
                "action=set_egress_port(port=2)\n"
                "# the second one drops\n"
                "table0 l3_dst=10.9.0.2&&&255.255.255.255 priority=5 action=drop\n";
        const QString path = writeFile(QStringLiteral("bologna.p4"), file);
        QVERIFY(!path.isEmpty());
        const QStringList apply{QStringLiteral("p4"), QStringLiteral("apply"), Bologna, QStringLiteral("--table"),
                                QStringLiteral("table0")};

        // Dry run: the diff, nothing written.
        CtlRun run = ctl(apply + QStringList{QStringLiteral("--dry-run"), path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("dry run"), run.out.constData());
        const QList<QByteArray> lines = run.out.split('\n');
        int inserted = 0;
        for (const QByteArray &line : lines) {
            if (line.startsWith("+ ") && line.contains(TestPrefix))
                ++inserted;
            QVERIFY2(!line.startsWith("- "), run.out.constData()); // the kept entries round-tripped
        }
        QCOMPARE(inserted, 2);
        QVERIFY(testEntries(entriesOf(Bologna), false).isEmpty());

        // The same as JSON.
        run = ctl(QStringList{QStringLiteral("--json")} + apply + QStringList{QStringLiteral("--dry-run"), path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject diff = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(diff.value(QStringLiteral("inserted")).toArray().size(), 2);
        QCOMPARE(diff.value(QStringLiteral("deleted")).toArray().size(), 0);
        QCOMPARE(diff.value(QStringLiteral("applied")).toBool(), false);

        // Applied, then listed as installed.
        run = ctl(apply + QStringList{path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("written in"), run.out.constData());
        const QStringList installed = testEntries(entriesOf(Bologna), true);
        QCOMPARE(installed.size(), 2);
        QVERIFY2(installed.at(0).contains(QLatin1String("set_egress_port")), qPrintable(installed.join(u'\n')));
        QVERIFY2(installed.at(1).contains(QLatin1String("drop")), qPrintable(installed.join(u'\n')));

        // Applying the same file again changes nothing.
        run = ctl(apply + QStringList{path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("nothing to change"), run.out.constData());

        // The table form says where each entry stands; --counters reads the direct counters.
        run = ctl({QStringLiteral("p4"), QStringLiteral("entries"), Bologna, QStringLiteral("--counters")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("PACKETS") && run.out.contains("installed") && run.out.contains("10.9.0.1"),
                 run.out.constData());
    }

    void badEntriesChangeNothing()
    {
        const QStringList before = testEntries(entriesOf(Bologna), false);
        QCOMPARE(before.size(), 2);
        const QStringList apply{QStringLiteral("p4"), QStringLiteral("apply"), Bologna, QStringLiteral("--table"),
                                QStringLiteral("table0")};

        // A parameter wider than the action allows: the file and line, the parameter, why.
        QString path = writeFile(QStringLiteral("bad-width.p4"),
                                 "table0 l3_dst=10.9.0.1&&&255.255.255.255 priority=10 action=set_egress_port(port=2)\n"
                                 "table0 l3_dst=10.9.0.3&&&255.255.255.255 priority=10 action=set_egress_port(port=4096)\n");
        CtlRun run = ctl(apply + QStringList{path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("bad-width.p4:2") && run.err.contains("parameter port"), run.err.constData());

        // An unknown field.
        path = writeFile(QStringLiteral("bad-field.p4"),
                         "table0 l3_nowhere=10.9.0.4 priority=10 action=drop\n");
        run = ctl(apply + QStringList{path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("bad-field.p4:1") && run.err.contains("l3_nowhere"), run.err.constData());

        // Two entries with the same key: only the set check finds it, on the daemon.
        path = writeFile(QStringLiteral("duplicate.p4"),
                         "table0 l3_dst=10.9.0.5&&&255.255.255.255 priority=10 action=drop\n"
                         "# the same key again\n"
                         "table0 l3_dst=10.9.0.5&&&255.255.255.255 priority=10 action=set_egress_port(port=1)\n");
        run = ctl(apply + QStringList{path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(!run.err.isEmpty(), run.out.constData());

        // Unknown switch and table.
        run = ctl({QStringLiteral("p4"), QStringLiteral("entries"), QStringLiteral("sw-nowhere")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no P4 switch \"sw-nowhere\""), run.err.constData());
        run = ctl({QStringLiteral("p4"), QStringLiteral("entries"), Bologna, QStringLiteral("--table"), QStringLiteral("nope")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no table \"nope\""), run.err.constData());
        run = ctl({QStringLiteral("p4"), QStringLiteral("apply"), Bologna, path});
        QCOMPARE(run.exitCode, 2); // no --table

        // Straight on the wire: malformed JSON and entries are INVALID_ARGUMENT with the parser's
        // message; an unknown switch is NOT_FOUND.
        auto stub = ::continuo::v1::ContinuoService::NewStub(
            grpc::CreateChannel(m_daemon.address().toStdString(), grpc::InsecureChannelCredentials()));
        auto setEntries = [&](const QString &switchId, const std::string &entryJson, ::continuo::v1::SetP4EntriesResponse *out) {
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
            ::continuo::v1::SetP4EntriesRequest request;
            request.set_switch_id(switchId.toStdString());
            request.set_table("table0");
            request.add_entries_json(entryJson);
            request.set_dry_run(true);
            return stub->SetP4Entries(&context, request, out);
        };
        ::continuo::v1::SetP4EntriesResponse response;
        grpc::Status status = setEntries(Bologna, "{\"table\": \"table0\",", &response);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY2(QString::fromStdString(status.error_message()).contains(QLatin1String("entry #0: malformed JSON")),
                 status.error_message().c_str());
        status = setEntries(Bologna, "{\"table\": \"table0\", \"action\": \"no_such_action\"}", &response);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY2(QString::fromStdString(status.error_message()).contains(QLatin1String("entry #0")),
                 status.error_message().c_str());
        status = setEntries(QStringLiteral("sw-nowhere"), "{}", &response);
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);

        // Nothing changed.
        QCOMPARE(testEntries(entriesOf(Bologna), false), before);
        QCOMPARE(testEntries(entriesOf(Bologna), true), before);
    }

    void dryRunAPacket()
    {
        CtlRun run = ctl({QStringLiteral("p4"), QStringLiteral("dry-run"), Bologna,
                          QStringLiteral("in_port=1 ip_src=10.1.0.1 ip_dst=10.9.0.1 proto=6 sport=40000 dport=80")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("verdict: forward to port 2"), run.out.constData());
        QVERIFY2(run.out.contains("hit entry"), run.out.constData());

        run = ctl({QStringLiteral("--json"), QStringLiteral("p4"), QStringLiteral("dry-run"), Bologna,
                   QStringLiteral("in_port=1 ip_dst=10.9.0.2 proto=17 dport=53")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("trace")).toString().contains(
                     QLatin1String("verdict: drop")),
                 run.out.constData());

        // A packet that does not parse names the token.
        run = ctl({QStringLiteral("p4"), QStringLiteral("dry-run"), Bologna, QStringLiteral("in_port=1 bogus=7")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("bogus"), run.err.constData());
    }

    void connectionFromJsonAndItsPath()
    {
        const QByteArray connection = R"({
            "id": "tst-conn",
            "name": "test camera -> Frankfurt",
            "a": {"name": "tst-cam", "ip": "10.1.0.77", "switchId": "sw-edge-ath", "switchPort": 23},
            "b": {"name": "tst-sink", "ip": "10.2.0.77", "switchId": "sw-cloud-fra", "switchPort": 23, "l4Port": 8080},
            "ipProtocol": 6,
            "flowId": 777,
            "telemetry": true
        })";
        const QString path = writeFile(QStringLiteral("connection.json"), connection);

        // Dry run: the path, nothing written.
        CtlRun run = ctl({QStringLiteral("connection"), QStringLiteral("add"), path, QStringLiteral("--dry-run")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("dry run") && run.out.contains("sw-edge-ath"), run.out.constData());
        QVERIFY(connectionOf(QStringLiteral("tst-conn")).isEmpty());

        const QJsonObject created = json({QStringLiteral("connection"), QStringLiteral("add"), path});
        const QStringList hops = strings(created.value(QStringLiteral("path")));
        QVERIFY2(hops.size() >= 3, qPrintable(hops.join(u'-')));
        QCOMPARE(hops.constFirst(), QStringLiteral("sw-edge-ath"));
        QCOMPARE(hops.constLast(), QStringLiteral("sw-cloud-fra"));
        QCOMPARE(created.value(QStringLiteral("flowId")).toInteger(), 777);
        m_connectionPath = hops;

        // Listed with the same path, and its entries are on every switch of it.
        QCOMPARE(strings(connectionOf(QStringLiteral("tst-conn")).value(QStringLiteral("path"))), hops);
        for (const QString &hop : hops) {
            bool found = false;
            for (const QJsonValue &value : entriesOf(hop)) {
                const QJsonObject entry = value.toObject();
                if (entry.value(QStringLiteral("text")).toString().contains(QLatin1String("10.2.0.77"))
                    && entry.value(QStringLiteral("installed")).toBool())
                    found = true;
            }
            QVERIFY2(found, qPrintable(hop));
        }
        run = ctl({QStringLiteral("connections")});
        QVERIFY2(run.out.contains("tst-conn") && run.out.contains(hops.join(u'-').toUtf8()), run.out.constData());

        // Bad input: malformed JSON and a bad address are usage errors naming the problem.
        run = ctl({QStringLiteral("connection"), QStringLiteral("add"),
                   writeFile(QStringLiteral("broken.json"), "{\"id\": \"x\",")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("malformed JSON"), run.err.constData());
        run = ctl({QStringLiteral("connection"), QStringLiteral("add"),
                   writeFile(QStringLiteral("bad-ip.json"),
                             R"({"id": "x", "a": {"ip": "10.1.0.300", "switchId": "sw-edge-ath", "switchPort": 1},
                                 "b": {"ip": "10.2.0.1", "switchId": "sw-cloud-fra", "switchPort": 1}})")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("10.1.0.300"), run.err.constData());
        // The same flow id as another connection is refused by the daemon.
        run = ctl({QStringLiteral("connection"), QStringLiteral("add"),
                   writeFile(QStringLiteral("same-flow.json"),
                             R"({"id": "tst-other", "flowId": 777,
                                 "a": {"ip": "10.1.0.78", "switchId": "sw-edge-ath", "switchPort": 24},
                                 "b": {"ip": "10.2.0.78", "switchId": "sw-cloud-fra", "switchPort": 24}})")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("flow id 777"), run.err.constData());
    }

    void slaRule()
    {
        const QString path = writeFile(QStringLiteral("sla.json"),
                                       R"({"id": "tst-sla", "connectionId": "tst-conn", "metric": "max",
                                           "thresholdMs": 5, "persistenceMs": 0, "windowMs": 1000,
                                           "reroute": false})");
        CtlRun run = ctl({QStringLiteral("sla"), QStringLiteral("set"), path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        bool listed = false;
        for (const QJsonValue &value : json({QStringLiteral("sla")}).value(QStringLiteral("rules")).toArray()) {
            const QJsonObject rule = value.toObject();
            if (rule.value(QStringLiteral("id")).toString() == QLatin1String("tst-sla")) {
                listed = true;
                QCOMPARE(rule.value(QStringLiteral("metric")).toString(), QStringLiteral("max"));
                QCOMPARE(rule.value(QStringLiteral("thresholdMs")).toDouble(), 5.0);
                QCOMPARE(rule.value(QStringLiteral("reroute")).toBool(), false);
            }
        }
        QVERIFY(listed);
        run = ctl({QStringLiteral("sla")});
        QVERIFY2(run.out.contains("tst-sla") && run.out.contains("max latency"), run.out.constData());

        // A rule on a connection that does not exist, and one that does not parse.
        run = ctl({QStringLiteral("sla"), QStringLiteral("set"),
                   writeFile(QStringLiteral("sla-nowhere.json"),
                             R"({"id": "tst-sla-2", "connectionId": "nowhere", "thresholdMs": 1})")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no connection \"nowhere\""), run.err.constData());
        run = ctl({QStringLiteral("sla"), QStringLiteral("set"),
                   writeFile(QStringLiteral("sla-metric.json"),
                             R"({"id": "tst-sla-3", "connectionId": "tst-conn", "metric": "median"})")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("metric"), run.err.constData());
        run = ctl({QStringLiteral("sla"), QStringLiteral("rm"), QStringLiteral("nowhere")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no SLA rule \"nowhere\""), run.err.constData());
    }

    void rerouteManually()
    {
        const QStringList before = strings(connectionOf(QStringLiteral("tst-conn")).value(QStringLiteral("path")));
        QVERIFY(before.size() >= 3);
        const QString avoided = before.at(1);
        const QJsonObject moved = json({QStringLiteral("connection"), QStringLiteral("reroute"), QStringLiteral("tst-conn"),
                                        QStringLiteral("--avoid"), avoided});
        const QStringList after = strings(moved.value(QStringLiteral("path")));
        QVERIFY2(!after.isEmpty() && !after.contains(avoided), qPrintable(after.join(u'-')));
        QCOMPARE(after.constFirst(), QStringLiteral("sw-edge-ath"));
        QCOMPARE(after.constLast(), QStringLiteral("sw-cloud-fra"));
        const QJsonObject listed = connectionOf(QStringLiteral("tst-conn"));
        QCOMPARE(strings(listed.value(QStringLiteral("path"))), after);
        QVERIFY(strings(listed.value(QStringLiteral("avoidedSwitches"))).contains(avoided));
        // The entries left the avoided switch.
        for (const QJsonValue &value : entriesOf(avoided))
            QVERIFY(!value.toObject().value(QStringLiteral("text")).toString().contains(QLatin1String("10.2.0.77")));

        // Unknown connection, and avoiding every way there.
        CtlRun run = ctl({QStringLiteral("connection"), QStringLiteral("reroute"), QStringLiteral("nowhere"),
                          QStringLiteral("--avoid"), avoided});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no connection \"nowhere\""), run.err.constData());
        run = ctl({QStringLiteral("connection"), QStringLiteral("reroute"), QStringLiteral("tst-conn"), QStringLiteral("--avoid"),
                   QStringLiteral("sw-core-1,sw-core-2,sw-hpc-bol")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(strings(connectionOf(QStringLiteral("tst-conn")).value(QStringLiteral("path"))), after);
        run = ctl({QStringLiteral("connection"), QStringLiteral("reroute"), QStringLiteral("tst-conn")});
        QCOMPARE(run.exitCode, 2); // no --avoid

        // Back to the shortest path.
        run = ctl({QStringLiteral("connection"), QStringLiteral("restore"), QStringLiteral("tst-conn")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("restored"), run.out.constData());

        run = ctl({QStringLiteral("reroutes")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(json({QStringLiteral("reroutes")}).value(QStringLiteral("reroutes")).isArray());
    }

    void auditHasTheActions()
    {
        const QJsonArray entries = json({QStringLiteral("audit")}).value(QStringLiteral("entries")).toArray();
        QSet<QString> seen;
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            if (!entry.value(QStringLiteral("actor")).toString().startsWith(QLatin1String("continuoctl:")))
                continue;
            seen.insert(entry.value(QStringLiteral("action")).toString() + u' '
                        + entry.value(QStringLiteral("target")).toString());
        }
        const QStringList expected{QStringLiteral("p4.set_entries sw-hpc-bol"),
                                   QStringLiteral("connection.create tst-conn"),
                                   QStringLiteral("sla.set tst-sla"),
                                   QStringLiteral("connection.reroute tst-conn"),
                                   QStringLiteral("connection.restore_path tst-conn")};
        for (const QString &action : expected)
            QVERIFY2(seen.contains(action), qPrintable(action + QStringLiteral(" not in ") + seen.values().join(u',')));
    }

    void throughGrpcControlPlane()
    {
        GrpcControlPlane plane(m_daemon.address());
        plane.setActor(QStringLiteral("console:tst"));
        plane.open();
        QTRY_COMPARE_WITH_TIMEOUT(plane.connectionState(), IControlPlane::ConnectionState::Connected, 15000);

        const auto switches = await<QList<P4SwitchStatus>>(
            [&](auto done) { plane.p4Switches(this, done); });
        QVERIFY(switches && *switches);
        QCOMPARE((*switches)->size(), 5);

        const auto program = await<P4Program>([&](auto done) { plane.p4Program(Bologna, this, done); });
        QVERIFY(program && *program);
        QVERIFY((*program)->table(QStringLiteral("table0")));

        const auto entries = await<QList<P4EntryStatus>>(
            [&](auto done) { plane.p4Entries(Bologna, QStringLiteral("table0"), false, this, done); });
        QVERIFY2(entries && *entries, entries ? qPrintable(entries->error()) : "no answer");
        QList<P4TableEntry> desired;
        const P4TableEntry *forwarding = nullptr;
        for (const P4EntryStatus &status : **entries) {
            if (status.desired)
                desired.append(status.entry);
        }
        for (const P4TableEntry &entry : std::as_const(desired)) {
            if (P4EntryText::format(**program, entry).contains(QLatin1String("10.9.0.1")))
                forwarding = &entry;
        }
        QVERIFY(forwarding);

        // The desired set again, as a dry run: nothing to do.
        const auto same = await<P4ApplyResult>([&](auto done) {
            plane.setP4Entries(Bologna, QStringLiteral("table0"), desired, true, this, done);
        });
        QVERIFY2(same && *same, same ? qPrintable(same->error()) : "no answer");
        QVERIFY((*same)->diff.isEmpty());
        QCOMPARE((*same)->diff.unchanged, int(desired.size()));

        // Dry-run a packet with a pending delete of the entry it would hit.
        const QString packet = QStringLiteral("in_port=1 ip_dst=10.9.0.1 proto=6 dport=80");
        auto trace = await<QString>([&](auto done) { plane.dryRunP4Packet(Bologna, packet, {}, this, done); });
        QVERIFY(trace && *trace);
        QVERIFY2((*trace)->contains(QLatin1String("forward to port 2")), qPrintable(**trace));
        trace = await<QString>([&](auto done) {
            plane.dryRunP4Packet(Bologna, packet, {P4Update{P4Update::Type::Delete, *forwarding}}, this, done);
        });
        QVERIFY2(trace && *trace, trace ? qPrintable(trace->error()) : "no answer");
        QVERIFY2(!(*trace)->contains(QLatin1String("forward to port 2")), qPrintable(**trace));

        const auto connections = await<QList<Connection>>([&](auto done) { plane.connections(this, done); });
        QVERIFY(connections && *connections);
        QVERIFY(std::any_of((*connections)->cbegin(), (*connections)->cend(),
                            [](const Connection &c) { return c.id == QLatin1String("tst-conn"); }));
        const auto rules = await<QList<SlaRule>>([&](auto done) { plane.slaRules(this, done); });
        QVERIFY(rules && *rules);
        QVERIFY(std::any_of((*rules)->cbegin(), (*rules)->cend(),
                            [](const SlaRule &r) { return r.id == QLatin1String("tst-sla"); }));
        const auto reroutes = await<QList<RerouteRecord>>([&](auto done) { plane.reroutes(this, done); });
        QVERIFY(reroutes && *reroutes);

        // Removing: the SLA rule here, the connection with continuoctl.
        const auto removed = await<void>([&](auto done) { plane.removeSlaRule(QStringLiteral("tst-sla"), this, done); });
        QVERIFY2(removed && *removed, removed ? qPrintable(removed->error()) : "no answer");
        const auto missing = await<void>([&](auto done) { plane.removeSlaRule(QStringLiteral("tst-sla"), this, done); });
        QVERIFY(missing && !*missing);
        QVERIFY2(missing->error().contains(QLatin1String("no SLA rule")), qPrintable(missing->error()));
        plane.close();

        const CtlRun run = ctl({QStringLiteral("connection"), QStringLiteral("rm"), QStringLiteral("tst-conn")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(connectionOf(QStringLiteral("tst-conn")).isEmpty());
        for (const QString &hop : std::as_const(m_connectionPath)) {
            for (const QJsonValue &value : entriesOf(hop))
                QVERIFY(!value.toObject().value(QStringLiteral("text")).toString().contains(QLatin1String("10.2.0.77")));
        }
    }

    void cleanupTestCase() { QVERIFY(m_daemon.terminate()); }
};

QTEST_GUILESS_MAIN(tst_NetworkDaemon)
#include "tst_networkdaemon.moc"
