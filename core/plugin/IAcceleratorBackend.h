#pragma once

#include "model/Topology.h"
#include "util/Result.h"

namespace Continuo {

/// Accelerator management (GPU, FPGA, vAccel): discovery of devices and kernels offered.
class IAcceleratorBackend
{
public:
    virtual ~IAcceleratorBackend() = default;
    /// Devices this backend manages, as inventory devices.
    virtual Result<QList<Device>> discoverDevices() = 0;
    /// Kernels or operations available on a device ("sgemm", "image_classify").
    virtual Result<QStringList> availableKernels(const QString &deviceId) = 0;
};

} // namespace Continuo
