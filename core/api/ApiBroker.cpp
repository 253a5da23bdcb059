#include "api/ApiBroker.h"

#include "anomaly/AlertManager.h"
#include "anomaly/AnomalyEngine.h"
#include "api/ProtoConvert.h"
#include "engine/Engine.h"
#include "telemetry/TelemetryHub.h"
#include "util/Logging.h"

#include <QThread>

#include <algorithm>

namespace Continuo::Api {

struct ApiBroker::PendingCall
{
    std::mutex mutex;
    std::condition_variable wake;
    bool done = false;
    bool cancelled = false;
};

ApiBroker::ApiBroker(Engine *engine, BrokerLimits limits, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_limits(limits)
{
    if (!engine)
        return;
    connect(engine, &Engine::inventoryChanged, this, &ApiBroker::onInventoryChanged);
    connect(engine, &Engine::eventPublished, this, &ApiBroker::onEventPublished);
    connect(engine->telemetry(), &TelemetryHub::samplesPublished, this,
            &ApiBroker::onSamplesPublished);
    // The AnomalyEngine is made by Engine::start() and dropped by stop(): follow the current one.
    connect(engine, &Engine::stateChanged, this, &ApiBroker::followAlerting);
    followAlerting();
}

void ApiBroker::followAlerting()
{
    AnomalyEngine *alerting = m_engine ? m_engine->anomalyEngine() : nullptr;
    if (alerting == m_alerting.data() && (alerting || m_alertingConnections.isEmpty()))
        return;
    for (const auto &connection : std::as_const(m_alertingConnections))
        disconnect(connection);
    m_alertingConnections.clear();
    m_alerting = alerting;
    if (alerting) {
        m_alertingConnections.append(
            connect(alerting, &AnomalyEngine::alertChanged, this, &ApiBroker::onAlertChanged));
        m_alertingConnections.append(connect(alerting->alertManager(),
                                             &AlertManager::silenceChanged, this,
                                             &ApiBroker::onSilenceChanged));
    }
    // Watchers of the previous AnomalyEngine (an engine restart) start over from what the
    // current one has, so their mirrors hold nothing stale.
    {
        std::lock_guard lock(m_mutex);
        if (m_alertWatches.empty())
            return;
    }
    auto update = std::make_shared<::continuo::v1::WatchAlertsResponse>();
    auto *snapshot = update->mutable_snapshot();
    if (alerting) {
        for (const Alert &alert : alerting->activeAlerts())
            toProto(alert, snapshot->add_alerts());
        for (const Silence &silence : alerting->silences())
            toProto(silence, snapshot->add_silences());
    }
    pushAlertUpdate(std::move(update));
}

ApiBroker::~ApiBroker()
{
    shutdown();
}

bool ApiBroker::invokeOnEngine(std::function<void()> function, std::chrono::milliseconds timeout)
{
    if (QThread::currentThread() == thread()) {
        if (m_shutDown.load() || !m_engine)
            return false;
        function();
        return true;
    }
    auto call = std::make_shared<PendingCall>();
    {
        std::lock_guard lock(m_mutex);
        if (m_shutDown.load())
            return false;
        m_pendingCalls.push_back(call);
    }
    // The broker lives on the engine thread: queued onto it, the function runs there, and is
    // dropped with the broker if the broker goes first.
    QMetaObject::invokeMethod(
        this,
        [this, call, function = std::move(function)] {
            {
                std::lock_guard lock(call->mutex);
                if (call->cancelled)
                    return;
            }
            if (m_engine)
                function();
            std::lock_guard lock(call->mutex);
            call->done = m_engine != nullptr;
            call->cancelled = !call->done;
            call->wake.notify_all();
        },
        Qt::QueuedConnection);

    bool done = false;
    {
        std::unique_lock lock(call->mutex);
        call->wake.wait_for(lock, timeout, [&] { return call->done || call->cancelled; });
        done = call->done;
        if (!done)
            call->cancelled = true;
    }
    std::lock_guard lock(m_mutex);
    m_pendingCalls.erase(std::remove(m_pendingCalls.begin(), m_pendingCalls.end(), call),
                         m_pendingCalls.end());
    return done;
}

std::shared_ptr<InventoryWatch> ApiBroker::watchInventory()
{
    auto watch = std::make_shared<InventoryWatch>(m_limits.inventoryBatches);
    // Snapshot and registration happen in one step on the engine thread, where deltas are
    // fanned out too: the watcher misses nothing and sees nothing twice.
    const bool registered = invokeOnEngine(
        [this, watch] {
            std::lock_guard lock(m_mutex);
            if (watch->finished || m_shutDown.load())
                return;
            watch->snapshot = m_engine->inventory().snapshot();
            m_inventoryWatches.push_back(watch);
        },
        std::chrono::seconds(10));
    if (!registered) {
        unwatch(watch);
        return nullptr;
    }
    return watch;
}

std::shared_ptr<EventWatch> ApiBroker::watchEvents(const QString &typePrefix,
                                                   std::optional<qint64> historyAfterSequence)
{
    auto watch = std::make_shared<EventWatch>(m_limits.events);
    watch->typePrefix = typePrefix;
    const bool registered = invokeOnEngine(
        [this, watch, historyAfterSequence] {
            std::lock_guard lock(m_mutex);
            if (watch->finished || m_shutDown.load())
                return;
            if (historyAfterSequence)
                watch->history = m_engine->recentEvents(*historyAfterSequence, watch->typePrefix);
            m_eventWatches.push_back(watch);
        },
        std::chrono::seconds(10));
    if (!registered) {
        unwatch(watch);
        return nullptr;
    }
    return watch;
}

std::shared_ptr<TelemetryWatch> ApiBroker::watchTelemetry(const QList<SeriesMatcher> &matchers)
{
    auto watch = std::make_shared<TelemetryWatch>(m_limits.telemetryFrames);
    watch->matchers = matchers;
    std::lock_guard lock(m_mutex);
    if (m_shutDown.load())
        return nullptr;
    m_telemetryWatches.push_back(watch);
    return watch;
}

std::shared_ptr<AlertWatch> ApiBroker::watchAlerts()
{
    auto watch = std::make_shared<AlertWatch>(m_limits.alertChanges);
    // As for the inventory: snapshot and registration in one step on the engine thread, where
    // the changes are fanned out.
    const bool registered = invokeOnEngine(
        [this, watch] {
            followAlerting();
            std::lock_guard lock(m_mutex);
            if (watch->finished || m_shutDown.load() || !m_alerting)
                return;
            watch->alertingRunning = true;
            watch->alerts = m_alerting->activeAlerts();
            watch->silences = m_alerting->silences();
            m_alertWatches.push_back(watch);
        },
        std::chrono::seconds(10));
    if (!registered) {
        unwatch(watch);
        return nullptr;
    }
    return watch;
}

namespace {
template<typename W>
void removeWatch(std::vector<std::shared_ptr<W>> &watches, const std::shared_ptr<W> &watch)
{
    watches.erase(std::remove(watches.begin(), watches.end(), watch), watches.end());
}
} // namespace

void ApiBroker::unwatch(const std::shared_ptr<InventoryWatch> &watch)
{
    if (!watch)
        return;
    std::lock_guard lock(m_mutex);
    watch->finished = true;
    watch->queue.close();
    removeWatch(m_inventoryWatches, watch);
}

void ApiBroker::unwatch(const std::shared_ptr<EventWatch> &watch)
{
    if (!watch)
        return;
    std::lock_guard lock(m_mutex);
    watch->finished = true;
    watch->queue.close();
    removeWatch(m_eventWatches, watch);
}

void ApiBroker::unwatch(const std::shared_ptr<TelemetryWatch> &watch)
{
    if (!watch)
        return;
    std::lock_guard lock(m_mutex);
    watch->finished = true;
    watch->queue.close();
    removeWatch(m_telemetryWatches, watch);
}

void ApiBroker::unwatch(const std::shared_ptr<AlertWatch> &watch)
{
    if (!watch)
        return;
    std::lock_guard lock(m_mutex);
    watch->finished = true;
    watch->queue.close();
    removeWatch(m_alertWatches, watch);
}

void ApiBroker::shutdown()
{
    std::lock_guard lock(m_mutex);
    if (m_shutDown.exchange(true))
        return;
    for (auto &watch : m_inventoryWatches)
        watch->queue.close();
    for (auto &watch : m_eventWatches)
        watch->queue.close();
    for (auto &watch : m_telemetryWatches)
        watch->queue.close();
    for (auto &watch : m_alertWatches)
        watch->queue.close();
    m_inventoryWatches.clear();
    m_eventWatches.clear();
    m_telemetryWatches.clear();
    m_alertWatches.clear();
    for (auto &call : m_pendingCalls) {
        std::lock_guard callLock(call->mutex);
        call->cancelled = true;
        call->wake.notify_all();
    }
}

int ApiBroker::watcherCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_inventoryWatches.size() + m_eventWatches.size() + m_telemetryWatches.size()
               + m_alertWatches.size());
}

template<typename W, typename Item>
static void fanOut(std::vector<std::shared_ptr<W>> &watches, const Item &item, const char *what)
{
    watches.erase(std::remove_if(watches.begin(), watches.end(),
                                 [&](const std::shared_ptr<W> &watch) {
                                     if (watch->queue.push(item))
                                         return false;
                                     qCWarning(lcApi) << what << "watcher fell more than"
                                                      << watch->queue.capacity()
                                                      << "messages behind; disconnecting it";
                                     return true;
                                 }),
                  watches.end());
}

void ApiBroker::onInventoryChanged(const QList<InventoryDelta> &deltas)
{
    std::lock_guard lock(m_mutex);
    if (m_inventoryWatches.empty())
        return;
    auto batch = std::make_shared<::continuo::v1::InventoryDeltaBatch>();
    batch->mutable_deltas()->Reserve(int(deltas.size()));
    for (const auto &delta : deltas)
        toProto(delta, batch->add_deltas());
    std::shared_ptr<const ::continuo::v1::InventoryDeltaBatch> shared = std::move(batch);
    fanOut(m_inventoryWatches, shared, "inventory");
}

void ApiBroker::onEventPublished(const Event &event)
{
    std::lock_guard lock(m_mutex);
    std::shared_ptr<const ::continuo::v1::Event> converted;
    m_eventWatches.erase(
        std::remove_if(m_eventWatches.begin(), m_eventWatches.end(),
                       [&](const std::shared_ptr<EventWatch> &watch) {
                           if (!event.type.startsWith(watch->typePrefix))
                               return false;
                           if (!converted) {
                               auto message = std::make_shared<::continuo::v1::Event>();
                               toProto(event, message.get());
                               converted = std::move(message);
                           }
                           if (watch->queue.push(converted))
                               return false;
                           qCWarning(lcApi) << "event watcher fell more than"
                                            << watch->queue.capacity()
                                            << "events behind; disconnecting it";
                           return true;
                       }),
        m_eventWatches.end());
}

void ApiBroker::onSamplesPublished(const QList<SeriesBatch> &batches)
{
    std::lock_guard lock(m_mutex);
    m_telemetryWatches.erase(
        std::remove_if(m_telemetryWatches.begin(), m_telemetryWatches.end(),
                       [&](const std::shared_ptr<TelemetryWatch> &watch) {
                           auto frame = std::make_shared<::continuo::v1::SampleBatch>();
                           for (const auto &batch : batches) {
                               const bool wanted = std::any_of(
                                   watch->matchers.cbegin(), watch->matchers.cend(),
                                   [&](const SeriesMatcher &m) { return m.matches(batch); });
                               if (wanted)
                                   toProto(batch, frame->add_series());
                           }
                           if (frame->series_size() == 0)
                               return false;
                           if (watch->queue.push(std::move(frame)))
                               return false;
                           qCWarning(lcApi) << "telemetry watcher fell more than"
                                            << watch->queue.capacity()
                                            << "frames behind; disconnecting it";
                           return true;
                       }),
        m_telemetryWatches.end());
}

void ApiBroker::pushAlertUpdate(std::shared_ptr<const ::continuo::v1::WatchAlertsResponse> update)
{
    std::lock_guard lock(m_mutex);
    fanOut(m_alertWatches, update, "alert");
}

void ApiBroker::onAlertChanged(const Alert &alert)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_alertWatches.empty())
            return;
    }
    auto update = std::make_shared<::continuo::v1::WatchAlertsResponse>();
    toProto(alert, update->mutable_alert());
    pushAlertUpdate(std::move(update));
}

void ApiBroker::onSilenceChanged(const Silence &silence)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_alertWatches.empty())
            return;
    }
    auto update = std::make_shared<::continuo::v1::WatchAlertsResponse>();
    toProto(silence, update->mutable_silence());
    pushAlertUpdate(std::move(update));
}

} // namespace Continuo::Api
