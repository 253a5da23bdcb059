// bench_anomaly: NAB scores of the streaming detector ensemble (standard, low-FP, low-FN
// profiles) on a NAB-format directory, detector throughput and memory per series.
//
//   bench_anomaly [--nab DIR] [--labels FILE] [--profiles FILE] [--verbose]
//
// Defaults: $CONTINUO_SOURCE_DIR/../shared/data/nab, else the path compiled in
// (<source>/../shared/data/nab); labels DIR/combined_windows.json; profiles DIR/profiles.json
// (NAB's built-in cost matrices when absent). Same detector settings for every file.

#include "anomaly/HalfSpaceTrees.h"
#include "anomaly/NabScorer.h"
#include "anomaly/UnivariateEnsemble.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cmath>
#include <cstdio>
#include <vector>

using namespace Continuo;
using namespace Qt::StringLiterals;

namespace {

QString defaultNabDir()
{
    const QString source = qEnvironmentVariable("CONTINUO_SOURCE_DIR");
    if (!source.isEmpty()) {
        const QString dir = QDir(source).filePath(u"../shared/data/nab"_s);
        if (QFileInfo(dir).isDir())
            return QDir::cleanPath(dir);
    }
#ifdef CONTINUO_NAB_DEFAULT_DIR
    return QDir::cleanPath(QStringLiteral(CONTINUO_NAB_DEFAULT_DIR));
#else
    return QString();
#endif
}

std::vector<double> runDetector(const NabSeries &series, const UnivariateDetectorSettings &settings)
{
    UnivariateEnsemble detector(settings);
    std::vector<double> scores(series.values.size(), 0.0);
    for (size_t i = 0; i < series.values.size(); ++i)
        scores[i] = detector.update(series.timestampsMs[i], series.values[i]).score;
    return scores;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString nabDir = defaultNabDir();
    QString labelsPath;
    QString profilesPath;
    bool verbose = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == "--nab"_L1 && i + 1 < args.size())
            nabDir = args[++i];
        else if (arg == "--labels"_L1 && i + 1 < args.size())
            labelsPath = args[++i];
        else if (arg == "--profiles"_L1 && i + 1 < args.size())
            profilesPath = args[++i];
        else if (arg == "--verbose"_L1)
            verbose = true;
        else {
            std::fprintf(stderr, "usage: bench_anomaly [--nab DIR] [--labels FILE] "
                                 "[--profiles FILE] [--verbose]\n");
            return 2;
        }
    }
    if (labelsPath.isEmpty())
        labelsPath = QDir(nabDir).filePath(u"combined_windows.json"_s);
    if (profilesPath.isEmpty())
        profilesPath = QDir(nabDir).filePath(u"profiles.json"_s);

    int status = 0;
    const UnivariateDetectorSettings settings = UnivariateDetectorSettings::forFamily(
        MetricFamily::Generic);

    // NAB.
    auto corpus = NabCorpus::load(nabDir, labelsPath);
    if (!corpus) {
        std::fprintf(stderr, "bench_anomaly: %s\n", qPrintable(corpus.error()));
        status = 1;
    } else {
        QList<NabProfile> profiles = NabCorpus::defaultProfiles();
        if (QFileInfo::exists(profilesPath)) {
            auto loaded = NabCorpus::loadProfiles(profilesPath);
            if (!loaded) {
                std::fprintf(stderr, "bench_anomaly: %s\n", qPrintable(loaded.error()));
                return 1;
            }
            profiles = *loaded;
        }
        QList<std::vector<double>> scores;
        qint64 samples = 0;
        for (const NabSeries &series : std::as_const(*corpus)) {
            scores.append(runDetector(series, settings));
            samples += qint64(series.values.size());
        }
        std::fprintf(stderr, "NAB corpus: %s, %lld files, %lld samples\n", qPrintable(nabDir),
                     qlonglong(corpus->size()), qlonglong(samples));
        const QList<std::pair<QString, const char *>> names = {
            {u"standard"_s, "nab_standard_score"},
            {u"reward_low_FP_rate"_s, "nab_low_fp_score"},
            {u"reward_low_FN_rate"_s, "nab_low_fn_score"},
        };
        for (const auto &[profileName, benchName] : names) {
            const auto profile = std::find_if(profiles.cbegin(), profiles.cend(),
                                              [&](const NabProfile &p) {
                                                  return p.name == profileName;
                                              });
            if (profile == profiles.cend()) {
                std::fprintf(stderr, "bench_anomaly: profile %s missing\n",
                             qPrintable(profileName));
                status = 1;
                continue;
            }
            const auto result = NabScorer(*profile).score(*corpus, scores);
            if (!result) {
                std::fprintf(stderr, "bench_anomaly: %s\n", qPrintable(result.error()));
                status = 1;
                continue;
            }
            std::fprintf(stderr,
                         "  %-20s threshold %.6f raw %.3f null %.3f perfect %.3f "
                         "TP windows %d FN windows %d FP rows %d\n",
                         qPrintable(profileName), result->threshold, result->rawScore,
                         result->nullScore, result->perfectScore, result->truePositiveWindows,
                         result->falseNegativeWindows, result->falsePositivePoints);
            std::printf("BENCH %s %.2f points\n", benchName, result->normalisedScore);
            if (verbose && profileName == "standard"_L1) {
                NabScorer scorer(*profile);
                for (qsizetype k = 0; k < corpus->size(); ++k) {
                    const auto raw = scorer.rawScoreAt({(*corpus)[k]}, {scores[k]},
                                                       result->threshold);
                    std::fprintf(stderr, "    %-60s %8.3f (%lld windows)\n",
                                 qPrintable((*corpus)[k].name), raw ? *raw : NAN,
                                 qlonglong((*corpus)[k].windows.size()));
                }
            }
        }
    }
    std::fflush(stdout);

    // Univariate throughput: the full ensemble (baseline + CUSUM + likelihood), one core.
    {
        const qint64 count = 4'000'000;
        UnivariateEnsemble detector(settings);
        quint64 state = 12345;
        double sink = 0.0;
        QElapsedTimer timer;
        timer.start();
        for (qint64 i = 0; i < count; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            const double noise = double(state >> 40) / double(1ULL << 24) - 0.5;
            const double value = 50.0 + 20.0 * std::sin(double(i) * (6.283185307 / 288.0)) + noise;
            sink += detector.update(i * 300'000, value).score;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        std::printf("BENCH detector_univariate_samples_per_s %.0f samples/s\n",
                    double(count) / seconds);
        std::printf("BENCH detector_bytes_per_series %lld bytes\n",
                    qlonglong(detector.memoryBytes()));
        if (sink < 0)
            std::printf("%f\n", sink);
    }
    // Multivariate throughput: half-space trees over an 8-metric node vector.
    {
        const int features = 8;
        const qint64 count = 300'000;
        HalfSpaceTrees trees(features);
        std::vector<double> vector(features);
        quint64 state = 777;
        double sink = 0.0;
        QElapsedTimer timer;
        timer.start();
        for (qint64 i = 0; i < count; ++i) {
            for (int q = 0; q < features; ++q) {
                state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                vector[size_t(q)] = double(q) + double(state >> 40) / double(1ULL << 24);
            }
            sink += trees.update(i * 1000, vector).score;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        std::printf("BENCH detector_multivariate_vectors_per_s %.0f vectors/s\n",
                    double(count) / seconds);
        std::fprintf(stderr, "  half-space trees memory per node (8 features): %lld bytes\n",
                     qlonglong(trees.memoryBytes()));
        if (sink < 0)
            std::printf("%f\n", sink);
    }
    return status;
}
