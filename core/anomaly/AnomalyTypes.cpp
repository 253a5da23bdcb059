#include "anomaly/AnomalyTypes.h"

using namespace Qt::StringLiterals;

namespace Continuo {

QString toString(ScoreState state)
{
    switch (state) {
    case ScoreState::WarmingUp:
        return u"warming-up"_s;
    case ScoreState::Scored:
        return u"scored"_s;
    case ScoreState::InvalidInput:
        return u"invalid-input"_s;
    case ScoreState::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString toString(DetectorKind kind)
{
    switch (kind) {
    case DetectorKind::RobustBaseline:
        return u"robust-baseline"_s;
    case DetectorKind::Cusum:
        return u"cusum"_s;
    case DetectorKind::Ensemble:
        return u"ensemble"_s;
    case DetectorKind::HalfSpaceTrees:
        return u"half-space-trees"_s;
    case DetectorKind::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString toString(MetricFamily family)
{
    switch (family) {
    case MetricFamily::Generic:
        return u"generic"_s;
    case MetricFamily::Utilisation:
        return u"utilisation"_s;
    case MetricFamily::ByteRate:
        return u"byte-rate"_s;
    case MetricFamily::Latency:
        return u"latency"_s;
    case MetricFamily::Temperature:
        return u"temperature"_s;
    case MetricFamily::Unknown:
        break;
    }
    return u"unknown"_s;
}

MetricFamily metricFamilyFromName(const QString &metric)
{
    if (metric.isEmpty())
        return MetricFamily::Unknown;
    if (metric.contains("utilisation"_L1) || metric.contains("utilization"_L1))
        return MetricFamily::Utilisation;
    if (metric.contains("latency"_L1) || metric.endsWith("_seconds"_L1))
        return MetricFamily::Latency;
    if (metric.contains("bytes"_L1) && metric.endsWith("_rate"_L1))
        return MetricFamily::ByteRate;
    if (metric.contains("temperature"_L1) || metric.contains("celsius"_L1))
        return MetricFamily::Temperature;
    return MetricFamily::Generic;
}

UnivariateDetectorSettings UnivariateDetectorSettings::forFamily(MetricFamily family)
{
    UnivariateDetectorSettings settings;
    switch (family) {
    case MetricFamily::Utilisation:
        // Bounded 0..1: a tiny absolute floor stops an idle node's flat line from turning a
        // 0.5 % wiggle into an anomaly.
        settings.baseline.minAbsoluteScale = 0.005;
        settings.cusum.minAbsoluteScale = 0.005;
        break;
    case MetricFamily::ByteRate:
        // Bursty: heavier tails before a deviation counts.
        settings.baseline.zAtHalfScore = 5.0;
        settings.cusum.thresholdH = 10.0;
        break;
    case MetricFamily::Latency:
        settings.baseline.zAtHalfScore = 5.0;
        settings.baseline.seasonPeriodMs = 0;
        break;
    case MetricFamily::Temperature:
        // Slow physical processes: drift is the signal, so CUSUM counts more.
        settings.baseline.levelAlpha = 0.02;
        settings.cusum.driftK = 0.25;
        break;
    case MetricFamily::Generic:
    case MetricFamily::Unknown:
        break;
    }
    return settings;
}

} // namespace Continuo
