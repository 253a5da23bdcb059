#pragma once

#include "continuo_core_export.h"
#include "telemetry/Series.h"
#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <chrono>

namespace Continuo::Api {

/// How an agent forwards one series to its central.
enum class ForwardingMode {
    Unknown,
    Aggregate, ///< One window per interval: last value, `:avg` and `:max`.
    Raw,       ///< Every sample as it arrives.
};

/// What the central asked for: a different aggregation interval or a full-rate stream for the
/// series its matchers select, until closed or until it expires.
struct ForwardingRule
{
    enum class Kind { Unknown, Rate, Stream };

    QString id;
    Kind kind = Kind::Unknown;
    QList<SeriesMatcher> matchers;
    std::chrono::milliseconds interval{0}; ///< Rate only.
    qint64 expiresAtMs = 0;                ///< 0: until removed.

    bool isExpired(qint64 nowMs) const { return expiresAtMs > 0 && nowMs >= expiresAtMs; }
    bool matches(const QString &metric, const Labels &labels) const;
    bool operator==(const ForwardingRule &) const = default;
};

struct ForwardingDecision
{
    ForwardingMode mode = ForwardingMode::Unknown;
    std::chrono::milliseconds interval{0}; ///< Aggregate only.
    bool operator==(const ForwardingDecision &) const = default;
};

/// The agent's rate/stream state machine. A stream rule beats every rate rule; among rate rules
/// the shortest interval wins; series no rule selects use the default interval. Expired rules
/// no longer count even before expire() removes them. Not thread-safe (the engine thread owns it).
class CONTINUO_CORE_EXPORT ForwardingPolicy
{
public:
    explicit ForwardingPolicy(std::chrono::milliseconds defaultInterval = std::chrono::seconds(10));

    std::chrono::milliseconds defaultInterval() const { return m_defaultInterval; }
    void setDefaultInterval(std::chrono::milliseconds interval);

    /// Add a rule, or replace the one with the same id. Refuses rules without an id or matchers,
    /// rate rules without a positive interval, and rules that already expired.
    Result<void> apply(const ForwardingRule &rule, qint64 nowMs);
    /// False when no rule has that id.
    bool remove(const QString &id);
    /// Remove the expired rules; returns their ids.
    QStringList expire(qint64 nowMs);

    ForwardingDecision decide(const QString &metric, const Labels &labels, qint64 nowMs) const;

    QList<ForwardingRule> rules() const { return m_rules; }
    /// The earliest expiry among the rules, 0 when none expires.
    qint64 nextExpiryMs() const;
    /// Changes whenever the rules or the default change (decisions may differ).
    quint64 generation() const { return m_generation; }

private:
    std::chrono::milliseconds m_defaultInterval;
    QList<ForwardingRule> m_rules;
    quint64 m_generation = 1;
};

/// Pre-aggregation on the agent: turns the samples of its hub into what it forwards. Windows are
/// aligned to multiples of their interval in sample time, so all series of a tick close together
/// and go up in one message. Series that already carry an `agent` label come from a lower tier,
/// were aggregated there, and are passed through as they are. Not thread-safe.
class CONTINUO_CORE_EXPORT Preaggregator
{
public:
    /// Suffixes of the companion series of an aggregated window.
    static constexpr auto AverageSuffix = ":avg";
    static constexpr auto MaximumSuffix = ":max";
    /// The label a central adds, and whose presence marks already-forwarded series.
    static constexpr auto AgentLabel = "agent";

    struct Output
    {
        QList<SeriesBatch> raw;        ///< Streamed and passed-through samples.
        QList<SeriesBatch> aggregated; ///< Closed windows (last, :avg, :max).
        bool isEmpty() const { return raw.isEmpty() && aggregated.isEmpty(); }
    };

    explicit Preaggregator(ForwardingPolicy *policy,
                           std::chrono::milliseconds grace = std::chrono::milliseconds(300));

    /// Feed new samples (in order per series). Streamed series come back at once; a window is
    /// closed early when a sample of a later window arrives or the series changes mode.
    Output add(const QList<SeriesBatch> &batches, qint64 nowMs);
    /// Close the windows that ended at least `grace` before `nowMs` (all open ones with
    /// FlushAll: shutdown, tests).
    enum class Flush { Due, All };
    Output flush(qint64 nowMs, Flush which = Flush::Due);

    qsizetype seriesCount() const { return m_series.size(); }
    qsizetype streamedSeriesCount() const;

private:
    struct Window
    {
        QString metric;
        Labels labels;
        quint64 generation = 0;
        ForwardingDecision decision;
        qint64 index = -1; ///< Window number (timestamp / interval); -1: none open.
        qint64 lastClosedIndex = -1;
        int count = 0;
        double sum = 0.0;
        double maximum = 0.0;
        Sample last;
    };

    void close(Window &window, Output &out);
    void decide(Window &window, qint64 nowMs, Output &out);

    ForwardingPolicy *m_policy;
    std::chrono::milliseconds m_grace;
    QHash<QString, Window> m_series;
};

} // namespace Continuo::Api
