#pragma once

#include "continuo_core_export.h"
#include "plugin/IAcceleratorBackend.h"
#include "plugin/IComputeBackend.h"
#include "plugin/IStorageBackend.h"
#include "plugin/ITelemetrySource.h"

#include <QObject>
#include <QVariantMap>

#include <memory>

namespace Continuo {

class IPluginHost;
class INetworkTarget; // plugin/INetworkTarget.h (P4 model): include it where targets are made
struct Switch;

/// Version of the plugin-facing core API. A plugin whose `CoreApi` metadata is newer than this
/// is refused before it is loaded; bump it whenever an interface in core/plugin changes.
inline constexpr int CoreApiVersion = 4;

/// Root interface of every Continuo plugin (Qt Creator's pattern): identity comes from the JSON
/// metadata, capabilities from the factory methods. The default factories return nothing.
class CONTINUO_CORE_EXPORT IPlugin : public QObject
{
    Q_OBJECT
public:
    explicit IPlugin(QObject *parent = nullptr);
    ~IPlugin() override;

    /// Called once, on the engine thread, after the plugin's dependencies are initialised.
    /// `settings` come from the configuration file's section for this plugin.
    virtual Result<void> initialize(IPluginHost *host, const QVariantMap &settings) = 0;
    /// Called after every plugin is initialised.
    virtual void start() {}
    /// Called before unloading, in reverse dependency order.
    virtual void shutdown() {}

    virtual std::unique_ptr<IComputeBackend> createComputeBackend() { return nullptr; }
    virtual std::unique_ptr<IAcceleratorBackend> createAcceleratorBackend() { return nullptr; }
    /// A target for a switch of the inventory when this plugin drives it (the engine asks every
    /// plugin; the first that answers owns the switch).
    virtual std::unique_ptr<INetworkTarget> createNetworkTarget(const Switch &sw);
    virtual std::unique_ptr<IStorageBackend> createStorageBackend() { return nullptr; }
    virtual std::unique_ptr<ITelemetrySource> createTelemetrySource() { return nullptr; }
};

} // namespace Continuo

#define ContinuoPlugin_iid "org.continuo.IPlugin/1"
Q_DECLARE_INTERFACE(Continuo::IPlugin, ContinuoPlugin_iid)
