// Active probes into a network namespace the test creates: a veth pair between this namespace
// and the new one (10.213.N.1 here, 10.213.N.2 there), a TCP listener inside it, ICMP and TCP
// probes across, `tc netem delay 20ms` where the kernel has netem, and an unprivileged ICMP
// datagram socket opened inside a namespace whose ping_group_range allows it. Needs root; the
// namespace and the veth pair are removed whatever happens.

#include "ProbeFixtures.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

using namespace Continuo;
using namespace Continuo::Testing;

namespace {

constexpr int WaitMs = 30000;
constexpr double NetemDelaySeconds = 0.020;

struct CommandResult
{
    int exitCode = -1;
    QString output;
};

CommandResult run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {-1, process.errorString()};
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        return {-1, QStringLiteral("timed out")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAll()).trimmed()};
}

/// A namespace joined to this one by a veth pair; deleted (with the pair) by the destructor.
class NamespaceGuard
{
public:
    NamespaceGuard()
    {
        const qint64 pid = QCoreApplication::applicationPid();
        m_name = QStringLiteral("continuo-probe-%1").arg(pid);
        m_hostVeth = QStringLiteral("cpb%1h").arg(pid % 10000000);
        m_namespaceVeth = QStringLiteral("cpb%1n").arg(pid % 10000000);
        const QString subnet = QStringLiteral("10.213.%1").arg(pid % 250);
        m_hostAddress = subnet + QStringLiteral(".1");
        m_namespaceAddress = subnet + QStringLiteral(".2");
        m_absentAddress = subnet + QStringLiteral(".3");
    }
    NamespaceGuard(const NamespaceGuard &) = delete;
    NamespaceGuard &operator=(const NamespaceGuard &) = delete;

    ~NamespaceGuard() { remove(); }

    /// Empty on success, else what failed.
    QString create()
    {
        // Leftovers of a crashed run of the same pid would make `add` fail.
        remove();
        m_created = true;
        const QList<QStringList> steps = {
            {QStringLiteral("netns"), QStringLiteral("add"), m_name},
            {QStringLiteral("link"), QStringLiteral("add"), m_hostVeth, QStringLiteral("type"), QStringLiteral("veth"),
             QStringLiteral("peer"), QStringLiteral("name"), m_namespaceVeth},
            {QStringLiteral("link"), QStringLiteral("set"), m_namespaceVeth, QStringLiteral("netns"), m_name},
            {QStringLiteral("addr"), QStringLiteral("add"), m_hostAddress + QStringLiteral("/24"), QStringLiteral("dev"), m_hostVeth},
            {QStringLiteral("link"), QStringLiteral("set"), m_hostVeth, QStringLiteral("up")},
            {QStringLiteral("-n"), m_name, QStringLiteral("addr"), QStringLiteral("add"), m_namespaceAddress + QStringLiteral("/24"),
             QStringLiteral("dev"), m_namespaceVeth},
            {QStringLiteral("-n"), m_name, QStringLiteral("link"), QStringLiteral("set"), m_namespaceVeth, QStringLiteral("up")},
            {QStringLiteral("-n"), m_name, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")},
        };
        for (const QStringList &step : steps) {
            const CommandResult result = run(QStringLiteral("ip"), step);
            if (result.exitCode != 0)
                return QStringLiteral("`ip %1` failed: %2").arg(step.join(QLatin1Char(' ')), result.output);
        }
        return {};
    }

    /// Run a command inside the namespace.
    CommandResult exec(const QStringList &command) const
    {
        return run(QStringLiteral("ip"), QStringList{QStringLiteral("netns"), QStringLiteral("exec"), m_name} + command);
    }

    QString name() const { return m_name; }
    QString namespaceVeth() const { return m_namespaceVeth; }
    QString namespaceAddress() const { return m_namespaceAddress; }
    QString absentAddress() const { return m_absentAddress; }

private:
    void remove()
    {
        if (!m_created)
            return;
        // Deleting the namespace destroys its end of the pair, and with it ours.
        run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("del"), m_name});
        run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("del"), m_hostVeth});
        m_created = false;
    }

    bool m_created = false;
    QString m_name;
    QString m_hostVeth;
    QString m_namespaceVeth;
    QString m_hostAddress;
    QString m_namespaceAddress;
    QString m_absentAddress;
};

/// Moves the calling thread into a namespace for the scope's lifetime. Sockets made meanwhile
/// stay in that namespace; threads started meanwhile are born in it.
class NamespaceScope
{
public:
    explicit NamespaceScope(const QString &name)
    {
        m_original = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        const int target = ::open(QStringLiteral("/run/netns/%1").arg(name).toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
        m_entered = m_original >= 0 && target >= 0 && ::setns(target, CLONE_NEWNET) == 0;
        if (target >= 0)
            ::close(target);
    }
    NamespaceScope(const NamespaceScope &) = delete;
    NamespaceScope &operator=(const NamespaceScope &) = delete;
    ~NamespaceScope()
    {
        if (m_entered && ::setns(m_original, CLONE_NEWNET) != 0)
            qFatal("cannot return to the original network namespace");
        if (m_original >= 0)
            ::close(m_original);
    }
    bool isEntered() const { return m_entered; }

private:
    int m_original = -1;
    bool m_entered = false;
};

ProbeTarget target(const QString &url, int intervalMs = 500, int timeoutMs = 500)
{
    ProbeTarget result = *ProbeTarget::fromUrl(url);
    result.interval = std::chrono::milliseconds(intervalMs);
    result.timeout = std::chrono::milliseconds(timeoutMs);
    return result;
}

/// Probes of a target whose samples arrived (the status is recorded a moment before).
qsizetype probed(const SampleCollector &collector, const QString &name)
{
    return collector.values(QStringLiteral("probe_success"), name).size();
}

} // namespace

class tst_ActiveProberNetns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("network namespaces, veth pairs and setns need root");
        if (QStandardPaths::findExecutable(QStringLiteral("ip")).isEmpty())
            QSKIP("no `ip` (iproute2) on PATH");
        m_namespace = std::make_unique<NamespaceGuard>();
        const QString failure = m_namespace->create();
        if (!failure.isEmpty()) {
            m_namespace.reset();
            QSKIP(qPrintable(QStringLiteral("cannot create a network namespace here: %1").arg(failure)));
        }
        // A listener inside the namespace for TCP probes: its socket is made while this thread
        // is in there.
        NamespaceScope scope(m_namespace->name());
        QVERIFY2(scope.isEntered(), "cannot enter the namespace with setns()");
        QVERIFY(m_listener.listen(QHostAddress(m_namespace->namespaceAddress()), 0));
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_listener.nextPendingConnection())
                socket->deleteLater();
        });
    }

    void cleanupTestCase()
    {
        m_listener.close();
        m_namespace.reset();
    }

    void probesAcross()
    {
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        const QString icmp = *prober.addTarget(target(QStringLiteral("icmp://%1").arg(m_namespace->namespaceAddress())));
        const QString tcp = *prober.addTarget(
            target(QStringLiteral("tcp://%1:%2").arg(m_namespace->namespaceAddress()).arg(m_listener.serverPort())));
        const QString absent = *prober.addTarget(target(QStringLiteral("icmp://%1").arg(m_namespace->absentAddress()), 1000, 800));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(probed(collector, icmp) >= 2 && probed(collector, tcp) >= 2 && probed(collector, absent) >= 1, WaitMs);
        QVERIFY2(prober.targetStatus(icmp)->health == TargetHealth::Up, qPrintable(prober.targetStatus(icmp)->lastError));
        QVERIFY2(prober.targetStatus(tcp)->health == TargetHealth::Up, qPrintable(prober.targetStatus(tcp)->lastError));
        QVERIFY(collector.last(QStringLiteral("probe_icmp_rtt_seconds"), icmp).value_or(-1) > 0);
        QVERIFY(collector.last(QStringLiteral("probe_tcp_connect_seconds"), tcp).value_or(-1) > 0);
        // Nobody has .3: no reply, the probe times out.
        QCOMPARE(collector.last(QStringLiteral("probe_success"), absent), 0.0);
        QVERIFY2(prober.targetStatus(absent)->lastError.contains(QLatin1String("timed out after 800 ms while waiting for an echo reply")),
                 qPrintable(prober.targetStatus(absent)->lastError));
    }

    /// netem delays what leaves the namespace, so every round trip is at least 20 ms longer.
    void netemDelay()
    {
        const CommandResult added = m_namespace->exec({QStringLiteral("tc"), QStringLiteral("qdisc"), QStringLiteral("add"),
                                                       QStringLiteral("dev"), m_namespace->namespaceVeth(), QStringLiteral("root"),
                                                       QStringLiteral("netem"), QStringLiteral("delay"), QStringLiteral("20ms")});
        if (added.exitCode != 0)
            QSKIP(qPrintable(QStringLiteral("tc netem is not available in this kernel (CONFIG_NET_SCH_NETEM): %1").arg(added.output)));
        struct RemoveQdisc
        {
            NamespaceGuard *guard;
            ~RemoveQdisc()
            {
                guard->exec({QStringLiteral("tc"), QStringLiteral("qdisc"), QStringLiteral("del"), QStringLiteral("dev"),
                             guard->namespaceVeth(), QStringLiteral("root")});
            }
        } removeQdisc{m_namespace.get()};

        SampleCollector collector;
        ActiveProber prober(collector.sink());
        const QString icmp = *prober.addTarget(target(QStringLiteral("icmp://%1").arg(m_namespace->namespaceAddress()), 500, 450));
        const QString tcp = *prober.addTarget(
            target(QStringLiteral("tcp://%1:%2").arg(m_namespace->namespaceAddress()).arg(m_listener.serverPort()), 500, 450));
        prober.start();
        QTRY_VERIFY_WITH_TIMEOUT(collector.values(QStringLiteral("probe_icmp_rtt_seconds"), icmp).size() >= 3
                                     && collector.values(QStringLiteral("probe_tcp_connect_seconds"), tcp).size() >= 3,
                                 WaitMs);
        for (const auto &[metric, name] : {std::pair{QStringLiteral("probe_icmp_rtt_seconds"), icmp},
                                           std::pair{QStringLiteral("probe_tcp_connect_seconds"), tcp}}) {
            for (double rtt : collector.values(metric, name)) {
                QVERIFY2(rtt >= NetemDelaySeconds && rtt < 0.2,
                         qPrintable(QStringLiteral("%1 = %2 s with a 20 ms netem delay").arg(metric).arg(rtt)));
            }
        }
    }

    /// Unprivileged ICMP: a namespace's ping_group_range admits every group, and a prober whose
    /// thread was born in that namespace opens a datagram socket there.
    void datagramSocketInNamespace()
    {
        const CommandResult widened = m_namespace->exec(
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("echo 0 2147483647 > /proc/sys/net/ipv4/ping_group_range")});
        QVERIFY2(widened.exitCode == 0, qPrintable(widened.output));
        SampleCollector collector;
        ActiveProber prober(collector.sink());
        prober.setIcmpSocketMode(IcmpSocketMode::Datagram);
        const QString loopback = *prober.addTarget(target(QStringLiteral("icmp://127.0.0.1")));
        const QString own = *prober.addTarget(target(QStringLiteral("icmp://%1").arg(m_namespace->namespaceAddress())));
        {
            NamespaceScope scope(m_namespace->name());
            QVERIFY(scope.isEntered());
            prober.start();
        }
        QTRY_VERIFY_WITH_TIMEOUT(probed(collector, loopback) >= 2 && probed(collector, own) >= 2, WaitMs);
        QVERIFY2(prober.targetStatus(loopback)->health == TargetHealth::Up, qPrintable(prober.targetStatus(loopback)->lastError));
        QVERIFY2(prober.targetStatus(own)->health == TargetHealth::Up, qPrintable(prober.targetStatus(own)->lastError));
        QCOMPARE(toString(prober.icmpSocketInUse()), toString(IcmpSocketMode::Datagram));
        QCOMPARE(collector.last(QStringLiteral("probe_icmp_reply_hop_limit"), loopback), defaultTtl());
    }

private:
    std::unique_ptr<NamespaceGuard> m_namespace;
    QTcpServer m_listener;
};

QTEST_GUILESS_MAIN(tst_ActiveProberNetns)
#include "tst_activeprobernetns.moc"
