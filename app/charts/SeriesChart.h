#pragma once

#include "telemetry/Series.h"
#include "telemetry/TelemetryQuery.h"
#include "widgets/Theme.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

/// How a metric's values are shown: multiplied by `scale`, with `unit` on the axis.
struct DisplayUnit
{
    double scale = 1.0;
    QString unit;
    /// From the metric's name (`_utilisation` → %, `_seconds` → ms or s, `_bytes` → KiB…)
    /// and the largest value shown.
    static DisplayUnit forMetric(const QString &metric, double maximum);
};

/// A chart of stored series over a time window: min/max per pixel column from
/// IControlPlane::queryChart (the plot width is the column budget, so every spike survives and
/// long ranges read rollups), the envelope drawn as a band under the extremes' polyline.
///
/// While the window ends now (live), samples arrive through subscribeTelemetry and are folded
/// into the last column, so the plot stays within the budget; the chart queries again only
/// when the window changes (a new range, the user scrolls) and never polls. Wheel or drag
/// scrolls back in time; scrolling back to now resumes live. The only QtCharts user besides
/// LiveChart.
class SeriesChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr auto FrameInterval = std::chrono::milliseconds(250); // 4 Hz
    static constexpr int MaximumSeries = 8;

    enum class WindowMode {
        Unknown,
        Sliding, ///< the last span, following now
        Open,    ///< from a fixed start to now
        Fixed    ///< a fixed window, no live samples
    };
    Q_ENUM(WindowMode)

    explicit SeriesChart(QWidget *parent = nullptr);
    ~SeriesChart() override;

    void setControlPlane(IControlPlane *controlPlane);
    void setColours(const CanvasColours &colours);

    /// Chart these series (metric + labels; samples are ignored), at most MaximumSeries.
    void setSeries(const QList<SeriesBatch> &series);
    QList<SeriesBatch> series() const;
    void clear();

    /// The last `spanMs`, following now.
    void setSlidingWindow(qint64 spanMs);
    /// From `fromMs` to now, growing (an alert that is still active).
    void setOpenWindow(qint64 fromMs);
    /// A window in the past.
    void setFixedWindow(qint64 fromMs, qint64 toMs);
    WindowMode windowMode() const { return m_mode; }
    /// Whether the window ends now (live samples are appended).
    bool isLive() const { return m_mode == WindowMode::Sliding || m_mode == WindowMode::Open; }
    /// The window shown now.
    std::pair<qint64, qint64> window() const;

    /// Text shown instead of the plot when there is nothing to draw.
    void setPlaceholderText(const QString &text);

    /// Columns asked for per series: the plot width in pixels.
    int columnBudget() const;
    int traceCount() const { return int(m_traces.size()); }
    /// Points plotted, summed over the series.
    int pointCount() const;
    bool isQueryPending() const { return m_pendingQueries > 0; }
    /// Queries sent since creation (tests: nothing polls).
    int queryCount() const { return m_queryCount; }
    /// The widget that takes the wheel and drag gestures.
    QWidget *plotViewport() const;

Q_SIGNALS:
    /// The user scrolled the window.
    void windowScrolled();
    /// Every query of the current window has answered.
    void queryFinished(bool succeeded, const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Trace
    {
        QString metric;
        Labels labels;
        QString key;
        bool estimated = false;
        std::vector<DownsampledColumn> columns;
        qint64 lastTimestampMs = 0;
        QLineSeries *line = nullptr;
        QLineSeries *upper = nullptr;
        QLineSeries *lower = nullptr;
        QAreaSeries *band = nullptr;
    };

    void refresh();
    void subscribe();
    void unsubscribe();
    void onSamples(int subscriptionId, const QList<SeriesBatch> &batches);
    void addLiveSample(Trace &trace, const Sample &sample);
    void applyFrame();
    void scrollBy(double fraction);
    void applyColours();
    void updatePlaceholder();

    QPointer<IControlPlane> m_controlPlane;
    QMetaObject::Connection m_samplesConnection;
    CanvasColours m_colours;
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_placeholder;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    std::vector<Trace> m_traces;
    WindowMode m_mode = WindowMode::Sliding;
    qint64 m_spanMs = 5 * 60 * 1000;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    qint64 m_columnWidthMs = 1000;
    int m_subscription = 0;
    quint64 m_generation = 0;
    int m_pendingQueries = 0;
    int m_queryCount = 0;
    QString m_lastError;
    QString m_placeholderText;
    bool m_dirty = false;
    QPoint m_dragOrigin;
    qint64 m_dragFromMs = -1;
    QTimer m_frameTimer;
    QTimer m_scrollDebounce;
};

} // namespace Continuo::Gui
