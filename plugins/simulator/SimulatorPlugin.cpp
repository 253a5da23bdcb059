#include "SimulatorPlugin.h"

#include "SimulatorComputeBackend.h"

#include "plugin/IPluginHost.h"

#include <QDateTime>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSimulator, "continuo.plugin.simulator")

namespace Continuo::Simulator {

namespace {

/// Steps the model once per scenario tick on the engine thread and hands the results over.
class SimulatorSource final : public ITelemetrySource
{
public:
    SimulatorSource(std::shared_ptr<SimulatorModel> model, std::shared_ptr<SimulatedFabric> fabric)
        : m_model(std::move(model)), m_fabric(std::move(fabric))
    {
    }
    ~SimulatorSource() override { stop(); }

    QString name() const override
    {
        return QStringLiteral("simulator (%1)").arg(m_model->scenario().name);
    }

    Result<void> start(IPluginHost *host) override
    {
        if (m_timer)
            return {};
        m_host = host;
        m_timer = std::make_unique<QTimer>();
        m_timer->setTimerType(Qt::PreciseTimer);
        m_timer->setInterval(std::chrono::milliseconds(m_model->scenario().tickMs));
        QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [this] { tick(); });
        m_timer->start();
        tick();
        return {};
    }

    void stop() override { m_timer.reset(); }
    bool isRunning() const override { return m_timer != nullptr; }

private:
    void tick()
    {
        // Align to whole ticks so series from different nodes share timestamps.
        const qint64 tickMs = m_model->scenario().tickMs;
        const qint64 now = QDateTime::currentMSecsSinceEpoch() / tickMs * tickMs;
        if (now <= m_lastTickMs)
            return;
        m_lastTickMs = now;
        SimulatorModel::Step step = m_model->step(now);
        if (m_fabric)
            m_fabric->applyFaults(m_model->scenario().faults, m_model->activeFaults());
        if (!step.inventoryChanges.isEmpty()) {
            if (auto applied = m_host->applyInventory(step.inventoryChanges, QStringLiteral("simulator")); !applied)
                qCWarning(lcSimulator) << "fault inventory change refused:" << applied.error();
        }
        for (const Event &event : std::as_const(step.events))
            m_host->publishEvent(event);
        m_host->ingestSamples(step.samples);
    }

    std::shared_ptr<SimulatorModel> m_model;
    std::shared_ptr<SimulatedFabric> m_fabric;
    IPluginHost *m_host = nullptr;
    std::unique_ptr<QTimer> m_timer;
    qint64 m_lastTickMs = 0;
};

} // namespace

Result<void> SimulatorPlugin::initialize(IPluginHost *host, const QVariantMap &settings)
{
    m_host = host;
    m_settings = settings;
    const QString scenarioName = settings.value(QStringLiteral("scenario"), QStringLiteral("demo")).toString();
    auto scenario = Scenario::load(scenarioName);
    if (!scenario)
        return makeError(scenario.error());

    quint64 seed = scenario->seed;
    if (settings.contains(QStringLiteral("seed"))) {
        bool ok = false;
        seed = settings.value(QStringLiteral("seed")).toString().toULongLong(&ok);
        if (!ok)
            return makeError(tr("seed \"%1\" is not a number").arg(settings.value(QStringLiteral("seed")).toString()));
    }

    InventoryChangeSet changes;
    const auto &inventory = scenario->inventory;
    for (const auto &value : inventory.sites)
        changes.upsert(value);
    for (const auto &value : inventory.clusters)
        changes.upsert(value);
    for (const auto &value : inventory.nodes)
        changes.upsert(value);
    for (const auto &value : inventory.devices)
        changes.upsert(value);
    for (const auto &value : inventory.switches)
        changes.upsert(value);
    for (const auto &value : inventory.links)
        changes.upsert(value);
    for (const auto &value : inventory.storageLocations)
        changes.upsert(value);
    if (auto applied = host->applyInventory(changes, QStringLiteral("simulator")); !applied)
        return makeError(tr("scenario inventory refused: %1").arg(applied.error()));

    Event loaded;
    loaded.type = QLatin1String(EventTypes::GeneralInformation);
    loaded.source = QStringLiteral("plugin:simulator");
    loaded.message = tr("Simulator loaded scenario \"%1\": %2 sites, %3 nodes, %4 devices, %5 switches, "
                        "%6 links, %7 storage locations (seed %8)")
                         .arg(scenario->name)
                         .arg(inventory.sites.size())
                         .arg(inventory.nodes.size())
                         .arg(inventory.devices.size())
                         .arg(inventory.switches.size())
                         .arg(inventory.links.size())
                         .arg(inventory.storageLocations.size())
                         .arg(seed);
    loaded.payload = {{QStringLiteral("message"), loaded.message},
                      {QStringLiteral("scenario"), scenario->name}};
    host->publishEvent(loaded);

    m_fabric = std::make_shared<SimulatedFabric>(*scenario, seed);
    m_model = std::make_shared<SimulatorModel>(std::move(*scenario), seed);
    return {};
}

void SimulatorPlugin::start()
{
    if (!m_model || !m_fabric)
        return;
    const QList<Connection> connections = scenarioConnections(m_model->scenario());
    const QList<SlaRule> rules = scenarioSlaRules(m_model->scenario());
    if (!connections.isEmpty() || !rules.isEmpty())
        m_host->proposeNetworkIntents(connections, rules, QStringLiteral("simulator"));
    m_fabric->startTraffic();
}

void SimulatorPlugin::shutdown()
{
    if (m_fabric)
        m_fabric->stopTraffic();
    m_fabric.reset();
    m_model.reset();
}

std::unique_ptr<ITelemetrySource> SimulatorPlugin::createTelemetrySource()
{
    if (!m_model)
        return nullptr;
    return std::make_unique<SimulatorSource>(m_model, m_fabric);
}

std::unique_ptr<IComputeBackend> SimulatorPlugin::createComputeBackend()
{
    if (!m_model || !m_host)
        return nullptr;
    const QString stateFile = m_host->pluginDataDirectory(QStringLiteral("simulator"))
                              + QLatin1String("/deployments.json");
    return std::make_unique<SimulatorComputeBackend>(
        m_model, stateFile, ComputeBackendSettings::fromSettings(m_settings));
}

std::unique_ptr<INetworkTarget> SimulatorPlugin::createNetworkTarget(const Switch &sw)
{
    if (!m_fabric)
        return nullptr;
    return m_fabric->createTarget(sw.id);
}

} // namespace Continuo::Simulator
