// Workload placement through IControlPlane, the same calls on LocalControlPlane (embedded
// engine) and GrpcControlPlane (the engine behind a gRPC server on loopback): a dry run changes
// nothing, a real submission shows up in the deployment mirror and reaches Deployed through the
// simulator backend, explanations, a what-if drain, resource discovery, termination.

#include "api/GrpcServer.h"
#include "control/GrpcControlPlane.h"
#include "control/LocalControlPlane.h"
#include "engine/Engine.h"
#include "orchestration/IntentYaml.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Continuo;
using namespace std::chrono_literals;

namespace {

const char *const GpuIntent =
    "name: inference-%1\n"
    "kind: container\n"
    "image: registry/infer:1\n"
    "replicas: 2\n"
    "spread: node\n"
    "resources: {cpu: 1, memory: 2GiB, gpu: 1}\n"
    "requirements: {gpuModel: A100, vaccel: true}\n";

/// Run an asynchronous control-plane call and wait for its answer.
template <typename T, typename Start> std::optional<Result<T>> await(Start start)
{
    std::optional<Result<T>> answer;
    QObject context;
    start(&context, [&answer](const Result<T> &result) { answer = result; });
    // A missing answer shows as an empty optional in the caller's QVERIFY.
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, 20000);
    return answer;
}

} // namespace

class tst_ControlPlanePlacement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Api::GrpcServer> m_server;

    std::unique_ptr<IControlPlane> makePlane(const QString &kind)
    {
        std::unique_ptr<IControlPlane> plane;
        if (kind == QLatin1String("local")) {
            auto local = std::make_unique<LocalControlPlane>(m_engine.get());
            local->setActor(QStringLiteral("test:local"));
            plane = std::move(local);
        } else {
            auto remote = std::make_unique<GrpcControlPlane>(m_server->address());
            remote->setActor(QStringLiteral("test:grpc"));
            plane = std::move(remote);
        }
        return plane;
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
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->shutdown(1s);
        m_server.reset();
        if (m_engine)
            m_engine->stop();
    }

    void placementRoundTrip_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("local") << QStringLiteral("local");
        QTest::newRow("grpc") << QStringLiteral("grpc");
    }

    void placementRoundTrip()
    {
        QFETCH(QString, kind);
        auto plane = makePlane(kind);
        QSignalSpy resets(plane.get(), &IControlPlane::deploymentsReset);
        plane->open();
        QTRY_VERIFY_WITH_TIMEOUT(!resets.isEmpty(), 10000);
        const qsizetype deploymentsBefore = plane->deployments().size();

        auto intents = parseIntents(QByteArray(GpuIntent).replace("%1", kind.toUtf8()));
        QVERIFY2(intents, qPrintable(intents.error()));
        QCOMPARE(intents->size(), 1);

        // Dry run: explained, nothing created.
        auto dry = await<SubmitResult>([&](QObject *context, auto done) {
            plane->submitWorkloads(*intents, true, context, done);
        });
        QVERIFY(dry);
        QVERIFY2(*dry, qPrintable(dry->error()));
        QVERIFY((*dry)->dryRun);
        QCOMPARE((*dry)->explanations.size(), 1);
        QVERIFY2((*dry)->explanations[0].placed, qPrintable((*dry)->explanations[0].error));
        QCOMPARE((*dry)->explanations[0].decisions.size(), 2);
        QVERIFY((*dry)->deployments.isEmpty());

        // For real: the mirror follows the deployments until the simulator has deployed them.
        QSignalSpy changes(plane.get(), &IControlPlane::deploymentChanged);
        auto submitted = await<SubmitResult>([&](QObject *context, auto done) {
            plane->submitWorkloads(*intents, false, context, done);
        });
        QVERIFY(submitted);
        QVERIFY2(*submitted, qPrintable(submitted->error()));
        QCOMPARE((*submitted)->workloads.size(), 1);
        const Workload workload = (*submitted)->workloads.first();
        QVERIFY(!workload.id.isEmpty());
        QCOMPARE(workload.submittedBy, QStringLiteral("test:") + kind);
        QCOMPARE((*submitted)->deployments.size(), 2);
        const auto mine = [&] {
            QList<Deployment> list;
            for (const Deployment &deployment : plane->deployments()) {
                if (deployment.workloadId == workload.id)
                    list.append(deployment);
            }
            return list;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto list = mine();
                return list.size() == 2 &&
                       std::all_of(list.cbegin(), list.cend(), [](const Deployment &d) {
                           return d.state == DeploymentState::Deployed;
                       });
            }(),
            20000);
        QVERIFY(!changes.isEmpty());
        QCOMPARE(plane->deployments().size(), deploymentsBefore + 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<Workload> known = plane->workloads();
                return std::any_of(known.cbegin(), known.cend(),
                                   [&](const Workload &w) { return w.id == workload.id; });
            }(),
            10000);

        // Explain: the stored workload, and an intent pinned to a node that cannot take it.
        auto explained = await<PlacementExplanation>([&](QObject *context, auto done) {
            plane->explainWorkload(workload.id, context, done);
        });
        QVERIFY(explained);
        QVERIFY2(*explained, qPrintable(explained->error()));
        QVERIFY2((*explained)->placed, qPrintable((*explained)->error));
        Workload tooBig = intents->first();
        tooBig.request.gpuCount = 64;
        auto refused = await<PlacementExplanation>([&](QObject *context, auto done) {
            plane->explainPlacement(tooBig, context, done);
        });
        QVERIFY(refused);
        QVERIFY2(*refused, qPrintable(refused->error()));
        QVERIFY(!(*refused)->placed);
        QVERIFY(!(*refused)->error.isEmpty());
        QVERIFY(!(*refused)->rejectionsByFilter.isEmpty());

        // What-if: draining the first replica's node moves it (or leaves it nowhere to go).
        const Deployment first = mine().first();
        WhatIfChange drain;
        drain.kind = WhatIfChange::Kind::DrainNode;
        drain.targetId = first.nodeId;
        auto whatIf = await<WhatIfResult>([&](QObject *context, auto done) {
            plane->whatIf({drain}, {}, context, done);
        });
        QVERIFY(whatIf);
        QVERIFY2(*whatIf, qPrintable(whatIf->error()));
        QVERIFY((*whatIf)->unavailableNodes.contains(first.nodeId));
        const auto affected = (*whatIf)->moves + (*whatIf)->unplaceable;
        QVERIFY(std::any_of(affected.cbegin(), affected.cend(),
                            [&](const PlannedMove &move) { return move.deploymentId == first.id; }));
        // Nothing was applied.
        QCOMPARE(mine().first().nodeId, first.nodeId);

        // Discovery, and a query that does not parse.
        auto found = await<QList<ResourceMatch>>([&](QObject *context, auto done) {
            plane->findResources(QStringLiteral("gpu.model ~ \".*A100.*\" and free_gpu >= 0"), 50,
                                 context, done);
        });
        QVERIFY(found);
        QVERIFY2(*found, qPrintable(found->error()));
        QVERIFY(!(*found)->isEmpty());
        QVERIFY(!(*found)->first().nodeId.isEmpty());
        auto bad = await<QList<ResourceMatch>>([&](QObject *context, auto done) {
            plane->findResources(QStringLiteral("colour = red"), 50, context, done);
        });
        QVERIFY(bad);
        QVERIFY(!*bad);
        QVERIFY(bad->error().contains(QLatin1String("colour")));

        // Terminate: the mirror sees both deployments end.
        auto terminated = await<void>([&](QObject *context, auto done) {
            plane->terminateWorkload(workload.id, context, done);
        });
        QVERIFY(terminated);
        QVERIFY2(*terminated, qPrintable(terminated->error()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto list = mine();
                return std::all_of(list.cbegin(), list.cend(), [](const Deployment &d) {
                    return d.state == DeploymentState::Terminated;
                });
            }(),
            20000);
        plane->close();
    }
};

QTEST_GUILESS_MAIN(tst_ControlPlanePlacement)
#include "tst_controlplaneplacement.moc"
