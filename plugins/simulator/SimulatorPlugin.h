#pragma once

#include "SimulatorModel.h"
#include "plugin/IPlugin.h"

#include <QLoggingCategory>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcSimulator)

namespace Continuo::Simulator {

/// The embedded default backend: a simulated continuum with live telemetry and faults.
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
    void shutdown() override;
    std::unique_ptr<ITelemetrySource> createTelemetrySource() override;
    /// Runs deployments on every simulated cluster; its state lives in the plugin's data
    /// directory ("deployments.json").
    std::unique_ptr<IComputeBackend> createComputeBackend() override;

private:
    IPluginHost *m_host = nullptr;
    QVariantMap m_settings;
    std::shared_ptr<SimulatorModel> m_model;
};

} // namespace Continuo::Simulator
