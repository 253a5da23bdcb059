#include "SlurmScript.h"

#include "SlurmParsers.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace Continuo::Slurm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Continuo::Slurm::Script", text);
}

bool hasControlCharacters(const QString &value)
{
    return std::any_of(value.cbegin(), value.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

/// A value that goes into a #SBATCH line verbatim: no control characters, no spaces, no quotes.
Result<QString> directiveValue(const QString &what, const QString &value)
{
    if (hasControlCharacters(value))
        return makeError(tr("%1 \"%2\" contains a newline or another control character")
                             .arg(what, QString(value).replace(QLatin1Char('\n'), QLatin1String("\\n"))));
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_.,:@%+=/&|~\\-\\[\\]]+$"));
    if (!safe.match(value).hasMatch())
        return makeError(tr("%1 \"%2\" contains characters Slurm does not accept there").arg(what, value));
    return value;
}

Result<int> positiveLabel(const Labels &labels, const QString &key, int fallback)
{
    if (!labels.contains(key))
        return fallback;
    bool ok = false;
    const int value = labels.value(key).trimmed().toInt(&ok);
    if (!ok || value <= 0)
        return makeError(tr("label %1 = \"%2\" is not a positive number").arg(key, labels.value(key)));
    return value;
}

QString clusterPath(const QString &path, const QString &jobDirectory)
{
    return path.startsWith(QLatin1Char('/')) ? path : jobDirectory + QLatin1Char('/') + path;
}

Result<QList<StagedFile>> stagingList(const Labels &labels, const QString &key, bool remoteFirst,
                                      const QString &jobDirectory)
{
    QList<StagedFile> files;
    const QString text = labels.value(key).trimmed();
    if (text.isEmpty())
        return files;
    if (hasControlCharacters(text))
        return makeError(tr("label %1 contains a newline or another control character").arg(key));
    const QStringList entries = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &rawEntry : entries) {
        const QString entry = rawEntry.trimmed();
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == entry.size() - 1 || entry.indexOf(QLatin1Char(':'), colon + 1) >= 0)
            return makeError(tr("label %1: \"%2\" is not \"%3\"")
                                 .arg(key, entry,
                                      remoteFirst ? QStringLiteral("remotePath:localPath")
                                                  : QStringLiteral("localPath:remotePath")));
        const QString first = entry.left(colon);
        const QString second = entry.mid(colon + 1);
        if (remoteFirst)
            files.append({clusterPath(first, jobDirectory), second});
        else
            files.append({first, clusterPath(second, jobDirectory)});
    }
    return files;
}

} // namespace

Result<BatchScript> generateBatchScript(const Workload &workload, const Deployment &deployment,
                                        const QString &workDirectory)
{
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_.:@+\\-]+$"));
    if (deployment.id.isEmpty() || !idPattern.match(deployment.id).hasMatch())
        return makeError(tr("deployment id \"%1\" cannot tag a Slurm job (letters, digits and ._:@+- only)")
                             .arg(QString(deployment.id).replace(QLatin1Char('\n'), QLatin1String("\\n"))));
    if (hasControlCharacters(workload.name))
        return makeError(tr("workload name \"%1\" contains a newline or another control character")
                             .arg(QString(workload.name).replace(QLatin1Char('\n'), QLatin1String("\\n"))));
    if (workDirectory.isEmpty() || hasControlCharacters(workDirectory))
        return makeError(tr("the cluster work directory \"%1\" is not usable").arg(workDirectory));

    BatchScript script;
    QString dirName = deployment.id;
    dirName.replace(QLatin1Char(':'), QLatin1Char('_'));
    script.jobDirectory = workDirectory + QLatin1Char('/') + dirName;
    script.scriptPath = script.jobDirectory + QLatin1String("/job.sh");

    QString name = workload.name.isEmpty() ? workload.id : workload.name;
    static const QRegularExpression unsafeName(QStringLiteral("[^A-Za-z0-9._\\-]"));
    name.replace(unsafeName, QStringLiteral("_"));
    if (name.isEmpty())
        name = QStringLiteral("continuo");
    script.jobName = name.left(128);

    const Labels &labels = workload.labels;
    QStringList lines;
    lines << QStringLiteral("#!/bin/bash");
    auto directive = [&lines](const QString &option, const QString &value) {
        lines << QStringLiteral("#SBATCH --%1=%2").arg(option, value);
    };
    directive(QStringLiteral("job-name"), script.jobName);

    if (!workload.requirements.partition.isEmpty()) {
        auto partition = directiveValue(tr("partition"), workload.requirements.partition);
        if (!partition)
            return makeError(partition.error());
        directive(QStringLiteral("partition"), *partition);
    }
    auto nodes = positiveLabel(labels, QStringLiteral("slurm.nodes"), 1);
    if (!nodes)
        return makeError(nodes.error());
    auto tasks = positiveLabel(labels, QStringLiteral("slurm.ntasks"), 1);
    if (!tasks)
        return makeError(tasks.error());
    directive(QStringLiteral("nodes"), QString::number(*nodes));
    directive(QStringLiteral("ntasks"), QString::number(*tasks));

    const ResourceRequest &request = workload.request;
    if (request.cpuCores < 0 || request.memoryBytes < 0 || request.gpuCount < 0)
        return makeError(tr("negative resource request"));
    if (request.cpuCores > 0)
        directive(QStringLiteral("cpus-per-task"), QString::number(int(std::ceil(request.cpuCores - 1e-9))));
    if (request.memoryBytes > 0) {
        constexpr qint64 MiB = 1024 * 1024;
        directive(QStringLiteral("mem"), QStringLiteral("%1M").arg((request.memoryBytes + MiB - 1) / MiB));
    }
    if (request.gpuCount > 0) {
        QString gres = QStringLiteral("gpu:%1").arg(request.gpuCount);
        if (!workload.requirements.gpuModel.isEmpty()) {
            auto model = directiveValue(tr("GPU model"), workload.requirements.gpuModel.toLower());
            if (!model)
                return makeError(model.error());
            gres = QStringLiteral("gpu:%1:%2").arg(*model).arg(request.gpuCount);
        }
        directive(QStringLiteral("gres"), gres);
    }
    if (workload.requirements.walltimeSeconds < 0)
        return makeError(tr("negative wall time"));
    if (workload.requirements.walltimeSeconds > 0)
        directive(QStringLiteral("time"), formatSlurmDuration(workload.requirements.walltimeSeconds));

    QStringList constraints;
    if (!workload.requirements.arch.isEmpty())
        constraints << workload.requirements.arch;
    for (auto it = workload.requirements.nodeSelector.cbegin(); it != workload.requirements.nodeSelector.cend(); ++it)
        constraints << it.value();
    for (const QString &constraint : std::as_const(constraints)) {
        static const QRegularExpression feature(QStringLiteral("^[A-Za-z0-9_.\\-]+$"));
        if (!feature.match(constraint).hasMatch())
            return makeError(tr("constraint \"%1\" is not a Slurm feature name")
                                 .arg(QString(constraint).replace(QLatin1Char('\n'), QLatin1String("\\n"))));
    }
    if (!constraints.isEmpty())
        directive(QStringLiteral("constraint"), constraints.join(QLatin1Char('&')));

    for (const auto &[label, option] : {std::pair{"slurm.account", "account"}, std::pair{"slurm.qos", "qos"}}) {
        const QString key = QLatin1String(label);
        if (!labels.contains(key))
            continue;
        auto value = directiveValue(key, labels.value(key));
        if (!value)
            return makeError(value.error());
        directive(QLatin1String(option), *value);
    }

    script.outputPath = script.jobDirectory + QLatin1String("/%j.out");
    script.errorPath = script.jobDirectory + QLatin1String("/%j.err");
    if (labels.contains(QStringLiteral("slurm.output"))) {
        auto value = directiveValue(QStringLiteral("slurm.output"), labels.value(QStringLiteral("slurm.output")));
        if (!value)
            return makeError(value.error());
        script.outputPath = clusterPath(*value, script.jobDirectory);
    }
    if (labels.contains(QStringLiteral("slurm.error"))) {
        auto value = directiveValue(QStringLiteral("slurm.error"), labels.value(QStringLiteral("slurm.error")));
        if (!value)
            return makeError(value.error());
        script.errorPath = clusterPath(*value, script.jobDirectory);
    }
    auto directory = directiveValue(tr("job directory"), script.jobDirectory);
    if (!directory)
        return makeError(directory.error());
    directive(QStringLiteral("chdir"), script.jobDirectory);
    directive(QStringLiteral("output"), script.outputPath);
    directive(QStringLiteral("error"), script.errorPath);
    directive(QStringLiteral("comment"), QLatin1String(CommentTagPrefix) + deployment.id);

    auto stageIn = stagingList(labels, QStringLiteral("slurm.stageIn"), false, script.jobDirectory);
    if (!stageIn)
        return makeError(stageIn.error());
    auto stageOut = stagingList(labels, QStringLiteral("slurm.stageOut"), true, script.jobDirectory);
    if (!stageOut)
        return makeError(stageOut.error());
    script.stageIn = *stageIn;
    script.stageOut = *stageOut;

    QString body = workload.image;
    body.remove(QLatin1Char('\r'));
    const bool isScript = body.contains(QLatin1Char('\n')) || body.startsWith(QLatin1String("#!"));
    if (isScript && body.startsWith(QLatin1String("#!"))) {
        const qsizetype newline = body.indexOf(QLatin1Char('\n'));
        body = newline < 0 ? QString() : body.mid(newline + 1);
    }
    if (body.trimmed().isEmpty())
        return makeError(tr("workload \"%1\" has no job script or command (image is empty)").arg(workload.name));
    lines << QString();
    lines << body;
    QString text = lines.join(QLatin1Char('\n'));
    if (!text.endsWith(QLatin1Char('\n')))
        text.append(QLatin1Char('\n'));
    script.text = text.toUtf8();
    return script;
}

} // namespace Continuo::Slurm
