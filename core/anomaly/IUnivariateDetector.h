#pragma once

#include "anomaly/AnomalyTypes.h"
#include "continuo_core_export.h"

#include <QtGlobal>

namespace Continuo {

/// A streaming detector over one series of rates or gauges (callers convert counters to rates
/// first). `update()` is O(1) or O(log n) and memory is bounded whatever the series length.
/// Non-finite values and samples older than the last accepted one are reported as
/// ScoreState::InvalidInput and leave the state untouched. Implementations are deterministic.
class CONTINUO_CORE_EXPORT IUnivariateDetector
{
public:
    virtual ~IUnivariateDetector();

    /// Feed one sample and score it.
    virtual AnomalyScore update(qint64 timestampMs, double value) = 0;
    /// Forget everything learned.
    virtual void reset() = 0;
    virtual DetectorKind kind() const = 0;
    /// Heap + object bytes held for this series (for the memory-per-series figure).
    virtual qsizetype memoryBytes() const = 0;
    /// Samples accepted since the last reset.
    virtual qint64 sampleCount() const = 0;

protected:
    IUnivariateDetector() = default;
    IUnivariateDetector(const IUnivariateDetector &) = default;
    IUnivariateDetector &operator=(const IUnivariateDetector &) = default;
};

namespace Internal {
/// Squash a non-negative robust z into 0..1: 0 at 0, 0.5 at `zAtHalf`, steepness `slope`.
double squashZ(double absZ, double zAtHalf, double slope);
/// True for a finite double.
inline bool isUsable(double value)
{
    return value == value && value - value == 0.0;
}
} // namespace Internal

} // namespace Continuo
