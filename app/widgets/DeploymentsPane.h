#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace Continuo::Gui {

class DeploymentModel;

/// The deployments table with a text filter, Explain / Terminate / Re-optimise buttons and a
/// context menu (Pin to node…, Explain, Terminate). Rows drag onto topology nodes to pin.
/// The pane only asks; the window carries the actions out.
class DeploymentsPane : public QWidget
{
    Q_OBJECT
public:
    explicit DeploymentsPane(DeploymentModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *textFilter() const { return m_filter; }
    QAction *explainAction() const { return m_explainAction; }
    QAction *terminateAction() const { return m_terminateAction; }
    QAction *pinAction() const { return m_pinAction; }
    QAction *reoptimizeAction() const { return m_reoptimizeAction; }

    /// The current row's deployment id (empty: none).
    QString selectedDeploymentId() const;
    void selectDeployment(const QString &deploymentId);

Q_SIGNALS:
    void explainRequested(const QString &deploymentId);
    void terminateRequested(const QString &deploymentId);
    void pinRequested(const QString &deploymentId);
    void reoptimizeRequested();
    void deploymentSelected(const QString &deploymentId);

private:
    void updateActions();
    void updateCount();

    DeploymentModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QLabel *m_count;
    QAction *m_explainAction;
    QAction *m_terminateAction;
    QAction *m_pinAction;
    QAction *m_reoptimizeAction;
};

} // namespace Continuo::Gui
