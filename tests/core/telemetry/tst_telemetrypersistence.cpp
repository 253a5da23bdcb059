#include "engine/Engine.h"
#include "telemetry/TelemetryHub.h"
#include "telemetry/TelemetryPersistence.h"
#include "telemetry/TelemetryQuery.h"
#include "telemetry/TimeSeriesStore.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <memory>

using namespace Continuo;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

constexpr qint64 kStepMs = 15'000;
/// A Tuesday, 00:00:00 UTC: bucket boundaries fall on sample times, as they do in production.
constexpr qint64 kT0 = 1'700'006'400'000;

Labels nodeLabels(int node)
{
    return {{s("node"), s("node-%1").arg(node)}, {s("site"), s("site-a")}};
}

double valueAt(int node, int i)
{
    return std::round((50 + 40 * std::sin(i * 0.05 + node)) * 100) / 100 + (i % 7) * 0.25;
}

/// Samples [first, last) of `nodes` series node_cpu{node=...}, 15 s apart from kT0.
void ingestRange(TimeSeriesStore &store, int nodes, int first, int last)
{
    QList<SeriesBatch> batches;
    for (int n = 0; n < nodes; ++n) {
        SeriesBatch batch{s("node_cpu"), nodeLabels(n), {}};
        for (int i = first; i < last; ++i)
            batch.samples.append({kT0 + i * kStepMs, valueAt(n, i)});
        batches.append(batch);
    }
    store.ingest(batches);
}

qint64 timeOf(int i)
{
    return kT0 + i * kStepMs;
}

TelemetryPersistenceOptions persistenceOptions(const QString &path)
{
    TelemetryPersistenceOptions options;
    options.databasePath = path;
    // The tests checkpoint and flush explicitly; timers must not interfere.
    options.checkpointInterval = std::chrono::hours(1);
    options.retentionInterval = std::chrono::hours(1);
    options.flushInterval = std::chrono::hours(1);
    options.flushChunkCount = 1'000'000;
    return options;
}

std::vector<RollupPoint> rollups(const TimeSeriesStore &store, SeriesId id,
                                 RollupResolution resolution, qint64 from, qint64 to)
{
    std::vector<RollupPoint> out;
    store.readRollups(id, resolution, from, to, out);
    return out;
}

/// Empty when both series hold the same samples and rollups over [from, to], else the first
/// difference.
QString difference(const TimeSeriesStore &a, SeriesId idA, const TimeSeriesStore &b, SeriesId idB,
                   qint64 from, qint64 to)
{
    const QList<Sample> samplesA = a.read(idA, from, to);
    const QList<Sample> samplesB = b.read(idB, from, to);
    if (samplesA.size() != samplesB.size())
        return s("%1 samples vs %2").arg(samplesA.size()).arg(samplesB.size());
    for (qsizetype i = 0; i < samplesA.size(); ++i) {
        if (!(samplesA[i] == samplesB[i]))
            return s("sample %1: (%2, %3) vs (%4, %5)")
                .arg(i)
                .arg(samplesA[i].timestampMs)
                .arg(samplesA[i].value)
                .arg(samplesB[i].timestampMs)
                .arg(samplesB[i].value);
    }
    for (const RollupResolution resolution :
         {RollupResolution::OneMinute, RollupResolution::OneHour}) {
        const auto rollupsA = rollups(a, idA, resolution, from, to);
        const auto rollupsB = rollups(b, idB, resolution, from, to);
        if (rollupsA.size() != rollupsB.size())
            return s("%1 rollups: %2 buckets vs %3")
                .arg(toString(resolution))
                .arg(rollupsA.size())
                .arg(rollupsB.size());
        for (std::size_t i = 0; i < rollupsA.size(); ++i) {
            if (!(rollupsA[i] == rollupsB[i]))
                return s("%1 bucket %2 at %3: count %4 sum %5 vs at %6: count %7 sum %8")
                    .arg(toString(resolution))
                    .arg(i)
                    .arg(rollupsA[i].bucketStartMs)
                    .arg(rollupsA[i].count)
                    .arg(rollupsA[i].sum)
                    .arg(rollupsB[i].bucketStartMs)
                    .arg(rollupsB[i].count)
                    .arg(rollupsB[i].sum);
        }
    }
    return {};
}

/// A second connection to the database file, for looking at and damaging rows.
class Database
{
public:
    explicit Database(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) !=
            SQLITE_OK) {
            sqlite3_close(m_db);
            m_db = nullptr;
        }
    }
    ~Database() { sqlite3_close(m_db); }
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    /// Empty on success, else SQLite's message.
    QString exec(const char *sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
            return {};
        const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        return text.isEmpty() ? s("failed") : text;
    }
    /// The first column of the first row, or -1.
    qint64 integer(const char *sql)
    {
        sqlite3_stmt *statement = nullptr;
        qint64 value = -1;
        if (sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW)
            value = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
        return value;
    }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace

class tst_TelemetryPersistence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripRestoresSamplesAndRollups();
    void checkpointedHeadsSurviveACrash();
    void chunkSealedAfterTheCheckpointSurvivesACrash();
    void readsOlderThanMemoryComeFromTheDatabase();
    void retentionDeletesOldRows();
    void corruptRowsAreSkipped();
    void unusableDatabasesAreRefusedAndKept();
    void engineRestoresTelemetryAfterRestart();
    void engineRunsInMemoryWhenTheDatabaseCannotBeOpened();
};

void tst_TelemetryPersistence::roundTripRestoresSamplesAndRollups()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(TelemetryPersistence::databaseFileName());
    constexpr int nodes = 3;
    constexpr int count = 1300; // 5 h 25 min: sealed raw and 1 min chunks, open buckets

    TimeSeriesStore original;
    qint64 sealedChunks = 0;
    {
        TelemetryPersistence persistence(original, persistenceOptions(path));
        QVERIFY2(persistence.open(), "open");
        const auto loaded = persistence.load(kT0);
        QVERIFY2(loaded, qPrintable(loaded.error()));
        QCOMPARE(loaded->seriesLoaded, 0);
        ingestRange(original, nodes, 0, count);
        const auto closed = persistence.close(); // seal all, final checkpoint
        QVERIFY2(closed, qPrintable(closed.error()));
        sealedChunks = original.stats().sealedChunkCount;
    }
    QCOMPARE(sealedChunks, nodes * 11); // 10 full chunks and the sealed head per series

    TimeSeriesStore restored;
    TelemetryPersistence persistence(restored, persistenceOptions(path));
    QVERIFY(persistence.open());
    const auto loaded = persistence.load(timeOf(count));
    QVERIFY2(loaded, qPrintable(loaded.error()));
    QCOMPARE(loaded->seriesLoaded, nodes);
    QCOMPARE(loaded->chunksLoaded, sealedChunks);
    QVERIFY(loaded->rollupChunksLoaded >= nodes * 2); // 1 min: buckets 0..239 sealed
    QCOMPARE(loaded->headsLoaded, nodes);
    QCOMPARE(loaded->rowsSkipped, 0);
    QCOMPARE(loaded->samplesLoaded, qint64(nodes) * count);
    QCOMPARE(restored.seriesCount(), nodes);

    for (int n = 0; n < nodes; ++n) {
        const auto a = original.find(s("node_cpu"), nodeLabels(n));
        const auto b = restored.find(s("node_cpu"), nodeLabels(n));
        QVERIFY(a && b);
        const QString diff = difference(original, *a, restored, *b, 0, timeOf(count));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // Both continue identically: head and rollup state (open buckets included) came back
    // exactly, so the next samples extend the same buckets.
    ingestRange(original, nodes, count, count + 300);
    ingestRange(restored, nodes, count, count + 300);
    for (int n = 0; n < nodes; ++n) {
        const auto a = original.find(s("node_cpu"), nodeLabels(n));
        const auto b = restored.find(s("node_cpu"), nodeLabels(n));
        const QString diff = difference(original, *a, restored, *b, 0, timeOf(count + 300));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
    QVERIFY(persistence.close());
}

void tst_TelemetryPersistence::checkpointedHeadsSurviveACrash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(TelemetryPersistence::databaseFileName());
    QList<Sample> acknowledged;
    std::vector<RollupPoint> minutes;
    std::vector<RollupPoint> hours;
    {
        TimeSeriesStore store;
        TelemetryPersistence persistence(store, persistenceOptions(path));
        QVERIFY(persistence.open());
        QVERIFY(persistence.load(kT0));
        ingestRange(store, 1, 0, 100); // all in the head: nothing sealed yet
        QCOMPARE(store.chunksSealedTotal(), 0);
        const auto written = persistence.checkpoint();
        QVERIFY2(written, qPrintable(written.error()));
        QCOMPARE(*written, 1);
        QCOMPARE(*persistence.checkpoint(), 0); // nothing changed since

        const SeriesId id = *store.find(s("node_cpu"), nodeLabels(0));
        acknowledged = store.read(id, 0, timeOf(200));
        minutes = rollups(store, id, RollupResolution::OneMinute, 0, timeOf(200));
        hours = rollups(store, id, RollupResolution::OneHour, 0, timeOf(200));
        QCOMPARE(acknowledged.size(), 100);
        QCOMPARE(minutes.size(), std::size_t(25));

        ingestRange(store, 1, 100, 110); // after the checkpoint: inside the loss window
        // Destroyed without close(): no final seal, no final checkpoint, as a kill -9.
    }

    TimeSeriesStore restored;
    TelemetryPersistence persistence(restored, persistenceOptions(path));
    QVERIFY(persistence.open());
    const auto loaded = persistence.load(timeOf(110));
    QVERIFY2(loaded, qPrintable(loaded.error()));
    QCOMPARE(loaded->headsLoaded, 1);
    QCOMPARE(loaded->chunksLoaded, 0);
    const SeriesId id = *restored.find(s("node_cpu"), nodeLabels(0));
    QCOMPARE(restored.read(id, 0, timeOf(200)), acknowledged);
    QVERIFY(rollups(restored, id, RollupResolution::OneMinute, 0, timeOf(200)) == minutes);
    QVERIFY(rollups(restored, id, RollupResolution::OneHour, 0, timeOf(200)) == hours);
    // The source resends what was lost; the store takes it as the continuation.
    QCOMPARE(restored.append(id, timeOf(100), valueAt(0, 100)).appended, 1);
}

void tst_TelemetryPersistence::chunkSealedAfterTheCheckpointSurvivesACrash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(TelemetryPersistence::databaseFileName());
    {
        TimeSeriesStore store;
        TelemetryPersistence persistence(store, persistenceOptions(path));
        QVERIFY(persistence.open());
        QVERIFY(persistence.load(kT0));
        ingestRange(store, 1, 0, 100);
        QVERIFY(persistence.checkpoint());
        // Sample 120 seals [0, 119]; the chunk is committed, the newer head is not.
        ingestRange(store, 1, 100, 150);
        QCOMPARE(store.chunksSealedTotal(), 1);
        QVERIFY(persistence.flush());
    }

    TimeSeriesStore restored;
    TelemetryPersistence persistence(restored, persistenceOptions(path));
    QVERIFY(persistence.open());
    const auto loaded = persistence.load(timeOf(150));
    QVERIFY2(loaded, qPrintable(loaded.error()));
    QCOMPARE(loaded->chunksLoaded, 1);
    QCOMPARE(loaded->rowsSkipped, 0);

    // The stale head adds nothing; the rollups restored from it are brought up to date with
    // the chunk's newer samples, exactly as a store that saw samples 0..119.
    TimeSeriesStore reference;
    ingestRange(reference, 1, 0, 120);
    const SeriesId id = *restored.find(s("node_cpu"), nodeLabels(0));
    const SeriesId referenceId = *reference.find(s("node_cpu"), nodeLabels(0));
    const QString diff = difference(reference, referenceId, restored, id, 0, timeOf(200));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(restored.read(id, 0, timeOf(200)).size(), 120);
}

void tst_TelemetryPersistence::readsOlderThanMemoryComeFromTheDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(TelemetryPersistence::databaseFileName());
    TimeSeriesStoreOptions memory;
    memory.rawRetentionMs = 3'600'000;           // 1 h of raw samples in memory
    memory.oneMinuteRetentionMs = 3 * 3'600'000; // 3 h of 1 min rollups
    constexpr int count = 8 * 240;               // 8 h

    TimeSeriesStore reference; // keeps everything in memory
    ingestRange(reference, 1, 0, count);
    const SeriesId referenceId = *reference.find(s("node_cpu"), nodeLabels(0));
    const qint64 end = timeOf(count);

    {
        TimeSeriesStore store(memory);
        TelemetryPersistence persistence(store, persistenceOptions(path));
        QVERIFY(persistence.open());
        QVERIFY(persistence.load(kT0));
        ingestRange(store, 1, 0, count);
        QVERIFY(persistence.flush());
        const SeriesId id = *store.find(s("node_cpu"), nodeLabels(0));
        QVERIFY(*store.oldestTimestampMs(id) > kT0 + 6 * 3'600'000); // memory dropped the rest
        const QString diff = difference(reference, referenceId, store, id, 0, end);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // Queries over the long range see the database behind memory too.
        RangeQuery query;
        query.selector = s("node_cpu");
        query.startMs = kT0 + 3'600'000;
        query.endMs = end;
        query.stepMs = 600'000;
        const auto fromPersisted = TelemetryQuery(store).evaluate(query);
        const auto fromMemory = TelemetryQuery(reference).evaluate(query);
        QVERIFY(fromPersisted && fromMemory);
        QCOMPARE(toString(fromPersisted->resolution), toString(QueryResolution::OneMinute));
        QCOMPARE(fromPersisted->series, fromMemory->series);
        QCOMPARE(fromPersisted->series.first().samples.size(), 43);
        const auto range = TelemetryQuery(store).range(s("node_cpu"), 0, end);
        QVERIFY(range);
        QCOMPARE(range->first().samples.size(), count);
        QVERIFY(persistence.close());
    }

    // After a restart memory holds the last hour only; the rest still reads back.
    TimeSeriesStore restored(memory);
    TelemetryPersistence persistence(restored, persistenceOptions(path));
    QVERIFY(persistence.open());
    const auto loaded = persistence.load(end);
    QVERIFY2(loaded, qPrintable(loaded.error()));
    QVERIFY2(loaded->samplesLoaded <= 2 * 240 + 120,
             qPrintable(QString::number(loaded->samplesLoaded)));
    const SeriesId id = *restored.find(s("node_cpu"), nodeLabels(0));
    const QString diff = difference(reference, referenceId, restored, id, 0, end);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void tst_TelemetryPersistence::retentionDeletesOldRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(TelemetryPersistence::databaseFileName());
    TelemetryPersistenceOptions options = persistenceOptions(path);
    options.rawRetentionMs = 3'600'000;           // 1 h
    options.oneMinuteRetentionMs = 3 * 3'600'000; // 3 h
    options.oneHourRetentionMs = 10 * 3'600'000;  // 10 h
    constexpr int count = 8 * 240;                // 8 h
    const qint64 now = timeOf(count);

    TimeSeriesStore store;
    TelemetryPersistence persistence(store, options);
    QVERIFY(persistence.open());
    QVERIFY(persistence.load(kT0));
    ingestRange(store, 1, 0, count);
    QVERIFY(persistence.checkpoint());

    Database db(path);
    QVERIFY(db.isOpen());
    const qint64 rawBefore = db.integer("SELECT count(*) FROM chunks WHERE tier = 0");
    const qint64 minuteBefore = db.integer("SELECT count(*) FROM chunks WHERE tier = 1");
    QCOMPARE(rawBefore, 15);   // 16 chunks of 120 samples, the last still the head
    QCOMPARE(minuteBefore, 3); // buckets 0..359 sealed, 360..479 in the head

    const auto removed = persistence.applyRetention(now);
    QVERIFY2(removed, qPrintable(removed.error()));
    const qint64 rawAfter = db.integer("SELECT count(*) FROM chunks WHERE tier = 0");
    const qint64 minuteAfter = db.integer("SELECT count(*) FROM chunks WHERE tier = 1");
    QCOMPARE(removed->chunksDeleted, (rawBefore - rawAfter) + (minuteBefore - minuteAfter));
    QCOMPARE(rawAfter, 1);    // [7 h, 7 h 30) still reaches into the last hour
    QCOMPARE(minuteAfter, 1); // [4 h, 6 h) reaches into the last 3 hours
    QVERIFY(db.integer("SELECT min(max_ts) FROM chunks WHERE tier = 0") >= now - 3'600'000);
    QVERIFY(db.integer("SELECT min(max_ts) FROM chunks WHERE tier = 1") >= now - 3 * 3'600'000);
    QCOMPARE(removed->headsDeleted, 0);
    QCOMPARE(db.integer("SELECT count(*) FROM heads"), 1);

    // Eleven hours later everything has expired, heads included.
    const auto later = persistence.applyRetention(now + 11 * 3'600'000);
    QVERIFY2(later, qPrintable(later.error()));
    QCOMPARE(later->headsDeleted, 1);
    QCOMPARE(db.integer("SELECT count(*) FROM chunks WHERE tier < 2"), 0);
    QVERIFY(persistence.close());
}

void tst_TelemetryPersistence::corruptRowsAreSkipped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(TelemetryPersistence::databaseFileName());
    TimeSeriesStore original;
    {
        TelemetryPersistence persistence(original, persistenceOptions(path));
        QVERIFY(persistence.open());
        QVERIFY(persistence.load(kT0));
        ingestRange(original, 2, 0, 300);
        QVERIFY(persistence.close());
    }
    {
        Database db(path);
        QVERIFY(db.isOpen());
        const char *damage[] = {
            // node-0: the middle raw chunk truncated.
            "UPDATE chunks SET data = substr(data, 1, 12) WHERE rowid = (SELECT c.rowid FROM "
            "chunks c JOIN series s ON s.id = c.series_id WHERE s.labels LIKE '%node-0%' AND "
            "c.tier = 0 ORDER BY c.min_ts LIMIT 1 OFFSET 1)",
            // node-1: a copy of its first chunk (overlaps), an unknown tier, a text value,
            // a garbage open bucket.
            "INSERT INTO chunks SELECT series_id, tier, min_ts, max_ts, data FROM chunks WHERE "
            "series_id = (SELECT id FROM series WHERE labels LIKE '%node-1%') AND tier = 0 "
            "ORDER BY min_ts LIMIT 1",
            "INSERT INTO chunks SELECT id, 7, 1700006400000, 1700006400001, x'00' FROM series "
            "WHERE labels LIKE '%node-1%'",
            "INSERT INTO chunks SELECT id, 0, 1700006400000, 1700006400001, 'not a blob' FROM "
            "series WHERE labels LIKE '%node-1%'",
            "UPDATE heads SET minute_open = x'deadbeef' WHERE series_id = (SELECT id FROM series "
            "WHERE labels LIKE '%node-1%')",
            // A series whose labels are not JSON, and rows of a series that does not exist.
            "INSERT INTO series (id, metric, labels) VALUES (100, 'ghost', 'not json')",
            "INSERT INTO chunks VALUES (100, 0, 1700006400000, 1700006400001, x'0001')",
            "INSERT INTO chunks VALUES (555, 0, 1700006400000, 1700006400001, x'0001')",
            "INSERT INTO heads (series_id, last_ts, samples) VALUES (556, 5, x'ffffffff')",
        };
        QCOMPARE(db.exec("PRAGMA foreign_keys = OFF"), QString());
        for (const char *sql : damage)
            QCOMPARE(db.exec(sql), QString());
    }

    TimeSeriesStore restored;
    TelemetryPersistence persistence(restored, persistenceOptions(path));
    QVERIFY(persistence.open());
    const auto loaded = persistence.load(timeOf(300));
    QVERIFY2(loaded, qPrintable(loaded.error()));
    // Truncated, overlapping, text, garbage open bucket, bad labels, and three rows of series
    // that do not exist; the unknown tier is never read.
    QVERIFY2(loaded->rowsSkipped == 8, qPrintable(loaded->problems.join(u'\n')));
    QVERIFY(!restored.find(s("ghost"), {}));

    const SeriesId node0 = *restored.find(s("node_cpu"), nodeLabels(0));
    const SeriesId node1 = *restored.find(s("node_cpu"), nodeLabels(1));
    const SeriesId original0 = *original.find(s("node_cpu"), nodeLabels(0));
    const SeriesId original1 = *original.find(s("node_cpu"), nodeLabels(1));
    QCOMPARE(restored.read(node1, 0, timeOf(300)), original.read(original1, 0, timeOf(300)));
    QList<Sample> expected0 = original.read(original0, 0, timeOf(119));
    expected0 += original.read(original0, timeOf(240), timeOf(300));
    QCOMPARE(restored.read(node0, 0, timeOf(300)), expected0);
    // The store keeps working on what it has.
    QCOMPARE(restored.append(node0, timeOf(300), 1.0).appended, 1);
    QVERIFY(persistence.close());
}

void tst_TelemetryPersistence::unusableDatabasesAreRefusedAndKept()
{
    QTemporaryDir dir;
    TimeSeriesStore store;
    {
        const QString path = dir.filePath(s("garbage.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray garbage = QByteArray("this is not an SQLite database\n").repeated(200);
        file.write(garbage);
        file.close();
        TelemetryPersistence persistence(store, persistenceOptions(path));
        const auto opened = persistence.open();
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(path), qPrintable(opened.error()));
        QVERIFY(!persistence.isOpen());
        QVERIFY(!persistence.load(kT0));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }
    {
        const QString path = dir.filePath(s("foreign.db"));
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "PRAGMA application_id = 42; CREATE TABLE t (x)", nullptr,
                              nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(raw);
        TelemetryPersistence persistence(store, persistenceOptions(path));
        const auto opened = persistence.open();
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(s("another application")), qPrintable(opened.error()));
        Database db(path);
        QCOMPARE(db.integer("SELECT count(*) FROM sqlite_master"), 1);
    }
    {
        const QString path = dir.filePath(s("newer.db"));
        {
            TimeSeriesStore other;
            TelemetryPersistence persistence(other, persistenceOptions(path));
            QVERIFY(persistence.open());
            QVERIFY(persistence.close());
        }
        {
            Database db(path);
            QCOMPARE(db.exec("PRAGMA user_version = 99"), QString());
        }
        TelemetryPersistence persistence(store, persistenceOptions(path));
        const auto opened = persistence.open();
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(s("schema version 99")), qPrintable(opened.error()));
    }
}

void tst_TelemetryPersistence::engineRestoresTelemetryAfterRestart()
{
    QTemporaryDir dir;
    QTemporaryDir noPlugins;
    EngineOptions options;
    options.dataDirectory = dir.path();
    options.scenario = s("none");
    options.hostProbe = false;
    options.pluginPaths = {noPlugins.path()};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SeriesBatch batch{s("link_latency_seconds"), {{s("link"), s("l1")}}, {}};
    for (int i = 0; i < 500; ++i)
        batch.samples.append({now - (500 - i) * 1000LL, 0.001 * (i % 17)});
    {
        Engine engine;
        QVERIFY(engine.start(options));
        QVERIFY(engine.telemetry()->persistence());
        engine.telemetry()->ingest({batch});
        engine.stop();
        QVERIFY(!engine.telemetry()->persistence());
    }
    QVERIFY(QFile::exists(dir.filePath(s("telemetry.db"))));
    Engine engine;
    QVERIFY(engine.start(options));
    QVERIFY(engine.telemetry()->seriesCount() >= 1);
    QCOMPARE(engine.telemetry()->range(batch.key(), 0, now), batch.samples);
    QCOMPARE(engine.telemetry()->latest(batch.key())->timestampMs,
             batch.samples.last().timestampMs);
    engine.stop();

    // Off: nothing written.
    QTemporaryDir memoryOnly;
    options.dataDirectory = memoryOnly.path();
    options.persistTelemetry = false;
    Engine inMemory;
    QVERIFY(inMemory.start(options));
    QVERIFY(!inMemory.telemetry()->persistence());
    inMemory.stop();
    QVERIFY(!QFile::exists(memoryOnly.filePath(s("telemetry.db"))));
}

void tst_TelemetryPersistence::engineRunsInMemoryWhenTheDatabaseCannotBeOpened()
{
    QTemporaryDir dir;
    QTemporaryDir noPlugins;
    const QString path = dir.filePath(s("telemetry.db"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("garbage, not SQLite ").repeated(100));
    }
    EngineOptions options;
    options.dataDirectory = dir.path();
    options.scenario = s("none");
    options.hostProbe = false;
    options.pluginPaths = {noPlugins.path()};
    Engine engine;
    const auto started = engine.start(options);
    QVERIFY2(started, qPrintable(started.error()));
    QVERIFY(!engine.telemetry()->persistence());
    const QList<Event> warnings = engine.recentEvents(0, s("Telemetry.Storage"));
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(toString(warnings.first().severity), toString(EventSeverity::Warning));
    QVERIFY2(warnings.first().message.contains(path), qPrintable(warnings.first().message));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    engine.telemetry()->ingest({SeriesBatch{s("m"), {}, {{now, 1.0}}}});
    QCOMPARE(engine.telemetry()->range(s("m"), 0, now).size(), 1);
    engine.stop();
}

QTEST_GUILESS_MAIN(tst_TelemetryPersistence)
#include "tst_telemetrypersistence.moc"
