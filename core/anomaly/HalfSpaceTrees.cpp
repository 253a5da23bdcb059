#include "anomaly/HalfSpaceTrees.h"

#include "anomaly/IUnivariateDetector.h"

#include <algorithm>
#include <cmath>

namespace Continuo {

namespace {
constexpr double MadToSigma = 1.2533141373155003;

// splitmix64: tiny, portable and fully specified, so a seed gives the same trees everywhere.
quint64 nextRandom(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double nextUnit(quint64 &state)
{
    return double(nextRandom(state) >> 11) * (1.0 / 9007199254740992.0);
}
} // namespace

int MultivariateScore::dominantFeature() const
{
    if (contributions.empty())
        return -1;
    const auto it = std::max_element(contributions.begin(), contributions.end());
    return *it > 0.0 ? int(it - contributions.begin()) : -1;
}

HalfSpaceTrees::HalfSpaceTrees(int featureCount, const HalfSpaceTreesSettings &settings)
    : m_settings(settings), m_featureCount(std::max(1, featureCount))
{
    m_settings.treeCount = std::clamp(m_settings.treeCount, 1, 1024);
    m_settings.depth = std::clamp(m_settings.depth, 1, 15);
    m_settings.windowSize = std::clamp(m_settings.windowSize, 2, 65535);
    build();
}

void HalfSpaceTrees::reset()
{
    *this = HalfSpaceTrees(m_featureCount, m_settings);
}

qsizetype HalfSpaceTrees::memoryBytes() const
{
    return qsizetype(sizeof(*this)) + qsizetype(m_splitFeature.capacity() * sizeof(quint16))
           + qsizetype(m_splitValue.capacity() * sizeof(float))
           + qsizetype((m_reference.capacity() + m_latest.capacity()) * sizeof(quint16))
           + qsizetype((m_featureMean.capacity() + m_featureAbsDeviation.capacity()
                        + m_normalised.capacity() + m_featureZ.capacity())
                       * sizeof(double));
}

void HalfSpaceTrees::build()
{
    const int trees = m_settings.treeCount;
    const int internal = (1 << m_settings.depth) - 1;
    m_splitFeature.assign(size_t(trees) * size_t(internal), 0);
    m_splitValue.assign(size_t(trees) * size_t(internal), 0.0f);
    m_reference.assign(size_t(trees) * size_t(nodesPerTree()), 0);
    m_latest.assign(size_t(trees) * size_t(nodesPerTree()), 0);
    m_featureMean.assign(size_t(m_featureCount), 0.0);
    m_featureAbsDeviation.assign(size_t(m_featureCount), 0.0);
    m_normalised.assign(size_t(m_featureCount), 0.0);
    m_featureZ.assign(size_t(m_featureCount), 0.0);

    quint64 state = m_settings.seed;
    std::vector<double> low(static_cast<size_t>(m_featureCount));
    std::vector<double> high(static_cast<size_t>(m_featureCount));
    // Work space per tree: around a random point of [0,1]^d, wide enough to hold [0,1]^d.
    for (int tree = 0; tree < trees; ++tree) {
        for (int q = 0; q < m_featureCount; ++q) {
            const double s = nextUnit(state);
            const double range = 2.0 * std::max(s, 1.0 - s);
            low[size_t(q)] = s - range;
            high[size_t(q)] = s + range;
        }
        // Breadth-first over the heap layout: node i has children 2i+1 and 2i+2.
        std::vector<std::vector<double>> lows(static_cast<size_t>(internal));
        std::vector<std::vector<double>> highs(static_cast<size_t>(internal));
        lows[0] = low;
        highs[0] = high;
        for (int node = 0; node < internal; ++node) {
            const int q = int(nextRandom(state) % quint64(m_featureCount));
            const double mid = 0.5 * (lows[size_t(node)][size_t(q)] + highs[size_t(node)][size_t(q)]);
            const size_t at = size_t(tree) * size_t(internal) + size_t(node);
            m_splitFeature[at] = quint16(q);
            m_splitValue[at] = float(mid);
            const int left = 2 * node + 1;
            const int right = 2 * node + 2;
            if (left < internal) {
                lows[size_t(left)] = lows[size_t(node)];
                highs[size_t(left)] = highs[size_t(node)];
                highs[size_t(left)][size_t(q)] = mid;
            }
            if (right < internal) {
                lows[size_t(right)] = lows[size_t(node)];
                highs[size_t(right)] = highs[size_t(node)];
                lows[size_t(right)][size_t(q)] = mid;
            }
            lows[size_t(node)].clear();
            lows[size_t(node)].shrink_to_fit();
            highs[size_t(node)].clear();
            highs[size_t(node)].shrink_to_fit();
        }
    }
}

MultivariateScore HalfSpaceTrees::update(qint64 timestampMs, std::span<const double> features)
{
    MultivariateScore result;
    if (int(features.size()) != m_featureCount
        || (m_count > 0 && timestampMs < m_lastTimestampMs)
        || !std::all_of(features.begin(), features.end(), Internal::isUsable)) {
        result.state = ScoreState::InvalidInput;
        return result;
    }
    m_lastTimestampMs = timestampMs;

    // Standardise each feature into roughly [0,1]: mean at 0.5, +-4 sigma at the edges.
    const double featureAlpha = std::max(m_settings.featureAlpha, 1.0 / double(m_count + 1));
    for (int q = 0; q < m_featureCount; ++q) {
        const double x = features[size_t(q)];
        double &mean = m_featureMean[size_t(q)];
        double &absDev = m_featureAbsDeviation[size_t(q)];
        if (m_count == 0)
            mean = x;
        const double scale = std::max(MadToSigma * absDev,
                                      std::max(1e-9, 1e-3 * std::abs(mean)));
        const double z = std::clamp((x - mean) / scale, -12.0, 12.0);
        m_normalised[size_t(q)] = 0.5 + z / 8.0;
        m_featureZ[size_t(q)] = std::abs((x - mean) / scale);
        const double residual = std::clamp(x - mean, -4.0 * scale, 4.0 * scale);
        if (m_count > 0) {
            mean += featureAlpha * residual;
            absDev += featureAlpha * (std::abs(residual) - absDev);
        }
    }

    const int trees = m_settings.treeCount;
    const int depth = m_settings.depth;
    const int internal = (1 << depth) - 1;
    const int perTree = nodesPerTree();
    const double sizeLimit = std::max(1.0, 0.1 * double(m_settings.windowSize));
    result.contributions.assign(size_t(m_featureCount), 0.0);

    double mass = 0.0;
    for (int tree = 0; tree < trees; ++tree) {
        const quint16 *reference = m_reference.data() + size_t(tree) * size_t(perTree);
        quint16 *latest = m_latest.data() + size_t(tree) * size_t(perTree);
        const quint16 *splitFeature = m_splitFeature.data() + size_t(tree) * size_t(internal);
        const float *splitValue = m_splitValue.data() + size_t(tree) * size_t(internal);
        int node = 0;
        bool scoring = m_hasReference;
        for (int level = 0;; ++level) {
            if (latest[node] < 65535)
                ++latest[node];
            if (scoring && (level == depth || double(reference[node]) < sizeLimit)) {
                mass += double(reference[node]) * double(1 << level);
                scoring = false;
            }
            if (level == depth)
                break;
            const int q = splitFeature[node];
            const int child = m_normalised[size_t(q)] < double(splitValue[node]) ? 2 * node + 1
                                                                                 : 2 * node + 2;
            if (scoring) {
                result.contributions[size_t(q)] += std::log2((double(reference[node]) + 1.0)
                                                             / (double(reference[child]) + 1.0));
            }
            node = child;
        }
    }

    ++m_count;
    if (++m_inWindow >= m_settings.windowSize) {
        m_reference.swap(m_latest);
        std::fill(m_latest.begin(), m_latest.end(), quint16(0));
        m_inWindow = 0;
        m_hasReference = true;
    }

    const bool warming = m_count <= qint64(std::max(m_settings.warmUpSamples, m_settings.windowSize));
    if (result.contributions.empty() || !m_hasReference) {
        result.state = ScoreState::WarmingUp;
        std::fill(result.contributions.begin(), result.contributions.end(), 0.0);
        return result;
    }
    // Mass below its usual level (log scale) is the anomaly signal.
    const double logMass = std::log2(mass / double(trees) + 1.0);
    const double scale = std::max(MadToSigma * m_logMassAbsDeviation, 0.05);
    const double z = m_scored > 0 ? (m_logMassMean - logMass) / scale : 0.0;
    result.massDeficitZ = z;
    const double massScore = Internal::squashZ(std::max(0.0, z), 10.0, 2.0);
    // Half-space trees resolve a feature only as finely as the splits that fall on it, so a
    // single metric far outside its range can score like an ordinary tail vector. The largest
    // per-feature robust z catches that case; the trees catch broken correlations.
    const auto largest = std::max_element(m_featureZ.begin(), m_featureZ.end());
    const double featureScore = Internal::squashZ(*largest, m_settings.featureZAtHalfScore, 3.0);
    result.score = warming ? 0.0 : std::max(massScore, featureScore);
    result.state = warming ? ScoreState::WarmingUp : ScoreState::Scored;
    const double alpha = std::max(0.01, 1.0 / double(m_scored + 1));
    const double residual = std::clamp(logMass - m_logMassMean, -4.0 * scale, 4.0 * scale);
    if (m_scored == 0)
        m_logMassMean = logMass;
    else {
        m_logMassMean += alpha * residual;
        m_logMassAbsDeviation += alpha * (std::abs(residual) - m_logMassAbsDeviation);
    }
    ++m_scored;

    // Contributions: the trees' log-mass drops per feature, weighted by the mass score, plus the
    // features' shares of squared z, weighted by the feature score.
    double pathTotal = 0.0;
    for (double &c : result.contributions) {
        c = std::max(0.0, c);
        pathTotal += c;
    }
    double zTotal = 0.0;
    for (double zq : m_featureZ)
        zTotal += zq * zq;
    double total = 0.0;
    for (int q = 0; q < m_featureCount; ++q) {
        double &c = result.contributions[size_t(q)];
        const double fromPath = pathTotal > 0.0 ? c / pathTotal : 0.0;
        const double zq = m_featureZ[size_t(q)];
        const double fromZ = zTotal > 0.0 ? zq * zq / zTotal : 0.0;
        c = massScore * fromPath + featureScore * fromZ;
        total += c;
    }
    if (total > 0.0) {
        for (double &c : result.contributions)
            c /= total;
    }
    return result;
}

} // namespace Continuo
