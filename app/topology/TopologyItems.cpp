#include "topology/TopologyItems.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Continuo::Gui {

using namespace TopologyMetrics;

namespace {

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t), float(a.alphaF()));
}

bool isDimmed(NodeState state)
{
    switch (state) {
    case NodeState::Cordoned:
    case NodeState::Draining:
    case NodeState::Down:
    case NodeState::NotReady:
    case NodeState::Maintenance:
        return true;
    default:
        return false;
    }
}

QString stateText(NodeState state)
{
    switch (state) {
    case NodeState::Cordoned:
        return QCoreApplication::translate("Continuo::Gui::Topology", "cordoned");
    case NodeState::Draining:
        return QCoreApplication::translate("Continuo::Gui::Topology", "draining");
    case NodeState::Down:
        return QCoreApplication::translate("Continuo::Gui::Topology", "down");
    case NodeState::NotReady:
        return QCoreApplication::translate("Continuo::Gui::Topology", "not ready");
    case NodeState::Maintenance:
        return QCoreApplication::translate("Continuo::Gui::Topology", "maintenance");
    default:
        return {};
    }
}

QFont scaledFont(qreal pixelSize, bool bold = false)
{
    QFont font = QApplication::font();
    font.setPixelSize(int(std::lround(pixelSize)));
    font.setBold(bold);
    return font;
}

qreal levelOfDetail(const QPainter *painter)
{
    return QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
}

} // namespace

// --- NodeGridItem -----------------------------------------------------------------------------

NodeGridItem::NodeGridItem(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setAcceptHoverEvents(true);
    setFlag(ItemUsesExtendedStyleOption); // exposedRect: paint only the tiles that need it
}

QRectF NodeGridItem::boundingRect() const
{
    return QRectF(QPointF(-3, -3), m_size + QSizeF(6, 6));
}

void NodeGridItem::setTiles(std::vector<NodeTile> tiles, int columns)
{
    prepareGeometryChange();
    m_tiles = std::move(tiles);
    m_columns = std::max(1, columns);
    const int rows = m_tiles.empty() ? 0 : int((m_tiles.size() + size_t(m_columns) - 1) / size_t(m_columns));
    m_size = QSizeF(m_columns * (TileWidth + TileGap) - TileGap, std::max(0.0, rows * (TileHeight + TileGap) - TileGap));
    m_hovered = -1;
    if (m_selected >= int(m_tiles.size()))
        m_selected = -1;
    update();
}

QRectF NodeGridItem::tileRect(int index) const
{
    const int row = index / m_columns;
    const int column = index % m_columns;
    return QRectF(column * (TileWidth + TileGap), row * (TileHeight + TileGap), TileWidth, TileHeight);
}

int NodeGridItem::tileAt(const QPointF &position) const
{
    if (position.x() < 0 || position.y() < 0)
        return -1;
    const int column = int(position.x() / (TileWidth + TileGap));
    const int row = int(position.y() / (TileHeight + TileGap));
    if (column >= m_columns)
        return -1;
    const int index = row * m_columns + column;
    if (index < 0 || index >= int(m_tiles.size()))
        return -1;
    return tileRect(index).contains(position) ? index : -1;
}

void NodeGridItem::setSelectedIndex(int index)
{
    if (index == m_selected)
        return;
    if (m_selected >= 0)
        updateTile(m_selected);
    m_selected = index;
    if (m_selected >= 0)
        updateTile(m_selected);
}

void NodeGridItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const int index = tileAt(event->pos());
    if (index == m_hovered)
        return;
    m_hovered = index;
    if (index < 0) {
        setToolTip({});
        return;
    }
    const NodeTile &tile = m_tiles[size_t(index)];
    QString text = QStringLiteral("<b>%1</b><br/>").arg(tile.label.toHtmlEscaped());
    text += QCoreApplication::translate("Continuo::Gui::Topology", "State: %1").arg(toString(tile.state));
    if (tile.cpu >= 0)
        text += QStringLiteral("<br/>")
                + QCoreApplication::translate("Continuo::Gui::Topology", "CPU: %1 %").arg(tile.cpu * 100.0, 0, 'f', 1);
    if (tile.gpuCount > 0)
        text += QStringLiteral("<br/>") + QCoreApplication::translate("Continuo::Gui::Topology", "GPUs: %1").arg(tile.gpuCount);
    if (tile.fpgaCount > 0)
        text += QStringLiteral("<br/>") + QCoreApplication::translate("Continuo::Gui::Topology", "FPGAs: %1").arg(tile.fpgaCount);
    if (tile.jobs > 0)
        text += QStringLiteral("<br/>") + QCoreApplication::translate("Continuo::Gui::Topology", "Jobs running: %1").arg(tile.jobs);
    if (tile.vms > 0)
        text += QStringLiteral("<br/>") + QCoreApplication::translate("Continuo::Gui::Topology", "Virtual machines: %1").arg(tile.vms);
    setToolTip(text);
}

void NodeGridItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (!m_colours || m_tiles.empty())
        return;
    const CanvasColours &c = *m_colours;
    const qreal lod = levelOfDetail(painter);
    const bool detailed = TileWidth * lod >= 44.0; // text only when it can be read
    const bool rounded = TileWidth * lod >= 10.0;
    const QRectF exposed = option->exposedRect.adjusted(-3, -3, 3, 3);

    // Which rows/columns intersect the exposed rect: at 10,000 nodes most are off screen.
    const int firstColumn = std::max(0, int(exposed.left() / (TileWidth + TileGap)));
    const int lastColumn = std::min(m_columns - 1, int(exposed.right() / (TileWidth + TileGap)));
    const int rows = int((m_tiles.size() + size_t(m_columns) - 1) / size_t(m_columns));
    const int firstRow = std::max(0, int(exposed.top() / (TileHeight + TileGap)));
    const int lastRow = std::min(rows - 1, int(exposed.bottom() / (TileHeight + TileGap)));

    const QFont nameFont = scaledFont(11);
    const QFont valueFont = scaledFont(13, true);
    const QFont badgeFont = scaledFont(9, true);
    const QPen borderPen(c.tileBorder, 1.0);
    QPen hatchPen(c.mutedText, 1.0);

    for (int row = firstRow; row <= lastRow; ++row) {
        for (int column = firstColumn; column <= lastColumn; ++column) {
            const int index = row * m_columns + column;
            if (index >= int(m_tiles.size()))
                break;
            const NodeTile &tile = m_tiles[size_t(index)];
            const QRectF r = tileRect(index);
            const bool dimmed = isDimmed(tile.state);
            QColor fill = tile.cpu < 0 ? c.tileNoData : c.utilisationColour(tile.cpu);
            if (dimmed)
                fill = blend(fill, c.siteFill, 0.72);
            if (!rounded) {
                painter->fillRect(r, fill);
                continue;
            }
            painter->setPen(index == m_hovered ? QPen(c.text, 1.0) : borderPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(r, 4, 4);
            if (dimmed) {
                painter->save();
                painter->setClipRect(r.adjusted(1, 1, -1, -1));
                painter->setPen(QPen(c.mutedText, 1.0, Qt::SolidLine));
                painter->setOpacity(0.35);
                for (qreal x = r.left() - r.height(); x < r.right(); x += 7)
                    painter->drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
                painter->restore();
            }
            if (tile.gpuCount > 0 || tile.fpgaCount > 0) {
                const QColor badge = tile.fpgaCount > 0 ? QColor(0xf0, 0x88, 0x3e) : QColor(0x8f, 0x5c, 0xf7);
                if (detailed) {
                    const QString text = tile.fpgaCount > 0 ? QStringLiteral("FPGA")
                                                            : (tile.gpuCount > 1 ? QStringLiteral("GPU×%1").arg(tile.gpuCount)
                                                                                 : QStringLiteral("GPU"));
                    painter->setFont(badgeFont);
                    const qreal w = QFontMetricsF(badgeFont).horizontalAdvance(text) + 6;
                    const QRectF b(r.right() - w - 3, r.bottom() - 14, w, 11);
                    painter->setPen(Qt::NoPen);
                    painter->setBrush(badge);
                    painter->drawRoundedRect(b, 3, 3);
                    painter->setPen(Qt::white);
                    painter->drawText(b, Qt::AlignCenter, text);
                } else {
                    painter->setPen(Qt::NoPen);
                    painter->setBrush(badge);
                    painter->drawEllipse(QRectF(r.right() - 10, r.top() + 3, 7, 7));
                }
            }
            if ((tile.jobs > 0 || tile.vms > 0) && detailed) {
                // What the backends run here, top right: "VM 2", "JOB 5".
                const QString text = tile.vms > 0 ? QStringLiteral("VM %1").arg(tile.vms)
                                                  : QStringLiteral("JOB %1").arg(tile.jobs);
                painter->setFont(badgeFont);
                const qreal w = QFontMetricsF(badgeFont).horizontalAdvance(text) + 6;
                const QRectF b(r.right() - w - 3, r.top() + 3, w, 11);
                painter->setPen(Qt::NoPen);
                painter->setBrush(QColor(0x1f, 0x9e, 0x89));
                painter->drawRoundedRect(b, 3, 3);
                painter->setPen(Qt::white);
                painter->drawText(b, Qt::AlignCenter, text);
            }
            if (detailed) {
                // Dark text on the bright tiles, light text on the dimmed ones.
                const QColor ink = (dimmed || tile.cpu < 0) ? c.text : QColor(0x10, 0x14, 0x18);
                painter->setPen(ink);
                painter->setFont(nameFont);
                const QRectF nameRect = r.adjusted(5, 2, -4, -r.height() / 2);
                painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                                  QFontMetricsF(nameFont).elidedText(tile.label, Qt::ElideMiddle, nameRect.width()));
                const QRectF valueRect = r.adjusted(5, r.height() / 2 - 1, -4, -2);
                QString value;
                if (dimmed) {
                    painter->setFont(scaledFont(10, true));
                    value = stateText(tile.state);
                } else {
                    painter->setFont(valueFont);
                    value = tile.cpu < 0 ? QStringLiteral("–") : QStringLiteral("%1%").arg(int(std::lround(tile.cpu * 100)));
                }
                painter->drawText(valueRect, Qt::AlignLeft | Qt::AlignVCenter, value);
            }
            if (index == m_selected) {
                painter->setBrush(Qt::NoBrush);
                painter->setPen(QPen(c.selection, 2.5));
                painter->drawRoundedRect(r.adjusted(-2, -2, 2, 2), 5, 5);
            }
        }
    }
}

// --- SiteItem ---------------------------------------------------------------------------------

SiteItem::SiteItem(const Site &site)
    : m_site(site)
    , m_grid(new NodeGridItem(this))
{
    // The box and header change rarely: cache them; the grid child repaints at frame rate.
    setCacheMode(DeviceCoordinateCache);
    m_grid->setPos(SitePadding, HeaderHeight);
    setZValue(0);
}

QRectF SiteItem::boundingRect() const
{
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

QRectF SiteItem::headerRect() const
{
    return QRectF(0, 0, m_size.width(), HeaderHeight - 6);
}

void SiteItem::setSite(const Site &site)
{
    if (site == m_site)
        return;
    m_site = site;
    update();
}

void SiteItem::setColours(const CanvasColours *colours)
{
    m_colours = colours;
    m_grid->setColours(colours);
    update();
    m_grid->update();
}

void SiteItem::setSummary(const QString &summary)
{
    if (summary == m_summary)
        return;
    m_summary = summary;
    update();
}

void SiteItem::setSize(const QSizeF &size)
{
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
}

void SiteItem::setSelected(bool selected)
{
    if (selected == m_selected)
        return;
    m_selected = selected;
    update();
}

void SiteItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_colours)
        return;
    const CanvasColours &c = *m_colours;
    const QColor accent = c.siteAccent(m_site.kind);
    const QRectF box(QPointF(0, 0), m_size);
    painter->setRenderHint(QPainter::Antialiasing);

    painter->setPen(QPen(m_selected ? c.selection : c.siteBorder, m_selected ? 2.0 : 1.0));
    painter->setBrush(c.siteFill);
    painter->drawRoundedRect(box, 10, 10);

    // Kind-coloured strip along the top edge, clipped to the rounded box.
    QPainterPath clip;
    clip.addRoundedRect(box, 10, 10);
    painter->save();
    painter->setClipPath(clip);
    painter->fillRect(QRectF(0, 0, m_size.width(), 4), accent);
    QColor tint = accent;
    tint.setAlphaF(0.08f);
    painter->fillRect(QRectF(0, 4, m_size.width(), HeaderHeight - 10), tint);
    painter->restore();

    const qreal lod = levelOfDetail(painter);
    if (lod < 0.15)
        return;

    QString kindText;
    switch (m_site.kind) {
    case SiteKind::Edge:
        kindText = QCoreApplication::translate("Continuo::Gui::Topology", "EDGE");
        break;
    case SiteKind::Cloud:
        kindText = QCoreApplication::translate("Continuo::Gui::Topology", "CLOUD");
        break;
    case SiteKind::Hpc:
        kindText = QCoreApplication::translate("Continuo::Gui::Topology", "HPC");
        break;
    case SiteKind::Unknown:
        kindText = QCoreApplication::translate("Continuo::Gui::Topology", "SITE");
        break;
    }
    // Header: [KIND] Name, then the summary line; the right part is kept for switches.
    const QFont pillFont = scaledFont(10, true);
    const QFont titleFont = scaledFont(15, true);
    const QFont summaryFont = scaledFont(11);
    const qreal pillWidth = QFontMetricsF(pillFont).horizontalAdvance(kindText) + 10;
    const QRectF pill(SitePadding, 12, pillWidth, 16);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawRoundedRect(pill, 3, 3);
    painter->setFont(pillFont);
    painter->setPen(QColor(0x10, 0x14, 0x18));
    painter->drawText(pill, Qt::AlignCenter, kindText);

    const qreal titleLeft = pill.right() + 8;
    const qreal rightLimit = m_size.width() - SitePadding;
    painter->setFont(titleFont);
    painter->setPen(c.text);
    const QString title = m_site.name.isEmpty() ? m_site.id : m_site.name;
    painter->drawText(QRectF(titleLeft, 8, rightLimit - titleLeft, 24), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, rightLimit - titleLeft));
    painter->setFont(summaryFont);
    painter->setPen(c.mutedText);
    painter->drawText(QRectF(SitePadding, 32, rightLimit - SitePadding, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(summaryFont).elidedText(m_summary, Qt::ElideRight, rightLimit - SitePadding));
}

// --- SwitchItem -------------------------------------------------------------------------------

SwitchItem::SwitchItem(const Switch &sw)
    : m_switch(sw)
{
    setCacheMode(DeviceCoordinateCache);
    setZValue(3);
    setToolTip(QStringLiteral("%1 (%2)").arg(sw.name, sw.id));
}

void SwitchItem::setSwitch(const Switch &sw)
{
    if (sw == m_switch)
        return;
    prepareGeometryChange();
    m_switch = sw;
    setToolTip(QStringLiteral("%1 (%2)").arg(sw.name, sw.id));
    update();
}

void SwitchItem::setColours(const CanvasColours *colours)
{
    m_colours = colours;
    update();
}

void SwitchItem::setLabelPlacement(LabelPlacement placement)
{
    if (placement == m_placement)
        return;
    prepareGeometryChange();
    m_placement = placement;
}

void SwitchItem::setUplinkLength(qreal length)
{
    if (length == m_uplinkLength)
        return;
    prepareGeometryChange();
    m_uplinkLength = length;
}

void SwitchItem::setSelected(bool selected)
{
    if (selected == m_selected)
        return;
    m_selected = selected;
    update();
}

QRectF SwitchItem::labelRect() const
{
    const QString text = m_switch.name.isEmpty() ? m_switch.id : m_switch.name;
    const QFontMetricsF metrics(scaledFont(11, true));
    const qreal width = std::min<qreal>(170, metrics.horizontalAdvance(text) + 4);
    if (m_placement == LabelPlacement::Right)
        return QRectF(SwitchWidth / 2 + 8, -9, width, 18);
    return QRectF(-width / 2, SwitchHeight / 2 + 4, width, 18);
}

void SwitchItem::setIntLatency(double latencyMs, double severity)
{
    if (latencyMs == m_intLatencyMs && severity == m_intSeverity)
        return;
    if ((latencyMs < 0) != (m_intLatencyMs < 0))
        prepareGeometryChange();
    m_intLatencyMs = latencyMs;
    m_intSeverity = severity;
    setToolTip(latencyMs < 0 ? QStringLiteral("%1 (%2)").arg(m_switch.name, m_switch.id)
                             : QObject::tr("%1 (%2)\nINT hop latency %3 ms")
                                   .arg(m_switch.name, m_switch.id)
                                   .arg(latencyMs, 0, 'f', 3));
    update();
}

QRectF SwitchItem::intBadgeRect() const
{
    return QRectF(-32, -SwitchHeight / 2 - 19, 64, 15);
}

QRectF SwitchItem::boundingRect() const
{
    QRectF rect = QRectF(-SwitchWidth / 2 - 3, -SwitchHeight / 2 - 3, SwitchWidth + 6, SwitchHeight + 6 + m_uplinkLength)
                      .united(labelRect());
    return m_intLatencyMs < 0 ? rect : rect.united(intBadgeRect());
}

QPainterPath SwitchItem::shape() const
{
    QPainterPath path;
    path.addRect(boundingRect());
    return path;
}

void SwitchItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_colours)
        return;
    const CanvasColours &c = *m_colours;
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF body(-SwitchWidth / 2, -SwitchHeight / 2, SwitchWidth, SwitchHeight);
    if (m_uplinkLength > 0) {
        painter->setPen(QPen(c.switchBorder, 2.0));
        painter->drawLine(QPointF(0, SwitchHeight / 2), QPointF(0, SwitchHeight / 2 + m_uplinkLength));
    }
    QColor border = c.switchBorder;
    if (m_switch.state == SwitchState::Degraded)
        border = c.warning;
    else if (m_switch.state == SwitchState::Down)
        border = c.critical;
    painter->setPen(QPen(m_selected ? c.selection : border, m_selected ? 2.5 : 1.6));
    painter->setBrush(c.switchFill);
    painter->drawRoundedRect(body, 5, 5);
    if (m_intLatencyMs >= 0) {
        // INT hop latency: a tint of the body and a badge above it.
        QColor tint = c.utilisationColour(std::clamp(m_intSeverity, 0.0, 1.0));
        tint.setAlphaF(0.35);
        painter->setPen(Qt::NoPen);
        painter->setBrush(tint);
        painter->drawRoundedRect(body, 5, 5);
    }
    // Four crossing arrows, the usual switch glyph.
    painter->setPen(QPen(border, 1.4, Qt::SolidLine, Qt::RoundCap));
    const qreal y1 = -4, y2 = 4, x = 9;
    painter->drawLine(QPointF(-x, y1), QPointF(x, y1));
    painter->drawLine(QPointF(x - 3, y1 - 3), QPointF(x, y1));
    painter->drawLine(QPointF(x - 3, y1 + 3), QPointF(x, y1));
    painter->drawLine(QPointF(-x, y2), QPointF(x, y2));
    painter->drawLine(QPointF(-x + 3, y2 - 3), QPointF(-x, y2));
    painter->drawLine(QPointF(-x + 3, y2 + 3), QPointF(-x, y2));

    if (levelOfDetail(painter) < 0.3)
        return;
    const QFont font = scaledFont(11, true);
    painter->setFont(font);
    painter->setPen(c.text);
    const QRectF label = labelRect();
    const QString text = m_switch.name.isEmpty() ? m_switch.id : m_switch.name;
    painter->drawText(label, (m_placement == LabelPlacement::Right ? Qt::AlignLeft : Qt::AlignHCenter) | Qt::AlignVCenter,
                      QFontMetricsF(font).elidedText(text, Qt::ElideRight, label.width()));
    if (m_intLatencyMs >= 0) {
        const QRectF badge = intBadgeRect();
        painter->setPen(QPen(c.utilisationColour(std::clamp(m_intSeverity, 0.0, 1.0)), 1.2));
        painter->setBrush(c.labelBackground);
        painter->drawRoundedRect(badge, 4, 4);
        painter->setFont(scaledFont(9, false));
        painter->setPen(c.text);
        const QString value = m_intLatencyMs < 1.0 ? QStringLiteral("%1 µs").arg(m_intLatencyMs * 1000.0, 0, 'f', 0)
                                                   : QStringLiteral("%1 ms").arg(m_intLatencyMs, 0, 'f', 2);
        painter->drawText(badge, Qt::AlignCenter, value);
    }
}

// --- LinkItem ---------------------------------------------------------------------------------

LinkItem::LinkItem(const Link &link)
    : m_link(link)
{
    setZValue(2);
    setToolTip(link.id);
}

void LinkItem::setLink(const Link &link)
{
    if (link == m_link)
        return;
    m_link = link;
    update();
}

void LinkItem::setColours(const CanvasColours *colours)
{
    m_colours = colours;
    update();
}

void LinkItem::setEndpoints(const QPointF &a, const QPointF &b, qreal labelPosition)
{
    if (a == m_a && b == m_b && labelPosition == m_labelPosition)
        return;
    prepareGeometryChange();
    m_a = a;
    m_b = b;
    m_labelPosition = labelPosition;
}

void LinkItem::setLatency(double latencyMs, LatencySource source)
{
    if (latencyMs == m_latencyMs && source == m_source)
        return;
    // The label's width follows its text and its style (italic for estimates).
    const QRectF before = labelRect();
    const double oldLatency = m_latencyMs;
    const LatencySource oldSource = m_source;
    m_latencyMs = latencyMs;
    m_source = source;
    const QRectF after = labelRect();
    if (after.width() != before.width()) {
        m_latencyMs = oldLatency;
        m_source = oldSource;
        prepareGeometryChange();
        m_latencyMs = latencyMs;
        m_source = source;
    }
    if (source == LatencySource::Estimated)
        setToolTip(QCoreApplication::translate("Continuo::Gui::Topology",
                                               "%1: latency estimated by network tomography (nothing measures this link)")
                       .arg(m_link.id));
    else
        setToolTip(m_link.id);
    update();
}

void LinkItem::setSelected(bool selected)
{
    if (selected == m_selected)
        return;
    m_selected = selected;
    update();
}

QColor LinkItem::colour() const
{
    if (!m_colours)
        return {};
    if (m_link.state == LinkState::Down)
        return m_colours->critical;
    if (m_latencyMs < 0)
        return m_colours->linkNoData;
    const double nominal = m_link.latencyMs > 0 ? m_link.latencyMs : 0.0;
    if (nominal <= 0)
        return m_colours->good;
    const double ratio = m_latencyMs / nominal;
    if (ratio <= 1.5)
        return m_colours->good;
    if (ratio <= 3.0)
        return m_colours->warning;
    return m_colours->critical;
}

QString LinkItem::labelText() const
{
    if (m_latencyMs < 0)
        return QStringLiteral("– ms");
    return QStringLiteral("%1 ms").arg(m_latencyMs, 0, 'f', m_latencyMs < 10 ? 2 : 1);
}

QFont LinkItem::labelFont() const
{
    QFont font = scaledFont(11, true);
    font.setItalic(m_source == LatencySource::Estimated);
    return font;
}

QRectF LinkItem::labelRect() const
{
    const QFontMetricsF metrics(labelFont());
    const qreal width = metrics.horizontalAdvance(labelText()) + 12;
    const QPointF centre = m_a + (m_b - m_a) * m_labelPosition;
    return QRectF(centre.x() - width / 2, centre.y() - 9, width, 18);
}

QRectF LinkItem::boundingRect() const
{
    return QRectF(m_a, m_b).normalized().adjusted(-4, -4, 4, 4).united(labelRect().adjusted(-2, -2, 2, 2));
}

QPainterPath LinkItem::shape() const
{
    QPainterPath line(m_a);
    line.lineTo(m_b);
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath path = stroker.createStroke(line);
    path.addRect(labelRect());
    return path;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_colours)
        return;
    const CanvasColours &c = *m_colours;
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = this->colour();
    if (m_selected) {
        QColor halo = c.selection;
        halo.setAlphaF(0.35f);
        painter->setPen(QPen(halo, 9, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(m_a, m_b);
    }
    // Down links and links whose latency is only estimated are dashed (a down link in red).
    const bool estimated = m_source == LatencySource::Estimated;
    QPen pen(colour, m_selected ? 3.5 : 2.5, Qt::SolidLine, Qt::RoundCap);
    if (m_link.state == LinkState::Down) {
        pen.setStyle(Qt::DashLine);
    } else if (estimated) {
        pen.setCapStyle(Qt::FlatCap);
        pen.setDashPattern({3.0, 2.2});
    }
    painter->setPen(pen);
    painter->drawLine(m_a, m_b);

    if (levelOfDetail(painter) < 0.35)
        return;
    const QRectF label = labelRect();
    painter->setPen(QPen(colour, 1.2, estimated ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(c.labelBackground);
    painter->drawRoundedRect(label, 9, 9);
    painter->setFont(labelFont());
    painter->setPen(estimated ? c.mutedText : c.text);
    painter->drawText(label, Qt::AlignCenter, labelText());
}

// --- AnomalyHaloItem --------------------------------------------------------------------------

namespace {
constexpr qreal HaloWidth = 7.0;
} // namespace

AnomalyHaloItem::AnomalyHaloItem()
{
    // Between the site boxes (0) and the links (2): rings around tiles stay visible, switches
    // and links keep their own look on top of their halo.
    setZValue(1);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void AnomalyHaloItem::setColours(const CanvasColours *colours)
{
    m_colours = colours;
    update();
}

void AnomalyHaloItem::setRect(const QRectF &rect, qreal radius)
{
    if (!m_isLine && rect == m_rect && radius == m_radius)
        return;
    prepareGeometryChange();
    m_isLine = false;
    m_rect = rect;
    m_radius = radius;
}

void AnomalyHaloItem::setLine(const QPointF &a, const QPointF &b)
{
    if (m_isLine && m_line == QLineF(a, b))
        return;
    prepareGeometryChange();
    m_isLine = true;
    m_line = QLineF(a, b);
}

void AnomalyHaloItem::setSeverity(AlertSeverity severity)
{
    if (severity == m_severity)
        return;
    m_severity = severity;
    update();
}

void AnomalyHaloItem::setPulsing(bool pulsing)
{
    if (pulsing == m_pulsing)
        return;
    m_pulsing = pulsing;
    update();
}

void AnomalyHaloItem::setPending(bool pending)
{
    if (pending == m_pending)
        return;
    m_pending = pending;
    update();
}

void AnomalyHaloItem::setPhase(qreal phase)
{
    m_phase = phase;
    if (m_pulsing)
        update();
}

QRectF AnomalyHaloItem::boundingRect() const
{
    const qreal margin = HaloWidth + 6;
    if (m_isLine)
        return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-margin, -margin, margin, margin);
    return m_rect.adjusted(-margin, -margin, margin, margin);
}

void AnomalyHaloItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_colours || m_severity == AlertSeverity::Unknown)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = m_colours->alertColour(m_severity);
    // A slow breathing pulse: the glow swells and fades, the inner ring stays put.
    const qreal wave = m_pulsing ? 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * m_phase) : 0.6;
    QColor glow = colour;
    glow.setAlphaF(float(0.18 + 0.32 * wave));
    const qreal glowWidth = HaloWidth + (m_pulsing ? 5.0 * wave : 0.0);
    QPen ring(colour, 2.0, m_pending ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
    if (m_isLine) {
        painter->setPen(QPen(glow, 2.5 + 2 * glowWidth, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(m_line);
        return;
    }
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(glow, glowWidth));
    const qreal inset = 3.0 + glowWidth / 2;
    painter->drawRoundedRect(m_rect.adjusted(-inset, -inset, inset, inset), m_radius + inset, m_radius + inset);
    painter->setPen(ring);
    painter->drawRoundedRect(m_rect.adjusted(-2.5, -2.5, 2.5, 2.5), m_radius + 2, m_radius + 2);
}

WhatIfOverlayItem::WhatIfOverlayItem(Kind kind)
    : m_kind(kind)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(kind == Kind::Move ? 4.0 : 3.0);
}

QRectF WhatIfOverlayItem::boundingRect() const
{
    if (m_kind == Kind::Move)
        return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-12, -12, 12, 12);
    return m_rect.adjusted(-4, -4, 4, 4);
}

void WhatIfOverlayItem::setRect(const QRectF &rect)
{
    prepareGeometryChange();
    m_rect = rect;
}

void WhatIfOverlayItem::setLine(const QPointF &from, const QPointF &to)
{
    prepareGeometryChange();
    m_line = QLineF(from, to);
}

void WhatIfOverlayItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_colours)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    switch (m_kind) {
    case Kind::Unavailable: {
        QColor shade = m_colours->background;
        shade.setAlphaF(0.55f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(shade);
        painter->drawRoundedRect(m_rect, 4, 4);
        painter->setBrush(QBrush(m_colours->mutedText, Qt::BDiagPattern));
        painter->drawRoundedRect(m_rect, 4, 4);
        painter->setPen(QPen(m_colours->mutedText, 1.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_rect, 4, 4);
        break;
    }
    case Kind::Unplaceable:
        painter->setPen(QPen(m_colours->critical, 3.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_rect.adjusted(-2, -2, 2, 2), 5, 5);
        break;
    case Kind::Move: {
        if (m_line.length() < 1.0)
            break;
        const QColor accent = m_colours->selection;
        painter->setPen(QPen(accent, 2.5, Qt::DashLine, Qt::RoundCap));
        painter->drawLine(m_line);
        // Arrow head at the target.
        const double angle = std::atan2(-m_line.dy(), m_line.dx());
        const QPointF tip = m_line.p2();
        constexpr double head = 11.0;
        const QPointF left = tip - QPointF(std::cos(angle - std::numbers::pi / 7) * head,
                                           -std::sin(angle - std::numbers::pi / 7) * head);
        const QPointF right = tip - QPointF(std::cos(angle + std::numbers::pi / 7) * head,
                                            -std::sin(angle + std::numbers::pi / 7) * head);
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawPolygon(QPolygonF({tip, left, right}));
        break;
    }
    case Kind::Unknown:
        break;
    }
    painter->restore();
}

} // namespace Continuo::Gui
