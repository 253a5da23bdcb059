#include "telemetry/LinkLatencyEstimator.h"

#include "telemetry/NetworkTomography.h"
#include "telemetry/TelemetryHub.h"
#include "telemetry/TelemetryQuery.h"
#include "util/Logging.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <queue>

namespace Continuo {

using namespace Qt::StringLiterals;

LinkLatencyEstimator::LinkLatencyEstimator(TelemetryHub *hub, LinkProvider links, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_links(std::move(links))
{
    m_timer.setInterval(std::chrono::seconds(5));
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (auto round = runOnce(QDateTime::currentMSecsSinceEpoch()); !round)
            qCWarning(lcTelemetry) << "link latency estimation:" << round.error();
    });
}

LinkLatencyEstimator::~LinkLatencyEstimator() = default;

void LinkLatencyEstimator::start()
{
    m_timer.start();
}

void LinkLatencyEstimator::stop()
{
    m_timer.stop();
}

QStringList LinkLatencyEstimator::route(const QList<Link> &links, const QString &from, const QString &to)
{
    if (from.isEmpty() || to.isEmpty() || from == to)
        return {};
    // Dijkstra over the endpoints, weighted by nominal latency (a hop costs at least a little,
    // so zero-latency links do not make routes arbitrarily long).
    QHash<QString, QList<qsizetype>> adjacency;
    for (qsizetype i = 0; i < links.size(); ++i) {
        if (links[i].state == LinkState::Down)
            continue;
        adjacency[links[i].a.id].append(i);
        adjacency[links[i].b.id].append(i);
    }
    if (!adjacency.contains(from) || !adjacency.contains(to))
        return {};
    QHash<QString, double> distance;
    QHash<QString, qsizetype> via; // endpoint -> link index it was reached through
    using Entry = std::pair<double, QString>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    distance.insert(from, 0.0);
    queue.push({0.0, from});
    while (!queue.empty()) {
        const auto [d, at] = queue.top();
        queue.pop();
        if (d > distance.value(at, INFINITY))
            continue;
        if (at == to)
            break;
        for (qsizetype index : adjacency.value(at)) {
            const Link &link = links[index];
            const QString &next = link.a.id == at ? link.b.id : link.a.id;
            const double candidate = d + std::max(link.latencyMs, 0.0) + 1e-3;
            if (candidate < distance.value(next, INFINITY)) {
                distance.insert(next, candidate);
                via.insert(next, index);
                queue.push({candidate, next});
            }
        }
    }
    if (!via.contains(to))
        return {};
    QStringList path;
    for (QString at = to; at != from;) {
        const Link &link = links[via.value(at)];
        path.prepend(link.id);
        at = link.a.id == at ? link.b.id : link.a.id;
    }
    return path;
}

Result<LinkEstimationRound> LinkLatencyEstimator::estimate(const QList<Link> &unsortedLinks,
                                                           const QHash<QString, double> &measuredLinkSeconds,
                                                           const QList<MeasuredPath> &paths)
{
    QList<Link> links = unsortedLinks;
    std::sort(links.begin(), links.end(), [](const Link &a, const Link &b) { return a.id < b.id; });
    QHash<QString, int> indexOf;
    for (int i = 0; i < int(links.size()); ++i)
        indexOf.insert(links[i].id, i);

    LinkEstimationRound round;
    round.links.reserve(links.size());
    for (const Link &link : std::as_const(links))
        round.links.append(LinkLatencyEstimate{link.id, 0.0, false, false});
    if (links.isEmpty())
        return round;

    NetworkTomography tomography(int(links.size()), TomographyMetric::Additive);
    for (auto it = measuredLinkSeconds.cbegin(); it != measuredLinkSeconds.cend(); ++it) {
        const auto index = indexOf.constFind(it.key());
        if (index == indexOf.cend() || !std::isfinite(it.value()) || it.value() < 0.0)
            continue;
        if (auto added = tomography.addMeasurement(TomographyPath{{index.value()}, it.value()}); !added)
            continue;
        LinkLatencyEstimate &estimate = round.links[index.value()];
        estimate.seconds = it.value();
        estimate.measured = true;
        estimate.identifiable = true;
        ++round.measuredLinks;
    }
    for (const MeasuredPath &path : paths) {
        const QStringList linkIds = path.linkIds.isEmpty() ? route(links, path.from, path.to) : path.linkIds;
        TomographyPath row;
        row.value = path.seconds;
        bool known = !linkIds.isEmpty();
        for (const QString &id : linkIds) {
            const auto index = indexOf.constFind(id);
            if (index == indexOf.cend()) {
                known = false;
                break;
            }
            row.links.append(index.value());
        }
        if (!known || !tomography.addMeasurement(row)) {
            round.unroutable.append(path.from + u"→"_s + path.to);
            continue;
        }
        ++round.measuredPaths;
    }

    if (tomography.measurementCount() > 0) {
        if (auto solved = tomography.solve(); !solved)
            return makeError(solved.error());
        round.rank = tomography.rank();
        round.residualSeconds = tomography.residual();
        for (int i = 0; i < int(links.size()); ++i) {
            LinkLatencyEstimate &estimate = round.links[i];
            if (estimate.measured)
                continue;
            const LinkEstimate &solved = tomography.links()[size_t(i)];
            estimate.identifiable = solved.identifiable;
            // Noise can push a least-squares estimate of a tiny latency below zero.
            estimate.seconds = solved.identifiable ? std::max(solved.value, 0.0) : 0.0;
        }
    }
    for (const LinkLatencyEstimate &estimate : std::as_const(round.links)) {
        if (!estimate.identifiable)
            round.unidentifiable.append(estimate.linkId);
    }
    return round;
}

Result<LinkEstimationRound> LinkLatencyEstimator::runOnce(qint64 nowMs)
{
    const QList<Link> links = m_links ? m_links() : QList<Link>{};
    if (links.isEmpty())
        return LinkEstimationRound{};

    const TelemetryQuery query(m_hub->store());
    const QString linkSelector = QLatin1String(Metrics::LinkLatencySeconds) + u"{"_s
                                 + QLatin1String(SourceLabel) + u"!=\""_s
                                 + QLatin1String(EstimatedSource) + u"\"}"_s;
    auto measuredLinks = query.instant(linkSelector, nowMs, m_lookbackMs);
    if (!measuredLinks)
        return makeError(measuredLinks.error());
    QHash<QString, double> linkSeconds;
    for (const SeriesBatch &batch : std::as_const(*measuredLinks)) {
        const QString linkId = batch.labels.value(QLatin1String(MetricLabels::Link));
        if (!linkId.isEmpty() && !batch.samples.isEmpty())
            linkSeconds.insert(linkId, batch.samples.constLast().value);
    }
    auto measuredPaths = query.instant(QLatin1String(PathLatencyMetric), nowMs, m_lookbackMs);
    if (!measuredPaths)
        return makeError(measuredPaths.error());
    QList<MeasuredPath> paths;
    for (const SeriesBatch &batch : std::as_const(*measuredPaths)) {
        if (batch.samples.isEmpty())
            continue;
        MeasuredPath path;
        path.from = batch.labels.value(u"from"_s);
        path.to = batch.labels.value(u"to"_s);
        const QString route = batch.labels.value(u"path"_s);
        if (!route.isEmpty())
            path.linkIds = route.split(u',', Qt::SkipEmptyParts);
        path.seconds = batch.samples.constLast().value;
        paths.append(path);
    }

    auto round = estimate(links, linkSeconds, paths);
    if (!round)
        return round;

    QList<SeriesBatch> out;
    for (const LinkLatencyEstimate &estimate : std::as_const(round->links)) {
        if (estimate.measured || !estimate.identifiable)
            continue;
        out.append(SeriesBatch{QLatin1String(Metrics::LinkLatencySeconds),
                               Labels{{QLatin1String(MetricLabels::Link), estimate.linkId},
                                      {QLatin1String(SourceLabel), QLatin1String(EstimatedSource)}},
                               {{nowMs, estimate.seconds}}});
    }
    out.append(SeriesBatch{u"tomography_unidentifiable_links"_s, {}, {{nowMs, double(round->unidentifiable.size())}}});
    if (round->measuredLinks + round->measuredPaths > 0)
        out.append(SeriesBatch{u"tomography_residual_seconds"_s, {}, {{nowMs, round->residualSeconds}}});
    m_hub->ingest(out);

    if (m_lastUnidentifiable != round->unidentifiable) {
        m_lastUnidentifiable = round->unidentifiable;
        Q_EMIT unidentifiableLinksChanged(round->unidentifiable);
    }
    return round;
}

} // namespace Continuo
