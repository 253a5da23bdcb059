#pragma once

// The paper's fabric (BRAINE, REFERENCE.md "P4 and in-band telemetry") on real P4Runtime
// servers: five reference-pipeline switches S1..S5 on free loopback ports, driven by an engine
// through the p4runtime plugin, links S1-S3, S3-S4, S4-S2 (the flows' path) and S1-S5, S5-S2 (the
// slower backup). Used by tst_p4fabricloop and bench_p4.

#include "P4RuntimeTestServer.h"

#include "engine/Engine.h"
#include "network/IntReport.h"
#include "network/NetworkController.h"
#include "telemetry/TelemetryHub.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTemporaryDir>
#include <QTimer>
#include <QUdpSocket>

#include <memory>
#include <vector>

namespace Continuo::Testing {

using P4Runtime::Testing::P4RuntimeTestServer;

class P4Fabric
{
public:
    static QStringList switchIds() { return {"S1", "S2", "S3", "S4", "S5"}; }

    /// Start servers and engine; an empty result is success.
    QString start(const QString &pluginDirectory, qint64 slaHoldDownMs = 5000)
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        QVariantList switches;
        for (const QString &id : switchIds()) {
            auto server = std::make_unique<P4RuntimeTestServer>();
            auto port = server->start(0);
            if (!port)
                return QStringLiteral("P4Runtime server %1: %2").arg(id, port.error());
            switches.append(QVariantMap{{"id", id}, {"name", id}, {"address", server->address()},
                                        {"deviceId", "1"}, {"electionId", "1"}});
            m_servers.push_back(std::move(server));
        }
        EngineOptions options;
        options.dataDirectory = m_dir.path();
        options.scenario = QStringLiteral("none");
        options.hostProbe = false;
        options.persistTelemetry = false;
        options.pluginPaths = {pluginDirectory};
        options.disabledPlugins = {QStringLiteral("slurm"), QStringLiteral("libvirt")};
        options.pluginSettings.insert(QStringLiteral("p4runtime"), {{"switches", switches}});
        options.network.windowMs = 100;
        options.network.slaHoldDownMs = slaHoldDownMs;
        if (auto started = m_engine->start(options); !started)
            return started.error();
        InventoryChangeSet links;
        const auto link = [&links](const char *id, const char *a, int pa, const char *b, int pb, double ms) {
            Link l;
            l.id = QLatin1String(id);
            l.a = {QLatin1String(a), pa};
            l.b = {QLatin1String(b), pb};
            l.latencyMs = ms;
            l.capacityBitsPerSecond = 10'000'000'000;
            l.state = LinkState::Up;
            links.upsert(l);
        };
        link("S1-S3", "S1", 1, "S3", 1, 1.0);
        link("S3-S4", "S3", 2, "S4", 1, 1.0);
        link("S4-S2", "S4", 2, "S2", 1, 1.0);
        link("S1-S5", "S1", 2, "S5", 1, 2.0);
        link("S5-S2", "S5", 2, "S2", 2, 2.0);
        if (auto applied = m_engine->applyInventory(links, QStringLiteral("test")); !applied)
            return applied.error();
        // Every switch connected, pipeline set, base entries written.
        if (!waitFor([this] {
                const auto list = network()->switches();
                if (list.size() != 5)
                    return false;
                for (const auto &s : list) {
                    if (!s.connected || s.installedEntries < 2)
                        return false;
                }
                return true;
            }, 20000)) {
            QStringList states;
            for (const auto &s : network()->switches())
                states.append(QStringLiteral("%1 connected=%2 installed=%3 %4").arg(s.switchId).arg(s.connected).arg(s.installedEntries).arg(s.lastError));
            return QStringLiteral("switches did not come up: ") + states.join(QStringLiteral("; "));
        }
        return {};
    }

    void stop()
    {
        m_engine->stop();
        for (auto &server : m_servers)
            server->stop();
    }

    Engine &engine() { return *m_engine; }
    /// Stop the engine and start a new one on the same data directory (as after a crash or an
    /// upgrade: a new process); the switches keep running.
    Result<void> restart()
    {
        const EngineOptions options = m_engine->options();
        m_engine->stop();
        m_engine = std::make_unique<Engine>();
        return m_engine->start(options);
    }
    NetworkController *network() { return m_engine->network(); }
    P4RuntimeTestServer &server(int index) { return *m_servers.at(size_t(index)); }

    static Connection flow(const QString &id, quint32 flowId, int sport)
    {
        Connection c;
        c.id = id;
        c.name = id;
        c.flowId = flowId;
        c.a = {QStringLiteral("host-a"), QStringLiteral("10.1.0.1"), {}, QStringLiteral("S1"), 20, sport};
        c.b = {QStringLiteral("host-b"), QStringLiteral("10.2.0.1"), {}, QStringLiteral("S2"), 21, 5201};
        c.ipProtocol = 17;
        c.telemetry = true;
        c.pinnedPath = {QStringLiteral("S1"), QStringLiteral("S3"), QStringLiteral("S4"), QStringLiteral("S2")};
        return c;
    }

    /// Run an asynchronous controller call to its answer.
    template<typename T, typename Call>
    Result<T> await(Call call, int timeoutMs = 10000)
    {
        std::optional<Result<T>> answer;
        call([&answer](const Result<T> &result) { answer = result; });
        waitFor([&answer] { return answer.has_value(); }, timeoutMs);
        return answer ? *answer : Result<T>(makeError(QStringLiteral("no answer in %1 ms").arg(timeoutMs)));
    }

    quint32 intId(const QString &switchId)
    {
        for (const auto &s : network()->switches()) {
            if (s.switchId == switchId)
                return s.intSwitchId;
        }
        return 0;
    }

    /// One postcard as BMv2 sends it (µs timestamps) to the engine's collector.
    void sendPostcard(const QString &switchId, quint32 flowId, double hopLatencyMs)
    {
        IntPostcard p;
        p.switchId = intId(switchId);
        p.flowId = flowId;
        p.sequence = ++m_sequence;
        p.ingressPort = 1;
        p.egressPort = 2;
        const quint64 ingressNs = quint64(QDateTime::currentMSecsSinceEpoch()) * 1000000;
        p.ingressTimestampNs = ingressNs;
        p.egressTimestampNs = ingressNs + quint64(hopLatencyMs * 1e6);
        p.hopLatencyNs = quint32(hopLatencyMs * 1e6);
        IntEncodeOptions options;
        options.timestampUnit = IntTimestampUnit::Microseconds;
        const QByteArray datagram = encodePostcard(p, options);
        m_socket.writeDatagram(datagram, QHostAddress::LocalHost, network()->collectorPort());
    }

    template<typename Predicate>
    static bool waitFor(Predicate predicate, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!predicate()) {
            if (deadline.hasExpired())
                return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        return true;
    }

private:
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<P4RuntimeTestServer>> m_servers;
    std::unique_ptr<Engine> m_engine = std::make_unique<Engine>();
    QUdpSocket m_socket;
    quint32 m_sequence = 0;
};

} // namespace Continuo::Testing
