#pragma once

#include "continuo_core_export.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Continuo {

enum class PluginState {
    Unknown,
    Discovered,  ///< Found on disk, metadata not checked yet.
    Invalid,     ///< Metadata wrong (IID, CoreApi, fields): never loaded.
    Resolved,    ///< Metadata fine and dependencies present.
    Loaded,      ///< Library loaded and instance created.
    Initialized, ///< initialize() succeeded.
    Running,     ///< start() called.
    Failed,      ///< Loading or initialising failed; see errorString.
    Disabled,    ///< Turned off in the configuration.
    Stopped      ///< shut down.
};

CONTINUO_CORE_EXPORT QString toString(PluginState state);

struct PluginDependency
{
    QString id;
    QString version; ///< Minimum version, "" for any.
    bool operator==(const PluginDependency &) const = default;
};

/// Plugin metadata from the JSON file compiled into the plugin (`Q_PLUGIN_METADATA FILE`).
struct PluginMetadata
{
    QString id;
    QString name;
    QString version;
    QString compatVersion;
    int coreApi = 0;
    QString category;
    QString description;
    QList<PluginDependency> dependencies;
    bool operator==(const PluginMetadata &) const = default;

    /// Validate and read the `MetaData` object. Every required key must be present with its type.
    CONTINUO_CORE_EXPORT static Result<PluginMetadata> fromJson(const QJsonObject &metaData);
};

/// What the console shows about a plugin: identity, where it came from, its state and error.
struct PluginInfo
{
    PluginMetadata metadata;
    QString filePath;
    PluginState state = PluginState::Unknown;
    QString errorString;
    bool operator==(const PluginInfo &) const = default;
};

/// Compare dotted versions ("1.2.10" > "1.2.9"). Negative, zero or positive.
CONTINUO_CORE_EXPORT int compareVersions(const QString &left, const QString &right);

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::PluginInfo)
