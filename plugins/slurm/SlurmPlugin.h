#pragma once

#include "SlurmComputeBackend.h"

#include "plugin/IPlugin.h"

namespace Continuo::Slurm {

/// The Slurm plugin. Settings: {"clusters": [...]} (see ClusterSettings and
/// SlurmComputeBackend for the keys and the behaviour). initialize() validates them and
/// registers the clusters in the inventory; createComputeBackend() returns the backend, which
/// starts polling (inventory, telemetry, job states) as soon as it exists.
class SlurmPlugin final : public IPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ContinuoPlugin_iid FILE "slurm.json")
    Q_INTERFACES(Continuo::IPlugin)

public:
    Result<void> initialize(IPluginHost *host, const QVariantMap &settings) override;
    void shutdown() override;
    /// The backend for every configured cluster; its state file is
    /// pluginDataDirectory("slurm")/deployments.json.
    std::unique_ptr<IComputeBackend> createComputeBackend() override;

private:
    IPluginHost *m_host = nullptr;
    QList<ClusterSettings> m_clusters;
};

} // namespace Continuo::Slurm
