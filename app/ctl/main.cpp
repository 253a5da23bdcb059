// continuoctl: drive a `continuo --daemon` from the command line or from scripts.
//
//   continuoctl --server HOST:PORT [--json] COMMAND [ARGS]
//
// Exit codes: 0 success, 1 the server failed or could not be reached, 2 usage error.

#include "api/ProtoConvert.h"
#include "model/ModelJson.h"

#include "continuo/v1/continuo.grpc.pb.h"
#include "continuo/v1/federation.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

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
    "options:\n"
    "  --server HOST:PORT              daemon address (default 127.0.0.1:7443, or $CONTINUO_SERVER)\n"
    "  --json                          one JSON document (JSON lines for --follow and watch)\n";

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

    QString m_server;
    bool m_json;
    std::unique_ptr<v1::ContinuoService::Stub> m_stub;
    std::unique_ptr<v1::Federation::Stub> m_federation;
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

int Client::run(const QString &command, QStringList arguments)
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
        const bool json = takeFlag(arguments, QStringLiteral("--json"));
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
