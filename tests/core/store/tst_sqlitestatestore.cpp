#include "model/Inventory.h"
#include "model/ModelJson.h"
#include "store/SqliteStateStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

using namespace Continuo;
using namespace std::chrono_literals;

namespace {

const char kCrashDirectoryVariable[] = "CONTINUO_TST_STORE_CRASH_DIR";

/// A second, plain connection to look at or tamper with a database behind the store's back.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            qWarning() << "cannot open" << path << sqlite3_errmsg(m_db);
        }
    }
    ~RawDatabase() { sqlite3_close(m_db); }
    RawDatabase(const RawDatabase &) = delete;
    RawDatabase &operator=(const RawDatabase &) = delete;

    bool exec(const QString &sql)
    {
        char *error = nullptr;
        const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &error);
        if (rc != SQLITE_OK)
            qWarning() << "raw SQL failed:" << sql << (error ? error : "");
        sqlite3_free(error);
        return rc == SQLITE_OK;
    }

    QString text(const QString &sql)
    {
        sqlite3_stmt *statement = nullptr;
        QString value;
        if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &statement, nullptr) ==
                SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW) {
            value = QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        }
        sqlite3_finalize(statement);
        return value;
    }

    qint64 integer(const QString &sql) { return text(sql).toLongLong(); }

private:
    sqlite3 *m_db = nullptr;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QString databaseIn(const QString &directory)
{
    return QDir(directory).filePath(SqliteStateStore::databaseFileName());
}

Event makeEvent(qint64 sequence, const QString &type, const QString &subject = QString())
{
    Event event;
    event.sequence = sequence;
    event.type = type;
    event.timestampMs = 1'700'000'000'000 + sequence;
    event.severity = sequence % 3 == 0 ? EventSeverity::Warning : EventSeverity::Info;
    event.source = QStringLiteral("engine");
    event.subjectId = subject;
    event.message = QStringLiteral("event %1").arg(sequence);
    event.payload = {{QStringLiteral("sequence"), QString::number(sequence)},
                     {QStringLiteral("ok"), true}};
    return event;
}

InventoryChangeSet sampleInventory()
{
    InventoryChangeSet changes;
    Site site;
    site.id = QStringLiteral("site-athens");
    site.name = QStringLiteral("Athens edge");
    site.kind = SiteKind::Edge;
    site.location = {QStringLiteral("Athens"), 37.98, 23.73};
    site.labels = {{QStringLiteral("zone"), QStringLiteral("gr-1")}};
    changes.upsert(site);

    Cluster cluster;
    cluster.id = QStringLiteral("k8s-athens");
    cluster.name = QStringLiteral("Athens k8s");
    cluster.siteId = site.id;
    cluster.backend = BackendKind::Kubernetes;
    cluster.pluginId = QStringLiteral("kubernetes");
    changes.upsert(cluster);

    for (int i = 0; i < 3; ++i) {
        Node node;
        node.id = QStringLiteral("node-%1").arg(i);
        node.name = QStringLiteral("Node %1 ✓").arg(i);
        node.siteId = site.id;
        node.clusterId = cluster.id;
        node.capacity = {16.0 + i, 64LL << 30, 1LL << 40};
        node.arch = QStringLiteral("x86_64");
        node.securityTier = SecurityTier::Hardened;
        node.state = NodeState::Ready;
        changes.upsert(node);
    }

    Device gpu;
    gpu.id = QStringLiteral("gpu-0");
    gpu.nodeId = QStringLiteral("node-0");
    gpu.kind = DeviceKind::Gpu;
    gpu.model = QStringLiteral("NVIDIA A100");
    gpu.memoryBytes = 80LL << 30;
    gpu.vaccelCapable = true;
    changes.upsert(gpu);

    Switch sw;
    sw.id = QStringLiteral("sw-1");
    sw.name = QStringLiteral("Spine 1");
    sw.target = QStringLiteral("bmv2");
    sw.managementAddress = QStringLiteral("127.0.0.1:9559");
    sw.portCount = 32;
    sw.state = SwitchState::Up;
    changes.upsert(sw);

    Link link;
    link.id = QStringLiteral("link-1");
    link.a = {QStringLiteral("sw-1"), 1};
    link.b = {QStringLiteral("node-0"), 0};
    link.capacityBitsPerSecond = 10'000'000'000;
    link.latencyMs = 0.25;
    link.state = LinkState::Up;
    changes.upsert(link);

    StorageLocation location;
    location.id = QStringLiteral("store-edge");
    location.name = QStringLiteral("Edge store");
    location.siteId = site.id;
    location.kind = StorageKind::Edge;
    location.costPerGibMonth = 0.02;
    location.latencyMs = 1.5;
    location.capacityBytes = 1LL << 42;
    changes.upsert(location);
    return changes;
}

Deployment sampleDeployment(const QString &id, DeploymentState upTo)
{
    Deployment deployment = DeploymentStateMachine::submit(id, QStringLiteral("wl-") + id, 1000);
    const DeploymentState path[] = {DeploymentState::Pending, DeploymentState::Scheduled,
                                    DeploymentState::Assigned, DeploymentState::InDeployment,
                                    DeploymentState::Deployed};
    qint64 time = 1000;
    for (DeploymentState state : path) {
        if (deployment.state == upTo)
            break;
        (void)DeploymentStateMachine::transition(deployment, state, time += 10,
                                                 QStringLiteral("to %1").arg(toString(state)));
    }
    deployment.clusterId = QStringLiteral("k8s-athens");
    deployment.nodeId = QStringLiteral("node-1");
    return deployment;
}

QList<qint64> sequencesOf(const QList<Event> &events)
{
    QList<qint64> sequences;
    for (const Event &event : events)
        sequences.append(event.sequence);
    return sequences;
}

} // namespace

class tst_SqliteStateStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openCreatesSchema();
    void operationsWhenClosed();
    void inventoryPersistsAcrossReopen();
    void deploymentsRoundTrip();
    void workloadsRoundTrip();
    void eventsRoundTrip();
    void eventsFiltering();
    void auditIsSynchronousAndOrdered();
    void restartRestoresState();
    void crashWithoutCloseKeepsCommittedData();
    void killedProcessKeepsCommittedData();
    void crashChildWriter();
    void corruptDatabaseIsRefusedUntouched_data();
    void corruptDatabaseIsRefusedUntouched();
    void futureDatabaseIsRefused();
    void batchingUnderLoad();
    void writeFailureCallsErrorHandler();
    void unreadableRowsAreSkipped();
    void alertRulesAreVersioned();
    void unreadableAlertRulesAreReported();
};

void tst_SqliteStateStore::openCreatesSchema()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString directory = temporary.filePath(QStringLiteral("nested/data"));

    QVERIFY(SqliteStateStore::latestSchemaVersion() >= 1);
    {
        SqliteStateStore store;
        QVERIFY(!store.isOpen());
        const auto opened = store.open(directory);
        QVERIFY2(opened, qPrintable(opened.error()));
        QVERIFY(store.isOpen());
        QCOMPARE(store.schemaVersion(), SqliteStateStore::latestSchemaVersion());
        QCOMPARE(store.databasePath(),
                 QDir(directory).absoluteFilePath(QStringLiteral("continuo.db")));
        QVERIFY(QFile::exists(databaseIn(directory)));

        const auto again = store.open(directory);
        QVERIFY(!again);
        QVERIFY2(again.error().contains(QLatin1String("already open")), qPrintable(again.error()));
        store.close();
        store.close(); // safe twice
        QVERIFY(!store.isOpen());
    }

    {
        RawDatabase raw(databaseIn(directory));
        QCOMPARE(raw.integer(QStringLiteral("PRAGMA user_version")),
                 qint64(SqliteStateStore::latestSchemaVersion()));
        QCOMPARE(raw.text(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        for (const char *table : {"meta", "inventory", "deployments", "events", "audit"}) {
            QCOMPARE(raw.integer(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                                "type = 'table' AND name = '%1'")
                                     .arg(QLatin1String(table))),
                     1);
        }
        QCOMPARE(raw.integer(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                            "'index' AND tbl_name = 'events'")),
                 1);
    }

    // Reopening an up-to-date database runs no migration and keeps the version.
    SqliteStateStore store;
    const auto reopened = store.open(directory);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    QCOMPARE(store.schemaVersion(), SqliteStateStore::latestSchemaVersion());
}

void tst_SqliteStateStore::operationsWhenClosed()
{
    SqliteStateStore store;
    QVERIFY(!store.load(10));
    QVERIFY(!store.appendAudit({0, 1, QStringLiteral("console"), QStringLiteral("a.b"), {}, {}}));
    QVERIFY(!store.auditLog(0, 10));
    QVERIFY(!store.events(0, 10, QString()));
    QVERIFY(!store.flush());
    // Writes to a closed store are dropped, never crash.
    store.writeEvents({makeEvent(1, QStringLiteral("General.Information"))});
    store.writeDeployment(sampleDeployment(QStringLiteral("d"), DeploymentState::Pending));
    store.writeInventoryDeltas(
        {{DeltaOperation::Remove, 1, EntityKind::Node, QStringLiteral("n"), std::nullopt}});
    QVERIFY(!store.open(QString()));
}

void tst_SqliteStateStore::inventoryPersistsAcrossReopen()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    Inventory inventory;
    {
        SqliteStateStore store;
        QVERIFY(store.open(temporary.path()));

        auto created = inventory.apply(sampleInventory());
        QVERIFY2(created, qPrintable(created.error()));
        QCOMPARE(created->size(), 9);
        store.writeInventoryDeltas(*created);

        // Update: a node changes state.
        Node node = *inventory.find<Node>(QStringLiteral("node-1"));
        node.state = NodeState::Cordoned;
        InventoryChangeSet update;
        update.upsert(node);
        auto updated = inventory.apply(update);
        QVERIFY(updated);
        QCOMPARE(updated->size(), 1);
        store.writeInventoryDeltas(*updated);

        // Remove: the link goes; its revision is the highest of all.
        InventoryChangeSet removal;
        removal.remove(EntityKind::Link, QStringLiteral("link-1"));
        auto removed = inventory.apply(removal);
        QVERIFY(removed);
        QCOMPARE(removed->size(), 1);
        store.writeInventoryDeltas(*removed);

        QVERIFY(store.flush());
        const auto state = store.load(0);
        QVERIFY2(state, qPrintable(state.error()));
        QCOMPARE(state->inventory, inventory.snapshot());
    }
    QCOMPARE(inventory.revision(), 11);

    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    const auto state = store.load(0);
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(state->inventory.revision, 11); // set by the removal, not by any stored row
    QCOMPARE(state->inventory, inventory.snapshot());
    QCOMPARE(toString(state->inventory.nodes.at(1).state), toString(NodeState::Cordoned));
    QVERIFY(state->inventory.links.isEmpty());
    QCOMPARE(Inventory(state->inventory).devicesOfNode(QStringLiteral("node-0")).size(), 1);

    // An upsert followed by the removal of the same entity, in one batch and across batches.
    InventoryChangeSet upsertAgain;
    Site extra;
    extra.id = QStringLiteral("site-extra");
    upsertAgain.upsert(extra);
    auto added = inventory.apply(upsertAgain);
    InventoryChangeSet removeAgain;
    removeAgain.remove(EntityKind::Site, extra.id);
    auto gone = inventory.apply(removeAgain);
    QVERIFY(added && gone);
    store.writeInventoryDeltas(*added);
    store.writeInventoryDeltas(*gone);
    QVERIFY(store.flush());
    const auto after = store.load(0);
    QVERIFY(after);
    QCOMPARE(after->inventory.revision, 13);
    QCOMPARE(after->inventory, inventory.snapshot());
}

void tst_SqliteStateStore::deploymentsRoundTrip()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const Deployment first = sampleDeployment(QStringLiteral("dep-b"), DeploymentState::Scheduled);
    Deployment second = sampleDeployment(QStringLiteral("dep-a"), DeploymentState::Deployed);
    {
        SqliteStateStore store;
        QVERIFY(store.open(temporary.path()));
        store.writeDeployment(first);
        store.writeDeployment(second);
        QVERIFY(DeploymentStateMachine::transition(second, DeploymentState::Terminated, 5000,
                                                   QStringLiteral("operator stop")));
        store.writeDeployment(second); // an update replaces the row
        QVERIFY(store.flush());
    }
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    const auto state = store.load(10);
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(state->deployments.size(), 2);
    QCOMPARE(state->deployments.at(0), second); // sorted by id
    QCOMPARE(state->deployments.at(1), first);
    QCOMPARE(toString(state->deployments.at(0).state), toString(DeploymentState::Terminated));
    QCOMPARE(state->deployments.at(0).history.size(), 7);
}

void tst_SqliteStateStore::workloadsRoundTrip()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    Workload job;
    job.id = QStringLiteral("wl-b");
    job.name = QStringLiteral("solver");
    job.kind = WorkloadKind::HpcJob;
    job.request.cpuCores = 32;
    job.request.memoryBytes = 64LL << 30;
    job.requirements.walltimeSeconds = 3600;
    job.requirements.partition = QStringLiteral("gpu");
    job.requirements.replicas = 2;
    job.submittedMs = 1000;
    job.submittedBy = QStringLiteral("user:alice");
    Workload web;
    web.id = QStringLiteral("wl-a");
    web.kind = WorkloadKind::Container;
    web.image = QStringLiteral("nginx:1.27");
    web.request.cpuCores = 0.5;
    {
        SqliteStateStore store;
        QVERIFY(store.open(temporary.path()));
        QCOMPARE(store.schemaVersion(), 5);
        store.writeWorkload(job);
        store.writeWorkload(web);
        web.labels.insert(QStringLiteral("tier"), QStringLiteral("front"));
        store.writeWorkload(web); // an update replaces the row
        QVERIFY(store.flush());
    }
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    const auto state = store.load(0);
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(state->workloads.size(), 2);
    QVERIFY(state->workloads.at(0) == web); // sorted by id, the update won
    QVERIFY(state->workloads.at(1) == job);
    QCOMPARE(state->workloads.at(1).requirements.partition, QStringLiteral("gpu"));
}

void tst_SqliteStateStore::eventsRoundTrip()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    QList<Event> written;
    for (qint64 sequence = 1; sequence <= 10; ++sequence)
        written.append(makeEvent(sequence, QStringLiteral("Resources.Status"),
                                 QStringLiteral("node-%1").arg(sequence)));
    {
        SqliteStateStore store;
        QVERIFY(store.open(temporary.path()));
        store.writeEvents(written.mid(0, 4));
        store.writeEvents(written.mid(4));
        QVERIFY(store.flush());
    }
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));

    auto state = store.load(5);
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(state->recentEvents, written.mid(5)); // newest five, oldest first
    QCOMPARE(state->lastEventSequence, 10);

    state = store.load(0);
    QVERIFY(state);
    QVERIFY(state->recentEvents.isEmpty());
    QCOMPARE(state->lastEventSequence, 10);

    state = store.load(100);
    QVERIFY(state);
    QCOMPARE(state->recentEvents, written);

    // An event without a sequence gets the next one from the database.
    Event unnumbered = makeEvent(0, QStringLiteral("General.Information"));
    store.writeEvents({unnumbered});
    state = store.load(1);
    QVERIFY(state);
    QCOMPARE(state->lastEventSequence, 11);
    QCOMPARE(state->recentEvents.size(), 1);
    QCOMPARE(state->recentEvents.at(0).sequence, 11);
    QCOMPARE(state->recentEvents.at(0).message, unnumbered.message);
}

void tst_SqliteStateStore::eventsFiltering()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    const QStringList types = {
        QStringLiteral("Resources.Status"), QStringLiteral("Plugin.State"),
        QStringLiteral("Resources.Other"),  QStringLiteral("ResourcesX.Status"),
        QStringLiteral("resources.Status"), QStringLiteral("Deployment.State"),
    };
    QList<Event> written;
    for (int i = 0; i < 12; ++i)
        written.append(makeEvent(i + 1, types.at(i % types.size())));
    store.writeEvents(written);

    // No flush: reads see every write queued before them.
    auto all = store.events(0, -1, QString());
    QVERIFY2(all, qPrintable(all.error()));
    QCOMPARE(*all, written);

    auto resources = store.events(0, -1, QStringLiteral("Resources."));
    QVERIFY(resources);
    QCOMPARE(sequencesOf(*resources), (QList<qint64>{1, 3, 7, 9}));

    auto resourcesPrefix = store.events(0, -1, QStringLiteral("Resources"));
    QVERIFY(resourcesPrefix);
    QCOMPARE(sequencesOf(*resourcesPrefix), (QList<qint64>{1, 3, 4, 7, 9, 10}));

    auto after = store.events(3, -1, QStringLiteral("Resources."));
    QVERIFY(after);
    QCOMPARE(sequencesOf(*after), (QList<qint64>{7, 9}));

    auto limited = store.events(0, 2, QString());
    QVERIFY(limited);
    QCOMPARE(sequencesOf(*limited), (QList<qint64>{1, 2}));

    auto exact = store.events(0, -1, QStringLiteral("Plugin.State"));
    QVERIFY(exact);
    QCOMPARE(sequencesOf(*exact), (QList<qint64>{2, 8}));

    // Pattern characters in the prefix are literal.
    for (const QString &pattern : {QStringLiteral("Res*"), QStringLiteral("?esources"),
                                   QStringLiteral("[R]esources"), QStringLiteral("%")}) {
        auto none = store.events(0, -1, pattern);
        QVERIFY(none);
        QVERIFY2(none->isEmpty(), qPrintable(pattern));
    }

    auto nothingAfter = store.events(12, 10, QString());
    QVERIFY(nothingAfter);
    QVERIFY(nothingAfter->isEmpty());
    auto zero = store.events(0, 0, QString());
    QVERIFY(zero);
    QVERIFY(zero->isEmpty());
}

void tst_SqliteStateStore::auditIsSynchronousAndOrdered()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    RawDatabase raw(databaseIn(temporary.path()));

    QList<AuditEntry> appended;
    for (int i = 0; i < 5; ++i) {
        AuditEntry entry;
        entry.timestampMs = 1000 + i;
        entry.actor = QStringLiteral("user:alice");
        entry.action = QStringLiteral("node.set_state");
        entry.target = QStringLiteral("node-%1").arg(i);
        entry.details = {{QStringLiteral("state"), QStringLiteral("cordoned")}};
        auto result = store.appendAudit(entry);
        QVERIFY2(result, qPrintable(result.error()));
        QCOMPARE(result->id, i + 1);
        entry.id = result->id;
        QCOMPARE(*result, entry);
        appended.append(entry);
        // Committed before appendAudit() returned: another connection sees it at once.
        QCOMPARE(raw.integer(QStringLiteral("SELECT count(*) FROM audit")), i + 1);
    }

    auto log = store.auditLog(0, 100);
    QVERIFY2(log, qPrintable(log.error()));
    QCOMPARE(*log, appended);
    log = store.auditLog(2, 2);
    QVERIFY(log);
    QCOMPARE(*log, appended.mid(2, 2));
    log = store.auditLog(5, 10);
    QVERIFY(log);
    QVERIFY(log->isEmpty());

    // A missing timestamp is filled in; a missing action is refused.
    AuditEntry untimed;
    untimed.action = QStringLiteral("engine.start");
    auto stamped = store.appendAudit(untimed);
    QVERIFY(stamped);
    QVERIFY(stamped->timestampMs > 0);
    QVERIFY(!store.appendAudit(AuditEntry{}));

    // Many threads that Qt did not create (gRPC handlers) append at once: ids stay unique.
    constexpr int threadCount = 4;
    constexpr int perThread = 50;
    std::vector<std::thread> threads;
    std::mutex idsMutex;
    QList<qint64> ids;
    std::atomic<int> failures{0};
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < perThread; ++i) {
                AuditEntry entry;
                entry.actor = QStringLiteral("thread-%1").arg(t);
                entry.action = QStringLiteral("test.append");
                auto result = store.appendAudit(entry);
                if (!result) {
                    ++failures;
                    continue;
                }
                std::lock_guard lock(idsMutex);
                ids.append(result->id);
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(ids.size(), threadCount * perThread);
    std::sort(ids.begin(), ids.end());
    QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    log = store.auditLog(0, -1);
    QVERIFY(log);
    QCOMPARE(log->size(), 6 + threadCount * perThread);
    for (qsizetype i = 1; i < log->size(); ++i)
        QVERIFY(log->at(i - 1).id < log->at(i).id);
}

void tst_SqliteStateStore::restartRestoresState()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    Inventory inventory;
    const auto deltas = inventory.apply(sampleInventory());
    QVERIFY(deltas);
    QList<Event> events;
    for (qint64 sequence = 1; sequence <= 30; ++sequence)
        events.append(makeEvent(sequence, QStringLiteral("Inventory.Changed")));
    const Deployment deployment =
        sampleDeployment(QStringLiteral("dep-1"), DeploymentState::Deployed);
    AuditEntry audit{0,
                     42,
                     QStringLiteral("console"),
                     QStringLiteral("workload.submit"),
                     QStringLiteral("wl-1"),
                     {{QStringLiteral("cpu"), 2}}};
    {
        SqliteStateStore store;
        QVERIFY(store.open(temporary.path()));
        store.writeInventoryDeltas(*deltas);
        store.writeEvents(events);
        store.writeDeployment(deployment);
        auto appended = store.appendAudit(audit);
        QVERIFY(appended);
        audit.id = appended->id;
        // No flush: close() commits what is queued.
    }
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    const auto state = store.load(20);
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(state->inventory, inventory.snapshot());
    QCOMPARE(state->deployments, QList<Deployment>{deployment});
    QCOMPARE(state->recentEvents, events.mid(10));
    QCOMPARE(state->lastEventSequence, 30);
    const auto log = store.auditLog(0, 10);
    QVERIFY(log);
    QCOMPARE(*log, QList<AuditEntry>{audit});
}

void tst_SqliteStateStore::crashWithoutCloseKeepsCommittedData()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString live = temporary.filePath(QStringLiteral("live"));
    const QString copy = temporary.filePath(QStringLiteral("copy"));
    QList<Event> events;
    for (qint64 sequence = 1; sequence <= 100; ++sequence)
        events.append(makeEvent(sequence, QStringLiteral("Resources.Status")));

    SqliteStateStore store;
    QVERIFY(store.open(live));
    store.writeEvents(events);
    QVERIFY(store.appendAudit({0, 1, QStringLiteral("console"), QStringLiteral("a.b"), {}, {}}));
    QVERIFY(store.flush());

    // What is on disk now, while the store is still open, is what a crash would leave.
    QVERIFY(QDir().mkpath(copy));
    QVERIFY(QFile::exists(databaseIn(live) + QLatin1String("-wal")));
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QVERIFY(QFile::copy(databaseIn(live) + suffix, databaseIn(copy) + suffix));
    }

    SqliteStateStore survivor;
    const auto opened = survivor.open(copy);
    QVERIFY2(opened, qPrintable(opened.error()));
    const auto state = survivor.load(1000);
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(state->recentEvents, events);
    QCOMPARE(survivor.auditLog(0, 10)->size(), 1);
}

void tst_SqliteStateStore::killedProcessKeepsCommittedData()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1String(kCrashDirectoryVariable), temporary.path());
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("crashChildWriter")});
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForFinished(60'000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit); // SIGKILL: no close, no destructors
    QVERIFY(QFile::exists(databaseIn(temporary.path()) + QLatin1String("-wal")));

    SqliteStateStore store;
    const auto opened = store.open(temporary.path());
    QVERIFY2(opened, qPrintable(opened.error()));
    const auto state = store.load(10'000);
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(state->recentEvents.size(), 500);
    QCOMPARE(state->lastEventSequence, 500);
    QCOMPARE(state->inventory.nodes.size(), 3);
    QCOMPARE(state->deployments.size(), 1);
    const auto log = store.auditLog(0, 10);
    QVERIFY(log);
    QCOMPARE(log->size(), 1);
    QCOMPARE(log->at(0).action, QStringLiteral("crash.test"));
}

void tst_SqliteStateStore::crashChildWriter()
{
    const QString directory = qEnvironmentVariable(kCrashDirectoryVariable);
    if (directory.isEmpty())
        QSKIP("runs only as the child process of killedProcessKeepsCommittedData");
    SqliteStateStore store;
    QVERIFY(store.open(directory));
    Inventory inventory;
    store.writeInventoryDeltas(*inventory.apply(sampleInventory()));
    store.writeDeployment(sampleDeployment(QStringLiteral("dep-1"), DeploymentState::Assigned));
    for (qint64 sequence = 1; sequence <= 500; ++sequence)
        store.writeEvents({makeEvent(sequence, QStringLiteral("Resources.Status"))});
    QVERIFY(
        store.appendAudit({0, 1, QStringLiteral("console"), QStringLiteral("crash.test"), {}, {}}));
    QVERIFY(store.flush());
    ::raise(SIGKILL);
}

void tst_SqliteStateStore::corruptDatabaseIsRefusedUntouched_data()
{
    QTest::addColumn<QString>("variant");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("sqlite header, garbage pages") << QStringLiteral("header");
    QTest::newRow("foreign sqlite database") << QStringLiteral("foreign");
    QTest::newRow("other application id") << QStringLiteral("application");
}

void tst_SqliteStateStore::corruptDatabaseIsRefusedUntouched()
{
    QFETCH(QString, variant);
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString path = databaseIn(temporary.path());

    if (variant == QLatin1String("garbage") || variant == QLatin1String("header")) {
        QByteArray bytes(64 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(1234);
        generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        if (variant == QLatin1String("header"))
            bytes.replace(0, 16, QByteArray("SQLite format 3\0", 16));
        QVERIFY(writeFile(path, bytes));
    } else {
        RawDatabase raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                                        "INSERT INTO notes (text) VALUES ('mine');")));
        if (variant == QLatin1String("application"))
            QVERIFY(
                raw.exec(QStringLiteral("PRAGMA application_id = 42; PRAGMA user_version = 1")));
    }
    const QByteArray before = readFile(path);
    QVERIFY(!before.isEmpty());
    const QStringList filesBefore = QDir(temporary.path()).entryList(QDir::Files);

    SqliteStateStore store;
    const auto opened = store.open(temporary.path());
    QVERIFY(!opened);
    QVERIFY(!store.isOpen());
    QVERIFY2(opened.error().startsWith(QStringLiteral("state database %1 is corrupt or not a "
                                                      "Continuo database: ")
                                           .arg(path)),
             qPrintable(opened.error()));
    qDebug().noquote() << opened.error();

    QCOMPARE(readFile(path), before);
    QCOMPARE(QDir(temporary.path()).entryList(QDir::Files), filesBefore);
}

void tst_SqliteStateStore::futureDatabaseIsRefused()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString path = databaseIn(temporary.path());
    {
        SqliteStateStore store;
        QVERIFY(store.open(temporary.path()));
    }
    {
        RawDatabase raw(path);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    const QByteArray before = readFile(path);

    SqliteStateStore store;
    const auto opened = store.open(temporary.path());
    QVERIFY(!opened);
    QVERIFY(!store.isOpen());
    QVERIFY2(opened.error().contains(QLatin1String("schema version 999")),
             qPrintable(opened.error()));
    QVERIFY2(opened.error().contains(path), qPrintable(opened.error()));
    QCOMPARE(readFile(path), before);
}

void tst_SqliteStateStore::batchingUnderLoad()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    const qint64 batchesBefore = store.committedBatchCount();

    // 20,000 single-event writes from four threads Qt did not create, as gRPC handlers would.
    constexpr int threadCount = 4;
    constexpr int perThread = 5000;
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([&store, t] {
            for (int i = 0; i < perThread; ++i) {
                const qint64 sequence = qint64(t) * perThread + i + 1;
                store.writeEvents({makeEvent(sequence, QStringLiteral("Resources.Status"))});
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    const qint64 queuedMs = timer.elapsed();
    const auto flushed = store.flush();
    QVERIFY2(flushed, qPrintable(flushed.error()));
    const qint64 batches = store.committedBatchCount() - batchesBefore;
    qInfo() << threadCount * perThread << "events queued in" << queuedMs << "ms, committed in"
            << timer.elapsed() << "ms with" << batches << "transactions";

    const auto events = store.events(0, -1, QString());
    QVERIFY(events);
    QCOMPARE(events->size(), threadCount * perThread);
    for (qsizetype i = 0; i < events->size(); ++i)
        QCOMPARE(events->at(i).sequence, i + 1);
    QVERIFY2(batches >= 1 && batches <= 500,
             qPrintable(QStringLiteral("%1 transactions for 20000 writes").arg(batches)));
    const auto state = store.load(10);
    QVERIFY(state);
    QCOMPARE(state->lastEventSequence, threadCount * perThread);
}

void tst_SqliteStateStore::writeFailureCallsErrorHandler()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    SqliteStateStore store;
    std::mutex errorsMutex;
    QStringList errors;
    store.setErrorHandler([&](const QString &message) {
        std::lock_guard lock(errorsMutex);
        errors.append(message);
    });
    store.setBusyTimeout(50ms);
    QVERIFY(store.open(temporary.path()));

    // Another connection holds the write lock: every write of the store fails (SQLITE_BUSY),
    // as it would on a full disk.
    RawDatabase blocker(databaseIn(temporary.path()));
    QVERIFY(blocker.exec(QStringLiteral("BEGIN IMMEDIATE")));
    store.writeEvents({makeEvent(1, QStringLiteral("General.Information"))});
    const auto flushed = store.flush();
    QVERIFY(!flushed);
    QVERIFY2(flushed.error().contains(QLatin1String("locked")), qPrintable(flushed.error()));
    {
        std::lock_guard lock(errorsMutex);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QLatin1String("1 events")), qPrintable(errors.first()));
    }
    QVERIFY(!store.appendAudit({0, 1, QStringLiteral("console"), QStringLiteral("a.b"), {}, {}}));
    QVERIFY(blocker.exec(QStringLiteral("ROLLBACK")));

    // The store carries on once the disk is writable again.
    QVERIFY(store.isOpen());
    store.writeEvents({makeEvent(2, QStringLiteral("General.Information"))});
    const auto recovered = store.flush();
    QVERIFY2(recovered, qPrintable(recovered.error()));
    const auto events = store.events(0, -1, QString());
    QVERIFY(events);
    QCOMPARE(sequencesOf(*events), QList<qint64>{2});
    QVERIFY(store.appendAudit({0, 1, QStringLiteral("console"), QStringLiteral("a.b"), {}, {}}));
}

void tst_SqliteStateStore::unreadableRowsAreSkipped()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    Inventory inventory;
    const auto deltas = inventory.apply(sampleInventory());
    QVERIFY(deltas);
    const Deployment deployment =
        sampleDeployment(QStringLiteral("dep-1"), DeploymentState::Pending);
    {
        SqliteStateStore store;
        QVERIFY(store.open(temporary.path()));
        store.writeInventoryDeltas(*deltas);
        store.writeDeployment(deployment);
        store.writeEvents({makeEvent(1, QStringLiteral("General.Information")),
                           makeEvent(2, QStringLiteral("General.Information"))});
        QVERIFY(
            store.appendAudit({0, 1, QStringLiteral("console"), QStringLiteral("a.b"), {}, {}}));
    }
    {
        RawDatabase raw(databaseIn(temporary.path()));
        QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO inventory VALUES ('node', 'bad-json', 1, 'not json');"
            "INSERT INTO inventory VALUES ('spaceship', 'x', 1, '{\"id\":\"x\"}');"
            "INSERT INTO inventory VALUES ('node', 'no-id', 1, '{\"name\":\"n\"}');"
            "INSERT INTO inventory VALUES ('node', 'mismatch', 1, '{\"id\":\"other\"}');"
            "INSERT INTO deployments VALUES ('broken', '{', 0);"
            "INSERT INTO events VALUES (3, 'General.Information', 0, 'info', '', '[1,2]');"
            "INSERT INTO events VALUES (4, 'bad type', 0, 'info', '', '{\"type\":\"bad type\"}');"
            "INSERT INTO audit (timestamp_ms, actor, action, target, details) "
            "VALUES (1, 'x', 'y', 'z', 'garbage');")));
    }
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    const auto state = store.load(100);
    QVERIFY2(state, qPrintable(state.error()));
    QCOMPARE(state->inventory, inventory.snapshot());
    QCOMPARE(state->deployments, QList<Deployment>{deployment});
    QCOMPARE(sequencesOf(state->recentEvents), (QList<qint64>{1, 2}));
    QCOMPARE(state->lastEventSequence, 4);
    const auto events = store.events(0, -1, QString());
    QVERIFY(events);
    QCOMPARE(events->size(), 2);
    const auto log = store.auditLog(0, -1);
    QVERIFY(log);
    QCOMPARE(log->size(), 1);
}

namespace {
AlertRule parsedRule(const QString &id, const QString &expression)
{
    auto rule = AlertRule::parse(id, expression);
    if (!rule)
        qFatal("bad test rule %s: %s", qPrintable(id), qPrintable(rule.error()));
    return *rule;
}
} // namespace

void tst_SqliteStateStore::alertRulesAreVersioned()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    AlertRule hot = parsedRule(QStringLiteral("hot"),
                               QStringLiteral("node_cpu_utilisation{site=~\"edge-.*\"} > 0.9 for 2m"));
    hot.severity = AlertSeverity::Critical;
    hot.description = QStringLiteral("CPU saturated");
    hot.grouping = AlertGrouping::Site;
    RemediationSpec raise;
    raise.kind = RemediationKind::RaiseTelemetryRate;
    raise.sampleInterval = 500ms;
    raise.duration = 3min;
    hot.remediations = {raise};
    const AlertRule slow = parsedRule(QStringLiteral("slow"),
                                      QStringLiteral("link_latency_seconds > 3 * nominal for 10s"));
    {
        SqliteStateStore store;
        QVERIFY(store.open(temporary.path()));
        const auto none = store.latestAlertRules();
        QVERIFY2(none, qPrintable(none.error()));
        QVERIFY(!none->has_value()); // never stored: the engine uses its defaults

        const auto first = store.appendAlertRules({hot, slow}, QStringLiteral("user:alice"));
        QVERIFY2(first, qPrintable(first.error()));
        QCOMPARE(first->createdBy, QStringLiteral("user:alice"));
        // An empty set is a set: every rule removed on purpose is not "use the defaults".
        const auto second = store.appendAlertRules({}, QStringLiteral("user:bob"));
        QVERIFY2(second, qPrintable(second.error()));
        QVERIFY(second->revision > first->revision);
        const auto third = store.appendAlertRules({slow, hot}, QStringLiteral("user:carol"));
        QVERIFY2(third, qPrintable(third.error()));
        QVERIFY(third->revision > second->revision);
    }
    // Committed before appendAlertRules returned: a new store on the file sees the newest set.
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    const auto latest = store.latestAlertRules();
    QVERIFY2(latest, qPrintable(latest.error()));
    QVERIFY(latest->has_value());
    QCOMPARE(latest->value().createdBy, QStringLiteral("user:carol"));
    QCOMPARE(latest->value().rules, (QList<AlertRule>{slow, hot}));
    QVERIFY(latest->value().createdAtMs > 0);

    RawDatabase raw(databaseIn(temporary.path()));
    QCOMPARE(raw.text(QStringLiteral("SELECT count(*) FROM alert_rule_sets")), QStringLiteral("3"));
}

void tst_SqliteStateStore::unreadableAlertRulesAreReported()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    {
        SqliteStateStore store;
        QVERIFY(store.open(temporary.path()));
        QVERIFY(store.appendAlertRules({parsedRule(QStringLiteral("ok"), QStringLiteral("up < 1"))},
                                       QStringLiteral("user:alice")));
    }
    {
        RawDatabase raw(databaseIn(temporary.path()));
        QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO alert_rule_sets (created_ms, created_by, body) VALUES (1, 'x', "
            "'[{\"id\":\"broken\",\"expression\":\"up >\",\"severity\":\"warning\"}]')")));
    }
    SqliteStateStore store;
    QVERIFY(store.open(temporary.path()));
    const auto latest = store.latestAlertRules();
    QVERIFY(!latest);
    QVERIFY2(latest.error().contains(QStringLiteral("broken")), qPrintable(latest.error()));
}

QTEST_GUILESS_MAIN(tst_SqliteStateStore)

#include "tst_sqlitestatestore.moc"
