#pragma once

// Helpers for integration tests that start real services (node_exporter, Prometheus) on free
// loopback ports and always stop them.

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QUrl>

#include <csignal>

#include <sys/prctl.h>

namespace Continuo::Test {

/// A port nobody listens on right now: bind 127.0.0.1:0, read the port, close.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

struct HttpResult
{
    int status = 0; ///< 0: no HTTP answer (see error)
    QByteArray body;
    QByteArray contentType;
    QByteArray allow;
    QString error;
};

/// One request, waited for with a deadline.
inline HttpResult httpRequest(QNetworkAccessManager &manager, const QUrl &url, const QByteArray &verb = "GET",
                              int timeoutMs = 5000)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = verb == "GET" ? manager.get(request) : manager.sendCustomRequest(request, verb);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(timeoutMs + 1000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.contentType = reply->rawHeader("Content-Type");
    result.allow = reply->rawHeader("Allow");
    if (reply->error() != QNetworkReply::NoError)
        result.error = reply->errorString();
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    }
    reply->deleteLater();
    return result;
}

inline void useNoProxy(QNetworkAccessManager &manager)
{
    manager.setProxy(QNetworkProxy::NoProxy);
}

/// A child process that is stopped when the fixture goes away, and killed by the kernel if the
/// test process dies first (PR_SET_PDEATHSIG), so no test leaves a service behind.
class ServiceProcess
{
public:
    ServiceProcess() = default;
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;
    ~ServiceProcess() { stop(); }

    static QString findProgram(const QString &name) { return QStandardPaths::findExecutable(name); }

    bool start(const QString &program, const QStringList &arguments, const QString &logFile)
    {
        m_logFile = logFile;
        m_process.setProgram(program);
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(logFile);
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.start();
        return m_process.waitForStarted(10000);
    }

    bool isRunning() const { return m_process.state() == QProcess::Running; }

    /// SIGKILL: the service vanishes as in a crash.
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(10000);
    }

    /// SIGTERM, then SIGKILL if it does not exit within the deadline.
    void stop(int graceMs = 10000)
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(graceMs)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /// The end of the service's log, for failure messages.
    QByteArray logTail(qsizetype bytes = 3000) const
    {
        QFile file(m_logFile);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray all = file.readAll();
        return all.right(bytes);
    }

private:
    QProcess m_process;
    QString m_logFile;
};

} // namespace Continuo::Test
