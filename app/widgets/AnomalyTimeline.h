#pragma once

#include "widgets/Theme.h"

#include <QAbstractScrollArea>
#include <QPointer>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
QT_END_NAMESPACE

namespace Continuo::Gui {

/// The last hour of alerts as bars over time, one row per subject (node, link, site or
/// series), overlapping alerts of a subject in lanes; colour by severity, hatched while
/// pending, faded once resolved. Clicking a bar selects the alert. Reads any model with
/// AlertModel's roles (the filtered list, so filters apply here too).
class AnomalyTimeline : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr qint64 WindowMs = 60 * 60 * 1000;

    explicit AnomalyTimeline(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    void setColours(const CanvasColours &colours);

    void setSelectedAlert(const QString &alertId);
    QString selectedAlert() const { return m_selected; }

    int subjectCount();
    /// Viewport rectangle of an alert's bar; empty if it is not shown.
    QRect barRect(const QString &alertId);
    /// The alert whose bar is at a viewport position, or empty.
    QString alertAt(const QPoint &position);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The operator clicked an alert's bar.
    void alertClicked(const QString &alertId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Bar
    {
        QString alertId;
        qint64 startMs = 0;
        qint64 endMs = 0; ///< 0 while active
        int severity = 0;
        int state = 0;
        bool acknowledged = false;
        bool silenced = false;
        QString rule;
        QString summary;
        int lane = 0;
    };
    struct Row
    {
        QString subject;
        QList<Bar> bars;
        int lanes = 1;
        int top = 0; ///< content y
        int height = 0;
    };

    void invalidate();
    void rebuild();
    void updateScrollBar();
    int contentHeight() const;
    QRectF plotRect() const;
    double xOf(qint64 timestampMs, qint64 nowMs) const;
    QRect barGeometry(const Row &row, const Bar &bar, qint64 nowMs) const;
    QString toolTipAt(const QPoint &position);

    QPointer<QAbstractItemModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    CanvasColours m_colours;
    QList<Row> m_rows;
    bool m_dirty = true;
    QString m_selected;
    QTimer m_clock;
};

} // namespace Continuo::Gui
