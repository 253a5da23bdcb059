#pragma once

#include "network/IntReport.h"
#include "telemetry/Series.h"
#include "util/Result.h"

#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace Continuo {

/// Per-(switch, flow) hop latency over one tumbling window.
struct IntFlowWindow
{
    quint32 switchId = 0;
    quint32 flowId = 0;
    qint64 windowStartMs = 0; ///< System clock (ms since the epoch), a multiple of windowMs.
    qint64 windowMs = 0;
    quint64 count = 0; ///< Postcards in the window.
    double avgNs = 0.0;
    quint64 maxNs = 0;
    quint64 p99Ns = 0; ///< Nearest-rank p99 from the histogram: within 6.25 %.
    quint32 maxQueueOccupancy = 0;
    bool operator==(const IntFlowWindow &) const = default;
};

/// Metric names IntCollector::toSeriesBatches() writes (labels switch, flow).
namespace Metrics {
inline constexpr auto IntHopLatencyAvgSeconds = "int_hop_latency_avg_seconds";
inline constexpr auto IntHopLatencyMaxSeconds = "int_hop_latency_max_seconds";
inline constexpr auto IntHopLatencyP99Seconds = "int_hop_latency_p99_seconds";
inline constexpr auto IntPostcards = "int_postcards"; ///< Postcards per window.
} // namespace Metrics
namespace MetricLabels {
inline constexpr auto Switch = "switch";
inline constexpr auto Flow = "flow";
} // namespace MetricLabels

/// Aggregates postcards per (switch id, flow id) in tumbling windows: count, average, maximum,
/// p99 and the largest queue occupancy. Not thread-safe: one thread feeds it (the collector's).
///
/// add() is O(1): an open-addressing hash lookup and one histogram bucket increment. The
/// histogram is log-linear: values below 8 ns exactly, above in 8 sub-buckets per power of
/// two; p99 reports the bucket midpoint clamped to the maximum, so it is within 1/16 (6.25 %)
/// of the true nearest-rank p99. Bucket blocks (32 B per power of two a key touches) come from
/// a pool reset at each window: a key costs 160 B of stats + ~12 B of hash table + 32 B per
/// octave, ≈ 250 B for a typical latency spread, so 100k keys take ≈ 25 MB and maxKeys bounds
/// the total. Closing a window is O(keys). Keys idle for idleWindowsBeforeEviction closed
/// windows are dropped.
class CONTINUO_CORE_EXPORT IntWindowAggregator
{
public:
    struct Options
    {
        qint64 windowMs = 1000;
        int idleWindowsBeforeEviction = 3;
        int maxKeys = 1 << 18; ///< Postcards of further new keys are dropped and counted.
    };
    IntWindowAggregator();
    explicit IntWindowAggregator(const Options &options);
    ~IntWindowAggregator();
    IntWindowAggregator(IntWindowAggregator &&) noexcept;
    IntWindowAggregator &operator=(IntWindowAggregator &&) noexcept;

    /// Add postcards received at nowMs (system clock). When nowMs is past the open window, the
    /// open window is closed first and its windows appended to *closed (if given).
    void add(const IntPostcard *postcards, int count, qint64 nowMs,
             QList<IntFlowWindow> *closed = nullptr);
    /// Close the open window if nowMs is past it; returns its windows (keys with postcards).
    QList<IntFlowWindow> advance(qint64 nowMs);
    /// Close the open window now whatever the time (stop, tests).
    QList<IntFlowWindow> flush();
    /// End of the open window (ms since the epoch), or 0 when none is open.
    qint64 openWindowEndMs() const;
    int keyCount() const;
    /// Postcards dropped because maxKeys keys were already tracked.
    quint64 overflowDrops() const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};

struct IntCollectorOptions
{
    QString bindAddress = QStringLiteral("127.0.0.1"); ///< IPv4 or IPv6 literal.
    quint16 port = 0;                                  ///< 0: a free port.
    IntTimestampUnit timestampUnit = IntTimestampUnit::Nanoseconds;
    std::chrono::milliseconds window{1000};
    int batchSize = 64;                        ///< Datagrams per recvmmsg().
    int receiveBufferBytes = 16 * 1024 * 1024; ///< SO_RCVBUF asked for (the kernel may cap it).
    int idleWindowsBeforeEviction = 3;
    int maxKeys = 1 << 18; ///< (switch, flow) keys tracked at most.
};

/// Counters of a collector; a snapshot, read from any thread.
struct IntCollectorCounters
{
    quint64 datagrams = 0;
    quint64 postcards = 0; ///< Decoded.
    quint64 malformed = 0; ///< Datagrams rejected (in part or whole).
    IntDecodeError lastMalformedReason = IntDecodeError::None;
    quint64 kernelDrops = 0;   ///< Datagrams the socket dropped (SO_RXQ_OVFL), since start().
    quint64 overflowDrops = 0; ///< Postcards not aggregated: too many (switch, flow) keys.
    quint64 windows = 0;       ///< IntFlowWindows handed to the window sink.
    /// CPU time of the collector thread (receive, decode, sinks, aggregation), since start();
    /// per-core throughput is postcards / threadCpuNs.
    quint64 threadCpuNs = 0;
    quint64 receiveCalls =
        0; ///< recvmmsg() calls that returned datagrams (datagrams / this = fill).
};

/// INT postcard collector: a UDP socket read with recvmmsg() on its own thread, Telemetry
/// Report v2.0 decoding, a postcard sink and per-(switch, flow) windows.
///
/// Per datagram: one decode (no allocation); per batch: one steady and one system clock read
/// (receivedNs is the batch's receive time), one postcard sink call, the aggregation, relaxed
/// counter updates. Windows close on the first batch past their end or on a poll timeout set to
/// the window end, so the window sink runs within a few ms of the boundary even without traffic.
class CONTINUO_CORE_EXPORT IntCollector
{
public:
    /// Called on the collector thread for each batch; keep it cheap (the SLA monitor hangs here).
    using PostcardSink = std::function<void(const IntPostcard *postcards, int count)>;
    /// Called on the collector thread with the windows that just closed (each at most once).
    using WindowSink = std::function<void(const QList<IntFlowWindow> &windows)>;

    explicit IntCollector(IntCollectorOptions options = {});
    ~IntCollector(); ///< Stops.
    IntCollector(const IntCollector &) = delete;
    IntCollector &operator=(const IntCollector &) = delete;

    /// Set before start(); not while running.
    void setPostcardSink(PostcardSink sink);
    void setWindowSink(WindowSink sink);

    /// Bind the socket and start the thread; returns the bound port. Fails with the socket
    /// error (address in use, bad address) or when already running.
    Result<quint16> start();
    /// Stop the thread, close the open window (its windows go to the window sink) and the
    /// socket. Blocks for at most one batch. Idempotent; start() may be called again.
    void stop();
    bool isRunning() const;
    quint16 port() const;
    /// SO_RCVBUF the kernel granted (0 when not running).
    int receiveBufferBytes() const;
    const IntCollectorOptions &options() const;
    IntCollectorCounters counters() const;

    /// The four series of each window (int_hop_latency_{avg,max,p99}_seconds, int_postcards),
    /// labelled switch=switchName(id) (the id in decimal when switchName is empty or returns an
    /// empty string) and flow=<flow id>; one sample per window at its end time. Windows of the
    /// same key share a batch. O(windows).
    static QList<SeriesBatch>
    toSeriesBatches(const QList<IntFlowWindow> &windows,
                    const std::function<QString(quint32)> &switchName = {});

private:
    void run();

    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace Continuo
