#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
QT_END_NAMESPACE

namespace Continuo::Gui {

class EventFilterProxyModel;
class EventLogModel;

/// The event log table with a text filter, a category filter and a severity filter.
class EventLogPane : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogPane(EventLogModel *model, QWidget *parent = nullptr);

    EventFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *textFilter() const { return m_text; }
    QComboBox *categoryFilter() const { return m_category; }

Q_SIGNALS:
    /// The user activated an event about an inventory object.
    void subjectActivated(const QString &subjectId);

private:
    void updateCount();

    EventLogModel *m_model;
    EventFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_text;
    QComboBox *m_category;
    QComboBox *m_severity;
    QLabel *m_count;
    bool m_followTail = true;
};

} // namespace Continuo::Gui
