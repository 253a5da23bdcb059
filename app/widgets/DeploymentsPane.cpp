#include "widgets/DeploymentsPane.h"

#include "models/DeploymentModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Continuo::Gui {

DeploymentsPane::DeploymentsPane(DeploymentModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView)
    , m_filter(new QLineEdit)
    , m_count(new QLabel)
    , m_explainAction(new QAction(tr("&Explain"), this))
    , m_terminateAction(new QAction(tr("&Terminate…"), this))
    , m_pinAction(new QAction(tr("&Pin to Node…"), this))
    , m_reoptimizeAction(new QAction(tr("&Re-optimise…"), this))
{
    setObjectName(QStringLiteral("deploymentsPane"));
    m_proxy->setSourceModel(model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(DeploymentModel::SortRole);

    m_filter->setObjectName(QStringLiteral("deploymentFilter"));
    m_filter->setPlaceholderText(tr("Filter deployments (id, workload, node, state…)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("deploymentTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DeploymentModel::UpdatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(DeploymentModel::DeploymentColumn, 150);
    m_view->setColumnWidth(DeploymentModel::WorkloadColumn, 160);
    m_view->setColumnWidth(DeploymentModel::StateColumn, 120);
    m_view->setColumnWidth(DeploymentModel::NodeColumn, 130);
    m_view->setColumnWidth(DeploymentModel::AttemptsColumn, 70);
    // Drag a row onto a node of the topology to pin the deployment there.
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        menu.addAction(m_pinAction);
        menu.addAction(m_explainAction);
        menu.addSeparator();
        menu.addAction(m_terminateAction);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });

    m_explainAction->setObjectName(QStringLiteral("actionExplainDeployment"));
    m_explainAction->setToolTip(tr("Why the selected deployment's workload is where it is"));
    m_terminateAction->setObjectName(QStringLiteral("actionTerminateWorkload"));
    m_terminateAction->setToolTip(tr("Terminate every deployment of the selected workload"));
    m_pinAction->setObjectName(QStringLiteral("actionPinDeployment"));
    m_pinAction->setToolTip(tr("Move the selected deployment to a node you choose (or drag it onto a node)"));
    m_reoptimizeAction->setObjectName(QStringLiteral("actionReoptimize"));
    m_reoptimizeAction->setToolTip(tr("Compute moves that improve placement, review them, then apply"));
    connect(m_explainAction, &QAction::triggered, this, [this] { Q_EMIT explainRequested(selectedDeploymentId()); });
    connect(m_terminateAction, &QAction::triggered, this, [this] { Q_EMIT terminateRequested(selectedDeploymentId()); });
    connect(m_pinAction, &QAction::triggered, this, [this] { Q_EMIT pinRequested(selectedDeploymentId()); });
    connect(m_reoptimizeAction, &QAction::triggered, this, &DeploymentsPane::reoptimizeRequested);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] { Q_EMIT explainRequested(selectedDeploymentId()); });

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filter, 1);
    for (QAction *action : {m_explainAction, m_terminateAction, m_reoptimizeAction}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolbar->addWidget(button);
    }
    toolbar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(toolbar);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        Q_EMIT deploymentSelected(selectedDeploymentId());
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &DeploymentsPane::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &DeploymentsPane::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DeploymentsPane::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &DeploymentsPane::updateCount);
    updateActions();
    updateCount();
}

QString DeploymentsPane::selectedDeploymentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(DeploymentModel::DeploymentIdRole).toString() : QString();
}

void DeploymentsPane::selectDeployment(const QString &deploymentId)
{
    const int row = m_model->rowOf(deploymentId);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->selectRow(index.row());
    m_view->scrollTo(index);
}

void DeploymentsPane::updateActions()
{
    const bool has = !selectedDeploymentId().isEmpty();
    m_explainAction->setEnabled(has);
    m_terminateAction->setEnabled(has);
    m_pinAction->setEnabled(has);
}

void DeploymentsPane::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    updateActions();
}

} // namespace Continuo::Gui
