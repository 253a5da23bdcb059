#pragma once

#include "model/Enums.h"
#include "model/Topology.h"
#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Continuo::Slurm {

/// One Slurm node as `sinfo --json` (OpenAPI v0.0.38, Slurm 22.05) describes it.
struct SlurmNodeInfo
{
    QString name;
    QString architecture;
    int cpus = 0;
    int idleCpus = 0;
    int allocatedCpus = 0;
    qint64 realMemoryMiB = 0;
    qint64 freeMemoryMiB = 0;
    QString gres;           ///< "gpu:a100:2,gpu:v100:1(S:0)" or empty.
    QStringList features;   ///< Active features (falls back to configured ones).
    QString state;          ///< Base state, lower case: "idle", "mixed", "allocated", "down", ...
    QStringList stateFlags; ///< Upper case flags: "DRAIN", "MAINTENANCE", "NOT_RESPONDING", ...
    QStringList partitions;
    QString reason;
    bool operator==(const SlurmNodeInfo &) const = default;
};

/// One GPU kind a node offers, from its gres string.
struct GresGpu
{
    QString model; ///< "a100"; empty when the gres has no type.
    int count = 0;
    bool operator==(const GresGpu &) const = default;
};

/// One partition as `scontrol show partition -o` prints it (22.05 has no --json for it).
struct SlurmPartitionInfo
{
    QString name;
    QString state;          ///< "UP", "DOWN", "DRAIN", "INACTIVE".
    bool isDefault = false;
    QString nodes;          ///< Host list expression ("vm", "n[01-04]").
    int totalCpus = 0;
    int totalNodes = 0;
    qint64 maxTimeSeconds = -1; ///< -1: unlimited.
    bool operator==(const SlurmPartitionInfo &) const = default;
};

/// One job (or array task) as squeue reports it.
struct SlurmJobInfo
{
    QString jobId;        ///< "123", or "100_7" for an array task.
    qint64 numericJobId = 0; ///< Slurm's own id of the record (for a pending array: the array id).
    qint64 arrayJobId = 0;   ///< 0 when not part of an array.
    int arrayTaskId = -1;    ///< -1 when not an array task.
    QString name;
    QString state;        ///< Upper-case Slurm word: "PENDING", "RUNNING", "COMPLETED", ...
    QString partition;
    QString nodes;
    qint64 submitTimeMs = 0;
    qint64 startTimeMs = 0; ///< 0 when not started (or only an estimate for a pending job).
    qint64 endTimeMs = 0;   ///< 0 when not ended; for a running job, its expected end.
    std::optional<int> exitCode; ///< Process return code, when known.
    int exitSignal = 0;
    QString reason;       ///< state_reason ("None", "Resources", "NonZeroExitCode", ...).
    qint64 timeLimitSeconds = -1; ///< -1: unlimited / not set.
    int cpus = 0;
    QString userName;
    QString comment;
    QString standardOutput; ///< The --output pattern as given (%j etc. not expanded).
    QString standardError;
    bool operator==(const SlurmJobInfo &) const = default;

    /// The deployment id from a "continuo:<id>" comment, or empty.
    QString deploymentId() const;
    /// standardOutput with %j, %A, %a, %x, %u, %% expanded (empty when none was recorded).
    QString resolvedOutputPath() const;
    /// Whether the job has reached a state it never leaves.
    bool isFinished() const;
};

/// The comment tag that marks our jobs ("continuo:<deploymentId>").
inline constexpr auto CommentTagPrefix = "continuo:";

/// Nodes of `sinfo --json`. Fails on text that is not such a document.
Result<QList<SlurmNodeInfo>> parseSinfoJson(const QByteArray &json);
/// Partitions of `scontrol show partition -o` (one `Key=Value ...` line per partition).
Result<QList<SlurmPartitionInfo>> parsePartitionsText(const QByteArray &text);
/// Jobs of `squeue --json` (OpenAPI v0.0.36..0.0.38 and the newer object-valued fields).
/// A pending array record ("array_task_string": "0,2-999%10") is expanded into one entry per
/// task, so callers see every task (squeue --json ignores -r).
Result<QList<SlurmJobInfo>> parseSqueueJson(const QByteArray &json);

/// Arguments for the text fallback (`squeue -h -r --states=all -o <format>`), for Slurm builds
/// without the JSON plugins. Fields are separated by the ASCII unit separator (0x1f); the job
/// name is last so a name with odd characters cannot shift the other fields.
QStringList squeueTextArguments();
/// Jobs of the text fallback. The text format has no exit code (exitCode stays empty) and
/// prints times in the cluster's local time zone, read here as this host's.
Result<QList<SlurmJobInfo>> parseSqueueText(const QByteArray &text);

/// Task ids of an array task string such as "0-3,7,10-20:5%4" (throttle suffix ignored).
/// Fails on malformed text or more than `limit` tasks.
Result<QList<int>> expandArrayTaskString(const QString &text, int limit = 1000000);

/// GPUs of a gres string ("gpu:a100:2,gpu:1(S:0-1),shard:4" -> a100 x2, "" x1).
QList<GresGpu> parseGres(const QString &gres);

/// Slurm time limit text ("UNLIMITED", "5:00", "1-02:03:04", "30") in seconds; -1 unlimited.
Result<qint64> parseSlurmDuration(const QString &text);
/// Seconds as Slurm --time text: "M:SS" under an hour, else "D-HH:MM:SS".
QString formatSlurmDuration(qint64 seconds);

/// A node's inventory state: idle/mixed/allocated/completing -> Ready, drain/draining ->
/// Draining, down/fail/not responding -> Down, maint -> Maintenance, else NotReady.
NodeState mapNodeState(const SlurmNodeInfo &node);

/// What a Slurm job state means for our deployment.
struct JobStateMapping
{
    DeploymentState state = DeploymentState::Unknown;
    QString message;
};

/// Map a job to a deployment state (see SlurmComputeBackend.h for the table).
/// `cancelledByUs`: we asked for the cancellation, so CANCELLED is a clean termination.
JobStateMapping mapJobState(const SlurmJobInfo &job, bool cancelledByUs);

} // namespace Continuo::Slurm
