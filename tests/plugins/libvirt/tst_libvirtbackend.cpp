#include "FakePluginHost.h"
#include "LibvirtComputeBackend.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Continuo;
using namespace Continuo::Libvirt;
using Continuo::Tests::FakePluginHost;

namespace {

constexpr int kWaitMs = 20000;

/// Collects reports from worker threads.
struct ReportLog
{
    mutable QMutex mutex;
    QList<DeploymentReport> reports;
    void add(const DeploymentReport &r)
    {
        QMutexLocker lock(&mutex);
        reports.append(r);
    }
    QList<DeploymentReport> of(const QString &id) const
    {
        QMutexLocker lock(&mutex);
        QList<DeploymentReport> list;
        for (const auto &r : reports) {
            if (r.deploymentId == id)
                list.append(r);
        }
        return list;
    }
    QString lastState(const QString &id) const
    {
        const auto list = of(id);
        return list.isEmpty() ? QString() : toString(list.last().state);
    }
};

Workload unikernel(const QString &id, qint64 memoryBytes = 64LL << 20)
{
    Workload w;
    w.id = id;
    w.kind = WorkloadKind::Unikernel;
    w.image = QStringLiteral("/opt/continuo/guest.elf");
    w.request.cpuCores = 1;
    w.request.memoryBytes = memoryBytes;
    return w;
}

Deployment deployment(const QString &id, const QString &nodeId, const QString &cluster = QStringLiteral("lv"))
{
    Deployment d;
    d.id = id;
    d.workloadId = QStringLiteral("w-") + id;
    d.clusterId = cluster;
    d.nodeId = nodeId;
    return d;
}

} // namespace

class tst_LibvirtBackend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    virConnectPtr m_keepDefault = nullptr; ///< Keeps test:///default's state across backends.
    std::unique_ptr<FakePluginHost> m_host;
    std::unique_ptr<LibvirtComputeBackend> m_backend;
    ReportLog m_reports;

    QVariantMap settings() const
    {
        const QString host2 = QStringLiteral("test://") + m_dir.filePath(QStringLiteral("host2.xml"));
        const QString host3 = QStringLiteral("test://") + m_dir.filePath(QStringLiteral("host3.xml"));
        QVariantMap main{
            {QStringLiteral("id"), QStringLiteral("lv")},
            {QStringLiteral("name"), QStringLiteral("libvirt test")},
            {QStringLiteral("site"), QStringLiteral("site-a")},
            {QStringLiteral("statsIntervalMs"), 150},
            {QStringLiteral("logDirectory"), m_dir.filePath(QStringLiteral("logs"))},
            {QStringLiteral("hosts"),
             QVariantList{QVariantMap{{QStringLiteral("uri"), QStringLiteral("test:///default")},
                                      {QStringLiteral("node"), QStringLiteral("lv-a")}},
                          QVariantMap{{QStringLiteral("uri"), host2},
                                      {QStringLiteral("node"), QStringLiteral("lv-b")}},
                          QVariantMap{{QStringLiteral("uri"), QStringLiteral("test:///nonexistent.xml")},
                                      {QStringLiteral("node"), QStringLiteral("lv-c")}}}}};
        QVariantMap pool{
            {QStringLiteral("id"), QStringLiteral("lvpool")},
            {QStringLiteral("site"), QStringLiteral("site-a")},
            {QStringLiteral("warmPool"), 2},
            {QStringLiteral("warmPoolShape"),
             QVariantMap{{QStringLiteral("kind"), QStringLiteral("unikernel")},
                         {QStringLiteral("image"), QStringLiteral("/opt/continuo/guest.elf")},
                         {QStringLiteral("memoryBytes"), 128LL << 20}}},
            {QStringLiteral("logDirectory"), m_dir.filePath(QStringLiteral("logs"))},
            {QStringLiteral("hosts"), QVariantList{QVariantMap{{QStringLiteral("uri"), host3},
                                                               {QStringLiteral("node"), QStringLiteral("lvp-a")}}}}};
        return {{QStringLiteral("clusters"), QVariantList{main, pool}}};
    }

    void createBackend()
    {
        auto parsed = BackendSettings::parse(settings(), m_dir.filePath(QStringLiteral("data")));
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
        m_backend = std::make_unique<LibvirtComputeBackend>(m_host.get(), *parsed);
        m_backend->setReportCallback([this](const DeploymentReport &r) { m_reports.add(r); });
    }

    std::optional<BackendObject> object(const QString &id) const
    {
        for (const BackendObject &o : m_backend->objects()) {
            if (o.id == id)
                return o;
        }
        return std::nullopt;
    }

    QString stateOf(const QString &id) const
    {
        const auto o = object(id);
        return o ? o->state : QStringLiteral("<gone>");
    }

    int objectEvents(const QString &objectId, const QString &event, bool withError = false) const
    {
        int count = 0;
        for (const Event &e : m_host->events(QLatin1String(EventTypes::BackendObject))) {
            if (e.payload.value(QStringLiteral("object")).toString() == objectId
                && e.payload.value(QStringLiteral("event")).toString() == event
                && e.payload.contains(QStringLiteral("error")) == withError)
                ++count;
        }
        return count;
    }

    int connectionEvents(const QString &node, const QString &status) const
    {
        int count = 0;
        for (const Event &e : m_host->events(QLatin1String(EventTypes::BackendConnection))) {
            if (e.payload.value(QStringLiteral("node")).toString() == node
                && e.payload.value(QStringLiteral("status")).toString() == status)
                ++count;
        }
        return count;
    }

    void deployAndWait(const Deployment &d, const Workload &w)
    {
        QVERIFY(m_backend->deploy(d, w).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(m_reports.lastState(d.id), QStringLiteral("deployed"), kWaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A test-driver node with one NUMA-less 4-cpu host of 8 GiB.
        const QByteArray node = "<node>\n"
                                "  <cpu><nodes>1</nodes><sockets>1</sockets><cores>4</cores>"
                                "<threads>1</threads><active>4</active><mhz>2000</mhz>"
                                "<model>x86_64</model></cpu>\n"
                                "  <memory>8388608</memory>\n"
                                "</node>\n";
        for (const char *name : {"host2.xml", "host3.xml"}) {
            QFile file(m_dir.filePath(QLatin1String(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(node);
        }
        ensureEventLoop();
        m_keepDefault = virConnectOpen("test:///default");
        QVERIFY(m_keepDefault);
        Site site;
        site.id = QStringLiteral("site-a");
        site.name = QStringLiteral("Site A");
        site.kind = SiteKind::Edge;
        m_host = std::make_unique<FakePluginHost>(QList<Site>{site}, m_dir.filePath(QStringLiteral("data")));
        createBackend();
    }

    void cleanupTestCase()
    {
        m_backend.reset();
        if (m_keepDefault)
            virConnectClose(m_keepDefault);
    }

    void settingsAreValidated_data()
    {
        QTest::addColumn<QVariantMap>("settings");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no clusters") << QVariantMap{} << "need \"clusters\"";
        const auto cluster = [](QVariantMap extra) {
            QVariantMap c{{QStringLiteral("id"), QStringLiteral("c")},
                          {QStringLiteral("site"), QStringLiteral("s")},
                          {QStringLiteral("hosts"),
                           QVariantList{QVariantMap{{QStringLiteral("uri"), QStringLiteral("test:///default")}}}}};
            for (auto it = extra.cbegin(); it != extra.cend(); ++it)
                c.insert(it.key(), it.value());
            return QVariantMap{{QStringLiteral("clusters"), QVariantList{c}}};
        };
        QTest::newRow("no site") << cluster({{QStringLiteral("site"), QString()}}) << "has no \"site\"";
        QTest::newRow("no hosts") << cluster({{QStringLiteral("hosts"), QVariantList{}}}) << "has no \"hosts\"";
        QTest::newRow("bad uri") << cluster({{QStringLiteral("hosts"), QVariantList{QVariantMap{{QStringLiteral("uri"), QStringLiteral("nonsense")}}}}})
                                 << "not a libvirt URI";
        QTest::newRow("pool without shape") << cluster({{QStringLiteral("warmPool"), 2}}) << "warmPoolShape.image";
        QTest::newRow("bad regex") << cluster({{QStringLiteral("bootMarker"), QStringLiteral("(")}}) << "bootMarker";
        QTest::newRow("tiny interval") << cluster({{QStringLiteral("statsIntervalMs"), 1}}) << "statsIntervalMs";
    }

    void settingsAreValidated()
    {
        QFETCH(QVariantMap, settings);
        QFETCH(QString, expected);
        auto parsed = BackendSettings::parse(settings, QStringLiteral("/tmp/x"));
        QVERIFY(!parsed.hasValue());
        QVERIFY2(parsed.error().contains(expected), qPrintable(parsed.error()));
    }

    void inventory()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_host->node(QStringLiteral("lv-a")) && m_host->node(QStringLiteral("lv-a"))->state == NodeState::Ready, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_host->node(QStringLiteral("lv-b")) && m_host->node(QStringLiteral("lv-b"))->state == NodeState::Ready, kWaitMs);
        const auto cluster = m_host->cluster(QStringLiteral("lv"));
        QVERIFY(cluster);
        QCOMPARE(toString(cluster->backend), toString(BackendKind::Libvirt));
        QCOMPARE(cluster->pluginId, QStringLiteral("libvirt"));
        QCOMPARE(cluster->siteId, QStringLiteral("site-a"));

        const Node a = *m_host->node(QStringLiteral("lv-a"));
        QCOMPARE(a.clusterId, QStringLiteral("lv"));
        QCOMPARE(a.siteId, QStringLiteral("site-a"));
        QCOMPARE(a.capacity.cpuCores, 16.0);
        QCOMPARE(a.capacity.memoryBytes, 3145728LL * 1024);
        QCOMPARE(a.labels.value(QStringLiteral("hypervisor")), QStringLiteral("test"));
        QVERIFY(!a.labels.value(QStringLiteral("hypervisor.version")).isEmpty());
        QCOMPARE(a.labels.value(QStringLiteral("numa.cells")), QStringLiteral("2"));
        QCOMPARE(a.labels.value(QStringLiteral("uri")), QStringLiteral("test:///default"));

        const Node b = *m_host->node(QStringLiteral("lv-b"));
        QCOMPARE(b.capacity.cpuCores, 4.0);
        QCOMPARE(b.capacity.memoryBytes, 8388608LL * 1024);
        QCOMPARE(b.labels.value(QStringLiteral("hypervisor")), QStringLiteral("test"));
        QCOMPARE(b.labels.value(QStringLiteral("numa.cells")), QStringLiteral("1"));
        QVERIFY(m_host->inventoryErrors().isEmpty());
    }

    void unreachableHostIsDownAndAnnouncedOnce()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_host->node(QStringLiteral("lv-c")) && m_host->node(QStringLiteral("lv-c"))->state == NodeState::Down, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(connectionEvents(QStringLiteral("lv-c"), QStringLiteral("DOWN")), 1, kWaitMs);
        const auto down = m_host->events(QLatin1String(EventTypes::BackendConnection));
        bool hasError = false;
        for (const Event &e : down) {
            if (e.payload.value(QStringLiteral("node")).toString() == QLatin1String("lv-c"))
                hasError = !e.payload.value(QStringLiteral("error")).toString().isEmpty();
        }
        QVERIFY(hasError);
        // Reconnect attempts (0.5 s, 1 s, 2 s, ...) fail again without a second DOWN.
        QTest::qWait(1800);
        QCOMPARE(connectionEvents(QStringLiteral("lv-c"), QStringLiteral("DOWN")), 1);
        QCOMPARE(connectionEvents(QStringLiteral("lv-c"), QStringLiteral("UP")), 0);
        QCOMPARE(connectionEvents(QStringLiteral("lv-a"), QStringLiteral("UP")), 1);
        QCOMPARE(connectionEvents(QStringLiteral("lv-b"), QStringLiteral("UP")), 1);
        QCOMPARE(connectionEvents(QStringLiteral("lv-b"), QStringLiteral("DOWN")), 0);

        // Deploying onto it fails clearly; the other hosts keep working.
        QVERIFY(m_backend->deploy(deployment(QStringLiteral("on-c"), QStringLiteral("lv-c")), unikernel(QStringLiteral("u"))).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(m_reports.lastState(QStringLiteral("on-c")), QStringLiteral("failed"), kWaitMs);
        QVERIFY2(m_reports.of(QStringLiteral("on-c")).last().message.contains(QStringLiteral("down")),
                 qPrintable(m_reports.of(QStringLiteral("on-c")).last().message));
        QVERIFY(m_backend->terminate(QStringLiteral("on-c")).hasValue());
        QCOMPARE(m_reports.lastState(QStringLiteral("on-c")), QStringLiteral("terminated"));
    }

    void lifecycleThroughEvents()
    {
        const QString id = QStringLiteral("life/1");
        const QString objectId = QStringLiteral("lv/domain/continuo-life-1");
        const quint64 eventsBefore = m_backend->lifecycleEventCount();
        deployAndWait(deployment(id, QStringLiteral("lv-b")), unikernel(QStringLiteral("u1")));

        const auto reports = m_reports.of(id);
        QCOMPARE(toString(reports.first().state), toString(DeploymentState::InDeployment));
        QCOMPARE(toString(reports.last().state), toString(DeploymentState::Deployed));
        QCOMPARE(reports.last().nodeId, QStringLiteral("lv-b"));
        QCOMPARE(reports.last().clusterId, QStringLiteral("lv"));

        // The running state arrives through the STARTED lifecycle event.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(objectId), QStringLiteral("running"), kWaitMs);
        const BackendObject o = *object(objectId);
        QCOMPARE(o.kind, QStringLiteral("libvirt.domain"));
        QCOMPARE(o.nodeId, QStringLiteral("lv-b"));
        QCOMPARE(o.deploymentId, id);
        QCOMPARE(o.properties.value(QStringLiteral("memoryBytes")).toLongLong(), 64LL << 20);
        QCOMPARE(o.properties.value(QStringLiteral("vcpus")).toInt(), 1);
        QCOMPARE(o.properties.value(QStringLiteral("hypervisor")).toString(), QStringLiteral("test"));
        QVERIFY(o.properties.value(QStringLiteral("consoleLog")).toString().endsWith(QStringLiteral("continuo-life-1.log")));
        QVERIFY(o.actions.contains(QStringLiteral("suspend")));
        QVERIFY(o.actions.contains(QStringLiteral("migrate")));
        QStringList names;
        for (const auto &phase : o.phases)
            names.append(phase.name);
        QCOMPARE(names, (QStringList{QStringLiteral("accepted"), QStringLiteral("scheduled"), QStringLiteral("xml"),
                                     QStringLiteral("defined"), QStringLiteral("started")}));
        for (int i = 1; i < o.phases.size(); ++i) {
            QVERIFY2(o.phases.at(i).sinceStartMs >= o.phases.at(i - 1).sinceStartMs, qPrintable(o.phases.at(i).name));
            QVERIFY(o.phases.at(i).timestampMs >= o.phases.at(i - 1).timestampMs);
        }
        QVERIFY(o.phases.last().sinceStartMs > 0.0);
        // The started event carries the phases.
        QTRY_COMPARE_WITH_TIMEOUT(objectEvents(objectId, QStringLiteral("started")), 2, kWaitMs); // ours + libvirt's
        bool hasPhases = false;
        for (const Event &e : m_host->events(QLatin1String(EventTypes::BackendObject))) {
            if (e.payload.value(QStringLiteral("object")).toString() == objectId)
                hasPhases |= e.payload.value(QStringLiteral("phases")).toArray().size() == 5;
        }
        QVERIFY(hasPhases);
        QTRY_VERIFY_WITH_TIMEOUT(m_backend->lifecycleEventCount() >= eventsBefore + 2, kWaitMs); // defined, started

        // Booted: the marker shows in the captured console (the test driver runs no guest, so
        // the test writes what a guest would print).
        const QString log = o.properties.value(QStringLiteral("consoleLog")).toString();
        {
            QFile file(log);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("SeaBIOS\nCONTINUO-GUEST-BOOTED\n");
        }
        QTRY_VERIFY_WITH_TIMEOUT(object(objectId)->phases.size() == 6, kWaitMs);
        QCOMPARE(object(objectId)->phases.last().name, QStringLiteral("booted"));
        QVERIFY(object(objectId)->phases.last().sinceStartMs >= object(objectId)->phases.at(4).sinceStartMs);
        QCOMPARE(objectEvents(objectId, QStringLiteral("booted")), 1);
        auto console = m_backend->consoleLog(objectId, 22);
        QVERIFY2(console.hasValue(), qPrintable(console.error()));
        QCOMPARE(*console, QStringLiteral("CONTINUO-GUEST-BOOTED\n"));

        // Each action's outcome shows through a lifecycle event, never through polling.
        struct Step
        {
            const char *action;
            const char *event;
            const char *state;
        };
        const Step steps[] = {{"suspend", "suspended", "paused"},   {"resume", "resumed", "running"},
                              {"shutdown", "stopped", "shut off"},  {"start", "started", "running"},
                              {"destroy", "stopped", "shut off"}};
        for (const Step &step : steps) {
            const quint64 before = m_backend->lifecycleEventCount();
            const int eventsOfKind = objectEvents(objectId, QLatin1String(step.event));
            QVERIFY2(m_backend->invokeAction(objectId, QLatin1String(step.action), {}).hasValue(), step.action);
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(objectId), QLatin1String(step.state), kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(objectEvents(objectId, QLatin1String(step.event)) > eventsOfKind, kWaitMs);
            QVERIFY(m_backend->lifecycleEventCount() > before);
        }
        // The deployment followed: stopped domains are not deployed.
        QCOMPARE(m_reports.lastState(id), QStringLiteral("failed"));
        // An action that does not fit the state is refused at once.
        QVERIFY(!m_backend->invokeAction(objectId, QStringLiteral("suspend"), {}).hasValue());
        QVERIFY(!m_backend->invokeAction(objectId, QStringLiteral("reboot-into-bios"), {}).hasValue());
        QVERIFY(!m_backend->invokeAction(QStringLiteral("lv/domain/nope"), QStringLiteral("start"), {}).hasValue());

        QVERIFY(m_backend->invokeAction(objectId, QStringLiteral("undefine"), {}).hasValue());
        QTRY_VERIFY_WITH_TIMEOUT(!object(objectId), kWaitMs);
        QCOMPARE(objectEvents(objectId, QStringLiteral("undefined")), 1);
        QCOMPARE(m_reports.lastState(id), QStringLiteral("terminated"));
    }

    void statsSeries()
    {
        deployAndWait(deployment(QStringLiteral("stats"), QStringLiteral("lv-a")), unikernel(QStringLiteral("s"), 96LL << 20));
        const QString domainKey = seriesKey(QStringLiteral("libvirt_domain_memory_bytes"),
                                            {{QStringLiteral("cluster"), QStringLiteral("lv")},
                                             {QStringLiteral("node"), QStringLiteral("lv-a")},
                                             {QStringLiteral("domain"), QStringLiteral("continuo-stats")}});
        QTRY_VERIFY_WITH_TIMEOUT(!m_host->series(domainKey).isEmpty(), kWaitMs);
        QCOMPARE(m_host->series(domainKey).last().samples.last().value, double(96LL << 20));
        const QString hostKey = seriesKey(QStringLiteral("libvirt_host_domains_running"),
                                          {{QStringLiteral("cluster"), QStringLiteral("lv")},
                                           {QStringLiteral("node"), QStringLiteral("lv-a")}});
        // test:///default's own "test" domain plus ours.
        QTRY_VERIFY_WITH_TIMEOUT(!m_host->series(hostKey).isEmpty()
                                     && m_host->series(hostKey).last().samples.last().value >= 2.0,
                                 kWaitMs);
        const int collections = int(m_host->series(hostKey).size());
        QTRY_VERIFY_WITH_TIMEOUT(m_host->series(hostKey).size() >= collections + 2, kWaitMs);
    }

    void idempotentDeploy()
    {
        const QString id = QStringLiteral("twice");
        const QString objectId = QStringLiteral("lv/domain/continuo-twice");
        deployAndWait(deployment(id, QStringLiteral("lv-a")), unikernel(QStringLiteral("t")));
        QTRY_COMPARE_WITH_TIMEOUT(objectEvents(objectId, QStringLiteral("defined")), 1, kWaitMs);
        const int reportsBefore = int(m_reports.of(id).size());
        QVERIFY(m_backend->deploy(deployment(id, QStringLiteral("lv-a")), unikernel(QStringLiteral("t"))).hasValue());
        QCOMPARE(m_reports.of(id).size(), reportsBefore + 1);
        QCOMPARE(m_reports.lastState(id), QStringLiteral("deployed"));
        QTest::qWait(300);
        QCOMPARE(objectEvents(objectId, QStringLiteral("defined")), 1);
        int count = 0;
        for (const BackendObject &o : m_backend->objects())
            count += o.deploymentId == id ? 1 : 0;
        QCOMPARE(count, 1);
    }

    void migrationUnsupportedKeepsDomain()
    {
        const QString objectId = QStringLiteral("lv/domain/continuo-twice");
        QVERIFY(!m_backend->invokeAction(objectId, QStringLiteral("migrate"), {}).hasValue());
        QVERIFY(!m_backend->invokeAction(objectId, QStringLiteral("migrate"),
                                         {{QStringLiteral("targetNode"), QStringLiteral("lv-a")}}).hasValue());
        QVERIFY(!m_backend->invokeAction(objectId, QStringLiteral("migrate"),
                                         {{QStringLiteral("targetNode"), QStringLiteral("lvp-a")}}).hasValue());
        auto down = m_backend->invokeAction(objectId, QStringLiteral("migrate"),
                                            {{QStringLiteral("targetNode"), QStringLiteral("lv-c")}});
        QVERIFY(!down.hasValue());
        QVERIFY2(down.error().contains(QStringLiteral("down")), qPrintable(down.error()));

        QVERIFY(m_backend->invokeAction(objectId, QStringLiteral("migrate"),
                                        {{QStringLiteral("targetNode"), QStringLiteral("lv-b")}}).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(objectEvents(objectId, QStringLiteral("migrate"), true), 1, kWaitMs);
        QString error;
        for (const Event &e : m_host->events(QLatin1String(EventTypes::BackendObject))) {
            if (e.payload.value(QStringLiteral("event")).toString() == QLatin1String("migrate"))
                error = e.payload.value(QStringLiteral("error")).toString();
        }
        QVERIFY2(error.contains(QStringLiteral("not supported")), qPrintable(error));
        QCOMPARE(stateOf(objectId), QStringLiteral("running"));
        QCOMPARE(object(objectId)->nodeId, QStringLiteral("lv-a"));
        QCOMPARE(m_reports.lastState(QStringLiteral("twice")), QStringLiteral("deployed"));
    }

    void badInputFailsCleanly_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("NUL in image") << QString() << QString() << "control character";
        QTest::newRow("bad hostdev") << "libvirt.hostdev" << "pci:00:3b" << "malformed PCI address";
    }

    void badInputFailsCleanly()
    {
        QFETCH(QString, label);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const QString id = QStringLiteral("bad-") + QString::number(QTest::currentDataTag()[0]);
        Workload w = unikernel(QStringLiteral("b"));
        if (label.isEmpty())
            w.image = QStringLiteral("/opt/a") + QChar(0) + QStringLiteral("b.elf");
        else
            w.labels.insert(label, value);
        QVERIFY(m_backend->deploy(deployment(id, QStringLiteral("lv-b")), w).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(m_reports.lastState(id), QStringLiteral("failed"), kWaitMs);
        const QString message = m_reports.of(id).last().message;
        QVERIFY2(message.contains(expected), qPrintable(message));
        bool published = false;
        for (const Event &e : m_host->events(QLatin1String(EventTypes::BackendObject))) {
            published |= e.payload.value(QStringLiteral("deployment")).toString() == id
                         && e.severity == EventSeverity::Error;
        }
        QVERIFY(published);
        QVERIFY(m_backend->terminate(id).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(m_reports.lastState(id), QStringLiteral("terminated"), kWaitMs);
    }

    void libvirtErrorFailsDeployment()
    {
        // Someone else's domain already holds the name (with another UUID): libvirt refuses
        // the definition and its message reaches the report.
        const QByteArray xml = "<domain type='test'><name>continuo-taken</name>"
                               "<uuid>11111111-2222-3333-4444-555555555555</uuid>"
                               "<memory>65536</memory><os><type>hvm</type></os></domain>";
        virDomainPtr other = virDomainDefineXML(m_keepDefault, xml.constData());
        QVERIFY(other);
        QVERIFY(m_backend->deploy(deployment(QStringLiteral("taken"), QStringLiteral("lv-a")),
                                  unikernel(QStringLiteral("t"))).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(m_reports.lastState(QStringLiteral("taken")), QStringLiteral("failed"), kWaitMs);
        const QString message = m_reports.of(QStringLiteral("taken")).last().message;
        QVERIFY2(message.contains(QStringLiteral("virDomainDefineXML"))
                     && message.contains(QStringLiteral("continuo-taken")),
                 qPrintable(message));
        QCOMPARE(stateOf(QStringLiteral("lv/domain/continuo-taken")), QStringLiteral("shut off"));
        QVERIFY(m_backend->terminate(QStringLiteral("taken")).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(m_reports.lastState(QStringLiteral("taken")), QStringLiteral("terminated"), kWaitMs);
        virDomainUndefine(other);
        virDomainFree(other);
    }

    void warmPool()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_backend->freePoolShells(QStringLiteral("lvp-a")), 2, kWaitMs);
        // The shells are domains too, shut off and marked.
        int shells = 0;
        for (const BackendObject &o : m_backend->objects())
            shells += o.properties.value(QStringLiteral("warmPool")).toBool() && o.state == QLatin1String("shut off");
        QCOMPARE(shells, 2);

        const QString id = QStringLiteral("pooled");
        deployAndWait(deployment(id, QStringLiteral("lvp-a"), QStringLiteral("lvpool")), unikernel(QStringLiteral("p")));
        const QString objectId = QStringLiteral("lvpool/domain/continuo-pooled");
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(objectId), QStringLiteral("running"), kWaitMs);
        QStringList names;
        const QList<InstantiationPhase> phases = object(objectId)->phases;
        for (const auto &phase : phases)
            names.append(phase.name);
        QCOMPARE(names, (QStringList{QStringLiteral("accepted"), QStringLiteral("scheduled"),
                                     QStringLiteral("xml (from pool)"), QStringLiteral("defined (from pool)"),
                                     QStringLiteral("started")}));
        QCOMPARE(object(objectId)->deploymentId, id);
        // Refilled in the background.
        QTRY_COMPARE_WITH_TIMEOUT(m_backend->freePoolShells(QStringLiteral("lvp-a")), 2, kWaitMs);

        // A deploy bigger than the shells is defined from scratch.
        const QString big = QStringLiteral("big");
        deployAndWait(deployment(big, QStringLiteral("lvp-a"), QStringLiteral("lvpool")),
                      unikernel(QStringLiteral("p"), 512LL << 20));
        QTRY_VERIFY_WITH_TIMEOUT(object(QStringLiteral("lvpool/domain/continuo-big")), kWaitMs);
        QCOMPARE(object(QStringLiteral("lvpool/domain/continuo-big"))->phases.at(2).name, QStringLiteral("xml"));
        QCOMPARE(m_backend->freePoolShells(QStringLiteral("lvp-a")), 2);
    }

    void terminate()
    {
        const QString objectId = QStringLiteral("lv/domain/continuo-twice");
        QVERIFY(object(objectId));
        QVERIFY(m_backend->terminate(QStringLiteral("twice")).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(m_reports.lastState(QStringLiteral("twice")), QStringLiteral("terminated"), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!object(objectId), kWaitMs);
        QVERIFY(!m_backend->consoleLog(objectId).hasValue());
        // Unknown ids are terminated already.
        QVERIFY(m_backend->terminate(QStringLiteral("never-seen")).hasValue());
        QCOMPARE(m_reports.lastState(QStringLiteral("never-seen")), QStringLiteral("terminated"));
    }

    void restartReadoptsDomains()
    {
        const QString id = QStringLiteral("survivor");
        deployAndWait(deployment(id, QStringLiteral("lv-a")), unikernel(QStringLiteral("s")));
        m_backend.reset();
        createBackend();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const DeploymentReport &r : m_backend->deployments()) {
                    if (r.deploymentId == id)
                        return r.state == DeploymentState::Deployed && r.nodeId == QLatin1String("lv-a")
                               && r.workloadId == QLatin1String("w-survivor");
                }
                return false;
            }(),
            kWaitMs);
        QCOMPARE(object(QStringLiteral("lv/domain/continuo-survivor"))->deploymentId, id);
        // The adopted deployment is driven as before.
        QVERIFY(m_backend->terminate(id).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(m_reports.lastState(id), QStringLiteral("terminated"), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!object(QStringLiteral("lv/domain/continuo-survivor")), kWaitMs);
    }
};

QTEST_GUILESS_MAIN(tst_LibvirtBackend)
#include "tst_libvirtbackend.moc"
