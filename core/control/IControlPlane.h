#pragma once

#include "engine/EngineStatus.h"
#include "model/Event.h"
#include "model/Inventory.h"
#include "telemetry/Series.h"

#include <QObject>

#include <functional>

namespace Continuo {

/// The one interface the console (and anything else that shows the continuum) talks to.
/// LocalControlPlane wraps an embedded Engine; GrpcControlPlane speaks continuo.v1 to a daemon.
/// All signals are emitted and all callbacks called on the thread that owns the object.
class CONTINUO_CORE_EXPORT IControlPlane : public QObject
{
    Q_OBJECT
public:
    enum class ConnectionState { Unknown, Connecting, Connected, Disconnected };
    Q_ENUM(ConnectionState)

    using ResultCallback = std::function<void(const Result<void> &)>;

    explicit IControlPlane(QObject *parent = nullptr);
    ~IControlPlane() override;

    /// "embedded engine" or "HOST:PORT".
    virtual QString endpoint() const = 0;
    virtual ConnectionState connectionState() const = 0;
    /// Why the connection was lost or refused; empty while connected.
    virtual QString connectionError() const = 0;

    /// Connect (or attach to the engine) and start receiving inventory, events and status.
    virtual void open() = 0;
    virtual void close() = 0;

    /// Mirror of the inventory, already updated when inventoryChanged/inventoryReset fire.
    virtual const Inventory &inventory() const = 0;
    /// Last known engine status.
    virtual EngineStatus status() const = 0;
    /// Events received so far (bounded, oldest first).
    virtual QList<Event> recentEvents() const = 0;

    /// Live samples for the matching series arrive through samplesReceived with the returned id.
    virtual int subscribeTelemetry(const QList<SeriesMatcher> &matchers) = 0;
    virtual void unsubscribeTelemetry(int subscriptionId) = 0;
    /// Stored samples of one series in [fromMs, toMs]; callback runs on this object's thread
    /// unless `context` is destroyed first.
    virtual void queryRange(const QString &seriesKey, qint64 fromMs, qint64 toMs,
                            QObject *context,
                            std::function<void(const Result<QList<Sample>> &)> callback) = 0;

    /// Operator action, audited by the engine.
    virtual void setNodeState(const QString &nodeId, NodeState state, const QString &reason,
                              QObject *context, std::function<void(const Result<Node> &)> callback) = 0;

Q_SIGNALS:
    void connectionStateChanged(Continuo::IControlPlane::ConnectionState state);
    /// The inventory mirror was replaced wholesale (first connect, reconnect).
    void inventoryReset();
    void inventoryChanged(const QList<Continuo::InventoryDelta> &deltas);
    void eventsReceived(const QList<Continuo::Event> &events);
    void samplesReceived(int subscriptionId, const QList<Continuo::SeriesBatch> &batches);
    void statusChanged(const Continuo::EngineStatus &status);
};

} // namespace Continuo
