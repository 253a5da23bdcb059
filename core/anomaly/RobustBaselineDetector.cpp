#include "anomaly/RobustBaselineDetector.h"

#include <algorithm>
#include <cmath>

namespace Continuo {

namespace {
// Mean absolute deviation of a normal distribution is sigma * sqrt(2/pi).
constexpr double MadToSigma = 1.2533141373155003;
} // namespace

RobustBaselineDetector::RobustBaselineDetector(const RobustBaselineSettings &settings)
    : m_settings(settings)
{
}

void RobustBaselineDetector::reset()
{
    *this = RobustBaselineDetector(m_settings);
}

qsizetype RobustBaselineDetector::memoryBytes() const
{
    return qsizetype(sizeof(*this)) + qsizetype(m_season.capacity() * sizeof(float))
           + qsizetype(m_seasonVisits.capacity() * sizeof(quint16));
}

int RobustBaselineDetector::binOf(qint64 timestampMs) const
{
    if (m_season.empty() || m_binWidthMs <= 0)
        return -1;
    qint64 phase = timestampMs % m_settings.seasonPeriodMs;
    if (phase < 0)
        phase += m_settings.seasonPeriodMs;
    return int(std::min<qint64>(phase / m_binWidthMs, qint64(m_season.size()) - 1));
}

double RobustBaselineDetector::seasonalComponent(qint64 timestampMs) const
{
    if (!m_useSeasonal)
        return 0.0;
    const int bin = binOf(timestampMs);
    return (bin >= 0 && m_seasonVisits[size_t(bin)] > 0) ? double(m_season[size_t(bin)]) : 0.0;
}

double RobustBaselineDetector::floorScale(double level) const
{
    return std::max(m_settings.minAbsoluteScale, m_settings.minRelativeScale * std::abs(level));
}

double RobustBaselineDetector::scale() const
{
    return m_useSeasonal
               ? std::max(MadToSigma * m_seasonalAbsDeviation, floorScale(m_seasonalLevel))
               : std::max(MadToSigma * m_absDeviation, floorScale(m_level));
}

void RobustBaselineDetector::inferInterval(qint64 gapMs)
{
    // The median of the first gaps: robust to one missing sample at start-up.
    if (m_intervalMs > 0 || gapMs <= 0)
        return;
    m_firstGapsMs[size_t(m_gapCount++)] = gapMs;
    if (m_gapCount < int(m_firstGapsMs.size()))
        return;
    std::array<qint64, 5> sorted = m_firstGapsMs;
    std::sort(sorted.begin(), sorted.end());
    m_intervalMs = sorted[sorted.size() / 2];
    const qint64 period = m_settings.seasonPeriodMs;
    if (period <= 0 || m_settings.maxSeasonBins < 4 || period / m_intervalMs < 4)
        return;
    const qint64 bins = std::min<qint64>(period / m_intervalMs, m_settings.maxSeasonBins);
    m_binWidthMs = (period + bins - 1) / bins;
    m_season.assign(size_t(bins), 0.0f);
    m_seasonVisits.assign(size_t(bins), 0);
}

AnomalyScore RobustBaselineDetector::update(qint64 timestampMs, double value)
{
    AnomalyScore result;
    result.source = DetectorKind::RobustBaseline;
    if (!Internal::isUsable(value) || (m_count > 0 && timestampMs < m_lastTimestampMs)) {
        result.state = ScoreState::InvalidInput;
        return result;
    }
    if (m_count == 0) {
        m_level = value;
        m_seasonalLevel = value;
    } else {
        inferInterval(timestampMs - m_lastTimestampMs);
    }
    m_lastTimestampMs = timestampMs;

    const RobustBaselineSettings &s = m_settings;
    // Plain model residual.
    const double plainScale = std::max(MadToSigma * m_absDeviation, floorScale(m_level));
    const double plainResidual = value - m_level;

    // Seasonal model residual (only where the bin has been seen).
    const int bin = binOf(timestampMs);
    const bool binKnown = bin >= 0 && m_seasonVisits[size_t(bin)] > 0;
    const double seasonal = binKnown ? double(m_season[size_t(bin)]) : 0.0;
    const double seasonalScale = std::max(MadToSigma * m_seasonalAbsDeviation,
                                          floorScale(m_seasonalLevel));
    const double seasonalResidual = value - (m_seasonalLevel + seasonal);

    // Model choice uses the scales learned so far, never the current sample.
    const bool seasonalReady = binKnown
                               && m_seasonalScored >= qint64(m_season.size())
                               && m_seasonalAbsDeviation < s.seasonalAdvantage * m_absDeviation;
    m_useSeasonal = seasonalReady;

    const double expected = seasonalReady ? m_seasonalLevel + seasonal : m_level;
    const double scaleNow = seasonalReady ? seasonalScale : plainScale;
    const double residual = seasonalReady ? seasonalResidual : plainResidual;
    const double z = m_count > 0 ? residual / scaleNow : 0.0;

    const bool warming = m_count < s.warmUpSamples;
    result.state = warming ? ScoreState::WarmingUp : ScoreState::Scored;
    result.expectedValue = expected;
    result.expectedLow = expected - s.zAtHalfScore * scaleNow;
    result.expectedHigh = expected + s.zAtHalfScore * scaleNow;
    result.robustZ = z;
    result.score = warming ? 0.0 : Internal::squashZ(std::abs(z), s.zAtHalfScore, s.zSlope);

    // Learn. During warm-up the clip is loose so the scale finds its size quickly.
    const double clipK = m_count < 20 ? 1e9 : s.huberK;
    if (m_count > 0) {
        const double clippedPlain = std::clamp(plainResidual, -clipK * plainScale, clipK * plainScale);
        m_level += s.levelAlpha * clippedPlain;
        const double devAlpha = std::max(s.deviationAlpha, 1.0 / double(m_count + 1));
        m_absDeviation += devAlpha * (std::abs(clippedPlain) - m_absDeviation);

        if (bin >= 0) {
            const double clippedSeasonal = binKnown ? std::clamp(seasonalResidual,
                                                                 -clipK * seasonalScale,
                                                                 clipK * seasonalScale)
                                                    : 0.0;
            if (binKnown) {
                ++m_seasonalScored;
                const double sAlpha = std::max(s.deviationAlpha, 1.0 / double(m_seasonalScored));
                m_seasonalAbsDeviation += sAlpha * (std::abs(clippedSeasonal)
                                                     - m_seasonalAbsDeviation);
            }
            const double deseasonalised = binKnown ? m_seasonalLevel + clippedSeasonal
                                                    : value - seasonal;
            // Level without the seasonal part; slow, so it does not chase the daily cycle.
            const double levelAlpha = s.levelAlpha / 4.0;
            const double previousLevel = m_seasonalLevel;
            m_seasonalLevel += levelAlpha * (deseasonalised - m_seasonalLevel);
            quint16 &visits = m_seasonVisits[size_t(bin)];
            const double binAlpha = std::max(s.seasonAlpha, 1.0 / double(visits + 1));
            const double target = binKnown ? seasonal + clippedSeasonal : value - previousLevel;
            m_season[size_t(bin)] = float(seasonal + binAlpha * (target - seasonal));
            if (visits < 60000)
                ++visits;
        } else {
            m_seasonalLevel = m_level;
        }
    }
    ++m_count;
    return result;
}

} // namespace Continuo
