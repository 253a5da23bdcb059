#pragma once

#include "anomaly/Alert.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

/// Silences that have not ended (IControlPlane::silences, kept current by silenceChanged).
class SilenceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { MatchersColumn, CommentColumn, CreatedByColumn, EndsColumn, ColumnCount };
    Q_ENUM(Column)

    enum Roles {
        SilenceIdRole = Qt::UserRole + 1, ///< QString
        EndsAtRole,                       ///< qint64, ms since epoch
        ActiveRole                        ///< bool: started and not ended
    };
    Q_ENUM(Roles)

    explicit SilenceModel(QObject *parent = nullptr);

    /// Not owned. Loads the silences, then follows silenceChanged.
    void setControlPlane(IControlPlane *controlPlane);
    /// Insert, update, or (once ended or expired) remove one silence.
    void upsertSilence(const Silence &silence);
    void clear();

    const Silence &silenceAt(int row) const { return m_silences.at(row); }
    int rowOf(const QString &silenceId) const;

    /// `node="hpc-bol-07", rule="hot-node-cpu"`.
    static QString matchersText(const Labels &matchers);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    /// Silences that ran out on their own (no change is announced for those).
    void dropEnded();

    QPointer<IControlPlane> m_controlPlane;
    QList<QMetaObject::Connection> m_connections;
    QList<Silence> m_silences;
    QTimer m_expiryTimer;
};

} // namespace Continuo::Gui
