#pragma once

#include "anomaly/Alert.h"

#include <QSortFilterProxyModel>

namespace Continuo::Gui {

/// Filters the alert list by free text (subject, rule, summary, metrics, workloads), by
/// minimum severity and by state; sorts on AlertModel::SortRole.
class AlertFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StateFilter { Unknown, All, Active, Firing, Pending, Resolved };
    Q_ENUM(StateFilter)

    explicit AlertFilterProxyModel(QObject *parent = nullptr);

    QString textFilter() const { return m_text; }
    void setTextFilter(const QString &text);
    /// Hide alerts below this severity (Unknown shows all).
    AlertSeverity minimumSeverity() const { return m_minimumSeverity; }
    void setMinimumSeverity(AlertSeverity severity);
    StateFilter stateFilter() const { return m_state; }
    void setStateFilter(StateFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    AlertSeverity m_minimumSeverity = AlertSeverity::Unknown;
    StateFilter m_state = StateFilter::All;
};

} // namespace Continuo::Gui
