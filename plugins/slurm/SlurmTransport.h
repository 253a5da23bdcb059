#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <chrono>
#include <memory>

namespace Continuo::Slurm {

/// What a command printed and how it ended.
struct CommandResult
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

/// How the plugin reaches a cluster: Slurm commands on this host, or over SSH on a login node.
struct TransportSettings
{
    enum class Mode { Local, Ssh };
    Mode mode = Mode::Local;
    QString host;             ///< SSH: login node address.
    int port = 22;
    QString user;             ///< SSH: remote user (default: the local user name).
    QString identityFile;     ///< SSH: private key for public-key authentication.
    QString knownHostsFile;   ///< SSH: known_hosts checked before authenticating (default ~/.ssh/known_hosts).
    /// Variables set for every command (SLURM_CONF, PATH additions, ...).
    QMap<QString, QString> environment;
    std::chrono::milliseconds connectTimeout{10000};

    /// From plugin settings of a cluster: "transport" ("local"|"ssh"), "host", "port", "user",
    /// "identityFile", "knownHostsFile", "environment" (map), "slurmConf" (sets SLURM_CONF),
    /// "connectTimeoutMs". Fails on a bad mode or an SSH cluster without host.
    static Result<TransportSettings> fromSettings(const QVariantMap &settings);
    QString describe() const;
};

/// A connection to the place where Slurm commands run. Calls block; a transport is used by one
/// thread at a time (the backend's worker thread), never by the engine thread.
class ISlurmTransport
{
public:
    virtual ~ISlurmTransport() = default;
    /// "local" or "ssh user@host:port".
    virtual QString describe() const = 0;
    /// Open the connection (SSH: connect, check the host key against known_hosts, authenticate
    /// with the key). Local: nothing to do. Idempotent.
    virtual Result<void> connect() = 0;
    virtual bool isConnected() const = 0;
    virtual void disconnect() = 0;
    /// Run a program with arguments (no shell on our side; SSH quotes each argument for the
    /// remote shell) with `standardInput` fed to it. Fails when it cannot be started, the
    /// connection breaks or the timeout passes; a non-zero exit is a CommandResult, not an error.
    virtual Result<CommandResult> run(const QStringList &argv, const QByteArray &standardInput = {},
                                      std::chrono::milliseconds timeout = std::chrono::seconds(30)) = 0;
    /// Copy a local file to the cluster side (SSH: SFTP), creating missing parent directories.
    virtual Result<void> upload(const QString &localPath, const QString &remotePath) = 0;
    /// Copy a file from the cluster side to a local path.
    virtual Result<void> download(const QString &remotePath, const QString &localPath) = 0;
    /// Read up to `maxBytes` of a file on the cluster side (job output retrieval).
    virtual Result<QByteArray> readFile(const QString &remotePath, qint64 maxBytes) = 0;
    /// Write a file on the cluster side (batch scripts), mode 0700 when executable.
    virtual Result<void> writeFile(const QString &remotePath, const QByteArray &contents,
                                   bool executable = false) = 0;
};

/// The transport the settings ask for (not connected yet).
std::unique_ptr<ISlurmTransport> makeTransport(const TransportSettings &settings);
/// Defined in SshTransport.cpp (libssh).
std::unique_ptr<ISlurmTransport> makeSshTransport(const TransportSettings &settings);

/// Quote one argument for a POSIX shell ('...' with embedded quotes escaped).
QString shellQuote(const QString &argument);

} // namespace Continuo::Slurm
