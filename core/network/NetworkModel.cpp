#include "network/NetworkModel.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Continuo {

namespace {

/// Reads typed members of one JSON object. The first problem wins and names the key with its
/// path ("connection.a.switchPort: expected an integer, got \"3\""); later reads are no-ops.
/// Absent keys keep the member's default, so older documents stay readable.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    {
    }

    QString keyPath(QLatin1StringView key) const { return m_path + u'.' + key; }

    void read(QLatin1StringView key, QString *out)
    {
        const QJsonValue value = lookup(key);
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isString())
            return fail(key, u"expected a string"_s, value);
        *out = value.toString();
    }

    void read(QLatin1StringView key, bool *out)
    {
        const QJsonValue value = lookup(key);
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isBool())
            return fail(key, u"expected true or false"_s, value);
        *out = value.toBool();
    }

    void read(QLatin1StringView key, double *out)
    {
        const QJsonValue value = lookup(key);
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isDouble())
            return fail(key, u"expected a number"_s, value);
        *out = value.toDouble();
    }

    /// Integers within [min, max]; JSON numbers with a fraction are refused.
    template <typename Int>
    void readInteger(QLatin1StringView key, Int *out, qint64 min = std::numeric_limits<Int>::min(),
                     qint64 max = std::numeric_limits<Int>::max())
    {
        const QJsonValue value = lookup(key);
        if (value.isUndefined() || value.isNull())
            return;
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || std::trunc(number) != number)
            return fail(key, u"expected an integer"_s, value);
        if (number < double(min) || number > double(max))
            return fail(key, u"%1 is out of range %2..%3"_s.arg(QString::number(number, 'g', 17))
                                 .arg(min)
                                 .arg(max));
        *out = static_cast<Int>(value.toInteger());
    }

    void read(QLatin1StringView key, QStringList *out)
    {
        const QJsonValue value = lookup(key);
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isArray())
            return fail(key, u"expected an array of strings"_s, value);
        QStringList list;
        const QJsonArray array = value.toArray();
        list.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                return fail(key, u"element %1: expected a string"_s.arg(i), array.at(i));
            list.append(array.at(i).toString());
        }
        *out = std::move(list);
    }

    /// A nested object; an absent key gives an empty object.
    QJsonObject object(QLatin1StringView key)
    {
        const QJsonValue value = lookup(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isObject()) {
            fail(key, u"expected an object"_s, value);
            return {};
        }
        return value.toObject();
    }

    void require(QLatin1StringView key)
    {
        if (!failed() && !m_object.contains(key))
            *m_error = keyPath(key) + u": missing"_s;
    }

    bool failed() const { return !m_error->isEmpty(); }

private:
    QJsonValue lookup(QLatin1StringView key) const
    {
        return failed() ? QJsonValue(QJsonValue::Undefined) : m_object.value(key);
    }

    static QString describe(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::String:
            return u"\"%1\""_s.arg(value.toString().left(40));
        case QJsonValue::Double:
            return QString::number(value.toDouble(), 'g', 17);
        case QJsonValue::Bool:
            return value.toBool() ? u"true"_s : u"false"_s;
        case QJsonValue::Array:
            return u"an array"_s;
        case QJsonValue::Object:
            return u"an object"_s;
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            break;
        }
        return u"null"_s;
    }

    void fail(QLatin1StringView key, const QString &message, const QJsonValue &value)
    {
        fail(key, message + u", got "_s + describe(value));
    }

    void fail(QLatin1StringView key, const QString &message)
    {
        *m_error = keyPath(key) + u": "_s + message;
    }

    const QJsonObject &m_object;
    QString m_path;
    QString *m_error;
};

void readEndpoint(JsonReader &parent, QLatin1StringView key, const QString &path,
                  ConnectionEndpoint *endpoint, QString *error)
{
    const QJsonObject object = parent.object(key);
    if (parent.failed())
        return;
    JsonReader reader(object, path, error);
    reader.read("name"_L1, &endpoint->name);
    reader.read("ip"_L1, &endpoint->ip);
    reader.read("vtep"_L1, &endpoint->vtep);
    reader.read("switchId"_L1, &endpoint->switchId);
    reader.readInteger("switchPort"_L1, &endpoint->switchPort, 0, 65535);
    reader.readInteger("l4Port"_L1, &endpoint->l4Port, 0, 65535);
}

bool isIpv4(const QString &text)
{
    // QHostAddress also takes "10.1" and "0x0a000001"; operators mean dotted quads.
    const QStringList parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > 3)
            return false;
        for (QChar c : part) {
            if (!c.isDigit())
                return false;
        }
        if (part.toInt() > 255)
            return false;
    }
    return true;
}

Result<void> validateEndpoint(const ConnectionEndpoint &endpoint, const QString &side)
{
    const QString label = endpoint.name.isEmpty() ? side : u"%1 (%2)"_s.arg(side, endpoint.name);
    if (endpoint.ip.isEmpty())
        return makeError(u"endpoint %1: ip is missing"_s.arg(label));
    if (!isIpv4(endpoint.ip))
        return makeError(
            u"endpoint %1: ip '%2' is not an IPv4 address (a.b.c.d)"_s.arg(label, endpoint.ip));
    if (!endpoint.vtep.isEmpty() && !isIpv4(endpoint.vtep))
        return makeError(
            u"endpoint %1: vtep '%2' is not an IPv4 address (a.b.c.d)"_s.arg(label, endpoint.vtep));
    if (endpoint.switchId.isEmpty() && endpoint.vtep.isEmpty())
        return makeError(
            u"endpoint %1: switchId is missing (a host needs the switch it hangs "
            "off; only a pod endpoint with a vtep may leave it to its node's link)"_s.arg(label));
    // v1model ports are 9 bits.
    if (endpoint.switchPort < 0 || endpoint.switchPort > 511)
        return makeError(u"endpoint %1: switchPort %2 is out of range 0..511"_s.arg(label).arg(
            endpoint.switchPort));
    if (endpoint.l4Port < 0 || endpoint.l4Port > 65535)
        return makeError(
            u"endpoint %1: l4Port %2 is out of range 0..65535 (0: any)"_s.arg(label).arg(
                endpoint.l4Port));
    return {};
}

} // namespace

QString toString(SlaMetric metric)
{
    switch (metric) {
    case SlaMetric::AvgLatency:
        return u"avg"_s;
    case SlaMetric::MaxLatency:
        return u"max"_s;
    case SlaMetric::Unknown:
        break;
    }
    return u"unknown"_s;
}

QJsonObject toJson(const ConnectionEndpoint &endpoint)
{
    return {{u"name"_s, endpoint.name},
            {u"ip"_s, endpoint.ip},
            {u"vtep"_s, endpoint.vtep},
            {u"switchId"_s, endpoint.switchId},
            {u"switchPort"_s, endpoint.switchPort},
            {u"l4Port"_s, endpoint.l4Port}};
}

QJsonObject toJson(const Connection &connection)
{
    return {{u"id"_s, connection.id},
            {u"name"_s, connection.name},
            {u"a"_s, toJson(connection.a)},
            {u"b"_s, toJson(connection.b)},
            {u"ipProtocol"_s, connection.ipProtocol},
            {u"bidirectional"_s, connection.bidirectional},
            {u"flowId"_s, qint64(connection.flowId)},
            {u"telemetry"_s, connection.telemetry},
            {u"priority"_s, connection.priority},
            {u"pinnedPath"_s, QJsonArray::fromStringList(connection.pinnedPath)},
            {u"path"_s, QJsonArray::fromStringList(connection.path)},
            {u"backupPath"_s, QJsonArray::fromStringList(connection.backupPath)},
            {u"avoidedSwitches"_s, QJsonArray::fromStringList(connection.avoidedSwitches)},
            {u"updatedMs"_s, connection.updatedMs}};
}

QJsonObject toJson(const SlaRule &rule)
{
    return {{u"id"_s, rule.id},
            {u"connectionId"_s, rule.connectionId},
            {u"metric"_s, toString(rule.metric)},
            {u"thresholdMs"_s, rule.thresholdMs},
            {u"persistenceMs"_s, rule.persistenceMs},
            {u"windowMs"_s, rule.windowMs},
            {u"reroute"_s, rule.reroute},
            {u"enabled"_s, rule.enabled}};
}

Result<Connection> connectionFromJson(const QJsonObject &json)
{
    Connection connection;
    QString error;
    JsonReader reader(json, u"connection"_s, &error);
    reader.require("id"_L1);
    reader.read("id"_L1, &connection.id);
    reader.read("name"_L1, &connection.name);
    reader.require("a"_L1);
    reader.require("b"_L1);
    readEndpoint(reader, "a"_L1, reader.keyPath("a"_L1), &connection.a, &error);
    readEndpoint(reader, "b"_L1, reader.keyPath("b"_L1), &connection.b, &error);
    reader.readInteger("ipProtocol"_L1, &connection.ipProtocol, 0, 255);
    reader.read("bidirectional"_L1, &connection.bidirectional);
    reader.readInteger("flowId"_L1, &connection.flowId);
    reader.read("telemetry"_L1, &connection.telemetry);
    reader.readInteger("priority"_L1, &connection.priority);
    reader.read("pinnedPath"_L1, &connection.pinnedPath);
    reader.read("path"_L1, &connection.path);
    reader.read("backupPath"_L1, &connection.backupPath);
    reader.read("avoidedSwitches"_L1, &connection.avoidedSwitches);
    reader.readInteger("updatedMs"_L1, &connection.updatedMs);
    if (!error.isEmpty())
        return makeError(error);
    return connection;
}

Result<SlaRule> slaRuleFromJson(const QJsonObject &json)
{
    SlaRule rule;
    QString error;
    JsonReader reader(json, u"slaRule"_s, &error);
    reader.require("id"_L1);
    reader.read("id"_L1, &rule.id);
    reader.require("connectionId"_L1);
    reader.read("connectionId"_L1, &rule.connectionId);
    QString metric = toString(rule.metric);
    reader.read("metric"_L1, &metric);
    if (!reader.failed()) {
        if (metric == "avg"_L1)
            rule.metric = SlaMetric::AvgLatency;
        else if (metric == "max"_L1)
            rule.metric = SlaMetric::MaxLatency;
        else
            error = reader.keyPath("metric"_L1) +
                    u": unknown metric \"%1\" (expected \"avg\" or \"max\")"_s.arg(metric);
    }
    reader.read("thresholdMs"_L1, &rule.thresholdMs);
    reader.readInteger("persistenceMs"_L1, &rule.persistenceMs);
    reader.readInteger("windowMs"_L1, &rule.windowMs);
    reader.read("reroute"_L1, &rule.reroute);
    reader.read("enabled"_L1, &rule.enabled);
    if (!error.isEmpty())
        return makeError(error);
    return rule;
}

Result<void> validateConnection(const Connection &connection)
{
    if (connection.id.trimmed().isEmpty())
        return makeError(u"connection has no id"_s);
    const QString prefix = u"connection %1: "_s.arg(connection.id);
    if (auto ok = validateEndpoint(connection.a, u"a"_s); !ok)
        return makeError(prefix + ok.error());
    if (auto ok = validateEndpoint(connection.b, u"b"_s); !ok)
        return makeError(prefix + ok.error());
    if (connection.a.ip == connection.b.ip)
        return makeError(prefix + u"both endpoints have ip %1"_s.arg(connection.a.ip));
    if (connection.ipProtocol != 0 && connection.ipProtocol != 6 && connection.ipProtocol != 17)
        return makeError(prefix + u"ipProtocol %1 is not supported (6 TCP, 17 UDP, 0 any)"_s.arg(
                                      connection.ipProtocol));
    if (connection.ipProtocol == 0 && (connection.a.l4Port != 0 || connection.b.l4Port != 0))
        return makeError(prefix + u"L4 ports need ipProtocol 6 (TCP) or 17 (UDP); 0 matches any "
                                  "protocol, whose packets may have no ports"_s);
    if (connection.priority <= 0)
        return makeError(prefix +
                         u"priority %1 must be positive (table0 is ternary: higher wins)"_s.arg(
                             connection.priority));
    if (!connection.pinnedPath.isEmpty()) {
        QSet<QString> seen;
        for (const QString &switchId : connection.pinnedPath) {
            if (switchId.isEmpty())
                return makeError(prefix + u"pinnedPath has an empty switch id"_s);
            if (seen.contains(switchId))
                return makeError(prefix + u"pinnedPath visits %1 twice"_s.arg(switchId));
            seen.insert(switchId);
        }
        if (!connection.a.switchId.isEmpty() &&
            connection.pinnedPath.first() != connection.a.switchId)
            return makeError(prefix + u"pinnedPath starts at %1 but endpoint a hangs off %2"_s.arg(
                                          connection.pinnedPath.first(), connection.a.switchId));
        if (!connection.b.switchId.isEmpty() &&
            connection.pinnedPath.last() != connection.b.switchId)
            return makeError(prefix + u"pinnedPath ends at %1 but endpoint b hangs off %2"_s.arg(
                                          connection.pinnedPath.last(), connection.b.switchId));
    }
    return {};
}

Result<void> validateSlaRule(const SlaRule &rule)
{
    if (rule.id.trimmed().isEmpty())
        return makeError(u"SLA rule has no id"_s);
    const QString prefix = u"SLA rule %1: "_s.arg(rule.id);
    if (rule.connectionId.isEmpty())
        return makeError(prefix + u"connectionId is missing"_s);
    if (rule.metric == SlaMetric::Unknown)
        return makeError(prefix + u"metric is unknown (expected avg or max)"_s);
    if (!std::isfinite(rule.thresholdMs) || rule.thresholdMs <= 0)
        return makeError(prefix + u"thresholdMs %1 must be a positive number of milliseconds"_s.arg(
                                      rule.thresholdMs));
    if (rule.persistenceMs < 0)
        return makeError(prefix +
                         u"persistenceMs %1 must be 0 (fire on the first violating postcard) "
                         "or more"_s.arg(rule.persistenceMs));
    if (rule.metric == SlaMetric::AvgLatency && (rule.windowMs <= 0 || rule.windowMs > 3'600'000))
        return makeError(prefix + u"windowMs %1 must be within 1..3600000 for the avg metric"_s.arg(
                                      rule.windowMs));
    return {};
}

} // namespace Continuo
