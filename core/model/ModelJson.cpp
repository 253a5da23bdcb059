#include "model/ModelJson.h"

#include "util/EnumNames.h"

#include <QJsonArray>

namespace Continuo {

namespace {
const Internal::EnumName<EntityKind> kEntityKindNames[] = {
    {EntityKind::Unknown, "unknown"}, {EntityKind::Site, "site"},
    {EntityKind::Cluster, "cluster"}, {EntityKind::Node, "node"},
    {EntityKind::Device, "device"},   {EntityKind::Switch, "switch"},
    {EntityKind::Link, "link"},       {EntityKind::StorageLocation, "storage_location"},
};

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

double num(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toDouble();
}

qint64 int64(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toInteger();
}

template<typename Enum>
Enum enumValue(const QJsonObject &object, const char *key)
{
    return enumFromString<Enum>(str(object, key));
}

QJsonObject capacityToJson(const Capacity &capacity)
{
    return {{QStringLiteral("cpuCores"), capacity.cpuCores},
            {QStringLiteral("memoryBytes"), capacity.memoryBytes},
            {QStringLiteral("diskBytes"), capacity.diskBytes}};
}

Capacity capacityFromJson(const QJsonObject &object)
{
    return {num(object, "cpuCores"), int64(object, "memoryBytes"), int64(object, "diskBytes")};
}

struct ToJson
{
    QJsonObject operator()(const Site &site) const
    {
        return {{QStringLiteral("id"), site.id},
                {QStringLiteral("name"), site.name},
                {QStringLiteral("kind"), toString(site.kind)},
                {QStringLiteral("location"),
                 QJsonObject{{QStringLiteral("name"), site.location.name},
                             {QStringLiteral("latitude"), site.location.latitude},
                             {QStringLiteral("longitude"), site.location.longitude}}},
                {QStringLiteral("labels"), labelsToJson(site.labels)}};
    }
    QJsonObject operator()(const Cluster &cluster) const
    {
        return {{QStringLiteral("id"), cluster.id},
                {QStringLiteral("name"), cluster.name},
                {QStringLiteral("siteId"), cluster.siteId},
                {QStringLiteral("backend"), toString(cluster.backend)},
                {QStringLiteral("pluginId"), cluster.pluginId},
                {QStringLiteral("labels"), labelsToJson(cluster.labels)}};
    }
    QJsonObject operator()(const Node &node) const
    {
        return {{QStringLiteral("id"), node.id},
                {QStringLiteral("name"), node.name},
                {QStringLiteral("siteId"), node.siteId},
                {QStringLiteral("clusterId"), node.clusterId},
                {QStringLiteral("capacity"), capacityToJson(node.capacity)},
                {QStringLiteral("arch"), node.arch},
                {QStringLiteral("labels"), labelsToJson(node.labels)},
                {QStringLiteral("securityTier"), toString(node.securityTier)},
                {QStringLiteral("state"), toString(node.state)}};
    }
    QJsonObject operator()(const Device &device) const
    {
        return {{QStringLiteral("id"), device.id},
                {QStringLiteral("nodeId"), device.nodeId},
                {QStringLiteral("kind"), toString(device.kind)},
                {QStringLiteral("model"), device.model},
                {QStringLiteral("memoryBytes"), device.memoryBytes},
                {QStringLiteral("vaccelCapable"), device.vaccelCapable}};
    }
    QJsonObject operator()(const Switch &sw) const
    {
        return {{QStringLiteral("id"), sw.id},
                {QStringLiteral("name"), sw.name},
                {QStringLiteral("siteId"), sw.siteId},
                {QStringLiteral("target"), sw.target},
                {QStringLiteral("managementAddress"), sw.managementAddress},
                {QStringLiteral("portCount"), sw.portCount},
                {QStringLiteral("state"), toString(sw.state)}};
    }
    QJsonObject operator()(const Link &link) const
    {
        return {{QStringLiteral("id"), link.id},
                {QStringLiteral("a"), QJsonObject{{QStringLiteral("id"), link.a.id},
                                                  {QStringLiteral("port"), link.a.port}}},
                {QStringLiteral("b"), QJsonObject{{QStringLiteral("id"), link.b.id},
                                                  {QStringLiteral("port"), link.b.port}}},
                {QStringLiteral("capacityBitsPerSecond"), link.capacityBitsPerSecond},
                {QStringLiteral("latencyMs"), link.latencyMs},
                {QStringLiteral("state"), toString(link.state)}};
    }
    QJsonObject operator()(const StorageLocation &location) const
    {
        return {{QStringLiteral("id"), location.id},
                {QStringLiteral("name"), location.name},
                {QStringLiteral("siteId"), location.siteId},
                {QStringLiteral("kind"), toString(location.kind)},
                {QStringLiteral("costPerGibMonth"), location.costPerGibMonth},
                {QStringLiteral("latencyMs"), location.latencyMs},
                {QStringLiteral("capacityBytes"), location.capacityBytes}};
    }
};

template<typename T>
QJsonArray arrayOf(const QList<T> &values)
{
    QJsonArray array;
    for (const auto &value : values)
        array.append(ToJson{}(value));
    return array;
}

template<typename T>
Result<QList<T>> listFrom(const QJsonObject &object, const char *key, EntityKind kind)
{
    QList<T> values;
    const QJsonArray array = object.value(QLatin1String(key)).toArray();
    values.reserve(array.size());
    for (const auto &item : array) {
        auto entity = entityFromJson(kind, item.toObject());
        if (!entity)
            return makeError(entity.error());
        values.append(std::get<T>(*entity));
    }
    return values;
}
} // namespace

QString toString(EntityKind value)
{
    return Internal::enumName(value, kEntityKindNames);
}

template<>
EntityKind enumFromString<EntityKind>(const QString &text)
{
    return Internal::enumFromName(text, kEntityKindNames);
}

QJsonObject labelsToJson(const Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

Labels labelsFromJson(const QJsonObject &object)
{
    Labels labels;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        labels.insert(it.key(), it.value().toVariant().toString());
    return labels;
}

QJsonObject toJson(const Entity &entity)
{
    return std::visit(ToJson{}, entity);
}

Result<Entity> entityFromJson(EntityKind kind, const QJsonObject &object)
{
    const QString id = str(object, "id");
    if (id.isEmpty())
        return makeError(QStringLiteral("%1 without an id").arg(toString(kind)));
    switch (kind) {
    case EntityKind::Site: {
        Site site;
        site.id = id;
        site.name = str(object, "name");
        site.kind = enumValue<SiteKind>(object, "kind");
        const QJsonObject location = object.value(QLatin1String("location")).toObject();
        site.location = {str(location, "name"), num(location, "latitude"),
                         num(location, "longitude")};
        site.labels = labelsFromJson(object.value(QLatin1String("labels")).toObject());
        return Entity(site);
    }
    case EntityKind::Cluster: {
        Cluster cluster;
        cluster.id = id;
        cluster.name = str(object, "name");
        cluster.siteId = str(object, "siteId");
        cluster.backend = enumValue<BackendKind>(object, "backend");
        cluster.pluginId = str(object, "pluginId");
        cluster.labels = labelsFromJson(object.value(QLatin1String("labels")).toObject());
        return Entity(cluster);
    }
    case EntityKind::Node: {
        Node node;
        node.id = id;
        node.name = str(object, "name");
        node.siteId = str(object, "siteId");
        node.clusterId = str(object, "clusterId");
        node.capacity = capacityFromJson(object.value(QLatin1String("capacity")).toObject());
        node.arch = str(object, "arch");
        node.labels = labelsFromJson(object.value(QLatin1String("labels")).toObject());
        node.securityTier = enumValue<SecurityTier>(object, "securityTier");
        node.state = enumValue<NodeState>(object, "state");
        return Entity(node);
    }
    case EntityKind::Device: {
        Device device;
        device.id = id;
        device.nodeId = str(object, "nodeId");
        device.kind = enumValue<DeviceKind>(object, "kind");
        device.model = str(object, "model");
        device.memoryBytes = int64(object, "memoryBytes");
        device.vaccelCapable = object.value(QLatin1String("vaccelCapable")).toBool();
        return Entity(device);
    }
    case EntityKind::Switch: {
        Switch sw;
        sw.id = id;
        sw.name = str(object, "name");
        sw.siteId = str(object, "siteId");
        sw.target = str(object, "target");
        sw.managementAddress = str(object, "managementAddress");
        sw.portCount = object.value(QLatin1String("portCount")).toInt();
        sw.state = enumValue<SwitchState>(object, "state");
        return Entity(sw);
    }
    case EntityKind::Link: {
        Link link;
        link.id = id;
        const QJsonObject a = object.value(QLatin1String("a")).toObject();
        const QJsonObject b = object.value(QLatin1String("b")).toObject();
        link.a = {str(a, "id"), a.value(QLatin1String("port")).toInt()};
        link.b = {str(b, "id"), b.value(QLatin1String("port")).toInt()};
        link.capacityBitsPerSecond = int64(object, "capacityBitsPerSecond");
        link.latencyMs = num(object, "latencyMs");
        link.state = enumValue<LinkState>(object, "state");
        return Entity(link);
    }
    case EntityKind::StorageLocation: {
        StorageLocation location;
        location.id = id;
        location.name = str(object, "name");
        location.siteId = str(object, "siteId");
        location.kind = enumValue<StorageKind>(object, "kind");
        location.costPerGibMonth = num(object, "costPerGibMonth");
        location.latencyMs = num(object, "latencyMs");
        location.capacityBytes = int64(object, "capacityBytes");
        return Entity(location);
    }
    case EntityKind::Unknown:
        break;
    }
    return makeError(QStringLiteral("unknown entity kind for %1").arg(id));
}

QJsonObject toJson(const Event &event)
{
    return {{QStringLiteral("sequence"), event.sequence},
            {QStringLiteral("type"), event.type},
            {QStringLiteral("timestampMs"), event.timestampMs},
            {QStringLiteral("severity"), toString(event.severity)},
            {QStringLiteral("source"), event.source},
            {QStringLiteral("subjectId"), event.subjectId},
            {QStringLiteral("message"), event.message},
            {QStringLiteral("payload"), event.payload}};
}

Result<Event> eventFromJson(const QJsonObject &object)
{
    Event event;
    event.sequence = int64(object, "sequence");
    event.type = str(object, "type");
    if (!isValidEventType(event.type))
        return makeError(QStringLiteral("invalid event type '%1'").arg(event.type));
    event.timestampMs = int64(object, "timestampMs");
    event.severity = enumValue<EventSeverity>(object, "severity");
    event.source = str(object, "source");
    event.subjectId = str(object, "subjectId");
    event.message = str(object, "message");
    event.payload = object.value(QLatin1String("payload")).toObject();
    return event;
}

QJsonObject toJson(const AuditEntry &entry)
{
    return {{QStringLiteral("id"), entry.id},
            {QStringLiteral("timestampMs"), entry.timestampMs},
            {QStringLiteral("actor"), entry.actor},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("target"), entry.target},
            {QStringLiteral("details"), entry.details}};
}

Result<AuditEntry> auditEntryFromJson(const QJsonObject &object)
{
    AuditEntry entry;
    entry.id = int64(object, "id");
    entry.timestampMs = int64(object, "timestampMs");
    entry.actor = str(object, "actor");
    entry.action = str(object, "action");
    if (entry.action.isEmpty())
        return makeError(QStringLiteral("audit entry without an action"));
    entry.target = str(object, "target");
    entry.details = object.value(QLatin1String("details")).toObject();
    return entry;
}

namespace {

QJsonObject requirementsToJson(const PlacementRequirements &r)
{
    QJsonArray latency;
    for (const LatencyBound &bound : r.maxLatency) {
        latency.append(QJsonObject{{QStringLiteral("siteId"), bound.siteId},
                                   {QStringLiteral("location"),
                                    QJsonObject{{QStringLiteral("name"), bound.location.name},
                                                {QStringLiteral("latitude"), bound.location.latitude},
                                                {QStringLiteral("longitude"),
                                                 bound.location.longitude}}},
                                   {QStringLiteral("maxMs"), bound.maxMs}});
    }
    return {{QStringLiteral("gpuModel"), r.gpuModel},
            {QStringLiteral("fpgaModel"), r.fpgaModel},
            {QStringLiteral("vaccel"), r.vaccel},
            {QStringLiteral("arch"), r.arch},
            {QStringLiteral("minSecurityTier"), toString(r.minSecurityTier)},
            {QStringLiteral("isolation"), toString(r.isolation)},
            {QStringLiteral("nodeSelector"), labelsToJson(r.nodeSelector)},
            {QStringLiteral("where"), r.where},
            {QStringLiteral("maxLatency"), latency},
            {QStringLiteral("dataLocation"), r.dataLocation},
            {QStringLiteral("dataMaxLatencyMs"), r.dataMaxLatencyMs},
            {QStringLiteral("walltimeSeconds"), r.walltimeSeconds},
            {QStringLiteral("partition"), r.partition},
            {QStringLiteral("replicas"), r.replicas},
            {QStringLiteral("spread"), toString(r.spread)},
            {QStringLiteral("pinnedNodeId"), r.pinnedNodeId},
            {QStringLiteral("pinnedClusterId"), r.pinnedClusterId}};
}

PlacementRequirements requirementsFromJson(const QJsonObject &o)
{
    PlacementRequirements r;
    r.gpuModel = str(o, "gpuModel");
    r.fpgaModel = str(o, "fpgaModel");
    r.vaccel = o.value(QLatin1String("vaccel")).toBool();
    r.arch = str(o, "arch");
    r.minSecurityTier = enumValue<SecurityTier>(o, "minSecurityTier");
    r.isolation = enumValue<IsolationKind>(o, "isolation");
    r.nodeSelector = labelsFromJson(o.value(QLatin1String("nodeSelector")).toObject());
    r.where = str(o, "where");
    for (const auto &item : o.value(QLatin1String("maxLatency")).toArray()) {
        const QJsonObject bound = item.toObject();
        const QJsonObject location = bound.value(QLatin1String("location")).toObject();
        r.maxLatency.append({str(bound, "siteId"),
                             {str(location, "name"), num(location, "latitude"),
                              num(location, "longitude")},
                             num(bound, "maxMs")});
    }
    r.dataLocation = str(o, "dataLocation");
    r.dataMaxLatencyMs = num(o, "dataMaxLatencyMs");
    r.walltimeSeconds = int64(o, "walltimeSeconds");
    r.partition = str(o, "partition");
    r.replicas = o.value(QLatin1String("replicas")).toInt(1);
    r.spread = enumValue<SpreadScope>(o, "spread");
    r.pinnedNodeId = str(o, "pinnedNodeId");
    r.pinnedClusterId = str(o, "pinnedClusterId");
    return r;
}

QJsonArray stringsToJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringsFromJson(const QJsonValue &value)
{
    QStringList list;
    for (const auto &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

QJsonObject toJson(const Workload &workload)
{
    const auto &request = workload.request;
    const auto &w = workload.objectives;
    return {{QStringLiteral("id"), workload.id},
            {QStringLiteral("name"), workload.name},
            {QStringLiteral("kind"), toString(workload.kind)},
            {QStringLiteral("request"),
             QJsonObject{{QStringLiteral("cpuCores"), request.cpuCores},
                         {QStringLiteral("memoryBytes"), request.memoryBytes},
                         {QStringLiteral("diskBytes"), request.diskBytes},
                         {QStringLiteral("gpuCount"), request.gpuCount},
                         {QStringLiteral("fpgaCount"), request.fpgaCount}}},
            {QStringLiteral("image"), workload.image},
            {QStringLiteral("groupId"), workload.groupId},
            {QStringLiteral("labels"), labelsToJson(workload.labels)},
            {QStringLiteral("requirements"), requirementsToJson(workload.requirements)},
            {QStringLiteral("objectives"),
             QJsonObject{{QStringLiteral("latency"), w.latency},
                         {QStringLiteral("executionTime"), w.executionTime},
                         {QStringLiteral("energy"), w.energy},
                         {QStringLiteral("cost"), w.cost},
                         {QStringLiteral("balance"), w.balance}}},
            {QStringLiteral("strategy"), toString(workload.strategy)},
            {QStringLiteral("submittedMs"), workload.submittedMs},
            {QStringLiteral("submittedBy"), workload.submittedBy}};
}

Result<Workload> workloadFromJson(const QJsonObject &object)
{
    Workload workload;
    workload.id = str(object, "id");
    if (workload.id.isEmpty())
        return makeError(QStringLiteral("workload without an id"));
    workload.name = str(object, "name");
    workload.kind = enumValue<WorkloadKind>(object, "kind");
    const QJsonObject request = object.value(QLatin1String("request")).toObject();
    workload.request = {num(request, "cpuCores"), int64(request, "memoryBytes"),
                        int64(request, "diskBytes"), request.value(QLatin1String("gpuCount")).toInt(),
                        request.value(QLatin1String("fpgaCount")).toInt()};
    workload.image = str(object, "image");
    workload.groupId = str(object, "groupId");
    workload.labels = labelsFromJson(object.value(QLatin1String("labels")).toObject());
    workload.requirements =
        requirementsFromJson(object.value(QLatin1String("requirements")).toObject());
    const QJsonObject w = object.value(QLatin1String("objectives")).toObject();
    workload.objectives = {num(w, "latency"), num(w, "executionTime"), num(w, "energy"),
                           num(w, "cost"), num(w, "balance")};
    workload.strategy = enumValue<PlacementStrategy>(object, "strategy");
    workload.submittedMs = int64(object, "submittedMs");
    workload.submittedBy = str(object, "submittedBy");
    return workload;
}

QJsonObject toJson(const Deployment &deployment)
{
    QJsonArray history;
    for (const auto &transition : deployment.history) {
        history.append(QJsonObject{{QStringLiteral("from"), toString(transition.from)},
                                   {QStringLiteral("to"), toString(transition.to)},
                                   {QStringLiteral("timestampMs"), transition.timestampMs},
                                   {QStringLiteral("reason"), transition.reason}});
    }
    return {{QStringLiteral("id"), deployment.id},
            {QStringLiteral("workloadId"), deployment.workloadId},
            {QStringLiteral("state"), toString(deployment.state)},
            {QStringLiteral("clusterId"), deployment.clusterId},
            {QStringLiteral("nodeId"), deployment.nodeId},
            {QStringLiteral("createdMs"), deployment.createdMs},
            {QStringLiteral("updatedMs"), deployment.updatedMs},
            {QStringLiteral("message"), deployment.message},
            {QStringLiteral("replica"), deployment.replica},
            {QStringLiteral("desired"), toString(deployment.desired)},
            {QStringLiteral("attempts"), deployment.attempts},
            {QStringLiteral("nextAttemptMs"), deployment.nextAttemptMs},
            {QStringLiteral("excludedNodes"), stringsToJson(deployment.excludedNodes)},
            {QStringLiteral("constraints"), stringsToJson(deployment.constraints)},
            {QStringLiteral("history"), history}};
}

Result<Deployment> deploymentFromJson(const QJsonObject &object)
{
    Deployment deployment;
    deployment.id = str(object, "id");
    if (deployment.id.isEmpty())
        return makeError(QStringLiteral("deployment without an id"));
    deployment.workloadId = str(object, "workloadId");
    deployment.state = enumValue<DeploymentState>(object, "state");
    deployment.clusterId = str(object, "clusterId");
    deployment.nodeId = str(object, "nodeId");
    deployment.createdMs = int64(object, "createdMs");
    deployment.updatedMs = int64(object, "updatedMs");
    deployment.message = str(object, "message");
    deployment.replica = object.value(QLatin1String("replica")).toInt();
    deployment.desired = enumValue<DesiredState>(object, "desired");
    if (deployment.desired == DesiredState::Unknown)
        deployment.desired = DesiredState::Running;
    deployment.attempts = object.value(QLatin1String("attempts")).toInt();
    deployment.nextAttemptMs = int64(object, "nextAttemptMs");
    deployment.excludedNodes = stringsFromJson(object.value(QLatin1String("excludedNodes")));
    deployment.constraints = stringsFromJson(object.value(QLatin1String("constraints")));
    const QJsonArray history = object.value(QLatin1String("history")).toArray();
    for (const auto &item : history) {
        const QJsonObject transition = item.toObject();
        deployment.history.append({enumValue<DeploymentState>(transition, "from"),
                                   enumValue<DeploymentState>(transition, "to"),
                                   int64(transition, "timestampMs"), str(transition, "reason")});
    }
    return deployment;
}

QJsonObject toJson(const InventorySnapshot &snapshot)
{
    return {{QStringLiteral("revision"), snapshot.revision},
            {QStringLiteral("sites"), arrayOf(snapshot.sites)},
            {QStringLiteral("clusters"), arrayOf(snapshot.clusters)},
            {QStringLiteral("nodes"), arrayOf(snapshot.nodes)},
            {QStringLiteral("devices"), arrayOf(snapshot.devices)},
            {QStringLiteral("switches"), arrayOf(snapshot.switches)},
            {QStringLiteral("links"), arrayOf(snapshot.links)},
            {QStringLiteral("storageLocations"), arrayOf(snapshot.storageLocations)}};
}

Result<InventorySnapshot> snapshotFromJson(const QJsonObject &object)
{
    InventorySnapshot snapshot;
    snapshot.revision = int64(object, "revision");
    auto sites = listFrom<Site>(object, "sites", EntityKind::Site);
    auto clusters = listFrom<Cluster>(object, "clusters", EntityKind::Cluster);
    auto nodes = listFrom<Node>(object, "nodes", EntityKind::Node);
    auto devices = listFrom<Device>(object, "devices", EntityKind::Device);
    auto switches = listFrom<Switch>(object, "switches", EntityKind::Switch);
    auto links = listFrom<Link>(object, "links", EntityKind::Link);
    auto locations = listFrom<StorageLocation>(object, "storageLocations",
                                               EntityKind::StorageLocation);
    for (const QString &error : {sites.error(), clusters.error(), nodes.error(), devices.error(),
                                 switches.error(), links.error(), locations.error()}) {
        if (!error.isEmpty())
            return makeError(error);
    }
    snapshot.sites = *sites;
    snapshot.clusters = *clusters;
    snapshot.nodes = *nodes;
    snapshot.devices = *devices;
    snapshot.switches = *switches;
    snapshot.links = *links;
    snapshot.storageLocations = *locations;
    return snapshot;
}

} // namespace Continuo
