#include "network/SlaMonitor.h"

#include <array>
#include <cmath>

namespace Continuo {

namespace {

constexpr int BucketCount = 10;
constexpr double NsPerMs = 1e6;

quint64 steadyNowNs()
{
    return quint64(std::chrono::duration_cast<std::chrono::nanoseconds>(
                       std::chrono::steady_clock::now().time_since_epoch())
                       .count());
}

/// Sliding window of hop latencies: BucketCount buckets of windowNs / BucketCount, each
/// tagged with the bucket epoch it holds, so stale buckets are reset lazily on reuse.
struct LatencyWindow
{
    struct Bucket
    {
        qint64 epoch = -1;
        double sumNs = 0.0;
        quint32 count = 0;
    };
    std::array<Bucket, BucketCount> buckets{};
    qint64 latestEpoch = -1;

    /// Adds the sample and returns the average over the window ending at the latest epoch.
    double add(qint64 epoch, double latencyNs)
    {
        if (epoch > latestEpoch)
            latestEpoch = epoch;
        if (epoch > latestEpoch - BucketCount) { // older samples have left the window
            Bucket &bucket = buckets[size_t(epoch % BucketCount)];
            if (bucket.epoch != epoch)
                bucket = {epoch, 0.0, 0};
            bucket.sumNs += latencyNs;
            ++bucket.count;
        }
        double sum = 0.0;
        quint64 count = 0;
        for (const Bucket &bucket : buckets) {
            if (bucket.epoch > latestEpoch - BucketCount) {
                sum += bucket.sumNs;
                count += bucket.count;
            }
        }
        return count == 0 ? 0.0 : sum / double(count);
    }
};

struct SwitchState
{
    LatencyWindow window;
    bool violating = false;
    bool fired = false;
    quint64 firstViolationNs = 0;
    quint64 holdDownUntilNs = 0;
};

} // namespace

struct SlaMonitor::CompiledRule
{
    SlaRule rule;
    quint32 flowId = 0;
    double thresholdNs = 0.0;
    quint64 persistenceNs = 0;
    qint64 bucketNs = 1;
};

struct SlaMonitor::RuleSet
{
    std::vector<CompiledRule> rules;
    std::unordered_map<quint32, std::vector<int>> rulesByFlow;
};

struct SlaMonitor::RuleState
{
    std::unordered_map<quint32, SwitchState> switches; // by INT switch id
};

SlaMonitor::SlaMonitor(ViolationHandler handler, std::chrono::milliseconds holdDown)
    : m_handler(std::move(handler))
{
    setHoldDown(holdDown);
}

SlaMonitor::~SlaMonitor() = default;

void SlaMonitor::setHandler(ViolationHandler handler)
{
    m_handler = std::move(handler);
}

void SlaMonitor::setHoldDown(std::chrono::milliseconds holdDown)
{
    m_holdDownNs.store(std::max<qint64>(0, holdDown.count()) * 1'000'000,
                       std::memory_order_relaxed);
}

void SlaMonitor::setMaxSwitchesPerRule(int count)
{
    m_maxSwitchesPerRule.store(std::max(1, count), std::memory_order_relaxed);
}

int SlaMonitor::setRules(const QList<SlaRule> &rules, const QHash<QString, quint32> &flowIds)
{
    auto set = std::make_shared<RuleSet>();
    set->rules.reserve(size_t(rules.size()));
    for (const SlaRule &rule : rules) {
        if (!rule.enabled || !validateSlaRule(rule))
            continue;
        const quint32 flowId = flowIds.value(rule.connectionId, 0);
        if (flowId == 0)
            continue;
        CompiledRule compiled;
        compiled.rule = rule;
        compiled.flowId = flowId;
        compiled.thresholdNs = rule.thresholdMs * NsPerMs;
        compiled.persistenceNs = quint64(rule.persistenceMs) * 1'000'000;
        compiled.bucketNs = std::max<qint64>(1, rule.windowMs * 1'000'000 / BucketCount);
        set->rulesByFlow[flowId].push_back(int(set->rules.size()));
        set->rules.push_back(std::move(compiled));
    }
    const int active = int(set->rules.size());
    {
        std::lock_guard lock(m_publishMutex);
        m_published = std::move(set);
        m_generation.fetch_add(1, std::memory_order_release);
    }
    return active;
}

void SlaMonitor::adopt(std::shared_ptr<const RuleSet> rules)
{
    // Keep the state of unchanged rules so a re-publish (e.g. after a reroute) neither
    // forgets an ongoing episode nor lifts a hold-down.
    QHash<QString, size_t> oldIndex;
    if (m_rules) {
        for (size_t i = 0; i < m_rules->rules.size(); ++i)
            oldIndex.insert(m_rules->rules[i].rule.id, i);
    }
    std::vector<std::unique_ptr<RuleState>> states(rules ? rules->rules.size() : 0);
    for (size_t i = 0; i < states.size(); ++i) {
        const CompiledRule &rule = rules->rules[i];
        const auto old = oldIndex.constFind(rule.rule.id);
        if (old != oldIndex.cend() && m_rules->rules[old.value()].rule == rule.rule &&
            m_rules->rules[old.value()].flowId == rule.flowId && m_states[old.value()])
            states[i] = std::move(m_states[old.value()]);
        else
            states[i] = std::make_unique<RuleState>();
    }
    m_rules = std::move(rules);
    m_states = std::move(states);
}

void SlaMonitor::observe(const IntPostcard *postcards, int count)
{
    const quint64 generation = m_generation.load(std::memory_order_acquire);
    if (generation != m_seenGeneration) {
        std::shared_ptr<const RuleSet> published;
        {
            std::lock_guard lock(m_publishMutex);
            published = m_published;
            m_seenGeneration = m_generation.load(std::memory_order_relaxed);
        }
        adopt(std::move(published));
    }
    if (!m_rules || m_rules->rules.empty() || !postcards)
        return;

    const RuleSet &set = *m_rules;
    quint32 lastFlow = 0;
    const std::vector<int> *lastRules = nullptr;
    for (int i = 0; i < count; ++i) {
        const IntPostcard &postcard = postcards[i];
        // Postcards of one flow arrive in runs; skip the hash lookup within a run.
        if (!lastRules || postcard.flowId != lastFlow) {
            const auto it = set.rulesByFlow.find(postcard.flowId);
            lastFlow = postcard.flowId;
            lastRules = it == set.rulesByFlow.end() ? nullptr : &it->second;
            if (!lastRules)
                continue;
        }
        for (int index : *lastRules)
            evaluate(set.rules[size_t(index)], *m_states[size_t(index)], postcard);
    }
}

void SlaMonitor::evaluate(const CompiledRule &rule, RuleState &ruleState,
                          const IntPostcard &postcard)
{
    auto it = ruleState.switches.find(postcard.switchId);
    if (it == ruleState.switches.end()) {
        if (int(ruleState.switches.size()) >= m_maxSwitchesPerRule.load(std::memory_order_relaxed))
            return;
        it = ruleState.switches.emplace(postcard.switchId, SwitchState{}).first;
    }
    SwitchState &state = it->second;
    const quint64 now = postcard.receivedNs;
    const double latencyNs = double(postcard.hopLatencyNs);
    const double valueNs = rule.rule.metric == SlaMetric::AvgLatency
                               ? state.window.add(qint64(now / quint64(rule.bucketNs)), latencyNs)
                               : latencyNs;

    if (!(valueNs > rule.thresholdNs)) {
        state.violating = false;
        return;
    }
    if (!state.violating) {
        state.violating = true;
        state.firstViolationNs = now;
    }
    const quint64 lasted = now > state.firstViolationNs ? now - state.firstViolationNs : 0;
    if (lasted < rule.persistenceNs)
        return;
    if (state.fired && now < state.holdDownUntilNs)
        return;
    state.fired = true;
    state.holdDownUntilNs = now + quint64(m_holdDownNs.load(std::memory_order_relaxed));
    m_violations.fetch_add(1, std::memory_order_relaxed);
    if (!m_handler)
        return;
    SlaViolation violation;
    violation.ruleId = rule.rule.id;
    violation.connectionId = rule.rule.connectionId;
    violation.flowId = rule.flowId;
    violation.switchIntId = postcard.switchId;
    violation.metric = rule.rule.metric;
    violation.valueMs = valueNs / NsPerMs;
    violation.thresholdMs = rule.rule.thresholdMs;
    violation.firstViolationNs = state.firstViolationNs;
    violation.detectedNs = steadyNowNs();
    m_handler(violation);
}

int SlaMonitor::trackedStates() const
{
    size_t total = 0;
    for (const auto &state : m_states)
        total += state ? state->switches.size() : 0;
    return int(total);
}

} // namespace Continuo
