#include "PlacementFixture.h"

#include "orchestration/PlacementFilters.h"
#include "orchestration/Placer.h"

#include <QTest>

#include <cmath>

using namespace Continuo;
using namespace Continuo::Testing;

class tst_Placer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void siteLatencies();
    void linkFailureReroutes();
    void platformFollowsWorkloadKind();
    void hpcJobGetsSlurmConstraints();
    void gpuShortfallIsExplained();
    void latencyBoundRejectsAndSuggestsRelaxation();
    void dataLocality();
    void securityAndIsolation();
    void strategies();
    void energyPacksAndBalanceSpreads();
    void replicasSpreadAtomically();
    void groupIsAtomic();
    void explainRanksWithTerms();
    void dryRunLeavesModelUntouched();
    void cordonedAndExcludedNodes();
    void pin();
    void wherePredicate();
};

void tst_Placer::siteLatencies()
{
    const PlacementModel model = PlacementModel::build(smallContinuum());
    const int ath = model.siteIndex(QStringLiteral("site-ath"));
    const int bol = model.siteIndex(QStringLiteral("site-bol"));
    const int fra = model.siteIndex(QStringLiteral("site-fra"));
    QCOMPARE(model.siteLatencyMs(ath, ath), 0.0);
    QCOMPARE(model.siteLatencyMs(ath, fra), 18.0);
    QCOMPARE(model.siteLatencyMs(fra, ath), 18.0);
    QCOMPARE(model.siteLatencyMs(ath, bol), 15.0);
    QCOMPARE(model.siteLatencyMs(bol, fra), 9.0);
    // Athens to Athens' own coordinates: access latency only.
    QVERIFY(model.latencyToLocationMs(ath, {QString(), 37.98, 23.73}) < 1.01);
    // Athens to Frankfurt by geography: ~1800 km great circle -> 13-15 ms with route factor.
    const double geo = model.latencyToLocationMs(ath, {QString(), 50.11, 8.68});
    QVERIFY2(geo > 12.0 && geo < 16.0, qPrintable(QString::number(geo)));
    QCOMPARE(model.storageSite(QStringLiteral("store-ath")), ath);
}

void tst_Placer::linkFailureReroutes()
{
    InventorySnapshot inventory = smallContinuum();
    Link direct;
    direct.id = QStringLiteral("l-ath-fra");
    direct.a = {QStringLiteral("sw-ath"), 2};
    direct.b = {QStringLiteral("sw-fra"), 2};
    direct.latencyMs = 25;
    direct.state = LinkState::Up;
    inventory.links.append(direct);
    PlacementModel model = PlacementModel::build(inventory, {{QStringLiteral("l-fra"), 4.0}});
    const int ath = model.siteIndex(QStringLiteral("site-ath"));
    const int fra = model.siteIndex(QStringLiteral("site-fra"));
    QCOMPARE(model.siteLatencyMs(ath, fra), 16.0); // live latency of l-fra used
    model.setLinkUp(QStringLiteral("l-fra"), false);
    QCOMPARE(model.siteLatencyMs(ath, fra), 25.0); // around the failed link
    model.setLinkUp(QStringLiteral("l-ath-fra"), false);
    QVERIFY(std::isinf(model.siteLatencyMs(ath, fra)));
}

void tst_Placer::platformFollowsWorkloadKind()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload vm = container(QStringLiteral("vm"), 4, 8);
    vm.kind = WorkloadKind::VirtualMachine;
    auto placed = placer.place(model, vm);
    QVERIFY2(placed.placed, qPrintable(placed.error));
    QCOMPARE(placed.decisions.first().clusterId, QStringLiteral("c-kvm"));
    QVERIFY(!placed.decisions.first().delegated); // libvirt: we pick the host
    QVERIFY(placed.rejectionsByFilter.value(QStringLiteral("platform")) >= 3);

    Workload unknown = container(QStringLiteral("unknown"), 1, 1);
    unknown.kind = WorkloadKind::Unknown;
    placed = placer.place(model, unknown);
    QVERIFY(!placed.placed);
    QVERIFY(placed.error.contains(QStringLiteral("platform")));
}

void tst_Placer::hpcJobGetsSlurmConstraints()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload job = container(QStringLiteral("job"), 64, 128);
    job.kind = WorkloadKind::HpcJob;
    job.requirements.partition = QStringLiteral("cpu");
    job.requirements.walltimeSeconds = 2 * 3600 + 30;
    auto placed = placer.place(model, job);
    QVERIFY2(placed.placed, qPrintable(placed.error));
    const PlacementDecision &decision = placed.decisions.first();
    QCOMPARE(decision.clusterId, QStringLiteral("c-hpc"));
    QVERIFY(decision.delegated);
    QVERIFY(decision.constraints.contains(QStringLiteral("--partition=cpu")));
    QVERIFY(decision.constraints.contains(QStringLiteral("--time=02:00:30")));
    QVERIFY(decision.constraints.contains(QStringLiteral("--cpus-per-task=64")));
    QVERIFY(decision.constraints.contains(QStringLiteral("--mem=131072M")));

    job.requirements.partition = QStringLiteral("gpu");
    placed = placer.place(model, job);
    QVERIFY(!placed.placed);
    const bool partitionNamed =
        std::any_of(placed.rejections.cbegin(), placed.rejections.cend(), [](const auto &r) {
            return r.wholeCluster && r.candidateId == QLatin1String("c-hpc") &&
                   r.reason == QLatin1String("no partition gpu");
        });
    QVERIFY(partitionNamed);
}

void tst_Placer::gpuShortfallIsExplained()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload training = container(QStringLiteral("train"), 8, 32);
    training.request.gpuCount = 3;
    training.requirements.gpuModel = QStringLiteral("A100");
    PlacementOptions explain;
    explain.explain = true;
    auto placed = placer.place(model, training, explain);
    QVERIFY(!placed.placed);
    const auto k8s2 = std::find_if(placed.rejections.cbegin(), placed.rejections.cend(),
                                   [](const PlacementRejection &r) {
                                       return r.candidateId == QLatin1String("k8s-2");
                                   });
    QVERIFY(k8s2 != placed.rejections.cend());
    QCOMPARE(k8s2->filter, QStringLiteral("accelerators"));
    QCOMPARE(k8s2->reason, QStringLiteral("needs 3 GPU(s), node has 2 free"));
    QCOMPARE(k8s2->shortfall, 1.0);
    // Relaxing the GPU count is the suggestion, naming the node that would fit.
    QVERIFY(!placed.relaxations.isEmpty());
    QCOMPARE(placed.relaxations.first().filter, QStringLiteral("accelerators"));
    QVERIFY(placed.relaxations.first().suggestion.contains(QStringLiteral("k8s-2")));

    training.request.gpuCount = 2;
    placed = placer.place(model, training);
    QVERIFY2(placed.placed, qPrintable(placed.error));
    QCOMPARE(placed.decisions.first().nodeId, QStringLiteral("k8s-2"));
    QVERIFY(placed.decisions.first().constraints.contains(QStringLiteral("limits.nvidia.com/gpu=2")));
    // The GPUs are taken now.
    QCOMPARE(model.node(model.nodeIndex(QStringLiteral("k8s-2"))).freeGpus(), 0);
    placed = placer.place(model, training);
    QVERIFY(!placed.placed);
    QVERIFY(placed.error.contains(QStringLiteral("accelerators")));
}

void tst_Placer::latencyBoundRejectsAndSuggestsRelaxation()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload app = container(QStringLiteral("app"), 2, 4);
    app.requirements.maxLatency = {{QStringLiteral("site-ath"), {}, 10.0}};
    auto placed = placer.place(model, app);
    QVERIFY2(placed.placed, qPrintable(placed.error));
    QCOMPARE(placed.decisions.first().siteId, QStringLiteral("site-ath"));

    // Needs x86: Athens is aarch64, Frankfurt is 18 ms away.
    app.requirements.arch = QStringLiteral("x86_64");
    PlacementOptions explain;
    explain.explain = true;
    placed = placer.place(model, app, explain);
    QVERIFY(!placed.placed);
    bool sawLatency = false;
    for (const auto &rejection : placed.rejections) {
        if (rejection.candidateId == QLatin1String("k8s-1")) {
            QCOMPARE(rejection.filter, QStringLiteral("latency"));
            QCOMPARE(rejection.reason, QStringLiteral("latency to site-ath 18.0 ms > 10.0 ms"));
            sawLatency = true;
        }
    }
    QVERIFY(sawLatency);
    const auto relax = std::find_if(placed.relaxations.cbegin(), placed.relaxations.cend(),
                                    [](const Relaxation &r) { return r.filter == QLatin1String("latency"); });
    QVERIFY(relax != placed.relaxations.cend());
    QCOMPARE(relax->suggestion, QStringLiteral("allow 8.0 ms more latency"));
    QCOMPARE(relax->nodesThatWouldFit, 2); // the two Frankfurt k8s nodes

    // A user location instead of a site: near Bologna.
    app.requirements.maxLatency = {{QString(), {QStringLiteral("Modena"), 44.65, 10.93}, 3.0}};
    placed = placer.place(model, app);
    QVERIFY(!placed.placed); // Bologna runs only Slurm jobs; containers elsewhere are too far
    app.kind = WorkloadKind::HpcJob;
    placed = placer.place(model, app);
    QVERIFY2(placed.placed, qPrintable(placed.error));
    QCOMPARE(placed.decisions.first().siteId, QStringLiteral("site-bol"));
}

void tst_Placer::dataLocality()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload reader = container(QStringLiteral("reader"), 1, 1);
    reader.requirements.dataLocation = QStringLiteral("store-ath");
    reader.requirements.dataMaxLatencyMs = 5.0;
    auto placed = placer.place(model, reader);
    QVERIFY2(placed.placed, qPrintable(placed.error));
    QCOMPARE(placed.decisions.first().siteId, QStringLiteral("site-ath"));
    QCOMPARE(workloadLatencyMs(model, model.siteIndex(QStringLiteral("site-fra")), reader), 20.0);
}

void tst_Placer::securityAndIsolation()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload sandboxed = container(QStringLiteral("sandboxed"), 1, 1);
    sandboxed.requirements.isolation = IsolationKind::KataVaccel;
    sandboxed.requirements.arch = QStringLiteral("aarch64");
    auto placed = placer.place(model, sandboxed);
    QVERIFY2(placed.placed, qPrintable(placed.error));
    // Only edge-3 is hardened with a vAccel accelerator among the aarch64 nodes.
    QCOMPARE(placed.decisions.first().nodeId, QStringLiteral("edge-3"));
    QVERIFY(placed.decisions.first().constraints.contains(QStringLiteral("runtimeClassName=kata-vaccel")));

    Workload secret = container(QStringLiteral("secret"), 1, 1);
    secret.kind = WorkloadKind::VirtualMachine;
    secret.requirements.minSecurityTier = SecurityTier::Confidential;
    placed = placer.place(model, secret);
    QVERIFY(placed.placed);
    QVERIFY(placed.decisions.first().nodeId.startsWith(QLatin1String("kvm-")));
    secret.kind = WorkloadKind::Container;
    placed = placer.place(model, secret);
    QVERIFY(!placed.placed);
    // Stage 1 rules out the Slurm and KVM platforms; the 5 container nodes fail on security.
    QCOMPARE(placed.rejectionsByFilter.value(QStringLiteral("platform")), 2);
    QCOMPARE(placed.rejectionsByFilter.value(QStringLiteral("security")), 5);
}

void tst_Placer::strategies()
{
    Placer placer;
    Workload small = container(QStringLiteral("small"), 1, 1);
    small.kind = WorkloadKind::VirtualMachine; // kvm-1 and kvm-2 only

    PlacementModel model = PlacementModel::build(smallContinuum());
    model.allocate(model.nodeIndex(QStringLiteral("kvm-1")), {32, 64 * GiB, 0, 0, 0});

    small.strategy = PlacementStrategy::FirstFit;
    auto placed = placer.place(model, small, {.commit = false});
    QCOMPARE(placed.decisions.first().nodeId, QStringLiteral("kvm-1"));
    QCOMPARE(placed.strategy, QStringLiteral("first-fit"));

    small.strategy = PlacementStrategy::GreedyResource;
    placed = placer.place(model, small, {.commit = false});
    QCOMPARE(placed.decisions.first().nodeId, QStringLiteral("kvm-2")); // most free

    small.strategy = PlacementStrategy::BestFitSecurity;
    placed = placer.place(model, small, {.commit = false});
    QCOMPARE(placed.decisions.first().nodeId, QStringLiteral("kvm-1")); // tightest fit

    // Best-fit security-aware keeps confidential nodes for confidential work: a standard
    // container goes to a standard edge node even though the hardened one is emptier.
    Workload edge = container(QStringLiteral("edge"), 1, 1);
    edge.strategy = PlacementStrategy::BestFitSecurity;
    edge.requirements.arch = QStringLiteral("aarch64");
    model.allocate(model.nodeIndex(QStringLiteral("edge-1")), {4, 0, 0, 0, 0});
    placed = placer.place(model, edge, {.commit = false});
    QCOMPARE(placed.decisions.first().nodeId, QStringLiteral("edge-1"));
    QCOMPARE(placed.ranked.last().nodeId, QStringLiteral("edge-3"));
}

void tst_Placer::energyPacksAndBalanceSpreads()
{
    Placer placer;
    PlacementModel packed = PlacementModel::build(smallContinuum());
    PlacementModel spread = packed;
    Workload web = container(QStringLiteral("web"), 2, 2);
    web.requirements.arch = QStringLiteral("aarch64");
    Workload packer = web;
    packer.objectives.energy = 1.0;
    Workload balancer = web;
    balancer.objectives.balance = 1.0;
    QSet<QString> packedNodes;
    QSet<QString> spreadNodes;
    for (int i = 0; i < 3; ++i) {
        packedNodes.insert(placer.place(packed, packer).decisions.first().nodeId);
        spreadNodes.insert(placer.place(spread, balancer).decisions.first().nodeId);
    }
    QCOMPARE(packedNodes.size(), 1);
    QCOMPARE(spreadNodes.size(), 3);
}

void tst_Placer::replicasSpreadAtomically()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload web = container(QStringLiteral("web"), 1, 1);
    web.requirements.arch = QStringLiteral("aarch64");
    web.requirements.replicas = 3;
    web.requirements.spread = SpreadScope::Node;
    web.objectives.energy = 1.0; // would pack if spread allowed it
    auto placed = placer.place(model, web);
    QVERIFY2(placed.placed, qPrintable(placed.error));
    QCOMPARE(placed.decisions.size(), 3);
    QSet<QString> nodes;
    for (const auto &decision : placed.decisions)
        nodes.insert(decision.nodeId);
    QCOMPARE(nodes.size(), 3);

    // Absurd replica counts are refused outright, not attempted.
    Workload flood = web;
    flood.requirements.replicas = Placer::MaxReplicas + 1;
    const auto refused = placer.place(model, flood);
    QVERIFY(!refused.placed);
    QVERIFY(refused.error.contains(QStringLiteral("at most 10000 replicas")));

    // A fourth spread replica has no node left: nothing of the request is allocated.
    PlacementModel fresh = PlacementModel::build(smallContinuum());
    web.requirements.replicas = 4;
    placed = placer.place(fresh, web);
    QVERIFY(!placed.placed);
    QVERIFY(placed.decisions.isEmpty());
    QVERIFY(placed.error.contains(QStringLiteral("replica 3")));
    for (int node = 0; node < fresh.nodeCount(); ++node)
        QCOMPARE(fresh.node(node).cpuAllocated, 0.0);
    QVERIFY(!placed.relaxations.isEmpty());
}

void tst_Placer::groupIsAtomic()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload front = container(QStringLiteral("front"), 4, 8);
    Workload back = container(QStringLiteral("back"), 4, 8);
    front.groupId = back.groupId = QStringLiteral("shop");
    back.request.gpuCount = 1;
    back.requirements.gpuModel = QStringLiteral("A100");
    auto placed = placer.placeGroup(model, {front, back});
    QVERIFY2(placed.placed, qPrintable(placed.error));
    QCOMPARE(placed.decisions.size(), 2);
    QCOMPARE(placed.decisions[0].clusterId, QStringLiteral("c-k8s"));
    QCOMPARE(placed.decisions[1].clusterId, QStringLiteral("c-k8s"));
    QVERIFY(placed.decisions[0].constraints.contains(QStringLiteral("podAffinity continuo.io/group=shop")));

    // A member that fits nowhere together with the others: nothing allocated at all.
    PlacementModel fresh = PlacementModel::build(smallContinuum());
    back.request.gpuCount = 1;
    back.requirements.gpuModel = QStringLiteral("A100");
    front.requirements.arch = QStringLiteral("aarch64"); // edge only; the A100 is in Frankfurt
    placed = placer.placeGroup(fresh, {front, back});
    QVERIFY(!placed.placed);
    QVERIFY(placed.error.startsWith(QStringLiteral("group shop: no cluster can take all 2 members")));
    for (int node = 0; node < fresh.nodeCount(); ++node)
        QCOMPARE(fresh.node(node).cpuAllocated, 0.0);
}

void tst_Placer::explainRanksWithTerms()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload app = container(QStringLiteral("app"), 2, 4);
    app.objectives = {0.5, 0.0, 0.0, 0.5, 0.0};
    PlacementOptions explain;
    explain.explain = true;
    const auto placed = placer.place(model, app, explain);
    QVERIFY(placed.placed);
    QVERIFY(placed.ranked.size() >= 2);
    for (int i = 1; i < placed.ranked.size(); ++i)
        QVERIFY(placed.ranked[i - 1].total >= placed.ranked[i].total);
    const auto &terms = placed.ranked.first().terms;
    QCOMPARE(terms.size(), 2);
    QCOMPARE(terms[0].scorer, QStringLiteral("latency"));
    QCOMPARE(terms[1].scorer, QStringLiteral("cost"));
    double total = 0.0;
    for (const auto &term : terms)
        total += term.score * term.weight;
    QVERIFY(std::abs(total - placed.ranked.first().total) < 1e-9);
    QVERIFY(!placed.platforms.isEmpty());
    // Every node is either feasible or has exactly one recorded rejection.
    int feasible = 0;
    for (int node = 0; node < model.nodeCount(); ++node) {
        bool rejected = false;
        for (const auto &rejection : placed.rejections)
            rejected = rejected || rejection.candidateId == model.nodeId(node);
        feasible += rejected ? 0 : 1;
    }
    QCOMPARE(placed.rejections.size() + feasible, model.nodeCount());
}

void tst_Placer::dryRunLeavesModelUntouched()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload app = container(QStringLiteral("app"), 2, 4);
    app.requirements.replicas = 2;
    const auto placed = placer.place(model, app, {.commit = false});
    QVERIFY(placed.placed);
    for (int node = 0; node < model.nodeCount(); ++node)
        QCOMPARE(model.node(node).placements, 0);
}

void tst_Placer::cordonedAndExcludedNodes()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload vm = container(QStringLiteral("vm"), 1, 1);
    vm.kind = WorkloadKind::VirtualMachine;
    model.setNodeState(model.nodeIndex(QStringLiteral("kvm-1")), NodeState::Cordoned);
    auto placed = placer.place(model, vm, {.commit = false});
    QCOMPARE(placed.decisions.first().nodeId, QStringLiteral("kvm-2"));
    placed = placer.place(model, vm, {.commit = false}, {model.nodeIndex(QStringLiteral("kvm-2"))});
    QVERIFY(!placed.placed);
    QCOMPARE(placed.rejectionsByFilter.value(QStringLiteral("state")), 2);
    model.setNodeDegraded(model.nodeIndex(QStringLiteral("kvm-2")), true);
    placed = placer.place(model, vm, {.commit = false});
    QVERIFY(!placed.placed);
    QVERIFY(placed.rejectionsByFilter.contains(QStringLiteral("health")));
}

void tst_Placer::pin()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload app = container(QStringLiteral("app"), 2, 4);
    app.requirements.pinnedNodeId = QStringLiteral("k8s-1");
    auto placed = placer.place(model, app);
    QVERIFY(placed.placed);
    QCOMPARE(placed.decisions.first().nodeId, QStringLiteral("k8s-1"));
    app.requirements.pinnedNodeId = QStringLiteral("kvm-1"); // libvirt does not run containers
    PlacementOptions explain;
    explain.explain = true;
    placed = placer.place(model, app, explain);
    QVERIFY(!placed.placed);
    bool sawPlatform = false;
    for (const auto &rejection : placed.rejections) {
        if (rejection.candidateId == QLatin1String("kvm-1"))
            sawPlatform = rejection.filter == QLatin1String("platform");
    }
    QVERIFY(sawPlatform);
}

void tst_Placer::wherePredicate()
{
    Placer placer;
    PlacementModel model = PlacementModel::build(smallContinuum());
    Workload app = container(QStringLiteral("app"), 1, 1);
    app.requirements.where = QStringLiteral("gpu >= 2 and vaccel");
    auto placed = placer.place(model, app, {.commit = false});
    QVERIFY2(placed.placed, qPrintable(placed.error));
    QCOMPARE(placed.decisions.first().nodeId, QStringLiteral("k8s-2"));
    QVERIFY(placed.rejectionsByFilter.value(QStringLiteral("where")) > 0);

    app.requirements.where = QStringLiteral("bogus_attribute = 1");
    placed = placer.place(model, app, {.commit = false});
    QVERIFY(!placed.placed);
    QVERIFY(placed.rejectionsByFilter.contains(QStringLiteral("where")));
}

QTEST_GUILESS_MAIN(tst_Placer)
#include "tst_placer.moc"
