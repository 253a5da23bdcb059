#include "Scenario.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace Continuo::Simulator {

namespace {

constexpr qint64 GiB = qint64(1) << 30;

/// Thrown inside the parser only; turned into a Result error at the boundary.
struct ScenarioError
{
    QString message;
};

QString where(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return QString();
    return QStringLiteral("line %1: ").arg(mark.line + 1);
}

[[noreturn]] void fail(const YAML::Node &node, const QString &message)
{
    throw ScenarioError{where(node) + message};
}

QString requiredString(const YAML::Node &map, const char *key)
{
    const YAML::Node value = map[key];
    if (!value || !value.IsScalar() || value.Scalar().empty())
        fail(map, QStringLiteral("\"%1\" is required").arg(QLatin1String(key)));
    return QString::fromStdString(value.Scalar());
}

QString optionalString(const YAML::Node &map, const char *key, const QString &fallback = {})
{
    const YAML::Node value = map[key];
    if (!value)
        return fallback;
    if (!value.IsScalar())
        fail(value, QStringLiteral("\"%1\" must be text").arg(QLatin1String(key)));
    return QString::fromStdString(value.Scalar());
}

double number(const YAML::Node &map, const char *key, double fallback, double min, double max)
{
    const YAML::Node value = map[key];
    if (!value)
        return fallback;
    double result = 0;
    try {
        result = value.as<double>();
    } catch (const YAML::Exception &) {
        fail(value, QStringLiteral("\"%1\" must be a number").arg(QLatin1String(key)));
    }
    if (!(result >= min && result <= max))
        fail(value, QStringLiteral("\"%1\" = %2 is outside [%3, %4]")
                        .arg(QLatin1String(key)).arg(result).arg(min).arg(max));
    return result;
}

template<typename Enum>
Enum enumField(const YAML::Node &map, const char *key, bool required = true)
{
    const QString text = required ? requiredString(map, key) : optionalString(map, key);
    if (text.isEmpty() && !required)
        return Enum::Unknown;
    const Enum value = enumFromString<Enum>(text);
    if (value == Enum::Unknown)
        fail(map[key], QStringLiteral("unknown %1 \"%2\"").arg(QLatin1String(key), text));
    return value;
}

Labels labels(const YAML::Node &map)
{
    Labels result;
    const YAML::Node node = map["labels"];
    if (!node)
        return result;
    if (!node.IsMap())
        fail(node, QStringLiteral("\"labels\" must be a map"));
    for (const auto &entry : node)
        result.insert(QString::fromStdString(entry.first.as<std::string>()),
                      QString::fromStdString(entry.second.as<std::string>()));
    return result;
}

YAML::Node sequence(const YAML::Node &root, const char *key)
{
    const YAML::Node node = root[key];
    if (node && !node.IsSequence())
        fail(node, QStringLiteral("\"%1\" must be a list").arg(QLatin1String(key)));
    return node;
}

QString expandPattern(const QString &pattern, int index)
{
    // "%02d" style: one printf integer conversion.
    const QByteArray utf8 = pattern.toUtf8();
    return QString::asprintf(utf8.constData(), index);
}

FaultKind faultKind(const YAML::Node &map)
{
    const QString text = requiredString(map, "kind");
    if (text == QLatin1String("degraded-switch"))
        return FaultKind::DegradedSwitch;
    if (text == QLatin1String("hot-node"))
        return FaultKind::HotNode;
    if (text == QLatin1String("link-down"))
        return FaultKind::LinkDown;
    fail(map["kind"], QStringLiteral("unknown fault kind \"%1\" (degraded-switch, hot-node, link-down)").arg(text));
}

void checkUnique(QSet<QString> &ids, const QString &id, const YAML::Node &node)
{
    if (ids.contains(id))
        fail(node, QStringLiteral("duplicate id \"%1\"").arg(id));
    ids.insert(id);
}

bool isIpv4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool ok = false;
        const int octet = part.toInt(&ok);
        if (!ok || part.isEmpty() || part.size() > 3 || octet < 0 || octet > 255)
            return false;
    }
    return true;
}

/// `a:`/`b:` of a flow: a host on a switch port that no link uses.
FlowEndpointSpec flowEndpoint(const YAML::Node &flow, const char *key, const QString &flowId,
                              const InventorySnapshot &inventory)
{
    const YAML::Node node = flow[key];
    if (!node || !node.IsMap())
        fail(flow, QStringLiteral("flow %1 needs endpoint \"%2\" {name, ip, switch, port}")
                       .arg(flowId, QLatin1String(key)));
    FlowEndpointSpec end;
    end.ip = requiredString(node, "ip");
    if (!isIpv4(end.ip))
        fail(node["ip"], QStringLiteral("flow %1: %2.ip \"%3\" is not an IPv4 address")
                             .arg(flowId, QLatin1String(key), end.ip));
    end.name = optionalString(node, "name", end.ip);
    end.switchId = requiredString(node, "switch");
    if (std::none_of(inventory.switches.cbegin(), inventory.switches.cend(),
                     [&end](const Switch &s) { return s.id == end.switchId; }))
        fail(node["switch"], QStringLiteral("flow %1: %2.switch: no switch \"%3\"")
                                 .arg(flowId, QLatin1String(key), end.switchId));
    if (!node["port"])
        fail(node, QStringLiteral("flow %1: %2.port (the switch port facing the host) is required")
                       .arg(flowId, QLatin1String(key)));
    end.port = int(number(node, "port", 0, 1, 511));
    for (const Link &link : inventory.links) {
        if ((link.a.id == end.switchId && link.a.port == end.port)
            || (link.b.id == end.switchId && link.b.port == end.port))
            fail(node["port"], QStringLiteral("flow %1: port %2 of %3 belongs to link %4, not to a host")
                                   .arg(flowId).arg(end.port).arg(end.switchId, link.id));
    }
    return end;
}

int ipProtocol(const YAML::Node &flow, const QString &flowId)
{
    const QString text = optionalString(flow, "protocol", QStringLiteral("udp")).toLower();
    if (text == QLatin1String("udp") || text == QLatin1String("17"))
        return 17;
    if (text == QLatin1String("tcp") || text == QLatin1String("6"))
        return 6;
    fail(flow["protocol"], QStringLiteral("flow %1: protocol \"%2\" is not tcp or udp").arg(flowId, text));
}

/// `flows:` and `slas:`, after the switches and links they refer to.
void parseFlows(const YAML::Node &root, Scenario &scenario)
{
    const InventorySnapshot &inventory = scenario.inventory;
    auto linkBetween = [&inventory](const QString &x, const QString &y) {
        return std::any_of(inventory.links.cbegin(), inventory.links.cend(), [&](const Link &l) {
            return (l.a.id == x && l.b.id == y) || (l.a.id == y && l.b.id == x);
        });
    };
    QSet<QString> flowIds;
    QSet<quint32> intFlowIds;
    for (const auto &item : sequence(root, "flows")) {
        FlowSpec flow;
        flow.id = requiredString(item, "id");
        if (flowIds.contains(flow.id))
            fail(item, QStringLiteral("duplicate flow id \"%1\"").arg(flow.id));
        flowIds.insert(flow.id);
        flow.name = optionalString(item, "name", flow.id);
        if (!item["flowId"])
            fail(item, QStringLiteral("flow %1: \"flowId\" (the INT flow id) is required").arg(flow.id));
        flow.flowId = quint32(number(item, "flowId", 0, 1, 4294967295.0));
        if (intFlowIds.contains(flow.flowId))
            fail(item["flowId"], QStringLiteral("flow %1: flowId %2 is used by another flow").arg(flow.id).arg(flow.flowId));
        intFlowIds.insert(flow.flowId);
        flow.a = flowEndpoint(item, "a", flow.id, inventory);
        flow.b = flowEndpoint(item, "b", flow.id, inventory);
        flow.protocol = ipProtocol(item, flow.id);
        flow.sourcePort = int(number(item, "sport", 0, 0, 65535));
        flow.destinationPort = int(number(item, "dport", 0, 0, 65535));
        flow.ratePps = number(item, "ratePps", 200, 0, 100000);
        if (const YAML::Node telemetry = item["telemetry"]) {
            try {
                flow.telemetry = telemetry.as<bool>();
            } catch (const YAML::Exception &) {
                fail(telemetry, QStringLiteral("flow %1: \"telemetry\" must be true or false").arg(flow.id));
            }
        }
        if (const YAML::Node pinned = item["pinnedPath"]) {
            if (!pinned.IsSequence() || pinned.size() == 0)
                fail(pinned, QStringLiteral("flow %1: pinnedPath must be a list of switch ids").arg(flow.id));
            for (const auto &entry : pinned) {
                const QString id = entry.IsScalar() ? QString::fromStdString(entry.Scalar()) : QString();
                if (std::none_of(inventory.switches.cbegin(), inventory.switches.cend(),
                                 [&id](const Switch &s) { return s.id == id; }))
                    fail(entry, QStringLiteral("flow %1: pinnedPath: no switch \"%2\"").arg(flow.id, id));
                if (!flow.pinnedPath.isEmpty() && !linkBetween(flow.pinnedPath.constLast(), id))
                    fail(entry, QStringLiteral("flow %1: pinnedPath: no link between %2 and %3")
                                    .arg(flow.id, flow.pinnedPath.constLast(), id));
                flow.pinnedPath.append(id);
            }
            if (flow.pinnedPath.constFirst() != flow.a.switchId || flow.pinnedPath.constLast() != flow.b.switchId)
                fail(pinned, QStringLiteral("flow %1: pinnedPath must run from %2 (a) to %3 (b)")
                                 .arg(flow.id, flow.a.switchId, flow.b.switchId));
        }
        scenario.flows.append(flow);
    }

    QSet<QString> slaIds;
    for (const auto &item : sequence(root, "slas")) {
        SlaSpec sla;
        sla.id = requiredString(item, "id");
        if (slaIds.contains(sla.id))
            fail(item, QStringLiteral("duplicate sla id \"%1\"").arg(sla.id));
        slaIds.insert(sla.id);
        sla.flow = requiredString(item, "flow");
        if (!flowIds.contains(sla.flow))
            fail(item["flow"], QStringLiteral("sla %1: no flow \"%2\"").arg(sla.id, sla.flow));
        sla.metric = optionalString(item, "metric", QStringLiteral("avg"));
        if (sla.metric != QLatin1String("avg") && sla.metric != QLatin1String("max"))
            fail(item["metric"], QStringLiteral("sla %1: metric \"%2\" is not avg or max").arg(sla.id, sla.metric));
        if (!item["thresholdMs"])
            fail(item, QStringLiteral("sla %1: \"thresholdMs\" is required").arg(sla.id));
        sla.thresholdMs = number(item, "thresholdMs", 1, 0.000001, 1e6);
        sla.persistenceMs = qint64(number(item, "persistenceMs", 0, 0, 86'400'000));
        sla.windowMs = qint64(number(item, "windowMs", 1000, 1, 3'600'000));
        scenario.slas.append(sla);
    }
}

Scenario parseDocument(const YAML::Node &root)
{
    if (!root.IsMap())
        fail(root, QStringLiteral("a scenario is a map with sites, clusters, nodeGroups, switches, links"));
    Scenario scenario;
    scenario.name = requiredString(root, "name");
    scenario.description = optionalString(root, "description");
    scenario.seed = quint64(number(root, "seed", 42, 0, 9.0e15));
    scenario.tickMs = qint64(number(root, "tickMs", 1000, 50, 3'600'000));
    auto &inventory = scenario.inventory;
    QSet<QString> ids;

    for (const auto &item : sequence(root, "sites")) {
        Site site;
        site.id = requiredString(item, "id");
        checkUnique(ids, site.id, item);
        site.name = optionalString(item, "name", site.id);
        site.kind = enumField<SiteKind>(item, "kind");
        if (const YAML::Node location = item["location"]) {
            site.location.name = optionalString(location, "name");
            site.location.latitude = number(location, "latitude", 0, -90, 90);
            site.location.longitude = number(location, "longitude", 0, -180, 180);
        }
        site.labels = labels(item);
        scenario.utcOffsetHoursBySite.insert(site.id, number(item, "utcOffsetHours", 0, -12, 14));
        inventory.sites.append(site);
    }
    auto siteExists = [&inventory](const QString &id) {
        return std::any_of(inventory.sites.cbegin(), inventory.sites.cend(),
                           [&id](const Site &s) { return s.id == id; });
    };

    for (const auto &item : sequence(root, "clusters")) {
        Cluster cluster;
        cluster.id = requiredString(item, "id");
        checkUnique(ids, cluster.id, item);
        cluster.name = optionalString(item, "name", cluster.id);
        cluster.siteId = requiredString(item, "site");
        if (!siteExists(cluster.siteId))
            fail(item, QStringLiteral("cluster %1: no site \"%2\"").arg(cluster.id, cluster.siteId));
        cluster.backend = enumField<BackendKind>(item, "backend");
        cluster.pluginId = QStringLiteral("simulator");
        cluster.labels = labels(item);
        cluster.labels.insert(QStringLiteral("continuo.io/simulated"), QStringLiteral("true"));
        inventory.clusters.append(cluster);
    }

    for (const auto &group : sequence(root, "nodeGroups")) {
        const QString clusterId = requiredString(group, "cluster");
        auto cluster = std::find_if(inventory.clusters.cbegin(), inventory.clusters.cend(),
                                    [&clusterId](const Cluster &c) { return c.id == clusterId; });
        if (cluster == inventory.clusters.cend())
            fail(group, QStringLiteral("node group: no cluster \"%1\"").arg(clusterId));
        const QString pattern = requiredString(group, "namePattern");
        if (pattern.count(QLatin1Char('%')) != 1 || !pattern.contains(QRegularExpression(QStringLiteral("%0?\\d*d"))))
            fail(group["namePattern"], QStringLiteral("namePattern needs exactly one %d-style number"));
        const int count = int(number(group, "count", 1, 1, 100000));
        const int first = int(number(group, "first", 1, 0, 1e9));
        LoadProfile load;
        if (const YAML::Node l = group["load"]) {
            load.base = number(l, "base", load.base, 0, 1);
            load.dailyAmplitude = number(l, "dailyAmplitude", load.dailyAmplitude, 0, 1);
            load.noise = number(l, "noise", load.noise, 0, 1);
            load.peakHour = number(l, "peakHour", load.peakHour, 0, 24);
            load.memoryBase = number(l, "memoryBase", load.memoryBase, 0, 1);
        }
        const YAML::Node devices = sequence(group, "devices");
        for (int i = 0; i < count; ++i) {
            Node node;
            node.id = expandPattern(pattern, first + i);
            checkUnique(ids, node.id, group);
            node.name = node.id;
            node.clusterId = clusterId;
            node.siteId = cluster->siteId;
            node.capacity.cpuCores = number(group, "cpuCores", 8, 0.1, 1e5);
            node.capacity.memoryBytes = qint64(number(group, "memoryGiB", 16, 0, 1e6) * GiB);
            node.capacity.diskBytes = qint64(number(group, "diskGiB", 100, 0, 1e8) * GiB);
            node.arch = optionalString(group, "arch", QStringLiteral("x86_64"));
            node.labels = labels(group);
            node.securityTier = enumField<SecurityTier>(group, "securityTier", false);
            if (node.securityTier == SecurityTier::Unknown)
                node.securityTier = SecurityTier::Standard;
            node.state = NodeState::Ready;
            for (const auto &spec : devices) {
                const int every = int(number(spec, "every", 1, 1, 1e6));
                if (i % every != 0)
                    continue;
                const int perNode = int(number(spec, "count", 1, 1, 64));
                for (int d = 0; d < perNode; ++d) {
                    Device device;
                    device.kind = enumField<DeviceKind>(spec, "kind");
                    device.id = QStringLiteral("%1/%2%3").arg(node.id, toString(device.kind)).arg(d);
                    device.nodeId = node.id;
                    device.model = requiredString(spec, "model");
                    device.memoryBytes = qint64(number(spec, "memoryGiB", 0, 0, 1e5) * GiB);
                    device.vaccelCapable = spec["vaccel"] && spec["vaccel"].as<bool>();
                    inventory.devices.append(device);
                }
            }
            scenario.loadByNode.insert(node.id, load);
            inventory.nodes.append(node);
        }
    }

    for (const auto &item : sequence(root, "switches")) {
        Switch sw;
        sw.id = requiredString(item, "id");
        checkUnique(ids, sw.id, item);
        sw.name = optionalString(item, "name", sw.id);
        sw.siteId = optionalString(item, "site");
        if (!sw.siteId.isEmpty() && !siteExists(sw.siteId))
            fail(item, QStringLiteral("switch %1: no site \"%2\"").arg(sw.id, sw.siteId));
        sw.target = optionalString(item, "target", QStringLiteral("bmv2"));
        sw.managementAddress = optionalString(item, "managementAddress");
        sw.portCount = int(number(item, "ports", 32, 1, 4096));
        sw.state = SwitchState::Up;
        if (item["hopLatencyUs"])
            scenario.hopLatencyUsBySwitch.insert(sw.id, number(item, "hopLatencyUs", 40, 0.1, 1e6));
        inventory.switches.append(sw);
    }

    for (const auto &item : sequence(root, "links")) {
        Link link;
        link.id = requiredString(item, "id");
        checkUnique(ids, link.id, item);
        for (auto [key, end] : {std::pair{"a", &link.a}, std::pair{"b", &link.b}}) {
            const YAML::Node endpoint = item[key];
            if (!endpoint || !endpoint.IsMap())
                fail(item, QStringLiteral("link %1 needs endpoint \"%2\" {id, port}").arg(link.id, QLatin1String(key)));
            end->id = requiredString(endpoint, "id");
            end->port = int(number(endpoint, "port", 0, 0, 65535));
            const bool known = std::any_of(inventory.switches.cbegin(), inventory.switches.cend(),
                                           [end](const Switch &s) { return s.id == end->id; })
                               || std::any_of(inventory.nodes.cbegin(), inventory.nodes.cend(),
                                              [end](const Node &n) { return n.id == end->id; });
            if (!known)
                fail(endpoint, QStringLiteral("link %1: no switch or node \"%2\"").arg(link.id, end->id));
        }
        link.capacityBitsPerSecond = qint64(number(item, "capacityGbps", 10, 0.001, 1e5) * 1e9);
        link.latencyMs = number(item, "latencyMs", 1, 0, 1e5);
        link.state = LinkState::Up;
        if (const YAML::Node measured = item["measured"]; measured && !measured.as<bool>())
            scenario.unmeasuredLinks.insert(link.id);
        inventory.links.append(link);
    }

    for (const auto &item : sequence(root, "paths")) {
        MeasuredPathSpec path;
        path.from = requiredString(item, "from");
        path.to = requiredString(item, "to");
        const YAML::Node links = item["links"];
        if (!links || !links.IsSequence() || links.size() == 0)
            fail(item, QStringLiteral("path %1→%2 needs a list of links").arg(path.from, path.to));
        // The links must form a walk from `from` to `to`.
        QString at = path.from;
        for (const auto &entry : links) {
            const QString id = QString::fromStdString(entry.as<std::string>(""));
            const auto link = std::find_if(inventory.links.cbegin(), inventory.links.cend(),
                                           [&](const Link &l) { return l.id == id; });
            if (link == inventory.links.cend())
                fail(entry, QStringLiteral("path %1→%2: no link \"%3\"").arg(path.from, path.to, id));
            if (link->a.id != at && link->b.id != at)
                fail(entry, QStringLiteral("path %1→%2: link %3 does not continue from %4")
                                .arg(path.from, path.to, id, at));
            at = link->a.id == at ? link->b.id : link->a.id;
            path.links.append(id);
        }
        if (at != path.to)
            fail(item, QStringLiteral("path %1→%2 ends at %3").arg(path.from, path.to, at));
        scenario.paths.append(path);
    }

    parseFlows(root, scenario);

    for (const auto &item : sequence(root, "storage")) {
        StorageLocation location;
        location.id = requiredString(item, "id");
        checkUnique(ids, location.id, item);
        location.name = optionalString(item, "name", location.id);
        location.siteId = optionalString(item, "site");
        location.kind = enumField<StorageKind>(item, "kind");
        location.costPerGibMonth = number(item, "costPerGibMonth", 0, 0, 1e6);
        location.latencyMs = number(item, "latencyMs", 0, 0, 1e6);
        location.capacityBytes = qint64(number(item, "capacityGiB", 0, 0, 1e9) * GiB);
        inventory.storageLocations.append(location);
    }

    for (const auto &item : sequence(root, "faults")) {
        FaultSchedule fault;
        fault.kind = faultKind(item);
        fault.target = requiredString(item, "target");
        if (!ids.contains(fault.target))
            fail(item, QStringLiteral("fault target \"%1\" does not exist").arg(fault.target));
        fault.startSeconds = qint64(number(item, "startSeconds", 0, 0, 1e9));
        fault.durationSeconds = qint64(number(item, "durationSeconds", 60, 1, 1e9));
        fault.periodSeconds = qint64(number(item, "periodSeconds", 0, 0, 1e9));
        if (fault.periodSeconds != 0 && fault.periodSeconds <= fault.durationSeconds)
            fail(item, QStringLiteral("periodSeconds must be longer than durationSeconds"));
        fault.latencyFactor = number(item, "latencyFactor", 5, 1, 1000);
        scenario.faults.append(fault);
    }
    if (inventory.sites.isEmpty())
        fail(root, QStringLiteral("a scenario needs at least one site"));
    return scenario;
}

} // namespace

bool FaultSchedule::isActiveAt(qint64 secondsSinceStart) const
{
    if (secondsSinceStart < startSeconds)
        return false;
    const qint64 offset = secondsSinceStart - startSeconds;
    if (periodSeconds <= 0)
        return offset < durationSeconds;
    return offset % periodSeconds < durationSeconds;
}

Result<Scenario> Scenario::parse(const QByteArray &yaml)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        return parseDocument(root);
    } catch (const ScenarioError &error) {
        return makeError(error.message);
    } catch (const YAML::Exception &exception) {
        return makeError(QString::fromStdString(exception.what()));
    }
}

Result<Scenario> Scenario::load(const QString &nameOrPath)
{
    const bool builtIn = !nameOrPath.contains(QLatin1Char('/')) && !nameOrPath.endsWith(QLatin1String(".yaml"));
    const QString path = builtIn ? QStringLiteral(":/continuo/scenarios/%1.yaml").arg(nameOrPath) : nameOrPath;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(builtIn ? QStringLiteral("no built-in scenario \"%1\" (try \"demo\")").arg(nameOrPath)
                                 : QStringLiteral("cannot read scenario %1: %2").arg(path, file.errorString()));
    }
    auto scenario = parse(file.readAll());
    if (!scenario)
        return makeError(QStringLiteral("scenario %1: %2").arg(nameOrPath, scenario.error()));
    return scenario;
}

} // namespace Continuo::Simulator
