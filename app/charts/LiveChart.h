#pragma once

#include "telemetry/Series.h"
#include "widgets/Theme.h"

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

/// Rolling live chart of one node (CPU %, memory %) or one link (latency ms, measured, or
/// estimated by network tomography where nothing measures it: then drawn dashed).
/// Backfills from queryRange when the subject changes, then buffers live samples and
/// redraws with QXYSeries::replace() at a fixed frame rate. The only QtCharts user.
class LiveChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultWindowMs = 5 * 60 * 1000;
    static constexpr auto FrameInterval = std::chrono::milliseconds(250); // 4 Hz

    explicit LiveChart(QWidget *parent = nullptr);
    ~LiveChart() override;

    void setControlPlane(IControlPlane *controlPlane);
    void setColours(const CanvasColours &colours);

    void showNode(const QString &nodeId, const QString &siteId);
    /// nominalLatencyMs draws a reference line; 0 for none.
    void showLink(const QString &linkId, double nominalLatencyMs);
    void clear();

    qint64 windowMs() const { return m_windowMs; }
    void setWindowMs(qint64 windowMs);

    /// Points currently plotted, summed over the series (tests, diagnostics).
    int pointCount() const;
    QString subjectId() const { return m_subjectId; }
    /// Whether the link latency shown is an estimate.
    bool isEstimated() const;

private:
    struct Trace
    {
        QString metric;
        QStringList otherMetrics; ///< further names of the same quantity (estimated latency)
        double scale = 1.0; ///< sample value -> plotted value
        QString seriesKey;  ///< the exact key once known (guessed until a live sample names it)
        std::vector<QPointF> points;
        QLineSeries *series = nullptr;
        bool backfilled = false;
        bool estimated = false; ///< the series is an estimate (network tomography)
    };

    void start(const QString &subjectId, const QList<Trace> &traces, const Labels &matchLabels,
               const QString &yTitle, double yMaximum, bool fixedRange);
    void backfill(int traceIndex);
    void onSamples(int subscriptionId, const QList<SeriesBatch> &batches);
    void applyFrame();
    void stopSubscription();

    QPointer<IControlPlane> m_controlPlane;
    QMetaObject::Connection m_samplesConnection;
    CanvasColours m_colours;
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_emptyHint;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QLineSeries *m_referenceSeries;
    QList<Trace> m_traces;
    QString m_subjectId;
    double m_reference = 0.0;
    double m_yMaximum = 100.0;
    bool m_fixedRange = true;
    int m_subscription = 0;
    quint64 m_generation = 0;
    qint64 m_windowMs = DefaultWindowMs;
    bool m_dirty = false;
    QTimer m_frameTimer;
};

} // namespace Continuo::Gui
