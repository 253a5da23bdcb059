#pragma once

#include "anomaly/Alert.h"
#include "continuo_core_export.h"
#include "model/Event.h"
#include "model/Inventory.h"
#include "telemetry/Series.h"

#include "continuo/v1/continuo.pb.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace Continuo {
class AnomalyEngine;
class Engine;
}

namespace Continuo::Api {

/// A bounded queue feeding one server stream. The producer (the engine thread) never blocks:
/// when the consumer falls more than `capacity` items behind, the queue overflows, drops what it
/// holds and the stream is ended with RESOURCE_EXHAUSTED, so one slow watcher never stalls others.
template<typename T>
class StreamQueue
{
public:
    enum class State { Open, Overflowed, Closed };

    explicit StreamQueue(std::size_t capacity) : m_capacity(capacity) {}

    /// False when the queue is no longer open (overflowed now or earlier, or closed).
    bool push(T item)
    {
        std::lock_guard lock(m_mutex);
        if (m_state != State::Open)
            return false;
        if (m_items.size() >= m_capacity) {
            m_state = State::Overflowed;
            m_items.clear();
            m_wake.notify_all();
            return false;
        }
        m_items.push_back(std::move(item));
        m_wake.notify_all();
        return true;
    }

    /// Wake the consumer for good (server shutdown, stream finished).
    void close()
    {
        std::lock_guard lock(m_mutex);
        if (m_state == State::Open)
            m_state = State::Closed;
        m_wake.notify_all();
    }

    /// Wait up to `timeout` for items and move all pending ones into `out`. Items queued before
    /// close() are still handed out; the state tells the consumer whether to go on.
    State take(std::vector<T> &out, std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, timeout, [this] { return !m_items.empty() || m_state != State::Open; });
        if (m_state != State::Overflowed) {
            out.insert(out.end(), std::make_move_iterator(m_items.begin()),
                       std::make_move_iterator(m_items.end()));
            m_items.clear();
        }
        return m_state;
    }

    std::size_t capacity() const { return m_capacity; }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<T> m_items;
    std::size_t m_capacity;
    State m_state = State::Open;
};

/// One WatchInventory stream: the snapshot taken together with the subscription, then deltas.
struct InventoryWatch
{
    explicit InventoryWatch(std::size_t capacity) : queue(capacity) {}
    bool finished = false; ///< Guarded by the broker's mutex.
    InventorySnapshot snapshot; ///< Written on the engine thread before the watch is handed out.
    StreamQueue<std::shared_ptr<const ::continuo::v1::InventoryDeltaBatch>> queue;
};

/// One WatchEvents stream.
struct EventWatch
{
    explicit EventWatch(std::size_t capacity) : queue(capacity) {}
    bool finished = false; ///< Guarded by the broker's mutex.
    QString typePrefix;
    QList<Event> history; ///< Kept events to send first, taken together with the subscription.
    StreamQueue<std::shared_ptr<const ::continuo::v1::Event>> queue;
};

/// One SubscribeTelemetry stream.
struct TelemetryWatch
{
    explicit TelemetryWatch(std::size_t capacity) : queue(capacity) {}
    bool finished = false; ///< Guarded by the broker's mutex.
    QList<SeriesMatcher> matchers;
    StreamQueue<std::shared_ptr<const ::continuo::v1::SampleBatch>> queue;
};

/// One WatchAlerts stream: the active alerts and silences taken together with the
/// subscription, then every alert and silence change.
struct AlertWatch
{
    explicit AlertWatch(std::size_t capacity) : queue(capacity) {}
    bool finished = false;   ///< Guarded by the broker's mutex.
    bool alertingRunning = false; ///< Written on the engine thread before the watch is handed out.
    QList<Alert> alerts;     ///< Snapshot, oldest first.
    QList<Silence> silences; ///< Snapshot, oldest first.
    StreamQueue<std::shared_ptr<const ::continuo::v1::WatchAlertsResponse>> queue;
};

/// Queue capacities per stream.
struct BrokerLimits
{
    std::size_t inventoryBatches = 1024;
    std::size_t events = 16384;
    std::size_t telemetryFrames = 256;
    std::size_t alertChanges = 4096;
};

/// Mutex-guarded facade between gRPC handler threads and the engine. Lives on the engine's
/// thread, where it receives the engine's signals and fans them out to the stream queues; handler
/// threads only call its thread-safe methods and never touch QObjects themselves.
class CONTINUO_CORE_EXPORT ApiBroker : public QObject
{
    Q_OBJECT
public:
    /// Create on the engine's thread.
    explicit ApiBroker(Engine *engine, BrokerLimits limits = {}, QObject *parent = nullptr);
    ~ApiBroker() override;

    /// Thread-safe. Run `function` on the engine thread and wait for it. False when the broker
    /// shut down, the engine is gone or `timeout` passed first; then `function` may still run
    /// later, so it must only touch state it owns (capture shared pointers).
    bool invokeOnEngine(std::function<void()> function, std::chrono::milliseconds timeout);

    /// Thread-safe wrapper of invokeOnEngine returning the function's value.
    template<typename R>
    std::optional<R> callOnEngine(std::function<R()> function,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        auto holder = std::make_shared<std::optional<R>>();
        if (!invokeOnEngine([holder, function = std::move(function)] { *holder = function(); },
                            timeout))
            return std::nullopt;
        return std::move(*holder);
    }

    /// Thread-safe. Subscriptions; nullptr when shutting down. Call unwatch() when done.
    std::shared_ptr<InventoryWatch> watchInventory();
    /// With `historyAfterSequence`, kept events after that sequence are taken with the subscription.
    std::shared_ptr<EventWatch> watchEvents(const QString &typePrefix,
                                            std::optional<qint64> historyAfterSequence);
    std::shared_ptr<TelemetryWatch> watchTelemetry(const QList<SeriesMatcher> &matchers);
    /// Active alerts and silences are taken with the subscription; `alertingRunning` says
    /// whether the engine has alerting at all (the watch is not registered when not).
    std::shared_ptr<AlertWatch> watchAlerts();
    void unwatch(const std::shared_ptr<InventoryWatch> &watch);
    void unwatch(const std::shared_ptr<EventWatch> &watch);
    void unwatch(const std::shared_ptr<TelemetryWatch> &watch);
    void unwatch(const std::shared_ptr<AlertWatch> &watch);

    /// Thread-safe. Close every queue and refuse new work; waiting handlers return at once.
    void shutdown();
    bool isShutDown() const { return m_shutDown.load(); }

    /// Thread-safe: streams currently registered (tests, diagnostics).
    int watcherCount() const;

    /// Only on the engine thread (inside invokeOnEngine functions): the engine, or nullptr.
    Engine *engine() const { return m_engine.data(); }

private:
    void onInventoryChanged(const QList<InventoryDelta> &deltas);
    void onEventPublished(const Event &event);
    void onSamplesPublished(const QList<SeriesBatch> &batches);
    /// Follows the engine's current AnomalyEngine (a new one after every engine start).
    void followAlerting();
    void onAlertChanged(const Alert &alert);
    void onSilenceChanged(const Silence &silence);
    void pushAlertUpdate(std::shared_ptr<const ::continuo::v1::WatchAlertsResponse> update);

    struct PendingCall;

    QPointer<Engine> m_engine;
    BrokerLimits m_limits;
    std::atomic<bool> m_shutDown{false};
    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<InventoryWatch>> m_inventoryWatches;
    std::vector<std::shared_ptr<EventWatch>> m_eventWatches;
    std::vector<std::shared_ptr<TelemetryWatch>> m_telemetryWatches;
    std::vector<std::shared_ptr<AlertWatch>> m_alertWatches;
    QPointer<AnomalyEngine> m_alerting; ///< Engine thread only.
    QList<QMetaObject::Connection> m_alertingConnections; ///< Engine thread only.
    std::vector<std::shared_ptr<PendingCall>> m_pendingCalls;
};

} // namespace Continuo::Api
