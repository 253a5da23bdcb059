#pragma once

#include "continuo_core_export.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace p4::config::v1 {
class P4Info;
}

namespace Continuo {

/// How a table key field matches (P4Runtime MatchField.MatchType).
enum class P4MatchKind { Unknown = 0, Exact, Lpm, Ternary, Range, Optional };
CONTINUO_CORE_EXPORT QString toString(P4MatchKind kind);

struct P4MatchFieldInfo
{
    quint32 id = 0;
    QString name;      ///< As in the P4Info ("hdr.ipv4.src_addr", "standard_metadata.ingress_port").
    int bitwidth = 0;
    P4MatchKind kind = P4MatchKind::Unknown;
    QString doc;
};

struct P4ActionParamInfo
{
    quint32 id = 0;
    QString name;
    int bitwidth = 0;
    QString doc;
};

struct P4ActionInfo
{
    quint32 id = 0;
    QString name;  ///< Fully qualified ("MyIngress.set_egress_port").
    QString alias; ///< Short ("set_egress_port").
    QList<P4ActionParamInfo> params;
    QString doc;
};

struct CONTINUO_CORE_EXPORT P4TableInfo
{
    quint32 id = 0;
    QString name;
    QString alias;
    QList<P4MatchFieldInfo> matchFields;
    QList<quint32> actionIds;      ///< Actions an entry of this table may use (TABLE_AND_DEFAULT, TABLE_ONLY).
    QList<quint32> defaultOnlyActionIds; ///< DEFAULT_ONLY actions: allowed only as default action.
    QList<quint32> tableOnlyActionIds;   ///< TABLE_ONLY actions (also in actionIds): never the default.
    quint32 constDefaultActionId = 0;
    QList<quint32> directCounterIds;
    QList<quint32> directMeterIds;
    qint64 size = 0;               ///< Maximum number of entries (0: unknown).
    bool isConst = false;
    QString doc;

    /// Whether entries of this table need a priority (a ternary, range or optional field).
    bool needsPriority() const;
};

enum class P4CounterUnit { Unspecified = 0, Bytes, Packets, Both };

struct P4CounterInfo
{
    quint32 id = 0;
    QString name;
    QString alias;
    P4CounterUnit unit = P4CounterUnit::Unspecified;
    qint64 size = 0;            ///< Indexed counters: number of cells.
    quint32 directTableId = 0;  ///< Direct counters: the table they count.
};

struct P4MeterInfo
{
    quint32 id = 0;
    QString name;
    QString alias;
    qint64 size = 0;
    quint32 directTableId = 0;
};

struct P4RegisterInfo
{
    quint32 id = 0;
    QString name;
    QString alias;
    int bitwidth = 0;
    qint64 size = 0;
};

/// Packet-in / packet-out controller header field.
struct P4PacketMetadataInfo
{
    quint32 id = 0;
    QString name;
    int bitwidth = 0;
};

/// A P4 program as its P4Info describes it. Immutable after loading; cheap to copy (shared).
/// Lookups by id, full name or alias are hash lookups.
class CONTINUO_CORE_EXPORT P4Program
{
public:
    P4Program();
    ~P4Program();
    P4Program(const P4Program &);
    P4Program &operator=(const P4Program &);

    /// Load a P4Info in protobuf text format (when `data` holds no control characters besides
    /// whitespace) or binary wire format. Text fields this schema subset lacks (p4c's type_info,
    /// externs...) are skipped. Fails with the parser's line:column ("P4Info text 3:18: ..."),
    /// or with the first inconsistency ("inconsistent P4Info: duplicate id ..."): ids unique and
    /// with their type's prefix, names/aliases unique, references resolved, bit widths > 0.
    /// O(resources).
    static Result<P4Program> fromP4Info(const QByteArray &data);
    static Result<P4Program> fromP4InfoFile(const QString &path);
    /// The reference pipeline of the BRAINE paper (:/continuo/p4/braine_int.p4info.txt).
    static const P4Program &reference();

    bool isNull() const;
    QString name() const;   ///< pkg_info.name (empty if the P4Info has none)
    QString arch() const;   ///< "v1model", "psa"

    const QList<P4TableInfo> &tables() const;
    const QList<P4ActionInfo> &actions() const;
    const QList<P4CounterInfo> &counters() const;      ///< Indexed and direct.
    const QList<P4MeterInfo> &meters() const;          ///< Indexed and direct.
    const QList<P4RegisterInfo> &registers() const;
    const QList<P4PacketMetadataInfo> &packetInMetadata() const;
    const QList<P4PacketMetadataInfo> &packetOutMetadata() const;

    /// By fully qualified name or alias; null when there is none.
    const P4TableInfo *table(const QString &nameOrAlias) const;
    const P4TableInfo *table(quint32 id) const;
    const P4ActionInfo *action(const QString &nameOrAlias) const;
    const P4ActionInfo *action(quint32 id) const;
    const P4CounterInfo *counter(const QString &nameOrAlias) const;
    const P4CounterInfo *counter(quint32 id) const;
    /// The match field of a table by name (full, or the part after the last '.'), or null.
    static const P4MatchFieldInfo *matchField(const P4TableInfo &table, const QString &name);
    static const P4ActionParamInfo *param(const P4ActionInfo &action, const QString &name);

    /// The P4Info message (for SetForwardingPipelineConfig) and its binary serialisation.
    const p4::config::v1::P4Info &p4Info() const;
    QByteArray serializedP4Info() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace Continuo
