#pragma once

// Live-subscription latency for bench_telemetry: the time from TelemetryHub::ingest() of a
// sample to its delivery (a) to a SubscribeTelemetry client of an in-process GrpcServer on
// loopback, read on its own thread the way continuoctl and GrpcControlPlane read, and (b) to a
// LocalControlPlane subscriber (the embedded console). The engine runs with its default publish
// interval, so the figure includes the wait for the next publish frame, as a console sees it.
// Samples are ingested 7..23 ms apart so that they land at every phase of the frame.

#include "api/GrpcServer.h"
#include "control/LocalControlPlane.h"
#include "engine/Engine.h"
#include "telemetry/TelemetryHub.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

namespace Continuo::Bench {

struct SubscribeLatencyFigures
{
    bool ok = false;
    int samples = 0;
    qint64 publishIntervalMs = 0;
    std::vector<double> grpcMs; ///< per sample, in ingest order
    std::vector<double> localMs;
};

inline SubscribeLatencyFigures measureSubscribeLatency(int sampleCount)
{
    using Clock = std::chrono::steady_clock;
    SubscribeLatencyFigures figures;
    QTemporaryDir directory;
    if (!directory.isValid())
        return figures;
    Engine engine;
    EngineOptions options;
    options.dataDirectory = directory.path();
    options.scenario = QStringLiteral("none");
    options.hostProbe = false;
    options.persistTelemetry = false;
    figures.publishIntervalMs = options.telemetryPublishInterval.count();
    if (auto started = engine.start(options); !started) {
        std::fprintf(stderr, "subscribe latency: engine: %s\n", qPrintable(started.error()));
        return figures;
    }
    Api::GrpcServer server(&engine);
    if (auto port = server.start(QStringLiteral("127.0.0.1:0")); !port) {
        std::fprintf(stderr, "subscribe latency: server: %s\n", qPrintable(port.error()));
        return figures;
    }

    // Sample k has value k; ingestAt[k] is when it was handed to the hub.
    const int warmup = 1000000; // values at or above: warm-up samples, not measured
    std::vector<Clock::time_point> ingestAt(static_cast<std::size_t>(sampleCount));
    std::vector<std::atomic<qint64>> grpcNs(static_cast<std::size_t>(sampleCount));
    std::vector<qint64> localNs(static_cast<std::size_t>(sampleCount), -1);
    for (auto &ns : grpcNs)
        ns.store(-1);
    std::atomic<bool> warmedUp{false};
    std::atomic<int> grpcReceived{0};

    const auto elapsedNs = [&](std::size_t k) {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - ingestAt[k])
            .count();
    };
    // Runs on the reader thread.
    const auto receivedOverGrpc = [&](double value) {
        if (value >= warmup) {
            warmedUp = true; // the server-side subscription is in place
            return;
        }
        if (value < 0 || value >= double(sampleCount))
            return;
        grpcNs[std::size_t(value)].store(elapsedNs(std::size_t(value)));
        ++grpcReceived;
    };

    LocalControlPlane local(&engine);
    local.open();
    const int localId = local.subscribeTelemetry({SeriesMatcher{QStringLiteral("bench_live"), {}}});
    QObject::connect(&local, &IControlPlane::samplesReceived, &local,
                     [&](int id, const QList<SeriesBatch> &batches) {
                         if (id != localId)
                             return;
                         for (const SeriesBatch &batch : batches) {
                             for (const Sample &sample : batch.samples) {
                                 if (sample.value >= 0 && sample.value < double(sampleCount))
                                     localNs[std::size_t(sample.value)] =
                                         elapsedNs(std::size_t(sample.value));
                             }
                         }
                     });

    auto stub = ::continuo::v1::ContinuoService::NewStub(
        grpc::CreateChannel(server.address().toStdString(), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    std::thread reader([&] {
        ::continuo::v1::SubscribeTelemetryRequest request;
        request.add_selectors("bench_live{node=~\"n[0-9]+\"}");
        auto stream = stub->SubscribeTelemetry(&context, request);
        ::continuo::v1::SampleBatch frame;
        while (stream->Read(&frame)) {
            for (const auto &series : frame.series()) {
                for (const auto &sample : series.samples())
                    receivedOverGrpc(sample.value());
            }
        }
        (void)stream->Finish();
    });

    qint64 timestampMs = QDateTime::currentMSecsSinceEpoch();
    const auto ingest = [&](double value) {
        engine.telemetry()->ingest({SeriesBatch{QStringLiteral("bench_live"),
                                                {{QStringLiteral("node"), QStringLiteral("n1")}},
                                                {{++timestampMs, value}}}});
    };
    const auto pump = [](std::chrono::milliseconds duration) {
        QDeadlineTimer deadline(duration);
        do {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            QThread::usleep(200);
        } while (!deadline.hasExpired());
    };

    // Until the subscription is in place on the server, samples go nowhere.
    QDeadlineTimer ready(20000);
    while (!warmedUp && !ready.hasExpired()) {
        ingest(warmup);
        pump(std::chrono::milliseconds(50));
    }
    if (warmedUp) {
        QRandomGenerator rng(3);
        for (int k = 0; k < sampleCount; ++k) {
            ingestAt[std::size_t(k)] = Clock::now();
            ingest(k);
            pump(std::chrono::milliseconds(7 + rng.bounded(17)));
        }
        QDeadlineTimer drain(10000);
        while (grpcReceived.load() < sampleCount && !drain.hasExpired())
            pump(std::chrono::milliseconds(20));
    }
    context.TryCancel();
    reader.join();
    server.shutdown(std::chrono::seconds(1));
    engine.stop();

    for (int k = 0; k < sampleCount; ++k) {
        const qint64 remote = grpcNs[std::size_t(k)].load();
        const qint64 embedded = localNs[std::size_t(k)];
        if (remote < 0 || embedded < 0) {
            std::fprintf(stderr, "subscribe latency: sample %d was not delivered (%s)\n", k,
                         remote < 0 ? "gRPC" : "local");
            return figures;
        }
        figures.grpcMs.push_back(double(remote) / 1e6);
        figures.localMs.push_back(double(embedded) / 1e6);
    }
    figures.samples = sampleCount;
    figures.ok = true;
    return figures;
}

/// The q-quantile (nearest rank) of unsorted values.
inline double quantileMs(std::vector<double> values, double q)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = std::size_t(std::ceil(q * double(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

/// Measures and prints subscribe_latency_p99_ms (gRPC) and subscribe_latency_local_p99_ms;
/// non-zero when a sample was not delivered.
template <typename Print> int subscribeLatencyFigures(int sampleCount, Print print)
{
    const SubscribeLatencyFigures live = measureSubscribeLatency(sampleCount);
    if (!live.ok)
        return 1;
    std::printf("# subscribe latency: %d samples, publish interval %lld ms; p50 gRPC %.3g ms, "
                "local %.3g ms\n",
                live.samples, qlonglong(live.publishIntervalMs), quantileMs(live.grpcMs, 0.5),
                quantileMs(live.localMs, 0.5));
    // What the gRPC hop adds to the publish frame (both see the same frame of each sample).
    std::vector<double> overheadMs;
    for (std::size_t k = 0; k < live.grpcMs.size(); ++k)
        overheadMs.push_back(live.grpcMs[k] - live.localMs[k]);
    std::printf("# subscribe latency: gRPC minus local per sample p50 %.3g ms, p99 %.3g ms\n",
                quantileMs(overheadMs, 0.5), quantileMs(overheadMs, 0.99));
    print("subscribe_latency_p99_ms", quantileMs(live.grpcMs, 0.99), "ms");
    print("subscribe_latency_local_p99_ms", quantileMs(live.localMs, 0.99), "ms");
    return 0;
}

} // namespace Continuo::Bench
