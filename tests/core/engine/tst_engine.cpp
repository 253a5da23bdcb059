#include "control/LocalControlPlane.h"
#include "engine/Engine.h"
#include "store/IStateStore.h"
#include "telemetry/HostProbe.h"
#include "telemetry/TelemetryHub.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;

namespace {
EngineOptions options(const QString &dir, const QString &scenario = QStringLiteral("demo"))
{
    EngineOptions o;
    o.dataDirectory = dir;
    o.scenario = scenario;
    o.pluginPaths = {QStringLiteral(PRODUCT_PLUGIN_DIR)};
    o.hostProbe = false;
    return o;
}

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class tst_Engine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoContinuumComesAlive()
    {
        QTemporaryDir dir;
        Engine engine;
        QSignalSpy inventorySpy(&engine, &Engine::inventoryChanged);
        auto started = engine.start(options(dir.path()));
        QVERIFY2(started.hasValue(), qPrintable(started.error()));
        QCOMPARE(toString(engine.state()), toString(EngineState::Running));
        QCOMPARE(engine.inventory().count(EntityKind::Site), 3);
        QVERIFY(engine.inventory().count(EntityKind::Node) >= 55);
        QVERIFY(!inventorySpy.isEmpty());

        // Live telemetry flows for nodes and links.
        const QString cpu = seriesKey(QStringLiteral("node_cpu_utilisation"),
                                      {{QStringLiteral("node"), QStringLiteral("edge-ath-01")},
                                       {QStringLiteral("site"), QStringLiteral("site-edge-athens")}});
        QTRY_VERIFY_WITH_TIMEOUT(engine.telemetry()->latest(cpu).has_value(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(engine.telemetry()->series(SeriesMatcher{QStringLiteral("link_latency_seconds"), {}}).size() >= 5, 5000);

        const EngineStatus status = engine.status();
        QCOMPARE(toString(status.state), toString(EngineState::Running));
        QVERIFY(status.nodeCount >= 55);
        QVERIFY(status.samplesIngestedTotal > 0);
        const auto simulator = std::find_if(status.plugins.cbegin(), status.plugins.cend(),
                                            [](const PluginInfo &p) { return p.metadata.id == QLatin1String("simulator"); });
        QVERIFY(simulator != status.plugins.cend());
        QCOMPARE(toString(simulator->state), toString(PluginState::Running));
        // Backend plugins with no section in the configuration run idle instead of failing.
        for (const PluginInfo &plugin : status.plugins) {
            if (plugin.metadata.id == QLatin1String("slurm") || plugin.metadata.id == QLatin1String("libvirt"))
                QVERIFY2(plugin.state == PluginState::Running,
                         qPrintable(plugin.metadata.id + QLatin1String(": ") + plugin.errorString));
        }

        const auto events = engine.recentEvents();
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const Event &e) {
            return e.type == QLatin1String("General.Information") && e.source == QLatin1String("plugin:simulator");
        }));
        for (int i = 1; i < events.size(); ++i)
            QVERIFY(events.at(i).sequence > events.at(i - 1).sequence);
        engine.stop();
        QCOMPARE(toString(engine.state()), toString(EngineState::Stopped));
    }

    void restartRestoresState()
    {
        QTemporaryDir dir;
        qint64 lastSequence = 0;
        qint64 revision = 0;
        {
            Engine engine;
            QVERIFY(engine.start(options(dir.path())).hasValue());
            auto drained = engine.setNodeState(QStringLiteral("cloud-fra-03"), NodeState::Draining,
                                               QStringLiteral("test:alice"), QStringLiteral("kernel upgrade"));
            QVERIFY2(drained.hasValue(), qPrintable(drained.error()));
            QCOMPARE(toString(drained->state), toString(NodeState::Draining));
            lastSequence = engine.status().lastEventSequence;
            revision = engine.inventory().revision();
            engine.stop();
        }
        Engine engine;
        QVERIFY(engine.start(options(dir.path(), QStringLiteral("none"))).hasValue());
        // Inventory, events and the audit log come back without the simulator running.
        const Node *node = engine.inventory().find<Node>(QStringLiteral("cloud-fra-03"));
        QVERIFY(node);
        QCOMPARE(toString(node->state), toString(NodeState::Draining));
        QCOMPARE(engine.inventory().revision(), revision);
        QVERIFY(engine.status().lastEventSequence > lastSequence); // continues, never reuses
        const auto history = engine.recentEvents(0, QStringLiteral("Operator."));
        QCOMPARE(history.size(), 1);
        QVERIFY(history.first().message.contains(QLatin1String("kernel upgrade")));
        const auto audit = engine.store()->auditLog(0, 100);
        QVERIFY(audit.hasValue());
        QCOMPARE(audit->size(), 1);
        QCOMPARE(audit->first().actor, QStringLiteral("test:alice"));
        QCOMPARE(audit->first().action, QStringLiteral("node.set_state"));
        QCOMPARE(audit->first().target, QStringLiteral("cloud-fra-03"));
        QCOMPARE(audit->first().details.value(QStringLiteral("to")).toString(), QStringLiteral("draining"));
    }

    void operatorErrorsAreClear()
    {
        QTemporaryDir dir;
        Engine engine;
        QVERIFY(engine.start(options(dir.path())).hasValue());
        auto missing = engine.setNodeState(QStringLiteral("ghost"), NodeState::Cordoned, QStringLiteral("t"), {});
        QVERIFY(!missing.hasValue());
        QVERIFY(missing.error().contains(QLatin1String("ghost")));
        auto bad = engine.setNodeState(QStringLiteral("edge-ath-01"), NodeState::Unknown, QStringLiteral("t"), {});
        QVERIFY(!bad.hasValue());
        QVERIFY(engine.store()->auditLog(0, 10)->isEmpty()); // refused actions leave no audit entry
    }

    void corruptDatabaseRefusedAndKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("continuo.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray garbage(64 * 1024, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919) % 251);
        file.write(garbage);
        file.close();
        const QByteArray before = digest(path);

        Engine engine;
        auto started = engine.start(options(dir.path()));
        QVERIFY(!started.hasValue());
        QVERIFY2(started.error().contains(path), qPrintable(started.error()));
        QCOMPARE(toString(engine.state()), toString(EngineState::Failed));
        QCOMPARE(engine.status().stateMessage, started.error());
        QCOMPARE(digest(path), before); // nothing lost: the operator can inspect or restore it
    }

    void oneEnginePerDataDirectory()
    {
        QTemporaryDir dir;
        Engine first;
        QVERIFY(first.start(options(dir.path(), QStringLiteral("none"))).hasValue());
        Engine second;
        auto refused = second.start(options(dir.path(), QStringLiteral("none")));
        QVERIFY(!refused.hasValue());
        QVERIFY2(refused.error().contains(QLatin1String("in use")), qPrintable(refused.error()));
        QCOMPARE(toString(second.state()), toString(EngineState::Failed));
        first.stop();
        // Released on stop: the directory can be opened again.
        QVERIFY(second.start(options(dir.path(), QStringLiteral("none"))).hasValue());
    }

    void invalidPluginInventoryIsRefused()
    {
        QTemporaryDir dir;
        Engine engine;
        QVERIFY(engine.start(options(dir.path(), QStringLiteral("none"))).hasValue());
        const qint64 revision = engine.inventory().revision();
        InventoryChangeSet changes;
        Node good;
        good.id = QStringLiteral("n1");
        changes.upsert(good);
        Link bad;
        bad.id = QStringLiteral("l1");
        changes.upsert(bad); // no endpoints
        auto result = engine.pluginHost()->applyInventory(changes, QStringLiteral("test"));
        QVERIFY(!result.hasValue());
        QVERIFY(result.error().contains(QLatin1String("l1")));
        QCOMPARE(engine.inventory().revision(), revision); // atomic: the good node was not applied
    }

    void localControlPlane()
    {
        QTemporaryDir dir;
        Engine engine;
        QVERIFY(engine.start(options(dir.path())).hasValue());
        LocalControlPlane plane(&engine);
        QSignalSpy resets(&plane, &IControlPlane::inventoryReset);
        QSignalSpy events(&plane, &IControlPlane::eventsReceived);
        QSignalSpy samples(&plane, &IControlPlane::samplesReceived);
        plane.open();
        QCOMPARE(plane.connectionState(), IControlPlane::ConnectionState::Connected);
        QCOMPARE(resets.size(), 1);
        QVERIFY(plane.inventory().count(EntityKind::Node) >= 55);

        const int id = plane.subscribeTelemetry({SeriesMatcher{QStringLiteral("link_latency_seconds"),
                                                               {{QStringLiteral("link"), QStringLiteral("link-ath-core1")}}}});
        QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), 5000);
        for (const auto &arguments : std::as_const(samples)) {
            QCOMPARE(arguments.at(0).toInt(), id);
            for (const auto &batch : arguments.at(1).value<QList<SeriesBatch>>())
                QCOMPARE(batch.labels.value(QStringLiteral("link")), QStringLiteral("link-ath-core1"));
        }

        bool answered = false;
        plane.setNodeState(QStringLiteral("edge-ath-02"), NodeState::Cordoned, QStringLiteral("test"), this,
                           [&answered](const Result<Node> &node) {
                               QVERIFY(node.hasValue());
                               QCOMPARE(toString(node->state), toString(NodeState::Cordoned));
                               answered = true;
                           });
        QTRY_VERIFY(answered);
        QTRY_VERIFY(std::any_of(events.cbegin(), events.cend(), [](const QList<QVariant> &arguments) {
            const auto list = arguments.at(0).value<QList<Event>>();
            return std::any_of(list.cbegin(), list.cend(), [](const Event &e) { return e.type == QLatin1String("Operator.Action"); });
        }));

        bool ranged = false;
        const QString key = seriesKey(QStringLiteral("link_latency_seconds"), {{QStringLiteral("link"), QStringLiteral("link-ath-core1")}});
        plane.queryRange(key, 0, std::numeric_limits<qint64>::max(), this, [&ranged](const Result<QList<Sample>> &result) {
            QVERIFY(result.hasValue());
            QVERIFY(!result->isEmpty());
            ranged = true;
        });
        QTRY_VERIFY(ranged);
        plane.close();
        QCOMPARE(plane.connectionState(), IControlPlane::ConnectionState::Disconnected);
    }

    void hostProbeNode()
    {
        QTemporaryDir dir;
        EngineOptions o = options(dir.path(), QStringLiteral("none"));
        o.hostProbe = true;
        Engine engine;
        QVERIFY(engine.start(o).hasValue());
        QVERIFY(engine.inventory().find<Node>(HostProbe::nodeId()));
        QTRY_VERIFY_WITH_TIMEOUT(!engine.telemetry()->series(SeriesMatcher{QStringLiteral("node_memory_utilisation"),
                                                                            {{QStringLiteral("node"), HostProbe::nodeId()}}}).isEmpty(), 5000);
    }
};

QTEST_GUILESS_MAIN(tst_Engine)
#include "tst_engine.moc"
