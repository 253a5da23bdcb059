#include "telemetry/NetworkTomography.h"

#include <QRandomGenerator>
#include <QTest>

#include <queue>

using namespace Continuo;

namespace {

/// A directed graph with per-link values, routed by shortest path on a weight.
struct Topology
{
    int nodeCount = 0;
    struct Arc
    {
        int from;
        int to;
        double weight;
    };
    QList<Arc> arcs; ///< Directed links; index = link id.

    void addBidirectional(int a, int b, double weight)
    {
        arcs.append({a, b, weight});
        arcs.append({b, a, weight});
    }

    /// Dijkstra on arc weights (ties broken by lower arc index, so routing is single-path).
    QList<int> shortestPath(int source, int target) const
    {
        std::vector<double> distance(size_t(nodeCount), std::numeric_limits<double>::infinity());
        std::vector<int> via(size_t(nodeCount), -1);
        using Item = std::pair<double, int>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        distance[size_t(source)] = 0;
        queue.push({0, source});
        while (!queue.empty()) {
            const auto [d, node] = queue.top();
            queue.pop();
            if (d > distance[size_t(node)])
                continue;
            for (int i = 0; i < arcs.size(); ++i) {
                const Arc &arc = arcs.at(i);
                if (arc.from != node)
                    continue;
                const double candidate = d + arc.weight;
                if (candidate < distance[size_t(arc.to)] - 1e-12) {
                    distance[size_t(arc.to)] = candidate;
                    via[size_t(arc.to)] = i;
                    queue.push({candidate, arc.to});
                }
            }
        }
        QList<int> path;
        for (int node = target; node != source;) {
            const int arc = via[size_t(node)];
            if (arc < 0)
                return {};
            path.prepend(arc);
            node = arcs.at(arc).from;
        }
        return path;
    }
};

/// Deutsche Telekom backbone as used for the SERRANO experiments: 12 cities, 20 links (both
/// directions measured separately), lengths in km. The seed document gives only the figure; the
/// link list here follows the German DT reference network.
Topology deutscheTelekom()
{
    enum City { Hamburg, Bremen, Hannover, Berlin, Dortmund, Duesseldorf, Koeln, Frankfurt, Leipzig, Nuernberg, Stuttgart, Muenchen };
    Topology t;
    t.nodeCount = 12;
    t.addBidirectional(Hamburg, Bremen, 114);
    t.addBidirectional(Hamburg, Hannover, 151);
    t.addBidirectional(Hamburg, Berlin, 289);
    t.addBidirectional(Bremen, Hannover, 124);
    t.addBidirectional(Bremen, Dortmund, 236);
    t.addBidirectional(Hannover, Berlin, 285);
    t.addBidirectional(Hannover, Dortmund, 212);
    t.addBidirectional(Hannover, Frankfurt, 352);
    t.addBidirectional(Hannover, Leipzig, 264);
    t.addBidirectional(Berlin, Leipzig, 190);
    t.addBidirectional(Dortmund, Duesseldorf, 71);
    t.addBidirectional(Dortmund, Koeln, 94);
    t.addBidirectional(Duesseldorf, Koeln, 41);
    t.addBidirectional(Koeln, Frankfurt, 190);
    t.addBidirectional(Frankfurt, Leipzig, 394);
    t.addBidirectional(Frankfurt, Nuernberg, 224);
    t.addBidirectional(Frankfurt, Stuttgart, 204);
    t.addBidirectional(Leipzig, Nuernberg, 281);
    t.addBidirectional(Nuernberg, Muenchen, 170);
    t.addBidirectional(Stuttgart, Muenchen, 232);
    return t;
}

double pathSum(const Topology &t, const QList<int> &links)
{
    double sum = 0;
    for (int link : links)
        sum += t.arcs.at(link).weight;
    return sum;
}

QList<QList<int>> randomPaths(const Topology &t, int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<QList<int>> paths;
    while (paths.size() < count) {
        const int source = int(random.bounded(t.nodeCount));
        const int target = int(random.bounded(t.nodeCount));
        if (source == target)
            continue;
        const auto path = t.shortestPath(source, target);
        if (!path.isEmpty())
            paths.append(path);
    }
    return paths;
}

} // namespace

class tst_NetworkTomography : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deutscheTelekomDelay()
    {
        // 500 connections, single-path routing; 90 % measured, 10 % predicted (as in D5.3).
        const Topology dt = deutscheTelekom();
        QCOMPARE(dt.arcs.size(), 40);
        const auto paths = randomPaths(dt, 500, 2022);
        NetworkTomography tomography(int(dt.arcs.size()));
        for (int i = 0; i < 450; ++i)
            QVERIFY(tomography.addMeasurement({paths.at(i), pathSum(dt, paths.at(i))}).hasValue());
        QVERIFY(tomography.solve().hasValue());
        QVERIFY(tomography.residual() < 1e-8);

        double absoluteError = 0;
        int identifiable = 0;
        for (int i = 450; i < 500; ++i) {
            const auto estimate = tomography.predict(paths.at(i));
            QVERIFY(estimate.hasValue());
            if (!estimate->identifiable)
                continue;
            ++identifiable;
            absoluteError += std::abs(estimate->value - pathSum(dt, paths.at(i)));
        }
        QVERIFY(identifiable >= 45); // almost every new path is determined by the measured ones
        QVERIFY2(absoluteError / identifiable < 1e-4, qPrintable(QString::number(absoluteError / identifiable)));

        // Links: determined ones equal their length; the rest are flagged, never silently wrong.
        for (int l = 0; l < dt.arcs.size(); ++l) {
            const LinkEstimate &link = tomography.links().at(size_t(l));
            if (link.identifiable)
                QVERIFY(std::abs(link.value - dt.arcs.at(l).weight) < 1e-6);
        }
    }

    void randomTopologiesWithGroundTruth_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("extraLinks");
        QTest::addColumn<int>("paths");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("sparse 10") << 10 << 3 << 60 << 1u;
        QTest::newRow("mesh 20") << 20 << 25 << 300 << 2u;
        QTest::newRow("few paths") << 15 << 10 << 8 << 3u;
        QTest::newRow("large 50") << 50 << 60 << 800 << 4u;
    }

    void randomTopologiesWithGroundTruth()
    {
        QFETCH(int, nodes);
        QFETCH(int, extraLinks);
        QFETCH(int, paths);
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        Topology t;
        t.nodeCount = nodes;
        for (int n = 1; n < nodes; ++n) // a random spanning tree keeps it connected
            t.addBidirectional(n, int(random.bounded(n)), 1 + random.bounded(100.0));
        for (int e = 0; e < extraLinks; ++e) {
            const int a = int(random.bounded(nodes));
            const int b = int(random.bounded(nodes));
            if (a != b)
                t.addBidirectional(a, b, 1 + random.bounded(100.0));
        }
        // Ground-truth delays differ from routing weights, so routing tells nothing about them.
        QList<double> truth;
        for (int l = 0; l < t.arcs.size(); ++l)
            truth.append(0.1 + random.bounded(20.0));
        auto measure = [&truth](const QList<int> &links) {
            double sum = 0;
            for (int link : links)
                sum += truth.at(link);
            return sum;
        };
        const auto routed = randomPaths(t, paths + 50, seed + 100);
        NetworkTomography tomography(int(t.arcs.size()));
        for (int i = 0; i < paths; ++i)
            QVERIFY(tomography.addMeasurement({routed.at(i), measure(routed.at(i))}).hasValue());
        QVERIFY(tomography.solve().hasValue());
        QVERIFY(tomography.rank() <= std::min<int>(paths, int(t.arcs.size())));

        int identifiableLinks = 0;
        for (int l = 0; l < t.arcs.size(); ++l) {
            const LinkEstimate &link = tomography.links().at(size_t(l));
            if (link.identifiable) {
                ++identifiableLinks;
                QVERIFY(std::abs(link.value - truth.at(l)) < 1e-6);
            }
        }
        QVERIFY(identifiableLinks <= tomography.rank());
        for (int i = paths; i < routed.size(); ++i) {
            const auto estimate = tomography.predict(routed.at(i));
            QVERIFY(estimate.hasValue());
            if (estimate->identifiable)
                QVERIFY2(std::abs(estimate->value - measure(routed.at(i))) < 1e-6,
                         qPrintable(QStringLiteral("%1 vs %2").arg(estimate->value).arg(measure(routed.at(i)))));
        }
    }

    void paperExampleIsOnlyAnEstimate()
    {
        // D5.3 eq. (2): p1 = {1,2}, p2 = {2,3}, m3 = {1,3}. m3 is not in the row space of G_P:
        // x = (1, 2, 3) and x = (0, 3, 2) both explain y_P, yet give m3 = 4 and 2.
        NetworkTomography tomography(3);
        QVERIFY(tomography.addMeasurement({{0, 1}, 3}).hasValue());
        QVERIFY(tomography.addMeasurement({{1, 2}, 5}).hasValue());
        QVERIFY(tomography.solve().hasValue());
        QCOMPARE(tomography.rank(), 2);
        const auto m3 = tomography.predict({0, 2});
        QVERIFY(m3.hasValue());
        QVERIFY(!m3->identifiable);
        for (const auto &link : tomography.links())
            QVERIFY(!link.identifiable);
        const auto sum = tomography.predict({0, 1}); // a measured path is of course determined
        QVERIFY(sum->identifiable);
        QVERIFY(std::abs(sum->value - 3) < 1e-9);
    }

    void deliveryRatioIsLogAdditive()
    {
        const QList<double> ratio{0.99, 0.95, 0.999, 0.9};
        auto product = [&ratio](const QList<int> &links) {
            double p = 1;
            for (int l : links)
                p *= ratio.at(l);
            return p;
        };
        NetworkTomography tomography(4, TomographyMetric::DeliveryRatio);
        for (const QList<int> &path : QList<QList<int>>{{0}, {0, 1}, {1, 2}, {2, 3}, {3}})
            QVERIFY(tomography.addMeasurement({path, product(path)}).hasValue());
        QVERIFY(tomography.solve().hasValue());
        for (int l = 0; l < 4; ++l) {
            QVERIFY(tomography.links().at(size_t(l)).identifiable);
            QVERIFY(std::abs(tomography.links().at(size_t(l)).value - ratio.at(l)) < 1e-9);
        }
        const auto predicted = tomography.predict({0, 1, 2, 3});
        QVERIFY(predicted->identifiable);
        QVERIFY(std::abs(predicted->value - product({0, 1, 2, 3})) < 1e-9);
    }

    void bandwidthIsMinOverLinks()
    {
        // DT with bandwidth numerically equal to length, as in D5.3 §3.4.1.4.
        const Topology dt = deutscheTelekom();
        const auto paths = randomPaths(dt, 400, 7);
        auto bottleneck = [&dt](const QList<int> &links) {
            double minimum = std::numeric_limits<double>::infinity();
            for (int l : links)
                minimum = std::min(minimum, dt.arcs.at(l).weight);
            return minimum;
        };
        NetworkTomography tomography(int(dt.arcs.size()), TomographyMetric::Bandwidth);
        for (int i = 0; i < 360; ++i)
            QVERIFY(tomography.addMeasurement({paths.at(i), bottleneck(paths.at(i))}).hasValue());
        QVERIFY(tomography.solve().hasValue());
        QVERIFY(tomography.residual() < 1e-9);
        int identifiable = 0;
        for (int l = 0; l < dt.arcs.size(); ++l) {
            const LinkEstimate &link = tomography.links().at(size_t(l));
            QVERIFY(link.value <= dt.arcs.at(l).weight + 1e-9); // a lower bound, always
            if (link.identifiable) {
                ++identifiable;
                QCOMPARE(link.value, dt.arcs.at(l).weight);
            }
        }
        QVERIFY(identifiable > 0);
        for (int i = 360; i < 400; ++i) {
            const auto estimate = tomography.predict(paths.at(i));
            QVERIFY(estimate.hasValue());
            if (estimate->identifiable)
                QCOMPARE(estimate->value, bottleneck(paths.at(i)));
        }
    }

    void badInput_data()
    {
        QTest::addColumn<int>("metric");
        QTest::addColumn<QList<int>>("links");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("error");
        const int additive = int(TomographyMetric::Additive);
        QTest::newRow("empty") << additive << QList<int>{} << 1.0 << QStringLiteral("at least one link");
        QTest::newRow("out of range") << additive << QList<int>{0, 9} << 1.0 << QStringLiteral("outside");
        QTest::newRow("negative index") << additive << QList<int>{-1} << 1.0 << QStringLiteral("outside");
        QTest::newRow("loop") << additive << QList<int>{1, 2, 1} << 1.0 << QStringLiteral("twice");
        QTest::newRow("nan") << additive << QList<int>{1} << qQNaN() << QStringLiteral("finite");
        QTest::newRow("ratio above one") << int(TomographyMetric::DeliveryRatio) << QList<int>{1} << 1.5 << QStringLiteral("(0, 1]");
        QTest::newRow("zero ratio") << int(TomographyMetric::DeliveryRatio) << QList<int>{1} << 0.0 << QStringLiteral("(0, 1]");
        QTest::newRow("negative bandwidth") << int(TomographyMetric::Bandwidth) << QList<int>{1} << -3.0 << QStringLiteral("positive");
    }

    void badInput()
    {
        QFETCH(int, metric);
        QFETCH(QList<int>, links);
        QFETCH(double, value);
        QFETCH(QString, error);
        NetworkTomography tomography(4, TomographyMetric(metric));
        const auto added = tomography.addMeasurement({links, value});
        QVERIFY(!added.hasValue());
        QVERIFY2(added.error().contains(error), qPrintable(added.error()));
        QCOMPARE(tomography.measurementCount(), 0);
        QVERIFY(!tomography.solve().hasValue()); // nothing measured
        QVERIFY(!tomography.predict({0}).hasValue());
    }
};

QTEST_GUILESS_MAIN(tst_NetworkTomography)
#include "tst_networktomography.moc"
