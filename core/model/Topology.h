#pragma once

#include "model/Enums.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <variant>

namespace Continuo {

/// Free-form key/value labels in Kubernetes style ("zone" -> "athens-1").
using Labels = QMap<QString, QString>;

struct GeoLocation
{
    QString name;           ///< Human name of the place ("Athens", "Frankfurt").
    double latitude = 0.0;  ///< Degrees, WGS84.
    double longitude = 0.0; ///< Degrees, WGS84.
    bool operator==(const GeoLocation &) const = default;
};

/// A place that hosts infrastructure: an edge site, a cloud region or an HPC centre.
struct Site
{
    QString id;
    QString name;
    SiteKind kind = SiteKind::Unknown;
    GeoLocation location;
    Labels labels;
    bool operator==(const Site &) const = default;
};

/// A group of nodes managed by one backend (a Kubernetes cluster, a Slurm cluster, a libvirt pool).
struct Cluster
{
    QString id;
    QString name;
    QString siteId;
    BackendKind backend = BackendKind::Unknown;
    QString pluginId; ///< Id of the plugin that owns and drives this cluster.
    Labels labels;
    bool operator==(const Cluster &) const = default;
};

struct Capacity
{
    double cpuCores = 0.0;
    qint64 memoryBytes = 0;
    qint64 diskBytes = 0;
    bool operator==(const Capacity &) const = default;
};

struct Node
{
    QString id;
    QString name;
    QString siteId;
    QString clusterId;
    Capacity capacity;
    QString arch; ///< "x86_64", "aarch64", "riscv64".
    Labels labels;
    SecurityTier securityTier = SecurityTier::Unknown;
    NodeState state = NodeState::Unknown;
    bool operator==(const Node &) const = default;
};

/// An accelerator attached to a node.
struct Device
{
    QString id;
    QString nodeId;
    DeviceKind kind = DeviceKind::Unknown;
    QString model; ///< "NVIDIA A100", "Xilinx Alveo U280".
    qint64 memoryBytes = 0;
    bool vaccelCapable = false; ///< Usable through vAccel from guests.
    bool operator==(const Device &) const = default;
};

/// A programmable (P4) switch of the fabric.
struct Switch
{
    QString id;
    QString name;
    QString siteId; ///< Empty for backbone switches that belong to no site.
    QString target; ///< "bmv2", "tofino".
    QString managementAddress;
    int portCount = 0;
    SwitchState state = SwitchState::Unknown;
    bool operator==(const Switch &) const = default;
};

/// One end of a link: a switch or node id and a port number on it.
struct LinkEndpoint
{
    QString id;
    int port = 0;
    bool operator==(const LinkEndpoint &) const = default;
};

/// A bidirectional link between two endpoints.
struct Link
{
    QString id;
    LinkEndpoint a;
    LinkEndpoint b;
    qint64 capacityBitsPerSecond = 0;
    double latencyMs = 0.0; ///< Nominal one-way latency; live values come from telemetry.
    LinkState state = LinkState::Unknown;
    bool operator==(const Link &) const = default;
};

/// A place where storage fragments can be kept.
struct StorageLocation
{
    QString id;
    QString name;
    QString siteId;
    StorageKind kind = StorageKind::Unknown;
    double costPerGibMonth = 0.0;
    double latencyMs = 0.0;
    qint64 capacityBytes = 0;
    bool operator==(const StorageLocation &) const = default;
};

/// What kind of inventory object an id refers to.
enum class EntityKind { Unknown, Site, Cluster, Node, Device, Switch, Link, StorageLocation };
CONTINUO_CORE_EXPORT QString toString(EntityKind value);
template<> CONTINUO_CORE_EXPORT EntityKind enumFromString<EntityKind>(const QString &text);

/// Any inventory object.
using Entity = std::variant<Site, Cluster, Node, Device, Switch, Link, StorageLocation>;

inline EntityKind entityKind(const Entity &entity)
{
    return static_cast<EntityKind>(entity.index() + 1);
}

inline const QString &entityId(const Entity &entity)
{
    return std::visit([](const auto &value) -> const QString & { return value.id; }, entity);
}

} // namespace Continuo
