#include "topology/FabricOverlay.h"

#include <QPainter>
#include <QPainterPath>

namespace Continuo::Gui {

FabricPathItem::FabricPathItem(Kind kind)
    : m_kind(kind)
{
    // Over the links (z 1) and under the switches (z 3), so the path runs into each switch.
    setZValue(kind == Kind::Primary ? 2.2 : (kind == Kind::Backup ? 2.1 : 2.0));
    setAcceptedMouseButtons(Qt::NoButton);
}

void FabricPathItem::setColours(const CanvasColours *colours)
{
    m_colours = colours;
    update();
}

void FabricPathItem::setPath(const QStringList &switchIds, const QPolygonF &points)
{
    prepareGeometryChange();
    m_switchIds = switchIds;
    m_points = points;
}

QRectF FabricPathItem::boundingRect() const
{
    return m_points.boundingRect().adjusted(-8, -8, 8, 8);
}

void FabricPathItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_colours || m_points.size() < 2)
        return;
    const CanvasColours &c = *m_colours;
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen;
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    switch (m_kind) {
    case Kind::Primary:
        pen.setColor(c.selection);
        pen.setWidthF(5.0);
        break;
    case Kind::Backup:
        pen.setColor(c.selection);
        pen.setWidthF(3.0);
        pen.setStyle(Qt::DashLine);
        break;
    case Kind::Previous: {
        QColor faded = c.mutedText;
        faded.setAlphaF(0.45);
        pen.setColor(faded);
        pen.setWidthF(5.0);
        pen.setStyle(Qt::DotLine);
        break;
    }
    case Kind::Unknown:
        return;
    }
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(m_points);
}

} // namespace Continuo::Gui
