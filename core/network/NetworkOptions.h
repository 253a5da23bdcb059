#pragma once

#include <QString>

namespace Continuo {

/// The P4 fabric's settings (configuration file section `network:`, see EngineConfig).
struct NetworkControllerOptions
{
    bool enabled = true;
    QString collectorAddress = QStringLiteral("127.0.0.1"); ///< Where postcards are received.
    quint16 collectorPort = 0;                             ///< 0: a free port (switches are told).
    bool timestampsInMicroseconds = true;                  ///< BMv2 reports µs.
    qint64 windowMs = 1000;                                ///< Collector statistics window.
    qint64 slaHoldDownMs = 5000; ///< After a violation fires, that rule and switch stay quiet this long.
};

} // namespace Continuo
