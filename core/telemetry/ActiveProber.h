#pragma once

#include "telemetry/DnsCodec.h"
#include "telemetry/PrometheusScraper.h"
#include "telemetry/Series.h"
#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QSslCertificate>
#include <QThread>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

namespace Continuo {

class IPluginHost;

namespace Internal {
class ProbeWorker;
}

/// What an active probe does.
enum class ProbeKind {
    Unknown,
    Icmp,  ///< ICMP (v4) / ICMPv6 echo request and reply.
    Tcp,   ///< A TCP connection is established (and closed at once).
    Http,  ///< GET a URL; judge the status code.
    Https, ///< As Http, over TLS; also reports the certificate chain's earliest expiry.
    Dns    ///< One UDP query to a given server and port; judge the response code.
};
CONTINUO_CORE_EXPORT QString toString(ProbeKind kind);
/// "icmp", "tcp", "http", "https", "dns"; Unknown otherwise.
CONTINUO_CORE_EXPORT ProbeKind probeKindFromString(const QString &text);

/// Certificate checking of https probes. Unknown counts as Verify.
enum class TlsVerification { Unknown, Verify, SkipVerify };

/// Which ICMP socket the prober opens. Unknown counts as Automatic: an unprivileged datagram
/// socket (`socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)`, allowed for the groups in
/// net.ipv4.ping_group_range), else a raw socket (needs CAP_NET_RAW).
enum class IcmpSocketMode { Unknown, Automatic, Datagram, Raw };
CONTINUO_CORE_EXPORT QString toString(IcmpSocketMode mode);

/// One thing to probe. Series carry the labels `target` (the name) and `kind` plus `labels`
/// (e.g. `link`, `from`, `to` for a probe that measures an inventory link).
struct ProbeTarget
{
    QString name; ///< Unique per prober; empty: "<kind>://<address>".
    ProbeKind kind = ProbeKind::Unknown;
    /// icmp: host or IP; tcp: host:port ([v6]:port); http/https: the URL; dns: server[:port]
    /// (port 53 by default).
    QString address;
    std::chrono::milliseconds interval{15000};
    std::chrono::milliseconds timeout{5000}; ///< At most the interval.
    Labels labels;

    // http/https
    QList<int> expectedStatusCodes; ///< Empty: any 2xx.
    TlsVerification tlsVerification = TlsVerification::Verify;
    QList<QSslCertificate> caCertificates; ///< Trusted in addition to the system's.

    // dns
    QString dnsQueryName;
    quint16 dnsQueryType = DnsType::A;
    QList<int> dnsValidResponseCodes;    ///< Empty: NOERROR only.

    /// When set, a good ICMP or TCP probe also emits half its round trip (the one-way latency)
    /// under this metric, with `labels` plus source="measured" and `kind`: e.g.
    /// `link_latency_seconds` (with a `link` label) for a probe across one inventory link,
    /// `path_latency_seconds` (with `from` and `to` endpoints) across several.
    QString oneWayLatencyMetric;

    /// A target from `kind://address[/...][?...]`: `icmp://10.0.0.2`, `tcp://127.0.0.1:22`,
    /// `http(s)://host[:port]/path`, `dns://SERVER[:PORT]/NAME[?type=AAAA&rcode=NOERROR,NXDOMAIN]`.
    CONTINUO_CORE_EXPORT static Result<ProbeTarget> fromUrl(const QString &text);
};

/// How a target is doing, as of its last probe.
struct ProbeTargetStatus
{
    QString name;
    ProbeKind kind = ProbeKind::Unknown;
    QString address;
    TargetHealth health = TargetHealth::Unknown; ///< Unknown until the first probe ends.
    QString lastError;                           ///< Empty after a good probe.
    qint64 lastProbeMs = 0;                      ///< Start of the last probe (epoch ms).
    double lastDurationSeconds = 0.0;
    /// Round trip of the last good ICMP/TCP/DNS probe, or time to first byte of HTTP; < 0: none.
    double lastRoundTripSeconds = -1.0;
    qint64 probesTotal = 0;
    qint64 failedProbesTotal = 0;
    bool operator==(const ProbeTargetStatus &) const = default;
};

/// Active probes, the Prometheus blackbox exporter's job built in: ICMP echo, TCP connect,
/// HTTP(S) GET and DNS queries against targets, each at its own interval, with the results as
/// series:
///
/// - every kind: `probe_success` (0/1), `probe_duration_seconds`, and
///   `probe_dns_lookup_time_seconds` when a host name had to be resolved;
/// - icmp: `probe_icmp_rtt_seconds`, `probe_icmp_reply_hop_limit`;
/// - tcp: `probe_tcp_connect_seconds`;
/// - http/https: `probe_http_status_code`, `probe_http_first_byte_seconds`,
///   `probe_http_content_length`, `probe_http_ssl`, and for TLS `probe_ssl_earliest_cert_expiry`
///   (Unix seconds, as blackbox) and `probe_ssl_earliest_cert_expiry_remaining_seconds`;
/// - dns: `probe_dns_rtt_seconds`, `probe_dns_rcode`, `probe_dns_answer_count`,
///   `probe_dns_authority_count`, `probe_dns_additional_count`;
/// - with ProbeTarget::oneWayLatencyMetric set: that metric = RTT / 2, {source="measured",...}.
///
/// All probes run on one thread of the prober's own, driven by its event loop: sockets and
/// notifiers, no thread per target and no blocking call, so a slow or silent target delays
/// nobody. One ICMP socket per address family serves every ICMP target (replies are matched by
/// a token in the payload); one scheduler timer drives all targets, so thousands of targets cost
/// thousands of heap entries, not thousands of timers. Samples are stamped with the probe's
/// start and delivered in small batches.
class CONTINUO_CORE_EXPORT ActiveProber : public QObject
{
    Q_OBJECT
public:
    /// Called on the prober's thread with finished probes' series: must be thread-safe
    /// (TelemetryHub::ingest and IPluginHost::ingestSamples are).
    using Sink = std::function<void(const QList<SeriesBatch> &batches)>;

    explicit ActiveProber(Sink sink, QObject *parent = nullptr);
    /// Delivers to host->ingestSamples(); the host must outlive the prober.
    explicit ActiveProber(IPluginHost *host, QObject *parent = nullptr);
    ~ActiveProber() override;

    /// Before start(): which ICMP socket to open.
    void setIcmpSocketMode(IcmpSocketMode mode) { m_icmpMode = mode; }
    /// The ICMP socket type opened for IPv4 (Datagram or Raw), or Unknown before the first ICMP
    /// probe or when none could be opened. Thread-safe.
    IcmpSocketMode icmpSocketInUse() const { return m_icmpInUse.load(); }

    // Targets are added and removed from the thread that owns the prober.

    /// Adds a target (probed first within a second of the prober running); returns its name.
    Result<QString> addTarget(const ProbeTarget &target);
    bool removeTarget(const QString &name);
    QStringList targetNames() const { return m_targets.keys(); }
    std::optional<ProbeTarget> target(const QString &name) const;

    /// Thread-safe snapshots.
    QList<ProbeTargetStatus> targetStatuses() const;
    std::optional<ProbeTargetStatus> targetStatus(const QString &name) const;

    void start();
    /// Aborts probes in flight; no sink call happens after stop() returns.
    void stop();
    bool isRunning() const { return m_worker != nullptr; }

Q_SIGNALS:
    /// After every probe of a target, good or bad (emitted from the prober's thread).
    void targetProbed(const Continuo::ProbeTargetStatus &status);

private:
    friend class Internal::ProbeWorker;
    void recordProbe(const ProbeTargetStatus &status);

    Sink m_sink;
    IcmpSocketMode m_icmpMode = IcmpSocketMode::Automatic;
    std::atomic<IcmpSocketMode> m_icmpInUse{IcmpSocketMode::Unknown};
    QThread m_thread;
    Internal::ProbeWorker *m_worker = nullptr;
    QHash<QString, ProbeTarget> m_targets; ///< Owner's thread only; copied to the worker.
    mutable QMutex m_statusMutex;
    QHash<QString, ProbeTargetStatus> m_statuses;
};

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::ProbeTargetStatus)
