#include "api/FederationAgent.h"

#include "ContinuoVersion.h"
#include "api/FederationCentral.h"
#include "api/GrpcServer.h"
#include "api/ProtoConvert.h"
#include "engine/Engine.h"
#include "orchestration/ResourceQuery.h"
#include "plugin/IPluginHost.h"
#include "telemetry/ActiveProber.h"
#include "telemetry/TelemetryHub.h"
#include "util/Logging.h"

#include "continuo/v1/federation.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>

#include <algorithm>

namespace Continuo::Api {

namespace {

constexpr qsizetype MaxSeriesPerMessage = 2000;
/// A PushSamples call is finished and reopened this often, so its counts come back.
constexpr auto PushRotation = std::chrono::seconds(60);
constexpr auto RegisterTimeout = std::chrono::seconds(5);
/// A session that lasted this long resets the backoff.
constexpr auto StableSession = std::chrono::seconds(10);
constexpr auto MaximumDefaultHeartbeat = std::chrono::milliseconds(5000);
/// Peer probes wait at most this long for a connection (and never longer than their interval).
constexpr auto PeerProbeTimeout = std::chrono::milliseconds(5000);
constexpr auto PeerTargetPrefix = "peer/";
/// A FindResourcesCommand without a limit gets at most this many matches.
constexpr int DefaultFindLimit = 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

template<typename F>
struct ScopeExit
{
    F function;
    ~ScopeExit() { function(); }
};
template<typename F>
ScopeExit(F) -> ScopeExit<F>;

std::chrono::milliseconds jittered(std::chrono::milliseconds delay)
{
    // ±20 %, so agents cut off together do not come back together.
    const qint64 spread = std::max<qint64>(1, delay.count() / 5);
    return std::chrono::milliseconds(
        delay.count() - spread + qint64(QRandomGenerator::global()->bounded(quint64(2 * spread))));
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

FederationAgent::FederationAgent(Engine *engine, FederationAgentOptions options, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_host(engine ? engine->pluginHost() : nullptr)
    , m_options(std::move(options))
    , m_policy(m_options.forwardInterval)
    , m_aggregator(&m_policy)
{
    if (m_options.agentId.isEmpty())
        m_options.agentId = QSysInfo::machineHostName();
    if (m_options.siteId.isEmpty())
        m_options.siteId = m_options.agentId;
    if (m_options.heartbeatInterval.count() <= 0)
        m_options.heartbeatInterval = std::min(m_options.forwardInterval, MaximumDefaultHeartbeat);
    m_tickTimer.setInterval(std::clamp(m_options.forwardInterval / 4, std::chrono::milliseconds(100),
                                       std::chrono::milliseconds(1000)));
    connect(&m_tickTimer, &QTimer::timeout, this, &FederationAgent::onTick);
}

FederationAgent::~FederationAgent()
{
    stop();
}

Result<void> FederationAgent::start()
{
    if (m_thread.joinable())
        return makeError(QStringLiteral("the agent is already running"));
    if (!m_engine)
        return makeError(QStringLiteral("no engine"));
    if (auto hostPort = parseHostPort(m_options.centralAddress); !hostPort || hostPort->second == 0)
        return makeError(QStringLiteral("--central wants HOST:PORT with a port, not \"%1\"")
                             .arg(m_options.centralAddress));
    static const QRegularExpression validId(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    if (!validId.match(m_options.agentId).hasMatch())
        return makeError(QStringLiteral("the agent id \"%1\" must be 1..128 letters, digits, '.', '_' or '-'")
                             .arg(m_options.agentId));
    if (m_options.forwardInterval.count() <= 0)
        return makeError(QStringLiteral("the forwarding interval must be positive"));
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    connect(m_engine->telemetry(), &TelemetryHub::samplesPublished, this,
            &FederationAgent::onSamplesPublished);
    connect(m_engine, &Engine::inventoryChanged, this, &FederationAgent::onInventoryChanged);
    onInventoryChanged();
    m_tickTimer.start();
    m_thread = std::thread([this] { run(); });
    qCInfo(lcApi).noquote() << "agent" << m_options.agentId << "forwarding to"
                            << m_options.centralAddress << "every"
                            << m_options.forwardInterval.count() << "ms";
    return {};
}

void FederationAgent::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (grpc::ClientContext *context : m_contexts)
            context->TryCancel();
        m_wake.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
    m_tickTimer.stop();
    if (m_peerProber)
        m_peerProber->stop();
    if (m_engine) {
        disconnect(m_engine->telemetry(), nullptr, this, nullptr);
        disconnect(m_engine, nullptr, this, nullptr);
    }
}

// ---------------------------------------------------------------------------------------------
// Engine thread

void FederationAgent::onSamplesPublished(const QList<SeriesBatch> &batches)
{
    const qint64 now = nowMs();
    expireRules(now);
    enqueue(m_aggregator.add(batches, now));
}

void FederationAgent::onInventoryChanged()
{
    if (!m_engine)
        return;
    QStringList nodes = m_engine->inventory().all<Node>().keys();
    nodes.sort();
    std::lock_guard lock(m_mutex);
    if (nodes == m_nodeIds)
        return;
    m_nodeIds = std::move(nodes);
    m_nodeIdsChanged = true;
}

void FederationAgent::onTick()
{
    const qint64 now = nowMs();
    expireRules(now);
    enqueue(m_aggregator.flush(now));
    std::lock_guard lock(m_mutex);
    m_seriesCount = m_aggregator.seriesCount();
    m_streamedSeries = m_aggregator.streamedSeriesCount();
}

void FederationAgent::expireRules(qint64 nowMs)
{
    const qint64 next = m_policy.nextExpiryMs();
    if (next == 0 || nowMs < next)
        return;
    for (const QString &id : m_policy.expire(nowMs))
        qCInfo(lcApi).noquote() << "forwarding rule" << id << "expired";
}

void FederationAgent::enqueue(Preaggregator::Output output)
{
    if (output.isEmpty())
        return;
    const auto count = [](const QList<SeriesBatch> &series) {
        qsizetype samples = 0;
        for (const auto &batch : series)
            samples += batch.samples.size();
        return samples;
    };
    std::lock_guard lock(m_mutex);
    for (auto mode : {ForwardingMode::Raw, ForwardingMode::Aggregate}) {
        QList<SeriesBatch> &series = mode == ForwardingMode::Raw ? output.raw : output.aggregated;
        if (series.isEmpty())
            continue;
        const qsizetype samples = count(series);
        m_outbox.push_back(Outgoing{mode, std::move(series), samples});
        m_outboxSamples += samples;
    }
    // Unreachable central: keep the newest, count what goes.
    while (m_outboxSamples > m_options.outboxSampleLimit && m_outbox.size() > 1) {
        m_outboxSamples -= m_outbox.front().sampleCount;
        m_dropped.fetch_add(m_outbox.front().sampleCount);
        m_outbox.pop_front();
    }
    m_wake.notify_all();
}

Result<qint64> FederationAgent::applyRule(ForwardingRule rule, const QStringList &selectors,
                                          qint64 nowMs)
{
    QSet<QString> matched;
    for (const QString &selector : selectors) {
        auto matcher = SeriesMatcher::parse(selector);
        if (!matcher)
            return makeError(QStringLiteral("bad series selector \"%1\": %2").arg(selector, matcher.error()));
        // The central's view of our series carries agent="<us>": accept selectors copied from it.
        const QString agentLabel = QLatin1String(Preaggregator::AgentLabel);
        if (matcher->labels.value(agentLabel) == m_options.agentId)
            matcher->labels.remove(agentLabel);
        for (const auto &series : m_engine->telemetry()->series(*matcher))
            matched.insert(series.key());
        rule.matchers.append(*matcher);
    }
    if (auto applied = m_policy.apply(rule, nowMs); !applied)
        return makeError(applied.error());
    return qint64(matched.size());
}

void FederationAgent::answerFind(const v1::AgentCommand &command)
{
    auto result = std::make_shared<v1::CommandResult>();
    result->set_command_id(command.command_id());
    const auto &find = command.find_resources();
    if (auto query = ResourceQuery::parse(fromStd(find.query())); !query) {
        result->set_ok(false);
        result->set_message(query.error().toStdString());
    } else {
        const QList<ResourceMatch> matches =
            findLocalResources(*m_engine, *query, find.limit() > 0 ? find.limit() : DefaultFindLimit);
        for (const ResourceMatch &match : matches)
            toProto(match, result->add_matches());
        result->set_ok(true);
        result->set_matched_series(0);
        qCDebug(lcApi).noquote() << "central: resource query" << fromStd(find.query()) << "matched"
                                 << matches.size() << "nodes";
    }
    std::lock_guard lock(m_mutex);
    m_results.push_back(std::move(result));
    m_wake.notify_all();
}

void FederationAgent::applyCommand(const v1::AgentCommand &command)
{
    if (command.command_case() == v1::AgentCommand::kFindResources) {
        answerFind(command); // A question, not a forwarding change.
        return;
    }
    auto result = std::make_shared<v1::CommandResult>();
    result->set_command_id(command.command_id());
    const qint64 now = nowMs();
    const auto selectorsOf = [](const auto &field) {
        QStringList selectors;
        for (const auto &selector : field)
            selectors.append(fromStd(selector));
        return selectors;
    };
    const auto expiry = [now](qint64 inMs) { return inMs > 0 ? now + inMs : 0; };
    Result<qint64> outcome = makeError(QStringLiteral("unknown command (a newer central?)"));
    QString description;
    switch (command.command_case()) {
    case v1::AgentCommand::kSetRate: {
        const auto &rate = command.set_rate();
        ForwardingRule rule;
        rule.id = fromStd(rate.rule_id());
        rule.kind = ForwardingRule::Kind::Rate;
        rule.interval = std::chrono::milliseconds(rate.interval_ms());
        rule.expiresAtMs = expiry(rate.expires_in_ms());
        outcome = applyRule(rule, selectorsOf(rate.selectors()), now);
        description = QStringLiteral("rate rule %1 (every %2 ms)").arg(rule.id).arg(rate.interval_ms());
        break;
    }
    case v1::AgentCommand::kOpenStream: {
        const auto &open = command.open_stream();
        ForwardingRule rule;
        rule.id = fromStd(open.stream_id());
        rule.kind = ForwardingRule::Kind::Stream;
        rule.expiresAtMs = expiry(open.expires_in_ms());
        outcome = applyRule(rule, selectorsOf(open.selectors()), now);
        description = QStringLiteral("stream %1").arg(rule.id);
        break;
    }
    case v1::AgentCommand::kCloseStream: {
        const QString id = fromStd(command.close_stream().stream_id());
        if (m_policy.remove(id))
            outcome = qint64(0);
        else
            outcome = makeError(QStringLiteral("no stream or rate rule \"%1\"").arg(id));
        description = QStringLiteral("closing %1").arg(id);
        break;
    }
    case v1::AgentCommand::kFindResources: // answerFind()
    case v1::AgentCommand::COMMAND_NOT_SET:
        break;
    }
    if (outcome) {
        result->set_ok(true);
        result->set_matched_series(*outcome);
        qCInfo(lcApi).noquote() << "central:" << description << "applied," << *outcome
                                << "series matched";
    } else {
        result->set_ok(false);
        result->set_message(outcome.error().toStdString());
        qCWarning(lcApi).noquote() << "central:" << description << "refused:" << outcome.error();
    }
    // Switch now: what streamed series gathered in their open windows goes up as it is.
    enqueue(m_aggregator.flush(now));
    std::lock_guard lock(m_mutex);
    m_results.push_back(std::move(result));
    m_streamedSeries = m_aggregator.streamedSeriesCount();
    m_wake.notify_all();
}

void FederationAgent::publishInformation(const QString &message)
{
    if (!m_host)
        return;
    Event event;
    event.type = QLatin1String(EventTypes::GeneralInformation);
    event.source = QStringLiteral("federation");
    event.subjectId = m_options.agentId;
    event.message = message;
    event.payload = {{QStringLiteral("message"), message}};
    m_host->publishEvent(event);
}

void FederationAgent::applyProbePlan(const v1::ProbePlan &plan)
{
    // Every plan is complete: applying one again changes nothing, a new central's replaces all.
    m_probePlanRevision = plan.revision();
    const auto interval = std::chrono::milliseconds(std::clamp<qint64>(plan.interval_ms(), 200, 3'600'000));
    const QString fromSite = plan.site_id().empty() ? m_options.siteId : fromStd(plan.site_id());
    QHash<QString, ProbeTarget> wanted;
    for (const v1::ProbePeer &peer : plan.peers()) {
        if (peer.agent_id().empty() || peer.address().empty() || peer.agent_id() == m_options.agentId.toStdString())
            continue;
        ProbeTarget target;
        target.name = QLatin1String(PeerTargetPrefix) + fromStd(peer.agent_id());
        target.kind = ProbeKind::Tcp;
        target.address = fromStd(peer.address());
        target.interval = interval;
        target.timeout = std::min(interval, std::chrono::milliseconds(PeerProbeTimeout));
        target.labels = {{QStringLiteral("from_site"), fromSite},
                         {QStringLiteral("to_site"), fromStd(peer.site_id())},
                         {QStringLiteral("to_agent"), fromStd(peer.agent_id())}};
        if (!peer.link_id().empty()) {
            // One inventory link joins the two sites: the measurement is that link's latency.
            target.labels.insert(QLatin1String(MetricLabels::Link), fromStd(peer.link_id()));
            target.oneWayLatencyMetric = QLatin1String(Metrics::LinkLatencySeconds);
        } else {
            // A path through the fabric: the engine's link tomography routes it and estimates
            // the links on it from all measured paths.
            if (!peer.from_endpoint().empty() && !peer.to_endpoint().empty()) {
                target.labels.insert(QStringLiteral("from"), fromStd(peer.from_endpoint()));
                target.labels.insert(QStringLiteral("to"), fromStd(peer.to_endpoint()));
            }
            target.oneWayLatencyMetric = QStringLiteral("path_latency_seconds");
        }
        wanted.insert(target.name, target);
    }

    if (!m_peerProber)
        m_peerProber = std::make_unique<ActiveProber>(m_host);
    const auto same = [](const ProbeTarget &a, const ProbeTarget &b) {
        return a.address == b.address && a.labels == b.labels && a.interval == b.interval && a.timeout == b.timeout
               && a.oneWayLatencyMetric == b.oneWayLatencyMetric;
    };
    for (const QString &name : m_peerProber->targetNames()) {
        const auto current = m_peerProber->target(name);
        if (!wanted.contains(name) || !current || !same(*current, wanted.value(name)))
            m_peerProber->removeTarget(name);
    }
    QStringList peers;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        peers.append(QStringLiteral("%1 (%2 at %3)").arg(it->labels.value(QStringLiteral("to_site")),
                                                         it->labels.value(QStringLiteral("to_agent")), it->address));
        if (m_peerProber->target(it.key()))
            continue;
        if (auto added = m_peerProber->addTarget(it.value()); !added)
            qCWarning(lcApi).noquote() << "cannot probe peer" << it.key() << ":" << added.error();
    }
    if (m_peerProber->targetNames().isEmpty()) {
        m_peerProber->stop();
    } else if (!m_peerProber->isRunning()) {
        m_peerProber->start();
    }
    peers.sort();
    if (peers.isEmpty())
        qCInfo(lcApi).noquote() << QStringLiteral("site %1: no peer sites to measure (plan %2)").arg(fromSite).arg(plan.revision());
    else
        qCInfo(lcApi).noquote() << QStringLiteral("site %1: measuring the latency to %2 every %3 ms (plan %4)")
                                       .arg(fromSite, peers.join(QLatin1String(", ")))
                                       .arg(interval.count())
                                       .arg(plan.revision());
}

// ---------------------------------------------------------------------------------------------
// Connection thread

bool FederationAgent::waitForBackoff(std::chrono::milliseconds delay)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, delay, [this] { return m_stopping; });
}

void FederationAgent::trackContext(grpc::ClientContext *context, bool add)
{
    std::lock_guard lock(m_mutex);
    if (add) {
        m_contexts.push_back(context);
        if (m_stopping)
            context->TryCancel();
    } else {
        std::erase(m_contexts, context);
    }
}

/// One registered session: the Session stream (a reader thread for commands, heartbeats from
/// here) and the PushSamples stream the outbox drains into.
class FederationAgent::Connection
{
public:
    Connection(FederationAgent *agent, v1::Federation::Stub &stub, const v1::RegisterResponse &registered)
        : m_agent(agent)
        , m_stub(stub)
        , m_sessionId(registered.session_id())
        , m_heartbeat(std::max<qint64>(100, registered.heartbeat_interval_ms()))
        , m_leaseMs(std::max<qint64>(3 * m_heartbeat.count(), registered.lease_ms()))
    {
    }

    /// Returns when the session broke or the agent stops; says why.
    QString run()
    {
        grpc::ClientContext sessionContext;
        m_agent->trackContext(&sessionContext, true);
        ScopeExit untrack{[&] { m_agent->trackContext(&sessionContext, false); }};
        auto stream = m_stub.Session(&sessionContext);
        std::atomic<qint64> lastHeardMs{nowMs()};

        v1::AgentMessage open;
        open.mutable_open()->set_session_id(m_sessionId);
        const bool opened = stream->Write(open);

        std::thread reader([&] {
            v1::CentralMessage message;
            while (stream->Read(&message)) {
                lastHeardMs = nowMs();
                if (message.has_command()) {
                    QMetaObject::invokeMethod(
                        m_agent, [agent = m_agent, command = message.command()] {
                            agent->applyCommand(command);
                        },
                        Qt::QueuedConnection);
                } else if (message.has_probe_plan()) {
                    QMetaObject::invokeMethod(
                        m_agent, [agent = m_agent, plan = message.probe_plan()] {
                            agent->applyProbePlan(plan);
                        },
                        Qt::QueuedConnection);
                }
            }
            std::lock_guard lock(m_agent->m_mutex);
            m_broken = true;
            m_agent->m_wake.notify_all();
        });

        QString why = opened ? loop(*stream, lastHeardMs) : QStringLiteral("the session did not open");
        m_agent->m_connected = false;
        sessionContext.TryCancel();
        closePush(false);
        reader.join();
        const grpc::Status status = stream->Finish();
        if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED)
            why = fromStd(status.error_message());
        return why;
    }

private:
    void openPush()
    {
        m_pushContext = std::make_unique<grpc::ClientContext>();
        m_agent->trackContext(m_pushContext.get(), true);
        m_pushResponse.Clear();
        m_push = m_stub.PushSamples(m_pushContext.get(), &m_pushResponse);
        m_pushOpened = std::chrono::steady_clock::now();
    }

    /// Finish the PushSamples call; false when the central refused it.
    bool closePush(bool graceful)
    {
        if (!m_push)
            return true;
        if (graceful)
            m_push->WritesDone();
        else
            m_pushContext->TryCancel();
        const grpc::Status status = m_push->Finish();
        m_agent->trackContext(m_pushContext.get(), false);
        m_push.reset();
        m_pushContext.reset();
        if (graceful)
            qCDebug(lcApi) << "central acknowledged" << m_pushResponse.messages_received()
                           << "messages," << m_pushResponse.samples_received() << "samples,"
                           << m_pushResponse.samples_rejected() << "rejected";
        return status.ok() || !graceful;
    }

    void requeue(std::deque<Outgoing> &outgoing, std::size_t from)
    {
        std::lock_guard lock(m_agent->m_mutex);
        for (std::size_t i = outgoing.size(); i > from; --i) {
            m_agent->m_outboxSamples += outgoing[i - 1].sampleCount;
            m_agent->m_outbox.push_front(std::move(outgoing[i - 1]));
        }
    }

    bool push(const Outgoing &item)
    {
        v1::PushSamplesRequest request;
        request.set_session_id(m_sessionId);
        request.set_mode(item.mode == ForwardingMode::Raw ? v1::FORWARDING_MODE_RAW
                                                          : v1::FORWARDING_MODE_AGGREGATE);
        for (qsizetype i = 0; i < item.series.size(); ++i) {
            toProto(item.series.at(i), request.add_series());
            if (request.series_size() == MaxSeriesPerMessage || i + 1 == item.series.size()) {
                if (!m_push->Write(request))
                    return false;
                request.clear_series();
            }
        }
        m_agent->m_forwarded.fetch_add(item.sampleCount);
        return true;
    }

    QString loop(grpc::ClientReaderWriter<v1::AgentMessage, v1::CentralMessage> &stream,
                 const std::atomic<qint64> &lastHeardMs)
    {
        openPush();
        m_agent->m_connected = true;
        auto nextHeartbeat = std::chrono::steady_clock::now();
        while (true) {
            std::deque<Outgoing> outgoing;
            std::deque<std::shared_ptr<v1::CommandResult>> results;
            {
                std::unique_lock lock(m_agent->m_mutex);
                m_agent->m_wake.wait_until(lock, nextHeartbeat, [&] {
                    return m_agent->m_stopping || m_broken || !m_agent->m_outbox.empty()
                           || !m_agent->m_results.empty();
                });
                if (m_agent->m_stopping)
                    return QStringLiteral("stopping");
                if (m_broken)
                    return QStringLiteral("the central closed the session");
                outgoing.swap(m_agent->m_outbox);
                m_agent->m_outboxSamples = 0;
                results.swap(m_agent->m_results);
            }
            for (const auto &result : results) {
                v1::AgentMessage message;
                *message.mutable_result() = *result;
                if (!stream.Write(message))
                    return QStringLiteral("the session broke");
            }
            for (std::size_t i = 0; i < outgoing.size(); ++i) {
                if (!push(outgoing[i])) {
                    // Sent again on the next connection; the central drops what it already has.
                    requeue(outgoing, i);
                    return QStringLiteral("pushing samples failed");
                }
            }
            const auto now = std::chrono::steady_clock::now();
            if (now >= nextHeartbeat) {
                v1::AgentMessage message;
                auto *heartbeat = message.mutable_heartbeat();
                heartbeat->set_timestamp_ms(nowMs());
                heartbeat->set_samples_forwarded_total(m_agent->m_forwarded.load());
                heartbeat->set_samples_dropped_total(m_agent->m_dropped.load());
                {
                    std::lock_guard lock(m_agent->m_mutex);
                    heartbeat->set_series_count(m_agent->m_seriesCount);
                    heartbeat->set_streamed_series(m_agent->m_streamedSeries);
                    if (std::exchange(m_agent->m_nodeIdsChanged, false)) {
                        heartbeat->set_node_ids_changed(true);
                        for (const QString &id : std::as_const(m_agent->m_nodeIds))
                            heartbeat->add_node_ids(id.toStdString());
                    }
                }
                if (!stream.Write(message))
                    return QStringLiteral("the session broke");
                nextHeartbeat = now + m_heartbeat;
            }
            if (nowMs() - lastHeardMs.load() > m_leaseMs)
                return QStringLiteral("no answer from the central for %1 ms").arg(nowMs() - lastHeardMs.load());
            if (now - m_pushOpened >= PushRotation) {
                if (!closePush(true))
                    return QStringLiteral("the central refused the pushed samples");
                openPush();
            }
        }
    }

    FederationAgent *m_agent;
    v1::Federation::Stub &m_stub;
    std::string m_sessionId;
    std::chrono::milliseconds m_heartbeat;
    qint64 m_leaseMs;
    bool m_broken = false; ///< Guarded by the agent's mutex.
    std::unique_ptr<grpc::ClientContext> m_pushContext;
    v1::PushSamplesResponse m_pushResponse;
    std::unique_ptr<grpc::ClientWriter<v1::PushSamplesRequest>> m_push;
    std::chrono::steady_clock::time_point m_pushOpened;
};

void FederationAgent::run()
{
    const std::string address = m_options.centralAddress.toStdString();
    auto backoff = m_options.initialBackoff;
    bool reportedUnreachable = false;
    while (true) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
        }
        // A fresh channel per attempt: a channel that saw the central go away would wait out its
        // own reconnect backoff (up to two minutes) before trying a new central on that port.
        auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
        auto stub = v1::Federation::NewStub(channel);

        v1::RegisterRequest request;
        request.set_agent_id(m_options.agentId.toStdString());
        request.set_host_name(QSysInfo::machineHostName().toStdString());
        request.set_version(Version);
        request.set_forward_interval_ms(m_options.forwardInterval.count());
        request.set_heartbeat_interval_ms(m_options.heartbeatInterval.count());
        for (const char *capability : {"aggregate", "stream", "set_rate", "probe_peers", "find_resources"})
            request.add_capabilities(capability);
        request.set_probe_address(m_options.probeAddress.toStdString());
        request.set_site_id(m_options.siteId.toStdString());
        {
            std::lock_guard lock(m_mutex);
            for (const QString &id : std::as_const(m_nodeIds))
                request.add_node_ids(id.toStdString());
            request.set_series_count(m_seriesCount);
            m_nodeIdsChanged = false;
        }
        v1::RegisterResponse response;
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + RegisterTimeout);
        trackContext(&context, true);
        const grpc::Status status = stub->Register(&context, request, &response);
        trackContext(&context, false);

        if (!status.ok()) {
            if (!reportedUnreachable)
                qCWarning(lcApi).noquote() << "cannot register with central" << m_options.centralAddress
                                           << "as" << m_options.agentId << ":"
                                           << fromStd(status.error_message()) << "(retrying)";
            reportedUnreachable = true;
            if (!waitForBackoff(jittered(backoff)))
                return;
            backoff = std::min(backoff * 2, m_options.maximumBackoff);
            continue;
        }
        reportedUnreachable = false;
        ++m_registrations;
        qCInfo(lcApi).noquote() << "registered with central" << m_options.centralAddress << "as"
                                << m_options.agentId << "(heartbeat every"
                                << response.heartbeat_interval_ms() << "ms)";
        publishInformation(QStringLiteral("Agent %1 registered with central %2")
                               .arg(m_options.agentId, m_options.centralAddress));

        const auto started = std::chrono::steady_clock::now();
        Connection connection(this, *stub, response);
        const QString why = connection.run();
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
        }
        qCWarning(lcApi).noquote() << "lost central" << m_options.centralAddress << ":" << why
                                   << "(reconnecting)";
        publishInformation(QStringLiteral("Agent %1 lost central %2: %3; reconnecting")
                               .arg(m_options.agentId, m_options.centralAddress, why));
        if (std::chrono::steady_clock::now() - started >= StableSession)
            backoff = m_options.initialBackoff;
        if (!waitForBackoff(jittered(backoff)))
            return;
        backoff = std::min(backoff * 2, m_options.maximumBackoff);
    }
}

} // namespace Continuo::Api
