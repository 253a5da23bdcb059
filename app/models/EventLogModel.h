#pragma once

#include "model/Event.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>

namespace Continuo::Gui {

/// The event log: newest events at the bottom, capped (oldest dropped), inserted in batches.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SeverityColumn, TypeColumn, SourceColumn, SubjectColumn, MessageColumn, ColumnCount };
    Q_ENUM(Column)

    enum Roles {
        SequenceRole = Qt::UserRole + 1, ///< qint64
        TimestampRole,                   ///< qint64, ms since epoch
        SeverityRole,                    ///< int (EventSeverity)
        CategoryRole,                    ///< QString, "Resources"
        TypeRole,                        ///< QString, "Resources.Status"
        SourceRole,
        SubjectRole,
        MessageRole,
        SearchTextRole ///< QString: every text column joined, for filtering
    };
    Q_ENUM(Roles)

    static constexpr int DefaultCapacity = 10000;

    explicit EventLogModel(QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    /// Rows beyond the capacity are dropped from the top (oldest first).
    void setCapacity(int capacity);

    /// Insert now, as one batch (one rowsInserted, at most one rowsRemoved).
    void appendEvents(const QList<Event> &events);
    /// Queue for the next frame; bursts of single events become one insert.
    void queueEvents(const QList<Event> &events);
    /// Insert whatever is queued now.
    void flush();
    void clear();

    const Event &eventAt(int row) const { return m_events.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString severityText(EventSeverity severity);

private:
    std::deque<Event> m_events;
    QList<Event> m_queued;
    QTimer m_flushTimer;
    int m_capacity = DefaultCapacity;
};

} // namespace Continuo::Gui
