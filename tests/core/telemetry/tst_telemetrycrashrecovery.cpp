// The real thing: `continuo --daemon` ingests this machine's readings (host probe, 1 s), is
// killed with SIGKILL once a checkpoint holds what was acknowledged, and gives it all back over
// gRPC after a restart on the same data directory.

#include "DaemonFixture.h"

#include "continuo/v1/continuo.grpc.pb.h"
#include "telemetry/HostProbe.h"
#include "telemetry/Series.h"
#include "telemetry/TelemetryPersistence.h"

#include <grpcpp/grpcpp.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Continuo;
using namespace Continuo::Testing;
namespace v1 = ::continuo::v1;

namespace {

std::unique_ptr<v1::ContinuoService::Stub> stubFor(const QString &address)
{
    return v1::ContinuoService::NewStub(
        grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()));
}

/// Every sample of a series the daemon holds, oldest first; empty on failure.
QList<Sample> queryAll(v1::ContinuoService::Stub &stub, const QString &key)
{
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    v1::QueryRangeRequest request;
    request.set_series_key(key.toStdString());
    request.set_from_ms(0);
    request.set_to_ms(0); // no end
    v1::QueryRangeResponse response;
    if (!stub.QueryRange(&context, request, &response).ok())
        return {};
    QList<Sample> samples;
    for (const auto &sample : response.samples())
        samples.append({sample.timestamp_ms(), sample.value()});
    return samples;
}

/// Newest timestamp of the metric the database holds (committed chunks and checkpointed heads),
/// read from a second connection while the daemon runs; -1 if none yet.
qint64 persistedUntil(const QString &path, const char *metric)
{
    sqlite3 *db = nullptr;
    qint64 newest = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_busy_timeout(db, 2000);
        sqlite3_stmt *statement = nullptr;
        const char *sql = "SELECT max(coalesce((SELECT max(h.last_ts) FROM heads h WHERE "
                          "h.series_id = s.id), -1), coalesce((SELECT max(c.max_ts) FROM chunks c "
                          "WHERE c.series_id = s.id AND c.tier = 0), -1)) FROM series s "
                          "WHERE s.metric = ?1";
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
            sqlite3_bind_text(statement, 1, metric, -1, SQLITE_STATIC);
            if (sqlite3_step(statement) == SQLITE_ROW &&
                sqlite3_column_type(statement, 0) != SQLITE_NULL)
                newest = sqlite3_column_int64(statement, 0);
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return newest;
}

} // namespace

class tst_TelemetryCrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString program = binaryPath(QStringLiteral("continuo"));
        if (!QFile::exists(program))
            QFAIL(qPrintable(
                QStringLiteral("no continuo binary at %1 (set CONTINUO_BIN_DIR)").arg(program)));
    }

    void acknowledgedSamplesSurviveKill9()
    {
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        const QString database = dataDir.filePath(TelemetryPersistence::databaseFileName());
        const QString key =
            seriesKey(QLatin1String(Metrics::NodeMemoryUsedBytes),
                      {{QLatin1String(MetricLabels::Node), HostProbe::nodeId()},
                       {QLatin1String(MetricLabels::Site), QStringLiteral("site-local")}});

        QList<Sample> acknowledged;
        {
            DaemonProcess daemon;
            const QString failure = daemon.start(dataDir.path(), QStringLiteral("none"));
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            auto stub = stubFor(daemon.address());

            // A few readings, answered by the daemon: acknowledged.
            QTRY_VERIFY_WITH_TIMEOUT((acknowledged = queryAll(*stub, key)).size() >= 3, 20000);
            const qint64 newestAcknowledged = acknowledged.last().timestampMs;
            // Past a checkpoint (10 s): the database holds at least what was acknowledged.
            QTRY_VERIFY_WITH_TIMEOUT(persistedUntil(database, Metrics::NodeMemoryUsedBytes) >=
                                         newestAcknowledged,
                                     30000);
            // More arrive after the checkpoint; those may be lost, the others may not.
            QTest::qWait(1500);

            daemon.process().kill(); // SIGKILL: no shutdown code runs
            QVERIFY(daemon.process().waitForFinished(10000));
            QCOMPARE(daemon.process().exitStatus(), QProcess::CrashExit);
        }

        DaemonProcess again;
        const QString failure = again.start(dataDir.path(), QStringLiteral("none"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto stub = stubFor(again.address());
        const QList<Sample> restored = queryAll(*stub, key);
        QVERIFY2(restored.size() >= acknowledged.size(),
                 qPrintable(QStringLiteral("%1 samples back, %2 acknowledged")
                                .arg(restored.size())
                                .arg(acknowledged.size())));
        for (const Sample &sample : std::as_const(acknowledged)) {
            QVERIFY2(restored.contains(sample),
                     qPrintable(QStringLiteral("acknowledged sample at %1 (%2) is gone")
                                    .arg(sample.timestampMs)
                                    .arg(sample.value)));
        }
        QVERIFY2(again.terminate(10000), "SIGTERM did not give a clean exit 0");
    }
};

QTEST_GUILESS_MAIN(tst_TelemetryCrashRecovery)
#include "tst_telemetrycrashrecovery.moc"
