// bench_p4: issue 7 figures. P4Runtime writes through the real client and the test server
// (batched and single), INT postcards decoded and aggregated per core (UDP + recvmmsg), the SLA
// reroute time from the first violating postcard to entries written on every switch (engine +
// p4runtime plugin + five P4Runtime servers, persistence 0), and the reference pipeline's lookup
// time and memory with 1M entries.
//
//   bench_p4 [--reroutes N]

#include "IntCollectorFigures.h"
#include "P4FabricFixture.h"
#include "P4PipelineFigures.h"
#include "P4RuntimeFigures.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSignalSpy>

#include <algorithm>
#include <cstdio>

using namespace Continuo;
using namespace Continuo::Testing;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

/// Flow 250 on S1-S3-S4-S2 with a max-latency SLA (persistence 0): one postcard from S3 over the
/// threshold, the controller reroutes to S1-S5-S2; then the path is restored and it goes again.
void printRerouteFigures(int runs)
{
    P4Fabric fabric;
    const QString error = fabric.start(QStringLiteral(CONTINUO_BENCH_PLUGIN_DIR), /*slaHoldDownMs=*/0);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "reroute figures skipped: %s\n", qPrintable(error));
        return;
    }
    NetworkController *net = fabric.network();
    auto created = fabric.await<Connection>([&](auto done) {
        net->upsertConnection(P4Fabric::flow(QStringLiteral("flow-250"), 250, 40250), false, QStringLiteral("bench"), done);
    });
    if (!created) {
        std::fprintf(stderr, "reroute figures skipped: %s\n", qPrintable(created.error()));
        return;
    }
    SlaRule rule;
    rule.id = QStringLiteral("sla-250");
    rule.connectionId = QStringLiteral("flow-250");
    rule.metric = SlaMetric::MaxLatency;
    rule.thresholdMs = 0.5;
    (void)net->upsertSlaRule(rule, QStringLiteral("bench"));
    QSignalSpy rerouted(net, &NetworkController::rerouted);
    std::vector<double> reactions;
    for (int run = 0; run < runs; ++run) {
        fabric.sendPostcard(QStringLiteral("S3"), 250, 0.05); // healthy: the episode starts fresh
        fabric.sendPostcard(QStringLiteral("S3"), 250, 2.0);
        if (!rerouted.wait(5000)) {
            std::fprintf(stderr, "run %d: no reroute\n", run);
            break;
        }
        reactions.push_back(rerouted.takeFirst().first().value<RerouteRecord>().reactionMs);
        auto restored = fabric.await<Connection>([&](auto done) {
            net->rerouteConnection(QStringLiteral("flow-250"), {}, QStringLiteral("bench"), done);
        });
        if (!restored || restored->path.value(1) != QLatin1String("S3")) {
            std::fprintf(stderr, "run %d: restore failed: %s\n", run, qPrintable(restored.error()));
            break;
        }
    }
    fabric.stop();
    if (reactions.empty())
        return;
    std::printf("BENCH sla_reroute_p50_ms %.3f ms\n", percentile(reactions, 0.5));
    std::printf("BENCH sla_reroute_p99_ms %.3f ms\n", percentile(reactions, 0.99));
    std::printf("BENCH sla_reroute_runs %zu runs\n", reactions.size());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption reroutes(QStringLiteral("reroutes"), QStringLiteral("SLA reroute runs (default 100)."),
                                QStringLiteral("N"), QStringLiteral("100"));
    parser.addOption(reroutes);
    parser.process(app);

    Bench::printP4RuntimeFigures();
    printCollectorFigures();
    printRerouteFigures(std::max(1, parser.value(reroutes).toInt()));
    Bench::printPipelineFigures();
    return 0;
}
