#include "ReconcileTestSupport.h"

#include "engine/Engine.h"
#include "model/Inventory.h"
#include "orchestration/Orchestrator.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;
using namespace Continuo::ReconcileTest;

class tst_Orchestrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindReachesDeployed();
    void dryRunChangesNothing();
    void invalidRequestsAreErrors();
    void infeasibleIntentIsRefusedWithReasons();
    void groupIsAtomic();
    void terminateStopsEverything();
};

void tst_Orchestrator::everyKindReachesDeployed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Engine engine;
    QVERIFY2(engine.start(engineOptions(dir.path())), qPrintable(engine.status().stateMessage));
    Orchestrator *orchestrator = engine.orchestrator();
    QVERIFY(orchestrator);

    Workload web = container(QStringLiteral("web"));
    web.requirements.replicas = 2;
    Workload vm;
    vm.id = QStringLiteral("vm");
    vm.kind = WorkloadKind::VirtualMachine;
    vm.image = QStringLiteral("ubuntu-24.04.qcow2");
    vm.request.cpuCores = 4;
    vm.request.memoryBytes = 8LL << 30;
    Workload unikernel;
    unikernel.id = QStringLiteral("uk");
    unikernel.kind = WorkloadKind::Unikernel;
    unikernel.image = QStringLiteral("nginx.unikraft");
    unikernel.request.cpuCores = 1;
    unikernel.request.memoryBytes = 256LL << 20;
    Workload job;
    job.id = QStringLiteral("job");
    job.kind = WorkloadKind::HpcJob;
    job.image = QStringLiteral("solver.sbatch");
    job.request.cpuCores = 64;
    job.request.memoryBytes = 128LL << 30;
    job.requirements.walltimeSeconds = 3600;
    job.requirements.partition = QStringLiteral("cpu");
    Workload kernel;
    kernel.id = QStringLiteral("kernel");
    kernel.kind = WorkloadKind::AcceleratedKernel;
    kernel.image = QStringLiteral("matmul.xclbin");
    kernel.request.cpuCores = 2;
    kernel.request.memoryBytes = 4LL << 30;
    kernel.request.gpuCount = 1;
    kernel.requirements.gpuModel = QStringLiteral("A100");

    QSignalSpy changed(orchestrator, &Orchestrator::deploymentChanged);
    const auto submitted = orchestrator->submit({web, vm, unikernel, job, kernel},
                                                QStringLiteral("user:test"), false);
    QVERIFY2(submitted, qPrintable(submitted.error()));
    QCOMPARE(submitted->explanations.size(), 5);
    for (const PlacementExplanation &explanation : submitted->explanations) {
        QVERIFY2(explanation.placed, qPrintable(explanation.error));
        QVERIFY(!explanation.decisions.isEmpty());
        QVERIFY(!explanation.ranked.isEmpty() || !explanation.platforms.isEmpty());
    }
    QCOMPARE(submitted->deployments.size(), 6); // web has two replicas
    for (const Deployment &deployment : submitted->deployments) {
        QVERIFY(!deployment.nodeId.isEmpty());
        QVERIFY(!deployment.clusterId.isEmpty());
        QCOMPARE(toString(deployment.state), toString(DeploymentState::Assigned));
        QCOMPARE(deployment.attempts, 1);
    }
    QVERIFY(orchestrator->deployment(QStringLiteral("web-r0-1")));
    QVERIFY(orchestrator->deployment(QStringLiteral("web-r1-1")));

    for (const QString &id : {QStringLiteral("web"), QStringLiteral("vm"), QStringLiteral("uk"),
                              QStringLiteral("job"), QStringLiteral("kernel")})
        QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, id), 10000);
    QVERIFY(changed.size() >= 6 * 3);

    const Inventory &inventory = engine.inventory();
    for (const Deployment &deployment : orchestrator->deployments()) {
        const Workload workload = *orchestrator->workload(deployment.workloadId);
        const Cluster *cluster = inventory.find<Cluster>(deployment.clusterId);
        QVERIFY(cluster);
        QVERIFY2(Placer::backendRuns(cluster->backend, workload.kind),
                 qPrintable(deployment.id + QLatin1String(" on ") + deployment.clusterId));
        // The full lifecycle is on record.
        QStringList states;
        for (const DeploymentTransition &step : deployment.history)
            states.append(toString(step.to));
        QCOMPARE(states.first(), toString(DeploymentState::Submitted));
        QCOMPARE(states.last(), toString(DeploymentState::Deployed));
        QVERIFY(states.contains(toString(DeploymentState::Scheduled)));
        QVERIFY(states.contains(toString(DeploymentState::InDeployment)));
    }
    QCOMPARE(orchestrator->deployments(QStringLiteral("job")).constFirst().clusterId,
             QStringLiteral("cluster-hpc-slurm"));

    // The simulated Slurm and KVM clusters show their job and domains as backend objects with
    // instantiation phases; containers and accelerated kernels are not such objects.
    const QList<BackendObject> jobs = orchestrator->backendObjects(QStringLiteral("cluster-hpc-slurm"),
                                                                   QStringLiteral("slurm.job"));
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.first().state, QStringLiteral("RUNNING"));
    QCOMPARE(jobs.first().deploymentId, orchestrator->deployments(QStringLiteral("job")).constFirst().id);
    QCOMPARE(jobs.first().id, QStringLiteral("cluster-hpc-slurm/job/") + jobs.first().deploymentId);
    const QList<BackendObject> domains = orchestrator->backendObjects({}, QStringLiteral("libvirt.domain"));
    // The VM, and the unikernel when it went to the KVM pool rather than a Kubernetes runtime.
    int onLibvirt = 0;
    for (const QString &id : {QStringLiteral("vm"), QStringLiteral("uk")}) {
        const Deployment deployment = orchestrator->deployments(id).constFirst();
        onLibvirt += inventory.find<Cluster>(deployment.clusterId)->backend == BackendKind::Libvirt ? 1 : 0;
    }
    QVERIFY(onLibvirt >= 1);
    QCOMPARE(domains.size(), onLibvirt);
    for (const BackendObject &domain : domains) {
        QCOMPARE(domain.state, QStringLiteral("running"));
        QStringList phases;
        for (const InstantiationPhase &phase : domain.phases)
            phases.append(phase.name);
        QCOMPARE(phases, (QStringList{QStringLiteral("accepted"), QStringLiteral("scheduled"), QStringLiteral("started")}));
        QVERIFY(domain.phases.last().sinceStartMs >= domain.phases.at(1).sinceStartMs);
        QVERIFY(domain.properties.value(QStringLiteral("simulated")).toBool());
        QVERIFY(domain.actions.isEmpty());
    }
    QCOMPARE(orchestrator->backendObjects().size(), 1 + onLibvirt);
    const Deployment kernelDeployment = orchestrator->deployments(QStringLiteral("kernel")).constFirst();
    bool hasA100 = false;
    for (const Device &device : inventory.devicesOfNode(kernelDeployment.nodeId))
        hasA100 |= device.model.contains(QLatin1String("A100"));
    QVERIFY2(hasA100, qPrintable(kernelDeployment.nodeId));

    // Events for each transition, with the attributes the console filters on.
    bool sawDeployed = false;
    for (const Event &event : engine.recentEvents(0, QLatin1String(EventTypes::DeploymentState))) {
        QVERIFY(event.payload.contains(QLatin1String("deployment")));
        QVERIFY(event.payload.contains(QLatin1String("workload")));
        QVERIFY(event.payload.contains(QLatin1String("node")));
        sawDeployed |= event.payload.value(QLatin1String("state")).toString()
                       == toString(DeploymentState::Deployed);
    }
    QVERIFY(sawDeployed);
    // The simulator runs every deployment and counts its work on the node.
    const QJsonArray running = simulatorState(dir.path()).value(QLatin1String("deployments")).toArray();
    QCOMPARE(running.size(), 6);
    QVERIFY(!auditEntries(engine, QStringLiteral("workload.submit")).isEmpty());
    engine.stop();
}

void tst_Orchestrator::dryRunChangesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Engine engine;
    QVERIFY(engine.start(engineOptions(dir.path())));
    Orchestrator *orchestrator = engine.orchestrator();
    const qsizetype eventsBefore = engine.recentEvents(0, QLatin1String(EventTypes::DeploymentState)).size();

    Workload web = container(QString());
    web.requirements.replicas = 3;
    const auto result = orchestrator->submit({web}, QStringLiteral("user:test"), true);
    QVERIFY2(result, qPrintable(result.error()));
    QVERIFY(result->dryRun);
    QCOMPARE(result->explanations.size(), 1);
    QVERIFY(result->explanations.constFirst().placed);
    QCOMPARE(result->explanations.constFirst().decisions.size(), 3);
    QVERIFY(result->workloads.constFirst().id.startsWith(QLatin1String("wl-")));
    QVERIFY(result->deployments.isEmpty());
    QVERIFY(orchestrator->workloads().isEmpty());
    QVERIFY(orchestrator->deployments().isEmpty());
    QCOMPARE(engine.recentEvents(0, QLatin1String(EventTypes::DeploymentState)).size(), eventsBefore);
    QVERIFY(auditEntries(engine, QStringLiteral("workload.submit")).isEmpty());
    QTest::qWait(100);
    QVERIFY(simulatorState(dir.path()).value(QLatin1String("deployments")).toArray().isEmpty());
}

void tst_Orchestrator::invalidRequestsAreErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Engine engine;
    QVERIFY(engine.start(engineOptions(dir.path())));
    Orchestrator *orchestrator = engine.orchestrator();

    Workload noKind = container(QStringLiteral("a"));
    noKind.kind = WorkloadKind::Unknown;
    Workload negative = container(QStringLiteral("b"), -1.0);
    Workload noReplicas = container(QStringLiteral("c"));
    noReplicas.requirements.replicas = 0;
    for (const Workload &bad : {noKind, negative, noReplicas}) {
        const auto result = orchestrator->submit({container(QStringLiteral("ok")), bad},
                                                 QStringLiteral("user:test"), false);
        QVERIFY(!result);
        QVERIFY(!result.error().isEmpty());
    }
    QVERIFY(orchestrator->workloads().isEmpty());
    QVERIFY(orchestrator->deployments().isEmpty());

    QVERIFY(orchestrator->submit({container(QStringLiteral("dup"))}, QStringLiteral("user:test"), false));
    QVERIFY(!orchestrator->submit({container(QStringLiteral("dup"))}, QStringLiteral("user:test"), false));
}

void tst_Orchestrator::infeasibleIntentIsRefusedWithReasons()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Engine engine;
    QVERIFY(engine.start(engineOptions(dir.path())));
    Orchestrator *orchestrator = engine.orchestrator();

    Workload huge = container(QStringLiteral("huge"));
    huge.request.gpuCount = 64;
    const auto result = orchestrator->submit({huge, container(QStringLiteral("small"))},
                                             QStringLiteral("user:test"), false);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->explanations.size(), 2);
    const PlacementExplanation &refused = result->explanations.at(0);
    QVERIFY(!refused.placed);
    QVERIFY(!refused.error.isEmpty());
    QVERIFY(!refused.rejections.isEmpty() || !refused.rejectionsByFilter.isEmpty());
    QVERIFY(result->explanations.at(1).placed);
    QCOMPARE(result->deployments.size(), 1);
    QCOMPARE(result->deployments.constFirst().workloadId, QStringLiteral("small"));
    QVERIFY(!orchestrator->workload(QStringLiteral("huge")));
    QVERIFY(orchestrator->deployments(QStringLiteral("huge")).isEmpty());

    // Explain mode says why, node by node.
    const PlacementExplanation explained = orchestrator->explain(huge);
    QVERIFY(!explained.placed);
    QVERIFY(!explained.rejections.isEmpty());
}

void tst_Orchestrator::groupIsAtomic()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Engine engine;
    QVERIFY(engine.start(engineOptions(dir.path())));
    Orchestrator *orchestrator = engine.orchestrator();

    Workload front = container(QStringLiteral("front"));
    front.groupId = QStringLiteral("shop");
    Workload impossible = container(QStringLiteral("back"));
    impossible.groupId = QStringLiteral("shop");
    impossible.request.gpuCount = 64;
    auto result = orchestrator->submit({front, impossible}, QStringLiteral("user:test"), false);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->explanations.size(), 1);
    QVERIFY(!result->explanations.constFirst().placed);
    QVERIFY(result->deployments.isEmpty());
    QVERIFY(orchestrator->deployments().isEmpty());
    QVERIFY(orchestrator->workloads().isEmpty());

    Workload back = container(QStringLiteral("back"));
    back.groupId = QStringLiteral("shop");
    result = orchestrator->submit({front, back}, QStringLiteral("user:test"), false);
    QVERIFY2(result, qPrintable(result.error()));
    QVERIFY(result->explanations.constFirst().placed);
    QCOMPARE(result->deployments.size(), 2);
    QCOMPARE(result->deployments.at(0).clusterId, result->deployments.at(1).clusterId);
    QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, QStringLiteral("front")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, QStringLiteral("back")), 10000);
}

void tst_Orchestrator::terminateStopsEverything()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Engine engine;
    QVERIFY(engine.start(engineOptions(dir.path())));
    Orchestrator *orchestrator = engine.orchestrator();
    Workload web = container(QStringLiteral("web"));
    web.requirements.replicas = 2;
    QVERIFY(orchestrator->submit({web}, QStringLiteral("user:test"), false));
    QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, QStringLiteral("web"), 2), 10000);

    QVERIFY(!orchestrator->terminate(QStringLiteral("nope"), QStringLiteral("user:test")));
    QVERIFY(orchestrator->terminate(QStringLiteral("web"), QStringLiteral("user:test")));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Deployment &deployment : orchestrator->deployments(QStringLiteral("web"))) {
                if (deployment.state != DeploymentState::Terminated)
                    return false;
            }
            return true;
        }(),
        10000);
    for (const Deployment &deployment : orchestrator->deployments(QStringLiteral("web")))
        QCOMPARE(toString(deployment.desired), toString(DesiredState::Terminated));
    QTRY_VERIFY_WITH_TIMEOUT(
        simulatorState(dir.path()).value(QLatin1String("deployments")).toArray().isEmpty(), 5000);
    QCOMPARE(auditEntries(engine, QStringLiteral("workload.terminate")).size(), 1);
}

QTEST_GUILESS_MAIN(tst_Orchestrator)
#include "tst_orchestrator.moc"
