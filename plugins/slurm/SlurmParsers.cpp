#include "SlurmParsers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Continuo::Slurm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Continuo::Slurm::Parsers", text);
}

/// A number in any of the shapes Slurm's OpenAPI versions use: a plain number, or
/// {"set": bool, "infinite": bool, "number": n} (0.0.39+). Null, unset or infinite: nothing.
std::optional<qint64> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.value(QLatin1String("set")).isBool() && !object.value(QLatin1String("set")).toBool())
            return std::nullopt;
        if (object.value(QLatin1String("infinite")).toBool())
            return std::nullopt;
        if (object.value(QLatin1String("number")).isDouble())
            return qint64(object.value(QLatin1String("number")).toDouble());
    }
    return std::nullopt;
}

bool isInfinite(const QJsonValue &value)
{
    return value.isObject() && value.toObject().value(QLatin1String("infinite")).toBool();
}

/// A string or a list of strings (newer versions give states and flags as lists).
QStringList stringsOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().isEmpty() ? QStringList() : QStringList{value.toString()};
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        result.append(item.toString());
    return result;
}

qint64 secondsToMs(std::optional<qint64> seconds)
{
    return seconds && *seconds > 0 ? *seconds * 1000 : 0;
}

Result<QJsonObject> parseDocument(const QByteArray &json, const char *what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (document.isNull())
        return makeError(tr("%1 printed no valid JSON: %2").arg(QLatin1String(what), error.errorString()));
    if (!document.isObject())
        return makeError(tr("%1 printed JSON that is not an object").arg(QLatin1String(what)));
    const QJsonObject root = document.object();
    const QJsonArray errors = root.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty()) {
        const QJsonObject first = errors.first().toObject();
        const QString description = first.value(QLatin1String("description")).toString().isEmpty()
                                        ? first.value(QLatin1String("error")).toString()
                                        : first.value(QLatin1String("description")).toString();
        return makeError(tr("%1 reported an error: %2").arg(QLatin1String(what), description));
    }
    return root;
}

/// The exit code of a job: a raw wait status (22.05: 768 = exit 3, 9 = signal 9) or an object
/// {"status": ..., "return_code": n | {"number": n}, "signal": {"id": n}} (newer versions).
void readExitCode(const QJsonValue &value, SlurmJobInfo &job)
{
    if (value.isDouble()) {
        const int status = int(value.toDouble());
        if ((status & 0x7f) == 0) {
            job.exitCode = (status >> 8) & 0xff;
        } else {
            job.exitSignal = status & 0x7f;
            job.exitCode = 128 + job.exitSignal;
        }
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    if (const auto code = numberOf(object.value(QLatin1String("return_code"))))
        job.exitCode = int(*code);
    const QJsonValue signal = object.value(QLatin1String("signal"));
    if (const auto id = numberOf(signal.isObject() ? signal.toObject().value(QLatin1String("id")) : signal))
        job.exitSignal = int(*id);
}

QString upperState(const QJsonValue &value)
{
    const QStringList states = stringsOf(value);
    return states.isEmpty() ? QString() : states.first().toUpper();
}

qint64 parseLocalTime(const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("N/A") || text == QLatin1String("NONE")
        || text == QLatin1String("Unknown"))
        return 0;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

} // namespace

QString SlurmJobInfo::deploymentId() const
{
    if (!comment.startsWith(QLatin1String(CommentTagPrefix)))
        return {};
    return comment.mid(int(qstrlen(CommentTagPrefix)));
}

QString SlurmJobInfo::resolvedOutputPath() const
{
    if (standardOutput.isEmpty())
        return {};
    QString result;
    for (int i = 0; i < standardOutput.size(); ++i) {
        const QChar c = standardOutput.at(i);
        if (c != QLatin1Char('%') || i + 1 >= standardOutput.size()) {
            result.append(c);
            continue;
        }
        const QChar spec = standardOutput.at(++i);
        switch (spec.unicode()) {
        case 'j':
            result.append(QString::number(numericJobId));
            break;
        case 'A':
            result.append(QString::number(arrayJobId > 0 ? arrayJobId : numericJobId));
            break;
        case 'a':
            result.append(QString::number(arrayTaskId >= 0 ? arrayTaskId : 4294967294LL));
            break;
        case 'x':
            result.append(name);
            break;
        case 'u':
            result.append(userName);
            break;
        case '%':
            result.append(QLatin1Char('%'));
            break;
        default:
            result.append(QLatin1Char('%')).append(spec);
        }
    }
    return result;
}

bool SlurmJobInfo::isFinished() const
{
    static const QStringList running = {
        QStringLiteral("PENDING"),   QStringLiteral("CONFIGURING"), QStringLiteral("RUNNING"),
        QStringLiteral("COMPLETING"), QStringLiteral("SUSPENDED"),  QStringLiteral("STOPPED"),
        QStringLiteral("REQUEUED"),  QStringLiteral("REQUEUE_FED"), QStringLiteral("REQUEUE_HOLD"),
        QStringLiteral("RESIZING"),  QStringLiteral("SIGNALING"),   QStringLiteral("STAGE_OUT"),
        QStringLiteral("RESV_DEL_HOLD")};
    return !running.contains(state);
}

Result<QList<SlurmNodeInfo>> parseSinfoJson(const QByteArray &json)
{
    auto root = parseDocument(json, "sinfo --json");
    if (!root)
        return makeError(root.error());
    if (!root->value(QLatin1String("nodes")).isArray())
        return makeError(tr("sinfo --json printed no \"nodes\" list"));
    QList<SlurmNodeInfo> nodes;
    const QJsonArray array = root->value(QLatin1String("nodes")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        SlurmNodeInfo node;
        node.name = object.value(QLatin1String("name")).toString();
        if (node.name.isEmpty())
            continue;
        node.architecture = object.value(QLatin1String("architecture")).toString();
        node.cpus = int(numberOf(object.value(QLatin1String("cpus"))).value_or(0));
        node.allocatedCpus = int(numberOf(object.value(QLatin1String("alloc_cpus"))).value_or(0));
        node.idleCpus = int(numberOf(object.value(QLatin1String("idle_cpus")))
                                .value_or(qMax(0, node.cpus - node.allocatedCpus)));
        node.realMemoryMiB = numberOf(object.value(QLatin1String("real_memory"))).value_or(0);
        node.freeMemoryMiB = numberOf(object.value(QLatin1String("free_memory"))).value_or(0);
        node.gres = object.value(QLatin1String("gres")).toString();
        QString features = object.value(QLatin1String("active_features")).toString();
        if (features.isEmpty())
            features = object.value(QLatin1String("features")).toString();
        // Newer versions give features as lists.
        if (features.isEmpty()) {
            node.features = stringsOf(object.value(QLatin1String("active_features")));
            if (node.features.isEmpty())
                node.features = stringsOf(object.value(QLatin1String("features")));
        } else {
            node.features = features.split(QLatin1Char(','), Qt::SkipEmptyParts);
        }
        const QStringList states = stringsOf(object.value(QLatin1String("state")));
        if (!states.isEmpty())
            node.state = states.first().toLower();
        for (int i = 1; i < states.size(); ++i)
            node.stateFlags.append(states.at(i).toUpper());
        for (const QString &flag : stringsOf(object.value(QLatin1String("state_flags"))))
            node.stateFlags.append(flag.toUpper());
        node.partitions = stringsOf(object.value(QLatin1String("partitions")));
        node.reason = object.value(QLatin1String("reason")).toString();
        nodes.append(node);
    }
    return nodes;
}

Result<QList<SlurmPartitionInfo>> parsePartitionsText(const QByteArray &text)
{
    QList<SlurmPartitionInfo> partitions;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &rawLine : lines) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty())
            continue;
        if (!line.startsWith(QLatin1String("PartitionName=")))
            return makeError(tr("unexpected line in scontrol show partition output: %1").arg(line.left(120)));
        SlurmPartitionInfo partition;
        const QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &field : fields) {
            const qsizetype equals = field.indexOf(QLatin1Char('='));
            if (equals <= 0)
                continue;
            const QString key = field.left(equals);
            const QString value = field.mid(equals + 1);
            if (key == QLatin1String("PartitionName"))
                partition.name = value;
            else if (key == QLatin1String("State"))
                partition.state = value;
            else if (key == QLatin1String("Default"))
                partition.isDefault = value == QLatin1String("YES");
            else if (key == QLatin1String("Nodes"))
                partition.nodes = value == QLatin1String("(null)") ? QString() : value;
            else if (key == QLatin1String("TotalCPUs"))
                partition.totalCpus = value.toInt();
            else if (key == QLatin1String("TotalNodes"))
                partition.totalNodes = value.toInt();
            else if (key == QLatin1String("MaxTime"))
                partition.maxTimeSeconds = parseSlurmDuration(value).valueOr(-1);
        }
        if (partition.name.isEmpty())
            return makeError(tr("partition without a name: %1").arg(line.left(120)));
        partitions.append(partition);
    }
    return partitions;
}

Result<QList<SlurmJobInfo>> parseSqueueJson(const QByteArray &json)
{
    auto root = parseDocument(json, "squeue --json");
    if (!root)
        return makeError(root.error());
    if (!root->value(QLatin1String("jobs")).isArray())
        return makeError(tr("squeue --json printed no \"jobs\" list"));
    const QJsonArray array = root->value(QLatin1String("jobs")).toArray();
    QList<SlurmJobInfo> jobs;
    jobs.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        SlurmJobInfo job;
        job.numericJobId = numberOf(object.value(QLatin1String("job_id"))).value_or(0);
        if (job.numericJobId <= 0)
            continue;
        job.arrayJobId = numberOf(object.value(QLatin1String("array_job_id"))).value_or(0);
        job.arrayTaskId = int(numberOf(object.value(QLatin1String("array_task_id"))).value_or(-1));
        job.name = object.value(QLatin1String("name")).toString();
        job.state = upperState(object.value(QLatin1String("job_state")));
        job.partition = object.value(QLatin1String("partition")).toString();
        job.nodes = object.value(QLatin1String("nodes")).toString();
        job.submitTimeMs = secondsToMs(numberOf(object.value(QLatin1String("submit_time"))));
        job.startTimeMs = secondsToMs(numberOf(object.value(QLatin1String("start_time"))));
        job.endTimeMs = secondsToMs(numberOf(object.value(QLatin1String("end_time"))));
        readExitCode(object.value(QLatin1String("exit_code")), job);
        job.reason = object.value(QLatin1String("state_reason")).toString();
        const QJsonValue timeLimit = object.value(QLatin1String("time_limit"));
        if (const auto minutes = numberOf(timeLimit); minutes && !isInfinite(timeLimit))
            job.timeLimitSeconds = *minutes * 60;
        job.cpus = int(numberOf(object.value(QLatin1String("cpus"))).value_or(0));
        job.userName = object.value(QLatin1String("user_name")).toString();
        job.comment = object.value(QLatin1String("comment")).toString();
        job.standardOutput = object.value(QLatin1String("standard_output")).toString();
        job.standardError = object.value(QLatin1String("standard_error")).toString();

        const QString taskString = object.value(QLatin1String("array_task_string")).toString();
        if (job.arrayJobId > 0 && job.arrayTaskId < 0 && !taskString.isEmpty()) {
            // The record of the array's not-yet-split tasks: one entry per task.
            auto tasks = expandArrayTaskString(taskString);
            if (!tasks)
                return makeError(tr("job %1: %2").arg(job.numericJobId).arg(tasks.error()));
            for (int task : std::as_const(*tasks)) {
                SlurmJobInfo entry = job;
                entry.arrayTaskId = task;
                entry.jobId = QStringLiteral("%1_%2").arg(job.arrayJobId).arg(task);
                jobs.append(std::move(entry));
            }
            continue;
        }
        job.jobId = job.arrayJobId > 0 && job.arrayTaskId >= 0
                        ? QStringLiteral("%1_%2").arg(job.arrayJobId).arg(job.arrayTaskId)
                        : QString::number(job.numericJobId);
        jobs.append(std::move(job));
    }
    return jobs;
}

QStringList squeueTextArguments()
{
    static const QString format = QStringList{
        QStringLiteral("%i"), QStringLiteral("%A"), QStringLiteral("%F"), QStringLiteral("%K"),
        QStringLiteral("%T"), QStringLiteral("%P"), QStringLiteral("%N"), QStringLiteral("%V"),
        QStringLiteral("%S"), QStringLiteral("%e"), QStringLiteral("%l"), QStringLiteral("%C"),
        QStringLiteral("%u"), QStringLiteral("%r"), QStringLiteral("%k"), QStringLiteral("%j")}
                                      .join(QChar(0x1f));
    return {QStringLiteral("squeue"), QStringLiteral("-h"), QStringLiteral("-r"),
            QStringLiteral("--states=all"), QStringLiteral("-o"), format};
}

Result<QList<SlurmJobInfo>> parseSqueueText(const QByteArray &text)
{
    constexpr int FieldCount = 16;
    QList<SlurmJobInfo> jobs;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &rawLine : lines) {
        if (rawLine.trimmed().isEmpty())
            continue;
        const QStringList fields = QString::fromUtf8(rawLine).split(QChar(0x1f));
        if (fields.size() < FieldCount)
            return makeError(tr("squeue line with %1 fields instead of %2: %3")
                                 .arg(fields.size())
                                 .arg(FieldCount)
                                 .arg(QString::fromUtf8(rawLine.left(120))));
        auto none = [](const QString &value) {
            return value == QLatin1String("(null)") || value == QLatin1String("N/A") ? QString() : value;
        };
        SlurmJobInfo job;
        job.jobId = fields.at(0);
        bool ok = false;
        job.numericJobId = fields.at(1).toLongLong(&ok);
        if (!ok)
            return makeError(tr("squeue line with job id \"%1\"").arg(fields.at(1)));
        const qint64 arrayJobId = fields.at(2).toLongLong();
        job.arrayTaskId = fields.at(3).toInt(&ok);
        if (!ok)
            job.arrayTaskId = -1;
        job.arrayJobId = job.arrayTaskId >= 0 ? arrayJobId : 0;
        job.state = fields.at(4).toUpper();
        job.partition = fields.at(5);
        job.nodes = fields.at(6);
        job.submitTimeMs = parseLocalTime(fields.at(7));
        job.startTimeMs = parseLocalTime(fields.at(8));
        job.endTimeMs = parseLocalTime(fields.at(9));
        job.timeLimitSeconds = parseSlurmDuration(fields.at(10)).valueOr(-1);
        job.cpus = fields.at(11).toInt();
        job.userName = fields.at(12);
        job.reason = fields.at(13);
        job.comment = none(fields.at(14));
        // The name is last and may itself contain the separator.
        job.name = fields.mid(15).join(QChar(0x1f));
        jobs.append(std::move(job));
    }
    return jobs;
}

Result<QList<int>> expandArrayTaskString(const QString &text, int limit)
{
    QString body = text.trimmed();
    const qsizetype throttle = body.indexOf(QLatin1Char('%'));
    if (throttle >= 0)
        body.truncate(throttle);
    QList<int> tasks;
    const QStringList parts = body.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return makeError(tr("empty array task list \"%1\"").arg(text));
    static const QRegularExpression range(QStringLiteral("^(\\d+)(?:-(\\d+)(?::(\\d+))?)?$"));
    for (const QString &part : parts) {
        const QRegularExpressionMatch match = range.match(part.trimmed());
        if (!match.hasMatch())
            return makeError(tr("malformed array task list \"%1\"").arg(text));
        const qint64 first = match.captured(1).toLongLong();
        const qint64 last = match.captured(2).isEmpty() ? first : match.captured(2).toLongLong();
        const qint64 step = match.captured(3).isEmpty() ? 1 : match.captured(3).toLongLong();
        if (last < first || step <= 0)
            return makeError(tr("malformed array task range \"%1\"").arg(part));
        if ((last - first) / step + 1 + tasks.size() > limit)
            return makeError(tr("array task list \"%1\" has more than %2 tasks").arg(text).arg(limit));
        for (qint64 task = first; task <= last; task += step)
            tasks.append(int(task));
    }
    return tasks;
}

QList<GresGpu> parseGres(const QString &gres)
{
    QList<GresGpu> gpus;
    // "gpu:a100:2(S:0-1),gpu:1,shard:8": drop the socket annotations, keep gpu entries.
    static const QRegularExpression annotation(QStringLiteral("\\([^)]*\\)"));
    QString cleaned = gres;
    cleaned.remove(annotation);
    const QStringList entries = cleaned.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const QStringList parts = entry.trimmed().split(QLatin1Char(':'));
        if (parts.isEmpty() || parts.first() != QLatin1String("gpu"))
            continue;
        GresGpu gpu;
        gpu.count = 1;
        if (parts.size() == 2) {
            bool ok = false;
            const int count = parts.at(1).toInt(&ok);
            if (ok)
                gpu.count = count;
            else
                gpu.model = parts.at(1);
        } else if (parts.size() >= 3) {
            gpu.model = parts.at(1);
            bool ok = false;
            const int count = parts.at(2).toInt(&ok);
            gpu.count = ok ? count : 1;
        }
        if (gpu.count > 0)
            gpus.append(gpu);
    }
    return gpus;
}

Result<qint64> parseSlurmDuration(const QString &rawText)
{
    const QString text = rawText.trimmed();
    if (text.compare(QLatin1String("UNLIMITED"), Qt::CaseInsensitive) == 0
        || text.compare(QLatin1String("INFINITE"), Qt::CaseInsensitive) == 0
        || text == QLatin1String("NONE") || text == QLatin1String("N/A"))
        return qint64(-1);
    static const QRegularExpression pattern(
        QStringLiteral("^(?:(\\d+)-)?(\\d+)(?::(\\d+))?(?::(\\d+))?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return makeError(tr("\"%1\" is not a Slurm time").arg(rawText));
    const bool hasDays = !match.captured(1).isEmpty();
    const qint64 days = match.captured(1).toLongLong();
    const qint64 a = match.captured(2).toLongLong();
    const bool hasB = !match.captured(3).isEmpty();
    const bool hasC = !match.captured(4).isEmpty();
    const qint64 b = match.captured(3).toLongLong();
    const qint64 c = match.captured(4).toLongLong();
    qint64 seconds = 0;
    if (hasDays) {
        // days-hours[:minutes[:seconds]]
        seconds = days * 86400 + a * 3600 + b * 60 + c;
    } else if (hasC) {
        seconds = a * 3600 + b * 60 + c; // hours:minutes:seconds
    } else if (hasB) {
        seconds = a * 60 + b;            // minutes:seconds
    } else {
        seconds = a * 60;                // minutes
    }
    return seconds;
}

QString formatSlurmDuration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("UNLIMITED");
    if (seconds < 3600)
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    return QStringLiteral("%1-%2:%3:%4")
        .arg(days)
        .arg(hours, 2, 10, QLatin1Char('0'))
        .arg(minutes, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

NodeState mapNodeState(const SlurmNodeInfo &node)
{
    const QString base = node.state.toLower();
    const QStringList &flags = node.stateFlags;
    auto hasFlag = [&flags](const char *flag) { return flags.contains(QLatin1String(flag)); };
    if (base == QLatin1String("down") || base == QLatin1String("fail") || base == QLatin1String("future")
        || base == QLatin1String("unknown") || hasFlag("FAIL") || hasFlag("NOT_RESPONDING")
        || hasFlag("FAILING"))
        return NodeState::Down;
    if (hasFlag("MAINTENANCE") || base.startsWith(QLatin1String("maint")) || hasFlag("REBOOT_ISSUED")
        || hasFlag("REBOOT_REQUESTED"))
        return NodeState::Maintenance;
    if (hasFlag("DRAIN") || hasFlag("DRAINING") || hasFlag("DRAINED")
        || base.startsWith(QLatin1String("drain")))
        return NodeState::Draining;
    if (base == QLatin1String("idle") || base == QLatin1String("mixed")
        || base == QLatin1String("allocated") || base == QLatin1String("completing"))
        return NodeState::Ready;
    return NodeState::NotReady;
}

JobStateMapping mapJobState(const SlurmJobInfo &job, bool cancelledByUs)
{
    using S = DeploymentState;
    const QString &state = job.state;
    const QString id = job.jobId;
    auto withReason = [&job](QString message) {
        if (!job.reason.isEmpty() && job.reason != QLatin1String("None"))
            message += QStringLiteral(" (%1)").arg(job.reason);
        return message;
    };
    auto exitText = [&job]() {
        if (!job.exitCode)
            return QStringLiteral("exit code unknown");
        if (job.exitSignal > 0)
            return QStringLiteral("signal %1").arg(job.exitSignal);
        return QStringLiteral("exit %1").arg(*job.exitCode);
    };
    if (state == QLatin1String("PENDING") || state == QLatin1String("CONFIGURING")
        || state == QLatin1String("REQUEUED") || state == QLatin1String("REQUEUE_FED")
        || state == QLatin1String("REQUEUE_HOLD") || state == QLatin1String("RESIZING"))
        return {S::InDeployment, withReason(QStringLiteral("job %1 %2").arg(id, state.toLower()))};
    if (state == QLatin1String("RUNNING") || state == QLatin1String("COMPLETING")
        || state == QLatin1String("SIGNALING") || state == QLatin1String("STAGE_OUT"))
        return {S::Deployed, QStringLiteral("job %1 %2 on %3")
                                 .arg(id, state.toLower(), job.nodes.isEmpty() ? QStringLiteral("?") : job.nodes)};
    if (state == QLatin1String("SUSPENDED") || state == QLatin1String("STOPPED"))
        return {S::Deployed, QStringLiteral("job %1 %2").arg(id, state.toLower())};
    if (state == QLatin1String("COMPLETED")) {
        if (job.exitCode && *job.exitCode != 0) // A zero-exit batch step with a failed step.
            return {S::Failed, QStringLiteral("job %1 completed, %2").arg(id, exitText())};
        return {S::Terminated, QStringLiteral("job %1 completed, exit 0").arg(id)};
    }
    if (state == QLatin1String("CANCELLED")) {
        if (cancelledByUs)
            return {S::Terminated, QStringLiteral("job %1 cancelled").arg(id)};
        return {S::Failed, withReason(QStringLiteral("job %1 cancelled by unknown (not through Continuo)").arg(id))};
    }
    static const QStringList failures = {
        QStringLiteral("FAILED"),    QStringLiteral("TIMEOUT"),    QStringLiteral("OUT_OF_MEMORY"),
        QStringLiteral("NODE_FAIL"), QStringLiteral("PREEMPTED"),  QStringLiteral("BOOT_FAIL"),
        QStringLiteral("DEADLINE"),  QStringLiteral("REVOKED"),    QStringLiteral("SPECIAL_EXIT")};
    if (failures.contains(state))
        return {S::Failed, withReason(QStringLiteral("job %1 %2, %3").arg(id, state, exitText()))};
    return {S::Unknown, QStringLiteral("job %1 in unknown state \"%2\"").arg(id, state)};
}

} // namespace Continuo::Slurm
