#include "ReconcileTestSupport.h"

#include "anomaly/AnomalyEngine.h"
#include "engine/Engine.h"
#include "orchestration/Orchestrator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;
using namespace Continuo::ReconcileTest;

class tst_ClosedLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firingAlertEvacuatesWithinBudget();
    void closedLoopOffMovesNothing();
    void drainEvacuatesNode();
    void pinChecksFeasibility();
};

namespace {

/// Live deployments (wanted, not terminated) on the node.
QList<Deployment> liveOn(const Orchestrator *orchestrator, const QString &nodeId)
{
    QList<Deployment> live;
    for (const Deployment &deployment : orchestrator->deployments()) {
        if (deployment.nodeId == nodeId && deployment.desired == DesiredState::Running
            && deployment.state != DeploymentState::Terminated)
            live.append(deployment);
    }
    return live;
}

/// Three single-replica workloads bin-packed onto one node.
QString deployPacked(Engine &engine)
{
    QList<Workload> intents;
    for (int i = 0; i < 3; ++i) {
        Workload web = container(QStringLiteral("web%1").arg(i));
        web.strategy = PlacementStrategy::FirstFit;
        intents.append(web);
    }
    const auto submitted = engine.orchestrator()->submit(intents, QStringLiteral("user:test"), false);
    if (!submitted || submitted->deployments.size() != 3)
        return {};
    for (int i = 0; i < 3; ++i) {
        if (!QTest::qWaitFor([&] { return allDeployed(engine.orchestrator(), intents.at(i).id); }, 10000))
            return {};
    }
    return submitted->deployments.constFirst().nodeId;
}

void fireAlertOn(Engine &engine, const QString &nodeId)
{
    auto rule = AlertRule::parse(QStringLiteral("test-hot"),
                                 QStringLiteral("node_cpu_utilisation{node=\"%1\"} >= 0").arg(nodeId));
    QVERIFY2(rule, qPrintable(rule.error()));
    QVERIFY(engine.anomalyEngine()->setRules({*rule}));
}

} // namespace

void tst_ClosedLoop::firingAlertEvacuatesWithinBudget()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineOptions options = engineOptions(dir.path());
    options.orchestrator.disruptionBudget = 2;
    options.telemetryPublishInterval = 20ms;
    Engine engine;
    QVERIFY(engine.start(options));
    Orchestrator *orchestrator = engine.orchestrator();
    const QString node = deployPacked(engine);
    QVERIFY(!node.isEmpty());
    const int before = int(liveOn(orchestrator, node).size());
    QVERIFY2(before >= 2, qPrintable(QString::number(before)));

    fireAlertOn(engine, node);
    // The budget bounds the moves of one alert; make-before-break ends the old copies.
    const int expectedMoves = std::min(before, 2);
    QTRY_COMPARE_WITH_TIMEOUT(int(auditEntries(engine, QStringLiteral("placement.move")).size()),
                              expectedMoves, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(int(liveOn(orchestrator, node).size()), before - expectedMoves, 10000);
    for (const AuditEntry &entry : auditEntries(engine, QStringLiteral("placement.move"))) {
        QCOMPARE(entry.actor, QStringLiteral("automation:closed-loop"));
        QCOMPARE(entry.details.value(QLatin1String("from")).toString(), node);
        QVERIFY(entry.details.value(QLatin1String("to")).toString() != node);
        QCOMPARE(entry.details.value(QLatin1String("reason")).toString(),
                 QStringLiteral("alert test-hot firing on node %1").arg(node));
        const QString moved = entry.details.value(QLatin1String("newDeployment")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(toString(orchestrator->deployment(moved)->state),
                                  toString(DeploymentState::Deployed), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(toString(orchestrator->deployment(entry.target)->state),
                                  toString(DeploymentState::Terminated), 10000);
    }
    // No more moves for the same alert.
    QTest::qWait(300);
    QCOMPARE(int(auditEntries(engine, QStringLiteral("placement.move")).size()), expectedMoves);
    QVERIFY(orchestrator->currentModel().node(orchestrator->currentModel().nodeIndex(node)).degraded);
}

void tst_ClosedLoop::closedLoopOffMovesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineOptions options = engineOptions(dir.path());
    options.orchestrator.closedLoop = false;
    options.telemetryPublishInterval = 20ms;
    Engine engine;
    QVERIFY(engine.start(options));
    const QString node = deployPacked(engine);
    QVERIFY(!node.isEmpty());
    fireAlertOn(engine, node);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Alert &alert : engine.anomalyEngine()->activeAlerts()) {
                if (alert.state == AlertState::Firing && alert.nodeId == node)
                    return true;
            }
            return false;
        }(),
        10000);
    QTest::qWait(300);
    QVERIFY(auditEntries(engine, QStringLiteral("placement.move")).isEmpty());
}

void tst_ClosedLoop::drainEvacuatesNode()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Engine engine;
    QVERIFY(engine.start(engineOptions(dir.path())));
    Orchestrator *orchestrator = engine.orchestrator();
    const QString node = deployPacked(engine);
    QVERIFY(!node.isEmpty());
    const int before = int(liveOn(orchestrator, node).size());
    QVERIFY(before >= 1);

    QVERIFY(engine.setNodeState(node, NodeState::Draining, QStringLiteral("user:test"),
                                QStringLiteral("maintenance")));
    QTRY_COMPARE_WITH_TIMEOUT(int(liveOn(orchestrator, node).size()), 0, 10000);
    const auto moves = auditEntries(engine, QStringLiteral("placement.move"));
    QCOMPARE(int(moves.size()), before);
    for (const AuditEntry &entry : moves)
        QCOMPARE(entry.details.value(QLatin1String("reason")).toString(),
                 QStringLiteral("node %1 drained").arg(node));
    for (int i = 0; i < 3; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, QStringLiteral("web%1").arg(i), 1), 10000);
}

void tst_ClosedLoop::pinChecksFeasibility()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Engine engine;
    QVERIFY(engine.start(engineOptions(dir.path())));
    Orchestrator *orchestrator = engine.orchestrator();
    Workload kernel = container(QStringLiteral("kernel"));
    kernel.kind = WorkloadKind::AcceleratedKernel;
    kernel.request.gpuCount = 1;
    kernel.requirements.gpuModel = QStringLiteral("A100");
    const auto submitted = orchestrator->submit({kernel}, QStringLiteral("user:test"), false);
    QVERIFY2(submitted && !submitted->deployments.isEmpty(), qPrintable(submitted.error()));
    const Deployment original = submitted->deployments.constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, QStringLiteral("kernel")), 10000);

    // A node without an A100 is refused with the filters' reasons.
    const auto refused = orchestrator->pin(original.id, QStringLiteral("kvm-fra-01"),
                                           QStringLiteral("user:test"), false);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("kvm-fra-01")), qPrintable(refused.error()));
    QVERIFY(auditEntries(engine, QStringLiteral("placement.move")).isEmpty());

    // Another A100 node is accepted: make before break.
    QString target;
    for (const Device &device : engine.inventory().all<Device>()) {
        if (device.model.contains(QLatin1String("A100")) && device.nodeId != original.nodeId) {
            target = device.nodeId;
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    const auto pinned = orchestrator->pin(original.id, target, QStringLiteral("user:test"), false);
    QVERIFY2(pinned, qPrintable(pinned.error()));
    QCOMPARE(pinned->toNodeId, target);
    QTRY_COMPARE_WITH_TIMEOUT(toString(orchestrator->deployment(original.id)->state),
                              toString(DeploymentState::Terminated), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, QStringLiteral("kernel"), 1), 10000);
    const auto moves = auditEntries(engine, QStringLiteral("placement.move"));
    QCOMPARE(moves.size(), 1);
    QCOMPARE(moves.constFirst().actor, QStringLiteral("user:test"));
    QVERIFY(moves.constFirst().details.value(QLatin1String("reason")).toString().contains(target));
}

QTEST_GUILESS_MAIN(tst_ClosedLoop)
#include "tst_closedloop.moc"
