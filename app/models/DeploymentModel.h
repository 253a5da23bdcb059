#pragma once

#include "model/Workload.h"
#include "widgets/Theme.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QTimer>

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

/// Every deployment of the control plane's mirror, one row per deployment id, kept current
/// incrementally from deploymentChanged (a row is inserted or its cells change; only
/// deploymentsReset resets the model). Rows can be dragged onto a node of the topology (pin).
class DeploymentModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        DeploymentColumn,
        WorkloadColumn,
        KindColumn,
        StateColumn,
        NodeColumn,
        ClusterColumn,
        AttemptsColumn,
        UpdatedColumn,
        MessageColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        DeploymentIdRole = Qt::UserRole + 1, ///< QString
        WorkloadIdRole,                      ///< QString
        StateRole,                           ///< int (DeploymentState)
        NodeIdRole,                          ///< QString
        SortRole                             ///< a value that sorts the column sensibly
    };
    Q_ENUM(Roles)

    /// MIME type of a dragged deployment; the data is its id in UTF-8.
    static QString mimeType() { return QStringLiteral("application/x-continuo-deployment"); }
    /// How often the "updated" column's ages are refreshed.
    static constexpr auto AgeTick = std::chrono::seconds(1);

    explicit DeploymentModel(QObject *parent = nullptr);

    /// Not owned. Loads the mirror, then follows deploymentChanged/workloadChanged.
    void setControlPlane(IControlPlane *controlPlane);
    void setColours(const CanvasColours &colours);
    /// Insert or update one deployment (what deploymentChanged does).
    void upsertDeployment(const Deployment &deployment);
    /// Remember a workload's name and kind for its deployments' rows.
    void upsertWorkload(const Workload &workload);
    /// Replace everything (what deploymentsReset does).
    void resetDeployments(const QList<Deployment> &deployments, const QList<Workload> &workloads);

    const Deployment &deploymentAt(int row) const { return m_deployments.at(row); }
    /// Row of a deployment, -1 if unknown.
    int rowOf(const QString &deploymentId) const { return m_rows.value(deploymentId, -1); }
    const Deployment *find(const QString &deploymentId) const;
    const Workload *workload(const QString &workloadId) const;

    static QString stateText(DeploymentState state);
    static QString kindText(WorkloadKind kind);
    /// "12 s ago", "3 min ago", "2 h ago".
    static QString ageText(qint64 ageMs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction | Qt::CopyAction; }

private:
    void reload();
    void refreshAges();

    QPointer<IControlPlane> m_controlPlane;
    QList<QMetaObject::Connection> m_connections;
    QList<Deployment> m_deployments;
    QHash<QString, int> m_rows;
    QHash<QString, Workload> m_workloads;
    CanvasColours m_colours;
    QTimer m_ageTimer;
};

} // namespace Continuo::Gui
