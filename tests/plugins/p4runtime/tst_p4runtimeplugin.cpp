// The P4Runtime plugin: settings parsing, switches added to the inventory, targets for them,
// idle without a configuration section.

#include "P4RuntimePlugin.h"
#include "P4RuntimeTarget.h"
#include "P4RuntimeTestServer.h"

#include "plugin/IPluginHost.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Continuo;
using namespace Continuo::P4Runtime;

namespace {

/// Records the inventory changes a plugin applies.
class Host final : public IPluginHost
{
public:
    Result<void> applyInventory(const InventoryChangeSet &changes, const QString &pluginId) override
    {
        pluginIds.append(pluginId);
        for (const InventoryChangeSet::Change &change : changes.changes()) {
            if (change.operation == DeltaOperation::Upsert && change.entity && std::holds_alternative<Switch>(*change.entity))
                switches.insert(change.id, std::get<Switch>(*change.entity));
        }
        return {};
    }
    void ingestSamples(const QList<SeriesBatch> &) override {}
    void publishEvent(const Event &) override {}
    QString pluginDataDirectory(const QString &pluginId) const override { return dir.path() + QLatin1Char('/') + pluginId; }

    QTemporaryDir dir;
    QStringList pluginIds;
    QHash<QString, Switch> switches;
};

QVariantMap sw(const QString &id, const QString &address)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("address"), address}};
}

QVariantMap withSwitches(const QVariantList &switches)
{
    return {{QStringLiteral("switches"), switches}};
}

} // namespace

class tst_P4RuntimePlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleWithoutConfiguration();
    void switchesInInventory();
    void malformed_data();
    void malformed();
    void pipelineFile();
    void targetDrivesItsSwitch();
};

void tst_P4RuntimePlugin::idleWithoutConfiguration()
{
    Host host;
    P4RuntimePlugin plugin;
    auto ok = plugin.initialize(&host, {});
    QVERIFY2(ok, qPrintable(ok.error()));
    QVERIFY(host.pluginIds.isEmpty());
    QVERIFY(plugin.switches().isEmpty());
    Switch any;
    any.id = QStringLiteral("s1");
    QVERIFY(!plugin.createNetworkTarget(any));
}

void tst_P4RuntimePlugin::switchesInInventory()
{
    Host host;
    P4RuntimePlugin plugin;
    QVariantMap s1 = sw(QStringLiteral("s1"), QStringLiteral("127.0.0.1:9559"));
    s1.insert(QStringLiteral("deviceId"), 3);
    s1.insert(QStringLiteral("electionId"), 10);
    s1.insert(QStringLiteral("site"), QStringLiteral("edge-a"));
    QVariantMap s2 = sw(QStringLiteral("s2"), QStringLiteral("127.0.0.1:9560"));
    s2.insert(QStringLiteral("name"), QStringLiteral("Edge S2"));
    s2.insert(QStringLiteral("electionId"), QVariantMap{{QStringLiteral("high"), 1}, {QStringLiteral("low"), QStringLiteral("2")}});
    s2.insert(QStringLiteral("role"), QStringLiteral("sdn"));
    auto ok = plugin.initialize(&host, withSwitches({s1, s2}));
    QVERIFY2(ok, qPrintable(ok.error()));

    QCOMPARE(host.pluginIds, QStringList{QStringLiteral("p4runtime")});
    QCOMPARE(host.switches.size(), qsizetype(2));
    const Switch first = host.switches.value(QStringLiteral("s1"));
    QCOMPARE(first.name, QStringLiteral("s1"));
    QCOMPARE(first.siteId, QStringLiteral("edge-a"));
    QCOMPARE(first.managementAddress, QStringLiteral("127.0.0.1:9559"));
    QCOMPARE(first.target, QStringLiteral("p4runtime"));
    QCOMPARE(host.switches.value(QStringLiteral("s2")).name, QStringLiteral("Edge S2"));

    QCOMPARE(plugin.switches().at(0).deviceId, quint64(3));
    QCOMPARE(plugin.switches().at(0).electionId, (ElectionId{0, 10}));
    QCOMPARE(plugin.switches().at(1).electionId, (ElectionId{1, 2}));
    QCOMPARE(plugin.switches().at(1).role, QStringLiteral("sdn"));
    QCOMPARE(plugin.switches().at(1).deviceId, quint64(1));

    auto target = plugin.createNetworkTarget(first);
    QVERIFY(target);
    QCOMPARE(target->switchId(), QStringLiteral("s1"));
    QVERIFY(!target->isConnected());
    Switch foreign;
    foreign.id = QStringLiteral("s9");
    QVERIFY(!plugin.createNetworkTarget(foreign));
}

void tst_P4RuntimePlugin::malformed_data()
{
    QTest::addColumn<QVariantMap>("settings");
    QTest::addColumn<QString>("error");
    const QString addr = QStringLiteral("127.0.0.1:9559");
    QTest::newRow("no switches") << QVariantMap{{QStringLiteral("pipeline"), QStringLiteral("x")}}
                                 << QStringLiteral("have no \"switches\" list");
    QTest::newRow("switches not a list") << QVariantMap{{QStringLiteral("switches"), QStringLiteral("s1")}}
                                         << QStringLiteral("\"switches\" must be a list");
    QTest::newRow("entry not an object") << withSwitches({QStringLiteral("s1")}) << QStringLiteral("switch entry 1 is not an object");
    QTest::newRow("no id") << withSwitches({QVariantMap{{QStringLiteral("address"), addr}}})
                           << QStringLiteral("switch entry 1: no \"id\"");
    QTest::newRow("bad id") << withSwitches({sw(QStringLiteral("s 1"), addr)}) << QStringLiteral("may only hold");
    QTest::newRow("no address") << withSwitches({sw(QStringLiteral("s1"), addr), QVariantMap{{QStringLiteral("id"), QStringLiteral("s2")}}})
                                << QStringLiteral("switch entry 2 (s2): no \"address\"");
    QTest::newRow("bad port") << withSwitches({sw(QStringLiteral("s1"), QStringLiteral("127.0.0.1:70000"))})
                              << QStringLiteral("switch entry 1 (s1): address \"127.0.0.1:70000\" is not HOST:PORT");
    QTest::newRow("no port") << withSwitches({sw(QStringLiteral("s1"), QStringLiteral("localhost"))})
                             << QStringLiteral("is not HOST:PORT");
    QVariantMap badDevice = sw(QStringLiteral("s1"), addr);
    badDevice.insert(QStringLiteral("deviceId"), QStringLiteral("one"));
    QTest::newRow("bad device id") << withSwitches({badDevice}) << QStringLiteral("switch entry 1 (s1): deviceId must be");
    QVariantMap zeroElection = sw(QStringLiteral("s1"), addr);
    zeroElection.insert(QStringLiteral("electionId"), 0);
    QTest::newRow("election id 0") << withSwitches({zeroElection}) << QStringLiteral("electionId must not be 0");
    QVariantMap negativeElection = sw(QStringLiteral("s1"), addr);
    negativeElection.insert(QStringLiteral("electionId"), -3);
    QTest::newRow("negative election id") << withSwitches({negativeElection}) << QStringLiteral("electionId must be");
    QTest::newRow("duplicate id") << withSwitches({sw(QStringLiteral("s1"), addr), sw(QStringLiteral("s1"), QStringLiteral("127.0.0.1:9560"))})
                                  << QStringLiteral("switch id \"s1\" appears twice");
    QTest::newRow("same device twice") << withSwitches({sw(QStringLiteral("s1"), addr), sw(QStringLiteral("s2"), addr)})
                                       << QStringLiteral("switch entry 2 (s2): device 1 at 127.0.0.1:9559 is already another entry");
    QVariantMap missingPipeline = withSwitches({sw(QStringLiteral("s1"), addr)});
    missingPipeline.insert(QStringLiteral("pipeline"), QStringLiteral("/nonexistent/p4info.txt"));
    QTest::newRow("missing pipeline") << missingPipeline << QStringLiteral("pipeline: cannot read P4Info /nonexistent/p4info.txt");
}

void tst_P4RuntimePlugin::malformed()
{
    QFETCH(QVariantMap, settings);
    QFETCH(QString, error);
    Host host;
    P4RuntimePlugin plugin;
    auto ok = plugin.initialize(&host, settings);
    QVERIFY(!ok);
    QVERIFY2(ok.error().contains(error), qPrintable(ok.error()));
    QVERIFY(host.switches.isEmpty());
    QVERIFY(plugin.switches().isEmpty());
}

void tst_P4RuntimePlugin::pipelineFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("braine.p4info.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(P4Program::reference().serializedP4Info());
    file.close();
    QVariantMap settings = withSwitches({sw(QStringLiteral("s1"), QStringLiteral("127.0.0.1:9559"))});
    settings.insert(QStringLiteral("pipeline"), path);
    Host host;
    P4RuntimePlugin plugin;
    auto ok = plugin.initialize(&host, settings);
    QVERIFY2(ok, qPrintable(ok.error()));
    QCOMPARE(plugin.assumedProgram().name(), QStringLiteral("braine_int"));
}

void tst_P4RuntimePlugin::targetDrivesItsSwitch()
{
    Testing::P4RuntimeTestServer server;
    auto port = server.start(0);
    QVERIFY2(port, qPrintable(port.error()));
    QVariantMap s1 = sw(QStringLiteral("s1"), server.address());
    s1.insert(QStringLiteral("electionId"), 5);
    Host host;
    P4RuntimePlugin plugin;
    QVERIFY(plugin.initialize(&host, withSwitches({s1})));
    auto target = plugin.createNetworkTarget(host.switches.value(QStringLiteral("s1")));
    QVERIFY(target);
    auto connected = target->connectTarget();
    QVERIFY2(connected, qPrintable(connected.error()));
    QVERIFY(target->isConnected());
    QVERIFY(target->setPipeline(P4Program::reference(), {}));
    auto program = target->pipeline();
    QVERIFY(program);
    QCOMPARE(program->name(), QStringLiteral("braine_int"));
    target->disconnectTarget();
    QVERIFY(!target->isConnected());
}

QTEST_GUILESS_MAIN(tst_P4RuntimePlugin)
#include "tst_p4runtimeplugin.moc"
