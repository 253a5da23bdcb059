#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace Continuo {

/// A programmable network element (a P4Runtime switch).
class INetworkTarget
{
public:
    virtual ~INetworkTarget() = default;
    /// Inventory id of the switch this target controls.
    virtual QString switchId() const = 0;
    virtual Result<void> connectTarget() = 0;
    virtual void disconnectTarget() = 0;
    virtual bool isConnected() const = 0;
    /// Install a forwarding pipeline (P4Info + device config, serialised).
    virtual Result<void> setPipeline(const QByteArray &p4Info, const QByteArray &deviceConfig) = 0;
};

} // namespace Continuo
