#include "telemetry/TelemetryQuery.h"

#include <QTest>

#include <cmath>

using namespace Continuo;

Q_DECLARE_METATYPE(Continuo::RangeQuery)

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Labels labels(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    Labels result;
    for (const auto &[name, value] : pairs)
        result.insert(s(name), s(value));
    return result;
}

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;

const SeriesBatch *findGroup(const QList<SeriesBatch> &series, const Labels &l)
{
    for (const SeriesBatch &b : series) {
        if (b.labels == l)
            return &b;
    }
    return nullptr;
}

} // namespace

class tst_TelemetryQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extrapolatedDelta_data();
    void extrapolatedDelta();
    void rateAndIncreaseWithCounterReset();
    void stepAlignmentAndLookback();
    void rangeAndInstant();
    void aggregation_data();
    void aggregation();
    void quantile_data();
    void quantile();
    void badInput_data();
    void badInput();
    void downsampleKeepsExtremes();
    void longRangesUseRollups();
    void rateOverRollups();
};

void tst_TelemetryQuery::extrapolatedDelta_data()
{
    QTest::addColumn<QList<Sample>>("samples");
    QTest::addColumn<double>("increase"); // over the window (0 s, 60 s]
    using L = QList<Sample>;

    // Samples at 15..60 s cover the window: extrapolated to its start, 30 × 60/45.
    QTest::newRow("steady counter") << L{{15'000, 10}, {30'000, 20}, {45'000, 30}, {60'000, 40}}
                                    << 40.0;
    // Reset 20 → 5: correction adds 20, raw increase 25, × 60/45.
    QTest::newRow("counter reset") << L{{15'000, 10}, {30'000, 20}, {45'000, 5}, {60'000, 15}}
                                   << 25.0 * 60 / 45;
    // Far from the start (30 s > 1.1 × 15 s): only half an interval is added there.
    QTest::newRow("half interval at the start") << L{{30'000, 100}, {45'000, 110}} << 25.0;
    // A counter that started from zero inside the window: not extrapolated below zero.
    // Zero is reached 15 s × 5/10 = 7.5 s before the first sample.
    QTest::newRow("stops at zero") << L{{30'000, 5}, {45'000, 15}} << 10.0 * (15 + 7.5 + 15) / 15;
    QTest::newRow("one sample") << L{{30'000, 5}} << qQNaN();
}

void tst_TelemetryQuery::extrapolatedDelta()
{
    QFETCH(QList<Sample>, samples);
    QFETCH(double, increase);
    const std::vector<Sample> v(samples.begin(), samples.end());
    const auto inc = TelemetryQuery::extrapolatedDelta(v, 0, 60'000, RangeFunction::Increase);
    const auto rate = TelemetryQuery::extrapolatedDelta(v, 0, 60'000, RangeFunction::Rate);
    if (std::isnan(increase)) {
        QVERIFY(!inc);
        QVERIFY(!rate);
        return;
    }
    QVERIFY(inc && rate);
    QVERIFY2(qAbs(*inc - increase) < 1e-9, qPrintable(QString::number(*inc)));
    QVERIFY2(qAbs(*rate - increase / 60) < 1e-12, qPrintable(QString::number(*rate)));
}

void tst_TelemetryQuery::rateAndIncreaseWithCounterReset()
{
    TimeSeriesStore store;
    const SeriesId id = store.resolve(s("http_requests_total"), labels({{"job", "api"}}));
    // Every 15 s from 0 to 120 s; the process restarts after 60 s.
    const QList<double> values{0, 10, 20, 30, 40, 5, 15, 25, 35};
    for (int i = 0; i < values.size(); ++i)
        QCOMPARE(store.append(id, i * 15 * Second, values[i]).appended, 1);

    TelemetryQuery query(store);
    RangeQuery q;
    q.selector = s("http_requests_total");
    q.startMs = 60 * Second;
    q.endMs = 120 * Second;
    q.stepMs = 60 * Second;
    q.windowMs = 60 * Second;
    q.function = RangeFunction::Increase;
    auto result = query.evaluate(q);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(toString(result->resolution), toString(QueryResolution::Raw));
    QCOMPARE(result->series.size(), 1);
    const SeriesBatch &inc = result->series.first();
    QVERIFY(inc.metric.isEmpty()); // the function drops the metric name
    QCOMPARE(inc.labels, labels({{"job", "api"}}));
    QCOMPARE(inc.samples.size(), 2);
    // t = 60 s: window (0, 60]: 10, 20, 30, 40 → 30 × 60/45 = 40.
    QCOMPARE(inc.samples[0].timestampMs, 60 * Second);
    QVERIFY(qAbs(inc.samples[0].value - 40.0) < 1e-9);
    // t = 120 s: window (60, 120]: 5, 15, 25, 35 (the reset from 40 happened before it);
    // 30 over 45 s, and zero is reached 45 × 5/30 = 7.5 s before the first sample, so the
    // extrapolation stops there: 30 × 52.5/45 = 35.
    QVERIFY2(qAbs(inc.samples[1].value - 35.0) < 1e-9, qPrintable(QString::number(inc.samples[1].value)));

    // A window that straddles the reset: (30, 90] holds 30, 40, 5, 15 → 15 - 30 + 40 = 25,
    // zero point 45 s × 30/25 = 54 s (beyond the start) → 25 × 60/45.
    q.startMs = q.endMs = 90 * Second;
    result = query.evaluate(q);
    QVERIFY(result);
    QVERIFY(qAbs(result->series.first().samples.first().value - 25.0 * 60 / 45) < 1e-9);
    q.function = RangeFunction::Rate;
    result = query.evaluate(q);
    QVERIFY(result);
    QVERIFY(qAbs(result->series.first().samples.first().value - 25.0 / 45) < 1e-12);
}

void tst_TelemetryQuery::stepAlignmentAndLookback()
{
    TimeSeriesStore store;
    const SeriesId id = store.resolve(s("g"), {});
    for (int i = 0; i <= 10; ++i)
        QCOMPARE(store.append(id, i * 10 * Second, double(i)).appended, 1);
    TelemetryQuery query(store);
    RangeQuery q;
    q.selector = s("g");
    q.startMs = 1 * Second;
    q.endMs = 45 * Second;
    q.stepMs = 10 * Second;
    auto result = query.evaluate(q);
    QVERIFY(result);
    QCOMPARE(result->series.size(), 1);
    QCOMPARE(result->series.first().metric, s("g"));
    // Evaluated at 1, 11, 21, 31, 41 s: the newest sample at or before each.
    QCOMPARE(result->series.first().samples,
             (QList<Sample>{{1000, 0}, {11000, 1}, {21000, 2}, {31000, 3}, {41000, 4}}));

    // The lookback hides stale values.
    q.startMs = 100 * Second;
    q.endMs = 200 * Second;
    q.lookbackMs = 30 * Second;
    result = query.evaluate(q);
    QVERIFY(result);
    QCOMPARE(result->series.first().samples,
             (QList<Sample>{{100'000, 10}, {110'000, 10}, {120'000, 10}}));

    // A staleness marker ends the series at once.
    QCOMPARE(store.append(id, 105 * Second, std::bit_cast<double>(TelemetryQuery::StaleMarkerBits)).appended, 1);
    q.startMs = 100 * Second;
    q.endMs = 110 * Second;
    result = query.evaluate(q);
    QVERIFY(result);
    QCOMPARE(result->series.first().samples, (QList<Sample>{{100'000, 10}}));
    const auto stale = query.instant(s("g"), 110 * Second);
    QVERIFY(stale);
    QVERIFY(stale->isEmpty());
    QCOMPARE(query.instant(s("g"), 104 * Second)->size(), 1);
}

void tst_TelemetryQuery::rangeAndInstant()
{
    TimeSeriesStore store;
    for (int n = 0; n < 3; ++n) {
        const SeriesId id = store.resolve(s("up"), labels({{"node", n == 0 ? "a" : n == 1 ? "b" : "c"}}));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(store.append(id, i * 15 * Second + (n == 2 ? -1000 * Second : 0), n + i).appended, 1);
    }
    TelemetryQuery query(store);
    const auto range = query.range(s("up{node!=\"a\"}"), 30 * Second, 60 * Second);
    QVERIFY(range);
    QCOMPARE(range->size(), 1); // c is long gone
    QCOMPARE(range->first().labels, labels({{"node", "b"}}));
    QCOMPARE(range->first().samples, (QList<Sample>{{30'000, 3}, {45'000, 4}, {60'000, 5}}));

    const auto instant = query.instant(s("up"), 100 * Second);
    QVERIFY(instant);
    QCOMPARE(instant->size(), 2);
    QCOMPARE(instant->at(0).samples, (QList<Sample>{{90'000, 6}}));
    QCOMPARE(instant->at(1).samples, (QList<Sample>{{90'000, 7}}));
    const auto narrow = query.instant(s("up"), 100 * Second, 5 * Second);
    QVERIFY(narrow);
    QVERIFY(narrow->isEmpty());
    QVERIFY(!query.instant(s("up"), 1, 0));
    QVERIFY(!query.range(s("up{"), 0, 1));
}

void tst_TelemetryQuery::aggregation_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<int>("grouping");
    QTest::addColumn<QStringList>("groupLabels");
    QTest::addColumn<QList<Labels>>("expectedLabels");
    QTest::addColumn<QList<double>>("expectedValues");

    const Labels x = labels({{"site", "x"}});
    const Labels y = labels({{"site", "y"}});
    const QStringList site{s("site")};
    QTest::newRow("sum by site") << int(Aggregation::Sum) << int(Grouping::By) << site
                                 << QList<Labels>{x, y} << QList<double>{3, 12};
    QTest::newRow("avg by site") << int(Aggregation::Avg) << int(Grouping::By) << site
                                 << QList<Labels>{x, y} << QList<double>{1.5, 6};
    QTest::newRow("min by site") << int(Aggregation::Min) << int(Grouping::By) << site
                                 << QList<Labels>{x, y} << QList<double>{1, 5};
    QTest::newRow("max by site") << int(Aggregation::Max) << int(Grouping::By) << site
                                 << QList<Labels>{x, y} << QList<double>{2, 7};
    QTest::newRow("count by site") << int(Aggregation::Count) << int(Grouping::By) << site
                                   << QList<Labels>{x, y} << QList<double>{2, 2};
    QTest::newRow("sum without node,mode")
        << int(Aggregation::Sum) << int(Grouping::Without) << QStringList{s("node"), s("mode")}
        << QList<Labels>{x, y} << QList<double>{3, 12};
    QTest::newRow("sum by mode")
        << int(Aggregation::Sum) << int(Grouping::By) << QStringList{s("mode")}
        << QList<Labels>{labels({{"mode", "idle"}}), labels({{"mode", "user"}})}
        << QList<double>{6, 9};
    QTest::newRow("sum of everything") << int(Aggregation::Sum) << int(Grouping::By) << QStringList{}
                                       << QList<Labels>{Labels()} << QList<double>{15};
    QTest::newRow("count without nothing keeps series")
        << int(Aggregation::Count) << int(Grouping::Without) << QStringList{}
        << QList<Labels>{labels({{"mode", "idle"}, {"node", "a"}, {"site", "x"}})}
        << QList<double>{1};
}

void tst_TelemetryQuery::aggregation()
{
    QFETCH(int, op);
    QFETCH(int, grouping);
    QFETCH(QStringList, groupLabels);
    QFETCH(QList<Labels>, expectedLabels);
    QFETCH(QList<double>, expectedValues);

    TimeSeriesStore store;
    struct Row { const char *node, *site, *mode; double value; };
    const Row rows[] = {{"a", "x", "idle", 1}, {"b", "x", "user", 2},
                        {"c", "y", "idle", 5}, {"d", "y", "user", 7}};
    for (const Row &r : rows) {
        const SeriesId id = store.resolve(s("cpu"), labels({{"node", r.node}, {"site", r.site},
                                                             {"mode", r.mode}}));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(store.append(id, i * 15 * Second, r.value).appended, 1);
    }
    // A series of another metric that must not be aggregated.
    QCOMPARE(store.append(store.resolve(s("mem"), labels({{"site", "x"}})), 0, 100).appended, 1);

    RangeQuery q;
    q.selector = s("cpu");
    q.startMs = 0;
    q.endMs = 60 * Second;
    q.stepMs = 30 * Second;
    q.aggregation = Aggregation(op);
    q.grouping = Grouping(grouping);
    q.groupingLabels = groupLabels;
    const auto result = TelemetryQuery(store).evaluate(q);
    QVERIFY2(result, qPrintable(result.error()));
    if (expectedLabels.size() == 1 && grouping == int(Grouping::Without) && groupLabels.isEmpty()) {
        QCOMPARE(result->series.size(), 4); // every series is its own group
    } else {
        QCOMPARE(result->series.size(), expectedLabels.size());
    }
    for (int g = 0; g < expectedLabels.size(); ++g) {
        const SeriesBatch *group = findGroup(result->series, expectedLabels[g]);
        QVERIFY2(group, qPrintable(seriesKey(QString(), expectedLabels[g])));
        QVERIFY(group->metric.isEmpty());
        QCOMPARE(group->samples.size(), 3); // 0, 30, 60 s
        for (const Sample &sample : group->samples)
            QCOMPARE(sample.value, expectedValues[g]);
    }
}

void tst_TelemetryQuery::quantile_data()
{
    QTest::addColumn<double>("phi");
    QTest::addColumn<double>("expected");
    // Values 1, 2, 5, 7: rank φ·3 interpolated linearly.
    QTest::newRow("min") << 0.0 << 1.0;
    QTest::newRow("median") << 0.5 << 3.5;
    QTest::newRow("0.9") << 0.9 << 5 + 0.7 * 2;
    QTest::newRow("max") << 1.0 << 7.0;
}

void tst_TelemetryQuery::quantile()
{
    QFETCH(double, phi);
    QFETCH(double, expected);
    TimeSeriesStore store;
    const double values[] = {5, 1, 7, 2};
    for (int n = 0; n < 4; ++n) {
        const SeriesId id = store.resolve(s("lat"), labels({{"node", n % 2 ? "odd" : "even"},
                                                             {"i", n == 0 ? "0" : n == 1 ? "1" : n == 2 ? "2" : "3"}}));
        QCOMPARE(store.append(id, 0, values[n]).appended, 1);
    }
    RangeQuery q;
    q.selector = s("lat");
    q.startMs = q.endMs = 1000;
    q.stepMs = 1000;
    q.aggregation = Aggregation::Quantile;
    q.quantile = phi;
    const auto result = TelemetryQuery(store).evaluate(q);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->series.size(), 1);
    QVERIFY(qAbs(result->series.first().samples.first().value - expected) < 1e-12);

    // Grouped: even = {5, 7}, odd = {1, 2}.
    q.groupingLabels = {s("node")};
    const auto grouped = TelemetryQuery(store).evaluate(q);
    QVERIFY(grouped);
    QCOMPARE(grouped->series.size(), 2);
    const SeriesBatch *even = findGroup(grouped->series, labels({{"node", "even"}}));
    QVERIFY(even);
    QVERIFY(qAbs(even->samples.first().value - (5 + phi * 2)) < 1e-12);
}

void tst_TelemetryQuery::badInput_data()
{
    QTest::addColumn<RangeQuery>("query");
    QTest::addColumn<QString>("errorPart");

    RangeQuery ok;
    ok.selector = s("m");
    ok.startMs = 0;
    ok.endMs = Hour;
    ok.stepMs = Minute;

    RangeQuery q = ok;
    q.stepMs = 0;
    QTest::newRow("zero step") << q << s("step must be positive");
    q.stepMs = -5;
    QTest::newRow("negative step") << q << s("step must be positive");
    q = ok;
    q.startMs = Hour;
    q.endMs = 0;
    QTest::newRow("reversed range") << q << s("before start");
    q = ok;
    q.endMs = 11'000 * Second;
    q.stepMs = Second;
    QTest::newRow("11001 points") << q << s("exceed the maximum of 11000");
    q = ok;
    q.function = RangeFunction::Rate;
    QTest::newRow("rate without window") << q << s("positive window");
    q = ok;
    q.aggregation = Aggregation::Quantile;
    q.quantile = 1.5;
    QTest::newRow("quantile above 1") << q << s("quantile");
    q.quantile = qQNaN();
    QTest::newRow("quantile NaN") << q << s("quantile");
    q = ok;
    q.selector = s("m{a=~\"(\"}");
    QTest::newRow("bad regex") << q << s("invalid regular expression");
    q = ok;
    q.selector = s("{a!=\"x\"}");
    QTest::newRow("selector matching everything") << q << s("empty string");
    q = ok;
    q.lookbackMs = 0;
    QTest::newRow("no lookback") << q << s("lookback");
    q = ok;
    q.aggregation = Aggregation::Sum;
    q.grouping = Grouping::Unknown;
    QTest::newRow("unknown grouping") << q << s("grouping");
}

void tst_TelemetryQuery::badInput()
{
    QFETCH(RangeQuery, query);
    QFETCH(QString, errorPart);
    TimeSeriesStore store;
    QCOMPARE(store.append(store.resolve(s("m"), {}), 0, 1).appended, 1);
    const auto result = TelemetryQuery(store).evaluate(query);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(errorPart), qPrintable(result.error()));

    // Exactly 11,000 points is allowed.
    RangeQuery edge;
    edge.selector = s("m");
    edge.endMs = 10'999 * Second;
    edge.stepMs = Second;
    QVERIFY(TelemetryQuery(store).evaluate(edge));

    const auto zeroBudget = TelemetryQuery(store).downsample(s("m"), 0, Hour, 0);
    QVERIFY(!zeroBudget);
    QVERIFY(zeroBudget.error().contains(s("budget")));
    QVERIFY(!TelemetryQuery(store).downsample(s("m"), Hour, 0, 100));
}

void tst_TelemetryQuery::downsampleKeepsExtremes()
{
    TimeSeriesStore store;
    const SeriesId id = store.resolve(s("latency"), labels({{"link", "l1"}}));
    const int n = 10'000;
    for (int i = 0; i < n; ++i) {
        double v = std::sin(i / 50.0);
        if (i == 1234)
            v = 1000;
        if (i == 7777)
            v = -1000;
        QCOMPARE(store.append(id, i * Second, v).appended, 1);
    }
    const auto result = TelemetryQuery(store).downsample(s("latency"), 0, (n - 1) * Second, 100);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->size(), 1);
    const DownsampledSeries &series = result->first();
    QCOMPARE(toString(series.resolution), toString(QueryResolution::Raw));
    QCOMPARE(series.columns.size(), 100);
    qint64 total = 0;
    double max = -1e9;
    double min = 1e9;
    for (const DownsampledColumn &c : series.columns) {
        total += c.count;
        QVERIFY(c.min <= c.max);
        QVERIFY(c.minTimestampMs >= c.startMs && c.minTimestampMs < c.endMs);
        max = std::max(max, c.max);
        min = std::min(min, c.min);
    }
    QCOMPARE(total, qint64(n));
    QCOMPARE(max, 1000.0);
    QCOMPARE(min, -1000.0);
    const QList<Sample> points = series.points();
    QVERIFY(points.size() <= 200);
    QVERIFY(points.contains(Sample{1234 * Second, 1000}));
    QVERIFY(points.contains(Sample{7777 * Second, -1000}));
    for (qsizetype i = 1; i < points.size(); ++i)
        QVERIFY(points[i].timestampMs > points[i - 1].timestampMs);

    // Fewer samples than columns: every sample is its own column.
    const auto few = TelemetryQuery(store).downsample(s("latency"), 0, 9 * Second, 1000);
    QVERIFY(few);
    QCOMPARE(few->first().points().size(), 10);
}

void tst_TelemetryQuery::longRangesUseRollups()
{
    TimeSeriesStore store;
    const SeriesId id = store.resolve(s("temp"), {});
    // Two days every 15 s; the value is the hour of the day, with one spike.
    const qint64 end = 48 * Hour;
    for (qint64 t = 0; t < end; t += 15 * Second)
        QCOMPARE(store.append(id, t, t == 30 * Hour + 45 * Second ? 500.0 : double((t / Hour) % 24)).appended, 1);
    TelemetryQuery query(store);

    RangeQuery q;
    q.selector = s("temp");
    q.startMs = 24 * Hour;
    q.endMs = 47 * Hour;
    q.stepMs = Hour;
    auto result = query.evaluate(q);
    QVERIFY(result);
    QCOMPARE(toString(result->resolution), toString(QueryResolution::OneHour));
    QCOMPARE(result->series.first().samples.size(), 24);
    // At t = 25 h the bucket [24 h, 25 h) has mean 0.
    QCOMPARE(result->series.first().samples[1], (Sample{25 * Hour, 0.0}));
    QVERIFY(result->samplesRead < 100);

    q.stepMs = 5 * Minute;
    result = query.evaluate(q);
    QVERIFY(result);
    QCOMPARE(toString(result->resolution), toString(QueryResolution::OneMinute));
    QCOMPARE(result->series.first().samples[3], (Sample{24 * Hour + 15 * Minute, 0.0}));

    q.startMs = 40 * Hour;
    q.endMs = 41 * Hour; // one hour: raw
    result = query.evaluate(q);
    QVERIFY(result);
    QCOMPARE(toString(result->resolution), toString(QueryResolution::Raw));

    q.startMs = 24 * Hour;
    q.endMs = 47 * Hour;
    q.resolution = QueryResolution::Raw; // forced
    result = query.evaluate(q);
    QVERIFY(result);
    QCOMPARE(toString(result->resolution), toString(QueryResolution::Raw));

    // Charts over a day read 1-minute rollups and still show the spike.
    const auto chart = query.downsample(s("temp"), 24 * Hour, 48 * Hour - 1, 300);
    QVERIFY(chart);
    QCOMPARE(toString(chart->first().resolution), toString(QueryResolution::OneMinute));
    double max = 0;
    for (const DownsampledColumn &c : chart->first().columns)
        max = std::max(max, c.max);
    QCOMPARE(max, 500.0);
}

void tst_TelemetryQuery::rateOverRollups()
{
    TimeSeriesStore store;
    const SeriesId id = store.resolve(s("bytes_total"), {});
    // 12 hours of a counter growing 2 per second, sampled every 15 s.
    for (qint64 t = 0; t <= 12 * Hour; t += 15 * Second)
        QCOMPARE(store.append(id, t, 2.0 * double(t / Second)).appended, 1);
    RangeQuery q;
    q.selector = s("bytes_total");
    q.startMs = 2 * Hour;
    q.endMs = 12 * Hour;
    q.stepMs = Hour;
    q.windowMs = Hour;
    q.function = RangeFunction::Rate;
    const auto result = TelemetryQuery(store).evaluate(q);
    QVERIFY2(result, qPrintable(result.error()));
    // One-hour buckets would leave one point per window: the 1-minute tier is used instead.
    QCOMPARE(toString(result->resolution), toString(QueryResolution::OneMinute));
    QCOMPARE(result->series.first().samples.size(), 11);
    for (const Sample &sample : result->series.first().samples)
        QVERIFY2(qAbs(sample.value - 2.0) < 1e-9, qPrintable(QString::number(sample.value)));

    q.resolution = QueryResolution::Raw;
    const auto raw = TelemetryQuery(store).evaluate(q);
    QVERIFY(raw);
    for (const Sample &sample : raw->series.first().samples)
        QVERIFY(qAbs(sample.value - 2.0) < 1e-9);
}

QTEST_GUILESS_MAIN(tst_TelemetryQuery)
#include "tst_telemetryquery.moc"
