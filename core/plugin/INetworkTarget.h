#pragma once

#include "network/P4Entry.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace Continuo {

struct P4CounterData
{
    qint64 packets = 0;
    qint64 bytes = 0;
    bool operator==(const P4CounterData &) const = default;
};

/// One change of a Write batch.
struct P4Update
{
    enum class Type { Insert, Modify, Delete };
    Type type = Type::Insert;
    P4TableEntry entry;
};

/// A packet to or from the controller with its controller-header metadata (by name).
struct P4Packet
{
    QByteArray payload;
    QHash<QString, QByteArray> metadata; ///< "ingress_port" -> big-endian value
};

/// A programmable (P4) switch as the core drives it: a P4Runtime device (plugins/p4runtime) or a
/// simulated one (plugins/simulator, running the reference software pipeline). Every method may
/// block on the network and is called from a worker thread of the network controller, never the
/// engine's; an implementation serialises its own calls. Failures come back as Result errors
/// that name the switch and what it refused.
class INetworkTarget
{
public:
    virtual ~INetworkTarget() = default;
    /// Inventory id of the switch this target controls.
    virtual QString switchId() const = 0;
    /// Open the connection and win arbitration (P4Runtime: StreamChannel with the election id).
    /// Fails when the device cannot be reached or another controller is primary.
    virtual Result<void> connectTarget() = 0;
    virtual void disconnectTarget() = 0;
    virtual bool isConnected() const = 0;
    /// Install a forwarding pipeline (VERIFY_AND_COMMIT); `deviceConfig` is target specific
    /// (BMv2: the p4c JSON; may be empty for targets that have the program built in).
    virtual Result<void> setPipeline(const P4Program &program, const QByteArray &deviceConfig) = 0;
    /// The program the device runs (GetForwardingPipelineConfig), null when it has none.
    virtual Result<P4Program> pipeline() = 0;
    /// One Write with all updates. `atomic`: ROLLBACK_ON_ERROR (all or nothing); otherwise
    /// CONTINUE_ON_ERROR. The error names every update the device refused and why.
    virtual Result<void> write(const QList<P4Update> &updates, bool atomic) = 0;
    /// Installed entries of one table (empty: every table), with their direct counters when
    /// the table has one (`counters`, parallel to the entries; may be null).
    virtual Result<QList<P4TableEntry>> readEntries(const QString &table,
                                                     QList<P4CounterData> *counters = nullptr) = 0;
    /// One cell of an indexed counter.
    virtual Result<P4CounterData> readCounter(const QString &counter, qint64 index) = 0;
    virtual Result<void> sendPacketOut(const P4Packet &packet) = 0;
    /// Called on a target thread for every packet-in (set before connectTarget).
    virtual void setPacketInHandler(std::function<void(const P4Packet &)> handler) = 0;
};

} // namespace Continuo
