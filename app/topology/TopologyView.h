#pragma once

#include <QGraphicsView>

namespace Continuo::Gui {

class TopologyScene;

/// One-line colour legend of the canvas (tiles by CPU, links by latency against nominal).
class TopologyLegend : public QWidget
{
    Q_OBJECT
public:
    explicit TopologyLegend(TopologyScene *scene, QWidget *parent = nullptr) : QWidget(parent), m_scene(scene) {}
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Item
    {
        QColor colour;
        QString label;
        bool dashed = false; ///< a dashed line instead of a swatch
    };
    QFont legendFont() const;
    QList<std::pair<QString, QList<Item>>> entries() const;
    TopologyScene *m_scene;
};

/// Canvas view: wheel zoom around the cursor, drag to pan, fit to view (until the user zooms).
class TopologyView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit TopologyView(TopologyScene *scene, QWidget *parent = nullptr);

    qreal zoomFactor() const;

Q_SIGNALS:
    /// A deployment (DeploymentModel::mimeType()) was dropped on a node.
    void deploymentDropped(const QString &deploymentId, const QString &nodeId);

public Q_SLOTS:
    void fitToView();
    void zoomIn();
    void zoomOut();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void zoomBy(qreal factor);
    /// The node under a viewport position, empty when none.
    QString nodeAt(const QPoint &viewportPos) const;

    TopologyScene *m_scene;
    bool m_autoFit = true;
};

} // namespace Continuo::Gui
