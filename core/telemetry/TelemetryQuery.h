#pragma once

#include "continuo_core_export.h"
#include "telemetry/Series.h"
#include "telemetry/TimeSeriesStore.h"
#include "util/Result.h"

#include <QList>
#include <QStringList>

#include <bit>
#include <span>

namespace Continuo {

/// What is computed per series at each step.
enum class RangeFunction {
    Unknown = 0,
    Value,   ///< newest sample within the lookback (PromQL's plain selector)
    Rate,    ///< per-second rate of a counter over the window, resets handled, extrapolated
    Increase ///< increase of a counter over the window (rate × window)
};
CONTINUO_CORE_EXPORT QString toString(RangeFunction function);

/// How series are combined at each step.
enum class Aggregation { Unknown = 0, None, Sum, Avg, Min, Max, Count, Quantile };
CONTINUO_CORE_EXPORT QString toString(Aggregation aggregation);

/// `by (labels)` keeps only the listed labels; `without (labels)` drops them.
enum class Grouping { Unknown = 0, By, Without };

/// Data a query reads: raw samples or a rollup tier. Auto picks rollups for long ranges.
enum class QueryResolution { Unknown = 0, Auto, Raw, OneMinute, OneHour };
CONTINUO_CORE_EXPORT QString toString(QueryResolution resolution);

/// A step-aligned query: evaluated at startMs + k·stepMs for every k with t <= endMs.
struct RangeQuery
{
    QString selector; ///< `metric{a="x",b=~"re"}`
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 stepMs = 0;
    RangeFunction function = RangeFunction::Value;
    qint64 windowMs = 0; ///< rate/increase window, e.g. 5 min
    qint64 lookbackMs = 5 * 60 * 1000;
    Aggregation aggregation = Aggregation::None;
    Grouping grouping = Grouping::By;
    QStringList groupingLabels;
    double quantile = 0.5; ///< φ for Aggregation::Quantile, 0 <= φ <= 1
    QueryResolution resolution = QueryResolution::Auto;
};

struct QueryResult
{
    /// One entry per output series; `metric` is empty where the function or the aggregation
    /// removes the metric name (as PromQL does).
    QList<SeriesBatch> series;
    QueryResolution resolution = QueryResolution::Raw; ///< what was read
    qint64 samplesRead = 0;
};

/// One pixel column of a downsampled series.
struct DownsampledColumn
{
    qint64 startMs = 0; ///< column covers [startMs, endMs)
    qint64 endMs = 0;
    double min = 0.0;
    double max = 0.0;
    qint64 minTimestampMs = 0;
    qint64 maxTimestampMs = 0;
    qint64 count = 0; ///< samples in the column
};

struct CONTINUO_CORE_EXPORT DownsampledSeries
{
    QString metric;
    Labels labels;
    QList<DownsampledColumn> columns; ///< only columns with data
    QueryResolution resolution = QueryResolution::Raw;
    /// The extremes of every column in time order (at most two points per column), ready for
    /// QXYSeries::replace().
    QList<Sample> points() const;
};

/// Read-side of the telemetry store: range, instant, rate/increase, aggregation and chart
/// downsampling. Stateless; thread-safe as the store is.
class CONTINUO_CORE_EXPORT TelemetryQuery
{
public:
    static constexpr qint64 DefaultLookbackMs = 5 * 60 * 1000;
    /// Prometheus' limit on points per series in a range query.
    static constexpr qint64 MaxPointsPerSeries = 11000;
    /// Auto resolution reads rollups for ranges longer than this.
    static constexpr qint64 RollupThresholdMs = 6LL * 3600 * 1000;
    /// Prometheus' staleness marker (a NaN with this bit pattern): the series ended there, so
    /// instant values at or after it are absent.
    static constexpr quint64 StaleMarkerBits = 0x7ff0000000000002ULL;
    static bool isStaleMarker(double value)
    {
        return std::bit_cast<quint64>(value) == StaleMarkerBits;
    }

    explicit TelemetryQuery(const TimeSeriesStore &store);

    /// Raw samples with startMs <= t <= endMs of every matching series.
    Result<QList<SeriesBatch>> range(const QString &selector, qint64 startMs, qint64 endMs) const;
    /// Newest sample of every matching series with atMs - lookbackMs < t <= atMs (the sample
    /// keeps its own timestamp).
    Result<QList<SeriesBatch>> instant(const QString &selector, qint64 atMs,
                                       qint64 lookbackMs = DefaultLookbackMs) const;
    /// Step-aligned evaluation with an optional function and aggregation.
    Result<QueryResult> evaluate(const RangeQuery &query) const;
    /// Min and max per column for charts: at most columnBudget columns over [startMs, endMs],
    /// so every spike survives. Auto reads rollups for long ranges.
    Result<QList<DownsampledSeries>> downsample(const QString &selector, qint64 startMs,
                                                qint64 endMs, int columnBudget,
                                                QueryResolution resolution
                                                = QueryResolution::Auto) const;

    /// Prometheus' extrapolated rate/increase over the window (rangeStartMs, rangeEndMs] for
    /// samples inside it (at least two), with counter resets corrected. Empty if fewer than two.
    static std::optional<double> extrapolatedDelta(std::span<const Sample> samples,
                                                   qint64 rangeStartMs, qint64 rangeEndMs,
                                                   RangeFunction function);
    /// Prometheus' quantile: linear interpolation between the closest ranks; sorts values.
    static double quantileOf(double phi, std::vector<double> &values);

private:
    QueryResolution pickResolution(QueryResolution wanted, qint64 rangeMs, qint64 stepMs) const;

    const TimeSeriesStore &m_store;
};

} // namespace Continuo
