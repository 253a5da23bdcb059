// continuoctl: drive a `continuo --daemon` from the command line or from scripts.
//
//   continuoctl --server HOST:PORT [--json] COMMAND [ARGS]
//
// Exit codes: 0 success, 1 the server failed or could not be reached, 2 usage error.

#include "anomaly/AlertRule.h"
#include "api/ProtoConvert.h"
#include "model/ModelJson.h"
#include "network/NetworkModel.h"
#include "network/NetworkTypes.h"
#include "network/P4Entry.h"
#include "orchestration/IntentYaml.h"

#include "continuo/v1/continuo.grpc.pb.h"
#include "continuo/v1/federation.grpc.pb.h"

#include <grpcpp/grpcpp.h>
#include <yaml-cpp/yaml.h>

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>
#include <cstdio>
#include <optional>

namespace v1 = ::continuo::v1;
using namespace Continuo;

namespace {

constexpr int ExitOk = 0;
constexpr int ExitServerError = 1;
constexpr int ExitUsage = 2;
constexpr auto DefaultServer = "127.0.0.1:7443";

const char *const Usage =
    "usage: continuoctl [--server HOST:PORT] [--json] COMMAND\n"
    "commands:\n"
    "  status                          engine state, inventory size, plugins\n"
    "  nodes                           the nodes of the continuum\n"
    "  events [--follow] [--type PREFIX] [--limit N]\n"
    "                                  kept events (and new ones with --follow)\n"
    "  watch SERIES                    live samples of the series matching SERIES\n"
    "                                  (metric, metric{label=\"value\"} or {label=\"value\"})\n"
    "  drain NODE [--reason R]         set a node draining (audited)\n"
    "  uncordon NODE [--reason R]      set a node ready again (audited)\n"
    "  plugins                         loaded plugins and their state\n"
    "  audit [--limit N]               the audit log of operator actions\n"
    "  agents                          agents registered with this (central) daemon\n"
    "  stream AGENT SERIES [--seconds N]\n"
    "                                  have AGENT forward SERIES at full rate for N s\n"
    "                                  (default 60; 0: until closed)\n"
    "  stream AGENT --close ID         end stream (or rate rule) ID early\n"
    "  series SELECTOR [--limit N]     series matching a selector (=, !=, =~, !~ matchers)\n"
    "  query SELECTOR [--range D [--step D]] [--at TIME] [--lookback D]\n"
    "        [--rate D | --increase D] [--sum-by L,.. | --avg-by | --min-by | --max-by |\n"
    "        --count-by L,.. | --quantile-by PHI:L,..] [--without]\n"
    "                                  the newest value (instant) or a range at each step\n"
    "                                  (D: 30s, 5m, 1h, 1d; TIME: ms since epoch or ISO 8601;\n"
    "                                  --without groups by every label but L,..)\n"
    "  alerts [--history D] [--limit N]\n"
    "                                  active alerts (with --history: all that started\n"
    "                                  within D, newest first)\n"
    "  ack ALERT                       acknowledge an alert (audited)\n"
    "  silence add LABEL=VALUE... --comment TEXT --for D\n"
    "                                  mute matching alerts for D (audited)\n"
    "  silence list                    silences that have not ended\n"
    "  silence expire SILENCE          end a silence now (audited)\n"
    "  rules                           the alert rules in force\n"
    "  rules set -f FILE               replace the alert rules with FILE's (audited, kept\n"
    "                                  across restarts): a YAML list of {id, expr,\n"
    "                                  severity, description, grouping, remediations}\n"
    "  place -f FILE [--dry-run]       submit the intents of FILE (Continuo YAML or Kubernetes\n"
    "                                  manifests): where each replica goes, top candidates,\n"
    "                                  rejections by filter and what would make it fit\n"
    "  find QUERY [--limit N] [--agents]\n"
    "                                  nodes matching a discovery query, e.g. 'free_memory\n"
    "                                  between 8GiB and 64GiB and gpu.model = \"NVIDIA A100\"'\n"
    "  workloads                       submitted workloads\n"
    "  deployments [WORKLOAD]          deployments (of one workload) and their state\n"
    "  explain WORKLOAD | -f FILE      why a workload (or FILE's intents) goes where it goes\n"
    "  whatif [--drain NODE] [--fail-node NODE] [--fail-link LINK] [--fail-site SITE]\n"
    "         [--add-load NODE:CPU] [-f FILE]\n"
    "                                  what would move under hypothetical changes (repeatable)\n"
    "  reoptimize [--node N]... [--evacuate] [--budget N] [--dry-run]\n"
    "                                  move deployments to better places (audited)\n"
    "  terminate WORKLOAD              terminate every deployment of a workload (audited)\n"
    "  pin DEPLOYMENT NODE [--force]   move a deployment to NODE (audited)\n"
    "  backends [--cluster C] [--kind K]\n"
    "                                  Slurm jobs and partitions and libvirt domains the\n"
    "                                  backend plugins know, with state and instantiation phases\n"
    "  jobs | partitions | vms [--cluster C]\n"
    "                                  the same, one kind only\n"
    "  action OBJECT ACTION [KEY=VALUE]...\n"
    "                                  act on a backend object (audited): cancel a job;\n"
    "                                  start, shutdown, destroy, suspend, resume, undefine a VM;\n"
    "                                  migrate a VM with targetNode=NODE\n"
    "  logs OBJECT [--bytes N]         a job's output or a VM's serial console (default 1 MiB)\n"
    "  p4 switches                     the P4 switches, their pipeline, entries and state\n"
    "  p4 entries SWITCH [--table T] [--counters]\n"
    "                                  desired and installed entries (installed, pending,\n"
    "                                  stray), with direct counters read from the switch\n"
    "  p4 apply SWITCH --table T [--dry-run] FILE|-\n"
    "                                  make FILE's entries the content of table T (audited):\n"
    "                                  one entry a line, '#' comments, e.g.\n"
    "                                    table0 hdr.ipv4.dst_addr=10.0.0.2&&&255.255.255.255\n"
    "                                    priority=10 action=set_egress_port(port=2)\n"
    "                                  validated, diffed, written in one atomic batch (restored\n"
    "                                  on failure); --dry-run shows the diff only;\n"
    "                                  --all-tables instead of --table replaces every table\n"
    "  p4 dry-run SWITCH PACKET        which entries a packet hits and what they do, e.g.\n"
    "                                  'in_port=1 ip_src=10.1.0.11 ip_dst=10.2.0.21 proto=17 dport=9250'\n"
    "  connections                     connections through the fabric and their paths\n"
    "  connection add FILE.json [--dry-run]\n"
    "                                  create or change a connection (audited): path computed\n"
    "                                  (or pinnedPath checked), entries on every switch of it\n"
    "  connection rm ID                remove a connection and its entries (audited)\n"
    "  connection reroute ID --avoid S[,S...]\n"
    "                                  move a connection off switches (audited)\n"
    "  connection restore ID           back to its pinned or shortest path (audited)\n"
    "  sla                             SLA rules on the flows' INT latency\n"
    "  sla set FILE.json               create or change an SLA rule (audited): {id,\n"
    "                                  connectionId, metric avg|max, thresholdMs,\n"
    "                                  persistenceMs, windowMs, reroute, enabled}\n"
    "  sla rm ID                       remove an SLA rule (audited)\n"
    "  reroutes                        flows moved by SLA violations or operators\n"
    "options:\n"
    "  --server HOST:PORT              daemon address (default 127.0.0.1:7443, or $CONTINUO_SERVER)\n"
    "  --json, -o json                 one JSON document (JSON lines for --follow and watch)\n";

struct UsageError
{
    QString message;
};

void printLine(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
}

void printJson(const QJsonObject &object, bool lines)
{
    const auto format = lines ? QJsonDocument::Compact : QJsonDocument::Indented;
    QByteArray text = QJsonDocument(object).toJson(format);
    if (!text.endsWith('\n'))
        text.append('\n');
    std::fputs(text.constData(), stdout);
    if (lines)
        std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fflush(stdout);
    std::fprintf(stderr, "continuoctl: %s\n", message.toLocal8Bit().constData());
    return ExitServerError;
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "continuoctl: %s (see continuoctl --help)\n",
                 message.toLocal8Bit().constData());
    return ExitUsage;
}

/// Columns padded to their widest cell.
class Table
{
public:
    explicit Table(QStringList header) { m_rows.append(std::move(header)); }
    void add(QStringList row) { m_rows.append(std::move(row)); }
    void print() const
    {
        QList<qsizetype> widths;
        for (const auto &row : m_rows) {
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (widths.size() <= i)
                    widths.append(0);
                widths[i] = std::max(widths[i], row[i].size());
            }
        }
        for (const auto &row : m_rows) {
            QString line;
            for (qsizetype i = 0; i < row.size(); ++i)
                line += i + 1 == row.size() ? row[i] : row[i].leftJustified(widths[i] + 2);
            printLine(line);
        }
    }

private:
    QList<QStringList> m_rows;
};

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("-");
    return QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs);
}

QString bytesText(qint64 bytes)
{
    const double gib = double(bytes) / (1024.0 * 1024.0 * 1024.0);
    return QString::number(gib, 'f', gib < 10 ? 1 : 0) + QStringLiteral(" GiB");
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

class Client
{
public:
    Client(const QString &server, bool json)
        : m_server(server)
        , m_json(json)
    {
        grpc::ChannelArguments arguments;
        arguments.SetMaxReceiveMessageSize(-1);
        auto channel = grpc::CreateCustomChannel(server.toStdString(),
                                                 grpc::InsecureChannelCredentials(), arguments);
        m_stub = v1::ContinuoService::NewStub(channel);
        m_federation = v1::Federation::NewStub(channel);
    }

    int run(const QString &command, QStringList arguments);
    int runTelemetryAndInventory(const QString &command, QStringList arguments);

private:
    void prepare(grpc::ClientContext &context, bool stream = false) const
    {
        if (!stream)
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        context.AddMetadata("continuo-actor", actor().toStdString());
    }
    static QString actor()
    {
        return QStringLiteral("continuoctl:") + qEnvironmentVariable("USER", QStringLiteral("operator"));
    }
    int serverError(const grpc::Status &status) const
    {
        const QString message = fromStd(status.error_message());
        if (status.error_code() == grpc::StatusCode::UNAVAILABLE
            || status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED)
            return fail(QStringLiteral("cannot reach the daemon at %1: %2").arg(m_server, message));
        return fail(message.isEmpty() ? QStringLiteral("the server failed (gRPC status %1)")
                                            .arg(int(status.error_code()))
                                      : message);
    }

    int status();
    int nodes();
    int events(bool follow, const QString &prefix, int limit);
    int watch(const QString &selector);
    int setState(const QString &node, NodeState state, const QString &reason);
    int plugins();
    int audit(int limit);
    int agents();
    int openStream(const QString &agent, const QString &selector, qint64 seconds);
    int closeStream(const QString &agent, const QString &streamId);
    int series(const QString &selector, int limit);
    int query(const QString &selector, QStringList arguments);
    int printSeries(const QList<SeriesBatch> &series, const QJsonObject &extra);
    int alerts(std::optional<qint64> historyMs, int limit);
    int acknowledge(const QString &alertId);
    int addSilence(const Labels &matchers, const QString &comment, qint64 durationMs);
    int listSilences();
    int expireSilence(const QString &silenceId);
    int rules();
    int setRules(const QString &file);
    int place(const QString &file, bool dryRun);
    int find(const QString &query, int limit, bool agents);
    int workloads();
    int deployments(const QString &workloadId);
    int explain(const QString &workloadId, const QString &file);
    int whatIf(const QList<WhatIfChange> &changes, const QString &file);
    int reoptimize(const QStringList &nodes, bool evacuate, int budget, bool dryRun);
    int terminate(const QString &workloadId);
    int pin(const QString &deploymentId, const QString &nodeId, bool force);
    int backends(const QString &clusterId, const QString &kind);
    int backendAction(const QString &objectId, const QString &action, const QVariantMap &arguments);
    int backendLog(const QString &objectId, qint64 maxBytes);
    std::optional<int> runNetwork(const QString &command, QStringList &arguments);
    std::optional<P4Program> program(const QString &switchId, int *exitCode);
    int p4Switches();
    int p4Entries(const QString &switchId, const QString &table, bool withCounters);
    int p4Apply(const QString &switchId, const QString &table, const QString &path, bool dryRun);
    int p4DryRun(const QString &switchId, const QString &packet);
    int connections();
    int printConnection(const std::string &text, const QString &what);
    int addConnection(const QString &path, bool dryRun);
    int removeConnection(const QString &connectionId);
    int rerouteConnection(const QString &connectionId, const QStringList &avoid);
    int slaRules();
    int setSlaRule(const QString &path);
    int removeSlaRule(const QString &ruleId);
    int reroutes();
    void printExplanation(const PlacementExplanation &explanation, const QString &title) const;
    void printMoves(const QList<PlannedMove> &moves, const QString &empty) const;

    QString m_server;
    bool m_json;
    std::unique_ptr<v1::ContinuoService::Stub> m_stub;
    std::unique_ptr<v1::Federation::Stub> m_federation;
    QHash<QString, P4Program> m_programs; ///< By switch id, fetched once per run.
};

QJsonObject pluginJson(const PluginInfo &plugin)
{
    return {{QStringLiteral("id"), plugin.metadata.id},
            {QStringLiteral("name"), plugin.metadata.name},
            {QStringLiteral("version"), plugin.metadata.version},
            {QStringLiteral("category"), plugin.metadata.category},
            {QStringLiteral("state"), toString(plugin.state)},
            {QStringLiteral("file"), plugin.filePath},
            {QStringLiteral("error"), plugin.errorString}};
}

int Client::status()
{
    grpc::ClientContext context;
    prepare(context);
    v1::EngineStatus response;
    if (auto result = m_stub->GetStatus(&context, {}, &response); !result.ok())
        return serverError(result);
    const EngineStatus status = Api::fromProto(response);
    if (m_json) {
        QJsonArray plugins;
        for (const auto &plugin : status.plugins)
            plugins.append(pluginJson(plugin));
        printJson({{QStringLiteral("state"), toString(status.state)},
                   {QStringLiteral("stateMessage"), status.stateMessage},
                   {QStringLiteral("version"), status.version},
                   {QStringLiteral("hostName"), status.hostName},
                   {QStringLiteral("dataDirectory"), status.dataDirectory},
                   {QStringLiteral("scenario"), status.scenario},
                   {QStringLiteral("startedAtMs"), status.startedAtMs},
                   {QStringLiteral("inventoryRevision"), status.inventoryRevision},
                   {QStringLiteral("siteCount"), status.siteCount},
                   {QStringLiteral("nodeCount"), status.nodeCount},
                   {QStringLiteral("switchCount"), status.switchCount},
                   {QStringLiteral("linkCount"), status.linkCount},
                   {QStringLiteral("seriesCount"), status.seriesCount},
                   {QStringLiteral("samplesIngestedTotal"), status.samplesIngestedTotal},
                   {QStringLiteral("lastEventSequence"), status.lastEventSequence},
                   {QStringLiteral("plugins"), plugins}},
                  false);
        return ExitOk;
    }
    Table table({QStringLiteral("server"), m_server});
    table.add({QStringLiteral("state"), status.stateMessage.isEmpty()
                                            ? toString(status.state)
                                            : toString(status.state) + QStringLiteral(" (")
                                                  + status.stateMessage + QLatin1Char(')')});
    table.add({QStringLiteral("version"), status.version});
    table.add({QStringLiteral("host"), status.hostName});
    table.add({QStringLiteral("data directory"), status.dataDirectory});
    table.add({QStringLiteral("scenario"), status.scenario});
    table.add({QStringLiteral("started"), timeText(status.startedAtMs)});
    table.add({QStringLiteral("inventory"),
               QStringLiteral("revision %1: %2 sites, %3 nodes, %4 switches, %5 links")
                   .arg(status.inventoryRevision)
                   .arg(status.siteCount)
                   .arg(status.nodeCount)
                   .arg(status.switchCount)
                   .arg(status.linkCount)});
    table.add({QStringLiteral("telemetry"), QStringLiteral("%1 series, %2 samples ingested")
                                                .arg(status.seriesCount)
                                                .arg(status.samplesIngestedTotal)});
    table.add({QStringLiteral("last event"), QStringLiteral("#%1").arg(status.lastEventSequence)});
    QStringList plugins;
    for (const auto &plugin : status.plugins)
        plugins.append(QStringLiteral("%1 %2 (%3)").arg(plugin.metadata.id, plugin.metadata.version,
                                                         toString(plugin.state)));
    table.add({QStringLiteral("plugins"), plugins.isEmpty() ? QStringLiteral("none")
                                                            : plugins.join(QStringLiteral(", "))});
    table.print();
    return ExitOk;
}

int Client::nodes()
{
    grpc::ClientContext context;
    prepare(context);
    v1::InventorySnapshot response;
    if (auto result = m_stub->ListInventory(&context, {}, &response); !result.ok())
        return serverError(result);
    const InventorySnapshot snapshot = Api::fromProto(response);
    if (m_json) {
        QJsonArray nodes;
        for (const auto &node : snapshot.nodes)
            nodes.append(toJson(Entity(node)));
        printJson({{QStringLiteral("revision"), snapshot.revision}, {QStringLiteral("nodes"), nodes}},
                  false);
        return ExitOk;
    }
    QHash<QString, int> devices;
    for (const auto &device : snapshot.devices)
        ++devices[device.nodeId];
    Table table({QStringLiteral("ID"), QStringLiteral("SITE"), QStringLiteral("CLUSTER"),
                 QStringLiteral("STATE"), QStringLiteral("CPU"), QStringLiteral("MEMORY"),
                 QStringLiteral("ARCH"), QStringLiteral("TIER"), QStringLiteral("DEVICES")});
    for (const auto &node : snapshot.nodes)
        table.add({node.id, node.siteId, node.clusterId, toString(node.state),
                   QString::number(node.capacity.cpuCores), bytesText(node.capacity.memoryBytes),
                   node.arch, toString(node.securityTier), QString::number(devices.value(node.id))});
    table.print();
    return ExitOk;
}

int Client::events(bool follow, const QString &prefix, int limit)
{
    grpc::ClientContext context;
    prepare(context, true);
    v1::WatchEventsRequest request;
    request.set_type_prefix(prefix.toStdString());
    request.set_send_history(true);
    request.set_history_only(!follow);
    auto reader = m_stub->WatchEvents(&context, request);
    QList<Event> events;
    v1::EventBatch batch;
    const auto printEvent = [this](const Event &event) {
        if (m_json) {
            printJson(toJson(event), true);
        } else {
            printLine(QStringLiteral("%1  %2  %3  %4  %5  %6")
                          .arg(QString::number(event.sequence).rightJustified(6),
                               timeText(event.timestampMs), toString(event.severity).leftJustified(8),
                               event.type, event.subjectId.isEmpty() ? QStringLiteral("-")
                                                                     : event.subjectId,
                               event.message));
            std::fflush(stdout);
        }
    };
    bool first = true;
    while (reader->Read(&batch)) {
        QList<Event> received;
        for (const auto &event : batch.events())
            received.append(Api::fromProto(event));
        if (!follow) {
            events.append(received);
            continue;
        }
        // With --follow the kept history comes first, limited like the one-shot listing.
        if (first && limit > 0 && received.size() > limit)
            received = received.mid(received.size() - limit);
        first = false;
        for (const auto &event : std::as_const(received))
            printEvent(event);
    }
    const grpc::Status result = reader->Finish();
    if (!result.ok())
        return serverError(result);
    if (follow)
        return ExitOk;
    if (limit > 0 && events.size() > limit)
        events = events.mid(events.size() - limit);
    if (m_json) {
        QJsonArray array;
        for (const auto &event : std::as_const(events))
            array.append(toJson(event));
        printJson({{QStringLiteral("events"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("SEQ"), QStringLiteral("TIME"), QStringLiteral("SEVERITY"),
                 QStringLiteral("TYPE"), QStringLiteral("SUBJECT"), QStringLiteral("MESSAGE")});
    for (const auto &event : std::as_const(events))
        table.add({QString::number(event.sequence), timeText(event.timestampMs),
                   toString(event.severity), event.type,
                   event.subjectId.isEmpty() ? QStringLiteral("-") : event.subjectId, event.message});
    table.print();
    return ExitOk;
}

int Client::watch(const QString &selector)
{
    if (auto parsed = SeriesMatcher::parse(selector); !parsed)
        return usageError(QStringLiteral("bad series selector \"%1\": %2").arg(selector, parsed.error()));
    grpc::ClientContext context;
    prepare(context, true);
    v1::SubscribeTelemetryRequest request;
    request.add_selectors(selector.toStdString());
    auto reader = m_stub->SubscribeTelemetry(&context, request);
    v1::SampleBatch frame;
    while (reader->Read(&frame)) {
        for (const auto &series : frame.series()) {
            const SeriesBatch batch = Api::fromProto(series);
            const QString key = batch.key();
            for (const auto &sample : batch.samples) {
                if (m_json) {
                    printJson({{QStringLiteral("series"), key},
                               {QStringLiteral("metric"), batch.metric},
                               {QStringLiteral("labels"), labelsToJson(batch.labels)},
                               {QStringLiteral("timestampMs"), sample.timestampMs},
                               {QStringLiteral("value"), sample.value}},
                              true);
                } else {
                    printLine(QStringLiteral("%1  %2  %3")
                                  .arg(timeText(sample.timestampMs), key)
                                  .arg(sample.value, 0, 'g', 8));
                }
            }
        }
        std::fflush(stdout);
    }
    const grpc::Status result = reader->Finish();
    return result.ok() ? ExitOk : serverError(result);
}

int Client::setState(const QString &node, NodeState state, const QString &reason)
{
    grpc::ClientContext context;
    prepare(context);
    v1::SetNodeStateRequest request;
    request.set_node_id(node.toStdString());
    request.set_state(Api::toProto(state));
    request.set_reason(reason.toStdString());
    request.set_actor(actor().toStdString());
    v1::SetNodeStateResponse response;
    if (auto result = m_stub->SetNodeState(&context, request, &response); !result.ok())
        return serverError(result);
    const Node updated = Api::fromProto(response.node());
    if (m_json)
        printJson(toJson(Entity(updated)), false);
    else
        printLine(QStringLiteral("node %1 is now %2").arg(updated.id, toString(updated.state)));
    return ExitOk;
}

int Client::plugins()
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListPluginsResponse response;
    if (auto result = m_stub->ListPlugins(&context, {}, &response); !result.ok())
        return serverError(result);
    QList<PluginInfo> plugins;
    for (const auto &plugin : response.plugins())
        plugins.append(Api::fromProto(plugin));
    if (m_json) {
        QJsonArray array;
        for (const auto &plugin : std::as_const(plugins))
            array.append(pluginJson(plugin));
        printJson({{QStringLiteral("plugins"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("VERSION"), QStringLiteral("STATE"),
                 QStringLiteral("CATEGORY"), QStringLiteral("ERROR")});
    for (const auto &plugin : std::as_const(plugins))
        table.add({plugin.metadata.id, plugin.metadata.version, toString(plugin.state),
                   plugin.metadata.category, plugin.errorString});
    table.print();
    return ExitOk;
}

int Client::audit(int limit)
{
    // The log is read in pages, oldest first; --limit keeps the newest entries.
    QList<AuditEntry> entries;
    qint64 afterId = 0;
    while (true) {
        grpc::ClientContext context;
        prepare(context);
        v1::ListAuditRequest request;
        request.set_after_id(afterId);
        request.set_limit(1000);
        v1::ListAuditResponse response;
        if (auto result = m_stub->ListAudit(&context, request, &response); !result.ok())
            return serverError(result);
        for (const auto &entry : response.entries())
            entries.append(Api::fromProto(entry));
        if (response.entries_size() < 1000 || entries.isEmpty())
            break;
        afterId = entries.constLast().id;
    }
    if (limit > 0 && entries.size() > limit)
        entries = entries.mid(entries.size() - limit);
    if (m_json) {
        QJsonArray array;
        for (const auto &entry : std::as_const(entries))
            array.append(toJson(entry));
        printJson({{QStringLiteral("entries"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("TIME"), QStringLiteral("ACTOR"),
                 QStringLiteral("ACTION"), QStringLiteral("TARGET"), QStringLiteral("DETAILS")});
    for (const auto &entry : std::as_const(entries))
        table.add({QString::number(entry.id), timeText(entry.timestampMs), entry.actor, entry.action,
                   entry.target,
                   QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact))});
    table.print();
    return ExitOk;
}

QString agentStatusText(v1::AgentStatus status)
{
    switch (status) {
    case v1::AGENT_STATUS_UP:
        return QStringLiteral("UP");
    case v1::AGENT_STATUS_DOWN:
        return QStringLiteral("DOWN");
    default:
        return QStringLiteral("UNKNOWN");
    }
}

QString ruleText(const v1::ForwardingRule &rule)
{
    QStringList selectors;
    for (const auto &selector : rule.selectors())
        selectors.append(fromStd(selector));
    QString text = rule.kind() == v1::FORWARDING_RULE_KIND_STREAM
                       ? QStringLiteral("%1 stream %2").arg(fromStd(rule.id()), selectors.join(QLatin1Char(' ')))
                       : QStringLiteral("%1 every %2 ms %3")
                             .arg(fromStd(rule.id()))
                             .arg(rule.interval_ms())
                             .arg(selectors.join(QLatin1Char(' ')));
    if (rule.expires_at_ms() > 0)
        text += QStringLiteral(" until ") + timeText(rule.expires_at_ms());
    return text;
}

int Client::agents()
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListAgentsResponse response;
    if (auto result = m_federation->ListAgents(&context, {}, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        QJsonArray array;
        for (const auto &agent : response.agents()) {
            QJsonArray nodes, rules;
            for (const auto &node : agent.node_ids())
                nodes.append(fromStd(node));
            for (const auto &rule : agent.rules()) {
                QJsonArray selectors;
                for (const auto &selector : rule.selectors())
                    selectors.append(fromStd(selector));
                rules.append(QJsonObject{
                    {QStringLiteral("id"), fromStd(rule.id())},
                    {QStringLiteral("kind"), rule.kind() == v1::FORWARDING_RULE_KIND_STREAM
                                                 ? QStringLiteral("stream")
                                                 : QStringLiteral("rate")},
                    {QStringLiteral("selectors"), selectors},
                    {QStringLiteral("intervalMs"), qint64(rule.interval_ms())},
                    {QStringLiteral("expiresAtMs"), qint64(rule.expires_at_ms())}});
            }
            array.append(QJsonObject{{QStringLiteral("id"), fromStd(agent.agent_id())},
                                     {QStringLiteral("host"), fromStd(agent.host_name())},
                                     {QStringLiteral("version"), fromStd(agent.version())},
                                     {QStringLiteral("status"), agentStatusText(agent.status())},
                                     {QStringLiteral("connected"), agent.connected()},
                                     {QStringLiteral("peer"), fromStd(agent.peer())},
                                     {QStringLiteral("registeredAtMs"), qint64(agent.registered_at_ms())},
                                     {QStringLiteral("lastSeenMs"), qint64(agent.last_seen_ms())},
                                     {QStringLiteral("heartbeatIntervalMs"), qint64(agent.heartbeat_interval_ms())},
                                     {QStringLiteral("forwardIntervalMs"), qint64(agent.forward_interval_ms())},
                                     {QStringLiteral("seriesCount"), qint64(agent.series_count())},
                                     {QStringLiteral("streamedSeries"), qint64(agent.streamed_series())},
                                     {QStringLiteral("samplesReceivedTotal"), qint64(agent.samples_received_total())},
                                     {QStringLiteral("nodes"), nodes},
                                     {QStringLiteral("rules"), rules}});
        }
        printJson({{QStringLiteral("agents"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("STATUS"), QStringLiteral("HOST"),
                 QStringLiteral("VERSION"), QStringLiteral("LAST SEEN"), QStringLiteral("NODES"),
                 QStringLiteral("SERIES"), QStringLiteral("STREAMED"), QStringLiteral("SAMPLES"),
                 QStringLiteral("RULES")});
    for (const auto &agent : response.agents()) {
        QStringList rules;
        for (const auto &rule : agent.rules())
            rules.append(ruleText(rule));
        table.add({fromStd(agent.agent_id()),
                   agentStatusText(agent.status())
                       + (agent.connected() ? QString() : QStringLiteral(" (disconnected)")),
                   fromStd(agent.host_name()), fromStd(agent.version()), timeText(agent.last_seen_ms()),
                   QString::number(agent.node_ids_size()), QString::number(agent.series_count()),
                   QString::number(agent.streamed_series()),
                   QString::number(agent.samples_received_total()),
                   rules.isEmpty() ? QStringLiteral("-") : rules.join(QStringLiteral("; "))});
    }
    table.print();
    return ExitOk;
}

int Client::openStream(const QString &agent, const QString &selector, qint64 seconds)
{
    if (auto parsed = SeriesMatcher::parse(selector); !parsed)
        return usageError(QStringLiteral("bad series selector \"%1\": %2").arg(selector, parsed.error()));
    grpc::ClientContext context;
    prepare(context);
    v1::OpenAgentStreamRequest request;
    request.set_agent_id(agent.toStdString());
    request.add_selectors(selector.toStdString());
    request.set_duration_ms(seconds * 1000);
    v1::OpenAgentStreamResponse response;
    if (auto result = m_federation->OpenAgentStream(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        printJson({{QStringLiteral("agent"), agent},
                   {QStringLiteral("streamId"), fromStd(response.stream_id())},
                   {QStringLiteral("matchedSeries"), qint64(response.matched_series())},
                   {QStringLiteral("expiresAtMs"), qint64(response.expires_at_ms())}},
                  false);
        return ExitOk;
    }
    printLine(QStringLiteral("stream %1 open on %2: %3 series at full rate%4")
                  .arg(fromStd(response.stream_id()), agent)
                  .arg(response.matched_series())
                  .arg(response.expires_at_ms() > 0
                           ? QStringLiteral(" until ") + timeText(response.expires_at_ms())
                           : QStringLiteral(" until closed")));
    return ExitOk;
}

int Client::closeStream(const QString &agent, const QString &streamId)
{
    grpc::ClientContext context;
    prepare(context);
    v1::CloseAgentStreamRequest request;
    request.set_agent_id(agent.toStdString());
    request.set_stream_id(streamId.toStdString());
    v1::CloseAgentStreamResponse response;
    if (auto result = m_federation->CloseAgentStream(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json)
        printJson({{QStringLiteral("agent"), agent}, {QStringLiteral("closed"), streamId}}, false);
    else
        printLine(QStringLiteral("stream %1 on %2 closed").arg(streamId, agent));
    return ExitOk;
}

/// Takes `--name VALUE` out of the arguments.
std::optional<QString> takeOption(QStringList &arguments, const QString &name)
{
    const qsizetype index = arguments.indexOf(name);
    if (index < 0)
        return std::nullopt;
    if (index + 1 >= arguments.size())
        throw UsageError{QStringLiteral("%1 needs a value").arg(name)};
    QString value = arguments.at(index + 1);
    arguments.remove(index, 2);
    return value;
}

bool takeFlag(QStringList &arguments, const QString &name)
{
    return arguments.removeAll(name) > 0;
}

int takeLimit(QStringList &arguments)
{
    const auto text = takeOption(arguments, QStringLiteral("--limit"));
    if (!text)
        return 0;
    bool ok = false;
    const int limit = text->toInt(&ok);
    if (!ok || limit < 0)
        throw UsageError{QStringLiteral("--limit wants a non-negative number, not \"%1\"").arg(*text)};
    return limit;
}

void expectNoMore(const QStringList &arguments)
{
    if (!arguments.isEmpty())
        throw UsageError{QStringLiteral("unexpected argument \"%1\"").arg(arguments.constFirst())};
}

QString takeNode(QStringList &arguments, const QString &command)
{
    if (arguments.isEmpty() || arguments.constFirst().startsWith(QLatin1String("--")))
        throw UsageError{QStringLiteral("%1 needs a NODE").arg(command)};
    return arguments.takeFirst();
}

// ---- telemetry queries ------------------------------------------------------------------------

QJsonObject seriesJson(const SeriesBatch &series)
{
    return {{QStringLiteral("series"), series.key()},
            {QStringLiteral("metric"), series.metric},
            {QStringLiteral("labels"), labelsToJson(series.labels)}};
}

QString valueText(double value)
{
    return QString::number(value, 'g', 10);
}

int Client::series(const QString &selector, int limit)
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListSeriesRequest request;
    request.set_selector(selector.toStdString());
    request.set_limit(limit);
    v1::ListSeriesResponse response;
    if (auto result = m_stub->ListSeries(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        QJsonArray array;
        for (const auto &series : response.series())
            array.append(seriesJson(Api::fromProto(series)));
        printJson({{QStringLiteral("series"), array},
                   {QStringLiteral("truncated"), response.truncated()}},
                  false);
        return ExitOk;
    }
    Table table({QStringLiteral("SERIES")});
    for (const auto &series : response.series())
        table.add({Api::fromProto(series).key()});
    table.print();
    if (response.truncated())
        printLine(QStringLiteral("(more series match; raise --limit to see them)"));
    return ExitOk;
}

/// A duration option (`5m`, `1h30m`) in milliseconds; empty when absent.
std::optional<qint64> takeDuration(QStringList &arguments, const QString &name)
{
    const auto text = takeOption(arguments, name);
    if (!text)
        return std::nullopt;
    auto duration = parseDuration(*text);
    if (!duration || duration->count() <= 0)
        throw UsageError{
            QStringLiteral("%1 wants a positive duration such as 30s, 5m or 1h, not \"%2\"")
                .arg(name, *text)};
    return qint64(duration->count());
}

/// A point in time: milliseconds since the epoch, or ISO 8601.
qint64 parseTime(const QString &text, const QString &option)
{
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    if (ok && ms > 0)
        return ms;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        throw UsageError{
            QStringLiteral("%1 wants milliseconds since the epoch or an ISO 8601 time, "
                           "not \"%2\"")
                .arg(option, text)};
    return time.toMSecsSinceEpoch();
}

int Client::printSeries(const QList<SeriesBatch> &series, const QJsonObject &extra)
{
    if (m_json) {
        QJsonArray array;
        for (const auto &one : series) {
            QJsonObject object = seriesJson(one);
            QJsonArray samples;
            for (const auto &sample : one.samples)
                samples.append(QJsonObject{{QStringLiteral("timestampMs"), sample.timestampMs},
                                           {QStringLiteral("value"), sample.value}});
            object.insert(QStringLiteral("samples"), samples);
            array.append(object);
        }
        QJsonObject document = extra;
        document.insert(QStringLiteral("series"), array);
        printJson(document, false);
        return ExitOk;
    }
    Table table({QStringLiteral("SERIES"), QStringLiteral("TIME"), QStringLiteral("VALUE")});
    for (const auto &one : series) {
        const QString key = one.key().isEmpty() ? QStringLiteral("{}") : one.key();
        for (const auto &sample : one.samples)
            table.add({key, timeText(sample.timestampMs), valueText(sample.value)});
    }
    table.print();
    return ExitOk;
}

int Client::query(const QString &selector, QStringList arguments)
{
    const auto rangeMs = takeDuration(arguments, QStringLiteral("--range"));
    const auto stepMs = takeDuration(arguments, QStringLiteral("--step"));
    const auto lookbackMs = takeDuration(arguments, QStringLiteral("--lookback"));
    const auto rateMs = takeDuration(arguments, QStringLiteral("--rate"));
    const auto increaseMs = takeDuration(arguments, QStringLiteral("--increase"));
    const auto atText = takeOption(arguments, QStringLiteral("--at"));
    const bool without = takeFlag(arguments, QStringLiteral("--without"));
    if (rateMs && increaseMs)
        throw UsageError{QStringLiteral("--rate and --increase exclude each other")};
    if (stepMs && !rangeMs)
        throw UsageError{QStringLiteral("--step needs --range")};

    RangeQuery query;
    query.selector = selector;
    const struct
    {
        const char *option;
        Aggregation aggregation;
    } aggregations[] = {
        {"--sum-by", Aggregation::Sum},     {"--avg-by", Aggregation::Avg},
        {"--min-by", Aggregation::Min},     {"--max-by", Aggregation::Max},
        {"--count-by", Aggregation::Count}, {"--quantile-by", Aggregation::Quantile}};
    for (const auto &[option, aggregation] : aggregations) {
        const auto labels = takeOption(arguments, QLatin1String(option));
        if (!labels)
            continue;
        if (query.aggregation != Aggregation::None)
            throw UsageError{QStringLiteral("give one aggregation option only")};
        query.aggregation = aggregation;
        QString list = *labels;
        if (aggregation == Aggregation::Quantile) {
            // PHI:labels, e.g. 0.9:site
            const QString phi = list.section(QLatin1Char(':'), 0, 0);
            bool ok = false;
            query.quantile = phi.toDouble(&ok);
            if (!ok || query.quantile < 0 || query.quantile > 1)
                throw UsageError{
                    QStringLiteral("--quantile-by wants PHI:LABELS with 0 <= PHI <= 1, "
                                   "not \"%1\"")
                        .arg(*labels)};
            list = list.section(QLatin1Char(':'), 1);
        }
        query.groupingLabels = list.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &label : query.groupingLabels)
            label = label.trimmed();
    }
    if (without && query.aggregation == Aggregation::None)
        throw UsageError{QStringLiteral("--without needs an aggregation option")};
    query.grouping = without ? Grouping::Without : Grouping::By;
    if (rateMs) {
        query.function = RangeFunction::Rate;
        query.windowMs = *rateMs;
    } else if (increaseMs) {
        query.function = RangeFunction::Increase;
        query.windowMs = *increaseMs;
    }
    if (lookbackMs)
        query.lookbackMs = *lookbackMs;
    expectNoMore(arguments);

    const qint64 at =
        atText ? parseTime(*atText, QStringLiteral("--at")) : QDateTime::currentMSecsSinceEpoch();
    const bool plainInstant = !rangeMs && query.function == RangeFunction::Value &&
                              query.aggregation == Aggregation::None;
    if (plainInstant) {
        grpc::ClientContext context;
        prepare(context);
        v1::InstantQueryRequest request;
        request.set_selector(selector.toStdString());
        request.set_at_ms(at);
        request.set_lookback_ms(query.lookbackMs);
        v1::InstantQueryResponse response;
        if (auto result = m_stub->InstantQuery(&context, request, &response); !result.ok())
            return serverError(result);
        QList<SeriesBatch> series;
        for (const auto &one : response.series())
            series.append(Api::fromProto(one));
        return printSeries(series, {{QStringLiteral("atMs"), at}});
    }
    query.endMs = at;
    if (rangeMs) {
        query.startMs = at - *rangeMs;
        // Without --step: about 60 points, on whole seconds.
        query.stepMs = stepMs ? *stepMs : std::max<qint64>(1000, (*rangeMs / 60) / 1000 * 1000);
    } else {
        query.startMs = at; // one evaluation, at `at`
        query.stepMs = 1000;
    }
    grpc::ClientContext context;
    prepare(context);
    v1::EvaluateQueryRequest request;
    Api::toProto(query, request.mutable_query());
    v1::QueryResult response;
    if (auto result = m_stub->EvaluateQuery(&context, request, &response); !result.ok())
        return serverError(result);
    const QueryResult result = Api::fromProto(response);
    return printSeries(result.series, {{QStringLiteral("startMs"), query.startMs},
                                       {QStringLiteral("endMs"), query.endMs},
                                       {QStringLiteral("stepMs"), query.stepMs},
                                       {QStringLiteral("resolution"), toString(result.resolution)},
                                       {QStringLiteral("samplesRead"), result.samplesRead}});
}

// ---- alerting -------------------------------------------------------------------------------

QString alertValueText(double value)
{
    return std::isfinite(value) ? valueText(value) : QStringLiteral("-");
}

int Client::alerts(std::optional<qint64> historyMs, int limit)
{
    QList<Alert> alerts;
    grpc::ClientContext context;
    prepare(context);
    if (historyMs) {
        v1::AlertHistoryRequest request;
        request.set_from_ms(QDateTime::currentMSecsSinceEpoch() - *historyMs);
        request.set_limit(limit);
        v1::AlertHistoryResponse response;
        if (auto result = m_stub->AlertHistory(&context, request, &response); !result.ok())
            return serverError(result);
        for (const auto &alert : response.alerts())
            alerts.append(Api::fromProto(alert));
    } else {
        v1::ListAlertsResponse response;
        if (auto result = m_stub->ListAlerts(&context, {}, &response); !result.ok())
            return serverError(result);
        for (const auto &alert : response.alerts())
            alerts.append(Api::fromProto(alert));
        if (limit > 0 && alerts.size() > limit)
            alerts = alerts.mid(alerts.size() - limit);
    }
    if (m_json) {
        QJsonArray array;
        for (const auto &alert : std::as_const(alerts))
            array.append(toJson(alert));
        printJson({{QStringLiteral("alerts"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("STATE"), QStringLiteral("SEVERITY"),
                 QStringLiteral("RULE"), QStringLiteral("SUBJECT"), QStringLiteral("STARTED"),
                 QStringLiteral("VALUE"), QStringLiteral("ACK"), QStringLiteral("SILENCED"),
                 QStringLiteral("SUMMARY")});
    for (const auto &alert : std::as_const(alerts))
        table.add({alert.id, toString(alert.state), toString(alert.severity), alert.ruleId,
                   alert.subjectId().isEmpty() ? QStringLiteral("-") : alert.subjectId(),
                   timeText(alert.startedAtMs), alertValueText(alert.value),
                   alert.acknowledgedBy.isEmpty() ? QStringLiteral("-") : alert.acknowledgedBy,
                   alert.silencedBy.isEmpty() ? QStringLiteral("-") : alert.silencedBy,
                   alert.summary});
    table.print();
    return ExitOk;
}

int Client::acknowledge(const QString &alertId)
{
    grpc::ClientContext context;
    prepare(context);
    v1::AcknowledgeAlertRequest request;
    request.set_alert_id(alertId.toStdString());
    request.set_actor(actor().toStdString());
    v1::AcknowledgeAlertResponse response;
    if (auto result = m_stub->AcknowledgeAlert(&context, request, &response); !result.ok())
        return serverError(result);
    const Alert alert = Api::fromProto(response.alert());
    if (m_json)
        printJson(toJson(alert), false);
    else
        printLine(
            QStringLiteral("alert %1 acknowledged by %2").arg(alert.id, alert.acknowledgedBy));
    return ExitOk;
}

QString matchersText(const Labels &matchers)
{
    QStringList parts;
    for (auto it = matchers.cbegin(); it != matchers.cend(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value());
    return parts.join(QLatin1Char(' '));
}

int Client::addSilence(const Labels &matchers, const QString &comment, qint64 durationMs)
{
    grpc::ClientContext context;
    prepare(context);
    v1::AddSilenceRequest request;
    for (auto it = matchers.cbegin(); it != matchers.cend(); ++it)
        (*request.mutable_matchers())[it.key().toStdString()] = it.value().toStdString();
    request.set_comment(comment.toStdString());
    request.set_ends_at_ms(QDateTime::currentMSecsSinceEpoch() + durationMs);
    request.set_actor(actor().toStdString());
    v1::AddSilenceResponse response;
    if (auto result = m_stub->AddSilence(&context, request, &response); !result.ok())
        return serverError(result);
    const Silence silence = Api::fromProto(response.silence());
    if (m_json)
        printJson(toJson(silence), false);
    else
        printLine(QStringLiteral("silence %1 mutes %2 until %3")
                      .arg(silence.id, matchersText(silence.matchers), timeText(silence.endsAtMs)));
    return ExitOk;
}

int Client::listSilences()
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListSilencesResponse response;
    if (auto result = m_stub->ListSilences(&context, {}, &response); !result.ok())
        return serverError(result);
    QList<Silence> silences;
    for (const auto &silence : response.silences())
        silences.append(Api::fromProto(silence));
    if (m_json) {
        QJsonArray array;
        for (const auto &silence : std::as_const(silences))
            array.append(toJson(silence));
        printJson({{QStringLiteral("silences"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("MATCHERS"), QStringLiteral("BY"),
                 QStringLiteral("UNTIL"), QStringLiteral("COMMENT")});
    for (const auto &silence : std::as_const(silences))
        table.add({silence.id, matchersText(silence.matchers), silence.createdBy,
                   timeText(silence.endsAtMs), silence.comment});
    table.print();
    return ExitOk;
}

int Client::expireSilence(const QString &silenceId)
{
    grpc::ClientContext context;
    prepare(context);
    v1::ExpireSilenceRequest request;
    request.set_silence_id(silenceId.toStdString());
    request.set_actor(actor().toStdString());
    v1::ExpireSilenceResponse response;
    if (auto result = m_stub->ExpireSilence(&context, request, &response); !result.ok())
        return serverError(result);
    const Silence silence = Api::fromProto(response.silence());
    if (m_json)
        printJson(toJson(silence), false);
    else
        printLine(QStringLiteral("silence %1 expired").arg(silence.id));
    return ExitOk;
}

QString severityText(int severity)
{
    switch (severity) {
    case v1::ALERT_SEVERITY_INFO:
        return QStringLiteral("info");
    case v1::ALERT_SEVERITY_CRITICAL:
        return QStringLiteral("critical");
    case v1::ALERT_SEVERITY_WARNING:
    case v1::ALERT_SEVERITY_UNSPECIFIED:
        return QStringLiteral("warning");
    default:
        return QStringLiteral("unknown");
    }
}

QString groupingText(int grouping)
{
    switch (grouping) {
    case v1::ALERT_GROUPING_SERIES:
        return QStringLiteral("series");
    case v1::ALERT_GROUPING_NODE:
        return QStringLiteral("node");
    case v1::ALERT_GROUPING_LINK:
        return QStringLiteral("link");
    case v1::ALERT_GROUPING_SITE:
        return QStringLiteral("site");
    default:
        return QString();
    }
}

QString remediationText(int kind)
{
    switch (kind) {
    case v1::REMEDIATION_KIND_EMIT_EVENT:
        return QStringLiteral("emit-event");
    case v1::REMEDIATION_KIND_RAISE_TELEMETRY_RATE:
        return QStringLiteral("raise-telemetry-rate");
    default:
        return QStringLiteral("unknown");
    }
}

/// The rule as `rules set -f` reads it back (YAML is a superset of JSON).
QJsonObject ruleJson(const v1::AlertRule &rule)
{
    QJsonObject object{{QStringLiteral("id"), fromStd(rule.id())},
                       {QStringLiteral("expr"), fromStd(rule.expression())},
                       {QStringLiteral("severity"), severityText(rule.severity())},
                       {QStringLiteral("description"), fromStd(rule.description())}};
    if (const QString grouping = groupingText(rule.grouping()); !grouping.isEmpty())
        object.insert(QStringLiteral("grouping"), grouping);
    QJsonArray remediations;
    for (const auto &remediation : rule.remediations()) {
        QJsonObject entry{{QStringLiteral("kind"), remediationText(remediation.kind())}};
        if (remediation.kind() == v1::REMEDIATION_KIND_EMIT_EVENT)
            entry.insert(QStringLiteral("eventType"), fromStd(remediation.event_type()));
        if (remediation.kind() == v1::REMEDIATION_KIND_RAISE_TELEMETRY_RATE) {
            entry.insert(QStringLiteral("sampleInterval"), formatDuration(std::chrono::milliseconds(
                                                               remediation.sample_interval_ms())));
            entry.insert(QStringLiteral("duration"),
                         formatDuration(std::chrono::milliseconds(remediation.duration_ms())));
        }
        remediations.append(entry);
    }
    if (!remediations.isEmpty())
        object.insert(QStringLiteral("remediations"), remediations);
    return object;
}

int Client::rules()
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListAlertRulesResponse response;
    if (auto result = m_stub->ListAlertRules(&context, {}, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        QJsonArray array;
        for (const auto &rule : response.rules())
            array.append(ruleJson(rule));
        printJson({{QStringLiteral("rules"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("SEVERITY"), QStringLiteral("EXPRESSION"),
                 QStringLiteral("DESCRIPTION")});
    for (const auto &rule : response.rules())
        table.add({fromStd(rule.id()), severityText(rule.severity()), fromStd(rule.expression()),
                   fromStd(rule.description())});
    table.print();
    return ExitOk;
}

/// A scalar of a rule entry, or empty; `where` names the entry for errors.
QString yamlText(const YAML::Node &entry, const char *key, const QString &where)
{
    const YAML::Node value = entry[key];
    if (!value || value.IsNull())
        return {};
    if (!value.IsScalar())
        throw UsageError{QStringLiteral("%1: \"%2\" must be text").arg(where, QLatin1String(key))};
    return QString::fromStdString(value.Scalar());
}

/// Reads `rules set -f`'s file: a list of rules, or a map with a `rules` list (as
/// `continuoctl --json rules` prints it).
QList<v1::AlertRule> readRulesFile(const QString &path)
{
    YAML::Node document;
    try {
        document = YAML::LoadFile(path.toStdString());
    } catch (const YAML::BadFile &) {
        throw UsageError{QStringLiteral("cannot read %1").arg(path)};
    } catch (const YAML::Exception &error) {
        throw UsageError{QStringLiteral("%1:%2:%3: %4")
                             .arg(path)
                             .arg(error.mark.line + 1)
                             .arg(error.mark.column + 1)
                             .arg(QString::fromStdString(error.msg))};
    }
    const YAML::Node list = document.IsMap() ? document["rules"] : document;
    if (!list || !list.IsSequence())
        throw UsageError{QStringLiteral("%1: expected a list of rules ({id, expr, severity, "
                                        "description})")
                             .arg(path)};
    QList<v1::AlertRule> rules;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node entry = list[i];
        const QString where = QStringLiteral("%1:%2").arg(path).arg(entry.Mark().line + 1);
        if (!entry.IsMap())
            throw UsageError{QStringLiteral("%1: rule %2 is not a map").arg(where).arg(i + 1)};
        v1::AlertRule rule;
        const QString id = yamlText(entry, "id", where);
        const QString expression = yamlText(entry, "expr", where);
        if (id.isEmpty() || expression.isEmpty())
            throw UsageError{QStringLiteral("%1: every rule needs an id and an expr").arg(where)};
        rule.set_id(id.toStdString());
        rule.set_expression(expression.toStdString());
        rule.set_description(yamlText(entry, "description", where).toStdString());
        if (const QString severity = yamlText(entry, "severity", where); !severity.isEmpty()) {
            const AlertSeverity parsed = alertSeverityFromString(severity);
            if (parsed == AlertSeverity::Unknown)
                throw UsageError{QStringLiteral("%1: rule %2: severity must be info, warning or "
                                                "critical, not \"%3\"")
                                     .arg(where, id, severity)};
            rule.set_severity(Api::toProto(parsed));
        }
        if (const QString grouping = yamlText(entry, "grouping", where); !grouping.isEmpty()) {
            const AlertGrouping parsed = alertGroupingFromString(grouping);
            if (parsed == AlertGrouping::Unknown)
                throw UsageError{QStringLiteral("%1: rule %2: grouping must be series, node, link "
                                                "or site, not \"%3\"")
                                     .arg(where, id, grouping)};
            rule.set_grouping(static_cast<v1::AlertGrouping>(parsed));
        }
        if (const YAML::Node remediations = entry["remediations"];
            remediations && !remediations.IsNull()) {
            if (!remediations.IsSequence())
                throw UsageError{
                    QStringLiteral("%1: rule %2: remediations must be a list").arg(where, id)};
            for (const YAML::Node &item : remediations) {
                auto *remediation = rule.add_remediations();
                const QString kindText = item.IsScalar() ? QString::fromStdString(item.Scalar())
                                                         : yamlText(item, "kind", where);
                const RemediationKind kind = remediationKindFromString(kindText);
                if (kind == RemediationKind::Unknown)
                    throw UsageError{
                        QStringLiteral("%1: rule %2: remediation kind must be emit-event "
                                       "or raise-telemetry-rate, not \"%3\"")
                            .arg(where, id, kindText)};
                remediation->set_kind(static_cast<v1::RemediationKind>(kind));
                if (!item.IsMap())
                    continue;
                remediation->set_event_type(yamlText(item, "eventType", where).toStdString());
                for (const auto &[key, setter] :
                     {std::pair{"sampleInterval", &v1::Remediation::set_sample_interval_ms},
                      std::pair{"duration", &v1::Remediation::set_duration_ms}}) {
                    const QString text = yamlText(item, key, where);
                    if (text.isEmpty())
                        continue;
                    auto duration = parseDuration(text);
                    if (!duration || duration->count() <= 0)
                        throw UsageError{QStringLiteral("%1: rule %2: %3 wants a duration such as "
                                                        "1s or 10m, not \"%4\"")
                                             .arg(where, id, QLatin1String(key), text)};
                    (remediation->*setter)(duration->count());
                }
            }
        }
        rules.append(rule);
    }
    return rules;
}

int Client::setRules(const QString &file)
{
    const QList<v1::AlertRule> rules = readRulesFile(file);
    grpc::ClientContext context;
    prepare(context);
    v1::SetAlertRulesRequest request;
    for (const auto &rule : rules)
        *request.add_rules() = rule;
    request.set_actor(actor().toStdString());
    v1::SetAlertRulesResponse response;
    if (auto result = m_stub->SetAlertRules(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        QJsonArray array;
        for (const auto &rule : response.rules())
            array.append(ruleJson(rule));
        printJson({{QStringLiteral("rules"), array}}, false);
    } else {
        printLine(QStringLiteral("%1 alert rules in force").arg(response.rules_size()));
    }
    return ExitOk;
}

// ---- placement and orchestration --------------------------------------------------------------

QByteArray readIntentFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw UsageError{QStringLiteral("cannot read \"%1\": %2").arg(path, file.errorString())};
    return file.readAll();
}

QString scoreText(double score)
{
    return QString::number(score, 'f', 3);
}

QJsonArray stringsJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject candidateJson(const RankedCandidate &candidate)
{
    QJsonObject terms;
    for (const ScoreTerm &term : candidate.terms)
        terms.insert(term.scorer, QJsonObject{{QStringLiteral("score"), term.score},
                                              {QStringLiteral("weight"), term.weight}});
    return {{QStringLiteral("node"), candidate.nodeId},
            {QStringLiteral("cluster"), candidate.clusterId},
            {QStringLiteral("total"), candidate.total},
            {QStringLiteral("terms"), terms}};
}

QJsonObject explanationJson(const PlacementExplanation &e)
{
    QJsonArray decisions;
    for (const PlacementDecision &d : e.decisions)
        decisions.append(QJsonObject{{QStringLiteral("workloadId"), d.workloadId},
                                     {QStringLiteral("replica"), d.replica},
                                     {QStringLiteral("node"), d.nodeId},
                                     {QStringLiteral("cluster"), d.clusterId},
                                     {QStringLiteral("site"), d.siteId},
                                     {QStringLiteral("delegated"), d.delegated},
                                     {QStringLiteral("constraints"), stringsJson(d.constraints)},
                                     {QStringLiteral("score"), d.score}});
    QJsonArray platforms;
    for (const RankedCandidate &c : e.platforms)
        platforms.append(candidateJson(c));
    QJsonArray ranked;
    for (const RankedCandidate &c : e.ranked)
        ranked.append(candidateJson(c));
    QJsonArray rejections;
    for (const PlacementRejection &r : e.rejections)
        rejections.append(QJsonObject{{QStringLiteral("candidate"), r.candidateId},
                                      {QStringLiteral("wholeCluster"), r.wholeCluster},
                                      {QStringLiteral("filter"), r.filter},
                                      {QStringLiteral("reason"), r.reason},
                                      {QStringLiteral("shortfall"), r.shortfall}});
    QJsonObject byFilter;
    for (auto it = e.rejectionsByFilter.cbegin(); it != e.rejectionsByFilter.cend(); ++it)
        byFilter.insert(it.key(), it.value());
    QJsonArray relaxations;
    for (const Relaxation &r : e.relaxations)
        relaxations.append(QJsonObject{{QStringLiteral("filter"), r.filter},
                                       {QStringLiteral("suggestion"), r.suggestion},
                                       {QStringLiteral("nodesThatWouldFit"), r.nodesThatWouldFit}});
    return {{QStringLiteral("placed"), e.placed},
            {QStringLiteral("error"), e.error},
            {QStringLiteral("strategy"), e.strategy},
            {QStringLiteral("decisions"), decisions},
            {QStringLiteral("platforms"), platforms},
            {QStringLiteral("ranked"), ranked},
            {QStringLiteral("rejections"), rejections},
            {QStringLiteral("rejectionsByFilter"), byFilter},
            {QStringLiteral("relaxations"), relaxations},
            {QStringLiteral("nodesConsidered"), e.nodesConsidered},
            {QStringLiteral("nodesFeasible"), e.nodesFeasible}};
}

QJsonObject moveJson(const PlannedMove &move)
{
    return {{QStringLiteral("deploymentId"), move.deploymentId},
            {QStringLiteral("workloadId"), move.workloadId},
            {QStringLiteral("from"), move.fromNodeId},
            {QStringLiteral("to"), move.toNodeId},
            {QStringLiteral("toCluster"), move.toClusterId},
            {QStringLiteral("reason"), move.reason},
            {QStringLiteral("scoreBefore"), move.scoreBefore},
            {QStringLiteral("scoreAfter"), move.scoreAfter}};
}

template<typename T, typename ProtoList>
QList<T> fromWire(const ProtoList &list)
{
    QList<T> out;
    out.reserve(list.size());
    for (const auto &item : list)
        out.append(Api::fromProto(item));
    return out;
}

void Client::printExplanation(const PlacementExplanation &e, const QString &title) const
{
    printLine(QStringLiteral("%1: %2 (strategy %3; %4 nodes considered, %5 feasible)")
                  .arg(title, e.placed ? QStringLiteral("placed")
                                       : QStringLiteral("NOT PLACED: ") + e.error,
                       e.strategy)
                  .arg(e.nodesConsidered)
                  .arg(e.nodesFeasible));
    for (const PlacementDecision &d : e.decisions) {
        QString line = QStringLiteral("  replica %1 -> %2 (cluster %3, site %4) score %5")
                           .arg(d.replica)
                           .arg(d.nodeId, d.clusterId, d.siteId, scoreText(d.score));
        if (d.delegated)
            line += QStringLiteral(" [delegated: %1]").arg(d.constraints.join(QStringLiteral(", ")));
        printLine(line);
    }
    if (!e.ranked.isEmpty()) {
        QStringList top;
        for (qsizetype i = 0; i < std::min<qsizetype>(e.ranked.size(), 5); ++i) {
            const RankedCandidate &c = e.ranked.at(i);
            QStringList terms;
            for (const ScoreTerm &term : c.terms)
                terms.append(QStringLiteral("%1 %2").arg(term.scorer, scoreText(term.score)));
            top.append(QStringLiteral("%1 %2%3").arg(c.nodeId, scoreText(c.total),
                                                     terms.isEmpty() ? QString()
                                                     : QStringLiteral(" (") + terms.join(QStringLiteral(", ")) + QLatin1Char(')')));
        }
        printLine(QStringLiteral("  top candidates: ") + top.join(QStringLiteral("; ")));
    }
    if (!e.rejectionsByFilter.isEmpty()) {
        QStringList counts;
        for (auto it = e.rejectionsByFilter.cbegin(); it != e.rejectionsByFilter.cend(); ++it)
            counts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        printLine(QStringLiteral("  rejected by: ") + counts.join(QStringLiteral(", ")));
        for (qsizetype i = 0; i < std::min<qsizetype>(e.rejections.size(), 5); ++i) {
            const PlacementRejection &r = e.rejections.at(i);
            printLine(QStringLiteral("    %1%2: %3: %4")
                          .arg(r.wholeCluster ? QStringLiteral("cluster ") : QString(),
                               r.candidateId, r.filter, r.reason));
        }
    }
    for (const Relaxation &r : e.relaxations)
        printLine(QStringLiteral("  would fit: %1 (%2 nodes)").arg(r.suggestion).arg(r.nodesThatWouldFit));
}

void Client::printMoves(const QList<PlannedMove> &moves, const QString &empty) const
{
    if (moves.isEmpty()) {
        printLine(empty);
        return;
    }
    Table table({QStringLiteral("DEPLOYMENT"), QStringLiteral("WORKLOAD"), QStringLiteral("FROM"),
                 QStringLiteral("TO"), QStringLiteral("SCORE"), QStringLiteral("REASON")});
    for (const PlannedMove &m : moves)
        table.add({m.deploymentId, m.workloadId, m.fromNodeId,
                   m.toNodeId.isEmpty() ? QStringLiteral("(nowhere)") : m.toNodeId,
                   scoreText(m.scoreBefore) + QStringLiteral(" -> ") + scoreText(m.scoreAfter),
                   m.reason});
    table.print();
}

int Client::place(const QString &file, bool dryRun)
{
    const QByteArray text = readIntentFile(file);
    // Parse here first: the error names the document and the field before anything is sent.
    if (auto parsed = parseIntents(text); !parsed)
        return fail(QStringLiteral("%1: %2").arg(file, parsed.error()));
    grpc::ClientContext context;
    prepare(context);
    v1::SubmitWorkloadsRequest request;
    request.set_yaml(text.toStdString());
    request.set_dry_run(dryRun);
    request.set_actor(actor().toStdString());
    v1::SubmitWorkloadsResponse response;
    if (auto result = m_stub->SubmitWorkloads(&context, request, &response); !result.ok())
        return serverError(result);
    const auto workloads = fromWire<Workload>(response.workloads());
    const auto explanations = fromWire<PlacementExplanation>(response.explanations());
    const auto deployments = fromWire<Deployment>(response.deployments());
    bool allPlaced = true;
    for (const PlacementExplanation &e : explanations)
        allPlaced = allPlaced && e.placed;
    if (m_json) {
        QJsonArray w, e, d;
        for (const Workload &workload : workloads)
            w.append(toJson(workload));
        for (const PlacementExplanation &explanation : explanations)
            e.append(explanationJson(explanation));
        for (const Deployment &deployment : deployments)
            d.append(toJson(deployment));
        printJson({{QStringLiteral("dryRun"), response.dry_run()},
                   {QStringLiteral("workloads"), w},
                   {QStringLiteral("explanations"), e},
                   {QStringLiteral("deployments"), d}},
                  false);
        return allPlaced ? ExitOk : ExitServerError;
    }
    QHash<QString, QString> names;
    for (const Workload &workload : workloads)
        names.insert(workload.id, workload.name);
    for (qsizetype i = 0; i < explanations.size(); ++i) {
        const PlacementExplanation &e = explanations.at(i);
        QStringList titles;
        for (const PlacementDecision &d : e.decisions) {
            const QString name = names.value(d.workloadId, d.workloadId);
            if (!titles.contains(name))
                titles.append(name);
        }
        if (titles.isEmpty())
            titles.append(i < workloads.size() ? workloads.at(i).name
                                               : QStringLiteral("intent %1").arg(i + 1));
        printExplanation(e, titles.join(QStringLiteral(" + ")));
    }
    if (response.dry_run()) {
        printLine(QStringLiteral("dry run: nothing was deployed"));
    } else {
        for (const Deployment &d : deployments)
            printLine(QStringLiteral("deployment %1 (%2 replica %3) on %4: %5")
                          .arg(d.id, names.value(d.workloadId, d.workloadId))
                          .arg(d.replica)
                          .arg(d.nodeId, toString(d.state)));
    }
    return allPlaced ? ExitOk : ExitServerError;
}

int Client::find(const QString &query, int limit, bool agents)
{
    grpc::ClientContext context;
    prepare(context);
    v1::FindResourcesRequest request;
    request.set_query(query.toStdString());
    request.set_limit(limit);
    request.set_include_agents(agents);
    v1::FindResourcesResponse response;
    if (auto result = m_stub->FindResources(&context, request, &response); !result.ok())
        return serverError(result);
    const auto matches = fromWire<ResourceMatch>(response.matches());
    QStringList unreachable;
    for (const auto &agent : response.unreachable_agents())
        unreachable.append(fromStd(agent));
    if (m_json) {
        QJsonArray array;
        for (const ResourceMatch &m : matches)
            array.append(QJsonObject{{QStringLiteral("node"), m.nodeId},
                                     {QStringLiteral("cluster"), m.clusterId},
                                     {QStringLiteral("site"), m.siteId},
                                     {QStringLiteral("source"), m.source},
                                     {QStringLiteral("ageMs"), m.ageMs},
                                     {QStringLiteral("attributes"),
                                      QJsonObject::fromVariantMap(m.attributes)}});
        printJson({{QStringLiteral("matches"), array},
                   {QStringLiteral("unreachableAgents"), stringsJson(unreachable)}},
                  false);
        return ExitOk;
    }
    QStringList attributeNames;
    for (const ResourceMatch &m : matches) {
        for (auto it = m.attributes.cbegin(); it != m.attributes.cend(); ++it) {
            if (!attributeNames.contains(it.key()))
                attributeNames.append(it.key());
        }
    }
    QStringList header{QStringLiteral("NODE"), QStringLiteral("CLUSTER"), QStringLiteral("SITE"),
                       QStringLiteral("SOURCE"), QStringLiteral("AGE")};
    for (const QString &name : std::as_const(attributeNames))
        header.append(name.toUpper());
    Table table(header);
    for (const ResourceMatch &m : matches) {
        QStringList row{m.nodeId, m.clusterId, m.siteId, m.source,
                        QString::number(double(m.ageMs) / 1000.0, 'f', 1) + QLatin1Char('s')};
        for (const QString &name : std::as_const(attributeNames))
            row.append(m.attributes.value(name).toString());
        table.add(row);
    }
    table.print();
    printLine(QStringLiteral("%1 nodes match").arg(matches.size()));
    if (!unreachable.isEmpty())
        printLine(QStringLiteral("unreachable agents: ") + unreachable.join(QStringLiteral(", ")));
    return ExitOk;
}

int Client::workloads()
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListWorkloadsResponse response;
    if (auto result = m_stub->ListWorkloads(&context, {}, &response); !result.ok())
        return serverError(result);
    const auto workloads = fromWire<Workload>(response.workloads());
    if (m_json) {
        QJsonArray array;
        for (const Workload &w : workloads)
            array.append(toJson(w));
        printJson({{QStringLiteral("workloads"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("KIND"),
                 QStringLiteral("REPLICAS"), QStringLiteral("GROUP"), QStringLiteral("BY"),
                 QStringLiteral("SUBMITTED")});
    for (const Workload &w : workloads)
        table.add({w.id, w.name, toString(w.kind), QString::number(w.requirements.replicas),
                   w.groupId, w.submittedBy, timeText(w.submittedMs)});
    table.print();
    return ExitOk;
}

int Client::deployments(const QString &workloadId)
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListDeploymentsRequest request;
    request.set_workload_id(workloadId.toStdString());
    v1::ListDeploymentsResponse response;
    if (auto result = m_stub->ListDeployments(&context, request, &response); !result.ok())
        return serverError(result);
    const auto deployments = fromWire<Deployment>(response.deployments());
    if (m_json) {
        QJsonArray array;
        for (const Deployment &d : deployments)
            array.append(toJson(d));
        printJson({{QStringLiteral("deployments"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("WORKLOAD"), QStringLiteral("REPLICA"),
                 QStringLiteral("STATE"), QStringLiteral("DESIRED"), QStringLiteral("NODE"),
                 QStringLiteral("CLUSTER"), QStringLiteral("MESSAGE")});
    for (const Deployment &d : deployments)
        table.add({d.id, d.workloadId, QString::number(d.replica), toString(d.state),
                   toString(d.desired), d.nodeId, d.clusterId, d.message});
    table.print();
    return ExitOk;
}

int Client::explain(const QString &workloadId, const QString &file)
{
    grpc::ClientContext context;
    prepare(context);
    v1::ExplainPlacementRequest request;
    QList<Workload> intents;
    if (!file.isEmpty()) {
        const QByteArray text = readIntentFile(file);
        auto parsed = parseIntents(text);
        if (!parsed)
            return fail(QStringLiteral("%1: %2").arg(file, parsed.error()));
        intents = *parsed;
        request.set_yaml(text.toStdString());
    }
    request.set_workload_id(workloadId.toStdString());
    v1::ExplainPlacementResponse response;
    if (auto result = m_stub->ExplainPlacement(&context, request, &response); !result.ok())
        return serverError(result);
    const auto explanations = fromWire<PlacementExplanation>(response.explanations());
    if (m_json) {
        QJsonArray array;
        for (const PlacementExplanation &e : explanations)
            array.append(explanationJson(e));
        printJson({{QStringLiteral("explanations"), array}}, false);
        return ExitOk;
    }
    for (qsizetype i = 0; i < explanations.size(); ++i) {
        QString title;
        if (!workloadId.isEmpty() && i == 0)
            title = workloadId;
        else {
            const qsizetype intent = workloadId.isEmpty() ? i : i - 1;
            title = intent < intents.size() ? intents.at(intent).name
                                            : QStringLiteral("intent %1").arg(intent + 1);
        }
        printExplanation(explanations.at(i), title);
    }
    return ExitOk;
}

int Client::whatIf(const QList<WhatIfChange> &changes, const QString &file)
{
    grpc::ClientContext context;
    prepare(context);
    v1::WhatIfRequest request;
    for (const WhatIfChange &change : changes)
        Api::toProto(change, request.add_changes());
    if (!file.isEmpty()) {
        const QByteArray text = readIntentFile(file);
        if (auto parsed = parseIntents(text); !parsed)
            return fail(QStringLiteral("%1: %2").arg(file, parsed.error()));
        request.set_yaml(text.toStdString());
    }
    v1::WhatIfResponse response;
    if (auto result = m_stub->WhatIf(&context, request, &response); !result.ok())
        return serverError(result);
    const WhatIfResult result = Api::fromProto(response);
    if (m_json) {
        QJsonArray moves, unplaceable, placements;
        for (const PlannedMove &m : result.moves)
            moves.append(moveJson(m));
        for (const PlannedMove &m : result.unplaceable)
            unplaceable.append(moveJson(m));
        for (const PlacementExplanation &e : result.newPlacements)
            placements.append(explanationJson(e));
        printJson({{QStringLiteral("moves"), moves},
                   {QStringLiteral("unplaceable"), unplaceable},
                   {QStringLiteral("newPlacements"), placements},
                   {QStringLiteral("unavailableNodes"), stringsJson(result.unavailableNodes)}},
                  false);
        return ExitOk;
    }
    if (!result.unavailableNodes.isEmpty())
        printLine(QStringLiteral("nodes taken away: ") + result.unavailableNodes.join(QStringLiteral(", ")));
    printMoves(result.moves, QStringLiteral("nothing would move"));
    if (!result.unplaceable.isEmpty()) {
        printLine(QStringLiteral("would have nowhere to go:"));
        printMoves(result.unplaceable, QString());
    }
    for (qsizetype i = 0; i < result.newPlacements.size(); ++i)
        printExplanation(result.newPlacements.at(i), QStringLiteral("new intent %1").arg(i + 1));
    printLine(QStringLiteral("(what-if: nothing was changed)"));
    return ExitOk;
}

int Client::reoptimize(const QStringList &nodes, bool evacuate, int budget, bool dryRun)
{
    grpc::ClientContext context;
    prepare(context);
    v1::ReoptimizeRequest request;
    for (const QString &node : nodes)
        request.add_nodes(node.toStdString());
    request.set_evacuate(evacuate);
    request.set_disruption_budget(budget);
    request.set_dry_run(dryRun);
    request.set_actor(actor().toStdString());
    v1::ReoptimizeResponse response;
    if (auto result = m_stub->Reoptimize(&context, request, &response); !result.ok())
        return serverError(result);
    const auto moves = fromWire<PlannedMove>(response.moves());
    if (m_json) {
        QJsonArray array;
        for (const PlannedMove &m : moves)
            array.append(moveJson(m));
        printJson({{QStringLiteral("dryRun"), response.dry_run()}, {QStringLiteral("moves"), array}},
                  false);
        return ExitOk;
    }
    printMoves(moves, QStringLiteral("no move improves the placement"));
    if (response.dry_run() && !moves.isEmpty())
        printLine(QStringLiteral("dry run: nothing was moved"));
    return ExitOk;
}

int Client::terminate(const QString &workloadId)
{
    grpc::ClientContext context;
    prepare(context);
    v1::TerminateWorkloadRequest request;
    request.set_workload_id(workloadId.toStdString());
    request.set_actor(actor().toStdString());
    v1::TerminateWorkloadResponse response;
    if (auto result = m_stub->TerminateWorkload(&context, request, &response); !result.ok())
        return serverError(result);
    const auto deployments = fromWire<Deployment>(response.deployments());
    if (m_json) {
        QJsonArray array;
        for (const Deployment &d : deployments)
            array.append(toJson(d));
        printJson({{QStringLiteral("deployments"), array}}, false);
        return ExitOk;
    }
    printLine(QStringLiteral("workload %1: %2 deployments set to terminate")
                  .arg(workloadId)
                  .arg(deployments.size()));
    return ExitOk;
}

int Client::pin(const QString &deploymentId, const QString &nodeId, bool force)
{
    grpc::ClientContext context;
    prepare(context);
    v1::PinDeploymentRequest request;
    request.set_deployment_id(deploymentId.toStdString());
    request.set_node_id(nodeId.toStdString());
    request.set_force(force);
    request.set_actor(actor().toStdString());
    v1::PinDeploymentResponse response;
    if (auto result = m_stub->PinDeployment(&context, request, &response); !result.ok())
        return serverError(result);
    const PlannedMove move = Api::fromProto(response.move());
    if (m_json) {
        printJson(moveJson(move), false);
        return ExitOk;
    }
    printLine(QStringLiteral("deployment %1: %2 -> %3 (%4)")
                  .arg(move.deploymentId, move.fromNodeId, move.toNodeId, move.reason));
    return ExitOk;
}

int Client::backends(const QString &clusterId, const QString &kind)
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListBackendObjectsRequest request;
    request.set_cluster_id(clusterId.toStdString());
    request.set_kind(kind.toStdString());
    v1::ListBackendObjectsResponse response;
    if (auto result = m_stub->ListBackendObjects(&context, request, &response); !result.ok())
        return serverError(result);
    QList<BackendObject> objects;
    for (const auto &wire : response.objects())
        objects.append(Api::fromProto(wire));
    if (m_json) {
        QJsonArray array;
        for (const BackendObject &o : std::as_const(objects)) {
            QJsonArray phases;
            for (const InstantiationPhase &phase : o.phases)
                phases.append(QJsonObject{{QStringLiteral("name"), phase.name},
                                          {QStringLiteral("timestampMs"), phase.timestampMs},
                                          {QStringLiteral("sinceStartMs"), phase.sinceStartMs}});
            array.append(QJsonObject{{QStringLiteral("id"), o.id},
                                     {QStringLiteral("kind"), o.kind},
                                     {QStringLiteral("name"), o.name},
                                     {QStringLiteral("clusterId"), o.clusterId},
                                     {QStringLiteral("nodeId"), o.nodeId},
                                     {QStringLiteral("state"), o.state},
                                     {QStringLiteral("deploymentId"), o.deploymentId},
                                     {QStringLiteral("updatedMs"), o.updatedMs},
                                     {QStringLiteral("properties"), QJsonObject::fromVariantMap(o.properties)},
                                     {QStringLiteral("actions"), QJsonArray::fromStringList(o.actions)},
                                     {QStringLiteral("phases"), phases}});
        }
        printJson({{QStringLiteral("objects"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("KIND"), QStringLiteral("STATE"),
                 QStringLiteral("NODE"), QStringLiteral("DEPLOYMENT"), QStringLiteral("PHASES"),
                 QStringLiteral("ACTIONS")});
    for (const BackendObject &o : std::as_const(objects)) {
        QStringList phases;
        double previous = 0.0;
        for (const InstantiationPhase &phase : o.phases) {
            phases.append(QStringLiteral("%1 +%2ms").arg(phase.name).arg(phase.sinceStartMs - previous, 0, 'f', 1));
            previous = phase.sinceStartMs;
        }
        table.add({o.id, o.kind, o.state, o.nodeId, o.deploymentId, phases.join(QStringLiteral(", ")),
                   o.actions.join(QLatin1Char(','))});
    }
    table.print();
    return ExitOk;
}

int Client::backendAction(const QString &objectId, const QString &action, const QVariantMap &arguments)
{
    grpc::ClientContext context;
    prepare(context);
    v1::InvokeBackendActionRequest request;
    request.set_object_id(objectId.toStdString());
    request.set_action(action.toStdString());
    for (auto it = arguments.cbegin(); it != arguments.cend(); ++it)
        (*request.mutable_arguments())[it.key().toStdString()] = it.value().toString().toStdString();
    request.set_actor(actor().toStdString());
    v1::InvokeBackendActionResponse response;
    if (auto result = m_stub->InvokeBackendAction(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        printJson({{QStringLiteral("object"), objectId}, {QStringLiteral("action"), action},
                   {QStringLiteral("accepted"), true}},
                  false);
        return ExitOk;
    }
    printLine(QStringLiteral("%1: %2 accepted").arg(objectId, action));
    return ExitOk;
}

int Client::backendLog(const QString &objectId, qint64 maxBytes)
{
    grpc::ClientContext context;
    prepare(context);
    v1::GetBackendObjectLogRequest request;
    request.set_object_id(objectId.toStdString());
    request.set_max_bytes(maxBytes);
    v1::GetBackendObjectLogResponse response;
    if (auto result = m_stub->GetBackendObjectLog(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        printJson({{QStringLiteral("object"), objectId},
                   {QStringLiteral("text"), QString::fromStdString(response.text())}},
                  false);
        return ExitOk;
    }
    std::fwrite(response.text().data(), 1, response.text().size(), stdout);
    if (!response.text().empty() && response.text().back() != '\n')
        std::fputc('\n', stdout);
    return ExitOk;
}

// ---- P4 network control (issue 7) -------------------------------------------------------------

/// The JSON object of a wire string; a malformed one is the server's fault.
QJsonObject wireObject(const std::string &text)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

QString joinPath(const QStringList &path)
{
    return path.isEmpty() ? QStringLiteral("-") : path.join(QLatin1Char('-'));
}

/// A JSON object file, or "-" for stdin.
QJsonObject readJsonObjectFile(const QString &path)
{
    QByteArray data;
    if (path == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            throw UsageError{QStringLiteral("cannot read stdin")};
        data = in.readAll();
    } else {
        data = readIntentFile(path);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw UsageError{QStringLiteral("%1: malformed JSON at offset %2: %3")
                             .arg(path)
                             .arg(parseError.offset)
                             .arg(parseError.errorString())};
    if (!document.isObject())
        throw UsageError{QStringLiteral("%1: expected one JSON object").arg(path)};
    return document.object();
}

/// The P4 program a switch runs, fetched once per run.
std::optional<P4Program> Client::program(const QString &switchId, int *exitCode)
{
    if (const auto it = m_programs.constFind(switchId); it != m_programs.cend())
        return *it;
    grpc::ClientContext context;
    prepare(context);
    v1::GetP4ProgramRequest request;
    request.set_switch_id(switchId.toStdString());
    v1::GetP4ProgramResponse response;
    if (auto result = m_stub->GetP4Program(&context, request, &response); !result.ok()) {
        *exitCode = serverError(result);
        return std::nullopt;
    }
    P4Program loaded = P4Program::reference();
    if (!response.p4info().empty()) {
        auto parsed = P4Program::fromP4Info(QByteArray::fromStdString(response.p4info()));
        if (!parsed) {
            *exitCode = fail(QStringLiteral("the P4Info of switch %1 does not load: %2").arg(switchId, parsed.error()));
            return std::nullopt;
        }
        loaded = *parsed;
    }
    m_programs.insert(switchId, loaded);
    return loaded;
}

int Client::p4Switches()
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListP4SwitchesResponse response;
    if (auto result = m_stub->ListP4Switches(&context, {}, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        QJsonArray array;
        for (const std::string &text : response.switches_json())
            array.append(wireObject(text));
        printJson({{QStringLiteral("switches"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("SWITCH"), QStringLiteral("NAME"), QStringLiteral("TARGET"),
                 QStringLiteral("CONNECTED"), QStringLiteral("PIPELINE"), QStringLiteral("INT-ID"),
                 QStringLiteral("DESIRED"), QStringLiteral("INSTALLED"), QStringLiteral("LAST-APPLIED"),
                 QStringLiteral("ERROR")});
    for (const std::string &text : response.switches_json()) {
        auto status = Api::p4SwitchStatusFromJson(wireObject(text));
        if (!status)
            return fail(QStringLiteral("the server sent a bad switch: %1").arg(status.error()));
        table.add({status->switchId, status->name, status->pluginId.isEmpty() ? QStringLiteral("-") : status->pluginId,
                   status->connected ? QStringLiteral("yes") : QStringLiteral("no"),
                   status->pipeline.isEmpty() ? QStringLiteral("-") : status->pipeline,
                   QString::number(status->intSwitchId), QString::number(status->desiredEntries),
                   status->installedEntries < 0 ? QStringLiteral("?") : QString::number(status->installedEntries),
                   timeText(status->lastAppliedMs), status->lastError});
    }
    table.print();
    return ExitOk;
}

int Client::p4Entries(const QString &switchId, const QString &tableName, bool withCounters)
{
    int exitCode = ExitOk;
    const auto loaded = program(switchId, &exitCode);
    if (!loaded)
        return exitCode;
    grpc::ClientContext context;
    prepare(context);
    v1::ListP4EntriesRequest request;
    request.set_switch_id(switchId.toStdString());
    request.set_table(tableName.toStdString());
    request.set_with_counters(withCounters);
    v1::ListP4EntriesResponse response;
    if (auto result = m_stub->ListP4Entries(&context, request, &response); !result.ok())
        return serverError(result);
    QList<P4EntryStatus> entries;
    entries.reserve(response.entries_size());
    for (const auto &wire : response.entries()) {
        auto entry = Api::fromProto(*loaded, wire);
        if (!entry)
            return fail(QStringLiteral("the server sent a bad entry: %1").arg(entry.error()));
        entries.append(std::move(*entry));
    }
    if (m_json) {
        QJsonArray array;
        for (const P4EntryStatus &status : std::as_const(entries)) {
            QJsonObject object{{QStringLiteral("entry"), toJson(*loaded, status.entry)},
                               {QStringLiteral("text"), P4EntryText::format(*loaded, status.entry)},
                               {QStringLiteral("desired"), status.desired},
                               {QStringLiteral("installed"), status.installed}};
            if (status.hasCounters) {
                object.insert(QStringLiteral("packets"), status.counters.packets);
                object.insert(QStringLiteral("bytes"), status.counters.bytes);
            }
            array.append(object);
        }
        printJson({{QStringLiteral("switchId"), switchId}, {QStringLiteral("table"), tableName},
                   {QStringLiteral("entries"), array}},
                  false);
        return ExitOk;
    }
    QStringList header{QStringLiteral("STATE")};
    if (withCounters)
        header << QStringLiteral("PACKETS") << QStringLiteral("BYTES");
    header << QStringLiteral("ENTRY");
    Table table(header);
    for (const P4EntryStatus &status : std::as_const(entries)) {
        // installed: desired and on the switch; pending: desired, not (yet) on the switch;
        // stray: on the switch, not desired (the next apply deletes it).
        const QString state = status.desired ? (status.installed ? QStringLiteral("installed") : QStringLiteral("pending"))
                                             : QStringLiteral("stray");
        QStringList row{state};
        if (withCounters) {
            row << (status.hasCounters ? QString::number(status.counters.packets) : QStringLiteral("-"))
                << (status.hasCounters ? QString::number(status.counters.bytes) : QStringLiteral("-"));
        }
        row << P4EntryText::format(*loaded, status.entry);
        table.add(row);
    }
    table.print();
    if (entries.isEmpty())
        printLine(QStringLiteral("(no entries)"));
    return ExitOk;
}

int Client::p4Apply(const QString &switchId, const QString &tableName, const QString &path, bool dryRun)
{
    int exitCode = ExitOk;
    const auto loaded = program(switchId, &exitCode);
    if (!loaded)
        return exitCode;
    QByteArray data;
    if (path == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            throw UsageError{QStringLiteral("cannot read stdin")};
        data = in.readAll();
    } else {
        data = readIntentFile(path);
    }
    const P4TableInfo *tableInfo = tableName.isEmpty() ? nullptr : loaded->table(tableName);
    if (!tableName.isEmpty() && !tableInfo)
        return fail(QStringLiteral("switch %1 has no table \"%2\"").arg(switchId, tableName));
    // Parsed and checked here, so that errors name the line; the daemon checks the set again.
    QList<P4TableEntry> entries;
    QList<int> lineOf;
    const QList<QByteArray> lines = data.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QString where = QStringLiteral("%1:%2").arg(path == QLatin1String("-") ? QStringLiteral("stdin") : path).arg(i + 1);
        auto entry = P4EntryText::parse(*loaded, line);
        if (!entry)
            throw UsageError{QStringLiteral("%1: %2").arg(where, entry.error())};
        if (tableInfo && loaded->table(entry->table) != tableInfo)
            throw UsageError{QStringLiteral("%1: entry of table %2, but --table is %3").arg(where, entry->table, tableName)};
        const QList<P4ValidationError> errors = P4Validation::validate(*loaded, *entry);
        if (!errors.isEmpty()) {
            const P4ValidationError &first = errors.constFirst();
            throw UsageError{QStringLiteral("%1: %2%3").arg(where, first.field.isEmpty() ? QString() : first.field + QStringLiteral(": "),
                                                           first.message)};
        }
        entries.append(std::move(*entry));
        lineOf.append(i + 1);
    }
    grpc::ClientContext context;
    prepare(context);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
    v1::SetP4EntriesRequest request;
    request.set_switch_id(switchId.toStdString());
    request.set_table(tableName.toStdString());
    request.mutable_entries_json()->Reserve(int(entries.size()));
    for (const P4TableEntry &entry : std::as_const(entries))
        request.add_entries_json(Api::jsonText(toJson(*loaded, entry)));
    request.set_dry_run(dryRun);
    request.set_actor(actor().toStdString());
    v1::SetP4EntriesResponse response;
    if (auto result = m_stub->SetP4Entries(&context, request, &response); !result.ok()) {
        // "#3: ..." from the set check: say which line that entry came from.
        QString message = fromStd(result.error_message());
        static const QRegularExpression index(QStringLiteral("^#(\\d+)"));
        if (const auto match = index.match(message); match.hasMatch()) {
            const int i = match.captured(1).toInt();
            if (i >= 0 && i < lineOf.size())
                message = QStringLiteral("%1:%2: %3").arg(path).arg(lineOf.at(i)).arg(message);
        }
        if (result.error_code() == grpc::StatusCode::UNAVAILABLE
            || result.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED)
            return serverError(result);
        return fail(message);
    }
    auto applied = Api::fromProto(*loaded, response, switchId);
    if (!applied)
        return fail(QStringLiteral("the server sent a bad answer: %1").arg(applied.error()));
    const P4EntryDiff &diff = applied->diff;
    if (m_json) {
        auto list = [&](const QList<P4TableEntry> &from) {
            QJsonArray array;
            for (const P4TableEntry &entry : from)
                array.append(toJson(*loaded, entry));
            return array;
        };
        printJson({{QStringLiteral("switchId"), switchId},
                   {QStringLiteral("table"), tableName},
                   {QStringLiteral("dryRun"), dryRun},
                   {QStringLiteral("applied"), applied->applied},
                   {QStringLiteral("rolledBack"), applied->rolledBack},
                   {QStringLiteral("durationUs"), applied->durationUs},
                   {QStringLiteral("unchanged"), diff.unchanged},
                   {QStringLiteral("inserted"), list(diff.toInsert)},
                   {QStringLiteral("modified"), list(diff.toModify)},
                   {QStringLiteral("deleted"), list(diff.toDelete)}},
                  false);
        return ExitOk;
    }
    for (const P4TableEntry &entry : diff.toInsert)
        printLine(QStringLiteral("+ ") + P4EntryText::format(*loaded, entry));
    for (const P4TableEntry &entry : diff.toModify)
        printLine(QStringLiteral("~ ") + P4EntryText::format(*loaded, entry));
    for (const P4TableEntry &entry : diff.toDelete)
        printLine(QStringLiteral("- ") + P4EntryText::format(*loaded, entry));
    const QString counts = QStringLiteral("%1 to insert, %2 to modify, %3 to delete, %4 unchanged")
                               .arg(diff.toInsert.size())
                               .arg(diff.toModify.size())
                               .arg(diff.toDelete.size())
                               .arg(diff.unchanged);
    const QString where = QStringLiteral("%1 %2").arg(switchId, tableName.isEmpty() ? QStringLiteral("(all tables)") : tableName);
    if (dryRun)
        printLine(QStringLiteral("%1: %2 (dry run: nothing written)").arg(where, counts));
    else if (applied->applied)
        printLine(QStringLiteral("%1: %2: written in %3 ms").arg(where, counts).arg(double(applied->durationUs) / 1000.0, 0, 'f', 1));
    else if (diff.isEmpty())
        printLine(QStringLiteral("%1: nothing to change (%2 unchanged)").arg(where).arg(diff.unchanged));
    else
        printLine(QStringLiteral("%1: %2: stored; the switch is not connected and gets them when it connects").arg(where, counts));
    return ExitOk;
}

int Client::p4DryRun(const QString &switchId, const QString &packet)
{
    grpc::ClientContext context;
    prepare(context);
    v1::DryRunP4PacketRequest request;
    request.set_switch_id(switchId.toStdString());
    request.set_packet(packet.toStdString());
    v1::DryRunP4PacketResponse response;
    if (auto result = m_stub->DryRunP4Packet(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        printJson({{QStringLiteral("switchId"), switchId}, {QStringLiteral("packet"), packet},
                   {QStringLiteral("trace"), fromStd(response.trace())}},
                  false);
        return ExitOk;
    }
    QString trace = fromStd(response.trace());
    while (trace.endsWith(QLatin1Char('\n')))
        trace.chop(1);
    printLine(trace);
    return ExitOk;
}

QString endpointText(const ConnectionEndpoint &endpoint)
{
    QString text = endpoint.name.isEmpty() ? endpoint.ip : QStringLiteral("%1 (%2)").arg(endpoint.name, endpoint.ip);
    if (endpoint.l4Port > 0)
        text += QStringLiteral(":%1").arg(endpoint.l4Port);
    return text + QStringLiteral(" @%1/%2").arg(endpoint.switchId).arg(endpoint.switchPort);
}

QString protocolText(int protocol)
{
    switch (protocol) {
    case 0:
        return QStringLiteral("any");
    case 6:
        return QStringLiteral("tcp");
    case 17:
        return QStringLiteral("udp");
    default:
        return QString::number(protocol);
    }
}

int Client::connections()
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListConnectionsResponse response;
    if (auto result = m_stub->ListConnections(&context, {}, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        QJsonArray array;
        for (const std::string &text : response.connections_json())
            array.append(wireObject(text));
        printJson({{QStringLiteral("connections"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("FLOW"), QStringLiteral("PROTO"), QStringLiteral("A"),
                 QStringLiteral("B"), QStringLiteral("TELEMETRY"), QStringLiteral("PATH"), QStringLiteral("BACKUP"),
                 QStringLiteral("AVOIDING")});
    for (const std::string &text : response.connections_json()) {
        auto c = connectionFromJson(wireObject(text));
        if (!c)
            return fail(QStringLiteral("the server sent a bad connection: %1").arg(c.error()));
        table.add({c->id, QString::number(c->flowId), protocolText(c->ipProtocol), endpointText(c->a),
                   endpointText(c->b), c->telemetry ? QStringLiteral("on") : QStringLiteral("off"),
                   joinPath(c->path), joinPath(c->backupPath),
                   c->avoidedSwitches.isEmpty() ? QStringLiteral("-") : c->avoidedSwitches.join(QLatin1Char(','))});
    }
    table.print();
    return ExitOk;
}

int Client::printConnection(const std::string &text, const QString &what)
{
    const QJsonObject object = wireObject(text);
    if (m_json) {
        printJson(object, false);
        return ExitOk;
    }
    auto c = connectionFromJson(object);
    if (!c)
        return fail(QStringLiteral("the server sent a bad connection: %1").arg(c.error()));
    printLine(QStringLiteral("connection %1 %2: path %3").arg(c->id, what, joinPath(c->path)));
    if (!c->backupPath.isEmpty())
        printLine(QStringLiteral("  backup %1").arg(joinPath(c->backupPath)));
    if (!c->avoidedSwitches.isEmpty())
        printLine(QStringLiteral("  avoiding %1").arg(c->avoidedSwitches.join(QLatin1Char(','))));
    return ExitOk;
}

int Client::addConnection(const QString &path, bool dryRun)
{
    const QJsonObject object = readJsonObjectFile(path);
    // Checked here too, so that a bad file is a usage error naming the key.
    auto parsed = connectionFromJson(object);
    if (!parsed)
        throw UsageError{QStringLiteral("%1: %2").arg(path, parsed.error())};
    if (auto valid = validateConnection(*parsed); !valid)
        throw UsageError{QStringLiteral("%1: %2").arg(path, valid.error())};
    grpc::ClientContext context;
    prepare(context);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    v1::UpsertConnectionRequest request;
    request.set_connection_json(Api::jsonText(object));
    request.set_dry_run(dryRun);
    request.set_actor(actor().toStdString());
    v1::UpsertConnectionResponse response;
    if (auto result = m_stub->UpsertConnection(&context, request, &response); !result.ok())
        return serverError(result);
    return printConnection(response.connection_json(),
                           dryRun ? QStringLiteral("would be set (dry run: nothing written)") : QStringLiteral("set"));
}

int Client::removeConnection(const QString &connectionId)
{
    grpc::ClientContext context;
    prepare(context);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    v1::RemoveConnectionRequest request;
    request.set_connection_id(connectionId.toStdString());
    request.set_actor(actor().toStdString());
    v1::RemoveConnectionResponse response;
    if (auto result = m_stub->RemoveConnection(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json)
        printJson({{QStringLiteral("connectionId"), connectionId}, {QStringLiteral("removed"), true}}, false);
    else
        printLine(QStringLiteral("connection %1 removed; its entries are deleted").arg(connectionId));
    return ExitOk;
}

int Client::rerouteConnection(const QString &connectionId, const QStringList &avoid)
{
    grpc::ClientContext context;
    prepare(context);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    v1::RerouteConnectionRequest request;
    request.set_connection_id(connectionId.toStdString());
    for (const QString &switchId : avoid)
        request.add_avoid_switches(switchId.toStdString());
    request.set_actor(actor().toStdString());
    v1::RerouteConnectionResponse response;
    if (auto result = m_stub->RerouteConnection(&context, request, &response); !result.ok())
        return serverError(result);
    return printConnection(response.connection_json(),
                           avoid.isEmpty() ? QStringLiteral("restored") : QStringLiteral("rerouted"));
}

int Client::slaRules()
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListSlaRulesResponse response;
    if (auto result = m_stub->ListSlaRules(&context, {}, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        QJsonArray array;
        for (const std::string &text : response.rules_json())
            array.append(wireObject(text));
        printJson({{QStringLiteral("rules"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("CONNECTION"), QStringLiteral("METRIC"),
                 QStringLiteral("THRESHOLD"), QStringLiteral("PERSISTENCE"), QStringLiteral("WINDOW"),
                 QStringLiteral("ON-VIOLATION"), QStringLiteral("ENABLED")});
    for (const std::string &text : response.rules_json()) {
        auto rule = slaRuleFromJson(wireObject(text));
        if (!rule)
            return fail(QStringLiteral("the server sent a bad SLA rule: %1").arg(rule.error()));
        table.add({rule->id, rule->connectionId, toString(rule->metric) + QStringLiteral(" latency"),
                   QStringLiteral("%1 ms").arg(rule->thresholdMs), QStringLiteral("%1 ms").arg(rule->persistenceMs),
                   QStringLiteral("%1 ms").arg(rule->windowMs),
                   rule->reroute ? QStringLiteral("reroute") : QStringLiteral("event"),
                   rule->enabled ? QStringLiteral("yes") : QStringLiteral("no")});
    }
    table.print();
    return ExitOk;
}

int Client::setSlaRule(const QString &path)
{
    const QJsonObject object = readJsonObjectFile(path);
    auto rule = slaRuleFromJson(object);
    if (!rule)
        throw UsageError{QStringLiteral("%1: %2").arg(path, rule.error())};
    if (auto valid = validateSlaRule(*rule); !valid)
        throw UsageError{QStringLiteral("%1: %2").arg(path, valid.error())};
    grpc::ClientContext context;
    prepare(context);
    v1::UpsertSlaRuleRequest request;
    request.set_rule_json(Api::jsonText(object));
    request.set_actor(actor().toStdString());
    v1::UpsertSlaRuleResponse response;
    if (auto result = m_stub->UpsertSlaRule(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json)
        printJson({{QStringLiteral("rule"), toJson(*rule)}, {QStringLiteral("set"), true}}, false);
    else
        printLine(QStringLiteral("SLA rule %1 set: %2 latency of %3 above %4 ms for %5 ms -> %6")
                      .arg(rule->id, toString(rule->metric), rule->connectionId)
                      .arg(rule->thresholdMs)
                      .arg(rule->persistenceMs)
                      .arg(rule->reroute ? QStringLiteral("reroute") : QStringLiteral("event only")));
    return ExitOk;
}

int Client::removeSlaRule(const QString &ruleId)
{
    grpc::ClientContext context;
    prepare(context);
    v1::RemoveSlaRuleRequest request;
    request.set_rule_id(ruleId.toStdString());
    request.set_actor(actor().toStdString());
    v1::RemoveSlaRuleResponse response;
    if (auto result = m_stub->RemoveSlaRule(&context, request, &response); !result.ok())
        return serverError(result);
    if (m_json)
        printJson({{QStringLiteral("ruleId"), ruleId}, {QStringLiteral("removed"), true}}, false);
    else
        printLine(QStringLiteral("SLA rule %1 removed").arg(ruleId));
    return ExitOk;
}

int Client::reroutes()
{
    grpc::ClientContext context;
    prepare(context);
    v1::ListReroutesResponse response;
    if (auto result = m_stub->ListReroutes(&context, {}, &response); !result.ok())
        return serverError(result);
    if (m_json) {
        QJsonArray array;
        for (const std::string &text : response.reroutes_json())
            array.append(wireObject(text));
        printJson({{QStringLiteral("reroutes"), array}}, false);
        return ExitOk;
    }
    Table table({QStringLiteral("TIME"), QStringLiteral("CONNECTION"), QStringLiteral("FLOW"),
                 QStringLiteral("RULE"), QStringLiteral("AVOIDED"), QStringLiteral("FROM"), QStringLiteral("TO"),
                 QStringLiteral("VALUE"), QStringLiteral("REACTION")});
    for (const std::string &text : response.reroutes_json()) {
        auto record = Api::rerouteRecordFromJson(wireObject(text));
        if (!record)
            return fail(QStringLiteral("the server sent a bad reroute: %1").arg(record.error()));
        const bool manual = record->ruleId.isEmpty();
        table.add({timeText(record->atMs), record->connectionId, QString::number(record->flowId),
                   manual ? QStringLiteral("(manual)") : record->ruleId,
                   record->avoidedSwitch.isEmpty() ? QStringLiteral("-") : record->avoidedSwitch,
                   joinPath(record->fromPath), joinPath(record->toPath),
                   manual ? QStringLiteral("-")
                          : QStringLiteral("%1 > %2 ms").arg(record->valueMs, 0, 'f', 3).arg(record->thresholdMs),
                   record->reactionMs > 0 ? QStringLiteral("%1 ms").arg(record->reactionMs, 0, 'f', 1)
                                          : QStringLiteral("-")});
    }
    table.print();
    return ExitOk;
}

/// `p4`, `connections`/`connection`, `sla`, `reroutes`; nullopt for other commands.
std::optional<int> Client::runNetwork(const QString &command, QStringList &arguments)
{
    if (command == QLatin1String("p4")) {
        if (arguments.isEmpty())
            throw UsageError{QStringLiteral("p4 wants switches, entries, apply or dry-run")};
        const QString sub = arguments.takeFirst();
        if (sub == QLatin1String("switches")) {
            expectNoMore(arguments);
            return p4Switches();
        }
        if (sub == QLatin1String("entries")) {
            const QString table = takeOption(arguments, QStringLiteral("--table")).value_or(QString());
            const bool counters = takeFlag(arguments, QStringLiteral("--counters"));
            if (arguments.isEmpty())
                throw UsageError{QStringLiteral("p4 entries needs a SWITCH")};
            const QString switchId = arguments.takeFirst();
            expectNoMore(arguments);
            return p4Entries(switchId, table, counters);
        }
        if (sub == QLatin1String("apply")) {
            const auto table = takeOption(arguments, QStringLiteral("--table"));
            const bool allTables = takeFlag(arguments, QStringLiteral("--all-tables"));
            const bool dryRun = takeFlag(arguments, QStringLiteral("--dry-run"));
            if (!table && !allTables)
                throw UsageError{QStringLiteral("p4 apply needs --table T (or --all-tables to replace "
                                                "every table of the switch)")};
            if (table && allTables)
                throw UsageError{QStringLiteral("give --table or --all-tables, not both")};
            if (arguments.size() != 2)
                throw UsageError{QStringLiteral("p4 apply needs a SWITCH and a FILE (- for stdin)")};
            const QString switchId = arguments.takeFirst();
            const QString file = arguments.takeFirst();
            return p4Apply(switchId, table.value_or(QString()), file, dryRun);
        }
        if (sub == QLatin1String("dry-run")) {
            if (arguments.size() < 2)
                throw UsageError{QStringLiteral("p4 dry-run needs a SWITCH and a packet "
                                                "('in_port=1 ip_dst=10.0.0.2 dport=80')")};
            const QString switchId = arguments.takeFirst();
            // The packet may come as one quoted word or as several.
            return p4DryRun(switchId, arguments.join(QLatin1Char(' ')));
        }
        throw UsageError{QStringLiteral("p4 wants switches, entries, apply or dry-run, not \"%1\"").arg(sub)};
    }
    if (command == QLatin1String("connections")) {
        expectNoMore(arguments);
        return connections();
    }
    if (command == QLatin1String("connection")) {
        if (arguments.isEmpty())
            throw UsageError{QStringLiteral("connection wants add, rm, reroute or restore")};
        const QString sub = arguments.takeFirst();
        if (sub == QLatin1String("add")) {
            const bool dryRun = takeFlag(arguments, QStringLiteral("--dry-run"));
            if (arguments.size() != 1)
                throw UsageError{QStringLiteral("connection add needs one FILE.json (- for stdin)")};
            return addConnection(arguments.constFirst(), dryRun);
        }
        if (sub == QLatin1String("rm") || sub == QLatin1String("remove")) {
            if (arguments.size() != 1)
                throw UsageError{QStringLiteral("connection rm needs one ID")};
            return removeConnection(arguments.constFirst());
        }
        if (sub == QLatin1String("reroute")) {
            const auto avoid = takeOption(arguments, QStringLiteral("--avoid"));
            if (!avoid || avoid->isEmpty())
                throw UsageError{QStringLiteral("connection reroute needs --avoid SWITCH[,SWITCH...] "
                                                "(connection restore ID goes back)")};
            if (arguments.size() != 1)
                throw UsageError{QStringLiteral("connection reroute needs one ID")};
            return rerouteConnection(arguments.constFirst(), avoid->split(QLatin1Char(','), Qt::SkipEmptyParts));
        }
        if (sub == QLatin1String("restore")) {
            if (arguments.size() != 1)
                throw UsageError{QStringLiteral("connection restore needs one ID")};
            return rerouteConnection(arguments.constFirst(), {});
        }
        throw UsageError{QStringLiteral("connection wants add, rm, reroute or restore, not \"%1\"").arg(sub)};
    }
    if (command == QLatin1String("sla")) {
        if (arguments.isEmpty())
            return slaRules();
        const QString sub = arguments.takeFirst();
        if (sub == QLatin1String("set")) {
            if (arguments.size() != 1)
                throw UsageError{QStringLiteral("sla set needs one FILE.json (- for stdin)")};
            return setSlaRule(arguments.constFirst());
        }
        if (sub == QLatin1String("rm") || sub == QLatin1String("remove")) {
            if (arguments.size() != 1)
                throw UsageError{QStringLiteral("sla rm needs one ID")};
            return removeSlaRule(arguments.constFirst());
        }
        throw UsageError{QStringLiteral("sla wants no argument, set FILE.json or rm ID")};
    }
    if (command == QLatin1String("reroutes")) {
        expectNoMore(arguments);
        return reroutes();
    }
    return std::nullopt;
}

WhatIfChange parseChange(WhatIfChange::Kind kind, const QString &value)
{
    WhatIfChange change;
    change.kind = kind;
    if (kind != WhatIfChange::Kind::AddLoad) {
        change.targetId = value;
        return change;
    }
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    change.cpuCores = colon > 0 ? value.mid(colon + 1).toDouble(&ok) : 0.0;
    if (!ok || change.cpuCores <= 0)
        throw UsageError{QStringLiteral("--add-load wants NODE:CPU, not \"%1\"").arg(value)};
    change.targetId = value.left(colon);
    return change;
}

int Client::run(const QString &command, QStringList arguments)
{
    if (const auto code = runNetwork(command, arguments))
        return *code;
    if (command == QLatin1String("place")) {
        const auto file = takeOption(arguments, QStringLiteral("-f"));
        const bool dryRun = takeFlag(arguments, QStringLiteral("--dry-run"));
        if (!file)
            throw UsageError{QStringLiteral("place needs -f FILE")};
        expectNoMore(arguments);
        return place(*file, dryRun);
    }
    if (command == QLatin1String("find")) {
        const int limit = takeLimit(arguments);
        const bool agents = takeFlag(arguments, QStringLiteral("--agents"));
        if (arguments.size() != 1)
            throw UsageError{QStringLiteral("find needs one QUERY (quote it)")};
        return find(arguments.constFirst(), limit, agents);
    }
    if (command == QLatin1String("workloads")) {
        expectNoMore(arguments);
        return workloads();
    }
    if (command == QLatin1String("deployments")) {
        const QString workload = arguments.isEmpty() ? QString() : arguments.takeFirst();
        expectNoMore(arguments);
        return deployments(workload);
    }
    if (command == QLatin1String("explain")) {
        const QString file = takeOption(arguments, QStringLiteral("-f")).value_or(QString());
        const QString workload = arguments.isEmpty() ? QString() : arguments.takeFirst();
        expectNoMore(arguments);
        if (workload.isEmpty() == file.isEmpty())
            throw UsageError{QStringLiteral("explain needs a WORKLOAD or -f FILE")};
        return explain(workload, file);
    }
    if (command == QLatin1String("whatif")) {
        QList<WhatIfChange> changes;
        const std::pair<const char *, WhatIfChange::Kind> options[] = {
            {"--drain", WhatIfChange::Kind::DrainNode},
            {"--fail-node", WhatIfChange::Kind::FailNode},
            {"--fail-link", WhatIfChange::Kind::FailLink},
            {"--fail-site", WhatIfChange::Kind::FailSite},
            {"--add-load", WhatIfChange::Kind::AddLoad}};
        for (const auto &[option, kind] : options) {
            while (const auto value = takeOption(arguments, QLatin1String(option)))
                changes.append(parseChange(kind, *value));
        }
        const QString file = takeOption(arguments, QStringLiteral("-f")).value_or(QString());
        expectNoMore(arguments);
        if (changes.isEmpty() && file.isEmpty())
            throw UsageError{QStringLiteral("whatif needs at least one change or -f FILE")};
        return whatIf(changes, file);
    }
    if (command == QLatin1String("reoptimize")) {
        QStringList nodes;
        while (const auto node = takeOption(arguments, QStringLiteral("--node")))
            nodes.append(*node);
        const bool evacuate = takeFlag(arguments, QStringLiteral("--evacuate"));
        const bool dryRun = takeFlag(arguments, QStringLiteral("--dry-run"));
        int budget = 0;
        if (const auto text = takeOption(arguments, QStringLiteral("--budget"))) {
            bool ok = false;
            budget = text->toInt(&ok);
            if (!ok || budget <= 0)
                throw UsageError{QStringLiteral("--budget wants a positive number, not \"%1\"").arg(*text)};
        }
        expectNoMore(arguments);
        if (evacuate && nodes.isEmpty())
            throw UsageError{QStringLiteral("--evacuate needs --node NODE")};
        return reoptimize(nodes, evacuate, budget, dryRun);
    }
    if (command == QLatin1String("terminate")) {
        if (arguments.isEmpty() || arguments.constFirst().startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("terminate needs a WORKLOAD id")};
        const QString workload = arguments.takeFirst();
        expectNoMore(arguments);
        return terminate(workload);
    }
    if (command == QLatin1String("pin")) {
        const bool force = takeFlag(arguments, QStringLiteral("--force"));
        if (arguments.size() != 2)
            throw UsageError{QStringLiteral("pin needs a DEPLOYMENT and a NODE")};
        return pin(arguments.at(0), arguments.at(1), force);
    }
    if (command == QLatin1String("backends") || command == QLatin1String("jobs")
        || command == QLatin1String("partitions") || command == QLatin1String("vms")) {
        const QString cluster = takeOption(arguments, QStringLiteral("--cluster")).value_or(QString());
        QString kind = command == QLatin1String("jobs")         ? QStringLiteral("slurm.job")
                       : command == QLatin1String("partitions") ? QStringLiteral("slurm.partition")
                       : command == QLatin1String("vms")        ? QStringLiteral("libvirt.domain")
                                                                : QString();
        if (command == QLatin1String("backends"))
            kind = takeOption(arguments, QStringLiteral("--kind")).value_or(QString());
        expectNoMore(arguments);
        return backends(cluster, kind);
    }
    if (command == QLatin1String("logs")) {
        if (arguments.isEmpty() || arguments.constFirst().startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("logs needs an OBJECT")};
        const QString object = arguments.takeFirst();
        qint64 bytes = 0;
        if (const auto text = takeOption(arguments, QStringLiteral("--bytes"))) {
            bool ok = false;
            bytes = text->toLongLong(&ok);
            if (!ok || bytes <= 0)
                throw UsageError{QStringLiteral("--bytes wants a positive number, not \"%1\"").arg(*text)};
        }
        expectNoMore(arguments);
        return backendLog(object, bytes);
    }
    if (command == QLatin1String("action")) {
        if (arguments.size() < 2)
            throw UsageError{QStringLiteral("action needs an OBJECT and an ACTION")};
        const QString object = arguments.takeFirst();
        const QString action = arguments.takeFirst();
        QVariantMap parameters;
        for (const QString &argument : std::as_const(arguments)) {
            const qsizetype equals = argument.indexOf(QLatin1Char('='));
            if (equals <= 0)
                throw UsageError{QStringLiteral("action arguments are KEY=VALUE, not \"%1\"").arg(argument)};
            parameters.insert(argument.left(equals), argument.mid(equals + 1));
        }
        return backendAction(object, action, parameters);
    }
    return runTelemetryAndInventory(command, std::move(arguments));
}

int Client::runTelemetryAndInventory(const QString &command, QStringList arguments)
{
    if (command == QLatin1String("status")) {
        expectNoMore(arguments);
        return status();
    }
    if (command == QLatin1String("nodes")) {
        expectNoMore(arguments);
        return nodes();
    }
    if (command == QLatin1String("events")) {
        const bool follow = takeFlag(arguments, QStringLiteral("--follow"));
        const QString prefix = takeOption(arguments, QStringLiteral("--type")).value_or(QString());
        const int limit = takeLimit(arguments);
        expectNoMore(arguments);
        return events(follow, prefix, limit);
    }
    if (command == QLatin1String("watch")) {
        if (arguments.isEmpty())
            throw UsageError{QStringLiteral("watch needs a SERIES selector")};
        const QString selector = arguments.takeFirst();
        expectNoMore(arguments);
        return watch(selector);
    }
    if (command == QLatin1String("drain") || command == QLatin1String("uncordon")) {
        const QString node = takeNode(arguments, command);
        const QString reason = takeOption(arguments, QStringLiteral("--reason")).value_or(QString());
        expectNoMore(arguments);
        return setState(node, command == QLatin1String("drain") ? NodeState::Draining : NodeState::Ready,
                        reason);
    }
    if (command == QLatin1String("plugins")) {
        expectNoMore(arguments);
        return plugins();
    }
    if (command == QLatin1String("audit")) {
        const int limit = takeLimit(arguments);
        expectNoMore(arguments);
        return audit(limit);
    }
    if (command == QLatin1String("agents")) {
        expectNoMore(arguments);
        return agents();
    }
    if (command == QLatin1String("stream")) {
        if (arguments.isEmpty() || arguments.constFirst().startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("stream needs an AGENT")};
        const QString agent = arguments.takeFirst();
        if (const auto streamId = takeOption(arguments, QStringLiteral("--close"))) {
            expectNoMore(arguments);
            return closeStream(agent, *streamId);
        }
        const auto secondsText = takeOption(arguments, QStringLiteral("--seconds"));
        qint64 seconds = 60;
        if (secondsText) {
            bool ok = false;
            seconds = secondsText->toLongLong(&ok);
            if (!ok || seconds < 0 || seconds > 31'536'000)
                throw UsageError{QStringLiteral("--seconds wants a non-negative number, not \"%1\"")
                                     .arg(*secondsText)};
        }
        if (arguments.isEmpty())
            throw UsageError{QStringLiteral("stream needs a SERIES selector")};
        const QString selector = arguments.takeFirst();
        expectNoMore(arguments);
        return openStream(agent, selector, seconds);
    }
    if (command == QLatin1String("series")) {
        if (arguments.isEmpty() || arguments.constFirst().startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("series needs a SELECTOR")};
        const QString selector = arguments.takeFirst();
        const int limit = takeLimit(arguments);
        expectNoMore(arguments);
        return series(selector, limit);
    }
    if (command == QLatin1String("query")) {
        if (arguments.isEmpty() || arguments.constFirst().startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("query needs a SELECTOR")};
        const QString selector = arguments.takeFirst();
        return query(selector, arguments);
    }
    if (command == QLatin1String("alerts")) {
        const auto history = takeDuration(arguments, QStringLiteral("--history"));
        const int limit = takeLimit(arguments);
        expectNoMore(arguments);
        return alerts(history, limit);
    }
    if (command == QLatin1String("ack")) {
        if (arguments.isEmpty() || arguments.constFirst().startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("ack needs an ALERT id")};
        const QString alertId = arguments.takeFirst();
        expectNoMore(arguments);
        return acknowledge(alertId);
    }
    if (command == QLatin1String("silence")) {
        const QString action = arguments.isEmpty() ? QString() : arguments.takeFirst();
        if (action == QLatin1String("list")) {
            expectNoMore(arguments);
            return listSilences();
        }
        if (action == QLatin1String("expire")) {
            if (arguments.isEmpty() || arguments.constFirst().startsWith(QLatin1String("--")))
                throw UsageError{QStringLiteral("silence expire needs a SILENCE id")};
            const QString silenceId = arguments.takeFirst();
            expectNoMore(arguments);
            return expireSilence(silenceId);
        }
        if (action == QLatin1String("add")) {
            const auto comment = takeOption(arguments, QStringLiteral("--comment"));
            const auto durationMs = takeDuration(arguments, QStringLiteral("--for"));
            if (!comment || comment->trimmed().isEmpty())
                throw UsageError{QStringLiteral("silence add needs --comment TEXT (why)")};
            if (!durationMs)
                throw UsageError{QStringLiteral("silence add needs --for DURATION")};
            Labels matchers;
            for (const QString &argument : std::as_const(arguments)) {
                const qsizetype equals = argument.indexOf(QLatin1Char('='));
                if (equals <= 0 || argument.startsWith(QLatin1String("--")))
                    throw UsageError{
                        QStringLiteral("silence add wants LABEL=VALUE, not \"%1\"").arg(argument)};
                matchers.insert(argument.left(equals), argument.mid(equals + 1));
            }
            if (matchers.isEmpty())
                throw UsageError{QStringLiteral("silence add needs at least one LABEL=VALUE")};
            return addSilence(matchers, *comment, *durationMs);
        }
        throw UsageError{QStringLiteral("silence wants add, list or expire")};
    }
    if (command == QLatin1String("rules")) {
        if (arguments.isEmpty())
            return rules();
        if (arguments.takeFirst() != QLatin1String("set"))
            throw UsageError{QStringLiteral("rules wants no argument, or set -f FILE")};
        const auto file = takeOption(arguments, QStringLiteral("-f"));
        if (!file)
            throw UsageError{QStringLiteral("rules set needs -f FILE")};
        expectNoMore(arguments);
        return setRules(*file);
    }
    throw UsageError{QStringLiteral("unknown command \"%1\"").arg(command)};
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    try {
        if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
            std::fputs(Usage, stdout);
            return ExitOk;
        }
        QString server = qEnvironmentVariable("CONTINUO_SERVER", QLatin1String(DefaultServer));
        if (auto value = takeOption(arguments, QStringLiteral("--server")))
            server = *value;
        bool json = takeFlag(arguments, QStringLiteral("--json"));
        if (const auto output = takeOption(arguments, QStringLiteral("-o"))) {
            if (*output == QLatin1String("json"))
                json = true;
            else if (*output != QLatin1String("text"))
                throw UsageError{QStringLiteral("-o wants json or text, not \"%1\"").arg(*output)};
        }
        if (arguments.isEmpty())
            throw UsageError{QStringLiteral("no command given")};
        if (arguments.constFirst().startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("unknown option \"%1\"").arg(arguments.constFirst())};
        if (auto hostPort = server.lastIndexOf(QLatin1Char(':')); hostPort <= 0)
            throw UsageError{QStringLiteral("--server wants HOST:PORT, not \"%1\"").arg(server)};
        const QString command = arguments.takeFirst();
        Client client(server, json);
        return client.run(command, arguments);
    } catch (const UsageError &error) {
        return usageError(error.message);
    }
}
