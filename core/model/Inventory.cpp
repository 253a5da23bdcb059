#include "model/Inventory.h"

#include <algorithm>

namespace Continuo {

void InventoryChangeSet::upsert(Entity entity)
{
    Change change;
    change.operation = DeltaOperation::Upsert;
    change.kind = entityKind(entity);
    change.id = entityId(entity);
    change.entity = std::move(entity);
    m_changes.append(std::move(change));
}

void InventoryChangeSet::remove(EntityKind kind, const QString &id)
{
    m_changes.append({DeltaOperation::Remove, kind, id, std::nullopt});
}

Inventory::Inventory(const InventorySnapshot &snapshot)
{
    reset(snapshot);
}

Result<void> Inventory::validate(const Entity &entity)
{
    const QString &id = entityId(entity);
    if (id.isEmpty())
        return makeError(QStringLiteral("%1 without an id").arg(toString(entityKind(entity))));
    if (id.size() > 253)
        return makeError(QStringLiteral("id longer than 253 characters: %1…").arg(id.left(40)));
    if (const auto *device = std::get_if<Device>(&entity); device && device->nodeId.isEmpty())
        return makeError(QStringLiteral("device %1 is attached to no node").arg(id));
    if (const auto *link = std::get_if<Link>(&entity)) {
        if (link->a.id.isEmpty() || link->b.id.isEmpty())
            return makeError(QStringLiteral("link %1 needs two endpoints").arg(id));
        if (link->latencyMs < 0 || link->capacityBitsPerSecond < 0)
            return makeError(QStringLiteral("link %1 has a negative latency or capacity").arg(id));
    }
    if (const auto *node = std::get_if<Node>(&entity)) {
        if (node->capacity.cpuCores < 0 || node->capacity.memoryBytes < 0
            || node->capacity.diskBytes < 0)
            return makeError(QStringLiteral("node %1 has a negative capacity").arg(id));
    }
    return {};
}

Result<QList<InventoryDelta>> Inventory::apply(const InventoryChangeSet &changes)
{
    for (const auto &change : changes.changes()) {
        switch (change.operation) {
        case DeltaOperation::Upsert:
            if (!change.entity)
                return makeError(QStringLiteral("upsert of %1 without a value").arg(change.id));
            if (auto valid = validate(*change.entity); !valid)
                return makeError(valid.error());
            break;
        case DeltaOperation::Remove:
            if (change.kind == EntityKind::Unknown || change.id.isEmpty())
                return makeError(QStringLiteral("removal needs a kind and an id"));
            break;
        case DeltaOperation::Unknown:
            return makeError(QStringLiteral("change of %1 has no operation").arg(change.id));
        }
    }

    QList<InventoryDelta> deltas;
    for (const auto &change : changes.changes()) {
        if (change.operation == DeltaOperation::Upsert) {
            if (!store(*change.entity))
                continue;
            deltas.append({DeltaOperation::Upsert, ++m_revision, change.kind, change.id,
                           change.entity});
        } else {
            if (!erase(change.kind, change.id))
                continue;
            deltas.append({DeltaOperation::Remove, ++m_revision, change.kind, change.id,
                           std::nullopt});
        }
    }
    return deltas;
}

void Inventory::applyDeltas(const QList<InventoryDelta> &deltas)
{
    for (const auto &delta : deltas) {
        if (delta.operation == DeltaOperation::Upsert && delta.entity)
            store(*delta.entity);
        else if (delta.operation == DeltaOperation::Remove)
            erase(delta.kind, delta.id);
        m_revision = std::max(m_revision, delta.revision);
    }
}

bool Inventory::store(const Entity &entity)
{
    return std::visit(
        [this](const auto &value) {
            using T = std::decay_t<decltype(value)>;
            auto &hash = table<T>();
            auto it = hash.find(value.id);
            if (it != hash.end() && it.value() == value)
                return false;
            if constexpr (std::is_same_v<T, Device>) {
                if (it != hash.end() && it.value().nodeId != value.nodeId)
                    m_devicesByNode[it.value().nodeId].removeOne(value.id);
                auto &list = m_devicesByNode[value.nodeId];
                if (!list.contains(value.id))
                    list.append(value.id);
            }
            if (it == hash.end())
                hash.insert(value.id, value);
            else
                it.value() = value;
            return true;
        },
        entity);
}

bool Inventory::erase(EntityKind kind, const QString &id)
{
    switch (kind) {
    case EntityKind::Site:
        return table<Site>().remove(id);
    case EntityKind::Cluster:
        return table<Cluster>().remove(id);
    case EntityKind::Node:
        return table<Node>().remove(id);
    case EntityKind::Device: {
        auto &devices = table<Device>();
        auto it = devices.find(id);
        if (it == devices.end())
            return false;
        auto byNode = m_devicesByNode.find(it.value().nodeId);
        if (byNode != m_devicesByNode.end()) {
            byNode.value().removeOne(id);
            if (byNode.value().isEmpty())
                m_devicesByNode.erase(byNode);
        }
        devices.erase(it);
        return true;
    }
    case EntityKind::Switch:
        return table<Switch>().remove(id);
    case EntityKind::Link:
        return table<Link>().remove(id);
    case EntityKind::StorageLocation:
        return table<StorageLocation>().remove(id);
    case EntityKind::Unknown:
        break;
    }
    return false;
}

void Inventory::reset(const InventorySnapshot &snapshot)
{
    m_tables = {};
    m_devicesByNode.clear();
    for (const auto &value : snapshot.sites)
        store(value);
    for (const auto &value : snapshot.clusters)
        store(value);
    for (const auto &value : snapshot.nodes)
        store(value);
    for (const auto &value : snapshot.devices)
        store(value);
    for (const auto &value : snapshot.switches)
        store(value);
    for (const auto &value : snapshot.links)
        store(value);
    for (const auto &value : snapshot.storageLocations)
        store(value);
    m_revision = snapshot.revision;
}

namespace {
template<typename T>
QList<T> sortedValues(const QHash<QString, T> &hash)
{
    QList<T> values = hash.values();
    std::sort(values.begin(), values.end(),
              [](const T &left, const T &right) { return left.id < right.id; });
    return values;
}
} // namespace

InventorySnapshot Inventory::snapshot() const
{
    InventorySnapshot snapshot;
    snapshot.revision = m_revision;
    snapshot.sites = sortedValues(all<Site>());
    snapshot.clusters = sortedValues(all<Cluster>());
    snapshot.nodes = sortedValues(all<Node>());
    snapshot.devices = sortedValues(all<Device>());
    snapshot.switches = sortedValues(all<Switch>());
    snapshot.links = sortedValues(all<Link>());
    snapshot.storageLocations = sortedValues(all<StorageLocation>());
    return snapshot;
}

std::optional<Entity> Inventory::entity(EntityKind kind, const QString &id) const
{
    auto lookup = [&id](const auto &hash) -> std::optional<Entity> {
        auto it = hash.constFind(id);
        if (it == hash.cend())
            return std::nullopt;
        return Entity(it.value());
    };
    switch (kind) {
    case EntityKind::Site:
        return lookup(all<Site>());
    case EntityKind::Cluster:
        return lookup(all<Cluster>());
    case EntityKind::Node:
        return lookup(all<Node>());
    case EntityKind::Device:
        return lookup(all<Device>());
    case EntityKind::Switch:
        return lookup(all<Switch>());
    case EntityKind::Link:
        return lookup(all<Link>());
    case EntityKind::StorageLocation:
        return lookup(all<StorageLocation>());
    case EntityKind::Unknown:
        break;
    }
    return std::nullopt;
}

qsizetype Inventory::count(EntityKind kind) const
{
    switch (kind) {
    case EntityKind::Site:
        return all<Site>().size();
    case EntityKind::Cluster:
        return all<Cluster>().size();
    case EntityKind::Node:
        return all<Node>().size();
    case EntityKind::Device:
        return all<Device>().size();
    case EntityKind::Switch:
        return all<Switch>().size();
    case EntityKind::Link:
        return all<Link>().size();
    case EntityKind::StorageLocation:
        return all<StorageLocation>().size();
    case EntityKind::Unknown:
        break;
    }
    return 0;
}

QList<Device> Inventory::devicesOfNode(const QString &nodeId) const
{
    QList<Device> devices;
    const auto ids = m_devicesByNode.value(nodeId);
    for (const auto &id : ids) {
        if (const auto *device = find<Device>(id))
            devices.append(*device);
    }
    std::sort(devices.begin(), devices.end(),
              [](const Device &left, const Device &right) { return left.id < right.id; });
    return devices;
}

} // namespace Continuo
