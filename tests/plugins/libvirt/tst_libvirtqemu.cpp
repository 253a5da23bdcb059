// The libvirt backend against real QEMU through a private libvirtd (LibvirtdFixture from
// tests/plugins/libvirtqemu): a unikernel boots, its console shows the marker, stats flow, and
// terminate removes it.

#include "FakePluginHost.h"
#include "LibvirtComputeBackend.h"

#include <QTemporaryDir>
#include <QTest>

#if __has_include("LibvirtdFixture.h")
#include "LibvirtdFixture.h"
#define CONTINUO_HAVE_LIBVIRTD_FIXTURE 1
#endif

using namespace Continuo;
using namespace Continuo::Libvirt;
using Continuo::Tests::FakePluginHost;

class tst_LibvirtQemu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unikernelBootsOnQemu()
    {
#ifndef CONTINUO_HAVE_LIBVIRTD_FIXTURE
        QSKIP("LibvirtdFixture.h is not available");
#else
        Continuo::Testing::LibvirtdFixture fixture;
        QString error;
        if (!fixture.start(&error))
            QSKIP(qPrintable(QStringLiteral("private libvirtd did not start: ") + error));

        QTemporaryDir data;
        QVERIFY(data.isValid());
        Site site;
        site.id = QStringLiteral("lab");
        FakePluginHost host({site}, data.path());
        const QVariantMap settings{
            {QStringLiteral("clusters"),
             QVariantList{QVariantMap{
                 {QStringLiteral("id"), QStringLiteral("qemu")},
                 {QStringLiteral("site"), QStringLiteral("lab")},
                 {QStringLiteral("statsIntervalMs"), 250},
                 // QEMU and virtlogd run as the daemon user: logs go where it may write.
                 {QStringLiteral("logDirectory"), fixture.logDirectory()},
                 {QStringLiteral("hosts"), QVariantList{QVariantMap{{QStringLiteral("uri"), fixture.uri()},
                                                                    {QStringLiteral("node"), QStringLiteral("qemu-a")}}}}}}}};
        auto parsed = BackendSettings::parse(settings, data.path());
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
        LibvirtComputeBackend backend(&host, *parsed);
        QMutex mutex;
        QList<DeploymentReport> reports;
        backend.setReportCallback([&](const DeploymentReport &r) {
            QMutexLocker lock(&mutex);
            reports.append(r);
        });
        auto lastState = [&] {
            QMutexLocker lock(&mutex);
            return reports.isEmpty() ? QString() : toString(reports.last().state);
        };

        QTRY_VERIFY_WITH_TIMEOUT(host.node(QStringLiteral("qemu-a"))
                                     && host.node(QStringLiteral("qemu-a"))->state == NodeState::Ready,
                                 30000);
        const Node node = *host.node(QStringLiteral("qemu-a"));
        QCOMPARE(node.labels.value(QStringLiteral("hypervisor")), QStringLiteral("qemu"));
        QCOMPARE(node.labels.value(QStringLiteral("libvirt.domain.type")), fixture.domainType());
        QVERIFY(node.capacity.cpuCores >= 1);

        Workload workload;
        workload.id = QStringLiteral("guest");
        workload.kind = WorkloadKind::Unikernel;
        workload.image = fixture.guestKernel();
        workload.request.cpuCores = 1;
        workload.request.memoryBytes = 64LL << 20;
        workload.labels.insert(QStringLiteral("libvirt.cmdline"), QStringLiteral("continuo-qemu-test"));
        Deployment deployment;
        deployment.id = QStringLiteral("qemu-1");
        deployment.workloadId = workload.id;
        deployment.clusterId = QStringLiteral("qemu");
        deployment.nodeId = QStringLiteral("qemu-a");
        QVERIFY(backend.deploy(deployment, workload).hasValue());
        QTRY_VERIFY_WITH_TIMEOUT(lastState() == QLatin1String("deployed") || lastState() == QLatin1String("failed"), 60000);
        {
            QMutexLocker lock(&mutex);
            QVERIFY2(reports.last().state == DeploymentState::Deployed,
                     qPrintable(reports.last().message + QLatin1Char('\n') + fixture.logTail()));
        }

        const QString objectId = QStringLiteral("qemu/domain/continuo-qemu-1");
        auto phaseNames = [&] {
            QStringList names;
            for (const BackendObject &o : backend.objects()) {
                if (o.id == objectId) {
                    for (const InstantiationPhase &phase : o.phases)
                        names.append(phase.name);
                }
            }
            return names;
        };
        QTRY_VERIFY_WITH_TIMEOUT(phaseNames().contains(QStringLiteral("booted")), 60000);
        QCOMPARE(phaseNames(), (QStringList{QStringLiteral("accepted"), QStringLiteral("scheduled"),
                                            QStringLiteral("xml"), QStringLiteral("defined"),
                                            QStringLiteral("started"), QStringLiteral("booted")}));
        auto console = backend.consoleLog(objectId);
        QVERIFY2(console.hasValue(), qPrintable(console.error()));
        QVERIFY2(console->contains(QStringLiteral("CONTINUO-GUEST-BOOTED")), qPrintable(*console));

        const Labels labels{{QStringLiteral("cluster"), QStringLiteral("qemu")},
                            {QStringLiteral("node"), QStringLiteral("qemu-a")},
                            {QStringLiteral("domain"), QStringLiteral("continuo-qemu-1")}};
        const QString cpuKey = seriesKey(QStringLiteral("libvirt_domain_cpu_seconds_total"), labels);
        QTRY_VERIFY_WITH_TIMEOUT(host.series(cpuKey).size() >= 2, 30000);
        QVERIFY(host.series(cpuKey).last().samples.last().value > 0.0);
        const QString utilisationKey = seriesKey(QStringLiteral("libvirt_domain_cpu_utilisation"), labels);
        QTRY_VERIFY_WITH_TIMEOUT(!host.series(utilisationKey).isEmpty(), 30000);
        const double utilisation = host.series(utilisationKey).last().samples.last().value;
        QVERIFY(utilisation >= 0.0 && utilisation <= 1.0);
        QTRY_VERIFY_WITH_TIMEOUT(!host.series(seriesKey(QStringLiteral("libvirt_domain_memory_bytes"), labels)).isEmpty(), 30000);

        QVERIFY(backend.terminate(deployment.id).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(lastState(), QStringLiteral("terminated"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(phaseNames().isEmpty(), 30000);
        bool gone = true;
        for (const BackendObject &o : backend.objects())
            gone &= o.id != objectId;
        QVERIFY(gone);
#endif
    }
};

QTEST_GUILESS_MAIN(tst_LibvirtQemu)
#include "tst_libvirtqemu.moc"
