#pragma once

#include "network/NetworkTypes.h"
#include "widgets/Theme.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
struct Event;
}

namespace Continuo::Gui {

class P4EntryForm;
class P4EntryModel;

/// The "P4 Rules" pane: pick a switch and one of its tables; the table's entries (desired and
/// installed, with direct counters refreshed on demand and every few seconds while visible)
/// with the operator's staged changes laid over them; a typed entry form validated as you
/// type; Diff (a dry-run setP4Entries), Apply (setP4Entries) and a dry-run of a packet
/// against the entries with the pending changes. Refreshes on "Network.*" events.
class P4RuleEditor : public QWidget
{
    Q_OBJECT
public:
    static constexpr auto CounterInterval = std::chrono::seconds(3);

    explicit P4RuleEditor(QWidget *parent = nullptr);
    ~P4RuleEditor() override;

    /// Not owned. Loads the switches and follows the control plane's network events.
    void setControlPlane(IControlPlane *controlPlane);
    void setColours(const CanvasColours &colours);

    /// Show a switch (by inventory id) if the controller knows it.
    void setCurrentSwitch(const QString &switchId);
    QString currentSwitch() const;
    void setCurrentTable(const QString &table);
    QString currentTable() const;

    P4EntryModel *model() const { return m_model; }
    P4EntryForm *form() const { return m_form; }
    QTableView *view() const { return m_view; }
    QComboBox *switchCombo() const { return m_switch; }
    QComboBox *tableCombo() const { return m_table; }
    QLineEdit *packetEdit() const { return m_packet; }
    /// Diff, apply and dry-run results.
    QPlainTextEdit *output() const { return m_output; }
    QPushButton *stageButton() const { return m_stageButton; }
    QPushButton *diffButton() const { return m_diffButton; }
    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *dryRunButton() const { return m_dryRunButton; }
    QAction *newEntryAction() const { return m_newAction; }
    QAction *editEntryAction() const { return m_editAction; }
    QAction *deleteEntryAction() const { return m_deleteAction; }
    QAction *discardAction() const { return m_discardAction; }
    QAction *refreshCountersAction() const { return m_countersAction; }
    QAction *applyAction() const { return m_applyActionMenu; }
    QAction *diffAction() const { return m_diffActionMenu; }

    /// Put the form's entry in the pending list (false when it is not valid).
    bool stageForm();
    void showDiff();
    void apply();
    void dryRunPacket();
    void refreshCounters();
    /// Re-read switches, program and entries.
    void reload();

Q_SIGNALS:
    /// Apply finished (or failed); message is what the status bar shows.
    void actionFinished(bool succeeded, const QString &message);
    /// The entries shown changed (loaded, refreshed, applied).
    void entriesLoaded();
    /// A diff, apply or dry-run result is in output().
    void outputChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onEvents(const QList<Event> &events);
    void loadSwitches();
    void loadProgram();
    void loadTable();
    void loadEntries();
    void updateButtons();
    void editSelected();
    void deleteSelected();
    QString selectedKey() const;
    void setOutput(const QString &text);
    /// Stage the form's entry first when it was edited and is valid.
    bool stageDirtyForm();

    QPointer<IControlPlane> m_controlPlane;
    QMetaObject::Connection m_eventsConnection;
    P4Program m_program;
    P4EntryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_switch;
    QComboBox *m_table;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_status;
    P4EntryForm *m_form;
    QPushButton *m_stageButton;
    QPushButton *m_newButton;
    QPushButton *m_diffButton;
    QPushButton *m_applyButton;
    QLineEdit *m_packet;
    QPushButton *m_dryRunButton;
    QPlainTextEdit *m_output;
    QAction *m_newAction;
    QAction *m_editAction;
    QAction *m_deleteAction;
    QAction *m_discardAction;
    QAction *m_countersAction;
    QAction *m_applyActionMenu;
    QAction *m_diffActionMenu;
    QTimer m_counterTimer;
    quint64 m_generation = 0; ///< drops answers for a switch or table no longer shown
    bool m_busy = false;
};

} // namespace Continuo::Gui
