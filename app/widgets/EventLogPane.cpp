#include "widgets/EventLogPane.h"

#include "models/EventFilterProxyModel.h"
#include "models/EventLogModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace Continuo::Gui {

EventLogPane::EventLogPane(EventLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new EventFilterProxyModel(this))
    , m_view(new QTableView)
    , m_text(new QLineEdit)
    , m_category(new QComboBox)
    , m_severity(new QComboBox)
    , m_count(new QLabel)
{
    setObjectName(QStringLiteral("eventLog"));
    m_proxy->setSourceModel(m_model);

    m_text->setObjectName(QStringLiteral("eventTextFilter"));
    m_text->setPlaceholderText(tr("Filter events (type, source, subject, message)…"));
    m_text->setClearButtonEnabled(true);
    m_category->setObjectName(QStringLiteral("eventCategoryFilter"));
    m_category->addItem(tr("All categories"), QString());
    const QList<std::pair<QString, QString>> categories{
        {QStringLiteral("General"), tr("General")},       {QStringLiteral("Telemetry"), tr("Telemetry")},
        {QStringLiteral("Resources"), tr("Resources")},   {QStringLiteral("Inventory"), tr("Inventory")},
        {QStringLiteral("Plugin"), tr("Plugin")},         {QStringLiteral("Deployment"), tr("Deployment")},
        {QStringLiteral("Operator"), tr("Operator")},     {QStringLiteral("Simulator"), tr("Simulator")},
    };
    for (const auto &[key, label] : categories)
        m_category->addItem(label, key);
    m_severity->addItem(tr("All severities"), 0);
    m_severity->addItem(tr("Warnings and worse"), int(EventSeverity::Warning));
    m_severity->addItem(tr("Errors only"), int(EventSeverity::Error));

    connect(m_text, &QLineEdit::textChanged, m_proxy, &EventFilterProxyModel::setTextFilter);
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setCategory(m_category->currentData().toString());
    });
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setMinimumSeverity(m_severity->currentData().toInt());
    });

    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("eventTable"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    const QFontMetrics metrics = m_view->fontMetrics();
    header->resizeSection(EventLogModel::TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    header->resizeSection(EventLogModel::SeverityColumn, metrics.horizontalAdvance(QStringLiteral("Warning")) + 28);
    header->resizeSection(EventLogModel::TypeColumn, metrics.horizontalAdvance(QStringLiteral("Resources.Status")) + 24);
    header->resizeSection(EventLogModel::SourceColumn, metrics.horizontalAdvance(QStringLiteral("plugin:simulator")) + 24);
    header->resizeSection(EventLogModel::SubjectColumn, metrics.horizontalAdvance(QStringLiteral("cloud-fra-16-xx")) + 24);

    // Follow new events while the user is at the bottom; stay put while they read history.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_followTail = value >= m_view->verticalScrollBar()->maximum() - 2;
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_view->scrollToBottom();
        updateCount();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &EventLogPane::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EventLogPane::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EventLogPane::updateCount);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString subject = index.data(EventLogModel::SubjectRole).toString();
        if (!subject.isEmpty())
            Q_EMIT subjectActivated(subject);
    });

    m_count->setEnabled(false);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_category);
    bar->addWidget(m_severity);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    updateCount();
}

void EventLogPane::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n event(s)", nullptr, total) : tr("%1 of %2 events").arg(shown).arg(total));
}

} // namespace Continuo::Gui
