// The backend plugins end to end (issue 6): a real `continuo --daemon --config FILE` loads the
// libvirt plugin (test:///default, in-process) and the Slurm plugin (a real single-host
// cluster reached over SSH through a real sshd on loopback, as HPC gateways are), the placement
// engine deploys intents through them, and `continuoctl` lists the domains and jobs with their
// phases and acts on them — every hop a real one.

#include "DaemonFixture.h"
#include "SlurmClusterFixture.h"
#include "SshdFixture.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo::Testing;
using Continuo::Slurm::Testing::SlurmClusterFixture;

class tst_BackendsDaemon : public QObject
{
    Q_OBJECT

private:
    using Run = CtlRun;

    Run ctl(const QStringList &arguments) { return runContinuoctl(m_daemon.address(), arguments); }

    QJsonObject json(const QStringList &arguments)
    {
        const Run run = ctl(QStringList{QStringLiteral("--json")} + arguments);
        if (run.exitCode != 0) {
            qWarning().noquote() << arguments << "failed:" << run.out << run.err;
            return {};
        }
        return QJsonDocument::fromJson(run.out).object();
    }

    /// The object `command` (vms, jobs) lists for a deployment; empty when there is none.
    QJsonObject objectOf(const QString &command, const QString &deploymentId)
    {
        const QJsonArray objects = json({command}).value(QStringLiteral("objects")).toArray();
        for (const QJsonValue &value : objects) {
            if (value.toObject().value(QStringLiteral("deploymentId")).toString() == deploymentId)
                return value.toObject();
        }
        return {};
    }

    QJsonObject deploymentOf(const QString &workloadId)
    {
        const QJsonArray deployments =
            json({QStringLiteral("deployments"), workloadId}).value(QStringLiteral("deployments")).toArray();
        return deployments.isEmpty() ? QJsonObject() : deployments.first().toObject();
    }

    QString place(const QByteArray &yaml)
    {
        const QString path = m_dir.filePath(QStringLiteral("intent-%1.yaml").arg(++m_intents));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size())
            return {};
        file.close();
        const QJsonObject placed = json({QStringLiteral("place"), QStringLiteral("-f"), path});
        const QJsonArray workloads = placed.value(QStringLiteral("workloads")).toArray();
        return workloads.isEmpty() ? QString() : workloads.first().toObject().value(QStringLiteral("id")).toString();
    }

    QTemporaryDir m_dir;
    SlurmClusterFixture m_slurm;
    Continuo::Test::SshdFixture m_sshd;
    DaemonProcess m_daemon;
    int m_intents = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString slurmError = m_slurm.start(4);
        QVERIFY2(slurmError.isEmpty(), qPrintable(slurmError));
        QVERIFY2(m_sshd.start(), qPrintable(m_sshd.errorString()));
        const QByteArray config = QStringLiteral(
            "# written by tst_backendsdaemon\n"
            "plugins:\n"
            "  libvirt:\n"
            "    clusters:\n"
            "      - id: kvm-lab\n"
            "        name: KVM lab\n"
            "        site: site-local\n"
            "        statsIntervalMs: 500\n"
            "        hosts:\n"
            "          - { uri: \"test:///default\", node: kvm-lab-h1 }\n"
            "  slurm:\n"
            "    clusters:\n"
            "      - id: hpc-lab\n"
            "        name: Slurm lab\n"
            "        site: site-local\n"
            "        transport: ssh\n"
            "        host: %3\n"
            "        port: %4\n"
            "        user: %5\n"
            "        identityFile: %6\n"
            "        knownHostsFile: %7\n"
            "        slurmConf: %1\n"
            "        pollIntervalMs: 300\n"
            "        workDir: %2\n")
                                     .arg(m_slurm.configPath(), m_dir.filePath(QStringLiteral("slurm-work")),
                                          m_sshd.host(), QString::number(m_sshd.port()), m_sshd.user(),
                                          m_sshd.identityFile(), m_sshd.knownHostsFile())
                                     .toUtf8();
        QFile file(m_dir.filePath(QStringLiteral("continuo.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config);
        file.close();
        const QString error = m_daemon.start(m_dir.filePath(QStringLiteral("data")), QStringLiteral("none"),
                                             {QStringLiteral("--config"), file.fileName()});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void pluginsBringTheirInventory()
    {
        // The libvirt host and the Slurm node appear as nodes of their clusters.
        QTRY_VERIFY_WITH_TIMEOUT(ctl({QStringLiteral("nodes")}).out.contains("kvm-lab-h1"), 30000);
        const QString slurmNode = QStringLiteral("hpc-lab-%1").arg(m_slurm.nodeName());
        QTRY_VERIFY_WITH_TIMEOUT(ctl({QStringLiteral("nodes")}).out.contains(slurmNode.toUtf8()), 30000);
        const QJsonObject plugins = json({QStringLiteral("plugins")});
        const QByteArray text = QJsonDocument(plugins).toJson();
        QVERIFY2(text.contains("\"libvirt\"") && text.contains("\"slurm\""), text.constData());
        // Partitions are backend objects too.
        QTRY_VERIFY_WITH_TIMEOUT(ctl({QStringLiteral("partitions")}).out.contains("hpc-lab/partition/"), 30000);
    }

    void virtualMachineThroughPlacementAndActions()
    {
        const QString workload = place("name: e2e-vm\n"
                                       "kind: vm\n"
                                       "image: /var/lib/libvirt/images/e2e.qcow2\n"
                                       "resources: {cpu: 1, memory: 256MiB}\n"
                                       "requirements: {pinnedCluster: kvm-lab}\n");
        QVERIFY(!workload.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(deploymentOf(workload).value(QStringLiteral("state")).toString(),
                                  QStringLiteral("deployed"), 30000);
        const QString deploymentId = deploymentOf(workload).value(QStringLiteral("id")).toString();
        QCOMPARE(deploymentOf(workload).value(QStringLiteral("nodeId")).toString(), QStringLiteral("kvm-lab-h1"));

        QJsonObject vm;
        QTRY_VERIFY_WITH_TIMEOUT(!(vm = objectOf(QStringLiteral("vms"), deploymentId)).isEmpty(), 15000);
        QCOMPARE(vm.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(vm.value(QStringLiteral("nodeId")).toString(), QStringLiteral("kvm-lab-h1"));
        QStringList phases;
        for (const QJsonValue &phase : vm.value(QStringLiteral("phases")).toArray())
            phases.append(phase.toObject().value(QStringLiteral("name")).toString());
        QVERIFY2(phases.contains(QStringLiteral("accepted")) && phases.contains(QStringLiteral("started")),
                 qPrintable(phases.join(QLatin1Char(','))));
        const QString objectId = vm.value(QStringLiteral("id")).toString();

        // Suspend through continuoctl; the domain's state follows (libvirt events).
        Run run = ctl({QStringLiteral("action"), objectId, QStringLiteral("suspend")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(objectOf(QStringLiteral("vms"), deploymentId).value(QStringLiteral("state")).toString(),
                                  QStringLiteral("paused"), 15000);
        run = ctl({QStringLiteral("action"), objectId, QStringLiteral("resume")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(objectOf(QStringLiteral("vms"), deploymentId).value(QStringLiteral("state")).toString(),
                                  QStringLiteral("running"), 15000);

        // Bad requests are refused with the reason, and change nothing.
        run = ctl({QStringLiteral("action"), objectId, QStringLiteral("explode")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
        run = ctl({QStringLiteral("action"), QStringLiteral("nowhere/domain/x"), QStringLiteral("start")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no backend drives cluster"), run.err.constData());
        run = ctl({QStringLiteral("action"), objectId, QStringLiteral("migrate"), QStringLiteral("bad")});
        QCOMPARE(run.exitCode, 2);

        // The table form names the object and its phases.
        run = ctl({QStringLiteral("vms")});
        QVERIFY(run.out.contains(objectId.toUtf8()));
        QVERIFY(run.out.contains("started +"));

        // Every action is audited.
        const QByteArray audit = ctl({QStringLiteral("audit")}).out;
        QVERIFY2(audit.contains("backend.suspend") && audit.contains(objectId.toUtf8()), audit.constData());

        // Terminating the workload destroys and undefines the domain.
        run = ctl({QStringLiteral("terminate"), workload});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(objectOf(QStringLiteral("vms"), deploymentId).isEmpty(), 15000);
    }

    void hpcJobThroughPlacement()
    {
        const QString workload = place("name: e2e-job\n"
                                       "kind: hpc_job\n"
                                       "image: |\n"
                                       "  echo hello-from-slurm\n"
                                       "  sleep 1\n"
                                       "resources: {cpu: 1, memory: 128MiB}\n"
                                       "requirements: {pinnedCluster: hpc-lab, walltime: 5m}\n");
        QVERIFY(!workload.isEmpty());
        QString deploymentId;
        QTRY_VERIFY_WITH_TIMEOUT(!(deploymentId = deploymentOf(workload).value(QStringLiteral("id")).toString()).isEmpty(),
                                 15000);
        // The job shows with its Slurm state and reaches COMPLETED; the deployment ends with it.
        QTRY_VERIFY_WITH_TIMEOUT(!objectOf(QStringLiteral("jobs"), deploymentId).isEmpty(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(objectOf(QStringLiteral("jobs"), deploymentId).value(QStringLiteral("state")).toString(),
                                  QStringLiteral("COMPLETED"), 60000);
        const QJsonObject job = objectOf(QStringLiteral("jobs"), deploymentId);
        QCOMPARE(job.value(QStringLiteral("nodeId")).toString(), QStringLiteral("hpc-lab-%1").arg(m_slurm.nodeName()));
        QTRY_VERIFY_WITH_TIMEOUT(deploymentOf(workload).value(QStringLiteral("message")).toString().contains(QStringLiteral("exit 0")),
                                 30000);
        // Its output comes back through the daemon (read over SSH on the "login node").
        const Run output = ctl({QStringLiteral("logs"), job.value(QStringLiteral("id")).toString()});
        QVERIFY2(output.exitCode == 0, output.err.constData());
        QVERIFY2(output.out.contains("hello-from-slurm"), output.out.constData());
        const Run partitionLog = ctl({QStringLiteral("logs"), QStringLiteral("hpc-lab/partition/debug")});
        QCOMPARE(partitionLog.exitCode, 1);
        QVERIFY2(partitionLog.err.contains("only jobs have output"), partitionLog.err.constData());

        // A job that ran to completion is done: Terminated, and not submitted again.
        QCOMPARE(deploymentOf(workload).value(QStringLiteral("state")).toString(), QStringLiteral("terminated"));
        QTest::qWait(1500);
        const QJsonArray deployments =
            json({QStringLiteral("deployments"), workload}).value(QStringLiteral("deployments")).toArray();
        QCOMPARE(deployments.size(), 1);
        int jobs = 0;
        for (const QJsonValue &value : json({QStringLiteral("jobs")}).value(QStringLiteral("objects")).toArray())
            jobs += value.toObject().value(QStringLiteral("deploymentId")).toString() == deploymentId ? 1 : 0;
        QCOMPARE(jobs, 1);
    }

    void cleanupTestCase() { QVERIFY(m_daemon.terminate(20000)); }
};

QTEST_GUILESS_MAIN(tst_BackendsDaemon)
#include "tst_backendsdaemon.moc"
