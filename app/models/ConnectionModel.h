#pragma once

#include "network/NetworkTypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Continuo::Gui {

/// The fabric's connections, one row each: name, endpoints, INT flow id, path, backup path and
/// a telemetry check box. Ticking the box does not change the connection itself: it asks for
/// it (telemetryToggleRequested) and shows the new state until the next refresh says otherwise.
class ConnectionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, EndpointsColumn, FlowColumn, PathColumn, BackupColumn, TelemetryColumn, ColumnCount };
    Q_ENUM(Column)
    enum Roles {
        ConnectionIdRole = Qt::UserRole + 1, ///< QString
        FlowIdRole,                          ///< uint
        SortRole
    };
    Q_ENUM(Roles)

    explicit ConnectionModel(QObject *parent = nullptr);

    /// Replace the rows (a refresh). Rows whose connection did not change keep their cells.
    void setConnections(const QList<Connection> &connections);
    const QList<Connection> &connections() const { return m_connections; }
    const Connection *find(const QString &connectionId) const;
    int rowOf(const QString &connectionId) const { return m_rows.value(connectionId, -1); }

    static QString endpointText(const ConnectionEndpoint &endpoint);
    static QString pathText(const QStringList &path);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The operator ticked or cleared the telemetry box of a connection.
    void telemetryToggleRequested(const QString &connectionId, bool on);

private:
    QList<Connection> m_connections;
    QHash<QString, int> m_rows;
};

} // namespace Continuo::Gui
