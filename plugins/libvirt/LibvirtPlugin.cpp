#include "LibvirtPlugin.h"

#include "plugin/IPluginHost.h"

namespace Continuo::Libvirt {

Result<void> LibvirtPlugin::initialize(IPluginHost *host, const QVariantMap &settings)
{
    if (!host)
        return makeError(tr("libvirt plugin initialised without a host"));
    m_host = host;
    m_settings.reset();
    // No section in the configuration: nothing to drive, and nothing wrong.
    if (settings.isEmpty())
        return {};
    const QString logDirectory = host->pluginDataDirectory(QStringLiteral("libvirt"))
                                 + QLatin1String("/logs");
    auto parsed = BackendSettings::parse(settings, logDirectory);
    if (!parsed)
        return makeError(parsed.error());
    m_settings = std::move(*parsed);
    return {};
}

void LibvirtPlugin::shutdown()
{
    m_settings.reset();
    m_host = nullptr;
}

std::unique_ptr<IComputeBackend> LibvirtPlugin::createComputeBackend()
{
    if (!m_host || !m_settings || m_settings->clusters.isEmpty() || m_backendCreated)
        return nullptr;
    m_backendCreated = true;
    return std::make_unique<LibvirtComputeBackend>(m_host, *m_settings);
}

} // namespace Continuo::Libvirt
