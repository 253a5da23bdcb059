#include "charts/SeriesChart.h"

#include "control/IControlPlane.h"
#include "topology/LinkLatency.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QStackedLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Continuo::Gui {

namespace {

constexpr qint64 MinimumSpanMs = 10'000;
constexpr int FallbackColumnBudget = 600;

double niceStep(double range)
{
    if (range <= 0)
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(range)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (range <= step * magnitude)
            return step * magnitude;
    }
    return 10.0 * magnitude;
}

QString labelText(const Labels &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value());
    return parts.join(QStringLiteral(", "));
}

QColor traceColour(const CanvasColours &colours, int index)
{
    const QList<QColor> palette{colours.chartSeries1, colours.chartSeries2, colours.chartSeries3};
    if (index < palette.size())
        return palette.at(index);
    // Beyond the theme's three, walk the hue circle from the first one.
    const QColor base = palette.first();
    return QColor::fromHsv((base.hue() + 47 * index) % 360, base.saturation(), base.value());
}

} // namespace

DisplayUnit DisplayUnit::forMetric(const QString &metric, double maximum)
{
    DisplayUnit unit;
    if (metric.endsWith(QLatin1String("_utilisation")) || metric.endsWith(QLatin1String("_utilization"))
        || metric.endsWith(QLatin1String("_ratio"))) {
        unit.scale = 100.0;
        unit.unit = QStringLiteral("%");
    } else if (metric.endsWith(QLatin1String("_seconds"))) {
        if (maximum < 1.0) {
            unit.scale = 1000.0;
            unit.unit = QStringLiteral("ms");
        } else {
            unit.unit = QStringLiteral("s");
        }
    } else if (metric.contains(QLatin1String("_bytes"))) {
        const bool rate = metric.endsWith(QLatin1String("_rate")) || metric.endsWith(QLatin1String("_per_second"));
        static const char *const prefixes[] = {"B", "KiB", "MiB", "GiB", "TiB"};
        int power = 0;
        double value = std::abs(maximum);
        while (value >= 1024.0 && power < 4) {
            value /= 1024.0;
            ++power;
        }
        unit.scale = 1.0 / std::pow(1024.0, power);
        unit.unit = QLatin1String(prefixes[power]) + (rate ? QStringLiteral("/s") : QString());
    }
    return unit;
}

SeriesChart::SeriesChart(QWidget *parent)
    : QWidget(parent)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart))
    , m_placeholder(new QLabel)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
{
    setObjectName(QStringLiteral("seriesChart"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->legend()->setVisible(false);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    m_chart->setBackgroundRoundness(0);
    m_timeAxis->setTickCount(6);
    m_valueAxis->setTickCount(5);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->viewport()->installEventFilter(this);
    m_view->setToolTip(tr("Scroll or drag to move back in time"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_placeholderText = tr("No series selected.");

    auto *layout = new QStackedLayout(this);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_view);

    m_frameTimer.setInterval(FrameInterval);
    connect(&m_frameTimer, &QTimer::timeout, this, &SeriesChart::applyFrame);
    m_scrollDebounce.setSingleShot(true);
    m_scrollDebounce.setInterval(std::chrono::milliseconds(200));
    connect(&m_scrollDebounce, &QTimer::timeout, this, &SeriesChart::refresh);
    applyColours();
    updatePlaceholder();
}

SeriesChart::~SeriesChart()
{
    unsubscribe();
}

void SeriesChart::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    clear();
    disconnect(m_samplesConnection);
    m_controlPlane = controlPlane;
    if (m_controlPlane)
        m_samplesConnection = connect(m_controlPlane, &IControlPlane::samplesReceived, this, &SeriesChart::onSamples);
}

void SeriesChart::setColours(const CanvasColours &colours)
{
    m_colours = colours;
    applyColours();
}

void SeriesChart::applyColours()
{
    const CanvasColours &c = m_colours;
    m_chart->setBackgroundBrush(c.siteFill);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(c.text);
    QFont legendFont = font();
    legendFont.setPixelSize(11);
    m_chart->legend()->setFont(legendFont);
    m_view->setBackgroundBrush(c.siteFill);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(c.mutedText);
        axis->setGridLineColor(c.siteBorder);
        axis->setLinePenColor(c.siteBorder);
        axis->setTitleBrush(c.mutedText);
        QFont axisFont = font();
        axisFont.setPixelSize(10);
        axis->setLabelsFont(axisFont);
        axis->setTitleFont(axisFont);
    }
    for (size_t i = 0; i < m_traces.size(); ++i) {
        Trace &trace = m_traces[i];
        const QColor colour = traceColour(c, int(i));
        // Estimated series are drawn dashed, as the canvas draws estimated links.
        trace.line->setPen(QPen(colour, 1.8, trace.estimated ? Qt::DashLine : Qt::SolidLine));
        QColor fill = colour;
        fill.setAlphaF(0.22f);
        trace.band->setBrush(fill);
        trace.band->setPen(Qt::NoPen);
    }
}

void SeriesChart::setPlaceholderText(const QString &text)
{
    m_placeholderText = text;
    updatePlaceholder();
}

void SeriesChart::updatePlaceholder()
{
    auto *stack = static_cast<QStackedLayout *>(layout());
    QString text;
    if (m_traces.empty())
        text = m_placeholderText;
    else if (!m_lastError.isEmpty())
        text = tr("The chart query failed: %1").arg(m_lastError);
    else if (!isQueryPending() && pointCount() == 0)
        text = tr("No samples in this time range.");
    m_placeholder->setText(text);
    stack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_view) : m_placeholder);
}

void SeriesChart::clear()
{
    ++m_generation;
    unsubscribe();
    m_pendingQueries = 0;
    m_lastError.clear();
    for (Trace &trace : m_traces) {
        m_chart->removeSeries(trace.line);
        m_chart->removeSeries(trace.band);
        delete trace.line;
        delete trace.band; // owns upper and lower
    }
    m_traces.clear();
    m_frameTimer.stop();
    m_scrollDebounce.stop();
    m_chart->legend()->setVisible(false);
    updatePlaceholder();
}

void SeriesChart::setSeries(const QList<SeriesBatch> &series)
{
    clear();
    bool anyEstimated = false;
    for (const SeriesBatch &batch : series) {
        if (int(m_traces.size()) >= MaximumSeries)
            break;
        Trace trace;
        trace.metric = batch.metric;
        trace.labels = batch.labels;
        trace.key = batch.key();
        trace.estimated = LinkLatency::sourceOf(batch.labels) == LatencySource::Estimated;
        anyEstimated = anyEstimated || trace.estimated;
        trace.line = new QLineSeries;
        trace.upper = new QLineSeries;
        trace.lower = new QLineSeries;
        trace.band = new QAreaSeries(trace.upper, trace.lower);
        const QString labels = labelText(batch.labels);
        QString name = labels.isEmpty() ? batch.metric : labels;
        if (trace.estimated)
            name = tr("%1 (estimated)").arg(name);
        trace.line->setName(name);
        m_chart->addSeries(trace.band);
        m_chart->addSeries(trace.line);
        for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(trace.band), static_cast<QAbstractSeries *>(trace.line)}) {
            s->attachAxis(m_timeAxis);
            s->attachAxis(m_valueAxis);
        }
        for (QLegendMarker *marker : m_chart->legend()->markers(trace.band))
            marker->setVisible(false);
        m_traces.push_back(std::move(trace));
    }
    m_chart->legend()->setVisible(m_traces.size() > 1 || anyEstimated);
    applyColours();
    if (m_traces.empty()) {
        updatePlaceholder();
        return;
    }
    if (isLive())
        subscribe();
    refresh();
    m_frameTimer.start();
}

QList<SeriesBatch> SeriesChart::series() const
{
    QList<SeriesBatch> result;
    for (const Trace &trace : m_traces)
        result.append(SeriesBatch{trace.metric, trace.labels, {}});
    return result;
}

void SeriesChart::setSlidingWindow(qint64 spanMs)
{
    m_mode = WindowMode::Sliding;
    m_spanMs = std::max(MinimumSpanMs, spanMs);
    subscribe();
    refresh();
}

void SeriesChart::setOpenWindow(qint64 fromMs)
{
    m_mode = WindowMode::Open;
    m_fromMs = fromMs;
    subscribe();
    refresh();
}

void SeriesChart::setFixedWindow(qint64 fromMs, qint64 toMs)
{
    m_mode = WindowMode::Fixed;
    m_fromMs = fromMs;
    m_toMs = std::max(fromMs + 1000, toMs);
    unsubscribe();
    refresh();
}

std::pair<qint64, qint64> SeriesChart::window() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    switch (m_mode) {
    case WindowMode::Open:
        return {m_fromMs, std::max(now, m_fromMs + MinimumSpanMs)};
    case WindowMode::Fixed:
        return {m_fromMs, m_toMs};
    case WindowMode::Sliding:
    case WindowMode::Unknown:
        break;
    }
    return {now - m_spanMs, now};
}

int SeriesChart::columnBudget() const
{
    const int width = int(m_chart->plotArea().width());
    // Before the first layout the plot area is empty: the widget's width is a fair guess.
    if (width >= 50)
        return width;
    return std::max(FallbackColumnBudget, this->width() - 80);
}

void SeriesChart::subscribe()
{
    unsubscribe();
    if (!m_controlPlane || m_traces.empty() || !isLive())
        return;
    QList<SeriesMatcher> matchers;
    for (const Trace &trace : m_traces)
        matchers.append(SeriesMatcher{trace.metric, trace.labels});
    m_subscription = m_controlPlane->subscribeTelemetry(matchers);
}

void SeriesChart::unsubscribe()
{
    if (m_subscription && m_controlPlane)
        m_controlPlane->unsubscribeTelemetry(m_subscription);
    m_subscription = 0;
}

void SeriesChart::refresh()
{
    if (!m_controlPlane || m_traces.empty())
        return;
    const auto [from, to] = window();
    const int budget = columnBudget();
    m_columnWidthMs = std::max<qint64>(1, (to - from) / budget);
    const quint64 generation = ++m_generation;
    m_pendingQueries = int(m_traces.size());
    m_lastError.clear();
    for (size_t i = 0; i < m_traces.size(); ++i) {
        const QString key = m_traces[i].key;
        ++m_queryCount;
        m_controlPlane->queryChart(key, from, to, budget, this,
                                   [this, generation, i, key, to](const Result<QList<DownsampledSeries>> &result) {
            if (generation != m_generation || i >= m_traces.size() || m_traces[i].key != key)
                return;
            Trace &trace = m_traces[i];
            if (result) {
                // A selector also matches series with more labels: keep the exact one.
                std::vector<DownsampledColumn> columns;
                for (const DownsampledSeries &series : result.value()) {
                    if (seriesKey(series.metric, series.labels) == key) {
                        columns.assign(series.columns.cbegin(), series.columns.cend());
                        break;
                    }
                }
                // Live samples that came in while the query ran are newer than its end.
                if (isLive()) {
                    for (const DownsampledColumn &column : trace.columns) {
                        if (column.startMs > to && (columns.empty() || column.startMs >= columns.back().endMs))
                            columns.push_back(column);
                    }
                }
                trace.columns = std::move(columns);
                trace.lastTimestampMs = 0;
                for (const DownsampledColumn &column : trace.columns)
                    trace.lastTimestampMs = std::max({trace.lastTimestampMs, column.minTimestampMs, column.maxTimestampMs});
            } else {
                m_lastError = result.error();
            }
            m_dirty = true;
            if (--m_pendingQueries == 0) {
                applyFrame();
                Q_EMIT queryFinished(m_lastError.isEmpty(), m_lastError);
            }
        });
    }
    m_frameTimer.start();
}

void SeriesChart::onSamples(int subscriptionId, const QList<SeriesBatch> &batches)
{
    if (subscriptionId != m_subscription || m_subscription == 0 || !isLive())
        return;
    for (const SeriesBatch &batch : batches) {
        const QString key = batch.key();
        for (Trace &trace : m_traces) {
            if (trace.key != key)
                continue;
            for (const Sample &sample : batch.samples)
                addLiveSample(trace, sample);
            m_dirty = true;
        }
    }
}

void SeriesChart::addLiveSample(Trace &trace, const Sample &sample)
{
    if (sample.timestampMs <= trace.lastTimestampMs || std::isnan(sample.value))
        return;
    trace.lastTimestampMs = sample.timestampMs;
    if (!trace.columns.empty() && sample.timestampMs < trace.columns.back().endMs) {
        DownsampledColumn &last = trace.columns.back();
        if (sample.value < last.min) {
            last.min = sample.value;
            last.minTimestampMs = sample.timestampMs;
        }
        if (sample.value > last.max) {
            last.max = sample.value;
            last.maxTimestampMs = sample.timestampMs;
        }
        ++last.count;
        return;
    }
    // A new column, on the grid of the previous one so columns keep one width.
    const qint64 width = m_columnWidthMs;
    qint64 start = sample.timestampMs - sample.timestampMs % width;
    if (!trace.columns.empty()) {
        const qint64 previousEnd = trace.columns.back().endMs;
        start = previousEnd + (sample.timestampMs - previousEnd) / width * width;
    }
    trace.columns.push_back(DownsampledColumn{start, start + width, sample.value, sample.value,
                                              sample.timestampMs, sample.timestampMs, 1});
    // Hours of live samples in an open window would outgrow the budget: ask again.
    if (int(trace.columns.size()) > 2 * columnBudget() && !m_scrollDebounce.isActive())
        m_scrollDebounce.start();
}

void SeriesChart::applyFrame()
{
    if (m_traces.empty())
        return;
    const auto [from, to] = window();
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    const qint64 span = to - from;
    // As many time labels as fit without eliding.
    m_timeAxis->setTickCount(std::clamp(int(m_chart->plotArea().width() / 85.0) + 1, 2, 7));
    m_timeAxis->setFormat(span > 3LL * 24 * 3600 * 1000 ? QStringLiteral("dd MMM")
                          : span > 20LL * 3600 * 1000   ? QStringLiteral("dd MMM HH:mm")
                          : span > 10LL * 60 * 1000     ? QStringLiteral("HH:mm")
                                                        : QStringLiteral("HH:mm:ss"));
    if (!m_dirty)
        return;
    m_dirty = false;

    double maximum = -std::numeric_limits<double>::infinity();
    double minimum = std::numeric_limits<double>::infinity();
    for (Trace &trace : m_traces) {
        if (m_mode == WindowMode::Sliding) {
            // Keep one column left of the window so the line enters from the edge.
            auto firstVisible = std::find_if(trace.columns.begin(), trace.columns.end(),
                                             [from](const DownsampledColumn &c) { return c.endMs >= from; });
            if (firstVisible - trace.columns.begin() > 1)
                trace.columns.erase(trace.columns.begin(), firstVisible - 1);
        }
        for (const DownsampledColumn &column : trace.columns) {
            if (column.endMs < from || column.startMs > to)
                continue;
            maximum = std::max(maximum, column.max);
            minimum = std::min(minimum, column.min);
        }
    }
    const bool hasData = std::isfinite(maximum);
    const DisplayUnit unit = DisplayUnit::forMetric(m_traces.front().metric, hasData ? std::max(std::abs(maximum), std::abs(minimum)) : 0.0);
    for (Trace &trace : m_traces) {
        QList<QPointF> line;
        QList<QPointF> upper;
        QList<QPointF> lower;
        line.reserve(qsizetype(trace.columns.size() * 2));
        bool banded = false;
        for (const DownsampledColumn &c : trace.columns) {
            const double minY = c.min * unit.scale;
            const double maxY = c.max * unit.scale;
            if (c.minTimestampMs <= c.maxTimestampMs) {
                line.append(QPointF(double(c.minTimestampMs), minY));
                if (c.maxTimestampMs != c.minTimestampMs)
                    line.append(QPointF(double(c.maxTimestampMs), maxY));
            } else {
                line.append(QPointF(double(c.maxTimestampMs), maxY));
                line.append(QPointF(double(c.minTimestampMs), minY));
            }
            const double middle = 0.5 * double(c.startMs + c.endMs);
            upper.append(QPointF(middle, maxY));
            lower.append(QPointF(middle, minY));
            banded = banded || c.count > 1;
        }
        trace.line->replace(line);
        // One sample per column is a line already; a band would only hide it.
        trace.upper->replace(banded ? upper : QList<QPointF>{});
        trace.lower->replace(banded ? lower : QList<QPointF>{});
        trace.band->setVisible(banded);
    }
    if (hasData) {
        double low = minimum * unit.scale;
        double high = maximum * unit.scale;
        if (low >= 0 && (high - low) > 0.2 * high)
            low = 0; // non-negative data that varies a lot reads best from zero
        if (high - low < 1e-9) {
            const double pad = std::max(std::abs(high) * 0.1, 1e-3);
            low -= pad;
            high += pad;
        }
        const double step = niceStep((high - low) / 4.0);
        low = std::floor(low / step) * step;
        high = std::ceil(high * 1.02 / step) * step;
        if (unit.unit == QLatin1String("%") && maximum * unit.scale <= 100.0)
            high = std::min(high, 100.0); // a share never exceeds the whole
        m_valueAxis->setRange(low, high);
        m_valueAxis->setTickCount(std::clamp(int(std::lround((high - low) / step)) + 1, 3, 7));
        m_valueAxis->setLabelFormat(step >= 1.0 ? QStringLiteral("%.0f")
                                    : step >= 0.1 ? QStringLiteral("%.1f")
                                                  : QStringLiteral("%.3g"));
    }
    m_valueAxis->setTitleText(unit.unit);
    updatePlaceholder();
}

void SeriesChart::scrollBy(double fraction)
{
    const auto [from, to] = window();
    const qint64 span = to - from;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 shift = qint64(double(span) * fraction);
    qint64 newTo = to + shift;
    if (newTo >= now - span / 100) {
        // Back at now: follow it again.
        if (m_mode != WindowMode::Sliding) {
            m_mode = WindowMode::Sliding;
            m_spanMs = span;
            subscribe();
            m_scrollDebounce.start();
            Q_EMIT windowScrolled();
        }
        return;
    }
    if (m_mode != WindowMode::Fixed)
        unsubscribe();
    m_mode = WindowMode::Fixed;
    m_fromMs = newTo - span;
    m_toMs = newTo;
    m_dirty = true;
    applyFrame();
    m_scrollDebounce.start();
    Q_EMIT windowScrolled();
}

bool SeriesChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport() || m_traces.empty())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Wheel: {
        auto *wheel = static_cast<QWheelEvent *>(event);
        const QPoint delta = wheel->angleDelta();
        const int steps = std::abs(delta.x()) > std::abs(delta.y()) ? delta.x() : delta.y();
        if (steps != 0)
            scrollBy(-0.1 * steps / 120.0);
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            m_dragOrigin = mouse->position().toPoint();
            m_dragFromMs = window().first;
            m_view->viewport()->setCursor(Qt::ClosedHandCursor);
            return true;
        }
        break;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (m_dragFromMs >= 0 && (mouse->buttons() & Qt::LeftButton)) {
            const double plotWidth = std::max(1.0, m_chart->plotArea().width());
            const auto [from, to] = window();
            const double dx = mouse->position().x() - m_dragOrigin.x();
            // Dragging right shows earlier data; express it as a shift from the current window.
            const qint64 wanted = m_dragFromMs - qint64(dx / plotWidth * double(to - from));
            scrollBy(double(wanted - from) / double(std::max<qint64>(1, to - from)));
            return true;
        }
        break;
    }
    case QEvent::MouseButtonRelease:
        if (m_dragFromMs >= 0) {
            m_dragFromMs = -1;
            m_view->viewport()->unsetCursor();
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

QWidget *SeriesChart::plotViewport() const
{
    return m_view->viewport();
}

int SeriesChart::pointCount() const
{
    int count = 0;
    for (const Trace &trace : m_traces)
        count += int(trace.line->count());
    return count;
}

} // namespace Continuo::Gui
