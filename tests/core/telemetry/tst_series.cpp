#include "telemetry/Series.h"
#include "telemetry/SeriesIndex.h"

#include <QTest>

using namespace Continuo;

namespace {
Labels labels(std::initializer_list<std::pair<QString, QString>> pairs)
{
    Labels result;
    for (const auto &[name, value] : pairs)
        result.insert(name, value);
    return result;
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class tst_Series : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void seriesKey_data();
    void seriesKey();
    void matches();
    void conditions();
};

void tst_Series::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<Labels>("labels");

    // Valid selectors.
    QTest::newRow("metric only") << s("node_cpu_utilisation") << true << s("node_cpu_utilisation")
                                 << Labels();
    QTest::newRow("surrounding spaces") << s("  up \t") << true << s("up") << Labels();
    QTest::newRow("recording rule name") << s("job:rate5m") << true << s("job:rate5m") << Labels();
    QTest::newRow("one label") << s("node_cpu_utilisation{node=\"n1\"}") << true
                               << s("node_cpu_utilisation") << labels({{s("node"), s("n1")}});
    QTest::newRow("two labels") << s("link_latency_seconds{link=\"l1\",site=\"athens\"}") << true
                                << s("link_latency_seconds")
                                << labels({{s("link"), s("l1")}, {s("site"), s("athens")}});
    QTest::newRow("labels only") << s("{node=\"n1\"}") << true << QString()
                                 << labels({{s("node"), s("n1")}});
    QTest::newRow("empty braces") << s("up{}") << true << s("up") << Labels();
    QTest::newRow("trailing comma")
        << s("up{a=\"1\",}") << true << s("up") << labels({{s("a"), s("1")}});
    QTest::newRow("empty value") << s("up{a=\"\"}") << true << s("up")
                                 << labels({{s("a"), QString()}});
    QTest::newRow("escaped quote") << s("up{msg=\"say \\\"hi\\\"\"}") << true << s("up")
                                   << labels({{s("msg"), s("say \"hi\"")}});
    QTest::newRow("escaped backslash and newline")
        << s("up{p=\"C:\\\\x\\nnext\"}") << true << s("up") << labels({{s("p"), s("C:\\x\nnext")}});
    QTest::newRow("separators inside a value")
        << s("up{a=\"x,y}{=\"}") << true << s("up") << labels({{s("a"), s("x,y}{=")}});
    QTest::newRow("unicode value")
        << s("up{city=\"Αθήνα\"}") << true << s("up") << labels({{s("city"), s("Αθήνα")}});
    QTest::newRow("underscore label")
        << s("up{_private=\"1\"}") << true << s("up") << labels({{s("_private"), s("1")}});

    // Malformed selectors.
    QTest::newRow("empty") << QString() << false << QString() << Labels();
    QTest::newRow("blank") << s("   ") << false << QString() << Labels();
    QTest::newRow("only braces") << s("{}") << false << QString() << Labels();
    QTest::newRow("starts with a digit") << s("1up") << false << QString() << Labels();
    QTest::newRow("space inside the name") << s("node cpu") << false << QString() << Labels();
    QTest::newRow("non-ASCII name") << s("métric") << false << QString() << Labels();
    QTest::newRow("unclosed brace") << s("up{a=\"1\"") << false << QString() << Labels();
    QTest::newRow("open brace only") << s("up{") << false << QString() << Labels();
    QTest::newRow("unquoted value") << s("up{a=1}") << false << QString() << Labels();
    QTest::newRow("unterminated value") << s("up{a=\"1}") << false << QString() << Labels();
    QTest::newRow("escaped closing quote") << s("up{a=\"1\\\"}") << false << QString() << Labels();
    QTest::newRow("missing label name") << s("up{=\"1\"}") << false << QString() << Labels();
    QTest::newRow("label name starts with a digit")
        << s("up{1a=\"1\"}") << false << QString() << Labels();
    QTest::newRow("missing equals") << s("up{a\"1\"}") << false << QString() << Labels();
    QTest::newRow("missing comma") << s("up{a=\"1\"b=\"2\"}") << false << QString() << Labels();
    QTest::newRow("double comma") << s("up{a=\"1\",,b=\"2\"}") << false << QString() << Labels();
    QTest::newRow("extra closing brace") << s("up{a=\"1\"}}") << false << QString() << Labels();
    QTest::newRow("text after the braces") << s("up{a=\"1\"}x") << false << QString() << Labels();
    QTest::newRow("bad regex") << s("up{a=~\"(\"}") << false << QString() << Labels();
    QTest::newRow("only matches the empty string")
        << s("{a!=\"x\"}") << false << QString() << Labels();
    QTest::newRow("regex matching everything alone")
        << s("{a=~\".*\"}") << false << QString() << Labels();
    QTest::newRow("unknown operator") << s("up{a~\"x\"}") << false << QString() << Labels();
    QTest::newRow("metric name twice")
        << s("up{__name__=\"up\"}") << false << QString() << Labels();

    // Negative and regex matchers keep equal labels as labels; the rest are conditions.
    QTest::newRow("regex matcher") << s("up{a=~\"1.*\"}") << true << s("up") << Labels();
    QTest::newRow("mixed operators")
        << s("up{b!=\"2\",a=\"1\",c=~\"x|y\",d!~\"z.*\"}") << true << s("up")
        << labels({{s("a"), s("1")}});
    QTest::newRow("metric name as a label") << s("{__name__=\"up\",a=\"1\"}") << true << s("up")
                                            << labels({{s("a"), s("1")}});
    QTest::newRow("metric name regex") << s("{__name__=~\"node_.*\"}") << true << QString() << Labels();
}

void tst_Series::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, metric);
    QFETCH(Labels, labels);

    const auto matcher = SeriesMatcher::parse(text);
    QCOMPARE(matcher.hasValue(), valid);
    if (!valid) {
        QVERIFY(!matcher.error().isEmpty());
        return;
    }
    QCOMPARE(matcher->metric, metric);
    QCOMPARE(matcher->labels, labels);

    // The canonical text parses back to the same matcher.
    const auto again = SeriesMatcher::parse(matcher->toString());
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(*again, *matcher);
}

void tst_Series::seriesKey_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<QString>("key");

    QTest::newRow("no labels") << s("up") << Labels() << s("up");
    QTest::newRow("sorted by name")
        << s("m") << labels({{s("z"), s("1")}, {s("a"), s("2")}}) << s("m{a=\"2\",z=\"1\"}");
    QTest::newRow("escaping") << s("m") << labels({{s("v"), s("a\"b\\c\nd")}})
                              << s("m{v=\"a\\\"b\\\\c\\nd\"}");
    QTest::newRow("empty value") << s("m") << labels({{s("a"), QString()}}) << s("m{a=\"\"}");
    QTest::newRow("labels without metric")
        << QString() << labels({{s("node"), s("n1")}}) << s("{node=\"n1\"}");
}

void tst_Series::seriesKey()
{
    QFETCH(QString, metric);
    QFETCH(Labels, labels);
    QFETCH(QString, key);

    QCOMPARE(Continuo::seriesKey(metric, labels), key);
    QCOMPARE((SeriesBatch{metric, labels, {}}.key()), key);
    QCOMPARE((SeriesMatcher{metric, labels}.toString()), key);
}

void tst_Series::matches()
{
    const auto byNode = SeriesMatcher::parse(s("node_cpu_utilisation{node=\"n1\"}"));
    QVERIFY(byNode);
    QVERIFY(byNode->matches(s("node_cpu_utilisation"), labels({{s("node"), s("n1")}})));
    QVERIFY(byNode->matches(s("node_cpu_utilisation"),
                            labels({{s("node"), s("n1")}, {s("site"), s("athens")}})));
    QVERIFY(!byNode->matches(s("node_cpu_utilisation"), labels({{s("node"), s("n2")}})));
    QVERIFY(!byNode->matches(s("node_cpu_utilisation"), Labels()));
    QVERIFY(!byNode->matches(s("node_memory_utilisation"), labels({{s("node"), s("n1")}})));

    const auto anyMetric = SeriesMatcher::parse(s("{site=\"athens\"}"));
    QVERIFY(anyMetric);
    QVERIFY(anyMetric->matches(s("a"), labels({{s("site"), s("athens")}})));
    QVERIFY(anyMetric->matches(s("b"), labels({{s("site"), s("athens")}, {s("x"), s("y")}})));
    QVERIFY(!anyMetric->matches(s("a"), labels({{s("site"), s("paris")}})));

    // As in Prometheus, an empty value matches series that lack the label.
    const auto absent = SeriesMatcher::parse(s("up{site=\"\"}"));
    QVERIFY(absent);
    QVERIFY(absent->matches(s("up"), Labels()));
    QVERIFY(!absent->matches(s("up"), labels({{s("site"), s("athens")}})));

    const SeriesBatch batch{s("up"), labels({{s("node"), s("n1")}}), {{1, 1.0}}};
    QVERIFY(SeriesMatcher::parse(s("up"))->matches(batch));
    QVERIFY(!SeriesMatcher::parse(s("down"))->matches(batch));
}

void tst_Series::conditions()
{
    // Anchored regular expressions, as in Prometheus: "n1" does not match "n10".
    const auto regex = SeriesMatcher::parse(s("cpu{node=~\"n1|n2\"}"));
    QVERIFY2(regex, qPrintable(regex.error()));
    QCOMPARE(regex->conditions.size(), 1);
    QVERIFY(regex->matches(s("cpu"), labels({{s("node"), s("n1")}})));
    QVERIFY(regex->matches(s("cpu"), labels({{s("node"), s("n2")}})));
    QVERIFY(!regex->matches(s("cpu"), labels({{s("node"), s("n10")}})));
    QVERIFY(!regex->matches(s("cpu"), labels({{s("node"), s("xn1")}})));
    QVERIFY(!regex->matches(s("cpu"), Labels()));
    QVERIFY(!regex->matches(s("mem"), labels({{s("node"), s("n1")}})));

    // Backslashes stay for the regular expression.
    const auto escaped = SeriesMatcher::parse(s("up{instance=~\"10\\.0\\.0\\.\\d+:9100\"}"));
    QVERIFY2(escaped, qPrintable(escaped.error()));
    QVERIFY(escaped->matches(s("up"), labels({{s("instance"), s("10.0.0.7:9100")}})));
    QVERIFY(!escaped->matches(s("up"), labels({{s("instance"), s("10a0.0.7:9100")}})));

    // != and !~ match series that lack the label (its value is empty).
    const auto negative = SeriesMatcher::parse(s("cpu{site!=\"athens\",node!~\"test-.*\"}"));
    QVERIFY2(negative, qPrintable(negative.error()));
    QVERIFY(negative->matches(s("cpu"), labels({{s("site"), s("paris")}, {s("node"), s("n1")}})));
    QVERIFY(negative->matches(s("cpu"), Labels()));
    QVERIFY(!negative->matches(s("cpu"), labels({{s("site"), s("athens")}})));
    QVERIFY(!negative->matches(s("cpu"), labels({{s("node"), s("test-3")}})));

    // A condition on __name__ tests the metric.
    const auto byName = SeriesMatcher::parse(s("{__name__=~\"node_.*\",site=\"a\"}"));
    QVERIFY2(byName, qPrintable(byName.error()));
    QVERIFY(byName->matches(s("node_cpu"), labels({{s("site"), s("a")}})));
    QVERIFY(!byName->matches(s("link_latency"), labels({{s("site"), s("a")}})));

    // The text form reads back into the same matcher, and is a valid store selector too.
    const QString text = negative->toString();
    QCOMPARE(text, s("cpu{site!=\"athens\",node!~\"test-.*\"}"));
    QCOMPARE(*SeriesMatcher::parse(text), *negative);
    QVERIFY(SeriesSelector::parse(text));
    QCOMPARE(*SeriesMatcher::parse(escaped->toString()), *escaped);

    // A copy (a subscription's) matches like the original.
    const SeriesMatcher copy = *regex;
    QVERIFY(copy.matches(s("cpu"), labels({{s("node"), s("n2")}})));
    QCOMPARE(copy, *regex);
}

QTEST_GUILESS_MAIN(tst_Series)

#include "tst_series.moc"
