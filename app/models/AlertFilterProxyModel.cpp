#include "models/AlertFilterProxyModel.h"

#include "models/AlertModel.h"

namespace Continuo::Gui {

AlertFilterProxyModel::AlertFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AlertModel::SortRole);
    setDynamicSortFilter(true);
}

void AlertFilterProxyModel::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void AlertFilterProxyModel::setMinimumSeverity(AlertSeverity severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidateFilter();
}

void AlertFilterProxyModel::setStateFilter(StateFilter filter)
{
    if (filter == StateFilter::Unknown)
        filter = StateFilter::All;
    if (filter == m_state)
        return;
    m_state = filter;
    invalidateFilter();
}

bool AlertFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto severity = AlertSeverity(index.data(AlertModel::SeverityRole).toInt());
    if (m_minimumSeverity != AlertSeverity::Unknown && severity < m_minimumSeverity)
        return false;
    const auto state = AlertState(index.data(AlertModel::StateRole).toInt());
    switch (m_state) {
    case StateFilter::Active:
        if (state != AlertState::Firing && state != AlertState::Pending)
            return false;
        break;
    case StateFilter::Firing:
        if (state != AlertState::Firing)
            return false;
        break;
    case StateFilter::Pending:
        if (state != AlertState::Pending)
            return false;
        break;
    case StateFilter::Resolved:
        if (state != AlertState::Resolved)
            return false;
        break;
    case StateFilter::All:
    case StateFilter::Unknown:
        break;
    }
    if (!m_text.isEmpty()
        && !index.data(AlertModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace Continuo::Gui
