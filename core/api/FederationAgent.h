#pragma once

#include "api/FederationForwarding.h"
#include "continuo_core_export.h"
#include "telemetry/Series.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace grpc {
class ClientContext;
}

namespace continuo::v1 {
class AgentCommand;
class CommandResult;
class ProbePlan;
}

namespace Continuo {
class ActiveProber;
class Engine;
class IPluginHost;
}

namespace Continuo::Api {

struct FederationAgentOptions
{
    QString centralAddress;                               ///< HOST:PORT of the central daemon.
    QString agentId;                                      ///< Empty: this machine's host name.
    std::chrono::milliseconds forwardInterval = std::chrono::seconds(10);
    std::chrono::milliseconds heartbeatInterval{0};       ///< Proposed; 0: min(forward, 5 s).
    std::chrono::milliseconds initialBackoff = std::chrono::milliseconds(250);
    std::chrono::milliseconds maximumBackoff = std::chrono::seconds(5);
    /// Samples kept while the central is unreachable; the oldest go first beyond this.
    qsizetype outboxSampleLimit = 500000;
    /// HOST:PORT other agents reach this daemon at (its gRPC address) to measure the latency
    /// between sites; empty: this agent is never a probe target.
    QString probeAddress;
    /// The inventory site this agent stands in for latency measurements; empty: the agent id.
    QString siteId;
};

/// The agent end of federation (federation.proto), run by `continuo --daemon --central ...`.
///
/// On the engine thread it pre-aggregates what the engine's TelemetryHub publishes (Preaggregator
/// under a ForwardingPolicy the central's commands change) into a bounded outbox. A connection
/// thread registers with the central, keeps the Session (heartbeats up, commands down, commands
/// applied on the engine thread through a queued call), drains the outbox into a PushSamples
/// stream, and starts over with exponential backoff whenever the central goes away or stops
/// answering heartbeats for three intervals.
///
/// Resource discovery: the central's FindResources with include_agents arrives as a command; the
/// engine thread evaluates it against this daemon's inventory and the matches go back as its
/// result.
///
/// Inter-site latency: the central sends a ProbePlan (federation.proto) naming the peer agents
/// this agent measures; an ActiveProber on its own thread connects to each every plan interval
/// and half the connect time goes into the engine as `link_latency_seconds` or
/// `path_latency_seconds` {source="measured", from_site, to_site, ...}, forwarded like the rest.
class CONTINUO_CORE_EXPORT FederationAgent : public QObject
{
    Q_OBJECT
public:
    /// Create on the engine's thread, after the engine started.
    FederationAgent(Engine *engine, FederationAgentOptions options, QObject *parent = nullptr);
    ~FederationAgent() override;

    Result<void> start();
    /// Stop the connection thread (waits for it; at most a moment). Safe to call twice.
    void stop();

    QString agentId() const { return m_options.agentId; }
    /// Thread-safe: a session with the central is open now.
    bool isConnected() const { return m_connected.load(); }
    /// Thread-safe: successful registrations so far.
    int registrationCount() const { return m_registrations.load(); }
    qint64 samplesForwardedTotal() const { return m_forwarded.load(); }
    qint64 samplesDroppedTotal() const { return m_dropped.load(); }

    /// Engine thread: the forwarding rules in force.
    QList<ForwardingRule> rules() const { return m_policy.rules(); }

private:
    struct Outgoing
    {
        ForwardingMode mode = ForwardingMode::Unknown;
        QList<SeriesBatch> series;
        qsizetype sampleCount = 0;
    };

    // Engine thread.
    void onSamplesPublished(const QList<SeriesBatch> &batches);
    void onInventoryChanged();
    void onTick();
    void expireRules(qint64 nowMs);
    void enqueue(Preaggregator::Output output);
    void applyCommand(const ::continuo::v1::AgentCommand &command);
    /// A FindResourcesCommand: the query against this daemon's own inventory (as FindResources
    /// answers locally), matches back in the CommandResult.
    void answerFind(const ::continuo::v1::AgentCommand &command);
    Result<qint64> applyRule(ForwardingRule rule, const QStringList &selectors, qint64 nowMs);
    void publishInformation(const QString &message);
    void applyProbePlan(const ::continuo::v1::ProbePlan &plan);

    // Connection thread.
    class Connection;
    void run();
    bool waitForBackoff(std::chrono::milliseconds delay);
    void trackContext(grpc::ClientContext *context, bool add);

    QPointer<Engine> m_engine;
    IPluginHost *m_host = nullptr; ///< Thread-safe: the connection thread publishes through it.
    FederationAgentOptions m_options;
    ForwardingPolicy m_policy;
    Preaggregator m_aggregator;
    QTimer m_tickTimer;
    std::unique_ptr<ActiveProber> m_peerProber; ///< Created with the first probe plan.
    qint64 m_probePlanRevision = 0;

    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::deque<Outgoing> m_outbox;
    qsizetype m_outboxSamples = 0;
    std::deque<std::shared_ptr<::continuo::v1::CommandResult>> m_results;
    QStringList m_nodeIds;
    bool m_nodeIdsChanged = false;
    qint64 m_seriesCount = 0;
    qint64 m_streamedSeries = 0;
    std::vector<grpc::ClientContext *> m_contexts; ///< Calls in flight, cancelled by stop().

    std::atomic<bool> m_connected{false};
    std::atomic<int> m_registrations{0};
    std::atomic<qint64> m_forwarded{0};
    std::atomic<qint64> m_dropped{0};
};

} // namespace Continuo::Api
