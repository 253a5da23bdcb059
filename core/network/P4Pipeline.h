#pragma once

#include "network/P4Entry.h"
#include "network/P4Program.h"
#include "plugin/INetworkTarget.h"
#include "util/Result.h"
#include "continuo_core_export.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <memory>
#include <optional>

namespace Continuo {

/// A match-field or header value up to 128 bits, right-aligned (port 80 is 80).
__extension__ typedef unsigned __int128 P4FieldValue;

/// The values a lookup matches on: one per match field of the table, in
/// P4TableInfo::matchFields order.
using P4FieldValues = QVarLengthArray<P4FieldValue, 12>;

/// Big-endian bytes (any length up to 16 significant bytes) to a value; the low 128 bits.
CONTINUO_CORE_EXPORT P4FieldValue p4FieldValue(const QByteArray &bigEndian);
/// A value as (bitwidth + 7) / 8 big-endian bytes (higher bits dropped).
CONTINUO_CORE_EXPORT QByteArray p4FieldBytes(P4FieldValue value, int bitwidth);

/// What a table lookup found: the best matching entry, or the table's default action.
struct P4LookupResult
{
    static constexpr quint32 InvalidHandle = 0xffffffffu;
    bool isHit = false;
    quint32 handle = InvalidHandle; ///< The entry's handle (P4TablePipeline::entry()) on a hit.
    int priority = 0;               ///< Hit entry's priority (LPM tables: its prefix length).
    quint32 actionId = 0;           ///< 0: a miss in a table without any default action.
    QString action;                 ///< Action alias (its name when it has no alias).
    QList<P4ParamValue> params;
};

namespace Internal {
struct P4TablePipelineData;
}

/// One table of the software pipeline: the installed entries and a lookup that returns the
/// entry P4 would pick: highest priority among ternary/range/optional matches, longest prefix
/// for LPM tables, the one entry for exact tables. Ties between overlapping entries of equal
/// priority (P4Runtime leaves them to the target) go to the lowest handle.
///
/// Tuple-space search: entries are grouped by their mask tuple (per field: ternary mask, LPM
/// prefix, exact/optional full mask, wildcard, range present); each group is an open-addressing
/// hash map from the masked key to a chain of entries (priority descending). A lookup masks the
/// packet key once per group and visits groups by decreasing maximum priority, stopping when no
/// remaining group can beat the best hit: O(groups) hash probes, groups are few in practice
/// (one for exact tables, one per prefix length for LPM). Range fields are not hashed: entries
/// of a group that differ only in their ranges share a chain checked linearly (fine for the
/// handful of port ranges tables hold; thousands of ranges on one key would want a range tree).
///
/// Memory per entry: the packed key (fields byte-aligned, rounded to 8 bytes; 32 B for table0),
/// a 16 B record, the action parameters, 16 B of direct counters, ~8-16 B of hash slots.
///
/// Entries are expected valid (P4Validation); this class checks what its structure needs
/// (fields known, values within their widths, exact fields present, action of the table).
/// Not thread safe; lookups (const) may run concurrently with each other.
class CONTINUO_CORE_EXPORT P4TablePipeline
{
public:
    static constexpr quint32 InvalidHandle = P4LookupResult::InvalidHandle;

    /// `table` must belong to `program` (the pipeline keeps the program alive).
    P4TablePipeline(const P4Program &program, const P4TableInfo &table);
    ~P4TablePipeline();
    P4TablePipeline(const P4TablePipeline &other);
    P4TablePipeline &operator=(const P4TablePipeline &other);
    P4TablePipeline(P4TablePipeline &&) noexcept;
    P4TablePipeline &operator=(P4TablePipeline &&) noexcept;

    const P4TableInfo &info() const;

    /// Adds an entry; fails when one with the same match key (matches and priority) is
    /// installed. Returns its handle. O(1) expected plus the chain of its key.
    Result<quint32> insert(const P4TableEntry &entry);
    /// Changes the action, parameters and note of the installed entry with the same match key.
    /// Counters are kept.
    Result<quint32> modify(const P4TableEntry &entry);
    /// Removes the installed entry with the same match key.
    Result<void> remove(const P4TableEntry &entry);
    /// Handle of the installed entry with the same match key, or InvalidHandle.
    quint32 find(const P4TableEntry &entry) const;
    void clear();
    /// Installed entries (default entry not counted).
    qsizetype size() const;
    /// Number of mask tuples (hash groups) in use: what a lookup costs in probes at most.
    qsizetype tupleCount() const;

    /// Handle of the best entry matching `key`, or InvalidHandle. The fast path (no allocation).
    quint32 match(const P4FieldValues &key) const;
    /// match() plus the action and parameters, or the default action on a miss.
    P4LookupResult lookup(const P4FieldValues &key) const;
    /// Lookup values from field values by name (full or last component); missing fields are 0.
    /// Fails for an unknown field or a value wider than the field.
    Result<P4FieldValues> fieldValues(const QHash<QString, QByteArray> &valuesByName) const;

    bool isValidHandle(quint32 handle) const;
    /// The installed entry (table named by its alias, fields by their P4Info names, matches in
    /// table order, wildcards left out). Empty entry for an invalid handle.
    P4TableEntry entry(quint32 handle) const;
    /// All installed entries in handle order, and their direct counters when `counters` is set.
    QList<P4TableEntry> entries(QList<P4CounterData> *counters = nullptr) const;

    /// Direct counters: one hit of a packet of `bytes` bytes.
    void countHit(quint32 handle, qint64 bytes);
    P4CounterData counter(quint32 handle) const;
    void setCounter(quint32 handle, const P4CounterData &data);
    void resetCounters();

    /// The controller's default entry (isDefaultAction, no matches); replaces the previous one.
    Result<void> setDefaultEntry(const P4TableEntry &entry);
    /// Back to the program's initial default action.
    void resetDefaultEntry();
    /// The controller-set default entry; nullopt while the initial default is in force.
    std::optional<P4TableEntry> defaultEntry() const;
    /// The action a miss runs before the controller sets one: the P4Info's const default, else
    /// NoAction when the table has it, else none. The P4 source may say otherwise (table0's
    /// default is drop): P4SoftwarePipeline sets it for the reference program.
    Result<void> setInitialDefaultAction(const QString &action, const QList<P4ParamValue> &params = {});

private:
    std::unique_ptr<Internal::P4TablePipelineData> d;
};

/// How a batch of updates is applied (P4Runtime WriteRequest.atomicity).
enum class P4WriteAtomicity { Unknown = 0, ContinueOnError, RollbackOnError };

/// Outcome of one update, in P4Runtime's terms (the gRPC canonical codes of per-update errors).
enum class P4UpdateCode { Unknown = 0, Ok, AlreadyExists, NotFound, InvalidArgument, Aborted };
CONTINUO_CORE_EXPORT QString toString(P4UpdateCode code);

struct P4UpdateResult
{
    P4UpdateCode code = P4UpdateCode::Unknown;
    QString message; ///< Empty when Ok.
    bool isOk() const { return code == P4UpdateCode::Ok; }
};

/// Header values of one packet for the dry-run of the reference program (BRAINE v1model
/// pipeline). Text form, as the UI and continuoctl take it:
///   in_port=1 eth_src=aa:bb:cc:dd:ee:01 eth_dst=aa:bb:cc:dd:ee:02 eth_type=0x800
///   ip_src=10.0.0.1 ip_dst=10.0.0.2 proto=17 sport=1234 dport=8472
///   vxlan inner_eth_src=... inner_eth_dst=... inner_eth_type=0x800 inner_ip_src=10.244.1.2
///   inner_ip_dst=10.244.2.3 inner_proto=6 inner_sport=40000 inner_dport=80 len=1500
/// Every key is optional (0 by default; eth_type 0x800 and len 64 by default); "vxlan" or any
/// inner_ key adds the inner headers.
struct CONTINUO_CORE_EXPORT P4PacketHeaders
{
    struct Layer
    {
        quint64 ethSrc = 0;     ///< 48 bits
        quint64 ethDst = 0;     ///< 48 bits
        quint16 etherType = 0x0800;
        quint32 ipSrc = 0;
        quint32 ipDst = 0;
        quint8 ipProtocol = 0;
        quint16 l4Src = 0;
        quint16 l4Dst = 0;
        bool operator==(const Layer &) const = default;
    };
    quint16 ingressPort = 0;    ///< 9 bits in v1model
    Layer outer;
    std::optional<Layer> inner; ///< VXLAN inner headers (used when outer is UDP dst 8472)
    qint64 lengthBytes = 64;    ///< Counted by direct counters when the packet is processed.
    bool operator==(const P4PacketHeaders &) const = default;

    static constexpr quint16 VxlanPort = 8472; ///< flannel's VXLAN port
    /// Parses the text form; the error names the token at fault.
    static Result<P4PacketHeaders> parse(const QString &text);
    QString toString() const;
    /// From an Ethernet frame (Ethernet, IPv4, TCP/UDP, VXLAN with inner Ethernet/IPv4/L4).
    /// Headers the frame lacks stay 0; a frame shorter than Ethernet fails.
    static Result<P4PacketHeaders> fromFrame(const QByteArray &frame, quint16 ingressPort);
};

enum class P4Verdict { Unknown = 0, Forward, ToCpu, Drop };
CONTINUO_CORE_EXPORT QString toString(P4Verdict verdict);

/// One table of a packet's trip through the pipeline.
struct P4TableStep
{
    QString table;                  ///< Alias ("table0").
    bool isApplied = false;         ///< False: the control flow skipped it (`skipReason`).
    QString skipReason;
    bool isHit = false;
    quint32 handle = P4LookupResult::InvalidHandle;
    QString matchKey;               ///< Of the hit entry.
    QString entryText;              ///< The hit entry (P4EntryText) or "default action".
    int priority = 0;
    QString action;                 ///< Empty: no action ran.
    QList<P4ParamValue> params;
};

/// What the reference program does with a packet.
struct P4PacketTrace
{
    bool isValid = false;           ///< False: `error` says why (program without the tables).
    QString error;
    bool usesInnerHeaders = false;  ///< Parser took the keys from the VXLAN inner headers.
    QList<QPair<QString, QString>> keyFields; ///< local_metadata the tables matched on, formatted
    QList<P4TableStep> steps;       ///< table0, postcard_telemetry, int_insert, generate_report
    P4Verdict verdict = P4Verdict::Unknown;
    int egressPort = -1;            ///< Forward: the port
    std::optional<quint32> postcardFlowId;
    std::optional<quint32> switchId;    ///< From int_insert
    QString explanation;            ///< Multi-line, for people
};

enum class P4EvaluationMode { Unknown = 0, DryRun, Process };

/// A whole program in software: one P4TablePipeline per table, updates validated like a switch
/// does, and a packet dry-run of the reference program. The P4Runtime test server and the
/// simulator run on it. Not thread safe.
class CONTINUO_CORE_EXPORT P4SoftwarePipeline
{
public:
    explicit P4SoftwarePipeline(const P4Program &program);
    ~P4SoftwarePipeline();
    P4SoftwarePipeline(const P4SoftwarePipeline &);
    P4SoftwarePipeline &operator=(const P4SoftwarePipeline &);

    const P4Program &program() const;

    /// Validated (P4Validation::validate) then applied. Default-action entries set the table's
    /// default on insert or modify (a target may not have it installed yet) and reset it on
    /// delete. Errors: "invalid entry ...", "entry already exists ...", "no such entry ...".
    Result<void> insert(const P4TableEntry &entry);
    Result<void> modify(const P4TableEntry &entry);
    Result<void> remove(const P4TableEntry &entry);
    P4UpdateResult apply(const P4Update &update);
    /// A Write batch: one result per update. RollbackOnError: when any update fails, the ones
    /// applied are undone (in reverse, counters restored) and reported Aborted.
    QList<P4UpdateResult> write(const QList<P4Update> &updates, P4WriteAtomicity atomicity);

    /// Installed entries of a table (empty name: every table, in program order), controller-set
    /// default entries included (last of their table), with direct counters when asked.
    QList<P4TableEntry> entries(const QString &table = {}, QList<P4CounterData> *counters = nullptr) const;
    qsizetype entryCount() const;
    void clear();

    P4TablePipeline *table(const QString &nameOrAlias);
    const P4TablePipeline *table(const QString &nameOrAlias) const;
    /// Generic lookup in any program's table (no counting).
    Result<P4LookupResult> lookup(const QString &table, const P4FieldValues &key) const;

    /// Runs a packet through the reference program: parser (outer or VXLAN inner keys),
    /// table0, postcard_telemetry, and for a postcard the egress int_insert and generate_report
    /// on the clone. Process mode counts the hits in the direct counters; DryRun changes nothing.
    P4PacketTrace evaluate(const P4PacketHeaders &packet, P4EvaluationMode mode = P4EvaluationMode::DryRun);

private:
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace Continuo
