#pragma once

#include "SlurmParsers.h"
#include "SlurmScript.h"
#include "SlurmTransport.h"

#include "plugin/IComputeBackend.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QVariantMap>

#include <chrono>
#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcSlurm)

namespace Continuo {
class IPluginHost;
}

namespace Continuo::Slurm {

/// One Slurm cluster the backend drives, from the plugin settings:
/// {"clusters": [{"id": "hpc1", "name": "HPC one", "site": "<existing site id>",
///   "transport": "local"|"ssh", "host", "port", "user", "identityFile", "knownHostsFile",
///   "slurmConf", "environment": {...}   (see TransportSettings::fromSettings),
///   "pollIntervalMs": 2000, "workDir": "/tmp/continuo-slurm/<id>", "useSacct": false,
///   "submitRetries": 5, "commandTimeoutMs": 30000}]}
struct ClusterSettings
{
    QString id;   ///< Inventory cluster id; letters, digits, "._-" only.
    QString name;
    QString siteId;
    TransportSettings transport;
    std::chrono::milliseconds pollInterval{2000};
    QString workDirectory; ///< Cluster-side directory for scripts and outputs.
    /// Ask sacct (needs slurmdbd) for the final state of jobs that left squeue.
    bool useSacct = false;
    int submitRetries = 5; ///< Polls a submission is retried on while the cluster is unreachable.
    std::chrono::milliseconds commandTimeout{30000};

    static Result<ClusterSettings> fromSettings(const QVariantMap &settings);
    /// The inventory cluster these settings describe.
    Cluster toCluster() const;
    /// All clusters of the plugin settings; fails with the first malformed entry named.
    static Result<QList<ClusterSettings>> listFromSettings(const QVariantMap &settings);
};

/// Makes the transport of a cluster (tests wrap the real one to count commands).
using TransportFactory = std::function<std::unique_ptr<ISlurmTransport>(const ClusterSettings &)>;

/// Runs HPC workloads as Slurm batch jobs.
///
/// Threads: the backend object lives on the engine thread and answers deploy/terminate/
/// objects/deployments from memory. Each cluster has a worker QThread that owns its transport
/// and runs every command (sbatch, scancel, squeue, sinfo, file copies). Shared state is guarded
/// by one mutex; reports go to the callback from the worker threads.
///
/// Polling: per cluster and interval ONE `squeue --json --states=all` for all jobs (the text
/// fallback `squeue -h -r -o ...` when the JSON plugins are missing) and ONE `sinfo --json`;
/// `scontrol show partition -o` every 15th poll. The next poll is scheduled when one ends, so
/// polls never overlap; pollNow() coalesces with a pending one.
///
/// Job states (squeue) -> deployment states:
///   PENDING, CONFIGURING, REQUEUED, RESIZING     -> InDeployment (a running job that is
///                                                   requeued stays Deployed, message updated)
///   RUNNING, COMPLETING, SUSPENDED, STOPPED     -> Deployed
///   COMPLETED (exit 0)                          -> Terminated "job N completed, exit 0"
///   FAILED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, PREEMPTED, BOOT_FAIL, DEADLINE, REVOKED,
///   SPECIAL_EXIT                                -> Failed "job N STATE, exit X (reason)"
///   CANCELLED                                   -> Terminated when we cancelled it, else
///                                                   Failed "cancelled by unknown"
///
/// Finished jobs: without accounting, Slurm forgets a job MinJobAge seconds after it ended
/// (default 300; set MinJobAge=600 or more on clusters driven without slurmdbd). squeue with
/// --states=all shows finished jobs until then. A tracked job that left the queue before we saw
/// its final state is asked of sacct when "useSacct" is set (needs slurmdbd), else it is
/// reported Failed "left the queue; final state unknown without accounting".
///
/// Our jobs carry --comment=continuo:<deploymentId>; with the state file
/// (pluginDataDirectory("slurm")/deployments.json, written with QSaveFile on every change)
/// they are recognised after a restart. Stage-out runs when a job completed; its failure makes
/// the deployment Failed with the copy error.
///
/// Connection problems (commands that cannot run, "Unable to contact slurm controller") give
/// one Backend.Connection DOWN event per outage and UP when polls work again; deployments keep
/// their state meanwhile, submissions are retried on each poll and fail after submitRetries.
///
/// Telemetry per poll, labels {cluster, partition}: slurm_partition_nodes_total,
/// slurm_partition_nodes_idle, slurm_partition_cpus_total, slurm_partition_cpus_idle,
/// slurm_partition_jobs_running, slurm_partition_jobs_pending,
/// slurm_partition_queue_wait_seconds (longest wait of a pending job); and
/// slurm_poll_duration_seconds{cluster}. Inventory: the Cluster and one Node per Slurm node
/// ("<clusterId>-<nodename>") with GPU Devices from gres.
class SlurmComputeBackend final : public IComputeBackend
{
public:
    /// Starts one worker thread per cluster; the first poll runs at once.
    SlurmComputeBackend(IPluginHost *host, QList<ClusterSettings> clusters, QString stateFilePath,
                        TransportFactory transportFactory = {});
    ~SlurmComputeBackend() override;

    BackendKind kind() const override { return BackendKind::Slurm; }
    QStringList clusterIds() const override;
    void setReportCallback(ReportCallback callback) override;
    Result<void> deploy(const Deployment &deployment, const Workload &workload) override;
    Result<void> terminate(const QString &deploymentId) override;
    QList<DeploymentReport> deployments() const override;
    QList<BackendObject> objects() const override;
    /// "cancel" on "<cluster>/job/<id>" (scancel).
    Result<void> invokeAction(const QString &objectId, const QString &action,
                              const QVariantMap &arguments) override;

    /// Up to maxBytes of a job's standard output ("<cluster>/job/<id>", or a plain job id when
    /// there is one cluster), read through the transport. Blocks until the cluster's worker has
    /// read it; do not call it from a worker thread.
    Result<QByteArray> jobOutput(const QString &jobId, qint64 maxBytes = 1 << 20) const;
    /// A job's output ("<clusterId>/job/<id>"; jobOutput()); partitions have none.
    Result<QString> objectLog(const QString &objectId, qint64 maxBytes) const override;

    /// Ask every cluster for a poll now (coalesced with one that is already queued).
    void pollNow();
    /// Completed polls of a cluster (successful or not).
    quint64 pollCount(const QString &clusterId) const;
    /// Whether the last poll of the cluster reached the controller.
    bool isConnected(const QString &clusterId) const;

    struct State;
    class Worker;

private:
    std::shared_ptr<State> m_state;
    QList<Worker *> m_workers;
};

} // namespace Continuo::Slurm
