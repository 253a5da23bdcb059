#include "telemetry/HostProbe.h"

#include "model/Event.h"
#include "plugin/IPluginHost.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QFile>
#include <QHostInfo>
#include <QSysInfo>
#include <QTimer>

namespace Continuo {

namespace {
QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // /proc files report size 0; read until EOF.
    return file.readAll();
}

QString localSiteId()
{
    return QStringLiteral("site-local");
}
} // namespace

Result<CpuTimes> HostProbeParsers::parseProcStat(const QByteArray &text)
{
    const auto lines = text.split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith("cpu "))
            continue;
        const auto fields = line.simplified().split(' ');
        if (fields.size() < 5)
            return makeError(QStringLiteral("/proc/stat: short cpu line"));
        CpuTimes times;
        for (qsizetype i = 1; i < fields.size() && i <= 10; ++i) {
            bool ok = false;
            const quint64 value = fields.at(i).toULongLong(&ok);
            if (!ok)
                return makeError(QStringLiteral("/proc/stat: bad number '%1'")
                                     .arg(QString::fromLatin1(fields.at(i))));
            // user nice system idle iowait irq softirq steal guest guest_nice;
            // guest time is already counted in user/nice.
            if (i >= 9)
                continue;
            times.total += value;
            if (i != 4 && i != 5)
                times.busy += value;
        }
        return times;
    }
    return makeError(QStringLiteral("/proc/stat: no aggregate cpu line"));
}

Result<MemoryInfo> HostProbeParsers::parseMeminfo(const QByteArray &text)
{
    qint64 total = -1, available = -1, free = -1, buffers = 0, cached = 0;
    for (const QByteArray &line : text.split('\n')) {
        const auto fields = line.simplified().split(' ');
        if (fields.size() < 2)
            continue;
        bool ok = false;
        const qint64 kib = fields.at(1).toLongLong(&ok);
        if (!ok)
            continue;
        const QByteArray &key = fields.at(0);
        if (key == "MemTotal:")
            total = kib * 1024;
        else if (key == "MemAvailable:")
            available = kib * 1024;
        else if (key == "MemFree:")
            free = kib * 1024;
        else if (key == "Buffers:")
            buffers = kib * 1024;
        else if (key == "Cached:")
            cached = kib * 1024;
    }
    if (total <= 0)
        return makeError(QStringLiteral("/proc/meminfo: no MemTotal"));
    if (available < 0) {
        if (free < 0)
            return makeError(QStringLiteral("/proc/meminfo: neither MemAvailable nor MemFree"));
        available = free + buffers + cached;
    }
    return MemoryInfo{total, std::min(available, total)};
}

Result<NetworkCounters> HostProbeParsers::parseNetDev(const QByteArray &text)
{
    NetworkCounters counters;
    bool sawInterface = false;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        if (name.isEmpty() || name.contains('|'))
            continue;
        const auto fields = line.mid(colon + 1).simplified().split(' ');
        if (fields.size() < 9)
            return makeError(QStringLiteral("/proc/net/dev: short line for %1")
                                 .arg(QString::fromLatin1(name)));
        sawInterface = true;
        if (name == "lo")
            continue;
        counters.receiveBytes += fields.at(0).toULongLong();
        counters.transmitBytes += fields.at(8).toULongLong();
    }
    if (!sawInterface)
        return makeError(QStringLiteral("/proc/net/dev: no interfaces"));
    return counters;
}

int HostProbeParsers::countProcessors(const QByteArray &cpuinfo)
{
    int count = 0;
    for (const QByteArray &line : cpuinfo.split('\n')) {
        if (line.startsWith("processor"))
            ++count;
    }
    return count;
}

HostProbe::HostProbe(IPluginHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    m_thread.setObjectName(QStringLiteral("HostProbe"));
}

HostProbe::~HostProbe()
{
    stop();
}

QString HostProbe::nodeId()
{
    return QStringLiteral("local-") + QSysInfo::machineHostName();
}

InventoryChangeSet HostProbe::describeHost(const QString &procRoot)
{
    InventoryChangeSet changes;
    Site site;
    site.id = localSiteId();
    site.name = QObject::tr("This machine");
    site.kind = SiteKind::Edge;
    site.location.name = QSysInfo::machineHostName();
    site.labels.insert(QStringLiteral("continuo.io/local"), QStringLiteral("true"));
    changes.upsert(site);

    Cluster cluster;
    cluster.id = QStringLiteral("cluster-local");
    cluster.name = QObject::tr("Local host");
    cluster.siteId = site.id;
    cluster.backend = BackendKind::LocalHost;
    cluster.pluginId = QStringLiteral("core");
    changes.upsert(cluster);

    Node node;
    node.id = nodeId();
    node.name = QSysInfo::machineHostName();
    node.siteId = site.id;
    node.clusterId = cluster.id;
    const int processors = HostProbeParsers::countProcessors(readFile(procRoot + QLatin1String("/cpuinfo")));
    node.capacity.cpuCores = processors > 0 ? processors : QThread::idealThreadCount();
    if (auto memory = HostProbeParsers::parseMeminfo(readFile(procRoot + QLatin1String("/meminfo"))))
        node.capacity.memoryBytes = memory->totalBytes;
    node.arch = QSysInfo::currentCpuArchitecture();
    node.labels.insert(QStringLiteral("kernel"), QSysInfo::kernelVersion());
    node.labels.insert(QStringLiteral("os"), QSysInfo::prettyProductName());
    node.labels.insert(QStringLiteral("continuo.io/probe"), QStringLiteral("proc"));
    node.securityTier = SecurityTier::Standard;
    node.state = NodeState::Ready;
    changes.upsert(node);
    return changes;
}

void HostProbe::start()
{
    if (m_worker)
        return;
    if (auto applied = m_host->applyInventory(describeHost(m_procRoot), QStringLiteral("probe:host")); !applied)
        qCWarning(lcTelemetry) << "host probe: cannot describe this machine:" << applied.error();
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [this] {
        auto *timer = new QTimer(m_worker);
        timer->setInterval(m_interval);
        connect(timer, &QTimer::timeout, m_worker, [this] { sample(); });
        timer->start();
        sample();
    });
}

void HostProbe::stop()
{
    if (!m_worker)
        return;
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
    if (m_up.value_or(false)) {
        Event event;
        event.type = QLatin1String(EventTypes::TelemetryProbe);
        event.source = QStringLiteral("probe:host");
        event.subjectId = nodeId();
        event.message = tr("Host probe stopped");
        event.payload = {{QStringLiteral("id"), nodeId()}, {QStringLiteral("status"), QStringLiteral("DOWN")}};
        m_host->publishEvent(event);
        m_up.reset();
    }
}

void HostProbe::sample()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Labels labels{{QLatin1String(MetricLabels::Node), nodeId()},
                        {QLatin1String(MetricLabels::Site), localSiteId()}};
    QList<SeriesBatch> batches;
    auto add = [&](const char *metric, double value) {
        batches.append(SeriesBatch{QLatin1String(metric), labels, {{now, value}}});
    };

    QStringList errors;
    if (auto cpu = HostProbeParsers::parseProcStat(readFile(m_procRoot + QLatin1String("/stat")))) {
        if (m_lastCpu && cpu->total > m_lastCpu->total) {
            const double busy = double(cpu->busy - std::min(cpu->busy, m_lastCpu->busy));
            add(Metrics::NodeCpuUtilisation,
                std::clamp(busy / double(cpu->total - m_lastCpu->total), 0.0, 1.0));
        }
        m_lastCpu = *cpu;
    } else {
        errors.append(cpu.error());
    }
    if (auto memory = HostProbeParsers::parseMeminfo(readFile(m_procRoot + QLatin1String("/meminfo")))) {
        const qint64 used = memory->totalBytes - memory->availableBytes;
        add(Metrics::NodeMemoryUsedBytes, double(used));
        add(Metrics::NodeMemoryUtilisation, double(used) / double(memory->totalBytes));
    } else {
        errors.append(memory.error());
    }
    if (auto net = HostProbeParsers::parseNetDev(readFile(m_procRoot + QLatin1String("/net/dev")))) {
        if (m_lastNet && now > m_lastNetMs) {
            const double seconds = (now - m_lastNetMs) / 1000.0;
            // Counters can wrap or reset when interfaces come and go: clamp at zero.
            add(Metrics::NodeNetworkReceiveBytesRate,
                double(net->receiveBytes - std::min(net->receiveBytes, m_lastNet->receiveBytes)) / seconds);
            add(Metrics::NodeNetworkTransmitBytesRate,
                double(net->transmitBytes - std::min(net->transmitBytes, m_lastNet->transmitBytes)) / seconds);
        }
        m_lastNet = *net;
        m_lastNetMs = now;
    } else {
        errors.append(net.error());
    }
    if (!batches.isEmpty())
        m_host->ingestSamples(batches);

    const bool up = errors.size() < 3;
    if (up != m_up) { // also reports the first reading, good or bad
        m_up = up;
        Event event;
        event.type = QLatin1String(EventTypes::TelemetryProbe);
        event.severity = up ? EventSeverity::Info : EventSeverity::Warning;
        event.source = QStringLiteral("probe:host");
        event.subjectId = nodeId();
        event.message = up ? tr("Host probe is reading %1").arg(m_procRoot)
                           : tr("Host probe cannot read %1: %2").arg(m_procRoot, errors.join(QLatin1String("; ")));
        event.payload = {{QStringLiteral("id"), nodeId()},
                         {QStringLiteral("status"), up ? QStringLiteral("UP") : QStringLiteral("DOWN")}};
        m_host->publishEvent(event);
    }
}

} // namespace Continuo
