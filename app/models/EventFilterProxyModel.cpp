#include "models/EventFilterProxyModel.h"

#include "models/EventLogModel.h"

namespace Continuo::Gui {

EventFilterProxyModel::EventFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void EventFilterProxyModel::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void EventFilterProxyModel::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    invalidateFilter();
}

void EventFilterProxyModel::setMinimumSeverity(int severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidateFilter();
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_category.isEmpty()
        && index.data(EventLogModel::CategoryRole).toString().compare(m_category, Qt::CaseInsensitive) != 0)
        return false;
    if (m_minimumSeverity > 0 && index.data(EventLogModel::SeverityRole).toInt() < m_minimumSeverity)
        return false;
    if (!m_text.isEmpty()
        && !index.data(EventLogModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace Continuo::Gui
