// bench_backends: the issue 6 figures of the Slurm and libvirt plugins, one `BENCH` line each.
//
//   bench_backends [--slurm-only | --libvirt-only] [--quick]
//
// The Slurm half starts a real single-host cluster (munged, slurmctld, slurmd; root needed);
// the libvirt half uses the in-process test:///default driver and, when it can start, a private
// libvirtd with QEMU. Progress goes to stderr, figures to stdout.
#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

#ifdef CONTINUO_BENCH_SLURM
int runSlurmBenchmarks(const QStringList &args);
#endif
#ifdef CONTINUO_BENCH_LIBVIRT
int runLibvirtBenchmarks(const QStringList &args);
#endif

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    int failures = 0;
    if (!args.contains(QStringLiteral("--libvirt-only"))) {
#ifdef CONTINUO_BENCH_SLURM
        failures += runSlurmBenchmarks(args) != 0 ? 1 : 0;
#else
        std::fprintf(stderr, "bench_backends: built without the Slurm plugin\n");
        ++failures;
#endif
    }
    if (!args.contains(QStringLiteral("--slurm-only"))) {
#ifdef CONTINUO_BENCH_LIBVIRT
        failures += runLibvirtBenchmarks(args) != 0 ? 1 : 0;
#else
        std::fprintf(stderr, "bench_backends: built without the libvirt plugin\n");
        ++failures;
#endif
    }
    return failures == 0 ? 0 : 1;
}
