#include "DaemonFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTcpServer>

using namespace Continuo::Testing;

class tst_ContinuoCtl : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run ctl(const QStringList &arguments, const QString &server = {})
    {
        QProcess process;
        QStringList all;
        all << QStringLiteral("--server") << (server.isEmpty() ? m_daemon.address() : server);
        all += arguments;
        process.start(binaryPath(QStringLiteral("continuoctl")), all);
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QTemporaryDir m_dataDir;
    DaemonProcess m_daemon;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(binaryPath(QStringLiteral("continuoctl"))));
        const QString failure = m_daemon.start(m_dataDir.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void cleanupTestCase() { QVERIFY(m_daemon.terminate()); }

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

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("no command") << QStringList{};
        QTest::addRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::addRow("drain without node") << QStringList{QStringLiteral("drain")};
        QTest::addRow("extra argument") << QStringList{QStringLiteral("status"), QStringLiteral("x")};
        QTest::addRow("bad selector") << QStringList{QStringLiteral("watch"), QStringLiteral("bad{")};
        QTest::addRow("missing option value") << QStringList{QStringLiteral("events"), QStringLiteral("--type")};
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
};

QTEST_GUILESS_MAIN(tst_ContinuoCtl)
#include "tst_continuoctl.moc"
