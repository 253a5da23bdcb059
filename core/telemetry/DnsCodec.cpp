#include "telemetry/DnsCodec.h"

#include <QUrl>
#include <QtEndian>

#include <array>

namespace Continuo {

namespace {

constexpr int HeaderBytes = 12;
constexpr int MaximumNameBytes = 255; ///< Wire length, including the length octets and root.
constexpr int MaximumLabelBytes = 63;
/// Compression pointers followed while reading one name; backwards-only pointers already rule
/// out loops, this bounds the work on a hostile message.
constexpr int MaximumPointerHops = 64;
constexpr int MinimumQuestionBytes = 5;  ///< root name + type + class
constexpr int MinimumRecordBytes = 11;   ///< root name + type + class + TTL + RDLENGTH

struct TypeName
{
    quint16 type;
    const char *name;
};
constexpr std::array TypeNames{TypeName{DnsType::A, "A"},     TypeName{DnsType::Ns, "NS"},
                               TypeName{DnsType::Cname, "CNAME"}, TypeName{DnsType::Soa, "SOA"},
                               TypeName{DnsType::Ptr, "PTR"}, TypeName{DnsType::Mx, "MX"},
                               TypeName{DnsType::Txt, "TXT"}, TypeName{DnsType::Aaaa, "AAAA"}};

constexpr std::array ResponseCodeNames{"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN",
                                       "NOTIMP",  "REFUSED", "YXDOMAIN", "YXRRSET",
                                       "NXRRSET", "NOTAUTH", "NOTZONE"};

QString sectionName(int section)
{
    switch (section) {
    case 0:
        return QStringLiteral("answer");
    case 1:
        return QStringLiteral("authority");
    default:
        return QStringLiteral("additional");
    }
}

/// Presentation form of one label (RFC 4343 escapes for dots, backslashes and non-printables).
QString presentLabel(const char *data, int length)
{
    QString label;
    label.reserve(length);
    for (int i = 0; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        if (byte == '.' || byte == '\\') {
            label += QLatin1Char('\\');
            label += QLatin1Char(char(byte));
        } else if (byte < 0x21 || byte > 0x7e) {
            label += QStringLiteral("\\%1").arg(int(byte), 3, 10, QLatin1Char('0'));
        } else {
            label += QLatin1Char(char(byte));
        }
    }
    return label;
}

/// Names compare case-insensitively in ASCII (RFC 4343); the trailing dot is optional.
QString canonicalName(QString name)
{
    if (name.endsWith(QLatin1Char('.')) && name.size() > 1)
        name.chop(1);
    if (name == QLatin1String("."))
        return QString();
    // Internationalised names are on the wire in ACE form.
    bool ascii = true;
    for (QChar c : std::as_const(name))
        ascii = ascii && c.unicode() < 0x80;
    if (!ascii)
        name = QString::fromLatin1(QUrl::toAce(name));
    return name.toLower();
}

class Reader
{
public:
    explicit Reader(const QByteArray &wire) : m_data(wire.constData()), m_size(int(wire.size())) {}

    int position() const { return m_position; }
    int remaining() const { return m_size - m_position; }

    Result<quint16> u16(const char *what)
    {
        if (remaining() < 2)
            return makeError(QStringLiteral("message ends inside the %1 at byte %2").arg(QLatin1String(what)).arg(m_position));
        const quint16 value = qFromBigEndian<quint16>(m_data + m_position);
        m_position += 2;
        return value;
    }

    Result<quint32> u32(const char *what)
    {
        if (remaining() < 4)
            return makeError(QStringLiteral("message ends inside the %1 at byte %2").arg(QLatin1String(what)).arg(m_position));
        const quint32 value = qFromBigEndian<quint32>(m_data + m_position);
        m_position += 4;
        return value;
    }

    /// A possibly compressed name starting at the current position; the position moves past its
    /// in-place part.
    Result<QString> name()
    {
        auto parsed = nameAt(m_position);
        if (!parsed)
            return makeError(parsed.error());
        m_position = parsed->second;
        return parsed->first;
    }

    /// Name at `offset`; returns it and the offset after its in-place part.
    Result<std::pair<QString, int>> nameAt(int offset) const
    {
        QString name;
        int wireLength = 0;
        int position = offset;
        int end = -1;
        int hops = 0;
        // Pointers must point before the start of the labels that contain them: every hop moves
        // strictly backwards, so no sequence of pointers can loop.
        int limit = offset;
        while (true) {
            if (position >= m_size)
                return makeError(QStringLiteral("name at byte %1 runs past the end of the message").arg(offset));
            const auto length = static_cast<unsigned char>(m_data[position]);
            if ((length & 0xC0) == 0xC0) {
                if (position + 1 >= m_size)
                    return makeError(QStringLiteral("compression pointer at byte %1 is cut off").arg(position));
                const int target = ((length & 0x3F) << 8) | static_cast<unsigned char>(m_data[position + 1]);
                if (end < 0)
                    end = position + 2;
                if (target >= limit)
                    return makeError(QStringLiteral("compression pointer at byte %1 points forward to byte %2 "
                                                    "(a loop or a corrupt message)")
                                         .arg(position)
                                         .arg(target));
                if (++hops > MaximumPointerHops)
                    return makeError(QStringLiteral("name at byte %1 follows more than %2 compression pointers")
                                         .arg(offset)
                                         .arg(MaximumPointerHops));
                position = target;
                limit = target;
                continue;
            }
            if ((length & 0xC0) != 0)
                return makeError(QStringLiteral("unsupported label type 0x%1 at byte %2")
                                     .arg(length & 0xC0, 2, 16, QLatin1Char('0'))
                                     .arg(position));
            wireLength += length + 1;
            if (wireLength > MaximumNameBytes)
                return makeError(QStringLiteral("name at byte %1 is longer than %2 bytes").arg(offset).arg(MaximumNameBytes));
            if (length == 0) {
                if (end < 0)
                    end = position + 1;
                return std::pair{name, end};
            }
            if (position + 1 + length > m_size)
                return makeError(QStringLiteral("label at byte %1 runs past the end of the message").arg(position));
            if (!name.isEmpty())
                name += QLatin1Char('.');
            name += presentLabel(m_data + position + 1, length);
            position += 1 + length;
        }
    }

    QByteArray bytes(int count) const { return QByteArray(m_data + m_position, count); }
    void skip(int count) { m_position += count; }

private:
    const char *m_data;
    int m_size;
    int m_position = 0;
};

Result<DnsRecord> readRecord(Reader &reader, int section, int index)
{
    const auto where = [&] { return QStringLiteral("%1 record %2").arg(sectionName(section)).arg(index + 1); };
    DnsRecord record;
    auto name = reader.name();
    if (!name)
        return makeError(QStringLiteral("%1: %2").arg(where(), name.error()));
    record.name = *name;
    auto type = reader.u16("record type");
    auto dnsClass = type ? reader.u16("record class") : Result<quint16>(makeError(type.error()));
    auto ttl = dnsClass ? reader.u32("record TTL") : Result<quint32>(makeError(dnsClass.error()));
    auto length = ttl ? reader.u16("record data length") : Result<quint16>(makeError(ttl.error()));
    if (!length)
        return makeError(QStringLiteral("%1: %2").arg(where(), length.error()));
    record.type = *type;
    record.dnsClass = *dnsClass;
    record.ttlSeconds = *ttl;
    if (*length > reader.remaining())
        return makeError(QStringLiteral("%1 says it has %2 bytes of data but only %3 are left")
                             .arg(where())
                             .arg(*length)
                             .arg(reader.remaining()));
    const int dataStart = reader.position();
    record.data = reader.bytes(*length);
    switch (record.type) {
    case DnsType::A:
    case DnsType::Aaaa: {
        const int expected = record.type == DnsType::A ? 4 : 16;
        if (*length != expected)
            return makeError(QStringLiteral("%1: %2 record with %3 bytes of data (want %4)")
                                 .arg(where(), DnsCodec::typeName(record.type))
                                 .arg(*length)
                                 .arg(expected));
        if (record.type == DnsType::A)
            record.address = QHostAddress(qFromBigEndian<quint32>(record.data.constData()));
        else
            record.address = QHostAddress(reinterpret_cast<const quint8 *>(record.data.constData()));
        break;
    }
    case DnsType::Cname:
    case DnsType::Ns:
    case DnsType::Ptr: {
        auto target = reader.nameAt(dataStart);
        if (!target)
            return makeError(QStringLiteral("%1: %2").arg(where(), target.error()));
        if (target->second != dataStart + *length)
            return makeError(QStringLiteral("%1: %2 name does not fill its %3 bytes of data")
                                 .arg(where(), DnsCodec::typeName(record.type))
                                 .arg(*length));
        record.target = target->first;
        break;
    }
    default:
        break;
    }
    reader.skip(*length);
    return record;
}

} // namespace

Result<QByteArray> DnsCodec::encodeName(const QString &name)
{
    QString text = name;
    if (text.endsWith(QLatin1Char('.')) && text.size() > 1)
        text.chop(1);
    QByteArray wire;
    if (text.isEmpty() || text == QLatin1String(".")) {
        wire.append('\0');
        return wire;
    }
    for (const QString &label : text.split(QLatin1Char('.'))) {
        if (label.isEmpty())
            return makeError(QStringLiteral("the name \"%1\" has an empty label").arg(name));
        bool ascii = true;
        for (QChar c : label)
            ascii = ascii && c.unicode() < 0x80;
        const QByteArray bytes = ascii ? label.toLatin1() : QUrl::toAce(label);
        if (bytes.isEmpty())
            return makeError(QStringLiteral("the label \"%1\" of \"%2\" is not a valid domain label").arg(label, name));
        if (bytes.size() > MaximumLabelBytes)
            return makeError(QStringLiteral("the label \"%1\" is longer than %2 bytes").arg(label).arg(MaximumLabelBytes));
        wire.append(char(bytes.size()));
        wire.append(bytes);
    }
    wire.append('\0');
    if (wire.size() > MaximumNameBytes)
        return makeError(QStringLiteral("the name \"%1\" is longer than %2 bytes").arg(name).arg(MaximumNameBytes));
    return wire;
}

Result<QByteArray> DnsCodec::encodeQuery(quint16 id, const QString &name, quint16 type)
{
    DnsMessage message;
    message.id = id;
    message.isRecursionDesired = true;
    message.questions.append(DnsQuestion{name, type, DnsClassInternet});
    return encode(message);
}

Result<QByteArray> DnsCodec::encode(const DnsMessage &message)
{
    const auto sectionsTooLarge = message.questions.size() > 0xFFFF || message.answers.size() > 0xFFFF
                                  || message.authorities.size() > 0xFFFF || message.additionals.size() > 0xFFFF;
    if (sectionsTooLarge)
        return makeError(QStringLiteral("a DNS message holds at most 65535 entries per section"));
    if (message.opcode < 0 || message.opcode > 15 || message.responseCode < 0 || message.responseCode > 15)
        return makeError(QStringLiteral("opcode and response code must be 0..15"));
    QByteArray wire(HeaderBytes, '\0');
    char *header = wire.data();
    qToBigEndian<quint16>(message.id, header);
    quint16 flags = 0;
    flags |= message.isResponse ? 0x8000 : 0;
    flags |= quint16(message.opcode << 11);
    flags |= message.isAuthoritative ? 0x0400 : 0;
    flags |= message.isTruncated ? 0x0200 : 0;
    flags |= message.isRecursionDesired ? 0x0100 : 0;
    flags |= message.isRecursionAvailable ? 0x0080 : 0;
    flags |= quint16(message.responseCode);
    qToBigEndian<quint16>(flags, header + 2);
    qToBigEndian<quint16>(quint16(message.questions.size()), header + 4);
    qToBigEndian<quint16>(quint16(message.answers.size()), header + 6);
    qToBigEndian<quint16>(quint16(message.authorities.size()), header + 8);
    qToBigEndian<quint16>(quint16(message.additionals.size()), header + 10);

    const auto appendU16 = [&wire](quint16 value) {
        char bytes[2];
        qToBigEndian<quint16>(value, bytes);
        wire.append(bytes, 2);
    };
    for (const DnsQuestion &question : message.questions) {
        auto name = encodeName(question.name);
        if (!name)
            return makeError(name.error());
        wire.append(*name);
        appendU16(question.type);
        appendU16(question.dnsClass);
    }
    for (const QList<DnsRecord> *section : {&message.answers, &message.authorities, &message.additionals}) {
        for (const DnsRecord &record : *section) {
            auto name = encodeName(record.name);
            if (!name)
                return makeError(name.error());
            QByteArray data = record.data;
            if (record.type == DnsType::A || record.type == DnsType::Aaaa) {
                const bool v4 = record.type == DnsType::A;
                if (record.address.protocol() != (v4 ? QAbstractSocket::IPv4Protocol : QAbstractSocket::IPv6Protocol))
                    return makeError(QStringLiteral("%1 record for %2 needs an IPv%3 address")
                                         .arg(typeName(record.type), record.name, v4 ? QStringLiteral("4") : QStringLiteral("6")));
                if (v4) {
                    data.resize(4);
                    qToBigEndian<quint32>(record.address.toIPv4Address(), data.data());
                } else {
                    const Q_IPV6ADDR address = record.address.toIPv6Address();
                    data = QByteArray(reinterpret_cast<const char *>(address.c), 16);
                }
            } else if (record.type == DnsType::Cname || record.type == DnsType::Ns || record.type == DnsType::Ptr) {
                auto target = encodeName(record.target);
                if (!target)
                    return makeError(target.error());
                data = *target;
            }
            if (data.size() > 0xFFFF)
                return makeError(QStringLiteral("record data longer than 65535 bytes"));
            wire.append(*name);
            appendU16(record.type);
            appendU16(record.dnsClass);
            char ttl[4];
            qToBigEndian<quint32>(record.ttlSeconds, ttl);
            wire.append(ttl, 4);
            appendU16(quint16(data.size()));
            wire.append(data);
        }
    }
    return wire;
}

Result<DnsMessage> DnsCodec::decode(const QByteArray &wire)
{
    if (wire.size() < HeaderBytes)
        return makeError(QStringLiteral("%1 bytes is too short for a DNS message (the header alone is %2)")
                             .arg(wire.size())
                             .arg(HeaderBytes));
    if (wire.size() > 0xFFFF)
        return makeError(QStringLiteral("%1 bytes is longer than any DNS message").arg(wire.size()));
    Reader reader(wire);
    DnsMessage message;
    message.id = *reader.u16("header");
    const quint16 flags = *reader.u16("header");
    message.isResponse = flags & 0x8000;
    message.opcode = (flags >> 11) & 0x0F;
    message.isAuthoritative = flags & 0x0400;
    message.isTruncated = flags & 0x0200;
    message.isRecursionDesired = flags & 0x0100;
    message.isRecursionAvailable = flags & 0x0080;
    message.responseCode = flags & 0x000F;
    const int questions = *reader.u16("header");
    const int answers = *reader.u16("header");
    const int authorities = *reader.u16("header");
    const int additionals = *reader.u16("header");
    // Counts are checked against what is left before anything is reserved for them.
    const qint64 minimumBytes = qint64(questions) * MinimumQuestionBytes
                                + qint64(answers + authorities + additionals) * MinimumRecordBytes;
    if (minimumBytes > reader.remaining())
        return makeError(QStringLiteral("the header announces %1 questions and %2 records, more than the "
                                        "%3 bytes after it can hold")
                             .arg(questions)
                             .arg(answers + authorities + additionals)
                             .arg(reader.remaining()));
    message.questions.reserve(questions);
    for (int i = 0; i < questions; ++i) {
        DnsQuestion question;
        auto name = reader.name();
        if (!name)
            return makeError(QStringLiteral("question %1: %2").arg(i + 1).arg(name.error()));
        question.name = *name;
        auto type = reader.u16("question type");
        auto dnsClass = type ? reader.u16("question class") : Result<quint16>(makeError(type.error()));
        if (!dnsClass)
            return makeError(QStringLiteral("question %1: %2").arg(i + 1).arg(dnsClass.error()));
        question.type = *type;
        question.dnsClass = *dnsClass;
        message.questions.append(question);
    }
    QList<DnsRecord> *sections[] = {&message.answers, &message.authorities, &message.additionals};
    const int counts[] = {answers, authorities, additionals};
    for (int section = 0; section < 3; ++section) {
        sections[section]->reserve(counts[section]);
        for (int i = 0; i < counts[section]; ++i) {
            auto record = readRecord(reader, section, i);
            if (!record)
                return makeError(record.error());
            sections[section]->append(std::move(record).value());
        }
    }
    // Bytes after the last record are tolerated (some middleboxes pad), as resolvers do.
    return message;
}

Result<DnsMessage> DnsCodec::decodeResponse(const QByteArray &wire, quint16 expectedId,
                                            const QString &expectedName, quint16 expectedType)
{
    auto decoded = decode(wire);
    if (!decoded)
        return makeError(QStringLiteral("malformed DNS response: %1").arg(decoded.error()));
    const DnsMessage &message = *decoded;
    if (!message.isResponse)
        return makeError(QStringLiteral("the message is a query, not a response (QR bit clear)"));
    if (message.id != expectedId)
        return makeError(QStringLiteral("the response id %1 does not match the query id %2").arg(message.id).arg(expectedId));
    if (message.opcode != 0)
        return makeError(QStringLiteral("the response has opcode %1, not a standard query (0)").arg(message.opcode));
    if (message.isTruncated)
        return makeError(QStringLiteral("the response is truncated (TC bit): it does not fit in UDP and TCP "
                                        "fallback is not done"));
    // FORMERR and NOTIMP answers may legitimately leave the question out.
    if (message.questions.isEmpty() && message.responseCode != DnsResponseCode::FormatError
        && message.responseCode != DnsResponseCode::NotImplemented)
        return makeError(QStringLiteral("the response does not repeat the question"));
    if (message.questions.size() > 1)
        return makeError(QStringLiteral("the response has %1 questions; the query had one").arg(message.questions.size()));
    if (!message.questions.isEmpty()) {
        const DnsQuestion &question = message.questions.constFirst();
        if (canonicalName(question.name) != canonicalName(expectedName) || question.type != expectedType
            || question.dnsClass != DnsClassInternet)
            return makeError(QStringLiteral("the response answers %1 %2, not the question asked (%3 %4)")
                                 .arg(question.name.isEmpty() ? QStringLiteral(".") : question.name, typeName(question.type),
                                      expectedName, typeName(expectedType)));
    }
    return decoded;
}

QString DnsCodec::typeName(quint16 type)
{
    for (const TypeName &entry : TypeNames) {
        if (entry.type == type)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("TYPE%1").arg(type);
}

quint16 DnsCodec::typeFromName(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    for (const TypeName &entry : TypeNames) {
        if (upper == QLatin1String(entry.name))
            return entry.type;
    }
    QString digits = upper;
    if (digits.startsWith(QLatin1String("TYPE")))
        digits = digits.mid(4);
    bool ok = false;
    const uint number = digits.toUInt(&ok);
    return ok && number > 0 && number <= 0xFFFF ? quint16(number) : quint16(0);
}

QString DnsCodec::responseCodeName(int code)
{
    if (code >= 0 && code < int(ResponseCodeNames.size()))
        return QLatin1String(ResponseCodeNames[size_t(code)]);
    return QStringLiteral("RCODE%1").arg(code);
}

int DnsCodec::responseCodeFromName(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    for (size_t i = 0; i < ResponseCodeNames.size(); ++i) {
        if (upper == QLatin1String(ResponseCodeNames[i]))
            return int(i);
    }
    QString digits = upper;
    if (digits.startsWith(QLatin1String("RCODE")))
        digits = digits.mid(5);
    bool ok = false;
    const int number = digits.toInt(&ok);
    return ok && number >= 0 && number <= 4095 ? number : -1;
}

} // namespace Continuo
