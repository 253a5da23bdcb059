#pragma once

#include "plugin/IPluginHost.h"

#include <QDir>
#include <QMutex>
#include <QMutexLocker>

namespace Continuo::Slurm::Testing {

/// An IPluginHost that records what a plugin hands over (from any thread).
class RecordingHost final : public IPluginHost
{
public:
    explicit RecordingHost(QString dataDirectory) : m_dataDirectory(std::move(dataDirectory)) {}

    Result<void> applyInventory(const InventoryChangeSet &changes, const QString &pluginId) override
    {
        QMutexLocker locker(&m_mutex);
        m_pluginIds.append(pluginId);
        for (const InventoryChangeSet::Change &change : changes.changes()) {
            if (change.operation == DeltaOperation::Upsert && change.entity)
                m_entities.insert(change.id, *change.entity);
            else if (change.operation == DeltaOperation::Remove)
                m_entities.remove(change.id);
        }
        ++m_inventoryCalls;
        return {};
    }

    void ingestSamples(const QList<SeriesBatch> &batches) override
    {
        QMutexLocker locker(&m_mutex);
        for (const SeriesBatch &batch : batches) {
            m_latest.insert(batch.key(), batch);
            ++m_sampleCount;
        }
    }

    void publishEvent(const Event &event) override
    {
        QMutexLocker locker(&m_mutex);
        m_events.append(event);
    }

    QString pluginDataDirectory(const QString &pluginId) const override
    {
        const QString path = m_dataDirectory + QLatin1Char('/') + pluginId;
        QDir().mkpath(path);
        return path;
    }

    template<typename T>
    std::optional<T> entity(const QString &id) const
    {
        QMutexLocker locker(&m_mutex);
        const auto it = m_entities.constFind(id);
        if (it == m_entities.cend() || !std::holds_alternative<T>(*it))
            return std::nullopt;
        return std::get<T>(*it);
    }

    /// The latest sample of a series (metric{labels}), if any.
    std::optional<double> latest(const QString &metric, const Labels &labels) const
    {
        QMutexLocker locker(&m_mutex);
        const auto it = m_latest.constFind(seriesKey(metric, labels));
        if (it == m_latest.cend() || it->samples.isEmpty())
            return std::nullopt;
        return it->samples.last().value;
    }

    QList<Event> events(const QString &type) const
    {
        QMutexLocker locker(&m_mutex);
        QList<Event> result;
        for (const Event &event : m_events) {
            if (event.type == type)
                result.append(event);
        }
        return result;
    }

    int countEvents(const QString &type, const QString &status) const
    {
        int count = 0;
        for (const Event &event : events(type)) {
            if (event.payload.value(QLatin1String("status")).toString() == status)
                ++count;
        }
        return count;
    }

private:
    QString m_dataDirectory;
    mutable QMutex m_mutex;
    QHash<QString, Entity> m_entities;
    QStringList m_pluginIds;
    QHash<QString, SeriesBatch> m_latest;
    QList<Event> m_events;
    int m_inventoryCalls = 0;
    qint64 m_sampleCount = 0;
};

} // namespace Continuo::Slurm::Testing
