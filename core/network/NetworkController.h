#pragma once

#include "network/NetworkOptions.h"
#include "network/NetworkTypes.h"
#include "network/P4Program.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace Continuo {

class Engine;
class FabricGraph;
class IntCollector;
class SlaMonitor;
struct IntFlowWindow;
struct SlaViolation;


/// The engine's P4 fabric: one target per switch (from the plugins), the desired entries of
/// every switch (durable), connections compiled to entries along computed paths, the INT
/// postcard collector and the SLA monitor that reroutes flows.
///
/// Threads: the controller lives on the engine thread and owns the state. Every call to a
/// switch runs on one I/O thread ("continuo-p4"), in order, so writes to a switch never
/// interleave. The collector has its own thread; an SLA violation goes straight from it to the
/// I/O thread (path computed from a snapshot, entries written), and only then to the engine
/// thread to update state, store, events and audit: the reroute does not wait on the engine.
class CONTINUO_CORE_EXPORT NetworkController : public QObject
{
    Q_OBJECT
public:
    explicit NetworkController(Engine *engine, QObject *parent = nullptr);
    ~NetworkController() override;

    /// Restore durable state, start the collector, attach targets to the inventory's switches.
    Result<void> start(const NetworkControllerOptions &options);
    void stop();

    quint16 collectorPort() const;
    QList<P4SwitchStatus> switches() const;
    P4Program program(const QString &switchId) const;

    using EntriesCallback = std::function<void(const Result<QList<P4EntryStatus>> &)>;
    using ApplyCallback = std::function<void(const Result<P4ApplyResult> &)>;
    using ConnectionCallback = std::function<void(const Result<Connection> &)>;
    using DoneCallback = std::function<void(const Result<void> &)>;

    /// Callbacks run on the engine thread.
    void entries(const QString &switchId, const QString &table, bool withCounters, EntriesCallback callback);
    void setEntries(const QString &switchId, const QString &table, const QList<P4TableEntry> &entries,
                    bool dryRun, const QString &actor, ApplyCallback callback);
    Result<QString> dryRunPacket(const QString &switchId, const QString &packet,
                                 const QList<P4Update> &pending) const;

    QList<Connection> connections() const;
    void upsertConnection(Connection connection, bool dryRun, const QString &actor, ConnectionCallback callback);
    void removeConnection(const QString &connectionId, const QString &actor, DoneCallback callback);
    void rerouteConnection(const QString &connectionId, const QStringList &avoidSwitches,
                           const QString &actor, ConnectionCallback callback);

    QList<SlaRule> slaRules() const;
    Result<void> upsertSlaRule(const SlaRule &rule, const QString &actor);
    Result<void> removeSlaRule(const QString &ruleId, const QString &actor);
    QList<RerouteRecord> reroutes() const;

    /// Intents offered by a plugin (the simulator's demo flows): unknown ids are created.
    void proposeIntents(const QList<Connection> &connections, const QList<SlaRule> &rules,
                        const QString &pluginId);

    /// Counters of the collector (datagrams, postcards, malformed) for status and tests.
    QJsonObject collectorStatistics() const;

Q_SIGNALS:
    void rerouted(const Continuo::RerouteRecord &record);

private:
    struct SwitchState;
    struct Snapshot;
    class Io;

    void attachSwitches();
    void attachSwitch(const QString &switchId);
    void reconcileSwitch(const QString &switchId, const QString &reason);
    void rebuildGraph();
    void publishSnapshot();
    void onViolation(const SlaViolation &violation);
    void finishReroute(const RerouteRecord &record, const Connection &updated,
                       const QHash<QString, QList<P4TableEntry>> &oldEntries,
                       const QHash<QString, QList<P4TableEntry>> &newEntries);
    Result<Connection> planConnection(Connection connection, const QStringList &avoid) const;
    Result<QHash<QString, QList<P4TableEntry>>> compileConnection(const Connection &connection) const;
    void applyConnectionChange(const Connection *before, const Connection *after, const QString &actor,
                               const QString &what, ConnectionCallback callback);
    void markWritten(const QString &switchId, bool written);
    void replaceDesired(const QString &switchId, const QList<P4TableEntry> &removed,
                        const QList<P4TableEntry> &added);
    void persistDesired(const QString &switchId, const QList<P4TableEntry> &upserts,
                        const QStringList &removedKeys);
    void persistObject(const QString &kind, const QString &key, const QJsonObject &body, bool remove = false);
    void updateSlaMonitor();
    void onWindows(const QList<IntFlowWindow> &windows);
    quint32 intSwitchId(const QString &switchId);
    QString switchForIntId(quint32 id) const;
    void publish(const char *type, const QString &subject, const QString &message,
                 const QJsonObject &payload, int severity = 0);

    Engine *m_engine;
    NetworkControllerOptions m_options;
    bool m_running = false;
    QThread m_ioThread;
    QObject *m_ioContext = nullptr; ///< Lives on m_ioThread: queued lambdas run there.
    std::unique_ptr<IntCollector> m_collector;
    std::unique_ptr<SlaMonitor> m_slaMonitor;
    QHash<QString, std::shared_ptr<SwitchState>> m_switches;
    QHash<QString, Connection> m_connections;
    QHash<QString, SlaRule> m_slaRules;
    QList<RerouteRecord> m_reroutes;
    QHash<QString, quint32> m_intIds;
    std::shared_ptr<const FabricGraph> m_graph;
    /// Read by the collector/I/O threads: connections, graph, targets, INT ids.
    std::shared_ptr<const Snapshot> m_snapshot;
    mutable std::mutex m_snapshotMutex;
    std::atomic<int> m_reroutesInFlight{0};
};

} // namespace Continuo
