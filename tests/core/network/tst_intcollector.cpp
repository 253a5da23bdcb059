#include "network/IntCollector.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUdpSocket>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>
#include <vector>

using namespace Continuo;

namespace {

/// What the collector's sinks saw, from its thread.
struct Recorder
{
    mutable std::mutex mutex;
    std::vector<IntPostcard> postcards;
    QList<IntFlowWindow> windows;
    int windowCalls = 0;
    bool onOtherThread = true;
    std::thread::id testThread = std::this_thread::get_id();

    void attach(IntCollector &collector)
    {
        collector.setPostcardSink([this](const IntPostcard *p, int n) {
            std::lock_guard lock(mutex);
            postcards.insert(postcards.end(), p, p + n);
            onOtherThread = onOtherThread && std::this_thread::get_id() != testThread;
        });
        collector.setWindowSink([this](const QList<IntFlowWindow> &w) {
            std::lock_guard lock(mutex);
            windows.append(w);
            ++windowCalls;
        });
    }
    int postcardCount() const
    {
        std::lock_guard lock(mutex);
        return int(postcards.size());
    }
    QList<IntFlowWindow> windowsCopy() const
    {
        std::lock_guard lock(mutex);
        return windows;
    }
    std::vector<IntPostcard> postcardsCopy() const
    {
        std::lock_guard lock(mutex);
        return postcards;
    }
};

IntPostcard postcard(quint32 switchId, quint32 flowId, quint32 latencyNs, quint32 sequence = 0)
{
    IntPostcard p;
    p.switchId = switchId;
    p.flowId = flowId;
    p.sequence = sequence;
    p.ingressPort = 1;
    p.egressPort = 2;
    p.hopLatencyNs = latencyNs;
    p.queueOccupancy = latencyNs / 100;
    p.ingressTimestampNs = 1'000'000 + sequence * 1000ull;
    p.egressTimestampNs = p.ingressTimestampNs + latencyNs;
    return p;
}

/// Nearest-rank percentile of values.
quint64 nearestRank(std::vector<quint64> values, double q)
{
    std::sort(values.begin(), values.end());
    const auto rank = size_t(std::ceil(q * double(values.size())));
    return values[std::max<size_t>(rank, 1) - 1];
}

} // namespace

class tst_IntCollector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void receivesEveryPostcardAndAggregates();
    void windowsCloseOnTimeWithoutTraffic();
    void malformedDatagramsAreCounted();
    void microsecondTimestamps();
    void receivedNsIsTheSteadyClock();
    void coalescedReportsInOneDatagram();
    void stopAndStartAgain();
    void bindErrors();
    void toSeriesBatches();
    void aggregatorWindowBoundaries();
    void aggregatorEvictsIdleKeys();
    void aggregatorBoundsKeys();
    void aggregatorP99ErrorBound();

private:
    /// Send datagrams to the collector in chunks, waiting for the sink between chunks so that
    /// a loaded machine never overflows the socket buffer.
    bool send(IntCollector &collector, const Recorder &recorder, const QList<QByteArray> &datagrams,
              int expectedPostcardsPerDatagram = 1);
};

bool tst_IntCollector::send(IntCollector &collector, const Recorder &recorder,
                            const QList<QByteArray> &datagrams, int expectedPostcardsPerDatagram)
{
    QUdpSocket socket;
    const int start = recorder.postcardCount();
    const int chunk = 200;
    for (qsizetype i = 0; i < datagrams.size(); i += chunk) {
        const qsizetype end = std::min<qsizetype>(i + chunk, datagrams.size());
        for (qsizetype j = i; j < end; ++j) {
            if (socket.writeDatagram(datagrams[j], QHostAddress::LocalHost, collector.port()) !=
                datagrams[j].size())
                return false;
        }
        const int expected = start + int(end) * expectedPostcardsPerDatagram;
        QDeadlineTimer deadline(10'000);
        while (recorder.postcardCount() < expected && !deadline.hasExpired())
            QTest::qWait(1);
        if (recorder.postcardCount() < expected)
            return false;
    }
    return true;
}

void tst_IntCollector::receivesEveryPostcardAndAggregates()
{
    IntCollectorOptions options;
    options.window = std::chrono::minutes(10); // one window per key, unless a boundary is crossed
    IntCollector collector(options);
    Recorder recorder;
    recorder.attach(collector);
    const auto port = collector.start();
    QVERIFY2(port, qPrintable(port.error()));
    QVERIFY(*port > 0);
    QCOMPARE(collector.port(), *port);
    QVERIFY(collector.isRunning());
    QVERIFY(collector.receiveBufferBytes() > 0);

    // Two switches × two flows, each key its own latency range; interleaved on the wire.
    const quint32 switches[] = {3, 5};
    const quint32 flows[] = {250, 123};
    const int perKey = 500;
    QHash<quint64, std::vector<quint64>> sent;
    QList<QByteArray> datagrams;
    for (int i = 0; i < perKey; ++i) {
        for (quint32 s : switches) {
            for (quint32 f : flows) {
                const quint32 latency = s * 100'000 + f * 10 + quint32(i) * 37;
                datagrams.append(encodePostcard(postcard(s, f, latency, quint32(i))));
                sent[(quint64(s) << 32) | f].push_back(latency);
            }
        }
    }
    QVERIFY(send(collector, recorder, datagrams));
    QCOMPARE(recorder.postcardCount(), int(datagrams.size()));
    collector.stop(); // closes the open window
    QVERIFY(!collector.isRunning());

    const IntCollectorCounters counters = collector.counters();
    QCOMPARE(counters.datagrams, quint64(datagrams.size()));
    QCOMPARE(counters.postcards, quint64(datagrams.size()));
    QCOMPARE(counters.malformed, 0u);
    QCOMPARE(counters.kernelDrops, 0u);
    QVERIFY(recorder.onOtherThread);

    // Every postcard went to the sink unchanged but for receivedNs.
    const auto got = recorder.postcardsCopy();
    for (size_t i = 0; i < got.size(); ++i) {
        IntPostcard expected =
            postcard(got[i].switchId, got[i].flowId, got[i].hopLatencyNs, got[i].sequence);
        expected.repMdBits = IntRepMd::DefaultPostcard;
        expected.hasFlowId = true;
        expected.receivedNs = got[i].receivedNs;
        QCOMPARE(got[i], expected);
    }

    const QList<IntFlowWindow> windows = recorder.windowsCopy();
    QHash<quint64, QList<IntFlowWindow>> byKey;
    for (const IntFlowWindow &w : windows) {
        QCOMPARE(w.windowMs, 600'000);
        QCOMPARE(w.windowStartMs % 600'000, 0);
        byKey[(quint64(w.switchId) << 32) | w.flowId].append(w);
    }
    QCOMPARE(byKey.size(), 4);
    for (auto it = sent.cbegin(); it != sent.cend(); ++it) {
        const QList<IntFlowWindow> keyWindows = byKey.value(it.key());
        const std::vector<quint64> &values = it.value();
        quint64 total = 0;
        quint64 max = 0;
        for (const IntFlowWindow &w : keyWindows) {
            total += w.count;
            max = std::max(max, w.maxNs);
        }
        QCOMPARE(total, quint64(values.size()));
        QCOMPARE(max, *std::max_element(values.begin(), values.end()));
        if (keyWindows.size() != 1)
            continue; // the run crossed a 10-minute boundary: totals checked, the rest is split
        const IntFlowWindow &w = keyWindows.first();
        double sum = 0;
        for (quint64 v : values)
            sum += double(v);
        QCOMPARE(w.avgNs, sum / double(values.size()));
        const quint64 p99 = nearestRank(values, 0.99);
        QVERIFY2(std::abs(double(w.p99Ns) - double(p99)) <= double(p99) / 16.0,
                 qPrintable(QStringLiteral("p99 %1 vs exact %2").arg(w.p99Ns).arg(p99)));
        QVERIFY(w.p99Ns <= w.maxNs);
        QCOMPARE(w.maxQueueOccupancy, quint32(w.maxNs / 100));
    }
}

void tst_IntCollector::windowsCloseOnTimeWithoutTraffic()
{
    IntCollectorOptions options;
    options.window = std::chrono::milliseconds(100);
    IntCollector collector(options);
    Recorder recorder;
    recorder.attach(collector);
    QVERIFY(collector.start());

    QList<QByteArray> datagrams;
    for (int i = 0; i < 10; ++i)
        datagrams.append(encodePostcard(postcard(1, 7, 1000 + quint32(i))));
    QVERIFY(send(collector, recorder, datagrams));

    // The window closes on the collector's timer, not on the next postcard or stop().
    auto counted = [&recorder] {
        quint64 total = 0;
        for (const IntFlowWindow &w : recorder.windowsCopy())
            total += w.count;
        return total;
    };
    QTRY_COMPARE_WITH_TIMEOUT(counted(), 10u, 5000);
    QVERIFY(collector.counters().windows >= 1);
    collector.stop();

    // Each window at most once: no (key, start) twice, and stop() added nothing.
    const QList<IntFlowWindow> windows = recorder.windowsCopy();
    QSet<QPair<quint64, qint64>> seen;
    for (const IntFlowWindow &w : windows) {
        QCOMPARE(w.windowMs, 100);
        QVERIFY(!seen.contains({(quint64(w.switchId) << 32) | w.flowId, w.windowStartMs}));
        seen.insert({(quint64(w.switchId) << 32) | w.flowId, w.windowStartMs});
    }
    QCOMPARE(counted(), 10u);
}

void tst_IntCollector::malformedDatagramsAreCounted()
{
    IntCollector collector;
    Recorder recorder;
    recorder.attach(collector);
    QVERIFY(collector.start());

    const QByteArray good = encodePostcard(postcard(2, 9, 5000));
    QByteArray wrongVersion = good;
    wrongVersion[0] = char(0x10);
    QUdpSocket socket;
    const QList<QByteArray> bad = {good.left(5), wrongVersion, good.left(good.size() - 4)};
    for (const QByteArray &datagram : bad)
        QCOMPARE(socket.writeDatagram(datagram, QHostAddress::LocalHost, collector.port()),
                 datagram.size());
    QList<QByteArray> goods;
    for (int i = 0; i < 5; ++i)
        goods.append(good);
    QVERIFY(send(collector, recorder, goods));
    QTRY_COMPARE(collector.counters().datagrams, 8u);

    const IntCollectorCounters counters = collector.counters();
    QCOMPARE(counters.postcards, 5u);
    QCOMPARE(counters.malformed, 3u);
    // Loopback keeps one sender's order; the last bad one was sent last of the three.
    QCOMPARE(toString(counters.lastMalformedReason),
             toString(IntDecodeError::ReportBeyondDatagram));
    QCOMPARE(recorder.postcardCount(), 5);
    collector.stop();
}

void tst_IntCollector::microsecondTimestamps()
{
    IntCollectorOptions options;
    options.timestampUnit = IntTimestampUnit::Microseconds;
    IntCollector collector(options);
    Recorder recorder;
    recorder.attach(collector);
    QVERIFY(collector.start());

    // BMv2 style: µs timestamps, no hop latency field.
    IntPostcard p = postcard(4, 250, 0);
    p.ingressTimestampNs = 2'000'000'000;
    p.egressTimestampNs = 2'000'300'000; // 300 µs later
    IntEncodeOptions encode;
    encode.timestampUnit = IntTimestampUnit::Microseconds;
    encode.repMdBits = IntRepMd::L1Ports | IntRepMd::IngressTimestamp | IntRepMd::EgressTimestamp;
    QVERIFY(send(collector, recorder, {encodePostcard(p, encode)}));
    const auto got = recorder.postcardsCopy();
    QCOMPARE(got.size(), size_t(1));
    QCOMPARE(got[0].hopLatencyNs, 300'000u);
    QCOMPARE(got[0].ingressTimestampNs, 2'000'000'000ull);
    collector.stop();
    const auto windows = recorder.windowsCopy();
    QCOMPARE(windows.size(), 1);
    QCOMPARE(windows[0].maxNs, 300'000u);
}

void tst_IntCollector::receivedNsIsTheSteadyClock()
{
    IntCollector collector;
    Recorder recorder;
    recorder.attach(collector);
    QVERIFY(collector.start());
    auto steadyNs = [] {
        return quint64(std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::steady_clock::now().time_since_epoch())
                           .count());
    };
    const quint64 before = steadyNs();
    QVERIFY(send(collector, recorder, {encodePostcard(postcard(1, 1, 10))}));
    const quint64 after = steadyNs();
    const auto got = recorder.postcardsCopy();
    QCOMPARE(got.size(), size_t(1));
    QVERIFY(got[0].receivedNs >= before);
    QVERIFY(got[0].receivedNs <= after);
    collector.stop();
}

void tst_IntCollector::coalescedReportsInOneDatagram()
{
    IntCollector collector;
    Recorder recorder;
    recorder.attach(collector);
    QVERIFY(collector.start());
    IntPostcard cards[5];
    for (int i = 0; i < 5; ++i)
        cards[i] = postcard(6, quint32(10 + i), quint32(100 * (i + 1)));
    QVERIFY(send(collector, recorder, {encodeReportGroup(cards, 5)}, 5));
    QCOMPARE(collector.counters().datagrams, 1u);
    QCOMPARE(collector.counters().postcards, 5u);
    const auto got = recorder.postcardsCopy();
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(got[size_t(i)].flowId, quint32(10 + i));
        QCOMPARE(got[size_t(i)].hopLatencyNs, quint32(100 * (i + 1)));
    }
    collector.stop();
}

void tst_IntCollector::stopAndStartAgain()
{
    IntCollector collector;
    Recorder recorder;
    recorder.attach(collector);
    const auto first = collector.start();
    QVERIFY(first);
    const auto again = collector.start();
    QVERIFY(!again);
    QVERIFY2(again.error().contains(QLatin1String("already running")), qPrintable(again.error()));
    QVERIFY(send(collector, recorder, {encodePostcard(postcard(1, 1, 10))}));
    collector.stop();
    collector.stop(); // idempotent
    QVERIFY(!collector.isRunning());
    QCOMPARE(recorder.windowsCopy().size(), 1);

    const auto second = collector.start();
    QVERIFY2(second, qPrintable(second.error()));
    QVERIFY(collector.isRunning());
    QCOMPARE(collector.counters().postcards, 0u); // counters are since start()
    QVERIFY(send(collector, recorder,
                 {encodePostcard(postcard(1, 1, 20)), encodePostcard(postcard(1, 1, 30))}));
    QCOMPARE(collector.counters().postcards, 2u);
    collector.stop();
    const auto windows = recorder.windowsCopy();
    QCOMPARE(windows.size(), 2);
    QCOMPARE(windows[1].count, 2u);
    QCOMPARE(windows[1].maxNs, 30u);
}

void tst_IntCollector::bindErrors()
{
    IntCollector first;
    const auto port = first.start();
    QVERIFY(port);

    IntCollectorOptions options;
    options.port = *port;
    IntCollector second(options);
    const auto taken = second.start();
    QVERIFY(!taken);
    QVERIFY2(taken.error().contains(QLatin1String("cannot bind")), qPrintable(taken.error()));
    QVERIFY2(taken.error().contains(QStringLiteral("127.0.0.1:%1").arg(*port)),
             qPrintable(taken.error()));
    QVERIFY(!second.isRunning());

    options.bindAddress = QStringLiteral("collector.example");
    options.port = 0;
    IntCollector third(options);
    const auto bad = third.start();
    QVERIFY(!bad);
    QVERIFY2(bad.error().contains(QLatin1String("collector.example")), qPrintable(bad.error()));
    first.stop();
}

void tst_IntCollector::toSeriesBatches()
{
    IntFlowWindow a{3, 250, 10'000, 1000, 100, 2500.0, 9000, 8000, 42};
    IntFlowWindow b{3, 250, 11'000, 1000, 50, 1500.0, 3000, 2900, 7};
    IntFlowWindow c{9, 123, 10'000, 1000, 1, 100.0, 100, 100, 0};
    const QList<SeriesBatch> batches = IntCollector::toSeriesBatches(
        {a, c, b}, [](quint32 id) { return id == 3 ? QStringLiteral("S3") : QString(); });
    QCOMPARE(batches.size(), 8);

    QHash<QString, SeriesBatch> byKey;
    for (const SeriesBatch &batch : batches)
        byKey.insert(batch.key(), batch);
    const QString s3 = QStringLiteral("{flow=\"250\",switch=\"S3\"}");
    const QString s9 = QStringLiteral("{flow=\"123\",switch=\"9\"}"); // no name: the id
    const SeriesBatch avg = byKey.value(QLatin1String(Metrics::IntHopLatencyAvgSeconds) + s3);
    QCOMPARE(avg.samples.size(), 2);
    QCOMPARE(avg.samples[0], (Sample{11'000, 2.5e-6}));
    QCOMPARE(avg.samples[1], (Sample{12'000, 1.5e-6}));
    QCOMPARE(byKey.value(QLatin1String(Metrics::IntHopLatencyMaxSeconds) + s3).samples[0].value,
             9e-6);
    QCOMPARE(byKey.value(QLatin1String(Metrics::IntHopLatencyP99Seconds) + s3).samples[1].value,
             2.9e-6);
    QCOMPARE(byKey.value(QLatin1String(Metrics::IntPostcards) + s3).samples[1].value, 50.0);
    QCOMPARE(byKey.value(QLatin1String(Metrics::IntPostcards) + s9).samples,
             (QList<Sample>{{11'000, 1.0}}));
    QVERIFY(IntCollector::toSeriesBatches({}).isEmpty());
}

void tst_IntCollector::aggregatorWindowBoundaries()
{
    IntWindowAggregator::Options options;
    options.windowMs = 1000;
    IntWindowAggregator aggregator(options);
    QCOMPARE(aggregator.openWindowEndMs(), 0);

    const IntPostcard first[] = {postcard(1, 1, 100), postcard(1, 1, 300), postcard(2, 1, 50)};
    QList<IntFlowWindow> closed;
    aggregator.add(first, 3, 5'250, &closed);
    QVERIFY(closed.isEmpty());
    QCOMPARE(aggregator.openWindowEndMs(), 6'000);
    QVERIFY(aggregator.advance(5'999).isEmpty());

    // The first postcard past the end closes the window before it is counted.
    const IntPostcard second[] = {postcard(1, 1, 1000)};
    aggregator.add(second, 1, 6'000, &closed);
    QCOMPARE(closed.size(), 2);
    std::sort(closed.begin(), closed.end(),
              [](const auto &x, const auto &y) { return x.switchId < y.switchId; });
    QCOMPARE(closed[0], (IntFlowWindow{1, 1, 5'000, 1000, 2, 200.0, 300, 300, 3}));
    QCOMPARE(closed[1], (IntFlowWindow{2, 1, 5'000, 1000, 1, 50.0, 50, 50, 0}));

    const QList<IntFlowWindow> later = aggregator.advance(7'500);
    QCOMPARE(later.size(), 1);
    QCOMPARE(later[0].windowStartMs, 6'000);
    QCOMPARE(later[0].count, 1u);
    QCOMPARE(aggregator.openWindowEndMs(), 0);
    QVERIFY(aggregator.flush().isEmpty());
}

void tst_IntCollector::aggregatorEvictsIdleKeys()
{
    IntWindowAggregator::Options options;
    options.windowMs = 10;
    options.idleWindowsBeforeEviction = 3;
    IntWindowAggregator aggregator(options);
    const IntPostcard busy = postcard(1, 1, 10);
    const IntPostcard once = postcard(2, 2, 10);
    aggregator.add(&busy, 1, 0);
    aggregator.add(&once, 1, 0);
    QCOMPARE(aggregator.keyCount(), 2);
    for (int window = 1; window <= 3; ++window) {
        QList<IntFlowWindow> closed;
        aggregator.add(&busy, 1, window * 10, &closed);
        QCOMPARE(closed.size(), window == 1 ? 2 : 1);
    }
    QCOMPARE(aggregator.keyCount(), 2); // idle for 2 closed windows
    aggregator.add(&busy, 1, 40);
    QCOMPARE(aggregator.keyCount(), 1); // idle for 3: dropped
    // It comes back as a new key when it reports again.
    QList<IntFlowWindow> closed;
    aggregator.add(&once, 1, 50, &closed);
    QCOMPARE(aggregator.keyCount(), 2);
}

void tst_IntCollector::aggregatorBoundsKeys()
{
    IntWindowAggregator::Options options;
    options.maxKeys = 100;
    IntWindowAggregator aggregator(options);
    std::vector<IntPostcard> cards;
    for (quint32 s = 0; s < 10; ++s) {
        for (quint32 f = 0; f < 20; ++f)
            cards.push_back(postcard(s, f, 5));
    }
    aggregator.add(cards.data(), int(cards.size()), 0);
    QCOMPARE(aggregator.keyCount(), 100);
    QCOMPARE(aggregator.overflowDrops(), 100u);
    // Known keys still count.
    aggregator.add(cards.data(), 1, 1);
    QCOMPARE(aggregator.overflowDrops(), 100u);
    const auto windows = aggregator.flush();
    QCOMPARE(windows.size(), 100);
}

void tst_IntCollector::aggregatorP99ErrorBound()
{
    // Log-normal latencies (1 µs .. seconds) and the exact nearest-rank p99 per window.
    QRandomGenerator random(11);
    IntWindowAggregator aggregator;
    for (int round = 0; round < 20; ++round) {
        std::vector<IntPostcard> cards;
        std::vector<quint64> values;
        const int n = 1 + random.bounded(20'000);
        for (int i = 0; i < n; ++i) {
            const double u1 = std::max(random.generateDouble(), 1e-12);
            const double u2 = random.generateDouble();
            const double normal = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
            const double value = std::exp(9.0 + 2.0 * normal + round * 0.3);
            const auto ns = quint32(std::min(value, 4.0e9));
            cards.push_back(postcard(1, 1, ns));
            values.push_back(ns);
        }
        aggregator.add(cards.data(), int(cards.size()), round * 1000);
        const QList<IntFlowWindow> windows = aggregator.flush();
        QCOMPARE(windows.size(), 1);
        const quint64 exact = nearestRank(values, 0.99);
        const double error = std::abs(double(windows[0].p99Ns) - double(exact));
        QVERIFY2(error <= double(exact) / 16.0,
                 qPrintable(QStringLiteral("n %1: p99 %2 vs exact %3")
                                .arg(n)
                                .arg(windows[0].p99Ns)
                                .arg(exact)));
        QCOMPARE(windows[0].maxNs, *std::max_element(values.begin(), values.end()));
        QCOMPARE(windows[0].count, quint64(n));
    }
}

QTEST_GUILESS_MAIN(tst_IntCollector)
#include "tst_intcollector.moc"
