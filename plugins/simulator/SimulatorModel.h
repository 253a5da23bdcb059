#pragma once

#include "Scenario.h"
#include "model/Event.h"
#include "telemetry/Series.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace Continuo::Simulator {

/// Small, portable random source (splitmix64): the same seed gives the same numbers on every
/// platform and standard library, which std::normal_distribution does not promise.
class Random
{
public:
    explicit Random(quint64 seed = 0) : m_state(seed) {}
    quint64 next();
    double uniform(); ///< [0, 1)
    double normal();  ///< mean 0, standard deviation 1 (Box–Muller)

private:
    quint64 m_state;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

/// Deterministic telemetry for a scenario: the same scenario, seed and step times give the
/// same samples, events and inventory changes.
class SimulatorModel
{
public:
    SimulatorModel(Scenario scenario, quint64 seed);

    const Scenario &scenario() const { return m_scenario; }

    struct Step
    {
        QList<SeriesBatch> samples;
        QList<Event> events;
        InventoryChangeSet inventoryChanges;
    };

    /// Advance to `timestampMs` (the first call fixes the start of the fault schedule).
    Step step(qint64 timestampMs);

    /// Load that placed deployments add to a node, on top of its scenario profile.
    struct ExtraLoad
    {
        double cpuCores = 0.0;
        qint64 memoryBytes = 0;
    };
    /// Replace the extra load of every node (nodes not named get none). Telemetry of the next
    /// steps (node_cpu_utilisation, node_memory_*) reflects it.
    void setExtraLoad(const QHash<QString, ExtraLoad> &loadByNode) { m_extraLoad = loadByNode; }
    const QHash<QString, ExtraLoad> &extraLoad() const { return m_extraLoad; }

    /// Faults active after the last step, by index into scenario().faults.
    const std::vector<bool> &activeFaults() const { return m_active; }

private:
    struct NodeRuntime
    {
        Random random;
        double cpuNoise = 0.0;
        double memoryDrift = 0.0;
        double lastCpu = 0.0;
    };
    struct LinkRuntime
    {
        Random random;
        double utilisationNoise = 0.0;
    };

    void applyFaultTransitions(qint64 timestampMs, Step &step);

    Scenario m_scenario;
    quint64 m_seed;
    qint64 m_startMs = -1;
    std::vector<bool> m_active;
    QHash<QString, NodeRuntime> m_nodes;
    QHash<QString, LinkRuntime> m_links;
    QHash<QString, double> m_siteLoad;
    QHash<QString, ExtraLoad> m_extraLoad;
};

} // namespace Continuo::Simulator
