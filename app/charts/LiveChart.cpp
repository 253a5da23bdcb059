#include "charts/LiveChart.h"

#include "control/IControlPlane.h"
#include "topology/LinkLatency.h"

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

LiveChart::LiveChart(QWidget *parent)
    : QWidget(parent)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart))
    , m_emptyHint(new QLabel)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
    , m_referenceSeries(new QLineSeries)
{
    setObjectName(QStringLiteral("liveChart"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    m_chart->setBackgroundRoundness(0);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(6);
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_valueAxis->setTickCount(5);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_referenceSeries->setName(tr("nominal"));
    m_chart->addSeries(m_referenceSeries);
    m_referenceSeries->attachAxis(m_timeAxis);
    m_referenceSeries->attachAxis(m_valueAxis);
    m_referenceSeries->setVisible(false);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);
    m_view->setFrameShape(QFrame::NoFrame);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setText(tr("Select a node or a link on the canvas to see its live chart."));
    m_emptyHint->setEnabled(false);

    auto *layout = new QStackedLayout(this);
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_view);
    layout->setCurrentWidget(m_emptyHint);

    m_frameTimer.setInterval(FrameInterval);
    connect(&m_frameTimer, &QTimer::timeout, this, &LiveChart::applyFrame);
    setColours(m_colours);
}

LiveChart::~LiveChart()
{
    stopSubscription();
}

void LiveChart::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    clear();
    disconnect(m_samplesConnection);
    m_controlPlane = controlPlane;
    if (m_controlPlane)
        m_samplesConnection = connect(m_controlPlane, &IControlPlane::samplesReceived, this, &LiveChart::onSamples);
}

void LiveChart::setColours(const CanvasColours &colours)
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
    QPen reference(colours.mutedText, 1.2, Qt::DashLine);
    m_referenceSeries->setPen(reference);
    const QList<QColor> palette{colours.chartSeries1, colours.chartSeries2, colours.chartSeries3};
    for (int i = 0; i < m_traces.size(); ++i) {
        if (m_traces[i].series)
            m_traces[i].series->setPen(QPen(palette.at(i % palette.size()), 2.0,
                                            m_traces[i].estimated ? Qt::DashLine : Qt::SolidLine));
    }
}

void LiveChart::setWindowMs(qint64 windowMs)
{
    m_windowMs = std::max<qint64>(10'000, windowMs);
    m_timeAxis->setFormat(m_windowMs > 3 * 3600 * 1000 ? QStringLiteral("dd HH:mm")
                                                       : (m_windowMs > 10 * 60 * 1000 ? QStringLiteral("HH:mm")
                                                                                      : QStringLiteral("HH:mm:ss")));
}

void LiveChart::stopSubscription()
{
    if (m_subscription && m_controlPlane)
        m_controlPlane->unsubscribeTelemetry(m_subscription);
    m_subscription = 0;
}

void LiveChart::clear()
{
    ++m_generation;
    stopSubscription();
    for (Trace &trace : m_traces) {
        m_chart->removeSeries(trace.series);
        delete trace.series;
    }
    m_traces.clear();
    m_subjectId.clear();
    m_referenceSeries->setVisible(false);
    m_frameTimer.stop();
    static_cast<QStackedLayout *>(layout())->setCurrentWidget(m_emptyHint);
}

void LiveChart::showNode(const QString &nodeId, const QString &siteId)
{
    if (nodeId == m_subjectId)
        return;
    Labels guess{{QLatin1String(MetricLabels::Node), nodeId}};
    if (!siteId.isEmpty())
        guess.insert(QLatin1String(MetricLabels::Site), siteId);
    QList<Trace> traces;
    Trace cpu;
    cpu.metric = QLatin1String(Metrics::NodeCpuUtilisation);
    cpu.scale = 100.0;
    cpu.seriesKey = seriesKey(cpu.metric, guess);
    traces.append(cpu);
    Trace memory;
    memory.metric = QLatin1String(Metrics::NodeMemoryUtilisation);
    memory.scale = 100.0;
    memory.seriesKey = seriesKey(memory.metric, guess);
    traces.append(memory);
    m_reference = 0.0;
    start(nodeId, traces, {{QLatin1String(MetricLabels::Node), nodeId}}, tr("%"), 100.0, true);
    m_traces[0].series->setName(tr("CPU %"));
    m_traces[1].series->setName(tr("Memory %"));
}

void LiveChart::showLink(const QString &linkId, double nominalLatencyMs)
{
    if (linkId == m_subjectId)
        return;
    const Labels labels{{QLatin1String(MetricLabels::Link), linkId}};
    Trace latency;
    latency.metric = QLatin1String(Metrics::LinkLatencySeconds);
    latency.otherMetrics = LinkLatency::metrics();
    latency.otherMetrics.removeAll(latency.metric);
    latency.scale = 1000.0;
    latency.seriesKey = seriesKey(latency.metric, labels);
    m_reference = nominalLatencyMs;
    start(linkId, {latency}, labels, tr("ms"), std::max(1.0, nominalLatencyMs * 2), false);
    m_traces[0].series->setName(tr("Latency (ms)"));
}

void LiveChart::start(const QString &subjectId, const QList<Trace> &traces, const Labels &matchLabels,
                      const QString &yTitle, double yMaximum, bool fixedRange)
{
    clear();
    m_subjectId = subjectId;
    m_traces = traces;
    m_yMaximum = yMaximum;
    m_fixedRange = fixedRange;
    m_valueAxis->setTitleText(yTitle);
    m_valueAxis->setLabelFormat(fixedRange ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    QList<SeriesMatcher> matchers;
    for (Trace &trace : m_traces) {
        trace.series = new QLineSeries;
        m_chart->addSeries(trace.series);
        trace.series->attachAxis(m_timeAxis);
        trace.series->attachAxis(m_valueAxis);
        trace.series->setUseOpenGL(false);
        matchers.append(SeriesMatcher{trace.metric, matchLabels});
        for (const QString &metric : std::as_const(trace.otherMetrics))
            matchers.append(SeriesMatcher{metric, matchLabels});
    }
    m_referenceSeries->setVisible(m_reference > 0);
    // The legend marker of the reference line is only useful when it is drawn.
    const auto markers = m_chart->legend()->markers(m_referenceSeries);
    for (QLegendMarker *marker : markers)
        marker->setVisible(m_reference > 0);
    setColours(m_colours);
    static_cast<QStackedLayout *>(layout())->setCurrentWidget(m_view);
    if (m_controlPlane)
        m_subscription = m_controlPlane->subscribeTelemetry(matchers);
    for (int i = 0; i < m_traces.size(); ++i)
        backfill(i);
    m_dirty = true;
    applyFrame();
    m_frameTimer.start();
}

void LiveChart::backfill(int traceIndex)
{
    if (!m_controlPlane)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const quint64 generation = m_generation;
    const QString key = m_traces[traceIndex].seriesKey;
    m_controlPlane->queryRange(key, now - m_windowMs, now, this,
                               [this, generation, traceIndex, key](const Result<QList<Sample>> &result) {
        if (generation != m_generation || traceIndex >= m_traces.size() || !result)
            return;
        Trace &trace = m_traces[traceIndex];
        if (trace.seriesKey != key)
            return;
        const QList<Sample> &samples = result.value();
        if (samples.isEmpty())
            return;
        trace.backfilled = true;
        // Live samples may already be here: keep them, put the history in front.
        const double firstLive = trace.points.empty() ? std::numeric_limits<double>::max() : trace.points.front().x();
        std::vector<QPointF> merged;
        merged.reserve(size_t(samples.size()) + trace.points.size());
        for (const Sample &sample : samples) {
            if (double(sample.timestampMs) < firstLive)
                merged.emplace_back(double(sample.timestampMs), sample.value * trace.scale);
        }
        merged.insert(merged.end(), trace.points.begin(), trace.points.end());
        trace.points = std::move(merged);
        m_dirty = true;
    });
}

void LiveChart::onSamples(int subscriptionId, const QList<SeriesBatch> &batches)
{
    if (subscriptionId != m_subscription || m_subscription == 0)
        return;
    for (const SeriesBatch &batch : batches) {
        for (int i = 0; i < m_traces.size(); ++i) {
            Trace &trace = m_traces[i];
            if (trace.metric != batch.metric && !trace.otherMetrics.contains(batch.metric))
                continue;
            const QString key = batch.key();
            if (key != trace.seriesKey) {
                const bool estimated = LinkLatency::sourceOf(batch.labels) == LatencySource::Estimated;
                // A measurement replaces an estimate, never the other way round.
                const bool hasMeasurements = !trace.estimated && (trace.backfilled || !trace.points.empty());
                if (estimated && hasMeasurements)
                    continue;
                if (trace.estimated && !estimated) {
                    trace.points.clear();
                    trace.backfilled = false;
                }
                // The guessed key was wrong: the live sample names the real series.
                trace.seriesKey = key;
                if (estimated != trace.estimated) {
                    trace.estimated = estimated;
                    trace.series->setName(estimated ? tr("Latency, estimated (ms)") : tr("Latency (ms)"));
                    setColours(m_colours);
                }
                if (!trace.backfilled)
                    backfill(i);
            }
            for (const Sample &sample : batch.samples) {
                const double x = double(sample.timestampMs);
                if (!trace.points.empty() && x <= trace.points.back().x())
                    continue;
                trace.points.emplace_back(x, sample.value * trace.scale);
            }
            m_dirty = true;
        }
    }
}

void LiveChart::applyFrame()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const double from = double(now - m_windowMs);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(now - m_windowMs), QDateTime::fromMSecsSinceEpoch(now));
    if (m_reference > 0)
        m_referenceSeries->replace(QList<QPointF>{{from, m_reference}, {double(now), m_reference}});
    if (!m_dirty)
        return;
    m_dirty = false;
    double maximum = m_reference;
    for (Trace &trace : m_traces) {
        // Keep one point left of the window so the line enters from the edge.
        auto firstVisible = std::lower_bound(trace.points.begin(), trace.points.end(), from,
                                             [](const QPointF &p, double x) { return p.x() < x; });
        if (firstVisible != trace.points.begin())
            trace.points.erase(trace.points.begin(), firstVisible - 1);
        QList<QPointF> points(trace.points.begin(), trace.points.end());
        for (const QPointF &p : points)
            maximum = std::max(maximum, p.y());
        trace.series->replace(points);
    }
    if (m_fixedRange)
        m_valueAxis->setRange(0, m_yMaximum);
    else
        m_valueAxis->setRange(0, niceCeiling(std::max(m_yMaximum, maximum * 1.15)));
}

bool LiveChart::isEstimated() const
{
    return std::any_of(m_traces.cbegin(), m_traces.cend(), [](const Trace &trace) { return trace.estimated; });
}

int LiveChart::pointCount() const
{
    int count = 0;
    for (const Trace &trace : m_traces)
        count += trace.series ? int(trace.series->count()) : 0;
    return count;
}

} // namespace Continuo::Gui
