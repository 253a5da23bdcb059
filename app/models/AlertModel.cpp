#include "models/AlertModel.h"

#include "control/IControlPlane.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace Continuo::Gui {

namespace {

constexpr auto DurationTick = std::chrono::seconds(1);
constexpr auto PruneInterval = std::chrono::seconds(30);

// Mid-tone colours that read on the dark and the light theme alike.
QColor severityColour(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Critical:
        return QColor(0xf0, 0x4a, 0x4a);
    case AlertSeverity::Warning:
        return QColor(0xe3, 0xa4, 0x1a);
    case AlertSeverity::Info:
        return QColor(0x3a, 0xa8, 0xd8);
    case AlertSeverity::Unknown:
        break;
    }
    return QColor(0x8b, 0x94, 0x9e);
}

int stateRank(AlertState state)
{
    switch (state) {
    case AlertState::Firing:
        return 0;
    case AlertState::Pending:
        return 1;
    case AlertState::Resolved:
        return 2;
    case AlertState::Unknown:
        break;
    }
    return 3;
}

QString timeText(qint64 ms)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms);
    if (time.date() == QDate::currentDate())
        return time.toString(QStringLiteral("HH:mm:ss"));
    return QLocale().toString(time, QStringLiteral("d MMM HH:mm"));
}

} // namespace

AlertModel::AlertModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_durationTimer.setInterval(DurationTick);
    connect(&m_durationTimer, &QTimer::timeout, this, &AlertModel::tickDurations);
    m_pruneTimer.setInterval(PruneInterval);
    m_pruneTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_pruneTimer, &QTimer::timeout, this, &AlertModel::prune);
}

void AlertModel::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_controlPlane = controlPlane;
    clear();
    if (!m_controlPlane)
        return;
    m_connections.append(connect(m_controlPlane, &IControlPlane::alertsReset, this, &AlertModel::reload));
    m_connections.append(connect(m_controlPlane, &IControlPlane::alertChanged, this, &AlertModel::upsertAlert));
    reload();
}

void AlertModel::clear()
{
    ++m_generation;
    m_durationTimer.stop();
    m_pruneTimer.stop();
    if (m_alerts.isEmpty())
        return;
    beginResetModel();
    m_alerts.clear();
    m_rows.clear();
    endResetModel();
}

void AlertModel::reload()
{
    beginResetModel();
    m_alerts.clear();
    m_rows.clear();
    const quint64 generation = ++m_generation;
    if (m_controlPlane) {
        m_alerts = m_controlPlane->activeAlerts();
        for (int row = 0; row < m_alerts.size(); ++row)
            m_rows.insert(m_alerts.at(row).id, row);
    }
    endResetModel();
    if (!m_controlPlane)
        return;
    m_pruneTimer.start();
    if (!m_alerts.isEmpty())
        m_durationTimer.start();
    const qint64 from = QDateTime::currentMSecsSinceEpoch() - HistoryWindowMs;
    m_controlPlane->alertHistory(from, HistoryLimit, this, [this, generation](const Result<QList<Alert>> &history) {
        if (generation != m_generation)
            return;
        ++m_historyLoads;
        // Without history (a daemon without alerting) the active alerts still stand.
        if (history)
            mergeHistory(history.value());
    });
}

void AlertModel::mergeHistory(const QList<Alert> &history)
{
    QList<Alert> fresh;
    for (const Alert &alert : history) {
        const int row = rowOf(alert.id);
        if (row < 0) {
            fresh.append(alert);
        } else if (alert.updatedAtMs > m_alerts.at(row).updatedAtMs) {
            m_alerts[row] = alert;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    if (fresh.isEmpty())
        return;
    // History comes newest first; rows are kept in arrival order, oldest first.
    std::reverse(fresh.begin(), fresh.end());
    const int first = int(m_alerts.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const Alert &alert : std::as_const(fresh)) {
        m_rows.insert(alert.id, int(m_alerts.size()));
        m_alerts.append(alert);
    }
    endInsertRows();
    prune();
}

void AlertModel::upsertAlert(const Alert &alert)
{
    if (alert.id.isEmpty())
        return;
    const int row = rowOf(alert.id);
    // A pending alert that never fired leaves no history: drop it.
    const bool cancelled = alert.state == AlertState::Resolved && alert.firedAtMs == 0;
    if (cancelled) {
        if (row >= 0)
            dropRows({row});
        return;
    }
    if (row >= 0) {
        m_alerts[row] = alert;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        const int first = int(m_alerts.size());
        beginInsertRows({}, first, first);
        m_alerts.append(alert);
        m_rows.insert(alert.id, first);
        endInsertRows();
        if (m_alerts.size() > Capacity)
            prune();
    }
    if (alert.isActive() && !m_durationTimer.isActive())
        m_durationTimer.start();
    Q_EMIT alertUpdated(alert);
}

const Alert *AlertModel::find(const QString &alertId) const
{
    const int row = rowOf(alertId);
    return row < 0 ? nullptr : &m_alerts.at(row);
}

void AlertModel::dropRows(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Contiguous runs from the bottom, so earlier rows keep their numbers while removing.
    int end = int(rows.size()) - 1;
    while (end >= 0) {
        int start = end;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        beginRemoveRows({}, rows.at(start), rows.at(end));
        m_alerts.remove(rows.at(start), rows.at(end) - rows.at(start) + 1);
        endRemoveRows();
        end = start - 1;
    }
    reindex(rows.first());
}

void AlertModel::reindex(int fromRow)
{
    for (auto it = m_rows.begin(); it != m_rows.end();) {
        if (it.value() >= fromRow)
            it = m_rows.erase(it);
        else
            ++it;
    }
    for (int row = std::max(0, fromRow); row < m_alerts.size(); ++row)
        m_rows.insert(m_alerts.at(row).id, row);
}

void AlertModel::prune()
{
    const qint64 horizon = QDateTime::currentMSecsSinceEpoch() - HistoryWindowMs;
    QList<int> stale;
    for (int row = 0; row < m_alerts.size(); ++row) {
        const Alert &alert = m_alerts.at(row);
        if (!alert.isActive() && alert.resolvedAtMs > 0 && alert.resolvedAtMs < horizon)
            stale.append(row);
    }
    // Past the capacity, the oldest resolved alerts go first.
    int excess = int(m_alerts.size() - stale.size()) - Capacity;
    for (int row = 0; row < m_alerts.size() && excess > 0; ++row) {
        if (!m_alerts.at(row).isActive() && !stale.contains(row)) {
            stale.append(row);
            --excess;
        }
    }
    dropRows(stale);
}

void AlertModel::tickDurations()
{
    bool anyActive = false;
    for (const Alert &alert : std::as_const(m_alerts)) {
        if (alert.isActive()) {
            anyActive = true;
            break;
        }
    }
    if (!anyActive) {
        m_durationTimer.stop();
        return;
    }
    Q_EMIT dataChanged(index(0, DurationColumn), index(int(m_alerts.size()) - 1, DurationColumn),
                       {Qt::DisplayRole, SortRole});
}

QString AlertModel::stateText(AlertState state)
{
    switch (state) {
    case AlertState::Pending:
        return tr("Pending");
    case AlertState::Firing:
        return tr("Firing");
    case AlertState::Resolved:
        return tr("Resolved");
    case AlertState::Unknown:
        break;
    }
    return tr("Unknown");
}

QString AlertModel::severityText(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Info:
        return tr("Info");
    case AlertSeverity::Warning:
        return tr("Warning");
    case AlertSeverity::Critical:
        return tr("Critical");
    case AlertSeverity::Unknown:
        break;
    }
    return tr("Unknown");
}

EntityKind AlertModel::subjectKind(const Alert &alert)
{
    if (!alert.nodeId.isEmpty())
        return EntityKind::Node;
    if (!alert.linkId.isEmpty())
        return EntityKind::Link;
    if (alert.groupKey.startsWith(QLatin1String("switch:")))
        return EntityKind::Switch;
    if (!alert.siteId.isEmpty())
        return EntityKind::Site;
    return EntityKind::Unknown;
}

qint64 AlertModel::durationMs(const Alert &alert, qint64 nowMs)
{
    if (alert.startedAtMs <= 0)
        return 0;
    const qint64 end = alert.isActive() || alert.resolvedAtMs <= 0 ? nowMs : alert.resolvedAtMs;
    return std::max<qint64>(0, end - alert.startedAtMs);
}

QString AlertModel::durationText(qint64 durationMs)
{
    const qint64 seconds = durationMs / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QString AlertModel::flagsText(bool acknowledged, bool silenced)
{
    // Short: the column is narrow; the tooltip says who and which silence.
    QStringList flags;
    if (acknowledged)
        flags.append(tr("ack"));
    if (silenced)
        flags.append(tr("silenced"));
    return flags.join(QStringLiteral(", "));
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert &alert = m_alerts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StateColumn:
            return stateText(alert.state);
        case SeverityColumn:
            return severityText(alert.severity);
        case SubjectColumn:
            return alert.subjectId();
        case RuleColumn:
            return alert.ruleId;
        case SummaryColumn:
            return alert.summary;
        case StartedColumn:
            return alert.startedAtMs > 0 ? timeText(alert.startedAtMs) : QString();
        case DurationColumn:
            return durationText(durationMs(alert, QDateTime::currentMSecsSinceEpoch()));
        case FlagsColumn:
            return flagsText(alert.isAcknowledged(), alert.isSilenced());
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return severityColour(alert.severity);
        if (index.column() == StateColumn)
            return alert.isActive() ? severityColour(alert.severity) : QColor(0x3f, 0xb9, 0x50);
        return {};
    case Qt::ForegroundRole:
        if (!alert.isActive() && index.column() != SummaryColumn)
            return QColor(0x8b, 0x94, 0x9e); // history reads quieter than what is happening
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SummaryColumn:
            return alert.summary;
        case StartedColumn:
            return QDateTime::fromMSecsSinceEpoch(alert.startedAtMs).toString(Qt::ISODateWithMs);
        case FlagsColumn: {
            QStringList lines;
            if (alert.isAcknowledged())
                lines.append(tr("Acknowledged by %1").arg(alert.acknowledgedBy));
            if (alert.isSilenced())
                lines.append(tr("Silenced by %1").arg(alert.silencedBy));
            return lines.join(QLatin1Char('\n'));
        }
        default:
            return {};
        }
    case AlertIdRole:
        return alert.id;
    case StateRole:
        return int(alert.state);
    case SeverityRole:
        return int(alert.severity);
    case SubjectRole:
        return alert.subjectId();
    case SubjectKindRole:
        return int(subjectKind(alert));
    case RuleRole:
        return alert.ruleId;
    case StartedAtRole:
        return alert.startedAtMs;
    case ResolvedAtRole:
        return alert.resolvedAtMs;
    case AcknowledgedRole:
        return alert.isAcknowledged();
    case SilencedRole:
        return alert.isSilenced();
    case SearchTextRole:
        return QString(alert.subjectId() + QLatin1Char(' ') + alert.ruleId + QLatin1Char(' ') + alert.summary
                       + QLatin1Char(' ') + alert.metrics.join(QLatin1Char(' ')) + QLatin1Char(' ')
                       + alert.workloads.join(QLatin1Char(' ')));
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return stateRank(alert.state);
        case SeverityColumn:
            return int(alert.severity);
        case StartedColumn:
            return alert.startedAtMs;
        case DurationColumn:
            return durationMs(alert, QDateTime::currentMSecsSinceEpoch());
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        return {};
    }
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StateColumn:
        return tr("State");
    case SeverityColumn:
        return tr("Severity");
    case SubjectColumn:
        return tr("Subject");
    case RuleColumn:
        return tr("Rule");
    case SummaryColumn:
        return tr("Summary");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case FlagsColumn:
        return tr("Flags");
    default:
        return {};
    }
}

QHash<int, QByteArray> AlertModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(AlertIdRole, "alertId");
    names.insert(StateRole, "state");
    names.insert(SeverityRole, "severity");
    names.insert(SubjectRole, "subject");
    names.insert(SubjectKindRole, "subjectKind");
    names.insert(RuleRole, "rule");
    names.insert(StartedAtRole, "startedAt");
    names.insert(ResolvedAtRole, "resolvedAt");
    names.insert(AcknowledgedRole, "acknowledged");
    names.insert(SilencedRole, "silenced");
    names.insert(SearchTextRole, "searchText");
    names.insert(SortRole, "sortValue");
    return names;
}

} // namespace Continuo::Gui
