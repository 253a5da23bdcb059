#pragma once

#include "continuo_core_export.h"
#include "util/Result.h"

#include <QList>
#include <QString>

#include <vector>

namespace Continuo {

/// Which kind of end-to-end metric is being inferred, and how it composes along a path.
enum class TomographyMetric {
    Unknown,
    Additive,      ///< Sums along a path: delay, jitter.
    DeliveryRatio, ///< Multiplies along a path (0..1]; solved additively on −log(ratio).
    Bandwidth      ///< Minimum over the links of a path.
};

/// A path through the network as the directed links it uses (indices into the link list).
struct TomographyPath
{
    QList<int> links;
    double value = 0.0; ///< Measured end-to-end value (unused for paths to predict).
};

/// A link's inferred value and whether the measurements determine it.
struct LinkEstimate
{
    double value = 0.0;
    bool identifiable = false; ///< False: a value consistent with the data, not determined by it.
};

/// A predicted end-to-end value for an unmeasured path.
struct PathEstimate
{
    double value = 0.0;
    /// True when the measured paths determine this path's value exactly (its routing row lies in
    /// the row space of G_P for additive metrics; every link bounded for bandwidth).
    bool identifiable = false;
};

/// Network tomography (SERRANO D5.3 §3.4.1.3): infer link metrics and unmeasured paths from
/// measured paths, y_P = G_P·x. Additive metrics use the Moore–Penrose pseudo-inverse
/// (x̂ = G_P⁺·y_P, ŷ_M = G_M·x̂); bandwidth uses max-min bounds. Links and paths the measurements
/// cannot determine are reported as not identifiable instead of silently guessed.
class CONTINUO_CORE_EXPORT NetworkTomography
{
public:
    explicit NetworkTomography(int linkCount, TomographyMetric metric = TomographyMetric::Additive);

    int linkCount() const { return m_linkCount; }
    TomographyMetric metric() const { return m_metric; }

    /// Add a measured path. Fails on an empty path, a link index out of range, a link used twice,
    /// a non-finite value, or a value outside the metric's domain.
    Result<void> addMeasurement(const TomographyPath &path);
    void clearMeasurements();
    qsizetype measurementCount() const { return m_paths.size(); }

    /// Solve for the links. Needs at least one measurement.
    Result<void> solve();

    /// After solve(): per-link estimates (index = link).
    const std::vector<LinkEstimate> &links() const { return m_links; }
    /// After solve(): rank of G_P (number of independent measured paths).
    int rank() const { return m_rank; }
    /// After solve(): root-mean-square residual ‖G_P·x̂ − y_P‖/√|P| (measurement inconsistency).
    double residual() const { return m_residual; }

    /// After solve(): predict a path's end-to-end value.
    Result<PathEstimate> predict(const QList<int> &links) const;

private:
    Result<void> validate(const QList<int> &links) const;
    Result<void> solveLinear();
    Result<void> solveBandwidth();

    int m_linkCount;
    TomographyMetric m_metric;
    QList<TomographyPath> m_paths;
    std::vector<LinkEstimate> m_links;
    std::vector<double> m_rowSpaceProjector; ///< N = V_r·V_rᵀ, |L|×|L| row-major.
    int m_rank = 0;
    double m_residual = 0.0;
    bool m_solved = false;
};

} // namespace Continuo
