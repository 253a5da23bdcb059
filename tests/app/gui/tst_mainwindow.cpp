#include "MainWindow.h"
#include "charts/LiveChart.h"
#include "control/LocalControlPlane.h"
#include "engine/Engine.h"
#include "models/EventLogModel.h"
#include "topology/TopologyScene.h"
#include "topology/TopologyView.h"
#include "widgets/InspectorPane.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Continuo;
using namespace Continuo::Gui;

class tst_MainWindow : public QObject
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

    void topologyShowsTheDemoContinuum()
    {
        TopologyScene *scene = m_window->topologyScene();
        QTRY_VERIFY_WITH_TIMEOUT(scene->siteCount() >= 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(scene->nodeCount() >= 55, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(scene->switchCount(), 5, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(scene->linkCount() >= 5, 10000);
        QVERIFY(!scene->nodeRect(QStringLiteral("edge-ath-01")).isEmpty());
        QVERIFY(!scene->nodeRect(QStringLiteral("hpc-bol-07")).isEmpty());
        // Backbone switches sit above the site boxes; site switches inside their box.
        QVERIFY(scene->switchRect(QStringLiteral("sw-core-1")).bottom() < scene->nodeRect(QStringLiteral("edge-ath-01")).top());
        QVERIFY(scene->switchRect(QStringLiteral("sw-edge-ath")).top() > scene->switchRect(QStringLiteral("sw-core-1")).bottom());
        // Live colours arrive at frame rate.
        QTRY_VERIFY_WITH_TIMEOUT(scene->nodeCpu(QStringLiteral("edge-ath-01")) >= 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(scene->linkLatencyMs(QStringLiteral("link-ath-core1")) > 0, 10000);
    }

    void clickingANodeFillsInspectorAndChart()
    {
        TopologyScene *scene = m_window->topologyScene();
        TopologyView *view = m_window->topologyView();
        const QString nodeId = QStringLiteral("cloud-fra-02");
        QTRY_VERIFY_WITH_TIMEOUT(!scene->nodeRect(nodeId).isEmpty(), 10000);
        view->fitToView();
        const QPoint position = view->mapFromScene(scene->nodeRect(nodeId).center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, position);
        QVERIFY(scene->selectedKind() == EntityKind::Node);
        QCOMPARE(scene->selectedId(), nodeId);
        InspectorPane *inspector = m_window->inspector();
        QCOMPARE(inspector->value(QStringLiteral("id")), nodeId);
        QVERIFY(inspector->value(QStringLiteral("site")).contains(QStringLiteral("site-cloud-frankfurt")));
        QVERIFY(inspector->value(QStringLiteral("cluster")).contains(QStringLiteral("Kubernetes")));
        QCOMPARE(inspector->value(QStringLiteral("arch")), QStringLiteral("x86_64"));
        QCOMPARE(inspector->value(QStringLiteral("state")), QStringLiteral("ready"));
        QCOMPARE(inspector->value(QStringLiteral("securityTier")), QStringLiteral("hardened"));
        QVERIFY(!inspector->value(QStringLiteral("capacity.cpu")).isEmpty());
        QCOMPARE(m_window->liveChart()->subjectId(), nodeId);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->liveChart()->pointCount() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(inspector->value(QStringLiteral("cpu")).contains(QLatin1Char('%')), 10000);
    }

    void nodeWithAcceleratorsListsDevices()
    {
        TopologyScene *scene = m_window->topologyScene();
        scene->select(EntityKind::Node, QStringLiteral("edge-ath-fpga-01"));
        QCOMPARE(scene->selectedId(), QStringLiteral("edge-ath-fpga-01"));
        const auto devices = m_controlPlane->inventory().devicesOfNode(QStringLiteral("edge-ath-fpga-01"));
        QVERIFY(!devices.isEmpty());
        QVERIFY(m_window->inspector()->value(QStringLiteral("device:") + devices.first().id).contains(QStringLiteral("FPGA")));
    }

    void selectingALinkShowsLatency()
    {
        TopologyScene *scene = m_window->topologyScene();
        scene->select(EntityKind::Link, QStringLiteral("link-ath-core1"));
        QVERIFY(scene->selectedKind() == EntityKind::Link);
        InspectorPane *inspector = m_window->inspector();
        QVERIFY(inspector->value(QStringLiteral("endpointA")).contains(QStringLiteral("sw-edge-ath")));
        QVERIFY(inspector->value(QStringLiteral("endpointB")).contains(QStringLiteral("sw-core-1")));
        QCOMPARE(inspector->value(QStringLiteral("nominal")), QStringLiteral("14 ms"));
        QVERIFY(inspector->value(QStringLiteral("capacity")).contains(QStringLiteral("10 Gb/s")));
        QTRY_VERIFY_WITH_TIMEOUT(inspector->value(QStringLiteral("latency")).endsWith(QStringLiteral(" ms")), 10000);
        QCOMPARE(m_window->liveChart()->subjectId(), QStringLiteral("link-ath-core1"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->liveChart()->pointCount() > 0, 10000);
        scene->select(EntityKind::Unknown, {});
        QCOMPARE(m_window->liveChart()->subjectId(), QString());
    }

    void eventLogFills()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->eventLogModel()->rowCount() > 0, 10000);
    }

    void themeSwitches()
    {
        auto *light = m_window->findChild<QAction *>(QStringLiteral("actionLightTheme"));
        auto *dark = m_window->findChild<QAction *>(QStringLiteral("actionDarkTheme"));
        QVERIFY(light && dark);
        light->trigger();
        QVERIFY(m_window->theme() == ThemeKind::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QVERIFY(m_window->topologyScene()->colours().background.lightness() > 180);
        QVERIFY(light->isChecked());
        dark->trigger();
        QVERIFY(m_window->theme() == ThemeKind::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(m_window->topologyScene()->colours().background.lightness() < 80);
    }

    void drainThroughTheMenu()
    {
        const QString nodeId = QStringLiteral("hpc-bol-03");
        TopologyScene *scene = m_window->topologyScene();
        scene->select(EntityKind::Node, nodeId);
        auto *drain = m_window->findChild<QAction *>(QStringLiteral("actionDrain"));
        QVERIFY(drain);
        QVERIFY(drain->isEnabled());
        QSignalSpy finished(m_window.get(), &MainWindow::nodeActionFinished);
        drain->trigger();
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QInputDialog *>(QStringLiteral("reasonDialog"))) != nullptr);
        dialog->setTextValue(QStringLiteral("kernel upgrade"));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_controlPlane->inventory().find<Node>(nodeId)->state == NodeState::Draining, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->inspector()->value(QStringLiteral("state")), QStringLiteral("draining"), 10000);
        QVERIFY(!drain->isEnabled());
        // The operator action shows up in the event log.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const EventLogModel *model = m_window->eventLogModel();
                for (int row = 0; row < model->rowCount(); ++row) {
                    if (model->eventAt(row).subjectId == nodeId && model->eventAt(row).category() == QLatin1String("Operator"))
                        return true;
                }
                return false;
            }(),
            10000);
    }

    void screenshotIsNotBlank()
    {
        const QImage image = m_window->grab().toImage();
        QVERIFY(image.width() >= 1200);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 30);
        // Developer aid: CONTINUO_GUI_SHOT=/tmp/shot saves dark and light looks with a chart.
        const QString shot = qEnvironmentVariable("CONTINUO_GUI_SHOT");
        if (!shot.isEmpty()) {
            m_window->topologyScene()->select(EntityKind::Node, QStringLiteral("hpc-bol-07"));
            QTest::qWait(8000);
            m_window->grab().save(shot + QStringLiteral("-dark.png"));
            m_window->setTheme(ThemeKind::Light);
            m_window->topologyScene()->select(EntityKind::Link, QStringLiteral("link-bol-core2"));
            QTest::qWait(1500);
            m_window->grab().save(shot + QStringLiteral("-light.png"));
            m_window->setTheme(ThemeKind::Dark);
        }
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<LocalControlPlane> m_controlPlane;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
