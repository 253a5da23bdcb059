#pragma once

// bench_p4's P4Runtime figures (issue 7): table-entry validation + write throughput through the
// real client (P4RuntimeTarget: codec, gRPC, loopback) into the test suite's P4Runtime server
// (decode, P4Validation, software pipeline), batched and one entry per Write, and the Read back.
// Anchor: IPDK's P4Runtime perf test, 106,807 entries/s. Link ContinuoP4Runtime and
// ContinuoP4RuntimeTestServer.

#include "P4RuntimeTarget.h"
#include "P4RuntimeTestServer.h"

#include "network/P4Entry.h"
#include "network/P4Program.h"

#include <QElapsedTimer>

#include <cstdio>

namespace Continuo::Bench {

namespace P4RuntimeFiguresDetail {

inline QByteArray bigEndian(quint64 value, int bytes)
{
    QByteArray out(bytes, '\0');
    for (int i = bytes - 1; i >= 0; --i, value >>= 8)
        out[i] = char(value & 0xff);
    return out;
}

/// A distinct table0 entry per n: one /32 destination (ternary, full mask) to a port.
inline P4TableEntry forwardingEntry(quint32 n, const QString &keyField)
{
    P4TableEntry entry;
    entry.table = QStringLiteral("table0");
    P4FieldMatch match;
    match.field = keyField;
    match.kind = P4MatchKind::Ternary;
    match.value = bigEndian(0x0a000000u | n, 4);
    match.mask = bigEndian(0xffffffffu, 4);
    entry.matches.append(match);
    entry.priority = 10;
    entry.action = QStringLiteral("set_egress_port");
    entry.params.append({QStringLiteral("port"), bigEndian(1 + n % 16, 2)});
    return entry;
}

} // namespace P4RuntimeFiguresDetail

/// Prints p4rt_write_entries_per_s_batched (100k entries, Writes of 1000),
/// p4rt_write_entries_per_s_single (5k Writes of one entry) and p4rt_read_entries_per_s
/// (all of table0 in one Read). Failures are printed to stderr and end the figures.
inline void printP4RuntimeFigures()
{
    using namespace P4RuntimeFiguresDetail;
    const P4Program &program = P4Program::reference();
    P4Runtime::Testing::P4RuntimeTestServer server;
    auto port = server.start(0);
    if (!port) {
        std::fprintf(stderr, "p4runtime bench: %s\n", qPrintable(port.error()));
        return;
    }
    P4Runtime::ClientOptions options;
    options.name = QStringLiteral("bench");
    options.address = server.address();
    options.electionId = {0, 1};
    options.callTimeout = std::chrono::milliseconds(60000);
    P4Runtime::P4RuntimeTarget target(QStringLiteral("bench"), options);
    if (auto ok = target.connectTarget(); !ok) {
        std::fprintf(stderr, "p4runtime bench: %s\n", qPrintable(ok.error()));
        return;
    }
    if (auto ok = target.setPipeline(program, {}); !ok) {
        std::fprintf(stderr, "p4runtime bench: %s\n", qPrintable(ok.error()));
        return;
    }

    // The entries are built before the clock starts; validation and writing are measured.
    constexpr int Batched = 100000;
    constexpr int BatchSize = 1000;
    constexpr int Single = 5000;
    QList<P4Update> batched;
    batched.reserve(Batched);
    for (int i = 0; i < Batched; ++i)
        batched.append({P4Update::Type::Insert, forwardingEntry(quint32(i), QStringLiteral("local_metadata.l3_dst"))});
    QList<P4Update> single;
    single.reserve(Single);
    for (int i = 0; i < Single; ++i)
        single.append({P4Update::Type::Insert, forwardingEntry(quint32(i), QStringLiteral("local_metadata.l3_src"))});

    QElapsedTimer timer;
    timer.start();
    for (int offset = 0; offset < Batched; offset += BatchSize) {
        const QList<P4Update> batch = batched.mid(offset, BatchSize);
        for (const P4Update &update : batch) {
            if (!P4Validation::validate(program, update.entry).isEmpty()) {
                std::fprintf(stderr, "p4runtime bench: entry %d is invalid\n", offset);
                return;
            }
        }
        if (auto ok = target.write(batch, false); !ok) {
            std::fprintf(stderr, "p4runtime bench: %s\n", qPrintable(ok.error()));
            return;
        }
    }
    const double batchedSeconds = double(timer.nsecsElapsed()) / 1e9;

    timer.restart();
    for (const P4Update &update : std::as_const(single)) {
        if (!P4Validation::validate(program, update.entry).isEmpty()) {
            std::fprintf(stderr, "p4runtime bench: a single entry is invalid\n");
            return;
        }
        if (auto ok = target.write({update}, false); !ok) {
            std::fprintf(stderr, "p4runtime bench: %s\n", qPrintable(ok.error()));
            return;
        }
    }
    const double singleSeconds = double(timer.nsecsElapsed()) / 1e9;

    timer.restart();
    auto read = target.readEntries(QStringLiteral("table0"));
    const double readSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!read || read->size() != Batched + Single) {
        std::fprintf(stderr, "p4runtime bench: read back %s\n",
                     read ? qPrintable(QString::number(read->size()) + QStringLiteral(" entries")) : qPrintable(read.error()));
        return;
    }

    std::printf("BENCH p4rt_write_entries_per_s_batched %.0f entries/s\n", Batched / batchedSeconds);
    std::printf("BENCH p4rt_write_entries_per_s_single %.0f entries/s\n", Single / singleSeconds);
    std::printf("BENCH p4rt_read_entries_per_s %.0f entries/s\n", double(read->size()) / readSeconds);
    std::fflush(stdout);
    target.disconnectTarget();
}

} // namespace Continuo::Bench
