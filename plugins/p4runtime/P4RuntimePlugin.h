#pragma once

#include "P4RuntimeSettings.h"

#include "network/P4Program.h"
#include "plugin/IPlugin.h"

namespace Continuo::P4Runtime {

/// The P4Runtime plugin. Settings: {switches: [...], pipeline: <P4Info path>} (PluginSettings).
/// initialize() validates them, loads the P4Info and adds the switches to the inventory;
/// createNetworkTarget() answers for those switches with a P4RuntimeTarget (not connected yet).
/// No section in the configuration: the plugin stays idle.
class P4RuntimePlugin final : public IPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ContinuoPlugin_iid FILE "p4runtime.json")
    Q_INTERFACES(Continuo::IPlugin)

public:
    Result<void> initialize(IPluginHost *host, const QVariantMap &settings) override;
    void shutdown() override;
    std::unique_ptr<INetworkTarget> createNetworkTarget(const Switch &sw) override;

    const QList<SwitchSettings> &switches() const { return m_settings.switches; }
    const P4Program &assumedProgram() const { return m_program; }

private:
    IPluginHost *m_host = nullptr;
    PluginSettings m_settings;
    P4Program m_program;
};

} // namespace Continuo::P4Runtime
