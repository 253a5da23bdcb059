#pragma once

#include "plugin/IPlugin.h"
#include "plugin/PluginSpec.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <memory>
#include <vector>

class QPluginLoader;

namespace Continuo {

class IPluginHost;

/// Finds, checks, loads and initialises plugins. A bad plugin never aborts startup: it stays in
/// the list with state Invalid or Failed and an error string for the console.
class CONTINUO_CORE_EXPORT PluginManager : public QObject
{
    Q_OBJECT
public:
    explicit PluginManager(QObject *parent = nullptr);
    ~PluginManager() override;

    /// `$CONTINUO_PLUGIN_PATH` (colon separated), then `<app dir>/../lib/continuo/plugins`.
    static QStringList defaultSearchPaths();

    void setSearchPaths(const QStringList &paths) { m_searchPaths = paths; }
    QStringList searchPaths() const { return m_searchPaths; }
    /// Plugin ids not to load (configuration).
    void setDisabledPlugins(const QStringList &ids) { m_disabled = ids; }
    void setPluginSettings(const QHash<QString, QVariantMap> &settings) { m_settings = settings; }

    /// Scan the search paths and check every plugin's metadata without loading it.
    void discover();
    /// Load and initialise every valid plugin, dependencies first, then start them all.
    void loadAll(IPluginHost *host);
    /// Shut plugins down in reverse order and unload them.
    void shutdownAll();

    QList<PluginInfo> plugins() const;
    /// The instance of an initialised plugin, or nullptr.
    IPlugin *plugin(const QString &id) const;
    /// Instances that reached Running, in load order.
    QList<IPlugin *> runningPlugins() const;

Q_SIGNALS:
    void pluginStateChanged(const Continuo::PluginInfo &info);

private:
    struct Entry
    {
        PluginInfo info;
        std::unique_ptr<QPluginLoader> loader;
        IPlugin *instance = nullptr;
    };

    void examine(const QString &filePath);
    void setState(Entry &entry, PluginState state, const QString &error = {});
    Entry *entry(const QString &id);
    bool loadOne(Entry &entry, IPluginHost *host, QStringList &visiting);

    QStringList m_searchPaths;
    QStringList m_disabled;
    QHash<QString, QVariantMap> m_settings;
    std::vector<std::unique_ptr<Entry>> m_entries;
    QList<Entry *> m_loadOrder;
};

} // namespace Continuo
