// Telemetry queries and subscriptions over continuo.v1: ListSeries, QueryChart, EvaluateQuery,
// InstantQuery and SubscribeTelemetry with regex/negative matchers, through GrpcControlPlane
// (and raw stubs for what the control plane never sends) against a GrpcServer on loopback; the
// same subscriptions through LocalControlPlane; the server's per-method call counters.

#include "api/GrpcCallMetrics.h"
#include "api/GrpcServer.h"
#include "control/GrpcControlPlane.h"
#include "control/LocalControlPlane.h"
#include "engine/Engine.h"
#include "telemetry/MetricsExporter.h"
#include "telemetry/TelemetryHub.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDateTime>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <future>
#include <thread>

using namespace Continuo;
namespace v1 = ::continuo::v1;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Labels labels(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    Labels result;
    for (const auto &[name, value] : pairs)
        result.insert(s(name), s(value));
    return result;
}

/// Blocking stub calls need the engine thread (this one) to keep running while they wait.
template <typename F> auto offEngineThread(F function) -> decltype(function())
{
    auto future = std::async(std::launch::async, std::move(function));
    while (future.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
        QCoreApplication::processEvents();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return future.get();
}

/// Waits for an asynchronous control-plane answer.
template <typename T> struct Answer
{
    std::optional<Result<T>> result;
    auto callback()
    {
        return [this](const Result<T> &r) { result = r; };
    }
    bool wait(int timeoutMs = 20000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!result && !deadline.hasExpired())
            QTest::qWait(5);
        return result.has_value();
    }
};

} // namespace

class tst_GrpcQueries : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<v1::ContinuoService::Stub> rawStub() const
    {
        return v1::ContinuoService::NewStub(grpc::CreateChannel(
            m_server->address().toStdString(), grpc::InsecureChannelCredentials()));
    }

    /// Keep ingesting `batches` (timestamps advanced each round) until `done` holds.
    template <typename Done>
    bool ingestUntil(QList<SeriesBatch> batches, Done done, int timeoutMs = 20000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!done() && !deadline.hasExpired()) {
            m_liveMs += 1000;
            for (SeriesBatch &batch : batches)
                batch.samples = {{m_liveMs, double(m_liveMs % 1000000)}};
            m_engine->telemetry()->ingest(batches);
            m_engine->telemetry()->publishPending();
            QTest::qWait(50);
        }
        return done();
    }

    QTemporaryDir m_dataDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Api::GrpcServer> m_server;
    std::unique_ptr<GrpcControlPlane> m_client;
    qint64 m_baseMs = 0; ///< Start of the stored test data (an hour ago, on a minute).
    qint64 m_liveMs = 0; ///< Sample time of live-subscription data, advancing.

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        m_engine = std::make_unique<Engine>();
        EngineOptions options;
        options.dataDirectory = m_dataDir.path();
        options.scenario = s("none");
        options.hostProbe = false;
        auto started = m_engine->start(options);
        QVERIFY2(started, qPrintable(started.error()));

        m_server = std::make_unique<Api::GrpcServer>(m_engine.get());
        auto port = m_server->start(s("127.0.0.1:0"));
        QVERIFY2(port, qPrintable(port.error()));

        m_client = std::make_unique<GrpcControlPlane>(m_server->address());
        m_client->open();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->connectionState(),
                                  IControlPlane::ConnectionState::Connected, 20000);

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_baseMs = (now - 3'600'000) / 60'000 * 60'000;
        m_liveMs = now;
    }

    void cleanupTestCase()
    {
        m_client.reset();
        if (m_server)
            m_server->shutdown(std::chrono::seconds(1));
        m_server.reset();
        if (m_engine)
            m_engine->stop();
    }

    void listSeriesWithRegex()
    {
        const qint64 t = m_baseMs;
        m_engine->telemetry()->ingest({
            {s("q_cpu"), labels({{"node", "n1"}, {"site", "a"}}), {{t, 0.5}}},
            {s("q_cpu"), labels({{"node", "n2"}, {"site", "a"}}), {{t, 0.5}}},
            {s("q_cpu"), labels({{"node", "n10"}, {"site", "b"}}), {{t, 0.5}}},
            {s("q_mem"), labels({{"node", "n1"}, {"site", "a"}}), {{t, 0.5}}},
        });

        Answer<SeriesListing> anchored;
        m_client->listSeries(s("q_cpu{node=~\"n[12]\"}"), 10, this, anchored.callback());
        QVERIFY(anchored.wait());
        QVERIFY2(*anchored.result, qPrintable(anchored.result->error()));
        QStringList keys;
        for (const SeriesBatch &series : anchored.result->value().series)
            keys.append(series.key());
        // Full-match: n10 is not n1, sorted by canonical key.
        QCOMPARE(keys, (QStringList{s("q_cpu{node=\"n1\",site=\"a\"}"),
                                    s("q_cpu{node=\"n2\",site=\"a\"}")}));
        QVERIFY(!anchored.result->value().truncated);

        Answer<SeriesListing> byName;
        m_client->listSeries(s("{__name__=~\"q_.*\",site!=\"b\"}"), 10, this, byName.callback());
        QVERIFY(byName.wait());
        QVERIFY2(*byName.result, qPrintable(byName.result->error()));
        QCOMPARE(byName.result->value().series.size(), 3);
        QVERIFY(byName.result->value().series.at(0).samples.isEmpty());

        Answer<SeriesListing> limited;
        m_client->listSeries(s("q_cpu"), 1, this, limited.callback());
        QVERIFY(limited.wait());
        QVERIFY2(*limited.result, qPrintable(limited.result->error()));
        QCOMPARE(limited.result->value().series.size(), 1);
        QCOMPARE(limited.result->value().series.at(0).key(), s("q_cpu{node=\"n1\",site=\"a\"}"));
        QVERIFY(limited.result->value().truncated);

        Answer<SeriesListing> bad;
        m_client->listSeries(s("q_cpu{node=~\"(\"}"), 10, this, bad.callback());
        QVERIFY(bad.wait());
        QVERIFY(!*bad.result);
        QVERIFY2(bad.result->error().contains(s("regular expression")),
                 qPrintable(bad.result->error()));

        // What the control plane never sends: a negative limit, no selector.
        auto stub = rawStub();
        for (const auto &invalid : {std::pair{"q_cpu", -1}, std::pair{"", 10}}) {
            const char *selector = invalid.first;
            const int limit = invalid.second;
            const grpc::Status status = offEngineThread([&] {
                grpc::ClientContext context;
                v1::ListSeriesRequest request;
                request.set_selector(selector);
                request.set_limit(limit);
                v1::ListSeriesResponse response;
                return stub->ListSeries(&context, request, &response);
            });
            QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        }
    }

    void queryChartRespectsBudget()
    {
        // 1,000 samples a second apart with one spike: 50 columns keep the spike.
        SeriesBatch batch{s("q_chart"), labels({{"node", "n1"}}), {}};
        for (int i = 0; i < 1000; ++i)
            batch.samples.append({m_baseMs + i * 1000, i == 517 ? 1000.0 : double(i % 10)});
        m_engine->telemetry()->ingest({batch});
        const qint64 from = m_baseMs;
        const qint64 to = m_baseMs + 999 * 1000;

        for (const int budget : {50, 7, 1}) {
            Answer<QList<DownsampledSeries>> chart;
            m_client->queryChart(s("q_chart{node=~\"n.\"}"), from, to, budget, this,
                                 chart.callback());
            QVERIFY(chart.wait());
            QVERIFY2(*chart.result, qPrintable(chart.result->error()));
            QCOMPARE(chart.result->value().size(), 1);
            const DownsampledSeries &series = chart.result->value().first();
            QCOMPARE(series.metric, s("q_chart"));
            QCOMPARE(series.labels, labels({{"node", "n1"}}));
            QVERIFY2(series.columns.size() <= budget && !series.columns.isEmpty(),
                     qPrintable(QString::number(series.columns.size())));
            qint64 count = 0;
            double max = -1;
            qint64 maxAt = 0;
            for (const DownsampledColumn &column : series.columns) {
                count += column.count;
                if (column.max > max) {
                    max = column.max;
                    maxAt = column.maxTimestampMs;
                }
                QVERIFY(column.min <= column.max);
                QVERIFY(column.startMs < column.endMs);
            }
            QCOMPARE(count, 1000);
            QCOMPARE(max, 1000.0);
            QCOMPARE(maxAt, m_baseMs + 517 * 1000);
        }

        auto stub = rawStub();
        for (const int budget : {0, -5, 1'000'000}) {
            const grpc::Status status = offEngineThread([&] {
                grpc::ClientContext context;
                v1::QueryChartRequest request;
                request.set_selector("q_chart");
                request.set_from_ms(from);
                request.set_to_ms(to);
                request.set_column_budget(budget);
                v1::QueryChartResponse response;
                return stub->QueryChart(&context, request, &response);
            });
            QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        }
    }

    void evaluateRateSumBy()
    {
        // Counters growing 10/s, 5/s (site a) and 1/s (site b), a sample every 10 s for 10 min.
        const struct
        {
            const char *node;
            const char *site;
            double perSecond;
        } counters[] = {{"n1", "a", 10.0}, {"n2", "a", 5.0}, {"n3", "b", 1.0}};
        QList<SeriesBatch> batches;
        for (const auto &counter : counters) {
            SeriesBatch batch{s("q_requests_total"),
                              labels({{"node", counter.node}, {"site", counter.site}}),
                              {}};
            for (int i = 0; i <= 60; ++i)
                batch.samples.append({m_baseMs + i * 10'000, 1000.0 + counter.perSecond * i * 10});
            batches.append(batch);
        }
        m_engine->telemetry()->ingest(batches);

        RangeQuery query;
        query.selector = s("q_requests_total");
        query.startMs = m_baseMs + 5 * 60'000;
        query.endMs = m_baseMs + 9 * 60'000;
        query.stepMs = 60'000;
        query.function = RangeFunction::Rate;
        query.windowMs = 2 * 60'000;
        query.aggregation = Aggregation::Sum;
        query.grouping = Grouping::By;
        query.groupingLabels = {s("site")};
        query.resolution = QueryResolution::Raw;
        Answer<QueryResult> answer;
        m_client->evaluateQuery(query, this, answer.callback());
        QVERIFY(answer.wait());
        QVERIFY2(*answer.result, qPrintable(answer.result->error()));
        const QueryResult &result = answer.result->value();
        QCOMPARE(result.series.size(), 2);
        QVERIFY(result.samplesRead > 0);
        QCOMPARE(toString(result.resolution), toString(QueryResolution::Raw));
        for (const SeriesBatch &series : result.series) {
            QVERIFY(series.metric.isEmpty()); // rate() and sum drop the name, as in PromQL
            QCOMPARE(series.labels.size(), 1);
            const double expected = series.labels.value(s("site")) == s("a") ? 15.0 : 1.0;
            QCOMPARE(series.samples.size(), 5);
            for (const Sample &sample : series.samples)
                QVERIFY2(qAbs(sample.value - expected) < 1e-6,
                         qPrintable(
                             QStringLiteral("%1 at %2").arg(sample.value).arg(sample.timestampMs)));
        }

        // Increase without aggregation keeps one series per input series.
        query.function = RangeFunction::Increase;
        query.aggregation = Aggregation::None;
        query.groupingLabels.clear();
        Answer<QueryResult> increase;
        m_client->evaluateQuery(query, this, increase.callback());
        QVERIFY(increase.wait());
        QVERIFY2(*increase.result, qPrintable(increase.result->error()));
        QCOMPARE(increase.result->value().series.size(), 3);

        // The query engine's own refusals come back as errors, not as empty results.
        query.stepMs = 0;
        Answer<QueryResult> refused;
        m_client->evaluateQuery(query, this, refused.callback());
        QVERIFY(refused.wait());
        QVERIFY(!*refused.result);
        QVERIFY2(refused.result->error().contains(s("step")), qPrintable(refused.result->error()));

        auto stub = rawStub();
        // Instant: the newest sample of each matching series.
        v1::InstantQueryResponse instant;
        const grpc::Status instantStatus = offEngineThread([&] {
            grpc::ClientContext context;
            v1::InstantQueryRequest request;
            request.set_selector("q_requests_total{site=\"a\"}");
            request.set_at_ms(m_baseMs + 600'000);
            return stub->InstantQuery(&context, request, &instant);
        });
        QVERIFY2(instantStatus.ok(), instantStatus.error_message().c_str());
        QCOMPARE(instant.series_size(), 2);
        for (const auto &series : instant.series()) {
            QCOMPARE(series.samples_size(), 1);
            QCOMPARE(series.samples(0).timestamp_ms(), m_baseMs + 600'000);
        }
        // Malformed queries: an enum number nobody defined, a range that ends before it starts.
        for (int variant = 0; variant < 3; ++variant) {
            const grpc::Status status = offEngineThread([&] {
                grpc::ClientContext context;
                v1::EvaluateQueryRequest request;
                v1::RangeQuery *wire = request.mutable_query();
                wire->set_selector("q_requests_total");
                wire->set_start_ms(m_baseMs);
                wire->set_end_ms(m_baseMs + 60'000);
                wire->set_step_ms(10'000);
                if (variant == 0)
                    wire->set_aggregation(static_cast<v1::Aggregation>(99));
                else if (variant == 1)
                    wire->set_end_ms(m_baseMs - 1);
                else
                    wire->set_resolution(static_cast<v1::QueryResolution>(-3));
                v1::QueryResult response;
                return stub->EvaluateQuery(&context, request, &response);
            });
            QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        }
    }

    void subscriptionsHonourAllOperators_data()
    {
        QTest::addColumn<bool>("remote");
        QTest::newRow("local") << false;
        QTest::newRow("grpc") << true;
    }

    void subscriptionsHonourAllOperators()
    {
        QFETCH(bool, remote);
        LocalControlPlane local(m_engine.get());
        local.open();
        IControlPlane *plane = remote ? static_cast<IControlPlane *>(m_client.get()) : &local;

        const QString metric = remote ? s("q_live_remote") : s("q_live_local");
        auto regex = SeriesMatcher::parse(metric + s("{node=~\"n[0-9]+\",site!=\"b\"}"));
        auto negativeRegex = SeriesMatcher::parse(metric + s("{node!~\"n.*\",role=\"probe\"}"));
        QVERIFY2(regex, qPrintable(regex.error()));
        QVERIFY2(negativeRegex, qPrintable(negativeRegex.error()));

        QSignalSpy samples(plane, &IControlPlane::samplesReceived);
        const int id = plane->subscribeTelemetry({*regex, *negativeRegex});
        const QList<SeriesBatch> batches = {
            {metric, labels({{"node", "n1"}, {"site", "a"}}), {}},     // regex
            {metric, labels({{"node", "n22"}}), {}},                   // regex, no site
            {metric, labels({{"node", "x9"}, {"role", "probe"}}), {}}, // !~ and =
            {metric, labels({{"node", "n1"}, {"site", "b"}}), {}},     // site!="b" fails
            {metric, labels({{"node", "n1x"}, {"site", "a"}}), {}},    // not a full match
            {metric, labels({{"node", "n3"}, {"role", "probe"}, {"site", "b"}}), {}}, // neither
            {metric + s("_other"), labels({{"node", "n1"}}), {}}, // other metric
        };
        const QSet<QString> wanted = {batches.at(0).key(), batches.at(1).key(),
                                      batches.at(2).key()};
        QSet<QString> received;
        bool emptyBatch = false;
        const auto collect = [&] {
            for (const QList<QVariant> &arguments : std::as_const(samples)) {
                if (arguments.at(0).toInt() != id)
                    continue;
                for (const SeriesBatch &batch : arguments.at(1).value<QList<SeriesBatch>>()) {
                    emptyBatch |= batch.samples.isEmpty();
                    received.insert(batch.key());
                }
            }
            samples.clear();
            return received.contains(wanted);
        };
        // The remote subscription reaches the server asynchronously: publish until all arrived.
        QVERIFY2(ingestUntil(batches, collect),
                 qPrintable(QStringList(received.begin(), received.end()).join(s(", "))));
        QCOMPARE(received, wanted);
        QVERIFY(!emptyBatch);
        plane->unsubscribeTelemetry(id);
    }

    void callsAreCounted()
    {
        const auto metrics = m_server->callMetrics();
        QVERIFY(metrics);
        const quint64 before = metrics->totalCalls();
        // One good and one refused call of a method not used elsewhere in this test.
        auto stub = rawStub();
        for (const char *selector : {"q_cpu", "q_cpu{node=~\"(\"}"}) {
            offEngineThread([&] {
                grpc::ClientContext context;
                v1::InstantQueryRequest request;
                request.set_selector(selector);
                v1::InstantQueryResponse response;
                return stub->InstantQuery(&context, request, &response);
            });
        }
        // The interceptor records as the status goes out, just before the client sees it.
        QTRY_VERIFY_WITH_TIMEOUT(metrics->totalCalls() >= before + 2, 5000);

        MetricsExporter exporter;
        Api::GrpcCallMetrics::exportTo(metrics, exporter);
        QTRY_VERIFY_WITH_TIMEOUT(
            exporter.render().contains(
                "continuo_grpc_calls_total{code=\"INVALID_ARGUMENT\",method=\"InstantQuery\","
                "service=\"continuo.v1.ContinuoService\"} 1\n"),
            5000);
        const QByteArray text = exporter.render();
        QVERIFY2(text.contains("# TYPE continuo_grpc_calls_total counter\n"), text.constData());
        QVERIFY2(text.contains("# TYPE continuo_grpc_call_duration_seconds histogram\n"),
                 text.constData());
        QVERIFY2(text.contains("continuo_grpc_calls_total{code=\"OK\",method=\"InstantQuery\","
                               "service=\"continuo.v1.ContinuoService\"}"),
                 text.constData());
        QVERIFY2(text.contains("continuo_grpc_call_duration_seconds_bucket{le=\"+Inf\","
                               "method=\"InstantQuery\",service=\"continuo.v1.ContinuoService\"} "),
                 text.constData());
        QVERIFY2(
            text.contains("continuo_grpc_call_duration_seconds_count{method=\"InstantQuery\","),
            text.constData());
        // Streams are counted when they end (the subscriptions above), with no latency figure.
        QTRY_VERIFY_WITH_TIMEOUT(
            exporter.render().contains("code=\"CANCELLED\",method=\"SubscribeTelemetry\""), 5000);
        QVERIFY2(!exporter.render().contains(
                     "continuo_grpc_call_duration_seconds_count{method=\"SubscribeTelemetry\""),
                 text.constData());
    }
};

QTEST_GUILESS_MAIN(tst_GrpcQueries)
#include "tst_grpcqueries.moc"
