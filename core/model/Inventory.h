#pragma once

#include "model/Topology.h"
#include "util/Result.h"

#include <QHash>
#include <QList>

#include <optional>
#include <tuple>

namespace Continuo {

enum class DeltaOperation { Unknown, Upsert, Remove };

/// One change to the inventory as observed by watchers.
struct InventoryDelta
{
    DeltaOperation operation = DeltaOperation::Unknown;
    qint64 revision = 0; ///< Inventory revision after this delta was applied.
    EntityKind kind = EntityKind::Unknown;
    QString id;
    std::optional<Entity> entity; ///< The new value for Upsert; empty for Remove.
    bool operator==(const InventoryDelta &) const = default;
};

/// Changes a plugin or operator wants applied together.
class CONTINUO_CORE_EXPORT InventoryChangeSet
{
public:
    struct Change
    {
        DeltaOperation operation = DeltaOperation::Unknown;
        EntityKind kind = EntityKind::Unknown;
        QString id;
        std::optional<Entity> entity;
    };

    void upsert(Entity entity);
    void remove(EntityKind kind, const QString &id);
    const QList<Change> &changes() const { return m_changes; }
    bool isEmpty() const { return m_changes.isEmpty(); }
    qsizetype size() const { return m_changes.size(); }

private:
    QList<Change> m_changes;
};

/// A full copy of the inventory at one revision, each list sorted by id.
struct InventorySnapshot
{
    qint64 revision = 0;
    QList<Site> sites;
    QList<Cluster> clusters;
    QList<Node> nodes;
    QList<Device> devices;
    QList<Switch> switches;
    QList<Link> links;
    QList<StorageLocation> storageLocations;
    bool operator==(const InventorySnapshot &) const = default;
};

/// The continuum graph. Applies change sets atomically and reports what actually changed.
/// Not thread-safe: owned by one thread (the engine's), copied as snapshots elsewhere.
class CONTINUO_CORE_EXPORT Inventory
{
public:
    Inventory() = default;
    explicit Inventory(const InventorySnapshot &snapshot);

    qint64 revision() const { return m_revision; }

    /// Validate the whole set, then apply it. Upserts equal to the stored value and removals of
    /// absent ids produce no delta. On a validation error nothing is applied.
    Result<QList<InventoryDelta>> apply(const InventoryChangeSet &changes);

    /// Apply deltas received from elsewhere (a remote engine), keeping their revisions.
    void applyDeltas(const QList<InventoryDelta> &deltas);

    void reset(const InventorySnapshot &snapshot);
    InventorySnapshot snapshot() const;

    template<typename T>
    const QHash<QString, T> &all() const
    {
        return std::get<QHash<QString, T>>(m_tables);
    }

    template<typename T>
    const T *find(const QString &id) const
    {
        const auto &table = all<T>();
        auto it = table.constFind(id);
        return it == table.cend() ? nullptr : &it.value();
    }

    std::optional<Entity> entity(EntityKind kind, const QString &id) const;

    qsizetype count(EntityKind kind) const;
    /// Devices attached to the node, by id order.
    QList<Device> devicesOfNode(const QString &nodeId) const;

private:
    static Result<void> validate(const Entity &entity);
    bool store(const Entity &entity);   // true if it changed
    bool erase(EntityKind kind, const QString &id);

    template<typename T>
    QHash<QString, T> &table()
    {
        return std::get<QHash<QString, T>>(m_tables);
    }

    qint64 m_revision = 0;
    std::tuple<QHash<QString, Site>, QHash<QString, Cluster>, QHash<QString, Node>,
               QHash<QString, Device>, QHash<QString, Switch>, QHash<QString, Link>,
               QHash<QString, StorageLocation>>
        m_tables;
    QHash<QString, QList<QString>> m_devicesByNode;
};

} // namespace Continuo
