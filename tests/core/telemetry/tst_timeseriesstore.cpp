#include "telemetry/TimeSeriesStore.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <thread>

using namespace Continuo;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Labels nodeLabels(const QString &node)
{
    Labels l;
    l.insert(s("node"), node);
    return l;
}

struct RecordingSink final : IChunkSink
{
    struct Entry
    {
        SeriesId id;
        QString metric;
        Labels labels;
        qint64 minT;
        qint64 maxT;
        QByteArray bytes;
    };
    void chunkSealed(SeriesId seriesId, const QString &metric, const Labels &labels,
                     qint64 minTimestampMs, qint64 maxTimestampMs, const QByteArray &bytes) override
    {
        QMutexLocker lock(&mutex);
        chunks.append({seriesId, metric, labels, minTimestampMs, maxTimestampMs, bytes});
    }
    void rollupChunkSealed(SeriesId, RollupResolution resolution, qint64, qint64,
                           const QByteArray &) override
    {
        QMutexLocker lock(&mutex);
        ++rollups[int(resolution)];
    }
    QMutex mutex;
    QList<Entry> chunks;
    int rollups[3] = {0, 0, 0};
};

} // namespace

class tst_TimeSeriesStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ingestAndReadBack();
    void outOfOrderRejectedAndCounted();
    void chunksSealAndSinkSeesThem();
    void retentionDropsOldChunks();
    void rollupsAreIncremental();
    void lastSampleWithLookback();
    void concurrentIngestion();
    void memoryAccounting();
    void unknownSeriesIdIsCounted();
};

void tst_TimeSeriesStore::ingestAndReadBack()
{
    TimeSeriesStore store;
    QList<SeriesBatch> batches;
    for (int n = 0; n < 3; ++n) {
        SeriesBatch b{s("node_cpu"), nodeLabels(QString::number(n)), {}};
        for (int i = 0; i < 500; ++i)
            b.samples.append({i * 1000LL, n * 1000.0 + i});
        batches.append(b);
    }
    const IngestSummary summary = store.ingest(batches);
    QCOMPARE(summary.appended, 1500);
    QCOMPARE(store.seriesCount(), 3);
    const auto id = store.find(s("node_cpu"), nodeLabels(s("1")));
    QVERIFY(id);
    const QList<Sample> all = store.read(*id, 0, 1'000'000);
    QCOMPARE(all, batches[1].samples);
    const QList<Sample> middle = store.read(*id, 120'500, 240'000);
    QCOMPARE(middle.size(), 120);
    QCOMPARE(middle.first(), (Sample{121'000, 1121.0}));
    QCOMPARE(middle.last(), (Sample{240'000, 1240.0}));
    QVERIFY(store.read(*id, 10, 5).isEmpty());
    QCOMPARE(store.metric(*id), s("node_cpu"));
    QCOMPARE(store.labels(*id), nodeLabels(s("1")));
    QVERIFY(store.chunksSealedTotal() >= 3 * 4);
    const auto ids = store.select(s("node_cpu{node=~\"[02]\"}"));
    QVERIFY(ids);
    QCOMPARE(qsizetype(ids->size()), 2);
    QVERIFY(!store.select(s("node_cpu{node=")));
}

void tst_TimeSeriesStore::outOfOrderRejectedAndCounted()
{
    TimeSeriesStore store;
    const SeriesId id = store.resolve(s("m"), {});
    QCOMPARE(store.append(id, 1000, 1.0).appended, 1);
    QCOMPARE(store.append(id, 2000, 2.0).appended, 1);
    QCOMPARE(store.append(id, 1500, 9.0).outOfOrder, 1);
    QCOMPARE(store.append(id, 2000, 3.0).outOfOrder, 1);  // same time, different value
    QCOMPARE(store.append(id, 2000, 2.0).duplicates, 1);  // exact repeat: ignored
    QCOMPARE(store.append(id, 3000, 3.0).appended, 1);
    QCOMPARE(store.samplesOutOfOrderTotal(), 2);
    QCOMPARE(store.samplesDuplicateTotal(), 1);
    QCOMPARE(store.samplesAppendedTotal(), 3);
    QCOMPARE(store.read(id, 0, 10'000), (QList<Sample>{{1000, 1.0}, {2000, 2.0}, {3000, 3.0}}));

    // Out of order across a chunk boundary.
    for (int i = 4; i < 300; ++i)
        QCOMPARE(store.append(id, i * 1000, double(i)).appended, 1);
    QCOMPARE(store.append(id, 100'000, 1.0).outOfOrder, 1);
}

void tst_TimeSeriesStore::chunksSealAndSinkSeesThem()
{
    TimeSeriesStoreOptions options;
    options.rollupsEnabled = false;
    TimeSeriesStore store(options);
    RecordingSink sink;
    store.setChunkSink(&sink);
    const SeriesId id = store.resolve(s("link_latency_seconds"), nodeLabels(s("x")));
    std::vector<IdSample> samples;
    for (int i = 0; i < 250; ++i)
        samples.push_back({id, 10'000LL * i, std::sin(i)});
    QCOMPARE(store.ingest(samples).appended, 250);
    QCOMPARE(sink.chunks.size(), 2); // 120 + 120 sealed, 10 in the head
    QCOMPARE(sink.chunks[0].minT, 0);
    QCOMPARE(sink.chunks[0].maxT, 119 * 10'000);
    QCOMPARE(sink.chunks[1].minT, 120 * 10'000);
    QCOMPARE(sink.chunks[0].metric, s("link_latency_seconds"));
    QCOMPARE(sink.chunks[0].labels, nodeLabels(s("x")));
    QCOMPARE(sink.chunks[0].id, id);
    const auto decoded = decodeXorChunk(sink.chunks[1].bytes);
    QVERIFY(decoded);
    QCOMPARE(decoded->size(), 120);
    QCOMPARE(decoded->first(), (Sample{1'200'000, std::sin(120)}));

    // A two-hour span also seals, even with few samples.
    const SeriesId sparse = store.resolve(s("sparse"), {});
    QCOMPARE(store.append(sparse, 0, 1.0).appended, 1);
    QCOMPARE(store.append(sparse, 3'600'000, 2.0).appended, 1);
    QCOMPARE(store.append(sparse, 7'200'000, 3.0).appended, 1);
    QCOMPARE(sink.chunks.size(), 3);
    QCOMPARE(sink.chunks.last().maxT, 3'600'000);

    store.sealAll();
    QCOMPARE(sink.chunks.size(), 5);
    QCOMPARE(store.read(id, 0, 10'000'000).size(), 250);
    store.setChunkSink(nullptr);
}

void tst_TimeSeriesStore::retentionDropsOldChunks()
{
    TimeSeriesStoreOptions options;
    options.rawRetentionMs = 3'600'000; // one hour
    TimeSeriesStore store(options);
    const SeriesId id = store.resolve(s("m"), {});
    // Four hours at 10 s.
    for (int i = 0; i < 1440; ++i)
        QCOMPARE(store.append(id, i * 10'000LL, double(i)).appended, 1);
    const auto oldest = store.oldestTimestampMs(id);
    QVERIFY(oldest);
    const qint64 newest = 1439 * 10'000LL;
    QVERIFY2(*oldest >= newest - 3'600'000 - 120 * 10'000, qPrintable(QString::number(*oldest)));
    QVERIFY(*oldest <= newest - 3'600'000);
    QVERIFY(store.read(id, 0, 1'000'000).isEmpty());
    // Rollups outlive raw data.
    std::vector<RollupPoint> minutes;
    store.readRollups(id, RollupResolution::OneMinute, 0, newest, minutes);
    QCOMPARE(minutes.size(), std::size_t(240));
    QCOMPARE(minutes.front().bucketStartMs, 0);

    store.applyRetention(newest + 10 * 3'600'000LL);
    QVERIFY(!store.oldestTimestampMs(id));
    QVERIFY(!store.lastSample(id, newest, 60'000));
}

void tst_TimeSeriesStore::rollupsAreIncremental()
{
    TimeSeriesStore store;
    const SeriesId id = store.resolve(s("g"), {});
    // 3 hours every 15 s: value = minute index * 10 + (sample within minute).
    std::vector<IdSample> samples;
    for (int i = 0; i < 720; ++i)
        samples.push_back({id, i * 15'000LL, double((i / 4) * 10 + i % 4)});
    samples.push_back({id, 720 * 15'000LL, std::nan("")}); // NaN does not pollute rollups
    QCOMPARE(store.ingest(samples).appended, 721);

    std::vector<RollupPoint> minutes;
    store.readRollups(id, RollupResolution::OneMinute, 0, 100'000'000, minutes);
    QCOMPARE(minutes.size(), std::size_t(180));
    for (std::size_t m = 0; m < minutes.size(); ++m) {
        const RollupPoint &p = minutes[m];
        QCOMPARE(p.bucketStartMs, qint64(m) * 60'000);
        QCOMPARE(p.count, 4.0);
        QCOMPARE(p.min, double(m * 10));
        QCOMPARE(p.max, double(m * 10 + 3));
        QCOMPARE(p.sum, double(m * 40 + 6));
    }
    std::vector<RollupPoint> hours;
    store.readRollups(id, RollupResolution::OneHour, 0, 100'000'000, hours);
    QCOMPARE(hours.size(), std::size_t(3));
    QCOMPARE(hours[1].bucketStartMs, 3'600'000);
    QCOMPARE(hours[1].count, 240.0);
    QCOMPARE(hours[1].min, 600.0);
    QCOMPARE(hours[1].max, 1193.0);
    // Range filter on bucket starts.
    minutes.clear();
    store.readRollups(id, RollupResolution::OneMinute, 120'000, 240'000, minutes);
    QCOMPARE(minutes.size(), std::size_t(3));
}

void tst_TimeSeriesStore::lastSampleWithLookback()
{
    TimeSeriesStore store;
    const SeriesId id = store.resolve(s("m"), {});
    for (int i = 0; i < 400; ++i)
        QCOMPARE(store.append(id, 1'000'000 + i * 15'000LL, double(i)).appended, 1);
    const qint64 last = 1'000'000 + 399 * 15'000LL;
    QCOMPARE(store.lastSample(id, last + 1000, 300'000), (std::optional<Sample>{{last, 399.0}}));
    QCOMPARE(store.lastSample(id, last + 300'000, 300'000), std::nullopt); // lookback is left-open
    QCOMPARE(store.lastSample(id, last + 299'999, 300'000), (std::optional<Sample>{{last, 399.0}}));
    // In the middle: inside a sealed chunk.
    QCOMPARE(store.lastSample(id, 1'000'000 + 50 * 15'000 + 14'999, 300'000),
             (std::optional<Sample>{{1'000'000 + 50 * 15'000, 50.0}}));
    QCOMPARE(store.lastSample(id, 999'999, 300'000), std::nullopt);
    QCOMPARE(store.lastSample(id + 99, last, 300'000), std::nullopt);
}

void tst_TimeSeriesStore::concurrentIngestion()
{
    TimeSeriesStore store;
    const int seriesPerThread = 500;
    const int samplesPerSeries = 300;
    auto worker = [&](int thread) {
        std::vector<SeriesId> ids;
        for (int i = 0; i < seriesPerThread; ++i)
            ids.push_back(store.resolve(s("m"), nodeLabels(QStringLiteral("%1-%2").arg(thread).arg(i))));
        for (int k = 0; k < samplesPerSeries; ++k) {
            std::vector<IdSample> batch;
            for (const SeriesId id : ids)
                batch.push_back({id, k * 10'000LL, double(k)});
            store.ingest(batch);
        }
    };
    std::thread a(worker, 0);
    std::thread b(worker, 1);
    std::thread c([&] { // a reader at the same time
        for (int i = 0; i < 200; ++i) {
            const auto ids = store.select(s("m"));
            if (ids && !ids->empty())
                (void)store.read(ids->front(), 0, 1'000'000'000);
        }
    });
    a.join();
    b.join();
    c.join();
    QCOMPARE(store.seriesCount(), 2 * seriesPerThread);
    QCOMPARE(store.samplesAppendedTotal(), qint64(2 * seriesPerThread * samplesPerSeries));
    QCOMPARE(store.samplesOutOfOrderTotal(), 0);
    const auto id = store.find(s("m"), nodeLabels(s("1-17")));
    QVERIFY(id);
    QCOMPARE(store.read(*id, 0, 1'000'000'000).size(), samplesPerSeries);
}

void tst_TimeSeriesStore::memoryAccounting()
{
    TimeSeriesStore store;
    const int series = 1000;
    std::vector<SeriesId> ids;
    for (int i = 0; i < series; ++i)
        ids.push_back(store.resolve(s("m"), nodeLabels(QString::number(i))));
    QRandomGenerator rng(5);
    for (int k = 0; k < 240; ++k) {
        std::vector<IdSample> batch;
        for (const SeriesId id : ids)
            batch.push_back({id, k * 15'000LL, double(k / 10 + int(rng.bounded(2)) * 0)});
        store.ingest(batch);
    }
    const TimeSeriesStoreStats st = store.stats();
    QCOMPARE(st.seriesCount, series);
    QCOMPARE(st.sampleCount, series * 240LL);
    QCOMPARE(st.sealedChunkCount, series * 1LL);
    QVERIFY(st.compressedBytes > 0);
    QVERIFY(st.totalBytes > st.compressedBytes + st.indexBytes);
    QVERIFY2(st.bytesPerSample() < 1.5, qPrintable(QString::number(st.bytesPerSample())));
    QVERIFY2(st.bytesPerSeries() < 4096, qPrintable(QString::number(st.bytesPerSeries())));
    qInfo("%.2f B/sample, %.0f B/series (rollups %lld B, index %lld B)", st.bytesPerSample(),
          st.bytesPerSeries(), st.rollupBytes, st.indexBytes);
}

void tst_TimeSeriesStore::unknownSeriesIdIsCounted()
{
    TimeSeriesStore store;
    QCOMPARE(store.append(12345, 1, 1.0).unknownSeries, 1);
    QCOMPARE(store.samplesAppendedTotal(), 0);
    QVERIFY(store.read(12345, 0, 10).isEmpty());
}

QTEST_GUILESS_MAIN(tst_TimeSeriesStore)
#include "tst_timeseriesstore.moc"
