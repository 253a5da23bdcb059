#include "telemetry/PrometheusScraper.h"

#include "ContinuoVersion.h"
#include "plugin/IPluginHost.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>

namespace Continuo {

namespace {

QString instanceOf(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    QString host = url.host();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return host + QLatin1Char(':') + QString::number(url.port(defaultPort));
}

/// Prometheus' target labels: job and instance, then the target's own labels (which may
/// override both).
Labels targetLabelsOf(const ScrapeTarget &target)
{
    Labels labels;
    labels.insert(QStringLiteral("job"), target.job);
    labels.insert(QStringLiteral("instance"), instanceOf(target.url));
    for (auto it = target.extraLabels.cbegin(); it != target.extraLabels.cend(); ++it)
        labels.insert(it.key(), it.value());
    return labels;
}

/// Empty label values mean "no label" in Prometheus; conflicts follow honor_labels.
void applyTargetLabels(Labels &labels, const Labels &targetLabels, HonourLabels honour)
{
    for (auto it = labels.begin(); it != labels.end();) {
        if (it.value().isEmpty())
            it = labels.erase(it);
        else
            ++it;
    }
    for (auto target = targetLabels.cbegin(); target != targetLabels.cend(); ++target) {
        auto existing = labels.find(target.key());
        if (existing == labels.end()) {
            labels.insert(target.key(), target.value());
            continue;
        }
        if (honour == HonourLabels::On)
            continue;
        const QString scraped = existing.value();
        QString exportedName = QStringLiteral("exported_") + target.key();
        while (labels.contains(exportedName))
            exportedName.prepend(QStringLiteral("exported_"));
        labels.insert(target.key(), target.value());
        labels.insert(exportedName, scraped);
    }
}

SeriesBatch syntheticSeries(const char *metric, const Labels &labels, qint64 timestampMs, double value)
{
    return SeriesBatch{QString::fromLatin1(metric), labels, {Sample{timestampMs, value}}};
}

} // namespace

namespace Internal {

/// Lives on the scraper's thread; owns the network manager, one timer per target and the
/// replies in flight.
class ScrapeWorker : public QObject
{
public:
    explicit ScrapeWorker(PrometheusScraper *owner) : m_owner(owner) {}

    void initialise()
    {
        m_manager = new QNetworkAccessManager(this);
        // Targets are addressed directly; an http_proxy in the environment must not divert them.
        m_manager->setProxy(QNetworkProxy::NoProxy);
    }

    void shutdown()
    {
        // Everything is deleted here, on the worker's thread, so that the (empty) worker can be
        // deleted by the owner once the thread has ended.
        for (auto &[id, slot] : m_slots) {
            delete slot->timer;
            delete slot->deadline;
            if (QNetworkReply *reply = slot->reply) {
                slot->reply = nullptr;
                reply->disconnect(this);
                reply->abort();
            }
        }
        m_slots.clear();
        delete m_manager; // and the replies it still owns
        m_manager = nullptr;
    }

    void addTarget(const QString &id, const ScrapeTarget &target)
    {
        auto slot = std::make_unique<Slot>();
        slot->id = id;
        slot->target = target;
        slot->targetLabels = targetLabelsOf(target);
        slot->instance = instanceOf(target.url);
        slot->timer = new QTimer(this);
        slot->timer->setInterval(target.interval);
        slot->timer->setTimerType(Qt::PreciseTimer);
        connect(slot->timer, &QTimer::timeout, this, [this, id] { scrape(id); });
        slot->deadline = new QTimer(this);
        slot->deadline->setSingleShot(true);
        connect(slot->deadline, &QTimer::timeout, this, [this, id] { timeOut(id); });
        m_slots[id] = std::move(slot);
        m_slots[id]->timer->start();
        scrape(id);
    }

    void removeTarget(const QString &id)
    {
        auto it = m_slots.find(id);
        if (it == m_slots.end())
            return;
        Slot &slot = *it->second;
        if (QNetworkReply *reply = slot.reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        delete slot.timer;
        delete slot.deadline;
        m_slots.erase(it);
    }

private:
    struct Slot
    {
        QString id;
        ScrapeTarget target;
        Labels targetLabels;
        QString instance;
        QTimer *timer = nullptr;
        QTimer *deadline = nullptr;
        QPointer<QNetworkReply> reply;
        qint64 startMs = 0;
        QElapsedTimer elapsed;
        bool timedOut = false;
        bool tooLarge = false;
    };

    Slot *find(const QString &id)
    {
        auto it = m_slots.find(id);
        return it == m_slots.end() ? nullptr : it->second.get();
    }

    void scrape(const QString &id)
    {
        Slot *slot = find(id);
        if (!slot || !m_manager)
            return;
        if (slot->reply) {
            // Cannot happen while timeout <= interval; never stack scrapes of one target.
            qCDebug(lcTelemetry) << "scrape of" << id << "still in flight, skipping a round";
            return;
        }
        QNetworkRequest request(slot->target.url);
        request.setRawHeader("Accept", PrometheusScraper::acceptHeader());
        request.setRawHeader("X-Prometheus-Scrape-Timeout-Seconds",
                             QByteArray::number(double(slot->target.timeout.count()) / 1000.0));
        request.setRawHeader("User-Agent", QByteArray("Continuo/") + Continuo::Version);
        slot->timedOut = false;
        slot->tooLarge = false;
        slot->startMs = QDateTime::currentMSecsSinceEpoch();
        slot->elapsed.start();
        QNetworkReply *reply = m_manager->get(request);
        slot->reply = reply;
        const qint64 limit = slot->target.bodySizeLimitBytes;
        connect(reply, &QNetworkReply::downloadProgress, this, [this, id, reply, limit](qint64 received, qint64) {
            Slot *current = find(id);
            if (limit > 0 && received > limit && current && current->reply == reply) {
                current->tooLarge = true;
                reply->abort();
            }
        });
        connect(reply, &QNetworkReply::finished, this, [this, id, reply] { finished(id, reply); });
        slot->deadline->start(slot->target.timeout);
    }

    void timeOut(const QString &id)
    {
        Slot *slot = find(id);
        if (!slot || !slot->reply)
            return;
        slot->timedOut = true;
        slot->reply->abort();
    }

    void finished(const QString &id, QNetworkReply *reply)
    {
        reply->deleteLater();
        Slot *slot = find(id);
        if (!slot || slot->reply != reply)
            return;
        slot->reply = nullptr;
        slot->deadline->stop();
        const double durationSeconds = double(slot->elapsed.nsecsElapsed()) / 1e9;

        QString error;
        std::optional<ParsedExposition> parsed;
        const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (slot->timedOut) {
            error = QStringLiteral("scrape timed out after %1 ms").arg(slot->target.timeout.count());
        } else if (slot->tooLarge) {
            error = QStringLiteral("response is larger than the body size limit of %1 bytes")
                        .arg(slot->target.bodySizeLimitBytes);
        } else if (httpStatus != 0 && httpStatus != 200) {
            error = QStringLiteral("server returned HTTP status %1 %2")
                        .arg(httpStatus)
                        .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        } else if (reply->error() != QNetworkReply::NoError) {
            error = QStringLiteral("cannot scrape %1: %2")
                        .arg(slot->target.url.toDisplayString(), reply->errorString());
        } else {
            const QByteArray body = reply->readAll();
            const qint64 limit = slot->target.bodySizeLimitBytes;
            if (limit > 0 && body.size() > limit) {
                error = QStringLiteral("response is larger than the body size limit of %1 bytes").arg(limit);
            } else {
                const ExpositionFormat format =
                    PrometheusTextParser::formatFromContentType(reply->rawHeader("Content-Type"));
                auto result = PrometheusTextParser::parse(
                    body, ExpositionParseOptions{format, slot->startMs, ParseErrorPolicy::RejectScrape});
                if (result)
                    parsed = std::move(result).value();
                else
                    error = QStringLiteral("malformed %1 exposition: %2").arg(toString(format), result.error());
            }
        }

        QList<SeriesBatch> batches;
        qint64 samplesScraped = 0;
        if (parsed) {
            samplesScraped = parsed->series.size();
            batches = std::move(parsed->series);
            const HonourLabels honour = slot->target.honourLabels == HonourLabels::On ? HonourLabels::On
                                                                                      : HonourLabels::Off;
            for (SeriesBatch &batch : batches)
                applyTargetLabels(batch.labels, slot->targetLabels, honour);
        }
        batches.append(syntheticSeries("up", slot->targetLabels, slot->startMs, error.isEmpty() ? 1 : 0));
        batches.append(syntheticSeries("scrape_duration_seconds", slot->targetLabels, slot->startMs,
                                       durationSeconds));
        batches.append(syntheticSeries("scrape_samples_scraped", slot->targetLabels, slot->startMs,
                                       double(samplesScraped)));
        if (m_owner->m_sink)
            m_owner->m_sink(batches);

        ScrapeTargetStatus status;
        status.id = id;
        status.job = slot->target.job;
        status.instance = slot->instance;
        status.health = error.isEmpty() ? TargetHealth::Up : TargetHealth::Down;
        status.lastError = error;
        status.lastScrapeMs = slot->startMs;
        status.lastScrapeDurationMs = qint64(durationSeconds * 1000.0);
        status.lastSamplesScraped = samplesScraped;
        status.lastFormat = parsed ? parsed->format : ExpositionFormat::Unknown;
        m_owner->recordScrape(status, parsed ? &parsed->metadata : nullptr);
    }

    PrometheusScraper *m_owner;
    QNetworkAccessManager *m_manager = nullptr;
    std::map<QString, std::unique_ptr<Slot>> m_slots;
};

} // namespace Internal

PrometheusScraper::PrometheusScraper(Sink sink, QObject *parent)
    : QObject(parent)
    , m_sink(std::move(sink))
{
    qRegisterMetaType<Continuo::ScrapeTargetStatus>();
    m_thread.setObjectName(QStringLiteral("PrometheusScraper"));
}

PrometheusScraper::PrometheusScraper(IPluginHost *host, QObject *parent)
    : PrometheusScraper(Sink([host](const QList<SeriesBatch> &batches) { host->ingestSamples(batches); }),
                        parent)
{
}

PrometheusScraper::~PrometheusScraper()
{
    stop();
}

QByteArray PrometheusScraper::acceptHeader()
{
    return QByteArrayLiteral("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
}

Result<QString> PrometheusScraper::addTarget(const ScrapeTarget &target)
{
    const QUrl &url = target.url;
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return makeError(QStringLiteral("scrape target '%1' is not an http(s) URL")
                             .arg(url.toDisplayString()));
    if (target.job.isEmpty())
        return makeError(QStringLiteral("scrape target '%1' has no job name").arg(url.toDisplayString()));
    if (target.interval.count() <= 0)
        return makeError(QStringLiteral("scrape interval of '%1' must be positive").arg(url.toDisplayString()));
    if (target.timeout.count() <= 0 || target.timeout > target.interval)
        return makeError(QStringLiteral("scrape timeout of '%1' must be positive and at most the interval "
                                        "(%2 ms)")
                             .arg(url.toDisplayString())
                             .arg(target.interval.count()));
    const QString id = url.toString();
    if (m_targets.contains(id))
        return makeError(QStringLiteral("scrape target '%1' is already configured").arg(id));
    m_targets.insert(id, target);
    {
        QMutexLocker locker(&m_statusMutex);
        ScrapeTargetStatus status;
        status.id = id;
        status.job = target.job;
        status.instance = instanceOf(url);
        m_statuses.insert(id, status);
    }
    if (m_worker) {
        Internal::ScrapeWorker *worker = m_worker;
        QMetaObject::invokeMethod(worker, [worker, id, target] { worker->addTarget(id, target); },
                                  Qt::QueuedConnection);
    }
    return id;
}

bool PrometheusScraper::removeTarget(const QString &id)
{
    if (!m_targets.remove(id))
        return false;
    if (m_worker) {
        Internal::ScrapeWorker *worker = m_worker;
        QMetaObject::invokeMethod(worker, [worker, id] { worker->removeTarget(id); },
                                  Qt::BlockingQueuedConnection);
    }
    QMutexLocker locker(&m_statusMutex);
    m_statuses.remove(id);
    m_metadata.remove(id);
    return true;
}

QList<ScrapeTargetStatus> PrometheusScraper::targetStatuses() const
{
    QMutexLocker locker(&m_statusMutex);
    return m_statuses.values();
}

std::optional<ScrapeTargetStatus> PrometheusScraper::targetStatus(const QString &id) const
{
    QMutexLocker locker(&m_statusMutex);
    auto it = m_statuses.constFind(id);
    if (it == m_statuses.cend())
        return std::nullopt;
    return *it;
}

QList<MetricMetadata> PrometheusScraper::targetMetadata(const QString &id) const
{
    QMutexLocker locker(&m_statusMutex);
    return m_metadata.value(id);
}

void PrometheusScraper::start()
{
    if (m_worker)
        return;
    m_worker = new Internal::ScrapeWorker(this);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    Internal::ScrapeWorker *worker = m_worker;
    const QHash<QString, ScrapeTarget> targets = m_targets;
    QMetaObject::invokeMethod(worker, [worker, targets] {
        worker->initialise();
        for (auto it = targets.cbegin(); it != targets.cend(); ++it)
            worker->addTarget(it.key(), it.value());
    }, Qt::QueuedConnection);
}

void PrometheusScraper::stop()
{
    if (!m_worker)
        return;
    Internal::ScrapeWorker *worker = m_worker;
    // Tear down on the worker's own thread: the network manager and replies belong to it.
    QMetaObject::invokeMethod(worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
    m_worker = nullptr;
}

void PrometheusScraper::recordScrape(const ScrapeTargetStatus &scraped, const QList<MetricMetadata> *metadata)
{
    ScrapeTargetStatus status;
    bool healthChanged = false;
    {
        QMutexLocker locker(&m_statusMutex);
        auto it = m_statuses.find(scraped.id);
        if (it == m_statuses.end())
            return; // removed meanwhile
        status = scraped;
        status.scrapesTotal = it->scrapesTotal + 1;
        status.failedScrapesTotal = it->failedScrapesTotal + (scraped.health == TargetHealth::Down ? 1 : 0);
        healthChanged = it->health != status.health;
        *it = status;
        if (metadata)
            m_metadata.insert(scraped.id, *metadata);
    }
    if (healthChanged) {
        if (status.health == TargetHealth::Down)
            qCWarning(lcTelemetry).noquote() << "scrape target" << status.id << "is down:" << status.lastError;
        else
            qCInfo(lcTelemetry).noquote() << "scrape target" << status.id << "is up";
        Q_EMIT targetHealthChanged(status);
    }
    Q_EMIT targetScraped(status);
}

} // namespace Continuo
