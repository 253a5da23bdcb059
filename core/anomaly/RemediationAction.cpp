#include "anomaly/RemediationAction.h"

#include "engine/ITelemetryRateControl.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Continuo {

RemediationAction::~RemediationAction() = default;

std::unique_ptr<RemediationAction> RemediationAction::create(const RemediationSpec &spec,
                                                             const RemediationContext &context)
{
    switch (spec.kind) {
    case RemediationKind::EmitEvent:
        if (!context.publishEvent)
            return nullptr;
        return std::make_unique<EmitEventAction>(spec.eventType, context.publishEvent);
    case RemediationKind::RaiseTelemetryRate:
        if (!context.rateControl)
            return nullptr;
        return std::make_unique<RaiseTelemetryRateAction>(context.rateControl, spec.sampleInterval,
                                                          spec.duration, context.clock);
    case RemediationKind::Unknown:
        break;
    }
    return nullptr;
}

EmitEventAction::EmitEventAction(QString eventType,
                                 std::function<void(const Event &event)> publishEvent)
    : m_eventType(eventType.isEmpty() ? u"Anomaly.Remediation"_s : std::move(eventType))
    , m_publishEvent(std::move(publishEvent))
{
}

QString EmitEventAction::auditAction() const
{
    return u"anomaly.emit_event"_s;
}

bool EmitEventAction::appliesTo(const Alert &alert) const
{
    Q_UNUSED(alert)
    return isValidEventType(m_eventType) && bool(m_publishEvent);
}

Event EmitEventAction::makeEvent(const Alert &alert) const
{
    Event event;
    event.type = m_eventType;
    event.severity = eventSeverityOf(alert.severity);
    event.source = u"automation:anomaly"_s;
    event.subjectId = alert.subjectId();
    event.message =
        QObject::tr("Alert %1 on %2 fired: %3").arg(alert.ruleId, alert.subjectId(), alert.summary);
    event.payload = {{u"resource_id"_s, alert.subjectId()},
                     {u"alertId"_s, alert.id},
                     {u"rule"_s, alert.ruleId},
                     {u"severity"_s, toString(alert.severity)},
                     {u"summary"_s, alert.summary}};
    return event;
}

QJsonObject EmitEventAction::describe(const Alert &alert) const
{
    return {{u"eventType"_s, m_eventType}, {u"subject"_s, alert.subjectId()}};
}

Result<QString> EmitEventAction::execute(const Alert &alert)
{
    if (!appliesTo(alert))
        return makeError(u"cannot publish an event of type '%1'"_s.arg(m_eventType));
    m_publishEvent(makeEvent(alert));
    return u"published %1 for alert %2"_s.arg(m_eventType, alert.id);
}

RaiseTelemetryRateAction::RaiseTelemetryRateAction(ITelemetryRateControl *control,
                                                   std::chrono::milliseconds sampleInterval,
                                                   std::chrono::milliseconds duration,
                                                   std::function<qint64()> clock)
    : m_control(control)
    , m_sampleInterval(sampleInterval)
    , m_duration(duration)
    , m_clock(std::move(clock))
{
}

qint64 RaiseTelemetryRateAction::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString RaiseTelemetryRateAction::auditAction() const
{
    return u"telemetry.raise_rate"_s;
}

QJsonObject RaiseTelemetryRateAction::describe(const Alert &alert) const
{
    return {{u"node"_s, alert.nodeId},
            {u"sampleIntervalMs"_s, double(m_sampleInterval.count())},
            {u"durationMs"_s, double(m_duration.count())}};
}

Result<QString> RaiseTelemetryRateAction::execute(const Alert &alert)
{
    if (!m_control)
        return makeError(u"no telemetry rate control"_s);
    if (alert.nodeId.isEmpty())
        return makeError(u"alert %1 is not about a node"_s.arg(alert.id));
    TelemetryRateRequest request;
    request.nodeId = alert.nodeId;
    request.sampleInterval = m_sampleInterval;
    request.untilMs = now() + m_duration.count();
    request.requestedBy = u"automation:anomaly"_s;
    request.reason = alert.summary;
    auto granted = m_control->requestNodeSampleInterval(request);
    if (!granted)
        return makeError(granted.error());
    return u"node %1 sampled every %2 ms until %3"_s.arg(alert.nodeId)
        .arg(granted->sampleInterval.count())
        .arg(QDateTime::fromMSecsSinceEpoch(granted->untilMs).toString(Qt::ISODate));
}

} // namespace Continuo
