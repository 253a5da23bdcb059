#include "telemetry/MetricsExporter.h"

#include "ContinuoVersion.h"
#include "telemetry/TelemetryHub.h"
#include "util/Logging.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMutexLocker>
#include <QSet>
#include <QTcpServer>

#include <charconv>
#include <cmath>
#include <map>

#include <unistd.h>

namespace Continuo {

struct MetricsExporter::Family
{
    struct Series
    {
        Labels labels;
        ValueCallback value;
    };
    QString name;
    QString help;
    MetricType type = MetricType::Unknown;
    QList<Series> series;
    CollectCallback collect; ///< Set for collected families (which have no fixed series).
};

namespace Internal {

/// QAbstractHttpServer rather than QHttpServer's router: the exporter answers one path and
/// wants its own 404/405 answers, which 6.4's router has no hook for.
class MetricsHttpServer final : public QAbstractHttpServer
{
public:
    explicit MetricsHttpServer(MetricsExporter *exporter)
        : QAbstractHttpServer(exporter)
        , m_exporter(exporter)
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        if (request.url().path() != QLatin1String("/metrics")) {
            responder.write(QByteArrayLiteral("404 page not found; metrics are at /metrics\n"),
                            QByteArrayLiteral("text/plain; charset=utf-8"),
                            QHttpServerResponder::StatusCode::NotFound);
            return true;
        }
        if (request.method() != QHttpServerRequest::Method::Get) {
            responder.write(QByteArrayLiteral("405 method not allowed; use GET\n"),
                            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")},
                             {QByteArrayLiteral("Allow"), QByteArrayLiteral("GET")}},
                            QHttpServerResponder::StatusCode::MethodNotAllowed);
            return true;
        }
        m_exporter->serve();
        responder.write(m_exporter->render(), MetricsExporter::contentType());
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // handleRequest answers everything; kept for completeness.
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    MetricsExporter *m_exporter;
};

} // namespace Internal

namespace {

bool isValidMetricName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        if (!letter && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

bool isValidLabelName(QStringView name)
{
    return isValidMetricName(name) && !name.contains(QLatin1Char(':'))
           && !name.startsWith(QLatin1String("__"));
}

/// Turns anything into a valid metric/label name (invalid characters become '_').
QString sanitisedName(const QString &name, bool labelName)
{
    QString out = name;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char16_t c = out[i].unicode();
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                        || (!labelName && c == ':') || (i > 0 && c >= '0' && c <= '9');
        if (!ok)
            out[i] = QLatin1Char('_');
    }
    if (out.isEmpty())
        out = QStringLiteral("_");
    return out;
}

void appendDouble(QByteArray &out, double value)
{
    if (std::isnan(value)) {
        out += "NaN";
        return;
    }
    if (std::isinf(value)) {
        out += value > 0 ? "+Inf" : "-Inf";
        return;
    }
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, ec == std::errc() ? end - buffer : 0);
}

void appendEscaped(QByteArray &out, const QString &text, bool labelValue)
{
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"' && labelValue)
            out += "\\\"";
        else
            out += c;
    }
}

void appendSeries(QByteArray &out, const QString &name, const Labels &labels, double value)
{
    out += name.toLatin1();
    if (!labels.isEmpty()) {
        out += '{';
        bool first = true;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
            if (!first)
                out += ',';
            first = false;
            out += it.key().toLatin1();
            out += "=\"";
            appendEscaped(out, it.value(), true);
            out += '"';
        }
        out += '}';
    }
    out += ' ';
    appendDouble(out, value);
    out += '\n';
}

void appendHeader(QByteArray &out, const QString &name, const QString &help, MetricType type)
{
    if (!help.isEmpty()) {
        out += "# HELP ";
        out += name.toLatin1();
        out += ' ';
        appendEscaped(out, help, false);
        out += '\n';
    }
    out += "# TYPE ";
    out += name.toLatin1();
    out += ' ';
    out += toString(type).toLatin1();
    out += '\n';
}

/// Reads /proc/self once per scrape for all process_* series, not once per series.
class ProcessSampler
{
public:
    ProcessStats stats()
    {
        QMutexLocker locker(&m_mutex);
        if (!m_readAt.isValid() || m_readAt.elapsed() > 50) {
            if (auto read = MetricsExporter::readProcessStats())
                m_stats = *read;
            m_readAt.start();
        }
        return m_stats;
    }

private:
    QMutex m_mutex;
    QElapsedTimer m_readAt;
    ProcessStats m_stats;
};

int countOpenFileDescriptors()
{
    return int(QDir(QStringLiteral("/proc/self/fd"))
                   .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot)
                   .size());
}

} // namespace

MetricsExporter::MetricsExporter(QObject *parent)
    : QObject(parent)
{
    m_uptime.start();
}

MetricsExporter::~MetricsExporter()
{
    close();
}

QByteArray MetricsExporter::contentType()
{
    return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

Result<quint16> MetricsExporter::listen(const QHostAddress &address, quint16 port)
{
    close();
    auto *tcpServer = new QTcpServer;
    if (!tcpServer->listen(address, port)) {
        const QString error = QStringLiteral("cannot listen for /metrics on %1:%2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(tcpServer->errorString());
        delete tcpServer;
        return makeError(error);
    }
    m_server = new Internal::MetricsHttpServer(this);
    m_server->bind(tcpServer); // takes ownership
    m_address = address;
    m_port = tcpServer->serverPort();
    qCInfo(lcTelemetry).noquote() << "serving /metrics on" << metricsUrl().toString();
    return m_port;
}

void MetricsExporter::close()
{
    delete m_server;
    m_server = nullptr;
    m_port = 0;
}

bool MetricsExporter::isListening() const
{
    return m_server != nullptr;
}

quint16 MetricsExporter::serverPort() const
{
    return m_port;
}

QUrl MetricsExporter::metricsUrl() const
{
    if (!m_server)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_address.toString());
    url.setPort(m_port);
    url.setPath(QStringLiteral("/metrics"));
    return url;
}

Result<void> MetricsExporter::addGauge(const QString &name, const QString &help, ValueCallback value,
                                       const Labels &labels)
{
    return addSeries(name, help, MetricType::Gauge, std::move(value), labels);
}

Result<void> MetricsExporter::addCounter(const QString &name, const QString &help, ValueCallback value,
                                         const Labels &labels)
{
    return addSeries(name, help, MetricType::Counter, std::move(value), labels);
}

Result<void> MetricsExporter::addSeries(const QString &name, const QString &help, MetricType type,
                                        ValueCallback value, const Labels &labels)
{
    if (!isValidMetricName(name))
        return makeError(QStringLiteral("invalid metric name '%1'").arg(name));
    if (!value)
        return makeError(QStringLiteral("metric '%1' has no value callback").arg(name));
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (!isValidLabelName(it.key()))
            return makeError(QStringLiteral("invalid label name '%1' on metric '%2'").arg(it.key(), name));
    }
    QMutexLocker locker(&m_mutex);
    for (const auto &family : m_families) {
        if (family->name != name)
            continue;
        if (family->type != type)
            return makeError(QStringLiteral("metric '%1' is already registered as a %2")
                                 .arg(name, toString(family->type)));
        for (const auto &series : std::as_const(family->series)) {
            if (series.labels == labels)
                return makeError(QStringLiteral("series %1 is already registered").arg(seriesKey(name, labels)));
        }
        family->series.append(Family::Series{labels, std::move(value)});
        if (family->help.isEmpty())
            family->help = help;
        return {};
    }
    auto family = std::make_shared<Family>();
    family->name = name;
    family->help = help;
    family->type = type;
    family->series.append(Family::Series{labels, std::move(value)});
    m_families.push_back(std::move(family));
    return {};
}

void MetricsExporter::addProcessMetrics()
{
    auto sampler = std::make_shared<ProcessSampler>();
    const QElapsedTimer uptime = m_uptime;
    auto ignore = [](const Result<void> &result) {
        if (!result)
            qCWarning(lcTelemetry).noquote() << result.error();
    };
    ignore(addGauge(QStringLiteral("process_resident_memory_bytes"), QStringLiteral("Resident memory size in bytes."),
                    [sampler] { return double(sampler->stats().residentBytes); }));
    ignore(addGauge(QStringLiteral("process_virtual_memory_bytes"), QStringLiteral("Virtual memory size in bytes."),
                    [sampler] { return double(sampler->stats().virtualBytes); }));
    ignore(addCounter(QStringLiteral("process_cpu_seconds_total"),
                      QStringLiteral("Total user and system CPU time spent in seconds."),
                      [sampler] { return sampler->stats().cpuSeconds; }));
    ignore(addGauge(QStringLiteral("process_start_time_seconds"),
                    QStringLiteral("Start time of the process since unix epoch in seconds."),
                    [sampler] { return sampler->stats().startTimeSeconds; }));
    ignore(addGauge(QStringLiteral("process_open_fds"), QStringLiteral("Number of open file descriptors."),
                    [] { return double(countOpenFileDescriptors()); }));
    ignore(addGauge(QStringLiteral("continuo_uptime_seconds"), QStringLiteral("Seconds since the process started."),
                    [sampler, uptime] {
                        const double start = sampler->stats().startTimeSeconds;
                        if (start > 0)
                            return std::max(0.0, double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 - start);
                        return double(uptime.elapsed()) / 1000.0;
                    }));
    ignore(addGauge(QStringLiteral("continuo_build_info"),
                    QStringLiteral("A metric with a constant '1' value labelled by the Continuo and Qt versions."),
                    [] { return 1.0; },
                    Labels{{QStringLiteral("version"), QString::fromLatin1(Continuo::Version)},
                           {QStringLiteral("qt_version"), QString::fromLatin1(qVersion())}}));
}

void MetricsExporter::addTelemetryHubMetrics(TelemetryHub *hub)
{
    QPointer<TelemetryHub> guarded(hub);
    auto report = [](const Result<void> &result) {
        if (!result)
            qCWarning(lcTelemetry).noquote() << result.error();
    };
    report(addCounter(QStringLiteral("continuo_telemetry_samples_ingested_total"),
                      QStringLiteral("Samples accepted by the telemetry store."),
                      [guarded] { return guarded ? double(guarded->samplesIngestedTotal()) : 0.0; }));
    report(addGauge(QStringLiteral("continuo_telemetry_series"), QStringLiteral("Series in the telemetry store."),
                    [guarded] { return guarded ? double(guarded->seriesCount()) : 0.0; }));
}

void MetricsExporter::addGrpcCallCounter(ValueCallback calls)
{
    if (auto result = addCounter(QStringLiteral("continuo_grpc_calls_total"),
                                 QStringLiteral("gRPC calls handled by the daemon."), std::move(calls));
        !result)
        qCWarning(lcTelemetry).noquote() << result.error();
}

Result<void> MetricsExporter::addCollector(const QString &name, const QString &help,
                                           MetricType type, CollectCallback collect)
{
    if (!isValidMetricName(name))
        return makeError(QStringLiteral("invalid metric name '%1'").arg(name));
    if (!collect)
        return makeError(QStringLiteral("metric '%1' has no collect callback").arg(name));
    QMutexLocker locker(&m_mutex);
    for (const auto &family : m_families) {
        if (family->name == name)
            return makeError(QStringLiteral("metric '%1' is already registered").arg(name));
    }
    auto family = std::make_shared<Family>();
    family->name = name;
    family->help = help;
    family->type = type;
    family->collect = std::move(collect);
    m_families.push_back(std::move(family));
    return {};
}

void MetricsExporter::setTelemetryHub(TelemetryHub *hub)
{
    QMutexLocker locker(&m_mutex);
    m_reexportHub = hub;
}

void MetricsExporter::addReexport(const SeriesMatcher &matcher)
{
    QMutexLocker locker(&m_mutex);
    if (!m_reexports.contains(matcher))
        m_reexports.append(matcher);
}

void MetricsExporter::serve()
{
    m_scrapesServed.fetch_add(1);
}

QByteArray MetricsExporter::render() const
{
    struct Snapshot
    {
        QString name;
        QString help;
        MetricType type;
        QList<Family::Series> series;
        CollectCallback collect;
    };
    QList<Snapshot> families;
    QPointer<TelemetryHub> hub;
    QList<SeriesMatcher> reexports;
    {
        QMutexLocker locker(&m_mutex);
        families.reserve(qsizetype(m_families.size()));
        for (const auto &family : m_families)
            families.append(
                Snapshot{family->name, family->help, family->type, family->series, family->collect});
        hub = m_reexportHub;
        reexports = m_reexports;
    }

    QByteArray out;
    out.reserve(4096);
    QSet<QString> ownNames;
    for (const auto &family : std::as_const(families)) {
        ownNames.insert(family.name);
        appendHeader(out, family.name, family.help, family.type);
        for (const auto &series : family.series)
            appendSeries(out, family.name, series.labels, series.value());
        if (family.collect) {
            for (const CollectedSample &sample : family.collect())
                appendSeries(out, family.name + sample.suffix, sample.labels, sample.value);
        }
    }

    if (hub && !reexports.isEmpty()) {
        const qint64 oldestMs = QDateTime::currentMSecsSinceEpoch() - m_reexportMaxAge.count();
        // Family → (labels, value), grouped so every family is one block with one TYPE line.
        std::map<QString, std::map<QString, std::pair<Labels, double>>> exported;
        for (const auto &matcher : std::as_const(reexports)) {
            for (const auto &series : hub->series(matcher)) {
                const QString name = sanitisedName(series.metric, false);
                if (ownNames.contains(name))
                    continue;
                const auto latest = hub->latest(series.key());
                if (!latest || latest->timestampMs < oldestMs)
                    continue;
                Labels labels;
                for (auto it = series.labels.cbegin(); it != series.labels.cend(); ++it)
                    labels.insert(sanitisedName(it.key(), true), it.value());
                exported[name][seriesKey(name, labels)] = {labels, latest->value};
            }
        }
        for (const auto &[name, seriesByKey] : exported) {
            appendHeader(out, name, QStringLiteral("Re-exported from the Continuo telemetry store."),
                         MetricType::Untyped);
            for (const auto &[key, series] : seriesByKey)
                appendSeries(out, name, series.first, series.second);
        }
    }
    return out;
}

Result<ProcessStats> MetricsExporter::parseProcSelfStat(const QByteArray &selfStat, const QByteArray &procStat,
                                                        qint64 ticksPerSecond, qint64 pageSizeBytes)
{
    // "pid (comm) state ppid ..." — comm may hold spaces and parentheses, so split after the
    // last ')'. Fields after it start at field 3 (state).
    const qsizetype commEnd = selfStat.lastIndexOf(')');
    if (commEnd < 0)
        return makeError(QStringLiteral("/proc/self/stat: no ')' closing the command name"));
    const QList<QByteArray> fields = selfStat.mid(commEnd + 1).simplified().split(' ');
    // utime=14, stime=15, starttime=22, vsize=23, rss=24 (1-based, proc(5)); index = field - 3.
    if (fields.size() < 22)
        return makeError(QStringLiteral("/proc/self/stat: %1 fields after the command name, 22 needed")
                             .arg(fields.size()));
    bool ok[5] = {};
    const qint64 utime = fields[11].toLongLong(&ok[0]);
    const qint64 stime = fields[12].toLongLong(&ok[1]);
    const qint64 startTicks = fields[19].toLongLong(&ok[2]);
    const qint64 vsize = fields[20].toLongLong(&ok[3]);
    const qint64 rssPages = fields[21].toLongLong(&ok[4]);
    if (!(ok[0] && ok[1] && ok[2] && ok[3] && ok[4]) || ticksPerSecond <= 0)
        return makeError(QStringLiteral("/proc/self/stat: non-numeric CPU or memory field"));
    ProcessStats stats;
    stats.cpuSeconds = double(utime + stime) / double(ticksPerSecond);
    stats.virtualBytes = vsize;
    stats.residentBytes = rssPages * pageSizeBytes;
    for (const QByteArray &line : procStat.split('\n')) {
        if (line.startsWith("btime ")) {
            bool okBoot = false;
            const qint64 bootSeconds = line.mid(6).trimmed().toLongLong(&okBoot);
            if (okBoot)
                stats.startTimeSeconds = double(bootSeconds) + double(startTicks) / double(ticksPerSecond);
            break;
        }
    }
    return stats;
}

Result<ProcessStats> MetricsExporter::readProcessStats()
{
    QFile selfStat(QStringLiteral("/proc/self/stat"));
    if (!selfStat.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read /proc/self/stat: %1").arg(selfStat.errorString()));
    QFile procStat(QStringLiteral("/proc/stat"));
    QByteArray procStatText;
    if (procStat.open(QIODevice::ReadOnly))
        procStatText = procStat.readAll(); // /proc files report size 0: readAll reads to EOF
    return parseProcSelfStat(selfStat.readAll(), procStatText, ::sysconf(_SC_CLK_TCK), ::sysconf(_SC_PAGESIZE));
}

} // namespace Continuo
