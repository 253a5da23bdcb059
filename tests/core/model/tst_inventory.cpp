#include "model/Inventory.h"
#include "model/ModelJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Continuo;

Q_DECLARE_METATYPE(Continuo::Entity)

namespace {

Site makeSite(const QString &id)
{
    Site site;
    site.id = id;
    site.name = QStringLiteral("Site ") + id;
    site.kind = SiteKind::Cloud;
    site.location = {QStringLiteral("Frankfurt am Main"), 50.11, 8.68};
    site.labels = {{QStringLiteral("zone"), QStringLiteral("de-1")},
                   {QStringLiteral("tier"), QStringLiteral("gold")}};
    return site;
}

Cluster makeCluster(const QString &id)
{
    Cluster cluster;
    cluster.id = id;
    cluster.name = QStringLiteral("Cluster ") + id;
    cluster.siteId = QStringLiteral("site-a");
    cluster.backend = BackendKind::Slurm;
    cluster.pluginId = QStringLiteral("slurm");
    cluster.labels = {{QStringLiteral("queue"), QStringLiteral("batch")}};
    return cluster;
}

Node makeNode(const QString &id, NodeState state = NodeState::Ready)
{
    Node node;
    node.id = id;
    node.name = QStringLiteral("Ñode «%1»").arg(id);
    node.siteId = QStringLiteral("site-a");
    node.clusterId = QStringLiteral("cluster-a");
    node.capacity = {64.5, 512LL << 30, 4LL << 40};
    node.arch = QStringLiteral("aarch64");
    node.labels = {{QStringLiteral("gpu"), QStringLiteral("true")}};
    node.securityTier = SecurityTier::Confidential;
    node.state = state;
    return node;
}

Device makeDevice(const QString &id, const QString &nodeId)
{
    Device device;
    device.id = id;
    device.nodeId = nodeId;
    device.kind = DeviceKind::Fpga;
    device.model = QStringLiteral("Xilinx Alveo U280");
    device.memoryBytes = 8LL << 30;
    device.vaccelCapable = true;
    return device;
}

Switch makeSwitch(const QString &id)
{
    Switch sw;
    sw.id = id;
    sw.name = QStringLiteral("Leaf ") + id;
    sw.siteId = QStringLiteral("site-a");
    sw.target = QStringLiteral("tofino");
    sw.managementAddress = QStringLiteral("10.0.0.1:9559");
    sw.portCount = 64;
    sw.state = SwitchState::Degraded;
    return sw;
}

Link makeLink(const QString &id)
{
    Link link;
    link.id = id;
    link.a = {QStringLiteral("sw-1"), 3};
    link.b = {QStringLiteral("node-1"), 1};
    link.capacityBitsPerSecond = 100'000'000'000;
    link.latencyMs = 0.125;
    link.state = LinkState::Down;
    return link;
}

StorageLocation makeStorage(const QString &id)
{
    StorageLocation location;
    location.id = id;
    location.name = QStringLiteral("Store ") + id;
    location.siteId = QStringLiteral("site-a");
    location.kind = StorageKind::Cloud;
    location.costPerGibMonth = 0.023;
    location.latencyMs = 12.5;
    location.capacityBytes = 1LL << 50;
    return location;
}

/// One of each kind, in an order that is not the id order.
InventoryChangeSet oneOfEach()
{
    InventoryChangeSet changes;
    changes.upsert(makeSite(QStringLiteral("site-a")));
    changes.upsert(makeCluster(QStringLiteral("cluster-a")));
    changes.upsert(makeNode(QStringLiteral("node-2")));
    changes.upsert(makeNode(QStringLiteral("node-1")));
    changes.upsert(makeDevice(QStringLiteral("fpga-b"), QStringLiteral("node-1")));
    changes.upsert(makeDevice(QStringLiteral("fpga-a"), QStringLiteral("node-1")));
    changes.upsert(makeSwitch(QStringLiteral("sw-1")));
    changes.upsert(makeLink(QStringLiteral("link-1")));
    changes.upsert(makeStorage(QStringLiteral("store-1")));
    return changes;
}

QStringList idsOf(const QList<Device> &devices)
{
    QStringList ids;
    for (const Device &device : devices)
        ids.append(device.id);
    return ids;
}

/// Serialise to text and back, as the store and the API do.
QJsonObject throughText(const QJsonObject &object)
{
    return QJsonDocument::fromJson(QJsonDocument(object).toJson(QJsonDocument::Compact)).object();
}

} // namespace

class tst_Inventory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void applyProducesDeltasWithIncreasingRevisions();
    void idempotentUpsertProducesNoDelta();
    void invalidChangeSetIsAtomic_data();
    void invalidChangeSetIsAtomic();
    void removals();
    void devicesOfNode();
    void snapshotAndReset();
    void applyDeltas();
    void entityKindNames();

    void entityJsonRoundTrip_data();
    void entityJsonRoundTrip();
    void entityFromInvalidJson();
    void eventJsonRoundTrip();
    void auditEntryJsonRoundTrip();
    void workloadJsonRoundTrip();
    void deploymentJsonRoundTrip();
    void snapshotJsonRoundTrip();
};

void tst_Inventory::applyProducesDeltasWithIncreasingRevisions()
{
    Inventory inventory;
    QCOMPARE(inventory.revision(), 0);
    const InventoryChangeSet changes = oneOfEach();
    const auto deltas = inventory.apply(changes);
    QVERIFY2(deltas, qPrintable(deltas.error()));
    QCOMPARE(deltas->size(), changes.size());
    for (qsizetype i = 0; i < deltas->size(); ++i) {
        const InventoryDelta &delta = deltas->at(i);
        const auto &change = changes.changes().at(i);
        QCOMPARE(delta.operation, DeltaOperation::Upsert);
        QCOMPARE(delta.revision, i + 1);
        QCOMPARE(toString(delta.kind), toString(change.kind));
        QCOMPARE(delta.id, change.id);
        QVERIFY(delta.entity.has_value());
        QCOMPARE(*delta.entity, *change.entity);
    }
    QCOMPARE(inventory.revision(), changes.size());
    QCOMPARE(inventory.count(EntityKind::Node), 2);
    QCOMPARE(inventory.count(EntityKind::Device), 2);
    QCOMPARE(inventory.count(EntityKind::Unknown), 0);
    QVERIFY(inventory.find<Node>(QStringLiteral("node-1")));
    QVERIFY(!inventory.find<Node>(QStringLiteral("node-9")));
    QCOMPARE(*inventory.entity(EntityKind::Link, QStringLiteral("link-1")),
             Entity(makeLink(QStringLiteral("link-1"))));
    QVERIFY(!inventory.entity(EntityKind::Site, QStringLiteral("link-1")));

    // A later change set continues the numbering.
    InventoryChangeSet more;
    more.upsert(makeNode(QStringLiteral("node-3")));
    const auto next = inventory.apply(more);
    QVERIFY(next);
    QCOMPARE(next->size(), 1);
    QCOMPARE(next->first().revision, changes.size() + 1);
}

void tst_Inventory::idempotentUpsertProducesNoDelta()
{
    Inventory inventory;
    QVERIFY(inventory.apply(oneOfEach()));
    const qint64 revision = inventory.revision();
    const InventorySnapshot before = inventory.snapshot();

    const auto again = inventory.apply(oneOfEach());
    QVERIFY(again);
    QVERIFY(again->isEmpty());
    QCOMPARE(inventory.revision(), revision);
    QCOMPARE(inventory.snapshot(), before);

    // Only the entity that really changed produces a delta.
    InventoryChangeSet mixed = oneOfEach();
    mixed.upsert(makeNode(QStringLiteral("node-1"), NodeState::Draining));
    const auto changed = inventory.apply(mixed);
    QVERIFY(changed);
    QCOMPARE(changed->size(), 1);
    QCOMPARE(changed->first().id, QStringLiteral("node-1"));
    QCOMPARE(changed->first().revision, revision + 1);
    QCOMPARE(toString(inventory.find<Node>(QStringLiteral("node-1"))->state),
             toString(NodeState::Draining));

    // The same upsert twice in one set gives one delta.
    InventoryChangeSet twice;
    twice.upsert(makeNode(QStringLiteral("node-9")));
    twice.upsert(makeNode(QStringLiteral("node-9")));
    const auto once = inventory.apply(twice);
    QVERIFY(once);
    QCOMPARE(once->size(), 1);

    // An empty set is valid and changes nothing.
    const auto empty = inventory.apply(InventoryChangeSet());
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
}

void tst_Inventory::invalidChangeSetIsAtomic_data()
{
    QTest::addColumn<int>("variant");
    QTest::newRow("site without id") << 0;
    QTest::newRow("device without node") << 1;
    QTest::newRow("link with one endpoint") << 2;
    QTest::newRow("link with negative latency") << 3;
    QTest::newRow("link with negative capacity") << 4;
    QTest::newRow("node with negative capacity") << 5;
    QTest::newRow("id longer than 253 characters") << 6;
    QTest::newRow("removal without kind") << 7;
    QTest::newRow("removal without id") << 8;
}

void tst_Inventory::invalidChangeSetIsAtomic()
{
    QFETCH(int, variant);
    Inventory inventory;
    QVERIFY(inventory.apply(oneOfEach()));
    const InventorySnapshot before = inventory.snapshot();

    // Valid changes first, then the bad one: none of them may be applied.
    InventoryChangeSet changes;
    changes.upsert(makeNode(QStringLiteral("node-new")));
    changes.remove(EntityKind::Link, QStringLiteral("link-1"));
    changes.upsert(makeNode(QStringLiteral("node-1"), NodeState::Down));
    switch (variant) {
    case 0:
        changes.upsert(makeSite(QString()));
        break;
    case 1:
        changes.upsert(makeDevice(QStringLiteral("gpu-x"), QString()));
        break;
    case 2: {
        Link link = makeLink(QStringLiteral("link-x"));
        link.b.id.clear();
        changes.upsert(link);
        break;
    }
    case 3: {
        Link link = makeLink(QStringLiteral("link-x"));
        link.latencyMs = -1;
        changes.upsert(link);
        break;
    }
    case 4: {
        Link link = makeLink(QStringLiteral("link-x"));
        link.capacityBitsPerSecond = -5;
        changes.upsert(link);
        break;
    }
    case 5: {
        Node node = makeNode(QStringLiteral("node-x"));
        node.capacity.memoryBytes = -1;
        changes.upsert(node);
        break;
    }
    case 6:
        changes.upsert(makeStorage(QString(254, QLatin1Char('s'))));
        break;
    case 7:
        changes.remove(EntityKind::Unknown, QStringLiteral("node-1"));
        break;
    case 8:
        changes.remove(EntityKind::Node, QString());
        break;
    default:
        QFAIL("unknown variant");
    }
    const auto result = inventory.apply(changes);
    QVERIFY(!result);
    QVERIFY(!result.error().isEmpty());
    QCOMPARE(inventory.snapshot(), before);
    QCOMPARE(inventory.revision(), before.revision);
}

void tst_Inventory::removals()
{
    Inventory inventory;
    QVERIFY(inventory.apply(oneOfEach()));
    const qint64 revision = inventory.revision();

    InventoryChangeSet changes;
    changes.remove(EntityKind::Link, QStringLiteral("link-1"));
    changes.remove(EntityKind::Link, QStringLiteral("link-1"));  // already gone
    changes.remove(EntityKind::Node, QStringLiteral("no-such")); // never there
    changes.remove(EntityKind::Site, QStringLiteral("node-1"));  // wrong kind for the id
    changes.remove(EntityKind::Device, QStringLiteral("fpga-a"));
    const auto deltas = inventory.apply(changes);
    QVERIFY2(deltas, qPrintable(deltas.error()));
    QCOMPARE(deltas->size(), 2);
    QCOMPARE(deltas->at(0), (InventoryDelta{DeltaOperation::Remove, revision + 1, EntityKind::Link,
                                            QStringLiteral("link-1"), std::nullopt}));
    QCOMPARE(deltas->at(1),
             (InventoryDelta{DeltaOperation::Remove, revision + 2, EntityKind::Device,
                             QStringLiteral("fpga-a"), std::nullopt}));
    QCOMPARE(inventory.revision(), revision + 2);
    QVERIFY(!inventory.find<Link>(QStringLiteral("link-1")));
    QVERIFY(inventory.find<Node>(QStringLiteral("node-1")));
    QCOMPARE(idsOf(inventory.devicesOfNode(QStringLiteral("node-1"))),
             QStringList{QStringLiteral("fpga-b")});

    // Removal of every kind empties the inventory; the revision keeps counting.
    InventoryChangeSet everything;
    everything.remove(EntityKind::Site, QStringLiteral("site-a"));
    everything.remove(EntityKind::Cluster, QStringLiteral("cluster-a"));
    everything.remove(EntityKind::Node, QStringLiteral("node-1"));
    everything.remove(EntityKind::Node, QStringLiteral("node-2"));
    everything.remove(EntityKind::Device, QStringLiteral("fpga-b"));
    everything.remove(EntityKind::Switch, QStringLiteral("sw-1"));
    everything.remove(EntityKind::StorageLocation, QStringLiteral("store-1"));
    const auto removed = inventory.apply(everything);
    QVERIFY(removed);
    QCOMPARE(removed->size(), 7);
    const InventorySnapshot empty = inventory.snapshot();
    QCOMPARE(empty, InventorySnapshot{revision + 9});
    QVERIFY(inventory.devicesOfNode(QStringLiteral("node-1")).isEmpty());
}

void tst_Inventory::devicesOfNode()
{
    Inventory inventory;
    QVERIFY(inventory.apply(oneOfEach()));
    QCOMPARE(idsOf(inventory.devicesOfNode(QStringLiteral("node-1"))),
             (QStringList{QStringLiteral("fpga-a"), QStringLiteral("fpga-b")}));
    QVERIFY(inventory.devicesOfNode(QStringLiteral("node-2")).isEmpty());
    QVERIFY(inventory.devicesOfNode(QStringLiteral("nowhere")).isEmpty());

    // A device moved to another node follows it.
    InventoryChangeSet move;
    move.upsert(makeDevice(QStringLiteral("fpga-b"), QStringLiteral("node-2")));
    QVERIFY(inventory.apply(move));
    QCOMPARE(idsOf(inventory.devicesOfNode(QStringLiteral("node-1"))),
             QStringList{QStringLiteral("fpga-a")});
    QCOMPARE(idsOf(inventory.devicesOfNode(QStringLiteral("node-2"))),
             QStringList{QStringLiteral("fpga-b")});

    // An updated device (same node) is listed once, with its new value.
    Device updated = makeDevice(QStringLiteral("fpga-a"), QStringLiteral("node-1"));
    updated.memoryBytes = 16LL << 30;
    InventoryChangeSet update;
    update.upsert(updated);
    QVERIFY(inventory.apply(update));
    QCOMPARE(inventory.devicesOfNode(QStringLiteral("node-1")), QList<Device>{updated});

    // The index survives a snapshot and reset.
    const Inventory copy(inventory.snapshot());
    QCOMPARE(copy.devicesOfNode(QStringLiteral("node-1")), QList<Device>{updated});
    QCOMPARE(idsOf(copy.devicesOfNode(QStringLiteral("node-2"))),
             QStringList{QStringLiteral("fpga-b")});
}

void tst_Inventory::snapshotAndReset()
{
    Inventory inventory;
    QVERIFY(inventory.apply(oneOfEach()));
    const InventorySnapshot snapshot = inventory.snapshot();
    QCOMPARE(snapshot.revision, inventory.revision());
    QCOMPARE(snapshot.sites.size(), 1);
    QCOMPARE(snapshot.clusters.size(), 1);
    QCOMPARE(snapshot.nodes.size(), 2);
    QCOMPARE(snapshot.devices.size(), 2);
    QCOMPARE(snapshot.switches.size(), 1);
    QCOMPARE(snapshot.links.size(), 1);
    QCOMPARE(snapshot.storageLocations.size(), 1);
    // Sorted by id, whatever the insertion order.
    QCOMPARE(snapshot.nodes.at(0).id, QStringLiteral("node-1"));
    QCOMPARE(snapshot.devices.at(0).id, QStringLiteral("fpga-a"));

    const Inventory copy(snapshot);
    QCOMPARE(copy.snapshot(), snapshot);
    QCOMPARE(copy.revision(), snapshot.revision);

    // reset() replaces everything, including what the snapshot does not contain.
    Inventory other;
    InventoryChangeSet unrelated;
    unrelated.upsert(makeNode(QStringLiteral("zzz")));
    unrelated.upsert(makeDevice(QStringLiteral("dev-z"), QStringLiteral("zzz")));
    QVERIFY(other.apply(unrelated));
    other.reset(snapshot);
    QCOMPARE(other.snapshot(), snapshot);
    QVERIFY(!other.find<Node>(QStringLiteral("zzz")));
    QVERIFY(other.devicesOfNode(QStringLiteral("zzz")).isEmpty());

    other.reset(InventorySnapshot{});
    QCOMPARE(other.snapshot(), InventorySnapshot{});
    QCOMPARE(other.revision(), 0);
}

void tst_Inventory::applyDeltas()
{
    Inventory source;
    QList<InventoryDelta> stream;
    stream += *source.apply(oneOfEach());
    InventoryChangeSet second;
    second.upsert(makeNode(QStringLiteral("node-1"), NodeState::Maintenance));
    second.remove(EntityKind::Device, QStringLiteral("fpga-b"));
    second.remove(EntityKind::Link, QStringLiteral("link-1"));
    stream += *source.apply(second);
    QCOMPARE(stream.size(), 12);

    Inventory replica;
    replica.applyDeltas(stream);
    QCOMPARE(replica.snapshot(), source.snapshot());
    QCOMPARE(replica.revision(), source.revision());
    QCOMPARE(idsOf(replica.devicesOfNode(QStringLiteral("node-1"))),
             QStringList{QStringLiteral("fpga-a")});

    // Replaying is harmless, and a revision never goes back.
    replica.applyDeltas(stream.mid(0, 3));
    QCOMPARE(replica.revision(), source.revision());

    // Delivered in two halves, same result.
    Inventory halves;
    halves.applyDeltas(stream.mid(0, 6));
    QCOMPARE(halves.revision(), 6);
    halves.applyDeltas(stream.mid(6));
    QCOMPARE(halves.snapshot(), source.snapshot());
}

void tst_Inventory::entityKindNames()
{
    for (int value = 0; value <= int(EntityKind::StorageLocation); ++value) {
        const auto kind = EntityKind(value);
        QCOMPARE(toString(enumFromString<EntityKind>(toString(kind))), toString(kind));
    }
    QCOMPARE(toString(EntityKind::StorageLocation), QStringLiteral("storage_location"));
    QCOMPARE(toString(enumFromString<EntityKind>(QStringLiteral("NODE"))),
             toString(EntityKind::Node));
    QCOMPARE(toString(enumFromString<EntityKind>(QStringLiteral("spaceship"))),
             toString(EntityKind::Unknown));
    QCOMPARE(toString(entityKind(Entity(makeStorage(QStringLiteral("s"))))),
             toString(EntityKind::StorageLocation));
    QCOMPARE(toString(entityKind(Entity(makeSite(QStringLiteral("s"))))),
             toString(EntityKind::Site));
}

void tst_Inventory::entityJsonRoundTrip_data()
{
    QTest::addColumn<Entity>("entity");
    QTest::newRow("site") << Entity(makeSite(QStringLiteral("site-a")));
    QTest::newRow("cluster") << Entity(makeCluster(QStringLiteral("cluster-a")));
    QTest::newRow("node") << Entity(makeNode(QStringLiteral("node-1")));
    QTest::newRow("device") << Entity(makeDevice(QStringLiteral("fpga-a"), QStringLiteral("n")));
    QTest::newRow("switch") << Entity(makeSwitch(QStringLiteral("sw-1")));
    QTest::newRow("link") << Entity(makeLink(QStringLiteral("link-1")));
    QTest::newRow("storage location") << Entity(makeStorage(QStringLiteral("store-1")));
    Node bare;
    bare.id = QStringLiteral("bare");
    QTest::newRow("node with defaults only") << Entity(bare);
}

void tst_Inventory::entityJsonRoundTrip()
{
    QFETCH(Entity, entity);
    const QJsonObject json = toJson(entity);
    QCOMPARE(json.value(QLatin1String("id")).toString(), entityId(entity));
    const auto back = entityFromJson(entityKind(entity), throughText(json));
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(*back, entity);
    QCOMPARE(toJson(*back), json);
}

void tst_Inventory::entityFromInvalidJson()
{
    QVERIFY(!entityFromJson(EntityKind::Node, QJsonObject{}));
    QVERIFY(!entityFromJson(EntityKind::Node, {{QStringLiteral("id"), 42}}));
    QVERIFY(!entityFromJson(EntityKind::Unknown, {{QStringLiteral("id"), QStringLiteral("x")}}));
    // Unknown enum names fall back to Unknown rather than failing.
    const auto node =
        entityFromJson(EntityKind::Node, {{QStringLiteral("id"), QStringLiteral("n")},
                                          {QStringLiteral("state"), QStringLiteral("melting")}});
    QVERIFY(node);
    QCOMPARE(toString(std::get<Node>(*node).state), toString(NodeState::Unknown));
}

void tst_Inventory::eventJsonRoundTrip()
{
    Event event;
    event.sequence = 123456789;
    event.type = QLatin1String(EventTypes::ResourcesStatus);
    event.timestampMs = 1'712'345'678'901;
    event.severity = EventSeverity::Critical;
    event.source = QStringLiteral("plugin:simulator");
    event.subjectId = QStringLiteral("node-1");
    event.message = QStringLiteral("Node node-1 is down ⚠");
    event.payload = {{QStringLiteral("status"), QStringLiteral("DOWN")},
                     {QStringLiteral("count"), 3},
                     {QStringLiteral("nested"), QJsonObject{{QStringLiteral("a"), true}}}};
    const auto back = eventFromJson(throughText(toJson(event)));
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(*back, event);
    QCOMPARE(back->category(), QStringLiteral("Resources"));

    QJsonObject badType = toJson(event);
    badType.insert(QStringLiteral("type"), QStringLiteral("no-dot"));
    QVERIFY(!eventFromJson(badType));
    QVERIFY(!eventFromJson(QJsonObject{}));
    QVERIFY(isValidEventType(QStringLiteral("Deployment.State")));
    QVERIFY(!isValidEventType(QStringLiteral("Deployment.")));
    QVERIFY(!isValidEventType(QStringLiteral("A.b.c")));
}

void tst_Inventory::auditEntryJsonRoundTrip()
{
    AuditEntry entry;
    entry.id = 77;
    entry.timestampMs = 1'700'000'000'000;
    entry.actor = QStringLiteral("user:alice");
    entry.action = QStringLiteral("node.set_state");
    entry.target = QStringLiteral("node-1");
    entry.details = {{QStringLiteral("from"), QStringLiteral("ready")},
                     {QStringLiteral("to"), QStringLiteral("cordoned")}};
    const auto back = auditEntryFromJson(throughText(toJson(entry)));
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(*back, entry);
    entry.action.clear();
    QVERIFY(!auditEntryFromJson(toJson(entry)));
}

void tst_Inventory::workloadJsonRoundTrip()
{
    Workload workload;
    workload.id = QStringLiteral("wl-1");
    workload.name = QStringLiteral("inference");
    workload.kind = WorkloadKind::AcceleratedKernel;
    workload.request = {3.5, 8LL << 30, 20LL << 30, 1, 2};
    workload.image = QStringLiteral("registry.example.org/infer:1.2");
    workload.groupId = QStringLiteral("group-7");
    workload.labels = {{QStringLiteral("team"), QStringLiteral("vision")}};
    const auto back = workloadFromJson(throughText(toJson(workload)));
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(*back, workload);
    QCOMPARE(toJson(workload).value(QLatin1String("kind")).toString(),
             QStringLiteral("accelerated_kernel"));
    workload.id.clear();
    QVERIFY(!workloadFromJson(toJson(workload)));
}

void tst_Inventory::deploymentJsonRoundTrip()
{
    Deployment deployment =
        DeploymentStateMachine::submit(QStringLiteral("dep-1"), QStringLiteral("wl-1"), 1000);
    QVERIFY(DeploymentStateMachine::transition(deployment, DeploymentState::Pending, 1100, {}));
    QVERIFY(DeploymentStateMachine::transition(deployment, DeploymentState::Failed, 1200,
                                               QStringLiteral("no capacity")));
    deployment.clusterId = QStringLiteral("cluster-a");
    deployment.nodeId = QStringLiteral("node-1");
    const QJsonObject json = toJson(deployment);
    QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
    const auto back = deploymentFromJson(throughText(json));
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(*back, deployment);
    QCOMPARE(back->history.size(), 3);
    QVERIFY(!deploymentFromJson(QJsonObject{}));
}

void tst_Inventory::snapshotJsonRoundTrip()
{
    Inventory inventory;
    QVERIFY(inventory.apply(oneOfEach()));
    const InventorySnapshot snapshot = inventory.snapshot();
    const auto back = snapshotFromJson(throughText(toJson(snapshot)));
    QVERIFY2(back, qPrintable(back.error()));
    QCOMPARE(*back, snapshot);
    QCOMPARE(snapshotFromJson(toJson(InventorySnapshot{}))->revision, 0);

    // One bad entity makes the whole snapshot invalid.
    QJsonObject broken = toJson(snapshot);
    QJsonArray nodes = broken.value(QLatin1String("nodes")).toArray();
    nodes.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("no id")}});
    broken.insert(QStringLiteral("nodes"), nodes);
    QVERIFY(!snapshotFromJson(broken));
}

QTEST_GUILESS_MAIN(tst_Inventory)

#include "tst_inventory.moc"
