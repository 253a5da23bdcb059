#pragma once

#include "continuo_core_export.h"

#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <limits>

namespace Continuo {

/// What a detector made of one sample.
enum class ScoreState : std::uint8_t {
    Unknown = 0,
    WarmingUp,    ///< the model is still learning; score is 0
    Scored,       ///< a real score
    InvalidInput, ///< NaN/inf or out-of-order sample, ignored (state untouched)
};

CONTINUO_CORE_EXPORT QString toString(ScoreState state);

/// Which detector produced a score (for explanations and settings).
enum class DetectorKind : std::uint8_t {
    Unknown = 0,
    RobustBaseline,
    Cusum,
    Ensemble,
    HalfSpaceTrees,
};

CONTINUO_CORE_EXPORT QString toString(DetectorKind kind);

/// The score of one sample with what the detector expected, so an explanation can say
/// "expected 40 ± 6, got 95".
struct AnomalyScore
{
    double score = 0.0; ///< 0 (normal) .. 1 (certainly anomalous)
    ScoreState state = ScoreState::Unknown;
    DetectorKind source = DetectorKind::Unknown; ///< the detector that dominated the score
    double expectedValue = std::numeric_limits<double>::quiet_NaN();
    double expectedLow = std::numeric_limits<double>::quiet_NaN();  ///< lower edge of normal band
    double expectedHigh = std::numeric_limits<double>::quiet_NaN(); ///< upper edge of normal band
    double robustZ = 0.0; ///< signed deviation in robust standard deviations

    bool isWarmingUp() const { return state == ScoreState::WarmingUp; }
    bool isScored() const { return state == ScoreState::Scored; }
};

/// Families of metrics with their own detector settings (a CPU utilisation is bounded and
/// seasonal, a latency is heavy-tailed, a byte rate is bursty).
enum class MetricFamily : std::uint8_t {
    Unknown = 0,
    Generic,
    Utilisation,
    ByteRate,
    Latency,
    Temperature,
};

CONTINUO_CORE_EXPORT QString toString(MetricFamily family);
/// Guess the family from a metric name (`*_utilisation`, `*_bytes_rate`, `*latency*`, ...).
CONTINUO_CORE_EXPORT MetricFamily metricFamilyFromName(const QString &metric);

/// Robust EWMA/EW-MAD baseline with an optional seasonal profile learned online.
struct RobustBaselineSettings
{
    double levelAlpha = 0.02;         ///< EWMA weight of the level (non-seasonal model)
    double deviationAlpha = 0.05;     ///< EW weight of the absolute-deviation scale
    double huberK = 2.0;              ///< residuals clipped at k scales before updating the level
    qint64 seasonPeriodMs = 86'400'000; ///< 0 disables seasonality
    int maxSeasonBins = 288;          ///< bins per period (memory bound)
    double seasonAlpha = 0.2;         ///< EW weight of a bin once it has been seen a few times
    double seasonalAdvantage = 0.8;   ///< seasonal model used when its scale < advantage * plain
    int warmUpSamples = 100;
    double minRelativeScale = 1e-3;   ///< scale floor relative to |level| (flat lines)
    double minAbsoluteScale = 1e-9;
    double zAtHalfScore = 4.0;        ///< robust z that maps to score 0.5
    double zSlope = 3.0;              ///< exponent of the Hill-function squashing
};

/// Two-sided self-normalising CUSUM on the robust residual of a slow baseline.
struct CusumSettings
{
    double driftK = 0.5;        ///< allowance, in standard deviations
    double thresholdH = 8.0;    ///< decision interval, in standard deviations (score 0.5 there)
    double levelAlpha = 0.01;   ///< slow reference level
    double deviationAlpha = 0.01;
    int warmUpSamples = 100;
    double minRelativeScale = 1e-3;
    double minAbsoluteScale = 1e-9;
};

/// HTM-style anomaly likelihood: tail probability of the short-term mean of raw scores
/// under the long-run distribution of raw scores.
struct LikelihoodSettings
{
    int shortWindow = 10;       ///< samples averaged for the "recent" score (bounded ring)
    double longAlpha = 0.002;   ///< EW weight of the long-run mean/variance
    int warmUpSamples = 150;
    double minStdDev = 0.02;
    bool logScale = true;       ///< map 1-1e-10..1 to 0..1 as NAB's HTM detector does
};

/// Settings of the full univariate pipeline (baseline + CUSUM + likelihood combiner).
struct UnivariateDetectorSettings
{
    RobustBaselineSettings baseline;
    CusumSettings cusum;
    LikelihoodSettings likelihood;
    double cusumWeight = 0.3;        ///< CUSUM score multiplier before the max-combination
    int refractorySamples = 100;     ///< after a score >= refractoryLevel, damp this many samples
    double refractoryLevel = 0.45;
    bool useLikelihood = true;
    /// The final score is max(likelihood, rawWeight * raw score): the likelihood averages over
    /// a short window, which dilutes one isolated, extreme sample; this lets it through.
    double rawWeight = 0.0;

    /// Defaults per metric family.
    CONTINUO_CORE_EXPORT static UnivariateDetectorSettings forFamily(MetricFamily family);
};

/// Streaming half-space trees over a fixed-size feature vector.
struct HalfSpaceTreesSettings
{
    int treeCount = 25;
    int depth = 8;
    int windowSize = 250;     ///< samples per reference/latest mass window
    double featureAlpha = 0.01; ///< EW min/max tracking for normalising features
    int warmUpSamples = 250;
    double featureZAtHalfScore = 6.0; ///< per-feature robust z scoring 0.5
    quint64 seed = 42;
};

} // namespace Continuo
