// The central goes away under a running agent: the agent keeps running, and when a new central
// comes up on the same address it registers again (with backoff) and forwards again.

#include "FederationFixture.h"

#include <QTemporaryDir>

using namespace Continuo::Testing;

class tst_FederationRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(binaryPath(QStringLiteral("continuo"))))
            QFAIL("no continuo binary (set CONTINUO_BIN_DIR)");
    }

    void centralRestartsOnSamePort()
    {
        QTemporaryDir centralDir, secondCentralDir, agentDir;
        QVERIFY(centralDir.isValid() && secondCentralDir.isValid() && agentDir.isValid());
        auto central = std::make_unique<DaemonProcess>();
        QString failure = central->start(centralDir.path(), QStringLiteral("none"),
                                         {QStringLiteral("--no-host-probe")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString address = central->address();
        const QString selector = QStringLiteral("node_cpu_utilisation{agent=\"edge-2\"}");

        DaemonProcess agent;
        failure = agent.start(agentDir.path(), QStringLiteral("demo"),
                              agentArguments(address, QStringLiteral("edge-2"), 1));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        {
            auto api = fv1::ContinuoService::NewStub(
                grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()));
            QVERIFY(waitForAgentEvent(*api, QStringLiteral("edge-2"), QStringLiteral("UP"), 0, 20000) > 0);
            TelemetryCollector collector(address, {selector});
            QTRY_VERIFY_WITH_TIMEOUT(!collector.keys().isEmpty(), 15000);
        }

        // The central dies without a word.
        central->kill();
        central.reset();

        // The agent does not care, and is still serving its own API.
        auto agentApi = fv1::ContinuoService::NewStub(
            grpc::CreateChannel(agent.address().toStdString(), grpc::InsecureChannelCredentials()));
        for (int i = 0; i < 3; ++i) {
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
            fv1::EngineStatus status;
            QVERIFY(agentApi->GetStatus(&context, {}, &status).ok());
            QCOMPARE(status.state(), fv1::ENGINE_STATE_RUNNING);
        }
        QCOMPARE(agent.process().state(), QProcess::Running);

        // A new central on the same address.
        auto second = std::make_unique<DaemonProcess>();
        // A fresh data directory, so that its Telemetry.Agent events are its own.
        failure = second->start(secondCentralDir.path(), QStringLiteral("none"),
                                {QStringLiteral("--no-host-probe"), QStringLiteral("--listen"), address});
        if (!failure.isEmpty())
            QSKIP(qPrintable(QStringLiteral("cannot listen on %1 again (%2); reconnection not tested")
                                 .arg(address, failure)));
        QCOMPARE(second->address(), address);
        auto api = fv1::ContinuoService::NewStub(
            grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()));
        TelemetryCollector collector(address, {selector});
        QVERIFY2(waitForAgentEvent(*api, QStringLiteral("edge-2"), QStringLiteral("UP"), 0, 20000) > 0,
                 "the agent did not register with the new central");
        QTRY_VERIFY_WITH_TIMEOUT(!collector.keys().isEmpty(), 15000);
        QVERIFY2(agent.terminate(10000), "the agent did not exit cleanly on SIGTERM");
        QVERIFY2(second->terminate(10000), "the central did not exit cleanly on SIGTERM");
    }
};

QTEST_GUILESS_MAIN(tst_FederationRestart)
#include "tst_federationrestart.moc"
