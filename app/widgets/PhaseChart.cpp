#include "widgets/PhaseChart.h"

#include "models/BackendObjectModel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace Continuo::Gui {

PhaseChart::PhaseChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart))
    , m_summary(new QLabel)
{
    m_chart->setTitle(tr("Instantiation phases"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);
    m_summary->setObjectName(QStringLiteral("phaseSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    setObjects({}, {});
}

QList<std::pair<QString, double>> PhaseChart::durations(const BackendObject &object)
{
    QList<std::pair<QString, double>> result;
    double previous = 0.0;
    for (const InstantiationPhase &phase : object.phases) {
        result.append({phase.name, std::max(0.0, phase.sinceStartMs - previous)});
        previous = std::max(previous, phase.sinceStartMs);
    }
    return result;
}

double PhaseChart::duration(int bar, const QString &phase) const
{
    if (bar < 0 || bar >= m_durations.size())
        return 0.0;
    return m_durations.at(bar).value(phase, 0.0);
}

void PhaseChart::setObjects(const QList<BackendObject> &objects, const QString &selectedId)
{
    // The selected object first, then the newest others (by when their first phase began).
    QList<const BackendObject *> shown;
    const BackendObject *selected = nullptr;
    QList<const BackendObject *> others;
    for (const BackendObject &object : objects) {
        if (object.phases.isEmpty())
            continue;
        if (object.id == selectedId)
            selected = &object;
        else
            others.append(&object);
    }
    std::sort(others.begin(), others.end(), [](const BackendObject *a, const BackendObject *b) {
        return a->phases.constFirst().timestampMs > b->phases.constFirst().timestampMs;
    });
    if (selected)
        shown.append(selected);
    for (const BackendObject *object : std::as_const(others)) {
        if (shown.size() >= MaxBars)
            break;
        shown.append(object);
    }

    m_barNames.clear();
    m_phaseNames.clear();
    m_durations.clear();
    for (const BackendObject *object : std::as_const(shown)) {
        m_barNames.append(object->name);
        QHash<QString, double> perPhase;
        for (const auto &[name, ms] : durations(*object)) {
            if (!m_phaseNames.contains(name))
                m_phaseNames.append(name);
            perPhase[name] += ms;
        }
        m_durations.append(perPhase);
    }

    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    if (shown.isEmpty()) {
        m_summary->setText(tr("Select a virtual machine or job that a backend started to see how long "
                              "each phase took."));
        return;
    }
    auto *series = new QHorizontalStackedBarSeries;
    // Bars are drawn bottom-up: reverse so the selected object is on top.
    QStringList categories;
    for (auto it = m_barNames.crbegin(); it != m_barNames.crend(); ++it)
        categories.append(*it);
    double longest = 0.0;
    for (const QString &phase : std::as_const(m_phaseNames)) {
        auto *set = new QBarSet(phase);
        for (int bar = int(m_barNames.size()) - 1; bar >= 0; --bar)
            *set << m_durations.at(bar).value(phase, 0.0);
        series->append(set);
    }
    for (const auto &perPhase : std::as_const(m_durations)) {
        double total = 0.0;
        for (double ms : perPhase)
            total += ms;
        longest = std::max(longest, total);
    }
    m_chart->addSeries(series);
    auto *names = new QBarCategoryAxis;
    names->append(categories);
    m_chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    auto *milliseconds = new QValueAxis;
    milliseconds->setTitleText(tr("milliseconds"));
    milliseconds->setRange(0.0, std::max(1.0, longest * 1.05));
    milliseconds->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(milliseconds, Qt::AlignBottom);
    series->attachAxis(milliseconds);

    const BackendObject &first = *shown.constFirst();
    QStringList steps;
    for (const auto &[name, ms] : durations(first))
        steps.append(QStringLiteral("%1 %2").arg(name, BackendObjectModel::durationText(ms)));
    m_summary->setText(tr("%1: %2 in all (%3)")
                           .arg(first.name,
                                BackendObjectModel::durationText(first.phases.constLast().sinceStartMs),
                                steps.join(QStringLiteral(" → "))));
}

} // namespace Continuo::Gui
