#pragma once

#include "continuo_core_export.h"

#include "continuo/v1/federation.pb.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace grpc {
class Service;
class ServerContext;
}

namespace Continuo {
class Engine;
class IPluginHost;
class ResourceQuery;
struct ResourceMatch;
}

namespace Continuo::Api {

/// The central end of federation (federation.proto): every daemon's gRPC server carries it, so
/// every daemon accepts agents. Keeps the registry of agents (mutex-guarded: gRPC handler threads
/// read and write it), ingests what they push into the engine's TelemetryHub with an
/// `agent="<id>"` label, publishes Telemetry.Agent {id, status UP|DOWN} events, and relays the
/// operators' SetAgentRate/OpenAgentStream/CloseAgentStream to the agents' sessions.
///
/// Federated resource discovery: findOnAgents() sends a FindResourcesCommand to every connected
/// UP agent at once and collects the matches they evaluate against their own inventories.
///
/// Handler threads reach the engine only through its thread-safe IPluginHost (ingestSamples,
/// publishEvent); the liveness check runs on a timer on the engine thread. Calls that wait for
/// agents (operator commands, findOnAgents) block a handler thread, never the engine thread.
class CONTINUO_CORE_EXPORT FederationCentral : public QObject
{
    Q_OBJECT
public:
    /// Silence for this many heartbeat intervals makes an agent DOWN.
    static constexpr int LeaseHeartbeats = 3;
    static constexpr auto MinimumHeartbeatInterval = std::chrono::milliseconds(200);
    static constexpr auto MaximumHeartbeatInterval = std::chrono::milliseconds(60000);
    static constexpr auto DefaultHeartbeatInterval = std::chrono::milliseconds(5000);
    /// How long an operator call waits for the agent to apply a command.
    static constexpr auto CommandTimeout = std::chrono::milliseconds(5000);
    /// How long FindResources waits for the agents' matches (or less: the call's deadline).
    static constexpr auto FindTimeout = std::chrono::milliseconds(2000);
    /// Agents probe their peer sites at their forwarding interval, within these bounds.
    static constexpr auto MinimumPeerProbeInterval = std::chrono::milliseconds(1000);
    static constexpr auto MaximumPeerProbeInterval = std::chrono::milliseconds(5000);

    /// Create on the engine's thread. `engine` may be null (then pushed samples and events go
    /// nowhere; tests of the registry).
    explicit FederationCentral(Engine *engine, QObject *parent = nullptr);
    ~FederationCentral() override;

    /// The gRPC service to register on a server; lives as long as this object.
    grpc::Service *service() const;

    /// Thread-safe. End every session and fail waiting operator calls; refuse new work.
    void shutdown();

    /// Thread-safe. The agents as ListAgents reports them.
    ::continuo::v1::ListAgentsResponse agents() const;

    /// Check leases now (the timer does so every 200 ms). Engine thread.
    void checkLiveness();

    /// Thread-safe. The inter-site latency probes an agent is asked to run now (federation.proto
    /// ProbePlan): one representative agent per site measures the representatives of the others.
    ::continuo::v1::ProbePlan probePlan(const std::string &agentId) const;

    /// Thread-safe; blocks: call on a gRPC handler thread, never on the engine thread. Ask every
    /// connected UP agent (in parallel) for at most `limit` (> 0) of its nodes matching `query`
    /// (ResourceQuery text, already parsed by the caller) and wait up to FindTimeout, less when
    /// `context`'s deadline is sooner (it may be null). The matches, at most `limit` in all, come
    /// in agent id order with source = the agent id and the agent's age plus the relay delay
    /// (the command's round trip). Every registered agent whose nodes are not in the answer (DOWN,
    /// not connected, silent until the timeout, or refusing the query) is in unreachable_agents;
    /// that is not an error. A `limit` <= 0 asks nobody.
    ::continuo::v1::FindResourcesResponse findOnAgents(const std::string &query, int limit,
                                                       grpc::ServerContext *context);

private:
    class Service;
    struct SessionLink;
    /// Engine thread: which links join sites directly and which switch stands for each site.
    void updateSiteTopology();
    ::continuo::v1::ProbePlan probePlanLocked(const std::string &agentId) const;

    struct PendingCommand;
    struct AgentRecord;

    std::unique_ptr<Service> m_service;
    QPointer<Engine> m_engine;
    IPluginHost *m_host = nullptr;
    QTimer m_livenessTimer;

    mutable std::mutex m_mutex;
    std::condition_variable m_commandDone;
    bool m_shutDown = false;
    std::map<std::string, std::unique_ptr<AgentRecord>> m_agents;   ///< By agent id.
    std::map<std::string, std::string> m_sessions;                  ///< Session id → agent id.
    std::map<std::string, std::shared_ptr<PendingCommand>> m_pending; ///< By command id.
    qint64 m_planRevision = 1; ///< Bumped whenever any agent's probe plan may have changed.
    std::map<std::pair<std::string, std::string>, std::string> m_siteLinks; ///< Both orders.
    std::map<std::string, std::string> m_siteEndpoints; ///< Site → a switch or node on a link.
};

/// Engine thread. The nodes of `engine`'s placement model (the orchestrator's current model, or
/// one built from the inventory) that match `query`, at most `limit` (<= 0: all), source "local",
/// each aged since its newest CPU sample (else since the engine started): what FindResources
/// answers for a daemon's own inventory, on a central and on an agent alike.
CONTINUO_CORE_EXPORT QList<ResourceMatch> findLocalResources(Engine &engine, const ResourceQuery &query,
                                                             int limit);

} // namespace Continuo::Api
