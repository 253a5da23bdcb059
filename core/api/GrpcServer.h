#pragma once

#include "continuo_core_export.h"
#include "util/Result.h"

#include <QString>

#include <chrono>
#include <memory>

namespace grpc {
class Server;
}

namespace Continuo {
class Engine;
}

namespace Continuo::Api {

class ApiBroker;
class FederationCentral;
class GrpcCallMetrics;
struct BrokerLimits;

/// The continuo.v1 gRPC server of an engine (sync API: one pool thread per call). Handler
/// threads reach the engine only through its ApiBroker.
class CONTINUO_CORE_EXPORT GrpcServer
{
public:
    /// Create on the engine's thread.
    explicit GrpcServer(Engine *engine);
    GrpcServer(Engine *engine, const BrokerLimits &limits);
    ~GrpcServer();

    GrpcServer(const GrpcServer &) = delete;
    GrpcServer &operator=(const GrpcServer &) = delete;

    /// Listen on "HOST:PORT" (port 0: a free one) and start serving. Returns the bound port.
    Result<int> start(const QString &address);
    /// Wake every stream, stop accepting calls and cancel those still running after `deadline`.
    /// Safe to call twice; the destructor calls it with a short deadline.
    void shutdown(std::chrono::milliseconds deadline = std::chrono::seconds(2));

    bool isServing() const { return m_server != nullptr; }
    int port() const { return m_port; }
    /// "HOST:PORT" with the bound port.
    QString address() const { return m_address; }
    ApiBroker *broker() const { return m_broker.get(); }
    /// The federation service (federation.proto) every server carries: agents register here.
    FederationCentral *federation() const { return m_federation.get(); }
    /// Calls handled so far, per method and status code (for the daemon's /metrics).
    const std::shared_ptr<GrpcCallMetrics> &callMetrics() const { return m_callMetrics; }

private:
    class Service;
    std::unique_ptr<ApiBroker> m_broker;
    std::unique_ptr<Service> m_service;
    std::shared_ptr<GrpcCallMetrics> m_callMetrics; ///< Recorded into by the server's interceptor.
    std::unique_ptr<FederationCentral> m_federation; ///< Before m_server: outlives it.
    std::unique_ptr<grpc::Server> m_server;
    int m_port = 0;
    QString m_address;
};

/// Split "HOST:PORT" (or "[v6]:PORT"); the port must be 0..65535.
CONTINUO_CORE_EXPORT Result<std::pair<QString, int>> parseHostPort(const QString &address);

} // namespace Continuo::Api
