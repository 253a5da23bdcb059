#pragma once

#include "anomaly/Alert.h"
#include "model/Topology.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QTimer>

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

/// Active alerts (IControlPlane::activeAlerts, kept current by alertChanged) and the history of
/// the last hour (alertHistory), one row per alert id. Resolved alerts stay as history until
/// they are older than the history window; pending alerts that never fired disappear.
class AlertModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StateColumn,
        SeverityColumn,
        SubjectColumn,
        RuleColumn,
        SummaryColumn,
        StartedColumn,
        DurationColumn,
        FlagsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        AlertIdRole = Qt::UserRole + 1, ///< QString
        StateRole,                      ///< int (AlertState)
        SeverityRole,                   ///< int (AlertSeverity)
        SubjectRole,                    ///< QString: node, link, site or series the alert is about
        SubjectKindRole,                ///< int (EntityKind); Unknown for a series
        RuleRole,                       ///< QString
        StartedAtRole,                  ///< qint64, ms since epoch
        ResolvedAtRole,                 ///< qint64, 0 while active
        AcknowledgedRole,               ///< bool
        SilencedRole,                   ///< bool
        SearchTextRole,                 ///< QString: the text columns joined, for filtering
        SortRole                        ///< a value that sorts the column sensibly
    };
    Q_ENUM(Roles)

    static constexpr qint64 HistoryWindowMs = 60 * 60 * 1000;
    static constexpr int HistoryLimit = 500;
    static constexpr int Capacity = 2000;

    explicit AlertModel(QObject *parent = nullptr);

    /// Not owned. Loads the active alerts and the last hour, then follows alertChanged.
    void setControlPlane(IControlPlane *controlPlane);
    /// Insert or update one alert (what alertChanged does).
    void upsertAlert(const Alert &alert);
    void clear();

    const Alert &alertAt(int row) const { return m_alerts.at(row); }
    /// Row of an alert, -1 if unknown.
    int rowOf(const QString &alertId) const { return m_rows.value(alertId, -1); }
    const Alert *find(const QString &alertId) const;
    /// History answers received (tests).
    int historyLoads() const { return m_historyLoads; }

    static QString stateText(AlertState state);
    static QString severityText(AlertSeverity severity);
    /// What an alert is about on the canvas: a node, a link, a switch or a site.
    static EntityKind subjectKind(const Alert &alert);
    /// "45 s", "3 min 12 s", "1 h 02 min", "2 d 4 h".
    static QString durationText(qint64 durationMs);
    /// "ack", "silenced", "ack, silenced" or nothing.
    static QString flagsText(bool acknowledged, bool silenced);
    /// How long the alert has lasted (until now while active).
    static qint64 durationMs(const Alert &alert, qint64 nowMs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /// One alert was inserted or changed (after the model changed).
    void alertUpdated(const Continuo::Alert &alert);

private:
    void reload();
    void mergeHistory(const QList<Alert> &history);
    void dropRows(QList<int> rows);
    void reindex(int fromRow);
    void prune();
    void tickDurations();

    QPointer<IControlPlane> m_controlPlane;
    QList<QMetaObject::Connection> m_connections;
    QList<Alert> m_alerts;
    QHash<QString, int> m_rows;
    QTimer m_durationTimer;
    QTimer m_pruneTimer;
    quint64 m_generation = 0;
    int m_historyLoads = 0;
};

} // namespace Continuo::Gui
