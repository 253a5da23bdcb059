#pragma once

// bench_p4's INT collector figures (issue 7):
//   int_postcards_per_s_per_core: single-report datagrams blasted over UDP on 127.0.0.1 by two
//     sender threads (sendmmsg, 64 per call); postcards decoded + aggregated divided by the
//     collector thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so it is per core whatever the
//     sender takes. 1,000 (switch, flow) keys, BRAINE default metadata (48-octet datagrams).
//   int_decode_per_s: the same datagrams decoded (decodeReportGroup) and aggregated
//     (IntWindowAggregator) in memory, batches of 64, one thread.
//   int_collector_loss_pct: datagrams sent but not received, paced at 333k postcards/s for 2 s
//     (the BRAINE paper's load: 1 Gb/s of 1500 B packets over 4 switches).

#include "network/IntCollector.h"

#include <QDeadlineTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>
#include <vector>

namespace Continuo::Bench {

namespace IntFigures {

inline quint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return quint64(t.tv_sec) * 1'000'000'000ull + quint64(t.tv_nsec);
}

/// 4,096 encoded single-report datagrams over 1,000 keys (10 switches × 100 flows), with
/// latencies spread over two decades.
inline std::vector<QByteArray> datagrams()
{
    std::vector<QByteArray> out;
    out.reserve(4096);
    for (quint32 i = 0; i < 4096; ++i) {
        IntPostcard p;
        p.switchId = 1 + i % 10;
        p.flowId = 100 + (i / 10) % 100;
        p.sequence = i;
        p.ingressPort = 1;
        p.egressPort = 2;
        p.hopLatencyNs = 2'000 + (i * 7919u) % 200'000;
        p.queueOccupancy = i % 64;
        p.ingressTimestampNs = 1'000'000'000ull + i * 1000ull;
        p.egressTimestampNs = p.ingressTimestampNs + p.hopLatencyNs;
        out.push_back(encodePostcard(p));
    }
    return out;
}

struct SendResult
{
    quint64 sent = 0;
};

/// Send `total` datagrams to 127.0.0.1:port with sendmmsg, 64 per call; ratePerS 0 = as fast
/// as possible, else paced per call.
inline SendResult sendDatagrams(quint16 port, const std::vector<QByteArray> &grams, quint64 total,
                                double ratePerS)
{
    SendResult result;
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        return result;
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    constexpr int Batch = 64;
    iovec iovs[Batch];
    mmsghdr messages[Batch];
    const auto start = std::chrono::steady_clock::now();
    quint64 index = 0;
    while (result.sent < total) {
        const int n = int(std::min<quint64>(Batch, total - result.sent));
        for (int i = 0; i < n; ++i) {
            const QByteArray &g = grams[(index + quint64(i)) % grams.size()];
            iovs[i] = {const_cast<char *>(g.constData()), size_t(g.size())};
            messages[i] = {};
            messages[i].msg_hdr.msg_name = &to;
            messages[i].msg_hdr.msg_namelen = sizeof to;
            messages[i].msg_hdr.msg_iov = &iovs[i];
            messages[i].msg_hdr.msg_iovlen = 1;
        }
        const int sent = ::sendmmsg(fd, messages, unsigned(n), 0);
        if (sent <= 0)
            continue; // ENOBUFS under load: try again
        result.sent += quint64(sent);
        index += quint64(sent);
        if (ratePerS > 0) {
            const auto due =
                start + std::chrono::nanoseconds(qint64(double(result.sent) * 1e9 / ratePerS));
            std::this_thread::sleep_until(due);
        }
    }
    ::close(fd);
    return result;
}

/// Wait until the collector has seen `expected` datagrams or stops receiving for 200 ms.
inline void drain(const IntCollector &collector, quint64 expected)
{
    quint64 last = collector.counters().datagrams;
    QDeadlineTimer quiet(200);
    while (last < expected && !quiet.hasExpired()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        const quint64 now = collector.counters().datagrams;
        if (now != last) {
            last = now;
            quiet.setRemainingTime(200);
        }
    }
}

} // namespace IntFigures

/// Prints the three INT collector figures as `BENCH <name> <value> <unit>` lines.
inline void collectorFigures()
{
    using namespace IntFigures;
    const std::vector<QByteArray> grams = datagrams();

    // In memory: decode + aggregate, one thread.
    {
        IntWindowAggregator aggregator;
        IntPostcard batch[64];
        const quint64 total = 4'000'000;
        const quint64 cpu0 = threadCpuNs();
        quint64 done = 0;
        size_t index = 0;
        qint64 nowMs = 1'000'000;
        while (done < total) {
            nowMs = 1'000'000 + qint64(done / 1'000'000) * 1000; // 1M postcards/s: windows close
            int count = 0;
            for (int i = 0; i < 64; ++i, ++index) {
                const QByteArray &g = grams[index % grams.size()];
                IntDecodeError error = IntDecodeError::None;
                count += decodeReportGroup(g.constData(), size_t(g.size()), {}, batch + count,
                                           64 - count, &error);
            }
            aggregator.add(batch, count, nowMs);
            done += quint64(count);
        }
        const double seconds = double(threadCpuNs() - cpu0) / 1e9;
        std::printf("BENCH int_decode_per_s %.6g postcards/s\n", double(done) / seconds);
        std::fflush(stdout);
    }

    // UDP on loopback, sender blasting on another thread: per-core throughput.
    {
        IntCollector collector;
        std::atomic<quint64> seen{0};
        collector.setPostcardSink([&seen](const IntPostcard *, int n) {
            seen.fetch_add(quint64(n), std::memory_order_relaxed);
        });
        const auto port = collector.start();
        if (!port) {
            std::printf("# INT collector: %s\n", qPrintable(port.error()));
            return;
        }
        // Two senders, so that the collector is the bottleneck and recvmmsg batches fill up
        // (one sender is slower than the collector: its batches are then mostly small).
        const quint64 perSender = 2'000'000;
        SendResult sent;
        SendResult sentOther;
        std::thread sender([&] { sent = sendDatagrams(*port, grams, perSender, 0); });
        std::thread other([&] { sentOther = sendDatagrams(*port, grams, perSender, 0); });
        sender.join();
        other.join();
        sent.sent += sentOther.sent;
        const quint64 total = sent.sent;
        drain(collector, total);
        const IntCollectorCounters c = collector.counters();
        collector.stop();
        const double seconds = double(c.threadCpuNs) / 1e9;
        std::printf("BENCH int_postcards_per_s_per_core %.6g postcards/s\n",
                    seconds > 0 ? double(c.postcards) / seconds : 0.0);
        std::printf("# blast: %llu sent, %llu received, %llu kernel drops, collector CPU %.3f s,"
                    " %.1f datagrams per recvmmsg\n",
                    static_cast<unsigned long long>(sent.sent),
                    static_cast<unsigned long long>(c.postcards),
                    static_cast<unsigned long long>(c.kernelDrops), seconds,
                    c.receiveCalls ? double(c.datagrams) / double(c.receiveCalls) : 0.0);
        std::fflush(stdout);
    }

    // Loss at the paper's load.
    {
        IntCollector collector;
        const auto port = collector.start();
        if (!port) {
            std::printf("# INT collector: %s\n", qPrintable(port.error()));
            return;
        }
        const double rate = 333'000;
        const quint64 total = quint64(rate * 2);
        SendResult sent;
        std::thread sender([&] { sent = sendDatagrams(*port, grams, total, rate); });
        sender.join();
        drain(collector, total);
        const IntCollectorCounters c = collector.counters();
        collector.stop();
        const double loss =
            sent.sent
                ? 100.0 * double(sent.sent - std::min(sent.sent, c.datagrams)) / double(sent.sent)
                : 0.0;
        std::printf("BENCH int_collector_loss_pct %.6g %%\n", loss);
        std::printf("# paced at %.0f postcards/s: %llu sent, %llu received, collector CPU %.3f s\n",
                    rate, static_cast<unsigned long long>(sent.sent),
                    static_cast<unsigned long long>(c.datagrams), double(c.threadCpuNs) / 1e9);
        std::fflush(stdout);
    }
}

} // namespace Continuo::Bench

/// The entry point bench_p4 calls.
inline void printCollectorFigures()
{
    Continuo::Bench::collectorFigures();
}
