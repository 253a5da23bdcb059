#include "api/ProtoConvert.h"

#include <QJsonDocument>

namespace Continuo::Api {

namespace {

template<typename Enum>
Enum enumFromWire(int value, Enum last)
{
    if (value < 0 || value > static_cast<int>(last))
        return static_cast<Enum>(0);
    return static_cast<Enum>(value);
}

std::string str(const QString &text)
{
    return text.toStdString();
}

QString qstr(const std::string &text)
{
    return QString::fromStdString(text);
}

void labelsToProto(const Labels &labels, google::protobuf::Map<std::string, std::string> *to)
{
    to->clear();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        (*to)[str(it.key())] = str(it.value());
}

Labels labelsFromProto(const google::protobuf::Map<std::string, std::string> &from)
{
    Labels labels;
    for (const auto &[key, value] : from)
        labels.insert(qstr(key), qstr(value));
    return labels;
}

std::string jsonToWire(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

QJsonObject jsonFromWire(const std::string &text)
{
    if (text.empty())
        return {};
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(text));
    return document.isObject() ? document.object() : QJsonObject();
}

template<typename ProtoList, typename T>
void listToProto(const QList<T> &from, ProtoList *to)
{
    to->Reserve(int(from.size()));
    for (const auto &item : from)
        toProto(item, to->Add());
}

template<typename T, typename ProtoList>
QList<T> listFromProto(const ProtoList &from)
{
    QList<T> list;
    list.reserve(from.size());
    for (const auto &item : from)
        list.append(fromProto(item));
    return list;
}

} // namespace

// ---- to the wire ------------------------------------------------------------------------------

void toProto(const Site &from, v1::Site *to)
{
    to->set_id(str(from.id));
    to->set_name(str(from.name));
    to->set_kind(static_cast<v1::SiteKind>(from.kind));
    auto *location = to->mutable_location();
    location->set_name(str(from.location.name));
    location->set_latitude(from.location.latitude);
    location->set_longitude(from.location.longitude);
    labelsToProto(from.labels, to->mutable_labels());
}

void toProto(const Cluster &from, v1::Cluster *to)
{
    to->set_id(str(from.id));
    to->set_name(str(from.name));
    to->set_site_id(str(from.siteId));
    to->set_backend(static_cast<v1::BackendKind>(from.backend));
    to->set_plugin_id(str(from.pluginId));
    labelsToProto(from.labels, to->mutable_labels());
}

void toProto(const Node &from, v1::Node *to)
{
    to->set_id(str(from.id));
    to->set_name(str(from.name));
    to->set_site_id(str(from.siteId));
    to->set_cluster_id(str(from.clusterId));
    auto *capacity = to->mutable_capacity();
    capacity->set_cpu_cores(from.capacity.cpuCores);
    capacity->set_memory_bytes(from.capacity.memoryBytes);
    capacity->set_disk_bytes(from.capacity.diskBytes);
    to->set_arch(str(from.arch));
    labelsToProto(from.labels, to->mutable_labels());
    to->set_security_tier(static_cast<v1::SecurityTier>(from.securityTier));
    to->set_state(static_cast<v1::NodeState>(from.state));
}

void toProto(const Device &from, v1::Device *to)
{
    to->set_id(str(from.id));
    to->set_node_id(str(from.nodeId));
    to->set_kind(static_cast<v1::DeviceKind>(from.kind));
    to->set_model(str(from.model));
    to->set_memory_bytes(from.memoryBytes);
    to->set_vaccel_capable(from.vaccelCapable);
}

void toProto(const Switch &from, v1::Switch *to)
{
    to->set_id(str(from.id));
    to->set_name(str(from.name));
    to->set_site_id(str(from.siteId));
    to->set_target(str(from.target));
    to->set_management_address(str(from.managementAddress));
    to->set_port_count(from.portCount);
    to->set_state(static_cast<v1::SwitchState>(from.state));
}

void toProto(const Link &from, v1::Link *to)
{
    to->set_id(str(from.id));
    to->mutable_a()->set_id(str(from.a.id));
    to->mutable_a()->set_port(from.a.port);
    to->mutable_b()->set_id(str(from.b.id));
    to->mutable_b()->set_port(from.b.port);
    to->set_capacity_bits_per_second(from.capacityBitsPerSecond);
    to->set_latency_ms(from.latencyMs);
    to->set_state(static_cast<v1::LinkState>(from.state));
}

void toProto(const StorageLocation &from, v1::StorageLocation *to)
{
    to->set_id(str(from.id));
    to->set_name(str(from.name));
    to->set_site_id(str(from.siteId));
    to->set_kind(static_cast<v1::StorageKind>(from.kind));
    to->set_cost_per_gib_month(from.costPerGibMonth);
    to->set_latency_ms(from.latencyMs);
    to->set_capacity_bytes(from.capacityBytes);
}

void toProto(const Entity &from, v1::Entity *to)
{
    std::visit(
        [to](const auto &value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, Site>)
                toProto(value, to->mutable_site());
            else if constexpr (std::is_same_v<T, Cluster>)
                toProto(value, to->mutable_cluster());
            else if constexpr (std::is_same_v<T, Node>)
                toProto(value, to->mutable_node());
            else if constexpr (std::is_same_v<T, Device>)
                toProto(value, to->mutable_device());
            else if constexpr (std::is_same_v<T, Switch>)
                toProto(value, to->mutable_switch_());
            else if constexpr (std::is_same_v<T, Link>)
                toProto(value, to->mutable_link());
            else if constexpr (std::is_same_v<T, StorageLocation>)
                toProto(value, to->mutable_storage_location());
        },
        from);
}

void toProto(const InventorySnapshot &from, v1::InventorySnapshot *to)
{
    to->set_revision(from.revision);
    listToProto(from.sites, to->mutable_sites());
    listToProto(from.clusters, to->mutable_clusters());
    listToProto(from.nodes, to->mutable_nodes());
    listToProto(from.devices, to->mutable_devices());
    listToProto(from.switches, to->mutable_switches());
    listToProto(from.links, to->mutable_links());
    listToProto(from.storageLocations, to->mutable_storage_locations());
}

void toProto(const InventoryDelta &from, v1::InventoryDelta *to)
{
    to->set_operation(static_cast<v1::DeltaOperation>(from.operation));
    to->set_revision(from.revision);
    to->set_kind(static_cast<v1::EntityKind>(from.kind));
    to->set_id(str(from.id));
    if (from.entity)
        toProto(*from.entity, to->mutable_entity());
}

void toProto(const Event &from, v1::Event *to)
{
    to->set_sequence(from.sequence);
    to->set_type(str(from.type));
    to->set_timestamp_ms(from.timestampMs);
    to->set_severity(static_cast<v1::EventSeverity>(from.severity));
    to->set_source(str(from.source));
    to->set_subject_id(str(from.subjectId));
    to->set_message(str(from.message));
    to->set_payload_json(jsonToWire(from.payload));
}

void toProto(const AuditEntry &from, v1::AuditEntry *to)
{
    to->set_id(from.id);
    to->set_timestamp_ms(from.timestampMs);
    to->set_actor(str(from.actor));
    to->set_action(str(from.action));
    to->set_target(str(from.target));
    to->set_details_json(jsonToWire(from.details));
}

void toProto(const PluginInfo &from, v1::PluginInfo *to)
{
    to->set_id(str(from.metadata.id));
    to->set_name(str(from.metadata.name));
    to->set_version(str(from.metadata.version));
    to->set_compat_version(str(from.metadata.compatVersion));
    to->set_core_api(from.metadata.coreApi);
    to->set_category(str(from.metadata.category));
    to->set_description(str(from.metadata.description));
    for (const auto &dependency : from.metadata.dependencies) {
        auto *added = to->add_dependencies();
        added->set_id(str(dependency.id));
        added->set_version(str(dependency.version));
    }
    to->set_file_path(str(from.filePath));
    to->set_state(static_cast<v1::PluginState>(from.state));
    to->set_error_string(str(from.errorString));
}

void toProto(const EngineStatus &from, v1::EngineStatus *to)
{
    to->set_state(static_cast<v1::EngineState>(from.state));
    to->set_state_message(str(from.stateMessage));
    to->set_version(str(from.version));
    to->set_host_name(str(from.hostName));
    to->set_data_directory(str(from.dataDirectory));
    to->set_scenario(str(from.scenario));
    to->set_started_at_ms(from.startedAtMs);
    to->set_inventory_revision(from.inventoryRevision);
    to->set_site_count(from.siteCount);
    to->set_node_count(from.nodeCount);
    to->set_switch_count(from.switchCount);
    to->set_link_count(from.linkCount);
    to->set_series_count(from.seriesCount);
    to->set_samples_ingested_total(from.samplesIngestedTotal);
    to->set_last_event_sequence(from.lastEventSequence);
    listToProto(from.plugins, to->mutable_plugins());
}

void toProto(const Sample &from, v1::Sample *to)
{
    to->set_timestamp_ms(from.timestampMs);
    to->set_value(from.value);
}

void toProto(const SeriesBatch &from, v1::SeriesBatch *to)
{
    to->set_metric(str(from.metric));
    labelsToProto(from.labels, to->mutable_labels());
    listToProto(from.samples, to->mutable_samples());
}

v1::NodeState toProto(NodeState state)
{
    return static_cast<v1::NodeState>(state);
}

// ---- from the wire ----------------------------------------------------------------------------

Site fromProto(const v1::Site &from)
{
    Site site;
    site.id = qstr(from.id());
    site.name = qstr(from.name());
    site.kind = enumFromWire(from.kind(), SiteKind::Hpc);
    site.location.name = qstr(from.location().name());
    site.location.latitude = from.location().latitude();
    site.location.longitude = from.location().longitude();
    site.labels = labelsFromProto(from.labels());
    return site;
}

Cluster fromProto(const v1::Cluster &from)
{
    Cluster cluster;
    cluster.id = qstr(from.id());
    cluster.name = qstr(from.name());
    cluster.siteId = qstr(from.site_id());
    cluster.backend = enumFromWire(from.backend(), BackendKind::Accelerator);
    cluster.pluginId = qstr(from.plugin_id());
    cluster.labels = labelsFromProto(from.labels());
    return cluster;
}

Node fromProto(const v1::Node &from)
{
    Node node;
    node.id = qstr(from.id());
    node.name = qstr(from.name());
    node.siteId = qstr(from.site_id());
    node.clusterId = qstr(from.cluster_id());
    node.capacity.cpuCores = from.capacity().cpu_cores();
    node.capacity.memoryBytes = from.capacity().memory_bytes();
    node.capacity.diskBytes = from.capacity().disk_bytes();
    node.arch = qstr(from.arch());
    node.labels = labelsFromProto(from.labels());
    node.securityTier = enumFromWire(from.security_tier(), SecurityTier::Confidential);
    node.state = enumFromWire(from.state(), NodeState::Maintenance);
    return node;
}

Device fromProto(const v1::Device &from)
{
    Device device;
    device.id = qstr(from.id());
    device.nodeId = qstr(from.node_id());
    device.kind = enumFromWire(from.kind(), DeviceKind::Fpga);
    device.model = qstr(from.model());
    device.memoryBytes = from.memory_bytes();
    device.vaccelCapable = from.vaccel_capable();
    return device;
}

Switch fromProto(const v1::Switch &from)
{
    Switch sw;
    sw.id = qstr(from.id());
    sw.name = qstr(from.name());
    sw.siteId = qstr(from.site_id());
    sw.target = qstr(from.target());
    sw.managementAddress = qstr(from.management_address());
    sw.portCount = from.port_count();
    sw.state = enumFromWire(from.state(), SwitchState::Down);
    return sw;
}

Link fromProto(const v1::Link &from)
{
    Link link;
    link.id = qstr(from.id());
    link.a.id = qstr(from.a().id());
    link.a.port = from.a().port();
    link.b.id = qstr(from.b().id());
    link.b.port = from.b().port();
    link.capacityBitsPerSecond = from.capacity_bits_per_second();
    link.latencyMs = from.latency_ms();
    link.state = enumFromWire(from.state(), LinkState::Down);
    return link;
}

StorageLocation fromProto(const v1::StorageLocation &from)
{
    StorageLocation location;
    location.id = qstr(from.id());
    location.name = qstr(from.name());
    location.siteId = qstr(from.site_id());
    location.kind = enumFromWire(from.kind(), StorageKind::Cloud);
    location.costPerGibMonth = from.cost_per_gib_month();
    location.latencyMs = from.latency_ms();
    location.capacityBytes = from.capacity_bytes();
    return location;
}

std::optional<Entity> fromProto(const v1::Entity &from)
{
    switch (from.value_case()) {
    case v1::Entity::kSite:
        return Entity(fromProto(from.site()));
    case v1::Entity::kCluster:
        return Entity(fromProto(from.cluster()));
    case v1::Entity::kNode:
        return Entity(fromProto(from.node()));
    case v1::Entity::kDevice:
        return Entity(fromProto(from.device()));
    case v1::Entity::kSwitch:
        return Entity(fromProto(from.switch_()));
    case v1::Entity::kLink:
        return Entity(fromProto(from.link()));
    case v1::Entity::kStorageLocation:
        return Entity(fromProto(from.storage_location()));
    case v1::Entity::VALUE_NOT_SET:
        break;
    }
    return std::nullopt;
}

InventorySnapshot fromProto(const v1::InventorySnapshot &from)
{
    InventorySnapshot snapshot;
    snapshot.revision = from.revision();
    snapshot.sites = listFromProto<Site>(from.sites());
    snapshot.clusters = listFromProto<Cluster>(from.clusters());
    snapshot.nodes = listFromProto<Node>(from.nodes());
    snapshot.devices = listFromProto<Device>(from.devices());
    snapshot.switches = listFromProto<Switch>(from.switches());
    snapshot.links = listFromProto<Link>(from.links());
    snapshot.storageLocations = listFromProto<StorageLocation>(from.storage_locations());
    return snapshot;
}

InventoryDelta fromProto(const v1::InventoryDelta &from)
{
    InventoryDelta delta;
    delta.operation = enumFromWire(from.operation(), DeltaOperation::Remove);
    delta.revision = from.revision();
    delta.kind = enumFromWire(from.kind(), EntityKind::StorageLocation);
    delta.id = qstr(from.id());
    if (from.has_entity())
        delta.entity = fromProto(from.entity());
    return delta;
}

Event fromProto(const v1::Event &from)
{
    Event event;
    event.sequence = from.sequence();
    event.type = qstr(from.type());
    event.timestampMs = from.timestamp_ms();
    event.severity = enumFromWire(from.severity(), EventSeverity::Critical);
    event.source = qstr(from.source());
    event.subjectId = qstr(from.subject_id());
    event.message = qstr(from.message());
    event.payload = jsonFromWire(from.payload_json());
    return event;
}

AuditEntry fromProto(const v1::AuditEntry &from)
{
    AuditEntry entry;
    entry.id = from.id();
    entry.timestampMs = from.timestamp_ms();
    entry.actor = qstr(from.actor());
    entry.action = qstr(from.action());
    entry.target = qstr(from.target());
    entry.details = jsonFromWire(from.details_json());
    return entry;
}

PluginInfo fromProto(const v1::PluginInfo &from)
{
    PluginInfo info;
    info.metadata.id = qstr(from.id());
    info.metadata.name = qstr(from.name());
    info.metadata.version = qstr(from.version());
    info.metadata.compatVersion = qstr(from.compat_version());
    info.metadata.coreApi = from.core_api();
    info.metadata.category = qstr(from.category());
    info.metadata.description = qstr(from.description());
    for (const auto &dependency : from.dependencies())
        info.metadata.dependencies.append({qstr(dependency.id()), qstr(dependency.version())});
    info.filePath = qstr(from.file_path());
    info.state = enumFromWire(from.state(), PluginState::Stopped);
    info.errorString = qstr(from.error_string());
    return info;
}

EngineStatus fromProto(const v1::EngineStatus &from)
{
    EngineStatus status;
    status.state = enumFromWire(from.state(), EngineState::ShuttingDown);
    status.stateMessage = qstr(from.state_message());
    status.version = qstr(from.version());
    status.hostName = qstr(from.host_name());
    status.dataDirectory = qstr(from.data_directory());
    status.scenario = qstr(from.scenario());
    status.startedAtMs = from.started_at_ms();
    status.inventoryRevision = from.inventory_revision();
    status.siteCount = from.site_count();
    status.nodeCount = from.node_count();
    status.switchCount = from.switch_count();
    status.linkCount = from.link_count();
    status.seriesCount = from.series_count();
    status.samplesIngestedTotal = from.samples_ingested_total();
    status.lastEventSequence = from.last_event_sequence();
    status.plugins = listFromProto<PluginInfo>(from.plugins());
    return status;
}

Sample fromProto(const v1::Sample &from)
{
    return Sample{from.timestamp_ms(), from.value()};
}

SeriesBatch fromProto(const v1::SeriesBatch &from)
{
    SeriesBatch batch;
    batch.metric = qstr(from.metric());
    batch.labels = labelsFromProto(from.labels());
    batch.samples = listFromProto<Sample>(from.samples());
    return batch;
}

std::optional<NodeState> nodeStateFromProto(int value)
{
    if (value < 0 || value > static_cast<int>(NodeState::Maintenance))
        return std::nullopt;
    return static_cast<NodeState>(value);
}

} // namespace Continuo::Api
