#include "control/GrpcControlPlane.h"

#include "api/ProtoConvert.h"
#include "util/Logging.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDateTime>
#include <QPointer>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <set>

namespace Continuo {

namespace v1 = ::continuo::v1;
using namespace std::chrono_literals;

namespace {

constexpr auto InitialBackoff = std::chrono::milliseconds(500);
constexpr auto MaxBackoff = std::chrono::milliseconds(10000);
constexpr auto StatusPollInterval = std::chrono::milliseconds(1000);
constexpr auto CallDeadline = std::chrono::seconds(10);
/// The most a list call asks for (the daemon's cap).
constexpr int MaxWireListLimit = 100000;

std::chrono::milliseconds nextBackoff(std::chrono::milliseconds current)
{
    return std::min(current * 2, MaxBackoff);
}

QString describe(const grpc::Status &status)
{
    QString message = QString::fromStdString(status.error_message());
    if (message.isEmpty())
        message = QStringLiteral("gRPC status %1").arg(int(status.error_code()));
    return message;
}

} // namespace

/// Channel and stub of one open() .. close() period; shared with reader threads and callbacks.
struct GrpcControlPlane::Channel
{
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::ContinuoService::Stub> stub;
};

/// Stops a reader thread: cancels its call and interrupts its backoff sleep.
struct GrpcControlPlane::StreamControl
{
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::set<grpc::ClientContext *> contexts;

    bool isStopping()
    {
        std::lock_guard lock(mutex);
        return stopping;
    }
    /// False (and nothing registered) when already stopping.
    bool attach(grpc::ClientContext *context)
    {
        std::lock_guard lock(mutex);
        if (stopping)
            return false;
        contexts.insert(context);
        return true;
    }
    void detach(grpc::ClientContext *context)
    {
        std::lock_guard lock(mutex);
        contexts.erase(context);
    }
    /// Sleep unless stopped first; false when stopping.
    bool sleep(std::chrono::milliseconds duration)
    {
        std::unique_lock lock(mutex);
        return !wake.wait_for(lock, duration, [this] { return stopping; });
    }
    void stop()
    {
        std::lock_guard lock(mutex);
        stopping = true;
        for (auto *context : contexts)
            context->TryCancel();
        wake.notify_all();
    }
};

/// Lets threads and gRPC callbacks post into the object without outliving it.
struct GrpcControlPlane::Mailbox
{
    std::mutex mutex;
    GrpcControlPlane *owner = nullptr;

    template<typename Function>
    void post(Function function)
    {
        std::lock_guard lock(mutex);
        if (owner)
            QMetaObject::invokeMethod(owner, std::move(function), Qt::QueuedConnection);
    }
};

GrpcControlPlane::GrpcControlPlane(const QString &endpoint, QObject *parent)
    : IControlPlane(parent)
    , m_endpoint(endpoint)
    , m_actor(QStringLiteral("console:") + qEnvironmentVariable("USER", QStringLiteral("operator")))
    , m_mailbox(std::make_shared<Mailbox>())
{
    // No Engine exists in a remote console: register what its signals carry across threads.
    qRegisterMetaType<Continuo::EngineStatus>();
    qRegisterMetaType<Continuo::IControlPlane::ConnectionState>();
    qRegisterMetaType<QList<Continuo::InventoryDelta>>();
    qRegisterMetaType<QList<Continuo::Event>>();
    qRegisterMetaType<QList<Continuo::SeriesBatch>>();
    qRegisterMetaType<Continuo::Alert>();
    qRegisterMetaType<Continuo::Silence>();
    qRegisterMetaType<Continuo::Deployment>();
    qRegisterMetaType<Continuo::Workload>();
    m_mailbox->owner = this;
}

GrpcControlPlane::~GrpcControlPlane()
{
    close();
    for (auto &[id, subscription] : m_subscriptions)
        stopTelemetry(subscription);
    std::lock_guard lock(m_mailbox->mutex);
    m_mailbox->owner = nullptr;
}

template<typename Function>
void GrpcControlPlane::post(int generation, Function function)
{
    m_mailbox->post([this, generation, function = std::move(function)]() mutable {
        if (generation == m_generation.load())
            function();
    });
}

void GrpcControlPlane::setConnectionState(ConnectionState state)
{
    if (m_connectionState == state)
        return;
    m_connectionState = state;
    Q_EMIT connectionStateChanged(state);
}

void GrpcControlPlane::markDisconnected(const QString &why)
{
    if (m_connectionError != why)
        qCWarning(lcControl).noquote() << "connection to" << m_endpoint << "lost:" << why;
    m_connectionError = why;
    setConnectionState(ConnectionState::Disconnected);
}

void GrpcControlPlane::open()
{
    if (m_connection)
        return;
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(-1);
    arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, int(InitialBackoff.count()));
    arguments.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, int(InitialBackoff.count()));
    arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, int(MaxBackoff.count()));
    m_connection = std::make_shared<Channel>();
    m_connection->channel = grpc::CreateCustomChannel(m_endpoint.toStdString(),
                                                      grpc::InsecureChannelCredentials(), arguments);
    m_connection->stub = v1::ContinuoService::NewStub(m_connection->channel);
    m_control = std::make_shared<StreamControl>();
    const int generation = ++m_generation;
    m_connectionError.clear();
    setConnectionState(ConnectionState::Connecting);
    m_threads.emplace_back(&GrpcControlPlane::inventoryLoop, this, m_control, generation);
    m_threads.emplace_back(&GrpcControlPlane::eventsLoop, this, m_control, generation);
    m_threads.emplace_back(&GrpcControlPlane::statusLoop, this, m_control, generation);
    m_threads.emplace_back(&GrpcControlPlane::alertsLoop, this, m_control, generation);
    m_threads.emplace_back(&GrpcControlPlane::deploymentsLoop, this, m_control, generation);
    for (auto &[id, subscription] : m_subscriptions)
        startTelemetry(id, subscription);
}

void GrpcControlPlane::close()
{
    if (!m_connection)
        return;
    ++m_generation; // whatever the old threads posted is ignored from now on
    m_control->stop();
    for (auto &thread : m_threads)
        thread.join();
    m_threads.clear();
    for (auto &[id, subscription] : m_subscriptions)
        stopTelemetry(subscription);
    m_control.reset();
    m_connection.reset();
    m_programs.clear(); // the daemon may run other programs when we come back
    setConnectionState(ConnectionState::Disconnected);
}

void GrpcControlPlane::inventoryLoop(std::shared_ptr<StreamControl> control, int generation)
{
    const auto connection = m_connection;
    auto backoff = InitialBackoff;
    while (!control->isStopping()) {
        grpc::ClientContext context;
        if (!control->attach(&context))
            break;
        auto reader = connection->stub->WatchInventory(&context, v1::WatchInventoryRequest());
        v1::WatchInventoryResponse message;
        while (reader->Read(&message)) {
            if (message.has_snapshot()) {
                backoff = InitialBackoff;
                InventorySnapshot snapshot = Api::fromProto(message.snapshot());
                post(generation, [this, snapshot = std::move(snapshot)] {
                    m_inventory.reset(snapshot);
                    m_connectionError.clear();
                    setConnectionState(ConnectionState::Connected);
                    Q_EMIT inventoryReset();
                });
            } else if (message.has_deltas()) {
                QList<InventoryDelta> deltas;
                deltas.reserve(message.deltas().deltas_size());
                for (const auto &delta : message.deltas().deltas())
                    deltas.append(Api::fromProto(delta));
                post(generation, [this, deltas = std::move(deltas)] {
                    m_inventory.applyDeltas(deltas);
                    Q_EMIT inventoryChanged(deltas);
                });
            }
        }
        const grpc::Status status = reader->Finish();
        control->detach(&context);
        if (control->isStopping())
            break;
        const QString why = status.ok() ? tr("the daemon ended the inventory stream")
                                         : describe(status);
        post(generation, [this, why] { markDisconnected(why); });
        if (!control->sleep(backoff))
            break;
        backoff = nextBackoff(backoff);
        post(generation, [this] {
            if (m_connectionState == ConnectionState::Disconnected)
                setConnectionState(ConnectionState::Connecting);
        });
    }
}

void GrpcControlPlane::eventsLoop(std::shared_ptr<StreamControl> control, int generation)
{
    const auto connection = m_connection;
    auto backoff = InitialBackoff;
    while (!control->isStopping()) {
        grpc::ClientContext context;
        if (!control->attach(&context))
            break;
        v1::WatchEventsRequest request;
        request.set_send_history(true);
        request.set_after_sequence(m_lastEventSequence.load());
        auto reader = connection->stub->WatchEvents(&context, request);
        v1::EventBatch batch;
        while (reader->Read(&batch)) {
            backoff = InitialBackoff;
            QList<Event> events;
            events.reserve(batch.events_size());
            // The server sends history and live events without gaps or repeats; a reconnect asks
            // for what came after the newest one seen. (A daemon restarted on fresh state numbers
            // from 1 again: its events are still shown, not dropped as old.)
            for (const auto &event : batch.events()) {
                if (event.sequence() > m_lastEventSequence.load())
                    m_lastEventSequence.store(event.sequence());
                events.append(Api::fromProto(event));
            }
            if (events.isEmpty())
                continue;
            post(generation, [this, events = std::move(events)] {
                forgetPrograms(events);
                m_events.append(events);
                if (m_events.size() > m_recentEventLimit)
                    m_events.remove(0, m_events.size() - m_recentEventLimit);
                Q_EMIT eventsReceived(events);
            });
        }
        const grpc::Status status = reader->Finish();
        control->detach(&context);
        if (control->isStopping() || !control->sleep(backoff))
            break;
        if (!status.ok())
            qCDebug(lcControl).noquote() << "event stream ended:" << describe(status);
        backoff = nextBackoff(backoff);
    }
}

void GrpcControlPlane::statusLoop(std::shared_ptr<StreamControl> control, int generation)
{
    const auto connection = m_connection;
    while (!control->isStopping()) {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
        if (!control->attach(&context))
            break;
        v1::EngineStatus response;
        const grpc::Status status =
            connection->stub->GetStatus(&context, v1::GetStatusRequest(), &response);
        control->detach(&context);
        if (status.ok()) {
            EngineStatus engineStatus = Api::fromProto(response);
            post(generation, [this, engineStatus = std::move(engineStatus)] {
                m_status = engineStatus;
                Q_EMIT statusChanged(m_status);
            });
        }
        if (!control->sleep(StatusPollInterval))
            break;
    }
}

int GrpcControlPlane::subscribeTelemetry(const QList<SeriesMatcher> &matchers)
{
    const int id = m_nextSubscriptionId++;
    auto [it, inserted] = m_subscriptions.try_emplace(id);
    it->second.matchers = matchers;
    if (m_connection)
        startTelemetry(id, it->second);
    return id;
}

void GrpcControlPlane::unsubscribeTelemetry(int subscriptionId)
{
    auto it = m_subscriptions.find(subscriptionId);
    if (it == m_subscriptions.end())
        return;
    stopTelemetry(it->second);
    m_subscriptions.erase(it);
}

void GrpcControlPlane::startTelemetry(int subscriptionId, TelemetrySubscription &subscription)
{
    stopTelemetry(subscription);
    subscription.control = std::make_shared<StreamControl>();
    subscription.thread = std::thread(&GrpcControlPlane::telemetryLoop, this, subscriptionId,
                                      subscription.matchers, subscription.control,
                                      m_generation.load());
}

void GrpcControlPlane::stopTelemetry(TelemetrySubscription &subscription)
{
    if (subscription.control)
        subscription.control->stop();
    if (subscription.thread.joinable())
        subscription.thread.join();
    subscription.control.reset();
}

void GrpcControlPlane::telemetryLoop(int subscriptionId, QList<SeriesMatcher> matchers,
                                     std::shared_ptr<StreamControl> control, int generation)
{
    const auto connection = m_connection;
    v1::SubscribeTelemetryRequest request;
    for (const auto &matcher : std::as_const(matchers))
        request.add_selectors(matcher.toString().toStdString());
    auto backoff = InitialBackoff;
    while (!control->isStopping()) {
        grpc::ClientContext context;
        if (!control->attach(&context))
            break;
        auto reader = connection->stub->SubscribeTelemetry(&context, request);
        v1::SampleBatch frame;
        while (reader->Read(&frame)) {
            backoff = InitialBackoff;
            QList<SeriesBatch> batches;
            batches.reserve(frame.series_size());
            for (const auto &series : frame.series())
                batches.append(Api::fromProto(series));
            post(generation, [this, subscriptionId, batches = std::move(batches)] {
                if (m_subscriptions.count(subscriptionId))
                    Q_EMIT samplesReceived(subscriptionId, batches);
            });
        }
        const grpc::Status status = reader->Finish();
        control->detach(&context);
        if (control->isStopping())
            break;
        if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
            qCWarning(lcControl).noquote()
                << "telemetry subscription" << subscriptionId << "refused:" << describe(status);
            break;
        }
        if (!control->sleep(backoff))
            break;
        backoff = nextBackoff(backoff);
    }
}

template<typename T>
std::function<void(Result<T>)> GrpcControlPlane::guardedDelivery(
    std::shared_ptr<Mailbox> mailbox, QObject *context, std::function<void(const Result<T> &)> callback)
{
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    return [mailbox = std::move(mailbox), guard, hasContext, callback = std::move(callback)](Result<T> result) {
        mailbox->post([guard, hasContext, callback, result = std::move(result)] {
            if (hasContext && !guard)
                return;
            callback(result);
        });
    };
}

void GrpcControlPlane::queryRange(const QString &seriesKey, qint64 fromMs, qint64 toMs,
                                  QObject *context,
                                  std::function<void(const Result<QList<Sample>> &)> callback)
{
    auto deliver = guardedDelivery<QList<Sample>>(m_mailbox, context, std::move(callback));
    if (!m_connection) {
        deliver(makeError(tr("not connected to %1").arg(m_endpoint)));
        return;
    }
    struct Call
    {
        std::shared_ptr<Channel> connection;
        grpc::ClientContext context;
        v1::QueryRangeRequest request;
        v1::QueryRangeResponse response;
    };
    auto call = std::make_shared<Call>();
    call->connection = m_connection;
    call->context.set_deadline(std::chrono::system_clock::now() + CallDeadline);
    call->request.set_series_key(seriesKey.toStdString());
    call->request.set_from_ms(fromMs);
    call->request.set_to_ms(toMs);
    m_connection->stub->async()->QueryRange(
        &call->context, &call->request, &call->response,
        [call, deliver = std::move(deliver)](grpc::Status status) mutable {
            if (!status.ok()) {
                deliver(makeError(describe(status)));
            } else {
                QList<Sample> samples;
                samples.reserve(call->response.samples_size());
                for (const auto &sample : call->response.samples())
                    samples.append(Api::fromProto(sample));
                deliver(std::move(samples));
            }
            // `call` goes when the last copy of this callback does, after gRPC is done with it.
        });
}

void GrpcControlPlane::setNodeState(const QString &nodeId, NodeState state, const QString &reason,
                                    QObject *context,
                                    std::function<void(const Result<Node> &)> callback)
{
    auto deliver = guardedDelivery<Node>(m_mailbox, context, std::move(callback));
    if (!m_connection) {
        deliver(makeError(tr("not connected to %1").arg(m_endpoint)));
        return;
    }
    struct Call
    {
        std::shared_ptr<Channel> connection;
        grpc::ClientContext context;
        v1::SetNodeStateRequest request;
        v1::SetNodeStateResponse response;
    };
    auto call = std::make_shared<Call>();
    call->connection = m_connection;
    call->context.set_deadline(std::chrono::system_clock::now() + CallDeadline);
    call->request.set_node_id(nodeId.toStdString());
    call->request.set_state(Api::toProto(state));
    call->request.set_reason(reason.toStdString());
    call->request.set_actor(m_actor.toStdString());
    m_connection->stub->async()->SetNodeState(
        &call->context, &call->request, &call->response,
        [call, deliver = std::move(deliver)](grpc::Status status) mutable {
            if (!status.ok())
                deliver(makeError(describe(status)));
            else
                deliver(Api::fromProto(call->response.node()));
        });
}

template <typename Response, typename Request, typename T, typename Start, typename Convert>
void GrpcControlPlane::unaryCall(Request request, Start start, Convert convert,
                                 std::function<void(Result<T>)> deliver)
{
    if (!m_connection) {
        deliver(makeError(tr("not connected to %1").arg(m_endpoint)));
        return;
    }
    struct Call
    {
        std::shared_ptr<Channel> connection;
        grpc::ClientContext context;
        Request request;
        Response response;
    };
    auto call = std::make_shared<Call>();
    call->connection = m_connection;
    call->context.set_deadline(std::chrono::system_clock::now() + CallDeadline);
    call->request = std::move(request);
    start(call->connection->stub.get(), &call->context, &call->request, &call->response,
          [call, convert = std::move(convert),
           deliver = std::move(deliver)](grpc::Status status) mutable {
              if (!status.ok())
                  deliver(makeError(describe(status)));
              else
                  deliver(convert(call->response));
              // `call` goes when the last copy of this callback does, after gRPC is done with it.
          });
}

namespace {

/// The wire limit for a model limit: negative (no limit) becomes the server's maximum, 0 asks
/// for one (the caller keeps none).
int wireLimit(int limit)
{
    return limit < 0 ? MaxWireListLimit : std::clamp(limit, 1, MaxWireListLimit);
}

} // namespace

void GrpcControlPlane::listSeries(const QString &selector, int limit, QObject *context,
                                  std::function<void(const Result<SeriesListing> &)> callback)
{
    v1::ListSeriesRequest request;
    request.set_selector(selector.toStdString());
    request.set_limit(wireLimit(limit));
    unaryCall<v1::ListSeriesResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::ListSeriesRequest *in, v1::ListSeriesResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->ListSeries(call, in, out, std::move(done));
        },
        [limit](const v1::ListSeriesResponse &response) -> Result<SeriesListing> {
            SeriesListing listing;
            listing.truncated = response.truncated();
            listing.series.reserve(response.series_size());
            for (const auto &series : response.series())
                listing.series.append(Api::fromProto(series));
            if (limit >= 0 && listing.series.size() > limit) {
                listing.series.resize(limit);
                listing.truncated = true;
            }
            return listing;
        },
        guardedDelivery<SeriesListing>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::queryChart(
    const QString &selector, qint64 fromMs, qint64 toMs, int columnBudget, QObject *context,
    std::function<void(const Result<QList<DownsampledSeries>> &)> callback)
{
    v1::QueryChartRequest request;
    request.set_selector(selector.toStdString());
    request.set_from_ms(fromMs);
    request.set_to_ms(toMs);
    request.set_column_budget(columnBudget);
    request.set_resolution(v1::QUERY_RESOLUTION_AUTO);
    unaryCall<v1::QueryChartResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::QueryChartRequest *in, v1::QueryChartResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->QueryChart(call, in, out, std::move(done));
        },
        [](const v1::QueryChartResponse &response) -> Result<QList<DownsampledSeries>> {
            QList<DownsampledSeries> series;
            series.reserve(response.series_size());
            for (const auto &wire : response.series()) {
                auto one = Api::fromProto(wire);
                if (!one)
                    return makeError(tr("the daemon sent a malformed chart: %1").arg(one.error()));
                series.append(std::move(one).value());
            }
            return series;
        },
        guardedDelivery<QList<DownsampledSeries>>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::evaluateQuery(const RangeQuery &query, QObject *context,
                                     std::function<void(const Result<QueryResult> &)> callback)
{
    v1::EvaluateQueryRequest request;
    Api::toProto(query, request.mutable_query());
    unaryCall<v1::QueryResult>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::EvaluateQueryRequest *in, v1::QueryResult *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->EvaluateQuery(call, in, out, std::move(done));
        },
        [](const v1::QueryResult &response) -> Result<QueryResult> {
            return Api::fromProto(response);
        },
        guardedDelivery<QueryResult>(m_mailbox, context, std::move(callback)));
}

QList<Alert> GrpcControlPlane::activeAlerts() const
{
    return m_alerts;
}

QList<Silence> GrpcControlPlane::silences() const
{
    // A silence that ran out is gone even before the daemon's sweep reports it.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QList<Silence> current;
    for (const Silence &silence : m_silences) {
        if (silence.endsAtMs > nowMs)
            current.append(silence);
    }
    return current;
}

void GrpcControlPlane::applyAlert(const Alert &alert)
{
    auto it = std::find_if(m_alerts.begin(), m_alerts.end(),
                           [&](const Alert &known) { return known.id == alert.id; });
    if (!alert.isActive()) {
        if (it != m_alerts.end())
            m_alerts.erase(it);
        return;
    }
    if (it != m_alerts.end()) {
        *it = alert;
        return;
    }
    // Oldest first, as the daemon lists them.
    const auto at = std::upper_bound(
        m_alerts.begin(), m_alerts.end(), alert,
        [](const Alert &a, const Alert &b) { return a.startedAtMs < b.startedAtMs; });
    m_alerts.insert(at, alert);
}

void GrpcControlPlane::applySilence(const Silence &silence)
{
    auto it = std::find_if(m_silences.begin(), m_silences.end(),
                           [&](const Silence &known) { return known.id == silence.id; });
    const bool ended =
        !silence.expiredBy.isEmpty() || silence.endsAtMs <= QDateTime::currentMSecsSinceEpoch();
    if (ended) {
        if (it != m_silences.end())
            m_silences.erase(it);
    } else if (it != m_silences.end()) {
        *it = silence;
    } else {
        m_silences.append(silence);
    }
}

void GrpcControlPlane::alertsLoop(std::shared_ptr<StreamControl> control, int generation)
{
    const auto connection = m_connection;
    auto backoff = InitialBackoff;
    while (!control->isStopping()) {
        grpc::ClientContext context;
        if (!control->attach(&context))
            break;
        auto reader = connection->stub->WatchAlerts(&context, v1::WatchAlertsRequest());
        v1::WatchAlertsResponse message;
        while (reader->Read(&message)) {
            backoff = InitialBackoff;
            if (message.has_snapshot()) {
                QList<Alert> alerts;
                alerts.reserve(message.snapshot().alerts_size());
                for (const auto &alert : message.snapshot().alerts())
                    alerts.append(Api::fromProto(alert));
                QList<Silence> silences;
                silences.reserve(message.snapshot().silences_size());
                for (const auto &silence : message.snapshot().silences())
                    silences.append(Api::fromProto(silence));
                post(generation,
                     [this, alerts = std::move(alerts), silences = std::move(silences)] {
                         m_alerts = alerts;
                         m_silences = silences;
                         Q_EMIT alertsReset();
                     });
            } else if (message.has_alert()) {
                Alert alert = Api::fromProto(message.alert());
                post(generation, [this, alert = std::move(alert)] {
                    applyAlert(alert);
                    Q_EMIT alertChanged(alert);
                });
            } else if (message.has_silence()) {
                Silence silence = Api::fromProto(message.silence());
                post(generation, [this, silence = std::move(silence)] {
                    applySilence(silence);
                    Q_EMIT silenceChanged(silence);
                });
            }
        }
        const grpc::Status status = reader->Finish();
        control->detach(&context);
        if (control->isStopping())
            break;
        if (!status.ok())
            qCDebug(lcControl).noquote() << "alert stream ended:" << describe(status);
        // A daemon without alerting will not grow it soon: ask again rarely.
        if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION)
            backoff = MaxBackoff;
        if (!control->sleep(backoff))
            break;
        backoff = nextBackoff(backoff);
    }
}

void GrpcControlPlane::alertHistory(qint64 fromMs, int limit, QObject *context,
                                    std::function<void(const Result<QList<Alert>> &)> callback)
{
    v1::AlertHistoryRequest request;
    request.set_from_ms(fromMs);
    request.set_limit(wireLimit(limit));
    unaryCall<v1::AlertHistoryResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::AlertHistoryRequest *in, v1::AlertHistoryResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->AlertHistory(call, in, out, std::move(done));
        },
        [limit](const v1::AlertHistoryResponse &response) -> Result<QList<Alert>> {
            QList<Alert> alerts;
            alerts.reserve(response.alerts_size());
            for (const auto &alert : response.alerts())
                alerts.append(Api::fromProto(alert));
            if (limit >= 0 && alerts.size() > limit)
                alerts.resize(limit);
            return alerts;
        },
        guardedDelivery<QList<Alert>>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::acknowledgeAlert(const QString &alertId, QObject *context,
                                        std::function<void(const Result<Alert> &)> callback)
{
    v1::AcknowledgeAlertRequest request;
    request.set_alert_id(alertId.toStdString());
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::AcknowledgeAlertResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::AcknowledgeAlertRequest *in, v1::AcknowledgeAlertResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->AcknowledgeAlert(call, in, out, std::move(done));
        },
        [](const v1::AcknowledgeAlertResponse &response) -> Result<Alert> {
            return Api::fromProto(response.alert());
        },
        guardedDelivery<Alert>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::addSilence(const Labels &matchers, const QString &comment, qint64 untilMs,
                                  QObject *context,
                                  std::function<void(const Result<Silence> &)> callback)
{
    v1::AddSilenceRequest request;
    for (auto it = matchers.cbegin(); it != matchers.cend(); ++it)
        (*request.mutable_matchers())[it.key().toStdString()] = it.value().toStdString();
    request.set_comment(comment.toStdString());
    request.set_ends_at_ms(untilMs);
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::AddSilenceResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::AddSilenceRequest *in, v1::AddSilenceResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->AddSilence(call, in, out, std::move(done));
        },
        [](const v1::AddSilenceResponse &response) -> Result<Silence> {
            return Api::fromProto(response.silence());
        },
        guardedDelivery<Silence>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::expireSilence(const QString &silenceId, QObject *context,
                                     std::function<void(const Result<Silence> &)> callback)
{
    v1::ExpireSilenceRequest request;
    request.set_silence_id(silenceId.toStdString());
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::ExpireSilenceResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::ExpireSilenceRequest *in, v1::ExpireSilenceResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->ExpireSilence(call, in, out, std::move(done));
        },
        [](const v1::ExpireSilenceResponse &response) -> Result<Silence> {
            return Api::fromProto(response.silence());
        },
        guardedDelivery<Silence>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::alertRules(QObject *context,
                                  std::function<void(const Result<QList<AlertRule>> &)> callback)
{
    unaryCall<v1::ListAlertRulesResponse>(
        v1::ListAlertRulesRequest(),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::ListAlertRulesRequest *in, v1::ListAlertRulesResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->ListAlertRules(call, in, out, std::move(done));
        },
        [](const v1::ListAlertRulesResponse &response) -> Result<QList<AlertRule>> {
            QList<AlertRule> rules;
            rules.reserve(response.rules_size());
            for (const auto &wire : response.rules()) {
                auto rule = Api::fromProto(wire);
                if (!rule)
                    return makeError(tr("the daemon sent a rule this console cannot read: %1")
                                         .arg(rule.error()));
                rules.append(std::move(rule).value());
            }
            return rules;
        },
        guardedDelivery<QList<AlertRule>>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::setAlertRules(const QList<AlertRule> &rules, QObject *context,
                                     ResultCallback callback)
{
    v1::SetAlertRulesRequest request;
    for (const AlertRule &rule : rules)
        Api::toProto(rule, request.add_rules());
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::SetAlertRulesResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::SetAlertRulesRequest *in, v1::SetAlertRulesResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->SetAlertRules(call, in, out, std::move(done));
        },
        [](const v1::SetAlertRulesResponse &) -> Result<void> { return {}; },
        guardedDelivery<void>(m_mailbox, context, std::move(callback)));
}

// ---- workload placement --------------------------------------------------------------------

void GrpcControlPlane::applyDeployment(const Deployment &deployment)
{
    const auto it = m_deploymentIndex.constFind(deployment.id);
    if (it != m_deploymentIndex.cend()) {
        m_deployments[it.value()] = deployment;
        return;
    }
    m_deploymentIndex.insert(deployment.id, m_deployments.size());
    m_deployments.append(deployment);
}

void GrpcControlPlane::applyWorkload(const Workload &workload)
{
    auto it = std::find_if(m_workloads.begin(), m_workloads.end(),
                           [&](const Workload &known) { return known.id == workload.id; });
    if (it != m_workloads.end())
        *it = workload;
    else
        m_workloads.append(workload);
}

void GrpcControlPlane::refreshWorkloads()
{
    if (m_refreshingWorkloads)
        return;
    m_refreshingWorkloads = true;
    unaryCall<v1::ListWorkloadsResponse>(
        v1::ListWorkloadsRequest(),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::ListWorkloadsRequest *in, v1::ListWorkloadsResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->ListWorkloads(call, in, out, std::move(done));
        },
        [](const v1::ListWorkloadsResponse &response) -> Result<QList<Workload>> {
            QList<Workload> workloads;
            workloads.reserve(response.workloads_size());
            for (const auto &wire : response.workloads())
                workloads.append(Api::fromProto(wire));
            return workloads;
        },
        guardedDelivery<QList<Workload>>(
            m_mailbox, this, [this](const Result<QList<Workload>> &result) {
                m_refreshingWorkloads = false;
                if (!result)
                    return;
                for (const Workload &workload : *result) {
                    auto it = std::find_if(m_workloads.cbegin(), m_workloads.cend(),
                                           [&](const Workload &known) { return known.id == workload.id; });
                    if (it != m_workloads.cend() && *it == workload)
                        continue;
                    applyWorkload(workload);
                    Q_EMIT workloadChanged(workload);
                }
            }));
}

void GrpcControlPlane::deploymentsLoop(std::shared_ptr<StreamControl> control, int generation)
{
    const auto connection = m_connection;
    auto backoff = InitialBackoff;
    while (!control->isStopping()) {
        grpc::ClientContext context;
        if (!control->attach(&context))
            break;
        auto reader = connection->stub->WatchDeployments(&context, v1::WatchDeploymentsRequest());
        v1::WatchDeploymentsResponse message;
        while (reader->Read(&message)) {
            backoff = InitialBackoff;
            if (message.has_snapshot()) {
                QList<Deployment> deployments;
                deployments.reserve(message.snapshot().deployments_size());
                for (const auto &wire : message.snapshot().deployments())
                    deployments.append(Api::fromProto(wire));
                post(generation, [this, deployments = std::move(deployments)] {
                    m_deployments = deployments;
                    m_deploymentIndex.clear();
                    for (qsizetype i = 0; i < m_deployments.size(); ++i)
                        m_deploymentIndex.insert(m_deployments.at(i).id, i);
                    Q_EMIT deploymentsReset();
                    // Workloads have no stream of their own: they are fetched with each
                    // snapshot and whenever a deployment names one this console has not seen.
                    refreshWorkloads();
                });
            } else if (message.has_changed()) {
                Deployment deployment = Api::fromProto(message.changed());
                post(generation, [this, deployment = std::move(deployment)] {
                    applyDeployment(deployment);
                    const bool knownWorkload = std::any_of(
                        m_workloads.cbegin(), m_workloads.cend(),
                        [&](const Workload &workload) { return workload.id == deployment.workloadId; });
                    if (!knownWorkload)
                        refreshWorkloads();
                    Q_EMIT deploymentChanged(deployment);
                });
            }
        }
        const grpc::Status status = reader->Finish();
        control->detach(&context);
        if (control->isStopping())
            break;
        if (!status.ok())
            qCDebug(lcControl).noquote() << "deployment stream ended:" << describe(status);
        // A daemon without placement will not grow it soon: ask again rarely.
        if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION)
            backoff = MaxBackoff;
        if (!control->sleep(backoff))
            break;
        backoff = nextBackoff(backoff);
    }
}

void GrpcControlPlane::submitWorkloads(const QList<Workload> &intents, bool dryRun,
                                       QObject *context,
                                       std::function<void(const Result<SubmitResult> &)> callback)
{
    v1::SubmitWorkloadsRequest request;
    for (const Workload &intent : intents)
        Api::toProto(intent, request.add_intents());
    request.set_dry_run(dryRun);
    request.set_actor(m_actor.toStdString());
    // Submitted workloads enter the mirror at once, before the stream names their deployments.
    auto deliver = [this, callback = std::move(callback)](const Result<SubmitResult> &result) {
        if (result && !result->dryRun) {
            for (const Workload &workload : result->workloads) {
                applyWorkload(workload);
                Q_EMIT workloadChanged(workload);
            }
        }
        if (callback)
            callback(result);
    };
    unaryCall<v1::SubmitWorkloadsResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::SubmitWorkloadsRequest *in, v1::SubmitWorkloadsResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->SubmitWorkloads(call, in, out, std::move(done));
        },
        [](const v1::SubmitWorkloadsResponse &response) -> Result<SubmitResult> {
            SubmitResult result;
            result.dryRun = response.dry_run();
            for (const auto &wire : response.workloads())
                result.workloads.append(Api::fromProto(wire));
            for (const auto &wire : response.explanations())
                result.explanations.append(Api::fromProto(wire));
            for (const auto &wire : response.deployments())
                result.deployments.append(Api::fromProto(wire));
            return result;
        },
        guardedDelivery<SubmitResult>(m_mailbox, context, std::move(deliver)));
}

void GrpcControlPlane::explain(const QString &workloadId, const std::optional<Workload> &intent,
                               QObject *context,
                               std::function<void(const Result<PlacementExplanation> &)> callback)
{
    v1::ExplainPlacementRequest request;
    request.set_workload_id(workloadId.toStdString());
    if (intent)
        Api::toProto(*intent, request.mutable_intent());
    unaryCall<v1::ExplainPlacementResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::ExplainPlacementRequest *in, v1::ExplainPlacementResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->ExplainPlacement(call, in, out, std::move(done));
        },
        [](const v1::ExplainPlacementResponse &response) -> Result<PlacementExplanation> {
            if (response.explanations_size() < 1)
                return makeError(tr("the daemon sent no explanation"));
            return Api::fromProto(response.explanations(0));
        },
        guardedDelivery<PlacementExplanation>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::explainPlacement(
    const Workload &intent, QObject *context,
    std::function<void(const Result<PlacementExplanation> &)> callback)
{
    explain({}, intent, context, std::move(callback));
}

void GrpcControlPlane::explainWorkload(
    const QString &workloadId, QObject *context,
    std::function<void(const Result<PlacementExplanation> &)> callback)
{
    if (workloadId.isEmpty()) {
        guardedDelivery<PlacementExplanation>(m_mailbox, context, std::move(callback))(
            makeError(tr("no workload given")));
        return;
    }
    explain(workloadId, std::nullopt, context, std::move(callback));
}

void GrpcControlPlane::whatIf(const QList<WhatIfChange> &changes,
                              const QList<Workload> &newIntents, QObject *context,
                              std::function<void(const Result<WhatIfResult> &)> callback)
{
    v1::WhatIfRequest request;
    for (const WhatIfChange &change : changes)
        Api::toProto(change, request.add_changes());
    for (const Workload &intent : newIntents)
        Api::toProto(intent, request.add_intents());
    unaryCall<v1::WhatIfResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::WhatIfRequest *in, v1::WhatIfResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->WhatIf(call, in, out, std::move(done));
        },
        [](const v1::WhatIfResponse &response) -> Result<WhatIfResult> {
            return Api::fromProto(response);
        },
        guardedDelivery<WhatIfResult>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::reoptimize(const ReoptimizeOptions &options, bool dryRun,
                                  QObject *context,
                                  std::function<void(const Result<QList<PlannedMove>> &)> callback)
{
    v1::ReoptimizeRequest request;
    for (const QString &node : options.nodes)
        request.add_nodes(node.toStdString());
    request.set_evacuate(options.evacuate);
    request.set_disruption_budget(options.disruptionBudget);
    request.set_min_improvement(options.minImprovement);
    request.set_dry_run(dryRun);
    request.set_actor(m_actor.toStdString());
    request.set_reason(tr("operator re-optimisation").toStdString());
    unaryCall<v1::ReoptimizeResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::ReoptimizeRequest *in, v1::ReoptimizeResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->Reoptimize(call, in, out, std::move(done));
        },
        [](const v1::ReoptimizeResponse &response) -> Result<QList<PlannedMove>> {
            QList<PlannedMove> moves;
            moves.reserve(response.moves_size());
            for (const auto &wire : response.moves())
                moves.append(Api::fromProto(wire));
            return moves;
        },
        guardedDelivery<QList<PlannedMove>>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::terminateWorkload(const QString &workloadId, QObject *context,
                                         ResultCallback callback)
{
    v1::TerminateWorkloadRequest request;
    request.set_workload_id(workloadId.toStdString());
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::TerminateWorkloadResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::TerminateWorkloadRequest *in, v1::TerminateWorkloadResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->TerminateWorkload(call, in, out, std::move(done));
        },
        [](const v1::TerminateWorkloadResponse &) -> Result<void> { return {}; },
        guardedDelivery<void>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::pinDeployment(const QString &deploymentId, const QString &nodeId,
                                     bool force, QObject *context,
                                     std::function<void(const Result<PlannedMove> &)> callback)
{
    v1::PinDeploymentRequest request;
    request.set_deployment_id(deploymentId.toStdString());
    request.set_node_id(nodeId.toStdString());
    request.set_force(force);
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::PinDeploymentResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::PinDeploymentRequest *in, v1::PinDeploymentResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->PinDeployment(call, in, out, std::move(done));
        },
        [](const v1::PinDeploymentResponse &response) -> Result<PlannedMove> {
            return Api::fromProto(response.move());
        },
        guardedDelivery<PlannedMove>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::findResources(
    const QString &query, int limit, QObject *context,
    std::function<void(const Result<QList<ResourceMatch>> &)> callback)
{
    v1::FindResourcesRequest request;
    request.set_query(query.toStdString());
    request.set_limit(wireLimit(limit <= 0 ? -1 : limit));
    unaryCall<v1::FindResourcesResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::FindResourcesRequest *in, v1::FindResourcesResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->FindResources(call, in, out, std::move(done));
        },
        [](const v1::FindResourcesResponse &response) -> Result<QList<ResourceMatch>> {
            QList<ResourceMatch> matches;
            matches.reserve(response.matches_size());
            for (const auto &wire : response.matches())
                matches.append(Api::fromProto(wire));
            return matches;
        },
        guardedDelivery<QList<ResourceMatch>>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::listBackendObjects(
    const QString &clusterId, const QString &kind, QObject *context,
    std::function<void(const Result<QList<BackendObject>> &)> callback)
{
    v1::ListBackendObjectsRequest request;
    request.set_cluster_id(clusterId.toStdString());
    request.set_kind(kind.toStdString());
    unaryCall<v1::ListBackendObjectsResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::ListBackendObjectsRequest *in, v1::ListBackendObjectsResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->ListBackendObjects(call, in, out, std::move(done));
        },
        [](const v1::ListBackendObjectsResponse &response) -> Result<QList<BackendObject>> {
            QList<BackendObject> objects;
            objects.reserve(response.objects_size());
            for (const auto &wire : response.objects())
                objects.append(Api::fromProto(wire));
            return objects;
        },
        guardedDelivery<QList<BackendObject>>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::invokeBackendAction(const QString &objectId, const QString &action,
                                           const QVariantMap &arguments, QObject *context,
                                           ResultCallback callback)
{
    v1::InvokeBackendActionRequest request;
    request.set_object_id(objectId.toStdString());
    request.set_action(action.toStdString());
    for (auto it = arguments.cbegin(); it != arguments.cend(); ++it)
        (*request.mutable_arguments())[it.key().toStdString()] = it.value().toString().toStdString();
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::InvokeBackendActionResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::InvokeBackendActionRequest *in, v1::InvokeBackendActionResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->InvokeBackendAction(call, in, out, std::move(done));
        },
        [](const v1::InvokeBackendActionResponse &) -> Result<void> { return {}; },
        guardedDelivery<void>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::backendObjectLog(const QString &objectId, qint64 maxBytes,
                                        QObject *context,
                                        std::function<void(const Result<QString> &)> callback)
{
    v1::GetBackendObjectLogRequest request;
    request.set_object_id(objectId.toStdString());
    request.set_max_bytes(maxBytes);
    unaryCall<v1::GetBackendObjectLogResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call,
           const v1::GetBackendObjectLogRequest *in, v1::GetBackendObjectLogResponse *out,
           std::function<void(grpc::Status)> done) {
            stub->async()->GetBackendObjectLog(call, in, out, std::move(done));
        },
        [](const v1::GetBackendObjectLogResponse &response) -> Result<QString> {
            return QString::fromStdString(response.text());
        },
        guardedDelivery<QString>(m_mailbox, context, std::move(callback)));
}

// ---- P4 network control (issue 7) -------------------------------------------------------------

namespace {

/// Every JSON string of a list through `parse` (connectionFromJson, slaRuleFromJson...).
template<typename T, typename ProtoList, typename Parse>
Result<QList<T>> fromJsonList(const ProtoList &list, const QString &what, Parse parse)
{
    QList<T> values;
    values.reserve(list.size());
    for (int i = 0; i < list.size(); ++i) {
        const QString name = QStringLiteral("%1 #%2").arg(what).arg(i);
        auto json = Api::jsonObject(list.Get(i), name);
        if (!json)
            return makeError(json.error());
        Result<T> value = parse(*json);
        if (!value)
            return makeError(name + QStringLiteral(": ") + value.error());
        values.append(std::move(*value));
    }
    return values;
}

Result<Connection> connectionFromWire(const std::string &text)
{
    auto json = Api::jsonObject(text, QStringLiteral("connection"));
    if (!json)
        return makeError(json.error());
    return connectionFromJson(*json);
}

} // namespace

void GrpcControlPlane::forgetPrograms(const QList<Event> &events)
{
    if (m_programs.isEmpty())
        return;
    for (const Event &event : events) {
        if (event.type != QLatin1String(EventTypes::NetworkSwitch))
            continue;
        if (event.subjectId.isEmpty())
            m_programs.clear();
        else
            m_programs.remove(event.subjectId);
    }
}

void GrpcControlPlane::withProgram(const QString &switchId, QObject *context,
                                   std::function<void(const Result<P4Program> &)> next)
{
    if (const auto it = m_programs.constFind(switchId); it != m_programs.cend()) {
        next(*it);
        return;
    }
    v1::GetP4ProgramRequest request;
    request.set_switch_id(switchId.toStdString());
    const int generation = m_generation.load();
    unaryCall<v1::GetP4ProgramResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::GetP4ProgramRequest *in,
           v1::GetP4ProgramResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->GetP4Program(call, in, out, std::move(done));
        },
        [switchId](const v1::GetP4ProgramResponse &response) -> Result<P4Program> {
            // A switch without a pipeline of its own runs the reference one.
            if (response.p4info().empty())
                return P4Program::reference();
            auto program = P4Program::fromP4Info(QByteArray::fromStdString(response.p4info()));
            if (!program)
                return makeError(tr("the P4Info of switch %1 does not load: %2").arg(switchId, program.error()));
            return program;
        },
        guardedDelivery<P4Program>(m_mailbox, context,
                                   [this, switchId, generation, next = std::move(next)](const Result<P4Program> &program) {
                                       if (program && generation == m_generation.load())
                                           m_programs.insert(switchId, *program);
                                       next(program);
                                   }));
}

void GrpcControlPlane::p4Switches(QObject *context,
                                  std::function<void(const Result<QList<P4SwitchStatus>> &)> callback)
{
    unaryCall<v1::ListP4SwitchesResponse>(
        v1::ListP4SwitchesRequest(),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::ListP4SwitchesRequest *in,
           v1::ListP4SwitchesResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->ListP4Switches(call, in, out, std::move(done));
        },
        [](const v1::ListP4SwitchesResponse &response) {
            return fromJsonList<P4SwitchStatus>(response.switches_json(), QStringLiteral("switch"),
                                                &Api::p4SwitchStatusFromJson);
        },
        guardedDelivery<QList<P4SwitchStatus>>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::p4Program(const QString &switchId, QObject *context,
                                 std::function<void(const Result<P4Program> &)> callback)
{
    auto deliver = guardedDelivery<P4Program>(m_mailbox, context, std::move(callback));
    withProgram(switchId, context, [deliver](const Result<P4Program> &program) { deliver(program); });
}

void GrpcControlPlane::p4Entries(const QString &switchId, const QString &table, bool withCounters,
                                 QObject *context,
                                 std::function<void(const Result<QList<P4EntryStatus>> &)> callback)
{
    auto deliver = guardedDelivery<QList<P4EntryStatus>>(m_mailbox, context, std::move(callback));
    withProgram(switchId, context, [this, switchId, table, withCounters, deliver](const Result<P4Program> &program) {
        if (!program)
            return deliver(makeError(program.error()));
        v1::ListP4EntriesRequest request;
        request.set_switch_id(switchId.toStdString());
        request.set_table(table.toStdString());
        request.set_with_counters(withCounters);
        unaryCall<v1::ListP4EntriesResponse>(
            std::move(request),
            [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::ListP4EntriesRequest *in,
               v1::ListP4EntriesResponse *out, std::function<void(grpc::Status)> done) {
                stub->async()->ListP4Entries(call, in, out, std::move(done));
            },
            [program = *program](const v1::ListP4EntriesResponse &response) -> Result<QList<P4EntryStatus>> {
                QList<P4EntryStatus> entries;
                entries.reserve(response.entries_size());
                for (const auto &wire : response.entries()) {
                    auto entry = Api::fromProto(program, wire);
                    if (!entry)
                        return makeError(entry.error());
                    entries.append(std::move(*entry));
                }
                return entries;
            },
            deliver);
    });
}

void GrpcControlPlane::setP4Entries(const QString &switchId, const QString &table,
                                    const QList<P4TableEntry> &entries, bool dryRun, QObject *context,
                                    std::function<void(const Result<P4ApplyResult> &)> callback)
{
    auto deliver = guardedDelivery<P4ApplyResult>(m_mailbox, context, std::move(callback));
    withProgram(switchId, context, [this, switchId, table, entries, dryRun, deliver](const Result<P4Program> &program) {
        if (!program)
            return deliver(makeError(program.error()));
        v1::SetP4EntriesRequest request;
        request.set_switch_id(switchId.toStdString());
        request.set_table(table.toStdString());
        request.mutable_entries_json()->Reserve(int(entries.size()));
        for (const P4TableEntry &entry : entries)
            request.add_entries_json(Api::jsonText(toJson(*program, entry)));
        request.set_dry_run(dryRun);
        request.set_actor(m_actor.toStdString());
        unaryCall<v1::SetP4EntriesResponse>(
            std::move(request),
            [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::SetP4EntriesRequest *in,
               v1::SetP4EntriesResponse *out, std::function<void(grpc::Status)> done) {
                stub->async()->SetP4Entries(call, in, out, std::move(done));
            },
            [program = *program, switchId](const v1::SetP4EntriesResponse &response) {
                return Api::fromProto(program, response, switchId);
            },
            deliver);
    });
}

void GrpcControlPlane::dryRunP4Packet(const QString &switchId, const QString &packet,
                                      const QList<P4Update> &pending, QObject *context,
                                      std::function<void(const Result<QString> &)> callback)
{
    auto deliver = guardedDelivery<QString>(m_mailbox, context, std::move(callback));
    auto send = [this, switchId, packet, pending, deliver](const Result<P4Program> &program) {
        if (!program)
            return deliver(makeError(program.error()));
        v1::DryRunP4PacketRequest request;
        request.set_switch_id(switchId.toStdString());
        request.set_packet(packet.toStdString());
        for (const P4Update &update : pending)
            Api::toProto(*program, update, request.add_pending());
        unaryCall<v1::DryRunP4PacketResponse>(
            std::move(request),
            [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::DryRunP4PacketRequest *in,
               v1::DryRunP4PacketResponse *out, std::function<void(grpc::Status)> done) {
                stub->async()->DryRunP4Packet(call, in, out, std::move(done));
            },
            [](const v1::DryRunP4PacketResponse &response) -> Result<QString> {
                return QString::fromStdString(response.trace());
            },
            deliver);
    };
    // Without pending updates no entry travels: the program is not needed.
    if (pending.isEmpty())
        send(P4Program::reference());
    else
        withProgram(switchId, context, std::move(send));
}

void GrpcControlPlane::connections(QObject *context,
                                   std::function<void(const Result<QList<Connection>> &)> callback)
{
    unaryCall<v1::ListConnectionsResponse>(
        v1::ListConnectionsRequest(),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::ListConnectionsRequest *in,
           v1::ListConnectionsResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->ListConnections(call, in, out, std::move(done));
        },
        [](const v1::ListConnectionsResponse &response) {
            return fromJsonList<Connection>(response.connections_json(), QStringLiteral("connection"),
                                            &connectionFromJson);
        },
        guardedDelivery<QList<Connection>>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::upsertConnection(const Connection &connection, bool dryRun, QObject *context,
                                        std::function<void(const Result<Connection> &)> callback)
{
    v1::UpsertConnectionRequest request;
    request.set_connection_json(Api::jsonText(toJson(connection)));
    request.set_dry_run(dryRun);
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::UpsertConnectionResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::UpsertConnectionRequest *in,
           v1::UpsertConnectionResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->UpsertConnection(call, in, out, std::move(done));
        },
        [](const v1::UpsertConnectionResponse &response) {
            return connectionFromWire(response.connection_json());
        },
        guardedDelivery<Connection>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::removeConnection(const QString &connectionId, QObject *context,
                                        ResultCallback callback)
{
    v1::RemoveConnectionRequest request;
    request.set_connection_id(connectionId.toStdString());
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::RemoveConnectionResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::RemoveConnectionRequest *in,
           v1::RemoveConnectionResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->RemoveConnection(call, in, out, std::move(done));
        },
        [](const v1::RemoveConnectionResponse &) -> Result<void> { return {}; },
        guardedDelivery<void>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::rerouteConnection(const QString &connectionId, const QStringList &avoidSwitches,
                                         QObject *context,
                                         std::function<void(const Result<Connection> &)> callback)
{
    v1::RerouteConnectionRequest request;
    request.set_connection_id(connectionId.toStdString());
    for (const QString &switchId : avoidSwitches)
        request.add_avoid_switches(switchId.toStdString());
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::RerouteConnectionResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::RerouteConnectionRequest *in,
           v1::RerouteConnectionResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->RerouteConnection(call, in, out, std::move(done));
        },
        [](const v1::RerouteConnectionResponse &response) {
            return connectionFromWire(response.connection_json());
        },
        guardedDelivery<Connection>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::slaRules(QObject *context,
                                std::function<void(const Result<QList<SlaRule>> &)> callback)
{
    unaryCall<v1::ListSlaRulesResponse>(
        v1::ListSlaRulesRequest(),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::ListSlaRulesRequest *in,
           v1::ListSlaRulesResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->ListSlaRules(call, in, out, std::move(done));
        },
        [](const v1::ListSlaRulesResponse &response) {
            return fromJsonList<SlaRule>(response.rules_json(), QStringLiteral("SLA rule"), &slaRuleFromJson);
        },
        guardedDelivery<QList<SlaRule>>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::upsertSlaRule(const SlaRule &rule, QObject *context, ResultCallback callback)
{
    v1::UpsertSlaRuleRequest request;
    request.set_rule_json(Api::jsonText(toJson(rule)));
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::UpsertSlaRuleResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::UpsertSlaRuleRequest *in,
           v1::UpsertSlaRuleResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->UpsertSlaRule(call, in, out, std::move(done));
        },
        [](const v1::UpsertSlaRuleResponse &) -> Result<void> { return {}; },
        guardedDelivery<void>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::removeSlaRule(const QString &ruleId, QObject *context, ResultCallback callback)
{
    v1::RemoveSlaRuleRequest request;
    request.set_rule_id(ruleId.toStdString());
    request.set_actor(m_actor.toStdString());
    unaryCall<v1::RemoveSlaRuleResponse>(
        std::move(request),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::RemoveSlaRuleRequest *in,
           v1::RemoveSlaRuleResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->RemoveSlaRule(call, in, out, std::move(done));
        },
        [](const v1::RemoveSlaRuleResponse &) -> Result<void> { return {}; },
        guardedDelivery<void>(m_mailbox, context, std::move(callback)));
}

void GrpcControlPlane::reroutes(QObject *context,
                                std::function<void(const Result<QList<RerouteRecord>> &)> callback)
{
    unaryCall<v1::ListReroutesResponse>(
        v1::ListReroutesRequest(),
        [](v1::ContinuoService::Stub *stub, grpc::ClientContext *call, const v1::ListReroutesRequest *in,
           v1::ListReroutesResponse *out, std::function<void(grpc::Status)> done) {
            stub->async()->ListReroutes(call, in, out, std::move(done));
        },
        [](const v1::ListReroutesResponse &response) {
            return fromJsonList<RerouteRecord>(response.reroutes_json(), QStringLiteral("reroute"),
                                               &Api::rerouteRecordFromJson);
        },
        guardedDelivery<QList<RerouteRecord>>(m_mailbox, context, std::move(callback)));
}

} // namespace Continuo
