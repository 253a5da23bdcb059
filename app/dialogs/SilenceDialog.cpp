#include "dialogs/SilenceDialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Continuo::Gui {

namespace {
constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;
} // namespace

QList<qint64> SilenceDialog::durationsMs()
{
    return {30 * Minute, Hour, 2 * Hour, 4 * Hour, 8 * Hour, 24 * Hour, 7 * 24 * Hour};
}

SilenceDialog::SilenceDialog(QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 2))
    , m_comment(new QLineEdit)
    , m_duration(new QComboBox)
    , m_until(new QLabel)
    , m_preview(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("silenceDialog"));
    setWindowTitle(tr("New Silence"));
    auto *intro = new QLabel(tr("Alerts whose labels equal every checked matcher are silenced: they are "
                                "still evaluated and listed, but raise no notification and trigger no "
                                "remediation."));
    intro->setWordWrap(true);
    intro->setEnabled(false);

    m_table->setObjectName(QStringLiteral("silenceMatchers"));
    m_table->setHorizontalHeaderLabels({tr("Label"), tr("Value")});
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(150);
    m_table->setColumnWidth(0, 150);
    auto *add = new QPushButton(tr("Add Matcher"));
    auto *remove = new QPushButton(tr("Remove"));
    connect(add, &QPushButton::clicked, this, [this] {
        addRow(QString(), QString(), true);
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0)
            m_table->removeRow(row);
        validate();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &SilenceDialog::validate);
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(add);
    tableButtons->addWidget(remove);
    tableButtons->addStretch(1);

    m_comment->setObjectName(QStringLiteral("silenceComment"));
    m_comment->setPlaceholderText(tr("Why, e.g. \"planned maintenance, ticket OPS-123\""));
    m_comment->setMinimumWidth(360);
    m_duration->setObjectName(QStringLiteral("silenceDuration"));
    const QStringList names{tr("30 minutes"), tr("1 hour"), tr("2 hours"), tr("4 hours"),
                            tr("8 hours"),    tr("1 day"),  tr("1 week")};
    const QList<qint64> durations = durationsMs();
    for (int i = 0; i < durations.size(); ++i)
        m_duration->addItem(names.at(i), durations.at(i));
    m_duration->setCurrentIndex(1);
    m_until->setEnabled(false);
    auto *durationRow = new QHBoxLayout;
    durationRow->addWidget(m_duration);
    durationRow->addWidget(m_until, 1);
    m_preview->setObjectName(QStringLiteral("silencePreview"));

    auto *form = new QFormLayout;
    form->addRow(tr("Comment:"), m_comment);
    form->addRow(tr("Duration:"), durationRow);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Silence"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(tableButtons);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_comment, &QLineEdit::textChanged, this, &SilenceDialog::validate);
    connect(m_duration, &QComboBox::currentIndexChanged, this, &SilenceDialog::validate);
    resize(520, 460);
    validate();
}

void SilenceDialog::addRow(const QString &name, const QString &value, bool checked)
{
    const QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *nameItem = new QTableWidgetItem(name);
    nameItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
    nameItem->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, 0, nameItem);
    auto *valueItem = new QTableWidgetItem(value);
    valueItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
    m_table->setItem(row, 1, valueItem);
}

void SilenceDialog::setMatchers(const Labels &matchers)
{
    m_table->setRowCount(0);
    for (auto it = matchers.cbegin(); it != matchers.cend(); ++it)
        addRow(it.key(), it.value(), true);
    validate();
}

Labels SilenceDialog::matchers() const
{
    Labels result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        if (!name || name->checkState() != Qt::Checked || name->text().trimmed().isEmpty())
            continue;
        result.insert(name->text().trimmed(), value ? value->text() : QString());
    }
    return result;
}

QString SilenceDialog::comment() const
{
    return m_comment->text().trimmed();
}

void SilenceDialog::setComment(const QString &comment)
{
    m_comment->setText(comment);
}

qint64 SilenceDialog::durationMs() const
{
    return m_duration->currentData().toLongLong();
}

void SilenceDialog::setDurationMs(qint64 durationMs)
{
    const int index = m_duration->findData(durationMs);
    if (index >= 0)
        m_duration->setCurrentIndex(index);
}

qint64 SilenceDialog::untilMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + durationMs();
}

void SilenceDialog::setActiveAlerts(const QList<Alert> &alerts)
{
    m_activeAlerts = alerts;
    validate();
}

QString SilenceDialog::problem() const
{
    if (matchers().isEmpty())
        return tr("Check at least one matcher: a silence that matches every alert is refused.");
    if (comment().isEmpty())
        return tr("Say why in the comment; it is recorded in the audit log.");
    return {};
}

void SilenceDialog::validate()
{
    const QString why = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
    m_until->setText(tr("until %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(untilMs()), QLocale::ShortFormat)));
    if (!why.isEmpty()) {
        m_preview->setText(why);
        return;
    }
    Silence probe;
    probe.matchers = matchers();
    int matching = 0;
    for (const Alert &alert : std::as_const(m_activeAlerts)) {
        if (probe.matches(alert.labels))
            ++matching;
    }
    m_preview->setText(tr("Silences %n active alert(s).", nullptr, matching));
}

} // namespace Continuo::Gui
