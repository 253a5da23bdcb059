#include "P4RuntimeSettings.h"

#include <QRegularExpression>
#include <QSet>

namespace Continuo::P4Runtime {

/// A non-negative integer from a configuration value (YAML/JSON numbers or numeric strings).
static std::optional<quint64> unsignedValue(const QVariant &value)
{
    bool ok = false;
    if (value.typeId() == QMetaType::Double) {
        const double number = value.toDouble();
        if (number < 0 || number != double(quint64(number)))
            return std::nullopt;
        return quint64(number);
    }
    const quint64 number = value.toString().trimmed().toULongLong(&ok, 0);
    if (!ok)
        return std::nullopt;
    return number;
}

Result<SwitchSettings> SwitchSettings::fromSettings(const QVariantMap &settings)
{
    SwitchSettings sw;
    sw.id = settings.value(QStringLiteral("id")).toString().trimmed();
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._\\-]+$"));
    if (sw.id.isEmpty())
        return makeError(tr("no \"id\""));
    if (!idPattern.match(sw.id).hasMatch())
        return makeError(tr("id \"%1\" may only hold letters, digits and ._-").arg(sw.id));
    sw.name = settings.value(QStringLiteral("name"), sw.id).toString();
    sw.siteId = settings.value(QStringLiteral("site")).toString().trimmed();
    sw.role = settings.value(QStringLiteral("role")).toString();

    sw.address = settings.value(QStringLiteral("address")).toString().trimmed();
    if (sw.address.isEmpty())
        return makeError(tr("no \"address\" (HOST:PORT of its P4Runtime server, e.g. 127.0.0.1:9559)"));
    const qsizetype colon = sw.address.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? sw.address.mid(colon + 1).toInt(&portOk) : 0;
    if (colon <= 0 || !portOk || port < 1 || port > 65535)
        return makeError(tr("address \"%1\" is not HOST:PORT with a port 1-65535").arg(sw.address));

    if (settings.contains(QStringLiteral("deviceId"))) {
        const auto deviceId = unsignedValue(settings.value(QStringLiteral("deviceId")));
        if (!deviceId)
            return makeError(tr("deviceId must be a non-negative integer"));
        sw.deviceId = *deviceId;
    }
    if (settings.contains(QStringLiteral("electionId"))) {
        const QVariant value = settings.value(QStringLiteral("electionId"));
        if (value.typeId() == QMetaType::QVariantMap) {
            const QVariantMap parts = value.toMap();
            const auto high = unsignedValue(parts.value(QStringLiteral("high"), 0));
            const auto low = unsignedValue(parts.value(QStringLiteral("low"), 0));
            if (!high || !low)
                return makeError(tr("electionId {high, low} must hold non-negative integers"));
            sw.electionId = {*high, *low};
        } else {
            const auto low = unsignedValue(value);
            if (!low)
                return makeError(tr("electionId must be a non-negative integer or {high, low}"));
            sw.electionId = {0, *low};
        }
        if (sw.electionId == ElectionId{0, 0})
            return makeError(tr("electionId must not be 0 (0 is never primary)"));
    }
    return sw;
}

Switch SwitchSettings::toSwitch() const
{
    Switch sw;
    sw.id = id;
    sw.name = name;
    sw.siteId = siteId;
    sw.target = QStringLiteral("p4runtime");
    sw.managementAddress = address;
    sw.state = SwitchState::Unknown;
    return sw;
}

ClientOptions SwitchSettings::clientOptions() const
{
    ClientOptions options;
    options.name = id;
    options.address = address;
    options.deviceId = deviceId;
    options.electionId = electionId;
    options.role = role;
    return options;
}

Result<PluginSettings> PluginSettings::fromSettings(const QVariantMap &settings)
{
    PluginSettings result;
    result.pipelinePath = settings.value(QStringLiteral("pipeline")).toString().trimmed();
    const QVariant switches = settings.value(QStringLiteral("switches"));
    if (!switches.isValid())
        return makeError(tr("the p4runtime plugin settings have no \"switches\" list"));
    if (switches.typeId() != QMetaType::QVariantList)
        return makeError(tr("\"switches\" must be a list of switch entries"));
    const QVariantList list = switches.toList();
    QSet<QString> ids;
    QSet<QPair<QString, quint64>> devices;
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i).typeId() != QMetaType::QVariantMap)
            return makeError(tr("switch entry %1 is not an object").arg(i + 1));
        const QVariantMap map = list.at(i).toMap();
        auto sw = SwitchSettings::fromSettings(map);
        if (!sw) {
            const QString id = map.value(QStringLiteral("id")).toString();
            return makeError(id.isEmpty() ? tr("switch entry %1: %2").arg(i + 1).arg(sw.error())
                                          : tr("switch entry %1 (%2): %3").arg(i + 1).arg(id, sw.error()));
        }
        if (ids.contains(sw->id))
            return makeError(tr("switch id \"%1\" appears twice").arg(sw->id));
        if (devices.contains({sw->address, sw->deviceId}))
            return makeError(tr("switch entry %1 (%2): device %3 at %4 is already another entry")
                                 .arg(i + 1).arg(sw->id).arg(sw->deviceId).arg(sw->address));
        ids.insert(sw->id);
        devices.insert({sw->address, sw->deviceId});
        result.switches.append(*sw);
    }
    return result;
}

} // namespace Continuo::P4Runtime
