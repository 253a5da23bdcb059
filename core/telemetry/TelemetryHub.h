#pragma once

#include "telemetry/Series.h"
#include "telemetry/TelemetryPersistence.h"
#include "telemetry/TimeSeriesStore.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace Continuo {

/// Live telemetry for the engine: samples kept in the compressed TimeSeriesStore (Gorilla
/// chunks, rollups, retention by time), and new samples published to subscribers once per frame.
/// With persistence enabled the store is loaded from and written to a SQLite file
/// (TelemetryPersistence: what a crash can lose, and what reads come from the database).
class CONTINUO_CORE_EXPORT TelemetryHub : public QObject
{
    Q_OBJECT
public:
    explicit TelemetryHub(QObject *parent = nullptr);

    explicit TelemetryHub(TimeSeriesStoreOptions storeOptions, QObject *parent = nullptr);
    ~TelemetryHub() override;
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

    /// The store behind the hub, for queries (TelemetryQuery) and memory statistics.
    const TimeSeriesStore &store() const { return m_store; }

    /// Opens the telemetry database, loads what the store's in-memory tiers keep (counted back
    /// from now) and persists from then on. Call before samples flow. On failure nothing is
    /// attached and the hub keeps working in memory only.
    Result<TelemetryLoadSummary> enablePersistence(const TelemetryPersistenceOptions &options);
    /// Clean shutdown of the persistence (TelemetryPersistence::close(): seal, final
    /// checkpoint, commit). Call once no more samples flow. Nothing to do without persistence.
    Result<void> closePersistence();
    /// Null unless enablePersistence() succeeded and closePersistence() was not called yet.
    TelemetryPersistence *persistence() const { return m_persistence.get(); }

    /// Publish what is pending now instead of at the next frame (tests, shutdown).
    void publishPending();

Q_SIGNALS:
    /// New samples since the last publish, grouped per series. Emitted on the hub's thread.
    void samplesPublished(const QList<Continuo::SeriesBatch> &batches);

private:
    struct SeriesEntry
    {
        SeriesId id = 0;
        QString metric;
        Labels labels;
    };

    mutable QMutex m_mutex; ///< Guards the key map and the pending batches; the store locks itself.
    TimeSeriesStore m_store;
    QHash<QString, SeriesEntry> m_series; ///< canonical key -> id
    QHash<QString, SeriesBatch> m_pending;
    QTimer m_publishTimer;
    std::atomic<qint64> m_samplesIngested{0};
    std::unique_ptr<TelemetryPersistence> m_persistence; ///< declared after m_store: goes first
};

} // namespace Continuo
