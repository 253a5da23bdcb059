#include "SlurmPlugin.h"

#include "plugin/IPluginHost.h"

namespace Continuo::Slurm {

Result<void> SlurmPlugin::initialize(IPluginHost *host, const QVariantMap &settings)
{
    m_host = host;
    m_clusters.clear();
    // No section in the configuration: nothing to drive, and nothing wrong.
    if (settings.isEmpty()) {
        qCInfo(lcSlurm) << "no Slurm clusters configured";
        return {};
    }
    auto clusters = ClusterSettings::listFromSettings(settings);
    if (!clusters)
        return makeError(clusters.error());
    m_clusters = *clusters;
    InventoryChangeSet changes;
    for (const ClusterSettings &settings : std::as_const(m_clusters))
        changes.upsert(settings.toCluster());
    if (host && !changes.isEmpty()) {
        if (auto applied = host->applyInventory(changes, QStringLiteral("slurm")); !applied)
            return makeError(tr("Slurm clusters refused by the inventory: %1").arg(applied.error()));
    }
    return {};
}

void SlurmPlugin::shutdown()
{
    m_clusters.clear();
}

std::unique_ptr<IComputeBackend> SlurmPlugin::createComputeBackend()
{
    if (!m_host || m_clusters.isEmpty())
        return nullptr;
    const QString stateFile = m_host->pluginDataDirectory(QStringLiteral("slurm"))
                              + QLatin1String("/deployments.json");
    return std::make_unique<SlurmComputeBackend>(m_host, m_clusters, stateFile);
}

} // namespace Continuo::Slurm
