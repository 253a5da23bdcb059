#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QStringList>

namespace Continuo {

/// A place that stores opaque fragments (a directory, an S3 bucket) for secure storage policies.
class IStorageBackend
{
public:
    virtual ~IStorageBackend() = default;
    /// Inventory id of the storage location this backend serves.
    virtual QString locationId() const = 0;
    virtual Result<void> putFragment(const QString &key, const QByteArray &data) = 0;
    virtual Result<QByteArray> getFragment(const QString &key) = 0;
    virtual Result<void> deleteFragment(const QString &key) = 0;
    virtual Result<QStringList> listFragments(const QString &prefix) = 0;
};

} // namespace Continuo
