#include "SlurmTransport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSaveFile>

namespace Continuo::Slurm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Continuo::Slurm::Transport", text);
}

/// Slurm commands on this host, run with QProcess.
class LocalTransport final : public ISlurmTransport
{
public:
    explicit LocalTransport(TransportSettings settings) : m_settings(std::move(settings)) {}

    QString describe() const override { return QStringLiteral("local"); }
    Result<void> connect() override { return {}; }
    bool isConnected() const override { return true; }
    void disconnect() override {}

    Result<CommandResult> run(const QStringList &argv, const QByteArray &standardInput,
                              std::chrono::milliseconds timeout) override
    {
        if (argv.isEmpty())
            return makeError(tr("no command to run"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (auto it = m_settings.environment.cbegin(); it != m_settings.environment.cend(); ++it)
            environment.insert(it.key(), it.value());
        process.setProcessEnvironment(environment);
        process.start(argv.first(), argv.mid(1));
        if (!process.waitForStarted(int(timeout.count())))
            return makeError(tr("cannot start %1: %2").arg(argv.first(), process.errorString()));
        if (!standardInput.isEmpty())
            process.write(standardInput);
        process.closeWriteChannel();
        if (!process.waitForFinished(int(timeout.count()))) {
            process.kill();
            process.waitForFinished(1000);
            return makeError(tr("%1 did not finish within %2 ms").arg(argv.first()).arg(timeout.count()));
        }
        CommandResult result;
        result.standardOutput = process.readAllStandardOutput();
        result.standardError = process.readAllStandardError();
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        if (process.exitStatus() != QProcess::NormalExit)
            result.standardError += tr("%1 crashed").arg(argv.first()).toUtf8();
        return result;
    }

    Result<void> upload(const QString &localPath, const QString &remotePath) override
    {
        return copy(localPath, remotePath);
    }

    Result<void> download(const QString &remotePath, const QString &localPath) override
    {
        return copy(remotePath, localPath);
    }

    Result<QByteArray> readFile(const QString &remotePath, qint64 maxBytes) override
    {
        QFile file(remotePath);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(tr("cannot read %1: %2").arg(remotePath, file.errorString()));
        return file.read(maxBytes);
    }

    Result<void> writeFile(const QString &remotePath, const QByteArray &contents,
                           bool executable) override
    {
        QDir().mkpath(QFileInfo(remotePath).absolutePath());
        QSaveFile file(remotePath);
        if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size()
            || !file.commit())
            return makeError(tr("cannot write %1: %2").arg(remotePath, file.errorString()));
        if (executable)
            QFile::setPermissions(remotePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                  | QFileDevice::ExeOwner);
        return {};
    }

private:
    static Result<void> copy(const QString &from, const QString &to)
    {
        QFile source(from);
        if (!source.open(QIODevice::ReadOnly))
            return makeError(tr("cannot read %1: %2").arg(from, source.errorString()));
        QDir().mkpath(QFileInfo(to).absolutePath());
        QSaveFile target(to);
        if (!target.open(QIODevice::WriteOnly))
            return makeError(tr("cannot write %1: %2").arg(to, target.errorString()));
        while (!source.atEnd()) {
            const QByteArray chunk = source.read(1 << 20);
            if (chunk.isEmpty() || target.write(chunk) != chunk.size())
                return makeError(tr("cannot copy %1 to %2: %3").arg(from, to, target.errorString()));
        }
        if (!target.commit())
            return makeError(tr("cannot write %1: %2").arg(to, target.errorString()));
        return {};
    }

    TransportSettings m_settings;
};

} // namespace

Result<TransportSettings> TransportSettings::fromSettings(const QVariantMap &settings)
{
    TransportSettings result;
    const QString mode = settings.value(QStringLiteral("transport"), QStringLiteral("local")).toString();
    if (mode == QLatin1String("local"))
        result.mode = Mode::Local;
    else if (mode == QLatin1String("ssh"))
        result.mode = Mode::Ssh;
    else
        return makeError(tr("unknown transport \"%1\" (local or ssh)").arg(mode));
    result.host = settings.value(QStringLiteral("host")).toString();
    result.port = settings.value(QStringLiteral("port"), 22).toInt();
    result.user = settings.value(QStringLiteral("user")).toString();
    result.identityFile = settings.value(QStringLiteral("identityFile")).toString();
    result.knownHostsFile = settings.value(QStringLiteral("knownHostsFile")).toString();
    const QVariantMap environment = settings.value(QStringLiteral("environment")).toMap();
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        result.environment.insert(it.key(), it.value().toString());
    const QString slurmConf = settings.value(QStringLiteral("slurmConf")).toString();
    if (!slurmConf.isEmpty())
        result.environment.insert(QStringLiteral("SLURM_CONF"), slurmConf);
    if (settings.contains(QStringLiteral("connectTimeoutMs")))
        result.connectTimeout = std::chrono::milliseconds(
            settings.value(QStringLiteral("connectTimeoutMs")).toLongLong());
    if (result.mode == Mode::Ssh && result.host.isEmpty())
        return makeError(tr("an SSH cluster needs \"host\" (the login node)"));
    if (result.port <= 0 || result.port > 65535)
        return makeError(tr("port %1 is out of range").arg(result.port));
    return result;
}

QString TransportSettings::describe() const
{
    if (mode == Mode::Local)
        return QStringLiteral("local");
    return QStringLiteral("ssh %1%2:%3")
        .arg(user.isEmpty() ? QString() : user + QLatin1Char('@'), host)
        .arg(port);
}

std::unique_ptr<ISlurmTransport> makeTransport(const TransportSettings &settings)
{
    if (settings.mode == TransportSettings::Mode::Ssh)
        return makeSshTransport(settings);
    return std::make_unique<LocalTransport>(settings);
}

QString shellQuote(const QString &argument)
{
    if (!argument.isEmpty()
        && std::all_of(argument.cbegin(), argument.cend(), [](QChar c) {
               return c.isLetterOrNumber() || QStringLiteral("-_./=:,+@%").contains(c);
           }))
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace Continuo::Slurm
