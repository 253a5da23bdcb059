#pragma once

#include "continuo_core_export.h"
#include "model/Topology.h"
#include "telemetry/Series.h"
#include "util/Result.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace Continuo {

class TelemetryHub;

/// An end-to-end latency measurement between two inventory endpoints (switches or nodes).
/// `linkIds` is the route when the measurer knows it (a traceroute, a configured path);
/// otherwise the route is taken as the lowest nominal-latency path between the endpoints.
struct MeasuredPath
{
    QString from;
    QString to;
    QStringList linkIds;
    double seconds = 0.0;
};

/// What the estimator concluded about one link.
struct LinkLatencyEstimate
{
    QString linkId;
    double seconds = 0.0;
    bool measured = false;     ///< A direct measurement exists; `seconds` is that measurement.
    bool identifiable = false; ///< Measured, or determined by the measured paths.
};

struct LinkEstimationRound
{
    QList<LinkLatencyEstimate> links; ///< Every inventory link, in id order.
    int measuredLinks = 0;
    int measuredPaths = 0;            ///< Paths that could be routed and were used.
    int rank = 0;                     ///< Rank of the routing matrix.
    double residualSeconds = 0.0;     ///< RMS inconsistency of the measurements.
    QStringList unidentifiable;       ///< Links nothing measures or determines, id order.
    QStringList unroutable;           ///< Paths ("from→to") with no route through the inventory.
};

/// Fills in the latency of links nothing measures from the end-to-end paths that are measured,
/// by network tomography (Moore–Penrose pseudo-inverse over the routing matrix, see
/// NetworkTomography). Directly measured links are kept as measured; the others get an estimate
/// where the measurements determine it and are reported as not identifiable where they do not.
///
/// In the engine it runs once per interval: it reads the newest `link_latency_seconds` samples
/// that are not estimates and every `path_latency_seconds{from, to[, path]}` series, and writes
/// `link_latency_seconds{link="…", source="estimated"}` for identifiable unmeasured links, plus
/// `tomography_unidentifiable_links` and `tomography_residual_seconds`.
class CONTINUO_CORE_EXPORT LinkLatencyEstimator : public QObject
{
    Q_OBJECT
public:
    static constexpr auto PathLatencyMetric = "path_latency_seconds";
    static constexpr auto SourceLabel = "source";
    static constexpr auto EstimatedSource = "estimated";

    using LinkProvider = std::function<QList<Link>()>;

    LinkLatencyEstimator(TelemetryHub *hub, LinkProvider links, QObject *parent = nullptr);
    ~LinkLatencyEstimator() override;

    /// The pure computation: measured links and paths in, one estimate per link out.
    static Result<LinkEstimationRound> estimate(const QList<Link> &links,
                                                const QHash<QString, double> &measuredLinkSeconds,
                                                const QList<MeasuredPath> &paths);
    /// Lowest nominal-latency route between two endpoints (link ids in order), empty if none.
    static QStringList route(const QList<Link> &links, const QString &from, const QString &to);

    void setInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }
    /// Measurements older than this are ignored (default 30 s).
    void setLookback(std::chrono::milliseconds lookback) { m_lookbackMs = lookback.count(); }
    void start();
    void stop();

    /// One round at wall-clock time nowMs: read, estimate, write. Returns what it concluded.
    Result<LinkEstimationRound> runOnce(qint64 nowMs);

Q_SIGNALS:
    /// The set of links that cannot be determined changed (not emitted for every round).
    void unidentifiableLinksChanged(const QStringList &linkIds);

private:
    TelemetryHub *m_hub;
    LinkProvider m_links;
    QTimer m_timer;
    qint64 m_lookbackMs = 30'000;
    std::optional<QStringList> m_lastUnidentifiable;
};

} // namespace Continuo
