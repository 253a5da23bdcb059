// The series chart asks for one column per plot pixel, draws what comes back, appends live
// samples without asking again, and queries only when the range changes or the view scrolls.

#include "FakeControlPlane.h"
#include "charts/SeriesChart.h"
#include "widgets/ChartPanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using namespace Continuo;
using namespace Continuo::Gui;
using Continuo::Testing::FakeControlPlane;

namespace {

const Labels NodeLabels{{QStringLiteral("node"), QStringLiteral("hpc-bol-07")},
                        {QStringLiteral("site"), QStringLiteral("site-hpc-bologna")}};

SeriesBatch cpu(qint64 timestampMs, double value)
{
    return SeriesBatch{QStringLiteral("node_cpu_utilisation"), NodeLabels, {{timestampMs, value}}};
}

} // namespace

class tst_SeriesChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void displayUnits()
    {
        QCOMPARE(DisplayUnit::forMetric(QStringLiteral("node_cpu_utilisation"), 0.9).unit, QStringLiteral("%"));
        QCOMPARE(DisplayUnit::forMetric(QStringLiteral("node_cpu_utilisation"), 0.9).scale, 100.0);
        QCOMPARE(DisplayUnit::forMetric(QStringLiteral("link_latency_seconds"), 0.02).unit, QStringLiteral("ms"));
        QCOMPARE(DisplayUnit::forMetric(QStringLiteral("job_runtime_seconds"), 30.0).unit, QStringLiteral("s"));
        QCOMPARE(DisplayUnit::forMetric(QStringLiteral("node_memory_used_bytes"), 3.0 * 1024 * 1024 * 1024).unit, QStringLiteral("GiB"));
        QCOMPARE(DisplayUnit::forMetric(QStringLiteral("node_network_receive_bytes_rate"), 5e6).unit, QStringLiteral("MiB/s"));
        QCOMPARE(DisplayUnit::forMetric(QStringLiteral("requests_total"), 5e6).unit, QString());
    }

    void queriesOncePerRangeAndAppendsLive()
    {
        FakeControlPlane plane;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // Ten minutes of history, one sample a second, and a noisy neighbour with more labels.
        QList<SeriesBatch> history;
        for (qint64 t = now - 600'000; t < now - 1000; t += 1000) {
            history.append(cpu(t, 0.4 + 0.1 * std::sin(double(t) / 10'000.0)));
            Labels other = NodeLabels;
            other.insert(QStringLiteral("core"), QStringLiteral("0"));
            history.append(SeriesBatch{QStringLiteral("node_cpu_utilisation"), other, {{t, 0.9}}});
        }
        plane.publish(history);

        ChartPanel panel;
        panel.setControlPlane(&plane);
        panel.resize(900, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        SeriesChart *chart = panel.chart();
        QSignalSpy finished(chart, &SeriesChart::queryFinished);
        panel.showSeries({SeriesBatch{QStringLiteral("node_cpu_utilisation"), NodeLabels, {}}});
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(plane.queryChartCalls, 1);
        QCOMPARE(panel.rangeMs(), ChartPanel::rangesMs().first()); // Last 5 min
        // One column per pixel of the plot.
        QVERIFY2(plane.lastColumnBudget >= 300 && plane.lastColumnBudget <= 900, qPrintable(QString::number(plane.lastColumnBudget)));
        QCOMPARE(chart->traceCount(), 1);
        const int points = chart->pointCount();
        QVERIFY2(points >= 280 && points <= 2 * plane.lastColumnBudget, qPrintable(QString::number(points)));
        QVERIFY(chart->isLive());

        // Live samples extend the plot; nothing is queried for them.
        plane.publish({cpu(QDateTime::currentMSecsSinceEpoch(), 0.55)});
        QTRY_VERIFY(chart->pointCount() > points);
        QCOMPARE(plane.queryChartCalls, 1);
        QTest::qWait(600); // a few frames: still nothing polls
        QCOMPARE(plane.queryChartCalls, 1);

        // Another range: one query, with the same budget.
        panel.setRangeMs(ChartPanel::rangesMs().at(2)); // 1 h
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(plane.queryChartCalls, 2);
        QCOMPARE(panel.rangeBox()->currentIndex(), 2);
        QVERIFY(chart->pointCount() > 0);

        // Scrolling back in time: a fixed window, queried once the wheel rests, no live samples.
        QWidget *viewport = chart->plotViewport();
        const QPointF centre = QPointF(viewport->rect().center());
        QWheelEvent wheel(centre, viewport->mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QSignalSpy scrolled(chart, &SeriesChart::windowScrolled);
        QCoreApplication::sendEvent(viewport, &wheel);
        QCOMPARE(scrolled.size(), 1);
        QVERIFY(!chart->isLive());
        QVERIFY(chart->windowMode() == SeriesChart::WindowMode::Fixed);
        QTRY_COMPARE(plane.queryChartCalls, 3);
        QTRY_COMPARE(finished.size(), 3);
        const auto [from, to] = chart->window();
        QVERIFY(to < QDateTime::currentMSecsSinceEpoch() - 5 * 60 * 1000);
        QCOMPARE(to - from, ChartPanel::rangesMs().at(2));
        const auto live = panel.findChild<QToolButton *>(QStringLiteral("chartLive"));
        QVERIFY(live && !live->isChecked());

        // Back to live.
        live->click();
        QVERIFY(chart->isLive());
        QTRY_COMPARE(finished.size(), 4);
        QVERIFY(live->isChecked());
    }

    void openWindowForAnActiveAlert()
    {
        FakeControlPlane plane;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<SeriesBatch> history;
        for (qint64 t = now - 120'000; t < now - 1000; t += 2000)
            history.append(cpu(t, 0.97));
        plane.publish(history);
        SeriesChart chart;
        chart.setControlPlane(&plane);
        chart.resize(600, 300);
        chart.setOpenWindow(now - 90'000);
        chart.setSeries({SeriesBatch{QStringLiteral("node_cpu_utilisation"), NodeLabels, {}}});
        QSignalSpy finished(&chart, &SeriesChart::queryFinished);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(chart.pointCount() > 20);
        QVERIFY(chart.isLive());
        QCOMPARE(chart.window().first, now - 90'000);
        // A resolved alert: a fixed window, no live samples.
        chart.setFixedWindow(now - 90'000, now - 30'000);
        QTRY_COMPARE(finished.size(), 2);
        const int points = chart.pointCount();
        QVERIFY(points > 10);
        plane.publish({cpu(QDateTime::currentMSecsSinceEpoch(), 0.5)});
        QTest::qWait(300);
        QCOMPARE(chart.pointCount(), points);
        // Nothing in the window: it says so.
        chart.setFixedWindow(now - 3'600'000, now - 3'000'000);
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(chart.pointCount(), 0);
    }
};

QTEST_MAIN(tst_SeriesChart)
#include "tst_serieschart.moc"
