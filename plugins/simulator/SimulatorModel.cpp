#include "SimulatorModel.h"

#include <QtMath>

#include <cmath>
#include <numbers>

namespace Continuo::Simulator {

namespace {
/// FNV-1a over UTF-16, stable across Qt versions (qHash is not promised to be).
quint64 stableHash(const QString &text, quint64 seed)
{
    quint64 hash = 1469598103934665603ULL ^ seed;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 1099511628211ULL;
    }
    return hash;
}

constexpr double kNicBytesPerSecond = 1.25e9; // 10 Gb/s
} // namespace

quint64 Random::next()
{
    quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double Random::uniform()
{
    return double(next() >> 11) * 0x1.0p-53;
}

double Random::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u = 0.0;
    while (u <= 1e-300)
        u = uniform();
    const double v = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u));
    m_spare = radius * std::sin(2.0 * std::numbers::pi * v);
    m_hasSpare = true;
    return radius * std::cos(2.0 * std::numbers::pi * v);
}

SimulatorModel::SimulatorModel(Scenario scenario, quint64 seed)
    : m_scenario(std::move(scenario))
    , m_seed(seed)
    , m_active(m_scenario.faults.size(), false)
{
    for (const Node &node : std::as_const(m_scenario.inventory.nodes))
        m_nodes.insert(node.id, NodeRuntime{Random(stableHash(node.id, m_seed))});
    for (const Link &link : std::as_const(m_scenario.inventory.links))
        m_links.insert(link.id, LinkRuntime{Random(stableHash(link.id, m_seed))});
}

void SimulatorModel::applyFaultTransitions(qint64 timestampMs, Step &step)
{
    const qint64 seconds = (timestampMs - m_startMs) / 1000;
    const auto &inventory = m_scenario.inventory;
    for (size_t i = 0; i < m_active.size(); ++i) {
        const FaultSchedule &fault = m_scenario.faults.at(qsizetype(i));
        const bool active = fault.isActiveAt(seconds);
        if (active == m_active[i])
            continue;
        m_active[i] = active;

        Event event;
        event.type = QLatin1String(EventTypes::SimulatorFault);
        event.timestampMs = timestampMs;
        event.severity = active ? EventSeverity::Warning : EventSeverity::Info;
        event.source = QStringLiteral("plugin:simulator");
        event.subjectId = fault.target;
        QString kind;
        switch (fault.kind) {
        case FaultKind::DegradedSwitch: {
            kind = QStringLiteral("degraded-switch");
            event.message = active ? QObject::tr("Fault injected: switch %1 degraded (latency ×%2)")
                                         .arg(fault.target).arg(fault.latencyFactor)
                                   : QObject::tr("Fault cleared: switch %1 healthy again").arg(fault.target);
            for (Switch sw : inventory.switches) {
                if (sw.id != fault.target)
                    continue;
                sw.state = active ? SwitchState::Degraded : SwitchState::Up;
                step.inventoryChanges.upsert(sw);
            }
            for (Link link : inventory.links) {
                if (link.a.id != fault.target && link.b.id != fault.target)
                    continue;
                link.state = active ? LinkState::Degraded : LinkState::Up;
                step.inventoryChanges.upsert(link);
            }
            break;
        }
        case FaultKind::HotNode:
            kind = QStringLiteral("hot-node");
            event.message = active ? QObject::tr("Fault injected: node %1 runs hot").arg(fault.target)
                                   : QObject::tr("Fault cleared: node %1 back to normal load").arg(fault.target);
            break;
        case FaultKind::LinkDown:
            kind = QStringLiteral("link-down");
            event.message = active ? QObject::tr("Fault injected: link %1 down").arg(fault.target)
                                   : QObject::tr("Fault cleared: link %1 up").arg(fault.target);
            for (Link link : inventory.links) {
                if (link.id != fault.target)
                    continue;
                link.state = active ? LinkState::Down : LinkState::Up;
                step.inventoryChanges.upsert(link);
            }
            break;
        case FaultKind::Unknown:
            break;
        }
        event.payload = {{QStringLiteral("fault"), kind},
                         {QStringLiteral("target"), fault.target},
                         {QStringLiteral("active"), active}};
        step.events.append(event);
    }
}

SimulatorModel::Step SimulatorModel::step(qint64 timestampMs)
{
    Step step;
    if (m_startMs < 0)
        m_startMs = timestampMs;
    applyFaultTransitions(timestampMs, step);

    QSet<QString> hotNodes;
    QHash<QString, double> switchFactor;
    QSet<QString> linksDown;
    for (size_t i = 0; i < m_active.size(); ++i) {
        if (!m_active[i])
            continue;
        const FaultSchedule &fault = m_scenario.faults.at(qsizetype(i));
        if (fault.kind == FaultKind::HotNode)
            hotNodes.insert(fault.target);
        else if (fault.kind == FaultKind::DegradedSwitch)
            switchFactor.insert(fault.target, fault.latencyFactor);
        else if (fault.kind == FaultKind::LinkDown)
            linksDown.insert(fault.target);
    }

    const double hoursUtc = double(timestampMs) / 3'600'000.0;
    QHash<QString, std::pair<double, int>> siteSums;
    const auto &nodes = m_scenario.inventory.nodes;
    step.samples.reserve(nodes.size() * 5 + m_scenario.inventory.links.size() * 2);

    for (const Node &node : nodes) {
        NodeRuntime &state = m_nodes[node.id];
        const LoadProfile load = m_scenario.loadByNode.value(node.id);
        const double localHour =
            std::fmod(hoursUtc + m_scenario.utcOffsetHoursBySite.value(node.siteId), 24.0);
        const double daily = std::cos(2.0 * std::numbers::pi * (localHour - load.peakHour) / 24.0);
        // AR(1) noise keeps consecutive samples correlated like real load.
        state.cpuNoise = 0.85 * state.cpuNoise + load.noise * 0.527 * state.random.normal();
        double cpu = load.base + load.dailyAmplitude * daily + state.cpuNoise;
        if (hotNodes.contains(node.id))
            cpu = 0.95 + 0.03 * std::abs(state.random.normal());
        const ExtraLoad extra = m_extraLoad.value(node.id);
        if (node.capacity.cpuCores > 0.0)
            cpu += extra.cpuCores / node.capacity.cpuCores;
        cpu = std::clamp(cpu, 0.01, 1.0);
        state.lastCpu = cpu;

        state.memoryDrift = std::clamp(state.memoryDrift + 0.004 * state.random.normal(), -0.15, 0.15);
        double memory = load.memoryBase + 0.25 * (cpu - load.base) + state.memoryDrift;
        if (node.capacity.memoryBytes > 0)
            memory += double(extra.memoryBytes) / double(node.capacity.memoryBytes);
        memory = std::clamp(memory, 0.02, 0.99);
        const double receive = (0.03 + 0.45 * cpu) * kNicBytesPerSecond * std::max(0.0, 1.0 + 0.1 * state.random.normal());
        const double transmit = receive * (0.6 + 0.1 * state.random.uniform());

        const Labels labels{{QLatin1String(MetricLabels::Node), node.id},
                            {QLatin1String(MetricLabels::Site), node.siteId}};
        auto add = [&](const char *metric, double value) {
            step.samples.append(SeriesBatch{QLatin1String(metric), labels, {{timestampMs, value}}});
        };
        add(Metrics::NodeCpuUtilisation, cpu);
        add(Metrics::NodeMemoryUtilisation, memory);
        add(Metrics::NodeMemoryUsedBytes, memory * double(node.capacity.memoryBytes));
        add(Metrics::NodeNetworkReceiveBytesRate, receive);
        add(Metrics::NodeNetworkTransmitBytesRate, transmit);

        auto &sum = siteSums[node.siteId];
        sum.first += cpu;
        sum.second += 1;
    }
    for (auto it = siteSums.cbegin(); it != siteSums.cend(); ++it)
        m_siteLoad[it.key()] = it->first / std::max(1, it->second);

    QHash<QString, QString> siteOfSwitch;
    for (const Switch &sw : m_scenario.inventory.switches)
        siteOfSwitch.insert(sw.id, sw.siteId);
    double overall = 0.0;
    for (double value : std::as_const(m_siteLoad))
        overall += value;
    overall = m_siteLoad.isEmpty() ? 0.3 : overall / m_siteLoad.size();

    QHash<QString, double> linkSeconds;
    for (const Link &link : m_scenario.inventory.links) {
        if (linksDown.contains(link.id))
            continue; // nothing measures a dead link
        LinkRuntime &state = m_links[link.id];
        auto loadAt = [&](const LinkEndpoint &end) {
            const QString site = siteOfSwitch.value(end.id);
            return site.isEmpty() ? overall : m_siteLoad.value(site, overall);
        };
        state.utilisationNoise = 0.8 * state.utilisationNoise + 0.03 * state.random.normal();
        const double utilisation = std::clamp(0.7 * 0.5 * (loadAt(link.a) + loadAt(link.b)) + state.utilisationNoise, 0.01, 0.97);
        // M/M/1-like queueing delay on top of propagation, plus jitter.
        const double queueing = 0.15 * utilisation / (1.0 - utilisation);
        double latencyMs = link.latencyMs * (1.0 + queueing) + std::abs(state.random.normal()) * 0.03 * link.latencyMs;
        latencyMs *= std::max(switchFactor.value(link.a.id, 1.0), switchFactor.value(link.b.id, 1.0));
        const Labels labels{{QLatin1String(MetricLabels::Link), link.id}};
        linkSeconds.insert(link.id, latencyMs / 1000.0);
        if (!m_scenario.unmeasuredLinks.contains(link.id))
            step.samples.append(SeriesBatch{QLatin1String(Metrics::LinkLatencySeconds), labels, {{timestampMs, latencyMs / 1000.0}}});
        step.samples.append(SeriesBatch{QLatin1String(Metrics::LinkUtilisation), labels, {{timestampMs, utilisation}}});
    }
    // End-to-end probes: the sum over the path's links, silent while any of them is down.
    for (const MeasuredPathSpec &path : std::as_const(m_scenario.paths)) {
        double seconds = 0.0;
        bool up = true;
        for (const QString &id : path.links) {
            const auto it = linkSeconds.constFind(id);
            if (it == linkSeconds.cend()) {
                up = false;
                break;
            }
            seconds += it.value();
        }
        if (!up)
            continue;
        const Labels labels{{QStringLiteral("from"), path.from},
                            {QStringLiteral("to"), path.to},
                            {QStringLiteral("path"), path.links.join(QLatin1Char(','))}};
        step.samples.append(SeriesBatch{QStringLiteral("path_latency_seconds"), labels, {{timestampMs, seconds}}});
    }
    return step;
}

} // namespace Continuo::Simulator
