#pragma once

#include "telemetry/Series.h"
#include "widgets/Theme.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
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

/// Per-hop latency of one INT flow, live: int_hop_latency_avg_seconds (solid) and
/// int_hop_latency_max_seconds (dashed) of every switch the flow's postcards come from
/// (labels switch, flow), in ms, with the SLA threshold as a line. Backfills the window with
/// one queryChart, then buffers live samples and redraws at a fixed frame rate with
/// QXYSeries::replace(), like LiveChart.
class FlowLatencyChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr auto AvgMetric = "int_hop_latency_avg_seconds";
    static constexpr auto MaxMetric = "int_hop_latency_max_seconds";
    static constexpr qint64 DefaultWindowMs = 5 * 60 * 1000;
    static constexpr auto FrameInterval = std::chrono::milliseconds(250);
    /// Buffered points per trace (older ones leave the window anyway).
    static constexpr size_t MaxPointsPerTrace = 20'000;

    explicit FlowLatencyChart(QWidget *parent = nullptr);
    ~FlowLatencyChart() override;

    void setControlPlane(IControlPlane *controlPlane);
    void setColours(const CanvasColours &colours);

    /// Chart one flow; `path` orders the legend (switches off the path come after). A
    /// threshold of 0 draws no line.
    void showFlow(quint32 flowId, const QString &title, const QStringList &path, double thresholdMs);
    void setThresholdMs(double thresholdMs);
    void clear();

    quint32 flowId() const { return m_flowId; }
    double thresholdMs() const { return m_thresholdMs; }
    /// Traces (metric × switch) and points plotted, for tests and diagnostics.
    int traceCount() const { return int(m_traces.size()); }
    int pointCount() const;
    /// Newest value (ms) of one switch's trace; negative when there is none.
    double latestMs(const QString &switchId, bool maximum = false) const;

private:
    struct Trace
    {
        QString metric;
        QString switchId;
        std::vector<QPointF> points;
        QLineSeries *series = nullptr;
    };

    Trace &traceFor(const QString &metric, const QString &switchId);
    void onSamples(int subscriptionId, const QList<SeriesBatch> &batches);
    void backfill();
    void applyFrame();
    void restyle();
    void stopSubscription();

    QPointer<IControlPlane> m_controlPlane;
    QMetaObject::Connection m_samplesConnection;
    CanvasColours m_colours;
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_emptyHint;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QLineSeries *m_thresholdSeries;
    QList<Trace> m_traces;
    QHash<QString, int> m_traceIndex; ///< "metric|switch" -> index
    QStringList m_path;
    quint32 m_flowId = 0;
    double m_thresholdMs = 0.0;
    int m_subscription = 0;
    quint64 m_generation = 0;
    bool m_dirty = false;
    QTimer m_frameTimer;
};

} // namespace Continuo::Gui
