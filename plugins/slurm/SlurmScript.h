#pragma once

#include "model/Workload.h"
#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Continuo::Slurm {

/// A file copied between this host and the cluster side.
struct StagedFile
{
    QString from;
    QString to;
    bool operator==(const StagedFile &) const = default;
};

/// A batch script ready for sbatch, and where its files go on the cluster side.
struct BatchScript
{
    QString jobName;
    QString jobDirectory; ///< <workDir>/<deployment id>; the job's working directory.
    QString scriptPath;   ///< <jobDirectory>/job.sh
    QString outputPath;   ///< --output pattern (may hold %j).
    QString errorPath;    ///< --error pattern (may hold %j).
    QByteArray text;
    QList<StagedFile> stageIn;  ///< local -> cluster, before sbatch.
    QList<StagedFile> stageOut; ///< cluster -> local, once the job completed.
};

/// Build the batch script of a deployment of an HPC workload. Directives:
///   --job-name     workload name (characters other than [A-Za-z0-9._-] become "_")
///   --partition    requirements.partition
///   --nodes        label "slurm.nodes" (default 1)
///   --ntasks       label "slurm.ntasks" (default 1)
///   --cpus-per-task request.cpuCores rounded up (omitted when 0)
///   --mem          request.memoryBytes in MiB, rounded up (omitted when 0)
///   --gres         gpu:N, or gpu:<model>:N with requirements.gpuModel lower-cased
///   --time         requirements.walltimeSeconds ("M:SS" or "D-HH:MM:SS"; omitted when 0)
///   --constraint   requirements.arch and the nodeSelector values joined with "&"
///   --account, --qos  labels "slurm.account", "slurm.qos"
///   --chdir        the job directory
///   --output/--error  labels "slurm.output"/"slurm.error", else <jobDirectory>/%j.out|.err
///   --comment      continuo:<deployment id> (recognises our jobs after a restart)
/// Staging labels: "slurm.stageIn" = "localPath:remotePath[,...]" (copied before sbatch),
/// "slurm.stageOut" = "remotePath:localPath[,...]" (copied back when the job completed);
/// relative cluster-side paths are relative to the job directory.
/// Body: workload.image is a script when it holds a newline or starts with "#!" (its shebang
/// line is dropped; the header has "#!/bin/bash"), else one command line run as is.
/// Fails on newlines or other control characters in names, partitions and directive values,
/// on malformed numbers or staging lists, and on an empty body.
Result<BatchScript> generateBatchScript(const Workload &workload, const Deployment &deployment,
                                        const QString &workDirectory);

} // namespace Continuo::Slurm
