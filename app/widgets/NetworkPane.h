#pragma once

#include "network/NetworkTypes.h"
#include "widgets/Theme.h"

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
struct Event;
}

namespace Continuo::Gui {

class ConnectionDialog;
class ConnectionModel;
class FlowLatencyChart;
class RerouteModel;
class SlaRuleModel;

/// The "Fabric" pane: connections (telemetry on/off in place; new, edit, remove, reroute
/// avoiding a switch, restore the path), SLA rules with their editor, and the reroute history,
/// beside the per-hop latency chart of the selected connection's flow. Refreshes on
/// "Network.*" events only; the window highlights the selected connection's path.
class NetworkPane : public QWidget
{
    Q_OBJECT
public:
    explicit NetworkPane(QWidget *parent = nullptr);
    ~NetworkPane() override;

    void setControlPlane(IControlPlane *controlPlane);
    void setColours(const CanvasColours &colours);

    ConnectionModel *connectionModel() const { return m_connections; }
    SlaRuleModel *slaRuleModel() const { return m_rules; }
    RerouteModel *rerouteModel() const { return m_reroutes; }
    FlowLatencyChart *chart() const { return m_chart; }
    QTableView *connectionView() const { return m_connectionView; }
    QTableView *slaView() const { return m_slaView; }
    QTableView *rerouteView() const { return m_rerouteView; }
    QTabWidget *tabs() const { return m_tabs; }

    QAction *newConnectionAction() const { return m_newAction; }
    QAction *editConnectionAction() const { return m_editAction; }
    QAction *removeConnectionAction() const { return m_removeAction; }
    QAction *rerouteAction() const { return m_rerouteAction; }
    QAction *restoreAction() const { return m_restoreAction; }
    QAction *newSlaRuleAction() const { return m_newRuleAction; }

    QString selectedConnectionId() const;
    void selectConnection(const QString &connectionId);
    /// The dialog for a new connection, or to edit one (non-modal, deleted on close).
    ConnectionDialog *openConnectionDialog(const QString &editConnectionId = {});
    /// Ask for a reroute of a connection off these switches (empty: back to its own path).
    void rerouteConnection(const QString &connectionId, const QStringList &avoidSwitches);
    void removeConnection(const QString &connectionId);
    void setTelemetry(const QString &connectionId, bool on);

    // SLA editor: the rule the form describes, loading one, saving it.
    SlaRule slaRuleFromForm() const;
    void loadSlaRule(const SlaRule &rule);
    void saveSlaRule();
    void removeSelectedSlaRule();
    QPushButton *slaSaveButton() const { return m_ruleSave; }
    QLabel *slaErrorLabel() const { return m_ruleError; }
    QComboBox *slaConnectionCombo() const { return m_ruleConnection; }
    QComboBox *slaMetricCombo() const { return m_ruleMetric; }
    QDoubleSpinBox *slaThresholdSpin() const { return m_ruleThreshold; }
    QSpinBox *slaPersistenceSpin() const { return m_rulePersistence; }
    QSpinBox *slaWindowSpin() const { return m_ruleWindow; }
    QCheckBox *slaRerouteCheck() const { return m_ruleReroute; }
    QCheckBox *slaEnabledCheck() const { return m_ruleEnabled; }

    /// Re-read connections, SLA rules, reroutes and switches.
    void refresh();

Q_SIGNALS:
    /// The selected connection (or its path) changed; an empty id: none selected.
    void connectionSelected(const Continuo::Connection &connection);
    /// The tightest enabled SLA threshold (ms), 0 without rules: the topology's colour scale.
    void slaThresholdChanged(double thresholdMs);
    /// An action finished; message is what the status bar shows.
    void actionFinished(bool succeeded, const QString &message);
    /// A refresh finished (connections, rules and reroutes are current).
    void refreshed();

private:
    void onEvents(const QList<Event> &events);
    void loadConnections();
    void loadRules();
    void loadReroutes();
    void loadSwitches();
    void onConnectionChanged();
    void updateActions();
    void updateRuleForm();
    void updateChart();
    double thresholdFor(const QString &connectionId) const;
    void askReroute();
    void confirmRemove();
    void finish(bool succeeded, const QString &message);

    QPointer<IControlPlane> m_controlPlane;
    QMetaObject::Connection m_eventsConnection;
    ConnectionModel *m_connections;
    SlaRuleModel *m_rules;
    RerouteModel *m_reroutes;
    FlowLatencyChart *m_chart;
    QTabWidget *m_tabs;
    QTableView *m_connectionView;
    QTableView *m_slaView;
    QTableView *m_rerouteView;
    QAction *m_newAction;
    QAction *m_editAction;
    QAction *m_removeAction;
    QAction *m_rerouteAction;
    QAction *m_restoreAction;
    QAction *m_newRuleAction;
    QAction *m_removeRuleAction;
    QComboBox *m_ruleConnection;
    QComboBox *m_ruleMetric;
    QDoubleSpinBox *m_ruleThreshold;
    QSpinBox *m_rulePersistence;
    QSpinBox *m_ruleWindow;
    QCheckBox *m_ruleReroute;
    QCheckBox *m_ruleEnabled;
    QLabel *m_ruleError;
    QPushButton *m_ruleSave;
    QString m_ruleId; ///< rule in the form; empty: a new one
    QStringList m_switchIds;
    Connection m_shown; ///< last connection announced by connectionSelected
    QString m_selectAfterLoad; ///< a connection just created: select it once it is listed
    int m_pendingLoads = 0;
};

} // namespace Continuo::Gui
