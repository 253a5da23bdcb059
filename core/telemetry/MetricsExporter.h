#pragma once

#include "telemetry/PrometheusTextParser.h"
#include "telemetry/Series.h"
#include "util/Result.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace Continuo {

class TelemetryHub;

namespace Internal {
class MetricsHttpServer;
}

/// This process as /proc/self shows it.
struct ProcessStats
{
    double cpuSeconds = 0;        ///< user + system
    qint64 residentBytes = 0;
    qint64 virtualBytes = 0;
    double startTimeSeconds = 0;  ///< Unix time; 0 when the boot time is unknown
};

/// Serves GET /metrics in the Prometheus text format 0.0.4 (what every Prometheus and every
/// scraper reads): the daemon's own health from a small registry of gauge/counter callbacks,
/// and, optionally, the latest value of chosen TelemetryHub series. Other paths answer 404,
/// other methods 405. Lives on the thread that creates it; callbacks run there, once per
/// scrape.
class CONTINUO_CORE_EXPORT MetricsExporter : public QObject
{
    Q_OBJECT
public:
    using ValueCallback = std::function<double()>;

    explicit MetricsExporter(QObject *parent = nullptr);
    ~MetricsExporter() override;

    /// Listens on address:port (port 0: any free port). Returns the bound port.
    Result<quint16> listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                           quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 serverPort() const;
    /// http://address:port/metrics, empty when not listening.
    QUrl metricsUrl() const;

    /// Registers one series of a family. Several series of a family differ in their labels and
    /// share name, type and help. Fails on a bad name, a type clash or a duplicate series.
    Result<void> addGauge(const QString &name, const QString &help, ValueCallback value,
                          const Labels &labels = {});
    Result<void> addCounter(const QString &name, const QString &help, ValueCallback value,
                            const Labels &labels = {});

    /// process_resident_memory_bytes, process_virtual_memory_bytes, process_cpu_seconds_total,
    /// process_start_time_seconds, process_open_fds (from /proc/self), continuo_uptime_seconds
    /// and continuo_build_info{version, qt_version}.
    void addProcessMetrics();
    /// continuo_telemetry_samples_ingested_total and continuo_telemetry_series from a hub.
    void addTelemetryHubMetrics(TelemetryHub *hub);
    /// continuo_grpc_calls_total from a counter the gRPC server keeps.
    void addGrpcCallCounter(ValueCallback calls);

    /// One series of a collected family: `suffix` is appended to the family name (`_bucket`,
    /// `_sum`, `_count` for histograms; empty otherwise).
    struct CollectedSample
    {
        QString suffix;
        Labels labels;
        double value = 0.0;
    };
    using CollectCallback = std::function<QList<CollectedSample>()>;
    /// Registers a family whose series are only known at scrape time (one per gRPC method and
    /// status code seen so far, histogram buckets). `collect` runs once per scrape, on the
    /// exporter's thread. Fails on a bad name or a name already registered.
    Result<void> addCollector(const QString &name, const QString &help, MetricType type,
                              CollectCallback collect);

    /// Re-export the latest value of every hub series that matches (as untyped series, without
    /// timestamps). Names clashing with the exporter's own families are left out. Series
    /// whose latest sample is older than the maximum age are left out too, so that series that
    /// ended disappear from the scrape.
    void setTelemetryHub(TelemetryHub *hub);
    void addReexport(const SeriesMatcher &matcher);
    void setReexportMaxAge(std::chrono::milliseconds age) { m_reexportMaxAge = age; }

    /// The exposition /metrics answers with right now.
    QByteArray render() const;
    static QByteArray contentType();
    qint64 scrapesServedTotal() const { return m_scrapesServed.load(); }

    /// Parses /proc/self/stat (and /proc/stat's btime for the start time).
    static Result<ProcessStats> parseProcSelfStat(const QByteArray &selfStat, const QByteArray &procStat,
                                                  qint64 ticksPerSecond, qint64 pageSizeBytes);
    static Result<ProcessStats> readProcessStats();

private:
    friend class Internal::MetricsHttpServer;
    struct Family;
    Result<void> addSeries(const QString &name, const QString &help, MetricType type, ValueCallback value,
                           const Labels &labels);
    void serve(); ///< Counts a scrape.

    mutable QMutex m_mutex;
    std::vector<std::shared_ptr<Family>> m_families;
    QPointer<TelemetryHub> m_reexportHub;
    QList<SeriesMatcher> m_reexports;
    std::chrono::milliseconds m_reexportMaxAge{std::chrono::minutes(5)};
    Internal::MetricsHttpServer *m_server = nullptr;
    QHostAddress m_address;
    quint16 m_port = 0;
    std::atomic<qint64> m_scrapesServed{0};
    QElapsedTimer m_uptime;
};

} // namespace Continuo
