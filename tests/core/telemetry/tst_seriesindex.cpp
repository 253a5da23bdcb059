#include "telemetry/SeriesIndex.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Continuo;

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

using Ids = std::vector<SeriesId>;

} // namespace

class tst_SeriesIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void internIsStable();
    void emptyLabelIsAbsent();
    void select_data();
    void select();
    void parse_data();
    void parse();
    void postingsAndValues();
    void scalesTo100kSeries();

private:
    SeriesIndex m_index;
    // ids in insertion order
    SeriesId m_cpuA = 0, m_cpuB = 0, m_cpuC = 0, m_memA = 0, m_memB = 0, m_up = 0;
};

void tst_SeriesIndex::initTestCase()
{
    m_cpuA = m_index.intern(s("node_cpu"), labels({{"node", "a"}, {"site", "athens"}, {"mode", "idle"}}));
    m_cpuB = m_index.intern(s("node_cpu"), labels({{"node", "b"}, {"site", "athens"}, {"mode", "user"}}));
    m_cpuC = m_index.intern(s("node_cpu"), labels({{"node", "c"}, {"site", "berlin"}, {"mode", "idle"}}));
    m_memA = m_index.intern(s("node_mem"), labels({{"node", "a"}, {"site", "athens"}}));
    m_memB = m_index.intern(s("node_mem"), labels({{"node", "b"}}));
    m_up = m_index.intern(s("up"), {});
    QCOMPARE(m_index.seriesCount(), 6);
}

void tst_SeriesIndex::internIsStable()
{
    bool created = true;
    const SeriesId again = m_index.intern(s("node_cpu"),
                                          labels({{"mode", "idle"}, {"site", "athens"}, {"node", "a"}}),
                                          &created);
    QVERIFY(!created);
    QCOMPARE(again, m_cpuA);
    QCOMPARE(m_index.find(s("node_mem"), labels({{"node", "b"}})), std::optional<SeriesId>(m_memB));
    QCOMPARE(m_index.find(s("node_mem"), labels({{"node", "zzz"}})), std::nullopt);
    QCOMPARE(m_index.find(s("nope"), {}), std::nullopt);
    QCOMPARE(m_index.metric(m_cpuC), s("node_cpu"));
    QCOMPARE(m_index.labels(m_cpuC), labels({{"node", "c"}, {"site", "berlin"}, {"mode", "idle"}}));
    QCOMPARE(m_index.key(m_memA), s("node_mem{node=\"a\",site=\"athens\"}"));
    QCOMPARE(m_index.labelValue(m_cpuB, s("mode")), s("user"));
    QCOMPARE(m_index.labelValue(m_cpuB, s("__name__")), s("node_cpu"));
    QCOMPARE(m_index.labelValue(m_up, s("node")), QString());
    QCOMPARE(m_index.seriesCount(), 6);
}

void tst_SeriesIndex::emptyLabelIsAbsent()
{
    SeriesIndex index;
    const SeriesId a = index.intern(s("m"), labels({{"x", "1"}, {"y", ""}}));
    QCOMPARE(index.intern(s("m"), labels({{"x", "1"}})), a);
    QCOMPARE(index.labels(a), labels({{"x", "1"}}));
}

void tst_SeriesIndex::select_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QStringList>("expected"); // series keys, ascending id

    const QString cpuA = s("node_cpu{mode=\"idle\",node=\"a\",site=\"athens\"}");
    const QString cpuB = s("node_cpu{mode=\"user\",node=\"b\",site=\"athens\"}");
    const QString cpuC = s("node_cpu{mode=\"idle\",node=\"c\",site=\"berlin\"}");
    const QString memA = s("node_mem{node=\"a\",site=\"athens\"}");
    const QString memB = s("node_mem{node=\"b\"}");
    const QString up = s("up");

    QTest::newRow("metric") << s("node_cpu") << QStringList{cpuA, cpuB, cpuC};
    QTest::newRow("metric and =") << s("node_cpu{site=\"athens\"}") << QStringList{cpuA, cpuB};
    QTest::newRow("two =") << s("node_cpu{site=\"athens\", mode=\"idle\"}") << QStringList{cpuA};
    QTest::newRow("!=") << s("node_cpu{site!=\"athens\"}") << QStringList{cpuC};
    QTest::newRow("!= keeps series without the label")
        << s("node_mem{site!=\"athens\"}") << QStringList{memB};
    QTest::newRow("=~ anchored") << s("{node=~\"a|b\"}") << QStringList{cpuA, cpuB, memA, memB};
    QTest::newRow("=~ is not a substring match") << s("node_cpu{site=~\"then\"}") << QStringList{};
    QTest::newRow("=~ .*") << s("node_cpu{site=~\"ath.*\"}") << QStringList{cpuA, cpuB};
    QTest::newRow("!~") << s("node_cpu{mode!~\"id.*\"}") << QStringList{cpuB};
    QTest::newRow("__name__ regex") << s("{__name__=~\"node_.*\",node=\"b\"}")
                                    << QStringList{cpuB, memB};
    QTest::newRow("__name__ equal") << s("{__name__=\"up\"}") << QStringList{up};
    QTest::newRow("=\"\" means absent") << s("node_mem{site=\"\"}") << QStringList{memB};
    QTest::newRow("!=\"\" means present") << s("{site!=\"\"}") << QStringList{cpuA, cpuB, cpuC, memA};
    QTest::newRow("=~ matching empty") << s("node_mem{site=~\"berlin|\"}") << QStringList{memB};
    QTest::newRow("unknown value") << s("node_cpu{site=\"paris\"}") << QStringList{};
    QTest::newRow("unknown label") << s("node_cpu{rack=\"1\"}") << QStringList{};
    QTest::newRow("unknown metric") << s("nothing") << QStringList{};
    QTest::newRow("combined")
        << s("{__name__=~\"node_.+\", site=~\"a.*\", node!=\"b\", mode!~\"user\"}")
        << QStringList{cpuA, memA};
}

void tst_SeriesIndex::select()
{
    QFETCH(QString, selector);
    QFETCH(QStringList, expected);
    const auto ids = m_index.select(selector);
    QVERIFY2(ids, qPrintable(ids.error()));
    QStringList keys;
    for (const SeriesId id : *ids)
        keys.append(m_index.key(id));
    QCOMPARE(keys, expected);
    QVERIFY(std::is_sorted(ids->begin(), ids->end()));
}

void tst_SeriesIndex::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty: expect an error
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("metric") << s("up") << s("up") << QString();
    QTest::newRow("all operators")
        << s("m{a=\"x\",b!=\"y\",c=~\"re.*\",d!~\"z\"}")
        << s("m{a=\"x\",b!=\"y\",c=~\"re.*\",d!~\"z\"}") << QString();
    QTest::newRow("spaces and trailing comma")
        << s("  m { a = \"x\" , }  ") << s("m{a=\"x\"}") << QString();
    QTest::newRow("single quotes") << s("m{a='x'}") << s("m{a=\"x\"}") << QString();
    QTest::newRow("backticks raw") << s("m{a=~`\\d+`}") << s("m{a=~\"\\\\d+\"}") << QString();
    QTest::newRow("escapes") << s("m{a=\"q\\\"n\\n\"}") << s("m{a=\"q\\\"n\\n\"}") << QString();
    QTest::newRow("colon in metric") << s("job:rate5m") << s("job:rate5m") << QString();
    QTest::newRow("no metric") << s("{a=\"x\"}") << s("{a=\"x\"}") << QString();

    QTest::newRow("empty") << s("") << QString() << s("empty");
    QTest::newRow("empty braces") << s("{}") << QString() << s("empty");
    QTest::newRow("only empty-matching") << s("{a=~\".*\"}") << QString()
                                         << s("does not match the empty string");
    QTest::newRow("only negative") << s("{a!=\"x\"}") << QString()
                                   << s("does not match the empty string");
    QTest::newRow("missing operator") << s("m{a \"x\"}") << QString() << s("expected one of");
    QTest::newRow("bad operator") << s("m{a==\"x\"}") << QString() << s("quoted label value");
    QTest::newRow("unquoted value") << s("m{a=x}") << QString() << s("quoted label value");
    QTest::newRow("unterminated value") << s("m{a=\"x}") << QString() << s("unterminated");
    QTest::newRow("missing brace") << s("m{a=\"x\"") << QString() << s("missing '}'");
    QTest::newRow("missing comma") << s("m{a=\"x\" b=\"y\"}") << QString() << s("expected ','");
    QTest::newRow("bad label name") << s("m{1a=\"x\"}") << QString() << s("label name");
    QTest::newRow("garbage after") << s("m{a=\"x\"} extra") << QString() << s("unexpected 'e'");
    QTest::newRow("bad regex") << s("m{a=~\"(\"}") << QString() << s("invalid regular expression");
    QTest::newRow("name twice") << s("m{__name__=\"n\"}") << QString() << s("given twice");
}

void tst_SeriesIndex::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(QString, errorPart);
    const auto selector = SeriesSelector::parse(text);
    if (canonical.isEmpty()) {
        QVERIFY2(!selector, qPrintable(text));
        QVERIFY2(selector.error().contains(errorPart), qPrintable(selector.error()));
        return;
    }
    QVERIFY2(selector, qPrintable(selector.error()));
    QCOMPARE(selector->toString(), canonical);
    // The canonical form parses back to itself.
    const auto again = SeriesSelector::parse(selector->toString());
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again->toString(), canonical);
}

void tst_SeriesIndex::postingsAndValues()
{
    const Ids athens{m_cpuA, m_cpuB, m_memA};
    QCOMPARE(m_index.postings(s("site"), s("athens")), athens);
    QVERIFY(m_index.postings(s("site"), s("nowhere")).empty());
    QCOMPARE(m_index.labelValues(s("site")), (QStringList{s("athens"), s("berlin")}));
    QCOMPARE(m_index.labelValues(s("__name__")),
             (QStringList{s("node_cpu"), s("node_mem"), s("up")}));
    QCOMPARE(m_index.labelNames(),
             (QStringList{s("__name__"), s("mode"), s("node"), s("site")}));
}

void tst_SeriesIndex::scalesTo100kSeries()
{
    SeriesIndex index;
    const int nodes = 1000;
    const int perNode = 100;
    QElapsedTimer timer;
    timer.start();
    for (int n = 0; n < nodes; ++n) {
        const QString node = QStringLiteral("node-%1").arg(n);
        const QString site = QStringLiteral("site-%1").arg(n % 10);
        for (int m = 0; m < perNode; ++m) {
            Labels l;
            l.insert(s("instance"), node);
            l.insert(s("site"), site);
            l.insert(s("cpu"), QString::number(m % 8));
            index.intern(QStringLiteral("metric_%1").arg(m / 8), l);
        }
    }
    const qint64 internMs = timer.elapsed();
    QCOMPARE(index.seriesCount(), nodes * perNode);
    const double bytesPerSeries = double(index.memoryBytes()) / index.seriesCount();
    qInfo("100k series interned in %lld ms, index %.1f bytes/series", internMs, bytesPerSeries);
    QVERIFY2(bytesPerSeries < 200, qPrintable(QString::number(bytesPerSeries)));

    timer.restart();
    const auto ids = index.select(s("metric_3{site=\"site-4\",cpu=~\"1|2\"}"));
    QVERIFY(ids);
    QCOMPARE(qsizetype(ids->size()), 100 * 2);
    const auto regex = index.select(s("{instance=~\"node-1.*\",cpu=\"0\"}"));
    QVERIFY(regex);
    QCOMPARE(qsizetype(regex->size()), 111 * 13); // node-1, node-1x, node-1xx; 13 metrics with cpu 0
    qInfo("selects in %lld ms", timer.elapsed());
}

QTEST_GUILESS_MAIN(tst_SeriesIndex)
#include "tst_seriesindex.moc"
