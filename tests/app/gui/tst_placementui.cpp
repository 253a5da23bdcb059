// The placement console (issue 5) on a fake control plane that runs the real placer: the
// deployment model, the explanation view, the placement dialog's form <-> YAML round trip, the
// what-if overlay on the topology, the resource search box, and pinning from the window.

#include "FakeControlPlane.h"
#include "MainWindow.h"
#include "dialogs/PlacementDialog.h"
#include "models/DeploymentModel.h"
#include "orchestration/IntentYaml.h"
#include "topology/TopologyScene.h"
#include "widgets/ExplanationView.h"
#include "widgets/ResourceSearchBox.h"
#include "widgets/WhatIfPanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QMimeData>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Continuo;
using namespace Continuo::Gui;
using Continuo::Testing::FakeControlPlane;

namespace {

/// Two sites, one cluster each, four nodes each (8 cores, 16 GiB); site-1 has GPUs on n-1-0.
void fillInventory(FakeControlPlane &plane)
{
    InventoryChangeSet changes;
    for (int s = 0; s < 2; ++s) {
        Site site;
        site.id = QStringLiteral("site-%1").arg(s);
        site.name = QStringLiteral("Site %1").arg(s);
        site.kind = s == 0 ? SiteKind::Edge : SiteKind::Cloud;
        changes.upsert(site);
        Cluster cluster;
        cluster.id = QStringLiteral("cluster-%1").arg(s);
        cluster.name = cluster.id;
        cluster.siteId = site.id;
        cluster.backend = BackendKind::Simulator;
        cluster.pluginId = QStringLiteral("simulator");
        changes.upsert(cluster);
        for (int n = 0; n < 4; ++n) {
            Node node;
            node.id = QStringLiteral("n-%1-%2").arg(s).arg(n);
            node.name = node.id;
            node.siteId = site.id;
            node.clusterId = cluster.id;
            node.arch = QStringLiteral("x86_64");
            node.capacity = {8.0, qint64(16) << 30, qint64(100) << 30};
            node.securityTier = SecurityTier::Standard;
            node.state = NodeState::Ready;
            changes.upsert(node);
        }
    }
    StorageLocation storage;
    storage.id = QStringLiteral("storage-0");
    storage.name = QStringLiteral("Edge storage");
    storage.siteId = QStringLiteral("site-0");
    storage.kind = StorageKind::Edge;
    changes.upsert(storage);
    plane.apply(changes);
}

Workload intent(const QString &name, double cpu, int replicas = 1)
{
    Workload workload;
    workload.name = name;
    workload.kind = WorkloadKind::Container;
    workload.image = QStringLiteral("registry/app:1");
    workload.request.cpuCores = cpu;
    workload.request.memoryBytes = qint64(1) << 30;
    workload.requirements.replicas = replicas;
    return workload;
}

Deployment deployment(const QString &id, const QString &workloadId, const QString &node, DeploymentState state)
{
    Deployment d;
    d.id = id;
    d.workloadId = workloadId;
    d.nodeId = node;
    d.clusterId = node.startsWith(QLatin1String("n-0")) ? QStringLiteral("cluster-0") : QStringLiteral("cluster-1");
    d.state = state;
    d.createdMs = QDateTime::currentMSecsSinceEpoch() - 5000;
    d.updatedMs = d.createdMs;
    return d;
}

} // namespace

class tst_PlacementUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void deploymentModelUpserts()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        Workload web = intent(QStringLiteral("web"), 1);
        web.id = QStringLiteral("wl-1");
        plane.setWorkload(web);
        plane.setDeployment(deployment(QStringLiteral("dep-1"), web.id, QStringLiteral("n-0-0"), DeploymentState::Scheduled));

        DeploymentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setControlPlane(&plane);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, DeploymentModel::WorkloadColumn).data().toString(), QStringLiteral("web #0"));
        QCOMPARE(model.index(0, DeploymentModel::KindColumn).data().toString(), QStringLiteral("Container"));

        // A new deployment is inserted, not reset.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        plane.setDeployment(deployment(QStringLiteral("dep-2"), web.id, QStringLiteral("n-1-0"), DeploymentState::Pending));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserts.size(), 1);

        // A state change updates its row in place.
        Deployment deployed = deployment(QStringLiteral("dep-1"), web.id, QStringLiteral("n-0-0"), DeploymentState::Deployed);
        deployed.attempts = 1;
        deployed.message = QStringLiteral("running");
        plane.setDeployment(deployed);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!changes.isEmpty());
        QCOMPARE(resets.size(), 0);
        const int row = model.rowOf(QStringLiteral("dep-1"));
        QCOMPARE(model.index(row, DeploymentModel::StateColumn).data().toString(), QStringLiteral("Deployed"));
        QCOMPARE(toString(DeploymentState(model.index(row, DeploymentModel::StateColumn).data(DeploymentModel::StateRole).toInt())),
                 toString(DeploymentState::Deployed));
        QCOMPARE(model.index(row, DeploymentModel::StateColumn).data(Qt::DecorationRole).value<QColor>(),
                 Theme::canvasColours(ThemeKind::Dark).good);
        QCOMPARE(model.index(row, DeploymentModel::AttemptsColumn).data().toInt(), 1);
        QCOMPARE(model.index(row, DeploymentModel::MessageColumn).data().toString(), QStringLiteral("running"));

        // Same value again: nothing emitted.
        changes.clear();
        plane.setDeployment(deployed);
        QCOMPARE(changes.size(), 0);

        // Drag payload.
        std::unique_ptr<QMimeData> mime(model.mimeData({model.index(row, 0)}));
        QVERIFY(mime);
        QCOMPARE(QString::fromUtf8(mime->data(DeploymentModel::mimeType())), QStringLiteral("dep-1"));

        // Reset from the plane.
        Q_EMIT plane.deploymentsReset();
        QCOMPARE(model.rowCount(), 2);
    }

    void explanationGroupsRejections()
    {
        PlacementExplanation explanation;
        explanation.placed = false;
        explanation.error = QStringLiteral("no node has 4 free GPUs");
        explanation.strategy = QStringLiteral("multi-objective");
        explanation.nodesConsidered = 5;
        explanation.rejections = {
            {QStringLiteral("n-0-0"), false, QStringLiteral("resources"), QStringLiteral("needs 4 GPUs, node has 0"), 4},
            {QStringLiteral("n-0-1"), false, QStringLiteral("resources"), QStringLiteral("needs 4 GPUs, node has 1"), 3},
            {QStringLiteral("n-1-0"), false, QStringLiteral("latency"), QStringLiteral("latency to site-0 38 ms > 20 ms"), 18},
        };
        explanation.rejectionsByFilter = {{QStringLiteral("resources"), 4}, {QStringLiteral("latency"), 1}};
        explanation.relaxations = {{QStringLiteral("resources"), QStringLiteral("ask for 1 GPU instead of 4"), 2}};
        RankedCandidate candidate;
        candidate.nodeId = QStringLiteral("n-1-1");
        candidate.clusterId = QStringLiteral("cluster-1");
        candidate.total = 0.6;
        candidate.terms = {{QStringLiteral("latency"), 0.8, 0.5}, {QStringLiteral("balance"), 0.4, 0.5}};
        explanation.ranked = {candidate};

        ExplanationView view;
        view.resize(800, 500);
        view.setExplanation(explanation, QStringLiteral("too-big"));
        view.show();
        QVERIFY(view.verdictText().contains(QLatin1String("no node has 4 free GPUs")));
        QTreeWidgetItem *rejections = view.section(ExplanationView::Section::Rejections);
        QVERIFY(rejections);
        QCOMPARE(rejections->text(1), QStringLiteral("5"));
        QCOMPARE(rejections->childCount(), 2);
        // Largest group first; the nodes with their reasons under it, plus "more".
        QTreeWidgetItem *resources = rejections->child(0);
        QCOMPARE(resources->text(0), QStringLiteral("resources"));
        QCOMPARE(resources->text(1), QStringLiteral("4"));
        QCOMPARE(resources->childCount(), 3);
        QCOMPARE(resources->child(0)->text(0), QStringLiteral("n-0-0"));
        QCOMPARE(resources->child(0)->text(2), QStringLiteral("needs 4 GPUs, node has 0"));
        QCOMPARE(rejections->child(1)->text(0), QStringLiteral("latency"));
        QTreeWidgetItem *relaxations = view.section(ExplanationView::Section::Relaxations);
        QVERIFY(relaxations);
        QCOMPARE(relaxations->child(0)->text(0), QStringLiteral("ask for 1 GPU instead of 4"));
        QTreeWidgetItem *ranked = view.section(ExplanationView::Section::Ranked);
        QVERIFY(ranked);
        QCOMPARE(ranked->child(0)->childCount(), 2); // one bar per scorer
        QCOMPARE(ranked->child(0)->child(0)->data(1, ExplanationView::BarRole).toDouble(), 0.8);
        QVERIFY(!view.section(ExplanationView::Section::Decisions));
        QVERIFY(!view.grab().isNull());
    }

    void dialogFormYamlRoundTrip()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        PlacementDialog dialog(&plane);
        dialog.show();

        Workload workload = intent(QStringLiteral("analytics"), 2.5, 3);
        workload.request.diskBytes = qint64(10) << 30;
        workload.requirements.spread = SpreadScope::Node;
        workload.requirements.gpuModel = QStringLiteral("A100");
        workload.requirements.arch = QStringLiteral("x86_64");
        workload.requirements.minSecurityTier = SecurityTier::Hardened;
        workload.requirements.isolation = IsolationKind::Kata;
        workload.requirements.nodeSelector = {{QStringLiteral("role"), QStringLiteral("worker")}};
        workload.requirements.where = QStringLiteral("free_memory > 2GiB");
        workload.requirements.maxLatency = {LatencyBound{QStringLiteral("site-0"), {}, 20.0}};
        workload.requirements.dataLocation = QStringLiteral("storage-0");
        workload.requirements.walltimeSeconds = 7200;
        workload.requirements.partition = QStringLiteral("cpu");
        workload.groupId = QStringLiteral("pipeline");
        workload.objectives.latency = 0.6;
        workload.objectives.energy = 0.2;
        workload.objectives.cost = 0.2;
        workload.strategy = PlacementStrategy::FirstFit;
        workload.labels = {{QStringLiteral("app"), QStringLiteral("analytics")}};
        dialog.setWorkload(workload);

        auto fromForm = dialog.formWorkload();
        QVERIFY2(fromForm, qPrintable(fromForm.error()));
        QCOMPARE(*fromForm, workload);

        // Form -> YAML: the YAML parses back to the same intent.
        QVERIFY(dialog.setCurrentTab(PlacementDialog::Tab::Yaml));
        auto parsed = parseIntents(dialog.yaml().toUtf8());
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed->size(), 1);
        QCOMPARE(parsed->first(), workload);

        // Edit the YAML, YAML -> form.
        dialog.setYaml(dialog.yaml().replace(QStringLiteral("analytics"), QStringLiteral("reporting")));
        QVERIFY(dialog.setCurrentTab(PlacementDialog::Tab::Form));
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("reporting"));

        // A YAML that does not parse keeps the editor open and says why.
        QVERIFY(dialog.setCurrentTab(PlacementDialog::Tab::Yaml));
        dialog.setYaml(QStringLiteral("name: x\nresources: {cpu: 2x}\n"));
        QVERIFY(!dialog.setCurrentTab(PlacementDialog::Tab::Form));
        QCOMPARE(dialog.currentTab(), PlacementDialog::Tab::Yaml);
        QVERIFY2(dialog.errorText().contains(QLatin1String("cpu")), qPrintable(dialog.errorText()));

        // A bad form field blocks the switch to YAML with the field named.
        dialog.setYaml(QString::fromUtf8(intentsToYaml({workload})));
        QVERIFY(dialog.setCurrentTab(PlacementDialog::Tab::Form));
        dialog.findChild<QLineEdit *>(QStringLiteral("memoryEdit"))->setText(QStringLiteral("lots"));
        QVERIFY(!dialog.setCurrentTab(PlacementDialog::Tab::Yaml));
        QVERIFY2(dialog.errorText().startsWith(QLatin1String("Memory")), qPrintable(dialog.errorText()));
    }

    void dialogDryRunAndSubmit()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        PlacementDialog dialog(&plane);
        dialog.show();
        dialog.setWorkload(intent(QStringLiteral("web"), 2, 2));
        QSignalSpy dry(&dialog, &PlacementDialog::dryRunFinished);
        QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
        QTRY_COMPARE(dry.size(), 1);
        QVERIFY(dry.first().first().toBool());
        QVERIFY(dialog.explanationView()->isVisible());
        QVERIFY2(dialog.explanationView()->explanation().placed, qPrintable(dialog.explanationView()->verdictText()));
        QVERIFY(dialog.explanationView()->section(ExplanationView::Section::Decisions));
        QVERIFY(plane.deployments().isEmpty());

        // Too big: refused with the grouped rejections.
        dialog.setWorkload(intent(QStringLiteral("huge"), 64));
        QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
        QTRY_COMPARE(dry.size(), 2);
        QVERIFY(!dialog.explanationView()->explanation().placed);
        QVERIFY(dialog.explanationView()->section(ExplanationView::Section::Rejections));

        dialog.setWorkload(intent(QStringLiteral("web"), 2, 2));
        QSignalSpy submitted(&dialog, &PlacementDialog::submitted);
        QTest::mouseClick(dialog.submitButton(), Qt::LeftButton);
        QTRY_COMPARE(submitted.size(), 1);
        QCOMPARE(plane.deployments().size(), 2);
        QTRY_VERIFY(!dialog.isVisible());
    }

    void whatIfOverlayForDrain()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        Workload web = intent(QStringLiteral("web"), 2);
        web.id = QStringLiteral("wl-1");
        plane.setWorkload(web);
        plane.setDeployment(deployment(QStringLiteral("dep-1"), web.id, QStringLiteral("n-0-0"), DeploymentState::Deployed));

        MainWindow window;
        window.setControlPlane(&plane);
        window.show();
        window.topologyScene()->applyFrame();
        QVERIFY(!window.topologyScene()->nodeRect(QStringLiteral("n-0-0")).isEmpty());

        window.whatIfAction()->setChecked(true);
        QVERIFY(window.whatIfPanel()->isActive());
        WhatIfChange drain;
        drain.kind = WhatIfChange::Kind::DrainNode;
        drain.targetId = QStringLiteral("n-0-0");
        QSignalSpy answered(window.whatIfPanel(), &WhatIfPanel::resultChanged);
        window.whatIfPanel()->addChange(drain);
        QTRY_COMPARE(answered.size(), 1);
        QCOMPARE(plane.lastWhatIf.size(), 1);
        QCOMPARE(window.whatIfPanel()->result().moves.size(), 1);

        const auto items = window.topologyScene()->whatIfItems();
        const auto count = [&](WhatIfOverlayItem::Kind kind) {
            return std::count_if(items.cbegin(), items.cend(), [kind](const WhatIfOverlayItem *item) { return item->kind() == kind; });
        };
        QCOMPARE(count(WhatIfOverlayItem::Kind::Unavailable), 1);
        QCOMPARE(count(WhatIfOverlayItem::Kind::Move), 1);
        const auto move = std::find_if(items.cbegin(), items.cend(), [](const WhatIfOverlayItem *item) {
            return item->kind() == WhatIfOverlayItem::Kind::Move;
        });
        QCOMPARE((*move)->subject(), QStringLiteral("dep-1"));
        QCOMPARE((*move)->line().p1(), window.topologyScene()->nodeRect(QStringLiteral("n-0-0")).center());
        QCOMPARE(window.whatIfPanel()->changeList()->count(), 1);
        QVERIFY(!window.grab().isNull());

        // Removing the change re-runs with nothing: overlay empty. Leaving clears it.
        window.whatIfPanel()->addChange(drain); // duplicate: ignored
        QCOMPARE(window.whatIfPanel()->changes().size(), 1);
        window.whatIfPanel()->removeChange(0);
        QTRY_VERIFY(window.topologyScene()->whatIfItems().isEmpty());
        window.whatIfPanel()->addChange(drain);
        QTRY_VERIFY(!window.topologyScene()->whatIfItems().isEmpty());
        window.whatIfAction()->setChecked(false);
        QVERIFY(window.topologyScene()->whatIfItems().isEmpty());
        QVERIFY(!window.topologyScene()->hasWhatIfOverlay());
        window.setControlPlane(nullptr);
    }

    void searchBoxShowsMatches()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        ResourceSearchBox box;
        box.setControlPlane(&plane);
        box.show();
        QSignalSpy finished(&box, &ResourceSearchBox::searchFinished);
        box.setText(QStringLiteral("site = site-1 and free_cpu >= 4"));
        box.search();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toInt(), 4);
        QVERIFY(box.errorText().isEmpty());
        QCOMPARE(box.resultList()->topLevelItemCount(), 4);
        QCOMPARE(box.resultList()->topLevelItem(0)->text(0), QStringLiteral("n-1-0"));
        // Node, cluster, site, age, then the values of the attributes the query names.
        QCOMPARE(box.resultList()->columnCount(), 6);
        QCOMPARE(box.resultList()->headerItem()->text(4), QStringLiteral("free_cpu"));
        QCOMPARE(box.resultList()->topLevelItem(0)->text(4), QStringLiteral("8"));
        QSignalSpy chosen(&box, &ResourceSearchBox::nodeChosen);
        Q_EMIT box.resultList()->itemActivated(box.resultList()->topLevelItem(1), 0);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("n-1-1"));

        // A query that does not parse: red frame, the parser's message as tooltip.
        box.setText(QStringLiteral("colour = red"));
        box.search();
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(box.errorText().contains(QLatin1String("colour")));
        QCOMPARE(box.toolTip(), box.errorText());
        QVERIFY(box.styleSheet().contains(QLatin1String("border")));
    }

    void pinChecksFeasibilityFirst()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        Workload web = intent(QStringLiteral("web"), 2);
        web.id = QStringLiteral("wl-1");
        plane.setWorkload(web);
        plane.setDeployment(deployment(QStringLiteral("dep-1"), web.id, QStringLiteral("n-0-0"), DeploymentState::Deployed));
        Workload big = intent(QStringLiteral("big"), 6);
        big.id = QStringLiteral("wl-2");
        plane.setWorkload(big);
        plane.setDeployment(deployment(QStringLiteral("dep-2"), big.id, QStringLiteral("n-0-1"), DeploymentState::Deployed));

        MainWindow window;
        window.setControlPlane(&plane);
        QSignalSpy finished(&window, &MainWindow::placementActionFinished);

        // Feasible: pinned straight away, after a check with pinnedNodeId set.
        window.requestPin(QStringLiteral("dep-1"), QStringLiteral("n-1-2"));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(plane.lastExplained.requirements.pinnedNodeId, QStringLiteral("n-1-2"));
        QCOMPARE(plane.pins.size(), 1);
        QVERIFY(!plane.pins.first().force);

        // Infeasible (a 64-core intent on an 8-core node): a warning offers Pin Anyway.
        Workload huge = intent(QStringLiteral("huge"), 64);
        huge.id = QStringLiteral("wl-3");
        plane.setWorkload(huge);
        plane.setDeployment(deployment(QStringLiteral("dep-3"), huge.id, QStringLiteral("n-0-2"), DeploymentState::Failed));
        window.requestPin(QStringLiteral("dep-3"), QStringLiteral("n-1-3"));
        QMessageBox *warning = nullptr;
        QTRY_VERIFY((warning = window.findChild<QMessageBox *>(QStringLiteral("pinWarning"))));
        QVERIFY2(warning->text().contains(QLatin1String("n-1-3")), qPrintable(warning->text()));
        QCOMPARE(plane.pins.size(), 1);
        auto *force = warning->findChild<QPushButton *>(QStringLiteral("pinAnywayButton"));
        QVERIFY(force);
        force->click();
        QTRY_COMPARE(plane.pins.size(), 2);
        QVERIFY(plane.pins.last().force);
        QCOMPARE(plane.pins.last().nodeId, QStringLiteral("n-1-3"));
        window.setControlPlane(nullptr);
    }
};

QTEST_MAIN(tst_PlacementUi)
#include "tst_placementui.moc"
