#pragma once

#include "network/NetworkModel.h"
#include "network/P4Entry.h"
#include "plugin/INetworkTarget.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Continuo {

/// A P4 switch as the network controller sees it.
struct P4SwitchStatus
{
    QString switchId;
    QString name;
    QString pluginId;          ///< Plugin whose target drives it ("p4runtime", "simulator"); empty: none.
    bool connected = false;
    QString pipeline;          ///< Program the switch runs (P4Info pkg_info name).
    quint32 intSwitchId = 0;   ///< switch_id in its postcards (int_insert entry).
    int desiredEntries = 0;
    int installedEntries = -1; ///< -1: not read yet.
    qint64 lastAppliedMs = 0;
    QString lastError;
    bool operator==(const P4SwitchStatus &) const = default;
};

/// One entry of a switch with where it stands.
struct P4EntryStatus
{
    P4TableEntry entry;
    bool desired = false;       ///< In the controller's desired set.
    bool installed = false;     ///< Read back from the switch.
    bool hasCounters = false;
    P4CounterData counters;
};

/// What an apply did (or, dry run, would do) on one switch.
struct P4ApplyResult
{
    QString switchId;
    P4EntryDiff diff;
    bool applied = false;      ///< False for a dry run.
    bool rolledBack = false;   ///< The write failed and the switch was restored.
    qint64 durationUs = 0;
};

/// A flow moved by the SLA monitor or an operator.
struct RerouteRecord
{
    QString connectionId;
    quint32 flowId = 0;
    QString ruleId;            ///< Empty for a manual reroute.
    QString avoidedSwitch;
    QStringList fromPath;
    QStringList toPath;
    double valueMs = 0;        ///< Metric value that violated.
    double thresholdMs = 0;
    double reactionMs = 0;     ///< First violating postcard → entries written on every switch.
    qint64 atMs = 0;
};

CONTINUO_CORE_EXPORT QJsonObject toJson(const P4SwitchStatus &status);
CONTINUO_CORE_EXPORT QJsonObject toJson(const RerouteRecord &record);

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::P4SwitchStatus)
Q_DECLARE_METATYPE(Continuo::RerouteRecord)
