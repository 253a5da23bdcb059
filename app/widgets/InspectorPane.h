#pragma once

#include "model/Inventory.h"
#include "telemetry/Series.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
QT_END_NAMESPACE

namespace Continuo::Gui {

/// Properties of the selected inventory object, grouped like Qt Creator's property panes.
class InspectorPane : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorPane(QWidget *parent = nullptr);

    void showNothing();
    void showSite(const Site &site, const Inventory &inventory);
    void showNode(const Node &node, const Inventory &inventory);
    void showSwitch(const Switch &sw, const Inventory &inventory);
    void showLink(const Link &link, const Inventory &inventory);

    /// Update a live row ("latency", "cpu", "memory") without rebuilding the tree.
    void setLiveValue(const QString &key, const QString &text);
    /// List the shown link's latency series (measured, or estimated by tomography); their
    /// rows are keyed "series:<series key>" and open in a chart on double-click.
    void setLatencySeries(const QList<SeriesBatch> &series);

    /// Value shown for a property key ("id", "kind", "site", "state", "latency", ...).
    QString value(const QString &key) const;
    QString title() const;

Q_SIGNALS:
    /// The operator double-clicked a series row.
    void seriesActivated(const Continuo::SeriesBatch &series);

private:
    void begin(const QString &title, const QString &subtitle, const QString &badge, const QColor &badgeColour);
    QTreeWidgetItem *group(const QString &name);
    QTreeWidgetItem *row(QTreeWidgetItem *group, const QString &key, const QString &name, const QString &value);
    void finish();

    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_badge;
    QTreeWidget *m_tree;
    QHash<QString, SeriesBatch> m_series; ///< by series key, for the rows listing them
};

} // namespace Continuo::Gui
