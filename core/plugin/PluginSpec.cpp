#include "plugin/PluginSpec.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Continuo {

QString toString(PluginState state)
{
    switch (state) {
    case PluginState::Unknown:
        return QStringLiteral("unknown");
    case PluginState::Discovered:
        return QStringLiteral("discovered");
    case PluginState::Invalid:
        return QStringLiteral("invalid");
    case PluginState::Resolved:
        return QStringLiteral("resolved");
    case PluginState::Loaded:
        return QStringLiteral("loaded");
    case PluginState::Initialized:
        return QStringLiteral("initialized");
    case PluginState::Running:
        return QStringLiteral("running");
    case PluginState::Failed:
        return QStringLiteral("failed");
    case PluginState::Disabled:
        return QStringLiteral("disabled");
    case PluginState::Stopped:
        return QStringLiteral("stopped");
    }
    return QStringLiteral("unknown");
}

Result<PluginMetadata> PluginMetadata::fromJson(const QJsonObject &metaData)
{
    static const QRegularExpression versionPattern(QStringLiteral("^\\d+(\\.\\d+){0,3}$"));
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_.-]*$"));

    auto requireString = [&metaData](const char *key) -> Result<QString> {
        const QJsonValue value = metaData.value(QLatin1String(key));
        if (value.isUndefined())
            return makeError(QStringLiteral("metadata lacks \"%1\"").arg(QLatin1String(key)));
        if (!value.isString())
            return makeError(QStringLiteral("metadata \"%1\" must be a string").arg(QLatin1String(key)));
        return value.toString();
    };

    PluginMetadata metadata;
    auto id = requireString("Id");
    if (!id)
        return makeError(id.error());
    if (!idPattern.match(*id).hasMatch())
        return makeError(QStringLiteral("plugin id \"%1\" is not a lower-case identifier").arg(*id));
    metadata.id = *id;
    for (auto [key, target] : {std::pair{"Name", &metadata.name},
                               std::pair{"Version", &metadata.version},
                               std::pair{"CompatVersion", &metadata.compatVersion}}) {
        auto value = requireString(key);
        if (!value)
            return makeError(value.error());
        *target = *value;
    }
    if (!versionPattern.match(metadata.version).hasMatch())
        return makeError(QStringLiteral("Version \"%1\" is not dotted numbers").arg(metadata.version));
    if (!versionPattern.match(metadata.compatVersion).hasMatch())
        return makeError(
            QStringLiteral("CompatVersion \"%1\" is not dotted numbers").arg(metadata.compatVersion));

    const QJsonValue coreApi = metaData.value(QLatin1String("CoreApi"));
    if (!coreApi.isDouble() || coreApi.toDouble() != std::floor(coreApi.toDouble())
        || coreApi.toInt() < 1)
        return makeError(QStringLiteral("metadata \"CoreApi\" must be a positive integer"));
    metadata.coreApi = coreApi.toInt();

    const QJsonValue category = metaData.value(QLatin1String("Category"));
    const QJsonValue description = metaData.value(QLatin1String("Description"));
    if (!category.isUndefined() && !category.isString())
        return makeError(QStringLiteral("metadata \"Category\" must be a string"));
    if (!description.isUndefined() && !description.isString())
        return makeError(QStringLiteral("metadata \"Description\" must be a string"));
    metadata.category = category.toString();
    metadata.description = description.toString();

    const QJsonValue dependencies = metaData.value(QLatin1String("Dependencies"));
    if (!dependencies.isUndefined()) {
        if (!dependencies.isArray())
            return makeError(QStringLiteral("metadata \"Dependencies\" must be an array"));
        for (const auto &item : dependencies.toArray()) {
            const QJsonObject dependency = item.toObject();
            const QString dependencyId = dependency.value(QLatin1String("Id")).toString();
            if (!item.isObject() || dependencyId.isEmpty())
                return makeError(QStringLiteral("each dependency needs an \"Id\""));
            metadata.dependencies.append(
                {dependencyId, dependency.value(QLatin1String("Version")).toString()});
        }
    }
    return metadata;
}

int compareVersions(const QString &left, const QString &right)
{
    const QStringList a = left.split(QLatin1Char('.'));
    const QStringList b = right.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const int x = i < a.size() ? a.at(i).toInt() : 0;
        const int y = i < b.size() ? b.at(i).toInt() : 0;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

} // namespace Continuo
