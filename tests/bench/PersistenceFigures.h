#pragma once

// bench_telemetry's persistence figures (TelemetryPersistence): tsdb_persist_chunks_per_s and
// tsdb_restart_load_10k_series_ms.

#include "telemetry/TelemetryPersistence.h"
#include "telemetry/TimeSeriesStore.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <vector>

namespace Continuo::Bench {

/// Persistence: sealed chunks committed per second (default batching), then the restart load of
/// 10k series holding 6 h at 15 s (what the engine keeps in memory) with rollups and heads.
inline int persistenceFigures(qint64 startMs, qint64 intervalMs,
                              void (*print)(const char *name, double value, const char *unit))
{
    struct Recorder final : IChunkSink
    {
        struct Entry
        {
            SeriesId id;
            RollupResolution resolution;
            qint64 minMs, maxMs;
            QByteArray bytes;
        };
        void chunkSealed(SeriesId id, const QString &, const Labels &, qint64 minMs, qint64 maxMs,
                         const QByteArray &bytes) override
        {
            entries.push_back({id, RollupResolution::Unknown, minMs, maxMs, bytes});
        }
        void rollupChunkSealed(SeriesId id, RollupResolution resolution, qint64 minMs, qint64 maxMs,
                               const QByteArray &bytes) override
        {
            entries.push_back({id, resolution, minMs, maxMs, bytes});
        }
        std::vector<Entry> entries;
    };
    QTemporaryDir dir;
    const int seriesCount = 10'000;
    const int samples = 1440;
    TimeSeriesStoreOptions memory;
    memory.rawRetentionMs = 6LL * 3600 * 1000;
    TelemetryPersistenceOptions options;
    options.databasePath = dir.filePath(TelemetryPersistence::databaseFileName());
    options.checkpointInterval = std::chrono::hours(1); // only the explicit ones
    const qint64 end = startMs + qint64(samples) * intervalMs;
    {
        TimeSeriesStore store(memory);
        Recorder recorder;
        store.setChunkSink(&recorder);
        std::vector<SeriesId> ids;
        for (int i = 0; i < seriesCount; ++i)
            ids.push_back(
                store.resolve(QStringLiteral("node_bench_value"),
                              {{QStringLiteral("instance"), QStringLiteral("host-%1:9100").arg(i)},
                               {QStringLiteral("job"), QStringLiteral("node")}}));
        // Node-exporter-like mix (about 2 B/sample, as tsdb_bytes_per_sample_realistic): a
        // quarter constant, counters with their own rate, gauges with two decimals, integer
        // gauges that change every few minutes.
        auto valueOf = [](SeriesId id, int k) {
            switch (id % 4) {
            case 0:
                return 17179869184.0;
            case 1:
                return double(id) * 1000 + double(k) * 15 * (id % 13 + 1);
            case 2:
                return std::round(100 * (50 + 10 * std::sin(k * 0.01 + id))) / 100;
            default:
                return double(k / 20 + id % 100);
            }
        };
        std::vector<IdSample> batch;
        for (int k = 0; k < samples; ++k) {
            batch.clear();
            for (const SeriesId id : ids)
                batch.push_back({id, startMs + k * intervalMs, valueOf(id, k)});
            store.ingest(batch);
        }
        store.setChunkSink(nullptr);
        TelemetryPersistence persistence(store, options);
        if (auto opened = persistence.open(); !opened || !persistence.load(end)) {
            std::fprintf(stderr, "persistence failed: %s\n", qPrintable(opened.error()));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        for (const Recorder::Entry &e : recorder.entries) {
            if (e.resolution == RollupResolution::Unknown)
                persistence.chunkSealed(e.id, {}, {}, e.minMs, e.maxMs, e.bytes);
            else
                persistence.rollupChunkSealed(e.id, e.resolution, e.minMs, e.maxMs, e.bytes);
        }
        if (auto flushed = persistence.flush(); !flushed) {
            std::fprintf(stderr, "flush failed: %s\n", qPrintable(flushed.error()));
            return 1;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const TelemetryPersistenceStats stats = persistence.stats();
        qint64 bytes = 0;
        for (const Recorder::Entry &e : recorder.entries)
            bytes += e.bytes.size();
        std::printf("# persisted %lld chunks (%lld bytes) in %lld transactions, %.3f s\n",
                    stats.chunksWritten, bytes, stats.transactionsCommitted, seconds);
        print("tsdb_persist_chunks_per_s", double(stats.chunksWritten) / seconds, "chunks/s");
        if (auto closed = persistence.close(); !closed) { // seal heads, checkpoint rollup state
            std::fprintf(stderr, "close failed: %s\n", qPrintable(closed.error()));
            return 1;
        }
    }
    TimeSeriesStore restored(memory);
    TelemetryPersistence persistence(restored, options);
    QElapsedTimer timer;
    timer.start();
    auto opened = persistence.open();
    auto loaded =
        opened ? persistence.load(end) : Result<TelemetryLoadSummary>(Error(opened.error()));
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!loaded || loaded->samplesLoaded != qint64(seriesCount) * samples) {
        std::fprintf(stderr, "restart load failed: %s\n", qPrintable(loaded.error()));
        return 1;
    }
    std::printf("# restart: %lld series, %lld chunks, %lld rollup chunks, %lld heads, "
                "%lld samples\n",
                loaded->seriesLoaded, loaded->chunksLoaded, loaded->rollupChunksLoaded,
                loaded->headsLoaded, loaded->samplesLoaded);
    print("tsdb_restart_load_10k_series_ms", ms, "ms");
    return 0;
}

} // namespace Continuo::Bench
