#include "widgets/AnomalyTimeline.h"

#include "models/AlertModel.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace Continuo::Gui {

namespace {
constexpr int AxisHeight = 24;
constexpr int LaneHeight = 16;
constexpr int RowPadding = 4;
constexpr int RightMargin = 14;
constexpr int MinimumBarWidth = 4;
constexpr qint64 TickMs = 10 * 60 * 1000;
constexpr auto ClockInterval = std::chrono::seconds(5);

int labelWidthFor(int viewportWidth)
{
    return std::clamp(viewportWidth / 4, 90, 170);
}
} // namespace

AnomalyTimeline::AnomalyTimeline(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
{
    setObjectName(QStringLiteral("anomalyTimeline"));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    verticalScrollBar()->setSingleStep(LaneHeight);
    // Bars of active alerts grow with time; a pixel is several seconds of the hour.
    m_clock.setInterval(ClockInterval);
    m_clock.setTimerType(Qt::CoarseTimer);
    connect(&m_clock, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    m_clock.start();
}

QSize AnomalyTimeline::sizeHint() const
{
    return QSize(520, 220);
}

QSize AnomalyTimeline::minimumSizeHint() const
{
    return QSize(240, AxisHeight + 2 * (LaneHeight + 2 * RowPadding));
}

void AnomalyTimeline::setModel(QAbstractItemModel *model)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_model = model;
    if (m_model) {
        const auto changed = [this] { invalidate(); };
        m_connections.append(connect(m_model, &QAbstractItemModel::modelReset, this, changed));
        m_connections.append(connect(m_model, &QAbstractItemModel::rowsInserted, this, changed));
        m_connections.append(connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed));
        m_connections.append(connect(m_model, &QAbstractItemModel::layoutChanged, this, changed));
        m_connections.append(connect(m_model, &QAbstractItemModel::dataChanged, this,
                                     [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                                         // The duration ticks every second; bars follow the clock instead.
                                         if (roles.isEmpty() || roles.contains(AlertModel::StateRole))
                                             invalidate();
                                     }));
    }
    invalidate();
}

void AnomalyTimeline::setColours(const CanvasColours &colours)
{
    m_colours = colours;
    viewport()->update();
}

void AnomalyTimeline::setSelectedAlert(const QString &alertId)
{
    if (alertId == m_selected)
        return;
    m_selected = alertId;
    viewport()->update();
}

void AnomalyTimeline::invalidate()
{
    m_dirty = true;
    viewport()->update();
}

void AnomalyTimeline::rebuild()
{
    m_dirty = false;
    m_rows.clear();
    if (!m_model)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 windowStart = now - WindowMs;
    QHash<QString, int> rowOfSubject;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex index = m_model->index(r, 0);
        Bar bar;
        bar.alertId = index.data(AlertModel::AlertIdRole).toString();
        bar.startMs = index.data(AlertModel::StartedAtRole).toLongLong();
        bar.state = index.data(AlertModel::StateRole).toInt();
        const bool active = AlertState(bar.state) == AlertState::Pending || AlertState(bar.state) == AlertState::Firing;
        bar.endMs = active ? 0 : index.data(AlertModel::ResolvedAtRole).toLongLong();
        if (!active && bar.endMs > 0 && bar.endMs < windowStart)
            continue; // over before the hour began
        bar.severity = index.data(AlertModel::SeverityRole).toInt();
        bar.acknowledged = index.data(AlertModel::AcknowledgedRole).toBool();
        bar.silenced = index.data(AlertModel::SilencedRole).toBool();
        bar.rule = index.data(AlertModel::RuleRole).toString();
        bar.summary = m_model->index(r, AlertModel::SummaryColumn).data().toString();
        const QString subject = index.data(AlertModel::SubjectRole).toString();
        auto it = rowOfSubject.constFind(subject);
        if (it == rowOfSubject.cend()) {
            it = rowOfSubject.insert(subject, int(m_rows.size()));
            m_rows.append(Row{subject, {}, 1, 0, 0});
        }
        m_rows[*it].bars.append(bar);
    }
    // What is happening now and loudest goes on top; then the most recent.
    auto rank = [](const Row &row) {
        bool active = false;
        int severity = 0;
        qint64 latest = 0;
        for (const Bar &bar : row.bars) {
            const bool isActive = bar.endMs == 0;
            active = active || isActive;
            if (isActive)
                severity = std::max(severity, bar.severity);
            latest = std::max(latest, bar.startMs);
        }
        return std::make_tuple(active ? 1 : 0, severity, latest);
    };
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) { return rank(a) > rank(b); });
    int top = 0;
    for (Row &row : m_rows) {
        // Lanes: each bar goes into the first lane whose last bar ended before it started.
        std::sort(row.bars.begin(), row.bars.end(), [](const Bar &a, const Bar &b) { return a.startMs < b.startMs; });
        QList<qint64> laneEnds;
        for (Bar &bar : row.bars) {
            const qint64 end = bar.endMs == 0 ? std::numeric_limits<qint64>::max() : bar.endMs;
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.at(lane) > bar.startMs)
                ++lane;
            if (lane == laneEnds.size())
                laneEnds.append(end);
            else
                laneEnds[lane] = end;
            bar.lane = lane;
        }
        row.lanes = std::max<int>(1, int(laneEnds.size()));
        row.top = top;
        row.height = row.lanes * LaneHeight + 2 * RowPadding;
        top += row.height;
    }
    updateScrollBar();
}

int AnomalyTimeline::contentHeight() const
{
    return m_rows.isEmpty() ? 0 : m_rows.constLast().top + m_rows.constLast().height;
}

void AnomalyTimeline::updateScrollBar()
{
    const int visible = std::max(0, viewport()->height() - AxisHeight);
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, contentHeight() - visible));
}

void AnomalyTimeline::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

QRectF AnomalyTimeline::plotRect() const
{
    const int labelWidth = labelWidthFor(viewport()->width());
    return QRectF(labelWidth, AxisHeight, std::max(10, viewport()->width() - labelWidth - RightMargin),
                  std::max(0, viewport()->height() - AxisHeight));
}

double AnomalyTimeline::xOf(qint64 timestampMs, qint64 nowMs) const
{
    const QRectF plot = plotRect();
    const double t = double(timestampMs - (nowMs - WindowMs)) / double(WindowMs);
    return plot.left() + std::clamp(t, 0.0, 1.0) * plot.width();
}

QRect AnomalyTimeline::barGeometry(const Row &row, const Bar &bar, qint64 nowMs) const
{
    const double x0 = xOf(bar.startMs, nowMs);
    const double x1 = std::max(x0 + MinimumBarWidth, xOf(bar.endMs == 0 ? nowMs : bar.endMs, nowMs));
    const int y = AxisHeight + row.top - verticalScrollBar()->value() + RowPadding + bar.lane * LaneHeight + 2;
    return QRect(int(x0), y, int(x1 - x0), LaneHeight - 4);
}

int AnomalyTimeline::subjectCount()
{
    if (m_dirty)
        rebuild();
    return int(m_rows.size());
}

QRect AnomalyTimeline::barRect(const QString &alertId)
{
    if (m_dirty)
        rebuild();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Row &row : std::as_const(m_rows)) {
        for (const Bar &bar : row.bars) {
            if (bar.alertId == alertId)
                return barGeometry(row, bar, now);
        }
    }
    return {};
}

QString AnomalyTimeline::alertAt(const QPoint &position)
{
    if (m_dirty)
        rebuild();
    if (position.y() < AxisHeight)
        return {};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Row &row : std::as_const(m_rows)) {
        for (const Bar &bar : row.bars) {
            // A little slack around thin bars, so they can be hit.
            if (barGeometry(row, bar, now).adjusted(-2, -2, 2, 2).contains(position))
                return bar.alertId;
        }
    }
    return {};
}

void AnomalyTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const QString id = alertAt(event->position().toPoint());
    if (id.isEmpty()) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setSelectedAlert(id);
    Q_EMIT alertClicked(id);
    event->accept();
}

QString AnomalyTimeline::toolTipAt(const QPoint &position)
{
    const QString id = alertAt(position);
    if (id.isEmpty())
        return {};
    for (const Row &row : std::as_const(m_rows)) {
        for (const Bar &bar : row.bars) {
            if (bar.alertId != id)
                continue;
            const qint64 end = bar.endMs == 0 ? QDateTime::currentMSecsSinceEpoch() : bar.endMs;
            QString text = QStringLiteral("<b>%1</b> · %2 · %3<br/>%4<br/>%5")
                               .arg(row.subject.toHtmlEscaped(), AlertModel::severityText(AlertSeverity(bar.severity)),
                                    AlertModel::stateText(AlertState(bar.state)), bar.rule.toHtmlEscaped(),
                                    tr("%1 – %2 (%3)")
                                        .arg(QDateTime::fromMSecsSinceEpoch(bar.startMs).toString(QStringLiteral("HH:mm:ss")),
                                             bar.endMs == 0 ? tr("now")
                                                            : QDateTime::fromMSecsSinceEpoch(bar.endMs).toString(QStringLiteral("HH:mm:ss")),
                                             AlertModel::durationText(end - bar.startMs)));
            if (!bar.summary.isEmpty())
                text += QStringLiteral("<br/><i>%1</i>").arg(bar.summary.toHtmlEscaped());
            return text;
        }
    }
    return {};
}

bool AnomalyTimeline::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void AnomalyTimeline::paintEvent(QPaintEvent *)
{
    if (m_dirty)
        rebuild();
    QPainter painter(viewport());
    const CanvasColours &c = m_colours;
    const QRect area = viewport()->rect();
    painter.fillRect(area, c.siteFill);
    painter.setRenderHint(QPainter::Antialiasing);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QRectF plot = plotRect();
    const int labelWidth = labelWidthFor(area.width());
    QFont small = font();
    small.setPixelSize(11);
    const QFontMetrics metrics(small);
    painter.setFont(small);

    // Rows: alternating bands, subject labels, bars.
    const int scroll = verticalScrollBar()->value();
    painter.save();
    painter.setClipRect(QRect(0, AxisHeight, area.width(), area.height() - AxisHeight));
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        const int y = AxisHeight + row.top - scroll;
        if (y > area.height() || y + row.height < AxisHeight)
            continue;
        if (i % 2 == 1) {
            QColor band = c.siteBorder;
            band.setAlphaF(0.25f);
            painter.fillRect(QRect(0, y, area.width(), row.height), band);
        }
        painter.setPen(c.text);
        painter.drawText(QRect(8, y, labelWidth - 14, LaneHeight + 2 * RowPadding), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(row.subject, Qt::ElideMiddle, labelWidth - 14));
    }
    // Grid lines every ten minutes of wall-clock time.
    painter.setPen(QPen(c.siteBorder, 1.0));
    const qint64 firstTick = ((now - WindowMs) / TickMs + 1) * TickMs;
    for (qint64 tick = firstTick; tick <= now; tick += TickMs)
        painter.drawLine(QPointF(xOf(tick, now), AxisHeight), QPointF(xOf(tick, now), area.height()));
    for (const Row &row : std::as_const(m_rows)) {
        for (const Bar &bar : row.bars) {
            const QRect r = barGeometry(row, bar, now);
            if (r.bottom() < AxisHeight || r.top() > area.height())
                continue;
            QColor colour = c.alertColour(AlertSeverity(bar.severity));
            const bool pending = AlertState(bar.state) == AlertState::Pending;
            const bool resolved = bar.endMs != 0;
            if (resolved)
                colour.setAlphaF(0.45f);
            painter.setPen(Qt::NoPen);
            painter.setBrush(pending ? QBrush(colour, Qt::BDiagPattern) : QBrush(colour));
            painter.drawRoundedRect(r, 3, 3);
            if (pending || bar.silenced) {
                painter.setBrush(Qt::NoBrush);
                painter.setPen(QPen(colour, 1.0, bar.silenced ? Qt::DotLine : Qt::SolidLine));
                painter.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
            }
            if (bar.alertId == m_selected) {
                painter.setBrush(Qt::NoBrush);
                painter.setPen(QPen(c.selection, 2.0));
                painter.drawRoundedRect(QRectF(r).adjusted(-1.5, -1.5, 1.5, 1.5), 4, 4);
            }
        }
    }
    painter.restore();

    // The axis stays on top while rows scroll under it.
    painter.fillRect(QRect(0, 0, area.width(), AxisHeight), c.siteFill);
    painter.setPen(QPen(c.siteBorder, 1.0));
    painter.drawLine(QPointF(0, AxisHeight - 0.5), QPointF(area.width(), AxisHeight - 0.5));
    painter.setPen(c.mutedText);
    painter.drawText(QRect(8, 0, labelWidth - 14, AxisHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(tr("Last hour"), Qt::ElideRight, labelWidth - 14));
    for (qint64 tick = firstTick; tick <= now; tick += TickMs) {
        const double x = xOf(tick, now);
        const QString text = QDateTime::fromMSecsSinceEpoch(tick).toString(QStringLiteral("HH:mm"));
        const int width = metrics.horizontalAdvance(text);
        // Labels that would run into the title or into "now" are left out; the grid line stays.
        if (x - width / 2.0 < labelWidth - 4 || x + width / 2.0 > plot.right() - metrics.horizontalAdvance(tr("now")) - 6)
            continue;
        painter.drawText(QRectF(x - width / 2.0 - 2, 0, width + 4, AxisHeight), Qt::AlignCenter, text);
    }
    const QString nowText = tr("now");
    painter.drawText(QRectF(plot.right() - metrics.horizontalAdvance(nowText) - 2, 0,
                            metrics.horizontalAdvance(nowText) + 4, AxisHeight),
                     Qt::AlignCenter, nowText);
    painter.setPen(QPen(c.selection, 1.0, Qt::DashLine));
    painter.drawLine(QPointF(plot.right(), AxisHeight), QPointF(plot.right(), area.height()));

    if (m_rows.isEmpty()) {
        painter.setPen(c.mutedText);
        painter.drawText(QRect(0, AxisHeight, area.width(), area.height() - AxisHeight), Qt::AlignCenter,
                         tr("No alerts in the last hour."));
    }
}

} // namespace Continuo::Gui
