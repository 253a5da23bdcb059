#pragma once

#include "model/Topology.h"
#include "telemetry/Series.h"

#include <QStringList>

namespace Continuo::Gui {

/// Where a link's latency value comes from: measured (probes, INT postcards) or estimated by
/// network tomography for links that nothing measures.
enum class LatencySource { Unknown, Measured, Estimated };

/// Link latency series as the engine writes them. Measured latency is `link_latency_seconds`;
/// the tomography service writes `continuo_link_latency_seconds{source="estimated"}`. Both
/// names are accepted, and the `source` label alone decides what a series is.
namespace LinkLatency {
inline constexpr auto EstimatedMetric = "continuo_link_latency_seconds";
inline constexpr auto SourceLabel = "source";
inline constexpr auto EstimatedSource = "estimated";
/// A measured sample newer than this (sample time) wins over an estimate for the same link.
inline constexpr qint64 MeasuredFreshnessMs = 30'000;

/// Every metric name that carries a link latency (in seconds).
QStringList metrics();
bool isLatencyMetric(const QString &metric);
/// Estimated when the series says so; measured otherwise.
LatencySource sourceOf(const Labels &labels);
/// Matchers for the latency series of one link (every link when linkId is empty).
QList<SeriesMatcher> matchers(const QString &linkId = {});
/// Selector of the latency series of one link, for listSeries/queryChart.
QString selector(const QString &linkId);
} // namespace LinkLatency

} // namespace Continuo::Gui
