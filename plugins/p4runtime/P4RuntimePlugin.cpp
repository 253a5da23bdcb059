#include "P4RuntimePlugin.h"

#include "P4RuntimeTarget.h"

#include "plugin/IPluginHost.h"

namespace Continuo::P4Runtime {

Result<void> P4RuntimePlugin::initialize(IPluginHost *host, const QVariantMap &settings)
{
    m_host = host;
    m_settings = {};
    m_program = {};
    // No section in the configuration: no switches to drive, and nothing wrong.
    if (settings.isEmpty()) {
        qCInfo(lcP4Runtime) << "no P4Runtime switches configured";
        return {};
    }
    auto parsed = PluginSettings::fromSettings(settings);
    if (!parsed)
        return makeError(parsed.error());
    if (!parsed->pipelinePath.isEmpty()) {
        auto program = P4Program::fromP4InfoFile(parsed->pipelinePath);
        if (!program)
            return makeError(tr("pipeline: %1").arg(program.error()));
        m_program = *program;
    }
    m_settings = *parsed;
    InventoryChangeSet changes;
    for (const SwitchSettings &sw : std::as_const(m_settings.switches))
        changes.upsert(sw.toSwitch());
    if (host && !changes.isEmpty()) {
        if (auto applied = host->applyInventory(changes, QString(PluginId)); !applied) {
            m_settings = {};
            return makeError(tr("P4Runtime switches refused by the inventory: %1").arg(applied.error()));
        }
    }
    qCInfo(lcP4Runtime) << "driving" << m_settings.switches.size() << "P4Runtime switches";
    return {};
}

void P4RuntimePlugin::shutdown()
{
    m_settings = {};
}

std::unique_ptr<INetworkTarget> P4RuntimePlugin::createNetworkTarget(const Switch &sw)
{
    for (const SwitchSettings &settings : std::as_const(m_settings.switches)) {
        if (settings.id == sw.id)
            return std::make_unique<P4RuntimeTarget>(settings.id, settings.clientOptions(), m_program);
    }
    return nullptr;
}

} // namespace Continuo::P4Runtime
