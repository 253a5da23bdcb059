// The backend console (issue 6) on a fake control plane: the backend object model (merged in
// place, live CPU use from cpu time), the phase chart, the pane's filters and per-object actions,
// the window's confirmation and migrate dialogs, and the job/VM badges on the topology.

#include "FakeControlPlane.h"
#include "MainWindow.h"
#include "models/BackendObjectModel.h"
#include "topology/TopologyScene.h"
#include "widgets/BackendsPane.h"
#include "widgets/PhaseChart.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QLabel>
#include <QDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Continuo;
using namespace Continuo::Gui;
using Continuo::Testing::FakeControlPlane;

namespace {

/// One KVM cluster with two hosts and one Slurm cluster with one node.
void fillInventory(FakeControlPlane &plane)
{
    InventoryChangeSet changes;
    Site site;
    site.id = QStringLiteral("site-0");
    site.name = QStringLiteral("Site 0");
    site.kind = SiteKind::Cloud;
    changes.upsert(site);
    const auto cluster = [&](const QString &id, BackendKind backend, const QStringList &nodes) {
        Cluster c;
        c.id = id;
        c.name = id;
        c.siteId = site.id;
        c.backend = backend;
        changes.upsert(c);
        for (const QString &nodeId : nodes) {
            Node node;
            node.id = nodeId;
            node.name = nodeId;
            node.siteId = site.id;
            node.clusterId = id;
            node.capacity = {16.0, qint64(64) << 30, 0};
            node.state = NodeState::Ready;
            changes.upsert(node);
        }
    };
    cluster(QStringLiteral("kvm"), BackendKind::Libvirt, {QStringLiteral("kvm-h1"), QStringLiteral("kvm-h2")});
    cluster(QStringLiteral("hpc"), BackendKind::Slurm, {QStringLiteral("hpc-c1")});
    plane.apply(changes);
}

BackendObject domain(const QString &name, const QString &state, double cpuSeconds, QList<double> phaseMs = {})
{
    BackendObject object;
    object.id = QStringLiteral("kvm/domain/%1").arg(name);
    object.kind = QStringLiteral("libvirt.domain");
    object.name = name;
    object.clusterId = QStringLiteral("kvm");
    object.nodeId = QStringLiteral("kvm-h1");
    object.state = state;
    object.properties = {{QStringLiteral("vcpus"), 2},
                         {QStringLiteral("memoryBytes"), double(qint64(1) << 30)},
                         {QStringLiteral("cpuSeconds"), cpuSeconds}};
    object.actions = state == QLatin1String("running")
                         ? QStringList{QStringLiteral("shutdown"), QStringLiteral("destroy"),
                                       QStringLiteral("suspend"), QStringLiteral("migrate")}
                         : QStringList{QStringLiteral("start"), QStringLiteral("undefine")};
    const QStringList names{QStringLiteral("accepted"), QStringLiteral("scheduled"), QStringLiteral("xml"),
                            QStringLiteral("defined"), QStringLiteral("started")};
    for (int i = 0; i < phaseMs.size() && i < names.size(); ++i)
        object.phases.append({names.at(i), 1'700'000'000'000 + qint64(phaseMs.at(i)), phaseMs.at(i)});
    return object;
}

BackendObject job(const QString &id, const QString &state)
{
    BackendObject object;
    object.id = QStringLiteral("hpc/job/%1").arg(id);
    object.kind = QStringLiteral("slurm.job");
    object.name = id;
    object.clusterId = QStringLiteral("hpc");
    object.nodeId = QStringLiteral("hpc-c1");
    object.state = state;
    object.properties = {{QStringLiteral("partition"), QStringLiteral("debug")}, {QStringLiteral("cpus"), 4}};
    if (state == QLatin1String("RUNNING") || state == QLatin1String("PENDING"))
        object.actions = {QStringLiteral("cancel")};
    return object;
}

} // namespace

class tst_BackendsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelMergesInPlaceAndComputesCpuUse()
    {
        BackendObjectModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setObjects({domain(QStringLiteral("vm1"), QStringLiteral("running"), 10.0), job(QStringLiteral("41"), QStringLiteral("RUNNING"))},
                         1'000'000);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.cpuUse(QStringLiteral("kvm/domain/vm1")), -1.0); // one sample: no rate yet

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        // 2 s later the 2-vCPU domain used 1 s of CPU: 25 %. The job is gone, another came.
        model.setObjects({domain(QStringLiteral("vm1"), QStringLiteral("running"), 11.0), job(QStringLiteral("42"), QStringLiteral("PENDING"))},
                         1'002'000);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(removes.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.cpuUse(QStringLiteral("kvm/domain/vm1")), 0.25);
        const int row = model.rowOf(QStringLiteral("kvm/domain/vm1"));
        QCOMPARE(model.index(row, BackendObjectModel::UsageColumn).data().toString(), QStringLiteral("CPU 25.0 %"));
        QVERIFY(model.index(row, BackendObjectModel::DetailsColumn).data().toString().contains(QStringLiteral("2 vCPU")));
        QCOMPARE(model.index(row, BackendObjectModel::KindColumn).data().toString(), QStringLiteral("Virtual machine"));
        QVERIFY(model.find(QStringLiteral("hpc/job/41")) == nullptr);
        QCOMPARE(model.find(QStringLiteral("hpc/job/42"))->state, QStringLiteral("PENDING"));
        // A counter reset (domain restarted) gives no bogus negative use.
        model.setObjects({domain(QStringLiteral("vm1"), QStringLiteral("running"), 0.5)}, 1'004'000);
        QCOMPARE(model.cpuUse(QStringLiteral("kvm/domain/vm1")), 0.25);
        QCOMPARE(model.rowCount(), 1);
    }

    void phaseChartShowsSelectedFirst()
    {
        PhaseChart chart;
        QVERIFY(chart.barNames().isEmpty());
        const BackendObject slow = domain(QStringLiteral("slow"), QStringLiteral("running"), 0, {0, 5, 6, 40, 340});
        BackendObject fast = domain(QStringLiteral("fast"), QStringLiteral("running"), 0, {0, 1, 1.5, 2.5, 4});
        fast.phases.first().timestampMs += 10'000; // the newer one
        const BackendObject none = domain(QStringLiteral("nophases"), QStringLiteral("running"), 0);
        chart.setObjects({slow, fast, none}, slow.id);
        QCOMPARE(chart.barNames(), (QStringList{QStringLiteral("slow"), QStringLiteral("fast")}));
        QCOMPARE(chart.phaseNames().size(), 5);
        QCOMPARE(chart.duration(0, QStringLiteral("started")), 300.0);
        QCOMPARE(chart.duration(0, QStringLiteral("defined")), 34.0);
        QCOMPARE(chart.duration(1, QStringLiteral("started")), 1.5);
        QCOMPARE(chart.chart()->series().size(), 1);
        // Nothing selected: newest first.
        chart.setObjects({slow, fast}, {});
        QCOMPARE(chart.barNames().first(), QStringLiteral("fast"));
        const auto durations = PhaseChart::durations(slow);
        QCOMPARE(durations.size(), 5);
        QCOMPARE(durations.first().second, 0.0);
    }

    void paneFiltersAndOffersTheObjectsActions()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        plane.setBackendObjects({domain(QStringLiteral("vm1"), QStringLiteral("running"), 1, {0, 1, 2, 3, 4}),
                                 domain(QStringLiteral("vm2"), QStringLiteral("shut off"), 1),
                                 job(QStringLiteral("7"), QStringLiteral("RUNNING"))});
        BackendObjectModel model;
        BackendsPane pane(&model);
        model.setControlPlane(&plane);
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(pane.proxy()->rowCount(), 3);

        pane.kindFilter()->setCurrentIndex(pane.kindFilter()->findData(QStringLiteral("slurm.job")));
        QCOMPARE(pane.proxy()->rowCount(), 1);
        pane.kindFilter()->setCurrentIndex(0);
        pane.textFilter()->setText(QStringLiteral("vm"));
        QCOMPARE(pane.proxy()->rowCount(), 2);
        pane.textFilter()->clear();

        for (const QString &name : BackendsPane::actionNames())
            QVERIFY(!pane.action(name)->isEnabled());
        pane.selectObject(QStringLiteral("kvm/domain/vm1"));
        QCOMPARE(pane.selectedObjectId(), QStringLiteral("kvm/domain/vm1"));
        QVERIFY(pane.action(QStringLiteral("migrate"))->isEnabled());
        QVERIFY(pane.action(QStringLiteral("shutdown"))->isEnabled());
        QVERIFY(!pane.action(QStringLiteral("start"))->isEnabled());
        QVERIFY(!pane.action(QStringLiteral("cancel"))->isEnabled());
        QCOMPARE(pane.phaseChart()->barNames().first(), QStringLiteral("vm1"));

        pane.selectObject(QStringLiteral("hpc/job/7"));
        QVERIFY(pane.action(QStringLiteral("cancel"))->isEnabled());
        QVERIFY(!pane.action(QStringLiteral("migrate"))->isEnabled());
        QSignalSpy requested(&pane, &BackendsPane::actionRequested);
        pane.action(QStringLiteral("cancel"))->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("hpc/job/7"));
        QCOMPARE(requested.first().at(1).toString(), QStringLiteral("cancel"));
    }

    void windowConfirmsMigratesAndBadgesNodes()
    {
        FakeControlPlane plane;
        fillInventory(plane);
        plane.setBackendObjects({domain(QStringLiteral("vm1"), QStringLiteral("running"), 1),
                                 job(QStringLiteral("7"), QStringLiteral("RUNNING")),
                                 job(QStringLiteral("8"), QStringLiteral("RUNNING")),
                                 job(QStringLiteral("9"), QStringLiteral("COMPLETED"))});
        MainWindow window;
        window.setControlPlane(&plane);
        window.show();
        QTRY_COMPARE(window.backendObjectModel()->rowCount(), 4);
        // Badges: two running jobs on hpc-c1, one VM on kvm-h1.
        QTRY_COMPARE(window.topologyScene()->backendCounts(QStringLiteral("hpc-c1")), (std::pair<int, int>(2, 0)));
        QCOMPARE(window.topologyScene()->backendCounts(QStringLiteral("kvm-h1")), (std::pair<int, int>(0, 1)));

        // Cancelling a job asks first; confirming sends the action.
        QSignalSpy finished(&window, &MainWindow::backendActionFinished);
        window.requestBackendAction(QStringLiteral("hpc/job/7"), QStringLiteral("cancel"));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("backendActionBox"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("7")));
        QPushButton *confirm = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                confirm = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(confirm);
        confirm->click();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(finished.first().at(0).toBool());
        QCOMPARE(plane.invokedActions().size(), 1);
        QCOMPARE(plane.invokedActions().first().action, QStringLiteral("cancel"));

        // Migrate offers the other ready host of the cluster and sends it as targetNode.
        window.requestBackendAction(QStringLiteral("kvm/domain/vm1"), QStringLiteral("migrate"));
        auto *dialog = window.findChild<QInputDialog *>(QStringLiteral("migrateDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->comboBoxItems(), QStringList{QStringLiteral("kvm-h2")});
        dialog->setTextValue(QStringLiteral("kvm-h2"));
        dialog->accept();
        QTRY_COMPARE(plane.invokedActions().size(), 2);
        QCOMPARE(plane.invokedActions().at(1).arguments.value(QStringLiteral("targetNode")).toString(),
                 QStringLiteral("kvm-h2"));

        // A refused action says why.
        window.invokeBackendAction(QStringLiteral("hpc/job/9"), QStringLiteral("cancel"), {});
        QTRY_COMPARE(finished.size(), 3);
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY(finished.last().at(1).toString().contains(QStringLiteral("no action cancel")));
        // Output of a job, the serial console of a VM; a refusal is shown, not swallowed.
        plane.setBackendLog(QStringLiteral("hpc/job/7"), QStringLiteral("line one\nhello from job 7\n"));
        QDialog *log = window.showBackendLog(QStringLiteral("hpc/job/7"));
        auto *text = log->findChild<QPlainTextEdit *>(QStringLiteral("backendLogText"));
        QTRY_VERIFY(text->toPlainText().contains(QStringLiteral("hello from job 7")));
        QVERIFY(log->windowTitle().contains(QStringLiteral("7")));
        log->close();
        QDialog *console = window.showBackendLog(QStringLiteral("kvm/domain/vm1"));
        QVERIFY(console->windowTitle().contains(QStringLiteral("Serial Console")));
        auto *status = console->findChild<QLabel *>(QStringLiteral("backendLogStatus"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("keeps no output")));
        console->close();
        window.backendsPane()->selectObject(QStringLiteral("hpc/job/7"));
        QVERIFY(window.backendsPane()->logAction()->isEnabled());

        const auto boxes = window.findChildren<QMessageBox *>();
        for (QMessageBox *open : boxes)
            open->close();
        QVERIFY(!window.grab().isNull());
        window.setControlPlane(nullptr);
    }
};

QTEST_MAIN(tst_BackendsUi)
#include "tst_backendsui.moc"
