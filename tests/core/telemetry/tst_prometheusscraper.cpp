#include "ServiceFixture.h"

#include "plugin/IPluginHost.h"
#include "telemetry/PrometheusScraper.h"

#include <QDateTime>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;
using namespace Continuo::Test;

namespace QTest {
template<>
char *toString(const Continuo::TargetHealth &health)
{
    switch (health) {
    case Continuo::TargetHealth::Up: return qstrdup("Up");
    case Continuo::TargetHealth::Down: return qstrdup("Down");
    case Continuo::TargetHealth::Unknown: break;
    }
    return qstrdup("Unknown");
}
} // namespace QTest

namespace {

/// Thread-safe sink: the scraper calls it from its own thread.
class Collector
{
public:
    PrometheusScraper::Sink sink()
    {
        return [this](const QList<SeriesBatch> &batches) {
            QMutexLocker locker(&m_mutex);
            m_batches += batches;
            ++m_deliveries;
        };
    }

    QList<SeriesBatch> all(const QString &metric) const
    {
        QMutexLocker locker(&m_mutex);
        QList<SeriesBatch> found;
        for (const auto &batch : m_batches) {
            if (batch.metric == metric)
                found.append(batch);
        }
        return found;
    }

    std::optional<SeriesBatch> last(const QString &metric, const QString &instance = {}) const
    {
        const auto found = all(metric);
        for (auto it = found.crbegin(); it != found.crend(); ++it) {
            if (instance.isEmpty() || it->labels.value(QStringLiteral("instance")) == instance)
                return *it;
        }
        return std::nullopt;
    }

    int deliveries() const
    {
        QMutexLocker locker(&m_mutex);
        return m_deliveries;
    }

    void clear()
    {
        QMutexLocker locker(&m_mutex);
        m_batches.clear();
    }

private:
    mutable QMutex m_mutex;
    QList<SeriesBatch> m_batches;
    int m_deliveries = 0;
};

/// A scrape target under the test's control: answers every request with the configured
/// status, content type and body (or never answers), and records the request headers.
class FakeTarget : public QObject
{
public:
    int status = 200;
    QByteArray contentType = "text/plain; version=0.0.4; charset=utf-8";
    QByteArray body;
    bool answers = true;

    bool listen()
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            return false;
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return true;
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_server.serverPort()));
    }
    QString instance() const { return QStringLiteral("127.0.0.1:%1").arg(m_server.serverPort()); }
    QList<QByteArray> requests() const { return m_requests; }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        m_requests.append(buffer.left(headerEnd));
        m_buffers.remove(socket);
        if (!answers)
            return;
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + " " + (status == 200 ? "OK" : "Failed")
                               + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                               + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_requests;
};

class CollectingHost final : public IPluginHost
{
public:
    Result<void> applyInventory(const InventoryChangeSet &, const QString &) override { return {}; }
    void ingestSamples(const QList<SeriesBatch> &batches) override
    {
        QMutexLocker locker(&mutex);
        samples += batches;
    }
    void publishEvent(const Event &) override {}
    QString pluginDataDirectory(const QString &) const override { return {}; }
    bool has(const QString &metric)
    {
        QMutexLocker locker(&mutex);
        return std::any_of(samples.cbegin(), samples.cend(), [&](const SeriesBatch &b) { return b.metric == metric; });
    }

    QMutex mutex;
    QList<SeriesBatch> samples;
};

ScrapeTarget target(const QUrl &url, const QString &job, int intervalMs = 300, int timeoutMs = 250)
{
    ScrapeTarget t;
    t.url = url;
    t.job = job;
    t.interval = std::chrono::milliseconds(intervalMs);
    t.timeout = std::chrono::milliseconds(timeoutMs);
    return t;
}

TargetHealth healthOf(const PrometheusScraper &scraper, const QString &id)
{
    const auto status = scraper.targetStatus(id);
    return status ? status->health : TargetHealth::Unknown;
}

qint64 scrapesOf(const PrometheusScraper &scraper, const QString &id)
{
    const auto status = scraper.targetStatus(id);
    return status ? status->scrapesTotal : 0;
}

constexpr int StartDeadlineMs = 20000;

} // namespace

Q_DECLARE_METATYPE(Continuo::HonourLabels)

class tst_PrometheusScraper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ScrapeTargetStatus>();
        m_nodeExporter = ServiceProcess::findProgram(QStringLiteral("prometheus-node-exporter"));
    }

    void addTargetValidates()
    {
        Collector collector;
        PrometheusScraper scraper(collector.sink());
        QVERIFY(!scraper.addTarget(target(QUrl(QStringLiteral("ftp://127.0.0.1/metrics")), QStringLiteral("j"))).hasValue());
        QVERIFY(!scraper.addTarget(target(QUrl(QStringLiteral("http://127.0.0.1:1/metrics")), QString())).hasValue());
        const auto slow = scraper.addTarget(target(QUrl(QStringLiteral("http://127.0.0.1:1/metrics")),
                                                   QStringLiteral("j"), 1000, 2000));
        QVERIFY(!slow.hasValue());
        QVERIFY2(slow.error().contains(QStringLiteral("at most the interval")), qPrintable(slow.error()));
        const auto first = scraper.addTarget(target(QUrl(QStringLiteral("http://127.0.0.1:1/metrics")), QStringLiteral("j")));
        QVERIFY(first.hasValue());
        QCOMPARE(scraper.targetStatus(*first)->health, TargetHealth::Unknown);
        QCOMPARE(scraper.targetStatus(*first)->instance, QStringLiteral("127.0.0.1:1"));
        QVERIFY(!scraper.addTarget(target(QUrl(QStringLiteral("http://127.0.0.1:1/metrics")), QStringLiteral("j"))).hasValue());
        QVERIFY(scraper.removeTarget(*first));
        QVERIFY(!scraper.removeTarget(*first));
        QVERIFY(scraper.targetStatuses().isEmpty());
        QCOMPARE(PrometheusScraper::acceptHeader(),
                 QByteArray("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"));
    }

    void scrapesRealNodeExporterAndSeesItDie()
    {
        if (m_nodeExporter.isEmpty())
            QSKIP("prometheus-node-exporter is not installed (installer/debian-packages.txt)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const quint16 port = freeLoopbackPort();
        QVERIFY(port != 0);
        ServiceProcess nodeExporter;
        QVERIFY(nodeExporter.start(m_nodeExporter,
                                   {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                                    QStringLiteral("--collector.disable-defaults"), QStringLiteral("--collector.cpu"),
                                    QStringLiteral("--collector.meminfo"), QStringLiteral("--collector.loadavg")},
                                   dir.filePath(QStringLiteral("node_exporter.log"))));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port));
        QNetworkAccessManager manager;
        useNoProxy(manager);
        QTRY_VERIFY2_WITH_TIMEOUT(httpRequest(manager, url, "GET", 1000).status == 200,
                                  nodeExporter.logTail().constData(), StartDeadlineMs);

        Collector collector;
        PrometheusScraper scraper(collector.sink());
        const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
        const auto id = scraper.addTarget(target(url, QStringLiteral("node"), 500, 500));
        QVERIFY2(id.hasValue(), qPrintable(id.error()));
        scraper.start();
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(scraper, *id), TargetHealth::Up, StartDeadlineMs);

        const QString instance = QStringLiteral("127.0.0.1:%1").arg(port);
        const auto up = collector.last(QStringLiteral("up"));
        QVERIFY(up);
        QCOMPARE(up->samples.first().value, 1.0);
        QCOMPARE(up->labels, (Labels{{QStringLiteral("instance"), instance}, {QStringLiteral("job"), QStringLiteral("node")}}));
        const qint64 scrapeMs = up->samples.first().timestampMs;
        QVERIFY(scrapeMs >= startedMs && scrapeMs <= QDateTime::currentMSecsSinceEpoch());

        const auto cpu = collector.all(QStringLiteral("node_cpu_seconds_total"));
        QVERIFY(!cpu.isEmpty());
        for (const auto &series : cpu) {
            QCOMPARE(series.labels.value(QStringLiteral("instance")), instance);
            QCOMPARE(series.labels.value(QStringLiteral("job")), QStringLiteral("node"));
            QVERIFY(series.labels.contains(QStringLiteral("cpu")));
            QVERIFY(series.labels.contains(QStringLiteral("mode")));
            QVERIFY(series.samples.first().value >= 0);
        }
        const auto memTotal = collector.last(QStringLiteral("node_memory_MemTotal_bytes"));
        QVERIFY(memTotal);
        QVERIFY(memTotal->samples.first().value > 0);
        QCOMPARE(memTotal->labels.value(QStringLiteral("instance")), instance);
        // node_exporter sends no timestamps: the scrape's start time stands in.
        QVERIFY(memTotal->samples.first().timestampMs >= startedMs);

        const auto samplesScraped = collector.last(QStringLiteral("scrape_samples_scraped"));
        QVERIFY(samplesScraped && samplesScraped->samples.first().value > 50);
        const auto duration = collector.last(QStringLiteral("scrape_duration_seconds"));
        QVERIFY(duration && duration->samples.first().value > 0 && duration->samples.first().value < 1.0);

        const auto status = scraper.targetStatus(*id);
        QVERIFY(status);
        QVERIFY(status->lastError.isEmpty());
        QCOMPARE(toString(status->lastFormat), toString(ExpositionFormat::PrometheusText)); // node_exporter 1.5 has no OpenMetrics
        QCOMPARE(status->lastSamplesScraped, qint64(samplesScraped->samples.first().value));
        bool cpuIsCounter = false;
        for (const auto &metadata : scraper.targetMetadata(*id))
            cpuIsCounter |= metadata.family == QLatin1String("node_cpu_seconds_total") && metadata.type == MetricType::Counter;
        QVERIFY(cpuIsCounter);

        // Kill it: the next scrapes give up=0 and say why.
        // Signals come from the scraper's thread; a context object makes them queued.
        int healthChanges = 0;
        connect(&scraper, &PrometheusScraper::targetHealthChanged, this,
                [&healthChanges](const ScrapeTargetStatus &status) {
                    if (status.health == TargetHealth::Down)
                        ++healthChanges;
                });
        nodeExporter.kill();
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(scraper, *id), TargetHealth::Down, StartDeadlineMs);
        const auto down = scraper.targetStatus(*id);
        QVERIFY2(down->lastError.contains(QStringLiteral("Connection refused"))
                     || down->lastError.contains(QStringLiteral("closed")),
                 qPrintable(down->lastError));
        QVERIFY(down->failedScrapesTotal >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(collector.last(QStringLiteral("up")) && collector.last(QStringLiteral("up"))->samples.first().value == 0.0,
                                 StartDeadlineMs);
        QTRY_COMPARE(healthChanges, 1);
        scraper.stop();
    }

    void closedPortFailsWithoutStoppingOthers()
    {
        FakeTarget healthy;
        healthy.body = "# TYPE fine gauge\nfine 1\n";
        QVERIFY(healthy.listen());
        const quint16 closedPort = freeLoopbackPort();

        Collector collector;
        PrometheusScraper scraper(collector.sink());
        const auto bad = scraper.addTarget(
            target(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(closedPort)), QStringLiteral("gone")));
        const auto good = scraper.addTarget(target(healthy.url(), QStringLiteral("fine")));
        QVERIFY(bad.hasValue() && good.hasValue());
        scraper.start();
        QTRY_VERIFY_WITH_TIMEOUT(scrapesOf(scraper, *bad) >= 3 && scrapesOf(scraper, *good) >= 3, StartDeadlineMs);
        QCOMPARE(healthOf(scraper, *bad), TargetHealth::Down);
        QCOMPARE(healthOf(scraper, *good), TargetHealth::Up);
        const QString error = scraper.targetStatus(*bad)->lastError;
        QVERIFY2(error.contains(QStringLiteral("Connection refused")), qPrintable(error));
        QVERIFY2(error.contains(QString::number(closedPort)), qPrintable(error));
        const QString badInstance = QStringLiteral("127.0.0.1:%1").arg(closedPort);
        QCOMPARE(collector.last(QStringLiteral("up"), badInstance)->samples.first().value, 0.0);
        QCOMPARE(collector.last(QStringLiteral("scrape_samples_scraped"), badInstance)->samples.first().value, 0.0);
        QCOMPARE(collector.last(QStringLiteral("up"), healthy.instance())->samples.first().value, 1.0);
        QCOMPARE(collector.last(QStringLiteral("fine"))->labels.value(QStringLiteral("job")), QStringLiteral("fine"));
        scraper.stop();
        // Nothing arrives after stop().
        const int deliveries = collector.deliveries();
        QSignalSpy scraped(&scraper, &PrometheusScraper::targetScraped);
        QVERIFY(!scraped.wait(700)); // two intervals with no scrape
        QCOMPARE(collector.deliveries(), deliveries);
    }

    void failures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("answers");
        QTest::addColumn<qint64>("bodyLimit");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("HTTP 500") << 500 << QByteArray("oops") << true << qint64(0)
                                  << "server returned HTTP status 500";
        QTest::newRow("malformed exposition") << 200 << QByteArray("ok 1\nbroken{ 2\n") << true << qint64(0)
                                              << "malformed prometheus-text-0.0.4 exposition: line 2: invalid label name";
        QTest::newRow("never answers") << 200 << QByteArray() << false << qint64(0) << "scrape timed out after 250 ms";
        QTest::newRow("too large") << 200 << QByteArray(4096, 'x') << true << qint64(100)
                                   << "response is larger than the body size limit of 100 bytes";
    }

    void failures()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, answers);
        QFETCH(qint64, bodyLimit);
        QFETCH(QString, expectedError);
        FakeTarget fake;
        fake.status = status;
        fake.body = body;
        fake.answers = answers;
        QVERIFY(fake.listen());
        Collector collector;
        PrometheusScraper scraper(collector.sink());
        ScrapeTarget t = target(fake.url(), QStringLiteral("fake"));
        t.bodySizeLimitBytes = bodyLimit;
        const auto id = scraper.addTarget(t);
        QVERIFY(id.hasValue());
        scraper.start();
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(scraper, *id), TargetHealth::Down, StartDeadlineMs);
        const QString error = scraper.targetStatus(*id)->lastError;
        QVERIFY2(error.startsWith(expectedError), qPrintable(error));
        const auto up = collector.last(QStringLiteral("up"));
        QVERIFY(up);
        QCOMPARE(up->samples.first().value, 0.0);
        QVERIFY(collector.all(QStringLiteral("ok")).isEmpty()); // a rejected scrape ingests nothing
        scraper.stop();
    }

    void openMetricsTarget()
    {
        FakeTarget fake;
        fake.contentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";
        fake.body = "# TYPE jobs counter\n# HELP jobs Jobs run.\njobs_total{queue=\"a\"} 12 1700000000.250\n"
                    "jobs_created{queue=\"a\"} 1600000000\n# EOF\n";
        QVERIFY(fake.listen());
        Collector collector;
        PrometheusScraper scraper(collector.sink());
        const auto id = scraper.addTarget(target(fake.url(), QStringLiteral("om")));
        QVERIFY(id.hasValue());
        scraper.start();
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(scraper, *id), TargetHealth::Up, StartDeadlineMs);
        QCOMPARE(toString(scraper.targetStatus(*id)->lastFormat), toString(ExpositionFormat::OpenMetrics));
        const auto jobs = collector.last(QStringLiteral("jobs_total"));
        QVERIFY(jobs);
        QCOMPARE(jobs->samples.first(), (Sample{1700000000250, 12.0}));
        QCOMPARE(jobs->labels.value(QStringLiteral("queue")), QStringLiteral("a"));
        QCOMPARE(jobs->labels.value(QStringLiteral("job")), QStringLiteral("om"));
        QVERIFY(collector.last(QStringLiteral("jobs_created")));
        scraper.stop();
        QVERIFY(!fake.requests().isEmpty());
        const QByteArray request = fake.requests().first();
        QVERIFY2(request.startsWith("GET /metrics HTTP/1.1"), request.constData());
        QVERIFY2(request.contains(QByteArray(QByteArray("Accept: ") + PrometheusScraper::acceptHeader())), request.constData());
        QVERIFY2(request.contains("X-Prometheus-Scrape-Timeout-Seconds: 0.25"), request.constData());
    }

    void honourLabels_data()
    {
        QTest::addColumn<HonourLabels>("honour");
        QTest::addColumn<Labels>("expected");
        QTest::newRow("off: scraped labels become exported_*")
            << HonourLabels::Off
            << Labels{{QStringLiteral("job"), QStringLiteral("outer")},
                      {QStringLiteral("exported_job"), QStringLiteral("inner")},
                      {QStringLiteral("exported_instance"), QStringLiteral("elsewhere:1")},
                      {QStringLiteral("site"), QStringLiteral("edge-1")},
                      {QStringLiteral("exported_site"), QStringLiteral("cloud")},
                      {QStringLiteral("kept"), QStringLiteral("yes")}};
        QTest::newRow("on: scraped labels win")
            << HonourLabels::On
            << Labels{{QStringLiteral("job"), QStringLiteral("inner")},
                      {QStringLiteral("instance"), QStringLiteral("elsewhere:1")},
                      {QStringLiteral("site"), QStringLiteral("cloud")},
                      {QStringLiteral("kept"), QStringLiteral("yes")}};
    }

    void honourLabels()
    {
        QFETCH(HonourLabels, honour);
        QFETCH(Labels, expected);
        FakeTarget fake;
        // An empty label value counts as no label (dropped), as in Prometheus.
        fake.body = "thing{job=\"inner\",instance=\"elsewhere:1\",site=\"cloud\",kept=\"yes\",empty=\"\"} 1\n";
        QVERIFY(fake.listen());
        Collector collector;
        PrometheusScraper scraper(collector.sink());
        ScrapeTarget t = target(fake.url(), QStringLiteral("outer"));
        t.extraLabels.insert(QStringLiteral("site"), QStringLiteral("edge-1"));
        t.honourLabels = honour;
        QVERIFY(scraper.addTarget(t).hasValue());
        scraper.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.last(QStringLiteral("thing")).has_value(), StartDeadlineMs);
        scraper.stop();
        Labels labels = collector.last(QStringLiteral("thing"))->labels;
        if (honour == HonourLabels::Off) {
            QCOMPARE(labels.take(QStringLiteral("instance")), fake.instance());
        }
        QCOMPARE(labels, expected);
        // Synthetic series always carry the target's own labels.
        QCOMPARE(collector.last(QStringLiteral("up"))->labels.value(QStringLiteral("job")), QStringLiteral("outer"));
    }

    void deliversToPluginHost()
    {
        FakeTarget fake;
        fake.body = "from_plugin 3\n";
        QVERIFY(fake.listen());
        CollectingHost host;
        PrometheusScraper scraper(&host);
        QVERIFY(scraper.addTarget(target(fake.url(), QStringLiteral("plugin"))).hasValue());
        scraper.start();
        QTRY_VERIFY_WITH_TIMEOUT(host.has(QStringLiteral("from_plugin")) && host.has(QStringLiteral("up")), StartDeadlineMs);
        scraper.stop();
    }

    void targetsAddedAndRemovedWhileRunning()
    {
        FakeTarget first;
        first.body = "first 1\n";
        FakeTarget second;
        second.body = "second 2\n";
        QVERIFY(first.listen() && second.listen());
        Collector collector;
        PrometheusScraper scraper(collector.sink());
        const auto firstId = scraper.addTarget(target(first.url(), QStringLiteral("a")));
        QVERIFY(firstId.hasValue());
        scraper.start();
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(scraper, *firstId), TargetHealth::Up, StartDeadlineMs);
        const auto secondId = scraper.addTarget(target(second.url(), QStringLiteral("b")));
        QVERIFY(secondId.hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(scraper, *secondId), TargetHealth::Up, StartDeadlineMs);
        QVERIFY(scraper.removeTarget(*firstId));
        QVERIFY(!scraper.targetStatus(*firstId));
        const qsizetype requestsAfterRemoval = first.requests().size();
        // The second target keeps going; the first is asked nothing more.
        const qint64 secondScrapes = scrapesOf(scraper, *secondId);
        QTRY_VERIFY_WITH_TIMEOUT(scrapesOf(scraper, *secondId) >= secondScrapes + 2, StartDeadlineMs);
        QCOMPARE(first.requests().size(), requestsAfterRemoval);
        scraper.stop();
    }

private:
    QString m_nodeExporter;
};

QTEST_GUILESS_MAIN(tst_PrometheusScraper)
#include "tst_prometheusscraper.moc"
