#pragma once

#include "SimulatedFabric.h"
#include "SimulatorModel.h"
#include "plugin/IPlugin.h"

#include <QLoggingCategory>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcSimulator)

namespace Continuo::Simulator {

/// The embedded default backend: a simulated continuum with live telemetry and faults, and its
/// P4 fabric: simulated switches (network targets running the reference pipeline) that carry the
/// scenario's flows and send real INT postcards to the collector the controller configures.
/// Settings: "scenario" ("demo" or a YAML path), "seed" (decimal; default: the scenario's);
/// for the compute backend "deployStepMs" (default 200) and, for fault-injection tests,
/// "failDeployOn" and "slowDeployOn" (node ids; see ComputeBackendSettings).
class SimulatorPlugin final : public IPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ContinuoPlugin_iid FILE "simulator.json")
    Q_INTERFACES(Continuo::IPlugin)

public:
    Result<void> initialize(IPluginHost *host, const QVariantMap &settings) override;
    /// Proposes the scenario's flows and SLAs (connections "flow-250"..., rules "sla-...") and
    /// starts the fabric's traffic.
    void start() override;
    void shutdown() override;
    std::unique_ptr<ITelemetrySource> createTelemetrySource() override;
    /// Runs deployments on every simulated cluster; its state lives in the plugin's data
    /// directory ("deployments.json").
    std::unique_ptr<IComputeBackend> createComputeBackend() override;
    /// A simulated P4 switch for the scenario's switches; null for any other.
    std::unique_ptr<INetworkTarget> createNetworkTarget(const Switch &sw) override;

private:
    IPluginHost *m_host = nullptr;
    QVariantMap m_settings;
    std::shared_ptr<SimulatorModel> m_model;
    std::shared_ptr<SimulatedFabric> m_fabric;
};

} // namespace Continuo::Simulator
