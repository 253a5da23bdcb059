// The P4 fabric console (issue 7) on a fake control plane: the entry, connection, SLA rule and
// reroute models; the rule editor (validation as you type, staging, diff, apply, packet dry
// run); the connection dialog, telemetry toggle and SLA editor; the per-flow latency chart and
// the topology's path highlight, INT latency and reroute.

#include "FakeControlPlane.h"
#include "MainWindow.h"
#include "charts/FlowLatencyChart.h"
#include "dialogs/ConnectionDialog.h"
#include "models/ConnectionModel.h"
#include "models/P4EntryModel.h"
#include "models/RerouteModel.h"
#include "models/SlaRuleModel.h"
#include "topology/TopologyScene.h"
#include "widgets/NetworkPane.h"
#include "widgets/P4EntryForm.h"
#include "widgets/P4RuleEditor.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Continuo;
using namespace Continuo::Gui;
using Continuo::Testing::FakeControlPlane;

namespace {

const QString Table0 = QStringLiteral("MyIngress.table0");
const QString L3Dst = QStringLiteral("local_metadata.l3_dst");

P4TableEntry parseEntry(const QString &line)
{
    auto entry = P4EntryText::parse(P4Program::reference(), line);
    if (!entry)
        qFatal("test entry does not parse: %s (%s)", qPrintable(line), qPrintable(entry.error()));
    // The console keeps entries under the table's full name (match keys include the table).
    entry->table = P4Program::reference().table(entry->table)->name;
    return *entry;
}

P4EntryStatus status(const QString &line, bool desired, bool installed, qint64 packets = -1)
{
    P4EntryStatus s;
    s.entry = parseEntry(line);
    s.desired = desired;
    s.installed = installed;
    if (packets >= 0) {
        s.hasCounters = true;
        s.counters = {packets, packets * 100};
    }
    return s;
}

QList<P4EntryStatus> twoEntries()
{
    return {status(QStringLiteral("table0 local_metadata.l3_dst=10.0.0.1&&&255.255.255.255 priority=10 "
                                  "action=set_egress_port(port=1)"),
                   true, true, 5),
            status(QStringLiteral("table0 local_metadata.l3_dst=10.0.0.3&&&255.255.255.255 priority=10 "
                                  "action=set_egress_port(port=3)"),
                   true, true, 7)};
}

Connection connection250()
{
    Connection c;
    c.id = QStringLiteral("c250");
    c.name = QStringLiteral("camera to analytics");
    c.a = {QStringLiteral("edge/camera"), QStringLiteral("10.244.1.5"), QStringLiteral("192.168.0.11"),
           QStringLiteral("s1"), 1, 5000};
    c.b = {QStringLiteral("cloud/analytics"), QStringLiteral("10.244.2.7"), QStringLiteral("192.168.0.12"),
           QStringLiteral("s2"), 2, 8080};
    c.ipProtocol = 6;
    c.flowId = 250;
    c.path = {QStringLiteral("s1"), QStringLiteral("s3"), QStringLiteral("s4"), QStringLiteral("s2")};
    c.backupPath = {QStringLiteral("s1"), QStringLiteral("s5"), QStringLiteral("s2")};
    return c;
}

void fillFabric(FakeControlPlane &plane)
{
    plane.setP4Program(P4Program::reference());
    QList<P4SwitchStatus> switches;
    for (const QString &id : {QStringLiteral("s1"), QStringLiteral("s2")}) {
        P4SwitchStatus sw;
        sw.switchId = id;
        sw.name = id.toUpper();
        sw.connected = true;
        sw.pipeline = QStringLiteral("braine_int");
        switches.append(sw);
    }
    plane.setP4Switches(switches);
    plane.setSwitchEntries(QStringLiteral("s1"), twoEntries());
}

/// Type into a line edit like an operator does (replacing what is there).
void type(QWidget *parent, const QString &name, const QString &text)
{
    auto *edit = parent->findChild<QLineEdit *>(name);
    QVERIFY2(edit, qPrintable(name));
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class tst_NetworkUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!P4Program::reference().isNull(), "the reference pipeline does not load");
        QVERIFY(P4Program::reference().table(Table0));
    }

    void entryModel()
    {
        P4EntryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(P4Program::reference(), QStringLiteral("table0"));
        const P4TableInfo *table = P4Program::reference().table(Table0);
        QCOMPARE(model.columnCount(), int(table->matchFields.size()) + 7);
        QCOMPARE(model.headerData(model.actionColumn(), Qt::Horizontal).toString(), QStringLiteral("Action"));
        model.setEntries(twoEntries());
        QCOMPARE(model.rowCount(), 2);
        const int l3Column = int(std::find_if(table->matchFields.cbegin(), table->matchFields.cend(),
                                              [](const P4MatchFieldInfo &f) { return f.name == L3Dst; })
                                 - table->matchFields.cbegin());
        QVERIFY(model.index(0, l3Column).data().toString().contains(QStringLiteral("10.0.0.1")));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("*")); // ingress port: don't care
        QCOMPARE(model.index(0, model.actionColumn()).data().toString(), QStringLiteral("set_egress_port"));
        QCOMPARE(model.index(0, model.paramsColumn()).data().toString(), QStringLiteral("port=1"));
        QCOMPARE(model.index(1, model.packetsColumn()).data(P4EntryModel::SortRole).toLongLong(), 7);
        QCOMPARE(model.index(0, model.stateColumn()).data().toString(), QStringLiteral("installed"));

        // Counters change only their cells.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QList<P4EntryStatus> fresh = twoEntries();
        fresh[1].counters = {70, 7000};
        model.updateCounters(fresh);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().column(), model.packetsColumn());
        QCOMPARE(model.index(1, model.bytesColumn()).data(P4EntryModel::SortRole).toLongLong(), 7000);

        // Staging: an insert, a modify (same key, other port) and a delete.
        const P4TableEntry added = parseEntry(QStringLiteral(
            "table0 local_metadata.l3_dst=10.0.0.2&&&255.255.255.255 priority=10 action=set_egress_port(port=2)"));
        model.stage(added);
        P4TableEntry modified = twoEntries().at(0).entry;
        modified.params[0].value = P4Values::parse(QStringLiteral("9"), 9).value();
        model.stage(modified, modified.matchKey());
        model.stageDelete(twoEntries().at(1).entry.matchKey());
        QCOMPARE(model.pendingCount(), 3);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.stagingAt(0), P4EntryModel::Staging::Modify);
        QCOMPARE(model.stagingAt(1), P4EntryModel::Staging::Delete);
        QCOMPARE(model.stagingAt(2), P4EntryModel::Staging::Insert);
        QCOMPARE(model.index(0, model.paramsColumn()).data().toString(), QStringLiteral("port=9"));
        const QList<P4Update> updates = model.pendingUpdates();
        QCOMPARE(updates.size(), 3);
        QCOMPARE(updates.at(0).type, P4Update::Type::Insert);
        QCOMPARE(updates.at(1).type, P4Update::Type::Modify);
        QCOMPARE(updates.at(2).type, P4Update::Type::Delete);
        const QList<P4TableEntry> desired = model.desiredWithPending();
        QCOMPARE(desired.size(), 2);
        QVERIFY(desired.contains(modified));
        QVERIFY(desired.contains(added));

        // Changing an entry's key: the old one is deleted, the new one inserted.
        model.clearPending();
        P4TableEntry moved = twoEntries().at(0).entry;
        moved.matches[0].value = P4Values::parse(QStringLiteral("10.0.0.9"), 32).value();
        model.stage(moved, twoEntries().at(0).entry.matchKey());
        QCOMPARE(model.pendingCount(), 2);
        QCOMPARE(model.pendingUpdates().at(0).type, P4Update::Type::Delete);
        QCOMPARE(model.pendingUpdates().at(1).type, P4Update::Type::Insert);
        // Deleting a pending insert just drops it.
        model.stageDelete(moved.matchKey());
        QCOMPARE(model.pendingCount(), 1);
    }

    void fabricModels()
    {
        ConnectionModel connections;
        QAbstractItemModelTester connectionTester(&connections, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Connection c = connection250();
        Connection other = c;
        other.id = QStringLiteral("c123");
        other.flowId = 123;
        connections.setConnections({c, other});
        QCOMPARE(connections.rowCount(), 2);
        QCOMPARE(connections.index(0, ConnectionModel::PathColumn).data().toString(), QStringLiteral("s1 → s3 → s4 → s2"));
        QCOMPARE(connections.index(0, ConnectionModel::TelemetryColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(connections.index(0, ConnectionModel::EndpointsColumn).data().toString().contains(QStringLiteral(":8080")));
        // Same ids: cells change, no reset.
        QSignalSpy reset(&connections, &QAbstractItemModel::modelReset);
        c.path = {QStringLiteral("s1"), QStringLiteral("s5"), QStringLiteral("s2")};
        connections.setConnections({c, other});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(connections.index(0, ConnectionModel::PathColumn).data().toString(), QStringLiteral("s1 → s5 → s2"));
        QSignalSpy toggled(&connections, &ConnectionModel::telemetryToggleRequested);
        QVERIFY(connections.setData(connections.index(1, ConnectionModel::TelemetryColumn), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled.first().at(0).toString(), QStringLiteral("c123"));
        QCOMPARE(toggled.first().at(1).toBool(), true);

        SlaRuleModel rules;
        QAbstractItemModelTester rulesTester(&rules, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SlaRule rule;
        rule.id = QStringLiteral("r1");
        rule.connectionId = QStringLiteral("c250");
        rule.thresholdMs = 2.0;
        rules.setRules({rule});
        rules.setConnectionNames({{QStringLiteral("c250"), QStringLiteral("camera")}});
        QCOMPARE(rules.index(0, SlaRuleModel::ConnectionColumn).data().toString(), QStringLiteral("camera"));
        QCOMPARE(rules.index(0, SlaRuleModel::ThresholdColumn).data(SlaRuleModel::SortRole).toDouble(), 2.0);

        RerouteModel reroutes;
        QAbstractItemModelTester reroutesTester(&reroutes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RerouteRecord first;
        first.connectionId = QStringLiteral("c250");
        first.flowId = 250;
        first.fromPath = connection250().path;
        first.toPath = connection250().backupPath;
        first.avoidedSwitch = QStringLiteral("s3");
        first.ruleId = QStringLiteral("r1");
        first.valueMs = 4.5;
        first.thresholdMs = 2.0;
        first.reactionMs = 12.5;
        first.atMs = 1000;
        RerouteRecord second = first;
        second.atMs = 2000;
        second.ruleId.clear();
        reroutes.setRecords({first, second});
        QCOMPARE(reroutes.rowCount(), 2);
        QCOMPARE(reroutes.recordAt(0).atMs, 2000); // newest first
        QCOMPARE(reroutes.index(0, RerouteModel::ValueColumn).data().toString(), QStringLiteral("manual"));
        QCOMPARE(reroutes.index(1, RerouteModel::PathsColumn).data().toString(),
                 QStringLiteral("s1 → s3 → s4 → s2  →  s1 → s5 → s2"));
        QCOMPARE(reroutes.index(1, RerouteModel::ReactionColumn).data().toString(), QStringLiteral("12.5 ms"));
    }

    void ruleEditorValidatesStagesDiffsApplies()
    {
        FakeControlPlane plane;
        fillFabric(plane);
        P4RuleEditor editor;
        editor.resize(1200, 700);
        editor.show();
        editor.setControlPlane(&plane);
        QTRY_COMPARE(editor.model()->rowCount(), 2);
        QCOMPARE(editor.currentSwitch(), QStringLiteral("s1"));
        QCOMPARE(editor.currentTable(), Table0);
        QCOMPARE(plane.p4ProgramCalls, QStringList{QStringLiteral("s1")});
        QVERIFY(!editor.applyButton()->isEnabled()); // nothing to apply yet

        // Type an entry with a mask that leaves a value bit uncovered.
        P4EntryForm *form = editor.form();
        type(form, QStringLiteral("param:port"), QStringLiteral("2"));
        type(form, QStringLiteral("value:") + L3Dst, QStringLiteral("10.0.0.2"));
        type(form, QStringLiteral("mask:") + L3Dst, QStringLiteral("255.255.255.0"));
        QVERIFY(!form->isValid());
        QVERIFY(!form->errorText(L3Dst).isEmpty());
        QVERIFY2(form->errorText(L3Dst).contains(QStringLiteral("mask")), qPrintable(form->errorText(L3Dst)));
        auto *errorLabel = form->findChild<QLabel *>(QStringLiteral("error:") + L3Dst);
        QVERIFY(errorLabel && !errorLabel->text().isEmpty());
        QVERIFY(!form->findChild<QLineEdit *>(QStringLiteral("mask:") + L3Dst)->styleSheet().isEmpty()); // red frame
        QVERIFY(!editor.applyButton()->isEnabled());
        QVERIFY(!editor.stageButton()->isEnabled());
        QVERIFY(!editor.diffButton()->isEnabled());

        // A value that does not fit is caught while typing too.
        type(form, QStringLiteral("param:port"), QStringLiteral("600"));
        QVERIFY(!form->errorText(QStringLiteral("port")).isEmpty());
        type(form, QStringLiteral("param:port"), QStringLiteral("2"));
        QVERIFY(form->errorText(QStringLiteral("port")).isEmpty());

        // Fix the mask: valid, Apply enabled.
        type(form, QStringLiteral("mask:") + L3Dst, QStringLiteral("255.255.255.255"));
        QVERIFY2(form->isValid(), qPrintable(form->errors().join(QLatin1Char('\n'))));
        QVERIFY(form->errorText(L3Dst).isEmpty());
        QVERIFY(form->findChild<QLineEdit *>(QStringLiteral("mask:") + L3Dst)->styleSheet().isEmpty());
        QVERIFY(editor.applyButton()->isEnabled());
        QVERIFY(editor.stageButton()->isEnabled());

        // Stage it: a pending insert row; the form starts over.
        QTest::mouseClick(editor.stageButton(), Qt::LeftButton);
        QCOMPARE(editor.model()->pendingCount(), 1);
        QCOMPARE(editor.model()->rowCount(), 3);
        QCOMPARE(editor.model()->stagingAt(2), P4EntryModel::Staging::Insert);
        QVERIFY(!form->isDirty());
        const P4TableEntry expected = parseEntry(QStringLiteral(
            "table0 local_metadata.l3_dst=10.0.0.2&&&255.255.255.255 priority=10 action=set_egress_port(port=2)"));
        QCOMPARE(editor.model()->entryAt(2)->matchKey(), expected.matchKey());

        // Diff: a dry-run setP4Entries with the whole desired table.
        QSignalSpy output(&editor, &P4RuleEditor::outputChanged);
        QTest::mouseClick(editor.diffButton(), Qt::LeftButton);
        QTRY_COMPARE(plane.setP4EntriesCalls.size(), 1);
        const auto diffCall = plane.setP4EntriesCalls.constFirst();
        QCOMPARE(diffCall.switchId, QStringLiteral("s1"));
        QCOMPARE(diffCall.table, Table0);
        QVERIFY(diffCall.dryRun);
        QCOMPARE(diffCall.entries.size(), 3);
        QTRY_VERIFY(editor.output()->toPlainText().contains(QStringLiteral("1 to insert")));
        QVERIFY(editor.output()->toPlainText().contains(QStringLiteral("10.0.0.2")));
        QCOMPARE(editor.model()->pendingCount(), 1); // a diff changes nothing

        // Apply: the same set for real; the pending list empties and the entries reload.
        QSignalSpy finished(&editor, &P4RuleEditor::actionFinished);
        QTest::mouseClick(editor.applyButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(finished.first().at(0).toBool());
        QCOMPARE(plane.setP4EntriesCalls.size(), 2);
        QVERIFY(!plane.setP4EntriesCalls.at(1).dryRun);
        QCOMPARE(plane.setP4EntriesCalls.at(1).entries, diffCall.entries);
        QCOMPARE(editor.model()->pendingCount(), 0);
        QTRY_COMPARE(plane.switchEntries(QStringLiteral("s1")).size(), 3);
        QTRY_COMPARE(editor.model()->stagingAt(2), P4EntryModel::Staging::Unchanged);

        // A refused apply keeps the pending change and says why.
        editor.model()->stageDelete(expected.matchKey());
        plane.setSetP4EntriesError(QStringLiteral("s1 refused: table full"));
        editor.apply();
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(!finished.at(1).at(0).toBool());
        QVERIFY(editor.output()->toPlainText().contains(QStringLiteral("table full")));
        QCOMPARE(editor.model()->pendingCount(), 1);

        // Edit loads an entry into the form with its values.
        editor.view()->setCurrentIndex(editor.view()->model()->index(0, 0));
        editor.editEntryAction()->trigger();
        QVERIFY(form->findChild<QLineEdit *>(QStringLiteral("value:") + L3Dst)->text().contains(QStringLiteral("10.0.0.")));
        QVERIFY(!form->originalKey().isEmpty());
        QVERIFY(form->isValid());
    }

    void ruleEditorDryRunsPacketAndRefreshesCounters()
    {
        FakeControlPlane plane;
        fillFabric(plane);
        plane.setDryRunTrace(QStringLiteral("table0: hit entry 2 (priority 10) -> set_egress_port(port=2)"));
        P4RuleEditor editor;
        editor.show();
        editor.setControlPlane(&plane);
        QTRY_COMPARE(editor.model()->rowCount(), 2);
        editor.model()->stage(parseEntry(QStringLiteral(
            "table0 local_metadata.l3_dst=10.0.0.2&&&255.255.255.255 priority=10 action=set_egress_port(port=2)")));
        QVERIFY(!editor.dryRunButton()->isEnabled());
        QTest::keyClicks(editor.packetEdit(), QStringLiteral("in_port=1 ip_dst=10.0.0.2"));
        QVERIFY(editor.dryRunButton()->isEnabled());
        QTest::mouseClick(editor.dryRunButton(), Qt::LeftButton);
        QTRY_VERIFY(editor.output()->toPlainText().contains(QStringLiteral("hit entry 2")));
        QCOMPARE(plane.dryRunCalls.size(), 1);
        QCOMPARE(plane.dryRunCalls.first().packet, QStringLiteral("in_port=1 ip_dst=10.0.0.2"));
        QCOMPARE(plane.dryRunCalls.first().pending.size(), 1);
        QCOMPARE(plane.dryRunCalls.first().pending.first().type, P4Update::Type::Insert);

        // Counters on demand: new numbers land in the counter cells only.
        QList<P4EntryStatus> entries = twoEntries();
        entries[0].counters = {500, 64000};
        plane.setSwitchEntries(QStringLiteral("s1"), entries);
        editor.refreshCountersAction()->trigger();
        QTRY_COMPARE(editor.model()->index(0, editor.model()->packetsColumn()).data(P4EntryModel::SortRole).toLongLong(), 500);
        QVERIFY(plane.p4EntriesCalls.last().withCounters);

        // A Network.Entries event for the switch reloads it (hidden: no timed counter reads).
        editor.hide();
        const int calls = int(plane.p4EntriesCalls.size());
        plane.emitNetworkEvent(QLatin1String(EventTypes::NetworkEntries), QStringLiteral("s1"));
        QTRY_VERIFY(plane.p4EntriesCalls.size() > calls);
        // ... and not for another switch.
        const int after = int(plane.p4EntriesCalls.size());
        plane.emitNetworkEvent(QLatin1String(EventTypes::NetworkEntries), QStringLiteral("s2"));
        QTest::qWait(50);
        QCOMPARE(int(plane.p4EntriesCalls.size()), after);
    }

    void connectionDialogBuildsConnection()
    {
        FakeControlPlane plane;
        fillFabric(plane);
        plane.setComputedPath({QStringLiteral("s1"), QStringLiteral("s3"), QStringLiteral("s2")});
        NetworkPane pane;
        pane.setControlPlane(&plane);
        QSignalSpy refreshed(&pane, &NetworkPane::refreshed);
        QTRY_VERIFY(refreshed.size() >= 1);
        ConnectionDialog *dialog = pane.openConnectionDialog();
        QVERIFY(!dialog->createButton()->isEnabled()); // nothing filled in
        QVERIFY(!dialog->errorLabel()->text().isEmpty());
        dialog->findChild<QLineEdit *>(QStringLiteral("connName"))->setText(QStringLiteral("Camera → Analytics"));
        type(dialog, QStringLiteral("aName"), QStringLiteral("edge/camera"));
        type(dialog, QStringLiteral("aIp"), QStringLiteral("10.244.1.5"));
        type(dialog, QStringLiteral("aVtep"), QStringLiteral("192.168.0.11"));
        dialog->findChild<QComboBox *>(QStringLiteral("aSwitch"))->setCurrentText(QStringLiteral("s1"));
        dialog->findChild<QSpinBox *>(QStringLiteral("aPort"))->setValue(1);
        dialog->findChild<QSpinBox *>(QStringLiteral("aL4Port"))->setValue(5000);
        type(dialog, QStringLiteral("bName"), QStringLiteral("cloud/analytics"));
        type(dialog, QStringLiteral("bIp"), QStringLiteral("10.244.2.7"));
        dialog->findChild<QComboBox *>(QStringLiteral("bSwitch"))->setCurrentText(QStringLiteral("s2"));
        dialog->findChild<QSpinBox *>(QStringLiteral("bPort"))->setValue(2);
        dialog->findChild<QSpinBox *>(QStringLiteral("bL4Port"))->setValue(8080);
        auto *protocol = dialog->findChild<QComboBox *>(QStringLiteral("connProtocol"));
        protocol->setCurrentIndex(protocol->findData(6));
        dialog->findChild<QCheckBox *>(QStringLiteral("connTelemetry"))->setChecked(true);
        type(dialog, QStringLiteral("connPinnedPath"), QStringLiteral("s1, s3, s2"));

        Connection expected;
        expected.id = QStringLiteral("camera-analytics");
        expected.name = QStringLiteral("Camera → Analytics");
        expected.a = {QStringLiteral("edge/camera"), QStringLiteral("10.244.1.5"), QStringLiteral("192.168.0.11"),
                      QStringLiteral("s1"), 1, 5000};
        expected.b = {QStringLiteral("cloud/analytics"), QStringLiteral("10.244.2.7"), QString(), QStringLiteral("s2"), 2, 8080};
        expected.ipProtocol = 6;
        expected.bidirectional = true;
        expected.telemetry = true;
        expected.priority = 100;
        expected.pinnedPath = {QStringLiteral("s1"), QStringLiteral("s3"), QStringLiteral("s2")};
        QCOMPARE(dialog->connection(), expected);
        QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
        QVERIFY(dialog->createButton()->isEnabled());

        // A bad address is refused as it is typed.
        type(dialog, QStringLiteral("bIp"), QStringLiteral("10.244.2"));
        QVERIFY(!dialog->createButton()->isEnabled());
        QVERIFY(!dialog->errorLabel()->text().isEmpty());
        type(dialog, QStringLiteral("bIp"), QStringLiteral("10.244.2.7"));
        QVERIFY(dialog->createButton()->isEnabled());

        // Dry run first: the path shows, nothing is created.
        QSignalSpy computed(dialog, &ConnectionDialog::pathComputed);
        QTest::mouseClick(dialog->computeButton(), Qt::LeftButton);
        QTRY_COMPARE(computed.size(), 1);
        QVERIFY(plane.upsertConnectionCalls.last().dryRun);
        QCOMPARE(plane.upsertConnectionCalls.last().connection, expected);
        QVERIFY(dialog->pathLabel()->text().contains(QStringLiteral("s1 → s3 → s2")));
        QVERIFY(plane.connectionList().isEmpty());

        QSignalSpy created(dialog, &ConnectionDialog::created);
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QTRY_COMPARE(created.size(), 1);
        QVERIFY(!plane.upsertConnectionCalls.last().dryRun);
        QCOMPARE(plane.connectionList().size(), 1);
        QTRY_COMPARE(pane.connectionModel()->rowCount(), 1);
        QTRY_COMPARE(pane.selectedConnectionId(), QStringLiteral("camera-analytics"));
    }

    void telemetryToggleAndReroute()
    {
        FakeControlPlane plane;
        fillFabric(plane);
        plane.setConnection(connection250());
        NetworkPane pane;
        pane.setControlPlane(&plane);
        QTRY_COMPARE(pane.connectionModel()->rowCount(), 1);
        const QModelIndex box = pane.connectionModel()->index(0, ConnectionModel::TelemetryColumn);
        QVERIFY(pane.connectionModel()->flags(box) & Qt::ItemIsUserCheckable);
        QVERIFY(pane.connectionModel()->setData(box, Qt::Checked, Qt::CheckStateRole));
        QTRY_COMPARE(plane.upsertConnectionCalls.size(), 1);
        Connection expected = connection250();
        expected.telemetry = true;
        QCOMPARE(plane.upsertConnectionCalls.first().connection, expected);
        QVERIFY(!plane.upsertConnectionCalls.first().dryRun);

        pane.selectConnection(QStringLiteral("c250"));
        QVERIFY(pane.rerouteAction()->isEnabled());
        QVERIFY(!pane.restoreAction()->isEnabled());
        pane.rerouteConnection(QStringLiteral("c250"), {QStringLiteral("s3")});
        QTRY_COMPARE(plane.rerouteCalls.size(), 1);
        QCOMPARE(plane.rerouteCalls.first().avoid, QStringList{QStringLiteral("s3")});
        QTRY_VERIFY(pane.restoreAction()->isEnabled());
        pane.restoreAction()->trigger();
        QTRY_COMPARE(plane.rerouteCalls.size(), 2);
        QVERIFY(plane.rerouteCalls.at(1).avoid.isEmpty());
    }

    void slaEditorRoundTrip()
    {
        FakeControlPlane plane;
        fillFabric(plane);
        plane.setConnection(connection250());
        SlaRule rule;
        rule.id = QStringLiteral("r1");
        rule.connectionId = QStringLiteral("c250");
        rule.metric = SlaMetric::MaxLatency;
        rule.thresholdMs = 2.5;
        rule.persistenceMs = 300;
        rule.windowMs = 500;
        rule.reroute = true;
        plane.setSlaRules({rule});
        NetworkPane pane;
        pane.setControlPlane(&plane);
        QSignalSpy threshold(&pane, &NetworkPane::slaThresholdChanged);
        QTRY_COMPARE(pane.slaRuleModel()->rowCount(), 1);
        QTRY_COMPARE(pane.connectionModel()->rowCount(), 1);
        QTRY_VERIFY(!threshold.isEmpty());
        QCOMPARE(threshold.last().at(0).toDouble(), 2.5);

        pane.slaView()->setCurrentIndex(pane.slaView()->model()->index(0, 0));
        QCOMPARE(pane.slaRuleFromForm(), rule); // loaded as it is stored
        pane.slaThresholdSpin()->setValue(0.0);
        QVERIFY(!pane.slaSaveButton()->isEnabled());
        QVERIFY(!pane.slaErrorLabel()->text().isEmpty());
        pane.slaThresholdSpin()->setValue(1.75);
        pane.slaRerouteCheck()->setChecked(false);
        QVERIFY(pane.slaSaveButton()->isEnabled());
        QTest::mouseClick(pane.slaSaveButton(), Qt::LeftButton);
        QTRY_COMPARE(plane.upsertedSlaRules.size(), 1);
        SlaRule expected = rule;
        expected.thresholdMs = 1.75;
        expected.reroute = false;
        QCOMPARE(plane.upsertedSlaRules.first(), expected);
        // The Network.Sla event brings it back into the list.
        QTRY_COMPARE(pane.slaRuleModel()->rules().first().thresholdMs, 1.75);

        // A new rule gets an id of its own.
        pane.selectConnection(QStringLiteral("c250"));
        pane.newSlaRuleAction()->trigger();
        pane.slaThresholdSpin()->setValue(3.0);
        pane.saveSlaRule();
        QTRY_COMPARE(plane.upsertedSlaRules.size(), 2);
        QCOMPARE(plane.upsertedSlaRules.last().connectionId, QStringLiteral("c250"));
        QVERIFY(plane.upsertedSlaRules.last().metric == SlaMetric::AvgLatency);
        QVERIFY(!plane.upsertedSlaRules.last().id.isEmpty());
        QTRY_COMPARE(pane.slaRuleModel()->rowCount(), 2);
    }

    void topologyHighlightsPathAndFollowsReroute()
    {
        FakeControlPlane plane;
        fillFabric(plane);
        InventoryChangeSet changes;
        const QStringList ids{QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("s3"), QStringLiteral("s4"),
                              QStringLiteral("s5")};
        for (const QString &id : ids) {
            Switch sw;
            sw.id = id;
            sw.name = id.toUpper();
            sw.target = QStringLiteral("bmv2");
            sw.state = SwitchState::Up;
            changes.upsert(sw);
        }
        const auto link = [&](const QString &a, const QString &b) {
            Link l;
            l.id = a + QLatin1Char('-') + b;
            l.a = {a, 1};
            l.b = {b, 1};
            l.latencyMs = 0.5;
            l.state = LinkState::Up;
            changes.upsert(l);
        };
        link(QStringLiteral("s1"), QStringLiteral("s3"));
        link(QStringLiteral("s3"), QStringLiteral("s4"));
        link(QStringLiteral("s4"), QStringLiteral("s2"));
        link(QStringLiteral("s1"), QStringLiteral("s5"));
        link(QStringLiteral("s5"), QStringLiteral("s2"));
        plane.apply(changes);
        plane.setConnection(connection250());
        Connection flow123 = connection250();
        flow123.id = QStringLiteral("c123");
        flow123.flowId = 123;
        plane.setConnection(flow123);

        MainWindow window;
        window.setControlPlane(&plane);
        window.show();
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("p4RulesDock")));
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("fabricDock")));
        QVERIFY(window.menuBar()->findChild<QMenu *>(QStringLiteral("networkMenu")));
        TopologyScene *scene = window.topologyScene();
        QTRY_COMPARE(scene->switchCount(), 5);
        NetworkPane *pane = window.networkPane();
        QTRY_COMPARE(pane->connectionModel()->rowCount(), 2);

        pane->selectConnection(QStringLiteral("c250"));
        QCOMPARE(scene->fabricConnectionId(), QStringLiteral("c250"));
        QCOMPARE(scene->fabricPath(), connection250().path);
        QCOMPARE(scene->fabricBackupPath(), connection250().backupPath);
        QVERIFY(scene->isOnFabricPath(QStringLiteral("s3")));
        QVERIFY(!scene->isOnFabricPath(QStringLiteral("s5")));
        QCOMPARE(scene->fabricItems().size(), 2); // primary + backup
        const auto primary = std::find_if(scene->fabricItems().cbegin(), scene->fabricItems().cend(),
                                          [](const FabricPathItem *item) { return item->kind() == FabricPathItem::Kind::Primary; });
        QVERIFY(primary != scene->fabricItems().cend());
        QCOMPARE((*primary)->switchIds(), connection250().path);
        QCOMPARE((*primary)->points().size(), 4);

        // INT: the switch shows its hop latency; the flow chart shows it per switch.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const Labels s3{{QStringLiteral("switch"), QStringLiteral("s3")}, {QStringLiteral("flow"), QStringLiteral("250")}};
        const Labels s1{{QStringLiteral("switch"), QStringLiteral("s1")}, {QStringLiteral("flow"), QStringLiteral("250")}};
        const Labels other{{QStringLiteral("switch"), QStringLiteral("s1")}, {QStringLiteral("flow"), QStringLiteral("123")}};
        plane.publish({SeriesBatch{QStringLiteral("int_hop_latency_avg_seconds"), s3, {{now, 0.0042}}},
                       SeriesBatch{QStringLiteral("int_hop_latency_max_seconds"), s3, {{now, 0.0061}}},
                       SeriesBatch{QStringLiteral("int_hop_latency_avg_seconds"), s1, {{now, 0.0003}}},
                       SeriesBatch{QStringLiteral("int_hop_latency_avg_seconds"), other, {{now, 0.0009}}}});
        QTRY_VERIFY(qAbs(scene->switchIntLatencyMs(QStringLiteral("s3")) - 4.2) < 1e-6);
        QTRY_VERIFY(qAbs(scene->switchIntLatencyMs(QStringLiteral("s1")) - 0.9) < 1e-6); // worst flow
        QCOMPARE(scene->switchIntLatencyMs(QStringLiteral("s5")), -1.0);
        FlowLatencyChart *chart = pane->chart();
        QCOMPARE(chart->flowId(), 250u);
        QTRY_VERIFY(qAbs(chart->latestMs(QStringLiteral("s3")) - 4.2) < 1e-6);
        QVERIFY(qAbs(chart->latestMs(QStringLiteral("s3"), true) - 6.1) < 1e-6);
        QVERIFY(qAbs(chart->latestMs(QStringLiteral("s1")) - 0.3) < 1e-6); // flow 123 is not mixed in
        QCOMPARE(chart->traceCount(), 3);
        QTRY_VERIFY(chart->pointCount() >= 3);

        // The SLA monitor moves flow 250 off s3: the highlight follows, the old path fades.
        Connection rerouted = connection250();
        rerouted.path = connection250().backupPath;
        rerouted.backupPath.clear();
        rerouted.avoidedSwitches = {QStringLiteral("s3")};
        plane.setConnection(rerouted);
        QJsonObject payload{{QStringLiteral("fromPath"), QJsonArray::fromStringList(connection250().path)},
                            {QStringLiteral("toPath"), QJsonArray::fromStringList(rerouted.path)},
                            {QStringLiteral("avoidedSwitch"), QStringLiteral("s3")}};
        plane.emitNetworkEvent(QLatin1String(EventTypes::NetworkReroute), QStringLiteral("c250"), payload);
        QCOMPARE(scene->fabricPath(), rerouted.path);
        QCOMPARE(scene->fabricPreviousPath(), connection250().path);
        QVERIFY(scene->isOnFabricPath(QStringLiteral("s5")));
        QVERIFY(!scene->isOnFabricPath(QStringLiteral("s3")));
        QVERIFY(std::any_of(scene->fabricItems().cbegin(), scene->fabricItems().cend(),
                            [](const FabricPathItem *item) { return item->kind() == FabricPathItem::Kind::Previous; }));
        // The pane's refresh (same connection, new path) keeps the faded path.
        QTRY_COMPARE(pane->connectionModel()->find(QStringLiteral("c250"))->path, rerouted.path);
        QCOMPARE(scene->fabricPath(), rerouted.path);
        QCOMPARE(scene->fabricPreviousPath(), connection250().path);

        // A reroute of another connection leaves the shown one alone.
        plane.emitNetworkEvent(QLatin1String(EventTypes::NetworkReroute), QStringLiteral("c123"), payload);
        QCOMPARE(scene->fabricConnectionId(), QStringLiteral("c250"));

        // Selecting another connection moves the highlight and drops the faded path.
        pane->selectConnection(QStringLiteral("c123"));
        QCOMPARE(scene->fabricConnectionId(), QStringLiteral("c123"));
        QVERIFY(scene->fabricPreviousPath().isEmpty());
        QVERIFY(!window.grab().isNull());
        window.setControlPlane(nullptr);
    }
};

QTEST_MAIN(tst_NetworkUi)
#include "tst_networkui.moc"
