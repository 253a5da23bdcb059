#pragma once

#include "orchestration/PlacementPlanner.h"
#include "plugin/IComputeBackend.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include <chrono>
#include <memory>

namespace Continuo {

class Engine;
class IComputeBackend;

/// What a submission produced.
struct SubmitResult
{
    /// Every intent with its id assigned and submittedMs set, in submission order; only the
    /// placed ones are stored (the explanations say which).
    QList<Workload> workloads;
    QList<PlacementExplanation> explanations; ///< One per workload or co-location group.
    QList<Deployment> deployments;       ///< Created (empty for a dry run).
    bool dryRun = false;
};

struct OrchestratorOptions
{
    /// How long a deployment may stay in one non-final state before it counts as failed.
    std::chrono::milliseconds stateTimeout{30000};
    /// Backoff after a failed attempt: initial * 2^(attempts-1), capped.
    std::chrono::milliseconds initialBackoff{500};
    std::chrono::milliseconds maxBackoff{60000};
    /// Attempts on one node before the deployment is re-placed elsewhere.
    int attemptsPerPlacement = 3;
    /// Re-placements before a deployment is given up (Failed, desired Terminated).
    int maxReplacements = 5;
    /// Reconciliation pass interval.
    std::chrono::milliseconds reconcileInterval{250};
    /// Closed loop: when an alert fires on a node or site, evacuate it (within the budget).
    bool closedLoop = true;
    int disruptionBudget = 10;
};

/// Desired vs actual state of every deployment, through the backend plugins. Lives on the
/// engine's thread. Submissions are placed (Placer), stored (workloads and deployments,
/// committed before a backend is called) and handed to the cluster's IComputeBackend; reports
/// drive the state machine; a periodic pass retries with exponential backoff, re-places what
/// failed too often and terminates what is no longer wanted. After a restart the stored
/// deployments are resumed: deploy() is idempotent per deployment id in every backend, so
/// nothing is duplicated. Moves (re-optimisation, closed loop, pins) are audited with their
/// reason.
class CONTINUO_CORE_EXPORT Orchestrator : public QObject
{
    Q_OBJECT
public:
    explicit Orchestrator(Engine *engine, QObject *parent = nullptr);
    ~Orchestrator() override;

    /// Restore workloads and deployments, take the compute backends from the loaded plugins
    /// and start reconciling. Called by Engine::start once plugins are up.
    Result<void> start(const OrchestratorOptions &options, const QList<Workload> &workloads,
                       const QList<Deployment> &deployments);
    void stop();

    const Placer &placer() const { return m_placer; }

    /// Validate and place intents (members sharing a groupId are placed atomically). A dry run
    /// changes nothing. An intent that fits nowhere is refused with its explanation; other
    /// intents of the same submission still go ahead.
    Result<SubmitResult> submit(const QList<Workload> &intents, const QString &actor,
                                bool dryRun);
    /// Full explanation of where the intent would go now (explain mode, no side effects).
    PlacementExplanation explain(const Workload &intent) const;
    /// Explanation of the placement a stored workload got (recomputed against its node).
    Result<PlacementExplanation> explainWorkload(const QString &workloadId) const;
    /// What would move under hypothetical changes; nothing is touched.
    WhatIfResult whatIf(const QList<WhatIfChange> &changes,
                        const QList<Workload> &newIntents = {}) const;
    /// Compute moves (evacuating `options.nodes` or improving the objective) and, unless
    /// dryRun, apply them: new deployment on the target, then the old one terminated.
    Result<QList<PlannedMove>> reoptimize(const ReoptimizeOptions &options, const QString &actor,
                                          const QString &reason, bool dryRun);
    /// Move one deployment to a node chosen by the operator (drag and drop). Refused with the
    /// filters' reasons when the node is infeasible, unless `force`.
    Result<PlannedMove> pin(const QString &deploymentId, const QString &nodeId,
                            const QString &actor, bool force);
    /// Terminate every deployment of the workload (desired state Terminated).
    Result<void> terminate(const QString &workloadId, const QString &actor);

    QList<Workload> workloads() const;
    std::optional<Workload> workload(const QString &id) const;
    QList<Deployment> deployments(const QString &workloadId = {}) const;
    std::optional<Deployment> deployment(const QString &id) const;

    /// Jobs, partitions and domains every compute backend knows now (answered from the
    /// backends' memory), optionally only of one cluster and/or kind ("slurm.job").
    QList<BackendObject> backendObjects(const QString &clusterId = {},
                                        const QString &kind = {}) const;
    /// Act on a backend object ("<clusterId>/job/42" cancel, "<clusterId>/domain/vm1" migrate
    /// {targetNode}). Audited before the backend is asked; the backend's refusal comes back.
    Result<void> invokeBackendAction(const QString &objectId, const QString &action,
                                     const QVariantMap &arguments, const QString &actor);

    /// Up to `maxBytes` of a backend object's output (job output, serial console). Unlike the
    /// rest of the class this may be called from any thread once started, and it may block:
    /// call it off the engine thread.
    Result<QString> backendObjectLog(const QString &objectId, qint64 maxBytes) const;

    /// The model placement uses now (live inventory, allocations, degraded nodes).
    PlacementModel currentModel() const;

    /// Run one reconciliation pass now (the timer does so every reconcileInterval).
    void reconcile();

Q_SIGNALS:
    void workloadChanged(const Continuo::Workload &workload);
    void deploymentChanged(const Continuo::Deployment &deployment);

private:
    /// The backend driving an object's cluster (the id's first segment).
    Result<IComputeBackend *> backendForObject(const QString &objectId) const;

    struct Impl;
    std::unique_ptr<Impl> d;
    Placer m_placer;
};

} // namespace Continuo
