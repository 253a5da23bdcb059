// The alert, silence and series models over a fake control plane: model tester, filters,
// lifecycle (pending that never fired, resolved as history), and the metrics browser's search.

#include "FakeControlPlane.h"
#include "dialogs/SilenceDialog.h"
#include "models/AlertFilterProxyModel.h"
#include "models/AlertModel.h"
#include "models/SeriesListModel.h"
#include "models/SilenceModel.h"
#include "widgets/MetricsBrowserPane.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace Continuo;
using namespace Continuo::Gui;
using Continuo::Testing::FakeControlPlane;

namespace {

Alert makeAlert(const QString &id, const QString &node, AlertState state, AlertSeverity severity,
                qint64 startedAgoMs, const QString &rule = QStringLiteral("hot-node-cpu"))
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Alert alert;
    alert.id = id;
    alert.ruleId = rule;
    alert.state = state;
    alert.severity = severity;
    alert.nodeId = node;
    alert.siteId = QStringLiteral("site-hpc-bologna");
    alert.groupKey = QStringLiteral("node:") + node;
    alert.metrics = {QStringLiteral("node_cpu_utilisation")};
    alert.labels = {{QStringLiteral("node"), node},
                    {QStringLiteral("rule"), rule},
                    {QStringLiteral("severity"), toString(severity)}};
    alert.startedAtMs = now - startedAgoMs;
    alert.updatedAtMs = now;
    if (state == AlertState::Firing || state == AlertState::Resolved)
        alert.firedAtMs = alert.startedAtMs + 10'000;
    if (state == AlertState::Resolved)
        alert.resolvedAtMs = now - 1000;
    alert.summary = QStringLiteral("%1: CPU 97 % above 90 %").arg(node);
    alert.contributions = {{QStringLiteral("node_cpu_utilisation"), 0.7},
                           {QStringLiteral("node_memory_utilisation"), 0.3}};
    return alert;
}

QList<SeriesBatch> nodeSamples(qint64 timestampMs, int nodes)
{
    QList<SeriesBatch> batches;
    for (int n = 1; n <= nodes; ++n) {
        const Labels labels{{QStringLiteral("node"), QStringLiteral("hpc-bol-%1").arg(n, 2, 10, QLatin1Char('0'))},
                            {QStringLiteral("site"), QStringLiteral("site-hpc-bologna")}};
        batches.append(SeriesBatch{QStringLiteral("node_cpu_utilisation"), labels, {{timestampMs, 0.1 * n}}});
        batches.append(SeriesBatch{QStringLiteral("node_memory_utilisation"), labels, {{timestampMs, 0.5}}});
    }
    return batches;
}

} // namespace

class tst_AlertModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void alertModelLoadsActiveAndHistory()
    {
        FakeControlPlane plane;
        plane.setAlert(makeAlert(QStringLiteral("a1"), QStringLiteral("hpc-bol-07"), AlertState::Firing, AlertSeverity::Warning, 60'000));
        plane.setAlert(makeAlert(QStringLiteral("a2"), QStringLiteral("hpc-bol-03"), AlertState::Resolved, AlertSeverity::Critical, 600'000));
        // Older than the history window: not listed.
        plane.setAlert(makeAlert(QStringLiteral("a3"), QStringLiteral("hpc-bol-04"), AlertState::Resolved, AlertSeverity::Info,
                                 2 * AlertModel::HistoryWindowMs));

        AlertModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setControlPlane(&plane);
        QCOMPARE(model.rowCount(), 1); // the active one at once
        QTRY_COMPARE(model.historyLoads(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(AlertModel::ColumnCount));
        const int firing = model.rowOf(QStringLiteral("a1"));
        QVERIFY(firing >= 0);
        QCOMPARE(model.index(firing, AlertModel::StateColumn).data().toString(), QStringLiteral("Firing"));
        QCOMPARE(model.index(firing, AlertModel::SeverityColumn).data().toString(), QStringLiteral("Warning"));
        QCOMPARE(model.index(firing, AlertModel::SubjectColumn).data().toString(), QStringLiteral("hpc-bol-07"));
        QCOMPARE(model.index(firing, AlertModel::RuleColumn).data().toString(), QStringLiteral("hot-node-cpu"));
        QVERIFY(model.index(firing, AlertModel::SummaryColumn).data().toString().startsWith(QStringLiteral("hpc-bol-07: CPU")));
        QVERIFY(model.index(firing, AlertModel::DurationColumn).data().toString().startsWith(QStringLiteral("1 min")));
        QCOMPARE(model.index(firing, 0).data(AlertModel::SubjectKindRole).toInt(), int(EntityKind::Node));
        QCOMPARE(model.index(firing, 0).data(AlertModel::AlertIdRole).toString(), QStringLiteral("a1"));
        QVERIFY(model.index(firing, AlertModel::FlagsColumn).data().toString().isEmpty());
        QVERIFY(model.roleNames().contains(AlertModel::AlertIdRole));
        QVERIFY(AlertModel::AlertIdRole == Qt::UserRole + 1);

        // Changes arrive through alertChanged: flags, a new pending alert, its cancellation.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Alert acknowledged = *plane.alert(QStringLiteral("a1"));
        acknowledged.acknowledgedBy = QStringLiteral("user:alice");
        plane.setAlert(acknowledged);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(firing, AlertModel::FlagsColumn).data().toString(), QStringLiteral("ack"));
        QVERIFY(model.index(firing, 0).data(AlertModel::AcknowledgedRole).toBool());

        plane.setAlert(makeAlert(QStringLiteral("p1"), QStringLiteral("hpc-bol-05"), AlertState::Pending, AlertSeverity::Warning, 2000));
        QCOMPARE(model.rowCount(), 3);
        Alert cancelled = *plane.alert(QStringLiteral("p1"));
        cancelled.state = AlertState::Resolved;
        cancelled.resolvedAtMs = QDateTime::currentMSecsSinceEpoch();
        plane.setAlert(cancelled); // never fired: no history, the row goes
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("p1")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("a2")) >= 0, true);

        // A firing alert that resolves stays as history.
        Alert resolved = *plane.alert(QStringLiteral("a1"));
        resolved.state = AlertState::Resolved;
        resolved.resolvedAtMs = QDateTime::currentMSecsSinceEpoch();
        plane.setAlert(resolved);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(model.rowOf(QStringLiteral("a1")), AlertModel::StateColumn).data().toString(),
                 QStringLiteral("Resolved"));

        // alertsReset reloads everything.
        Q_EMIT plane.alertsReset();
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.historyLoads(), 2);
        QCOMPARE(model.rowCount(), 2);
    }

    void alertFilterProxy()
    {
        FakeControlPlane plane;
        plane.setAlert(makeAlert(QStringLiteral("w1"), QStringLiteral("hpc-bol-07"), AlertState::Firing, AlertSeverity::Warning, 60'000));
        plane.setAlert(makeAlert(QStringLiteral("c1"), QStringLiteral("cloud-fra-02"), AlertState::Firing, AlertSeverity::Critical, 30'000,
                                 QStringLiteral("link-latency-high")));
        plane.setAlert(makeAlert(QStringLiteral("i1"), QStringLiteral("edge-ath-01"), AlertState::Pending, AlertSeverity::Info, 5000,
                                 QStringLiteral("node-behaviour-anomaly")));
        plane.setAlert(makeAlert(QStringLiteral("r1"), QStringLiteral("hpc-bol-03"), AlertState::Resolved, AlertSeverity::Critical, 900'000));
        AlertModel model;
        model.setControlPlane(&plane);
        QTRY_COMPARE(model.rowCount(), 4);
        AlertFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), 4);

        proxy.setMinimumSeverity(AlertSeverity::Warning);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setMinimumSeverity(AlertSeverity::Critical);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStateFilter(AlertFilterProxyModel::StateFilter::Active);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(AlertModel::AlertIdRole).toString(), QStringLiteral("c1"));
        proxy.setMinimumSeverity(AlertSeverity::Unknown);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setStateFilter(AlertFilterProxyModel::StateFilter::Pending);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setStateFilter(AlertFilterProxyModel::StateFilter::Resolved);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(AlertModel::AlertIdRole).toString(), QStringLiteral("r1"));
        proxy.setStateFilter(AlertFilterProxyModel::StateFilter::All);

        // Text matches subject, rule, summary and metrics, case-insensitively.
        proxy.setTextFilter(QStringLiteral("HPC-BOL"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setTextFilter(QStringLiteral("latency-high"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setTextFilter(QStringLiteral("node_cpu"));
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setTextFilter(QString());

        // Newly matching alerts appear; sorting by start puts the newest first.
        proxy.setMinimumSeverity(AlertSeverity::Critical);
        plane.setAlert(makeAlert(QStringLiteral("c2"), QStringLiteral("hpc-bol-09"), AlertState::Firing, AlertSeverity::Critical, 1000));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.sort(AlertModel::StartedColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(AlertModel::AlertIdRole).toString(), QStringLiteral("c2"));
        proxy.sort(AlertModel::StateColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(proxy.rowCount() - 1, 0).data(AlertModel::AlertIdRole).toString(), QStringLiteral("r1"));
    }

    void silenceModelFollowsSilences()
    {
        FakeControlPlane plane;
        plane.setAlert(makeAlert(QStringLiteral("a1"), QStringLiteral("hpc-bol-07"), AlertState::Firing, AlertSeverity::Warning, 60'000));
        SilenceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setControlPlane(&plane);
        QCOMPARE(model.rowCount(), 0);
        bool answered = false;
        QString silenceId;
        plane.addSilence({{QStringLiteral("node"), QStringLiteral("hpc-bol-07")}}, QStringLiteral("maintenance"),
                         QDateTime::currentMSecsSinceEpoch() + 3'600'000, &model, [&](const Result<Silence> &result) {
                             QVERIFY(result.hasValue());
                             silenceId = result->id;
                             answered = true;
                         });
        QCOMPARE(model.rowCount(), 1); // silenceChanged came first
        QTRY_VERIFY(answered);
        QCOMPARE(model.index(0, SilenceModel::MatchersColumn).data().toString(), QStringLiteral("node=\"hpc-bol-07\""));
        QCOMPARE(model.index(0, SilenceModel::CommentColumn).data().toString(), QStringLiteral("maintenance"));
        QCOMPARE(model.index(0, 0).data(SilenceModel::SilenceIdRole).toString(), silenceId);
        QVERIFY(model.index(0, 0).data(SilenceModel::ActiveRole).toBool());
        QVERIFY(plane.alert(QStringLiteral("a1"))->isSilenced());
        plane.expireSilence(silenceId, &model, [](const Result<Silence> &) {});
        QCOMPARE(model.rowCount(), 0);
    }

    void silenceDialogPrefillsAndValidates()
    {
        SilenceDialog dialog;
        const Alert alert = makeAlert(QStringLiteral("a1"), QStringLiteral("hpc-bol-07"), AlertState::Firing, AlertSeverity::Warning, 1000);
        dialog.setMatchers(alert.labels);
        dialog.setActiveAlerts({alert});
        QCOMPARE(dialog.matcherTable()->rowCount(), 3);
        QCOMPARE(dialog.matchers(), alert.labels);
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // a comment is required
        QVERIFY(!dialog.problem().isEmpty());
        dialog.setComment(QStringLiteral("planned maintenance"));
        QVERIFY(ok->isEnabled());
        // Leave out the severity: the rest still matches the alert.
        for (int row = 0; row < dialog.matcherTable()->rowCount(); ++row) {
            if (dialog.matcherTable()->item(row, 0)->text() == QLatin1String("severity"))
                dialog.matcherTable()->item(row, 0)->setCheckState(Qt::Unchecked);
        }
        QCOMPARE(dialog.matchers().size(), 2);
        QVERIFY(!dialog.matchers().contains(QStringLiteral("severity")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("silencePreview"))->text().contains(QLatin1Char('1')));
        // Nothing checked: refused.
        for (int row = 0; row < dialog.matcherTable()->rowCount(); ++row)
            dialog.matcherTable()->item(row, 0)->setCheckState(Qt::Unchecked);
        QVERIFY(!ok->isEnabled());
        dialog.setDurationMs(SilenceDialog::durationsMs().at(2));
        QCOMPARE(dialog.durationMs(), SilenceDialog::durationsMs().at(2));
        QVERIFY(qAbs(dialog.untilMs() - QDateTime::currentMSecsSinceEpoch() - dialog.durationMs()) < 5000);
    }

    void selectorsForSearchText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("selector");
        QTest::newRow("empty") << QString() << QStringLiteral("{__name__=~\".+\"}");
        QTest::newRow("name fragment") << QStringLiteral("cpu") << QStringLiteral("{__name__=~\"(?i).*cpu.*\"}");
        QTest::newRow("regex characters are literal") << QStringLiteral("a.b") << QStringLiteral("{__name__=~\"(?i).*a\\\\.b.*\"}");
        QTest::newRow("selector") << QStringLiteral("node_cpu_utilisation{node=~\"hpc.*\"}")
                                  << QStringLiteral("node_cpu_utilisation{node=~\"hpc.*\"}");
        QTest::newRow("matchers without braces") << QStringLiteral("node!=\"a\", site=~\"x.*\"")
                                                 << QStringLiteral("{node!=\"a\", site=~\"x.*\"}");
        QTest::newRow("negative regex") << QStringLiteral("node!~\"hpc.*\"") << QStringLiteral("{node!~\"hpc.*\"}");
    }

    void selectorsForSearchText()
    {
        QFETCH(QString, text);
        QFETCH(QString, selector);
        QCOMPARE(SeriesListModel::selectorFor(text), selector);
    }

    void seriesModelAndMetricsBrowser()
    {
        FakeControlPlane plane;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        plane.publish(nodeSamples(now - 2000, 12));

        MetricsBrowserPane browser;
        QAbstractItemModelTester tester(browser.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        browser.setControlPlane(&plane);
        QTRY_COMPARE(browser.searchCount(), 1);
        QCOMPARE(browser.model()->rowCount(), 24); // everything

        // A regex selector, typed: debounced into one query.
        const int calls = plane.listSeriesCalls;
        browser.searchBox()->setText(QStringLiteral("node_cpu"));
        browser.searchBox()->setText(QStringLiteral("{__name__=~\"node_cpu.*\", node=~\"hpc-bol-0[1-3]\"}"));
        QTRY_COMPARE(browser.searchCount(), 2);
        QCOMPARE(plane.listSeriesCalls, calls + 1);
        QCOMPARE(browser.model()->rowCount(), 3);
        QCOMPARE(browser.model()->index(0, SeriesListModel::MetricColumn).data().toString(), QStringLiteral("node_cpu_utilisation"));
        QVERIFY(browser.model()->index(0, SeriesListModel::LabelsColumn).data().toString().contains(QStringLiteral("node=\"hpc-bol-01\"")));
        QCOMPARE(browser.model()->index(0, 0).data(SeriesListModel::SeriesKeyRole).toString(),
                 QStringLiteral("node_cpu_utilisation{node=\"hpc-bol-01\",site=\"site-hpc-bologna\"}"));
        QVERIFY(!browser.model()->isTruncated());
        QVERIFY(browser.hintText().contains(QLatin1Char('3')));

        // A bad selector says why.
        browser.searchBox()->setText(QStringLiteral("{node=~\"(\"}"));
        browser.search();
        QTRY_COMPARE(browser.searchCount(), 3);
        QCOMPARE(browser.model()->rowCount(), 0);
        QVERIFY(!browser.hintText().isEmpty());

        // Opening a series hands it on.
        browser.searchBox()->setText(QStringLiteral("memory"));
        browser.search();
        QTRY_COMPARE(browser.searchCount(), 4);
        QCOMPARE(browser.model()->rowCount(), 12);
        QSignalSpy chart(&browser, &MetricsBrowserPane::chartRequested);
        Q_EMIT browser.view()->activated(browser.model()->index(2, 0));
        QCOMPARE(chart.size(), 1);
        const auto series = chart.first().first().value<QList<SeriesBatch>>();
        QCOMPARE(series.size(), 1);
        QCOMPARE(series.first().metric, QStringLiteral("node_memory_utilisation"));
    }

    void truncatedListingSaysSo()
    {
        FakeControlPlane plane;
        QList<SeriesBatch> many;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < MetricsBrowserPane::ListLimit + 20; ++i)
            many.append(SeriesBatch{QStringLiteral("probe_rtt_seconds"), {{QStringLiteral("target"), QString::number(i)}}, {{now, 0.001}}});
        plane.publish(many);
        MetricsBrowserPane browser;
        browser.setControlPlane(&plane);
        QTRY_COMPARE(browser.searchCount(), 1);
        QCOMPARE(browser.model()->rowCount(), MetricsBrowserPane::ListLimit);
        QVERIFY(browser.model()->isTruncated());
        QVERIFY2(browser.hintText().contains(QString::number(MetricsBrowserPane::ListLimit)), qPrintable(browser.hintText()));
    }
};

QTEST_MAIN(tst_AlertModels)
#include "tst_alertmodels.moc"
