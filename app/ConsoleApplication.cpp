#include "ConsoleApplication.h"

#include "ContinuoVersion.h"
#include "MainWindow.h"
#include "control/GrpcControlPlane.h"
#include "control/LocalControlPlane.h"
#include "engine/Engine.h"
#include "engine/EngineConfig.h"
#include "widgets/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

Q_LOGGING_CATEGORY(lcConsole, "continuo.console")

namespace Continuo::Gui {

namespace {

bool hasArgument(int argc, char *argv[], const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0 || std::strncmp(argv[i], name, std::strlen(name)) == 0)
            return true;
    }
    return false;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "continuo: %s\n", qPrintable(message));
}

/// Errors go to a message box when there is a screen to show it on, else to stderr.
void reportFatal(bool interactive, const QString &title, const QString &message)
{
    printError(message);
    if (interactive)
        QMessageBox::critical(nullptr, title, message);
}

} // namespace

int runConsole(int argc, char *argv[])
{
    // Screenshots must work on a headless machine: pick the offscreen platform before the
    // QApplication exists, and only when nothing else was asked for.
    const bool headlessFriendly = hasArgument(argc, argv, "--screenshot") || hasArgument(argc, argv, "--help")
                                  || hasArgument(argc, argv, "-h") || hasArgument(argc, argv, "--version")
                                  || hasArgument(argc, argv, "-v");
    if (headlessFriendly && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("continuo"));
    QApplication::setOrganizationName(QStringLiteral("continuo"));
    QApplication::setApplicationDisplayName(QStringLiteral("Continuo"));
    QApplication::setApplicationVersion(QString::fromLatin1(Continuo::Version));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("Continuo::Gui::Console",
                                                             "Operations console for the edge–cloud–HPC continuum."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(QStringLiteral("connect"),
                                           QApplication::translate("Continuo::Gui::Console", "Connect to a continuo daemon at HOST:PORT instead of embedding the engine."),
                                           QStringLiteral("HOST:PORT"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QApplication::translate("Continuo::Gui::Console", "Directory of the embedded engine's state."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"),
                                            QApplication::translate("Continuo::Gui::Console", "Simulator scenario: demo, none or a YAML file."),
                                            QStringLiteral("demo|none|FILE"), QStringLiteral("demo"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QApplication::translate("Continuo::Gui::Console", "Simulator seed."), QStringLiteral("N"));
    const QCommandLineOption noHostProbeOption(QStringLiteral("no-host-probe"),
                                               QApplication::translate("Continuo::Gui::Console", "Do not show this machine as a node."));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         QApplication::translate("Continuo::Gui::Console", "Colour theme (remembered)."),
                                         QStringLiteral("dark|light"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QApplication::translate("Continuo::Gui::Console", "User interface language (en, el)."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QApplication::translate("Continuo::Gui::Console", "Save a PNG of the main window and exit."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption afterOption(QStringLiteral("after"),
                                         QApplication::translate("Continuo::Gui::Console", "Seconds to wait before the screenshot."),
                                         QStringLiteral("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QApplication::translate("Continuo::Gui::Console", "Configuration file (plugin settings; default %1).")
                                              .arg(QDir::toNativeSeparators(EngineConfig::defaultPath())),
                                          QStringLiteral("FILE"));
    parser.addOptions({connectOption, dataDirOption, scenarioOption, seedOption, noHostProbeOption, themeOption,
                       langOption, screenshotOption, afterOption, configOption});
    // --daemon is handled by main() before we get here; accept it silently if it slips through.
    parser.addOption(QCommandLineOption(QStringLiteral("daemon"), QStringLiteral("(internal)")));
    parser.process(app);

    const bool screenshot = parser.isSet(screenshotOption);
    const bool interactive = !screenshot && QGuiApplication::platformName() != QLatin1String("offscreen")
                             && QGuiApplication::platformName() != QLatin1String("minimal");

    // Translations: the system locale unless --lang says otherwise.
    QLocale locale;
    if (parser.isSet(langOption)) {
        locale = QLocale(parser.value(langOption));
        QLocale::setDefault(locale);
    }
    auto translator = std::make_unique<QTranslator>();
    // English is a translation too (it carries the plural forms), so it is the fallback.
    if (translator->load(locale, QStringLiteral("continuo"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral("continuo_en"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(translator.get());
    else
        qCWarning(lcConsole) << "no translation found for" << locale.name();
    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator.get());

    ThemeKind theme = ThemeKind::Unknown;
    if (parser.isSet(themeOption)) {
        theme = themeFromString(parser.value(themeOption));
        if (theme == ThemeKind::Unknown) {
            printError(QApplication::translate("Continuo::Gui::Console", "unknown theme \"%1\" (use dark or light)").arg(parser.value(themeOption)));
            return 2;
        }
        QSettings().setValue(QStringLiteral("ui/theme"), toString(theme));
    }

    double afterSeconds = 5.0;
    if (screenshot) {
        bool ok = false;
        afterSeconds = parser.value(afterOption).toDouble(&ok);
        if (!ok || afterSeconds < 0 || afterSeconds > 3600) {
            printError(QApplication::translate("Continuo::Gui::Console", "--after needs a number of seconds"));
            return 2;
        }
    }

    std::unique_ptr<Engine> engine;
    IControlPlane *controlPlane = nullptr;
    const MainWindow::ControlPlaneFactory factory = [](const QString &hostPort, QObject *parent) -> IControlPlane * {
        return new GrpcControlPlane(hostPort, parent);
    };

    MainWindow window;
    window.setControlPlaneFactory(factory);
    if (theme != ThemeKind::Unknown)
        window.setTheme(theme);

    if (parser.isSet(connectOption)) {
        const QString hostPort = parser.value(connectOption);
        if (!window.connectToDaemon(hostPort))
            return 1;
    } else {
        EngineOptions options;
        options.dataDirectory = parser.isSet(dataDirOption)
                                    ? parser.value(dataDirOption)
                                    : Engine::defaultDataDirectory();
        options.scenario = parser.value(scenarioOption);
        if (parser.isSet(seedOption)) {
            bool ok = false;
            options.seed = parser.value(seedOption).toULongLong(&ok);
            if (!ok) {
                printError(QApplication::translate("Continuo::Gui::Console", "--seed needs a non-negative integer"));
                return 2;
            }
        }
        options.hostProbe = !parser.isSet(noHostProbeOption);
        const bool configGiven = parser.isSet(configOption);
        const auto config = EngineConfig::load(configGiven ? parser.value(configOption) : EngineConfig::defaultPath(),
                                               configGiven);
        if (!config) {
            reportFatal(interactive, QApplication::translate("Continuo::Gui::Console", "Continuo cannot start"),
                        config.error());
            return 2;
        }
        options.pluginSettings = config->pluginSettings;
        options.network = config->network;
        engine = std::make_unique<Engine>();
        const Result<void> started = engine->start(options);
        if (!started) {
            reportFatal(interactive, QApplication::translate("Continuo::Gui::Console", "Continuo cannot start"),
                        QApplication::translate("Continuo::Gui::Console",
                                                "The engine could not start with the data in %1:\n%2")
                            .arg(QDir::toNativeSeparators(options.dataDirectory), started.error()));
            return 1;
        }
        auto *local = new LocalControlPlane(engine.get(), &app);
        controlPlane = local;
        window.setControlPlane(controlPlane);
    }

    if (!screenshot)
        window.restoreLayout();
    window.show();

    int exitCode = 0;
    if (screenshot) {
        const QString path = parser.value(screenshotOption);
        QTimer::singleShot(std::chrono::milliseconds(qint64(afterSeconds * 1000)), &window, [&window, path, &exitCode] {
            const QPixmap pixmap = window.grab();
            const QFileInfo info(path);
            if (!info.absoluteDir().exists())
                QDir().mkpath(info.absolutePath());
            if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
                printError(QApplication::translate("Continuo::Gui::Console", "cannot save the screenshot to %1").arg(path));
                exitCode = 1;
            }
            QApplication::exit(exitCode);
        });
    }

    const int loopResult = QApplication::exec();
    // Tear down in order: window (and its views) before the control plane and the engine.
    window.setControlPlane(nullptr);
    delete controlPlane;
    if (engine)
        engine->stop();
    return screenshot ? exitCode : loopResult;
}

} // namespace Continuo::Gui
