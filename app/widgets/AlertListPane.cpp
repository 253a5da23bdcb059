#include "widgets/AlertListPane.h"

#include "models/AlertFilterProxyModel.h"
#include "models/AlertModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace Continuo::Gui {

AlertListPane::AlertListPane(AlertModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new AlertFilterProxyModel(this))
    , m_view(new QTableView)
    , m_text(new QLineEdit)
    , m_severity(new QComboBox)
    , m_state(new QComboBox)
    , m_count(new QLabel)
{
    setObjectName(QStringLiteral("alertList"));
    m_proxy->setSourceModel(m_model);

    m_text->setObjectName(QStringLiteral("alertTextFilter"));
    m_text->setPlaceholderText(tr("Filter alerts (subject, rule, summary, metric, workload)…"));
    m_text->setClearButtonEnabled(true);
    m_severity->setObjectName(QStringLiteral("alertSeverityFilter"));
    m_severity->addItem(tr("All severities"), int(AlertSeverity::Unknown));
    m_severity->addItem(tr("Warning and critical"), int(AlertSeverity::Warning));
    m_severity->addItem(tr("Critical only"), int(AlertSeverity::Critical));
    m_state->setObjectName(QStringLiteral("alertStateFilter"));
    m_state->addItem(tr("All states"), int(AlertFilterProxyModel::StateFilter::All));
    m_state->addItem(tr("Active"), int(AlertFilterProxyModel::StateFilter::Active));
    m_state->addItem(tr("Firing"), int(AlertFilterProxyModel::StateFilter::Firing));
    m_state->addItem(tr("Pending"), int(AlertFilterProxyModel::StateFilter::Pending));
    m_state->addItem(tr("Resolved"), int(AlertFilterProxyModel::StateFilter::Resolved));

    connect(m_text, &QLineEdit::textChanged, m_proxy, &AlertFilterProxyModel::setTextFilter);
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setMinimumSeverity(AlertSeverity(m_severity->currentData().toInt()));
    });
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStateFilter(AlertFilterProxyModel::StateFilter(m_state->currentData().toInt()));
    });

    m_view->setObjectName(QStringLiteral("alertTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertModel::StartedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(AlertModel::SummaryColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = m_view->fontMetrics();
    const int decoration = 38; // the colour swatch, its spacing and the cell padding
    header->setMinimumSectionSize(40);
    const auto widest = [&metrics](const QStringList &texts) {
        int width = 0;
        for (const QString &text : texts)
            width = std::max(width, metrics.horizontalAdvance(text));
        return width;
    };
    header->resizeSection(AlertModel::StateColumn,
                          widest({AlertModel::stateText(AlertState::Pending), AlertModel::stateText(AlertState::Firing),
                                  AlertModel::stateText(AlertState::Resolved)}) + decoration);
    header->resizeSection(AlertModel::SeverityColumn,
                          widest({AlertModel::severityText(AlertSeverity::Info), AlertModel::severityText(AlertSeverity::Warning),
                                  AlertModel::severityText(AlertSeverity::Critical)}) + decoration);
    header->resizeSection(AlertModel::SubjectColumn, metrics.horizontalAdvance(QStringLiteral("link-core1-core2")) + 12);
    header->resizeSection(AlertModel::RuleColumn, metrics.horizontalAdvance(QStringLiteral("link-latency-high")) + 12);
    header->resizeSection(AlertModel::StartedColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00")) + 16);
    header->resizeSection(AlertModel::DurationColumn, metrics.horizontalAdvance(AlertModel::durationText(3'599'000)) + 16);
    header->resizeSection(AlertModel::FlagsColumn, metrics.horizontalAdvance(AlertModel::flagsText(true, true)) + 12);
    m_view->setTextElideMode(Qt::ElideRight);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const QString id = current.isValid() ? current.data(AlertModel::AlertIdRole).toString() : QString();
        if (id == m_current)
            return;
        m_current = id;
        Q_EMIT alertSelected(id);
    });
    for (QAbstractItemModel *source : {static_cast<QAbstractItemModel *>(m_proxy), static_cast<QAbstractItemModel *>(m_model)}) {
        connect(source, &QAbstractItemModel::rowsInserted, this, &AlertListPane::updateCount);
        connect(source, &QAbstractItemModel::rowsRemoved, this, &AlertListPane::updateCount);
        connect(source, &QAbstractItemModel::modelReset, this, &AlertListPane::updateCount);
    }
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
        // Durations tick every second; only state changes move the counts.
        if (roles.isEmpty() || roles.contains(AlertModel::StateRole))
            updateCount();
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AlertListPane::updateCount);

    m_count->setObjectName(QStringLiteral("alertCount"));
    m_count->setEnabled(false);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_severity);
    bar->addWidget(m_state);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    updateCount();
}

void AlertListPane::selectAlert(const QString &alertId)
{
    const int sourceRow = m_model->rowOf(alertId);
    const QModelIndex index = sourceRow < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        m_view->selectionModel()->clearSelection();
        m_view->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
        if (!m_current.isEmpty()) {
            m_current.clear();
            Q_EMIT alertSelected({});
        }
        return;
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QString AlertListPane::selectedAlertId() const
{
    return m_current;
}

QString AlertListPane::countText() const
{
    return m_count->text();
}

void AlertListPane::updateCount()
{
    int active = 0;
    const int total = m_model->rowCount();
    for (int row = 0; row < total; ++row) {
        if (m_model->alertAt(row).isActive())
            ++active;
    }
    const int shown = m_proxy->rowCount();
    QString text = tr("%n active", nullptr, active) + QStringLiteral(" · ") + tr("%n listed", nullptr, total);
    if (shown != total)
        text += QStringLiteral(" · ") + tr("%1 shown").arg(shown);
    m_count->setText(text);
    Q_EMIT countsChanged(active, total);
}

} // namespace Continuo::Gui
