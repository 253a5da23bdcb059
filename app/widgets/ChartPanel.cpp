#include "widgets/ChartPanel.h"

#include "charts/SeriesChart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace Continuo::Gui {

namespace {
constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
} // namespace

QList<qint64> ChartPanel::rangesMs()
{
    return {5 * Minute, 15 * Minute, Hour, 6 * Hour, 24 * Hour, 7 * Day, 30 * Day};
}

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_chart(new SeriesChart)
    , m_title(new QLabel)
    , m_range(new QComboBox)
    , m_live(new QToolButton)
{
    setObjectName(QStringLiteral("chartPanel"));
    m_title->setObjectName(QStringLiteral("chartPanelTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_range->setObjectName(QStringLiteral("chartRange"));
    const QStringList names{tr("Last 5 min"), tr("Last 15 min"), tr("Last 1 h"), tr("Last 6 h"),
                            tr("Last 24 h"),  tr("Last 7 d"),    tr("Last 30 d")};
    const QList<qint64> ranges = rangesMs();
    for (int i = 0; i < ranges.size(); ++i)
        m_range->addItem(names.at(i), ranges.at(i));
    m_range->setToolTip(tr("Time range; the chart follows now and adds live samples"));

    m_live->setObjectName(QStringLiteral("chartLive"));
    m_live->setText(tr("Live"));
    m_live->setCheckable(true);
    m_live->setChecked(true);
    m_live->setToolTip(tr("Follow now (scroll the chart to look back in time)"));

    m_chart->setPlaceholderText(tr("Pick series in the Metrics browser (double-click or Chart) to plot them here."));

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        m_chart->setSlidingWindow(m_range->currentData().toLongLong());
        updateLiveButton();
    });
    connect(m_live, &QToolButton::clicked, this, [this] {
        m_chart->setSlidingWindow(m_range->currentData().toLongLong());
        updateLiveButton();
    });
    connect(m_chart, &SeriesChart::windowScrolled, this, &ChartPanel::updateLiveButton);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 6, 4);
    bar->addWidget(m_title, 1);
    bar->addWidget(m_range);
    bar->addWidget(m_live);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_chart, 1);
    m_chart->setSlidingWindow(rangesMs().first());
    updateTitle();
    updateLiveButton();
}

void ChartPanel::setControlPlane(IControlPlane *controlPlane)
{
    m_chart->setControlPlane(controlPlane);
    updateTitle();
}

void ChartPanel::setColours(const CanvasColours &colours)
{
    m_chart->setColours(colours);
}

void ChartPanel::showSeries(const QList<SeriesBatch> &series)
{
    if (!m_chart->isLive())
        m_chart->setSlidingWindow(rangeMs());
    m_chart->setSeries(series);
    updateTitle();
    updateLiveButton();
}

void ChartPanel::clear()
{
    m_chart->clear();
    updateTitle();
}

void ChartPanel::setRangeMs(qint64 rangeMs)
{
    const int index = m_range->findData(rangeMs);
    if (index < 0)
        return;
    if (index == m_range->currentIndex())
        m_chart->setSlidingWindow(rangeMs);
    else
        m_range->setCurrentIndex(index); // currentIndexChanged moves the chart
    updateLiveButton();
}

qint64 ChartPanel::rangeMs() const
{
    return m_range->currentData().toLongLong();
}

void ChartPanel::updateTitle()
{
    const QList<SeriesBatch> series = m_chart->series();
    if (series.isEmpty()) {
        m_titleText = tr("No series");
        m_title->setToolTip({});
    } else if (series.size() == 1) {
        m_titleText = series.first().key();
        m_title->setToolTip(m_titleText);
    } else {
        QStringList keys;
        for (const SeriesBatch &batch : series)
            keys.append(batch.key());
        m_titleText = tr("%n series", nullptr, int(series.size()));
        m_title->setToolTip(keys.join(QLatin1Char('\n')));
    }
    elideTitle();
}

void ChartPanel::elideTitle()
{
    m_title->setText(m_title->fontMetrics().elidedText(m_titleText, Qt::ElideMiddle, std::max(20, m_title->width())));
}

void ChartPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    elideTitle();
}

void ChartPanel::updateLiveButton()
{
    m_live->setChecked(m_chart->isLive());
}

} // namespace Continuo::Gui
