// Slurm backend figures against a real single-host cluster (SlurmClusterFixture): submission
// rate, submit-to-visible latency (raw sbatch -> squeue and deploy() -> objects() through the
// backend's poll) and the cost of one poll with 10,000 queued jobs.
//
// The backend here polls every 100 ms (production default 2000 ms), so submit-to-visible
// measures the poll path rather than the interval.

#include "RecordingHost.h"
#include "SlurmClusterFixture.h"
#include "SlurmComputeBackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace Continuo;
using namespace Continuo::Slurm;
using namespace Continuo::Slurm::Testing;

namespace {

void progress(const QString &text)
{
    std::fprintf(stderr, "[slurm] %s\n", qPrintable(text));
    std::fflush(stderr);
}

void bench(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

template<typename Predicate>
bool waitFor(Predicate predicate, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (predicate())
            return true;
        QThread::usleep(500);
    }
    return predicate();
}

Workload benchJob(int index)
{
    Workload workload;
    workload.id = QStringLiteral("bench-wl-%1").arg(index);
    workload.name = QStringLiteral("bench%1").arg(index);
    workload.kind = WorkloadKind::HpcJob;
    workload.request.cpuCores = 1;
    workload.image = QStringLiteral("true");
    return workload;
}

Deployment benchDeployment(const QString &id)
{
    Deployment deployment;
    deployment.id = id;
    deployment.clusterId = QStringLiteral("bench");
    return deployment;
}

bool hasObjectFor(const SlurmComputeBackend &backend, const QString &deploymentId)
{
    const QList<BackendObject> objects = backend.objects();
    return std::any_of(objects.cbegin(), objects.cend(), [&deploymentId](const BackendObject &object) {
        return object.deploymentId == deploymentId;
    });
}

} // namespace

int runSlurmBenchmarks(const QStringList &args)
{
    Q_UNUSED(args)
    if (!QCoreApplication::instance()) {
        progress(QStringLiteral("needs a QCoreApplication"));
        return 2;
    }
    SlurmClusterFixture cluster;
    progress(QStringLiteral("starting munged, slurmctld, slurmd"));
    if (const QString error = cluster.start(8); !error.isEmpty()) {
        progress(QStringLiteral("cluster did not start: ") + error);
        return 1;
    }
    QTemporaryDir data;
    RecordingHost host(data.path());

    // Raw: sbatch returns, then squeue shows the job.
    {
        QList<double> visible;
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto submitted = cluster.run({QStringLiteral("sbatch"), QStringLiteral("--parsable"),
                                                QStringLiteral("--hold"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                                QStringLiteral("--wrap=true")});
            const QString jobId = QString::fromUtf8(submitted.standardOutput).trimmed();
            if (submitted.exitCode != 0 || jobId.isEmpty()) {
                progress(QStringLiteral("sbatch failed: ") + QString::fromUtf8(submitted.standardError));
                return 1;
            }
            waitFor([&] {
                const auto out = cluster.run({QStringLiteral("squeue"), QStringLiteral("-h"), QStringLiteral("-j"),
                                              jobId, QStringLiteral("-o"), QStringLiteral("%i")});
                return out.exitCode == 0 && out.standardOutput.trimmed() == jobId.toUtf8();
            }, 10000);
            visible.append(double(timer.nsecsElapsed()) / 1e6);
        }
        bench("slurm_sbatch_to_squeue_visible_ms", median(visible), "ms");
        cluster.run({QStringLiteral("scancel"), QStringLiteral("--user=") + SlurmClusterFixture::userName()});
    }

    ClusterSettings settings;
    settings.id = QStringLiteral("bench");
    settings.siteId = QStringLiteral("site-bench");
    settings.transport.environment = cluster.environment();
    settings.pollInterval = std::chrono::milliseconds(100);
    settings.workDirectory = cluster.workDirectory();
    auto backend = std::make_unique<SlurmComputeBackend>(&host, QList<ClusterSettings>{settings},
                                                         data.filePath(QStringLiteral("deployments.json")));
    QMutex mutex;
    QSet<QString> submitted;
    backend->setReportCallback([&](const DeploymentReport &report) {
        if (report.message.contains(QLatin1String(" submitted"))) {
            QMutexLocker locker(&mutex);
            submitted.insert(report.deploymentId);
        }
    });
    waitFor([&] { return backend->pollCount(settings.id) > 0; }, 30000);

    // Submission rate through deploy(): until every job has its sbatch answer.
    {
        constexpr int Jobs = 100;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < Jobs; ++i) {
            if (auto deployed = backend->deploy(benchDeployment(QStringLiteral("rate-%1").arg(i)), benchJob(i)); !deployed) {
                progress(deployed.error());
                return 1;
            }
        }
        const bool done = waitFor([&] {
            QMutexLocker locker(&mutex);
            return submitted.size() >= Jobs;
        }, 120000);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!done)
            progress(QStringLiteral("only %1 of %2 submitted").arg(submitted.size()).arg(Jobs));
        bench("slurm_submit_per_s", submitted.size() / seconds, "jobs/s");
    }

    // deploy() until the job shows in objects() (poll interval 100 ms).
    {
        QList<double> latencies;
        for (int i = 0; i < 15; ++i) {
            const QString id = QStringLiteral("visible-%1").arg(i);
            QElapsedTimer timer;
            timer.start();
            if (!backend->deploy(benchDeployment(id), benchJob(1000 + i)))
                return 1;
            if (!waitFor([&] { return hasObjectFor(*backend, id); }, 30000)) {
                progress(QStringLiteral("%1 never appeared").arg(id));
                return 1;
            }
            latencies.append(double(timer.nsecsElapsed()) / 1e6);
        }
        bench("slurm_submit_to_visible_ms", median(latencies), "ms");
    }

    // 10,000 queued jobs: held arrays, one full poll (squeue + sinfo + parse + objects).
    progress(QStringLiteral("queueing 10 x 1000 held array tasks"));
    for (int i = 0; i < 10; ++i) {
        const auto out = cluster.run({QStringLiteral("sbatch"), QStringLiteral("--parsable"), QStringLiteral("--hold"),
                                      QStringLiteral("--array=0-999"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                      QStringLiteral("--wrap=true")});
        if (out.exitCode != 0) {
            progress(QStringLiteral("sbatch --array failed: ") + QString::fromUtf8(out.standardError));
            return 1;
        }
    }
    auto countJobs = [&] {
        int jobs = 0;
        for (const BackendObject &object : backend->objects())
            jobs += object.kind == QLatin1String("slurm.job") ? 1 : 0;
        return jobs;
    };
    waitFor([&] { return countJobs() >= 10000; }, 60000);
    {
        QList<double> polls;
        for (int i = 0; i < 5; ++i) {
            // Wait for a poll boundary, then time the next full poll.
            const quint64 before = backend->pollCount(settings.id);
            waitFor([&] { return backend->pollCount(settings.id) > before; }, 30000);
            const quint64 start = backend->pollCount(settings.id);
            QElapsedTimer timer;
            timer.start();
            backend->pollNow();
            waitFor([&] { return backend->pollCount(settings.id) > start; }, 60000);
            polls.append(double(timer.nsecsElapsed()) / 1e6);
        }
        const auto duration = host.latest(QStringLiteral("slurm_poll_duration_seconds"),
                                          {{QStringLiteral("cluster"), settings.id}});
        progress(QStringLiteral("jobs seen by the poller: %1").arg(countJobs()));
        bench("slurm_poll_10k_jobs_ms", duration ? *duration * 1000.0 : median(polls), "ms");
    }
    {
        QElapsedTimer command;
        command.start();
        const auto out = cluster.run({QStringLiteral("squeue"), QStringLiteral("--json"), QStringLiteral("--states=all")});
        const double commandMs = double(command.nsecsElapsed()) / 1e6;
        QList<double> parses;
        qsizetype parsed = 0;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            auto jobs = parseSqueueJson(out.standardOutput);
            parses.append(double(timer.nsecsElapsed()) / 1e6);
            parsed = jobs ? jobs->size() : -1;
        }
        progress(QStringLiteral("squeue --json: %1 bytes, %2 jobs parsed").arg(out.standardOutput.size()).arg(parsed));
        bench("slurm_poll_10k_jobs_squeue_ms", commandMs, "ms");
        bench("slurm_poll_10k_jobs_parse_ms", median(parses), "ms");
    }

    backend.reset();
    progress(QStringLiteral("cancelling everything"));
    cluster.run({QStringLiteral("scancel"), QStringLiteral("--user=") + SlurmClusterFixture::userName()});
    cluster.stop();
    return 0;
}
