#pragma once

// bench_p4's software pipeline figures (P4TablePipeline on the reference table0):
// pipeline_insert_1m_entries_ms, pipeline_bytes_per_entry, pipeline_lookup_1m_entries_ns (hits)
// and pipeline_lookup_1m_entries_miss_ns.

#include "network/P4Pipeline.h"

#include <QRandomGenerator>

#include <malloc.h>
#include <time.h>

#include <cstdio>
#include <vector>

namespace Continuo::Bench {

namespace PipelineFigures {

// Connection-like entries in 8 mask tuples: every entry an exact (full-mask) IPv4 destination,
// plus by tuple the protocol, the L4 destination port and a /16 source; priority by tuple.
inline void fillEntry(quint32 i, P4TableEntry &e)
{
    const int tuple = int(i % 8);
    auto set = [](P4FieldMatch &m, P4FieldValue value, P4FieldValue mask, int width) {
        m.value = p4FieldBytes(value & mask, width);
        m.mask = p4FieldBytes(mask, width);
    };
    e.matches.resize(1 + (tuple & 1 ? 1 : 0) + (tuple & 2 ? 1 : 0) + (tuple & 4 ? 1 : 0));
    int at = 0;
    auto field = [&](const char *name) -> P4FieldMatch & {
        P4FieldMatch &m = e.matches[at++];
        m.field = QLatin1String(name);
        m.kind = P4MatchKind::Ternary;
        return m;
    };
    if (tuple & 4)
        set(field("local_metadata.l3_src"), 0x0a000000u + ((i * 7) & 0xffffff), 0xffff0000u, 32);
    set(field("local_metadata.l3_dst"), 0x0b000000u + i, 0xffffffffu, 32);
    if (tuple & 1)
        set(field("local_metadata.ip_proto"), 6, 0xff, 8);
    if (tuple & 2)
        set(field("local_metadata.l4_dst"), 1000 + i % 20000, 0xffff, 16);
    e.priority = 10 + 10 * tuple;
    e.params[0].value = p4FieldBytes(1 + i % 500, 9);
}

// The packet entry i matches (and no other: its destination is unique).
inline P4FieldValues packetFor(quint32 i, bool hit)
{
    return {1, 0x020000000001ull, 0x020000000002ull, 0x800, 0x0a000000u + ((i * 7) & 0xffffff),
            hit ? 0x0b000000u + i : 0x0c000000u + i, 6, 40000, 1000 + i % 20000};
}

// Thread CPU time: the figures stay honest on a shared, oversubscribed build machine.
inline qint64 cpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

inline size_t heapBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd; // big vectors are mmapped
}

} // namespace PipelineFigures

/// Builds 1M entries in the reference table0 (P4TablePipeline: structure only, entries made in
/// place so their QStrings do not count), then times lookups of random packets over them.
/// `entryCount` other than 1M is for looking at cache effects; the figures' names stay.
inline void printPipelineFigures(quint32 entryCount = 1'000'000)
{
    using namespace PipelineFigures;
    const P4Program &program = P4Program::reference();
    const P4TableInfo *info = program.table(QStringLiteral("table0"));
    if (!info) {
        std::fprintf(stderr, "pipeline figures: the reference program has no table0\n");
        return;
    }
    P4TableEntry e;
    e.table = QStringLiteral("table0");
    e.action = QStringLiteral("set_egress_port");
    e.params = {{QStringLiteral("port"), {}}};
    e.matches.reserve(4);
    fillEntry(0, e);

    malloc_trim(0);
    const size_t before = heapBytes();
    auto table = std::make_unique<P4TablePipeline>(program, *info);
    qint64 start = cpuNs();
    for (quint32 i = 0; i < entryCount; ++i) {
        fillEntry(i, e);
        if (auto handle = table->insert(e); !handle) {
            std::fprintf(stderr, "pipeline figures: insert %u failed: %s\n", i, qPrintable(handle.error()));
            return;
        }
    }
    const double insertMs = double(cpuNs() - start) / 1e6;
    const size_t after = heapBytes();
    const double bytesPerEntry = double(after - before) / entryCount;

    // Keys prepared outside the timed loop; random entries so the table's memory is touched
    // as traffic would.
    QRandomGenerator rng(42);
    const int keyCount = 1 << 16;
    std::vector<P4FieldValues> hits, misses;
    hits.reserve(keyCount);
    misses.reserve(keyCount);
    for (int k = 0; k < keyCount; ++k) {
        const quint32 i = rng.bounded(entryCount);
        hits.push_back(packetFor(i, true));
        misses.push_back(packetFor(i, false));
    }
    const int lookups = 2'000'000;
    quint64 check = 0;
    start = cpuNs();
    for (int n = 0; n < lookups; ++n)
        check += table->match(hits[size_t(n) & (keyCount - 1)]);
    const double hitNs = double(cpuNs() - start) / lookups;
    int missed = 0;
    start = cpuNs();
    for (int n = 0; n < lookups; ++n)
        missed += table->match(misses[size_t(n) & (keyCount - 1)]) == P4TablePipeline::InvalidHandle;
    const double missNs = double(cpuNs() - start) / lookups;
    if (missed != lookups || check == 0)
        std::fprintf(stderr, "pipeline figures: unexpected lookup results (%d misses)\n", missed);

    std::printf("# table0, %u entries in %lld mask tuples; lookups of random installed flows; thread CPU time\n", entryCount,
                qlonglong(table->tupleCount()));
    std::printf("BENCH pipeline_insert_1m_entries_ms %.1f ms\n", insertMs);
    std::printf("BENCH pipeline_bytes_per_entry %.1f B\n", bytesPerEntry);
    std::printf("BENCH pipeline_lookup_1m_entries_ns %.1f ns\n", hitNs);
    std::printf("BENCH pipeline_lookup_1m_entries_miss_ns %.1f ns\n", missNs);
    std::fflush(stdout);
}

} // namespace Continuo::Bench
