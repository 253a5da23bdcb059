#pragma once

#include "telemetry/Series.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

class SeriesListModel;

/// Finds series by metric name or selector (`node_cpu_utilisation{site=~"site-hpc.*"}`,
/// `{__name__=~"node_.*",node!="x"}`) through IControlPlane::listSeries, debounced while the
/// operator types, and hands the chosen ones to a chart.
class MetricsBrowserPane : public QWidget
{
    Q_OBJECT
public:
    /// Series listed per search; more is a hint to refine it.
    static constexpr int ListLimit = 500;
    static constexpr auto SearchDelay = std::chrono::milliseconds(300);

    explicit MetricsBrowserPane(QWidget *parent = nullptr);

    void setControlPlane(IControlPlane *controlPlane);

    SeriesListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }
    /// "Showing N series", "Showing N of more than N…", or the selector's error.
    QString hintText() const;
    /// Searches answered since creation (tests).
    int searchCount() const { return m_answered; }

    /// Search now, without waiting for the debounce.
    void search();

Q_SIGNALS:
    /// The operator asked to chart these series (double-click, Enter, or Chart).
    void chartRequested(const QList<Continuo::SeriesBatch> &series);

private:
    void chartSelection();
    void updateButtons();

    QPointer<IControlPlane> m_controlPlane;
    SeriesListModel *m_model;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_hint;
    QPushButton *m_chartButton;
    QTimer m_debounce;
    quint64 m_generation = 0;
    int m_answered = 0;
};

} // namespace Continuo::Gui
