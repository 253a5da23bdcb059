// The DNS wire codec of the active DNS probe: queries, responses with compression, and
// malformed responses rejected with errors that say what is wrong.

#include "telemetry/DnsCodec.h"

#include <QTest>
#include <QtEndian>

using namespace Continuo;

namespace {

/// Builds DNS messages byte by byte, for responses no well-behaved encoder would write.
class Wire
{
public:
    Wire &u8(int value)
    {
        m_bytes.append(char(value));
        return *this;
    }
    Wire &u16(int value)
    {
        char bytes[2];
        qToBigEndian<quint16>(quint16(value), bytes);
        m_bytes.append(bytes, 2);
        return *this;
    }
    Wire &u32(quint32 value)
    {
        char bytes[4];
        qToBigEndian<quint32>(value, bytes);
        m_bytes.append(bytes, 4);
        return *this;
    }
    Wire &header(int id, int flags, int questions, int answers, int authorities = 0, int additionals = 0)
    {
        return u16(id).u16(flags).u16(questions).u16(answers).u16(authorities).u16(additionals);
    }
    /// Uncompressed name.
    Wire &name(const char *dotted)
    {
        const QByteArray text(dotted);
        for (const QByteArray &label : text.split('.')) {
            if (label.isEmpty())
                continue;
            u8(int(label.size()));
            m_bytes.append(label);
        }
        return u8(0);
    }
    Wire &pointer(int offset) { return u8(0xC0 | (offset >> 8)).u8(offset & 0xFF); }
    Wire &raw(const QByteArray &bytes)
    {
        m_bytes.append(bytes);
        return *this;
    }
    int size() const { return int(m_bytes.size()); }
    QByteArray bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

constexpr int ResponseFlags = 0x8180; // QR, RD, RA, NOERROR
constexpr int QueryId = 0x1234;

/// A well-formed response to "example.org A": header, question at byte 12, then records.
Wire responseStart(int answers, int flags = ResponseFlags, int id = QueryId)
{
    Wire wire;
    wire.header(id, flags, 1, answers).name("example.org").u16(DnsType::A).u16(DnsClassInternet);
    return wire;
}

} // namespace

class tst_DnsCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queryRoundTrip()
    {
        auto query = DnsCodec::encodeQuery(0xBEEF, QStringLiteral("www.Example.org."), DnsType::Aaaa);
        QVERIFY2(query, qPrintable(query.error()));
        // Header (12) + 3www7Example3org0 (17) + type + class.
        QCOMPARE(query->size(), 12 + 17 + 4);
        auto decoded = DnsCodec::decode(*query);
        QVERIFY2(decoded, qPrintable(decoded.error()));
        QCOMPARE(decoded->id, quint16(0xBEEF));
        QVERIFY(!decoded->isResponse);
        QVERIFY(decoded->isRecursionDesired);
        QCOMPARE(decoded->questions.size(), 1);
        QCOMPARE(decoded->questions.constFirst().name, QStringLiteral("www.Example.org"));
        QCOMPARE(decoded->questions.constFirst().type, DnsType::Aaaa);
    }

    void encodeName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << QStringLiteral("example.org") << QByteArray("\x07" "example" "\x03" "org", 12).append('\0') << QString();
        QTest::newRow("trailing dot") << QStringLiteral("a.b.") << QByteArray("\x01" "a" "\x01" "b", 4).append('\0') << QString();
        QTest::newRow("root") << QStringLiteral(".") << QByteArray(1, '\0') << QString();
        QTest::newRow("idn") << QStringLiteral("bücher.example") << QByteArray("\x0d" "xn--bcher-kva" "\x07" "example", 22).append('\0') << QString();
        QTest::newRow("empty label") << QStringLiteral("a..b") << QByteArray() << QStringLiteral("empty label");
        QTest::newRow("long label") << QString(64, QLatin1Char('x')) + QStringLiteral(".org") << QByteArray() << QStringLiteral("longer than 63");
        QString longName;
        for (int i = 0; i < 5; ++i)
            longName += QString(60, QLatin1Char('a' + i)) + QLatin1Char('.');
        QTest::newRow("long name") << longName << QByteArray() << QStringLiteral("longer than 255");
    }

    void encodeName()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, wire);
        QFETCH(QString, error);
        auto encoded = DnsCodec::encodeName(name);
        if (error.isEmpty()) {
            QVERIFY2(encoded, qPrintable(encoded.error()));
            QCOMPARE(*encoded, wire);
        } else {
            QVERIFY(!encoded);
            QVERIFY2(encoded.error().contains(error), qPrintable(encoded.error()));
        }
    }

    void compressedResponse()
    {
        // example.org CNAME www.example.org (www + pointer), www.example.org A, AAAA.
        Wire wire = responseStart(3);
        wire.pointer(12).u16(DnsType::Cname).u16(1).u32(300);
        const int cnameData = wire.size() + 2;
        wire.u16(6).u8(3).raw("www").pointer(12);
        wire.pointer(cnameData).u16(DnsType::A).u16(1).u32(60).u16(4).raw(QByteArray("\xC0\x00\x02\x01", 4));
        wire.pointer(cnameData).u16(DnsType::Aaaa).u16(1).u32(60).u16(16).raw(QByteArray::fromHex("20010db8000000000000000000000001"));
        auto response = DnsCodec::decodeResponse(wire.bytes(), QueryId, QStringLiteral("EXAMPLE.org."), DnsType::A);
        QVERIFY2(response, qPrintable(response.error()));
        QCOMPARE(response->responseCode, DnsResponseCode::NoError);
        QVERIFY(response->isRecursionAvailable);
        QCOMPARE(response->answers.size(), 3);
        QCOMPARE(response->answers[0].name, QStringLiteral("example.org"));
        QCOMPARE(response->answers[0].target, QStringLiteral("www.example.org"));
        QCOMPARE(response->answers[1].name, QStringLiteral("www.example.org"));
        QCOMPARE(response->answers[1].address, QHostAddress(QStringLiteral("192.0.2.1")));
        QCOMPARE(response->answers[1].ttlSeconds, 60u);
        QCOMPARE(response->answers[2].address, QHostAddress(QStringLiteral("2001:db8::1")));
    }

    void encodeDecodeResponse()
    {
        DnsMessage message;
        message.id = 7;
        message.isResponse = true;
        message.isAuthoritative = true;
        message.responseCode = DnsResponseCode::NameError;
        message.questions.append({QStringLiteral("missing.example"), DnsType::A, DnsClassInternet});
        DnsRecord soa;
        soa.name = QStringLiteral("example");
        soa.type = DnsType::Soa;
        soa.data = QByteArray(22, '\x01');
        message.authorities.append(soa);
        DnsRecord a;
        a.name = QStringLiteral("ns.example");
        a.type = DnsType::A;
        a.address = QHostAddress(QStringLiteral("198.51.100.7"));
        message.additionals.append(a);
        auto wire = DnsCodec::encode(message);
        QVERIFY2(wire, qPrintable(wire.error()));
        auto decoded = DnsCodec::decodeResponse(*wire, 7, QStringLiteral("missing.example"), DnsType::A);
        QVERIFY2(decoded, qPrintable(decoded.error()));
        QCOMPARE(decoded->responseCode, DnsResponseCode::NameError);
        QVERIFY(decoded->isAuthoritative);
        QCOMPARE(decoded->authorities.size(), 1);
        QCOMPARE(decoded->authorities[0].data, soa.data);
        QCOMPARE(decoded->additionals.size(), 1);
        QCOMPARE(decoded->additionals[0].address, a.address);

        DnsRecord wrongFamily = a;
        wrongFamily.type = DnsType::Aaaa;
        message.additionals = {wrongFamily};
        auto refused = DnsCodec::encode(message);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("IPv6")), qPrintable(refused.error()));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("error");

        QTest::newRow("empty") << QByteArray() << QStringLiteral("too short for a DNS message");
        QTest::newRow("short header") << QByteArray(11, '\0') << QStringLiteral("too short for a DNS message");
        QTest::newRow("counts beyond size") << Wire().header(QueryId, ResponseFlags, 1, 40).name("example.org").u16(1).u16(1).bytes()
                                            << QStringLiteral("announces 1 questions and 40 records");
        QTest::newRow("label past end") << Wire().header(QueryId, ResponseFlags, 1, 0).u8(20).raw("abc").u16(1).u16(1).bytes()
                                        << QStringLiteral("question 1: label at byte 12 runs past the end");
        QTest::newRow("name without end") << Wire().header(QueryId, ResponseFlags, 1, 0).u8(3).raw("abc").u8(3).bytes()
                                          << QStringLiteral("question 1: label at byte 16 runs past the end");
        QTest::newRow("pointer to itself") << responseStart(1).pointer(29).u16(1).u16(1).u32(1).u16(4).u32(1).bytes()
                                           << QStringLiteral("answer record 1: compression pointer at byte 29 points forward to byte 29");
        QTest::newRow("pointer forward") << responseStart(1).pointer(200).u16(1).u16(1).u32(1).u16(4).u32(1).bytes()
                                         << QStringLiteral("points forward to byte 200");
        QTest::newRow("pointer cut off") << responseStart(1).u8(0xC0).bytes() << QStringLiteral("compression pointer at byte 29 is cut off");
        QTest::newRow("extended label type") << responseStart(1).u8(0x41).u16(1).u16(1).u32(1).u16(4).u32(1).bytes()
                                             << QStringLiteral("unsupported label type 0x40 at byte 29");
        {
            // A chain of pointers, each to the one before: backwards only, but too many hops.
            // The chain hides in the data of a TXT record; the second record's name enters it.
            Wire wire;
            wire.header(QueryId, ResponseFlags, 1, 2).name("a").u16(1).u16(1);
            wire.pointer(12).u16(DnsType::Txt).u16(1).u32(1).u16(2 * 70);
            const int first = wire.size();
            wire.pointer(12);
            for (int i = 1; i < 70; ++i)
                wire.pointer(first + 2 * (i - 1));
            wire.pointer(first + 2 * 69).u16(1).u16(1).u32(1).u16(4).u32(1);
            QTest::newRow("pointer chain") << wire.bytes() << QStringLiteral("more than 64 compression pointers");
        }
        {
            Wire wire;
            wire.header(QueryId, ResponseFlags, 1, 0);
            for (int i = 0; i < 5; ++i)
                wire.u8(60).raw(QByteArray(60, 'a'));
            wire.u8(0).u16(1).u16(1);
            QTest::newRow("name too long") << wire.bytes() << QStringLiteral("longer than 255 bytes");
        }
        QTest::newRow("record header cut") << responseStart(1).pointer(12).u16(1).u16(1).bytes()
                                           << QStringLiteral("answer record 1: message ends inside the record TTL");
        QTest::newRow("rdlength past end") << responseStart(1).pointer(12).u16(1).u16(1).u32(1).u16(40).u32(1).bytes()
                                           << QStringLiteral("answer record 1 says it has 40 bytes of data but only 4 are left");
        QTest::newRow("A with 5 bytes") << responseStart(1).pointer(12).u16(1).u16(1).u32(1).u16(5).u32(1).u8(1).bytes()
                                        << QStringLiteral("answer record 1: A record with 5 bytes of data (want 4)");
        QTest::newRow("AAAA with 4 bytes") << responseStart(1).pointer(12).u16(DnsType::Aaaa).u16(1).u32(1).u16(4).u32(1).bytes()
                                           << QStringLiteral("AAAA record with 4 bytes of data (want 16)");
        QTest::newRow("CNAME short of data") << responseStart(1).pointer(12).u16(DnsType::Cname).u16(1).u32(1).u16(4).pointer(12).u16(0).bytes()
                                             << QStringLiteral("CNAME name does not fill its 4 bytes");
        QTest::newRow("authority cut") << Wire().header(QueryId, ResponseFlags, 1, 0, 1).name("example.org").u16(1).u16(1).pointer(12).u16(6).u16(1).u32(1).u16(9).raw("12345678").bytes()
                                       << QStringLiteral("authority record 1 says it has 9 bytes");
        // Well-formed messages that are not an acceptable answer to our query.
        QTest::newRow("a query") << responseStart(0, 0x0100).bytes() << QStringLiteral("is a query, not a response");
        QTest::newRow("other id") << responseStart(0, ResponseFlags, QueryId + 1).bytes()
                                  << QStringLiteral("response id 4661 does not match the query id 4660");
        QTest::newRow("truncated") << responseStart(0, ResponseFlags | 0x0200).bytes() << QStringLiteral("truncated (TC bit)");
        QTest::newRow("opcode") << responseStart(0, ResponseFlags | (2 << 11)).bytes() << QStringLiteral("opcode 2");
        QTest::newRow("no question") << Wire().header(QueryId, ResponseFlags, 0, 0).bytes() << QStringLiteral("does not repeat the question");
        QTest::newRow("other question") << Wire().header(QueryId, ResponseFlags, 1, 0).name("example.net").u16(1).u16(1).bytes()
                                        << QStringLiteral("answers example.net A, not the question asked (example.org A)");
        QTest::newRow("other type") << Wire().header(QueryId, ResponseFlags, 1, 0).name("example.org").u16(DnsType::Aaaa).u16(1).bytes()
                                    << QStringLiteral("answers example.org AAAA");
    }

    void malformed()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, error);
        auto response = DnsCodec::decodeResponse(wire, QueryId, QStringLiteral("example.org"), DnsType::A);
        QVERIFY2(!response, "a malformed response was accepted");
        QVERIFY2(response.error().contains(error),
                 qPrintable(QStringLiteral("error \"%1\" does not mention \"%2\"").arg(response.error(), error)));
    }

    /// Every prefix of a good response is rejected, none crashes or reads out of bounds.
    void truncatedPrefixes()
    {
        Wire wire = responseStart(1);
        wire.pointer(12).u16(DnsType::A).u16(1).u32(60).u16(4).raw(QByteArray("\xC0\x00\x02\x01", 4));
        const QByteArray full = wire.bytes();
        QVERIFY(DnsCodec::decodeResponse(full, QueryId, QStringLiteral("example.org"), DnsType::A));
        for (int length = 0; length < full.size(); ++length) {
            auto response = DnsCodec::decodeResponse(full.left(length), QueryId, QStringLiteral("example.org"), DnsType::A);
            QVERIFY2(!response, qPrintable(QStringLiteral("prefix of %1 bytes accepted").arg(length)));
            QVERIFY(response.error().startsWith(QLatin1String("malformed DNS response: ")));
        }
    }

    void names()
    {
        QCOMPARE(DnsCodec::typeName(DnsType::Aaaa), QStringLiteral("AAAA"));
        QCOMPARE(DnsCodec::typeName(99), QStringLiteral("TYPE99"));
        QCOMPARE(DnsCodec::typeFromName(QStringLiteral("aaaa")), DnsType::Aaaa);
        QCOMPARE(DnsCodec::typeFromName(QStringLiteral("TYPE65")), quint16(65));
        QCOMPARE(DnsCodec::typeFromName(QStringLiteral("nonsense")), quint16(0));
        QCOMPARE(DnsCodec::responseCodeName(3), QStringLiteral("NXDOMAIN"));
        QCOMPARE(DnsCodec::responseCodeName(23), QStringLiteral("RCODE23"));
        QCOMPARE(DnsCodec::responseCodeFromName(QStringLiteral("servfail")), 2);
        QCOMPARE(DnsCodec::responseCodeFromName(QStringLiteral("5")), 5);
        QCOMPARE(DnsCodec::responseCodeFromName(QStringLiteral("bogus")), -1);
    }
};

QTEST_GUILESS_MAIN(tst_DnsCodec)
#include "tst_dnscodec.moc"
