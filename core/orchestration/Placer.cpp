#include "orchestration/Placer.h"

#include "orchestration/PlacementFilters.h"
#include "orchestration/ResourceQuery.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace Continuo {

IPlacementFilter::~IPlacementFilter() = default;

std::optional<PlacementRejection> IPlacementFilter::checkCluster(const PlacementContext &,
                                                                 int) const
{
    return std::nullopt;
}

QString IPlacementFilter::relaxation(const PlacementContext &,
                                     const QList<PlacementRejection> &) const
{
    return {};
}

IPlacementScorer::~IPlacementScorer() = default;

double IPlacementScorer::scoreCluster(const PlacementContext &, int) const
{
    return 0.5;
}

namespace {

PlacementStrategy effectiveStrategy(const Workload &workload)
{
    return workload.strategy == PlacementStrategy::Unknown ? PlacementStrategy::MultiObjective
                                                           : workload.strategy;
}

struct ClusterCandidate
{
    int cluster = -1;
    double key = 0.0;
};

struct NodePick
{
    int node = -1;
    double key = -1.0;
};

/// Keeps the best `capacity` (key, node) pairs; ties keep the lower node index.
class TopK
{
public:
    explicit TopK(int capacity) : m_capacity(std::max(1, capacity)) {}
    void offer(double key, int node)
    {
        if (int(m_items.size()) == m_capacity && key <= m_items.back().key)
            return;
        auto it = std::find_if(m_items.begin(), m_items.end(),
                               [key](const NodePick &item) { return key > item.key; });
        m_items.insert(it, {node, key});
        if (int(m_items.size()) > m_capacity)
            m_items.pop_back();
    }
    const std::vector<NodePick> &items() const { return m_items; }
    bool empty() const { return m_items.empty(); }

private:
    int m_capacity;
    std::vector<NodePick> m_items;
};

} // namespace

struct Placer::Impl
{
    std::vector<std::unique_ptr<IPlacementFilter>> filters;
    std::vector<std::unique_ptr<IPlacementScorer>> scorers;

    PlacementContext makeContext(const PlacementModel &model, const Workload &workload,
                                 const QSet<int> &excluded) const
    {
        PlacementContext context;
        context.model = &model;
        context.workload = &workload;
        context.excludedNodes = excluded;
        if (!workload.requirements.gpuModel.isEmpty())
            context.gpuModels = model.modelIdsContaining(workload.requirements.gpuModel);
        if (!workload.requirements.fpgaModel.isEmpty())
            context.fpgaModels = model.modelIdsContaining(workload.requirements.fpgaModel);
        if (!workload.requirements.where.trimmed().isEmpty()) {
            auto query = ResourceQuery::parse(workload.requirements.where);
            if (query)
                context.where = std::make_shared<const ResourceQuery>(std::move(*query));
            else
                context.whereError = query.error();
        }
        return context;
    }

    double clusterKey(const PlacementContext &context, int cluster) const
    {
        const PlacementModel &model = *context.model;
        const auto &slot = model.cluster(cluster);
        switch (effectiveStrategy(*context.workload)) {
        case PlacementStrategy::FirstFit:
            return -double(cluster);
        case PlacementStrategy::BestFitSecurity:
            // Tightest platform first.
            return slot.cpuCapacity > 0 ? slot.cpuAllocated / slot.cpuCapacity : 0.0;
        case PlacementStrategy::GreedyResource:
            return slot.maxFreeCpu;
        case PlacementStrategy::MultiObjective:
        case PlacementStrategy::Unknown:
            break;
        }
        double sum = 0.0;
        double weights = 0.0;
        for (const auto &scorer : scorers) {
            const double weight = scorer->weight(*context.workload);
            if (weight <= 0.0)
                continue;
            sum += weight * scorer->scoreCluster(context, cluster);
            weights += weight;
        }
        return weights > 0.0 ? sum / weights : 0.0;
    }

    /// The strategy's key for a feasible node (higher is better, in 0..1).
    double nodeKey(const PlacementContext &context, int node, QList<ScoreTerm> *terms) const
    {
        const PlacementModel &model = *context.model;
        const auto &slot = model.node(node);
        const Workload &workload = *context.workload;
        switch (effectiveStrategy(workload)) {
        case PlacementStrategy::FirstFit:
            if (terms)
                terms->append({QStringLiteral("first_fit"), 1.0, 1.0});
            return 1.0;
        case PlacementStrategy::BestFitSecurity: {
            // Exact security tier first (do not spend confidential nodes on standard work),
            // then the tightest fit.
            const int excess =
                std::max(0, securityTierRank(slot.tier) -
                                securityTierRank(workload.requirements.minSecurityTier));
            const double fit = slot.utilisationAfter(workload.request);
            if (terms) {
                terms->append({QStringLiteral("tier_match"), 1.0 - excess / 3.0, 1.0});
                terms->append({QStringLiteral("tight_fit"), fit, 1.0});
            }
            return ((3.0 - excess) + fit) / 4.0;
        }
        case PlacementStrategy::GreedyResource: {
            const double free = 1.0 - slot.utilisationAfter(workload.request);
            if (terms)
                terms->append({QStringLiteral("free_resources"), free, 1.0});
            return free;
        }
        case PlacementStrategy::MultiObjective:
        case PlacementStrategy::Unknown:
            break;
        }
        double sum = 0.0;
        double weights = 0.0;
        for (const auto &scorer : scorers) {
            const double weight = scorer->weight(workload);
            if (weight <= 0.0)
                continue;
            const double score = scorer->scoreNode(context, node);
            if (terms)
                terms->append({scorer->name(), score, weight});
            sum += weight * score;
            weights += weight;
        }
        return weights > 0.0 ? sum / weights : 0.0;
    }

    /// Rejection counts per filter index while placing; folded into the explanation at the end
    /// (no string-keyed map on the hot path).
    struct Tally
    {
        std::vector<int> counts;
    };

    static bool wantReasons(const PlacementExplanation &explanation, const PlacementOptions &options)
    {
        return options.explain || explanation.rejections.size() < options.maxRejectionsFast;
    }

    void recordRejection(PlacementExplanation &explanation, Tally &tally, size_t filterIndex,
                         PlacementRejection &&rejection, const PlacementOptions &options) const
    {
        if (tally.counts.size() < filters.size())
            tally.counts.resize(filters.size(), 0);
        ++tally.counts[filterIndex];
        if (wantReasons(explanation, options))
            explanation.rejections.append(std::move(rejection));
    }

    void foldTally(PlacementExplanation &explanation, const Tally &tally) const
    {
        for (size_t i = 0; i < tally.counts.size(); ++i) {
            if (tally.counts[i] > 0)
                explanation.rejectionsByFilter[filters[i]->name()] += tally.counts[i];
        }
    }

    /// Stage 1: the clusters that survive the cluster-level filters, best first.
    std::vector<ClusterCandidate> rankClusters(PlacementContext &context,
                                               PlacementExplanation *explanation, Tally &tally,
                                               const PlacementOptions &options) const
    {
        const PlacementModel &model = *context.model;
        std::vector<ClusterCandidate> candidates;
        candidates.reserve(model.clusters().size());
        for (int cluster = 0; cluster < int(model.clusters().size()); ++cluster) {
            model.refreshAggregates(cluster);
            if (explanation)
                context.withReasons = wantReasons(*explanation, options);
            bool rejected = false;
            for (size_t f = 0; f < filters.size(); ++f) {
                if (auto rejection = filters[f]->checkCluster(context, cluster)) {
                    if (explanation)
                        recordRejection(*explanation, tally, f, std::move(*rejection), options);
                    rejected = true;
                    break;
                }
            }
            if (!rejected)
                candidates.push_back({cluster, clusterKey(context, cluster)});
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const ClusterCandidate &a, const ClusterCandidate &b) {
                             return a.key > b.key;
                         });
        return candidates;
    }

    /// Stage 2: the best feasible nodes of one cluster (at most `ranked`).
    TopK bestNodes(PlacementContext &context, int cluster, int ranked,
                   PlacementExplanation *explanation, Tally &tally,
                   const PlacementOptions &options) const
    {
        const PlacementModel &model = *context.model;
        TopK top(ranked);
        const bool firstFit = effectiveStrategy(*context.workload) == PlacementStrategy::FirstFit;
        for (int node : model.cluster(cluster).nodes) {
            if (explanation)
                ++explanation->nodesConsidered;
            if (explanation)
                context.withReasons = wantReasons(*explanation, options);
            bool feasible = true;
            for (size_t f = 0; f < filters.size(); ++f) {
                if (auto rejection = filters[f]->checkNode(context, node)) {
                    if (explanation)
                        recordRejection(*explanation, tally, f, std::move(*rejection), options);
                    feasible = false;
                    break;
                }
            }
            if (!feasible)
                continue;
            if (explanation)
                ++explanation->nodesFeasible;
            top.offer(nodeKey(context, node, nullptr), node);
            if (firstFit && !options.explain)
                break;
        }
        return top;
    }

    RankedCandidate candidate(const PlacementContext &context, int node) const
    {
        RankedCandidate result;
        result.nodeId = context.model->nodeId(node);
        const int cluster = context.model->node(node).cluster;
        result.clusterId = cluster >= 0 ? context.model->cluster(cluster).id : QString();
        result.total = nodeKey(context, node, &result.terms);
        return result;
    }

    /// Explain mode: every filter on every node, for the counts and "what would make it fit".
    /// `allReasons`: keep every rejected node with its reason (explain mode); otherwise only
    /// the nodes one filter alone rejects get their reason formatted (for the relaxations).
    void diagnose(PlacementContext context, PlacementExplanation &explanation,
                  bool allReasons = true) const
    {
        const PlacementModel &model = *context.model;
        QMap<QString, QList<PlacementRejection>> onlyThis;
        QMap<QString, int> counts;
        QList<PlacementRejection> all;
        for (int node = 0; node < model.nodeCount(); ++node) {
            context.withReasons = false;
            size_t first = filters.size();
            int failures = 0;
            for (size_t f = 0; f < filters.size(); ++f) {
                if (filters[f]->checkNode(context, node)) {
                    if (failures++ == 0)
                        first = f;
                }
            }
            if (failures == 0)
                continue;
            ++counts[filters[first]->name()];
            if (failures > 1 && !allReasons)
                continue;
            context.withReasons = true;
            PlacementRejection rejection = *filters[first]->checkNode(context, node);
            if (failures == 1)
                onlyThis[rejection.filter].append(rejection);
            if (allReasons)
                all.append(std::move(rejection));
        }
        explanation.rejections = all;
        explanation.rejectionsByFilter = counts;
        explanation.relaxations.clear();
        for (const auto &filter : filters) {
            const auto it = onlyThis.constFind(filter->name());
            if (it == onlyThis.cend())
                continue;
            const QString suggestion = filter->relaxation(context, it.value());
            if (!suggestion.isEmpty())
                explanation.relaxations.append({filter->name(), suggestion, int(it->size())});
        }
        std::stable_sort(explanation.relaxations.begin(), explanation.relaxations.end(),
                         [](const Relaxation &a, const Relaxation &b) {
                             return a.nodesThatWouldFit > b.nodesThatWouldFit;
                         });
    }

    static QString summary(const QMap<QString, int> &byFilter)
    {
        QStringList parts;
        for (auto it = byFilter.cbegin(); it != byFilter.cend(); ++it)
            parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        return parts.join(QStringLiteral(", "));
    }

    PlacementDecision decision(const PlacementModel &model, const Workload &workload, int replica,
                               int node, double score) const
    {
        PlacementDecision decision;
        decision.workloadId = workload.id;
        decision.replica = replica;
        decision.nodeId = model.nodeId(node);
        const int cluster = model.node(node).cluster;
        decision.clusterId = model.cluster(cluster).id;
        const int site = model.node(node).site;
        decision.siteId = site >= 0 ? model.sites()[size_t(site)].id : QString();
        decision.delegated = Placer::backendSchedulesItself(model.cluster(cluster).backend);
        decision.constraints = Placer::backendConstraints(model, cluster, workload);
        decision.score = score;
        return decision;
    }

    /// Place every replica of `workload`, restricted to `onlyCluster` when >= 0. Allocations
    /// made are appended to `allocations`; on failure returns the reason.
    std::optional<QString> placeReplicas(PlacementModel &model, const Workload &workload,
                                         PlacementContext &context, int onlyCluster,
                                         PlacementExplanation &explanation,
                                         const PlacementOptions &options, bool recordPlatforms,
                                         QList<QPair<int, const Workload *>> &allocations,
                                         Tally &tally) const
    {
        const int replicas = std::max(1, workload.requirements.replicas);
        for (int replica = 0; replica < replicas; ++replica) {
            context.replica = replica;
            std::vector<ClusterCandidate> clusters;
            if (onlyCluster >= 0) {
                model.refreshAggregates(onlyCluster);
                context.withReasons = wantReasons(explanation, options);
                bool rejected = false;
                for (size_t f = 0; f < filters.size(); ++f) {
                    if (auto rejection = filters[f]->checkCluster(context, onlyCluster)) {
                        recordRejection(explanation, tally, f, std::move(*rejection), options);
                        rejected = true;
                        break;
                    }
                }
                if (!rejected)
                    clusters.push_back({onlyCluster, clusterKey(context, onlyCluster)});
            } else {
                clusters = rankClusters(context, &explanation, tally, options);
            }
            if (recordPlatforms && replica == 0) {
                for (const auto &candidate : clusters) {
                    RankedCandidate platform;
                    platform.clusterId = model.cluster(candidate.cluster).id;
                    platform.total = candidate.key;
                    explanation.platforms.append(platform);
                }
            }
            bool placed = false;
            for (const auto &candidate : clusters) {
                const int ranked = replica == 0 && recordPlatforms ? options.maxRanked : 1;
                TopK top =
                    bestNodes(context, candidate.cluster, ranked, &explanation, tally, options);
                if (top.empty())
                    continue;
                const int node = top.items().front().node;
                if (replica == 0 && recordPlatforms) {
                    for (const NodePick &pick : top.items())
                        explanation.ranked.append(this->candidate(context, pick.node));
                }
                explanation.decisions.append(
                    decision(model, workload, replica, node, top.items().front().key));
                model.allocate(node, workload.request);
                allocations.append({node, &workload});
                context.usedNodes.insert(node);
                context.usedSites.insert(model.node(node).site);
                context.usedZones.insert(model.node(node).zone);
                placed = true;
                break;
            }
            if (!placed) {
                PlacementExplanation counts;
                foldTally(counts, tally);
                return QStringLiteral("%1 replica %2: no feasible node (rejected: %3)")
                    .arg(workload.name.isEmpty() ? workload.id : workload.name)
                    .arg(replica)
                    .arg(summary(counts.rejectionsByFilter));
            }
        }
        return std::nullopt;
    }

    static void rollback(PlacementModel &model, const QList<QPair<int, const Workload *>> &allocations)
    {
        for (const auto &[node, workload] : allocations)
            model.release(node, workload->request);
    }
};

Placer::Placer() : d(std::make_unique<Impl>())
{
    d->filters = builtinPlacementFilters();
    d->scorers = builtinPlacementScorers();
}

Placer::~Placer() = default;

void Placer::addFilter(std::unique_ptr<IPlacementFilter> filter)
{
    d->filters.push_back(std::move(filter));
}

void Placer::addScorer(std::unique_ptr<IPlacementScorer> scorer)
{
    d->scorers.push_back(std::move(scorer));
}

QStringList Placer::filterNames() const
{
    QStringList names;
    for (const auto &filter : d->filters)
        names.append(filter->name());
    return names;
}

QStringList Placer::scorerNames() const
{
    QStringList names;
    for (const auto &scorer : d->scorers)
        names.append(scorer->name());
    return names;
}

PlacementExplanation Placer::place(PlacementModel &model, const Workload &workload,
                                   const PlacementOptions &options,
                                   const QSet<int> &excludedNodes) const
{
    PlacementExplanation explanation;
    explanation.strategy = toString(effectiveStrategy(workload));
    if (workload.requirements.replicas > MaxReplicas) {
        explanation.error = QStringLiteral("%1: at most %2 replicas per workload")
                                .arg(workload.name.isEmpty() ? workload.id : workload.name)
                                .arg(MaxReplicas);
        return explanation;
    }
    PlacementContext context = d->makeContext(model, workload, excludedNodes);
    if (options.explain)
        d->diagnose(context, explanation);
    const QList<PlacementRejection> diagnosed = explanation.rejections;
    const QMap<QString, int> diagnosedCounts = explanation.rejectionsByFilter;
    explanation.rejections.clear();
    explanation.rejectionsByFilter.clear();

    QList<QPair<int, const Workload *>> allocations;
    Impl::Tally tally;
    const auto failure = d->placeReplicas(model, workload, context, -1, explanation, options, true,
                                          allocations, tally);
    d->foldTally(explanation, tally);
    explanation.placed = !failure.has_value();
    if (failure) {
        Impl::rollback(model, allocations);
        explanation.decisions.clear();
        explanation.error = *failure;
    } else if (!options.commit) {
        Impl::rollback(model, allocations);
    }
    if (options.explain) {
        explanation.rejections = diagnosed;
        explanation.rejectionsByFilter = diagnosedCounts;
    } else if (!explanation.placed && options.relaxOnFailure) {
        // Nothing fits: say what would.
        context.usedNodes.clear();
        context.usedSites.clear();
        context.usedZones.clear();
        PlacementExplanation diagnostics;
        d->diagnose(context, diagnostics, false);
        explanation.relaxations = diagnostics.relaxations;
    }
    return explanation;
}

PlacementExplanation Placer::placeGroup(PlacementModel &model, const QList<Workload> &members,
                                        const PlacementOptions &options) const
{
    if (members.size() == 1)
        return place(model, members.first(), options);
    PlacementExplanation explanation;
    if (members.isEmpty()) {
        explanation.error = QStringLiteral("empty group");
        return explanation;
    }
    const Workload &first = members.first();
    explanation.strategy = toString(effectiveStrategy(first));
    for (const Workload &member : members) {
        if (member.requirements.replicas > MaxReplicas) {
            explanation.error = QStringLiteral("%1: at most %2 replicas per workload")
                                    .arg(member.name.isEmpty() ? member.id : member.name)
                                    .arg(MaxReplicas);
            return explanation;
        }
    }
    PlacementContext firstContext = d->makeContext(model, first, {});
    Impl::Tally tally;
    const auto clusters = d->rankClusters(firstContext, &explanation, tally, options);
    d->foldTally(explanation, tally);
    for (const auto &candidate : clusters) {
        RankedCandidate platform;
        platform.clusterId = model.cluster(candidate.cluster).id;
        platform.total = candidate.key;
        explanation.platforms.append(platform);
    }

    QStringList clusterFailures;
    for (const auto &candidate : clusters) {
        QList<QPair<int, const Workload *>> allocations;
        PlacementExplanation attempt;
        attempt.strategy = explanation.strategy;
        Impl::Tally attemptTally;
        std::optional<QString> failure;
        for (int i = 0; i < members.size() && !failure; ++i) {
            PlacementContext context = d->makeContext(model, members[i], {});
            context.groupCluster = candidate.cluster;
            failure = d->placeReplicas(model, members[i], context, candidate.cluster, attempt,
                                       options, i == 0, allocations, attemptTally);
        }
        if (failure) {
            Impl::rollback(model, allocations);
            clusterFailures.append(QStringLiteral("%1: %2").arg(model.cluster(candidate.cluster).id,
                                                               *failure));
            explanation.rejections.append({model.cluster(candidate.cluster).id, true,
                                           QStringLiteral("group"), *failure, 1.0});
            ++explanation.rejectionsByFilter[QStringLiteral("group")];
            continue;
        }
        if (!options.commit)
            Impl::rollback(model, allocations);
        explanation.placed = true;
        explanation.decisions = attempt.decisions;
        explanation.ranked = attempt.ranked;
        explanation.nodesConsidered += attempt.nodesConsidered;
        explanation.nodesFeasible += attempt.nodesFeasible;
        return explanation;
    }
    explanation.error = QStringLiteral("group %1: no cluster can take all %2 members%3")
                            .arg(first.groupId)
                            .arg(members.size())
                            .arg(clusterFailures.isEmpty()
                                     ? QString()
                                     : QStringLiteral(" (") + clusterFailures.join(QStringLiteral("; ")) +
                                           QLatin1Char(')'));
    // What would make the hardest member fit.
    for (const Workload &member : members) {
        PlacementModel copy = model;
        PlacementOptions single = options;
        single.commit = false;
        const auto alone = place(copy, member, single);
        if (!alone.placed) {
            explanation.relaxations = alone.relaxations;
            break;
        }
    }
    return explanation;
}

RankedCandidate Placer::rate(const PlacementModel &model, const Workload &workload, int node) const
{
    const PlacementContext context = d->makeContext(model, workload, {});
    return d->candidate(context, node);
}

bool Placer::backendRuns(BackendKind backend, WorkloadKind kind)
{
    if (kind == WorkloadKind::Unknown)
        return false;
    switch (backend) {
    case BackendKind::Simulator:
    case BackendKind::LocalHost:
        return true;
    case BackendKind::Kubernetes:
        return kind == WorkloadKind::Container || kind == WorkloadKind::Unikernel ||
               kind == WorkloadKind::AcceleratedKernel;
    case BackendKind::Libvirt:
        return kind == WorkloadKind::VirtualMachine || kind == WorkloadKind::Unikernel;
    case BackendKind::Slurm:
        return kind == WorkloadKind::HpcJob || kind == WorkloadKind::AcceleratedKernel;
    case BackendKind::Accelerator:
        return kind == WorkloadKind::AcceleratedKernel;
    case BackendKind::Unknown:
        break;
    }
    return false;
}

bool Placer::backendSchedulesItself(BackendKind backend)
{
    return backend == BackendKind::Kubernetes || backend == BackendKind::Slurm;
}

QStringList Placer::backendConstraints(const PlacementModel &model, int cluster,
                                       const Workload &workload)
{
    QStringList constraints;
    const auto &slot = model.cluster(cluster);
    const auto &request = workload.request;
    const auto &requirements = workload.requirements;
    if (slot.backend == BackendKind::Kubernetes) {
        if (!requirements.arch.isEmpty()) {
            const QString arch = requirements.arch == QLatin1String("x86_64")    ? QStringLiteral("amd64")
                                 : requirements.arch == QLatin1String("aarch64") ? QStringLiteral("arm64")
                                                                                 : requirements.arch;
            constraints.append(QStringLiteral("nodeSelector kubernetes.io/arch=%1").arg(arch));
        }
        for (auto it = requirements.nodeSelector.cbegin(); it != requirements.nodeSelector.cend(); ++it)
            constraints.append(QStringLiteral("nodeSelector %1=%2").arg(it.key(), it.value()));
        if (request.cpuCores > 0)
            constraints.append(QStringLiteral("requests.cpu=%1m").arg(qRound64(request.cpuCores * 1000)));
        if (request.memoryBytes > 0)
            constraints.append(QStringLiteral("requests.memory=%1Mi").arg(request.memoryBytes >> 20));
        if (request.gpuCount > 0)
            constraints.append(QStringLiteral("limits.nvidia.com/gpu=%1").arg(request.gpuCount));
        if (request.fpgaCount > 0)
            constraints.append(QStringLiteral("limits.xilinx.com/fpga=%1").arg(request.fpgaCount));
        if (requirements.isolation != IsolationKind::Unknown &&
            requirements.isolation != IsolationKind::Runc)
            constraints.append(QStringLiteral("runtimeClassName=%1").arg(toString(requirements.isolation)));
        if (!workload.groupId.isEmpty())
            constraints.append(
                QStringLiteral("podAffinity continuo.io/group=%1").arg(workload.groupId));
        if (requirements.spread == SpreadScope::Node)
            constraints.append(QStringLiteral("topologySpread kubernetes.io/hostname"));
        else if (requirements.spread == SpreadScope::Zone)
            constraints.append(QStringLiteral("topologySpread topology.kubernetes.io/zone"));
    } else if (slot.backend == BackendKind::Slurm) {
        if (!requirements.partition.isEmpty())
            constraints.append(QStringLiteral("--partition=%1").arg(requirements.partition));
        QStringList features;
        if (!requirements.arch.isEmpty())
            features.append(requirements.arch);
        for (auto it = requirements.nodeSelector.cbegin(); it != requirements.nodeSelector.cend(); ++it)
            features.append(it.value());
        if (!features.isEmpty())
            constraints.append(QStringLiteral("--constraint=%1").arg(features.join(QLatin1Char('&'))));
        if (request.cpuCores > 0)
            constraints.append(
                QStringLiteral("--cpus-per-task=%1").arg(int(std::ceil(request.cpuCores))));
        if (request.memoryBytes > 0)
            constraints.append(QStringLiteral("--mem=%1M").arg(request.memoryBytes >> 20));
        if (request.gpuCount > 0)
            constraints.append(QStringLiteral("--gres=gpu:%1").arg(request.gpuCount));
        if (requirements.walltimeSeconds > 0) {
            const qint64 s = requirements.walltimeSeconds;
            constraints.append(QStringLiteral("--time=%1:%2:%3")
                                   .arg(s / 3600, 2, 10, QLatin1Char('0'))
                                   .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                                   .arg(s % 60, 2, 10, QLatin1Char('0')));
        }
    }
    return constraints;
}

} // namespace Continuo
