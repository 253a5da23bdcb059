#pragma once

#include "model/Event.h"
#include "model/Inventory.h"
#include "telemetry/Series.h"

#include <QVariantMap>

namespace Continuo {

struct Connection; // network/NetworkModel.h
struct SlaRule;

/// What the core offers a plugin. All calls are thread-safe: from another thread they are
/// handed to the engine's thread.
class IPluginHost
{
public:
    virtual ~IPluginHost() = default;

    /// Apply inventory changes in the name of the plugin; validation errors come back.
    virtual Result<void> applyInventory(const InventoryChangeSet &changes,
                                        const QString &pluginId) = 0;
    /// Hand samples to the telemetry store.
    virtual void ingestSamples(const QList<SeriesBatch> &batches) = 0;
    /// Publish an event; sequence and (when zero) timestamp are filled in by the engine.
    virtual void publishEvent(const Event &event) = 0;
    /// A directory the plugin may keep files in (created on demand, survives restarts).
    virtual QString pluginDataDirectory(const QString &pluginId) const = 0;
    /// Offer network intents (the simulator's demo flows and SLAs): connections and rules whose
    /// id is not known yet are created as if an operator had (audited as the plugin); known ids
    /// are left as they are, so an operator's edits survive restarts.
    virtual void proposeNetworkIntents(const QList<Connection> &connections,
                                       const QList<SlaRule> &rules, const QString &pluginId)
    {
        Q_UNUSED(connections);
        Q_UNUSED(rules);
        Q_UNUSED(pluginId);
    }
};

} // namespace Continuo
