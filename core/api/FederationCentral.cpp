#include "api/FederationCentral.h"

#include "ContinuoVersion.h"
#include "api/FederationForwarding.h"
#include "api/GrpcServer.h"
#include "api/ProtoConvert.h"
#include "engine/Engine.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/PlacementModel.h"
#include "orchestration/ResourceQuery.h"
#include "plugin/IPluginHost.h"
#include "telemetry/TelemetryHub.h"
#include "util/Logging.h"

#include "continuo/v1/federation.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDateTime>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace Continuo::Api {

namespace {

using grpc::ServerContext;
using grpc::Status;
using grpc::StatusCode;
using SessionStream = grpc::ServerReaderWriter<v1::CentralMessage, v1::AgentMessage>;

constexpr int MaxAgentIdLength = 128;
constexpr int MaxSelectors = 64;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::string newId(const char *prefix)
{
    return std::string(prefix)
           + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8).toStdString();
}

Status error(StatusCode code, const QString &message)
{
    return Status(code, message.toStdString());
}

Status shuttingDown()
{
    return Status(StatusCode::UNAVAILABLE, "the central is shutting down");
}

bool isValidAgentId(const std::string &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    return !id.empty() && id.size() <= MaxAgentIdLength
           && pattern.match(QString::fromStdString(id)).hasMatch();
}

/// Parse selectors the way the agent will, so an operator hears about typos from the central.
Status checkSelectors(const google::protobuf::RepeatedPtrField<std::string> &selectors)
{
    if (selectors.empty())
        return Status(StatusCode::INVALID_ARGUMENT, "no series selector given");
    if (selectors.size() > MaxSelectors)
        return Status(StatusCode::INVALID_ARGUMENT, "too many series selectors");
    for (const auto &selector : selectors) {
        const QString text = QString::fromStdString(selector);
        if (auto parsed = SeriesMatcher::parse(text); !parsed)
            return error(StatusCode::INVALID_ARGUMENT,
                         QStringLiteral("bad series selector \"%1\": %2").arg(text, parsed.error()));
    }
    return Status::OK;
}

template<typename F>
struct ScopeExit
{
    F function;
    ~ScopeExit() { function(); }
};
template<typename F>
ScopeExit(F) -> ScopeExit<F>;

/// Where peers reach an agent: the HOST:PORT it announced, except that a wildcard host, or a
/// loopback host while it connects from elsewhere, becomes the host it connects from (gRPC's
/// peer text: "ipv4:10.0.0.2:41234", "ipv6:[fd00::2]:41234", possibly percent-encoded).
std::string probeAddressOf(const std::string &announced, const std::string &peer)
{
    if (announced.empty())
        return {};
    auto hostPort = parseHostPort(QString::fromStdString(announced));
    if (!hostPort || hostPort->second <= 0)
        return {};
    QString host = hostPort->first;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QString peerHost = QUrl::fromPercentEncoding(QByteArray::fromStdString(peer));
    if (peerHost.startsWith(QLatin1String("ipv4:")) || peerHost.startsWith(QLatin1String("ipv6:"))) {
        peerHost = peerHost.mid(5);
        peerHost = peerHost.left(peerHost.lastIndexOf(QLatin1Char(':')));
        if (peerHost.startsWith(QLatin1Char('[')) && peerHost.endsWith(QLatin1Char(']')))
            peerHost = peerHost.mid(1, peerHost.size() - 2);
    } else {
        peerHost.clear();
    }
    const QHostAddress announcedAddress(host);
    const QHostAddress peerAddress(peerHost);
    const bool wildcard = host.isEmpty() || announcedAddress == QHostAddress(QHostAddress::AnyIPv4)
                          || announcedAddress == QHostAddress(QHostAddress::AnyIPv6);
    const bool unreachableLoopback = announcedAddress.isLoopback() && !peerAddress.isNull() && !peerAddress.isLoopback();
    if (wildcard || unreachableLoopback) {
        if (peerAddress.isNull())
            return {};
        host = peerHost;
    }
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QString(host + QLatin1Char(':') + QString::number(hostPort->second)).toStdString();
}

Event agentEvent(const v1::AgentInfo &agent, bool up, const QString &why)
{
    const QString id = QString::fromStdString(agent.agent_id());
    Event event;
    event.type = QLatin1String(EventTypes::TelemetryAgent);
    event.severity = up ? EventSeverity::Info : EventSeverity::Warning;
    event.source = QStringLiteral("federation");
    event.subjectId = id;
    event.message = up ? QStringLiteral("Agent %1 on %2 is UP (%3 nodes, %4 series)%5")
                             .arg(id, QString::fromStdString(agent.host_name()))
                             .arg(agent.node_ids_size())
                             .arg(agent.series_count())
                             .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why)
                       : QStringLiteral("Agent %1 is DOWN: %2").arg(id, why);
    event.payload = {{QStringLiteral("id"), id},
                     {QStringLiteral("status"), up ? QStringLiteral("UP") : QStringLiteral("DOWN")}};
    return event;
}

} // namespace

/// One open Session stream. Operator threads write commands into it while its handler thread
/// reads (gRPC allows one reader and one writer at a time); writes are serialised, and none
/// happens once the handler has returned.
struct FederationCentral::SessionLink
{
    std::mutex writeMutex;
    SessionStream *stream = nullptr;
    ServerContext *context = nullptr;

    bool write(const v1::CentralMessage &message)
    {
        std::lock_guard lock(writeMutex);
        return stream && stream->Write(message);
    }
    void cancel()
    {
        std::lock_guard lock(writeMutex);
        if (context)
            context->TryCancel();
    }
    void close()
    {
        std::lock_guard lock(writeMutex);
        stream = nullptr;
        context = nullptr;
    }
};

struct FederationCentral::PendingCommand
{
    std::string agentId;
    bool done = false;
    v1::CommandResult result;
    std::chrono::steady_clock::time_point answeredAt; ///< When the result arrived.
};

struct FederationCentral::AgentRecord
{
    v1::AgentInfo info; ///< connected and rules are filled in when reported.
    qint64 leaseMs = 0;
    std::shared_ptr<SessionLink> link;
    std::map<std::string, v1::ForwardingRule> rules; ///< By id; what to send again on reconnect.

    void pruneRules(qint64 now)
    {
        std::erase_if(rules, [now](const auto &entry) {
            return entry.second.expires_at_ms() > 0 && entry.second.expires_at_ms() <= now;
        });
    }
};

class FederationCentral::Service final : public v1::Federation::Service
{
public:
    explicit Service(FederationCentral *central) : m_central(central) {}

    Status Register(ServerContext *context, const v1::RegisterRequest *request,
                    v1::RegisterResponse *response) override
    {
        if (!isValidAgentId(request->agent_id()))
            return Status(StatusCode::INVALID_ARGUMENT,
                          "the agent id must be 1..128 letters, digits, '.', '_' or '-'");
        const auto requested = std::chrono::milliseconds(request->heartbeat_interval_ms());
        const auto heartbeat = requested.count() <= 0
                                   ? DefaultHeartbeatInterval
                                   : std::clamp(requested, MinimumHeartbeatInterval,
                                                MaximumHeartbeatInterval);
        const std::string sessionId = newId("") + newId("-");
        const qint64 now = nowMs();

        std::shared_ptr<SessionLink> previousLink;
        v1::AgentInfo snapshot;
        std::string previousPeer;
        bool wasUp = false;
        {
            std::lock_guard lock(m_central->m_mutex);
            if (m_central->m_shutDown)
                return shuttingDown();
            auto &record = m_central->m_agents[request->agent_id()];
            if (!record)
                record = std::make_unique<AgentRecord>();
            wasUp = record->info.status() == v1::AGENT_STATUS_UP;
            const std::string probeAddress = probeAddressOf(request->probe_address(), context->peer());
            const std::string siteId = request->site_id().empty() ? request->agent_id() : request->site_id();
            if (!wasUp || record->info.probe_address() != probeAddress || record->info.site_id() != siteId)
                ++m_central->m_planRevision;
            record->info.set_probe_address(probeAddress);
            record->info.set_site_id(siteId);
            // A newer registration replaces the previous session (the agent restarted or lost
            // its connection): that session's stream ends, its id is no longer accepted.
            m_central->m_sessions.erase(record->info.session_id());
            previousLink = std::move(record->link);
            previousPeer = record->info.peer();
            auto &info = record->info;
            info.set_agent_id(request->agent_id());
            info.set_host_name(request->host_name());
            info.set_version(request->version());
            info.set_status(v1::AGENT_STATUS_UP);
            info.set_session_id(sessionId);
            info.set_registered_at_ms(now);
            info.set_last_seen_ms(now);
            info.set_heartbeat_interval_ms(heartbeat.count());
            info.set_forward_interval_ms(request->forward_interval_ms());
            *info.mutable_node_ids() = request->node_ids();
            *info.mutable_capabilities() = request->capabilities();
            info.set_series_count(request->series_count());
            info.set_streamed_series(0);
            info.set_samples_received_total(0);
            info.set_peer(context->peer());
            record->leaseMs = heartbeat.count() * LeaseHeartbeats;
            m_central->m_sessions[sessionId] = request->agent_id();
            snapshot = info;
        }
        if (previousLink) {
            // Two live agents with one id would keep replacing each other's session: say so.
            const auto hostOf = [](const std::string &peer) { return peer.substr(0, peer.rfind(':')); };
            if (hostOf(previousPeer) != hostOf(context->peer()))
                qCWarning(lcApi).noquote()
                    << "agent id" << QString::fromStdString(request->agent_id())
                    << "registered from" << QString::fromStdString(context->peer())
                    << "while connected from" << QString::fromStdString(previousPeer)
                    << "- are two agents using one id?";
            previousLink->cancel();
        }

        response->set_session_id(sessionId);
        response->set_heartbeat_interval_ms(heartbeat.count());
        response->set_lease_ms(heartbeat.count() * LeaseHeartbeats);
        response->set_central_version(Version);
        if (wasUp) {
            qCInfo(lcApi).noquote() << "agent" << QString::fromStdString(request->agent_id())
                                    << "registered again from" << QString::fromStdString(context->peer());
        } else {
            qCInfo(lcApi).noquote() << "agent" << QString::fromStdString(request->agent_id())
                                    << "registered from" << QString::fromStdString(context->peer());
            if (m_central->m_host)
                m_central->m_host->publishEvent(agentEvent(snapshot, true, {}));
        }
        return Status::OK;
    }

    Status Session(ServerContext *context, SessionStream *stream) override
    {
        v1::AgentMessage message;
        if (!stream->Read(&message))
            return Status::CANCELLED;
        if (message.message_case() != v1::AgentMessage::kOpen)
            return Status(StatusCode::INVALID_ARGUMENT, "a session starts with SessionOpen");
        const std::string sessionId = message.open().session_id();

        auto link = std::make_shared<SessionLink>();
        link->stream = stream;
        link->context = context;
        ScopeExit closeLink{[link] { link->close(); }};

        std::string agentId;
        std::shared_ptr<SessionLink> previousLink;
        std::vector<v1::ForwardingRule> resend;
        {
            std::lock_guard lock(m_central->m_mutex);
            if (m_central->m_shutDown)
                return shuttingDown();
            auto session = m_central->m_sessions.find(sessionId);
            if (session == m_central->m_sessions.end())
                return Status(StatusCode::FAILED_PRECONDITION, "unknown session; register again");
            agentId = session->second;
            auto &record = m_central->m_agents.at(agentId);
            previousLink = std::exchange(record->link, link);
            record->info.set_last_seen_ms(nowMs());
            record->pruneRules(nowMs());
            for (const auto &[id, rule] : record->rules)
                resend.push_back(rule);
        }
        if (previousLink)
            previousLink->cancel();
        ScopeExit detach{[this, &agentId, link] {
            std::lock_guard lock(m_central->m_mutex);
            auto it = m_central->m_agents.find(agentId);
            if (it != m_central->m_agents.end() && it->second->link == link)
                it->second->link.reset();
            // A FindResources waiting for this agent need not wait out its timeout.
            m_central->m_commandDone.notify_all();
        }};

        // What the central asked this agent for outlives the agent's process: send it again.
        for (const auto &rule : resend) {
            v1::CentralMessage command;
            command.mutable_command()->set_command_id(newId("c-"));
            const qint64 left = rule.expires_at_ms() == 0 ? 0 : std::max<qint64>(1, rule.expires_at_ms() - nowMs());
            if (rule.kind() == v1::FORWARDING_RULE_KIND_STREAM) {
                auto *open = command.mutable_command()->mutable_open_stream();
                open->set_stream_id(rule.id());
                *open->mutable_selectors() = rule.selectors();
                open->set_expires_in_ms(left);
            } else {
                auto *rate = command.mutable_command()->mutable_set_rate();
                rate->set_rule_id(rule.id());
                *rate->mutable_selectors() = rule.selectors();
                rate->set_interval_ms(rule.interval_ms());
                rate->set_expires_in_ms(left);
            }
            if (!link->write(command))
                return Status::CANCELLED;
        }
        // Whom to measure: now, and again after a heartbeat whenever it changed.
        qint64 sentPlanRevision = 0;
        const auto sendPlanIfChanged = [&]() {
            v1::CentralMessage plan;
            {
                std::lock_guard lock(m_central->m_mutex);
                if (m_central->m_planRevision == sentPlanRevision)
                    return true;
                sentPlanRevision = m_central->m_planRevision;
                *plan.mutable_probe_plan() = m_central->probePlanLocked(agentId);
            }
            return link->write(plan);
        };
        if (!sendPlanIfChanged())
            return Status::CANCELLED;

        while (stream->Read(&message)) {
            v1::CentralMessage reply;
            {
                std::lock_guard lock(m_central->m_mutex);
                auto it = m_central->m_agents.find(agentId);
                if (it == m_central->m_agents.end() || it->second->link != link
                    || it->second->info.session_id() != sessionId)
                    return Status(StatusCode::FAILED_PRECONDITION,
                                  "the session was replaced or expired; register again");
                auto &info = it->second->info;
                info.set_last_seen_ms(nowMs());
                switch (message.message_case()) {
                case v1::AgentMessage::kHeartbeat: {
                    const auto &heartbeat = message.heartbeat();
                    info.set_series_count(heartbeat.series_count());
                    info.set_streamed_series(heartbeat.streamed_series());
                    if (heartbeat.node_ids_changed())
                        *info.mutable_node_ids() = heartbeat.node_ids();
                    reply.mutable_heartbeat_ack()->set_timestamp_ms(nowMs());
                    reply.mutable_heartbeat_ack()->set_samples_received_total(
                        info.samples_received_total());
                    break;
                }
                case v1::AgentMessage::kResult: {
                    auto pending = m_central->m_pending.find(message.result().command_id());
                    if (pending != m_central->m_pending.end() && pending->second->agentId == agentId) {
                        pending->second->done = true;
                        pending->second->result = message.result();
                        pending->second->answeredAt = std::chrono::steady_clock::now();
                        m_central->m_commandDone.notify_all();
                    }
                    break;
                }
                default:
                    return Status(StatusCode::INVALID_ARGUMENT, "unexpected message in a session");
                }
            }
            if (reply.message_case() != v1::CentralMessage::MESSAGE_NOT_SET && !link->write(reply))
                return Status::CANCELLED;
            if (message.message_case() == v1::AgentMessage::kHeartbeat && !sendPlanIfChanged())
                return Status::CANCELLED;
        }
        return context->IsCancelled() ? Status::CANCELLED : Status::OK;
    }

    Status PushSamples(ServerContext *context, grpc::ServerReader<v1::PushSamplesRequest> *reader,
                       v1::PushSamplesResponse *response) override
    {
        v1::PushSamplesRequest request;
        QList<SeriesBatch> batches;
        while (reader->Read(&request)) {
            std::string agentId;
            {
                std::lock_guard lock(m_central->m_mutex);
                if (m_central->m_shutDown)
                    return shuttingDown();
                auto session = m_central->m_sessions.find(request.session_id());
                if (session == m_central->m_sessions.end())
                    return Status(StatusCode::FAILED_PRECONDITION, "unknown session; register again");
                agentId = session->second;
            }
            const QString agentLabel = QString::fromStdString(agentId);
            batches.clear();
            batches.reserve(request.series_size());
            qint64 samples = 0;
            qint64 rejected = 0;
            for (const auto &series : request.series()) {
                SeriesBatch batch = fromProto(series);
                if (batch.metric.isEmpty() || batch.samples.isEmpty()) {
                    rejected += std::max<qint64>(1, batch.samples.size());
                    continue;
                }
                // A lower tier's series keep the agent they came from.
                if (!batch.labels.contains(QLatin1String(Preaggregator::AgentLabel)))
                    batch.labels.insert(QLatin1String(Preaggregator::AgentLabel), agentLabel);
                samples += batch.samples.size();
                batches.append(std::move(batch));
            }
            if (m_central->m_host && !batches.isEmpty())
                m_central->m_host->ingestSamples(batches);
            response->set_messages_received(response->messages_received() + 1);
            response->set_series_received(response->series_received() + request.series_size());
            response->set_samples_received(response->samples_received() + samples);
            response->set_samples_rejected(response->samples_rejected() + rejected);
            std::lock_guard lock(m_central->m_mutex);
            auto it = m_central->m_agents.find(agentId);
            if (it != m_central->m_agents.end() && it->second->info.session_id() == request.session_id()) {
                it->second->info.set_last_seen_ms(nowMs());
                it->second->info.set_samples_received_total(
                    it->second->info.samples_received_total() + samples);
            }
        }
        return context->IsCancelled() ? Status::CANCELLED : Status::OK;
    }

    Status ListAgents(ServerContext *, const v1::ListAgentsRequest *,
                      v1::ListAgentsResponse *response) override
    {
        *response = m_central->agents();
        return Status::OK;
    }

    Status SetAgentRate(ServerContext *context, const v1::SetAgentRateRequest *request,
                        v1::SetAgentRateResponse *response) override
    {
        if (Status checked = checkSelectors(request->selectors()); !checked.ok())
            return checked;
        if (request->interval_ms() <= 0)
            return Status(StatusCode::INVALID_ARGUMENT, "the interval must be positive");
        if (request->duration_ms() < 0)
            return Status(StatusCode::INVALID_ARGUMENT, "the duration must not be negative");
        v1::ForwardingRule rule;
        rule.set_id(newId("r-"));
        rule.set_kind(v1::FORWARDING_RULE_KIND_RATE);
        *rule.mutable_selectors() = request->selectors();
        rule.set_interval_ms(request->interval_ms());
        rule.set_expires_at_ms(request->duration_ms() == 0 ? 0 : nowMs() + request->duration_ms());

        v1::AgentCommand command;
        auto *rate = command.mutable_set_rate();
        rate->set_rule_id(rule.id());
        *rate->mutable_selectors() = rule.selectors();
        rate->set_interval_ms(rule.interval_ms());
        rate->set_expires_in_ms(request->duration_ms());
        v1::CommandResult result;
        if (Status sent = send(context, request->agent_id(), command, &result); !sent.ok())
            return sent;
        remember(request->agent_id(), rule);
        response->set_rule_id(rule.id());
        response->set_matched_series(result.matched_series());
        response->set_expires_at_ms(rule.expires_at_ms());
        return Status::OK;
    }

    Status OpenAgentStream(ServerContext *context, const v1::OpenAgentStreamRequest *request,
                           v1::OpenAgentStreamResponse *response) override
    {
        if (Status checked = checkSelectors(request->selectors()); !checked.ok())
            return checked;
        if (request->duration_ms() < 0)
            return Status(StatusCode::INVALID_ARGUMENT, "the duration must not be negative");
        v1::ForwardingRule rule;
        rule.set_id(newId("s-"));
        rule.set_kind(v1::FORWARDING_RULE_KIND_STREAM);
        *rule.mutable_selectors() = request->selectors();
        rule.set_expires_at_ms(request->duration_ms() == 0 ? 0 : nowMs() + request->duration_ms());

        v1::AgentCommand command;
        auto *open = command.mutable_open_stream();
        open->set_stream_id(rule.id());
        *open->mutable_selectors() = rule.selectors();
        open->set_expires_in_ms(request->duration_ms());
        v1::CommandResult result;
        if (Status sent = send(context, request->agent_id(), command, &result); !sent.ok())
            return sent;
        remember(request->agent_id(), rule);
        response->set_stream_id(rule.id());
        response->set_matched_series(result.matched_series());
        response->set_expires_at_ms(rule.expires_at_ms());
        return Status::OK;
    }

    Status CloseAgentStream(ServerContext *context, const v1::CloseAgentStreamRequest *request,
                            v1::CloseAgentStreamResponse *) override
    {
        if (request->stream_id().empty())
            return Status(StatusCode::INVALID_ARGUMENT, "no stream id given");
        bool known = false;
        bool connected = false;
        {
            std::lock_guard lock(m_central->m_mutex);
            auto it = m_central->m_agents.find(request->agent_id());
            if (it == m_central->m_agents.end())
                return error(StatusCode::NOT_FOUND, QStringLiteral("no agent \"%1\"")
                                                        .arg(QString::fromStdString(request->agent_id())));
            known = it->second->rules.erase(request->stream_id()) > 0;
            connected = it->second->link != nullptr;
        }
        // Forgotten here, it is not sent again; an agent that is away has lost it already.
        if (!connected && known)
            return Status::OK;
        v1::AgentCommand command;
        command.mutable_close_stream()->set_stream_id(request->stream_id());
        v1::CommandResult result;
        Status sent = send(context, request->agent_id(), command, &result);
        if (!sent.ok() && sent.error_code() == StatusCode::FAILED_PRECONDITION)
            return Status(known ? StatusCode::OK : StatusCode::NOT_FOUND, sent.error_message());
        return sent;
    }

private:
    /// Send a command on the agent's session and wait for its result.
    Status send(ServerContext *context, const std::string &agentId, v1::AgentCommand command,
                v1::CommandResult *result)
    {
        const QString agentName = QString::fromStdString(agentId);
        auto pending = std::make_shared<PendingCommand>();
        pending->agentId = agentId;
        command.set_command_id(newId("c-"));
        std::shared_ptr<SessionLink> link;
        {
            std::lock_guard lock(m_central->m_mutex);
            if (m_central->m_shutDown)
                return shuttingDown();
            auto it = m_central->m_agents.find(agentId);
            if (it == m_central->m_agents.end())
                return error(StatusCode::NOT_FOUND, QStringLiteral("no agent \"%1\"").arg(agentName));
            link = it->second->link;
            if (!link)
                return error(StatusCode::UNAVAILABLE,
                             QStringLiteral("agent %1 is not connected").arg(agentName));
            m_central->m_pending[command.command_id()] = pending;
        }
        ScopeExit forget{[this, id = command.command_id()] {
            std::lock_guard lock(m_central->m_mutex);
            m_central->m_pending.erase(id);
        }};
        v1::CentralMessage message;
        *message.mutable_command() = command;
        if (!link->write(message))
            return error(StatusCode::UNAVAILABLE,
                         QStringLiteral("agent %1 disconnected").arg(agentName));
        auto deadline = std::chrono::system_clock::now() + CommandTimeout;
        deadline = std::min(deadline, context->deadline());
        std::unique_lock lock(m_central->m_mutex);
        m_central->m_commandDone.wait_until(lock, deadline, [&] {
            return pending->done || m_central->m_shutDown || context->IsCancelled();
        });
        if (!pending->done) {
            if (m_central->m_shutDown)
                return shuttingDown();
            return error(StatusCode::DEADLINE_EXCEEDED,
                         QStringLiteral("agent %1 did not answer in time").arg(agentName));
        }
        *result = pending->result;
        if (!result->ok())
            return error(StatusCode::FAILED_PRECONDITION,
                         QStringLiteral("agent %1 refused: %2")
                             .arg(agentName, QString::fromStdString(result->message())));
        return Status::OK;
    }

    void remember(const std::string &agentId, const v1::ForwardingRule &rule)
    {
        std::lock_guard lock(m_central->m_mutex);
        auto it = m_central->m_agents.find(agentId);
        if (it != m_central->m_agents.end())
            it->second->rules[rule.id()] = rule;
    }

    FederationCentral *m_central;
};

FederationCentral::FederationCentral(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_service(std::make_unique<Service>(this))
    , m_engine(engine)
    , m_host(engine ? engine->pluginHost() : nullptr)
{
    m_livenessTimer.setInterval(std::chrono::milliseconds(200));
    connect(&m_livenessTimer, &QTimer::timeout, this, &FederationCentral::checkLiveness);
    m_livenessTimer.start();
    if (m_engine) {
        connect(m_engine, &Engine::inventoryChanged, this, &FederationCentral::updateSiteTopology);
        updateSiteTopology();
    }
}

FederationCentral::~FederationCentral()
{
    shutdown();
}

grpc::Service *FederationCentral::service() const
{
    return m_service.get();
}

void FederationCentral::shutdown()
{
    std::vector<std::shared_ptr<SessionLink>> links;
    {
        std::lock_guard lock(m_mutex);
        if (m_shutDown)
            return;
        m_shutDown = true;
        for (auto &[id, record] : m_agents) {
            if (record->link)
                links.push_back(record->link);
        }
        m_commandDone.notify_all();
    }
    for (auto &link : links)
        link->cancel();
}

v1::ListAgentsResponse FederationCentral::agents() const
{
    v1::ListAgentsResponse response;
    const qint64 now = nowMs();
    std::lock_guard lock(m_mutex);
    for (const auto &[id, record] : m_agents) {
        auto *info = response.add_agents();
        *info = record->info;
        info->set_connected(record->link != nullptr);
        for (const auto &[ruleId, rule] : record->rules) {
            if (rule.expires_at_ms() == 0 || rule.expires_at_ms() > now)
                *info->add_rules() = rule;
        }
    }
    return response;
}

void FederationCentral::checkLiveness()
{
    const qint64 now = nowMs();
    std::vector<Event> events;
    std::vector<std::shared_ptr<SessionLink>> silent;
    {
        std::lock_guard lock(m_mutex);
        for (auto &[id, record] : m_agents) {
            record->pruneRules(now);
            auto &info = record->info;
            if (info.status() != v1::AGENT_STATUS_UP || now - info.last_seen_ms() <= record->leaseMs)
                continue;
            info.set_status(v1::AGENT_STATUS_DOWN);
            ++m_planRevision; // another agent of its site takes over its probes
            // Its session is over: if it is still there after all, it registers again (UP).
            m_sessions.erase(info.session_id());
            if (record->link)
                silent.push_back(record->link);
            events.push_back(agentEvent(info, false,
                                        QStringLiteral("nothing heard for %1 ms (%2 heartbeats)")
                                            .arg(now - info.last_seen_ms())
                                            .arg(LeaseHeartbeats)));
        }
    }
    for (auto &link : silent)
        link->cancel();
    for (auto &event : events) {
        qCWarning(lcApi).noquote() << event.message;
        if (m_engine)
            m_engine->publishEvent(event);
    }
}

void FederationCentral::updateSiteTopology()
{
    if (!m_engine)
        return;
    const Inventory &inventory = m_engine->inventory();
    const auto siteOf = [&inventory](const QString &endpoint) {
        if (const Switch *device = inventory.find<Switch>(endpoint))
            return device->siteId;
        if (const Node *node = inventory.find<Node>(endpoint))
            return node->siteId;
        return QString();
    };
    std::map<std::pair<std::string, std::string>, std::string> siteLinks;
    std::map<std::string, std::pair<bool, std::string>> endpoints; // site → (is a switch, id)
    const auto &links = inventory.all<Link>();
    for (auto it = links.cbegin(); it != links.cend(); ++it) {
        const std::string a = siteOf(it->a.id).toStdString();
        const std::string b = siteOf(it->b.id).toStdString();
        const std::string id = it->id.toStdString();
        if (!a.empty() && !b.empty() && a != b) {
            // Several links between two sites: the smallest id stands for the pair.
            for (const auto &key : {std::pair{a, b}, std::pair{b, a}}) {
                auto existing = siteLinks.find(key);
                if (existing == siteLinks.end() || id < existing->second)
                    siteLinks[key] = id;
            }
        }
        // A site's end of measured paths: a switch on a link if it has one (smallest id),
        // else a node on a link.
        for (const LinkEndpoint *end : {&it->a, &it->b}) {
            const std::string site = siteOf(end->id).toStdString();
            if (site.empty())
                continue;
            const bool isSwitch = inventory.find<Switch>(end->id) != nullptr;
            const std::string endpoint = end->id.toStdString();
            auto existing = endpoints.find(site);
            if (existing == endpoints.end() || (isSwitch && !existing->second.first)
                || (isSwitch == existing->second.first && endpoint < existing->second.second))
                endpoints[site] = {isSwitch, endpoint};
        }
    }
    std::map<std::string, std::string> siteEndpoints;
    for (const auto &[site, endpoint] : endpoints)
        siteEndpoints[site] = endpoint.second;
    std::lock_guard lock(m_mutex);
    if (siteLinks == m_siteLinks && siteEndpoints == m_siteEndpoints)
        return;
    m_siteLinks = std::move(siteLinks);
    m_siteEndpoints = std::move(siteEndpoints);
    ++m_planRevision;
}

v1::FindResourcesResponse FederationCentral::findOnAgents(const std::string &query, int limit,
                                                           grpc::ServerContext *context)
{
    v1::FindResourcesResponse response;
    if (limit <= 0)
        return response;
    struct Asked
    {
        std::string agentId;
        std::string commandId;
        std::shared_ptr<SessionLink> link;
        std::shared_ptr<PendingCommand> pending;
        std::chrono::steady_clock::time_point sentAt;
        bool sent = false;
    };
    std::vector<Asked> asked; // In agent id order (the registry's).
    std::vector<std::string> unreachable;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[id, record] : m_agents) {
            if (m_shutDown || record->info.status() != v1::AGENT_STATUS_UP || !record->link) {
                unreachable.push_back(id);
                continue;
            }
            auto pending = std::make_shared<PendingCommand>();
            pending->agentId = id;
            Asked entry{id, newId("c-"), record->link, pending, {}, false};
            m_pending[entry.commandId] = pending;
            asked.push_back(std::move(entry));
        }
    }
    ScopeExit forget{[this, &asked] {
        std::lock_guard lock(m_mutex);
        for (const Asked &entry : asked)
            m_pending.erase(entry.commandId);
    }};

    // Every agent gets the command before any answer is awaited: they evaluate in parallel.
    v1::CentralMessage message;
    auto *find = message.mutable_command()->mutable_find_resources();
    find->set_query(query);
    find->set_limit(limit);
    for (Asked &entry : asked) {
        message.mutable_command()->set_command_id(entry.commandId);
        entry.sentAt = std::chrono::steady_clock::now();
        entry.sent = entry.link->write(message);
    }

    // Leave the caller a moment to send what came back before its own deadline.
    constexpr auto ReplyMargin = std::chrono::milliseconds(100);
    auto deadline = std::chrono::system_clock::now() + FindTimeout;
    if (context && context->deadline() - ReplyMargin < deadline)
        deadline = std::max(std::chrono::system_clock::now(), context->deadline() - ReplyMargin);
    std::unique_lock lock(m_mutex);
    const auto settled = [&](const Asked &entry) {
        if (entry.pending->done || !entry.sent)
            return true;
        auto it = m_agents.find(entry.agentId);
        return it == m_agents.end() || it->second->link != entry.link; // its session ended
    };
    m_commandDone.wait_until(lock, deadline, [&] {
        return m_shutDown || (context && context->IsCancelled())
               || std::all_of(asked.begin(), asked.end(), settled);
    });

    for (const Asked &entry : asked) {
        if (!entry.pending->done || !entry.pending->result.ok()) {
            if (entry.pending->done)
                qCWarning(lcApi).noquote()
                    << "agent" << QString::fromStdString(entry.agentId) << "refused a resource query:"
                    << QString::fromStdString(entry.pending->result.message());
            unreachable.push_back(entry.agentId);
            continue;
        }
        const qint64 relayMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                   entry.pending->answeredAt - entry.sentAt)
                                   .count();
        for (const v1::ResourceMatch &match : entry.pending->result.matches()) {
            if (response.matches_size() >= limit)
                break;
            v1::ResourceMatch *out = response.add_matches();
            *out = match;
            out->set_source(entry.agentId);
            out->set_age_ms(std::max<qint64>(0, match.age_ms()) + std::max<qint64>(0, relayMs));
        }
    }
    std::sort(unreachable.begin(), unreachable.end());
    for (const std::string &id : unreachable)
        response.add_unreachable_agents(id);
    return response;
}

QList<ResourceMatch> findLocalResources(Engine &engine, const ResourceQuery &query, int limit)
{
    const PlacementModel model = engine.orchestrator()
                                     ? engine.orchestrator()->currentModel()
                                     : PlacementModel::build(engine.inventory().snapshot());
    const qint64 now = nowMs();
    const qint64 startedAtMs = engine.status().startedAtMs;
    TelemetryHub *telemetry = engine.telemetry();
    // Age: since the node's newest CPU sample, or since the engine started.
    const auto age = [&](const QString &nodeId) -> qint64 {
        std::optional<Sample> newest;
        if (telemetry)
            newest = telemetry->latest(seriesKey(QLatin1String(Metrics::NodeCpuUtilisation),
                                                 {{QLatin1String(MetricLabels::Node), nodeId}}));
        const qint64 since = newest ? newest->timestampMs : startedAtMs;
        return since > 0 ? std::max<qint64>(0, now - since) : 0;
    };
    return findResources(model, query, age, limit);
}

v1::ProbePlan FederationCentral::probePlan(const std::string &agentId) const
{
    std::lock_guard lock(m_mutex);
    return probePlanLocked(agentId);
}

v1::ProbePlan FederationCentral::probePlanLocked(const std::string &agentId) const
{
    v1::ProbePlan plan;
    plan.set_revision(m_planRevision);
    auto self = m_agents.find(agentId);
    if (self == m_agents.end())
        return plan;
    const v1::AgentInfo &info = self->second->info;
    plan.set_site_id(info.site_id());
    const auto interval = std::chrono::milliseconds(info.forward_interval_ms()) <= std::chrono::milliseconds(0)
                              ? MaximumPeerProbeInterval
                              : std::clamp(std::chrono::milliseconds(info.forward_interval_ms()),
                                           std::chrono::milliseconds(MinimumPeerProbeInterval),
                                           std::chrono::milliseconds(MaximumPeerProbeInterval));
    plan.set_interval_ms(interval.count());
    // The representative of a site: its UP agent with the smallest id that can be probed (the
    // map is ordered by id). Only representatives probe, so each site pair is measured once per
    // direction however many agents a site has.
    std::map<std::string, const v1::AgentInfo *> representatives;
    for (const auto &[id, record] : m_agents) {
        const v1::AgentInfo &candidate = record->info;
        if (candidate.status() == v1::AGENT_STATUS_UP && !candidate.probe_address().empty())
            representatives.emplace(candidate.site_id(), &candidate);
    }
    auto own = representatives.find(info.site_id());
    if (own == representatives.end() || own->second->agent_id() != agentId)
        return plan;
    for (const auto &[site, peer] : representatives) {
        if (site == info.site_id())
            continue;
        v1::ProbePeer *entry = plan.add_peers();
        entry->set_agent_id(peer->agent_id());
        entry->set_site_id(site);
        entry->set_address(peer->probe_address());
        if (auto link = m_siteLinks.find({info.site_id(), site}); link != m_siteLinks.end()) {
            entry->set_link_id(link->second);
            continue;
        }
        auto from = m_siteEndpoints.find(info.site_id());
        auto to = m_siteEndpoints.find(site);
        if (from != m_siteEndpoints.end() && to != m_siteEndpoints.end()) {
            entry->set_from_endpoint(from->second);
            entry->set_to_endpoint(to->second);
        }
    }
    return plan;
}

} // namespace Continuo::Api
