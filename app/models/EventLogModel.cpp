#include "models/EventLogModel.h"

#include <QApplication>
#include <QColor>
#include <QDateTime>
#include <QPalette>

namespace Continuo::Gui {

namespace {
constexpr auto FrameInterval = std::chrono::milliseconds(100); // 10 Hz
}

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FrameInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventLogModel::flush);
}

void EventLogModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    const int excess = int(m_events.size()) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_events.erase(m_events.begin(), m_events.begin() + excess);
        endRemoveRows();
    }
}

void EventLogModel::appendEvents(const QList<Event> &events)
{
    if (events.isEmpty())
        return;
    // Only the newest `capacity` of the batch can survive; skip the rest up front.
    const qsizetype skip = std::max<qsizetype>(0, events.size() - m_capacity);
    const int incoming = int(events.size() - skip);
    const int excess = int(m_events.size()) + incoming - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_events.erase(m_events.begin(), m_events.begin() + excess);
        endRemoveRows();
    }
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + incoming - 1);
    for (qsizetype i = skip; i < events.size(); ++i)
        m_events.push_back(events.at(i));
    endInsertRows();
}

void EventLogModel::queueEvents(const QList<Event> &events)
{
    m_queued.append(events);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void EventLogModel::flush()
{
    m_flushTimer.stop();
    if (m_queued.isEmpty())
        return;
    appendEvents(std::exchange(m_queued, {}));
}

void EventLogModel::clear()
{
    m_queued.clear();
    if (m_events.empty())
        return;
    beginResetModel();
    m_events.clear();
    endResetModel();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::severityText(EventSeverity severity)
{
    switch (severity) {
    case EventSeverity::Debug:
        return tr("Debug");
    case EventSeverity::Info:
        return tr("Info");
    case EventSeverity::Warning:
        return tr("Warning");
    case EventSeverity::Error:
        return tr("Error");
    case EventSeverity::Critical:
        return tr("Critical");
    case EventSeverity::Unknown:
        break;
    }
    return tr("Unknown");
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_events.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(event.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case SeverityColumn:
            return severityText(event.severity);
        case TypeColumn:
            return event.type;
        case SourceColumn:
            return event.source;
        case SubjectColumn:
            return event.subjectId;
        case MessageColumn:
            return event.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(event.timestampMs).toString(Qt::ISODateWithMs);
        if (index.column() == MessageColumn)
            return event.message;
        return {};
    case Qt::ForegroundRole:
        if (index.column() != SeverityColumn && index.column() != MessageColumn)
            return {};
        switch (event.severity) {
        case EventSeverity::Warning:
            return QColor(0xe3, 0xa4, 0x1a);
        case EventSeverity::Error:
        case EventSeverity::Critical:
            return QColor(0xf0, 0x4a, 0x4a);
        default:
            return {};
        }
    case SequenceRole:
        return event.sequence;
    case TimestampRole:
        return event.timestampMs;
    case SeverityRole:
        return int(event.severity);
    case CategoryRole:
        return event.category();
    case TypeRole:
        return event.type;
    case SourceRole:
        return event.source;
    case SubjectRole:
        return event.subjectId;
    case MessageRole:
        return event.message;
    case SearchTextRole:
        return QString(event.type + QLatin1Char(' ') + event.source + QLatin1Char(' ')
                       + event.subjectId + QLatin1Char(' ') + event.message);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case TypeColumn:
        return tr("Type");
    case SourceColumn:
        return tr("Source");
    case SubjectColumn:
        return tr("Subject");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SequenceRole, "sequence");
    names.insert(TimestampRole, "timestamp");
    names.insert(SeverityRole, "severity");
    names.insert(CategoryRole, "category");
    names.insert(TypeRole, "type");
    names.insert(SourceRole, "source");
    names.insert(SubjectRole, "subject");
    names.insert(MessageRole, "message");
    names.insert(SearchTextRole, "searchText");
    return names;
}

} // namespace Continuo::Gui
