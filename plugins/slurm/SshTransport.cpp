#include "SshTransport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>

namespace Continuo::Slurm {

namespace {

Q_LOGGING_CATEGORY(lcSshTransport, "continuo.plugin.slurm")

using Clock = std::chrono::steady_clock;

/// SFTP reads and writes move this much per request: the size every SFTP server must accept
/// (draft-ietf-secsh-filexfer, 32768 bytes of data per packet).
constexpr qint64 SftpChunkBytes = 32 * 1024;
constexpr qint64 LocalChunkBytes = 1024 * 1024;
/// The longest single wait for channel activity; the deadline is checked in between.
constexpr std::chrono::milliseconds PollSlice{500};

QString tr(const char *text)
{
    return QCoreApplication::translate("Continuo::Slurm::SshTransport", text);
}

void initialiseLibrary()
{
    // ssh_init() is not thread-safe and must run once before any other libssh call.
    static std::once_flag once;
    std::call_once(once, [] {
        if (ssh_init() != SSH_OK)
            qCWarning(lcSshTransport) << "ssh_init() failed; SSH connections will fail";
    });
}

struct KeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using KeyPointer = std::unique_ptr<ssh_key_struct, KeyDeleter>;

struct ChannelDeleter
{
    void operator()(ssh_channel channel) const
    {
        if (ssh_channel_is_open(channel))
            ssh_channel_close(channel);
        ssh_channel_free(channel);
    }
};
using ChannelPointer = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;

struct SftpFileDeleter
{
    void operator()(sftp_file file) const { sftp_close(file); }
};
using SftpFilePointer = std::unique_ptr<sftp_file_struct, SftpFileDeleter>;

struct AttributesDeleter
{
    void operator()(sftp_attributes attributes) const { sftp_attributes_free(attributes); }
};
using AttributesPointer = std::unique_ptr<sftp_attributes_struct, AttributesDeleter>;

/// An ssh_event watching one session for the length of one wait. It processes the packets that
/// arrive (channel data, window adjustments, EOF, exit status) and returns when any did.
class SessionWait
{
public:
    explicit SessionWait(ssh_session session)
        : m_session(session)
        , m_event(ssh_event_new())
    {
        if (m_event && ssh_event_add_session(m_event, m_session) != SSH_OK) {
            ssh_event_free(m_event);
            m_event = nullptr;
        }
    }
    ~SessionWait()
    {
        if (m_event) {
            ssh_event_remove_session(m_event, m_session);
            ssh_event_free(m_event);
        }
    }
    SessionWait(const SessionWait &) = delete;
    SessionWait &operator=(const SessionWait &) = delete;

    /// False when polling failed (the connection is gone).
    bool wait(std::chrono::milliseconds timeout)
    {
        if (!m_event)
            return false;
        return ssh_event_dopoll(m_event, int(std::max<qint64>(timeout.count(), 1))) != SSH_ERROR;
    }

private:
    ssh_session m_session;
    ssh_event m_event;
};

/// What the server told us about the end of the remote process.
struct ExitState
{
    std::optional<int> status;
    QString signal;
};

void onExitStatus(ssh_session, ssh_channel, int exitStatus, void *userdata)
{
    static_cast<ExitState *>(userdata)->status = exitStatus;
}

void onExitSignal(ssh_session, ssh_channel, const char *signal, int, const char *, const char *,
                  void *userdata)
{
    static_cast<ExitState *>(userdata)->signal = QString::fromUtf8(signal);
}

QString sftpCodeText(int code)
{
    switch (code) {
    case SSH_FX_EOF:
        return tr("unexpected end of file");
    case SSH_FX_NO_SUCH_FILE:
    case SSH_FX_NO_SUCH_PATH:
        return tr("no such file or directory");
    case SSH_FX_PERMISSION_DENIED:
        return tr("permission denied");
    case SSH_FX_FILE_ALREADY_EXISTS:
        return tr("file already exists");
    case SSH_FX_WRITE_PROTECT:
        return tr("read-only file system");
    case SSH_FX_NO_CONNECTION:
    case SSH_FX_CONNECTION_LOST:
        return tr("connection lost");
    case SSH_FX_OP_UNSUPPORTED:
        return tr("operation not supported by the server");
    default:
        return {};
    }
}

QString fingerprint(ssh_session session)
{
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(session, &rawKey) != SSH_OK)
        return tr("unknown fingerprint");
    const KeyPointer key(rawKey);
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return tr("unknown fingerprint");
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    ssh_clean_pubkey_hash(&hash);
    const QString result = QStringLiteral("%1 %2").arg(
        QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get()))),
        text ? QString::fromLatin1(text) : tr("unknown fingerprint"));
    ssh_string_free_char(text);
    return result;
}

bool isValidVariableName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(name).hasMatch();
}

} // namespace

void SshTransport::SessionDeleter::operator()(ssh_session_struct *session) const
{
    ssh_disconnect(session);
    ssh_free(session);
}

void SshTransport::SftpDeleter::operator()(sftp_session_struct *sftp) const
{
    sftp_free(sftp);
}

SshTransport::SshTransport(TransportSettings settings)
    : m_settings(std::move(settings))
{
    m_settings.mode = TransportSettings::Mode::Ssh;
}

SshTransport::~SshTransport() = default;

QString SshTransport::describe() const
{
    return m_settings.describe();
}

QString SshTransport::endpoint() const
{
    return QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
}

bool SshTransport::isConnected() const
{
    return m_session && ssh_is_connected(m_session.get());
}

void SshTransport::disconnect()
{
    m_sftp.reset();
    m_session.reset();
}

void SshTransport::dropIfBroken()
{
    if (m_session && !ssh_is_connected(m_session.get())) {
        qCInfo(lcSshTransport) << "connection to" << endpoint() << "lost";
        disconnect();
    }
}

Error SshTransport::sessionError(const QString &what) const
{
    if (!m_session)
        return makeError(what);
    if (!ssh_is_connected(m_session.get()))
        return makeError(
            tr("%1: connection to %2 lost (%3)")
                .arg(what, endpoint(), QString::fromUtf8(ssh_get_error(m_session.get()))));
    return makeError(what + QStringLiteral(": ") +
                     QString::fromUtf8(ssh_get_error(m_session.get())));
}

Error SshTransport::sftpError(const QString &what) const
{
    if (!m_sftp || !ssh_is_connected(m_session.get()))
        return sessionError(what);
    const QString reason = sftpCodeText(sftp_get_error(m_sftp.get()));
    if (reason.isEmpty())
        return sessionError(what);
    return makeError(what + QStringLiteral(": ") + reason);
}

Result<void> SshTransport::connect()
{
    if (isConnected())
        return {};
    disconnect();
    if (m_settings.host.isEmpty())
        return makeError(tr("no SSH host configured"));
    initialiseLibrary();

    std::unique_ptr<ssh_session_struct, SessionDeleter> session(ssh_new());
    if (!session)
        return makeError(tr("cannot create an SSH session (out of memory)"));

    const QByteArray host = m_settings.host.toUtf8();
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray knownHosts = QFile::encodeName(m_settings.knownHostsFile);
    const unsigned int port = unsigned(m_settings.port);
    const qint64 timeoutMs = std::max<qint64>(m_settings.connectTimeout.count(), 1);
    const long timeoutSeconds = long(timeoutMs / 1000);
    const long timeoutMicroseconds = long(timeoutMs % 1000) * 1000;
    // Every setting comes from TransportSettings; ~/.ssh/config must not change what they mean.
    const bool processConfig = false;
    // Commands and SFTP requests are small request/response exchanges: Nagle's algorithm with
    // delayed acknowledgements would add tens of milliseconds to each.
    const int noDelay = 1;
    ssh_session s = session.get();
    bool optionsSet =
        ssh_options_set(s, SSH_OPTIONS_HOST, host.constData()) == SSH_OK &&
        ssh_options_set(s, SSH_OPTIONS_PORT, &port) == SSH_OK &&
        ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeoutSeconds) == SSH_OK &&
        ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &timeoutMicroseconds) == SSH_OK &&
        ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &processConfig) == SSH_OK &&
        ssh_options_set(s, SSH_OPTIONS_NODELAY, &noDelay) == SSH_OK;
    if (optionsSet && !user.isEmpty())
        optionsSet = ssh_options_set(s, SSH_OPTIONS_USER, user.constData()) == SSH_OK;
    if (optionsSet && !knownHosts.isEmpty()) {
        // Only the configured file decides; /etc/ssh/ssh_known_hosts must not vouch for a host.
        optionsSet = ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData()) == SSH_OK &&
                     ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null") == SSH_OK;
    }
    if (!optionsSet)
        return makeError(tr("invalid SSH settings for %1: %2")
                             .arg(describe(), QString::fromUtf8(ssh_get_error(s))));

    if (ssh_connect(s) != SSH_OK)
        return makeError(
            tr("cannot connect to %1: %2").arg(endpoint(), QString::fromUtf8(ssh_get_error(s))));
    if (auto checked = checkHostKey(s); !checked)
        return checked;
    if (auto authenticated = authenticate(s); !authenticated)
        return authenticated;

    qCInfo(lcSshTransport) << "connected to" << describe();
    m_session = std::move(session);
    return {};
}

Result<void> SshTransport::checkHostKey(ssh_session session) const
{
    const QString file = m_settings.knownHostsFile.isEmpty() ? QStringLiteral("~/.ssh/known_hosts")
                                                             : m_settings.knownHostsFile;
    const QString keyscan = m_settings.port == 22
                                ? QStringLiteral("ssh-keyscan %1 >> %2").arg(m_settings.host, file)
                                : QStringLiteral("ssh-keyscan -p %1 %2 >> %3")
                                      .arg(m_settings.port)
                                      .arg(m_settings.host, file);
    switch (ssh_session_is_known_server(session)) {
    case SSH_KNOWN_HOSTS_OK:
        return {};
    case SSH_KNOWN_HOSTS_CHANGED:
        return makeError(tr("host key of %1 changed: possible man-in-the-middle attack. The server "
                            "offers %2, which does not match the key recorded in %3. If the host "
                            "was really re-keyed, replace its entry (%4) after checking the new "
                            "fingerprint out of band.")
                             .arg(endpoint(), fingerprint(session), file, keyscan));
    case SSH_KNOWN_HOSTS_OTHER:
        return makeError(tr("host key of %1 changed: possible man-in-the-middle attack. The server "
                            "offers %2, but %3 records a key of another type for this host. If "
                            "the host was really re-keyed, replace its entry (%4) after checking "
                            "the new fingerprint out of band.")
                             .arg(endpoint(), fingerprint(session), file, keyscan));
    case SSH_KNOWN_HOSTS_UNKNOWN:
        return makeError(tr("host key of %1 is not in %2; add it with %3 after checking that its "
                            "fingerprint is %4")
                             .arg(endpoint(), file, keyscan, fingerprint(session)));
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        return makeError(tr("host key of %1 is not in %2 (the file does not exist); add it with %3 "
                            "after checking that its fingerprint is %4")
                             .arg(endpoint(), file, keyscan, fingerprint(session)));
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return makeError(tr("cannot check the host key of %1 against %2: %3")
                         .arg(endpoint(), file, QString::fromUtf8(ssh_get_error(session))));
}

Result<void> SshTransport::authenticate(ssh_session session) const
{
    char *rawUser = nullptr;
    QString user = m_settings.user;
    if (ssh_options_get(session, SSH_OPTIONS_USER, &rawUser) == SSH_OK) {
        user = QString::fromUtf8(rawUser);
        ssh_string_free_char(rawUser);
    }

    int rc = SSH_AUTH_ERROR;
    QString keyDescription;
    if (!m_settings.identityFile.isEmpty()) {
        const QFileInfo info(m_settings.identityFile);
        if (!info.exists())
            return makeError(tr("identity file %1 does not exist").arg(m_settings.identityFile));
        if (!info.isReadable())
            return makeError(tr("identity file %1 is not readable").arg(m_settings.identityFile));
        ssh_key rawKey = nullptr;
        const QByteArray path = QFile::encodeName(m_settings.identityFile);
        if (ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &rawKey) !=
            SSH_OK)
            return makeError(tr("cannot load the private key %1: not a private key, or protected "
                                "by a passphrase (unattended use needs a key without one, or an "
                                "agent)")
                                 .arg(m_settings.identityFile));
        const KeyPointer key(rawKey);
        keyDescription = m_settings.identityFile;
        rc = ssh_userauth_publickey(session, nullptr, key.get());
    } else {
        keyDescription = tr("the agent's and default keys");
        rc = ssh_userauth_publickey_auto(session, nullptr, nullptr);
    }

    switch (rc) {
    case SSH_AUTH_SUCCESS:
        return {};
    case SSH_AUTH_DENIED:
        return makeError(tr("%1 refused public-key authentication of %2 with %3 (is the public key "
                            "in that user's authorized_keys?)")
                             .arg(endpoint(), user, keyDescription));
    case SSH_AUTH_PARTIAL:
        return makeError(tr("%1 accepted the key of %2 but requires further authentication, which "
                            "unattended use cannot provide")
                             .arg(endpoint(), user));
    default:
        return makeError(tr("authentication of %1 on %2 failed: %3")
                             .arg(user, endpoint(), QString::fromUtf8(ssh_get_error(session))));
    }
}

Result<QByteArray> SshTransport::commandLine(const QStringList &argv,
                                             const QMap<QString, QString> &environment)
{
    if (argv.isEmpty() || argv.first().isEmpty())
        return makeError(tr("no command to run"));
    QStringList words;
    if (!environment.isEmpty()) {
        words << QStringLiteral("env");
        for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
            if (!isValidVariableName(it.key()))
                return makeError(tr("invalid environment variable name \"%1\"").arg(it.key()));
            words << shellQuote(it.key() + QLatin1Char('=') + it.value());
        }
    }
    for (const QString &argument : argv)
        words << shellQuote(argument);
    return words.join(QLatin1Char(' ')).toUtf8();
}

Result<CommandResult> SshTransport::run(const QStringList &argv, const QByteArray &standardInput,
                                        std::chrono::milliseconds timeout)
{
    const auto command = commandLine(argv, m_settings.environment);
    if (!command)
        return makeError(command.error());
    if (auto connected = connect(); !connected)
        return makeError(connected.error());
    auto result = runOnChannel(*command, argv.first(), standardInput, timeout);
    // The channel is gone by now, so the session may be freed.
    if (!result)
        dropIfBroken();
    return result;
}

Result<CommandResult> SshTransport::runOnChannel(const QByteArray &command, const QString &program,
                                                 const QByteArray &standardInput,
                                                 std::chrono::milliseconds timeout)
{
    const Clock::time_point deadline = Clock::now() + timeout;
    ssh_session session = m_session.get();

    // Declared before the channel: libssh calls back into it until the channel is freed.
    ExitState exitState;
    ssh_channel_callbacks_struct callbacks{};
    ssh_callbacks_init(&callbacks);
    callbacks.userdata = &exitState;
    callbacks.channel_exit_status_function = onExitStatus;
    callbacks.channel_exit_signal_function = onExitSignal;

    const ChannelPointer channel(ssh_channel_new(session));
    if (!channel)
        return sessionError(tr("cannot create a channel to %1").arg(endpoint()));
    ssh_set_channel_callbacks(channel.get(), &callbacks);
    if (ssh_channel_open_session(channel.get()) != SSH_OK)
        return sessionError(tr("cannot open a session channel on %1").arg(endpoint()));
    if (ssh_channel_request_exec(channel.get(), command.constData()) != SSH_OK)
        return sessionError(tr("cannot start %1 on %2").arg(program, endpoint()));
    qCDebug(lcSshTransport) << "running" << command << "on" << endpoint();

    CommandResult result;
    qsizetype written = 0;
    bool eofSent = false;
    char buffer[16 * 1024];
    const auto remaining = [&deadline] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    };
    const auto timedOut = [&]() -> Error {
        // Best effort: stop the remote process, then the channel closes with this scope.
        ssh_channel_request_send_signal(channel.get(), "TERM");
        return makeError(tr("%1 did not finish within %2 ms on %3")
                             .arg(program)
                             .arg(timeout.count())
                             .arg(endpoint()));
    };

    // Feed stdin as the remote window allows while draining stdout and stderr, so that neither
    // side blocks on a full pipe; then wait for EOF and the exit status.
    for (;;) {
        bool progressed = false;
        for (const int isStderr : {0, 1}) {
            QByteArray &target = isStderr ? result.standardError : result.standardOutput;
            for (;;) {
                const int count =
                    ssh_channel_read_nonblocking(channel.get(), buffer, sizeof(buffer), isStderr);
                if (count > 0) {
                    target.append(buffer, count);
                    progressed = true;
                } else if (count == SSH_ERROR)
                    return sessionError(
                        tr("reading the output of %1 on %2 failed").arg(program, endpoint()));
                else
                    break;
            }
        }
        // A process that exits without reading all of its input closes the channel: stop
        // feeding it; the exit status says how it ended.
        if (!eofSent && ssh_channel_is_closed(channel.get()))
            eofSent = true;
        if (!eofSent) {
            const qsizetype left = standardInput.size() - written;
            const uint32_t window = ssh_channel_window_size(channel.get());
            if (left > 0 && window > 0) {
                const uint32_t chunk =
                    uint32_t(std::min<qint64>({left, qint64(window), 256 * 1024}));
                const int sent =
                    ssh_channel_write(channel.get(), standardInput.constData() + written, chunk);
                if (sent == SSH_ERROR && !ssh_channel_is_closed(channel.get()))
                    return sessionError(
                        tr("writing the input of %1 on %2 failed").arg(program, endpoint()));
                if (sent == SSH_ERROR) {
                    eofSent = true;
                } else {
                    written += sent;
                    progressed = progressed || sent > 0;
                }
            }
            if (!eofSent && written == standardInput.size()) {
                if (ssh_channel_send_eof(channel.get()) != SSH_OK)
                    return sessionError(
                        tr("closing the input of %1 on %2 failed").arg(program, endpoint()));
                eofSent = true;
            }
        }
        const bool outputDone = ssh_channel_is_eof(channel.get());
        const bool closed = ssh_channel_is_closed(channel.get());
        if (closed && !ssh_is_connected(session))
            return sessionError(tr("%1 on %2 was interrupted").arg(program, endpoint()));
        if ((outputDone || closed) && (exitState.status || !exitState.signal.isEmpty() || closed))
            break;
        const auto left = remaining();
        if (left.count() <= 0)
            return timedOut();
        if (progressed)
            continue;
        SessionWait wait(session);
        if (!wait.wait(std::min(left, PollSlice)) || !ssh_is_connected(session))
            return sessionError(tr("%1 on %2 was interrupted").arg(program, endpoint()));
    }

    if (exitState.status) {
        result.exitCode = *exitState.status;
    } else {
        result.exitCode = -1;
        result.standardError +=
            exitState.signal.isEmpty()
                ? tr("%1 ended without an exit status").arg(program).toUtf8()
                : tr("%1 was killed by signal SIG%2").arg(program, exitState.signal).toUtf8();
    }
    return result;
}

Result<sftp_session_struct *> SshTransport::sftp()
{
    if (auto connected = connect(); !connected)
        return makeError(connected.error());
    if (m_sftp)
        return m_sftp.get();
    std::unique_ptr<sftp_session_struct, SftpDeleter> sftp(sftp_new(m_session.get()));
    if (!sftp)
        return sessionError(tr("cannot open an SFTP channel on %1").arg(endpoint()));
    if (sftp_init(sftp.get()) != SSH_OK)
        return sessionError(tr("the SFTP subsystem is not available on %1").arg(endpoint()));
    m_sftp = std::move(sftp);
    return m_sftp.get();
}

Result<void> SshTransport::makeRemoteParents(sftp_session_struct *sftp, const QString &remotePath)
{
    const qsizetype slash = remotePath.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return {};
    const QString parent = remotePath.left(slash);
    QString prefix = parent.startsWith(QLatin1Char('/')) ? QStringLiteral("/") : QString();
    const QStringList components = parent.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &component : components) {
        prefix += component;
        const QByteArray path = prefix.toUtf8();
        const AttributesPointer attributes(sftp_stat(sftp, path.constData()));
        if (attributes) {
            if (attributes->type != SSH_FILEXFER_TYPE_DIRECTORY)
                return makeError(tr("cannot create %1 on %2: %3 is not a directory")
                                     .arg(remotePath, endpoint(), prefix));
        } else if (sftp_get_error(sftp) == SSH_FX_NO_SUCH_FILE) {
            if (sftp_mkdir(sftp, path.constData(), 0755) != SSH_OK) {
                // Someone else may have created it in between.
                const AttributesPointer again(sftp_stat(sftp, path.constData()));
                if (!again || again->type != SSH_FILEXFER_TYPE_DIRECTORY)
                    return sftpError(
                        tr("cannot create the directory %1 on %2").arg(prefix, endpoint()));
            }
        } else {
            return sftpError(tr("cannot inspect %1 on %2").arg(prefix, endpoint()));
        }
        prefix += QLatin1Char('/');
    }
    return {};
}

Result<void> SshTransport::upload(const QString &localPath, const QString &remotePath)
{
    auto result = uploadTo(localPath, remotePath);
    if (!result)
        dropIfBroken();
    return result;
}

Result<void> SshTransport::uploadTo(const QString &localPath, const QString &remotePath)
{
    QFile local(localPath);
    if (!local.open(QIODevice::ReadOnly))
        return makeError(tr("cannot read %1: %2").arg(localPath, local.errorString()));
    const auto session = sftp();
    if (!session)
        return makeError(session.error());
    if (auto parents = makeRemoteParents(*session, remotePath); !parents)
        return parents;
    const QByteArray path = remotePath.toUtf8();
    SftpFilePointer file(sftp_open(*session, path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
    if (!file)
        return sftpError(tr("cannot create %1 on %2").arg(remotePath, endpoint()));
    for (;;) {
        const QByteArray chunk = local.read(LocalChunkBytes);
        if (chunk.isEmpty()) {
            if (local.error() != QFileDevice::NoError)
                return makeError(tr("cannot read %1: %2").arg(localPath, local.errorString()));
            break;
        }
        for (qsizetype offset = 0; offset < chunk.size();) {
            const size_t count = size_t(std::min<qint64>(chunk.size() - offset, SftpChunkBytes));
            const ssize_t sent = sftp_write(file.get(), chunk.constData() + offset, count);
            if (sent <= 0)
                return sftpError(tr("cannot write %1 on %2").arg(remotePath, endpoint()));
            offset += sent;
        }
    }
    // The server reports a failed close (a delayed write error) here.
    if (sftp_close(file.release()) != SSH_OK)
        return sftpError(tr("cannot write %1 on %2").arg(remotePath, endpoint()));
    return {};
}

Result<void> SshTransport::download(const QString &remotePath, const QString &localPath)
{
    auto result = downloadFrom(remotePath, localPath);
    if (!result)
        dropIfBroken();
    return result;
}

Result<void> SshTransport::downloadFrom(const QString &remotePath, const QString &localPath)
{
    const auto session = sftp();
    if (!session)
        return makeError(session.error());
    const QByteArray path = remotePath.toUtf8();
    const SftpFilePointer file(sftp_open(*session, path.constData(), O_RDONLY, 0));
    if (!file)
        return sftpError(tr("cannot open %1 on %2").arg(remotePath, endpoint()));
    if (!QDir().mkpath(QFileInfo(localPath).absolutePath()))
        return makeError(tr("cannot create the directory of %1").arg(localPath));
    // Written to a temporary file and renamed at the end: a failed download leaves no partial file.
    QSaveFile local(localPath);
    if (!local.open(QIODevice::WriteOnly))
        return makeError(tr("cannot write %1: %2").arg(localPath, local.errorString()));
    QByteArray chunk(SftpChunkBytes, Qt::Uninitialized);
    for (;;) {
        const ssize_t count = sftp_read(file.get(), chunk.data(), size_t(chunk.size()));
        if (count < 0)
            return sftpError(tr("cannot read %1 on %2").arg(remotePath, endpoint()));
        if (count == 0)
            break;
        if (local.write(chunk.constData(), count) != count)
            return makeError(tr("cannot write %1: %2").arg(localPath, local.errorString()));
    }
    if (!local.commit())
        return makeError(tr("cannot write %1: %2").arg(localPath, local.errorString()));
    return {};
}

Result<QByteArray> SshTransport::readFile(const QString &remotePath, qint64 maxBytes)
{
    auto result = readFrom(remotePath, maxBytes);
    if (!result)
        dropIfBroken();
    return result;
}

Result<QByteArray> SshTransport::readFrom(const QString &remotePath, qint64 maxBytes)
{
    if (maxBytes < 0)
        return makeError(tr("cannot read %1: negative size limit").arg(remotePath));
    const auto session = sftp();
    if (!session)
        return makeError(session.error());
    const QByteArray path = remotePath.toUtf8();
    const SftpFilePointer file(sftp_open(*session, path.constData(), O_RDONLY, 0));
    if (!file)
        return sftpError(tr("cannot open %1 on %2").arg(remotePath, endpoint()));
    QByteArray contents;
    while (contents.size() < maxBytes) {
        const qint64 wanted = std::min<qint64>(maxBytes - contents.size(), SftpChunkBytes);
        const qsizetype oldSize = contents.size();
        contents.resize(oldSize + wanted);
        const ssize_t count = sftp_read(file.get(), contents.data() + oldSize, size_t(wanted));
        if (count < 0)
            return sftpError(tr("cannot read %1 on %2").arg(remotePath, endpoint()));
        contents.resize(oldSize + count);
        if (count == 0)
            break;
    }
    return contents;
}

Result<void> SshTransport::writeFile(const QString &remotePath, const QByteArray &contents,
                                     bool executable)
{
    auto result = writeTo(remotePath, contents, executable);
    if (!result)
        dropIfBroken();
    return result;
}

Result<void> SshTransport::writeTo(const QString &remotePath, const QByteArray &contents,
                                   bool executable)
{
    const auto session = sftp();
    if (!session)
        return makeError(session.error());
    if (auto parents = makeRemoteParents(*session, remotePath); !parents)
        return parents;
    const QByteArray path = remotePath.toUtf8();
    const mode_t mode = executable ? 0700 : 0644;
    SftpFilePointer file(sftp_open(*session, path.constData(), O_WRONLY | O_CREAT | O_TRUNC, mode));
    if (!file)
        return sftpError(tr("cannot create %1 on %2").arg(remotePath, endpoint()));
    for (qsizetype offset = 0; offset < contents.size();) {
        const size_t count = size_t(std::min<qint64>(contents.size() - offset, SftpChunkBytes));
        const ssize_t sent = sftp_write(file.get(), contents.constData() + offset, count);
        if (sent <= 0)
            return sftpError(tr("cannot write %1 on %2").arg(remotePath, endpoint()));
        offset += sent;
    }
    if (sftp_close(file.release()) != SSH_OK)
        return sftpError(tr("cannot write %1 on %2").arg(remotePath, endpoint()));
    // The mode given to open applies only to a new file; an existing script must become 0700 too.
    if (executable && sftp_chmod(*session, path.constData(), 0700) != SSH_OK)
        return sftpError(tr("cannot make %1 executable on %2").arg(remotePath, endpoint()));
    return {};
}

std::unique_ptr<ISlurmTransport> makeSshTransport(const TransportSettings &settings)
{
    return std::make_unique<SshTransport>(settings);
}

} // namespace Continuo::Slurm
