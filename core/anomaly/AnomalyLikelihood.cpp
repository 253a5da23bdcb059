#include "anomaly/AnomalyLikelihood.h"

#include <algorithm>
#include <cmath>

namespace Continuo {

namespace Internal {
double normalTail(double z)
{
    return 0.5 * std::erfc(z / 1.4142135623730951);
}

double normalTailDecades(double z)
{
    if (z < 8.0)
        return -std::log10(std::max(normalTail(z), 1e-300));
    // Mills ratio: Q(z) ~ phi(z) / z for large z.
    constexpr double Ln10 = 2.302585092994046;
    return (0.5 * z * z + std::log(z * 2.5066282746310002)) / Ln10;
}
} // namespace Internal

AnomalyLikelihood::AnomalyLikelihood(const LikelihoodSettings &settings)
    : m_settings(settings), m_window(std::clamp(settings.shortWindow, 1, MaxShortWindow))
{
}

void AnomalyLikelihood::reset()
{
    *this = AnomalyLikelihood(m_settings);
}

double AnomalyLikelihood::longRunStdDev() const
{
    return std::max(std::sqrt(std::max(m_variance, 0.0)), m_settings.minStdDev);
}

double AnomalyLikelihood::update(double rawScore)
{
    if (!(rawScore >= 0.0))
        rawScore = 0.0;
    rawScore = std::min(rawScore, 1.0);
    if (m_filled == m_window)
        m_recentSum -= double(m_recent[size_t(m_next)]);
    else
        ++m_filled;
    // Sum the stored (float) value so that adding and removing it cancel exactly.
    m_recent[size_t(m_next)] = float(rawScore);
    m_recentSum += double(m_recent[size_t(m_next)]);
    m_next = (m_next + 1) % m_window;
    const double shortMean = std::max(0.0, m_recentSum / double(m_filled));

    // Score against the distribution learned so far, then learn the current mean.
    double result = 0.0;
    if (!isWarmingUp()) {
        const double z = (shortMean - m_mean) / longRunStdDev();
        if (m_settings.logScale) {
            // Surprise in decades, -log10 Q(z), with the asymptotic form far in the tail where
            // Q underflows; squashed so that Q = 1e-5 maps to 0.5 and nothing saturates.
            const double surprise = Internal::normalTailDecades(z);
            result = surprise / (surprise + 5.0);
        } else {
            result = 1.0 - Internal::normalTail(z);
        }
    }
    const double alpha = std::max(m_settings.longAlpha, 1.0 / double(m_count + 1));
    const double delta = shortMean - m_mean;
    m_mean += alpha * delta;
    m_variance = (1.0 - alpha) * (m_variance + alpha * delta * delta);
    ++m_count;
    return result;
}

} // namespace Continuo
