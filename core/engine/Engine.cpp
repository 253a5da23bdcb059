#include "engine/Engine.h"

#include "ContinuoVersion.h"
#include "anomaly/AnomalyEngine.h"
#include "engine/ITelemetryRateControl.h"
#include "network/NetworkController.h"
#include "plugin/PluginManager.h"
#include "store/SqliteStateStore.h"
#include "telemetry/HostProbe.h"
#include "telemetry/LinkLatencyEstimator.h"
#include "telemetry/TelemetryHub.h"
#include "util/Logging.h"

#include <QJsonArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>

namespace Continuo {

/// The engine as plugins see it: thread-safe, hops onto the engine thread where needed.
class Engine::Host final : public IPluginHost
{
public:
    explicit Host(Engine *engine) : m_engine(engine) {}

    Result<void> applyInventory(const InventoryChangeSet &changes, const QString &pluginId) override
    {
        Result<void> result;
        auto apply = [&] {
            auto deltas = m_engine->applyInventory(changes, pluginId);
            if (!deltas)
                result = makeError(deltas.error());
        };
        if (QThread::currentThread() == m_engine->thread())
            apply();
        else
            QMetaObject::invokeMethod(m_engine, apply, Qt::BlockingQueuedConnection);
        return result;
    }

    void ingestSamples(const QList<SeriesBatch> &batches) override
    {
        m_engine->m_telemetry->ingest(batches);
    }

    void publishEvent(const Event &event) override
    {
        if (QThread::currentThread() == m_engine->thread())
            m_engine->publishEvent(event);
        else
            QMetaObject::invokeMethod(m_engine, [engine = m_engine, event] { engine->publishEvent(event); },
                                      Qt::QueuedConnection);
    }

    void proposeNetworkIntents(const QList<Connection> &connections, const QList<SlaRule> &rules,
                               const QString &pluginId) override
    {
        QMetaObject::invokeMethod(m_engine, [engine = m_engine, connections, rules, pluginId] {
            if (engine->m_network)
                engine->m_network->proposeIntents(connections, rules, pluginId);
            else
                engine->m_proposedIntents.push_back([connections, rules, pluginId](NetworkController *network) {
                    network->proposeIntents(connections, rules, pluginId);
                });
        }, QThread::currentThread() == m_engine->thread() ? Qt::DirectConnection : Qt::QueuedConnection);
    }

    QString pluginDataDirectory(const QString &pluginId) const override
    {
        const QString path = m_engine->m_options.dataDirectory + QLatin1String("/plugins/") + pluginId;
        QDir().mkpath(path);
        return path;
    }

private:
    Engine *m_engine;
};

Engine::Engine(QObject *parent)
    : QObject(parent)
    , m_telemetry(new TelemetryHub(
          [] {
              // Six hours of raw samples in memory; rollups (1 min, 1 h) keep the longer view.
              TimeSeriesStoreOptions store;
              store.rawRetentionMs = 6LL * 3600 * 1000;
              return store;
          }(),
          this))
    , m_plugins(new PluginManager(this))
    , m_host(std::make_unique<Host>(this))
    , m_defaultRateControl(std::make_unique<RecordingTelemetryRateControl>())
    , m_rateControl(m_defaultRateControl.get())
{
    qRegisterMetaType<Continuo::EngineState>();
    qRegisterMetaType<Continuo::Event>();
    qRegisterMetaType<QList<Continuo::InventoryDelta>>();
    connect(m_plugins, &PluginManager::pluginStateChanged, this, [this](const PluginInfo &info) {
        if (m_state != EngineState::Starting && m_state != EngineState::Running)
            return;
        if (info.state != PluginState::Failed && info.state != PluginState::Invalid
            && info.state != PluginState::Running)
            return;
        Event event;
        event.type = QLatin1String(EventTypes::PluginState);
        event.severity = info.errorString.isEmpty() ? EventSeverity::Info : EventSeverity::Error;
        event.source = QStringLiteral("engine");
        event.subjectId = info.metadata.id;
        event.message = info.errorString.isEmpty()
                            ? tr("Plugin %1 %2 is %3").arg(info.metadata.id, info.metadata.version,
                                                          toString(info.state))
                            : tr("Plugin %1 %2: %3").arg(info.metadata.id, toString(info.state),
                                                         info.errorString);
        event.payload = {{QStringLiteral("id"), info.metadata.id},
                         {QStringLiteral("state"), toString(info.state)},
                         {QStringLiteral("file"), info.filePath},
                         {QStringLiteral("error"), info.errorString}};
        publishEvent(event);
    });
}

Engine::~Engine()
{
    stop();
}

QString Engine::defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QLatin1String("/continuo");
}

void Engine::setState(EngineState state, const QString &message)
{
    if (m_state == state && m_stateMessage == message)
        return;
    m_state = state;
    m_stateMessage = message;
    Q_EMIT stateChanged(state);
}

Result<void> Engine::start(const EngineOptions &options)
{
    if (m_state == EngineState::Running || m_state == EngineState::Starting)
        return makeError(tr("the engine is already running"));
    m_options = options;
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    setState(EngineState::Starting, tr("opening the state store"));

    if (m_options.dataDirectory.isEmpty()) {
        setState(EngineState::Failed, tr("no data directory given"));
        return makeError(m_stateMessage);
    }
    // Two engines on one data directory would interleave event sequences: refuse the second.
    QDir().mkpath(m_options.dataDirectory);
    m_dataLock = std::make_unique<QLockFile>(m_options.dataDirectory + QLatin1String("/continuo.lock"));
    m_dataLock->setStaleLockTime(std::chrono::milliseconds::zero()); // stale only when the owner died
    if (!m_dataLock->tryLock(std::chrono::milliseconds(0))) {
        qint64 pid = 0;
        QString host, application;
        m_dataLock->getLockInfo(&pid, &host, &application);
        const QString reason = m_dataLock->error() == QLockFile::LockFailedError
                                   ? tr("data directory %1 is in use by %2 (process %3 on %4)")
                                         .arg(m_options.dataDirectory, application).arg(pid).arg(host)
                                   : tr("cannot lock data directory %1").arg(m_options.dataDirectory);
        m_dataLock.reset();
        setState(EngineState::Failed, reason);
        return makeError(reason);
    }
    m_store = std::make_unique<SqliteStateStore>();
    m_store->setErrorHandler([](const QString &message) {
        qCCritical(lcEngine).noquote() << "state store write failed:" << message;
    });
    if (auto opened = m_store->open(m_options.dataDirectory); !opened) {
        m_store.reset();
        m_dataLock.reset();
        setState(EngineState::Failed, opened.error());
        return makeError(opened.error());
    }
    auto restored = m_store->load(m_options.recentEventLimit);
    if (!restored) {
        m_store->close();
        m_store.reset();
        m_dataLock.reset();
        setState(EngineState::Failed, restored.error());
        return makeError(restored.error());
    }
    m_inventory.reset(restored->inventory);
    m_recentEvents.assign(restored->recentEvents.cbegin(), restored->recentEvents.cend());
    m_lastEventSequence = restored->lastEventSequence;
    m_telemetry->setPublishInterval(m_options.telemetryPublishInterval);
    if (m_options.persistTelemetry)
        enableTelemetryPersistence();

    // Before any telemetry flows, so the first samples are watched too.
    m_anomaly = std::make_unique<AnomalyEngine>(this);
    m_anomaly->setTelemetryRateControl(m_rateControl);
    m_anomaly->setDeployments(restored->deployments);
    if (auto anomalyStarted = m_anomaly->start(); !anomalyStarted)
        qCWarning(lcEngine).noquote() << "anomaly detection starts without history:"
                                      << anomalyStarted.error();

    if (m_options.linkEstimationInterval.count() > 0) {
        m_linkEstimator = std::make_unique<LinkLatencyEstimator>(m_telemetry, [this] {
            return m_inventory.all<Link>().values();
        });
        m_linkEstimator->setInterval(m_options.linkEstimationInterval);
        connect(m_linkEstimator.get(), &LinkLatencyEstimator::unidentifiableLinksChanged, this,
                [this](const QStringList &linkIds) {
                    Event event;
                    event.type = QStringLiteral("Telemetry.Tomography");
                    event.source = QStringLiteral("engine");
                    event.severity = linkIds.isEmpty() ? EventSeverity::Info : EventSeverity::Warning;
                    event.message = linkIds.isEmpty()
                                        ? tr("Every link latency is measured or determined by measured paths")
                                        : tr("No measurement determines the latency of %n link(s): %1", nullptr,
                                             int(linkIds.size()))
                                              .arg(linkIds.join(QStringLiteral(", ")));
                    event.payload = {{QStringLiteral("unidentifiableLinks"),
                                      QJsonArray::fromStringList(linkIds)}};
                    publishEvent(event);
                });
        m_linkEstimator->start();
    }

    Event started;
    started.type = QLatin1String(EventTypes::GeneralInformation);
    started.source = QStringLiteral("engine");
    started.message = tr("Engine %1 started on %2 (restored %3 nodes, revision %4)")
                          .arg(QLatin1String(Version), QSysInfo::machineHostName())
                          .arg(m_inventory.count(EntityKind::Node))
                          .arg(m_inventory.revision());
    started.payload = {{QStringLiteral("message"), started.message},
                       {QStringLiteral("dataDirectory"), m_options.dataDirectory}};
    publishEvent(started);

    setState(EngineState::Starting, tr("loading plugins"));
    m_plugins->setSearchPaths(m_options.pluginPaths.isEmpty() ? PluginManager::defaultSearchPaths()
                                                              : m_options.pluginPaths);
    QStringList disabled = m_options.disabledPlugins;
    if (m_options.scenario.isEmpty() || m_options.scenario == QLatin1String("none"))
        disabled.append(QStringLiteral("simulator"));
    m_plugins->setDisabledPlugins(disabled);
    QHash<QString, QVariantMap> pluginSettings = m_options.pluginSettings;
    QVariantMap &simulatorSettings = pluginSettings[QStringLiteral("simulator")];
    simulatorSettings.insert(QStringLiteral("scenario"), m_options.scenario);
    simulatorSettings.insert(QStringLiteral("seed"), QString::number(m_options.seed));
    m_plugins->setPluginSettings(pluginSettings);
    m_plugins->discover();
    m_plugins->loadAll(m_host.get());
    for (IPlugin *plugin : m_plugins->runningPlugins()) {
        auto source = plugin->createTelemetrySource();
        if (!source)
            continue;
        if (auto sourceStarted = source->start(m_host.get()); !sourceStarted) {
            Event failed;
            failed.type = QLatin1String(EventTypes::TelemetryProbe);
            failed.severity = EventSeverity::Error;
            failed.source = QStringLiteral("engine");
            failed.subjectId = source->name();
            failed.message = tr("Telemetry source %1 failed to start: %2")
                                 .arg(source->name(), sourceStarted.error());
            failed.payload = {{QStringLiteral("id"), source->name()},
                              {QStringLiteral("status"), QStringLiteral("DOWN")}};
            publishEvent(failed);
            continue;
        }
        m_sources.push_back(std::move(source));
    }

    // After the plugins, whose compute backends it drives; deployments resume from the store.
    m_orchestrator = std::make_unique<Orchestrator>(this);
    if (auto orchestrating = m_orchestrator->start(m_options.orchestrator, restored->workloads,
                                                   restored->deployments);
        !orchestrating) {
        qCCritical(lcEngine).noquote() << "workload orchestration did not start:"
                                       << orchestrating.error();
    }

    // After the plugins too: they own the switch targets. Their proposed intents wait for it.
    m_network = std::make_unique<NetworkController>(this);
    if (auto networking = m_network->start(m_options.network); !networking) {
        qCCritical(lcEngine).noquote() << "P4 network control did not start:" << networking.error();
        m_network.reset();
    } else {
        for (const auto &propose : m_proposedIntents)
            propose(m_network.get());
    }
    m_proposedIntents.clear();

    if (m_options.hostProbe) {
        m_hostProbe = std::make_unique<HostProbe>(m_host.get());
        m_hostProbe->start();
    } else {
        // Restored from an earlier run with the probe on: nothing would keep it up to date.
        InventoryChangeSet stale;
        const InventoryChangeSet host = HostProbe::describeHost();
        for (const auto &change : host.changes())
            stale.remove(change.kind, change.id);
        if (auto removed = applyInventory(stale, QStringLiteral("probe:host")); !removed)
            qCWarning(lcEngine).noquote() << "cannot remove the stale host node:" << removed.error();
    }
    setState(EngineState::Running);
    return {};
}

void Engine::stop()
{
    if (m_state != EngineState::Running && m_state != EngineState::Starting)
        return;
    setState(EngineState::ShuttingDown);
    if (m_hostProbe) {
        m_hostProbe->stop();
        m_hostProbe.reset();
    }
    m_linkEstimator.reset();
    // Before the plugins: the backends and switch targets it holds belong to them.
    if (m_orchestrator)
        m_orchestrator->stop();
    if (m_network) {
        m_network->stop();
        m_network.reset();
    }
    for (auto &source : m_sources)
        source->stop();
    m_sources.clear();
    m_plugins->shutdownAll();
    m_telemetry->publishPending();
    // Nothing ingests any more: seal, checkpoint and commit everything acknowledged.
    if (auto closed = m_telemetry->closePersistence(); !closed)
        qCCritical(lcEngine).noquote() << "telemetry database close failed:" << closed.error();
    if (m_anomaly)
        m_anomaly->stop();
    // Events queued by other threads during shutdown still get their sequence and reach the store.
    QCoreApplication::sendPostedEvents(this);
    if (m_store) {
        if (auto flushed = m_store->flush(); !flushed)
            qCCritical(lcEngine).noquote() << "state store flush failed:" << flushed.error();
        m_store->close();
    }
    m_orchestrator.reset();
    m_anomaly.reset();
    m_dataLock.reset();
    setState(EngineState::Stopped);
}

void Engine::enableTelemetryPersistence()
{
    TelemetryPersistenceOptions persistence = m_options.telemetryPersistence;
    if (persistence.databasePath.isEmpty())
        persistence.databasePath = QDir(m_options.dataDirectory)
                                       .filePath(TelemetryPersistence::databaseFileName());
    auto loaded = m_telemetry->enablePersistence(persistence);
    if (loaded) {
        qCInfo(lcEngine).noquote() << "telemetry restored from" << persistence.databasePath << ":"
                                   << loaded->seriesLoaded << "series," << loaded->samplesLoaded
                                   << "samples in" << loaded->elapsedMs << "ms";
        return;
    }
    qCWarning(lcEngine).noquote() << "telemetry is kept in memory only:" << loaded.error();
    Event event;
    event.type = QStringLiteral("Telemetry.Storage");
    event.severity = EventSeverity::Warning;
    event.source = QStringLiteral("engine");
    event.message = tr("Telemetry is kept in memory only and will not survive a restart: %1")
                        .arg(loaded.error());
    event.payload = {{QStringLiteral("database"), persistence.databasePath},
                     {QStringLiteral("status"), QStringLiteral("DOWN")},
                     {QStringLiteral("error"), loaded.error()}};
    publishEvent(event);
}

ITelemetryRateControl *Engine::telemetryRateControl() const
{
    return m_rateControl;
}

void Engine::setTelemetryRateControl(ITelemetryRateControl *control)
{
    m_rateControl = control ? control : m_defaultRateControl.get();
    if (m_anomaly)
        m_anomaly->setTelemetryRateControl(m_rateControl);
}

EngineStatus Engine::status() const
{
    EngineStatus status;
    status.state = m_state;
    status.stateMessage = m_stateMessage;
    status.version = QLatin1String(Version);
    status.hostName = QSysInfo::machineHostName();
    status.dataDirectory = m_options.dataDirectory;
    status.scenario = m_options.scenario;
    status.startedAtMs = m_startedAtMs;
    status.inventoryRevision = m_inventory.revision();
    status.siteCount = int(m_inventory.count(EntityKind::Site));
    status.nodeCount = int(m_inventory.count(EntityKind::Node));
    status.switchCount = int(m_inventory.count(EntityKind::Switch));
    status.linkCount = int(m_inventory.count(EntityKind::Link));
    status.seriesCount = m_telemetry->seriesCount();
    status.samplesIngestedTotal = m_telemetry->samplesIngestedTotal();
    status.lastEventSequence = m_lastEventSequence;
    status.plugins = m_plugins->plugins();
    return status;
}

Result<QList<InventoryDelta>> Engine::applyInventory(const InventoryChangeSet &changes,
                                                     const QString &origin)
{
    auto deltas = m_inventory.apply(changes);
    if (!deltas) {
        qCWarning(lcEngine).noquote() << "inventory change from" << origin << "refused:" << deltas.error();
        return deltas;
    }
    if (deltas->isEmpty())
        return deltas;
    if (m_store)
        m_store->writeInventoryDeltas(*deltas);
    Q_EMIT inventoryChanged(*deltas);

    // One summary event per change set, so the log shows who changed the inventory and when.
    int removed = 0;
    for (const auto &delta : std::as_const(*deltas))
        removed += delta.operation == DeltaOperation::Remove;
    Event event;
    event.type = QLatin1String(EventTypes::InventoryChanged);
    event.severity = EventSeverity::Debug;
    event.source = origin;
    event.subjectId = deltas->size() == 1 ? deltas->constFirst().id : QString();
    event.message = tr("%1 changed %n inventory object(s) (%2 removed), revision %3", nullptr,
                       int(deltas->size()))
                        .arg(origin)
                        .arg(removed)
                        .arg(m_inventory.revision());
    event.payload = {{QStringLiteral("changed"), deltas->size()},
                     {QStringLiteral("removed"), removed},
                     {QStringLiteral("revision"), m_inventory.revision()}};
    publishEvent(event);
    return deltas;
}

Event Engine::publishEvent(Event event)
{
    if (!isValidEventType(event.type)) {
        qCWarning(lcEngine).noquote() << "event with invalid type" << event.type << "dropped";
        return {};
    }
    event.sequence = ++m_lastEventSequence;
    if (event.timestampMs == 0)
        event.timestampMs = QDateTime::currentMSecsSinceEpoch();
    m_recentEvents.push_back(event);
    while (m_recentEvents.size() > static_cast<size_t>(std::max(1, m_options.recentEventLimit)))
        m_recentEvents.pop_front();
    if (m_store && m_store->isOpen())
        m_store->writeEvents({event});
    Q_EMIT eventPublished(event);
    return event;
}

QList<Event> Engine::recentEvents(qint64 afterSequence, const QString &typePrefix) const
{
    QList<Event> events;
    auto first = std::upper_bound(m_recentEvents.begin(), m_recentEvents.end(), afterSequence,
                                  [](qint64 sequence, const Event &e) { return sequence < e.sequence; });
    for (auto it = first; it != m_recentEvents.end(); ++it) {
        if (typePrefix.isEmpty() || it->type.startsWith(typePrefix))
            events.append(*it);
    }
    return events;
}

Result<AuditEntry> Engine::recordAudit(const QString &actor, const QString &action,
                                       const QString &target, const QJsonObject &details)
{
    if (!m_store || !m_store->isOpen())
        return makeError(tr("the state store is not open"));
    AuditEntry entry;
    entry.timestampMs = QDateTime::currentMSecsSinceEpoch();
    entry.actor = actor.isEmpty() ? QStringLiteral("unknown") : actor;
    entry.action = action;
    entry.target = target;
    entry.details = details;
    return m_store->appendAudit(entry);
}

Result<Node> Engine::setNodeState(const QString &nodeId, NodeState state, const QString &actor,
                                  const QString &reason)
{
    const Node *current = m_inventory.find<Node>(nodeId);
    if (!current)
        return makeError(tr("no node \"%1\"").arg(nodeId));
    if (state == NodeState::Unknown)
        return makeError(tr("cannot set node %1 to an unknown state").arg(nodeId));
    Node updated = *current;
    const NodeState previous = updated.state;
    updated.state = state;

    // The audit record is committed before the change takes effect: no unaudited action.
    auto audited = recordAudit(actor, QStringLiteral("node.set_state"), nodeId,
                               {{QStringLiteral("from"), toString(previous)},
                                {QStringLiteral("to"), toString(state)},
                                {QStringLiteral("reason"), reason}});
    if (!audited)
        return makeError(tr("cannot record the action in the audit log: %1").arg(audited.error()));

    InventoryChangeSet changes;
    changes.upsert(updated);
    if (auto applied = applyInventory(changes, actor); !applied)
        return makeError(applied.error());

    Event event;
    event.type = QLatin1String(EventTypes::OperatorAction);
    event.severity = EventSeverity::Info;
    event.source = actor;
    event.subjectId = nodeId;
    event.message = tr("%1 set node %2 %3 → %4%5")
                        .arg(actor, nodeId, toString(previous), toString(state),
                             reason.isEmpty() ? QString() : tr(" (%1)").arg(reason));
    event.payload = {{QStringLiteral("auditId"), audited->id},
                     {QStringLiteral("from"), toString(previous)},
                     {QStringLiteral("to"), toString(state)}};
    publishEvent(event);
    return updated;
}

IPluginHost *Engine::pluginHost() const
{
    return m_host.get();
}

} // namespace Continuo
