#pragma once

#include "continuo_core_export.h"
#include "util/Result.h"

#include <QList>
#include <QMutex>
#include <QString>

#include <chrono>

namespace Continuo {

/// A request to sample one node's telemetry faster for a while (SERRANO: periodic by default,
/// finer granularity switched on by events or upper layers).
struct TelemetryRateRequest
{
    QString nodeId;
    std::chrono::milliseconds sampleInterval{1000};
    qint64 untilMs = 0;  ///< Wall clock; the normal rate resumes after it.
    QString requestedBy; ///< "automation:anomaly", "user:alice".
    QString reason;      ///< For people: the alert that asked for it.
    bool operator==(const TelemetryRateRequest &) const = default;
};

/// Where telemetry rates are changed. The engine's default records and logs requests (the
/// simulator and the host probe sample at fixed rates); the federation agent plugs in its probe
/// rate control here later. Thread-safe.
class CONTINUO_CORE_EXPORT ITelemetryRateControl
{
public:
    virtual ~ITelemetryRateControl();

    /// Ask for `request.nodeId` to be sampled every `request.sampleInterval` until
    /// `request.untilMs`. Returns what was granted (an implementation may clamp the interval).
    virtual Result<TelemetryRateRequest>
    requestNodeSampleInterval(const TelemetryRateRequest &request) = 0;
    /// Requests still in force at `nowMs`, one per node (the latest).
    virtual QList<TelemetryRateRequest> activeRequests(qint64 nowMs) const = 0;

protected:
    ITelemetryRateControl() = default;
};

/// The engine's default rate control: keeps the latest request per node (for the console and
/// for whoever can act on it) and logs it; nothing it drives can change its sample rate yet.
class CONTINUO_CORE_EXPORT RecordingTelemetryRateControl final : public ITelemetryRateControl
{
public:
    /// Requests faster than this are granted at this interval.
    static constexpr std::chrono::milliseconds MinimumSampleInterval{100};

    Result<TelemetryRateRequest>
    requestNodeSampleInterval(const TelemetryRateRequest &request) override;
    QList<TelemetryRateRequest> activeRequests(qint64 nowMs) const override;

private:
    mutable QMutex m_mutex;
    QList<TelemetryRateRequest> m_requests;
};

} // namespace Continuo
