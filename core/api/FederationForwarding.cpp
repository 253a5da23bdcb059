#include "api/FederationForwarding.h"

#include <algorithm>

namespace Continuo::Api {

bool ForwardingRule::matches(const QString &metric, const Labels &labels) const
{
    return std::any_of(matchers.cbegin(), matchers.cend(),
                       [&](const SeriesMatcher &matcher) { return matcher.matches(metric, labels); });
}

ForwardingPolicy::ForwardingPolicy(std::chrono::milliseconds defaultInterval)
    : m_defaultInterval(std::max(defaultInterval, std::chrono::milliseconds(1)))
{
}

void ForwardingPolicy::setDefaultInterval(std::chrono::milliseconds interval)
{
    interval = std::max(interval, std::chrono::milliseconds(1));
    if (interval == m_defaultInterval)
        return;
    m_defaultInterval = interval;
    ++m_generation;
}

Result<void> ForwardingPolicy::apply(const ForwardingRule &rule, qint64 nowMs)
{
    if (rule.id.isEmpty())
        return makeError(QStringLiteral("the rule has no id"));
    if (rule.matchers.isEmpty())
        return makeError(QStringLiteral("rule %1 selects no series").arg(rule.id));
    if (rule.kind == ForwardingRule::Kind::Unknown)
        return makeError(QStringLiteral("rule %1 is neither a rate nor a stream").arg(rule.id));
    if (rule.kind == ForwardingRule::Kind::Rate && rule.interval.count() <= 0)
        return makeError(QStringLiteral("rate rule %1 needs a positive interval").arg(rule.id));
    if (rule.isExpired(nowMs))
        return makeError(QStringLiteral("rule %1 has already expired").arg(rule.id));
    auto it = std::find_if(m_rules.begin(), m_rules.end(),
                           [&](const ForwardingRule &r) { return r.id == rule.id; });
    if (it != m_rules.end())
        *it = rule;
    else
        m_rules.append(rule);
    ++m_generation;
    return {};
}

bool ForwardingPolicy::remove(const QString &id)
{
    const auto removed = m_rules.removeIf([&](const ForwardingRule &r) { return r.id == id; });
    if (removed == 0)
        return false;
    ++m_generation;
    return true;
}

QStringList ForwardingPolicy::expire(qint64 nowMs)
{
    QStringList expired;
    for (const auto &rule : std::as_const(m_rules)) {
        if (rule.isExpired(nowMs))
            expired.append(rule.id);
    }
    if (expired.isEmpty())
        return expired;
    m_rules.removeIf([&](const ForwardingRule &r) { return r.isExpired(nowMs); });
    ++m_generation;
    return expired;
}

ForwardingDecision ForwardingPolicy::decide(const QString &metric, const Labels &labels,
                                            qint64 nowMs) const
{
    ForwardingDecision decision{ForwardingMode::Aggregate, m_defaultInterval};
    bool rated = false;
    for (const auto &rule : m_rules) {
        if (rule.isExpired(nowMs) || !rule.matches(metric, labels))
            continue;
        if (rule.kind == ForwardingRule::Kind::Stream)
            return {ForwardingMode::Raw, std::chrono::milliseconds(0)};
        if (!rated || rule.interval < decision.interval)
            decision.interval = rule.interval;
        rated = true;
    }
    return decision;
}

qint64 ForwardingPolicy::nextExpiryMs() const
{
    qint64 next = 0;
    for (const auto &rule : m_rules) {
        if (rule.expiresAtMs > 0 && (next == 0 || rule.expiresAtMs < next))
            next = rule.expiresAtMs;
    }
    return next;
}

Preaggregator::Preaggregator(ForwardingPolicy *policy, std::chrono::milliseconds grace)
    : m_policy(policy)
    , m_grace(grace)
{
    Q_ASSERT(policy);
}

qsizetype Preaggregator::streamedSeriesCount() const
{
    return std::count_if(m_series.cbegin(), m_series.cend(), [](const Window &window) {
        return window.decision.mode == ForwardingMode::Raw;
    });
}

void Preaggregator::close(Window &window, Output &out)
{
    if (window.index >= 0 && window.count > 0) {
        const qint64 at = window.last.timestampMs;
        out.aggregated.append(SeriesBatch{window.metric, window.labels, {window.last}});
        out.aggregated.append(SeriesBatch{window.metric + QLatin1String(AverageSuffix), window.labels,
                                          {Sample{at, window.sum / window.count}}});
        out.aggregated.append(SeriesBatch{window.metric + QLatin1String(MaximumSuffix), window.labels,
                                          {Sample{at, window.maximum}}});
        window.lastClosedIndex = std::max(window.lastClosedIndex, window.index);
    }
    window.index = -1;
    window.count = 0;
    window.sum = 0.0;
    window.maximum = 0.0;
}

void Preaggregator::decide(Window &window, qint64 nowMs, Output &out)
{
    if (window.generation == m_policy->generation())
        return;
    window.generation = m_policy->generation();
    const ForwardingDecision decision = m_policy->decide(window.metric, window.labels, nowMs);
    if (decision == window.decision)
        return;
    // What was gathered under the old decision goes up as it is; the next window starts fresh.
    close(window, out);
    window.lastClosedIndex = -1;
    window.decision = decision;
}

Preaggregator::Output Preaggregator::add(const QList<SeriesBatch> &batches, qint64 nowMs)
{
    Output out;
    for (const auto &batch : batches) {
        if (batch.metric.isEmpty() || batch.samples.isEmpty())
            continue;
        if (batch.labels.contains(QLatin1String(AgentLabel))) {
            out.raw.append(batch);
            continue;
        }
        const QString key = batch.key();
        auto it = m_series.find(key);
        if (it == m_series.end())
            it = m_series.insert(key, Window{batch.metric, batch.labels});
        Window &window = it.value();
        decide(window, nowMs, out);
        if (window.decision.mode == ForwardingMode::Raw) {
            out.raw.append(batch);
            continue;
        }
        const qint64 intervalMs = std::max<qint64>(1, window.decision.interval.count());
        for (const auto &sample : batch.samples) {
            // A sample for a window already sent (it came late) joins the next one: the central
            // keeps only samples newer than the last it has, so nothing is sent twice.
            const qint64 index = std::max(sample.timestampMs / intervalMs, window.lastClosedIndex + 1);
            if (window.index >= 0 && index != window.index)
                close(window, out);
            if (window.index < 0)
                window.index = index;
            window.maximum = window.count == 0 ? sample.value : std::max(window.maximum, sample.value);
            window.sum += sample.value;
            ++window.count;
            window.last = sample;
        }
    }
    return out;
}

Preaggregator::Output Preaggregator::flush(qint64 nowMs, Flush which)
{
    Output out;
    for (auto &window : m_series) {
        decide(window, nowMs, out);
        if (window.index < 0 || window.decision.mode != ForwardingMode::Aggregate)
            continue;
        const qint64 intervalMs = std::max<qint64>(1, window.decision.interval.count());
        const qint64 endMs = (window.index + 1) * intervalMs;
        if (which == Flush::All || nowMs >= endMs + m_grace.count())
            close(window, out);
    }
    return out;
}

} // namespace Continuo::Api
