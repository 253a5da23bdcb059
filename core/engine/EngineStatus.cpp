#include "engine/EngineStatus.h"

#include "model/Enums.h"
#include "util/EnumNames.h"

namespace Continuo {

namespace {
const Internal::EnumName<EngineState> kEngineStateNames[] = {
    {EngineState::Unknown, "unknown"},   {EngineState::Stopped, "stopped"},
    {EngineState::Starting, "starting"}, {EngineState::Running, "running"},
    {EngineState::Failed, "failed"},     {EngineState::ShuttingDown, "shutting_down"},
};
} // namespace

QString toString(EngineState state)
{
    return Internal::enumName(state, kEngineStateNames);
}

template<>
EngineState enumFromString<EngineState>(const QString &text)
{
    return Internal::enumFromName(text, kEngineStateNames);
}

} // namespace Continuo
