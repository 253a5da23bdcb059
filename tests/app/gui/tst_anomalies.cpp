// The console against a real embedded engine running the demo scenario: the metrics browser
// finds and charts series, the hot node the simulator injects becomes an alert that shows on
// the canvas, in the alert list, on the timeline and in the detail pane, and Acknowledge,
// Silence… and Expire reach the engine.

#include "MainWindow.h"
#include "anomaly/AnomalyEngine.h"
#include "charts/SeriesChart.h"
#include "control/LocalControlPlane.h"
#include "dialogs/SilenceDialog.h"
#include "engine/Engine.h"
#include "models/AlertFilterProxyModel.h"
#include "models/AlertModel.h"
#include "models/SeriesListModel.h"
#include "models/SilenceModel.h"
#include "topology/TopologyScene.h"
#include "widgets/AlertDetailPane.h"
#include "widgets/AlertListPane.h"
#include "widgets/AnomalyTimeline.h"
#include "widgets/ChartPanel.h"
#include "widgets/ContributionBars.h"
#include "widgets/InspectorPane.h"
#include "widgets/MetricsBrowserPane.h"
#include "widgets/SilencesPane.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDateTime>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Continuo;
using namespace Continuo::Gui;

namespace {
const QString HotNode = QStringLiteral("hpc-bol-07");
// The simulator makes the node hot 20 s after it starts and the rule fires 10 s later; a
// loaded machine gets plenty of slack on top.
constexpr int AlertTimeoutMs = 120'000;
} // namespace

class tst_Anomalies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        EngineOptions options;
        options.dataDirectory = m_dir.path();
        options.scenario = QStringLiteral("demo");
        options.pluginPaths = {QStringLiteral(PRODUCT_PLUGIN_DIR)};
        options.hostProbe = false;
        m_engine = std::make_unique<Engine>();
        const auto started = m_engine->start(options);
        QVERIFY2(started.hasValue(), qPrintable(started.error()));
        QVERIFY(m_engine->anomalyEngine());
        m_controlPlane = std::make_unique<LocalControlPlane>(m_engine.get());
        m_window = std::make_unique<MainWindow>();
        m_window->setControlPlane(m_controlPlane.get());
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_controlPlane.reset();
        if (m_engine)
            m_engine->stop();
        m_engine.reset();
    }

    void metricsBrowserFindsAndChartsSeries()
    {
        MetricsBrowserPane *browser = m_window->metricsBrowser();
        m_window->findChild<QAction *>(QStringLiteral("actionShowMetrics"))->trigger();
        QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("metricsDock"))->isVisible());
        // A regular expression on the metric name and on a label.
        browser->searchBox()->setText(QStringLiteral("{__name__=~\"node_cpu.*\",node=~\"hpc-bol-0[1-7]\"}"));
        SeriesListModel *model = browser->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 7, 15000);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->seriesAt(row).metric, QStringLiteral("node_cpu_utilisation"));
        QVERIFY(!model->isTruncated());

        const int row = [&] {
            for (int r = 0; r < model->rowCount(); ++r) {
                if (model->seriesAt(r).labels.value(QStringLiteral("node")) == HotNode)
                    return r;
            }
            return -1;
        }();
        QVERIFY(row >= 0);
        Q_EMIT browser->view()->activated(model->index(row, 0));
        ChartPanel *panel = m_window->chartPanel();
        QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("seriesChartDock"))->isVisible());
        panel->setRangeMs(ChartPanel::rangesMs().first());
        QCOMPARE(panel->rangeBox()->currentText(), QStringLiteral("Last 5 min"));
        SeriesChart *chart = panel->chart();
        QCOMPARE(chart->traceCount(), 1);
        QCOMPARE(chart->series().first().labels.value(QStringLiteral("node")), HotNode);
        QTRY_VERIFY_WITH_TIMEOUT(chart->pointCount() > 0, 15000);
        QVERIFY(chart->isLive());
        // Live samples keep coming without a new query.
        const int queries = chart->queryCount();
        const int points = chart->pointCount();
        QTRY_VERIFY_WITH_TIMEOUT(chart->pointCount() > points, 15000);
        QCOMPARE(chart->queryCount(), queries);
    }

    void linkInspectorListsItsLatencySeries()
    {
        TopologyScene *scene = m_window->topologyScene();
        const QString link = QStringLiteral("link-ath-core1");
        QTRY_VERIFY_WITH_TIMEOUT(scene->linkLatencyMs(link) > 0, 15000);
        QCOMPARE(int(scene->linkLatencySource(link)), int(LatencySource::Measured));
        scene->select(EntityKind::Link, link);
        const QString key = QStringLiteral("series:link_latency_seconds{link=\"link-ath-core1\"}");
        QTRY_COMPARE_WITH_TIMEOUT(m_window->inspector()->value(key), QStringLiteral("measured"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->inspector()->value(QStringLiteral("latency")).endsWith(QStringLiteral(" ms")), 10000);
        // Links nothing measures are estimated by tomography where the engine runs it.
        for (const Link &other : m_controlPlane->inventory().all<Link>()) {
            if (scene->linkLatencySource(other.id) == LatencySource::Estimated) {
                scene->select(EntityKind::Link, other.id);
                QTRY_VERIFY_WITH_TIMEOUT(m_window->inspector()->value(QStringLiteral("latency")).contains(QStringLiteral("estimated")), 10000);
            }
        }
        scene->select(EntityKind::Unknown, {});
    }

    void hotNodeAlertShowsEverywhere()
    {
        AlertModel *model = m_window->alertModel();
        const auto hotAlertRow = [model]() {
            for (int row = 0; row < model->rowCount(); ++row) {
                const Alert &alert = model->alertAt(row);
                if (alert.ruleId == QLatin1String("hot-node-cpu") && alert.nodeId == HotNode
                    && alert.state == AlertState::Firing)
                    return row;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hotAlertRow() >= 0, AlertTimeoutMs);
        const Alert alert = model->alertAt(hotAlertRow());
        m_alertId = alert.id;

        // On the canvas, at the node, pulsing while nobody has acknowledged it.
        TopologyScene *scene = m_window->topologyScene();
        QTRY_VERIFY_WITH_TIMEOUT(scene->anomalySeverity(EntityKind::Node, HotNode) >= AlertSeverity::Warning, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(scene->isAnomalyPulsing(EntityKind::Node, HotNode), 5000);

        // In the list (filtered to warnings and firing alerts too).
        AlertListPane *list = m_window->alertList();
        list->severityFilter()->setCurrentIndex(1);
        list->stateFilter()->setCurrentIndex(2);
        bool listed = false;
        for (int row = 0; row < list->proxy()->rowCount(); ++row)
            listed = listed || list->proxy()->index(row, 0).data(AlertModel::AlertIdRole).toString() == m_alertId;
        QVERIFY(listed);
        QVERIFY(list->countText().contains(QStringLiteral("active")));

        // On the timeline: clicking its bar selects it everywhere.
        AnomalyTimeline *timeline = m_window->anomalyTimeline();
        QVERIFY(timeline->isVisible());
        const QRect bar = timeline->barRect(m_alertId);
        QVERIFY(!bar.isEmpty());
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, bar.center());
        QCOMPARE(timeline->selectedAlert(), m_alertId);
        QCOMPARE(list->selectedAlertId(), m_alertId);

        // In the detail pane: summary, subject, contributions, chart of the offending series.
        AlertDetailPane *detail = m_window->alertDetail();
        QCOMPARE(detail->alertId(), m_alertId);
        QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("alertDetailDock"))->isVisible());
        QVERIFY(detail->fieldText(QStringLiteral("summary")).startsWith(HotNode));
        QVERIFY(detail->fieldText(QStringLiteral("subject")).contains(HotNode));
        QCOMPARE(detail->fieldText(QStringLiteral("rule")), QStringLiteral("hot-node-cpu"));
        const QList<FeatureContribution> contributions = detail->contributionBars()->contributions();
        QVERIFY(!contributions.isEmpty());
        QCOMPARE(contributions.first().feature, QStringLiteral("node_cpu_utilisation"));
        double total = 0;
        for (const FeatureContribution &contribution : contributions)
            total += contribution.share;
        QVERIFY2(qAbs(total - 1.0) < 0.01, qPrintable(QString::number(total)));
        QVERIFY(detail->contributionBars()->isVisible());
        QVERIFY(detail->contributionBars()->height() >= 20 * int(contributions.size()));
        QTRY_VERIFY_WITH_TIMEOUT(detail->chart()->pointCount() > 0, 15000);
        QCOMPARE(detail->chart()->series().first().labels.value(QStringLiteral("node")), HotNode);
        QCOMPARE(detail->chart()->window().first, alert.startedAtMs - AlertDetailPane::LeadMs);

        // The subject link selects the node on the canvas.
        Q_EMIT detail->subjectActivated(EntityKind::Node, HotNode);
        QCOMPARE(scene->selectedId(), HotNode);

        list->severityFilter()->setCurrentIndex(0);
        list->stateFilter()->setCurrentIndex(0);

        // Developer aid: CONTINUO_GUI_SHOT=/tmp/shot saves the window with the alert shown.
        const QString shot = qEnvironmentVariable("CONTINUO_GUI_SHOT");
        if (!shot.isEmpty()) {
            QTest::qWait(3000);
            m_window->grab().save(shot + QStringLiteral("-alert.png"));
        }
    }

    void acknowledgeSilenceAndExpireThroughActions()
    {
        QVERIFY(!m_alertId.isEmpty());
        m_window->selectAlert(m_alertId);
        AnomalyEngine *anomaly = m_engine->anomalyEngine();
        const auto engineAlert = [&]() -> std::optional<Alert> {
            for (const Alert &alert : anomaly->activeAlerts()) {
                if (alert.id == m_alertId)
                    return alert;
            }
            return std::nullopt;
        };
        if (!engineAlert())
            QSKIP("the hot-node alert resolved before the actions could be tried");

        // Acknowledge.
        auto *acknowledge = m_window->findChild<QAction *>(QStringLiteral("actionAcknowledgeAlert"));
        QVERIFY(acknowledge && acknowledge->isEnabled());
        QSignalSpy finished(m_window.get(), &MainWindow::alertActionFinished);
        acknowledge->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(!engineAlert()->acknowledgedBy.isEmpty());
        QVERIFY(!acknowledge->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->alertDetail()->fieldText(QStringLiteral("acknowledged")).startsWith(QStringLiteral("by ")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->topologyScene()->isAnomalyPulsing(EntityKind::Node, HotNode), 5000);

        // Silence…: the dialog comes prefilled with the alert's labels; a comment is required.
        auto *silence = m_window->findChild<QAction *>(QStringLiteral("actionSilenceAlert"));
        QVERIFY(silence && silence->isEnabled());
        silence->trigger();
        SilenceDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<SilenceDialog *>(QStringLiteral("silenceDialog"))) != nullptr);
        QCOMPARE(dialog->matchers().value(QStringLiteral("node")), HotNode);
        QCOMPARE(dialog->matchers().value(QStringLiteral("rule")), QStringLiteral("hot-node-cpu"));
        QVERIFY(!dialog->problem().isEmpty());
        dialog->setComment(QStringLiteral("known hot job, ticket OPS-42"));
        QVERIFY(dialog->problem().isEmpty());
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QVERIFY2(finished.at(1).first().toBool(), qPrintable(finished.at(1).at(1).toString()));
        const QList<Silence> silences = anomaly->silences();
        const auto created = std::find_if(silences.cbegin(), silences.cend(), [](const Silence &s) {
            return s.comment == QLatin1String("known hot job, ticket OPS-42");
        });
        QVERIFY(created != silences.cend());
        QCOMPARE(created->matchers.value(QStringLiteral("node")), HotNode);
        QVERIFY(created->createdBy.startsWith(QStringLiteral("console:")));
        const QString silenceId = created->id;
        if (engineAlert())
            QTRY_VERIFY_WITH_TIMEOUT(!engineAlert()->silencedBy.isEmpty(), 10000);

        // The silences list shows it; Expire ends it in the engine.
        SilenceModel *silenceModel = m_window->silenceModel();
        QTRY_VERIFY_WITH_TIMEOUT(silenceModel->rowOf(silenceId) >= 0, 5000);
        m_window->findChild<QAction *>(QStringLiteral("actionShowSilences"))->trigger();
        SilencesPane *pane = m_window->silencesPane();
        pane->selectSilence(silenceId);
        auto *expire = m_window->findChild<QAction *>(QStringLiteral("actionExpireSilence"));
        QVERIFY(expire && expire->isEnabled());
        expire->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10000);
        QVERIFY2(finished.at(2).first().toBool(), qPrintable(finished.at(2).at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(silenceModel->rowOf(silenceId), -1, 5000);
        const QList<Silence> after = anomaly->silences();
        const auto expired = std::find_if(after.cbegin(), after.cend(), [&](const Silence &s) { return s.id == silenceId; });
        QVERIFY(expired == after.cend() || !expired->expiredBy.isEmpty()
                || !expired->isActiveAt(QDateTime::currentMSecsSinceEpoch()));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<LocalControlPlane> m_controlPlane;
    std::unique_ptr<MainWindow> m_window;
    QString m_alertId;
};

QTEST_MAIN(tst_Anomalies)
#include "tst_anomalies.moc"
