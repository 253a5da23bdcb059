#pragma once

#include <QHash>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
QT_END_NAMESPACE

namespace Continuo::Gui {

class BackendObjectModel;
class PhaseChart;

/// HPC partitions and jobs and virtual machines as the backend plugins see them: a filterable
/// table (text and kind), the actions the selected object offers now (cancel a job; start,
/// shut down, destroy, suspend, resume, migrate a VM) as buttons and context menu, and the
/// instantiation phase chart. The pane only asks; the window confirms and carries actions out.
class BackendsPane : public QWidget
{
    Q_OBJECT
public:
    explicit BackendsPane(BackendObjectModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *textFilter() const { return m_filter; }
    QComboBox *kindFilter() const { return m_kind; }
    PhaseChart *phaseChart() const { return m_phases; }
    /// The action button/menu entry for a backend action name ("cancel", "migrate", ...).
    QAction *action(const QString &name) const { return m_actions.value(name); }
    /// "Show Output…": a job's output or a VM's serial console.
    QAction *logAction() const { return m_logAction; }

    /// Every action name the pane offers, in toolbar order.
    static QStringList actionNames();
    static QString actionText(const QString &name);

    QString selectedObjectId() const;
    void selectObject(const QString &objectId);

Q_SIGNALS:
    void actionRequested(const QString &objectId, const QString &action);
    void logRequested(const QString &objectId);
    void objectSelected(const QString &objectId);

private:
    void updateActions();
    void updatePhases();
    void updateCount();

    BackendObjectModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QComboBox *m_kind;
    QLabel *m_count;
    PhaseChart *m_phases;
    QHash<QString, QAction *> m_actions;
    QAction *m_logAction;
};

} // namespace Continuo::Gui
