#pragma once

// A real OpenSSH server on a free loopback port, for tests of the SSH transport and of anything
// built on it. Header-only so that any test folder can include it.
//
//     Continuo::Test::SshdFixture sshd;
//     QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
//     auto transport = Continuo::Slurm::makeSshTransport(sshd.transportSettings());
//
// Everything (host key, client keys, authorized_keys, known_hosts, sshd_config, pid file, log)
// lives in one temporary directory, removed with the fixture. The login user is the current user.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <QVariantMap>

#if __has_include("SlurmTransport.h")
#include "SlurmTransport.h"
#define CONTINUO_SSHD_FIXTURE_HAS_TRANSPORT 1
#endif

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <memory>
#include <vector>

namespace Continuo::Test {

class SshdFixture
{
public:
    SshdFixture() = default;
    ~SshdFixture() { stop(); }
    SshdFixture(const SshdFixture &) = delete;
    SshdFixture &operator=(const SshdFixture &) = delete;

    /// Creates keys and configuration on the first call, then starts sshd and waits until its port
    /// accepts connections. False with errorString() when anything fails.
    bool start(std::chrono::milliseconds timeout = std::chrono::seconds(30))
    {
        if (isRunning())
            return true;
        if (!m_prepared && !prepare())
            return false;
        // sshd refuses to start without its privilege separation directory.
        QDir().mkpath(QStringLiteral("/run/sshd"));
        m_process = std::make_unique<QProcess>();
        m_process->setStandardOutputFile(logFile(), QIODevice::Append);
        m_process->setStandardErrorFile(logFile(), QIODevice::Append);
        m_process->start(QStringLiteral("/usr/sbin/sshd"),
                         {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                          path(QStringLiteral("sshd_config"))});
        if (!m_process->waitForStarted(int(timeout.count())))
            return fail(
                QStringLiteral("cannot start /usr/sbin/sshd: %1").arg(m_process->errorString()));
        const QDeadlineTimer deadline(timeout);
        while (!acceptsConnections()) {
            if (m_process->state() != QProcess::Running || m_process->waitForFinished(0))
                return fail(QStringLiteral("sshd exited during start-up: %1").arg(log()));
            if (deadline.hasExpired())
                return fail(QStringLiteral("sshd did not listen on 127.0.0.1:%1 within %2 ms: %3")
                                .arg(m_port)
                                .arg(timeout.count())
                                .arg(log()));
            QThread::msleep(50);
        }
        return true;
    }

    /// SIGKILL for the daemon and every process it started (one per connection, and the commands
    /// they run), as when a login node dies. Uses only system calls, so another thread may call it
    /// while the test thread is blocked in the transport; reap with stop() or restart() later.
    void killDaemonTree() const
    {
        if (m_pid > 0)
            signalTree(m_pid, SIGKILL);
    }

    /// Stops everything: SIGTERM to the daemon and its children, SIGKILL to what is left.
    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            const std::vector<pid_t> tree = processTree(pid_t(m_process->processId()));
            for (pid_t pid : tree)
                ::kill(pid, SIGTERM);
            if (!m_process->waitForFinished(5000)) {
                for (pid_t pid : processTree(pid_t(m_process->processId())))
                    ::kill(pid, SIGKILL);
                m_process->waitForFinished(5000);
            }
            // Connection processes are not children of QProcess: make sure none outlives us. The
            // listener itself (tree[0]) is reaped already, so its number may belong to another.
            const QDeadlineTimer deadline(5000);
            for (size_t i = 1; i < tree.size(); ++i) {
                while (isAlive(tree[i]) && !deadline.hasExpired())
                    QThread::msleep(20);
                if (isAlive(tree[i]))
                    ::kill(tree[i], SIGKILL);
            }
        }
        m_process.reset();
        m_pid = 0;
    }

    /// Stops sshd and starts it again with the same port, keys and configuration.
    bool restart()
    {
        stop();
        return start();
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    QString errorString() const { return m_error; }
    /// Everything sshd logged (it runs with -e).
    QString log() const
    {
        QFile file(logFile());
        return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll()) : QString();
    }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    /// The fixture's temporary directory (a place the remote side can write to, too).
    QString directory() const { return m_directory.path(); }
    QString path(const QString &name) const { return m_directory.filePath(name); }
    /// Private key whose public half is in authorized_keys.
    QString identityFile() const { return path(QStringLiteral("client_key")); }
    /// A valid private key that the server does not accept.
    QString unauthorizedIdentityFile() const { return path(QStringLiteral("stranger_key")); }
    /// known_hosts with the server's real key for [127.0.0.1]:port.
    QString knownHostsFile() const { return path(QStringLiteral("known_hosts")); }
    /// known_hosts with another ed25519 key for the same [127.0.0.1]:port (a changed host key).
    QString wrongKnownHostsFile() const { return path(QStringLiteral("known_hosts_wrong")); }
    /// known_hosts that exists but does not list this server.
    QString emptyKnownHostsFile() const { return path(QStringLiteral("known_hosts_empty")); }
    /// PID of the running sshd listener, 0 when stopped.
    qint64 pid() const { return m_pid; }

    /// Plugin settings of an SSH cluster reaching this server (TransportSettings::fromSettings).
    QVariantMap pluginSettings() const
    {
        return {{QStringLiteral("transport"), QStringLiteral("ssh")},
                {QStringLiteral("host"), host()},
                {QStringLiteral("port"), port()},
                {QStringLiteral("user"), user()},
                {QStringLiteral("identityFile"), identityFile()},
                {QStringLiteral("knownHostsFile"), knownHostsFile()}};
    }

#ifdef CONTINUO_SSHD_FIXTURE_HAS_TRANSPORT
    Slurm::TransportSettings transportSettings() const
    {
        Slurm::TransportSettings settings;
        settings.mode = Slurm::TransportSettings::Mode::Ssh;
        settings.host = host();
        settings.port = port();
        settings.user = user();
        settings.identityFile = identityFile();
        settings.knownHostsFile = knownHostsFile();
        settings.connectTimeout = std::chrono::seconds(20);
        return settings;
    }
#endif

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    QString logFile() const
    {
        return path(QStringLiteral("sshd.log"));
    }

    bool prepare()
    {
        if (!m_directory.isValid())
            return fail(QStringLiteral("cannot create a temporary directory: %1")
                            .arg(m_directory.errorString()));
        if (const passwd *entry = ::getpwuid(::geteuid()))
            m_user = QString::fromLocal8Bit(entry->pw_name);
        else
            return fail(QStringLiteral("cannot find the name of user %1").arg(::geteuid()));
        m_port = freePort();
        if (m_port <= 0)
            return fail(QStringLiteral("cannot find a free loopback port"));
        for (const char *name : {"host_key", "client_key", "stranger_key", "other_host_key"}) {
            if (!generateKey(path(QString::fromLatin1(name))))
                return false;
        }
        const QByteArray hostEntry = QStringLiteral("[%1]:%2 ").arg(host()).arg(m_port).toLatin1();
        const QByteArray hostKey = publicKey(path(QStringLiteral("host_key.pub")));
        const QByteArray otherHostKey = publicKey(path(QStringLiteral("other_host_key.pub")));
        const QByteArray clientKey = publicKey(path(QStringLiteral("client_key.pub")));
        if (hostKey.isEmpty() || otherHostKey.isEmpty() || clientKey.isEmpty())
            return fail(QStringLiteral("ssh-keygen wrote no public key"));
        const QString config =
            QStringLiteral("Port %1\n"
                           "ListenAddress 127.0.0.1\n"
                           "HostKey %2\n"
                           "PidFile %3\n"
                           "AuthorizedKeysFile %4\n"
                           "PermitRootLogin prohibit-password\n"
                           "PasswordAuthentication no\n"
                           "KbdInteractiveAuthentication no\n"
                           "UsePAM no\n"
                           "StrictModes no\n"
                           "Subsystem sftp internal-sftp\n"
                           "AcceptEnv none\n"
                           "MaxStartups 100\n"
                           // bash sources ~/.bashrc for commands run by sshd unless it is a nested
                           // shell; a slow .bashrc (pyenv, conda) would cost seconds per command.
                           "SetEnv SHLVL=1\n")
                .arg(m_port)
                .arg(path(QStringLiteral("host_key")), path(QStringLiteral("sshd.pid")),
                     path(QStringLiteral("authorized_keys")));
        if (!writeFile(QStringLiteral("authorized_keys"), clientKey + '\n') ||
            !writeFile(QStringLiteral("known_hosts"), hostEntry + hostKey + '\n') ||
            !writeFile(QStringLiteral("known_hosts_wrong"), hostEntry + otherHostKey + '\n') ||
            !writeFile(QStringLiteral("known_hosts_empty"), QByteArray()) ||
            !writeFile(QStringLiteral("sshd_config"), config.toLatin1()))
            return false;
        m_prepared = true;
        return true;
    }

    bool generateKey(const QString &file)
    {
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                      QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                      QStringLiteral("continuo-test"), QStringLiteral("-f"), file});
        if (!keygen.waitForFinished(30000) || keygen.exitStatus() != QProcess::NormalExit ||
            keygen.exitCode() != 0)
            return fail(QStringLiteral("ssh-keygen for %1 failed: %2 %3")
                            .arg(file, keygen.errorString(),
                                 QString::fromLocal8Bit(keygen.readAllStandardError())));
        return true;
    }

    /// "type base64" of a .pub file, without the comment.
    static QByteArray publicKey(const QString &file)
    {
        QFile pub(file);
        if (!pub.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> fields = pub.readAll().trimmed().split(' ');
        return fields.size() >= 2 ? fields[0] + ' ' + fields[1] : QByteArray();
    }

    bool writeFile(const QString &name, const QByteArray &contents)
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(contents) != contents.size())
            return fail(
                QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
        return true;
    }

    /// A port that was free a moment ago (bound to 127.0.0.1:0 and released).
    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t length = sizeof(address);
        int port = -1;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            port = ntohs(address.sin_port);
        ::close(fd);
        return port;
    }

    bool acceptsConnections()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return false;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(uint16_t(m_port));
        const bool connected =
            ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
        ::close(fd);
        if (connected)
            m_pid = pid_t(m_process->processId());
        return connected;
    }

    /// `root` and all its descendants, found through /proc (sshd's connection processes start
    /// their own sessions, so a process group would miss them).
    static std::vector<pid_t> processTree(pid_t root)
    {
        std::multimap<pid_t, pid_t> children;
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &entry : entries) {
            bool isPid = false;
            const pid_t pid = pid_t(entry.toInt(&isPid));
            if (!isPid)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            // "pid (comm) state ppid ...": comm may contain spaces, so parse after the last ')'.
            const QByteArray line = stat.readAll();
            const qsizetype close = line.lastIndexOf(')');
            if (close < 0)
                continue;
            const QList<QByteArray> fields = line.mid(close + 2).split(' ');
            if (fields.size() > 1)
                children.emplace(pid_t(fields[1].toInt()), pid);
        }
        std::vector<pid_t> tree{root};
        for (size_t i = 0; i < tree.size(); ++i) {
            const auto range = children.equal_range(tree[i]);
            for (auto it = range.first; it != range.second; ++it)
                tree.push_back(it->second);
        }
        return tree;
    }

    static void signalTree(pid_t root, int signal)
    {
        // Stop the parents first so that none can start new children while we go down the tree.
        for (pid_t pid : processTree(root))
            ::kill(pid, signal);
    }

    /// Exists and is not a zombie (killed connection processes are reaped by init, maybe late).
    static bool isAlive(pid_t pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        return close >= 0 && line.mid(close + 2, 1) != "Z";
    }

    QTemporaryDir m_directory;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
    QString m_user;
    int m_port = 0;
    pid_t m_pid = 0;
    bool m_prepared = false;
};

} // namespace Continuo::Test
