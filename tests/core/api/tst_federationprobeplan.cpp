// Who measures the latency between sites: the central's probe plans (federation.proto ProbePlan)
// in-process, with fake agents on raw Federation stubs. One representative per site, direct
// links named, path ends for the rest, wildcard addresses resolved, a silent representative
// replaced, inventory changes followed.

#include "api/FederationCentral.h"
#include "api/GrpcServer.h"
#include "engine/Engine.h"
#include "plugin/IPluginHost.h"

#include "continuo/v1/federation.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

using namespace Continuo;
namespace v1 = ::continuo::v1;

namespace {

constexpr int WaitMs = 20000;

/// A fake agent: registers, keeps its Session with heartbeats every 200 ms, and remembers the
/// last probe plan the central sent.
class PlanAgent
{
public:
    PlanAgent(const std::string &address, const std::string &id, const std::string &site, const std::string &probeAddress)
        : m_stub(v1::Federation::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials())))
    {
        grpc::ClientContext context;
        v1::RegisterRequest request;
        request.set_agent_id(id);
        request.set_host_name("test-host");
        request.set_heartbeat_interval_ms(200);
        request.set_forward_interval_ms(2000);
        request.set_site_id(site);
        request.set_probe_address(probeAddress);
        v1::RegisterResponse response;
        m_registered = m_stub->Register(&context, request, &response);
        if (!m_registered.ok())
            return;
        m_stream = m_stub->Session(&m_context);
        v1::AgentMessage open;
        open.mutable_open()->set_session_id(response.session_id());
        m_stream->Write(open);
        m_reader = std::thread([this] {
            v1::CentralMessage message;
            while (m_stream->Read(&message)) {
                if (message.has_probe_plan()) {
                    std::lock_guard lock(m_mutex);
                    m_plan = message.probe_plan();
                }
            }
        });
        m_writer = std::thread([this] {
            while (!m_silent.load()) {
                v1::AgentMessage heartbeat;
                heartbeat.mutable_heartbeat()->set_timestamp_ms(QDateTime::currentMSecsSinceEpoch());
                if (!m_stream->Write(heartbeat))
                    return;
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
    }
    PlanAgent(const PlanAgent &) = delete;
    PlanAgent &operator=(const PlanAgent &) = delete;

    ~PlanAgent()
    {
        m_silent = true;
        if (m_writer.joinable())
            m_writer.join();
        m_context.TryCancel();
        if (m_reader.joinable())
            m_reader.join();
        if (m_stream)
            m_stream->Finish();
    }

    bool isRegistered() const { return m_registered.ok(); }
    /// Stop heartbeating: the central declares the agent DOWN after its lease.
    void fallSilent()
    {
        m_silent = true;
        if (m_writer.joinable())
            m_writer.join();
    }

    std::optional<v1::ProbePlan> plan() const
    {
        std::lock_guard lock(m_mutex);
        return m_plan;
    }

    /// The plan as sorted "agent site address link=… from=… to=…" lines.
    QStringList peers() const
    {
        QStringList lines;
        const auto current = plan();
        if (!current)
            return {QStringLiteral("<no plan>")};
        for (const v1::ProbePeer &peer : current->peers()) {
            QString line = QString::fromStdString(peer.agent_id() + " " + peer.site_id() + " " + peer.address());
            if (!peer.link_id().empty())
                line += QString::fromStdString(" link=" + peer.link_id());
            if (!peer.from_endpoint().empty())
                line += QString::fromStdString(" from=" + peer.from_endpoint() + " to=" + peer.to_endpoint());
            lines.append(line);
        }
        lines.sort();
        return lines;
    }

private:
    std::unique_ptr<v1::Federation::Stub> m_stub;
    grpc::Status m_registered;
    grpc::ClientContext m_context;
    std::unique_ptr<grpc::ClientReaderWriter<v1::AgentMessage, v1::CentralMessage>> m_stream;
    std::thread m_reader;
    std::thread m_writer;
    std::atomic<bool> m_silent{false};
    mutable std::mutex m_mutex;
    std::optional<v1::ProbePlan> m_plan;
};

Switch makeSwitch(const char *id, const char *site)
{
    Switch device;
    device.id = QLatin1String(id);
    device.name = device.id;
    device.siteId = QLatin1String(site);
    device.target = QStringLiteral("bmv2");
    device.portCount = 8;
    return device;
}

Link makeLink(const char *id, const char *a, int portA, const char *b, int portB)
{
    Link link;
    link.id = QLatin1String(id);
    link.a = {QLatin1String(a), portA};
    link.b = {QLatin1String(b), portB};
    link.capacityBitsPerSecond = 10'000'000'000;
    link.latencyMs = 5;
    link.state = LinkState::Up;
    return link;
}

} // namespace

class tst_FederationProbePlan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Api::GrpcServer> m_server;

    std::string address() const { return m_server->address().toStdString(); }

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
        // Sites a, b and c: a and b joined directly, all three through a backbone switch.
        InventoryChangeSet changes;
        for (const char *site : {"site-a", "site-b", "site-c"}) {
            Site entry;
            entry.id = QLatin1String(site);
            entry.name = entry.id;
            entry.kind = SiteKind::Edge;
            changes.upsert(entry);
        }
        changes.upsert(makeSwitch("sw-a", "site-a"));
        changes.upsert(makeSwitch("sw-b", "site-b"));
        changes.upsert(makeSwitch("sw-c", "site-c"));
        changes.upsert(makeSwitch("sw-core", ""));
        changes.upsert(makeLink("link-a-b", "sw-a", 1, "sw-b", 1));
        changes.upsert(makeLink("link-a-core", "sw-a", 2, "sw-core", 1));
        changes.upsert(makeLink("link-b-core", "sw-b", 2, "sw-core", 2));
        changes.upsert(makeLink("link-c-core", "sw-c", 1, "sw-core", 3));
        auto applied = m_engine->pluginHost()->applyInventory(changes, QStringLiteral("test"));
        QVERIFY2(applied, qPrintable(applied.error()));
        m_server = std::make_unique<Api::GrpcServer>(m_engine.get());
        auto port = m_server->start(QStringLiteral("127.0.0.1:0"));
        QVERIFY2(port, qPrintable(port.error()));
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->shutdown(std::chrono::seconds(1));
        m_server.reset();
        if (m_engine)
            m_engine->stop();
        m_engine.reset();
    }

    void representativesAndLabels()
    {
        PlanAgent a1(address(), "a1", "site-a", "127.0.0.1:7001");
        PlanAgent a2(address(), "a2", "site-a", "127.0.0.1:7002");
        PlanAgent b1(address(), "b1", "site-b", "0.0.0.0:7003"); // a wildcard: peers use the host it comes from
        PlanAgent c1(address(), "c1", "site-c", "127.0.0.1:7004");
        PlanAgent lurker(address(), "z-no-address", "site-d", ""); // cannot be probed: no peer of anyone
        for (const PlanAgent *agent : {&a1, &a2, &b1, &c1, &lurker})
            QVERIFY(agent->isRegistered());

        const QStringList a1Peers{QStringLiteral("b1 site-b 127.0.0.1:7003 link=link-a-b"),
                                  QStringLiteral("c1 site-c 127.0.0.1:7004 from=sw-a to=sw-c")};
        QTRY_COMPARE_WITH_TIMEOUT(a1.peers(), a1Peers, WaitMs);
        QCOMPARE(a1.plan()->site_id(), "site-a");
        QCOMPARE(a1.plan()->interval_ms(), 2000); // the agent's forwarding interval, within 1..5 s
        const QStringList b1Peers{QStringLiteral("a1 site-a 127.0.0.1:7001 link=link-a-b"),
                                  QStringLiteral("c1 site-c 127.0.0.1:7004 from=sw-b to=sw-c")};
        QTRY_COMPARE_WITH_TIMEOUT(b1.peers(), b1Peers, WaitMs);
        const QStringList c1Peers{QStringLiteral("a1 site-a 127.0.0.1:7001 from=sw-c to=sw-a"),
                                  QStringLiteral("b1 site-b 127.0.0.1:7003 from=sw-c to=sw-b")};
        QTRY_COMPARE_WITH_TIMEOUT(c1.peers(), c1Peers, WaitMs);
        // a2 is not site-a's representative; the agent without an address probes (nobody else).
        QTRY_VERIFY_WITH_TIMEOUT(a2.plan().has_value(), WaitMs);
        QCOMPARE(a2.peers(), QStringList());
        QTRY_VERIFY_WITH_TIMEOUT(lurker.plan().has_value(), WaitMs);
        QCOMPARE(lurker.peers(), QStringList());
        // What the sessions carry is what the central answers when asked directly.
        const v1::ProbePlan direct = m_server->federation()->probePlan("c1");
        QCOMPARE(direct.peers_size(), 2);
        QCOMPARE(direct.site_id(), "site-c");
        QCOMPARE(m_server->federation()->probePlan("a2").peers_size(), 0);
        QCOMPARE(m_server->federation()->probePlan("nobody").peers_size(), 0);

        // ListAgents shows where each agent is probed.
        const auto listed = m_server->federation()->agents();
        bool sawWildcard = false;
        for (const auto &agent : listed.agents()) {
            if (agent.agent_id() == "b1") {
                QCOMPARE(agent.probe_address(), "127.0.0.1:7003");
                QCOMPARE(agent.site_id(), "site-b");
                sawWildcard = true;
            }
        }
        QVERIFY(sawWildcard);

        // a1 falls silent: after its lease a2 represents site-a, and everyone follows.
        a1.fallSilent();
        QTRY_COMPARE_WITH_TIMEOUT(a2.peers(), (QStringList{QStringLiteral("b1 site-b 127.0.0.1:7003 link=link-a-b"),
                                                           QStringLiteral("c1 site-c 127.0.0.1:7004 from=sw-a to=sw-c")}),
                                  WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b1.peers(), (QStringList{QStringLiteral("a2 site-a 127.0.0.1:7002 link=link-a-b"),
                                                           QStringLiteral("c1 site-c 127.0.0.1:7004 from=sw-b to=sw-c")}),
                                  WaitMs);
    }

    void followsTheInventory()
    {
        PlanAgent a(address(), "inv-a", "site-a", "127.0.0.1:7101");
        PlanAgent b(address(), "inv-b", "site-b", "127.0.0.1:7102");
        QTRY_COMPARE_WITH_TIMEOUT(a.peers(), QStringList{QStringLiteral("inv-b site-b 127.0.0.1:7102 link=link-a-b")}, WaitMs);
        // Without the direct link the two sites are the ends of a path through the backbone.
        InventoryChangeSet removal;
        removal.remove(EntityKind::Link, QStringLiteral("link-a-b"));
        QVERIFY(m_engine->pluginHost()->applyInventory(removal, QStringLiteral("test")));
        QTRY_COMPARE_WITH_TIMEOUT(a.peers(), QStringList{QStringLiteral("inv-b site-b 127.0.0.1:7102 from=sw-a to=sw-b")}, WaitMs);
        InventoryChangeSet restore;
        restore.upsert(makeLink("link-a-b", "sw-a", 1, "sw-b", 1));
        QVERIFY(m_engine->pluginHost()->applyInventory(restore, QStringLiteral("test")));
        QTRY_COMPARE_WITH_TIMEOUT(a.peers(), QStringList{QStringLiteral("inv-b site-b 127.0.0.1:7102 link=link-a-b")}, WaitMs);
    }
};

QTEST_GUILESS_MAIN(tst_FederationProbePlan)
#include "tst_federationprobeplan.moc"
