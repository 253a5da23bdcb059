#include "orchestration/PlacementFilters.h"

#include "orchestration/ResourceQuery.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Continuo {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

QString formatBytes(double bytes)
{
    if (std::abs(bytes) >= kGiB)
        return QStringLiteral("%1 GiB").arg(bytes / kGiB, 0, 'g', 4);
    return QStringLiteral("%1 MiB").arg(bytes / (1024.0 * 1024.0), 0, 'g', 4);
}

QString formatCores(double cores)
{
    return QStringLiteral("%1").arg(cores, 0, 'g', 4);
}

QString formatMs(double ms)
{
    if (std::isinf(ms))
        return QStringLiteral("unreachable");
    return QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
}

/// Rejections carry their reason text only when the placer asks for reasons (explanations,
/// the first few rejections): formatting is the expensive part of a rejection.
template<typename Reason>
PlacementRejection nodeRejection(const PlacementContext &context, int node, const QString &filter,
                                 Reason &&reason, double shortfall)
{
    return {context.model->nodeId(node), false, filter,
            context.withReasons ? QString(reason()) : QString(), shortfall};
}

template<typename Reason>
PlacementRejection clusterRejection(const PlacementContext &context, int cluster,
                                    const QString &filter, Reason &&reason, double shortfall)
{
    return {context.model->cluster(cluster).id, true, filter,
            context.withReasons ? QString(reason()) : QString(), shortfall};
}

/// The smallest shortfall among `rejections` (the cheapest relaxation).
double smallestShortfall(const QList<PlacementRejection> &rejections)
{
    double best = std::numeric_limits<double>::infinity();
    for (const auto &rejection : rejections)
        best = std::min(best, rejection.shortfall);
    return best;
}

// --- Filters ---------------------------------------------------------------------------

class PlatformFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("platform"); }
    std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                   int cluster) const override
    {
        const auto &slot = context.model->cluster(cluster);
        if (!Placer::backendRuns(slot.backend, context.workload->kind)) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("%1 backend does not run %2 workloads")
                                        .arg(toString(slot.backend), toString(context.workload->kind)); },
                                    1.0);
        }
        if (context.groupCluster >= 0 && context.groupCluster != cluster) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("group %1 is placed on cluster %2")
                                        .arg(context.workload->groupId,
                                             context.model->cluster(context.groupCluster).id); },
                                    1.0);
        }
        const QString &pinnedCluster = context.workload->requirements.pinnedClusterId;
        if (!pinnedCluster.isEmpty() && slot.id != pinnedCluster) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("pinned to cluster %1").arg(pinnedCluster); }, 1.0);
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        const int cluster = context.model->node(node).cluster;
        if (cluster < 0) {
            return nodeRejection(context, node, name(), [&] { return QStringLiteral("node belongs to no cluster"); },
                                 1.0);
        }
        if (auto rejection = checkCluster(context, cluster)) {
            rejection->candidateId = context.model->nodeId(node);
            rejection->wholeCluster = false;
            return rejection;
        }
        return std::nullopt;
    }
};

class PinFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("pin"); }
    std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                   int cluster) const override
    {
        const QString &pinned = context.workload->requirements.pinnedNodeId;
        if (pinned.isEmpty())
            return std::nullopt;
        const int node = context.model->nodeIndex(pinned);
        if (node < 0 || context.model->node(node).cluster != cluster) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("pinned to node %1").arg(pinned); }, 1.0);
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        const QString &pinned = context.workload->requirements.pinnedNodeId;
        if (!pinned.isEmpty() && context.model->nodeId(node) != pinned) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("pinned to node %1").arg(pinned); }, 1.0);
        }
        return std::nullopt;
    }
};

class StateFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("state"); }
    std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                   int cluster) const override
    {
        if (context.model->cluster(cluster).schedulableNodes == 0) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("no schedulable node"); }, 1.0);
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        const auto &slot = context.model->node(node);
        if (!slot.schedulable()) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("node is %1").arg(toString(slot.state)); }, 1.0);
        }
        if (context.excludedNodes.contains(node)) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("deployment already failed on this node"); }, 1.0);
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &, const QList<PlacementRejection> &onlyThis) const override
    {
        return QStringLiteral("uncordon or repair %1 (e.g. %2)")
            .arg(onlyThis.size() == 1 ? QStringLiteral("the node") : QStringLiteral("a node"),
                 onlyThis.first().candidateId);
    }
};

class HealthFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("health"); }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        if (context.model->node(node).degraded) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("an alert is firing on the node"); }, 1.0);
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &, const QList<PlacementRejection> &onlyThis) const override
    {
        return QStringLiteral("resolve the alerts on %1").arg(onlyThis.first().candidateId);
    }
};

class ArchFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("arch"); }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        const QString &arch = context.workload->requirements.arch;
        if (arch.isEmpty())
            return std::nullopt;
        const int have = context.model->node(node).arch;
        if (have < 0 || context.model->string(have) != arch) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("needs %1, node is %2")
                                     .arg(arch, have < 0 ? QStringLiteral("unknown")
                                                         : context.model->string(have)); },
                                 1.0);
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &context, const QList<PlacementRejection> &onlyThis) const override
    {
        const int node = context.model->nodeIndex(onlyThis.first().candidateId);
        const int arch = node < 0 ? -1 : context.model->node(node).arch;
        return arch < 0 ? QString()
                        : QStringLiteral("build the image for %1").arg(context.model->string(arch));
    }
};

class SecurityFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("security"); }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        const auto &requirements = context.workload->requirements;
        const auto &slot = context.model->node(node);
        int needed = securityTierRank(requirements.minSecurityTier);
        QString why;
        if (requirements.isolation == IsolationKind::Kata ||
            requirements.isolation == IsolationKind::KataVaccel ||
            requirements.isolation == IsolationKind::Unikernel) {
            // Sandboxed runtimes are only offered on hardened (or better) nodes.
            if (needed < 2)
                why = QStringLiteral(" for %1 isolation").arg(toString(requirements.isolation));
            needed = std::max(needed, 2);
        }
        const int have = securityTierRank(slot.tier);
        if (have < needed) {
            const SecurityTier neededTier = needed == 3   ? SecurityTier::Confidential
                                            : needed == 2 ? SecurityTier::Hardened
                                                          : SecurityTier::Standard;
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("needs security tier %1%2, node is %3")
                                     .arg(toString(neededTier), why, toString(slot.tier)); },
                                 double(needed - have));
        }
        if (requirements.isolation == IsolationKind::KataVaccel && !slot.gpuVaccel &&
            !slot.fpgaVaccel) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("kata-vaccel needs a vAccel-capable accelerator"); },
                                 1.0);
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &, const QList<PlacementRejection> &onlyThis) const override
    {
        return QStringLiteral("lower the security tier or isolation (%1 node(s) offer a lower tier)")
            .arg(onlyThis.size());
    }
};

class LabelFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("labels"); }
    std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                   int cluster) const override
    {
        const QString &partition = context.workload->requirements.partition;
        if (!partition.isEmpty() && !context.model->cluster(cluster).partitions.contains(partition)) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("no partition %1").arg(partition); }, 1.0);
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        const auto &requirements = context.workload->requirements;
        if (requirements.nodeSelector.isEmpty() && requirements.partition.isEmpty())
            return std::nullopt;
        const Labels &labels = context.model->nodeLabels(node);
        if (!requirements.partition.isEmpty() &&
            labels.value(QStringLiteral("partition")) != requirements.partition) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("not in partition %1").arg(requirements.partition); },
                                 1.0);
        }
        for (auto it = requirements.nodeSelector.cbegin(); it != requirements.nodeSelector.cend();
             ++it) {
            const auto found = labels.constFind(it.key());
            if (found == labels.cend() || found.value() != it.value()) {
                return nodeRejection(context, node, name(),
                                     [&] { return QStringLiteral("label %1=%2 wanted, node has %3")
                                         .arg(it.key(), it.value(),
                                              found == labels.cend() ? QStringLiteral("none")
                                                                     : found.value()); },
                                     1.0);
            }
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &, const QList<PlacementRejection> &onlyThis) const override
    {
        return QStringLiteral("drop the node selector / partition (%1)").arg(onlyThis.first().reason);
    }
};

class ResourceFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("resources"); }
    std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                   int cluster) const override
    {
        const auto &request = context.workload->request;
        const auto &slot = context.model->cluster(cluster);
        if (request.cpuCores > slot.maxFreeCpu + 1e-9) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("needs %1 cores, largest free is %2")
                                        .arg(formatCores(request.cpuCores), formatCores(slot.maxFreeCpu)); },
                                    request.cpuCores - slot.maxFreeCpu);
        }
        if (request.memoryBytes > slot.maxFreeMemory) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("needs %1 memory, largest free is %2")
                                        .arg(formatBytes(double(request.memoryBytes)),
                                             formatBytes(double(slot.maxFreeMemory))); },
                                    double(request.memoryBytes - slot.maxFreeMemory) / kGiB);
        }
        if (request.diskBytes > slot.maxFreeDisk) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("needs %1 disk, largest free is %2")
                                        .arg(formatBytes(double(request.diskBytes)),
                                             formatBytes(double(slot.maxFreeDisk))); },
                                    double(request.diskBytes - slot.maxFreeDisk) / kGiB);
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        const auto &request = context.workload->request;
        const auto &slot = context.model->node(node);
        if (request.cpuCores > slot.freeCpu() + 1e-9) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("needs %1 cores, node has %2 free")
                                     .arg(formatCores(request.cpuCores), formatCores(slot.freeCpu())); },
                                 request.cpuCores - slot.freeCpu());
        }
        if (request.memoryBytes > slot.freeMemory()) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("needs %1 memory, node has %2 free")
                                     .arg(formatBytes(double(request.memoryBytes)),
                                          formatBytes(double(slot.freeMemory()))); },
                                 double(request.memoryBytes - slot.freeMemory()) / kGiB);
        }
        if (request.diskBytes > slot.freeDisk()) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("needs %1 disk, node has %2 free")
                                     .arg(formatBytes(double(request.diskBytes)),
                                          formatBytes(double(slot.freeDisk()))); },
                                 double(request.diskBytes - slot.freeDisk()) / kGiB);
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &, const QList<PlacementRejection> &onlyThis) const override
    {
        // The rejection closest to fitting tells how much to shrink the request.
        const PlacementRejection *closest = &onlyThis.first();
        for (const auto &rejection : onlyThis) {
            if (rejection.shortfall < closest->shortfall)
                closest = &rejection;
        }
        return QStringLiteral("shrink the request: on %1, %2").arg(closest->candidateId, closest->reason);
    }
};

class AcceleratorFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("accelerators"); }
    std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                   int cluster) const override
    {
        const auto &request = context.workload->request;
        const auto &slot = context.model->cluster(cluster);
        if (request.gpuCount > slot.maxFreeGpus) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("needs %1 GPU(s), largest free is %2")
                                        .arg(request.gpuCount)
                                        .arg(slot.maxFreeGpus); },
                                    double(request.gpuCount - slot.maxFreeGpus));
        }
        if (request.fpgaCount > slot.maxFreeFpgas) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("needs %1 FPGA(s), largest free is %2")
                                        .arg(request.fpgaCount)
                                        .arg(slot.maxFreeFpgas); },
                                    double(request.fpgaCount - slot.maxFreeFpgas));
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        const auto &request = context.workload->request;
        const auto &requirements = context.workload->requirements;
        const auto &slot = context.model->node(node);
        const PlacementModel &model = *context.model;
        if (request.gpuCount > slot.freeGpus()) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("needs %1 GPU(s), node has %2 free")
                                     .arg(request.gpuCount)
                                     .arg(slot.freeGpus()); },
                                 double(request.gpuCount - slot.freeGpus()));
        }
        if (request.fpgaCount > slot.freeFpgas()) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("needs %1 FPGA(s), node has %2 free")
                                     .arg(request.fpgaCount)
                                     .arg(slot.freeFpgas()); },
                                 double(request.fpgaCount - slot.freeFpgas()));
        }
        const bool wantsGpu = request.gpuCount > 0 || !requirements.gpuModel.isEmpty();
        const bool wantsFpga = request.fpgaCount > 0 || !requirements.fpgaModel.isEmpty();
        if (!requirements.gpuModel.isEmpty() && !context.gpuModels.contains(slot.gpuModel)) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("needs GPU model %1, node has %2")
                                     .arg(requirements.gpuModel,
                                          slot.gpuModel < 0 ? QStringLiteral("none")
                                                            : model.string(slot.gpuModel)); },
                                 1.0);
        }
        if (!requirements.fpgaModel.isEmpty() && !context.fpgaModels.contains(slot.fpgaModel)) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("needs FPGA model %1, node has %2")
                                     .arg(requirements.fpgaModel,
                                          slot.fpgaModel < 0 ? QStringLiteral("none")
                                                             : model.string(slot.fpgaModel)); },
                                 1.0);
        }
        if (requirements.vaccel) {
            const bool ok = (wantsGpu && slot.gpuVaccel) || (wantsFpga && slot.fpgaVaccel) ||
                            (!wantsGpu && !wantsFpga && (slot.gpuVaccel || slot.fpgaVaccel));
            if (!ok) {
                return nodeRejection(context, node, name(),
                                     [&] { return QStringLiteral("needs vAccel support, node has none"); }, 1.0);
            }
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &, const QList<PlacementRejection> &onlyThis) const override
    {
        const PlacementRejection *closest = &onlyThis.first();
        for (const auto &rejection : onlyThis) {
            if (rejection.shortfall < closest->shortfall)
                closest = &rejection;
        }
        return QStringLiteral("relax the accelerator request: on %1, %2")
            .arg(closest->candidateId, closest->reason);
    }
};

struct LatencyViolation
{
    const LatencyBound *bound = nullptr; ///< Null: the data-locality bound.
    double latencyMs = 0.0;
    double maxMs = 0.0;
    double shortfall() const { return std::isinf(latencyMs) ? 1e9 : latencyMs - maxMs; }
};

QString latencyText(const LatencyViolation &violation, const QString &dataLocation)
{
    if (!violation.bound) {
        return QStringLiteral("data %1 is %2 away > %3")
            .arg(dataLocation, formatMs(violation.latencyMs), formatMs(violation.maxMs));
    }
    const LatencyBound &bound = *violation.bound;
    const QString target = !bound.siteId.isEmpty() ? bound.siteId
                           : bound.location.name.isEmpty()
                               ? QStringLiteral("(%1, %2)")
                                     .arg(bound.location.latitude)
                                     .arg(bound.location.longitude)
                               : bound.location.name;
    return QStringLiteral("latency to %1 %2 > %3")
        .arg(target, formatMs(violation.latencyMs), formatMs(violation.maxMs));
}

class LatencyFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("latency"); }
    static std::optional<LatencyViolation> violation(const PlacementContext &context, int site)
    {
        const PlacementModel &model = *context.model;
        for (const LatencyBound &bound : context.workload->requirements.maxLatency) {
            const double latency = bound.siteId.isEmpty()
                                       ? model.latencyToLocationMs(site, bound.location)
                                       : model.siteLatencyMs(site, model.siteIndex(bound.siteId));
            if (latency > bound.maxMs)
                return LatencyViolation{&bound, latency, bound.maxMs};
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                   int cluster) const override
    {
        if (context.workload->requirements.maxLatency.isEmpty())
            return std::nullopt;
        if (auto bad = violation(context, context.model->cluster(cluster).site)) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return latencyText(*bad, {}); }, bad->shortfall());
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        if (context.workload->requirements.maxLatency.isEmpty())
            return std::nullopt;
        if (auto bad = violation(context, context.model->node(node).site)) {
            return nodeRejection(context, node, name(), [&] { return latencyText(*bad, {}); },
                                 bad->shortfall());
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &, const QList<PlacementRejection> &onlyThis) const override
    {
        const double extra = smallestShortfall(onlyThis);
        if (extra >= 1e9)
            return {};
        return QStringLiteral("allow %1 more latency").arg(formatMs(extra));
    }
};

class DataLocalityFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("data"); }
    static std::optional<LatencyViolation> violation(const PlacementContext &context, int site)
    {
        const auto &requirements = context.workload->requirements;
        if (requirements.dataLocation.isEmpty() || requirements.dataMaxLatencyMs <= 0.0)
            return std::nullopt;
        const PlacementModel &model = *context.model;
        const int storageSite = model.storageSite(requirements.dataLocation);
        double latency = model.storageLatencyMs(requirements.dataLocation);
        if (storageSite >= 0)
            latency += model.siteLatencyMs(site, storageSite);
        if (latency > requirements.dataMaxLatencyMs)
            return LatencyViolation{nullptr, latency, requirements.dataMaxLatencyMs};
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                   int cluster) const override
    {
        if (auto bad = violation(context, context.model->cluster(cluster).site)) {
            return clusterRejection(
                context, cluster, name(),
                [&] { return latencyText(*bad, context.workload->requirements.dataLocation); },
                bad->shortfall());
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        if (auto bad = violation(context, context.model->node(node).site)) {
            return nodeRejection(
                context, node, name(),
                [&] { return latencyText(*bad, context.workload->requirements.dataLocation); },
                bad->shortfall());
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &, const QList<PlacementRejection> &onlyThis) const override
    {
        const double extra = smallestShortfall(onlyThis);
        if (extra >= 1e9)
            return {};
        return QStringLiteral("allow %1 more to the data").arg(formatMs(extra));
    }
};

class SpreadFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("spread"); }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        const auto &slot = context.model->node(node);
        switch (context.workload->requirements.spread) {
        case SpreadScope::Node:
            if (context.usedNodes.contains(node))
                return nodeRejection(context, node, name(),
                                     [&] { return QStringLiteral("another replica runs on this node"); }, 1.0);
            break;
        case SpreadScope::Site:
            if (context.usedSites.contains(slot.site))
                return nodeRejection(context, node, name(),
                                     [&] { return QStringLiteral("another replica runs on this site"); }, 1.0);
            break;
        case SpreadScope::Zone:
            if (context.usedZones.contains(slot.zone))
                return nodeRejection(context, node, name(),
                                     [&] { return QStringLiteral("another replica runs in this zone"); }, 1.0);
            break;
        case SpreadScope::Unknown:
            break;
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &, const QList<PlacementRejection> &) const override
    {
        return QStringLiteral("fewer replicas or a narrower spread scope");
    }
};

/// requirements.where: the resource-discovery predicate (the same engine as `continuoctl find`).
class WhereFilter final : public IPlacementFilter
{
public:
    QString name() const override { return QStringLiteral("where"); }
    std::optional<PlacementRejection> checkCluster(const PlacementContext &context,
                                                   int cluster) const override
    {
        if (!context.whereError.isEmpty()) {
            return clusterRejection(context, cluster, name(),
                                    [&] { return QStringLiteral("where: %1").arg(context.whereError); },
                                    1.0);
        }
        return std::nullopt;
    }
    std::optional<PlacementRejection> checkNode(const PlacementContext &context,
                                                int node) const override
    {
        if (!context.whereError.isEmpty()) {
            return nodeRejection(context, node, name(),
                                 [&] { return QStringLiteral("where: %1").arg(context.whereError); },
                                 1.0);
        }
        if (context.where && !context.where->matches(*context.model, node)) {
            return nodeRejection(context, node, name(),
                                 [&] { return context.where->mismatch(*context.model, node); }, 1.0);
        }
        return std::nullopt;
    }
    QString relaxation(const PlacementContext &context, const QList<PlacementRejection> &onlyThis) const override
    {
        return QStringLiteral("loosen `%1` (on %2: %3)")
            .arg(context.workload->requirements.where, onlyThis.first().candidateId,
                 onlyThis.first().reason);
    }
};

// --- Scorers -----------------------------------------------------------------------------

double clusterUtilisation(const PlacementModel::ClusterSlot &cluster)
{
    return cluster.cpuCapacity > 0 ? std::clamp(cluster.cpuAllocated / cluster.cpuCapacity, 0.0, 1.0)
                                   : 1.0;
}

/// Weights when the intent gives none: balanced load first, then latency and speed.
ObjectiveWeights effectiveWeights(const Workload &workload)
{
    if (!workload.objectives.isZero())
        return workload.objectives;
    ObjectiveWeights weights;
    weights.balance = 0.5;
    weights.latency = 0.3;
    weights.executionTime = 0.2;
    return weights;
}

class LatencyScorer final : public IPlacementScorer
{
public:
    QString name() const override { return QStringLiteral("latency"); }
    double weight(const Workload &workload) const override
    {
        return effectiveWeights(workload).latency;
    }
    static double scoreSite(const PlacementContext &context, int site)
    {
        const double latency = workloadLatencyMs(*context.model, site, *context.workload);
        if (std::isinf(latency))
            return 0.0;
        // 0 ms scores 1, 100 ms (a continent away) about 0.
        return std::clamp(1.0 - latency / 100.0, 0.0, 1.0);
    }
    double scoreNode(const PlacementContext &context, int node) const override
    {
        return scoreSite(context, context.model->node(node).site);
    }
    double scoreCluster(const PlacementContext &context, int cluster) const override
    {
        return scoreSite(context, context.model->cluster(cluster).site);
    }
};

class ExecutionTimeScorer final : public IPlacementScorer
{
public:
    QString name() const override { return QStringLiteral("execution_time"); }
    double weight(const Workload &workload) const override
    {
        return effectiveWeights(workload).executionTime;
    }
    double scoreNode(const PlacementContext &context, int node) const override
    {
        // Headroom left after placement: less contention, faster execution; HPC jobs run
        // faster on HPC sites (interconnect, no noisy neighbours).
        const auto &slot = context.model->node(node);
        double score = 1.0 - slot.utilisationAfter(context.workload->request);
        if (context.workload->kind == WorkloadKind::HpcJob && slot.site >= 0 &&
            context.model->sites()[size_t(slot.site)].kind == SiteKind::Hpc)
            score = std::min(1.0, score + 0.3);
        return score;
    }
    double scoreCluster(const PlacementContext &context, int cluster) const override
    {
        const auto &slot = context.model->cluster(cluster);
        double score = 1.0 - clusterUtilisation(slot);
        if (context.workload->kind == WorkloadKind::HpcJob && slot.site >= 0 &&
            context.model->sites()[size_t(slot.site)].kind == SiteKind::Hpc)
            score = std::min(1.0, score + 0.3);
        return score;
    }
};

class EnergyScorer final : public IPlacementScorer
{
public:
    QString name() const override { return QStringLiteral("energy"); }
    double weight(const Workload &workload) const override
    {
        return effectiveWeights(workload).energy;
    }
    double scoreNode(const PlacementContext &context, int node) const override
    {
        // Bin-packing to switch off the most nodes: any node already running work beats waking
        // an idle one (0.5..1, fuller is better); when one must be woken, the largest (0..0.5),
        // since it will take the most of what follows.
        const auto &slot = context.model->node(node);
        if (slot.placements > 0 || slot.cpuAllocated > 0.0)
            return 0.5 + 0.5 * slot.utilisationAfter(context.workload->request);
        return 0.5 * std::clamp(slot.cpuCapacity / 256.0, 0.0, 1.0);
    }
    double scoreCluster(const PlacementContext &context, int cluster) const override
    {
        // Same rule one level up: a platform already running work first, else the one with
        // the largest free node.
        const auto &slot = context.model->cluster(cluster);
        if (slot.cpuAllocated > 0.0)
            return 0.5 + 0.5 * clusterUtilisation(slot);
        return 0.5 * std::clamp(slot.maxFreeCpu / 256.0, 0.0, 1.0);
    }
};

class CostScorer final : public IPlacementScorer
{
public:
    QString name() const override { return QStringLiteral("cost"); }
    double weight(const Workload &workload) const override
    {
        return effectiveWeights(workload).cost;
    }
    double scoreNode(const PlacementContext &context, int node) const override
    {
        return scoreCluster(context, context.model->node(node).cluster);
    }
    double scoreCluster(const PlacementContext &context, int cluster) const override
    {
        if (cluster < 0)
            return 0.0;
        return std::clamp(1.0 - clusterCorePrice(*context.model, cluster) / 0.1, 0.0, 1.0);
    }
};

class BalanceScorer final : public IPlacementScorer
{
public:
    QString name() const override { return QStringLiteral("balance"); }
    double weight(const Workload &workload) const override
    {
        return effectiveWeights(workload).balance;
    }
    double scoreNode(const PlacementContext &context, int node) const override
    {
        return 1.0 - context.model->node(node).utilisationAfter(context.workload->request);
    }
    double scoreCluster(const PlacementContext &context, int cluster) const override
    {
        return 1.0 - clusterUtilisation(context.model->cluster(cluster));
    }
};

} // namespace

int securityTierRank(SecurityTier tier)
{
    switch (tier) {
    case SecurityTier::Standard:
        return 1;
    case SecurityTier::Hardened:
        return 2;
    case SecurityTier::Confidential:
        return 3;
    case SecurityTier::Unknown:
        break;
    }
    return 0;
}

double workloadLatencyMs(const PlacementModel &model, int site, const Workload &workload)
{
    double worst = 0.0;
    for (const LatencyBound &bound : workload.requirements.maxLatency) {
        const double latency = bound.siteId.isEmpty()
                                   ? model.latencyToLocationMs(site, bound.location)
                                   : model.siteLatencyMs(site, model.siteIndex(bound.siteId));
        worst = std::max(worst, latency);
    }
    const QString &data = workload.requirements.dataLocation;
    if (!data.isEmpty()) {
        const int storageSite = model.storageSite(data);
        const double latency = model.storageLatencyMs(data) +
                               (storageSite >= 0 ? model.siteLatencyMs(site, storageSite) : 0.0);
        worst = std::max(worst, latency);
    }
    return worst;
}

double clusterCorePrice(const PlacementModel &model, int cluster)
{
    const auto &slot = model.cluster(cluster);
    bool ok = false;
    const double labelled =
        slot.labels.value(QStringLiteral("continuo.io/cost-per-core-hour")).toDouble(&ok);
    if (ok)
        return labelled;
    const SiteKind kind = slot.site >= 0 ? model.sites()[size_t(slot.site)].kind : SiteKind::Unknown;
    switch (kind) {
    case SiteKind::Edge:
        return 0.06;
    case SiteKind::Cloud:
        return 0.04;
    case SiteKind::Hpc:
        return 0.02;
    case SiteKind::Unknown:
        break;
    }
    return 0.05;
}

std::vector<std::unique_ptr<IPlacementFilter>> builtinPlacementFilters()
{
    std::vector<std::unique_ptr<IPlacementFilter>> filters;
    filters.push_back(std::make_unique<PlatformFilter>());
    filters.push_back(std::make_unique<PinFilter>());
    filters.push_back(std::make_unique<StateFilter>());
    filters.push_back(std::make_unique<LabelFilter>());
    filters.push_back(std::make_unique<ResourceFilter>());
    filters.push_back(std::make_unique<AcceleratorFilter>());
    filters.push_back(std::make_unique<ArchFilter>());
    filters.push_back(std::make_unique<SecurityFilter>());
    filters.push_back(std::make_unique<LatencyFilter>());
    filters.push_back(std::make_unique<DataLocalityFilter>());
    filters.push_back(std::make_unique<WhereFilter>());
    filters.push_back(std::make_unique<SpreadFilter>());
    filters.push_back(std::make_unique<HealthFilter>());
    return filters;
}

std::vector<std::unique_ptr<IPlacementScorer>> builtinPlacementScorers()
{
    std::vector<std::unique_ptr<IPlacementScorer>> scorers;
    scorers.push_back(std::make_unique<LatencyScorer>());
    scorers.push_back(std::make_unique<ExecutionTimeScorer>());
    scorers.push_back(std::make_unique<EnergyScorer>());
    scorers.push_back(std::make_unique<CostScorer>());
    scorers.push_back(std::make_unique<BalanceScorer>());
    return scorers;
}

} // namespace Continuo
