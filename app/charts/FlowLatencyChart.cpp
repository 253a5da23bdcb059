#include "charts/FlowLatencyChart.h"

#include "control/IControlPlane.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QStackedLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Continuo::Gui {

namespace {

constexpr auto SwitchLabel = "switch";
constexpr auto FlowLabel = "flow";

double niceCeiling(double value)
{
    if (value <= 0)
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * magnitude)
            return step * magnitude;
    }
    return 10.0 * magnitude;
}

} // namespace

FlowLatencyChart::FlowLatencyChart(QWidget *parent)
    : QWidget(parent)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart))
    , m_emptyHint(new QLabel)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
    , m_thresholdSeries(new QLineSeries)
{
    setObjectName(QStringLiteral("flowLatencyChart"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    m_chart->setBackgroundRoundness(0);
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(5);
    m_valueAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_valueAxis->setTitleText(tr("hop latency (ms)"));
    m_valueAxis->setTickCount(5);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_thresholdSeries->setName(tr("SLA threshold"));
    m_chart->addSeries(m_thresholdSeries);
    m_thresholdSeries->attachAxis(m_timeAxis);
    m_thresholdSeries->attachAxis(m_valueAxis);
    m_thresholdSeries->setVisible(false);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    m_view->setFrameShape(QFrame::NoFrame);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setText(tr("Select a connection to see the hop latency of its flow on every switch."));
    m_emptyHint->setEnabled(false);
    auto *layout = new QStackedLayout(this);
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_view);
    layout->setCurrentWidget(m_emptyHint);

    m_frameTimer.setInterval(FrameInterval);
    connect(&m_frameTimer, &QTimer::timeout, this, &FlowLatencyChart::applyFrame);
    setColours(m_colours);
}

FlowLatencyChart::~FlowLatencyChart()
{
    stopSubscription();
}

void FlowLatencyChart::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    clear();
    disconnect(m_samplesConnection);
    m_controlPlane = controlPlane;
    if (m_controlPlane)
        m_samplesConnection = connect(m_controlPlane, &IControlPlane::samplesReceived, this, &FlowLatencyChart::onSamples);
}

void FlowLatencyChart::setColours(const CanvasColours &colours)
{
    m_colours = colours;
    m_chart->setBackgroundBrush(colours.siteFill);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(colours.text);
    QFont legendFont = font();
    legendFont.setPixelSize(11);
    m_chart->legend()->setFont(legendFont);
    m_view->setBackgroundBrush(colours.siteFill);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(colours.mutedText);
        axis->setGridLineColor(colours.siteBorder);
        axis->setLinePenColor(colours.siteBorder);
        axis->setTitleBrush(colours.mutedText);
        QFont axisFont = font();
        axisFont.setPixelSize(10);
        axis->setLabelsFont(axisFont);
        axis->setTitleFont(axisFont);
    }
    m_thresholdSeries->setPen(QPen(colours.critical, 1.5, Qt::DashLine));
    restyle();
}

void FlowLatencyChart::restyle()
{
    // One colour per switch (in path order), avg solid and max dashed.
    const QList<QColor> palette{m_colours.chartSeries1, m_colours.chartSeries2, m_colours.chartSeries3,
                                m_colours.info, m_colours.warning};
    QStringList switches = m_path;
    for (const Trace &trace : std::as_const(m_traces)) {
        if (!switches.contains(trace.switchId))
            switches.append(trace.switchId);
    }
    for (Trace &trace : m_traces) {
        const QColor colour = palette.at(int(switches.indexOf(trace.switchId)) % palette.size());
        const bool maximum = trace.metric == QLatin1String(MaxMetric);
        trace.series->setPen(QPen(colour, maximum ? 1.3 : 2.0, maximum ? Qt::DashLine : Qt::SolidLine));
    }
}

void FlowLatencyChart::stopSubscription()
{
    if (m_subscription && m_controlPlane)
        m_controlPlane->unsubscribeTelemetry(m_subscription);
    m_subscription = 0;
}

void FlowLatencyChart::clear()
{
    ++m_generation;
    stopSubscription();
    for (Trace &trace : m_traces) {
        m_chart->removeSeries(trace.series);
        delete trace.series;
    }
    m_traces.clear();
    m_traceIndex.clear();
    m_flowId = 0;
    m_path.clear();
    m_thresholdSeries->setVisible(false);
    m_frameTimer.stop();
    static_cast<QStackedLayout *>(layout())->setCurrentWidget(m_emptyHint);
}

void FlowLatencyChart::showFlow(quint32 flowId, const QString &title, const QStringList &path, double thresholdMs)
{
    if (flowId == m_flowId && flowId != 0) {
        m_path = path;
        setThresholdMs(thresholdMs);
        restyle();
        return;
    }
    clear();
    if (flowId == 0)
        return;
    m_flowId = flowId;
    m_path = path;
    m_chart->setTitle(title);
    m_chart->setTitleBrush(m_colours.text);
    setThresholdMs(thresholdMs);
    static_cast<QStackedLayout *>(layout())->setCurrentWidget(m_view);
    if (m_controlPlane) {
        const Labels labels{{QLatin1String(FlowLabel), QString::number(flowId)}};
        m_subscription = m_controlPlane->subscribeTelemetry(
            {SeriesMatcher{QLatin1String(AvgMetric), labels}, SeriesMatcher{QLatin1String(MaxMetric), labels}});
        backfill();
    }
    m_dirty = true;
    applyFrame();
    m_frameTimer.start();
}

void FlowLatencyChart::setThresholdMs(double thresholdMs)
{
    m_thresholdMs = std::max(0.0, thresholdMs);
    m_thresholdSeries->setVisible(m_thresholdMs > 0);
    const auto markers = m_chart->legend()->markers(m_thresholdSeries);
    for (QLegendMarker *marker : markers)
        marker->setVisible(m_thresholdMs > 0);
    m_dirty = true;
}

FlowLatencyChart::Trace &FlowLatencyChart::traceFor(const QString &metric, const QString &switchId)
{
    const QString key = metric + QLatin1Char('|') + switchId;
    const auto it = m_traceIndex.constFind(key);
    if (it != m_traceIndex.cend())
        return m_traces[*it];
    Trace trace;
    trace.metric = metric;
    trace.switchId = switchId;
    trace.series = new QLineSeries;
    trace.series->setName(metric == QLatin1String(MaxMetric) ? tr("%1 max").arg(switchId) : tr("%1 avg").arg(switchId));
    m_chart->addSeries(trace.series);
    trace.series->attachAxis(m_timeAxis);
    trace.series->attachAxis(m_valueAxis);
    m_traceIndex.insert(key, int(m_traces.size()));
    m_traces.append(std::move(trace));
    restyle();
    return m_traces.last();
}

void FlowLatencyChart::backfill()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const quint64 generation = m_generation;
    const QString selector = QStringLiteral("{__name__=~\"%1|%2\",%3=\"%4\"}")
                                 .arg(QLatin1String(AvgMetric), QLatin1String(MaxMetric), QLatin1String(FlowLabel))
                                 .arg(m_flowId);
    m_controlPlane->queryChart(selector, now - DefaultWindowMs, now, 600, this,
                               [this, generation](const Result<QList<DownsampledSeries>> &result) {
        if (generation != m_generation || !result)
            return;
        for (const DownsampledSeries &series : *result) {
            const QString sw = series.labels.value(QLatin1String(SwitchLabel));
            if (sw.isEmpty())
                continue;
            Trace &trace = traceFor(series.metric, sw);
            // Live samples may already be here: put the history in front of them.
            const double firstLive = trace.points.empty() ? std::numeric_limits<double>::max() : trace.points.front().x();
            std::vector<QPointF> merged;
            for (const Sample &sample : series.points()) {
                if (double(sample.timestampMs) < firstLive)
                    merged.emplace_back(double(sample.timestampMs), sample.value * 1000.0);
            }
            merged.insert(merged.end(), trace.points.begin(), trace.points.end());
            trace.points = std::move(merged);
        }
        m_dirty = true;
    });
}

void FlowLatencyChart::onSamples(int subscriptionId, const QList<SeriesBatch> &batches)
{
    if (subscriptionId != m_subscription || m_subscription == 0)
        return;
    const QString flow = QString::number(m_flowId);
    for (const SeriesBatch &batch : batches) {
        if (batch.labels.value(QLatin1String(FlowLabel)) != flow)
            continue;
        const QString sw = batch.labels.value(QLatin1String(SwitchLabel));
        if (sw.isEmpty() || (batch.metric != QLatin1String(AvgMetric) && batch.metric != QLatin1String(MaxMetric)))
            continue;
        Trace &trace = traceFor(batch.metric, sw);
        for (const Sample &sample : batch.samples) {
            const double x = double(sample.timestampMs);
            if (!trace.points.empty() && x <= trace.points.back().x())
                continue;
            trace.points.emplace_back(x, sample.value * 1000.0);
        }
        if (trace.points.size() > MaxPointsPerTrace)
            trace.points.erase(trace.points.begin(), trace.points.end() - MaxPointsPerTrace);
        m_dirty = true;
    }
}

void FlowLatencyChart::applyFrame()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const double from = double(now - DefaultWindowMs);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(now - DefaultWindowMs), QDateTime::fromMSecsSinceEpoch(now));
    if (m_thresholdMs > 0)
        m_thresholdSeries->replace(QList<QPointF>{{from, m_thresholdMs}, {double(now), m_thresholdMs}});
    if (!m_dirty)
        return;
    m_dirty = false;
    double maximum = m_thresholdMs;
    for (Trace &trace : m_traces) {
        auto firstVisible = std::lower_bound(trace.points.begin(), trace.points.end(), from,
                                             [](const QPointF &p, double x) { return p.x() < x; });
        if (firstVisible != trace.points.begin())
            trace.points.erase(trace.points.begin(), firstVisible - 1);
        QList<QPointF> points(trace.points.begin(), trace.points.end());
        for (const QPointF &p : points)
            maximum = std::max(maximum, p.y());
        trace.series->replace(points);
    }
    m_valueAxis->setRange(0, niceCeiling(std::max(0.1, maximum * 1.15)));
}

int FlowLatencyChart::pointCount() const
{
    int count = 0;
    for (const Trace &trace : m_traces)
        count += int(trace.series->count());
    return count;
}

double FlowLatencyChart::latestMs(const QString &switchId, bool maximum) const
{
    const QString key = QLatin1String(maximum ? MaxMetric : AvgMetric) + QLatin1Char('|') + switchId;
    const auto it = m_traceIndex.constFind(key);
    if (it == m_traceIndex.cend() || m_traces.at(*it).points.empty())
        return -1.0;
    return m_traces.at(*it).points.back().y();
}

} // namespace Continuo::Gui
