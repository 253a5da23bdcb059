// bench_alerts: detection latency of the alerting path, issue 4's alert_latency_p99_ms.
//
// Time from ingesting the first anomalous sample into the engine's TelemetryHub to
// AnomalyEngine::alertChanged(firing), with a rule whose persistence time is zero. The path is
// the real one: hub -> publish timer -> AnomalyEngine -> AlertManager -> signal (and the
// alert's write to the store, which is queued). Each trial starts at a random phase of the
// hub's publish timer, so the figure includes the wait for the next publish; it is reported
// for the default publish interval (100 ms) and for a 10 ms one (EngineOptions::
// telemetryPublishInterval).
//
//   bench_alerts [--trials N]

#include "anomaly/AlertManager.h"
#include "anomaly/AnomalyEngine.h"
#include "engine/Engine.h"
#include "telemetry/TelemetryHub.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace Continuo;
using namespace Qt::StringLiterals;

namespace {

void wait(std::chrono::microseconds duration)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.nsecsElapsed() / 1000 < duration.count())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const size_t index =
        std::min(values.size() - 1, size_t(std::ceil(p * double(values.size())) - 1));
    return values[index];
}

struct Figures
{
    double p50Ms = 0.0;
    double p99Ms = 0.0;
    double maxMs = 0.0;
    int missed = 0;
};

Figures measure(std::chrono::milliseconds publishInterval, int trials)
{
    Figures figures;
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(u"no-plugins"_s));
    EngineOptions options;
    options.dataDirectory = dir.path();
    options.scenario = u"none"_s;
    options.hostProbe = false;
    options.pluginPaths = {dir.filePath(u"no-plugins"_s)};
    options.telemetryPublishInterval = publishInterval;
    Engine engine;
    if (auto started = engine.start(options); !started) {
        std::fprintf(stderr, "engine did not start: %s\n", qPrintable(started.error()));
        return figures;
    }
    auto rule = AlertRule::parse(u"bench"_s, u"bench_signal > 0.9"_s);
    if (!rule || !engine.anomalyEngine()->setRules({*rule})) {
        std::fprintf(stderr, "bench rule refused\n");
        return figures;
    }

    QElapsedTimer clock;
    clock.start();
    qint64 firedAtNs = -1;
    QString expectedSeries;
    QObject::connect(
        engine.anomalyEngine(), &AnomalyEngine::alertChanged, &engine, [&](const Alert &alert) {
            if (alert.state == AlertState::Firing && alert.seriesKeys.value(0) == expectedSeries)
                firedAtNs = clock.nsecsElapsed();
        });

    std::vector<double> latenciesMs;
    latenciesMs.reserve(size_t(trials));
    qint64 sampleMs = QDateTime::currentMSecsSinceEpoch();
    QRandomGenerator random(42);
    const auto intervalUs = std::chrono::duration_cast<std::chrono::microseconds>(publishInterval);
    for (int trial = 0; trial < trials; ++trial) {
        // A fresh series per trial: every trial is a new alert, nothing has to resolve.
        const Labels labels{{u"node"_s, u"bench-%1"_s.arg(trial)}};
        SeriesBatch normal{u"bench_signal"_s, labels, {{sampleMs, 0.2}}};
        engine.telemetry()->ingest({normal});
        wait(publishInterval + std::chrono::milliseconds(2)); // the normal sample is processed
        // Random phase against the publish timer.
        wait(std::chrono::microseconds(random.bounded(qint64(intervalUs.count()) + 1)));

        expectedSeries = seriesKey(u"bench_signal"_s, labels);
        firedAtNs = -1;
        SeriesBatch anomalous{u"bench_signal"_s, labels, {{sampleMs + 1000, 0.99}}};
        const qint64 ingestedAtNs = clock.nsecsElapsed();
        engine.telemetry()->ingest({anomalous});
        QElapsedTimer deadline;
        deadline.start();
        while (firedAtNs < 0 && deadline.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        if (firedAtNs < 0) {
            ++figures.missed;
            continue;
        }
        latenciesMs.push_back(double(firedAtNs - ingestedAtNs) / 1e6);
        sampleMs += 2000;
    }
    figures.p50Ms = percentile(latenciesMs, 0.50);
    figures.p99Ms = percentile(latenciesMs, 0.99);
    figures.maxMs =
        latenciesMs.empty() ? 0.0 : *std::max_element(latenciesMs.begin(), latenciesMs.end());
    engine.stop();
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Alert detection latency (issue 4)"_s);
    parser.addHelpOption();
    const QCommandLineOption trialsOption(u"trials"_s, u"Trials per configuration."_s, u"N"_s,
                                          u"200"_s);
    parser.addOption(trialsOption);
    parser.process(app);
    const int trials = std::max(1, parser.value(trialsOption).toInt());

    const Figures standard = measure(std::chrono::milliseconds(100), trials);
    const Figures fast = measure(std::chrono::milliseconds(10), trials);
    std::printf("# %d trials each; latency = ingest into TelemetryHub -> alertChanged(firing), "
                "persistence 0\n",
                trials);
    std::printf("# publish interval 100 ms: p50 %.2f ms, max %.2f ms, missed %d\n", standard.p50Ms,
                standard.maxMs, standard.missed);
    std::printf("# publish interval 10 ms: p50 %.2f ms, p99 %.2f ms, max %.2f ms, missed %d\n",
                fast.p50Ms, fast.p99Ms, fast.maxMs, fast.missed);
    std::printf("BENCH alert_latency_p99_ms %.2f ms\n", standard.p99Ms);
    std::printf("BENCH alert_latency_p99_ms_publish_10ms %.2f ms\n", fast.p99Ms);
    return standard.missed + fast.missed == 0 ? 0 : 1;
}
