#include "topology/TopologyView.h"

#include "models/DeploymentModel.h"
#include "topology/TopologyScene.h"

#include <QDragEnterEvent>
#include <QMimeData>

#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace Continuo::Gui {

namespace {
constexpr qreal MinimumZoom = 0.02;
constexpr qreal MaximumZoom = 6.0;
} // namespace

TopologyView::TopologyView(TopologyScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("topologyView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlag(DontAdjustForAntialiasing, true);
    setCacheMode(CacheNone);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setFrameShape(QFrame::NoFrame);
    // Navigation is drag, wheel and fit; scroll bars would only eat canvas.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
    connect(m_scene, &TopologyScene::layoutChanged, this, [this] {
        if (m_autoFit)
            fitToView();
    });
}

qreal TopologyView::zoomFactor() const
{
    return transform().m11();
}

void TopologyView::fitToView()
{
    m_autoFit = true;
    const QRectF content = m_scene->contentRect().adjusted(-24, -16, 24, 24);
    fitInView(content, Qt::KeepAspectRatio);
    // Beyond 1:1 the canvas only gets blurry and sparse.
    if (zoomFactor() > 1.25)
        setTransform(QTransform::fromScale(1.25, 1.25));
    centerOn(content.center());
}

void TopologyView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoomFactor() * factor, MinimumZoom, MaximumZoom);
    const qreal applied = target / zoomFactor();
    if (std::abs(applied - 1.0) < 1e-6)
        return;
    m_autoFit = false;
    scale(applied, applied);
}

void TopologyView::zoomIn()
{
    zoomBy(1.25);
}

void TopologyView::zoomOut()
{
    zoomBy(1.0 / 1.25);
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.0015, delta));
    event->accept();
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitToView();
}

QFont TopologyLegend::legendFont() const
{
    QFont f = font();
    f.setPixelSize(11);
    return f;
}

QList<std::pair<QString, QList<TopologyLegend::Item>>> TopologyLegend::entries() const
{
    const CanvasColours &c = m_scene->colours();
    return {
        {tr("Node CPU"), {{c.good, tr("< 50 %")}, {c.warning, tr("50–90 %")}, {c.critical, tr("> 90 %")}, {c.tileNoData, tr("no data")}}},
        {tr("Link latency"),
         {{c.good, tr("≤ 1.5× nominal")},
          {c.warning, tr("≤ 3×")},
          {c.critical, tr("> 3×")},
          {c.linkNoData, tr("no data")},
          {c.mutedText, tr("estimated"), true}}},
    };
}

QSize TopologyLegend::sizeHint() const
{
    const QFontMetrics metrics(legendFont());
    int width = 8;
    for (const auto &[title, items] : entries()) {
        width += metrics.horizontalAdvance(title) + 10;
        for (const Item &item : items) {
            QFont labelFont = legendFont();
            labelFont.setItalic(item.dashed);
            width += 16 + QFontMetrics(labelFont).horizontalAdvance(item.label) + 12;
        }
        width += 14;
    }
    return QSize(width, metrics.height() + 8);
}

void TopologyLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFont font = legendFont();
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(font);
    const QFontMetrics boldMetrics(bold);
    const QColor text = palette().color(QPalette::WindowText);
    const QColor muted = palette().color(QPalette::PlaceholderText);
    int x = 8;
    const int h = height();
    for (const auto &[title, items] : entries()) {
        painter.setFont(bold);
        painter.setPen(text);
        painter.drawText(QRect(x, 0, boldMetrics.horizontalAdvance(title) + 2, h), Qt::AlignVCenter, title);
        x += boldMetrics.horizontalAdvance(title) + 10;
        painter.setFont(font);
        for (const Item &item : items) {
            if (item.dashed) {
                QPen pen(item.colour, 2.0, Qt::SolidLine, Qt::FlatCap);
                pen.setDashPattern({2.0, 1.5});
                painter.setPen(pen);
                painter.drawLine(QPointF(x, h / 2.0), QPointF(x + 12, h / 2.0));
            } else {
                painter.setPen(Qt::NoPen);
                painter.setBrush(item.colour);
                painter.drawRoundedRect(QRectF(x, (h - 10) / 2.0, 12, 10), 2, 2);
            }
            x += 16;
            QFont labelFont = font;
            labelFont.setItalic(item.dashed);
            painter.setFont(labelFont);
            painter.setPen(muted);
            painter.drawText(QRect(x, 0, QFontMetrics(labelFont).horizontalAdvance(item.label) + 2, h), Qt::AlignVCenter, item.label);
            x += QFontMetrics(labelFont).horizontalAdvance(item.label) + 12;
        }
        painter.setFont(font);
        x += 14;
    }
}

QString TopologyView::nodeAt(const QPoint &viewportPos) const
{
    const auto [kind, id] = m_scene->entityAt(mapToScene(viewportPos));
    return kind == EntityKind::Node ? id : QString();
}

void TopologyView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(DeploymentModel::mimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void TopologyView::dragMoveEvent(QDragMoveEvent *event)
{
    // Only a node takes a deployment.
    if (event->mimeData()->hasFormat(DeploymentModel::mimeType()) &&
        !nodeAt(event->position().toPoint()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void TopologyView::dropEvent(QDropEvent *event)
{
    const QString nodeId = nodeAt(event->position().toPoint());
    if (!event->mimeData()->hasFormat(DeploymentModel::mimeType()) || nodeId.isEmpty()) {
        event->ignore();
        return;
    }
    const QString deploymentId = QString::fromUtf8(event->mimeData()->data(DeploymentModel::mimeType()));
    event->acceptProposedAction();
    m_scene->select(EntityKind::Node, nodeId);
    Q_EMIT deploymentDropped(deploymentId, nodeId);
}

} // namespace Continuo::Gui
