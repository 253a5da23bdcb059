#pragma once

#include "anomaly/Alert.h"
#include "anomaly/AlertRule.h"
#include "continuo_core_export.h"
#include "model/Event.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace Continuo {

class ITelemetryRateControl;

/// What remediation actions may use: seams into the engine, so actions are testable alone.
struct RemediationContext
{
    std::function<void(const Event &event)> publishEvent;
    ITelemetryRateControl *rateControl = nullptr;
    std::function<qint64()> clock; ///< Wall clock (defaults to the system clock).
};

/// An automatic action an alert can trigger when it fires. The caller records every action in
/// the audit log before executing it (actor "automation:anomaly"); an action that cannot be
/// audited is not executed. Later issues add drain, re-place and reroute.
class CONTINUO_CORE_EXPORT RemediationAction
{
public:
    virtual ~RemediationAction();

    virtual RemediationKind kind() const = 0;
    /// The audit log's action name ("anomaly.emit_event", "telemetry.raise_rate").
    virtual QString auditAction() const = 0;
    /// Whether the action makes sense for this alert (a node rate needs a node).
    virtual bool appliesTo(const Alert &alert) const = 0;
    /// The audit log's target: the alert's node, link or site.
    virtual QString target(const Alert &alert) const { return alert.subjectId(); }
    /// What will be done, for the audit entry's details.
    virtual QJsonObject describe(const Alert &alert) const = 0;
    /// Do it. Returns a line for the log.
    virtual Result<QString> execute(const Alert &alert) = 0;

    /// The action a rule's remediation spec asks for (null for an unknown kind or a missing
    /// seam).
    static std::unique_ptr<RemediationAction> create(const RemediationSpec &spec,
                                                     const RemediationContext &context);

protected:
    RemediationAction() = default;
};

/// Publishes an event (type from the spec, "Anomaly.Remediation" by default) naming the alert,
/// for whoever subscribes to the event stream.
class CONTINUO_CORE_EXPORT EmitEventAction final : public RemediationAction
{
public:
    EmitEventAction(QString eventType, std::function<void(const Event &event)> publishEvent);

    RemediationKind kind() const override { return RemediationKind::EmitEvent; }
    QString auditAction() const override;
    bool appliesTo(const Alert &alert) const override;
    QJsonObject describe(const Alert &alert) const override;
    Result<QString> execute(const Alert &alert) override;

private:
    Event makeEvent(const Alert &alert) const;

    QString m_eventType;
    std::function<void(const Event &event)> m_publishEvent;
};

/// Asks telemetry to sample the alert's node faster for a while.
class CONTINUO_CORE_EXPORT RaiseTelemetryRateAction final : public RemediationAction
{
public:
    RaiseTelemetryRateAction(ITelemetryRateControl *control,
                             std::chrono::milliseconds sampleInterval,
                             std::chrono::milliseconds duration,
                             std::function<qint64()> clock = {});

    RemediationKind kind() const override { return RemediationKind::RaiseTelemetryRate; }
    QString auditAction() const override;
    bool appliesTo(const Alert &alert) const override { return !alert.nodeId.isEmpty(); }
    QString target(const Alert &alert) const override { return alert.nodeId; }
    QJsonObject describe(const Alert &alert) const override;
    Result<QString> execute(const Alert &alert) override;

private:
    qint64 now() const;

    ITelemetryRateControl *m_control = nullptr;
    std::chrono::milliseconds m_sampleInterval;
    std::chrono::milliseconds m_duration;
    std::function<qint64()> m_clock;
};

} // namespace Continuo
