#include "network/P4Entry.h"

#include "p4/v1/p4runtime.pb.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonValue>
#include <QVarLengthArray>

#include <algorithm>
#include <bit>
#include <cctype>
#include <string>

namespace Continuo {

namespace {

int byteWidth(int bitwidth)
{
    return (bitwidth + 7) / 8;
}

/// Full-width hex of a byte string: "0x0a000001".
QString hexBytes(const QByteArray &value)
{
    return QLatin1String("0x") + QString::fromLatin1(value.toHex());
}

std::string toStd(const QByteArray &value)
{
    return std::string(value.constData(), size_t(value.size()));
}

QByteArray fromStd(const std::string &value)
{
    return QByteArray(value.data(), qsizetype(value.size()));
}

/// Bits of the top byte that lie beyond `bitwidth` (a 9-bit field in 2 bytes: the top 7).
quint8 excessMask(int bitwidth)
{
    const int excess = byteWidth(bitwidth) * 8 - bitwidth;
    return excess == 0 ? 0 : quint8(0xff << (8 - excess));
}

/// Why `value` is not a `bitwidth`-bit value in its fixed-width form; empty when it is.
QString widthProblem(const QByteArray &value, int bitwidth)
{
    const int width = byteWidth(bitwidth);
    if (value.isEmpty())
        return QStringLiteral("value is empty");
    if (value.size() != width)
        return QStringLiteral("value %1 has %2 bytes; a %3-bit value takes %4")
            .arg(hexBytes(value))
            .arg(value.size())
            .arg(bitwidth)
            .arg(width);
    if (quint8(value.at(0)) & excessMask(bitwidth))
        return QStringLiteral("value %1 does not fit in %2 bits").arg(hexBytes(value)).arg(bitwidth);
    return {};
}

/// Index (0 = least significant) of the lowest bit set in `value` where `keep` is 0; -1 if none.
/// Both have the same size.
int lowestBitOutside(const QByteArray &value, const QByteArray &keep)
{
    const qsizetype n = value.size();
    for (qsizetype i = n - 1; i >= 0; --i) {
        const auto stray = quint8(quint8(value.at(i)) & ~quint8(keep.at(i)));
        if (stray != 0)
            return int(n - 1 - i) * 8 + std::countr_zero(stray);
    }
    return -1;
}

/// A `bitwidth`-bit mask of the top `prefixLength` bits.
QByteArray prefixMask(int bitwidth, int prefixLength)
{
    const int width = byteWidth(bitwidth);
    QByteArray mask(width, '\0');
    const int leading = width * 8 - bitwidth; // unused top bits
    for (int bit = 0; bit < prefixLength; ++bit) {
        const int position = leading + bit; // from the most significant bit of the array
        mask[position / 8] = char(quint8(mask.at(position / 8)) | quint8(0x80 >> (position % 8)));
    }
    return mask;
}

QByteArray allOnes(int bitwidth)
{
    QByteArray ones(byteWidth(bitwidth), char(0xff));
    ones[0] = char(quint8(0xff) & ~excessMask(bitwidth));
    return ones;
}

bool isZero(const QByteArray &value)
{
    return std::all_of(value.cbegin(), value.cend(), [](char c) { return c == 0; });
}

/// Digits of `text` in `base` as a big-endian byte string, at most `maxBits` significant bits.
Result<QByteArray> parseNumber(QStringView digits, int base, int bitwidth, const QString &original)
{
    if (digits.isEmpty())
        return makeError(QStringLiteral("\"%1\" is not a number").arg(original));
    // Little-endian accumulator; stop as soon as it cannot fit, so huge inputs cost nothing.
    QVarLengthArray<quint8, 32> bytes;
    const int maxBytes = byteWidth(bitwidth);
    for (QChar c : digits) {
        int digit = -1;
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digit = c.unicode() - '0';
        else if (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
            digit = c.unicode() - 'a' + 10;
        else if (c >= QLatin1Char('A') && c <= QLatin1Char('F'))
            digit = c.unicode() - 'A' + 10;
        if (digit < 0 || digit >= base)
            return makeError(QStringLiteral("\"%1\" is not a number (bad digit '%2')").arg(original, c));
        unsigned carry = unsigned(digit);
        for (quint8 &byte : bytes) {
            const unsigned next = unsigned(byte) * unsigned(base) + carry;
            byte = quint8(next & 0xff);
            carry = next >> 8;
        }
        while (carry != 0) {
            bytes.append(quint8(carry & 0xff));
            carry >>= 8;
        }
        if (bytes.size() > maxBytes)
            return makeError(QStringLiteral("value %1 does not fit in %2 bits").arg(original).arg(bitwidth));
    }
    QByteArray out(maxBytes, '\0');
    for (qsizetype i = 0; i < bytes.size(); ++i)
        out[maxBytes - 1 - i] = char(bytes.at(i));
    if (quint8(out.at(0)) & excessMask(bitwidth))
        return makeError(QStringLiteral("value %1 does not fit in %2 bits").arg(original).arg(bitwidth));
    return out;
}

/// Field or parameter names whose 32-bit values read best as IPv4 addresses.
bool isAddressName(const QString &name)
{
    const QStringView last = QStringView(name).mid(name.lastIndexOf(QLatin1Char('.')) + 1);
    return last.contains(QLatin1String("addr"), Qt::CaseInsensitive)
           || last.contains(QLatin1String("ip"), Qt::CaseInsensitive)
           || last.startsWith(QLatin1String("l3_"), Qt::CaseInsensitive);
}

/// Minimal hex: "0x50", "0x0".
QString shortHex(const QByteArray &value)
{
    QString hex = QString::fromLatin1(value.toHex());
    qsizetype start = 0;
    while (start < hex.size() - 1 && hex.at(start) == QLatin1Char('0'))
        ++start;
    return QLatin1String("0x") + QStringView(hex).mid(start);
}

QString decimal(const QByteArray &value)
{
    quint64 number = 0;
    for (char byte : value)
        number = (number << 8) | quint8(byte);
    return QString::number(number);
}

/// Index of `field` in the table's field list (full or short name), or -1.
qsizetype fieldIndex(const P4TableInfo &table, const QString &field)
{
    const P4MatchFieldInfo *info = P4Program::matchField(table, field);
    return info ? info - table.matchFields.constData() : -1;
}

QString kindWord(const P4TableInfo &table)
{
    for (const P4MatchFieldInfo &field : table.matchFields) {
        if (field.kind == P4MatchKind::Ternary || field.kind == P4MatchKind::Range
            || field.kind == P4MatchKind::Optional)
            return toString(field.kind);
    }
    return {};
}

void appendHex(QString &out, const QByteArray &bytes)
{
    static constexpr char Digits[] = "0123456789abcdef";
    for (char byte : bytes) {
        out.append(QLatin1Char(Digits[quint8(byte) >> 4]));
        out.append(QLatin1Char(Digits[quint8(byte) & 0xf]));
    }
}

/// Identity string of an entry (P4TableEntry::matchKey): names as written, fields sorted. One
/// allocation for the usual entry; diffEntries hashes one per entry.
QString keyOf(const QString &tableName, const P4TableEntry &entry)
{
    if (entry.isDefaultAction)
        return tableName + QLatin1String("/default");
    QVarLengthArray<const P4FieldMatch *, 16> fields;
    qsizetype length = tableName.size() + 12;
    for (const P4FieldMatch &match : entry.matches) {
        fields.append(&match);
        length += match.field.size() + 2 * (match.value.size() + match.mask.size() + match.high.size()) + 8;
    }
    std::sort(fields.begin(), fields.end(), [](const P4FieldMatch *a, const P4FieldMatch *b) { return a->field < b->field; });
    QString key;
    key.reserve(length);
    key.append(tableName);
    for (const P4FieldMatch *match : fields) {
        key.append(QLatin1Char('|'));
        key.append(match->field);
        key.append(QLatin1Char('='));
        appendHex(key, match->value);
        switch (match->kind) {
        case P4MatchKind::Ternary:
            key.append(QLatin1Char('&'));
            appendHex(key, match->mask);
            break;
        case P4MatchKind::Lpm:
            key.append(QLatin1Char('/'));
            key.append(QString::number(match->prefixLength));
            break;
        case P4MatchKind::Range:
            key.append(QLatin1String(".."));
            appendHex(key, match->high);
            break;
        default:
            break;
        }
    }
    key.append(QLatin1Char('#'));
    key.append(QString::number(entry.priority));
    return key;
}

/// Compact identity of a valid entry of `table` for validateSet: table id, priority, then each
/// match in field order as index, kind and bytes. No sorting of strings, one allocation.
QByteArray binaryKey(const P4TableInfo &table, const P4TableEntry &entry)
{
    QByteArray key;
    key.reserve(16 + entry.matches.size() * 24);
    const auto appendNumber = [&key](quint32 number) { key.append(reinterpret_cast<const char *>(&number), sizeof number); };
    const auto appendBytes = [&](const QByteArray &bytes) {
        appendNumber(quint32(bytes.size()));
        key.append(bytes);
    };
    appendNumber(table.id);
    if (entry.isDefaultAction) {
        key.append('D');
        return key;
    }
    appendNumber(quint32(entry.priority));
    QVarLengthArray<std::pair<qsizetype, const P4FieldMatch *>, 16> fields;
    for (const P4FieldMatch &match : entry.matches)
        fields.append({fieldIndex(table, match.field), &match});
    std::sort(fields.begin(), fields.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[index, match] : fields) {
        appendNumber(quint32(index));
        key.append(char(match->kind));
        appendBytes(match->value);
        appendBytes(match->mask);
        appendNumber(quint32(match->prefixLength));
        appendBytes(match->high);
    }
    return key;
}

/// Collects validation errors, naming the entry index in validateSet ("#3.field").
struct ErrorSink
{
    QList<P4ValidationError> *out;
    int index = -1;

    void add(const QString &field, const QString &message) const
    {
        QString where = field;
        if (index >= 0) {
            where = QLatin1Char('#') + QString::number(index);
            if (!field.isEmpty())
                where += QLatin1Char('.') + field;
        }
        out->append({where, message});
    }
};

void checkMatch(const P4MatchFieldInfo &info, const P4FieldMatch &match, const ErrorSink &errors)
{
    const QString &name = info.name;
    const auto width = [&](const QByteArray &value, const QString &what) {
        const QString problem = widthProblem(value, info.bitwidth);
        if (!problem.isEmpty())
            errors.add(name, name + QLatin1String(": ") + what + problem);
        return problem.isEmpty();
    };
    switch (info.kind) {
    case P4MatchKind::Exact:
    case P4MatchKind::Optional:
        width(match.value, {});
        break;
    case P4MatchKind::Ternary: {
        const bool valueOk = width(match.value, {});
        const bool maskOk = width(match.mask, QStringLiteral("mask: "));
        if (!valueOk || !maskOk)
            break;
        if (isZero(match.mask)) {
            errors.add(name, name + QLatin1String(": mask is 0, which matches everything: leave the field out for a wildcard"));
            break;
        }
        if (const int bit = lowestBitOutside(match.value, match.mask); bit >= 0)
            errors.add(name, QStringLiteral("%1: mask %2 is not canonical: value bit %3 is set where the mask is 0")
                                 .arg(name, hexBytes(match.mask))
                                 .arg(bit));
        break;
    }
    case P4MatchKind::Lpm: {
        if (!width(match.value, {}))
            break;
        if (match.prefixLength < 0 || match.prefixLength > info.bitwidth) {
            errors.add(name, QStringLiteral("%1: prefix length %2 is outside 1..%3")
                                 .arg(name)
                                 .arg(match.prefixLength)
                                 .arg(info.bitwidth));
            break;
        }
        if (match.prefixLength == 0) {
            errors.add(name, name + QLatin1String(": prefix length 0 matches everything: leave the field out for a wildcard"));
            break;
        }
        if (const int bit = lowestBitOutside(match.value, prefixMask(info.bitwidth, match.prefixLength)); bit >= 0)
            errors.add(name, QStringLiteral("%1: value %2 has bit %3 set beyond the /%4 prefix")
                                 .arg(name, hexBytes(match.value))
                                 .arg(bit)
                                 .arg(match.prefixLength));
        break;
    }
    case P4MatchKind::Range: {
        const bool lowOk = width(match.value, QStringLiteral("low: "));
        const bool highOk = width(match.high, QStringLiteral("high: "));
        if (!lowOk || !highOk)
            break;
        // Same width, big-endian: byte order is numeric order.
        if (match.value > match.high)
            errors.add(name, QStringLiteral("%1: range low %2 is greater than high %3")
                                 .arg(name, hexBytes(match.value), hexBytes(match.high)));
        else if (isZero(match.value) && match.high == allOnes(info.bitwidth))
            errors.add(name, name + QLatin1String(": range covers every value: leave the field out for a wildcard"));
        break;
    }
    case P4MatchKind::Unknown:
        break;
    }
}

bool contains(const QList<quint32> &ids, quint32 id)
{
    return std::find(ids.cbegin(), ids.cend(), id) != ids.cend();
}

/// Every check of validate(); returns the table when it exists (for validateSet).
const P4TableInfo *validateInto(const P4Program &program, const P4TableEntry &entry, const ErrorSink &errors)
{
    if (program.isNull()) {
        errors.add({}, QStringLiteral("no P4 program is loaded"));
        return nullptr;
    }
    const P4TableInfo *table = program.table(entry.table);
    if (!table) {
        errors.add({}, entry.table.isEmpty() ? QStringLiteral("no table given")
                                             : QStringLiteral("unknown table %1").arg(entry.table));
        return nullptr;
    }
    const QString &tableName = table->alias;
    if (table->isConst)
        errors.add({}, QStringLiteral("table %1 is const: its entries are part of the program and cannot be written").arg(tableName));

    bool keylessEntry = false; // already refused: its action's scope would only repeat that
    if (entry.isDefaultAction) {
        if (!entry.matches.isEmpty())
            errors.add({}, QStringLiteral("a default-action entry has no match fields (table %1)").arg(tableName));
        if (entry.priority != 0)
            errors.add(QStringLiteral("priority"), QStringLiteral("a default-action entry has no priority (table %1)").arg(tableName));
        if (table->constDefaultActionId != 0) {
            const P4ActionInfo *constant = program.action(table->constDefaultActionId);
            errors.add({}, QStringLiteral("table %1 has a const default action (%2): it cannot be changed")
                               .arg(tableName, constant ? constant->alias : QString()));
        }
    } else if (table->matchFields.isEmpty()) {
        errors.add({}, QStringLiteral("table %1 has no match fields: only its default action can be set (a default-action entry)")
                           .arg(tableName));
        keylessEntry = true;
    } else {
        QVarLengthArray<bool, 32> seen(table->matchFields.size(), false);
        for (const P4FieldMatch &match : entry.matches) {
            const qsizetype at = fieldIndex(*table, match.field);
            if (at < 0) {
                errors.add(match.field, QStringLiteral("table %1 has no match field %2").arg(tableName, match.field));
                continue;
            }
            const P4MatchFieldInfo &info = table->matchFields.at(at);
            if (seen[at]) {
                errors.add(info.name, QStringLiteral("%1 appears more than once").arg(info.name));
                continue;
            }
            seen[at] = true;
            if (match.kind != info.kind) {
                errors.add(info.name, QStringLiteral("%1 is a %2 field, not %3")
                                          .arg(info.name, toString(info.kind), toString(match.kind)));
                continue;
            }
            checkMatch(info, match, errors);
        }
        for (qsizetype i = 0; i < table->matchFields.size(); ++i) {
            const P4MatchFieldInfo &info = table->matchFields.at(i);
            if (!seen[i] && info.kind == P4MatchKind::Exact)
                errors.add(info.name, QStringLiteral("%1 is an exact field and must be given").arg(info.name));
        }
        if (table->needsPriority()) {
            if (entry.priority <= 0)
                errors.add(QStringLiteral("priority"),
                           entry.priority == 0
                               ? QStringLiteral("priority is required for table %1 (%2 match)").arg(tableName, kindWord(*table))
                               : QStringLiteral("priority must be positive, not %1 (table %2)").arg(entry.priority).arg(tableName));
        } else if (entry.priority != 0) {
            errors.add(QStringLiteral("priority"),
                       QStringLiteral("table %1 takes no priority (no ternary, range or optional field)").arg(tableName));
        }
    }

    if (entry.action.isEmpty()) {
        errors.add({}, QStringLiteral("no action given"));
        return table;
    }
    const P4ActionInfo *action = program.action(entry.action);
    if (!action) {
        errors.add({}, QStringLiteral("unknown action %1").arg(entry.action));
        return table;
    }
    const QString &actionName = action->alias;
    const bool inTable = contains(table->actionIds, action->id);
    const bool defaultOnly = contains(table->defaultOnlyActionIds, action->id);
    if (!inTable && !defaultOnly)
        errors.add({}, QStringLiteral("action %1 is not an action of table %2").arg(actionName, tableName));
    else if (!entry.isDefaultAction && defaultOnly && !keylessEntry)
        errors.add({}, QStringLiteral("action %1 can only be the default action of table %2").arg(actionName, tableName));
    else if (entry.isDefaultAction && contains(table->tableOnlyActionIds, action->id))
        errors.add({}, QStringLiteral("action %1 cannot be the default action of table %2").arg(actionName, tableName));

    QVarLengthArray<bool, 16> given(action->params.size(), false);
    for (const P4ParamValue &param : entry.params) {
        const P4ActionParamInfo *info = P4Program::param(*action, param.name);
        if (!info) {
            errors.add(param.name, QStringLiteral("action %1: unknown parameter %2").arg(actionName, param.name));
            continue;
        }
        const qsizetype at = info - action->params.constData();
        if (given[at]) {
            errors.add(param.name, QStringLiteral("action %1: parameter %2 is given more than once").arg(actionName, param.name));
            continue;
        }
        given[at] = true;
        if (const QString problem = widthProblem(param.value, info->bitwidth); !problem.isEmpty())
            errors.add(param.name, QStringLiteral("action %1: parameter %2: %3").arg(actionName, param.name, problem));
    }
    for (qsizetype i = 0; i < action->params.size(); ++i) {
        if (!given[i])
            errors.add(action->params.at(i).name,
                       QStringLiteral("action %1: parameter %2 is missing").arg(actionName, action->params.at(i).name));
    }
    return table;
}

/// Matches in the table's field order, parameters in the action's: entries built from text,
/// JSON and the wire compare equal.
void normalizeOrder(const P4TableInfo &table, const P4ActionInfo *action, P4TableEntry &entry)
{
    std::stable_sort(entry.matches.begin(), entry.matches.end(), [&](const P4FieldMatch &a, const P4FieldMatch &b) {
        return quint64(fieldIndex(table, a.field)) < quint64(fieldIndex(table, b.field));
    });
    if (!action)
        return;
    const auto paramIndex = [action](const QString &name) {
        const P4ActionParamInfo *info = P4Program::param(*action, name);
        return quint64(info ? info - action->params.constData() : -1);
    };
    std::stable_sort(entry.params.begin(), entry.params.end(), [&](const P4ParamValue &a, const P4ParamValue &b) {
        return paramIndex(a.name) < paramIndex(b.name);
    });
}

/// "name(a=1, b=2)" or "name" into the entry's action and parameters.
Result<void> parseActionText(const P4Program &program, QStringView text, P4TableEntry &entry)
{
    const qsizetype open = text.indexOf(QLatin1Char('('));
    const QString name = (open < 0 ? text : text.left(open)).trimmed().toString();
    const P4ActionInfo *action = program.action(name);
    if (!action)
        return makeError(name.isEmpty() ? QStringLiteral("no action name after action=")
                                        : QStringLiteral("unknown action %1").arg(name));
    entry.action = action->alias;
    entry.params.clear();
    if (open < 0)
        return {};
    if (!text.endsWith(QLatin1Char(')')))
        return makeError(QStringLiteral("action %1: missing ')'").arg(action->alias));
    const QStringView arguments = text.mid(open + 1, text.size() - open - 2).trimmed();
    if (arguments.isEmpty())
        return {};
    for (QStringView argument : arguments.split(QLatin1Char(','))) {
        argument = argument.trimmed();
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return makeError(QStringLiteral("action %1: expected name=value, got \"%2\"").arg(action->alias, argument));
        const QString paramName = argument.left(equals).trimmed().toString();
        const P4ActionParamInfo *info = P4Program::param(*action, paramName);
        if (!info)
            return makeError(QStringLiteral("action %1: unknown parameter %2").arg(action->alias, paramName));
        auto value = P4Values::parse(argument.mid(equals + 1).toString(), info->bitwidth);
        if (!value)
            return makeError(QStringLiteral("action %1: parameter %2: %3").arg(action->alias, paramName, value.error()));
        entry.params.append({info->name, *value});
    }
    return {};
}

/// Whitespace-separated tokens; whitespace inside parentheses stays in its token.
QList<QStringView> tokens(QStringView line)
{
    QList<QStringView> out;
    int depth = 0;
    qsizetype start = -1;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && depth > 0)
            --depth;
        if (c.isSpace() && depth == 0) {
            if (start >= 0)
                out.append(line.mid(start, i - start));
            start = -1;
        } else if (start < 0) {
            start = i;
        }
    }
    if (start >= 0)
        out.append(line.mid(start));
    return out;
}

QString formatParam(const P4ActionInfo *action, const P4ParamValue &param)
{
    const P4ActionParamInfo *info = action ? P4Program::param(*action, param.name) : nullptr;
    return info ? P4Values::format(param.value, info->bitwidth, info->name) : hexBytes(param.value);
}

} // namespace

QString P4TableEntry::matchKey() const
{
    return keyOf(table, *this);
}

// ---------------------------------------------------------------------------------------------
// Values

Result<QByteArray> P4Values::parse(const QString &text, int bitwidth)
{
    if (bitwidth <= 0)
        return makeError(QStringLiteral("bit width %1 is not positive").arg(bitwidth));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return makeError(QStringLiteral("empty value"));
    if (trimmed.startsWith(QLatin1Char('-')))
        return makeError(QStringLiteral("value %1 is negative").arg(trimmed));

    if (trimmed.contains(QLatin1Char('.'))) {
        if (bitwidth != 32)
            return makeError(QStringLiteral("%1 looks like an IPv4 address, but the field is %2 bits wide").arg(trimmed).arg(bitwidth));
        const QList<QStringView> parts = QStringView(trimmed).split(QLatin1Char('.'));
        QByteArray out;
        bool ok = parts.size() == 4;
        for (QStringView part : parts) {
            if (!ok)
                break;
            const bool digitsOnly = !part.isEmpty() && part.size() <= 3
                                    && std::all_of(part.begin(), part.end(), [](QChar c) { return c.isDigit(); });
            const uint octet = digitsOnly ? part.toUInt(&ok) : 256;
            ok = ok && octet <= 255;
            out.append(char(octet));
        }
        if (!ok)
            return makeError(QStringLiteral("%1 is not an IPv4 address").arg(trimmed));
        return out;
    }

    if (trimmed.contains(QLatin1Char(':'))) {
        if (bitwidth == 48) {
            const QList<QStringView> parts = QStringView(trimmed).split(QLatin1Char(':'));
            QByteArray out;
            bool ok = parts.size() == 6;
            for (QStringView part : parts) {
                if (!ok)
                    break;
                const bool hexOnly = !part.isEmpty() && part.size() <= 2
                                     && std::all_of(part.begin(), part.end(), [](QChar c) { return isxdigit(c.toLatin1()); });
                const uint octet = hexOnly ? part.toUInt(&ok, 16) : 256;
                ok = ok && octet <= 255;
                out.append(char(octet));
            }
            if (!ok)
                return makeError(QStringLiteral("%1 is not a MAC address").arg(trimmed));
            return out;
        }
        if (bitwidth == 128) {
            QHostAddress address;
            if (!address.setAddress(trimmed) || address.protocol() != QAbstractSocket::IPv6Protocol)
                return makeError(QStringLiteral("%1 is not an IPv6 address").arg(trimmed));
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            return QByteArray(reinterpret_cast<const char *>(bytes.c), 16);
        }
        return makeError(QStringLiteral("%1 looks like a MAC or IPv6 address, but the field is %2 bits wide").arg(trimmed).arg(bitwidth));
    }

    QStringView digits(trimmed);
    int base = 10;
    if (digits.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) {
        base = 16;
        digits = digits.mid(2);
    } else if (digits.startsWith(QLatin1String("0b"), Qt::CaseInsensitive)) {
        base = 2;
        digits = digits.mid(2);
    }
    return parseNumber(digits, base, bitwidth, trimmed);
}

QString P4Values::format(const QByteArray &value, int bitwidth, const QString &fieldName)
{
    auto fixed = P4RuntimeCodec::padded(value, bitwidth);
    if (!fixed)
        return hexBytes(value);
    const QByteArray &bytes = *fixed;
    if (bitwidth == 32 && isAddressName(fieldName))
        return QStringLiteral("%1.%2.%3.%4")
            .arg(quint8(bytes.at(0)))
            .arg(quint8(bytes.at(1)))
            .arg(quint8(bytes.at(2)))
            .arg(quint8(bytes.at(3)));
    if (bitwidth == 48) {
        QString mac = QString::fromLatin1(bytes.toHex(':'));
        return mac;
    }
    if (bitwidth == 128) {
        Q_IPV6ADDR address;
        std::copy(bytes.cbegin(), bytes.cend(), reinterpret_cast<char *>(address.c));
        return QHostAddress(address).toString();
    }
    if (bitwidth <= 16)
        return decimal(bytes);
    return shortHex(bytes);
}

Result<std::optional<P4FieldMatch>> P4Values::parseMatch(const P4MatchFieldInfo &info, const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto failed = [&info](const QString &error) {
        return makeError(info.name + QLatin1String(": ") + error);
    };
    if (trimmed == QLatin1String("*")) {
        if (info.kind == P4MatchKind::Exact)
            return failed(QStringLiteral("an exact field cannot be a wildcard"));
        return std::optional<P4FieldMatch>();
    }
    P4FieldMatch match;
    match.field = info.name;
    match.kind = info.kind;
    switch (info.kind) {
    case P4MatchKind::Exact:
    case P4MatchKind::Optional: {
        auto value = parse(trimmed, info.bitwidth);
        if (!value)
            return failed(value.error());
        match.value = *value;
        break;
    }
    case P4MatchKind::Lpm:
    case P4MatchKind::Ternary: {
        const qsizetype ampersands = trimmed.indexOf(QLatin1String("&&&"));
        const qsizetype slash = trimmed.lastIndexOf(QLatin1Char('/'));
        QString valueText = trimmed;
        if (info.kind == P4MatchKind::Ternary && ampersands >= 0) {
            valueText = trimmed.left(ampersands);
            auto mask = parse(trimmed.mid(ampersands + 3), info.bitwidth);
            if (!mask)
                return failed(QStringLiteral("mask: ") + mask.error());
            match.mask = *mask;
        } else if (slash >= 0) {
            valueText = trimmed.left(slash);
            bool ok = false;
            const int length = trimmed.mid(slash + 1).trimmed().toInt(&ok);
            if (!ok)
                return failed(QStringLiteral("\"%1\" is not a prefix length").arg(trimmed.mid(slash + 1)));
            if (length < 0 || length > info.bitwidth)
                return failed(QStringLiteral("prefix length %1 is outside 1..%2").arg(length).arg(info.bitwidth));
            if (info.kind == P4MatchKind::Lpm)
                match.prefixLength = length;
            else
                match.mask = prefixMask(info.bitwidth, length);
        } else if (info.kind == P4MatchKind::Lpm) {
            match.prefixLength = info.bitwidth;
        } else {
            match.mask = allOnes(info.bitwidth);
        }
        auto value = parse(valueText, info.bitwidth);
        if (!value)
            return failed(value.error());
        match.value = *value;
        break;
    }
    case P4MatchKind::Range: {
        const qsizetype dots = trimmed.indexOf(QLatin1String(".."));
        auto low = parse(dots < 0 ? trimmed : trimmed.left(dots), info.bitwidth);
        if (!low)
            return failed(low.error());
        auto high = dots < 0 ? low : parse(trimmed.mid(dots + 2), info.bitwidth);
        if (!high)
            return failed(high.error());
        match.value = *low;
        match.high = *high;
        break;
    }
    case P4MatchKind::Unknown:
        return failed(QStringLiteral("the field has no match type"));
    }
    return std::optional<P4FieldMatch>(std::move(match));
}

QString P4Values::formatMatch(const P4MatchFieldInfo &info, const P4FieldMatch &match)
{
    const auto text = [&info](const QByteArray &value) { return format(value, info.bitwidth, info.name); };
    switch (match.kind) {
    case P4MatchKind::Exact:
    case P4MatchKind::Optional:
        return text(match.value);
    case P4MatchKind::Lpm:
        return text(match.value) + QLatin1Char('/') + QString::number(match.prefixLength);
    case P4MatchKind::Ternary: {
        // Masks read best in hex, unless the value itself is an address.
        const QString value = text(match.value);
        const bool addressLike = value.contains(QLatin1Char('.')) || value.contains(QLatin1Char(':'));
        return value + QLatin1String("&&&") + (addressLike ? text(match.mask) : shortHex(match.mask));
    }
    case P4MatchKind::Range:
        return text(match.value) + QLatin1String("..") + text(match.high);
    case P4MatchKind::Unknown:
        break;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Validation

QList<P4ValidationError> P4Validation::validate(const P4Program &program, const P4TableEntry &entry)
{
    QList<P4ValidationError> errors;
    validateInto(program, entry, ErrorSink{&errors});
    return errors;
}

QList<P4ValidationError> P4Validation::validateSet(const P4Program &program, const QList<P4TableEntry> &entries)
{
    QList<P4ValidationError> errors;
    QHash<QByteArray, int> firstByKey;
    firstByKey.reserve(entries.size());
    struct TableCount
    {
        qint64 count = 0;
        int firstOver = -1;
    };
    QHash<const P4TableInfo *, TableCount> counts;
    for (int i = 0; i < entries.size(); ++i) {
        const P4TableEntry &entry = entries.at(i);
        const ErrorSink sink{&errors, i};
        const P4TableInfo *table = validateInto(program, entry, sink);
        if (!table)
            continue;
        QByteArray key = binaryKey(*table, entry);
        if (const auto it = firstByKey.constFind(key); it != firstByKey.cend()) {
            sink.add({}, entry.isDefaultAction
                             ? QStringLiteral("entry #%1 already sets the default action of table %2").arg(*it).arg(table->alias)
                             : QStringLiteral("entry #%1 has the same match key in table %2").arg(*it).arg(table->alias));
            continue;
        }
        firstByKey.insert(std::move(key), i);
        if (entry.isDefaultAction)
            continue;
        TableCount &count = counts[table];
        if (++count.count > table->size && table->size > 0 && count.firstOver < 0)
            count.firstOver = i;
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it->firstOver >= 0)
            ErrorSink{&errors, it->firstOver}.add({}, QStringLiteral("table %1 holds at most %2 entries; the set has %3")
                                                          .arg(it.key()->alias)
                                                          .arg(it.key()->size)
                                                          .arg(it->count));
    }
    return errors;
}

// ---------------------------------------------------------------------------------------------
// Text form

Result<P4TableEntry> P4EntryText::parse(const P4Program &program, const QString &line)
{
    QStringView body(line);
    P4TableEntry entry;
    if (const qsizetype hash = body.indexOf(QLatin1Char('#')); hash >= 0) {
        entry.note = body.mid(hash + 1).trimmed().toString();
        body = body.left(hash);
    }
    const QList<QStringView> words = tokens(body);
    if (words.isEmpty())
        return makeError(QStringLiteral("empty entry: expected a table name"));
    const P4TableInfo *table = program.table(words.first().toString());
    if (!table)
        return makeError(QStringLiteral("unknown table %1").arg(words.first()));
    entry.table = table->alias;

    bool hasAction = false;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QStringView word = words.at(i);
        if (word == QLatin1String("default")) {
            entry.isDefaultAction = true;
        } else if (word.startsWith(QLatin1String("priority="))) {
            bool ok = false;
            entry.priority = word.mid(9).toInt(&ok);
            if (!ok)
                return makeError(QStringLiteral("priority must be a whole number, not \"%1\"").arg(word.mid(9)));
        } else if (word.startsWith(QLatin1String("action="))) {
            if (hasAction)
                return makeError(QStringLiteral("more than one action= given"));
            hasAction = true;
            if (auto parsed = parseActionText(program, word.mid(7), entry); !parsed)
                return makeError(parsed.error());
        } else if (const qsizetype equals = word.indexOf(QLatin1Char('=')); equals > 0) {
            const QString name = word.left(equals).toString();
            const P4MatchFieldInfo *info = P4Program::matchField(*table, name);
            if (!info)
                return makeError(QStringLiteral("table %1 has no match field %2").arg(table->alias, name));
            auto match = P4Values::parseMatch(*info, word.mid(equals + 1).toString());
            if (!match)
                return makeError(match.error());
            if (match->has_value())
                entry.matches.append(std::move(**match));
        } else {
            return makeError(QStringLiteral("expected field=value, priority=N, action=NAME(...) or default; got \"%1\"").arg(word));
        }
    }
    normalizeOrder(*table, program.action(entry.action), entry);
    return entry;
}

QString P4EntryText::format(const P4Program &program, const P4TableEntry &entry)
{
    const P4TableInfo *table = program.table(entry.table);
    const P4ActionInfo *action = program.action(entry.action);
    QString line = table ? table->alias : entry.table;
    if (entry.isDefaultAction)
        line += QLatin1String(" default");
    for (const P4FieldMatch &match : entry.matches) {
        const P4MatchFieldInfo *info = table ? P4Program::matchField(*table, match.field) : nullptr;
        line += QLatin1Char(' ') + (info ? info->name : match.field) + QLatin1Char('=')
                + (info ? P4Values::formatMatch(*info, match) : hexBytes(match.value));
    }
    if (entry.priority != 0)
        line += QLatin1String(" priority=") + QString::number(entry.priority);
    if (!entry.action.isEmpty()) {
        line += QLatin1String(" action=") + (action ? action->alias : entry.action);
        if (!entry.params.isEmpty()) {
            QStringList params;
            for (const P4ParamValue &param : entry.params)
                params.append(param.name + QLatin1Char('=') + formatParam(action, param));
            line += QLatin1Char('(') + params.join(QLatin1Char(',')) + QLatin1Char(')');
        }
    }
    if (!entry.note.isEmpty())
        line += QLatin1String(" # ") + QString(entry.note).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line;
}

// ---------------------------------------------------------------------------------------------
// JSON

QJsonObject toJson(const P4Program &program, const P4TableEntry &entry)
{
    const P4TableInfo *table = program.table(entry.table);
    const P4ActionInfo *action = program.action(entry.action);
    QJsonObject json;
    json.insert(QLatin1String("table"), table ? table->alias : entry.table);
    if (entry.isDefaultAction)
        json.insert(QLatin1String("default"), true);
    QJsonObject matches;
    for (const P4FieldMatch &match : entry.matches) {
        const P4MatchFieldInfo *info = table ? P4Program::matchField(*table, match.field) : nullptr;
        matches.insert(info ? info->name : match.field, info ? P4Values::formatMatch(*info, match) : hexBytes(match.value));
    }
    if (!matches.isEmpty())
        json.insert(QLatin1String("match"), matches);
    if (entry.priority != 0)
        json.insert(QLatin1String("priority"), entry.priority);
    if (!entry.action.isEmpty())
        json.insert(QLatin1String("action"), action ? action->alias : entry.action);
    QJsonObject params;
    for (const P4ParamValue &param : entry.params)
        params.insert(param.name, formatParam(action, param));
    if (!params.isEmpty())
        json.insert(QLatin1String("params"), params);
    if (!entry.note.isEmpty())
        json.insert(QLatin1String("note"), entry.note);
    return json;
}

Result<P4TableEntry> p4EntryFromJson(const P4Program &program, const QJsonObject &json)
{
    P4TableEntry entry;
    const QJsonValue tableValue = json.value(QLatin1String("table"));
    if (!tableValue.isString())
        return makeError(QStringLiteral("entry JSON: \"table\" must be a string"));
    const P4TableInfo *table = program.table(tableValue.toString());
    if (!table)
        return makeError(QStringLiteral("unknown table %1").arg(tableValue.toString()));
    entry.table = table->alias;

    const QJsonValue defaultValue = json.value(QLatin1String("default"));
    if (!defaultValue.isUndefined() && !defaultValue.isBool())
        return makeError(QStringLiteral("entry JSON: \"default\" must be true or false"));
    entry.isDefaultAction = defaultValue.toBool(false);

    const QJsonValue matchValue = json.value(QLatin1String("match"));
    if (!matchValue.isUndefined() && !matchValue.isObject())
        return makeError(QStringLiteral("entry JSON: \"match\" must be an object of field: value"));
    const QJsonObject matches = matchValue.toObject();
    for (auto it = matches.constBegin(); it != matches.constEnd(); ++it) {
        const P4MatchFieldInfo *info = P4Program::matchField(*table, it.key());
        if (!info)
            return makeError(QStringLiteral("table %1 has no match field %2").arg(table->alias, it.key()));
        if (!it.value().isString())
            return makeError(QStringLiteral("entry JSON: match %1 must be a string").arg(it.key()));
        auto match = P4Values::parseMatch(*info, it.value().toString());
        if (!match)
            return makeError(match.error());
        if (match->has_value())
            entry.matches.append(std::move(**match));
    }

    const QJsonValue priorityValue = json.value(QLatin1String("priority"));
    if (!priorityValue.isUndefined()) {
        const double priority = priorityValue.toDouble(-1);
        if (!priorityValue.isDouble() || priority != double(int(priority)) || priority < 0)
            return makeError(QStringLiteral("entry JSON: \"priority\" must be a whole number >= 0"));
        entry.priority = int(priority);
    }

    const QJsonValue actionValue = json.value(QLatin1String("action"));
    const P4ActionInfo *action = nullptr;
    if (!actionValue.isUndefined()) {
        if (!actionValue.isString())
            return makeError(QStringLiteral("entry JSON: \"action\" must be a string"));
        action = program.action(actionValue.toString());
        if (!action)
            return makeError(QStringLiteral("unknown action %1").arg(actionValue.toString()));
        entry.action = action->alias;
    }
    const QJsonValue paramsValue = json.value(QLatin1String("params"));
    if (!paramsValue.isUndefined() && !paramsValue.isObject())
        return makeError(QStringLiteral("entry JSON: \"params\" must be an object of name: value"));
    const QJsonObject params = paramsValue.toObject();
    if (!params.isEmpty() && !action)
        return makeError(QStringLiteral("entry JSON: \"params\" given without an action"));
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        const P4ActionParamInfo *info = P4Program::param(*action, it.key());
        if (!info)
            return makeError(QStringLiteral("action %1: unknown parameter %2").arg(action->alias, it.key()));
        if (!it.value().isString())
            return makeError(QStringLiteral("action %1: parameter %2 must be a string").arg(action->alias, it.key()));
        auto value = P4Values::parse(it.value().toString(), info->bitwidth);
        if (!value)
            return makeError(QStringLiteral("action %1: parameter %2: %3").arg(action->alias, it.key(), value.error()));
        entry.params.append({info->name, *value});
    }
    const QJsonValue noteValue = json.value(QLatin1String("note"));
    if (!noteValue.isUndefined() && !noteValue.isString())
        return makeError(QStringLiteral("entry JSON: \"note\" must be a string"));
    entry.note = noteValue.toString();
    normalizeOrder(*table, action, entry);
    return entry;
}

// ---------------------------------------------------------------------------------------------
// P4Runtime codec

QByteArray P4RuntimeCodec::canonical(const QByteArray &value)
{
    qsizetype start = 0;
    while (start < value.size() - 1 && value.at(start) == 0)
        ++start;
    if (value.isEmpty() || (start == value.size() - 1 && value.at(start) == 0))
        return QByteArray(1, '\0');
    return start == 0 ? value : value.mid(start);
}

Result<QByteArray> P4RuntimeCodec::padded(const QByteArray &value, int bitwidth)
{
    if (bitwidth <= 0)
        return makeError(QStringLiteral("bit width %1 is not positive").arg(bitwidth));
    if (value.isEmpty())
        return makeError(QStringLiteral("empty value (P4Runtime values have at least one byte)"));
    const int width = byteWidth(bitwidth);
    if (value.size() == width && !(quint8(value.at(0)) & excessMask(bitwidth)))
        return value; // the common case: already fixed width
    qsizetype start = 0;
    while (start < value.size() && value.at(start) == 0)
        ++start;
    const qsizetype significant = value.size() - start;
    if (significant > width || (significant == width && (quint8(value.at(start)) & excessMask(bitwidth))))
        return makeError(QStringLiteral("value %1 does not fit in %2 bits").arg(hexBytes(value)).arg(bitwidth));
    QByteArray out(width - significant, '\0');
    out.append(value.constData() + start, significant);
    return out;
}

Result<void> P4RuntimeCodec::toProto(const P4Program &program, const P4TableEntry &entry, p4::v1::TableEntry *out)
{
    out->Clear();
    const P4TableInfo *table = program.table(entry.table);
    if (!table)
        return makeError(QStringLiteral("unknown table %1").arg(entry.table));
    out->set_table_id(table->id);
    out->set_priority(entry.priority);
    out->set_is_default_action(entry.isDefaultAction);
    for (const P4FieldMatch &match : entry.matches) {
        const P4MatchFieldInfo *info = P4Program::matchField(*table, match.field);
        if (!info)
            return makeError(QStringLiteral("table %1 has no match field %2").arg(table->alias, match.field));
        const P4MatchKind kind = match.kind == P4MatchKind::Unknown ? info->kind : match.kind;
        if (kind != info->kind)
            return makeError(QStringLiteral("%1 is a %2 field, not %3")
                                 .arg(info->name, toString(info->kind), toString(kind)));
        p4::v1::FieldMatch *field = out->add_match();
        field->set_field_id(info->id);
        switch (kind) {
        case P4MatchKind::Exact:
            field->mutable_exact()->set_value(toStd(canonical(match.value)));
            break;
        case P4MatchKind::Lpm:
            field->mutable_lpm()->set_value(toStd(canonical(match.value)));
            field->mutable_lpm()->set_prefix_len(match.prefixLength);
            break;
        case P4MatchKind::Ternary:
            field->mutable_ternary()->set_value(toStd(canonical(match.value)));
            field->mutable_ternary()->set_mask(toStd(canonical(match.mask)));
            break;
        case P4MatchKind::Range:
            field->mutable_range()->set_low(toStd(canonical(match.value)));
            field->mutable_range()->set_high(toStd(canonical(match.high)));
            break;
        case P4MatchKind::Optional:
            field->mutable_optional()->set_value(toStd(canonical(match.value)));
            break;
        case P4MatchKind::Unknown:
            break;
        }
    }
    if (entry.action.isEmpty()) {
        if (!entry.params.isEmpty())
            return makeError(QStringLiteral("parameters given without an action"));
        return {};
    }
    const P4ActionInfo *action = program.action(entry.action);
    if (!action)
        return makeError(QStringLiteral("unknown action %1").arg(entry.action));
    p4::v1::Action *wire = out->mutable_action()->mutable_action();
    wire->set_action_id(action->id);
    for (const P4ParamValue &param : entry.params) {
        const P4ActionParamInfo *info = P4Program::param(*action, param.name);
        if (!info)
            return makeError(QStringLiteral("action %1: unknown parameter %2").arg(action->alias, param.name));
        p4::v1::Action::Param *wireParam = wire->add_params();
        wireParam->set_param_id(info->id);
        wireParam->set_value(toStd(canonical(param.value)));
    }
    return {};
}

Result<P4TableEntry> P4RuntimeCodec::fromProto(const P4Program &program, const p4::v1::TableEntry &in)
{
    const P4TableInfo *table = program.table(in.table_id());
    if (!table)
        return makeError(QStringLiteral("unknown table id 0x%1").arg(in.table_id(), 8, 16, QLatin1Char('0')));
    P4TableEntry entry;
    entry.table = table->alias;
    entry.priority = in.priority();
    entry.isDefaultAction = in.is_default_action();

    for (const p4::v1::FieldMatch &field : in.match()) {
        const auto info = std::find_if(table->matchFields.cbegin(), table->matchFields.cend(),
                                       [&field](const P4MatchFieldInfo &candidate) { return candidate.id == field.field_id(); });
        if (info == table->matchFields.cend())
            return makeError(QStringLiteral("table %1 has no match field id %2").arg(table->alias).arg(field.field_id()));
        P4FieldMatch match;
        match.field = info->name;
        const auto fixed = [&info](const std::string &value, QByteArray *out) -> Result<void> {
            auto result = padded(fromStd(value), info->bitwidth);
            if (!result)
                return makeError(info->name + QLatin1String(": ") + result.error());
            *out = std::move(*result);
            return {};
        };
        Result<void> decoded;
        switch (field.field_match_type_case()) {
        case p4::v1::FieldMatch::kExact:
            match.kind = P4MatchKind::Exact;
            decoded = fixed(field.exact().value(), &match.value);
            break;
        case p4::v1::FieldMatch::kLpm:
            match.kind = P4MatchKind::Lpm;
            match.prefixLength = field.lpm().prefix_len();
            decoded = fixed(field.lpm().value(), &match.value);
            break;
        case p4::v1::FieldMatch::kTernary:
            match.kind = P4MatchKind::Ternary;
            decoded = fixed(field.ternary().value(), &match.value);
            if (decoded)
                decoded = fixed(field.ternary().mask(), &match.mask);
            break;
        case p4::v1::FieldMatch::kRange:
            match.kind = P4MatchKind::Range;
            decoded = fixed(field.range().low(), &match.value);
            if (decoded)
                decoded = fixed(field.range().high(), &match.high);
            break;
        case p4::v1::FieldMatch::kOptional:
            match.kind = P4MatchKind::Optional;
            decoded = fixed(field.optional().value(), &match.value);
            break;
        default:
            return makeError(QStringLiteral("%1: unsupported or missing match type").arg(info->name));
        }
        if (!decoded)
            return makeError(decoded.error());
        if (match.kind != info->kind)
            return makeError(QStringLiteral("%1 is a %2 field, not %3")
                                 .arg(info->name, toString(info->kind), toString(match.kind)));
        entry.matches.append(std::move(match));
    }

    const P4ActionInfo *action = nullptr;
    if (in.has_action()) {
        if (in.action().type_case() != p4::v1::TableAction::kAction)
            return makeError(QStringLiteral("table %1: action profile members and groups are not supported").arg(table->alias));
        const p4::v1::Action &wire = in.action().action();
        action = program.action(wire.action_id());
        if (!action)
            return makeError(QStringLiteral("unknown action id 0x%1").arg(wire.action_id(), 8, 16, QLatin1Char('0')));
        entry.action = action->alias;
        for (const p4::v1::Action::Param &param : wire.params()) {
            const auto info = std::find_if(action->params.cbegin(), action->params.cend(),
                                           [&param](const P4ActionParamInfo &candidate) { return candidate.id == param.param_id(); });
            if (info == action->params.cend())
                return makeError(QStringLiteral("action %1 has no parameter id %2").arg(action->alias).arg(param.param_id()));
            auto value = padded(fromStd(param.value()), info->bitwidth);
            if (!value)
                return makeError(QStringLiteral("action %1: parameter %2: %3").arg(action->alias, info->name, value.error()));
            entry.params.append({info->name, std::move(*value)});
        }
    }
    normalizeOrder(*table, action, entry);
    return entry;
}

// ---------------------------------------------------------------------------------------------
// Diff

P4EntryDiff diffEntries(const QList<P4TableEntry> &desired, const QList<P4TableEntry> &installed)
{
    const auto sameAction = [](const P4TableEntry &a, const P4TableEntry &b) {
        if (a.action != b.action || a.params.size() != b.params.size())
            return false;
        for (const P4ParamValue &param : a.params) {
            if (std::find(b.params.cbegin(), b.params.cend(), param) == b.params.cend())
                return false;
        }
        return true;
    };

    P4EntryDiff diff;
    // One table for both sides: an installed entry's index, or DesiredOnly for a key only the
    // desired side has (so that a repeated desired key is skipped without a second set).
    constexpr qsizetype DesiredOnly = -1;
    QHash<QString, qsizetype> byKey;
    byKey.reserve(installed.size() + desired.size() / 4);
    for (qsizetype i = 0; i < installed.size(); ++i)
        byKey.insert(installed.at(i).matchKey(), i);

    QList<bool> matched(installed.size(), false);
    for (const P4TableEntry &entry : desired) {
        QString key = entry.matchKey();
        const auto found = byKey.constFind(key);
        if (found == byKey.cend()) {
            diff.toInsert.append(entry);
            byKey.insert(std::move(key), DesiredOnly);
            continue;
        }
        const qsizetype at = *found;
        if (at == DesiredOnly || matched.at(at))
            continue; // a repeated desired key: validateSet reports it; the first one wins here
        matched[at] = true;
        if (sameAction(entry, installed.at(at)))
            ++diff.unchanged;
        else
            diff.toModify.append(entry);
    }
    for (qsizetype i = 0; i < installed.size(); ++i) {
        if (!matched.at(i))
            diff.toDelete.append(installed.at(i));
    }
    return diff;
}

} // namespace Continuo
