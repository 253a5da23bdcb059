#include "network/P4Program.h"

#include "p4/config/v1/p4info.pb.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSet>

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <string>
#include <utility>

namespace Continuo {

namespace {

Q_LOGGING_CATEGORY(lcP4Program, "continuo.network")

namespace P4 = p4::config::v1;

// P4Runtime 1.3 §6.3: the most significant byte of an id names the resource type.
constexpr quint32 ActionPrefix = 0x01;
constexpr quint32 TablePrefix = 0x02;
constexpr quint32 ControllerHeaderPrefix = 0x04;
constexpr quint32 CounterPrefix = 0x12;
constexpr quint32 DirectCounterPrefix = 0x13;
constexpr quint32 MeterPrefix = 0x14;
constexpr quint32 DirectMeterPrefix = 0x15;
constexpr quint32 RegisterPrefix = 0x16;

QString hexId(quint32 id)
{
    return QStringLiteral("0x%1").arg(id, 8, 16, QLatin1Char('0'));
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString docOf(const P4::Documentation &doc)
{
    if (doc.description().empty())
        return fromStd(doc.brief());
    if (doc.brief().empty())
        return fromStd(doc.description());
    return fromStd(doc.brief()) + QLatin1Char('\n') + fromStd(doc.description());
}

/// Text P4Info errors with 1-based line:column (the tokenizer counts from 0).
class TextErrorCollector final : public google::protobuf::io::ErrorCollector
{
public:
    void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string &message) override
    {
        if (firstError.isEmpty())
            firstError = QStringLiteral("%1:%2: %3").arg(line + 1).arg(column + 1).arg(fromStd(message));
    }
    void AddWarning(int line, google::protobuf::io::ColumnNumber column, const std::string &message) override
    {
        // Unknown fields (newer P4Info schema than ours) are skipped; say so once per field.
        qCDebug(lcP4Program, "P4Info %d:%d: %s", line + 1, column + 1, message.c_str());
    }
    QString firstError;
};

/// Text, unless bytes a text P4Info never holds appear (binary P4Info starts with a tag and a
/// varint length, which are control characters for any realistic size).
bool looksLikeText(const QByteArray &data)
{
    const qsizetype n = std::min<qsizetype>(data.size(), 4096);
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(data.at(i));
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
            return false;
        if (c == 0x7f)
            return false;
    }
    return true;
}

P4MatchKind matchKindOf(P4::MatchField::MatchType type)
{
    switch (type) {
    case P4::MatchField::EXACT: return P4MatchKind::Exact;
    case P4::MatchField::LPM: return P4MatchKind::Lpm;
    case P4::MatchField::TERNARY: return P4MatchKind::Ternary;
    case P4::MatchField::RANGE: return P4MatchKind::Range;
    case P4::MatchField::OPTIONAL: return P4MatchKind::Optional;
    default: return P4MatchKind::Unknown;
    }
}

P4CounterUnit counterUnitOf(P4::CounterSpec::Unit unit)
{
    switch (unit) {
    case P4::CounterSpec::BYTES: return P4CounterUnit::Bytes;
    case P4::CounterSpec::PACKETS: return P4CounterUnit::Packets;
    case P4::CounterSpec::BOTH: return P4CounterUnit::Both;
    default: return P4CounterUnit::Unspecified;
    }
}

} // namespace

QString toString(P4MatchKind kind)
{
    switch (kind) {
    case P4MatchKind::Exact: return QStringLiteral("exact");
    case P4MatchKind::Lpm: return QStringLiteral("lpm");
    case P4MatchKind::Ternary: return QStringLiteral("ternary");
    case P4MatchKind::Range: return QStringLiteral("range");
    case P4MatchKind::Optional: return QStringLiteral("optional");
    case P4MatchKind::Unknown: break;
    }
    return QStringLiteral("unknown");
}

bool P4TableInfo::needsPriority() const
{
    for (const P4MatchFieldInfo &field : matchFields) {
        if (field.kind == P4MatchKind::Ternary || field.kind == P4MatchKind::Range
            || field.kind == P4MatchKind::Optional)
            return true;
    }
    return false;
}

namespace Internal {

/// P4Program's shared state (P4Program::Data derives from it so that the loader may name it).
struct P4ProgramData
{
    P4::P4Info info;
    QString name;
    QString arch;
    QList<P4TableInfo> tables;
    QList<P4ActionInfo> actions;
    QList<P4CounterInfo> counters;
    QList<P4MeterInfo> meters;
    QList<P4RegisterInfo> registers;
    QList<P4PacketMetadataInfo> packetIn;
    QList<P4PacketMetadataInfo> packetOut;

    // Indexes into the lists above; names hold both full names and aliases.
    QHash<QString, qsizetype> tableByName;
    QHash<quint32, qsizetype> tableById;
    QHash<QString, qsizetype> actionByName;
    QHash<quint32, qsizetype> actionById;
    QHash<QString, qsizetype> counterByName;
    QHash<quint32, qsizetype> counterById;
};

} // namespace Internal

struct P4Program::Data : Internal::P4ProgramData
{
};

namespace {

/// Builds the model from a parsed P4Info and refuses the first inconsistency. O(resources).
class Loader
{
public:
    explicit Loader(Internal::P4ProgramData &data) : d(data) {}

    Result<void> load()
    {
        const P4::P4Info &info = d.info;
        d.name = fromStd(info.pkg_info().name());
        d.arch = fromStd(info.pkg_info().arch());

        for (const P4::Action &action : info.actions()) {
            if (auto checked = checkPreamble(action.preamble(), ActionPrefix, QStringLiteral("action")); !checked)
                return checked;
            P4ActionInfo out;
            fillPreamble(out, action.preamble());
            QSet<quint32> paramIds;
            QSet<QString> paramNames;
            for (const P4::Action::Param &param : action.params()) {
                const QString paramName = fromStd(param.name());
                const QString where = QStringLiteral("action %1: parameter %2").arg(out.name, paramName);
                if (param.id() == 0)
                    return makeError(where + QStringLiteral(" has id 0"));
                if (paramName.isEmpty())
                    return makeError(QStringLiteral("action %1: parameter %2 has no name").arg(out.name).arg(param.id()));
                if (param.bitwidth() <= 0)
                    return makeError(where + QStringLiteral(" has bit width %1").arg(param.bitwidth()));
                if (paramIds.contains(param.id()))
                    return makeError(QStringLiteral("action %1: duplicate parameter id %2").arg(out.name).arg(param.id()));
                if (paramNames.contains(paramName))
                    return makeError(QStringLiteral("action %1: duplicate parameter name %2").arg(out.name, paramName));
                paramIds.insert(param.id());
                paramNames.insert(paramName);
                out.params.append({param.id(), paramName, param.bitwidth(), docOf(param.doc())});
            }
            if (auto indexed = index(d.actionByName, d.actionById, out, d.actions.size(), QStringLiteral("action")); !indexed)
                return indexed;
            d.actions.append(std::move(out));
        }

        for (const P4::Table &table : info.tables()) {
            if (auto checked = checkPreamble(table.preamble(), TablePrefix, QStringLiteral("table")); !checked)
                return checked;
            auto built = buildTable(table);
            if (!built)
                return makeError(built.error());
            if (auto indexed = index(d.tableByName, d.tableById, *built, d.tables.size(), QStringLiteral("table")); !indexed)
                return indexed;
            d.tables.append(std::move(*built));
        }

        for (const P4::Counter &counter : info.counters()) {
            if (auto checked = checkPreamble(counter.preamble(), CounterPrefix, QStringLiteral("counter")); !checked)
                return checked;
            if (counter.size() < 0)
                return makeError(QStringLiteral("counter %1 has size %2").arg(fromStd(counter.preamble().name())).arg(counter.size()));
            P4CounterInfo out;
            fillPreamble(out, counter.preamble());
            out.unit = counterUnitOf(counter.spec().unit());
            out.size = counter.size();
            if (auto indexed = index(d.counterByName, d.counterById, out, d.counters.size(), QStringLiteral("counter")); !indexed)
                return indexed;
            d.counters.append(std::move(out));
        }
        for (const P4::DirectCounter &counter : info.direct_counters()) {
            if (auto checked = checkPreamble(counter.preamble(), DirectCounterPrefix, QStringLiteral("direct counter")); !checked)
                return checked;
            P4CounterInfo out;
            fillPreamble(out, counter.preamble());
            out.unit = counterUnitOf(counter.spec().unit());
            out.directTableId = counter.direct_table_id();
            if (!d.tableById.contains(out.directTableId))
                return makeError(QStringLiteral("direct counter %1 counts table %2, which does not exist").arg(out.name, hexId(out.directTableId)));
            if (auto indexed = index(d.counterByName, d.counterById, out, d.counters.size(), QStringLiteral("counter")); !indexed)
                return indexed;
            d.counters.append(std::move(out));
        }

        for (const P4::Meter &meter : info.meters()) {
            if (auto checked = checkPreamble(meter.preamble(), MeterPrefix, QStringLiteral("meter")); !checked)
                return checked;
            P4MeterInfo out;
            fillPreamble(out, meter.preamble());
            out.size = meter.size();
            d.meters.append(std::move(out));
        }
        for (const P4::DirectMeter &meter : info.direct_meters()) {
            if (auto checked = checkPreamble(meter.preamble(), DirectMeterPrefix, QStringLiteral("direct meter")); !checked)
                return checked;
            P4MeterInfo out;
            fillPreamble(out, meter.preamble());
            out.directTableId = meter.direct_table_id();
            if (!d.tableById.contains(out.directTableId))
                return makeError(QStringLiteral("direct meter %1 meters table %2, which does not exist").arg(out.name, hexId(out.directTableId)));
            d.meters.append(std::move(out));
        }

        for (const P4::Register &reg : info.registers()) {
            if (auto checked = checkPreamble(reg.preamble(), RegisterPrefix, QStringLiteral("register")); !checked)
                return checked;
            P4RegisterInfo out;
            fillPreamble(out, reg.preamble());
            out.bitwidth = reg.type_spec().bitstring().bit().bitwidth();
            out.size = reg.size();
            if (out.bitwidth <= 0)
                return makeError(QStringLiteral("register %1 has no bit<W> type (bit width %2)").arg(out.name).arg(out.bitwidth));
            if (out.size < 0)
                return makeError(QStringLiteral("register %1 has size %2").arg(out.name).arg(out.size));
            d.registers.append(std::move(out));
        }

        for (const P4::ControllerPacketMetadata &header : info.controller_packet_metadata()) {
            if (auto checked = checkPreamble(header.preamble(), ControllerHeaderPrefix, QStringLiteral("controller header")); !checked)
                return checked;
            const QString headerName = fromStd(header.preamble().name());
            QList<P4PacketMetadataInfo> fields;
            for (const auto &meta : header.metadata()) {
                if (meta.bitwidth() <= 0)
                    return makeError(QStringLiteral("controller header %1: field %2 has bit width %3")
                                         .arg(headerName, fromStd(meta.name()))
                                         .arg(meta.bitwidth()));
                fields.append({meta.id(), fromStd(meta.name()), meta.bitwidth()});
            }
            if (headerName == QLatin1String("packet_in"))
                d.packetIn = std::move(fields);
            else if (headerName == QLatin1String("packet_out"))
                d.packetOut = std::move(fields);
        }

        // Direct resources are checked once all of them are known.
        for (const P4TableInfo &table : std::as_const(d.tables)) {
            for (quint32 id : table.directCounterIds) {
                const qsizetype at = d.counterById.value(id, -1);
                if (at < 0 || d.counters.at(at).directTableId == 0)
                    return makeError(QStringLiteral("table %1: direct resource %2 is not a direct counter").arg(table.name, hexId(id)));
            }
            for (quint32 id : table.directMeterIds) {
                const bool found = std::any_of(d.meters.cbegin(), d.meters.cend(),
                                               [id](const P4MeterInfo &meter) { return meter.id == id && meter.directTableId != 0; });
                if (!found)
                    return makeError(QStringLiteral("table %1: direct resource %2 is not a direct meter").arg(table.name, hexId(id)));
            }
        }
        return {};
    }

private:
    Result<void> checkPreamble(const P4::Preamble &preamble, quint32 prefix, const QString &kind)
    {
        const QString name = fromStd(preamble.name());
        if (name.isEmpty())
            return makeError(QStringLiteral("%1 %2 has no name").arg(kind, hexId(preamble.id())));
        if (preamble.id() == 0)
            return makeError(QStringLiteral("%1 %2 has id 0").arg(kind, name));
        if ((preamble.id() >> 24) != prefix)
            return makeError(QStringLiteral("%1 %2: id %3 does not have the %1 prefix 0x%4")
                                 .arg(kind, name, hexId(preamble.id()))
                                 .arg(prefix, 2, 16, QLatin1Char('0')));
        if (const auto previous = m_ids.constFind(preamble.id()); previous != m_ids.cend())
            return makeError(QStringLiteral("duplicate id %1: %2 and %3").arg(hexId(preamble.id()), *previous, name));
        m_ids.insert(preamble.id(), name);
        return {};
    }

    template<typename Info>
    static void fillPreamble(Info &out, const P4::Preamble &preamble)
    {
        out.id = preamble.id();
        out.name = fromStd(preamble.name());
        out.alias = preamble.alias().empty() ? out.name : fromStd(preamble.alias());
        if constexpr (requires { out.doc; })
            out.doc = docOf(preamble.doc());
    }

    template<typename Info>
    static Result<void> index(QHash<QString, qsizetype> &byName, QHash<quint32, qsizetype> &byId,
                              const Info &info, qsizetype at, const QString &kind)
    {
        // An alias may equal its own name; it may not equal another resource's name or alias.
        for (const QString &key : {info.name, info.alias}) {
            const qsizetype existing = byName.value(key, -1);
            if (existing >= 0 && existing != at)
                return makeError(QStringLiteral("duplicate %1 name or alias %2").arg(kind, key));
            byName.insert(key, at);
        }
        byId.insert(info.id, at);
        return {};
    }

    Result<P4TableInfo> buildTable(const P4::Table &table)
    {
        P4TableInfo out;
        fillPreamble(out, table.preamble());
        out.size = table.size();
        out.isConst = table.is_const_table();
        out.constDefaultActionId = table.const_default_action_id();
        if (out.size < 0)
            return makeError(QStringLiteral("table %1 has size %2").arg(out.name).arg(out.size));

        QSet<quint32> fieldIds;
        QSet<QString> fieldNames;
        for (const P4::MatchField &field : table.match_fields()) {
            P4MatchFieldInfo info{field.id(), fromStd(field.name()), field.bitwidth(),
                                  matchKindOf(field.match_type()), docOf(field.doc())};
            const QString where = QStringLiteral("table %1: match field %2").arg(out.name, info.name);
            if (info.name.isEmpty())
                return makeError(QStringLiteral("table %1: match field %2 has no name").arg(out.name).arg(info.id));
            if (info.id == 0)
                return makeError(where + QStringLiteral(" has id 0"));
            if (info.bitwidth <= 0)
                return makeError(where + QStringLiteral(" has bit width %1").arg(info.bitwidth));
            if (field.has_other_match_type())
                return makeError(where + QStringLiteral(" has match type \"%1\", which Continuo does not support")
                                             .arg(fromStd(field.other_match_type())));
            if (info.kind == P4MatchKind::Unknown)
                return makeError(where + QStringLiteral(" has no match type"));
            if (fieldIds.contains(info.id))
                return makeError(QStringLiteral("table %1: duplicate match field id %2").arg(out.name).arg(info.id));
            if (fieldNames.contains(info.name))
                return makeError(QStringLiteral("table %1: duplicate match field %2").arg(out.name, info.name));
            fieldIds.insert(info.id);
            fieldNames.insert(info.name);
            out.matchFields.append(std::move(info));
        }

        for (const P4::ActionRef &ref : table.action_refs()) {
            if (!d.actionById.contains(ref.id()))
                return makeError(QStringLiteral("table %1 refers to action %2, which does not exist").arg(out.name, hexId(ref.id())));
            if (out.actionIds.contains(ref.id()) || out.defaultOnlyActionIds.contains(ref.id()))
                return makeError(QStringLiteral("table %1 refers to action %2 twice").arg(out.name, hexId(ref.id())));
            switch (ref.scope()) {
            case P4::ActionRef::DEFAULT_ONLY:
                out.defaultOnlyActionIds.append(ref.id());
                break;
            case P4::ActionRef::TABLE_ONLY:
                out.tableOnlyActionIds.append(ref.id());
                out.actionIds.append(ref.id());
                break;
            default:
                out.actionIds.append(ref.id());
                break;
            }
        }
        if (out.constDefaultActionId != 0) {
            const bool allowed = (out.actionIds.contains(out.constDefaultActionId)
                                  && !out.tableOnlyActionIds.contains(out.constDefaultActionId))
                                 || out.defaultOnlyActionIds.contains(out.constDefaultActionId);
            if (!allowed)
                return makeError(QStringLiteral("table %1: const default action %2 is not one of its default actions")
                                     .arg(out.name, hexId(out.constDefaultActionId)));
        }
        for (quint32 id : table.direct_resource_ids()) {
            switch (id >> 24) {
            case DirectCounterPrefix: out.directCounterIds.append(id); break;
            case DirectMeterPrefix: out.directMeterIds.append(id); break;
            default:
                return makeError(QStringLiteral("table %1: direct resource %2 is neither a direct counter nor a direct meter")
                                     .arg(out.name, hexId(id)));
            }
        }
        return out;
    }

    Internal::P4ProgramData &d;
    QHash<quint32, QString> m_ids; // every preamble id seen: ids are unique across resource types
};

template<typename Info>
const Info *lookup(const QList<Info> &list, const QHash<QString, qsizetype> &index, const QString &key)
{
    const qsizetype at = index.value(key, -1);
    return at < 0 ? nullptr : &list.at(at);
}

template<typename Info>
const Info *lookup(const QList<Info> &list, const QHash<quint32, qsizetype> &index, quint32 id)
{
    const qsizetype at = index.value(id, -1);
    return at < 0 ? nullptr : &list.at(at);
}

const Internal::P4ProgramData &emptyData()
{
    static const Internal::P4ProgramData empty;
    return empty;
}

} // namespace

P4Program::P4Program() = default;
P4Program::~P4Program() = default;
P4Program::P4Program(const P4Program &) = default;
P4Program &P4Program::operator=(const P4Program &) = default;

Result<P4Program> P4Program::fromP4Info(const QByteArray &data)
{
    if (data.trimmed().isEmpty())
        return makeError(QStringLiteral("the P4Info is empty"));

    auto d = std::make_shared<Data>();
    if (looksLikeText(data)) {
        google::protobuf::TextFormat::Parser parser;
        TextErrorCollector errors;
        parser.RecordErrorsTo(&errors);
        // p4c writes fields this schema subset leaves out (type_info, externs...): skip them.
        parser.AllowUnknownField(true);
        const std::string text(data.constData(), size_t(data.size()));
        if (!parser.ParseFromString(text, &d->info))
            return makeError(QStringLiteral("P4Info text %1").arg(errors.firstError.isEmpty() ? QStringLiteral("is malformed")
                                                                                             : errors.firstError));
    } else if (!d->info.ParseFromArray(data.constData(), int(data.size()))) {
        return makeError(QStringLiteral("the P4Info is neither protobuf text nor binary wire format (%1 bytes)").arg(data.size()));
    }

    Loader loader(*d);
    if (auto loaded = loader.load(); !loaded)
        return makeError(QStringLiteral("inconsistent P4Info: %1").arg(loaded.error()));

    P4Program program;
    program.d = std::move(d);
    return program;
}

Result<P4Program> P4Program::fromP4InfoFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read P4Info %1: %2").arg(path, file.errorString()));
    auto program = fromP4Info(file.readAll());
    if (!program)
        return makeError(QStringLiteral("%1: %2").arg(path, program.error()));
    return program;
}

const P4Program &P4Program::reference()
{
    static const P4Program program = [] {
        // qt_add_resources keeps the source sub-folder unless the CMake call says BASE pipelines.
        QString path = QStringLiteral(":/continuo/p4/braine_int.p4info.txt");
        if (!QFile::exists(path))
            path = QStringLiteral(":/continuo/p4/pipelines/braine_int.p4info.txt");
        auto loaded = fromP4InfoFile(path);
        if (!loaded) {
            // Shipped with the library and covered by tests: only a broken build gets here.
            qCCritical(lcP4Program, "reference P4 pipeline: %s", qPrintable(loaded.error()));
            return P4Program();
        }
        return std::move(*loaded);
    }();
    return program;
}

bool P4Program::isNull() const
{
    return !d;
}

QString P4Program::name() const
{
    return d ? d->name : QString();
}

QString P4Program::arch() const
{
    return d ? d->arch : QString();
}

const QList<P4TableInfo> &P4Program::tables() const
{
    return (d ? *d : emptyData()).tables;
}

const QList<P4ActionInfo> &P4Program::actions() const
{
    return (d ? *d : emptyData()).actions;
}

const QList<P4CounterInfo> &P4Program::counters() const
{
    return (d ? *d : emptyData()).counters;
}

const QList<P4MeterInfo> &P4Program::meters() const
{
    return (d ? *d : emptyData()).meters;
}

const QList<P4RegisterInfo> &P4Program::registers() const
{
    return (d ? *d : emptyData()).registers;
}

const QList<P4PacketMetadataInfo> &P4Program::packetInMetadata() const
{
    return (d ? *d : emptyData()).packetIn;
}

const QList<P4PacketMetadataInfo> &P4Program::packetOutMetadata() const
{
    return (d ? *d : emptyData()).packetOut;
}

const P4TableInfo *P4Program::table(const QString &nameOrAlias) const
{
    return d ? lookup(d->tables, d->tableByName, nameOrAlias) : nullptr;
}

const P4TableInfo *P4Program::table(quint32 id) const
{
    return d ? lookup(d->tables, d->tableById, id) : nullptr;
}

const P4ActionInfo *P4Program::action(const QString &nameOrAlias) const
{
    return d ? lookup(d->actions, d->actionByName, nameOrAlias) : nullptr;
}

const P4ActionInfo *P4Program::action(quint32 id) const
{
    return d ? lookup(d->actions, d->actionById, id) : nullptr;
}

const P4CounterInfo *P4Program::counter(const QString &nameOrAlias) const
{
    return d ? lookup(d->counters, d->counterByName, nameOrAlias) : nullptr;
}

const P4CounterInfo *P4Program::counter(quint32 id) const
{
    return d ? lookup(d->counters, d->counterById, id) : nullptr;
}

const P4MatchFieldInfo *P4Program::matchField(const P4TableInfo &table, const QString &name)
{
    // Tables have a handful of fields: a scan beats hashing. Full names first, so a short name
    // never shadows a field whose full name it is.
    for (const P4MatchFieldInfo &field : table.matchFields) {
        if (field.name == name)
            return &field;
    }
    if (name.contains(QLatin1Char('.')))
        return nullptr;
    for (const P4MatchFieldInfo &field : table.matchFields) {
        const qsizetype dot = field.name.lastIndexOf(QLatin1Char('.'));
        if (dot >= 0 && QStringView(field.name).mid(dot + 1) == name)
            return &field;
    }
    return nullptr;
}

const P4ActionParamInfo *P4Program::param(const P4ActionInfo &action, const QString &name)
{
    for (const P4ActionParamInfo &param : action.params) {
        if (param.name == name)
            return &param;
    }
    return nullptr;
}

const p4::config::v1::P4Info &P4Program::p4Info() const
{
    return (d ? *d : emptyData()).info;
}

QByteArray P4Program::serializedP4Info() const
{
    const P4::P4Info &info = p4Info();
    QByteArray out;
    out.resize(qsizetype(info.ByteSizeLong()));
    info.SerializeToArray(out.data(), int(out.size()));
    return out;
}

} // namespace Continuo
