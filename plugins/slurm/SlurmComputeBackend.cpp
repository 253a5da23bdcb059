#include "SlurmComputeBackend.h"

#include "plugin/IPluginHost.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSlurm, "continuo.plugin.slurm")

namespace Continuo::Slurm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Continuo::Slurm::Backend", text);
}

const QString PluginId = QStringLiteral("slurm");
const QString EventSource = QStringLiteral("plugin:slurm");
constexpr int PartitionRefreshPolls = 15;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isFinalState(DeploymentState state)
{
    return state == DeploymentState::Terminated || state == DeploymentState::Failed;
}

/// Messages Slurm commands print when the controller cannot be reached: a connection problem,
/// not a verdict on the request.
bool isConnectionError(const QByteArray &standardError)
{
    static const QList<QByteArray> markers = {
        "Unable to contact slurm controller", "Socket timed out", "Connection refused",
        "Zero Bytes were transmitted", "Communication connection failure",
        "Could not establish a configuration source", "Slurm backup controller in standby mode"};
    return std::any_of(markers.cbegin(), markers.cend(),
                       [&standardError](const QByteArray &marker) { return standardError.contains(marker); });
}

/// Whether a Slurm JSON document carries a non-empty "errors" list.
bool reportsErrors(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    return !document.object().value(QLatin1String("errors")).toArray().isEmpty();
}

QString firstLine(const QByteArray &text)
{
    const QString all = QString::fromUtf8(text).trimmed();
    const qsizetype newline = all.indexOf(QLatin1Char('\n'));
    return newline < 0 ? all : all.left(newline);
}

/// The first host of a simple node list ("n01", "n[01-02]" -> "n01"); empty when none.
QString firstHost(const QString &nodes)
{
    if (nodes.isEmpty() || nodes == QLatin1String("(null)"))
        return {};
    static const QRegularExpression bracket(QStringLiteral("^([^\\[,]*)\\[(\\d+)"));
    const QRegularExpressionMatch match = bracket.match(nodes);
    if (match.hasMatch())
        return match.captured(1) + match.captured(2);
    return nodes.section(QLatin1Char(','), 0, 0);
}

} // namespace

// ----------------------------------------------------------------------------------------------
// Settings

Result<ClusterSettings> ClusterSettings::fromSettings(const QVariantMap &settings)
{
    ClusterSettings cluster;
    cluster.id = settings.value(QStringLiteral("id")).toString().trimmed();
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._\\-]+$"));
    if (cluster.id.isEmpty())
        return makeError(tr("a cluster entry has no \"id\""));
    if (!idPattern.match(cluster.id).hasMatch())
        return makeError(tr("cluster id \"%1\" may only hold letters, digits and ._-").arg(cluster.id));
    cluster.name = settings.value(QStringLiteral("name"), cluster.id).toString();
    cluster.siteId = settings.value(QStringLiteral("site")).toString();
    if (cluster.siteId.isEmpty())
        return makeError(tr("cluster %1 has no \"site\" (an existing site id)").arg(cluster.id));
    auto transport = TransportSettings::fromSettings(settings);
    if (!transport)
        return makeError(tr("cluster %1: %2").arg(cluster.id, transport.error()));
    cluster.transport = *transport;
    if (settings.contains(QStringLiteral("pollIntervalMs"))) {
        bool ok = false;
        const qint64 interval = settings.value(QStringLiteral("pollIntervalMs")).toLongLong(&ok);
        if (!ok || interval < 50)
            return makeError(tr("cluster %1: pollIntervalMs must be a number of at least 50").arg(cluster.id));
        cluster.pollInterval = std::chrono::milliseconds(interval);
    }
    cluster.workDirectory = settings.value(QStringLiteral("workDir"),
                                           QString(QStringLiteral("/tmp/continuo-slurm/") + cluster.id))
                                .toString();
    if (!cluster.workDirectory.startsWith(QLatin1Char('/')))
        return makeError(tr("cluster %1: workDir \"%2\" must be an absolute path").arg(cluster.id, cluster.workDirectory));
    while (cluster.workDirectory.size() > 1 && cluster.workDirectory.endsWith(QLatin1Char('/')))
        cluster.workDirectory.chop(1);
    const QVariant sacct = settings.value(QStringLiteral("useSacct"), false);
    if (sacct.typeId() != QMetaType::Bool)
        return makeError(tr("cluster %1: useSacct must be true or false").arg(cluster.id));
    cluster.useSacct = sacct.toBool();
    if (settings.contains(QStringLiteral("submitRetries"))) {
        bool ok = false;
        cluster.submitRetries = settings.value(QStringLiteral("submitRetries")).toInt(&ok);
        if (!ok || cluster.submitRetries < 1)
            return makeError(tr("cluster %1: submitRetries must be a positive number").arg(cluster.id));
    }
    if (settings.contains(QStringLiteral("commandTimeoutMs"))) {
        bool ok = false;
        const qint64 timeout = settings.value(QStringLiteral("commandTimeoutMs")).toLongLong(&ok);
        if (!ok || timeout < 100)
            return makeError(tr("cluster %1: commandTimeoutMs must be a number of at least 100").arg(cluster.id));
        cluster.commandTimeout = std::chrono::milliseconds(timeout);
    }
    return cluster;
}

Cluster ClusterSettings::toCluster() const
{
    Cluster cluster;
    cluster.id = id;
    cluster.name = name;
    cluster.siteId = siteId;
    cluster.backend = BackendKind::Slurm;
    cluster.pluginId = PluginId;
    cluster.labels.insert(QStringLiteral("transport"), transport.describe());
    return cluster;
}

Result<QList<ClusterSettings>> ClusterSettings::listFromSettings(const QVariantMap &settings)
{
    const QVariant clustersValue = settings.value(QStringLiteral("clusters"));
    if (!clustersValue.isValid())
        return makeError(tr("the Slurm plugin settings have no \"clusters\" list"));
    if (clustersValue.typeId() != QMetaType::QVariantList && clustersValue.typeId() != QMetaType::QStringList)
        return makeError(tr("\"clusters\" must be a list of cluster entries"));
    const QVariantList list = clustersValue.toList();
    QList<ClusterSettings> clusters;
    QSet<QString> ids;
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i).typeId() != QMetaType::QVariantMap)
            return makeError(tr("cluster entry %1 is not an object").arg(i + 1));
        auto cluster = fromSettings(list.at(i).toMap());
        if (!cluster)
            return makeError(tr("cluster entry %1: %2").arg(i + 1).arg(cluster.error()));
        if (ids.contains(cluster->id))
            return makeError(tr("cluster id \"%1\" appears twice").arg(cluster->id));
        ids.insert(cluster->id);
        clusters.append(*cluster);
    }
    return clusters;
}

// ----------------------------------------------------------------------------------------------
// Shared state

/// A deployment the backend drives.
struct Tracked
{
    QString deploymentId;
    QString workloadId;
    QString clusterId;
    QString nodeId;
    QString jobId;
    QString jobState; ///< Last Slurm word seen.
    DeploymentState state = DeploymentState::Unknown;
    QString message;
    bool cancelRequested = false;
    bool cancelSent = false;
    QString outputPattern;
    QList<StagedFile> stageOut;
    int submitAttempts = 0;
    bool submitting = false; ///< Submission queued on the worker (not persisted).

    QJsonObject toJson() const
    {
        QJsonArray out;
        for (const StagedFile &file : stageOut)
            out.append(QJsonObject{{QStringLiteral("from"), file.from}, {QStringLiteral("to"), file.to}});
        return {{QStringLiteral("deployment"), deploymentId}, {QStringLiteral("workload"), workloadId},
                {QStringLiteral("cluster"), clusterId},       {QStringLiteral("node"), nodeId},
                {QStringLiteral("job"), jobId},               {QStringLiteral("jobState"), jobState},
                {QStringLiteral("state"), toString(state)},   {QStringLiteral("message"), message},
                {QStringLiteral("cancelRequested"), cancelRequested},
                {QStringLiteral("output"), outputPattern},    {QStringLiteral("stageOut"), out}};
    }

    static Tracked fromJson(const QJsonObject &object)
    {
        Tracked tracked;
        tracked.deploymentId = object.value(QLatin1String("deployment")).toString();
        tracked.workloadId = object.value(QLatin1String("workload")).toString();
        tracked.clusterId = object.value(QLatin1String("cluster")).toString();
        tracked.nodeId = object.value(QLatin1String("node")).toString();
        tracked.jobId = object.value(QLatin1String("job")).toString();
        tracked.jobState = object.value(QLatin1String("jobState")).toString();
        tracked.state = enumFromString<DeploymentState>(object.value(QLatin1String("state")).toString());
        tracked.message = object.value(QLatin1String("message")).toString();
        tracked.cancelRequested = object.value(QLatin1String("cancelRequested")).toBool();
        tracked.outputPattern = object.value(QLatin1String("output")).toString();
        const QJsonArray out = object.value(QLatin1String("stageOut")).toArray();
        for (const QJsonValue &value : out)
            tracked.stageOut.append({value.toObject().value(QLatin1String("from")).toString(),
                                     value.toObject().value(QLatin1String("to")).toString()});
        return tracked;
    }

    DeploymentReport report() const
    {
        DeploymentReport report;
        report.deploymentId = deploymentId;
        report.state = state;
        report.message = message;
        report.nodeId = nodeId;
        report.clusterId = clusterId;
        report.workloadId = workloadId;
        return report;
    }
};

/// What the last poll of a cluster saw.
struct ClusterView
{
    QList<SlurmJobInfo> jobs;
    QHash<QString, qsizetype> jobIndex; ///< job id -> index in jobs
    QList<SlurmPartitionInfo> partitions;
    QList<SlurmNodeInfo> nodes;
    QList<BackendObject> objects;
    bool connected = false;
    bool everPolled = false;
    QString error;
    quint64 polls = 0;
};

struct SlurmComputeBackend::State
{
    IPluginHost *host = nullptr;
    QString stateFilePath;
    mutable QMutex mutex;
    ReportCallback callback;
    QHash<QString, Tracked> deployments;
    QHash<QString, ClusterView> views;

    /// Persist the live deployments; call with the mutex held.
    void save() const
    {
        if (stateFilePath.isEmpty())
            return;
        QJsonArray array;
        for (const Tracked &tracked : deployments) {
            if (tracked.state != DeploymentState::Terminated)
                array.append(tracked.toJson());
        }
        QDir().mkpath(QFileInfo(stateFilePath).absolutePath());
        QSaveFile file(stateFilePath);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                    {QStringLiteral("deployments"), array}})
                              .toJson(QJsonDocument::Compact))
                   < 0
            || !file.commit())
            qCWarning(lcSlurm) << "cannot write" << stateFilePath << file.errorString();
    }

    void load()
    {
        QFile file(stateFilePath);
        if (!file.open(QIODevice::ReadOnly))
            return;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        const QJsonArray array = document.object().value(QLatin1String("deployments")).toArray();
        for (const QJsonValue &value : array) {
            Tracked tracked = Tracked::fromJson(value.toObject());
            if (tracked.deploymentId.isEmpty() || tracked.clusterId.isEmpty())
                continue;
            deployments.insert(tracked.deploymentId, tracked);
        }
    }

    void deliver(const QList<DeploymentReport> &reports) const
    {
        ReportCallback copy;
        {
            QMutexLocker locker(&mutex);
            copy = callback;
        }
        if (!copy)
            return;
        for (const DeploymentReport &report : reports)
            copy(report);
    }

    void publish(const QString &type, EventSeverity severity, const QString &subject,
                 const QString &message, const QJsonObject &payload) const
    {
        if (!host)
            return;
        Event event;
        event.type = type;
        event.severity = severity;
        event.source = EventSource;
        event.subjectId = subject;
        event.message = message;
        event.payload = payload;
        event.timestampMs = nowMs();
        host->publishEvent(event);
    }
};

// ----------------------------------------------------------------------------------------------
// Worker: one per cluster, on its own thread, owns the transport.

class SlurmComputeBackend::Worker final : public QObject
{
public:
    Worker(ClusterSettings settings, std::shared_ptr<State> state, TransportFactory factory)
        : m_settings(std::move(settings)), m_state(std::move(state)), m_factory(std::move(factory))
    {
    }

    const ClusterSettings &settings() const { return m_settings; }
    QThread *workerThread() const { return m_thread; }

    void start()
    {
        m_thread = new QThread;
        m_thread->setObjectName(QStringLiteral("slurm-") + m_settings.id);
        moveToThread(m_thread);
        m_thread->start();
        QMetaObject::invokeMethod(this, [this] { initialise(); }, Qt::QueuedConnection);
    }

    /// Stops the thread; the worker is deleted on it.
    void stop()
    {
        QThread *thread = m_thread;
        QMetaObject::invokeMethod(this, [this] {
            m_timer.reset();
            if (m_transport)
                m_transport->disconnect();
            m_transport.reset();
            QThread::currentThread()->quit();
        }, Qt::QueuedConnection);
        thread->wait();
        delete thread;
    }

    void requestPoll()
    {
        if (m_pollQueued.exchange(true))
            return;
        QMetaObject::invokeMethod(this, [this] { poll(); }, Qt::QueuedConnection);
    }

    void submit(const QString &deploymentId, const BatchScript &script)
    {
        QMetaObject::invokeMethod(this, [this, deploymentId, script] {
            m_submissions.insert(deploymentId, script);
            trySubmit(deploymentId);
        }, Qt::QueuedConnection);
    }

    void cancel(const QString &jobId, const QString &deploymentId)
    {
        QMetaObject::invokeMethod(this, [this, jobId, deploymentId] { runCancel(jobId, deploymentId); },
                                  Qt::QueuedConnection);
    }

    Result<QByteArray> readOutput(const QString &path, qint64 maxBytes)
    {
        Result<QByteArray> result = makeError(tr("not read"));
        QMetaObject::invokeMethod(this, [&] {
            if (!ensureTransport()) {
                result = makeError(m_transportError);
                return;
            }
            result = m_transport->readFile(path, maxBytes);
        }, Qt::BlockingQueuedConnection);
        return result;
    }

private:
    void initialise()
    {
        m_timer = std::make_unique<QTimer>();
        m_timer->setSingleShot(true);
        QObject::connect(m_timer.get(), &QTimer::timeout, this, [this] { poll(); });
        InventoryChangeSet changes;
        changes.upsert(m_settings.toCluster());
        applyInventory(changes);
        poll();
    }

    void applyInventory(const InventoryChangeSet &changes)
    {
        if (!m_state->host || changes.isEmpty())
            return;
        if (auto applied = m_state->host->applyInventory(changes, PluginId); !applied)
            qCWarning(lcSlurm) << "cluster" << m_settings.id << "inventory refused:" << applied.error();
    }

    bool ensureTransport()
    {
        if (!m_transport) {
            m_transport = m_factory ? m_factory(m_settings) : makeTransport(m_settings.transport);
            if (!m_transport) {
                m_transportError = m_settings.transport.mode == TransportSettings::Mode::Ssh
                                       ? tr("the SSH transport is unavailable in this build")
                                       : tr("no transport for %1").arg(m_settings.transport.describe());
                return false;
            }
        }
        if (!m_transport->isConnected()) {
            if (auto connected = m_transport->connect(); !connected) {
                m_transportError = tr("cannot connect (%1): %2").arg(m_transport->describe(), connected.error());
                return false;
            }
        }
        return true;
    }

    /// Run a Slurm command; a transport failure or a controller that cannot be reached is an
    /// error, any other exit is the caller's to judge.
    Result<CommandResult> runCommand(const QStringList &argv, bool *connectionProblem = nullptr)
    {
        if (connectionProblem)
            *connectionProblem = false;
        if (!ensureTransport()) {
            if (connectionProblem)
                *connectionProblem = true;
            return makeError(m_transportError);
        }
        auto result = m_transport->run(argv, {}, m_settings.commandTimeout);
        if (!result) {
            if (connectionProblem)
                *connectionProblem = true;
            m_transport->disconnect();
            return makeError(result.error());
        }
        if (result->exitCode != 0 && isConnectionError(result->standardError)) {
            if (connectionProblem)
                *connectionProblem = true;
            return makeError(tr("%1: %2").arg(argv.first(), firstLine(result->standardError)));
        }
        return result;
    }

    void trySubmit(const QString &deploymentId)
    {
        if (!m_submissions.contains(deploymentId))
            return;
        const BatchScript script = m_submissions.value(deploymentId);
        {
            QMutexLocker locker(&m_state->mutex);
            auto it = m_state->deployments.find(deploymentId);
            if (it == m_state->deployments.end() || it->cancelRequested) {
                m_submissions.remove(deploymentId);
                if (it != m_state->deployments.end())
                    it->submitting = false;
                return;
            }
            ++it->submitAttempts;
        }
        QString error;
        bool connectionProblem = false;
        QString jobId = submitScript(script, &error, &connectionProblem);

        QList<DeploymentReport> reports;
        QString cancelJob;
        {
            QMutexLocker locker(&m_state->mutex);
            auto it = m_state->deployments.find(deploymentId);
            if (it == m_state->deployments.end()) {
                m_submissions.remove(deploymentId);
                return;
            }
            if (!jobId.isEmpty()) {
                m_submissions.remove(deploymentId);
                it->submitting = false;
                it->jobId = jobId;
                it->jobState = QStringLiteral("PENDING");
                it->message = tr("job %1 submitted").arg(jobId);
                it->state = DeploymentState::InDeployment;
                if (it->cancelRequested)
                    cancelJob = jobId;
                reports.append(it->report());
            } else if (connectionProblem && it->submitAttempts < m_settings.submitRetries) {
                it->message = tr("submission attempt %1 of %2 failed, retrying: %3")
                                  .arg(it->submitAttempts)
                                  .arg(m_settings.submitRetries)
                                  .arg(error);
                reports.append(it->report());
            } else {
                m_submissions.remove(deploymentId);
                it->submitting = false;
                it->state = DeploymentState::Failed;
                it->message = connectionProblem
                                  ? tr("could not submit the job after %1 attempts: %2").arg(it->submitAttempts).arg(error)
                                  : error;
                reports.append(it->report());
            }
            m_state->save();
        }
        m_state->deliver(reports);
        if (!cancelJob.isEmpty())
            runCancel(cancelJob, deploymentId);
    }

    QString submitScript(const BatchScript &script, QString *error, bool *connectionProblem)
    {
        *connectionProblem = false;
        if (!ensureTransport()) {
            *connectionProblem = true;
            *error = m_transportError;
            return {};
        }
        if (auto written = m_transport->writeFile(script.scriptPath, script.text, true); !written) {
            *connectionProblem = !m_transport->isConnected();
            *error = tr("cannot write the batch script: %1").arg(written.error());
            return {};
        }
        for (const StagedFile &file : script.stageIn) {
            if (auto copied = m_transport->upload(file.from, file.to); !copied) {
                *connectionProblem = !m_transport->isConnected();
                *error = tr("stage-in of %1 failed: %2").arg(file.from, copied.error());
                return {};
            }
        }
        auto result = runCommand({QStringLiteral("sbatch"), QStringLiteral("--parsable"), script.scriptPath},
                                 connectionProblem);
        if (!result) {
            *error = result.error();
            return {};
        }
        if (result->exitCode != 0) {
            const QString reason = firstLine(result->standardError);
            *error = reason.isEmpty() ? tr("sbatch exited with %1").arg(result->exitCode)
                                      : tr("sbatch refused the job: %1").arg(reason);
            return {};
        }
        // "123" or "123;cluster".
        const QString jobId = QString::fromUtf8(result->standardOutput).trimmed().section(QLatin1Char(';'), 0, 0);
        bool ok = false;
        jobId.toLongLong(&ok);
        if (!ok) {
            *error = tr("sbatch printed no job id: \"%1\"").arg(firstLine(result->standardOutput));
            return {};
        }
        return jobId;
    }

    void runCancel(const QString &jobId, const QString &deploymentId)
    {
        bool connectionProblem = false;
        auto result = runCommand({QStringLiteral("scancel"), jobId}, &connectionProblem);
        QString error;
        if (!result)
            error = result.error();
        else if (result->exitCode != 0)
            error = firstLine(result->standardError);
        QList<DeploymentReport> reports;
        {
            QMutexLocker locker(&m_state->mutex);
            auto it = m_state->deployments.find(deploymentId);
            if (it != m_state->deployments.end()) {
                if (error.isEmpty()) {
                    it->cancelSent = true;
                    if (it->state != DeploymentState::Terminated) {
                        it->state = DeploymentState::Terminated;
                        it->message = tr("job %1 cancelled").arg(jobId);
                        reports.append(it->report());
                    }
                } else {
                    // Retried by the next poll while cancelRequested is set.
                    it->message = tr("scancel %1 failed, will retry: %2").arg(jobId, error);
                }
                m_state->save();
            }
        }
        if (!error.isEmpty())
            m_state->publish(QLatin1String(EventTypes::BackendObject), EventSeverity::Warning,
                             jobObjectId(jobId),
                             tr("Cancelling Slurm job %1 on %2 failed: %3").arg(jobId, m_settings.id, error),
                             {{QStringLiteral("object"), jobObjectId(jobId)},
                              {QStringLiteral("kind"), QStringLiteral("slurm.job")},
                              {QStringLiteral("deployment"), deploymentId},
                              {QStringLiteral("error"), error}});
        m_state->deliver(reports);
    }

    void setConnected(bool connected, const QString &error)
    {
        bool changed = false;
        bool first = false;
        {
            QMutexLocker locker(&m_state->mutex);
            ClusterView &view = m_state->views[m_settings.id];
            first = !view.everPolled;
            changed = first || view.connected != connected;
            view.connected = connected;
            view.everPolled = true;
            view.error = error;
        }
        if (!changed)
            return;
        if (connected) {
            qCInfo(lcSlurm) << "cluster" << m_settings.id << "reachable";
        } else {
            qCWarning(lcSlurm) << "cluster" << m_settings.id << "unreachable:" << error;
        }
        m_state->publish(QLatin1String(EventTypes::BackendConnection),
                         connected ? EventSeverity::Info : EventSeverity::Warning, m_settings.id,
                         connected ? tr("Slurm cluster %1 is reachable (%2)").arg(m_settings.id, m_settings.transport.describe())
                                   : tr("Slurm cluster %1 is unreachable: %2").arg(m_settings.id, error),
                         {{QStringLiteral("status"), connected ? QStringLiteral("UP") : QStringLiteral("DOWN")},
                          {QStringLiteral("cluster"), m_settings.id},
                          {QStringLiteral("error"), error}});
    }

    void scheduleNext()
    {
        if (m_timer)
            m_timer->start(m_settings.pollInterval);
    }

    void poll()
    {
        m_pollQueued = false;
        if (m_timer)
            m_timer->stop();
        QElapsedTimer elapsed;
        elapsed.start();
        pollOnce();
        const double seconds = double(elapsed.nsecsElapsed()) / 1e9;
        {
            QMutexLocker locker(&m_state->mutex);
            ++m_state->views[m_settings.id].polls;
        }
        if (m_state->host) {
            SeriesBatch batch;
            batch.metric = QStringLiteral("slurm_poll_duration_seconds");
            batch.labels.insert(QStringLiteral("cluster"), m_settings.id);
            batch.samples.append({nowMs(), seconds});
            m_state->host->ingestSamples({batch});
        }
        scheduleNext();
    }

    void pollOnce()
    {
        // Retry submissions that met an unreachable cluster.
        const QStringList waiting = m_submissions.keys();
        for (const QString &id : waiting)
            trySubmit(id);

        bool connectionProblem = false;
        QList<SlurmJobInfo> jobs;
        QString error;
        if (!m_useTextSqueue) {
            auto result = runCommand({QStringLiteral("squeue"), QStringLiteral("--json"), QStringLiteral("--states=all")},
                                     &connectionProblem);
            if (!result) {
                error = result.error();
            } else if (result->exitCode != 0) {
                const QByteArray stderrText = result->standardError;
                if (stderrText.contains("unrecognized option") || stderrText.contains("invalid option")
                    || stderrText.contains("Unable to find plugin") || stderrText.contains("openapi")
                    || stderrText.contains("data_parser")) {
                    qCInfo(lcSlurm) << "cluster" << m_settings.id << "has no squeue --json; using the text format";
                    m_useTextSqueue = true;
                } else {
                    error = tr("squeue failed: %1").arg(firstLine(stderrText));
                }
            } else if (auto parsed = parseSqueueJson(result->standardOutput); parsed) {
                jobs = std::move(*parsed);
            } else {
                error = parsed.error();
                // squeue --json exits 0 with an "errors" list when the controller is away.
                connectionProblem = reportsErrors(result->standardOutput);
            }
        }
        if (m_useTextSqueue) {
            auto result = runCommand(squeueTextArguments(), &connectionProblem);
            if (!result)
                error = result.error();
            else if (result->exitCode != 0)
                error = tr("squeue failed: %1").arg(firstLine(result->standardError));
            else if (auto parsed = parseSqueueText(result->standardOutput); parsed)
                jobs = std::move(*parsed);
            else
                error = parsed.error();
        }
        if (!error.isEmpty()) {
            if (connectionProblem)
                setConnected(false, error);
            else
                qCWarning(lcSlurm) << "cluster" << m_settings.id << "poll:" << error;
            return;
        }
        setConnected(true, QString());

        QList<SlurmNodeInfo> nodes;
        bool haveNodes = false;
        if (auto result = runCommand({QStringLiteral("sinfo"), QStringLiteral("--json")}); result && result->exitCode == 0) {
            if (auto parsed = parseSinfoJson(result->standardOutput); parsed) {
                nodes = std::move(*parsed);
                haveNodes = true;
            } else {
                qCWarning(lcSlurm) << "cluster" << m_settings.id << parsed.error();
            }
        } else {
            qCWarning(lcSlurm) << "cluster" << m_settings.id << "sinfo failed:"
                               << (result ? firstLine(result->standardError) : result.error());
        }
        if (m_pollsSincePartitions == 0 || m_partitions.isEmpty()) {
            if (auto result = runCommand({QStringLiteral("scontrol"), QStringLiteral("show"),
                                          QStringLiteral("partition"), QStringLiteral("-o")});
                result && result->exitCode == 0) {
                if (auto parsed = parsePartitionsText(result->standardOutput); parsed)
                    m_partitions = *parsed;
            }
        }
        m_pollsSincePartitions = (m_pollsSincePartitions + 1) % PartitionRefreshPolls;

        if (haveNodes)
            updateInventory(nodes);
        processJobs(jobs, haveNodes ? nodes : m_lastNodes);
    }

    QString jobObjectId(const QString &jobId) const
    {
        return m_settings.id + QLatin1String("/job/") + jobId;
    }

    QString nodeIdOf(const QString &slurmNode) const
    {
        return slurmNode.isEmpty() ? QString() : m_settings.id + QLatin1Char('-') + slurmNode;
    }

    void updateInventory(const QList<SlurmNodeInfo> &nodes)
    {
        if (nodes == m_lastNodes && m_inventoryApplied)
            return;
        InventoryChangeSet changes;
        QSet<QString> seenNodes;
        QSet<QString> seenDevices;
        for (const SlurmNodeInfo &info : nodes) {
            Node node;
            node.id = nodeIdOf(info.name);
            node.name = info.name;
            node.siteId = m_settings.siteId;
            node.clusterId = m_settings.id;
            node.capacity.cpuCores = info.cpus;
            node.capacity.memoryBytes = info.realMemoryMiB * 1024 * 1024;
            node.arch = info.architecture;
            if (!info.partitions.isEmpty()) {
                node.labels.insert(QStringLiteral("partition"), info.partitions.first());
                node.labels.insert(QStringLiteral("partitions"), info.partitions.join(QLatin1Char(',')));
            }
            if (!info.features.isEmpty())
                node.labels.insert(QStringLiteral("slurm.features"), info.features.join(QLatin1Char(',')));
            node.labels.insert(QStringLiteral("slurm.state"),
                               (QStringList{info.state} + info.stateFlags).join(QLatin1Char('+')));
            node.state = mapNodeState(info);
            changes.upsert(node);
            seenNodes.insert(node.id);
            int index = 0;
            for (const GresGpu &gpu : parseGres(info.gres)) {
                for (int i = 0; i < gpu.count; ++i) {
                    Device device;
                    device.id = QStringLiteral("%1-gpu%2").arg(node.id).arg(index++);
                    device.nodeId = node.id;
                    device.kind = DeviceKind::Gpu;
                    device.model = gpu.model.isEmpty() ? QStringLiteral("gpu") : gpu.model;
                    changes.upsert(device);
                    seenDevices.insert(device.id);
                }
            }
        }
        for (const QString &id : std::as_const(m_knownDevices)) {
            if (!seenDevices.contains(id))
                changes.remove(EntityKind::Device, id);
        }
        for (const QString &id : std::as_const(m_knownNodes)) {
            if (!seenNodes.contains(id))
                changes.remove(EntityKind::Node, id);
        }
        m_knownNodes = seenNodes;
        m_knownDevices = seenDevices;
        m_lastNodes = nodes;
        m_inventoryApplied = true;
        applyInventory(changes);
    }

    /// Final state of a job that left squeue, from accounting.
    std::optional<SlurmJobInfo> askSacct(const QString &jobId)
    {
        auto result = runCommand({QStringLiteral("sacct"), QStringLiteral("-n"), QStringLiteral("-P"),
                                  QStringLiteral("-X"), QStringLiteral("-j"), jobId,
                                  QStringLiteral("-o"), QStringLiteral("State,ExitCode,NodeList")});
        if (!result || result->exitCode != 0)
            return std::nullopt;
        const QString line = firstLine(result->standardOutput);
        const QStringList fields = line.split(QLatin1Char('|'));
        if (fields.size() < 2 || fields.first().isEmpty())
            return std::nullopt;
        SlurmJobInfo job;
        job.jobId = jobId;
        job.state = fields.at(0).section(QLatin1Char(' '), 0, 0).toUpper(); // "CANCELLED by 0"
        const QStringList exit = fields.at(1).split(QLatin1Char(':'));
        job.exitCode = exit.value(0).toInt();
        job.exitSignal = exit.value(1).toInt();
        job.nodes = fields.value(2);
        return job;
    }

    void processJobs(const QList<SlurmJobInfo> &jobs, const QList<SlurmNodeInfo> &nodes)
    {
        const qint64 now = nowMs();
        QHash<QString, qsizetype> index;
        index.reserve(jobs.size());
        QHash<QString, QString> deploymentOfJob;
        for (qsizetype i = 0; i < jobs.size(); ++i)
            index.insert(jobs.at(i).jobId, i);

        QList<DeploymentReport> reports;
        QList<std::pair<QString, QString>> cancels; // job, deployment
        QList<std::pair<QString, QList<StagedFile>>> stageOuts; // deployment, files
        QStringList vanished;
        QList<QJsonObject> objectEvents;
        {
            QMutexLocker locker(&m_state->mutex);
            bool dirty = false;
            // Recognise our jobs by their comment tag (after a restart without a state file).
            for (const SlurmJobInfo &job : jobs) {
                const QString deploymentId = job.deploymentId();
                if (deploymentId.isEmpty())
                    continue;
                auto it = m_state->deployments.find(deploymentId);
                if (it == m_state->deployments.end()) {
                    if (job.isFinished())
                        continue; // Finished before we knew it: nothing to adopt.
                    Tracked tracked;
                    tracked.deploymentId = deploymentId;
                    tracked.clusterId = m_settings.id;
                    tracked.jobId = job.jobId;
                    tracked.outputPattern = job.standardOutput;
                    tracked.state = DeploymentState::InDeployment;
                    m_state->deployments.insert(deploymentId, tracked);
                    dirty = true;
                    qCInfo(lcSlurm) << "adopted job" << job.jobId << "of deployment" << deploymentId;
                } else if (it->clusterId == m_settings.id && it->jobId.isEmpty() && !it->submitting) {
                    it->jobId = job.jobId; // Submitted before a restart; sbatch's answer was lost.
                    dirty = true;
                }
            }
            for (auto it = m_state->deployments.begin(); it != m_state->deployments.end(); ++it) {
                Tracked &tracked = *it;
                if (tracked.clusterId != m_settings.id || tracked.state == DeploymentState::Terminated)
                    continue;
                if (tracked.jobId.isEmpty()) {
                    if (!tracked.submitting && !isFinalState(tracked.state)) {
                        tracked.state = DeploymentState::Failed;
                        tracked.message = tr("the submission was interrupted by a restart and no job "
                                             "carries its tag");
                        reports.append(tracked.report());
                        dirty = true;
                    }
                    continue;
                }
                deploymentOfJob.insert(tracked.jobId, tracked.deploymentId);
                const auto found = index.constFind(tracked.jobId);
                if (found == index.cend()) {
                    if (!isFinalState(tracked.state))
                        vanished.append(tracked.deploymentId);
                    continue;
                }
                const SlurmJobInfo &job = jobs.at(*found);
                if (tracked.cancelRequested && !tracked.cancelSent && !job.isFinished())
                    cancels.append({job.jobId, tracked.deploymentId});
                if (isFinalState(tracked.state))
                    continue;
                JobStateMapping mapping = mapJobState(job, tracked.cancelRequested);
                if (mapping.state == DeploymentState::Unknown)
                    continue;
                if (mapping.state == DeploymentState::InDeployment && tracked.state == DeploymentState::Deployed)
                    mapping.state = DeploymentState::Deployed; // Requeued after running: no way back.
                const QString nodeId = nodeIdOf(firstHost(job.nodes));
                if (!nodeId.isEmpty())
                    tracked.nodeId = nodeId;
                if (mapping.state == DeploymentState::Terminated && !tracked.cancelRequested
                    && !tracked.stageOut.isEmpty()) {
                    // Completed: copy results back before reporting it done.
                    stageOuts.append({tracked.deploymentId, tracked.stageOut});
                    tracked.jobState = job.state;
                    tracked.message = mapping.message;
                    continue;
                }
                if (mapping.state != tracked.state || mapping.message != tracked.message) {
                    const bool stateChanged = mapping.state != tracked.state || job.state != tracked.jobState;
                    tracked.state = mapping.state;
                    tracked.message = mapping.message;
                    tracked.jobState = job.state;
                    reports.append(tracked.report());
                    dirty = true;
                    if (stateChanged)
                        objectEvents.append({{QStringLiteral("object"), jobObjectId(job.jobId)},
                                             {QStringLiteral("kind"), QStringLiteral("slurm.job")},
                                             {QStringLiteral("state"), job.state},
                                             {QStringLiteral("deployment"), tracked.deploymentId},
                                             {QStringLiteral("message"), mapping.message}});
                }
            }
            if (dirty)
                m_state->save();
        }

        // Jobs that left the queue before we saw their end.
        for (const QString &deploymentId : std::as_const(vanished)) {
            QString jobId;
            bool cancelledByUs = false;
            {
                QMutexLocker locker(&m_state->mutex);
                const Tracked &tracked = m_state->deployments[deploymentId];
                jobId = tracked.jobId;
                cancelledByUs = tracked.cancelRequested;
            }
            JobStateMapping mapping;
            if (m_settings.useSacct) {
                if (auto job = askSacct(jobId))
                    mapping = mapJobState(*job, cancelledByUs);
            }
            if (mapping.state == DeploymentState::Unknown || mapping.state == DeploymentState::InDeployment
                || mapping.state == DeploymentState::Deployed) {
                mapping.state = cancelledByUs ? DeploymentState::Terminated : DeploymentState::Failed;
                mapping.message = m_settings.useSacct
                                      ? tr("job %1 left the queue and accounting does not know its final state").arg(jobId)
                                      : tr("job %1 left the queue; final state unknown without accounting").arg(jobId);
            }
            QMutexLocker locker(&m_state->mutex);
            Tracked &tracked = m_state->deployments[deploymentId];
            tracked.state = mapping.state;
            tracked.message = mapping.message;
            reports.append(tracked.report());
            m_state->save();
        }

        // Stage-out of completed jobs; a failure is never silent.
        for (const auto &[deploymentId, files] : std::as_const(stageOuts)) {
            QString error;
            for (const StagedFile &file : files) {
                if (!ensureTransport()) {
                    error = m_transportError;
                    break;
                }
                if (auto copied = m_transport->download(file.from, file.to); !copied) {
                    error = tr("stage-out of %1 failed: %2").arg(file.from, copied.error());
                    break;
                }
            }
            QMutexLocker locker(&m_state->mutex);
            Tracked &tracked = m_state->deployments[deploymentId];
            if (error.isEmpty()) {
                tracked.state = DeploymentState::Terminated;
                tracked.message = tracked.message + tr(", %n file(s) staged out", nullptr, int(files.size()));
            } else {
                tracked.state = DeploymentState::Failed;
                tracked.message = tr("job %1 completed but %2").arg(tracked.jobId, error);
                objectEvents.append({{QStringLiteral("object"), jobObjectId(tracked.jobId)},
                                     {QStringLiteral("kind"), QStringLiteral("slurm.job")},
                                     {QStringLiteral("state"), tracked.jobState},
                                     {QStringLiteral("deployment"), deploymentId},
                                     {QStringLiteral("error"), error},
                                     {QStringLiteral("message"), tracked.message}});
            }
            reports.append(tracked.report());
            m_state->save();
        }

        QList<BackendObject> objects = buildObjects(jobs, deploymentOfJob, now);
        {
            QMutexLocker locker(&m_state->mutex);
            ClusterView &view = m_state->views[m_settings.id];
            view.jobs = jobs;
            view.jobIndex = std::move(index);
            view.nodes = nodes;
            view.partitions = m_partitions;
            view.objects = std::move(objects);
        }
        for (const QJsonObject &payload : std::as_const(objectEvents)) {
            const bool failed = payload.contains(QLatin1String("error"));
            m_state->publish(QLatin1String(EventTypes::BackendObject),
                             failed ? EventSeverity::Warning : EventSeverity::Info,
                             payload.value(QLatin1String("object")).toString(),
                             payload.value(QLatin1String("message")).toString(), payload);
        }
        m_state->deliver(reports);
        for (const auto &[jobId, deploymentId] : std::as_const(cancels))
            runCancel(jobId, deploymentId);
        publishTelemetry(jobs, nodes, now);
    }

    QStringList partitionNames(const QList<SlurmNodeInfo> &nodes) const
    {
        QStringList names;
        for (const SlurmPartitionInfo &partition : m_partitions)
            names.append(partition.name);
        for (const SlurmNodeInfo &node : nodes) {
            for (const QString &partition : node.partitions) {
                if (!names.contains(partition))
                    names.append(partition);
            }
        }
        return names;
    }

    QList<BackendObject> buildObjects(const QList<SlurmJobInfo> &jobs,
                                      const QHash<QString, QString> &deploymentOfJob, qint64 now) const
    {
        QList<BackendObject> objects;
        objects.reserve(jobs.size() + m_partitions.size());
        for (const SlurmPartitionInfo &partition : m_partitions) {
            BackendObject object;
            object.id = m_settings.id + QLatin1String("/partition/") + partition.name;
            object.kind = QStringLiteral("slurm.partition");
            object.name = partition.name;
            object.clusterId = m_settings.id;
            object.state = partition.state;
            object.updatedMs = now;
            object.properties = {{QStringLiteral("default"), partition.isDefault},
                                 {QStringLiteral("nodes"), partition.nodes},
                                 {QStringLiteral("totalCpus"), partition.totalCpus},
                                 {QStringLiteral("totalNodes"), partition.totalNodes},
                                 {QStringLiteral("maxTimeSeconds"), partition.maxTimeSeconds}};
            objects.append(object);
        }
        for (const SlurmJobInfo &job : jobs) {
            BackendObject object;
            object.id = jobObjectId(job.jobId);
            object.kind = QStringLiteral("slurm.job");
            object.name = job.name;
            object.clusterId = m_settings.id;
            object.nodeId = nodeIdOf(firstHost(job.nodes));
            object.state = job.state;
            object.deploymentId = deploymentOfJob.value(job.jobId, job.deploymentId());
            object.updatedMs = now;
            object.properties = {{QStringLiteral("partition"), job.partition},
                                 {QStringLiteral("user"), job.userName},
                                 {QStringLiteral("cpus"), job.cpus},
                                 {QStringLiteral("nodes"), job.nodes},
                                 {QStringLiteral("reason"), job.reason},
                                 {QStringLiteral("submitTimeMs"), job.submitTimeMs},
                                 {QStringLiteral("startTimeMs"), job.startTimeMs},
                                 {QStringLiteral("endTimeMs"), job.endTimeMs},
                                 {QStringLiteral("timeLimitSeconds"), job.timeLimitSeconds},
                                 {QStringLiteral("outputPath"), job.resolvedOutputPath()}};
            if (job.exitCode)
                object.properties.insert(QStringLiteral("exitCode"), *job.exitCode);
            if (job.exitSignal > 0)
                object.properties.insert(QStringLiteral("exitSignal"), job.exitSignal);
            if (!job.isFinished())
                object.actions = {QStringLiteral("cancel")};
            objects.append(std::move(object));
        }
        return objects;
    }

    void publishTelemetry(const QList<SlurmJobInfo> &jobs, const QList<SlurmNodeInfo> &nodes, qint64 now)
    {
        if (!m_state->host)
            return;
        struct Figures
        {
            double nodesTotal = 0, nodesIdle = 0, cpusTotal = 0, cpusIdle = 0;
            double running = 0, pending = 0, waitSeconds = 0;
        };
        QMap<QString, Figures> figures;
        for (const QString &name : partitionNames(nodes))
            figures.insert(name, {});
        for (const SlurmNodeInfo &node : nodes) {
            const bool usable = mapNodeState(node) == NodeState::Ready;
            for (const QString &partition : node.partitions) {
                Figures &f = figures[partition];
                f.nodesTotal += 1;
                f.cpusTotal += node.cpus;
                if (usable) {
                    f.cpusIdle += node.idleCpus;
                    if (node.state == QLatin1String("idle"))
                        f.nodesIdle += 1;
                }
            }
        }
        for (const SlurmJobInfo &job : jobs) {
            const QString partition = job.partition.section(QLatin1Char(','), 0, 0);
            if (!figures.contains(partition))
                continue;
            Figures &f = figures[partition];
            if (job.state == QLatin1String("RUNNING") || job.state == QLatin1String("COMPLETING")) {
                f.running += 1;
            } else if (job.state == QLatin1String("PENDING")) {
                f.pending += 1;
                if (job.submitTimeMs > 0)
                    f.waitSeconds = qMax(f.waitSeconds, double(now - job.submitTimeMs) / 1000.0);
            }
        }
        QList<SeriesBatch> batches;
        for (auto it = figures.cbegin(); it != figures.cend(); ++it) {
            const Labels labels{{QStringLiteral("cluster"), m_settings.id}, {QStringLiteral("partition"), it.key()}};
            const Figures &f = it.value();
            const std::pair<const char *, double> values[] = {
                {"slurm_partition_nodes_total", f.nodesTotal}, {"slurm_partition_nodes_idle", f.nodesIdle},
                {"slurm_partition_cpus_total", f.cpusTotal},   {"slurm_partition_cpus_idle", f.cpusIdle},
                {"slurm_partition_jobs_running", f.running},   {"slurm_partition_jobs_pending", f.pending},
                {"slurm_partition_queue_wait_seconds", f.waitSeconds}};
            for (const auto &[metric, value] : values)
                batches.append({QLatin1String(metric), labels, {{now, value}}});
        }
        m_state->host->ingestSamples(batches);
    }

    ClusterSettings m_settings;
    std::shared_ptr<State> m_state;
    TransportFactory m_factory;
    QThread *m_thread = nullptr;
    std::unique_ptr<ISlurmTransport> m_transport;
    QString m_transportError;
    std::unique_ptr<QTimer> m_timer;
    std::atomic<bool> m_pollQueued{false};
    bool m_useTextSqueue = false;
    int m_pollsSincePartitions = 0;
    QList<SlurmPartitionInfo> m_partitions;
    QList<SlurmNodeInfo> m_lastNodes;
    bool m_inventoryApplied = false;
    QSet<QString> m_knownNodes;
    QSet<QString> m_knownDevices;
    QHash<QString, BatchScript> m_submissions; ///< Waiting for a reachable cluster.
};

// ----------------------------------------------------------------------------------------------
// Backend

SlurmComputeBackend::SlurmComputeBackend(IPluginHost *host, QList<ClusterSettings> clusters,
                                         QString stateFilePath, TransportFactory transportFactory)
    : m_state(std::make_shared<State>())
{
    m_state->host = host;
    m_state->stateFilePath = std::move(stateFilePath);
    m_state->load();
    for (ClusterSettings &cluster : clusters) {
        m_state->views.insert(cluster.id, {});
        auto *worker = new Worker(std::move(cluster), m_state, transportFactory);
        m_workers.append(worker);
    }
    for (Worker *worker : std::as_const(m_workers))
        worker->start();
}

SlurmComputeBackend::~SlurmComputeBackend()
{
    for (Worker *worker : std::as_const(m_workers)) {
        worker->stop();
        delete worker;
    }
}

QStringList SlurmComputeBackend::clusterIds() const
{
    QStringList ids;
    for (const Worker *worker : m_workers)
        ids.append(worker->settings().id);
    return ids;
}

void SlurmComputeBackend::setReportCallback(ReportCallback callback)
{
    QMutexLocker locker(&m_state->mutex);
    m_state->callback = std::move(callback);
}

Result<void> SlurmComputeBackend::deploy(const Deployment &deployment, const Workload &workload)
{
    Worker *worker = nullptr;
    QString clusterId = deployment.clusterId;
    if (clusterId.isEmpty() && m_workers.size() == 1)
        clusterId = m_workers.first()->settings().id;
    for (Worker *candidate : std::as_const(m_workers)) {
        if (candidate->settings().id == clusterId)
            worker = candidate;
    }
    if (!worker)
        return makeError(tr("the Slurm backend drives no cluster \"%1\"").arg(deployment.clusterId));

    {
        QMutexLocker locker(&m_state->mutex);
        auto it = m_state->deployments.constFind(deployment.id);
        if (it != m_state->deployments.cend() && it->state != DeploymentState::Terminated) {
            const DeploymentReport report = it->report();
            locker.unlock();
            m_state->deliver({report});
            return {};
        }
    }
    if (workload.kind != WorkloadKind::HpcJob && workload.kind != WorkloadKind::Unknown)
        return makeError(tr("Slurm runs HPC jobs, not %1 workloads").arg(toString(workload.kind)));
    auto script = generateBatchScript(workload, deployment, worker->settings().workDirectory);
    if (!script)
        return makeError(script.error());

    Tracked tracked;
    tracked.deploymentId = deployment.id;
    tracked.workloadId = workload.id.isEmpty() ? deployment.workloadId : workload.id;
    tracked.clusterId = clusterId;
    tracked.state = DeploymentState::InDeployment;
    tracked.message = tr("submitting to %1").arg(clusterId);
    tracked.outputPattern = script->outputPath;
    tracked.stageOut = script->stageOut;
    tracked.submitting = true;
    {
        QMutexLocker locker(&m_state->mutex);
        m_state->deployments.insert(deployment.id, tracked);
        m_state->save();
    }
    m_state->deliver({tracked.report()});
    worker->submit(deployment.id, *script);
    return {};
}

Result<void> SlurmComputeBackend::terminate(const QString &deploymentId)
{
    DeploymentReport report;
    Worker *worker = nullptr;
    QString jobId;
    {
        QMutexLocker locker(&m_state->mutex);
        auto it = m_state->deployments.find(deploymentId);
        if (it == m_state->deployments.end() || it->state == DeploymentState::Terminated) {
            locker.unlock();
            DeploymentReport gone;
            gone.deploymentId = deploymentId;
            gone.state = DeploymentState::Terminated;
            gone.message = tr("not running");
            m_state->deliver({gone});
            return {};
        }
        it->cancelRequested = true;
        const ClusterView &view = m_state->views.value(it->clusterId);
        const auto found = view.jobIndex.constFind(it->jobId);
        const bool jobFinished = found != view.jobIndex.cend() && view.jobs.at(*found).isFinished();
        if (it->jobId.isEmpty() || isFinalState(it->state) || jobFinished) {
            // Nothing runs (yet): a queued submission sees cancelRequested and stops.
            it->state = DeploymentState::Terminated;
            it->message = it->jobId.isEmpty() ? tr("terminated before submission")
                                              : tr("job %1 already ended; forgotten").arg(it->jobId);
            report = it->report();
            m_state->save();
        } else {
            jobId = it->jobId;
            for (Worker *candidate : std::as_const(m_workers)) {
                if (candidate->settings().id == it->clusterId)
                    worker = candidate;
            }
            m_state->save();
        }
    }
    if (worker) {
        worker->cancel(jobId, deploymentId);
        return {};
    }
    if (!report.deploymentId.isEmpty())
        m_state->deliver({report});
    return {};
}

QList<DeploymentReport> SlurmComputeBackend::deployments() const
{
    QMutexLocker locker(&m_state->mutex);
    QList<DeploymentReport> reports;
    for (const Tracked &tracked : std::as_const(m_state->deployments)) {
        if (tracked.state != DeploymentState::Terminated)
            reports.append(tracked.report());
    }
    return reports;
}

QList<BackendObject> SlurmComputeBackend::objects() const
{
    QMutexLocker locker(&m_state->mutex);
    QList<BackendObject> objects;
    for (const Worker *worker : m_workers)
        objects += m_state->views.value(worker->settings().id).objects;
    return objects;
}

Result<void> SlurmComputeBackend::invokeAction(const QString &objectId, const QString &action,
                                               const QVariantMap &arguments)
{
    Q_UNUSED(arguments)
    const QString clusterId = objectId.section(QLatin1Char('/'), 0, 0);
    const QString type = objectId.section(QLatin1Char('/'), 1, 1);
    const QString jobId = objectId.section(QLatin1Char('/'), 2);
    if (type != QLatin1String("job") || jobId.isEmpty())
        return makeError(tr("\"%1\" is not a Slurm job; partitions have no actions").arg(objectId));
    if (action != QLatin1String("cancel"))
        return makeError(tr("Slurm jobs have no action \"%1\" (only cancel)").arg(action));
    Worker *worker = nullptr;
    for (Worker *candidate : std::as_const(m_workers)) {
        if (candidate->settings().id == clusterId)
            worker = candidate;
    }
    if (!worker)
        return makeError(tr("the Slurm backend drives no cluster \"%1\"").arg(clusterId));
    QString deploymentId;
    {
        QMutexLocker locker(&m_state->mutex);
        const ClusterView &view = m_state->views.value(clusterId);
        const auto found = view.jobIndex.constFind(jobId);
        if (found == view.jobIndex.cend())
            return makeError(tr("cluster %1 has no job %2 (as of its last poll)").arg(clusterId, jobId));
        if (view.jobs.at(*found).isFinished())
            return makeError(tr("job %1 has already ended (%2)").arg(jobId, view.jobs.at(*found).state));
        for (auto it = m_state->deployments.begin(); it != m_state->deployments.end(); ++it) {
            if (it->clusterId == clusterId && it->jobId == jobId) {
                it->cancelRequested = true;
                deploymentId = it->deploymentId;
            }
        }
        if (!deploymentId.isEmpty())
            m_state->save();
    }
    worker->cancel(jobId, deploymentId);
    return {};
}

Result<QByteArray> SlurmComputeBackend::jobOutput(const QString &jobId, qint64 maxBytes) const
{
    QString clusterId = jobId.contains(QLatin1Char('/')) ? jobId.section(QLatin1Char('/'), 0, 0) : QString();
    const QString id = jobId.contains(QLatin1Char('/')) ? jobId.section(QLatin1Char('/'), -1) : jobId;
    if (clusterId.isEmpty() && m_workers.size() == 1)
        clusterId = m_workers.first()->settings().id;
    Worker *worker = nullptr;
    for (Worker *candidate : m_workers) {
        if (candidate->settings().id == clusterId)
            worker = candidate;
    }
    if (!worker)
        return makeError(tr("no cluster \"%1\" for job %2").arg(clusterId, jobId));
    if (QThread::currentThread() == worker->workerThread())
        return makeError(tr("jobOutput() cannot be called from the cluster's own worker thread"));
    QString path;
    {
        QMutexLocker locker(&m_state->mutex);
        const ClusterView &view = m_state->views.value(clusterId);
        const auto found = view.jobIndex.constFind(id);
        if (found != view.jobIndex.cend())
            path = view.jobs.at(*found).resolvedOutputPath();
        if (path.isEmpty()) {
            for (const Tracked &tracked : std::as_const(m_state->deployments)) {
                if (tracked.clusterId == clusterId && tracked.jobId == id) {
                    SlurmJobInfo job;
                    job.numericJobId = id.section(QLatin1Char('_'), 0, 0).toLongLong();
                    job.standardOutput = tracked.outputPattern;
                    path = job.resolvedOutputPath();
                }
            }
        }
    }
    if (path.isEmpty())
        return makeError(tr("the output path of job %1 on %2 is not known").arg(id, clusterId));
    return worker->readOutput(path, maxBytes);
}

Result<QString> SlurmComputeBackend::objectLog(const QString &objectId, qint64 maxBytes) const
{
    if (objectId.section(QLatin1Char('/'), 1, 1) != QLatin1String("job"))
        return makeError(tr("%1 is not a job: only jobs have output").arg(objectId));
    auto output = jobOutput(objectId, maxBytes);
    if (!output)
        return makeError(output.error());
    return QString::fromUtf8(*output);
}

void SlurmComputeBackend::pollNow()
{
    for (Worker *worker : std::as_const(m_workers))
        worker->requestPoll();
}

quint64 SlurmComputeBackend::pollCount(const QString &clusterId) const
{
    QMutexLocker locker(&m_state->mutex);
    return m_state->views.value(clusterId).polls;
}

bool SlurmComputeBackend::isConnected(const QString &clusterId) const
{
    QMutexLocker locker(&m_state->mutex);
    return m_state->views.value(clusterId).connected;
}

} // namespace Continuo::Slurm
