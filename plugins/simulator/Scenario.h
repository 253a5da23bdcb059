#pragma once

#include "model/Inventory.h"
#include "util/Result.h"

#include <QList>
#include <QSet>
#include <QStringList>
#include <QString>

namespace Continuo::Simulator {

/// Load shape of a simulated node: a daily curve plus autocorrelated noise.
struct LoadProfile
{
    double base = 0.3;           ///< Mean CPU utilisation, 0..1.
    double dailyAmplitude = 0.2; ///< Peak-to-mean swing over the day.
    double noise = 0.04;         ///< Standard deviation of the AR(1) noise.
    double peakHour = 14.0;      ///< Local hour of the daily peak.
    double memoryBase = 0.45;    ///< Mean memory utilisation, 0..1.
};

enum class FaultKind { Unknown, DegradedSwitch, HotNode, LinkDown };

/// A fault that repeats: active for `durationSeconds` every `periodSeconds`, first at `startSeconds`
/// after the simulation begins (period 0: once).
struct FaultSchedule
{
    FaultKind kind = FaultKind::Unknown;
    QString target;
    qint64 startSeconds = 0;
    qint64 durationSeconds = 60;
    qint64 periodSeconds = 0;
    double latencyFactor = 5.0; ///< For degraded switches: multiplier on the latency of its links.

    bool isActiveAt(qint64 secondsSinceStart) const;
};

/// An end-to-end latency the simulator reports as `path_latency_seconds{from, to, path}` (what a
/// probe between two points would see): the sum of the latencies of its links.
struct MeasuredPathSpec
{
    QString from;
    QString to;
    QStringList links; ///< In order from `from` to `to`.
};

struct Scenario
{
    QString name;
    QString description;
    quint64 seed = 42;
    qint64 tickMs = 1000;
    InventorySnapshot inventory;
    QHash<QString, LoadProfile> loadByNode;
    QHash<QString, double> utcOffsetHoursBySite;
    QList<FaultSchedule> faults;
    /// Links with `measured: false`: nothing reports their latency directly, network tomography
    /// estimates it from `paths`.
    QSet<QString> unmeasuredLinks;
    QList<MeasuredPathSpec> paths;

    /// Parse a scenario document (YAML). Errors name the line and what is wrong.
    static Result<Scenario> parse(const QByteArray &yaml);
    /// "demo" (the built-in resource), or a path to a YAML file.
    static Result<Scenario> load(const QString &nameOrPath);
};

} // namespace Continuo::Simulator
