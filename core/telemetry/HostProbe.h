#pragma once

#include "model/Inventory.h"
#include "telemetry/Series.h"

#include <QObject>
#include <QThread>

#include <chrono>
#include <optional>

namespace Continuo {

class IPluginHost;

/// Readings of this machine from /proc. Parsers are separate so they can be tested on fixtures.
struct CpuTimes
{
    quint64 busy = 0;
    quint64 total = 0;
};

struct MemoryInfo
{
    qint64 totalBytes = 0;
    qint64 availableBytes = 0;
};

struct NetworkCounters
{
    quint64 receiveBytes = 0;
    quint64 transmitBytes = 0;
};

class CONTINUO_CORE_EXPORT HostProbeParsers
{
public:
    /// The aggregate "cpu" line of /proc/stat.
    static Result<CpuTimes> parseProcStat(const QByteArray &text);
    /// MemTotal and MemAvailable (or MemFree+Buffers+Cached on old kernels) from /proc/meminfo.
    static Result<MemoryInfo> parseMeminfo(const QByteArray &text);
    /// Sum over interfaces of /proc/net/dev, loopback excluded.
    static Result<NetworkCounters> parseNetDev(const QByteArray &text);
    /// Number of "processor" entries in /proc/cpuinfo.
    static int countProcessors(const QByteArray &cpuinfo);
};

/// Shows this machine as a node (site "site-local") and samples its CPU, memory and network
/// from /proc once per interval on its own thread. Publishes Telemetry.Probe UP/DOWN events.
class CONTINUO_CORE_EXPORT HostProbe : public QObject
{
    Q_OBJECT
public:
    explicit HostProbe(IPluginHost *host, QObject *parent = nullptr);
    ~HostProbe() override;

    static QString nodeId();
    /// Node, site and cluster entities describing this machine.
    static InventoryChangeSet describeHost(const QString &procRoot = QStringLiteral("/proc"));

    void setInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    void setProcRoot(const QString &root) { m_procRoot = root; }
    void start();
    void stop();

private:
    void sample();

    IPluginHost *m_host;
    QThread m_thread;
    QObject *m_worker = nullptr;
    std::chrono::milliseconds m_interval{1000};
    QString m_procRoot = QStringLiteral("/proc");
    std::optional<CpuTimes> m_lastCpu;
    std::optional<NetworkCounters> m_lastNet;
    qint64 m_lastNetMs = 0;
    std::optional<bool> m_up; ///< Unknown until the first sample.
};

} // namespace Continuo
