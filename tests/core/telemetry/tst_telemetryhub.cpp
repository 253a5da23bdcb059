#include "telemetry/TelemetryHub.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Continuo;

namespace {
SeriesBatch batch(const QString &node, std::initializer_list<Sample> samples)
{
    return SeriesBatch{QStringLiteral("node_cpu_utilisation"), {{QStringLiteral("node"), node}}, QList<Sample>(samples)};
}
} // namespace

class tst_TelemetryHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ingestAndRange()
    {
        TelemetryHub hub;
        hub.ingest({batch(QStringLiteral("a"), {{1000, 0.1}, {2000, 0.2}, {3000, 0.3}})});
        const QString key = QStringLiteral("node_cpu_utilisation{node=\"a\"}");
        QCOMPARE(hub.range(key, 1500, 3000), (QList<Sample>{{2000, 0.2}, {3000, 0.3}}));
        QCOMPARE(hub.latest(key)->value, 0.3);
        QVERIFY(hub.range(QStringLiteral("nope"), 0, 10000).isEmpty());
        QCOMPARE(hub.seriesCount(), 1);
        QCOMPARE(hub.samplesIngestedTotal(), 3);
    }

    void outOfOrderAndDuplicatesDropped()
    {
        TelemetryHub hub;
        hub.ingest({batch(QStringLiteral("a"), {{2000, 1}, {1000, 2}, {2000, 3}, {3000, 4}})});
        QCOMPARE(hub.range(QStringLiteral("node_cpu_utilisation{node=\"a\"}"), 0, 9999),
                 (QList<Sample>{{2000, 1}, {3000, 4}}));
        QCOMPARE(hub.samplesIngestedTotal(), 2);
    }

    void retentionIsBounded()
    {
        // Retention is by time: raw samples older than the newest minus the window go (whole
        // chunks at a time, so a little more than the window may stay).
        TimeSeriesStoreOptions options;
        options.rawRetentionMs = 60'000;
        options.maxSamplesPerChunk = 10;
        TelemetryHub hub(options);
        for (int i = 1; i <= 1000; ++i)
            hub.ingest({batch(QStringLiteral("a"), {{i * 1000, double(i)}})});
        const auto kept = hub.range(QStringLiteral("node_cpu_utilisation{node=\"a\"}"), 0, 10'000'000);
        QVERIFY(kept.size() >= 60);
        QVERIFY2(kept.size() <= 60 + 10, qPrintable(QString::number(kept.size())));
        QCOMPARE(kept.last().timestampMs, 1'000'000);
        QVERIFY(hub.store().stats().bytesPerSample() < 4.0); // compressed, not 16 B per sample
    }

    void publishesBatchesPerFrame()
    {
        TelemetryHub hub;
        hub.setPublishInterval(std::chrono::milliseconds(20));
        QSignalSpy published(&hub, &TelemetryHub::samplesPublished);
        // From several threads at once, as probes and plugins do.
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&hub, t] {
                for (int i = 1; i <= 250; ++i)
                    hub.ingest({batch(QString::number(t), {{i, double(i)}})});
            }));
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            thread->wait();
            delete thread;
        }
        QTRY_VERIFY(!published.isEmpty());
        hub.publishPending();
        qint64 total = 0;
        for (const auto &arguments : std::as_const(published)) {
            const auto batches = arguments.at(0).value<QList<SeriesBatch>>();
            for (const auto &b : batches)
                total += b.samples.size();
        }
        QCOMPARE(total, 1000);
        QVERIFY(published.size() < 50); // batched, not one signal per sample
        QCOMPARE(hub.series(SeriesMatcher{QStringLiteral("node_cpu_utilisation"), {}}).size(), 4);
        QCOMPARE(hub.series(SeriesMatcher{{}, {{QStringLiteral("node"), QStringLiteral("2")}}}).size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_TelemetryHub)
#include "tst_telemetryhub.moc"
