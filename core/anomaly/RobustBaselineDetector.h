#pragma once

#include "anomaly/IUnivariateDetector.h"

#include <array>
#include <vector>

namespace Continuo {

/// Robust baseline: an EWMA level with an exponentially weighted mean-absolute-deviation scale
/// (Huber-clipped so a spike neither drags the level nor inflates the scale), run beside an
/// additive Holt–Winters model whose seasonal profile has one bin per sample interval over
/// `seasonPeriodMs` (interval inferred from the first gaps, bins capped at `maxSeasonBins`).
/// The seasonal model is used once it has seen a full period and its residual scale beats the
/// plain one by `seasonalAdvantage`. The robust z of the residual is squashed into 0..1.
/// O(1) per sample; memory is the object plus two small vectors of `bins` entries.
class CONTINUO_CORE_EXPORT RobustBaselineDetector final : public IUnivariateDetector
{
public:
    explicit RobustBaselineDetector(const RobustBaselineSettings &settings = {});

    AnomalyScore update(qint64 timestampMs, double value) override;
    void reset() override;
    DetectorKind kind() const override { return DetectorKind::RobustBaseline; }
    qsizetype memoryBytes() const override;
    qint64 sampleCount() const override { return m_count; }

    const RobustBaselineSettings &settings() const { return m_settings; }
    /// True when the seasonal model currently explains the series better than the plain one.
    bool isSeasonal() const { return m_useSeasonal; }
    /// Bins of the seasonal profile (0 while the sample interval is unknown or seasonality is
    /// off).
    int seasonBins() const { return int(m_season.size()); }
    /// Sample interval inferred from the first gaps (0 while unknown).
    qint64 sampleIntervalMs() const { return m_intervalMs; }
    /// Seasonal component the model expects at `timestampMs` (0 when not seasonal), so that a
    /// change-point detector can run on the deseasonalised series.
    double seasonalComponent(qint64 timestampMs) const;
    /// Residual scale (robust standard deviation) of the model in use.
    double scale() const;

private:
    int binOf(qint64 timestampMs) const;
    void inferInterval(qint64 gapMs);
    double floorScale(double level) const;

    RobustBaselineSettings m_settings;
    qint64 m_count = 0;
    qint64 m_lastTimestampMs = 0;
    qint64 m_intervalMs = 0;
    qint64 m_binWidthMs = 0;
    std::array<qint64, 5> m_firstGapsMs{};
    int m_gapCount = 0;

    // Plain model.
    double m_level = 0.0;
    double m_absDeviation = 0.0;
    // Seasonal (additive Holt–Winters without trend) model.
    double m_seasonalLevel = 0.0;
    double m_seasonalAbsDeviation = 0.0;
    qint64 m_seasonalScored = 0;
    std::vector<float> m_season;
    std::vector<quint16> m_seasonVisits;
    bool m_useSeasonal = false;
};

} // namespace Continuo
