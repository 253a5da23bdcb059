#include "widgets/P4EntryForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace Continuo::Gui {

namespace {

/// "0x1ff" for 9 bits: the mask that makes a ternary field match exactly.
QString fullMaskText(int bitwidth)
{
    QByteArray bytes((bitwidth + 7) / 8, char(0xff));
    if (bitwidth % 8 != 0 && !bytes.isEmpty())
        bytes[0] = char((1 << (bitwidth % 8)) - 1);
    return QStringLiteral("0x") + QString::fromLatin1(bytes.toHex());
}

QString placeholderFor(const P4MatchFieldInfo &info)
{
    if (info.bitwidth == 32)
        return QObject::tr("10.0.0.1 or 0x0a000001");
    if (info.bitwidth == 48)
        return QObject::tr("aa:bb:cc:dd:ee:ff");
    return QObject::tr("decimal, 0x hex or 0b binary (%n bit(s))", nullptr, info.bitwidth);
}

} // namespace

P4EntryForm::P4EntryForm(QWidget *parent)
    : QWidget(parent)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
    , m_fieldsLayout(nullptr)
    , m_fieldsBox(new QWidget)
    , m_action(new QComboBox)
    , m_paramsBox(new QWidget)
    , m_paramsLayout(new QFormLayout(m_paramsBox))
    , m_priority(new QSpinBox)
    , m_priorityLabel(new QLabel(tr("&Priority:")))
    , m_note(new QLineEdit)
    , m_entryError(new QLabel)
{
    setObjectName(QStringLiteral("p4EntryForm"));
    m_fieldsLayout = new QGridLayout(m_fieldsBox);
    m_fieldsLayout->setContentsMargins(0, 0, 0, 0);
    m_fieldsLayout->setColumnStretch(1, 1);
    m_paramsLayout->setContentsMargins(0, 0, 0, 0);

    m_action->setObjectName(QStringLiteral("p4Action"));
    m_action->setToolTip(tr("What an entry that matches does"));
    connect(m_action, &QComboBox::currentIndexChanged, this, [this] {
        rebuildParams();
        onEdited();
    });
    m_priority->setObjectName(QStringLiteral("p4Priority"));
    m_priority->setRange(0, std::numeric_limits<int>::max());
    m_priority->setToolTip(tr("Higher wins when several ternary or range entries match"));
    m_priorityLabel->setBuddy(m_priority);
    connect(m_priority, &QSpinBox::valueChanged, this, &P4EntryForm::onEdited);
    m_note->setObjectName(QStringLiteral("p4Note"));
    m_note->setPlaceholderText(tr("Why this entry exists (not sent to the switch)"));
    connect(m_note, &QLineEdit::textChanged, this, &P4EntryForm::onEdited);
    m_entryError->setObjectName(QStringLiteral("p4EntryError"));
    m_entryError->setWordWrap(true);

    auto *actionLabel = new QLabel(tr("&Action:"));
    actionLabel->setBuddy(m_action);
    auto *noteLabel = new QLabel(tr("N&ote:"));
    noteLabel->setBuddy(m_note);
    auto *bottom = new QFormLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addRow(actionLabel, m_action);
    bottom->addRow(QString(), m_paramsBox);
    bottom->addRow(m_priorityLabel, m_priority);
    bottom->addRow(noteLabel, m_note);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_fieldsBox);
    layout->addLayout(bottom);
    layout->addWidget(m_entryError);
    layout->addStretch(1);
    setColours(m_colours);
}

QLabel *P4EntryForm::makeErrorLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("error:") + name);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, m_colours.critical);
    label->setPalette(palette);
    m_errorLabels.insert(name, label);
    return label;
}

void P4EntryForm::setColours(const CanvasColours &colours)
{
    m_colours = colours;
    for (QLabel *label : std::as_const(m_errorLabels)) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, colours.critical);
        label->setPalette(palette);
    }
    QPalette palette = m_entryError->palette();
    palette.setColor(QPalette::WindowText, colours.critical);
    m_entryError->setPalette(palette);
    if (m_table)
        validate();
}

void P4EntryForm::setTable(const P4Program &program, const QString &table)
{
    m_program = program;
    m_table = program.isNull() ? nullptr : program.table(table);
    // Rebuild the field rows.
    while (QLayoutItem *item = m_fieldsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_fields.clear();
    m_errorLabels.clear();
    const QSignalBlocker blocker(m_action);
    m_action->clear();
    if (!m_table) {
        rebuildParams();
        m_valid = false;
        return;
    }
    int row = 0;
    for (const P4MatchFieldInfo &info : m_table->matchFields) {
        FieldEditors editors;
        editors.info = info;
        auto *label = new QLabel(info.name.section(QLatin1Char('.'), -1) + QLatin1Char(':'));
        label->setToolTip(tr("%1: %2 match, %n bit(s)", nullptr, info.bitwidth).arg(info.name, toString(info.kind))
                          + (info.doc.isEmpty() ? QString() : QStringLiteral("\n") + info.doc));
        auto *cluster = new QWidget;
        auto *hbox = new QHBoxLayout(cluster);
        hbox->setContentsMargins(0, 0, 0, 0);
        const auto lineEdit = [&](const QString &prefix, const QString &placeholder) {
            auto *edit = new QLineEdit;
            edit->setObjectName(prefix + info.name);
            edit->setPlaceholderText(placeholder);
            edit->setAccessibleName(info.name + QLatin1Char(' ') + prefix.chopped(1));
            connect(edit, &QLineEdit::textChanged, this, &P4EntryForm::onEdited);
            hbox->addWidget(edit, 1);
            return edit;
        };
        switch (info.kind) {
        case P4MatchKind::Exact:
            editors.value = lineEdit(QStringLiteral("value:"), placeholderFor(info));
            break;
        case P4MatchKind::Lpm:
            editors.value = lineEdit(QStringLiteral("value:"), tr("empty: any"));
            hbox->addWidget(new QLabel(QStringLiteral("/")));
            editors.prefix = new QSpinBox;
            editors.prefix->setObjectName(QStringLiteral("prefix:") + info.name);
            editors.prefix->setRange(0, info.bitwidth);
            editors.prefix->setValue(info.bitwidth);
            editors.prefix->setAccessibleName(info.name + tr(" prefix length"));
            connect(editors.prefix, &QSpinBox::valueChanged, this, &P4EntryForm::onEdited);
            hbox->addWidget(editors.prefix);
            break;
        case P4MatchKind::Ternary:
            editors.value = lineEdit(QStringLiteral("value:"), tr("empty: any"));
            hbox->addWidget(new QLabel(tr("mask")));
            editors.mask = lineEdit(QStringLiteral("mask:"), tr("empty: %1").arg(fullMaskText(info.bitwidth)));
            break;
        case P4MatchKind::Range:
            editors.value = lineEdit(QStringLiteral("value:"), tr("low (empty: any)"));
            hbox->addWidget(new QLabel(QStringLiteral("..")));
            editors.high = lineEdit(QStringLiteral("high:"), tr("high"));
            break;
        case P4MatchKind::Optional:
        case P4MatchKind::Unknown:
            editors.value = lineEdit(QStringLiteral("value:"), placeholderFor(info));
            editors.any = new QCheckBox(tr("any"));
            editors.any->setObjectName(QStringLiteral("any:") + info.name);
            editors.any->setChecked(true);
            connect(editors.any, &QCheckBox::toggled, this, [this, value = editors.value](bool any) {
                value->setEnabled(!any);
                onEdited();
            });
            editors.value->setEnabled(false);
            hbox->addWidget(editors.any);
            break;
        }
        label->setBuddy(editors.value);
        editors.error = makeErrorLabel(info.name);
        m_fieldsLayout->addWidget(label, row, 0);
        m_fieldsLayout->addWidget(cluster, row, 1);
        m_fieldsLayout->addWidget(editors.error, row, 2);
        m_fields.append(editors);
        ++row;
    }
    m_fieldsLayout->setColumnStretch(2, 1);
    const bool keyless = m_table->matchFields.isEmpty();
    QList<quint32> actionIds = m_table->actionIds;
    if (keyless)
        actionIds += m_table->defaultOnlyActionIds;
    for (quint32 id : std::as_const(actionIds)) {
        if (const P4ActionInfo *action = m_program.action(id)) {
            m_action->addItem(action->alias.isEmpty() ? action->name : action->alias, action->name);
            m_action->setItemData(m_action->count() - 1, action->doc, Qt::ToolTipRole);
        }
    }
    const bool priority = m_table->needsPriority();
    m_priority->setVisible(priority);
    m_priorityLabel->setVisible(priority);
    clear();
}

void P4EntryForm::rebuildParams()
{
    while (m_paramsLayout->rowCount() > 0)
        m_paramsLayout->removeRow(0);
    for (const ParamEditor &param : std::as_const(m_params))
        m_errorLabels.remove(QStringLiteral("param:") + param.info.name);
    m_params.clear();
    const P4ActionInfo *action = m_program.isNull() ? nullptr : m_program.action(m_action->currentData().toString());
    if (!action)
        return;
    for (const P4ActionParamInfo &info : action->params) {
        ParamEditor editor;
        editor.info = info;
        editor.value = new QLineEdit;
        editor.value->setObjectName(QStringLiteral("param:") + info.name);
        editor.value->setPlaceholderText(tr("%n bit(s)", nullptr, info.bitwidth));
        editor.value->setToolTip(info.doc);
        connect(editor.value, &QLineEdit::textChanged, this, &P4EntryForm::onEdited);
        editor.error = makeErrorLabel(QStringLiteral("param:") + info.name);
        editor.error->setObjectName(QStringLiteral("error:") + info.name);
        auto *row = new QWidget;
        auto *hbox = new QHBoxLayout(row);
        hbox->setContentsMargins(0, 0, 0, 0);
        hbox->addWidget(editor.value, 1);
        hbox->addWidget(editor.error, 1);
        auto *label = new QLabel(info.name + QLatin1Char(':'));
        label->setBuddy(editor.value);
        m_paramsLayout->addRow(label, row);
        m_params.append(editor);
    }
}

void P4EntryForm::clear()
{
    m_loading = true;
    for (FieldEditors &editors : m_fields) {
        for (QLineEdit *edit : {editors.value, editors.mask, editors.high}) {
            if (edit)
                edit->clear();
        }
        if (editors.prefix)
            editors.prefix->setValue(editors.info.bitwidth);
        if (editors.any)
            editors.any->setChecked(true);
    }
    if (m_action->count() > 0)
        m_action->setCurrentIndex(0);
    rebuildParams();
    m_priority->setValue(m_table && m_table->needsPriority() ? 10 : 0);
    m_note->clear();
    m_originalKey.clear();
    m_loading = false;
    m_dirty = false;
    validate();
}

void P4EntryForm::loadEntry(const P4TableEntry &entry)
{
    if (!m_table)
        return;
    clear();
    m_loading = true;
    for (const P4FieldMatch &match : entry.matches) {
        for (FieldEditors &editors : m_fields) {
            if (P4Program::matchField(*m_table, match.field) != &m_table->matchFields.at(int(&editors - m_fields.data())))
                continue;
            const P4MatchFieldInfo &info = editors.info;
            editors.value->setText(P4Values::format(match.value, info.bitwidth, info.name));
            if (editors.mask)
                editors.mask->setText(P4Values::format(match.mask, info.bitwidth, info.name));
            if (editors.prefix)
                editors.prefix->setValue(match.prefixLength);
            if (editors.high)
                editors.high->setText(P4Values::format(match.high, info.bitwidth, info.name));
            if (editors.any)
                editors.any->setChecked(false);
        }
    }
    const P4ActionInfo *action = m_program.action(entry.action);
    const int actionIndex = action ? m_action->findData(action->name) : -1;
    if (actionIndex >= 0)
        m_action->setCurrentIndex(actionIndex);
    rebuildParams();
    for (const P4ParamValue &param : entry.params) {
        for (ParamEditor &editor : m_params) {
            if (editor.info.name == param.name)
                editor.value->setText(P4Values::format(param.value, editor.info.bitwidth, param.name));
        }
    }
    m_priority->setValue(entry.priority);
    m_note->setText(entry.note);
    m_originalKey = entry.matchKey();
    m_loading = false;
    m_dirty = false;
    validate();
}

void P4EntryForm::onEdited()
{
    if (m_loading)
        return;
    m_dirty = true;
    validate();
    Q_EMIT edited();
}

Result<std::optional<P4FieldMatch>> P4EntryForm::fieldMatch(const FieldEditors &editors) const
{
    const P4MatchFieldInfo &info = editors.info;
    const QString value = editors.value->text().trimmed();
    QString text;
    switch (info.kind) {
    case P4MatchKind::Exact:
        if (value.isEmpty())
            return makeError(tr("a value is required (exact match)"));
        text = value;
        break;
    case P4MatchKind::Lpm:
        if (value.isEmpty())
            return std::optional<P4FieldMatch>();
        text = value + QLatin1Char('/') + QString::number(editors.prefix->value());
        break;
    case P4MatchKind::Ternary: {
        const QString mask = editors.mask->text().trimmed();
        if (value.isEmpty() && mask.isEmpty())
            return std::optional<P4FieldMatch>();
        if (value.isEmpty())
            return makeError(tr("a mask needs a value"));
        text = value + QStringLiteral("&&&") + (mask.isEmpty() ? fullMaskText(info.bitwidth) : mask);
        break;
    }
    case P4MatchKind::Range: {
        const QString high = editors.high->text().trimmed();
        if (value.isEmpty() && high.isEmpty())
            return std::optional<P4FieldMatch>();
        if (value.isEmpty() || high.isEmpty())
            return makeError(tr("a range needs both a low and a high bound"));
        text = value + QStringLiteral("..") + high;
        break;
    }
    case P4MatchKind::Optional:
    case P4MatchKind::Unknown:
        if (editors.any && editors.any->isChecked())
            return std::optional<P4FieldMatch>();
        if (value.isEmpty())
            return makeError(tr("a value is required (or tick \"any\")"));
        text = value;
        break;
    }
    return P4Values::parseMatch(info, text);
}

void P4EntryForm::showError(QWidget *editor, QLabel *label, const QString &message)
{
    if (editor)
        editor->setStyleSheet(QStringLiteral("QLineEdit, QSpinBox { border: 1px solid %1; }").arg(m_colours.critical.name()));
    if (label) {
        label->setText(label->text().isEmpty() ? message : label->text() + QLatin1Char('\n') + message);
        label->setToolTip(label->text());
    }
}

void P4EntryForm::validate()
{
    m_errors.clear();
    for (QLabel *label : std::as_const(m_errorLabels))
        label->clear();
    m_entryError->clear();
    for (const FieldEditors &editors : std::as_const(m_fields)) {
        for (QWidget *w : {static_cast<QWidget *>(editors.value), static_cast<QWidget *>(editors.mask),
                           static_cast<QWidget *>(editors.high), static_cast<QWidget *>(editors.prefix)}) {
            if (w)
                w->setStyleSheet(QString());
        }
    }
    for (const ParamEditor &param : std::as_const(m_params))
        param.value->setStyleSheet(QString());
    m_priority->setStyleSheet(QString());

    const bool wasValid = m_valid;
    if (!m_table) {
        m_valid = false;
        if (wasValid)
            Q_EMIT validityChanged(false);
        return;
    }
    bool ok = true;
    P4TableEntry entry;
    entry.table = m_table->name;
    for (const FieldEditors &editors : std::as_const(m_fields)) {
        const auto match = fieldMatch(editors);
        if (!match) {
            ok = false;
            QWidget *at = editors.value;
            if (editors.mask && match.error().contains(QLatin1String("mask")))
                at = editors.mask;
            showError(at, editors.error, match.error());
            m_errors.append(editors.info.name + QStringLiteral(": ") + match.error());
        } else if (match->has_value()) {
            entry.matches.append(**match);
        }
    }
    entry.action = m_action->currentData().toString();
    if (entry.action.isEmpty()) {
        ok = false;
        m_entryError->setText(tr("This table has no action an entry may use."));
        m_errors.append(m_entryError->text());
    }
    for (const ParamEditor &param : std::as_const(m_params)) {
        const QString text = param.value->text().trimmed();
        const auto parsed = text.isEmpty() ? Result<QByteArray>(makeError(tr("a value is required")))
                                           : P4Values::parse(text, param.info.bitwidth);
        if (!parsed) {
            ok = false;
            showError(param.value, param.error, parsed.error());
            m_errors.append(param.info.name + QStringLiteral(": ") + parsed.error());
        } else {
            entry.params.append(P4ParamValue{param.info.name, *parsed});
        }
    }
    entry.priority = m_table->needsPriority() ? m_priority->value() : 0;
    entry.isDefaultAction = m_table->matchFields.isEmpty();
    entry.note = m_note->text().trimmed();
    if (ok) {
        // What parsing cannot see: canonical masks, prefixes, ranges, priority, the action.
        const QList<P4ValidationError> problems = P4Validation::validate(m_program, entry);
        for (const P4ValidationError &problem : problems) {
            ok = false;
            m_errors.append(problem.field.isEmpty() ? problem.message : problem.field + QStringLiteral(": ") + problem.message);
            bool placed = false;
            for (const FieldEditors &editors : std::as_const(m_fields)) {
                if (problem.field.isEmpty()
                    || P4Program::matchField(*m_table, problem.field) != &m_table->matchFields.at(int(&editors - m_fields.data())))
                    continue;
                QWidget *at = editors.value;
                if (editors.mask && problem.message.contains(QLatin1String("mask")))
                    at = editors.mask;
                else if (editors.prefix && problem.message.contains(QLatin1String("prefix")))
                    at = editors.prefix;
                else if (editors.high && problem.message.contains(QLatin1String("high")))
                    at = editors.high;
                showError(at, editors.error, problem.message);
                placed = true;
            }
            for (const ParamEditor &param : std::as_const(m_params)) {
                if (!placed && !problem.field.isEmpty() && param.info.name == problem.field) {
                    showError(param.value, param.error, problem.message);
                    placed = true;
                }
            }
            if (!placed) {
                if (problem.message.contains(QLatin1String("priority")))
                    showError(m_priority, nullptr, {});
                m_entryError->setText(m_entryError->text().isEmpty()
                                          ? problem.message
                                          : m_entryError->text() + QLatin1Char('\n') + problem.message);
            }
        }
    }
    m_valid = ok;
    if (m_valid != wasValid)
        Q_EMIT validityChanged(m_valid);
}

Result<P4TableEntry> P4EntryForm::entry() const
{
    if (!m_table)
        return makeError(tr("No table chosen."));
    if (!m_valid)
        return makeError(m_errors.isEmpty() ? tr("The entry is not valid.") : m_errors.join(QLatin1Char('\n')));
    P4TableEntry entry;
    entry.table = m_table->name;
    for (const FieldEditors &editors : m_fields) {
        const auto match = fieldMatch(editors);
        if (!match)
            return makeError(match.error());
        if (match->has_value())
            entry.matches.append(**match);
    }
    entry.action = m_action->currentData().toString();
    for (const ParamEditor &param : m_params) {
        const auto parsed = P4Values::parse(param.value->text().trimmed(), param.info.bitwidth);
        if (!parsed)
            return makeError(parsed.error());
        entry.params.append(P4ParamValue{param.info.name, *parsed});
    }
    entry.priority = m_table->needsPriority() ? m_priority->value() : 0;
    entry.isDefaultAction = m_table->matchFields.isEmpty();
    entry.note = m_note->text().trimmed();
    return entry;
}

QString P4EntryForm::errorText(const QString &fieldOrParam) const
{
    if (const QLabel *label = m_errorLabels.value(fieldOrParam))
        return label->text();
    if (const QLabel *label = m_errorLabels.value(QStringLiteral("param:") + fieldOrParam))
        return label->text();
    return {};
}

} // namespace Continuo::Gui
