// Alerting over continuo.v1: rules set and listed (errors name the rule), an alert fired by
// ingested samples seen in the WatchAlerts-fed mirror of GrpcControlPlane, acknowledged,
// silenced, the silence expired, the alert resolved and found in the history; every action in
// the audit log with the caller's actor; rules restored when an engine restarts on the same data
// directory.

#include "anomaly/AnomalyEngine.h"
#include "api/ApiBroker.h"
#include "api/GrpcServer.h"
#include "api/ProtoConvert.h"
#include "control/GrpcControlPlane.h"
#include "engine/Engine.h"
#include "store/IStateStore.h"
#include "telemetry/TelemetryHub.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <future>
#include <thread>

using namespace Continuo;
namespace v1 = ::continuo::v1;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

template <typename F> auto offEngineThread(F function) -> decltype(function())
{
    auto future = std::async(std::launch::async, std::move(function));
    while (future.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
        QCoreApplication::processEvents();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return future.get();
}

template <typename T> struct Answer
{
    std::optional<Result<T>> result;
    auto callback()
    {
        return [this](const Result<T> &r) { result = r; };
    }
    bool wait(int timeoutMs = 20000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!result && !deadline.hasExpired())
            QTest::qWait(5);
        return result.has_value();
    }
};

AlertRule rule(const char *id, const char *expression, AlertSeverity severity)
{
    auto parsed = AlertRule::parse(s(id), s(expression));
    if (!parsed)
        qFatal("bad test rule %s: %s", id, qPrintable(parsed.error()));
    parsed->severity = severity;
    parsed->description = s("test rule ") + s(id);
    return *parsed;
}

/// The test's rules: a regex threshold rule grouped per node, and one that never fires.
QList<AlertRule> testRules()
{
    AlertRule hot = rule("hot-test", "t_temp{node=~\"n[0-9]+\"} > 50", AlertSeverity::Critical);
    hot.grouping = AlertGrouping::Node;
    RemediationSpec emit;
    emit.kind = RemediationKind::EmitEvent;
    emit.eventType = s("Test.Remediation");
    hot.remediations = {emit};
    return {hot, rule("quiet-test", "t_other < -1000 for 1h", AlertSeverity::Info)};
}

std::optional<AuditEntry> lastAudit(IStateStore *store, const QString &action)
{
    const auto entries = store->auditLog(0, -1);
    if (!entries)
        return std::nullopt;
    for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
        if (it->action == action)
            return *it;
    }
    return std::nullopt;
}

EngineOptions optionsFor(const QString &directory)
{
    EngineOptions options;
    options.dataDirectory = directory;
    options.scenario = s("none");
    options.hostProbe = false;
    return options;
}

} // namespace

class tst_GrpcAlerts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<v1::ContinuoService::Stub> rawStub(const QString &address) const
    {
        return v1::ContinuoService::NewStub(
            grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()));
    }

    /// One sample of t_temp for node n1, a second after the previous one.
    void ingestTemperature(double value)
    {
        m_sampleMs += 1000;
        m_engine->telemetry()->ingest(
            {{s("t_temp"), {{s("node"), s("n1")}, {s("site"), s("s1")}}, {{m_sampleMs, value}}}});
        m_engine->telemetry()->publishPending();
    }

    std::optional<Alert> mirroredAlert(const QString &ruleId) const
    {
        for (const Alert &alert : m_client->activeAlerts()) {
            if (alert.ruleId == ruleId)
                return alert;
        }
        return std::nullopt;
    }

    QTemporaryDir m_dataDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Api::GrpcServer> m_server;
    std::unique_ptr<GrpcControlPlane> m_client;
    qint64 m_sampleMs = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        m_engine = std::make_unique<Engine>();
        auto started = m_engine->start(optionsFor(m_dataDir.path()));
        QVERIFY2(started, qPrintable(started.error()));
        QVERIFY(m_engine->anomalyEngine());
        m_server = std::make_unique<Api::GrpcServer>(m_engine.get());
        auto port = m_server->start(s("127.0.0.1:0"));
        QVERIFY2(port, qPrintable(port.error()));
        m_client = std::make_unique<GrpcControlPlane>(m_server->address());
        m_client->setActor(s("test:alerts"));
        QSignalSpy reset(m_client.get(), &IControlPlane::alertsReset);
        m_client->open();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->connectionState(),
                                  IControlPlane::ConnectionState::Connected, 20000);
        // The alert stream's snapshot arrived (nothing is active yet).
        QTRY_VERIFY_WITH_TIMEOUT(reset.count() >= 1, 20000);
        QVERIFY(m_client->activeAlerts().isEmpty());
        m_sampleMs = QDateTime::currentMSecsSinceEpoch();
    }

    void cleanupTestCase()
    {
        m_client.reset();
        if (m_server)
            m_server->shutdown(std::chrono::seconds(1));
        m_server.reset();
        if (m_engine)
            m_engine->stop();
    }

    void defaultRulesOnFreshState()
    {
        Answer<QList<AlertRule>> rules;
        m_client->alertRules(this, rules.callback());
        QVERIFY(rules.wait());
        QVERIFY2(*rules.result, qPrintable(rules.result->error()));
        QCOMPARE(rules.result->value(), AnomalyEngine::defaultRules());
    }

    void setRulesIsValidatedAuditedAndListed()
    {
        Answer<void> set;
        m_client->setAlertRules(testRules(), this, set.callback());
        QVERIFY(set.wait());
        QVERIFY2(*set.result, qPrintable(set.result->error()));
        QCOMPARE(m_engine->anomalyEngine()->rules(), testRules());

        Answer<QList<AlertRule>> listed;
        m_client->alertRules(this, listed.callback());
        QVERIFY(listed.wait());
        QVERIFY2(*listed.result, qPrintable(listed.result->error()));
        QCOMPARE(listed.result->value(), testRules());

        const auto audit = lastAudit(m_engine->store(), s("alert.rules.set"));
        QVERIFY(audit);
        QCOMPARE(audit->actor, s("test:alerts"));
        QCOMPARE(audit->details.value(s("count")).toInt(), 2);

        // Refusals name the rule, and change nothing.
        auto stub = rawStub(m_server->address());
        const auto refused = [&](const std::vector<std::pair<const char *, const char *>> &rules) {
            return offEngineThread([&] {
                grpc::ClientContext context;
                v1::SetAlertRulesRequest request;
                for (const auto &[id, expression] : rules) {
                    auto *wire = request.add_rules();
                    wire->set_id(id);
                    wire->set_expression(expression);
                }
                v1::SetAlertRulesResponse response;
                return stub->SetAlertRules(&context, request, &response);
            });
        };
        const grpc::Status badExpression =
            refused({{"fine-rule", "t_temp > 1"}, {"broken-rule", "t_temp >"}});
        QCOMPARE(int(badExpression.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(badExpression.error_message().find("broken-rule") != std::string::npos,
                 badExpression.error_message().c_str());
        const grpc::Status badRegex = refused({{"regex-rule", "t_temp{node=~\"(\"} > 1"}});
        QCOMPARE(int(badRegex.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(badRegex.error_message().find("regex-rule") != std::string::npos,
                 badRegex.error_message().c_str());
        const grpc::Status duplicate = refused({{"twice", "t_temp > 1"}, {"twice", "t_temp > 2"}});
        QCOMPARE(int(duplicate.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(duplicate.error_message().find("twice") != std::string::npos,
                 duplicate.error_message().c_str());
        const grpc::Status badSeverity = offEngineThread([&] {
            grpc::ClientContext context;
            v1::SetAlertRulesRequest request;
            auto *wire = request.add_rules();
            wire->set_id("loud-rule");
            wire->set_expression("t_temp > 1");
            wire->set_severity(static_cast<v1::AlertSeverity>(42));
            v1::SetAlertRulesResponse response;
            return stub->SetAlertRules(&context, request, &response);
        });
        QCOMPARE(int(badSeverity.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(badSeverity.error_message().find("loud-rule") != std::string::npos,
                 badSeverity.error_message().c_str());
        QCOMPARE(m_engine->anomalyEngine()->rules(), testRules());
    }

    void alertLifecycle()
    {
        QSignalSpy changed(m_client.get(), &IControlPlane::alertChanged);
        // Samples over the threshold fire the rule (no persistence time).
        QDeadlineTimer deadline(20000);
        while (!(mirroredAlert(s("hot-test")) &&
                 mirroredAlert(s("hot-test"))->state == AlertState::Firing) &&
               !deadline.hasExpired()) {
            ingestTemperature(80.0);
            QTest::qWait(50);
        }
        const auto firing = mirroredAlert(s("hot-test"));
        QVERIFY(firing);
        QCOMPARE(toString(firing->state), toString(AlertState::Firing));
        QCOMPARE(toString(firing->severity), toString(AlertSeverity::Critical));
        QCOMPARE(firing->nodeId, s("n1"));
        QVERIFY(!changed.isEmpty());
        const QString alertId = firing->id;
        // The mirror is the engine's view.
        const auto engineAlerts = m_engine->anomalyEngine()->activeAlerts();
        QCOMPARE(engineAlerts.size(), 1);
        QCOMPARE(engineAlerts.first().id, alertId);

        auto stub = rawStub(m_server->address());
        // A new watcher gets the active alert in its first message.
        v1::WatchAlertsResponse first;
        const bool read = offEngineThread([&] {
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
            auto reader = stub->WatchAlerts(&context, v1::WatchAlertsRequest());
            const bool ok = reader->Read(&first);
            context.TryCancel();
            (void)reader->Finish();
            return ok;
        });
        QVERIFY(read);
        QVERIFY(first.has_snapshot());
        QCOMPARE(first.snapshot().alerts_size(), 1);
        QCOMPARE(QString::fromStdString(first.snapshot().alerts(0).id()), alertId);
        v1::ListAlertsResponse listed;
        QVERIFY(offEngineThread([&] {
            grpc::ClientContext context;
            return stub->ListAlerts(&context, {}, &listed).ok();
        }));
        QCOMPARE(listed.alerts_size(), 1);

        // Acknowledge.
        Answer<Alert> acknowledged;
        m_client->acknowledgeAlert(alertId, this, acknowledged.callback());
        QVERIFY(acknowledged.wait());
        QVERIFY2(*acknowledged.result, qPrintable(acknowledged.result->error()));
        QCOMPARE(acknowledged.result->value().acknowledgedBy, s("test:alerts"));
        QTRY_COMPARE_WITH_TIMEOUT(mirroredAlert(s("hot-test")).value_or(Alert()).acknowledgedBy,
                                  s("test:alerts"), 10000);
        QCOMPARE(lastAudit(m_engine->store(), s("alert.acknowledge")).value_or(AuditEntry()).actor,
                 s("test:alerts"));

        Answer<Alert> unknown;
        m_client->acknowledgeAlert(s("no-such-alert"), this, unknown.callback());
        QVERIFY(unknown.wait());
        QVERIFY(!*unknown.result);
        QVERIFY2(unknown.result->error().contains(s("no-such-alert")),
                 qPrintable(unknown.result->error()));

        // Silence: the alert is flagged, the mirror of silences has it.
        QSignalSpy silenceChanged(m_client.get(), &IControlPlane::silenceChanged);
        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        Answer<Silence> added;
        m_client->addSilence({{s("node"), s("n1")}}, s("maintenance window"), until, this,
                             added.callback());
        QVERIFY(added.wait());
        QVERIFY2(*added.result, qPrintable(added.result->error()));
        const Silence silence = added.result->value();
        QCOMPARE(silence.createdBy, s("test:alerts"));
        QCOMPARE(silence.endsAtMs, until);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->silences().size(), 1, 10000);
        QCOMPARE(m_client->silences().first().id, silence.id);
        QVERIFY(!silenceChanged.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(mirroredAlert(s("hot-test")).value_or(Alert()).silencedBy,
                                  silence.id, 10000);
        QCOMPARE(lastAudit(m_engine->store(), s("silence.create")).value_or(AuditEntry()).actor,
                 s("test:alerts"));
        v1::ListSilencesResponse silences;
        QVERIFY(offEngineThread([&] {
            grpc::ClientContext context;
            return stub->ListSilences(&context, {}, &silences).ok();
        }));
        QCOMPARE(silences.silences_size(), 1);

        // Bad silences are the caller's error.
        for (int variant = 0; variant < 3; ++variant) {
            const grpc::Status status = offEngineThread([&] {
                grpc::ClientContext context;
                v1::AddSilenceRequest request;
                if (variant != 0)
                    (*request.mutable_matchers())["node"] = "n1";
                if (variant != 1)
                    request.set_comment("why");
                request.set_ends_at_ms(variant == 2 ? 1 : until);
                v1::AddSilenceResponse response;
                return stub->AddSilence(&context, request, &response);
            });
            QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        }

        // Expire it.
        Answer<Silence> expired;
        m_client->expireSilence(silence.id, this, expired.callback());
        QVERIFY(expired.wait());
        QVERIFY2(*expired.result, qPrintable(expired.result->error()));
        QCOMPARE(expired.result->value().expiredBy, s("test:alerts"));
        QTRY_VERIFY_WITH_TIMEOUT(m_client->silences().isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(mirroredAlert(s("hot-test")) &&
                                     mirroredAlert(s("hot-test"))->silencedBy.isEmpty(),
                                 10000);
        QCOMPARE(lastAudit(m_engine->store(), s("silence.expire")).value_or(AuditEntry()).actor,
                 s("test:alerts"));
        Answer<Silence> again;
        m_client->expireSilence(silence.id, this, again.callback());
        QVERIFY(again.wait());
        QVERIFY(!*again.result);

        // Back under the threshold: resolved, gone from the mirror, in the history.
        deadline = QDeadlineTimer(20000);
        while (mirroredAlert(s("hot-test")) && !deadline.hasExpired()) {
            ingestTemperature(10.0);
            QTest::qWait(50);
        }
        QVERIFY(!mirroredAlert(s("hot-test")));
        QVERIFY(m_engine->anomalyEngine()->activeAlerts().isEmpty());

        std::optional<Alert> historic;
        deadline = QDeadlineTimer(20000);
        while (!historic && !deadline.hasExpired()) {
            Answer<QList<Alert>> history;
            m_client->alertHistory(QDateTime::currentMSecsSinceEpoch() - 3'600'000, 100, this,
                                   history.callback());
            QVERIFY(history.wait());
            QVERIFY2(*history.result, qPrintable(history.result->error()));
            for (const Alert &alert : history.result->value()) {
                if (alert.id == alertId && alert.state == AlertState::Resolved)
                    historic = alert;
            }
            if (!historic)
                QTest::qWait(100);
        }
        QVERIFY(historic);
        QCOMPARE(historic->acknowledgedBy, s("test:alerts"));
        QVERIFY(historic->resolvedAtMs > 0);

        const grpc::Status negative = offEngineThread([&] {
            grpc::ClientContext context;
            v1::AlertHistoryRequest request;
            request.set_limit(-1);
            v1::AlertHistoryResponse response;
            return stub->AlertHistory(&context, request, &response);
        });
        QCOMPARE(int(negative.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
    }

    void rulesSurviveRestart()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        QList<AlertRule> stored = testRules();
        stored.first().threshold = 75;
        {
            Engine engine;
            auto started = engine.start(optionsFor(directory.path()));
            QVERIFY2(started, qPrintable(started.error()));
            QCOMPARE(engine.anomalyEngine()->rules(), AnomalyEngine::defaultRules());
            Api::GrpcServer server(&engine);
            QVERIFY(server.start(s("127.0.0.1:0")));
            auto stub = rawStub(server.address());
            // A script names itself in the call metadata, as for SetNodeState.
            const grpc::Status status = offEngineThread([&] {
                grpc::ClientContext context;
                context.AddMetadata("continuo-actor", "script:restart");
                v1::SetAlertRulesRequest request;
                for (const AlertRule &one : stored)
                    Api::toProto(one, request.add_rules());
                v1::SetAlertRulesResponse response;
                const grpc::Status result = stub->SetAlertRules(&context, request, &response);
                if (result.ok() && response.rules_size() != int(stored.size()))
                    return grpc::Status(grpc::StatusCode::INTERNAL, "wrong answer");
                return result;
            });
            QVERIFY2(status.ok(), status.error_message().c_str());
            QCOMPARE(lastAudit(engine.store(), s("alert.rules.set")).value_or(AuditEntry()).actor,
                     s("script:restart"));
            server.shutdown(std::chrono::seconds(1));
            engine.stop();
        }
        Engine engine;
        auto started = engine.start(optionsFor(directory.path()));
        QVERIFY2(started, qPrintable(started.error()));
        QCOMPARE(engine.anomalyEngine()->rules(), stored);
        Api::GrpcServer server(&engine);
        QVERIFY(server.start(s("127.0.0.1:0")));
        GrpcControlPlane client(server.address());
        client.open();
        Answer<QList<AlertRule>> listed;
        client.alertRules(this, listed.callback());
        QVERIFY(listed.wait());
        QVERIFY2(*listed.result, qPrintable(listed.result->error()));
        QCOMPARE(listed.result->value(), stored);
        client.close();
        server.shutdown(std::chrono::seconds(1));
        engine.stop();
    }

    void watchersStartOverWhenTheEngineRestarts()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        Engine engine;
        auto started = engine.start(optionsFor(directory.path()));
        QVERIFY2(started, qPrintable(started.error()));
        Api::ApiBroker broker(&engine);
        auto watch = broker.watchAlerts();
        QVERIFY(watch);
        QVERIFY(watch->alertingRunning);
        std::vector<std::shared_ptr<const v1::WatchAlertsResponse>> items;

        // Stopped: the AnomalyEngine is gone, so is everything the watcher mirrored.
        engine.stop();
        QCOMPARE(watch->queue.take(items, std::chrono::milliseconds(0)),
                 decltype(watch->queue)::State::Open);
        QCOMPARE(items.size(), std::size_t(1));
        QVERIFY(items.front()->has_snapshot());
        QCOMPARE(items.front()->snapshot().alerts_size(), 0);

        // Started again: a fresh snapshot from the new AnomalyEngine, whose changes follow.
        items.clear();
        started = engine.start(optionsFor(directory.path()));
        QVERIFY2(started, qPrintable(started.error()));
        QCOMPARE(watch->queue.take(items, std::chrono::milliseconds(0)),
                 decltype(watch->queue)::State::Open);
        QCOMPARE(items.size(), std::size_t(1));
        QVERIFY(items.front()->has_snapshot());
        items.clear();
        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 60'000;
        QVERIFY(engine.anomalyEngine()->addSilence({{s("node"), s("n9")}}, s("test:alerts"),
                                                   s("after restart"), until));
        QCOMPARE(watch->queue.take(items, std::chrono::milliseconds(0)),
                 decltype(watch->queue)::State::Open);
        QVERIFY(!items.empty());
        QVERIFY(items.back()->has_silence());
        broker.unwatch(watch);
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(tst_GrpcAlerts)
#include "tst_grpcalerts.moc"
