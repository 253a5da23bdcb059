#include "telemetry/NetworkTomography.h"

#include <Eigen/Dense>
#include <Eigen/SVD>

#include <cmath>
#include <limits>

namespace Continuo {

namespace {
constexpr double kIdentifiableTolerance = 1e-8;
}

NetworkTomography::NetworkTomography(int linkCount, TomographyMetric metric)
    : m_linkCount(std::max(0, linkCount))
    , m_metric(metric)
{
}

Result<void> NetworkTomography::validate(const QList<int> &links) const
{
    if (links.isEmpty())
        return makeError(QStringLiteral("a path needs at least one link"));
    std::vector<bool> seen(size_t(m_linkCount), false);
    for (int link : links) {
        if (link < 0 || link >= m_linkCount)
            return makeError(QStringLiteral("link index %1 is outside 0..%2").arg(link).arg(m_linkCount - 1));
        if (seen[size_t(link)])
            return makeError(QStringLiteral("link %1 appears twice in one path (a loop)").arg(link));
        seen[size_t(link)] = true;
    }
    return {};
}

Result<void> NetworkTomography::addMeasurement(const TomographyPath &path)
{
    if (m_metric == TomographyMetric::Unknown)
        return makeError(QStringLiteral("no tomography metric chosen"));
    if (auto valid = validate(path.links); !valid)
        return valid;
    if (!std::isfinite(path.value))
        return makeError(QStringLiteral("measured value is not a finite number"));
    switch (m_metric) {
    case TomographyMetric::DeliveryRatio:
        if (path.value <= 0.0 || path.value > 1.0)
            return makeError(QStringLiteral("a delivery ratio must be in (0, 1], got %1").arg(path.value));
        break;
    case TomographyMetric::Bandwidth:
        if (path.value <= 0.0)
            return makeError(QStringLiteral("a bandwidth must be positive, got %1").arg(path.value));
        break;
    default:
        break;
    }
    m_paths.append(path);
    m_solved = false;
    return {};
}

void NetworkTomography::clearMeasurements()
{
    m_paths.clear();
    m_solved = false;
}

Result<void> NetworkTomography::solve()
{
    if (m_paths.isEmpty())
        return makeError(QStringLiteral("no measured paths"));
    auto solved = m_metric == TomographyMetric::Bandwidth ? solveBandwidth() : solveLinear();
    m_solved = solved.hasValue();
    return solved;
}

Result<void> NetworkTomography::solveLinear()
{
    const Eigen::Index pathCount = m_paths.size();
    Eigen::MatrixXd routing = Eigen::MatrixXd::Zero(pathCount, m_linkCount);
    Eigen::VectorXd measured(pathCount);
    for (Eigen::Index p = 0; p < pathCount; ++p) {
        for (int link : m_paths.at(p).links)
            routing(p, link) = 1.0;
        const double value = m_paths.at(p).value;
        measured(p) = m_metric == TomographyMetric::DeliveryRatio ? -std::log(value) : value;
    }

    // x̂ = G⁺·y through the SVD; the same decomposition gives the row space of G, which decides
    // identifiability: link l is determined iff e_l lies in row(G), i.e. (V_r·V_rᵀ)_ll = 1.
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(routing, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const double threshold = std::max(routing.rows(), routing.cols())
                             * std::numeric_limits<double>::epsilon()
                             * (svd.singularValues().size() ? svd.singularValues()(0) : 0.0);
    svd.setThreshold(threshold > 0 ? threshold / std::max(1e-300, svd.singularValues()(0)) : 1e-12);
    m_rank = int(svd.rank());
    const Eigen::VectorXd x = svd.solve(measured); // minimum-norm least squares = G⁺·y
    const Eigen::MatrixXd rowBasis = svd.matrixV().leftCols(m_rank);
    const Eigen::MatrixXd projector = rowBasis * rowBasis.transpose();

    m_rowSpaceProjector.assign(size_t(m_linkCount) * size_t(m_linkCount), 0.0);
    for (int i = 0; i < m_linkCount; ++i) {
        for (int j = 0; j < m_linkCount; ++j)
            m_rowSpaceProjector[size_t(i) * size_t(m_linkCount) + size_t(j)] = projector(i, j);
    }
    m_links.assign(size_t(m_linkCount), {});
    for (int l = 0; l < m_linkCount; ++l) {
        const double value = m_metric == TomographyMetric::DeliveryRatio ? std::exp(-x(l)) : x(l);
        m_links[size_t(l)] = {value, std::abs(projector(l, l) - 1.0) < 1e-6};
    }
    m_residual = pathCount ? (routing * x - measured).norm() / std::sqrt(double(pathCount)) : 0.0;
    return {};
}

Result<void> NetworkTomography::solveBandwidth()
{
    // Every path through a link bounds it from below: x_l ≥ max_{p∋l} y_p. A link is determined
    // when it is the only possible bottleneck of some path: every other link of that path is
    // already known to be wider than the path's bandwidth.
    std::vector<double> lower(size_t(m_linkCount), 0.0);
    std::vector<bool> covered(size_t(m_linkCount), false);
    for (const auto &path : std::as_const(m_paths)) {
        for (int link : path.links) {
            lower[size_t(link)] = std::max(lower[size_t(link)], path.value);
            covered[size_t(link)] = true;
        }
    }
    m_links.assign(size_t(m_linkCount), {});
    for (int l = 0; l < m_linkCount; ++l)
        m_links[size_t(l)].value = lower[size_t(l)];
    for (const auto &path : std::as_const(m_paths)) {
        int bottleneck = -1;
        int candidates = 0;
        for (int link : path.links) {
            if (lower[size_t(link)] <= path.value * (1.0 + 1e-12)) {
                bottleneck = link;
                ++candidates;
            }
        }
        if (candidates == 1)
            m_links[size_t(bottleneck)].identifiable = true;
    }
    m_rank = 0;
    for (int l = 0; l < m_linkCount; ++l)
        m_rank += covered[size_t(l)];
    // Consistency: each path's bandwidth should equal the minimum of its links' lower bounds.
    double squared = 0.0;
    for (const auto &path : std::as_const(m_paths)) {
        double minimum = std::numeric_limits<double>::infinity();
        for (int link : path.links)
            minimum = std::min(minimum, lower[size_t(link)]);
        squared += (minimum - path.value) * (minimum - path.value);
    }
    m_residual = std::sqrt(squared / double(m_paths.size()));
    m_rowSpaceProjector.clear();
    return {};
}

Result<PathEstimate> NetworkTomography::predict(const QList<int> &links) const
{
    if (!m_solved)
        return makeError(QStringLiteral("solve() has not succeeded yet"));
    if (auto valid = validate(links); !valid)
        return makeError(valid.error());

    PathEstimate estimate;
    if (m_metric == TomographyMetric::Bandwidth) {
        estimate.value = std::numeric_limits<double>::infinity();
        bool allBounded = true;
        bool bottleneckKnown = false;
        for (int link : links) {
            const LinkEstimate &l = m_links[size_t(link)];
            if (l.value <= 0.0)
                allBounded = false;
            if (l.value < estimate.value) {
                estimate.value = l.value;
                bottleneckKnown = l.identifiable;
            }
        }
        // The minimum of lower bounds is exact only if the narrowest link's value is determined.
        estimate.identifiable = allBounded && bottleneckKnown;
        if (!allBounded)
            estimate.value = 0.0;
        return estimate;
    }

    // ŷ = g·x̂; exact iff g lies in row(G_P): ‖g − N·g‖ ≈ 0.
    double sum = 0.0;
    std::vector<double> row(size_t(m_linkCount), 0.0);
    for (int link : links) {
        const double x = m_metric == TomographyMetric::DeliveryRatio ? -std::log(m_links[size_t(link)].value)
                                                                    : m_links[size_t(link)].value;
        sum += x;
        row[size_t(link)] = 1.0;
    }
    double distance = 0.0;
    for (int i = 0; i < m_linkCount; ++i) {
        double projected = 0.0;
        for (int link : links)
            projected += m_rowSpaceProjector[size_t(i) * size_t(m_linkCount) + size_t(link)];
        distance += (row[size_t(i)] - projected) * (row[size_t(i)] - projected);
    }
    estimate.identifiable = std::sqrt(distance) < kIdentifiableTolerance * 1e3;
    estimate.value = m_metric == TomographyMetric::DeliveryRatio ? std::exp(-sum) : sum;
    return estimate;
}

} // namespace Continuo
