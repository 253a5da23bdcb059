#include "orchestration/IntentYaml.h"

#include <QFile>
#include <QTest>

using namespace Continuo;

namespace {

constexpr qint64 MiB = qint64(1) << 20;
constexpr qint64 GiB = qint64(1) << 30;

QByteArray readFixture(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Workload fullWorkload()
{
    Workload w;
    w.id = QStringLiteral("wl-42");
    w.name = QStringLiteral("video analytics: \"edge\"");
    w.kind = WorkloadKind::AcceleratedKernel;
    w.request = {1.25, 3 * GiB + 512 * MiB, 10 * GiB, 2, 1};
    w.image = QStringLiteral("registry/va:1.2");
    w.groupId = QStringLiteral("pipeline-1");
    w.labels = {{QStringLiteral("app"), QStringLiteral("va")},
                {QStringLiteral("continuo.io/group"), QStringLiteral("pipeline-1")}};
    PlacementRequirements &r = w.requirements;
    r.gpuModel = QStringLiteral("Orin");
    r.fpgaModel = QStringLiteral("U280");
    r.vaccel = true;
    r.arch = QStringLiteral("aarch64");
    r.minSecurityTier = SecurityTier::Confidential;
    r.isolation = IsolationKind::Unikernel;
    r.nodeSelector = {{QStringLiteral("role"), QStringLiteral("worker")}};
    r.where = QStringLiteral("free_memory between 8GiB and 64GiB and gpu.model = \"NVIDIA A100\"");
    r.maxLatency = {LatencyBound{QStringLiteral("site-edge-athens"), {}, 20.5},
                    LatencyBound{QString(), {QStringLiteral("Athens"), 37.9, 23.7}, 15}};
    r.dataLocation = QStringLiteral("storage-edge-ath");
    r.dataMaxLatencyMs = 10;
    r.walltimeSeconds = 5400;
    r.partition = QStringLiteral("gpu");
    r.replicas = 3;
    r.spread = SpreadScope::Zone;
    r.pinnedNodeId = QStringLiteral("edge-1");
    r.pinnedClusterId = QStringLiteral("k8s-edge");
    w.objectives = {0.6, 0.1, 0.2, 0.3, 0.05};
    w.strategy = PlacementStrategy::BestFitSecurity;
    w.submittedMs = 1700000000123;
    w.submittedBy = QStringLiteral("alice");
    return w;
}

} // namespace

class tst_IntentYaml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullIntent();
    void singleIntentAndList();
    void kubernetesManifests();
    void roundTrip();
    void roundTripFixture();
    void errors_data();
    void errors();
    void byteQuantities_data();
    void byteQuantities();
    void cpuQuantities_data();
    void cpuQuantities();
    void durations_data();
    void durations();
};

void tst_IntentYaml::fullIntent()
{
    const QByteArray text = readFixture(QFINDTESTDATA("fixtures/intent_full.yaml"));
    QVERIFY(!text.isEmpty());
    const auto parsed = parseIntents(text);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
    QCOMPARE(parsed->size(), 2);

    const Workload &w = parsed->at(0);
    QCOMPARE(w.name, QStringLiteral("video-analytics"));
    QCOMPARE(toString(w.kind), QStringLiteral("container"));
    QCOMPARE(w.groupId, QStringLiteral("pipeline-1"));
    QCOMPARE(w.image, QStringLiteral("registry/va:1.2"));
    QCOMPARE(w.labels.value(QStringLiteral("team")), QStringLiteral("vision"));
    QCOMPARE(w.requirements.replicas, 3);
    QCOMPARE(toString(w.requirements.spread), QStringLiteral("node"));
    QCOMPARE(w.request.cpuCores, 2.0);
    QCOMPARE(w.request.memoryBytes, 4 * GiB);
    QCOMPARE(w.request.diskBytes, 10 * GiB);
    QCOMPARE(w.request.gpuCount, 1);
    QCOMPARE(w.request.fpgaCount, 0);
    const PlacementRequirements &r = w.requirements;
    QCOMPARE(r.gpuModel, QStringLiteral("Orin"));
    QVERIFY(r.vaccel);
    QCOMPARE(r.arch, QStringLiteral("aarch64"));
    QCOMPARE(toString(r.minSecurityTier), QStringLiteral("hardened"));
    QCOMPARE(toString(r.isolation), QStringLiteral("kata-vaccel"));
    QCOMPARE(r.nodeSelector, (Labels{{QStringLiteral("role"), QStringLiteral("worker")}}));
    QCOMPARE(r.where, QStringLiteral("free_memory > 8GiB"));
    QCOMPARE(r.maxLatency.size(), 2);
    QCOMPARE(r.maxLatency[0].siteId, QStringLiteral("site-edge-athens"));
    QCOMPARE(r.maxLatency[0].maxMs, 20.0);
    QVERIFY(r.maxLatency[1].siteId.isEmpty());
    QCOMPARE(r.maxLatency[1].location.latitude, 37.9);
    QCOMPARE(r.maxLatency[1].location.longitude, 23.7);
    QCOMPARE(r.maxLatency[1].maxMs, 15.0);
    QCOMPARE(r.dataLocation, QStringLiteral("storage-edge-ath"));
    QCOMPARE(r.dataMaxLatencyMs, 10.0);
    QCOMPARE(r.walltimeSeconds, 7200);
    QCOMPARE(r.partition, QStringLiteral("cpu"));
    QCOMPARE(w.objectives.latency, 0.6);
    QCOMPARE(w.objectives.energy, 0.2);
    QCOMPARE(w.objectives.cost, 0.2);
    QCOMPARE(w.objectives.balance, 0.0);
    QCOMPARE(toString(w.strategy), QStringLiteral("multi-objective"));

    const Workload &job = parsed->at(1);
    QCOMPARE(toString(job.kind), QStringLiteral("hpc_job"));
    QCOMPARE(job.request.cpuCores, 0.5);
    QCOMPARE(job.request.memoryBytes, 512 * MiB);
    QCOMPARE(job.requirements.walltimeSeconds, 5400);
    QCOMPARE(job.requirements.partition, QStringLiteral("batch"));
    QCOMPARE(job.requirements.pinnedClusterId, QStringLiteral("hpc-slurm"));
    QCOMPARE(job.requirements.replicas, 1);
    QCOMPARE(toString(job.strategy), QStringLiteral("first-fit"));
}

void tst_IntentYaml::singleIntentAndList()
{
    const auto single = parseIntents("name: solo\nkind: vm\nresources: {cpu: 4, memory: 8G}\n");
    QVERIFY2(single.hasValue(), qPrintable(single.error()));
    QCOMPARE(single->size(), 1);
    QCOMPARE(toString(single->at(0).kind), QStringLiteral("vm"));
    QCOMPARE(single->at(0).request.memoryBytes, qint64(8000000000));

    const auto list = parseIntents("- name: a\n- name: b\n  kind: unikernel\n---\nname: c\n"
                                   "kind: accelerated-kernel\n");
    QVERIFY2(list.hasValue(), qPrintable(list.error()));
    QCOMPARE(list->size(), 3);
    QCOMPARE(toString(list->at(0).kind), QStringLiteral("container")); // the default kind
    QCOMPARE(toString(list->at(1).kind), QStringLiteral("unikernel"));
    QCOMPARE(list->at(2).name, QStringLiteral("c"));
    QCOMPARE(toString(list->at(2).kind), QStringLiteral("accelerated_kernel"));

    // replicas and spread are also accepted inside requirements.
    const auto nested = parseIntents("name: n\nrequirements: {replicas: 2, spread: site}\n");
    QVERIFY2(nested.hasValue(), qPrintable(nested.error()));
    QCOMPARE(nested->at(0).requirements.replicas, 2);
    QCOMPARE(toString(nested->at(0).requirements.spread), QStringLiteral("site"));
}

void tst_IntentYaml::kubernetesManifests()
{
    const QByteArray text = readFixture(QFINDTESTDATA("fixtures/k8s_manifests.yaml"));
    QVERIFY(!text.isEmpty());
    const auto parsed = parseIntents(text);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
    QCOMPARE(parsed->size(), 4); // the Service is skipped

    const Workload &frontend = parsed->at(0);
    QCOMPARE(frontend.name, QStringLiteral("frontend"));
    QCOMPARE(toString(frontend.kind), QStringLiteral("container"));
    QCOMPARE(frontend.requirements.replicas, 2);
    QCOMPARE(frontend.image, QStringLiteral("nginx:1.25"));
    QCOMPARE(frontend.request.cpuCores, 2.0);                  // 500m + 1.5 (requests win)
    QCOMPARE(frontend.request.memoryBytes, 512 * MiB + GiB);   // requests, not limits
    QCOMPARE(frontend.request.diskBytes, 2 * GiB);
    QCOMPARE(frontend.request.gpuCount, 1);                    // limit only: stands in
    QCOMPARE(frontend.groupId, QStringLiteral("shop"));
    QCOMPARE(frontend.labels.value(QStringLiteral("app")), QStringLiteral("frontend"));
    QCOMPARE(frontend.labels.value(QStringLiteral("tier")), QStringLiteral("web"));
    QCOMPARE(frontend.requirements.nodeSelector.value(QStringLiteral("kubernetes.io/arch")),
             QStringLiteral("amd64"));
    QCOMPARE(toString(frontend.requirements.isolation), QStringLiteral("kata"));

    const Workload &training = parsed->at(1);
    QCOMPARE(training.name, QStringLiteral("training"));
    QCOMPARE(toString(training.kind), QStringLiteral("container"));
    QCOMPARE(training.requirements.replicas, 4);
    QCOMPARE(training.requirements.walltimeSeconds, 3600);
    QCOMPARE(toString(training.requirements.isolation), QStringLiteral("kata-vaccel"));
    QCOMPARE(training.groupId, QStringLiteral("ml"));
    QCOMPARE(training.request.cpuCores, 4.0);
    QCOMPARE(training.request.memoryBytes, qint64(16000000000));
    QCOMPARE(training.request.gpuCount, 2);
    QCOMPARE(training.request.fpgaCount, 1);

    const Workload &db = parsed->at(2);
    QCOMPARE(db.name, QStringLiteral("db"));
    QCOMPARE(db.requirements.replicas, 1);
    QCOMPARE(db.groupId, QStringLiteral("shop")); // from the pod template labels
    QCOMPARE(db.request.memoryBytes, 4 * GiB);

    const Workload &probe = parsed->at(3);
    QCOMPARE(probe.name, QStringLiteral("probe"));
    QCOMPARE(probe.image, QStringLiteral("busybox"));
    QCOMPARE(probe.request, ResourceRequest());
}

void tst_IntentYaml::roundTrip()
{
    Workload minimal;
    minimal.name = QStringLiteral("minimal");
    minimal.kind = WorkloadKind::Container;
    const QList<Workload> workloads{fullWorkload(), minimal};
    const QByteArray yaml = intentsToYaml(workloads);
    const auto parsed = parseIntents(yaml);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.error() + QLatin1Char('\n') + QString::fromUtf8(yaml)));
    QCOMPARE(parsed->size(), 2);
    QVERIFY2(parsed->at(0) == workloads[0], yaml.constData());
    QVERIFY2(parsed->at(1) == workloads[1], yaml.constData());
    QVERIFY(yaml.startsWith("intents:"));
    QVERIFY(yaml.contains("memory: 3584MiB"));
    QVERIFY(yaml.contains("walltime: 90m"));
}

void tst_IntentYaml::roundTripFixture()
{
    for (const char *fixture : {"fixtures/intent_full.yaml", "fixtures/k8s_manifests.yaml"}) {
        const auto first = parseIntents(readFixture(QFINDTESTDATA(fixture)));
        QVERIFY2(first.hasValue(), qPrintable(first.error()));
        const auto second = parseIntents(intentsToYaml(*first));
        QVERIFY2(second.hasValue(), qPrintable(second.error()));
        QCOMPARE(second->size(), first->size());
        for (qsizetype i = 0; i < first->size(); ++i)
            QVERIFY2(second->at(i) == first->at(i), qPrintable(first->at(i).name));
    }
}

void tst_IntentYaml::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("no intents found");
    QTest::newRow("invalid-yaml") << QByteArray("intents: [a, b\n") << QStringLiteral("invalid YAML at line");
    QTest::newRow("scalar-document") << QByteArray("just text\n")
                                     << QStringLiteral("document 1: expected an intent, a list of intents or a Kubernetes manifest");
    QTest::newRow("missing-name") << QByteArray("intents:\n  - kind: vm\n")
                                  << QStringLiteral("document 1: intents[0].name: missing");
    QTest::newRow("unknown-field") << QByteArray("name: x\nreplics: 3\n")
                                   << QStringLiteral("document 1: replics: unknown field; known: id, name, kind");
    QTest::newRow("unknown-nested-field") << QByteArray("name: x\nresources: {cpus: 3}\n")
                                          << QStringLiteral("document 1: resources.cpus: unknown field");
    QTest::newRow("bad-memory") << QByteArray("name: x\nresources: {memory: 4Gx}\n")
                                << QStringLiteral("document 1: resources.memory: '4Gx' is not a quantity");
    QTest::newRow("bad-cpu") << QByteArray("name: x\nresources: {cpu: -1}\n")
                             << QStringLiteral("resources.cpu: '-1' is not a quantity");
    QTest::newRow("zero-replicas") << QByteArray("name: x\nreplicas: 0\n")
                                   << QStringLiteral("replicas: 0 is below the minimum 1");
    QTest::newRow("bad-kind") << QByteArray("name: x\nkind: lambda\n")
                              << QStringLiteral("kind: 'lambda' is not one of container, vm, unikernel, hpc_job, accelerated_kernel");
    QTest::newRow("bad-tier") << QByteArray("name: x\nrequirements: {securityTier: gold}\n")
                              << QStringLiteral("requirements.securityTier: 'gold' is not one of standard, hardened, confidential");
    QTest::newRow("bad-where") << QByteArray("name: x\nrequirements: {where: \"colour = red\"}\n")
                               << QStringLiteral("requirements.where: column 1: unknown attribute 'colour'");
    QTest::newRow("bad-walltime") << QByteArray("name: x\nrequirements: {walltime: soon}\n")
                                  << QStringLiteral("requirements.walltime: 'soon' is not a duration");
    QTest::newRow("bad-vaccel") << QByteArray("name: x\nrequirements: {vaccel: maybe}\n")
                                << QStringLiteral("requirements.vaccel: 'maybe' is not true or false");
    QTest::newRow("latency-needs-ms") << QByteArray("name: x\nrequirements: {maxLatency: [{site: s}]}\n")
                                      << QStringLiteral("requirements.maxLatency[0]: missing ms");
    QTest::newRow("latency-site-or-location")
        << QByteArray("name: x\nrequirements: {maxLatency: [{ms: 3}]}\n")
        << QStringLiteral("requirements.maxLatency[0]: give either a site or a location");
    QTest::newRow("bad-objective") << QByteArray("name: x\nobjectives: {latency: high}\n")
                                   << QStringLiteral("objectives.latency: 'high' is not a number");
    QTest::newRow("second-document")
        << QByteArray("name: ok\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"
                      "spec:\n  template:\n    spec:\n      containers:\n        - name: c\n"
                      "          resources: {requests: {cpu: 2x}}\n")
        << QStringLiteral("document 2: spec.template.spec.containers[0].resources.requests.cpu: '2x' is not a quantity");
    QTest::newRow("k8s-no-name")
        << QByteArray("apiVersion: v1\nkind: Pod\nspec: {containers: [{name: c}]}\n")
        << QStringLiteral("document 1: metadata.name: missing");
    QTest::newRow("k8s-no-containers")
        << QByteArray("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n"
                      "    spec: {restartPolicy: Never}\n")
        << QStringLiteral("document 1: spec.template.spec.containers: missing");
    QTest::newRow("k8s-no-template")
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 2}\n")
        << QStringLiteral("document 1: spec.template: missing");
    QTest::newRow("k8s-bad-gpu")
        << QByteArray("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                      "    - name: c\n      resources: {limits: {nvidia.com/gpu: half}}\n")
        << QStringLiteral("spec.containers[0].resources.limits.nvidia.com/gpu: 'half' is not a whole number");
    QTest::newRow("only-services")
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n")
        << QStringLiteral("no intents found");
}

void tst_IntentYaml::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    const auto parsed = parseIntents(yaml);
    QVERIFY(!parsed.hasValue());
    QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
}

void tst_IntentYaml::byteQuantities_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes"); // -1: invalid

    QTest::newRow("plain") << QStringLiteral("1024") << qint64(1024);
    QTest::newRow("B") << QStringLiteral("100B") << qint64(100);
    QTest::newRow("Ki") << QStringLiteral("4Ki") << qint64(4096);
    QTest::newRow("Mi") << QStringLiteral("512Mi") << 512 * MiB;
    QTest::newRow("GiB") << QStringLiteral("4GiB") << 4 * GiB;
    QTest::newRow("Gi-fraction") << QStringLiteral("1.5Gi") << 3 * GiB / 2;
    QTest::newRow("G") << QStringLiteral("1G") << qint64(1000000000);
    QTest::newRow("k") << QStringLiteral("2k") << qint64(2000);
    QTest::newRow("TB") << QStringLiteral("2TB") << qint64(2000000000000);
    QTest::newRow("Ti") << QStringLiteral("1Ti") << (qint64(1) << 40);
    QTest::newRow("exponent") << QStringLiteral("1e9") << qint64(1000000000);
    QTest::newRow("space") << QStringLiteral(" 8 GiB ") << 8 * GiB;
    QTest::newRow("milli") << QStringLiteral("128m") << qint64(-1);
    QTest::newRow("unit-only") << QStringLiteral("Gi") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-1Gi") << qint64(-1);
    QTest::newRow("bad-unit") << QStringLiteral("4Gx") << qint64(-1);
    QTest::newRow("i-alone") << QStringLiteral("4i") << qint64(-1);
    QTest::newRow("huge") << QStringLiteral("100000Ei") << qint64(-1);
}

void tst_IntentYaml::byteQuantities()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    const auto parsed = parseByteQuantity(text);
    if (bytes < 0) {
        QVERIFY2(!parsed.hasValue(), qPrintable(text));
        return;
    }
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
    QCOMPARE(*parsed, bytes);
    if (bytes % 1024 == 0)
        QCOMPARE(parseByteQuantity(formatByteQuantity(bytes)).value(), bytes);
}

void tst_IntentYaml::cpuQuantities_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("cores"); // < 0: invalid
    QTest::newRow("whole") << QStringLiteral("2") << 2.0;
    QTest::newRow("fraction") << QStringLiteral("1.5") << 1.5;
    QTest::newRow("milli") << QStringLiteral("500m") << 0.5;
    QTest::newRow("milli-small") << QStringLiteral("100m") << 0.1;
    QTest::newRow("zero") << QStringLiteral("0") << 0.0;
    QTest::newRow("negative") << QStringLiteral("-1") << -1.0;
    QTest::newRow("garbage") << QStringLiteral("2x") << -1.0;
    QTest::newRow("only-m") << QStringLiteral("m") << -1.0;
}

void tst_IntentYaml::cpuQuantities()
{
    QFETCH(QString, text);
    QFETCH(double, cores);
    const auto parsed = parseCpuQuantity(text);
    if (cores < 0) {
        QVERIFY2(!parsed.hasValue(), qPrintable(text));
        return;
    }
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
    QCOMPARE(*parsed, cores);
}

void tst_IntentYaml::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds"); // -1: invalid
    QTest::newRow("plain") << QStringLiteral("3600") << qint64(3600);
    QTest::newRow("s") << QStringLiteral("90s") << qint64(90);
    QTest::newRow("m") << QStringLiteral("30m") << qint64(1800);
    QTest::newRow("h") << QStringLiteral("2h") << qint64(7200);
    QTest::newRow("d") << QStringLiteral("1d") << qint64(86400);
    QTest::newRow("combined") << QStringLiteral("1h30m") << qint64(5400);
    QTest::newRow("fraction") << QStringLiteral("1.5h") << qint64(5400);
    QTest::newRow("hms") << QStringLiteral("01:30:00") << qint64(5400);
    QTest::newRow("ms") << QStringLiteral("05:30") << qint64(330);
    QTest::newRow("slurm-days") << QStringLiteral("2-01:00:00") << qint64(2 * 86400 + 3600);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("word") << QStringLiteral("soon") << qint64(-1);
    QTest::newRow("trailing") << QStringLiteral("2hx") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5") << qint64(-1);
    QTest::newRow("bad-clock") << QStringLiteral("1:2:3:4") << qint64(-1);
}

void tst_IntentYaml::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const auto parsed = parseDurationSeconds(text);
    if (seconds < 0) {
        QVERIFY2(!parsed.hasValue(), qPrintable(text));
        return;
    }
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
    QCOMPARE(*parsed, seconds);
    QCOMPARE(parseDurationSeconds(formatDuration(seconds)).value(), seconds);
}

QTEST_GUILESS_MAIN(tst_IntentYaml)
#include "tst_intentyaml.moc"
