#pragma once

#include "continuo_core_export.h"

#include <QList>
#include <QString>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace grpc::experimental {
class ServerInterceptorFactoryInterface;
}

namespace Continuo {
class MetricsExporter;
}

namespace Continuo::Api {

/// Counts the calls a gRPC server handled, per method and status code, and the latency of
/// unary calls, in a fixed table of relaxed atomics: recording a call costs a hash look-up of
/// its method path and two or three atomic increments, and never takes a lock. Installed into a
/// server as an interceptor (interceptorFactory()), read by the daemon's /metrics (exportTo()).
/// Thread-safe.
class CONTINUO_CORE_EXPORT GrpcCallMetrics
{
public:
    /// The 17 gRPC status codes, OK (0) .. UNAUTHENTICATED (16).
    static constexpr int StatusCodeCount = 17;
    /// Upper bounds of the latency histogram buckets, in seconds (+Inf is implicit).
    static constexpr std::array<double, 14> LatencyBucketsSeconds = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};

    /// Knows the methods of the continuo.v1 services (ContinuoService and Federation); calls
    /// to anything else are counted under service and method "unknown".
    GrpcCallMetrics();
    ~GrpcCallMetrics();

    GrpcCallMetrics(const GrpcCallMetrics &) = delete;
    GrpcCallMetrics &operator=(const GrpcCallMetrics &) = delete;

    /// Index of a method by its path ("/continuo.v1.ContinuoService/GetStatus").
    int methodIndex(std::string_view path) const;
    /// Record one finished call. `code` outside 0..16 counts as UNKNOWN (2).
    void record(int methodIndex, int code, std::chrono::nanoseconds latency);

    /// Calls of one method so far.
    struct MethodFigures
    {
        QString service; ///< "continuo.v1.ContinuoService"
        QString method;  ///< "GetStatus"
        bool isUnary = false;
        std::array<quint64, StatusCodeCount> calls{};
        /// Cumulative counts per LatencyBucketsSeconds bound, then +Inf (= latencyCount).
        std::array<quint64, LatencyBucketsSeconds.size() + 1> latencyBuckets{};
        quint64 latencyCount = 0;
        double latencySumSeconds = 0.0;
    };
    /// Every method that was called at least once.
    QList<MethodFigures> snapshot() const;
    /// Calls of every method and code together.
    quint64 totalCalls() const;

    /// "OK", "CANCELLED", ..., "UNAUTHENTICATED".
    static QString codeName(int code);

    /// The interceptor to hand to grpc::ServerBuilder; it records into this object, which must
    /// outlive the server.
    std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> interceptorFactory();

    /// Register `continuo_grpc_calls_total{service,method,code}` (counter) and
    /// `continuo_grpc_call_duration_seconds{service,method}` (histogram of unary calls) with an
    /// exporter. `metrics` must stay alive as long as the exporter renders.
    static void exportTo(const std::shared_ptr<const GrpcCallMetrics> &metrics,
                         MetricsExporter &exporter);

private:
    struct MethodCounters;
    struct MethodInfo
    {
        QString service;
        QString method;
        bool isUnary = false;
    };

    std::vector<MethodInfo> m_methods; ///< the last one is "unknown"
    std::unordered_map<std::string_view, int> m_indexByPath;
    std::vector<std::string> m_paths; ///< owns the keys of m_indexByPath
    std::unique_ptr<MethodCounters[]> m_counters;
};

} // namespace Continuo::Api
