#pragma once

#include "anomaly/Alert.h"
#include "model/Topology.h"
#include "widgets/Theme.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QFormLayout;
class QLabel;
class QStackedWidget;
class QToolButton;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

class AlertModel;
class ContributionBars;
class SeriesChart;

/// One alert in full: summary, subject (a link that selects it on the canvas), lifecycle
/// times, values, the features that contributed to it, the workloads on the node, and a chart
/// of the offending series from five minutes before it started until a minute after it ended
/// (until now while active). Acknowledge and Silence… go through IControlPlane.
class AlertDetailPane : public QWidget
{
    Q_OBJECT
public:
    /// The chart starts this long before the alert and ends this long after it resolved.
    static constexpr qint64 LeadMs = 5 * 60 * 1000;
    static constexpr qint64 TrailMs = 60 * 1000;
    static constexpr int MaximumChartedSeries = 4;

    explicit AlertDetailPane(AlertModel *model, QWidget *parent = nullptr);

    void setControlPlane(IControlPlane *controlPlane);
    void setColours(const CanvasColours &colours);

    /// Show an alert of the model (empty id: nothing).
    void showAlert(const QString &alertId);
    QString alertId() const { return m_alertId; }

    QAction *acknowledgeAction() const { return m_acknowledge; }
    QAction *silenceAction() const { return m_silence; }
    ContributionBars *contributionBars() const { return m_contributions; }
    SeriesChart *chart() const { return m_chart; }
    /// Text of a field ("rule", "state", "started", "acknowledged", "silenced", "workloads", ...).
    QString fieldText(const QString &key) const;

    /// Acknowledge the shown alert.
    void acknowledge();
    /// Ask for matchers, comment and duration, then silence.
    void requestSilence();

Q_SIGNALS:
    /// The operator clicked the alert's subject.
    void subjectActivated(Continuo::EntityKind kind, const QString &id);
    /// An action finished; message is for the status bar.
    void actionFinished(bool succeeded, const QString &message);

private:
    void refresh();
    void updateFields(const Alert &alert);
    void updateChart(const Alert &alert);
    void updateActions();
    QLabel *addField(QFormLayout *form, const QString &key, const QString &name);

    QPointer<IControlPlane> m_controlPlane;
    AlertModel *m_model;
    CanvasColours m_colours;
    QString m_alertId;
    AlertState m_chartedState = AlertState::Unknown;
    QString m_chartedAlertId;
    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_severityBadge;
    QLabel *m_stateBadge;
    QLabel *m_summary;
    QLabel *m_subject;
    QHash<QString, QLabel *> m_fields;
    ContributionBars *m_contributions;
    QLabel *m_workloads;
    SeriesChart *m_chart;
    QAction *m_acknowledge;
    QAction *m_silence;
    QTimer m_clock;
    quint64 m_seriesGeneration = 0;
};

} // namespace Continuo::Gui
