// bench_backends, libvirt half: define+start latency through LibvirtComputeBackend on the
// in-process test driver (cold and from the warm pool), one statistics collection over 1,000
// running domains, and define+start / boot on real QEMU through a private libvirtd.
// Figures on stdout as `BENCH <name> <value> ms`; progress and reasons on stderr.

#include "FakePluginHost.h"
#include "LibvirtComputeBackend.h"

#if __has_include("LibvirtdFixture.h") && defined(CONTINUO_TEST_GUEST_KERNEL)
#include "LibvirtdFixture.h"
#define CONTINUO_BENCH_HAVE_QEMU 1
#endif

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>

using namespace Continuo;
using namespace Continuo::Libvirt;

namespace {

void printFigure(const char *name, double valueMs)
{
    if (std::isnan(valueMs))
        std::printf("BENCH %s nan ms\n", name);
    else
        std::printf("BENCH %s %.3f ms\n", name, valueMs);
    std::fflush(stdout);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

/// Waits for reports from the backend's worker threads.
class ReportWaiter
{
public:
    void add(const DeploymentReport &report)
    {
        std::lock_guard lock(m_mutex);
        m_last[report.deploymentId] = report;
        m_changed.notify_all();
    }
    bool waitFor(const QString &id, DeploymentState state, int timeoutMs, DeploymentReport *out = nullptr)
    {
        std::unique_lock lock(m_mutex);
        const bool ok = m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
            const auto it = m_last.find(id);
            return it != m_last.end() && (it->second.state == state || it->second.state == DeploymentState::Failed);
        });
        if (out && ok)
            *out = m_last[id];
        return ok && m_last[id].state == state;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::map<QString, DeploymentReport> m_last;
};

Workload unikernel(const QString &image, qint64 memoryBytes)
{
    Workload w;
    w.id = QStringLiteral("bench");
    w.kind = WorkloadKind::Unikernel;
    w.image = image;
    w.request.cpuCores = 1;
    w.request.memoryBytes = memoryBytes;
    return w;
}

Deployment deploymentOn(const QString &id, const QString &cluster, const QString &node)
{
    Deployment d;
    d.id = id;
    d.workloadId = QStringLiteral("bench");
    d.clusterId = cluster;
    d.nodeId = node;
    return d;
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(1);
    }
    return true;
}

/// deploy() -> Deployed on the test driver, `count` times; with `warmPool` shells per host.
double measureTestDriverDeploys(const QString &dataDir, int count, int warmPool)
{
    Site site;
    site.id = QStringLiteral("bench-site");
    Tests::FakePluginHost host({site}, dataDir);
    QVariantMap cluster{{QStringLiteral("id"), QStringLiteral("bench")},
                        {QStringLiteral("site"), site.id},
                        {QStringLiteral("statsIntervalMs"), 600000},
                        {QStringLiteral("bootTimeoutMs"), 0},
                        {QStringLiteral("logDirectory"), QString(dataDir + QStringLiteral("/logs"))},
                        {QStringLiteral("hosts"), QVariantList{QVariantMap{{QStringLiteral("uri"), QStringLiteral("test:///default")},
                                                                           {QStringLiteral("node"), QStringLiteral("bench-a")}}}}};
    if (warmPool > 0) {
        cluster.insert(QStringLiteral("warmPool"), warmPool);
        cluster.insert(QStringLiteral("warmPoolShape"),
                       QVariantMap{{QStringLiteral("kind"), QStringLiteral("unikernel")},
                                   {QStringLiteral("image"), QStringLiteral("/opt/continuo/bench.elf")},
                                   {QStringLiteral("memoryBytes"), 64LL << 20}});
    }
    auto settings = BackendSettings::parse({{QStringLiteral("clusters"), QVariantList{cluster}}}, dataDir);
    if (!settings) {
        std::fprintf(stderr, "libvirt bench: %s\n", qPrintable(settings.error()));
        return std::nan("");
    }
    LibvirtComputeBackend backend(&host, *settings);
    ReportWaiter waiter;
    backend.setReportCallback([&](const DeploymentReport &r) { waiter.add(r); });
    if (!waitUntil([&] { auto n = host.node(QStringLiteral("bench-a")); return n && n->state == NodeState::Ready; }, 10000)) {
        std::fprintf(stderr, "libvirt bench: test:///default did not come up\n");
        return std::nan("");
    }
    const Workload workload = unikernel(QStringLiteral("/opt/continuo/bench.elf"), 64LL << 20);
    QList<double> samples;
    QStringList ids;
    int pooled = 0;
    for (int i = 0; i < count; ++i) {
        if (warmPool > 0
            && !waitUntil([&] { return backend.freePoolShells(QStringLiteral("bench-a")) >= warmPool; }, 10000)) {
            std::fprintf(stderr, "libvirt bench: warm pool did not refill\n");
            break;
        }
        const QString id = QStringLiteral("bench-%1-%2").arg(warmPool).arg(i);
        QElapsedTimer timer;
        timer.start();
        if (!backend.deploy(deploymentOn(id, QStringLiteral("bench"), QStringLiteral("bench-a")), workload)) {
            std::fprintf(stderr, "libvirt bench: deploy refused\n");
            break;
        }
        DeploymentReport report;
        if (!waiter.waitFor(id, DeploymentState::Deployed, 10000, &report)) {
            std::fprintf(stderr, "libvirt bench: %s did not deploy: %s\n", qPrintable(id), qPrintable(report.message));
            break;
        }
        samples.append(double(timer.nsecsElapsed()) / 1e6);
        ids.append(id);
    }
    for (const BackendObject &o : backend.objects()) {
        for (const InstantiationPhase &phase : o.phases)
            pooled += phase.name == QLatin1String("xml (from pool)") ? 1 : 0;
        if (o.phases.isEmpty() && !o.deploymentId.isEmpty())
            std::fprintf(stderr, "libvirt bench: %s has no phases\n", qPrintable(o.id));
    }
    std::fprintf(stderr, "libvirt bench: %lld objects, %llu lifecycle events\n", static_cast<long long>(backend.objects().size()), static_cast<unsigned long long>(backend.lifecycleEventCount()));
    if (warmPool > 0)
        std::fprintf(stderr, "libvirt bench: %d of %lld deploys took a warm-pool shell\n", pooled,
                     static_cast<long long>(samples.size()));
    for (const QString &id : std::as_const(ids)) {
        (void)backend.terminate(id);
        waiter.waitFor(id, DeploymentState::Terminated, 10000);
    }
    return samples.size() == count ? median(samples) : std::nan("");
}

/// One StatsCollector::collect() (the single virConnectGetAllDomainStats + the SeriesBatches)
/// with `domains` running domains on an isolated test-driver host.
double measureStatsCollection(const QString &dataDir, int domains, int rounds)
{
    const QString nodeFile = dataDir + QStringLiteral("/stats-node.xml");
    QFile file(nodeFile);
    if (!file.open(QIODevice::WriteOnly))
        return std::nan("");
    file.write("<node><cpu><nodes>1</nodes><sockets>1</sockets><cores>64</cores><threads>1</threads>"
               "<active>64</active><mhz>2000</mhz><model>x86_64</model></cpu>"
               "<memory>1073741824</memory></node>\n");
    file.close();
    const QByteArray uri = (QStringLiteral("test://") + nodeFile).toUtf8();
    virConnectPtr connection = virConnectOpen(uri.constData());
    if (!connection) {
        std::fprintf(stderr, "libvirt bench: cannot open %s: %s\n", uri.constData(), qPrintable(lastLibvirtError()));
        return std::nan("");
    }
    StatsCollector collector(QStringLiteral("bench"), QStringLiteral("bench-stats"));
    for (int i = 0; i < domains; ++i) {
        const QString name = QStringLiteral("stats-%1").arg(i);
        const QByteArray xml = QStringLiteral("<domain type='test'><name>%1</name><memory unit='KiB'>65536</memory>"
                                              "<vcpu>1</vcpu><os><type>hvm</type></os></domain>")
                                   .arg(name)
                                   .toUtf8();
        virDomainPtr domain = virDomainCreateXML(connection, xml.constData(), 0);
        if (!domain) {
            std::fprintf(stderr, "libvirt bench: cannot start %s: %s\n", qPrintable(name), qPrintable(lastLibvirtError()));
            virConnectClose(connection);
            return std::nan("");
        }
        collector.setDefinedMemory(name, 64LL << 20);
        virDomainFree(domain);
    }
    QList<double> samples;
    qsizetype batches = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        auto result = collector.collect(connection, QDateTime::currentMSecsSinceEpoch());
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!result) {
            std::fprintf(stderr, "libvirt bench: %s\n", qPrintable(result.error()));
            break;
        }
        batches = result->size();
        samples.append(ms);
    }
    std::fprintf(stderr, "libvirt bench: one collection over %d domains gives %lld series batches\n",
                 domains, static_cast<long long>(batches));
    virConnectClose(connection);
    return samples.size() == rounds ? median(samples) : std::nan("");
}

#ifdef CONTINUO_BENCH_HAVE_QEMU
struct QemuFigures
{
    double defineStartMs = std::nan("");
    double bootMs = std::nan("");
};

QemuFigures measureQemu(const QString &dataDir, int count)
{
    QemuFigures figures;
    Continuo::Testing::LibvirtdFixture fixture;
    QString error;
    if (!fixture.start(&error)) {
        std::fprintf(stderr, "libvirt bench: QEMU figures skipped, the private libvirtd did not start: %s\n",
                     qPrintable(error));
        return figures;
    }
    Site site;
    site.id = QStringLiteral("bench-site");
    Tests::FakePluginHost host({site}, dataDir);
    const QVariantMap cluster{{QStringLiteral("id"), QStringLiteral("qemu")},
                              {QStringLiteral("site"), site.id},
                              {QStringLiteral("statsIntervalMs"), 600000},
                              {QStringLiteral("logDirectory"), fixture.logDirectory()},
                              {QStringLiteral("hosts"), QVariantList{QVariantMap{{QStringLiteral("uri"), fixture.uri()},
                                                                                 {QStringLiteral("node"), QStringLiteral("qemu-a")}}}}};
    auto settings = BackendSettings::parse({{QStringLiteral("clusters"), QVariantList{cluster}}}, dataDir);
    if (!settings)
        return figures;
    LibvirtComputeBackend backend(&host, *settings);
    ReportWaiter waiter;
    backend.setReportCallback([&](const DeploymentReport &r) { waiter.add(r); });
    if (!waitUntil([&] { auto n = host.node(QStringLiteral("qemu-a")); return n && n->state == NodeState::Ready; }, 30000)) {
        std::fprintf(stderr, "libvirt bench: the QEMU host did not come up\n");
        return figures;
    }
    std::fprintf(stderr, "libvirt bench: QEMU domain type %s\n", qPrintable(fixture.domainType()));
    const Workload workload = unikernel(fixture.guestKernel(), 64LL << 20);
    QList<double> defineStart, boot;
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("qemu-bench-%1").arg(i);
        QElapsedTimer timer;
        timer.start();
        if (!backend.deploy(deploymentOn(id, QStringLiteral("qemu"), QStringLiteral("qemu-a")), workload))
            break;
        DeploymentReport report;
        if (!waiter.waitFor(id, DeploymentState::Deployed, 60000, &report)) {
            std::fprintf(stderr, "libvirt bench: %s did not deploy: %s\n", qPrintable(id), qPrintable(report.message));
            break;
        }
        defineStart.append(double(timer.nsecsElapsed()) / 1e6);
        const QString objectId = QStringLiteral("qemu/domain/continuo-") + id;
        double bootedMs = std::nan("");
        waitUntil([&] {
            for (const BackendObject &o : backend.objects()) {
                if (o.id != objectId)
                    continue;
                for (const InstantiationPhase &phase : o.phases) {
                    if (phase.name == QLatin1String("booted"))
                        bootedMs = phase.sinceStartMs;
                }
            }
            return !std::isnan(bootedMs);
        }, 60000);
        if (!std::isnan(bootedMs))
            boot.append(bootedMs);
        (void)backend.terminate(id);
        waiter.waitFor(id, DeploymentState::Terminated, 30000);
    }
    if (defineStart.size() == count)
        figures.defineStartMs = median(defineStart);
    if (boot.size() == count)
        figures.bootMs = median(boot);
    return figures;
}
#endif

} // namespace

int runLibvirtBenchmarks(const QStringList &args)
{
    const bool quick = args.contains(QStringLiteral("--quick"));
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    ensureEventLoop();
    // test:///default's state lives while a connection is open; keep one for the whole run.
    virConnectPtr keepDefault = virConnectOpen("test:///default");

    const int deploys = quick ? 40 : 200;
    const double cold = measureTestDriverDeploys(dir.filePath(QStringLiteral("cold")), deploys, 0);
    printFigure("libvirt_test_define_start_ms", cold);
    const double warm = measureTestDriverDeploys(dir.filePath(QStringLiteral("warm")), deploys, 2);
    printFigure("libvirt_test_define_start_warm_ms", warm);
    const double stats = measureStatsCollection(dir.path(), 1000, quick ? 5 : 21);
    printFigure("libvirt_stats_1000_domains_ms", stats);

    bool qemuOk = false;
#ifdef CONTINUO_BENCH_HAVE_QEMU
    const QemuFigures qemu = measureQemu(dir.filePath(QStringLiteral("qemu")), quick ? 3 : 10);
    printFigure("libvirt_qemu_define_start_ms", qemu.defineStartMs);
    if (!std::isnan(qemu.defineStartMs)) {
        printFigure("libvirt_qemu_boot_ms", qemu.bootMs);
        qemuOk = true;
    }
#else
    printFigure("libvirt_qemu_define_start_ms", std::nan(""));
    std::fprintf(stderr, "libvirt bench: QEMU figures skipped, built without LibvirtdFixture.h "
                         "(tests/plugins/libvirtqemu) or CONTINUO_TEST_GUEST_KERNEL\n");
#endif
    Q_UNUSED(qemuOk)
    if (keepDefault)
        virConnectClose(keepDefault);
    return std::isnan(cold) || std::isnan(warm) || std::isnan(stats) ? 1 : 0;
}
