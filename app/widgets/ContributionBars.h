#pragma once

#include "anomaly/Alert.h"
#include "widgets/Theme.h"

#include <QWidget>

namespace Continuo::Gui {

/// Horizontal bars of each feature's share of an anomaly score (shares sum to 1), largest
/// first, with the share in percent.
class ContributionBars : public QWidget
{
    Q_OBJECT
public:
    explicit ContributionBars(QWidget *parent = nullptr);

    void setContributions(const QList<FeatureContribution> &contributions);
    const QList<FeatureContribution> &contributions() const { return m_contributions; }
    void setColours(const CanvasColours &colours);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<FeatureContribution> m_contributions;
    CanvasColours m_colours;
};

} // namespace Continuo::Gui
