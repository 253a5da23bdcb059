#include "telemetry/ActiveProber.h"

#include "ContinuoVersion.h"
#include "plugin/IPluginHost.h"
#include "telemetry/DnsCodec.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Continuo {

namespace {

constexpr quint8 IcmpEchoRequest = 8;
constexpr quint8 IcmpEchoReply = 0;
constexpr quint8 Icmp6EchoRequest = 128;
constexpr quint8 Icmp6EchoReply = 129;
constexpr int IcmpHeaderBytes = 8;
/// Payload of our echo requests: magic, then the token that finds the probe again.
constexpr char IcmpMagic[8] = {'C', 'o', 'n', 't', 'i', 'n', 'u', 'o'};
constexpr int IcmpPayloadBytes = 32;
/// Linux raw ICMP socket option (linux/icmp.h; that header clashes with netinet's).
constexpr int LinuxSolRaw = 255;
constexpr int LinuxIcmpFilter = 1;
/// Datagrams read per wake-up of an ICMP socket before others get their turn.
constexpr int IcmpReadsPerWake = 512;
constexpr int IcmpReceiveBufferBytes = 1024 * 1024;
/// Larger bodies fail an HTTP probe (it is a probe, not a download).
constexpr qint64 HttpBodyLimitBytes = 16 * 1024 * 1024;
/// Finished probes are handed to the sink together after this long.
constexpr auto SinkBatchDelay = std::chrono::milliseconds(25);
/// First probes of targets added together are spread over this much (or the interval if less).
constexpr qint64 InitialSpreadNs = 1'000'000'000;

QString kindName(ProbeKind kind)
{
    switch (kind) {
    case ProbeKind::Icmp:
        return QStringLiteral("icmp");
    case ProbeKind::Tcp:
        return QStringLiteral("tcp");
    case ProbeKind::Http:
        return QStringLiteral("http");
    case ProbeKind::Https:
        return QStringLiteral("https");
    case ProbeKind::Dns:
        return QStringLiteral("dns");
    case ProbeKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

/// Host and port of `host:port`, `[v6]:port` or (when `defaultPort` >= 0) a bare host.
Result<std::pair<QString, quint16>> splitHostPort(const QString &text, int defaultPort)
{
    QString host = text;
    QString port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return makeError(QStringLiteral("\"%1\" lacks the closing ']'").arg(text));
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return makeError(QStringLiteral("\"%1\" has text after ']' that is not a port").arg(text));
            port = rest.mid(1);
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        host = text.left(colon);
        port = text.mid(colon + 1);
    } else if (text.count(QLatin1Char(':')) > 1 && !QHostAddress(text).isNull()) {
        host = text; // a bare IPv6 address
    }
    if (host.isEmpty())
        return makeError(QStringLiteral("\"%1\" has no host").arg(text));
    if (port.isEmpty()) {
        if (defaultPort < 0)
            return makeError(QStringLiteral("\"%1\" has no port (HOST:PORT)").arg(text));
        return std::pair{host, quint16(defaultPort)};
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number == 0 || number > 65535)
        return makeError(QStringLiteral("\"%1\" has no valid port (1..65535)").arg(text));
    return std::pair{host, quint16(number)};
}

/// Where a target goes, from its kind and address.
struct Endpoint
{
    QString host;
    quint16 port = 0;
    QUrl url;
};

Result<Endpoint> endpointOf(const ProbeTarget &target)
{
    Endpoint endpoint;
    switch (target.kind) {
    case ProbeKind::Icmp: {
        QString host = target.address;
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (host.isEmpty() || host.contains(QLatin1Char('/')) || host.contains(QLatin1Char(' ')))
            return makeError(QStringLiteral("an icmp target wants a host or an IP address, not \"%1\"").arg(target.address));
        if (host.contains(QLatin1Char(':')) && QHostAddress(host).isNull())
            return makeError(QStringLiteral("an icmp target has no port: \"%1\"").arg(target.address));
        endpoint.host = host;
        return endpoint;
    }
    case ProbeKind::Tcp: {
        auto split = splitHostPort(target.address, -1);
        if (!split)
            return makeError(QStringLiteral("a tcp target wants HOST:PORT: %1").arg(split.error()));
        endpoint.host = split->first;
        endpoint.port = split->second;
        return endpoint;
    }
    case ProbeKind::Dns: {
        auto split = splitHostPort(target.address, 53);
        if (!split)
            return makeError(QStringLiteral("a dns target wants SERVER[:PORT]: %1").arg(split.error()));
        endpoint.host = split->first;
        endpoint.port = split->second;
        if (target.dnsQueryName.isEmpty())
            return makeError(QStringLiteral("a dns target needs a name to query"));
        if (auto encoded = DnsCodec::encodeName(target.dnsQueryName); !encoded)
            return makeError(encoded.error());
        if (target.dnsQueryType == 0)
            return makeError(QStringLiteral("a dns target needs a query type"));
        return endpoint;
    }
    case ProbeKind::Http:
    case ProbeKind::Https: {
        const QUrl url(target.address, QUrl::StrictMode);
        const QString scheme = target.kind == ProbeKind::Https ? QStringLiteral("https") : QStringLiteral("http");
        if (!url.isValid() || url.host().isEmpty() || url.scheme() != scheme)
            return makeError(QStringLiteral("an %1 target wants an %1:// URL, not \"%2\"").arg(scheme, target.address));
        endpoint.url = url;
        endpoint.host = url.host();
        endpoint.port = quint16(url.port(target.kind == ProbeKind::Https ? 443 : 80));
        return endpoint;
    }
    case ProbeKind::Unknown:
        break;
    }
    return makeError(QStringLiteral("unknown probe kind"));
}

QString pingGroupRange()
{
    QFile file(QStringLiteral("/proc/sys/net/ipv4/ping_group_range"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unreadable");
    return QString::fromLatin1(file.readAll().simplified()).replace(QLatin1Char('\t'), QLatin1Char(' '));
}

quint16 internetChecksum(const quint8 *data, int length)
{
    quint32 sum = 0;
    for (int i = 0; i + 1 < length; i += 2)
        sum += quint32(data[i] << 8 | data[i + 1]);
    if (length % 2)
        sum += quint32(data[length - 1] << 8);
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return quint16(~sum);
}

/// The socket address of `address` (with its IPv6 scope) and `port`; its length.
socklen_t socketAddressOf(const QHostAddress &address, quint16 port, sockaddr_storage *storage)
{
    *storage = {};
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, 16);
        const QString scope = address.scopeId();
        if (!scope.isEmpty()) {
            bool numeric = false;
            const uint index = scope.toUInt(&numeric);
            in6->sin6_scope_id = numeric ? index : ::if_nametoindex(scope.toLocal8Bit().constData());
        }
        return sizeof(sockaddr_in6);
    }
    auto *in4 = reinterpret_cast<sockaddr_in *>(storage);
    in4->sin_family = AF_INET;
    in4->sin_port = htons(port);
    in4->sin_addr.s_addr = htonl(address.toIPv4Address());
    return sizeof(sockaddr_in);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QHostAddress preferredAddress(const QList<QHostAddress> &addresses)
{
    for (const QHostAddress &address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            return address;
    }
    return addresses.isEmpty() ? QHostAddress() : addresses.constFirst();
}

} // namespace

QString toString(ProbeKind kind)
{
    return kindName(kind);
}

ProbeKind probeKindFromString(const QString &text)
{
    const QString lower = text.toLower();
    for (ProbeKind kind : {ProbeKind::Icmp, ProbeKind::Tcp, ProbeKind::Http, ProbeKind::Https, ProbeKind::Dns}) {
        if (lower == kindName(kind))
            return kind;
    }
    return ProbeKind::Unknown;
}

QString toString(IcmpSocketMode mode)
{
    switch (mode) {
    case IcmpSocketMode::Automatic:
        return QStringLiteral("automatic");
    case IcmpSocketMode::Datagram:
        return QStringLiteral("datagram");
    case IcmpSocketMode::Raw:
        return QStringLiteral("raw");
    case IcmpSocketMode::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Result<ProbeTarget> ProbeTarget::fromUrl(const QString &text)
{
    const qsizetype separator = text.indexOf(QLatin1String("://"));
    if (separator <= 0)
        return makeError(QStringLiteral("\"%1\" is not KIND://ADDRESS (kinds: icmp, tcp, http, https, dns)").arg(text));
    ProbeTarget target;
    target.kind = probeKindFromString(text.left(separator));
    if (target.kind == ProbeKind::Unknown)
        return makeError(QStringLiteral("unknown probe kind \"%1\" in \"%2\" (kinds: icmp, tcp, http, https, dns)")
                             .arg(text.left(separator), text));
    target.name = text;
    QString rest = text.mid(separator + 3);
    switch (target.kind) {
    case ProbeKind::Icmp:
        if (rest.endsWith(QLatin1Char('/')))
            rest.chop(1);
        target.address = rest;
        break;
    case ProbeKind::Tcp:
        if (rest.endsWith(QLatin1Char('/')))
            rest.chop(1);
        target.address = rest;
        break;
    case ProbeKind::Http:
    case ProbeKind::Https:
        target.address = text;
        break;
    case ProbeKind::Dns: {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return makeError(QStringLiteral("\"%1\" is not dns://SERVER[:PORT]/NAME[?type=A]").arg(text));
        const QString host = url.host().contains(QLatin1Char(':')) ? QLatin1Char('[') + url.host() + QLatin1Char(']')
                                                                   : url.host();
        target.address = host + QLatin1Char(':') + QString::number(url.port(53));
        target.dnsQueryName = url.path(QUrl::FullyDecoded).mid(1);
        if (target.dnsQueryName.isEmpty())
            return makeError(QStringLiteral("\"%1\" names nothing to query (dns://SERVER[:PORT]/NAME)").arg(text));
        const QUrlQuery query(url);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (key == QLatin1String("type")) {
                target.dnsQueryType = DnsCodec::typeFromName(value);
                if (target.dnsQueryType == 0)
                    return makeError(QStringLiteral("unknown DNS record type \"%1\" in \"%2\"").arg(value, text));
            } else if (key == QLatin1String("rcode")) {
                for (const QString &name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    const int code = DnsCodec::responseCodeFromName(name);
                    if (code < 0)
                        return makeError(QStringLiteral("unknown DNS response code \"%1\" in \"%2\"").arg(name, text));
                    target.dnsValidResponseCodes.append(code);
                }
            } else {
                return makeError(QStringLiteral("unknown option \"%1\" in \"%2\" (type, rcode)").arg(key, text));
            }
        }
        break;
    }
    case ProbeKind::Unknown:
        break;
    }
    if (auto endpoint = endpointOf(target); !endpoint)
        return makeError(QStringLiteral("\"%1\": %2").arg(text, endpoint.error()));
    return target;
}

namespace Internal {

/// Lives on the prober's thread: the scheduler, the sockets, the network manager and the probes
/// in flight.
class ProbeWorker : public QObject
{
public:
    ProbeWorker(ActiveProber *owner, IcmpSocketMode icmpMode)
        : m_owner(owner)
        , m_icmpMode(icmpMode == IcmpSocketMode::Unknown ? IcmpSocketMode::Automatic : icmpMode)
    {
        m_icmpIdentifier = quint16(1 + QRandomGenerator::global()->bounded(0xFFFE));
    }

    void initialise()
    {
        m_clock.start();
        m_manager = new QNetworkAccessManager(this);
        m_manager->setProxy(QNetworkProxy::NoProxy); // targets are probed directly, never via http_proxy
        m_wake = new QTimer(this);
        m_wake->setSingleShot(true);
        m_wake->setTimerType(Qt::PreciseTimer);
        connect(m_wake, &QTimer::timeout, this, [this] { onWake(); });
        m_flush = new QTimer(this);
        m_flush->setSingleShot(true);
        m_flush->setInterval(SinkBatchDelay);
        connect(m_flush, &QTimer::timeout, this, [this] { flush(); });
    }

    void shutdown()
    {
        // Everything is deleted here, on the worker's thread, so that the (empty) worker can be
        // deleted by the owner once the thread has ended.
        for (auto &[key, slot] : m_slots)
            abortAttempt(*slot);
        // The sockets and replies abortAttempt() handed to deleteLater() go now, on their thread.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        m_slots.clear();
        m_keys.clear();
        m_schedule.clear();
        m_deadlines.clear();
        for (IcmpSocket *socket : {&m_icmp4, &m_icmp6})
            closeIcmp(*socket);
        flush();
        delete m_manager;
        m_manager = nullptr;
        delete m_wake;
        m_wake = nullptr;
        delete m_flush;
        m_flush = nullptr;
    }

    void addTarget(const QString &name, const ProbeTarget &target)
    {
        if (m_keys.contains(name))
            removeTarget(name);
        auto endpoint = endpointOf(target);
        if (!endpoint)
            return; // validated by the owner already
        auto slot = std::make_unique<Slot>();
        slot->key = ++m_nextKey;
        slot->name = name;
        slot->target = target;
        slot->endpoint = *endpoint;
        slot->labels = target.labels;
        slot->labels.insert(QStringLiteral("target"), name);
        slot->labels.insert(QStringLiteral("kind"), kindName(target.kind));
        slot->timeoutNs = qint64(target.timeout.count()) * 1'000'000;
        slot->intervalNs = qint64(target.interval.count()) * 1'000'000;
        // Spread targets added together so that a thousand of them do not fire in one burst.
        const qint64 spread = std::min<qint64>(InitialSpreadNs, slot->intervalNs);
        const qint64 offset = spread > 0 ? qint64(qHash(name) % quint64(spread)) : 0;
        slot->nextDueNs = nowNs() + offset;
        m_schedule.insert({slot->nextDueNs, slot->key});
        m_keys.insert(name, slot->key);
        m_slots[slot->key] = std::move(slot);
        rearm();
    }

    void removeTarget(const QString &name)
    {
        const quint64 key = m_keys.take(name);
        auto it = m_slots.find(key);
        if (it == m_slots.end())
            return;
        abortAttempt(*it->second);
        m_schedule.erase({it->second->nextDueNs, key});
        m_slots.erase(it);
        rearm();
    }

private:
    struct IcmpSocket
    {
        int fd = -1;
        int family = AF_INET;
        IcmpSocketMode type = IcmpSocketMode::Unknown;
        QSocketNotifier *notifier = nullptr;
        quint16 sequence = 0;
    };

    struct Slot
    {
        quint64 key = 0;
        QString name;
        ProbeTarget target;
        Endpoint endpoint;
        Labels labels;
        qint64 intervalNs = 0;
        qint64 timeoutNs = 0;
        qint64 nextDueNs = 0;

        // The probe in flight (attempt != 0).
        quint64 attempt = 0;
        qint64 startNs = 0;
        qint64 startEpochMs = 0;
        qint64 deadlineNs = 0;
        QString stage; ///< What a timeout interrupts ("resolving", "connecting", ...).
        double lookupSeconds = -1.0;
        int lookupId = -1;
        QHostAddress resolved;
        QTcpSocket *tcp = nullptr;
        qint64 connectStartNs = 0;
        int dnsFd = -1;
        QSocketNotifier *dnsNotifier = nullptr;
        quint16 dnsId = 0;
        qint64 dnsSentNs = 0;
        QPointer<QNetworkReply> reply;
        qint64 firstByteNs = -1;
        qint64 contentBytes = 0;
        QList<QSslCertificate> peerChain;
        quint64 icmpToken = 0;
        qint64 icmpSentNs = 0;
        timespec icmpSentRealtime{};
    };

    /// What a probe found out.
    struct Outcome
    {
        bool success = false;
        QString error;
        double roundTripSeconds = -1.0; ///< For the status and link latency.
        QList<std::pair<const char *, double>> values;
    };

    qint64 nowNs() const { return m_clock.nsecsElapsed(); }

    Slot *find(quint64 key, quint64 attempt)
    {
        auto it = m_slots.find(key);
        if (it == m_slots.end() || it->second->attempt != attempt || attempt == 0)
            return nullptr;
        return it->second.get();
    }

    // --- scheduling ---------------------------------------------------------------------------

    void rearm()
    {
        if (!m_wake)
            return;
        qint64 earliest = std::numeric_limits<qint64>::max();
        if (!m_schedule.empty())
            earliest = m_schedule.begin()->first;
        if (!m_deadlines.empty())
            earliest = std::min(earliest, m_deadlines.begin()->first);
        if (earliest == std::numeric_limits<qint64>::max()) {
            m_wake->stop();
            return;
        }
        const qint64 delayNs = std::max<qint64>(0, earliest - nowNs());
        m_wake->start(int(std::min<qint64>((delayNs + 999'999) / 1'000'000, 24 * 3600 * 1000)));
    }

    void onWake()
    {
        const qint64 now = nowNs();
        while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
            const quint64 key = m_deadlines.begin()->second;
            m_deadlines.erase(m_deadlines.begin());
            auto it = m_slots.find(key);
            if (it == m_slots.end() || it->second->attempt == 0)
                continue;
            Slot &slot = *it->second;
            slot.deadlineNs = 0;
            Outcome outcome;
            outcome.error = QStringLiteral("timed out after %1 ms while %2")
                                .arg(slot.target.timeout.count())
                                .arg(slot.stage);
            finish(slot, std::move(outcome));
        }
        while (!m_schedule.empty() && m_schedule.begin()->first <= now) {
            const quint64 key = m_schedule.begin()->second;
            m_schedule.erase(m_schedule.begin());
            auto it = m_slots.find(key);
            if (it == m_slots.end())
                continue;
            Slot &slot = *it->second;
            // Keep the cadence; after a stall, skip the rounds that were missed.
            slot.nextDueNs += slot.intervalNs;
            if (slot.nextDueNs <= now)
                slot.nextDueNs = now + slot.intervalNs;
            m_schedule.insert({slot.nextDueNs, key});
            if (slot.attempt != 0) {
                qCDebug(lcTelemetry) << "probe of" << slot.name << "still in flight, skipping a round";
                continue;
            }
            begin(slot);
        }
        rearm();
    }

    void begin(Slot &slot)
    {
        slot.attempt = ++m_nextAttempt;
        slot.startNs = nowNs();
        slot.startEpochMs = QDateTime::currentMSecsSinceEpoch();
        slot.deadlineNs = slot.startNs + slot.timeoutNs;
        slot.lookupSeconds = -1.0;
        slot.resolved = QHostAddress();
        m_deadlines.insert({slot.deadlineNs, slot.key});
        if (slot.target.kind == ProbeKind::Http || slot.target.kind == ProbeKind::Https) {
            beginHttp(slot);
            return;
        }
        resolve(slot);
    }

    void setDeadlineCleared(Slot &slot)
    {
        if (slot.deadlineNs != 0)
            m_deadlines.erase({slot.deadlineNs, slot.key});
        slot.deadlineNs = 0;
    }

    // --- name resolution ----------------------------------------------------------------------

    void resolve(Slot &slot)
    {
        const QHostAddress literal(slot.endpoint.host);
        if (!literal.isNull()) {
            slot.resolved = literal;
            resolved(slot);
            return;
        }
        slot.stage = QStringLiteral("resolving %1").arg(slot.endpoint.host);
        const quint64 key = slot.key;
        const quint64 attempt = slot.attempt;
        const qint64 lookupStart = nowNs();
        slot.lookupId = QHostInfo::lookupHost(slot.endpoint.host, this, [this, key, attempt, lookupStart](const QHostInfo &info) {
            Slot *current = find(key, attempt);
            if (!current)
                return;
            current->lookupId = -1;
            current->lookupSeconds = double(nowNs() - lookupStart) / 1e9;
            if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
                Outcome outcome;
                outcome.error = QStringLiteral("cannot resolve %1: %2")
                                    .arg(current->endpoint.host,
                                         info.error() == QHostInfo::NoError ? QStringLiteral("no addresses") : info.errorString());
                finish(*current, std::move(outcome));
                return;
            }
            current->resolved = preferredAddress(info.addresses());
            resolved(*current);
        });
    }

    void resolved(Slot &slot)
    {
        switch (slot.target.kind) {
        case ProbeKind::Icmp:
            beginIcmp(slot);
            break;
        case ProbeKind::Tcp:
            beginTcp(slot);
            break;
        case ProbeKind::Dns:
            beginDns(slot);
            break;
        default:
            break;
        }
    }

    // --- ICMP ---------------------------------------------------------------------------------

    Result<IcmpSocket *> icmpSocket(int family)
    {
        IcmpSocket &socket = family == AF_INET6 ? m_icmp6 : m_icmp4;
        if (socket.fd >= 0)
            return &socket;
        const int protocol = family == AF_INET6 ? int(IPPROTO_ICMPV6) : int(IPPROTO_ICMP);
        const char *familyName = family == AF_INET6 ? "ICMPv6" : "ICMP";
        int fd = -1;
        int datagramErrno = 0;
        IcmpSocketMode type = IcmpSocketMode::Unknown;
        if (m_icmpMode != IcmpSocketMode::Raw) {
            fd = ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
            datagramErrno = fd < 0 ? errno : 0;
            type = IcmpSocketMode::Datagram;
        }
        if (fd < 0 && m_icmpMode != IcmpSocketMode::Datagram) {
            fd = ::socket(family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
            type = IcmpSocketMode::Raw;
            if (fd < 0) {
                const int rawErrno = errno;
                if (m_icmpMode == IcmpSocketMode::Raw)
                    return makeError(QStringLiteral("cannot open a raw %1 socket: %2 (raw sockets need CAP_NET_RAW)")
                                         .arg(QLatin1String(familyName), QString::fromLocal8Bit(std::strerror(rawErrno))));
                return makeError(QStringLiteral("cannot open an %1 socket: unprivileged ICMP is refused (%2; "
                                                "group %3 is not in net.ipv4.ping_group_range \"%4\") and a raw "
                                                "socket is refused too (%5; it needs CAP_NET_RAW)")
                                     .arg(QLatin1String(familyName), QString::fromLocal8Bit(std::strerror(datagramErrno)))
                                     .arg(::getgid())
                                     .arg(pingGroupRange(), QString::fromLocal8Bit(std::strerror(rawErrno))));
            }
        }
        if (fd < 0)
            return makeError(QStringLiteral("cannot open an unprivileged %1 socket: %2 (group %3 must be in "
                                            "net.ipv4.ping_group_range, now \"%4\")")
                                 .arg(QLatin1String(familyName), QString::fromLocal8Bit(std::strerror(datagramErrno)))
                                 .arg(::getgid())
                                 .arg(pingGroupRange()));
        const int on = 1;
        // Kernel receive timestamps keep the RTT honest when this thread is slow to wake up.
        ::setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
        // Room for the replies of thousands of targets arriving together (capped by rmem_max).
        const int receiveBuffer = IcmpReceiveBufferBytes;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        if (family == AF_INET) {
            ::setsockopt(fd, IPPROTO_IP, IP_RECVTTL, &on, sizeof on);
            if (type == IcmpSocketMode::Raw) {
                // A raw socket sees every ICMP message of the host: only echo replies, please.
                const quint32 filter = ~(quint32(1) << IcmpEchoReply);
                ::setsockopt(fd, LinuxSolRaw, LinuxIcmpFilter, &filter, sizeof filter);
            }
        } else {
            ::setsockopt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on, sizeof on);
            if (type == IcmpSocketMode::Raw) {
                icmp6_filter filter;
                ICMP6_FILTER_SETBLOCKALL(&filter);
                ICMP6_FILTER_SETPASS(Icmp6EchoReply, &filter);
                ::setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, &filter, sizeof filter);
            }
        }
        socket.fd = fd;
        socket.family = family;
        socket.type = type;
        socket.notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        connect(socket.notifier, &QSocketNotifier::activated, this, [this, family] { readIcmp(family); });
        if (family == AF_INET || m_owner->m_icmpInUse.load() == IcmpSocketMode::Unknown)
            m_owner->m_icmpInUse.store(type);
        qCDebug(lcTelemetry).noquote() << "opened a" << toString(type) << familyName << "socket for probes";
        return &socket;
    }

    void closeIcmp(IcmpSocket &socket)
    {
        delete socket.notifier;
        socket.notifier = nullptr;
        if (socket.fd >= 0)
            ::close(socket.fd);
        socket.fd = -1;
    }

    void beginIcmp(Slot &slot)
    {
        const bool v6 = slot.resolved.protocol() == QAbstractSocket::IPv6Protocol;
        auto socket = icmpSocket(v6 ? AF_INET6 : AF_INET);
        if (!socket) {
            Outcome outcome;
            outcome.error = socket.error();
            finish(slot, std::move(outcome));
            return;
        }
        IcmpSocket &icmp = **socket;
        slot.icmpToken = (quint64(QRandomGenerator::global()->generate()) << 32) ^ slot.attempt;
        quint8 packet[IcmpHeaderBytes + IcmpPayloadBytes] = {};
        packet[0] = v6 ? Icmp6EchoRequest : IcmpEchoRequest;
        // The kernel sets the identifier of datagram sockets (their "port") and every checksum but
        // that of raw ICMPv4.
        qToBigEndian<quint16>(m_icmpIdentifier, packet + 4);
        qToBigEndian<quint16>(++icmp.sequence, packet + 6);
        std::memcpy(packet + IcmpHeaderBytes, IcmpMagic, sizeof IcmpMagic);
        qToBigEndian<quint64>(slot.icmpToken, packet + IcmpHeaderBytes + sizeof IcmpMagic);
        if (!v6 && icmp.type == IcmpSocketMode::Raw)
            qToBigEndian<quint16>(internetChecksum(packet, sizeof packet), packet + 2);

        sockaddr_storage address;
        const socklen_t addressLength = socketAddressOf(slot.resolved, 0, &address);
        m_icmpTokens[slot.icmpToken] = slot.key;
        slot.stage = QStringLiteral("waiting for an echo reply from %1").arg(slot.resolved.toString());
        clock_gettime(CLOCK_REALTIME, &slot.icmpSentRealtime);
        slot.icmpSentNs = nowNs();
        const ssize_t sent = ::sendto(icmp.fd, packet, sizeof packet, 0, reinterpret_cast<sockaddr *>(&address), addressLength);
        if (sent != ssize_t(sizeof packet)) {
            const int error = errno;
            Outcome outcome;
            outcome.error = QStringLiteral("cannot send an echo request to %1: %2")
                                .arg(slot.resolved.toString(), systemError(error));
            finish(slot, std::move(outcome));
        }
    }

    void readIcmp(int family)
    {
        IcmpSocket &icmp = family == AF_INET6 ? m_icmp6 : m_icmp4;
        for (int reads = 0; reads < IcmpReadsPerWake && icmp.fd >= 0; ++reads) {
            alignas(8) quint8 buffer[1500];
            alignas(8) char control[256];
            sockaddr_storage from = {};
            iovec vector{buffer, sizeof buffer};
            msghdr message = {};
            message.msg_name = &from;
            message.msg_namelen = sizeof from;
            message.msg_iov = &vector;
            message.msg_iovlen = 1;
            message.msg_control = control;
            message.msg_controllen = sizeof control;
            const ssize_t received = ::recvmsg(icmp.fd, &message, MSG_DONTWAIT);
            if (received < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    return;
                continue; // a pending socket error (an ICMP error for some request) is read once
            }
            const qint64 arrivedNs = nowNs();
            timespec arrived{};
            bool haveTimestamp = false;
            int hopLimit = -1;
            for (cmsghdr *header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
                if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_TIMESTAMPNS) {
                    std::memcpy(&arrived, CMSG_DATA(header), sizeof arrived);
                    haveTimestamp = true;
                } else if ((header->cmsg_level == IPPROTO_IP && header->cmsg_type == IP_TTL)
                           || (header->cmsg_level == IPPROTO_IPV6 && header->cmsg_type == IPV6_HOPLIMIT)) {
                    int value = 0;
                    std::memcpy(&value, CMSG_DATA(header), sizeof value);
                    hopLimit = value;
                }
            }
            const quint8 *packet = buffer;
            qsizetype length = received;
            if (family == AF_INET && icmp.type == IcmpSocketMode::Raw) {
                // Raw IPv4 sockets hand over the IP header too.
                if (length < 20 || (packet[0] >> 4) != 4)
                    continue;
                const int headerLength = (packet[0] & 0x0F) * 4;
                if (headerLength < 20 || headerLength > length)
                    continue;
                hopLimit = packet[8];
                packet += headerLength;
                length -= headerLength;
            }
            if (length < IcmpHeaderBytes + qsizetype(sizeof IcmpMagic) + 8)
                continue;
            if (packet[0] != (family == AF_INET6 ? Icmp6EchoReply : IcmpEchoReply) || packet[1] != 0)
                continue;
            if (icmp.type == IcmpSocketMode::Raw && qFromBigEndian<quint16>(packet + 4) != m_icmpIdentifier)
                continue; // another process' ping
            if (std::memcmp(packet + IcmpHeaderBytes, IcmpMagic, sizeof IcmpMagic) != 0)
                continue;
            const quint64 token = qFromBigEndian<quint64>(packet + IcmpHeaderBytes + sizeof IcmpMagic);
            auto owner = m_icmpTokens.find(token);
            if (owner == m_icmpTokens.end())
                continue; // late reply to a probe that timed out
            auto it = m_slots.find(owner->second);
            if (it == m_slots.end() || it->second->icmpToken != token || it->second->attempt == 0) {
                m_icmpTokens.erase(owner);
                continue;
            }
            Slot &slot = *it->second;
            QHostAddress source;
            source.setAddress(reinterpret_cast<const sockaddr *>(&from));
            if (source.isNull() || !source.isEqual(slot.resolved, QHostAddress::TolerantConversion)) {
                // Link-local replies come back with a scope; compare the address only.
                QHostAddress unscoped = source;
                unscoped.setScopeId(QString());
                QHostAddress expected = slot.resolved;
                expected.setScopeId(QString());
                if (unscoped != expected)
                    continue;
            }
            double rtt = double(arrivedNs - slot.icmpSentNs) / 1e9;
            if (haveTimestamp) {
                const double kernel = double(arrived.tv_sec - slot.icmpSentRealtime.tv_sec)
                                      + double(arrived.tv_nsec - slot.icmpSentRealtime.tv_nsec) / 1e9;
                if (kernel >= 0 && kernel <= rtt)
                    rtt = kernel;
            }
            Outcome outcome;
            outcome.success = true;
            outcome.roundTripSeconds = rtt;
            outcome.values.append({"probe_icmp_rtt_seconds", rtt});
            if (hopLimit >= 0)
                outcome.values.append({"probe_icmp_reply_hop_limit", double(hopLimit)});
            finish(slot, std::move(outcome));
        }
    }

    // --- TCP ----------------------------------------------------------------------------------

    void beginTcp(Slot &slot)
    {
        auto *socket = new QTcpSocket(this);
        socket->setProxy(QNetworkProxy::NoProxy);
        slot.tcp = socket;
        const quint64 key = slot.key;
        const quint64 attempt = slot.attempt;
        connect(socket, &QTcpSocket::connected, this, [this, key, attempt] {
            Slot *current = find(key, attempt);
            if (!current)
                return;
            const double seconds = double(nowNs() - current->connectStartNs) / 1e9;
            Outcome outcome;
            outcome.success = true;
            outcome.roundTripSeconds = seconds;
            outcome.values.append({"probe_tcp_connect_seconds", seconds});
            finish(*current, std::move(outcome));
        });
        connect(socket, &QAbstractSocket::errorOccurred, this, [this, key, attempt, socket](QAbstractSocket::SocketError) {
            Slot *current = find(key, attempt);
            if (!current)
                return;
            Outcome outcome;
            outcome.error = QStringLiteral("cannot connect to %1 port %2: %3")
                                .arg(current->resolved.toString())
                                .arg(current->endpoint.port)
                                .arg(socket->errorString());
            finish(*current, std::move(outcome));
        });
        slot.stage = QStringLiteral("connecting to %1 port %2").arg(slot.resolved.toString()).arg(slot.endpoint.port);
        slot.connectStartNs = nowNs();
        socket->connectToHost(slot.resolved, slot.endpoint.port);
    }

    // --- DNS ----------------------------------------------------------------------------------

    void beginDns(Slot &slot)
    {
        slot.dnsId = quint16(QRandomGenerator::global()->bounded(0x10000));
        auto query = DnsCodec::encodeQuery(slot.dnsId, slot.target.dnsQueryName, slot.target.dnsQueryType);
        Outcome failed;
        const QString server = QStringLiteral("%1 port %2").arg(slot.resolved.toString()).arg(slot.endpoint.port);
        if (!query) {
            failed.error = query.error();
            finish(slot, std::move(failed));
            return;
        }
        // A plain connected UDP socket: the kernel drops datagrams from anyone but the server,
        // and an ICMP port unreachable comes back as ECONNREFUSED (QUdpSocket swallows it).
        sockaddr_storage address;
        const socklen_t addressLength = socketAddressOf(slot.resolved, slot.endpoint.port, &address);
        const int fd = ::socket(address.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            failed.error = QStringLiteral("cannot open a UDP socket: %1").arg(systemError(errno));
            finish(slot, std::move(failed));
            return;
        }
        slot.dnsFd = fd;
        if (::connect(fd, reinterpret_cast<sockaddr *>(&address), addressLength) != 0) {
            failed.error = QStringLiteral("cannot reach DNS server %1: %2").arg(server, systemError(errno));
            finish(slot, std::move(failed));
            return;
        }
        slot.dnsNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        const quint64 key = slot.key;
        const quint64 attempt = slot.attempt;
        connect(slot.dnsNotifier, &QSocketNotifier::activated, this, [this, key, attempt] {
            if (Slot *current = find(key, attempt))
                readDns(*current);
        });
        slot.stage = QStringLiteral("waiting for a DNS response from %1").arg(server);
        slot.dnsSentNs = nowNs();
        if (::send(fd, query->constData(), size_t(query->size()), 0) != ssize_t(query->size())) {
            failed.error = QStringLiteral("cannot send a DNS query to %1: %2").arg(server, systemError(errno));
            finish(slot, std::move(failed));
        }
    }

    void readDns(Slot &slot)
    {
        char buffer[DnsCodec::MaximumUdpMessageBytes];
        const ssize_t received = ::recv(slot.dnsFd, buffer, sizeof buffer, MSG_DONTWAIT | MSG_TRUNC);
        if (received < 0) {
            const int error = errno;
            if (error == EAGAIN || error == EWOULDBLOCK || error == EINTR)
                return;
            Outcome outcome;
            outcome.error = QStringLiteral("DNS query to %1 port %2 failed: %3")
                                .arg(slot.resolved.toString())
                                .arg(slot.endpoint.port)
                                .arg(error == ECONNREFUSED ? QStringLiteral("connection refused (nothing listens on that UDP port)")
                                                           : systemError(error));
            finish(slot, std::move(outcome));
            return;
        }
        if (received > ssize_t(sizeof buffer)) {
            Outcome outcome;
            outcome.error = QStringLiteral("the DNS response is %1 bytes, larger than %2").arg(received).arg(sizeof buffer);
            finish(slot, std::move(outcome));
            return;
        }
        dnsAnswered(slot, QByteArray(buffer, int(received)));
    }

    void dnsAnswered(Slot &slot, const QByteArray &wire)
    {
        const double rtt = double(nowNs() - slot.dnsSentNs) / 1e9;
        auto response = DnsCodec::decodeResponse(wire, slot.dnsId, slot.target.dnsQueryName, slot.target.dnsQueryType);
        Outcome outcome;
        if (!response) {
            outcome.error = response.error();
            finish(slot, std::move(outcome));
            return;
        }
        const QList<int> valid = slot.target.dnsValidResponseCodes.isEmpty() ? QList<int>{DnsResponseCode::NoError}
                                                                              : slot.target.dnsValidResponseCodes;
        outcome.roundTripSeconds = rtt;
        outcome.values.append({"probe_dns_rtt_seconds", rtt});
        outcome.values.append({"probe_dns_rcode", double(response->responseCode)});
        outcome.values.append({"probe_dns_answer_count", double(response->answers.size())});
        outcome.values.append({"probe_dns_authority_count", double(response->authorities.size())});
        outcome.values.append({"probe_dns_additional_count", double(response->additionals.size())});
        outcome.success = valid.contains(response->responseCode);
        if (!outcome.success) {
            QStringList names;
            for (int code : valid)
                names.append(DnsCodec::responseCodeName(code));
            outcome.error = QStringLiteral("the server answered %1 (expected %2)")
                                .arg(DnsCodec::responseCodeName(response->responseCode), names.join(QLatin1String(", ")));
        }
        finish(slot, std::move(outcome));
    }

    // --- HTTP(S) ------------------------------------------------------------------------------

    void beginHttp(Slot &slot)
    {
        QNetworkRequest request(slot.endpoint.url);
        request.setRawHeader("User-Agent", QByteArray("Continuo/") + Continuo::Version + " (active probe)");
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        // Every probe measures a connection of its own, as blackbox does.
        request.setAttribute(QNetworkRequest::ConnectionCacheExpiryTimeoutSecondsAttribute, 0);
        if (slot.target.kind == ProbeKind::Https) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            if (!slot.target.caCertificates.isEmpty())
                tls.addCaCertificates(slot.target.caCertificates);
            if (slot.target.tlsVerification == TlsVerification::SkipVerify)
                tls.setPeerVerifyMode(QSslSocket::VerifyNone);
            request.setSslConfiguration(tls);
        }
        slot.firstByteNs = -1;
        slot.contentBytes = 0;
        slot.peerChain.clear();
        slot.stage = QStringLiteral("fetching %1").arg(slot.endpoint.url.toDisplayString());
        QNetworkReply *reply = m_manager->get(request);
        slot.reply = reply;
        const quint64 key = slot.key;
        const quint64 attempt = slot.attempt;
        connect(reply, &QNetworkReply::metaDataChanged, this, [this, key, attempt] {
            if (Slot *current = find(key, attempt); current && current->firstByteNs < 0)
                current->firstByteNs = nowNs();
        });
        connect(reply, &QNetworkReply::encrypted, this, [this, key, attempt, reply] {
            if (Slot *current = find(key, attempt))
                current->peerChain = reply->sslConfiguration().peerCertificateChain();
        });
        connect(reply, &QIODevice::readyRead, this, [this, key, attempt, reply] {
            Slot *current = find(key, attempt);
            if (!current)
                return;
            if (current->firstByteNs < 0)
                current->firstByteNs = nowNs();
            current->contentBytes += reply->skip(reply->bytesAvailable());
            if (current->contentBytes > HttpBodyLimitBytes) {
                Outcome outcome;
                outcome.error = QStringLiteral("the body is larger than %1 bytes").arg(HttpBodyLimitBytes);
                finish(*current, std::move(outcome));
            }
        });
        connect(reply, &QNetworkReply::finished, this, [this, key, attempt, reply] {
            if (Slot *current = find(key, attempt))
                httpFinished(*current, reply);
        });
    }

    void httpFinished(Slot &slot, QNetworkReply *reply)
    {
        slot.contentBytes += reply->skip(reply->bytesAvailable());
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError error = reply->error();
        if (slot.peerChain.isEmpty())
            slot.peerChain = reply->sslConfiguration().peerCertificateChain();
        Outcome outcome;
        const bool https = slot.endpoint.url.scheme() == QLatin1String("https");
        outcome.values.append({"probe_http_ssl", https && !slot.peerChain.isEmpty() ? 1.0 : 0.0});
        if (!slot.peerChain.isEmpty()) {
            qint64 earliest = std::numeric_limits<qint64>::max();
            for (const QSslCertificate &certificate : std::as_const(slot.peerChain))
                earliest = std::min(earliest, certificate.expiryDate().toSecsSinceEpoch());
            outcome.values.append({"probe_ssl_earliest_cert_expiry", double(earliest)});
            outcome.values.append({"probe_ssl_earliest_cert_expiry_remaining_seconds",
                                   double(earliest - QDateTime::currentSecsSinceEpoch())});
        }
        // Errors below 100 are the transport's (refused, TLS, closed mid-body); above, Qt maps
        // HTTP statuses to errors, which the expected codes judge instead.
        if (status == 0 || (error != QNetworkReply::NoError && error < QNetworkReply::ProxyConnectionRefusedError)) {
            outcome.error = QStringLiteral("GET %1 failed: %2").arg(slot.endpoint.url.toDisplayString(), reply->errorString());
            if (status != 0)
                outcome.values.append({"probe_http_status_code", double(status)});
            finish(slot, std::move(outcome));
            return;
        }
        outcome.values.append({"probe_http_status_code", double(status)});
        const double firstByte = double((slot.firstByteNs >= 0 ? slot.firstByteNs : nowNs()) - slot.startNs) / 1e9;
        outcome.values.append({"probe_http_first_byte_seconds", firstByte});
        outcome.values.append({"probe_http_content_length", double(slot.contentBytes)});
        outcome.roundTripSeconds = firstByte;
        const QList<int> &expected = slot.target.expectedStatusCodes;
        outcome.success = expected.isEmpty() ? (status >= 200 && status < 300) : expected.contains(status);
        if (!outcome.success) {
            QString wanted = QStringLiteral("2xx");
            if (!expected.isEmpty()) {
                QStringList codes;
                for (int code : expected)
                    codes.append(QString::number(code));
                wanted = codes.join(QLatin1String(", "));
            }
            outcome.error = QStringLiteral("GET %1 returned HTTP %2 (expected %3)")
                                .arg(slot.endpoint.url.toDisplayString())
                                .arg(status)
                                .arg(wanted);
        }
        finish(slot, std::move(outcome));
    }

    // --- results ------------------------------------------------------------------------------

    /// Release what the probe in flight holds, without a result.
    void abortAttempt(Slot &slot)
    {
        setDeadlineCleared(slot);
        if (slot.lookupId >= 0)
            QHostInfo::abortHostLookup(slot.lookupId);
        slot.lookupId = -1;
        if (QTcpSocket *socket = std::exchange(slot.tcp, nullptr)) {
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
        }
        if (QSocketNotifier *notifier = std::exchange(slot.dnsNotifier, nullptr)) {
            // Possibly inside its own activated(): disabled now, deleted later, then closed.
            notifier->setEnabled(false);
            notifier->disconnect(this);
            notifier->deleteLater();
        }
        if (slot.dnsFd >= 0)
            ::close(std::exchange(slot.dnsFd, -1));
        if (QNetworkReply *reply = slot.reply) {
            slot.reply = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        if (slot.icmpToken != 0)
            m_icmpTokens.erase(slot.icmpToken);
        slot.icmpToken = 0;
        slot.attempt = 0;
    }

    void finish(Slot &slot, Outcome outcome)
    {
        const double durationSeconds = double(nowNs() - slot.startNs) / 1e9;
        const qint64 timestamp = slot.startEpochMs;
        abortAttempt(slot);
        rearm();

        const auto sample = [&](const QString &metric, const Labels &labels, double value) {
            m_pending.append(SeriesBatch{metric, labels, {Sample{timestamp, value}}});
        };
        sample(QStringLiteral("probe_success"), slot.labels, outcome.success ? 1.0 : 0.0);
        sample(QStringLiteral("probe_duration_seconds"), slot.labels, durationSeconds);
        if (slot.lookupSeconds >= 0)
            sample(QStringLiteral("probe_dns_lookup_time_seconds"), slot.labels, slot.lookupSeconds);
        for (const auto &[metric, value] : std::as_const(outcome.values))
            sample(QLatin1String(metric), slot.labels, value);
        if (outcome.success && outcome.roundTripSeconds >= 0 && !slot.target.oneWayLatencyMetric.isEmpty()
            && (slot.target.kind == ProbeKind::Icmp || slot.target.kind == ProbeKind::Tcp)) {
            Labels labels = slot.target.labels;
            labels.insert(QStringLiteral("source"), QStringLiteral("measured"));
            labels.insert(QStringLiteral("kind"), kindName(slot.target.kind));
            sample(slot.target.oneWayLatencyMetric, labels, outcome.roundTripSeconds / 2.0);
        }
        if (!m_flush->isActive())
            m_flush->start();

        ProbeTargetStatus status;
        status.name = slot.name;
        status.kind = slot.target.kind;
        status.address = slot.target.address;
        status.health = outcome.success ? TargetHealth::Up : TargetHealth::Down;
        status.lastError = outcome.success ? QString() : outcome.error;
        status.lastProbeMs = timestamp;
        status.lastDurationSeconds = durationSeconds;
        status.lastRoundTripSeconds = outcome.success ? outcome.roundTripSeconds : -1.0;
        m_owner->recordProbe(status);
    }

    void flush()
    {
        if (m_pending.isEmpty())
            return;
        const QList<SeriesBatch> batches = std::exchange(m_pending, {});
        if (m_owner->m_sink)
            m_owner->m_sink(batches);
    }

    ActiveProber *m_owner;
    IcmpSocketMode m_icmpMode;
    quint16 m_icmpIdentifier = 0;
    QElapsedTimer m_clock;
    QNetworkAccessManager *m_manager = nullptr;
    QTimer *m_wake = nullptr;
    QTimer *m_flush = nullptr;
    quint64 m_nextKey = 0;
    quint64 m_nextAttempt = 0;
    std::unordered_map<quint64, std::unique_ptr<Slot>> m_slots;
    QHash<QString, quint64> m_keys;
    std::set<std::pair<qint64, quint64>> m_schedule;  ///< (next start, slot key)
    std::set<std::pair<qint64, quint64>> m_deadlines; ///< (deadline, slot key) of probes in flight
    std::unordered_map<quint64, quint64> m_icmpTokens; ///< echo token → slot key
    IcmpSocket m_icmp4;
    IcmpSocket m_icmp6{-1, AF_INET6};
    QList<SeriesBatch> m_pending;
};

} // namespace Internal

ActiveProber::ActiveProber(Sink sink, QObject *parent)
    : QObject(parent)
    , m_sink(std::move(sink))
{
    qRegisterMetaType<Continuo::ProbeTargetStatus>();
    m_thread.setObjectName(QStringLiteral("ActiveProber"));
}

ActiveProber::ActiveProber(IPluginHost *host, QObject *parent)
    : ActiveProber(Sink([host](const QList<SeriesBatch> &batches) { host->ingestSamples(batches); }), parent)
{
}

ActiveProber::~ActiveProber()
{
    stop();
}

Result<QString> ActiveProber::addTarget(const ProbeTarget &target)
{
    ProbeTarget accepted = target;
    if (accepted.kind == ProbeKind::Unknown)
        return makeError(QStringLiteral("probe target \"%1\" has no kind").arg(target.name.isEmpty() ? target.address : target.name));
    if (accepted.name.isEmpty())
        accepted.name = kindName(accepted.kind) + QLatin1String("://") + accepted.address;
    if (auto endpoint = endpointOf(accepted); !endpoint)
        return makeError(QStringLiteral("probe target \"%1\": %2").arg(accepted.name, endpoint.error()));
    if (accepted.interval.count() <= 0)
        return makeError(QStringLiteral("probe interval of \"%1\" must be positive").arg(accepted.name));
    if (accepted.timeout.count() <= 0 || accepted.timeout > accepted.interval)
        return makeError(QStringLiteral("probe timeout of \"%1\" must be positive and at most the interval (%2 ms)")
                             .arg(accepted.name)
                             .arg(accepted.interval.count()));
    if (m_targets.contains(accepted.name))
        return makeError(QStringLiteral("probe target \"%1\" is already configured").arg(accepted.name));
    const QString name = accepted.name;
    m_targets.insert(name, accepted);
    {
        QMutexLocker locker(&m_statusMutex);
        ProbeTargetStatus status;
        status.name = name;
        status.kind = accepted.kind;
        status.address = accepted.address;
        m_statuses.insert(name, status);
    }
    if (m_worker) {
        Internal::ProbeWorker *worker = m_worker;
        QMetaObject::invokeMethod(worker, [worker, name, accepted] { worker->addTarget(name, accepted); },
                                  Qt::QueuedConnection);
    }
    return name;
}

bool ActiveProber::removeTarget(const QString &name)
{
    if (!m_targets.remove(name))
        return false;
    if (m_worker) {
        Internal::ProbeWorker *worker = m_worker;
        QMetaObject::invokeMethod(worker, [worker, name] { worker->removeTarget(name); },
                                  Qt::BlockingQueuedConnection);
    }
    QMutexLocker locker(&m_statusMutex);
    m_statuses.remove(name);
    return true;
}

std::optional<ProbeTarget> ActiveProber::target(const QString &name) const
{
    auto it = m_targets.constFind(name);
    if (it == m_targets.cend())
        return std::nullopt;
    return *it;
}

QList<ProbeTargetStatus> ActiveProber::targetStatuses() const
{
    QMutexLocker locker(&m_statusMutex);
    return m_statuses.values();
}

std::optional<ProbeTargetStatus> ActiveProber::targetStatus(const QString &name) const
{
    QMutexLocker locker(&m_statusMutex);
    auto it = m_statuses.constFind(name);
    if (it == m_statuses.cend())
        return std::nullopt;
    return *it;
}

void ActiveProber::start()
{
    if (m_worker)
        return;
    m_worker = new Internal::ProbeWorker(this, m_icmpMode);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    Internal::ProbeWorker *worker = m_worker;
    const QHash<QString, ProbeTarget> targets = m_targets;
    QMetaObject::invokeMethod(worker, [worker, targets] {
        worker->initialise();
        for (auto it = targets.cbegin(); it != targets.cend(); ++it)
            worker->addTarget(it.key(), it.value());
    }, Qt::QueuedConnection);
}

void ActiveProber::stop()
{
    if (!m_worker)
        return;
    Internal::ProbeWorker *worker = m_worker;
    // Tear down on the worker's own thread: sockets, notifiers and the network manager belong to it.
    QMetaObject::invokeMethod(worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
    m_worker = nullptr;
    m_icmpInUse.store(IcmpSocketMode::Unknown);
}

void ActiveProber::recordProbe(const ProbeTargetStatus &probed)
{
    ProbeTargetStatus status;
    bool healthChanged = false;
    TargetHealth previous = TargetHealth::Unknown;
    {
        QMutexLocker locker(&m_statusMutex);
        auto it = m_statuses.find(probed.name);
        if (it == m_statuses.end())
            return; // removed meanwhile
        status = probed;
        status.probesTotal = it->probesTotal + 1;
        status.failedProbesTotal = it->failedProbesTotal + (probed.health == TargetHealth::Down ? 1 : 0);
        previous = it->health;
        healthChanged = it->health != status.health;
        *it = status;
    }
    // A thousand targets coming up is not news; a target going down, or back up, is.
    if (healthChanged && status.health == TargetHealth::Down)
        qCInfo(lcTelemetry).noquote() << "probe" << status.name << "fails:" << status.lastError;
    else if (healthChanged && previous == TargetHealth::Down)
        qCInfo(lcTelemetry).noquote() << "probe" << status.name << "succeeds again";
    Q_EMIT targetProbed(status);
}

} // namespace Continuo
