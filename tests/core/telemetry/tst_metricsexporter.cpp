#include "ServiceFixture.h"

#include "ContinuoVersion.h"
#include "telemetry/MetricsExporter.h"
#include "telemetry/PrometheusTextParser.h"
#include "telemetry/TelemetryHub.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <atomic>

using namespace Continuo;
using namespace Continuo::Test;

namespace {

const SeriesBatch *findSeries(const ParsedExposition &parsed, const QString &key)
{
    for (const auto &batch : parsed.series) {
        if (batch.key() == key)
            return &batch;
    }
    return nullptr;
}

/// Value of the first series an instant query returns, if any.
std::optional<double> queryPrometheus(QNetworkAccessManager &manager, quint16 port, const QString &expression)
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v1/query").arg(port));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("query"), expression);
    url.setQuery(query);
    const HttpResult result = httpRequest(manager, url, "GET", 2000);
    if (result.status != 200)
        return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(result.body).object();
    if (root.value(QStringLiteral("status")).toString() != QLatin1String("success"))
        return std::nullopt;
    const QJsonArray series = root.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray();
    if (series.isEmpty())
        return std::nullopt;
    const QJsonArray value = series.first().toObject().value(QStringLiteral("value")).toArray();
    if (value.size() != 2)
        return std::nullopt;
    bool ok = false;
    const double number = value.at(1).toString().toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

constexpr int PrometheusDeadlineMs = 60000;

} // namespace


class tst_MetricsExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { useNoProxy(m_manager); }

    void servesOwnHealth()
    {
        TelemetryHub hub;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        hub.ingest({SeriesBatch{QStringLiteral("a"), {}, {Sample{now - 1, 1}, Sample{now, 2}}},
                    SeriesBatch{QStringLiteral("b"), {}, {Sample{now, 3}}}});
        std::atomic<qint64> grpcCalls{41};

        MetricsExporter exporter;
        exporter.addProcessMetrics();
        exporter.addTelemetryHubMetrics(&hub);
        exporter.addGrpcCallCounter([&grpcCalls] { return double(grpcCalls.load()); });
        const auto port = exporter.listen(QHostAddress(QHostAddress::LocalHost), 0);
        QVERIFY2(port.hasValue(), qPrintable(port.error()));
        QVERIFY(*port != 0);
        QCOMPARE(exporter.serverPort(), *port);
        QCOMPARE(exporter.metricsUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(*port)));

        ++grpcCalls;
        const HttpResult response = httpRequest(m_manager, exporter.metricsUrl());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        const auto parsed = PrometheusTextParser::parse(
            response.body, ExpositionParseOptions{ExpositionFormat::PrometheusText, 0, ParseErrorPolicy::RejectScrape});
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error() + QLatin1Char('\n') + QString::fromUtf8(response.body)));

        auto value = [&](const QString &key) -> double {
            const SeriesBatch *series = findSeries(*parsed, key);
            if (!series)
                qWarning("missing %s in\n%s", qPrintable(key), response.body.constData());
            return series ? series->samples.first().value : -1;
        };
        QVERIFY(value(QStringLiteral("process_resident_memory_bytes")) > 1024 * 1024);
        QVERIFY(value(QStringLiteral("process_virtual_memory_bytes")) >= value(QStringLiteral("process_resident_memory_bytes")));
        QVERIFY(value(QStringLiteral("process_cpu_seconds_total")) >= 0);
        QVERIFY(value(QStringLiteral("process_open_fds")) >= 3);
        const double start = value(QStringLiteral("process_start_time_seconds"));
        QVERIFY(start > 1.5e9 && start <= double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 + 1);
        const double uptime = value(QStringLiteral("continuo_uptime_seconds"));
        QVERIFY(uptime >= 0 && uptime < 3600);
        QCOMPARE(value(QStringLiteral("continuo_telemetry_samples_ingested_total")), 3.0);
        QCOMPARE(value(QStringLiteral("continuo_telemetry_series")), 2.0);
        QCOMPARE(value(QStringLiteral("continuo_grpc_calls_total")), 42.0);
        QCOMPARE(value(QStringLiteral("continuo_build_info{qt_version=\"%1\",version=\"%2\"}")
                           .arg(QString::fromLatin1(qVersion()), QString::fromLatin1(Continuo::Version))),
                 1.0);

        QCOMPARE(toString(parsed->metadataFor(QStringLiteral("process_cpu_seconds_total"))->type), toString(MetricType::Counter));
        QCOMPARE(toString(parsed->metadataFor(QStringLiteral("process_resident_memory_bytes"))->type), toString(MetricType::Gauge));
        QCOMPARE(parsed->metadataFor(QStringLiteral("continuo_grpc_calls_total"))->help,
                 QStringLiteral("gRPC calls handled by the daemon."));
        QCOMPARE(exporter.scrapesServedTotal(), qint64(1));
    }

    void otherPathsAndMethods_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<int>("status");
        QTest::newRow("GET /metrics") << "/metrics" << QByteArray("GET") << 200;
        QTest::newRow("GET /") << "/" << QByteArray("GET") << 404;
        QTest::newRow("GET /metrics/extra") << "/metrics/extra" << QByteArray("GET") << 404;
        QTest::newRow("GET /api/v1/query") << "/api/v1/query" << QByteArray("GET") << 404;
        QTest::newRow("POST /metrics") << "/metrics" << QByteArray("POST") << 405;
        QTest::newRow("PUT /metrics") << "/metrics" << QByteArray("PUT") << 405;
        QTest::newRow("DELETE /metrics") << "/metrics" << QByteArray("DELETE") << 405;
    }

    void otherPathsAndMethods()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, verb);
        QFETCH(int, status);
        MetricsExporter exporter;
        QVERIFY(exporter.addGauge(QStringLiteral("g"), QStringLiteral("A gauge."), [] { return 1.0; }).hasValue());
        const auto port = exporter.listen();
        QVERIFY2(port.hasValue(), qPrintable(port.error()));
        const HttpResult response =
            httpRequest(m_manager, QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(*port).arg(path)), verb);
        QCOMPARE(response.status, status);
        if (status == 405)
            QCOMPARE(response.allow, QByteArray("GET"));
        QCOMPARE(exporter.scrapesServedTotal(), qint64(status == 200 ? 1 : 0));
    }

    void listenFailsClearly()
    {
        MetricsExporter first;
        const auto port = first.listen();
        QVERIFY(port.hasValue());
        MetricsExporter second;
        const auto clash = second.listen(QHostAddress(QHostAddress::LocalHost), *port);
        QVERIFY(!clash.hasValue());
        QVERIFY2(clash.error().contains(QString::number(*port)), qPrintable(clash.error()));
        QVERIFY(!second.isListening());
        first.close();
        QVERIFY(!first.isListening());
        QVERIFY(first.metricsUrl().isEmpty());
    }

    void registryRules()
    {
        MetricsExporter exporter;
        auto one = [] { return 1.0; };
        QVERIFY(exporter.addCounter(QStringLiteral("jobs_total"), QStringLiteral("Jobs."), one,
                                    {{QStringLiteral("queue"), QStringLiteral("a")}}).hasValue());
        QVERIFY(exporter.addCounter(QStringLiteral("jobs_total"), QString(), one,
                                    {{QStringLiteral("queue"), QStringLiteral("b \"quoted\"\nline")}}).hasValue());
        QVERIFY(!exporter.addCounter(QStringLiteral("jobs_total"), QString(), one,
                                     {{QStringLiteral("queue"), QStringLiteral("a")}}).hasValue());
        QVERIFY(!exporter.addGauge(QStringLiteral("jobs_total"), QString(), one).hasValue());
        QVERIFY(!exporter.addGauge(QStringLiteral("1bad"), QString(), one).hasValue());
        QVERIFY(!exporter.addGauge(QStringLiteral("bad-name"), QString(), one).hasValue());
        QVERIFY(!exporter.addGauge(QStringLiteral("ok"), QString(), one, {{QStringLiteral("__reserved"), QString()}}).hasValue());
        QVERIFY(!exporter.addGauge(QStringLiteral("ok"), QString(), {}).hasValue());
        QVERIFY(exporter.addGauge(QStringLiteral("weird"), QStringLiteral("Help with \\ and\nnewline."),
                                  [] { return qQNaN(); }).hasValue());
        QVERIFY(exporter.addGauge(QStringLiteral("hot"), QString(), [] { return qInf(); }).hasValue());

        // What we write, our parser (and Prometheus, below) reads back exactly.
        const QByteArray text = exporter.render();
        const auto parsed = PrometheusTextParser::parse(text, ExpositionParseOptions{});
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
        QCOMPARE(parsed->series.size(), 4);
        QCOMPARE(parsed->series[1].labels.value(QStringLiteral("queue")), QStringLiteral("b \"quoted\"\nline"));
        QVERIFY(std::isnan(parsed->series[2].samples.first().value));
        QCOMPARE(parsed->series[3].samples.first().value, qInf());
        QCOMPARE(parsed->metadata.size(), 3);
        QCOMPARE(parsed->metadata[0].help, QStringLiteral("Jobs."));
        QCOMPARE(parsed->metadata[1].help, QStringLiteral("Help with \\ and\nnewline."));
        QVERIFY(text.count("# TYPE jobs_total counter") == 1);
    }

    void reexportsHubSeries()
    {
        TelemetryHub hub;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        hub.ingest({SeriesBatch{QStringLiteral("node_cpu_utilisation"), {{QStringLiteral("node"), QStringLiteral("n1")}},
                                {Sample{now - 1000, 0.25}, Sample{now, 0.5}}},
                    SeriesBatch{QStringLiteral("node_cpu_utilisation"), {{QStringLiteral("node"), QStringLiteral("n2")}},
                                {Sample{now, 0.75}}},
                    SeriesBatch{QStringLiteral("node_cpu_utilisation"), {{QStringLiteral("node"), QStringLiteral("stale")}},
                                {Sample{now - 3600 * 1000, 0.1}}},
                    SeriesBatch{QStringLiteral("link.latency-seconds"), {{QStringLiteral("link-id"), QStringLiteral("l1")}},
                                {Sample{now, 0.002}}},
                    SeriesBatch{QStringLiteral("process_open_fds"), {}, {Sample{now, 1e6}}},
                    SeriesBatch{QStringLiteral("not_chosen"), {}, {Sample{now, 9}}}});
        MetricsExporter exporter;
        exporter.addProcessMetrics();
        exporter.setTelemetryHub(&hub);
        exporter.addReexport(*SeriesMatcher::parse(QStringLiteral("node_cpu_utilisation")));
        exporter.addReexport(*SeriesMatcher::parse(QStringLiteral("node_cpu_utilisation{node=\"n1\"}"))); // overlaps
        exporter.addReexport(SeriesMatcher{QStringLiteral("link.latency-seconds"), {}}); // not a Prometheus name
        exporter.addReexport(*SeriesMatcher::parse(QStringLiteral("process_open_fds"))); // clashes: own wins
        const auto parsed = PrometheusTextParser::parse(exporter.render(), ExpositionParseOptions{});
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
        QCOMPARE(findSeries(*parsed, QStringLiteral("node_cpu_utilisation{node=\"n1\"}"))->samples.first().value, 0.5);
        QCOMPARE(findSeries(*parsed, QStringLiteral("node_cpu_utilisation{node=\"n2\"}"))->samples.first().value, 0.75);
        QVERIFY(!findSeries(*parsed, QStringLiteral("node_cpu_utilisation{node=\"stale\"}")));
        QCOMPARE(findSeries(*parsed, QStringLiteral("link_latency_seconds{link_id=\"l1\"}"))->samples.first().value, 0.002);
        QVERIFY(!findSeries(*parsed, QStringLiteral("not_chosen")));
        QVERIFY(findSeries(*parsed, QStringLiteral("process_open_fds"))->samples.first().value < 1e6);
        int cpuSeries = 0;
        for (const auto &series : parsed->series)
            cpuSeries += series.metric == QLatin1String("node_cpu_utilisation");
        QCOMPARE(cpuSeries, 2);
        QCOMPARE(toString(parsed->metadataFor(QStringLiteral("node_cpu_utilisation"))->type), toString(MetricType::Untyped));
    }

    void procSelfStat()
    {
        // proc(5): a command name with spaces and parentheses must not shift the fields.
        const QByteArray selfStat =
            "4242 (my (odd) daemon) S 1 4242 4242 0 -1 4194560 1200 0 0 0 250 150 0 0 20 0 9 0 "
            "360000 734003200 12800 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n";
        const QByteArray procStat = "cpu  1 2 3 4\nbtime 1700000000\nprocesses 99\n";
        const auto stats = MetricsExporter::parseProcSelfStat(selfStat, procStat, 100, 4096);
        QVERIFY2(stats.hasValue(), qPrintable(stats.error()));
        QCOMPARE(stats->cpuSeconds, 4.0);
        QCOMPARE(stats->virtualBytes, qint64(734003200));
        QCOMPARE(stats->residentBytes, qint64(12800) * 4096);
        QCOMPARE(stats->startTimeSeconds, 1700000000.0 + 3600.0);
        QVERIFY(!MetricsExporter::parseProcSelfStat("garbage", procStat, 100, 4096).hasValue());
        QVERIFY(!MetricsExporter::parseProcSelfStat("1 (x) S 1 2", procStat, 100, 4096).hasValue());
        const auto noBoot = MetricsExporter::parseProcSelfStat(selfStat, QByteArray(), 100, 4096);
        QVERIFY(noBoot.hasValue());
        QCOMPARE(noBoot->startTimeSeconds, 0.0);
        QVERIFY(MetricsExporter::readProcessStats().hasValue());
    }

    /// A real Prometheus server scrapes the exporter once a second; its query API must show the
    /// target up and a Continuo metric with our value.
    void realPrometheusScrapesUs()
    {
        const QString prometheus = ServiceProcess::findProgram(QStringLiteral("prometheus"));
        if (prometheus.isEmpty())
            QSKIP("prometheus is not installed (installer/debian-packages.txt)");
        TelemetryHub hub;
        hub.ingest({SeriesBatch{QStringLiteral("node_cpu_utilisation"), {{QStringLiteral("node"), QStringLiteral("n1")}},
                                {Sample{QDateTime::currentMSecsSinceEpoch(), 0.625}}}});
        MetricsExporter exporter;
        exporter.addProcessMetrics();
        exporter.addTelemetryHubMetrics(&hub);
        exporter.addGrpcCallCounter([] { return 7.0; });
        exporter.setTelemetryHub(&hub);
        exporter.addReexport(*SeriesMatcher::parse(QStringLiteral("node_cpu_utilisation")));
        const auto exporterPort = exporter.listen();
        QVERIFY2(exporterPort.hasValue(), qPrintable(exporterPort.error()));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString config = dir.filePath(QStringLiteral("prometheus.yml"));
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("global:\n"
                                      "  scrape_interval: 1s\n"
                                      "  scrape_timeout: 1s\n"
                                      "  evaluation_interval: 1s\n"
                                      "scrape_configs:\n"
                                      "  - job_name: continuo\n"
                                      "    static_configs:\n"
                                      "      - targets: ['127.0.0.1:%1']\n")
                           .arg(*exporterPort)
                           .toUtf8());
        }
        const quint16 prometheusPort = freeLoopbackPort();
        QVERIFY(prometheusPort != 0);
        ServiceProcess server;
        QVERIFY(server.start(prometheus,
                             {QStringLiteral("--config.file=") + config,
                              QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("data")),
                              QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(prometheusPort)},
                             dir.filePath(QStringLiteral("prometheus.log"))));

        // Prometheus scrapes us on this thread's event loop, which QTRY keeps running.
        QTRY_VERIFY2_WITH_TIMEOUT(queryPrometheus(m_manager, prometheusPort, QStringLiteral("up{job=\"continuo\"}")) == 1.0,
                                  server.logTail().constData(), PrometheusDeadlineMs);
        QTRY_VERIFY2_WITH_TIMEOUT(queryPrometheus(m_manager, prometheusPort, QStringLiteral("continuo_grpc_calls_total{job=\"continuo\"}")) == 7.0,
                                  server.logTail().constData(), PrometheusDeadlineMs);
        QTRY_VERIFY_WITH_TIMEOUT(queryPrometheus(m_manager, prometheusPort, QStringLiteral("node_cpu_utilisation{node=\"n1\"}")) == 0.625,
                                 PrometheusDeadlineMs);
        const auto resident = queryPrometheus(m_manager, prometheusPort, QStringLiteral("process_resident_memory_bytes{job=\"continuo\"}"));
        QVERIFY(resident && *resident > 0);
        const auto build = queryPrometheus(m_manager, prometheusPort, QStringLiteral("continuo_build_info{version=\"%1\"}").arg(QString::fromLatin1(Continuo::Version)));
        QCOMPARE(build, std::optional<double>(1.0));
        QVERIFY(exporter.scrapesServedTotal() >= 1);
        server.stop();
        QVERIFY(!server.isRunning());
    }

private:
    QNetworkAccessManager m_manager;
};

QTEST_GUILESS_MAIN(tst_MetricsExporter)
#include "tst_metricsexporter.moc"
