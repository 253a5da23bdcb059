#include "orchestration/PlacementModel.h"
#include "orchestration/ResourceQuery.h"

#include <QTest>

using namespace Continuo;

namespace {

constexpr qint64 GiB = qint64(1) << 30;

Node makeNode(const QString &id, const QString &site, const QString &cluster, double cores,
              qint64 memoryGiB, const QString &arch, SecurityTier tier,
              NodeState state = NodeState::Ready, Labels labels = {})
{
    Node node;
    node.id = id;
    node.name = id;
    node.siteId = site;
    node.clusterId = cluster;
    node.capacity = {cores, memoryGiB * GiB, 500 * GiB};
    node.arch = arch;
    node.securityTier = tier;
    node.state = state;
    node.labels = std::move(labels);
    return node;
}

Device makeDevice(const QString &id, const QString &node, DeviceKind kind, const QString &model,
                  bool vaccel)
{
    Device device;
    device.id = id;
    device.nodeId = node;
    device.kind = kind;
    device.model = model;
    device.vaccelCapable = vaccel;
    return device;
}

/// A small continuum in the demo's image: an edge site with Jetson boards, a cloud region with
/// A100/T4 servers and an HPC centre with an FPGA node.
InventorySnapshot demoInventory()
{
    InventorySnapshot inventory;
    inventory.revision = 7;
    inventory.sites = {
        Site{QStringLiteral("site-athens"), QStringLiteral("Athens"), SiteKind::Edge,
             {QStringLiteral("Athens"), 37.98, 23.73}, {}},
        Site{QStringLiteral("site-frankfurt"), QStringLiteral("Frankfurt"), SiteKind::Cloud,
             {QStringLiteral("Frankfurt"), 50.11, 8.68}, {}},
        Site{QStringLiteral("site-julich"), QStringLiteral("Jülich"), SiteKind::Hpc,
             {QStringLiteral("Jülich"), 50.92, 6.36}, {}},
    };
    inventory.clusters = {
        Cluster{QStringLiteral("k8s-edge"), QStringLiteral("Edge"), QStringLiteral("site-athens"),
                BackendKind::Kubernetes, QStringLiteral("kubernetes"), {}},
        Cluster{QStringLiteral("k8s-cloud"), QStringLiteral("Cloud"),
                QStringLiteral("site-frankfurt"), BackendKind::Kubernetes,
                QStringLiteral("kubernetes"), {}},
        Cluster{QStringLiteral("slurm-hpc"), QStringLiteral("HPC"), QStringLiteral("site-julich"),
                BackendKind::Slurm, QStringLiteral("slurm"), {}},
    };
    const Labels athensA{{QStringLiteral("topology.kubernetes.io/zone"), QStringLiteral("athens-a")},
                         {QStringLiteral("role"), QStringLiteral("worker")}};
    inventory.nodes = {
        makeNode(QStringLiteral("cloud-1"), QStringLiteral("site-frankfurt"),
                 QStringLiteral("k8s-cloud"), 64, 256, QStringLiteral("x86_64"),
                 SecurityTier::Confidential),
        makeNode(QStringLiteral("cloud-2"), QStringLiteral("site-frankfurt"),
                 QStringLiteral("k8s-cloud"), 32, 32, QStringLiteral("x86_64"),
                 SecurityTier::Hardened, NodeState::Ready,
                 {{QStringLiteral("partition"), QStringLiteral("gpu")}}),
        makeNode(QStringLiteral("cloud-3"), QStringLiteral("site-frankfurt"),
                 QStringLiteral("k8s-cloud"), 32, 48, QStringLiteral("x86_64"),
                 SecurityTier::Standard),
        makeNode(QStringLiteral("cloud-4"), QStringLiteral("site-frankfurt"),
                 QStringLiteral("k8s-cloud"), 16, 64, QStringLiteral("x86_64"),
                 SecurityTier::Standard),
        makeNode(QStringLiteral("edge-1"), QStringLiteral("site-athens"), QStringLiteral("k8s-edge"),
                 8, 16, QStringLiteral("aarch64"), SecurityTier::Hardened, NodeState::Ready,
                 athensA),
        makeNode(QStringLiteral("edge-2"), QStringLiteral("site-athens"), QStringLiteral("k8s-edge"),
                 4, 4, QStringLiteral("aarch64"), SecurityTier::Standard, NodeState::Cordoned),
        makeNode(QStringLiteral("hpc-1"), QStringLiteral("site-julich"), QStringLiteral("slurm-hpc"),
                 128, 128, QStringLiteral("x86_64"), SecurityTier::Standard),
    };
    inventory.nodes[6].capacity.diskBytes = 2000 * GiB;
    inventory.devices = {
        makeDevice(QStringLiteral("gpu-c1-0"), QStringLiteral("cloud-1"), DeviceKind::Gpu,
                   QStringLiteral("NVIDIA A100"), true),
        makeDevice(QStringLiteral("gpu-c1-1"), QStringLiteral("cloud-1"), DeviceKind::Gpu,
                   QStringLiteral("NVIDIA A100"), true),
        makeDevice(QStringLiteral("gpu-c2-0"), QStringLiteral("cloud-2"), DeviceKind::Gpu,
                   QStringLiteral("NVIDIA A100"), true),
        makeDevice(QStringLiteral("gpu-c3-0"), QStringLiteral("cloud-3"), DeviceKind::Gpu,
                   QStringLiteral("NVIDIA A100"), false),
        makeDevice(QStringLiteral("gpu-c4-0"), QStringLiteral("cloud-4"), DeviceKind::Gpu,
                   QStringLiteral("NVIDIA T4"), true),
        makeDevice(QStringLiteral("gpu-e1-0"), QStringLiteral("edge-1"), DeviceKind::Gpu,
                   QStringLiteral("NVIDIA Jetson AGX Orin"), true),
        makeDevice(QStringLiteral("fpga-h1-0"), QStringLiteral("hpc-1"), DeviceKind::Fpga,
                   QStringLiteral("Xilinx Alveo U280"), true),
    };
    return inventory;
}

QString matching(const PlacementModel &model, const ResourceQuery &query)
{
    QStringList ids;
    for (int i = 0; i < model.nodeCount(); ++i) {
        if (query.matches(model, i))
            ids.append(model.nodeId(i));
    }
    ids.sort();
    return ids.join(QLatin1Char(','));
}

} // namespace

class tst_ResourceQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matches_data();
    void matches();
    void demoQuery();
    void freeResourcesFollowAllocation();
    void parseErrors_data();
    void parseErrors();
    void mismatch_data();
    void mismatch();
    void degraded();
    void emptyAndText();
    void findResourcesReportsAttributesAndAge();

private:
    PlacementModel m_model;
};

void tst_ResourceQuery::initTestCase()
{
    m_model = PlacementModel::build(demoInventory());
    QCOMPARE(m_model.nodeCount(), 7);
}

void tst_ResourceQuery::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");

    const QString all = QStringLiteral("cloud-1,cloud-2,cloud-3,cloud-4,edge-1,edge-2,hpc-1");
    QTest::newRow("empty") << QString() << all;
    QTest::newRow("whitespace") << QStringLiteral("   ") << all;
    QTest::newRow("cores") << QStringLiteral("cpu >= 32") << QStringLiteral("cloud-1,cloud-2,cloud-3,hpc-1");
    QTest::newRow("cores-fraction") << QStringLiteral("free_cpu < 4.5") << QStringLiteral("edge-2");
    QTest::newRow("bytes-GiB") << QStringLiteral("memory > 48GiB")
                               << QStringLiteral("cloud-1,cloud-4,hpc-1");
    QTest::newRow("bytes-space-unit") << QStringLiteral("memory = 16 GiB") << QStringLiteral("edge-1");
    QTest::newRow("bytes-MiB") << QStringLiteral("memory <= 16384MiB") << QStringLiteral("edge-1,edge-2");
    QTest::newRow("bytes-Gi") << QStringLiteral("memory == 4Gi") << QStringLiteral("edge-2");
    QTest::newRow("bytes-decimal-TB") << QStringLiteral("disk >= 2TB") << QStringLiteral("hpc-1");
    QTest::newRow("bytes-plain") << QStringLiteral("memory = 4294967296") << QStringLiteral("edge-2");
    QTest::newRow("between-inclusive") << QStringLiteral("memory between 32GiB and 64GiB")
                                       << QStringLiteral("cloud-2,cloud-3,cloud-4");
    QTest::newRow("gpu-count") << QStringLiteral("gpu = 2") << QStringLiteral("cloud-1");
    QTest::newRow("gpu-model-exact-ci") << QStringLiteral("gpu.model = 'nvidia a100'")
                                        << QStringLiteral("cloud-1,cloud-2,cloud-3");
    QTest::newRow("gpu-model-not-substring") << QStringLiteral("gpu.model = A100") << QString();
    QTest::newRow("gpu-model-regex") << QStringLiteral("gpu.model ~ \".*orin\"") << QStringLiteral("edge-1");
    QTest::newRow("gpu-model-ne") << QStringLiteral("gpu >= 1 and gpu.model != \"NVIDIA A100\"")
                                  << QStringLiteral("cloud-4,edge-1");
    QTest::newRow("fpga") << QStringLiteral("fpga >= 1 and fpga.model ~ '.*U280.*'")
                          << QStringLiteral("hpc-1");
    QTest::newRow("vaccel") << QStringLiteral("vaccel")
                            << QStringLiteral("cloud-1,cloud-2,cloud-4,edge-1,hpc-1");
    QTest::newRow("vaccel-false") << QStringLiteral("vaccel = false") << QStringLiteral("cloud-3,edge-2");
    QTest::newRow("arch") << QStringLiteral("arch = aarch64") << QStringLiteral("edge-1,edge-2");
    QTest::newRow("arch-in") << QStringLiteral("arch in (riscv64, AARCH64)") << QStringLiteral("edge-1,edge-2");
    QTest::newRow("tier-ordered") << QStringLiteral("tier >= hardened")
                                  << QStringLiteral("cloud-1,cloud-2,edge-1");
    QTest::newRow("tier-below") << QStringLiteral("tier < hardened")
                                << QStringLiteral("cloud-3,cloud-4,edge-2,hpc-1");
    QTest::newRow("state") << QStringLiteral("state = cordoned") << QStringLiteral("edge-2");
    QTest::newRow("not-schedulable") << QStringLiteral("not schedulable") << QStringLiteral("edge-2");
    QTest::newRow("site-kind") << QStringLiteral("schedulable and site.kind = edge") << QStringLiteral("edge-1");
    QTest::newRow("site") << QStringLiteral("site = site-julich") << QStringLiteral("hpc-1");
    QTest::newRow("cluster") << QStringLiteral("cluster = \"k8s-edge\"") << QStringLiteral("edge-1,edge-2");
    QTest::newRow("backend") << QStringLiteral("backend = slurm") << QStringLiteral("hpc-1");
    QTest::newRow("zone-label") << QStringLiteral("zone = athens-a") << QStringLiteral("edge-1");
    QTest::newRow("zone-defaults-to-site") << QStringLiteral("zone = site-julich") << QStringLiteral("hpc-1");
    QTest::newRow("label") << QStringLiteral("label.partition = gpu") << QStringLiteral("cloud-2");
    QTest::newRow("label-set") << QStringLiteral("label.role") << QStringLiteral("edge-1");
    QTest::newRow("name-in") << QStringLiteral("name in (edge-1, cloud-4, nowhere)")
                             << QStringLiteral("cloud-4,edge-1");
    QTest::newRow("id-regex") << QStringLiteral("id ~ 'cloud-[12]'") << QStringLiteral("cloud-1,cloud-2");
    QTest::newRow("count-in") << QStringLiteral("gpu in (0, 2)")
                              << QStringLiteral("cloud-1,edge-2,hpc-1");
    // Precedence: not > and > or.
    QTest::newRow("and-binds-tighter") << QStringLiteral("arch = aarch64 or cpu >= 64 and gpu = 2")
                                       << QStringLiteral("cloud-1,edge-1,edge-2");
    QTest::newRow("parentheses") << QStringLiteral("(arch = aarch64 or cpu >= 64) and gpu >= 1")
                                 << QStringLiteral("cloud-1,edge-1");
    QTest::newRow("not-binds-tightest") << QStringLiteral("not arch = aarch64 and gpu = 0")
                                        << QStringLiteral("hpc-1");
    QTest::newRow("not-group") << QStringLiteral("not (arch = aarch64 and gpu = 0)")
                               << QStringLiteral("cloud-1,cloud-2,cloud-3,cloud-4,edge-1,hpc-1");
    QTest::newRow("double-not") << QStringLiteral("not not vaccel")
                                << QStringLiteral("cloud-1,cloud-2,cloud-4,edge-1,hpc-1");
    QTest::newRow("keywords-any-case") << QStringLiteral("Arch = aarch64 AND NOT Schedulable Or gpu = 2")
                                       << QStringLiteral("cloud-1,edge-2");
    QTest::newRow("no-spaces") << QStringLiteral("cpu>=64") << QStringLiteral("cloud-1,hpc-1");
}

void tst_ResourceQuery::matches()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    const auto parsed = ResourceQuery::parse(query);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
    QCOMPARE(matching(m_model, *parsed), expected);
}

void tst_ResourceQuery::demoQuery()
{
    // The example: free memory 8..64 GiB, an A100 and vAccel. cloud-1 has too much
    // memory, cloud-3's A100 is not vAccel-capable, cloud-4 has a T4.
    const auto query = ResourceQuery::parse(QStringLiteral(
        "free_memory between 8GiB and 64GiB and gpu.model = \"NVIDIA A100\" and vaccel"));
    QVERIFY2(query.hasValue(), qPrintable(query.error()));
    QCOMPARE(matching(m_model, *query), QStringLiteral("cloud-2"));
    QCOMPARE(query->attributes(),
             (QStringList{QStringLiteral("free_memory"), QStringLiteral("gpu.model"),
                          QStringLiteral("vaccel")}));
}

void tst_ResourceQuery::freeResourcesFollowAllocation()
{
    PlacementModel model = m_model;
    const auto query = ResourceQuery::parse(QStringLiteral(
        "free_memory between 8GiB and 64GiB and gpu.model = \"NVIDIA A100\" and vaccel"));
    QVERIFY(query.hasValue());
    const int cloud1 = model.nodeIndex(QStringLiteral("cloud-1"));
    ResourceRequest request;
    request.memoryBytes = 200 * GiB;
    request.cpuCores = 60;
    request.gpuCount = 1;
    model.allocate(cloud1, request);
    QCOMPARE(matching(model, *query), QStringLiteral("cloud-1,cloud-2"));
    const auto freeGpu = ResourceQuery::parse(QStringLiteral("free_gpu >= 2 or free_cpu < 5"));
    QVERIFY(freeGpu.hasValue());
    QCOMPARE(matching(model, *freeGpu), QStringLiteral("cloud-1,edge-2"));
    model.release(cloud1, request);
    QCOMPARE(matching(model, *query), QStringLiteral("cloud-2"));
}

void tst_ResourceQuery::parseErrors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown-attribute") << QStringLiteral("colour = red")
                                       << QStringLiteral("column 1: unknown attribute 'colour'; known: cpu, free_cpu,");
    QTest::newRow("unknown-attribute-later") << QStringLiteral("cpu > 1 and colour = red")
                                             << QStringLiteral("column 13: unknown attribute 'colour'");
    QTest::newRow("missing-value") << QStringLiteral("cpu >")
                                   << QStringLiteral("column 6 (end of query): expected a value after '>'");
    QTest::newRow("dangling-and") << QStringLiteral("cpu >= 4 and")
                                  << QStringLiteral("(end of query): expected an attribute");
    QTest::newRow("bad-unit") << QStringLiteral("memory > 8XB") << QStringLiteral("column 10: '8XB' has an unknown unit 'XB'");
    QTest::newRow("unit-on-count") << QStringLiteral("cpu > 8GiB") << QStringLiteral("'8GiB' is not a plain number (cpu has no unit)");
    QTest::newRow("not-a-number") << QStringLiteral("gpu >= two") << QStringLiteral("'two' is not a number");
    QTest::newRow("unclosed-paren") << QStringLiteral("(cpu > 1") << QStringLiteral("expected ')' to close the '(' at column 1");
    QTest::newRow("order-on-string") << QStringLiteral("arch < x") << QStringLiteral("column 6: '<' does not apply to arch");
    QTest::newRow("unterminated") << QStringLiteral("gpu.model = \"A100") << QStringLiteral("column 13: unterminated string");
    QTest::newRow("bad-tier") << QStringLiteral("tier = gold")
                              << QStringLiteral("'gold' is not a security tier; one of: standard, hardened, confidential");
    QTest::newRow("bad-state") << QStringLiteral("state = sleepy") << QStringLiteral("one of: ready, not_ready, cordoned");
    QTest::newRow("empty-between") << QStringLiteral("cpu between 8 and 2") << QStringLiteral("is empty");
    QTest::newRow("between-without-and") << QStringLiteral("cpu between 2 or 8") << QStringLiteral("expected 'and' in 'cpu between A and B'");
    QTest::newRow("needs-comparison") << QStringLiteral("cpu and vaccel") << QStringLiteral("cpu needs a comparison");
    QTest::newRow("two-terms") << QStringLiteral("cpu > 2 gpu < 4") << QStringLiteral("column 9: expected 'and', 'or' or the end of the query, found 'gpu'");
    QTest::newRow("bad-regex") << QStringLiteral("arch ~ \"(\"") << QStringLiteral("invalid regular expression '('");
    QTest::newRow("regex-on-number") << QStringLiteral("cpu ~ '1.*'") << QStringLiteral("'~' applies to text attributes");
    QTest::newRow("bang") << QStringLiteral("cpu ! 3") << QStringLiteral("column 5: '!' must be followed by '='");
    QTest::newRow("bool-value") << QStringLiteral("vaccel = maybe") << QStringLiteral("'maybe' is not true or false");
    QTest::newRow("bool-order") << QStringLiteral("vaccel > true") << QStringLiteral("'>' does not apply to vaccel");
    QTest::newRow("in-unclosed") << QStringLiteral("cpu in (1, 2") << QStringLiteral("expected ',' or ')' in the 'in' list");
    QTest::newRow("in-no-paren") << QStringLiteral("arch in aarch64") << QStringLiteral("expected '(' after 'in'");
    QTest::newRow("stray-paren") << QStringLiteral("cpu > 1)") << QStringLiteral("column 8: expected 'and', 'or' or the end of the query, found ')'");
    QTest::newRow("operator-first") << QStringLiteral("= 3") << QStringLiteral("column 1: expected an attribute, found '='");
}

void tst_ResourceQuery::parseErrors()
{
    QFETCH(QString, query);
    QFETCH(QString, error);
    const auto parsed = ResourceQuery::parse(query);
    QVERIFY(!parsed.hasValue());
    QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
}

void tst_ResourceQuery::mismatch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("expected");

    QTest::newRow("between") << QStringLiteral("free_memory between 8GiB and 64GiB") << QStringLiteral("edge-2")
                             << QStringLiteral("free_memory 4 GiB not between 8 GiB and 64 GiB");
    QTest::newRow("first-failing-and") << QStringLiteral("cpu >= 1 and gpu.model = \"NVIDIA A100\" and vaccel")
                                       << QStringLiteral("cloud-4")
                                       << QStringLiteral("gpu.model 'NVIDIA T4' not = 'NVIDIA A100'");
    QTest::newRow("no-gpu") << QStringLiteral("gpu.model = A100") << QStringLiteral("hpc-1")
                            << QStringLiteral("gpu.model (none) not = 'A100'");
    QTest::newRow("bool") << QStringLiteral("vaccel") << QStringLiteral("cloud-3") << QStringLiteral("vaccel is false");
    QTest::newRow("bool-compare") << QStringLiteral("schedulable = true") << QStringLiteral("edge-2")
                                  << QStringLiteral("schedulable is false");
    QTest::newRow("tier") << QStringLiteral("tier >= hardened") << QStringLiteral("hpc-1")
                          << QStringLiteral("tier standard not >= hardened");
    QTest::newRow("count") << QStringLiteral("gpu >= 2") << QStringLiteral("cloud-2") << QStringLiteral("gpu 1 not >= 2");
    QTest::newRow("cores") << QStringLiteral("free_cpu > 16") << QStringLiteral("edge-1") << QStringLiteral("free_cpu 8 not > 16");
    QTest::newRow("in") << QStringLiteral("arch in (riscv64, aarch64)") << QStringLiteral("hpc-1")
                        << QStringLiteral("arch 'x86_64' not in ('riscv64', 'aarch64')");
    QTest::newRow("regex") << QStringLiteral("gpu.model ~ '.*orin'") << QStringLiteral("cloud-2")
                           << QStringLiteral("gpu.model 'NVIDIA A100' does not match \".*orin\"");
    QTest::newRow("label-unset") << QStringLiteral("label.partition") << QStringLiteral("edge-1")
                                 << QStringLiteral("label.partition is not set");
    QTest::newRow("or") << QStringLiteral("arch = aarch64 or gpu >= 1") << QStringLiteral("hpc-1")
                        << QStringLiteral("neither arch 'x86_64' not = 'aarch64' nor gpu 0 not >= 1");
    QTest::newRow("not") << QStringLiteral("not state = cordoned") << QStringLiteral("edge-2")
                         << QStringLiteral("'state = cordoned' holds (state is cordoned)");
    QTest::newRow("not-group") << QStringLiteral("not (arch = aarch64 and cpu < 8)") << QStringLiteral("edge-2")
                               << QStringLiteral("'(arch = aarch64 and cpu < 8)' holds");
    QTest::newRow("matches") << QStringLiteral("vaccel and tier >= hardened") << QStringLiteral("cloud-2") << QString();
}

void tst_ResourceQuery::mismatch()
{
    QFETCH(QString, query);
    QFETCH(QString, node);
    QFETCH(QString, expected);
    const auto parsed = ResourceQuery::parse(query);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.error()));
    const int index = m_model.nodeIndex(node);
    QVERIFY(index >= 0);
    QCOMPARE(parsed->mismatch(m_model, index), expected);
    QCOMPARE(parsed->matches(m_model, index), expected.isEmpty());
}

void tst_ResourceQuery::degraded()
{
    PlacementModel model = m_model;
    model.setNodeDegraded(model.nodeIndex(QStringLiteral("cloud-2")), true);
    const auto query = ResourceQuery::parse(QStringLiteral("degraded"));
    QVERIFY(query.hasValue());
    QCOMPARE(matching(model, *query), QStringLiteral("cloud-2"));
    const auto healthy = ResourceQuery::parse(QStringLiteral("gpu >= 1 and not degraded"));
    QVERIFY(healthy.hasValue());
    QCOMPARE(matching(model, *healthy), QStringLiteral("cloud-1,cloud-3,cloud-4,edge-1"));
    QCOMPARE(healthy->mismatch(model, model.nodeIndex(QStringLiteral("cloud-2"))),
             QStringLiteral("'degraded' holds (degraded is true)"));
}

void tst_ResourceQuery::emptyAndText()
{
    const ResourceQuery defaultQuery;
    QVERIFY(defaultQuery.isEmpty());
    QVERIFY(defaultQuery.matches(m_model, 0));
    QVERIFY(defaultQuery.mismatch(m_model, 0).isEmpty());

    const auto empty = ResourceQuery::parse(QStringLiteral("  "));
    QVERIFY(empty.hasValue());
    QVERIFY(empty->isEmpty());

    const auto query = ResourceQuery::parse(QStringLiteral("  cpu >= 4  "));
    QVERIFY(query.hasValue());
    QVERIFY(!query->isEmpty());
    QCOMPARE(query->text(), QStringLiteral("cpu >= 4"));
    const ResourceQuery copy = *query; // shares the parsed tree
    QCOMPARE(copy.text(), query->text());
    QCOMPARE(matching(m_model, copy), matching(m_model, *query));

    QVERIFY(ResourceQuery::knownAttributes().contains(QStringLiteral("gpu.model")));
    QVERIFY(ResourceQuery::knownAttributes().contains(QStringLiteral("label.<key>")));
}

void tst_ResourceQuery::findResourcesReportsAttributesAndAge()
{
    const auto query = ResourceQuery::parse(
        QStringLiteral("gpu.model ~ '.*A100' and free_memory >= 32GiB and tier != standard"));
    QVERIFY(query.hasValue());
    const auto ages = [](const QString &nodeId) -> qint64 {
        return nodeId == QLatin1String("cloud-1") ? 1500 : 250;
    };
    const QList<ResourceMatch> all = findResources(m_model, *query, ages, 0);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].nodeId, QStringLiteral("cloud-1"));
    QCOMPARE(all[0].clusterId, QStringLiteral("k8s-cloud"));
    QCOMPARE(all[0].siteId, QStringLiteral("site-frankfurt"));
    QCOMPARE(all[0].source, QStringLiteral("local"));
    QCOMPARE(all[0].ageMs, 1500);
    QCOMPARE(all[0].attributes.value(QStringLiteral("gpu.model")).toString(), QStringLiteral("NVIDIA A100"));
    QCOMPARE(all[0].attributes.value(QStringLiteral("free_memory")).toLongLong(), 256 * GiB);
    QCOMPARE(all[0].attributes.value(QStringLiteral("tier")).toString(), QStringLiteral("confidential"));
    QCOMPARE(all[0].attributes.size(), 3);
    QCOMPARE(all[1].nodeId, QStringLiteral("cloud-2"));
    QCOMPARE(all[1].ageMs, 250);

    const QList<ResourceMatch> limited = findResources(m_model, *query, {}, 1);
    QCOMPARE(limited.size(), 1);
    QCOMPARE(limited[0].ageMs, 0);

    QCOMPARE(ResourceQuery::attributeValue(m_model, 0, QStringLiteral("vaccel")), QVariant(true));
    QCOMPARE(ResourceQuery::attributeValue(m_model, 0, QStringLiteral("gpu")), QVariant(2));
    QCOMPARE(ResourceQuery::attributeValue(m_model, 0, QStringLiteral("cpu")), QVariant(64.0));
    QVERIFY(!ResourceQuery::attributeValue(m_model, 0, QStringLiteral("colour")).isValid());
    QVERIFY(!ResourceQuery::attributeValue(m_model, 99, QStringLiteral("cpu")).isValid());
}

QTEST_GUILESS_MAIN(tst_ResourceQuery)
#include "tst_resourcequery.moc"
