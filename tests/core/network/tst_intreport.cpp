#include "network/IntReport.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QtEndian>

using namespace Continuo;

Q_DECLARE_METATYPE(Continuo::IntDecodeError)
Q_DECLARE_METATYPE(Continuo::IntTimestampUnit)

namespace {

/// A postcard with every field set, as a switch would report it.
IntPostcard fullPostcard()
{
    IntPostcard p;
    p.switchId = 3;
    p.flowId = 250;
    p.sequence = 0x2ABCDE;
    p.hardwareId = 0x15;
    p.flags = IntReportFlag::TrackedFlow;
    p.ingressPort = 1;
    p.egressPort = 2;
    p.hopLatencyNs = 123'000;
    p.queueId = 4;
    p.queueOccupancy = 0x00ABCD;
    p.ingressTimestampNs = 5'000'000'000ull;
    p.egressTimestampNs = 5'000'200'000ull;
    p.ingressPortL2 = 0x01020304;
    p.egressPortL2 = 0x05060708;
    p.egressTxUtilisation = 777;
    p.bufferId = 9;
    p.bufferOccupancy = 0x123456;
    p.dropReason = 0; // QueueDropReason rows set it
    return p;
}

/// What the decoder gives back for `p` encoded with `bits`: fields the bits do not select are
/// zero, and the hop latency falls back to egress − ingress.
IntPostcard expectedAfter(const IntPostcard &p, quint16 bits, bool flowId)
{
    IntPostcard e;
    e.switchId = p.switchId;
    e.sequence = p.sequence;
    e.hardwareId = p.hardwareId;
    e.flags = p.flags;
    e.repMdBits = bits & ~IntRepMd::Reserved;
    if (bits & IntRepMd::L1Ports) {
        e.ingressPort = p.ingressPort;
        e.egressPort = p.egressPort;
    }
    if (bits & (IntRepMd::QueueOccupancy | IntRepMd::QueueDropReason))
        e.queueId = p.queueId;
    if (bits & IntRepMd::QueueOccupancy)
        e.queueOccupancy = p.queueOccupancy;
    if (bits & IntRepMd::QueueDropReason)
        e.dropReason = p.dropReason;
    if (bits & IntRepMd::IngressTimestamp)
        e.ingressTimestampNs = p.ingressTimestampNs;
    if (bits & IntRepMd::EgressTimestamp)
        e.egressTimestampNs = p.egressTimestampNs;
    if (bits & IntRepMd::L2Ports) {
        e.ingressPortL2 = p.ingressPortL2;
        e.egressPortL2 = p.egressPortL2;
    }
    if (bits & IntRepMd::EgressTxUtilisation)
        e.egressTxUtilisation = p.egressTxUtilisation;
    if (bits & IntRepMd::BufferOccupancy) {
        e.bufferId = p.bufferId;
        e.bufferOccupancy = p.bufferOccupancy;
    }
    if (bits & IntRepMd::HopLatency)
        e.hopLatencyNs = p.hopLatencyNs;
    else if ((bits & IntRepMd::IngressTimestamp) && (bits & IntRepMd::EgressTimestamp))
        e.hopLatencyNs = quint32(p.egressTimestampNs - p.ingressTimestampNs);
    if (flowId) {
        e.flowId = p.flowId;
        e.hasFlowId = true;
    }
    return e;
}

/// Big-endian byte builder for hand-made datagrams.
struct Bytes
{
    QByteArray data;
    Bytes &u8(quint8 v)
    {
        data.append(char(v));
        return *this;
    }
    Bytes &u16(quint16 v)
    {
        uchar b[2];
        qToBigEndian(v, b);
        data.append(reinterpret_cast<const char *>(b), 2);
        return *this;
    }
    Bytes &u32(quint32 v)
    {
        uchar b[4];
        qToBigEndian(v, b);
        data.append(reinterpret_cast<const char *>(b), 4);
        return *this;
    }
    Bytes &u64(quint64 v)
    {
        uchar b[8];
        qToBigEndian(v, b);
        data.append(reinterpret_cast<const char *>(b), 8);
        return *this;
    }
    /// Group header: ver(4) hw_id(6) seq(22), node id(32).
    Bytes &group(quint8 version, quint8 hwId, quint32 seq, quint32 node)
    {
        return u32((quint32(version) << 28) | (quint32(hwId) << 22) | seq).u32(node);
    }
    /// Individual report header: RepType(4) InType(4), Report Length, MD Length, D|Q|F|I, rsvd.
    Bytes &report(quint8 repType, quint8 inType, quint8 reportLength, quint8 mdLength, quint8 flags)
    {
        return u8(quint8(repType << 4 | inType))
            .u8(reportLength)
            .u8(mdLength)
            .u8(quint8(flags << 4));
    }
};

} // namespace

class tst_IntReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void specExampleWithTruncatedPacket();
    void braineFlowIdInMicroseconds();
    void hopLatencyFieldWins();
    void hopLatencyFromTimestamps();
    void allOnesIsUnavailable();
    void switchIdBitOverridesNodeId();
    void otherDomainHasNoFlowId();
    void coalescedGroup();
    void malformed_data();
    void malformed();
    void tooManyReports();
    void everyTruncationIsRejected();
    void randomBytesNeverCrash();
    void describeIsDistinct();
};

void tst_IntReport::roundTrip_data()
{
    QTest::addColumn<quint16>("bits");
    QTest::addColumn<bool>("flowId");
    QTest::addColumn<IntTimestampUnit>("unit");

    const auto ns = IntTimestampUnit::Nanoseconds;
    QTest::newRow("braine default") << IntRepMd::DefaultPostcard << true << ns;
    QTest::newRow("braine default, µs")
        << IntRepMd::DefaultPostcard << true << IntTimestampUnit::Microseconds;
    QTest::newRow("no metadata") << quint16(0) << true << ns;
    QTest::newRow("no metadata, no flow id") << quint16(0) << false << ns;
    QTest::newRow("L1 ports") << IntRepMd::L1Ports << true << ns;
    QTest::newRow("hop latency") << IntRepMd::HopLatency << true << ns;
    QTest::newRow("timestamps only")
        << quint16(IntRepMd::IngressTimestamp | IntRepMd::EgressTimestamp) << true << ns;
    QTest::newRow("ingress timestamp only") << IntRepMd::IngressTimestamp << true << ns;
    QTest::newRow("queue + L2 + tx + buffer")
        << quint16(IntRepMd::QueueOccupancy | IntRepMd::L2Ports | IntRepMd::EgressTxUtilisation |
                   IntRepMd::BufferOccupancy)
        << false << ns;
    QTest::newRow("switch id + drop reason")
        << quint16(IntRepMd::SwitchId | IntRepMd::QueueDropReason) << true << ns;
    QTest::newRow("reserved bits are skipped")
        << quint16(IntRepMd::L1Ports | 0x0040 | 0x0002 | IntRepMd::HopLatency) << true << ns;
    QTest::newRow("everything") << quint16(0xFFFF) << true << ns;
}

void tst_IntReport::roundTrip()
{
    QFETCH(quint16, bits);
    QFETCH(bool, flowId);
    QFETCH(IntTimestampUnit, unit);

    IntPostcard p = fullPostcard();
    if (bits & IntRepMd::QueueDropReason)
        p.dropReason = 17;
    IntEncodeOptions encode;
    encode.repMdBits = bits;
    encode.flowIdExtension = flowId;
    encode.timestampUnit = unit;
    const QByteArray wire = encodePostcard(p, encode);

    int expectedBytes = 8 + 4 + 8 + (flowId ? 4 : 0);
    for (int bit = 0; bit < 16; ++bit) {
        if (bits & (0x8000 >> bit))
            expectedBytes += (bit >= 4 && bit <= 6) ? 8 : 4;
    }
    QCOMPARE(wire.size(), expectedBytes);

    IntDecodeError error = IntDecodeError::TooManyReports;
    const auto decoded = decodePostcard(wire, IntDecodeOptions{unit}, &error);
    QVERIFY2(decoded, describe(error));
    QCOMPARE(toString(error), toString(IntDecodeError::None));
    QCOMPARE(*decoded, expectedAfter(p, bits, flowId));
}

void tst_IntReport::specExampleWithTruncatedPacket()
{
    // Telemetry Report v2.0, "Example with Baseline Metadata and Truncated IPv4": L1 ports and
    // queue occupancy, InType 4, Report Length 14 = 2 + 2 (MD) + 10 words of IPv4 + TCP.
    Bytes b;
    b.group(2, 5, 0x12345, 7).report(1, 4, 14, 2, IntReportFlag::TrackedFlow);
    b.u16(0x5000).u16(0).u16(0).u16(0);
    b.u16(3).u16(9).u32(0x02000ABC);
    for (int i = 0; i < 10; ++i)
        b.u32(0x45000000u + quint32(i)); // the truncated packet: not decoded
    QCOMPARE(b.data.size(), 8 + 4 + 14 * 4);

    IntDecodeError error = IntDecodeError::None;
    const auto p = decodePostcard(b.data, {}, &error);
    QVERIFY2(p, describe(error));
    QCOMPARE(p->switchId, 7u);
    QCOMPARE(p->sequence, 0x12345u);
    QCOMPARE(p->hardwareId, quint8(5));
    QCOMPARE(p->flags, IntReportFlag::TrackedFlow);
    QCOMPARE(p->ingressPort, quint16(3));
    QCOMPARE(p->egressPort, quint16(9));
    QCOMPARE(p->queueId, quint8(2));
    QCOMPARE(p->queueOccupancy, 0xABCu);
    QCOMPARE(p->repMdBits, quint16(IntRepMd::L1Ports | IntRepMd::QueueOccupancy));
    QCOMPARE(p->hopLatencyNs, 0u);
    QCOMPARE(p->flowId, 0u);
    QVERIFY(!p->hasFlowId);
}

void tst_IntReport::braineFlowIdInMicroseconds()
{
    // BMv2 postcard: timestamps in µs, flow id in the BRAINE domain metadata (after baseline).
    Bytes b;
    b.group(2, 0, 42, 3).report(1, 0, 2 + 5, 5, IntReportFlag::TrackedFlow);
    b.u16(IntRepMd::IngressTimestamp | IntRepMd::EgressTimestamp).u16(0x0BEA).u16(0x8000).u16(0);
    b.u64(1'000'000).u64(1'000'250).u32(250);

    const auto micro = decodePostcard(b.data, IntDecodeOptions{IntTimestampUnit::Microseconds});
    QVERIFY(micro);
    QCOMPARE(micro->switchId, 3u);
    QCOMPARE(micro->sequence, 42u);
    QCOMPARE(micro->flowId, 250u);
    QVERIFY(micro->hasFlowId);
    QCOMPARE(micro->ingressTimestampNs, 1'000'000'000ull);
    QCOMPARE(micro->egressTimestampNs, 1'000'250'000ull);
    QCOMPARE(micro->hopLatencyNs, 250'000u);

    const auto nano = decodePostcard(b.data, IntDecodeOptions{IntTimestampUnit::Nanoseconds});
    QVERIFY(nano);
    QCOMPARE(nano->hopLatencyNs, 250u);
    QCOMPARE(nano->ingressTimestampNs, 1'000'000ull);
}

void tst_IntReport::hopLatencyFieldWins()
{
    Bytes b;
    b.group(2, 0, 1, 3).report(1, 0, 2 + 6, 6, 0);
    b.u16(IntRepMd::HopLatency | IntRepMd::IngressTimestamp | IntRepMd::EgressTimestamp)
        .u16(0x0BEA)
        .u16(0x8000)
        .u16(0);
    b.u32(42).u64(1000).u64(2000).u32(123);
    const auto p = decodePostcard(b.data, IntDecodeOptions{IntTimestampUnit::Microseconds});
    QVERIFY(p);
    QCOMPARE(p->hopLatencyNs, 42'000u); // the field, in µs, not egress − ingress
    QCOMPARE(p->flowId, 123u);
}

void tst_IntReport::hopLatencyFromTimestamps()
{
    IntPostcard p;
    p.switchId = 1;
    p.flowId = 9;
    p.ingressTimestampNs = 10'000;
    p.egressTimestampNs = 10'777;
    IntEncodeOptions encode;
    encode.repMdBits = IntRepMd::IngressTimestamp | IntRepMd::EgressTimestamp;
    auto decoded = decodePostcard(encodePostcard(p, encode));
    QVERIFY(decoded);
    QCOMPARE(decoded->hopLatencyNs, 777u);

    // Egress before ingress (clock wrap, bad switch): no latency rather than a huge one.
    std::swap(p.ingressTimestampNs, p.egressTimestampNs);
    decoded = decodePostcard(encodePostcard(p, encode));
    QVERIFY(decoded);
    QCOMPARE(decoded->hopLatencyNs, 0u);

    // More than 2^32 ns saturates.
    p.ingressTimestampNs = 0;
    p.egressTimestampNs = 10'000'000'000ull;
    decoded = decodePostcard(encodePostcard(p, encode));
    QVERIFY(decoded);
    QCOMPARE(decoded->hopLatencyNs, 0xFFFFFFFFu);
}

void tst_IntReport::allOnesIsUnavailable()
{
    // The spec's "metadata not available" value: all ones. The hop latency then falls back
    // to the timestamps and the bit is not reported as present.
    Bytes b;
    b.group(2, 0, 1, 3).report(1, 0, 2 + 6, 6, 0);
    b.u16(IntRepMd::HopLatency | IntRepMd::IngressTimestamp | IntRepMd::EgressTimestamp)
        .u16(0x0BEA)
        .u16(0x8000)
        .u16(0);
    b.u32(0xFFFFFFFF).u64(1000).u64(1500).u32(7);
    const auto p = decodePostcard(b.data);
    QVERIFY(p);
    QCOMPARE(p->hopLatencyNs, 500u);
    QCOMPARE(p->repMdBits, quint16(IntRepMd::IngressTimestamp | IntRepMd::EgressTimestamp));
}

void tst_IntReport::switchIdBitOverridesNodeId()
{
    Bytes b;
    b.group(2, 0, 1, 100).report(1, 0, 2 + 1, 1, 0);
    b.u16(IntRepMd::SwitchId).u16(0).u16(0).u16(0).u32(5);
    const auto p = decodePostcard(b.data);
    QVERIFY(p);
    QCOMPARE(p->switchId, 5u);
}

void tst_IntReport::otherDomainHasNoFlowId()
{
    // Domain 0x0001 with DSMdBits 0x8000: not ours; its metadata is skipped via MD Length.
    Bytes b;
    b.group(2, 0, 1, 4).report(1, 0, 2 + 2, 2, 0);
    b.u16(IntRepMd::HopLatency).u16(0x0001).u16(0x8000).u16(0).u32(900).u32(0xDEADBEEF);
    const auto p = decodePostcard(b.data);
    QVERIFY(p);
    QCOMPARE(p->hopLatencyNs, 900u);
    QCOMPARE(p->flowId, 0u);
    QVERIFY(!p->hasFlowId);
}

void tst_IntReport::coalescedGroup()
{
    IntPostcard cards[3];
    for (int i = 0; i < 3; ++i) {
        cards[i] = fullPostcard();
        cards[i].flowId = quint32(100 + i);
        cards[i].hopLatencyNs = quint32(1000 * (i + 1));
    }
    const QByteArray wire = encodeReportGroup(cards, 3);
    IntPostcard out[4];
    IntDecodeError error = IntDecodeError::TooManyReports;
    QCOMPARE(decodeReportGroup(wire.constData(), size_t(wire.size()), {}, out, 4, &error), 3);
    QCOMPARE(toString(error), toString(IntDecodeError::None));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(out[i], expectedAfter(cards[i], IntRepMd::DefaultPostcard, true));
    }

    // A broken report after good ones: the good ones are kept, the error says why.
    QByteArray broken = wire;
    broken.append(QByteArray::fromHex("1005")); // 2 octets: not even a report header
    QCOMPARE(decodeReportGroup(broken.constData(), size_t(broken.size()), {}, out, 4, &error), 3);
    QCOMPARE(toString(error), toString(IntDecodeError::ShortReportHeader));

    QVERIFY(encodeReportGroup(cards, 0).isEmpty());
}

void tst_IntReport::malformed_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<IntDecodeError>("reason");

    const QByteArray good = encodePostcard(fullPostcard());
    QTest::newRow("empty") << QByteArray() << IntDecodeError::ShortGroupHeader;
    QTest::newRow("7 octets") << good.left(7) << IntDecodeError::ShortGroupHeader;
    QTest::newRow("version 1") << Bytes().group(1, 0, 0, 1).report(1, 0, 2, 0, 0).u64(0).data
                               << IntDecodeError::WrongVersion;
    QTest::newRow("version 3") << Bytes().group(3, 0, 0, 1).report(1, 0, 2, 0, 0).u64(0).data
                               << IntDecodeError::WrongVersion;
    QTest::newRow("group header only") << good.left(8) << IntDecodeError::NoReport;
    QTest::newRow("3-octet report header") << good.left(11) << IntDecodeError::ShortReportHeader;
    QTest::newRow("report length past the datagram")
        << good.left(good.size() - 4) << IntDecodeError::ReportBeyondDatagram;
    QTest::newRow("inner-only report (RepType 0)")
        << Bytes().group(2, 0, 0, 1).report(0, 4, 2, 0, 0).u64(0).data
        << IntDecodeError::NotIntReport;
    QTest::newRow("IOAM report (RepType 2)")
        << Bytes().group(2, 0, 0, 1).report(2, 0, 2, 0, 0).u64(0).data
        << IntDecodeError::NotIntReport;
    QTest::newRow("report length 1 word")
        << Bytes().group(2, 0, 0, 1).report(1, 0, 1, 0, 0).u32(0).data
        << IntDecodeError::ReportTooShort;
    QTest::newRow("MD length past report length")
        << Bytes().group(2, 0, 0, 1).report(1, 0, 3, 2, 0).u64(0).u32(0).data
        << IntDecodeError::MetadataBeyondReport;
    QTest::newRow("RepMdBits need more than MD length") << Bytes()
                                                               .group(2, 0, 0, 1)
                                                               .report(1, 0, 3, 1, 0)
                                                               .u16(IntRepMd::IngressTimestamp)
                                                               .u16(0)
                                                               .u16(0)
                                                               .u16(0)
                                                               .u32(0)
                                                               .data
                                                        << IntDecodeError::MetadataTooShort;
    QTest::newRow("flow id announced, no room") << Bytes()
                                                       .group(2, 0, 0, 1)
                                                       .report(1, 0, 3, 1, 0)
                                                       .u16(IntRepMd::HopLatency)
                                                       .u16(0x0BEA)
                                                       .u16(0x8000)
                                                       .u16(0)
                                                       .u32(5)
                                                       .data
                                                << IntDecodeError::MetadataTooShort;
}

void tst_IntReport::malformed()
{
    QFETCH(QByteArray, datagram);
    QFETCH(IntDecodeError, reason);

    IntDecodeError error = IntDecodeError::None;
    QVERIFY(!decodePostcard(datagram, {}, &error));
    QCOMPARE(toString(error), toString(reason));

    IntPostcard out[2];
    error = IntDecodeError::None;
    QCOMPARE(decodeReportGroup(datagram.constData(), size_t(datagram.size()), {}, out, 2, &error),
             0);
    QCOMPARE(toString(error), toString(reason));
    QVERIFY(!decodePostcard(nullptr, 0));
}

void tst_IntReport::tooManyReports()
{
    IntPostcard cards[3] = {fullPostcard(), fullPostcard(), fullPostcard()};
    const QByteArray wire = encodeReportGroup(cards, 3);
    IntPostcard out[2];
    IntDecodeError error = IntDecodeError::None;
    QCOMPARE(decodeReportGroup(wire.constData(), size_t(wire.size()), {}, out, 2, &error), 2);
    QCOMPARE(toString(error), toString(IntDecodeError::TooManyReports));
}

void tst_IntReport::everyTruncationIsRejected()
{
    IntEncodeOptions encode;
    encode.repMdBits = 0xFFFF;
    const QByteArray wire = encodePostcard(fullPostcard(), encode);
    for (qsizetype n = 0; n < wire.size(); ++n) {
        // A copy of exactly n octets, so that a read past the end is caught under ASan.
        const QByteArray part(wire.constData(), n);
        IntDecodeError error = IntDecodeError::None;
        QVERIFY2(!decodePostcard(part, {}, &error), qPrintable(QString::number(n)));
        QVERIFY(error != IntDecodeError::None);
    }
    QVERIFY(decodePostcard(wire));
}

void tst_IntReport::randomBytesNeverCrash()
{
    QRandomGenerator random(7);
    const QByteArray good = encodePostcard(fullPostcard());
    IntPostcard out[8];
    int decodedCount = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray bytes;
        if (round % 2) {
            bytes.resize(random.bounded(64));
            for (char &c : bytes)
                c = char(random.bounded(256));
            if (bytes.size() > 0)
                bytes[0] = char(0x20 | (bytes[0] & 0x0F)); // mostly past the version check
        } else {
            bytes = good;
            for (int flips = 0; flips < 3; ++flips)
                bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
            bytes.truncate(random.bounded(int(bytes.size()) + 1));
        }
        IntDecodeError error = IntDecodeError::None;
        const int n =
            decodeReportGroup(bytes.constData(), size_t(bytes.size()), {}, out, 8, &error);
        QVERIFY(n >= 0 && n <= 8);
        decodedCount += n;
        if (decodePostcard(bytes, {}, &error))
            QCOMPARE(toString(error), toString(IntDecodeError::None));
        else
            QVERIFY(error != IntDecodeError::None);
    }
    QVERIFY(decodedCount > 0);
}

void tst_IntReport::describeIsDistinct()
{
    QSet<QString> texts;
    for (int e = int(IntDecodeError::None); e <= int(IntDecodeError::DatagramTruncated); ++e) {
        const QString text = toString(IntDecodeError(e));
        QVERIFY(!text.isEmpty());
        texts.insert(text);
    }
    QCOMPARE(texts.size(), int(IntDecodeError::DatagramTruncated) + 1);
}

QTEST_GUILESS_MAIN(tst_IntReport)
#include "tst_intreport.moc"
