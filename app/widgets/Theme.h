#pragma once

#include "anomaly/Alert.h"
#include "model/Enums.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace Continuo::Gui {

/// The console's two looks. Fusion + QPalette for widgets, CanvasColours for what we paint.
enum class ThemeKind { Unknown, Dark, Light };

QString toString(ThemeKind kind);
ThemeKind themeFromString(const QString &text);

/// Colours the topology canvas and the charts paint with; they follow the widget theme.
struct CanvasColours
{
    QColor background;
    QColor grid;
    QColor text;
    QColor mutedText;
    QColor siteFill;
    QColor siteBorder;
    QColor edgeAccent;
    QColor cloudAccent;
    QColor hpcAccent;
    QColor otherAccent;
    QColor tileNoData;
    QColor tileBorder;
    QColor good;
    QColor warning;
    QColor critical;
    QColor info; ///< Informational alerts.
    QColor linkNoData;
    QColor selection;
    QColor switchFill;
    QColor switchBorder;
    QColor labelBackground;
    QColor chartSeries1;
    QColor chartSeries2;
    QColor chartSeries3;

    QColor siteAccent(SiteKind kind) const;
    /// Green -> amber -> red over 0..1 utilisation.
    QColor utilisationColour(double utilisation) const;
    /// Halo, bar and badge colour of an alert of this severity.
    QColor alertColour(AlertSeverity severity) const;
    /// Deployed green, on its way blue, failed red, redeployed amber, terminated muted.
    QColor deploymentStateColour(DeploymentState state) const;
};

class Theme
{
public:
    static QPalette palette(ThemeKind kind);
    static CanvasColours canvasColours(ThemeKind kind);
    /// Palette + small style sheet for docks and headers, applied to the whole application.
    static void apply(ThemeKind kind);
};

} // namespace Continuo::Gui
