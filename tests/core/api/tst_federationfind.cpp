// Resource discovery across federated daemons: a central (two "core" nodes) and an agent daemon
// (three "edge" nodes with an A100 each) on loopback. FindResources with include_agents merges
// both inventories (local first, then the agent's nodes with source = its id); an agent that
// hangs or dies is listed as unreachable while the local matches still come back.

#include "FederationFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <csignal>

using namespace Continuo::Testing;

namespace {

constexpr int WaitMs = 30000;
const QString AgentId = QStringLiteral("edge-agent");

// Plain literals, not raw strings: moc (Qt 6.4) loses its way in raw strings with braces.
const QByteArray CentralScenario =
    "name: find-central\n"
    "description: The central's own inventory\n"
    "tickMs: 1000\n"
    "sites: [{id: site-core, name: Core, kind: cloud}]\n"
    "clusters: [{id: cluster-core, name: Core, site: site-core, backend: kubernetes}]\n"
    "nodeGroups:\n"
    "  - {cluster: cluster-core, namePattern: core-%02d, count: 2, cpuCores: 16, memoryGiB: 64,\n"
    "     diskGiB: 256, arch: x86_64}\n";

const QByteArray AgentScenario =
    "name: find-agent\n"
    "description: An edge site behind an agent\n"
    "tickMs: 1000\n"
    "sites: [{id: site-edge, name: Edge, kind: edge}]\n"
    "clusters: [{id: cluster-edge, name: Edge, site: site-edge, backend: kubernetes}]\n"
    "nodeGroups:\n"
    "  - cluster: cluster-edge\n"
    "    namePattern: edge-%02d\n"
    "    count: 3\n"
    "    cpuCores: 8\n"
    "    memoryGiB: 32\n"
    "    diskGiB: 128\n"
    "    arch: aarch64\n"
    "    devices: [{kind: gpu, model: NVIDIA A100, memoryGiB: 80, vaccel: true}]\n";

struct Found
{
    grpc::Status status;
    fv1::FindResourcesResponse response;
    qint64 elapsedMs = 0;
};

Found find(fv1::ContinuoService::Stub &stub, const QString &query, bool agents, int limit = 0)
{
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    fv1::FindResourcesRequest request;
    request.set_query(query.toStdString());
    request.set_include_agents(agents);
    request.set_limit(limit);
    Found found;
    QElapsedTimer timer;
    timer.start();
    found.status = stub.FindResources(&context, request, &found.response);
    found.elapsedMs = timer.elapsed();
    return found;
}

/// "node@source" for each match, in order.
QStringList sources(const fv1::FindResourcesResponse &response)
{
    QStringList list;
    for (const auto &match : response.matches())
        list.append(QString::fromStdString(match.node_id() + "@" + match.source()));
    return list;
}

QStringList unreachable(const fv1::FindResourcesResponse &response)
{
    QStringList list;
    for (const auto &agent : response.unreachable_agents())
        list.append(QString::fromStdString(agent));
    return list;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace

class tst_FederationFind : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(binaryPath(QStringLiteral("continuo"))))
            QFAIL("no continuo binary (set CONTINUO_BIN_DIR)");
    }

    void findAcrossAgents()
    {
        QTemporaryDir centralDir, agentDir;
        QVERIFY(centralDir.isValid() && agentDir.isValid());
        const QString centralScenario = centralDir.filePath(QStringLiteral("central.yaml"));
        const QString agentScenario = agentDir.filePath(QStringLiteral("agent.yaml"));
        QVERIFY(writeFile(centralScenario, CentralScenario));
        QVERIFY(writeFile(agentScenario, AgentScenario));

        DaemonProcess central;
        QString failure = central.start(centralDir.filePath(QStringLiteral("data")), centralScenario,
                                        {QStringLiteral("--no-host-probe")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto api = fv1::ContinuoService::NewStub(
            grpc::CreateChannel(central.address().toStdString(), grpc::InsecureChannelCredentials()));
        auto federation = fv1::Federation::NewStub(
            grpc::CreateChannel(central.address().toStdString(), grpc::InsecureChannelCredentials()));

        // Before any agent: only the local nodes, nobody unreachable.
        Found found;
        QTRY_VERIFY_WITH_TIMEOUT((found = find(*api, QString(), true)).status.ok()
                                     && found.response.matches_size() == 2,
                                 WaitMs);
        QCOMPARE(sources(found.response), (QStringList{QStringLiteral("core-01@local"),
                                                       QStringLiteral("core-02@local")}));
        QVERIFY(found.response.unreachable_agents().empty());

        DaemonProcess agent;
        failure = agent.start(agentDir.filePath(QStringLiteral("data")), agentScenario,
                              agentArguments(central.address(), AgentId, 1));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        std::optional<fv1::AgentInfo> info;
        QTRY_VERIFY_WITH_TIMEOUT((info = findAgent(*federation, AgentId)) && info->connected()
                                     && info->node_ids_size() == 3,
                                 WaitMs);
        QVERIFY(std::find(info->capabilities().begin(), info->capabilities().end(), "find_resources")
                != info->capabilities().end());

        // Both inventories: local first, then the agent's, each with its source.
        QTRY_VERIFY_WITH_TIMEOUT((found = find(*api, QStringLiteral("cpu >= 1"), true)).status.ok()
                                     && found.response.matches_size() == 5,
                                 WaitMs);
        QCOMPARE(sources(found.response),
                 (QStringList{QStringLiteral("core-01@local"), QStringLiteral("core-02@local"),
                              QStringLiteral("edge-01@edge-agent"), QStringLiteral("edge-02@edge-agent"),
                              QStringLiteral("edge-03@edge-agent")}));
        QVERIFY(found.response.unreachable_agents().empty());
        for (const auto &match : found.response.matches()) {
            // Ages: the nodes' CPU samples arrive every second on both daemons; the agent's
            // carry the relay delay on top, which is small on loopback.
            QVERIFY2(match.age_ms() >= 0 && match.age_ms() < 60000,
                     qPrintable(QStringLiteral("%1: %2 ms").arg(QString::fromStdString(match.node_id())).arg(match.age_ms())));
            QCOMPARE(match.attributes().at("cpu"), match.source() == "local" ? "16" : "8");
        }
        const auto &edge = found.response.matches(2);
        QCOMPARE(edge.cluster_id(), "cluster-edge");
        QCOMPARE(edge.site_id(), "site-edge");

        // Without include_agents: local only.
        found = find(*api, QStringLiteral("cpu >= 1"), false);
        QVERIFY(found.status.ok());
        QCOMPARE(found.response.matches_size(), 2);

        // A query only the agent's nodes satisfy.
        found = find(*api, QStringLiteral("gpu.model = \"NVIDIA A100\" and free_gpu >= 1"), true);
        QVERIFY2(found.status.ok(), found.status.error_message().c_str());
        QCOMPARE(sources(found.response),
                 (QStringList{QStringLiteral("edge-01@edge-agent"), QStringLiteral("edge-02@edge-agent"),
                              QStringLiteral("edge-03@edge-agent")}));
        QCOMPARE(found.response.matches(0).attributes().at("gpu.model"), "NVIDIA A100");

        // The limit holds across both: two local nodes, then what is left for the agent.
        found = find(*api, QString(), true, 3);
        QVERIFY(found.status.ok());
        QCOMPARE(sources(found.response),
                 (QStringList{QStringLiteral("core-01@local"), QStringLiteral("core-02@local"),
                              QStringLiteral("edge-01@edge-agent")}));
        found = find(*api, QString(), true, 2);
        QVERIFY(found.status.ok());
        QCOMPARE(found.response.matches_size(), 2);
        QVERIFY(found.response.unreachable_agents().empty());

        // A bad query is the caller's error, whoever would have answered it.
        found = find(*api, QStringLiteral("bogus = 1"), true);
        QCOMPARE(found.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY(found.status.error_message().find("bogus") != std::string::npos);

        // A hung agent (stopped, its connection still open): unreachable after the timeout,
        // the local matches still there.
        const auto pid = agent.process().processId();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
        found = find(*api, QStringLiteral("cpu >= 1"), true);
        ::kill(pid_t(pid), SIGCONT);
        QVERIFY2(found.status.ok(), found.status.error_message().c_str());
        QCOMPARE(sources(found.response), (QStringList{QStringLiteral("core-01@local"),
                                                       QStringLiteral("core-02@local")}));
        QCOMPARE(unreachable(found.response), QStringList{AgentId});
        QVERIFY2(found.elapsedMs >= 1500 && found.elapsedMs < 6000,
                 qPrintable(QStringLiteral("%1 ms").arg(found.elapsedMs)));

        // Back again: it answers (the late answer to the previous query is ignored).
        QTRY_VERIFY_WITH_TIMEOUT((found = find(*api, QStringLiteral("cpu >= 1"), true)).status.ok()
                                     && found.response.matches_size() == 5,
                                 WaitMs);

        // Killed: unreachable at once (its session ended), local matches still returned.
        agent.kill();
        QTRY_VERIFY_WITH_TIMEOUT((info = findAgent(*federation, AgentId)) && !info->connected(), WaitMs);
        found = find(*api, QStringLiteral("cpu >= 1"), true);
        QVERIFY2(found.status.ok(), found.status.error_message().c_str());
        QCOMPARE(sources(found.response), (QStringList{QStringLiteral("core-01@local"),
                                                       QStringLiteral("core-02@local")}));
        QCOMPARE(unreachable(found.response), QStringList{AgentId});
        QVERIFY2(found.elapsedMs < 1500, qPrintable(QStringLiteral("%1 ms").arg(found.elapsedMs)));

        QVERIFY(central.terminate());
    }
};

QTEST_GUILESS_MAIN(tst_FederationFind)
#include "tst_federationfind.moc"
