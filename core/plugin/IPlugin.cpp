#include "plugin/IPlugin.h"

namespace Continuo {

IPlugin::IPlugin(QObject *parent)
    : QObject(parent)
{
}

IPlugin::~IPlugin() = default;

} // namespace Continuo
