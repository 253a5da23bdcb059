#include "widgets/P4RuleEditor.h"

#include "control/IControlPlane.h"
#include "models/P4EntryModel.h"
#include "widgets/P4EntryForm.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Continuo::Gui {

namespace {
/// Diff listings stop here; the counts above them are complete.
constexpr int MaxListedEntries = 500;
} // namespace

P4RuleEditor::P4RuleEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new P4EntryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_switch(new QComboBox)
    , m_table(new QComboBox)
    , m_filter(new QLineEdit)
    , m_view(new QTableView)
    , m_status(new QLabel)
    , m_form(new P4EntryForm)
    , m_stageButton(new QPushButton(tr("&Stage Entry")))
    , m_newButton(new QPushButton(tr("&New")))
    , m_diffButton(new QPushButton(tr("D&iff")))
    , m_applyButton(new QPushButton(tr("A&pply")))
    , m_packet(new QLineEdit)
    , m_dryRunButton(new QPushButton(tr("Dry-&run Packet")))
    , m_output(new QPlainTextEdit)
    , m_newAction(new QAction(tr("&New Entry"), this))
    , m_editAction(new QAction(tr("&Edit Entry"), this))
    , m_deleteAction(new QAction(tr("&Delete Entry"), this))
    , m_discardAction(new QAction(tr("Di&scard Pending Changes"), this))
    , m_countersAction(new QAction(tr("Refresh &Counters"), this))
    , m_applyActionMenu(new QAction(tr("&Apply P4 Entries"), this))
    , m_diffActionMenu(new QAction(tr("&Diff P4 Entries"), this))
{
    setObjectName(QStringLiteral("p4RuleEditor"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(P4EntryModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_switch->setObjectName(QStringLiteral("p4Switch"));
    m_switch->setToolTip(tr("Switch whose entries to show"));
    m_switch->setMinimumContentsLength(14);
    m_table->setObjectName(QStringLiteral("p4Table"));
    m_table->setToolTip(tr("Table of the switch's program"));
    m_table->setMinimumContentsLength(14);
    m_filter->setObjectName(QStringLiteral("p4Filter"));
    m_filter->setPlaceholderText(tr("Filter entries"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_switch, &QComboBox::currentIndexChanged, this, &P4RuleEditor::loadProgram);
    connect(m_table, &QComboBox::currentIndexChanged, this, &P4RuleEditor::loadTable);

    m_view->setObjectName(QStringLiteral("p4EntryTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Thousands of rows: fixed row heights, no per-row sizing.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &P4RuleEditor::editSelected);

    const auto setupAction = [this](QAction *action, const QString &name, const QKeySequence &shortcut,
                                    const QString &tip) {
        action->setObjectName(name);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tip);
        addAction(action);
    };
    setupAction(m_newAction, QStringLiteral("actionP4NewEntry"), QKeySequence(tr("Ctrl+Shift+N")),
                tr("Start a new entry in the form"));
    setupAction(m_editAction, QStringLiteral("actionP4EditEntry"), QKeySequence(tr("Ctrl+E")),
                tr("Load the selected entry into the form"));
    setupAction(m_deleteAction, QStringLiteral("actionP4DeleteEntry"), QKeySequence::Delete,
                tr("Stage the deletion of the selected entry"));
    setupAction(m_discardAction, QStringLiteral("actionP4Discard"), {}, tr("Forget every staged change"));
    setupAction(m_countersAction, QStringLiteral("actionP4Counters"), QKeySequence(tr("Ctrl+Shift+U")),
                tr("Read the entries' counters from the switch now"));
    m_applyActionMenu->setObjectName(QStringLiteral("actionP4Apply"));
    m_applyActionMenu->setToolTip(tr("Write the pending changes to the switch"));
    m_diffActionMenu->setObjectName(QStringLiteral("actionP4Diff"));
    m_diffActionMenu->setToolTip(tr("What the pending changes would insert, modify and delete"));
    connect(m_newAction, &QAction::triggered, this, [this] {
        m_form->clear();
        m_view->clearSelection();
        updateButtons();
    });
    connect(m_editAction, &QAction::triggered, this, &P4RuleEditor::editSelected);
    connect(m_deleteAction, &QAction::triggered, this, &P4RuleEditor::deleteSelected);
    connect(m_discardAction, &QAction::triggered, m_model, &P4EntryModel::clearPending);
    connect(m_countersAction, &QAction::triggered, this, &P4RuleEditor::refreshCounters);
    connect(m_applyActionMenu, &QAction::triggered, this, &P4RuleEditor::apply);
    connect(m_diffActionMenu, &QAction::triggered, this, &P4RuleEditor::showDiff);

    m_stageButton->setObjectName(QStringLiteral("p4Stage"));
    m_stageButton->setToolTip(tr("Add the entry in the form to the pending changes"));
    m_newButton->setObjectName(QStringLiteral("p4New"));
    m_diffButton->setObjectName(QStringLiteral("p4Diff"));
    m_diffButton->setToolTip(m_diffActionMenu->toolTip());
    m_applyButton->setObjectName(QStringLiteral("p4Apply"));
    m_applyButton->setToolTip(m_applyActionMenu->toolTip());
    m_dryRunButton->setObjectName(QStringLiteral("p4DryRun"));
    m_dryRunButton->setToolTip(tr("Which entry this packet would hit, with the pending changes applied"));
    connect(m_stageButton, &QPushButton::clicked, this, &P4RuleEditor::stageForm);
    connect(m_newButton, &QPushButton::clicked, m_newAction, &QAction::trigger);
    connect(m_diffButton, &QPushButton::clicked, this, &P4RuleEditor::showDiff);
    connect(m_applyButton, &QPushButton::clicked, this, &P4RuleEditor::apply);
    connect(m_dryRunButton, &QPushButton::clicked, this, &P4RuleEditor::dryRunPacket);
    m_packet->setObjectName(QStringLiteral("p4Packet"));
    m_packet->setPlaceholderText(tr("in_port=1 ip_src=10.0.0.1 ip_dst=10.0.0.2 proto=6 dport=80"));
    connect(m_packet, &QLineEdit::returnPressed, this, &P4RuleEditor::dryRunPacket);
    connect(m_packet, &QLineEdit::textChanged, this, &P4RuleEditor::updateButtons);
    m_output->setObjectName(QStringLiteral("p4Output"));
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setPlaceholderText(tr("Diff, apply and packet dry-run results appear here."));
    m_status->setObjectName(QStringLiteral("p4Status"));

    connect(m_form, &P4EntryForm::validityChanged, this, &P4RuleEditor::updateButtons);
    connect(m_form, &P4EntryForm::edited, this, &P4RuleEditor::updateButtons);
    connect(m_model, &P4EntryModel::pendingChanged, this, &P4RuleEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &P4RuleEditor::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &P4RuleEditor::updateButtons);

    // Layout: pickers on top; entries left; form, actions and output right.
    auto *pickers = new QHBoxLayout;
    auto *switchLabel = new QLabel(tr("S&witch:"));
    switchLabel->setBuddy(m_switch);
    auto *tableLabel = new QLabel(tr("&Table:"));
    tableLabel->setBuddy(m_table);
    pickers->addWidget(switchLabel);
    pickers->addWidget(m_switch);
    pickers->addWidget(tableLabel);
    pickers->addWidget(m_table);
    pickers->addWidget(m_filter, 1);
    auto *countersButton = new QToolButton;
    countersButton->setDefaultAction(m_countersAction);
    countersButton->setAutoRaise(true);
    pickers->addWidget(countersButton);

    auto *entryButtons = new QHBoxLayout;
    for (QAction *action : {m_newAction, m_editAction, m_deleteAction, m_discardAction}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        entryButtons->addWidget(button);
    }
    entryButtons->addStretch(1);
    entryButtons->addWidget(m_status);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addLayout(entryButtons);

    auto *formBox = new QGroupBox(tr("Entry"));
    auto *formLayout = new QVBoxLayout(formBox);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    formLayout->addWidget(scroll, 1);
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(m_newButton);
    formButtons->addWidget(m_stageButton);
    formButtons->addStretch(1);
    formButtons->addWidget(m_diffButton);
    formButtons->addWidget(m_applyButton);
    formLayout->addLayout(formButtons);
    auto *packetRow = new QHBoxLayout;
    auto *packetLabel = new QLabel(tr("Pac&ket:"));
    packetLabel->setBuddy(m_packet);
    packetRow->addWidget(packetLabel);
    packetRow->addWidget(m_packet, 1);
    packetRow->addWidget(m_dryRunButton);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(formBox, 3);
    rightLayout->addLayout(packetRow);
    rightLayout->addWidget(m_output, 2);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(pickers);
    layout->addWidget(splitter, 1);

    m_counterTimer.setInterval(CounterInterval);
    connect(&m_counterTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshCounters();
    });
    updateButtons();
}

P4RuleEditor::~P4RuleEditor() = default;

void P4RuleEditor::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    disconnect(m_eventsConnection);
    m_controlPlane = controlPlane;
    ++m_generation;
    {
        const QSignalBlocker blocker(m_switch);
        m_switch->clear();
    }
    m_table->clear();
    m_model->setTable({}, {});
    m_form->setTable({}, {});
    if (!m_controlPlane)
        return;
    m_eventsConnection = connect(m_controlPlane, &IControlPlane::eventsReceived, this, &P4RuleEditor::onEvents);
    loadSwitches();
}

void P4RuleEditor::setColours(const CanvasColours &colours)
{
    m_form->setColours(colours);
}

void P4RuleEditor::reload()
{
    loadSwitches();
}

void P4RuleEditor::onEvents(const QList<Event> &events)
{
    bool switches = false;
    bool entries = false;
    const QString current = currentSwitch();
    for (const Event &event : events) {
        if (!event.type.startsWith(QLatin1String("Network.")))
            continue;
        if (event.type == QLatin1String(EventTypes::NetworkSwitch))
            switches = true;
        // Connections, reroutes and SLA changes rewrite entries too.
        else if (event.subjectId.isEmpty() || event.subjectId == current
                 || event.type != QLatin1String(EventTypes::NetworkEntries))
            entries = true;
    }
    if (switches)
        loadSwitches();
    else if (entries)
        loadEntries();
}

void P4RuleEditor::loadSwitches()
{
    if (!m_controlPlane)
        return;
    m_controlPlane->p4Switches(this, [this](const Result<QList<P4SwitchStatus>> &result) {
        if (!result) {
            m_status->setText(tr("Cannot list the switches: %1").arg(result.error()));
            return;
        }
        const QString previous = currentSwitch();
        {
            const QSignalBlocker blocker(m_switch);
            m_switch->clear();
            for (const P4SwitchStatus &sw : *result) {
                const QString name = sw.name.isEmpty() || sw.name == sw.switchId
                                         ? sw.switchId
                                         : tr("%1 (%2)").arg(sw.name, sw.switchId);
                m_switch->addItem(sw.connected ? name : tr("%1 — disconnected").arg(name), sw.switchId);
                QString tip = tr("%1 runs %2; %3 desired, %4 installed entries")
                                  .arg(sw.switchId, sw.pipeline.isEmpty() ? tr("no program") : sw.pipeline)
                                  .arg(sw.desiredEntries)
                                  .arg(sw.installedEntries < 0 ? tr("unknown") : QString::number(sw.installedEntries));
                if (!sw.lastError.isEmpty())
                    tip += QLatin1Char('\n') + sw.lastError;
                m_switch->setItemData(m_switch->count() - 1, tip, Qt::ToolTipRole);
            }
            const int index = m_switch->findData(previous);
            m_switch->setCurrentIndex(index >= 0 ? index : (m_switch->count() > 0 ? 0 : -1));
        }
        if (m_switch->count() == 0)
            m_status->setText(tr("No P4 switch is known."));
        if (currentSwitch() != previous || m_program.isNull())
            loadProgram();
        else
            loadEntries();
    });
}

void P4RuleEditor::loadProgram()
{
    ++m_generation;
    const QString switchId = currentSwitch();
    if (!m_controlPlane || switchId.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_controlPlane->p4Program(switchId, this, [this, generation, switchId](const Result<P4Program> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_program = {};
            m_table->clear();
            m_status->setText(tr("Cannot read the program of %1: %2").arg(switchId, result.error()));
            return;
        }
        m_program = *result;
        const QString previous = currentTable();
        {
            const QSignalBlocker blocker(m_table);
            m_table->clear();
            for (const P4TableInfo &table : m_program.tables()) {
                m_table->addItem(table.alias.isEmpty() ? table.name : table.alias, table.name);
                m_table->setItemData(m_table->count() - 1, table.doc, Qt::ToolTipRole);
            }
            const int index = m_table->findData(previous);
            m_table->setCurrentIndex(index >= 0 ? index : (m_table->count() > 0 ? 0 : -1));
        }
        loadTable();
    });
}

void P4RuleEditor::loadTable()
{
    ++m_generation;
    m_model->setTable(m_program, currentTable());
    m_form->setTable(m_program, currentTable());
    for (int column = 0; column < m_model->fieldColumnCount(); ++column)
        m_view->setColumnWidth(column, 130);
    loadEntries();
}

void P4RuleEditor::loadEntries()
{
    const QString switchId = currentSwitch();
    const QString table = currentTable();
    if (!m_controlPlane || switchId.isEmpty() || table.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_controlPlane->p4Entries(switchId, table, true, this,
                              [this, generation, switchId](const Result<QList<P4EntryStatus>> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_status->setText(tr("Cannot read the entries of %1: %2").arg(switchId, result.error()));
            return;
        }
        const QString selected = selectedKey();
        m_model->setEntries(*result);
        if (const int row = m_model->rowOfKey(selected); row >= 0)
            m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
        updateButtons();
        Q_EMIT entriesLoaded();
    });
}

void P4RuleEditor::refreshCounters()
{
    const QString switchId = currentSwitch();
    const QString table = currentTable();
    if (!m_controlPlane || switchId.isEmpty() || table.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_controlPlane->p4Entries(switchId, table, true, this,
                              [this, generation](const Result<QList<P4EntryStatus>> &result) {
        if (generation != m_generation || !result)
            return;
        m_model->updateCounters(*result);
    });
}

void P4RuleEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_counterTimer.start();
}

void P4RuleEditor::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_counterTimer.stop();
}

void P4RuleEditor::setCurrentSwitch(const QString &switchId)
{
    const int index = m_switch->findData(switchId);
    if (index >= 0)
        m_switch->setCurrentIndex(index);
}

QString P4RuleEditor::currentSwitch() const
{
    return m_switch->currentData().toString();
}

void P4RuleEditor::setCurrentTable(const QString &table)
{
    int index = m_table->findData(table);
    if (index < 0)
        index = m_table->findText(table);
    if (index >= 0)
        m_table->setCurrentIndex(index);
}

QString P4RuleEditor::currentTable() const
{
    return m_table->currentData().toString();
}

QString P4RuleEditor::selectedKey() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(P4EntryModel::MatchKeyRole).toString() : QString();
}

void P4RuleEditor::editSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    if (const P4TableEntry *entry = m_model->entryAt(m_proxy->mapToSource(current).row()))
        m_form->loadEntry(*entry);
    updateButtons();
}

void P4RuleEditor::deleteSelected()
{
    const QString key = selectedKey();
    if (!key.isEmpty())
        m_model->stageDelete(key);
}

bool P4RuleEditor::stageForm()
{
    const Result<P4TableEntry> entry = m_form->entry();
    if (!entry) {
        setOutput(tr("The entry cannot be staged:\n%1").arg(entry.error()));
        return false;
    }
    m_model->stage(*entry, m_form->originalKey());
    m_form->clear();
    updateButtons();
    return true;
}

bool P4RuleEditor::stageDirtyForm()
{
    if (!m_form->isDirty())
        return true;
    return m_form->isValid() && stageForm();
}

void P4RuleEditor::updateButtons()
{
    const bool haveTable = !currentSwitch().isEmpty() && m_model->tableInfo() && m_controlPlane;
    const bool formOk = !m_form->isDirty() || m_form->isValid();
    const bool work = m_model->hasPending() || (m_form->isDirty() && m_form->isValid());
    const bool ready = haveTable && formOk && work && !m_busy;
    m_stageButton->setEnabled(haveTable && m_form->isValid() && m_form->isDirty());
    m_applyButton->setEnabled(ready);
    m_applyActionMenu->setEnabled(ready);
    m_diffButton->setEnabled(ready);
    m_diffActionMenu->setEnabled(ready);
    m_dryRunButton->setEnabled(haveTable && formOk && !m_packet->text().trimmed().isEmpty());
    const bool selected = m_view->currentIndex().isValid();
    m_editAction->setEnabled(selected);
    m_deleteAction->setEnabled(selected);
    m_discardAction->setEnabled(m_model->hasPending());
    m_newAction->setEnabled(haveTable);
    m_countersAction->setEnabled(haveTable);
    if (haveTable)
        m_status->setText(tr("%n entry(s)", nullptr, m_model->rowCount())
                          + (m_model->hasPending() ? tr(", %n pending change(s)", nullptr, m_model->pendingCount())
                                                   : QString()));
}

void P4RuleEditor::setOutput(const QString &text)
{
    m_output->setPlainText(text);
    Q_EMIT outputChanged();
}

void P4RuleEditor::showDiff()
{
    if (!m_controlPlane || !stageDirtyForm())
        return;
    const QString switchId = currentSwitch();
    const QString table = currentTable();
    if (switchId.isEmpty() || table.isEmpty())
        return;
    setOutput(tr("Computing the diff…"));
    const P4Program program = m_program;
    m_controlPlane->setP4Entries(switchId, table, m_model->desiredWithPending(), true, this,
                                 [this, program, switchId, table](const Result<P4ApplyResult> &result) {
        if (!result) {
            setOutput(tr("The entries of %1 on %2 are refused:\n%3").arg(table, switchId, result.error()));
            return;
        }
        const P4EntryDiff &diff = result->diff;
        QStringList lines;
        lines << tr("%1 on %2: %3 to insert, %4 to modify, %5 to delete, %6 unchanged.")
                     .arg(table, switchId)
                     .arg(diff.toInsert.size())
                     .arg(diff.toModify.size())
                     .arg(diff.toDelete.size())
                     .arg(diff.unchanged);
        int listed = 0;
        const auto list = [&](const QString &title, const QString &sign, const QList<P4TableEntry> &entries) {
            if (entries.isEmpty())
                return;
            lines << QString() << title;
            for (const P4TableEntry &entry : entries) {
                if (++listed > MaxListedEntries)
                    break;
                lines << sign + QLatin1Char(' ') + P4EntryText::format(program, entry);
            }
        };
        list(tr("Insert:"), QStringLiteral("+"), diff.toInsert);
        list(tr("Modify:"), QStringLiteral("~"), diff.toModify);
        list(tr("Delete:"), QStringLiteral("-"), diff.toDelete);
        if (listed > MaxListedEntries)
            lines << tr("… and %n more", nullptr, listed - MaxListedEntries);
        if (diff.isEmpty())
            lines << tr("Nothing to change: the switch already has these entries.");
        setOutput(lines.join(QLatin1Char('\n')));
    });
}

void P4RuleEditor::apply()
{
    if (!m_controlPlane || m_busy || !stageDirtyForm())
        return;
    const QString switchId = currentSwitch();
    const QString table = currentTable();
    if (switchId.isEmpty() || table.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    setOutput(tr("Writing the entries of %1 to %2…").arg(table, switchId));
    const quint64 generation = m_generation;
    m_controlPlane->setP4Entries(switchId, table, m_model->desiredWithPending(), false, this,
                                 [this, generation, switchId, table](const Result<P4ApplyResult> &result) {
        m_busy = false;
        if (!result) {
            const QString message = tr("Writing %1 on %2 failed: %3").arg(table, switchId, result.error());
            setOutput(message);
            updateButtons();
            Q_EMIT actionFinished(false, message);
            return;
        }
        const P4EntryDiff &diff = result->diff;
        QString message = tr("%1 on %2: %3 inserted, %4 modified, %5 deleted in %6 ms.")
                              .arg(table, switchId)
                              .arg(diff.toInsert.size())
                              .arg(diff.toModify.size())
                              .arg(diff.toDelete.size())
                              .arg(double(result->durationUs) / 1000.0, 0, 'f', 1);
        if (result->rolledBack)
            message += QLatin1Char(' ') + tr("The write failed and the switch was restored.");
        setOutput(message);
        if (generation == m_generation && !result->rolledBack)
            m_model->clearPending();
        loadEntries();
        updateButtons();
        Q_EMIT actionFinished(!result->rolledBack, message);
    });
}

void P4RuleEditor::dryRunPacket()
{
    const QString packet = m_packet->text().trimmed();
    if (!m_controlPlane || packet.isEmpty() || !stageDirtyForm())
        return;
    const QString switchId = currentSwitch();
    if (switchId.isEmpty())
        return;
    setOutput(tr("Evaluating the packet…"));
    m_controlPlane->dryRunP4Packet(switchId, packet, m_model->pendingUpdates(), this,
                                   [this, switchId](const Result<QString> &result) {
        setOutput(result ? *result : tr("The packet cannot be evaluated on %1: %2").arg(switchId, result.error()));
    });
}

} // namespace Continuo::Gui
