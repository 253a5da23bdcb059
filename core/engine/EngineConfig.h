#pragma once

#include "continuo_core_export.h"
#include "network/NetworkOptions.h"
#include "util/Result.h"

#include <QHash>
#include <QString>
#include <QVariantMap>

namespace Continuo {

/// The configuration file (`~/.config/continuo/continuo.yaml`, or `--config FILE`). Today it
/// carries the plugins' settings:
///
///     plugins:
///       slurm:
///         clusters:
///           - { id: hpc-1, site: site-hpc-bologna, transport: ssh, host: login.example,
///               user: ops, identityFile: ~/.ssh/id_ed25519, knownHostsFile: ~/.ssh/known_hosts }
///       libvirt:
///         clusters:
///           - { id: kvm-1, site: site-cloud-frankfurt, warmPool: 2,
///               hosts: [ { uri: "qemu:///system" }, { uri: "qemu+ssh://kvm2/system" } ] }
///
/// and the P4 fabric's INT collector and SLA monitor:
///
///     network:
///       collector: { address: 127.0.0.1, port: 32766, timestamps: us, windowMs: 1000 }
///       slaHoldDownMs: 5000
///
/// Mappings become QVariantMaps, sequences QVariantLists and scalars strings (QVariant converts
/// "2" to 2 where a number is wanted). A leading "~/" in a value is left for the plugin.
struct CONTINUO_CORE_EXPORT EngineConfig
{
    QHash<QString, QVariantMap> pluginSettings;
    NetworkControllerOptions network;

    /// Read a configuration file. A missing file is an error only when `required`; a file that
    /// is not valid YAML, or whose `plugins` is not a mapping of mappings, is always one (with
    /// the line).
    static Result<EngineConfig> load(const QString &path, bool required);
    /// Parse configuration text (`source` names it in errors).
    static Result<EngineConfig> parse(const QByteArray &text, const QString &source);
    /// `$XDG_CONFIG_HOME/continuo/continuo.yaml` (usually ~/.config/continuo/continuo.yaml).
    static QString defaultPath();
};

} // namespace Continuo
