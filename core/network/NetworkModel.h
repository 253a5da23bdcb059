#pragma once

#include "util/Result.h"
#include "continuo_core_export.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Continuo {

/// One end of a connection: a host, or a Kubernetes pod behind its node's VXLAN tunnel end point.
struct ConnectionEndpoint
{
    QString name;       ///< What the operator calls it: node id, "namespace/pod", free text.
    QString ip;         ///< IPv4 of the host or the pod.
    QString vtep;       ///< IPv4 of the pod's node VTEP (flannel VXLAN); empty for a host.
    QString switchId;   ///< Switch the host (or the pod's node) hangs off.
    int switchPort = 0; ///< Port of that switch facing the host.
    int l4Port = 0;     ///< TCP/UDP port; 0 matches any.
    bool operator==(const ConnectionEndpoint &) const = default;
};

/// A forwarding intent between two endpoints down to L4, turned into table0 entries on every
/// switch of its path (both directions when bidirectional).
struct Connection
{
    QString id;
    QString name;
    ConnectionEndpoint a;
    ConnectionEndpoint b;
    int ipProtocol = 0;          ///< 6 TCP, 17 UDP, 0 any.
    bool bidirectional = true;
    quint32 flowId = 0;          ///< INT flow id (BRAINE extension); 0: assigned on create.
    bool telemetry = false;      ///< Postcard telemetry on: postcard_telemetry entries on the path.
    int priority = 100;          ///< table0 priority of its entries.
    QStringList pinnedPath;      ///< Switch ids the operator fixed (empty: computed).
    QStringList path;            ///< Current path, switch ids from a's switch to b's.
    QStringList backupPath;      ///< Disjoint backup (empty when the fabric has none).
    QStringList avoidedSwitches; ///< Switches a reroute moved it off.
    qint64 updatedMs = 0;
    bool operator==(const Connection &) const = default;
};

enum class SlaMetric { Unknown = 0, AvgLatency, MaxLatency };
CONTINUO_CORE_EXPORT QString toString(SlaMetric metric);   ///< "avg" | "max"

/// A latency objective on one flow, checked against every switch's hop latency of that flow.
struct SlaRule
{
    QString id;
    QString connectionId;        ///< The flow is this connection's flowId.
    SlaMetric metric = SlaMetric::AvgLatency;
    double thresholdMs = 0.0;    ///< Per-switch hop latency above this violates.
    qint64 persistenceMs = 0;    ///< Violation must last this long (0: first violating postcard).
    qint64 windowMs = 1000;      ///< Averaging window of the avg metric.
    bool reroute = true;         ///< On violation move the flow off the offending switch.
    bool enabled = true;
    bool operator==(const SlaRule &) const = default;
};

CONTINUO_CORE_EXPORT QJsonObject toJson(const ConnectionEndpoint &endpoint);
CONTINUO_CORE_EXPORT QJsonObject toJson(const Connection &connection);
CONTINUO_CORE_EXPORT QJsonObject toJson(const SlaRule &rule);
CONTINUO_CORE_EXPORT Result<Connection> connectionFromJson(const QJsonObject &json);
CONTINUO_CORE_EXPORT Result<SlaRule> slaRuleFromJson(const QJsonObject &json);
/// Checks a connection is well formed (IPv4 addresses, ports 0..65535, protocol 0/6/17,
/// endpoint switches given); the fabric-dependent checks are the path computer's.
CONTINUO_CORE_EXPORT Result<void> validateConnection(const Connection &connection);
CONTINUO_CORE_EXPORT Result<void> validateSlaRule(const SlaRule &rule);

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::Connection)
Q_DECLARE_METATYPE(Continuo::SlaRule)
