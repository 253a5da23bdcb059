// A daemon serving /metrics and a second daemon scraping it: Prometheus in and out, end to end
// through the real binaries.
#include "DaemonFixture.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Continuo::Testing;

class tst_DaemonMetrics : public QObject
{
    Q_OBJECT

private:
    static QByteArray ctl(const QString &server, const QStringList &arguments, int timeoutMs)
    {
        QProcess process;
        process.start(binaryPath(QStringLiteral("continuoctl")),
                      QStringList{QStringLiteral("--server"), server} + arguments);
        process.waitForFinished(timeoutMs);
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            process.waitForFinished(2000);
        }
        return process.readAllStandardOutput();
    }

private Q_SLOTS:
    void exportAndScrape()
    {
        QTemporaryDir exporterDir;
        QTemporaryDir scraperDir;
        DaemonProcess exporter;
        QString error = exporter.start(exporterDir.path(), QStringLiteral("none"),
                                       {QStringLiteral("--no-host-probe"), QStringLiteral("--metrics-listen"),
                                        QStringLiteral("127.0.0.1:0")});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto match = QRegularExpression(QStringLiteral("metrics on (http://\\S+)"))
                               .match(QString::fromLocal8Bit(exporter.output()));
        QVERIFY2(match.hasMatch(), exporter.output().constData());
        const QUrl metricsUrl(match.captured(1));

        // The endpoint answers in the Prometheus text format.
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkReply *reply = network.get(QNetworkRequest(metricsUrl));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        const QByteArray body = reply->readAll();
        QVERIFY(body.contains("# TYPE process_resident_memory_bytes gauge"));
        QVERIFY(body.contains("continuo_build_info"));
        reply->deleteLater();

        DaemonProcess scraper;
        error = scraper.start(scraperDir.path(), QStringLiteral("none"),
                              {QStringLiteral("--no-host-probe"), QStringLiteral("--scrape"),
                               metricsUrl.toString() + QStringLiteral("@0.5")});
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // The scraped series arrive in the second daemon's store with job/instance labels.
        const QString instance = QStringLiteral("%1:%2").arg(metricsUrl.host()).arg(metricsUrl.port());
        QByteArray watched;
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired() && !watched.contains("process_resident_memory_bytes")) {
            watched = ctl(scraper.address(),
                          {QStringLiteral("watch"),
                           QStringLiteral("process_resident_memory_bytes{job=\"scrape\",instance=\"%1\"}").arg(instance)},
                          3000);
        }
        QVERIFY2(watched.contains("process_resident_memory_bytes"), watched.constData());
        const QByteArray up = ctl(scraper.address(), {QStringLiteral("watch"), QStringLiteral("up{job=\"scrape\"}")}, 3000);
        QVERIFY2(up.trimmed().endsWith(" 1") || up.contains(" 1\n"), up.constData());

        // The exporter goes away: the scraper says so (up 0) and keeps running.
        QVERIFY(exporter.terminate());
        QByteArray down;
        deadline = QDeadlineTimer(20000);
        while (!deadline.hasExpired() && !down.contains(" 0\n"))
            down = ctl(scraper.address(), {QStringLiteral("watch"), QStringLiteral("up{job=\"scrape\"}")}, 2500);
        QVERIFY2(down.contains(" 0\n"), down.constData());
        QVERIFY(scraper.terminate());
    }

    void badOptionsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("scrape not a url") << QStringList{QStringLiteral("--scrape"), QStringLiteral("not a url")};
        QTest::newRow("scrape ftp") << QStringList{QStringLiteral("--scrape"), QStringLiteral("ftp://127.0.0.1/metrics")};
        QTest::newRow("scrape bad interval") << QStringList{QStringLiteral("--scrape"), QStringLiteral("http://127.0.0.1:1/metrics@0")};
        QTest::newRow("metrics host name") << QStringList{QStringLiteral("--metrics-listen"), QStringLiteral("localhost:0")};
    }

    void badOptionsAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        QProcess process;
        process.start(binaryPath(QStringLiteral("continuo")),
                      QStringList{QStringLiteral("--daemon"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                  QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--scenario"), QStringLiteral("none")}
                          + arguments);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(!process.readAllStandardError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DaemonMetrics)
#include "tst_daemonmetrics.moc"
