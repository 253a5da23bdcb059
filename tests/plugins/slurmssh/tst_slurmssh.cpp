// The SSH transport of the Slurm plugin against a real OpenSSH server on loopback.

#include "SshTransport.h"
#include "SshdFixture.h"

#if __has_include("../slurm/SlurmClusterFixture.h")
#include "../slurm/SlurmClusterFixture.h"
#define CONTINUO_HAS_SLURM_CLUSTER_FIXTURE 1
#endif

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QtTest>

#include <atomic>
#include <csignal>
#include <thread>

using namespace Continuo;
using namespace Continuo::Slurm;
using namespace std::chrono_literals;

namespace {

/// Whether `pid` is a live (not zombie) `sleep` process on this host.
bool isRunningSleep(const QByteArray &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(pid)));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return line.contains("(sleep)") && close > 0 && line.mid(close + 2, 1) != "Z";
}

} // namespace

class tst_SlurmSsh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void makeTransportGivesAnUnconnectedSshTransport();
    void commandLineQuotesEveryWord();
    void runReportsOutputAndExitCodes();
    void runSeparatesStandardError();
    void runFeedsStandardInput();
    void runFeedsLargeStandardInputWhileDrainingOutput();
    void argumentsArriveIntact();
    void environmentIsSet();
    void invalidEnvironmentNameIsRefused();
    void timeoutIsAnErrorAndTransportStillWorks();
    void unknownHostKeyIsRefused_data();
    void unknownHostKeyIsRefused();
    void changedHostKeyIsRefused();
    void wrongIdentityIsRefused();
    void missingIdentityIsRefused();
    void withoutIdentityTheDefaultKeysAreTried();
    void uploadDownloadRoundTrip();
    void readFileHonoursMaxBytes();
    void readFileOfMissingFileFails();
    void writeFileExecutableThenRun();
    void brokenConnectionIsReportedAndReconnects();
    void sinfoThroughTransport();

private:
    std::unique_ptr<ISlurmTransport> connectedTransport();
    std::unique_ptr<ISlurmTransport> transportWith(const TransportSettings &settings);

    Test::SshdFixture m_sshd;
};

void tst_SlurmSsh::initTestCase()
{
    QVERIFY2(m_sshd.start(), qPrintable(m_sshd.errorString()));
}

std::unique_ptr<ISlurmTransport> tst_SlurmSsh::transportWith(const TransportSettings &settings)
{
    return makeSshTransport(settings);
}

std::unique_ptr<ISlurmTransport> tst_SlurmSsh::connectedTransport()
{
    auto transport = makeSshTransport(m_sshd.transportSettings());
    if (!transport)
        return nullptr;
    const auto connected = transport->connect();
    if (!connected) {
        qWarning("connect failed: %s\nsshd log:\n%s", qPrintable(connected.error()),
                 qPrintable(m_sshd.log()));
        return nullptr;
    }
    return transport;
}

void tst_SlurmSsh::makeTransportGivesAnUnconnectedSshTransport()
{
    const auto transport = makeTransport(m_sshd.transportSettings());
    QVERIFY(transport);
    QVERIFY(dynamic_cast<SshTransport *>(transport.get()));
    QVERIFY(!transport->isConnected());
    QCOMPARE(transport->describe(),
             QStringLiteral("ssh %1@127.0.0.1:%2").arg(m_sshd.user()).arg(m_sshd.port()));

    // The same through plugin settings.
    const auto settings = TransportSettings::fromSettings(m_sshd.pluginSettings());
    QVERIFY2(settings, qPrintable(settings.error()));
    const auto fromSettings = makeTransport(*settings);
    QVERIFY(fromSettings);
    QVERIFY2(fromSettings->connect(), qPrintable(m_sshd.log()));
    QVERIFY(fromSettings->isConnected());
    QVERIFY(fromSettings->connect()); // idempotent
    fromSettings->disconnect();
    QVERIFY(!fromSettings->isConnected());
}

void tst_SlurmSsh::commandLineQuotesEveryWord()
{
    const auto plain =
        SshTransport::commandLine({QStringLiteral("squeue"), QStringLiteral("--json")}, {});
    QVERIFY2(plain, qPrintable(plain.error()));
    QCOMPARE(*plain, QByteArray("squeue --json"));

    const auto quoted = SshTransport::commandLine(
        {QStringLiteral("printf"), QStringLiteral("%s\n"), QStringLiteral("it's")},
        {{QStringLiteral("SLURM_CONF"), QStringLiteral("/etc/slurm x/slurm.conf")}});
    QVERIFY2(quoted, qPrintable(quoted.error()));
    QCOMPARE(*quoted,
             QByteArray("env 'SLURM_CONF=/etc/slurm x/slurm.conf' printf '%s\n' 'it'\\''s'"));

    QVERIFY(!SshTransport::commandLine({}, {}));
}

void tst_SlurmSsh::runReportsOutputAndExitCodes()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);

    const auto echo = transport->run({QStringLiteral("echo"), QStringLiteral("hello")});
    QVERIFY2(echo, qPrintable(echo.error()));
    QCOMPARE(echo->exitCode, 0);
    QCOMPARE(echo->standardOutput, QByteArray("hello\n"));
    QCOMPARE(echo->standardError, QByteArray());

    const auto exit3 =
        transport->run({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")});
    QVERIFY2(exit3, qPrintable(exit3.error()));
    QCOMPARE(exit3->exitCode, 3);

    // A missing program is an exit code from the remote shell, not a transport error.
    const auto missing = transport->run({QStringLiteral("/nonexistent/program")});
    QVERIFY2(missing, qPrintable(missing.error()));
    QCOMPARE(missing->exitCode, 127);
    QVERIFY(!missing->standardError.isEmpty());

    // Killed by a signal: no exit status, and stderr says why.
    const auto killed = transport->run(
        {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("kill -KILL $$")});
    QVERIFY2(killed, qPrintable(killed.error()));
    QCOMPARE(killed->exitCode, -1);
    QVERIFY2(killed->standardError.contains("signal SIGKILL"), killed->standardError.constData());
}

void tst_SlurmSsh::runSeparatesStandardError()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    const auto result =
        transport->run({QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("echo out; echo err >&2; echo out2; exit 1")});
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->exitCode, 1);
    QCOMPARE(result->standardOutput, QByteArray("out\nout2\n"));
    QCOMPARE(result->standardError, QByteArray("err\n"));
}

void tst_SlurmSsh::runFeedsStandardInput()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    const QByteArray input("first line\nsecond line, no newline at the end");
    const auto result = transport->run({QStringLiteral("cat")}, input);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->exitCode, 0);
    QCOMPARE(result->standardOutput, input);

    // No input: the remote side sees EOF at once instead of waiting.
    const auto empty = transport->run({QStringLiteral("cat")}, {}, 10s);
    QVERIFY2(empty, qPrintable(empty.error()));
    QCOMPARE(empty->standardOutput, QByteArray());
}

void tst_SlurmSsh::runFeedsLargeStandardInputWhileDrainingOutput()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    // Larger than the SSH window and the pipe buffers on both sides: works only if the transport
    // reads stdout while it still writes stdin.
    QByteArray input(4 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(input.data()), input.size() / 4);
    const auto result = transport->run({QStringLiteral("cat")}, input, 60s);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->exitCode, 0);
    QCOMPARE(result->standardOutput.size(), input.size());
    QVERIFY(result->standardOutput == input);

    // A process that stops reading early is not an error of the transport.
    const auto head = transport->run(
        {QStringLiteral("head"), QStringLiteral("-c"), QStringLiteral("5")}, input, 60s);
    QVERIFY2(head, qPrintable(head.error()));
    QCOMPARE(head->exitCode, 0);
    QCOMPARE(head->standardOutput, input.left(5));
    QVERIFY(transport->isConnected());
}

void tst_SlurmSsh::argumentsArriveIntact()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    const QStringList arguments{
        QStringLiteral("a b"), QStringLiteral("it's"),       QStringLiteral("$HOME"),
        QStringLiteral("*"),   QStringLiteral("`id`"),       QStringLiteral("x;y|z&"),
        QStringLiteral(""),    QStringLiteral("\"quoted\""), QStringLiteral("naïve ✓")};
    const auto result =
        transport->run(QStringList{QStringLiteral("printf"), QStringLiteral("%s\\n")} + arguments);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->exitCode, 0);
    QCOMPARE(QString::fromUtf8(result->standardOutput),
             arguments.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void tst_SlurmSsh::environmentIsSet()
{
    TransportSettings settings = m_sshd.transportSettings();
    settings.environment.insert(QStringLiteral("FOO"), QStringLiteral("bar baz 'quoted' $HOME"));
    settings.environment.insert(QStringLiteral("SLURM_CONF"), QStringLiteral("/tmp/slurm.conf"));
    const auto transport = transportWith(settings);
    const auto foo = transport->run({QStringLiteral("printenv"), QStringLiteral("FOO")});
    QVERIFY2(foo, qPrintable(foo.error()));
    QCOMPARE(foo->exitCode, 0);
    QCOMPARE(foo->standardOutput, QByteArray("bar baz 'quoted' $HOME\n"));
    const auto conf = transport->run({QStringLiteral("printenv"), QStringLiteral("SLURM_CONF")});
    QVERIFY2(conf, qPrintable(conf.error()));
    QCOMPARE(conf->standardOutput, QByteArray("/tmp/slurm.conf\n"));

    // Without the setting the variable is not there (printenv exits 1).
    const auto plain = connectedTransport();
    QVERIFY(plain);
    const auto unset = plain->run({QStringLiteral("printenv"), QStringLiteral("FOO")});
    QVERIFY2(unset, qPrintable(unset.error()));
    QCOMPARE(unset->exitCode, 1);
}

void tst_SlurmSsh::invalidEnvironmentNameIsRefused()
{
    TransportSettings settings = m_sshd.transportSettings();
    settings.environment.insert(QStringLiteral("BAD NAME;rm"), QStringLiteral("x"));
    const auto transport = transportWith(settings);
    const auto result = transport->run({QStringLiteral("true")});
    QVERIFY(!result);
    QVERIFY2(result.error().contains(QStringLiteral("invalid environment variable name")),
             qPrintable(result.error()));
}

void tst_SlurmSsh::timeoutIsAnErrorAndTransportStillWorks()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    const QString pidFile = m_sshd.path(QStringLiteral("timed-out.pid"));
    QByteArray pid;
    // A process that sshd could not stop is no longer below sshd once the session ends, so the
    // fixture would not find it: end it here.
    const auto cleanup = qScopeGuard([&pid] {
        if (isRunningSleep(pid))
            ::kill(pid_t(pid.toInt()), SIGKILL);
    });

    QElapsedTimer timer;
    timer.start();
    const auto result = transport->run({QStringLiteral("sh"), QStringLiteral("-c"),
                                        QStringLiteral("echo $$ > \"$1\"; exec sleep 30"),
                                        QStringLiteral("sh"), pidFile},
                                       {}, 1s);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(QStringLiteral("sh did not finish within 1000 ms")),
             qPrintable(result.error()));
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(transport->isConnected());
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    pid = file.readAll().trimmed();
    QVERIFY(!pid.isEmpty());

    const auto after = transport->run({QStringLiteral("echo"), QStringLiteral("still here")});
    QVERIFY2(after, qPrintable(after.error()));
    QCOMPARE(after->standardOutput, QByteArray("still here\n"));

    // The transport asked the server to stop the timed-out process (SIGTERM through a "signal"
    // channel request) before closing the channel.
    if (m_sshd.user() != QLatin1String("root")) {
        QTRY_VERIFY_WITH_TIMEOUT(!isRunningSleep(pid), 15000);
    } else {
        // sshd refuses signal requests in root sessions (they run without privilege separation)
        // and logs the refusal, which shows that the request arrived.
        QTRY_VERIFY_WITH_TIMEOUT(m_sshd.log().contains(QStringLiteral(
                                     "session signalling requires privilege separation")),
                                 10000);
    }
}

void tst_SlurmSsh::unknownHostKeyIsRefused_data()
{
    QTest::addColumn<QString>("knownHosts");
    QTest::newRow("file without the host") << m_sshd.emptyKnownHostsFile();
    QTest::newRow("missing file") << m_sshd.path(QStringLiteral("no_such_known_hosts"));
}

void tst_SlurmSsh::unknownHostKeyIsRefused()
{
    QFETCH(QString, knownHosts);
    TransportSettings settings = m_sshd.transportSettings();
    settings.knownHostsFile = knownHosts;
    const auto transport = transportWith(settings);
    const auto connected = transport->connect();
    QVERIFY(!connected);
    QVERIFY2(connected.error().contains(QStringLiteral("is not in %1").arg(knownHosts)),
             qPrintable(connected.error()));
    QVERIFY2(connected.error().contains(QStringLiteral("ssh-keyscan")),
             qPrintable(connected.error()));
    QVERIFY(!transport->isConnected());
    // run() connects first and fails the same way; nothing runs.
    const auto result = transport->run({QStringLiteral("true")});
    QVERIFY(!result);
    QVERIFY2(result.error().contains(QStringLiteral("is not in")), qPrintable(result.error()));
    // Nothing was written to the file (no silent accept).
    QCOMPARE(QFileInfo(knownHosts).exists() ? QFileInfo(knownHosts).size() : 0, 0);
}

void tst_SlurmSsh::changedHostKeyIsRefused()
{
    TransportSettings settings = m_sshd.transportSettings();
    settings.knownHostsFile = m_sshd.wrongKnownHostsFile();
    const auto transport = transportWith(settings);
    const auto connected = transport->connect();
    QVERIFY(!connected);
    QVERIFY2(connected.error().contains(
                 QStringLiteral("host key of 127.0.0.1:%1 changed: possible man-in-the-middle")
                     .arg(m_sshd.port())),
             qPrintable(connected.error()));
    QVERIFY(!transport->isConnected());
    const auto upload = transport->writeFile(m_sshd.path(QStringLiteral("never-written")), "x");
    QVERIFY(!upload);
    QVERIFY(!QFile::exists(m_sshd.path(QStringLiteral("never-written"))));
}

void tst_SlurmSsh::wrongIdentityIsRefused()
{
    TransportSettings settings = m_sshd.transportSettings();
    settings.identityFile = m_sshd.unauthorizedIdentityFile();
    const auto transport = transportWith(settings);
    const auto connected = transport->connect();
    QVERIFY(!connected);
    QVERIFY2(connected.error().contains(QStringLiteral("refused public-key authentication")),
             qPrintable(connected.error()));
    QVERIFY(!transport->isConnected());
}

void tst_SlurmSsh::missingIdentityIsRefused()
{
    TransportSettings settings = m_sshd.transportSettings();
    settings.identityFile = m_sshd.path(QStringLiteral("no_such_key"));
    auto transport = transportWith(settings);
    auto connected = transport->connect();
    QVERIFY(!connected);
    QVERIFY2(connected.error().contains(QStringLiteral("does not exist")),
             qPrintable(connected.error()));

    // A file that is not a private key.
    settings.identityFile = m_sshd.knownHostsFile();
    transport = transportWith(settings);
    connected = transport->connect();
    QVERIFY(!connected);
    QVERIFY2(connected.error().contains(QStringLiteral("cannot load the private key")),
             qPrintable(connected.error()));

    // A passphrase-protected key: refused with an explanation, never a prompt.
    const QString protectedKey = m_sshd.path(QStringLiteral("protected_key"));
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                  QStringLiteral("-N"), QStringLiteral("secret passphrase"), QStringLiteral("-f"),
                  protectedKey});
    QVERIFY(keygen.waitForFinished(30000));
    QCOMPARE(keygen.exitCode(), 0);
    settings.identityFile = protectedKey;
    transport = transportWith(settings);
    connected = transport->connect();
    QVERIFY(!connected);
    QVERIFY2(connected.error().contains(QStringLiteral("passphrase")),
             qPrintable(connected.error()));
    QVERIFY(!transport->isConnected());
}

void tst_SlurmSsh::withoutIdentityTheDefaultKeysAreTried()
{
    // No identity file: the agent and ~/.ssh/id_* are offered; none of them is in this server's
    // authorized_keys (its only key was generated by the fixture).
    TransportSettings settings = m_sshd.transportSettings();
    settings.identityFile.clear();
    const auto transport = transportWith(settings);
    const auto connected = transport->connect();
    QVERIFY(!connected);
    QVERIFY2(connected.error().contains(QStringLiteral("refused public-key authentication")),
             qPrintable(connected.error()));
    QVERIFY2(connected.error().contains(QStringLiteral("default keys")),
             qPrintable(connected.error()));
}

void tst_SlurmSsh::uploadDownloadRoundTrip()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    QByteArray contents(3 * 1024 * 1024 + 7, Qt::Uninitialized);
    QRandomGenerator generator(7);
    for (char &byte : contents)
        byte = char(generator.bounded(256));
    const QString localSource = m_sshd.path(QStringLiteral("local/source.bin"));
    QVERIFY(QDir().mkpath(QFileInfo(localSource).absolutePath()));
    {
        QFile file(localSource);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(contents), contents.size());
    }

    // The remote parents do not exist yet: upload creates them.
    const QString remote = m_sshd.path(QStringLiteral("remote/deep/er/copy.bin"));
    const auto uploaded = transport->upload(localSource, remote);
    QVERIFY2(uploaded, qPrintable(uploaded.error()));
    {
        QFile file(remote);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == contents);
    }

    const QString localCopy = m_sshd.path(QStringLiteral("back/here/copy.bin"));
    const auto downloaded = transport->download(remote, localCopy);
    QVERIFY2(downloaded, qPrintable(downloaded.error()));
    QFile file(localCopy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256),
             QCryptographicHash::hash(contents, QCryptographicHash::Sha256));

    // Failures are errors with the path in them.
    const auto missingLocal = transport->upload(m_sshd.path(QStringLiteral("nope.bin")), remote);
    QVERIFY(!missingLocal);
    QVERIFY2(missingLocal.error().contains(QStringLiteral("nope.bin")),
             qPrintable(missingLocal.error()));
    const QString missingRemote = m_sshd.path(QStringLiteral("remote/missing.bin"));
    const auto missingDownload =
        transport->download(missingRemote, m_sshd.path(QStringLiteral("x.bin")));
    QVERIFY(!missingDownload);
    QVERIFY2(missingDownload.error().contains(QStringLiteral("no such file")),
             qPrintable(missingDownload.error()));
    QVERIFY(!QFile::exists(m_sshd.path(QStringLiteral("x.bin"))));
    // A parent that is a file cannot become a directory.
    const auto underFile = transport->upload(localSource, remote + QStringLiteral("/child.bin"));
    QVERIFY(!underFile);
    QVERIFY2(underFile.error().contains(QStringLiteral("is not a directory")),
             qPrintable(underFile.error()));
    QVERIFY(transport->isConnected());
}

void tst_SlurmSsh::readFileHonoursMaxBytes()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    const QString remote = m_sshd.path(QStringLiteral("jobs/42/slurm-42.out"));
    QByteArray output;
    for (int i = 0; i < 10000; ++i)
        output += "line " + QByteArray::number(i) + '\n';
    QVERIFY2(transport->writeFile(remote, output), qPrintable(m_sshd.log()));
    QCOMPARE(QFileInfo(remote).size(), output.size());

    const auto head = transport->readFile(remote, 12);
    QVERIFY2(head, qPrintable(head.error()));
    QCOMPARE(*head, output.left(12));

    // More than one SFTP request's worth, less than the file.
    const auto partial = transport->readFile(remote, 50000);
    QVERIFY2(partial, qPrintable(partial.error()));
    QCOMPARE(*partial, output.left(50000));

    const auto whole = transport->readFile(remote, 10 * 1024 * 1024);
    QVERIFY2(whole, qPrintable(whole.error()));
    QCOMPARE(*whole, output);

    const auto none = transport->readFile(remote, 0);
    QVERIFY2(none, qPrintable(none.error()));
    QVERIFY(none->isEmpty());
}

void tst_SlurmSsh::readFileOfMissingFileFails()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    const QString remote = m_sshd.path(QStringLiteral("no/such/file.out"));
    const auto result = transport->readFile(remote, 100);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(remote), qPrintable(result.error()));
    QVERIFY2(result.error().contains(QStringLiteral("no such file")), qPrintable(result.error()));
    QVERIFY(transport->isConnected());
}

void tst_SlurmSsh::writeFileExecutableThenRun()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    const QString script = m_sshd.path(QStringLiteral("scripts/job.sh"));
    const QByteArray body("#!/bin/sh\necho \"from script: $1\"\necho \"to stderr\" >&2\nexit 4\n");
    const auto written = transport->writeFile(script, body, true);
    QVERIFY2(written, qPrintable(written.error()));
    QCOMPARE(QFileInfo(script).permissions() &
                 (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                  QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                  QFileDevice::ExeOther),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    const auto ran = transport->run({script, QStringLiteral("x y")});
    QVERIFY2(ran, qPrintable(ran.error()));
    QCOMPARE(ran->exitCode, 4);
    QCOMPARE(ran->standardOutput, QByteArray("from script: x y\n"));
    QCOMPARE(ran->standardError, QByteArray("to stderr\n"));

    // Rewriting a plain file as executable makes it executable too; rewriting replaces contents.
    const QString plain = m_sshd.path(QStringLiteral("scripts/plain.sh"));
    QVERIFY(transport->writeFile(plain, "#!/bin/sh\necho one\n"));
    QVERIFY(!(QFileInfo(plain).permissions() & QFileDevice::ExeOwner));
    QVERIFY(transport->writeFile(plain, "#!/bin/sh\necho two\n", true));
    QVERIFY(QFileInfo(plain).permissions() & QFileDevice::ExeOwner);
    const auto two = transport->run({plain});
    QVERIFY2(two, qPrintable(two.error()));
    QCOMPARE(two->standardOutput, QByteArray("two\n"));
}

void tst_SlurmSsh::brokenConnectionIsReportedAndReconnects()
{
    const auto transport = connectedTransport();
    QVERIFY(transport);
    const auto before = transport->run({QStringLiteral("echo"), QStringLiteral("before")});
    QVERIFY2(before, qPrintable(before.error()));

    // Kill sshd and its connection processes while a command runs (the remote side writes a
    // marker once the command has started).
    const QString marker = m_sshd.path(QStringLiteral("started.marker"));
    std::atomic<bool> killed = false;
    std::thread killer([&] {
        const QDeadlineTimer deadline(60000);
        while (!QFile::exists(marker) && !deadline.hasExpired())
            QThread::msleep(20);
        m_sshd.killDaemonTree();
        killed = true;
    });
    QElapsedTimer timer;
    timer.start();
    const auto during =
        transport->run({QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("touch \"$1\"; sleep 60"), QStringLiteral("sh"), marker},
                       {}, 90s);
    killer.join();
    QVERIFY(killed);
    QVERIFY(!during);
    QVERIFY2(during.error().contains(QStringLiteral("lost")) ||
                 during.error().contains(QStringLiteral("interrupted")),
             qPrintable(during.error()));
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!transport->isConnected());

    // The server is down: a clear error, no hang.
    const auto down = transport->run({QStringLiteral("echo"), QStringLiteral("down")});
    QVERIFY(!down);
    QVERIFY2(
        down.error().contains(QStringLiteral("cannot connect to 127.0.0.1:%1").arg(m_sshd.port())),
        qPrintable(down.error()));
    const auto downRead = transport->readFile(marker, 10);
    QVERIFY(!downRead);

    // Same port, same keys: the next call reconnects by itself.
    QVERIFY2(m_sshd.restart(), qPrintable(m_sshd.errorString()));
    const auto after = transport->run({QStringLiteral("echo"), QStringLiteral("after")});
    QVERIFY2(after, qPrintable(after.error()));
    QCOMPARE(after->standardOutput, QByteArray("after\n"));
    QVERIFY(transport->isConnected());
    const auto read = transport->readFile(marker, 10);
    QVERIFY2(read, qPrintable(read.error()));

    // SFTP breaks the same way and recovers the same way.
    QVERIFY(transport->writeFile(m_sshd.path(QStringLiteral("sftp-before")), "x"));
    m_sshd.killDaemonTree();
    const auto broken = transport->writeFile(m_sshd.path(QStringLiteral("sftp-during")), "x");
    QVERIFY(!broken);
    QVERIFY(!transport->isConnected());
    QVERIFY2(m_sshd.restart(), qPrintable(m_sshd.errorString()));
    const auto recovered = transport->writeFile(m_sshd.path(QStringLiteral("sftp-after")), "y");
    QVERIFY2(recovered, qPrintable(recovered.error()));
    QVERIFY(QFile::exists(m_sshd.path(QStringLiteral("sftp-after"))));
}

void tst_SlurmSsh::sinfoThroughTransport()
{
#ifdef CONTINUO_HAS_SLURM_CLUSTER_FIXTURE
    Slurm::Testing::SlurmClusterFixture cluster;
    const QString started = cluster.start(2);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    TransportSettings settings = m_sshd.transportSettings();
    settings.environment = cluster.environment();
    const auto transport = transportWith(settings);
    const auto result =
        transport->run({QStringLiteral("sinfo"), QStringLiteral("--json")}, {}, 60s);
    QVERIFY2(result, qPrintable(result.error()));
    QVERIFY2(result->exitCode == 0, result->standardError.constData());

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result->standardOutput, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QStringList names;
    const QJsonArray nodes = document.object().value(QStringLiteral("nodes")).toArray();
    for (const QJsonValue &node : nodes)
        names << node.toObject().value(QStringLiteral("name")).toString();
    QVERIFY2(
        names.contains(cluster.nodeName()),
        qPrintable(names.join(QLatin1Char(',')) + QStringLiteral(" lacks ") + cluster.nodeName()));
#else
    QSKIP("no Slurm cluster fixture in this tree (tests/plugins/slurm/SlurmClusterFixture.h)");
#endif
}

QTEST_GUILESS_MAIN(tst_SlurmSsh)
#include "tst_slurmssh.moc"
