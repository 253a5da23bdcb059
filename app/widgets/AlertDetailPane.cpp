#include "widgets/AlertDetailPane.h"

#include "charts/SeriesChart.h"
#include "control/IControlPlane.h"
#include "dialogs/SilenceDialog.h"
#include "models/AlertModel.h"
#include "widgets/ContributionBars.h"

#include <QAction>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace Continuo::Gui {

namespace {

QString entityKindKey(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Node:
        return QStringLiteral("node");
    case EntityKind::Link:
        return QStringLiteral("link");
    case EntityKind::Switch:
        return QStringLiteral("switch");
    case EntityKind::Site:
        return QStringLiteral("site");
    default:
        return {};
    }
}

EntityKind entityKindFromKey(const QString &key)
{
    if (key == QLatin1String("node"))
        return EntityKind::Node;
    if (key == QLatin1String("link"))
        return EntityKind::Link;
    if (key == QLatin1String("switch"))
        return EntityKind::Switch;
    if (key == QLatin1String("site"))
        return EntityKind::Site;
    return EntityKind::Unknown;
}

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("–");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QStringLiteral("d MMM yyyy, HH:mm:ss"));
}

QString numberText(double value)
{
    if (std::isnan(value))
        return QStringLiteral("–");
    return QLocale().toString(value, 'g', 4);
}

QLabel *sectionTitle(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

} // namespace

AlertDetailPane::AlertDetailPane(AlertModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
    , m_stack(new QStackedWidget)
    , m_title(new QLabel)
    , m_severityBadge(new QLabel)
    , m_stateBadge(new QLabel)
    , m_summary(new QLabel)
    , m_subject(new QLabel)
    , m_contributions(new ContributionBars)
    , m_workloads(new QLabel)
    , m_chart(new SeriesChart)
    , m_acknowledge(new QAction(tr("&Acknowledge"), this))
    , m_silence(new QAction(tr("&Silence…"), this))
{
    setObjectName(QStringLiteral("alertDetail"));
    m_acknowledge->setObjectName(QStringLiteral("actionAcknowledgeAlert"));
    m_acknowledge->setToolTip(tr("Record that someone is on the selected alert"));
    m_acknowledge->setShortcut(QKeySequence(tr("Ctrl+Shift+K")));
    connect(m_acknowledge, &QAction::triggered, this, &AlertDetailPane::acknowledge);
    m_silence->setObjectName(QStringLiteral("actionSilenceAlert"));
    m_silence->setToolTip(tr("Mute alerts with the selected alert's labels for a while"));
    m_silence->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    connect(m_silence, &QAction::triggered, this, &AlertDetailPane::requestSilence);

    auto *placeholder = new QLabel(tr("Select an alert in the alert list or on the anomaly timeline."));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setEnabled(false);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel *badge : {m_severityBadge, m_stateBadge}) {
        badge->setAlignment(Qt::AlignCenter);
        badge->setContentsMargins(8, 2, 8, 2);
    }
    m_summary->setObjectName(QStringLiteral("alertSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subject->setObjectName(QStringLiteral("alertSubject"));
    m_subject->setTextFormat(Qt::RichText);
    m_subject->setToolTip(tr("Show it on the canvas"));
    connect(m_subject, &QLabel::linkActivated, this, [this](const QString &link) {
        const qsizetype colon = link.indexOf(QLatin1Char(':'));
        if (colon > 0)
            Q_EMIT subjectActivated(entityKindFromKey(link.left(colon)), link.mid(colon + 1));
    });
    m_workloads->setObjectName(QStringLiteral("alertWorkloads"));
    m_workloads->setWordWrap(true);
    m_workloads->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart->setMinimumHeight(220);
    m_chart->setPlaceholderText(tr("This alert names no series."));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_severityBadge, 0, Qt::AlignTop);
    header->addWidget(m_stateBadge, 0, Qt::AlignTop);

    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_acknowledge, m_silence}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Subject:"), m_subject);
    addField(form, QStringLiteral("rule"), tr("Rule:"));
    addField(form, QStringLiteral("state"), tr("State:"));
    addField(form, QStringLiteral("started"), tr("Started:"));
    addField(form, QStringLiteral("fired"), tr("Fired:"));
    addField(form, QStringLiteral("resolved"), tr("Resolved:"));
    addField(form, QStringLiteral("duration"), tr("Duration:"));
    addField(form, QStringLiteral("value"), tr("Value:"));
    addField(form, QStringLiteral("score"), tr("Anomaly score:"));
    addField(form, QStringLiteral("acknowledged"), tr("Acknowledged:"));
    addField(form, QStringLiteral("silenced"), tr("Silenced:"));

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(10, 8, 10, 10);
    column->setSpacing(4);
    column->addLayout(header);
    column->addWidget(m_summary);
    column->addLayout(buttons);
    column->addLayout(form);
    column->addWidget(sectionTitle(tr("Contributions")));
    column->addWidget(m_contributions);
    column->addWidget(sectionTitle(tr("Workloads involved")));
    column->addWidget(m_workloads);
    column->addWidget(sectionTitle(tr("Offending series")));
    column->addWidget(m_chart, 1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stack->addWidget(placeholder);
    m_stack->addWidget(scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_model, &AlertModel::alertUpdated, this, [this](const Alert &alert) {
        if (alert.id == m_alertId)
            refresh();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertDetailPane::refresh);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AlertDetailPane::refresh);
    m_clock.setInterval(std::chrono::seconds(1));
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (const Alert *alert = m_model->find(m_alertId))
            m_fields.value(QStringLiteral("duration"))->setText(AlertModel::durationText(AlertModel::durationMs(*alert, QDateTime::currentMSecsSinceEpoch())));
    });
    refresh();
}

QLabel *AlertDetailPane::addField(QFormLayout *form, const QString &key, const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("alertField_") + key);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(name, label);
    m_fields.insert(key, label);
    return label;
}

void AlertDetailPane::setControlPlane(IControlPlane *controlPlane)
{
    m_controlPlane = controlPlane;
    m_chart->setControlPlane(controlPlane);
    m_chartedAlertId.clear();
    showAlert({});
}

void AlertDetailPane::setColours(const CanvasColours &colours)
{
    m_colours = colours;
    m_contributions->setColours(colours);
    m_chart->setColours(colours);
    refresh();
}

void AlertDetailPane::showAlert(const QString &alertId)
{
    m_alertId = alertId;
    refresh();
}

QString AlertDetailPane::fieldText(const QString &key) const
{
    if (key == QLatin1String("summary"))
        return m_summary->text();
    if (key == QLatin1String("subject"))
        return m_subject->text();
    if (key == QLatin1String("workloads"))
        return m_workloads->text();
    const QLabel *label = m_fields.value(key);
    return label ? label->text() : QString();
}

void AlertDetailPane::refresh()
{
    const Alert *alert = m_model->find(m_alertId);
    if (!alert) {
        m_stack->setCurrentIndex(0);
        m_clock.stop();
        if (!m_chartedAlertId.isEmpty()) {
            m_chart->clear();
            m_chartedAlertId.clear();
        }
        updateActions();
        return;
    }
    m_stack->setCurrentIndex(1);
    updateFields(*alert);
    updateChart(*alert);
    updateActions();
    if (alert->isActive())
        m_clock.start();
    else
        m_clock.stop();
}

void AlertDetailPane::updateFields(const Alert &alert)
{
    const EntityKind kind = AlertModel::subjectKind(alert);
    const QString subject = alert.subjectId();
    m_title->setText(subject);
    const auto badge = [](QLabel *label, const QString &text, const QColor &colour) {
        label->setText(text.toUpper());
        label->setStyleSheet(QStringLiteral("QLabel { background: %1; color: #101418; border-radius: 4px; font-weight: bold; }")
                                 .arg(colour.name()));
    };
    badge(m_severityBadge, AlertModel::severityText(alert.severity), m_colours.alertColour(alert.severity));
    badge(m_stateBadge, AlertModel::stateText(alert.state),
          alert.isActive() ? m_colours.alertColour(alert.severity) : m_colours.good);
    m_summary->setText(alert.summary);
    const QString key = entityKindKey(kind);
    m_subject->setText(key.isEmpty() ? subject.toHtmlEscaped()
                                     : QStringLiteral("<a href=\"%1:%2\">%3</a>").arg(key, subject.toHtmlEscaped(), subject.toHtmlEscaped()));

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto set = [this](const QString &field, const QString &text) {
        m_fields.value(field)->setText(text.isEmpty() ? QStringLiteral("–") : text);
    };
    set(QStringLiteral("rule"), alert.ruleId);
    set(QStringLiteral("state"), AlertModel::stateText(alert.state));
    set(QStringLiteral("started"), timeText(alert.startedAtMs));
    set(QStringLiteral("fired"), timeText(alert.firedAtMs));
    set(QStringLiteral("resolved"), timeText(alert.resolvedAtMs));
    set(QStringLiteral("duration"), AlertModel::durationText(AlertModel::durationMs(alert, now)));
    set(QStringLiteral("value"), tr("%1 (peak %2, threshold %3)")
                                     .arg(numberText(alert.value), numberText(alert.peakValue), numberText(alert.threshold)));
    set(QStringLiteral("score"), numberText(alert.score));
    set(QStringLiteral("acknowledged"), alert.isAcknowledged()
                                            ? tr("by %1 at %2").arg(alert.acknowledgedBy, timeText(alert.acknowledgedAtMs))
                                            : tr("no"));
    set(QStringLiteral("silenced"), alert.isSilenced() ? tr("by silence %1").arg(alert.silencedBy) : tr("no"));
    m_contributions->setContributions(alert.contributions);
    m_workloads->setText(alert.workloads.isEmpty() ? tr("None recorded on the node when the alert started.")
                                                   : alert.workloads.join(QStringLiteral(", ")));
    m_workloads->setEnabled(!alert.workloads.isEmpty());
}

void AlertDetailPane::updateChart(const Alert &alert)
{
    // Query again only for another alert or a lifecycle change, never for an acknowledgement.
    if (alert.id == m_chartedAlertId && alert.state == m_chartedState)
        return;
    const bool sameAlert = alert.id == m_chartedAlertId;
    m_chartedAlertId = alert.id;
    m_chartedState = alert.state;
    const qint64 from = alert.startedAtMs - LeadMs;
    if (alert.isActive() || alert.resolvedAtMs <= 0)
        m_chart->setOpenWindow(from);
    else
        m_chart->setFixedWindow(from, alert.resolvedAtMs + TrailMs);
    if (sameAlert && m_chart->traceCount() > 0)
        return; // the window moved; the series are the same

    QList<SeriesBatch> series;
    for (const QString &key : alert.seriesKeys) {
        const auto parsed = SeriesMatcher::parse(key);
        if (parsed && !parsed->metric.isEmpty())
            series.append(SeriesBatch{parsed->metric, parsed->labels, {}});
        if (series.size() >= MaximumChartedSeries)
            break;
    }
    const quint64 generation = ++m_seriesGeneration;
    if (!series.isEmpty() || !m_controlPlane || alert.metrics.isEmpty()) {
        m_chart->setSeries(series);
        return;
    }
    // No series named (a node-level score): chart the alert's metrics of its subject.
    m_chart->setSeries({});
    QString subjectLabel;
    switch (AlertModel::subjectKind(alert)) {
    case EntityKind::Node:
        subjectLabel = QStringLiteral("node=\"%1\"").arg(alert.nodeId);
        break;
    case EntityKind::Link:
        subjectLabel = QStringLiteral("link=\"%1\"").arg(alert.linkId);
        break;
    case EntityKind::Site:
        subjectLabel = QStringLiteral("site=\"%1\"").arg(alert.siteId);
        break;
    default:
        return;
    }
    QStringList names;
    for (const QString &metric : alert.metrics)
        names.append(QRegularExpression::escape(metric).replace(QLatin1Char('\\'), QLatin1String("\\\\")));
    const QString selector = QStringLiteral("{__name__=~\"%1\",%2}").arg(names.join(QLatin1Char('|')), subjectLabel);
    m_controlPlane->listSeries(selector, MaximumChartedSeries, this, [this, generation](const Result<SeriesListing> &listing) {
        if (generation != m_seriesGeneration || !listing)
            return;
        m_chart->setSeries(listing->series);
    });
}

void AlertDetailPane::updateActions()
{
    const Alert *alert = m_model->find(m_alertId);
    m_acknowledge->setEnabled(m_controlPlane && alert && alert->isActive() && !alert->isAcknowledged());
    m_silence->setEnabled(m_controlPlane && alert && !alert->isSilenced());
}

void AlertDetailPane::acknowledge()
{
    const Alert *alert = m_model->find(m_alertId);
    if (!m_controlPlane || !alert)
        return;
    const QString id = alert->id;
    const QString subject = alert->subjectId();
    m_acknowledge->setEnabled(false);
    m_controlPlane->acknowledgeAlert(id, this, [this, subject](const Result<Alert> &result) {
        if (result) {
            m_model->upsertAlert(result.value());
            Q_EMIT actionFinished(true, tr("Acknowledged the alert on %1.").arg(subject));
        } else {
            Q_EMIT actionFinished(false, tr("Acknowledging the alert on %1 failed: %2").arg(subject, result.error()));
        }
        updateActions();
    });
}

void AlertDetailPane::requestSilence()
{
    const Alert *alert = m_model->find(m_alertId);
    if (!m_controlPlane || !alert)
        return;
    const QString subject = alert->subjectId();
    // Asynchronous (open(), not exec()): live updates keep flowing while the operator types.
    auto *dialog = new SilenceDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Silence Alerts Like %1").arg(subject));
    dialog->setMatchers(alert->labels);
    dialog->setActiveAlerts(m_controlPlane->activeAlerts());
    connect(dialog, &QDialog::accepted, this, [this, dialog, subject] {
        if (!m_controlPlane)
            return;
        m_controlPlane->addSilence(dialog->matchers(), dialog->comment(), dialog->untilMs(), this,
                                   [this, subject](const Result<Silence> &result) {
            if (result)
                Q_EMIT actionFinished(true, tr("Silenced alerts like the one on %1 until %2.")
                                                .arg(subject, timeText(result->endsAtMs)));
            else
                Q_EMIT actionFinished(false, tr("Silencing the alert on %1 failed: %2").arg(subject, result.error()));
            updateActions();
        });
    });
    dialog->open();
}

} // namespace Continuo::Gui
