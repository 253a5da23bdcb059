#include "P4RuntimeClient.h"

#include "p4/v1/p4runtime.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QStringBuilder>

#include <algorithm>

namespace Continuo::P4Runtime {

Q_LOGGING_CATEGORY(lcP4Runtime, "continuo.plugin.p4runtime")

using Clock = std::chrono::system_clock;

QString ElectionId::toString() const
{
    return high ? QString::number(high) + QLatin1Char(':') + QString::number(low) : QString::number(low);
}

QString toString(ArbitrationState state)
{
    switch (state) {
    case ArbitrationState::Primary: return QStringLiteral("primary");
    case ArbitrationState::Backup: return QStringLiteral("backup");
    case ArbitrationState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString statusCodeName(int code)
{
    static const char *const names[] = {"OK",
                                        "CANCELLED",
                                        "UNKNOWN",
                                        "INVALID_ARGUMENT",
                                        "DEADLINE_EXCEEDED",
                                        "NOT_FOUND",
                                        "ALREADY_EXISTS",
                                        "PERMISSION_DENIED",
                                        "RESOURCE_EXHAUSTED",
                                        "FAILED_PRECONDITION",
                                        "ABORTED",
                                        "OUT_OF_RANGE",
                                        "UNIMPLEMENTED",
                                        "INTERNAL",
                                        "UNAVAILABLE",
                                        "DATA_LOSS",
                                        "UNAUTHENTICATED"};
    if (code >= 0 && code < int(std::size(names)))
        return QString::fromLatin1(names[code]);
    return QStringLiteral("code %1").arg(code);
}

struct P4RuntimeClient::Stream
{
    std::unique_ptr<grpc::ClientReaderWriter<p4::v1::StreamMessageRequest, p4::v1::StreamMessageResponse>> rw;
};

struct P4RuntimeClient::StubHolder
{
    std::unique_ptr<p4::v1::P4Runtime::Stub> stub;
};

P4RuntimeClient::P4RuntimeClient(ClientOptions options) : m_options(std::move(options)) {}

P4RuntimeClient::~P4RuntimeClient()
{
    disconnect();
}

QString P4RuntimeClient::prefix() const
{
    if (m_options.name.isEmpty())
        return QStringLiteral("switch at ") + m_options.address;
    return QStringLiteral("switch ") + m_options.name + QStringLiteral(" (") + m_options.address + QLatin1Char(')');
}

static void setUint128(p4::v1::Uint128 *out, const ElectionId &id)
{
    out->set_high(id.high);
    out->set_low(id.low);
}

/// A unary call's failure in words, with what was asked.
static Error callError(const QString &prefix, const grpc::Status &status, const QString &what,
                       std::chrono::milliseconds timeout)
{
    const QString message = QString::fromStdString(status.error_message());
    switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
        return Error(prefix % QStringLiteral(" is unreachable (") % what % QStringLiteral("): ") % message);
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        return Error(prefix % QStringLiteral(" did not answer ") % what % QStringLiteral(" within ")
                     % QString::number(timeout.count()) % QStringLiteral(" ms"));
    default:
        break;
    }
    return Error(prefix % QStringLiteral(" refused ") % what % QStringLiteral(": ")
                 % statusCodeName(int(status.error_code())) % QStringLiteral(": ") % message);
}

Result<void> P4RuntimeClient::ensureChannel()
{
    if (m_channel)
        return {};
    if (m_options.address.isEmpty())
        return makeError(prefix() + QStringLiteral(": no address"));
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(-1);
    args.SetMaxSendMessageSize(-1);
    // Come back quickly when a switch restarts (gRPC's default backoff starts at 1 s, up to 120 s).
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, int(m_options.reconnectMinDelay.count()));
    args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, int(m_options.reconnectMinDelay.count()));
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, int(m_options.reconnectMaxDelay.count()));
    m_channel = grpc::CreateCustomChannel(m_options.address.toStdString(),
                                          grpc::InsecureChannelCredentials(), args);
    m_stub = std::make_unique<StubHolder>();
    m_stub->stub = p4::v1::P4Runtime::NewStub(m_channel);
    return {};
}

Result<ArbitrationState> P4RuntimeClient::connect()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_streamThread.joinable() && !m_stopping && m_state != ArbitrationState::Unknown)
            return m_state;
    }
    disconnect();
    if (auto ok = ensureChannel(); !ok)
        return makeError(ok.error());
    const auto deadline = Clock::now() + m_options.connectTimeout;
    if (!m_channel->WaitForConnected(deadline)) {
        return makeError(prefix() + QStringLiteral(" cannot be reached within %1 ms")
                                        .arg(m_options.connectTimeout.count()));
    }
    quint64 failuresBefore = 0;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
        failuresBefore = m_streamFailures;
    }
    m_streamThread = std::thread([this] { streamLoop(); });

    std::unique_lock lock(m_mutex);
    const bool answered = m_changed.wait_until(lock, deadline, [&] {
        return m_state != ArbitrationState::Unknown || m_streamFailures != failuresBefore;
    });
    if (answered && m_state != ArbitrationState::Unknown)
        return m_state;
    const QString why = answered
                            ? QString(prefix() + QStringLiteral(" ended the stream: ") + m_lastStreamError)
                            : QString(prefix() + QStringLiteral(" sent no arbitration answer within %1 ms")
                                                     .arg(m_options.connectTimeout.count()));
    lock.unlock();
    disconnect();
    return makeError(why);
}

void P4RuntimeClient::disconnect()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        if (m_streamContext)
            m_streamContext->TryCancel();
    }
    m_changed.notify_all();
    if (m_streamThread.joinable())
        m_streamThread.join();
    std::lock_guard lock(m_mutex);
    m_streamContext.reset();
    m_streamUp = false;
    m_state = ArbitrationState::Unknown;
}

void P4RuntimeClient::streamLoop()
{
    auto delay = m_options.reconnectMinDelay;
    for (;;) {
        auto context = std::make_shared<grpc::ClientContext>();
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
            m_streamContext = context;
        }
        auto stream = std::make_shared<Stream>();
        stream->rw = m_stub->stub->StreamChannel(context.get());
        p4::v1::StreamMessageRequest hello;
        p4::v1::MasterArbitrationUpdate *arbitration = hello.mutable_arbitration();
        arbitration->set_device_id(m_options.deviceId);
        setUint128(arbitration->mutable_election_id(), m_options.electionId);
        if (!m_options.role.isEmpty())
            arbitration->mutable_role()->set_name(m_options.role.toStdString());
        bool sent = false;
        {
            std::lock_guard lock(m_writeMutex);
            sent = stream->rw->Write(hello);
            if (sent)
                m_stream = stream;
        }
        if (sent) {
            {
                std::lock_guard lock(m_mutex);
                m_streamUp = true;
                m_lastStreamError.clear();
            }
            p4::v1::StreamMessageResponse message;
            while (stream->rw->Read(&message)) {
                delay = m_options.reconnectMinDelay;
                handleStreamMessage(message);
            }
        }
        {
            std::lock_guard lock(m_writeMutex);
            m_stream.reset();
        }
        const grpc::Status status = stream->rw->Finish();
        std::function<void(ArbitrationState)> handler;
        bool changed = false;
        {
            std::lock_guard lock(m_mutex);
            m_streamUp = false;
            changed = m_state != ArbitrationState::Unknown;
            m_state = ArbitrationState::Unknown;
            ++m_streamFailures;
            m_lastStreamError = statusCodeName(int(status.error_code())) + QStringLiteral(": ")
                                + QString::fromStdString(status.error_message());
            handler = m_arbitrationHandler;
            if (m_stopping) {
                m_streamContext.reset();
                m_changed.notify_all();
                return;
            }
            qCWarning(lcP4Runtime).noquote() << prefix() << "stream ended:" << m_lastStreamError
                                             << "- reconnecting in" << delay.count() << "ms";
        }
        m_changed.notify_all();
        if (changed && handler)
            handler(ArbitrationState::Unknown);
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, delay, [this] { return m_stopping; });
        if (m_stopping)
            return;
        delay = std::min(delay * 2, m_options.reconnectMaxDelay);
    }
}

void P4RuntimeClient::handleStreamMessage(const p4::v1::StreamMessageResponse &message)
{
    switch (message.update_case()) {
    case p4::v1::StreamMessageResponse::kArbitration: {
        const p4::v1::MasterArbitrationUpdate &update = message.arbitration();
        const ElectionId primary{update.election_id().high(), update.election_id().low()};
        // OK means this stream is the primary (§5.3); any error status (ALREADY_EXISTS when
        // another is primary, NOT_FOUND when none is) makes us a backup.
        const ArbitrationState state = update.status().code() == 0 && primary == m_options.electionId
                                           ? ArbitrationState::Primary
                                           : ArbitrationState::Backup;
        std::function<void(ArbitrationState)> handler;
        bool changed = false;
        {
            std::lock_guard lock(m_mutex);
            changed = state != m_state;
            m_state = state;
            m_primaryElectionId = primary;
            handler = m_arbitrationHandler;
        }
        m_changed.notify_all();
        if (changed) {
            qCInfo(lcP4Runtime).noquote() << prefix() << "is" << toString(state) << "for us (election id"
                                          << m_options.electionId.toString() << ", primary"
                                          << primary.toString() << ")";
            if (handler)
                handler(state);
        }
        break;
    }
    case p4::v1::StreamMessageResponse::kPacket: {
        std::function<void(const p4::v1::PacketIn &)> handler;
        {
            std::lock_guard lock(m_mutex);
            handler = m_packetInHandler;
        }
        if (handler)
            handler(message.packet());
        break;
    }
    case p4::v1::StreamMessageResponse::kError:
        qCWarning(lcP4Runtime).noquote()
            << prefix() << "stream error:" << statusCodeName(message.error().canonical_code())
            << QString::fromStdString(message.error().message());
        break;
    default:
        break;
    }
}

bool P4RuntimeClient::isStreamUp() const
{
    std::lock_guard lock(m_mutex);
    return m_streamUp;
}

ArbitrationState P4RuntimeClient::arbitrationState() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

ElectionId P4RuntimeClient::primaryElectionId() const
{
    std::lock_guard lock(m_mutex);
    return m_primaryElectionId;
}

bool P4RuntimeClient::waitForArbitration(ArbitrationState state, std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_state == state; });
}

QString P4RuntimeClient::lastStreamError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastStreamError;
}

void P4RuntimeClient::setPacketInHandler(std::function<void(const p4::v1::PacketIn &)> handler)
{
    std::lock_guard lock(m_mutex);
    m_packetInHandler = std::move(handler);
}

void P4RuntimeClient::setArbitrationHandler(std::function<void(ArbitrationState)> handler)
{
    std::lock_guard lock(m_mutex);
    m_arbitrationHandler = std::move(handler);
}

Result<void> P4RuntimeClient::setForwardingPipelineConfig(const p4::config::v1::P4Info &p4Info,
                                                          const QByteArray &deviceConfig, int action,
                                                          quint64 cookie)
{
    if (!m_stub)
        return makeError(prefix() + QStringLiteral(" is not connected"));
    p4::v1::SetForwardingPipelineConfigRequest request;
    request.set_device_id(m_options.deviceId);
    setUint128(request.mutable_election_id(), m_options.electionId);
    if (!m_options.role.isEmpty())
        request.set_role(m_options.role.toStdString());
    request.set_action(p4::v1::SetForwardingPipelineConfigRequest::Action(action));
    *request.mutable_config()->mutable_p4info() = p4Info;
    request.mutable_config()->set_p4_device_config(deviceConfig.constData(), size_t(deviceConfig.size()));
    if (cookie)
        request.mutable_config()->mutable_cookie()->set_cookie(cookie);
    grpc::ClientContext context;
    context.set_deadline(Clock::now() + m_options.callTimeout);
    p4::v1::SetForwardingPipelineConfigResponse response;
    const grpc::Status status = m_stub->stub->SetForwardingPipelineConfig(&context, request, &response);
    if (!status.ok())
        return callError(prefix(), status, QStringLiteral("the pipeline config"), m_options.callTimeout);
    return {};
}

Result<void> P4RuntimeClient::getForwardingPipelineConfig(p4::v1::ForwardingPipelineConfig *out, int responseType)
{
    if (!m_stub)
        return makeError(prefix() + QStringLiteral(" is not connected"));
    p4::v1::GetForwardingPipelineConfigRequest request;
    request.set_device_id(m_options.deviceId);
    request.set_response_type(p4::v1::GetForwardingPipelineConfigRequest::ResponseType(responseType));
    grpc::ClientContext context;
    context.set_deadline(Clock::now() + m_options.callTimeout);
    p4::v1::GetForwardingPipelineConfigResponse response;
    const grpc::Status status = m_stub->stub->GetForwardingPipelineConfig(&context, request, &response);
    if (!status.ok())
        return callError(prefix(), status, QStringLiteral("the pipeline config query"), m_options.callTimeout);
    out->Swap(response.mutable_config());
    return {};
}

static const char *updateTypeName(int type)
{
    switch (type) {
    case p4::v1::Update::INSERT: return "INSERT";
    case p4::v1::Update::MODIFY: return "MODIFY";
    case p4::v1::Update::DELETE: return "DELETE";
    default: return "UNSPECIFIED";
    }
}

Result<void> P4RuntimeClient::write(p4::v1::WriteRequest &request,
                                    const std::function<QString(int index)> &describe,
                                    QList<UpdateError> *errors)
{
    if (errors)
        errors->clear();
    if (!m_stub)
        return makeError(prefix() + QStringLiteral(" is not connected"));
    request.set_device_id(m_options.deviceId);
    setUint128(request.mutable_election_id(), m_options.electionId);
    if (!m_options.role.isEmpty())
        request.set_role(m_options.role.toStdString());
    grpc::ClientContext context;
    context.set_deadline(Clock::now() + m_options.callTimeout);
    p4::v1::WriteResponse response;
    const grpc::Status status = m_stub->stub->Write(&context, request, &response);
    if (status.ok())
        return {};

    // Per-update errors travel as google.rpc.Status details, one p4.v1.Error per update in
    // request order, OK for those that went in (P4Runtime 1.3 §12.3).
    google::rpc::Status details;
    QList<UpdateError> refused;
    if (!status.error_details().empty() && details.ParseFromString(status.error_details())) {
        for (int i = 0; i < details.details_size(); ++i) {
            p4::v1::Error error;
            if (!details.details(i).UnpackTo(&error) || error.canonical_code() == 0)
                continue;
            refused.append({i, error.canonical_code(), QString::fromStdString(error.message())});
        }
    }
    if (refused.isEmpty()) {
        return callError(prefix(), status,
                         QStringLiteral("a Write of %1 updates").arg(request.updates_size()),
                         m_options.callTimeout);
    }
    QString text = prefix() % QStringLiteral(" refused %1 of %2 updates: ").arg(refused.size()).arg(request.updates_size());
    constexpr int Listed = 10;
    for (int i = 0; i < std::min<int>(Listed, int(refused.size())); ++i) {
        const UpdateError &error = refused.at(i);
        QString what;
        if (describe)
            what = describe(error.index);
        else if (error.index < request.updates_size())
            what = QString::fromLatin1(updateTypeName(request.updates(error.index).type()));
        if (i)
            text += QStringLiteral("; ");
        text += QStringLiteral("update ") % QString::number(error.index)
                % (what.isEmpty() ? QString() : QString(QStringLiteral(" (") % what % QLatin1Char(')')))
                % QStringLiteral(": ") % statusCodeName(error.code) % QStringLiteral(": ") % error.message;
    }
    if (refused.size() > Listed)
        text += QStringLiteral("; and %1 more").arg(refused.size() - Listed);
    if (errors)
        *errors = std::move(refused);
    return makeError(text);
}

Result<void> P4RuntimeClient::read(p4::v1::ReadRequest &request,
                                   const std::function<void(p4::v1::ReadResponse &)> &onResponse)
{
    if (!m_stub)
        return makeError(prefix() + QStringLiteral(" is not connected"));
    request.set_device_id(m_options.deviceId);
    if (!m_options.role.isEmpty())
        request.set_role(m_options.role.toStdString());
    grpc::ClientContext context;
    context.set_deadline(Clock::now() + m_options.readTimeout);
    auto reader = m_stub->stub->Read(&context, request);
    p4::v1::ReadResponse response;
    while (reader->Read(&response)) {
        onResponse(response);
        response.Clear();
    }
    const grpc::Status status = reader->Finish();
    if (!status.ok())
        return callError(prefix(), status, QStringLiteral("a Read"), m_options.readTimeout);
    return {};
}

Result<QString> P4RuntimeClient::capabilities()
{
    if (auto ok = ensureChannel(); !ok)
        return makeError(ok.error());
    grpc::ClientContext context;
    context.set_deadline(Clock::now() + m_options.callTimeout);
    p4::v1::CapabilitiesRequest request;
    p4::v1::CapabilitiesResponse response;
    const grpc::Status status = m_stub->stub->Capabilities(&context, request, &response);
    if (!status.ok())
        return callError(prefix(), status, QStringLiteral("Capabilities"), m_options.callTimeout);
    return QString::fromStdString(response.p4runtime_api_version());
}

Result<void> P4RuntimeClient::sendPacketOut(const p4::v1::PacketOut &packet)
{
    p4::v1::StreamMessageRequest message;
    *message.mutable_packet() = packet;
    std::lock_guard lock(m_writeMutex);
    if (!m_stream)
        return makeError(prefix() + QStringLiteral(": cannot send a packet-out, the stream is down"));
    if (!m_stream->rw->Write(message))
        return makeError(prefix() + QStringLiteral(": the stream broke while sending a packet-out"));
    return {};
}

} // namespace Continuo::P4Runtime
