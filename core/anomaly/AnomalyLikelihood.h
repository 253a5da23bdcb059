#pragma once

#include "anomaly/AnomalyTypes.h"
#include "continuo_core_export.h"

#include <array>

namespace Continuo {

/// Numenta's anomaly likelihood, streaming: the mean of the last `shortWindow` raw scores is
/// compared with the long-run distribution of that mean (exponentially weighted mean and
/// variance), and the upper-tail probability Q is turned into a likelihood 1 - Q. With
/// `logScale` the result is NAB's log-scaled form, -log10(Q + 1e-10) / 10, which keeps
/// 0.999 and 0.99999 apart. O(1) per score, fixed memory (shortWindow <= 64).
class CONTINUO_CORE_EXPORT AnomalyLikelihood
{
public:
    static constexpr int MaxShortWindow = 64;

    explicit AnomalyLikelihood(const LikelihoodSettings &settings = {});

    /// Feed a raw score (0..1) and get the likelihood score (0..1); 0 during warm-up.
    double update(double rawScore);
    void reset();
    bool isWarmingUp() const { return m_count < m_settings.warmUpSamples; }
    double longRunMean() const { return m_mean; }
    double longRunStdDev() const;

private:
    LikelihoodSettings m_settings;
    std::array<float, MaxShortWindow> m_recent{};
    int m_window = 1;
    int m_next = 0;
    int m_filled = 0;
    double m_recentSum = 0.0;
    qint64 m_count = 0;
    double m_mean = 0.0;
    double m_variance = 0.0;
};

namespace Internal {
/// Upper-tail probability of the standard normal distribution.
double normalTail(double z);
/// -log10 of normalTail(z), accurate far into the tail.
double normalTailDecades(double z);
} // namespace Internal

} // namespace Continuo
