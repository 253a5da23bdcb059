#include "widgets/BackendsPane.h"

#include "models/BackendObjectModel.h"
#include "widgets/PhaseChart.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Continuo::Gui {

namespace {

/// Text filter over every column plus an exact filter on the object kind.
class BackendFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setKind(const QString &kind)
    {
        m_kind = kind;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!m_kind.isEmpty()
            && sourceModel()->index(row, 0, parent).data(BackendObjectModel::KindRole).toString() != m_kind)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    QString m_kind;
};

} // namespace

QStringList BackendsPane::actionNames()
{
    return {QStringLiteral("start"),   QStringLiteral("shutdown"), QStringLiteral("suspend"),
            QStringLiteral("resume"),  QStringLiteral("migrate"),  QStringLiteral("destroy"),
            QStringLiteral("undefine"), QStringLiteral("cancel")};
}

QString BackendsPane::actionText(const QString &name)
{
    if (name == QLatin1String("start"))
        return tr("&Start");
    if (name == QLatin1String("shutdown"))
        return tr("Shut &Down");
    if (name == QLatin1String("suspend"))
        return tr("Sus&pend");
    if (name == QLatin1String("resume"))
        return tr("&Resume");
    if (name == QLatin1String("migrate"))
        return tr("&Migrate…");
    if (name == QLatin1String("destroy"))
        return tr("Force O&ff…");
    if (name == QLatin1String("undefine"))
        return tr("&Delete Definition…");
    if (name == QLatin1String("cancel"))
        return tr("&Cancel Job…");
    return name;
}

BackendsPane::BackendsPane(BackendObjectModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new BackendFilterProxy(this))
    , m_view(new QTableView)
    , m_filter(new QLineEdit)
    , m_kind(new QComboBox)
    , m_count(new QLabel)
    , m_phases(new PhaseChart)
    , m_logAction(new QAction(tr("Show &Output…"), this))
{
    setObjectName(QStringLiteral("backendsPane"));
    m_proxy->setSourceModel(model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(BackendObjectModel::SortRole);

    m_filter->setObjectName(QStringLiteral("backendFilter"));
    m_filter->setPlaceholderText(tr("Filter jobs, partitions and VMs (name, node, state…)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_kind->setObjectName(QStringLiteral("backendKindFilter"));
    m_kind->addItem(tr("Everything"), QString());
    m_kind->addItem(tr("Slurm jobs"), QStringLiteral("slurm.job"));
    m_kind->addItem(tr("Slurm partitions"), QStringLiteral("slurm.partition"));
    m_kind->addItem(tr("Virtual machines"), QStringLiteral("libvirt.domain"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        static_cast<BackendFilterProxy *>(m_proxy)->setKind(m_kind->currentData().toString());
        updateCount();
    });

    m_view->setObjectName(QStringLiteral("backendTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(BackendObjectModel::NameColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(BackendObjectModel::NameColumn, 170);
    m_view->setColumnWidth(BackendObjectModel::KindColumn, 110);
    m_view->setColumnWidth(BackendObjectModel::StateColumn, 100);
    m_view->setColumnWidth(BackendObjectModel::NodeColumn, 130);
    m_view->setColumnWidth(BackendObjectModel::UsageColumn, 130);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (const QString &name : actionNames()) {
        auto *action = new QAction(actionText(name), this);
        action->setObjectName(QStringLiteral("actionBackend_%1").arg(name));
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, [this, name] {
            const QString id = selectedObjectId();
            if (!id.isEmpty())
                Q_EMIT actionRequested(id, name);
        });
        m_actions.insert(name, action);
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        buttons->addWidget(button);
    }
    m_logAction->setObjectName(QStringLiteral("actionBackendLog"));
    m_logAction->setToolTip(tr("The selected job's output or virtual machine's serial console"));
    m_logAction->setEnabled(false);
    connect(m_logAction, &QAction::triggered, this, [this] {
        const QString id = selectedObjectId();
        if (!id.isEmpty())
            Q_EMIT logRequested(id);
    });
    auto *logButton = new QToolButton;
    logButton->setDefaultAction(m_logAction);
    logButton->setAutoRaise(true);
    buttons->addWidget(logButton);
    buttons->addStretch(1);
    m_count->setObjectName(QStringLiteral("backendCount"));
    buttons->addWidget(m_count);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        if (m_logAction->isEnabled())
            menu.addAction(m_logAction);
        for (const QString &name : actionNames()) {
            if (m_actions.value(name)->isEnabled())
                menu.addAction(m_actions.value(name));
        }
        if (!menu.isEmpty())
            menu.exec(m_view->viewport()->mapToGlobal(pos));
    });

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_kind);
    topLayout->addLayout(filters);
    topLayout->addWidget(m_view, 1);
    topLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(top);
    splitter->addWidget(m_phases);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        updatePhases();
        Q_EMIT objectSelected(selectedObjectId());
    });
    // A refresh may change what the selected object offers and its phases.
    connect(m_model, &BackendObjectModel::objectsRefreshed, this, [this] {
        updateActions();
        updatePhases();
        updateCount();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &BackendsPane::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &BackendsPane::updateCount);
    updateCount();
    updatePhases();
}

QString BackendsPane::selectedObjectId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(BackendObjectModel::ObjectIdRole).toString() : QString();
}

void BackendsPane::selectObject(const QString &objectId)
{
    const int row = m_model->rowOf(objectId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void BackendsPane::updateActions()
{
    const BackendObject *object = m_model->find(selectedObjectId());
    const QStringList offered = object ? object->actions : QStringList();
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
        it.value()->setEnabled(offered.contains(it.key()));
    m_logAction->setEnabled(object && (object->kind == QLatin1String("slurm.job")
                                       || object->kind == QLatin1String("libvirt.domain")));
}

void BackendsPane::updatePhases()
{
    m_phases->setObjects(m_model->objects(), selectedObjectId());
}

void BackendsPane::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace Continuo::Gui
