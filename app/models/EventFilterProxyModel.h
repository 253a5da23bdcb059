#pragma once

#include <QSortFilterProxyModel>

namespace Continuo::Gui {

/// Filters the event log by free text (type, source, subject, message) and by category.
class EventFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);

    QString textFilter() const { return m_text; }
    void setTextFilter(const QString &text);
    /// Event category ("Resources"); empty shows every category.
    QString category() const { return m_category; }
    void setCategory(const QString &category);
    /// Hide events below this severity (an EventSeverity value; 0 shows all).
    void setMinimumSeverity(int severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_category;
    int m_minimumSeverity = 0;
};

} // namespace Continuo::Gui
