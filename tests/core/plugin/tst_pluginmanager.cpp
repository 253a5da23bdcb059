#include "plugin/IPluginHost.h"
#include "plugin/PluginManager.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Continuo;

namespace {
/// Records what plugins do through the host.
class RecordingHost final : public IPluginHost
{
public:
    Result<void> applyInventory(const InventoryChangeSet &changes, const QString &) override
    {
        auto deltas = inventory.apply(changes);
        if (!deltas)
            return makeError(deltas.error());
        return {};
    }
    void ingestSamples(const QList<SeriesBatch> &batches) override { samples += batches; }
    void publishEvent(const Event &event) override { events.append(event); }
    QString pluginDataDirectory(const QString &) const override { return QString(); }

    Inventory inventory;
    QList<SeriesBatch> samples;
    QList<Event> events;
};
} // namespace

class tst_PluginManager : public QObject
{
    Q_OBJECT

private:
    static PluginInfo find(const QList<PluginInfo> &plugins, const QString &id)
    {
        for (const auto &info : plugins) {
            if (info.metadata.id == id)
                return info;
        }
        return {};
    }

private Q_SLOTS:
    void metadataValidation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("complete") << QByteArray(R"({"Id":"x","Name":"X","Version":"1.0","CompatVersion":"1.0","CoreApi":1})") << QString();
        QTest::newRow("no id") << QByteArray(R"({"Name":"X","Version":"1.0","CompatVersion":"1.0","CoreApi":1})") << QStringLiteral("lacks \"Id\"");
        QTest::newRow("id not a string") << QByteArray(R"({"Id":3,"Name":"X","Version":"1.0","CompatVersion":"1.0","CoreApi":1})") << QStringLiteral("must be a string");
        QTest::newRow("upper-case id") << QByteArray(R"({"Id":"Xy","Name":"X","Version":"1.0","CompatVersion":"1.0","CoreApi":1})") << QStringLiteral("lower-case");
        QTest::newRow("bad version") << QByteArray(R"({"Id":"x","Name":"X","Version":"one","CompatVersion":"1.0","CoreApi":1})") << QStringLiteral("dotted numbers");
        QTest::newRow("core api string") << QByteArray(R"({"Id":"x","Name":"X","Version":"1.0","CompatVersion":"1.0","CoreApi":"1"})") << QStringLiteral("CoreApi");
        QTest::newRow("core api fraction") << QByteArray(R"({"Id":"x","Name":"X","Version":"1.0","CompatVersion":"1.0","CoreApi":1.5})") << QStringLiteral("CoreApi");
        QTest::newRow("dependencies not array") << QByteArray(R"({"Id":"x","Name":"X","Version":"1.0","CompatVersion":"1.0","CoreApi":1,"Dependencies":{}})") << QStringLiteral("must be an array");
        QTest::newRow("dependency without id") << QByteArray(R"({"Id":"x","Name":"X","Version":"1.0","CompatVersion":"1.0","CoreApi":1,"Dependencies":[{"Version":"1"}]})") << QStringLiteral("needs an \"Id\"");
    }

    void metadataValidation()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const auto metadata = PluginMetadata::fromJson(QJsonDocument::fromJson(json).object());
        if (error.isEmpty()) {
            QVERIFY2(metadata.hasValue(), qPrintable(metadata.error()));
        } else {
            QVERIFY(!metadata.hasValue());
            QVERIFY2(metadata.error().contains(error), qPrintable(metadata.error()));
        }
    }

    void versions()
    {
        QVERIFY(compareVersions(QStringLiteral("1.2.10"), QStringLiteral("1.2.9")) > 0);
        QVERIFY(compareVersions(QStringLiteral("1.2"), QStringLiteral("1.2.0")) == 0);
        QVERIFY(compareVersions(QStringLiteral("0.9"), QStringLiteral("1")) < 0);
    }

    void fixturePlugins()
    {
        PluginManager manager;
        manager.setSearchPaths({QStringLiteral(FIXTURE_PLUGIN_DIR)});
        manager.setPluginSettings({{QStringLiteral("fixture-good"), QVariantMap{{QStringLiteral("marker"), 7}}}});
        QSignalSpy stateChanges(&manager, &PluginManager::pluginStateChanged);
        manager.discover();

        // Metadata checks happen before anything is loaded.
        auto plugins = manager.plugins();
        QCOMPARE(toString(find(plugins, QStringLiteral("fixture-wrong-iid")).state), toString(PluginState::Invalid));
        QVERIFY(find(plugins, QStringLiteral("fixture-wrong-iid")).errorString.contains(QLatin1String("org.example.SomethingElse/1")));
        QCOMPARE(toString(find(plugins, QStringLiteral("fixture-newer-api")).state), toString(PluginState::Invalid));
        QVERIFY(find(plugins, QStringLiteral("fixture-newer-api")).errorString.contains(QLatin1String("needs core API 99")));
        const PluginInfo bad = find(plugins, QStringLiteral("libBadMetadataFixture"));
        QCOMPARE(toString(bad.state), toString(PluginState::Invalid));
        QVERIFY2(bad.errorString.contains(QLatin1String("bad metadata")), qPrintable(bad.errorString));
        const PluginInfo notPlugin = find(plugins, QStringLiteral("libnotaplugin"));
        QCOMPARE(toString(notPlugin.state), toString(PluginState::Invalid));
        QVERIFY(!notPlugin.errorString.isEmpty());

        RecordingHost host;
        manager.loadAll(&host); // must not abort on any of the bad ones
        plugins = manager.plugins();

        QCOMPARE(toString(find(plugins, QStringLiteral("fixture-good")).state), toString(PluginState::Running));
        QCOMPARE(toString(find(plugins, QStringLiteral("fixture-dependent")).state), toString(PluginState::Running));
        const PluginInfo orphan = find(plugins, QStringLiteral("fixture-missing-dep"));
        QCOMPARE(toString(orphan.state), toString(PluginState::Failed));
        QVERIFY2(orphan.errorString.contains(QLatin1String("missing dependency \"does-not-exist\"")), qPrintable(orphan.errorString));
        const PluginInfo failing = find(plugins, QStringLiteral("fixture-fail-init"));
        QCOMPARE(toString(failing.state), toString(PluginState::Failed));
        QVERIFY(failing.errorString.contains(QLatin1String("fixture refuses to initialise")));
        QVERIFY(manager.plugin(QStringLiteral("fixture-fail-init")) == nullptr);

        // Dependencies initialise first; settings reach the plugin.
        QStringList initialised;
        for (const Event &event : std::as_const(host.events))
            initialised.append(event.source);
        QVERIFY(initialised.indexOf(QLatin1String("plugin:GoodFixture")) < initialised.indexOf(QLatin1String("plugin:DependentFixture")));
        QVERIFY(host.events.first().message.endsWith(QLatin1String("marker=7")));
        QVERIFY(stateChanges.count() > plugins.size());

        QCOMPARE(manager.runningPlugins().size(), 2);
        manager.shutdownAll();
        QCOMPARE(toString(find(manager.plugins(), QStringLiteral("fixture-good")).state), toString(PluginState::Stopped));
    }

    void searchPathNamedTwice()
    {
        // $CONTINUO_PLUGIN_PATH often repeats the default directory: no "duplicate id" errors.
        PluginManager manager;
        manager.setSearchPaths({QStringLiteral(FIXTURE_PLUGIN_DIR), QStringLiteral(FIXTURE_PLUGIN_DIR "/."),
                                QStringLiteral(FIXTURE_PLUGIN_DIR)});
        manager.discover();
        manager.discover(); // and discovering again finds nothing new
        const auto plugins = manager.plugins();
        QCOMPARE(std::count_if(plugins.cbegin(), plugins.cend(),
                               [](const PluginInfo &p) { return p.metadata.id == QLatin1String("fixture-good"); }),
                 1);
        QCOMPARE(toString(find(plugins, QStringLiteral("fixture-good")).state), toString(PluginState::Resolved));
    }

    void disabledPlugin()
    {
        PluginManager manager;
        manager.setSearchPaths({QStringLiteral(FIXTURE_PLUGIN_DIR)});
        manager.setDisabledPlugins({QStringLiteral("fixture-good")});
        manager.discover();
        RecordingHost host;
        manager.loadAll(&host);
        const auto plugins = manager.plugins();
        QCOMPARE(toString(find(plugins, QStringLiteral("fixture-good")).state), toString(PluginState::Disabled));
        // Its dependent cannot run without it and says why.
        const PluginInfo dependent = find(plugins, QStringLiteral("fixture-dependent"));
        QCOMPARE(toString(dependent.state), toString(PluginState::Failed));
        QVERIFY2(dependent.errorString.contains(QLatin1String("fixture-good")), qPrintable(dependent.errorString));
    }

    void productPluginsLoad()
    {
        // The shipped simulator plugin passes the same checks and publishes the demo inventory.
        PluginManager manager;
        manager.setSearchPaths({QStringLiteral(PRODUCT_PLUGIN_DIR)});
        manager.setPluginSettings({{QStringLiteral("simulator"), QVariantMap{{QStringLiteral("scenario"), QStringLiteral("demo")}}}});
        manager.discover();
        RecordingHost host;
        manager.loadAll(&host);
        const PluginInfo simulator = find(manager.plugins(), QStringLiteral("simulator"));
        QCOMPARE(toString(simulator.state), toString(PluginState::Running));
        QCOMPARE(host.inventory.count(EntityKind::Site), 3);
        QVERIFY(host.inventory.count(EntityKind::Node) >= 50);
        QCOMPARE(host.inventory.count(EntityKind::Switch), 5);
        QCOMPARE(host.inventory.count(EntityKind::StorageLocation), 4);
        manager.shutdownAll();
    }

    void badScenarioFailsVisibly()
    {
        PluginManager manager;
        manager.setSearchPaths({QStringLiteral(PRODUCT_PLUGIN_DIR)});
        manager.setPluginSettings({{QStringLiteral("simulator"), QVariantMap{{QStringLiteral("scenario"), QStringLiteral("/nonexistent/scenario.yaml")}}}});
        manager.discover();
        RecordingHost host;
        manager.loadAll(&host);
        const PluginInfo simulator = find(manager.plugins(), QStringLiteral("simulator"));
        QCOMPARE(toString(simulator.state), toString(PluginState::Failed));
        QVERIFY2(simulator.errorString.contains(QLatin1String("/nonexistent/scenario.yaml")), qPrintable(simulator.errorString));
    }
};

QTEST_GUILESS_MAIN(tst_PluginManager)
#include "tst_pluginmanager.moc"
