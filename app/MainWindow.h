#pragma once

#include "control/IControlPlane.h"
#include "widgets/Theme.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QActionGroup;
class QDialog;
class QDockWidget;
class QLabel;
QT_END_NAMESPACE

namespace Continuo::Gui {

class AlertDetailPane;
class AlertListPane;
class AlertModel;
class AnomalyTimeline;
class BackendObjectModel;
class BackendsPane;
class ChartPanel;
class DeploymentModel;
class DeploymentsPane;
class ExplanationView;
class PlacementDialog;
class ResourceSearchBox;
class WhatIfPanel;
class EventLogModel;
class EventLogPane;
class InspectorPane;
class LiveChart;
class MetricsBrowserPane;
class NetworkPane;
class P4RuleEditor;
class SilenceModel;
class SilencesPane;
class TopologyLegend;
class TopologyScene;
class TopologyView;

/// The console window: topology canvas in the middle, inspector (alert details) and live chart
/// (series chart) on the right, alerts, event log, silences and metrics browser at the bottom
/// beside the anomaly timeline, connection and engine health in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Makes a control plane for "HOST:PORT" (File > Connect to daemon); parent owns it.
    using ControlPlaneFactory = std::function<IControlPlane *(const QString &hostPort, QObject *parent)>;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Show this control plane (not owned unless it is a child of the window). Opens it.
    void setControlPlane(IControlPlane *controlPlane);
    IControlPlane *controlPlane() const { return m_controlPlane; }
    void setControlPlaneFactory(ControlPlaneFactory factory) { m_factory = std::move(factory); }
    /// Connect to a daemon through the factory; false (and a status message) if impossible.
    bool connectToDaemon(const QString &hostPort);

    ThemeKind theme() const { return m_theme; }
    void setTheme(ThemeKind theme);

    TopologyScene *topologyScene() const { return m_scene; }
    TopologyView *topologyView() const { return m_view; }
    InspectorPane *inspector() const { return m_inspector; }
    LiveChart *liveChart() const { return m_chart; }
    EventLogModel *eventLogModel() const { return m_eventModel; }
    EventLogPane *eventLogPane() const { return m_eventPane; }
    AlertModel *alertModel() const { return m_alertModel; }
    AlertListPane *alertList() const { return m_alertList; }
    AnomalyTimeline *anomalyTimeline() const { return m_timeline; }
    AlertDetailPane *alertDetail() const { return m_alertDetail; }
    SilenceModel *silenceModel() const { return m_silenceModel; }
    SilencesPane *silencesPane() const { return m_silencesPane; }
    MetricsBrowserPane *metricsBrowser() const { return m_metricsBrowser; }
    ChartPanel *chartPanel() const { return m_chartPanel; }
    DeploymentModel *deploymentModel() const { return m_deploymentModel; }
    DeploymentsPane *deploymentsPane() const { return m_deploymentsPane; }
    ExplanationView *explanationView() const { return m_explanationView; }
    WhatIfPanel *whatIfPanel() const { return m_whatIfPanel; }
    BackendObjectModel *backendObjectModel() const { return m_backendModel; }
    BackendsPane *backendsPane() const { return m_backendsPane; }
    /// P4 fabric (issue 7): the rule editor and the connections/SLA pane.
    P4RuleEditor *p4RuleEditor() const { return m_p4Editor; }
    NetworkPane *networkPane() const { return m_networkPane; }
    /// Carry out a backend action on an object (cancel a job, migrate a VM, ...): destructive
    /// ones are confirmed first, migrate asks for the target host.
    void requestBackendAction(const QString &objectId, const QString &action);
    /// A window with a job's output or a VM's serial console (refreshable; deleted on close).
    QDialog *showBackendLog(const QString &objectId);
    /// Send a backend action without asking (what the confirmation leads to).
    void invokeBackendAction(const QString &objectId, const QString &action, const QVariantMap &arguments);
    ResourceSearchBox *searchBox() const { return m_searchBox; }
    QAction *whatIfAction() const { return m_whatIfAction; }

    /// Workloads > Place Workload…: the placement dialog (non-modal, deleted on close).
    PlacementDialog *openPlacementDialog();
    /// Explain a deployment's workload in the explanation pane.
    void explainDeployment(const QString &deploymentId);
    /// Pin a deployment to a node: checks feasibility first, warns with the reason and offers
    /// "Pin Anyway" when the node cannot take it.
    void requestPin(const QString &deploymentId, const QString &nodeId);

    /// Show an alert in the list, on the timeline and in the detail pane.
    void selectAlert(const QString &alertId);
    /// Chart series in the series chart pane and bring it forward.
    void chartSeries(const QList<SeriesBatch> &series);

    /// Restore window geometry and dock layout saved on the last close.
    void restoreLayout();

    /// Ask for a reason, then set the selected node's state (Node menu).
    void requestNodeState(NodeState state);

Q_SIGNALS:
    /// An operator action finished; message is what the status bar shows.
    void nodeActionFinished(bool succeeded, const QString &message);
    /// An alert or silence action finished; message is what the status bar shows.
    void alertActionFinished(bool succeeded, const QString &message);
    /// A placement action (submit, pin, terminate, re-optimise) finished.
    void placementActionFinished(bool succeeded, const QString &message);
    /// A backend action (cancel job, start/stop/migrate VM) was accepted or refused.
    void backendActionFinished(bool succeeded, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createAnomalyDocks();
    void createTelemetryDocks();
    void createPlacementDocks();
    void createBackendDocks();
    void createNetworkDocks();
    void showCanvasMenu(EntityKind kind, const QString &id, const QPoint &screenPos);
    void chooseNodeForPin(const QString &deploymentId);
    void confirmTerminate(const QString &deploymentId);
    void requestReoptimize(const QSet<QString> &nodes);
    void setWhatIfMode(bool on);
    void finishPlacementAction(bool succeeded, const QString &message);
    void finishBackendAction(bool succeeded, const QString &message);
    QDockWidget *addPane(QWidget *pane, const QString &title, const QString &objectName);
    QAction *paneAction(QDockWidget *dock, const QString &text, const QString &objectName, const QKeySequence &shortcut);
    void showActionResult(bool succeeded, const QString &message);
    void createStatusBar();
    void onSelectionChanged(EntityKind kind, const QString &id);
    void refreshInspector();
    void updateLiveInspectorValues();
    void onInventoryChanged(const QList<InventoryDelta> &deltas);
    void onStatusChanged(const EngineStatus &status);
    void onConnectionStateChanged();
    void updateNodeActions();
    void updateEmptyCanvas();
    void showConnectDialog();
    void showPluginsDialog();
    void showAbout();

    QPointer<IControlPlane> m_controlPlane;
    QList<QMetaObject::Connection> m_connections;
    ControlPlaneFactory m_factory;
    ThemeKind m_theme = ThemeKind::Unknown;

    TopologyScene *m_scene;
    TopologyView *m_view;
    TopologyLegend *m_legend = nullptr;
    QLabel *m_emptyCanvas = nullptr;
    InspectorPane *m_inspector;
    LiveChart *m_chart;
    EventLogModel *m_eventModel;
    EventLogPane *m_eventPane;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_chartDock = nullptr;
    QDockWidget *m_eventDock = nullptr;
    AlertModel *m_alertModel;
    AlertListPane *m_alertList = nullptr;
    AnomalyTimeline *m_timeline = nullptr;
    AlertDetailPane *m_alertDetail = nullptr;
    SilenceModel *m_silenceModel;
    SilencesPane *m_silencesPane = nullptr;
    MetricsBrowserPane *m_metricsBrowser = nullptr;
    ChartPanel *m_chartPanel = nullptr;
    QDockWidget *m_alertDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QDockWidget *m_alertDetailDock = nullptr;
    QDockWidget *m_silencesDock = nullptr;
    QDockWidget *m_metricsDock = nullptr;
    QDockWidget *m_seriesChartDock = nullptr;
    QList<QAction *> m_paneActions;
    DeploymentModel *m_deploymentModel = nullptr;
    DeploymentsPane *m_deploymentsPane = nullptr;
    BackendObjectModel *m_backendModel = nullptr;
    BackendsPane *m_backendsPane = nullptr;
    QDockWidget *m_backendsDock = nullptr;
    P4RuleEditor *m_p4Editor = nullptr;
    NetworkPane *m_networkPane = nullptr;
    QDockWidget *m_p4Dock = nullptr;
    QDockWidget *m_fabricDock = nullptr;
    ExplanationView *m_explanationView = nullptr;
    WhatIfPanel *m_whatIfPanel = nullptr;
    ResourceSearchBox *m_searchBox = nullptr;
    QDockWidget *m_deploymentsDock = nullptr;
    QDockWidget *m_explanationDock = nullptr;
    QDockWidget *m_whatIfDock = nullptr;
    QAction *m_placeAction = nullptr;
    QAction *m_whatIfAction = nullptr;

    QAction *m_connectAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_darkAction = nullptr;
    QAction *m_lightAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_cordonAction = nullptr;
    QAction *m_drainAction = nullptr;
    QAction *m_uncordonAction = nullptr;
    QAction *m_pluginsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;

    QLabel *m_connectionLabel = nullptr;
    QLabel *m_engineLabel = nullptr;
    QLabel *m_nodesLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_revisionLabel = nullptr;
    QTimer m_liveTimer;
    qint64 m_lastSamplesTotal = -1;
    qint64 m_lastSamplesAtMs = 0;
    double m_samplesPerSecond = 0.0;
};

} // namespace Continuo::Gui
