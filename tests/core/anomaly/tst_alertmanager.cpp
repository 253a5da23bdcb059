#include "anomaly/AlertManager.h"
#include "store/SqliteStateStore.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 T0 = 1'700'000'000'000; // sample time origin

AlertRule makeRule(const QString &id, const QString &expression,
                   AlertGrouping grouping = AlertGrouping::Unknown)
{
    auto rule = AlertRule::parse(id, expression);
    if (!rule)
        qFatal("bad test rule %s: %s", qPrintable(expression), qPrintable(rule.error()));
    rule->grouping = grouping;
    return *rule;
}

AlertObservation cpu(const QString &node, qint64 atMs, double value, const QString &site = u"s1"_s,
                     const QString &extraLabel = {})
{
    AlertObservation observation;
    observation.metric = u"node_cpu_utilisation"_s;
    observation.labels = {{u"node"_s, node}, {u"site"_s, site}};
    if (!extraLabel.isEmpty())
        observation.labels.insert(u"cpu"_s, extraLabel);
    observation.seriesKey = seriesKey(observation.metric, observation.labels);
    observation.timestampMs = atMs;
    observation.value = value;
    return observation;
}

/// An AlertManager on a test clock, with no sweep timer.
struct Fixture
{
    Fixture()
    {
        manager.setClock([this] { return nowMs; });
        manager.setSweepInterval(0ms);
    }
    qint64 nowMs = T0;
    AlertManager manager;
};

QList<Alert> alertsFrom(const QSignalSpy &spy)
{
    QList<Alert> alerts;
    for (const QList<QVariant> &arguments : spy)
        alerts.append(arguments.at(0).value<Alert>());
    return alerts;
}

QList<Event> eventsFrom(const QSignalSpy &spy)
{
    QList<Event> events;
    for (const QList<QVariant> &arguments : spy)
        events.append(arguments.at(0).value<Event>());
    return events;
}

} // namespace

class tst_AlertManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pendingFiringResolvedWithPersistenceAndHysteresis();
    void pendingCancelledLeavesNoHistory();
    void zeroPersistenceFiresAtOnce();
    void lessThanRuleUsesMarginAbove();
    void deduplicatesPerRuleAndSubject();
    void groupsSeriesOfOneNode();
    void groupsBySite();
    void silencesFlagAndMute();
    void silenceValidationAndExpiry();
    void acknowledge();
    void attributionFromContributions();
    void linkAlertMessageShowsNominal();
    void staleAlertsResolve();
    void rulesReplacedResolveOrphans();
    void persistsAndRestores();
};

void tst_AlertManager::pendingFiringResolvedWithPersistenceAndHysteresis()
{
    Fixture f;
    QVERIFY(f.manager
                .setRules({makeRule(u"hot"_s,
                                    u"node_cpu_utilisation > 0.9 for 10s clear 5s margin 0.1"_s)})
                .hasValue());
    QSignalSpy changed(&f.manager, &AlertManager::alertChanged);
    QSignalSpy fired(&f.manager, &AlertManager::alertFired);
    QSignalSpy events(&f.manager, &AlertManager::eventRaised);

    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0, 0.5)); // fine: nothing
    QCOMPARE(changed.size(), 0);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 1000, 0.95));
    QCOMPARE(changed.size(), 1);
    Alert alert = alertsFrom(changed).last();
    QCOMPARE(toString(alert.state), u"pending"_s);
    QCOMPARE(alert.nodeId, u"n1"_s);
    QCOMPARE(alert.siteId, u"s1"_s);
    QCOMPARE(alert.groupKey, u"node:n1"_s);
    QCOMPARE(alert.startedAtMs, T0 + 1000);
    QCOMPARE(alert.firedAtMs, qint64(0));
    QCOMPARE(f.manager.activeAlerts().size(), 1);

    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 6000, 0.97)); // 5 s: still pending
    QCOMPARE(toString(f.manager.activeAlerts().first().state), u"pending"_s);
    QCOMPARE(events.size(), 0);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 11'000, 0.96)); // 10 s: fires
    QCOMPARE(fired.size(), 1);
    alert = f.manager.activeAlerts().first();
    QCOMPARE(toString(alert.state), u"firing"_s);
    QCOMPARE(alert.firedAtMs, T0 + 11'000);
    QVERIFY(qFuzzyCompare(alert.peakValue, 0.97));
    QCOMPARE(alert.summary, u"n1: CPU 96 % for 10 s (rule hot); cpu contributed 100 %"_s);
    QCOMPARE(events.size(), 1);
    Event event = eventsFrom(events).first();
    QCOMPARE(event.type, u"Resources.Status"_s);
    QCOMPARE(event.subjectId, u"n1"_s);
    QCOMPARE(event.payload.value("resource_id"_L1).toString(), u"n1"_s);
    QCOMPARE(event.payload.value("event"_L1).toString(), u"alert_firing"_s);
    QCOMPARE(event.payload.value("alertId"_L1).toString(), alert.id);
    QCOMPARE(event.message, alert.summary);
    QCOMPARE(toString(event.severity), toString(EventSeverity::Warning));

    // Hysteresis: 0.85 is below the threshold but not past the margin: still firing.
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 12'000, 0.85));
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 13'000, 0.75)); // clearing starts
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 16'000, 0.75)); // 3 s < 5 s
    QCOMPARE(toString(f.manager.activeAlerts().first().state), u"firing"_s);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 17'000, 0.88)); // holding: clear time resets
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 18'000, 0.7));
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 22'000, 0.7)); // 4 s after the reset
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 23'000, 0.7)); // 5 s: resolved
    QVERIFY(f.manager.activeAlerts().isEmpty());
    alert = alertsFrom(changed).last();
    QCOMPARE(toString(alert.state), u"resolved"_s);
    QCOMPARE(alert.resolvedAtMs, T0 + 23'000);
    QVERIFY2(alert.summary.startsWith(u"n1: resolved after 12 s (rule hot); CPU now 70 %"_s),
             qPrintable(alert.summary));
    QCOMPARE(events.size(), 2);
    event = eventsFrom(events).last();
    QCOMPARE(event.payload.value("event"_L1).toString(), u"alert_resolved"_s);
    QCOMPARE(toString(event.severity), toString(EventSeverity::Info));
    QCOMPARE(fired.size(), 1);

    // A new violation is a new alert (history keeps the old one).
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 30'000, 0.99));
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    QVERIFY(f.manager.activeAlerts().first().id != alert.id);
}

void tst_AlertManager::pendingCancelledLeavesNoHistory()
{
    Fixture f;
    QVERIFY(f.manager.setRules({makeRule(u"hot"_s, u"node_cpu_utilisation > 0.9 for 10s"_s)})
                .hasValue());
    QSignalSpy changed(&f.manager, &AlertManager::alertChanged);
    QSignalSpy events(&f.manager, &AlertManager::eventRaised);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0, 0.95));
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 5000, 0.95));
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 9000, 0.89)); // dips before 10 s
    QVERIFY(f.manager.activeAlerts().isEmpty());
    QCOMPARE(changed.size(), 2);
    const Alert cancelled = alertsFrom(changed).last();
    QCOMPARE(toString(cancelled.state), u"resolved"_s);
    QCOMPARE(cancelled.firedAtMs, qint64(0));
    QCOMPARE(events.size(), 0);
    // The persistence time starts again from the next violation.
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 10'000, 0.95));
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 15'000, 0.95));
    QCOMPARE(toString(f.manager.activeAlerts().first().state), u"pending"_s);
    QCOMPARE(f.manager.activeAlerts().first().startedAtMs, T0 + 10'000);
}

void tst_AlertManager::zeroPersistenceFiresAtOnce()
{
    Fixture f;
    QVERIFY(f.manager.setRules({makeRule(u"hot"_s, u"node_cpu_utilisation > 0.9"_s)}).hasValue());
    QSignalSpy changed(&f.manager, &AlertManager::alertChanged);
    QSignalSpy fired(&f.manager, &AlertManager::alertFired);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0, 0.95));
    QCOMPARE(fired.size(), 1);
    QCOMPARE(changed.size(), 1); // straight to firing, no pending report
    QCOMPARE(toString(alertsFrom(changed).first().state), u"firing"_s);
    QCOMPARE(alertsFrom(changed).first().firedAtMs, T0);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 1000, 0.5)); // clear 0: resolves at once
    QVERIFY(f.manager.activeAlerts().isEmpty());
}

void tst_AlertManager::lessThanRuleUsesMarginAbove()
{
    Fixture f;
    QVERIFY(f.manager.setRules({makeRule(u"idle"_s, u"node_cpu_utilisation < 0.1 margin 0.05"_s)})
                .hasValue());
    f.manager.observe(u"idle"_s, cpu(u"n1"_s, T0, 0.05));
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    f.manager.observe(u"idle"_s, cpu(u"n1"_s, T0 + 1000, 0.12)); // inside the margin
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    QVERIFY(qFuzzyCompare(f.manager.activeAlerts().first().peakValue, 0.05));
    f.manager.observe(u"idle"_s, cpu(u"n1"_s, T0 + 2000, 0.2));
    QVERIFY(f.manager.activeAlerts().isEmpty());
}

void tst_AlertManager::deduplicatesPerRuleAndSubject()
{
    Fixture f;
    QVERIFY(f.manager
                .setRules({makeRule(u"hot"_s, u"node_cpu_utilisation > 0.9"_s),
                           makeRule(u"very-hot"_s, u"node_cpu_utilisation > 0.95"_s)})
                .hasValue());
    QSignalSpy fired(&f.manager, &AlertManager::alertFired);
    for (int i = 0; i < 10; ++i) {
        f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + i * 1000, 0.97));
        f.manager.observe(u"very-hot"_s, cpu(u"n1"_s, T0 + i * 1000, 0.97));
        f.manager.observe(u"hot"_s, cpu(u"n2"_s, T0 + i * 1000, 0.97));
    }
    // One alert per rule and subject, however many samples.
    QCOMPARE(fired.size(), 3);
    const QList<Alert> active = f.manager.activeAlerts();
    QCOMPARE(active.size(), 3);
    QVERIFY(f.manager.activeAlert(u"hot"_s, u"node:n1"_s).has_value());
    QVERIFY(f.manager.activeAlert(u"hot"_s, u"node:n2"_s).has_value());
    QVERIFY(f.manager.activeAlert(u"very-hot"_s, u"node:n1"_s).has_value());
    QVERIFY(!f.manager.activeAlert(u"very-hot"_s, u"node:n2"_s).has_value());
}

void tst_AlertManager::groupsSeriesOfOneNode()
{
    Fixture f;
    QVERIFY(f.manager.setRules({makeRule(u"hot"_s, u"node_cpu_utilisation > 0.9"_s)}).hasValue());
    QSignalSpy fired(&f.manager, &AlertManager::alertFired);
    // Two series (per-core) of one node: one alert, resolved only when both are fine.
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0, 0.95, u"s1"_s, u"0"_s));
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0, 0.95, u"s1"_s, u"1"_s));
    QCOMPARE(fired.size(), 1);
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    QCOMPARE(f.manager.activeAlerts().first().seriesKeys.size(), 2);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 1000, 0.5, u"s1"_s, u"0"_s));
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 1000, 0.5, u"s1"_s, u"1"_s));
    QVERIFY(f.manager.activeAlerts().isEmpty());
}

void tst_AlertManager::groupsBySite()
{
    Fixture f;
    QVERIFY(f.manager
                .setRules(
                    {makeRule(u"site-hot"_s, u"node_cpu_utilisation > 0.9"_s, AlertGrouping::Site)})
                .hasValue());
    f.manager.observe(u"site-hot"_s, cpu(u"n1"_s, T0, 0.95, u"s1"_s));
    f.manager.observe(u"site-hot"_s, cpu(u"n2"_s, T0, 0.95, u"s1"_s));
    f.manager.observe(u"site-hot"_s, cpu(u"n3"_s, T0, 0.95, u"s2"_s));
    const QList<Alert> active = f.manager.activeAlerts();
    QCOMPARE(active.size(), 2);
    const auto s1 = f.manager.activeAlert(u"site-hot"_s, u"site:s1"_s);
    QVERIFY(s1.has_value());
    QCOMPARE(s1->siteId, u"s1"_s);
    QVERIFY(s1->nodeId.isEmpty());
    QCOMPARE(s1->subjectId(), u"s1"_s);
    QCOMPARE(s1->seriesKeys.size(), 2);
}

void tst_AlertManager::silencesFlagAndMute()
{
    Fixture f;
    QVERIFY(f.manager.setRules({makeRule(u"hot"_s, u"node_cpu_utilisation > 0.9"_s)}).hasValue());
    QSignalSpy fired(&f.manager, &AlertManager::alertFired);
    QSignalSpy events(&f.manager, &AlertManager::eventRaised);
    QSignalSpy silenceChanges(&f.manager, &AlertManager::silenceChanged);

    Silence silence;
    silence.matchers = {{u"node"_s, u"n1"_s}, {u"rule"_s, u"hot"_s}};
    silence.createdBy = u"user:alice"_s;
    silence.comment = u"BIOS update on n1"_s;
    silence.endsAtMs = f.nowMs + 3'600'000;
    const auto added = f.manager.addSilence(silence);
    QVERIFY2(added.hasValue(), qPrintable(added.error()));
    QVERIFY(!added->id.isEmpty());
    QCOMPARE(added->createdAtMs, f.nowMs);
    QCOMPARE(silenceChanges.size(), 1);
    QCOMPARE(f.manager.silences().size(), 1);

    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0, 0.95));
    f.manager.observe(u"hot"_s, cpu(u"n2"_s, T0, 0.95));
    QCOMPARE(fired.size(), 2); // both recorded and firing ...
    const auto n1 = f.manager.activeAlert(u"hot"_s, u"node:n1"_s);
    const auto n2 = f.manager.activeAlert(u"hot"_s, u"node:n2"_s);
    QVERIFY(n1 && n2);
    QCOMPARE(n1->silencedBy, added->id); // ... the silenced one flagged
    QVERIFY(!n2->isSilenced());
    QCOMPARE(events.size(), 1); // and only the other one announced
    QCOMPARE(eventsFrom(events).first().subjectId, u"n2"_s);

    // A silence added later flags an alert already firing.
    Silence later;
    later.matchers = {{u"node"_s, u"n2"_s}};
    later.createdBy = u"user:bob"_s;
    later.comment = u"known"_s;
    later.endsAtMs = f.nowMs + 60'000;
    QSignalSpy changed(&f.manager, &AlertManager::alertChanged);
    const auto second = f.manager.addSilence(later);
    QVERIFY(second.hasValue());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(alertsFrom(changed).first().silencedBy, second->id);
    // Resolution of a silenced alert is not announced either.
    f.manager.observe(u"hot"_s, cpu(u"n2"_s, T0 + 1000, 0.5));
    QCOMPARE(events.size(), 1);
}

void tst_AlertManager::silenceValidationAndExpiry()
{
    Fixture f;
    QVERIFY(f.manager.setRules({makeRule(u"hot"_s, u"node_cpu_utilisation > 0.9"_s)}).hasValue());
    Silence silence;
    silence.createdBy = u"user:alice"_s;
    silence.comment = u"maintenance"_s;
    silence.endsAtMs = f.nowMs + 10'000;
    QVERIFY(f.manager.addSilence(silence).error().contains(u"at least one label matcher"_s));
    silence.matchers = {{u"node"_s, u"n1"_s}};
    silence.createdBy.clear();
    QVERIFY(f.manager.addSilence(silence).error().contains(u"who"_s));
    silence.createdBy = u"user:alice"_s;
    silence.comment = u"  "_s;
    QVERIFY(f.manager.addSilence(silence).error().contains(u"why"_s));
    silence.comment = u"maintenance"_s;
    silence.endsAtMs = f.nowMs - 1;
    QVERIFY(!f.manager.addSilence(silence).hasValue());
    silence.endsAtMs = f.nowMs + 10'000;
    const auto added = f.manager.addSilence(silence);
    QVERIFY(added.hasValue());

    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0, 0.95));
    QVERIFY(f.manager.activeAlerts().first().isSilenced());

    // Expiry: after `until` the sweep ends the silence and unflags the alert.
    QSignalSpy changed(&f.manager, &AlertManager::alertChanged);
    f.nowMs += 10'001;
    f.manager.sweep();
    QVERIFY(f.manager.silences().isEmpty());
    QCOMPARE(changed.size(), 1);
    QVERIFY(!alertsFrom(changed).first().isSilenced());

    // Ending a silence early records who did it.
    silence.id.clear();
    silence.endsAtMs = f.nowMs + 60'000;
    const auto again = f.manager.addSilence(silence);
    QVERIFY(again.hasValue());
    QVERIFY(f.manager.activeAlerts().first().isSilenced());
    f.nowMs += 1000;
    const auto expired = f.manager.expireSilence(again->id, u"user:carol"_s);
    QVERIFY(expired.hasValue());
    QCOMPARE(expired->expiredBy, u"user:carol"_s);
    QCOMPARE(expired->endsAtMs, f.nowMs);
    QVERIFY(!f.manager.activeAlerts().first().isSilenced());
    QVERIFY(!f.manager.expireSilence(again->id, u"user:carol"_s).hasValue());
}

void tst_AlertManager::acknowledge()
{
    Fixture f;
    QVERIFY(f.manager.setRules({makeRule(u"hot"_s, u"node_cpu_utilisation > 0.9"_s)}).hasValue());
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0, 0.95));
    const QString id = f.manager.activeAlerts().first().id;
    QSignalSpy changed(&f.manager, &AlertManager::alertChanged);
    QVERIFY(!f.manager.acknowledge(id, u" "_s).hasValue());
    QVERIFY(!f.manager.acknowledge(u"nope"_s, u"user:alice"_s).hasValue());
    f.nowMs += 5000;
    const auto acknowledged = f.manager.acknowledge(id, u"user:alice"_s);
    QVERIFY2(acknowledged.hasValue(), qPrintable(acknowledged.error()));
    QCOMPARE(acknowledged->acknowledgedBy, u"user:alice"_s);
    QCOMPARE(acknowledged->acknowledgedAtMs, f.nowMs);
    QCOMPARE(changed.size(), 1);
    QVERIFY(f.manager.activeAlerts().first().isAcknowledged());
}

void tst_AlertManager::attributionFromContributions()
{
    Fixture f;
    QVERIFY(
        f.manager.setRules({makeRule(u"hot-node-cpu"_s, u"node_cpu_utilisation > 0.9 for 30s"_s)})
            .hasValue());
    f.manager.setEnricher([](Alert &alert) { alert.workloads = {u"web-frontend"_s}; });
    AlertObservation first = cpu(u"hpc-bol-07"_s, T0, 0.97, u"site-hpc-bologna"_s);
    first.multivariateScore = 0.93;
    first.contributions = {{u"node_memory_utilisation"_s, 0.12},
                           {u"node_cpu_utilisation"_s, 0.82},
                           {u"node_network_receive_bytes_rate"_s, 0.06}};
    f.manager.observe(u"hot-node-cpu"_s, first);
    f.manager.observe(u"hot-node-cpu"_s,
                      cpu(u"hpc-bol-07"_s, T0 + 30'000, 0.97, u"site-hpc-bologna"_s));
    const Alert alert = f.manager.activeAlerts().first();
    QCOMPARE(toString(alert.state), u"firing"_s);
    QCOMPARE(alert.contributions.first().feature, u"node_cpu_utilisation"_s);
    QVERIFY(qFuzzyCompare(alert.contributions.first().share, 0.82));
    QCOMPARE(alert.metrics, (QStringList{u"node_cpu_utilisation"_s, u"node_memory_utilisation"_s}));
    QVERIFY(qFuzzyCompare(alert.score, 0.93));
    QCOMPARE(alert.workloads, QStringList{u"web-frontend"_s});
    QCOMPARE(alert.summary,
             u"hpc-bol-07: CPU 97 % for 30 s (rule hot-node-cpu); cpu contributed 82 %, memory "
             "12 %; workloads web-frontend"_s);
}

void tst_AlertManager::linkAlertMessageShowsNominal()
{
    Fixture f;
    QVERIFY(f.manager
                .setRules({makeRule(u"link-latency-high"_s,
                                    u"link_latency_seconds > 3 * nominal for 10s"_s)})
                .hasValue());
    f.manager.setEnricher([](Alert &alert) {
        alert.switchIds = {u"sw-hpc-bol"_s, u"sw-core-2"_s};
    });
    AlertObservation observation;
    observation.metric = u"link_latency_seconds"_s;
    observation.labels = {{u"link"_s, u"link-bol-core2"_s}};
    observation.seriesKey = seriesKey(observation.metric, observation.labels);
    observation.nominal = 0.005;
    observation.value = 0.031;
    observation.timestampMs = T0;
    f.manager.observe(u"link-latency-high"_s, observation);
    observation.timestampMs = T0 + 10'000;
    f.manager.observe(u"link-latency-high"_s, observation);
    const Alert alert = f.manager.activeAlerts().first();
    QCOMPARE(alert.linkId, u"link-bol-core2"_s);
    QCOMPARE(alert.groupKey, u"link:link-bol-core2"_s);
    QVERIFY(qFuzzyCompare(alert.threshold, 0.015));
    QCOMPARE(alert.summary,
             u"link-bol-core2: latency 31 ms (6.2× nominal 5 ms) for 10 s (rule "
             "link-latency-high); latency contributed 100 %; switches sw-hpc-bol, sw-core-2"_s);
}

void tst_AlertManager::staleAlertsResolve()
{
    Fixture f;
    f.manager.setStaleAfter(60s);
    QVERIFY(f.manager.setRules({makeRule(u"hot"_s, u"node_cpu_utilisation > 0.9"_s)}).hasValue());
    QSignalSpy events(&f.manager, &AlertManager::eventRaised);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0, 0.95));
    f.nowMs += 30'000;
    f.manager.sweep();
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    f.nowMs += 30'000;
    f.manager.sweep();
    QVERIFY(f.manager.activeAlerts().isEmpty());
    QCOMPARE(events.size(), 2);
    QVERIFY2(eventsFrom(events).last().message.contains(u"no data for 1 min"_s),
             qPrintable(eventsFrom(events).last().message));
}

void tst_AlertManager::rulesReplacedResolveOrphans()
{
    Fixture f;
    QVERIFY(f.manager
                .setRules({makeRule(u"a"_s, u"node_cpu_utilisation > 0.9"_s),
                           makeRule(u"b"_s, u"node_cpu_utilisation > 0.8"_s)})
                .hasValue());
    f.manager.observe(u"a"_s, cpu(u"n1"_s, T0, 0.95));
    f.manager.observe(u"b"_s, cpu(u"n1"_s, T0, 0.95));
    QCOMPARE(f.manager.activeAlerts().size(), 2);
    // Duplicate ids and invalid rules are refused whole.
    QVERIFY(!f.manager
                 .setRules({makeRule(u"a"_s, u"node_cpu_utilisation > 0.9"_s),
                            makeRule(u"a"_s, u"node_cpu_utilisation > 0.8"_s)})
                 .hasValue());
    QCOMPARE(f.manager.rules().size(), 2);
    QVERIFY(f.manager.setRules({makeRule(u"a"_s, u"node_cpu_utilisation > 0.9"_s)}).hasValue());
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    QCOMPARE(f.manager.activeAlerts().first().ruleId, u"a"_s);
}

void tst_AlertManager::persistsAndRestores()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SqliteStateStore store;
    QVERIFY(store.open(dir.path()).hasValue());
    // Alerts and silences arrived with schema version 2; later migrations add to it.
    QVERIFY(store.schemaVersion() >= 2);
    QCOMPARE(store.schemaVersion(), SqliteStateStore::latestSchemaVersion());
    const AlertRule rule =
        makeRule(u"hot"_s, u"node_cpu_utilisation > 0.9 for 10s clear 10s margin 0.1"_s);
    QString firingId;
    QString resolvedId;
    QString silenceId;
    {
        Fixture f;
        f.manager.setStore(&store);
        QVERIFY(f.manager.setRules({rule}).hasValue());
        // n2 fires and resolves: history.
        f.manager.observe(u"hot"_s, cpu(u"n2"_s, T0, 0.95));
        f.manager.observe(u"hot"_s, cpu(u"n2"_s, T0 + 10'000, 0.95));
        resolvedId = f.manager.activeAlerts().first().id;
        f.manager.observe(u"hot"_s, cpu(u"n2"_s, T0 + 11'000, 0.5));
        f.manager.observe(u"hot"_s, cpu(u"n2"_s, T0 + 21'000, 0.5));
        QVERIFY(f.manager.activeAlerts().isEmpty());
        // n1 fires and stays firing; n3 is only pending (not persisted).
        f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 20'000, 0.96));
        f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 30'000, 0.97));
        f.manager.observe(u"hot"_s, cpu(u"n3"_s, T0 + 30'000, 0.97));
        firingId = f.manager.activeAlert(u"hot"_s, u"node:n1"_s)->id;
        QVERIFY(f.manager.acknowledge(firingId, u"user:alice"_s).hasValue());
        Silence silence;
        silence.matchers = {{u"site"_s, u"s1"_s}};
        silence.createdBy = u"user:bob"_s;
        silence.comment = u"site maintenance"_s;
        silence.endsAtMs = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        silence.startsAtMs = f.nowMs;
        const auto added = f.manager.addSilence(silence);
        QVERIFY(added.hasValue());
        silenceId = added->id;
    }
    QVERIFY(store.flush().hasValue());
    const auto active = store.activeAlerts();
    QVERIFY2(active.hasValue(), qPrintable(active.error()));
    QCOMPARE(active->size(), 1);
    QCOMPARE(active->first().id, firingId);
    QCOMPARE(active->first().acknowledgedBy, u"user:alice"_s);
    QCOMPARE(active->first().silencedBy, silenceId);
    const auto history = store.alertHistory(0, -1);
    QVERIFY(history.hasValue());
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).id, firingId); // newest first
    QCOMPARE(history->at(1).id, resolvedId);
    QCOMPARE(toString(history->at(1).state), u"resolved"_s);
    QCOMPARE(history->at(1).resolvedAtMs, T0 + 21'000);
    QCOMPARE(store.alertHistory(T0 + 15'000, -1)->size(), 1);
    QCOMPARE(store.alertHistory(0, 1)->size(), 1);
    const auto silences = store.silences(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(silences.hasValue());
    QCOMPARE(silences->size(), 1);
    QCOMPARE(silences->first().comment, u"site maintenance"_s);
    // The stored alert reads back exactly as it was.
    QCOMPARE(toJson(active->first()), toJson(*alertFromJson(toJson(active->first()))));

    // A new manager picks up where the old one stopped: firing, silenced, hysteresis intact.
    Fixture f;
    f.nowMs = QDateTime::currentMSecsSinceEpoch();
    f.manager.setStore(&store);
    QVERIFY(f.manager.setRules({rule}).hasValue());
    f.manager.restore(*active, *silences);
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    QCOMPARE(f.manager.activeAlerts().first().id, firingId);
    QCOMPARE(f.manager.silences().size(), 1);
    QSignalSpy fired(&f.manager, &AlertManager::alertFired);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 40'000, 0.85)); // holding: not resolved
    QCOMPARE(f.manager.activeAlerts().size(), 1);
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 41'000, 0.5));
    f.manager.observe(u"hot"_s, cpu(u"n1"_s, T0 + 51'000, 0.5));
    QVERIFY(f.manager.activeAlerts().isEmpty());
    QCOMPARE(fired.size(), 0); // not fired twice
    QVERIFY(store.flush().hasValue());
    QVERIFY(store.activeAlerts()->isEmpty());
    store.close();
}

QTEST_GUILESS_MAIN(tst_AlertManager)
#include "tst_alertmanager.moc"
