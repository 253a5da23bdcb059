#pragma once

#include "anomaly/IUnivariateDetector.h"

namespace Continuo {

/// Two-sided, self-normalising CUSUM change-point detector. Residuals against a slow
/// reference level are standardised by an exponentially weighted mean absolute deviation, so
/// `driftK` and `thresholdH` are in standard deviations whatever the series' units. When a
/// sum crosses `thresholdH` the change is reported and the detector re-anchors on the new
/// level (the fast mean), so a level shift alarms once and is then learned. O(1), fixed size.
class CONTINUO_CORE_EXPORT CusumDetector final : public IUnivariateDetector
{
public:
    explicit CusumDetector(const CusumSettings &settings = {});

    AnomalyScore update(qint64 timestampMs, double value) override;
    void reset() override;
    DetectorKind kind() const override { return DetectorKind::Cusum; }
    qsizetype memoryBytes() const override { return qsizetype(sizeof(*this)); }
    qint64 sampleCount() const override { return m_count; }

    /// Upper and lower cumulative sums, in standard deviations.
    double upperSum() const { return m_upper; }
    double lowerSum() const { return m_lower; }
    /// Changes signalled since the last reset.
    qint64 changeCount() const { return m_changes; }

private:
    CusumSettings m_settings;
    qint64 m_count = 0;
    qint64 m_lastTimestampMs = 0;
    qint64 m_changes = 0;
    double m_reference = 0.0;
    double m_fastMean = 0.0;
    double m_absDeviation = 0.0;
    double m_upper = 0.0;
    double m_lower = 0.0;
};

} // namespace Continuo
