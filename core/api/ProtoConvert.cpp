#include "api/ProtoConvert.h"

#include <QJsonArray>
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

// ---- telemetry queries and alerting ----------------------------------------------------------

namespace {

/// A wire enum number as the model enum; empty when the model does not define it.
template <typename Enum> std::optional<Enum> strictEnumFromWire(int value, Enum last)
{
    if (value < 0 || value > static_cast<int>(last))
        return std::nullopt;
    return static_cast<Enum>(value);
}

QStringList stringsFromProto(const google::protobuf::RepeatedPtrField<std::string> &from)
{
    QStringList list;
    list.reserve(from.size());
    for (const auto &text : from)
        list.append(qstr(text));
    return list;
}

void stringsToProto(const QStringList &from, google::protobuf::RepeatedPtrField<std::string> *to)
{
    to->Reserve(int(from.size()));
    for (const auto &text : from)
        to->Add(str(text));
}

} // namespace

v1::QueryResolution toProto(QueryResolution resolution)
{
    return static_cast<v1::QueryResolution>(resolution);
}

v1::AlertSeverity toProto(AlertSeverity severity)
{
    return static_cast<v1::AlertSeverity>(severity);
}

v1::AlertState toProto(AlertState state)
{
    return static_cast<v1::AlertState>(state);
}

std::optional<QueryResolution> queryResolutionFromProto(int value)
{
    if (value == v1::QUERY_RESOLUTION_UNSPECIFIED)
        return QueryResolution::Auto;
    return strictEnumFromWire(value, QueryResolution::OneHour);
}

void toProto(const DownsampledSeries &from, v1::DownsampledSeries *to)
{
    to->set_metric(str(from.metric));
    labelsToProto(from.labels, to->mutable_labels());
    to->set_resolution(toProto(from.resolution));
    const int n = int(from.columns.size());
    to->mutable_start_ms()->Reserve(n);
    to->mutable_end_ms()->Reserve(n);
    to->mutable_min()->Reserve(n);
    to->mutable_max()->Reserve(n);
    to->mutable_min_timestamp_ms()->Reserve(n);
    to->mutable_max_timestamp_ms()->Reserve(n);
    to->mutable_count()->Reserve(n);
    for (const DownsampledColumn &column : from.columns) {
        to->add_start_ms(column.startMs);
        to->add_end_ms(column.endMs);
        to->add_min(column.min);
        to->add_max(column.max);
        to->add_min_timestamp_ms(column.minTimestampMs);
        to->add_max_timestamp_ms(column.maxTimestampMs);
        to->add_count(column.count);
    }
}

Result<DownsampledSeries> fromProto(const v1::DownsampledSeries &from)
{
    const int n = from.start_ms_size();
    if (from.end_ms_size() != n || from.min_size() != n || from.max_size() != n ||
        from.min_timestamp_ms_size() != n || from.max_timestamp_ms_size() != n ||
        from.count_size() != n)
        return makeError(QStringLiteral("downsampled series %1 has column arrays of different "
                                        "lengths")
                             .arg(seriesKey(qstr(from.metric()), labelsFromProto(from.labels()))));
    DownsampledSeries series;
    series.metric = qstr(from.metric());
    series.labels = labelsFromProto(from.labels());
    series.resolution = enumFromWire(from.resolution(), QueryResolution::OneHour);
    series.columns.reserve(n);
    for (int i = 0; i < n; ++i) {
        series.columns.append(DownsampledColumn{from.start_ms(i), from.end_ms(i), from.min(i),
                                                from.max(i), from.min_timestamp_ms(i),
                                                from.max_timestamp_ms(i), from.count(i)});
    }
    return series;
}

void toProto(const RangeQuery &from, v1::RangeQuery *to)
{
    to->set_selector(str(from.selector));
    to->set_start_ms(from.startMs);
    to->set_end_ms(from.endMs);
    to->set_step_ms(from.stepMs);
    to->set_function(static_cast<v1::RangeFunction>(from.function));
    to->set_window_ms(from.windowMs);
    to->set_lookback_ms(from.lookbackMs);
    to->set_aggregation(static_cast<v1::Aggregation>(from.aggregation));
    to->set_grouping(static_cast<v1::Grouping>(from.grouping));
    stringsToProto(from.groupingLabels, to->mutable_grouping_labels());
    to->set_quantile(from.quantile);
    to->set_resolution(toProto(from.resolution));
}

Result<RangeQuery> fromProto(const v1::RangeQuery &from)
{
    RangeQuery query;
    query.selector = qstr(from.selector());
    if (query.selector.trimmed().isEmpty())
        return makeError(QStringLiteral("the query has no selector"));
    query.startMs = from.start_ms();
    query.endMs = from.end_ms();
    query.stepMs = from.step_ms();
    if (query.endMs < query.startMs)
        return makeError(QStringLiteral("the query range ends (%1) before it starts (%2)")
                             .arg(query.endMs)
                             .arg(query.startMs));
    if (from.function() != v1::RANGE_FUNCTION_UNSPECIFIED) {
        const auto function = strictEnumFromWire(from.function(), RangeFunction::Increase);
        if (!function)
            return makeError(QStringLiteral("unknown range function %1").arg(from.function()));
        query.function = *function;
    }
    query.windowMs = from.window_ms();
    if (from.lookback_ms() != 0)
        query.lookbackMs = from.lookback_ms();
    if (from.aggregation() != v1::AGGREGATION_UNSPECIFIED) {
        const auto aggregation = strictEnumFromWire(from.aggregation(), Aggregation::Quantile);
        if (!aggregation)
            return makeError(QStringLiteral("unknown aggregation %1").arg(from.aggregation()));
        query.aggregation = *aggregation;
    }
    if (from.grouping() != v1::GROUPING_UNSPECIFIED) {
        const auto grouping = strictEnumFromWire(from.grouping(), Grouping::Without);
        if (!grouping)
            return makeError(QStringLiteral("unknown grouping %1").arg(from.grouping()));
        query.grouping = *grouping;
    }
    query.groupingLabels = stringsFromProto(from.grouping_labels());
    query.quantile = query.aggregation == Aggregation::Quantile ? from.quantile() : query.quantile;
    const auto resolution = queryResolutionFromProto(from.resolution());
    if (!resolution)
        return makeError(QStringLiteral("unknown query resolution %1").arg(from.resolution()));
    query.resolution = *resolution;
    return query;
}

void toProto(const QueryResult &from, v1::QueryResult *to)
{
    listToProto(from.series, to->mutable_series());
    to->set_resolution(toProto(from.resolution));
    to->set_samples_read(from.samplesRead);
}

QueryResult fromProto(const v1::QueryResult &from)
{
    QueryResult result;
    result.series = listFromProto<SeriesBatch>(from.series());
    result.resolution = enumFromWire(from.resolution(), QueryResolution::OneHour);
    result.samplesRead = from.samples_read();
    return result;
}

void toProto(const Alert &from, v1::Alert *to)
{
    to->set_id(str(from.id));
    to->set_rule_id(str(from.ruleId));
    to->set_state(toProto(from.state));
    to->set_severity(toProto(from.severity));
    to->set_group_key(str(from.groupKey));
    to->set_node_id(str(from.nodeId));
    to->set_link_id(str(from.linkId));
    to->set_site_id(str(from.siteId));
    stringsToProto(from.switchIds, to->mutable_switch_ids());
    stringsToProto(from.metrics, to->mutable_metrics());
    stringsToProto(from.seriesKeys, to->mutable_series_keys());
    labelsToProto(from.labels, to->mutable_labels());
    to->set_started_at_ms(from.startedAtMs);
    to->set_fired_at_ms(from.firedAtMs);
    to->set_resolved_at_ms(from.resolvedAtMs);
    to->set_updated_at_ms(from.updatedAtMs);
    to->set_value(from.value);
    to->set_peak_value(from.peakValue);
    to->set_threshold(from.threshold);
    to->set_score(from.score);
    to->mutable_contributions()->Reserve(int(from.contributions.size()));
    for (const FeatureContribution &contribution : from.contributions) {
        auto *out = to->add_contributions();
        out->set_feature(str(contribution.feature));
        out->set_share(contribution.share);
    }
    stringsToProto(from.workloads, to->mutable_workloads());
    to->set_acknowledged_by(str(from.acknowledgedBy));
    to->set_acknowledged_at_ms(from.acknowledgedAtMs);
    to->set_silenced_by(str(from.silencedBy));
    to->set_summary(str(from.summary));
}

Alert fromProto(const v1::Alert &from)
{
    Alert alert;
    alert.id = qstr(from.id());
    alert.ruleId = qstr(from.rule_id());
    alert.state = enumFromWire(from.state(), AlertState::Resolved);
    alert.severity = enumFromWire(from.severity(), AlertSeverity::Critical);
    alert.groupKey = qstr(from.group_key());
    alert.nodeId = qstr(from.node_id());
    alert.linkId = qstr(from.link_id());
    alert.siteId = qstr(from.site_id());
    alert.switchIds = stringsFromProto(from.switch_ids());
    alert.metrics = stringsFromProto(from.metrics());
    alert.seriesKeys = stringsFromProto(from.series_keys());
    alert.labels = labelsFromProto(from.labels());
    alert.startedAtMs = from.started_at_ms();
    alert.firedAtMs = from.fired_at_ms();
    alert.resolvedAtMs = from.resolved_at_ms();
    alert.updatedAtMs = from.updated_at_ms();
    alert.value = from.value();
    alert.peakValue = from.peak_value();
    alert.threshold = from.threshold();
    alert.score = from.score();
    alert.contributions.reserve(from.contributions_size());
    for (const auto &contribution : from.contributions())
        alert.contributions.append({qstr(contribution.feature()), contribution.share()});
    alert.workloads = stringsFromProto(from.workloads());
    alert.acknowledgedBy = qstr(from.acknowledged_by());
    alert.acknowledgedAtMs = from.acknowledged_at_ms();
    alert.silencedBy = qstr(from.silenced_by());
    alert.summary = qstr(from.summary());
    return alert;
}

void toProto(const Silence &from, v1::Silence *to)
{
    to->set_id(str(from.id));
    labelsToProto(from.matchers, to->mutable_matchers());
    to->set_created_by(str(from.createdBy));
    to->set_comment(str(from.comment));
    to->set_created_at_ms(from.createdAtMs);
    to->set_starts_at_ms(from.startsAtMs);
    to->set_ends_at_ms(from.endsAtMs);
    to->set_expired_by(str(from.expiredBy));
}

Silence fromProto(const v1::Silence &from)
{
    Silence silence;
    silence.id = qstr(from.id());
    silence.matchers = labelsFromProto(from.matchers());
    silence.createdBy = qstr(from.created_by());
    silence.comment = qstr(from.comment());
    silence.createdAtMs = from.created_at_ms();
    silence.startsAtMs = from.starts_at_ms();
    silence.endsAtMs = from.ends_at_ms();
    silence.expiredBy = qstr(from.expired_by());
    return silence;
}

void toProto(const AlertRule &from, v1::AlertRule *to)
{
    to->set_id(str(from.id));
    to->set_expression(str(from.expression()));
    to->set_severity(toProto(from.severity));
    to->set_description(str(from.description));
    to->set_grouping(static_cast<v1::AlertGrouping>(from.grouping));
    to->mutable_remediations()->Reserve(int(from.remediations.size()));
    for (const RemediationSpec &spec : from.remediations) {
        auto *out = to->add_remediations();
        out->set_kind(static_cast<v1::RemediationKind>(spec.kind));
        out->set_event_type(str(spec.eventType));
        out->set_sample_interval_ms(spec.sampleInterval.count());
        out->set_duration_ms(spec.duration.count());
    }
}

Result<AlertRule> fromProto(const v1::AlertRule &from)
{
    const QString id = qstr(from.id()).trimmed();
    if (id.isEmpty())
        return makeError(
            QStringLiteral("a rule has no id (expression \"%1\")").arg(qstr(from.expression())));
    auto rule = AlertRule::parse(id, qstr(from.expression()));
    if (!rule)
        return makeError(QStringLiteral("rule %1: %2").arg(id, rule.error()));
    if (from.severity() != v1::ALERT_SEVERITY_UNSPECIFIED) {
        const auto severity = strictEnumFromWire(from.severity(), AlertSeverity::Critical);
        if (!severity)
            return makeError(
                QStringLiteral("rule %1: unknown severity %2").arg(id).arg(from.severity()));
        rule->severity = *severity;
    }
    rule->description = qstr(from.description());
    const auto grouping = strictEnumFromWire(from.grouping(), AlertGrouping::Site);
    if (!grouping)
        return makeError(
            QStringLiteral("rule %1: unknown grouping %2").arg(id).arg(from.grouping()));
    rule->grouping = *grouping;
    for (const auto &remediation : from.remediations()) {
        const auto kind =
            strictEnumFromWire(remediation.kind(), RemediationKind::RaiseTelemetryRate);
        if (!kind || *kind == RemediationKind::Unknown)
            return makeError(QStringLiteral("rule %1: unknown remediation kind %2")
                                 .arg(id)
                                 .arg(remediation.kind()));
        RemediationSpec spec;
        spec.kind = *kind;
        if (!remediation.event_type().empty())
            spec.eventType = qstr(remediation.event_type());
        if (remediation.sample_interval_ms() != 0)
            spec.sampleInterval = std::chrono::milliseconds(remediation.sample_interval_ms());
        if (remediation.duration_ms() != 0)
            spec.duration = std::chrono::milliseconds(remediation.duration_ms());
        rule->remediations.append(spec);
    }
    if (auto valid = rule->validate(); !valid)
        return makeError(valid.error());
    return rule;
}

// ---- placement and orchestration --------------------------------------------------------------

void toProto(const RankedCandidate &from, v1::RankedCandidate *to)
{
    to->set_node_id(str(from.nodeId));
    to->set_cluster_id(str(from.clusterId));
    to->set_total(from.total);
    for (const ScoreTerm &term : from.terms) {
        auto *wire = to->add_terms();
        wire->set_scorer(str(term.scorer));
        wire->set_score(term.score);
        wire->set_weight(term.weight);
    }
}

RankedCandidate fromProto(const v1::RankedCandidate &from)
{
    RankedCandidate candidate;
    candidate.nodeId = qstr(from.node_id());
    candidate.clusterId = qstr(from.cluster_id());
    candidate.total = from.total();
    for (const auto &term : from.terms())
        candidate.terms.append({qstr(term.scorer()), term.score(), term.weight()});
    return candidate;
}

void toProto(const PlacementRejection &from, v1::PlacementRejection *to)
{
    to->set_candidate_id(str(from.candidateId));
    to->set_whole_cluster(from.wholeCluster);
    to->set_filter(str(from.filter));
    to->set_reason(str(from.reason));
    to->set_shortfall(from.shortfall);
}

PlacementRejection fromProto(const v1::PlacementRejection &from)
{
    return {qstr(from.candidate_id()), from.whole_cluster(), qstr(from.filter()),
            qstr(from.reason()), from.shortfall()};
}

void toProto(const Relaxation &from, v1::Relaxation *to)
{
    to->set_filter(str(from.filter));
    to->set_suggestion(str(from.suggestion));
    to->set_nodes_that_would_fit(from.nodesThatWouldFit);
}

Relaxation fromProto(const v1::Relaxation &from)
{
    return {qstr(from.filter()), qstr(from.suggestion()), from.nodes_that_would_fit()};
}

void toProto(const PlacementDecision &from, v1::PlacementDecision *to)
{
    to->set_workload_id(str(from.workloadId));
    to->set_replica(from.replica);
    to->set_node_id(str(from.nodeId));
    to->set_cluster_id(str(from.clusterId));
    to->set_site_id(str(from.siteId));
    to->set_delegated(from.delegated);
    stringsToProto(from.constraints, to->mutable_constraints());
    to->set_score(from.score);
}

PlacementDecision fromProto(const v1::PlacementDecision &from)
{
    PlacementDecision decision;
    decision.workloadId = qstr(from.workload_id());
    decision.replica = from.replica();
    decision.nodeId = qstr(from.node_id());
    decision.clusterId = qstr(from.cluster_id());
    decision.siteId = qstr(from.site_id());
    decision.delegated = from.delegated();
    decision.constraints = stringsFromProto(from.constraints());
    decision.score = from.score();
    return decision;
}

void toProto(const DeploymentTransition &from, v1::DeploymentTransition *to)
{
    to->set_from(v1::DeploymentState(static_cast<int>(from.from)));
    to->set_to(v1::DeploymentState(static_cast<int>(from.to)));
    to->set_timestamp_ms(from.timestampMs);
    to->set_reason(str(from.reason));
}

DeploymentTransition fromProto(const v1::DeploymentTransition &from)
{
    return {enumFromWire(from.from(), DeploymentState::Terminated),
            enumFromWire(from.to(), DeploymentState::Terminated), from.timestamp_ms(),
            qstr(from.reason())};
}

void toProto(const Workload &from, v1::Workload *to)
{
    to->set_id(str(from.id));
    to->set_name(str(from.name));
    to->set_kind(v1::WorkloadKind(static_cast<int>(from.kind)));
    auto *request = to->mutable_request();
    request->set_cpu_cores(from.request.cpuCores);
    request->set_memory_bytes(from.request.memoryBytes);
    request->set_disk_bytes(from.request.diskBytes);
    request->set_gpu_count(from.request.gpuCount);
    request->set_fpga_count(from.request.fpgaCount);
    to->set_image(str(from.image));
    to->set_group_id(str(from.groupId));
    labelsToProto(from.labels, to->mutable_labels());
    const PlacementRequirements &r = from.requirements;
    auto *wire = to->mutable_requirements();
    wire->set_gpu_model(str(r.gpuModel));
    wire->set_fpga_model(str(r.fpgaModel));
    wire->set_vaccel(r.vaccel);
    wire->set_arch(str(r.arch));
    wire->set_min_security_tier(v1::SecurityTier(static_cast<int>(r.minSecurityTier)));
    wire->set_isolation(v1::IsolationKind(static_cast<int>(r.isolation)));
    labelsToProto(r.nodeSelector, wire->mutable_node_selector());
    wire->set_where(str(r.where));
    for (const LatencyBound &bound : r.maxLatency) {
        auto *b = wire->add_max_latency();
        b->set_site_id(str(bound.siteId));
        b->mutable_location()->set_name(str(bound.location.name));
        b->mutable_location()->set_latitude(bound.location.latitude);
        b->mutable_location()->set_longitude(bound.location.longitude);
        b->set_max_ms(bound.maxMs);
    }
    wire->set_data_location(str(r.dataLocation));
    wire->set_data_max_latency_ms(r.dataMaxLatencyMs);
    wire->set_walltime_seconds(r.walltimeSeconds);
    wire->set_partition(str(r.partition));
    wire->set_replicas(r.replicas);
    wire->set_spread(v1::SpreadScope(static_cast<int>(r.spread)));
    wire->set_pinned_node_id(str(r.pinnedNodeId));
    wire->set_pinned_cluster_id(str(r.pinnedClusterId));
    auto *objectives = to->mutable_objectives();
    objectives->set_latency(from.objectives.latency);
    objectives->set_execution_time(from.objectives.executionTime);
    objectives->set_energy(from.objectives.energy);
    objectives->set_cost(from.objectives.cost);
    objectives->set_balance(from.objectives.balance);
    to->set_strategy(v1::PlacementStrategy(static_cast<int>(from.strategy)));
    to->set_submitted_ms(from.submittedMs);
    to->set_submitted_by(str(from.submittedBy));
}

Workload fromProto(const v1::Workload &from)
{
    Workload w;
    w.id = qstr(from.id());
    w.name = qstr(from.name());
    w.kind = enumFromWire(from.kind(), WorkloadKind::AcceleratedKernel);
    w.request.cpuCores = from.request().cpu_cores();
    w.request.memoryBytes = from.request().memory_bytes();
    w.request.diskBytes = from.request().disk_bytes();
    w.request.gpuCount = from.request().gpu_count();
    w.request.fpgaCount = from.request().fpga_count();
    w.image = qstr(from.image());
    w.groupId = qstr(from.group_id());
    w.labels = labelsFromProto(from.labels());
    const auto &wire = from.requirements();
    PlacementRequirements &r = w.requirements;
    r.gpuModel = qstr(wire.gpu_model());
    r.fpgaModel = qstr(wire.fpga_model());
    r.vaccel = wire.vaccel();
    r.arch = qstr(wire.arch());
    r.minSecurityTier = enumFromWire(wire.min_security_tier(), SecurityTier::Confidential);
    r.isolation = enumFromWire(wire.isolation(), IsolationKind::Unikernel);
    r.nodeSelector = labelsFromProto(wire.node_selector());
    r.where = qstr(wire.where());
    for (const auto &b : wire.max_latency())
        r.maxLatency.append({qstr(b.site_id()),
                             {qstr(b.location().name()), b.location().latitude(),
                              b.location().longitude()},
                             b.max_ms()});
    r.dataLocation = qstr(wire.data_location());
    r.dataMaxLatencyMs = wire.data_max_latency_ms();
    r.walltimeSeconds = wire.walltime_seconds();
    r.partition = qstr(wire.partition());
    r.replicas = wire.replicas() <= 0 ? 1 : wire.replicas();
    r.spread = enumFromWire(wire.spread(), SpreadScope::Zone);
    r.pinnedNodeId = qstr(wire.pinned_node_id());
    r.pinnedClusterId = qstr(wire.pinned_cluster_id());
    w.objectives = {from.objectives().latency(), from.objectives().execution_time(),
                    from.objectives().energy(), from.objectives().cost(),
                    from.objectives().balance()};
    w.strategy = enumFromWire(from.strategy(), PlacementStrategy::GreedyResource);
    w.submittedMs = from.submitted_ms();
    w.submittedBy = qstr(from.submitted_by());
    return w;
}

void toProto(const Deployment &from, v1::Deployment *to)
{
    to->set_id(str(from.id));
    to->set_workload_id(str(from.workloadId));
    to->set_state(v1::DeploymentState(static_cast<int>(from.state)));
    to->set_cluster_id(str(from.clusterId));
    to->set_node_id(str(from.nodeId));
    to->set_created_ms(from.createdMs);
    to->set_updated_ms(from.updatedMs);
    to->set_message(str(from.message));
    to->set_replica(from.replica);
    to->set_desired(v1::DesiredState(static_cast<int>(from.desired)));
    to->set_attempts(from.attempts);
    to->set_next_attempt_ms(from.nextAttemptMs);
    stringsToProto(from.excludedNodes, to->mutable_excluded_nodes());
    stringsToProto(from.constraints, to->mutable_constraints());
    listToProto(from.history, to->mutable_history());
}

Deployment fromProto(const v1::Deployment &from)
{
    Deployment d;
    d.id = qstr(from.id());
    d.workloadId = qstr(from.workload_id());
    d.state = enumFromWire(from.state(), DeploymentState::Terminated);
    d.clusterId = qstr(from.cluster_id());
    d.nodeId = qstr(from.node_id());
    d.createdMs = from.created_ms();
    d.updatedMs = from.updated_ms();
    d.message = qstr(from.message());
    d.replica = from.replica();
    d.desired = enumFromWire(from.desired(), DesiredState::Terminated);
    d.attempts = from.attempts();
    d.nextAttemptMs = from.next_attempt_ms();
    d.excludedNodes = stringsFromProto(from.excluded_nodes());
    d.constraints = stringsFromProto(from.constraints());
    d.history = listFromProto<DeploymentTransition>(from.history());
    return d;
}

void toProto(const PlacementExplanation &from, v1::PlacementExplanation *to)
{
    to->set_placed(from.placed);
    to->set_error(str(from.error));
    to->set_strategy(str(from.strategy));
    listToProto(from.decisions, to->mutable_decisions());
    listToProto(from.platforms, to->mutable_platforms());
    listToProto(from.ranked, to->mutable_ranked());
    listToProto(from.rejections, to->mutable_rejections());
    for (auto it = from.rejectionsByFilter.cbegin(); it != from.rejectionsByFilter.cend(); ++it)
        (*to->mutable_rejections_by_filter())[str(it.key())] = it.value();
    listToProto(from.relaxations, to->mutable_relaxations());
    to->set_nodes_considered(from.nodesConsidered);
    to->set_nodes_feasible(from.nodesFeasible);
}

PlacementExplanation fromProto(const v1::PlacementExplanation &from)
{
    PlacementExplanation e;
    e.placed = from.placed();
    e.error = qstr(from.error());
    e.strategy = qstr(from.strategy());
    e.decisions = listFromProto<PlacementDecision>(from.decisions());
    e.platforms = listFromProto<RankedCandidate>(from.platforms());
    e.ranked = listFromProto<RankedCandidate>(from.ranked());
    e.rejections = listFromProto<PlacementRejection>(from.rejections());
    for (const auto &[filter, count] : from.rejections_by_filter())
        e.rejectionsByFilter.insert(qstr(filter), count);
    e.relaxations = listFromProto<Relaxation>(from.relaxations());
    e.nodesConsidered = from.nodes_considered();
    e.nodesFeasible = from.nodes_feasible();
    return e;
}

void toProto(const PlannedMove &from, v1::PlannedMove *to)
{
    to->set_deployment_id(str(from.deploymentId));
    to->set_workload_id(str(from.workloadId));
    to->set_from_node_id(str(from.fromNodeId));
    to->set_to_node_id(str(from.toNodeId));
    to->set_to_cluster_id(str(from.toClusterId));
    to->set_reason(str(from.reason));
    to->set_score_before(from.scoreBefore);
    to->set_score_after(from.scoreAfter);
}

PlannedMove fromProto(const v1::PlannedMove &from)
{
    return {qstr(from.deployment_id()), qstr(from.workload_id()), qstr(from.from_node_id()),
            qstr(from.to_node_id()),    qstr(from.to_cluster_id()), qstr(from.reason()),
            from.score_before(),        from.score_after()};
}

void toProto(const WhatIfChange &from, v1::WhatIfChange *to)
{
    to->set_kind(v1::WhatIfKind(static_cast<int>(from.kind)));
    to->set_target_id(str(from.targetId));
    to->set_cpu_cores(from.cpuCores);
    to->set_memory_bytes(from.memoryBytes);
}

WhatIfChange fromProto(const v1::WhatIfChange &from)
{
    WhatIfChange change;
    change.kind = enumFromWire(from.kind(), WhatIfChange::Kind::AddLoad);
    change.targetId = qstr(from.target_id());
    change.cpuCores = from.cpu_cores();
    change.memoryBytes = from.memory_bytes();
    return change;
}

void toProto(const WhatIfResult &from, v1::WhatIfResponse *to)
{
    listToProto(from.moves, to->mutable_moves());
    listToProto(from.unplaceable, to->mutable_unplaceable());
    listToProto(from.newPlacements, to->mutable_new_placements());
    stringsToProto(from.unavailableNodes, to->mutable_unavailable_nodes());
}

WhatIfResult fromProto(const v1::WhatIfResponse &from)
{
    WhatIfResult result;
    result.moves = listFromProto<PlannedMove>(from.moves());
    result.unplaceable = listFromProto<PlannedMove>(from.unplaceable());
    result.newPlacements = listFromProto<PlacementExplanation>(from.new_placements());
    result.unavailableNodes = stringsFromProto(from.unavailable_nodes());
    return result;
}

void toProto(const ResourceMatch &from, v1::ResourceMatch *to)
{
    to->set_node_id(str(from.nodeId));
    to->set_cluster_id(str(from.clusterId));
    to->set_site_id(str(from.siteId));
    to->set_source(str(from.source));
    to->set_age_ms(from.ageMs);
    for (auto it = from.attributes.cbegin(); it != from.attributes.cend(); ++it)
        (*to->mutable_attributes())[str(it.key())] = str(it.value().toString());
}

ResourceMatch fromProto(const v1::ResourceMatch &from)
{
    ResourceMatch match;
    match.nodeId = qstr(from.node_id());
    match.clusterId = qstr(from.cluster_id());
    match.siteId = qstr(from.site_id());
    match.source = qstr(from.source());
    match.ageMs = from.age_ms();
    for (const auto &[key, value] : from.attributes())
        match.attributes.insert(qstr(key), qstr(value));
    return match;
}

void toProto(const BackendObject &from, v1::BackendObject *to)
{
    to->set_id(str(from.id));
    to->set_kind(str(from.kind));
    to->set_name(str(from.name));
    to->set_cluster_id(str(from.clusterId));
    to->set_node_id(str(from.nodeId));
    to->set_state(str(from.state));
    to->set_deployment_id(str(from.deploymentId));
    to->set_updated_ms(from.updatedMs);
    if (!from.properties.isEmpty())
        to->set_properties_json(jsonToWire(QJsonObject::fromVariantMap(from.properties)));
    for (const QString &action : from.actions)
        to->add_actions(str(action));
    for (const InstantiationPhase &phase : from.phases) {
        v1::InstantiationPhase *out = to->add_phases();
        out->set_name(str(phase.name));
        out->set_timestamp_ms(phase.timestampMs);
        out->set_since_start_ms(phase.sinceStartMs);
    }
}

BackendObject fromProto(const v1::BackendObject &from)
{
    BackendObject object;
    object.id = qstr(from.id());
    object.kind = qstr(from.kind());
    object.name = qstr(from.name());
    object.clusterId = qstr(from.cluster_id());
    object.nodeId = qstr(from.node_id());
    object.state = qstr(from.state());
    object.deploymentId = qstr(from.deployment_id());
    object.updatedMs = from.updated_ms();
    if (!from.properties_json().empty())
        object.properties = jsonFromWire(from.properties_json()).toVariantMap();
    for (const std::string &action : from.actions())
        object.actions.append(qstr(action));
    for (const v1::InstantiationPhase &phase : from.phases())
        object.phases.append({qstr(phase.name()), phase.timestamp_ms(), phase.since_start_ms()});
    return object;
}

// ---- P4 network control (issue 7) -------------------------------------------------------------

std::string jsonText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

Result<QJsonObject> jsonObject(const std::string &text, const QString &what)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(text), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("%1: malformed JSON at offset %2: %3")
                             .arg(what)
                             .arg(parseError.offset)
                             .arg(parseError.errorString()));
    if (!document.isObject())
        return makeError(QStringLiteral("%1: expected a JSON object").arg(what));
    return document.object();
}

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

/// Keys present with the wrong JSON type are errors: a silent default would hide a bad peer.
Result<void> expectTypes(const QJsonObject &json, const QString &what,
                         std::initializer_list<std::pair<const char *, QJsonValue::Type>> keys)
{
    for (const auto &[key, type] : keys) {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined() || value.type() == type)
            continue;
        return makeError(QStringLiteral("%1.%2 has the wrong JSON type").arg(what, QLatin1String(key)));
    }
    return {};
}

} // namespace

Result<P4SwitchStatus> p4SwitchStatusFromJson(const QJsonObject &json)
{
    using T = QJsonValue::Type;
    if (auto ok = expectTypes(json, QStringLiteral("switch"),
                              {{"switchId", T::String}, {"name", T::String}, {"pluginId", T::String},
                               {"connected", T::Bool}, {"pipeline", T::String}, {"intSwitchId", T::Double},
                               {"desiredEntries", T::Double}, {"installedEntries", T::Double},
                               {"lastAppliedMs", T::Double}, {"lastError", T::String}});
        !ok)
        return makeError(ok.error());
    P4SwitchStatus status;
    status.switchId = json.value(QLatin1String("switchId")).toString();
    if (status.switchId.isEmpty())
        return makeError(QStringLiteral("switch: no switchId"));
    status.name = json.value(QLatin1String("name")).toString();
    status.pluginId = json.value(QLatin1String("pluginId")).toString();
    status.connected = json.value(QLatin1String("connected")).toBool();
    status.pipeline = json.value(QLatin1String("pipeline")).toString();
    status.intSwitchId = quint32(json.value(QLatin1String("intSwitchId")).toInteger());
    status.desiredEntries = json.value(QLatin1String("desiredEntries")).toInt();
    status.installedEntries = json.value(QLatin1String("installedEntries")).toInt(-1);
    status.lastAppliedMs = json.value(QLatin1String("lastAppliedMs")).toInteger();
    status.lastError = json.value(QLatin1String("lastError")).toString();
    return status;
}

Result<RerouteRecord> rerouteRecordFromJson(const QJsonObject &json)
{
    using T = QJsonValue::Type;
    if (auto ok = expectTypes(json, QStringLiteral("reroute"),
                              {{"connectionId", T::String}, {"flowId", T::Double}, {"ruleId", T::String},
                               {"avoidedSwitch", T::String}, {"fromPath", T::Array}, {"toPath", T::Array},
                               {"valueMs", T::Double}, {"thresholdMs", T::Double}, {"reactionMs", T::Double},
                               {"atMs", T::Double}});
        !ok)
        return makeError(ok.error());
    RerouteRecord record;
    record.connectionId = json.value(QLatin1String("connectionId")).toString();
    record.flowId = quint32(json.value(QLatin1String("flowId")).toInteger());
    record.ruleId = json.value(QLatin1String("ruleId")).toString();
    record.avoidedSwitch = json.value(QLatin1String("avoidedSwitch")).toString();
    record.fromPath = stringList(json.value(QLatin1String("fromPath")));
    record.toPath = stringList(json.value(QLatin1String("toPath")));
    record.valueMs = json.value(QLatin1String("valueMs")).toDouble();
    record.thresholdMs = json.value(QLatin1String("thresholdMs")).toDouble();
    record.reactionMs = json.value(QLatin1String("reactionMs")).toDouble();
    record.atMs = json.value(QLatin1String("atMs")).toInteger();
    return record;
}

namespace {

Result<P4TableEntry> entryFromWire(const P4Program &program, const std::string &text, const QString &what)
{
    auto json = jsonObject(text, what);
    if (!json)
        return makeError(json.error());
    auto entry = p4EntryFromJson(program, *json);
    if (!entry)
        return makeError(QStringLiteral("%1: %2").arg(what, entry.error()));
    return entry;
}

template<typename ProtoList>
Result<QList<P4TableEntry>> entriesFromWire(const P4Program &program, const ProtoList &from, const QString &what)
{
    QList<P4TableEntry> entries;
    entries.reserve(from.size());
    for (int i = 0; i < from.size(); ++i) {
        auto entry = entryFromWire(program, from.Get(i), QStringLiteral("%1 #%2").arg(what).arg(i));
        if (!entry)
            return makeError(entry.error());
        entries.append(std::move(*entry));
    }
    return entries;
}

template<typename ProtoList>
void entriesToWire(const P4Program &program, const QList<P4TableEntry> &from, ProtoList *to)
{
    to->Reserve(int(from.size()));
    for (const P4TableEntry &entry : from)
        *to->Add() = jsonText(toJson(program, entry));
}

} // namespace

void toProto(const P4Program &program, const P4EntryStatus &from, v1::P4EntryState *to)
{
    to->set_entry_json(jsonText(toJson(program, from.entry)));
    to->set_desired(from.desired);
    to->set_installed(from.installed);
    to->set_has_counters(from.hasCounters);
    to->set_packets(from.counters.packets);
    to->set_bytes(from.counters.bytes);
}

Result<P4EntryStatus> fromProto(const P4Program &program, const v1::P4EntryState &from)
{
    auto entry = entryFromWire(program, from.entry_json(), QStringLiteral("entry"));
    if (!entry)
        return makeError(entry.error());
    P4EntryStatus status;
    status.entry = std::move(*entry);
    status.desired = from.desired();
    status.installed = from.installed();
    status.hasCounters = from.has_counters();
    status.counters = {from.packets(), from.bytes()};
    return status;
}

void toProto(const P4Program &program, const P4ApplyResult &from, v1::SetP4EntriesResponse *to)
{
    entriesToWire(program, from.diff.toInsert, to->mutable_inserted_json());
    entriesToWire(program, from.diff.toModify, to->mutable_modified_json());
    entriesToWire(program, from.diff.toDelete, to->mutable_deleted_json());
    to->set_unchanged(from.diff.unchanged);
    to->set_applied(from.applied);
    to->set_rolled_back(from.rolledBack);
    to->set_duration_us(from.durationUs);
}

Result<P4ApplyResult> fromProto(const P4Program &program, const v1::SetP4EntriesResponse &from,
                                const QString &switchId)
{
    P4ApplyResult result;
    result.switchId = switchId;
    auto inserted = entriesFromWire(program, from.inserted_json(), QStringLiteral("inserted"));
    if (!inserted)
        return makeError(inserted.error());
    auto modified = entriesFromWire(program, from.modified_json(), QStringLiteral("modified"));
    if (!modified)
        return makeError(modified.error());
    auto deleted = entriesFromWire(program, from.deleted_json(), QStringLiteral("deleted"));
    if (!deleted)
        return makeError(deleted.error());
    result.diff.toInsert = std::move(*inserted);
    result.diff.toModify = std::move(*modified);
    result.diff.toDelete = std::move(*deleted);
    result.diff.unchanged = from.unchanged();
    result.applied = from.applied();
    result.rolledBack = from.rolled_back();
    result.durationUs = from.duration_us();
    return result;
}

void toProto(const P4Program &program, const P4Update &from, v1::P4PendingUpdate *to)
{
    switch (from.type) {
    case P4Update::Type::Insert:
        to->set_type("insert");
        break;
    case P4Update::Type::Modify:
        to->set_type("modify");
        break;
    case P4Update::Type::Delete:
        to->set_type("delete");
        break;
    }
    to->set_entry_json(jsonText(toJson(program, from.entry)));
}

Result<P4Update> fromProto(const P4Program &program, const v1::P4PendingUpdate &from)
{
    P4Update update;
    if (from.type() == "insert")
        update.type = P4Update::Type::Insert;
    else if (from.type() == "modify")
        update.type = P4Update::Type::Modify;
    else if (from.type() == "delete")
        update.type = P4Update::Type::Delete;
    else
        return makeError(QStringLiteral("pending update type \"%1\" is not insert, modify or delete")
                             .arg(qstr(from.type())));
    auto entry = entryFromWire(program, from.entry_json(), QStringLiteral("pending %1").arg(qstr(from.type())));
    if (!entry)
        return makeError(entry.error());
    update.entry = std::move(*entry);
    return update;
}

} // namespace Continuo::Api
