#include "models/RerouteModel.h"

#include "models/ConnectionModel.h"

#include <QDateTime>

#include <algorithm>

namespace Continuo::Gui {

RerouteModel::RerouteModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RerouteModel::setRecords(const QList<RerouteRecord> &records)
{
    beginResetModel();
    m_records = records;
    std::reverse(m_records.begin(), m_records.end());
    endResetModel();
}

int RerouteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RerouteModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RerouteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RerouteRecord &r = m_records.at(index.row());
    if (role == ConnectionIdRole)
        return r.connectionId;
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case TimeColumn:
        return sort ? QVariant(r.atMs)
                    : QVariant(QDateTime::fromMSecsSinceEpoch(r.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    case FlowColumn:
        return sort ? QVariant(r.flowId) : QVariant(QString::number(r.flowId));
    case PathsColumn:
        return tr("%1  →  %2").arg(ConnectionModel::pathText(r.fromPath), ConnectionModel::pathText(r.toPath));
    case AvoidedColumn:
        return r.avoidedSwitch;
    case ValueColumn:
        if (sort)
            return r.valueMs;
        if (r.ruleId.isEmpty())
            return tr("manual");
        return tr("%1 ms > %2 ms").arg(r.valueMs, 0, 'f', 2).arg(r.thresholdMs, 0, 'f', 2);
    case ReactionColumn:
        return sort ? QVariant(r.reactionMs) : QVariant(tr("%1 ms").arg(r.reactionMs, 0, 'f', 1));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RerouteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case FlowColumn:
        return tr("Flow");
    case PathsColumn:
        return tr("From → To");
    case AvoidedColumn:
        return tr("Avoided");
    case ValueColumn:
        return tr("Violation");
    case ReactionColumn:
        return tr("Reaction");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Continuo::Gui
