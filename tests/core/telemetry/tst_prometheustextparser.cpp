#include "telemetry/PrometheusTextParser.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace Continuo;

namespace {
QByteArray fixture(const QString &name)
{
    QFile file(QFINDTESTDATA(QStringLiteral("fixtures/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

const SeriesBatch *findSeries(const ParsedExposition &parsed, const QString &key)
{
    for (const auto &batch : parsed.series) {
        if (batch.key() == key)
            return &batch;
    }
    return nullptr;
}

ExpositionParseOptions options(ExpositionFormat format, qint64 defaultTimestampMs = 1000,
                               ParseErrorPolicy policy = ParseErrorPolicy::Unknown)
{
    return ExpositionParseOptions{format, defaultTimestampMs, policy};
}
} // namespace

Q_DECLARE_METATYPE(Continuo::ExpositionFormat)
Q_DECLARE_METATYPE(Continuo::MetricType)

class tst_PrometheusTextParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<ExpositionFormat>("format");
        QTest::addColumn<int>("seriesCount");
        QTest::addColumn<int>("familyCount");
        QTest::addColumn<QString>("probeKey");
        QTest::addColumn<double>("probeValue");
        QTest::addColumn<qint64>("probeTimestampMs");
        QTest::addColumn<MetricType>("probeType");

        const qint64 scrape = 1000;
        // Captured from the packaged prometheus-node-exporter 1.5.0 (Debian 12), all default
        // collectors.
        QTest::newRow("node_exporter 1.5.0, text 0.0.4")
            << "node_exporter-1.5.0.prom" << ExpositionFormat::PrometheusText << 507 << 283
            << "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}" << 4098.04 << scrape << MetricType::Counter;
        QTest::newRow("node_exporter 1.5.0, gauge without labels")
            << "node_exporter-1.5.0.prom" << ExpositionFormat::PrometheusText << 507 << 283
            << "node_memory_MemTotal_bytes" << 2.5276514304e+10 << scrape << MetricType::Gauge;
        // Captured from the packaged Prometheus 2.42.0 server's own /metrics: histograms.
        QTest::newRow("prometheus 2.42.0, histogram bucket")
            << "prometheus-2.42.0.prom" << ExpositionFormat::PrometheusText << 295 << 154
            << "prometheus_http_request_duration_seconds_bucket{handler=\"/-/ready\",le=\"+Inf\"}" << 1.0
            << scrape << MetricType::Histogram;
        QTest::newRow("prometheus 2.42.0, summary quantile")
            << "prometheus-2.42.0.prom" << ExpositionFormat::PrometheusText << 295 << 154
            << "go_gc_duration_seconds{quantile=\"0.5\"}" << 0.000143711 << scrape << MetricType::Summary;
        QTest::newRow("text histogram _sum")
            << "histogram-summary.prom" << ExpositionFormat::PrometheusText << 22 << 3
            << "http_request_duration_seconds_sum" << 53423.0 << scrape << MetricType::Histogram;
        QTest::newRow("text summary _count")
            << "histogram-summary.prom" << ExpositionFormat::PrometheusText << 22 << 3
            << "rpc_duration_seconds_count" << 2693.0 << scrape << MetricType::Summary;
        QTest::newRow("text timestamp in ms")
            << "histogram-summary.prom" << ExpositionFormat::PrometheusText << 22 << 3
            << "http_requests_total{code=\"400\",method=\"post\"}" << 3.0 << qint64(1395066363000)
            << MetricType::Counter;
        QTest::newRow("text negative timestamp, +Inf")
            << "histogram-summary.prom" << ExpositionFormat::PrometheusText << 22 << 3
            << "something_weird{problem=\"division by zero\"}" << qInf() << qint64(-3982045)
            << MetricType::Unknown;
        QTest::newRow("text blanks everywhere, trailing comma")
            << "histogram-summary.prom" << ExpositionFormat::PrometheusText << 22 << 3
            << "leading_blanks{a=\"1\"}" << 2.0 << scrape << MetricType::Unknown;
        QTest::newRow("OpenMetrics counter, seconds timestamp with fraction")
            << "openmetrics-1.0.0.om" << ExpositionFormat::OpenMetrics << 32 << 10
            << "http_requests_total{code=\"400\"}" << 3.0 << qint64(1395066363500) << MetricType::Counter;
        QTest::newRow("OpenMetrics _created")
            << "openmetrics-1.0.0.om" << ExpositionFormat::OpenMetrics << 32 << 10
            << "http_requests_created{code=\"200\"}" << 1395066000.0 << scrape << MetricType::Counter;
        QTest::newRow("OpenMetrics histogram bucket with exemplar")
            << "openmetrics-1.0.0.om" << ExpositionFormat::OpenMetrics << 32 << 10
            << "rpc_latency_seconds_bucket{le=\"+Inf\"}" << 17.0 << scrape << MetricType::Histogram;
        QTest::newRow("OpenMetrics gaugehistogram")
            << "openmetrics-1.0.0.om" << ExpositionFormat::OpenMetrics << 32 << 10
            << "rpc_queue_length_gsum" << 17.0 << scrape << MetricType::GaugeHistogram;
        QTest::newRow("OpenMetrics info")
            << "openmetrics-1.0.0.om" << ExpositionFormat::OpenMetrics << 32 << 10
            << "acme_build_info{revision=\"4f2c1a\",version=\"1.2.3\"}" << 1.0 << scrape << MetricType::Info;
        QTest::newRow("OpenMetrics stateset")
            << "openmetrics-1.0.0.om" << ExpositionFormat::OpenMetrics << 32 << 10
            << "feature_flags{feature_flags=\"b\"}" << 0.0 << scrape << MetricType::StateSet;
        QTest::newRow("OpenMetrics -Inf and escapes")
            << "openmetrics-1.0.0.om" << ExpositionFormat::OpenMetrics << 32 << 10
            << "room_temperature_celsius{room=\"server \\\"A\\\"\\\\lab\\nwest\"}" << -qInf() << scrape
            << MetricType::Gauge;
        QTest::newRow("OpenMetrics unknown type")
            << "openmetrics-1.0.0.om" << ExpositionFormat::OpenMetrics << 32 << 10
            << "legacy_thing" << 4.5 << scrape << MetricType::Untyped;
    }

    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(ExpositionFormat, format);
        QFETCH(int, seriesCount);
        QFETCH(int, familyCount);
        QFETCH(QString, probeKey);
        QFETCH(double, probeValue);
        QFETCH(qint64, probeTimestampMs);
        QFETCH(MetricType, probeType);

        const auto parsed = PrometheusTextParser::parse(fixture(file), options(format));
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
        QCOMPARE(toString(parsed->format), toString(format));
        QCOMPARE(parsed->series.size(), seriesCount);
        QCOMPARE(parsed->metadata.size(), familyCount);
        QVERIFY(parsed->skippedLines.isEmpty());
        const SeriesBatch *probe = findSeries(*parsed, probeKey);
        QVERIFY2(probe, qPrintable(probeKey));
        QCOMPARE(probe->samples.size(), 1);
        QCOMPARE(probe->samples.first().value, probeValue);
        QCOMPARE(probe->samples.first().timestampMs, probeTimestampMs);
        const auto metadata = parsed->metadataFor(probe->metric);
        QCOMPARE(toString(metadata ? metadata->type : MetricType::Unknown), toString(probeType));
        for (const auto &batch : parsed->series)
            QVERIFY2(!batch.metric.isEmpty() && batch.samples.size() == 1, qPrintable(batch.key()));
    }

    void metadata()
    {
        const auto om = PrometheusTextParser::parse(fixture(QStringLiteral("openmetrics-1.0.0.om")),
                                                    options(ExpositionFormat::OpenMetrics));
        QVERIFY2(om.hasValue(), qPrintable(om.error()));
        const auto latency = om->metadataFor(QStringLiteral("rpc_latency_seconds_bucket"));
        QVERIFY(latency);
        QCOMPARE(latency->family, QStringLiteral("rpc_latency_seconds"));
        QCOMPARE(latency->unit, QStringLiteral("seconds"));
        QCOMPARE(latency->help, QStringLiteral("RPC latency with an escaped \"quote\" and a \\ in the help."));
        const auto cpu = om->metadataFor(QStringLiteral("process_cpu_seconds_total"));
        QVERIFY(cpu);
        QCOMPARE(toString(cpu->type), toString(MetricType::Counter));
        QCOMPARE(cpu->unit, QStringLiteral("seconds"));

        const auto text = PrometheusTextParser::parse(fixture(QStringLiteral("escaping.prom")),
                                                      options(ExpositionFormat::PrometheusText));
        QVERIFY2(text.hasValue(), qPrintable(text.error()));
        QCOMPARE(text->metadata.size(), 1);
        // Text 0.0.4 HELP knows \\ and \n only; \" stays as written.
        QCOMPARE(text->metadata.first().help,
                 QStringLiteral("Help with a backslash \\ and a newline \n in it; a \\\"quote\\\" stays escaped."));
        QCOMPARE(toString(text->metadata.first().type), toString(MetricType::Gauge));
    }

    void labelEscaping_data()
    {
        QTest::addColumn<QString>("caseName");
        QTest::addColumn<QString>("value");
        QTest::newRow("backslash") << "backslash" << "C:\\DIR\\FILE.TXT";
        QTest::newRow("quote") << "quote" << "say \"hi\"";
        QTest::newRow("newline") << "newline" << "line1\nline2";
        QTest::newRow("unknown escape kept") << "unknown escape" << "keep \\q as written";
        QTest::newRow("utf-8") << "utf-8" << QStringLiteral("Ζεύς ⚡");
        QTest::newRow("comma and brace") << "comma and brace" << "a,b}c{d=e";
        QTest::newRow("empty") << "empty" << "";
    }

    void labelEscaping()
    {
        QFETCH(QString, caseName);
        QFETCH(QString, value);
        const auto parsed = PrometheusTextParser::parse(fixture(QStringLiteral("escaping.prom")),
                                                        options(ExpositionFormat::PrometheusText));
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
        bool found = false;
        for (const auto &batch : parsed->series) {
            if (batch.labels.value(QStringLiteral("case")) != caseName)
                continue;
            found = true;
            QCOMPARE(batch.labels.value(QStringLiteral("value")), value);
            QCOMPARE(batch.labels.contains(QStringLiteral("value")), true);
        }
        QVERIFY(found);
    }

    void specialValues()
    {
        const QByteArray text = "a NaN\nb +Inf\nc -Inf\nd Inf\ne nan\nf 1e-3\ng -0.5\nh +7\ni .5\nj 1E3\n";
        const auto parsed = PrometheusTextParser::parse(text, options(ExpositionFormat::PrometheusText));
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
        QCOMPARE(parsed->series.size(), 10);
        QVERIFY(std::isnan(parsed->series[0].samples[0].value));
        QCOMPARE(parsed->series[1].samples[0].value, qInf());
        QCOMPARE(parsed->series[2].samples[0].value, -qInf());
        QCOMPARE(parsed->series[3].samples[0].value, qInf());
        QVERIFY(std::isnan(parsed->series[4].samples[0].value));
        QCOMPARE(parsed->series[5].samples[0].value, 0.001);
        QCOMPARE(parsed->series[6].samples[0].value, -0.5);
        QCOMPARE(parsed->series[7].samples[0].value, 7.0);
        QCOMPARE(parsed->series[8].samples[0].value, 0.5);
        QCOMPARE(parsed->series[9].samples[0].value, 1000.0);
    }

    void defaultTimestampAndCrLf()
    {
        const QByteArray text = "# TYPE a gauge\r\na 1\r\nb{x=\"y\"} 2 5\r\n";
        const auto parsed = PrometheusTextParser::parse(text, options(ExpositionFormat::PrometheusText, 777));
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
        QCOMPARE(parsed->series.size(), 2);
        QCOMPARE(parsed->series[0].samples[0].timestampMs, qint64(777));
        QCOMPARE(parsed->series[1].samples[0].timestampMs, qint64(5));
        QCOMPARE(parsed->lineCount, 3);
    }

    void malformed_data()
    {
        QTest::addColumn<ExpositionFormat>("format");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expectedError");
        const auto text = ExpositionFormat::PrometheusText;
        const auto om = ExpositionFormat::OpenMetrics;

        QTest::newRow("text: bad value") << text << QByteArray("a 1\nbar abc\n")
                                         << "line 2: invalid value 'abc' for sample 'bar'";
        QTest::newRow("text: unterminated label value") << text << QByteArray("a{x=\"b} 1\n")
                                                        << "line 1: unterminated value of label 'x'";
        QTest::newRow("text: missing =") << text << QByteArray("a{x \"b\"} 1\n")
                                         << "line 1: expected '=' after label name 'x'";
        QTest::newRow("text: missing quote") << text << QByteArray("a{x=b} 1\n")
                                             << "line 1: expected '\"' to open the value of label 'x'";
        QTest::newRow("text: no value") << text << QByteArray("# TYPE a gauge\na\n")
                                        << "line 2: sample 'a' has no value";
        QTest::newRow("text: no value after labels") << text << QByteArray("a{x=\"1\"}\n")
                                                     << "line 1: sample 'a' has no value";
        QTest::newRow("text: fractional timestamp") << text << QByteArray("a 1 12.5\n")
                                                    << "line 1: invalid timestamp '12.5' for sample 'a'";
        QTest::newRow("text: trailing text") << text << QByteArray("a 1 123 456\n")
                                             << "line 1: unexpected text '456' after the value of 'a'";
        QTest::newRow("text: duplicate label") << text << QByteArray("a{x=\"1\",x=\"2\"} 1\n")
                                               << "line 1: duplicate label 'x' (in 'a')";
        QTest::newRow("text: unknown type") << text << QByteArray("# TYPE a gaugeish\n")
                                            << "line 1: unknown metric type 'gaugeish' for 'a'";
        QTest::newRow("text: OpenMetrics-only type") << text << QByteArray("# TYPE a stateset\n")
                                                     << "line 1: unknown metric type 'stateset' for 'a'";
        QTest::newRow("text: second TYPE") << text << QByteArray("# TYPE a gauge\n# TYPE a counter\n")
                                           << "line 2: second TYPE line for 'a'";
        QTest::newRow("text: second HELP") << text << QByteArray("# HELP a x\n# HELP a y\n")
                                           << "line 2: second HELP line for 'a'";
        QTest::newRow("text: name starts with a digit") << text << QByteArray("1a 1\n")
                                                        << "line 1: expected a metric name, got '1a 1'";
        QTest::newRow("text: bad label name") << text << QByteArray("a{1x=\"1\"} 1\n")
                                              << "line 1: invalid label name at '1x=\"1\"} 1'";
        QTest::newRow("text: unclosed label set") << text << QByteArray("a{x=\"1\" 1\n")
                                                  << "line 1: expected ',' or '}' after the value of label 'x'";
        QTest::newRow("text: junk in name") << text << QByteArray("a-b 1\n")
                                            << "line 1: invalid character '-' after metric name 'a'";
        QTest::newRow("text: value overflows") << text << QByteArray("a 1e999\n")
                                               << "line 1: invalid value '1e999' for sample 'a'";

        QTest::newRow("OM: missing EOF") << om << QByteArray("a 1\n")
                                         << "line 1: missing # EOF at the end of the OpenMetrics exposition";
        QTest::newRow("OM: content after EOF") << om << QByteArray("a 1\n# EOF\nb 2\n")
                                               << "line 3: content after # EOF";
        QTest::newRow("OM: empty line") << om << QByteArray("a 1\n\nb 1\n# EOF\n")
                                        << "line 2: empty line (OpenMetrics allows none)";
        QTest::newRow("OM: plain comment") << om << QByteArray("# just saying\n# EOF\n")
                                           << "line 1: expected '# HELP', '# TYPE', '# UNIT' or '# EOF'";
        QTest::newRow("OM: counter without _total") << om << QByteArray("# TYPE a counter\na 1\n# EOF\n")
                                                    << "line 2: sample name 'a' is not valid for counter 'a'";
        QTest::newRow("OM: bucket without le") << om << QByteArray("# TYPE h histogram\nh_bucket 1\n# EOF\n")
                                               << "line 2: histogram bucket 'h_bucket' without an 'le' label";
        QTest::newRow("OM: bad le") << om << QByteArray("# TYPE h histogram\nh_bucket{le=\"x\"} 1\n# EOF\n")
                                    << "line 2: invalid 'le' value 'x' on 'h_bucket'";
        QTest::newRow("OM: quantile missing") << om << QByteArray("# TYPE s summary\ns 1\n# EOF\n")
                                              << "line 2: summary sample 's' without a 'quantile' label";
        QTest::newRow("OM: interleaved families")
            << om << QByteArray("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na 2\n# EOF\n")
            << "line 5: metric family 'a' appears again after other families";
        QTest::newRow("OM: TYPE after samples") << om << QByteArray("a 1\n# TYPE a gauge\n# EOF\n")
                                                << "line 2: TYPE line for 'a' after its samples";
        QTest::newRow("OM: unit not a suffix") << om << QByteArray("# TYPE a gauge\n# UNIT a seconds\n# EOF\n")
                                               << "line 2: unit 'seconds' is not a suffix of metric family 'a'";
        QTest::newRow("OM: millisecond-style timestamp") << om << QByteArray("a 1 1e20\n# EOF\n")
                                                         << "line 1: invalid timestamp '1e20' for sample 'a' (OpenMetrics wants seconds)";
        QTest::newRow("OM: malformed exemplar") << om << QByteArray("# TYPE c counter\nc_total 1 # oops\n# EOF\n")
                                                << "line 2: malformed exemplar '# oops' on 'c_total'";
        QTest::newRow("OM: leading blank") << om << QByteArray(" a 1\n# EOF\n")
                                           << "line 1: expected a metric name, got ' a 1'";
        QTest::newRow("OM: untyped is no OpenMetrics type") << om << QByteArray("# TYPE a untyped\n# EOF\n")
                                                             << "line 1: unknown metric type 'untyped' for 'a'";
    }

    void malformed()
    {
        QFETCH(ExpositionFormat, format);
        QFETCH(QByteArray, text);
        QFETCH(QString, expectedError);
        const auto parsed = PrometheusTextParser::parse(text, options(format));
        QVERIFY2(!parsed.hasValue(), "a malformed exposition was accepted");
        QVERIFY2(parsed.error().startsWith(expectedError), qPrintable(parsed.error()));
        // SkipLine does not soften OpenMetrics: the whole exposition is still rejected.
        if (format == ExpositionFormat::OpenMetrics)
            QVERIFY(!PrometheusTextParser::parse(text, options(format, 0, ParseErrorPolicy::SkipLine)).hasValue());
    }

    void skipLinePolicyReportsEveryBadLine()
    {
        const QByteArray text = "good 1\nbad{ 2\nalso_good{x=\"1\"} 3\nworse 1 2 3\nlast 4\n";
        const auto rejected = PrometheusTextParser::parse(text, options(ExpositionFormat::PrometheusText));
        QVERIFY(!rejected.hasValue());
        QVERIFY2(rejected.error().startsWith(QStringLiteral("line 2: ")), qPrintable(rejected.error()));

        const auto skipped = PrometheusTextParser::parse(
            text, options(ExpositionFormat::PrometheusText, 0, ParseErrorPolicy::SkipLine));
        QVERIFY2(skipped.hasValue(), qPrintable(skipped.error()));
        QCOMPARE(skipped->series.size(), 3);
        QCOMPARE(skipped->series[0].metric, QStringLiteral("good"));
        QCOMPARE(skipped->series[1].metric, QStringLiteral("also_good"));
        QCOMPARE(skipped->series[2].metric, QStringLiteral("last"));
        QCOMPARE(skipped->skippedLines.size(), 2);
        QVERIFY2(skipped->skippedLines[0].startsWith(QStringLiteral("line 2: ")), qPrintable(skipped->skippedLines[0]));
        QVERIFY2(skipped->skippedLines[1].startsWith(QStringLiteral("line 4: unexpected text '3'")),
                 qPrintable(skipped->skippedLines[1]));
    }

    void garbageNeverCrashes()
    {
        // Every prefix of every fixture, plus some binary noise: an error or a value, no crash.
        const QStringList files{QStringLiteral("openmetrics-1.0.0.om"), QStringLiteral("histogram-summary.prom"),
                                QStringLiteral("escaping.prom")};
        for (const QString &file : files) {
            const QByteArray text = fixture(file);
            for (qsizetype cut = 0; cut <= text.size(); cut += 7) {
                const QByteArray part = text.left(cut);
                (void)PrometheusTextParser::parse(part, options(ExpositionFormat::PrometheusText));
                (void)PrometheusTextParser::parse(part, options(ExpositionFormat::OpenMetrics));
            }
        }
        // Single-byte mutations towards the characters the grammar cares about.
        quint32 state = 12345;
        auto next = [&state] {
            state = state * 1664525u + 1013904223u;
            return state >> 8;
        };
        const char special[] = {'"', '{', '}', '\\', '\n', ' ', '#', '=', ',', '\0', '\t', 'e', '+'};
        for (const QString &file : files) {
            const QByteArray original = fixture(file);
            for (int round = 0; round < 300; ++round) {
                QByteArray mutated = original;
                for (int flips = 0; flips < 3; ++flips)
                    mutated[qsizetype(next() % quint32(mutated.size()))] = special[next() % sizeof special];
                (void)PrometheusTextParser::parse(mutated, options(ExpositionFormat::PrometheusText, 0, ParseErrorPolicy::SkipLine));
                (void)PrometheusTextParser::parse(mutated, options(ExpositionFormat::OpenMetrics));
            }
        }
        QByteArray noise;
        for (int i = 0; i < 20000; ++i)
            noise.append(char(next() >> 16));
        (void)PrometheusTextParser::parse(noise, options(ExpositionFormat::PrometheusText));
        (void)PrometheusTextParser::parse(noise, options(ExpositionFormat::OpenMetrics));
        const auto nul = PrometheusTextParser::parse(QByteArray("a\0 1\n", 5), options(ExpositionFormat::PrometheusText));
        QVERIFY(!nul.hasValue());
        const auto empty = PrometheusTextParser::parse(QByteArray(), options(ExpositionFormat::PrometheusText));
        QVERIFY(empty.hasValue());
        QCOMPARE(empty->series.size(), 0);
    }

    void formatFromContentType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<ExpositionFormat>("format");
        QTest::newRow("node_exporter") << QByteArray("text/plain; version=0.0.4; charset=utf-8")
                                       << ExpositionFormat::PrometheusText;
        QTest::newRow("OpenMetrics") << QByteArray("application/openmetrics-text; version=1.0.0; charset=utf-8")
                                     << ExpositionFormat::OpenMetrics;
        QTest::newRow("OpenMetrics upper case") << QByteArray("Application/OpenMetrics-Text")
                                                << ExpositionFormat::OpenMetrics;
        QTest::newRow("missing") << QByteArray() << ExpositionFormat::PrometheusText;
        QTest::newRow("unknown falls back to text") << QByteArray("application/json")
                                                    << ExpositionFormat::PrometheusText;
    }

    void formatFromContentType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(ExpositionFormat, format);
        QCOMPARE(toString(PrometheusTextParser::formatFromContentType(contentType)), toString(format));
    }
};

QTEST_GUILESS_MAIN(tst_PrometheusTextParser)
#include "tst_prometheustextparser.moc"
