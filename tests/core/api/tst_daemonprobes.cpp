// `continuo --daemon --probe KIND://ADDRESS[@SECONDS]`: probes named on the command line run in
// the daemon and their series are in its telemetry store; bad --probe values stop it with 2.

#include "FederationFixture.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUdpSocket>

using namespace Continuo::Testing;

class tst_DaemonProbes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(binaryPath(QStringLiteral("continuo"))))
            QFAIL("no continuo binary (set CONTINUO_BIN_DIR)");
    }

    void badProbe_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("kind") << QStringLiteral("udp://127.0.0.1:53") << QStringLiteral("unknown probe kind \"udp\"");
        QTest::newRow("port") << QStringLiteral("tcp://127.0.0.1") << QStringLiteral("has no port");
        QTest::newRow("interval") << QStringLiteral("icmp://127.0.0.1@0.01") << QStringLiteral("between 0.1 and 86400");
        QTest::newRow("dns name") << QStringLiteral("dns://127.0.0.1:53") << QStringLiteral("names nothing to query");
    }

    void badProbe()
    {
        QFETCH(QString, value);
        QFETCH(QString, error);
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        DaemonProcess daemon;
        const QString failure = daemon.start(dataDir.path(), QStringLiteral("none"),
                                             {QStringLiteral("--no-host-probe"), QStringLiteral("--probe"), value});
        QVERIFY2(failure.startsWith(QLatin1String("the daemon exited with 2")), qPrintable(failure));
        QVERIFY2(failure.contains(error), qPrintable(failure));
    }

    void probesFromTheCommandLine()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = listener.nextPendingConnection())
                socket->deleteLater();
        });
        QUdpSocket closed;
        QVERIFY(closed.bind(QHostAddress::LocalHost, 0));
        const quint16 closedPort = closed.localPort();
        closed.close();
        const QString tcp = QStringLiteral("tcp://127.0.0.1:%1").arg(listener.serverPort());
        const QString dns = QStringLiteral("dns://127.0.0.1:%1/example.org").arg(closedPort);

        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        DaemonProcess daemon;
        const QString failure = daemon.start(dataDir.path(), QStringLiteral("none"),
                                             {QStringLiteral("--no-host-probe"), QStringLiteral("--probe"), tcp + QStringLiteral("@0.5"),
                                              QStringLiteral("--probe"), dns + QStringLiteral("@0.5")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        TelemetryCollector collector(daemon.address(), {QStringLiteral("probe_success"), QStringLiteral("probe_tcp_connect_seconds")});
        const QString tcpKey = QStringLiteral("probe_success{kind=\"tcp\",target=\"%1\"}").arg(tcp);
        const QString dnsKey = QStringLiteral("probe_success{kind=\"dns\",target=\"%1\"}").arg(dns);
        QTRY_VERIFY_WITH_TIMEOUT(collector.samples(tcpKey).size() >= 2 && collector.samples(dnsKey).size() >= 2, 30000);
        QCOMPARE(collector.samples(tcpKey).back().value, 1.0);
        QCOMPARE(collector.samples(dnsKey).back().value, 0.0); // nothing answers on that port
        const auto connects = collector.samples(QStringLiteral("probe_tcp_connect_seconds{kind=\"tcp\",target=\"%1\"}").arg(tcp));
        QVERIFY(!connects.empty());
        QVERIFY(connects.back().value > 0 && connects.back().value < 2.0);
        // Every half second (within the forwarding of a loaded machine).
        const auto samples = collector.samples(tcpKey);
        QVERIFY(samples.back().timestampMs - samples.front().timestampMs >= 400);
        QVERIFY(daemon.terminate());
    }
};

QTEST_GUILESS_MAIN(tst_DaemonProbes)
#include "tst_daemonprobes.moc"
