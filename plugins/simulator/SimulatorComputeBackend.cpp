#include "SimulatorComputeBackend.h"

#include "SimulatorPlugin.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <cmath>

namespace Continuo::Simulator {

namespace {

QSet<QString> stringSet(const QVariant &value)
{
    QStringList items;
    if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList)
        items = value.toStringList();
    else
        items = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    QSet<QString> result;
    for (const QString &item : std::as_const(items)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            result.insert(trimmed);
    }
    return result;
}

bool isInProgress(DeploymentState state)
{
    return state == DeploymentState::Assigned || state == DeploymentState::InDeployment;
}

} // namespace

ComputeBackendSettings ComputeBackendSettings::fromSettings(const QVariantMap &settings)
{
    ComputeBackendSettings result;
    if (settings.contains(QStringLiteral("deployStepMs"))) {
        bool ok = false;
        const int stepMs = settings.value(QStringLiteral("deployStepMs")).toString().toInt(&ok);
        if (ok && stepMs >= 0)
            result.stepDuration = std::chrono::milliseconds(stepMs);
        else
            qCWarning(lcSimulator) << "ignoring deployStepMs"
                                   << settings.value(QStringLiteral("deployStepMs"));
    }
    result.failDeployOn = stringSet(settings.value(QStringLiteral("failDeployOn")));
    result.slowDeployOn = stringSet(settings.value(QStringLiteral("slowDeployOn")));
    return result;
}

SimulatorComputeBackend::SimulatorComputeBackend(std::shared_ptr<SimulatorModel> model,
                                                 QString stateFilePath,
                                                 ComputeBackendSettings settings)
    : m_model(std::move(model))
    , m_stateFilePath(std::move(stateFilePath))
    , m_settings(std::move(settings))
    , m_context(std::make_unique<QObject>())
{
    for (const Cluster &cluster : std::as_const(m_model->scenario().inventory.clusters))
        m_backendOfCluster.insert(cluster.id, cluster.backend);
    for (const Node &node : std::as_const(m_model->scenario().inventory.nodes)) {
        m_clusterOfNode.insert(node.id, node.clusterId);
        m_nodeState.insert(node.id, node.state);
    }
    load();
    // A real cluster keeps working while the console is away: resume what was in progress.
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (isInProgress(it->state))
            schedule(it.key());
    }
    updateLoad();
}

SimulatorComputeBackend::~SimulatorComputeBackend()
{
    m_context.reset(); // no timer fires into a half-destroyed backend
    m_model->setExtraLoad({});
}

QStringList SimulatorComputeBackend::clusterIds() const
{
    QStringList ids;
    for (const Cluster &cluster : std::as_const(m_model->scenario().inventory.clusters))
        ids.append(cluster.id);
    return ids;
}

void SimulatorComputeBackend::setReportCallback(ReportCallback callback)
{
    m_callback = std::move(callback);
}

Result<void> SimulatorComputeBackend::deploy(const Deployment &deployment,
                                             const Workload &workload)
{
    if (deployment.id.isEmpty())
        return makeError(QStringLiteral("deployment without an id"));
    if (!m_clusterOfNode.contains(deployment.nodeId))
        return makeError(QStringLiteral("node \"%1\" is not part of the simulated continuum")
                             .arg(deployment.nodeId));

    auto existing = m_entries.find(deployment.id);
    if (existing != m_entries.end() && existing->nodeId == deployment.nodeId
        && existing->state != DeploymentState::Failed
        && existing->state != DeploymentState::Terminated) {
        // Idempotent: the same deployment again (a retry after a restart) changes nothing.
        report(*existing);
        return {};
    }

    Entry entry;
    entry.id = deployment.id;
    entry.workloadId = deployment.workloadId;
    entry.nodeId = deployment.nodeId;
    entry.clusterId = m_clusterOfNode.value(deployment.nodeId);
    entry.state = DeploymentState::Assigned;
    entry.message = QStringLiteral("accepted on node %1").arg(deployment.nodeId);
    entry.cpuCores = workload.request.cpuCores;
    entry.memoryBytes = workload.request.memoryBytes;
    entry.steps = workload.kind == WorkloadKind::VirtualMachine
                          || workload.kind == WorkloadKind::HpcJob
                      ? 3
                      : 2;
    entry.name = workload.name.isEmpty() ? workload.id : workload.name;
    const BackendKind backend = m_backendOfCluster.value(entry.clusterId);
    if (backend == BackendKind::Slurm && workload.kind == WorkloadKind::HpcJob)
        entry.objectKind = QStringLiteral("slurm.job");
    else if (backend == BackendKind::Libvirt
             && (workload.kind == WorkloadKind::VirtualMachine || workload.kind == WorkloadKind::Unikernel))
        entry.objectKind = QStringLiteral("libvirt.domain");
    entry.phases.append({QStringLiteral("accepted"), QDateTime::currentMSecsSinceEpoch(), 0.0});
    m_entries.insert(entry.id, entry);
    const int starts = ++m_starts[entry.id];
    save();
    qCDebug(lcSimulator) << "deploying" << entry.id << "on" << entry.nodeId << "start"
                         << starts;
    schedule(entry.id);
    return {};
}

Result<void> SimulatorComputeBackend::terminate(const QString &deploymentId)
{
    auto it = m_entries.find(deploymentId);
    Entry terminated;
    if (it == m_entries.end()) {
        terminated.id = deploymentId;
    } else {
        it->state = DeploymentState::Terminated;
        it->message = QStringLiteral("terminated");
        it->timerToken = 0;
        terminated = *it;
        m_entries.erase(it);
        save();
        updateLoad();
    }
    terminated.state = DeploymentState::Terminated;
    terminated.message = QStringLiteral("terminated");
    // Asynchronous like every other report: the caller is never re-entered from terminate().
    QTimer::singleShot(0, m_context.get(), [this, terminated] { report(terminated); });
    return {};
}

QList<DeploymentReport> SimulatorComputeBackend::deployments() const
{
    QList<DeploymentReport> reports;
    for (const Entry &entry : m_entries)
        reports.append(toReport(entry));
    std::sort(reports.begin(), reports.end(),
              [](const DeploymentReport &a, const DeploymentReport &b) {
                  return a.deploymentId < b.deploymentId;
              });
    return reports;
}

QHash<QString, int> SimulatorComputeBackend::startCounts() const
{
    return m_starts;
}

void SimulatorComputeBackend::schedule(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    const quint64 token = ++m_nextToken;
    it->timerToken = token;
    QTimer::singleShot(m_settings.stepDuration, m_context.get(), [this, id, token] {
        auto current = m_entries.constFind(id);
        if (current != m_entries.cend() && current->timerToken == token)
            advance(id);
    });
}

void SimulatorComputeBackend::advance(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end() || !isInProgress(it->state))
        return;
    Entry &entry = *it;
    const bool fails = m_settings.failDeployOn.contains(entry.nodeId)
                       || m_nodeState.value(entry.nodeId) == NodeState::Down;
    if (fails) {
        entry.state = DeploymentState::Failed;
        entry.message = QStringLiteral("simulated deploy failure on node %1").arg(entry.nodeId);
    } else if (entry.state == DeploymentState::Assigned) {
        addPhase(entry, QStringLiteral("scheduled"));
        entry.state = DeploymentState::InDeployment;
        entry.stepsDone = 1;
        entry.message = QStringLiteral("deploying on node %1").arg(entry.nodeId);
    } else if (m_settings.slowDeployOn.contains(entry.nodeId)) {
        entry.message = QStringLiteral("deploying on node %1 (stalled)").arg(entry.nodeId);
        save();
        return; // never finishes: the orchestrator's timeout is what ends it
    } else if (++entry.stepsDone >= entry.steps) {
        addPhase(entry, QStringLiteral("started"));
        entry.state = DeploymentState::Deployed;
        entry.message = QStringLiteral("running on node %1").arg(entry.nodeId);
    }
    const Entry snapshot = entry;
    if (isInProgress(snapshot.state))
        schedule(id);
    save();
    updateLoad();
    report(snapshot);
}

void SimulatorComputeBackend::addPhase(Entry &entry, const QString &name)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 first = entry.phases.isEmpty() ? now : entry.phases.constFirst().timestampMs;
    entry.phases.append({name, now, double(now - first)});
}

QList<BackendObject> SimulatorComputeBackend::objects() const
{
    QList<BackendObject> objects;
    for (const Entry &entry : m_entries) {
        if (entry.objectKind.isEmpty() || entry.state == DeploymentState::Terminated)
            continue;
        const bool job = entry.objectKind == QLatin1String("slurm.job");
        BackendObject object;
        object.id = QStringLiteral("%1/%2/%3").arg(entry.clusterId, job ? QStringLiteral("job") : QStringLiteral("domain"),
                                                  entry.id);
        object.kind = entry.objectKind;
        object.name = entry.name.isEmpty() ? entry.id : entry.name;
        object.clusterId = entry.clusterId;
        object.nodeId = entry.nodeId;
        object.deploymentId = entry.id;
        object.updatedMs = entry.phases.isEmpty() ? 0 : entry.phases.constLast().timestampMs;
        switch (entry.state) {
        case DeploymentState::Deployed:
            object.state = job ? QStringLiteral("RUNNING") : QStringLiteral("running");
            break;
        case DeploymentState::Failed:
            object.state = job ? QStringLiteral("FAILED") : QStringLiteral("crashed");
            break;
        default:
            object.state = job ? QStringLiteral("PENDING") : QStringLiteral("starting");
            break;
        }
        object.properties = {{QStringLiteral("simulated"), true},
                             {QStringLiteral("message"), entry.message},
                             {QStringLiteral("memoryBytes"), double(entry.memoryBytes)},
                             {job ? QStringLiteral("cpus") : QStringLiteral("vcpus"),
                              std::max(1, int(std::ceil(entry.cpuCores)))}};
        if (job && !entry.phases.isEmpty() && entry.state == DeploymentState::Deployed)
            object.properties.insert(QStringLiteral("startTimeMs"), double(entry.phases.constLast().timestampMs));
        object.phases = entry.phases;
        objects.append(object);
    }
    return objects;
}

void SimulatorComputeBackend::report(const Entry &entry)
{
    if (m_callback)
        m_callback(toReport(entry));
}

DeploymentReport SimulatorComputeBackend::toReport(const Entry &entry) const
{
    DeploymentReport report;
    report.deploymentId = entry.id;
    report.state = entry.state;
    report.message = entry.message;
    report.nodeId = entry.nodeId;
    report.clusterId = entry.clusterId;
    report.workloadId = entry.workloadId;
    return report;
}

void SimulatorComputeBackend::updateLoad()
{
    QHash<QString, SimulatorModel::ExtraLoad> load;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.state != DeploymentState::InDeployment && entry.state != DeploymentState::Deployed)
            continue;
        auto &extra = load[entry.nodeId];
        extra.cpuCores += entry.cpuCores;
        extra.memoryBytes += entry.memoryBytes;
    }
    m_model->setExtraLoad(load);
}

void SimulatorComputeBackend::load()
{
    QFile file(m_stateFilePath);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSimulator).noquote() << "cannot read" << m_stateFilePath << ":"
                                         << file.errorString();
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcSimulator).noquote() << "ignoring unreadable" << m_stateFilePath << ":"
                                         << error.errorString();
        return;
    }
    const QJsonArray items = document.object().value(QLatin1String("deployments")).toArray();
    for (const QJsonValue &value : items) {
        const QJsonObject object = value.toObject();
        Entry entry;
        entry.id = object.value(QLatin1String("id")).toString();
        entry.workloadId = object.value(QLatin1String("workloadId")).toString();
        entry.nodeId = object.value(QLatin1String("nodeId")).toString();
        entry.clusterId = object.value(QLatin1String("clusterId")).toString();
        entry.state =
            enumFromString<DeploymentState>(object.value(QLatin1String("state")).toString());
        entry.message = object.value(QLatin1String("message")).toString();
        entry.cpuCores = object.value(QLatin1String("cpuCores")).toDouble();
        entry.memoryBytes = qint64(object.value(QLatin1String("memoryBytes")).toDouble());
        entry.steps = std::max(1, object.value(QLatin1String("steps")).toInt(2));
        entry.stepsDone = object.value(QLatin1String("stepsDone")).toInt();
        entry.objectKind = object.value(QLatin1String("objectKind")).toString();
        entry.name = object.value(QLatin1String("name")).toString();
        if (entry.id.isEmpty() || entry.state == DeploymentState::Unknown) {
            qCWarning(lcSimulator) << "skipping an unreadable deployment in" << m_stateFilePath;
            continue;
        }
        m_entries.insert(entry.id, entry);
    }
    const QJsonObject starts = document.object().value(QLatin1String("starts")).toObject();
    for (auto it = starts.constBegin(); it != starts.constEnd(); ++it)
        m_starts.insert(it.key(), it.value().toInt());
}

void SimulatorComputeBackend::save() const
{
    QJsonArray items;
    QStringList ids = m_entries.keys();
    ids.sort();
    for (const QString &id : std::as_const(ids)) {
        const Entry &entry = m_entries[id];
        items.append(QJsonObject{{QStringLiteral("id"), entry.id},
                                 {QStringLiteral("workloadId"), entry.workloadId},
                                 {QStringLiteral("nodeId"), entry.nodeId},
                                 {QStringLiteral("clusterId"), entry.clusterId},
                                 {QStringLiteral("state"), toString(entry.state)},
                                 {QStringLiteral("message"), entry.message},
                                 {QStringLiteral("cpuCores"), entry.cpuCores},
                                 {QStringLiteral("memoryBytes"), double(entry.memoryBytes)},
                                 {QStringLiteral("steps"), entry.steps},
                                 {QStringLiteral("stepsDone"), entry.stepsDone},
                                 {QStringLiteral("objectKind"), entry.objectKind},
                                 {QStringLiteral("name"), entry.name}});
    }
    QJsonObject starts;
    for (auto it = m_starts.cbegin(); it != m_starts.cend(); ++it)
        starts.insert(it.key(), it.value());
    QSaveFile file(m_stateFilePath);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSimulator).noquote() << "cannot write" << m_stateFilePath << ":"
                                         << file.errorString();
        return;
    }
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("deployments"), items},
                                           {QStringLiteral("starts"), starts}}).toJson());
    if (!file.commit())
        qCWarning(lcSimulator).noquote() << "cannot write" << m_stateFilePath << ":"
                                         << file.errorString();
}

} // namespace Continuo::Simulator
