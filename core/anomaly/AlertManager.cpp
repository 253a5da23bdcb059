#include "anomaly/AlertManager.h"

#include "anomaly/AnomalyLogging.h"
#include "store/IStateStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Continuo {

namespace {

/// Series recorded on one alert (the rest still count, they are just not listed).
constexpr qsizetype MaxSeriesPerAlert = 32;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isMoreExtreme(ComparisonOperator op, double candidate, double current)
{
    if (std::isnan(current))
        return !std::isnan(candidate);
    if (op == ComparisonOperator::Less || op == ComparisonOperator::LessOrEqual)
        return candidate < current;
    return candidate > current;
}

QString percent(double share)
{
    return QString::number(std::lround(share * 100.0)) + " %"_L1;
}

} // namespace

namespace Internal {

QString metricDisplayName(const QString &metric)
{
    if (metric == QLatin1StringView(Metrics::NodeCpuUtilisation))
        return u"CPU"_s;
    if (metric == QLatin1StringView(Metrics::NodeMemoryUtilisation) ||
        metric == QLatin1StringView(Metrics::NodeMemoryUsedBytes))
        return u"memory"_s;
    if (metric == QLatin1StringView(Metrics::NodeNetworkReceiveBytesRate))
        return u"network receive"_s;
    if (metric == QLatin1StringView(Metrics::NodeNetworkTransmitBytesRate))
        return u"network transmit"_s;
    if (metric == QLatin1StringView(Metrics::LinkLatencySeconds))
        return u"latency"_s;
    if (metric == QLatin1StringView(Metrics::LinkUtilisation))
        return u"utilisation"_s;
    return metric;
}

QString featureShortName(const QString &metric)
{
    if (metric == QLatin1StringView(Metrics::NodeCpuUtilisation))
        return u"cpu"_s;
    if (metric == QLatin1StringView(Metrics::NodeMemoryUtilisation))
        return u"memory"_s;
    if (metric == QLatin1StringView(Metrics::NodeNetworkReceiveBytesRate))
        return u"net-rx"_s;
    if (metric == QLatin1StringView(Metrics::NodeNetworkTransmitBytesRate))
        return u"net-tx"_s;
    return metricDisplayName(metric);
}

QString formatMetricValue(const QString &metric, double value)
{
    if (!std::isfinite(value))
        return u"n/a"_s;
    if (metric.contains("utilisation"_L1) || metric.contains("utilization"_L1))
        return QString::number(std::lround(value * 100.0)) + " %"_L1;
    if (metric.endsWith("_seconds"_L1)) {
        if (std::abs(value) < 1.0)
            return QString::number(value * 1000.0, 'g', 3) + " ms"_L1;
        return QString::number(value, 'g', 3) + " s"_L1;
    }
    if (metric.contains("bytes"_L1)) {
        const char *units[] = {"B", "kB", "MB", "GB", "TB"};
        int unit = 0;
        double scaled = value;
        while (std::abs(scaled) >= 1000.0 && unit < 4) {
            scaled /= 1000.0;
            ++unit;
        }
        const QString suffix = metric.endsWith("_rate"_L1) ? u"/s"_s : QString();
        return QString::number(scaled, 'g', 3) + u' ' + QLatin1StringView(units[unit]) + suffix;
    }
    return QString::number(value, 'g', 4);
}

QString formatElapsed(qint64 milliseconds)
{
    qint64 seconds = std::max<qint64>(0, (milliseconds + 500) / 1000);
    if (seconds < 60)
        return QString::number(seconds) + " s"_L1;
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    seconds %= 60;
    QString text;
    if (hours > 0)
        text += QString::number(hours) + " h"_L1;
    if (minutes > 0)
        text += (text.isEmpty() ? QString() : u" "_s) + QString::number(minutes) + " min"_L1;
    if (seconds > 0 && hours == 0)
        text += (text.isEmpty() ? QString() : u" "_s) + QString::number(seconds) + " s"_L1;
    return text;
}

} // namespace Internal

AlertManager::AlertManager(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<Continuo::Alert>();
    qRegisterMetaType<Continuo::Silence>();
    m_sweepTimer.setInterval(std::chrono::seconds(1));
    m_sweepTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_sweepTimer, &QTimer::timeout, this, &AlertManager::sweep);
    m_sweepTimer.start();
}

AlertManager::~AlertManager() = default;

void AlertManager::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

void AlertManager::setSweepInterval(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        m_sweepTimer.stop();
        return;
    }
    m_sweepTimer.setInterval(interval);
    m_sweepTimer.start();
}

QString AlertManager::stateKey(const QString &ruleId, const QString &seriesKey)
{
    return ruleId + u'\n' + seriesKey;
}

Result<void> AlertManager::setRules(const QList<AlertRule> &rules)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const AlertRule &rule = rules.at(i);
        if (auto valid = rule.validate(); !valid)
            return valid;
        if (index.contains(rule.id))
            return makeError(u"two rules have the id %1"_s.arg(rule.id));
        index.insert(rule.id, i);
    }
    // Alerts of rules that are gone (or changed beyond recognition) end now.
    const qint64 nowMs = now();
    const QStringList keys = m_active.keys();
    for (const QString &key : keys) {
        const QString ruleId = m_active.value(key).alert.ruleId;
        const qsizetype newIndex = index.value(ruleId, -1);
        const qsizetype oldIndex = ruleIndex(ruleId);
        if (newIndex >= 0 && oldIndex >= 0 && rules.at(newIndex).kind == m_rules.at(oldIndex).kind)
            continue;
        resolve(nullptr, key, nowMs, tr("rule %1 was removed").arg(ruleId));
    }
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!m_active.contains(it->alertKey))
            it = m_series.erase(it);
        else
            ++it;
    }
    m_rules = rules;
    m_ruleIndex = std::move(index);
    return {};
}

qsizetype AlertManager::ruleIndex(const QString &ruleId) const
{
    return m_ruleIndex.value(ruleId, -1);
}

void AlertManager::observe(const QString &ruleId, const AlertObservation &observation)
{
    const qsizetype index = ruleIndex(ruleId);
    if (index >= 0)
        observe(index, observation);
}

void AlertManager::observe(qsizetype index, const AlertObservation &observation)
{
    if (index < 0 || index >= m_rules.size())
        return;
    const AlertRule &rule = m_rules.at(index);
    const double input = rule.isScoreRule() ? observation.score : observation.value;
    const RuleCondition condition = rule.classify(input, observation.nominal);
    if (condition == RuleCondition::Unknown)
        return;

    const QString key = stateKey(rule.id, observation.seriesKey);
    QString createdKey;
    auto it = m_series.find(key);
    if (it == m_series.end()) {
        // Most samples of most series land here: nothing is wrong and nothing was.
        if (condition != RuleCondition::Violating)
            return;
        const QString groupKey = rule.groupKeyFor(observation.labels, observation.seriesKey);
        const QString alertKey = stateKey(rule.id, groupKey);
        SeriesState state;
        state.state = AlertState::Pending;
        state.violatingSinceMs = observation.timestampMs;
        state.alertKey = alertKey;
        it = m_series.insert(key, state);
        if (!m_active.contains(alertKey)) {
            createAlert(rule, observation, alertKey, groupKey);
            createdKey = alertKey;
        }
    }
    SeriesState &state = *it;
    state.lastSeenWallMs = now();

    AlertState next = state.state;
    switch (state.state) {
    case AlertState::Pending:
        if (condition != RuleCondition::Violating)
            next = AlertState::Unknown; // cancelled before it persisted long enough
        else if (observation.timestampMs - state.violatingSinceMs >= rule.forDuration.count())
            next = AlertState::Firing;
        break;
    case AlertState::Firing:
        if (condition != RuleCondition::Clearing) {
            state.clearingSinceMs = -1;
        } else {
            if (state.clearingSinceMs < 0)
                state.clearingSinceMs = observation.timestampMs;
            if (observation.timestampMs - state.clearingSinceMs >= rule.clearDuration.count())
                next = AlertState::Unknown;
        }
        break;
    case AlertState::Unknown:
    case AlertState::Resolved:
        next = AlertState::Unknown;
        break;
    }
    state.state = next;

    const QString alertKey = state.alertKey;
    auto active = m_active.find(alertKey);
    if (next == AlertState::Unknown)
        m_series.erase(it);
    if (active == m_active.end())
        return;
    updateAlert(rule, *active, observation.seriesKey, next, observation);
    if (!createdKey.isEmpty()) {
        // A new alert that waits for its persistence time: let watchers show it as pending.
        auto created = m_active.find(createdKey);
        if (created != m_active.end() && created->alert.state == AlertState::Pending) {
            applySilences(created->alert);
            Q_EMIT alertChanged(created->alert);
        }
    }
}

AlertManager::ActiveAlert &AlertManager::createAlert(const AlertRule &rule,
                                                     const AlertObservation &observation,
                                                     const QString &alertKey,
                                                     const QString &groupKey)
{
    ActiveAlert active;
    Alert &alert = active.alert;
    alert.id = newId();
    alert.ruleId = rule.id;
    alert.state = AlertState::Pending;
    alert.severity = rule.severity;
    alert.groupKey = groupKey;
    alert.nodeId = observation.labels.value(QLatin1StringView(MetricLabels::Node));
    alert.linkId = observation.labels.value(QLatin1StringView(MetricLabels::Link));
    alert.siteId = observation.labels.value(QLatin1StringView(MetricLabels::Site));
    // A site-wide alert is not about one node or link.
    const AlertGrouping grouping = rule.groupingFor(observation.labels);
    if (grouping == AlertGrouping::Site) {
        alert.nodeId.clear();
        alert.linkId.clear();
    }
    alert.metrics = {observation.metric};
    alert.labels = observation.labels;
    alert.labels.insert(u"rule"_s, rule.id);
    alert.labels.insert(u"severity"_s, toString(rule.severity));
    alert.startedAtMs = observation.timestampMs;
    alert.updatedAtMs = now();
    alert.threshold = rule.effectiveThreshold(observation.nominal);
    alert.score = observation.multivariateScore;
    if (!observation.contributions.isEmpty()) {
        alert.contributions = observation.contributions;
        std::sort(alert.contributions.begin(), alert.contributions.end(),
                  [](const FeatureContribution &a, const FeatureContribution &b) {
                      return a.share > b.share;
                  });
        // The metrics involved, most relevant first: the rule's own, then the big contributors.
        for (const FeatureContribution &contribution : std::as_const(alert.contributions)) {
            if (contribution.share >= 0.1 && !alert.metrics.contains(contribution.feature))
                alert.metrics.append(contribution.feature);
        }
    } else {
        alert.contributions = {{observation.metric, 1.0}};
    }
    if (m_enricher)
        m_enricher(alert);
    active.lastSeenWallMs = now();
    return *m_active.insert(alertKey, std::move(active));
}

void AlertManager::updateAlert(const AlertRule &rule, ActiveAlert &active, const QString &seriesKey,
                               AlertState memberState, const AlertObservation &observation)
{
    Alert &alert = active.alert;
    active.lastSeenWallMs = now();
    const double input = rule.isScoreRule() ? observation.score : observation.value;
    alert.value = input;
    if (memberState != AlertState::Unknown && isMoreExtreme(rule.op, input, alert.peakValue))
        alert.peakValue = input;
    if (memberState == AlertState::Unknown) {
        active.members.remove(seriesKey);
    } else {
        active.members.insert(seriesKey, memberState);
        if (!alert.seriesKeys.contains(seriesKey) && alert.seriesKeys.size() < MaxSeriesPerAlert)
            alert.seriesKeys.append(seriesKey);
    }

    const QString alertKey = stateKey(rule.id, alert.groupKey);
    if (active.members.isEmpty()) {
        resolve(&rule, alertKey, observation.timestampMs, {});
        return;
    }
    if (alert.state == AlertState::Pending && memberState == AlertState::Firing)
        fire(&rule, active, observation.timestampMs);
}

void AlertManager::fire(const AlertRule *rule, ActiveAlert &active, qint64 timestampMs)
{
    Alert &alert = active.alert;
    alert.state = AlertState::Firing;
    alert.firedAtMs = timestampMs;
    alert.updatedAtMs = now();
    applySilences(alert);
    alert.summary = describe(rule, alert, {});
    persist(alert);
    qCInfo(lcAnomaly).noquote() << "alert firing:" << alert.summary
                                << (alert.isSilenced() ? "(silenced)" : "");
    // Receivers may change the active set; keep a copy rather than a reference into it.
    const Alert fired = alert;
    Q_EMIT alertChanged(fired);
    if (!fired.isSilenced())
        raiseEvent(fired, u"alert_firing"_s);
    Q_EMIT alertFired(fired);
}

void AlertManager::resolve(const AlertRule *rule, const QString &alertKey, qint64 timestampMs,
                           const QString &reason)
{
    auto it = m_active.find(alertKey);
    if (it == m_active.end())
        return;
    ActiveAlert active = std::move(*it);
    m_active.erase(it);
    for (const QString &seriesKey : active.members.keys())
        m_series.remove(stateKey(active.alert.ruleId, seriesKey));
    Alert &alert = active.alert;
    const bool fired = alert.state == AlertState::Firing;
    alert.state = AlertState::Resolved;
    alert.resolvedAtMs = std::max(timestampMs, alert.firedAtMs);
    alert.updatedAtMs = now();
    if (!fired) {
        // A pending alert that never fired leaves no history; watchers drop it.
        Q_EMIT alertChanged(alert);
        return;
    }
    applySilences(alert);
    alert.summary = describe(rule, alert, reason);
    persist(alert);
    qCInfo(lcAnomaly).noquote() << "alert resolved:" << alert.summary;
    Q_EMIT alertChanged(alert);
    if (!alert.isSilenced())
        raiseEvent(alert, u"alert_resolved"_s);
}

bool AlertManager::applySilences(Alert &alert) const
{
    const qint64 nowMs = now();
    QString silencedBy;
    QStringList ids = m_silences.keys();
    std::sort(ids.begin(), ids.end());
    for (const QString &id : std::as_const(ids)) {
        const Silence &silence = m_silences[id];
        if (silence.isActiveAt(nowMs) && silence.matches(alert.labels)) {
            silencedBy = silence.id;
            break;
        }
    }
    if (silencedBy == alert.silencedBy)
        return false;
    alert.silencedBy = silencedBy;
    return true;
}

void AlertManager::reapplySilences()
{
    QList<Alert> changed;
    for (ActiveAlert &active : m_active) {
        if (applySilences(active.alert)) {
            active.alert.updatedAtMs = now();
            if (active.alert.state == AlertState::Firing)
                persist(active.alert);
            changed.append(active.alert);
        }
    }
    for (const Alert &alert : std::as_const(changed))
        Q_EMIT alertChanged(alert);
}

void AlertManager::persist(const Alert &alert)
{
    if (m_store && m_store->isOpen())
        m_store->writeAlert(alert);
}

void AlertManager::raiseEvent(const Alert &alert, const QString &what)
{
    Event event;
    event.type = QLatin1StringView(EventTypes::ResourcesStatus);
    event.severity =
        alert.state == AlertState::Resolved ? EventSeverity::Info : eventSeverityOf(alert.severity);
    event.source = u"anomaly"_s;
    event.subjectId = alert.subjectId();
    event.message = alert.summary;
    QJsonArray contributions;
    for (const FeatureContribution &contribution : alert.contributions)
        contributions.append(
            QJsonObject{{u"feature"_s, contribution.feature}, {u"share"_s, contribution.share}});
    event.payload = {
        {u"resource_id"_s, alert.subjectId()},
        {u"event"_s, what},
        {u"alertId"_s, alert.id},
        {u"rule"_s, alert.ruleId},
        {u"state"_s, toString(alert.state)},
        {u"severity"_s, toString(alert.severity)},
        {u"metrics"_s, QJsonArray::fromStringList(alert.metrics)},
        {u"contributions"_s, contributions},
        {u"workloads"_s, QJsonArray::fromStringList(alert.workloads)},
        {u"alert"_s, toJson(alert)},
    };
    Q_EMIT eventRaised(event);
}

QString AlertManager::describe(const AlertRule *rule, const Alert &alert,
                               const QString &reason) const
{
    const QString subject = alert.subjectId();
    const QString metric = alert.metrics.value(0);
    const QString ruleText = tr("(rule %1)").arg(alert.ruleId);
    QString text;
    if (alert.state == AlertState::Resolved) {
        text = tr("%1: resolved after %2 %3")
                   .arg(subject, Internal::formatElapsed(alert.resolvedAtMs - alert.firedAtMs),
                        ruleText);
        if (!reason.isEmpty())
            text += u"; "_s + reason;
        else if (rule && !rule->isScoreRule())
            text += tr("; %1 now %2")
                        .arg(Internal::metricDisplayName(metric),
                             Internal::formatMetricValue(metric, alert.value));
        return text;
    }

    const QString elapsed = Internal::formatElapsed(alert.firedAtMs - alert.startedAtMs);
    const AlertRuleKind kind = rule ? rule->kind : AlertRuleKind::Threshold;
    switch (kind) {
    case AlertRuleKind::NodeAnomaly:
        text = tr("%1: unusual behaviour (score %2) for %3 %4")
                   .arg(subject, QString::number(alert.peakValue, 'f', 2), elapsed, ruleText);
        break;
    case AlertRuleKind::SeriesAnomaly:
        text = tr("%1: %2 anomalous (score %3) for %4 %5")
                   .arg(subject, Internal::metricDisplayName(metric),
                        QString::number(alert.peakValue, 'f', 2), elapsed, ruleText);
        break;
    case AlertRuleKind::Threshold:
    case AlertRuleKind::Unknown: {
        QString value = Internal::formatMetricValue(metric, alert.value);
        if (rule && rule->reference == ThresholdReference::Nominal && rule->threshold > 0.0) {
            const double nominal = alert.threshold / rule->threshold;
            if (nominal > 0.0 && std::isfinite(alert.value))
                value += tr(" (%1× nominal %2)")
                             .arg(QString::number(alert.value / nominal, 'f', 1),
                                  Internal::formatMetricValue(metric, nominal));
        }
        text = tr("%1: %2 %3 for %4 %5")
                   .arg(subject, Internal::metricDisplayName(metric), value, elapsed, ruleText);
        break;
    }
    }
    // Attribution: the largest contributors of the multivariate score of the anomalous sample.
    QStringList parts;
    for (const FeatureContribution &contribution : alert.contributions) {
        if (parts.size() == 2 || (!parts.isEmpty() && contribution.share < 0.1))
            break;
        parts.append(parts.isEmpty()
                         ? tr("%1 contributed %2")
                               .arg(Internal::featureShortName(contribution.feature),
                                    percent(contribution.share))
                         : tr("%1 %2").arg(Internal::featureShortName(contribution.feature),
                                           percent(contribution.share)));
    }
    if (!parts.isEmpty())
        text += u"; "_s + parts.join(u", "_s);
    if (!alert.switchIds.isEmpty())
        text += tr("; switches %1").arg(alert.switchIds.join(u", "_s));
    if (!alert.workloads.isEmpty())
        text += tr("; workloads %1").arg(alert.workloads.join(u", "_s));
    return text;
}

QList<Alert> AlertManager::activeAlerts() const
{
    QList<Alert> alerts;
    alerts.reserve(m_active.size());
    for (const ActiveAlert &active : m_active)
        alerts.append(active.alert);
    std::sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) {
        return a.startedAtMs != b.startedAtMs ? a.startedAtMs < b.startedAtMs : a.id < b.id;
    });
    return alerts;
}

std::optional<Alert> AlertManager::activeAlert(const QString &alertId) const
{
    for (const ActiveAlert &active : m_active) {
        if (active.alert.id == alertId)
            return active.alert;
    }
    return std::nullopt;
}

std::optional<Alert> AlertManager::activeAlert(const QString &ruleId, const QString &groupKey) const
{
    const auto it = m_active.constFind(stateKey(ruleId, groupKey));
    if (it == m_active.cend())
        return std::nullopt;
    return it->alert;
}

Result<Alert> AlertManager::acknowledge(const QString &alertId, const QString &who)
{
    if (who.trimmed().isEmpty())
        return makeError(tr("an acknowledgement needs to say who"));
    for (ActiveAlert &active : m_active) {
        if (active.alert.id != alertId)
            continue;
        Alert &alert = active.alert;
        alert.acknowledgedBy = who;
        alert.acknowledgedAtMs = now();
        alert.updatedAtMs = alert.acknowledgedAtMs;
        if (alert.state == AlertState::Firing)
            persist(alert);
        const Alert acknowledged = alert;
        Q_EMIT alertChanged(acknowledged);
        return acknowledged;
    }
    return makeError(tr("no active alert \"%1\"").arg(alertId));
}

Result<Silence> AlertManager::addSilence(Silence silence)
{
    const qint64 nowMs = now();
    if (silence.id.isEmpty())
        silence.id = newId();
    if (silence.createdAtMs == 0)
        silence.createdAtMs = nowMs;
    if (silence.startsAtMs == 0)
        silence.startsAtMs = nowMs;
    if (auto valid = silence.validate(); !valid)
        return makeError(valid.error());
    if (silence.endsAtMs <= nowMs)
        return makeError(tr("the silence would already be over"));
    if (m_silences.contains(silence.id))
        return makeError(tr("a silence with id %1 exists").arg(silence.id));
    m_silences.insert(silence.id, silence);
    if (m_store && m_store->isOpen())
        m_store->writeSilence(silence);
    qCInfo(lcAnomaly).noquote()
        << "silence" << silence.id << "by" << silence.createdBy << "until"
        << QDateTime::fromMSecsSinceEpoch(silence.endsAtMs).toString(Qt::ISODate) << ":"
        << silence.comment;
    Q_EMIT silenceChanged(silence);
    reapplySilences();
    return silence;
}

Result<Silence> AlertManager::expireSilence(const QString &silenceId, const QString &who)
{
    auto it = m_silences.find(silenceId);
    if (it == m_silences.end())
        return makeError(tr("no active silence \"%1\"").arg(silenceId));
    Silence silence = *it;
    m_silences.erase(it);
    silence.endsAtMs = std::max(silence.startsAtMs + 1, now());
    silence.expiredBy = who;
    if (m_store && m_store->isOpen())
        m_store->writeSilence(silence);
    Q_EMIT silenceChanged(silence);
    reapplySilences();
    return silence;
}

QList<Silence> AlertManager::silences() const
{
    QList<Silence> result = m_silences.values();
    std::sort(result.begin(), result.end(), [](const Silence &a, const Silence &b) {
        return a.createdAtMs != b.createdAtMs ? a.createdAtMs < b.createdAtMs : a.id < b.id;
    });
    return result;
}

void AlertManager::restore(const QList<Alert> &alerts, const QList<Silence> &silences)
{
    const qint64 nowMs = now();
    for (const Silence &silence : silences) {
        if (silence.endsAtMs > nowMs && !m_silences.contains(silence.id))
            m_silences.insert(silence.id, silence);
    }
    for (const Alert &alert : alerts) {
        if (!alert.isActive() || ruleIndex(alert.ruleId) < 0)
            continue;
        const QString alertKey = stateKey(alert.ruleId, alert.groupKey);
        if (m_active.contains(alertKey))
            continue;
        ActiveAlert active;
        active.alert = alert;
        active.lastSeenWallMs = nowMs;
        applySilences(active.alert);
        // Its series resume where they were: firing, with hysteresis still to pass.
        for (const QString &seriesKey : alert.seriesKeys) {
            SeriesState state;
            state.state = alert.state;
            state.violatingSinceMs = alert.startedAtMs;
            state.lastSeenWallMs = nowMs;
            state.alertKey = alertKey;
            m_series.insert(stateKey(alert.ruleId, seriesKey), state);
            active.members.insert(seriesKey, alert.state);
        }
        if (active.members.isEmpty())
            active.members.insert(alert.groupKey, alert.state); // resolved by staleness only
        m_active.insert(alertKey, active);
        Q_EMIT alertChanged(active.alert);
    }
}

void AlertManager::sweep()
{
    const qint64 nowMs = now();
    for (auto it = m_silences.begin(); it != m_silences.end();) {
        if (it->endsAtMs <= nowMs) {
            qCInfo(lcAnomaly).noquote() << "silence" << it->id << "ended";
            const Silence ended = *it;
            it = m_silences.erase(it);
            Q_EMIT silenceChanged(ended);
        } else {
            ++it;
        }
    }
    // Silences that ended or began since the last sweep change the alerts' flags.
    reapplySilences();

    if (m_staleAfter.count() <= 0)
        return;
    QStringList stale;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (nowMs - it->lastSeenWallMs >= m_staleAfter.count())
            stale.append(it.key());
    }
    for (const QString &key : std::as_const(stale)) {
        const ActiveAlert &active = m_active[key];
        const qsizetype index = ruleIndex(active.alert.ruleId);
        const qint64 lastSampleMs = std::max(active.alert.firedAtMs, active.alert.startedAtMs);
        resolve(index >= 0 ? &m_rules.at(index) : nullptr, key,
                lastSampleMs + (nowMs - active.lastSeenWallMs),
                tr("no data for %1").arg(Internal::formatElapsed(nowMs - active.lastSeenWallMs)));
    }
}

} // namespace Continuo
