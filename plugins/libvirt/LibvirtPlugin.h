#pragma once

#include "LibvirtComputeBackend.h"

#include "plugin/IPlugin.h"

namespace Continuo::Libvirt {

/// The libvirt plugin: one compute backend for every configured cluster of libvirt hosts.
/// Settings are those of BackendSettings (see LibvirtComputeBackend.h); they are validated by
/// initialize(), which fails with a message naming the bad field.
class LibvirtPlugin final : public IPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ContinuoPlugin_iid FILE "libvirt.json")
    Q_INTERFACES(Continuo::IPlugin)

public:
    Result<void> initialize(IPluginHost *host, const QVariantMap &settings) override;
    void shutdown() override;
    /// Created once; it connects to its hosts itself. Later calls return nothing.
    std::unique_ptr<IComputeBackend> createComputeBackend() override;

private:
    IPluginHost *m_host = nullptr;
    std::optional<BackendSettings> m_settings;
    bool m_backendCreated = false;
};

} // namespace Continuo::Libvirt
