#pragma once

#include "topology/TopologyItems.h"

#include <QGraphicsItem>
#include <QPolygonF>
#include <QStringList>

namespace Continuo::Gui {

/// A connection's path through the P4 fabric drawn over the links, switch to switch: the
/// current path solid in the selection colour, the disjoint backup dashed, and after a reroute
/// the path it left, faded.
class FabricPathItem : public QGraphicsItem
{
public:
    enum class Kind { Unknown, Primary, Backup, Previous };

    explicit FabricPathItem(Kind kind);

    int type() const override { return FabricPathItemType; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    Kind kind() const { return m_kind; }
    void setColours(const CanvasColours *colours);
    /// Switch ids in path order and their scene positions (same length).
    void setPath(const QStringList &switchIds, const QPolygonF &points);
    QStringList switchIds() const { return m_switchIds; }
    QPolygonF points() const { return m_points; }

private:
    Kind m_kind;
    const CanvasColours *m_colours = nullptr;
    QStringList m_switchIds;
    QPolygonF m_points;
};

} // namespace Continuo::Gui
