#pragma once

#include "network/P4Program.h"
#include "util/Result.h"

#include <QList>
#include <QString>

#include <memory>

namespace grpc {
class Server;
}

namespace Continuo::P4Runtime::Testing {

/// A P4Runtime v1 server for the test suite and bench_p4, behaving like a switch running its
/// program in the reference software pipeline (P4SoftwarePipeline):
/// - StreamChannel master arbitration per device: the connected stream with the highest
///   election id is primary (status OK), the others get ALREADY_EXISTS; a second stream with
///   an election id already in use is ended with INVALID_ARGUMENT, an unknown device id with
///   NOT_FOUND. Roles are not told apart (one arbitration group per device).
/// - SetForwardingPipelineConfig (VERIFY, VERIFY_AND_SAVE, VERIFY_AND_COMMIT, COMMIT; primary
///   only) and GetForwardingPipelineConfig (every response type).
/// - Write from the primary only (else PERMISSION_DENIED): every table update decoded and
///   validated (P4Validation) like a switch; INSERT/MODIFY/DELETE with ALREADY_EXISTS,
///   NOT_FOUND, INVALID_ARGUMENT per update in the status details (one p4.v1.Error per update,
///   call status UNKNOWN), CONTINUE_ON_ERROR and ROLLBACK_ON_ERROR (DATAPLANE_ATOMIC behaves as
///   rollback); MODIFY of indexed counter cells.
/// - Read of table entries (all tables, one table, one key; default entries when asked with
///   is_default_action), their direct counters (counter_data in the request, or
///   DirectCounterEntry), indexed counter cells; responses of up to 1000 entities.
/// - Packet-out: the payload is parsed (Ethernet, IPv4, TCP/UDP, VXLAN) and run through the
///   pipeline as if it arrived on the port the packet_out header names (`ingress_port`, else
///   `egress_port`, else 0): hits are counted in the direct counters, the reference program's
///   `port_packets` counts the ingress port, and a to-CPU verdict comes back to the primary as a
///   packet-in with `ingress_port`.
/// Handler threads are gRPC's (sync API); each device's state is behind its own mutex.
class P4RuntimeTestServer
{
public:
    struct Options
    {
        QList<quint64> deviceIds{1};
        /// When set, every device starts with this program committed (no entries).
        P4Program initialProgram;
    };

    P4RuntimeTestServer();
    explicit P4RuntimeTestServer(Options options);
    ~P4RuntimeTestServer();
    P4RuntimeTestServer(const P4RuntimeTestServer &) = delete;
    P4RuntimeTestServer &operator=(const P4RuntimeTestServer &) = delete;

    /// Listen on 127.0.0.1:`port` (0: a free port) with fresh device state. Returns the port.
    Result<int> start(int port = 0);
    /// Shut down: streams end (clients see UNAVAILABLE/CANCELLED), state is dropped.
    void stop();
    bool isRunning() const;
    int port() const { return m_port; }
    QString address() const; ///< "127.0.0.1:<port>"

    // Introspection for tests (thread-safe).
    qsizetype entryCount(quint64 deviceId = 1) const;
    quint64 writeCalls() const;
    quint64 packetOutCount() const;
    quint64 packetInCount() const;
    /// Number of arbitrated streams on the device.
    int streamCount(quint64 deviceId = 1) const;

    class Service;

private:
    Options m_options;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<grpc::Server> m_server;
    int m_port = 0;
};

} // namespace Continuo::P4Runtime::Testing
