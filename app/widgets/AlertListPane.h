#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
QT_END_NAMESPACE

namespace Continuo::Gui {

class AlertFilterProxyModel;
class AlertModel;

/// The alert list: active alerts and the last hour's history with a text filter, a severity
/// filter and a state filter, sortable by every column.
class AlertListPane : public QWidget
{
    Q_OBJECT
public:
    explicit AlertListPane(AlertModel *model, QWidget *parent = nullptr);

    AlertFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *textFilter() const { return m_text; }
    QComboBox *severityFilter() const { return m_severity; }
    QComboBox *stateFilter() const { return m_state; }

    /// Select the alert's row (clears the selection if it is filtered out or unknown).
    void selectAlert(const QString &alertId);
    QString selectedAlertId() const;
    /// "3 active · 5 listed".
    QString countText() const;

Q_SIGNALS:
    /// The current alert changed (empty: none).
    void alertSelected(const QString &alertId);
    /// The active and total counts changed.
    void countsChanged(int active, int total);

private:
    void updateCount();

    AlertModel *m_model;
    AlertFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_text;
    QComboBox *m_severity;
    QComboBox *m_state;
    QLabel *m_count;
    QString m_current;
};

} // namespace Continuo::Gui
