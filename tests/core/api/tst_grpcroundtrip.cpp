#include "api/ApiBroker.h"
#include "api/GrpcServer.h"
#include "control/GrpcControlPlane.h"
#include "engine/Engine.h"
#include "store/IStateStore.h"
#include "telemetry/TelemetryHub.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDeadlineTimer>
#include <QScopeGuard>
#include <future>
#include <thread>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;
namespace v1 = ::continuo::v1;

class tst_GrpcRoundTrip : public QObject
{
    Q_OBJECT

private:
    static Site site(const QString &id)
    {
        Site site;
        site.id = id;
        site.name = id;
        site.kind = SiteKind::Edge;
        return site;
    }
    static Node node(const QString &id, const QString &siteId)
    {
        Node node;
        node.id = id;
        node.name = id;
        node.siteId = siteId;
        node.capacity.cpuCores = 8;
        node.capacity.memoryBytes = 16LL << 30;
        node.arch = QStringLiteral("x86_64");
        node.securityTier = SecurityTier::Standard;
        node.state = NodeState::Ready;
        return node;
    }

    /// Blocking stub calls need the engine thread (this one) to keep running while they wait.
    template<typename F>
    static auto offEngineThread(F function) -> decltype(function())
    {
        auto future = std::async(std::launch::async, std::move(function));
        while (future.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
            QCoreApplication::processEvents();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return future.get();
    }

    std::unique_ptr<v1::ContinuoService::Stub> rawStub() const
    {
        return v1::ContinuoService::NewStub(
            grpc::CreateChannel(m_server->address().toStdString(), grpc::InsecureChannelCredentials()));
    }

    QTemporaryDir m_dataDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Api::GrpcServer> m_server;
    std::unique_ptr<GrpcControlPlane> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        m_engine = std::make_unique<Engine>();
        EngineOptions options;
        options.dataDirectory = m_dataDir.path();
        options.scenario = QStringLiteral("none");
        options.hostProbe = false;
        auto started = m_engine->start(options);
        QVERIFY2(started, qPrintable(started.error()));

        InventoryChangeSet changes;
        changes.upsert(site(QStringLiteral("s1")));
        changes.upsert(node(QStringLiteral("n1"), QStringLiteral("s1")));
        auto applied = m_engine->applyInventory(changes, QStringLiteral("test"));
        QVERIFY2(applied, qPrintable(applied.error()));

        m_server = std::make_unique<Api::GrpcServer>(m_engine.get());
        auto port = m_server->start(QStringLiteral("127.0.0.1:0"));
        QVERIFY2(port, qPrintable(port.error()));
        QVERIFY(*port > 0);

        m_client = std::make_unique<GrpcControlPlane>(m_server->address());
        m_client->setActor(QStringLiteral("test:roundtrip"));
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

    void snapshotOnConnect()
    {
        QSignalSpy reset(m_client.get(), &IControlPlane::inventoryReset);
        QSignalSpy states(m_client.get(), &IControlPlane::connectionStateChanged);
        m_client->open();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->connectionState(), IControlPlane::ConnectionState::Connected,
                                  10000);
        QCOMPARE(reset.count(), 1);
        QVERIFY(m_client->connectionError().isEmpty());
        QCOMPARE(m_client->inventory().snapshot(), m_engine->inventory().snapshot());
        QVERIFY(m_client->inventory().find<Node>(QStringLiteral("n1")));
    }

    void deltasAfterApply()
    {
        QSignalSpy changed(m_client.get(), &IControlPlane::inventoryChanged);
        InventoryChangeSet changes;
        changes.upsert(node(QStringLiteral("n2"), QStringLiteral("s1")));
        QVERIFY(m_engine->applyInventory(changes, QStringLiteral("test")));
        QTRY_VERIFY_WITH_TIMEOUT(m_client->inventory().find<Node>(QStringLiteral("n2")), 10000);
        QCOMPARE(changed.count(), 1);
        const auto deltas = changed.at(0).at(0).value<QList<InventoryDelta>>();
        QCOMPARE(deltas.size(), 1);
        QCOMPARE(deltas.at(0).id, QStringLiteral("n2"));
        QCOMPARE(m_client->inventory().revision(), m_engine->inventory().revision());

        InventoryChangeSet removal;
        removal.remove(EntityKind::Node, QStringLiteral("n2"));
        QVERIFY(m_engine->applyInventory(removal, QStringLiteral("test")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_client->inventory().find<Node>(QStringLiteral("n2")), 10000);
        QCOMPARE(m_client->inventory().snapshot(), m_engine->inventory().snapshot());
    }

    void eventsWatch()
    {
        QSignalSpy received(m_client.get(), &IControlPlane::eventsReceived);
        Event event;
        event.type = QStringLiteral("Test.Ping");
        event.source = QStringLiteral("test");
        event.message = QStringLiteral("ping");
        event.payload = {{QStringLiteral("n"), 1}};
        const Event published = m_engine->publishEvent(event);
        QVERIFY(published.sequence > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_client->recentEvents().isEmpty()
                                     && m_client->recentEvents().constLast().sequence == published.sequence,
                                 10000);
        QCOMPARE(m_client->recentEvents().constLast(), published);
        // The history sent at connect and the live ones never overlap.
        const auto events = m_client->recentEvents();
        for (qsizetype i = 1; i < events.size(); ++i)
            QVERIFY(events.at(i).sequence > events.at(i - 1).sequence);
    }

    void statusPolled()
    {
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_client->status().state), toString(EngineState::Running), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->status().nodeCount, 1, 10000);
    }

    void telemetrySubscribe()
    {
        const auto matcher = SeriesMatcher::parse(QStringLiteral("test_metric{node=\"n1\"}"));
        QVERIFY(matcher);
        QSignalSpy samples(m_client.get(), &IControlPlane::samplesReceived);
        const int id = m_client->subscribeTelemetry({*matcher});
        // The subscription reaches the server asynchronously: keep publishing until samples arrive.
        QDeadlineTimer deadline(10000);
        qint64 t = 1000;
        while (samples.isEmpty() && !deadline.hasExpired()) {
            SeriesBatch wanted{QStringLiteral("test_metric"), {{QStringLiteral("node"), QStringLiteral("n1")}},
                               {{t, double(t)}}};
            SeriesBatch other{QStringLiteral("test_metric"), {{QStringLiteral("node"), QStringLiteral("n9")}},
                              {{t, 0.0}}};
            m_engine->telemetry()->ingest({wanted, other});
            m_engine->telemetry()->publishPending();
            t += 1000;
            samples.wait(100);
        }
        QVERIFY(!samples.isEmpty());
        QCOMPARE(samples.at(0).at(0).toInt(), id);
        const auto batches = samples.at(0).at(1).value<QList<SeriesBatch>>();
        QCOMPARE(batches.size(), 1); // n9 filtered out on the server
        QCOMPARE(batches.at(0).labels.value(QStringLiteral("node")), QStringLiteral("n1"));
        QVERIFY(!batches.at(0).samples.isEmpty());
        m_client->unsubscribeTelemetry(id);
    }

    void queryRange()
    {
        const SeriesBatch batch{QStringLiteral("range_metric"), {{QStringLiteral("node"), QStringLiteral("n1")}},
                                {{100, 1.0}, {200, 2.0}, {300, 3.0}, {400, 4.0}}};
        m_engine->telemetry()->ingest({batch});
        std::optional<Result<QList<Sample>>> result;
        m_client->queryRange(batch.key(), 150, 350, this,
                             [&](const Result<QList<Sample>> &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY2(result->hasValue(), qPrintable(result->error()));
        QCOMPARE(result->value(), (QList<Sample>{{200, 2.0}, {300, 3.0}}));
    }

    void callbackSkippedWhenContextDies()
    {
        bool called = false;
        auto *context = new QObject;
        m_client->queryRange(QStringLiteral("range_metric{node=\"n1\"}"), 0, 1000, context,
                             [&](const Result<QList<Sample>> &) { called = true; });
        delete context;
        // A later call on the same connection answers after the first one was delivered or dropped.
        bool later = false;
        m_client->queryRange(QStringLiteral("range_metric{node=\"n1\"}"), 0, 1000, this,
                             [&](const Result<QList<Sample>> &) { later = true; });
        QTRY_VERIFY_WITH_TIMEOUT(later, 10000);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void setNodeStateAudited()
    {
        std::optional<Result<Node>> result;
        m_client->setNodeState(QStringLiteral("n1"), NodeState::Draining, QStringLiteral("kernel update"),
                               this, [&](const Result<Node> &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY2(result->hasValue(), qPrintable(result->error()));
        QCOMPARE(toString(result->value().state), toString(NodeState::Draining));
        QCOMPARE(toString(m_engine->inventory().find<Node>(QStringLiteral("n1"))->state), toString(NodeState::Draining));
        QTRY_COMPARE_WITH_TIMEOUT(toString(m_client->inventory().find<Node>(QStringLiteral("n1"))->state),
                                  toString(NodeState::Draining), 10000);

        auto audit = m_engine->store()->auditLog(0, 100);
        QVERIFY2(audit, qPrintable(audit.error()));
        QVERIFY(!audit->isEmpty());
        const AuditEntry &entry = audit->constLast();
        QCOMPARE(entry.actor, QStringLiteral("test:roundtrip"));
        QCOMPARE(entry.action, QStringLiteral("node.set_state"));
        QCOMPARE(entry.target, QStringLiteral("n1"));
        QCOMPARE(entry.details.value(QStringLiteral("reason")).toString(), QStringLiteral("kernel update"));

        // ListAudit over the wire shows the same entry.
        auto stub = rawStub();
        v1::ListAuditResponse response;
        QVERIFY(offEngineThread([&] {
            grpc::ClientContext context;
            return stub->ListAudit(&context, v1::ListAuditRequest(), &response).ok();
        }));
        QVERIFY(response.entries_size() >= 1);
        QCOMPARE(response.entries(response.entries_size() - 1).actor(), "test:roundtrip");
    }

    void setNodeStateUnknownNode()
    {
        std::optional<Result<Node>> result;
        m_client->setNodeState(QStringLiteral("no-such-node"), NodeState::Ready, {}, this,
                               [&](const Result<Node> &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY(!result->hasValue());
        QVERIFY2(result->error().contains(QStringLiteral("no-such-node")), qPrintable(result->error()));
    }

    void invalidRequests()
    {
        auto stub = rawStub();
        {
            grpc::ClientContext context;
            v1::SubscribeTelemetryRequest request;
            request.add_selectors("bad{selector");
            auto reader = stub->SubscribeTelemetry(&context, request);
            v1::SampleBatch frame;
            QVERIFY(!reader->Read(&frame));
            const auto status = reader->Finish();
            QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
            QVERIFY(status.error_message().find("bad{selector") != std::string::npos);
        }
        {
            grpc::ClientContext context;
            v1::SetNodeStateRequest request;
            request.set_node_id("n1");
            request.set_state(static_cast<v1::NodeState>(99));
            v1::SetNodeStateResponse response;
            const auto status = stub->SetNodeState(&context, request, &response);
            QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        }
        {
            const auto status = offEngineThread([&] {
                grpc::ClientContext context;
                v1::SetNodeStateRequest request;
                request.set_node_id("ghost");
                request.set_state(v1::NODE_STATE_READY);
                v1::SetNodeStateResponse response;
                return stub->SetNodeState(&context, request, &response);
            });
            QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);
            QVERIFY(status.error_message().find("ghost") != std::string::npos);
        }
        {
            grpc::ClientContext context;
            v1::ListAuditRequest request;
            request.set_limit(-1);
            v1::ListAuditResponse response;
            QCOMPARE(stub->ListAudit(&context, request, &response).error_code(),
                     grpc::StatusCode::INVALID_ARGUMENT);
        }
        // The server is still fine.
        v1::EngineStatus status;
        QVERIFY(offEngineThread([&] {
            grpc::ClientContext context;
            return stub->GetStatus(&context, {}, &status).ok();
        }));
        QCOMPARE(status.state(), v1::ENGINE_STATE_RUNNING);
    }

    void historyOnlyEvents()
    {
        auto stub = rawStub();
        std::vector<std::string> types;
        const bool finished = offEngineThread([&] {
            grpc::ClientContext context;
            v1::WatchEventsRequest request;
            request.set_history_only(true);
            request.set_type_prefix("Operator.");
            auto reader = stub->WatchEvents(&context, request);
            v1::EventBatch batch;
            while (reader->Read(&batch)) {
                for (const auto &event : batch.events())
                    types.push_back(event.type());
            }
            return reader->Finish().ok();
        });
        QVERIFY(finished);
        QCOMPARE(types.size(), std::size_t(1)); // the drain above
        QCOMPARE(types.front(), "Operator.Action");
    }

    void slowWatcherOverflows()
    {
        Api::BrokerLimits limits;
        limits.events = 3;
        Api::ApiBroker broker(m_engine.get(), limits);
        auto slow = broker.watchEvents(QStringLiteral("Test."), std::nullopt);
        auto other = broker.watchEvents(QStringLiteral("Other."), std::nullopt);
        QVERIFY(slow && other);
        for (int i = 0; i < 5; ++i) {
            Event event;
            event.type = QStringLiteral("Test.Burst");
            m_engine->publishEvent(event);
        }
        std::vector<std::shared_ptr<const v1::Event>> items;
        QCOMPARE(slow->queue.take(items, std::chrono::milliseconds(0)),
                 decltype(slow->queue)::State::Overflowed);
        QVERIFY(items.empty());
        QCOMPARE(other->queue.take(items, std::chrono::milliseconds(0)),
                 decltype(other->queue)::State::Open);
        QCOMPARE(broker.watcherCount(), 1); // the slow one was dropped, the other kept
        broker.unwatch(slow);
        broker.unwatch(other);
        QCOMPARE(broker.watcherCount(), 0);
    }

    void slowStreamIsDisconnectedOthersContinue()
    {
        Api::BrokerLimits limits;
        limits.events = 16;
        Api::GrpcServer server(m_engine.get(), limits);
        QVERIFY(server.start(QStringLiteral("127.0.0.1:0")));
        grpc::ChannelArguments arguments;
        arguments.SetMaxReceiveMessageSize(-1);
        auto stub = v1::ContinuoService::NewStub(grpc::CreateCustomChannel(
            server.address().toStdString(), grpc::InsecureChannelCredentials(), arguments));
        v1::WatchEventsRequest request;
        request.set_type_prefix("Slow.");

        // The fast watcher reads everything; the slow one reads nothing until the burst is over.
        std::atomic<int> fastReceived{0};
        std::atomic<bool> burstDone{false};
        grpc::ClientContext fastContext;
        std::thread fast([&] {
            auto reader = stub->WatchEvents(&fastContext, request);
            v1::EventBatch batch;
            while (reader->Read(&batch))
                fastReceived += batch.events_size();
            reader->Finish();
        });
        grpc::Status slowStatus;
        grpc::ClientContext slowContext;
        std::thread slow([&] {
            auto reader = stub->WatchEvents(&slowContext, request);
            while (!burstDone.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            v1::EventBatch batch;
            while (reader->Read(&batch)) {
            }
            slowStatus = reader->Finish();
        });
        const auto cleanup = qScopeGuard([&] {
            burstDone = true;
            fastContext.TryCancel();
            slowContext.TryCancel();
            if (fast.joinable())
                fast.join();
            if (slow.joinable())
                slow.join();
        });
        QTRY_COMPARE_WITH_TIMEOUT(server.broker()->watcherCount(), 2, 10000);

        // Big events fill the slow stream's flow-control window, then its queue overflows. The
        // fast watcher is kept in step so that only the slow one can fall behind.
        const QString filler(64 * 1024, QLatin1Char('x'));
        int published = 0;
        QDeadlineTimer deadline(30000);
        while (server.broker()->watcherCount() == 2 && published < 2000 && !deadline.hasExpired()) {
            Event event;
            event.type = QStringLiteral("Slow.Burst");
            event.payload = {{QStringLiteral("filler"), filler}};
            m_engine->publishEvent(event);
            ++published;
            while (fastReceived.load() < published && !deadline.hasExpired())
                std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        QCOMPARE(server.broker()->watcherCount(), 1);
        QCOMPARE(fastReceived.load(), published);
        const int Count = published;
        burstDone = true;
        slow.join();
        QCOMPARE(int(slowStatus.error_code()), int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QCOMPARE(fastReceived.load(), Count);
        fastContext.TryCancel();
        fast.join();
        server.shutdown(std::chrono::seconds(1));
    }

    void reconnectsAfterServerRestart()
    {
        QSignalSpy reset(m_client.get(), &IControlPlane::inventoryReset);
        const QString address = m_server->address();
        QElapsedTimer timer;
        timer.start();
        m_server->shutdown(std::chrono::seconds(2));
        // Open streams wake at once; nothing waits for the deadline.
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(m_client->connectionState(),
                                  IControlPlane::ConnectionState::Disconnected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_client->connectionError().isEmpty(), 10000);

        InventoryChangeSet changes;
        changes.upsert(node(QStringLiteral("n3"), QStringLiteral("s1")));
        QVERIFY(m_engine->applyInventory(changes, QStringLiteral("test")));

        m_server = std::make_unique<Api::GrpcServer>(m_engine.get());
        auto port = m_server->start(address);
        QVERIFY2(port, qPrintable(port.error()));
        QTRY_COMPARE_WITH_TIMEOUT(m_client->connectionState(), IControlPlane::ConnectionState::Connected,
                                  20000);
        QVERIFY(reset.count() >= 1);
        QVERIFY(m_client->connectionError().isEmpty());
        QVERIFY(m_client->inventory().find<Node>(QStringLiteral("n3")));
    }

    void closeIsPrompt()
    {
        QElapsedTimer timer;
        timer.start();
        m_client->close();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_client->connectionState(), IControlPlane::ConnectionState::Disconnected);
    }
};

QTEST_GUILESS_MAIN(tst_GrpcRoundTrip)
#include "tst_grpcroundtrip.moc"
