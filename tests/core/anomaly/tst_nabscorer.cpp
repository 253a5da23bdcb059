#include "anomaly/NabScorer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Continuo;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MinuteMs = 60'000;

// 100 one-minute rows from 2014-01-01 00:00; the window covers rows 50..59 (width 10);
// probation is floor(0.15 * 100) = 15 rows.
NabSeries tinySeries()
{
    NabSeries series;
    series.name = u"set/tiny.csv"_s;
    const qint64 start = *NabCorpus::parseTimestamp(u"2014-01-01 00:00:00");
    for (int i = 0; i < 100; ++i) {
        series.timestampsMs.push_back(start + i * MinuteMs);
        series.values.push_back(1.0);
    }
    series.windows = {NabWindow{start + 50 * MinuteMs, start + 59 * MinuteMs}};
    return series;
}

std::vector<double> detectionsAt(std::initializer_list<int> rows, double score = 1.0)
{
    std::vector<double> scores(100, 0.0);
    for (int row : rows)
        scores[size_t(row)] = score;
    return scores;
}

NabProfile standard()
{
    return NabCorpus::defaultProfiles().at(0);
}

double sigmoid(double x)
{
    return 2.0 / (1.0 + std::exp(5.0 * x)) - 1.0;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class tst_NabScorer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scaledSigmoid();
    void probationaryLength();
    void perfectDetectorScores100();
    void nullDetectorScoresZero();
    void singleFalsePositiveBeforeWindow();
    void falsePositiveAfterWindowIsWeighted();
    void earliestDetectionCountsOnce();
    void thresholdIsOptimised();
    void detectionsInProbationAreIgnored();
    void lowFnProfileDoublesMissCost();
    void mismatchedLengthsAreAnError();
    void parseTimestamp_data();
    void parseTimestamp();
    void csvErrors_data();
    void csvErrors();
    void labelErrors_data();
    void labelErrors();
    void loadsAnyNabDirectory();
    void missingLabelsEntryIsAnError();
    void loadsProfiles();
};

void tst_NabScorer::scaledSigmoid()
{
    QVERIFY(std::abs(NabScorer::scaledSigmoid(-1.0) - 0.98661) < 1e-5);
    QVERIFY(std::abs(NabScorer::scaledSigmoid(-0.5) - 0.84828) < 1e-5);
    QCOMPARE(NabScorer::scaledSigmoid(0.0), 0.0);
    QVERIFY(std::abs(NabScorer::scaledSigmoid(1.0) + 0.98661) < 1e-5);
    QCOMPARE(NabScorer::scaledSigmoid(3.0), -1.0);
}

void tst_NabScorer::probationaryLength()
{
    NabScorer scorer(standard());
    QCOMPARE(scorer.probationaryLength(100), qint64(15));
    QCOMPARE(scorer.probationaryLength(4032), qint64(604));
    QCOMPARE(scorer.probationaryLength(22695), qint64(750)); // capped at 0.15 * 5000
}

void tst_NabScorer::perfectDetectorScores100()
{
    const auto result = NabScorer(standard()).score({tinySeries()}, {detectionsAt({50})});
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->rawScore, 1.0);
    QCOMPARE(result->nullScore, -1.0);
    QCOMPARE(result->perfectScore, 1.0);
    QCOMPARE(result->normalisedScore, 100.0);
    QCOMPARE(result->truePositiveWindows, 1);
    QCOMPARE(result->falsePositivePoints, 0);
}

void tst_NabScorer::nullDetectorScoresZero()
{
    for (double constant : {0.0, 0.5, 1.0}) {
        const auto result = NabScorer(standard()).score({tinySeries()},
                                                        {std::vector<double>(100, constant)});
        QVERIFY(result);
        QCOMPARE(result->normalisedScore, 0.0);
        QCOMPARE(result->threshold, 1.1);
    }
}

void tst_NabScorer::singleFalsePositiveBeforeWindow()
{
    // No preceding window: the FP costs the full fpWeight.
    const auto result = NabScorer(standard()).score({tinySeries()}, {detectionsAt({30, 50})});
    QVERIFY(result);
    QVERIFY(std::abs(result->rawScore - (1.0 - 0.11)) < 1e-12);
    QVERIFY(std::abs(result->normalisedScore - 100.0 * (0.89 + 1.0) / 2.0) < 1e-9);
    QCOMPARE(result->falsePositivePoints, 1);
}

void tst_NabScorer::falsePositiveAfterWindowIsWeighted()
{
    // Row 64: 5 rows past the window's right edge (59), relative to width - 1 = 9.
    const auto raw = NabScorer(standard()).rawScoreAt({tinySeries()}, {detectionsAt({50, 64})}, 0.5);
    QVERIFY(raw);
    const double expected = 1.0 + 0.11 * sigmoid(5.0 / 9.0);
    QVERIFY2(std::abs(*raw - expected) < 1e-12, qPrintable(QString::number(*raw)));
    // Right after the window an FP costs almost nothing; far away it costs fpWeight.
    const auto near = NabScorer(standard()).rawScoreAt({tinySeries()}, {detectionsAt({50, 60})}, 0.5);
    const auto far = NabScorer(standard()).rawScoreAt({tinySeries()}, {detectionsAt({50, 99})}, 0.5);
    QVERIFY(*near > *raw && *raw > *far);
    QVERIFY(std::abs(*far - (1.0 - 0.11)) < 1e-12); // 40 rows past = 4.4 widths: -1
}

void tst_NabScorer::earliestDetectionCountsOnce()
{
    const auto result = NabScorer(standard()).score({tinySeries()}, {detectionsAt({52, 55, 58})});
    QVERIFY(result);
    // Position of row 52: -(59 - 52 + 1) / 10 = -0.8.
    const double expected = sigmoid(-0.8) / sigmoid(-1.0);
    QVERIFY(std::abs(result->rawScore - expected) < 1e-12);
    QCOMPARE(result->falsePositivePoints, 0);
}

void tst_NabScorer::thresholdIsOptimised()
{
    std::vector<double> scores(100, 0.1);
    scores[50] = 0.9; // true detection
    scores[30] = 0.8; // weaker false alarm
    const auto result = NabScorer(standard()).score({tinySeries()}, {scores});
    QVERIFY(result);
    QCOMPARE(result->threshold, 0.9);
    QCOMPARE(result->normalisedScore, 100.0);
}

void tst_NabScorer::detectionsInProbationAreIgnored()
{
    const auto result = NabScorer(standard()).score({tinySeries()}, {detectionsAt({3, 10, 50})});
    QVERIFY(result);
    QCOMPARE(result->normalisedScore, 100.0);
}

void tst_NabScorer::lowFnProfileDoublesMissCost()
{
    const NabProfile lowFn = NabCorpus::defaultProfiles().at(2);
    QCOMPARE(lowFn.name, u"reward_low_FN_rate"_s);
    const auto result = NabScorer(lowFn).score({tinySeries()}, {detectionsAt({30, 50})});
    QVERIFY(result);
    QCOMPARE(result->nullScore, -2.0);
    QVERIFY(std::abs(result->normalisedScore - 100.0 * (0.89 + 2.0) / 3.0) < 1e-9);
}

void tst_NabScorer::mismatchedLengthsAreAnError()
{
    const auto result = NabScorer(standard()).score({tinySeries()}, {std::vector<double>(99, 0.0)});
    QVERIFY(!result);
    QVERIFY(result.error().contains(u"set/tiny.csv"_s));
}

void tst_NabScorer::parseTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("csv") << u"2014-04-10 07:15:00"_s << qint64(1397114100000);
    QTest::newRow("labels") << u"2014-04-10 07:15:00.000000"_s << qint64(1397114100000);
    QTest::newRow("iso") << u"2014-04-10T07:15:00.250Z"_s << qint64(1397114100250);
    QTest::newRow("date only") << u"1970-01-02"_s << qint64(86400000);
}

void tst_NabScorer::parseTimestamp()
{
    QFETCH(QString, text);
    QFETCH(qint64, expectedMs);
    const auto parsed = NabCorpus::parseTimestamp(text);
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QCOMPARE(*parsed, expectedMs);
}

void tst_NabScorer::csvErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("empty") << QByteArray() << u"empty file"_s;
    QTest::newRow("header only") << QByteArray("timestamp,value\n") << u"no data rows"_s;
    QTest::newRow("wrong header") << QByteArray("time,value\n2014-01-01 00:00:00,1\n")
                                  << u":1: the header"_s;
    QTest::newRow("bad timestamp") << QByteArray("timestamp,value\n2014-01-01 00:00:00,1\n"
                                                 "yesterday,2\n")
                                   << u":3: unreadable timestamp"_s;
    QTest::newRow("bad value") << QByteArray("timestamp,value\n2014-01-01 00:00:00,abc\n")
                               << u":2: unreadable value"_s;
    QTest::newRow("missing comma") << QByteArray("timestamp,value\n2014-01-01 00:00:00 1\n")
                                   << u":2: expected"_s;
}

void tst_NabScorer::csvErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, errorPart);
    const auto series = NabCorpus::parseCsv(csv, u"set/broken.csv"_s);
    QVERIFY(!series);
    QVERIFY2(series.error().contains(errorPart), qPrintable(series.error()));
    QVERIFY(series.error().startsWith(u"set/broken.csv"_s));
}

void tst_NabScorer::labelErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("not json") << QByteArray("{") << u"invalid JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << u"top level"_s;
    QTest::newRow("not a list") << QByteArray(R"({"a/b.csv": 3})") << u"list of windows"_s;
    QTest::newRow("not a pair") << QByteArray(R"({"a/b.csv": [["2014-01-01 00:00:00"]]})")
                                << u"window 0"_s;
    QTest::newRow("bad time") << QByteArray(R"({"a/b.csv": [["soon", "later"]]})")
                              << u"unreadable timestamp"_s;
    QTest::newRow("reversed") << QByteArray(
        R"({"a/b.csv": [["2014-01-02 00:00:00", "2014-01-01 00:00:00"]]})")
                              << u"ends before it starts"_s;
}

void tst_NabScorer::labelErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorPart);
    const auto labels = NabCorpus::parseLabels(json);
    QVERIFY(!labels);
    QVERIFY2(labels.error().contains(errorPart), qPrintable(labels.error()));
}

void tst_NabScorer::loadsAnyNabDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray csv("timestamp,value\r\n");
    for (int i = 0; i < 100; ++i)
        csv += QByteArray("2014-01-01 ") + QByteArray::number(i / 60).rightJustified(2, '0') + ':'
               + QByteArray::number(i % 60).rightJustified(2, '0') + ":00," + QByteArray::number(i)
               + "\r\n";
    QVERIFY(writeFile(dir.filePath(u"data/mySet/a.csv"_s), csv));
    QVERIFY(writeFile(dir.filePath(u"data/other/b.csv"_s), csv));
    QVERIFY(writeFile(dir.filePath(u"labels.json"_s),
                      R"({"mySet/a.csv": [["2014-01-01 00:50:00.000000", "2014-01-01 00:59:00.000000"]],
                          "other/b.csv": [], "gone/c.csv": []})"));
    const auto corpus = NabCorpus::load(dir.path(), dir.filePath(u"labels.json"_s));
    QVERIFY2(corpus, qPrintable(corpus.error()));
    QCOMPARE(corpus->size(), 2);
    QCOMPARE(corpus->at(0).name, u"mySet/a.csv"_s);
    QCOMPARE(corpus->at(0).values.size(), size_t(100));
    QCOMPARE(corpus->at(0).values.back(), 99.0);
    QCOMPARE(corpus->at(0).windows.size(), 1);
    // The same directory given as the data folder itself.
    const auto direct = NabCorpus::load(dir.filePath(u"data"_s), dir.filePath(u"labels.json"_s));
    QVERIFY(direct);
    QCOMPARE(direct->size(), 2);
    // The window maps onto rows 50..59: a detection at row 50 is perfect.
    const auto result = NabScorer(standard()).score(*corpus, {detectionsAt({50}), std::vector<double>(100, 0.0)});
    QVERIFY(result);
    QCOMPARE(result->normalisedScore, 100.0);
}

void tst_NabScorer::missingLabelsEntryIsAnError()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"data/s/x.csv"_s), "timestamp,value\n2014-01-01 00:00:00,1\n"));
    QVERIFY(writeFile(dir.filePath(u"labels.json"_s), "{}"));
    const auto corpus = NabCorpus::load(dir.path(), dir.filePath(u"labels.json"_s));
    QVERIFY(!corpus);
    QVERIFY2(corpus.error().contains(u"s/x.csv"_s), qPrintable(corpus.error()));
    const auto missing = NabCorpus::load(dir.filePath(u"nowhere"_s), dir.filePath(u"labels.json"_s));
    QVERIFY(!missing);
    QVERIFY(missing.error().contains(u"not a directory"_s));
}

void tst_NabScorer::loadsProfiles()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"profiles.json"_s), R"({
        "standard": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.11, "tnWeight": 1.0}},
        "reward_low_FP_rate": {"CostMatrix": {"tpWeight": 1.0, "fnWeight": 1.0, "fpWeight": 0.22, "tnWeight": 1.0}}
    })"));
    const auto profiles = NabCorpus::loadProfiles(dir.filePath(u"profiles.json"_s));
    QVERIFY2(profiles, qPrintable(profiles.error()));
    QCOMPARE(profiles->size(), 2);
    QVERIFY(writeFile(dir.filePath(u"bad.json"_s), R"({"standard": {"CostMatrix": {}}})"));
    const auto bad = NabCorpus::loadProfiles(dir.filePath(u"bad.json"_s));
    QVERIFY(!bad);
    QVERIFY(bad.error().contains(u"tpWeight"_s));
}

QTEST_GUILESS_MAIN(tst_NabScorer)
#include "tst_nabscorer.moc"
