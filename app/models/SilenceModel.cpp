#include "models/SilenceModel.h"

#include "control/IControlPlane.h"

#include <QDateTime>
#include <QLocale>

namespace Continuo::Gui {

namespace {

bool hasEnded(const Silence &silence, qint64 nowMs)
{
    return !silence.expiredBy.isEmpty() || silence.endsAtMs <= nowMs;
}

} // namespace

SilenceModel::SilenceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_expiryTimer.setInterval(std::chrono::seconds(15));
    m_expiryTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_expiryTimer, &QTimer::timeout, this, &SilenceModel::dropEnded);
    m_expiryTimer.start();
}

void SilenceModel::dropEnded()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int row = int(m_silences.size()) - 1; row >= 0; --row) {
        if (hasEnded(m_silences.at(row), now)) {
            beginRemoveRows({}, row, row);
            m_silences.removeAt(row);
            endRemoveRows();
        }
    }
}

void SilenceModel::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_controlPlane = controlPlane;
    if (!m_controlPlane) {
        clear();
        return;
    }
    m_connections.append(connect(m_controlPlane, &IControlPlane::alertsReset, this, &SilenceModel::reload));
    m_connections.append(connect(m_controlPlane, &IControlPlane::silenceChanged, this, &SilenceModel::upsertSilence));
    reload();
}

void SilenceModel::reload()
{
    beginResetModel();
    m_silences.clear();
    if (m_controlPlane) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const Silence &silence : m_controlPlane->silences()) {
            if (!hasEnded(silence, now))
                m_silences.append(silence);
        }
    }
    endResetModel();
}

void SilenceModel::clear()
{
    if (m_silences.isEmpty())
        return;
    beginResetModel();
    m_silences.clear();
    endResetModel();
}

int SilenceModel::rowOf(const QString &silenceId) const
{
    for (int row = 0; row < m_silences.size(); ++row) {
        if (m_silences.at(row).id == silenceId)
            return row;
    }
    return -1;
}

void SilenceModel::upsertSilence(const Silence &silence)
{
    const int row = rowOf(silence.id);
    if (hasEnded(silence, QDateTime::currentMSecsSinceEpoch())) {
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_silences.removeAt(row);
            endRemoveRows();
        }
        return;
    }
    if (row >= 0) {
        m_silences[row] = silence;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int first = int(m_silences.size());
    beginInsertRows({}, first, first);
    m_silences.append(silence);
    endInsertRows();
}

QString SilenceModel::matchersText(const Labels &matchers)
{
    QStringList parts;
    for (auto it = matchers.cbegin(); it != matchers.cend(); ++it)
        parts.append(it.key() + QLatin1String("=\"") + it.value() + QLatin1Char('"'));
    return parts.join(QStringLiteral(", "));
}

int SilenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_silences.size());
}

int SilenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SilenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Silence &silence = m_silences.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MatchersColumn:
            return matchersText(silence.matchers);
        case CommentColumn:
            return silence.comment;
        case CreatedByColumn:
            return silence.createdBy;
        case EndsColumn:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(silence.endsAtMs), QLocale::ShortFormat);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == CommentColumn)
            return silence.comment;
        if (index.column() == MatchersColumn)
            return matchersText(silence.matchers);
        if (index.column() == EndsColumn)
            return tr("From %1 until %2")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(silence.startsAtMs), QLocale::ShortFormat),
                     QLocale().toString(QDateTime::fromMSecsSinceEpoch(silence.endsAtMs), QLocale::ShortFormat));
        return {};
    case SilenceIdRole:
        return silence.id;
    case EndsAtRole:
        return silence.endsAtMs;
    case ActiveRole:
        return silence.isActiveAt(QDateTime::currentMSecsSinceEpoch());
    default:
        return {};
    }
}

QVariant SilenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MatchersColumn:
        return tr("Matchers");
    case CommentColumn:
        return tr("Comment");
    case CreatedByColumn:
        return tr("Created by");
    case EndsColumn:
        return tr("Ends");
    default:
        return {};
    }
}

QHash<int, QByteArray> SilenceModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SilenceIdRole, "silenceId");
    names.insert(EndsAtRole, "endsAt");
    names.insert(ActiveRole, "active");
    return names;
}

} // namespace Continuo::Gui
