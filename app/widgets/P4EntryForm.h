#pragma once

#include "network/P4Entry.h"
#include "widgets/Theme.h"

#include <QHash>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace Continuo::Gui {

/// Typed editor of one table entry, built from the P4Info: per match field the editors its
/// kind needs (exact: value; LPM: value and prefix length; ternary: value and mask; range: low
/// and high; optional: value or "any"), the action with one editor per parameter, priority
/// (tables that need one) and a note. Validated as the operator types (P4Values to parse,
/// P4Validation for the rest): the message sits next to the field at fault, whose editor gets
/// a red frame, and validityChanged tells the owner to disable what needs a valid entry.
///
/// Editors are named for tests and accessibility: "value:<field>", "mask:<field>",
/// "prefix:<field>", "high:<field>", "any:<field>", "param:<name>", "error:<field or param>",
/// "p4Action", "p4Priority", "p4Note", "p4EntryError".
class P4EntryForm : public QWidget
{
    Q_OBJECT
public:
    explicit P4EntryForm(QWidget *parent = nullptr);

    /// Rebuild the editors for a table (null: none) and start a new entry.
    void setTable(const P4Program &program, const QString &table);
    void setColours(const CanvasColours &colours);

    /// Empty editors for a new entry.
    void clear();
    /// Edit an existing (or staged) entry; originalKey() remembers which.
    void loadEntry(const P4TableEntry &entry);
    /// Match key of the entry being edited; empty for a new one.
    QString originalKey() const { return m_originalKey; }

    /// The entry the editors describe, or the first reason it cannot be built.
    Result<P4TableEntry> entry() const;
    bool isValid() const { return m_valid; }
    /// Edited since the last clear()/loadEntry().
    bool isDirty() const { return m_dirty; }
    /// The message shown next to a field or parameter (empty: none).
    QString errorText(const QString &fieldOrParam) const;
    /// Every problem shown, "field: message" per line.
    QStringList errors() const { return m_errors; }

Q_SIGNALS:
    void validityChanged(bool valid);
    /// The operator changed something.
    void edited();

private:
    struct FieldEditors
    {
        P4MatchFieldInfo info;
        QLineEdit *value = nullptr;
        QLineEdit *mask = nullptr;
        QSpinBox *prefix = nullptr;
        QLineEdit *high = nullptr;
        QCheckBox *any = nullptr;
        QLabel *error = nullptr;
    };
    struct ParamEditor
    {
        P4ActionParamInfo info;
        QLineEdit *value = nullptr;
        QLabel *error = nullptr;
    };

    void rebuildParams();
    void onEdited();
    void validate();
    /// The match of one field from its editors: nullopt when the field is left as don't care.
    Result<std::optional<P4FieldMatch>> fieldMatch(const FieldEditors &editors) const;
    void showError(QWidget *editor, QLabel *label, const QString &message);
    QLabel *makeErrorLabel(const QString &name);

    P4Program m_program;
    const P4TableInfo *m_table = nullptr;
    CanvasColours m_colours;
    QGridLayout *m_fieldsLayout;
    QWidget *m_fieldsBox;
    QComboBox *m_action;
    QWidget *m_paramsBox;
    QFormLayout *m_paramsLayout;
    QSpinBox *m_priority;
    QLabel *m_priorityLabel;
    QLineEdit *m_note;
    QLabel *m_entryError;
    QList<FieldEditors> m_fields;
    QList<ParamEditor> m_params;
    QHash<QString, QLabel *> m_errorLabels;
    QStringList m_errors;
    QString m_originalKey;
    bool m_valid = false;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace Continuo::Gui
