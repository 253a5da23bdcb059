// Two real daemons on loopback: a central (no scenario) and an agent (demo scenario) with
// `--central`. Registration, Telemetry.Agent UP/DOWN, pre-aggregated forwarding, a full-rate
// stream opened and closed by the central, the agent killed and coming back.

#include "FederationFixture.h"

#include <QTemporaryDir>

using namespace Continuo::Testing;

namespace {

constexpr int ForwardSeconds = 2; // the simulator ticks every second: aggregates are 2 s apart
const QString AgentId = QStringLiteral("edge-1");

/// Timestamps of `samples` after `fromMs`.
std::vector<qint64> timestampsAfter(const std::vector<TelemetryCollector::Received> &samples,
                                    qint64 fromMs)
{
    std::vector<qint64> result;
    for (const auto &sample : samples) {
        if (sample.timestampMs > fromMs)
            result.push_back(sample.timestampMs);
    }
    return result;
}

} // namespace

class tst_Federation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(binaryPath(QStringLiteral("continuo"))))
            QFAIL("no continuo binary (set CONTINUO_BIN_DIR)");
    }

    void agentLifecycle()
    {
        QTemporaryDir centralDir, agentDir;
        QVERIFY(centralDir.isValid() && agentDir.isValid());
        DaemonProcess central;
        QString failure = central.start(centralDir.path(), QStringLiteral("none"),
                                        {QStringLiteral("--no-host-probe")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto api = fv1::ContinuoService::NewStub(
            grpc::CreateChannel(central.address().toStdString(), grpc::InsecureChannelCredentials()));
        auto federation = fv1::Federation::NewStub(
            grpc::CreateChannel(central.address().toStdString(), grpc::InsecureChannelCredentials()));
        TelemetryCollector collector(central.address(),
                                     {QStringLiteral("node_cpu_utilisation{agent=\"edge-1\"}"),
                                      QStringLiteral("node_cpu_utilisation:avg{agent=\"edge-1\"}")});

        DaemonProcess agent;
        failure = agent.start(agentDir.path(), QStringLiteral("demo"),
                              agentArguments(central.address(), AgentId, ForwardSeconds));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // Registration: UP, with the nodes the agent owns.
        const qint64 up = waitForAgentEvent(*api, AgentId, QStringLiteral("UP"), 0, 20000);
        QVERIFY2(up > 0, "no Telemetry.Agent UP event for edge-1");
        std::optional<fv1::AgentInfo> info;
        QTRY_VERIFY_WITH_TIMEOUT((info = findAgent(*federation, AgentId)) && info->node_ids_size() > 0,
                                 10000);
        QCOMPARE(info->status(), fv1::AGENT_STATUS_UP);
        QVERIFY(info->connected());
        QCOMPARE(info->forward_interval_ms(), ForwardSeconds * 1000);
        const QString node = QString::fromStdString(info->node_ids(0));

        // Pre-aggregated: one sample per forwarding window, with its :avg companion.
        const auto keyFor = [&](const QString &metric) {
            for (const QString &key : collector.keys()) {
                if (key.startsWith(metric + QLatin1Char('{'))
                    && key.contains(QStringLiteral("node=\"%1\"").arg(node)))
                    return key;
            }
            return QString();
        };
        QString key, averageKey;
        QTRY_VERIFY_WITH_TIMEOUT(!(key = keyFor(QStringLiteral("node_cpu_utilisation"))).isEmpty()
                                     && !(averageKey = keyFor(QStringLiteral("node_cpu_utilisation:avg"))).isEmpty(),
                                 15000);
        QVERIFY(key.contains(QLatin1String("agent=\"edge-1\"")));
        QTRY_VERIFY_WITH_TIMEOUT(collector.samples(key).size() >= 3, 15000);
        {
            // One sample per window, not the simulator's 1 s raw samples. An aggregate carries
            // its window's last sample, and a sample that arrives after its window was sent joins
            // the next window (FederationForwarding), so under load two neighbours may stand
            // closer than the interval; on average they are an interval apart.
            const auto samples = collector.samples(key);
            for (std::size_t i = 1; i < samples.size(); ++i)
                QVERIFY(samples[i].timestampMs > samples[i - 1].timestampMs);
            const double meanGapMs = double(samples.back().timestampMs - samples.front().timestampMs)
                                     / double(samples.size() - 1);
            QVERIFY2(meanGapMs >= ForwardSeconds * 1000 * 0.75,
                     qPrintable(QStringLiteral("aggregates %1 ms apart on average").arg(meanGapMs)));
        }
        // The aggregates are queryable like any series of the central.
        {
            grpc::ClientContext context;
            fv1::QueryRangeRequest request;
            request.set_series_key(key.toStdString());
            fv1::QueryRangeResponse response;
            QVERIFY(api->QueryRange(&context, request, &response).ok());
            QVERIFY(response.samples_size() >= 3);
        }

        // OpenStream: that series at full rate (1 s apart), no more aggregates for it.
        fv1::OpenAgentStreamResponse opened;
        {
            grpc::ClientContext context;
            fv1::OpenAgentStreamRequest request;
            request.set_agent_id(AgentId.toStdString());
            request.add_selectors(QStringLiteral("node_cpu_utilisation{node=\"%1\"}").arg(node).toStdString());
            request.set_duration_ms(120000);
            const auto status = federation->OpenAgentStream(&context, request, &opened);
            QVERIFY2(status.ok(), status.error_message().c_str());
        }
        QCOMPARE(opened.matched_series(), 1);
        const qint64 openedAtMs = QDateTime::currentMSecsSinceEpoch();
        QTRY_VERIFY_WITH_TIMEOUT(timestampsAfter(collector.samples(key), openedAtMs).size() >= 4, 15000);
        {
            const auto streamed = timestampsAfter(collector.samples(key), openedAtMs);
            for (std::size_t i = 1; i < streamed.size(); ++i)
                QCOMPARE(streamed[i] - streamed[i - 1], 1000);
            // At most the window open when the stream started went up as an aggregate.
            QVERIFY(timestampsAfter(collector.samples(averageKey), openedAtMs).size() <= 1);
        }
        QTRY_VERIFY_WITH_TIMEOUT((info = findAgent(*federation, AgentId)) && info->streamed_series() == 1
                                     && info->rules_size() == 1,
                                 10000);
        QCOMPARE(info->rules(0).id(), opened.stream_id());
        QCOMPARE(info->rules(0).kind(), fv1::FORWARDING_RULE_KIND_STREAM);

        // CloseStream: back to aggregates.
        {
            grpc::ClientContext context;
            fv1::CloseAgentStreamRequest request;
            request.set_agent_id(AgentId.toStdString());
            request.set_stream_id(opened.stream_id());
            fv1::CloseAgentStreamResponse response;
            const auto status = federation->CloseAgentStream(&context, request, &response);
            QVERIFY2(status.ok(), status.error_message().c_str());
        }
        const qint64 closedAtMs = QDateTime::currentMSecsSinceEpoch();
        QTRY_VERIFY_WITH_TIMEOUT(timestampsAfter(collector.samples(averageKey), closedAtMs).size() >= 2,
                                 15000);
        {
            const auto aggregated = timestampsAfter(collector.samples(key), closedAtMs);
            QVERIFY(aggregated.size() >= 2);
            QVERIFY(aggregated.back() - aggregated[aggregated.size() - 2] >= ForwardSeconds * 1000);
        }
        {
            // Closing an unknown stream is an error.
            grpc::ClientContext context;
            fv1::CloseAgentStreamRequest request;
            request.set_agent_id(AgentId.toStdString());
            request.set_stream_id("s-nonesuch");
            fv1::CloseAgentStreamResponse response;
            QCOMPARE(federation->CloseAgentStream(&context, request, &response).error_code(),
                     grpc::StatusCode::NOT_FOUND);
        }

        // SIGKILL: DOWN once three heartbeat intervals pass in silence.
        QElapsedTimer sinceKill;
        sinceKill.start();
        agent.kill();
        const qint64 down = waitForAgentEvent(*api, AgentId, QStringLiteral("DOWN"), up, 20000);
        QVERIFY2(down > 0, "no Telemetry.Agent DOWN event after the agent was killed");
        const qint64 detectionMs = sinceKill.elapsed();
        QVERIFY2(detectionMs >= 2 * ForwardSeconds * 1000 && detectionMs <= 4 * ForwardSeconds * 1000 + 2000,
                 qPrintable(QStringLiteral("DOWN after %1 ms").arg(detectionMs)));
        QTRY_VERIFY_WITH_TIMEOUT((info = findAgent(*federation, AgentId))
                                     && info->status() == fv1::AGENT_STATUS_DOWN,
                                 5000);

        // Back again (same data directory): UP, and samples flow again.
        failure = agent.start(agentDir.path(), QStringLiteral("demo"),
                              agentArguments(central.address(), AgentId, ForwardSeconds));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const qint64 restartedAtMs = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(waitForAgentEvent(*api, AgentId, QStringLiteral("UP"), down, 20000) > 0,
                 "no Telemetry.Agent UP event after the agent came back");
        QTRY_VERIFY_WITH_TIMEOUT(timestampsAfter(collector.samples(key), restartedAtMs).size() >= 2, 15000);

        QVERIFY2(agent.terminate(10000), "the agent did not exit cleanly on SIGTERM");
        QVERIFY2(central.terminate(10000), "the central did not exit cleanly on SIGTERM");
    }
};

QTEST_GUILESS_MAIN(tst_Federation)
#include "tst_federation.moc"
