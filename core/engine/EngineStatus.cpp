#include "engine/EngineStatus.h"

#include "model/Enums.h"

namespace Continuo {

namespace {
const std::pair<EngineState, const char *> kEngineStateNames[] = {
    {EngineState::Unknown, "unknown"},   {EngineState::Stopped, "stopped"},
    {EngineState::Starting, "starting"}, {EngineState::Running, "running"},
    {EngineState::Failed, "failed"},     {EngineState::ShuttingDown, "shutting_down"},
};
} // namespace

QString toString(EngineState state)
{
    for (const auto &[value, name] : kEngineStateNames) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("unknown");
}

template<>
EngineState enumFromString<EngineState>(const QString &text)
{
    for (const auto &[value, name] : kEngineStateNames) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return value;
    }
    return EngineState::Unknown;
}

} // namespace Continuo
