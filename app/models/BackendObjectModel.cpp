#include "models/BackendObjectModel.h"

#include "control/IControlPlane.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace Continuo::Gui {

namespace {

double number(const BackendObject &object, const char *key, double fallback = -1.0)
{
    const QVariant value = object.properties.value(QLatin1String(key));
    bool ok = false;
    const double result = value.toDouble(&ok);
    return ok ? result : fallback;
}

QString bytesText(double bytes)
{
    if (bytes >= 1024.0 * 1024 * 1024)
        return QStringLiteral("%1 GiB").arg(bytes / (1024.0 * 1024 * 1024), 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(qRound64(bytes / (1024.0 * 1024)));
}

bool isJob(const BackendObject &object)
{
    return object.kind == QLatin1String("slurm.job");
}

bool isDomain(const BackendObject &object)
{
    return object.kind == QLatin1String("libvirt.domain");
}

bool isPartition(const BackendObject &object)
{
    return object.kind == QLatin1String("slurm.partition");
}

} // namespace

BackendObjectModel::BackendObjectModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_timer.setInterval(RefreshInterval);
    connect(&m_timer, &QTimer::timeout, this, &BackendObjectModel::refresh);
}

void BackendObjectModel::setControlPlane(IControlPlane *controlPlane)
{
    m_controlPlane = controlPlane;
    m_inFlight = false;
    if (!controlPlane) {
        m_timer.stop();
        setObjects({}, QDateTime::currentMSecsSinceEpoch());
        return;
    }
    refresh();
    m_timer.start();
}

void BackendObjectModel::refresh()
{
    if (!m_controlPlane || m_inFlight)
        return;
    m_inFlight = true;
    QPointer<IControlPlane> asked = m_controlPlane;
    m_controlPlane->listBackendObjects({}, {}, this,
                                       [this, asked](const Result<QList<BackendObject>> &result) {
        m_inFlight = false;
        if (asked != m_controlPlane)
            return;
        if (!result) {
            m_lastError = result.error();
            Q_EMIT refreshFailed(m_lastError);
            return;
        }
        m_lastError.clear();
        setObjects(*result, QDateTime::currentMSecsSinceEpoch());
    });
}

void BackendObjectModel::setObjects(const QList<BackendObject> &objects, qint64 nowMs)
{
    m_nowMs = nowMs;
    QSet<QString> fresh;
    fresh.reserve(objects.size());
    for (const BackendObject &object : objects)
        fresh.insert(object.id);

    // Removed objects, from the bottom up so the rows above stay valid.
    for (int row = int(m_objects.size()) - 1; row >= 0; --row) {
        if (fresh.contains(m_objects.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_cpuSamples.remove(m_objects.at(row).id);
        m_cpuUse.remove(m_objects.at(row).id);
        m_objects.removeAt(row);
        endRemoveRows();
    }
    m_rows.clear();
    for (int row = 0; row < m_objects.size(); ++row)
        m_rows.insert(m_objects.at(row).id, row);

    for (const BackendObject &object : objects) {
        // CPU use of a domain: cpu time consumed per wall second per vCPU since the last look.
        const double cpuSeconds = number(object, "cpuSeconds");
        if (isDomain(object) && cpuSeconds >= 0) {
            const CpuSample previous = m_cpuSamples.value(object.id);
            const double vcpus = std::max(1.0, number(object, "vcpus", 1.0));
            if (previous.cpuSeconds >= 0 && nowMs > previous.atMs && cpuSeconds >= previous.cpuSeconds)
                m_cpuUse.insert(object.id, std::clamp((cpuSeconds - previous.cpuSeconds) * 1000.0
                                                          / double(nowMs - previous.atMs) / vcpus,
                                                      0.0, 1.0));
            m_cpuSamples.insert(object.id, {cpuSeconds, nowMs});
        }
        const int row = m_rows.value(object.id, -1);
        if (row < 0) {
            const int at = int(m_objects.size());
            beginInsertRows({}, at, at);
            m_objects.append(object);
            m_rows.insert(object.id, at);
            endInsertRows();
        } else {
            // Usage changes with time even when the object does not (job run time).
            m_objects[row] = object;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    Q_EMIT objectsRefreshed(m_objects);
}

const BackendObject *BackendObjectModel::find(const QString &objectId) const
{
    const int row = rowOf(objectId);
    return row < 0 ? nullptr : &m_objects.at(row);
}

QString BackendObjectModel::kindText(const QString &kind)
{
    if (kind == QLatin1String("slurm.job"))
        return tr("Slurm job");
    if (kind == QLatin1String("slurm.partition"))
        return tr("Slurm partition");
    if (kind == QLatin1String("libvirt.domain"))
        return tr("Virtual machine");
    return kind;
}

QString BackendObjectModel::durationText(double ms)
{
    if (ms < 0)
        return QStringLiteral("–");
    if (ms < 1.0)
        return tr("%1 ms").arg(ms, 0, 'f', 2);
    if (ms < 1000.0)
        return tr("%1 ms").arg(ms, 0, 'f', ms < 10 ? 1 : 0);
    if (ms < 60'000.0)
        return tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    const qint64 seconds = qint64(ms / 1000.0);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString BackendObjectModel::usageText(const BackendObject &object) const
{
    if (isDomain(object)) {
        const double use = cpuUse(object.id);
        return use < 0 ? QStringLiteral("–") : tr("CPU %1 %").arg(use * 100.0, 0, 'f', 1);
    }
    if (isJob(object)) {
        const double start = number(object, "startTimeMs");
        const double end = number(object, "endTimeMs");
        if (start <= 0)
            return QStringLiteral("–");
        const double until = end > start ? end : double(m_nowMs);
        return tr("ran %1").arg(durationText(until - start));
    }
    if (isPartition(object)) {
        const double idle = number(object, "cpusIdle");
        const double total = number(object, "cpusTotal");
        if (total > 0 && idle >= 0)
            return tr("%1/%2 CPUs idle").arg(idle).arg(total);
    }
    return QStringLiteral("–");
}

QString BackendObjectModel::detailsText(const BackendObject &object) const
{
    QStringList parts;
    if (isDomain(object)) {
        const double vcpus = number(object, "vcpus");
        const double memory = number(object, "memoryBytes");
        if (vcpus > 0)
            parts << tr("%n vCPU(s)", nullptr, int(vcpus));
        if (memory > 0)
            parts << bytesText(memory);
        const QString hypervisor = object.properties.value(QStringLiteral("hypervisor")).toString();
        if (!hypervisor.isEmpty())
            parts << hypervisor;
        if (!object.phases.isEmpty())
            parts << tr("up in %1").arg(durationText(object.phases.constLast().sinceStartMs));
    } else if (isJob(object)) {
        const QString partition = object.properties.value(QStringLiteral("partition")).toString();
        if (!partition.isEmpty())
            parts << partition;
        const double cpus = number(object, "cpus");
        if (cpus > 0)
            parts << tr("%n CPU(s)", nullptr, int(cpus));
        const QVariant exitCode = object.properties.value(QStringLiteral("exitCode"));
        if (exitCode.isValid() && !exitCode.toString().isEmpty())
            parts << tr("exit %1").arg(exitCode.toString());
        const QString reason = object.properties.value(QStringLiteral("reason")).toString();
        if (!reason.isEmpty() && reason != QLatin1String("None"))
            parts << reason;
    } else if (isPartition(object)) {
        const double nodes = number(object, "nodesTotal");
        const double running = number(object, "jobsRunning");
        const double pending = number(object, "jobsPending");
        if (nodes >= 0)
            parts << tr("%n node(s)", nullptr, int(nodes));
        if (running >= 0)
            parts << tr("%1 running").arg(running);
        if (pending >= 0)
            parts << tr("%1 pending").arg(pending);
    }
    if (!object.deploymentId.isEmpty())
        parts << tr("deployment %1").arg(object.deploymentId);
    return parts.join(QStringLiteral(" · "));
}

QVariant BackendObjectModel::sortValue(const BackendObject &object, int column) const
{
    switch (column) {
    case UsageColumn:
        if (isDomain(object))
            return cpuUse(object.id);
        return number(object, isJob(object) ? "startTimeMs" : "cpusIdle");
    case NameColumn: {
        // Job ids sort numerically.
        bool ok = false;
        const qint64 id = object.name.toLongLong(&ok);
        return ok ? QVariant(id) : QVariant(object.name);
    }
    default:
        return data(index(m_rows.value(object.id), column), Qt::DisplayRole);
    }
}

int BackendObjectModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_objects.size());
}

int BackendObjectModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackendObjectModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_objects.size())
        return {};
    const BackendObject &object = m_objects.at(index.row());
    switch (role) {
    case ObjectIdRole:
        return object.id;
    case KindRole:
        return object.kind;
    case ActionsRole:
        return object.actions;
    case SortRole:
        return sortValue(object, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StateColumn || index.column() == DetailsColumn) {
            const QString message = object.properties.value(QStringLiteral("message")).toString();
            return message.isEmpty() ? detailsText(object) : message;
        }
        return object.id;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return object.name;
        case KindColumn:
            return kindText(object.kind);
        case StateColumn:
            return object.state;
        case NodeColumn:
            return object.nodeId;
        case ClusterColumn:
            return object.clusterId;
        case UsageColumn:
            return usageText(object);
        case DetailsColumn:
            return detailsText(object);
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant BackendObjectModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case NodeColumn:
        return tr("Node");
    case ClusterColumn:
        return tr("Cluster");
    case UsageColumn:
        return tr("Usage");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace Continuo::Gui
