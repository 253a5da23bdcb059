#include "anomaly/CusumDetector.h"

#include <algorithm>
#include <cmath>

namespace Continuo {

namespace {
constexpr double MadToSigma = 1.2533141373155003;
} // namespace

CusumDetector::CusumDetector(const CusumSettings &settings) : m_settings(settings) {}

void CusumDetector::reset()
{
    *this = CusumDetector(m_settings);
}

AnomalyScore CusumDetector::update(qint64 timestampMs, double value)
{
    AnomalyScore result;
    result.source = DetectorKind::Cusum;
    if (!Internal::isUsable(value) || (m_count > 0 && timestampMs < m_lastTimestampMs)) {
        result.state = ScoreState::InvalidInput;
        return result;
    }
    m_lastTimestampMs = timestampMs;
    const CusumSettings &s = m_settings;
    if (m_count == 0) {
        m_reference = value;
        m_fastMean = value;
    }
    const double floor = std::max(s.minAbsoluteScale, s.minRelativeScale * std::abs(m_reference));
    const double scale = std::max(MadToSigma * m_absDeviation, floor);
    const double residual = value - m_reference;
    const double z = m_count > 0 ? residual / scale : 0.0;
    const bool warming = m_count < s.warmUpSamples;

    // Outliers are clipped so that one spike cannot make a change on its own.
    const double clippedZ = std::clamp(z, -0.75 * s.thresholdH, 0.75 * s.thresholdH);
    if (!warming) {
        m_upper = std::max(0.0, m_upper + clippedZ - s.driftK);
        m_lower = std::max(0.0, m_lower - clippedZ - s.driftK);
    }
    const double sum = std::max(m_upper, m_lower);

    result.state = warming ? ScoreState::WarmingUp : ScoreState::Scored;
    result.expectedValue = m_reference;
    result.expectedLow = m_reference - s.thresholdH * scale;
    result.expectedHigh = m_reference + s.thresholdH * scale;
    result.robustZ = m_upper >= m_lower ? m_upper : -m_lower;
    // 0.5 at the decision interval; a smooth ramp that never saturates keeps the ordering.
    const double ratio = sum / s.thresholdH;
    result.score = warming ? 0.0 : ratio * ratio / (1.0 + ratio * ratio);

    const double fastAlpha = 0.1;
    m_fastMean += fastAlpha * (value - m_fastMean);
    if (!warming && sum > s.thresholdH) {
        // Change signalled: re-anchor on the new level and start accumulating afresh.
        ++m_changes;
        m_reference = m_fastMean;
        m_upper = 0.0;
        m_lower = 0.0;
    } else {
        const double clippedResidual = std::clamp(residual, -3.0 * scale, 3.0 * scale);
        m_reference += s.levelAlpha * clippedResidual;
        const double devAlpha = std::max(s.deviationAlpha, 1.0 / double(m_count + 1));
        if (m_count > 0)
            m_absDeviation += devAlpha * (std::abs(clippedResidual) - m_absDeviation);
    }
    ++m_count;
    return result;
}

} // namespace Continuo
