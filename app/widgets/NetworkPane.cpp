#include "widgets/NetworkPane.h"

#include "charts/FlowLatencyChart.h"
#include "control/IControlPlane.h"
#include "dialogs/ConnectionDialog.h"
#include "models/ConnectionModel.h"
#include "models/RerouteModel.h"
#include "models/SlaRuleModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Continuo::Gui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, int sortRole, const QString &name, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(22);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QToolButton *toolButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

} // namespace

NetworkPane::NetworkPane(QWidget *parent)
    : QWidget(parent)
    , m_connections(new ConnectionModel(this))
    , m_rules(new SlaRuleModel(this))
    , m_reroutes(new RerouteModel(this))
    , m_chart(new FlowLatencyChart)
    , m_tabs(new QTabWidget)
    , m_newAction(new QAction(tr("&New Connection…"), this))
    , m_editAction(new QAction(tr("&Edit Connection…"), this))
    , m_removeAction(new QAction(tr("&Remove Connection…"), this))
    , m_rerouteAction(new QAction(tr("Reroute &Avoiding…"), this))
    , m_restoreAction(new QAction(tr("Re&store Path"), this))
    , m_newRuleAction(new QAction(tr("New &SLA Rule"), this))
    , m_removeRuleAction(new QAction(tr("Remove SLA R&ule"), this))
    , m_ruleConnection(new QComboBox)
    , m_ruleMetric(new QComboBox)
    , m_ruleThreshold(new QDoubleSpinBox)
    , m_rulePersistence(new QSpinBox)
    , m_ruleWindow(new QSpinBox)
    , m_ruleReroute(new QCheckBox(tr("Re&route on violation")))
    , m_ruleEnabled(new QCheckBox(tr("E&nabled")))
    , m_ruleError(new QLabel)
    , m_ruleSave(new QPushButton(tr("Sa&ve Rule")))
{
    setObjectName(QStringLiteral("networkPane"));
    m_connectionView = makeTable(m_connections, ConnectionModel::SortRole, QStringLiteral("connectionTable"), this);
    m_slaView = makeTable(m_rules, SlaRuleModel::SortRole, QStringLiteral("slaRuleTable"), this);
    m_rerouteView = makeTable(m_reroutes, RerouteModel::SortRole, QStringLiteral("rerouteTable"), this);
    m_connectionView->setColumnWidth(ConnectionModel::NameColumn, 140);
    m_connectionView->setColumnWidth(ConnectionModel::EndpointsColumn, 260);
    m_connectionView->setColumnWidth(ConnectionModel::FlowColumn, 60);
    m_connectionView->setColumnWidth(ConnectionModel::PathColumn, 160);
    m_connectionView->setColumnWidth(ConnectionModel::BackupColumn, 140);
    m_rerouteView->setColumnWidth(RerouteModel::TimeColumn, 170);
    m_rerouteView->setColumnWidth(RerouteModel::PathsColumn, 240);

    const auto setup = [this](QAction *action, const QString &name, const QString &tip) {
        action->setObjectName(name);
        action->setToolTip(tip);
    };
    setup(m_newAction, QStringLiteral("actionNewConnection"), tr("Connect two hosts or pods through the fabric"));
    setup(m_editAction, QStringLiteral("actionEditConnection"), tr("Change the selected connection"));
    setup(m_removeAction, QStringLiteral("actionRemoveConnection"), tr("Remove the selected connection and its entries"));
    setup(m_rerouteAction, QStringLiteral("actionRerouteConnection"), tr("Move the selected connection off a switch"));
    setup(m_restoreAction, QStringLiteral("actionRestorePath"), tr("Move the selected connection back to its own path"));
    setup(m_newRuleAction, QStringLiteral("actionNewSlaRule"), tr("Start a new SLA rule in the editor"));
    setup(m_removeRuleAction, QStringLiteral("actionRemoveSlaRule"), tr("Remove the selected SLA rule"));
    connect(m_newAction, &QAction::triggered, this, [this] { openConnectionDialog(); });
    connect(m_editAction, &QAction::triggered, this, [this] {
        if (!selectedConnectionId().isEmpty())
            openConnectionDialog(selectedConnectionId());
    });
    connect(m_removeAction, &QAction::triggered, this, &NetworkPane::confirmRemove);
    connect(m_rerouteAction, &QAction::triggered, this, &NetworkPane::askReroute);
    connect(m_restoreAction, &QAction::triggered, this, [this] {
        if (!selectedConnectionId().isEmpty())
            rerouteConnection(selectedConnectionId(), {});
    });
    connect(m_newRuleAction, &QAction::triggered, this, [this] {
        SlaRule rule;
        rule.connectionId = selectedConnectionId();
        rule.thresholdMs = 1.0;
        m_slaView->clearSelection();
        loadSlaRule(rule);
        m_tabs->setCurrentIndex(1);
        m_ruleThreshold->setFocus();
    });
    connect(m_removeRuleAction, &QAction::triggered, this, &NetworkPane::removeSelectedSlaRule);
    connect(m_connectionView, &QAbstractItemView::doubleClicked, m_editAction, &QAction::trigger);
    m_connectionView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_connectionView->addActions({m_editAction, m_rerouteAction, m_restoreAction, m_removeAction});
    connect(m_connections, &ConnectionModel::telemetryToggleRequested, this, &NetworkPane::setTelemetry);
    connect(m_connectionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NetworkPane::onConnectionChanged);
    connect(m_connections, &QAbstractItemModel::modelReset, this, &NetworkPane::onConnectionChanged);
    connect(m_connections, &QAbstractItemModel::dataChanged, this, &NetworkPane::onConnectionChanged);

    // Connections tab.
    auto *connectionsTab = new QWidget;
    auto *connectionsLayout = new QVBoxLayout(connectionsTab);
    connectionsLayout->setContentsMargins(0, 0, 0, 0);
    connectionsLayout->addWidget(m_connectionView, 1);
    auto *connectionButtons = new QHBoxLayout;
    for (QAction *action : {m_newAction, m_editAction, m_rerouteAction, m_restoreAction, m_removeAction})
        connectionButtons->addWidget(toolButton(action));
    connectionButtons->addStretch(1);
    connectionsLayout->addLayout(connectionButtons);

    // SLA tab: the rules and the editor beside them.
    m_ruleConnection->setObjectName(QStringLiteral("slaConnection"));
    m_ruleMetric->setObjectName(QStringLiteral("slaMetric"));
    m_ruleMetric->addItem(SlaRuleModel::metricText(SlaMetric::AvgLatency), int(SlaMetric::AvgLatency));
    m_ruleMetric->addItem(SlaRuleModel::metricText(SlaMetric::MaxLatency), int(SlaMetric::MaxLatency));
    m_ruleThreshold->setObjectName(QStringLiteral("slaThreshold"));
    m_ruleThreshold->setRange(0.0, 600'000.0);
    m_ruleThreshold->setDecimals(3);
    m_ruleThreshold->setSuffix(tr(" ms"));
    m_ruleThreshold->setToolTip(tr("Hop latency on any switch of the flow above this violates"));
    m_rulePersistence->setObjectName(QStringLiteral("slaPersistence"));
    m_rulePersistence->setRange(0, 3'600'000);
    m_rulePersistence->setSuffix(tr(" ms"));
    m_rulePersistence->setToolTip(tr("How long the violation must last (0: the first violating postcard)"));
    m_ruleWindow->setObjectName(QStringLiteral("slaWindow"));
    m_ruleWindow->setRange(1, 3'600'000);
    m_ruleWindow->setSuffix(tr(" ms"));
    m_ruleWindow->setToolTip(tr("Averaging window of the average metric"));
    m_ruleReroute->setObjectName(QStringLiteral("slaReroute"));
    m_ruleEnabled->setObjectName(QStringLiteral("slaEnabled"));
    m_ruleError->setObjectName(QStringLiteral("slaError"));
    m_ruleError->setWordWrap(true);
    m_ruleSave->setObjectName(QStringLiteral("slaSave"));
    connect(m_ruleSave, &QPushButton::clicked, this, &NetworkPane::saveSlaRule);
    connect(m_ruleConnection, &QComboBox::currentIndexChanged, this, &NetworkPane::updateRuleForm);
    connect(m_ruleMetric, &QComboBox::currentIndexChanged, this, &NetworkPane::updateRuleForm);
    connect(m_ruleThreshold, &QDoubleSpinBox::valueChanged, this, &NetworkPane::updateRuleForm);
    connect(m_rulePersistence, &QSpinBox::valueChanged, this, &NetworkPane::updateRuleForm);
    connect(m_ruleWindow, &QSpinBox::valueChanged, this, &NetworkPane::updateRuleForm);
    connect(m_slaView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid())
            return;
        if (const SlaRule *rule = m_rules->find(current.data(SlaRuleModel::RuleIdRole).toString()))
            loadSlaRule(*rule);
    });
    auto *ruleBox = new QGroupBox(tr("SLA Rule"));
    auto *ruleForm = new QFormLayout(ruleBox);
    ruleForm->addRow(tr("&Connection:"), m_ruleConnection);
    ruleForm->addRow(tr("&Metric:"), m_ruleMetric);
    ruleForm->addRow(tr("&Threshold:"), m_ruleThreshold);
    ruleForm->addRow(tr("&Persistence:"), m_rulePersistence);
    ruleForm->addRow(tr("&Window:"), m_ruleWindow);
    ruleForm->addRow(QString(), m_ruleReroute);
    ruleForm->addRow(QString(), m_ruleEnabled);
    ruleForm->addRow(m_ruleError);
    auto *ruleButtons = new QHBoxLayout;
    ruleButtons->addWidget(toolButton(m_newRuleAction));
    ruleButtons->addWidget(toolButton(m_removeRuleAction));
    ruleButtons->addStretch(1);
    ruleButtons->addWidget(m_ruleSave);
    ruleForm->addRow(ruleButtons);
    auto *slaTab = new QSplitter(Qt::Horizontal);
    slaTab->addWidget(m_slaView);
    slaTab->addWidget(ruleBox);
    slaTab->setStretchFactor(0, 3);
    slaTab->setStretchFactor(1, 2);

    m_tabs->setObjectName(QStringLiteral("networkTabs"));
    m_tabs->addTab(connectionsTab, tr("&Connections"));
    m_tabs->addTab(slaTab, tr("SLA R&ules"));
    m_tabs->addTab(m_rerouteView, tr("Reroute &History"));

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    loadSlaRule(SlaRule{});
    updateActions();
}

NetworkPane::~NetworkPane()
{
    m_chart->setControlPlane(nullptr);
}

void NetworkPane::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    disconnect(m_eventsConnection);
    m_controlPlane = controlPlane;
    m_chart->setControlPlane(controlPlane);
    m_connections->setConnections({});
    m_rules->setRules({});
    m_reroutes->setRecords({});
    if (m_controlPlane) {
        m_eventsConnection = connect(m_controlPlane, &IControlPlane::eventsReceived, this, &NetworkPane::onEvents);
        refresh();
    }
    updateActions();
}

void NetworkPane::setColours(const CanvasColours &colours)
{
    m_chart->setColours(colours);
    QPalette palette = m_ruleError->palette();
    palette.setColor(QPalette::WindowText, colours.critical);
    m_ruleError->setPalette(palette);
}

void NetworkPane::refresh()
{
    loadConnections();
    loadRules();
    loadReroutes();
    loadSwitches();
}

void NetworkPane::onEvents(const QList<Event> &events)
{
    bool connections = false;
    bool rules = false;
    bool reroutes = false;
    bool switches = false;
    for (const Event &event : events) {
        if (!event.type.startsWith(QLatin1String("Network.")))
            continue;
        if (event.type == QLatin1String(EventTypes::NetworkConnection)) {
            connections = true;
        } else if (event.type == QLatin1String(EventTypes::NetworkReroute)) {
            connections = true;
            reroutes = true;
        } else if (event.type == QLatin1String(EventTypes::NetworkSla)) {
            rules = true;
        } else if (event.type == QLatin1String(EventTypes::NetworkSwitch)) {
            switches = true;
        }
    }
    if (connections)
        loadConnections();
    if (rules)
        loadRules();
    if (reroutes)
        loadReroutes();
    if (switches)
        loadSwitches();
}

void NetworkPane::loadConnections()
{
    if (!m_controlPlane)
        return;
    ++m_pendingLoads;
    m_controlPlane->connections(this, [this](const Result<QList<Connection>> &result) {
        if (result) {
            const QString selected = m_selectAfterLoad.isEmpty() ? selectedConnectionId() : m_selectAfterLoad;
            if (std::any_of(result->cbegin(), result->cend(), [&](const Connection &c) { return c.id == m_selectAfterLoad; }))
                m_selectAfterLoad.clear();
            m_connections->setConnections(*result);
            if (!selected.isEmpty())
                selectConnection(selected);
            QHash<QString, QString> names;
            const QString ruleConnection = m_ruleConnection->currentData().toString();
            {
                const QSignalBlocker blocker(m_ruleConnection);
                m_ruleConnection->clear();
                for (const Connection &connection : *result) {
                    const QString name = connection.name.isEmpty() ? connection.id : connection.name;
                    names.insert(connection.id, name);
                    m_ruleConnection->addItem(tr("%1 (flow %2)").arg(name).arg(connection.flowId), connection.id);
                }
                const int index = m_ruleConnection->findData(ruleConnection);
                if (index >= 0)
                    m_ruleConnection->setCurrentIndex(index);
                else if (!ruleConnection.isEmpty()) {
                    // A rule about a connection that no longer exists still shows what it names.
                    m_ruleConnection->addItem(ruleConnection, ruleConnection);
                    m_ruleConnection->setCurrentIndex(m_ruleConnection->count() - 1);
                }
            }
            m_rules->setConnectionNames(names);
            onConnectionChanged();
            updateRuleForm();
        } else {
            finish(false, tr("Cannot list the connections: %1").arg(result.error()));
        }
        if (--m_pendingLoads == 0)
            Q_EMIT refreshed();
    });
}

void NetworkPane::loadRules()
{
    if (!m_controlPlane)
        return;
    ++m_pendingLoads;
    m_controlPlane->slaRules(this, [this](const Result<QList<SlaRule>> &result) {
        if (result) {
            m_rules->setRules(*result);
            double tightest = 0.0;
            for (const SlaRule &rule : *result) {
                if (rule.enabled && rule.thresholdMs > 0 && (tightest == 0.0 || rule.thresholdMs < tightest))
                    tightest = rule.thresholdMs;
            }
            Q_EMIT slaThresholdChanged(tightest);
            if (!m_ruleId.isEmpty()) {
                if (const int row = m_rules->rowOf(m_ruleId); row >= 0) {
                    auto *proxy = static_cast<QSortFilterProxyModel *>(m_slaView->model());
                    m_slaView->setCurrentIndex(proxy->mapFromSource(m_rules->index(row, 0)));
                }
            }
            updateChart();
        } else {
            finish(false, tr("Cannot list the SLA rules: %1").arg(result.error()));
        }
        if (--m_pendingLoads == 0)
            Q_EMIT refreshed();
    });
}

void NetworkPane::loadReroutes()
{
    if (!m_controlPlane)
        return;
    ++m_pendingLoads;
    m_controlPlane->reroutes(this, [this](const Result<QList<RerouteRecord>> &result) {
        if (result)
            m_reroutes->setRecords(*result);
        if (--m_pendingLoads == 0)
            Q_EMIT refreshed();
    });
}

void NetworkPane::loadSwitches()
{
    if (!m_controlPlane)
        return;
    m_controlPlane->p4Switches(this, [this](const Result<QList<P4SwitchStatus>> &result) {
        if (!result)
            return;
        m_switchIds.clear();
        for (const P4SwitchStatus &sw : *result)
            m_switchIds.append(sw.switchId);
        m_switchIds.sort();
    });
}

QString NetworkPane::selectedConnectionId() const
{
    const QModelIndex current = m_connectionView->currentIndex();
    return current.isValid() ? current.data(ConnectionModel::ConnectionIdRole).toString() : QString();
}

void NetworkPane::selectConnection(const QString &connectionId)
{
    const int row = m_connections->rowOf(connectionId);
    if (row < 0)
        return;
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_connectionView->model());
    const QModelIndex index = proxy->mapFromSource(m_connections->index(row, 0));
    if (index != m_connectionView->currentIndex())
        m_connectionView->setCurrentIndex(index);
}

void NetworkPane::onConnectionChanged()
{
    updateActions();
    const Connection *connection = m_connections->find(selectedConnectionId());
    const Connection shown = connection ? *connection : Connection{};
    if (shown.id == m_shown.id && shown.path == m_shown.path && shown.backupPath == m_shown.backupPath
        && shown.flowId == m_shown.flowId)
        return;
    m_shown = shown;
    updateChart();
    Q_EMIT connectionSelected(shown);
}

double NetworkPane::thresholdFor(const QString &connectionId) const
{
    double threshold = 0.0;
    for (const SlaRule &rule : m_rules->rules()) {
        if (rule.connectionId == connectionId && rule.enabled && rule.thresholdMs > 0
            && (threshold == 0.0 || rule.thresholdMs < threshold))
            threshold = rule.thresholdMs;
    }
    return threshold;
}

void NetworkPane::updateChart()
{
    if (m_shown.id.isEmpty() || m_shown.flowId == 0) {
        m_chart->clear();
        return;
    }
    m_chart->showFlow(m_shown.flowId,
                      tr("Flow %1 — %2").arg(m_shown.flowId).arg(m_shown.name.isEmpty() ? m_shown.id : m_shown.name),
                      m_shown.path, thresholdFor(m_shown.id));
}

void NetworkPane::updateActions()
{
    const bool connected = m_controlPlane;
    const Connection *connection = m_connections->find(selectedConnectionId());
    m_newAction->setEnabled(connected);
    m_editAction->setEnabled(connected && connection);
    m_removeAction->setEnabled(connected && connection);
    // Only switches strictly inside the path can be avoided.
    m_rerouteAction->setEnabled(connected && connection && connection->path.size() > 2);
    m_restoreAction->setEnabled(connected && connection && !connection->avoidedSwitches.isEmpty());
    m_newRuleAction->setEnabled(connected);
    m_removeRuleAction->setEnabled(connected && m_slaView->currentIndex().isValid());
}

void NetworkPane::finish(bool succeeded, const QString &message)
{
    Q_EMIT actionFinished(succeeded, message);
}

ConnectionDialog *NetworkPane::openConnectionDialog(const QString &editConnectionId)
{
    auto *dialog = new ConnectionDialog(m_controlPlane, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSwitches(m_switchIds);
    if (const Connection *connection = m_connections->find(editConnectionId))
        dialog->setConnection(*connection);
    connect(dialog, &ConnectionDialog::created, this, [this](const Connection &connection) {
        finish(true, tr("Connection %1 uses %2.")
                         .arg(connection.name.isEmpty() ? connection.id : connection.name,
                              ConnectionModel::pathText(connection.path)));
        m_selectAfterLoad = connection.id;
        loadConnections();
    });
    dialog->show();
    return dialog;
}

void NetworkPane::setTelemetry(const QString &connectionId, bool on)
{
    const Connection *found = m_connections->find(connectionId);
    if (!m_controlPlane || !found)
        return;
    Connection connection = *found;
    connection.telemetry = on;
    m_controlPlane->upsertConnection(connection, false, this, [this, connectionId, on](const Result<Connection> &result) {
        if (result)
            finish(true, on ? tr("Telemetry on for %1.").arg(connectionId) : tr("Telemetry off for %1.").arg(connectionId));
        else
            finish(false, tr("Cannot turn telemetry %1 for %2: %3")
                              .arg(on ? tr("on") : tr("off"), connectionId, result.error()));
        loadConnections(); // shows the real state either way
    });
}

void NetworkPane::askReroute()
{
    const Connection *connection = m_connections->find(selectedConnectionId());
    if (!connection || connection->path.size() <= 2)
        return;
    const QStringList inner = connection->path.mid(1, connection->path.size() - 2);
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("rerouteDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Reroute %1").arg(connection->name.isEmpty() ? connection->id : connection->name));
    dialog->setLabelText(tr("Move the connection off switch:"));
    dialog->setComboBoxItems(inner);
    dialog->setOkButtonText(tr("Reroute"));
    const QString id = connection->id;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString &sw) {
        rerouteConnection(id, {sw});
    });
    dialog->open();
}

void NetworkPane::rerouteConnection(const QString &connectionId, const QStringList &avoidSwitches)
{
    if (!m_controlPlane)
        return;
    m_controlPlane->rerouteConnection(connectionId, avoidSwitches, this,
                                      [this, connectionId, avoidSwitches](const Result<Connection> &result) {
        if (!result) {
            finish(false, tr("Cannot reroute %1: %2").arg(connectionId, result.error()));
            return;
        }
        finish(true, avoidSwitches.isEmpty()
                         ? tr("%1 is back on %2.").arg(connectionId, ConnectionModel::pathText(result->path))
                         : tr("%1 now avoids %2: %3.")
                               .arg(connectionId, avoidSwitches.join(QStringLiteral(", ")),
                                    ConnectionModel::pathText(result->path)));
        loadConnections();
        loadReroutes();
    });
}

void NetworkPane::confirmRemove()
{
    const Connection *connection = m_connections->find(selectedConnectionId());
    if (!connection)
        return;
    const QString id = connection->id;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Connection"),
                                tr("Remove %1 and delete its entries from every switch of its path?")
                                    .arg(connection->name.isEmpty() ? id : connection->name),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeConnectionBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    connect(remove, &QPushButton::clicked, this, [this, id] { removeConnection(id); });
    box->open();
}

void NetworkPane::removeConnection(const QString &connectionId)
{
    if (!m_controlPlane)
        return;
    m_controlPlane->removeConnection(connectionId, this, [this, connectionId](const Result<void> &result) {
        finish(result.hasValue(), result ? tr("Connection %1 removed.").arg(connectionId)
                                         : tr("Cannot remove %1: %2").arg(connectionId, result.error()));
        loadConnections();
    });
}

SlaRule NetworkPane::slaRuleFromForm() const
{
    SlaRule rule;
    rule.connectionId = m_ruleConnection->currentData().toString();
    rule.metric = SlaMetric(m_ruleMetric->currentData().toInt());
    rule.id = m_ruleId;
    if (rule.id.isEmpty() && !rule.connectionId.isEmpty()) {
        // A new rule: "sla-<connection>-<metric>", numbered when that is taken.
        const QString base = QStringLiteral("sla-%1-%2").arg(rule.connectionId, toString(rule.metric));
        rule.id = base;
        for (int n = 2; m_rules->find(rule.id); ++n)
            rule.id = base + QLatin1Char('-') + QString::number(n);
    }
    rule.thresholdMs = m_ruleThreshold->value();
    rule.persistenceMs = m_rulePersistence->value();
    rule.windowMs = m_ruleWindow->value();
    rule.reroute = m_ruleReroute->isChecked();
    rule.enabled = m_ruleEnabled->isChecked();
    return rule;
}

void NetworkPane::loadSlaRule(const SlaRule &rule)
{
    m_ruleId = rule.id;
    int index = m_ruleConnection->findData(rule.connectionId);
    if (index < 0 && !rule.connectionId.isEmpty()) {
        m_ruleConnection->addItem(rule.connectionId, rule.connectionId);
        index = m_ruleConnection->count() - 1;
    }
    m_ruleConnection->setCurrentIndex(index);
    m_ruleMetric->setCurrentIndex(std::max(0, m_ruleMetric->findData(int(rule.metric))));
    m_ruleThreshold->setValue(rule.thresholdMs);
    m_rulePersistence->setValue(int(rule.persistenceMs));
    m_ruleWindow->setValue(int(rule.windowMs));
    m_ruleReroute->setChecked(rule.reroute);
    m_ruleEnabled->setChecked(rule.enabled);
    m_ruleSave->setText(rule.id.isEmpty() ? tr("Cre&ate Rule") : tr("Sa&ve Rule"));
    updateRuleForm();
}

void NetworkPane::updateRuleForm()
{
    const Result<void> valid = validateSlaRule(slaRuleFromForm());
    m_ruleError->setText(valid ? QString() : valid.error());
    m_ruleSave->setEnabled(valid.hasValue() && m_controlPlane);
    updateActions();
}

void NetworkPane::saveSlaRule()
{
    const SlaRule rule = slaRuleFromForm();
    if (!m_controlPlane || !validateSlaRule(rule))
        return;
    m_ruleId = rule.id; // a new rule keeps the id it was saved under
    m_controlPlane->upsertSlaRule(rule, this, [this, rule](const Result<void> &result) {
        if (!result) {
            m_ruleError->setText(tr("The rule is refused: %1").arg(result.error()));
            finish(false, tr("Cannot save the SLA rule: %1").arg(result.error()));
            return;
        }
        finish(true, tr("SLA rule saved: %1 above %2 ms on %3.")
                         .arg(SlaRuleModel::metricText(rule.metric))
                         .arg(rule.thresholdMs)
                         .arg(rule.connectionId));
        loadRules();
    });
}

void NetworkPane::removeSelectedSlaRule()
{
    const QModelIndex current = m_slaView->currentIndex();
    if (!m_controlPlane || !current.isValid())
        return;
    const QString id = current.data(SlaRuleModel::RuleIdRole).toString();
    m_controlPlane->removeSlaRule(id, this, [this, id](const Result<void> &result) {
        finish(result.hasValue(), result ? tr("SLA rule %1 removed.").arg(id)
                                         : tr("Cannot remove the SLA rule %1: %2").arg(id, result.error()));
        if (result && m_ruleId == id)
            loadSlaRule(SlaRule{});
        loadRules();
    });
}

} // namespace Continuo::Gui
