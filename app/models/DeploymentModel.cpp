#include "models/DeploymentModel.h"

#include "control/IControlPlane.h"

#include <QDateTime>
#include <QMimeData>

namespace Continuo::Gui {

DeploymentModel::DeploymentModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
{
    m_ageTimer.setInterval(AgeTick);
    connect(&m_ageTimer, &QTimer::timeout, this, &DeploymentModel::refreshAges);
    m_ageTimer.start();
}

void DeploymentModel::setControlPlane(IControlPlane *controlPlane)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_controlPlane = controlPlane;
    if (m_controlPlane) {
        m_connections.append(connect(m_controlPlane, &IControlPlane::deploymentChanged, this,
                                     &DeploymentModel::upsertDeployment));
        m_connections.append(connect(m_controlPlane, &IControlPlane::workloadChanged, this,
                                     &DeploymentModel::upsertWorkload));
        m_connections.append(
            connect(m_controlPlane, &IControlPlane::deploymentsReset, this, &DeploymentModel::reload));
    }
    reload();
}

void DeploymentModel::reload()
{
    if (m_controlPlane)
        resetDeployments(m_controlPlane->deployments(), m_controlPlane->workloads());
    else
        resetDeployments({}, {});
}

void DeploymentModel::setColours(const CanvasColours &colours)
{
    m_colours = colours;
    if (!m_deployments.isEmpty())
        Q_EMIT dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn),
                           {Qt::DecorationRole, Qt::ForegroundRole});
}

void DeploymentModel::resetDeployments(const QList<Deployment> &deployments,
                                       const QList<Workload> &workloads)
{
    beginResetModel();
    m_deployments = deployments;
    m_rows.clear();
    for (int row = 0; row < m_deployments.size(); ++row)
        m_rows.insert(m_deployments.at(row).id, row);
    m_workloads.clear();
    for (const Workload &workload : workloads)
        m_workloads.insert(workload.id, workload);
    endResetModel();
}

void DeploymentModel::upsertDeployment(const Deployment &deployment)
{
    const int row = rowOf(deployment.id);
    if (row >= 0) {
        if (m_deployments.at(row) == deployment)
            return;
        m_deployments[row] = deployment;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_deployments.size());
    beginInsertRows({}, at, at);
    m_deployments.append(deployment);
    m_rows.insert(deployment.id, at);
    endInsertRows();
}

void DeploymentModel::upsertWorkload(const Workload &workload)
{
    m_workloads.insert(workload.id, workload);
    for (int row = 0; row < m_deployments.size(); ++row) {
        if (m_deployments.at(row).workloadId == workload.id)
            Q_EMIT dataChanged(index(row, WorkloadColumn), index(row, KindColumn),
                               {Qt::DisplayRole, Qt::ToolTipRole, SortRole});
    }
}

void DeploymentModel::refreshAges()
{
    if (m_deployments.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, UpdatedColumn), index(rowCount() - 1, UpdatedColumn),
                       {Qt::DisplayRole});
}

const Deployment *DeploymentModel::find(const QString &deploymentId) const
{
    const int row = rowOf(deploymentId);
    return row < 0 ? nullptr : &m_deployments.at(row);
}

const Workload *DeploymentModel::workload(const QString &workloadId) const
{
    const auto it = m_workloads.constFind(workloadId);
    return it == m_workloads.cend() ? nullptr : &it.value();
}

QString DeploymentModel::stateText(DeploymentState state)
{
    switch (state) {
    case DeploymentState::Submitted:
        return tr("Submitted");
    case DeploymentState::Pending:
        return tr("Pending");
    case DeploymentState::Scheduled:
        return tr("Scheduled");
    case DeploymentState::Assigned:
        return tr("Assigned");
    case DeploymentState::InDeployment:
        return tr("Deploying");
    case DeploymentState::Deployed:
        return tr("Deployed");
    case DeploymentState::Failed:
        return tr("Failed");
    case DeploymentState::Redeployed:
        return tr("Redeployed");
    case DeploymentState::Terminated:
        return tr("Terminated");
    case DeploymentState::Unknown:
        break;
    }
    return tr("Unknown");
}

QString DeploymentModel::kindText(WorkloadKind kind)
{
    switch (kind) {
    case WorkloadKind::Container:
        return tr("Container");
    case WorkloadKind::VirtualMachine:
        return tr("Virtual machine");
    case WorkloadKind::Unikernel:
        return tr("Unikernel");
    case WorkloadKind::HpcJob:
        return tr("HPC job");
    case WorkloadKind::AcceleratedKernel:
        return tr("Accelerated kernel");
    case WorkloadKind::Unknown:
        break;
    }
    return tr("Unknown");
}

QString DeploymentModel::ageText(qint64 ageMs)
{
    const qint64 seconds = std::max<qint64>(0, ageMs / 1000);
    if (seconds < 60)
        return tr("%1 s ago").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 d ago").arg(seconds / 86400);
}

int DeploymentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_deployments.size());
}

int DeploymentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeploymentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Deployment &deployment = m_deployments.at(index.row());
    const Workload *owner = workload(deployment.workloadId);
    const qint64 updatedMs = deployment.updatedMs > 0 ? deployment.updatedMs : deployment.createdMs;
    switch (role) {
    case DeploymentIdRole:
        return deployment.id;
    case WorkloadIdRole:
        return deployment.workloadId;
    case StateRole:
        return int(deployment.state);
    case NodeIdRole:
        return deployment.nodeId;
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return int(deployment.state);
        case AttemptsColumn:
            return deployment.attempts;
        case UpdatedColumn:
            return updatedMs;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case DeploymentColumn:
            return deployment.id;
        case WorkloadColumn:
            return owner && !owner->name.isEmpty()
                       ? tr("%1 #%2").arg(owner->name).arg(deployment.replica)
                       : deployment.workloadId;
        case KindColumn:
            return owner ? kindText(owner->kind) : QString();
        case StateColumn:
            return deployment.desired == DesiredState::Terminated &&
                           deployment.state != DeploymentState::Terminated
                       ? tr("%1 (terminating)").arg(stateText(deployment.state))
                       : stateText(deployment.state);
        case NodeColumn:
            return deployment.nodeId;
        case ClusterColumn:
            return deployment.clusterId;
        case AttemptsColumn:
            return deployment.attempts;
        case UpdatedColumn:
            return updatedMs > 0 ? ageText(QDateTime::currentMSecsSinceEpoch() - updatedMs) : QString();
        case MessageColumn:
            return deployment.message;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return m_colours.deploymentStateColour(deployment.state);
        return {};
    case Qt::ForegroundRole:
        if (deployment.state == DeploymentState::Terminated)
            return m_colours.mutedText;
        if (index.column() == StateColumn && deployment.state == DeploymentState::Failed)
            return m_colours.critical;
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case WorkloadColumn:
            return deployment.workloadId;
        case UpdatedColumn:
            return updatedMs > 0 ? QDateTime::fromMSecsSinceEpoch(updatedMs).toString(Qt::ISODate)
                                 : QString();
        case MessageColumn:
            return deployment.message;
        case NodeColumn:
            return deployment.constraints.isEmpty()
                       ? QString()
                       : tr("Backend constraints: %1").arg(deployment.constraints.join(QStringLiteral(", ")));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant DeploymentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DeploymentColumn:
        return tr("Deployment");
    case WorkloadColumn:
        return tr("Workload");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case NodeColumn:
        return tr("Node");
    case ClusterColumn:
        return tr("Cluster");
    case AttemptsColumn:
        return tr("Attempts");
    case UpdatedColumn:
        return tr("Updated");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

Qt::ItemFlags DeploymentModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList DeploymentModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *DeploymentModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    auto *mime = new QMimeData;
    const QString id = m_deployments.at(indexes.first().row()).id;
    mime->setData(mimeType(), id.toUtf8());
    mime->setText(id);
    return mime;
}

} // namespace Continuo::Gui
