#include "anomaly/CusumDetector.h"
#include "anomaly/HalfSpaceTrees.h"
#include "anomaly/RobustBaselineDetector.h"
#include "anomaly/UnivariateEnsemble.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace Continuo;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 FiveMinutesMs = 300'000;
constexpr int SamplesPerDay = 288;

// Deterministic noise in [-0.5, 0.5) (no dependence on the standard library's distributions).
class Noise
{
public:
    explicit Noise(quint64 seed) : m_state(seed) {}
    double next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(m_state >> 40) / double(1ULL << 24) - 0.5;
    }
    // Roughly normal, unit variance (sum of 12 uniforms).
    double gaussian()
    {
        double sum = 0.0;
        for (int k = 0; k < 12; ++k)
            sum += next();
        return sum;
    }

private:
    quint64 m_state;
};

double dailyValue(int i, Noise &noise)
{
    return 50.0 + 20.0 * std::sin(2.0 * M_PI * double(i % SamplesPerDay) / SamplesPerDay)
           + noise.gaussian();
}

} // namespace

class tst_AnomalyDetectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baselineDetectsSpike();
    void baselineSeasonalNoFalseAlarmsAndDetectsAnomaly();
    void baselineGapKeepsSeasonalPhase();
    void cusumDetectsLevelShift_data();
    void cusumDetectsLevelShift();
    void ensembleDetectsSpikeAfterWarmUp();
    void invalidInputLeavesStateUntouched();
    void outOfOrderSampleIsRejected();
    void deterministic();
    void memoryIsBounded();
    void halfSpaceTreesContributionsPointAtPerturbedFeature();
    void halfSpaceTreesDeterministicAndRejectsBadVectors();
    void settingsPerFamily();
};

void tst_AnomalyDetectors::baselineDetectsSpike()
{
    RobustBaselineSettings settings;
    settings.seasonPeriodMs = 0;
    RobustBaselineDetector detector(settings);
    Noise noise(1);
    double maxClean = 0.0;
    for (int i = 0; i < 1000; ++i) {
        const AnomalyScore score = detector.update(i * 60'000, 10.0 + noise.gaussian());
        QCOMPARE(score.isWarmingUp(), i < settings.warmUpSamples);
        if (!score.isWarmingUp())
            maxClean = std::max(maxClean, score.score);
    }
    QVERIFY2(maxClean < 0.5, qPrintable(QString::number(maxClean)));
    const AnomalyScore spike = detector.update(1000 * 60'000, 25.0);
    QVERIFY(spike.isScored());
    QVERIFY2(spike.score > 0.95, qPrintable(QString::number(spike.score)));
    QVERIFY(spike.robustZ > 8.0);
    QVERIFY(spike.expectedHigh < 25.0);
    QVERIFY(std::abs(spike.expectedValue - 10.0) < 0.5);
    // The spike did not drag the level: the next normal sample is normal again.
    QVERIFY(detector.update(1001 * 60'000, 10.0).score < 0.5);
}

void tst_AnomalyDetectors::baselineSeasonalNoFalseAlarmsAndDetectsAnomaly()
{
    RobustBaselineDetector detector;
    Noise noise(2);
    const int cleanSamples = 6 * SamplesPerDay;
    double maxCleanAfterLearning = 0.0;
    for (int i = 0; i < cleanSamples; ++i) {
        const AnomalyScore score = detector.update(i * FiveMinutesMs, dailyValue(i, noise));
        if (i >= 3 * SamplesPerDay)
            maxCleanAfterLearning = std::max(maxCleanAfterLearning, score.score);
    }
    QCOMPARE(detector.sampleIntervalMs(), FiveMinutesMs);
    QCOMPARE(detector.seasonBins(), SamplesPerDay);
    QVERIFY(detector.isSeasonal());
    QVERIFY2(maxCleanAfterLearning < 0.5, qPrintable(QString::number(maxCleanAfterLearning)));

    // At the daily peak the series stays at the daily mean: within the overall range, so only a
    // seasonal model can see it.
    const int peak = cleanSamples + SamplesPerDay / 4 - 6;
    int firstDetection = -1;
    for (int i = cleanSamples; i < peak + 12; ++i) {
        const bool anomalous = i >= peak;
        const double value = anomalous ? 50.0 + noise.gaussian() : dailyValue(i, noise);
        const AnomalyScore score = detector.update(i * FiveMinutesMs, value);
        if (!anomalous)
            QVERIFY(score.score < 0.5);
        if (anomalous && score.score > 0.5 && firstDetection < 0)
            firstDetection = i - peak;
    }
    QVERIFY2(firstDetection >= 0 && firstDetection <= 3, qPrintable(QString::number(firstDetection)));
}

void tst_AnomalyDetectors::baselineGapKeepsSeasonalPhase()
{
    RobustBaselineDetector detector;
    Noise noise(3);
    for (int i = 0; i < 5 * SamplesPerDay; ++i)
        detector.update(i * FiveMinutesMs, dailyValue(i, noise));
    QVERIFY(detector.isSeasonal());
    // Half a day missing: the profile is indexed by time of day, so no alarm after the gap.
    double maxAfterGap = 0.0;
    for (int i = 5 * SamplesPerDay + SamplesPerDay / 2; i < 6 * SamplesPerDay; ++i)
        maxAfterGap = std::max(maxAfterGap,
                               detector.update(i * FiveMinutesMs, dailyValue(i, noise)).score);
    QVERIFY2(maxAfterGap < 0.5, qPrintable(QString::number(maxAfterGap)));
}

void tst_AnomalyDetectors::cusumDetectsLevelShift_data()
{
    QTest::addColumn<double>("shift");
    QTest::newRow("up 1.5 sigma") << 1.5;
    QTest::newRow("down 1.5 sigma") << -1.5;
    QTest::newRow("up 4 sigma") << 4.0;
}

void tst_AnomalyDetectors::cusumDetectsLevelShift()
{
    QFETCH(double, shift);
    CusumDetector detector;
    Noise noise(4);
    const int changeAt = 1500;
    for (int i = 0; i < changeAt; ++i)
        detector.update(i * 1000, 100.0 + noise.gaussian());
    QCOMPARE(detector.changeCount(), qint64(0));
    int detectedAfter = -1;
    for (int i = changeAt; i < changeAt + 100; ++i) {
        const AnomalyScore score = detector.update(i * 1000, 100.0 + shift + noise.gaussian());
        if (detector.changeCount() > 0 && detectedAfter < 0) {
            detectedAfter = i - changeAt;
            QVERIFY(score.score > 0.5);
        }
    }
    QVERIFY2(detectedAfter >= 0 && detectedAfter <= 20, qPrintable(QString::number(detectedAfter)));
    // Re-anchored on the new level: no second change on the shifted but stable series.
    const qint64 changes = detector.changeCount();
    for (int i = changeAt + 100; i < changeAt + 1000; ++i)
        detector.update(i * 1000, 100.0 + shift + noise.gaussian());
    QVERIFY(detector.changeCount() <= changes + 1);
}

void tst_AnomalyDetectors::ensembleDetectsSpikeAfterWarmUp()
{
    UnivariateEnsemble detector;
    Noise noise(5);
    bool sawWarmUp = false;
    double maxClean = 0.0;
    for (int i = 0; i < 2000; ++i) {
        const AnomalyScore score = detector.update(i * FiveMinutesMs, 30.0 + 2.0 * noise.gaussian());
        sawWarmUp = sawWarmUp || score.isWarmingUp();
        if (i > 600)
            maxClean = std::max(maxClean, score.score);
    }
    QVERIFY(sawWarmUp);
    // The likelihood is tuned on NAB, where its operating point (~0.45) also flags the rarest
    // stretches of pure noise; what must hold is that a real step outranks all of them.
    QVERIFY2(maxClean < 0.5, qPrintable(QString::number(maxClean)));
    int firstDetection = -1;
    for (int i = 2000; i < 2010; ++i) {
        const AnomalyScore score = detector.update(i * FiveMinutesMs, 60.0);
        if (score.score > maxClean && firstDetection < 0) {
            firstDetection = i - 2000;
            QVERIFY(detector.lastRawScore() > 0.95);
            QVERIFY(std::abs(score.expectedValue - 30.0) < 2.0);
            QCOMPARE(toString(score.source), toString(DetectorKind::RobustBaseline));
        }
    }
    QVERIFY2(firstDetection >= 0 && firstDetection <= 2, qPrintable(QString::number(firstDetection)));
}

void tst_AnomalyDetectors::invalidInputLeavesStateUntouched()
{
    UnivariateEnsemble clean;
    UnivariateEnsemble dirty;
    Noise noise(6);
    const double bad[] = {std::numeric_limits<double>::quiet_NaN(),
                          std::numeric_limits<double>::infinity(),
                          -std::numeric_limits<double>::infinity()};
    for (int i = 0; i < 3000; ++i) {
        const double value = dailyValue(i, noise);
        if (i % 97 == 0) {
            const AnomalyScore rejected = dirty.update(i * FiveMinutesMs, bad[i % 3]);
            QCOMPARE(toString(rejected.state), toString(ScoreState::InvalidInput));
            QCOMPARE(rejected.score, 0.0);
        }
        const AnomalyScore a = clean.update(i * FiveMinutesMs, value);
        const AnomalyScore b = dirty.update(i * FiveMinutesMs, value);
        QCOMPARE(a.score, b.score);
        QCOMPARE(a.expectedValue, b.expectedValue);
    }
    QCOMPARE(clean.sampleCount(), dirty.sampleCount());
}

void tst_AnomalyDetectors::outOfOrderSampleIsRejected()
{
    CusumDetector cusum;
    RobustBaselineDetector baseline;
    for (int i = 0; i < 10; ++i) {
        cusum.update(1000 + i, 1.0);
        baseline.update(1000 + i, 1.0);
    }
    QCOMPARE(toString(cusum.update(5, 1.0).state), toString(ScoreState::InvalidInput));
    QCOMPARE(toString(baseline.update(5, 1.0).state), toString(ScoreState::InvalidInput));
    QCOMPARE(cusum.sampleCount(), qint64(10));
    QCOMPARE(baseline.sampleCount(), qint64(10));
}

void tst_AnomalyDetectors::deterministic()
{
    UnivariateEnsemble first;
    UnivariateEnsemble second;
    Noise a(7);
    Noise b(7);
    for (int i = 0; i < 2000; ++i) {
        const double spike = (i == 1500) ? 40.0 : 0.0;
        QCOMPARE(first.update(i * FiveMinutesMs, dailyValue(i, a) + spike).score,
                 second.update(i * FiveMinutesMs, dailyValue(i, b) + spike).score);
    }
    // reset() forgets everything and gives the same sequence again.
    first.reset();
    UnivariateEnsemble fresh;
    Noise c(8);
    Noise d(8);
    for (int i = 0; i < 500; ++i)
        QCOMPARE(first.update(i * 1000, c.gaussian()).score, fresh.update(i * 1000, d.gaussian()).score);
}

void tst_AnomalyDetectors::memoryIsBounded()
{
    UnivariateEnsemble detector;
    HalfSpaceTrees trees(4);
    Noise noise(9);
    std::vector<double> vector(4);
    for (int i = 0; i < 3000; ++i) {
        detector.update(i * FiveMinutesMs, dailyValue(i, noise));
        for (double &v : vector)
            v = noise.gaussian();
        trees.update(i, vector);
    }
    const qsizetype univariate = detector.memoryBytes();
    const qsizetype multivariate = trees.memoryBytes();
    for (int i = 3000; i < 60'000; ++i) {
        detector.update(i * FiveMinutesMs, dailyValue(i, noise));
        for (double &v : vector)
            v = noise.gaussian();
        trees.update(i, vector);
    }
    QCOMPARE(detector.memoryBytes(), univariate);
    QCOMPARE(trees.memoryBytes(), multivariate);
    QVERIFY2(univariate < 8 * 1024, qPrintable(QString::number(univariate)));
}

void tst_AnomalyDetectors::halfSpaceTreesContributionsPointAtPerturbedFeature()
{
    const int features = 4; // cpu, memory, network in, network out
    HalfSpaceTrees trees(features);
    Noise noise(10);
    std::vector<double> vector(features);
    const auto normal = [&] {
        const double load = noise.gaussian();
        vector[0] = 0.5 + 0.05 * load + 0.01 * noise.gaussian();
        vector[1] = 0.6 + 0.02 * noise.gaussian();
        vector[2] = 1e6 * (1.0 + 0.1 * load + 0.02 * noise.gaussian());
        vector[3] = 5e5 * (1.0 + 0.02 * noise.gaussian());
    };
    double maxClean = 0.0;
    for (int i = 0; i < 3000; ++i) {
        normal();
        const MultivariateScore score = trees.update(i, vector);
        if (i < trees.settings().windowSize)
            QVERIFY(score.isWarmingUp());
        else if (i > 1000)
            maxClean = std::max(maxClean, score.score);
    }
    QVERIFY2(maxClean < 0.7, qPrintable(QString::number(maxClean)));

    for (int perturbed = 0; perturbed < features; ++perturbed) {
        normal();
        vector[size_t(perturbed)] *= 2.5;
        const MultivariateScore score = trees.update(3000 + perturbed, vector);
        QVERIFY(score.state == ScoreState::Scored);
        QVERIFY2(score.score > 0.8, qPrintable(QString::number(score.score)));
        QCOMPARE(score.dominantFeature(), perturbed);
        QVERIFY2(score.contributions[size_t(perturbed)] > 0.5,
                 qPrintable(QString::number(score.contributions[size_t(perturbed)])));
        double sum = 0.0;
        for (double c : score.contributions)
            sum += c;
        QCOMPARE(qRound(sum * 1e6), 1'000'000);
    }
}

void tst_AnomalyDetectors::halfSpaceTreesDeterministicAndRejectsBadVectors()
{
    HalfSpaceTreesSettings settings;
    HalfSpaceTrees a(3, settings);
    HalfSpaceTrees b(3, settings);
    settings.seed = 43;
    HalfSpaceTrees c(3, settings);
    Noise noise(11);
    bool differs = false;
    for (int i = 0; i < 1500; ++i) {
        const std::vector<double> v{noise.gaussian(), noise.gaussian(), noise.gaussian()};
        const MultivariateScore sa = a.update(i, v);
        const MultivariateScore sb = b.update(i, v);
        const MultivariateScore sc = c.update(i, v);
        QCOMPARE(sa.score, sb.score);
        QCOMPARE(sa.contributions, sb.contributions);
        differs = differs || sa.score != sc.score;
    }
    QVERIFY(differs);
    const qint64 before = a.sampleCount();
    const std::vector<double> withNan{1.0, std::numeric_limits<double>::quiet_NaN(), 0.0};
    QCOMPARE(toString(a.update(2000, withNan).state), toString(ScoreState::InvalidInput));
    const std::vector<double> tooShort{1.0};
    QCOMPARE(toString(a.update(2001, tooShort).state), toString(ScoreState::InvalidInput));
    QCOMPARE(a.sampleCount(), before);
}

void tst_AnomalyDetectors::settingsPerFamily()
{
    QCOMPARE(toString(metricFamilyFromName(u"node_cpu_utilisation"_s)),
             toString(MetricFamily::Utilisation));
    QCOMPARE(toString(metricFamilyFromName(u"link_latency_seconds"_s)),
             toString(MetricFamily::Latency));
    QCOMPARE(toString(metricFamilyFromName(u"node_network_receive_bytes_rate"_s)),
             toString(MetricFamily::ByteRate));
    QCOMPARE(toString(metricFamilyFromName(QString())), toString(MetricFamily::Unknown));
    const auto latency = UnivariateDetectorSettings::forFamily(MetricFamily::Latency);
    QCOMPARE(latency.baseline.seasonPeriodMs, qint64(0));
    const auto generic = UnivariateDetectorSettings::forFamily(MetricFamily::Generic);
    QCOMPARE(generic.baseline.seasonPeriodMs, qint64(86'400'000));
}

QTEST_GUILESS_MAIN(tst_AnomalyDetectors)
#include "tst_anomalydetectors.moc"
