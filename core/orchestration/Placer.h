#pragma once

#include "orchestration/PlacementModel.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Continuo {

class ResourceQuery;

/// Why a candidate (node or, in stage 1, a whole cluster) was rejected.
struct PlacementRejection
{
    QString candidateId;   ///< Node id, or cluster id when the whole cluster was ruled out.
    bool wholeCluster = false;
    QString filter;        ///< Name of the filter that rejected it ("resources", "latency", ...).
    QString reason;        ///< "needs 2 GPUs, node has 1"; "latency to site-x 38 ms > 20 ms".
    double shortfall = 0.0; ///< How far off, in the filter's unit (GPUs, ms, cores); for ranking.
    bool operator==(const PlacementRejection &) const = default;
};

/// One scorer's opinion of a candidate.
struct ScoreTerm
{
    QString scorer;
    double score = 0.0;  ///< 0..1, higher is better.
    double weight = 0.0;
    bool operator==(const ScoreTerm &) const = default;
};

struct RankedCandidate
{
    QString nodeId;
    QString clusterId;
    double total = 0.0;  ///< Weighted sum of the terms (or the strategy's key, normalised).
    QList<ScoreTerm> terms;
    bool operator==(const RankedCandidate &) const = default;
};

/// "What would make it fit": one constraint relaxed and how many nodes would then qualify.
struct Relaxation
{
    QString filter;
    QString suggestion;  ///< "ask for 1 GPU instead of 2", "allow 38 ms instead of 20 ms".
    int nodesThatWouldFit = 0;
    bool operator==(const Relaxation &) const = default;
};

/// Where one replica of one workload goes.
struct PlacementDecision
{
    QString workloadId;
    int replica = 0;
    QString nodeId;
    QString clusterId;
    QString siteId;
    /// The backend schedules itself (Kubernetes, Slurm): nodeId is our choice, the backend gets
    /// `constraints` (nodeSelector, partition, gres, ...) and may pick another matching node.
    bool delegated = false;
    QStringList constraints;
    double score = 0.0;
    bool operator==(const PlacementDecision &) const = default;
};

/// The full account of one placement request (a workload, or a co-location group).
struct PlacementExplanation
{
    bool placed = false;
    QString error;       ///< Why not, in one line, when !placed.
    QString strategy;
    QList<PlacementDecision> decisions; ///< One per replica of every member, when placed.
    /// Stage 1: clusters in the order they were tried, best first, with their scores.
    QList<RankedCandidate> platforms;
    /// Stage 2: the best nodes of the chosen platform (at most PlacementOptions::maxRanked).
    QList<RankedCandidate> ranked;
    /// Every rejected candidate (explain mode) or the first few (fast mode).
    QList<PlacementRejection> rejections;
    QMap<QString, int> rejectionsByFilter;
    QList<Relaxation> relaxations; ///< Filled when nothing fits (and in explain mode).
    int nodesConsidered = 0;
    int nodesFeasible = 0;
    bool operator==(const PlacementExplanation &) const = default;
};

/// Context handed to filters and scorers for one replica.
struct PlacementContext
{
    const PlacementModel *model = nullptr;
    const Workload *workload = nullptr;
    int replica = 0;
    QList<int> gpuModels;  ///< Interned models matching requirements.gpuModel (empty: any).
    QList<int> fpgaModels;
    QSet<int> usedNodes;   ///< Spread bookkeeping across replicas of the workload.
    QSet<int> usedSites;
    QSet<int> usedZones;
    QSet<int> excludedNodes; ///< Nodes a failed deployment ran on.
    int groupCluster = -1; ///< Co-location: members after the first must use this cluster.
    /// requirements.where, parsed once per request; whereError when it does not parse.
    std::shared_ptr<const ResourceQuery> where;
    QString whereError;
    /// Whether rejections need their reason text (formatting is skipped on the fast path once
    /// enough examples are kept).
    bool withReasons = true;
};

/// A hard constraint. Filters must be cheap: they run on every candidate node of a cluster.
class CONTINUO_CORE_EXPORT IPlacementFilter
{
public:
    virtual ~IPlacementFilter();
    virtual QString name() const = 0;
    /// Rule out a whole cluster (stage 1) from its aggregates; default: keep it.
    virtual std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                           int cluster) const;
    /// Rule out one node; the rejection says why and by how much.
    virtual std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                        int node) const = 0;
    /// A suggestion to relax this filter given the nodes it alone rejected; empty if none.
    virtual QString relaxation(const PlacementContext &context,
                               const QList<PlacementRejection> &onlyThis) const;
};

/// A soft preference, scored 0..1 (higher is better).
class CONTINUO_CORE_EXPORT IPlacementScorer
{
public:
    virtual ~IPlacementScorer();
    virtual QString name() const = 0;
    /// Weight of this scorer for the workload (0: not used).
    virtual double weight(const Workload &workload) const = 0;
    virtual double scoreNode(const PlacementContext &context, int node) const = 0;
    /// Stage 1: the cluster as a whole; default: the mean of nothing, 0.5.
    virtual double scoreCluster(const PlacementContext &context, int cluster) const;
};

struct PlacementOptions
{
    bool explain = false;  ///< Evaluate every filter on every node; full rejections, relaxations.
    bool commit = true;    ///< Allocate the chosen resources in the model.
    int maxRanked = 10;
    int maxRejectionsFast = 16; ///< Rejections kept outside explain mode.
    /// When nothing fits, scan every node once more to say what would make it fit
    /// (relaxations). Bulk re-packing turns it off.
    bool relaxOnFailure = true;
};

/// Two-stage filter -> score placement. Stage 1 ranks platforms (clusters) from their
/// aggregates and ends at the first one that can take the whole request; stage 2 picks the node
/// inside it with the workload's strategy. Co-location groups are atomic: every replica of
/// every member lands in one cluster, or nothing is allocated.
class CONTINUO_CORE_EXPORT Placer
{
public:
    /// With the built-in filters (state, pin, arch, security, isolation, labels, partition,
    /// resources, accelerators, latency, data locality, spread, health) and scorers (latency,
    /// execution time, energy, cost, balance).
    Placer();
    ~Placer();

    /// Replicas one request may ask for; larger requests are refused, not attempted.
    static constexpr int MaxReplicas = 10000;

    void addFilter(std::unique_ptr<IPlacementFilter> filter);
    void addScorer(std::unique_ptr<IPlacementScorer> scorer);
    QStringList filterNames() const;
    QStringList scorerNames() const;

    /// Place one workload (all its replicas).
    PlacementExplanation place(PlacementModel &model, const Workload &workload,
                               const PlacementOptions &options = {},
                               const QSet<int> &excludedNodes = {}) const;
    /// Place a co-location group atomically (members share groupId).
    PlacementExplanation placeGroup(PlacementModel &model, const QList<Workload> &members,
                                    const PlacementOptions &options = {}) const;

    /// How the workload's strategy rates `node` as it stands (the workload's own resources must
    /// not be allocated there); terms per scorer for the multi-objective strategy.
    RankedCandidate rate(const PlacementModel &model, const Workload &workload, int node) const;

    /// Constraints handed to a self-scheduling backend for this workload on this cluster
    /// (Kubernetes nodeSelector/runtimeClass/resources, Slurm partition/constraint/gres/time).
    static QStringList backendConstraints(const PlacementModel &model, int cluster,
                                          const Workload &workload);
    /// Whether the backend kind runs this workload kind at all.
    static bool backendRuns(BackendKind backend, WorkloadKind kind);
    /// Whether the backend does its own node selection.
    static bool backendSchedulesItself(BackendKind backend);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace Continuo
