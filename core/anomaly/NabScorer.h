#pragma once

#include "continuo_core_export.h"
#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace Continuo {

/// One labelled anomaly window, inclusive at both ends (ms since the epoch, UTC).
struct NabWindow
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool operator==(const NabWindow &) const = default;
};

/// One NAB data file with its labels.
struct NabSeries
{
    QString name; ///< "set/file.csv", the key in the labels JSON
    std::vector<qint64> timestampsMs;
    std::vector<double> values;
    QList<NabWindow> windows;
};

/// A NAB cost matrix (profiles.json "CostMatrix").
struct NabCostMatrix
{
    double tpWeight = 1.0;
    double fpWeight = 0.11;
    double fnWeight = 1.0;
    double tnWeight = 1.0;
};

/// A named scoring profile: "standard", "reward_low_FP_rate", "reward_low_FN_rate".
struct NabProfile
{
    QString name;
    NabCostMatrix costs;
};

/// Loaders for NAB-format corpora: `<data>/<set>/<file>.csv` with a `timestamp,value` header,
/// a labels JSON mapping "set/file.csv" to [[start, end], ...], and profiles.json. Every error
/// names the file (and line) at fault.
class CONTINUO_CORE_EXPORT NabCorpus
{
public:
    /// Load every CSV under `dataDir` (or `dataDir/data` when that exists) and attach the windows
    /// from `labelsPath`. A CSV without a labels entry is an error; a labels entry without a
    /// CSV is ignored (logged). Series are sorted by name.
    static Result<QList<NabSeries>> load(const QString &dataDir, const QString &labelsPath);
    /// Parse one CSV; `name` is what the series is called in the result and in errors.
    static Result<NabSeries> loadCsv(const QString &path, const QString &name);
    /// Parse CSV text (for tests and in-memory data).
    static Result<NabSeries> parseCsv(const QByteArray &text, const QString &name);
    static Result<QHash<QString, QList<NabWindow>>> loadLabels(const QString &path);
    static Result<QHash<QString, QList<NabWindow>>> parseLabels(const QByteArray &json);
    static Result<QList<NabProfile>> loadProfiles(const QString &path);
    /// The three profiles of NAB 1.x (the values of its profiles.json).
    static QList<NabProfile> defaultProfiles();
    /// "2014-04-10 07:15:00.000000", "2014-04-10T07:15:00Z", ... as UTC ms.
    static Result<qint64> parseTimestamp(QStringView text);
};

/// The outcome of scoring a corpus under one profile.
struct NabProfileResult
{
    QString profile;
    double threshold = 1.1;      ///< best threshold found (1.1: never detect)
    double rawScore = 0.0;       ///< sum of the per-file scores at that threshold
    double nullScore = 0.0;      ///< raw score of NAB's null detector (constant 0.5)
    double perfectScore = 0.0;   ///< windows * tpWeight
    double normalisedScore = 0.0; ///< 100 * (raw - null) / (perfect - null)
    int truePositiveWindows = 0;
    int falseNegativeWindows = 0;
    int falsePositivePoints = 0;
};

/// NAB scoring, as nab/sweeper.py and nab/runner.py define it: probationary period
/// min(floor(0.15 n), 0.15 * 5000) rows; in a window the earliest detection scores
/// tpWeight * S(position) / S(-1) with S the scaled sigmoid 2 / (1 + e^(5x)) - 1 and position
/// -(right - i + 1) / width; a detection outside windows scores fpWeight * S(distance past the
/// preceding window / (its width - 1)) (-fpWeight with no preceding window); an undetected
/// window scores -fnWeight. The threshold is optimised over the whole corpus by sweeping the
/// detector's distinct scores from high to low; the result is normalised with NAB's null
/// detector as 0 and a perfect detector as 100.
class CONTINUO_CORE_EXPORT NabScorer
{
public:
    explicit NabScorer(NabProfile profile, double probationaryPercent = 0.15);

    /// `scores[k]` holds one score (0..1) per row of `corpus[k]`. Mismatched lengths are an
    /// error.
    Result<NabProfileResult> score(const QList<NabSeries> &corpus,
                                   const QList<std::vector<double>> &scores) const;
    /// The raw (unnormalised) score of the corpus at a given threshold: detection = score >=
    /// threshold.
    Result<double> rawScoreAt(const QList<NabSeries> &corpus,
                              const QList<std::vector<double>> &scores, double threshold) const;

    static double scaledSigmoid(double relativePosition);
    /// Rows excluded from scoring at the start of a file of `rows` rows.
    qint64 probationaryLength(qint64 rows) const;

    const NabProfile &profile() const { return m_profile; }

private:
    struct Point
    {
        double anomalyScore;
        double sweepScore;
        int window; ///< corpus-wide window id, -1 outside windows
    };
    struct Sweep
    {
        double threshold;
        double score;
        int tpWindows;
        int fpPoints;
        int scoredWindows; ///< windows with rows after the probationary period
    };
    Result<void> collect(const QList<NabSeries> &corpus, const QList<std::vector<double>> &scores,
                         std::vector<Point> &points, int &windowCount) const;
    static std::vector<Sweep> sweep(std::vector<Point> points, int windowCount,
                                    double fnWeight);
    static Sweep best(const std::vector<Sweep> &sweeps);

    NabProfile m_profile;
    double m_probationaryPercent = 0.15;
};

} // namespace Continuo
