#include "api/Daemon.h"

#include "ContinuoVersion.h"
#include "api/FederationAgent.h"
#include "api/GrpcCallMetrics.h"
#include "api/GrpcServer.h"
#include "engine/Engine.h"
#include "engine/EngineConfig.h"
#include "telemetry/ActiveProber.h"
#include "telemetry/MetricsExporter.h"
#include "telemetry/PrometheusScraper.h"
#include "util/Logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>
#include <QDir>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace Continuo::Api {

namespace {

int g_signalPipe[2] = {-1, -1};

extern "C" void onTerminationSignal(int signalNumber)
{
    const char byte = char(signalNumber);
    // Async-signal-safe: only write(2). Nothing to do if the pipe is full: a byte is pending.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

bool installSignalHandlers()
{
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "continuo: %s\n", message.toLocal8Bit().constData());
    std::fflush(stderr);
}

/// `--probe KIND://ADDRESS[@SECONDS]`: a trailing `@` and a number is the interval (default
/// 15 s); the timeout is 5 s or the interval if shorter.
Result<ProbeTarget> parseProbeOption(const QString &value)
{
    QString address = value;
    std::optional<double> seconds;
    const qsizetype at = value.lastIndexOf(QLatin1Char('@'));
    if (at > 0) {
        bool ok = false;
        const double parsed = value.mid(at + 1).toDouble(&ok);
        if (ok) {
            if (parsed < 0.1 || parsed > 86400)
                return makeError(QStringLiteral("--probe %1: the interval wants seconds between 0.1 and 86400").arg(value));
            seconds = parsed;
            address = value.left(at);
        }
    }
    auto target = ProbeTarget::fromUrl(address);
    if (!target)
        return makeError(QStringLiteral("--probe %1: %2").arg(value, target.error()));
    if (seconds)
        target->interval = std::chrono::milliseconds(qRound64(*seconds * 1000));
    target->timeout = std::min(target->timeout, target->interval);
    return target;
}

} // namespace

int runDaemon(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("continuo"));
    QCoreApplication::setApplicationVersion(QLatin1String(Version));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Continuo daemon: the engine headless, driven over gRPC (continuo.v1)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("daemon"), QStringLiteral("Run headless (this mode).")});
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address to serve on (default 127.0.0.1:7443); port 0 picks a free one."),
                      QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:7443")});
    const QString defaultDataDirectory = Engine::defaultDataDirectory();
    parser.addOption({QStringLiteral("data-dir"),
                      QStringLiteral("State directory (default %1).").arg(defaultDataDirectory),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("scenario"),
                      QStringLiteral("Simulator scenario: demo, none or a scenario file."),
                      QStringLiteral("demo|none|FILE"), QStringLiteral("demo")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Simulator seed (default 42)."),
                      QStringLiteral("N"), QStringLiteral("42")});
    parser.addOption({QStringLiteral("no-host-probe"),
                      QStringLiteral("Do not probe this machine as a node.")});
    parser.addOption({QStringLiteral("central"),
                      QStringLiteral("Run as an agent of the central daemon at HOST:PORT: register, "
                                     "heartbeat and forward telemetry to it."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("agent-id"),
                      QStringLiteral("This agent's id at the central (default: the host name)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("forward-interval"),
                      QStringLiteral("Seconds of telemetry an agent aggregates per forwarded sample "
                                     "(default 10)."),
                      QStringLiteral("SECONDS"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("metrics-listen"),
                      QStringLiteral("Serve Prometheus /metrics (the daemon's health) on HOST:PORT; "
                                     "port 0 picks one."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("scrape"),
                      QStringLiteral("Scrape a Prometheus/OpenMetrics endpoint into the telemetry store "
                                     "(repeatable; default interval 15 s, e.g. "
                                     "http://127.0.0.1:9100/metrics@5)."),
                      QStringLiteral("URL[@SECONDS]")});
    parser.addOption({QStringLiteral("probe"),
                      QStringLiteral("Probe a target actively into the telemetry store (repeatable; "
                                     "blackbox-exporter series probe_success, probe_duration_seconds, ...; "
                                     "default interval 15 s): icmp://HOST, tcp://HOST:PORT, http(s)://URL, "
                                     "dns://SERVER[:PORT]/NAME[?type=AAAA], e.g. icmp://10.0.0.2@1."),
                      QStringLiteral("KIND://ADDRESS[@SECONDS]")});
    parser.addOption({QStringLiteral("site"),
                      QStringLiteral("As an agent: the inventory site this daemon stands in when agents "
                                     "measure the latency between sites (default: the agent id)."),
                      QStringLiteral("SITE")});
    parser.addOption({QStringLiteral("config"),
                      QStringLiteral("Configuration file with the plugins' settings (default %1; "
                                     "see EngineConfig.h).").arg(EngineConfig::defaultPath()),
                      QStringLiteral("FILE")});
    parser.process(app); // exits 0 for --help/--version, 1 for unknown options

    const QString listen = parser.value(QStringLiteral("listen"));
    if (auto hostPort = parseHostPort(listen); !hostPort) {
        printError(hostPort.error());
        return 2;
    }
    bool seedOk = false;
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk) {
        printError(QStringLiteral("--seed wants a non-negative integer, not \"%1\"")
                       .arg(parser.value(QStringLiteral("seed"))));
        return 2;
    }

    QList<ScrapeTarget> scrapeTargets;
    for (const QString &value : parser.values(QStringLiteral("scrape"))) {
        ScrapeTarget target;
        QString url = value;
        const qsizetype at = value.lastIndexOf(QLatin1Char('@'));
        if (at > 0 && !value.mid(at + 1).contains(QLatin1Char('/'))) {
            bool ok = false;
            const double seconds = value.mid(at + 1).toDouble(&ok);
            if (!ok || seconds < 0.1 || seconds > 86400) {
                printError(QStringLiteral("--scrape %1: the interval wants seconds between 0.1 and 86400").arg(value));
                return 2;
            }
            target.interval = std::chrono::milliseconds(qRound64(seconds * 1000));
            target.timeout = std::min(target.timeout, target.interval);
            url = value.left(at);
        }
        target.url = QUrl(url, QUrl::StrictMode);
        const QString scheme = target.url.scheme();
        if (!target.url.isValid() || target.url.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            printError(QStringLiteral("--scrape wants an http(s) URL, not \"%1\"").arg(value));
            return 2;
        }
        target.job = QStringLiteral("scrape");
        scrapeTargets.append(target);
    }
    QList<ProbeTarget> probeTargets;
    for (const QString &value : parser.values(QStringLiteral("probe"))) {
        auto target = parseProbeOption(value);
        if (!target) {
            printError(target.error());
            return 2;
        }
        probeTargets.append(*target);
    }
    std::optional<std::pair<QString, int>> metricsAddress;
    if (parser.isSet(QStringLiteral("metrics-listen"))) {
        auto hostPort = parseHostPort(parser.value(QStringLiteral("metrics-listen")));
        if (!hostPort || QHostAddress(hostPort->first).isNull()) {
            printError(QStringLiteral("--metrics-listen wants IP:PORT, not \"%1\"")
                           .arg(parser.value(QStringLiteral("metrics-listen"))));
            return 2;
        }
        metricsAddress = *hostPort;
    }

    FederationAgentOptions agentOptions;
    if (parser.isSet(QStringLiteral("central"))) {
        agentOptions.centralAddress = parser.value(QStringLiteral("central"));
        agentOptions.agentId = parser.value(QStringLiteral("agent-id"));
        agentOptions.siteId = parser.value(QStringLiteral("site"));
        bool intervalOk = false;
        const double seconds = parser.value(QStringLiteral("forward-interval")).toDouble(&intervalOk);
        if (!intervalOk || seconds < 0.1 || seconds > 86400) {
            printError(QStringLiteral("--forward-interval wants seconds between 0.1 and 86400, not \"%1\"")
                           .arg(parser.value(QStringLiteral("forward-interval"))));
            return 2;
        }
        agentOptions.forwardInterval = std::chrono::milliseconds(qRound64(seconds * 1000));
        if (auto hostPort = parseHostPort(agentOptions.centralAddress); !hostPort || hostPort->second == 0) {
            printError(QStringLiteral("--central wants HOST:PORT, not \"%1\"").arg(agentOptions.centralAddress));
            return 2;
        }
    } else if (parser.isSet(QStringLiteral("agent-id")) || parser.isSet(QStringLiteral("forward-interval"))
               || parser.isSet(QStringLiteral("site"))) {
        printError(QStringLiteral("--agent-id, --forward-interval and --site need --central HOST:PORT"));
        return 2;
    }

    EngineOptions options;
    options.dataDirectory = parser.isSet(QStringLiteral("data-dir"))
                                ? parser.value(QStringLiteral("data-dir"))
                                : defaultDataDirectory;
    options.dataDirectory = QDir(options.dataDirectory).absolutePath();
    options.scenario = parser.value(QStringLiteral("scenario"));
    options.seed = seed;
    options.hostProbe = !parser.isSet(QStringLiteral("no-host-probe"));
    const bool configGiven = parser.isSet(QStringLiteral("config"));
    const auto config = EngineConfig::load(
        configGiven ? parser.value(QStringLiteral("config")) : EngineConfig::defaultPath(), configGiven);
    if (!config) {
        printError(config.error());
        return 2;
    }
    options.pluginSettings = config->pluginSettings;
    options.network = config->network;

    if (!installSignalHandlers()) {
        printError(QStringLiteral("cannot install signal handlers"));
        return 1;
    }

    Engine engine;
    if (auto started = engine.start(options); !started) {
        printError(QStringLiteral("engine failed to start: %1").arg(started.error()));
        return 1;
    }

    GrpcServer server(&engine);
    auto port = server.start(listen);
    if (!port) {
        printError(port.error());
        engine.stop();
        return 1;
    }

    // The daemon's own health for Prometheus, and scrapes of other exporters into the store.
    MetricsExporter exporter;
    if (metricsAddress) {
        exporter.addProcessMetrics();
        exporter.addTelemetryHubMetrics(engine.telemetry());
        GrpcCallMetrics::exportTo(server.callMetrics(), exporter);
        auto bound = exporter.listen(QHostAddress(metricsAddress->first), quint16(metricsAddress->second));
        if (!bound) {
            printError(QStringLiteral("cannot serve /metrics: %1").arg(bound.error()));
            server.shutdown(std::chrono::seconds(1));
            engine.stop();
            return 1;
        }
        std::fprintf(stdout, "metrics on %s\n", exporter.metricsUrl().toString().toLocal8Bit().constData());
    }
    PrometheusScraper scraper(engine.pluginHost());
    for (const ScrapeTarget &target : std::as_const(scrapeTargets)) {
        if (auto added = scraper.addTarget(target); !added) {
            printError(QStringLiteral("--scrape %1: %2").arg(target.url.toString(), added.error()));
            server.shutdown(std::chrono::seconds(1));
            engine.stop();
            return 2;
        }
    }
    if (!scrapeTargets.isEmpty())
        scraper.start();
    ActiveProber prober(engine.pluginHost());
    for (const ProbeTarget &target : std::as_const(probeTargets)) {
        if (auto added = prober.addTarget(target); !added) {
            printError(QStringLiteral("--probe: %1").arg(added.error()));
            server.shutdown(std::chrono::seconds(1));
            engine.stop();
            return 2;
        }
    }
    if (!probeTargets.isEmpty())
        prober.start();

    std::unique_ptr<FederationAgent> agent;
    if (!agentOptions.centralAddress.isEmpty()) {
        agentOptions.probeAddress = server.address(); // other agents measure the latency to it here
        agent = std::make_unique<FederationAgent>(&engine, agentOptions);
        if (auto started = agent->start(); !started) {
            printError(started.error());
            server.shutdown(std::chrono::seconds(1));
            engine.stop();
            return 2;
        }
    }

    bool shuttingDown = false;
    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&] {
        char buffer[16];
        while (::read(g_signalPipe[0], buffer, sizeof buffer) > 0) {
        }
        if (shuttingDown)
            return;
        shuttingDown = true;
        qCInfo(lcApi) << "termination signal received; shutting down";
        if (agent)
            agent->stop();
        scraper.stop();
        prober.stop();
        exporter.close();
        server.shutdown(std::chrono::seconds(2));
        engine.stop();
        QCoreApplication::exit(0);
    });

    std::fprintf(stdout, "listening on %s\n", server.address().toLocal8Bit().constData());
    std::fflush(stdout);

    const int code = QCoreApplication::exec();
    agent.reset();
    prober.stop();
    server.shutdown(std::chrono::seconds(1));
    engine.stop();
    return code;
}

} // namespace Continuo::Api
