#include "api/ProtoConvert.h"

#include <QTest>

using namespace Continuo;
using namespace Continuo::Api;

class tst_ProtoConvert : public QObject
{
    Q_OBJECT

private:
    static Site site()
    {
        return Site{QStringLiteral("athens"), QStringLiteral("Athens edge"), SiteKind::Edge,
                    GeoLocation{QStringLiteral("Athens"), 37.98, 23.72},
                    {{QStringLiteral("zone"), QStringLiteral("athens-1")},
                     {QStringLiteral("owner"), QStringLiteral("ops")}}};
    }
    static Cluster cluster()
    {
        return Cluster{QStringLiteral("athens-k8s"), QStringLiteral("Athens K8s"),
                       QStringLiteral("athens"), BackendKind::Kubernetes,
                       QStringLiteral("kubernetes"), {{QStringLiteral("env"), QStringLiteral("prod")}}};
    }
    static Node node()
    {
        Node node;
        node.id = QStringLiteral("athens-n1");
        node.name = QStringLiteral("athens node 1");
        node.siteId = QStringLiteral("athens");
        node.clusterId = QStringLiteral("athens-k8s");
        node.capacity = Capacity{48.5, 256LL * 1024 * 1024 * 1024, 4LL * 1024 * 1024 * 1024 * 1024};
        node.arch = QStringLiteral("aarch64");
        node.labels = {{QStringLiteral("security-tier"), QStringLiteral("hardened")},
                       {QStringLiteral("ünïcode"), QStringLiteral("välue ✓")}};
        node.securityTier = SecurityTier::Confidential;
        node.state = NodeState::Maintenance;
        return node;
    }
    static Device device()
    {
        return Device{QStringLiteral("athens-n1-gpu0"), QStringLiteral("athens-n1"), DeviceKind::Fpga,
                      QStringLiteral("Xilinx Alveo U280"), 8LL * 1024 * 1024 * 1024, true};
    }
    static Switch fabricSwitch()
    {
        return Switch{QStringLiteral("s1"), QStringLiteral("spine 1"), QString(),
                      QStringLiteral("bmv2"), QStringLiteral("127.0.0.1:9559"), 32,
                      SwitchState::Degraded};
    }
    static Link link()
    {
        return Link{QStringLiteral("s1-s2"), LinkEndpoint{QStringLiteral("s1"), 3},
                    LinkEndpoint{QStringLiteral("s2"), 7}, 100'000'000'000LL, 0.25, LinkState::Down};
    }
    static StorageLocation storage()
    {
        return StorageLocation{QStringLiteral("athens-store"), QStringLiteral("Athens store"),
                               QStringLiteral("athens"), StorageKind::Edge, 0.023, 1.5,
                               1LL << 42};
    }

    template<typename T, typename P>
    static void checkRoundTrip(const T &value)
    {
        P message;
        toProto(value, &message);
        // Through the wire format too, not only the in-memory message.
        P parsed;
        QVERIFY(parsed.ParseFromString(message.SerializeAsString()));
        const T back = fromProto(parsed);
        QCOMPARE(back, value);
    }

private Q_SLOTS:
    void entities()
    {
        checkRoundTrip<Site, v1::Site>(site());
        checkRoundTrip<Cluster, v1::Cluster>(cluster());
        checkRoundTrip<Node, v1::Node>(node());
        checkRoundTrip<Device, v1::Device>(device());
        checkRoundTrip<Switch, v1::Switch>(fabricSwitch());
        checkRoundTrip<Link, v1::Link>(link());
        checkRoundTrip<StorageLocation, v1::StorageLocation>(storage());
        // Defaults survive too (empty strings, zero numbers, Unknown enums).
        checkRoundTrip<Node, v1::Node>(Node{});
        checkRoundTrip<Site, v1::Site>(Site{});
    }

    void entityVariant_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < 7; ++i)
            QTest::addRow("%s", qPrintable(toString(static_cast<EntityKind>(i + 1)))) << i;
    }

    void entityVariant()
    {
        QFETCH(int, index);
        const QList<Entity> all = {site(), cluster(), node(), device(), fabricSwitch(), link(), storage()};
        const Entity &entity = all.at(index);
        v1::Entity message;
        toProto(entity, &message);
        QCOMPARE(int(message.value_case()), index + 1);
        const auto back = fromProto(message);
        QVERIFY(back.has_value());
        QCOMPARE(toString(entityKind(*back)), toString(entityKind(entity)));
        QVERIFY(*back == entity);
    }

    void emptyEntity()
    {
        QVERIFY(!fromProto(v1::Entity()).has_value());
    }

    void snapshot()
    {
        InventorySnapshot snapshot;
        snapshot.revision = 42;
        snapshot.sites = {site()};
        snapshot.clusters = {cluster()};
        snapshot.nodes = {node(), Node{}};
        snapshot.devices = {device()};
        snapshot.switches = {fabricSwitch()};
        snapshot.links = {link()};
        snapshot.storageLocations = {storage()};
        checkRoundTrip<InventorySnapshot, v1::InventorySnapshot>(snapshot);
    }

    void deltas()
    {
        InventoryDelta upsert;
        upsert.operation = DeltaOperation::Upsert;
        upsert.revision = 7;
        upsert.kind = EntityKind::Node;
        upsert.id = node().id;
        upsert.entity = node();
        checkRoundTrip<InventoryDelta, v1::InventoryDelta>(upsert);

        InventoryDelta remove;
        remove.operation = DeltaOperation::Remove;
        remove.revision = 8;
        remove.kind = EntityKind::Link;
        remove.id = link().id;
        checkRoundTrip<InventoryDelta, v1::InventoryDelta>(remove);
    }

    void event()
    {
        Event event;
        event.sequence = 123456789012LL;
        event.type = QStringLiteral("Resources.Status");
        event.timestampMs = 1'700'000'000'123LL;
        event.severity = EventSeverity::Critical;
        event.source = QStringLiteral("plugin:simulator");
        event.subjectId = QStringLiteral("athens-n1");
        event.message = QStringLiteral("node athens-n1 is down ✗");
        event.payload = {{QStringLiteral("status"), QStringLiteral("DOWN")},
                         {QStringLiteral("cpu"), 0.5},
                         {QStringLiteral("nested"), QJsonObject{{QStringLiteral("a"), 1}}}};
        checkRoundTrip<Event, v1::Event>(event);
        checkRoundTrip<Event, v1::Event>(Event{});
    }

    void auditEntry()
    {
        AuditEntry entry{17, 1'700'000'000'000LL, QStringLiteral("user:alice"),
                         QStringLiteral("node.set_state"), QStringLiteral("athens-n1"),
                         {{QStringLiteral("from"), QStringLiteral("ready")},
                          {QStringLiteral("to"), QStringLiteral("draining")}}};
        checkRoundTrip<AuditEntry, v1::AuditEntry>(entry);
    }

    void pluginInfoAndStatus()
    {
        PluginInfo plugin;
        plugin.metadata = PluginMetadata{QStringLiteral("slurm"), QStringLiteral("Slurm"),
                                         QStringLiteral("1.2.3"), QStringLiteral("1.0.0"), 1,
                                         QStringLiteral("compute"), QStringLiteral("Slurm backend"),
                                         {{QStringLiteral("core"), QStringLiteral("0.1")}}};
        plugin.filePath = QStringLiteral("/usr/lib/continuo/plugins/libslurm.so");
        plugin.state = PluginState::Failed;
        plugin.errorString = QStringLiteral("munge is not running");
        checkRoundTrip<PluginInfo, v1::PluginInfo>(plugin);

        EngineStatus status;
        status.state = EngineState::Running;
        status.stateMessage = QStringLiteral("all good");
        status.version = QStringLiteral("0.1.0");
        status.hostName = QStringLiteral("host");
        status.dataDirectory = QStringLiteral("/var/lib/continuo");
        status.scenario = QStringLiteral("demo");
        status.startedAtMs = 1'700'000'000'000LL;
        status.inventoryRevision = 99;
        status.siteCount = 3;
        status.nodeCount = 60;
        status.switchCount = 5;
        status.linkCount = 12;
        status.seriesCount = 1234;
        status.samplesIngestedTotal = 9'876'543'210LL;
        status.lastEventSequence = 555;
        status.plugins = {plugin};
        checkRoundTrip<EngineStatus, v1::EngineStatus>(status);
    }

    void telemetry()
    {
        SeriesBatch batch;
        batch.metric = QStringLiteral("node_cpu_utilisation");
        batch.labels = {{QStringLiteral("node"), QStringLiteral("athens-n1")},
                        {QStringLiteral("site"), QStringLiteral("athens")}};
        batch.samples = {{1000, 0.25}, {2000, 0.5}, {3000, -1e300}};
        checkRoundTrip<SeriesBatch, v1::SeriesBatch>(batch);
        checkRoundTrip<Sample, v1::Sample>(Sample{42, 3.5});
    }

    void unknownEnumNumbersBecomeUnknown()
    {
        v1::Node message;
        message.set_id("n");
        message.set_state(static_cast<v1::NodeState>(77));
        message.set_security_tier(static_cast<v1::SecurityTier>(-3));
        const Node node = fromProto(message);
        QCOMPARE(toString(node.state), toString(NodeState::Unknown));
        QCOMPARE(toString(node.securityTier), toString(SecurityTier::Unknown));
        QVERIFY(!nodeStateFromProto(77).has_value());
        QCOMPARE(toString(nodeStateFromProto(4).value()), toString(NodeState::Draining));
    }

    void badJsonBecomesEmptyObject()
    {
        v1::Event message;
        message.set_type("A.B");
        message.set_payload_json("{not json");
        QVERIFY(fromProto(message).payload.isEmpty());
        message.set_payload_json("[1,2]");
        QVERIFY(fromProto(message).payload.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ProtoConvert)
#include "tst_protoconvert.moc"
