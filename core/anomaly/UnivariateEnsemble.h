#pragma once

#include "anomaly/AnomalyLikelihood.h"
#include "anomaly/CusumDetector.h"
#include "anomaly/RobustBaselineDetector.h"

namespace Continuo {

/// The detector the engine runs per series: the robust seasonal baseline and a CUSUM on the
/// deseasonalised series, combined by the maximum of their scores (CUSUM weighted by
/// `cusumWeight`), then turned into a calibrated final score by the anomaly likelihood
/// (unless `useLikelihood` is off). After a final score at or above `refractoryLevel` the
/// next `refractorySamples` scores are damped, so one incident is one detection.
/// The returned AnomalyScore carries the baseline's expected value and band, and `source`
/// says which detector dominated.
class CONTINUO_CORE_EXPORT UnivariateEnsemble final : public IUnivariateDetector
{
public:
    explicit UnivariateEnsemble(const UnivariateDetectorSettings &settings = {});

    AnomalyScore update(qint64 timestampMs, double value) override;
    void reset() override;
    DetectorKind kind() const override { return DetectorKind::Ensemble; }
    qsizetype memoryBytes() const override;
    qint64 sampleCount() const override { return m_baseline.sampleCount(); }

    const UnivariateDetectorSettings &settings() const { return m_settings; }
    const RobustBaselineDetector &baseline() const { return m_baseline; }
    const CusumDetector &cusum() const { return m_cusum; }
    /// The raw (pre-likelihood) score of the last accepted sample.
    double lastRawScore() const { return m_lastRaw; }

private:
    UnivariateDetectorSettings m_settings;
    RobustBaselineDetector m_baseline;
    CusumDetector m_cusum;
    AnomalyLikelihood m_likelihood;
    double m_lastRaw = 0.0;
    int m_refractoryLeft = 0;
};

} // namespace Continuo
