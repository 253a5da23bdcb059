#pragma once

#include "anomaly/Alert.h"
#include "orchestration/PlacementPlanner.h"
#include "model/Event.h"
#include "model/Inventory.h"
#include "plugin/IComputeBackend.h"
#include "telemetry/Series.h"
#include "topology/FabricOverlay.h"
#include "topology/TopologyItems.h"
#include "widgets/Theme.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QTimer>

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

/// The continuum canvas: sites with their node grids, the switch fabric and its links.
/// Follows the control plane's inventory incrementally and paints live CPU and link latency
/// (measured or estimated) at a fixed frame rate, and halos where active alerts are.
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static constexpr auto FrameInterval = std::chrono::milliseconds(200); // 5 Hz
    /// Halos of firing alerts pulse at this rate while any exists.
    static constexpr auto PulseInterval = std::chrono::milliseconds(80);
    static constexpr auto PulsePeriod = std::chrono::milliseconds(1600);

    explicit TopologyScene(QObject *parent = nullptr);
    ~TopologyScene() override;

    /// Not owned. Passing nullptr detaches and clears the canvas.
    void setControlPlane(IControlPlane *controlPlane);
    void setColours(const CanvasColours &colours);
    const CanvasColours &colours() const { return m_colours; }

    /// Select an inventory object (Node, Site, Switch, Link); an empty id clears the selection.
    void select(EntityKind kind, const QString &id);
    EntityKind selectedKind() const { return m_selectedKind; }
    QString selectedId() const { return m_selectedId; }

    int siteCount() const { return int(m_sites.size()); }
    int nodeCount() const { return int(m_nodeIndex.size()); }
    int switchCount() const { return int(m_switches.size()); }
    int linkCount() const { return int(m_links.size()); }
    /// Times the layout was recomputed (membership changes), for tests and diagnostics.
    int layoutCount() const { return m_layoutCount; }
    /// Live CPU utilisation (0..1) last painted for a node; negative if none.
    double nodeCpu(const QString &nodeId) const;
    /// Live latency (ms) last painted for a link; negative if none.
    double linkLatencyMs(const QString &linkId) const;
    /// Whether that latency was measured or estimated (Unknown without data).
    LatencySource linkLatencySource(const QString &linkId) const;
    /// Severity of the halo on a node, link or switch; Unknown when nothing is wrong there.
    AlertSeverity anomalySeverity(EntityKind kind, const QString &id) const;
    /// Whether that halo pulses (a firing alert nobody acknowledged or silenced).
    bool isAnomalyPulsing(EntityKind kind, const QString &id) const;
    int haloCount() const { return int(m_halos.size()); }
    /// Scene rectangle of a node tile (empty if unknown).
    QRectF nodeRect(const QString &nodeId) const;
    QRectF switchRect(const QString &switchId) const;
    QRectF linkLabelRect(const QString &linkId) const;
    /// Bounding box of everything that is drawn.
    QRectF contentRect() const;

    /// Apply pending live values and layout now (the frame timer does this on its own).
    void applyFrame();

    /// The inventory object drawn at a scene position (Unknown and empty when none).
    std::pair<EntityKind, QString> entityAt(const QPointF &scenePos) const;

    /// What-if overlay: unavailable nodes hatched, planned moves as arrows, deployments with
    /// nowhere to go framed red. Follows relayouts until cleared.
    void setWhatIfOverlay(const WhatIfResult &result);
    /// Jobs and domains the backends run: each node shows how many run on it (badge, tooltip).
    void setBackendObjects(const QList<BackendObject> &objects);
    /// {jobs, vms} running on a node as last set.
    std::pair<int, int> backendCounts(const QString &nodeId) const;
    void clearWhatIfOverlay();
    bool hasWhatIfOverlay() const { return m_whatIf.has_value(); }
    QList<WhatIfOverlayItem *> whatIfItems() const { return m_whatIfItems; }

    // ---- P4 fabric (issue 7) ------------------------------------------------------------
    /// How long the path a rerouted connection left stays drawn (faded).
    static constexpr auto RerouteFadeDuration = std::chrono::seconds(20);
    /// The INT metric a switch shows: newest per-flow average hop latency through it.
    static constexpr auto IntHopLatencyMetric = "int_hop_latency_avg_seconds";
    /// Highlight a connection's path (switch ids) and its backup; an empty id clears it. A
    /// "Network.Reroute" event for this connection moves the highlight to the new path and
    /// keeps the old one faded for RerouteFadeDuration.
    void setFabricPath(const QString &connectionId, const QStringList &path, const QStringList &backupPath);
    QString fabricConnectionId() const { return m_fabricConnectionId; }
    QStringList fabricPath() const { return m_fabricPath; }
    QStringList fabricBackupPath() const { return m_fabricBackup; }
    /// The path left by the last reroute while it is still drawn.
    QStringList fabricPreviousPath() const { return m_fabricPrevious; }
    bool isOnFabricPath(const QString &switchId) const { return m_fabricPath.contains(switchId); }
    QList<FabricPathItem *> fabricItems() const { return m_fabricItems; }
    /// Newest INT hop latency (ms) painted on a switch; negative if none.
    double switchIntLatencyMs(const QString &switchId) const;
    /// Latency at which a switch is drawn critical (the tightest SLA threshold); default 1 ms.
    void setIntLatencyThresholdMs(double thresholdMs);

Q_SIGNALS:
    void selectionChanged(Continuo::EntityKind kind, const QString &id);
    /// The layout changed (membership): views may want to fit again.
    void layoutChanged();
    /// Right click on an object (or on nothing: Unknown); screenPos is global.
    void contextMenuRequested(Continuo::EntityKind kind, const QString &id, const QPoint &screenPos);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    struct NodeLocation
    {
        SiteItem *site = nullptr;
        int index = -1;
    };

    void rebuild();
    void applyDeltas(const QList<InventoryDelta> &deltas);
    void onSamples(int subscriptionId, const QList<SeriesBatch> &batches);
    void onAlertChanged(const Alert &alert);
    void reloadAlerts();
    void updateHalos();
    void pulse();
    void relayout();
    void updateSiteSummaries();
    void positionLinks();
    QPointF endpointPosition(const QString &id, bool *isBackbone) const;
    NodeTile makeTile(const Node &node) const;
    void updateNodeTile(const Node &node);
    void updateNodeDevices(const QString &nodeId);
    void applySelectionHighlight(bool on);
    void subscribe();
    void unsubscribe();
    void clearItems();
    void updateWhatIfOverlay();
    void onEvents(const QList<Event> &events);
    void updateFabricOverlay();
    /// Inventory id of a switch named by a telemetry label (its id or its name); empty if none.
    QString switchIdFor(const QString &label) const;

    QPointer<IControlPlane> m_controlPlane;
    QList<QMetaObject::Connection> m_connections;
    CanvasColours m_colours;
    QHash<QString, SiteItem *> m_sites;
    QHash<QString, SwitchItem *> m_switches;
    QHash<QString, LinkItem *> m_links;
    QHash<QString, NodeLocation> m_nodeIndex;
    QHash<QString, float> m_pendingCpu;
    QHash<QString, std::pair<quint16, quint16>> m_backendCounts; ///< node -> {jobs, vms}
    struct LatencyValue
    {
        double ms = -1.0;
        LatencySource source = LatencySource::Unknown;
    };
    QHash<QString, LatencyValue> m_pendingLatency;
    QHash<QString, qint64> m_lastMeasuredMs; ///< sample time of each link's newest measurement
    QHash<QString, Alert> m_activeAlerts;    ///< by alert id
    QHash<QString, AnomalyHaloItem *> m_halos; ///< by "kind:id"
    QTimer m_frameTimer;
    QTimer m_pulseTimer;
    bool m_halosDirty = false;
    bool m_layoutDirty = false;
    bool m_summariesDirty = false;
    int m_cpuSubscription = 0;
    int m_latencySubscription = 0;
    int m_layoutCount = 0;
    std::optional<WhatIfResult> m_whatIf;
    QList<WhatIfOverlayItem *> m_whatIfItems;
    EntityKind m_selectedKind = EntityKind::Unknown;
    QString m_selectedId;

    QString m_fabricConnectionId;
    QStringList m_fabricPath;
    QStringList m_fabricBackup;
    QStringList m_fabricPrevious;
    QList<FabricPathItem *> m_fabricItems;
    QTimer m_fadeTimer;
    int m_intSubscription = 0;
    QHash<QString, double> m_pendingIntMs; ///< switch id -> newest INT hop latency (ms)
    double m_intThresholdMs = 1.0;
};

} // namespace Continuo::Gui
