#pragma once

// Helpers for the two-daemon federation tests: raw continuo.v1 stubs against the central, a
// telemetry subscription collected on a helper thread, and event polling with deadlines.

#include "DaemonFixture.h"

#include "continuo/v1/continuo.grpc.pb.h"
#include "continuo/v1/federation.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace Continuo::Testing {

namespace fv1 = ::continuo::v1;

/// Samples of a SubscribeTelemetry stream, collected by a helper thread, per series key.
class TelemetryCollector
{
public:
    struct Received
    {
        qint64 timestampMs = 0;
        double value = 0.0;
        qint64 arrivedAtMs = 0;
    };

    TelemetryCollector(const QString &address, const QStringList &selectors)
    {
        auto stub = fv1::ContinuoService::NewStub(
            grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()));
        fv1::SubscribeTelemetryRequest request;
        for (const auto &selector : selectors)
            request.add_selectors(selector.toStdString());
        m_thread = std::thread([this, stub = std::move(stub), request] {
            auto reader = stub->SubscribeTelemetry(&m_context, request);
            fv1::SampleBatch frame;
            while (reader->Read(&frame)) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                std::lock_guard lock(m_mutex);
                for (const auto &series : frame.series()) {
                    QString key = QString::fromStdString(series.metric()) + QLatin1Char('{');
                    std::map<std::string, std::string> labels(series.labels().begin(),
                                                              series.labels().end());
                    bool first = true;
                    for (const auto &[name, value] : labels) {
                        key += (first ? QString() : QStringLiteral(","))
                               + QString::fromStdString(name) + QLatin1String("=\"")
                               + QString::fromStdString(value) + QLatin1Char('"');
                        first = false;
                    }
                    key += QLatin1Char('}');
                    for (const auto &sample : series.samples())
                        m_samples[key].push_back({sample.timestamp_ms(), sample.value(), now});
                }
            }
            reader->Finish();
        });
    }

    ~TelemetryCollector()
    {
        m_context.TryCancel();
        m_thread.join();
    }

    std::vector<Received> samples(const QString &key) const
    {
        std::lock_guard lock(m_mutex);
        auto it = m_samples.find(key);
        return it == m_samples.end() ? std::vector<Received>() : it->second;
    }

    QStringList keys() const
    {
        std::lock_guard lock(m_mutex);
        QStringList result;
        for (const auto &[key, samples] : m_samples)
            result.append(key);
        return result;
    }

private:
    grpc::ClientContext m_context;
    mutable std::mutex m_mutex;
    std::map<QString, std::vector<Received>> m_samples;
    std::thread m_thread;
};

/// Telemetry.Agent events of one central, as (sequence, agent id, status).
struct AgentEvent
{
    qint64 sequence = 0;
    QString id;
    QString status;
};

inline std::vector<AgentEvent> agentEvents(fv1::ContinuoService::Stub &stub, qint64 afterSequence = 0)
{
    std::vector<AgentEvent> events;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    fv1::WatchEventsRequest request;
    request.set_type_prefix("Telemetry.Agent");
    request.set_history_only(true);
    request.set_after_sequence(afterSequence);
    auto reader = stub.WatchEvents(&context, request);
    fv1::EventBatch batch;
    while (reader->Read(&batch)) {
        for (const auto &event : batch.events()) {
            const QJsonObject payload =
                QJsonDocument::fromJson(QByteArray::fromStdString(event.payload_json())).object();
            events.push_back({event.sequence(), payload.value(QStringLiteral("id")).toString(),
                              payload.value(QStringLiteral("status")).toString()});
        }
    }
    reader->Finish();
    return events;
}

/// Wait (deadline loop) for a Telemetry.Agent event about `id` with `status` after a sequence;
/// its sequence, or 0 on timeout.
inline qint64 waitForAgentEvent(fv1::ContinuoService::Stub &stub, const QString &id,
                                const QString &status, qint64 afterSequence, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (const auto &event : agentEvents(stub, afterSequence)) {
            if (event.id == id && event.status == status)
                return event.sequence;
        }
        QTest::qWait(100);
    }
    return 0;
}

inline std::optional<fv1::AgentInfo> findAgent(fv1::Federation::Stub &stub, const QString &id)
{
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    fv1::ListAgentsResponse response;
    if (!stub.ListAgents(&context, {}, &response).ok())
        return std::nullopt;
    for (const auto &agent : response.agents()) {
        if (QString::fromStdString(agent.agent_id()) == id)
            return agent;
    }
    return std::nullopt;
}

/// Arguments of an agent daemon of `central`.
inline QStringList agentArguments(const QString &central, const QString &id, int forwardSeconds)
{
    return {QStringLiteral("--no-host-probe"), QStringLiteral("--central"), central,
            QStringLiteral("--agent-id"), id, QStringLiteral("--forward-interval"),
            QString::number(forwardSeconds)};
}

} // namespace Continuo::Testing
