#include "anomaly/AlertRule.h"

#include <QTest>

#include <cmath>

using namespace Continuo;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_AlertRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void malformed_data();
    void malformed();
    void roundTrip_data();
    void roundTrip();
    void durations_data();
    void durations();
    void classifyWithHysteresis();
    void classifyNominal();
    void grouping();
    void validateRefusesNonsense();
};

void tst_AlertRule::parse_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("op");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<bool>("nominal");
    QTest::addColumn<qint64>("forMs");
    QTest::addColumn<qint64>("clearMs");
    QTest::addColumn<double>("margin");

    QTest::newRow("site-cpu") << u"node_cpu_utilisation{site=\"site-hpc-bologna\"} > 0.9 for 2m"_s
                              << u"threshold"_s << u"node_cpu_utilisation"_s
                              << u"site=site-hpc-bologna"_s << u">"_s << 0.9 << false
                              << qint64(120'000) << qint64(0) << 0.0;
    QTest::newRow("bare-metric") << u"node_cpu_utilisation>0.7"_s << u"threshold"_s
                                 << u"node_cpu_utilisation"_s << QString() << u">"_s << 0.7 << false
                                 << qint64(0) << qint64(0) << 0.0;
    QTest::newRow("percent") << u"node_cpu_utilisation > 70% for 2m"_s << u"threshold"_s
                             << u"node_cpu_utilisation"_s << QString() << u">"_s << 0.7 << false
                             << qint64(120'000) << qint64(0) << 0.0;
    QTest::newRow("greater-equal")
        << u"node_memory_utilisation >= 0.95 for 1m30s"_s << u"threshold"_s
        << u"node_memory_utilisation"_s << QString() << u">="_s << 0.95 << false << qint64(90'000)
        << qint64(0) << 0.0;
    QTest::newRow("less") << u"link_utilisation{link=\"l1\"} < 0.01 for 500ms"_s << u"threshold"_s
                          << u"link_utilisation"_s << u"link=l1"_s << u"<"_s << 0.01 << false
                          << qint64(500) << qint64(0) << 0.0;
    QTest::newRow("less-equal") << u"node_network_receive_bytes_rate <= 1e3"_s << u"threshold"_s
                                << u"node_network_receive_bytes_rate"_s << QString() << u"<="_s
                                << 1000.0 << false << qint64(0) << qint64(0) << 0.0;
    QTest::newRow("spaces-in-labels")
        << u"node_cpu_utilisation{ site = \"a b\" , node=\"n>1\" } > 0.5"_s << u"threshold"_s
        << u"node_cpu_utilisation"_s << u"node=n>1;site=a b"_s << u">"_s << 0.5 << false
        << qint64(0) << qint64(0) << 0.0;
    QTest::newRow("clauses") << u"node_cpu_utilisation > 0.9 for 10s clear 30s margin 0.05"_s
                             << u"threshold"_s << u"node_cpu_utilisation"_s << QString() << u">"_s
                             << 0.9 << false << qint64(10'000) << qint64(30'000) << 0.05;
    QTest::newRow("clauses-any-order")
        << u"node_cpu_utilisation > 0.9 margin 5% clear 1m for 10s"_s << u"threshold"_s
        << u"node_cpu_utilisation"_s << QString() << u">"_s << 0.9 << false << qint64(10'000)
        << qint64(60'000) << 0.05;
    QTest::newRow("nominal-star") << u"link_latency_seconds > 3 * nominal for 10s"_s
                                  << u"threshold"_s << u"link_latency_seconds"_s << QString()
                                  << u">"_s << 3.0 << true << qint64(10'000) << qint64(0) << 0.0;
    QTest::newRow("nominal-x") << u"link_latency_seconds > 3x nominal"_s << u"threshold"_s
                               << u"link_latency_seconds"_s << QString() << u">"_s << 3.0 << true
                               << qint64(0) << qint64(0) << 0.0;
    QTest::newRow("nominal-compact")
        << u"link_latency_seconds>2.5*nominal"_s << u"threshold"_s << u"link_latency_seconds"_s
        << QString() << u">"_s << 2.5 << true << qint64(0) << qint64(0) << 0.0;
    QTest::newRow("series-anomaly")
        << u"anomaly(link_latency_seconds{link=\"l2\"}) > 0.9"_s << u"series-anomaly"_s
        << u"link_latency_seconds"_s << u"link=l2"_s << u">"_s << 0.9 << false << qint64(0)
        << qint64(0) << 0.0;
    QTest::newRow("node-anomaly") << u"node_anomaly > 0.8 for 20s"_s << u"node-anomaly"_s
                                  << QString() << QString() << u">"_s << 0.8 << false
                                  << qint64(20'000) << qint64(0) << 0.0;
    QTest::newRow("node-anomaly-site")
        << u"node_anomaly{site=\"s\"} >= 0.75"_s << u"node-anomaly"_s << QString() << u"site=s"_s
        << u">="_s << 0.75 << false << qint64(0) << qint64(0) << 0.0;
}

void tst_AlertRule::parse()
{
    QFETCH(QString, expression);
    QFETCH(QString, kind);
    QFETCH(QString, metric);
    QFETCH(QString, labels);
    QFETCH(QString, op);
    QFETCH(double, threshold);
    QFETCH(bool, nominal);
    QFETCH(qint64, forMs);
    QFETCH(qint64, clearMs);
    QFETCH(double, margin);

    const auto rule = AlertRule::parse(u"r1"_s, expression);
    QVERIFY2(rule.hasValue(), qPrintable(rule.error()));
    QCOMPARE(rule->id, u"r1"_s);
    QCOMPARE(toString(rule->kind), kind);
    QCOMPARE(rule->matcher.metric, metric);
    QStringList pairs;
    for (auto it = rule->matcher.labels.cbegin(); it != rule->matcher.labels.cend(); ++it)
        pairs.append(it.key() + u'=' + it.value());
    QCOMPARE(pairs.join(u';'), labels);
    QCOMPARE(toString(rule->op), op);
    QVERIFY(qFuzzyCompare(rule->threshold, threshold));
    QCOMPARE(rule->reference == ThresholdReference::Nominal, nominal);
    QCOMPARE(qint64(rule->forDuration.count()), forMs);
    QCOMPARE(qint64(rule->clearDuration.count()), clearMs);
    QVERIFY(qFuzzyCompare(1.0 + rule->hysteresisMargin, 1.0 + margin));
}

void tst_AlertRule::malformed_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("empty") << QString() << u"empty rule expression"_s;
    QTest::newRow("blank") << u"   "_s << u"empty rule expression"_s;
    QTest::newRow("no-operator") << u"node_cpu_utilisation 0.9"_s << u"no comparison operator"_s;
    QTest::newRow("equals") << u"node_cpu_utilisation == 0.9"_s << u"no comparison operator"_s;
    QTest::newRow("not-equals") << u"node_cpu_utilisation != 0.9"_s << u"no comparison operator"_s;
    QTest::newRow("double-operator")
        << u"node_cpu_utilisation >> 0.9"_s << u"unknown comparison operator"_s;
    QTest::newRow("reversed-operator") << u"node_cpu_utilisation => 0.9"_s << u"bad selector"_s;
    QTest::newRow("no-selector") << u"> 0.9"_s << u"missing selector"_s;
    QTest::newRow("no-threshold") << u"node_cpu_utilisation >"_s << u"missing threshold"_s;
    QTest::newRow("bad-threshold") << u"node_cpu_utilisation > high"_s << u"invalid threshold"_s;
    QTest::newRow("nan-threshold") << u"node_cpu_utilisation > nan"_s << u"invalid threshold"_s;
    QTest::newRow("bad-duration") << u"node_cpu_utilisation > 0.9 for 2x"_s
                                  << u"invalid duration '2x'"_s;
    QTest::newRow("unitless-duration")
        << u"node_cpu_utilisation > 0.9 for 10"_s << u"invalid duration"_s;
    QTest::newRow("missing-duration")
        << u"node_cpu_utilisation > 0.9 for"_s << u"'for' needs a value"_s;
    QTest::newRow("unknown-clause")
        << u"node_cpu_utilisation > 0.9 during 2m"_s << u"unexpected 'during'"_s;
    QTest::newRow("unterminated-label")
        << u"node_cpu_utilisation{site=\"x} > 0.9"_s << u"unterminated quoted label value"_s;
    QTest::newRow("unquoted-label")
        << u"node_cpu_utilisation{site=x} > 0.9"_s << u"needs a quoted value"_s;
    QTest::newRow("labels-only") << u"{site=\"x\"} > 0.9"_s << u"needs a metric name"_s;
    QTest::newRow("anomaly-unclosed")
        << u"anomaly(link_latency_seconds > 0.9"_s << u"unbalanced brackets"_s;
    QTest::newRow("anomaly-trailing")
        << u"anomaly(link_latency_seconds)x > 0.9"_s << u"unclosed anomaly("_s;
    QTest::newRow("anomaly-less") << u"anomaly(link_latency_seconds) < 0.1"_s
                                  << u"compared with > or >= only"_s;
    QTest::newRow("anomaly-out-of-range")
        << u"anomaly(link_latency_seconds) > 2"_s << u"within 0..1"_s;
    QTest::newRow("node-anomaly-nominal")
        << u"node_anomaly > 0.5 * nominal"_s << u"no nominal value"_s;
    QTest::newRow("negative-margin")
        << u"node_cpu_utilisation > 0.9 margin -0.1"_s << u"margin must be a number >= 0"_s;
    QTest::newRow("huge-duration") << u"node_cpu_utilisation > 0.9 for 999999d"_s << u"too long"_s;
    QTest::newRow("zero-nominal") << u"link_latency_seconds > 0 * nominal"_s
                                  << u"must be positive"_s;
}

void tst_AlertRule::malformed()
{
    QFETCH(QString, expression);
    QFETCH(QString, errorContains);
    const auto rule = AlertRule::parse(u"bad"_s, expression);
    QVERIFY(!rule.hasValue());
    QVERIFY2(rule.error().contains(errorContains), qPrintable(rule.error()));
}

void tst_AlertRule::roundTrip_data()
{
    QTest::addColumn<QString>("expression");
    QTest::newRow("threshold") << u"node_cpu_utilisation{site=\"x\"} > 0.9 for 2m"_s;
    QTest::newRow("clauses") << u"node_cpu_utilisation <= 0.1 for 1m30s clear 10s margin 0.05"_s;
    QTest::newRow("nominal") << u"link_latency_seconds > 3 * nominal for 10s"_s;
    QTest::newRow("anomaly") << u"anomaly(link_latency_seconds{link=\"a\"}) >= 0.9 clear 30s"_s;
    QTest::newRow("node") << u"node_anomaly{site=\"s\"} > 0.8 for 20s"_s;
}

void tst_AlertRule::roundTrip()
{
    QFETCH(QString, expression);
    const auto rule = AlertRule::parse(u"r"_s, expression);
    QVERIFY2(rule.hasValue(), qPrintable(rule.error()));
    const auto again = AlertRule::parse(u"r"_s, rule->expression());
    QVERIFY2(again.hasValue(), qPrintable(again.error()));
    QVERIFY2(*again == *rule, qPrintable(rule->expression() + u" vs "_s + again->expression()));
}

void tst_AlertRule::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("zero") << u"0"_s << qint64(0) << u"0s"_s;
    QTest::newRow("ms") << u"500ms"_s << qint64(500) << u"500ms"_s;
    QTest::newRow("s") << u"10s"_s << qint64(10'000) << u"10s"_s;
    QTest::newRow("m") << u"2m"_s << qint64(120'000) << u"2m"_s;
    QTest::newRow("h") << u"1h"_s << qint64(3'600'000) << u"1h"_s;
    QTest::newRow("compound") << u"1m30s"_s << qint64(90'000) << u"1m30s"_s;
    QTest::newRow("seconds-overflowing") << u"90s"_s << qint64(90'000) << u"1m30s"_s;
    QTest::newRow("day") << u"1d"_s << qint64(86'400'000) << u"1d"_s;
}

void tst_AlertRule::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QFETCH(QString, formatted);
    const auto parsed = parseDuration(text);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
    QCOMPARE(qint64(parsed->count()), ms);
    QCOMPARE(formatDuration(*parsed), formatted);
}

void tst_AlertRule::classifyWithHysteresis()
{
    auto rule = AlertRule::parse(u"r"_s, u"node_cpu_utilisation > 0.9 margin 0.1"_s);
    QVERIFY(rule.hasValue());
    QCOMPARE(toString(rule->classify(0.95)), u"violating"_s);
    QCOMPARE(toString(rule->classify(0.9)), u"holding"_s);
    QCOMPARE(toString(rule->classify(0.85)), u"holding"_s);
    QCOMPARE(toString(rule->classify(0.8)), u"clearing"_s);
    QCOMPARE(toString(rule->classify(std::nan(""))), u"unknown"_s);

    auto below = AlertRule::parse(u"r"_s, u"link_utilisation < 0.1 margin 0.05"_s);
    QVERIFY(below.hasValue());
    QCOMPARE(toString(below->classify(0.05)), u"violating"_s);
    QCOMPARE(toString(below->classify(0.12)), u"holding"_s);
    QCOMPARE(toString(below->classify(0.16)), u"clearing"_s);

    auto plain = AlertRule::parse(u"r"_s, u"node_cpu_utilisation >= 0.9"_s);
    QVERIFY(plain.hasValue());
    QCOMPARE(toString(plain->classify(0.9)), u"violating"_s);
    QCOMPARE(toString(plain->classify(0.89)), u"clearing"_s);
}

void tst_AlertRule::classifyNominal()
{
    auto rule = AlertRule::parse(u"r"_s, u"link_latency_seconds > 3 * nominal margin 0.5"_s);
    QVERIFY(rule.hasValue());
    // Nominal 5 ms: fires above 15 ms, clears below 12.5 ms.
    QCOMPARE(toString(rule->classify(0.016, 0.005)), u"violating"_s);
    QCOMPARE(toString(rule->classify(0.013, 0.005)), u"holding"_s);
    QCOMPARE(toString(rule->classify(0.012, 0.005)), u"clearing"_s);
    QCOMPARE(toString(rule->classify(0.016)), u"unknown"_s); // no nominal known
    QVERIFY(qFuzzyCompare(rule->effectiveThreshold(0.005), 0.015));
}

void tst_AlertRule::grouping()
{
    auto rule = AlertRule::parse(u"r"_s, u"node_cpu_utilisation > 0.9"_s);
    QVERIFY(rule.hasValue());
    const Labels node{{u"node"_s, u"n1"_s}, {u"site"_s, u"s1"_s}};
    QCOMPARE(rule->groupKeyFor(node, u"k"_s), u"node:n1"_s);
    QCOMPARE(rule->groupKeyFor({{u"link"_s, u"l1"_s}}, u"k"_s), u"link:l1"_s);
    QCOMPARE(rule->groupKeyFor({{u"site"_s, u"s1"_s}}, u"k"_s), u"site:s1"_s);
    QCOMPARE(rule->groupKeyFor({}, u"k"_s), u"series:k"_s);
    rule->grouping = AlertGrouping::Site;
    QCOMPARE(rule->groupKeyFor(node, u"k"_s), u"site:s1"_s);
    rule->grouping = AlertGrouping::Link;
    QCOMPARE(rule->groupKeyFor(node, u"k"_s), u"series:k"_s); // no link label
}

void tst_AlertRule::validateRefusesNonsense()
{
    AlertRule rule;
    QVERIFY(!rule.validate().hasValue());
    rule.id = u"x"_s;
    rule.kind = AlertRuleKind::Threshold;
    rule.matcher.metric = u"m"_s;
    rule.op = ComparisonOperator::Greater;
    rule.threshold = 1.0;
    QVERIFY(rule.validate().hasValue());
    rule.forDuration = -1s;
    QVERIFY(!rule.validate().hasValue());
    rule.forDuration = 0s;
    RemediationSpec spec;
    spec.kind = RemediationKind::RaiseTelemetryRate;
    spec.sampleInterval = 0ms;
    rule.remediations = {spec};
    QVERIFY(rule.validate().error().contains(u"positive interval"_s));
}

QTEST_GUILESS_MAIN(tst_AlertRule)
#include "tst_alertrule.moc"
