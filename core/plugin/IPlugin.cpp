#include "plugin/IPlugin.h"

#include "plugin/INetworkTarget.h"

namespace Continuo {

IPlugin::IPlugin(QObject *parent)
    : QObject(parent)
{
}

IPlugin::~IPlugin() = default;

std::unique_ptr<INetworkTarget> IPlugin::createNetworkTarget(const Switch &sw)
{
    Q_UNUSED(sw);
    return nullptr;
}

} // namespace Continuo
