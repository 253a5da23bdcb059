// Integration tests of the Slurm backend against a real single-host cluster (munged, slurmctld,
// slurmd started by SlurmClusterFixture on free loopback ports).

#include "RecordingHost.h"
#include "SlurmClusterFixture.h"
#include "SlurmComputeBackend.h"
#include "SlurmPlugin.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Continuo;
using namespace Continuo::Slurm;
using namespace Continuo::Slurm::Testing;

namespace {

const QString ClusterId = QStringLiteral("hpc");
constexpr int WaitMs = 60000;

/// Wraps the real transport and counts the commands that go through it.
class CountingTransport final : public ISlurmTransport
{
public:
    CountingTransport(std::unique_ptr<ISlurmTransport> inner, std::shared_ptr<QHash<QString, int>> counts,
                      std::shared_ptr<QMutex> mutex)
        : m_inner(std::move(inner)), m_counts(std::move(counts)), m_mutex(std::move(mutex))
    {
    }
    QString describe() const override { return m_inner->describe(); }
    Result<void> connect() override { return m_inner->connect(); }
    bool isConnected() const override { return m_inner->isConnected(); }
    void disconnect() override { m_inner->disconnect(); }
    Result<CommandResult> run(const QStringList &argv, const QByteArray &input,
                              std::chrono::milliseconds timeout) override
    {
        {
            QMutexLocker locker(m_mutex.get());
            (*m_counts)[argv.value(0)] += 1;
        }
        return m_inner->run(argv, input, timeout);
    }
    Result<void> upload(const QString &local, const QString &remote) override { return m_inner->upload(local, remote); }
    Result<void> download(const QString &remote, const QString &local) override { return m_inner->download(remote, local); }
    Result<QByteArray> readFile(const QString &remote, qint64 maxBytes) override { return m_inner->readFile(remote, maxBytes); }
    Result<void> writeFile(const QString &remote, const QByteArray &contents, bool executable) override
    {
        return m_inner->writeFile(remote, contents, executable);
    }

private:
    std::unique_ptr<ISlurmTransport> m_inner;
    std::shared_ptr<QHash<QString, int>> m_counts;
    std::shared_ptr<QMutex> m_mutex;
};

Workload job(const QString &name, const QString &script)
{
    Workload workload;
    workload.id = QStringLiteral("wl-") + name;
    workload.name = name;
    workload.kind = WorkloadKind::HpcJob;
    workload.request.cpuCores = 1;
    workload.image = script;
    return workload;
}

Deployment deploymentOf(const QString &id)
{
    Deployment deployment;
    deployment.id = id;
    deployment.workloadId = QStringLiteral("wl-") + id;
    deployment.clusterId = ClusterId;
    return deployment;
}

} // namespace

class tst_SlurmBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void inventoryAndObjects();
    void submitTimeoutJob();
    void completedJobWithOutput();
    void failedJob();
    void cancelRunningJob();
    void cancelThroughAction();
    void stageInAndOut();
    void idempotentDeploy();
    void rejectsBadWorkload();
    void onePollOneSqueue();
    void partitionTelemetry();
    void restartRecoversJobs();
    void controllerRestart();
    void timeoutJobFails();
    void pluginValidatesSettings();

private:
    std::unique_ptr<SlurmComputeBackend> makeBackend();
    DeploymentState stateOf(const QString &deploymentId) const;
    QString messageOf(const QString &deploymentId) const;
    QStringList statesSeen(const QString &deploymentId) const;
    std::optional<BackendObject> jobObject(const QString &deploymentId) const;
    bool deployedOrBeyond(const QString &deploymentId) const;

    SlurmClusterFixture m_cluster;
    QTemporaryDir m_data;
    std::unique_ptr<RecordingHost> m_host;
    std::unique_ptr<SlurmComputeBackend> m_backend;
    mutable QMutex m_reportsMutex;
    QHash<QString, QList<DeploymentReport>> m_reports;
    std::shared_ptr<QHash<QString, int>> m_counts = std::make_shared<QHash<QString, int>>();
    std::shared_ptr<QMutex> m_countsMutex = std::make_shared<QMutex>();
};

std::unique_ptr<SlurmComputeBackend> tst_SlurmBackend::makeBackend()
{
    ClusterSettings cluster;
    cluster.id = ClusterId;
    cluster.name = QStringLiteral("Test cluster");
    cluster.siteId = QStringLiteral("site-hpc");
    cluster.transport.environment = m_cluster.environment();
    cluster.pollInterval = std::chrono::milliseconds(300);
    cluster.workDirectory = m_cluster.workDirectory();
    cluster.submitRetries = 50;
    auto counts = m_counts;
    auto mutex = m_countsMutex;
    auto backend = std::make_unique<SlurmComputeBackend>(
        m_host.get(), QList<ClusterSettings>{cluster},
        m_host->pluginDataDirectory(QStringLiteral("slurm")) + QStringLiteral("/deployments.json"),
        [counts, mutex](const ClusterSettings &settings) -> std::unique_ptr<ISlurmTransport> {
            return std::make_unique<CountingTransport>(makeTransport(settings.transport), counts, mutex);
        });
    backend->setReportCallback([this](const DeploymentReport &report) {
        QMutexLocker locker(&m_reportsMutex);
        m_reports[report.deploymentId].append(report);
    });
    return backend;
}

DeploymentState tst_SlurmBackend::stateOf(const QString &deploymentId) const
{
    QMutexLocker locker(&m_reportsMutex);
    const auto &reports = m_reports.value(deploymentId);
    return reports.isEmpty() ? DeploymentState::Unknown : reports.last().state;
}

QString tst_SlurmBackend::messageOf(const QString &deploymentId) const
{
    QMutexLocker locker(&m_reportsMutex);
    const auto &reports = m_reports.value(deploymentId);
    return reports.isEmpty() ? QString() : reports.last().message;
}

QStringList tst_SlurmBackend::statesSeen(const QString &deploymentId) const
{
    QMutexLocker locker(&m_reportsMutex);
    QStringList states;
    for (const DeploymentReport &report : m_reports.value(deploymentId)) {
        if (states.isEmpty() || states.last() != toString(report.state))
            states.append(toString(report.state));
    }
    return states;
}

std::optional<BackendObject> tst_SlurmBackend::jobObject(const QString &deploymentId) const
{
    for (const BackendObject &object : m_backend->objects()) {
        if (object.kind == QLatin1String("slurm.job") && object.deploymentId == deploymentId)
            return object;
    }
    return std::nullopt;
}

bool tst_SlurmBackend::deployedOrBeyond(const QString &deploymentId) const
{
    const DeploymentState state = stateOf(deploymentId);
    return state == DeploymentState::Deployed || state == DeploymentState::Terminated
           || state == DeploymentState::Failed;
}

void tst_SlurmBackend::initTestCase()
{
    QVERIFY(m_data.isValid());
    const QString error = m_cluster.start(8);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_host = std::make_unique<RecordingHost>(m_data.path());
    m_backend = makeBackend();
}

void tst_SlurmBackend::cleanupTestCase()
{
    m_backend.reset();
    m_cluster.stop();
}

void tst_SlurmBackend::inventoryAndObjects()
{
    const QString nodeId = ClusterId + QLatin1Char('-') + m_cluster.nodeName();
    QTRY_VERIFY_WITH_TIMEOUT(m_host->entity<Node>(nodeId).has_value(), WaitMs);
    const Node node = *m_host->entity<Node>(nodeId);
    QCOMPARE(node.clusterId, ClusterId);
    QCOMPARE(node.siteId, QStringLiteral("site-hpc"));
    QCOMPARE(node.capacity.cpuCores, 8.0);
    QCOMPARE(node.capacity.memoryBytes, 4000LL * 1024 * 1024);
    QCOMPARE(node.labels.value(QStringLiteral("partition")), QStringLiteral("debug"));
    QCOMPARE(node.labels.value(QStringLiteral("partitions")), QStringLiteral("debug"));
    QCOMPARE(toString(node.state), QStringLiteral("ready"));
    const auto cluster = m_host->entity<Cluster>(ClusterId);
    QVERIFY(cluster.has_value());
    QCOMPARE(toString(cluster->backend), QStringLiteral("slurm"));
    QCOMPARE(cluster->pluginId, QStringLiteral("slurm"));

    QTRY_VERIFY_WITH_TIMEOUT(!m_backend->objects().isEmpty(), WaitMs);
    bool sawPartition = false;
    for (const BackendObject &object : m_backend->objects()) {
        if (object.id == ClusterId + QStringLiteral("/partition/debug")) {
            sawPartition = true;
            QCOMPARE(object.kind, QStringLiteral("slurm.partition"));
            QCOMPARE(object.state, QStringLiteral("UP"));
            QCOMPARE(object.properties.value(QStringLiteral("totalCpus")).toInt(), 8);
            QVERIFY(object.actions.isEmpty());
        }
    }
    QVERIFY(sawPartition);
    QVERIFY(m_backend->isConnected(ClusterId));
    QCOMPARE(m_host->countEvents(QLatin1String(EventTypes::BackendConnection), QStringLiteral("DOWN")), 0);
    QVERIFY(!m_backend->invokeAction(ClusterId + QStringLiteral("/partition/debug"), QStringLiteral("cancel"), {}));
}

void tst_SlurmBackend::submitTimeoutJob()
{
    // Started early and checked at the end: Slurm enforces limits on a ~30 s sweep.
    Workload workload = job(QStringLiteral("timeout"), QStringLiteral("sleep 300"));
    workload.requirements.walltimeSeconds = 60;
    QVERIFY(m_backend->deploy(deploymentOf(QStringLiteral("dep-timeout")), workload));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(QStringLiteral("dep-timeout"))), QStringLiteral("deployed"), WaitMs);
    const auto object = jobObject(QStringLiteral("dep-timeout"));
    QVERIFY(object.has_value());
    QCOMPARE(object->properties.value(QStringLiteral("timeLimitSeconds")).toLongLong(), 60);
    QCOMPARE(object->nodeId, ClusterId + QLatin1Char('-') + m_cluster.nodeName());
}

void tst_SlurmBackend::completedJobWithOutput()
{
    const QString id = QStringLiteral("dep-ok");
    QVERIFY(m_backend->deploy(deploymentOf(id), job(QStringLiteral("ok"), QStringLiteral("echo hello-from-continuo $SLURM_JOB_ID"))));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("terminated"), WaitMs);
    QVERIFY2(messageOf(id).contains(QStringLiteral("completed, exit 0")), qPrintable(messageOf(id)));
    QVERIFY(statesSeen(id).startsWith(QStringLiteral("in_deployment")));
    {
        QMutexLocker locker(&m_reportsMutex);
        QVERIFY(m_reports.value(id).first().message.contains(QStringLiteral("submit")));
        bool sawJobId = false;
        for (const DeploymentReport &report : m_reports.value(id))
            sawJobId |= report.message.contains(QRegularExpression(QStringLiteral("job \\d+ submitted")));
        QVERIFY(sawJobId);
    }
    QTRY_VERIFY_WITH_TIMEOUT(jobObject(id).has_value(), WaitMs);
    const BackendObject object = *jobObject(id);
    QCOMPARE(object.state, QStringLiteral("COMPLETED"));
    QCOMPARE(object.properties.value(QStringLiteral("exitCode")).toInt(), 0);
    QVERIFY(object.actions.isEmpty());
    const QString jobId = object.id.section(QLatin1Char('/'), -1);
    auto output = m_backend->jobOutput(object.id);
    QVERIFY2(output, qPrintable(output.error()));
    QCOMPARE(output->trimmed(), QByteArray("hello-from-continuo ") + jobId.toUtf8());
    auto partial = m_backend->jobOutput(jobId, 5);
    QVERIFY(partial);
    QCOMPARE(*partial, QByteArray("hello"));
    QVERIFY(!m_backend->jobOutput(ClusterId + QStringLiteral("/job/999999")));
    QVERIFY(!m_backend->deployments().isEmpty() || true);
    for (const DeploymentReport &report : m_backend->deployments())
        QVERIFY(report.deploymentId != id); // Terminated deployments are no longer listed.
}

void tst_SlurmBackend::failedJob()
{
    const QString id = QStringLiteral("dep-fail");
    QVERIFY(m_backend->deploy(deploymentOf(id), job(QStringLiteral("fail"), QStringLiteral("echo failing\nexit 3"))));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("failed"), WaitMs);
    QVERIFY2(messageOf(id).contains(QStringLiteral("exit 3")), qPrintable(messageOf(id)));
    QVERIFY2(messageOf(id).contains(QStringLiteral("FAILED")), qPrintable(messageOf(id)));
    QTRY_VERIFY_WITH_TIMEOUT(jobObject(id).has_value(), WaitMs);
    QCOMPARE(jobObject(id)->properties.value(QStringLiteral("exitCode")).toInt(), 3);
    bool listed = false;
    for (const DeploymentReport &report : m_backend->deployments())
        listed |= report.deploymentId == id && report.state == DeploymentState::Failed;
    QVERIFY(listed);
}

void tst_SlurmBackend::cancelRunningJob()
{
    const QString id = QStringLiteral("dep-cancel");
    QVERIFY(m_backend->deploy(deploymentOf(id), job(QStringLiteral("cancel"), QStringLiteral("sleep 300"))));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("deployed"), WaitMs);
    QVERIFY(m_backend->terminate(id));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("terminated"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(jobObject(id).value_or(BackendObject{}).state, QStringLiteral("CANCELLED"), WaitMs);
    // The job stays cancelled and the deployment Terminated on later polls.
    const quint64 polls = m_backend->pollCount(ClusterId);
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->pollCount(ClusterId) >= polls + 2, WaitMs);
    QCOMPARE(toString(stateOf(id)), QStringLiteral("terminated"));
    // Terminating an unknown or finished deployment is fine.
    QVERIFY(m_backend->terminate(id));
    QVERIFY(m_backend->terminate(QStringLiteral("never-deployed")));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(QStringLiteral("never-deployed"))), QStringLiteral("terminated"), WaitMs);
}

void tst_SlurmBackend::cancelThroughAction()
{
    const QString id = QStringLiteral("dep-action");
    QVERIFY(m_backend->deploy(deploymentOf(id), job(QStringLiteral("action"), QStringLiteral("sleep 300"))));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("deployed"), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(jobObject(id).value_or(BackendObject{}).actions.contains(QStringLiteral("cancel")), WaitMs);
    const QString objectId = jobObject(id)->id;
    QVERIFY(!m_backend->invokeAction(objectId, QStringLiteral("explode"), {}));
    auto cancelled = m_backend->invokeAction(objectId, QStringLiteral("cancel"), {});
    QVERIFY2(cancelled, qPrintable(cancelled.error()));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("terminated"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(jobObject(id).value_or(BackendObject{}).state, QStringLiteral("CANCELLED"), WaitMs);
    QVERIFY(jobObject(id)->actions.isEmpty());
    QVERIFY(!m_backend->invokeAction(objectId, QStringLiteral("cancel"), {}));
}

void tst_SlurmBackend::stageInAndOut()
{
    QTemporaryDir local;
    QVERIFY(local.isValid());
    QFile input(local.filePath(QStringLiteral("input.txt")));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write("staged words\n");
    input.close();
    const QString id = QStringLiteral("dep-stage");
    Workload workload = job(QStringLiteral("stage"), QStringLiteral("tr a-z A-Z < in.txt > out.txt"));
    workload.labels.insert(QStringLiteral("slurm.stageIn"), input.fileName() + QStringLiteral(":in.txt"));
    workload.labels.insert(QStringLiteral("slurm.stageOut"),
                           QStringLiteral("out.txt:") + local.filePath(QStringLiteral("result.txt")));
    QVERIFY(m_backend->deploy(deploymentOf(id), workload));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("terminated"), WaitMs);
    QVERIFY2(messageOf(id).contains(QStringLiteral("staged out")), qPrintable(messageOf(id)));
    QFile result(local.filePath(QStringLiteral("result.txt")));
    QVERIFY(result.open(QIODevice::ReadOnly));
    QCOMPARE(result.readAll(), QByteArray("STAGED WORDS\n"));

    // A stage-out that cannot work is reported, not lost.
    const QString broken = QStringLiteral("dep-stage-broken");
    Workload missing = job(QStringLiteral("stage2"), QStringLiteral("true"));
    missing.labels.insert(QStringLiteral("slurm.stageOut"),
                          QStringLiteral("never-written.txt:") + local.filePath(QStringLiteral("x.txt")));
    QVERIFY(m_backend->deploy(deploymentOf(broken), missing));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(broken)), QStringLiteral("failed"), WaitMs);
    QVERIFY2(messageOf(broken).contains(QStringLiteral("stage-out")), qPrintable(messageOf(broken)));

    // A stage-in source that does not exist fails the deployment with the reason.
    const QString noInput = QStringLiteral("dep-stage-noinput");
    Workload absent = job(QStringLiteral("stage3"), QStringLiteral("true"));
    absent.labels.insert(QStringLiteral("slurm.stageIn"), local.filePath(QStringLiteral("absent")) + QStringLiteral(":a"));
    QVERIFY(m_backend->deploy(deploymentOf(noInput), absent));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(noInput)), QStringLiteral("failed"), WaitMs);
    QVERIFY2(messageOf(noInput).contains(QStringLiteral("stage-in")), qPrintable(messageOf(noInput)));
}

void tst_SlurmBackend::idempotentDeploy()
{
    const QString id = QStringLiteral("dep-twice");
    const Workload workload = job(QStringLiteral("twice"), QStringLiteral("sleep 120"));
    QVERIFY(m_backend->deploy(deploymentOf(id), workload));
    QVERIFY(m_backend->deploy(deploymentOf(id), workload));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("deployed"), WaitMs);
    QVERIFY(m_backend->deploy(deploymentOf(id), workload));
    const auto out = m_cluster.run({QStringLiteral("squeue"), QStringLiteral("-h"), QStringLiteral("--states=all"),
                                    QStringLiteral("-o"), QStringLiteral("%k")});
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(out.standardOutput.count("continuo:dep-twice"), 1);
    QVERIFY(m_backend->terminate(id));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("terminated"), WaitMs);
}

void tst_SlurmBackend::rejectsBadWorkload()
{
    Workload bad = job(QStringLiteral("bad"), QStringLiteral("true"));
    bad.requirements.partition = QStringLiteral("debug\n#SBATCH --uid=0");
    auto result = m_backend->deploy(deploymentOf(QStringLiteral("dep-bad")), bad);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(QStringLiteral("newline")), qPrintable(result.error()));
    Deployment elsewhere = deploymentOf(QStringLiteral("dep-elsewhere"));
    elsewhere.clusterId = QStringLiteral("no-such-cluster");
    QVERIFY(!m_backend->deploy(elsewhere, job(QStringLiteral("x"), QStringLiteral("true"))));
    // sbatch itself refuses a partition that does not exist: Failed with its message.
    Workload unknownPartition = job(QStringLiteral("nopart"), QStringLiteral("true"));
    unknownPartition.requirements.partition = QStringLiteral("nosuchpartition");
    QVERIFY(m_backend->deploy(deploymentOf(QStringLiteral("dep-nopart")), unknownPartition));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(QStringLiteral("dep-nopart"))), QStringLiteral("failed"), WaitMs);
    QVERIFY2(messageOf(QStringLiteral("dep-nopart")).contains(QStringLiteral("partition"), Qt::CaseInsensitive),
             qPrintable(messageOf(QStringLiteral("dep-nopart"))));
}

void tst_SlurmBackend::onePollOneSqueue()
{
    auto count = [this](const char *command) {
        QMutexLocker locker(m_countsMutex.get());
        return m_counts->value(QLatin1String(command));
    };
    // Counted between two poll boundaries.
    quint64 polls = m_backend->pollCount(ClusterId);
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->pollCount(ClusterId) > polls, WaitMs);
    polls = m_backend->pollCount(ClusterId);
    const int squeues = count("squeue");
    const int sinfos = count("sinfo");
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->pollCount(ClusterId) >= polls + 5, WaitMs);
    // Hold the backend between polls: read both counters right after a poll ended.
    const quint64 pollsNow = m_backend->pollCount(ClusterId);
    const int squeuesNow = count("squeue");
    const int sinfosNow = count("sinfo");
    const int expected = int(pollsNow - polls);
    // A poll may have started (squeue counted) but not ended when we looked.
    QVERIFY2(squeuesNow - squeues == expected || squeuesNow - squeues == expected + 1,
             qPrintable(QStringLiteral("%1 squeue for %2 polls").arg(squeuesNow - squeues).arg(expected)));
    QVERIFY(sinfosNow - sinfos <= expected + 1);
    QVERIFY(sinfosNow - sinfos >= expected);
    // Coalesced: many requests for a poll make at most one extra.
    const quint64 before = m_backend->pollCount(ClusterId);
    for (int i = 0; i < 20; ++i)
        m_backend->pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->pollCount(ClusterId) > before, WaitMs);
    QVERIFY(m_backend->pollCount(ClusterId) < before + 10);
}

void tst_SlurmBackend::partitionTelemetry()
{
    const Labels labels{{QStringLiteral("cluster"), ClusterId}, {QStringLiteral("partition"), QStringLiteral("debug")}};
    QTRY_VERIFY_WITH_TIMEOUT(m_host->latest(QStringLiteral("slurm_partition_cpus_total"), labels).has_value(), WaitMs);
    QCOMPARE(*m_host->latest(QStringLiteral("slurm_partition_cpus_total"), labels), 8.0);
    QCOMPARE(*m_host->latest(QStringLiteral("slurm_partition_nodes_total"), labels), 1.0);
    for (const char *metric : {"slurm_partition_nodes_idle", "slurm_partition_cpus_idle", "slurm_partition_jobs_running",
                               "slurm_partition_jobs_pending", "slurm_partition_queue_wait_seconds"})
        QVERIFY2(m_host->latest(QLatin1String(metric), labels).has_value(), metric);
    // The timeout job still runs: one CPU busy.
    QVERIFY(*m_host->latest(QStringLiteral("slurm_partition_jobs_running"), labels) >= 1.0);
    QVERIFY(*m_host->latest(QStringLiteral("slurm_partition_cpus_idle"), labels) <= 7.0);
    const auto duration = m_host->latest(QStringLiteral("slurm_poll_duration_seconds"), {{QStringLiteral("cluster"), ClusterId}});
    QVERIFY(duration.has_value());
    QVERIFY(*duration > 0.0 && *duration < 30.0);
}

void tst_SlurmBackend::restartRecoversJobs()
{
    const QString id = QStringLiteral("dep-restart");
    QVERIFY(m_backend->deploy(deploymentOf(id), job(QStringLiteral("restart"), QStringLiteral("sleep 300"))));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("deployed"), WaitMs);
    // A job of ours submitted behind the backend's back (or before a lost state file).
    const auto manual = m_cluster.run({QStringLiteral("sbatch"), QStringLiteral("--parsable"),
                                       QStringLiteral("--comment=continuo:dep-adopted"), QStringLiteral("--wrap=sleep 300"),
                                       QStringLiteral("-o"), QStringLiteral("/dev/null")});
    QCOMPARE(manual.exitCode, 0);

    m_backend.reset();
    {
        QMutexLocker locker(&m_reportsMutex);
        m_reports.clear();
    }
    m_backend = makeBackend();
    // From the state file, before any poll.
    bool fromFile = false;
    for (const DeploymentReport &report : m_backend->deployments())
        fromFile |= report.deploymentId == id && report.state == DeploymentState::Deployed
                    && report.workloadId == QStringLiteral("wl-restart");
    QVERIFY(fromFile);
    // From squeue by the comment tag.
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            for (const DeploymentReport &report : m_backend->deployments()) {
                if (report.deploymentId == QLatin1String("dep-adopted") && report.state == DeploymentState::Deployed)
                    return true;
            }
            return false;
        }(),
        WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(jobObject(id).has_value(), WaitMs);
    QCOMPARE(jobObject(id)->state, QStringLiteral("RUNNING"));
    QVERIFY(m_backend->terminate(id));
    QVERIFY(m_backend->terminate(QStringLiteral("dep-adopted")));
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("terminated"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(QStringLiteral("dep-adopted"))), QStringLiteral("terminated"), WaitMs);
}

void tst_SlurmBackend::controllerRestart()
{
    // A job that takes every CPU keeps ours pending.
    const auto blocker = m_cluster.run({QStringLiteral("sbatch"), QStringLiteral("--parsable"), QStringLiteral("-c"),
                                        QString::number(m_cluster.cpus()), QStringLiteral("--wrap=sleep 300"),
                                        QStringLiteral("-o"), QStringLiteral("/dev/null")});
    QCOMPARE(blocker.exitCode, 0);
    const QString blockerId = QString::fromUtf8(blocker.standardOutput).trimmed();
    const QStringList ids = {QStringLiteral("dep-queued-1"), QStringLiteral("dep-queued-2")};
    for (const QString &id : ids)
        QVERIFY(m_backend->deploy(deploymentOf(id), job(id, QStringLiteral("sleep 1; echo done"))));
    for (const QString &id : ids) {
        QTRY_VERIFY_WITH_TIMEOUT(messageOf(id).contains(QStringLiteral("pending")), WaitMs);
        QCOMPARE(toString(stateOf(id)), QStringLiteral("in_deployment"));
    }
    const int downBefore = m_host->countEvents(QLatin1String(EventTypes::BackendConnection), QStringLiteral("DOWN"));
    const int upBefore = m_host->countEvents(QLatin1String(EventTypes::BackendConnection), QStringLiteral("UP"));
    m_cluster.stopController();
    QTRY_VERIFY_WITH_TIMEOUT(!m_backend->isConnected(ClusterId), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_host->countEvents(QLatin1String(EventTypes::BackendConnection), QStringLiteral("DOWN")), downBefore + 1, WaitMs);
    // Several failing polls, still one DOWN event, and the deployments keep their state.
    const quint64 polls = m_backend->pollCount(ClusterId);
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->pollCount(ClusterId) >= polls + 2, WaitMs);
    QCOMPARE(m_host->countEvents(QLatin1String(EventTypes::BackendConnection), QStringLiteral("DOWN")), downBefore + 1);
    for (const QString &id : ids)
        QCOMPARE(toString(stateOf(id)), QStringLiteral("in_deployment"));
    const Event down = m_host->events(QLatin1String(EventTypes::BackendConnection)).last();
    QCOMPARE(down.payload.value(QLatin1String("cluster")).toString(), ClusterId);
    QVERIFY(!down.payload.value(QLatin1String("error")).toString().isEmpty());

    const QString restarted = m_cluster.startController();
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_host->countEvents(QLatin1String(EventTypes::BackendConnection), QStringLiteral("UP")), upBefore + 1, WaitMs);
    QVERIFY(m_backend->isConnected(ClusterId));
    QCOMPARE(m_cluster.run({QStringLiteral("scancel"), blockerId}).exitCode, 0);
    for (const QString &id : ids) {
        QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("terminated"), WaitMs);
        QVERIFY2(messageOf(id).contains(QStringLiteral("completed, exit 0")), qPrintable(messageOf(id)));
    }
}

void tst_SlurmBackend::timeoutJobFails()
{
    const QString id = QStringLiteral("dep-timeout");
    QTRY_COMPARE_WITH_TIMEOUT(toString(stateOf(id)), QStringLiteral("failed"), 150000);
    QVERIFY2(messageOf(id).contains(QStringLiteral("TIMEOUT")), qPrintable(messageOf(id)));
}

void tst_SlurmBackend::pluginValidatesSettings()
{
    SlurmPlugin plugin;
    RecordingHost host(m_data.path());
    auto refused = plugin.initialize(&host, {{QStringLiteral("clusters"), QVariantList{QVariantMap{{QStringLiteral("id"), QStringLiteral("x")}}}}});
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("site")), qPrintable(refused.error()));
    QVERIFY(!plugin.createComputeBackend());
    auto accepted = plugin.initialize(
        &host, {{QStringLiteral("clusters"),
                 QVariantList{QVariantMap{{QStringLiteral("id"), QStringLiteral("other")},
                                          {QStringLiteral("site"), QStringLiteral("site-x")},
                                          {QStringLiteral("slurmConf"), m_cluster.configPath()},
                                          {QStringLiteral("workDir"), m_cluster.workDirectory()}}}}});
    QVERIFY2(accepted, qPrintable(accepted.error()));
    QVERIFY(host.entity<Cluster>(QStringLiteral("other")).has_value());
    auto backend = plugin.createComputeBackend();
    QVERIFY(backend);
    QCOMPARE(toString(backend->kind()), QStringLiteral("slurm"));
    QCOMPARE(backend->clusterIds(), QStringList{QStringLiteral("other")});
    QTRY_VERIFY_WITH_TIMEOUT(host.entity<Node>(QStringLiteral("other-") + m_cluster.nodeName()).has_value(), WaitMs);
}

QTEST_GUILESS_MAIN(tst_SlurmBackend)
#include "tst_slurmbackend.moc"
