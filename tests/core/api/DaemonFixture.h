#pragma once

// Starts `continuo --daemon` on a free port for integration tests and benchmarks, and stops it.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace Continuo::Testing {

/// Directory holding `continuo` and `continuoctl`: $CONTINUO_BIN_DIR, else <app dir>/../bin.
inline QString binaryDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("CONTINUO_BIN_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(QCoreApplication::applicationDirPath() + QLatin1String("/../bin")).absolutePath();
}

inline QString binaryPath(const QString &name)
{
    return binaryDirectory() + QLatin1Char('/') + name;
}

/// What one `continuoctl` run printed and how it ended (-1: crashed or timed out).
struct CtlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Run `continuoctl --server SERVER ARGUMENTS...` and wait for it (30 s at most).
inline CtlRun runContinuoctl(const QString &server, const QStringList &arguments)
{
    QProcess process;
    process.start(binaryPath(QStringLiteral("continuoctl")),
                  QStringList{QStringLiteral("--server"), server} + arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

class DaemonProcess
{
public:
    ~DaemonProcess() { kill(); }

    /// Start and wait for `listening on HOST:PORT`. Empty on success, else why it failed.
    QString start(const QString &dataDirectory, const QString &scenario = QStringLiteral("demo"),
                  const QStringList &extraArguments = {}, int timeoutMs = 60000)
    {
        m_output.clear();
        m_address.clear();
        const QString program = binaryPath(QStringLiteral("continuo"));
        if (!QFileInfo::exists(program))
            return QStringLiteral("no continuo binary at %1").arg(program);
        QStringList arguments = {QStringLiteral("--daemon"), QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0"), QStringLiteral("--data-dir"),
                                 dataDirectory, QStringLiteral("--scenario"), scenario};
        arguments += extraArguments;
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        static const QRegularExpression listening(QStringLiteral("^listening on (\\S+:\\d+)$"),
                                                  QRegularExpression::MultilineOption);
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            m_output += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromLocal8Bit(m_output));
            if (match.hasMatch()) {
                m_address = match.captured(1);
                return {};
            }
            if (m_process.state() == QProcess::NotRunning)
                return QStringLiteral("the daemon exited with %1: %2")
                    .arg(m_process.exitCode())
                    .arg(QString::fromLocal8Bit(m_process.readAllStandardError()));
            m_process.waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(200, deadline.remainingTime()))));
        }
        return QStringLiteral("no \"listening on\" line within %1 ms").arg(timeoutMs);
    }

    /// SIGTERM and wait; true when it exited normally with code 0 in time.
    bool terminate(int timeoutMs = 10000)
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
        m_process.terminate();
        if (!m_process.waitForFinished(timeoutMs)) {
            kill();
            return false;
        }
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

    void kill()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QString address() const { return m_address; }
    /// Everything the daemon printed on stdout up to its `listening on` line.
    QByteArray output() const { return m_output; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_output;
    QString m_address;
};

} // namespace Continuo::Testing
