#include "widgets/ContributionBars.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Continuo::Gui {

namespace {
constexpr int RowHeight = 22;
constexpr int BarHeight = 10;
} // namespace

ContributionBars::ContributionBars(QWidget *parent)
    : QWidget(parent)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
{
    setObjectName(QStringLiteral("contributionBars"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ContributionBars::setContributions(const QList<FeatureContribution> &contributions)
{
    m_contributions = contributions;
    std::stable_sort(m_contributions.begin(), m_contributions.end(),
                     [](const FeatureContribution &a, const FeatureContribution &b) { return a.share > b.share; });
    QStringList lines;
    for (const FeatureContribution &contribution : std::as_const(m_contributions))
        lines.append(contribution.feature + QStringLiteral(": ") + QLocale().toString(contribution.share * 100.0, 'f', 1)
                     + QStringLiteral(" %"));
    setToolTip(lines.join(QLatin1Char('\n')));
    updateGeometry();
    update();
}

void ContributionBars::setColours(const CanvasColours &colours)
{
    m_colours = colours;
    update();
}

QSize ContributionBars::sizeHint() const
{
    return QSize(320, std::max<int>(1, int(m_contributions.size())) * RowHeight + 4);
}

QSize ContributionBars::minimumSizeHint() const
{
    return QSize(200, sizeHint().height());
}

void ContributionBars::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &p = palette();
    const QFontMetrics metrics(font());
    if (m_contributions.isEmpty()) {
        painter.setPen(p.color(QPalette::Disabled, QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, tr("No attribution for this alert."));
        return;
    }
    // As wide as the longest feature name, but the bars keep at least half of the width.
    int longest = 0;
    for (const FeatureContribution &contribution : std::as_const(m_contributions))
        longest = std::max(longest, metrics.horizontalAdvance(contribution.feature));
    const int labelWidth = std::clamp(longest + 4, 60, std::max(60, width() / 2));
    const int percentWidth = metrics.horizontalAdvance(QStringLiteral("100.0 %")) + 8;
    const int trackLeft = labelWidth + 8;
    const int trackWidth = std::max(20, width() - trackLeft - percentWidth);
    QColor track = p.color(QPalette::Mid);
    for (int i = 0; i < m_contributions.size(); ++i) {
        const FeatureContribution &contribution = m_contributions.at(i);
        const int y = 2 + i * RowHeight;
        painter.setPen(p.color(QPalette::WindowText));
        painter.drawText(QRect(0, y, labelWidth, RowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(contribution.feature, Qt::ElideMiddle, labelWidth));
        const QRectF trackRect(trackLeft, y + (RowHeight - BarHeight) / 2.0, trackWidth, BarHeight);
        painter.setPen(Qt::NoPen);
        painter.setBrush(track);
        painter.drawRoundedRect(trackRect, 3, 3);
        const double share = std::clamp(contribution.share, 0.0, 1.0);
        if (share > 0) {
            QRectF bar = trackRect;
            bar.setWidth(std::max(3.0, trackRect.width() * share));
            // The dominant feature in the highlight colour, the rest quieter.
            painter.setBrush(i == 0 ? m_colours.chartSeries1 : m_colours.mutedText);
            painter.drawRoundedRect(bar, 3, 3);
        }
        painter.setPen(p.color(QPalette::WindowText));
        painter.drawText(QRect(trackLeft + trackWidth, y, percentWidth, RowHeight), Qt::AlignRight | Qt::AlignVCenter,
                         QLocale().toString(share * 100.0, 'f', 1) + QStringLiteral(" %"));
    }
}

} // namespace Continuo::Gui
