#pragma once

#include "util/Result.h"

#include <QString>

namespace Continuo {

class IPluginHost;

/// Something that produces samples into the telemetry store (scrapers, probes, simulators).
class ITelemetrySource
{
public:
    virtual ~ITelemetrySource() = default;
    /// Short name shown in the UI ("simulator", "node_exporter 127.0.0.1:9100").
    virtual QString name() const = 0;
    /// Begin producing samples through `host`. Must not block.
    virtual Result<void> start(IPluginHost *host) = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
};

} // namespace Continuo
