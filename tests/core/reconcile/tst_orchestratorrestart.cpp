#include "ReconcileTestSupport.h"

#include "engine/Engine.h"
#include "orchestration/Orchestrator.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;
using namespace Continuo::ReconcileTest;

class tst_OrchestratorRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumesMidDeploymentWithoutDuplicates();
    void deployedSurvivesRestart();
};

namespace {

/// How often the simulator started each deployment id, and how many entries it runs per id.
void checkRunOnce(const QString &dataDirectory, const QStringList &ids)
{
    const QJsonObject state = simulatorState(dataDirectory);
    const QJsonObject starts = state.value(QLatin1String("starts")).toObject();
    QHash<QString, int> entries;
    for (const QJsonValue &value : state.value(QLatin1String("deployments")).toArray())
        ++entries[value.toObject().value(QLatin1String("id")).toString()];
    QCOMPARE(entries.size(), ids.size());
    for (const QString &id : ids) {
        QCOMPARE(starts.value(id).toInt(), 1);
        QCOMPARE(entries.value(id), 1);
    }
}

} // namespace

void tst_OrchestratorRestart::resumesMidDeploymentWithoutDuplicates()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Slow steps: the engine stops while every deployment is still with the backend.
    const QVariantMap slow{{QStringLiteral("deployStepMs"), 400}};
    QStringList ids;
    {
        Engine engine;
        QVERIFY(engine.start(engineOptions(dir.path(), slow)));
        Workload web = container(QStringLiteral("web"));
        web.requirements.replicas = 3;
        const auto submitted = engine.orchestrator()->submit({web}, QStringLiteral("user:test"), false);
        QVERIFY2(submitted, qPrintable(submitted.error()));
        QCOMPARE(submitted->deployments.size(), 3);
        for (const Deployment &deployment : submitted->deployments)
            ids.append(deployment.id);
        QTest::qWait(50);
        for (const Deployment &deployment : engine.orchestrator()->deployments())
            QVERIFY(deployment.state != DeploymentState::Deployed);
        engine.stop();
    }
    {
        Engine engine;
        QVERIFY(engine.start(engineOptions(dir.path(), slow)));
        Orchestrator *orchestrator = engine.orchestrator();
        QVERIFY(orchestrator->workload(QStringLiteral("web")));
        QStringList restored;
        for (const Deployment &deployment : orchestrator->deployments()) {
            restored.append(deployment.id);
            QVERIFY2(deployment.state == DeploymentState::Assigned
                         || deployment.state == DeploymentState::InDeployment,
                     qPrintable(toString(deployment.state)));
        }
        QCOMPARE(restored, ids);
        QTRY_VERIFY_WITH_TIMEOUT(allDeployed(orchestrator, QStringLiteral("web"), 3), 10000);
        QCOMPARE(orchestrator->deployments().size(), 3);
        for (const Deployment &deployment : orchestrator->deployments())
            QCOMPARE(deployment.attempts, 1); // resumed, not retried
        engine.stop();
    }
    checkRunOnce(dir.path(), ids);
}

void tst_OrchestratorRestart::deployedSurvivesRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList ids;
    QHash<QString, QString> nodes;
    {
        Engine engine;
        QVERIFY(engine.start(engineOptions(dir.path())));
        Workload job;
        job.id = QStringLiteral("job");
        job.kind = WorkloadKind::HpcJob;
        job.request.cpuCores = 16;
        job.request.memoryBytes = 32LL << 30;
        job.requirements.walltimeSeconds = 600;
        QVERIFY(engine.orchestrator()->submit({job, container(QStringLiteral("web"))},
                                              QStringLiteral("user:test"), false));
        QTRY_VERIFY_WITH_TIMEOUT(allDeployed(engine.orchestrator(), QStringLiteral("job")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(allDeployed(engine.orchestrator(), QStringLiteral("web")), 10000);
        for (const Deployment &deployment : engine.orchestrator()->deployments()) {
            ids.append(deployment.id);
            nodes.insert(deployment.id, deployment.nodeId);
        }
        engine.stop();
    }
    for (int round = 0; round < 2; ++round) {
        Engine engine;
        QVERIFY(engine.start(engineOptions(dir.path())));
        Orchestrator *orchestrator = engine.orchestrator();
        QCOMPARE(orchestrator->workloads().size(), 2);
        QTest::qWait(200); // a few reconciliation passes
        QStringList restored;
        for (const Deployment &deployment : orchestrator->deployments()) {
            restored.append(deployment.id);
            QCOMPARE(toString(deployment.state), toString(DeploymentState::Deployed));
            QCOMPARE(deployment.nodeId, nodes.value(deployment.id));
        }
        QCOMPARE(restored, ids);
        engine.stop();
    }
    checkRunOnce(dir.path(), ids);
}

QTEST_GUILESS_MAIN(tst_OrchestratorRestart)
#include "tst_orchestratorrestart.moc"
