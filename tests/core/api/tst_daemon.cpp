#include "DaemonFixture.h"

#include "continuo/v1/continuo.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo::Testing;
namespace v1 = ::continuo::v1;

class tst_Daemon : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<v1::ContinuoService::Stub> stubFor(const QString &address)
    {
        return v1::ContinuoService::NewStub(
            grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()));
    }

    static grpc::Status getStatus(v1::ContinuoService::Stub &stub, v1::EngineStatus *status)
    {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        return stub.GetStatus(&context, {}, status);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString program = binaryPath(QStringLiteral("continuo"));
        if (!QFile::exists(program))
            QFAIL(qPrintable(QStringLiteral("no continuo binary at %1 (set CONTINUO_BIN_DIR)").arg(program)));
    }

    void startStatusTerminateRestart()
    {
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());

        qint64 lastSequence = 0;
        qint64 auditId = 0;
        QString drainedNode;
        {
            DaemonProcess daemon;
            const QString failure = daemon.start(dataDir.path());
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            QVERIFY(daemon.address().startsWith(QLatin1String("127.0.0.1:")));
            QVERIFY(!daemon.address().endsWith(QLatin1String(":0")));

            auto stub = stubFor(daemon.address());
            v1::EngineStatus status;
            const auto result = getStatus(*stub, &status);
            QVERIFY2(result.ok(), result.error_message().c_str());
            QCOMPARE(status.state(), v1::ENGINE_STATE_RUNNING);
            QCOMPARE(QString::fromStdString(status.data_directory()), QDir(dataDir.path()).absolutePath());
            QCOMPARE(status.scenario(), "demo");

            // The demo continuum arrives from the simulator; wait for it, then act on a node.
            v1::InventorySnapshot snapshot;
            QDeadlineTimer deadline(30000);
            while (!deadline.hasExpired()) {
                grpc::ClientContext context;
                snapshot.Clear();
                QVERIFY(stub->ListInventory(&context, {}, &snapshot).ok());
                if (snapshot.nodes_size() > 0)
                    break;
                QTest::qWait(100);
            }
            QVERIFY(snapshot.nodes_size() > 0);
            drainedNode = QString::fromStdString(snapshot.nodes(0).id());

            grpc::ClientContext context;
            v1::SetNodeStateRequest request;
            request.set_node_id(drainedNode.toStdString());
            request.set_state(v1::NODE_STATE_DRAINING);
            request.set_reason("tst_daemon");
            request.set_actor("test:daemon");
            v1::SetNodeStateResponse response;
            QVERIFY(stub->SetNodeState(&context, request, &response).ok());

            grpc::ClientContext auditContext;
            v1::ListAuditResponse audit;
            QVERIFY(stub->ListAudit(&auditContext, {}, &audit).ok());
            QVERIFY(audit.entries_size() >= 1);
            auditId = audit.entries(audit.entries_size() - 1).id();
            QVERIFY(getStatus(*stub, &status).ok());
            lastSequence = status.last_event_sequence();
            QVERIFY(lastSequence > 0);

            QElapsedTimer timer;
            timer.start();
            QVERIFY2(daemon.terminate(10000), "SIGTERM did not give a clean exit 0");
            QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        }

        // Same data directory: the events and the audit log are still there.
        DaemonProcess again;
        const QString failure = again.start(dataDir.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto stub = stubFor(again.address());
        v1::EngineStatus status;
        QVERIFY(getStatus(*stub, &status).ok());
        QVERIFY2(status.last_event_sequence() > lastSequence,
                 qPrintable(QStringLiteral("%1 <= %2").arg(status.last_event_sequence()).arg(lastSequence)));

        grpc::ClientContext auditContext;
        v1::ListAuditResponse audit;
        QVERIFY(stub->ListAudit(&auditContext, {}, &audit).ok());
        bool found = false;
        for (const auto &entry : audit.entries())
            found = found || (entry.id() == auditId && entry.actor() == "test:daemon"
                              && QString::fromStdString(entry.target()) == drainedNode);
        QVERIFY(found);

        grpc::ClientContext eventsContext;
        v1::WatchEventsRequest request;
        request.set_history_only(true);
        request.set_type_prefix("Operator.");
        auto reader = stub->WatchEvents(&eventsContext, request);
        v1::EventBatch batch;
        bool eventFound = false;
        while (reader->Read(&batch)) {
            for (const auto &event : batch.events())
                eventFound = eventFound || QString::fromStdString(event.subject_id()) == drainedNode;
        }
        QVERIFY(reader->Finish().ok());
        QVERIFY(eventFound);
        QVERIFY(again.terminate(10000));
    }

    void engineFailureExitsNonZero()
    {
        QTemporaryDir dir;
        // A file where the data directory should be: the store cannot open.
        const QString notADirectory = dir.filePath(QStringLiteral("file"));
        QFile file(notADirectory);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a directory");
        file.close();

        QProcess process;
        process.start(binaryPath(QStringLiteral("continuo")),
                      {QStringLiteral("--daemon"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--data-dir"), notADirectory, QStringLiteral("--scenario"),
                       QStringLiteral("none")});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY(process.exitCode() != 0);
        QVERIFY(!process.readAllStandardError().trimmed().isEmpty());
        QVERIFY(!process.readAllStandardOutput().contains("listening on"));
    }

    void badListenAddress()
    {
        QTemporaryDir dir;
        QProcess process;
        process.start(binaryPath(QStringLiteral("continuo")),
                      {QStringLiteral("--daemon"), QStringLiteral("--listen"), QStringLiteral("nonsense"),
                       QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--scenario"),
                       QStringLiteral("none")});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY(process.exitCode() != 0);
        QVERIFY(process.readAllStandardError().contains("HOST:PORT"));
    }
};

QTEST_GUILESS_MAIN(tst_Daemon)
#include "tst_daemon.moc"
