#include "anomaly/AnomalyEngine.h"

#include "anomaly/AlertManager.h"
#include "anomaly/AnomalyLogging.h"
#include "anomaly/RemediationAction.h"
#include "anomaly/UnivariateEnsemble.h"
#include "engine/Engine.h"
#include "engine/ITelemetryRateControl.h"
#include "store/IStateStore.h"
#include "telemetry/TelemetryHub.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Continuo {

namespace {

/// Below this multivariate score the node's vector is ordinary, and its per-feature split says
/// nothing about an alert: the alert is then attributed to the rule's metric alone.
constexpr double AttributionScoreFloor = 0.5;

constexpr auto Actor = "automation:anomaly";
constexpr auto NodeAnomalyMetric = "node_anomaly";

} // namespace

struct AnomalyEngine::NodeRuntime
{
    explicit NodeRuntime(const HalfSpaceTreesSettings &settings)
        : trees(FeatureCount, settings)
    {
    }

    struct Slot
    {
        qint64 timestampMs = 0;
        std::array<double, FeatureCount> values{};
        unsigned mask = 0;
    };
    struct Scored
    {
        qint64 timestampMs = std::numeric_limits<qint64>::min();
        MultivariateScore score;
    };

    QString nodeId;
    QString siteId;
    QString seriesKey; ///< node_anomaly{node=...,site=...}, the identity of node-rule alerts
    Labels labels;
    HalfSpaceTrees trees;
    std::array<double, FeatureCount> latest{};
    unsigned seen = 0;
    std::array<Slot, PendingSlots> slots{};
    int slotCount = 0;
    std::array<Scored, RecentScores> recent{};
    int recentNext = 0;
    qint64 lastScoredMs = std::numeric_limits<qint64>::min();
    struct Incoming
    {
        qint64 timestampMs = 0;
        int feature = -1;
        double value = 0.0;
    };
    std::vector<Incoming> incoming; ///< this publish's samples, before they form vectors
    bool dirty = false;
    std::vector<qsizetype> rules; ///< NodeAnomaly rules that match this node
    quint64 rulesGeneration = 0;
};

struct AnomalyEngine::SeriesRuntime
{
    QString key;
    QString metric;
    Labels labels;
    std::vector<qsizetype> rules;
    quint64 rulesGeneration = 0;
    std::unique_ptr<UnivariateEnsemble> detector;
    NodeRuntime *node = nullptr;
    int feature = -1;
    double nominal = std::numeric_limits<double>::quiet_NaN();
    quint64 nominalGeneration = 0;
};

QStringList AnomalyEngine::nodeFeatures()
{
    return {QLatin1StringView(Metrics::NodeCpuUtilisation),
            QLatin1StringView(Metrics::NodeMemoryUtilisation),
            QLatin1StringView(Metrics::NodeNetworkReceiveBytesRate),
            QLatin1StringView(Metrics::NodeNetworkTransmitBytesRate)};
}

QList<AlertRule> AnomalyEngine::defaultRules()
{
    RemediationSpec emitEvent;
    emitEvent.kind = RemediationKind::EmitEvent;
    RemediationSpec raiseRate;
    raiseRate.kind = RemediationKind::RaiseTelemetryRate;
    raiseRate.sampleInterval = std::chrono::seconds(1);
    raiseRate.duration = std::chrono::minutes(10);

    const struct
    {
        const char *id;
        const char *expression;
        AlertSeverity severity;
        AlertGrouping grouping;
        const char *description;
        QList<RemediationSpec> remediations;
    } definitions[] = {
        {"hot-node-cpu",
         "node_cpu_utilisation > 0.9 for 10s clear 10s margin 0.05",
         AlertSeverity::Warning,
         AlertGrouping::Node,
         "A node's CPU is saturated",
         {emitEvent, raiseRate}},
        {"node-memory-high",
         "node_memory_utilisation > 0.95 for 1m clear 1m margin 0.05",
         AlertSeverity::Warning,
         AlertGrouping::Node,
         "A node is running out of memory",
         {emitEvent}},
        {"link-latency-high",
         "link_latency_seconds > 3 * nominal for 10s clear 10s margin 0.5",
         AlertSeverity::Critical,
         AlertGrouping::Link,
         "A link's latency is more than three times its nominal latency",
         {emitEvent}},
        // The multivariate score of a node is per vector; it must hold for a while.
        {"node-behaviour-anomaly",
         "node_anomaly > 0.8 for 20s clear 30s margin 0.4",
         AlertSeverity::Info,
         AlertGrouping::Node,
         "A node's metrics together look unlike its recent past",
         {raiseRate}},
        // The univariate ensemble already integrates over a window and damps itself after a
        // detection, so a persistence time would hide what it found.
        {"link-latency-anomaly",
         "anomaly(link_latency_seconds) > 0.9 clear 30s margin 0.4",
         AlertSeverity::Info,
         AlertGrouping::Link,
         "A link's latency left its learned baseline",
         {}},
    };
    QList<AlertRule> rules;
    for (const auto &definition : definitions) {
        auto rule = AlertRule::parse(QString::fromLatin1(definition.id),
                                     QString::fromLatin1(definition.expression));
        if (!rule) {
            qCCritical(lcAnomaly).noquote()
                << "default rule" << definition.id << "is broken:" << rule.error();
            continue;
        }
        rule->severity = definition.severity;
        rule->grouping = definition.grouping;
        rule->description = QString::fromLatin1(definition.description);
        rule->remediations = definition.remediations;
        rules.append(*rule);
    }
    return rules;
}

AnomalyEngine::AnomalyEngine(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_alerts(new AlertManager(this))
{
    Q_ASSERT(engine);
    if (auto installed = m_alerts->setRules(defaultRules()); !installed)
        qCCritical(lcAnomaly).noquote() << "cannot install the default rules:" << installed.error();
    m_alerts->setEnricher([this](Alert &alert) { enrich(alert); });
    connect(m_alerts, &AlertManager::alertChanged, this, &AnomalyEngine::alertChanged);
    connect(m_alerts, &AlertManager::alertFired, this, &AnomalyEngine::runRemediations);
    connect(m_alerts, &AlertManager::eventRaised, m_engine,
            [this](const Event &event) { m_engine->publishEvent(event); });
}

AnomalyEngine::~AnomalyEngine()
{
    stop();
}

Result<void> AnomalyEngine::start()
{
    if (m_running)
        return {};
    IStateStore *store = m_engine->store();
    m_alerts->setStore(store);
    if (store && store->isOpen()) {
        // Rules first: alerts restored next belong to the rules in force.
        auto stored = store->latestAlertRules();
        if (!stored) {
            qCWarning(lcAnomaly).noquote()
                << "keeping the default alert rules: the stored ones cannot be read:"
                << stored.error();
        } else if (stored->has_value()) {
            const AlertRuleSet &set = stored->value();
            if (auto installed = setRules(set.rules); !installed)
                qCWarning(lcAnomaly).noquote() << "keeping the default alert rules: stored set"
                                               << set.revision << "is refused:" << installed.error();
            else
                qCInfo(lcAnomaly).noquote() << "restored" << set.rules.size()
                                            << "alert rules (set" << set.revision << "by"
                                            << set.createdBy << ")";
        }
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        auto active = store->activeAlerts();
        if (!active)
            return makeError(tr("cannot restore the active alerts: %1").arg(active.error()));
        auto silences = store->silences(nowMs);
        if (!silences)
            return makeError(tr("cannot restore the silences: %1").arg(silences.error()));
        m_alerts->restore(*active, *silences);
        if (!active->isEmpty() || !silences->isEmpty())
            qCInfo(lcAnomaly) << "restored" << active->size() << "active alerts and"
                              << silences->size() << "silences";
    }
    m_connections.append(connect(m_engine->telemetry(), &TelemetryHub::samplesPublished, this,
                                 &AnomalyEngine::processSamples));
    m_connections.append(connect(m_engine, &Engine::inventoryChanged, this,
                                 [this](const QList<InventoryDelta> &deltas) {
                                     ++m_inventoryGeneration;
                                     forgetRemoved(deltas);
                                 }));
    m_alerts->setSweepInterval(std::chrono::seconds(1));
    m_running = true;
    return {};
}

void AnomalyEngine::stop()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    if (m_alerts)
        m_alerts->setSweepInterval(std::chrono::milliseconds(0));
    m_running = false;
}

Result<void> AnomalyEngine::setRules(const QList<AlertRule> &rules)
{
    if (auto installed = m_alerts->setRules(rules); !installed)
        return installed;
    ++m_rulesGeneration;
    return {};
}

Result<void> AnomalyEngine::setRules(const QList<AlertRule> &rules, const QString &actor)
{
    if (actor.trimmed().isEmpty())
        return makeError(tr("changing the alert rules needs to say who"));
    if (auto valid = validateAlertRules(rules); !valid)
        return valid;
    IStateStore *store = m_engine->store();
    if (!store || !store->isOpen())
        return makeError(tr("the alert rules cannot be stored: the state store is not open"));
    QJsonArray ids;
    for (const AlertRule &rule : rules)
        ids.append(rule.id);
    auto audited = m_engine->recordAudit(actor, u"alert.rules.set"_s, u"alert-rules"_s,
                                         {{u"rules"_s, ids}, {u"count"_s, int(rules.size())}});
    if (!audited)
        return makeError(tr("cannot record the action in the audit log: %1").arg(audited.error()));
    auto stored = store->appendAlertRules(rules, actor);
    if (!stored)
        return makeError(stored.error());
    if (auto installed = setRules(rules); !installed)
        return installed; // not reached: validated above
    qCInfo(lcAnomaly).noquote() << actor << "set" << rules.size() << "alert rules (set"
                                << stored->revision << ")";
    return {};
}

QList<AlertRule> AnomalyEngine::rules() const
{
    return m_alerts->rules();
}

void AnomalyEngine::setDeployments(const QList<Deployment> &deployments)
{
    m_workloadsByNode.clear();
    for (const Deployment &deployment : deployments) {
        if (deployment.nodeId.isEmpty() || deployment.state == DeploymentState::Terminated ||
            deployment.state == DeploymentState::Failed)
            continue;
        const QString name =
            deployment.workloadId.isEmpty() ? deployment.id : deployment.workloadId;
        QStringList &names = m_workloadsByNode[deployment.nodeId];
        if (!names.contains(name))
            names.append(name);
    }
}

void AnomalyEngine::setMultivariateSettings(const HalfSpaceTreesSettings &settings)
{
    m_multivariateSettings = settings;
}

AnomalyEngine::SeriesRuntime &AnomalyEngine::seriesFor(const QString &key, const SeriesBatch &batch)
{
    auto it = m_series.find(key);
    if (it != m_series.end())
        return *it->second;
    auto series = std::make_unique<SeriesRuntime>();
    series->key = key;
    series->metric = batch.metric;
    series->labels = batch.labels;
    const QString nodeId = batch.labels.value(QLatin1StringView(MetricLabels::Node));
    if (!nodeId.isEmpty()) {
        const int feature = int(nodeFeatures().indexOf(batch.metric));
        if (feature >= 0) {
            series->feature = feature;
            series->node =
                &nodeFor(nodeId, batch.labels.value(QLatin1StringView(MetricLabels::Site)));
        }
    }
    return *m_series.emplace(key, std::move(series)).first->second;
}

void AnomalyEngine::refreshRules(SeriesRuntime &series)
{
    series.rules.clear();
    bool needsDetector = false;
    const QList<AlertRule> &rules = m_alerts->rules();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const AlertRule &rule = rules.at(i);
        if (rule.kind == AlertRuleKind::NodeAnomaly ||
            !rule.matcher.matches(series.metric, series.labels))
            continue;
        series.rules.push_back(i);
        needsDetector |= rule.kind == AlertRuleKind::SeriesAnomaly;
    }
    if (needsDetector && !series.detector) {
        series.detector = std::make_unique<UnivariateEnsemble>(
            UnivariateDetectorSettings::forFamily(metricFamilyFromName(series.metric)));
    } else if (!needsDetector) {
        series.detector.reset();
    }
    series.rulesGeneration = m_rulesGeneration;
}

AnomalyEngine::NodeRuntime &AnomalyEngine::nodeFor(const QString &nodeId, const QString &siteId)
{
    auto it = m_nodes.find(nodeId);
    if (it != m_nodes.end())
        return *it->second;
    auto node = std::make_unique<NodeRuntime>(m_multivariateSettings);
    node->nodeId = nodeId;
    node->siteId = siteId;
    node->labels.insert(QLatin1StringView(MetricLabels::Node), nodeId);
    if (!siteId.isEmpty())
        node->labels.insert(QLatin1StringView(MetricLabels::Site), siteId);
    node->seriesKey = seriesKey(QLatin1StringView(NodeAnomalyMetric), node->labels);
    return *m_nodes.emplace(nodeId, std::move(node)).first->second;
}

void AnomalyEngine::addNodeFeature(NodeRuntime &node, int feature, qint64 timestampMs, double value)
{
    if (!std::isfinite(value))
        return;
    if (timestampMs <= node.lastScoredMs) {
        // Late for its vector, which was scored already: the next vector uses it.
        if (timestampMs == node.lastScoredMs) {
            node.latest[size_t(feature)] = value;
            node.seen |= 1u << feature;
        }
        return;
    }
    int at = -1;
    for (int i = 0; i < node.slotCount; ++i) {
        if (node.slots[size_t(i)].timestampMs == timestampMs) {
            at = i;
            break;
        }
    }
    if (at < 0) {
        if (node.slotCount == PendingSlots)
            scoreOldestSlot(node);
        at = node.slotCount++;
        node.slots[size_t(at)] = NodeRuntime::Slot{timestampMs, {}, 0};
    }
    node.slots[size_t(at)].values[size_t(feature)] = value;
    node.slots[size_t(at)].mask |= 1u << feature;
}

void AnomalyEngine::scoreOldestSlot(NodeRuntime &node)
{
    if (node.slotCount == 0)
        return;
    int oldest = 0;
    for (int i = 1; i < node.slotCount; ++i) {
        if (node.slots[size_t(i)].timestampMs < node.slots[size_t(oldest)].timestampMs)
            oldest = i;
    }
    const NodeRuntime::Slot slot = node.slots[size_t(oldest)];
    node.slots[size_t(oldest)] = node.slots[size_t(node.slotCount - 1)];
    --node.slotCount;

    for (int feature = 0; feature < FeatureCount; ++feature) {
        if (slot.mask & (1u << feature))
            node.latest[size_t(feature)] = slot.values[size_t(feature)];
    }
    node.seen |= slot.mask;
    if (slot.timestampMs <= node.lastScoredMs)
        return;
    node.lastScoredMs = slot.timestampMs;
    if (node.seen != (1u << FeatureCount) - 1)
        return; // not every feature has a value yet
    NodeRuntime::Scored &scored = node.recent[size_t(node.recentNext)];
    node.recentNext = (node.recentNext + 1) % RecentScores;
    scored.timestampMs = slot.timestampMs;
    scored.score = node.trees.update(slot.timestampMs, node.latest);
    if (!(scored.score.state == ScoreState::Scored) && scored.score.state != ScoreState::WarmingUp)
        return;

    // Node-level rules see the score of this very vector, with its attribution.
    if (node.rulesGeneration != m_rulesGeneration) {
        node.rules.clear();
        const QList<AlertRule> &rules = m_alerts->rules();
        for (qsizetype i = 0; i < rules.size(); ++i) {
            if (rules.at(i).kind == AlertRuleKind::NodeAnomaly &&
                rules.at(i).matcher.matches(QString(), node.labels))
                node.rules.push_back(i);
        }
        node.rulesGeneration = m_rulesGeneration;
    }
    if (node.rules.empty() || !(scored.score.state == ScoreState::Scored))
        return;
    const QStringList features = nodeFeatures();
    AlertObservation observation;
    observation.seriesKey = node.seriesKey;
    observation.metric = QLatin1StringView(NodeAnomalyMetric);
    observation.labels = node.labels;
    observation.timestampMs = slot.timestampMs;
    observation.score = scored.score.score;
    observation.value = scored.score.score;
    observation.multivariateScore = scored.score.score;
    for (qsizetype rule : node.rules) {
        if (m_alerts->rules().at(rule).classify(observation.score) == RuleCondition::Violating &&
            observation.contributions.isEmpty()) {
            for (int feature = 0; feature < FeatureCount; ++feature) {
                const double share = scored.score.contributions.size() == size_t(FeatureCount)
                                         ? scored.score.contributions[size_t(feature)]
                                         : 0.0;
                if (share > 0.0)
                    observation.contributions.append({features.at(feature), share});
            }
        }
        m_alerts->observe(rule, observation);
    }
}

void AnomalyEngine::flushNode(NodeRuntime &node)
{
    while (node.slotCount > 0)
        scoreOldestSlot(node);
    node.dirty = false;
}

const MultivariateScore *AnomalyEngine::nodeScoreAt(const NodeRuntime &node,
                                                    qint64 timestampMs) const
{
    for (const NodeRuntime::Scored &scored : node.recent) {
        if (scored.timestampMs == timestampMs)
            return &scored.score;
    }
    return nullptr;
}

std::optional<MultivariateScore> AnomalyEngine::lastNodeScore(const QString &nodeId) const
{
    const auto it = m_nodes.find(nodeId);
    if (it == m_nodes.end())
        return std::nullopt;
    const NodeRuntime &node = *it->second;
    const auto &last = node.recent[size_t((node.recentNext + RecentScores - 1) % RecentScores)];
    if (last.timestampMs == std::numeric_limits<qint64>::min())
        return std::nullopt;
    return last.score;
}

double AnomalyEngine::nominalFor(SeriesRuntime &series)
{
    if (series.nominalGeneration == m_inventoryGeneration)
        return series.nominal;
    series.nominalGeneration = m_inventoryGeneration;
    series.nominal = std::numeric_limits<double>::quiet_NaN();
    // The inventory knows nominal values of links only (Link::latencyMs) so far.
    if (series.metric == QLatin1StringView(Metrics::LinkLatencySeconds)) {
        const QString linkId = series.labels.value(QLatin1StringView(MetricLabels::Link));
        if (const Link *link = m_engine->inventory().find<Link>(linkId);
            link && link->latencyMs > 0)
            series.nominal = link->latencyMs / 1000.0;
    }
    return series.nominal;
}

QList<FeatureContribution> AnomalyEngine::attribution(const SeriesRuntime &series,
                                                      qint64 timestampMs, double *score) const
{
    QList<FeatureContribution> contributions;
    if (!series.node)
        return contributions;
    const MultivariateScore *scored = nodeScoreAt(*series.node, timestampMs);
    if (!scored || scored->state != ScoreState::Scored)
        return contributions;
    *score = scored->score;
    if (scored->score < AttributionScoreFloor ||
        scored->contributions.size() != size_t(FeatureCount))
        return contributions;
    const QStringList features = nodeFeatures();
    for (int feature = 0; feature < FeatureCount; ++feature) {
        if (scored->contributions[size_t(feature)] > 0.0)
            contributions.append({features.at(feature), scored->contributions[size_t(feature)]});
    }
    return contributions;
}

void AnomalyEngine::processSamples(const QList<SeriesBatch> &batches)
{
    // Pass 1: node vectors, so that rules in pass 2 see the multivariate score of their sample.
    // A publish holds each series' samples in order but the series in any order: each node's
    // samples (usually one timestamp's worth) are put in time order before they form vectors.
    std::vector<SeriesRuntime *> runtimes;
    runtimes.reserve(size_t(batches.size()));
    for (const SeriesBatch &batch : batches) {
        if (batch.metric.isEmpty() || batch.samples.isEmpty()) {
            runtimes.push_back(nullptr);
            continue;
        }
        SeriesRuntime &series = seriesFor(batch.key(), batch);
        runtimes.push_back(&series);
        if (!series.node)
            continue;
        NodeRuntime &node = *series.node;
        for (const Sample &sample : batch.samples)
            node.incoming.push_back({sample.timestampMs, series.feature, sample.value});
        if (!node.dirty) {
            node.dirty = true;
            m_dirtyNodes.push_back(&node);
        }
    }
    for (NodeRuntime *node : m_dirtyNodes) {
        std::stable_sort(node->incoming.begin(), node->incoming.end(),
                         [](const NodeRuntime::Incoming &a, const NodeRuntime::Incoming &b) {
                             return a.timestampMs < b.timestampMs;
                         });
        for (const NodeRuntime::Incoming &sample : node->incoming)
            addNodeFeature(*node, sample.feature, sample.timestampMs, sample.value);
        node->incoming.clear();
        if (node->incoming.capacity() > 256)
            node->incoming.shrink_to_fit(); // after a bulk replay
        flushNode(*node);
    }
    m_dirtyNodes.clear();

    // Pass 2: univariate detectors and the rules of each series.
    const QList<AlertRule> &rules = m_alerts->rules();
    for (qsizetype i = 0; i < batches.size(); ++i) {
        SeriesRuntime *series = runtimes[size_t(i)];
        if (!series)
            continue;
        const SeriesBatch &batch = batches.at(i);
        m_samplesProcessed += batch.samples.size();
        if (series->rulesGeneration != m_rulesGeneration)
            refreshRules(*series);
        if (series->rules.empty())
            continue;
        for (const Sample &sample : batch.samples) {
            AnomalyScore score;
            if (series->detector)
                score = series->detector->update(sample.timestampMs, sample.value);
            for (qsizetype ruleIndex : series->rules) {
                const AlertRule &rule = rules.at(ruleIndex);
                AlertObservation observation;
                observation.seriesKey = series->key;
                observation.metric = series->metric;
                observation.labels = series->labels;
                observation.timestampMs = sample.timestampMs;
                observation.value = sample.value;
                if (rule.kind == AlertRuleKind::SeriesAnomaly) {
                    if (!score.isScored())
                        continue;
                    observation.score = score.score;
                    observation.expectedValue = score.expectedValue;
                } else if (rule.reference == ThresholdReference::Nominal) {
                    observation.nominal = nominalFor(*series);
                }
                const double input = rule.isScoreRule() ? observation.score : observation.value;
                if (rule.classify(input, observation.nominal) == RuleCondition::Violating)
                    observation.contributions =
                        attribution(*series, sample.timestampMs, &observation.multivariateScore);
                m_alerts->observe(ruleIndex, observation);
            }
        }
    }
}

void AnomalyEngine::enrich(Alert &alert) const
{
    const Inventory &inventory = m_engine->inventory();
    if (!alert.nodeId.isEmpty()) {
        if (const Node *node = inventory.find<Node>(alert.nodeId); node && alert.siteId.isEmpty())
            alert.siteId = node->siteId;
        alert.workloads = m_workloadsByNode.value(alert.nodeId);
    }
    if (!alert.linkId.isEmpty()) {
        if (const Link *link = inventory.find<Link>(alert.linkId))
            alert.switchIds = {link->a.id, link->b.id};
    }
}

void AnomalyEngine::runRemediations(const Alert &alert)
{
    if (alert.isSilenced()) {
        qCInfo(lcAnomaly).noquote()
            << "alert" << alert.id << "is silenced by" << alert.silencedBy << "; no remediation";
        return;
    }
    const qsizetype index = m_alerts->ruleIndex(alert.ruleId);
    if (index < 0)
        return;
    const AlertRule rule = m_alerts->rules().at(index);
    RemediationContext context;
    context.publishEvent = [this](const Event &event) { m_engine->publishEvent(event); };
    context.rateControl = m_rateControl;
    for (const RemediationSpec &spec : rule.remediations) {
        auto action = RemediationAction::create(spec, context);
        if (!action) {
            qCWarning(lcAnomaly).noquote() << "rule" << rule.id << ": remediation"
                                           << toString(spec.kind) << "is not available here";
            continue;
        }
        if (!action->appliesTo(alert))
            continue;
        QJsonObject details = action->describe(alert);
        details.insert(u"alertId"_s, alert.id);
        details.insert(u"rule"_s, alert.ruleId);
        details.insert(u"summary"_s, alert.summary);
        // No unaudited automatic action: the audit entry is committed before the action runs.
        auto audited = m_engine->recordAudit(QLatin1StringView(Actor), action->auditAction(),
                                             action->target(alert), details);
        if (!audited) {
            qCWarning(lcAnomaly).noquote()
                << "remediation" << action->auditAction() << "for alert" << alert.id
                << "not run: cannot audit it:" << audited.error();
            continue;
        }
        auto done = action->execute(alert);
        if (done)
            qCInfo(lcAnomaly).noquote() << "remediation" << action->auditAction() << ":" << *done;
        else
            qCWarning(lcAnomaly).noquote() << "remediation" << action->auditAction() << "for alert"
                                           << alert.id << "failed:" << done.error();
    }
}

void AnomalyEngine::forgetRemoved(const QList<InventoryDelta> &deltas)
{
    for (const InventoryDelta &delta : deltas) {
        if (delta.operation != DeltaOperation::Remove)
            continue;
        const char *label = delta.kind == EntityKind::Node   ? MetricLabels::Node
                            : delta.kind == EntityKind::Link ? MetricLabels::Link
                                                             : nullptr;
        if (!label)
            continue;
        for (auto it = m_series.begin(); it != m_series.end();) {
            if (it->second->labels.value(QLatin1StringView(label)) == delta.id)
                it = m_series.erase(it);
            else
                ++it;
        }
        if (delta.kind == EntityKind::Node) {
            auto node = m_nodes.find(delta.id);
            if (node != m_nodes.end()) {
                std::erase(m_dirtyNodes, node->second.get());
                m_nodes.erase(node);
            }
        }
    }
}

Result<Alert> AnomalyEngine::acknowledge(const QString &alertId, const QString &actor)
{
    const auto alert = m_alerts->activeAlert(alertId);
    if (!alert)
        return makeError(tr("no active alert \"%1\"").arg(alertId));
    if (actor.trimmed().isEmpty())
        return makeError(tr("an acknowledgement needs to say who"));
    auto audited = m_engine->recordAudit(actor, u"alert.acknowledge"_s, alert->subjectId(),
                                         {{u"alertId"_s, alertId}, {u"rule"_s, alert->ruleId}});
    if (!audited)
        return makeError(tr("cannot record the action in the audit log: %1").arg(audited.error()));
    return m_alerts->acknowledge(alertId, actor);
}

Result<Silence> AnomalyEngine::addSilence(const Labels &matchers, const QString &actor,
                                          const QString &comment, qint64 untilMs)
{
    Silence silence;
    silence.matchers = matchers;
    silence.createdBy = actor;
    silence.comment = comment;
    silence.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    silence.startsAtMs = silence.createdAtMs;
    silence.endsAtMs = untilMs;
    if (auto valid = silence.validate(); !valid)
        return makeError(valid.error());
    silence.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto audited = m_engine->recordAudit(
        actor, u"silence.create"_s, seriesKey({}, matchers),
        {{u"silenceId"_s, silence.id}, {u"comment"_s, comment}, {u"untilMs"_s, double(untilMs)}});
    if (!audited)
        return makeError(tr("cannot record the action in the audit log: %1").arg(audited.error()));
    return m_alerts->addSilence(silence);
}

Result<Silence> AnomalyEngine::expireSilence(const QString &silenceId, const QString &actor)
{
    const QList<Silence> active = m_alerts->silences();
    const bool known = std::any_of(active.cbegin(), active.cend(),
                                   [&](const Silence &s) { return s.id == silenceId; });
    if (!known)
        return makeError(tr("no active silence \"%1\"").arg(silenceId));
    auto audited = m_engine->recordAudit(actor, u"silence.expire"_s, silenceId, {});
    if (!audited)
        return makeError(tr("cannot record the action in the audit log: %1").arg(audited.error()));
    return m_alerts->expireSilence(silenceId, actor);
}

QList<Alert> AnomalyEngine::activeAlerts() const
{
    return m_alerts->activeAlerts();
}

QList<Silence> AnomalyEngine::silences() const
{
    return m_alerts->silences();
}

Result<QList<Alert>> AnomalyEngine::alertHistory(qint64 fromMs, int limit) const
{
    IStateStore *store = m_engine->store();
    if (!store || !store->isOpen())
        return makeError(tr("the state store is not open"));
    return store->alertHistory(fromMs, limit);
}

qsizetype AnomalyEngine::detectorMemoryBytes() const
{
    qsizetype bytes = 0;
    for (const auto &[key, series] : m_series) {
        if (series->detector)
            bytes += series->detector->memoryBytes();
    }
    for (const auto &[key, node] : m_nodes)
        bytes += node->trees.memoryBytes();
    return bytes;
}

} // namespace Continuo
