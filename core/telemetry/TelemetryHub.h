#pragma once

#include "telemetry/Series.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <deque>

namespace Continuo {

/// Live telemetry for the engine: recent samples per series in bounded ring buffers, and
/// new samples published to subscribers once per frame. (Issue 3 puts the compressed,
/// persistent TimeSeriesStore behind the same calls.)
class CONTINUO_CORE_EXPORT TelemetryHub : public QObject
{
    Q_OBJECT
public:
    explicit TelemetryHub(QObject *parent = nullptr);

    /// Samples kept per series (default 3,600: one hour at 1 s).
    void setRetainedSamplesPerSeries(int count);
    /// How often new samples are published (default 100 ms).
    void setPublishInterval(std::chrono::milliseconds interval);

    /// Thread-safe. Samples older than the newest kept sample of their series are dropped.
    void ingest(const QList<SeriesBatch> &batches);

    /// Thread-safe. Samples with from <= timestamp <= to, oldest first.
    QList<Sample> range(const QString &seriesKey, qint64 fromMs, qint64 toMs) const;
    /// Thread-safe. The newest sample of a series, if any.
    std::optional<Sample> latest(const QString &seriesKey) const;
    /// Thread-safe. Series that match, as (metric, labels) with no samples.
    QList<SeriesBatch> series(const SeriesMatcher &matcher) const;

    qsizetype seriesCount() const;
    qint64 samplesIngestedTotal() const { return m_samplesIngested.load(); }

    /// Publish what is pending now instead of at the next frame (tests, shutdown).
    void publishPending();

Q_SIGNALS:
    /// New samples since the last publish, grouped per series. Emitted on the hub's thread.
    void samplesPublished(const QList<Continuo::SeriesBatch> &batches);

private:
    struct SeriesData
    {
        QString metric;
        Labels labels;
        std::deque<Sample> samples;
    };

    mutable QMutex m_mutex;
    QHash<QString, SeriesData> m_series;
    QHash<QString, SeriesBatch> m_pending;
    int m_retained = 3600;
    QTimer m_publishTimer;
    std::atomic<qint64> m_samplesIngested{0};
};

} // namespace Continuo
