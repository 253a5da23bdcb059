#include "MainWindow.h"

#include "ContinuoVersion.h"
#include "charts/LiveChart.h"
#include "dialogs/ConnectDialog.h"
#include "dialogs/PlacementDialog.h"
#include "dialogs/PluginsDialog.h"
#include "models/AlertFilterProxyModel.h"
#include "models/AlertModel.h"
#include "models/DeploymentModel.h"
#include "models/EventLogModel.h"
#include "models/SilenceModel.h"
#include "topology/LinkLatency.h"
#include "topology/TopologyScene.h"
#include "topology/TopologyView.h"
#include "widgets/AlertDetailPane.h"
#include "widgets/AlertListPane.h"
#include "widgets/AnomalyTimeline.h"
#include "widgets/ChartPanel.h"
#include "widgets/DeploymentsPane.h"
#include "widgets/BackendsPane.h"
#include "models/BackendObjectModel.h"
#include "widgets/ExplanationView.h"
#include "widgets/EventLogPane.h"
#include "widgets/InspectorPane.h"
#include "widgets/MetricsBrowserPane.h"
#include "widgets/NetworkPane.h"
#include "widgets/P4RuleEditor.h"
#include "widgets/ResourceSearchBox.h"
#include "widgets/SilencesPane.h"
#include "widgets/WhatIfPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <QTextCursor>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace Continuo::Gui {

namespace {
constexpr auto LiveInspectorInterval = std::chrono::milliseconds(500);
const QString ThemeSettingsKey = QStringLiteral("ui/theme");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_scene(new TopologyScene(this))
    , m_view(new TopologyView(m_scene))
    , m_inspector(new InspectorPane)
    , m_chart(new LiveChart)
    , m_eventModel(new EventLogModel(this))
    , m_eventPane(new EventLogPane(m_eventModel))
    , m_alertModel(new AlertModel(this))
    , m_silenceModel(new SilenceModel(this))
    , m_deploymentModel(new DeploymentModel(this))
    , m_backendModel(new BackendObjectModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Continuo"));
    setCentralWidget(m_view);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    createActions();
    createDocks();
    createMenus();
    createStatusBar();

    connect(m_scene, &TopologyScene::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_eventPane, &EventLogPane::subjectActivated, this, [this](const QString &id) {
        if (!m_controlPlane)
            return;
        const Inventory &inventory = m_controlPlane->inventory();
        if (inventory.find<Node>(id))
            m_scene->select(EntityKind::Node, id);
        else if (inventory.find<Link>(id))
            m_scene->select(EntityKind::Link, id);
        else if (inventory.find<Switch>(id))
            m_scene->select(EntityKind::Switch, id);
        else if (inventory.find<Site>(id))
            m_scene->select(EntityKind::Site, id);
    });
    // Says why the canvas is empty (not connected, nothing in the inventory yet).
    m_emptyCanvas = new QLabel(m_view);
    m_emptyCanvas->setObjectName(QStringLiteral("emptyCanvas"));
    m_emptyCanvas->setAlignment(Qt::AlignCenter);
    m_emptyCanvas->setWordWrap(true);
    m_emptyCanvas->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_view->installEventFilter(this);
    connect(m_scene, &TopologyScene::layoutChanged, this, &MainWindow::updateEmptyCanvas);

    m_liveTimer.setInterval(LiveInspectorInterval);
    connect(&m_liveTimer, &QTimer::timeout, this, &MainWindow::updateLiveInspectorValues);
    m_liveTimer.start();

    QSettings settings;
    ThemeKind theme = themeFromString(settings.value(ThemeSettingsKey).toString());
    setTheme(theme == ThemeKind::Unknown ? ThemeKind::Dark : theme);
    resize(1600, 1000);
    updateNodeActions();
}

MainWindow::~MainWindow()
{
    // Views go first so nothing paints from a half-destroyed scene.
    m_chart->setControlPlane(nullptr);
    m_chartPanel->setControlPlane(nullptr);
    m_alertDetail->setControlPlane(nullptr);
    m_networkPane->setControlPlane(nullptr);
    m_p4Editor->setControlPlane(nullptr);
    m_scene->setControlPlane(nullptr);
}

void MainWindow::createActions()
{
    m_connectAction = new QAction(tr("&Connect to Daemon…"), this);
    m_connectAction->setObjectName(QStringLiteral("actionConnect"));
    m_connectAction->setShortcut(QKeySequence(tr("Ctrl+K")));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::showConnectDialog);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_themeGroup = new QActionGroup(this);
    m_darkAction = new QAction(tr("&Dark Theme"), m_themeGroup);
    m_darkAction->setObjectName(QStringLiteral("actionDarkTheme"));
    m_darkAction->setCheckable(true);
    m_lightAction = new QAction(tr("&Light Theme"), m_themeGroup);
    m_lightAction->setObjectName(QStringLiteral("actionLightTheme"));
    m_lightAction->setCheckable(true);
    connect(m_darkAction, &QAction::triggered, this, [this] { setTheme(ThemeKind::Dark); });
    connect(m_lightAction, &QAction::triggered, this, [this] { setTheme(ThemeKind::Light); });

    m_fitAction = new QAction(tr("&Fit to View"), this);
    m_fitAction->setObjectName(QStringLiteral("actionFitToView"));
    m_fitAction->setShortcut(QKeySequence(tr("Ctrl+0")));
    connect(m_fitAction, &QAction::triggered, m_view, &TopologyView::fitToView);
    m_zoomInAction = new QAction(tr("Zoom &In"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, m_view, &TopologyView::zoomIn);
    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, m_view, &TopologyView::zoomOut);

    m_cordonAction = new QAction(tr("&Cordon…"), this);
    m_cordonAction->setObjectName(QStringLiteral("actionCordon"));
    m_cordonAction->setToolTip(tr("Stop placing new work on the selected node"));
    connect(m_cordonAction, &QAction::triggered, this, [this] { requestNodeState(NodeState::Cordoned); });
    m_drainAction = new QAction(tr("&Drain…"), this);
    m_drainAction->setObjectName(QStringLiteral("actionDrain"));
    m_drainAction->setToolTip(tr("Move work off the selected node"));
    connect(m_drainAction, &QAction::triggered, this, [this] { requestNodeState(NodeState::Draining); });
    m_uncordonAction = new QAction(tr("&Uncordon…"), this);
    m_uncordonAction->setObjectName(QStringLiteral("actionUncordon"));
    m_uncordonAction->setToolTip(tr("Make the selected node schedulable again"));
    connect(m_uncordonAction, &QAction::triggered, this, [this] { requestNodeState(NodeState::Ready); });

    m_placeAction = new QAction(tr("&Place Workload…"), this);
    m_placeAction->setObjectName(QStringLiteral("actionPlaceWorkload"));
    m_placeAction->setShortcut(QKeySequence(tr("Ctrl+P")));
    m_placeAction->setToolTip(tr("Describe a workload, dry-run its placement, submit it"));
    connect(m_placeAction, &QAction::triggered, this, [this] { openPlacementDialog(); });
    m_whatIfAction = new QAction(tr("&What-if Mode"), this);
    m_whatIfAction->setObjectName(QStringLiteral("actionWhatIf"));
    m_whatIfAction->setCheckable(true);
    m_whatIfAction->setShortcut(QKeySequence(tr("Ctrl+Shift+W")));
    m_whatIfAction->setToolTip(tr("Try hypothetical changes on the topology and see what would move"));
    connect(m_whatIfAction, &QAction::toggled, this, &MainWindow::setWhatIfMode);

    m_pluginsAction = new QAction(tr("&Plugins…"), this);
    m_pluginsAction->setObjectName(QStringLiteral("actionPlugins"));
    connect(m_pluginsAction, &QAction::triggered, this, &MainWindow::showPluginsDialog);
    m_aboutAction = new QAction(tr("&About Continuo"), this);
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createDocks()
{
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspectorDock->setWidget(m_inspector);
    m_inspectorDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);

    m_chartDock = new QDockWidget(tr("Live Chart"), this);
    m_chartDock->setObjectName(QStringLiteral("chartDock"));
    m_chartDock->setWidget(m_chart);
    m_chartDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, m_chartDock);
    splitDockWidget(m_inspectorDock, m_chartDock, Qt::Vertical);

    m_eventDock = new QDockWidget(tr("Event Log"), this);
    m_eventDock->setObjectName(QStringLiteral("eventDock"));
    m_eventDock->setWidget(m_eventPane);
    m_eventDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventDock);

    createAnomalyDocks();
    createTelemetryDocks();
    createPlacementDocks();
    createBackendDocks();
    createNetworkDocks();
    m_inspectorDock->raise();
    m_chartDock->raise();
    m_alertDock->raise();

    resizeDocks({m_inspectorDock}, {430}, Qt::Horizontal);
    resizeDocks({m_inspectorDock, m_chartDock}, {560, 340}, Qt::Vertical);
    resizeDocks({m_eventDock}, {270}, Qt::Vertical);
    resizeDocks({m_eventDock, m_timelineDock}, {780, 390}, Qt::Horizontal);
}

QDockWidget *MainWindow::addPane(QWidget *pane, const QString &title, const QString &objectName)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(pane);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    return dock;
}

QAction *MainWindow::paneAction(QDockWidget *dock, const QString &text, const QString &objectName,
                                const QKeySequence &shortcut)
{
    // Like toggleViewAction(), but a pane hidden behind another tab is brought forward first.
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setCheckable(true);
    action->setChecked(!dock->isHidden());
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, [dock, action] {
        if (dock->isHidden() || dock->visibleRegion().isEmpty()) {
            dock->show();
            dock->raise();
            action->setChecked(true);
        } else {
            dock->hide();
        }
    });
    connect(dock, &QDockWidget::visibilityChanged, action, [dock, action] { action->setChecked(!dock->isHidden()); });
    m_paneActions.append(action);
    return action;
}

void MainWindow::createAnomalyDocks()
{
    m_alertList = new AlertListPane(m_alertModel);
    m_timeline = new AnomalyTimeline;
    m_timeline->setModel(m_alertList->proxy());
    m_alertDetail = new AlertDetailPane(m_alertModel);
    m_silencesPane = new SilencesPane(m_silenceModel);
    m_alertDock = addPane(m_alertList, tr("Alerts"), QStringLiteral("alertDock"));
    m_timelineDock = addPane(m_timeline, tr("Anomaly Timeline"), QStringLiteral("timelineDock"));
    m_silencesDock = addPane(m_silencesPane, tr("Silences"), QStringLiteral("silencesDock"));
    m_alertDetailDock = addPane(m_alertDetail, tr("Alert Details"), QStringLiteral("alertDetailDock"));
    // Bottom: the timeline beside the tabbed lists; right: the details behind the inspector.
    splitDockWidget(m_eventDock, m_timelineDock, Qt::Horizontal);
    tabifyDockWidget(m_eventDock, m_alertDock);
    tabifyDockWidget(m_alertDock, m_silencesDock);
    tabifyDockWidget(m_inspectorDock, m_alertDetailDock);
    paneAction(m_alertDock, tr("&Alerts"), QStringLiteral("actionShowAlerts"), QKeySequence(tr("Ctrl+Shift+A")));
    paneAction(m_timelineDock, tr("Anomaly &Timeline"), QStringLiteral("actionShowTimeline"), QKeySequence(tr("Ctrl+Shift+T")));
    paneAction(m_alertDetailDock, tr("Alert &Details"), QStringLiteral("actionShowAlertDetails"), QKeySequence(tr("Ctrl+Shift+D")));
    paneAction(m_silencesDock, tr("&Silences"), QStringLiteral("actionShowSilences"), {});

    m_alertList->view()->addActions({m_alertDetail->acknowledgeAction(), m_alertDetail->silenceAction()});
    connect(m_alertList, &AlertListPane::alertSelected, this, &MainWindow::selectAlert);
    connect(m_timeline, &AnomalyTimeline::alertClicked, this, &MainWindow::selectAlert);
    connect(m_alertList, &AlertListPane::countsChanged, this, [this](int active) {
        m_alertDock->setWindowTitle(active > 0 ? tr("Alerts (%1)").arg(active) : tr("Alerts"));
    });
    connect(m_alertDetail, &AlertDetailPane::subjectActivated, this, [this](EntityKind kind, const QString &id) {
        m_scene->select(kind, id);
    });
    connect(m_alertDetail, &AlertDetailPane::actionFinished, this, &MainWindow::showActionResult);
    connect(m_silencesPane, &SilencesPane::actionFinished, this, &MainWindow::showActionResult);
}

void MainWindow::createTelemetryDocks()
{
    m_metricsBrowser = new MetricsBrowserPane;
    m_chartPanel = new ChartPanel;
    m_metricsDock = addPane(m_metricsBrowser, tr("Metrics"), QStringLiteral("metricsDock"));
    m_seriesChartDock = addPane(m_chartPanel, tr("Series Chart"), QStringLiteral("seriesChartDock"));
    tabifyDockWidget(m_silencesDock, m_metricsDock);
    tabifyDockWidget(m_chartDock, m_seriesChartDock);
    paneAction(m_metricsDock, tr("&Metrics Browser"), QStringLiteral("actionShowMetrics"), QKeySequence(tr("Ctrl+Shift+M")));
    paneAction(m_seriesChartDock, tr("Series C&hart"), QStringLiteral("actionShowSeriesChart"), QKeySequence(tr("Ctrl+Shift+H")));
    connect(m_metricsBrowser, &MetricsBrowserPane::chartRequested, this, &MainWindow::chartSeries);
    connect(m_inspector, &InspectorPane::seriesActivated, this, [this](const SeriesBatch &series) {
        chartSeries({series});
    });
}

void MainWindow::selectAlert(const QString &alertId)
{
    if (m_alertList->selectedAlertId() != alertId)
        m_alertList->selectAlert(alertId);
    m_timeline->setSelectedAlert(alertId);
    m_alertDetail->showAlert(alertId);
    if (!alertId.isEmpty()) {
        m_alertDetailDock->show();
        m_alertDetailDock->raise();
    }
}

void MainWindow::chartSeries(const QList<SeriesBatch> &series)
{
    m_chartPanel->showSeries(series);
    m_seriesChartDock->show();
    m_seriesChartDock->raise();
}

void MainWindow::showActionResult(bool succeeded, const QString &message)
{
    statusBar()->showMessage(message, succeeded ? 10000 : 15000);
    if (!succeeded) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Action Failed"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT alertActionFinished(succeeded, message);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_connectAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_darkAction);
    view->addAction(m_lightAction);
    view->addSeparator();
    view->addAction(m_fitAction);
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addSeparator();
    QAction *inspector = m_inspectorDock->toggleViewAction();
    inspector->setText(tr("&Inspector"));
    inspector->setObjectName(QStringLiteral("actionShowInspector"));
    view->addAction(inspector);
    QAction *chart = m_chartDock->toggleViewAction();
    chart->setText(tr("Live &Chart"));
    chart->setObjectName(QStringLiteral("actionShowChart"));
    view->addAction(chart);
    QAction *events = m_eventDock->toggleViewAction();
    events->setText(tr("&Event Log"));
    events->setObjectName(QStringLiteral("actionShowEventLog"));
    view->addAction(events);
    view->addSeparator();
    view->addActions(m_paneActions);

    QMenu *node = menuBar()->addMenu(tr("&Node"));
    node->setObjectName(QStringLiteral("nodeMenu"));
    node->addAction(m_cordonAction);
    node->addAction(m_drainAction);
    node->addAction(m_uncordonAction);

    QMenu *alerts = menuBar()->addMenu(tr("&Alerts"));
    alerts->setObjectName(QStringLiteral("alertsMenu"));
    alerts->addAction(m_alertDetail->acknowledgeAction());
    alerts->addAction(m_alertDetail->silenceAction());
    alerts->addSeparator();
    alerts->addAction(m_silencesPane->newSilenceAction());
    alerts->addAction(m_silencesPane->expireAction());

    QMenu *workloads = menuBar()->addMenu(tr("&Workloads"));
    workloads->setObjectName(QStringLiteral("workloadsMenu"));
    workloads->addAction(m_placeAction);
    workloads->addAction(m_deploymentsPane->reoptimizeAction());
    workloads->addSeparator();
    workloads->addAction(m_deploymentsPane->explainAction());
    workloads->addAction(m_deploymentsPane->pinAction());
    workloads->addAction(m_deploymentsPane->terminateAction());
    workloads->addSeparator();
    workloads->addAction(m_whatIfAction);

    QMenu *network = menuBar()->addMenu(tr("Net&work"));
    network->setObjectName(QStringLiteral("networkMenu"));
    network->addAction(m_networkPane->newConnectionAction());
    network->addAction(m_networkPane->editConnectionAction());
    network->addAction(m_networkPane->rerouteAction());
    network->addAction(m_networkPane->restoreAction());
    network->addAction(m_networkPane->removeConnectionAction());
    network->addSeparator();
    network->addAction(m_networkPane->newSlaRuleAction());
    network->addSeparator();
    network->addAction(m_p4Editor->newEntryAction());
    network->addAction(m_p4Editor->editEntryAction());
    network->addAction(m_p4Editor->deleteEntryAction());
    network->addAction(m_p4Editor->discardAction());
    network->addAction(m_p4Editor->diffAction());
    network->addAction(m_p4Editor->applyAction());
    network->addAction(m_p4Editor->refreshCountersAction());

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(m_pluginsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_fitAction);
    toolBar->addAction(m_zoomInAction);
    toolBar->addAction(m_zoomOutAction);
    toolBar->addSeparator();
    toolBar->addAction(m_cordonAction);
    toolBar->addAction(m_drainAction);
    toolBar->addAction(m_uncordonAction);
    toolBar->addSeparator();
    toolBar->addAction(m_placeAction);
    toolBar->addAction(m_whatIfAction);
    toolBar->addSeparator();
    toolBar->addAction(m_pluginsAction);
    toolBar->addSeparator();
    m_searchBox = new ResourceSearchBox;
    toolBar->addWidget(m_searchBox);
    connect(m_searchBox, &ResourceSearchBox::nodeChosen, this, [this](const QString &nodeId) {
        m_scene->select(EntityKind::Node, nodeId);
        if (QRectF rect = m_scene->nodeRect(nodeId); !rect.isEmpty())
            m_view->centerOn(rect.center());
    });
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    m_legend = new TopologyLegend(m_scene);
    toolBar->addWidget(m_legend);
}

void MainWindow::createStatusBar()
{
    m_connectionLabel = new QLabel;
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    m_engineLabel = new QLabel;
    m_engineLabel->setObjectName(QStringLiteral("engineStatus"));
    m_nodesLabel = new QLabel;
    m_nodesLabel->setObjectName(QStringLiteral("nodeCountStatus"));
    m_rateLabel = new QLabel;
    m_rateLabel->setObjectName(QStringLiteral("sampleRateStatus"));
    m_revisionLabel = new QLabel;
    m_revisionLabel->setObjectName(QStringLiteral("revisionStatus"));
    for (QLabel *label : {m_connectionLabel, m_engineLabel, m_nodesLabel, m_rateLabel, m_revisionLabel}) {
        label->setContentsMargins(10, 0, 10, 0);
        statusBar()->addPermanentWidget(label);
    }
    onConnectionStateChanged();
    onStatusChanged({});
}

void MainWindow::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_lastSamplesTotal = -1;
    m_samplesPerSecond = 0.0;
    m_controlPlane = controlPlane;
    m_eventModel->clear();
    m_scene->setControlPlane(controlPlane);
    m_chart->setControlPlane(controlPlane);
    m_alertModel->setControlPlane(controlPlane);
    m_silenceModel->setControlPlane(controlPlane);
    m_alertDetail->setControlPlane(controlPlane);
    m_silencesPane->setControlPlane(controlPlane);
    m_metricsBrowser->setControlPlane(controlPlane);
    m_chartPanel->setControlPlane(controlPlane);
    m_deploymentModel->setControlPlane(controlPlane);
    m_backendModel->setControlPlane(controlPlane);
    m_whatIfPanel->setControlPlane(controlPlane);
    m_networkPane->setControlPlane(controlPlane);
    m_p4Editor->setControlPlane(controlPlane);
    if (m_searchBox)
        m_searchBox->setControlPlane(controlPlane);
    if (m_whatIfAction)
        m_whatIfAction->setChecked(false);
    if (m_controlPlane) {
        m_connections.append(connect(m_controlPlane, &IControlPlane::eventsReceived, m_eventModel,
                                     &EventLogModel::queueEvents));
        m_connections.append(connect(m_controlPlane, &IControlPlane::statusChanged, this, &MainWindow::onStatusChanged));
        m_connections.append(connect(m_controlPlane, &IControlPlane::connectionStateChanged, this,
                                     &MainWindow::onConnectionStateChanged));
        m_connections.append(connect(m_controlPlane, &IControlPlane::inventoryChanged, this, &MainWindow::onInventoryChanged));
        m_connections.append(connect(m_controlPlane, &IControlPlane::inventoryReset, this, &MainWindow::refreshInspector));
        if (m_controlPlane->connectionState() != IControlPlane::ConnectionState::Connected)
            m_controlPlane->open();
        m_eventModel->appendEvents(m_controlPlane->recentEvents());
        onStatusChanged(m_controlPlane->status());
        setWindowTitle(tr("Continuo — %1").arg(m_controlPlane->endpoint()));
    } else {
        setWindowTitle(tr("Continuo"));
    }
    onConnectionStateChanged();
    refreshInspector();
}

bool MainWindow::connectToDaemon(const QString &hostPort)
{
    if (!m_factory) {
        statusBar()->showMessage(tr("This build cannot connect to a daemon."), 8000);
        return false;
    }
    IControlPlane *plane = m_factory(hostPort, this);
    if (!plane) {
        statusBar()->showMessage(tr("Cannot connect to %1.").arg(hostPort), 8000);
        return false;
    }
    IControlPlane *previous = m_controlPlane;
    setControlPlane(plane);
    // A previous remote connection is ours to drop; an embedded one belongs to runConsole.
    if (previous && previous->parent() == this)
        previous->deleteLater();
    statusBar()->showMessage(tr("Connecting to %1…").arg(hostPort), 5000);
    return true;
}

void MainWindow::setTheme(ThemeKind theme)
{
    if (theme == ThemeKind::Unknown)
        theme = ThemeKind::Dark;
    m_theme = theme;
    Theme::apply(theme);
    const CanvasColours colours = Theme::canvasColours(theme);
    m_scene->setColours(colours);
    m_chart->setColours(colours);
    m_chartPanel->setColours(colours);
    m_timeline->setColours(colours);
    m_alertDetail->setColours(colours);
    m_deploymentModel->setColours(colours);
    m_explanationView->setColours(colours);
    m_networkPane->setColours(colours);
    m_p4Editor->setColours(colours);
    if (m_legend)
        m_legend->update();
    m_darkAction->setChecked(theme == ThemeKind::Dark);
    m_lightAction->setChecked(theme == ThemeKind::Light);
    QSettings().setValue(ThemeSettingsKey, toString(theme));
    onConnectionStateChanged();
}

void MainWindow::onSelectionChanged(EntityKind kind, const QString &id)
{
    refreshInspector();
    updateNodeActions();
    if (!m_controlPlane || id.isEmpty()) {
        m_chart->clear();
        return;
    }
    const Inventory &inventory = m_controlPlane->inventory();
    if (kind == EntityKind::Node) {
        if (const Node *node = inventory.find<Node>(id))
            m_chart->showNode(node->id, node->siteId);
    } else if (kind == EntityKind::Link) {
        if (const Link *link = inventory.find<Link>(id))
            m_chart->showLink(link->id, link->latencyMs);
    } else {
        m_chart->clear();
    }
}

void MainWindow::refreshInspector()
{
    const QString id = m_scene->selectedId();
    if (!m_controlPlane || id.isEmpty()) {
        m_inspector->showNothing();
        return;
    }
    const Inventory &inventory = m_controlPlane->inventory();
    switch (m_scene->selectedKind()) {
    case EntityKind::Node:
        if (const Node *node = inventory.find<Node>(id))
            m_inspector->showNode(*node, inventory);
        break;
    case EntityKind::Site:
        if (const Site *site = inventory.find<Site>(id))
            m_inspector->showSite(*site, inventory);
        break;
    case EntityKind::Switch:
        if (const Switch *sw = inventory.find<Switch>(id))
            m_inspector->showSwitch(*sw, inventory);
        break;
    case EntityKind::Link:
        if (const Link *link = inventory.find<Link>(id)) {
            m_inspector->showLink(*link, inventory);
            m_controlPlane->listSeries(LinkLatency::selector(id), 8, m_inspector, [this, id](const Result<SeriesListing> &listing) {
                if (listing && m_scene->selectedKind() == EntityKind::Link && m_scene->selectedId() == id)
                    m_inspector->setLatencySeries(listing->series);
            });
        }
        break;
    default:
        m_inspector->showNothing();
        break;
    }
    updateLiveInspectorValues();
}

void MainWindow::updateLiveInspectorValues()
{
    const QString id = m_scene->selectedId();
    if (id.isEmpty())
        return;
    if (m_scene->selectedKind() == EntityKind::Node) {
        const double cpu = m_scene->nodeCpu(id);
        m_inspector->setLiveValue(QStringLiteral("cpu"), cpu < 0 ? tr("waiting for data") : tr("%1 %").arg(cpu * 100.0, 0, 'f', 1));
    } else if (m_scene->selectedKind() == EntityKind::Link) {
        const double latency = m_scene->linkLatencyMs(id);
        const bool estimated = m_scene->linkLatencySource(id) == LatencySource::Estimated;
        m_inspector->setLiveValue(QStringLiteral("latency"),
                                  latency < 0  ? tr("waiting for data")
                                  : estimated ? tr("%1 ms (estimated)").arg(latency, 0, 'f', 2)
                                              : tr("%1 ms").arg(latency, 0, 'f', 2));
    }
}

void MainWindow::onInventoryChanged(const QList<InventoryDelta> &deltas)
{
    const QString selected = m_scene->selectedId();
    if (selected.isEmpty())
        return;
    for (const InventoryDelta &delta : deltas) {
        bool concerns = delta.id == selected;
        if (!concerns && delta.kind == EntityKind::Device && delta.entity)
            concerns = std::get<Device>(*delta.entity).nodeId == selected;
        if (concerns) {
            refreshInspector();
            updateNodeActions();
            return;
        }
    }
}

void MainWindow::onStatusChanged(const EngineStatus &status)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_lastSamplesTotal > 0 && now > m_lastSamplesAtMs && status.samplesIngestedTotal >= m_lastSamplesTotal) {
        const double instant = double(status.samplesIngestedTotal - m_lastSamplesTotal) * 1000.0 / double(now - m_lastSamplesAtMs);
        // Smooth a little: status arrives about once a second and ticks are bursty.
        m_samplesPerSecond = m_samplesPerSecond <= 0 ? instant : 0.6 * m_samplesPerSecond + 0.4 * instant;
    }
    m_lastSamplesTotal = status.samplesIngestedTotal;
    m_lastSamplesAtMs = now;

    QString state = toString(status.state);
    if (!status.stateMessage.isEmpty() && status.state == EngineState::Failed)
        state += QStringLiteral(": ") + status.stateMessage;
    m_engineLabel->setText(tr("Engine: %1").arg(state));
    m_engineLabel->setToolTip(status.stateMessage);
    m_nodesLabel->setText(tr("%n node(s)", nullptr, status.nodeCount));
    m_rateLabel->setText(tr("%1 samples/s").arg(QLocale().toString(m_samplesPerSecond, 'f', 0)));
    m_revisionLabel->setText(tr("Revision %1").arg(status.inventoryRevision));
}

void MainWindow::onConnectionStateChanged()
{
    if (!m_connectionLabel)
        return;
    const CanvasColours colours = Theme::canvasColours(m_theme == ThemeKind::Unknown ? ThemeKind::Dark : m_theme);
    QString text = tr("Not connected");
    QColor dot = colours.linkNoData;
    QString tip;
    if (m_controlPlane) {
        switch (m_controlPlane->connectionState()) {
        case IControlPlane::ConnectionState::Connected:
            text = tr("Connected");
            dot = colours.good;
            statusBar()->clearMessage(); // "Connecting to …" is over
            break;
        case IControlPlane::ConnectionState::Connecting:
            text = tr("Connecting");
            dot = colours.warning;
            break;
        case IControlPlane::ConnectionState::Disconnected:
            text = tr("Disconnected");
            dot = colours.critical;
            tip = m_controlPlane->connectionError();
            break;
        case IControlPlane::ConnectionState::Unknown:
            break;
        }
        text += QStringLiteral(" · ") + m_controlPlane->endpoint();
    }
    m_connectionLabel->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(dot.name(), text.toHtmlEscaped()));
    m_connectionLabel->setToolTip(tip);
    m_connectAction->setEnabled(true);
    updateEmptyCanvas();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        m_emptyCanvas->setGeometry(m_view->rect().adjusted(40, 40, -40, -40));
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateEmptyCanvas()
{
    if (!m_emptyCanvas)
        return;
    QString text;
    if (!m_controlPlane) {
        text = tr("Not connected. Use File › Connect to Daemon… to connect to a continuo daemon.");
    } else if (m_controlPlane->connectionState() != IControlPlane::ConnectionState::Connected) {
        const QString error = m_controlPlane->connectionError();
        text = m_controlPlane->connectionState() == IControlPlane::ConnectionState::Connecting
                   ? tr("Connecting to %1…").arg(m_controlPlane->endpoint())
                   : tr("Not connected to %1.").arg(m_controlPlane->endpoint());
        if (!error.isEmpty())
            text += QStringLiteral("\n\n") + error;
    } else if (m_scene->siteCount() == 0) {
        text = tr("The inventory is empty. Start a scenario (--scenario demo) or enable a backend plugin.");
    }
    m_emptyCanvas->setText(text);
    m_emptyCanvas->setVisible(!text.isEmpty());
    m_emptyCanvas->setGeometry(m_view->rect().adjusted(40, 40, -40, -40));
}

void MainWindow::updateNodeActions()
{
    const Node *node = nullptr;
    if (m_controlPlane && m_scene->selectedKind() == EntityKind::Node)
        node = m_controlPlane->inventory().find<Node>(m_scene->selectedId());
    m_cordonAction->setEnabled(node && node->state != NodeState::Cordoned);
    m_drainAction->setEnabled(node && node->state != NodeState::Draining);
    m_uncordonAction->setEnabled(node && node->state != NodeState::Ready);
}

void MainWindow::requestNodeState(NodeState state)
{
    if (!m_controlPlane || m_scene->selectedKind() != EntityKind::Node)
        return;
    const QString nodeId = m_scene->selectedId();
    QString verb;
    switch (state) {
    case NodeState::Cordoned:
        verb = tr("Cordon");
        break;
    case NodeState::Draining:
        verb = tr("Drain");
        break;
    default:
        verb = tr("Uncordon");
        break;
    }
    // Asynchronous (open(), not exec()): live updates keep flowing while the operator types.
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("reasonDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("%1 %2").arg(verb, nodeId));
    dialog->setLabelText(tr("Reason (recorded in the audit log):"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setOkButtonText(verb);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, nodeId, state, verb](const QString &reason) {
        if (!m_controlPlane)
            return;
        statusBar()->showMessage(tr("%1 %2…").arg(verb, nodeId));
        m_controlPlane->setNodeState(nodeId, state, reason.trimmed(), this, [this, nodeId, verb](const Result<Node> &result) {
            QString message;
            if (result) {
                message = tr("%1: %2 is now %3.").arg(verb, nodeId, toString(result->state));
                statusBar()->showMessage(message, 10000);
            } else {
                message = tr("%1 %2 failed: %3").arg(verb, nodeId, result.error());
                statusBar()->showMessage(message, 15000);
            }
            updateNodeActions();
            Q_EMIT nodeActionFinished(result.hasValue(), message);
        });
    });
    dialog->open();
}

void MainWindow::showConnectDialog()
{
    auto *dialog = new ConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHostPort(QSettings().value(QStringLiteral("connection/lastHostPort")).toString());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString hostPort = dialog->hostPort();
        QSettings().setValue(QStringLiteral("connection/lastHostPort"), hostPort);
        connectToDaemon(hostPort);
    });
    dialog->open();
}

void MainWindow::showPluginsDialog()
{
    auto *dialog = new PluginsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPlugins(m_controlPlane ? m_controlPlane->status().plugins : QList<PluginInfo>{});
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Continuo"),
                       tr("<h3>Continuo %1</h3>"
                          "<p>Operations console for the edge–cloud–HPC continuum.</p>"
                          "<p>Connected to: %2</p>")
                           .arg(QString::fromLatin1(Continuo::Version),
                                m_controlPlane ? m_controlPlane->endpoint().toHtmlEscaped() : tr("nothing")));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("ui/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(QStringLiteral("ui/state")).toByteArray();
    if (!state.isEmpty())
        restoreState(state);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/state"), saveState());
    QMainWindow::closeEvent(event);
}

// ---- workload placement ----------------------------------------------------------------------

void MainWindow::createPlacementDocks()
{
    m_deploymentsPane = new DeploymentsPane(m_deploymentModel);
    m_explanationView = new ExplanationView;
    m_whatIfPanel = new WhatIfPanel(m_scene);
    m_deploymentsDock = addPane(m_deploymentsPane, tr("Deployments"), QStringLiteral("deploymentsDock"));
    m_explanationDock = addPane(m_explanationView, tr("Placement Explanation"), QStringLiteral("explanationDock"));
    m_whatIfDock = addPane(m_whatIfPanel, tr("What-if"), QStringLiteral("whatIfDock"));
    tabifyDockWidget(m_metricsDock, m_deploymentsDock);
    addDockWidget(Qt::RightDockWidgetArea, m_explanationDock);
    tabifyDockWidget(m_alertDetailDock, m_explanationDock);
    addDockWidget(Qt::RightDockWidgetArea, m_whatIfDock);
    tabifyDockWidget(m_explanationDock, m_whatIfDock);
    m_whatIfDock->hide();
    paneAction(m_deploymentsDock, tr("&Deployments"), QStringLiteral("actionShowDeployments"), QKeySequence(tr("Ctrl+Shift+Y")));
    paneAction(m_explanationDock, tr("Placement E&xplanation"), QStringLiteral("actionShowExplanation"), {});

    connect(m_deploymentsPane, &DeploymentsPane::explainRequested, this, &MainWindow::explainDeployment);
    connect(m_deploymentsPane, &DeploymentsPane::terminateRequested, this, &MainWindow::confirmTerminate);
    connect(m_deploymentsPane, &DeploymentsPane::pinRequested, this, &MainWindow::chooseNodeForPin);
    connect(m_deploymentsPane, &DeploymentsPane::reoptimizeRequested, this, [this] { requestReoptimize({}); });
    connect(m_deploymentsPane, &DeploymentsPane::deploymentSelected, this, [this](const QString &id) {
        if (const Deployment *deployment = m_deploymentModel->find(id); deployment && !deployment->nodeId.isEmpty())
            m_scene->select(EntityKind::Node, deployment->nodeId);
    });
    connect(m_view, &TopologyView::deploymentDropped, this, &MainWindow::requestPin);
    connect(m_scene, &TopologyScene::contextMenuRequested, this, &MainWindow::showCanvasMenu);
    connect(m_whatIfPanel, &WhatIfPanel::applyRequested, this, &MainWindow::requestReoptimize);
}

// ---- backend objects (Slurm jobs and partitions, libvirt domains) ---------------------------

void MainWindow::createBackendDocks()
{
    m_backendsPane = new BackendsPane(m_backendModel);
    m_backendsDock = addPane(m_backendsPane, tr("HPC Jobs && VMs"), QStringLiteral("backendsDock"));
    tabifyDockWidget(m_deploymentsDock, m_backendsDock);
    paneAction(m_backendsDock, tr("HPC &Jobs && VMs"), QStringLiteral("actionShowBackends"),
               QKeySequence(tr("Ctrl+Shift+J")));
    connect(m_backendsPane, &BackendsPane::actionRequested, this, &MainWindow::requestBackendAction);
    connect(m_backendsPane, &BackendsPane::logRequested, this, &MainWindow::showBackendLog);
    connect(m_backendsPane, &BackendsPane::objectSelected, this, [this](const QString &id) {
        if (const BackendObject *object = m_backendModel->find(id); object && !object->nodeId.isEmpty())
            m_scene->select(EntityKind::Node, object->nodeId);
    });
    connect(m_backendModel, &BackendObjectModel::objectsRefreshed, m_scene, &TopologyScene::setBackendObjects);
}

void MainWindow::createNetworkDocks()
{
    m_p4Editor = new P4RuleEditor;
    m_networkPane = new NetworkPane;
    m_p4Dock = addPane(m_p4Editor, tr("P4 Rules"), QStringLiteral("p4RulesDock"));
    m_fabricDock = addPane(m_networkPane, tr("Fabric"), QStringLiteral("fabricDock"));
    tabifyDockWidget(m_backendsDock, m_fabricDock);
    tabifyDockWidget(m_fabricDock, m_p4Dock);
    paneAction(m_fabricDock, tr("&Fabric"), QStringLiteral("actionShowFabric"), QKeySequence(tr("Ctrl+Shift+F")));
    paneAction(m_p4Dock, tr("P4 &Rules"), QStringLiteral("actionShowP4Rules"), QKeySequence(tr("Ctrl+Shift+R")));
    m_networkPane->newConnectionAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    m_p4Editor->diffAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    m_p4Editor->applyAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    connect(m_networkPane, &NetworkPane::connectionSelected, this, [this](const Connection &connection) {
        m_scene->setFabricPath(connection.id, connection.path, connection.backupPath);
    });
    connect(m_networkPane, &NetworkPane::slaThresholdChanged, m_scene, &TopologyScene::setIntLatencyThresholdMs);
    connect(m_networkPane, &NetworkPane::actionFinished, this, &MainWindow::showActionResult);
    connect(m_p4Editor, &P4RuleEditor::actionFinished, this, &MainWindow::showActionResult);
    // A switch picked on the canvas is the one the rule editor shows.
    connect(m_scene, &TopologyScene::selectionChanged, m_p4Editor, [this](EntityKind kind, const QString &id) {
        if (kind == EntityKind::Switch)
            m_p4Editor->setCurrentSwitch(id);
    });
}

void MainWindow::requestBackendAction(const QString &objectId, const QString &action)
{
    const BackendObject *object = m_backendModel->find(objectId);
    if (!m_controlPlane || !object)
        return;
    const QString name = object->name;
    if (action == QLatin1String("migrate")) {
        // Other Ready hosts of the same cluster.
        QStringList targets;
        for (const Node &node : m_controlPlane->inventory().all<Node>()) {
            if (node.clusterId == object->clusterId && node.id != object->nodeId && node.state == NodeState::Ready)
                targets.append(node.id);
        }
        std::sort(targets.begin(), targets.end());
        if (targets.isEmpty()) {
            finishBackendAction(false, tr("No other ready host in %1 to migrate %2 to.").arg(object->clusterId, name));
            return;
        }
        auto *dialog = new QInputDialog(this);
        dialog->setObjectName(QStringLiteral("migrateDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Migrate %1").arg(name));
        dialog->setLabelText(tr("Live-migrate %1 (now on %2) to host:").arg(name, object->nodeId));
        dialog->setComboBoxItems(targets);
        dialog->setOkButtonText(tr("Migrate"));
        connect(dialog, &QInputDialog::textValueSelected, this, [this, objectId](const QString &nodeId) {
            invokeBackendAction(objectId, QStringLiteral("migrate"), {{QStringLiteral("targetNode"), nodeId}});
        });
        dialog->open();
        return;
    }
    const bool destructive = action == QLatin1String("cancel") || action == QLatin1String("destroy")
                             || action == QLatin1String("undefine");
    if (!destructive) {
        invokeBackendAction(objectId, action, {});
        return;
    }
    QString question;
    if (action == QLatin1String("cancel"))
        question = tr("Cancel job %1? Its processes are killed.").arg(name);
    else if (action == QLatin1String("destroy"))
        question = tr("Force off %1? Like pulling the plug: the guest does not shut down cleanly.").arg(name);
    else
        question = tr("Delete the definition of %1? Its configuration is removed from the host.").arg(name);
    // The action's menu text without mnemonic and ellipsis: "Cancel Job".
    const QString title = BackendsPane::actionText(action).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
    auto *box = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("backendActionBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *go = box->addButton(title, QMessageBox::DestructiveRole);
    connect(go, &QPushButton::clicked, this, [this, objectId, action] { invokeBackendAction(objectId, action, {}); });
    box->open();
}

QDialog *MainWindow::showBackendLog(const QString &objectId)
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("backendLogDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const BackendObject *object = m_backendModel->find(objectId);
    dialog->setWindowTitle(object && object->kind == QLatin1String("libvirt.domain")
                               ? tr("Serial Console of %1").arg(object->name)
                               : tr("Output of %1").arg(object ? object->name : objectId));
    auto *text = new QPlainTextEdit;
    text->setObjectName(QStringLiteral("backendLogText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *status = new QLabel;
    status->setObjectName(QStringLiteral("backendLogStatus"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text, 1);
    layout->addWidget(status);
    layout->addWidget(buttons);
    dialog->resize(820, 520);
    const auto load = [this, objectId, text, status] {
        if (!m_controlPlane)
            return;
        status->setText(tr("Reading…"));
        m_controlPlane->backendObjectLog(objectId, qint64(1) << 20, text,
                                         [text, status](const Result<QString> &result) {
            if (!result) {
                status->setText(tr("Cannot read the output: %1").arg(result.error()));
                return;
            }
            text->setPlainText(*result);
            text->moveCursor(QTextCursor::End);
            status->setText(tr("%n line(s)", nullptr, text->blockCount()));
        });
    };
    connect(refresh, &QPushButton::clicked, dialog, load);
    load();
    dialog->show();
    return dialog;
}

void MainWindow::invokeBackendAction(const QString &objectId, const QString &action, const QVariantMap &arguments)
{
    if (!m_controlPlane)
        return;
    statusBar()->showMessage(tr("%1: %2…").arg(objectId, action));
    m_controlPlane->invokeBackendAction(objectId, action, arguments, this,
                                        [this, objectId, action](const Result<void> &result) {
        finishBackendAction(result.hasValue(),
                            result ? tr("%1: %2 requested.").arg(objectId, action)
                                   : tr("%1 on %2 failed: %3").arg(action, objectId, result.error()));
        m_backendModel->refresh();
    });
}

void MainWindow::finishBackendAction(bool succeeded, const QString &message)
{
    statusBar()->showMessage(message, succeeded ? 10000 : 15000);
    if (!succeeded) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Action Failed"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT backendActionFinished(succeeded, message);
}

void MainWindow::finishPlacementAction(bool succeeded, const QString &message)
{
    statusBar()->showMessage(message, succeeded ? 10000 : 15000);
    if (!succeeded) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Action Failed"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT placementActionFinished(succeeded, message);
}

PlacementDialog *MainWindow::openPlacementDialog()
{
    auto *dialog = new PlacementDialog(m_controlPlane, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PlacementDialog::submitted, this, [this](const SubmitResult &result) {
        int placed = 0;
        for (const PlacementExplanation &explanation : result.explanations)
            placed += explanation.placed ? 1 : 0;
        finishPlacementAction(true, tr("Submitted %n workload(s): %1 placed, %2 deployment(s) created.", nullptr,
                                       int(result.workloads.size()))
                                        .arg(placed)
                                        .arg(result.deployments.size()));
        m_deploymentsDock->show();
        m_deploymentsDock->raise();
    });
    dialog->show();
    return dialog;
}

void MainWindow::explainDeployment(const QString &deploymentId)
{
    const Deployment *deployment = m_deploymentModel->find(deploymentId);
    if (!m_controlPlane || !deployment)
        return;
    const QString workloadId = deployment->workloadId;
    const Workload *workload = m_deploymentModel->workload(workloadId);
    const QString title = workload ? tr("%1 (%2)").arg(workload->name, workloadId) : workloadId;
    m_explanationView->showMessage(tr("Explaining %1…").arg(title));
    m_explanationDock->show();
    m_explanationDock->raise();
    m_controlPlane->explainWorkload(workloadId, m_explanationView, [this, title](const Result<PlacementExplanation> &result) {
        if (result)
            m_explanationView->setExplanation(*result, title);
        else
            m_explanationView->showMessage(tr("Cannot explain %1: %2").arg(title, result.error()));
    });
}

void MainWindow::confirmTerminate(const QString &deploymentId)
{
    const Deployment *deployment = m_deploymentModel->find(deploymentId);
    if (!m_controlPlane || !deployment)
        return;
    const QString workloadId = deployment->workloadId;
    const Workload *workload = m_deploymentModel->workload(workloadId);
    const QString name = workload ? workload->name : workloadId;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Terminate Workload"),
                                tr("Terminate every deployment of %1?").arg(name), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("terminateBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *terminate = box->addButton(tr("Terminate"), QMessageBox::DestructiveRole);
    connect(terminate, &QPushButton::clicked, this, [this, workloadId, name] {
        if (!m_controlPlane)
            return;
        m_controlPlane->terminateWorkload(workloadId, this, [this, name](const Result<void> &result) {
            finishPlacementAction(result.hasValue(), result ? tr("Terminating %1.").arg(name)
                                                            : tr("Terminate %1 failed: %2").arg(name, result.error()));
        });
    });
    box->open();
}

void MainWindow::chooseNodeForPin(const QString &deploymentId)
{
    const Deployment *deployment = m_deploymentModel->find(deploymentId);
    if (!m_controlPlane || !deployment)
        return;
    QStringList nodes = m_controlPlane->inventory().all<Node>().keys();
    nodes.removeAll(deployment->nodeId);
    std::sort(nodes.begin(), nodes.end());
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("pinNodeDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Pin %1").arg(deploymentId));
    dialog->setLabelText(tr("Move %1 (now on %2) to node:").arg(deploymentId, deployment->nodeId));
    dialog->setComboBoxItems(nodes);
    dialog->setComboBoxEditable(true);
    dialog->setOkButtonText(tr("Pin"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, deploymentId](const QString &nodeId) {
        requestPin(deploymentId, nodeId.trimmed());
    });
    dialog->open();
}

void MainWindow::requestPin(const QString &deploymentId, const QString &nodeId)
{
    const Deployment *deployment = m_deploymentModel->find(deploymentId);
    if (!m_controlPlane || !deployment || nodeId.isEmpty())
        return;
    if (deployment->nodeId == nodeId) {
        statusBar()->showMessage(tr("%1 already runs on %2.").arg(deploymentId, nodeId), 8000);
        return;
    }
    const Workload *workload = m_deploymentModel->workload(deployment->workloadId);
    const auto pin = [this, deploymentId, nodeId](bool force) {
        if (!m_controlPlane)
            return;
        statusBar()->showMessage(tr("Pinning %1 to %2…").arg(deploymentId, nodeId));
        m_controlPlane->pinDeployment(deploymentId, nodeId, force, this,
                                      [this, deploymentId, nodeId](const Result<PlannedMove> &result) {
                                          finishPlacementAction(
                                              result.hasValue(),
                                              result ? tr("%1 is moving to %2.").arg(deploymentId, nodeId)
                                                     : tr("Pin %1 to %2 failed: %3").arg(deploymentId, nodeId, result.error()));
                                      });
    };
    if (!workload) {
        pin(false); // the engine checks feasibility and refuses with its reasons
        return;
    }
    // Check first, so an infeasible drop explains itself and can still be forced.
    Workload probe = *workload;
    probe.id.clear();
    probe.requirements.pinnedNodeId = nodeId;
    probe.requirements.pinnedClusterId.clear();
    probe.requirements.replicas = 1;
    probe.requirements.spread = SpreadScope::Unknown;
    m_controlPlane->explainPlacement(probe, this, [this, deploymentId, nodeId, pin](const Result<PlacementExplanation> &result) {
        if (result && result->placed) {
            pin(false);
            return;
        }
        QString reason = result ? result->error : result.error();
        if (result) {
            for (const PlacementRejection &rejection : result->rejections) {
                if (rejection.candidateId == nodeId && !rejection.reason.isEmpty()) {
                    reason = tr("%1 (%2)").arg(rejection.reason, rejection.filter);
                    break;
                }
            }
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Node Cannot Take It"),
                                    tr("%1 does not fit on %2: %3").arg(deploymentId, nodeId, reason),
                                    QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("pinWarning"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *force = box->addButton(tr("Pin Anyway"), QMessageBox::AcceptRole);
        force->setObjectName(QStringLiteral("pinAnywayButton"));
        connect(force, &QPushButton::clicked, this, [pin] { pin(true); });
        box->open();
    });
}

void MainWindow::requestReoptimize(const QSet<QString> &nodes)
{
    if (!m_controlPlane)
        return;
    ReoptimizeOptions options;
    options.nodes = nodes;
    options.evacuate = !nodes.isEmpty();
    statusBar()->showMessage(tr("Computing re-optimisation…"));
    m_controlPlane->reoptimize(options, true, this, [this, options](const Result<QList<PlannedMove>> &plan) {
        if (!plan) {
            finishPlacementAction(false, tr("Re-optimisation failed: %1").arg(plan.error()));
            return;
        }
        if (plan->isEmpty()) {
            finishPlacementAction(true, tr("Nothing to improve: no deployment would move."));
            return;
        }
        QStringList lines;
        for (const PlannedMove &move : *plan)
            lines.append(tr("%1: %2 → %3 (%4)").arg(move.deploymentId, move.fromNodeId,
                                                    move.toNodeId.isEmpty() ? tr("nowhere") : move.toNodeId, move.reason));
        auto *box = new QMessageBox(QMessageBox::Question, tr("Re-optimise"),
                                    tr("%n deployment(s) would move.", nullptr, int(plan->size())),
                                    QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("reoptimizeBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setDetailedText(lines.join(QLatin1Char('\n')));
        QPushButton *apply = box->addButton(tr("Apply Moves"), QMessageBox::AcceptRole);
        connect(apply, &QPushButton::clicked, this, [this, options] {
            if (!m_controlPlane)
                return;
            m_controlPlane->reoptimize(options, false, this, [this](const Result<QList<PlannedMove>> &moves) {
                finishPlacementAction(moves.hasValue(),
                                      moves ? tr("Re-optimisation started: %n move(s).", nullptr, int(moves->size()))
                                            : tr("Re-optimisation failed: %1").arg(moves.error()));
            });
        });
        box->open();
    });
}

void MainWindow::setWhatIfMode(bool on)
{
    m_whatIfPanel->setActive(on);
    if (on) {
        m_whatIfDock->show();
        m_whatIfDock->raise();
        statusBar()->showMessage(tr("What-if mode: right-click the topology to try changes. Nothing is applied."));
    } else {
        m_whatIfDock->hide();
        statusBar()->clearMessage();
    }
}

void MainWindow::showCanvasMenu(EntityKind kind, const QString &id, const QPoint &screenPos)
{
    if (!m_controlPlane || kind == EntityKind::Unknown)
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("canvasMenu"));
    const auto whatIf = [this](WhatIfChange::Kind changeKind, const QString &target) {
        WhatIfChange change;
        change.kind = changeKind;
        change.targetId = target;
        m_whatIfPanel->addChange(change);
    };
    if (m_whatIfPanel->isActive()) {
        if (kind == EntityKind::Node) {
            menu.addAction(tr("What if %1 is drained").arg(id), this, [whatIf, id] { whatIf(WhatIfChange::Kind::DrainNode, id); });
            menu.addAction(tr("What if %1 fails").arg(id), this, [whatIf, id] { whatIf(WhatIfChange::Kind::FailNode, id); });
            menu.addAction(tr("Add Load on %1…").arg(id), this, [this, id] {
                bool ok = false;
                const double cores = QInputDialog::getDouble(this, tr("Add Load"), tr("Extra CPU on %1 (cores):").arg(id),
                                                             2.0, 0.0, 4096.0, 2, &ok);
                if (!ok)
                    return;
                WhatIfChange change;
                change.kind = WhatIfChange::Kind::AddLoad;
                change.targetId = id;
                change.cpuCores = cores;
                m_whatIfPanel->addChange(change);
            });
        } else if (kind == EntityKind::Link) {
            menu.addAction(tr("What if link %1 fails").arg(id), this, [whatIf, id] { whatIf(WhatIfChange::Kind::FailLink, id); });
        } else if (kind == EntityKind::Site) {
            menu.addAction(tr("What if site %1 fails").arg(id), this, [whatIf, id] { whatIf(WhatIfChange::Kind::FailSite, id); });
        }
    } else if (kind == EntityKind::Node) {
        menu.addAction(m_cordonAction);
        menu.addAction(m_drainAction);
        menu.addAction(m_uncordonAction);
        menu.addSeparator();
        menu.addAction(m_whatIfAction);
    }
    if (!menu.isEmpty())
        menu.exec(screenPos);
}

} // namespace Continuo::Gui
