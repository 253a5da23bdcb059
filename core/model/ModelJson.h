#pragma once

#include "model/Event.h"
#include "model/Inventory.h"
#include "model/Workload.h"

#include <QJsonObject>

namespace Continuo {

/// JSON forms of the model types, used by the store, scenario files and `--json` output.
/// Field names are camelCase and stable; enum values use toString() names.
CONTINUO_CORE_EXPORT QJsonObject toJson(const Entity &entity);
CONTINUO_CORE_EXPORT Result<Entity> entityFromJson(EntityKind kind, const QJsonObject &object);

CONTINUO_CORE_EXPORT QJsonObject toJson(const Event &event);
CONTINUO_CORE_EXPORT Result<Event> eventFromJson(const QJsonObject &object);

CONTINUO_CORE_EXPORT QJsonObject toJson(const AuditEntry &entry);
CONTINUO_CORE_EXPORT Result<AuditEntry> auditEntryFromJson(const QJsonObject &object);

CONTINUO_CORE_EXPORT QJsonObject toJson(const Workload &workload);
CONTINUO_CORE_EXPORT Result<Workload> workloadFromJson(const QJsonObject &object);

CONTINUO_CORE_EXPORT QJsonObject toJson(const Deployment &deployment);
CONTINUO_CORE_EXPORT Result<Deployment> deploymentFromJson(const QJsonObject &object);

CONTINUO_CORE_EXPORT QJsonObject toJson(const InventorySnapshot &snapshot);
CONTINUO_CORE_EXPORT Result<InventorySnapshot> snapshotFromJson(const QJsonObject &object);

CONTINUO_CORE_EXPORT QJsonObject labelsToJson(const Labels &labels);
CONTINUO_CORE_EXPORT Labels labelsFromJson(const QJsonObject &object);

} // namespace Continuo
