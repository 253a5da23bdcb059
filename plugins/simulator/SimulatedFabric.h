#pragma once

#include "Scenario.h"
#include "network/NetworkModel.h"
#include "network/P4Pipeline.h"
#include "plugin/INetworkTarget.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Continuo::Simulator {

/// What happened to one packet sent into the fabric.
enum class FabricOutcome { Unknown = 0, Delivered, Dropped, ToCpu, Loop, NoLink, LinkDown, SwitchDown, Misdelivered };
QString toString(FabricOutcome outcome);

struct FabricTrip
{
    FabricOutcome outcome = FabricOutcome::Unknown;
    QStringList switches;   ///< Every switch the packet went through, ingress first.
    QString reason;         ///< For people: where and why it stopped.
    int postcards = 0;      ///< Postcards sent for it.
};

/// Per-flow counters (both directions together) and the latest path each way.
struct FabricFlowStats
{
    qint64 sent = 0;
    qint64 delivered = 0;
    qint64 dropped = 0;     ///< Drop verdicts, dead ends, down links and switches, loops.
    qint64 toCpu = 0;
    qint64 postcards = 0;
    QStringList forwardPath; ///< a -> b, last packet.
    QStringList reversePath; ///< b -> a, last packet.
    QString lastProblem;     ///< Reason of the last packet that was not delivered.
};

/// The scenario's P4 fabric: one software pipeline per switch (P4SoftwarePipeline, the
/// reference program built in), the links between their ports, and a traffic thread that
/// sends the scenario's flows through them. Packets follow whatever entries the switches hold
/// (set_egress_port to a link's port: on to the next switch; to a host's port: delivered);
/// where postcard_telemetry activated a flow id, the switch sends a real Telemetry Report v2.0
/// postcard (UDP) to the collector its generate_report entry names, with the switch id of its
/// int_insert entry. No generate_report entry, no postcards, as on a real switch.
///
/// Hop latency model: the switch's nominal latency (scenario `hopLatencyUs`, default 40 µs),
/// times a degraded fault's latencyFactor, ±10 % gaussian jitter; queue occupancy follows it.
/// Timestamps are µs since the fabric started (BMv2 style), on the wire in µs.
///
/// Thread safety: each switch has its own mutex (targets are driven from the controller's
/// worker threads, traffic from the fabric's thread); faults are atomics. Per packet and hop
/// the cost is one hash-free lookup of a cached pipeline verdict (re-evaluated only after the
/// switch's entries change) plus, with telemetry, one sendto(): O(hops).
class SimulatedFabric : public std::enable_shared_from_this<SimulatedFabric>
{
public:
    /// CPU port of the simulated switches (v1model's usual 255): packet-outs enter on it.
    static constexpr int CpuPort = 255;
    /// Nominal hop latency when the scenario gives none.
    static constexpr double DefaultHopLatencyUs = 40.0;

    SimulatedFabric(const Scenario &scenario, quint64 seed);
    ~SimulatedFabric();
    SimulatedFabric(const SimulatedFabric &) = delete;
    SimulatedFabric &operator=(const SimulatedFabric &) = delete;

    bool hasSwitch(const QString &switchId) const;
    QStringList switchIds() const;
    /// A P4 target for the switch (null for a switch the fabric does not have). Targets keep
    /// the fabric alive; the switch's entries live in the fabric (they survive the target).
    std::unique_ptr<INetworkTarget> createTarget(const QString &switchId);

    /// Faults. A factor of 1 is healthy; a down switch refuses connections and drops traffic.
    void setLatencyFactor(const QString &switchId, double factor);
    void setSwitchDown(const QString &switchId, bool down);
    void setLinkDown(const QString &linkId, bool down);
    /// The scenario's faults that are active (SimulatorModel::activeFaults()), as above.
    void applyFaults(const QList<FaultSchedule> &faults, const std::vector<bool> &active);
    /// Nominal hop latency of a switch now, fault included (µs); -1 for an unknown switch.
    double hopLatencyUs(const QString &switchId) const;

    /// Sends the scenario's flows from a thread of its own until stopTraffic() (idempotent).
    void startTraffic();
    void stopTraffic();
    bool isTrafficRunning() const;

    /// Sends `packets` packets of a flow each way now, on the calling thread (what the traffic
    /// thread does every tick). False for an unknown flow.
    bool sendFlowPackets(const QString &flowId, int packets);
    /// One packet entering `switchId` on headers.ingressPort, through the pipelines until it
    /// leaves on a host port (delivered) or stops. Not counted in any flow's statistics.
    FabricTrip sendPacket(const QString &switchId, const P4PacketHeaders &headers);
    /// Headers of a flow's packets, a -> b (forward) or b -> a.
    enum class Direction { Forward, Reverse };
    std::optional<P4PacketHeaders> flowHeaders(const QString &flowId, Direction direction) const;

    FabricFlowStats flowStats(const QString &flowId) const;
    qint64 postcardsSent() const { return m_postcardsSent.load(std::memory_order_relaxed); }
    qint64 postcardSendErrors() const { return m_postcardErrors.load(std::memory_order_relaxed); }

    /// An Ethernet/IPv4/TCP-UDP frame with these headers (VXLAN encapsulated when the headers
    /// have inner ones), `lengthBytes` long: what packet-in/out payloads carry.
    static QByteArray buildFrame(const P4PacketHeaders &headers);

private:
    friend class SimulatedSwitch;
    struct Switch;
    struct Link;
    struct Flow;
    struct CachedVerdict;

    /// The walk through the fabric; `forcedEgressPort` > 0 skips the first switch's ingress
    /// pipeline (a packet-out with packet_out.egress_port).
    FabricTrip traverse(int switchIndex, P4PacketHeaders headers, Flow *flow, int direction,
                        int forcedEgressPort);
    FabricTrip injectPacket(int switchIndex, const P4PacketHeaders &headers, int egressPort);
    void sendPostcard(Switch &sw, const P4PacketTrace &trace, quint16 ingressPort, quint16 egressPort,
                      quint64 ingressUs, quint64 hopUs);
    void trafficLoop();
    void countFlow(Flow &flow, int direction, const FabricTrip &trip);
    quint64 nowUs() const;

    std::vector<std::unique_ptr<Switch>> m_switches;
    QHash<QString, int> m_switchIndex;
    std::vector<std::unique_ptr<Link>> m_links;
    QHash<QString, int> m_linkIndex;
    std::vector<std::unique_ptr<Flow>> m_flows;
    QHash<QString, int> m_flowIndex;
    qint64 m_startNs = 0;
    int m_socket = -1;
    std::atomic<qint64> m_postcardsSent{0};
    std::atomic<qint64> m_postcardErrors{0};

    mutable std::mutex m_trafficMutex;
    std::condition_variable m_trafficWake;
    bool m_stopTraffic = false;
    std::thread m_traffic;
};

/// The scenario's flows as the connections the plugin proposes (id, flowId, endpoints with
/// their switch ports and L4 ports, protocol, pinned path, telemetry).
QList<Connection> scenarioConnections(const Scenario &scenario);
/// The scenario's SLAs as rules on those connections.
QList<SlaRule> scenarioSlaRules(const Scenario &scenario);

} // namespace Continuo::Simulator
