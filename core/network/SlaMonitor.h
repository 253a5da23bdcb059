#pragma once

#include "continuo_core_export.h"
#include "network/IntReport.h"
#include "network/NetworkModel.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace Continuo {

/// An SLA rule broken on one switch of its flow's path.
struct SlaViolation
{
    QString ruleId;
    QString connectionId;
    quint32 flowId = 0;
    quint32 switchIntId = 0; ///< INT switch id of the offending hop.
    SlaMetric metric = SlaMetric::Unknown;
    double valueMs = 0.0; ///< Window average (avg) or the postcard's hop latency (max).
    double thresholdMs = 0.0;
    quint64 firstViolationNs = 0; ///< receivedNs of the first violating postcard of this episode.
    quint64 detectedNs = 0;       ///< Steady clock (as receivedNs) when the rule fired.
    bool operator==(const SlaViolation &) const = default;
};

/// Evaluates SLA rules on the collector's postcard stream.
///
/// Per (rule, switch): the metric is the window average of hop latency (avg: `windowMs` split
/// into 10 sub-buckets of sum/count, so the window slides in steps of windowMs / 10) or the
/// postcard's own hop latency (max). A violation starts with the first postcard whose metric
/// exceeds thresholdMs and fires once it has lasted persistenceMs (0: on that postcard). After
/// firing, the (rule, switch) is held down for holdDown so one degradation gives one reroute; a
/// metric back at or under the threshold ends the episode. Time is the postcards' receivedNs.
///
/// Threads: setRules() from any thread (the engine's); observe() from one thread at a time (the
/// collector's), which also owns the per-switch state and runs the handler. Rules are published
/// as an immutable snapshot; observe() checks an atomic generation once per batch and takes the
/// lock only when it changed, never per postcard. O(1) per postcard (two hash lookups, 10
/// buckets); memory bounded by maxSwitchesPerRule per rule.
class CONTINUO_CORE_EXPORT SlaMonitor
{
public:
    using ViolationHandler = std::function<void(const SlaViolation &)>;

    explicit SlaMonitor(ViolationHandler handler = {},
                        std::chrono::milliseconds holdDown = std::chrono::seconds(5));
    ~SlaMonitor();
    SlaMonitor(const SlaMonitor &) = delete;
    SlaMonitor &operator=(const SlaMonitor &) = delete;

    /// Set before the first observe() (or on the observing thread).
    void setHandler(ViolationHandler handler);
    /// Any thread; applies from the next violation on.
    void setHoldDown(std::chrono::milliseconds holdDown);
    /// Switches tracked per rule beyond which postcards from new switch ids are ignored (the
    /// ids come from the network). Default 4096.
    void setMaxSwitchesPerRule(int count);

    /// Replace the rule set. `flowIds` maps connection ids to their INT flow id; rules that are
    /// disabled, invalid or whose connection has no flow id are left out. State of rules that
    /// are unchanged (same id, definition and flow) carries over. Returns the rules now active.
    int setRules(const QList<SlaRule> &rules, const QHash<QString, quint32> &flowIds);

    /// Feed a batch of postcards (collector thread).
    void observe(const IntPostcard *postcards, int count);

    /// Tracked (rule, switch) states; call from the observing thread.
    int trackedStates() const;
    /// Violations fired so far (any thread).
    quint64 violationCount() const { return m_violations.load(std::memory_order_relaxed); }

private:
    struct CompiledRule;
    struct RuleSet;
    struct RuleState;

    void adopt(std::shared_ptr<const RuleSet> rules);
    void evaluate(const CompiledRule &rule, RuleState &state, const IntPostcard &postcard);

    ViolationHandler m_handler;
    std::atomic<qint64> m_holdDownNs{0};
    std::atomic<int> m_maxSwitchesPerRule{4096};

    std::mutex m_publishMutex;
    std::shared_ptr<const RuleSet> m_published;
    std::atomic<quint64> m_generation{0};

    // Owned by the observing thread.
    quint64 m_seenGeneration = 0;
    std::shared_ptr<const RuleSet> m_rules;
    std::vector<std::unique_ptr<RuleState>> m_states; // parallel to m_rules->rules
    std::atomic<quint64> m_violations{0};
};

} // namespace Continuo
