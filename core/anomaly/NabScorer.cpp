#include "anomaly/NabScorer.h"

#include "anomaly/AnomalyLogging.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Continuo {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool readDigits(QStringView text, qsizetype &at, int count, int &out)
{
    out = 0;
    for (int k = 0; k < count; ++k, ++at) {
        if (at >= text.size() || !text[at].isDigit())
            return false;
        out = out * 10 + text[at].digitValue();
    }
    return true;
}

// Lines of a text file without their end-of-line characters.
QList<QByteArrayView> splitLines(const QByteArray &text)
{
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        qsizetype stop = end;
        if (stop > start && text[stop - 1] == '\r')
            --stop;
        lines.append(QByteArrayView(text.constData() + start, stop - start));
        start = end + 1;
    }
    return lines;
}

// Row of a window edge: the first row with exactly that timestamp, as NAB's
// timestamps.index(); else the first row at or after a start / the last row at or before an end.
qint64 indexOfWindowEdge(const std::vector<qint64> &timestamps, qint64 edgeMs, bool isStart)
{
    const auto exact = std::find(timestamps.begin(), timestamps.end(), edgeMs);
    if (exact != timestamps.end())
        return qint64(exact - timestamps.begin());
    if (isStart) {
        const auto after = std::find_if(timestamps.begin(), timestamps.end(),
                                        [&](qint64 t) { return t >= edgeMs; });
        return qint64(after - timestamps.begin());
    }
    for (qint64 i = qint64(timestamps.size()) - 1; i >= 0; --i) {
        if (timestamps[size_t(i)] <= edgeMs)
            return i;
    }
    return -1;
}

} // namespace

Result<qint64> NabCorpus::parseTimestamp(QStringView text)
{
    const QStringView t = text.trimmed();
    qsizetype at = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const auto bad = [&] { return makeError(u"unreadable timestamp \"%1\""_s.arg(t.toString())); };
    if (!readDigits(t, at, 4, year) || at >= t.size() || t[at++] != u'-'
        || !readDigits(t, at, 2, month) || at >= t.size() || t[at++] != u'-'
        || !readDigits(t, at, 2, day))
        return bad();
    qint64 millis = 0;
    if (at < t.size()) {
        if (t[at] != u' ' && t[at] != u'T')
            return bad();
        ++at;
        if (!readDigits(t, at, 2, hour) || at >= t.size() || t[at++] != u':'
            || !readDigits(t, at, 2, minute))
            return bad();
        if (at < t.size() && t[at] == u':') {
            ++at;
            if (!readDigits(t, at, 2, second))
                return bad();
            if (at < t.size() && t[at] == u'.') {
                ++at;
                int digits = 0;
                qint64 fraction = 0;
                while (at < t.size() && t[at].isDigit()) {
                    if (digits < 3) {
                        fraction = fraction * 10 + t[at].digitValue();
                        ++digits;
                    }
                    ++at;
                }
                if (digits == 0)
                    return bad();
                while (digits++ < 3)
                    fraction *= 10;
                millis = fraction;
            }
        }
        if (at < t.size() && t[at] == u'Z')
            ++at;
        if (at != t.size())
            return bad();
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
        || second > 60)
        return bad();
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    return ((days * 24 + hour) * 60 + minute) * 60'000 + qint64(second) * 1000 + millis;
}

Result<NabSeries> NabCorpus::parseCsv(const QByteArray &text, const QString &name)
{
    NabSeries series;
    series.name = name;
    const QList<QByteArrayView> lines = splitLines(text);
    bool headerSeen = false;
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const QByteArray line = lines[index].toByteArray().trimmed();
        const qsizetype lineNumber = index + 1;
        if (line.isEmpty())
            continue;
        const qsizetype comma = line.indexOf(',');
        if (comma < 0) {
            return makeError(u"%1:%2: expected \"timestamp,value\", got \"%3\""_s.arg(
                name, QString::number(lineNumber), QString::fromUtf8(line.left(80))));
        }
        const QString first = QString::fromUtf8(line.left(comma)).trimmed();
        QByteArray rest = line.mid(comma + 1).trimmed();
        if (!headerSeen) {
            headerSeen = true;
            if (first.compare("timestamp"_L1, Qt::CaseInsensitive) != 0) {
                return makeError(u"%1:%2: the header must start with \"timestamp\", got \"%3\""_s
                                     .arg(name, QString::number(lineNumber), first));
            }
            continue;
        }
        // Extra columns (label, anomaly_score ... in NAB result files) are ignored.
        const qsizetype nextComma = rest.indexOf(',');
        if (nextComma >= 0)
            rest = rest.left(nextComma).trimmed();
        const Result<qint64> timestamp = parseTimestamp(first);
        if (!timestamp) {
            return makeError(u"%1:%2: %3"_s.arg(name, QString::number(lineNumber),
                                                timestamp.error()));
        }
        bool ok = false;
        const double value = QString::fromUtf8(rest).toDouble(&ok);
        if (!ok) {
            return makeError(u"%1:%2: unreadable value \"%3\""_s.arg(
                name, QString::number(lineNumber), QString::fromUtf8(rest.left(40))));
        }
        // Real NAB files step back now and then (machine_temperature at row 10150); NAB keeps
        // such rows, so do we (detectors report them as InvalidInput).
        if (!series.timestampsMs.empty() && *timestamp < series.timestampsMs.back())
            qCDebug(lcAnomaly) << name << "line" << lineNumber << "steps back in time";
        series.timestampsMs.push_back(*timestamp);
        series.values.push_back(value);
    }
    if (!headerSeen)
        return makeError(u"%1: empty file (no \"timestamp,value\" header)"_s.arg(name));
    if (series.values.empty())
        return makeError(u"%1: no data rows"_s.arg(name));
    return series;
}

Result<NabSeries> NabCorpus::loadCsv(const QString &path, const QString &name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"%1: cannot open: %2"_s.arg(path, file.errorString()));
    return parseCsv(file.readAll(), name);
}

Result<QHash<QString, QList<NabWindow>>> NabCorpus::parseLabels(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(u"labels: invalid JSON at offset %1: %2"_s.arg(
            QString::number(parseError.offset), parseError.errorString()));
    }
    if (!document.isObject())
        return makeError(u"labels: the top level must be an object of \"set/file.csv\": [...]"_s);
    QHash<QString, QList<NabWindow>> labels;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isArray())
            return makeError(u"labels: \"%1\" must map to a list of windows"_s.arg(it.key()));
        QList<NabWindow> windows;
        const QJsonArray array = it.value().toArray();
        for (qsizetype k = 0; k < array.size(); ++k) {
            const QJsonArray pair = array.at(k).toArray();
            if (!array.at(k).isArray() || pair.size() != 2 || !pair.at(0).isString()
                || !pair.at(1).isString()) {
                return makeError(u"labels: \"%1\" window %2 must be [\"start\", \"end\"]"_s.arg(
                    it.key(), QString::number(k)));
            }
            const Result<qint64> start = parseTimestamp(pair.at(0).toString());
            const Result<qint64> end = parseTimestamp(pair.at(1).toString());
            if (!start || !end) {
                return makeError(u"labels: \"%1\" window %2: %3"_s.arg(
                    it.key(), QString::number(k), start ? end.error() : start.error()));
            }
            if (*end < *start) {
                return makeError(u"labels: \"%1\" window %2 ends before it starts"_s.arg(
                    it.key(), QString::number(k)));
            }
            windows.append(NabWindow{*start, *end});
        }
        std::sort(windows.begin(), windows.end(),
                  [](const NabWindow &a, const NabWindow &b) { return a.startMs < b.startMs; });
        labels.insert(it.key(), windows);
    }
    return labels;
}

Result<QHash<QString, QList<NabWindow>>> NabCorpus::loadLabels(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"%1: cannot open: %2"_s.arg(path, file.errorString()));
    auto labels = parseLabels(file.readAll());
    if (!labels)
        return makeError(u"%1: %2"_s.arg(path, labels.error()));
    return labels;
}

Result<QList<NabSeries>> NabCorpus::load(const QString &dataDir, const QString &labelsPath)
{
    QString root = dataDir;
    if (QFileInfo(QDir(dataDir).filePath(u"data"_s)).isDir())
        root = QDir(dataDir).filePath(u"data"_s);
    if (!QFileInfo(root).isDir())
        return makeError(u"%1: not a directory"_s.arg(dataDir));
    auto labels = loadLabels(labelsPath);
    if (!labels)
        return makeError(labels.error());

    QStringList names;
    QDirIterator it(root, {u"*.csv"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        names.append(QDir(root).relativeFilePath(it.next()));
    names.sort();
    if (names.isEmpty())
        return makeError(u"%1: no CSV files found"_s.arg(root));

    QList<NabSeries> corpus;
    for (const QString &name : std::as_const(names)) {
        if (!labels->contains(name))
            return makeError(u"%1: no entry for \"%2\" in %3"_s.arg(root, name, labelsPath));
        auto series = loadCsv(QDir(root).filePath(name), name);
        if (!series)
            return makeError(series.error());
        series->windows = labels->value(name);
        corpus.append(std::move(*series));
    }
    for (auto label = labels->cbegin(); label != labels->cend(); ++label) {
        if (!names.contains(label.key()))
            qCInfo(lcAnomaly) << "NAB labels entry without a data file, ignored:" << label.key();
    }
    return corpus;
}

QList<NabProfile> NabCorpus::defaultProfiles()
{
    return {
        NabProfile{u"standard"_s, NabCostMatrix{1.0, 0.11, 1.0, 1.0}},
        NabProfile{u"reward_low_FP_rate"_s, NabCostMatrix{1.0, 0.22, 1.0, 1.0}},
        NabProfile{u"reward_low_FN_rate"_s, NabCostMatrix{1.0, 0.11, 2.0, 1.0}},
    };
}

Result<QList<NabProfile>> NabCorpus::loadProfiles(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"%1: cannot open: %2"_s.arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(u"%1: not a JSON object: %2"_s.arg(path, parseError.errorString()));
    QList<NabProfile> profiles;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject costs = it.value().toObject().value("CostMatrix"_L1).toObject();
        const auto weight = [&](QLatin1StringView key, double &out) {
            const QJsonValue value = costs.value(key);
            if (!value.isDouble())
                return false;
            out = value.toDouble();
            return true;
        };
        NabProfile profile{it.key(), {}};
        if (!weight("tpWeight"_L1, profile.costs.tpWeight)
            || !weight("fpWeight"_L1, profile.costs.fpWeight)
            || !weight("fnWeight"_L1, profile.costs.fnWeight)) {
            return makeError(u"%1: profile \"%2\" needs CostMatrix tpWeight, fpWeight, fnWeight"_s
                                 .arg(path, it.key()));
        }
        weight("tnWeight"_L1, profile.costs.tnWeight);
        profiles.append(profile);
    }
    if (profiles.isEmpty())
        return makeError(u"%1: no profiles"_s.arg(path));
    return profiles;
}

NabScorer::NabScorer(NabProfile profile, double probationaryPercent)
    : m_profile(std::move(profile)), m_probationaryPercent(probationaryPercent)
{
}

double NabScorer::scaledSigmoid(double relativePosition)
{
    if (relativePosition >= 3.0)
        return -1.0;
    return 2.0 / (1.0 + std::exp(5.0 * relativePosition)) - 1.0;
}

qint64 NabScorer::probationaryLength(qint64 rows) const
{
    return qint64(std::min(std::floor(m_probationaryPercent * double(rows)),
                           m_probationaryPercent * 5000.0));
}

Result<void> NabScorer::collect(const QList<NabSeries> &corpus,
                                const QList<std::vector<double>> &scores,
                                std::vector<Point> &points, int &windowCount) const
{
    if (corpus.size() != scores.size()) {
        return makeError(u"NAB: %1 score sequences for %2 files"_s.arg(
            QString::number(scores.size()), QString::number(corpus.size())));
    }
    const double maxTp = scaledSigmoid(-1.0);
    const NabCostMatrix &costs = m_profile.costs;
    windowCount = 0;
    for (qsizetype file = 0; file < corpus.size(); ++file) {
        const NabSeries &series = corpus[file];
        const std::vector<double> &fileScores = scores[file];
        const qint64 rows = qint64(series.timestampsMs.size());
        if (qint64(fileScores.size()) != rows) {
            return makeError(u"NAB: %1 has %2 rows but %3 scores"_s.arg(
                series.name, QString::number(rows), QString::number(fileScores.size())));
        }
        // Windows as row ranges (inclusive), like NAB's timestamps.index(start/end).
        struct Range
        {
            qint64 left;
            qint64 right;
            int id;
        };
        std::vector<Range> ranges;
        for (const NabWindow &window : series.windows) {
            const qint64 left = indexOfWindowEdge(series.timestampsMs, window.startMs, true);
            const qint64 right = indexOfWindowEdge(series.timestampsMs, window.endMs, false);
            if (right < left) {
                qCWarning(lcAnomaly) << "NAB window outside the data of" << series.name;
                continue;
            }
            if (!ranges.empty() && left <= ranges.back().right) {
                return makeError(u"NAB: overlapping windows in %1"_s.arg(series.name));
            }
            ranges.push_back(Range{left, right, windowCount++});
        }
        const qint64 probation = probationaryLength(rows);
        size_t next = 0;
        const Range *current = nullptr;
        const Range *previous = nullptr;
        for (qint64 i = 0; i < rows; ++i) {
            if (!current && next < ranges.size() && i == ranges[next].left)
                current = &ranges[next++];
            double sweepScore = 0.0;
            if (current) {
                const double width = double(current->right - current->left + 1);
                const double position = -double(current->right - i + 1) / width;
                sweepScore = scaledSigmoid(position) * costs.tpWeight / maxTp;
            } else {
                double position = 3.0;
                if (previous) {
                    const double width = double(previous->right - previous->left + 1);
                    position = double(std::abs(previous->right - i)) / std::max(1.0, width - 1.0);
                }
                sweepScore = scaledSigmoid(position) * costs.fpWeight;
            }
            if (i >= probation) {
                double score = fileScores[size_t(i)];
                if (!(score == score))
                    score = 0.0;
                points.push_back(Point{score, sweepScore, current ? current->id : -1});
            }
            if (current && i == current->right) {
                previous = current;
                current = nullptr;
            }
        }
    }
    return {};
}

std::vector<NabScorer::Sweep> NabScorer::sweep(std::vector<Point> points, int windowCount,
                                               double fnWeight)
{
    // nab/sweeper.py calcScoreByThreshold: windows that have scorable rows start at -fnWeight
    // and take the best (earliest) detection's score; false positives add up.
    std::stable_sort(points.begin(), points.end(), [](const Point &a, const Point &b) {
        return a.anomalyScore > b.anomalyScore;
    });
    std::vector<double> windowScore(size_t(windowCount), 0.0);
    std::vector<char> present(size_t(windowCount), 0);
    std::vector<char> detected(size_t(windowCount), 0);
    double total = 0.0;
    int scoredWindows = 0;
    for (const Point &point : points) {
        if (point.window >= 0 && !present[size_t(point.window)]) {
            present[size_t(point.window)] = 1;
            ++scoredWindows;
            windowScore[size_t(point.window)] = -fnWeight;
            total -= fnWeight;
        }
    }
    std::vector<Sweep> sweeps;
    double threshold = 1.1;
    int tpWindows = 0;
    int fpPoints = 0;
    double fpSum = 0.0;
    for (const Point &point : points) {
        if (point.anomalyScore != threshold) {
            sweeps.push_back(Sweep{threshold, total + fpSum, tpWindows, fpPoints, scoredWindows});
            threshold = point.anomalyScore;
        }
        if (point.window < 0) {
            fpSum += point.sweepScore;
            ++fpPoints;
        } else {
            double &part = windowScore[size_t(point.window)];
            if (!detected[size_t(point.window)]) {
                detected[size_t(point.window)] = 1;
                ++tpWindows;
            }
            if (point.sweepScore > part) {
                total += point.sweepScore - part;
                part = point.sweepScore;
            }
        }
    }
    sweeps.push_back(Sweep{threshold, total + fpSum, tpWindows, fpPoints, scoredWindows});
    return sweeps;
}

NabScorer::Sweep NabScorer::best(const std::vector<Sweep> &sweeps)
{
    // Highest score; among equal scores the highest threshold (NAB's stable sort keeps the
    // first of equals, and the sweep runs from high thresholds to low).
    Sweep result = sweeps.front();
    for (const Sweep &s : sweeps) {
        if (s.score > result.score)
            result = s;
    }
    return result;
}

Result<double> NabScorer::rawScoreAt(const QList<NabSeries> &corpus,
                                     const QList<std::vector<double>> &scores,
                                     double threshold) const
{
    std::vector<Point> points;
    int windowCount = 0;
    if (auto ok = collect(corpus, scores, points, windowCount); !ok)
        return makeError(ok.error());
    for (Point &point : points) {
        // Detected points keep their score, the rest drop below any threshold.
        point.anomalyScore = point.anomalyScore >= threshold ? 1.0 : 0.0;
    }
    const std::vector<Sweep> sweeps = sweep(std::move(points), windowCount,
                                            m_profile.costs.fnWeight);
    for (const Sweep &s : sweeps) {
        if (s.threshold == 1.0)
            return s.score;
    }
    return sweeps.front().score; // nothing detected
}

Result<NabProfileResult> NabScorer::score(const QList<NabSeries> &corpus,
                                          const QList<std::vector<double>> &scores) const
{
    std::vector<Point> points;
    int windowCount = 0;
    if (auto ok = collect(corpus, scores, points, windowCount); !ok)
        return makeError(ok.error());

    std::vector<Point> nullPoints = points;
    for (Point &point : nullPoints)
        point.anomalyScore = 0.5;
    const Sweep nullBest = best(sweep(std::move(nullPoints), windowCount,
                                      m_profile.costs.fnWeight));
    const std::vector<Sweep> sweeps = sweep(std::move(points), windowCount,
                                            m_profile.costs.fnWeight);
    const Sweep detectorBest = best(sweeps);

    qsizetype labelled = 0;
    for (const NabSeries &series : corpus)
        labelled += series.windows.size();

    NabProfileResult result;
    result.profile = m_profile.name;
    result.threshold = detectorBest.threshold;
    result.rawScore = detectorBest.score;
    result.nullScore = nullBest.score;
    result.perfectScore = double(labelled) * m_profile.costs.tpWeight;
    result.truePositiveWindows = detectorBest.tpWindows;
    result.falseNegativeWindows = detectorBest.scoredWindows - detectorBest.tpWindows;
    result.falsePositivePoints = detectorBest.fpPoints;
    const double span = result.perfectScore - result.nullScore;
    result.normalisedScore = span != 0.0 ? 100.0 * (result.rawScore - result.nullScore) / span
                                         : 0.0;
    return result;
}

} // namespace Continuo
