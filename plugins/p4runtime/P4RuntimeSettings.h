#pragma once

#include "P4RuntimeClient.h"

#include "model/Topology.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace Continuo::P4Runtime {

inline constexpr QLatin1StringView PluginId{"p4runtime"};

/// One switch of the plugin's configuration:
///   {id: s1, name: "Edge S1", address: "127.0.0.1:9559", deviceId: 1, electionId: 10,
///    role: "", site: edge-a}
/// electionId is a number (the low 64 bits) or {high: 0, low: 10}; deviceId defaults to 1,
/// electionId to 1, name to the id.
struct SwitchSettings
{
    Q_DECLARE_TR_FUNCTIONS(Continuo::P4Runtime::SwitchSettings)
public:
    QString id;
    QString name;
    QString address;
    QString siteId;
    quint64 deviceId = 1;
    ElectionId electionId{0, 1};
    QString role;

    static Result<SwitchSettings> fromSettings(const QVariantMap &settings);
    Switch toSwitch() const;
    ClientOptions clientOptions() const;
};

/// The plugin's section: {switches: [...], pipeline: "/path/to/p4info.txt"}.
struct PluginSettings
{
    Q_DECLARE_TR_FUNCTIONS(Continuo::P4Runtime::PluginSettings)
public:
    QList<SwitchSettings> switches;
    QString pipelinePath; ///< P4Info the switches are assumed to run (optional).

    /// Fails naming the entry at fault ("switch entry 2 (s2): ...").
    static Result<PluginSettings> fromSettings(const QVariantMap &settings);
};

} // namespace Continuo::P4Runtime
