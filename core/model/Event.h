#pragma once

#include "model/Enums.h"

#include <QJsonObject>
#include <QString>

namespace Continuo {

/// Well-known event types, `<category>.<event>` as in SERRANO's notification routing keys.
namespace EventTypes {
inline constexpr auto GeneralInformation = "General.Information";
inline constexpr auto TelemetryAgent = "Telemetry.Agent";
inline constexpr auto TelemetryProbe = "Telemetry.Probe";
inline constexpr auto ResourcesStatus = "Resources.Status";
inline constexpr auto InventoryChanged = "Inventory.Changed";
inline constexpr auto PluginState = "Plugin.State";
inline constexpr auto DeploymentState = "Deployment.State";
inline constexpr auto OperatorAction = "Operator.Action";
inline constexpr auto SimulatorFault = "Simulator.Fault";
/// A deployment moved (re-optimisation, closed loop, operator pin); payload has the reason.
inline constexpr auto PlacementMove = "Placement.Move";
/// A backend connection (Slurm cluster, libvirt host) came up or went down; payload "status"
/// "UP"/"DOWN", "cluster", "error".
inline constexpr auto BackendConnection = "Backend.Connection";
/// A backend object (job, domain) changed state or an action on it failed; payload "object",
/// "kind", "state", "deployment" and, for a domain that came up, "phases".
inline constexpr auto BackendObject = "Backend.Object";
/// P4 fabric (issue 7): a switch connected or failed, entries applied on a switch, a
/// connection or SLA rule changed, a flow rerouted by its SLA (subject: the connection id).
inline constexpr auto NetworkSwitch = "Network.Switch";
inline constexpr auto NetworkEntries = "Network.Entries";
inline constexpr auto NetworkConnection = "Network.Connection";
inline constexpr auto NetworkSla = "Network.Sla";
inline constexpr auto NetworkReroute = "Network.Reroute";
} // namespace EventTypes

/// Something that happened, in the order the engine saw it.
struct Event
{
    qint64 sequence = 0; ///< Assigned by the engine; strictly increasing, survives restarts.
    QString type;        ///< `<category>.<event>`, e.g. "Resources.Status".
    qint64 timestampMs = 0;
    EventSeverity severity = EventSeverity::Info;
    QString source;    ///< Who emitted it: "engine", "plugin:simulator", "probe:host".
    QString subjectId; ///< Inventory id the event is about, if any.
    QString message;   ///< One line for people.
    QJsonObject payload;
    bool operator==(const Event &) const = default;

    /// The part of the type before the first dot ("Resources").
    QString category() const { return type.section(QLatin1Char('.'), 0, 0); }
};

/// A record of an operator (or automatic) action, kept forever in the audit log.
struct AuditEntry
{
    qint64 id = 0;
    qint64 timestampMs = 0;
    QString actor;  ///< "user:alice", "console", "continuoctl", "automation:anomaly".
    QString action; ///< "node.set_state".
    QString target; ///< Inventory id acted on.
    QJsonObject details;
    bool operator==(const AuditEntry &) const = default;
};

/// Validate an event type string: non-empty category and event, letters/digits/_ only.
CONTINUO_CORE_EXPORT bool isValidEventType(const QString &type);

} // namespace Continuo
