#include "PlacementFixture.h"

#include "orchestration/PlacementPlanner.h"

#include <QTest>

using namespace Continuo;
using namespace Continuo::Testing;

namespace {

Deployment deployed(const QString &id, const Workload &workload, const QString &node,
                    const QString &cluster, int replica = 0)
{
    Deployment deployment;
    deployment.id = id;
    deployment.workloadId = workload.id;
    deployment.state = DeploymentState::Deployed;
    deployment.nodeId = node;
    deployment.clusterId = cluster;
    deployment.replica = replica;
    return deployment;
}

} // namespace

class tst_PlacementPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildModelAllocatesLiveDeployments();
    void whatIfDrainMovesWorkOff();
    void whatIfFailSiteAndLink();
    void whatIfAddLoadAndNewIntents();
    void whatIfKindNames();
    void reoptimizeEvacuatesWithinBudget();
    void reoptimizeImprovesObjective();
};

void tst_PlacementPlanner::buildModelAllocatesLiveDeployments()
{
    const Workload app = container(QStringLiteral("app"), 4, 8);
    Deployment live = deployed(QStringLiteral("d1"), app, QStringLiteral("k8s-1"), QStringLiteral("c-k8s"));
    Deployment failed = live;
    failed.id = QStringLiteral("d2");
    failed.state = DeploymentState::Failed;
    Deployment leaving = live;
    leaving.id = QStringLiteral("d3");
    leaving.desired = DesiredState::Terminated;
    const PlacementModel model = PlacementPlanner::buildModel(
        smallContinuum(), {live, failed, leaving}, {{app.id, app}}, {}, {QStringLiteral("k8s-2")});
    const auto &k8s1 = model.node(model.nodeIndex(QStringLiteral("k8s-1")));
    QCOMPARE(k8s1.cpuAllocated, 4.0);
    QCOMPARE(k8s1.memoryAllocated, 8 * GiB);
    QCOMPARE(k8s1.placements, 1);
    QVERIFY(model.node(model.nodeIndex(QStringLiteral("k8s-2"))).degraded);
}

void tst_PlacementPlanner::whatIfDrainMovesWorkOff()
{
    Placer placer;
    Workload app = container(QStringLiteral("app"), 4, 8);
    Workload vm = container(QStringLiteral("vm"), 8, 16);
    vm.kind = WorkloadKind::VirtualMachine;
    const QList<Deployment> deployments = {
        deployed(QStringLiteral("d-app"), app, QStringLiteral("k8s-1"), QStringLiteral("c-k8s")),
        deployed(QStringLiteral("d-vm"), vm, QStringLiteral("kvm-1"), QStringLiteral("c-kvm"))};
    const QHash<QString, Workload> workloads{{app.id, app}, {vm.id, vm}};
    const PlacementModel model = PlacementPlanner::buildModel(smallContinuum(), deployments, workloads);

    const auto result = PlacementPlanner::whatIf(
        model, placer, deployments, workloads,
        {{WhatIfChange::Kind::DrainNode, QStringLiteral("kvm-1"), 0, 0}});
    QCOMPARE(result.unavailableNodes, QStringList{QStringLiteral("kvm-1")});
    QCOMPARE(result.moves.size(), 1);
    QCOMPARE(result.moves.first().deploymentId, QStringLiteral("d-vm"));
    QCOMPARE(result.moves.first().toNodeId, QStringLiteral("kvm-2"));
    QVERIFY(result.moves.first().reason.contains(QStringLiteral("draining")));
    QVERIFY(result.unplaceable.isEmpty());
    // Nothing was touched: the model still has the VM on kvm-1.
    QCOMPARE(model.node(model.nodeIndex(QStringLiteral("kvm-1"))).cpuAllocated, 8.0);

    // Both KVM hosts gone: the VM has nowhere to go.
    const auto both = PlacementPlanner::whatIf(
        model, placer, deployments, workloads,
        {{WhatIfChange::Kind::DrainNode, QStringLiteral("kvm-1"), 0, 0},
         {WhatIfChange::Kind::FailNode, QStringLiteral("kvm-2"), 0, 0}});
    QVERIFY(both.moves.isEmpty());
    QCOMPARE(both.unplaceable.size(), 1);
    QVERIFY(both.unplaceable.first().reason.contains(QStringLiteral("no feasible node")));
}

void tst_PlacementPlanner::whatIfFailSiteAndLink()
{
    Placer placer;
    Workload near = container(QStringLiteral("near"), 2, 2);
    near.requirements.maxLatency = {{QStringLiteral("site-bol"), {}, 10.0}};
    const QList<Deployment> deployments = {
        deployed(QStringLiteral("d-near"), near, QStringLiteral("k8s-1"), QStringLiteral("c-k8s"))};
    const QHash<QString, Workload> workloads{{near.id, near}};
    const PlacementModel model = PlacementPlanner::buildModel(smallContinuum(), deployments, workloads);

    // Frankfurt is 9 ms from Bologna; cutting Frankfurt's uplink breaks the bound, and no
    // other container platform is within 10 ms.
    auto result = PlacementPlanner::whatIf(model, placer, deployments, workloads,
                                           {{WhatIfChange::Kind::FailLink, QStringLiteral("l-fra"), 0, 0}});
    QCOMPARE(result.unplaceable.size(), 1);
    QVERIFY(result.unplaceable.first().reason.startsWith(QStringLiteral("latency bound 10 ms broken")));

    result = PlacementPlanner::whatIf(model, placer, deployments, workloads,
                                      {{WhatIfChange::Kind::FailSite, QStringLiteral("site-fra"), 0, 0}});
    QVERIFY(result.unavailableNodes.contains(QStringLiteral("k8s-1")));
    QVERIFY(result.unavailableNodes.contains(QStringLiteral("kvm-2")));
    QCOMPARE(result.unplaceable.size(), 1);
}

void tst_PlacementPlanner::whatIfAddLoadAndNewIntents()
{
    Placer placer;
    Workload vm = container(QStringLiteral("vm"), 8, 16);
    vm.kind = WorkloadKind::VirtualMachine;
    const QList<Deployment> deployments = {
        deployed(QStringLiteral("d-vm"), vm, QStringLiteral("kvm-1"), QStringLiteral("c-kvm"))};
    const QHash<QString, Workload> workloads{{vm.id, vm}};
    const PlacementModel model = PlacementPlanner::buildModel(smallContinuum(), deployments, workloads);
    Workload big = container(QStringLiteral("big"), 60, 16);
    big.kind = WorkloadKind::VirtualMachine;
    const auto result = PlacementPlanner::whatIf(
        model, placer, deployments, workloads,
        {{WhatIfChange::Kind::AddLoad, QStringLiteral("kvm-1"), 60, 0}}, {big});
    // kvm-1 is now overcommitted (68 of 64 cores): the VM moves to kvm-2, and the new 60-core
    // intent then finds no host with 60 free cores.
    QCOMPARE(result.moves.size(), 1);
    QCOMPARE(result.moves.first().toNodeId, QStringLiteral("kvm-2"));
    QCOMPARE(result.newPlacements.size(), 1);
    QVERIFY(!result.newPlacements.first().placed);
}

void tst_PlacementPlanner::whatIfKindNames()
{
    QVERIFY(whatIfKindFromString(QStringLiteral("drain-node")) == WhatIfChange::Kind::DrainNode);
    QCOMPARE(toString(WhatIfChange::Kind::FailSite), QStringLiteral("fail-site"));
    QVERIFY(whatIfKindFromString(QStringLiteral("explode")) == WhatIfChange::Kind::Unknown);
}

void tst_PlacementPlanner::reoptimizeEvacuatesWithinBudget()
{
    Placer placer;
    QList<Deployment> deployments;
    QHash<QString, Workload> workloads;
    for (int i = 0; i < 5; ++i) {
        Workload web = container(QStringLiteral("web-%1").arg(i), 1, 1);
        web.requirements.arch = QStringLiteral("aarch64");
        workloads.insert(web.id, web);
        deployments.append(deployed(QStringLiteral("d-%1").arg(i), web, QStringLiteral("edge-1"),
                                    QStringLiteral("c-edge")));
    }
    PlacementModel model = PlacementPlanner::buildModel(smallContinuum(), deployments, workloads);
    ReoptimizeOptions options;
    options.nodes = {QStringLiteral("edge-1")};
    options.evacuate = true;
    options.disruptionBudget = 3;
    const auto moves = PlacementPlanner::reoptimize(model, placer, deployments, workloads, options);
    QCOMPARE(moves.size(), 3);
    for (const auto &move : moves) {
        QCOMPARE(move.fromNodeId, QStringLiteral("edge-1"));
        QVERIFY(move.toNodeId == QLatin1String("edge-2") || move.toNodeId == QLatin1String("edge-3"));
        QCOMPARE(move.reason, QStringLiteral("evacuate edge-1"));
    }
    // The model reflects the moves: 2 left on edge-1.
    QCOMPARE(model.node(model.nodeIndex(QStringLiteral("edge-1"))).cpuAllocated, 2.0);
}

void tst_PlacementPlanner::reoptimizeImprovesObjective()
{
    Placer placer;
    // Latency-sensitive work stranded far from its users: Frankfurt, users in Athens.
    Workload app = container(QStringLiteral("app"), 1, 1);
    app.objectives.latency = 1.0;
    app.requirements.maxLatency = {{QStringLiteral("site-ath"), {}, 50.0}};
    const QList<Deployment> deployments = {
        deployed(QStringLiteral("d-app"), app, QStringLiteral("k8s-1"), QStringLiteral("c-k8s"))};
    const QHash<QString, Workload> workloads{{app.id, app}};
    PlacementModel model = PlacementPlanner::buildModel(smallContinuum(), deployments, workloads);
    ReoptimizeOptions options;
    options.minImprovement = 0.1;
    auto moves = PlacementPlanner::reoptimize(model, placer, deployments, workloads, options);
    QCOMPARE(moves.size(), 1);
    QCOMPARE(moves.first().toClusterId, QStringLiteral("c-edge"));
    QVERIFY(moves.first().scoreAfter > moves.first().scoreBefore + 0.1);
    QVERIFY(moves.first().reason.startsWith(QStringLiteral("improves score")));

    // Already where it should be: nothing to do.
    QList<Deployment> settled = deployments;
    settled.first().nodeId = moves.first().toNodeId;
    settled.first().clusterId = QStringLiteral("c-edge");
    model = PlacementPlanner::buildModel(smallContinuum(), settled, workloads);
    moves = PlacementPlanner::reoptimize(model, placer, settled, workloads, options);
    QVERIFY(moves.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PlacementPlanner)
#include "tst_placementplanner.moc"
