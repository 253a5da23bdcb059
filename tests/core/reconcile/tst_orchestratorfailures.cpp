#include "ReconcileTestSupport.h"

#include "engine/Engine.h"
#include "orchestration/Orchestrator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;
using namespace Continuo::ReconcileTest;

class tst_OrchestratorFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failingNodeIsRetriedThenAvoided();
    void stalledDeployTimesOutAndMoves();
    void givesUpAfterMaxReplacements();
};

namespace {

/// The node a fresh demo continuum places the workload on (placement is deterministic).
QString firstChoice(const Workload &workload)
{
    QTemporaryDir dir;
    Engine engine;
    if (!engine.start(engineOptions(dir.path())))
        return {};
    const auto result = engine.orchestrator()->submit({workload}, QStringLiteral("user:test"), true);
    if (!result || result->explanations.isEmpty() || !result->explanations.constFirst().placed)
        return {};
    return result->explanations.constFirst().decisions.constFirst().nodeId;
}

QList<const DeploymentTransition *> transitionsTo(const Deployment &deployment, DeploymentState to)
{
    QList<const DeploymentTransition *> found;
    for (const DeploymentTransition &step : deployment.history) {
        if (step.to == to)
            found.append(&step);
    }
    return found;
}

} // namespace

void tst_OrchestratorFailures::failingNodeIsRetriedThenAvoided()
{
    const Workload web = container(QStringLiteral("web"));
    const QString badNode = firstChoice(web);
    QVERIFY(!badNode.isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineOptions options = engineOptions(dir.path(), {{QStringLiteral("failDeployOn"), QStringList{badNode}}});
    options.orchestrator.attemptsPerPlacement = 3;
    options.orchestrator.initialBackoff = 150ms;
    Engine engine;
    QVERIFY(engine.start(options));
    Orchestrator *orchestrator = engine.orchestrator();
    const auto submitted = orchestrator->submit({web}, QStringLiteral("user:test"), false);
    QVERIFY2(submitted, qPrintable(submitted.error()));
    QCOMPARE(submitted->deployments.constFirst().nodeId, badNode);

    QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, QStringLiteral("web"), 1), 15000);
    const Deployment deployment = orchestrator->deployments(QStringLiteral("web")).constFirst();
    QCOMPARE(deployment.id, QStringLiteral("web-r0-1")); // the same deployment, re-placed
    QVERIFY(deployment.nodeId != badNode);
    QCOMPARE(deployment.excludedNodes, QStringList{badNode});
    QCOMPARE(deployment.attempts, 1);

    // Three attempts on the bad node, the waits between them growing (150 ms, then 300 ms).
    const auto failures = transitionsTo(deployment, DeploymentState::Failed);
    const auto retries = transitionsTo(deployment, DeploymentState::Redeployed);
    QCOMPARE(failures.size(), 3);
    QCOMPARE(retries.size(), 3);
    const qint64 firstWait = retries.at(0)->timestampMs - failures.at(0)->timestampMs;
    const qint64 secondWait = retries.at(1)->timestampMs - failures.at(1)->timestampMs;
    QVERIFY2(firstWait >= 140, qPrintable(QString::number(firstWait)));
    QVERIFY2(secondWait >= 290, qPrintable(QString::number(secondWait)));
    QVERIFY(secondWait > firstWait);
    QVERIFY(retries.at(2)->reason.contains(QLatin1String("re-placing")));
    QCOMPARE(transitionsTo(deployment, DeploymentState::Assigned).size(), 4);

    int failedEvents = 0;
    for (const Event &event : engine.recentEvents(0, QLatin1String(EventTypes::DeploymentState))) {
        if (event.payload.value(QLatin1String("state")).toString() == toString(DeploymentState::Failed)) {
            ++failedEvents;
            QCOMPARE(toString(event.severity), toString(EventSeverity::Warning));
            QCOMPARE(event.payload.value(QLatin1String("node")).toString(), badNode);
        }
    }
    QCOMPARE(failedEvents, 3);
}

void tst_OrchestratorFailures::stalledDeployTimesOutAndMoves()
{
    const Workload web = container(QStringLiteral("web"));
    const QString slowNode = firstChoice(web);
    QVERIFY(!slowNode.isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineOptions options = engineOptions(dir.path(), {{QStringLiteral("slowDeployOn"), slowNode}});
    options.orchestrator.stateTimeout = 600ms;
    options.orchestrator.attemptsPerPlacement = 1;
    Engine engine;
    QVERIFY(engine.start(options));
    Orchestrator *orchestrator = engine.orchestrator();
    QVERIFY(orchestrator->submit({web}, QStringLiteral("user:test"), false));
    QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, QStringLiteral("web"), 1), 15000);
    const Deployment deployment = orchestrator->deployments(QStringLiteral("web")).constFirst();
    QVERIFY(deployment.nodeId != slowNode);
    QCOMPARE(deployment.excludedNodes, QStringList{slowNode});
    const auto failures = transitionsTo(deployment, DeploymentState::Failed);
    QCOMPARE(failures.size(), 1);
    QVERIFY2(failures.constFirst()->reason.contains(QLatin1String("timed out")),
             qPrintable(failures.constFirst()->reason));
    // The stalled attempt was cleaned up: the simulator runs one copy, on the new node.
    QTRY_COMPARE_WITH_TIMEOUT(
        simulatorState(dir.path()).value(QLatin1String("deployments")).toArray().size(), 1, 5000);
}

void tst_OrchestratorFailures::givesUpAfterMaxReplacements()
{
    Workload pinned = container(QStringLiteral("pinned"));
    const QString node = firstChoice(pinned);
    QVERIFY(!node.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineOptions options = engineOptions(dir.path(), {{QStringLiteral("failDeployOn"), node}});
    options.orchestrator.attemptsPerPlacement = 1;
    options.orchestrator.maxReplacements = 0;
    Engine engine;
    QVERIFY(engine.start(options));
    Orchestrator *orchestrator = engine.orchestrator();
    QVERIFY(orchestrator->submit({pinned}, QStringLiteral("user:test"), false));
    QTRY_COMPARE_WITH_TIMEOUT(
        toString(orchestrator->deployments(QStringLiteral("pinned")).constFirst().state),
        toString(DeploymentState::Terminated), 10000);
    const Deployment deployment = orchestrator->deployments(QStringLiteral("pinned")).constFirst();
    QCOMPARE(toString(deployment.desired), toString(DesiredState::Terminated));
    bool sawError = false;
    for (const Event &event : engine.recentEvents(0, QLatin1String(EventTypes::DeploymentState)))
        sawError |= event.severity == EventSeverity::Error && event.subjectId == deployment.id;
    QVERIFY(sawError);
}

QTEST_GUILESS_MAIN(tst_OrchestratorFailures)
#include "tst_orchestratorfailures.moc"
