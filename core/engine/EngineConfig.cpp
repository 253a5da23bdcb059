#include "engine/EngineConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QVariantList>

#include <yaml-cpp/yaml.h>

namespace Continuo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Continuo::EngineConfig", text);
}

QVariant toVariant(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &entry : node)
            map.insert(QString::fromStdString(entry.first.as<std::string>()), toVariant(entry.second));
        return map;
    }
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const auto &item : node)
            list.append(toVariant(item));
        return list;
    }
    case YAML::NodeType::Scalar:
        return QString::fromStdString(node.Scalar());
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return {};
}

} // namespace

Result<EngineConfig> EngineConfig::parse(const QByteArray &text, const QString &source)
{
    EngineConfig config;
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &error) {
        return makeError(tr("%1: line %2: %3")
                             .arg(source)
                             .arg(error.mark.line + 1)
                             .arg(QString::fromStdString(error.msg)));
    }
    if (root.IsNull())
        return config;
    if (!root.IsMap())
        return makeError(tr("%1: the configuration must be a mapping (plugins: ...)").arg(source));
    if (const YAML::Node network = root["network"]; network && !network.IsNull()) {
        const auto fail = [&](const YAML::Node &at, const QString &what) {
            return makeError(tr("%1: line %2: %3").arg(source).arg(at.Mark().line + 1).arg(what));
        };
        if (!network.IsMap())
            return fail(network, tr("\"network\" must be a mapping (collector, slaHoldDownMs)"));
        try {
            if (const YAML::Node collector = network["collector"]; collector && !collector.IsNull()) {
                if (!collector.IsMap())
                    return fail(collector, tr("\"network.collector\" must be a mapping (address, port, timestamps, windowMs)"));
                if (collector["address"])
                    config.network.collectorAddress = QString::fromStdString(collector["address"].as<std::string>());
                if (collector["port"]) {
                    const int port = collector["port"].as<int>();
                    if (port < 0 || port > 65535)
                        return fail(collector["port"], tr("collector port %1 is not 0..65535").arg(port));
                    config.network.collectorPort = quint16(port);
                }
                if (collector["timestamps"]) {
                    const std::string unit = collector["timestamps"].as<std::string>();
                    if (unit != "us" && unit != "ns")
                        return fail(collector["timestamps"], tr("timestamps must be \"us\" (BMv2) or \"ns\""));
                    config.network.timestampsInMicroseconds = unit == "us";
                }
                if (collector["windowMs"]) {
                    const qint64 window = collector["windowMs"].as<qint64>();
                    if (window < 10 || window > 3600000)
                        return fail(collector["windowMs"], tr("windowMs %1 is not 10..3600000").arg(window));
                    config.network.windowMs = window;
                }
            }
            if (network["slaHoldDownMs"])
                config.network.slaHoldDownMs = network["slaHoldDownMs"].as<qint64>();
        } catch (const YAML::Exception &error) {
            return makeError(tr("%1: line %2: %3").arg(source).arg(error.mark.line + 1).arg(QString::fromStdString(error.msg)));
        }
    }
    const YAML::Node plugins = root["plugins"];
    if (!plugins || plugins.IsNull())
        return config;
    if (!plugins.IsMap())
        return makeError(tr("%1: line %2: \"plugins\" must map plugin ids to their settings")
                             .arg(source)
                             .arg(plugins.Mark().line + 1));
    for (const auto &entry : plugins) {
        const QString id = QString::fromStdString(entry.first.as<std::string>());
        if (entry.second.IsNull()) {
            config.pluginSettings.insert(id, {});
            continue;
        }
        if (!entry.second.IsMap())
            return makeError(tr("%1: line %2: the settings of plugin \"%3\" must be a mapping")
                                 .arg(source)
                                 .arg(entry.second.Mark().line + 1)
                                 .arg(id));
        config.pluginSettings.insert(id, toVariant(entry.second).toMap());
    }
    return config;
}

Result<EngineConfig> EngineConfig::load(const QString &path, bool required)
{
    QFile file(path);
    if (!file.exists()) {
        if (required)
            return makeError(tr("configuration file %1 does not exist").arg(path));
        return EngineConfig{};
    }
    if (!file.open(QIODevice::ReadOnly))
        return makeError(tr("cannot read %1: %2").arg(path, file.errorString()));
    return parse(file.readAll(), QDir::toNativeSeparators(path));
}

QString EngineConfig::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/continuo/continuo.yaml");
}

} // namespace Continuo
