#include "network/NetworkController.h"

#include "engine/Engine.h"
#include "network/ConnectionCompiler.h"
#include "network/IntCollector.h"
#include "network/P4Pipeline.h"
#include "network/PathComputer.h"
#include "network/SlaMonitor.h"
#include "plugin/IPlugin.h"
#include "plugin/PluginManager.h"
#include "store/IStateStore.h"
#include "telemetry/TelemetryHub.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>

#include <chrono>

Q_LOGGING_CATEGORY(lcNetwork, "continuo.network")

namespace Continuo {

namespace {

constexpr auto KindEntry = "p4.entry";
constexpr auto KindConnection = "connection";
constexpr auto KindSla = "sla";
constexpr auto KindIntSwitch = "int.switch";
constexpr auto KindReroute = "reroute";
constexpr int RerouteHistoryLimit = 500;

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonArray toJsonArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

/// Updates that turn `from` into `to` on one switch (both keyed by matchKey).
QList<P4Update> updatesBetween(const QList<P4TableEntry> &from, const QList<P4TableEntry> &to)
{
    const P4EntryDiff diff = diffEntries(to, from);
    QList<P4Update> updates;
    updates.reserve(diff.toDelete.size() + diff.toModify.size() + diff.toInsert.size());
    // Deletes first: a moved entry may free the table space the insert needs.
    for (const P4TableEntry &entry : diff.toDelete)
        updates.append({P4Update::Type::Delete, entry});
    for (const P4TableEntry &entry : diff.toModify)
        updates.append({P4Update::Type::Modify, entry});
    for (const P4TableEntry &entry : diff.toInsert)
        updates.append({P4Update::Type::Insert, entry});
    return updates;
}

/// The updates that undo `updates`, given what the switch had before (`before`, by matchKey).
QList<P4Update> inverseOf(const QList<P4Update> &updates, const QHash<QString, P4TableEntry> &before)
{
    QList<P4Update> inverse;
    for (auto it = updates.crbegin(); it != updates.crend(); ++it) {
        const QString key = it->entry.matchKey();
        switch (it->type) {
        case P4Update::Type::Insert:
            inverse.append({P4Update::Type::Delete, it->entry});
            break;
        case P4Update::Type::Modify:
            if (before.contains(key))
                inverse.append({P4Update::Type::Modify, before.value(key)});
            break;
        case P4Update::Type::Delete:
            if (before.contains(key))
                inverse.append({P4Update::Type::Insert, before.value(key)});
            break;
        }
    }
    return inverse;
}

/// One spelling per table and action (the alias, as the switches report them), so that the
/// match keys and diffs of entries written as "MyIngress.table0" and "table0" agree.
P4TableEntry canonicalEntry(const P4Program &program, P4TableEntry entry)
{
    if (const P4TableInfo *table = program.table(entry.table))
        entry.table = table->alias.isEmpty() ? table->name : table->alias;
    if (const P4ActionInfo *action = program.action(entry.action))
        entry.action = action->alias.isEmpty() ? action->name : action->alias;
    return entry;
}

QString joinErrors(const QList<P4ValidationError> &errors)
{
    QStringList lines;
    for (const P4ValidationError &error : errors)
        lines.append(error.field.isEmpty() ? error.message
                                           : QStringLiteral("%1: %2").arg(error.field, error.message));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

struct NetworkController::SwitchState
{
    QString id;
    QString name;
    QString pluginId;
    std::shared_ptr<INetworkTarget> target;
    P4Program program;
    QHash<QString, P4TableEntry> desired; ///< matchKey → entry
    bool connected = false;
    int installed = -1;
    qint64 lastAppliedMs = 0;
    QString lastError;
};

struct NetworkController::Snapshot
{
    QHash<QString, Connection> connections;
    std::shared_ptr<const FabricGraph> graph;
    QHash<QString, std::shared_ptr<INetworkTarget>> targets;
    QHash<quint32, QString> switchOfIntId;
    QSet<QString> rerouting; ///< Connections with a reroute in flight (copied, not shared).
    QSet<QString> reportOnlyRules; ///< SLA rules with reroute off.
};

NetworkController::NetworkController(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    m_ioThread.setObjectName(QStringLiteral("continuo-p4"));
}

NetworkController::~NetworkController()
{
    stop();
}

Result<void> NetworkController::start(const NetworkControllerOptions &options)
{
    if (m_running)
        return {};
    m_options = options;

    // Durable state first: INT ids, connections, SLA rules, desired entries, reroutes.
    IStateStore *store = m_engine->store();
    if (store) {
        if (auto rows = store->networkRows(QLatin1String(KindIntSwitch)); rows) {
            for (const NetworkRow &row : *rows)
                m_intIds.insert(row.key, QJsonDocument::fromJson(row.body).object().value(QLatin1String("id")).toInt());
        } else {
            return makeError(rows.error());
        }
        if (auto rows = store->networkRows(QLatin1String(KindConnection)); rows) {
            for (const NetworkRow &row : *rows) {
                auto connection = connectionFromJson(QJsonDocument::fromJson(row.body).object());
                if (connection)
                    m_connections.insert(connection->id, *connection);
                else
                    qCWarning(lcNetwork) << "stored connection" << row.key << "is unreadable:" << connection.error();
            }
        }
        if (auto rows = store->networkRows(QLatin1String(KindSla)); rows) {
            for (const NetworkRow &row : *rows) {
                auto rule = slaRuleFromJson(QJsonDocument::fromJson(row.body).object());
                if (rule)
                    m_slaRules.insert(rule->id, *rule);
                else
                    qCWarning(lcNetwork) << "stored SLA rule" << row.key << "is unreadable:" << rule.error();
            }
        }
        if (auto rows = store->networkRows(QLatin1String(KindEntry)); rows) {
            for (const NetworkRow &row : *rows) {
                auto &state = m_switches[row.scope];
                if (!state) {
                    state = std::make_shared<SwitchState>();
                    state->id = row.scope;
                    state->program = P4Program::reference();
                }
                auto entry = p4EntryFromJson(state->program, QJsonDocument::fromJson(row.body).object());
                if (entry)
                    state->desired.insert(entry->matchKey(), *entry);
                else
                    qCWarning(lcNetwork) << "stored entry of" << row.scope << "is unreadable:" << entry.error();
            }
        }
        if (auto rows = store->networkRows(QLatin1String(KindReroute)); rows) {
            for (const NetworkRow &row : *rows) {
                const QJsonObject o = QJsonDocument::fromJson(row.body).object();
                RerouteRecord record;
                record.connectionId = o.value(QLatin1String("connectionId")).toString();
                record.flowId = quint32(o.value(QLatin1String("flowId")).toInteger());
                record.ruleId = o.value(QLatin1String("ruleId")).toString();
                record.avoidedSwitch = o.value(QLatin1String("avoidedSwitch")).toString();
                for (const auto &v : o.value(QLatin1String("fromPath")).toArray())
                    record.fromPath.append(v.toString());
                for (const auto &v : o.value(QLatin1String("toPath")).toArray())
                    record.toPath.append(v.toString());
                record.valueMs = o.value(QLatin1String("valueMs")).toDouble();
                record.thresholdMs = o.value(QLatin1String("thresholdMs")).toDouble();
                record.reactionMs = o.value(QLatin1String("reactionMs")).toDouble();
                record.atMs = o.value(QLatin1String("atMs")).toInteger();
                m_reroutes.append(record);
            }
        }
    }

    m_ioThread.start();
    m_ioContext = new QObject;
    m_ioContext->moveToThread(&m_ioThread);

    m_slaMonitor = std::make_unique<SlaMonitor>();
    m_slaMonitor->setHandler([this](const SlaViolation &violation) { onViolation(violation); });
    m_slaMonitor->setHoldDown(std::chrono::milliseconds(m_options.slaHoldDownMs));

    IntCollectorOptions collectorOptions;
    collectorOptions.bindAddress = m_options.collectorAddress;
    collectorOptions.port = m_options.collectorPort;
    collectorOptions.timestampUnit = m_options.timestampsInMicroseconds ? IntTimestampUnit::Microseconds
                                                                        : IntTimestampUnit::Nanoseconds;
    collectorOptions.window = std::chrono::milliseconds(m_options.windowMs);
    m_collector = std::make_unique<IntCollector>(collectorOptions);
    SlaMonitor *monitor = m_slaMonitor.get();
    m_collector->setPostcardSink([monitor](const IntPostcard *postcards, int count) {
        monitor->observe(postcards, count);
    });
    m_collector->setWindowSink([this](const QList<IntFlowWindow> &windows) { onWindows(windows); });
    if (auto started = m_collector->start(); !started) {
        publish(EventTypes::NetworkSwitch, {},
                tr("INT collector not started: %1. Postcard telemetry and SLA reroutes are off.")
                    .arg(started.error()),
                {{QStringLiteral("error"), started.error()}}, 2);
        m_collector.reset();
    }

    m_running = true;
    connect(m_engine, &Engine::inventoryChanged, this, [this](const QList<InventoryDelta> &deltas) {
        bool fabric = false;
        for (const InventoryDelta &delta : deltas) {
            if (delta.kind == EntityKind::Switch || delta.kind == EntityKind::Link
                || delta.kind == EntityKind::Node)
                fabric = true;
        }
        if (fabric) {
            rebuildGraph();
            attachSwitches();
        }
    });
    rebuildGraph();
    updateSlaMonitor();
    attachSwitches();
    return {};
}

void NetworkController::stop()
{
    if (!m_running)
        return;
    m_running = false;
    disconnect(m_engine, nullptr, this, nullptr);
    if (m_collector)
        m_collector->stop();
    // Drain the I/O thread: queued writes finish, then targets disconnect there.
    QList<std::shared_ptr<INetworkTarget>> targets;
    for (const auto &state : std::as_const(m_switches)) {
        if (state->target)
            targets.append(state->target);
    }
    QMetaObject::invokeMethod(m_ioContext, [targets] {
        for (const auto &target : targets)
            target->disconnectTarget();
    }, Qt::BlockingQueuedConnection);
    m_ioContext->deleteLater();
    m_ioThread.quit();
    m_ioThread.wait();
    m_ioContext = nullptr;
    m_collector.reset();
    m_slaMonitor.reset();
    for (const auto &state : std::as_const(m_switches))
        state->target.reset();
}

quint16 NetworkController::collectorPort() const
{
    return m_collector ? m_collector->port() : 0;
}

QJsonObject NetworkController::collectorStatistics() const
{
    QJsonObject o;
    if (!m_collector)
        return o;
    const IntCollectorCounters s = m_collector->counters();
    o.insert(QStringLiteral("port"), int(m_collector->port()));
    o.insert(QStringLiteral("datagrams"), qint64(s.datagrams));
    o.insert(QStringLiteral("postcards"), qint64(s.postcards));
    o.insert(QStringLiteral("malformed"), qint64(s.malformed));
    o.insert(QStringLiteral("lastMalformedReason"), toString(s.lastMalformedReason));
    o.insert(QStringLiteral("kernelDrops"), qint64(s.kernelDrops));
    o.insert(QStringLiteral("windows"), qint64(s.windows));
    return o;
}

// ---- switches ---------------------------------------------------------------------------------

quint32 NetworkController::intSwitchId(const QString &switchId)
{
    if (const auto it = m_intIds.constFind(switchId); it != m_intIds.cend())
        return it.value();
    quint32 next = 1;
    for (quint32 id : std::as_const(m_intIds))
        next = std::max(next, id + 1);
    m_intIds.insert(switchId, next);
    persistObject(QLatin1String(KindIntSwitch), switchId, {{QStringLiteral("id"), qint64(next)}});
    return next;
}

QString NetworkController::switchForIntId(quint32 id) const
{
    return m_intIds.key(id);
}

void NetworkController::attachSwitches()
{
    for (const Switch &sw : m_engine->inventory().all<Switch>())
        attachSwitch(sw.id);
    publishSnapshot();
}

void NetworkController::attachSwitch(const QString &switchId)
{
    const Switch *sw = m_engine->inventory().find<Switch>(switchId);
    if (!sw)
        return;
    auto &state = m_switches[switchId];
    if (!state) {
        state = std::make_shared<SwitchState>();
        state->id = switchId;
        state->program = P4Program::reference();
    }
    state->name = sw->name;
    if (state->target)
        return;
    PluginManager *plugins = m_engine->pluginManager();
    for (IPlugin *plugin : plugins->runningPlugins()) {
        if (auto target = plugin->createNetworkTarget(*sw)) {
            state->target = std::shared_ptr<INetworkTarget>(std::move(target));
            for (const PluginInfo &info : plugins->plugins()) {
                if (plugins->plugin(info.metadata.id) == plugin)
                    state->pluginId = info.metadata.id;
            }
            break;
        }
    }
    // The telemetry base of every switch: its INT switch id and where reports go.
    if (m_collector) {
        const quint32 intId = intSwitchId(switchId);
        IntReportTarget report;
        // Locally administered MACs derived from the INT id; the collector's next hop is this host.
        report.switchMac = QStringLiteral("02:c0:00:%1:%2:%3")
                               .arg((intId >> 16) & 0xff, 2, 16, QLatin1Char('0'))
                               .arg((intId >> 8) & 0xff, 2, 16, QLatin1Char('0'))
                               .arg(intId & 0xff, 2, 16, QLatin1Char('0'));
        report.switchIp = QStringLiteral("10.255.%1.%2").arg((intId >> 8) & 0xff).arg(intId & 0xff);
        report.collectorMac = QStringLiteral("02:c0:ff:ff:ff:01");
        report.collectorIp = m_options.collectorAddress;
        report.collectorPort = m_collector->port();
        const auto base = ConnectionCompiler::baseEntries(state->program, intId, report);
        if (base) {
            QList<P4TableEntry> changed;
            for (const P4TableEntry &entry : *base) {
                if (state->desired.value(entry.matchKey()) != entry)
                    changed.append(entry);
            }
            if (!changed.isEmpty())
                replaceDesired(switchId, {}, changed);
        } else {
            qCWarning(lcNetwork) << "no telemetry base entries for" << switchId << ":" << base.error();
        }
    }
    if (state->target)
        reconcileSwitch(switchId, tr("switch attached"));
}

void NetworkController::reconcileSwitch(const QString &switchId, const QString &reason)
{
    auto state = m_switches.value(switchId);
    if (!state || !state->target || !m_ioContext)
        return;
    const auto target = state->target;
    const P4Program program = state->program;
    const QList<P4TableEntry> desired = state->desired.values();
    QPointer<NetworkController> self(this);
    QMetaObject::invokeMethod(m_ioContext, [=] {
        QString error;
        int installed = -1;
        bool connected = target->isConnected();
        if (!connected) {
            if (auto ok = target->connectTarget(); !ok)
                error = ok.error();
            else
                connected = true;
        }
        if (connected) {
            auto running = target->pipeline();
            if (!running || running->isNull() || running->name() != program.name()) {
                if (auto set = target->setPipeline(program, {}); !set)
                    error = tr("pipeline not installed: %1").arg(set.error());
            }
        }
        P4EntryDiff diff;
        if (connected && error.isEmpty()) {
            auto current = target->readEntries({});
            if (!current) {
                error = current.error();
            } else {
                const QList<P4Update> updates = updatesBetween(*current, desired);
                if (!updates.isEmpty()) {
                    if (auto written = target->write(updates, true); !written)
                        error = written.error();
                }
                installed = error.isEmpty() ? int(desired.size()) : int(current->size());
                diff = diffEntries(desired, *current);
            }
        }
        QMetaObject::invokeMethod(self.data(), [=] {
            if (!self)
                return;
            auto state = self->m_switches.value(switchId);
            if (!state)
                return;
            const bool wasConnected = state->connected;
            const QString previousError = state->lastError;
            state->connected = connected;
            state->installed = installed;
            state->lastError = error;
            if (error.isEmpty())
                state->lastAppliedMs = QDateTime::currentMSecsSinceEpoch();
            if (wasConnected != connected || previousError != error || !diff.isEmpty()) {
                QJsonObject payload{{QStringLiteral("connected"), connected},
                                    {QStringLiteral("reason"), reason},
                                    {QStringLiteral("inserted"), int(diff.toInsert.size())},
                                    {QStringLiteral("modified"), int(diff.toModify.size())},
                                    {QStringLiteral("deleted"), int(diff.toDelete.size())}};
                if (!error.isEmpty())
                    payload.insert(QStringLiteral("error"), error);
                self->publish(EventTypes::NetworkSwitch, switchId,
                              error.isEmpty()
                                  ? tr("Switch %1 in sync (%2): %3 inserted, %4 modified, %5 deleted")
                                        .arg(switchId, reason)
                                        .arg(diff.toInsert.size())
                                        .arg(diff.toModify.size())
                                        .arg(diff.toDelete.size())
                                  : tr("Switch %1 not in sync: %2").arg(switchId, error),
                              payload, error.isEmpty() ? 0 : 2);
            }
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

QList<P4SwitchStatus> NetworkController::switches() const
{
    QList<P4SwitchStatus> list;
    for (const auto &state : std::as_const(m_switches)) {
        if (!m_engine->inventory().find<Switch>(state->id))
            continue;
        P4SwitchStatus status;
        status.switchId = state->id;
        status.name = state->name;
        status.pluginId = state->pluginId;
        status.connected = state->connected;
        status.pipeline = state->program.name();
        status.intSwitchId = m_intIds.value(state->id);
        status.desiredEntries = int(state->desired.size());
        status.installedEntries = state->installed;
        status.lastAppliedMs = state->lastAppliedMs;
        status.lastError = state->lastError;
        list.append(status);
    }
    std::sort(list.begin(), list.end(),
              [](const P4SwitchStatus &a, const P4SwitchStatus &b) { return a.switchId < b.switchId; });
    return list;
}

P4Program NetworkController::program(const QString &switchId) const
{
    if (const auto state = m_switches.value(switchId))
        return state->program;
    return P4Program::reference();
}

// ---- entries ----------------------------------------------------------------------------------

void NetworkController::entries(const QString &switchId, const QString &table, bool withCounters,
                                EntriesCallback callback)
{
    const auto state = m_switches.value(switchId);
    if (!state || !m_engine->inventory().find<Switch>(switchId)) {
        callback(makeError(tr("no P4 switch \"%1\"").arg(switchId)));
        return;
    }
    if (!table.isEmpty() && !state->program.table(table)) {
        callback(makeError(tr("switch %1 has no table \"%2\"").arg(switchId, table)));
        return;
    }
    QList<P4TableEntry> desired;
    const P4TableInfo *tableInfo = table.isEmpty() ? nullptr : state->program.table(table);
    for (const P4TableEntry &entry : std::as_const(state->desired)) {
        if (!tableInfo || state->program.table(entry.table) == tableInfo)
            desired.append(entry);
    }
    const auto target = state->target;
    if (!target || !state->connected) {
        QList<P4EntryStatus> list;
        for (const P4TableEntry &entry : std::as_const(desired))
            list.append({entry, true, false, false, {}});
        callback(list);
        return;
    }
    QPointer<NetworkController> self(this);
    QMetaObject::invokeMethod(m_ioContext, [=] {
        QList<P4CounterData> counters;
        auto installed = target->readEntries(table, withCounters ? &counters : nullptr);
        QMetaObject::invokeMethod(self.data(), [=] {
            if (!self)
                return;
            if (!installed) {
                callback(makeError(tr("reading switch %1 failed: %2").arg(switchId, installed.error())));
                return;
            }
            QHash<QString, int> installedIndex;
            for (int i = 0; i < installed->size(); ++i)
                installedIndex.insert(installed->at(i).matchKey(), i);
            QList<P4EntryStatus> list;
            QSet<QString> seen;
            for (const P4TableEntry &entry : desired) {
                P4EntryStatus status{entry, true, false, false, {}};
                const QString key = entry.matchKey();
                seen.insert(key);
                if (const auto it = installedIndex.constFind(key); it != installedIndex.cend()) {
                    status.installed = installed->at(*it) == entry
                                       || (installed->at(*it).action == entry.action
                                           && installed->at(*it).params == entry.params);
                    if (*it < counters.size()) {
                        status.hasCounters = true;
                        status.counters = counters.at(*it);
                    }
                }
                list.append(status);
            }
            for (int i = 0; i < installed->size(); ++i) {
                if (seen.contains(installed->at(i).matchKey()))
                    continue;
                P4EntryStatus status{installed->at(i), false, true, i < counters.size(), {}};
                if (i < counters.size())
                    status.counters = counters.at(i);
                list.append(status);
            }
            callback(list);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void NetworkController::setEntries(const QString &switchId, const QString &table,
                                   const QList<P4TableEntry> &given, bool dryRun,
                                   const QString &actor, ApplyCallback callback)
{
    QList<P4TableEntry> entries;
    entries.reserve(given.size());
    if (const auto state = m_switches.value(switchId)) {
        for (const P4TableEntry &entry : given)
            entries.append(canonicalEntry(state->program, entry));
    } else {
        entries = given;
    }
    const auto state = m_switches.value(switchId);
    if (!state || !m_engine->inventory().find<Switch>(switchId)) {
        callback(makeError(tr("no P4 switch \"%1\"").arg(switchId)));
        return;
    }
    const P4Program program = state->program;
    const P4TableInfo *tableInfo = table.isEmpty() ? nullptr : program.table(table);
    if (!table.isEmpty() && !tableInfo) {
        callback(makeError(tr("switch %1 has no table \"%2\"").arg(switchId, table)));
        return;
    }
    for (int i = 0; i < entries.size(); ++i) {
        if (tableInfo && program.table(entries.at(i).table) != tableInfo) {
            callback(makeError(tr("#%1: entry of table %2 in a change of table %3")
                                   .arg(i).arg(entries.at(i).table, table)));
            return;
        }
    }
    if (const auto errors = P4Validation::validateSet(program, entries); !errors.isEmpty()) {
        callback(makeError(joinErrors(errors)));
        return;
    }
    // The switch's new desired set: other tables kept, this table replaced.
    QList<P4TableEntry> previous;
    for (const P4TableEntry &entry : std::as_const(state->desired)) {
        if (!tableInfo || program.table(entry.table) == tableInfo)
            previous.append(entry);
    }
    const auto target = state->connected ? state->target : nullptr;
    QPointer<NetworkController> self(this);
    auto finish = [=](P4ApplyResult result) {
        if (!self)
            return;
        if (!dryRun) {
            const P4EntryDiff stored = diffEntries(entries, previous);
            QList<P4TableEntry> removed = stored.toDelete;
            QList<P4TableEntry> added = stored.toInsert + stored.toModify;
            self->replaceDesired(switchId, removed, added);
            self->markWritten(switchId, result.applied);
            QJsonObject details{{QStringLiteral("table"), table},
                                {QStringLiteral("inserted"), int(result.diff.toInsert.size())},
                                {QStringLiteral("modified"), int(result.diff.toModify.size())},
                                {QStringLiteral("deleted"), int(result.diff.toDelete.size())},
                                {QStringLiteral("written"), result.applied}};
            (void)self->m_engine->recordAudit(actor, QStringLiteral("p4.set_entries"), switchId, details);
            self->publish(EventTypes::NetworkEntries, switchId,
                          tr("Switch %1 %2: %3 inserted, %4 modified, %5 deleted")
                              .arg(switchId, table.isEmpty() ? tr("all tables") : table)
                              .arg(result.diff.toInsert.size())
                              .arg(result.diff.toModify.size())
                              .arg(result.diff.toDelete.size()),
                          details);
        }
        callback(result);
    };
    if (!target) {
        // Not connected: compare with the desired set; applying only stores it (written on connect).
        P4ApplyResult result;
        result.switchId = switchId;
        result.diff = diffEntries(entries, previous);
        finish(result);
        return;
    }
    QMetaObject::invokeMethod(m_ioContext, [=] {
        const qint64 startNs = steadyNowNs();
        P4ApplyResult result;
        result.switchId = switchId;
        auto installed = target->readEntries(table);
        if (!installed) {
            const QString error = installed.error();
            QMetaObject::invokeMethod(self.data(), [=] {
                callback(makeError(tr("reading switch %1 failed: %2").arg(switchId, error)));
            }, Qt::QueuedConnection);
            return;
        }
        result.diff = diffEntries(entries, *installed);
        QString error;
        if (!dryRun && !result.diff.isEmpty()) {
            const QList<P4Update> updates = updatesBetween(*installed, entries);
            if (auto written = target->write(updates, true); !written) {
                error = written.error();
                // Whatever the device did with the batch, put back what it had.
                QHash<QString, P4TableEntry> before;
                for (const P4TableEntry &entry : *installed)
                    before.insert(entry.matchKey(), entry);
                if (auto now = target->readEntries(table); now) {
                    const QList<P4Update> restore = updatesBetween(*now, *installed);
                    if (!restore.isEmpty()) {
                        if (auto back = target->write(restore, false); !back)
                            error += tr("\nrestoring the previous entries failed too: %1").arg(back.error());
                    }
                    result.rolledBack = true;
                }
            } else {
                result.applied = true;
            }
        }
        result.durationUs = (steadyNowNs() - startNs) / 1000;
        QMetaObject::invokeMethod(self.data(), [=] {
            if (!error.isEmpty()) {
                if (self) {
                    self->publish(EventTypes::NetworkEntries, switchId,
                                  tr("Switch %1 refused the change; previous entries restored: %2")
                                      .arg(switchId, error),
                                  {{QStringLiteral("error"), error}, {QStringLiteral("rolledBack"), true}}, 2);
                }
                callback(makeError(tr("switch %1 refused the change (nothing changed): %2").arg(switchId, error)));
                return;
            }
            finish(result);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

Result<QString> NetworkController::dryRunPacket(const QString &switchId, const QString &packet,
                                                const QList<P4Update> &pending) const
{
    const auto state = m_switches.value(switchId);
    if (!state)
        return makeError(tr("no P4 switch \"%1\"").arg(switchId));
    auto headers = P4PacketHeaders::parse(packet);
    if (!headers)
        return makeError(headers.error());
    P4SoftwarePipeline pipeline(state->program);
    for (const P4TableEntry &entry : std::as_const(state->desired)) {
        if (auto inserted = pipeline.insert(entry); !inserted)
            return makeError(tr("stored entry refused by the reference pipeline: %1").arg(inserted.error()));
    }
    for (int i = 0; i < pending.size(); ++i) {
        P4Update update = pending.at(i);
        update.entry = canonicalEntry(state->program, update.entry);
        const P4UpdateResult applied = pipeline.apply(update);
        if (!applied.isOk())
            return makeError(tr("pending change #%1: %2").arg(i).arg(applied.message));
    }
    const P4PacketTrace trace = pipeline.evaluate(*headers, P4EvaluationMode::DryRun);
    if (!trace.isValid)
        return makeError(trace.error);
    return trace.explanation;
}

void NetworkController::markWritten(const QString &switchId, bool written)
{
    // The switch now holds the desired set (it was written in full); otherwise unchanged.
    const auto state = m_switches.value(switchId);
    if (!state || !written || !state->connected)
        return;
    state->installed = int(state->desired.size());
    state->lastAppliedMs = QDateTime::currentMSecsSinceEpoch();
    state->lastError.clear();
}

void NetworkController::replaceDesired(const QString &switchId, const QList<P4TableEntry> &removed,
                                       const QList<P4TableEntry> &added)
{
    auto &state = m_switches[switchId];
    if (!state) {
        state = std::make_shared<SwitchState>();
        state->id = switchId;
        state->program = P4Program::reference();
    }
    QStringList removedKeys;
    for (const P4TableEntry &entry : removed) {
        const QString key = entry.matchKey();
        state->desired.remove(key);
        removedKeys.append(key);
    }
    for (const P4TableEntry &entry : added) {
        const QString key = entry.matchKey();
        state->desired.insert(key, entry);
        removedKeys.removeAll(key);
    }
    persistDesired(switchId, added, removedKeys);
}

void NetworkController::persistDesired(const QString &switchId, const QList<P4TableEntry> &upserts,
                                       const QStringList &removedKeys)
{
    IStateStore *store = m_engine->store();
    if (!store)
        return;
    const auto state = m_switches.value(switchId);
    QList<QPair<QString, QByteArray>> rows;
    rows.reserve(upserts.size());
    for (const P4TableEntry &entry : upserts)
        rows.append({entry.matchKey(), compactJson(toJson(state->program, entry))});
    if (auto written = store->writeNetworkRows(QLatin1String(KindEntry), switchId, rows, removedKeys, false); !written)
        publish(EventTypes::NetworkEntries, switchId, tr("Entries of %1 not stored: %2").arg(switchId, written.error()),
                {{QStringLiteral("error"), written.error()}}, 2);
}

void NetworkController::persistObject(const QString &kind, const QString &key, const QJsonObject &body, bool remove)
{
    IStateStore *store = m_engine->store();
    if (!store)
        return;
    const auto written = remove ? store->writeNetworkRows(kind, {}, {}, {key}, false)
                                : store->writeNetworkRows(kind, {}, {{key, compactJson(body)}}, {}, false);
    if (!written)
        qCWarning(lcNetwork) << "cannot store" << kind << key << ":" << written.error();
}

// ---- connections ------------------------------------------------------------------------------

QList<Connection> NetworkController::connections() const
{
    QList<Connection> list = m_connections.values();
    std::sort(list.begin(), list.end(), [](const Connection &a, const Connection &b) { return a.id < b.id; });
    return list;
}

Result<Connection> NetworkController::planConnection(Connection connection, const QStringList &avoid) const
{
    if (!m_graph)
        return makeError(tr("the fabric has no switches"));
    auto resolved = m_graph->resolveEndpoints(connection);
    if (!resolved)
        return makeError(resolved.error());
    connection = *resolved;
    Result<FabricPath> path = connection.pinnedPath.isEmpty() || !avoid.isEmpty()
                                  ? m_graph->shortestPath(connection.a.switchId, connection.b.switchId, avoid)
                                  : m_graph->pathThrough(connection.pinnedPath);
    if (!connection.pinnedPath.isEmpty() && avoid.isEmpty() && path) {
        if (path->switches.first() != connection.a.switchId || path->switches.last() != connection.b.switchId)
            return makeError(tr("pinned path %1 does not run from %2 to %3")
                                 .arg(path->toString(), connection.a.switchId, connection.b.switchId));
    }
    if (!path)
        return makeError(path.error());
    connection.path = path->switches;
    auto backup = m_graph->disjointBackup(*path);
    connection.backupPath = backup ? backup->switches : QStringList();
    connection.avoidedSwitches = avoid;
    return connection;
}

Result<QHash<QString, QList<P4TableEntry>>> NetworkController::compileConnection(const Connection &connection) const
{
    if (!m_graph)
        return makeError(tr("the fabric has no switches"));
    auto path = m_graph->pathThrough(connection.path);
    if (!path)
        return makeError(path.error());
    return ConnectionCompiler::compile(connection, *path, P4Program::reference());
}

void NetworkController::upsertConnection(Connection connection, bool dryRun, const QString &actor,
                                         ConnectionCallback callback)
{
    if (connection.id.trimmed().isEmpty()) {
        callback(makeError(tr("a connection needs an id")));
        return;
    }
    if (connection.flowId == 0) {
        quint32 next = 1000;
        for (const Connection &other : std::as_const(m_connections)) {
            if (other.id != connection.id)
                next = std::max(next, other.flowId + 1);
        }
        connection.flowId = m_connections.contains(connection.id) ? m_connections.value(connection.id).flowId : next;
    }
    for (const Connection &other : std::as_const(m_connections)) {
        if (other.id != connection.id && other.flowId == connection.flowId) {
            callback(makeError(tr("flow id %1 is already used by connection %2").arg(connection.flowId).arg(other.id)));
            return;
        }
    }
    if (auto valid = validateConnection(connection); !valid) {
        callback(makeError(valid.error()));
        return;
    }
    auto planned = planConnection(connection, {});
    if (!planned) {
        callback(makeError(planned.error()));
        return;
    }
    planned->updatedMs = QDateTime::currentMSecsSinceEpoch();
    auto compiled = compileConnection(*planned);
    if (!compiled) {
        callback(makeError(compiled.error()));
        return;
    }
    if (dryRun) {
        callback(*planned);
        return;
    }
    const auto before = m_connections.constFind(connection.id);
    const std::optional<Connection> previous = before != m_connections.cend() ? std::optional(*before) : std::nullopt;
    applyConnectionChange(previous ? &*previous : nullptr, &*planned, actor,
                          previous ? QStringLiteral("connection.update") : QStringLiteral("connection.create"),
                          std::move(callback));
}

void NetworkController::removeConnection(const QString &connectionId, const QString &actor, DoneCallback callback)
{
    const auto it = m_connections.constFind(connectionId);
    if (it == m_connections.cend()) {
        callback(makeError(tr("no connection \"%1\"").arg(connectionId)));
        return;
    }
    const Connection previous = *it;
    applyConnectionChange(&previous, nullptr, actor, QStringLiteral("connection.remove"),
                          [callback](const Result<Connection> &result) {
                              if (result)
                                  callback(Result<void>());
                              else
                                  callback(makeError(result.error()));
                          });
}

void NetworkController::rerouteConnection(const QString &connectionId, const QStringList &avoidSwitches,
                                          const QString &actor, ConnectionCallback callback)
{
    const auto it = m_connections.constFind(connectionId);
    if (it == m_connections.cend()) {
        callback(makeError(tr("no connection \"%1\"").arg(connectionId)));
        return;
    }
    auto planned = planConnection(*it, avoidSwitches);
    if (!planned) {
        callback(makeError(planned.error()));
        return;
    }
    planned->updatedMs = QDateTime::currentMSecsSinceEpoch();
    const Connection previous = *it;
    applyConnectionChange(&previous, &*planned, actor,
                          avoidSwitches.isEmpty() ? QStringLiteral("connection.restore_path")
                                                  : QStringLiteral("connection.reroute"),
                          std::move(callback));
}

void NetworkController::applyConnectionChange(const Connection *before, const Connection *after,
                                              const QString &actor, const QString &what,
                                              ConnectionCallback callback)
{
    QHash<QString, QList<P4TableEntry>> oldEntries;
    QHash<QString, QList<P4TableEntry>> newEntries;
    if (before) {
        if (auto compiled = compileConnection(*before))
            oldEntries = *compiled;
    }
    if (after) {
        auto compiled = compileConnection(*after);
        if (!compiled) {
            callback(makeError(compiled.error()));
            return;
        }
        newEntries = *compiled;
    }
    QSet<QString> switchIds;
    for (auto it = oldEntries.cbegin(); it != oldEntries.cend(); ++it)
        switchIds.insert(it.key());
    for (auto it = newEntries.cbegin(); it != newEntries.cend(); ++it)
        switchIds.insert(it.key());
    struct Step
    {
        QString switchId;
        std::shared_ptr<INetworkTarget> target;
        QList<P4Update> updates;
        QHash<QString, P4TableEntry> before;
    };
    QList<Step> steps;
    for (const QString &switchId : std::as_const(switchIds)) {
        const auto state = m_switches.value(switchId);
        Step step;
        step.switchId = switchId;
        // Every switch with a target gets its updates in order on the I/O thread; one not
        // connected by then is skipped and reconciled from the desired set afterwards.
        step.target = state ? state->target : nullptr;
        step.updates = updatesBetween(oldEntries.value(switchId), newEntries.value(switchId));
        for (const P4TableEntry &entry : oldEntries.value(switchId))
            step.before.insert(entry.matchKey(), entry);
        if (!step.updates.isEmpty())
            steps.append(step);
    }
    std::optional<Connection> updated = after ? std::optional(*after) : std::nullopt;
    // The callers' connections live on their stack: the queued lambdas keep copies.
    const std::optional<Connection> previous = before ? std::optional(*before) : std::nullopt;
    const QString connectionId = after ? after->id : before->id;
    QPointer<NetworkController> self(this);
    QMetaObject::invokeMethod(m_ioContext, [=] {
        QString error;
        QStringList skipped;
        int done = 0;
        for (; done < steps.size(); ++done) {
            const Step &step = steps.at(done);
            if (!step.target || !step.target->isConnected()) {
                skipped.append(step.switchId);
                continue; // written when the switch connects (reconcile)
            }
            if (auto written = step.target->write(step.updates, true); !written) {
                error = tr("switch %1: %2").arg(step.switchId, written.error());
                break;
            }
        }
        if (!error.isEmpty()) {
            // Undo the switches already changed, newest first.
            for (int i = done - 1; i >= 0; --i) {
                const Step &step = steps.at(i);
                if (step.target && !skipped.contains(step.switchId))
                    (void)step.target->write(inverseOf(step.updates, step.before), false);
            }
        }
        QMetaObject::invokeMethod(self.data(), [=] {
            if (!self)
                return;
            if (!error.isEmpty()) {
                callback(makeError(tr("connection %1 not changed, switches restored: %2").arg(connectionId, error)));
                return;
            }
            for (auto it = oldEntries.cbegin(); it != oldEntries.cend(); ++it)
                self->replaceDesired(it.key(), it.value(), {});
            for (auto it = newEntries.cbegin(); it != newEntries.cend(); ++it)
                self->replaceDesired(it.key(), {}, it.value());
            for (const Step &step : steps)
                self->markWritten(step.switchId, step.target && !skipped.contains(step.switchId));
            for (const QString &switchId : skipped)
                self->reconcileSwitch(switchId, tr("entries pending"));
            if (updated) {
                self->m_connections.insert(updated->id, *updated);
                self->persistObject(QLatin1String(KindConnection), updated->id, toJson(*updated));
            } else {
                self->m_connections.remove(connectionId);
                self->persistObject(QLatin1String(KindConnection), connectionId, {}, true);
            }
            QJsonObject details{{QStringLiteral("connection"), connectionId}};
            if (updated) {
                details.insert(QStringLiteral("path"), toJsonArray(updated->path));
                details.insert(QStringLiteral("backupPath"), toJsonArray(updated->backupPath));
                details.insert(QStringLiteral("flowId"), qint64(updated->flowId));
                details.insert(QStringLiteral("telemetry"), updated->telemetry);
            }
            if (previous)
                details.insert(QStringLiteral("fromPath"), toJsonArray(previous->path));
            // A plugin's proposals (the demo's flows) are configuration it ships, not an action:
            // the event log has them, the audit trail keeps to people and automation.
            if (!actor.startsWith(QLatin1String("plugin:")))
                (void)self->m_engine->recordAudit(actor, what, connectionId, details);
            self->publish(EventTypes::NetworkConnection, connectionId,
                          updated ? tr("Connection %1 on %2 (%3)")
                                        .arg(connectionId, updated->path.join(QStringLiteral(" → ")), what)
                                  : tr("Connection %1 removed").arg(connectionId),
                          details);
            self->publishSnapshot();
            self->updateSlaMonitor();
            callback(updated ? Result<Connection>(*updated) : Result<Connection>(*previous));
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void NetworkController::proposeIntents(const QList<Connection> &connections, const QList<SlaRule> &rules,
                                       const QString &pluginId)
{
    const QString actor = QStringLiteral("plugin:%1").arg(pluginId);
    for (const Connection &connection : connections) {
        if (m_connections.contains(connection.id))
            continue;
        upsertConnection(connection, false, actor, [connection](const Result<Connection> &result) {
            if (!result)
                qCWarning(lcNetwork) << "proposed connection" << connection.id << "refused:" << result.error();
        });
    }
    for (const SlaRule &rule : rules) {
        if (m_slaRules.contains(rule.id))
            continue;
        if (auto added = upsertSlaRule(rule, actor); !added)
            qCWarning(lcNetwork) << "proposed SLA rule" << rule.id << "refused:" << added.error();
    }
}

// ---- SLA --------------------------------------------------------------------------------------

QList<SlaRule> NetworkController::slaRules() const
{
    QList<SlaRule> list = m_slaRules.values();
    std::sort(list.begin(), list.end(), [](const SlaRule &a, const SlaRule &b) { return a.id < b.id; });
    return list;
}

Result<void> NetworkController::upsertSlaRule(const SlaRule &rule, const QString &actor)
{
    if (auto valid = validateSlaRule(rule); !valid)
        return valid;
    if (!rule.connectionId.isEmpty() && !m_connections.contains(rule.connectionId)) {
        // Proposed together with its connection: the connection may still be on its way.
        bool pending = actor.startsWith(QLatin1String("plugin:"));
        if (!pending)
            return makeError(tr("SLA rule %1: no connection \"%2\"").arg(rule.id, rule.connectionId));
    }
    m_slaRules.insert(rule.id, rule);
    persistObject(QLatin1String(KindSla), rule.id, toJson(rule));
    const QJsonObject details = toJson(rule);
    if (!actor.startsWith(QLatin1String("plugin:")))
        (void)m_engine->recordAudit(actor, QStringLiteral("sla.set"), rule.id, details);
    publish(EventTypes::NetworkSla, rule.connectionId,
            tr("SLA %1 on %2: %3 latency above %4 ms for %5 ms → %6")
                .arg(rule.id, rule.connectionId, toString(rule.metric))
                .arg(rule.thresholdMs)
                .arg(rule.persistenceMs)
                .arg(rule.reroute ? tr("reroute") : tr("event only")),
            details);
    updateSlaMonitor();
    return {};
}

Result<void> NetworkController::removeSlaRule(const QString &ruleId, const QString &actor)
{
    if (!m_slaRules.contains(ruleId))
        return makeError(tr("no SLA rule \"%1\"").arg(ruleId));
    const SlaRule rule = m_slaRules.take(ruleId);
    persistObject(QLatin1String(KindSla), ruleId, {}, true);
    (void)m_engine->recordAudit(actor, QStringLiteral("sla.remove"), ruleId, toJson(rule));
    publish(EventTypes::NetworkSla, rule.connectionId, tr("SLA %1 removed").arg(ruleId),
            {{QStringLiteral("rule"), ruleId}, {QStringLiteral("removed"), true}});
    updateSlaMonitor();
    return {};
}

QList<RerouteRecord> NetworkController::reroutes() const
{
    return m_reroutes;
}

void NetworkController::updateSlaMonitor()
{
    if (!m_slaMonitor)
        return;
    QHash<QString, quint32> flows;
    for (const Connection &connection : std::as_const(m_connections))
        flows.insert(connection.id, connection.flowId);
    m_slaMonitor->setRules(m_slaRules.values(), flows);
    publishSnapshot();
}

// ---- the closed loop --------------------------------------------------------------------------

void NetworkController::rebuildGraph()
{
    auto graph = std::make_shared<FabricGraph>(m_engine->inventory());
    // Keep the live per-hop latencies learnt from INT.
    if (m_graph) {
        for (const Switch &sw : m_engine->inventory().all<Switch>()) {
            const double latency = m_graph->switchLatencyMs(sw.id);
            if (latency > 0)
                (void)graph->setSwitchLatencyMs(sw.id, latency);
        }
    }
    m_graph = std::move(graph);
    publishSnapshot();
}

void NetworkController::publishSnapshot()
{
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->connections = m_connections;
    snapshot->graph = m_graph;
    for (const auto &state : std::as_const(m_switches)) {
        if (state->target)
            snapshot->targets.insert(state->id, state->target);
    }
    for (auto it = m_intIds.cbegin(); it != m_intIds.cend(); ++it)
        snapshot->switchOfIntId.insert(it.value(), it.key());
    for (const SlaRule &rule : std::as_const(m_slaRules)) {
        if (!rule.reroute)
            snapshot->reportOnlyRules.insert(rule.id);
    }
    std::lock_guard lock(m_snapshotMutex);
    if (m_snapshot)
        snapshot->rerouting = m_snapshot->rerouting;
    m_snapshot = std::move(snapshot);
}

void NetworkController::onWindows(const QList<IntFlowWindow> &windows)
{
    // Collector thread. Telemetry under the inventory's switch ids, then the fabric costs.
    std::shared_ptr<const Snapshot> snapshot;
    {
        std::lock_guard lock(m_snapshotMutex);
        snapshot = m_snapshot;
    }
    if (!snapshot)
        return;
    const auto name = [&snapshot](quint32 id) {
        const QString sw = snapshot->switchOfIntId.value(id);
        return sw.isEmpty() ? QString::number(id) : sw;
    };
    m_engine->pluginHost()->ingestSamples(IntCollector::toSeriesBatches(windows, name));
    QHash<QString, double> hopMs;
    for (const IntFlowWindow &window : windows) {
        const QString sw = snapshot->switchOfIntId.value(window.switchId);
        if (!sw.isEmpty() && window.count > 0)
            hopMs[sw] = std::max(hopMs.value(sw), double(window.avgNs) / 1e6);
    }
    if (hopMs.isEmpty())
        return;
    QPointer<NetworkController> self(this);
    QMetaObject::invokeMethod(this, [self, hopMs] {
        if (!self || !self->m_graph)
            return;
        auto graph = std::make_shared<FabricGraph>(*self->m_graph);
        for (auto it = hopMs.cbegin(); it != hopMs.cend(); ++it)
            (void)graph->setSwitchLatencyMs(it.key(), it.value());
        self->m_graph = std::move(graph);
        self->publishSnapshot();
    }, Qt::QueuedConnection);
}

void NetworkController::onViolation(const SlaViolation &violation)
{
    // Collector thread: plan and write from a snapshot, without waiting on the engine thread.
    std::shared_ptr<Snapshot> snapshot;
    {
        std::lock_guard lock(m_snapshotMutex);
        if (!m_snapshot || m_snapshot->rerouting.contains(violation.connectionId))
            return;
        auto marked = std::make_shared<Snapshot>(*m_snapshot);
        marked->rerouting.insert(violation.connectionId);
        m_snapshot = marked;
        snapshot = marked;
    }
    const QString offending = snapshot->switchOfIntId.value(violation.switchIntId);
    const auto it = snapshot->connections.constFind(violation.connectionId);
    QPointer<NetworkController> self(this);
    const auto release = [self, connectionId = violation.connectionId] {
        if (!self)
            return;
        std::lock_guard lock(self->m_snapshotMutex);
        if (self->m_snapshot && self->m_snapshot->rerouting.contains(connectionId)) {
            auto copy = std::make_shared<Snapshot>(*self->m_snapshot);
            copy->rerouting.remove(connectionId);
            self->m_snapshot = copy;
        }
    };
    if (it == snapshot->connections.cend() || offending.isEmpty() || !snapshot->graph) {
        release();
        return;
    }
    const Connection current = *it;
    RerouteRecord record;
    record.connectionId = current.id;
    record.flowId = violation.flowId;
    record.ruleId = violation.ruleId;
    record.avoidedSwitch = offending;
    record.fromPath = current.path;
    record.valueMs = violation.valueMs;
    record.thresholdMs = violation.thresholdMs;
    const SlaRule *rule = nullptr;
    Q_UNUSED(rule);

    auto publishFailure = [self, record](const QString &why) {
        QMetaObject::invokeMethod(self.data(), [self, record, why] {
            if (!self)
                return;
            self->publish(EventTypes::NetworkReroute, record.connectionId,
                          tr("SLA %1 violated on %2 (%3 ms > %4 ms) but flow %5 was not rerouted: %6")
                              .arg(record.ruleId, record.avoidedSwitch)
                              .arg(record.valueMs, 0, 'f', 3)
                              .arg(record.thresholdMs)
                              .arg(record.flowId)
                              .arg(why),
                          {{QStringLiteral("rule"), record.ruleId}, {QStringLiteral("error"), why}}, 2);
        }, Qt::QueuedConnection);
    };
    if (!current.path.contains(offending) || current.path.first() == offending || current.path.last() == offending) {
        release();
        if (!current.path.contains(offending))
            return; // stale postcard from the old path
        publishFailure(tr("%1 is an end switch of the connection").arg(offending));
        return;
    }
    bool reroute = true;
    {
        // The rule set is the engine thread's; its reroute flag travels in the snapshot.
        std::lock_guard lock(m_snapshotMutex);
        reroute = m_snapshot && !m_snapshot->reportOnlyRules.contains(violation.ruleId);
    }
    if (!reroute) {
        release();
        publishFailure(tr("the rule only reports"));
        return;
    }
    QStringList avoid = current.avoidedSwitches;
    if (!avoid.contains(offending))
        avoid.append(offending);
    // The disjoint backup is the prepared answer; otherwise the best path around the switch.
    Result<FabricPath> path = makeError(QString());
    if (!current.backupPath.isEmpty() && !current.backupPath.contains(offending)) {
        path = snapshot->graph->pathThrough(current.backupPath);
        for (const QString &sw : avoid) {
            if (path && path->switches.contains(sw))
                path = makeError(QString());
        }
    }
    if (!path)
        path = snapshot->graph->shortestPath(current.a.switchId, current.b.switchId, avoid);
    if (!path) {
        release();
        publishFailure(path.error());
        return;
    }
    Connection updated = current;
    updated.path = path->switches;
    updated.avoidedSwitches = avoid;
    auto backup = snapshot->graph->disjointBackup(*path);
    updated.backupPath = backup ? backup->switches : QStringList();
    updated.updatedMs = QDateTime::currentMSecsSinceEpoch();
    record.toPath = updated.path;
    auto oldPath = snapshot->graph->pathThrough(current.path);
    if (!oldPath) {
        release();
        publishFailure(oldPath.error());
        return;
    }
    auto oldEntries = ConnectionCompiler::compile(current, *oldPath, P4Program::reference());
    auto newEntries = ConnectionCompiler::compile(updated, *path, P4Program::reference());
    if (!oldEntries || !newEntries) {
        release();
        publishFailure(!oldEntries ? oldEntries.error() : newEntries.error());
        return;
    }
    const auto targets = snapshot->targets;
    const auto olds = *oldEntries;
    const auto news = *newEntries;
    QMetaObject::invokeMethod(m_ioContext, [=]() mutable {
        // New path first (make before break), then the old path's leftovers.
        QStringList order = updated.path;
        for (const QString &sw : current.path) {
            if (!order.contains(sw))
                order.append(sw);
        }
        QString error;
        for (const QString &sw : std::as_const(order)) {
            const QList<P4Update> updates = updatesBetween(olds.value(sw), news.value(sw));
            if (updates.isEmpty())
                continue;
            const auto target = targets.value(sw);
            if (!target || !target->isConnected())
                continue; // not connected: reconciled from the desired set when it is
            if (auto written = target->write(updates, true); !written) {
                error = tr("switch %1: %2").arg(sw, written.error());
                break;
            }
        }
        record.reactionMs = double(steadyNowNs() - qint64(violation.firstViolationNs)) / 1e6;
        record.atMs = QDateTime::currentMSecsSinceEpoch();
        release();
        if (!error.isEmpty()) {
            publishFailure(error);
            return;
        }
        QMetaObject::invokeMethod(self.data(), [=] {
            if (self)
                self->finishReroute(record, updated, olds, news);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void NetworkController::finishReroute(const RerouteRecord &record, const Connection &updated,
                                      const QHash<QString, QList<P4TableEntry>> &oldEntries,
                                      const QHash<QString, QList<P4TableEntry>> &newEntries)
{
    for (auto it = oldEntries.cbegin(); it != oldEntries.cend(); ++it)
        replaceDesired(it.key(), it.value(), {});
    for (auto it = newEntries.cbegin(); it != newEntries.cend(); ++it)
        replaceDesired(it.key(), {}, it.value());
    for (auto it = newEntries.cbegin(); it != newEntries.cend(); ++it)
        markWritten(it.key(), true);
    for (auto it = oldEntries.cbegin(); it != oldEntries.cend(); ++it)
        markWritten(it.key(), true);
    m_connections.insert(updated.id, updated);
    persistObject(QLatin1String(KindConnection), updated.id, toJson(updated));
    m_reroutes.append(record);
    while (m_reroutes.size() > RerouteHistoryLimit)
        m_reroutes.removeFirst();
    const QJsonObject details = toJson(record);
    persistObject(QLatin1String(KindReroute),
                  QStringLiteral("%1/%2").arg(record.atMs, 15, 10, QLatin1Char('0')).arg(record.connectionId),
                  details);
    (void)m_engine->recordAudit(QStringLiteral("automation:sla"), QStringLiteral("connection.reroute"),
                                record.connectionId, details);
    publish(EventTypes::NetworkReroute, record.connectionId,
            tr("Flow %1 (%2) rerouted off %3: %4 → %5; SLA %6 %7 ms > %8 ms; entries written %9 ms "
               "after the first violating postcard")
                .arg(record.flowId)
                .arg(record.connectionId, record.avoidedSwitch, record.fromPath.join(QLatin1Char('-')),
                     record.toPath.join(QLatin1Char('-')), record.ruleId)
                .arg(record.valueMs, 0, 'f', 3)
                .arg(record.thresholdMs)
                .arg(record.reactionMs, 0, 'f', 2),
            details, 1);
    publishSnapshot();
    updateSlaMonitor();
    Q_EMIT rerouted(record);
}

void NetworkController::publish(const char *type, const QString &subject, const QString &message,
                                const QJsonObject &payload, int severity)
{
    Event event;
    event.type = QLatin1String(type);
    event.source = QStringLiteral("network");
    event.subjectId = subject;
    event.message = message;
    event.payload = payload;
    event.payload.insert(QStringLiteral("message"), message);
    event.severity = severity >= 2 ? EventSeverity::Error : severity == 1 ? EventSeverity::Warning : EventSeverity::Info;
    m_engine->publishEvent(event);
}

QJsonObject toJson(const P4SwitchStatus &status)
{
    return {{QStringLiteral("switchId"), status.switchId},
            {QStringLiteral("name"), status.name},
            {QStringLiteral("pluginId"), status.pluginId},
            {QStringLiteral("connected"), status.connected},
            {QStringLiteral("pipeline"), status.pipeline},
            {QStringLiteral("intSwitchId"), qint64(status.intSwitchId)},
            {QStringLiteral("desiredEntries"), status.desiredEntries},
            {QStringLiteral("installedEntries"), status.installedEntries},
            {QStringLiteral("lastAppliedMs"), status.lastAppliedMs},
            {QStringLiteral("lastError"), status.lastError}};
}

QJsonObject toJson(const RerouteRecord &record)
{
    return {{QStringLiteral("connectionId"), record.connectionId},
            {QStringLiteral("flowId"), qint64(record.flowId)},
            {QStringLiteral("ruleId"), record.ruleId},
            {QStringLiteral("avoidedSwitch"), record.avoidedSwitch},
            {QStringLiteral("fromPath"), toJsonArray(record.fromPath)},
            {QStringLiteral("toPath"), toJsonArray(record.toPath)},
            {QStringLiteral("valueMs"), record.valueMs},
            {QStringLiteral("thresholdMs"), record.thresholdMs},
            {QStringLiteral("reactionMs"), record.reactionMs},
            {QStringLiteral("atMs"), record.atMs}};
}

} // namespace Continuo
