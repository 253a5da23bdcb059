#pragma once

#include "anomaly/AnomalyTypes.h"
#include "continuo_core_export.h"

#include <QtGlobal>

#include <span>
#include <vector>

namespace Continuo {

/// Score of one node's metric vector, with each feature's share of the score.
struct CONTINUO_CORE_EXPORT MultivariateScore
{
    double score = 0.0; ///< 0 (normal) .. 1
    ScoreState state = ScoreState::Unknown;
    double massDeficitZ = 0.0; ///< how far below the usual mass the vector fell (robust z)
    /// Per feature, 0..1 and summing to 1 when the vector was scored: how much of the
    /// isolation of *this* vector came from splits on that feature.
    std::vector<double> contributions;

    bool isWarmingUp() const { return state == ScoreState::WarmingUp; }
    /// Index of the feature with the largest contribution (-1 if none).
    int dominantFeature() const;
};

/// Streaming half-space trees (Tan, Ting & Liu, 2011) over a fixed-length feature vector.
/// Features are standardised online (EW mean and mean absolute deviation), trees are built
/// once from the seed over a random work space, and mass profiles are swapped every
/// `windowSize` vectors (reference = last window, latest = current one), so the model follows
/// drift with memory fixed at treeCount * 2^(depth+1) nodes. The mass at the node where a
/// vector stops, scaled by 2^depth and summed over trees, is low for anomalies; its log is
/// turned into a robust z against its own running distribution and squashed into 0..1; the
/// final score is the larger of that and the squashed largest per-feature robust z.
/// Contributions: along each tree path, the log-mass drop at every split is credited to the
/// split's feature (weighted by the mass score), plus each feature's share of the squared z
/// (weighted by the per-feature score). O(treeCount * depth + features) per vector.
class CONTINUO_CORE_EXPORT HalfSpaceTrees
{
public:
    HalfSpaceTrees(int featureCount, const HalfSpaceTreesSettings &settings = {});

    /// Score one vector (size must equal featureCount) and learn it. Vectors with a wrong size
    /// or any non-finite entry are InvalidInput and leave the model untouched.
    MultivariateScore update(qint64 timestampMs, std::span<const double> features);
    void reset();

    int featureCount() const { return m_featureCount; }
    qint64 sampleCount() const { return m_count; }
    qsizetype memoryBytes() const;
    const HalfSpaceTreesSettings &settings() const { return m_settings; }

private:
    void build();
    int nodesPerTree() const { return (2 << m_settings.depth) - 1; }

    HalfSpaceTreesSettings m_settings;
    int m_featureCount = 0;
    qint64 m_count = 0;
    qint64 m_lastTimestampMs = 0;
    int m_inWindow = 0;
    bool m_hasReference = false;

    std::vector<quint16> m_splitFeature; // per tree, internal nodes
    std::vector<float> m_splitValue;     // per tree, internal nodes
    std::vector<quint16> m_reference;    // per tree, all nodes
    std::vector<quint16> m_latest;       // per tree, all nodes
    std::vector<double> m_featureMean;
    std::vector<double> m_featureAbsDeviation;
    std::vector<double> m_normalised; // scratch
    std::vector<double> m_featureZ;   // scratch: |robust z| per feature
    double m_logMassMean = 0.0;
    double m_logMassAbsDeviation = 0.0;
    qint64 m_scored = 0;
};

} // namespace Continuo
