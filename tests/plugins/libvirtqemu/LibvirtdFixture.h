#pragma once

// A private libvirtd + virtlogd pair for integration tests and benchmarks that need real QEMU.
//
// Design (why it looks like this):
// - libvirtd running as root is always the *privileged* daemon, and the privileged QEMU driver
//   uses compiled-in paths (/etc/libvirt/qemu.conf, /run/libvirt/qemu, /var/lib/libvirt/qemu,
//   /run/libvirt/virtlogd-sock) and wants the `libvirt-qemu` user. Two of them collide, and they
//   would disturb a system daemon. An *unprivileged* libvirtd keeps everything under the XDG
//   directories of its environment instead, so the fixture runs virtlogd and libvirtd as an
//   unprivileged user (`nobody` when the test runs as root, the test's own user otherwise) with
//   HOME and XDG_{CONFIG,RUNTIME,CACHE,DATA}_HOME inside one temporary directory. No host
//   preparation is needed, a system libvirtd is never touched, and any number of fixtures can
//   run at once.
// - Clients use `qemu:///session?socket=<root>/run/libvirt/libvirt-sock` (uri()). Root may open
//   that URI: the socket parameter overrides the path, and the daemon's QEMU driver accepts
//   /session because it is unprivileged.
// - QEMU runs as the daemon user, so every file a domain refers to must be readable by that user:
//   guestKernel() is a copy inside the fixture's directory, and logDirectory() is owned by the
//   daemon user (put <serial type='file'> consoles there).
// - Without /dev/kvm, domainType() is "qemu" (TCG) and domains must say <domain type='qemu'>.
//
// Using it from another test folder (folders are configured alphabetically, so this works before
// tests/plugins/libvirtqemu/CMakeLists.txt has run):
//
//     include(${PROJECT_SOURCE_DIR}/tests/plugins/libvirtqemu/LibvirtdFixture.cmake)
//     continuo_use_libvirtd_fixture(tst_something)
//
// which adds this folder to the include path, links libvirt, makes the target depend on the guest
// kernel target `continuo_test_guest`, and defines CONTINUO_TEST_GUEST_KERNEL as the kernel's
// fixed path, ${CMAKE_BINARY_DIR}/tests/guest/continuo-guest.elf.
//
// Not thread-safe: create, start and destroy a fixture on one thread, and keep that thread alive
// while the fixture lives (the daemons get SIGTERM when the thread that started them exits, so a
// crashed test does not leave daemons behind).

#ifndef CONTINUO_TEST_GUEST_KERNEL
#error "Define CONTINUO_TEST_GUEST_KERNEL (continuo_use_libvirtd_fixture() in LibvirtdFixture.cmake does)"
#endif

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <QXmlStreamReader>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <memory>
#include <vector>

namespace Continuo::Testing {

class LibvirtdFixture
{
public:
    LibvirtdFixture() = default;
    LibvirtdFixture(const LibvirtdFixture &) = delete;
    LibvirtdFixture &operator=(const LibvirtdFixture &) = delete;

    /// Stops QEMU processes started through this fixture, then libvirtd and virtlogd, and removes
    /// the temporary directory. (start() cleans up after fixtures whose process died without
    /// running this: their QEMU processes and directories.)
    ~LibvirtdFixture() { stop(); }

    /// Creates the private directory, starts virtlogd and libvirtd and waits until the daemon
    /// answers uri() (up to @p timeout). On failure returns false and sets @p error to the reason,
    /// with the daemons' log tail where they ran; nothing is left running.
    bool start(QString *error, std::chrono::milliseconds timeout = std::chrono::seconds(60))
    {
        QString reason;
        if (!m_root)
            reason = startDaemons(QDeadlineTimer(timeout));
        else
            reason = QStringLiteral("the fixture is already started");
        if (reason.isEmpty())
            return true;
        const QString tail = logTail();
        if (!tail.isEmpty())
            reason += QStringLiteral("\n--- daemon log tail ---\n") + tail;
        stop();
        if (error)
            *error = reason;
        return false;
    }

    /// The connection URI of the private daemon.
    QString uri() const { return m_uri; }

    /// The guest kernel (multiboot ELF, prints "CONTINUO-GUEST-BOOTED <cmdline>" on COM1), copied
    /// where QEMU, running as the daemon user, can read it.
    QString guestKernel() const { return m_guestKernel; }

    /// "kvm" when the daemon can use /dev/kvm for x86_64 guests, else "qemu" (TCG).
    QString domainType() const { return m_domainType; }

    /// A directory owned by the daemon user for console logs and other files QEMU writes; the
    /// daemons' own logs (libvirtd.log, virtlogd.log) are here too.
    QString logDirectory() const { return path(QStringLiteral("log")); }

    /// The log libvirt keeps for a domain's QEMU process (written by virtlogd): the command line
    /// and QEMU's own error messages.
    QString qemuLogFile(const QString &domainName) const
    {
        return path(QStringLiteral("cache/libvirt/qemu/log/")) + domainName + QStringLiteral(".log");
    }

    /// The fixture's temporary directory (readable by the daemon user).
    QString rootDirectory() const { return m_root ? m_root->path() : QString(); }

    /// The user the daemons and QEMU run as.
    QString daemonUser() const { return m_daemonUser; }

    /// The last @p lines lines of libvirtd's and virtlogd's logs, for error messages.
    QString logTail(int lines = 25) const
    {
        if (!m_root)
            return {};
        QString result;
        for (const QString &name : {QStringLiteral("libvirtd.log"), QStringLiteral("virtlogd.log")}) {
            QFile file(logDirectory() + QLatin1Char('/') + name);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QStringList all = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
            while (!all.isEmpty() && all.constLast().isEmpty())
                all.removeLast();
            if (all.isEmpty())
                continue;
            result += QStringLiteral("[") + name + QStringLiteral("]\n")
                + all.mid(qMax(0, int(all.size()) - lines)).join(QLatin1Char('\n')) + QLatin1Char('\n');
        }
        return result;
    }

    /// Process ids of the QEMU processes that belong to this fixture (found through /proc: their
    /// command lines name files inside rootDirectory()).
    QList<qint64> qemuProcessIds() const
    {
        return m_root ? qemuProcessIdsUnder(m_root->path()) : QList<qint64>();
    }

private:
    static QList<qint64> qemuProcessIdsUnder(const QString &directory)
    {
        QList<qint64> pids;
        const QByteArray marker = directory.toUtf8() + '/';
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &entry : entries) {
            bool isPid = false;
            const qint64 pid = entry.toLongLong(&isPid);
            if (!isPid || isZombie(pid))
                continue;
            QFile cmdline(QStringLiteral("/proc/") + entry + QStringLiteral("/cmdline"));
            if (!cmdline.open(QIODevice::ReadOnly))
                continue;
            const QByteArray arguments = cmdline.readAll();
            const QByteArray program = arguments.left(arguments.indexOf('\0'));
            if (program.contains("qemu-system") && arguments.contains(marker))
                pids.append(pid);
        }
        return pids;
    }

    // SIGTERM, then SIGKILL after 5 s, and wait until the processes are gone (or zombies: their
    // parent is init once libvirt has daemonized them).
    static void killProcesses(QList<qint64> pids)
    {
        for (int signal : {SIGTERM, SIGKILL}) {
            // Another user's processes (EPERM) are not ours to wait for.
            pids.removeIf([signal](qint64 pid) { return ::kill(pid_t(pid), signal) != 0 && errno == EPERM; });
            QDeadlineTimer deadline(std::chrono::seconds(5));
            while (!pids.isEmpty() && !deadline.hasExpired()) {
                pids.removeIf([](qint64 pid) { return isZombie(pid); });
                if (!pids.isEmpty())
                    QThread::msleep(20);
            }
            if (pids.isEmpty())
                return;
        }
    }

    // "<pid> <start time>" of a process (field 22 of /proc/<pid>/stat), so that a recycled pid
    // is not taken for the process that wrote an owner file.
    static QByteArray processIdentity(qint64 pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return {};
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // fields[0] is field 3 (state), so field 22 is fields[19].
        if (fields.size() < 20 || fields.at(0) == "Z")
            return {};
        return QByteArray::number(pid) + ' ' + fields.at(19);
    }

    // A test that crashed (or was killed by a timeout) leaves its QEMU processes running and its
    // directory behind: the daemons die with it (PR_SET_PDEATHSIG), but libvirt daemonizes QEMU.
    // Each fixture writes its owner's identity into its directory; directories whose owner is gone
    // are cleaned up here, QEMU processes first.
    static void sweepStaleFixtures(const QString &base)
    {
        const QStringList entries = QDir(base).entryList({QStringLiteral("continuo-libvirtd-*")},
                                                         QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &entry : entries) {
            const QString directory = base + QLatin1Char('/') + entry;
            QFile owner(directory + QStringLiteral("/owner"));
            if (!owner.open(QIODevice::ReadOnly))
                continue; // being created right now, or not ours
            const QByteArray identity = owner.readAll().trimmed();
            owner.close();
            bool isPid = false;
            const qint64 pid = identity.left(identity.indexOf(' ')).toLongLong(&isPid);
            if (!isPid || processIdentity(pid) == identity)
                continue; // malformed, or the owner is alive
            killProcesses(qemuProcessIdsUnder(directory));
            QDir(directory).removeRecursively();
        }
    }

    QString path(const QString &relative) const
    {
        return m_root ? m_root->path() + QLatin1Char('/') + relative : QString();
    }

    static QString libvirtError(const char *what)
    {
        const char *message = virGetLastErrorMessage();
        return QString::fromUtf8(what) + QStringLiteral(": ")
            + (message ? QString::fromUtf8(message) : QStringLiteral("unknown libvirt error"));
    }

    static bool isZombie(qint64 pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return true; // gone
        const QByteArray line = stat.readAll();
        // "pid (comm) S ...": the state follows the last ')', comm itself may contain ')'.
        const qsizetype close = line.lastIndexOf(')');
        return close < 0 || line.size() < close + 3 || line.at(close + 2) == 'Z';
    }

    static QString findDaemon(const QString &name)
    {
        const QStringList sbin{QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
                               QStringLiteral("/sbin")};
        QString found = QStandardPaths::findExecutable(name, sbin);
        if (found.isEmpty())
            found = QStandardPaths::findExecutable(name);
        return found;
    }

    static bool writeFile(const QString &fileName, const QByteArray &contents)
    {
        QFile file(fileName);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
    }

    bool giveToDaemonUser(const QString &fileName, mode_t mode) const
    {
        const QByteArray native = QFile::encodeName(fileName);
        if (::chmod(native.constData(), mode) != 0)
            return false;
        return !m_dropPrivileges || ::chown(native.constData(), m_uid, m_gid) == 0;
    }

    // The daemon user must be able to reach the temporary directory.
    QString checkParentsSearchable(const QString &directory) const
    {
        if (!m_dropPrivileges)
            return {};
        QDir dir(directory);
        while (dir.cdUp()) {
            struct stat info {};
            if (::stat(QFile::encodeName(dir.path()).constData(), &info) != 0)
                return QStringLiteral("cannot stat %1").arg(dir.path());
            if (!(info.st_mode & S_IXOTH) && info.st_uid != m_uid)
                return QStringLiteral("%1 is not searchable by user %2, who runs libvirtd and QEMU; "
                                      "set TMPDIR to a world-searchable directory")
                    .arg(dir.path(), m_daemonUser);
            if (dir.isRoot())
                break;
        }
        return {};
    }

    QString prepareUser()
    {
        m_dropPrivileges = ::geteuid() == 0;
        if (!m_dropPrivileges) {
            m_uid = ::geteuid();
            m_gid = ::getegid();
            const passwd *self = ::getpwuid(m_uid);
            m_daemonUser = self ? QString::fromLocal8Bit(self->pw_name) : QString::number(m_uid);
            return {};
        }
        const passwd *nobody = ::getpwnam("nobody");
        if (!nobody)
            return QStringLiteral("running as root, but there is no user 'nobody' to run an unprivileged "
                                  "libvirtd as (a root libvirtd would use the host's /run/libvirt)");
        m_uid = nobody->pw_uid;
        m_gid = nobody->pw_gid;
        m_daemonUser = QStringLiteral("nobody");
        m_groups = {m_gid};
        // Let QEMU use KVM where the host has it: /dev/kvm is usually root:kvm 0660.
        struct stat kvm {};
        if (::stat("/dev/kvm", &kvm) == 0 && (kvm.st_mode & S_IRGRP) && (kvm.st_mode & S_IWGRP))
            m_groups.push_back(kvm.st_gid);
        return {};
    }

    QString prepareDirectory()
    {
        // Unix socket paths are limited to sizeof(sockaddr_un::sun_path) bytes (108 on Linux).
        const QString suffix = QStringLiteral("/run/libvirt/libvirt-sock");
        const int maximum = int(sizeof(sockaddr_un{}.sun_path)) - 1;
        QString base = QDir::tempPath();
        if (base.size() + 30 + suffix.size() > maximum)
            base = QStringLiteral("/tmp");
        if (const QString problem = checkParentsSearchable(base + QStringLiteral("/x")); !problem.isEmpty())
            return problem;
        sweepStaleFixtures(base);
        m_root = std::make_unique<QTemporaryDir>(base + QStringLiteral("/continuo-libvirtd-XXXXXX"));
        if (!m_root->isValid())
            return QStringLiteral("cannot create a temporary directory in %1: %2").arg(base, m_root->errorString());
        if (!writeFile(path(QStringLiteral("owner")), processIdentity(::getpid()) + '\n'))
            return QStringLiteral("cannot write %1").arg(path(QStringLiteral("owner")));
        const QStringList directories{QString(),           QStringLiteral("config"), QStringLiteral("run"),
                                      QStringLiteral("cache"), QStringLiteral("data"), QStringLiteral("home"),
                                      QStringLiteral("log"),   QStringLiteral("guest")};
        for (const QString &directory : directories) {
            const QString full = directory.isEmpty() ? m_root->path() : path(directory);
            if (!QDir().mkpath(full) || !giveToDaemonUser(full, directory == QLatin1String("run") ? 0700 : 0755))
                return QStringLiteral("cannot prepare %1 for user %2").arg(full, m_daemonUser);
        }
        m_socket = path(QStringLiteral("run")) + QStringLiteral("/libvirt/libvirt-sock");
        if (m_socket.toUtf8().size() > maximum)
            return QStringLiteral("socket path %1 is longer than %2 bytes").arg(m_socket).arg(maximum);
        m_uri = QStringLiteral("qemu:///session?socket=") + m_socket;

        const QString kernelSource = QStringLiteral(CONTINUO_TEST_GUEST_KERNEL);
        if (!QFileInfo::exists(kernelSource))
            return QStringLiteral("the test guest kernel %1 is missing (build the target continuo_test_guest)")
                .arg(kernelSource);
        m_guestKernel = path(QStringLiteral("guest/continuo-guest.elf"));
        if (!QFile::copy(kernelSource, m_guestKernel) || !giveToDaemonUser(m_guestKernel, 0644))
            return QStringLiteral("cannot copy the guest kernel %1 to %2").arg(kernelSource, m_guestKernel);

        // Warnings and errors only: the daemons' logs are for error messages, not for reading.
        const QByteArray config = "log_outputs = \"3:stderr\"\n";
        for (const QString &name : {QStringLiteral("libvirtd"), QStringLiteral("virtlogd")}) {
            const QString conf = path(name + QStringLiteral(".conf"));
            const QString log = logDirectory() + QLatin1Char('/') + name + QStringLiteral(".log");
            if (!writeFile(conf, config) || !giveToDaemonUser(conf, 0644) || !writeFile(log, {})
                || !giveToDaemonUser(log, 0644))
                return QStringLiteral("cannot write %1 and %2").arg(conf, log);
        }
        return {};
    }

    std::unique_ptr<QProcess> launch(const QString &program, const QString &name)
    {
        auto process = std::make_unique<QProcess>();
        process->setProgram(program);
        process->setArguments({QStringLiteral("--config"), path(name + QStringLiteral(".conf"))});
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *variable : {"LIBVIRT_DEFAULT_URI", "DBUS_SESSION_BUS_ADDRESS", "XDG_CONFIG_DIRS",
                                     "XDG_DATA_DIRS", "XDG_STATE_HOME"})
            environment.remove(QString::fromLatin1(variable));
        environment.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("run")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        if (m_dropPrivileges)
            environment.insert(QStringLiteral("USER"), m_daemonUser);
        process->setProcessEnvironment(environment);
        process->setWorkingDirectory(path(QStringLiteral("home")));
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->setStandardOutputFile(logDirectory() + QLatin1Char('/') + name + QStringLiteral(".log"),
                                       QIODevice::Append);
        process->setStandardInputFile(QProcess::nullDevice());

        const bool drop = m_dropPrivileges;
        const uid_t uid = m_uid;
        const gid_t gid = m_gid;
        const std::vector<gid_t> groups = m_groups;
        const pid_t parent = ::getpid();
        process->setChildProcessModifier([drop, uid, gid, groups, parent]() {
            // Runs in the child between fork and exec: async-signal-safe calls only.
            if (drop
                && (::setgroups(groups.size(), groups.data()) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)) {
                static const char message[] = "LibvirtdFixture: cannot drop privileges\n";
                [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
                ::_exit(127);
            }
            // After setuid, which clears it: the daemon dies with the thread that started it.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent)
                ::_exit(0);
        });
        process->start();
        return process;
    }

    // Waits until @p file exists, while @p process keeps running.
    static QString waitForSocket(QProcess *process, const QString &name, const QString &file,
                                 const QDeadlineTimer &deadline)
    {
        if (!process->waitForStarted(int(qMax<qint64>(1000, deadline.remainingTime()))))
            return QStringLiteral("cannot start %1: %2").arg(name, process->errorString());
        while (!QFileInfo::exists(file)) {
            // Doubles as the poll interval and as the check that the daemon is still alive.
            if (process->waitForFinished(50))
                return QStringLiteral("%1 exited with code %2 before creating %3")
                    .arg(name)
                    .arg(process->exitCode())
                    .arg(file);
            if (deadline.hasExpired())
                return QStringLiteral("%1 did not create %2 in time").arg(name, file);
        }
        return {};
    }

    QString startDaemons(const QDeadlineTimer &deadline)
    {
        const QString virtlogd = findDaemon(QStringLiteral("virtlogd"));
        const QString libvirtd = findDaemon(QStringLiteral("libvirtd"));
        if (virtlogd.isEmpty() || libvirtd.isEmpty())
            return QStringLiteral("libvirtd or virtlogd is not installed (packages libvirt-daemon, "
                                  "libvirt-daemon-driver-qemu)");
        if (QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64")).isEmpty())
            return QStringLiteral("QEMU cannot run here: qemu-system-x86_64 is not installed (package "
                                  "qemu-system-x86)");
        if (virInitialize() != 0)
            return libvirtError("virInitialize");
        if (QString problem = prepareUser(); !problem.isEmpty())
            return problem;
        if (QString problem = prepareDirectory(); !problem.isEmpty())
            return problem;

        // virtlogd first: the QEMU driver connects to it when a domain starts.
        m_virtlogd = launch(virtlogd, QStringLiteral("virtlogd"));
        if (QString problem = waitForSocket(m_virtlogd.get(), QStringLiteral("virtlogd"),
                                            path(QStringLiteral("run/libvirt/virtlogd-sock")), deadline);
            !problem.isEmpty())
            return problem;
        m_libvirtd = launch(libvirtd, QStringLiteral("libvirtd"));
        if (QString problem = waitForSocket(m_libvirtd.get(), QStringLiteral("libvirtd"), m_socket, deadline);
            !problem.isEmpty())
            return problem;

        virConnectPtr connection = nullptr;
        const QByteArray uri = m_uri.toUtf8();
        QString lastError;
        while (!connection) {
            connection = virConnectOpen(uri.constData());
            if (connection)
                break;
            lastError = libvirtError("virConnectOpen");
            if (m_libvirtd->waitForFinished(100))
                return QStringLiteral("libvirtd exited with code %1 (%2)").arg(m_libvirtd->exitCode()).arg(lastError);
            if (deadline.hasExpired())
                return QStringLiteral("libvirtd does not answer %1: %2").arg(m_uri, lastError);
        }
        char *capabilities = virConnectGetCapabilities(connection);
        if (!capabilities) {
            const QString problem = libvirtError("virConnectGetCapabilities");
            virConnectClose(connection);
            return problem;
        }
        const QStringList types = x86DomainTypes(QString::fromUtf8(capabilities));
        free(capabilities);
        virConnectClose(connection);
        if (types.isEmpty())
            return QStringLiteral("QEMU cannot run here: libvirtd's capabilities list no x86_64 hvm guest "
                                  "(see %1 and the capabilities cache in %2)")
                .arg(logDirectory(), path(QStringLiteral("cache/libvirt/qemu/capabilities")));
        m_domainType = types.contains(QLatin1String("kvm")) ? QStringLiteral("kvm") : QStringLiteral("qemu");
        return {};
    }

    // The <domain type=...> values of the x86_64 hvm <guest> entries in virConnectGetCapabilities.
    static QStringList x86DomainTypes(const QString &capabilities)
    {
        QStringList types;
        QXmlStreamReader xml(capabilities);
        bool hvm = false;
        bool x86 = false;
        QStringList guestTypes;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == QLatin1String("guest")) {
                    hvm = x86 = false;
                    guestTypes.clear();
                } else if (xml.name() == QLatin1String("os_type")) {
                    hvm = xml.readElementText() == QLatin1String("hvm");
                } else if (xml.name() == QLatin1String("arch")) {
                    x86 = xml.attributes().value(QLatin1String("name")) == QLatin1String("x86_64");
                } else if (xml.name() == QLatin1String("domain")) {
                    guestTypes.append(xml.attributes().value(QLatin1String("type")).toString());
                }
            } else if (xml.isEndElement() && xml.name() == QLatin1String("guest") && hvm && x86) {
                types += guestTypes;
            }
        }
        return types;
    }

    static void stopProcess(std::unique_ptr<QProcess> &process)
    {
        if (!process)
            return;
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(15000)) {
                process->kill();
                process->waitForFinished(5000);
            }
        }
        process.reset();
    }

    void stop()
    {
        // QEMU first, while libvirtd still runs and can notice; it is what virDomainDestroy does.
        killProcesses(qemuProcessIds());
        stopProcess(m_libvirtd);
        stopProcess(m_virtlogd);
        m_root.reset(); // removes the directory
        m_uri.clear();
        m_guestKernel.clear();
        m_domainType.clear();
    }

    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<QProcess> m_virtlogd;
    std::unique_ptr<QProcess> m_libvirtd;
    QString m_uri;
    QString m_socket;
    QString m_guestKernel;
    QString m_domainType;
    QString m_daemonUser;
    bool m_dropPrivileges = false;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    std::vector<gid_t> m_groups;
};

} // namespace Continuo::Testing
