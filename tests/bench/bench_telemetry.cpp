// bench_telemetry: the time-series store's figures for issue 3.
//
// Realistic data: the captured node_exporter 1.5.0 exposition (tests/core/telemetry/fixtures,
// 507 samples) is the per-host catalogue; ~198 hosts give 100k series, each with
// `instance` and `job` labels. Every series evolves the way its kind does on a real host:
// counters grow at their own rate (value / uptime) rounded to their resolution (cpu seconds to
// 0.01, bytes to integers), idle error counters stay at zero, memory gauges move in pages with a
// daily shape, load averages have two decimals, scrape durations and node_time_seconds are
// full-precision noise, configuration and info series are constant. A host is scraped every
// 15 s at its own offset (Prometheus spreads targets); 1% of scrapes are 3–40 ms late, the rest
// land on the interval (Prometheus' timestamp tolerance). Each scrape is one batch of the
// host's samples addressed by cached series ids, as a scraper with a series cache delivers it.
//
// Prints `BENCH <name> <value> <unit>` lines:
//   tsdb_ingest_samples_per_s_1core, tsdb_ingest_samples_per_s_2cores,
//   tsdb_ingest_samples_per_s_labels_1core (labels resolved per sample: QList<SeriesBatch>),
//   tsdb_bytes_per_sample_realistic, tsdb_bytes_per_sample_noisy,
//   tsdb_query_1h_p50_ms / _p99_ms, tsdb_query_sumby_10k_p50_ms / _p99_ms,
//   tsdb_bytes_per_series (whole store / series after one hour at 15 s: samples, rollups, index),
//   tsdb_bytes_per_series_overhead (the same without the compressed samples),
//   tsdb_persist_chunks_per_s, tsdb_restart_load_10k_series_ms (TelemetryPersistence),
//   subscribe_latency_p99_ms / subscribe_latency_local_p99_ms (ingest → a gRPC
//   SubscribeTelemetry client / a LocalControlPlane subscriber; SubscribeLatency.h).
//
// Options: --hosts N (default: enough for 100k series), --scrapes N (default 240 = 1 h),
//          --quick (fewer scrapes and iterations, for a smoke run).

#include "PersistenceFigures.h"
#include "SubscribeLatency.h"
#include "telemetry/PrometheusTextParser.h"
#include "telemetry/TelemetryQuery.h"
#include "telemetry/TimeSeriesStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <thread>
#include <vector>

using namespace Continuo;

namespace {

constexpr qint64 IntervalMs = 15'000;
constexpr qint64 StartMs = 1'700'000'000'000; // a realistic epoch, so first timestamps are big
constexpr double DaySeconds = 86'400.0;

enum class Kind { Unknown, Constant, Counter, IdleCounter, PageGauge, IntegerGauge, LoadGauge,
                  TemperatureGauge, NoisyGauge, Clock };

struct Template
{
    QString metric;
    Labels labels;
    Kind kind = Kind::Unknown;
    double initial = 0;
    double resolution = 1; // counters: the value's decimal step
};

double decimalStep(double v)
{
    for (double step : {1.0, 0.1, 0.01, 0.001}) {
        if (std::abs(v / step - std::round(v / step)) < 1e-6)
            return step;
    }
    return 0; // full precision
}

Kind classify(const QString &name, MetricType type, double v)
{
    const auto has = [&](const char *part) { return name.contains(QLatin1String(part)); };
    if (name == QLatin1String("node_time_seconds"))
        return Kind::Clock;
    const bool counter = type == MetricType::Counter || name.endsWith(QLatin1String("_total"))
                         || (type == MetricType::Untyped
                             && (has("netstat") || has("vmstat") || has("_count")));
    if (counter)
        return v == 0 ? Kind::IdleCounter : Kind::Counter;
    if (type == MetricType::Summary || name.endsWith(QLatin1String("_sum")))
        return v == 0 ? Kind::Constant : Kind::NoisyGauge;
    if (has("_info") || has("success") || has("boot_time") || has("size_bytes") || has("Total")
        || has("speed") || has("mtu") || has("_max") || has("limit") || has("frequency")
        || has("_up") || has("flags") || has("carrier") || has("dormant") || has("start_time")
        || v == 0)
        return Kind::Constant;
    if (has("duration") || has("_seconds"))
        return Kind::NoisyGauge;
    if (has("load"))
        return Kind::LoadGauge;
    if (has("temp") || has("celsius"))
        return Kind::TemperatureGauge;
    if (v == std::round(v) && std::fmod(v, 4096) == 0)
        return Kind::PageGauge;
    if (v == std::round(v))
        return Kind::IntegerGauge;
    return Kind::NoisyGauge;
}

QList<Template> catalogue()
{
    QFile file(QStringLiteral(CONTINUO_TELEMETRY_FIXTURES "/node_exporter-1.5.0.prom"));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_telemetry: cannot read %s\n", qPrintable(file.fileName()));
        return {};
    }
    const auto parsed = PrometheusTextParser::parse(file.readAll(), {});
    if (!parsed) {
        std::fprintf(stderr, "bench_telemetry: %s\n", qPrintable(parsed.error()));
        return {};
    }
    QList<Template> out;
    for (const SeriesBatch &b : parsed->series) {
        if (b.samples.isEmpty() || !std::isfinite(b.samples.first().value))
            continue;
        const auto meta = parsed->metadataFor(b.metric);
        Template t;
        t.metric = b.metric;
        t.labels = b.labels;
        t.initial = b.samples.first().value;
        t.kind = classify(b.metric, meta ? meta->type : MetricType::Untyped, t.initial);
        t.resolution = decimalStep(t.initial);
        if (t.kind == Kind::Counter && t.resolution == 0)
            t.resolution = 0.001;
        out.append(t);
    }
    return out;
}

/// Per-series generator state.
struct SeriesState
{
    Kind kind = Kind::Unknown;
    double value = 0;
    double base = 0;
    double ratePerScrape = 0;
    double resolution = 1;
    double phase = 0;
};

class Generator
{
public:
    Generator(const QList<Template> &templates, int hosts)
    {
        QRandomGenerator rng(2024);
        const double uptimeSeconds = 3.0 * DaySeconds;
        for (int h = 0; h < hosts; ++h) {
            m_hostOffsetMs.push_back(qint64(rng.bounded(int(IntervalMs))));
            for (const Template &t : templates) {
                SeriesState s;
                s.kind = t.kind;
                const double scale = 0.5 + rng.generateDouble(); // hosts differ
                s.resolution = t.resolution;
                s.phase = rng.generateDouble() * 2 * M_PI;
                switch (t.kind) {
                case Kind::Counter: {
                    const double step = s.resolution > 0 ? s.resolution : 1;
                    s.value = std::round(t.initial * scale / step) * step;
                    s.ratePerScrape = std::max(step, t.initial * scale / uptimeSeconds
                                                         * double(IntervalMs) / 1000.0);
                    break;
                }
                case Kind::IdleCounter:
                    s.value = 0;
                    s.ratePerScrape = rng.bounded(10) == 0 ? 1 : 0; // a few ever move
                    break;
                case Kind::PageGauge:
                    s.base = std::round(t.initial * scale / 4096) * 4096;
                    break;
                default:
                    s.base = t.initial * scale;
                }
                if (s.kind == Kind::Constant)
                    s.value = t.initial;
                m_states.push_back(s);
            }
        }
        m_rng.seed(99);
    }

    qint64 timestampMs(int host, int scrape)
    {
        qint64 t = StartMs + qint64(scrape) * IntervalMs + m_hostOffsetMs[std::size_t(host)];
        if (m_rng.bounded(100) == 0)
            t += 3 + m_rng.bounded(38); // a late scrape
        return t;
    }

    double next(std::size_t series, qint64 timestampMs)
    {
        SeriesState &s = m_states[series];
        const double day = std::sin(2 * M_PI * double(timestampMs / 1000) / DaySeconds + s.phase);
        switch (s.kind) {
        case Kind::Counter: {
            const double step = s.resolution > 0 ? s.resolution : 1;
            const double inc = s.ratePerScrape * (0.6 + 0.8 * m_rng.generateDouble())
                               * (1 + 0.3 * day);
            s.value += std::round(inc / step) * step;
            s.value = std::round(s.value / step) * step;
            return s.value;
        }
        case Kind::IdleCounter:
            if (s.ratePerScrape > 0 && m_rng.bounded(20) == 0)
                s.value += 1;
            return s.value;
        case Kind::PageGauge:
            if (m_rng.bounded(10) < 7)
                s.value = s.base * (1 + 0.1 * day) + 4096.0 * (m_rng.bounded(64) - 32);
            s.value = std::max(0.0, std::round(s.value / 4096) * 4096);
            return s.value;
        case Kind::IntegerGauge:
            if (m_rng.bounded(10) < 3)
                s.value = std::max(0.0, std::round(s.base * (1 + 0.2 * day)
                                                   + double(m_rng.bounded(5)) - 2));
            return s.value;
        case Kind::LoadGauge:
            return std::round(100 * std::max(0.0, s.base * (1 + 0.5 * day)
                                                     + 0.1 * (m_rng.generateDouble() - 0.5)))
                   / 100;
        case Kind::TemperatureGauge:
            return std::round(10 * (s.base + 3 * day + m_rng.generateDouble())) / 10;
        case Kind::NoisyGauge:
            return s.base * (0.5 + m_rng.generateDouble());
        case Kind::Clock:
            return double(timestampMs) / 1000.0 + m_rng.generateDouble() * 1e-3;
        case Kind::Constant:
        case Kind::Unknown:
            break;
        }
        return s.value;
    }

private:
    std::vector<SeriesState> m_states;
    std::vector<qint64> m_hostOffsetMs;
    QRandomGenerator m_rng;
};

struct IngestWorkload
{
    QList<Template> templates;
    int hosts = 0;
    int perHost = 0;
    qsizetype seriesCount() const { return qsizetype(hosts) * perHost; }
};

Labels hostLabels(const Template &t, int host)
{
    Labels l = t.labels;
    l.insert(QStringLiteral("instance"), QStringLiteral("host-%1:9100").arg(host));
    l.insert(QStringLiteral("job"), QStringLiteral("node"));
    return l;
}

std::vector<SeriesId> resolveAll(TimeSeriesStore &store, const IngestWorkload &w)
{
    std::vector<SeriesId> ids;
    ids.reserve(std::size_t(w.seriesCount()));
    for (int h = 0; h < w.hosts; ++h) {
        for (const Template &t : w.templates)
            ids.push_back(store.resolve(t.metric, hostLabels(t, h)));
    }
    return ids;
}

struct IngestFigures
{
    double samplesPerSecond = 0;
    qint64 samples = 0;
};

/// Ingests `scrapes` scrapes of every host; threads split the hosts. Data for a block of
/// scrapes is generated before the block's clock starts.
IngestFigures ingestRealistic(TimeSeriesStore &store, const IngestWorkload &w, int scrapes, int threads)
{
    const std::vector<SeriesId> ids = resolveAll(store, w);
    Generator gen(w.templates, w.hosts);
    const int block = 20;
    std::vector<IdSample> data(std::size_t(block) * std::size_t(w.seriesCount()));
    double seconds = 0;
    qint64 total = 0;
    for (int first = 0; first < scrapes; first += block) {
        const int count = std::min(block, scrapes - first);
        for (int k = 0; k < count; ++k) {
            IdSample *row = data.data() + std::size_t(k) * std::size_t(w.seriesCount());
            std::size_t i = 0;
            for (int h = 0; h < w.hosts; ++h) {
                const qint64 t = gen.timestampMs(h, first + k);
                for (int m = 0; m < w.perHost; ++m, ++i)
                    row[i] = {ids[i], t, gen.next(i, t)};
            }
        }
        auto work = [&](int thread) {
            for (int k = 0; k < count; ++k) {
                const IdSample *row = data.data() + std::size_t(k) * std::size_t(w.seriesCount());
                for (int h = thread; h < w.hosts; h += threads)
                    store.ingest(std::span<const IdSample>(row + std::size_t(h) * std::size_t(w.perHost),
                                                           std::size_t(w.perHost)));
            }
        };
        QElapsedTimer timer;
        timer.start();
        if (threads == 1) {
            work(0);
        } else {
            std::vector<std::thread> pool;
            for (int t = 0; t < threads; ++t)
                pool.emplace_back(work, t);
            for (std::thread &t : pool)
                t.join();
        }
        seconds += double(timer.nsecsElapsed()) / 1e9;
        total += qint64(count) * w.seriesCount();
    }
    return {double(total) / seconds, total};
}

double ingestWithLabels(const IngestWorkload &w, int scrapes)
{
    TimeSeriesStore store;
    Generator gen(w.templates, w.hosts);
    double seconds = 0;
    qint64 total = 0;
    std::vector<QList<SeriesBatch>> perHost(std::size_t(w.hosts));
    for (int h = 0; h < w.hosts; ++h) {
        for (const Template &t : w.templates)
            perHost[std::size_t(h)].append({t.metric, hostLabels(t, h), {Sample{}}});
    }
    // The first scrape creates the series; it is not timed.
    for (int k = 0; k < scrapes + 1; ++k) {
        std::size_t i = 0;
        for (int h = 0; h < w.hosts; ++h) {
            const qint64 t = gen.timestampMs(h, k);
            for (SeriesBatch &b : perHost[std::size_t(h)])
                b.samples[0] = {t, gen.next(i++, t)};
        }
        QElapsedTimer timer;
        timer.start();
        for (const QList<SeriesBatch> &batches : perHost)
            store.ingest(batches);
        if (k > 0) {
            seconds += double(timer.nsecsElapsed()) / 1e9;
            total += w.seriesCount();
        }
    }
    return double(total) / seconds;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const auto index = std::size_t(std::ceil(p * double(v.size())) - 1);
    return v[std::min(index, v.size() - 1)];
}

void print(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.6g %s\n", name, value, unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    auto option = [&](const char *name, int fallback) {
        const qsizetype i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
    };

    IngestWorkload w;
    w.templates = catalogue();
    if (w.templates.isEmpty())
        return 1;
    w.perHost = int(w.templates.size());
    w.hosts = option("--hosts", (100'000 + w.perHost - 1) / w.perHost);
    const int scrapes = option("--scrapes", quick ? 40 : 240);
    std::printf("# %lld series (%d hosts x %d), %d scrapes every %lld ms\n",
                qlonglong(w.seriesCount()), w.hosts, w.perHost, scrapes, qlonglong(IntervalMs));

    if (args.contains(QStringLiteral("--breakdown"))) {
        // Bytes per sample by kind of series, one host's 120-sample chunks.
        Generator gen(w.templates, 1);
        const char *names[] = {"unknown", "constant", "counter", "idle-counter", "page-gauge",
                               "integer-gauge", "load", "temperature", "noisy", "clock"};
        std::vector<XorChunk> chunks(std::size_t(w.perHost));
        for (int k = 0; k < 120; ++k) {
            const qint64 t = gen.timestampMs(0, k);
            for (int m = 0; m < w.perHost; ++m)
                (void)chunks[std::size_t(m)].append(t, gen.next(std::size_t(m), t));
        }
        double bytes[10] = {};
        int counts[10] = {};
        for (int m = 0; m < w.perHost; ++m) {
            bytes[int(w.templates[m].kind)] += double(chunks[std::size_t(m)].sizeBytes());
            ++counts[int(w.templates[m].kind)];
        }
        for (int k = 0; k < 10; ++k) {
            if (counts[k])
                std::printf("# %-14s %4d series  %6.2f B/sample  %5.1f%% of bytes\n", names[k],
                            counts[k], bytes[k] / counts[k] / 120,
                            100 * bytes[k] / std::accumulate(bytes, bytes + 10, 0.0));
        }
    }

    // Ingestion, one thread: this store is then used for sizes and the 1 h query.
    TimeSeriesStore store;
    const IngestFigures one = ingestRealistic(store, w, scrapes, 1);
    print("tsdb_ingest_samples_per_s_1core", one.samplesPerSecond, "samples/s");
    {
        TimeSeriesStore two;
        const IngestFigures f = ingestRealistic(two, w, scrapes, 2);
        print("tsdb_ingest_samples_per_s_2cores", f.samplesPerSecond, "samples/s");
    }
    print("tsdb_ingest_samples_per_s_labels_1core", ingestWithLabels(w, quick ? 3 : 10),
          "samples/s");

    const TimeSeriesStoreStats st = store.stats();
    std::printf("# store: %lld series, %lld samples, %lld chunks sealed, compressed %lld B, "
                "rollups %lld B, series overhead %lld B, index %lld B, out of order %lld\n",
                st.seriesCount, st.sampleCount, st.sealedChunkCount, st.compressedBytes,
                st.rollupBytes, st.seriesOverheadBytes, st.indexBytes,
                store.samplesOutOfOrderTotal());
    print("tsdb_bytes_per_sample_realistic", st.bytesPerSample(), "B/sample");
    print("tsdb_bytes_per_series", st.bytesPerSeries(), "B/series");
    print("tsdb_bytes_per_series_overhead",
          double(st.totalBytes - st.compressedBytes) / double(st.seriesCount), "B/series");

    {
        // Noisy: random doubles at full precision, regular 15 s timestamps.
        TimeSeriesStoreOptions options;
        options.rollupsEnabled = false;
        TimeSeriesStore noisy(options);
        QRandomGenerator rng(7);
        std::vector<IdSample> batch;
        const int series = 10'000;
        std::vector<SeriesId> ids;
        for (int i = 0; i < series; ++i)
            ids.push_back(noisy.resolve(QStringLiteral("noise"),
                                        {{QStringLiteral("i"), QString::number(i)}}));
        for (int k = 0; k < 240; ++k) {
            batch.clear();
            for (const SeriesId id : ids)
                batch.push_back({id, StartMs + k * IntervalMs, rng.generateDouble() * 1000});
            noisy.ingest(batch);
        }
        print("tsdb_bytes_per_sample_noisy", noisy.stats().bytesPerSample(), "B/sample");
    }

    {
        // 1 h range of one series.
        TelemetryQuery query(store);
        const QString selector = QStringLiteral(
            "node_cpu_seconds_total{instance=\"host-7:9100\",cpu=\"0\",mode=\"idle\"}");
        const qint64 end = StartMs + qint64(scrapes) * IntervalMs;
        const qint64 start = end - 3'600'000;
        std::vector<double> ms;
        qsizetype points = 0;
        for (int i = 0; i < (quick ? 200 : 2000); ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto result = query.range(selector, start, end);
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!result || result->size() != 1) {
                std::fprintf(stderr, "1h query failed: %s\n", qPrintable(result.error()));
                return 1;
            }
            points = result->first().samples.size();
        }
        std::printf("# 1 h query: %lld samples\n", qlonglong(points));
        print("tsdb_query_1h_p50_ms", percentile(ms, 0.5), "ms");
        print("tsdb_query_1h_p99_ms", percentile(ms, 0.99), "ms");
    }

    {
        // sum by (site) over 10k series at 1 min step over 1 h.
        TimeSeriesStore gauges;
        std::vector<SeriesId> ids;
        for (int i = 0; i < 10'000; ++i)
            ids.push_back(gauges.resolve(
                QStringLiteral("node_memory_Active_bytes"),
                {{QStringLiteral("instance"), QStringLiteral("host-%1:9100").arg(i)},
                 {QStringLiteral("site"), QStringLiteral("site-%1").arg(i % 10)},
                 {QStringLiteral("job"), QStringLiteral("node")}}));
        QRandomGenerator rng(11);
        std::vector<IdSample> batch;
        for (int k = 0; k < 240; ++k) {
            batch.clear();
            for (const SeriesId id : ids)
                batch.push_back({id, StartMs + k * IntervalMs + id % 1000,
                                 4096.0 * double(100'000 + rng.bounded(1000))});
            gauges.ingest(batch);
        }
        TelemetryQuery query(gauges);
        RangeQuery q;
        q.selector = QStringLiteral("node_memory_Active_bytes");
        q.endMs = StartMs + 240 * IntervalMs;
        q.startMs = q.endMs - 3'600'000;
        q.stepMs = 60'000;
        q.aggregation = Aggregation::Sum;
        q.grouping = Grouping::By;
        q.groupingLabels = {QStringLiteral("site")};
        std::vector<double> ms;
        for (int i = 0; i < (quick ? 10 : 100); ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto result = query.evaluate(q);
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!result || result->series.size() != 10) {
                std::fprintf(stderr, "sum by query failed: %s\n", qPrintable(result.error()));
                return 1;
            }
        }
        print("tsdb_query_sumby_10k_p50_ms", percentile(ms, 0.5), "ms");
        print("tsdb_query_sumby_10k_p99_ms", percentile(ms, 0.99), "ms");
    }
    if (const int failed = Bench::persistenceFigures(StartMs, IntervalMs, print); failed != 0)
        return failed;
    if (const int failed = Bench::subscribeLatencyFigures(quick ? 200 : 1000, print); failed != 0)
        return failed;
    return 0;
}
