#pragma once

#include "continuo_core_export.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace Continuo {

/// Resource record types the DNS probe asks for or understands (RFC 1035, RFC 3596). Other types
/// are carried by number.
namespace DnsType {
inline constexpr quint16 A = 1;
inline constexpr quint16 Ns = 2;
inline constexpr quint16 Cname = 5;
inline constexpr quint16 Soa = 6;
inline constexpr quint16 Ptr = 12;
inline constexpr quint16 Mx = 15;
inline constexpr quint16 Txt = 16;
inline constexpr quint16 Aaaa = 28;
} // namespace DnsType

/// Response codes (RFC 1035 §4.1.1, RFC 6895).
namespace DnsResponseCode {
inline constexpr int NoError = 0;
inline constexpr int FormatError = 1;
inline constexpr int ServerFailure = 2;
inline constexpr int NameError = 3; ///< NXDOMAIN
inline constexpr int NotImplemented = 4;
inline constexpr int Refused = 5;
} // namespace DnsResponseCode

inline constexpr quint16 DnsClassInternet = 1;

struct DnsQuestion
{
    QString name; ///< Presentation form without the trailing dot ("example.org").
    quint16 type = DnsType::A;
    quint16 dnsClass = DnsClassInternet;
    bool operator==(const DnsQuestion &) const = default;
};

struct DnsRecord
{
    QString name;
    quint16 type = 0;
    quint16 dnsClass = DnsClassInternet;
    quint32 ttlSeconds = 0;
    QByteArray data;      ///< RDATA as on the wire (names inside it may be compressed).
    QHostAddress address; ///< A and AAAA.
    QString target;       ///< CNAME, NS and PTR, decompressed.
    bool operator==(const DnsRecord &) const = default;
};

/// A DNS message: header flags, one section per list.
struct DnsMessage
{
    quint16 id = 0;
    bool isResponse = false;
    int opcode = 0;
    bool isAuthoritative = false;
    bool isTruncated = false;
    bool isRecursionDesired = false;
    bool isRecursionAvailable = false;
    int responseCode = DnsResponseCode::NoError;
    QList<DnsQuestion> questions;
    QList<DnsRecord> answers;
    QList<DnsRecord> authorities;
    QList<DnsRecord> additionals;
};

/// A small DNS wire codec (RFC 1035) for the active DNS probe: queries out, responses in, over
/// UDP to any server and port (QDnsLookup in Qt 6.4 cannot use a port other than 53).
///
/// Responses are untrusted input: every length, count, label and compression pointer is checked
/// against the message, pointers may only point backwards (no loops), and each failure says what
/// is wrong and where.
class CONTINUO_CORE_EXPORT DnsCodec
{
public:
    /// The largest UDP response we accept (EDNS-less DNS says 512; servers may send more).
    static constexpr int MaximumUdpMessageBytes = 4096;

    /// Wire form of a name: labels of at most 63 bytes, 255 in all; internationalised names are
    /// converted to their ACE (punycode) form. A trailing dot is accepted; "." is the root.
    static Result<QByteArray> encodeName(const QString &name);

    /// A standard query with one question and recursion desired (RD), as resolvers send.
    static Result<QByteArray> encodeQuery(quint16 id, const QString &name, quint16 type);

    /// Any message (used by tests and responders): names are written uncompressed; A/AAAA records
    /// take their RDATA from `address`, CNAME/NS/PTR from `target`, others from `data`.
    static Result<QByteArray> encode(const DnsMessage &message);

    /// Parse a message without judging it.
    static Result<DnsMessage> decode(const QByteArray &wire);

    /// Parse and check a response to the query (id, name, type): it must be a response to a
    /// standard query, echo the question, and not be truncated (TCP fallback is not done). The
    /// response code is not judged here.
    static Result<DnsMessage> decodeResponse(const QByteArray &wire, quint16 expectedId,
                                             const QString &expectedName, quint16 expectedType);

    /// "A", "AAAA", ... or "TYPE<n>".
    static QString typeName(quint16 type);
    /// Type from "A", "aaaa", "TYPE28" or "28"; 0 when unknown.
    static quint16 typeFromName(const QString &name);
    /// "NOERROR", "NXDOMAIN", ... or "RCODE<n>".
    static QString responseCodeName(int code);
    /// Code from "NOERROR", "nxdomain", "3"; -1 when unknown.
    static int responseCodeFromName(const QString &name);
};

} // namespace Continuo
