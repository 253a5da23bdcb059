// Active probes against loopback services the test starts: ICMP echo, TCP connect, HTTP and
// HTTPS (a self-signed certificate), DNS over UDP to a responder on a free port; failures
// (refused, timeouts, wrong status, malformed DNS), many targets at once, and a slow target
// that delays nobody.

#include "ProbeFixtures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <unistd.h>

using namespace Continuo;
using namespace Continuo::Testing;

namespace {

constexpr int WaitMs = 30000; // generous: a loaded two-core CI machine

ProbeTarget target(const QString &url, int intervalMs = 1000, int timeoutMs = 1000)
{
    auto parsed = ProbeTarget::fromUrl(url);
    if (!parsed)
        qFatal("bad test target %s: %s", qPrintable(url), qPrintable(parsed.error()));
    ProbeTarget result = *parsed;
    result.interval = std::chrono::milliseconds(intervalMs);
    result.timeout = std::chrono::milliseconds(timeoutMs);
    return result;
}

qint64 probes(const ActiveProber &prober, const QString &name)
{
    const auto status = prober.targetStatus(name);
    return status ? status->probesTotal : -1;
}

/// Probes of a target whose samples arrived (the status is recorded a moment before).
qsizetype probed(const SampleCollector &collector, const QString &name)
{
    return collector.values(QStringLiteral("probe_success"), name).size();
}

/// Whether this process' group may open unprivileged ICMP sockets (net.ipv4.ping_group_range).
bool groupMayPing()
{
    QFile file(QStringLiteral("/proc/sys/net/ipv4/ping_group_range"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> range = file.readAll().simplified().split(' ');
    if (range.size() != 2)
        return false;
    const qint64 gid = ::getgid();
    return range[0].toLongLong() <= gid && gid <= range[1].toLongLong();
}

} // namespace

class tst_ActiveProber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("queryName");
        QTest::addColumn<int>("queryType");
        QTest::addColumn<QString>("error");
        const auto ok = [](const char *row, const QString &url, ProbeKind kind, const QString &address,
                           const QString &queryName = {}, int queryType = DnsType::A) {
            QTest::newRow(row) << url << int(kind) << address << queryName << queryType << QString();
        };
        ok("icmp", QStringLiteral("icmp://10.0.0.2"), ProbeKind::Icmp, QStringLiteral("10.0.0.2"));
        ok("icmp v6", QStringLiteral("icmp://[::1]"), ProbeKind::Icmp, QStringLiteral("[::1]"));
        ok("icmp name", QStringLiteral("icmp://router.example/"), ProbeKind::Icmp, QStringLiteral("router.example"));
        ok("tcp", QStringLiteral("tcp://127.0.0.1:22"), ProbeKind::Tcp, QStringLiteral("127.0.0.1:22"));
        ok("tcp v6", QStringLiteral("tcp://[::1]:8080"), ProbeKind::Tcp, QStringLiteral("[::1]:8080"));
        ok("http", QStringLiteral("http://127.0.0.1:8080/health"), ProbeKind::Http, QStringLiteral("http://127.0.0.1:8080/health"));
        ok("https", QStringLiteral("https://host.example/path"), ProbeKind::Https, QStringLiteral("https://host.example/path"));
        ok("dns", QStringLiteral("dns://127.0.0.1:5353/example.org"), ProbeKind::Dns, QStringLiteral("127.0.0.1:5353"),
           QStringLiteral("example.org"));
        ok("dns default port", QStringLiteral("dns://192.0.2.53/example.org?type=AAAA"), ProbeKind::Dns,
           QStringLiteral("192.0.2.53:53"), QStringLiteral("example.org"), DnsType::Aaaa);
        ok("dns v6", QStringLiteral("dns://[::1]:53/x.example?rcode=NXDOMAIN"), ProbeKind::Dns,
           QStringLiteral("[::1]:53"), QStringLiteral("x.example"));
        const auto bad = [](const char *row, const QString &url, const QString &error) {
            QTest::newRow(row) << url << 0 << QString() << QString() << 0 << error;
        };
        bad("no scheme", QStringLiteral("10.0.0.2"), QStringLiteral("is not KIND://ADDRESS"));
        bad("unknown kind", QStringLiteral("udp://10.0.0.2:53"), QStringLiteral("unknown probe kind \"udp\""));
        bad("tcp without port", QStringLiteral("tcp://127.0.0.1"), QStringLiteral("has no port"));
        bad("tcp bad port", QStringLiteral("tcp://127.0.0.1:70000"), QStringLiteral("no valid port"));
        bad("icmp with port", QStringLiteral("icmp://10.0.0.2:80"), QStringLiteral("has no port"));
        bad("dns without name", QStringLiteral("dns://127.0.0.1:5353"), QStringLiteral("names nothing to query"));
        bad("dns bad type", QStringLiteral("dns://127.0.0.1/example.org?type=BOGUS"), QStringLiteral("unknown DNS record type"));
        bad("dns bad rcode", QStringLiteral("dns://127.0.0.1/example.org?rcode=MAYBE"), QStringLiteral("unknown DNS response code"));
        bad("dns bad option", QStringLiteral("dns://127.0.0.1/example.org?retries=3"), QStringLiteral("unknown option \"retries\""));
        bad("http without host", QStringLiteral("http:///path"), QStringLiteral("wants an http:// URL"));
    }

    void fromUrl()
    {
        QFETCH(QString, url);
        QFETCH(int, kind);
        QFETCH(QString, address);
        QFETCH(QString, queryName);
        QFETCH(int, queryType);
        QFETCH(QString, error);
        auto parsed = ProbeTarget::fromUrl(url);
        if (!error.isEmpty()) {
            QVERIFY(!parsed);
            QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
            return;
        }
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(int(parsed->kind), kind);
        QCOMPARE(parsed->address, address);
        QCOMPARE(parsed->name, url);
        QCOMPARE(parsed->dnsQueryName, queryName);
        if (parsed->kind == ProbeKind::Dns)
            QCOMPARE(int(parsed->dnsQueryType), queryType);
    }

    void addTargetValidation()
    {
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        ProbeTarget tcp = target(QStringLiteral("tcp://127.0.0.1:1"));
        QVERIFY(prober.addTarget(tcp));
        auto duplicate = prober.addTarget(tcp);
        QVERIFY(!duplicate);
        QVERIFY(duplicate.error().contains(QLatin1String("already configured")));
        ProbeTarget slow = tcp;
        slow.name = QStringLiteral("slow");
        slow.timeout = std::chrono::milliseconds(2000);
        auto refused = prober.addTarget(slow);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("at most the interval")), qPrintable(refused.error()));
        ProbeTarget noKind;
        noKind.address = QStringLiteral("10.0.0.1");
        QVERIFY(!prober.addTarget(noKind));
        ProbeTarget badAddress;
        badAddress.kind = ProbeKind::Tcp;
        badAddress.address = QStringLiteral("127.0.0.1");
        QVERIFY(!prober.addTarget(badAddress));
        QCOMPARE(prober.targetNames(), QStringList{tcp.name});
        QVERIFY(prober.removeTarget(tcp.name));
        QVERIFY(!prober.removeTarget(tcp.name));
    }

    void icmpLoopback()
    {
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        const QString v4 = *prober.addTarget(target(QStringLiteral("icmp://127.0.0.1")));
        // IPv6 only where this machine has ::1.
        QUdpSocket v6Check;
        const bool haveV6 = v6Check.bind(QHostAddress::LocalHostIPv6, 0);
        QString v6;
        if (haveV6)
            v6 = *prober.addTarget(target(QStringLiteral("icmp://[::1]")));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(probed(collector, v4) >= 2, WaitMs);
        const auto status = prober.targetStatus(v4);
        QVERIFY2(status->health == TargetHealth::Up, qPrintable(status->lastError));
        QCOMPARE(collector.last(QStringLiteral("probe_success"), v4), 1.0);
        const double rtt = collector.last(QStringLiteral("probe_icmp_rtt_seconds"), v4).value_or(-1);
        QVERIFY2(rtt > 0 && rtt < 2.0, qPrintable(QString::number(rtt)));
        QCOMPARE(collector.last(QStringLiteral("probe_icmp_reply_hop_limit"), v4), defaultTtl());
        QVERIFY(collector.last(QStringLiteral("probe_duration_seconds"), v4).value_or(-1) >= rtt);
        const IcmpSocketMode mode = prober.icmpSocketInUse();
        QVERIFY(mode == IcmpSocketMode::Datagram || mode == IcmpSocketMode::Raw);
        qInfo("ICMP through a %s socket", qPrintable(toString(mode)));
        const auto series = collector.series(QStringLiteral("probe_success"), {{QStringLiteral("target"), v4}});
        QCOMPARE(series.constFirst().labels.value(QStringLiteral("kind")), QStringLiteral("icmp"));
        if (haveV6) {
            QTRY_VERIFY_WITH_TIMEOUT(probed(collector, v6) >= 1, WaitMs);
            QVERIFY2(prober.targetStatus(v6)->health == TargetHealth::Up, qPrintable(prober.targetStatus(v6)->lastError));
            QVERIFY(collector.last(QStringLiteral("probe_icmp_rtt_seconds"), v6).value_or(-1) > 0);
        } else {
            qInfo("no ::1 here: IPv6 ICMP not checked");
        }
    }

    /// Both socket kinds by force: raw works as root; datagram is refused with the reason when
    /// the group is outside ping_group_range (tst_activeprobernetns opens one where it is not).
    void icmpSocketModes()
    {
        {
            SampleCollector collector;
            ActiveProber prober(collector.sink());
            prober.setIcmpSocketMode(IcmpSocketMode::Raw);
            const QString name = *prober.addTarget(target(QStringLiteral("icmp://127.0.0.2")));
            prober.start();
            QTRY_VERIFY_WITH_TIMEOUT(probed(collector, name) >= 1, WaitMs);
            const auto status = prober.targetStatus(name);
            if (::geteuid() == 0) {
                QVERIFY2(status->health == TargetHealth::Up, qPrintable(status->lastError));
                QCOMPARE(toString(prober.icmpSocketInUse()), toString(IcmpSocketMode::Raw));
            } else {
                QCOMPARE(status->health, TargetHealth::Down);
                QVERIFY2(status->lastError.contains(QLatin1String("CAP_NET_RAW")), qPrintable(status->lastError));
            }
        }
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        prober.setIcmpSocketMode(IcmpSocketMode::Datagram);
        const QString name = *prober.addTarget(target(QStringLiteral("icmp://127.0.0.1")));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(probed(collector, name) >= 1, WaitMs);
        const auto status = prober.targetStatus(name);
        if (groupMayPing()) {
            QVERIFY2(status->health == TargetHealth::Up, qPrintable(status->lastError));
            QCOMPARE(toString(prober.icmpSocketInUse()), toString(IcmpSocketMode::Datagram));
        } else {
            QCOMPARE(status->health, TargetHealth::Down);
            QCOMPARE(collector.last(QStringLiteral("probe_success"), name), 0.0);
            QVERIFY2(status->lastError.contains(QLatin1String("net.ipv4.ping_group_range")), qPrintable(status->lastError));
        }
    }

    void tcpLoopback()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int accepted = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                ++accepted;
                socket->deleteLater();
            }
        });
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = closed.serverPort();
        closed.close();

        SampleCollector collector;
        ActiveProber prober(collector.sink());
        ProbeTarget open = target(QStringLiteral("tcp://127.0.0.1:%1").arg(server.serverPort()));
        open.labels = {{QStringLiteral("link"), QStringLiteral("link-a-b")},
                       {QStringLiteral("from"), QStringLiteral("a")},
                       {QStringLiteral("to"), QStringLiteral("b")}};
        open.oneWayLatencyMetric = QLatin1String(Metrics::LinkLatencySeconds);
        const QString openName = *prober.addTarget(open);
        const QString closedName = *prober.addTarget(target(QStringLiteral("tcp://127.0.0.1:%1").arg(closedPort)));
        const QString byName = *prober.addTarget(target(QStringLiteral("tcp://localhost:%1").arg(server.serverPort())));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(probed(collector, openName) >= 2 && probed(collector, closedName) >= 2
                                     && probed(collector, byName) >= 1,
                                 WaitMs);
        QVERIFY2(prober.targetStatus(openName)->health == TargetHealth::Up, qPrintable(prober.targetStatus(openName)->lastError));
        QCOMPARE(collector.last(QStringLiteral("probe_success"), openName), 1.0);
        const double connect = collector.last(QStringLiteral("probe_tcp_connect_seconds"), openName).value_or(-1);
        QVERIFY2(connect > 0 && connect < 2.0, qPrintable(QString::number(connect)));
        QTRY_VERIFY_WITH_TIMEOUT(accepted >= 2, WaitMs);
        // The probe's labels are on every series; link latency is half the connect time.
        const auto success = collector.series(QStringLiteral("probe_success"), {{QStringLiteral("target"), openName}});
        QCOMPARE(success.constLast().labels.value(QStringLiteral("link")), QStringLiteral("link-a-b"));
        QCOMPARE(success.constLast().labels.value(QStringLiteral("kind")), QStringLiteral("tcp"));
        const auto link = collector.series(QLatin1String(Metrics::LinkLatencySeconds),
                                           {{QStringLiteral("link"), QStringLiteral("link-a-b")},
                                            {QStringLiteral("source"), QStringLiteral("measured")}});
        QVERIFY(!link.isEmpty());
        QCOMPARE(link.constLast().labels.value(QStringLiteral("from")), QStringLiteral("a"));
        QVERIFY(!link.constLast().labels.contains(QStringLiteral("target")));
        const QList<double> connects = collector.values(QStringLiteral("probe_tcp_connect_seconds"), openName);
        QVERIFY(connects.contains(link.constLast().samples.constFirst().value * 2.0));

        // Refused: a fast, clear failure, not a timeout; no link latency from a failed probe.
        const auto refused = prober.targetStatus(closedName);
        QCOMPARE(refused->health, TargetHealth::Down);
        QVERIFY2(refused->lastError.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(refused->lastError));
        QCOMPARE(collector.last(QStringLiteral("probe_success"), closedName), 0.0);
        QVERIFY(collector.values(QStringLiteral("probe_tcp_connect_seconds"), closedName).isEmpty());

        // A host name is resolved first, and the lookup is timed.
        QVERIFY2(prober.targetStatus(byName)->health == TargetHealth::Up, qPrintable(prober.targetStatus(byName)->lastError));
        QVERIFY(collector.last(QStringLiteral("probe_dns_lookup_time_seconds"), byName).value_or(-1) >= 0);
        QVERIFY(!collector.last(QStringLiteral("probe_dns_lookup_time_seconds"), openName));
    }

    void httpLoopback()
    {
        auto server = TestHttpServer::plain();
        QVERIFY(server);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server->port());
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        const QString ok = *prober.addTarget(target(base + QStringLiteral("/ok")));
        const QString missing = *prober.addTarget(target(base + QStringLiteral("/missing")));
        ProbeTarget expectMissing = target(base + QStringLiteral("/missing"));
        expectMissing.name = QStringLiteral("expect-404");
        expectMissing.expectedStatusCodes = {404, 410};
        const QString expected = *prober.addTarget(expectMissing);
        const QString silent = *prober.addTarget(target(base + QStringLiteral("/silent"), 1500, 700));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(probed(collector, ok) >= 2 && probed(collector, missing) >= 1
                                     && probed(collector, expected) >= 1 && probed(collector, silent) >= 1,
                                 WaitMs);
        QVERIFY2(prober.targetStatus(ok)->health == TargetHealth::Up, qPrintable(prober.targetStatus(ok)->lastError));
        QCOMPARE(collector.last(QStringLiteral("probe_http_status_code"), ok), 200.0);
        QCOMPARE(collector.last(QStringLiteral("probe_http_content_length"), ok), 5.0);
        QCOMPARE(collector.last(QStringLiteral("probe_http_ssl"), ok), 0.0);
        const double firstByte = collector.last(QStringLiteral("probe_http_first_byte_seconds"), ok).value_or(-1);
        QVERIFY(firstByte > 0);
        QVERIFY(collector.last(QStringLiteral("probe_duration_seconds"), ok).value_or(-1) >= firstByte);

        QCOMPARE(collector.last(QStringLiteral("probe_success"), missing), 0.0);
        QCOMPARE(collector.last(QStringLiteral("probe_http_status_code"), missing), 404.0);
        QVERIFY2(prober.targetStatus(missing)->lastError.contains(QLatin1String("returned HTTP 404 (expected 2xx)")),
                 qPrintable(prober.targetStatus(missing)->lastError));
        QCOMPARE(collector.last(QStringLiteral("probe_success"), expected), 1.0);

        QCOMPARE(collector.last(QStringLiteral("probe_success"), silent), 0.0);
        QVERIFY2(prober.targetStatus(silent)->lastError.contains(QLatin1String("timed out after 700 ms")),
                 qPrintable(prober.targetStatus(silent)->lastError));
        QVERIFY(!collector.last(QStringLiteral("probe_http_status_code"), silent));
    }

    void httpsLoopback()
    {
        const auto certificate = makeCertificate(3);
        if (!certificate)
            QSKIP("this build has no OpenSSL to make a test certificate with");
        auto server = TestHttpServer::tls(certificate->certificate, certificate->key);
        QVERIFY(server);
        const QString url = QStringLiteral("https://127.0.0.1:%1/ok").arg(server->port());
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        ProbeTarget trusted = target(url, 1000, 1000);
        trusted.name = QStringLiteral("trusted");
        trusted.caCertificates = {certificate->certificate};
        ProbeTarget untrusted = target(url);
        untrusted.name = QStringLiteral("untrusted");
        ProbeTarget skipping = target(url);
        skipping.name = QStringLiteral("skip-verify");
        skipping.tlsVerification = TlsVerification::SkipVerify;
        for (const ProbeTarget &added : {trusted, untrusted, skipping})
            QVERIFY(prober.addTarget(added));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(probed(collector, trusted.name) >= 1 && probed(collector, untrusted.name) >= 1
                                     && probed(collector, skipping.name) >= 1,
                                 WaitMs);
        QVERIFY2(prober.targetStatus(trusted.name)->health == TargetHealth::Up,
                 qPrintable(prober.targetStatus(trusted.name)->lastError));
        QCOMPARE(collector.last(QStringLiteral("probe_http_status_code"), trusted.name), 200.0);
        QCOMPARE(collector.last(QStringLiteral("probe_http_ssl"), trusted.name), 1.0);
        const qint64 expiry = certificate->certificate.expiryDate().toSecsSinceEpoch();
        QCOMPARE(collector.last(QStringLiteral("probe_ssl_earliest_cert_expiry"), trusted.name), double(expiry));
        const double remaining =
            collector.last(QStringLiteral("probe_ssl_earliest_cert_expiry_remaining_seconds"), trusted.name).value_or(-1);
        QVERIFY2(remaining > 3 * 86400 - 3600 && remaining <= 3 * 86400, qPrintable(QString::number(remaining)));

        QCOMPARE(prober.targetStatus(untrusted.name)->health, TargetHealth::Down);
        QCOMPARE(collector.last(QStringLiteral("probe_success"), untrusted.name), 0.0);
        QVERIFY2(prober.targetStatus(untrusted.name)->lastError.contains(QLatin1String("GET ")),
                 qPrintable(prober.targetStatus(untrusted.name)->lastError));

        QVERIFY2(prober.targetStatus(skipping.name)->health == TargetHealth::Up,
                 qPrintable(prober.targetStatus(skipping.name)->lastError));
        QCOMPARE(collector.last(QStringLiteral("probe_ssl_earliest_cert_expiry"), skipping.name), double(expiry));
    }

    void dnsLoopback()
    {
        TestDnsResponder responder;
        QVERIFY(responder.port() != 0);
        QUdpSocket closed;
        QVERIFY(closed.bind(QHostAddress::LocalHost, 0));
        const quint16 closedPort = closed.localPort();
        closed.close();
        const QString server = QStringLiteral("dns://127.0.0.1:%1/").arg(responder.port());
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        const QString a = *prober.addTarget(target(server + QStringLiteral("example.org")));
        const QString aaaa = *prober.addTarget(target(server + QStringLiteral("example.org?type=AAAA")));
        const QString nxdomain = *prober.addTarget(target(server + QStringLiteral("missing.example")));
        const QString expectNx = *prober.addTarget(target(server + QStringLiteral("missing.example?rcode=NXDOMAIN")));
        const QString garbage = *prober.addTarget(target(server + QStringLiteral("garbage.example")));
        const QString silent = *prober.addTarget(target(server + QStringLiteral("silent.example"), 1500, 600));
        const QString refused = *prober.addTarget(target(QStringLiteral("dns://127.0.0.1:%1/example.org").arg(closedPort), 1500, 1000));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(probed(collector, a) >= 2 && probed(collector, aaaa) >= 1 && probed(collector, nxdomain) >= 1
                                     && probed(collector, expectNx) >= 1 && probed(collector, garbage) >= 1
                                     && probed(collector, silent) >= 1 && probed(collector, refused) >= 1,
                                 WaitMs);
        QVERIFY2(prober.targetStatus(a)->health == TargetHealth::Up, qPrintable(prober.targetStatus(a)->lastError));
        QCOMPARE(collector.last(QStringLiteral("probe_dns_answer_count"), a), 1.0);
        QCOMPARE(collector.last(QStringLiteral("probe_dns_rcode"), a), 0.0);
        QVERIFY(collector.last(QStringLiteral("probe_dns_rtt_seconds"), a).value_or(-1) > 0);
        QCOMPARE(collector.last(QStringLiteral("probe_success"), aaaa), 1.0);
        QCOMPARE(collector.last(QStringLiteral("probe_dns_answer_count"), aaaa), 1.0);

        QCOMPARE(collector.last(QStringLiteral("probe_success"), nxdomain), 0.0);
        QCOMPARE(collector.last(QStringLiteral("probe_dns_rcode"), nxdomain), 3.0);
        QVERIFY2(prober.targetStatus(nxdomain)->lastError.contains(QLatin1String("answered NXDOMAIN (expected NOERROR)")),
                 qPrintable(prober.targetStatus(nxdomain)->lastError));
        QCOMPARE(collector.last(QStringLiteral("probe_success"), expectNx), 1.0);

        QCOMPARE(collector.last(QStringLiteral("probe_success"), garbage), 0.0);
        QVERIFY2(prober.targetStatus(garbage)->lastError.startsWith(QLatin1String("malformed DNS response: ")),
                 qPrintable(prober.targetStatus(garbage)->lastError));

        QCOMPARE(collector.last(QStringLiteral("probe_success"), silent), 0.0);
        QVERIFY2(prober.targetStatus(silent)->lastError.contains(QLatin1String("timed out after 600 ms while waiting for a DNS response")),
                 qPrintable(prober.targetStatus(silent)->lastError));

        // ICMP port unreachable fails the probe at once instead of leaving it to time out.
        QCOMPARE(collector.last(QStringLiteral("probe_success"), refused), 0.0);
        QVERIFY2(prober.targetStatus(refused)->lastError.contains(QLatin1String("connection refused")),
                 qPrintable(prober.targetStatus(refused)->lastError));
    }

    /// A target that never answers holds up nobody: a fast one keeps its cadence meanwhile.
    void slowTargetDelaysNobody()
    {
        auto server = TestHttpServer::plain();
        QVERIFY(server);
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = listener.nextPendingConnection())
                socket->deleteLater();
        });
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        const QString slow = *prober.addTarget(target(QStringLiteral("http://127.0.0.1:%1/silent").arg(server->port()), 60000, 50000));
        const QString fast = *prober.addTarget(target(QStringLiteral("tcp://127.0.0.1:%1").arg(listener.serverPort()), 200, 200));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(server->requests() >= 1, WaitMs);
        const qsizetype before = probed(collector, fast);
        QTRY_VERIFY_WITH_TIMEOUT(probed(collector, fast) >= before + 5, WaitMs);
        QCOMPARE(probes(prober, slow), 0); // still waiting for its answer
        QCOMPARE(prober.targetStatus(fast)->health, TargetHealth::Up);
    }

    /// Hundreds of targets on one thread and one ICMP socket: every reply finds its probe.
    void manyTargets()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = listener.nextPendingConnection())
                socket->deleteLater();
        });
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        QStringList targetNames;
        for (int i = 1; i <= 250; ++i)
            targetNames.append(*prober.addTarget(target(QStringLiteral("icmp://127.0.%1.%2").arg(i / 200).arg(1 + i % 200), 3000, 3000)));
        for (int i = 0; i < 100; ++i) {
            ProbeTarget tcp = target(QStringLiteral("tcp://127.0.0.1:%1").arg(listener.serverPort()), 3000, 3000);
            tcp.name = QStringLiteral("tcp-%1").arg(i);
            targetNames.append(*prober.addTarget(tcp));
        }
        prober.start();
        // Every target succeeds (a reply that found the wrong probe, or none, would leave some
        // failing for good); a probe lost to a loaded machine is retried every 3 s.
        const auto failing = [&] {
            QStringList failures;
            for (const QString &name : std::as_const(targetNames)) {
                const auto status = prober.targetStatus(name);
                if (!status || status->probesTotal == status->failedProbesTotal)
                    failures.append(name + QLatin1String(": ") + (status ? status->lastError : QString()));
            }
            return failures;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(failing().isEmpty(), qPrintable(failing().mid(0, 5).join(QLatin1Char('\n'))), 60000);
        // Results are handed over in batches, not one call per probe.
        QVERIFY2(collector.calls() < int(targetNames.size()), qPrintable(QString::number(collector.calls())));
    }

    void removeAndStopWhileInFlight()
    {
        auto server = TestHttpServer::plain();
        QVERIFY(server);
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        const QString silent = QStringLiteral("http://127.0.0.1:%1/silent").arg(server->port());
        const QString removed = *prober.addTarget(target(silent, 20000, 15000));
        ProbeTarget kept = target(silent, 20000, 15000);
        kept.name = QStringLiteral("kept");
        QVERIFY(prober.addTarget(kept));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(server->requests() >= 2, WaitMs);
        QVERIFY(prober.removeTarget(removed));
        QVERIFY(!prober.targetStatus(removed));
        QElapsedTimer timer;
        timer.start();
        prober.stop();
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!prober.isRunning());
        const qsizetype delivered = collector.batchCount();
        QTest::qWait(300);
        QCOMPARE(collector.batchCount(), delivered);
        QCOMPARE(probes(prober, kept.name), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ActiveProber)
#include "tst_activeprober.moc"
