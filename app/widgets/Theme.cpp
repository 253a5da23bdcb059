#include "widgets/Theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>

namespace Continuo::Gui {

QString toString(ThemeKind kind)
{
    switch (kind) {
    case ThemeKind::Dark:
        return QStringLiteral("dark");
    case ThemeKind::Light:
        return QStringLiteral("light");
    case ThemeKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

ThemeKind themeFromString(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    if (lower == QLatin1String("dark"))
        return ThemeKind::Dark;
    if (lower == QLatin1String("light"))
        return ThemeKind::Light;
    return ThemeKind::Unknown;
}

QColor CanvasColours::siteAccent(SiteKind kind) const
{
    switch (kind) {
    case SiteKind::Edge:
        return edgeAccent;
    case SiteKind::Cloud:
        return cloudAccent;
    case SiteKind::Hpc:
        return hpcAccent;
    case SiteKind::Unknown:
        break;
    }
    return otherAccent;
}

namespace {
QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}
} // namespace

QColor CanvasColours::utilisationColour(double utilisation) const
{
    // Green until 50 %, amber at 75 %, red from 90 %: the bands operators read at a glance.
    const double u = std::clamp(utilisation, 0.0, 1.0);
    if (u <= 0.5)
        return good;
    if (u <= 0.75)
        return mix(good, warning, (u - 0.5) / 0.25);
    if (u <= 0.9)
        return mix(warning, critical, (u - 0.75) / 0.15);
    return critical;
}

QColor CanvasColours::alertColour(AlertSeverity severity) const
{
    switch (severity) {
    case AlertSeverity::Critical:
        return critical;
    case AlertSeverity::Warning:
        return warning;
    case AlertSeverity::Info:
        return info;
    case AlertSeverity::Unknown:
        break;
    }
    return mutedText;
}

QColor CanvasColours::deploymentStateColour(DeploymentState state) const
{
    switch (state) {
    case DeploymentState::Deployed:
        return good;
    case DeploymentState::Failed:
        return critical;
    case DeploymentState::Redeployed:
        return warning;
    case DeploymentState::Submitted:
    case DeploymentState::Pending:
    case DeploymentState::Scheduled:
    case DeploymentState::Assigned:
    case DeploymentState::InDeployment:
        return info;
    case DeploymentState::Terminated:
    case DeploymentState::Unknown:
        break;
    }
    return mutedText;
}

QPalette Theme::palette(ThemeKind kind)
{
    QPalette p;
    if (kind == ThemeKind::Light) {
        p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
        p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
        p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
        p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf0));
        p.setColor(QPalette::ToolTipText, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x91, 0x99));
        p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::Button, QColor(0xe9, 0xeb, 0xee));
        p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::BrightText, Qt::red);
        p.setColor(QPalette::Light, QColor(0xff, 0xff, 0xff));
        p.setColor(QPalette::Midlight, QColor(0xe1, 0xe4, 0xe8));
        p.setColor(QPalette::Mid, QColor(0xc4, 0xc9, 0xd0));
        p.setColor(QPalette::Dark, QColor(0xa0, 0xa7, 0xb0));
        p.setColor(QPalette::Shadow, QColor(0x60, 0x66, 0x70));
        p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x09, 0x69, 0xda));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0xa0, 0xa8));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0xa0, 0xa8));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0xa0, 0xa8));
        return p;
    }
    p.setColor(QPalette::Window, QColor(0x1e, 0x21, 0x26));
    p.setColor(QPalette::WindowText, QColor(0xd8, 0xdc, 0xe2));
    p.setColor(QPalette::Base, QColor(0x16, 0x18, 0x1c));
    p.setColor(QPalette::AlternateBase, QColor(0x1c, 0x1f, 0x24));
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x2f, 0x36));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe9, 0xee));
    p.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x76, 0x81));
    p.setColor(QPalette::Text, QColor(0xd8, 0xdc, 0xe2));
    p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xd8, 0xdc, 0xe2));
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::Midlight, QColor(0x32, 0x36, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x26, 0x2a, 0x30));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x17));
    p.setColor(QPalette::Shadow, QColor(0x05, 0x06, 0x07));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x81, 0xf7));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x5c, 0x63, 0x6c));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x5c, 0x63, 0x6c));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x5c, 0x63, 0x6c));
    return p;
}

CanvasColours Theme::canvasColours(ThemeKind kind)
{
    CanvasColours c;
    if (kind == ThemeKind::Light) {
        c.background = QColor(0xfa, 0xfb, 0xfc);
        c.grid = QColor(0xec, 0xee, 0xf1);
        c.text = QColor(0x1f, 0x23, 0x28);
        c.mutedText = QColor(0x65, 0x6d, 0x76);
        c.siteFill = QColor(0xff, 0xff, 0xff);
        c.siteBorder = QColor(0xd0, 0xd7, 0xde);
        c.edgeAccent = QColor(0x0e, 0x8a, 0x7d);
        c.cloudAccent = QColor(0x1f, 0x6f, 0xeb);
        c.hpcAccent = QColor(0x82, 0x50, 0xdf);
        c.otherAccent = QColor(0x6e, 0x77, 0x81);
        c.tileNoData = QColor(0xd8, 0xdd, 0xe3);
        c.tileBorder = QColor(0x00, 0x00, 0x00, 40);
        c.good = QColor(0x2d, 0xa4, 0x4e);
        c.warning = QColor(0xe3, 0x9b, 0x0c);
        c.critical = QColor(0xd7, 0x3a, 0x49);
        c.info = QColor(0x1f, 0x8e, 0xbf);
        c.linkNoData = QColor(0xaf, 0xb8, 0xc1);
        c.selection = QColor(0x1f, 0x6f, 0xeb);
        c.switchFill = QColor(0xea, 0xee, 0xf2);
        c.switchBorder = QColor(0x57, 0x60, 0x6a);
        c.labelBackground = QColor(0xff, 0xff, 0xff, 230);
        c.chartSeries1 = QColor(0x1f, 0x6f, 0xeb);
        c.chartSeries2 = QColor(0xbf, 0x3f, 0xa8);
        c.chartSeries3 = QColor(0xe3, 0x9b, 0x0c);
        return c;
    }
    c.background = QColor(0x14, 0x16, 0x1a);
    c.grid = QColor(0x1c, 0x1f, 0x24);
    c.text = QColor(0xe6, 0xe9, 0xee);
    c.mutedText = QColor(0x8b, 0x94, 0x9e);
    c.siteFill = QColor(0x1d, 0x21, 0x27);
    c.siteBorder = QColor(0x33, 0x39, 0x41);
    c.edgeAccent = QColor(0x2b, 0xc4, 0xb0);
    c.cloudAccent = QColor(0x58, 0xa6, 0xff);
    c.hpcAccent = QColor(0xb3, 0x8a, 0xff);
    c.otherAccent = QColor(0x8b, 0x94, 0x9e);
    c.tileNoData = QColor(0x3a, 0x40, 0x48);
    c.tileBorder = QColor(0x00, 0x00, 0x00, 90);
    c.good = QColor(0x3f, 0xb9, 0x50);
    c.warning = QColor(0xe3, 0xa4, 0x1a);
    c.critical = QColor(0xf8, 0x51, 0x49);
    c.info = QColor(0x4c, 0xb8, 0xe6);
    c.linkNoData = QColor(0x5c, 0x63, 0x6c);
    c.selection = QColor(0x58, 0xa6, 0xff);
    c.switchFill = QColor(0x2a, 0x30, 0x38);
    c.switchBorder = QColor(0x9a, 0xa4, 0xae);
    c.labelBackground = QColor(0x14, 0x16, 0x1a, 225);
    c.chartSeries1 = QColor(0x58, 0xa6, 0xff);
    c.chartSeries2 = QColor(0xd2, 0x8c, 0xe6);
    c.chartSeries3 = QColor(0xe3, 0xa4, 0x1a);
    return c;
}

void Theme::apply(ThemeKind kind)
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app)
        return;
    const QPalette p = palette(kind);
    QApplication::setPalette(p);
    const QString border = p.color(QPalette::Mid).name();
    const QString header = p.color(QPalette::Button).name();
    const QString text = p.color(QPalette::WindowText).name();
    // Fusion's dock titles and table headers are the only places a palette alone looks dated.
    app->setStyleSheet(QStringLiteral(
                           "QDockWidget::title { padding: 5px 8px; background: %1; color: %2;"
                           " border-bottom: 1px solid %3; }"
                           
                           "QStatusBar { border-top: 1px solid %3; }"
                           "QStatusBar::item { border: none; }")
                           .arg(header, text, border));
}

} // namespace Continuo::Gui
