#include "api/GrpcCallMetrics.h"

#include "telemetry/MetricsExporter.h"
#include "util/Logging.h"

#include <google/protobuf/descriptor.h>
#include <grpcpp/support/server_interceptor.h>

namespace Continuo::Api {

namespace {

constexpr const char *ServiceNames[] = {"continuo.v1.ContinuoService", "continuo.v1.Federation"};
constexpr std::size_t BucketCount = GrpcCallMetrics::LatencyBucketsSeconds.size() + 1;

/// Times one call from its arrival to the status the server sends.
class CallInterceptor final : public grpc::experimental::Interceptor
{
public:
    CallInterceptor(GrpcCallMetrics *metrics, int methodIndex)
        : m_metrics(metrics)
        , m_methodIndex(methodIndex)
        , m_start(std::chrono::steady_clock::now())
    {
    }

    ~CallInterceptor() override
    {
        // A call torn down without a status (the client went away mid-call) still counts.
        if (!m_recorded)
            finish(int(grpc::StatusCode::CANCELLED));
    }

    void Intercept(grpc::experimental::InterceptorBatchMethods *methods) override
    {
        if (!m_recorded && methods->QueryInterceptionHookPoint(
                               grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS))
            finish(int(methods->GetSendStatus().error_code()));
        methods->Proceed();
    }

private:
    void finish(int code)
    {
        m_recorded = true;
        m_metrics->record(m_methodIndex, code, std::chrono::steady_clock::now() - m_start);
    }

    GrpcCallMetrics *m_metrics;
    int m_methodIndex;
    std::chrono::steady_clock::time_point m_start;
    bool m_recorded = false;
};

class InterceptorFactory final : public grpc::experimental::ServerInterceptorFactoryInterface
{
public:
    explicit InterceptorFactory(GrpcCallMetrics *metrics)
        : m_metrics(metrics)
    {
    }

    grpc::experimental::Interceptor *
    CreateServerInterceptor(grpc::experimental::ServerRpcInfo *info) override
    {
        return new CallInterceptor(m_metrics, m_metrics->methodIndex(info->method()));
    }

private:
    GrpcCallMetrics *m_metrics;
};

} // namespace

struct GrpcCallMetrics::MethodCounters
{
    std::array<std::atomic<quint64>, StatusCodeCount> calls{};
    std::array<std::atomic<quint64>, BucketCount> buckets{}; ///< not cumulative
    std::atomic<quint64> latencyNanosSum{0};
};

GrpcCallMetrics::GrpcCallMetrics()
{
    const auto *pool = google::protobuf::DescriptorPool::generated_pool();
    for (const char *serviceName : ServiceNames) {
        const google::protobuf::ServiceDescriptor *service = pool->FindServiceByName(serviceName);
        if (!service) {
            qCWarning(lcApi) << "gRPC call metrics: no descriptor for" << serviceName;
            continue;
        }
        for (int i = 0; i < service->method_count(); ++i) {
            const google::protobuf::MethodDescriptor *method = service->method(i);
            m_methods.push_back({QString::fromStdString(service->full_name()),
                                 QString::fromStdString(method->name()),
                                 !method->client_streaming() && !method->server_streaming()});
            m_paths.push_back("/" + service->full_name() + "/" + method->name());
        }
    }
    m_methods.push_back({QStringLiteral("unknown"), QStringLiteral("unknown"), false});
    // The keys view m_paths, which no longer grows.
    for (std::size_t i = 0; i < m_paths.size(); ++i)
        m_indexByPath.emplace(std::string_view(m_paths[i]), int(i));
    m_counters = std::make_unique<MethodCounters[]>(m_methods.size());
}

GrpcCallMetrics::~GrpcCallMetrics() = default;

int GrpcCallMetrics::methodIndex(std::string_view path) const
{
    const auto it = m_indexByPath.find(path);
    return it != m_indexByPath.end() ? it->second : int(m_methods.size() - 1);
}

void GrpcCallMetrics::record(int methodIndex, int code, std::chrono::nanoseconds latency)
{
    if (methodIndex < 0 || std::size_t(methodIndex) >= m_methods.size())
        methodIndex = int(m_methods.size() - 1);
    if (code < 0 || code >= StatusCodeCount)
        code = int(grpc::StatusCode::UNKNOWN);
    MethodCounters &counters = m_counters[std::size_t(methodIndex)];
    counters.calls[std::size_t(code)].fetch_add(1, std::memory_order_relaxed);
    // Streams last as long as the client stays: only unary calls have a latency worth a figure.
    if (!m_methods[std::size_t(methodIndex)].isUnary)
        return;
    const double seconds = std::chrono::duration<double>(latency).count();
    std::size_t bucket = 0;
    while (bucket < LatencyBucketsSeconds.size() && seconds > LatencyBucketsSeconds[bucket])
        ++bucket;
    counters.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    counters.latencyNanosSum.fetch_add(quint64(std::max<qint64>(0, latency.count())),
                                       std::memory_order_relaxed);
}

QList<GrpcCallMetrics::MethodFigures> GrpcCallMetrics::snapshot() const
{
    QList<MethodFigures> figures;
    for (std::size_t i = 0; i < m_methods.size(); ++i) {
        const MethodCounters &counters = m_counters[i];
        MethodFigures method;
        quint64 total = 0;
        for (std::size_t code = 0; code < method.calls.size(); ++code) {
            method.calls[code] = counters.calls[code].load(std::memory_order_relaxed);
            total += method.calls[code];
        }
        if (total == 0)
            continue;
        method.service = m_methods[i].service;
        method.method = m_methods[i].method;
        method.isUnary = m_methods[i].isUnary;
        quint64 cumulative = 0;
        for (std::size_t bucket = 0; bucket < BucketCount; ++bucket) {
            cumulative += counters.buckets[bucket].load(std::memory_order_relaxed);
            method.latencyBuckets[bucket] = cumulative;
        }
        method.latencyCount = cumulative;
        method.latencySumSeconds =
            double(counters.latencyNanosSum.load(std::memory_order_relaxed)) / 1e9;
        figures.append(method);
    }
    return figures;
}

quint64 GrpcCallMetrics::totalCalls() const
{
    quint64 total = 0;
    for (std::size_t i = 0; i < m_methods.size(); ++i) {
        for (const auto &calls : m_counters[i].calls)
            total += calls.load(std::memory_order_relaxed);
    }
    return total;
}

QString GrpcCallMetrics::codeName(int code)
{
    static const char *const names[StatusCodeCount] = {"OK",
                                                       "CANCELLED",
                                                       "UNKNOWN",
                                                       "INVALID_ARGUMENT",
                                                       "DEADLINE_EXCEEDED",
                                                       "NOT_FOUND",
                                                       "ALREADY_EXISTS",
                                                       "PERMISSION_DENIED",
                                                       "RESOURCE_EXHAUSTED",
                                                       "FAILED_PRECONDITION",
                                                       "ABORTED",
                                                       "OUT_OF_RANGE",
                                                       "UNIMPLEMENTED",
                                                       "INTERNAL",
                                                       "UNAVAILABLE",
                                                       "DATA_LOSS",
                                                       "UNAUTHENTICATED"};
    if (code < 0 || code >= StatusCodeCount)
        return QStringLiteral("UNKNOWN");
    return QString::fromLatin1(names[code]);
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
GrpcCallMetrics::interceptorFactory()
{
    return std::make_unique<InterceptorFactory>(this);
}

void GrpcCallMetrics::exportTo(const std::shared_ptr<const GrpcCallMetrics> &metrics,
                               MetricsExporter &exporter)
{
    using Sample = MetricsExporter::CollectedSample;
    auto calls = exporter.addCollector(
        QStringLiteral("continuo_grpc_calls_total"),
        QStringLiteral("gRPC calls handled by the daemon, by method and status code."),
        MetricType::Counter, [metrics] {
            QList<Sample> samples;
            for (const MethodFigures &method : metrics->snapshot()) {
                for (int code = 0; code < StatusCodeCount; ++code) {
                    if (method.calls[std::size_t(code)] == 0)
                        continue;
                    samples.append(Sample{QString(),
                                          {{QStringLiteral("service"), method.service},
                                           {QStringLiteral("method"), method.method},
                                           {QStringLiteral("code"), codeName(code)}},
                                          double(method.calls[std::size_t(code)])});
                }
            }
            return samples;
        });
    if (!calls)
        qCWarning(lcApi).noquote() << calls.error();
    auto latency = exporter.addCollector(
        QStringLiteral("continuo_grpc_call_duration_seconds"),
        QStringLiteral("Time from the arrival of a unary gRPC call to its answer."),
        MetricType::Histogram, [metrics] {
            QList<Sample> samples;
            for (const MethodFigures &method : metrics->snapshot()) {
                if (!method.isUnary)
                    continue;
                const Labels labels{{QStringLiteral("service"), method.service},
                                    {QStringLiteral("method"), method.method}};
                for (std::size_t bucket = 0; bucket < method.latencyBuckets.size(); ++bucket) {
                    Labels bucketLabels = labels;
                    bucketLabels.insert(QStringLiteral("le"),
                                        bucket < LatencyBucketsSeconds.size()
                                            ? QString::number(LatencyBucketsSeconds[bucket])
                                            : QStringLiteral("+Inf"));
                    samples.append(Sample{QStringLiteral("_bucket"), bucketLabels,
                                          double(method.latencyBuckets[bucket])});
                }
                samples.append(Sample{QStringLiteral("_sum"), labels, method.latencySumSeconds});
                samples.append(
                    Sample{QStringLiteral("_count"), labels, double(method.latencyCount)});
            }
            return samples;
        });
    if (!latency)
        qCWarning(lcApi).noquote() << latency.error();
}

} // namespace Continuo::Api
