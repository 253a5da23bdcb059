#include "network/SlaMonitor.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Continuo;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr quint64 Ms = 1'000'000; // ns

IntPostcard postcard(quint32 flowId, quint32 switchId, double hopLatencyMs, quint64 receivedNs)
{
    IntPostcard card;
    card.flowId = flowId;
    card.switchId = switchId;
    card.hopLatencyNs = quint32(hopLatencyMs * 1e6);
    card.receivedNs = receivedNs;
    return card;
}

SlaRule rule(const QString &id, SlaMetric metric, double thresholdMs, qint64 persistenceMs,
             const QString &connectionId = u"c250"_s)
{
    SlaRule r;
    r.id = id;
    r.connectionId = connectionId;
    r.metric = metric;
    r.thresholdMs = thresholdMs;
    r.persistenceMs = persistenceMs;
    r.windowMs = 1000;
    return r;
}

const QHash<QString, quint32> FlowIds{{u"c250"_s, 250}, {u"c123"_s, 123}};

/// A monitor that records its violations.
struct Recorder
{
    QList<SlaViolation> violations;
    SlaMonitor monitor{[this](const SlaViolation &v) { violations.append(v); }};

    void feed(const IntPostcard &card) { monitor.observe(&card, 1); }
};

} // namespace

class tst_SlaMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void maxPersistenceZeroFiresOnFirstViolatingPostcard()
    {
        Recorder r;
        QCOMPARE(r.monitor.setRules({rule(u"r1"_s, SlaMetric::MaxLatency, 5.0, 0)}, FlowIds), 1);
        QList<IntPostcard> batch;
        for (int i = 0; i < 10; ++i)
            batch.append(postcard(250, 3, 1.0, 100 * Ms + i * Ms));
        batch.append(postcard(250, 3, 5.0, 111 * Ms)); // equal is not over
        batch.append(postcard(250, 3, 7.5, 112 * Ms));
        batch.append(postcard(250, 3, 9.0, 113 * Ms));
        const quint64 before = quint64(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                           std::chrono::steady_clock::now().time_since_epoch())
                                           .count());
        r.monitor.observe(batch.constData(), int(batch.size()));
        QCOMPARE(r.violations.size(), 1);
        const SlaViolation &v = r.violations.first();
        QCOMPARE(v.ruleId, u"r1"_s);
        QCOMPARE(v.connectionId, u"c250"_s);
        QCOMPARE(v.flowId, 250u);
        QCOMPARE(v.switchIntId, 3u);
        QVERIFY(v.metric == SlaMetric::MaxLatency);
        QCOMPARE(v.valueMs, 7.5);
        QCOMPARE(v.thresholdMs, 5.0);
        QCOMPARE(v.firstViolationNs, 112 * Ms);
        QVERIFY(v.detectedNs >= before);
        QCOMPARE(r.monitor.violationCount(), 1u);
    }

    void persistenceWaits()
    {
        Recorder r;
        r.monitor.setRules({rule(u"r1"_s, SlaMetric::MaxLatency, 5.0, 100)}, FlowIds);
        r.feed(postcard(250, 3, 8.0, 1000 * Ms));
        r.feed(postcard(250, 3, 8.0, 1050 * Ms));
        r.feed(postcard(250, 3, 8.0, 1099 * Ms));
        QVERIFY(r.violations.isEmpty());
        r.feed(postcard(250, 3, 8.0, 1100 * Ms));
        QCOMPARE(r.violations.size(), 1);
        QCOMPARE(r.violations.first().firstViolationNs, 1000 * Ms);
    }

    void goingUnderRestartsPersistence()
    {
        Recorder r;
        r.monitor.setRules({rule(u"r1"_s, SlaMetric::MaxLatency, 5.0, 100)}, FlowIds);
        r.feed(postcard(250, 3, 8.0, 1000 * Ms));
        r.feed(postcard(250, 3, 2.0, 1050 * Ms));
        r.feed(postcard(250, 3, 8.0, 1060 * Ms));
        r.feed(postcard(250, 3, 8.0, 1150 * Ms)); // 90 ms since the new start
        QVERIFY(r.violations.isEmpty());
        r.feed(postcard(250, 3, 8.0, 1160 * Ms));
        QCOMPARE(r.violations.size(), 1);
        QCOMPARE(r.violations.first().firstViolationNs, 1060 * Ms);
    }

    void holdDown()
    {
        Recorder r;
        r.monitor.setRules({rule(u"r1"_s, SlaMetric::MaxLatency, 5.0, 0)}, FlowIds);
        // One degradation: 4 s of bad postcards, then better, then bad again within 5 s.
        for (int i = 0; i < 400; ++i)
            r.feed(postcard(250, 3, 9.0, 10'000 * Ms + i * 10 * Ms));
        r.feed(postcard(250, 3, 1.0, 14'500 * Ms));
        r.feed(postcard(250, 3, 9.0, 14'600 * Ms));
        QCOMPARE(r.violations.size(), 1);
        // Another switch of the same flow is its own (rule, switch).
        r.feed(postcard(250, 4, 9.0, 14'700 * Ms));
        QCOMPARE(r.violations.size(), 2);
        QCOMPARE(r.violations.last().switchIntId, 4u);
        // Hold-down over: a violation still going on fires again.
        r.feed(postcard(250, 3, 9.0, 15'000 * Ms));
        QCOMPARE(r.violations.size(), 3);
        QCOMPARE(r.violations.last().switchIntId, 3u);
        QCOMPARE(r.violations.last().firstViolationNs, 14'600 * Ms);
    }

    void configurableHoldDown()
    {
        Recorder r;
        r.monitor.setHoldDown(100ms);
        r.monitor.setRules({rule(u"r1"_s, SlaMetric::MaxLatency, 5.0, 0)}, FlowIds);
        r.feed(postcard(250, 3, 9.0, 0));
        r.feed(postcard(250, 3, 9.0, 99 * Ms));
        QCOMPARE(r.violations.size(), 1);
        r.feed(postcard(250, 3, 9.0, 100 * Ms));
        QCOMPARE(r.violations.size(), 2);
    }

    void averageOverWindow()
    {
        Recorder r;
        SlaRule avg = rule(u"avg"_s, SlaMetric::AvgLatency, 5.0, 0);
        avg.windowMs = 1000;
        r.monitor.setRules({avg}, FlowIds);
        // 1 s of 1 ms hops, one every 10 ms.
        quint64 t = 50'000 * Ms;
        for (int i = 0; i < 100; ++i, t += 10 * Ms)
            r.feed(postcard(250, 3, 1.0, t));
        // A single 20 ms spike does not move a 1 s average over 5 ms...
        r.feed(postcard(250, 3, 20.0, t));
        QVERIFY(r.violations.isEmpty());
        // ...a sustained one does, once it weighs enough: (k * 20 + (n - k) * 1) / n > 5.
        quint64 firstOver = 0;
        for (int i = 0; i < 100 && r.violations.isEmpty(); ++i) {
            t += 10 * Ms;
            r.feed(postcard(250, 3, 20.0, t));
            firstOver = t;
        }
        QCOMPARE(r.violations.size(), 1);
        const SlaViolation &v = r.violations.first();
        QVERIFY2(v.valueMs > 5.0 && v.valueMs < 7.0, qPrintable(QString::number(v.valueMs)));
        QVERIFY(v.metric == SlaMetric::AvgLatency);
        // persistence 0: the first postcard whose average is over is the one that fired.
        QCOMPARE(v.firstViolationNs, firstOver);
        // Far less than the whole window of spikes was needed.
        QVERIFY(firstOver - 50'000 * Ms < 1'300 * Ms);
    }

    void averageForgetsOldSamples()
    {
        Recorder r;
        r.monitor.setHoldDown(0ms);
        SlaRule avg = rule(u"avg"_s, SlaMetric::AvgLatency, 5.0, 0);
        avg.windowMs = 1000;
        r.monitor.setRules({avg}, FlowIds);
        quint64 t = 0;
        for (int i = 0; i < 50; ++i, t += 10 * Ms)
            r.feed(postcard(250, 3, 30.0, t));
        QVERIFY(!r.violations.isEmpty());
        r.violations.clear();
        // After more than a window of silence, the old 30 ms samples no longer count.
        t += 2'000 * Ms;
        r.feed(postcard(250, 3, 2.0, t));
        QVERIFY(r.violations.isEmpty());
    }

    void flowWithoutRuleIgnored()
    {
        Recorder r;
        r.monitor.setRules({rule(u"r1"_s, SlaMetric::MaxLatency, 5.0, 0)}, FlowIds);
        // The paper's flow 123 shares degraded S3 with flow 250 but has no rule: untouched.
        QList<IntPostcard> batch;
        for (int i = 0; i < 100; ++i)
            batch.append(postcard(123, 3, 50.0, 1000 * Ms + i * Ms));
        batch.append(postcard(999, 3, 50.0, 1200 * Ms));
        r.monitor.observe(batch.constData(), int(batch.size()));
        QVERIFY(r.violations.isEmpty());
        QCOMPARE(r.monitor.trackedStates(), 0);
        // Flow 250 on the same switch still starts clean and fires on its own.
        r.feed(postcard(250, 3, 1.0, 1300 * Ms));
        QVERIFY(r.violations.isEmpty());
        r.feed(postcard(250, 3, 6.0, 1301 * Ms));
        QCOMPARE(r.violations.size(), 1);
        QCOMPARE(r.violations.first().flowId, 250u);
        QCOMPARE(r.violations.first().firstViolationNs, 1301 * Ms);
    }

    void rulesSelection()
    {
        Recorder r;
        SlaRule disabled = rule(u"off"_s, SlaMetric::MaxLatency, 1.0, 0);
        disabled.enabled = false;
        SlaRule invalid = rule(u"bad"_s, SlaMetric::MaxLatency, -1.0, 0);
        SlaRule noFlow = rule(u"nf"_s, SlaMetric::MaxLatency, 1.0, 0, u"c-unknown"_s);
        SlaRule forFlow123 = rule(u"r123"_s, SlaMetric::MaxLatency, 10.0, 0, u"c123"_s);
        QCOMPARE(r.monitor.setRules({disabled, invalid, noFlow, forFlow123}, FlowIds), 1);
        r.feed(postcard(250, 3, 50.0, 1 * Ms));
        r.feed(postcard(123, 3, 9.0, 2 * Ms));
        QVERIFY(r.violations.isEmpty());
        r.feed(postcard(123, 3, 11.0, 3 * Ms));
        QCOMPARE(r.violations.size(), 1);
        QCOMPARE(r.violations.first().ruleId, u"r123"_s);
        QCOMPARE(r.violations.first().connectionId, u"c123"_s);

        // Two rules on one flow are evaluated independently.
        r.violations.clear();
        r.monitor.setRules({rule(u"a"_s, SlaMetric::MaxLatency, 5.0, 0),
                            rule(u"b"_s, SlaMetric::MaxLatency, 8.0, 0)},
                           FlowIds);
        r.feed(postcard(250, 3, 6.0, 10 * Ms));
        r.feed(postcard(250, 3, 9.0, 11 * Ms));
        QCOMPARE(r.violations.size(), 2);
        QCOMPARE(r.violations.at(0).ruleId, u"a"_s);
        QCOMPARE(r.violations.at(1).ruleId, u"b"_s);
    }

    void republishKeepsStateOfUnchangedRules()
    {
        Recorder r;
        const SlaRule r1 = rule(u"r1"_s, SlaMetric::MaxLatency, 5.0, 0);
        r.monitor.setRules({r1}, FlowIds);
        r.feed(postcard(250, 3, 9.0, 1000 * Ms));
        QCOMPARE(r.violations.size(), 1);
        // The engine re-publishes after the reroute: the hold-down must survive.
        r.monitor.setRules({r1, rule(u"r2"_s, SlaMetric::MaxLatency, 50.0, 0)}, FlowIds);
        r.feed(postcard(250, 3, 9.0, 1500 * Ms));
        QCOMPARE(r.violations.size(), 1);
        // A changed rule starts over.
        SlaRule stricter = r1;
        stricter.thresholdMs = 4.0;
        r.monitor.setRules({stricter}, FlowIds);
        r.feed(postcard(250, 3, 9.0, 1600 * Ms));
        QCOMPARE(r.violations.size(), 2);
        r.monitor.setRules({}, FlowIds);
        r.feed(postcard(250, 3, 90.0, 1700 * Ms));
        QCOMPARE(r.violations.size(), 2);
        QCOMPARE(r.monitor.trackedStates(), 0);
    }

    void boundedSwitchStates()
    {
        Recorder r;
        r.monitor.setMaxSwitchesPerRule(4);
        r.monitor.setRules({rule(u"r1"_s, SlaMetric::MaxLatency, 5.0, 0)}, FlowIds);
        QList<IntPostcard> batch;
        for (quint32 sw = 0; sw < 1000; ++sw)
            batch.append(postcard(250, sw, 1.0, 1 * Ms));
        r.monitor.observe(batch.constData(), int(batch.size()));
        QCOMPARE(r.monitor.trackedStates(), 4);
    }

    void rulesChangeWhileObserving()
    {
        // Collector thread observes while the engine thread swaps rules.
        std::atomic<int> fired{0};
        SlaMonitor monitor([&fired](const SlaViolation &) { fired.fetch_add(1); }, 0ms);
        monitor.setRules({rule(u"r1"_s, SlaMetric::MaxLatency, 5.0, 0)}, FlowIds);
        std::atomic<bool> stop{false};
        std::atomic<qint64> observed{0};
        QScopedPointer<QThread> collector(QThread::create([&] {
            QList<IntPostcard> batch;
            for (int i = 0; i < 64; ++i)
                batch.append(postcard(250, quint32(i % 4), 9.0, quint64(i) * Ms));
            while (!stop.load()) {
                monitor.observe(batch.constData(), int(batch.size()));
                observed.fetch_add(batch.size());
            }
        }));
        collector->start();
        for (int i = 0; i < 2000; ++i) {
            SlaRule changing = rule(u"r1"_s, SlaMetric::MaxLatency, 5.0 + (i % 3), 0);
            monitor.setRules({changing}, FlowIds);
        }
        QTRY_VERIFY(observed.load() > 10'000);
        stop.store(true);
        QVERIFY(collector->wait(10'000));
        QVERIFY(fired.load() > 0);
    }

    void throughput()
    {
        // Not a benchmark gate: prints what one core does with a realistic mix.
        SlaMonitor monitor;
        monitor.setRules({rule(u"r1"_s, SlaMetric::AvgLatency, 5.0, 0),
                          rule(u"r2"_s, SlaMetric::MaxLatency, 50.0, 0)},
                         FlowIds);
        QList<IntPostcard> batch;
        for (int i = 0; i < 1024; ++i)
            batch.append(postcard(i % 4 == 0 ? 123 : 250, quint32(i % 5), 1.0, 0));
        QElapsedTimer timer;
        timer.start();
        qint64 total = 0;
        quint64 t = 0;
        while (timer.elapsed() < 200) {
            for (IntPostcard &card : batch)
                card.receivedNs = (t += 1000);
            monitor.observe(batch.constData(), int(batch.size()));
            total += batch.size();
        }
        const double perSecond = double(total) / (double(timer.nsecsElapsed()) / 1e9);
        qInfo("SLA monitor: %.0f postcards/s on one core", perSecond);
        QVERIFY(total > 0);
    }
};

QTEST_GUILESS_MAIN(tst_SlaMonitor)
#include "tst_slamonitor.moc"
