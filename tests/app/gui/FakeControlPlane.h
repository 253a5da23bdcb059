#pragma once

// A control plane for GUI tests: a hand-filled inventory, a real TimeSeriesStore behind the
// telemetry calls, and alerts and silences the test sets. Answers asynchronously, like the
// real ones do.

#include "control/IControlPlane.h"
#include "network/NetworkTypes.h"
#include "orchestration/PlacementModel.h"
#include "orchestration/PlacementPlanner.h"
#include "orchestration/Placer.h"
#include "orchestration/ResourceQuery.h"
#include "telemetry/TelemetryQuery.h"
#include "telemetry/TimeSeriesStore.h"

#include <QDateTime>
#include <QTest>
#include <QTimer>

#include <algorithm>

namespace Continuo::Testing {

class FakeControlPlane : public IControlPlane
{
public:
    QString endpoint() const override { return QStringLiteral("fake"); }
    ConnectionState connectionState() const override { return ConnectionState::Connected; }
    QString connectionError() const override { return {}; }
    void open() override {}
    void close() override {}
    const Inventory &inventory() const override { return m_inventory; }
    EngineStatus status() const override { return {}; }
    QList<Event> recentEvents() const override { return {}; }

    int subscribeTelemetry(const QList<SeriesMatcher> &matchers) override
    {
        m_subscriptions.append(matchers);
        return int(m_subscriptions.size());
    }
    void unsubscribeTelemetry(int subscriptionId) override
    {
        if (subscriptionId > 0 && subscriptionId <= m_subscriptions.size())
            m_subscriptions[subscriptionId - 1].clear();
    }
    void queryRange(const QString &seriesKey, qint64 fromMs, qint64 toMs, QObject *context,
                    std::function<void(const Result<QList<Sample>> &)> callback) override
    {
        QList<Sample> samples;
        if (const auto parsed = SeriesMatcher::parse(seriesKey)) {
            if (const auto id = m_store.find(parsed->metric, parsed->labels))
                samples = m_store.read(*id, fromMs, toMs);
        }
        answer(context, std::move(callback), Result<QList<Sample>>(samples));
    }
    void listSeries(const QString &selector, int limit, QObject *context,
                    std::function<void(const Result<SeriesListing> &)> callback) override
    {
        ++listSeriesCalls;
        auto ids = m_store.select(selector);
        if (!ids)
            return answer(context, std::move(callback), Result<SeriesListing>(makeError(ids.error())));
        SeriesListing listing;
        for (SeriesId id : *ids)
            listing.series.append(SeriesBatch{m_store.metric(id), m_store.labels(id), {}});
        std::sort(listing.series.begin(), listing.series.end(),
                  [](const SeriesBatch &a, const SeriesBatch &b) { return a.key() < b.key(); });
        if (limit >= 0 && listing.series.size() > limit) {
            listing.series.resize(limit);
            listing.truncated = true;
        }
        answer(context, std::move(callback), Result<SeriesListing>(listing));
    }
    void queryChart(const QString &selector, qint64 fromMs, qint64 toMs, int columnBudget, QObject *context,
                    std::function<void(const Result<QList<DownsampledSeries>> &)> callback) override
    {
        ++queryChartCalls;
        lastColumnBudget = columnBudget;
        answer(context, std::move(callback), TelemetryQuery(m_store).downsample(selector, fromMs, toMs, columnBudget));
    }
    void evaluateQuery(const RangeQuery &query, QObject *context,
                       std::function<void(const Result<QueryResult> &)> callback) override
    {
        answer(context, std::move(callback), TelemetryQuery(m_store).evaluate(query));
    }

    QList<Alert> activeAlerts() const override
    {
        QList<Alert> active;
        for (const Alert &alert : m_alerts) {
            if (alert.isActive())
                active.append(alert);
        }
        return active;
    }
    QList<Silence> silences() const override { return m_silences; }
    void alertHistory(qint64 fromMs, int limit, QObject *context,
                      std::function<void(const Result<QList<Alert>> &)> callback) override
    {
        QList<Alert> history;
        for (const Alert &alert : m_alerts) {
            // Like the engine: a pending alert that never fired leaves no history.
            const bool cancelled = alert.state == AlertState::Resolved && alert.firedAtMs == 0;
            if (alert.startedAtMs >= fromMs && !cancelled)
                history.append(alert);
        }
        std::sort(history.begin(), history.end(),
                  [](const Alert &a, const Alert &b) { return a.startedAtMs > b.startedAtMs; });
        if (history.size() > limit)
            history.resize(limit);
        answer(context, std::move(callback), Result<QList<Alert>>(history));
    }
    void acknowledgeAlert(const QString &alertId, QObject *context,
                          std::function<void(const Result<Alert> &)> callback) override
    {
        for (Alert &alert : m_alerts) {
            if (alert.id != alertId)
                continue;
            alert.acknowledgedBy = QStringLiteral("console:test");
            alert.acknowledgedAtMs = QDateTime::currentMSecsSinceEpoch();
            alert.updatedAtMs = alert.acknowledgedAtMs;
            Q_EMIT alertChanged(alert);
            return answer(context, std::move(callback), Result<Alert>(alert));
        }
        answer(context, std::move(callback), Result<Alert>(makeError(QStringLiteral("no alert %1").arg(alertId))));
    }
    void addSilence(const Labels &matchers, const QString &comment, qint64 untilMs, QObject *context,
                    std::function<void(const Result<Silence> &)> callback) override
    {
        Silence silence;
        silence.id = QStringLiteral("silence-%1").arg(m_silences.size() + 1);
        silence.matchers = matchers;
        silence.comment = comment;
        silence.createdBy = QStringLiteral("console:test");
        silence.createdAtMs = QDateTime::currentMSecsSinceEpoch();
        silence.startsAtMs = silence.createdAtMs;
        silence.endsAtMs = untilMs;
        if (auto valid = silence.validate(); !valid)
            return answer(context, std::move(callback), Result<Silence>(makeError(valid.error())));
        m_silences.append(silence);
        Q_EMIT silenceChanged(silence);
        for (Alert &alert : m_alerts) {
            if (alert.isActive() && silence.matches(alert.labels)) {
                alert.silencedBy = silence.id;
                Q_EMIT alertChanged(alert);
            }
        }
        answer(context, std::move(callback), Result<Silence>(silence));
    }
    void expireSilence(const QString &silenceId, QObject *context,
                       std::function<void(const Result<Silence> &)> callback) override
    {
        for (qsizetype i = 0; i < m_silences.size(); ++i) {
            if (m_silences.at(i).id != silenceId)
                continue;
            Silence silence = m_silences.takeAt(i);
            silence.expiredBy = QStringLiteral("console:test");
            silence.endsAtMs = QDateTime::currentMSecsSinceEpoch();
            Q_EMIT silenceChanged(silence);
            return answer(context, std::move(callback), Result<Silence>(silence));
        }
        answer(context, std::move(callback), Result<Silence>(makeError(QStringLiteral("no silence %1").arg(silenceId))));
    }
    void alertRules(QObject *context, std::function<void(const Result<QList<AlertRule>> &)> callback) override
    {
        answer(context, std::move(callback), Result<QList<AlertRule>>(m_rules));
    }
    void setAlertRules(const QList<AlertRule> &rules, QObject *context, ResultCallback callback) override
    {
        m_rules = rules;
        answer(context, std::move(callback), Result<void>());
    }
    void setNodeState(const QString &, NodeState, const QString &, QObject *context,
                      std::function<void(const Result<Node> &)> callback) override
    {
        answer(context, std::move(callback), Result<Node>(makeError(QStringLiteral("not supported"))));
    }

    // Placement runs the real Placer and planner on the hand-filled inventory.
    QList<Workload> workloads() const override { return m_workloads; }
    QList<Deployment> deployments() const override { return m_deployments; }
    void submitWorkloads(const QList<Workload> &intents, bool dryRun, QObject *context,
                         std::function<void(const Result<SubmitResult> &)> callback) override
    {
        ++submitCalls;
        SubmitResult result;
        result.dryRun = dryRun;
        PlacementModel model = PlacementModel::build(m_inventory.snapshot());
        for (Workload workload : intents) {
            workload.id = QStringLiteral("wl-%1").arg(m_workloads.size() + result.workloads.size() + 1);
            PlacementOptions options;
            options.explain = true;
            const PlacementExplanation explanation = m_placer.place(model, workload, options);
            result.explanations.append(explanation);
            result.workloads.append(workload);
            if (dryRun || !explanation.placed)
                continue;
            setWorkload(workload);
            for (const PlacementDecision &decision : explanation.decisions) {
                Deployment deployment;
                deployment.id = QStringLiteral("dep-%1").arg(m_deployments.size() + 1);
                deployment.workloadId = workload.id;
                deployment.replica = decision.replica;
                deployment.nodeId = decision.nodeId;
                deployment.clusterId = decision.clusterId;
                deployment.state = DeploymentState::Scheduled;
                setDeployment(deployment);
                result.deployments.append(deployment);
            }
        }
        answer(context, std::move(callback), Result<SubmitResult>(result));
    }
    void explainPlacement(const Workload &intent, QObject *context,
                          std::function<void(const Result<PlacementExplanation> &)> callback) override
    {
        ++explainCalls;
        lastExplained = intent;
        PlacementModel model = PlacementModel::build(m_inventory.snapshot());
        PlacementOptions options;
        options.explain = true;
        options.commit = false;
        answer(context, std::move(callback),
               Result<PlacementExplanation>(m_placer.place(model, intent, options)));
    }
    void explainWorkload(const QString &workloadId, QObject *context,
                         std::function<void(const Result<PlacementExplanation> &)> callback) override
    {
        for (const Workload &workload : std::as_const(m_workloads)) {
            if (workload.id == workloadId)
                return explainPlacement(workload, context, std::move(callback));
        }
        answer(context, std::move(callback),
               Result<PlacementExplanation>(makeError(QStringLiteral("no workload %1").arg(workloadId))));
    }
    void whatIf(const QList<WhatIfChange> &changes, const QList<Workload> &newIntents, QObject *context,
                std::function<void(const Result<WhatIfResult> &)> callback) override
    {
        ++whatIfCalls;
        lastWhatIf = changes;
        QHash<QString, Workload> workloads;
        for (const Workload &workload : std::as_const(m_workloads))
            workloads.insert(workload.id, workload);
        const PlacementModel model =
            PlacementPlanner::buildModel(m_inventory.snapshot(), m_deployments, workloads);
        answer(context, std::move(callback),
               Result<WhatIfResult>(PlacementPlanner::whatIf(model, m_placer, m_deployments, workloads,
                                                             changes, newIntents)));
    }
    void reoptimize(const ReoptimizeOptions &, bool, QObject *context,
                    std::function<void(const Result<QList<PlannedMove>> &)> callback) override
    {
        answer(context, std::move(callback), Result<QList<PlannedMove>>(QList<PlannedMove>{}));
    }
    void terminateWorkload(const QString &workloadId, QObject *context, ResultCallback callback) override
    {
        terminated.append(workloadId);
        answer(context, std::move(callback), Result<void>());
    }
    void pinDeployment(const QString &deploymentId, const QString &nodeId, bool force, QObject *context,
                       std::function<void(const Result<PlannedMove> &)> callback) override
    {
        pins.append({deploymentId, nodeId, force});
        PlannedMove move;
        move.deploymentId = deploymentId;
        move.toNodeId = nodeId;
        answer(context, std::move(callback), Result<PlannedMove>(move));
    }
    void findResources(const QString &query, int limit, QObject *context,
                       std::function<void(const Result<QList<ResourceMatch>> &)> callback) override
    {
        auto parsed = ResourceQuery::parse(query);
        if (!parsed)
            return answer(context, std::move(callback), Result<QList<ResourceMatch>>(makeError(parsed.error())));
        const PlacementModel model = PlacementModel::build(m_inventory.snapshot());
        answer(context, std::move(callback),
               Result<QList<ResourceMatch>>(Continuo::findResources(model, *parsed, {}, limit)));
    }

    void listBackendObjects(const QString &clusterId, const QString &kind, QObject *context,
                            std::function<void(const Result<QList<BackendObject>> &)> callback) override
    {
        QList<BackendObject> objects;
        for (const BackendObject &object : std::as_const(m_backendObjects)) {
            if ((clusterId.isEmpty() || object.clusterId == clusterId)
                && (kind.isEmpty() || object.kind == kind))
                objects.append(object);
        }
        answer(context, std::move(callback), Result<QList<BackendObject>>(objects));
    }

    void invokeBackendAction(const QString &objectId, const QString &action,
                             const QVariantMap &arguments, QObject *context,
                             ResultCallback callback) override
    {
        const auto it = std::find_if(m_backendObjects.cbegin(), m_backendObjects.cend(),
                                     [&](const BackendObject &o) { return o.id == objectId; });
        if (it == m_backendObjects.cend() || !it->actions.contains(action))
            return answer(context, std::move(callback),
                          Result<void>(makeError(QStringLiteral("no action %1 on %2").arg(action, objectId))));
        m_invokedActions.append({objectId, action, arguments});
        answer(context, std::move(callback), Result<void>());
    }

    void backendObjectLog(const QString &objectId, qint64 maxBytes, QObject *context,
                          std::function<void(const Result<QString> &)> callback) override
    {
        if (!m_backendLogs.contains(objectId))
            return answer(context, std::move(callback),
                          Result<QString>(makeError(QStringLiteral("%1 keeps no output").arg(objectId))));
        answer(context, std::move(callback), Result<QString>(m_backendLogs.value(objectId).left(maxBytes)));
    }

    // P4 network (issue 7): whatever the test set, with every call recorded.
    void p4Switches(QObject *context,
                    std::function<void(const Result<QList<P4SwitchStatus>> &)> callback) override
    {
        answer(context, std::move(callback), Result<QList<P4SwitchStatus>>(m_p4Switches));
    }
    void p4Program(const QString &switchId, QObject *context,
                   std::function<void(const Result<P4Program> &)> callback) override
    {
        p4ProgramCalls.append(switchId);
        if (m_p4Program.isNull())
            return answer(context, std::move(callback),
                          Result<P4Program>(makeError(QStringLiteral("%1 runs no program").arg(switchId))));
        answer(context, std::move(callback), Result<P4Program>(m_p4Program));
    }
    void p4Entries(const QString &switchId, const QString &table, bool withCounters, QObject *context,
                   std::function<void(const Result<QList<P4EntryStatus>> &)> callback) override
    {
        p4EntriesCalls.append({switchId, table, withCounters});
        QList<P4EntryStatus> entries;
        for (P4EntryStatus status : m_p4Entries.value(switchId)) {
            if (!table.isEmpty() && !sameTable(status.entry.table, table))
                continue;
            if (!withCounters) {
                status.hasCounters = false;
                status.counters = {};
            }
            entries.append(status);
        }
        answer(context, std::move(callback), Result<QList<P4EntryStatus>>(entries));
    }
    void setP4Entries(const QString &switchId, const QString &table, const QList<P4TableEntry> &entries,
                      bool dryRun, QObject *context,
                      std::function<void(const Result<P4ApplyResult> &)> callback) override
    {
        setP4EntriesCalls.append({switchId, table, entries, dryRun});
        if (!m_setP4EntriesError.isEmpty())
            return answer(context, std::move(callback), Result<P4ApplyResult>(makeError(m_setP4EntriesError)));
        QList<P4TableEntry> installed;
        for (const P4EntryStatus &status : m_p4Entries.value(switchId)) {
            if (table.isEmpty() || sameTable(status.entry.table, table))
                installed.append(status.entry);
        }
        P4ApplyResult result;
        result.switchId = switchId;
        result.diff = diffEntries(entries, installed);
        result.applied = !dryRun;
        if (!dryRun) {
            QList<P4EntryStatus> kept;
            for (const P4EntryStatus &status : m_p4Entries.value(switchId)) {
                if (!table.isEmpty() && !sameTable(status.entry.table, table))
                    kept.append(status);
            }
            for (const P4TableEntry &entry : entries)
                kept.append(P4EntryStatus{entry, true, true, false, {}});
            m_p4Entries.insert(switchId, kept);
        }
        answer(context, std::move(callback), Result<P4ApplyResult>(result));
    }
    void dryRunP4Packet(const QString &switchId, const QString &packet, const QList<P4Update> &pending,
                        QObject *context, std::function<void(const Result<QString> &)> callback) override
    {
        dryRunCalls.append({switchId, packet, pending});
        if (m_dryRunTrace.isEmpty())
            return answer(context, std::move(callback), Result<QString>(makeError(QStringLiteral("no trace set"))));
        answer(context, std::move(callback), Result<QString>(m_dryRunTrace));
    }
    void connections(QObject *context, std::function<void(const Result<QList<Connection>> &)> callback) override
    {
        answer(context, std::move(callback), Result<QList<Connection>>(m_connectionsList));
    }
    void upsertConnection(const Connection &connection, bool dryRun, QObject *context,
                          std::function<void(const Result<Connection> &)> callback) override
    {
        upsertConnectionCalls.append({connection, dryRun});
        if (const auto valid = validateConnection(connection); !valid)
            return answer(context, std::move(callback), Result<Connection>(makeError(valid.error())));
        Connection result = connection;
        if (result.id.isEmpty())
            result.id = QStringLiteral("conn-%1").arg(m_connectionsList.size() + 1);
        if (result.flowId == 0)
            result.flowId = quint32(100 + m_connectionsList.size());
        if (result.path.isEmpty())
            result.path = result.pinnedPath.isEmpty() ? m_computedPath : result.pinnedPath;
        if (!dryRun) {
            setConnection(result);
            emitNetworkEvent(QLatin1String(EventTypes::NetworkConnection), result.id);
        }
        answer(context, std::move(callback), Result<Connection>(result));
    }
    void removeConnection(const QString &connectionId, QObject *context, ResultCallback callback) override
    {
        removedConnections.append(connectionId);
        const auto removed = m_connectionsList.removeIf([&](const Connection &c) { return c.id == connectionId; });
        if (removed == 0)
            return answer(context, std::move(callback),
                          Result<void>(makeError(QStringLiteral("no connection %1").arg(connectionId))));
        emitNetworkEvent(QLatin1String(EventTypes::NetworkConnection), connectionId);
        answer(context, std::move(callback), Result<void>());
    }
    void rerouteConnection(const QString &connectionId, const QStringList &avoidSwitches, QObject *context,
                           std::function<void(const Result<Connection> &)> callback) override
    {
        rerouteCalls.append({connectionId, avoidSwitches});
        for (Connection &connection : m_connectionsList) {
            if (connection.id != connectionId)
                continue;
            connection.avoidedSwitches = avoidSwitches;
            return answer(context, std::move(callback), Result<Connection>(connection));
        }
        answer(context, std::move(callback),
               Result<Connection>(makeError(QStringLiteral("no connection %1").arg(connectionId))));
    }
    void slaRules(QObject *context, std::function<void(const Result<QList<SlaRule>> &)> callback) override
    {
        answer(context, std::move(callback), Result<QList<SlaRule>>(m_slaRules));
    }
    void upsertSlaRule(const SlaRule &rule, QObject *context, ResultCallback callback) override
    {
        upsertedSlaRules.append(rule);
        if (const auto valid = validateSlaRule(rule); !valid)
            return answer(context, std::move(callback), Result<void>(makeError(valid.error())));
        SlaRule stored = rule;
        if (stored.id.isEmpty())
            stored.id = QStringLiteral("sla-%1").arg(m_slaRules.size() + 1);
        const auto it = std::find_if(m_slaRules.begin(), m_slaRules.end(),
                                     [&](const SlaRule &r) { return r.id == stored.id; });
        if (it == m_slaRules.end())
            m_slaRules.append(stored);
        else
            *it = stored;
        emitNetworkEvent(QLatin1String(EventTypes::NetworkSla), stored.id);
        answer(context, std::move(callback), Result<void>());
    }
    void removeSlaRule(const QString &ruleId, QObject *context, ResultCallback callback) override
    {
        removedSlaRules.append(ruleId);
        m_slaRules.removeIf([&](const SlaRule &r) { return r.id == ruleId; });
        emitNetworkEvent(QLatin1String(EventTypes::NetworkSla), ruleId);
        answer(context, std::move(callback), Result<void>());
    }
    void reroutes(QObject *context, std::function<void(const Result<QList<RerouteRecord>> &)> callback) override
    {
        answer(context, std::move(callback), Result<QList<RerouteRecord>>(m_reroutes));
    }

    // --- what tests drive ----------------------------------------------------------------

    struct InvokedAction
    {
        QString objectId;
        QString action;
        QVariantMap arguments;
    };
    void setBackendObjects(const QList<BackendObject> &objects) { m_backendObjects = objects; }
    void setBackendLog(const QString &objectId, const QString &text) { m_backendLogs.insert(objectId, text); }
    const QList<InvokedAction> &invokedActions() const { return m_invokedActions; }

    /// Insert or replace a deployment (by id) and tell watchers.
    void setDeployment(const Deployment &deployment)
    {
        const auto it = std::find_if(m_deployments.begin(), m_deployments.end(),
                                     [&](const Deployment &d) { return d.id == deployment.id; });
        if (it == m_deployments.end())
            m_deployments.append(deployment);
        else
            *it = deployment;
        Q_EMIT deploymentChanged(deployment);
    }
    void setWorkload(const Workload &workload)
    {
        const auto it = std::find_if(m_workloads.begin(), m_workloads.end(),
                                     [&](const Workload &w) { return w.id == workload.id; });
        if (it == m_workloads.end())
            m_workloads.append(workload);
        else
            *it = workload;
        Q_EMIT workloadChanged(workload);
    }
    struct Pin
    {
        QString deploymentId;
        QString nodeId;
        bool force = false;
    };
    QList<Pin> pins;
    QStringList terminated;
    QList<WhatIfChange> lastWhatIf;
    Workload lastExplained;
    int submitCalls = 0;
    int explainCalls = 0;
    int whatIfCalls = 0;

    void apply(const InventoryChangeSet &changes)
    {
        auto deltas = m_inventory.apply(changes);
        QVERIFY2(deltas.hasValue(), qPrintable(deltas.error()));
        Q_EMIT inventoryChanged(*deltas);
    }
    int subscriptionFor(const QString &metric) const
    {
        for (int i = 0; i < m_subscriptions.size(); ++i) {
            if (!m_subscriptions.at(i).isEmpty() && m_subscriptions.at(i).first().metric == metric)
                return i + 1;
        }
        return 0;
    }
    void emitSamples(int id, const QList<SeriesBatch> &batches) { Q_EMIT samplesReceived(id, batches); }
    /// Store samples and hand them to every subscription that matches, like the engine does.
    void publish(const QList<SeriesBatch> &batches)
    {
        m_store.ingest(batches);
        for (int i = 0; i < m_subscriptions.size(); ++i) {
            QList<SeriesBatch> matching;
            for (const SeriesBatch &batch : batches) {
                if (std::any_of(m_subscriptions.at(i).cbegin(), m_subscriptions.at(i).cend(),
                                [&batch](const SeriesMatcher &matcher) { return matcher.matches(batch); }))
                    matching.append(batch);
            }
            if (!matching.isEmpty())
                Q_EMIT samplesReceived(i + 1, matching);
        }
    }
    /// Insert or replace an alert (by id) and tell watchers.
    void setAlert(const Alert &alert)
    {
        const auto it = std::find_if(m_alerts.begin(), m_alerts.end(), [&](const Alert &a) { return a.id == alert.id; });
        if (it == m_alerts.end())
            m_alerts.append(alert);
        else
            *it = alert;
        Q_EMIT alertChanged(alert);
    }
    const Alert *alert(const QString &id) const
    {
        const auto it = std::find_if(m_alerts.cbegin(), m_alerts.cend(), [&](const Alert &a) { return a.id == id; });
        return it == m_alerts.cend() ? nullptr : &*it;
    }
    // P4 network state the test sets, and the calls the console made.
    struct P4EntriesCall
    {
        QString switchId;
        QString table;
        bool withCounters = false;
    };
    struct SetP4EntriesCall
    {
        QString switchId;
        QString table;
        QList<P4TableEntry> entries;
        bool dryRun = false;
    };
    struct DryRunCall
    {
        QString switchId;
        QString packet;
        QList<P4Update> pending;
    };
    struct UpsertConnectionCall
    {
        Connection connection;
        bool dryRun = false;
    };
    struct RerouteCall
    {
        QString connectionId;
        QStringList avoid;
    };
    void setP4Switches(const QList<P4SwitchStatus> &switches) { m_p4Switches = switches; }
    void setP4Program(const P4Program &program) { m_p4Program = program; }
    void setSwitchEntries(const QString &switchId, const QList<P4EntryStatus> &entries) { m_p4Entries.insert(switchId, entries); }
    QList<P4EntryStatus> switchEntries(const QString &switchId) const { return m_p4Entries.value(switchId); }
    void setSetP4EntriesError(const QString &error) { m_setP4EntriesError = error; }
    void setDryRunTrace(const QString &trace) { m_dryRunTrace = trace; }
    /// The path upsertConnection gives a connection without one.
    void setComputedPath(const QStringList &path) { m_computedPath = path; }
    void setConnection(const Connection &connection)
    {
        const auto it = std::find_if(m_connectionsList.begin(), m_connectionsList.end(),
                                     [&](const Connection &c) { return c.id == connection.id; });
        if (it == m_connectionsList.end())
            m_connectionsList.append(connection);
        else
            *it = connection;
    }
    QList<Connection> connectionList() const { return m_connectionsList; }
    void setSlaRules(const QList<SlaRule> &rules) { m_slaRules = rules; }
    QList<SlaRule> slaRuleList() const { return m_slaRules; }
    void setReroutes(const QList<RerouteRecord> &records) { m_reroutes = records; }
    /// Emit one event the way the engine reports a network change.
    void emitNetworkEvent(const QString &type, const QString &subjectId, const QJsonObject &payload = {})
    {
        Event event;
        event.sequence = ++m_eventSequence;
        event.type = type;
        event.timestampMs = QDateTime::currentMSecsSinceEpoch();
        event.source = QStringLiteral("engine");
        event.subjectId = subjectId;
        event.payload = payload;
        Q_EMIT eventsReceived({event});
    }
    QStringList p4ProgramCalls;
    QList<P4EntriesCall> p4EntriesCalls;
    QList<SetP4EntriesCall> setP4EntriesCalls;
    QList<DryRunCall> dryRunCalls;
    QList<UpsertConnectionCall> upsertConnectionCalls;
    QStringList removedConnections;
    QList<RerouteCall> rerouteCalls;
    QList<SlaRule> upsertedSlaRules;
    QStringList removedSlaRules;

    TimeSeriesStore &store() { return m_store; }

    int listSeriesCalls = 0;
    int queryChartCalls = 0;
    int lastColumnBudget = 0;

private:
    QList<BackendObject> m_backendObjects;
    QList<InvokedAction> m_invokedActions;
    QHash<QString, QString> m_backendLogs;
    /// Tables are named by full name or alias.
    bool sameTable(const QString &a, const QString &b) const
    {
        const P4TableInfo *ta = m_p4Program.isNull() ? nullptr : m_p4Program.table(a);
        return ta ? ta == m_p4Program.table(b) : a == b;
    }
    template<typename T, typename Callback>
    void answer(QObject *context, Callback callback, T result)
    {
        QTimer::singleShot(0, context ? context : this,
                           [callback = std::move(callback), result = std::move(result)] { callback(result); });
    }

    Inventory m_inventory;
    QList<QList<SeriesMatcher>> m_subscriptions;
    TimeSeriesStore m_store;
    QList<Alert> m_alerts;
    QList<Silence> m_silences;
    QList<AlertRule> m_rules;
    QList<Workload> m_workloads;
    QList<Deployment> m_deployments;
    Placer m_placer;
    QList<P4SwitchStatus> m_p4Switches;
    P4Program m_p4Program;
    QHash<QString, QList<P4EntryStatus>> m_p4Entries;
    QString m_setP4EntriesError;
    QString m_dryRunTrace;
    QStringList m_computedPath;
    QList<Connection> m_connectionsList;
    QList<SlaRule> m_slaRules;
    QList<RerouteRecord> m_reroutes;
    qint64 m_eventSequence = 0;
};

} // namespace Continuo::Testing
