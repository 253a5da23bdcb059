#include "telemetry/TelemetryHub.h"

#include "util/Logging.h"

#include <QDateTime>
#include <QMutexLocker>

#include <algorithm>
#include <limits>

namespace Continuo {

TelemetryHub::TelemetryHub(QObject *parent)
    : TelemetryHub(TimeSeriesStoreOptions{}, parent)
{
}

TelemetryHub::TelemetryHub(TimeSeriesStoreOptions storeOptions, QObject *parent)
    : QObject(parent)
    , m_store(std::move(storeOptions))
{
    qRegisterMetaType<QList<Continuo::SeriesBatch>>();
    m_publishTimer.setInterval(std::chrono::milliseconds(100));
    m_publishTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_publishTimer, &QTimer::timeout, this, &TelemetryHub::publishPending);
    m_publishTimer.start();
}

TelemetryHub::~TelemetryHub() = default;

void TelemetryHub::setPublishInterval(std::chrono::milliseconds interval)
{
    m_publishTimer.setInterval(interval);
}

void TelemetryHub::ingest(const QList<SeriesBatch> &batches)
{
    qint64 accepted = 0;
    QMutexLocker locker(&m_mutex);
    for (const auto &batch : batches) {
        if (batch.metric.isEmpty() || batch.samples.isEmpty())
            continue;
        const QString key = batch.key();
        auto it = m_series.find(key);
        if (it == m_series.end())
            it = m_series.insert(key, SeriesEntry{m_store.resolve(batch.metric, batch.labels), batch.metric, batch.labels});
        const SeriesId id = it->id;
        SeriesBatch *pending = nullptr;
        for (const auto &sample : batch.samples) {
            // The store refuses out-of-order and duplicate samples; only what it kept is published.
            if (m_store.append(id, sample.timestampMs, sample.value).appended == 0)
                continue;
            if (!pending) {
                auto pit = m_pending.find(key);
                if (pit == m_pending.end())
                    pit = m_pending.insert(key, SeriesBatch{batch.metric, batch.labels, {}});
                pending = &pit.value();
            }
            pending->samples.append(sample);
            ++accepted;
        }
    }
    m_samplesIngested.fetch_add(accepted);
}

Result<TelemetryLoadSummary> TelemetryHub::enablePersistence(
    const TelemetryPersistenceOptions &options)
{
    if (m_persistence)
        return makeError(QStringLiteral("telemetry persistence is already enabled (%1)")
                             .arg(m_persistence->options().databasePath));
    auto persistence = std::make_unique<TelemetryPersistence>(m_store, options);
    if (auto opened = persistence->open(); !opened)
        return makeError(opened.error());
    auto loaded = persistence->load(QDateTime::currentMSecsSinceEpoch());
    if (!loaded)
        return loaded; // the persistence closes without having attached
    // The loaded series get their keys, so range(), latest() and series() see them.
    {
        QMutexLocker locker(&m_mutex);
        const auto count = SeriesId(m_store.seriesCount());
        m_series.reserve(qsizetype(count));
        for (SeriesId id = 0; id < count; ++id) {
            SeriesEntry entry{id, m_store.metric(id), m_store.labels(id)};
            const QString key = seriesKey(entry.metric, entry.labels);
            if (!m_series.contains(key))
                m_series.insert(key, std::move(entry));
        }
    }
    m_persistence = std::move(persistence);
    return loaded;
}

Result<void> TelemetryHub::closePersistence()
{
    if (!m_persistence)
        return {};
    auto closed = m_persistence->close();
    m_persistence.reset();
    return closed;
}

QList<Sample> TelemetryHub::range(const QString &seriesKey, qint64 fromMs, qint64 toMs) const
{
    SeriesId id = 0;
    {
        QMutexLocker locker(&m_mutex);
        auto it = m_series.constFind(seriesKey);
        if (it == m_series.cend())
            return {};
        id = it->id;
    }
    return m_store.read(id, fromMs, toMs);
}

std::optional<Sample> TelemetryHub::latest(const QString &seriesKey) const
{
    SeriesId id = 0;
    {
        QMutexLocker locker(&m_mutex);
        auto it = m_series.constFind(seriesKey);
        if (it == m_series.cend())
            return std::nullopt;
        id = it->id;
    }
    return m_store.lastSample(id, std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::max());
}

QList<SeriesBatch> TelemetryHub::series(const SeriesMatcher &matcher) const
{
    QMutexLocker locker(&m_mutex);
    QList<SeriesBatch> result;
    for (const auto &entry : m_series) {
        if (matcher.matches(entry.metric, entry.labels))
            result.append(SeriesBatch{entry.metric, entry.labels, {}});
    }
    return result;
}

qsizetype TelemetryHub::seriesCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_series.size();
}

void TelemetryHub::publishPending()
{
    QList<SeriesBatch> batches;
    {
        QMutexLocker locker(&m_mutex);
        if (m_pending.isEmpty())
            return;
        batches.reserve(m_pending.size());
        for (auto &batch : m_pending)
            batches.append(std::move(batch));
        m_pending.clear();
    }
    Q_EMIT samplesPublished(batches);
}

} // namespace Continuo
