#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_Screenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void consoleWritesAScreenshot()
    {
        const QString binDir = qEnvironmentVariable("CONTINUO_BIN_DIR");
        const QString binary = QDir(binDir).filePath(QStringLiteral("continuo"));
        if (binDir.isEmpty() || !QFileInfo(binary).isExecutable())
            QSKIP("continuo binary not built (CONTINUO_BIN_DIR)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString shot = dir.filePath(QStringLiteral("shot.png"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Keep the user's settings out of it.
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(binary, {QStringLiteral("--screenshot"), shot, QStringLiteral("--after"), QStringLiteral("3"),
                               QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("state")),
                               QStringLiteral("--no-host-probe")});
        QVERIFY2(process.waitForFinished(90000), "continuo --screenshot did not finish");
        const QByteArray output = process.readAll();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit, output.constData());
        QVERIFY2(process.exitCode() == 0, output.constData());
        QVERIFY(QFileInfo(shot).size() > 20 * 1024);
        QImage image(shot);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1200 && image.height() >= 700);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 5)
            for (int x = 0; x < image.width(); x += 5)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
    }

    void unwritablePathFails()
    {
        const QString binDir = qEnvironmentVariable("CONTINUO_BIN_DIR");
        const QString binary = QDir(binDir).filePath(QStringLiteral("continuo"));
        if (binDir.isEmpty() || !QFileInfo(binary).isExecutable())
            QSKIP("continuo binary not built (CONTINUO_BIN_DIR)");
        QTemporaryDir dir;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(environment);
        process.start(binary, {QStringLiteral("--screenshot"), QStringLiteral("/proc/continuo-cannot-write/shot.png"),
                               QStringLiteral("--after"), QStringLiteral("0.5"), QStringLiteral("--scenario"),
                               QStringLiteral("none"), QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("state")),
                               QStringLiteral("--no-host-probe")});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY(process.exitCode() != 0);
        QVERIFY(process.readAllStandardError().contains("screenshot"));
    }
};

QTEST_MAIN(tst_Screenshot)
#include "tst_screenshot.moc"
