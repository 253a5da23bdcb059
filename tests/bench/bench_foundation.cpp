// bench_foundation: figures for the daemon and its API, printed as `BENCH <name> <value> <unit>`.
//
//   daemon_cold_start_ms            spawn `continuo --daemon --scenario demo` on port 0 with a fresh
//                                   data dir until it prints `listening on` (median of 5)
//   inventory_snapshot_10k_ms       ListInventory over loopback gRPC of an engine holding 10,000 nodes,
//                                   5,000 devices and 10,000 links (median of 7)
//   event_fanout_10_watchers_per_s  events per second at which 10 WatchEvents streams all receive
//                                   every published event

#include "DaemonFixture.h"

#include "api/ApiBroker.h"
#include "api/GrpcServer.h"
#include "engine/Engine.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace Continuo;
namespace v1 = ::continuo::v1;

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
}

void report(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

/// Keep the engine thread (this one) serving while `work` runs on another thread.
template<typename Work>
void runBesideEventLoop(Work work)
{
    std::atomic<bool> done{false};
    std::thread worker([&] {
        work();
        done = true;
        QMetaObject::invokeMethod(qApp, [] {}, Qt::QueuedConnection); // wake the loop
    });
    while (!done.load())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    worker.join();
}

std::unique_ptr<v1::ContinuoService::Stub> stubFor(const QString &address)
{
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(-1);
    return v1::ContinuoService::NewStub(
        grpc::CreateCustomChannel(address.toStdString(), grpc::InsecureChannelCredentials(), arguments));
}

bool startEngine(Engine &engine, const QString &dataDir)
{
    EngineOptions options;
    options.dataDirectory = dataDir;
    options.scenario = QStringLiteral("none");
    options.hostProbe = false;
    auto started = engine.start(options);
    if (!started)
        std::fprintf(stderr, "bench_foundation: engine failed to start: %s\n", qPrintable(started.error()));
    return bool(started);
}

void benchDaemonColdStart()
{
    std::vector<double> samples;
    for (int i = 0; i < 5; ++i) {
        QTemporaryDir dataDir;
        Testing::DaemonProcess daemon;
        QElapsedTimer timer;
        timer.start();
        const QString failure = daemon.start(dataDir.path());
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        if (!failure.isEmpty()) {
            std::fprintf(stderr, "bench_foundation: daemon_cold_start: %s\n", qPrintable(failure));
            return;
        }
        samples.push_back(elapsed);
        daemon.terminate();
    }
    report("daemon_cold_start_ms", median(samples), "ms");
}

void benchInventorySnapshot()
{
    QTemporaryDir dataDir;
    Engine engine;
    if (!startEngine(engine, dataDir.path()))
        return;
    constexpr int NodeCount = 10000;
    InventoryChangeSet changes;
    for (int s = 0; s < 10; ++s) {
        Site site;
        site.id = QStringLiteral("site-%1").arg(s);
        site.name = site.id;
        site.kind = SiteKind(1 + s % 3);
        site.labels = {{QStringLiteral("region"), QStringLiteral("eu-%1").arg(s)}};
        changes.upsert(site);
        for (int c = 0; c < 10; ++c) {
            Cluster cluster;
            cluster.id = QStringLiteral("site-%1-c%2").arg(s).arg(c);
            cluster.name = cluster.id;
            cluster.siteId = site.id;
            cluster.backend = BackendKind::Simulator;
            cluster.pluginId = QStringLiteral("simulator");
            changes.upsert(cluster);
        }
    }
    for (int n = 0; n < NodeCount; ++n) {
        Node node;
        node.id = QStringLiteral("node-%1").arg(n, 5, 10, QLatin1Char('0'));
        node.name = node.id;
        node.siteId = QStringLiteral("site-%1").arg(n % 10);
        node.clusterId = QStringLiteral("site-%1-c%2").arg(n % 10).arg((n / 10) % 10);
        node.capacity = Capacity{64, 256LL << 30, 2LL << 40};
        node.arch = QStringLiteral("x86_64");
        node.labels = {{QStringLiteral("rack"), QString::number(n / 40)},
                       {QStringLiteral("security-tier"), QStringLiteral("standard")}};
        node.securityTier = SecurityTier::Standard;
        node.state = NodeState::Ready;
        changes.upsert(node);
        if (n % 2 == 0) {
            Device device;
            device.id = node.id + QStringLiteral("-gpu0");
            device.nodeId = node.id;
            device.kind = DeviceKind::Gpu;
            device.model = QStringLiteral("NVIDIA A100");
            device.memoryBytes = 80LL << 30;
            changes.upsert(device);
        }
        Link link;
        link.id = QStringLiteral("link-%1").arg(n);
        link.a = {node.id, 0};
        link.b = {QStringLiteral("node-%1").arg((n + 1) % NodeCount, 5, 10, QLatin1Char('0')), 1};
        link.capacityBitsPerSecond = 100'000'000'000LL;
        link.latencyMs = 0.05;
        link.state = LinkState::Up;
        changes.upsert(link);
    }
    auto applied = engine.applyInventory(changes, QStringLiteral("bench"));
    if (!applied) {
        std::fprintf(stderr, "bench_foundation: applyInventory: %s\n", qPrintable(applied.error()));
        return;
    }
    Api::GrpcServer server(&engine);
    if (auto port = server.start(QStringLiteral("127.0.0.1:0")); !port) {
        std::fprintf(stderr, "bench_foundation: %s\n", qPrintable(port.error()));
        return;
    }
    std::vector<double> samples;
    int nodesSeen = 0;
    runBesideEventLoop([&] {
        auto stub = stubFor(server.address());
        for (int i = 0; i < 8; ++i) {
            grpc::ClientContext context;
            v1::InventorySnapshot snapshot;
            QElapsedTimer timer;
            timer.start();
            const auto status = stub->ListInventory(&context, {}, &snapshot);
            const double elapsed = double(timer.nsecsElapsed()) / 1e6;
            if (!status.ok()) {
                std::fprintf(stderr, "bench_foundation: ListInventory: %s\n", status.error_message().c_str());
                return;
            }
            nodesSeen = snapshot.nodes_size();
            if (i > 0) // the first call also connects the channel
                samples.push_back(elapsed);
        }
    });
    if (nodesSeen != NodeCount) {
        std::fprintf(stderr, "bench_foundation: snapshot had %d nodes\n", nodesSeen);
        return;
    }
    report("inventory_snapshot_10k_ms", median(samples), "ms");
    server.shutdown(std::chrono::seconds(1));
    engine.stop();
}

void benchEventFanout()
{
    QTemporaryDir dataDir;
    Engine engine;
    if (!startEngine(engine, dataDir.path()))
        return;
    Api::GrpcServer server(&engine);
    if (auto port = server.start(QStringLiteral("127.0.0.1:0")); !port) {
        std::fprintf(stderr, "bench_foundation: %s\n", qPrintable(port.error()));
        return;
    }
    constexpr int WatcherCount = 10;
    constexpr int EventCount = 20000;
    constexpr int Chunk = 500;
    constexpr int MaxInFlight = 8000; // stay below the broker's per-stream queue

    std::atomic<int> received[WatcherCount] = {};
    std::atomic<bool> failed{false};
    std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
    std::vector<std::thread> watchers;
    auto stub = stubFor(server.address());
    for (int w = 0; w < WatcherCount; ++w) {
        contexts.push_back(std::make_unique<grpc::ClientContext>());
        watchers.emplace_back([&, w, context = contexts.back().get()] {
            v1::WatchEventsRequest request;
            request.set_type_prefix("Bench.");
            auto reader = stub->WatchEvents(context, request);
            v1::EventBatch batch;
            while (reader->Read(&batch))
                received[w] += batch.events_size();
            const auto status = reader->Finish();
            if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
                std::fprintf(stderr, "bench_foundation: watcher %d: %s\n", w, status.error_message().c_str());
                failed = true;
            }
        });
    }
    const auto minimumReceived = [&] {
        int minimum = EventCount;
        for (const auto &count : received)
            minimum = std::min(minimum, count.load());
        return minimum;
    };
    QElapsedTimer wait;
    wait.start();
    while (server.broker()->watcherCount() < WatcherCount && wait.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);

    QElapsedTimer timer;
    timer.start();
    int published = 0;
    while (published < EventCount && !failed && timer.elapsed() < 120000) {
        for (int i = 0; i < Chunk; ++i, ++published) {
            Event event;
            event.type = QStringLiteral("Bench.Event");
            event.source = QStringLiteral("bench");
            event.message = QStringLiteral("event %1").arg(published);
            engine.publishEvent(event);
        }
        QCoreApplication::processEvents();
        while (published - minimumReceived() > MaxInFlight && !failed && timer.elapsed() < 120000)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    while (minimumReceived() < EventCount && !failed && timer.elapsed() < 120000)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const bool complete = minimumReceived() >= EventCount;
    for (auto &context : contexts)
        context->TryCancel();
    for (auto &thread : watchers)
        thread.join();
    if (!complete || failed) {
        std::fprintf(stderr, "bench_foundation: event fan-out incomplete (%d of %d)\n", minimumReceived(),
                     EventCount);
        return;
    }
    report("event_fanout_10_watchers_per_s", EventCount / seconds, "events/s");
    server.shutdown(std::chrono::seconds(1));
    engine.stop();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList only = app.arguments().mid(1);
    const auto wanted = [&](const char *name) {
        return only.isEmpty() || only.contains(QLatin1String(name));
    };
    if (wanted("daemon_cold_start_ms"))
        benchDaemonColdStart();
    if (wanted("inventory_snapshot_10k_ms"))
        benchInventorySnapshot();
    if (wanted("event_fanout_10_watchers_per_s"))
        benchEventFanout();
    return 0;
}
