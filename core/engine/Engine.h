#pragma once

#include "engine/EngineStatus.h"
#include "network/NetworkOptions.h"
#include "model/Event.h"
#include "model/Inventory.h"
#include "orchestration/Orchestrator.h"
#include "plugin/IPluginHost.h"
#include "plugin/ITelemetrySource.h"
#include "telemetry/TelemetryPersistence.h"

#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace Continuo {

class AnomalyEngine;
class HostProbe;
class IStateStore;
class LinkLatencyEstimator;
class NetworkController;
class ITelemetryRateControl;
class PluginManager;
class TelemetryHub;

struct EngineOptions
{
    QString dataDirectory;          ///< Where the state database lives; created if missing.
    QString scenario = QStringLiteral("demo"); ///< Simulator scenario: "demo", "none" or a file.
    quint64 seed = 42;              ///< Simulator seed: same seed, same continuum and telemetry.
    QStringList pluginPaths;        ///< Empty: PluginManager::defaultSearchPaths().
    QStringList disabledPlugins;
    /// Extra settings per plugin id, merged over the engine's own (the simulator gets
    /// "scenario" and "seed" from the fields above; tests add "deployStepMs", "failDeployOn").
    QHash<QString, QVariantMap> pluginSettings;
    bool hostProbe = true;          ///< Probe this machine from /proc and show it as a node.
    int recentEventLimit = 5000;    ///< Events kept in memory for new watchers.
    /// How often new telemetry reaches subscribers and the anomaly engine (frame rate of the
    /// live views; also the floor of the alert latency).
    std::chrono::milliseconds telemetryPublishInterval{100};
    /// How often unmeasured link latencies are estimated from measured paths (network
    /// tomography); 0 turns the estimator off.
    std::chrono::milliseconds linkEstimationInterval{5000};
    /// Keep telemetry across restarts in its own SQLite file (sealed chunks, rollups, head
    /// checkpoints; see TelemetryPersistence for the loss window). If the file cannot be
    /// opened the engine still starts, with telemetry in memory only, and says so in a
    /// Telemetry.Storage event.
    bool persistTelemetry = true;
    /// Database path (empty: `<dataDirectory>/telemetry.db`), checkpoint interval, per-tier
    /// database retention.
    TelemetryPersistenceOptions telemetryPersistence;
    /// Reconciliation timing, retries and the closed loop of workload placement.
    OrchestratorOptions orchestrator;
    /// P4 fabric: INT collector address/port, timestamp unit, window.
    NetworkControllerOptions network;
};

/// The orchestration and telemetry core. Lives on one thread (the GUI's or the daemon's main
/// thread); every other thread reaches it through queued calls or IPluginHost.
class CONTINUO_CORE_EXPORT Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    /// `~/.local/share/continuo` (XDG data home): the default state directory of the console and
    /// the daemon alike, so both find the same state (and the lock keeps them from sharing it).
    static QString defaultDataDirectory();

    /// Open the store, restore state, load plugins, start probes. On failure the engine is in
    /// state Failed with the reason in status().stateMessage, and nothing was lost on disk.
    Result<void> start(const EngineOptions &options);
    /// Stop plugins and probes, flush and close the store.
    void stop();

    EngineState state() const { return m_state; }
    EngineStatus status() const;
    const EngineOptions &options() const { return m_options; }

    const Inventory &inventory() const { return m_inventory; }
    TelemetryHub *telemetry() const { return m_telemetry; }
    PluginManager *pluginManager() const { return m_plugins; }
    IStateStore *store() const { return m_store.get(); }
    /// Streaming detectors, rules and alerts; null while the engine is stopped.
    AnomalyEngine *anomalyEngine() const { return m_anomaly.get(); }
    /// Workload placement and deployment reconciliation; null while the engine is stopped.
    Orchestrator *orchestrator() const { return m_orchestrator.get(); }
    /// P4 switches, entries, connections, INT collector and SLA reroutes; null while stopped.
    NetworkController *network() const { return m_network.get(); }
    /// Where requests for faster telemetry go (by default recorded and logged).
    ITelemetryRateControl *telemetryRateControl() const;
    /// Replace the telemetry rate control (null: the default). Not owned.
    void setTelemetryRateControl(ITelemetryRateControl *control);

    /// Apply and persist inventory changes; emits inventoryChanged with the deltas.
    Result<QList<InventoryDelta>> applyInventory(const InventoryChangeSet &changes,
                                                 const QString &origin);
    /// Fill in sequence and timestamp, keep, persist and emit an event.
    Event publishEvent(Event event);
    /// Newest events kept in memory (sequence > afterSequence, type starting with prefix).
    QList<Event> recentEvents(qint64 afterSequence = 0, const QString &typePrefix = {}) const;

    /// Operator action: change a node's administrative state. Audited.
    Result<Node> setNodeState(const QString &nodeId, NodeState state, const QString &actor,
                              const QString &reason);
    /// Record an operator or automatic action in the audit log (committed before returning).
    Result<AuditEntry> recordAudit(const QString &actor, const QString &action,
                                   const QString &target, const QJsonObject &details);

    /// The IPluginHost handed to plugins (thread-safe).
    IPluginHost *pluginHost() const;

Q_SIGNALS:
    void stateChanged(Continuo::EngineState state);
    void inventoryChanged(const QList<Continuo::InventoryDelta> &deltas);
    void eventPublished(const Continuo::Event &event);

private:
    class Host;
    void setState(EngineState state, const QString &message = {});
    void enableTelemetryPersistence();

    EngineOptions m_options;
    EngineState m_state = EngineState::Stopped;
    QString m_stateMessage;
    qint64 m_startedAtMs = 0;
    Inventory m_inventory;
    std::unique_ptr<QLockFile> m_dataLock; ///< One engine per data directory.
    std::unique_ptr<IStateStore> m_store;
    TelemetryHub *m_telemetry = nullptr;
    PluginManager *m_plugins = nullptr;
    std::unique_ptr<Host> m_host;
    std::vector<std::unique_ptr<ITelemetrySource>> m_sources;
    std::unique_ptr<HostProbe> m_hostProbe;
    std::unique_ptr<ITelemetryRateControl> m_defaultRateControl;
    ITelemetryRateControl *m_rateControl = nullptr;
    std::unique_ptr<AnomalyEngine> m_anomaly;
    std::unique_ptr<LinkLatencyEstimator> m_linkEstimator;
    std::unique_ptr<Orchestrator> m_orchestrator;
    std::unique_ptr<NetworkController> m_network;
    /// Intents plugins offered before the controller started, replayed on it.
    std::vector<std::function<void(NetworkController *)>> m_proposedIntents;
    std::deque<Event> m_recentEvents;
    qint64 m_lastEventSequence = 0;
};

} // namespace Continuo
