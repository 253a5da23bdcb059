#include "anomaly/UnivariateEnsemble.h"

#include <algorithm>

namespace Continuo {

UnivariateEnsemble::UnivariateEnsemble(const UnivariateDetectorSettings &settings)
    : m_settings(settings)
    , m_baseline(settings.baseline)
    , m_cusum(settings.cusum)
    , m_likelihood(settings.likelihood)
{
}

void UnivariateEnsemble::reset()
{
    *this = UnivariateEnsemble(m_settings);
}

qsizetype UnivariateEnsemble::memoryBytes() const
{
    return qsizetype(sizeof(*this)) - qsizetype(sizeof(RobustBaselineDetector))
           + m_baseline.memoryBytes();
}

AnomalyScore UnivariateEnsemble::update(qint64 timestampMs, double value)
{
    // The seasonal component is read before the baseline learns from this sample.
    const double seasonal = m_baseline.seasonalComponent(timestampMs);
    AnomalyScore result = m_baseline.update(timestampMs, value);
    if (result.state == ScoreState::InvalidInput)
        return result;
    const AnomalyScore change = m_cusum.update(timestampMs, value - seasonal);

    const double cusumScore = m_settings.cusumWeight * change.score;
    double raw = result.score;
    if (cusumScore > raw) {
        raw = std::min(1.0, cusumScore);
        result.source = DetectorKind::Cusum;
    }
    m_lastRaw = raw;
    double final = raw;
    if (m_settings.useLikelihood) {
        final = std::max(m_likelihood.update(raw), m_settings.rawWeight * raw);
        if (m_likelihood.isWarmingUp() && result.state == ScoreState::Scored)
            result.state = ScoreState::WarmingUp;
    }
    if (result.state != ScoreState::Scored)
        final = 0.0;

    if (m_refractoryLeft > 0) {
        --m_refractoryLeft;
        final *= 0.5 * double(m_settings.refractorySamples - m_refractoryLeft)
                 / double(std::max(1, m_settings.refractorySamples));
    } else if (m_settings.refractorySamples > 0 && final >= m_settings.refractoryLevel) {
        m_refractoryLeft = m_settings.refractorySamples;
    }
    result.score = std::clamp(final, 0.0, 1.0);
    return result;
}

} // namespace Continuo
