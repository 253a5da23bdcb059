#include "telemetry/TelemetryHub.h"

#include <QMutexLocker>

#include <algorithm>

namespace Continuo {

TelemetryHub::TelemetryHub(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<QList<Continuo::SeriesBatch>>();
    m_publishTimer.setInterval(std::chrono::milliseconds(100));
    m_publishTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_publishTimer, &QTimer::timeout, this, &TelemetryHub::publishPending);
    m_publishTimer.start();
}

void TelemetryHub::setRetainedSamplesPerSeries(int count)
{
    QMutexLocker locker(&m_mutex);
    m_retained = std::max(1, count);
}

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
            it = m_series.insert(key, SeriesData{batch.metric, batch.labels, {}});
        auto &samples = it->samples;
        SeriesBatch *pending = nullptr;
        for (const auto &sample : batch.samples) {
            if (!samples.empty() && sample.timestampMs <= samples.back().timestampMs)
                continue; // out of order or duplicate
            samples.push_back(sample);
            if (samples.size() > static_cast<size_t>(m_retained))
                samples.pop_front();
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

QList<Sample> TelemetryHub::range(const QString &seriesKey, qint64 fromMs, qint64 toMs) const
{
    QMutexLocker locker(&m_mutex);
    QList<Sample> result;
    auto it = m_series.constFind(seriesKey);
    if (it == m_series.cend())
        return result;
    const auto &samples = it->samples;
    auto first = std::lower_bound(samples.begin(), samples.end(), fromMs,
                                  [](const Sample &s, qint64 t) { return s.timestampMs < t; });
    for (auto sample = first; sample != samples.end() && sample->timestampMs <= toMs; ++sample)
        result.append(*sample);
    return result;
}

std::optional<Sample> TelemetryHub::latest(const QString &seriesKey) const
{
    QMutexLocker locker(&m_mutex);
    auto it = m_series.constFind(seriesKey);
    if (it == m_series.cend() || it->samples.empty())
        return std::nullopt;
    return it->samples.back();
}

QList<SeriesBatch> TelemetryHub::series(const SeriesMatcher &matcher) const
{
    QMutexLocker locker(&m_mutex);
    QList<SeriesBatch> result;
    for (const auto &data : m_series) {
        if (matcher.matches(data.metric, data.labels))
            result.append(SeriesBatch{data.metric, data.labels, {}});
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
