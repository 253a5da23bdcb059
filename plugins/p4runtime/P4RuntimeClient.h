#pragma once

#include "util/Result.h"

#include <QList>
#include <QLoggingCategory>
#include <QString>

#include <chrono>
#include <compare>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace grpc {
class Channel;
class ClientContext;
} // namespace grpc

namespace p4::config::v1 {
class P4Info;
}

namespace p4::v1 {
class ForwardingPipelineConfig;
class PacketIn;
class PacketOut;
class ReadRequest;
class ReadResponse;
class StreamMessageResponse;
class WriteRequest;
} // namespace p4::v1

namespace Continuo::P4Runtime {

Q_DECLARE_LOGGING_CATEGORY(lcP4Runtime)

/// P4Runtime's 128-bit election id (Uint128). Higher wins arbitration.
struct ElectionId
{
    quint64 high = 0;
    quint64 low = 0;
    auto operator<=>(const ElectionId &) const = default;
    QString toString() const; ///< "42", or "1:42" when the high half is set.
};

/// Where this client stands in master arbitration (P4Runtime 1.3 §5).
enum class ArbitrationState {
    Unknown = 0, ///< No stream, or no answer yet.
    Primary,     ///< The switch answered OK with our election id: writes are accepted.
    Backup,      ///< Another controller has a higher election id (or none is primary).
};
QString toString(ArbitrationState state);

struct ClientOptions
{
    QString name;        ///< For messages: the switch id ("s1").
    QString address;     ///< "host:port" ("127.0.0.1:9559").
    quint64 deviceId = 1;
    ElectionId electionId{0, 1};
    QString role;        ///< Empty: the default role (full pipeline access).
    std::chrono::milliseconds connectTimeout{3000};
    std::chrono::milliseconds callTimeout{10000};   ///< Deadline of every unary call.
    std::chrono::milliseconds readTimeout{60000};   ///< Deadline of a whole Read stream.
    std::chrono::milliseconds reconnectMinDelay{100};
    std::chrono::milliseconds reconnectMaxDelay{2000};
};

/// One update a Write refused (from the p4.v1.Error details of the call's status).
struct UpdateError
{
    int index = 0;        ///< Position of the update in the request.
    int code = 0;         ///< gRPC canonical code (grpc::StatusCode).
    QString message;
};

/// The gRPC canonical code name ("ALREADY_EXISTS").
QString statusCodeName(int code);

/// A P4Runtime v1 client for one device: the StreamChannel (master arbitration, packet-in/out)
/// runs on its own thread and reconnects with backoff after the stream breaks; unary calls
/// (Write, Read, pipeline config, Capabilities) run on the caller's thread with a deadline each.
/// Thread-safe: calls from several threads go out concurrently (gRPC multiplexes them), the
/// stream's writes are serialised.
class P4RuntimeClient
{
public:
    explicit P4RuntimeClient(ClientOptions options);
    ~P4RuntimeClient();
    P4RuntimeClient(const P4RuntimeClient &) = delete;
    P4RuntimeClient &operator=(const P4RuntimeClient &) = delete;

    const ClientOptions &options() const { return m_options; }

    /// Open the channel, start the stream and send our arbitration update; returns when the
    /// switch has answered (Primary or Backup). Fails when the switch cannot be reached within
    /// connectTimeout or ends the stream (wrong device id, duplicate election id). After a
    /// success the stream is kept up (re-opened after failures) until disconnect().
    Result<ArbitrationState> connect();
    void disconnect();

    bool isStreamUp() const;
    ArbitrationState arbitrationState() const;
    /// The highest election id the switch has seen (from its last arbitration update).
    ElectionId primaryElectionId() const;
    /// Wait until the arbitration state is `state`; false on timeout.
    bool waitForArbitration(ArbitrationState state, std::chrono::milliseconds timeout) const;
    /// Why the stream last ended (empty while it is up).
    QString lastStreamError() const;

    /// SetForwardingPipelineConfig. `action` is SetForwardingPipelineConfigRequest::Action
    /// (3 = VERIFY_AND_COMMIT).
    Result<void> setForwardingPipelineConfig(const p4::config::v1::P4Info &p4Info,
                                             const QByteArray &deviceConfig, int action = 3,
                                             quint64 cookie = 0);
    /// GetForwardingPipelineConfig; `responseType` is GetForwardingPipelineConfigRequest::ResponseType.
    Result<void> getForwardingPipelineConfig(p4::v1::ForwardingPipelineConfig *out, int responseType = 0);

    /// Send one Write. device_id, election_id and role are filled in here; the updates and the
    /// atomicity are the caller's. On failure the message lists every refused update (at most
    /// 10, then a count) as "update 3 (<describe(3)>): ALREADY_EXISTS: <switch's message>";
    /// `errors` receives all of them.
    Result<void> write(p4::v1::WriteRequest &request,
                       const std::function<QString(int index)> &describe = {},
                       QList<UpdateError> *errors = nullptr);

    /// Send one Read (device_id and role filled in here) and hand every response of the stream
    /// to `onResponse` as it arrives.
    Result<void> read(p4::v1::ReadRequest &request,
                      const std::function<void(p4::v1::ReadResponse &)> &onResponse);

    /// The P4Runtime API version the switch implements ("1.3.0").
    Result<QString> capabilities();

    /// Send a packet-out on the stream. Fails when the stream is down.
    Result<void> sendPacketOut(const p4::v1::PacketOut &packet);
    /// Called on the stream thread for every packet-in. Set before connect().
    void setPacketInHandler(std::function<void(const p4::v1::PacketIn &)> handler);
    /// Called on the stream thread whenever the arbitration state changes.
    void setArbitrationHandler(std::function<void(ArbitrationState)> handler);

private:
    void streamLoop();
    void handleStreamMessage(const p4::v1::StreamMessageResponse &message);
    QString prefix() const; ///< "switch s1 (127.0.0.1:9559)"
    Result<void> ensureChannel();

    struct Stream;
    const ClientOptions m_options;
    std::shared_ptr<grpc::Channel> m_channel;
    struct StubHolder;
    std::unique_ptr<StubHolder> m_stub;

    mutable std::mutex m_mutex;              // guards the state below
    mutable std::condition_variable m_changed;
    ArbitrationState m_state = ArbitrationState::Unknown;
    ElectionId m_primaryElectionId;
    bool m_streamUp = false;
    bool m_stopping = false;
    quint64 m_streamFailures = 0;
    QString m_lastStreamError;
    std::shared_ptr<grpc::ClientContext> m_streamContext;
    std::function<void(const p4::v1::PacketIn &)> m_packetInHandler;
    std::function<void(ArbitrationState)> m_arbitrationHandler;

    std::mutex m_writeMutex;                 // serialises writes on the stream
    std::shared_ptr<Stream> m_stream;        // guarded by m_writeMutex
    std::thread m_streamThread;
};

} // namespace Continuo::P4Runtime
