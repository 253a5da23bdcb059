#include "models/ConnectionModel.h"

namespace Continuo::Gui {

ConnectionModel::ConnectionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ConnectionModel::setConnections(const QList<Connection> &connections)
{
    // Same ids in the same order (the common refresh): change cells only, keep the selection.
    bool sameRows = connections.size() == m_connections.size();
    for (int i = 0; sameRows && i < connections.size(); ++i)
        sameRows = connections.at(i).id == m_connections.at(i).id;
    if (sameRows) {
        for (int i = 0; i < connections.size(); ++i) {
            if (connections.at(i) == m_connections.at(i))
                continue;
            m_connections[i] = connections.at(i);
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
        return;
    }
    beginResetModel();
    m_connections = connections;
    m_rows.clear();
    for (int i = 0; i < m_connections.size(); ++i)
        m_rows.insert(m_connections.at(i).id, i);
    endResetModel();
}

const Connection *ConnectionModel::find(const QString &connectionId) const
{
    const int row = rowOf(connectionId);
    return row < 0 ? nullptr : &m_connections.at(row);
}

QString ConnectionModel::endpointText(const ConnectionEndpoint &endpoint)
{
    QString text = endpoint.name.isEmpty() ? endpoint.ip : endpoint.name;
    if (!endpoint.name.isEmpty() && !endpoint.ip.isEmpty())
        text += QStringLiteral(" (%1)").arg(endpoint.ip);
    if (endpoint.l4Port > 0)
        text += QLatin1Char(':') + QString::number(endpoint.l4Port);
    return text;
}

QString ConnectionModel::pathText(const QStringList &path)
{
    return path.join(QStringLiteral(" → "));
}

int ConnectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_connections.size());
}

int ConnectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Connection &c = m_connections.at(index.row());
    if (role == ConnectionIdRole)
        return c.id;
    if (role == FlowIdRole)
        return c.flowId;
    if (role == Qt::CheckStateRole && index.column() == TelemetryColumn)
        return c.telemetry ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    switch (Column(index.column())) {
    case NameColumn:
        return c.name.isEmpty() ? c.id : c.name;
    case EndpointsColumn: {
        const QString arrow = c.bidirectional ? QStringLiteral(" ↔ ") : QStringLiteral(" → ");
        return QString(endpointText(c.a) + arrow + endpointText(c.b));
    }
    case FlowColumn:
        return role == SortRole ? QVariant(c.flowId) : QVariant(QString::number(c.flowId));
    case PathColumn:
        if (role == Qt::ToolTipRole && !c.avoidedSwitches.isEmpty())
            return tr("%1 (avoiding %2)").arg(pathText(c.path), c.avoidedSwitches.join(QStringLiteral(", ")));
        return pathText(c.path);
    case BackupColumn:
        return c.backupPath.isEmpty() ? tr("none") : pathText(c.backupPath);
    case TelemetryColumn:
        if (role == SortRole)
            return c.telemetry;
        return c.telemetry ? tr("on") : tr("off");
    case ColumnCount:
        break;
    }
    return {};
}

bool ConnectionModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != TelemetryColumn || role != Qt::CheckStateRole)
        return false;
    Connection &c = m_connections[index.row()];
    const bool on = Qt::CheckState(value.toInt()) == Qt::Checked;
    if (on == c.telemetry)
        return false;
    c.telemetry = on;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole, Qt::DisplayRole});
    Q_EMIT telemetryToggleRequested(c.id, on);
    return true;
}

Qt::ItemFlags ConnectionModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == TelemetryColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant ConnectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case EndpointsColumn:
        return tr("Endpoints");
    case FlowColumn:
        return tr("Flow");
    case PathColumn:
        return tr("Path");
    case BackupColumn:
        return tr("Backup");
    case TelemetryColumn:
        return tr("Telemetry");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Continuo::Gui
