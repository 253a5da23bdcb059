#pragma once

#include "SlurmTransport.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

// libssh handle types, so that users of this header do not need libssh's headers.
struct ssh_session_struct;
struct sftp_session_struct;

namespace Continuo::Slurm {

/// ISlurmTransport over SSH to a login node, with libssh.
///
/// connect() checks the server's host key against `knownHostsFile` (only that file when one is
/// given) and accepts nothing else: an unknown or changed key is an error, never a prompt or a
/// silent accept. Authentication is by public key only (`identityFile`, or the agent and the
/// default keys when none is configured). OpenSSH configuration files are not read: every setting
/// comes from TransportSettings, so the same settings behave the same on every machine.
///
/// run() opens one channel per command; the remote user's shell parses the command line, which is
/// why every argument is quoted with shellQuote() and the environment is set with `env K=V ...`.
/// File operations use one SFTP session, opened on first use. A broken connection marks the
/// transport disconnected; the next call connects again.
///
/// Like every transport, it is used by one thread at a time.
class SshTransport final : public ISlurmTransport
{
public:
    explicit SshTransport(TransportSettings settings);
    ~SshTransport() override;
    SshTransport(const SshTransport &) = delete;
    SshTransport &operator=(const SshTransport &) = delete;

    QString describe() const override;
    Result<void> connect() override;
    bool isConnected() const override;
    void disconnect() override;
    Result<CommandResult>
    run(const QStringList &argv, const QByteArray &standardInput = {},
        std::chrono::milliseconds timeout = std::chrono::seconds(30)) override;
    Result<void> upload(const QString &localPath, const QString &remotePath) override;
    Result<void> download(const QString &remotePath, const QString &localPath) override;
    Result<QByteArray> readFile(const QString &remotePath, qint64 maxBytes) override;
    Result<void> writeFile(const QString &remotePath, const QByteArray &contents,
                           bool executable = false) override;

    /// The command line run() asks the remote shell to execute: `env K=V ... arg0 arg1 ...`, each
    /// word quoted for a POSIX shell. Fails on an empty argv or an invalid variable name.
    static Result<QByteArray> commandLine(const QStringList &argv,
                                          const QMap<QString, QString> &environment);

private:
    struct SessionDeleter
    {
        void operator()(ssh_session_struct *session) const;
    };
    struct SftpDeleter
    {
        void operator()(sftp_session_struct *sftp) const;
    };

    Result<void> checkHostKey(ssh_session_struct *session) const;
    Result<void> authenticate(ssh_session_struct *session) const;
    Result<CommandResult> runOnChannel(const QByteArray &command, const QString &program,
                                       const QByteArray &standardInput,
                                       std::chrono::milliseconds timeout);
    Result<sftp_session_struct *> sftp();
    Result<void> makeRemoteParents(sftp_session_struct *sftp, const QString &remotePath);
    Result<void> uploadTo(const QString &localPath, const QString &remotePath);
    Result<void> downloadFrom(const QString &remotePath, const QString &localPath);
    Result<QByteArray> readFrom(const QString &remotePath, qint64 maxBytes);
    Result<void> writeTo(const QString &remotePath, const QByteArray &contents, bool executable);
    /// An error about `what`, with libssh's (or the SFTP server's) reason appended.
    Error sessionError(const QString &what) const;
    Error sftpError(const QString &what) const;
    /// After a failed call: forget a connection whose socket died, so the next call reconnects.
    void dropIfBroken();
    QString endpoint() const;

    TransportSettings m_settings;
    // Declared before m_sftp so that the SFTP session is destroyed first.
    std::unique_ptr<ssh_session_struct, SessionDeleter> m_session;
    std::unique_ptr<sftp_session_struct, SftpDeleter> m_sftp;
};

} // namespace Continuo::Slurm
