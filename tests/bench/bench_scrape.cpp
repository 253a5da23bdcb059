// bench_scrape: parse time of a realistic 5,000-line Prometheus text exposition.
//
// The exposition is the captured node_exporter 1.5.0 output (tests/core/telemetry/fixtures),
// repeated with renamed families (r1_node_…, r2_node_…) until it has 5,000 lines — HELP/TYPE
// lines, histograms, summaries and labelled counters in node_exporter's real proportions. If
// the fixture is missing, a generated exposition of the same shape is used instead.
//
// Prints `BENCH scrape_parse_5000_lines_ms <median> ms`,
// `BENCH scrape_parse_lines_per_s <lines / median> lines/s` and, since about half of
// node_exporter's lines are HELP/TYPE, `BENCH scrape_parse_samples_per_s`.

#include "telemetry/PrometheusTextParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Continuo;

namespace {

constexpr int TargetLines = 5000;

QByteArray fromFixture()
{
    QFile file(QStringLiteral(CONTINUO_TELEMETRY_FIXTURES "/node_exporter-1.5.0.prom"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = file.readAll().split('\n');
    QByteArray out;
    int written = 0;
    for (int copy = 1; written < TargetLines; ++copy) {
        const QByteArray prefix = "r" + QByteArray::number(copy) + "_";
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE "))
                out += line.left(7) + prefix + line.mid(7);
            else
                out += prefix + line;
            out += '\n';
            if (++written == TargetLines)
                break;
        }
    }
    return out;
}

QByteArray generated()
{
    QByteArray out;
    int written = 0;
    for (int family = 0; written < TargetLines; ++family) {
        const QByteArray name = "node_generated_" + QByteArray::number(family) + "_seconds_total";
        out += "# HELP " + name + " Seconds the CPUs spent in each mode.\n# TYPE " + name + " counter\n";
        written += 2;
        for (int cpu = 0; cpu < 8 && written < TargetLines; ++cpu) {
            for (const char *mode : {"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"}) {
                if (written == TargetLines)
                    break;
                out += name + "{cpu=\"" + QByteArray::number(cpu) + "\",mode=\"" + mode + "\"} "
                       + QByteArray::number(12345.67 + cpu * 3.1 + family, 'g', 10) + '\n';
                ++written;
            }
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QByteArray text = fromFixture();
    const char *source = "node_exporter-1.5.0 fixture";
    if (text.isEmpty()) {
        text = generated();
        source = "generated";
    }
    const qsizetype lines = text.count('\n');

    const ExpositionParseOptions options{ExpositionFormat::PrometheusText, 1700000000000, ParseErrorPolicy::RejectScrape};
    const auto check = PrometheusTextParser::parse(text, options);
    if (!check) {
        std::fprintf(stderr, "bench_scrape: exposition does not parse: %s\n", qPrintable(check.error()));
        return 1;
    }

    for (int i = 0; i < 20; ++i) // warm-up: caches, allocator
        (void)PrometheusTextParser::parse(text, options);
    constexpr int Runs = 301;
    std::vector<double> ms;
    ms.reserve(Runs);
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto parsed = PrometheusTextParser::parse(text, options);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!parsed)
            return 1;
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    std::printf("# %lld lines (%lld samples, %s), %d runs; p10 %.3f ms, p90 %.3f ms\n", (long long)lines,
                (long long)check->series.size(), source, Runs, ms[ms.size() / 10], ms[ms.size() * 9 / 10]);
    std::printf("BENCH scrape_parse_5000_lines_ms %.3f ms\n", median);
    std::printf("BENCH scrape_parse_lines_per_s %.0f lines/s\n", double(lines) / (median / 1000.0));
    std::printf("BENCH scrape_parse_samples_per_s %.0f samples/s\n",
                double(check->series.size()) / (median / 1000.0));
    return 0;
}
