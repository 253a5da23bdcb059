#include "telemetry/LinkLatencyEstimator.h"
#include "telemetry/TelemetryHub.h"
#include "telemetry/TelemetryQuery.h"

#include <QSignalSpy>
#include <QTest>

using namespace Continuo;
using namespace Qt::StringLiterals;

namespace {

Link makeLink(const QString &id, const QString &a, const QString &b, double nominalMs)
{
    Link link;
    link.id = id;
    link.a.id = a;
    link.b.id = b;
    link.latencyMs = nominalMs;
    link.state = LinkState::Up;
    return link;
}

/// The demo's backbone: three site switches, each dual-homed to two core switches.
QList<Link> backbone()
{
    return {makeLink(u"ath-c1"_s, u"ath"_s, u"c1"_s, 14), makeLink(u"ath-c2"_s, u"ath"_s, u"c2"_s, 16),
            makeLink(u"fra-c1"_s, u"fra"_s, u"c1"_s, 7),  makeLink(u"fra-c2"_s, u"fra"_s, u"c2"_s, 6),
            makeLink(u"bol-c1"_s, u"bol"_s, u"c1"_s, 3),  makeLink(u"bol-c2"_s, u"bol"_s, u"c2"_s, 5),
            makeLink(u"c1-c2"_s, u"c1"_s, u"c2"_s, 4)};
}

const LinkLatencyEstimate *find(const LinkEstimationRound &round, const QString &id)
{
    for (const auto &estimate : round.links) {
        if (estimate.linkId == id)
            return &estimate;
    }
    return nullptr;
}

} // namespace

class TestLinkLatencyEstimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routeFollowsNominalLatency()
    {
        const QList<Link> links = backbone();
        QCOMPARE(LinkLatencyEstimator::route(links, u"ath"_s, u"fra"_s),
                 (QStringList{u"ath-c1"_s, u"fra-c1"_s}));
        QCOMPARE(LinkLatencyEstimator::route(links, u"bol"_s, u"c2"_s), (QStringList{u"bol-c2"_s}));
        QVERIFY(LinkLatencyEstimator::route(links, u"ath"_s, u"nowhere"_s).isEmpty());
        QList<Link> cut = links;
        for (Link &link : cut) {
            if (link.id.startsWith(u"ath"))
                link.state = LinkState::Down;
        }
        QVERIFY(LinkLatencyEstimator::route(cut, u"ath"_s, u"fra"_s).isEmpty());
    }

    void unmeasuredLinksAreSolvedFromPaths()
    {
        // Ground truth in seconds; c1-c2 and bol-c2 are not measured directly.
        const QHash<QString, double> truth{{u"ath-c1"_s, 0.014}, {u"ath-c2"_s, 0.016}, {u"fra-c1"_s, 0.007},
                                           {u"fra-c2"_s, 0.006}, {u"bol-c1"_s, 0.003}, {u"bol-c2"_s, 0.005},
                                           {u"c1-c2"_s, 0.0042}};
        QHash<QString, double> measured = truth;
        measured.remove(u"c1-c2"_s);
        measured.remove(u"bol-c2"_s);
        const QList<MeasuredPath> paths{
            {u"ath"_s, u"c2"_s, {u"ath-c1"_s, u"c1-c2"_s}, truth[u"ath-c1"_s] + truth[u"c1-c2"_s]},
            // The lowest-latency route bol→fra is over c1 (10 ms < 11 ms), so this probe names its
            // route to cover bol-c2.
            {u"bol"_s, u"fra"_s, {u"bol-c2"_s, u"fra-c2"_s}, truth[u"bol-c2"_s] + truth[u"fra-c2"_s]},
        };
        const auto round = LinkLatencyEstimator::estimate(backbone(), measured, paths);
        QVERIFY2(round, qPrintable(round ? QString() : round.error()));
        QCOMPARE(round->measuredLinks, 5);
        QCOMPARE(round->measuredPaths, 2);
        QVERIFY(round->unidentifiable.isEmpty());
        for (auto it = truth.cbegin(); it != truth.cend(); ++it) {
            const LinkLatencyEstimate *estimate = find(*round, it.key());
            QVERIFY(estimate);
            QVERIFY(estimate->identifiable);
            QCOMPARE(estimate->measured, measured.contains(it.key()));
            QVERIFY2(std::abs(estimate->seconds - it.value()) < 1e-9, qPrintable(it.key()));
        }
    }

    void linksNothingDeterminesAreReported()
    {
        QHash<QString, double> measured{{u"ath-c1"_s, 0.014}, {u"fra-c1"_s, 0.007}};
        // One path over two unmeasured links: their sum is known, neither link alone.
        const QList<MeasuredPath> paths{{u"bol"_s, u"c2"_s, {u"bol-c1"_s, u"c1-c2"_s}, 0.0072},
                                        {u"x"_s, u"y"_s, {}, 0.001}};
        const auto round = LinkLatencyEstimator::estimate(backbone(), measured, paths);
        QVERIFY(round);
        QCOMPARE(round->unroutable, QStringList{u"x→y"_s});
        QCOMPARE(round->unidentifiable,
                 (QStringList{u"ath-c2"_s, u"bol-c1"_s, u"bol-c2"_s, u"c1-c2"_s, u"fra-c2"_s}));
        QVERIFY(find(*round, u"ath-c1"_s)->identifiable);
    }

    void engineRoundWritesEstimatesAsLabelledSeries()
    {
        TelemetryHub hub;
        QList<Link> links = backbone();
        LinkLatencyEstimator estimator(&hub, [&links] { return links; });
        QSignalSpy unidentifiable(&estimator, &LinkLatencyEstimator::unidentifiableLinksChanged);
        const qint64 now = 1'700'000'000'000;
        QList<SeriesBatch> in;
        for (const char *id : {"ath-c1", "ath-c2", "fra-c1", "fra-c2", "bol-c1"})
            in.append(SeriesBatch{u"link_latency_seconds"_s, {{u"link"_s, QString::fromLatin1(id)}}, {{now - 1000, 0.010}}});
        in.append(SeriesBatch{u"path_latency_seconds"_s,
                              {{u"from"_s, u"bol"_s}, {u"to"_s, u"fra"_s}, {u"path"_s, u"bol-c2,fra-c2"_s}},
                              {{now - 500, 0.025}}});
        // A stale measurement must not count.
        in.append(SeriesBatch{u"path_latency_seconds"_s, {{u"from"_s, u"ath"_s}, {u"to"_s, u"c2"_s}},
                              {{now - 3'600'000, 0.5}}});
        hub.ingest(in);

        const auto round = estimator.runOnce(now);
        QVERIFY2(round, qPrintable(round ? QString() : round.error()));
        QCOMPARE(round->unidentifiable, QStringList{u"c1-c2"_s});
        QCOMPARE(unidentifiable.size(), 1);

        const TelemetryQuery query(hub.store());
        const auto estimated = query.instant(u"link_latency_seconds{source=\"estimated\"}"_s, now, 60'000);
        QVERIFY(estimated);
        QCOMPARE(estimated->size(), 1);
        QCOMPARE(estimated->first().labels.value(u"link"_s), u"bol-c2"_s);
        QVERIFY(std::abs(estimated->first().samples.first().value - 0.015) < 1e-9);

        // A second round reads the same measured data, not its own estimates, and says nothing new.
        const auto again = estimator.runOnce(now + 1000);
        QVERIFY(again);
        QCOMPARE(again->measuredLinks, 5);
        QCOMPARE(unidentifiable.size(), 1);
        const auto gauge = query.instant(u"tomography_unidentifiable_links"_s, now + 1000, 60'000);
        QVERIFY(gauge && gauge->size() == 1);
        QCOMPARE(gauge->first().samples.first().value, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestLinkLatencyEstimator)
#include "tst_linklatencyestimator.moc"
