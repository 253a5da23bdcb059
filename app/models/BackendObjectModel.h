#pragma once

#include "plugin/IComputeBackend.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

/// Slurm jobs and partitions and libvirt domains, as the backend plugins know them: one row per
/// object id, refreshed from the control plane every RefreshInterval and merged in place (rows
/// are inserted, removed or their cells change; the model never resets on a refresh). The
/// "usage" column is live: CPU use of a domain from its cpu time between two refreshes, the
/// run time of a job, idle/total CPUs of a partition.
class BackendObjectModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KindColumn,
        StateColumn,
        NodeColumn,
        ClusterColumn,
        UsageColumn,
        DetailsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        ObjectIdRole = Qt::UserRole + 1, ///< QString
        KindRole,                        ///< QString ("slurm.job")
        ActionsRole,                     ///< QStringList
        SortRole
    };
    Q_ENUM(Roles)

    static constexpr auto RefreshInterval = std::chrono::seconds(2);

    explicit BackendObjectModel(QObject *parent = nullptr);

    /// Not owned. Refreshes at once, then every RefreshInterval while set.
    void setControlPlane(IControlPlane *controlPlane);
    /// Merge a fresh list (what a refresh does); `nowMs` dates the CPU-use deltas.
    void setObjects(const QList<BackendObject> &objects, qint64 nowMs);
    /// Ask the control plane now (the timer does so periodically).
    void refresh();

    const BackendObject *find(const QString &objectId) const;
    const BackendObject &objectAt(int row) const { return m_objects.at(row); }
    int rowOf(const QString &objectId) const { return m_rows.value(objectId, -1); }
    const QList<BackendObject> &objects() const { return m_objects; }
    /// Share of one CPU per vCPU a domain used between the last two refreshes (0..1), or -1.
    double cpuUse(const QString &objectId) const { return m_cpuUse.value(objectId, -1.0); }
    QString lastError() const { return m_lastError; }

    static QString kindText(const QString &kind);
    /// "1.2 s", "340 ms", "3 min 20 s".
    static QString durationText(double ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// After every merge, with everything now known (the topology's badges follow it).
    void objectsRefreshed(const QList<Continuo::BackendObject> &objects);
    void refreshFailed(const QString &error);

private:
    QString usageText(const BackendObject &object) const;
    QString detailsText(const BackendObject &object) const;
    QVariant sortValue(const BackendObject &object, int column) const;

    QPointer<IControlPlane> m_controlPlane;
    QTimer m_timer;
    bool m_inFlight = false;
    QList<BackendObject> m_objects;
    QHash<QString, int> m_rows;
    struct CpuSample
    {
        double cpuSeconds = -1.0;
        qint64 atMs = 0;
    };
    QHash<QString, CpuSample> m_cpuSamples;
    QHash<QString, double> m_cpuUse;
    qint64 m_nowMs = 0;
    QString m_lastError;
};

} // namespace Continuo::Gui
