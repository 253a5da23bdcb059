#include "engine/ITelemetryRateControl.h"

#include "util/Logging.h"

#include <QDateTime>
#include <QMutexLocker>

#include <algorithm>

namespace Continuo {

ITelemetryRateControl::~ITelemetryRateControl() = default;

Result<TelemetryRateRequest>
RecordingTelemetryRateControl::requestNodeSampleInterval(const TelemetryRateRequest &request)
{
    if (request.nodeId.isEmpty())
        return makeError(QStringLiteral("a telemetry rate request needs a node"));
    if (request.sampleInterval.count() <= 0)
        return makeError(QStringLiteral("a telemetry rate request needs a positive interval"));
    TelemetryRateRequest granted = request;
    granted.sampleInterval = std::max(request.sampleInterval, MinimumSampleInterval);
    {
        QMutexLocker locker(&m_mutex);
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        m_requests.removeIf([&](const TelemetryRateRequest &existing) {
            return existing.nodeId == granted.nodeId || existing.untilMs <= nowMs;
        });
        m_requests.append(granted);
    }
    qCInfo(lcEngine).noquote()
        << "telemetry rate for node" << granted.nodeId << "requested at"
        << granted.sampleInterval.count() << "ms until"
        << QDateTime::fromMSecsSinceEpoch(granted.untilMs).toString(Qt::ISODate) << "by"
        << granted.requestedBy << "(" << granted.reason << ");"
        << "no source of this engine can change its rate yet";
    return granted;
}

QList<TelemetryRateRequest> RecordingTelemetryRateControl::activeRequests(qint64 nowMs) const
{
    QMutexLocker locker(&m_mutex);
    QList<TelemetryRateRequest> active;
    for (const TelemetryRateRequest &request : m_requests) {
        if (request.untilMs > nowMs)
            active.append(request);
    }
    return active;
}

} // namespace Continuo
