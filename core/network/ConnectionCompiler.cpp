#include "network/ConnectionCompiler.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace Continuo::ConnectionCompiler {

namespace {

/// Big-endian, (bitwidth + 7) / 8 bytes; nullopt when the value has bits beyond the width.
std::optional<QByteArray> fixedWidth(quint64 value, int bitwidth)
{
    if (bitwidth <= 0 || bitwidth > 64 || (bitwidth < 64 && (value >> bitwidth) != 0))
        return std::nullopt;
    const int size = (bitwidth + 7) / 8;
    QByteArray bytes(size, '\0');
    for (int i = 0; i < size; ++i)
        bytes[size - 1 - i] = char((value >> (8 * i)) & 0xff);
    return bytes;
}

quint64 allOnes(int bitwidth)
{
    return bitwidth >= 64 ? ~quint64(0) : (quint64(1) << bitwidth) - 1;
}

std::optional<quint32> parseIpv4(const QString &text)
{
    const QStringList parts = text.split(u'.');
    if (parts.size() != 4)
        return std::nullopt;
    quint32 address = 0;
    for (const QString &part : parts) {
        bool ok = false;
        const uint octet = part.toUInt(&ok, 10);
        if (!ok || part.isEmpty() || part.size() > 3 || octet > 255)
            return std::nullopt;
        address = (address << 8) | octet;
    }
    return address;
}

std::optional<quint64> parseMac(const QString &text)
{
    const QStringList parts = text.split(u':');
    if (parts.size() != 6)
        return std::nullopt;
    quint64 address = 0;
    for (const QString &part : parts) {
        bool ok = false;
        const uint octet = part.toUInt(&ok, 16);
        if (!ok || part.size() != 2)
            return std::nullopt;
        address = (address << 8) | octet;
    }
    return address;
}

QString entityName(const QString &name, const QString &alias)
{
    return alias.isEmpty() ? name : alias;
}

/// Looks up the reference pipeline's names in `program` once per call and builds entries; the
/// first missing table, field, action or parameter becomes the error.
class EntryBuilder
{
public:
    explicit EntryBuilder(const P4Program &program)
        : m_program(program)
    {
    }

    const QString &error() const { return m_error; }

    const P4TableInfo *table(const QString &name)
    {
        const P4TableInfo *info = m_program.table(name);
        if (!info)
            fail(u"program %1 has no table %2 (not the reference pipeline?)"_s.arg(programName(),
                                                                                   name));
        return info;
    }

    const P4ActionInfo *action(const QString &name)
    {
        const P4ActionInfo *info = m_program.action(name);
        if (!info)
            fail(u"program %1 has no action %2"_s.arg(programName(), name));
        return info;
    }

    /// Exact-value ternary match on `field` of `table`.
    void matchExact(P4TableEntry *entry, const P4TableInfo &table, const QString &field,
                    quint64 value)
    {
        const P4MatchFieldInfo *info = P4Program::matchField(table, field);
        if (!info)
            return fail(u"table %1 has no match field %2"_s.arg(table.name, field));
        const auto bytes = fixedWidth(value, info->bitwidth);
        if (!bytes)
            return fail(u"%1: value %2 does not fit in %3 bits"_s.arg(info->name)
                            .arg(value)
                            .arg(info->bitwidth));
        entry->matches.append({info->name,
                               info->kind,
                               *bytes,
                               info->kind == P4MatchKind::Ternary
                                   ? *fixedWidth(allOnes(info->bitwidth), info->bitwidth)
                                   : QByteArray(),
                               info->kind == P4MatchKind::Lpm ? info->bitwidth : 0,
                               {}});
    }

    void param(P4TableEntry *entry, const P4ActionInfo &action, const QString &name, quint64 value)
    {
        const P4ActionParamInfo *info = P4Program::param(action, name);
        if (!info)
            return fail(u"action %1 has no parameter %2"_s.arg(action.name, name));
        const auto bytes = fixedWidth(value, info->bitwidth);
        if (!bytes)
            return fail(u"action %1: %2 %3 does not fit in %4 bits"_s.arg(action.name, name)
                            .arg(value)
                            .arg(info->bitwidth));
        entry->params.append({info->name, *bytes});
    }

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }

private:
    QString programName() const
    {
        return m_program.name().isEmpty() ? u"(unnamed)"_s : m_program.name();
    }

    const P4Program &m_program;
    QString m_error;
};

Result<void> checkEntry(const P4Program &program, const P4TableEntry &entry, const QString &where)
{
    const QList<P4ValidationError> problems = P4Validation::validate(program, entry);
    if (problems.isEmpty())
        return {};
    QStringList texts;
    for (const P4ValidationError &problem : problems)
        texts.append(problem.field.isEmpty() ? problem.message
                                             : problem.field + u": "_s + problem.message);
    return makeError(u"%1 (%2): %3"_s.arg(where, entry.note, texts.join(u"; "_s)));
}

} // namespace

Result<QHash<QString, QList<P4TableEntry>>>
compile(const Connection &connection, const FabricPath &path, const P4Program &program)
{
    const QString prefix = u"connection %1: "_s.arg(connection.id);
    const qsizetype hops = path.switches.size();
    if (hops == 0)
        return makeError(prefix + u"the path is empty"_s);
    if (path.egressPorts.size() != hops - 1 || path.ingressPorts.size() != hops - 1)
        return makeError(prefix + u"path %1 has %2 switches but %3 egress and %4 ingress ports"_s
                                      .arg(path.toString())
                                      .arg(hops)
                                      .arg(path.egressPorts.size())
                                      .arg(path.ingressPorts.size()));
    for (const auto *endpoint : {&connection.a, &connection.b}) {
        if (endpoint->switchId.isEmpty())
            return makeError(prefix +
                             u"endpoint %1 has no switch; place it with "
                             "FabricGraph::resolveEndpoints() first"_s.arg(
                                 endpoint->name.isEmpty() ? endpoint->ip : endpoint->name));
    }
    if (auto valid = validateConnection(connection); !valid)
        return makeError(valid.error());
    if (path.switches.first() != connection.a.switchId)
        return makeError(prefix +
                         u"path %1 starts at %2 but endpoint a hangs off %3"_s.arg(
                             path.toString(), path.switches.first(), connection.a.switchId));
    if (path.switches.last() != connection.b.switchId)
        return makeError(prefix +
                         u"path %1 ends at %2 but endpoint b hangs off %3"_s.arg(
                             path.toString(), path.switches.last(), connection.b.switchId));
    const auto ipA = parseIpv4(connection.a.ip);
    const auto ipB = parseIpv4(connection.b.ip);
    if (!ipA || !ipB)
        return makeError(prefix +
                         u"endpoint %1 ip '%2' is not an IPv4 address"_s.arg(
                             ipA ? u"b"_s : u"a"_s, ipA ? connection.b.ip : connection.a.ip));
    if (connection.priority <= 0)
        return makeError(prefix + u"priority %1 must be positive (table0 is ternary)"_s.arg(
                                      connection.priority));
    if (connection.telemetry && connection.flowId == 0)
        return makeError(prefix + u"telemetry needs a flow id; 0 is not assigned"_s);

    EntryBuilder builder(program);
    const P4TableInfo *table0 = builder.table(u"table0"_s);
    const P4ActionInfo *setEgress = builder.action(u"set_egress_port"_s);
    const P4TableInfo *postcards =
        connection.telemetry ? builder.table(u"postcard_telemetry"_s) : nullptr;
    const P4ActionInfo *activate =
        connection.telemetry ? builder.action(u"activate_postcard"_s) : nullptr;
    if (!builder.error().isEmpty())
        return makeError(prefix + builder.error());

    struct Direction
    {
        const ConnectionEndpoint *source;
        const ConnectionEndpoint *destination;
        quint32 sourceIp;
        quint32 destinationIp;
        bool forward;
    };
    QList<Direction> directions{{&connection.a, &connection.b, *ipA, *ipB, true}};
    if (connection.bidirectional)
        directions.append({&connection.b, &connection.a, *ipB, *ipA, false});

    auto addKeys = [&](P4TableEntry *entry, const P4TableInfo &table, const Direction &direction) {
        builder.matchExact(entry, table, u"l3_src"_s, direction.sourceIp);
        builder.matchExact(entry, table, u"l3_dst"_s, direction.destinationIp);
        if (connection.ipProtocol != 0)
            builder.matchExact(entry, table, u"ip_proto"_s, quint64(connection.ipProtocol));
        if (direction.source->l4Port != 0)
            builder.matchExact(entry, table, u"l4_src"_s, quint64(direction.source->l4Port));
        if (direction.destination->l4Port != 0)
            builder.matchExact(entry, table, u"l4_dst"_s, quint64(direction.destination->l4Port));
    };

    QHash<QString, QList<P4TableEntry>> entries;
    entries.reserve(hops);
    for (const Direction &direction : directions) {
        const QString label = direction.forward ? u"a->b"_s : u"b->a"_s;
        for (qsizetype hop = 0; hop < hops; ++hop) {
            // Forward walks the path as given, reverse from its end; ports follow.
            const qsizetype at = direction.forward ? hop : hops - 1 - hop;
            int port = 0;
            if (hop == hops - 1)
                port = direction.destination->switchPort;
            else
                port = direction.forward ? path.egressPorts.at(at) : path.ingressPorts.at(at - 1);
            const QString &switchId = path.switches.at(at);
            const QString note =
                u"connection %1 %2 hop %3/%4"_s.arg(connection.id, label).arg(hop + 1).arg(hops);

            P4TableEntry forward;
            forward.table = entityName(table0->name, table0->alias);
            forward.priority = connection.priority;
            forward.action = entityName(setEgress->name, setEgress->alias);
            forward.note = note;
            addKeys(&forward, *table0, direction);
            builder.param(&forward, *setEgress, u"port"_s, quint64(port));
            if (!builder.error().isEmpty())
                return makeError(prefix + builder.error());
            if (auto ok = checkEntry(program, forward, switchId); !ok)
                return makeError(prefix + ok.error());
            entries[switchId].append(std::move(forward));

            if (!connection.telemetry)
                continue;
            P4TableEntry postcard;
            postcard.table = entityName(postcards->name, postcards->alias);
            postcard.priority = connection.priority;
            postcard.action = entityName(activate->name, activate->alias);
            postcard.note = note;
            addKeys(&postcard, *postcards, direction);
            builder.param(&postcard, *activate, u"flow_id"_s, connection.flowId);
            if (!builder.error().isEmpty())
                return makeError(prefix + builder.error());
            if (auto ok = checkEntry(program, postcard, switchId); !ok)
                return makeError(prefix + ok.error());
            entries[switchId].append(std::move(postcard));
        }
    }
    return entries;
}

Result<QList<P4TableEntry>> baseEntries(const P4Program &program, quint32 intSwitchId,
                                        const IntReportTarget &target)
{
    const auto switchMac = parseMac(target.switchMac);
    const auto collectorMac = parseMac(target.collectorMac);
    const auto switchIp = parseIpv4(target.switchIp);
    const auto collectorIp = parseIpv4(target.collectorIp);
    if (!switchMac)
        return makeError(
            u"switch MAC '%1' is not a MAC address (aa:bb:cc:dd:ee:ff)"_s.arg(target.switchMac));
    if (!collectorMac)
        return makeError(u"collector MAC '%1' is not a MAC address (aa:bb:cc:dd:ee:ff)"_s.arg(
            target.collectorMac));
    if (!switchIp)
        return makeError(u"switch IP '%1' is not an IPv4 address"_s.arg(target.switchIp));
    if (!collectorIp)
        return makeError(u"collector IP '%1' is not an IPv4 address"_s.arg(target.collectorIp));
    if (target.collectorPort == 0)
        return makeError(u"collector UDP port 0 is not a port"_s);

    EntryBuilder builder(program);
    const P4TableInfo *insert = builder.table(u"int_insert"_s);
    const P4ActionInfo *init = builder.action(u"init_metadata"_s);
    const P4TableInfo *report = builder.table(u"generate_report"_s);
    const P4ActionInfo *encapsulate = builder.action(u"do_report_encapsulation"_s);
    if (!builder.error().isEmpty())
        return makeError(builder.error());

    P4TableEntry insertEntry;
    insertEntry.table = entityName(insert->name, insert->alias);
    insertEntry.isDefaultAction = true;
    insertEntry.action = entityName(init->name, init->alias);
    insertEntry.note = u"INT switch id %1"_s.arg(intSwitchId);
    builder.param(&insertEntry, *init, u"switch_id"_s, intSwitchId);

    P4TableEntry reportEntry;
    reportEntry.table = entityName(report->name, report->alias);
    reportEntry.isDefaultAction = true;
    reportEntry.action = entityName(encapsulate->name, encapsulate->alias);
    reportEntry.note = u"INT reports to %1:%2"_s.arg(target.collectorIp).arg(target.collectorPort);
    builder.param(&reportEntry, *encapsulate, u"src_mac"_s, *switchMac);
    builder.param(&reportEntry, *encapsulate, u"mon_mac"_s, *collectorMac);
    builder.param(&reportEntry, *encapsulate, u"src_ip"_s, *switchIp);
    builder.param(&reportEntry, *encapsulate, u"mon_ip"_s, *collectorIp);
    builder.param(&reportEntry, *encapsulate, u"mon_port"_s, target.collectorPort);
    if (!builder.error().isEmpty())
        return makeError(builder.error());

    QList<P4TableEntry> entries{insertEntry, reportEntry};
    for (const P4TableEntry &entry : entries) {
        if (auto ok = checkEntry(program, entry, u"INT switch %1"_s.arg(intSwitchId)); !ok)
            return makeError(ok.error());
    }
    return entries;
}

} // namespace Continuo::ConnectionCompiler
