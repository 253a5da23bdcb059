#pragma once

#include "continuo_core_export.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace Continuo {

/// One INT postcard (Telemetry Report v2.0, one report per switch per monitored packet), with
/// the BRAINE flow id extension. Times are nanoseconds after unit conversion.
struct IntPostcard
{
    quint32 switchId = 0;
    quint32 flowId = 0;
    quint32 sequence = 0; ///< Group header sequence number.
    quint16 ingressPort = 0;
    quint16 egressPort = 0;
    quint32 hopLatencyNs = 0; ///< From the hop latency field, or egress − ingress timestamps.
    quint8 queueId = 0;
    quint32 queueOccupancy = 0; ///< 24 bits.
    quint64 ingressTimestampNs = 0;
    quint64 egressTimestampNs = 0;
    quint64 receivedNs = 0; ///< Collector clock (steady), set by the collector.

    // Less common metadata; meaningful when the matching IntRepMd bit is in repMdBits.
    quint16 repMdBits = 0; ///< Baseline metadata present (IntRepMd bits; all-ones values left out).
    quint8 hardwareId = 0; ///< Group header hw_id (6 bits).
    quint8 flags = 0;      ///< Individual report D/Q/F/I (IntReportFlag bits).
    quint32 ingressPortL2 = 0; ///< Level 2 interface ids.
    quint32 egressPortL2 = 0;
    quint32 egressTxUtilisation = 0;
    quint8 bufferId = 0;
    quint32 bufferOccupancy = 0; ///< 24 bits.
    quint8 dropReason = 0;       ///< With IntRepMd::QueueDropReason.
    bool hasFlowId = false;      ///< The BRAINE flow id extension was present.
    bool operator==(const IntPostcard &) const = default;
};

/// RepMdBits of the INT individual report (Telemetry Report v2.0 §"RepType 1"). Bit 0 is the
/// most significant bit. Each bit selects 4 octets of baseline metadata, in bit order, except
/// bits 4, 5 and 6 (8 octets).
namespace IntRepMd {
/// Reserved in Telemetry Report v2.0 (the node id is in the group header). Senders that copy
/// the INT-MD instruction bitmap set it with a 4-octet node id: we read that as the switch id.
inline constexpr quint16 SwitchId = 0x8000;
inline constexpr quint16 L1Ports = 0x4000;          ///< Ingress (16 bits) + egress (16 bits).
inline constexpr quint16 HopLatency = 0x2000;       ///< 32 bits, in the timestamp unit.
inline constexpr quint16 QueueOccupancy = 0x1000;   ///< Queue id (8 bits) + occupancy (24 bits).
inline constexpr quint16 IngressTimestamp = 0x0800; ///< 64 bits.
inline constexpr quint16 EgressTimestamp = 0x0400;  ///< 64 bits.
inline constexpr quint16 L2Ports = 0x0200;          ///< Ingress (32 bits) + egress (32 bits).
inline constexpr quint16 EgressTxUtilisation = 0x0100;
inline constexpr quint16 BufferOccupancy = 0x0080; ///< Buffer id (8 bits) + occupancy (24 bits).
inline constexpr quint16 Reserved = 0x007E;        ///< Bits 9-14: 4 octets each, skipped.
inline constexpr quint16 QueueDropReason = 0x0001; ///< Queue id, drop reason, 16 bits padding.
/// What the BRAINE pipeline reports (and encodePostcard() writes by default).
inline constexpr quint16 DefaultPostcard =
    L1Ports | HopLatency | QueueOccupancy | IngressTimestamp | EgressTimestamp;
} // namespace IntRepMd

/// D/Q/F/I flags of the individual report header, as IntPostcard::flags holds them.
namespace IntReportFlag {
inline constexpr quint8 Dropped = 0x8;
inline constexpr quint8 CongestedQueue = 0x4;
inline constexpr quint8 TrackedFlow = 0x2;
inline constexpr quint8 Intermediate = 0x1;
} // namespace IntReportFlag

/// The BRAINE flow id extension, carried as INT domain-specific metadata: Domain Specific ID
/// 0x0BEA, DSMdBits bit 0 (MSB, 0x8000) = flow id, 32 bits, the first 4 octets of the
/// domain-specific metadata (after the baseline metadata, inside MD Length). Other DSMdBits of
/// this domain are reserved: their metadata is skipped through MD Length. Reports of another
/// domain decode with flowId 0 and hasFlowId false.
namespace IntBraine {
inline constexpr quint16 DomainId = 0x0BEA;
inline constexpr quint16 FlowIdBit = 0x8000;
} // namespace IntBraine

/// Unit of the timestamps and hop latency on the wire. BMv2 (simple_switch) reports µs.
enum class IntTimestampUnit { Unknown = 0, Nanoseconds, Microseconds };

/// Why a datagram was rejected.
enum class IntDecodeError {
    None = 0,
    ShortGroupHeader,     ///< Fewer than 8 octets.
    WrongVersion,         ///< Group header Ver is not 2.
    NoReport,             ///< Nothing after the group header.
    ShortReportHeader,    ///< Fewer than 4 octets left for an individual report header.
    ReportBeyondDatagram, ///< Report Length runs past the end of the datagram.
    NotIntReport,         ///< RepType is not 1 (INT).
    ReportTooShort,       ///< Report Length leaves no room for RepMdBits..DSMdStatus.
    MetadataBeyondReport, ///< MD Length runs past Report Length.
    MetadataTooShort,     ///< RepMdBits (and the flow id) need more than MD Length.
    TooManyReports,       ///< More individual reports than the caller has room for.
    DatagramTruncated,    ///< Larger than the receive buffer (set by the collector).
};
/// A sentence for people ("report length 12 words runs past the datagram" style, without the
/// values: it is a static string, so the hot path never allocates).
CONTINUO_CORE_EXPORT const char *describe(IntDecodeError error);
CONTINUO_CORE_EXPORT QString toString(IntDecodeError error);

struct IntDecodeOptions
{
    /// Unit of timestamps and the hop latency field; converted to ns. Unknown reads as ns.
    IntTimestampUnit timestampUnit = IntTimestampUnit::Nanoseconds;
};

struct IntEncodeOptions
{
    quint16 repMdBits = IntRepMd::DefaultPostcard;
    /// Unit written on the wire: postcard values (ns) are divided by 1000 for µs.
    IntTimestampUnit timestampUnit = IntTimestampUnit::Nanoseconds;
    /// Write the BRAINE flow id (domain 0x0BEA, DSMdBits 0x8000).
    bool flowIdExtension = true;
};

/// Encode one postcard as a Telemetry Report v2.0 datagram (UDP payload): group header with
/// node id = switchId, hw_id, seq = sequence (22 bits), then one INT individual report (RepType
/// 1, InType 0, flags from postcard.flags) with the metadata options.repMdBits select.
CONTINUO_CORE_EXPORT QByteArray encodePostcard(const IntPostcard &postcard,
                                               const IntEncodeOptions &options = {});
/// Several reports of one switch coalesced behind one group header (Telemetry Report v2.0
/// "coalescing"); the group header comes from postcards[0]. Empty when count <= 0.
CONTINUO_CORE_EXPORT QByteArray encodeReportGroup(const IntPostcard *postcards, int count,
                                                  const IntEncodeOptions &options = {});

/// Decode the first individual report of a datagram. No allocation. On failure, nullopt and
/// *error (when given) says why. Every length is checked against the datagram: no input reads
/// out of bounds. O(size of the report).
CONTINUO_CORE_EXPORT std::optional<IntPostcard> decodePostcard(const char *data, size_t size,
                                                               const IntDecodeOptions &options = {},
                                                               IntDecodeError *error = nullptr);
inline std::optional<IntPostcard> decodePostcard(const QByteArray &datagram,
                                                 const IntDecodeOptions &options = {},
                                                 IntDecodeError *error = nullptr)
{
    return decodePostcard(datagram.constData(), size_t(datagram.size()), options, error);
}

/// Decode every individual report of a datagram into out[0..capacity). Returns how many were
/// decoded; *error is None when the whole datagram was well formed, else the reason the rest
/// was rejected (reports decoded before the bad one are kept). No allocation.
CONTINUO_CORE_EXPORT int decodeReportGroup(const char *data, size_t size,
                                           const IntDecodeOptions &options, IntPostcard *out,
                                           int capacity, IntDecodeError *error);

} // namespace Continuo
