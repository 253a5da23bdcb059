#pragma once

#include "orchestration/Placer.h"

#include <QHash>

namespace Continuo {

/// A hypothetical change for what-if runs.
struct WhatIfChange
{
    enum class Kind { Unknown, DrainNode, FailNode, FailLink, FailSite, AddLoad };
    Kind kind = Kind::Unknown;
    QString targetId;      ///< Node, link or site id.
    double cpuCores = 0.0; ///< AddLoad: extra CPU taken on the node.
    qint64 memoryBytes = 0;
    bool operator==(const WhatIfChange &) const = default;
};
CONTINUO_CORE_EXPORT QString toString(WhatIfChange::Kind kind);
/// "drain-node", "fail-node", "fail-link", "fail-site", "add-load"; Unknown for anything else.
CONTINUO_CORE_EXPORT WhatIfChange::Kind whatIfKindFromString(const QString &text);

/// One deployment moving (or unable to stay).
struct PlannedMove
{
    QString deploymentId;
    QString workloadId;
    QString fromNodeId;
    QString toNodeId;      ///< Empty when no place was found (unplaceable).
    QString toClusterId;
    QString reason;        ///< Why it moves: "node hpc-bol-07 drained", "improves score 0.41 -> 0.63".
    double scoreBefore = 0.0;
    double scoreAfter = 0.0;
    bool operator==(const PlannedMove &) const = default;
};

struct WhatIfResult
{
    QList<PlannedMove> moves;       ///< Deployments that would move, with their new node.
    QList<PlannedMove> unplaceable; ///< Deployments that would have nowhere to go.
    QList<PlacementExplanation> newPlacements; ///< Hypothetical intents placed on the changed model.
    QStringList unavailableNodes;   ///< Nodes the changes take away.
    bool operator==(const WhatIfResult &) const = default;
};

struct ReoptimizeOptions
{
    /// Only these nodes are evacuated / considered for moves (empty: every deployment).
    QSet<QString> nodes;
    /// Evacuate every deployment on `nodes` (degraded node) rather than only improving ones.
    bool evacuate = false;
    /// At most this many moves (the disruption budget).
    int disruptionBudget = 10;
    /// A voluntary move must improve the workload's score by at least this much (0..1).
    double minImprovement = 0.05;
};

/// Placement over many deployments: building the model from live state, what-if runs on a
/// copy and re-optimisation. Pure functions: nothing here touches a backend.
class CONTINUO_CORE_EXPORT PlacementPlanner
{
public:
    /// The model for an inventory with the resources of live deployments (not failed or
    /// terminated, with a node) already allocated, and degraded nodes marked.
    static PlacementModel buildModel(const InventorySnapshot &inventory,
                                     const QList<Deployment> &deployments,
                                     const QHash<QString, Workload> &workloads,
                                     const QHash<QString, double> &liveLinkLatencyMs = {},
                                     const QSet<QString> &degradedNodes = {});

    /// Apply `changes` to a copy of `model` and re-place what they displace (deployments on
    /// nodes that go away, or whose latency bounds break), then place `newIntents`.
    static WhatIfResult whatIf(const PlacementModel &model, const Placer &placer,
                               const QList<Deployment> &deployments,
                               const QHash<QString, Workload> &workloads,
                               const QList<WhatIfChange> &changes,
                               const QList<Workload> &newIntents = {});

    /// Moves that improve the objective (or evacuate degraded nodes), at most the budget;
    /// the model is updated as if the moves were applied.
    static QList<PlannedMove> reoptimize(PlacementModel &model, const Placer &placer,
                                         const QList<Deployment> &deployments,
                                         const QHash<QString, Workload> &workloads,
                                         const ReoptimizeOptions &options);

    /// A deployment holds resources (it has a node and is not failed, terminated or desired
    /// terminated).
    static bool holdsResources(const Deployment &deployment);
};

} // namespace Continuo
