// Real QEMU through a private libvirtd (LibvirtdFixture), driven with the raw libvirt C API: the
// test bed the libvirt plugin's integration tests build on.

#include "LibvirtdFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QTest>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using Continuo::Testing::LibvirtdFixture;

Q_LOGGING_CATEGORY(lcTest, "continuo.test.libvirtqemu", QtInfoMsg)

namespace {

QString lastLibvirtError()
{
    const char *message = virGetLastErrorMessage();
    return message ? QString::fromUtf8(message) : QStringLiteral("unknown libvirt error");
}

QString readFile(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString domainXml(const LibvirtdFixture &fixture, const QString &name, const QString &kernel,
                  const QString &consoleLog)
{
    return QStringLiteral("<domain type='%1'>"
                          "<name>%2</name>"
                          "<memory unit='MiB'>64</memory>"
                          "<vcpu>1</vcpu>"
                          "<os><type arch='x86_64' machine='pc'>hvm</type>"
                          "<kernel>%3</kernel><cmdline>continuo-test</cmdline></os>"
                          "<on_poweroff>destroy</on_poweroff>"
                          "<on_reboot>destroy</on_reboot>"
                          "<on_crash>destroy</on_crash>"
                          "<devices><serial type='file'><source path='%4'/></serial></devices>"
                          "</domain>")
        .arg(fixture.domainType(), name, kernel, consoleLog);
}

struct LifecycleEvent
{
    QString domain;
    int event = -1;
    int detail = -1;
};

// Lifecycle events arrive on the libvirt event thread.
struct EventLog
{
    std::mutex mutex;
    std::vector<LifecycleEvent> events;

    bool contains(const QString &domain, int event)
    {
        const std::lock_guard lock(mutex);
        for (const auto &entry : events) {
            if (entry.domain == domain && entry.event == event)
                return true;
        }
        return false;
    }
};

int onLifecycle(virConnectPtr, virDomainPtr domain, int event, int detail, void *opaque)
{
    auto *log = static_cast<EventLog *>(opaque);
    const std::lock_guard lock(log->mutex);
    log->events.push_back({QString::fromUtf8(virDomainGetName(domain)), event, detail});
    return 0;
}

// Owns a virDomainPtr; destroys and undefines the domain if a test bails out early.
struct DomainGuard
{
    virDomainPtr domain = nullptr;
    ~DomainGuard()
    {
        if (!domain)
            return;
        if (virDomainIsActive(domain) == 1)
            virDomainDestroy(domain);
        virDomainUndefine(domain);
        virDomainFree(domain);
    }
};

} // namespace

class tst_LibvirtQemuFixture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The test reports libvirt errors itself; libvirt's default handler would also print them.
        virSetErrorFunc(nullptr, [](void *, virErrorPtr) {});
        // The event loop must be registered before the connection is opened.
        QCOMPARE(virEventRegisterDefaultImpl(), 0);
        m_eventThread = std::thread([this]() {
            while (m_eventLoopRunning.load())
                virEventRunDefaultImpl();
        });

        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY2(m_fixture.start(&error), qPrintable(error));
        qCInfo(lcTest, "private libvirtd ready in %lld ms at %s (daemon user %s, domain type %s)",
               timer.elapsed(), qPrintable(m_fixture.uri()), qPrintable(m_fixture.daemonUser()),
               qPrintable(m_fixture.domainType()));
        QVERIFY(m_fixture.domainType() == QLatin1String("kvm") || m_fixture.domainType() == QLatin1String("qemu"));
        QVERIFY(QFileInfo::exists(m_fixture.guestKernel()));

        m_connection = virConnectOpen(m_fixture.uri().toUtf8().constData());
        QVERIFY2(m_connection, qPrintable(lastLibvirtError()));
        m_callbackId = virConnectDomainEventRegisterAny(m_connection, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                        VIR_DOMAIN_EVENT_CALLBACK(onLifecycle), &m_events,
                                                        nullptr);
        QVERIFY2(m_callbackId >= 0, qPrintable(lastLibvirtError()));
    }

    void cleanupTestCase()
    {
        if (m_connection) {
            if (m_callbackId >= 0)
                virConnectDomainEventDeregisterAny(m_connection, m_callbackId);
            virConnectClose(m_connection);
            m_connection = nullptr;
        }
        if (m_eventThread.joinable()) {
            m_eventLoopRunning = false;
            // A zero timeout wakes virEventRunDefaultImpl() so the thread sees the flag.
            virEventAddTimeout(0, [](int timer, void *) { virEventRemoveTimeout(timer); }, nullptr, nullptr);
            m_eventThread.join();
        }
    }

    void connectsToThePrivateDaemon()
    {
        char *uri = virConnectGetURI(m_connection);
        QVERIFY2(uri, qPrintable(lastLibvirtError()));
        const QString reported = QString::fromUtf8(uri);
        free(uri);
        QCOMPARE(reported, m_fixture.uri());
        // The daemon's state lives in the fixture's directory, not in /run/libvirt.
        QVERIFY(m_fixture.uri().contains(m_fixture.rootDirectory()));
        QVERIFY(QFileInfo::exists(m_fixture.rootDirectory() + QStringLiteral("/run/libvirt/libvirtd.pid")));
    }

    void bootsTheGuest()
    {
        const QString name = QStringLiteral("continuo-boot");
        const QString consoleLog = m_fixture.logDirectory() + QStringLiteral("/continuo-boot.console.log");
        const QByteArray xml = domainXml(m_fixture, name, m_fixture.guestKernel(), consoleLog).toUtf8();

        QElapsedTimer timer;
        timer.start();
        DomainGuard guard;
        guard.domain = virDomainDefineXML(m_connection, xml.constData());
        QVERIFY2(guard.domain, qPrintable(lastLibvirtError()));
        const qint64 defineMs = timer.elapsed();

        timer.restart();
        QVERIFY2(virDomainCreate(guard.domain) == 0,
                 qPrintable(lastLibvirtError() + QLatin1Char('\n') + readFile(m_fixture.qemuLogFile(name))));
        const qint64 startMs = timer.elapsed();

        const QString marker = QStringLiteral("CONTINUO-GUEST-BOOTED continuo-test\n");
        QTRY_VERIFY2_WITH_TIMEOUT(readFile(consoleLog).contains(marker),
                                  qPrintable(QStringLiteral("console so far: ") + readFile(consoleLog)), 60000);
        const qint64 bootMs = timer.elapsed();
        qCInfo(lcTest, "domain type %s: define %lld ms, start %lld ms, boot to marker %lld ms (from start call)",
               qPrintable(m_fixture.domainType()), defineMs, startMs, bootMs);

        virDomainInfo info{};
        QCOMPARE(virDomainGetInfo(guard.domain, &info), 0);
        QCOMPARE(int(info.state), int(VIR_DOMAIN_RUNNING));
        QCOMPARE(int(info.nrVirtCpu), 1);
        QCOMPARE(quint64(info.maxMem), quint64(64 * 1024));
        QCOMPARE(m_fixture.qemuProcessIds().size(), 1);

        virDomainStatsRecordPtr *records = nullptr;
        const int count = virConnectGetAllDomainStats(m_connection, VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL,
                                                      &records, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE);
        QVERIFY2(count >= 1, qPrintable(lastLibvirtError()));
        unsigned long long cpuTimeNs = 0;
        int state = -1;
        for (int i = 0; i < count; ++i) {
            if (QString::fromUtf8(virDomainGetName(records[i]->dom)) != name)
                continue;
            virTypedParamsGetULLong(records[i]->params, records[i]->nparams, "cpu.time", &cpuTimeNs);
            virTypedParamsGetInt(records[i]->params, records[i]->nparams, "state.state", &state);
        }
        virDomainStatsRecordListFree(records);
        QCOMPARE(state, int(VIR_DOMAIN_RUNNING));
        QVERIFY2(cpuTimeNs > 0, "no cpu.time for the running guest");

        // The guest keeps running (its PIT interrupt drives a heartbeat line every second).
        QTRY_VERIFY_WITH_TIMEOUT(readFile(consoleLog).contains(QStringLiteral("CONTINUO-GUEST-HEARTBEAT 1\n")),
                                 30000);

        QTRY_VERIFY_WITH_TIMEOUT(m_events.contains(name, VIR_DOMAIN_EVENT_STARTED), 30000);

        QCOMPARE(virDomainDestroy(guard.domain), 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_events.contains(name, VIR_DOMAIN_EVENT_STOPPED), 30000);
        QCOMPARE(virDomainGetInfo(guard.domain, &info), 0);
        QCOMPARE(int(info.state), int(VIR_DOMAIN_SHUTOFF));
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture.qemuProcessIds().isEmpty(), 10000);

        QCOMPARE(virDomainUndefine(guard.domain), 0);
        virDomainFree(guard.domain);
        guard.domain = nullptr;
        QVERIFY(!virDomainLookupByName(m_connection, name.toUtf8().constData()));
        QCOMPARE(virGetLastErrorCode(), int(VIR_ERR_NO_DOMAIN));
        QTRY_VERIFY_WITH_TIMEOUT(m_events.contains(name, VIR_DOMAIN_EVENT_UNDEFINED), 30000);
    }

    void missingKernelFailsClearly()
    {
        const QString name = QStringLiteral("continuo-no-kernel");
        const QString kernel = m_fixture.rootDirectory() + QStringLiteral("/guest/no-such-kernel.elf");
        const QByteArray xml =
            domainXml(m_fixture, name, kernel, m_fixture.logDirectory() + QStringLiteral("/no-kernel.console.log"))
                .toUtf8();
        DomainGuard guard;
        guard.domain = virDomainDefineXML(m_connection, xml.constData());
        QVERIFY2(guard.domain, qPrintable(lastLibvirtError()));

        QElapsedTimer timer;
        timer.start();
        QCOMPARE(virDomainCreate(guard.domain), -1);
        const QString error = lastLibvirtError();
        qCInfo(lcTest, "missing kernel refused in %lld ms: %s", timer.elapsed(), qPrintable(error));
        QVERIFY2(error.contains(kernel), qPrintable(error));
        QVERIFY2(timer.elapsed() < 30000, "starting a domain without its kernel took too long");
        QCOMPARE(virDomainIsActive(guard.domain), 0);
        QVERIFY(m_fixture.qemuProcessIds().isEmpty());
    }

    void secondFixtureIsIndependentAndCleansUp()
    {
        auto second = std::make_unique<LibvirtdFixture>();
        QString error;
        QVERIFY2(second->start(&error), qPrintable(error));
        QVERIFY(second->uri() != m_fixture.uri());
        const QString root = second->rootDirectory();

        virConnectPtr connection = virConnectOpen(second->uri().toUtf8().constData());
        QVERIFY2(connection, qPrintable(lastLibvirtError()));
        const QString name = QStringLiteral("continuo-left-running");
        const QString consoleLog = second->logDirectory() + QStringLiteral("/left-running.console.log");
        const QByteArray xml = domainXml(*second, name, second->guestKernel(), consoleLog).toUtf8();
        virDomainPtr domain = virDomainCreateXML(connection, xml.constData(), 0);
        const QString createError = domain ? QString() : lastLibvirtError();
        if (domain)
            virDomainFree(domain);
        virConnectClose(connection);
        QVERIFY2(createError.isEmpty(), qPrintable(createError));

        // The first daemon does not see the second one's domain.
        QVERIFY(!virDomainLookupByName(m_connection, name.toUtf8().constData()));
        QTRY_VERIFY_WITH_TIMEOUT(readFile(consoleLog).contains(QStringLiteral("CONTINUO-GUEST-BOOTED")), 60000);
        const QList<qint64> pids = second->qemuProcessIds();
        QCOMPARE(pids.size(), 1);
        QVERIFY(m_fixture.qemuProcessIds().isEmpty());

        // Leaving the domain running: the fixture's destructor must stop QEMU and remove its files.
        second.reset();
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pids.constFirst()));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            QVERIFY2(line.mid(line.lastIndexOf(')') + 2, 1) == "Z", line.constData());
        }
        QVERIFY(!QFileInfo::exists(root));
    }

    void sweepsLeftoversOfACrashedRun()
    {
        // What a test killed by a timeout leaves: a fixture directory whose owner is gone, and a
        // QEMU process using files in it. A recycled pid must not count as the owner: the owner
        // file names this process's pid, but a different start time.
        const QString base = QFileInfo(m_fixture.rootDirectory()).absolutePath();
        const QString stale = base + QStringLiteral("/continuo-libvirtd-stale-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(QDir().mkpath(stale));
        {
            QFile owner(stale + QStringLiteral("/owner"));
            QVERIFY(owner.open(QIODevice::WriteOnly));
            owner.write(QByteArray::number(QCoreApplication::applicationPid()) + " 1\n");
        }
        const QString kernel = stale + QStringLiteral("/continuo-guest.elf");
        QVERIFY(QFile::copy(m_fixture.guestKernel(), kernel));
        const QString console = stale + QStringLiteral("/console.log");
        QProcess qemu;
        qemu.start(QStringLiteral("qemu-system-x86_64"),
                   {QStringLiteral("-nodefaults"), QStringLiteral("-no-reboot"), QStringLiteral("-display"),
                    QStringLiteral("none"), QStringLiteral("-m"), QStringLiteral("32"), QStringLiteral("-kernel"),
                    kernel, QStringLiteral("-serial"), QStringLiteral("file:") + console});
        QVERIFY2(qemu.waitForStarted(), qPrintable(qemu.errorString()));
        QTRY_VERIFY2_WITH_TIMEOUT(readFile(console).contains(QStringLiteral("CONTINUO-GUEST-BOOTED")),
                                  qPrintable(QString::fromUtf8(qemu.readAll())), 60000);

        LibvirtdFixture next;
        QString error;
        QVERIFY2(next.start(&error), qPrintable(error));
        QVERIFY2(qemu.waitForFinished(15000), "the crashed run's QEMU is still running");
        QVERIFY(!QFileInfo::exists(stale));
        // The live fixture's directory was left alone.
        QVERIFY(QFileInfo::exists(m_fixture.rootDirectory() + QStringLiteral("/owner")));
    }

private:
    LibvirtdFixture m_fixture;
    virConnectPtr m_connection = nullptr;
    int m_callbackId = -1;
    EventLog m_events;
    std::atomic<bool> m_eventLoopRunning{true};
    std::thread m_eventThread;
};

int main(int argc, char **argv)
{
    // libvirt's default event loop (GLib-based since libvirt 6.1) iterates GLib's default main
    // context, and Qt's GLib event dispatcher owns that context on the main thread for the
    // application's lifetime: a thread calling virEventRunDefaultImpl() would wait for it forever
    // (and libvirt callbacks would run on the main thread, inside Qt's event loop, instead).
    // Qt's own UNIX dispatcher leaves the context to the libvirt event thread.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    tst_LibvirtQemuFixture test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_libvirtqemu_fixture.moc"
