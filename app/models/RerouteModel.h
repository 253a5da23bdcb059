#pragma once

#include "network/NetworkTypes.h"

#include <QAbstractTableModel>

namespace Continuo::Gui {

/// Reroutes so far, newest first: time, flow, old → new path, avoided switch, the violating
/// value against its threshold, and the reaction time.
class RerouteModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, FlowColumn, PathsColumn, AvoidedColumn, ValueColumn, ReactionColumn, ColumnCount };
    Q_ENUM(Column)
    enum Roles { ConnectionIdRole = Qt::UserRole + 1, SortRole };
    Q_ENUM(Roles)

    explicit RerouteModel(QObject *parent = nullptr);

    /// Records as the control plane lists them (oldest first); shown newest first.
    void setRecords(const QList<RerouteRecord> &records);
    const RerouteRecord &recordAt(int row) const { return m_records.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RerouteRecord> m_records; ///< newest first
};

} // namespace Continuo::Gui
