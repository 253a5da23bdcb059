#pragma once

#include "model/Inventory.h"
#include "plugin/IPluginHost.h"

#include <QDir>
#include <QMutex>

namespace Continuo::Tests {

/// Records what a plugin hands the core, from any thread, and applies inventory changes to a
/// real Inventory (so validation errors show) that starts with the given sites.
class FakePluginHost final : public IPluginHost
{
public:
    FakePluginHost(const QList<Site> &sites, QString dataDirectory)
        : m_dataDirectory(std::move(dataDirectory))
    {
        InventoryChangeSet changes;
        for (const Site &site : sites)
            changes.upsert(site);
        (void)m_inventory.apply(changes);
    }

    Result<void> applyInventory(const InventoryChangeSet &changes, const QString &) override
    {
        QMutexLocker lock(&m_mutex);
        auto applied = m_inventory.apply(changes);
        if (!applied) {
            m_inventoryErrors.append(applied.error());
            return makeError(applied.error());
        }
        return {};
    }

    void ingestSamples(const QList<SeriesBatch> &batches) override
    {
        QMutexLocker lock(&m_mutex);
        for (const SeriesBatch &batch : batches)
            m_series[batch.key()].append(batch);
        m_batchCount += batches.size();
    }

    void publishEvent(const Event &event) override
    {
        QMutexLocker lock(&m_mutex);
        m_events.append(event);
    }

    QString pluginDataDirectory(const QString &pluginId) const override
    {
        const QString dir = m_dataDirectory + QLatin1Char('/') + pluginId;
        QDir().mkpath(dir);
        return dir;
    }

    std::optional<Node> node(const QString &id) const
    {
        QMutexLocker lock(&m_mutex);
        if (const Node *n = m_inventory.find<Node>(id))
            return *n;
        return std::nullopt;
    }
    std::optional<Cluster> cluster(const QString &id) const
    {
        QMutexLocker lock(&m_mutex);
        if (const Cluster *c = m_inventory.find<Cluster>(id))
            return *c;
        return std::nullopt;
    }
    QList<Event> events(const QString &type = QString()) const
    {
        QMutexLocker lock(&m_mutex);
        QList<Event> list;
        for (const Event &event : m_events) {
            if (type.isEmpty() || event.type == type)
                list.append(event);
        }
        return list;
    }
    /// Batches of one series key ("metric{a=\"b\"}").
    QList<SeriesBatch> series(const QString &key) const
    {
        QMutexLocker lock(&m_mutex);
        return m_series.value(key);
    }
    QStringList seriesKeys() const
    {
        QMutexLocker lock(&m_mutex);
        return m_series.keys();
    }
    QStringList inventoryErrors() const
    {
        QMutexLocker lock(&m_mutex);
        return m_inventoryErrors;
    }

private:
    mutable QMutex m_mutex;
    QString m_dataDirectory;
    Inventory m_inventory;
    QList<Event> m_events;
    QHash<QString, QList<SeriesBatch>> m_series;
    qsizetype m_batchCount = 0;
    QStringList m_inventoryErrors;
};

} // namespace Continuo::Tests
