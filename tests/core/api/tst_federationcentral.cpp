// The central end of federation in-process: an engine behind its GrpcServer, and the test
// playing the agent with raw Federation stubs (bad input, labels, commands, leases).

#include "api/FederationCentral.h"
#include "api/GrpcServer.h"
#include "engine/Engine.h"
#include "telemetry/TelemetryHub.h"

#include "continuo/v1/federation.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Continuo;
namespace v1 = ::continuo::v1;

namespace {

/// A fake agent's Session: answers every command with `matched` series, on its own thread.
class FakeSession
{
public:
    FakeSession(v1::Federation::Stub &stub, const std::string &sessionId, int matched)
    {
        m_stream = stub.Session(&m_context);
        v1::AgentMessage open;
        open.mutable_open()->set_session_id(sessionId);
        m_stream->Write(open);
        m_thread = std::thread([this, matched] {
            v1::CentralMessage message;
            while (m_stream->Read(&message)) {
                if (!message.has_command())
                    continue;
                v1::AgentMessage reply;
                reply.mutable_result()->set_command_id(message.command().command_id());
                const bool unknownClose = message.command().has_close_stream()
                                          && message.command().close_stream().stream_id() == "nope";
                reply.mutable_result()->set_ok(!unknownClose);
                reply.mutable_result()->set_matched_series(matched);
                ++m_commands;
                m_stream->Write(reply);
            }
        });
    }
    ~FakeSession() { close(); }

    grpc::Status close()
    {
        if (!m_thread.joinable())
            return m_status;
        m_context.TryCancel();
        m_thread.join();
        m_status = m_stream->Finish();
        return m_status;
    }
    /// Wait for the central to end the stream by itself.
    grpc::Status waitForEnd()
    {
        if (!m_thread.joinable())
            return m_status;
        m_thread.join();
        m_status = m_stream->Finish();
        return m_status;
    }
    int commands() const { return m_commands.load(); }

private:
    grpc::ClientContext m_context;
    std::unique_ptr<grpc::ClientReaderWriter<v1::AgentMessage, v1::CentralMessage>> m_stream;
    std::thread m_thread;
    std::atomic<int> m_commands{0};
    grpc::Status m_status;
};

} // namespace

class tst_FederationCentral : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<v1::Federation::Stub> stub() const
    {
        return v1::Federation::NewStub(
            grpc::CreateChannel(m_server->address().toStdString(), grpc::InsecureChannelCredentials()));
    }

    static grpc::Status registerAgent(v1::Federation::Stub &stub, const std::string &id,
                                      qint64 heartbeatMs, v1::RegisterResponse *response)
    {
        grpc::ClientContext context;
        v1::RegisterRequest request;
        request.set_agent_id(id);
        request.set_host_name("test-host");
        request.add_node_ids("n1");
        request.set_heartbeat_interval_ms(heartbeatMs);
        return stub.Register(&context, request, response);
    }

    QList<Event> agentEvents(const QString &id) const
    {
        QList<Event> events;
        for (const Event &event : m_engine->recentEvents(0, QLatin1String(EventTypes::TelemetryAgent))) {
            if (event.subjectId == id)
                events.append(event);
        }
        return events;
    }

    QTemporaryDir m_dataDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Api::GrpcServer> m_server;

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
        m_server = std::make_unique<Api::GrpcServer>(m_engine.get());
        auto port = m_server->start(QStringLiteral("127.0.0.1:0"));
        QVERIFY2(port, qPrintable(port.error()));
        QVERIFY(m_server->federation());
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->shutdown(std::chrono::seconds(1));
        m_server.reset();
        if (m_engine)
            m_engine->stop();
    }

    void badAgentIdsAreRefused()
    {
        auto federation = stub();
        v1::RegisterResponse response;
        for (const std::string &id : std::vector<std::string>{"", "has space", "ünïcode",
                                                             std::string(200, 'a'), "-leading"})
            QCOMPARE(registerAgent(*federation, id, 1000, &response).error_code(),
                     grpc::StatusCode::INVALID_ARGUMENT);
    }

    void unknownSessionsAreRefused()
    {
        auto federation = stub();
        grpc::ClientContext context;
        v1::PushSamplesResponse response;
        auto writer = federation->PushSamples(&context, &response);
        v1::PushSamplesRequest request;
        request.set_session_id("made-up");
        writer->Write(request);
        writer->WritesDone();
        QCOMPARE(writer->Finish().error_code(), grpc::StatusCode::FAILED_PRECONDITION);

        FakeSession session(*federation, "made-up", 0);
        QCOMPARE(session.waitForEnd().error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    }

    void pushedSamplesGetTheAgentLabel()
    {
        auto federation = stub();
        v1::RegisterResponse registered;
        QVERIFY(registerAgent(*federation, "push-1", 60000, &registered).ok());
        QVERIFY(!registered.session_id().empty());
        QCOMPARE(registered.heartbeat_interval_ms(), 60000);
        QCOMPARE(registered.lease_ms(), 180000);
        QTRY_COMPARE(agentEvents(QStringLiteral("push-1")).size(), 1);
        const Event up = agentEvents(QStringLiteral("push-1")).constFirst();
        QCOMPARE(up.payload.value(QStringLiteral("id")).toString(), QStringLiteral("push-1"));
        QCOMPARE(up.payload.value(QStringLiteral("status")).toString(), QStringLiteral("UP"));

        grpc::ClientContext context;
        v1::PushSamplesResponse response;
        auto writer = federation->PushSamples(&context, &response);
        v1::PushSamplesRequest request;
        request.set_session_id(registered.session_id());
        request.set_mode(v1::FORWARDING_MODE_AGGREGATE);
        auto *own = request.add_series();
        own->set_metric("cpu");
        (*own->mutable_labels())["node"] = "n1";
        *own->add_samples() = [] { v1::Sample s; s.set_timestamp_ms(1000); s.set_value(0.5); return s; }();
        auto *lower = request.add_series();
        lower->set_metric("cpu");
        (*lower->mutable_labels())["node"] = "n9";
        (*lower->mutable_labels())["agent"] = "edge-below";
        *lower->add_samples() = [] { v1::Sample s; s.set_timestamp_ms(1000); s.set_value(0.7); return s; }();
        request.add_series(); // no metric, no samples: rejected, not fatal
        QVERIFY(writer->Write(request));
        writer->WritesDone();
        const auto status = writer->Finish();
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(response.messages_received(), 1);
        QCOMPARE(response.samples_received(), 2);
        QCOMPARE(response.samples_rejected(), 1);

        const auto own1 = m_engine->telemetry()->latest(QStringLiteral("cpu{agent=\"push-1\",node=\"n1\"}"));
        QVERIFY(own1);
        QCOMPARE(own1->value, 0.5);
        QVERIFY(m_engine->telemetry()->latest(QStringLiteral("cpu{agent=\"edge-below\",node=\"n9\"}")));

        const auto agents = m_server->federation()->agents();
        const auto it = std::find_if(agents.agents().begin(), agents.agents().end(),
                                     [](const auto &a) { return a.agent_id() == "push-1"; });
        QVERIFY(it != agents.agents().end());
        QCOMPARE(it->samples_received_total(), 2);
        QCOMPARE(it->node_ids_size(), 1);
        QCOMPARE(it->status(), v1::AGENT_STATUS_UP);
    }

    void operatorCommandsReachTheSession()
    {
        auto federation = stub();
        v1::RegisterResponse registered;
        QVERIFY(registerAgent(*federation, "cmd-1", 60000, &registered).ok());

        // Not connected yet: the operator hears so.
        {
            grpc::ClientContext context;
            v1::OpenAgentStreamRequest request;
            request.set_agent_id("cmd-1");
            request.add_selectors("cpu");
            v1::OpenAgentStreamResponse response;
            QCOMPARE(federation->OpenAgentStream(&context, request, &response).error_code(),
                     grpc::StatusCode::UNAVAILABLE);
        }
        {
            grpc::ClientContext context;
            v1::OpenAgentStreamRequest request;
            request.set_agent_id("nobody");
            request.add_selectors("cpu");
            v1::OpenAgentStreamResponse response;
            QCOMPARE(federation->OpenAgentStream(&context, request, &response).error_code(),
                     grpc::StatusCode::NOT_FOUND);
        }

        FakeSession session(*federation, registered.session_id(), 3);
        QTRY_VERIFY([&] {
            const auto agents = m_server->federation()->agents();
            return std::any_of(agents.agents().begin(), agents.agents().end(),
                               [](const auto &a) { return a.agent_id() == "cmd-1" && a.connected(); });
        }());

        {
            grpc::ClientContext context;
            v1::OpenAgentStreamRequest request;
            request.set_agent_id("cmd-1");
            request.add_selectors("cpu{node=\"n1\"");
            v1::OpenAgentStreamResponse response;
            QCOMPARE(federation->OpenAgentStream(&context, request, &response).error_code(),
                     grpc::StatusCode::INVALID_ARGUMENT);
        }
        v1::OpenAgentStreamResponse opened;
        {
            grpc::ClientContext context;
            v1::OpenAgentStreamRequest request;
            request.set_agent_id("cmd-1");
            request.add_selectors("cpu{node=\"n1\"}");
            request.set_duration_ms(60000);
            const auto status = federation->OpenAgentStream(&context, request, &opened);
            QVERIFY2(status.ok(), status.error_message().c_str());
        }
        QCOMPARE(opened.matched_series(), 3);
        QVERIFY(opened.expires_at_ms() > 0);
        v1::SetAgentRateResponse rated;
        {
            grpc::ClientContext context;
            v1::SetAgentRateRequest request;
            request.set_agent_id("cmd-1");
            request.add_selectors("mem");
            request.set_interval_ms(2000);
            const auto status = federation->SetAgentRate(&context, request, &rated);
            QVERIFY2(status.ok(), status.error_message().c_str());
        }
        {
            const auto agents = m_server->federation()->agents();
            const auto it = std::find_if(agents.agents().begin(), agents.agents().end(),
                                         [](const auto &a) { return a.agent_id() == "cmd-1"; });
            QVERIFY(it != agents.agents().end());
            QCOMPARE(it->rules_size(), 2);
        }
        {
            grpc::ClientContext context;
            v1::CloseAgentStreamRequest request;
            request.set_agent_id("cmd-1");
            request.set_stream_id(opened.stream_id());
            v1::CloseAgentStreamResponse response;
            QVERIFY(federation->CloseAgentStream(&context, request, &response).ok());
        }
        {
            grpc::ClientContext context;
            v1::CloseAgentStreamRequest request;
            request.set_agent_id("cmd-1");
            request.set_stream_id("nope");
            v1::CloseAgentStreamResponse response;
            QCOMPARE(federation->CloseAgentStream(&context, request, &response).error_code(),
                     grpc::StatusCode::NOT_FOUND);
        }
        QCOMPARE(session.commands(), 4);

        // A new session gets the rules still in force again (the rate rule).
        session.close();
        QVERIFY(registerAgent(*federation, "cmd-1", 60000, &registered).ok());
        FakeSession again(*federation, registered.session_id(), 0);
        QTRY_COMPARE(again.commands(), 1);
    }

    void silentAgentGoesDownAndComesBack()
    {
        auto federation = stub();
        v1::RegisterResponse registered;
        QVERIFY(registerAgent(*federation, "quiet-1", 200, &registered).ok());
        QCOMPARE(registered.lease_ms(), 600);
        QTRY_COMPARE(agentEvents(QStringLiteral("quiet-1")).size(), 1);
        QElapsedTimer timer;
        timer.start();
        QTRY_COMPARE_WITH_TIMEOUT(agentEvents(QStringLiteral("quiet-1")).size(), 2, 5000);
        QVERIFY(timer.elapsed() >= 300);
        const Event down = agentEvents(QStringLiteral("quiet-1")).constLast();
        QCOMPARE(down.payload.value(QStringLiteral("status")).toString(), QStringLiteral("DOWN"));
        QVERIFY(down.severity == EventSeverity::Warning);

        // Its session is over: it must register again, and is UP once more.
        FakeSession stale(*federation, registered.session_id(), 0);
        QCOMPARE(stale.waitForEnd().error_code(), grpc::StatusCode::FAILED_PRECONDITION);
        QVERIFY(registerAgent(*federation, "quiet-1", 200, &registered).ok());
        QTRY_COMPARE(agentEvents(QStringLiteral("quiet-1")).size(), 3);
        QCOMPARE(agentEvents(QStringLiteral("quiet-1")).constLast().payload.value(QStringLiteral("status")).toString(),
                 QStringLiteral("UP"));
    }
};

QTEST_GUILESS_MAIN(tst_FederationCentral)
#include "tst_federationcentral.moc"
