#pragma once

#include "anomaly/Alert.h"
#include "anomaly/AlertRule.h"
#include "continuo_core_export.h"
#include "engine/EngineStatus.h"
#include "model/Event.h"
#include "model/Inventory.h"
#include "model/Workload.h"
#include "network/NetworkTypes.h"
#include "orchestration/PlacementPlanner.h"
#include "orchestration/ResourceQuery.h"
#include "plugin/IComputeBackend.h"
#include "plugin/PluginSpec.h"
#include "telemetry/Series.h"
#include "telemetry/TelemetryQuery.h"

#include "continuo/v1/continuo.pb.h"

#include <optional>

namespace Continuo::Api {

namespace v1 = ::continuo::v1;

/// Model <-> continuo.v1 conversions. Enum numbers are shared by both sides; a number the model
/// does not know (a newer peer, a bad client) becomes the enum's Unknown value.
/// JSON fields (event payload, audit details) that do not parse as an object become {}.

CONTINUO_CORE_EXPORT void toProto(const Site &from, v1::Site *to);
CONTINUO_CORE_EXPORT void toProto(const Cluster &from, v1::Cluster *to);
CONTINUO_CORE_EXPORT void toProto(const Node &from, v1::Node *to);
CONTINUO_CORE_EXPORT void toProto(const Device &from, v1::Device *to);
CONTINUO_CORE_EXPORT void toProto(const Switch &from, v1::Switch *to);
CONTINUO_CORE_EXPORT void toProto(const Link &from, v1::Link *to);
CONTINUO_CORE_EXPORT void toProto(const StorageLocation &from, v1::StorageLocation *to);
CONTINUO_CORE_EXPORT void toProto(const Entity &from, v1::Entity *to);
CONTINUO_CORE_EXPORT void toProto(const InventorySnapshot &from, v1::InventorySnapshot *to);
CONTINUO_CORE_EXPORT void toProto(const InventoryDelta &from, v1::InventoryDelta *to);
CONTINUO_CORE_EXPORT void toProto(const Event &from, v1::Event *to);
CONTINUO_CORE_EXPORT void toProto(const AuditEntry &from, v1::AuditEntry *to);
CONTINUO_CORE_EXPORT void toProto(const PluginInfo &from, v1::PluginInfo *to);
CONTINUO_CORE_EXPORT void toProto(const EngineStatus &from, v1::EngineStatus *to);
CONTINUO_CORE_EXPORT void toProto(const Sample &from, v1::Sample *to);
CONTINUO_CORE_EXPORT void toProto(const SeriesBatch &from, v1::SeriesBatch *to);

CONTINUO_CORE_EXPORT Site fromProto(const v1::Site &from);
CONTINUO_CORE_EXPORT Cluster fromProto(const v1::Cluster &from);
CONTINUO_CORE_EXPORT Node fromProto(const v1::Node &from);
CONTINUO_CORE_EXPORT Device fromProto(const v1::Device &from);
CONTINUO_CORE_EXPORT Switch fromProto(const v1::Switch &from);
CONTINUO_CORE_EXPORT Link fromProto(const v1::Link &from);
CONTINUO_CORE_EXPORT StorageLocation fromProto(const v1::StorageLocation &from);
/// Empty when the oneof is not set.
CONTINUO_CORE_EXPORT std::optional<Entity> fromProto(const v1::Entity &from);
CONTINUO_CORE_EXPORT InventorySnapshot fromProto(const v1::InventorySnapshot &from);
CONTINUO_CORE_EXPORT InventoryDelta fromProto(const v1::InventoryDelta &from);
CONTINUO_CORE_EXPORT Event fromProto(const v1::Event &from);
CONTINUO_CORE_EXPORT AuditEntry fromProto(const v1::AuditEntry &from);
CONTINUO_CORE_EXPORT PluginInfo fromProto(const v1::PluginInfo &from);
CONTINUO_CORE_EXPORT EngineStatus fromProto(const v1::EngineStatus &from);
CONTINUO_CORE_EXPORT Sample fromProto(const v1::Sample &from);
CONTINUO_CORE_EXPORT SeriesBatch fromProto(const v1::SeriesBatch &from);

// ---- telemetry queries and alerting ----------------------------------------------------------
// Values the server sends are read leniently (unknown enum numbers become Unknown). What a
// client asks for (a query, a rule) is checked: the Result's error says what is wrong, for an
// INVALID_ARGUMENT answer, and never crashes.

CONTINUO_CORE_EXPORT void toProto(const DownsampledSeries &from, v1::DownsampledSeries *to);
CONTINUO_CORE_EXPORT void toProto(const RangeQuery &from, v1::RangeQuery *to);
CONTINUO_CORE_EXPORT void toProto(const QueryResult &from, v1::QueryResult *to);
CONTINUO_CORE_EXPORT void toProto(const Alert &from, v1::Alert *to);
CONTINUO_CORE_EXPORT void toProto(const Silence &from, v1::Silence *to);
CONTINUO_CORE_EXPORT void toProto(const AlertRule &from, v1::AlertRule *to);
CONTINUO_CORE_EXPORT v1::QueryResolution toProto(QueryResolution resolution);
CONTINUO_CORE_EXPORT v1::AlertSeverity toProto(AlertSeverity severity);
CONTINUO_CORE_EXPORT v1::AlertState toProto(AlertState state);

/// Fails when the column arrays differ in length.
CONTINUO_CORE_EXPORT Result<DownsampledSeries> fromProto(const v1::DownsampledSeries &from);
/// Unspecified enums take the model's defaults (value, no aggregation, by, auto) and a zero
/// lookback the default lookback; numbers the model does not define are refused.
CONTINUO_CORE_EXPORT Result<RangeQuery> fromProto(const v1::RangeQuery &from);
CONTINUO_CORE_EXPORT QueryResult fromProto(const v1::QueryResult &from);
CONTINUO_CORE_EXPORT Alert fromProto(const v1::Alert &from);
CONTINUO_CORE_EXPORT Silence fromProto(const v1::Silence &from);
/// Parses the expression (AlertRule::parse) and checks the other fields; every error names the
/// rule. An unspecified severity is a warning.
CONTINUO_CORE_EXPORT Result<AlertRule> fromProto(const v1::AlertRule &from);
/// Resolution from the wire (unspecified: Auto); empty for numbers the model does not define.
CONTINUO_CORE_EXPORT std::optional<QueryResolution> queryResolutionFromProto(int value);

/// Node state from the wire; empty for numbers the model does not define.
CONTINUO_CORE_EXPORT std::optional<NodeState> nodeStateFromProto(int value);
CONTINUO_CORE_EXPORT v1::NodeState toProto(NodeState state);

// ---- placement and orchestration ----------------------------------------------------------
CONTINUO_CORE_EXPORT void toProto(const Workload &from, v1::Workload *to);
CONTINUO_CORE_EXPORT void toProto(const RankedCandidate &from, v1::RankedCandidate *to);
CONTINUO_CORE_EXPORT void toProto(const PlacementRejection &from, v1::PlacementRejection *to);
CONTINUO_CORE_EXPORT void toProto(const Relaxation &from, v1::Relaxation *to);
CONTINUO_CORE_EXPORT void toProto(const PlacementDecision &from, v1::PlacementDecision *to);
CONTINUO_CORE_EXPORT void toProto(const DeploymentTransition &from, v1::DeploymentTransition *to);
CONTINUO_CORE_EXPORT void toProto(const Deployment &from, v1::Deployment *to);
CONTINUO_CORE_EXPORT void toProto(const PlacementExplanation &from, v1::PlacementExplanation *to);
CONTINUO_CORE_EXPORT void toProto(const PlannedMove &from, v1::PlannedMove *to);
CONTINUO_CORE_EXPORT void toProto(const WhatIfChange &from, v1::WhatIfChange *to);
CONTINUO_CORE_EXPORT void toProto(const WhatIfResult &from, v1::WhatIfResponse *to);
/// Attribute values travel as text.
CONTINUO_CORE_EXPORT void toProto(const ResourceMatch &from, v1::ResourceMatch *to);

CONTINUO_CORE_EXPORT Workload fromProto(const v1::Workload &from);
CONTINUO_CORE_EXPORT RankedCandidate fromProto(const v1::RankedCandidate &from);
CONTINUO_CORE_EXPORT PlacementRejection fromProto(const v1::PlacementRejection &from);
CONTINUO_CORE_EXPORT Relaxation fromProto(const v1::Relaxation &from);
CONTINUO_CORE_EXPORT PlacementDecision fromProto(const v1::PlacementDecision &from);
CONTINUO_CORE_EXPORT DeploymentTransition fromProto(const v1::DeploymentTransition &from);
CONTINUO_CORE_EXPORT Deployment fromProto(const v1::Deployment &from);
CONTINUO_CORE_EXPORT PlacementExplanation fromProto(const v1::PlacementExplanation &from);
CONTINUO_CORE_EXPORT PlannedMove fromProto(const v1::PlannedMove &from);
CONTINUO_CORE_EXPORT WhatIfChange fromProto(const v1::WhatIfChange &from);
CONTINUO_CORE_EXPORT WhatIfResult fromProto(const v1::WhatIfResponse &from);
/// Attribute values come back as strings.
CONTINUO_CORE_EXPORT ResourceMatch fromProto(const v1::ResourceMatch &from);

/// Properties travel as one JSON object (numbers, strings, string lists).
CONTINUO_CORE_EXPORT void toProto(const BackendObject &from, v1::BackendObject *to);
CONTINUO_CORE_EXPORT BackendObject fromProto(const v1::BackendObject &from);

// ---- P4 network control (issue 7): JSON strings in core/network's JSON forms ----------------

/// Compact JSON text of an object (what the network messages carry).
CONTINUO_CORE_EXPORT std::string jsonText(const QJsonObject &object);
/// The object in `text`; an error naming `what` and the parser's message when it is not one.
CONTINUO_CORE_EXPORT Result<QJsonObject> jsonObject(const std::string &text, const QString &what);

/// Client side of toJson(P4SwitchStatus) / toJson(RerouteRecord); missing keys keep defaults.
CONTINUO_CORE_EXPORT Result<P4SwitchStatus> p4SwitchStatusFromJson(const QJsonObject &json);
CONTINUO_CORE_EXPORT Result<RerouteRecord> rerouteRecordFromJson(const QJsonObject &json);

/// Entries in the JSON form of `program` (the switch's).
CONTINUO_CORE_EXPORT void toProto(const P4Program &program, const P4EntryStatus &from, v1::P4EntryState *to);
CONTINUO_CORE_EXPORT Result<P4EntryStatus> fromProto(const P4Program &program, const v1::P4EntryState &from);
CONTINUO_CORE_EXPORT void toProto(const P4Program &program, const P4ApplyResult &from, v1::SetP4EntriesResponse *to);
/// `switchId` is not on the wire: the caller knows it.
CONTINUO_CORE_EXPORT Result<P4ApplyResult> fromProto(const P4Program &program, const v1::SetP4EntriesResponse &from,
                                                     const QString &switchId);
CONTINUO_CORE_EXPORT void toProto(const P4Program &program, const P4Update &from, v1::P4PendingUpdate *to);
/// "insert" | "modify" | "delete"; anything else is an error.
CONTINUO_CORE_EXPORT Result<P4Update> fromProto(const P4Program &program, const v1::P4PendingUpdate &from);

} // namespace Continuo::Api
