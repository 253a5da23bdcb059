// Placement over continuo.v1 on the demo continuum (simulator plugin): intents submitted as
// YAML (dry run, then for real), deployments listed and watched until Deployed, explanations
// with rejections and relaxations, a what-if drain that moves work, resource discovery, and the
// errors a client gets for bad input and unknown ids.

#include "api/GrpcServer.h"
#include "api/ProtoConvert.h"
#include "engine/Engine.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QTemporaryDir>
#include <QTest>

#include <future>
#include <thread>

using namespace Continuo;
using namespace std::chrono_literals;
namespace v1 = ::continuo::v1;

namespace {

/// The engine lives on the test's thread: blocking gRPC calls run elsewhere while it spins.
template <typename F> auto offEngineThread(F function) -> decltype(function())
{
    auto future = std::async(std::launch::async, std::move(function));
    while (future.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
        QCoreApplication::processEvents();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return future.get();
}

const char *const GpuIntent =
    "intents:\n"
    "  - name: inference\n"
    "    kind: container\n"
    "    image: registry/infer:1\n"
    "    replicas: 2\n"
    "    spread: node\n"
    "    resources: {cpu: 1, memory: 2GiB, gpu: 1}\n"
    "    requirements: {gpuModel: A100, vaccel: true}\n";

const char *const ImpossibleIntent =
    "name: too-big\n"
    "resources: {cpu: 2, memory: 4GiB, gpu: 3}\n"
    "requirements: {gpuModel: A100}\n";

} // namespace

class tst_GrpcPlacement : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<v1::ContinuoService::Stub> m_stub;
    QTemporaryDir m_dataDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Api::GrpcServer> m_server;
    QString m_workloadId;

    template <typename Request, typename Response, typename Call>
    grpc::Status call(Call method, const Request &request, Response *response)
    {
        return offEngineThread([&] {
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + 20s);
            context.AddMetadata("continuo-actor", "test:placement");
            return ((*m_stub).*method)(&context, request, response);
        });
    }

    QList<Deployment> deployments(const QString &workloadId = {})
    {
        v1::ListDeploymentsRequest request;
        request.set_workload_id(workloadId.toStdString());
        v1::ListDeploymentsResponse response;
        const auto status = call(&v1::ContinuoService::Stub::ListDeployments, request, &response);
        if (!status.ok())
            return {};
        QList<Deployment> list;
        for (const auto &wire : response.deployments())
            list.append(Api::fromProto(wire));
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        EngineOptions options;
        options.dataDirectory = m_dataDir.path();
        options.scenario = QStringLiteral("demo");
        options.pluginPaths = {QStringLiteral(PRODUCT_PLUGIN_DIR)};
        options.hostProbe = false;
        options.persistTelemetry = false;
        options.linkEstimationInterval = 0ms;
        options.pluginSettings.insert(QStringLiteral("simulator"),
                                      {{QStringLiteral("deployStepMs"), 20}});
        options.orchestrator.reconcileInterval = 20ms;
        options.orchestrator.closedLoop = false;
        m_engine = std::make_unique<Engine>();
        auto started = m_engine->start(options);
        QVERIFY2(started, qPrintable(started.error()));
        QVERIFY(m_engine->orchestrator());
        m_server = std::make_unique<Api::GrpcServer>(m_engine.get());
        auto port = m_server->start(QStringLiteral("127.0.0.1:0"));
        QVERIFY2(port, qPrintable(port.error()));
        m_stub = v1::ContinuoService::NewStub(grpc::CreateChannel(
            m_server->address().toStdString(), grpc::InsecureChannelCredentials()));
    }

    void cleanupTestCase()
    {
        m_stub.reset();
        if (m_server)
            m_server->shutdown(1s);
        m_server.reset();
        if (m_engine)
            m_engine->stop();
    }

    void dryRunPlacesWithoutDeploying()
    {
        v1::SubmitWorkloadsRequest request;
        request.set_yaml(GpuIntent);
        request.set_dry_run(true);
        v1::SubmitWorkloadsResponse response;
        const auto status = call(&v1::ContinuoService::Stub::SubmitWorkloads, request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QVERIFY(response.dry_run());
        QCOMPARE(response.explanations_size(), 1);
        const PlacementExplanation explanation = Api::fromProto(response.explanations(0));
        QVERIFY2(explanation.placed, qPrintable(explanation.error));
        QCOMPARE(explanation.decisions.size(), 2);
        QVERIFY(explanation.decisions[0].nodeId != explanation.decisions[1].nodeId); // spread
        QCOMPARE(response.deployments_size(), 0);
        QVERIFY(deployments().isEmpty());
    }

    void submitListAndWatchUntilDeployed()
    {
        // The watch starts first: its snapshot is empty, then every change arrives.
        grpc::ClientContext watchContext;
        auto watchStub = m_stub.get();
        v1::WatchDeploymentsRequest watchRequest;
        auto watchReader = watchStub->WatchDeployments(&watchContext, watchRequest);
        QHash<QString, DeploymentState> watched;
        std::atomic<bool> sawSnapshot{false};
        std::mutex watchedMutex;
        std::thread watcher([&] {
            v1::WatchDeploymentsResponse message;
            while (watchReader->Read(&message)) {
                std::lock_guard lock(watchedMutex);
                if (message.has_snapshot())
                    sawSnapshot = true;
                else if (message.has_changed())
                    watched.insert(QString::fromStdString(message.changed().id()),
                                   Api::fromProto(message.changed()).state);
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(sawSnapshot.load(), 10000);

        v1::SubmitWorkloadsRequest request;
        request.set_yaml(GpuIntent);
        v1::SubmitWorkloadsResponse response;
        const auto status = call(&v1::ContinuoService::Stub::SubmitWorkloads, request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(response.workloads_size(), 1);
        m_workloadId = QString::fromStdString(response.workloads(0).id());
        QVERIFY(!m_workloadId.isEmpty());
        QCOMPARE(QString::fromStdString(response.workloads(0).submitted_by()),
                 QStringLiteral("test:placement"));
        QCOMPARE(response.deployments_size(), 2);

        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto list = deployments(m_workloadId);
                return list.size() == 2 &&
                       std::all_of(list.cbegin(), list.cend(), [](const Deployment &d) {
                           return d.state == DeploymentState::Deployed;
                       });
            }(),
            20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                std::lock_guard lock(watchedMutex);
                return watched.size() == 2 &&
                       std::all_of(watched.cbegin(), watched.cend(), [](DeploymentState s) {
                           return s == DeploymentState::Deployed;
                       });
            }(),
            20000);
        watchContext.TryCancel();
        watcher.join();

        v1::ListWorkloadsResponse workloads;
        QVERIFY(call(&v1::ContinuoService::Stub::ListWorkloads, v1::ListWorkloadsRequest(),
                     &workloads)
                    .ok());
        QCOMPARE(workloads.workloads_size(), 1);
        QCOMPARE(QString::fromStdString(workloads.workloads(0).name()), QStringLiteral("inference"));
        QCOMPARE(workloads.workloads(0).requirements().replicas(), 2);

        v1::GetWorkloadRequest get;
        get.set_workload_id(m_workloadId.toStdString());
        v1::GetWorkloadResponse got;
        QVERIFY(call(&v1::ContinuoService::Stub::GetWorkload, get, &got).ok());
        QCOMPARE(got.deployments_size(), 2);
    }

    void explainShowsRejectionsAndRelaxations()
    {
        v1::ExplainPlacementRequest request;
        request.set_yaml(ImpossibleIntent);
        v1::ExplainPlacementResponse response;
        auto status = call(&v1::ContinuoService::Stub::ExplainPlacement, request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(response.explanations_size(), 1);
        const PlacementExplanation explanation = Api::fromProto(response.explanations(0));
        QVERIFY(!explanation.placed);
        QVERIFY(!explanation.error.isEmpty());
        QVERIFY(!explanation.rejections.isEmpty());
        QVERIFY(!explanation.rejectionsByFilter.isEmpty());
        QVERIFY(!explanation.relaxations.isEmpty());

        v1::ExplainPlacementRequest stored;
        stored.set_workload_id(m_workloadId.toStdString());
        status = call(&v1::ContinuoService::Stub::ExplainPlacement, stored, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(response.explanations_size(), 1);
    }

    void whatIfDrainMovesTheDeployment()
    {
        const auto list = deployments(m_workloadId);
        QVERIFY(!list.isEmpty());
        const Deployment victim = list.constFirst();
        v1::WhatIfRequest request;
        WhatIfChange drain;
        drain.kind = WhatIfChange::Kind::DrainNode;
        drain.targetId = victim.nodeId;
        Api::toProto(drain, request.add_changes());
        v1::WhatIfResponse response;
        const auto status = call(&v1::ContinuoService::Stub::WhatIf, request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        const WhatIfResult result = Api::fromProto(response);
        QVERIFY(result.unavailableNodes.contains(victim.nodeId));
        QVERIFY(std::any_of(result.moves.cbegin(), result.moves.cend(), [&](const PlannedMove &m) {
            return m.deploymentId == victim.id && m.toNodeId != victim.nodeId && !m.toNodeId.isEmpty();
        }));
        // Nothing was touched.
        const auto after = deployments(m_workloadId);
        QCOMPARE(after.size(), list.size());
        for (qsizetype i = 0; i < after.size(); ++i)
            QCOMPARE(after[i].nodeId, list[i].nodeId);
    }

    void findResources()
    {
        v1::FindResourcesRequest request;
        request.set_query("gpu.model = \"NVIDIA A100\" and vaccel and free_memory >= 8GiB");
        v1::FindResourcesResponse response;
        auto status = call(&v1::ContinuoService::Stub::FindResources, request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QVERIFY(response.matches_size() >= 2);
        for (const auto &wire : response.matches()) {
            const ResourceMatch match = Api::fromProto(wire);
            QCOMPARE(match.source, QStringLiteral("local"));
            QVERIFY(match.ageMs >= 0);
            QCOMPARE(match.attributes.value(QStringLiteral("gpu.model")).toString(),
                     QStringLiteral("NVIDIA A100"));
            QVERIFY(!match.siteId.isEmpty());
        }
        request.set_limit(1);
        status = call(&v1::ContinuoService::Stub::FindResources, request, &response);
        QVERIFY(status.ok());
        QCOMPARE(response.matches_size(), 1);

        request.set_query("colour = red");
        status = call(&v1::ContinuoService::Stub::FindResources, request, &response);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(QString::fromStdString(status.error_message()).contains(QStringLiteral("column 1")),
                 status.error_message().c_str());
    }

    void badInputAndUnknownIds()
    {
        v1::SubmitWorkloadsRequest submit;
        submit.set_yaml("name: x\nresources: {memory: 4Gx}\n");
        v1::SubmitWorkloadsResponse submitted;
        auto status = call(&v1::ContinuoService::Stub::SubmitWorkloads, submit, &submitted);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(QString::fromStdString(status.error_message()).contains(QStringLiteral("resources.memory")),
                 status.error_message().c_str());

        status = call(&v1::ContinuoService::Stub::SubmitWorkloads, v1::SubmitWorkloadsRequest(),
                      &submitted);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));

        v1::GetWorkloadRequest get;
        get.set_workload_id("no-such-workload");
        v1::GetWorkloadResponse got;
        status = call(&v1::ContinuoService::Stub::GetWorkload, get, &got);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::NOT_FOUND));

        v1::WhatIfRequest whatIf;
        auto *change = whatIf.add_changes();
        change->set_kind(v1::WHAT_IF_KIND_DRAIN_NODE);
        change->set_target_id("no-such-node");
        v1::WhatIfResponse whatIfResponse;
        status = call(&v1::ContinuoService::Stub::WhatIf, whatIf, &whatIfResponse);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::NOT_FOUND));

        v1::PinDeploymentRequest pin;
        pin.set_deployment_id("no-such-deployment");
        pin.set_node_id("x");
        v1::PinDeploymentResponse pinned;
        status = call(&v1::ContinuoService::Stub::PinDeployment, pin, &pinned);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::NOT_FOUND));

        v1::TerminateWorkloadRequest terminate;
        terminate.set_workload_id("no-such-workload");
        v1::TerminateWorkloadResponse terminated;
        status = call(&v1::ContinuoService::Stub::TerminateWorkload, terminate, &terminated);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::NOT_FOUND));
    }

    void terminateWorkload()
    {
        v1::TerminateWorkloadRequest request;
        request.set_workload_id(m_workloadId.toStdString());
        v1::TerminateWorkloadResponse response;
        const auto status = call(&v1::ContinuoService::Stub::TerminateWorkload, request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(response.deployments_size(), 2);
        for (const auto &wire : response.deployments())
            QCOMPARE(toString(Api::fromProto(wire).desired), QStringLiteral("terminated"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto list = deployments(m_workloadId);
                return std::all_of(list.cbegin(), list.cend(), [](const Deployment &d) {
                    return d.state == DeploymentState::Terminated;
                });
            }(),
            20000);
    }

    void protoRoundTrips()
    {
        Workload w;
        w.id = QStringLiteral("w1");
        w.name = QStringLiteral("n");
        w.kind = WorkloadKind::HpcJob;
        w.request = {2.5, 1 << 30, 2, 1, 1};
        w.labels = {{QStringLiteral("a"), QStringLiteral("b")}};
        w.requirements.gpuModel = QStringLiteral("A100");
        w.requirements.minSecurityTier = SecurityTier::Hardened;
        w.requirements.isolation = IsolationKind::KataVaccel;
        w.requirements.maxLatency = {LatencyBound{QStringLiteral("s"), {}, 20},
                                     LatencyBound{{}, {QStringLiteral("x"), 1.5, 2.5}, 10}};
        w.requirements.replicas = 3;
        w.requirements.spread = SpreadScope::Site;
        w.requirements.walltimeSeconds = 60;
        w.objectives = {0.5, 0.1, 0.2, 0.3, 0.4};
        w.strategy = PlacementStrategy::GreedyResource;
        w.submittedMs = 12;
        w.submittedBy = QStringLiteral("me");
        v1::Workload wireWorkload;
        Api::toProto(w, &wireWorkload);
        QVERIFY(Api::fromProto(wireWorkload) == w);

        Deployment d = DeploymentStateMachine::submit(QStringLiteral("d1"), QStringLiteral("w1"), 5);
        d.nodeId = QStringLiteral("n1");
        d.excludedNodes = {QStringLiteral("n0")};
        d.constraints = {QStringLiteral("partition=gpu")};
        QVERIFY(DeploymentStateMachine::transition(d, DeploymentState::Pending, 6, QStringLiteral("r")));
        v1::Deployment wireDeployment;
        Api::toProto(d, &wireDeployment);
        QVERIFY(Api::fromProto(wireDeployment) == d);

        PlacementExplanation e;
        e.placed = true;
        e.strategy = QStringLiteral("multi-objective");
        e.decisions = {{QStringLiteral("w1"), 0, QStringLiteral("n1"), QStringLiteral("c"),
                        QStringLiteral("s"), true, {QStringLiteral("k=v")}, 0.7}};
        e.ranked = {{QStringLiteral("n1"), QStringLiteral("c"), 0.7,
                     {{QStringLiteral("latency"), 0.9, 0.5}}}};
        e.rejections = {{QStringLiteral("n2"), false, QStringLiteral("resources"),
                         QStringLiteral("needs 2 GPUs, node has 1"), 1}};
        e.rejectionsByFilter = {{QStringLiteral("resources"), 1}};
        e.relaxations = {{QStringLiteral("resources"), QStringLiteral("ask for 1 GPU"), 4}};
        e.nodesConsidered = 10;
        e.nodesFeasible = 3;
        v1::PlacementExplanation wireExplanation;
        Api::toProto(e, &wireExplanation);
        QVERIFY(Api::fromProto(wireExplanation) == e);

        WhatIfResult r;
        r.moves = {{QStringLiteral("d1"), QStringLiteral("w1"), QStringLiteral("a"),
                    QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("drained"), 0.1, 0.2}};
        r.unavailableNodes = {QStringLiteral("a")};
        r.newPlacements = {e};
        v1::WhatIfResponse wireResult;
        Api::toProto(r, &wireResult);
        QVERIFY(Api::fromProto(wireResult) == r);

        WhatIfChange c{WhatIfChange::Kind::AddLoad, QStringLiteral("n"), 2, 3};
        v1::WhatIfChange wireChange;
        Api::toProto(c, &wireChange);
        QVERIFY(Api::fromProto(wireChange) == c);
    }
};

QTEST_GUILESS_MAIN(tst_GrpcPlacement)
#include "tst_grpcplacement.moc"
