#include "plugin/PluginManager.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QPluginLoader>
#include <QSet>

namespace Continuo {

PluginManager::PluginManager(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Continuo::PluginInfo>();
}

PluginManager::~PluginManager()
{
    shutdownAll();
}

QStringList PluginManager::defaultSearchPaths()
{
    QStringList paths;
    const QString fromEnvironment = qEnvironmentVariable("CONTINUO_PLUGIN_PATH");
    for (const QString &path : fromEnvironment.split(QLatin1Char(':'), Qt::SkipEmptyParts))
        paths.append(path);
    paths.append(QDir::cleanPath(QCoreApplication::applicationDirPath()
                                 + QLatin1String("/../lib/continuo/plugins")));
    return paths;
}

void PluginManager::discover()
{
    // The same directory can be named twice (environment and default); each file is examined once.
    QSet<QString> seenDirectories;
    QSet<QString> seenFiles;
    for (const auto &entry : m_entries)
        seenFiles.insert(QFileInfo(entry->info.filePath).canonicalFilePath());
    for (const QString &path : std::as_const(m_searchPaths)) {
        QDir dir(path);
        const QString canonical = dir.canonicalPath();
        if (!dir.exists() || canonical.isEmpty() || seenDirectories.contains(canonical))
            continue;
        seenDirectories.insert(canonical);
        const auto files = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &file : files) {
            if (!QLibrary::isLibrary(file.fileName()) || seenFiles.contains(file.canonicalFilePath()))
                continue;
            seenFiles.insert(file.canonicalFilePath());
            examine(file.absoluteFilePath());
        }
    }
}

void PluginManager::examine(const QString &filePath)
{
    auto entry = std::make_unique<Entry>();
    entry->info.filePath = filePath;
    entry->info.state = PluginState::Discovered;
    entry->loader = std::make_unique<QPluginLoader>(filePath);
    // Metadata is read from the file without running any of its code.
    const QJsonObject raw = entry->loader->metaData();
    Entry &e = *entry;
    m_entries.push_back(std::move(entry));

    if (raw.isEmpty()) {
        e.info.metadata.id = QFileInfo(filePath).baseName();
        setState(e, PluginState::Invalid, tr("not a Qt plugin (no metadata found)"));
        return;
    }
    auto metadata = PluginMetadata::fromJson(raw.value(QLatin1String("MetaData")).toObject());
    if (metadata)
        e.info.metadata = *metadata;
    else
        e.info.metadata.id = QFileInfo(filePath).baseName();

    const QString iid = raw.value(QLatin1String("IID")).toString();
    if (iid != QLatin1String(ContinuoPlugin_iid)) {
        setState(e, PluginState::Invalid,
                 tr("wrong plugin interface \"%1\"; this core provides \"%2\"")
                     .arg(iid, QLatin1String(ContinuoPlugin_iid)));
        return;
    }
    if (!metadata) {
        setState(e, PluginState::Invalid, tr("bad metadata: %1").arg(metadata.error()));
        return;
    }
    if (metadata->coreApi > CoreApiVersion) {
        setState(e, PluginState::Invalid,
                 tr("needs core API %1; this core provides %2")
                     .arg(metadata->coreApi)
                     .arg(CoreApiVersion));
        return;
    }
    for (const auto &other : m_entries) {
        if (other.get() != &e && other->info.metadata.id == metadata->id
            && other->info.state != PluginState::Invalid) {
            setState(e, PluginState::Invalid,
                     tr("duplicate plugin id \"%1\", already found in %2")
                         .arg(metadata->id, other->info.filePath));
            return;
        }
    }
    if (m_disabled.contains(metadata->id)) {
        setState(e, PluginState::Disabled);
        return;
    }
    setState(e, PluginState::Resolved);
}

PluginManager::Entry *PluginManager::entry(const QString &id)
{
    for (const auto &e : m_entries) {
        if (e->info.metadata.id == id && e->info.state != PluginState::Invalid)
            return e.get();
    }
    return nullptr;
}

void PluginManager::setState(Entry &entry, PluginState state, const QString &error)
{
    entry.info.state = state;
    entry.info.errorString = error;
    if (!error.isEmpty()) {
        qCWarning(lcPlugin).noquote() << "plugin" << entry.info.metadata.id << "("
                                      << entry.info.filePath << "):" << error;
    } else {
        qCDebug(lcPlugin).noquote() << "plugin" << entry.info.metadata.id << toString(state);
    }
    Q_EMIT pluginStateChanged(entry.info);
}

bool PluginManager::loadOne(Entry &e, IPluginHost *host, QStringList &visiting)
{
    switch (e.info.state) {
    case PluginState::Initialized:
    case PluginState::Running:
        return true;
    case PluginState::Resolved:
        break;
    default:
        return false;
    }
    const QString &id = e.info.metadata.id;
    if (visiting.contains(id)) {
        setState(e, PluginState::Failed,
                 tr("dependency cycle: %1").arg((visiting + QStringList{id}).join(QLatin1String(" -> "))));
        return false;
    }
    visiting.append(id);
    for (const auto &dependency : std::as_const(e.info.metadata.dependencies)) {
        Entry *required = entry(dependency.id);
        if (!required) {
            setState(e, PluginState::Failed, tr("missing dependency \"%1\"").arg(dependency.id));
            visiting.removeLast();
            return false;
        }
        if (!dependency.version.isEmpty()
            && compareVersions(required->info.metadata.version, dependency.version) < 0) {
            setState(e, PluginState::Failed,
                     tr("needs %1 %2 or newer, found %3")
                         .arg(dependency.id, dependency.version, required->info.metadata.version));
            visiting.removeLast();
            return false;
        }
        if (!loadOne(*required, host, visiting)) {
            if (e.info.state == PluginState::Resolved) {
                setState(e, PluginState::Failed,
                         tr("dependency \"%1\" could not be loaded: %2")
                             .arg(dependency.id, required->info.errorString));
            }
            visiting.removeLast();
            return false;
        }
    }
    visiting.removeLast();

    QObject *object = e.loader->instance();
    auto *plugin = qobject_cast<IPlugin *>(object);
    if (!plugin) {
        const QString reason = object ? tr("plugin object does not implement %1")
                                            .arg(QLatin1String(ContinuoPlugin_iid))
                                      : e.loader->errorString();
        setState(e, PluginState::Failed, tr("cannot load: %1").arg(reason));
        return false;
    }
    e.instance = plugin;
    setState(e, PluginState::Loaded);

    Result<void> initialized = makeError(tr("initialize() threw an exception"));
    try {
        initialized = plugin->initialize(host, m_settings.value(id));
    } catch (const std::exception &exception) {
        initialized = makeError(tr("initialize() threw: %1").arg(QString::fromUtf8(exception.what())));
    } catch (...) {
    }
    if (!initialized) {
        setState(e, PluginState::Failed, tr("initialisation failed: %1").arg(initialized.error()));
        e.instance = nullptr;
        return false;
    }
    setState(e, PluginState::Initialized);
    m_loadOrder.append(&e);
    return true;
}

void PluginManager::loadAll(IPluginHost *host)
{
    for (const auto &e : m_entries) {
        QStringList visiting;
        loadOne(*e, host, visiting);
    }
    for (Entry *e : std::as_const(m_loadOrder)) {
        if (e->info.state == PluginState::Initialized) {
            e->instance->start();
            setState(*e, PluginState::Running);
        }
    }
}

void PluginManager::shutdownAll()
{
    for (auto it = m_loadOrder.crbegin(); it != m_loadOrder.crend(); ++it) {
        Entry *e = *it;
        if (!e->instance)
            continue;
        e->instance->shutdown();
        e->instance = nullptr;
        // Plugins stay mapped: unloading code that may still own queued events is not worth the risk.
        setState(*e, PluginState::Stopped);
    }
    m_loadOrder.clear();
}

QList<PluginInfo> PluginManager::plugins() const
{
    QList<PluginInfo> list;
    for (const auto &e : m_entries)
        list.append(e->info);
    return list;
}

IPlugin *PluginManager::plugin(const QString &id) const
{
    for (const auto &e : m_entries) {
        if (e->info.metadata.id == id && e->instance)
            return e->instance;
    }
    return nullptr;
}

QList<IPlugin *> PluginManager::runningPlugins() const
{
    QList<IPlugin *> list;
    for (Entry *e : m_loadOrder) {
        if (e->instance && e->info.state == PluginState::Running)
            list.append(e->instance);
    }
    return list;
}

} // namespace Continuo
