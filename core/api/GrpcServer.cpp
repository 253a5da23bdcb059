#include "api/GrpcServer.h"

#include "api/ApiBroker.h"
#include "api/FederationCentral.h"
#include "api/ProtoConvert.h"
#include "engine/Engine.h"
#include "store/IStateStore.h"
#include "telemetry/TelemetryHub.h"
#include "util/Logging.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCoreApplication>

namespace Continuo::Api {

namespace {

using grpc::ServerContext;
using grpc::Status;
using grpc::StatusCode;

constexpr auto PollInterval = std::chrono::milliseconds(200);
constexpr int HistoryChunk = 500;
constexpr int DefaultAuditLimit = 1000;
constexpr int MaxAuditLimit = 100000;

Status unavailable()
{
    return Status(StatusCode::UNAVAILABLE, "the server is shutting down or the engine is busy");
}

Status error(StatusCode code, const QString &message)
{
    return Status(code, message.toStdString());
}

QString actorOf(const ServerContext *context, const std::string &field)
{
    if (!field.empty())
        return QString::fromStdString(field);
    const auto &metadata = context->client_metadata();
    if (auto it = metadata.find("continuo-actor"); it != metadata.end())
        return QString::fromUtf8(it->second.data(), qsizetype(it->second.size()));
    return QStringLiteral("grpc:") + QString::fromStdString(context->peer());
}

/// Ends a stream whose queue stopped being open.
template<typename Queue>
Status endOfStream(typename Queue::State state, std::size_t capacity, const char *what)
{
    if (state == Queue::State::Overflowed)
        return Status(StatusCode::RESOURCE_EXHAUSTED,
                      std::string("the client fell more than ") + std::to_string(capacity) + " "
                          + what + " behind and was disconnected");
    return Status(StatusCode::UNAVAILABLE, "the server is shutting down");
}

template<typename F>
struct ScopeExit
{
    F function;
    ~ScopeExit() { function(); }
};
template<typename F>
ScopeExit(F) -> ScopeExit<F>;

} // namespace

class GrpcServer::Service final : public ::continuo::v1::ContinuoService::Service
{
public:
    explicit Service(ApiBroker *broker) : m_broker(broker) {}

    Status GetStatus(ServerContext *, const v1::GetStatusRequest *, v1::EngineStatus *response) override
    {
        auto status = m_broker->callOnEngine<EngineStatus>(
            [broker = m_broker] { return broker->engine()->status(); });
        if (!status)
            return unavailable();
        toProto(*status, response);
        return Status::OK;
    }

    Status ListInventory(ServerContext *, const v1::ListInventoryRequest *,
                         v1::InventorySnapshot *response) override
    {
        auto snapshot = m_broker->callOnEngine<InventorySnapshot>(
            [broker = m_broker] { return broker->engine()->inventory().snapshot(); });
        if (!snapshot)
            return unavailable();
        toProto(*snapshot, response);
        return Status::OK;
    }

    Status WatchInventory(ServerContext *context, const v1::WatchInventoryRequest *,
                          grpc::ServerWriter<v1::WatchInventoryResponse> *writer) override
    {
        auto watch = m_broker->watchInventory();
        if (!watch)
            return unavailable();
        ScopeExit guard{[this, watch] { m_broker->unwatch(watch); }};
        {
            v1::WatchInventoryResponse first;
            toProto(watch->snapshot, first.mutable_snapshot());
            watch->snapshot = {};
            if (!writer->Write(first))
                return Status::CANCELLED;
        }
        std::vector<std::shared_ptr<const v1::InventoryDeltaBatch>> items;
        v1::WatchInventoryResponse message;
        while (true) {
            items.clear();
            const auto state = watch->queue.take(items, PollInterval);
            for (const auto &item : items) {
                *message.mutable_deltas() = *item;
                if (!writer->Write(message))
                    return Status::CANCELLED;
            }
            if (state != decltype(watch->queue)::State::Open)
                return endOfStream<decltype(watch->queue)>(state, watch->queue.capacity(),
                                                           "inventory batches");
            if (context->IsCancelled())
                return Status::CANCELLED;
        }
    }

    Status WatchEvents(ServerContext *context, const v1::WatchEventsRequest *request,
                       grpc::ServerWriter<v1::EventBatch> *writer) override
    {
        const QString prefix = QString::fromStdString(request->type_prefix());
        const bool historyOnly = request->history_only();
        std::optional<qint64> historyAfter;
        if (request->send_history() || historyOnly)
            historyAfter = request->after_sequence();
        auto watch = m_broker->watchEvents(prefix, historyAfter);
        if (!watch)
            return unavailable();
        ScopeExit guard{[this, watch] { m_broker->unwatch(watch); }};
        if (historyOnly)
            m_broker->unwatch(watch);

        v1::EventBatch batch;
        const QList<Event> history = std::exchange(watch->history, {});
        for (qsizetype i = 0; i < history.size(); i += HistoryChunk) {
            batch.Clear();
            for (qsizetype j = i; j < std::min(history.size(), i + HistoryChunk); ++j)
                toProto(history.at(j), batch.add_events());
            if (!writer->Write(batch))
                return Status::CANCELLED;
        }
        if (historyOnly)
            return Status::OK;

        std::vector<std::shared_ptr<const v1::Event>> items;
        while (true) {
            items.clear();
            const auto state = watch->queue.take(items, PollInterval);
            if (!items.empty()) {
                batch.Clear();
                batch.mutable_events()->Reserve(int(items.size()));
                for (const auto &item : items)
                    *batch.add_events() = *item;
                if (!writer->Write(batch))
                    return Status::CANCELLED;
            }
            if (state != decltype(watch->queue)::State::Open)
                return endOfStream<decltype(watch->queue)>(state, watch->queue.capacity(),
                                                           "events");
            if (context->IsCancelled())
                return Status::CANCELLED;
        }
    }

    Status SubscribeTelemetry(ServerContext *context, const v1::SubscribeTelemetryRequest *request,
                              grpc::ServerWriter<v1::SampleBatch> *writer) override
    {
        if (request->selectors_size() == 0)
            return Status(StatusCode::INVALID_ARGUMENT, "no series selector given");
        QList<SeriesMatcher> matchers;
        for (const auto &selector : request->selectors()) {
            const QString text = QString::fromStdString(selector);
            auto matcher = SeriesMatcher::parse(text);
            if (!matcher)
                return error(StatusCode::INVALID_ARGUMENT,
                             QStringLiteral("bad series selector \"%1\": %2").arg(text, matcher.error()));
            matchers.append(*matcher);
        }
        auto watch = m_broker->watchTelemetry(matchers);
        if (!watch)
            return unavailable();
        ScopeExit guard{[this, watch] { m_broker->unwatch(watch); }};
        // Tell the client the subscription is in place before any samples flow.
        writer->SendInitialMetadata();
        std::vector<std::shared_ptr<const v1::SampleBatch>> items;
        while (true) {
            items.clear();
            const auto state = watch->queue.take(items, PollInterval);
            for (const auto &item : items) {
                if (!writer->Write(*item))
                    return Status::CANCELLED;
            }
            if (state != decltype(watch->queue)::State::Open)
                return endOfStream<decltype(watch->queue)>(state, watch->queue.capacity(),
                                                           "telemetry frames");
            if (context->IsCancelled())
                return Status::CANCELLED;
        }
    }

    Status QueryRange(ServerContext *, const v1::QueryRangeRequest *request,
                      v1::QueryRangeResponse *response) override
    {
        const QString key = QString::fromStdString(request->series_key());
        if (key.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no series key given");
        const qint64 from = request->from_ms();
        const qint64 to = request->to_ms() == 0 ? std::numeric_limits<qint64>::max() : request->to_ms();
        if (to < from)
            return Status(StatusCode::INVALID_ARGUMENT, "the range ends before it starts");
        auto samples = m_broker->callOnEngine<QList<Sample>>([broker = m_broker, key, from, to] {
            return broker->engine()->telemetry()->range(key, from, to);
        });
        if (!samples)
            return unavailable();
        response->mutable_samples()->Reserve(int(samples->size()));
        for (const auto &sample : std::as_const(*samples))
            toProto(sample, response->add_samples());
        return Status::OK;
    }

    Status ListPlugins(ServerContext *, const v1::ListPluginsRequest *,
                       v1::ListPluginsResponse *response) override
    {
        auto status = m_broker->callOnEngine<EngineStatus>(
            [broker = m_broker] { return broker->engine()->status(); });
        if (!status)
            return unavailable();
        for (const auto &plugin : std::as_const(status->plugins))
            toProto(plugin, response->add_plugins());
        return Status::OK;
    }

    Status SetNodeState(ServerContext *context, const v1::SetNodeStateRequest *request,
                        v1::SetNodeStateResponse *response) override
    {
        const QString nodeId = QString::fromStdString(request->node_id());
        if (nodeId.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no node id given");
        const auto state = nodeStateFromProto(request->state());
        if (!state || *state == NodeState::Unknown)
            return error(StatusCode::INVALID_ARGUMENT,
                         QStringLiteral("invalid node state %1").arg(request->state()));
        const QString actor = actorOf(context, request->actor());
        const QString reason = QString::fromStdString(request->reason());
        struct Outcome
        {
            StatusCode code = StatusCode::OK;
            QString message;
            Node node;
        };
        auto outcome = m_broker->callOnEngine<Outcome>([broker = m_broker, nodeId, state, actor,
                                                        reason] {
            Engine *engine = broker->engine();
            if (!engine->inventory().find<Node>(nodeId))
                return Outcome{StatusCode::NOT_FOUND, QStringLiteral("no node \"%1\"").arg(nodeId), {}};
            auto updated = engine->setNodeState(nodeId, *state, actor, reason);
            if (!updated)
                return Outcome{StatusCode::FAILED_PRECONDITION, updated.error(), {}};
            return Outcome{StatusCode::OK, {}, *updated};
        });
        if (!outcome)
            return unavailable();
        if (outcome->code != StatusCode::OK)
            return error(outcome->code, outcome->message);
        toProto(outcome->node, response->mutable_node());
        qCInfo(lcApi).noquote() << actor << "set node" << nodeId << "to" << toString(*state);
        return Status::OK;
    }

    Status ListAudit(ServerContext *, const v1::ListAuditRequest *request,
                     v1::ListAuditResponse *response) override
    {
        if (request->limit() < 0)
            return Status(StatusCode::INVALID_ARGUMENT, "the limit must not be negative");
        const int limit = request->limit() == 0 ? DefaultAuditLimit
                                                : std::min(request->limit(), MaxAuditLimit);
        const qint64 afterId = request->after_id();
        auto entries = m_broker->callOnEngine<Result<QList<AuditEntry>>>(
            [broker = m_broker, afterId, limit]() -> Result<QList<AuditEntry>> {
                IStateStore *store = broker->engine()->store();
                if (!store || !store->isOpen())
                    return makeError(QStringLiteral("the state store is not open"));
                return store->auditLog(afterId, limit);
            });
        if (!entries)
            return unavailable();
        if (!*entries)
            return error(StatusCode::INTERNAL, entries->error());
        for (const auto &entry : std::as_const(entries->value()))
            toProto(entry, response->add_entries());
        return Status::OK;
    }

private:
    ApiBroker *m_broker;
};

GrpcServer::GrpcServer(Engine *engine) : GrpcServer(engine, BrokerLimits{}) {}

GrpcServer::GrpcServer(Engine *engine, const BrokerLimits &limits)
    : m_broker(std::make_unique<ApiBroker>(engine, limits))
    , m_service(std::make_unique<Service>(m_broker.get()))
    , m_federation(std::make_unique<FederationCentral>(engine))
{
}

GrpcServer::~GrpcServer()
{
    shutdown(std::chrono::milliseconds(500));
}

Result<int> GrpcServer::start(const QString &address)
{
    if (m_server)
        return makeError(QStringLiteral("the server is already serving on %1").arg(m_address));
    auto hostPort = parseHostPort(address);
    if (!hostPort)
        return makeError(hostPort.error());
    int selectedPort = 0;
    grpc::ServerBuilder builder;
    builder.AddListeningPort(address.toStdString(), grpc::InsecureServerCredentials(), &selectedPort);
    builder.RegisterService(m_service.get());
    builder.RegisterService(m_federation->service());
    builder.SetMaxReceiveMessageSize(16 * 1024 * 1024);
    builder.SetMaxSendMessageSize(-1);
    m_server = builder.BuildAndStart();
    if (!m_server || selectedPort == 0) {
        m_server.reset();
        return makeError(QStringLiteral("cannot listen on %1").arg(address));
    }
    m_port = selectedPort;
    m_address = hostPort->first + QLatin1Char(':') + QString::number(selectedPort);
    qCInfo(lcApi).noquote() << "gRPC server listening on" << m_address;
    return selectedPort;
}

void GrpcServer::shutdown(std::chrono::milliseconds deadline)
{
    // First wake the streams and fail calls waiting for the engine, so that no handler thread
    // waits on the thread that is about to wait for the handlers.
    m_broker->shutdown();
    m_federation->shutdown();
    if (!m_server)
        return;
    m_server->Shutdown(std::chrono::system_clock::now() + deadline);
    m_server->Wait();
    m_server.reset();
    qCInfo(lcApi) << "gRPC server stopped";
}

Result<std::pair<QString, int>> parseHostPort(const QString &address)
{
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == address.size() - 1)
        return makeError(QStringLiteral("\"%1\" is not HOST:PORT").arg(address));
    bool ok = false;
    const int port = address.mid(colon + 1).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return makeError(QStringLiteral("\"%1\" has no valid port (0..65535)").arg(address));
    return std::pair<QString, int>(address.left(colon), port);
}

} // namespace Continuo::Api
