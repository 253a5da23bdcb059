// The agent's forwarding without processes: the rate/stream state machine (ForwardingPolicy) and
// pre-aggregation (Preaggregator).

#include "api/FederationForwarding.h"

#include <QTest>

using namespace Continuo;
using namespace Continuo::Api;
using namespace std::chrono_literals;

namespace {

SeriesMatcher matcher(const QString &text)
{
    auto parsed = SeriesMatcher::parse(text);
    Q_ASSERT(parsed);
    return *parsed;
}

ForwardingRule rule(const QString &id, ForwardingRule::Kind kind, const QString &selector,
                    std::chrono::milliseconds interval = 0ms, qint64 expiresAtMs = 0)
{
    return ForwardingRule{id, kind, {matcher(selector)}, interval, expiresAtMs};
}

SeriesBatch cpu(const QString &node, qint64 timestampMs, double value)
{
    return SeriesBatch{QStringLiteral("cpu"), {{QStringLiteral("node"), node}}, {{timestampMs, value}}};
}

const SeriesBatch *find(const QList<SeriesBatch> &batches, const QString &metric, const QString &node)
{
    for (const auto &batch : batches) {
        if (batch.metric == metric && batch.labels.value(QStringLiteral("node")) == node)
            return &batch;
    }
    return nullptr;
}

const Labels n1{{QStringLiteral("node"), QStringLiteral("n1")}};
const Labels n2{{QStringLiteral("node"), QStringLiteral("n2")}};

} // namespace

class tst_FederationForwarding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultIsAggregateAtDefaultInterval()
    {
        ForwardingPolicy policy(10s);
        const auto decision = policy.decide(QStringLiteral("cpu"), n1, 0);
        QCOMPARE(decision.mode, ForwardingMode::Aggregate);
        QCOMPARE(decision.interval, 10s);
    }

    void streamBeatsRateAndShortestRateWins()
    {
        ForwardingPolicy policy(10s);
        QVERIFY(policy.apply(rule("r1", ForwardingRule::Kind::Rate, "cpu", 5s), 0));
        QVERIFY(policy.apply(rule("r2", ForwardingRule::Kind::Rate, "{node=\"n1\"}", 2s), 0));
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n1, 0).interval, 2s);
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n2, 0).interval, 5s);
        QCOMPARE(policy.decide(QStringLiteral("mem"), n2, 0).interval, 10s);
        QVERIFY(policy.apply(rule("s1", ForwardingRule::Kind::Stream, "cpu{node=\"n2\"}"), 0));
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n2, 0).mode, ForwardingMode::Raw);
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n1, 0).mode, ForwardingMode::Aggregate);

        QVERIFY(policy.remove(QStringLiteral("s1")));
        QVERIFY(!policy.remove(QStringLiteral("s1")));
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n2, 0).mode, ForwardingMode::Aggregate);
    }

    void sameIdReplaces()
    {
        ForwardingPolicy policy(10s);
        QVERIFY(policy.apply(rule("r1", ForwardingRule::Kind::Rate, "cpu", 5s), 0));
        QVERIFY(policy.apply(rule("r1", ForwardingRule::Kind::Rate, "cpu", 1s), 0));
        QCOMPARE(policy.rules().size(), 1);
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n1, 0).interval, 1s);
    }

    void invalidRulesAreRefused()
    {
        ForwardingPolicy policy(10s);
        const quint64 generation = policy.generation();
        QVERIFY(!policy.apply(rule("", ForwardingRule::Kind::Stream, "cpu"), 0));
        QVERIFY(!policy.apply(ForwardingRule{QStringLiteral("x"), ForwardingRule::Kind::Stream, {}}, 0));
        QVERIFY(!policy.apply(rule("x", ForwardingRule::Kind::Rate, "cpu", 0ms), 0));
        QVERIFY(!policy.apply(rule("x", ForwardingRule::Kind::Unknown, "cpu"), 0));
        QVERIFY(!policy.apply(rule("x", ForwardingRule::Kind::Stream, "cpu", 0ms, 100), 100));
        QCOMPARE(policy.generation(), generation);
        QVERIFY(policy.rules().isEmpty());
    }

    void rulesExpire()
    {
        ForwardingPolicy policy(10s);
        QVERIFY(policy.apply(rule("s1", ForwardingRule::Kind::Stream, "cpu", 0ms, 5000), 0));
        QVERIFY(policy.apply(rule("r1", ForwardingRule::Kind::Rate, "cpu", 1s, 9000), 0));
        QCOMPARE(policy.nextExpiryMs(), 5000);
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n1, 4999).mode, ForwardingMode::Raw);
        // Expired rules stop counting at once, before expire() removes them.
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n1, 5000).mode, ForwardingMode::Aggregate);
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n1, 5000).interval, 1s);
        const quint64 generation = policy.generation();
        QCOMPARE(policy.expire(4999), QStringList());
        QCOMPARE(policy.generation(), generation);
        QCOMPARE(policy.expire(5000), QStringList{QStringLiteral("s1")});
        QVERIFY(policy.generation() != generation);
        QCOMPARE(policy.nextExpiryMs(), 9000);
        QCOMPARE(policy.expire(10000), QStringList{QStringLiteral("r1")});
        QCOMPARE(policy.decide(QStringLiteral("cpu"), n1, 10000).interval, 10s);
        QCOMPARE(policy.nextExpiryMs(), 0);
    }

    void aggregatesLastAverageMaximumPerWindow()
    {
        ForwardingPolicy policy(10s);
        Preaggregator aggregator(&policy, 300ms);
        // Window [10 000, 20 000): three samples; nothing goes up until the window is over.
        QVERIFY(aggregator.add({cpu("n1", 10000, 1.0), cpu("n2", 10000, 5.0)}, 10100).isEmpty());
        QVERIFY(aggregator.add({cpu("n1", 11000, 4.0)}, 11100).isEmpty());
        QVERIFY(aggregator.add({cpu("n1", 12000, 2.5)}, 12100).isEmpty());
        QVERIFY(aggregator.flush(20000).isEmpty()); // grace not over
        const auto out = aggregator.flush(20300);
        QVERIFY(out.raw.isEmpty());
        QCOMPARE(out.aggregated.size(), 6);
        const SeriesBatch *last = find(out.aggregated, QStringLiteral("cpu"), QStringLiteral("n1"));
        const SeriesBatch *average = find(out.aggregated, QStringLiteral("cpu:avg"), QStringLiteral("n1"));
        const SeriesBatch *maximum = find(out.aggregated, QStringLiteral("cpu:max"), QStringLiteral("n1"));
        QVERIFY(last && average && maximum);
        QCOMPARE(last->samples, (QList<Sample>{{12000, 2.5}}));
        QCOMPARE(average->samples, (QList<Sample>{{12000, 2.5}}));
        QCOMPARE(maximum->samples, (QList<Sample>{{12000, 4.0}}));
        QCOMPARE(find(out.aggregated, QStringLiteral("cpu"), QStringLiteral("n2"))->samples,
                 (QList<Sample>{{10000, 5.0}}));
        QVERIFY(aggregator.flush(40000).isEmpty()); // nothing new, nothing sent
    }

    void sampleOfNextWindowClosesThePreviousOne()
    {
        ForwardingPolicy policy(2s);
        Preaggregator aggregator(&policy);
        QVERIFY(aggregator.add({cpu("n1", 2000, 1.0), cpu("n1", 3000, 3.0)}, 3100).isEmpty());
        const auto out = aggregator.add({cpu("n1", 4000, 7.0)}, 4100);
        QCOMPARE(find(out.aggregated, QStringLiteral("cpu:avg"), QStringLiteral("n1"))->samples,
                 (QList<Sample>{{3000, 2.0}}));
        const auto rest = aggregator.flush(0, Preaggregator::Flush::All);
        QCOMPARE(find(rest.aggregated, QStringLiteral("cpu"), QStringLiteral("n1"))->samples,
                 (QList<Sample>{{4000, 7.0}}));
    }

    void lateSampleJoinsTheNextWindow()
    {
        ForwardingPolicy policy(2s);
        Preaggregator aggregator(&policy);
        QVERIFY(aggregator.add({cpu("n1", 2000, 1.0)}, 2100).isEmpty());
        QCOMPARE(aggregator.flush(4500).aggregated.size(), 3);
        QVERIFY(aggregator.add({cpu("n1", 3500, 9.0)}, 4600).isEmpty()); // window [2000, 4000) is gone
        QVERIFY(aggregator.flush(4700).isEmpty());                       // it waits for [4000, 6000)
        QCOMPARE(aggregator.flush(6300).aggregated.size(), 3);
    }

    void streamForwardsEverySampleAndCloseReturnsToAggregates()
    {
        ForwardingPolicy policy(10s);
        Preaggregator aggregator(&policy);
        QVERIFY(aggregator.add({cpu("n1", 10000, 1.0), cpu("n2", 10000, 2.0)}, 10100).isEmpty());

        QVERIFY(policy.apply(rule("s1", ForwardingRule::Kind::Stream, "cpu{node=\"n1\"}"), 10500));
        // Switching: the open window of n1 goes up as it is, at once; n2 is untouched.
        auto out = aggregator.flush(10500);
        QCOMPARE(out.aggregated.size(), 3);
        QVERIFY(find(out.aggregated, QStringLiteral("cpu"), QStringLiteral("n1")));
        QCOMPARE(aggregator.streamedSeriesCount(), 1);

        out = aggregator.add({cpu("n1", 11000, 3.0), cpu("n2", 11000, 4.0)}, 11100);
        QVERIFY(out.aggregated.isEmpty());
        QCOMPARE(out.raw.size(), 1);
        QCOMPARE(out.raw.constFirst().samples, (QList<Sample>{{11000, 3.0}}));
        out = aggregator.add({cpu("n1", 12000, 5.0)}, 12100);
        QCOMPARE(out.raw.size(), 1);

        QVERIFY(policy.remove(QStringLiteral("s1")));
        out = aggregator.add({cpu("n1", 13000, 6.0)}, 13100);
        QVERIFY(out.raw.isEmpty());
        QVERIFY(out.aggregated.isEmpty());
        QCOMPARE(aggregator.streamedSeriesCount(), 0);
        out = aggregator.flush(20300);
        QCOMPARE(find(out.aggregated, QStringLiteral("cpu"), QStringLiteral("n1"))->samples,
                 (QList<Sample>{{13000, 6.0}}));
        QCOMPARE(find(out.aggregated, QStringLiteral("cpu:avg"), QStringLiteral("n2"))->samples,
                 (QList<Sample>{{11000, 3.0}}));
    }

    void rateRuleChangesTheWindow()
    {
        ForwardingPolicy policy(10s);
        Preaggregator aggregator(&policy);
        QVERIFY(policy.apply(rule("r1", ForwardingRule::Kind::Rate, "cpu", 2s, 30000), 0));
        QVERIFY(aggregator.add({cpu("n1", 10000, 1.0), cpu("n1", 11000, 2.0)}, 11100).isEmpty());
        QCOMPARE(aggregator.flush(12300).aggregated.size(), 3);
        // Expired: back to 10 s windows.
        QVERIFY(!policy.expire(30000).isEmpty());
        QVERIFY(aggregator.add({cpu("n1", 30000, 1.0), cpu("n1", 32000, 2.0)}, 32100).isEmpty());
        QVERIFY(aggregator.flush(34000).isEmpty());
        QCOMPARE(aggregator.flush(40300).aggregated.size(), 3);
    }

    void lowerTierSeriesPassThrough()
    {
        ForwardingPolicy policy(10s);
        Preaggregator aggregator(&policy);
        SeriesBatch forwarded{QStringLiteral("cpu:avg"),
                              {{QStringLiteral("agent"), QStringLiteral("edge-9")}, {QStringLiteral("node"), QStringLiteral("n1")}},
                              {{10000, 0.5}}};
        const auto out = aggregator.add({forwarded}, 10100);
        QCOMPARE(out.raw, QList<SeriesBatch>{forwarded});
        QCOMPARE(aggregator.seriesCount(), 0);
    }

    void emptyInputIsIgnored()
    {
        ForwardingPolicy policy(10s);
        Preaggregator aggregator(&policy);
        QVERIFY(aggregator.add({SeriesBatch{}, SeriesBatch{QStringLiteral("cpu"), {}, {}}}, 0).isEmpty());
        QCOMPARE(aggregator.seriesCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_FederationForwarding)
#include "tst_federationforwarding.moc"
