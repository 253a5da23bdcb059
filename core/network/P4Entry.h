#pragma once

#include "network/P4Program.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace p4::v1 {
class TableEntry;
}

namespace Continuo {

/// One key field of a table entry. Values are big-endian byte strings exactly
/// (bitwidth + 7) / 8 bytes long (the codec converts to and from P4Runtime's canonical,
/// shortest form on the wire).
struct P4FieldMatch
{
    QString field;              ///< Match field name as in the P4Info.
    P4MatchKind kind = P4MatchKind::Unknown;
    QByteArray value;           ///< Exact, LPM, ternary, optional value; range low bound.
    QByteArray mask;            ///< Ternary mask.
    int prefixLength = 0;       ///< LPM prefix length.
    QByteArray high;            ///< Range high bound.
    bool operator==(const P4FieldMatch &) const = default;
};

struct P4ParamValue
{
    QString name;
    QByteArray value;           ///< Big-endian, (bitwidth + 7) / 8 bytes.
    bool operator==(const P4ParamValue &) const = default;
};

/// A table entry in Continuo's terms (names, not ids). Fields a ternary/range/optional table
/// leaves out of `matches` are wildcards ("don't care"), as in P4Runtime.
struct CONTINUO_CORE_EXPORT P4TableEntry
{
    QString table;               ///< Table name or alias as in the P4Info.
    QList<P4FieldMatch> matches;
    QString action;
    QList<P4ParamValue> params;
    int priority = 0;            ///< Higher wins; required (> 0) for ternary/range/optional tables.
    bool isDefaultAction = false;
    QString note;                ///< Operator's or generator's comment ("connection c1 hop 2"); not on the wire.
    bool operator==(const P4TableEntry &) const = default;

    /// Identity of the entry in its table: table, matches (sorted by field) and priority. Two
    /// entries with the same key cannot both be installed; the action is what MODIFY changes.
    /// A default-action entry's key is "<table>/default". Names are taken as written.
    QString matchKey() const;
};

/// A problem with an entry. `field` names the match field or action parameter at fault (empty
/// for the entry as a whole), so editors can put the message next to it.
struct P4ValidationError
{
    QString field;
    QString message;
    bool operator==(const P4ValidationError &) const = default;
};

/// Human text forms of field values, as operators type them:
/// - numbers: decimal "80", hex "0x50", binary "0b1010"
/// - IPv4 "10.0.0.1" (32-bit fields), MAC "aa:bb:cc:dd:ee:ff" (48-bit fields), IPv6 (128-bit)
/// - ternary "value&&&mask" (p4runtime-shell), LPM "value/len", range "low..high", "*" wildcard
namespace P4Values {
/// Parse a value for a field `bitwidth` bits wide into its fixed-width big-endian bytes. Fails
/// ("value 300 does not fit in 8 bits") when it does not fit.
CONTINUO_CORE_EXPORT Result<QByteArray> parse(const QString &text, int bitwidth);
/// The natural text of a value: IPv4 dotted quad for 32-bit fields whose last name part says
/// "addr"/"ip" or starts with "l3_", MAC for 48-bit fields, IPv6 for 128-bit fields, decimal up
/// to 16 bits, shortest hex ("0xfa") otherwise. Always parses back to the same bytes.
CONTINUO_CORE_EXPORT QString format(const QByteArray &value, int bitwidth, const QString &fieldName = {});
/// Parse the match text of a field ("10.0.0.0/8", "0x800&&&0xffff", "1000..2000", "*").
/// "*" gives an error for exact fields and a null optional otherwise (the caller drops it).
/// A bare value is a full mask (ternary), a /width prefix (LPM) or low == high (range); ternary
/// also takes "value/len". Widths are checked here; masks, prefixes and ranges by validate().
CONTINUO_CORE_EXPORT Result<std::optional<P4FieldMatch>> parseMatch(const P4MatchFieldInfo &info, const QString &text);
CONTINUO_CORE_EXPORT QString formatMatch(const P4MatchFieldInfo &info, const P4FieldMatch &match);
} // namespace P4Values

/// Entries checked against a program.
namespace P4Validation {
/// Every problem of the entry (empty: valid): table exists and is not const; every field exists,
/// appears once and has the table's match kind; values and masks have the field's width;
/// ternary masks canonical (value & ~mask == 0); LPM prefix within the width and value bits
/// beyond the prefix zero; range low <= high; priority > 0 when the table needs one and 0
/// when it does not; the action exists, is allowed in the table (and as default or not);
/// every parameter of the action given once with its width, no unknown parameters.
/// As P4Runtime requires, a don't-care is an absent field: a zero ternary mask, a /0 prefix or
/// a range covering every value is an error. Default-action entries have no matches and no
/// priority, and are refused for a table with a const default action; keyless tables take only
/// default-action entries. Messages name the table and action by alias. O(fields + params),
/// allocation-free for a valid entry (about 1M entries/s/core or better).
CONTINUO_CORE_EXPORT QList<P4ValidationError> validate(const P4Program &program, const P4TableEntry &entry);
/// The whole set for one switch: each entry valid, no two with the same matchKey(), table sizes
/// respected. Errors name the entry index in `field` as "#3" or "#3.hdr.ipv4.dst_addr".
CONTINUO_CORE_EXPORT QList<P4ValidationError> validateSet(const P4Program &program, const QList<P4TableEntry> &entries);
} // namespace P4Validation

/// Text form of a whole entry, one line (also what `continuoctl p4 ...` reads and prints):
///   table0 local_metadata.l3_dst=10.0.0.2&&&255.255.255.255 local_metadata.l4_dst=80&&&0xffff priority=10 action=set_egress_port(port=2)
///   int_insert default action=init_metadata(switch_id=0x3) # note after '#'
/// parse() takes names or aliases, short field names ("l3_dst"), "*" wildcards and spaces
/// inside the parentheses; it checks names and widths, validate() the rest. Parsed entries use
/// the table/action alias and full field names, fields in P4Info order, so that format() of a
/// parsed line gives it back in this canonical form.
namespace P4EntryText {
CONTINUO_CORE_EXPORT Result<P4TableEntry> parse(const P4Program &program, const QString &line);
CONTINUO_CORE_EXPORT QString format(const P4Program &program, const P4TableEntry &entry);
} // namespace P4EntryText

/// JSON form (durable store, gRPC, continuoctl -o json): values as their text forms.
CONTINUO_CORE_EXPORT QJsonObject toJson(const P4Program &program, const P4TableEntry &entry);
CONTINUO_CORE_EXPORT Result<P4TableEntry> p4EntryFromJson(const P4Program &program, const QJsonObject &json);

/// P4Runtime codec. toProto writes ids and canonical (shortest) byte strings; fromProto accepts
/// canonical or padded values and fails for unknown ids.
namespace P4RuntimeCodec {
CONTINUO_CORE_EXPORT Result<void> toProto(const P4Program &program, const P4TableEntry &entry, p4::v1::TableEntry *out);
CONTINUO_CORE_EXPORT Result<P4TableEntry> fromProto(const P4Program &program, const p4::v1::TableEntry &entry);
/// Shortest big-endian form (P4Runtime 1.3 §8.3: no leading zero bytes, zero is one 0x00 byte).
CONTINUO_CORE_EXPORT QByteArray canonical(const QByteArray &value);
/// Left-pad or strip to `bitwidth` bits; fails when the value has bits set beyond the width.
CONTINUO_CORE_EXPORT Result<QByteArray> padded(const QByteArray &value, int bitwidth);
} // namespace P4RuntimeCodec

/// Desired versus installed entries of one switch.
struct P4EntryDiff
{
    QList<P4TableEntry> toInsert;  ///< Desired, not installed.
    QList<P4TableEntry> toModify;  ///< Same matchKey, different action/params (desired version).
    QList<P4TableEntry> toDelete;  ///< Installed, not desired.
    int unchanged = 0;
    bool isEmpty() const { return toInsert.isEmpty() && toModify.isEmpty() && toDelete.isEmpty(); }
};
/// O(n) by matchKey hashing. The first of desired entries with the same key wins; notes are
/// ignored. Name tables the same way on both sides (aliases, as parse/fromProto give them).
CONTINUO_CORE_EXPORT P4EntryDiff diffEntries(const QList<P4TableEntry> &desired, const QList<P4TableEntry> &installed);

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::P4TableEntry)
