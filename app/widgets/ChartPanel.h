#pragma once

#include "telemetry/Series.h"
#include "widgets/Theme.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QToolButton;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

class SeriesChart;

/// Charts series picked in the metrics browser or the inspector over a chosen range
/// (last 5 minutes to last 30 days), live while the range ends now.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);

    void setControlPlane(IControlPlane *controlPlane);
    void setColours(const CanvasColours &colours);

    /// Chart these series (at most SeriesChart::MaximumSeries) over the selected range.
    void showSeries(const QList<SeriesBatch> &series);
    void clear();

    /// The ranges offered, in milliseconds, in the order of the range box.
    static QList<qint64> rangesMs();
    /// Select one of rangesMs() (the chart follows now again).
    void setRangeMs(qint64 rangeMs);
    qint64 rangeMs() const;

    SeriesChart *chart() const { return m_chart; }
    QComboBox *rangeBox() const { return m_range; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateTitle();
    void elideTitle();
    void updateLiveButton();

    SeriesChart *m_chart;
    QLabel *m_title;
    QComboBox *m_range;
    QToolButton *m_live;
    QString m_titleText;
};

} // namespace Continuo::Gui
