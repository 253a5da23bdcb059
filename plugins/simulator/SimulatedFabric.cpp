#include "SimulatedFabric.h"

#include "SimulatorModel.h"
#include "network/IntReport.h"

#include <QLoggingCategory>
#include <QSet>
#include <QVarLengthArray>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>

Q_LOGGING_CATEGORY(lcFabric, "continuo.plugin.simulator.fabric")

namespace Continuo::Simulator {

namespace {

constexpr int MaxHops = 32;
constexpr auto TrafficTick = std::chrono::milliseconds(20);
constexpr qint64 MaxIndexedCounterCells = 65536;
constexpr int FrameBytes = 512;

std::atomic<quint64> g_generation{0};

quint64 nextGeneration()
{
    return g_generation.fetch_add(1, std::memory_order_relaxed) + 1;
}

quint32 ipv4(const QString &text)
{
    quint32 value = 0;
    for (const QString &part : text.split(QLatin1Char('.')))
        value = value << 8 | (part.toUInt() & 0xff);
    return value;
}

/// A locally administered MAC made of the host's IPv4 address: 02:00:a.b.c.d.
quint64 macFor(quint32 ip)
{
    return (quint64(0x0200) << 32) | ip;
}

void appendBigEndian(QByteArray &out, quint64 value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((value >> (8 * i)) & 0xff));
}

void appendLayer(QByteArray &frame, const P4PacketHeaders::Layer &layer, int payloadBytes)
{
    appendBigEndian(frame, layer.ethDst, 6);
    appendBigEndian(frame, layer.ethSrc, 6);
    appendBigEndian(frame, layer.etherType, 2);
    if (layer.etherType != 0x0800)
        return;
    const bool hasL4 = layer.ipProtocol == 6 || layer.ipProtocol == 17;
    const int l4Bytes = layer.ipProtocol == 6 ? 20 : layer.ipProtocol == 17 ? 8 : 0;
    const int totalLength = 20 + l4Bytes + std::max(0, payloadBytes);
    frame.append(char(0x45));
    frame.append(char(0));
    appendBigEndian(frame, quint64(std::min(totalLength, 0xffff)), 2);
    appendBigEndian(frame, 0, 2);    // identification
    appendBigEndian(frame, 0x4000, 2); // don't fragment
    frame.append(char(64));
    frame.append(char(layer.ipProtocol));
    appendBigEndian(frame, 0, 2);    // checksum: not checked by the pipeline
    appendBigEndian(frame, layer.ipSrc, 4);
    appendBigEndian(frame, layer.ipDst, 4);
    if (!hasL4)
        return;
    appendBigEndian(frame, layer.l4Src, 2);
    appendBigEndian(frame, layer.l4Dst, 2);
    if (layer.ipProtocol == 17) {
        appendBigEndian(frame, quint64(8 + std::max(0, payloadBytes)), 2);
        appendBigEndian(frame, 0, 2);
    } else {
        appendBigEndian(frame, 0, 4);    // seq
        appendBigEndian(frame, 0, 4);    // ack
        frame.append(char(0x50));        // data offset 5 words
        frame.append(char(0x18));        // PSH ACK
        appendBigEndian(frame, 0xffff, 2);
        appendBigEndian(frame, 0, 4);    // checksum, urgent
    }
}

/// "generate_report" is the alias of "MyEgress.generate_report": the name or its last component.
bool isNamed(const QString &name, QLatin1StringView alias)
{
    if (!name.endsWith(alias))
        return false;
    const qsizetype rest = name.size() - alias.size();
    return rest == 0 || name.at(rest - 1) == QLatin1Char('.');
}

const P4TableStep *stepOf(const P4PacketTrace &trace, QLatin1StringView table)
{
    for (const P4TableStep &step : trace.steps) {
        if (isNamed(step.table, table))
            return &step;
    }
    return nullptr;
}

std::optional<quint64> param(const QList<P4ParamValue> &params, QLatin1StringView name)
{
    for (const P4ParamValue &p : params) {
        if (p.name == name)
            return quint64(p4FieldValue(p.value));
    }
    return std::nullopt;
}

QString updateName(P4Update::Type type)
{
    switch (type) {
    case P4Update::Type::Insert:
        return QStringLiteral("insert");
    case P4Update::Type::Modify:
        return QStringLiteral("modify");
    case P4Update::Type::Delete:
        return QStringLiteral("delete");
    }
    return QStringLiteral("update");
}

} // namespace

QString toString(FabricOutcome outcome)
{
    switch (outcome) {
    case FabricOutcome::Delivered: return QStringLiteral("delivered");
    case FabricOutcome::Dropped: return QStringLiteral("dropped");
    case FabricOutcome::ToCpu: return QStringLiteral("to-cpu");
    case FabricOutcome::Loop: return QStringLiteral("loop");
    case FabricOutcome::NoLink: return QStringLiteral("no-link");
    case FabricOutcome::LinkDown: return QStringLiteral("link-down");
    case FabricOutcome::SwitchDown: return QStringLiteral("switch-down");
    case FabricOutcome::Misdelivered: return QStringLiteral("misdelivered");
    case FabricOutcome::Unknown: break;
    }
    return QStringLiteral("unknown");
}

struct SimulatedFabric::Link
{
    struct End
    {
        QString id;          ///< Switch or node id.
        int switchIndex = -1; ///< -1: a node.
        int port = 0;
    };
    QString id;
    End a;
    End b;
    double latencyMs = 0;
    std::atomic<bool> down{false};
};

struct SimulatedFabric::Switch
{
    struct Peer
    {
        int linkIndex = -1;
        bool isA = true; ///< This switch is the link's `a` end.
    };
    struct IndexedCounter
    {
        std::vector<P4CounterData> cells;
    };

    QString id;
    int index = 0;
    double nominalHopUs = DefaultHopLatencyUs;
    QHash<int, Peer> linkPorts;
    QHash<int, QString> hostPorts; ///< Port -> host name.
    std::atomic<double> latencyFactor{1.0};
    std::atomic<bool> down{false};
    std::atomic<quint32> sequence{0};

    std::mutex mutex; ///< Guards everything below.
    std::unique_ptr<P4SoftwarePipeline> pipeline;
    quint64 generation = 0; ///< Changes with every write: cached verdicts of older ones are stale.
    QHash<quint32, IndexedCounter> counters; ///< Indexed counters by id.
    quint32 portCounterId = 0;               ///< port_packets, counted at ingress.
    Random random;

    std::recursive_mutex handlerMutex; ///< Held while a packet-in handler runs.
    std::function<void(const P4Packet &)> packetIn;
    quint64 handlerOwner = 0;

    void install(const P4Program &program)
    {
        pipeline = std::make_unique<P4SoftwarePipeline>(program);
        generation = nextGeneration();
        counters.clear();
        portCounterId = 0;
        for (const P4CounterInfo &counter : program.counters()) {
            if (counter.directTableId != 0 || counter.size <= 0)
                continue;
            counters[counter.id].cells.resize(size_t(std::min(counter.size, MaxIndexedCounterCells)));
            if (counter.alias == QLatin1String("port_packets") || counter.name.endsWith(QLatin1String(".port_packets")))
                portCounterId = counter.id;
        }
    }

    double sampleHopUs()
    {
        const double nominal = nominalHopUs * latencyFactor.load(std::memory_order_relaxed);
        return std::max(1.0, nominal * (1.0 + 0.1 * random.normal()));
    }
};

struct SimulatedFabric::CachedVerdict
{
    quint64 generation = 0;
    quint16 ingressPort = 0;
    P4PacketTrace trace;
};

struct SimulatedFabric::Flow
{
    FlowSpec spec;
    int aSwitch = -1;
    int bSwitch = -1;
    P4PacketHeaders headers[2];
    double credit = 0;

    std::mutex sendMutex; ///< One sender at a time: guards the verdict cache.
    std::vector<CachedVerdict> cache[2];

    std::atomic<qint64> sent{0};
    std::atomic<qint64> delivered{0};
    std::atomic<qint64> dropped{0};
    std::atomic<qint64> toCpu{0};
    std::atomic<qint64> postcards{0};
    mutable std::mutex statsMutex;
    QStringList path[2];
    QString lastProblem;
};

// --- the P4 target ------------------------------------------------------------------------

/// INetworkTarget over one switch of the fabric. Calls are serialised by the switch's mutex.
class SimulatedSwitch final : public INetworkTarget
{
public:
    SimulatedSwitch(std::shared_ptr<SimulatedFabric> fabric, int index)
        : m_fabric(std::move(fabric)), m_switch(*m_fabric->m_switches[size_t(index)]), m_token(nextGeneration())
    {
    }
    ~SimulatedSwitch() override { releaseHandler(); }

    QString switchId() const override { return m_switch.id; }

    Result<void> connectTarget() override
    {
        if (m_switch.down.load())
            return makeError(QStringLiteral("switch %1 does not answer (simulated fault: switch down)").arg(m_switch.id));
        m_connected = true;
        std::lock_guard handlerLock(m_switch.handlerMutex);
        if (m_handler) {
            m_switch.packetIn = m_handler;
            m_switch.handlerOwner = m_token;
        }
        return {};
    }

    void disconnectTarget() override
    {
        m_connected = false;
        releaseHandler();
    }

    bool isConnected() const override { return m_connected && !m_switch.down.load(); }

    Result<void> setPipeline(const P4Program &program, const QByteArray &deviceConfig) override
    {
        Q_UNUSED(deviceConfig); // the software pipeline needs only the P4Info
        if (auto ready = checkConnected(); !ready)
            return ready;
        if (program.isNull())
            return makeError(QStringLiteral("switch %1 refused the pipeline: the P4Info is empty").arg(m_switch.id));
        std::lock_guard lock(m_switch.mutex);
        m_switch.install(program);
        qCInfo(lcFabric) << "switch" << m_switch.id << "runs" << program.name();
        return {};
    }

    Result<P4Program> pipeline() override
    {
        if (auto ready = checkConnected(); !ready)
            return makeError(ready.error());
        std::lock_guard lock(m_switch.mutex);
        return m_switch.pipeline ? m_switch.pipeline->program() : P4Program();
    }

    Result<void> write(const QList<P4Update> &updates, bool atomic) override
    {
        if (auto ready = checkConnected(); !ready)
            return ready;
        std::lock_guard lock(m_switch.mutex);
        if (!m_switch.pipeline)
            return makeError(QStringLiteral("switch %1 has no pipeline: set one before writing entries").arg(m_switch.id));
        const QList<P4UpdateResult> results = m_switch.pipeline->write(
            updates, atomic ? P4WriteAtomicity::RollbackOnError : P4WriteAtomicity::ContinueOnError);
        m_switch.generation = nextGeneration();
        QStringList problems;
        int failed = 0;
        for (qsizetype i = 0; i < results.size(); ++i) {
            const P4UpdateResult &result = results.at(i);
            if (result.isOk() || result.code == P4UpdateCode::Aborted)
                continue;
            ++failed;
            const P4Update &update = updates.at(i);
            problems.append(QStringLiteral("#%1 %2 %3: %4")
                                .arg(i)
                                .arg(updateName(update.type), update.entry.table, result.message));
        }
        if (failed == 0)
            return {};
        return makeError(QStringLiteral("switch %1 refused %2 of %3 updates%4: %5")
                             .arg(m_switch.id)
                             .arg(failed)
                             .arg(updates.size())
                             .arg(atomic ? QStringLiteral(" (atomic: nothing applied)") : QString(),
                                  problems.join(QStringLiteral("; "))));
    }

    Result<QList<P4TableEntry>> readEntries(const QString &table, QList<P4CounterData> *counters) override
    {
        if (auto ready = checkConnected(); !ready)
            return makeError(ready.error());
        std::lock_guard lock(m_switch.mutex);
        if (!m_switch.pipeline)
            return makeError(QStringLiteral("switch %1 has no pipeline").arg(m_switch.id));
        if (!table.isEmpty() && !m_switch.pipeline->program().table(table))
            return makeError(QStringLiteral("switch %1: no table \"%2\" in program %3")
                                 .arg(m_switch.id, table, m_switch.pipeline->program().name()));
        return m_switch.pipeline->entries(table, counters);
    }

    Result<P4CounterData> readCounter(const QString &counter, qint64 index) override
    {
        if (auto ready = checkConnected(); !ready)
            return makeError(ready.error());
        std::lock_guard lock(m_switch.mutex);
        if (!m_switch.pipeline)
            return makeError(QStringLiteral("switch %1 has no pipeline").arg(m_switch.id));
        const P4Program &program = m_switch.pipeline->program();
        const P4CounterInfo *info = program.counter(counter);
        if (!info)
            return makeError(QStringLiteral("switch %1: no counter \"%2\" in program %3").arg(m_switch.id, counter, program.name()));
        if (info->directTableId != 0)
            return makeError(QStringLiteral("switch %1: %2 is a direct counter: read it with the entries of its table")
                                 .arg(m_switch.id, counter));
        const auto cells = m_switch.counters.constFind(info->id);
        if (cells == m_switch.counters.cend() || index < 0 || index >= qint64(cells->cells.size()))
            return makeError(QStringLiteral("switch %1: counter %2 has no cell %3 (size %4)")
                                 .arg(m_switch.id, counter)
                                 .arg(index)
                                 .arg(info->size));
        return cells->cells[size_t(index)];
    }

    Result<void> sendPacketOut(const P4Packet &packet) override
    {
        if (auto ready = checkConnected(); !ready)
            return ready;
        auto headers = P4PacketHeaders::fromFrame(packet.payload, quint16(SimulatedFabric::CpuPort));
        if (!headers)
            return makeError(QStringLiteral("switch %1 cannot parse the packet-out: %2").arg(m_switch.id, headers.error()));
        headers->lengthBytes = std::max<qint64>(packet.payload.size(), 64);
        // packet_out.egress_port set: straight out of that port (the usual v1model program);
        // otherwise the packet goes through the ingress pipeline from the CPU port.
        const QByteArray egress = packet.metadata.value(QStringLiteral("egress_port"));
        const int egressPort = egress.isEmpty() ? 0 : int(p4FieldValue(egress));
        const FabricTrip trip = m_fabric->injectPacket(m_switch.index, *headers, egressPort);
        qCDebug(lcFabric) << "packet-out on" << m_switch.id << toString(trip.outcome) << trip.reason;
        return {};
    }

    void setPacketInHandler(std::function<void(const P4Packet &)> handler) override
    {
        std::lock_guard handlerLock(m_switch.handlerMutex);
        m_handler = std::move(handler);
        if (m_connected) {
            m_switch.packetIn = m_handler;
            m_switch.handlerOwner = m_token;
        }
    }

private:
    Result<void> checkConnected() const
    {
        if (m_switch.down.load())
            return makeError(QStringLiteral("switch %1 does not answer (simulated fault: switch down)").arg(m_switch.id));
        if (!m_connected)
            return makeError(QStringLiteral("switch %1: not connected (connectTarget first)").arg(m_switch.id));
        return {};
    }

    /// Waits for a running handler call: after this the switch never calls ours again.
    void releaseHandler()
    {
        std::lock_guard handlerLock(m_switch.handlerMutex);
        if (m_switch.handlerOwner == m_token) {
            m_switch.packetIn = nullptr;
            m_switch.handlerOwner = 0;
        }
    }

    std::shared_ptr<SimulatedFabric> m_fabric;
    SimulatedFabric::Switch &m_switch;
    const quint64 m_token;
    std::atomic<bool> m_connected{false};
    std::function<void(const P4Packet &)> m_handler;
};

// --- the fabric ---------------------------------------------------------------------------

SimulatedFabric::SimulatedFabric(const Scenario &scenario, quint64 seed)
{
    m_startNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::steady_clock::now().time_since_epoch()).count();
    const P4Program &reference = P4Program::reference();
    for (const Continuo::Switch &sw : scenario.inventory.switches) {
        auto state = std::make_unique<Switch>();
        state->id = sw.id;
        state->index = int(m_switches.size());
        state->nominalHopUs = scenario.hopLatencyUsBySwitch.value(sw.id, DefaultHopLatencyUs);
        state->random = Random(seed ^ (quint64(qHash(sw.id)) * 0x9E3779B97F4A7C15ULL));
        if (!reference.isNull())
            state->install(reference); // the program is built in, as the simulator's "hardware"
        m_switchIndex.insert(sw.id, state->index);
        m_switches.push_back(std::move(state));
    }
    for (const Continuo::Link &link : scenario.inventory.links) {
        auto state = std::make_unique<Link>();
        state->id = link.id;
        state->latencyMs = link.latencyMs;
        state->a = {link.a.id, m_switchIndex.value(link.a.id, -1), link.a.port};
        state->b = {link.b.id, m_switchIndex.value(link.b.id, -1), link.b.port};
        const int index = int(m_links.size());
        if (state->a.switchIndex >= 0)
            m_switches[size_t(state->a.switchIndex)]->linkPorts.insert(link.a.port, {index, true});
        if (state->b.switchIndex >= 0)
            m_switches[size_t(state->b.switchIndex)]->linkPorts.insert(link.b.port, {index, false});
        m_linkIndex.insert(link.id, index);
        m_links.push_back(std::move(state));
    }
    for (const FlowSpec &spec : scenario.flows) {
        auto flow = std::make_unique<Flow>();
        flow->spec = spec;
        flow->aSwitch = m_switchIndex.value(spec.a.switchId, -1);
        flow->bSwitch = m_switchIndex.value(spec.b.switchId, -1);
        if (flow->aSwitch < 0 || flow->bSwitch < 0)
            continue; // Scenario::parse refuses these; a hand-built scenario may not
        m_switches[size_t(flow->aSwitch)]->hostPorts.insert(spec.a.port, spec.a.name);
        m_switches[size_t(flow->bSwitch)]->hostPorts.insert(spec.b.port, spec.b.name);
        P4PacketHeaders forward;
        forward.ingressPort = quint16(spec.a.port);
        forward.outer.ipSrc = ipv4(spec.a.ip);
        forward.outer.ipDst = ipv4(spec.b.ip);
        forward.outer.ethSrc = macFor(forward.outer.ipSrc);
        forward.outer.ethDst = macFor(forward.outer.ipDst);
        forward.outer.ipProtocol = quint8(spec.protocol);
        forward.outer.l4Src = quint16(spec.sourcePort);
        forward.outer.l4Dst = quint16(spec.destinationPort);
        forward.lengthBytes = FrameBytes;
        P4PacketHeaders reverse = forward;
        reverse.ingressPort = quint16(spec.b.port);
        std::swap(reverse.outer.ipSrc, reverse.outer.ipDst);
        std::swap(reverse.outer.ethSrc, reverse.outer.ethDst);
        std::swap(reverse.outer.l4Src, reverse.outer.l4Dst);
        flow->headers[0] = forward;
        flow->headers[1] = reverse;
        flow->cache[0].resize(m_switches.size());
        flow->cache[1].resize(m_switches.size());
        m_flowIndex.insert(spec.id, int(m_flows.size()));
        m_flows.push_back(std::move(flow));
    }
    m_socket = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_socket < 0)
        qCWarning(lcFabric) << "no UDP socket for postcards:" << strerror(errno);
}

SimulatedFabric::~SimulatedFabric()
{
    stopTraffic();
    if (m_socket >= 0)
        ::close(m_socket);
}

bool SimulatedFabric::hasSwitch(const QString &switchId) const
{
    return m_switchIndex.contains(switchId);
}

QStringList SimulatedFabric::switchIds() const
{
    QStringList ids;
    for (const auto &sw : m_switches)
        ids.append(sw->id);
    return ids;
}

std::unique_ptr<INetworkTarget> SimulatedFabric::createTarget(const QString &switchId)
{
    const auto index = m_switchIndex.constFind(switchId);
    if (index == m_switchIndex.cend())
        return nullptr;
    return std::make_unique<SimulatedSwitch>(shared_from_this(), *index);
}

void SimulatedFabric::setLatencyFactor(const QString &switchId, double factor)
{
    if (const auto index = m_switchIndex.constFind(switchId); index != m_switchIndex.cend())
        m_switches[size_t(*index)]->latencyFactor.store(std::max(0.01, factor));
}

void SimulatedFabric::setSwitchDown(const QString &switchId, bool down)
{
    if (const auto index = m_switchIndex.constFind(switchId); index != m_switchIndex.cend())
        m_switches[size_t(*index)]->down.store(down);
}

void SimulatedFabric::setLinkDown(const QString &linkId, bool down)
{
    if (const auto index = m_linkIndex.constFind(linkId); index != m_linkIndex.cend())
        m_links[size_t(*index)]->down.store(down);
}

void SimulatedFabric::applyFaults(const QList<FaultSchedule> &faults, const std::vector<bool> &active)
{
    QHash<QString, double> factor;
    QSet<QString> linksDown;
    for (qsizetype i = 0; i < faults.size() && size_t(i) < active.size(); ++i) {
        if (!active[size_t(i)])
            continue;
        const FaultSchedule &fault = faults.at(i);
        if (fault.kind == FaultKind::DegradedSwitch)
            factor[fault.target] = std::max(factor.value(fault.target, 1.0), fault.latencyFactor);
        else if (fault.kind == FaultKind::LinkDown)
            linksDown.insert(fault.target);
    }
    for (const auto &sw : m_switches)
        sw->latencyFactor.store(factor.value(sw->id, 1.0));
    for (const auto &link : m_links)
        link->down.store(linksDown.contains(link->id));
}

double SimulatedFabric::hopLatencyUs(const QString &switchId) const
{
    const auto index = m_switchIndex.constFind(switchId);
    if (index == m_switchIndex.cend())
        return -1;
    const Switch &sw = *m_switches[size_t(*index)];
    return sw.nominalHopUs * sw.latencyFactor.load();
}

quint64 SimulatedFabric::nowUs() const
{
    const qint64 now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::steady_clock::now().time_since_epoch()).count();
    return quint64(std::max<qint64>(0, now - m_startNs) / 1000);
}

FabricTrip SimulatedFabric::sendPacket(const QString &switchId, const P4PacketHeaders &headers)
{
    const auto index = m_switchIndex.constFind(switchId);
    if (index == m_switchIndex.cend())
        return {FabricOutcome::Dropped, {}, QStringLiteral("no switch \"%1\" in the fabric").arg(switchId), 0};
    return traverse(*index, headers, nullptr, 0, 0);
}

FabricTrip SimulatedFabric::injectPacket(int switchIndex, const P4PacketHeaders &headers, int egressPort)
{
    return traverse(switchIndex, headers, nullptr, 0, egressPort);
}

std::optional<P4PacketHeaders> SimulatedFabric::flowHeaders(const QString &flowId, Direction direction) const
{
    const auto index = m_flowIndex.constFind(flowId);
    if (index == m_flowIndex.cend())
        return std::nullopt;
    return m_flows[size_t(*index)]->headers[direction == Direction::Forward ? 0 : 1];
}

FabricTrip SimulatedFabric::traverse(int index, P4PacketHeaders headers, Flow *flow, int direction,
                                     int forcedEgressPort)
{
    FabricTrip trip;
    quint64 clockUs = nowUs();
    QVarLengthArray<quint32, MaxHops> visited;
    for (int hop = 0; hop < MaxHops; ++hop) {
        Switch &sw = *m_switches[size_t(index)];
        trip.switches.append(sw.id);
        const quint32 visit = quint32(index) << 16 | headers.ingressPort;
        if (std::find(visited.cbegin(), visited.cend(), visit) != visited.cend()) {
            trip.outcome = FabricOutcome::Loop;
            trip.reason = QStringLiteral("loop: back at %1 port %2").arg(sw.id).arg(headers.ingressPort);
            return trip;
        }
        visited.append(visit);
        if (sw.down.load(std::memory_order_relaxed)) {
            trip.outcome = FabricOutcome::SwitchDown;
            trip.reason = QStringLiteral("%1 is down").arg(sw.id);
            return trip;
        }

        // The ingress pipeline, under the switch's lock. A flow's verdict is cached per switch
        // until the switch's entries change; a cache hit still counts the entries it hits.
        P4PacketTrace local;
        const P4PacketTrace *trace = &local;
        double hopUs = 0;
        {
            std::lock_guard lock(sw.mutex);
            if (!sw.pipeline) {
                trip.outcome = FabricOutcome::Dropped;
                trip.reason = QStringLiteral("%1 has no pipeline").arg(sw.id);
                return trip;
            }
            if (sw.portCounterId != 0) {
                auto &cells = sw.counters[sw.portCounterId].cells;
                if (headers.ingressPort < cells.size()) {
                    cells[headers.ingressPort].packets += 1;
                    cells[headers.ingressPort].bytes += headers.lengthBytes;
                }
            }
            if (forcedEgressPort > 0) {
                local.isValid = true;
                local.verdict = P4Verdict::Forward;
                local.egressPort = forcedEgressPort;
            } else if (flow) {
                CachedVerdict &cached = flow->cache[direction][size_t(index)];
                if (cached.generation == sw.generation && cached.ingressPort == headers.ingressPort) {
                    for (const P4TableStep &step : cached.trace.steps) {
                        if (step.isApplied && step.isHit)
                            if (P4TablePipeline *table = sw.pipeline->table(step.table))
                                table->countHit(step.handle, headers.lengthBytes);
                    }
                } else {
                    cached.trace = sw.pipeline->evaluate(headers, P4EvaluationMode::Process);
                    cached.generation = sw.generation;
                    cached.ingressPort = headers.ingressPort;
                }
                trace = &cached.trace;
            } else {
                local = sw.pipeline->evaluate(headers, P4EvaluationMode::Process);
            }
            hopUs = sw.sampleHopUs();
        }
        forcedEgressPort = 0;

        if (!trace->isValid) {
            trip.outcome = FabricOutcome::Dropped;
            trip.reason = QStringLiteral("%1 cannot run its program on the packet: %2").arg(sw.id, trace->error);
            return trip;
        }
        if (trace->verdict == P4Verdict::Drop || trace->verdict == P4Verdict::Unknown) {
            const P4TableStep *table0 = stepOf(*trace, QLatin1StringView("table0"));
            trip.outcome = FabricOutcome::Dropped;
            trip.reason = table0 && table0->isHit
                              ? QStringLiteral("%1 dropped it (table0 entry %2)").arg(sw.id, table0->matchKey)
                              : QStringLiteral("%1 dropped it (no table0 entry matches: default action)").arg(sw.id);
            return trip;
        }
        if (trace->verdict == P4Verdict::ToCpu) {
            trip.outcome = FabricOutcome::ToCpu;
            trip.reason = QStringLiteral("%1 sent it to its controller").arg(sw.id);
            std::lock_guard handlerLock(sw.handlerMutex);
            if (sw.packetIn) {
                P4Packet packet;
                packet.payload = buildFrame(headers);
                packet.metadata.insert(QStringLiteral("ingress_port"), p4FieldBytes(headers.ingressPort, 9));
                sw.packetIn(packet);
            }
            return trip;
        }

        const int egressPort = trace->egressPort;
        if (trace->postcardFlowId) {
            sendPostcard(sw, *trace, headers.ingressPort, quint16(egressPort), clockUs, quint64(std::llround(hopUs)));
            ++trip.postcards;
        }
        clockUs += quint64(std::llround(hopUs));
        if (const auto host = sw.hostPorts.constFind(egressPort); host != sw.hostPorts.cend()) {
            const bool expected = !flow
                                  || (direction == 0 ? (index == flow->bSwitch && egressPort == flow->spec.b.port)
                                                     : (index == flow->aSwitch && egressPort == flow->spec.a.port));
            trip.outcome = expected ? FabricOutcome::Delivered : FabricOutcome::Misdelivered;
            trip.reason = QStringLiteral("%1 port %2 to host %3").arg(sw.id).arg(egressPort).arg(*host);
            return trip;
        }
        const auto peer = sw.linkPorts.constFind(egressPort);
        if (peer == sw.linkPorts.cend()) {
            trip.outcome = FabricOutcome::NoLink;
            trip.reason = QStringLiteral("%1 port %2 leads nowhere (no link, no host)").arg(sw.id).arg(egressPort);
            return trip;
        }
        const Link &link = *m_links[size_t(peer->linkIndex)];
        if (link.down.load(std::memory_order_relaxed)) {
            trip.outcome = FabricOutcome::LinkDown;
            trip.reason = QStringLiteral("%1 sent it on %2, which is down").arg(sw.id, link.id);
            return trip;
        }
        const Link::End &next = peer->isA ? link.b : link.a;
        if (next.switchIndex < 0) {
            trip.outcome = flow ? FabricOutcome::Misdelivered : FabricOutcome::Delivered;
            trip.reason = QStringLiteral("%1 port %2 to node %3 over %4").arg(sw.id).arg(egressPort).arg(next.id, link.id);
            return trip;
        }
        clockUs += quint64(std::llround(link.latencyMs * 1000.0));
        index = next.switchIndex;
        headers.ingressPort = quint16(next.port);
    }
    trip.outcome = FabricOutcome::Loop;
    trip.reason = QStringLiteral("more than %1 hops").arg(MaxHops);
    return trip;
}

void SimulatedFabric::sendPostcard(Switch &sw, const P4PacketTrace &trace, quint16 ingressPort,
                                   quint16 egressPort, quint64 ingressUs, quint64 hopUs)
{
    // The report goes where the generate_report entry says; none installed: no report.
    const P4TableStep *report = stepOf(trace, QLatin1StringView("generate_report"));
    if (!report || !report->isApplied || !isNamed(report->action, QLatin1StringView("do_report_encapsulation")))
        return;
    const auto monIp = param(report->params, QLatin1StringView("mon_ip"));
    const auto monPort = param(report->params, QLatin1StringView("mon_port"));
    if (!monIp || !monPort || *monPort == 0 || m_socket < 0)
        return;

    IntPostcard postcard;
    postcard.switchId = trace.switchId.value_or(0);
    postcard.flowId = *trace.postcardFlowId;
    postcard.hasFlowId = true;
    postcard.sequence = sw.sequence.fetch_add(1, std::memory_order_relaxed) & 0x3fffff;
    postcard.ingressPort = ingressPort;
    postcard.egressPort = egressPort;
    postcard.hopLatencyNs = quint32(std::min<quint64>(hopUs * 1000, 0xffffffffu));
    // A queue drained at ~2 µs per packet behind a 20 µs pipeline.
    postcard.queueOccupancy = quint32(hopUs > 20 ? (hopUs - 20) / 2 : 0);
    postcard.ingressTimestampNs = ingressUs * 1000;
    postcard.egressTimestampNs = (ingressUs + hopUs) * 1000;
    postcard.repMdBits = IntRepMd::DefaultPostcard;
    IntEncodeOptions options;
    options.timestampUnit = IntTimestampUnit::Microseconds;
    const QByteArray datagram = encodePostcard(postcard, options);

    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(quint16(*monPort));
    to.sin_addr.s_addr = htonl(quint32(*monIp));
    const ssize_t sent = ::sendto(m_socket, datagram.constData(), size_t(datagram.size()), MSG_DONTWAIT,
                                  reinterpret_cast<const sockaddr *>(&to), sizeof(to));
    if (sent == ssize_t(datagram.size()))
        m_postcardsSent.fetch_add(1, std::memory_order_relaxed);
    else
        m_postcardErrors.fetch_add(1, std::memory_order_relaxed);
}

bool SimulatedFabric::sendFlowPackets(const QString &flowId, int packets)
{
    const auto index = m_flowIndex.constFind(flowId);
    if (index == m_flowIndex.cend())
        return false;
    Flow &flow = *m_flows[size_t(*index)];
    std::lock_guard lock(flow.sendMutex);
    for (int i = 0; i < packets; ++i) {
        for (int direction = 0; direction < 2; ++direction) {
            const int ingress = direction == 0 ? flow.aSwitch : flow.bSwitch;
            countFlow(flow, direction, traverse(ingress, flow.headers[direction], &flow, direction, 0));
        }
    }
    return true;
}

void SimulatedFabric::countFlow(Flow &flow, int direction, const FabricTrip &trip)
{
    flow.sent.fetch_add(1, std::memory_order_relaxed);
    flow.postcards.fetch_add(trip.postcards, std::memory_order_relaxed);
    switch (trip.outcome) {
    case FabricOutcome::Delivered:
        flow.delivered.fetch_add(1, std::memory_order_relaxed);
        break;
    case FabricOutcome::ToCpu:
        flow.toCpu.fetch_add(1, std::memory_order_relaxed);
        break;
    default:
        flow.dropped.fetch_add(1, std::memory_order_relaxed);
        break;
    }
    std::lock_guard lock(flow.statsMutex);
    if (flow.path[direction] != trip.switches)
        flow.path[direction] = trip.switches;
    if (trip.outcome != FabricOutcome::Delivered && flow.lastProblem != trip.reason)
        flow.lastProblem = trip.reason;
}

FabricFlowStats SimulatedFabric::flowStats(const QString &flowId) const
{
    FabricFlowStats stats;
    const auto index = m_flowIndex.constFind(flowId);
    if (index == m_flowIndex.cend())
        return stats;
    const Flow &flow = *m_flows[size_t(*index)];
    stats.sent = flow.sent.load();
    stats.delivered = flow.delivered.load();
    stats.dropped = flow.dropped.load();
    stats.toCpu = flow.toCpu.load();
    stats.postcards = flow.postcards.load();
    std::lock_guard lock(flow.statsMutex);
    stats.forwardPath = flow.path[0];
    stats.reversePath = flow.path[1];
    stats.lastProblem = flow.lastProblem;
    return stats;
}

void SimulatedFabric::startTraffic()
{
    std::lock_guard lock(m_trafficMutex);
    if (m_traffic.joinable() || m_flows.empty())
        return;
    m_stopTraffic = false;
    m_traffic = std::thread([this] { trafficLoop(); });
}

void SimulatedFabric::stopTraffic()
{
    std::thread traffic;
    {
        std::lock_guard lock(m_trafficMutex);
        m_stopTraffic = true;
        traffic = std::move(m_traffic);
    }
    m_trafficWake.notify_all();
    if (traffic.joinable())
        traffic.join();
}

bool SimulatedFabric::isTrafficRunning() const
{
    std::lock_guard lock(m_trafficMutex);
    return m_traffic.joinable();
}

void SimulatedFabric::trafficLoop()
{
    auto last = std::chrono::steady_clock::now();
    std::unique_lock lock(m_trafficMutex);
    while (!m_stopTraffic) {
        m_trafficWake.wait_until(lock, last + TrafficTick, [this] { return m_stopTraffic; });
        if (m_stopTraffic)
            break;
        lock.unlock();
        const auto now = std::chrono::steady_clock::now();
        // After a stall (suspended process) send at most half a second's worth.
        const double seconds = std::min(0.5, std::chrono::duration<double>(now - last).count());
        last = now;
        for (const auto &flow : m_flows) {
            flow->credit += flow->spec.ratePps * seconds;
            const int packets = int(flow->credit);
            flow->credit -= packets;
            if (packets > 0)
                sendFlowPackets(flow->spec.id, packets);
        }
        lock.lock();
    }
}

QByteArray SimulatedFabric::buildFrame(const P4PacketHeaders &headers)
{
    QByteArray frame;
    frame.reserve(int(std::max<qint64>(headers.lengthBytes, 64)));
    if (headers.inner) {
        // Outer Ethernet/IPv4/UDP to the VXLAN port, the VXLAN header (VNI 1), the inner frame.
        P4PacketHeaders::Layer outer = headers.outer;
        outer.ipProtocol = 17;
        if (outer.l4Dst == 0)
            outer.l4Dst = P4PacketHeaders::VxlanPort;
        const int innerPayload = int(headers.lengthBytes) - 14 - 20 - 8 - 8 - 14 - 20 - 8;
        appendLayer(frame, outer, 8 + 14 + 20 + 8 + std::max(0, innerPayload));
        appendBigEndian(frame, 0x08000000, 4);
        appendBigEndian(frame, 1 << 8, 4);
        appendLayer(frame, *headers.inner, innerPayload);
    } else {
        const int payload = int(headers.lengthBytes) - 14 - 20 - 8;
        appendLayer(frame, headers.outer, payload);
    }
    if (frame.size() < headers.lengthBytes)
        frame.append(QByteArray(int(headers.lengthBytes - frame.size()), '\0'));
    return frame;
}

QList<Connection> scenarioConnections(const Scenario &scenario)
{
    QList<Connection> connections;
    for (const FlowSpec &flow : scenario.flows) {
        Connection connection;
        connection.id = flow.id;
        connection.name = flow.name;
        connection.a = {flow.a.name, flow.a.ip, QString(), flow.a.switchId, flow.a.port, flow.sourcePort};
        connection.b = {flow.b.name, flow.b.ip, QString(), flow.b.switchId, flow.b.port, flow.destinationPort};
        connection.ipProtocol = flow.protocol;
        connection.bidirectional = true;
        connection.flowId = flow.flowId;
        connection.telemetry = flow.telemetry;
        connection.pinnedPath = flow.pinnedPath;
        connections.append(connection);
    }
    return connections;
}

QList<SlaRule> scenarioSlaRules(const Scenario &scenario)
{
    QList<SlaRule> rules;
    for (const SlaSpec &sla : scenario.slas) {
        SlaRule rule;
        rule.id = sla.id;
        rule.connectionId = sla.flow;
        rule.metric = sla.metric == QLatin1String("max") ? SlaMetric::MaxLatency : SlaMetric::AvgLatency;
        rule.thresholdMs = sla.thresholdMs;
        rule.persistenceMs = sla.persistenceMs;
        rule.windowMs = sla.windowMs;
        rules.append(rule);
    }
    return rules;
}

} // namespace Continuo::Simulator
