#pragma once

// A real single-host Slurm cluster for tests and benchmarks: munged, slurmctld and slurmd from
// the Debian packages, started as child processes on free loopback ports with every file in a
// fresh temporary directory. Header-only so the benchmark can use it too.

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <sys/prctl.h>
#include <signal.h>
#include <unistd.h>

#include <memory>

namespace Continuo::Slurm::Testing {

class SlurmClusterFixture
{
public:
    struct Output
    {
        int exitCode = -1;
        QByteArray standardOutput;
        QByteArray standardError;
    };

    SlurmClusterFixture() : m_directory(QDir::tempPath() + QStringLiteral("/continuo-slurm-XXXXXX"))
    {
        m_nodeName = QSysInfo::machineHostName().section(QLatin1Char('.'), 0, 0);
        if (m_nodeName.isEmpty())
            m_nodeName = QStringLiteral("localhost");
    }

    ~SlurmClusterFixture() { stop(); }

    SlurmClusterFixture(const SlurmClusterFixture &) = delete;
    SlurmClusterFixture &operator=(const SlurmClusterFixture &) = delete;

    /// Write the configuration, start the daemons, wait until the node is idle. On failure the
    /// returned text holds the reason and the daemons' logs.
    QString start(int cpus = 8)
    {
        if (!m_directory.isValid())
            return QStringLiteral("cannot create a temporary directory");
        m_cpus = cpus;
        const QString root = m_directory.path();
        // munged wants every directory above its socket searchable by all.
        QFile::setPermissions(root, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                        | QFileDevice::ReadGroup | QFileDevice::ExeGroup
                                        | QFileDevice::ReadOther | QFileDevice::ExeOther);
        for (const char *sub : {"state", "spool", "log", "work"})
            QDir(root).mkpath(QLatin1String(sub));
        if (QString error = writeMungeKey(); !error.isEmpty())
            return error;
        if (QString error = writeConfiguration(); !error.isEmpty())
            return error;

        m_munged = startDaemon(QStringLiteral("munged"),
                               {QStringLiteral("-F"), QStringLiteral("--socket=") + path(QStringLiteral("munge.sock")),
                                QStringLiteral("--key-file=") + path(QStringLiteral("munge.key")),
                                QStringLiteral("--pid-file=") + path(QStringLiteral("munged.pid")),
                                QStringLiteral("--seed-file=") + path(QStringLiteral("munged.seed")),
                                QStringLiteral("--log-file=") + path(QStringLiteral("log/munged.log"))},
                               QStringLiteral("log/munged.out"));
        if (!waitFor([this] {
                return QFile::exists(path(QStringLiteral("munge.sock"))) || m_munged->state() != QProcess::Running;
            }, 20000) || m_munged->state() != QProcess::Running)
            return failure(QStringLiteral("munged did not create its socket"));
        if (QString error = startController(); !error.isEmpty())
            return error;
        m_slurmd = startDaemon(QStringLiteral("slurmd"),
                               {QStringLiteral("-D"), QStringLiteral("-f"), configPath(), QStringLiteral("-N"), m_nodeName},
                               QStringLiteral("log/slurmd.out"));
        if (!waitFor([this] {
                if (m_slurmd->state() != QProcess::Running)
                    return true;
                const Output out = run({QStringLiteral("sinfo"), QStringLiteral("-h"), QStringLiteral("-N"),
                                        QStringLiteral("-o"), QStringLiteral("%T")});
                return out.exitCode == 0 && out.standardOutput.trimmed() == "idle";
            }, 90000) || m_slurmd->state() != QProcess::Running)
            return failure(QStringLiteral("the node did not become idle"));
        return {};
    }

    /// Start slurmctld (again) and wait until it answers.
    QString startController()
    {
        m_slurmctld = startDaemon(QStringLiteral("slurmctld"),
                                  {QStringLiteral("-D"), QStringLiteral("-f"), configPath()},
                                  QStringLiteral("log/slurmctld.out"));
        if (!waitFor([this] {
                return m_slurmctld->state() != QProcess::Running
                       || run({QStringLiteral("squeue"), QStringLiteral("-h")}).exitCode == 0;
            }, 60000) || m_slurmctld->state() != QProcess::Running)
            return failure(QStringLiteral("slurmctld did not answer"));
        return {};
    }

    /// Stop slurmctld (SIGTERM, state saved); jobs keep running on slurmd.
    void stopController() { terminate(m_slurmctld); }

    QString restartController()
    {
        stopController();
        return startController();
    }

    /// Cancel every job, then stop the daemons (SIGTERM, then SIGKILL).
    void stop()
    {
        if (m_slurmctld && m_slurmctld->state() == QProcess::Running) {
            run({QStringLiteral("scancel"), QStringLiteral("--user=") + userName()});
            waitFor([this] {
                const Output out = run({QStringLiteral("squeue"), QStringLiteral("-h"),
                                        QStringLiteral("--states=RUNNING,COMPLETING")});
                return out.exitCode != 0 || out.standardOutput.trimmed().isEmpty();
            }, 15000);
        }
        terminate(m_slurmd);
        terminate(m_slurmctld);
        terminate(m_munged);
    }

    /// Run a Slurm command against this cluster.
    Output run(const QStringList &argv, int timeoutMs = 60000) const
    {
        Output output;
        QProcess process;
        process.setProcessEnvironment(processEnvironment());
        process.start(argv.first(), argv.mid(1));
        if (!process.waitForStarted(timeoutMs)) {
            output.standardError = process.errorString().toUtf8();
            return output;
        }
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished(2000);
            output.standardError = "timed out";
            return output;
        }
        output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        output.standardOutput = process.readAllStandardOutput();
        output.standardError = process.readAllStandardError();
        return output;
    }

    QString directory() const { return m_directory.path(); }
    QString path(const QString &relative) const { return m_directory.path() + QLatin1Char('/') + relative; }
    QString configPath() const { return path(QStringLiteral("slurm.conf")); }
    QString nodeName() const { return m_nodeName; }
    QString workDirectory() const { return path(QStringLiteral("work")); }
    int cpus() const { return m_cpus; }
    /// SLURM_CONF for commands against this cluster.
    QMap<QString, QString> environment() const { return {{QStringLiteral("SLURM_CONF"), configPath()}}; }
    QProcessEnvironment processEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SLURM_CONF"), configPath());
        return environment;
    }

    /// The last lines of every daemon log.
    QString logs() const
    {
        QString text;
        for (const char *name : {"log/munged.log", "log/munged.out", "log/slurmctld.log", "log/slurmctld.out",
                                 "log/slurmd.log", "log/slurmd.out"}) {
            QFile file(path(QLatin1String(name)));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            text += QStringLiteral("----- %1 -----\n").arg(QLatin1String(name))
                    + QString::fromUtf8(content.right(4000)) + QLatin1Char('\n');
        }
        return text;
    }

    static QString userName()
    {
        const QString user = qEnvironmentVariable("USER");
        if (!user.isEmpty())
            return user;
        return ::geteuid() == 0 ? QStringLiteral("root") : QString::number(::geteuid());
    }

private:
    template<typename Predicate>
    static bool waitFor(Predicate predicate, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            if (predicate())
                return true;
            QThread::msleep(200);
        }
        return predicate();
    }

    static quint16 freePort()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        return server.serverPort();
    }

    QString failure(const QString &what) const
    {
        return what + QStringLiteral("\n") + logs();
    }

    QString writeMungeKey()
    {
        QFile key(path(QStringLiteral("munge.key")));
        QFile random(QStringLiteral("/dev/urandom"));
        if (!random.open(QIODevice::ReadOnly) || !key.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write the munge key");
        key.write(random.read(1024));
        key.close();
        // munged run by root wants a key owned by root and readable only by its owner.
        QFile::setPermissions(key.fileName(), QFileDevice::ReadOwner);
        return {};
    }

    QString writeConfiguration()
    {
        const quint16 controllerPort = freePort();
        quint16 nodePort = freePort();
        while (nodePort == controllerPort)
            nodePort = freePort();
        if (controllerPort == 0 || nodePort == 0)
            return QStringLiteral("no free loopback port");
        const QString user = userName();
        QStringList lines = {
            QStringLiteral("ClusterName=continuotest"),
            QStringLiteral("SlurmctldHost=%1(127.0.0.1)").arg(m_nodeName),
            QStringLiteral("SlurmctldPort=%1").arg(controllerPort),
            QStringLiteral("SlurmdPort=%1").arg(nodePort),
            QStringLiteral("AuthType=auth/munge"),
            QStringLiteral("CredType=cred/munge"),
            QStringLiteral("AuthInfo=socket=%1").arg(path(QStringLiteral("munge.sock"))),
            QStringLiteral("StateSaveLocation=%1").arg(path(QStringLiteral("state"))),
            QStringLiteral("SlurmdSpoolDir=%1").arg(path(QStringLiteral("spool"))),
            QStringLiteral("SlurmctldLogFile=%1").arg(path(QStringLiteral("log/slurmctld.log"))),
            QStringLiteral("SlurmdLogFile=%1").arg(path(QStringLiteral("log/slurmd.log"))),
            QStringLiteral("SlurmctldPidFile=%1").arg(path(QStringLiteral("slurmctld.pid"))),
            QStringLiteral("SlurmdPidFile=%1").arg(path(QStringLiteral("slurmd.pid"))),
            QStringLiteral("SlurmUser=%1").arg(user),
            QStringLiteral("SlurmdUser=%1").arg(user),
            QStringLiteral("ProctrackType=proctrack/linuxproc"),
            QStringLiteral("TaskPlugin=task/none"),
            QStringLiteral("MpiDefault=none"),
            QStringLiteral("MailProg=/bin/true"),
            QStringLiteral("SchedulerType=sched/backfill"),
            QStringLiteral("SelectType=select/cons_tres"),
            QStringLiteral("SelectTypeParameters=CR_Core"),
            // The node claims the configured CPUs whatever the CI box has.
            QStringLiteral("SlurmdParameters=config_overrides"),
            QStringLiteral("ReturnToService=2"),
            QStringLiteral("MinJobAge=600"),
            QStringLiteral("MaxJobCount=20000"),
            QStringLiteral("MaxArraySize=10001"),
            QStringLiteral("InactiveLimit=0"),
            QStringLiteral("KillWait=2"),
            QStringLiteral("OverTimeLimit=0"),
            QStringLiteral("MessageTimeout=10"),
            QStringLiteral("JobCompType=jobcomp/none"),
            QStringLiteral("AccountingStorageType=accounting_storage/none"),
            QStringLiteral("NodeName=%1 NodeAddr=127.0.0.1 CPUs=%2 RealMemory=4000 State=UNKNOWN")
                .arg(m_nodeName)
                .arg(m_cpus),
            QStringLiteral("PartitionName=debug Nodes=%1 Default=YES MaxTime=INFINITE State=UP").arg(m_nodeName),
        };
        QFile file(configPath());
        if (!file.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1").arg(configPath());
        file.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
        return {};
    }

    std::unique_ptr<QProcess> startDaemon(const QString &program, const QStringList &arguments,
                                          const QString &outputFile)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(processEnvironment());
        process->setStandardOutputFile(path(outputFile), QIODevice::Append);
        process->setStandardErrorFile(path(outputFile), QIODevice::Append);
        // A crashed test must not leave daemons behind.
        process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        process->start(program, arguments);
        process->waitForStarted(10000);
        return process;
    }

    static void terminate(std::unique_ptr<QProcess> &process)
    {
        if (!process)
            return;
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(10000)) {
                process->kill();
                process->waitForFinished(5000);
            }
        }
        process.reset();
    }

    QTemporaryDir m_directory;
    QString m_nodeName;
    int m_cpus = 8;
    std::unique_ptr<QProcess> m_munged;
    std::unique_ptr<QProcess> m_slurmctld;
    std::unique_ptr<QProcess> m_slurmd;
};

} // namespace Continuo::Slurm::Testing
