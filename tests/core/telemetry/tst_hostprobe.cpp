#include "plugin/IPluginHost.h"
#include "telemetry/HostProbe.h"

#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo;

namespace {
QByteArray fixture(const char *name)
{
    QFile file(QFINDTESTDATA(QStringLiteral("fixtures/") + QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

class CollectingHost final : public IPluginHost
{
public:
    Result<void> applyInventory(const InventoryChangeSet &changes, const QString &) override
    {
        QMutexLocker locker(&mutex);
        auto applied = inventory.apply(changes);
        return applied ? Result<void>() : Result<void>(makeError(applied.error()));
    }
    void ingestSamples(const QList<SeriesBatch> &batches) override
    {
        QMutexLocker locker(&mutex);
        samples += batches;
    }
    void publishEvent(const Event &event) override
    {
        QMutexLocker locker(&mutex);
        events.append(event);
    }
    QString pluginDataDirectory(const QString &) const override { return {}; }

    bool hasMetric(const QString &metric)
    {
        QMutexLocker locker(&mutex);
        return std::any_of(samples.cbegin(), samples.cend(), [&](const SeriesBatch &b) { return b.metric == metric; });
    }

    QMutex mutex;
    Inventory inventory;
    QList<SeriesBatch> samples;
    QList<Event> events;
};
} // namespace

class tst_HostProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void procStat()
    {
        const auto cpu = HostProbeParsers::parseProcStat(fixture("stat.txt"));
        QVERIFY(cpu.hasValue());
        QCOMPARE(cpu->total, quint64(4705 + 356 + 584 + 3699176 + 23060 + 277));
        QCOMPARE(cpu->busy, quint64(4705 + 356 + 584 + 277));
        QVERIFY(!HostProbeParsers::parseProcStat("intr 1 2 3\n").hasValue());
        QVERIFY(!HostProbeParsers::parseProcStat("cpu  1 2 x 4 5\n").hasValue());
        QVERIFY(!HostProbeParsers::parseProcStat("cpu 1 2\n").hasValue());
        QVERIFY(!HostProbeParsers::parseProcStat(QByteArray()).hasValue());
    }

    void meminfo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("available");
        QTest::newRow("modern kernel") << "meminfo.txt" << qint64(24608772) * 1024 << qint64(23950000) * 1024;
        QTest::newRow("before 3.14: no MemAvailable") << "meminfo-old-kernel.txt" << qint64(2048000) * 1024
                                                       << qint64(512000 + 102400 + 409600) * 1024;
    }

    void meminfo()
    {
        QFETCH(QString, file);
        QFETCH(qint64, total);
        QFETCH(qint64, available);
        const auto memory = HostProbeParsers::parseMeminfo(fixture(qPrintable(file)));
        QVERIFY(memory.hasValue());
        QCOMPARE(memory->totalBytes, total);
        QCOMPARE(memory->availableBytes, available);
        QVERIFY(!HostProbeParsers::parseMeminfo("garbage\n").hasValue());
    }

    void netdev()
    {
        const auto net = HostProbeParsers::parseNetDev(fixture("netdev.txt"));
        QVERIFY(net.hasValue());
        QCOMPARE(net->receiveBytes, quint64(1500)); // loopback excluded
        QCOMPARE(net->transmitBytes, quint64(2700));
        QVERIFY(!HostProbeParsers::parseNetDev("eth0: 1 2 3\n").hasValue());
        QVERIFY(!HostProbeParsers::parseNetDev("nothing here\n").hasValue());
    }

    void describesThisMachine()
    {
        CollectingHost host;
        QVERIFY(host.applyInventory(HostProbe::describeHost(), QString()).hasValue());
        const Node *node = host.inventory.find<Node>(HostProbe::nodeId());
        QVERIFY(node);
        QVERIFY(node->capacity.cpuCores >= 1);
        QVERIFY(node->capacity.memoryBytes > 0);
        QCOMPARE(toString(node->state), toString(NodeState::Ready));
        QVERIFY(host.inventory.find<Site>(node->siteId));
    }

    void samplesRealProc()
    {
        CollectingHost host;
        HostProbe probe(&host);
        probe.setInterval(std::chrono::milliseconds(100));
        probe.start();
        QTRY_VERIFY_WITH_TIMEOUT(host.hasMetric(QStringLiteral("node_cpu_utilisation")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(host.hasMetric(QStringLiteral("node_network_receive_bytes_rate")), 5000);
        QVERIFY(host.hasMetric(QStringLiteral("node_memory_utilisation")));
        probe.stop();
        QMutexLocker locker(&host.mutex);
        for (const auto &batch : std::as_const(host.samples)) {
            QCOMPARE(batch.labels.value(QStringLiteral("node")), HostProbe::nodeId());
            if (batch.metric.endsWith(QLatin1String("utilisation"))) {
                QVERIFY(batch.samples.first().value >= 0.0);
                QVERIFY(batch.samples.first().value <= 1.0);
            }
        }
        QCOMPARE(host.events.first().payload.value(QStringLiteral("status")).toString(), QStringLiteral("UP"));
        QCOMPARE(host.events.last().payload.value(QStringLiteral("status")).toString(), QStringLiteral("DOWN"));
    }

    void unreadableProcReportsDown()
    {
        QTemporaryDir empty;
        CollectingHost host;
        HostProbe probe(&host);
        probe.setProcRoot(empty.path());
        probe.setInterval(std::chrono::milliseconds(50));
        probe.start();
        QTRY_VERIFY_WITH_TIMEOUT(([&host] { QMutexLocker l(&host.mutex); return !host.events.isEmpty(); }()), 5000);
        probe.stop();
        QMutexLocker locker(&host.mutex);
        QVERIFY(host.samples.isEmpty());
        QCOMPARE(host.events.size(), 1); // one DOWN, no flapping, no DOWN again at stop
        QCOMPARE(host.events.first().payload.value(QStringLiteral("status")).toString(), QStringLiteral("DOWN"));
        QVERIFY(host.events.first().message.contains(empty.path()));
    }
};

QTEST_GUILESS_MAIN(tst_HostProbe)
#include "tst_hostprobe.moc"
