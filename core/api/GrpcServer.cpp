#include "api/GrpcServer.h"

#include "anomaly/AlertManager.h"
#include "anomaly/AnomalyEngine.h"
#include "api/ApiBroker.h"
#include "api/GrpcCallMetrics.h"
#include "api/FederationCentral.h"
#include "api/ProtoConvert.h"
#include "engine/Engine.h"
#include "network/NetworkController.h"
#include "network/P4Entry.h"
#include "orchestration/IntentYaml.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/ResourceQuery.h"
#include "store/IStateStore.h"
#include "telemetry/TelemetryHub.h"
#include "telemetry/TelemetryQuery.h"
#include "util/Logging.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Continuo::Api {

namespace {

using grpc::ServerContext;
using grpc::Status;
using grpc::StatusCode;

constexpr auto PollInterval = std::chrono::milliseconds(200);
constexpr int HistoryChunk = 500;
constexpr int DefaultAuditLimit = 1000;
constexpr int MaxAuditLimit = 100000;
constexpr int DefaultListLimit = 1000;
constexpr int MaxListLimit = 100000;
constexpr int MaxColumnBudget = 20000;
/// The longest a handler waits for the network controller (switch writes of large batches).
constexpr auto AsyncCallLimit = std::chrono::seconds(120);

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

Status alertingNotRunning()
{
    return Status(StatusCode::FAILED_PRECONDITION, "alerting is not running on this daemon");
}

/// What a function run on the engine thread answers: a value, or a status code and message.
template<typename T>
struct Outcome
{
    StatusCode code = StatusCode::OK;
    QString message;
    std::optional<T> value;

    static Outcome failed(StatusCode code, const QString &message) { return {code, message, {}}; }
    static Outcome of(T value) { return {StatusCode::OK, {}, std::move(value)}; }
    /// A Result's error becomes `code`.
    static Outcome from(Result<T> result, StatusCode code)
    {
        if (!result)
            return failed(code, result.error());
        return of(std::move(result).value());
    }
};

/// `limit` of a list request: 0 is the default, negative is refused, large is capped.
std::optional<int> listLimit(int requested)
{
    if (requested < 0)
        return std::nullopt;
    return requested == 0 ? DefaultListLimit : std::min(requested, MaxListLimit);
}

QString qstr(const std::string &text)
{
    return QString::fromStdString(text);
}

template<typename F>
struct ScopeExit
{
    F function;
    ~ScopeExit() { function(); }
};
template<typename F>
ScopeExit(F) -> ScopeExit<F>;

/// Intents of a request: the messages, then those parsed from the YAML text.
template<typename Request>
Result<QList<Workload>> intentsOf(const Request &request)
{
    QList<Workload> intents;
    for (const auto &wire : request.intents())
        intents.append(fromProto(wire));
    if (!request.yaml().empty()) {
        auto parsed = parseIntents(QByteArray::fromStdString(request.yaml()));
        if (!parsed)
            return Error(parsed.error());
        intents.append(*parsed);
    }
    for (const Workload &intent : std::as_const(intents)) {
        if (intent.name.trimmed().isEmpty())
            return makeError(QStringLiteral("an intent has no name"));
    }
    return intents;
}

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

    // ---- telemetry queries ------------------------------------------------------------------

    Status ListSeries(ServerContext *, const v1::ListSeriesRequest *request,
                      v1::ListSeriesResponse *response) override
    {
        const QString selector = qstr(request->selector());
        if (selector.trimmed().isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no series selector given");
        const auto limit = listLimit(request->limit());
        if (!limit)
            return Status(StatusCode::INVALID_ARGUMENT, "the limit must not be negative");
        struct Listing
        {
            QList<SeriesBatch> series;
            bool truncated = false;
        };
        Listing listing;
        const Status status = onEngine<Listing>(
            [broker = m_broker, selector, limit = *limit]() -> Outcome<Listing> {
                const TimeSeriesStore &store = broker->engine()->telemetry()->store();
                auto ids = store.select(selector);
                if (!ids)
                    return Outcome<Listing>::failed(StatusCode::INVALID_ARGUMENT, ids.error());
                std::vector<std::pair<QString, SeriesId>> keyed;
                keyed.reserve(ids->size());
                for (SeriesId id : *ids)
                    keyed.emplace_back(seriesKey(store.metric(id), store.labels(id)), id);
                Listing result;
                result.truncated = keyed.size() > std::size_t(limit);
                const auto last =
                    keyed.begin() + std::min<std::ptrdiff_t>(limit, std::ptrdiff_t(keyed.size()));
                std::partial_sort(keyed.begin(), last, keyed.end());
                result.series.reserve(last - keyed.begin());
                for (auto it = keyed.begin(); it != last; ++it)
                    result.series.append(
                        SeriesBatch{store.metric(it->second), store.labels(it->second), {}});
                return Outcome<Listing>::of(std::move(result));
            },
            listing);
        if (!status.ok())
            return status;
        response->mutable_series()->Reserve(int(listing.series.size()));
        for (const SeriesBatch &series : std::as_const(listing.series))
            toProto(series, response->add_series());
        response->set_truncated(listing.truncated);
        return Status::OK;
    }

    Status QueryChart(ServerContext *, const v1::QueryChartRequest *request,
                      v1::QueryChartResponse *response) override
    {
        const QString selector = qstr(request->selector());
        if (selector.trimmed().isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no series selector given");
        const qint64 from = request->from_ms();
        const qint64 to =
            request->to_ms() == 0 ? QDateTime::currentMSecsSinceEpoch() : request->to_ms();
        if (to < from)
            return Status(StatusCode::INVALID_ARGUMENT, "the range ends before it starts");
        const int budget = request->column_budget();
        if (budget < 1 || budget > MaxColumnBudget)
            return error(StatusCode::INVALID_ARGUMENT,
                         QStringLiteral("the column budget must be within 1..%1, not %2")
                             .arg(MaxColumnBudget)
                             .arg(budget));
        const auto resolution = queryResolutionFromProto(request->resolution());
        if (!resolution)
            return error(StatusCode::INVALID_ARGUMENT,
                         QStringLiteral("unknown query resolution %1").arg(request->resolution()));
        QList<DownsampledSeries> series;
        const Status status = onEngine<QList<DownsampledSeries>>(
            [broker = m_broker, selector, from, to, budget, resolution = *resolution] {
                return Outcome<QList<DownsampledSeries>>::from(
                    TelemetryQuery(broker->engine()->telemetry()->store())
                        .downsample(selector, from, to, budget, resolution),
                    StatusCode::INVALID_ARGUMENT);
            },
            series);
        if (!status.ok())
            return status;
        response->mutable_series()->Reserve(int(series.size()));
        for (const DownsampledSeries &one : std::as_const(series))
            toProto(one, response->add_series());
        return Status::OK;
    }

    Status EvaluateQuery(ServerContext *, const v1::EvaluateQueryRequest *request,
                         v1::QueryResult *response) override
    {
        auto query = fromProto(request->query());
        if (!query)
            return error(StatusCode::INVALID_ARGUMENT, query.error());
        QueryResult result;
        const Status status = onEngine<QueryResult>(
            [broker = m_broker, query = *query] {
                return Outcome<QueryResult>::from(
                    TelemetryQuery(broker->engine()->telemetry()->store()).evaluate(query),
                    StatusCode::INVALID_ARGUMENT);
            },
            result);
        if (!status.ok())
            return status;
        toProto(result, response);
        return Status::OK;
    }

    Status InstantQuery(ServerContext *, const v1::InstantQueryRequest *request,
                        v1::InstantQueryResponse *response) override
    {
        const QString selector = qstr(request->selector());
        if (selector.trimmed().isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no series selector given");
        const qint64 at =
            request->at_ms() == 0 ? QDateTime::currentMSecsSinceEpoch() : request->at_ms();
        const qint64 lookback = request->lookback_ms() == 0 ? TelemetryQuery::DefaultLookbackMs
                                                            : request->lookback_ms();
        QList<SeriesBatch> series;
        const Status status = onEngine<QList<SeriesBatch>>(
            [broker = m_broker, selector, at, lookback] {
                return Outcome<QList<SeriesBatch>>::from(
                    TelemetryQuery(broker->engine()->telemetry()->store())
                        .instant(selector, at, lookback),
                    StatusCode::INVALID_ARGUMENT);
            },
            series);
        if (!status.ok())
            return status;
        response->mutable_series()->Reserve(int(series.size()));
        for (const SeriesBatch &one : std::as_const(series))
            toProto(one, response->add_series());
        return Status::OK;
    }

    // ---- alerting -----------------------------------------------------------------------------

    Status ListAlerts(ServerContext *, const v1::ListAlertsRequest *,
                      v1::ListAlertsResponse *response) override
    {
        QList<Alert> alerts;
        const Status status = onEngine<QList<Alert>>(
            [broker = m_broker]() -> Outcome<QList<Alert>> {
                AnomalyEngine *alerting = broker->engine()->anomalyEngine();
                if (!alerting)
                    return notRunning<QList<Alert>>();
                return Outcome<QList<Alert>>::of(alerting->activeAlerts());
            },
            alerts);
        if (!status.ok())
            return status;
        for (const Alert &alert : std::as_const(alerts))
            toProto(alert, response->add_alerts());
        return Status::OK;
    }

    Status WatchAlerts(ServerContext *context, const v1::WatchAlertsRequest *,
                       grpc::ServerWriter<v1::WatchAlertsResponse> *writer) override
    {
        auto watch = m_broker->watchAlerts();
        if (!watch)
            return unavailable();
        ScopeExit guard{[this, watch] { m_broker->unwatch(watch); }};
        if (!watch->alertingRunning)
            return alertingNotRunning();
        {
            v1::WatchAlertsResponse first;
            auto *snapshot = first.mutable_snapshot();
            for (const Alert &alert : std::as_const(watch->alerts))
                toProto(alert, snapshot->add_alerts());
            for (const Silence &silence : std::as_const(watch->silences))
                toProto(silence, snapshot->add_silences());
            watch->alerts.clear();
            watch->silences.clear();
            if (!writer->Write(first))
                return Status::CANCELLED;
        }
        std::vector<std::shared_ptr<const v1::WatchAlertsResponse>> items;
        while (true) {
            items.clear();
            const auto state = watch->queue.take(items, PollInterval);
            for (const auto &item : items) {
                if (!writer->Write(*item))
                    return Status::CANCELLED;
            }
            if (state != decltype(watch->queue)::State::Open)
                return endOfStream<decltype(watch->queue)>(state, watch->queue.capacity(),
                                                           "alert changes");
            if (context->IsCancelled())
                return Status::CANCELLED;
        }
    }

    Status AlertHistory(ServerContext *, const v1::AlertHistoryRequest *request,
                        v1::AlertHistoryResponse *response) override
    {
        const auto limit = listLimit(request->limit());
        if (!limit)
            return Status(StatusCode::INVALID_ARGUMENT, "the limit must not be negative");
        const qint64 from = request->from_ms();
        QList<Alert> alerts;
        const Status status = onEngine<QList<Alert>>(
            [broker = m_broker, from, limit = *limit]() -> Outcome<QList<Alert>> {
                AnomalyEngine *alerting = broker->engine()->anomalyEngine();
                if (!alerting)
                    return notRunning<QList<Alert>>();
                return Outcome<QList<Alert>>::from(alerting->alertHistory(from, limit),
                                                   StatusCode::INTERNAL);
            },
            alerts);
        if (!status.ok())
            return status;
        for (const Alert &alert : std::as_const(alerts))
            toProto(alert, response->add_alerts());
        return Status::OK;
    }

    Status AcknowledgeAlert(ServerContext *context, const v1::AcknowledgeAlertRequest *request,
                            v1::AcknowledgeAlertResponse *response) override
    {
        const QString alertId = qstr(request->alert_id());
        if (alertId.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no alert id given");
        const QString actor = actorOf(context, request->actor());
        Alert alert;
        const Status status = onEngine<Alert>(
            [broker = m_broker, alertId, actor]() -> Outcome<Alert> {
                AnomalyEngine *alerting = broker->engine()->anomalyEngine();
                if (!alerting)
                    return notRunning<Alert>();
                if (!alerting->alertManager()->activeAlert(alertId))
                    return Outcome<Alert>::failed(
                        StatusCode::NOT_FOUND,
                        QStringLiteral("no active alert \"%1\"").arg(alertId));
                return Outcome<Alert>::from(alerting->acknowledge(alertId, actor),
                                            StatusCode::FAILED_PRECONDITION);
            },
            alert);
        if (!status.ok())
            return status;
        toProto(alert, response->mutable_alert());
        qCInfo(lcApi).noquote() << actor << "acknowledged alert" << alertId;
        return Status::OK;
    }

    Status AddSilence(ServerContext *context, const v1::AddSilenceRequest *request,
                      v1::AddSilenceResponse *response) override
    {
        Silence candidate;
        for (const auto &[name, value] : request->matchers())
            candidate.matchers.insert(qstr(name), qstr(value));
        candidate.comment = qstr(request->comment());
        candidate.createdBy = actorOf(context, request->actor());
        candidate.startsAtMs = QDateTime::currentMSecsSinceEpoch();
        candidate.endsAtMs = request->ends_at_ms();
        // Input errors are the client's: refuse them here, before the engine is asked.
        if (auto valid = candidate.validate(); !valid)
            return error(StatusCode::INVALID_ARGUMENT, valid.error());
        Silence silence;
        const Status status = onEngine<Silence>(
            [broker = m_broker, candidate]() -> Outcome<Silence> {
                AnomalyEngine *alerting = broker->engine()->anomalyEngine();
                if (!alerting)
                    return notRunning<Silence>();
                return Outcome<Silence>::from(
                    alerting->addSilence(candidate.matchers, candidate.createdBy, candidate.comment,
                                         candidate.endsAtMs),
                    StatusCode::FAILED_PRECONDITION);
            },
            silence);
        if (!status.ok())
            return status;
        toProto(silence, response->mutable_silence());
        qCInfo(lcApi).noquote() << silence.createdBy << "added silence" << silence.id;
        return Status::OK;
    }

    Status ExpireSilence(ServerContext *context, const v1::ExpireSilenceRequest *request,
                         v1::ExpireSilenceResponse *response) override
    {
        const QString silenceId = qstr(request->silence_id());
        if (silenceId.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no silence id given");
        const QString actor = actorOf(context, request->actor());
        Silence silence;
        const Status status = onEngine<Silence>(
            [broker = m_broker, silenceId, actor]() -> Outcome<Silence> {
                AnomalyEngine *alerting = broker->engine()->anomalyEngine();
                if (!alerting)
                    return notRunning<Silence>();
                const QList<Silence> active = alerting->silences();
                if (std::none_of(active.cbegin(), active.cend(),
                                 [&](const Silence &s) { return s.id == silenceId; }))
                    return Outcome<Silence>::failed(
                        StatusCode::NOT_FOUND,
                        QStringLiteral("no active silence \"%1\"").arg(silenceId));
                return Outcome<Silence>::from(alerting->expireSilence(silenceId, actor),
                                              StatusCode::FAILED_PRECONDITION);
            },
            silence);
        if (!status.ok())
            return status;
        toProto(silence, response->mutable_silence());
        qCInfo(lcApi).noquote() << actor << "expired silence" << silenceId;
        return Status::OK;
    }

    Status ListSilences(ServerContext *, const v1::ListSilencesRequest *,
                        v1::ListSilencesResponse *response) override
    {
        QList<Silence> silences;
        const Status status = onEngine<QList<Silence>>(
            [broker = m_broker]() -> Outcome<QList<Silence>> {
                AnomalyEngine *alerting = broker->engine()->anomalyEngine();
                if (!alerting)
                    return notRunning<QList<Silence>>();
                return Outcome<QList<Silence>>::of(alerting->silences());
            },
            silences);
        if (!status.ok())
            return status;
        for (const Silence &silence : std::as_const(silences))
            toProto(silence, response->add_silences());
        return Status::OK;
    }

    Status ListAlertRules(ServerContext *, const v1::ListAlertRulesRequest *,
                          v1::ListAlertRulesResponse *response) override
    {
        QList<AlertRule> rules;
        const Status status = onEngine<QList<AlertRule>>(
            [broker = m_broker]() -> Outcome<QList<AlertRule>> {
                AnomalyEngine *alerting = broker->engine()->anomalyEngine();
                if (!alerting)
                    return notRunning<QList<AlertRule>>();
                return Outcome<QList<AlertRule>>::of(alerting->rules());
            },
            rules);
        if (!status.ok())
            return status;
        for (const AlertRule &rule : std::as_const(rules))
            toProto(rule, response->add_rules());
        return Status::OK;
    }

    Status SetAlertRules(ServerContext *context, const v1::SetAlertRulesRequest *request,
                         v1::SetAlertRulesResponse *response) override
    {
        QList<AlertRule> rules;
        rules.reserve(request->rules_size());
        for (const auto &wire : request->rules()) {
            auto rule = fromProto(wire);
            if (!rule)
                return error(StatusCode::INVALID_ARGUMENT, rule.error());
            rules.append(std::move(rule).value());
        }
        if (auto valid = validateAlertRules(rules); !valid)
            return error(StatusCode::INVALID_ARGUMENT, valid.error());
        const QString actor = actorOf(context, request->actor());
        QList<AlertRule> inForce;
        const Status status = onEngine<QList<AlertRule>>(
            [broker = m_broker, rules, actor]() -> Outcome<QList<AlertRule>> {
                AnomalyEngine *alerting = broker->engine()->anomalyEngine();
                if (!alerting)
                    return notRunning<QList<AlertRule>>();
                if (auto set = alerting->setRules(rules, actor); !set)
                    return Outcome<QList<AlertRule>>::failed(StatusCode::FAILED_PRECONDITION,
                                                             set.error());
                return Outcome<QList<AlertRule>>::of(alerting->rules());
            },
            inForce);
        if (!status.ok())
            return status;
        for (const AlertRule &rule : std::as_const(inForce))
            toProto(rule, response->add_rules());
        return Status::OK;
    }

    // ---- placement and orchestration ------------------------------------------------------

    Status SubmitWorkloads(ServerContext *context, const v1::SubmitWorkloadsRequest *request,
                           v1::SubmitWorkloadsResponse *response) override
    {
        auto intents = intentsOf(*request);
        if (!intents)
            return error(StatusCode::INVALID_ARGUMENT, intents.error());
        if (intents->isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no intents given");
        const QString actor = actorOf(context, request->actor());
        const bool dryRun = request->dry_run();
        SubmitResult result;
        const Status status = onEngine<SubmitResult>(
            [broker = m_broker, intents = *intents, actor, dryRun]() -> Outcome<SubmitResult> {
                Orchestrator *orchestrator = broker->engine()->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<SubmitResult>();
                return Outcome<SubmitResult>::from(orchestrator->submit(intents, actor, dryRun),
                                                   StatusCode::INVALID_ARGUMENT);
            },
            result);
        if (!status.ok())
            return status;
        listOut(result.workloads, response->mutable_workloads());
        listOut(result.explanations, response->mutable_explanations());
        listOut(result.deployments, response->mutable_deployments());
        response->set_dry_run(result.dryRun);
        if (!dryRun)
            qCInfo(lcApi).noquote() << actor << "submitted" << result.workloads.size()
                                    << "workloads," << result.deployments.size() << "deployments";
        return Status::OK;
    }

    Status GetWorkload(ServerContext *, const v1::GetWorkloadRequest *request,
                       v1::GetWorkloadResponse *response) override
    {
        const QString id = qstr(request->workload_id());
        if (id.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no workload id given");
        using Answer = std::pair<Workload, QList<Deployment>>;
        Answer answer;
        const Status status = onEngine<Answer>(
            [broker = m_broker, id]() -> Outcome<Answer> {
                Orchestrator *orchestrator = broker->engine()->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<Answer>();
                auto workload = orchestrator->workload(id);
                if (!workload)
                    return Outcome<Answer>::failed(StatusCode::NOT_FOUND,
                                                   QStringLiteral("no workload \"%1\"").arg(id));
                return Outcome<Answer>::of({*workload, orchestrator->deployments(id)});
            },
            answer);
        if (!status.ok())
            return status;
        toProto(answer.first, response->mutable_workload());
        listOut(answer.second, response->mutable_deployments());
        return Status::OK;
    }

    Status ListWorkloads(ServerContext *, const v1::ListWorkloadsRequest *,
                         v1::ListWorkloadsResponse *response) override
    {
        QList<Workload> workloads;
        const Status status = onEngine<QList<Workload>>(
            [broker = m_broker]() -> Outcome<QList<Workload>> {
                Orchestrator *orchestrator = broker->engine()->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<QList<Workload>>();
                return Outcome<QList<Workload>>::of(orchestrator->workloads());
            },
            workloads);
        if (!status.ok())
            return status;
        listOut(workloads, response->mutable_workloads());
        return Status::OK;
    }

    Status ListDeployments(ServerContext *, const v1::ListDeploymentsRequest *request,
                           v1::ListDeploymentsResponse *response) override
    {
        QList<Deployment> deployments;
        const Status status = listDeployments(qstr(request->workload_id()), deployments);
        if (!status.ok())
            return status;
        listOut(deployments, response->mutable_deployments());
        return Status::OK;
    }

    Status WatchDeployments(ServerContext *context, const v1::WatchDeploymentsRequest *request,
                            grpc::ServerWriter<v1::WatchDeploymentsResponse> *writer) override
    {
        // Polls the engine at the stream frame rate and sends what changed: deployments change
        // a few times per second at most, and this keeps the broker free of another queue kind.
        const QString workloadId = qstr(request->workload_id());
        QList<Deployment> deployments;
        if (const Status status = listDeployments(workloadId, deployments); !status.ok())
            return status;
        QHash<QString, Deployment> known;
        {
            v1::WatchDeploymentsResponse first;
            listOut(deployments, first.mutable_snapshot()->mutable_deployments());
            for (const Deployment &deployment : std::as_const(deployments))
                known.insert(deployment.id, deployment);
            if (!writer->Write(first))
                return Status::CANCELLED;
        }
        while (!context->IsCancelled()) {
            std::this_thread::sleep_for(PollInterval);
            if (m_broker->isShutDown())
                return unavailable();
            deployments.clear();
            if (const Status status = listDeployments(workloadId, deployments); !status.ok())
                return status;
            for (const Deployment &deployment : std::as_const(deployments)) {
                auto it = known.find(deployment.id);
                if (it != known.end() && it.value() == deployment)
                    continue;
                known.insert(deployment.id, deployment);
                v1::WatchDeploymentsResponse change;
                toProto(deployment, change.mutable_changed());
                if (!writer->Write(change))
                    return Status::CANCELLED;
            }
        }
        return Status::CANCELLED;
    }

    Status ExplainPlacement(ServerContext *, const v1::ExplainPlacementRequest *request,
                            v1::ExplainPlacementResponse *response) override
    {
        const QString workloadId = qstr(request->workload_id());
        QList<Workload> intents;
        if (request->has_intent())
            intents.append(fromProto(request->intent()));
        if (!request->yaml().empty()) {
            auto parsed = parseIntents(QByteArray::fromStdString(request->yaml()));
            if (!parsed)
                return error(StatusCode::INVALID_ARGUMENT, parsed.error());
            intents.append(*parsed);
        }
        if (workloadId.isEmpty() && intents.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "give a workload id or an intent");
        using Answer = QList<PlacementExplanation>;
        Answer explanations;
        const Status status = onEngine<Answer>(
            [broker = m_broker, workloadId, intents]() -> Outcome<Answer> {
                Orchestrator *orchestrator = broker->engine()->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<Answer>();
                Answer answer;
                if (!workloadId.isEmpty()) {
                    if (!orchestrator->workload(workloadId))
                        return Outcome<Answer>::failed(
                            StatusCode::NOT_FOUND,
                            QStringLiteral("no workload \"%1\"").arg(workloadId));
                    auto explained = orchestrator->explainWorkload(workloadId);
                    if (!explained)
                        return Outcome<Answer>::failed(StatusCode::FAILED_PRECONDITION,
                                                       explained.error());
                    answer.append(*explained);
                }
                for (const Workload &intent : intents)
                    answer.append(orchestrator->explain(intent));
                return Outcome<Answer>::of(answer);
            },
            explanations);
        if (!status.ok())
            return status;
        listOut(explanations, response->mutable_explanations());
        return Status::OK;
    }

    Status WhatIf(ServerContext *, const v1::WhatIfRequest *request,
                  v1::WhatIfResponse *response) override
    {
        QList<WhatIfChange> changes;
        for (const auto &wire : request->changes()) {
            const WhatIfChange change = fromProto(wire);
            if (change.kind == WhatIfChange::Kind::Unknown)
                return error(StatusCode::INVALID_ARGUMENT,
                             QStringLiteral("unknown what-if change kind %1").arg(wire.kind()));
            if (change.targetId.isEmpty())
                return error(StatusCode::INVALID_ARGUMENT,
                             QStringLiteral("the %1 change names no target").arg(toString(change.kind)));
            changes.append(change);
        }
        auto intents = intentsOf(*request);
        if (!intents)
            return error(StatusCode::INVALID_ARGUMENT, intents.error());
        if (changes.isEmpty() && intents->isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no changes and no intents given");
        WhatIfResult result;
        const Status status = onEngine<WhatIfResult>(
            [broker = m_broker, changes, intents = *intents]() -> Outcome<WhatIfResult> {
                Engine *engine = broker->engine();
                Orchestrator *orchestrator = engine->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<WhatIfResult>();
                for (const WhatIfChange &change : changes) {
                    bool known = true;
                    switch (change.kind) {
                    case WhatIfChange::Kind::FailLink:
                        known = engine->inventory().find<Link>(change.targetId) != nullptr;
                        break;
                    case WhatIfChange::Kind::FailSite:
                        known = engine->inventory().find<Site>(change.targetId) != nullptr;
                        break;
                    default:
                        known = engine->inventory().find<Node>(change.targetId) != nullptr;
                        break;
                    }
                    if (!known)
                        return Outcome<WhatIfResult>::failed(
                            StatusCode::NOT_FOUND, QStringLiteral("%1: no such target \"%2\"")
                                                       .arg(toString(change.kind), change.targetId));
                }
                return Outcome<WhatIfResult>::of(orchestrator->whatIf(changes, intents));
            },
            result);
        if (!status.ok())
            return status;
        toProto(result, response);
        return Status::OK;
    }

    Status Reoptimize(ServerContext *context, const v1::ReoptimizeRequest *request,
                      v1::ReoptimizeResponse *response) override
    {
        ReoptimizeOptions options;
        for (const auto &node : request->nodes())
            options.nodes.insert(qstr(node));
        options.evacuate = request->evacuate();
        if (request->disruption_budget() < 0)
            return Status(StatusCode::INVALID_ARGUMENT, "the disruption budget is negative");
        if (request->disruption_budget() > 0)
            options.disruptionBudget = request->disruption_budget();
        if (request->min_improvement() < 0 || request->min_improvement() > 1)
            return Status(StatusCode::INVALID_ARGUMENT, "min_improvement is outside 0..1");
        if (request->min_improvement() > 0)
            options.minImprovement = request->min_improvement();
        if (options.evacuate && options.nodes.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "evacuate needs the nodes to evacuate");
        const QString actor = actorOf(context, request->actor());
        const QString reason = request->reason().empty() ? QStringLiteral("operator request")
                                                         : qstr(request->reason());
        const bool dryRun = request->dry_run();
        QList<PlannedMove> moves;
        const Status status = onEngine<QList<PlannedMove>>(
            [broker = m_broker, options, actor, reason, dryRun]() -> Outcome<QList<PlannedMove>> {
                Engine *engine = broker->engine();
                Orchestrator *orchestrator = engine->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<QList<PlannedMove>>();
                for (const QString &node : options.nodes) {
                    if (!engine->inventory().find<Node>(node))
                        return Outcome<QList<PlannedMove>>::failed(
                            StatusCode::NOT_FOUND, QStringLiteral("no node \"%1\"").arg(node));
                }
                return Outcome<QList<PlannedMove>>::from(
                    orchestrator->reoptimize(options, actor, reason, dryRun),
                    StatusCode::FAILED_PRECONDITION);
            },
            moves);
        if (!status.ok())
            return status;
        listOut(moves, response->mutable_moves());
        response->set_dry_run(dryRun);
        return Status::OK;
    }

    Status TerminateWorkload(ServerContext *context, const v1::TerminateWorkloadRequest *request,
                             v1::TerminateWorkloadResponse *response) override
    {
        const QString id = qstr(request->workload_id());
        if (id.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "no workload id given");
        const QString actor = actorOf(context, request->actor());
        QList<Deployment> deployments;
        const Status status = onEngine<QList<Deployment>>(
            [broker = m_broker, id, actor]() -> Outcome<QList<Deployment>> {
                Orchestrator *orchestrator = broker->engine()->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<QList<Deployment>>();
                if (!orchestrator->workload(id))
                    return Outcome<QList<Deployment>>::failed(
                        StatusCode::NOT_FOUND, QStringLiteral("no workload \"%1\"").arg(id));
                if (auto done = orchestrator->terminate(id, actor); !done)
                    return Outcome<QList<Deployment>>::failed(StatusCode::FAILED_PRECONDITION,
                                                              done.error());
                return Outcome<QList<Deployment>>::of(orchestrator->deployments(id));
            },
            deployments);
        if (!status.ok())
            return status;
        listOut(deployments, response->mutable_deployments());
        qCInfo(lcApi).noquote() << actor << "terminated workload" << id;
        return Status::OK;
    }

    Status PinDeployment(ServerContext *context, const v1::PinDeploymentRequest *request,
                         v1::PinDeploymentResponse *response) override
    {
        const QString deploymentId = qstr(request->deployment_id());
        const QString nodeId = qstr(request->node_id());
        if (deploymentId.isEmpty() || nodeId.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "give a deployment id and a node id");
        const QString actor = actorOf(context, request->actor());
        const bool force = request->force();
        PlannedMove move;
        const Status status = onEngine<PlannedMove>(
            [broker = m_broker, deploymentId, nodeId, actor, force]() -> Outcome<PlannedMove> {
                Engine *engine = broker->engine();
                Orchestrator *orchestrator = engine->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<PlannedMove>();
                if (!orchestrator->deployment(deploymentId))
                    return Outcome<PlannedMove>::failed(
                        StatusCode::NOT_FOUND,
                        QStringLiteral("no deployment \"%1\"").arg(deploymentId));
                if (!engine->inventory().find<Node>(nodeId))
                    return Outcome<PlannedMove>::failed(
                        StatusCode::NOT_FOUND, QStringLiteral("no node \"%1\"").arg(nodeId));
                return Outcome<PlannedMove>::from(
                    orchestrator->pin(deploymentId, nodeId, actor, force),
                    StatusCode::FAILED_PRECONDITION);
            },
            move);
        if (!status.ok())
            return status;
        toProto(move, response->mutable_move());
        return Status::OK;
    }

    Status FindResources(ServerContext *context, const v1::FindResourcesRequest *request,
                         v1::FindResourcesResponse *response) override
    {
        auto query = ResourceQuery::parse(qstr(request->query()));
        if (!query)
            return error(StatusCode::INVALID_ARGUMENT, query.error());
        const auto limit = listLimit(request->limit());
        if (!limit)
            return Status(StatusCode::INVALID_ARGUMENT, "the limit is negative");
        QList<ResourceMatch> matches;
        const Status status = onEngine<QList<ResourceMatch>>(
            [broker = m_broker, query = *query, limit = *limit]() -> Outcome<QList<ResourceMatch>> {
                return Outcome<QList<ResourceMatch>>::of(
                    findLocalResources(*broker->engine(), query, limit));
            },
            matches);
        if (!status.ok())
            return status;
        listOut(matches, response->mutable_matches());
        // Then the agents' own nodes, within what is left of the limit (on this handler thread:
        // it waits for them, the engine thread does not).
        const int left = *limit - int(matches.size());
        if (request->include_agents() && m_federation && left > 0) {
            v1::FindResourcesResponse federated = m_federation->findOnAgents(request->query(), left, context);
            for (auto &match : *federated.mutable_matches())
                *response->add_matches() = std::move(match);
            *response->mutable_unreachable_agents() = std::move(*federated.mutable_unreachable_agents());
        }
        return Status::OK;
    }

    Status ListBackendObjects(ServerContext *, const v1::ListBackendObjectsRequest *request,
                              v1::ListBackendObjectsResponse *response) override
    {
        const QString clusterId = qstr(request->cluster_id());
        const QString kind = qstr(request->kind());
        QList<BackendObject> objects;
        const Status status = onEngine<QList<BackendObject>>(
            [broker = m_broker, clusterId, kind]() -> Outcome<QList<BackendObject>> {
                Orchestrator *orchestrator = broker->engine()->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<QList<BackendObject>>();
                return Outcome<QList<BackendObject>>::of(
                    orchestrator->backendObjects(clusterId, kind));
            },
            objects);
        if (!status.ok())
            return status;
        listOut(objects, response->mutable_objects());
        return Status::OK;
    }

    Status InvokeBackendAction(ServerContext *context, const v1::InvokeBackendActionRequest *request,
                               v1::InvokeBackendActionResponse *) override
    {
        const QString objectId = qstr(request->object_id());
        const QString action = qstr(request->action());
        if (objectId.isEmpty() || action.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "give an object id and an action");
        QVariantMap arguments;
        for (const auto &[key, value] : request->arguments())
            arguments.insert(qstr(key), qstr(value));
        const QString actor = actorOf(context, request->actor());
        bool done = false;
        const Status status = onEngine<bool>(
            [broker = m_broker, objectId, action, arguments, actor]() -> Outcome<bool> {
                Orchestrator *orchestrator = broker->engine()->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<bool>();
                auto invoked = orchestrator->invokeBackendAction(objectId, action, arguments, actor);
                if (!invoked)
                    return Outcome<bool>::failed(StatusCode::FAILED_PRECONDITION, invoked.error());
                return Outcome<bool>::of(true);
            },
            done);
        if (!status.ok())
            return status;
        qCInfo(lcApi).noquote() << actor << action << objectId;
        return Status::OK;
    }

    Status GetBackendObjectLog(ServerContext *, const v1::GetBackendObjectLogRequest *request,
                               v1::GetBackendObjectLogResponse *response) override
    {
        const QString objectId = qstr(request->object_id());
        if (objectId.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "give an object id");
        if (request->max_bytes() < 0)
            return Status(StatusCode::INVALID_ARGUMENT, "max_bytes is negative");
        const qint64 maxBytes = request->max_bytes() == 0 ? qint64(1) << 20 : request->max_bytes();
        // Find the orchestrator on the engine thread, read here: the read may block (SSH).
        Orchestrator *found = nullptr;
        const Status status = onEngine<Orchestrator *>(
            [broker = m_broker]() -> Outcome<Orchestrator *> {
                Orchestrator *orchestrator = broker->engine()->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<Orchestrator *>();
                return Outcome<Orchestrator *>::of(orchestrator);
            },
            found);
        if (!status.ok())
            return status;
        const auto text = found->backendObjectLog(objectId, maxBytes);
        if (!text)
            return error(StatusCode::FAILED_PRECONDITION, text.error());
        response->set_text(text->toStdString());
        return Status::OK;
    }

    // ---- P4 network control and in-band telemetry (issue 7) ------------------------------------
    // Entries travel as JSON in the switch's program: it is fetched on the engine thread (one
    // hop, O(switches) for the existence check), then JSON is parsed and written on the handler
    // thread so the engine thread never spends time on text. Controller calls that answer later
    // (switch reads and writes on its I/O thread) go through onEngineAsync().

    Status ListP4Switches(ServerContext *, const v1::ListP4SwitchesRequest *,
                          v1::ListP4SwitchesResponse *response) override
    {
        QList<P4SwitchStatus> switches;
        const Status status = onEngine<QList<P4SwitchStatus>>(
            [broker = m_broker]() -> Outcome<QList<P4SwitchStatus>> {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return networkMissing<QList<P4SwitchStatus>>();
                return Outcome<QList<P4SwitchStatus>>::of(network->switches());
            },
            switches);
        if (!status.ok())
            return status;
        response->mutable_switches_json()->Reserve(int(switches.size()));
        for (const P4SwitchStatus &item : std::as_const(switches))
            response->add_switches_json(jsonText(toJson(item)));
        return Status::OK;
    }

    Status GetP4Program(ServerContext *, const v1::GetP4ProgramRequest *request,
                        v1::GetP4ProgramResponse *response) override
    {
        const QString switchId = qstr(request->switch_id());
        P4Program program = P4Program::reference();
        if (!switchId.isEmpty()) {
            if (const Status status = switchProgram(switchId, program); !status.ok())
                return status;
        }
        const QByteArray p4info = program.serializedP4Info();
        response->set_p4info(p4info.constData(), std::size_t(p4info.size()));
        return Status::OK;
    }

    Status ListP4Entries(ServerContext *context, const v1::ListP4EntriesRequest *request,
                         v1::ListP4EntriesResponse *response) override
    {
        const QString switchId = qstr(request->switch_id());
        const QString table = qstr(request->table());
        const bool withCounters = request->with_counters();
        P4Program program;
        if (const Status status = switchProgram(switchId, program); !status.ok())
            return status;
        if (!table.isEmpty() && !program.table(table))
            return error(StatusCode::NOT_FOUND,
                         QStringLiteral("switch %1 has no table \"%2\"").arg(switchId, table));
        QList<P4EntryStatus> entries;
        const Status status = onEngineAsync<QList<P4EntryStatus>>(
            context,
            [broker = m_broker, switchId, table, withCounters](auto reply) {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return reply(networkMissing<QList<P4EntryStatus>>());
                network->entries(switchId, table, withCounters,
                                 [reply](const Result<QList<P4EntryStatus>> &result) {
                                     // The only failure left is reading the switch.
                                     reply(Outcome<QList<P4EntryStatus>>::from(
                                         result, StatusCode::FAILED_PRECONDITION));
                                 });
            },
            entries);
        if (!status.ok())
            return status;
        response->mutable_entries()->Reserve(int(entries.size()));
        for (const P4EntryStatus &entry : std::as_const(entries))
            toProto(program, entry, response->add_entries());
        return Status::OK;
    }

    Status SetP4Entries(ServerContext *context, const v1::SetP4EntriesRequest *request,
                        v1::SetP4EntriesResponse *response) override
    {
        const QString switchId = qstr(request->switch_id());
        const QString table = qstr(request->table());
        const bool dryRun = request->dry_run();
        const QString actor = actorOf(context, request->actor());
        P4Program program;
        if (const Status status = switchProgram(switchId, program); !status.ok())
            return status;
        if (!table.isEmpty() && !program.table(table))
            return error(StatusCode::NOT_FOUND,
                         QStringLiteral("switch %1 has no table \"%2\"").arg(switchId, table));
        QList<P4TableEntry> entries;
        entries.reserve(request->entries_json_size());
        for (int i = 0; i < request->entries_json_size(); ++i) {
            const QString what = QStringLiteral("entry #%1").arg(i);
            auto json = jsonObject(request->entries_json(i), what);
            if (!json)
                return error(StatusCode::INVALID_ARGUMENT, json.error());
            auto entry = p4EntryFromJson(program, *json);
            if (!entry)
                return error(StatusCode::INVALID_ARGUMENT, what + QStringLiteral(": ") + entry.error());
            entries.append(std::move(*entry));
        }
        P4ApplyResult result;
        const Status status = onEngineAsync<P4ApplyResult>(
            context,
            [broker = m_broker, switchId, table, entries = std::move(entries), dryRun,
             actor](auto reply) {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return reply(networkMissing<P4ApplyResult>());
                // The controller refuses bad sets before it answers; what fails later is the
                // switch (read or write, restored).
                auto synchronous = std::make_shared<bool>(true);
                network->setEntries(switchId, table, entries, dryRun, actor,
                                    [reply, synchronous](const Result<P4ApplyResult> &result) {
                                        reply(Outcome<P4ApplyResult>::from(
                                            result, *synchronous ? StatusCode::INVALID_ARGUMENT
                                                                 : StatusCode::FAILED_PRECONDITION));
                                    });
                *synchronous = false;
            },
            result);
        if (!status.ok())
            return status;
        toProto(program, result, response);
        qCInfo(lcApi).noquote() << actor << (dryRun ? "dry-ran" : "set") << "entries of" << switchId
                                << (table.isEmpty() ? QStringLiteral("(all tables)") : table) << "+"
                                << result.diff.toInsert.size() << "~" << result.diff.toModify.size()
                                << "-" << result.diff.toDelete.size();
        return Status::OK;
    }

    Status DryRunP4Packet(ServerContext *, const v1::DryRunP4PacketRequest *request,
                          v1::DryRunP4PacketResponse *response) override
    {
        const QString switchId = qstr(request->switch_id());
        const QString packet = qstr(request->packet());
        if (packet.trimmed().isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "give a packet (\"in_port=1 ip_dst=10.0.0.2 dport=80\")");
        P4Program program;
        if (const Status status = switchProgram(switchId, program); !status.ok())
            return status;
        QList<P4Update> pending;
        pending.reserve(request->pending_size());
        for (int i = 0; i < request->pending_size(); ++i) {
            auto update = fromProto(program, request->pending(i));
            if (!update)
                return error(StatusCode::INVALID_ARGUMENT,
                             QStringLiteral("pending #%1: %2").arg(i).arg(update.error()));
            pending.append(std::move(*update));
        }
        QString trace;
        const Status status = onEngine<QString>(
            [broker = m_broker, switchId, packet, pending]() -> Outcome<QString> {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return networkMissing<QString>();
                return Outcome<QString>::from(network->dryRunPacket(switchId, packet, pending),
                                              StatusCode::INVALID_ARGUMENT);
            },
            trace);
        if (!status.ok())
            return status;
        response->set_trace(trace.toStdString());
        return Status::OK;
    }

    Status ListConnections(ServerContext *, const v1::ListConnectionsRequest *,
                           v1::ListConnectionsResponse *response) override
    {
        QList<Connection> connections;
        const Status status = onEngine<QList<Connection>>(
            [broker = m_broker]() -> Outcome<QList<Connection>> {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return networkMissing<QList<Connection>>();
                return Outcome<QList<Connection>>::of(network->connections());
            },
            connections);
        if (!status.ok())
            return status;
        response->mutable_connections_json()->Reserve(int(connections.size()));
        for (const Connection &connection : std::as_const(connections))
            response->add_connections_json(jsonText(toJson(connection)));
        return Status::OK;
    }

    Status UpsertConnection(ServerContext *context, const v1::UpsertConnectionRequest *request,
                            v1::UpsertConnectionResponse *response) override
    {
        auto json = jsonObject(request->connection_json(), QStringLiteral("connection"));
        if (!json)
            return error(StatusCode::INVALID_ARGUMENT, json.error());
        auto parsed = connectionFromJson(*json);
        if (!parsed)
            return error(StatusCode::INVALID_ARGUMENT, parsed.error());
        const bool dryRun = request->dry_run();
        const QString actor = actorOf(context, request->actor());
        Connection connection;
        const Status status = onEngineAsync<Connection>(
            context,
            [broker = m_broker, wanted = std::move(*parsed), dryRun, actor](auto reply) {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return reply(networkMissing<Connection>());
                // Refused before any switch is touched: the connection itself (endpoints, flow
                // id, no path); later: a switch refused the entries (restored).
                auto synchronous = std::make_shared<bool>(true);
                network->upsertConnection(wanted, dryRun, actor,
                                          [reply, synchronous](const Result<Connection> &result) {
                                              reply(Outcome<Connection>::from(
                                                  result, *synchronous ? StatusCode::INVALID_ARGUMENT
                                                                       : StatusCode::FAILED_PRECONDITION));
                                          });
                *synchronous = false;
            },
            connection);
        if (!status.ok())
            return status;
        response->set_connection_json(jsonText(toJson(connection)));
        qCInfo(lcApi).noquote() << actor << (dryRun ? "planned" : "set") << "connection" << connection.id
                                << "on" << connection.path.join(QLatin1Char('-'));
        return Status::OK;
    }

    Status RemoveConnection(ServerContext *context, const v1::RemoveConnectionRequest *request,
                            v1::RemoveConnectionResponse *) override
    {
        const QString connectionId = qstr(request->connection_id());
        if (connectionId.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "give a connection id");
        const QString actor = actorOf(context, request->actor());
        bool done = false;
        const Status status = onEngineAsync<bool>(
            context,
            [broker = m_broker, connectionId, actor](auto reply) {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return reply(networkMissing<bool>());
                if (!hasConnection(*network, connectionId))
                    return reply(connectionMissing<bool>(connectionId));
                network->removeConnection(connectionId, actor, [reply](const Result<void> &result) {
                    reply(result ? Outcome<bool>::of(true)
                                 : Outcome<bool>::failed(StatusCode::FAILED_PRECONDITION, result.error()));
                });
            },
            done);
        if (!status.ok())
            return status;
        qCInfo(lcApi).noquote() << actor << "removed connection" << connectionId;
        return Status::OK;
    }

    Status RerouteConnection(ServerContext *context, const v1::RerouteConnectionRequest *request,
                             v1::RerouteConnectionResponse *response) override
    {
        const QString connectionId = qstr(request->connection_id());
        if (connectionId.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "give a connection id");
        QStringList avoid;
        for (const std::string &switchId : request->avoid_switches())
            avoid.append(qstr(switchId));
        const QString actor = actorOf(context, request->actor());
        Connection connection;
        const Status status = onEngineAsync<Connection>(
            context,
            [broker = m_broker, connectionId, avoid, actor](auto reply) {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return reply(networkMissing<Connection>());
                if (!hasConnection(*network, connectionId))
                    return reply(connectionMissing<Connection>(connectionId));
                // Both failures (no path avoiding the switches; a switch refused) leave the
                // connection as it was.
                network->rerouteConnection(connectionId, avoid, actor,
                                           [reply](const Result<Connection> &result) {
                                               reply(Outcome<Connection>::from(
                                                   result, StatusCode::FAILED_PRECONDITION));
                                           });
            },
            connection);
        if (!status.ok())
            return status;
        response->set_connection_json(jsonText(toJson(connection)));
        qCInfo(lcApi).noquote() << actor << "rerouted connection" << connectionId << "to"
                                << connection.path.join(QLatin1Char('-'));
        return Status::OK;
    }

    Status ListSlaRules(ServerContext *, const v1::ListSlaRulesRequest *,
                        v1::ListSlaRulesResponse *response) override
    {
        QList<SlaRule> rules;
        const Status status = onEngine<QList<SlaRule>>(
            [broker = m_broker]() -> Outcome<QList<SlaRule>> {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return networkMissing<QList<SlaRule>>();
                return Outcome<QList<SlaRule>>::of(network->slaRules());
            },
            rules);
        if (!status.ok())
            return status;
        response->mutable_rules_json()->Reserve(int(rules.size()));
        for (const SlaRule &rule : std::as_const(rules))
            response->add_rules_json(jsonText(toJson(rule)));
        return Status::OK;
    }

    Status UpsertSlaRule(ServerContext *context, const v1::UpsertSlaRuleRequest *request,
                         v1::UpsertSlaRuleResponse *) override
    {
        auto json = jsonObject(request->rule_json(), QStringLiteral("SLA rule"));
        if (!json)
            return error(StatusCode::INVALID_ARGUMENT, json.error());
        auto rule = slaRuleFromJson(*json);
        if (!rule)
            return error(StatusCode::INVALID_ARGUMENT, rule.error());
        const QString actor = actorOf(context, request->actor());
        bool done = false;
        const Status status = onEngine<bool>(
            [broker = m_broker, rule = *rule, actor]() -> Outcome<bool> {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return networkMissing<bool>();
                if (!rule.connectionId.isEmpty() && !hasConnection(*network, rule.connectionId))
                    return connectionMissing<bool>(rule.connectionId);
                if (auto set = network->upsertSlaRule(rule, actor); !set)
                    return Outcome<bool>::failed(StatusCode::INVALID_ARGUMENT, set.error());
                return Outcome<bool>::of(true);
            },
            done);
        if (!status.ok())
            return status;
        qCInfo(lcApi).noquote() << actor << "set SLA rule" << rule->id;
        return Status::OK;
    }

    Status RemoveSlaRule(ServerContext *context, const v1::RemoveSlaRuleRequest *request,
                         v1::RemoveSlaRuleResponse *) override
    {
        const QString ruleId = qstr(request->rule_id());
        if (ruleId.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "give an SLA rule id");
        const QString actor = actorOf(context, request->actor());
        bool done = false;
        const Status status = onEngine<bool>(
            [broker = m_broker, ruleId, actor]() -> Outcome<bool> {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return networkMissing<bool>();
                const QList<SlaRule> rules = network->slaRules();
                if (std::none_of(rules.cbegin(), rules.cend(),
                                 [&](const SlaRule &rule) { return rule.id == ruleId; }))
                    return Outcome<bool>::failed(StatusCode::NOT_FOUND,
                                                 QStringLiteral("no SLA rule \"%1\"").arg(ruleId));
                if (auto removed = network->removeSlaRule(ruleId, actor); !removed)
                    return Outcome<bool>::failed(StatusCode::FAILED_PRECONDITION, removed.error());
                return Outcome<bool>::of(true);
            },
            done);
        if (!status.ok())
            return status;
        qCInfo(lcApi).noquote() << actor << "removed SLA rule" << ruleId;
        return Status::OK;
    }

    Status ListReroutes(ServerContext *, const v1::ListReroutesRequest *,
                        v1::ListReroutesResponse *response) override
    {
        QList<RerouteRecord> reroutes;
        const Status status = onEngine<QList<RerouteRecord>>(
            [broker = m_broker]() -> Outcome<QList<RerouteRecord>> {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return networkMissing<QList<RerouteRecord>>();
                return Outcome<QList<RerouteRecord>>::of(network->reroutes());
            },
            reroutes);
        if (!status.ok())
            return status;
        response->mutable_reroutes_json()->Reserve(int(reroutes.size()));
        for (const RerouteRecord &record : std::as_const(reroutes))
            response->add_reroutes_json(jsonText(toJson(record)));
        return Status::OK;
    }

    /// Set once by GrpcServer before serving: the central that relays FindResources to agents.
    void setFederation(FederationCentral *federation) { m_federation = federation; }

private:
    template <typename T> static Outcome<T> orchestrationMissing()
    {
        return Outcome<T>::failed(StatusCode::FAILED_PRECONDITION,
                                  QStringLiteral("orchestration is not running on this daemon"));
    }

    template <typename T> static Outcome<T> networkMissing()
    {
        return Outcome<T>::failed(StatusCode::FAILED_PRECONDITION,
                                  QStringLiteral("P4 network control is not running on this daemon"));
    }

    template <typename T> static Outcome<T> connectionMissing(const QString &connectionId)
    {
        return Outcome<T>::failed(StatusCode::NOT_FOUND,
                                  QStringLiteral("no connection \"%1\"").arg(connectionId));
    }

    /// Engine thread. O(connections).
    static bool hasConnection(const NetworkController &network, const QString &connectionId)
    {
        const QList<Connection> connections = network.connections();
        return std::any_of(connections.cbegin(), connections.cend(),
                           [&](const Connection &c) { return c.id == connectionId; });
    }

    /// The program of a switch the controller knows; NOT_FOUND for any other. O(switches).
    Status switchProgram(const QString &switchId, P4Program &out)
    {
        if (switchId.isEmpty())
            return Status(StatusCode::INVALID_ARGUMENT, "give a switch id");
        return onEngine<P4Program>(
            [broker = m_broker, switchId]() -> Outcome<P4Program> {
                NetworkController *network = broker->engine()->network();
                if (!network)
                    return networkMissing<P4Program>();
                const QList<P4SwitchStatus> switches = network->switches();
                if (std::none_of(switches.cbegin(), switches.cend(),
                                 [&](const P4SwitchStatus &s) { return s.switchId == switchId; }))
                    return Outcome<P4Program>::failed(StatusCode::NOT_FOUND,
                                                      QStringLiteral("no P4 switch \"%1\"").arg(switchId));
                // A switch that reported no program runs the reference one (as clients assume).
                const P4Program program = network->program(switchId);
                return Outcome<P4Program>::of(program.isNull() ? P4Program::reference() : program);
            },
            out);
    }

    /// onEngine() for engine calls that answer later through a callback on the engine thread
    /// (the network controller's switch reads and writes). `start(reply)` runs on the engine
    /// thread and calls `reply` once, at once or later. Waits for the reply until the client's
    /// deadline (at most AsyncCallLimit), its cancellation or the server's shutdown; a late
    /// reply is dropped (the state it shares is held by the reply itself).
    template <typename T, typename Start>
    Status onEngineAsync(ServerContext *context, Start start, T &out)
    {
        struct Pending
        {
            std::mutex mutex;
            std::condition_variable answered;
            std::optional<Outcome<T>> outcome;
        };
        auto pending = std::make_shared<Pending>();
        std::function<void(Outcome<T>)> reply = [pending](Outcome<T> outcome) {
            std::lock_guard lock(pending->mutex);
            if (pending->outcome)
                return;
            pending->outcome = std::move(outcome);
            pending->answered.notify_all();
        };
        if (!m_broker->invokeOnEngine([start = std::move(start), reply]() mutable { start(reply); },
                                      std::chrono::seconds(10)))
            return unavailable();
        const auto limit = std::min(context->deadline(), std::chrono::system_clock::now() + AsyncCallLimit);
        std::unique_lock lock(pending->mutex);
        while (!pending->outcome) {
            if (m_broker->isShutDown())
                return unavailable();
            if (context->IsCancelled())
                return Status::CANCELLED;
            if (std::chrono::system_clock::now() >= limit)
                return Status(StatusCode::DEADLINE_EXCEEDED,
                              "the network controller did not answer in time (the change may "
                              "still complete: list again before retrying)");
            pending->answered.wait_for(lock, PollInterval);
        }
        Outcome<T> outcome = std::move(*pending->outcome);
        if (outcome.code != StatusCode::OK)
            return error(outcome.code, outcome.message);
        out = std::move(*outcome.value);
        return Status::OK;
    }

    template <typename T, typename ProtoList>
    static void listOut(const QList<T> &from, ProtoList *to)
    {
        to->Reserve(int(from.size()));
        for (const T &item : from)
            toProto(item, to->Add());
    }

    Status listDeployments(const QString &workloadId, QList<Deployment> &out)
    {
        return onEngine<QList<Deployment>>(
            [broker = m_broker, workloadId]() -> Outcome<QList<Deployment>> {
                Orchestrator *orchestrator = broker->engine()->orchestrator();
                if (!orchestrator)
                    return orchestrationMissing<QList<Deployment>>();
                if (!workloadId.isEmpty() && !orchestrator->workload(workloadId))
                    return Outcome<QList<Deployment>>::failed(
                        StatusCode::NOT_FOUND, QStringLiteral("no workload \"%1\"").arg(workloadId));
                return Outcome<QList<Deployment>>::of(orchestrator->deployments(workloadId));
            },
            out);
    }

        template <typename T> static Outcome<T> notRunning()
    {
        return Outcome<T>::failed(StatusCode::FAILED_PRECONDITION,
                                  QStringLiteral("alerting is not running on this daemon"));
    }

    /// Run `function` on the engine thread (as every handler reaching the engine does) and
    /// move its value into `out`; the status says why there is none.
    template <typename T, typename Function> Status onEngine(Function function, T &out)
    {
        auto outcome = m_broker->callOnEngine<Outcome<T>>(std::move(function));
        if (!outcome)
            return unavailable();
        if (outcome->code != StatusCode::OK)
            return error(outcome->code, outcome->message);
        out = std::move(*outcome->value);
        return Status::OK;
    }

    ApiBroker *m_broker;
    FederationCentral *m_federation = nullptr;
};

GrpcServer::GrpcServer(Engine *engine) : GrpcServer(engine, BrokerLimits{}) {}

GrpcServer::GrpcServer(Engine *engine, const BrokerLimits &limits)
    : m_broker(std::make_unique<ApiBroker>(engine, limits))
    , m_service(std::make_unique<Service>(m_broker.get()))
    , m_callMetrics(std::make_shared<GrpcCallMetrics>())
    , m_federation(std::make_unique<FederationCentral>(engine))
{
    m_service->setFederation(m_federation.get());
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
    // Every call is counted (method, status code, latency) for the daemon's /metrics.
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
        interceptors;
    interceptors.push_back(m_callMetrics->interceptorFactory());
    builder.experimental().SetInterceptorCreators(std::move(interceptors));
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
