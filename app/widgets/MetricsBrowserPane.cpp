#include "widgets/MetricsBrowserPane.h"

#include "charts/SeriesChart.h"
#include "control/IControlPlane.h"
#include "models/SeriesListModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Continuo::Gui {

MetricsBrowserPane::MetricsBrowserPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new SeriesListModel(this))
    , m_search(new QLineEdit)
    , m_view(new QTableView)
    , m_hint(new QLabel)
    , m_chartButton(new QPushButton(tr("Chart")))
{
    setObjectName(QStringLiteral("metricsBrowser"));
    m_search->setObjectName(QStringLiteral("metricsSearch"));
    m_search->setPlaceholderText(tr("Metric name, or a selector: node_cpu_utilisation{site=~\"site-hpc.*\"}"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("A part of a metric name, or a series selector with =, !=, =~ and !~ "
                            "(regular expressions match the whole value)"));
    m_chartButton->setObjectName(QStringLiteral("metricsChartButton"));
    m_chartButton->setToolTip(tr("Chart the selected series"));

    m_view->setObjectName(QStringLiteral("metricsTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->resizeSection(SeriesListModel::MetricColumn,
                          m_view->fontMetrics().horizontalAdvance(QStringLiteral("node_network_receive_bytes_rate")) + 24);

    m_hint->setObjectName(QStringLiteral("metricsHint"));
    m_hint->setEnabled(false);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(SearchDelay);
    connect(&m_debounce, &QTimer::timeout, this, &MetricsBrowserPane::search);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &MetricsBrowserPane::search);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        m_view->selectRow(index.row());
        chartSelection();
    });
    connect(m_chartButton, &QPushButton::clicked, this, &MetricsBrowserPane::chartSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MetricsBrowserPane::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MetricsBrowserPane::updateButtons);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_chartButton);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(8, 2, 8, 4);
    footer->addWidget(m_hint, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addLayout(footer);
    updateButtons();
}

void MetricsBrowserPane::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    if (m_controlPlane)
        disconnect(m_controlPlane, nullptr, this, nullptr);
    m_controlPlane = controlPlane;
    ++m_generation;
    m_model->clear();
    m_hint->clear();
    if (!m_controlPlane)
        return;
    connect(m_controlPlane, &IControlPlane::connectionStateChanged, this, [this](IControlPlane::ConnectionState state) {
        if (state == IControlPlane::ConnectionState::Connected)
            search();
    });
    search();
}

void MetricsBrowserPane::search()
{
    m_debounce.stop();
    if (!m_controlPlane)
        return;
    const QString selector = SeriesListModel::selectorFor(m_search->text());
    const quint64 generation = ++m_generation;
    m_controlPlane->listSeries(selector, ListLimit, this, [this, generation](const Result<SeriesListing> &result) {
        // An answer to an older search (the operator kept typing) is of no use.
        if (generation != m_generation)
            return;
        ++m_answered;
        if (!result) {
            m_model->clear();
            m_hint->setEnabled(true);
            m_hint->setText(tr("Not a valid search: %1").arg(result.error()));
            m_hint->setStyleSheet(QStringLiteral("QLabel { color: #e5534b; }"));
            return;
        }
        m_model->setSeries(result->series, result->truncated);
        m_hint->setEnabled(false);
        m_hint->setStyleSheet({});
        const int count = int(result->series.size());
        m_hint->setText(result->truncated
                            ? tr("Showing %1 of more than %1 series. Refine the search to see the rest.").arg(count)
                            : tr("Showing %n series.", nullptr, count));
    });
}

QString MetricsBrowserPane::hintText() const
{
    return m_hint->text();
}

void MetricsBrowserPane::chartSelection()
{
    QList<SeriesBatch> series;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        series.append(m_model->seriesAt(index.row()));
        if (series.size() >= SeriesChart::MaximumSeries)
            break;
    }
    if (!series.isEmpty())
        Q_EMIT chartRequested(series);
}

void MetricsBrowserPane::updateButtons()
{
    m_chartButton->setEnabled(m_view->selectionModel()->hasSelection());
}

} // namespace Continuo::Gui
