#include "network/IntReport.h"

#include <QtEndian>

#include <algorithm>
#include <limits>

namespace Continuo {

namespace {

constexpr size_t GroupHeaderBytes = 8;
constexpr size_t ReportHeaderBytes = 4;
constexpr size_t IntMainFixedBytes = 8; // RepMdBits, Domain Specific ID, DSMdBits, DSMdStatus
constexpr quint8 ReportVersion = 2;
constexpr quint8 RepTypeInt = 1;

/// Octets of baseline metadata bit `bit` (0 = MSB) selects.
constexpr int metadataBytes(int bit)
{
    return (bit >= 4 && bit <= 6) ? 8 : 4;
}

constexpr quint16 bitMask(int bit)
{
    return quint16(0x8000u >> bit);
}

/// Baseline metadata length for a RepMdBits value, in octets. O(16).
int baselineBytes(quint16 repMdBits)
{
    int bytes = 0;
    for (int bit = 0; bit < 16; ++bit) {
        if (repMdBits & bitMask(bit))
            bytes += metadataBytes(bit);
    }
    return bytes;
}

quint32 read32(const uchar *p)
{
    return qFromBigEndian<quint32>(p);
}

quint64 read64(const uchar *p)
{
    return qFromBigEndian<quint64>(p);
}

quint32 saturate32(quint64 value)
{
    return value > std::numeric_limits<quint32>::max() ? std::numeric_limits<quint32>::max()
                                                       : quint32(value);
}

/// Wire value to ns; saturates instead of wrapping for absurd µs values.
quint64 toNs(quint64 value, IntTimestampUnit unit)
{
    if (unit != IntTimestampUnit::Microseconds)
        return value;
    constexpr quint64 limit = std::numeric_limits<quint64>::max() / 1000;
    return value > limit ? std::numeric_limits<quint64>::max() : value * 1000;
}

quint64 fromNs(quint64 ns, IntTimestampUnit unit)
{
    return unit == IntTimestampUnit::Microseconds ? ns / 1000 : ns;
}

/// Decode one individual report at `p` (`left` octets remain in the datagram) into `out`.
/// Returns the report's size in octets, or 0 with *error set.
size_t decodeReport(const uchar *p, size_t left, const IntDecodeOptions &options, IntPostcard &out,
                    IntDecodeError *error)
{
    if (left < ReportHeaderBytes) {
        *error = IntDecodeError::ShortReportHeader;
        return 0;
    }
    const quint8 repType = p[0] >> 4;
    const size_t reportBytes = ReportHeaderBytes + size_t(p[1]) * 4;
    const size_t mdBytes = size_t(p[2]) * 4;
    if (reportBytes > left) {
        *error = IntDecodeError::ReportBeyondDatagram;
        return 0;
    }
    if (repType != RepTypeInt) {
        *error = IntDecodeError::NotIntReport;
        return 0;
    }
    if (reportBytes < ReportHeaderBytes + IntMainFixedBytes) {
        *error = IntDecodeError::ReportTooShort;
        return 0;
    }
    if (ReportHeaderBytes + IntMainFixedBytes + mdBytes > reportBytes) {
        *error = IntDecodeError::MetadataBeyondReport;
        return 0;
    }
    out.flags = p[3] >> 4;
    const quint16 repMdBits = qFromBigEndian<quint16>(p + 4);
    const quint16 domainId = qFromBigEndian<quint16>(p + 6);
    const quint16 dsMdBits = qFromBigEndian<quint16>(p + 8);
    const bool braineFlowId = domainId == IntBraine::DomainId && (dsMdBits & IntBraine::FlowIdBit);
    const size_t baseline = size_t(baselineBytes(repMdBits));
    if (baseline + (braineFlowId ? 4 : 0) > mdBytes) {
        *error = IntDecodeError::MetadataTooShort;
        return 0;
    }

    const IntTimestampUnit unit = options.timestampUnit;
    const uchar *md = p + ReportHeaderBytes + IntMainFixedBytes;
    quint16 present = 0;
    for (int bit = 0; bit < 16; ++bit) {
        const quint16 mask = bitMask(bit);
        if (!(repMdBits & mask))
            continue;
        const int bytes = metadataBytes(bit);
        // All-ones is the spec's "not available" value: leave the field out.
        const bool unavailable = bytes == 8 ? read64(md) == ~quint64(0) : read32(md) == ~quint32(0);
        if (!unavailable && !(mask & IntRepMd::Reserved)) {
            present |= mask;
            switch (mask) {
            case IntRepMd::SwitchId:
                out.switchId = read32(md);
                break;
            case IntRepMd::L1Ports:
                out.ingressPort = qFromBigEndian<quint16>(md);
                out.egressPort = qFromBigEndian<quint16>(md + 2);
                break;
            case IntRepMd::HopLatency:
                out.hopLatencyNs = saturate32(toNs(read32(md), unit));
                break;
            case IntRepMd::QueueOccupancy:
                out.queueId = md[0];
                out.queueOccupancy = read32(md) & 0xFFFFFF;
                break;
            case IntRepMd::IngressTimestamp:
                out.ingressTimestampNs = toNs(read64(md), unit);
                break;
            case IntRepMd::EgressTimestamp:
                out.egressTimestampNs = toNs(read64(md), unit);
                break;
            case IntRepMd::L2Ports:
                out.ingressPortL2 = read32(md);
                out.egressPortL2 = read32(md + 4);
                break;
            case IntRepMd::EgressTxUtilisation:
                out.egressTxUtilisation = read32(md);
                break;
            case IntRepMd::BufferOccupancy:
                out.bufferId = md[0];
                out.bufferOccupancy = read32(md) & 0xFFFFFF;
                break;
            case IntRepMd::QueueDropReason:
                out.queueId = md[0];
                out.dropReason = md[1];
                break;
            default:
                break;
            }
        }
        md += bytes;
    }
    out.repMdBits = present;
    if (!(present & IntRepMd::HopLatency) && (present & IntRepMd::IngressTimestamp) &&
        (present & IntRepMd::EgressTimestamp) && out.egressTimestampNs >= out.ingressTimestampNs) {
        out.hopLatencyNs = saturate32(out.egressTimestampNs - out.ingressTimestampNs);
    }
    if (braineFlowId) {
        // Domain-specific metadata starts right after the baseline metadata.
        out.flowId = read32(p + ReportHeaderBytes + IntMainFixedBytes + baseline);
        out.hasFlowId = true;
    }
    *error = IntDecodeError::None;
    return reportBytes;
}

/// Parse the group header into `proto`; returns false with *error set.
bool decodeGroupHeader(const uchar *p, size_t size, IntPostcard &proto, IntDecodeError *error)
{
    if (size < GroupHeaderBytes) {
        *error = IntDecodeError::ShortGroupHeader;
        return false;
    }
    const quint32 word = read32(p);
    if ((word >> 28) != ReportVersion) {
        *error = IntDecodeError::WrongVersion;
        return false;
    }
    proto.hardwareId = quint8((word >> 22) & 0x3F);
    proto.sequence = word & 0x3FFFFF;
    proto.switchId = read32(p + 4);
    if (size == GroupHeaderBytes) {
        *error = IntDecodeError::NoReport;
        return false;
    }
    return true;
}

void appendReport(QByteArray &out, const IntPostcard &postcard, const IntEncodeOptions &options)
{
    const quint16 bits = options.repMdBits;
    const int mdBytes = baselineBytes(bits) + (options.flowIdExtension ? 4 : 0);
    const qsizetype start = out.size();
    out.resize(start + qsizetype(ReportHeaderBytes + IntMainFixedBytes) + mdBytes);
    auto *p = reinterpret_cast<uchar *>(out.data()) + start;
    p[0] = uchar(RepTypeInt << 4); // InType 0: no inner contents
    p[1] = uchar((IntMainFixedBytes + size_t(mdBytes)) / 4);
    p[2] = uchar(mdBytes / 4);
    p[3] = uchar((postcard.flags & 0xF) << 4);
    qToBigEndian<quint16>(bits, p + 4);
    qToBigEndian<quint16>(options.flowIdExtension ? IntBraine::DomainId : 0, p + 6);
    qToBigEndian<quint16>(options.flowIdExtension ? IntBraine::FlowIdBit : 0, p + 8);
    qToBigEndian<quint16>(0, p + 10);
    uchar *md = p + ReportHeaderBytes + IntMainFixedBytes;
    const IntTimestampUnit unit = options.timestampUnit;
    for (int bit = 0; bit < 16; ++bit) {
        const quint16 mask = bitMask(bit);
        if (!(bits & mask))
            continue;
        const int bytes = metadataBytes(bit);
        std::fill(md, md + bytes, uchar(0));
        switch (mask) {
        case IntRepMd::SwitchId:
            qToBigEndian<quint32>(postcard.switchId, md);
            break;
        case IntRepMd::L1Ports:
            qToBigEndian<quint16>(postcard.ingressPort, md);
            qToBigEndian<quint16>(postcard.egressPort, md + 2);
            break;
        case IntRepMd::HopLatency:
            qToBigEndian<quint32>(quint32(fromNs(postcard.hopLatencyNs, unit)), md);
            break;
        case IntRepMd::QueueOccupancy:
            qToBigEndian<quint32>(
                (quint32(postcard.queueId) << 24) | (postcard.queueOccupancy & 0xFFFFFF), md);
            break;
        case IntRepMd::IngressTimestamp:
            qToBigEndian<quint64>(fromNs(postcard.ingressTimestampNs, unit), md);
            break;
        case IntRepMd::EgressTimestamp:
            qToBigEndian<quint64>(fromNs(postcard.egressTimestampNs, unit), md);
            break;
        case IntRepMd::L2Ports:
            qToBigEndian<quint32>(postcard.ingressPortL2, md);
            qToBigEndian<quint32>(postcard.egressPortL2, md + 4);
            break;
        case IntRepMd::EgressTxUtilisation:
            qToBigEndian<quint32>(postcard.egressTxUtilisation, md);
            break;
        case IntRepMd::BufferOccupancy:
            qToBigEndian<quint32>(
                (quint32(postcard.bufferId) << 24) | (postcard.bufferOccupancy & 0xFFFFFF), md);
            break;
        case IntRepMd::QueueDropReason:
            md[0] = postcard.queueId;
            md[1] = postcard.dropReason;
            break;
        default:
            break; // reserved bits: zeros
        }
        md += bytes;
    }
    if (options.flowIdExtension)
        qToBigEndian<quint32>(postcard.flowId, md);
}

void appendGroupHeader(QByteArray &out, const IntPostcard &postcard)
{
    uchar header[GroupHeaderBytes];
    qToBigEndian<quint32>((quint32(ReportVersion) << 28) |
                              (quint32(postcard.hardwareId & 0x3F) << 22) |
                              (postcard.sequence & 0x3FFFFF),
                          header);
    qToBigEndian<quint32>(postcard.switchId, header + 4);
    out.append(reinterpret_cast<const char *>(header), qsizetype(sizeof header));
}

} // namespace

const char *describe(IntDecodeError error)
{
    switch (error) {
    case IntDecodeError::None:
        return "no error";
    case IntDecodeError::ShortGroupHeader:
        return "datagram shorter than the 8-octet telemetry report group header";
    case IntDecodeError::WrongVersion:
        return "telemetry report group header version is not 2";
    case IntDecodeError::NoReport:
        return "telemetry report group header without any individual report";
    case IntDecodeError::ShortReportHeader:
        return "fewer than 4 octets left for an individual report header";
    case IntDecodeError::ReportBeyondDatagram:
        return "individual report length runs past the end of the datagram";
    case IntDecodeError::NotIntReport:
        return "individual report type is not INT (RepType 1)";
    case IntDecodeError::ReportTooShort:
        return "individual report length leaves no room for RepMdBits and DSMdBits";
    case IntDecodeError::MetadataBeyondReport:
        return "metadata length runs past the individual report length";
    case IntDecodeError::MetadataTooShort:
        return "metadata length is shorter than RepMdBits and the flow id require";
    case IntDecodeError::TooManyReports:
        return "more individual reports in one datagram than the collector takes";
    case IntDecodeError::DatagramTruncated:
        return "datagram larger than the collector's receive buffer";
    }
    return "unknown error";
}

QString toString(IntDecodeError error)
{
    return QString::fromLatin1(describe(error));
}

QByteArray encodePostcard(const IntPostcard &postcard, const IntEncodeOptions &options)
{
    return encodeReportGroup(&postcard, 1, options);
}

QByteArray encodeReportGroup(const IntPostcard *postcards, int count,
                             const IntEncodeOptions &options)
{
    QByteArray out;
    if (count <= 0)
        return out;
    const int reportBytes = int(ReportHeaderBytes + IntMainFixedBytes) +
                            baselineBytes(options.repMdBits) + (options.flowIdExtension ? 4 : 0);
    out.reserve(qsizetype(GroupHeaderBytes) + qsizetype(count) * reportBytes);
    appendGroupHeader(out, postcards[0]);
    for (int i = 0; i < count; ++i)
        appendReport(out, postcards[i], options);
    return out;
}

std::optional<IntPostcard> decodePostcard(const char *data, size_t size,
                                          const IntDecodeOptions &options, IntDecodeError *error)
{
    IntDecodeError local = IntDecodeError::None;
    IntDecodeError *err = error ? error : &local;
    const auto *p = reinterpret_cast<const uchar *>(data);
    IntPostcard postcard;
    if (!data || !decodeGroupHeader(p, data ? size : 0, postcard, err))
        return std::nullopt;
    if (decodeReport(p + GroupHeaderBytes, size - GroupHeaderBytes, options, postcard, err) == 0)
        return std::nullopt;
    return postcard;
}

int decodeReportGroup(const char *data, size_t size, const IntDecodeOptions &options,
                      IntPostcard *out, int capacity, IntDecodeError *error)
{
    IntDecodeError local = IntDecodeError::None;
    IntDecodeError *err = error ? error : &local;
    const auto *p = reinterpret_cast<const uchar *>(data);
    IntPostcard proto;
    if (!data || !decodeGroupHeader(p, size, proto, err))
        return 0;
    size_t offset = GroupHeaderBytes;
    int count = 0;
    while (offset < size) {
        if (count == capacity) {
            *err = IntDecodeError::TooManyReports;
            return count;
        }
        out[count] = proto;
        const size_t used = decodeReport(p + offset, size - offset, options, out[count], err);
        if (used == 0)
            return count;
        offset += used;
        ++count;
    }
    *err = IntDecodeError::None;
    return count;
}

} // namespace Continuo
