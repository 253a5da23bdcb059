#pragma once

#include "telemetry/PrometheusTextParser.h"
#include "telemetry/Series.h"
#include "util/Result.h"

#include <QHash>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

namespace Continuo {

class IPluginHost;

namespace Internal {
class ScrapeWorker;
}

/// Whether labels a target exposes win over the scraper's `job`, `instance` and extra labels
/// (Prometheus' honor_labels). Off: the scraped ones are kept as `exported_<name>`.
enum class HonourLabels { Unknown, Off, On };

/// One thing to scrape.
struct ScrapeTarget
{
    QUrl url;                                      ///< http(s)://host:port/metrics
    QString job = QStringLiteral("continuo");      ///< Value of the `job` label.
    std::chrono::milliseconds interval{15000};
    std::chrono::milliseconds timeout{10000};      ///< At most the interval.
    Labels extraLabels;                            ///< Added to every sample of the target.
    HonourLabels honourLabels = HonourLabels::Off; ///< Unknown counts as Off.
    qint64 bodySizeLimitBytes = 64 * 1024 * 1024;  ///< Larger responses fail the scrape.
};

enum class TargetHealth { Unknown, Up, Down };

/// How a target is doing, as of its last scrape.
struct ScrapeTargetStatus
{
    QString id; ///< The target's URL as text; unique per scraper.
    QString job;
    QString instance; ///< host:port
    TargetHealth health = TargetHealth::Unknown; ///< Unknown until the first scrape ends.
    QString lastError;                           ///< Empty after a good scrape.
    qint64 lastScrapeMs = 0;                     ///< Start of the last scrape (epoch ms).
    qint64 lastScrapeDurationMs = 0;
    qint64 lastSamplesScraped = 0;
    ExpositionFormat lastFormat = ExpositionFormat::Unknown;
    qint64 scrapesTotal = 0;
    qint64 failedScrapesTotal = 0;
    bool operator==(const ScrapeTargetStatus &) const = default;
};

/// Scrapes Prometheus text / OpenMetrics targets, each at its own interval, on a thread of its
/// own (QNetworkAccessManager on a worker QObject), as Prometheus does: `job` and `instance`
/// labels added, samples without a timestamp stamped with the scrape's start time, and the
/// synthetic series `up`, `scrape_duration_seconds` and `scrape_samples_scraped` per target
/// and scrape. A target that fails (refused, timeout, HTTP error, malformed exposition) gives
/// up=0 and a lastError; the other targets carry on.
class CONTINUO_CORE_EXPORT PrometheusScraper : public QObject
{
    Q_OBJECT
public:
    /// Called on the scraper's thread once per scrape with all its series: must be thread-safe
    /// (TelemetryHub::ingest and IPluginHost::ingestSamples are).
    using Sink = std::function<void(const QList<SeriesBatch> &batches)>;

    explicit PrometheusScraper(Sink sink, QObject *parent = nullptr);
    /// Delivers to host->ingestSamples(); the host must outlive the scraper.
    explicit PrometheusScraper(IPluginHost *host, QObject *parent = nullptr);
    ~PrometheusScraper() override;

    /// The Accept header sent with every scrape (OpenMetrics preferred, text accepted).
    static QByteArray acceptHeader();

    // Targets are added and removed from the thread that owns the scraper (never from a slot
    // connected directly to its signals, which run on the scraper's thread).

    /// Adds a target; it is first scraped right away when the scraper runs. Returns its id.
    Result<QString> addTarget(const ScrapeTarget &target);
    bool removeTarget(const QString &id);

    /// Thread-safe snapshots.
    QList<ScrapeTargetStatus> targetStatuses() const;
    std::optional<ScrapeTargetStatus> targetStatus(const QString &id) const;
    /// Metadata (TYPE/HELP/UNIT) of the last good scrape of a target.
    QList<MetricMetadata> targetMetadata(const QString &id) const;

    void start();
    /// Aborts scrapes in flight; no sink call happens after stop() returns.
    void stop();
    bool isRunning() const { return m_worker != nullptr; }

Q_SIGNALS:
    /// After every scrape of a target, good or bad (emitted from the scraper's thread).
    void targetScraped(const Continuo::ScrapeTargetStatus &status);
    /// When a target goes from unknown/up to down or back.
    void targetHealthChanged(const Continuo::ScrapeTargetStatus &status);

private:
    friend class Internal::ScrapeWorker;
    void recordScrape(const ScrapeTargetStatus &status, const QList<MetricMetadata> *metadata);

    Sink m_sink;
    QThread m_thread;
    Internal::ScrapeWorker *m_worker = nullptr;
    QHash<QString, ScrapeTarget> m_targets; ///< Owner's thread only; copied to the worker.
    mutable QMutex m_statusMutex;
    QHash<QString, ScrapeTargetStatus> m_statuses;
    QHash<QString, QList<MetricMetadata>> m_metadata;
};

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::ScrapeTargetStatus)
