#pragma once

#include "engine/Engine.h"
#include "orchestration/Orchestrator.h"
#include "store/IStateStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Continuo::ReconcileTest {

using namespace std::chrono_literals;

/// A demo continuum with fast simulated deployments and a fast reconciliation pass.
inline EngineOptions engineOptions(const QString &dir, QVariantMap simulator = {})
{
    EngineOptions options;
    options.dataDirectory = dir;
    options.scenario = QStringLiteral("demo");
    options.pluginPaths = {QStringLiteral(PRODUCT_PLUGIN_DIR)};
    options.hostProbe = false;
    options.persistTelemetry = false;
    options.linkEstimationInterval = 0ms;
    if (!simulator.contains(QStringLiteral("deployStepMs")))
        simulator.insert(QStringLiteral("deployStepMs"), 20);
    options.pluginSettings.insert(QStringLiteral("simulator"), simulator);
    options.orchestrator.reconcileInterval = 20ms;
    options.orchestrator.stateTimeout = 5s;
    options.orchestrator.initialBackoff = 100ms;
    options.orchestrator.maxBackoff = 2s;
    return options;
}

inline Workload container(const QString &id, double cpuCores = 0.5)
{
    Workload workload;
    workload.id = id;
    workload.name = id;
    workload.kind = WorkloadKind::Container;
    workload.image = QStringLiteral("registry.example/app:1");
    workload.request.cpuCores = cpuCores;
    workload.request.memoryBytes = 512LL << 20;
    return workload;
}

/// Every deployment of the workload that is wanted runs.
inline bool allDeployed(const Orchestrator *orchestrator, const QString &workloadId,
                        int expected = -1)
{
    int running = 0;
    for (const Deployment &deployment : orchestrator->deployments(workloadId)) {
        if (deployment.desired == DesiredState::Terminated)
            continue;
        if (deployment.state != DeploymentState::Deployed)
            return false;
        ++running;
    }
    return running > 0 && (expected < 0 || running == expected);
}

/// The simulator backend's durable state file.
inline QJsonObject simulatorState(const QString &dataDirectory)
{
    QFile file(dataDirectory + QLatin1String("/plugins/simulator/deployments.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline QList<AuditEntry> auditEntries(Engine &engine, const QString &action)
{
    QList<AuditEntry> matching;
    const auto entries = engine.store()->auditLog(0, 10000);
    if (!entries)
        return matching;
    for (const AuditEntry &entry : *entries) {
        if (entry.action == action)
            matching.append(entry);
    }
    return matching;
}

} // namespace Continuo::ReconcileTest
