#include "DaemonFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTcpServer>

using namespace Continuo::Testing;

class tst_ContinuoCtl : public QObject
{
    Q_OBJECT

private:
    using Run = CtlRun;

    Run ctl(const QStringList &arguments, const QString &server = {})
    {
        return runContinuoctl(server.isEmpty() ? m_daemon.address() : server, arguments);
    }

    static QString fixture(const char *name)
    {
        return QString::fromUtf8(CTL_FIXTURE_DIR) + QLatin1Char('/') + QLatin1String(name);
    }

    QJsonArray deploymentsOf(const QString &workloadId);
    /// continuoctl against the placement tests' own daemon (demo scenario, fresh state: the
    /// alert rules of the tests above would keep nodes out of placement).
    Run pctl(const QStringList &arguments) { return ctl(arguments, m_placementDaemon.address()); }
    QJsonObject pjson(const QStringList &arguments)
    {
        const Run run = pctl(QStringList{QStringLiteral("--json")} + arguments);
        if (run.exitCode != 0) {
            qWarning().noquote() << arguments << "failed:" << run.out << run.err;
            return {};
        }
        return QJsonDocument::fromJson(run.out).object();
    }
    QTemporaryDir m_placementDir;
    DaemonProcess m_placementDaemon;

    QTemporaryDir m_dataDir;
    DaemonProcess m_daemon;
    /// demo.yaml: every 4th cloud-fra node, counting from the first, has two A100s.
    const QStringList m_a100Nodes{QStringLiteral("cloud-fra-01"), QStringLiteral("cloud-fra-05"),
                                  QStringLiteral("cloud-fra-09"), QStringLiteral("cloud-fra-13")};
    QString m_workloadId;
    QStringList m_deployedNodes;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(binaryPath(QStringLiteral("continuoctl"))));
        const QString failure = m_daemon.start(m_dataDir.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void cleanupTestCase()
    {
        QVERIFY(m_daemon.terminate());
        if (!m_placementDaemon.address().isEmpty())
            QVERIFY(m_placementDaemon.terminate());
    }

    void status()
    {
        const Run run = ctl({QStringLiteral("status")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("running"));
        QVERIFY(run.err.isEmpty());

        const Run json = ctl({QStringLiteral("--json"), QStringLiteral("status")});
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        const auto document = QJsonDocument::fromJson(json.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(document.object().value(QStringLiteral("state")).toString(), QStringLiteral("running"));
    }

    void nodesJson()
    {
        // The simulator fills the demo continuum after start: wait until it is there.
        QJsonArray nodes;
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            const Run run = ctl({QStringLiteral("--json"), QStringLiteral("nodes")});
            QCOMPARE(run.exitCode, 0);
            QJsonParseError error;
            const auto document = QJsonDocument::fromJson(run.out, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            nodes = document.object().value(QStringLiteral("nodes")).toArray();
            if (nodes.size() >= 10)
                break;
            QTest::qWait(200);
        }
        QVERIFY2(nodes.size() >= 10, qPrintable(QString::number(nodes.size())));
        for (const auto &node : std::as_const(nodes)) {
            QVERIFY(!node.toObject().value(QStringLiteral("id")).toString().isEmpty());
            QVERIFY(!node.toObject().value(QStringLiteral("state")).toString().isEmpty());
        }
        const Run table = ctl({QStringLiteral("nodes")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("ID"));
        QVERIFY(table.out.contains(nodes.at(0).toObject().value(QStringLiteral("id")).toString().toUtf8()));
    }

    void events()
    {
        const Run run = ctl({QStringLiteral("events")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("General.Information"));
        const Run json = ctl({QStringLiteral("--json"), QStringLiteral("events"), QStringLiteral("--type"),
                              QStringLiteral("General.")});
        QCOMPARE(json.exitCode, 0);
        const auto events = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("events")).toArray();
        QVERIFY(!events.isEmpty());
        for (const auto &event : events)
            QVERIFY(event.toObject().value(QStringLiteral("type")).toString().startsWith(QLatin1String("General.")));
    }

    void drainThenAudit()
    {
        const Run nodes = ctl({QStringLiteral("--json"), QStringLiteral("nodes")});
        const auto list = QJsonDocument::fromJson(nodes.out).object().value(QStringLiteral("nodes")).toArray();
        QVERIFY(!list.isEmpty());
        const QString node = list.at(0).toObject().value(QStringLiteral("id")).toString();

        const Run drain = ctl({QStringLiteral("drain"), node, QStringLiteral("--reason"),
                               QStringLiteral("firmware update")});
        QVERIFY2(drain.exitCode == 0, drain.err.constData());
        QVERIFY(drain.out.contains("draining"));

        const Run audit = ctl({QStringLiteral("--json"), QStringLiteral("audit")});
        QCOMPARE(audit.exitCode, 0);
        const auto entries = QJsonDocument::fromJson(audit.out).object().value(QStringLiteral("entries")).toArray();
        QVERIFY(!entries.isEmpty());
        const QJsonObject last = entries.last().toObject();
        QCOMPARE(last.value(QStringLiteral("target")).toString(), node);
        QCOMPARE(last.value(QStringLiteral("action")).toString(), QStringLiteral("node.set_state"));
        QVERIFY(last.value(QStringLiteral("actor")).toString().startsWith(QLatin1String("continuoctl")));

        const Run table = ctl({QStringLiteral("audit")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(node.toUtf8()));
        QVERIFY(table.out.contains("firmware update"));

        const Run uncordon = ctl({QStringLiteral("uncordon"), node});
        QCOMPARE(uncordon.exitCode, 0);
        QVERIFY(uncordon.out.contains("ready"));
    }

    void unknownNodeIsServerError()
    {
        const Run run = ctl({QStringLiteral("drain"), QStringLiteral("no-such-node")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("no-such-node"));
        QCOMPARE(run.err.count('\n'), 1);
    }

    void plugins()
    {
        const Run run = ctl({QStringLiteral("plugins")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("simulator"));
    }

    QJsonObject json(const QStringList &arguments)
    {
        const Run run = ctl(QStringList{QStringLiteral("--json")} + arguments);
        if (run.exitCode != 0) {
            qWarning().noquote() << arguments << "failed:" << run.err;
            return {};
        }
        return QJsonDocument::fromJson(run.out).object();
    }

    void seriesAndQueries()
    {
        // The simulator's nodes report CPU within a second or two of the start.
        const QString selector = QStringLiteral("node_cpu_utilisation{node=~\".+\",site!=\"\"}");
        QJsonArray series;
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            series = json({QStringLiteral("series"), selector, QStringLiteral("--limit"),
                           QStringLiteral("5")})
                         .value(QStringLiteral("series"))
                         .toArray();
            if (series.size() == 5)
                break;
            QTest::qWait(200);
        }
        QCOMPARE(series.size(), 5);
        for (const auto &one : std::as_const(series)) {
            QCOMPARE(one.toObject().value(QStringLiteral("metric")).toString(),
                     QStringLiteral("node_cpu_utilisation"));
            QVERIFY(!one.toObject()
                         .value(QStringLiteral("labels"))
                         .toObject()
                         .value(QStringLiteral("node"))
                         .toString()
                         .isEmpty());
        }
        const Run table = ctl(
            {QStringLiteral("series"), selector, QStringLiteral("--limit"), QStringLiteral("2")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("SERIES"));
        QVERIFY(table.out.contains("raise --limit"));

        // Instant: the newest value of every node.
        const QJsonArray instant =
            json({QStringLiteral("query"), QStringLiteral("node_cpu_utilisation")})
                .value(QStringLiteral("series"))
                .toArray();
        QVERIFY(instant.size() >= 5);
        QCOMPARE(instant.at(0).toObject().value(QStringLiteral("samples")).toArray().size(), 1);

        // A range, averaged per site: only the site label is left, one point per step.
        QJsonObject range;
        deadline = QDeadlineTimer(30000);
        while (!deadline.hasExpired()) {
            range =
                json({QStringLiteral("query"), QStringLiteral("node_cpu_utilisation{site!=\"\"}"),
                      QStringLiteral("--range"), QStringLiteral("20s"), QStringLiteral("--step"),
                      QStringLiteral("5s"), QStringLiteral("--avg-by"), QStringLiteral("site")});
            if (!range.value(QStringLiteral("series")).toArray().isEmpty())
                break;
            QTest::qWait(200);
        }
        const QJsonArray perSite = range.value(QStringLiteral("series")).toArray();
        QVERIFY(!perSite.isEmpty());
        QCOMPARE(range.value(QStringLiteral("stepMs")).toInteger(), 5000);
        for (const auto &one : perSite) {
            const QJsonObject labels = one.toObject().value(QStringLiteral("labels")).toObject();
            QCOMPARE(labels.keys(), QStringList{QStringLiteral("site")});
            const QJsonArray samples = one.toObject().value(QStringLiteral("samples")).toArray();
            QVERIFY(!samples.isEmpty() && samples.size() <= 5);
            for (const auto &sample : samples) {
                const double value = sample.toObject().value(QStringLiteral("value")).toDouble();
                QVERIFY2(value >= 0.0 && value <= 1.0, qPrintable(QString::number(value)));
            }
        }
        const Run rangeTable =
            ctl({QStringLiteral("query"), QStringLiteral("node_cpu_utilisation{site!=\"\"}"),
                 QStringLiteral("--range"), QStringLiteral("10s"), QStringLiteral("--max-by"),
                 QStringLiteral("site")});
        QCOMPARE(rangeTable.exitCode, 0);
        QVERIFY(rangeTable.out.startsWith("SERIES"));
        QVERIFY(rangeTable.out.contains("{site=\""));

        const Run badSelector = ctl({QStringLiteral("series"), QStringLiteral("x{a=~\"(\"}")});
        QCOMPARE(badSelector.exitCode, 1);
        QVERIFY2(badSelector.err.contains("regular expression"), badSelector.err.constData());
    }

    void rulesAlertsAndSilences()
    {
        // The defaults are in force on a fresh daemon.
        const QJsonArray defaults =
            json({QStringLiteral("rules")}).value(QStringLiteral("rules")).toArray();
        QVERIFY(!defaults.isEmpty());
        QCOMPARE(defaults.at(0).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("hot-node-cpu"));
        const Run rulesTable = ctl({QStringLiteral("rules")});
        QCOMPARE(rulesTable.exitCode, 0);
        QVERIFY(rulesTable.out.startsWith("ID"));
        QVERIFY(rulesTable.out.contains("node_cpu_utilisation > 0.9"));

        QTemporaryDir files;
        QVERIFY(files.isValid());
        const auto write = [&](const QString &name, const QByteArray &text) {
            QFile file(files.filePath(name));
            if (file.open(QIODevice::WriteOnly))
                file.write(text);
            return file.fileName();
        };
        // A rule that holds for every node at once, and one that never does.
        const QString good =
            write(QStringLiteral("rules.yaml"), "- id: ctl-always\n"
                                                "  expr: node_cpu_utilisation{node=~\".+\"} >= 0\n"
                                                "  severity: critical\n"
                                                "  description: fires at once\n"
                                                "  grouping: node\n"
                                                "  remediations: [emit-event]\n"
                                                "- id: ctl-never\n"
                                                "  expr: node_cpu_utilisation < -1 for 1h\n");
        const Run set =
            ctl({QStringLiteral("rules"), QStringLiteral("set"), QStringLiteral("-f"), good});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QVERIFY(set.out.contains("2 alert rules"));
        const QJsonArray rules =
            json({QStringLiteral("rules")}).value(QStringLiteral("rules")).toArray();
        QCOMPARE(rules.size(), 2);
        const QJsonObject always = rules.at(0).toObject();
        QCOMPARE(always.value(QStringLiteral("id")).toString(), QStringLiteral("ctl-always"));
        QCOMPARE(always.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(always.value(QStringLiteral("grouping")).toString(), QStringLiteral("node"));
        QCOMPARE(always.value(QStringLiteral("remediations")).toArray().size(), 1);

        // The JSON listing is a valid rules file itself (YAML reads JSON).
        const QString listed = write(QStringLiteral("listed.json"),
                                     ctl({QStringLiteral("--json"), QStringLiteral("rules")}).out);
        const Run again =
            ctl({QStringLiteral("rules"), QStringLiteral("set"), QStringLiteral("-f"), listed});
        QVERIFY2(again.exitCode == 0, again.err.constData());

        // A bad expression is refused by the daemon, which names the rule; a bad file by ctl.
        const QString broken =
            write(QStringLiteral("broken.yaml"),
                  "- {id: fine, expr: 'up > 1'}\n- {id: broken-rule, expr: 'up >'}\n");
        const Run refused =
            ctl({QStringLiteral("rules"), QStringLiteral("set"), QStringLiteral("-f"), broken});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("broken-rule"), refused.err.constData());
        const QString notYaml = write(QStringLiteral("bad.yaml"), "- id: [unclosed\n");
        QCOMPARE(
            ctl({QStringLiteral("rules"), QStringLiteral("set"), QStringLiteral("-f"), notYaml})
                .exitCode,
            2);
        const QString noExpr = write(QStringLiteral("noexpr.yaml"), "- id: lonely\n");
        const Run missing =
            ctl({QStringLiteral("rules"), QStringLiteral("set"), QStringLiteral("-f"), noExpr});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("noexpr.yaml:1"), missing.err.constData());
        QCOMPARE(json({QStringLiteral("rules")}).value(QStringLiteral("rules")).toArray().size(),
                 2);

        // Alerts: ctl-always fires for the nodes.
        QJsonArray alerts;
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            alerts = json({QStringLiteral("alerts")}).value(QStringLiteral("alerts")).toArray();
            if (std::any_of(alerts.begin(), alerts.end(), [](const QJsonValue &alert) {
                    return alert.toObject().value(QStringLiteral("ruleId")).toString() ==
                               QLatin1String("ctl-always") &&
                           alert.toObject().value(QStringLiteral("state")).toString() ==
                               QLatin1String("firing");
                }))
                break;
            QTest::qWait(200);
        }
        QJsonObject alert;
        for (const auto &one : std::as_const(alerts)) {
            if (one.toObject().value(QStringLiteral("ruleId")).toString() ==
                QLatin1String("ctl-always"))
                alert = one.toObject();
        }
        QVERIFY2(!alert.isEmpty(), QJsonDocument(alerts).toJson().constData());
        const QString alertId = alert.value(QStringLiteral("id")).toString();
        const QString node = alert.value(QStringLiteral("nodeId")).toString();
        QVERIFY(!node.isEmpty());
        const Run alertsTable = ctl({QStringLiteral("alerts")});
        QCOMPARE(alertsTable.exitCode, 0);
        QVERIFY(alertsTable.out.startsWith("ID"));
        QVERIFY(alertsTable.out.contains(alertId.toUtf8()));

        const QJsonObject acknowledged = json({QStringLiteral("ack"), alertId});
        QCOMPARE(acknowledged.value(QStringLiteral("id")).toString(), alertId);
        QVERIFY(acknowledged.value(QStringLiteral("acknowledgedBy"))
                    .toString()
                    .startsWith(QLatin1String("continuoctl:")));
        const Run unknownAlert = ctl({QStringLiteral("ack"), QStringLiteral("no-such-alert")});
        QCOMPARE(unknownAlert.exitCode, 1);
        QVERIFY(unknownAlert.err.contains("no-such-alert"));

        // Silence the node's alert for two hours, list, expire.
        const QJsonObject silence =
            json({QStringLiteral("silence"), QStringLiteral("add"), QStringLiteral("node=") + node,
                  QStringLiteral("rule=ctl-always"), QStringLiteral("--comment"),
                  QStringLiteral("ctl test"), QStringLiteral("--for"), QStringLiteral("2h")});
        const QString silenceId = silence.value(QStringLiteral("id")).toString();
        QVERIFY(!silenceId.isEmpty());
        const qint64 ends = silence.value(QStringLiteral("endsAtMs")).toInteger();
        const qint64 expectedEnd = QDateTime::currentMSecsSinceEpoch() + 2 * 3'600'000;
        QVERIFY2(qAbs(ends - expectedEnd) < 60'000,
                 qPrintable(QString::number(ends - expectedEnd)));
        const QJsonArray silences = json({QStringLiteral("silence"), QStringLiteral("list")})
                                        .value(QStringLiteral("silences"))
                                        .toArray();
        QCOMPARE(silences.size(), 1);
        QCOMPARE(silences.at(0).toObject().value(QStringLiteral("id")).toString(), silenceId);
        QCOMPARE(silences.at(0).toObject().value(QStringLiteral("comment")).toString(),
                 QStringLiteral("ctl test"));
        const Run silenceTable = ctl({QStringLiteral("silence"), QStringLiteral("list")});
        QCOMPARE(silenceTable.exitCode, 0);
        QVERIFY(silenceTable.out.contains("ctl test"));
        const QJsonObject expired =
            json({QStringLiteral("silence"), QStringLiteral("expire"), silenceId});
        QVERIFY(expired.value(QStringLiteral("expiredBy"))
                    .toString()
                    .startsWith(QLatin1String("continuoctl:")));
        QVERIFY(json({QStringLiteral("silence"), QStringLiteral("list")})
                    .value(QStringLiteral("silences"))
                    .toArray()
                    .isEmpty());

        // The history has the alert (active ones included), newest first.
        const QJsonArray history =
            json({QStringLiteral("alerts"), QStringLiteral("--history"), QStringLiteral("1h")})
                .value(QStringLiteral("alerts"))
                .toArray();
        QVERIFY(std::any_of(history.begin(), history.end(), [&](const QJsonValue &one) {
            return one.toObject().value(QStringLiteral("id")).toString() == alertId;
        }));

        // Every action is in the audit log with continuoctl as the actor.
        const QJsonArray audit =
            json({QStringLiteral("audit")}).value(QStringLiteral("entries")).toArray();
        QStringList actions;
        for (const auto &entry : audit) {
            if (entry.toObject()
                    .value(QStringLiteral("actor"))
                    .toString()
                    .startsWith(QLatin1String("continuoctl:")))
                actions.append(entry.toObject().value(QStringLiteral("action")).toString());
        }
        for (const char *action :
             {"alert.rules.set", "alert.acknowledge", "silence.create", "silence.expire"})
            QVERIFY2(actions.contains(QLatin1String(action)),
                     qPrintable(actions.join(QLatin1Char(' '))));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("no command") << QStringList{};
        QTest::addRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::addRow("drain without node") << QStringList{QStringLiteral("drain")};
        QTest::addRow("extra argument") << QStringList{QStringLiteral("status"), QStringLiteral("x")};
        QTest::addRow("bad selector") << QStringList{QStringLiteral("watch"), QStringLiteral("bad{")};
        QTest::addRow("missing option value") << QStringList{QStringLiteral("events"), QStringLiteral("--type")};
        QTest::addRow("series without selector") << QStringList{QStringLiteral("series")};
        QTest::addRow("bad duration") << QStringList{QStringLiteral("query"), QStringLiteral("up"),
                                                     QStringLiteral("--range"), QStringLiteral("soon")};
        QTest::addRow("rate and increase") << QStringList{QStringLiteral("query"), QStringLiteral("up"),
                                                          QStringLiteral("--rate"), QStringLiteral("5m"),
                                                          QStringLiteral("--increase"), QStringLiteral("5m")};
        QTest::addRow("silence without action") << QStringList{QStringLiteral("silence")};
        QTest::addRow("silence without comment")
            << QStringList{QStringLiteral("silence"), QStringLiteral("add"), QStringLiteral("node=n1"),
                           QStringLiteral("--for"), QStringLiteral("1h")};
        QTest::addRow("silence matcher without value")
            << QStringList{QStringLiteral("silence"), QStringLiteral("add"), QStringLiteral("node"),
                           QStringLiteral("--comment"), QStringLiteral("x"), QStringLiteral("--for"),
                           QStringLiteral("1h")};
        QTest::addRow("rules set without file") << QStringList{QStringLiteral("rules"), QStringLiteral("set")};
        QTest::addRow("missing rules file")
            << QStringList{QStringLiteral("rules"), QStringLiteral("set"), QStringLiteral("-f"),
                           QStringLiteral("/nonexistent/rules.yaml")};
        QTest::addRow("place without file") << QStringList{QStringLiteral("place"), QStringLiteral("--dry-run")};
        QTest::addRow("missing intent file")
            << QStringList{QStringLiteral("place"), QStringLiteral("-f"), QStringLiteral("/nonexistent/intent.yaml")};
        QTest::addRow("find without query") << QStringList{QStringLiteral("find")};
        QTest::addRow("explain without workload") << QStringList{QStringLiteral("explain")};
        QTest::addRow("whatif without change") << QStringList{QStringLiteral("whatif")};
        QTest::addRow("terminate without workload") << QStringList{QStringLiteral("terminate")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = ctl(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(run.err.startsWith("continuoctl: "));
    }

    void unreachableServer()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString address = QStringLiteral("127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        const Run run = ctl({QStringLiteral("status")}, address);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        const QByteArray expected = QByteArray("cannot reach the daemon at ").append(address.toUtf8());
        QVERIFY2(run.err.contains(expected), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }

    // ---- Placement (issue 5): intents from tests/app/ctl/fixtures on the demo continuum ----

    void placeDryRun()
    {
        const QString failure = m_placementDaemon.start(m_placementDir.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QTRY_VERIFY_WITH_TIMEOUT(pjson({QStringLiteral("nodes")}).value(QStringLiteral("nodes")).toArray().size() >= 10,
                                 30000);
        const QString intent = fixture("inference.yaml");
        const Run text = pctl({QStringLiteral("place"), QStringLiteral("-f"), intent, QStringLiteral("--dry-run")});
        QVERIFY2(text.exitCode == 0, QByteArray(text.out + text.err).constData());
        QVERIFY2(text.out.contains("inference: placed"), text.out.constData());
        QCOMPARE(text.out.count("-> cloud-fra-"), 2); // two replicas, on the A100 nodes
        QVERIFY(text.out.contains("dry run: nothing was deployed"));

        const QJsonObject dry = pjson({QStringLiteral("place"), QStringLiteral("-f"), intent,
                                      QStringLiteral("--dry-run")});
        QVERIFY(dry.value(QStringLiteral("dryRun")).toBool());
        const QJsonArray explanations = dry.value(QStringLiteral("explanations")).toArray();
        QCOMPARE(explanations.size(), 1);
        const QJsonObject explanation = explanations.at(0).toObject();
        QVERIFY(explanation.value(QStringLiteral("placed")).toBool());
        const QJsonArray decisions = explanation.value(QStringLiteral("decisions")).toArray();
        QCOMPARE(decisions.size(), 2);
        QStringList nodes;
        for (const auto &decision : decisions)
            nodes.append(decision.toObject().value(QStringLiteral("node")).toString());
        QVERIFY2(nodes.at(0) != nodes.at(1), qPrintable(nodes.join(QLatin1Char(' ')))); // spread: node
        for (const QString &node : std::as_const(nodes))
            QVERIFY2(m_a100Nodes.contains(node), qPrintable(node));
        QVERIFY(dry.value(QStringLiteral("deployments")).toArray().isEmpty());

        // Nothing changed.
        QVERIFY(pjson({QStringLiteral("workloads")}).value(QStringLiteral("workloads")).toArray().isEmpty());
        QVERIFY(pjson({QStringLiteral("deployments")}).value(QStringLiteral("deployments")).toArray().isEmpty());
    }

    void placeAndDeploy()
    {
        const QJsonObject placed = pjson({QStringLiteral("place"), QStringLiteral("-f"), fixture("inference.yaml")});
        QVERIFY(!placed.value(QStringLiteral("dryRun")).toBool());
        const QJsonArray workloads = placed.value(QStringLiteral("workloads")).toArray();
        QCOMPARE(workloads.size(), 1);
        m_workloadId = workloads.at(0).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!m_workloadId.isEmpty());
        QCOMPARE(placed.value(QStringLiteral("deployments")).toArray().size(), 2);

        // The simulated backend deploys within a few seconds: poll `deployments`.
        QJsonArray deployments;
        const auto allDeployed = [&] {
            deployments = deploymentsOf(m_workloadId);
            if (deployments.size() != 2)
                return false;
            for (const auto &d : std::as_const(deployments)) {
                if (d.toObject().value(QStringLiteral("state")).toString() != QLatin1String("deployed"))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allDeployed(), 30000);
        m_deployedNodes.clear();
        for (const auto &d : std::as_const(deployments))
            m_deployedNodes.append(d.toObject().value(QStringLiteral("nodeId")).toString());
        for (const QString &node : std::as_const(m_deployedNodes))
            QVERIFY2(m_a100Nodes.contains(node), qPrintable(node));

        const Run table = pctl({QStringLiteral("deployments")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("ID"));
        QVERIFY(table.out.contains("deployed"));
        for (const QString &node : std::as_const(m_deployedNodes))
            QVERIFY(table.out.contains(node.toUtf8()));

        const Run listed = pctl({QStringLiteral("workloads")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains(m_workloadId.toUtf8()));
        QVERIFY(listed.out.contains("inference"));
    }

    void explainWorkload()
    {
        QVERIFY(!m_workloadId.isEmpty());
        const Run text = pctl({QStringLiteral("explain"), m_workloadId});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.startsWith(QByteArray(m_workloadId.toUtf8() + ": placed")), text.out.constData());
        QVERIFY(text.out.contains("nodes considered"));
        const QJsonArray explanations =
            pjson({QStringLiteral("explain"), m_workloadId}).value(QStringLiteral("explanations")).toArray();
        QCOMPARE(explanations.size(), 1);
        QVERIFY(explanations.at(0).toObject().value(QStringLiteral("placed")).toBool());

        // An intent not submitted: explained, nothing placed.
        const Run intent = pctl({QStringLiteral("explain"), QStringLiteral("-f"), fixture("batch.yaml")});
        QVERIFY2(intent.exitCode == 0, intent.err.constData());
        QVERIFY2(intent.out.startsWith("batch: placed"), intent.out.constData());

        const Run unknown = pctl({QStringLiteral("explain"), QStringLiteral("no-such-workload")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("no-such-workload"));
    }

    void whatIfDrain()
    {
        QVERIFY(!m_deployedNodes.isEmpty());
        const QString node = m_deployedNodes.at(0);
        const Run text = pctl({QStringLiteral("whatif"), QStringLiteral("--drain"), node});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.contains("DEPLOYMENT"), text.out.constData());
        QVERIFY(text.out.contains(node.toUtf8()));
        QVERIFY(text.out.contains("(what-if: nothing was changed)"));

        const QJsonObject result = pjson({QStringLiteral("whatif"), QStringLiteral("--drain"), node});
        const QJsonArray moves = result.value(QStringLiteral("moves")).toArray();
        QCOMPARE(moves.size(), 1);
        const QJsonObject move = moves.at(0).toObject();
        QCOMPARE(move.value(QStringLiteral("workloadId")).toString(), m_workloadId);
        QCOMPARE(move.value(QStringLiteral("from")).toString(), node);
        const QString to = move.value(QStringLiteral("to")).toString();
        QVERIFY2(m_a100Nodes.contains(to) && !m_deployedNodes.contains(to), qPrintable(to));

        // Only a what-if: the node is not draining and the deployment did not move.
        const QJsonArray deployments = deploymentsOf(m_workloadId);
        QStringList nodes;
        for (const auto &d : deployments)
            nodes.append(d.toObject().value(QStringLiteral("nodeId")).toString());
        QVERIFY(nodes.contains(node));
    }

    void findGpuNodes()
    {
        const QString query = QStringLiteral("free_memory > 8GiB and gpu.model = \"NVIDIA A100\"");
        const QJsonObject found = pjson({QStringLiteral("find"), query});
        const QJsonArray matches = found.value(QStringLiteral("matches")).toArray();
        QStringList nodes;
        for (const auto &match : matches) {
            const QJsonObject m = match.toObject();
            nodes.append(m.value(QStringLiteral("node")).toString());
            QCOMPARE(m.value(QStringLiteral("source")).toString(), QStringLiteral("local"));
            QCOMPARE(m.value(QStringLiteral("cluster")).toString(), QStringLiteral("cluster-cloud-k8s"));
            QCOMPARE(m.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("gpu.model")).toString(),
                     QStringLiteral("NVIDIA A100"));
            QVERIFY(m.value(QStringLiteral("ageMs")).toDouble() >= 0);
        }
        QCOMPARE(nodes, m_a100Nodes);
        QVERIFY(found.value(QStringLiteral("unreachableAgents")).toArray().isEmpty());

        const Run text = pctl({QStringLiteral("find"), query});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY(text.out.startsWith("NODE"));
        QVERIFY(text.out.contains("GPU.MODEL"));
        QVERIFY(text.out.contains("4 nodes match"));

        // With the agents too: this daemon has none, so the same nodes and nobody unreachable.
        const QJsonObject federated = pjson({QStringLiteral("find"), query, QStringLiteral("--agents")});
        QCOMPARE(federated.value(QStringLiteral("matches")).toArray().size(), 4);
        QVERIFY(federated.value(QStringLiteral("unreachableAgents")).toArray().isEmpty());
    }

    void findBadQuery()
    {
        const Run run = pctl({QStringLiteral("find"), QStringLiteral("bogus = 1")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("unknown attribute 'bogus'"), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }

    void terminateWorkload()
    {
        QVERIFY(!m_workloadId.isEmpty());
        const Run run = pctl({QStringLiteral("terminate"), m_workloadId});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("2 deployments set to terminate"), run.out.constData());
        const auto allTerminated = [&] {
            const QJsonArray deployments = deploymentsOf(m_workloadId);
            for (const auto &d : deployments) {
                if (d.toObject().value(QStringLiteral("state")).toString() != QLatin1String("terminated"))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allTerminated(), 30000);

        const Run unknown = pctl({QStringLiteral("terminate"), QStringLiteral("no-such-workload")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("no-such-workload"));
    }
};

QJsonArray tst_ContinuoCtl::deploymentsOf(const QString &workloadId)
{
    return pjson({QStringLiteral("deployments"), workloadId}).value(QStringLiteral("deployments")).toArray();
}

QTEST_GUILESS_MAIN(tst_ContinuoCtl)
#include "tst_continuoctl.moc"
