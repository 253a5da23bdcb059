#include "network/IntCollector.h"

#include <QHash>
#include <QHostAddress>
#include <QLoggingCategory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <thread>

namespace Continuo {

namespace Internal {
Q_LOGGING_CATEGORY(lcIntCollector, "continuo.network.int")
} // namespace Internal
using Internal::lcIntCollector;

// --- IntWindowAggregator ---------------------------------------------------------------------

namespace {

/// Octave 0 holds 0..7 ns exactly; octave k ≥ 1 holds [2^(k+2), 2^(k+3)) in 8 sub-buckets.
/// 30 octaves cover every quint32 value.
constexpr int Octaves = 30;
constexpr int SubBuckets = 8;
using Block = std::array<quint32, SubBuckets>;

struct KeyStats
{
    quint64 key = 0;
    quint64 count = 0;
    quint64 sumNs = 0;
    quint64 maxNs = 0;
    quint32 maxQueue = 0;
    quint32 idleWindows = 0;
    quint32 blocks[Octaves] = {}; ///< Pool index + 1 of each octave's block; 0: none yet.
};

static_assert(sizeof(KeyStats) == 160, "the memory figure in IntCollector.h assumes 160 B");

inline void bucketOf(quint32 value, int &octave, int &sub)
{
    if (value < SubBuckets) {
        octave = 0;
        sub = int(value);
        return;
    }
    const int exponent = 31 - std::countl_zero(value); // 3..31
    octave = exponent - 2;
    sub = int((value >> (exponent - 3)) & (SubBuckets - 1));
}

/// Midpoint of a bucket: the estimate reported for values that fall in it.
inline quint64 bucketMidpoint(int octave, int sub)
{
    if (octave == 0)
        return quint64(sub);
    const int shift = octave - 1; // exponent - 3
    const quint64 lower = quint64(SubBuckets + sub) << shift;
    return lower + ((quint64(1) << shift) >> 1);
}

inline quint64 keyOf(quint32 switchId, quint32 flowId)
{
    return (quint64(switchId) << 32) | flowId;
}

} // namespace

struct IntWindowAggregator::Data
{
    Options options;
    std::vector<KeyStats> stats;
    std::vector<quint32> table; ///< Open addressing, linear probing: stats index + 1; 0 empty.
    quint64 mask = 0;
    std::vector<Block> pool; ///< Histogram blocks of the open window.
    qint64 openStartMs = 0;
    bool isOpen = false;
    quint64 overflowDrops = 0;
    quint64 lastKey = ~quint64(0);
    quint32 lastIndex = 0;

    static quint64 hash(quint64 key) { return key * 0x9E3779B97F4A7C15ull; }

    void rebuildTable(size_t wanted)
    {
        size_t size = 16;
        while (size < wanted * 2)
            size *= 2;
        table.assign(size, 0);
        mask = size - 1;
        for (size_t i = 0; i < stats.size(); ++i) {
            quint64 slot = (hash(stats[i].key) >> 20) & mask;
            while (table[slot])
                slot = (slot + 1) & mask;
            table[slot] = quint32(i + 1);
        }
        lastKey = ~quint64(0);
    }

    /// Index of the key's stats, inserting it; -1 when maxKeys are tracked already.
    qint64 find(quint64 key)
    {
        if (key == lastKey)
            return lastIndex;
        if (table.empty())
            rebuildTable(16);
        quint64 slot = (hash(key) >> 20) & mask;
        while (const quint32 entry = table[slot]) {
            if (stats[entry - 1].key == key) {
                lastKey = key;
                lastIndex = entry - 1;
                return lastIndex;
            }
            slot = (slot + 1) & mask;
        }
        if (stats.size() >= size_t(std::max(options.maxKeys, 1)))
            return -1;
        stats.push_back(KeyStats{});
        stats.back().key = key;
        const auto index = quint32(stats.size() - 1);
        if (stats.size() * 2 > table.size()) {
            rebuildTable(stats.size());
        } else {
            table[slot] = index + 1;
        }
        lastKey = key;
        lastIndex = index;
        return index;
    }

    void addOne(const IntPostcard &postcard)
    {
        const qint64 index = find(keyOf(postcard.switchId, postcard.flowId));
        if (index < 0) {
            ++overflowDrops;
            return;
        }
        KeyStats &s = stats[size_t(index)];
        const quint32 latency = postcard.hopLatencyNs;
        ++s.count;
        s.sumNs += latency;
        s.maxNs = std::max<quint64>(s.maxNs, latency);
        s.maxQueue = std::max(s.maxQueue, postcard.queueOccupancy);
        int octave = 0;
        int sub = 0;
        bucketOf(latency, octave, sub);
        if (!s.blocks[octave]) {
            pool.push_back(Block{});
            s.blocks[octave] = quint32(pool.size());
        }
        ++pool[s.blocks[octave] - 1][size_t(sub)];
    }

    quint64 p99(const KeyStats &s) const
    {
        const quint64 rank = (s.count * 99 + 99) / 100; // ceil(0.99 n), nearest rank
        quint64 seen = 0;
        for (int octave = 0; octave < Octaves; ++octave) {
            if (!s.blocks[octave])
                continue;
            const Block &block = pool[s.blocks[octave] - 1];
            for (int sub = 0; sub < SubBuckets; ++sub) {
                seen += block[size_t(sub)];
                if (seen >= rank)
                    return std::min(bucketMidpoint(octave, sub), s.maxNs);
            }
        }
        return s.maxNs;
    }

    QList<IntFlowWindow> close()
    {
        QList<IntFlowWindow> windows;
        if (!isOpen)
            return windows;
        isOpen = false;
        bool evicted = false;
        size_t kept = 0;
        for (size_t i = 0; i < stats.size(); ++i) {
            KeyStats &s = stats[i];
            if (s.count > 0) {
                IntFlowWindow w;
                w.switchId = quint32(s.key >> 32);
                w.flowId = quint32(s.key);
                w.windowStartMs = openStartMs;
                w.windowMs = options.windowMs;
                w.count = s.count;
                w.avgNs = double(s.sumNs) / double(s.count);
                w.maxNs = s.maxNs;
                w.p99Ns = p99(s);
                w.maxQueueOccupancy = s.maxQueue;
                windows.append(w);
                s.count = 0;
                s.sumNs = 0;
                s.maxNs = 0;
                s.maxQueue = 0;
                s.idleWindows = 0;
                std::fill(std::begin(s.blocks), std::end(s.blocks), 0u);
            } else if (++s.idleWindows >= quint32(std::max(options.idleWindowsBeforeEviction, 1))) {
                evicted = true;
                continue;
            }
            if (kept != i)
                stats[kept] = s;
            ++kept;
        }
        stats.resize(kept);
        pool.clear(); // keeps its capacity: no allocation in the next window
        if (evicted)
            rebuildTable(stats.size());
        return windows;
    }

    void open(qint64 nowMs)
    {
        const qint64 window = std::max<qint64>(options.windowMs, 1);
        openStartMs = nowMs - ((nowMs % window) + window) % window;
        isOpen = true;
    }
};

IntWindowAggregator::IntWindowAggregator()
    : IntWindowAggregator(Options{})
{
}

IntWindowAggregator::IntWindowAggregator(const Options &options)
    : d(std::make_unique<Data>())
{
    d->options = options;
    d->options.windowMs = std::max<qint64>(options.windowMs, 1);
}

IntWindowAggregator::~IntWindowAggregator() = default;
IntWindowAggregator::IntWindowAggregator(IntWindowAggregator &&) noexcept = default;
IntWindowAggregator &IntWindowAggregator::operator=(IntWindowAggregator &&) noexcept = default;

void IntWindowAggregator::add(const IntPostcard *postcards, int count, qint64 nowMs,
                              QList<IntFlowWindow> *closed)
{
    if (d->isOpen && nowMs >= openWindowEndMs()) {
        QList<IntFlowWindow> windows = d->close();
        if (closed)
            closed->append(std::move(windows));
    }
    if (count <= 0)
        return;
    if (!d->isOpen)
        d->open(nowMs);
    for (int i = 0; i < count; ++i)
        d->addOne(postcards[i]);
}

QList<IntFlowWindow> IntWindowAggregator::advance(qint64 nowMs)
{
    if (d->isOpen && nowMs >= openWindowEndMs())
        return d->close();
    return {};
}

QList<IntFlowWindow> IntWindowAggregator::flush()
{
    return d->close();
}

qint64 IntWindowAggregator::openWindowEndMs() const
{
    return d->isOpen ? d->openStartMs + d->options.windowMs : 0;
}

int IntWindowAggregator::keyCount() const
{
    return int(d->stats.size());
}

quint64 IntWindowAggregator::overflowDrops() const
{
    return d->overflowDrops;
}

// --- IntCollector ----------------------------------------------------------------------------

namespace {

/// Receive slot size: jumbo frames fit; larger datagrams are counted as truncated.
constexpr size_t SlotBytes = 9216;
/// A 1500-octet datagram holds at most 124 reports of the minimum 12 octets.
constexpr int MaxReportsPerDatagram = 128;
constexpr size_t ControlBytes = CMSG_SPACE(sizeof(quint32));

qint64 systemNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

quint64 steadyNowNs()
{
    return quint64(std::chrono::duration_cast<std::chrono::nanoseconds>(
                       std::chrono::steady_clock::now().time_since_epoch())
                       .count());
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

struct IntCollector::Data
{
    IntCollectorOptions options;
    PostcardSink postcardSink;
    WindowSink windowSink;
    std::thread thread;
    int socketFd = -1;
    int eventFd = -1;
    quint16 port = 0;
    int receiveBuffer = 0;
    std::atomic<bool> running{false};

    std::atomic<quint64> datagrams{0};
    std::atomic<quint64> postcards{0};
    std::atomic<quint64> malformed{0};
    std::atomic<int> lastMalformed{int(IntDecodeError::None)};
    std::atomic<quint64> kernelDrops{0};
    std::atomic<quint64> overflowDrops{0};
    std::atomic<quint64> windows{0};
    std::atomic<quint64> receiveCalls{0};
    std::atomic<quint64> finalCpuNs{0}; ///< Thread CPU time when it exited.
    std::atomic<bool> hasCpuClock{false};
    clockid_t cpuClock{};

    void closeFds()
    {
        if (socketFd >= 0)
            ::close(socketFd);
        if (eventFd >= 0)
            ::close(eventFd);
        socketFd = -1;
        eventFd = -1;
    }
};

IntCollector::IntCollector(IntCollectorOptions options)
    : d(std::make_unique<Data>())
{
    options.batchSize = std::clamp(options.batchSize, 1, 1024);
    if (options.window.count() < 1)
        options.window = std::chrono::milliseconds(1);
    d->options = std::move(options);
}

IntCollector::~IntCollector()
{
    stop();
}

void IntCollector::setPostcardSink(PostcardSink sink)
{
    Q_ASSERT(!isRunning());
    d->postcardSink = std::move(sink);
}

void IntCollector::setWindowSink(WindowSink sink)
{
    Q_ASSERT(!isRunning());
    d->windowSink = std::move(sink);
}

Result<quint16> IntCollector::start()
{
    if (d->thread.joinable())
        return makeError(QStringLiteral("INT collector already running on port %1").arg(d->port));
    const QString &address = d->options.bindAddress;
    QHostAddress host;
    if (!host.setAddress(address) || (host.protocol() != QAbstractSocket::IPv4Protocol &&
                                      host.protocol() != QAbstractSocket::IPv6Protocol))
        return makeError(
            QStringLiteral("INT collector bind address '%1' is not an IPv4 or IPv6 address")
                .arg(address));

    sockaddr_storage storage{};
    socklen_t length = 0;
    if (host.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(d->options.port);
        in->sin_addr.s_addr = htonl(host.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(d->options.port);
        const Q_IPV6ADDR bytes = host.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, 16);
        in6->sin6_scope_id = host.scopeId().toUInt();
        length = sizeof(sockaddr_in6);
    }

    const QString where = QStringLiteral("%1:%2").arg(address).arg(d->options.port);
    d->socketFd = ::socket(storage.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (d->socketFd < 0)
        return makeError(
            QStringLiteral("cannot create the INT collector socket: %1").arg(errnoText(errno)));
    // SO_RCVBUFFORCE passes rmem_max with CAP_NET_ADMIN; otherwise the capped SO_RCVBUF.
    const int wanted = std::max(d->options.receiveBufferBytes, 0);
    if (wanted > 0 &&
        ::setsockopt(d->socketFd, SOL_SOCKET, SO_RCVBUFFORCE, &wanted, sizeof wanted) != 0)
        ::setsockopt(d->socketFd, SOL_SOCKET, SO_RCVBUF, &wanted, sizeof wanted);
    const int on = 1;
    ::setsockopt(d->socketFd, SOL_SOCKET, SO_RXQ_OVFL, &on, sizeof on);
    if (::bind(d->socketFd, reinterpret_cast<sockaddr *>(&storage), length) != 0) {
        const int error = errno;
        d->closeFds();
        return makeError(
            QStringLiteral("cannot bind the INT collector to %1: %2").arg(where, errnoText(error)));
    }
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof bound;
    ::getsockname(d->socketFd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
    d->port = bound.ss_family == AF_INET6
                  ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
                  : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    socklen_t optionLength = sizeof d->receiveBuffer;
    ::getsockopt(d->socketFd, SOL_SOCKET, SO_RCVBUF, &d->receiveBuffer, &optionLength);

    d->eventFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (d->eventFd < 0) {
        const int error = errno;
        d->closeFds();
        return makeError(QStringLiteral("cannot create the INT collector's stop event: %1")
                             .arg(errnoText(error)));
    }

    d->datagrams = 0;
    d->postcards = 0;
    d->malformed = 0;
    d->lastMalformed = int(IntDecodeError::None);
    d->kernelDrops = 0;
    d->overflowDrops = 0;
    d->windows = 0;
    d->receiveCalls = 0;
    d->finalCpuNs = 0;
    d->hasCpuClock = false;
    d->running = true;
    d->thread = std::thread([this] { run(); });
    d->hasCpuClock = ::pthread_getcpuclockid(d->thread.native_handle(), &d->cpuClock) == 0;
    qCDebug(lcIntCollector, "INT collector listening on %s:%u (receive buffer %d bytes)",
            qPrintable(address), unsigned(d->port), d->receiveBuffer);
    return d->port;
}

void IntCollector::stop()
{
    if (!d->thread.joinable())
        return;
    const quint64 one = 1;
    if (::write(d->eventFd, &one, sizeof one) != ssize_t(sizeof one))
        qCWarning(lcIntCollector, "cannot signal the INT collector thread: %s",
                  std::strerror(errno));
    d->hasCpuClock = false; // the clock dies with the thread; finalCpuNs holds its last value
    d->thread.join();
    d->closeFds();
    d->running = false;
    d->receiveBuffer = 0;
}

bool IntCollector::isRunning() const
{
    return d->running.load(std::memory_order_acquire);
}

quint16 IntCollector::port() const
{
    return d->port;
}

int IntCollector::receiveBufferBytes() const
{
    return d->receiveBuffer;
}

const IntCollectorOptions &IntCollector::options() const
{
    return d->options;
}

IntCollectorCounters IntCollector::counters() const
{
    IntCollectorCounters c;
    c.datagrams = d->datagrams.load(std::memory_order_relaxed);
    c.postcards = d->postcards.load(std::memory_order_relaxed);
    c.malformed = d->malformed.load(std::memory_order_relaxed);
    c.lastMalformedReason = IntDecodeError(d->lastMalformed.load(std::memory_order_relaxed));
    c.kernelDrops = d->kernelDrops.load(std::memory_order_relaxed);
    c.overflowDrops = d->overflowDrops.load(std::memory_order_relaxed);
    c.windows = d->windows.load(std::memory_order_relaxed);
    c.receiveCalls = d->receiveCalls.load(std::memory_order_relaxed);
    c.threadCpuNs = d->finalCpuNs.load(std::memory_order_relaxed);
    timespec cpu{};
    if (d->hasCpuClock.load() && ::clock_gettime(d->cpuClock, &cpu) == 0)
        c.threadCpuNs = quint64(cpu.tv_sec) * 1'000'000'000ull + quint64(cpu.tv_nsec);
    return c;
}

void IntCollector::run()
{
    const int batch = d->options.batchSize;
    const IntDecodeOptions decodeOptions{d->options.timestampUnit};
    IntWindowAggregator::Options aggregatorOptions;
    aggregatorOptions.windowMs = d->options.window.count();
    aggregatorOptions.idleWindowsBeforeEviction = d->options.idleWindowsBeforeEviction;
    aggregatorOptions.maxKeys = d->options.maxKeys;
    IntWindowAggregator aggregator(aggregatorOptions);

    std::vector<char> buffers(size_t(batch) * SlotBytes);
    std::vector<char> controls(size_t(batch) * ControlBytes);
    std::vector<iovec> iovs(static_cast<size_t>(batch));
    std::vector<mmsghdr> messages(static_cast<size_t>(batch));
    for (int i = 0; i < batch; ++i) {
        iovs[size_t(i)] = {buffers.data() + size_t(i) * SlotBytes, SlotBytes};
        messages[size_t(i)].msg_hdr.msg_iov = &iovs[size_t(i)];
        messages[size_t(i)].msg_hdr.msg_iovlen = 1;
    }
    // Flushed to the sinks before a datagram could overflow it.
    std::vector<IntPostcard> postcards(size_t(batch) * 2 + MaxReportsPerDatagram);
    const int capacity = int(postcards.size());

    QList<IntFlowWindow> closed;
    auto emitWindows = [this, &closed] {
        if (closed.isEmpty())
            return;
        d->windows.fetch_add(quint64(closed.size()), std::memory_order_relaxed);
        if (d->windowSink)
            d->windowSink(closed);
        closed.clear();
    };
    auto deliver = [&](int count, qint64 nowMs) {
        if (count <= 0)
            return;
        if (d->postcardSink)
            d->postcardSink(postcards.data(), count);
        aggregator.add(postcards.data(), count, nowMs, &closed);
        d->postcards.fetch_add(quint64(count), std::memory_order_relaxed);
    };

    pollfd fds[2] = {{d->socketFd, POLLIN, 0}, {d->eventFd, POLLIN, 0}};
    for (;;) {
        const qint64 end = aggregator.openWindowEndMs();
        const int timeout = end ? int(std::clamp<qint64>(end - systemNowMs() + 1, 0, 1000)) : 1000;
        const int ready = ::poll(fds, 2, timeout);
        if (ready < 0 && errno != EINTR) {
            qCWarning(lcIntCollector, "INT collector poll failed: %s", std::strerror(errno));
            break;
        }
        if (fds[1].revents)
            break;
        if (ready > 0 && (fds[0].revents & POLLIN)) {
            // Bounded rounds so that window closing and stop are checked under full load.
            for (int round = 0; round < 64; ++round) {
                for (int i = 0; i < batch; ++i) {
                    msghdr &header = messages[size_t(i)].msg_hdr;
                    header.msg_control = controls.data() + size_t(i) * ControlBytes;
                    header.msg_controllen = ControlBytes;
                    header.msg_flags = 0;
                }
                const int received = ::recvmmsg(d->socketFd, messages.data(), unsigned(batch),
                                                MSG_DONTWAIT, nullptr);
                if (received <= 0) {
                    if (received < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                        qCWarning(lcIntCollector, "INT collector recvmmsg failed: %s",
                                  std::strerror(errno));
                    break;
                }
                const quint64 receivedNs = steadyNowNs();
                const qint64 nowMs = systemNowMs();
                if (aggregator.openWindowEndMs() && nowMs >= aggregator.openWindowEndMs())
                    closed.append(aggregator.advance(nowMs));
                int count = 0;
                quint64 malformed = 0;
                IntDecodeError lastError = IntDecodeError::None;
                for (int i = 0; i < received; ++i) {
                    const msghdr &header = messages[size_t(i)].msg_hdr;
                    for (cmsghdr *cmsg = CMSG_FIRSTHDR(&header); cmsg;
                         cmsg = CMSG_NXTHDR(const_cast<msghdr *>(&header), cmsg)) {
                        if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SO_RXQ_OVFL) {
                            quint32 drops = 0;
                            std::memcpy(&drops, CMSG_DATA(cmsg), sizeof drops);
                            d->kernelDrops.store(drops, std::memory_order_relaxed);
                        }
                    }
                    if (header.msg_flags & MSG_TRUNC) {
                        ++malformed;
                        lastError = IntDecodeError::DatagramTruncated;
                        continue;
                    }
                    if (capacity - count < MaxReportsPerDatagram) {
                        deliver(count, nowMs);
                        count = 0;
                    }
                    IntDecodeError error = IntDecodeError::None;
                    const int decoded = decodeReportGroup(
                        buffers.data() + size_t(i) * SlotBytes, messages[size_t(i)].msg_len,
                        decodeOptions, postcards.data() + count, MaxReportsPerDatagram, &error);
                    for (int j = count; j < count + decoded; ++j)
                        postcards[size_t(j)].receivedNs = receivedNs;
                    count += decoded;
                    if (error != IntDecodeError::None) {
                        ++malformed;
                        lastError = error;
                    }
                }
                deliver(count, nowMs);
                d->datagrams.fetch_add(quint64(received), std::memory_order_relaxed);
                d->receiveCalls.fetch_add(1, std::memory_order_relaxed);
                if (malformed) {
                    d->malformed.fetch_add(malformed, std::memory_order_relaxed);
                    d->lastMalformed.store(int(lastError), std::memory_order_relaxed);
                }
                d->overflowDrops.store(aggregator.overflowDrops(), std::memory_order_relaxed);
                emitWindows();
                if (received < batch)
                    break;
            }
        }
        closed.append(aggregator.advance(systemNowMs()));
        emitWindows();
    }
    closed.append(aggregator.flush());
    emitWindows();
    timespec cpu{};
    if (::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu) == 0)
        d->finalCpuNs = quint64(cpu.tv_sec) * 1'000'000'000ull + quint64(cpu.tv_nsec);
}

QList<SeriesBatch> IntCollector::toSeriesBatches(const QList<IntFlowWindow> &windows,
                                                 const std::function<QString(quint32)> &switchName)
{
    QList<SeriesBatch> batches;
    QHash<quint64, qsizetype> firstBatch; // key → index of its four batches
    QHash<quint32, QString> names;
    for (const IntFlowWindow &w : windows) {
        const quint64 key = keyOf(w.switchId, w.flowId);
        auto found = firstBatch.constFind(key);
        qsizetype at = 0;
        if (found == firstBatch.cend()) {
            auto name = names.constFind(w.switchId);
            if (name == names.cend()) {
                QString text = switchName ? switchName(w.switchId) : QString();
                if (text.isEmpty())
                    text = QString::number(w.switchId);
                name = names.insert(w.switchId, text);
            }
            Labels labels;
            labels.insert(QString::fromLatin1(MetricLabels::Switch), *name);
            labels.insert(QString::fromLatin1(MetricLabels::Flow), QString::number(w.flowId));
            at = batches.size();
            firstBatch.insert(key, at);
            for (const char *metric :
                 {Metrics::IntHopLatencyAvgSeconds, Metrics::IntHopLatencyMaxSeconds,
                  Metrics::IntHopLatencyP99Seconds, Metrics::IntPostcards}) {
                SeriesBatch batch;
                batch.metric = QString::fromLatin1(metric);
                batch.labels = labels;
                batches.append(std::move(batch));
            }
        } else {
            at = *found;
        }
        const qint64 t = w.windowStartMs + w.windowMs;
        batches[at].samples.append({t, w.avgNs / 1e9});
        batches[at + 1].samples.append({t, double(w.maxNs) / 1e9});
        batches[at + 2].samples.append({t, double(w.p99Ns) / 1e9});
        batches[at + 3].samples.append({t, double(w.count)});
    }
    return batches;
}

} // namespace Continuo
