#include "anomaly/AlertManager.h"
#include "anomaly/AnomalyEngine.h"
#include "engine/Engine.h"
#include "engine/ITelemetryRateControl.h"
#include "store/IStateStore.h"
#include "telemetry/TelemetryHub.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Continuo;
using namespace Qt::StringLiterals;

namespace {

const QString HotNode = u"hpc-bol-07"_s;
const QString HotSite = u"site-hpc-bologna"_s;
const QString SlowLink = u"link-bol-core2"_s; // nominal 5 ms, through sw-core-2

EngineOptions options(const QString &dir, const QString &scenario = u"demo"_s)
{
    EngineOptions o;
    o.dataDirectory = dir;
    o.scenario = scenario;
    o.pluginPaths = {QStringLiteral(PRODUCT_PLUGIN_DIR)};
    o.hostProbe = false;
    return o;
}

/// Deterministic noise in [-0.5, 0.5).
class Noise
{
public:
    double next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(m_state >> 40) / double(1ULL << 24) - 0.5;
    }

private:
    quint64 m_state = 7;
};

/// Feeds one node's metric vector (and one link's latency) straight into the engine's hub,
/// with timestamps a day ahead of the clock so the live simulator's samples of the same series
/// are older and dropped: the test owns these series and drives their time.
class Feeder
{
public:
    explicit Feeder(Engine &engine)
        : m_engine(engine)
        , m_baseMs(QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 + 86'400'000)
    {
    }

    qint64 timeAt(int second) const { return m_baseMs + qint64(second) * 1000; }

    /// Seconds [from, to) of the node, hot (CPU ~97 %) or normal (CPU ~75 %).
    void node(int from, int to, bool hot)
    {
        const Labels labels{{u"node"_s, HotNode}, {u"site"_s, HotSite}};
        SeriesBatch cpu{u"node_cpu_utilisation"_s, labels, {}};
        SeriesBatch memory{u"node_memory_utilisation"_s, labels, {}};
        SeriesBatch receive{u"node_network_receive_bytes_rate"_s, labels, {}};
        SeriesBatch transmit{u"node_network_transmit_bytes_rate"_s, labels, {}};
        for (int second = from; second < to; ++second) {
            const qint64 t = timeAt(second);
            cpu.samples.append(
                {t, hot ? 0.97 + 0.02 * m_noise.next() : 0.75 + 0.04 * m_noise.next()});
            memory.samples.append({t, 0.6 + 0.02 * m_noise.next()});
            receive.samples.append({t, 4.0e8 * (1.0 + 0.1 * m_noise.next())});
            transmit.samples.append({t, 2.5e8 * (1.0 + 0.1 * m_noise.next())});
        }
        m_engine.telemetry()->ingest({cpu, memory, receive, transmit});
        m_engine.telemetry()->publishPending(); // processed now, on this thread
    }

    /// Seconds [from, to) of the link's latency, in milliseconds.
    void link(int from, int to, double latencyMs)
    {
        SeriesBatch latency{u"link_latency_seconds"_s, {{u"link"_s, SlowLink}}, {}};
        for (int second = from; second < to; ++second)
            latency.samples.append({timeAt(second), (latencyMs + 0.2 * m_noise.next()) / 1000.0});
        m_engine.telemetry()->ingest({latency});
        m_engine.telemetry()->publishPending();
    }

private:
    Engine &m_engine;
    qint64 m_baseMs;
    Noise m_noise;
};

std::optional<Alert> findAlert(const Engine &engine, const QString &ruleId, const QString &groupKey)
{
    return engine.anomalyEngine()->alertManager()->activeAlert(ruleId, groupKey);
}

bool hasAudit(const QList<AuditEntry> &entries, const QString &actor, const QString &action,
              const QString &target)
{
    return std::any_of(entries.cbegin(), entries.cend(), [&](const AuditEntry &entry) {
        return entry.actor == actor && entry.action == action && entry.target == target;
    });
}

} // namespace

class tst_AnomalyEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultRulesAreValid();
    void hotNodeFaultFiresAttributedAlert();
    void degradedSwitchRaisesLinkLatencyAlert();
    void silencedAlertTriggersNoRemediation();
    void restartRestoresActiveAlertsAndSilences();
    void simulatorFaultsBecomeAlertsLive();
};

void tst_AnomalyEngine::defaultRulesAreValid()
{
    const QList<AlertRule> rules = AnomalyEngine::defaultRules();
    QVERIFY(rules.size() >= 4);
    AlertManager manager;
    QVERIFY(manager.setRules(rules).hasValue());
    QVERIFY(manager.ruleIndex(u"hot-node-cpu"_s) >= 0);
    QVERIFY(manager.ruleIndex(u"link-latency-high"_s) >= 0);
    for (const AlertRule &rule : rules) {
        const auto again = AlertRule::parse(rule.id, rule.expression());
        QVERIFY2(again.hasValue(), qPrintable(again.error()));
    }
}

void tst_AnomalyEngine::hotNodeFaultFiresAttributedAlert()
{
    QTemporaryDir dir;
    Engine engine;
    QVERIFY(engine.start(options(dir.path())).hasValue());
    QVERIFY(engine.anomalyEngine());
    QTRY_VERIFY(engine.inventory().find<Node>(HotNode) != nullptr);
    QSignalSpy changed(engine.anomalyEngine(), &AnomalyEngine::alertChanged);
    Feeder feed(engine);

    // Five minutes of ordinary load: the detectors warm up, nothing fires for the node.
    feed.node(0, 300, false);
    QVERIFY(!findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode));
    const auto warm = engine.anomalyEngine()->lastNodeScore(HotNode);
    QVERIFY(warm.has_value());
    QCOMPARE(toString(warm->state), toString(ScoreState::Scored));

    // The fault starts 20 s later: pending at once, firing after the rule's 10 s.
    feed.node(300, 320, false);
    feed.node(320, 321, true);
    auto alert = findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode);
    QVERIFY(alert.has_value());
    QCOMPARE(toString(alert->state), u"pending"_s);
    QCOMPARE(alert->startedAtMs, feed.timeAt(320));
    feed.node(321, 330, true);
    QCOMPARE(toString(findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode)->state),
             u"pending"_s);
    feed.node(330, 331, true);
    alert = findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode);
    QVERIFY(alert.has_value());
    QCOMPARE(toString(alert->state), u"firing"_s);
    QCOMPARE(alert->firedAtMs, feed.timeAt(330));

    // Attribution: the node, its site, the metric, and the multivariate split of the first
    // anomalous sample, dominated by CPU.
    QCOMPARE(alert->nodeId, HotNode);
    QCOMPARE(alert->siteId, HotSite);
    QCOMPARE(alert->metrics.first(), u"node_cpu_utilisation"_s);
    QVERIFY(!alert->contributions.isEmpty());
    QCOMPARE(alert->contributions.first().feature, u"node_cpu_utilisation"_s);
    QVERIFY2(alert->contributions.first().share > 0.5,
             qPrintable(QString::number(alert->contributions.first().share)));
    QVERIFY2(alert->score >= 0.5, qPrintable(QString::number(alert->score))); // from the trees
    for (const FeatureContribution &contribution : std::as_const(alert->contributions))
        qDebug().noquote() << contribution.feature << contribution.share;
    QVERIFY(alert->workloads.isEmpty()); // no deployments in the demo yet
    QVERIFY2(alert->summary.startsWith(HotNode + u": CPU 9"_s), qPrintable(alert->summary));
    QVERIFY2(alert->summary.contains(u"for 10 s (rule hot-node-cpu); cpu contributed"_s),
             qPrintable(alert->summary));
    qDebug().noquote() << alert->summary;

    // Resources.Status event with the standard fields.
    const auto status = engine.recentEvents(0, u"Resources.Status"_s);
    const auto firing = std::find_if(status.cbegin(), status.cend(), [&](const Event &e) {
        return e.payload.value("alertId"_L1).toString() == alert->id;
    });
    QVERIFY(firing != status.cend());
    QCOMPARE(firing->subjectId, HotNode);
    QCOMPARE(firing->payload.value("resource_id"_L1).toString(), HotNode);
    QCOMPARE(firing->payload.value("event"_L1).toString(), u"alert_firing"_s);
    QCOMPARE(firing->message, alert->summary);

    // Remediations ran, each audited first as automation:anomaly.
    const auto audit = engine.store()->auditLog(0, -1);
    QVERIFY(audit.hasValue());
    QVERIFY(hasAudit(*audit, u"automation:anomaly"_s, u"anomaly.emit_event"_s, HotNode));
    QVERIFY(hasAudit(*audit, u"automation:anomaly"_s, u"telemetry.raise_rate"_s, HotNode));
    const auto requests =
        engine.telemetryRateControl()->activeRequests(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(std::any_of(requests.cbegin(), requests.cend(), [](const TelemetryRateRequest &r) {
        return r.nodeId == HotNode && r.sampleInterval.count() == 1000 &&
               r.requestedBy == u"automation:anomaly"_s;
    }));
    QVERIFY(!engine.recentEvents(0, u"Anomaly.Remediation"_s).isEmpty());

    // One alert however long the fault lasts (dedup), then resolution with hysteresis.
    feed.node(331, 400, true);
    QCOMPARE(findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode)->id, alert->id);
    feed.node(400, 405, false);
    QVERIFY(findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode)); // clear time is 10 s
    feed.node(405, 412, false);
    QVERIFY(!findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode));
    const auto history = engine.anomalyEngine()->alertHistory(0, -1);
    QVERIFY(history.hasValue());
    QVERIFY(std::any_of(history->cbegin(), history->cend(), [&](const Alert &a) {
        return a.id == alert->id && a.state == AlertState::Resolved;
    }));
    QVERIFY(!changed.isEmpty());
    engine.stop();
}

void tst_AnomalyEngine::degradedSwitchRaisesLinkLatencyAlert()
{
    QTemporaryDir dir;
    Engine engine;
    QVERIFY(engine.start(options(dir.path())).hasValue());
    QTRY_VERIFY(engine.inventory().find<Link>(SlowLink) != nullptr);
    Feeder feed(engine);
    feed.link(0, 60, 5.5);
    QVERIFY(!findAlert(engine, u"link-latency-high"_s, u"link:"_s + SlowLink));
    // sw-core-2 degraded: latency x6 (33 ms against a nominal 5 ms).
    feed.link(60, 70, 33.0);
    QCOMPARE(toString(findAlert(engine, u"link-latency-high"_s, u"link:"_s + SlowLink)->state),
             u"pending"_s);
    feed.link(70, 71, 33.0);
    const auto alert = findAlert(engine, u"link-latency-high"_s, u"link:"_s + SlowLink);
    QVERIFY(alert.has_value());
    QCOMPARE(toString(alert->state), u"firing"_s);
    QCOMPARE(alert->linkId, SlowLink);
    QVERIFY(alert->switchIds.contains(u"sw-core-2"_s));
    QCOMPARE(alert->metrics.first(), u"link_latency_seconds"_s);
    QVERIFY(qFuzzyCompare(alert->threshold, 0.015));
    QCOMPARE(toString(alert->severity), u"critical"_s);
    QVERIFY2(alert->summary.contains(u"nominal 5 ms"_s), qPrintable(alert->summary));
    qDebug().noquote() << alert->summary;
    const auto audit = engine.store()->auditLog(0, -1);
    QVERIFY(hasAudit(*audit, u"automation:anomaly"_s, u"anomaly.emit_event"_s, SlowLink));
    // No node: no telemetry rate request for a link alert.
    QVERIFY(!hasAudit(*audit, u"automation:anomaly"_s, u"telemetry.raise_rate"_s, SlowLink));
    engine.stop();
}

void tst_AnomalyEngine::silencedAlertTriggersNoRemediation()
{
    QTemporaryDir dir;
    Engine engine;
    QVERIFY(engine.start(options(dir.path())).hasValue());
    QTRY_VERIFY(engine.inventory().find<Node>(HotNode) != nullptr);
    const auto silence = engine.anomalyEngine()->addSilence(
        {{u"node"_s, HotNode}}, u"user:alice"_s, u"burn-in test"_s,
        QDateTime::currentMSecsSinceEpoch() + 3'600'000);
    QVERIFY2(silence.hasValue(), qPrintable(silence.error()));
    // Who and why are required.
    QVERIFY(!engine.anomalyEngine()
                 ->addSilence({{u"node"_s, HotNode}}, u"user:alice"_s, QString(),
                              QDateTime::currentMSecsSinceEpoch() + 1000)
                 .hasValue());
    Feeder feed(engine);
    feed.node(0, 12, true);
    const auto alert = findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode);
    QVERIFY(alert.has_value());
    QCOMPARE(toString(alert->state), u"firing"_s);
    QCOMPARE(alert->silencedBy, silence->id);
    const auto audit = engine.store()->auditLog(0, -1);
    QVERIFY(hasAudit(*audit, u"user:alice"_s, u"silence.create"_s, u"{node=\"hpc-bol-07\"}"_s));
    QVERIFY(!hasAudit(*audit, u"automation:anomaly"_s, u"anomaly.emit_event"_s, HotNode));
    const auto status = engine.recentEvents(0, u"Resources.Status"_s);
    QVERIFY(std::none_of(status.cbegin(), status.cend(), [&](const Event &e) {
        return e.payload.value("alertId"_L1).toString() == alert->id;
    }));
    engine.stop();
}

void tst_AnomalyEngine::restartRestoresActiveAlertsAndSilences()
{
    QTemporaryDir dir;
    QString alertId;
    QString silenceId;
    {
        Engine engine;
        QVERIFY(engine.start(options(dir.path())).hasValue());
        QTRY_VERIFY(engine.inventory().find<Node>(HotNode) != nullptr);
        Feeder feed(engine);
        feed.node(0, 12, true);
        const auto alert = findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode);
        QVERIFY(alert.has_value());
        QCOMPARE(toString(alert->state), u"firing"_s);
        alertId = alert->id;
        QVERIFY(engine.anomalyEngine()->acknowledge(alertId, u"user:bob"_s).hasValue());
        const auto silence = engine.anomalyEngine()->addSilence(
            {{u"site"_s, u"site-edge-athens"_s}}, u"user:alice"_s, u"edge maintenance"_s,
            QDateTime::currentMSecsSinceEpoch() + 3'600'000);
        QVERIFY(silence.hasValue());
        silenceId = silence->id;
        engine.stop();
    }
    Engine engine;
    QVERIFY(engine.start(options(dir.path(), u"none"_s)).hasValue());
    const QList<Alert> active = engine.anomalyEngine()->activeAlerts();
    const auto restored = std::find_if(active.cbegin(), active.cend(),
                                       [&](const Alert &a) { return a.id == alertId; });
    QVERIFY(restored != active.cend());
    QCOMPARE(toString(restored->state), u"firing"_s);
    QCOMPARE(restored->nodeId, HotNode);
    QCOMPARE(restored->acknowledgedBy, u"user:bob"_s);
    QCOMPARE(restored->contributions.first().feature, u"node_cpu_utilisation"_s);
    const QList<Silence> silences = engine.anomalyEngine()->silences();
    QCOMPARE(silences.size(), 1);
    QCOMPARE(silences.first().id, silenceId);
    QCOMPARE(silences.first().createdBy, u"user:alice"_s);
    QCOMPARE(silences.first().comment, u"edge maintenance"_s);
    const auto audit = engine.store()->auditLog(0, -1);
    QVERIFY(hasAudit(*audit, u"user:bob"_s, u"alert.acknowledge"_s, HotNode));
    QVERIFY(hasAudit(*audit, u"automation:anomaly"_s, u"telemetry.raise_rate"_s, HotNode));
    engine.stop();
}

void tst_AnomalyEngine::simulatorFaultsBecomeAlertsLive()
{
    // The real simulator, in real time: hpc-bol-07 runs hot from 20 s (firing ~10 s later),
    // sw-core-1 (the paper's S3) degrades from 45 s (its links fire ~10 s later).
    QTemporaryDir dir;
    Engine engine;
    QVERIFY(engine.start(options(dir.path())).hasValue());
    QTRY_VERIFY_WITH_TIMEOUT(
        findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode) &&
            findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode)->state == AlertState::Firing,
        50'000);
    const auto hot = findAlert(engine, u"hot-node-cpu"_s, u"node:"_s + HotNode);
    QCOMPARE(hot->metrics.first(), u"node_cpu_utilisation"_s);
    QCOMPARE(hot->contributions.first().feature, u"node_cpu_utilisation"_s);
    qDebug().noquote() << hot->summary;

    const auto linkThroughCore1 = [&]() -> std::optional<Alert> {
        for (const Alert &alert : engine.anomalyEngine()->activeAlerts()) {
            if (alert.ruleId == u"link-latency-high"_s && alert.state == AlertState::Firing &&
                alert.switchIds.contains(u"sw-core-1"_s))
                return alert;
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(linkThroughCore1().has_value(), 45'000);
    qDebug().noquote() << linkThroughCore1()->summary;
    // Everything else the default rules raised in this minute, for people reading the log.
    for (const Alert &alert : engine.anomalyEngine()->activeAlerts())
        qDebug().noquote() << toString(alert.state) << alert.ruleId << alert.subjectId();
    engine.stop();
}

QTEST_GUILESS_MAIN(tst_AnomalyEngine)
#include "tst_anomalyengine.moc"
