#pragma once

#include "orchestration/Placer.h"

#include <memory>
#include <vector>

namespace Continuo {

/// The built-in filters, in the order the placer runs them (cheap and selective first).
CONTINUO_CORE_EXPORT std::vector<std::unique_ptr<IPlacementFilter>> builtinPlacementFilters();
/// The built-in scorers: latency, execution time, energy, cost, balance.
CONTINUO_CORE_EXPORT std::vector<std::unique_ptr<IPlacementScorer>> builtinPlacementScorers();

/// Order of security tiers: unknown 0 < standard 1 < hardened 2 < confidential 3.
CONTINUO_CORE_EXPORT int securityTierRank(SecurityTier tier);

/// Worst one-way latency from `site` to the targets of the workload's latency bounds and data
/// location; 0 when it names none.
CONTINUO_CORE_EXPORT double workloadLatencyMs(const PlacementModel &model, int site,
                                              const Workload &workload);

/// Price of one core-hour on a cluster: its `continuo.io/cost-per-core-hour` label, else a
/// default per site kind (edge 0.06, cloud 0.04, HPC 0.02).
CONTINUO_CORE_EXPORT double clusterCorePrice(const PlacementModel &model, int cluster);

} // namespace Continuo
