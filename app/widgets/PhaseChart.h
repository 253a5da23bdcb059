#pragma once

#include "plugin/IComputeBackend.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QBarCategoryAxis;
class QValueAxis;
class QLabel;
QT_END_NAMESPACE

namespace Continuo::Gui {

/// Instantiation phase breakdown (the VIM studies' chart): one horizontal bar per object, one
/// coloured segment per phase (accepted → scheduled → xml → defined → started → booted for a
/// VM), the length of each segment the time that phase took. Shows the selected object first,
/// then the most recent others for comparison.
class PhaseChart : public QWidget
{
    Q_OBJECT
public:
    /// Objects shown at most (the selected one plus the newest others).
    static constexpr int MaxBars = 8;

    explicit PhaseChart(QWidget *parent = nullptr);

    /// Objects with phases; `selectedId` is drawn at the top. Objects without phases are skipped.
    void setObjects(const QList<BackendObject> &objects, const QString &selectedId);

    /// What is drawn, for tests: bar names top to bottom, and the phase names of the legend.
    QStringList barNames() const { return m_barNames; }
    QStringList phaseNames() const { return m_phaseNames; }
    /// Milliseconds phase `phase` took in bar `bar` (0 when that bar has no such phase).
    double duration(int bar, const QString &phase) const;
    QChart *chart() const { return m_chart; }

    /// Per-phase durations of one object: time from the previous phase to this one, in order
    /// (the first phase takes 0). Phase names repeat in the order reached.
    static QList<std::pair<QString, double>> durations(const BackendObject &object);

private:
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_summary;
    QStringList m_barNames;
    QStringList m_phaseNames;
    QList<QHash<QString, double>> m_durations;
};

} // namespace Continuo::Gui
