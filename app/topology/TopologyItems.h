#pragma once

#include "anomaly/Alert.h"
#include "model/Topology.h"
#include "topology/LinkLatency.h"
#include "widgets/Theme.h"

#include <QGraphicsItem>
#include <QStaticText>

#include <vector>

namespace Continuo::Gui {

/// Item types, so the scene can tell its items apart with qgraphicsitem_cast.
enum TopologyItemType {
    SiteItemType = QGraphicsItem::UserType + 1,
    NodeGridItemType,
    SwitchItemType,
    LinkItemType,
    AnomalyHaloItemType,
    WhatIfOverlayItemType,
    FabricPathItemType
};

/// What the canvas shows for one node; kept flat so 10,000 of them cost little.
struct NodeTile
{
    QString id;
    QString label;
    QString clusterId;
    NodeState state = NodeState::Unknown;
    int gpuCount = 0;
    int fpgaCount = 0;
    float cpu = -1.0f; ///< 0..1; negative while no sample has arrived.
    quint16 jobs = 0;  ///< Batch jobs running on it (Slurm), from the backend plugins.
    quint16 vms = 0;   ///< Domains up on it (libvirt).
};

/// Shared geometry of the node grid.
namespace TopologyMetrics {
inline constexpr qreal TileWidth = 108.0;
inline constexpr qreal TileHeight = 42.0;
inline constexpr qreal TileGap = 5.0;
inline constexpr qreal SitePadding = 12.0;
inline constexpr qreal HeaderHeight = 60.0;
inline constexpr qreal MinimumSiteWidth = 270.0;
inline constexpr qreal SiteGap = 36.0;
inline constexpr qreal SwitchWidth = 38.0;
inline constexpr qreal SwitchHeight = 26.0;
} // namespace TopologyMetrics

/// Every node tile of one site, painted by one item: cheap to update at frame rate and to
/// hit-test, with a level of detail that drops text and badges when tiles get small.
class NodeGridItem : public QGraphicsItem
{
public:
    explicit NodeGridItem(QGraphicsItem *parent = nullptr);

    int type() const override { return NodeGridItemType; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setColours(const CanvasColours *colours) { m_colours = colours; }
    void setTiles(std::vector<NodeTile> tiles, int columns);
    std::vector<NodeTile> &tiles() { return m_tiles; }
    const std::vector<NodeTile> &tiles() const { return m_tiles; }
    int columns() const { return m_columns; }
    QRectF tileRect(int index) const;
    /// Index of the tile under a point in item coordinates, or -1.
    int tileAt(const QPointF &position) const;
    void setSelectedIndex(int index);
    int selectedIndex() const { return m_selected; }
    void updateTile(int index) { update(tileRect(index).adjusted(-3, -3, 3, 3)); }

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    const CanvasColours *m_colours = nullptr;
    std::vector<NodeTile> m_tiles;
    int m_columns = 1;
    int m_selected = -1;
    int m_hovered = -1;
    QSizeF m_size;
};

/// A site: a labelled, rounded group box coloured by kind, holding the node grid.
class SiteItem : public QGraphicsItem
{
public:
    explicit SiteItem(const Site &site);

    int type() const override { return SiteItemType; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const Site &site() const { return m_site; }
    void setSite(const Site &site);
    void setColours(const CanvasColours *colours);
    void setSummary(const QString &summary);
    void setSize(const QSizeF &size);
    void setSelected(bool selected);
    NodeGridItem *grid() const { return m_grid; }
    /// Where the header keeps its switches (item coordinates).
    QRectF headerRect() const;

private:
    Site m_site;
    QString m_summary;
    const CanvasColours *m_colours = nullptr;
    NodeGridItem *m_grid;
    QSizeF m_size;
    bool m_selected = false;
};

/// A P4 switch: a rounded device shape with a label.
class SwitchItem : public QGraphicsItem
{
public:
    enum class LabelPlacement { Unknown, Below, Right };

    explicit SwitchItem(const Switch &sw);

    int type() const override { return SwitchItemType; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const Switch &switchData() const { return m_switch; }
    void setSwitch(const Switch &sw);
    void setColours(const CanvasColours *colours);
    void setLabelPlacement(LabelPlacement placement);
    /// Length of the uplink drawn from the glyph down to the box of its site (0: none).
    void setUplinkLength(qreal length);
    void setSelected(bool selected);
    /// In-band telemetry: the newest INT hop latency through the switch (negative: none) and
    /// how bad it is (0 good .. 1 at the SLA threshold or beyond), drawn as a tint and a badge.
    void setIntLatency(double latencyMs, double severity);
    double intLatencyMs() const { return m_intLatencyMs; }

private:
    QRectF labelRect() const;
    QRectF intBadgeRect() const;

    Switch m_switch;
    double m_intLatencyMs = -1.0;
    double m_intSeverity = 0.0;
    const CanvasColours *m_colours = nullptr;
    LabelPlacement m_placement = LabelPlacement::Below;
    qreal m_uplinkLength = 0.0;
    bool m_selected = false;
};

/// A link between two endpoints, coloured by live latency against its nominal latency.
class LinkItem : public QGraphicsItem
{
public:
    explicit LinkItem(const Link &link);

    int type() const override { return LinkItemType; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const Link &link() const { return m_link; }
    void setLink(const Link &link);
    void setColours(const CanvasColours *colours);
    /// Scene coordinates of the two ends; labelPosition is 0..1 along a -> b.
    void setEndpoints(const QPointF &a, const QPointF &b, qreal labelPosition = 0.5);
    /// The live latency and where it comes from: estimated latency is drawn dashed, its value
    /// in italics.
    void setLatency(double latencyMs, LatencySource source);
    void setLatencyMs(double latencyMs) { setLatency(latencyMs, LatencySource::Measured); }
    double latencyMs() const { return m_latencyMs; }
    LatencySource latencySource() const { return m_source; }
    QPointF endA() const { return m_a; }
    QPointF endB() const { return m_b; }
    void setSelected(bool selected);
    /// ≤1.5× nominal: good, ≤3×: warning, beyond: critical; no data: grey.
    QColor colour() const;

private:
    QFont labelFont() const;
    QRectF labelRect() const;
    QString labelText() const;

    Link m_link;
    const CanvasColours *m_colours = nullptr;
    QPointF m_a;
    QPointF m_b;
    qreal m_labelPosition = 0.5;
    double m_latencyMs = -1.0;
    LatencySource m_source = LatencySource::Unknown;
    bool m_selected = false;
};

/// A halo where an anomaly happens: around a node tile or a switch, or along a link, coloured
/// by the alert's severity; it pulses while an alert fires and nobody has acknowledged or
/// silenced it, and is drawn dashed while the alert is only pending.
class AnomalyHaloItem : public QGraphicsItem
{
public:
    AnomalyHaloItem();

    int type() const override { return AnomalyHaloItemType; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setColours(const CanvasColours *colours);
    /// Around a rectangle (scene coordinates).
    void setRect(const QRectF &rect, qreal radius);
    /// Along a line (scene coordinates).
    void setLine(const QPointF &a, const QPointF &b);
    void setSeverity(AlertSeverity severity);
    AlertSeverity severity() const { return m_severity; }
    void setPulsing(bool pulsing);
    bool isPulsing() const { return m_pulsing; }
    void setPending(bool pending);
    bool isPending() const { return m_pending; }
    /// 0..1 of the pulse cycle.
    void setPhase(qreal phase);

private:
    const CanvasColours *m_colours = nullptr;
    QRectF m_rect;
    qreal m_radius = 4.0;
    QLineF m_line;
    bool m_isLine = false;
    AlertSeverity m_severity = AlertSeverity::Unknown;
    bool m_pulsing = false;
    bool m_pending = false;
    qreal m_phase = 0.0;
};

/// What-if overlay: a node that the hypothetical changes take away (grey, hatched), a
/// deployment that would have nowhere to go (red frame on the node it runs on), or a planned
/// move (dashed arrow in the accent colour from the old node to the new one).
class WhatIfOverlayItem : public QGraphicsItem
{
public:
    enum class Kind { Unknown, Unavailable, Unplaceable, Move };

    explicit WhatIfOverlayItem(Kind kind);

    int type() const override { return WhatIfOverlayItemType; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    Kind kind() const { return m_kind; }
    void setColours(const CanvasColours *colours) { m_colours = colours; }
    /// Unavailable, Unplaceable: the node tile (scene coordinates).
    void setRect(const QRectF &rect);
    /// Move: from the centre of one tile to another.
    void setLine(const QPointF &from, const QPointF &to);
    QLineF line() const { return m_line; }
    QRectF rect() const { return m_rect; }
    /// What the overlay is about (node id or deployment id), for tooltips and tests.
    void setSubject(const QString &subject) { m_subject = subject; }
    QString subject() const { return m_subject; }

private:
    Kind m_kind;
    const CanvasColours *m_colours = nullptr;
    QRectF m_rect;
    QLineF m_line;
    QString m_subject;
};

} // namespace Continuo::Gui
