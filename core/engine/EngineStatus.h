#pragma once

#include "plugin/PluginSpec.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Continuo {

enum class EngineState { Unknown, Stopped, Starting, Running, Failed, ShuttingDown };
CONTINUO_CORE_EXPORT QString toString(EngineState state);
template<typename Enum>
Enum enumFromString(const QString &text);
template<> CONTINUO_CORE_EXPORT EngineState enumFromString<EngineState>(const QString &text);

/// Health and size of an engine, as the status bar, `continuoctl status` and /health show it.
struct EngineStatus
{
    EngineState state = EngineState::Unknown;
    QString stateMessage; ///< Why it failed, or what it is doing.
    QString version;
    QString hostName;
    QString dataDirectory;
    QString scenario;
    qint64 startedAtMs = 0;
    qint64 inventoryRevision = 0;
    int siteCount = 0;
    int nodeCount = 0;
    int switchCount = 0;
    int linkCount = 0;
    qint64 seriesCount = 0;
    qint64 samplesIngestedTotal = 0;
    qint64 lastEventSequence = 0;
    QList<PluginInfo> plugins;
    bool operator==(const EngineStatus &) const = default;
};

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::EngineStatus)
