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

/// One end of a simulated flow: a host hanging off a switch port.
struct FlowEndpointSpec
{
    QString name;
    QString ip;        ///< IPv4.
    QString switchId;
    int port = 0;      ///< Port of `switchId` facing the host (not a link's port).
};

/// Traffic the fabric carries (`flows:`): packets in both directions at `ratePps` each, through
/// whatever entries the switches hold. The plugin proposes each as a Connection.
struct FlowSpec
{
    QString id;            ///< Connection id ("flow-250").
    QString name;
    quint32 flowId = 0;    ///< INT flow id (BRAINE extension).
    FlowEndpointSpec a;
    FlowEndpointSpec b;
    int protocol = 17;     ///< IP protocol: 6 TCP, 17 UDP.
    int sourcePort = 0;    ///< a's L4 port.
    int destinationPort = 0; ///< b's L4 port.
    double ratePps = 200;  ///< Packets per second, each direction.
    QStringList pinnedPath; ///< Switch ids, a's switch first.
    bool telemetry = true;
};

/// A latency objective on a flow (`slas:`), proposed as an SlaRule.
struct SlaSpec
{
    QString id;
    QString flow;          ///< FlowSpec::id.
    QString metric = QStringLiteral("avg"); ///< "avg" | "max".
    double thresholdMs = 1.0;
    qint64 persistenceMs = 0;
    qint64 windowMs = 1000;
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
    /// Nominal per-hop (ingress to egress) latency of a switch in its postcards, µs
    /// (`hopLatencyUs` on a switch; default 40).
    QHash<QString, double> hopLatencyUsBySwitch;
    QList<FlowSpec> flows;
    QList<SlaSpec> slas;

    /// Parse a scenario document (YAML). Errors name the line and what is wrong.
    static Result<Scenario> parse(const QByteArray &yaml);
    /// "demo" (the built-in resource), or a path to a YAML file.
    static Result<Scenario> load(const QString &nameOrPath);
};

} // namespace Continuo::Simulator
