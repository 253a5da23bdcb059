#pragma once

#include "SimulatorModel.h"
#include "plugin/IComputeBackend.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <chrono>
#include <memory>

namespace Continuo::Simulator {

/// Settings of the simulated compute backend (plugin settings of the same names).
struct ComputeBackendSettings
{
    /// Time per deployment step ("deployStepMs"): accepted -> in deployment -> deployed.
    std::chrono::milliseconds stepDuration{200};
    /// Nodes where every deploy fails after one step ("failDeployOn", list or comma-separated).
    QSet<QString> failDeployOn;
    /// Nodes where a deploy starts and never finishes ("slowDeployOn").
    QSet<QString> slowDeployOn;

    /// Read from plugin settings; unknown or malformed values keep the defaults.
    static ComputeBackendSettings fromSettings(const QVariantMap &settings);
};

/// Runs deployments on the simulated continuum. Every cluster of the scenario is driven by it
/// (whatever its nominal backend kind). A deployment walks through in-deployment to deployed,
/// one step per stepDuration, then adds its CPU and memory request to its node's simulated
/// load. The running set lives in a JSON file (written atomically with QSaveFile on every
/// change), so it survives a restart of the engine like a real cluster would; deploy() of an id
/// already known on the same node answers with its current state and starts nothing new.
/// Lives on the engine's thread; reports are delivered from its timers on that thread.
class SimulatorComputeBackend final : public IComputeBackend
{
public:
    SimulatorComputeBackend(std::shared_ptr<SimulatorModel> model, QString stateFilePath,
                            ComputeBackendSettings settings);
    ~SimulatorComputeBackend() override;

    BackendKind kind() const override { return BackendKind::Simulator; }
    QStringList clusterIds() const override;
    void setReportCallback(ReportCallback callback) override;
    Result<void> deploy(const Deployment &deployment, const Workload &workload) override;
    Result<void> terminate(const QString &deploymentId) override;
    QList<DeploymentReport> deployments() const override;
    /// Simulated jobs (HPC jobs on Slurm-kind clusters) and domains (VMs and unikernels on
    /// libvirt-kind clusters) as backend objects with their phases (accepted, scheduled,
    /// started), marked "simulated"; no actions (the orchestrator terminates them).
    QList<BackendObject> objects() const override;

    /// How many times each deployment id was (re)started from scratch, across restarts (also
    /// in the state file, under "starts").
    QHash<QString, int> startCounts() const;

private:
    struct Entry
    {
        QString id;
        QString workloadId;
        QString nodeId;
        QString clusterId;
        DeploymentState state = DeploymentState::Unknown;
        QString message;
        double cpuCores = 0.0;
        qint64 memoryBytes = 0;
        int steps = 2;      ///< Steps from accepted to deployed (VMs and jobs take one more).
        int stepsDone = 0;
        quint64 timerToken = 0; ///< Only the newest step timer of an entry acts.
        QString objectKind; ///< "slurm.job", "libvirt.domain" or empty (not shown as an object).
        QString name;       ///< The workload's name.
        QList<InstantiationPhase> phases; ///< Kept in memory only.
    };

    void load();
    void save() const;
    void schedule(const QString &id);
    void advance(const QString &id);
    void report(const Entry &entry);
    static void addPhase(Entry &entry, const QString &name);
    void updateLoad();
    DeploymentReport toReport(const Entry &entry) const;

    std::shared_ptr<SimulatorModel> m_model;
    QString m_stateFilePath;
    ComputeBackendSettings m_settings;
    ReportCallback m_callback;
    QHash<QString, Entry> m_entries;
    QHash<QString, int> m_starts; ///< Kept after termination, so restarts stay countable.
    QHash<QString, QString> m_clusterOfNode;
    QHash<QString, BackendKind> m_backendOfCluster;
    QHash<QString, NodeState> m_nodeState;
    quint64 m_nextToken = 0;
    std::unique_ptr<QObject> m_context; ///< Owns the step timers; gone with the backend.
};

} // namespace Continuo::Simulator
