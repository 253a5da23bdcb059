#include "topology/TopologyScene.h"

#include "control/IControlPlane.h"

#include <QDateTime>
#include <QJsonArray>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QSet>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace Continuo::Gui {

using namespace TopologyMetrics;

namespace {

constexpr qreal BackboneBand = 200.0;
constexpr qreal SiteSwitchOffset = 34.0; // site switches sit this far above their box // space above the sites for backbone switches
constexpr qreal TargetAspect = 1.75;  // width / height the layout aims for (a wide window)
constexpr qreal SiteLinkLabelPosition = 0.32;

int kindOrder(const Site &site)
{
    if (site.labels.value(QStringLiteral("continuo.io/local")) == QLatin1String("true"))
        return 10; // this machine goes last
    switch (site.kind) {
    case SiteKind::Edge:
        return 0;
    case SiteKind::Cloud:
        return 1;
    case SiteKind::Hpc:
        return 2;
    case SiteKind::Unknown:
        break;
    }
    return 5;
}

QString haloKey(EntityKind kind, const QString &id)
{
    return QString::number(int(kind)) + QLatin1Char(':') + id;
}

} // namespace

TopologyScene::TopologyScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
{
    // Items move only on relayout; a BSP index keeps hit tests cheap with many items.
    setItemIndexMethod(BspTreeIndex);
    m_frameTimer.setInterval(FrameInterval);
    m_frameTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &TopologyScene::applyFrame);
    m_frameTimer.start();
    m_pulseTimer.setInterval(PulseInterval);
    connect(&m_pulseTimer, &QTimer::timeout, this, &TopologyScene::pulse);
    m_fadeTimer.setSingleShot(true);
    m_fadeTimer.setInterval(RerouteFadeDuration);
    connect(&m_fadeTimer, &QTimer::timeout, this, [this] {
        m_fabricPrevious.clear();
        updateFabricOverlay();
    });
}

TopologyScene::~TopologyScene()
{
    unsubscribe();
}

void TopologyScene::setControlPlane(IControlPlane *controlPlane)
{
    if (controlPlane == m_controlPlane)
        return;
    unsubscribe();
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_controlPlane = controlPlane;
    if (!m_controlPlane) {
        clearItems();
        return;
    }
    m_connections.append(connect(m_controlPlane, &IControlPlane::inventoryReset, this, &TopologyScene::rebuild));
    m_connections.append(connect(m_controlPlane, &IControlPlane::inventoryChanged, this, &TopologyScene::applyDeltas));
    m_connections.append(connect(m_controlPlane, &IControlPlane::samplesReceived, this, &TopologyScene::onSamples));
    m_connections.append(connect(m_controlPlane, &IControlPlane::alertChanged, this, &TopologyScene::onAlertChanged));
    m_connections.append(connect(m_controlPlane, &IControlPlane::alertsReset, this, &TopologyScene::reloadAlerts));
    m_connections.append(connect(m_controlPlane, &IControlPlane::eventsReceived, this, &TopologyScene::onEvents));
    m_connections.append(connect(m_controlPlane, &IControlPlane::connectionStateChanged, this,
                                 [this](IControlPlane::ConnectionState state) {
                                     if (state == IControlPlane::ConnectionState::Connected && !m_cpuSubscription)
                                         subscribe();
                                 }));
    subscribe();
    rebuild();
    reloadAlerts();
}

void TopologyScene::subscribe()
{
    if (!m_controlPlane)
        return;
    m_cpuSubscription = m_controlPlane->subscribeTelemetry({SeriesMatcher{QLatin1String(Metrics::NodeCpuUtilisation), {}}});
    m_latencySubscription = m_controlPlane->subscribeTelemetry(LinkLatency::matchers());
    m_intSubscription = m_controlPlane->subscribeTelemetry({SeriesMatcher{QLatin1String(IntHopLatencyMetric), {}}});
}

void TopologyScene::unsubscribe()
{
    if (m_controlPlane) {
        if (m_cpuSubscription)
            m_controlPlane->unsubscribeTelemetry(m_cpuSubscription);
        if (m_latencySubscription)
            m_controlPlane->unsubscribeTelemetry(m_latencySubscription);
        if (m_intSubscription)
            m_controlPlane->unsubscribeTelemetry(m_intSubscription);
    }
    m_cpuSubscription = 0;
    m_latencySubscription = 0;
    m_intSubscription = 0;
}

void TopologyScene::setColours(const CanvasColours &colours)
{
    m_colours = colours;
    setBackgroundBrush(m_colours.background);
    for (SiteItem *site : std::as_const(m_sites))
        site->setColours(&m_colours);
    for (SwitchItem *sw : std::as_const(m_switches))
        sw->setColours(&m_colours);
    for (LinkItem *link : std::as_const(m_links))
        link->setColours(&m_colours);
    for (AnomalyHaloItem *halo : std::as_const(m_halos))
        halo->setColours(&m_colours);
    for (WhatIfOverlayItem *item : std::as_const(m_whatIfItems))
        item->setColours(&m_colours);
    for (FabricPathItem *item : std::as_const(m_fabricItems))
        item->setColours(&m_colours);
    update();
}

void TopologyScene::clearItems()
{
    if (!m_selectedId.isEmpty()) {
        m_selectedId.clear();
        m_selectedKind = EntityKind::Unknown;
        Q_EMIT selectionChanged(EntityKind::Unknown, {});
    }
    m_nodeIndex.clear();
    qDeleteAll(m_links);
    m_links.clear();
    qDeleteAll(m_switches);
    m_switches.clear();
    qDeleteAll(m_sites);
    m_sites.clear();
    m_pendingCpu.clear();
    m_pendingLatency.clear();
    m_lastMeasuredMs.clear();
    m_activeAlerts.clear();
    qDeleteAll(m_halos);
    m_halos.clear();
    m_pulseTimer.stop();
    qDeleteAll(m_whatIfItems);
    m_whatIfItems.clear();
    qDeleteAll(m_fabricItems);
    m_fabricItems.clear();
    m_fabricConnectionId.clear();
    m_fabricPath.clear();
    m_fabricBackup.clear();
    m_fabricPrevious.clear();
    m_fadeTimer.stop();
    m_pendingIntMs.clear();
}

void TopologyScene::rebuild()
{
    const EntityKind previousKind = m_selectedKind;
    const QString previousId = m_selectedId;
    m_selectedId.clear();
    m_selectedKind = EntityKind::Unknown;
    m_nodeIndex.clear();
    qDeleteAll(m_links);
    m_links.clear();
    qDeleteAll(m_switches);
    m_switches.clear();
    qDeleteAll(m_sites);
    m_sites.clear();
    if (!m_controlPlane)
        return;
    const Inventory &inventory = m_controlPlane->inventory();
    for (const Site &site : inventory.all<Site>()) {
        auto *item = new SiteItem(site);
        item->setColours(&m_colours);
        addItem(item);
        m_sites.insert(site.id, item);
    }
    for (const Switch &sw : inventory.all<Switch>()) {
        auto *item = new SwitchItem(sw);
        item->setColours(&m_colours);
        addItem(item);
        m_switches.insert(sw.id, item);
    }
    for (const Link &link : inventory.all<Link>()) {
        auto *item = new LinkItem(link);
        item->setColours(&m_colours);
        addItem(item);
        m_links.insert(link.id, item);
    }
    relayout();
    if (!previousId.isEmpty())
        select(previousKind, previousId);
    if (m_selectedId != previousId)
        Q_EMIT selectionChanged(m_selectedKind, m_selectedId);
}

void TopologyScene::applyDeltas(const QList<InventoryDelta> &deltas)
{
    if (!m_controlPlane)
        return;
    const Inventory &inventory = m_controlPlane->inventory();
    bool linksMoved = false;
    for (const InventoryDelta &delta : deltas) {
        const bool upsert = delta.operation == DeltaOperation::Upsert && delta.entity.has_value();
        switch (delta.kind) {
        case EntityKind::Site:
            if (upsert) {
                const Site &site = std::get<Site>(*delta.entity);
                if (SiteItem *item = m_sites.value(site.id)) {
                    item->setSite(site);
                } else {
                    auto *created = new SiteItem(site);
                    created->setColours(&m_colours);
                    addItem(created);
                    m_sites.insert(site.id, created);
                    m_layoutDirty = true;
                }
            } else if (SiteItem *item = m_sites.take(delta.id)) {
                delete item;
                m_layoutDirty = true;
            }
            break;
        case EntityKind::Node:
            if (upsert) {
                const Node &node = std::get<Node>(*delta.entity);
                const auto it = m_nodeIndex.constFind(node.id);
                if (it != m_nodeIndex.cend() && it->site->site().id == node.siteId
                    && it->site->grid()->tiles()[size_t(it->index)].clusterId == node.clusterId) {
                    updateNodeTile(node);
                } else {
                    m_layoutDirty = true;
                }
            } else if (m_nodeIndex.contains(delta.id)) {
                m_layoutDirty = true;
            }
            break;
        case EntityKind::Device:
            if (upsert)
                updateNodeDevices(std::get<Device>(*delta.entity).nodeId);
            else
                m_summariesDirty = true; // the owning node is unknown now: recount on the frame
            break;
        case EntityKind::Switch:
            if (upsert) {
                const Switch &sw = std::get<Switch>(*delta.entity);
                if (SwitchItem *item = m_switches.value(sw.id)) {
                    if (item->switchData().siteId != sw.siteId)
                        m_layoutDirty = true;
                    item->setSwitch(sw);
                } else {
                    auto *created = new SwitchItem(sw);
                    created->setColours(&m_colours);
                    addItem(created);
                    m_switches.insert(sw.id, created);
                    m_layoutDirty = true;
                }
            } else if (SwitchItem *item = m_switches.take(delta.id)) {
                if (m_selectedKind == EntityKind::Switch && m_selectedId == delta.id)
                    select(EntityKind::Unknown, {});
                delete item;
                m_layoutDirty = true;
            }
            break;
        case EntityKind::Link:
            if (upsert) {
                const Link &link = std::get<Link>(*delta.entity);
                if (LinkItem *item = m_links.value(link.id)) {
                    if (item->link().a.id != link.a.id || item->link().b.id != link.b.id)
                        linksMoved = true;
                    item->setLink(link);
                } else {
                    auto *created = new LinkItem(link);
                    created->setColours(&m_colours);
                    addItem(created);
                    m_links.insert(link.id, created);
                    linksMoved = true;
                }
            } else if (LinkItem *item = m_links.take(delta.id)) {
                if (m_selectedKind == EntityKind::Link && m_selectedId == delta.id)
                    select(EntityKind::Unknown, {});
                delete item;
            }
            break;
        case EntityKind::Cluster:
        case EntityKind::StorageLocation:
            m_summariesDirty = true;
            break;
        case EntityKind::Unknown:
            break;
        }
    }
    Q_UNUSED(inventory);
    if (linksMoved && !m_layoutDirty)
        positionLinks();
}

NodeTile TopologyScene::makeTile(const Node &node) const
{
    NodeTile tile;
    tile.id = node.id;
    tile.label = node.name.isEmpty() ? node.id : node.name;
    tile.clusterId = node.clusterId;
    tile.state = node.state;
    const auto counts = m_backendCounts.value(node.id);
    tile.jobs = counts.first;
    tile.vms = counts.second;
    if (m_controlPlane) {
        for (const Device &device : m_controlPlane->inventory().devicesOfNode(node.id)) {
            if (device.kind == DeviceKind::Gpu)
                ++tile.gpuCount;
            else if (device.kind == DeviceKind::Fpga)
                ++tile.fpgaCount;
        }
    }
    return tile;
}

void TopologyScene::updateNodeTile(const Node &node)
{
    const auto it = m_nodeIndex.constFind(node.id);
    if (it == m_nodeIndex.cend())
        return;
    NodeTile &tile = it->site->grid()->tiles()[size_t(it->index)];
    tile.state = node.state;
    tile.label = node.name.isEmpty() ? node.id : node.name;
    it->site->grid()->updateTile(it->index);
}

void TopologyScene::updateNodeDevices(const QString &nodeId)
{
    const auto it = m_nodeIndex.constFind(nodeId);
    if (it == m_nodeIndex.cend() || !m_controlPlane)
        return;
    const Node *node = m_controlPlane->inventory().find<Node>(nodeId);
    if (!node)
        return;
    NodeTile &tile = it->site->grid()->tiles()[size_t(it->index)];
    const NodeTile fresh = makeTile(*node);
    tile.gpuCount = fresh.gpuCount;
    tile.fpgaCount = fresh.fpgaCount;
    it->site->grid()->updateTile(it->index);
}

void TopologyScene::onSamples(int subscriptionId, const QList<SeriesBatch> &batches)
{
    // Only remember the newest value; painting happens on the frame timer.
    if (subscriptionId == m_cpuSubscription) {
        for (const SeriesBatch &batch : batches) {
            if (batch.samples.isEmpty())
                continue;
            const QString node = batch.labels.value(QLatin1String(MetricLabels::Node));
            if (!node.isEmpty())
                m_pendingCpu.insert(node, float(batch.samples.constLast().value));
        }
    } else if (subscriptionId == m_latencySubscription) {
        // Measurements win; an estimate shows only where no measurement is fresh.
        for (const SeriesBatch &batch : batches) {
            if (batch.samples.isEmpty() || !LinkLatency::isLatencyMetric(batch.metric))
                continue;
            const QString link = batch.labels.value(QLatin1String(MetricLabels::Link));
            if (link.isEmpty())
                continue;
            const Sample &newest = batch.samples.constLast();
            const LatencySource source = LinkLatency::sourceOf(batch.labels);
            if (source == LatencySource::Measured) {
                m_lastMeasuredMs.insert(link, newest.timestampMs);
            } else {
                const auto measured = m_lastMeasuredMs.constFind(link);
                if (measured != m_lastMeasuredMs.cend()
                    && newest.timestampMs - measured.value() < LinkLatency::MeasuredFreshnessMs)
                    continue;
            }
            m_pendingLatency.insert(link, LatencyValue{newest.value * 1000.0, source});
        }
    } else if (subscriptionId == m_intSubscription) {
        // One series per (switch, flow): a switch shows the worst of its flows' newest values.
        QHash<QString, double> frame;
        for (const SeriesBatch &batch : batches) {
            if (batch.samples.isEmpty())
                continue;
            const QString sw = switchIdFor(batch.labels.value(QStringLiteral("switch")));
            if (sw.isEmpty())
                continue;
            const double ms = batch.samples.constLast().value * 1000.0;
            const auto it = frame.find(sw);
            if (it == frame.end())
                frame.insert(sw, ms);
            else
                *it = std::max(*it, ms);
        }
        for (auto it = frame.cbegin(); it != frame.cend(); ++it)
            m_pendingIntMs.insert(it.key(), it.value());
    }
}

void TopologyScene::reloadAlerts()
{
    m_activeAlerts.clear();
    if (m_controlPlane) {
        for (const Alert &alert : m_controlPlane->activeAlerts())
            m_activeAlerts.insert(alert.id, alert);
    }
    m_halosDirty = true;
}

void TopologyScene::onAlertChanged(const Alert &alert)
{
    if (alert.isActive())
        m_activeAlerts.insert(alert.id, alert);
    else
        m_activeAlerts.remove(alert.id);
    m_halosDirty = true;
}

void TopologyScene::updateHalos()
{
    m_halosDirty = false;
    struct Mark
    {
        AlertSeverity severity = AlertSeverity::Unknown;
        bool pulsing = false;
        bool pending = true; ///< every alert there is only pending
    };
    QHash<QString, Mark> marks;
    const auto mark = [&marks](EntityKind kind, const QString &id, const Alert &alert) {
        Mark &m = marks[haloKey(kind, id)];
        m.severity = std::max(m.severity, alert.severity);
        m.pulsing = m.pulsing
                    || (alert.state == AlertState::Firing && !alert.isAcknowledged() && !alert.isSilenced());
        m.pending = m.pending && alert.state == AlertState::Pending;
    };
    QHash<QString, QList<const Alert *>> linkAlertsBySwitch;
    for (const Alert &alert : std::as_const(m_activeAlerts)) {
        if (!alert.nodeId.isEmpty()) {
            mark(EntityKind::Node, alert.nodeId, alert);
        } else if (!alert.linkId.isEmpty()) {
            mark(EntityKind::Link, alert.linkId, alert);
            for (const QString &sw : alert.switchIds)
                linkAlertsBySwitch[sw].append(&alert);
        } else {
            // An alert about switches themselves (no link): every switch it names.
            for (const QString &sw : alert.switchIds)
                mark(EntityKind::Switch, sw, alert);
        }
    }
    // A switch at the end of two or more alerting links is the likely cause (a degraded switch
    // slows every link through it): mark it too.
    for (auto it = linkAlertsBySwitch.cbegin(); it != linkAlertsBySwitch.cend(); ++it) {
        QSet<QString> links;
        for (const Alert *alert : it.value())
            links.insert(alert->linkId);
        if (links.size() < 2)
            continue;
        for (const Alert *alert : it.value())
            mark(EntityKind::Switch, it.key(), *alert);
    }

    for (auto it = m_halos.begin(); it != m_halos.end();) {
        if (!marks.contains(it.key())) {
            delete it.value();
            it = m_halos.erase(it);
        } else {
            ++it;
        }
    }
    bool anyPulsing = false;
    for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
        const qsizetype colon = it.key().indexOf(QLatin1Char(':'));
        const auto kind = EntityKind(it.key().left(colon).toInt());
        const QString id = it.key().mid(colon + 1);
        QRectF rect;
        qreal radius = 4;
        const LinkItem *link = nullptr;
        if (kind == EntityKind::Node) {
            rect = nodeRect(id);
        } else if (kind == EntityKind::Switch) {
            if (const SwitchItem *sw = m_switches.value(id))
                rect = QRectF(sw->pos() - QPointF(SwitchWidth / 2, SwitchHeight / 2), QSizeF(SwitchWidth, SwitchHeight));
            radius = 5;
        } else if (kind == EntityKind::Link) {
            link = m_links.value(id);
            if (link && !link->isVisible())
                link = nullptr;
        }
        AnomalyHaloItem *halo = m_halos.value(it.key());
        if (rect.isEmpty() && !link) {
            // Not on the canvas (yet): nothing to draw around.
            if (halo) {
                m_halos.remove(it.key());
                delete halo;
            }
            continue;
        }
        if (!halo) {
            halo = new AnomalyHaloItem;
            halo->setColours(&m_colours);
            addItem(halo);
            m_halos.insert(it.key(), halo);
        }
        if (link) {
            halo->setLine(link->endA(), link->endB());
            halo->setZValue(1.5); // under the link itself
        } else {
            halo->setRect(rect, radius);
            halo->setZValue(kind == EntityKind::Switch ? 2.5 : 1.0); // around the switch, over links
        }
        halo->setSeverity(it->severity);
        halo->setPulsing(it->pulsing);
        halo->setPending(it->pending);
        anyPulsing = anyPulsing || it->pulsing;
    }
    if (anyPulsing && !m_pulseTimer.isActive())
        m_pulseTimer.start();
    else if (!anyPulsing)
        m_pulseTimer.stop();
}

void TopologyScene::pulse()
{
    const qint64 period = std::chrono::milliseconds(PulsePeriod).count();
    const qreal phase = qreal(QDateTime::currentMSecsSinceEpoch() % period) / qreal(period);
    for (AnomalyHaloItem *halo : std::as_const(m_halos)) {
        if (halo->isPulsing())
            halo->setPhase(phase);
    }
}

AlertSeverity TopologyScene::anomalySeverity(EntityKind kind, const QString &id) const
{
    const AnomalyHaloItem *halo = m_halos.value(haloKey(kind, id));
    return halo ? halo->severity() : AlertSeverity::Unknown;
}

bool TopologyScene::isAnomalyPulsing(EntityKind kind, const QString &id) const
{
    const AnomalyHaloItem *halo = m_halos.value(haloKey(kind, id));
    return halo && halo->isPulsing();
}

void TopologyScene::applyFrame()
{
    if (m_layoutDirty)
        relayout();
    else if (m_summariesDirty)
        updateSiteSummaries();
    if (!m_pendingCpu.isEmpty()) {
        for (auto it = m_pendingCpu.cbegin(); it != m_pendingCpu.cend(); ++it) {
            const auto location = m_nodeIndex.constFind(it.key());
            if (location == m_nodeIndex.cend())
                continue;
            NodeTile &tile = location->site->grid()->tiles()[size_t(location->index)];
            if (tile.cpu == it.value())
                continue;
            tile.cpu = it.value();
            location->site->grid()->updateTile(location->index);
        }
        m_pendingCpu.clear();
    }
    if (!m_pendingLatency.isEmpty()) {
        for (auto it = m_pendingLatency.cbegin(); it != m_pendingLatency.cend(); ++it) {
            if (LinkItem *link = m_links.value(it.key()))
                link->setLatency(it->ms, it->source);
        }
        m_pendingLatency.clear();
    }
    if (!m_pendingIntMs.isEmpty()) {
        for (auto it = m_pendingIntMs.cbegin(); it != m_pendingIntMs.cend(); ++it) {
            if (SwitchItem *sw = m_switches.value(it.key()))
                sw->setIntLatency(it.value(), m_intThresholdMs > 0 ? it.value() / m_intThresholdMs : 0.0);
        }
        m_pendingIntMs.clear();
    }
    if (m_halosDirty)
        updateHalos();
}

void TopologyScene::updateSiteSummaries()
{
    m_summariesDirty = false;
    if (!m_controlPlane)
        return;
    const Inventory &inventory = m_controlPlane->inventory();
    QHash<QString, int> clusters;
    QHash<QString, int> accelerators;
    for (const Cluster &cluster : inventory.all<Cluster>())
        ++clusters[cluster.siteId];
    for (SiteItem *site : std::as_const(m_sites)) {
        int nodes = 0;
        int devices = 0;
        for (NodeTile &tile : site->grid()->tiles()) {
            ++nodes;
            // Device removals arrive without their node: recount here.
            if (const Node *node = inventory.find<Node>(tile.id)) {
                const NodeTile fresh = makeTile(*node);
                tile.gpuCount = fresh.gpuCount;
                tile.fpgaCount = fresh.fpgaCount;
            }
            devices += tile.gpuCount + tile.fpgaCount;
        }
        const QString id = site->site().id;
        QStringList parts;
        parts << tr("%n node(s)", nullptr, nodes);
        if (clusters.value(id))
            parts << tr("%n cluster(s)", nullptr, clusters.value(id));
        if (devices)
            parts << tr("%n accelerator(s)", nullptr, devices);
        site->setSummary(parts.join(QStringLiteral("  ·  ")));
        site->grid()->update();
    }
}

void TopologyScene::relayout()
{
    m_layoutDirty = false;
    ++m_layoutCount;
    if (!m_controlPlane)
        return;
    const Inventory &inventory = m_controlPlane->inventory();

    // Keep the live values across the relayout.
    QHash<QString, float> cpu;
    for (auto it = m_nodeIndex.cbegin(); it != m_nodeIndex.cend(); ++it)
        cpu.insert(it.key(), it->site->grid()->tiles()[size_t(it->index)].cpu);
    m_nodeIndex.clear();

    // Nodes per site; nodes of unknown sites go to an "Unassigned" box.
    QHash<QString, QList<const Node *>> nodesBySite;
    for (const Node &node : inventory.all<Node>()) {
        const QString siteId = m_sites.contains(node.siteId) && !node.siteId.isEmpty() ? node.siteId : QString();
        nodesBySite[siteId].append(&node);
    }
    const bool needUnassigned = nodesBySite.contains(QString());
    SiteItem *unassigned = m_sites.value(QString());
    if (needUnassigned && !unassigned) {
        Site site;
        site.name = tr("Unassigned nodes");
        unassigned = new SiteItem(site);
        unassigned->setColours(&m_colours);
        addItem(unassigned);
        m_sites.insert(QString(), unassigned);
    } else if (!needUnassigned && unassigned) {
        m_sites.remove(QString());
        delete unassigned;
    }

    QList<SiteItem *> sites = m_sites.values();
    std::sort(sites.begin(), sites.end(), [](const SiteItem *a, const SiteItem *b) {
        const int ka = a->site().id.isEmpty() ? 20 : kindOrder(a->site());
        const int kb = b->site().id.isEmpty() ? 20 : kindOrder(b->site());
        if (ka != kb)
            return ka < kb;
        return a->site().name.localeAwareCompare(b->site().name) < 0;
    });

    // Switches: those of a known site sit in its header, the rest form the backbone row.
    QHash<QString, QList<SwitchItem *>> switchesBySite;
    QList<SwitchItem *> backbone;
    for (SwitchItem *sw : std::as_const(m_switches)) {
        const QString siteId = sw->switchData().siteId;
        if (!siteId.isEmpty() && m_sites.contains(siteId))
            switchesBySite[siteId].append(sw);
        else
            backbone.append(sw);
    }
    auto byName = [](const SwitchItem *a, const SwitchItem *b) { return a->switchData().id < b->switchData().id; };
    std::sort(backbone.begin(), backbone.end(), byName);

    // Choose the number of tile rows so the whole picture is about as wide as a window.
    QList<int> counts;
    int largest = 1;
    for (SiteItem *site : std::as_const(sites)) {
        counts.append(int(nodesBySite.value(site->site().id).size()));
        largest = std::max(largest, int(counts.constLast()));
    }
    auto siteWidth = [&](int count, int rows, int switchCount) {
        const int columns = count == 0 ? 0 : (count + rows - 1) / rows;
        const qreal grid = columns * (TileWidth + TileGap) - TileGap + 2 * SitePadding;
        const qreal switches = switchCount * 170.0;
        return std::max({MinimumSiteWidth, grid, switches});
    };
    int bestRows = 1;
    double bestScore = std::numeric_limits<double>::max();
    const int maxRows = std::min(largest, 2000);
    for (int rows = 1; rows <= maxRows; ++rows) {
        qreal width = 0;
        for (int i = 0; i < sites.size(); ++i)
            width += siteWidth(counts.at(i), rows, int(switchesBySite.value(sites.at(i)->site().id).size()));
        width += std::max<qsizetype>(0, sites.size() - 1) * SiteGap;
        const qreal height = BackboneBand + HeaderHeight + rows * (TileHeight + TileGap) + SitePadding;
        const double score = std::abs(std::log((width / height) / TargetAspect));
        if (score < bestScore) {
            bestScore = score;
            bestRows = rows;
        }
    }
    const qreal siteHeight = HeaderHeight + bestRows * (TileHeight + TileGap) - TileGap + SitePadding;

    qreal x = 0;
    for (int i = 0; i < sites.size(); ++i) {
        SiteItem *site = sites.at(i);
        QList<const Node *> nodes = nodesBySite.value(site->site().id);
        std::sort(nodes.begin(), nodes.end(), [](const Node *a, const Node *b) {
            if (a->clusterId != b->clusterId)
                return a->clusterId < b->clusterId;
            return a->name < b->name;
        });
        std::vector<NodeTile> tiles;
        tiles.reserve(size_t(nodes.size()));
        for (int n = 0; n < nodes.size(); ++n) {
            NodeTile tile = makeTile(*nodes.at(n));
            tile.cpu = cpu.value(tile.id, -1.0f);
            tiles.push_back(std::move(tile));
            m_nodeIndex.insert(nodes.at(n)->id, NodeLocation{site, n});
        }
        QList<SwitchItem *> siteSwitches = switchesBySite.value(site->site().id);
        std::sort(siteSwitches.begin(), siteSwitches.end(), byName);
        const qreal width = siteWidth(int(nodes.size()), bestRows, int(siteSwitches.size()));
        const int columns = nodes.isEmpty() ? 1 : int((nodes.size() + bestRows - 1) / bestRows);
        site->setSize(QSizeF(width, siteHeight));
        site->setPos(x, 0);
        site->grid()->setTiles(std::move(tiles), columns);
        // Site switches sit on top of their box, like a top-of-rack switch, with a short uplink.
        const qreal slot = width / std::max<qsizetype>(1, siteSwitches.size());
        for (int s = 0; s < siteSwitches.size(); ++s) {
            SwitchItem *sw = siteSwitches.at(s);
            sw->setLabelPlacement(SwitchItem::LabelPlacement::Right);
            sw->setUplinkLength(SiteSwitchOffset - SwitchHeight / 2);
            sw->setPos(x + slot * (s + 0.5), -SiteSwitchOffset);
        }
        x += width + SiteGap;
    }
    const qreal totalWidth = std::max<qreal>(x - SiteGap, 400);
    for (int i = 0; i < backbone.size(); ++i) {
        SwitchItem *sw = backbone.at(i);
        sw->setLabelPlacement(SwitchItem::LabelPlacement::Below);
        sw->setUplinkLength(0);
        sw->setPos(totalWidth * (i + 1) / (backbone.size() + 1), -BackboneBand + 20);
    }
    updateSiteSummaries();
    positionLinks();
    if (m_selectedKind != EntityKind::Unknown)
        applySelectionHighlight(true);
    if (m_selectedKind == EntityKind::Node && !m_nodeIndex.contains(m_selectedId))
        select(EntityKind::Unknown, {});
    // Generous margins so the canvas can be panned past its edges.
    const QRectF content = contentRect();
    setSceneRect(content.adjusted(-content.width(), -content.height(), content.width(), content.height()));
    if (m_whatIf)
        updateWhatIfOverlay();
    Q_EMIT layoutChanged();
}

QPointF TopologyScene::endpointPosition(const QString &id, bool *isBackbone) const
{
    *isBackbone = false;
    if (SwitchItem *sw = m_switches.value(id)) {
        *isBackbone = sw->switchData().siteId.isEmpty() || !m_sites.contains(sw->switchData().siteId);
        return sw->pos();
    }
    const auto it = m_nodeIndex.constFind(id);
    if (it != m_nodeIndex.cend())
        return it->site->grid()->mapToScene(it->site->grid()->tileRect(it->index).center());
    return QPointF(qQNaN(), qQNaN());
}

void TopologyScene::positionLinks()
{
    m_halosDirty = true;
    for (LinkItem *link : std::as_const(m_links)) {
        bool aBackbone = false;
        bool bBackbone = false;
        const QPointF a = endpointPosition(link->link().a.id, &aBackbone);
        const QPointF b = endpointPosition(link->link().b.id, &bBackbone);
        if (std::isnan(a.x()) || std::isnan(b.x())) {
            link->setVisible(false);
            continue;
        }
        link->setVisible(true);
        // Labels of links fanning out of one site switch sit near that switch, apart.
        qreal t = 0.5;
        if (aBackbone && !bBackbone)
            t = 1.0 - SiteLinkLabelPosition;
        else if (!aBackbone && bBackbone)
            t = SiteLinkLabelPosition;
        link->setEndpoints(a, b, t);
    }
    updateFabricOverlay();
}

QRectF TopologyScene::contentRect() const
{
    QRectF rect;
    for (SiteItem *site : std::as_const(m_sites))
        rect = rect.united(site->sceneBoundingRect());
    for (SwitchItem *sw : std::as_const(m_switches))
        rect = rect.united(sw->sceneBoundingRect());
    for (LinkItem *link : std::as_const(m_links)) {
        if (link->isVisible())
            rect = rect.united(link->sceneBoundingRect());
    }
    return rect.isNull() ? QRectF(0, 0, 800, 500) : rect;
}

void TopologyScene::applySelectionHighlight(bool on)
{
    switch (m_selectedKind) {
    case EntityKind::Node: {
        const auto it = m_nodeIndex.constFind(m_selectedId);
        if (it != m_nodeIndex.cend())
            it->site->grid()->setSelectedIndex(on ? it->index : -1);
        if (!on) {
            for (SiteItem *site : std::as_const(m_sites))
                site->grid()->setSelectedIndex(-1);
        }
        break;
    }
    case EntityKind::Site:
        if (SiteItem *site = m_sites.value(m_selectedId))
            site->setSelected(on);
        break;
    case EntityKind::Switch:
        if (SwitchItem *sw = m_switches.value(m_selectedId))
            sw->setSelected(on);
        break;
    case EntityKind::Link:
        if (LinkItem *link = m_links.value(m_selectedId))
            link->setSelected(on);
        break;
    default:
        break;
    }
}

void TopologyScene::select(EntityKind kind, const QString &id)
{
    if (kind == m_selectedKind && id == m_selectedId)
        return;
    applySelectionHighlight(false);
    const bool known = (kind == EntityKind::Node && m_nodeIndex.contains(id))
                       || (kind == EntityKind::Site && m_sites.contains(id) && !id.isEmpty())
                       || (kind == EntityKind::Switch && m_switches.contains(id))
                       || (kind == EntityKind::Link && m_links.contains(id));
    m_selectedKind = known ? kind : EntityKind::Unknown;
    m_selectedId = known ? id : QString();
    applySelectionHighlight(true);
    Q_EMIT selectionChanged(m_selectedKind, m_selectedId);
}

std::pair<EntityKind, QString> TopologyScene::entityAt(const QPointF &scenePos) const
{
    const QList<QGraphicsItem *> hits = items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : hits) {
        switch (item->type()) {
        case NodeGridItemType: {
            auto *grid = static_cast<NodeGridItem *>(item);
            const int index = grid->tileAt(grid->mapFromScene(scenePos));
            if (index >= 0)
                return {EntityKind::Node, grid->tiles()[size_t(index)].id};
            break;
        }
        case SwitchItemType:
            return {EntityKind::Switch, static_cast<SwitchItem *>(item)->switchData().id};
        case LinkItemType:
            return {EntityKind::Link, static_cast<LinkItem *>(item)->link().id};
        case SiteItemType:
            return {EntityKind::Site, static_cast<SiteItem *>(item)->site().id};
        default:
            break;
        }
    }
    return {EntityKind::Unknown, {}};
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    const auto [kind, id] = entityAt(event->scenePos());
    if (kind != EntityKind::Unknown) {
        select(kind, id);
        event->accept();
        return;
    }
    // Empty canvas: clear the selection and let the view pan (ScrollHandDrag).
    select(EntityKind::Unknown, {});
    event->ignore();
}

void TopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    const auto [kind, id] = entityAt(event->scenePos());
    if (kind != EntityKind::Unknown)
        select(kind, id);
    Q_EMIT contextMenuRequested(kind, id, event->screenPos());
    event->accept();
}

void TopologyScene::setBackendObjects(const QList<BackendObject> &objects)
{
    QHash<QString, std::pair<quint16, quint16>> counts;
    for (const BackendObject &object : objects) {
        if (object.nodeId.isEmpty())
            continue;
        const QString state = object.state.toLower();
        if (object.kind == QLatin1String("slurm.job")) {
            if (state == QLatin1String("running") || state == QLatin1String("completing"))
                ++counts[object.nodeId].first;
        } else if (object.kind == QLatin1String("libvirt.domain")) {
            if (state == QLatin1String("running") || state == QLatin1String("paused")
                || state == QLatin1String("blocked"))
                ++counts[object.nodeId].second;
        }
    }
    if (counts == m_backendCounts)
        return;
    QSet<QString> touched;
    for (auto it = m_backendCounts.cbegin(); it != m_backendCounts.cend(); ++it)
        touched.insert(it.key());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        touched.insert(it.key());
    m_backendCounts = std::move(counts);
    for (const QString &nodeId : std::as_const(touched)) {
        const auto it = m_nodeIndex.constFind(nodeId);
        if (it == m_nodeIndex.cend())
            continue;
        NodeTile &tile = it->site->grid()->tiles()[size_t(it->index)];
        const auto value = m_backendCounts.value(nodeId);
        tile.jobs = value.first;
        tile.vms = value.second;
        it->site->grid()->updateTile(it->index);
    }
}

std::pair<int, int> TopologyScene::backendCounts(const QString &nodeId) const
{
    const auto value = m_backendCounts.value(nodeId);
    return {value.first, value.second};
}

void TopologyScene::setWhatIfOverlay(const WhatIfResult &result)
{
    m_whatIf = result;
    updateWhatIfOverlay();
}

void TopologyScene::clearWhatIfOverlay()
{
    m_whatIf.reset();
    qDeleteAll(m_whatIfItems);
    m_whatIfItems.clear();
}

void TopologyScene::updateWhatIfOverlay()
{
    qDeleteAll(m_whatIfItems);
    m_whatIfItems.clear();
    if (!m_whatIf)
        return;
    const auto add = [this](WhatIfOverlayItem::Kind kind, const QString &subject) {
        auto *item = new WhatIfOverlayItem(kind);
        item->setColours(&m_colours);
        item->setSubject(subject);
        addItem(item);
        m_whatIfItems.append(item);
        return item;
    };
    for (const QString &nodeId : std::as_const(m_whatIf->unavailableNodes)) {
        const QRectF rect = nodeRect(nodeId);
        if (rect.isEmpty())
            continue;
        WhatIfOverlayItem *item = add(WhatIfOverlayItem::Kind::Unavailable, nodeId);
        item->setRect(rect);
        item->setToolTip(tr("%1 is unavailable in this what-if").arg(nodeId));
    }
    for (const PlannedMove &move : std::as_const(m_whatIf->moves)) {
        const QRectF from = nodeRect(move.fromNodeId);
        const QRectF to = nodeRect(move.toNodeId);
        if (from.isEmpty() || to.isEmpty())
            continue;
        WhatIfOverlayItem *item = add(WhatIfOverlayItem::Kind::Move, move.deploymentId);
        item->setLine(from.center(), to.center());
        item->setToolTip(tr("%1: %2 → %3 (%4)").arg(move.deploymentId, move.fromNodeId, move.toNodeId, move.reason));
    }
    for (const PlannedMove &stuck : std::as_const(m_whatIf->unplaceable)) {
        const QRectF rect = nodeRect(stuck.fromNodeId);
        if (rect.isEmpty())
            continue;
        WhatIfOverlayItem *item = add(WhatIfOverlayItem::Kind::Unplaceable, stuck.deploymentId);
        item->setRect(rect);
        item->setToolTip(tr("%1 would have nowhere to go: %2").arg(stuck.deploymentId, stuck.reason));
    }
}

void TopologyScene::setFabricPath(const QString &connectionId, const QStringList &path, const QStringList &backupPath)
{
    if (connectionId != m_fabricConnectionId) {
        // The faded path belongs to the connection that was rerouted, not to the next one.
        m_fabricPrevious.clear();
        m_fadeTimer.stop();
    }
    m_fabricConnectionId = connectionId;
    m_fabricPath = connectionId.isEmpty() ? QStringList() : path;
    m_fabricBackup = connectionId.isEmpty() ? QStringList() : backupPath;
    updateFabricOverlay();
}

void TopologyScene::onEvents(const QList<Event> &events)
{
    for (const Event &event : events) {
        if (event.type != QLatin1String(EventTypes::NetworkReroute))
            continue;
        const QString connectionId = event.subjectId.isEmpty()
                                         ? event.payload.value(QStringLiteral("connectionId")).toString()
                                         : event.subjectId;
        // The shown connection moves; with none shown, the rerouted one is worth showing.
        if (!m_fabricConnectionId.isEmpty() && connectionId != m_fabricConnectionId)
            continue;
        QStringList from;
        QStringList to;
        for (const QJsonValue &value : event.payload.value(QStringLiteral("fromPath")).toArray())
            from.append(value.toString());
        for (const QJsonValue &value : event.payload.value(QStringLiteral("toPath")).toArray())
            to.append(value.toString());
        if (to.isEmpty())
            continue;
        if (from.isEmpty())
            from = m_fabricPath;
        QStringList backup = m_fabricBackup;
        if (connectionId != m_fabricConnectionId) {
            m_fabricConnectionId = connectionId;
            backup.clear();
        }
        m_fabricPrevious = from;
        m_fabricPath = to;
        // A backup that shares a switch with the new path is no longer disjoint: drop it.
        const bool overlaps = std::any_of(backup.cbegin(), backup.cend(),
                                          [&to](const QString &sw) { return to.contains(sw); });
        m_fabricBackup = overlaps ? QStringList() : backup;
        m_fadeTimer.start();
        updateFabricOverlay();
    }
}

void TopologyScene::updateFabricOverlay()
{
    qDeleteAll(m_fabricItems);
    m_fabricItems.clear();
    const auto add = [this](FabricPathItem::Kind kind, const QStringList &path) {
        QStringList ids;
        QPolygonF points;
        for (const QString &id : path) {
            if (const SwitchItem *sw = m_switches.value(id)) {
                ids.append(id);
                points.append(sw->pos());
            }
        }
        if (points.size() < 2)
            return;
        auto *item = new FabricPathItem(kind);
        item->setColours(&m_colours);
        item->setPath(ids, points);
        item->setToolTip(kind == FabricPathItem::Kind::Previous
                             ? tr("Path before the reroute: %1").arg(path.join(QStringLiteral(" → ")))
                             : (kind == FabricPathItem::Kind::Backup ? tr("Backup path: %1") : tr("Path: %1"))
                                   .arg(path.join(QStringLiteral(" → "))));
        addItem(item);
        m_fabricItems.append(item);
    };
    add(FabricPathItem::Kind::Previous, m_fabricPrevious);
    add(FabricPathItem::Kind::Backup, m_fabricBackup);
    add(FabricPathItem::Kind::Primary, m_fabricPath);
}

QString TopologyScene::switchIdFor(const QString &label) const
{
    if (label.isEmpty())
        return {};
    if (m_switches.contains(label))
        return label;
    // Postcards name switches by name where no id mapping exists; switches are few (O(s)).
    for (auto it = m_switches.cbegin(); it != m_switches.cend(); ++it) {
        if (it.value()->switchData().name == label)
            return it.key();
    }
    return {};
}

double TopologyScene::switchIntLatencyMs(const QString &switchId) const
{
    const SwitchItem *sw = m_switches.value(switchId);
    return sw ? sw->intLatencyMs() : -1.0;
}

void TopologyScene::setIntLatencyThresholdMs(double thresholdMs)
{
    m_intThresholdMs = thresholdMs > 0 ? thresholdMs : 1.0;
    for (SwitchItem *sw : std::as_const(m_switches)) {
        if (sw->intLatencyMs() >= 0)
            sw->setIntLatency(sw->intLatencyMs(), sw->intLatencyMs() / m_intThresholdMs);
    }
}

void TopologyScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, m_colours.background);
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.4)
        return;
    // A faint dot grid, like design tools: gives depth without noise.
    constexpr qreal step = 24.0;
    painter->setPen(QPen(m_colours.grid, 2.0 / lod));
    QList<QPointF> points;
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    for (qreal y = top; y < rect.bottom(); y += step)
        for (qreal x = left; x < rect.right(); x += step)
            points.append(QPointF(x, y));
    painter->drawPoints(points.constData(), int(points.size()));
}

double TopologyScene::nodeCpu(const QString &nodeId) const
{
    const auto it = m_nodeIndex.constFind(nodeId);
    if (it == m_nodeIndex.cend())
        return -1.0;
    return it->site->grid()->tiles()[size_t(it->index)].cpu;
}

double TopologyScene::linkLatencyMs(const QString &linkId) const
{
    const LinkItem *link = m_links.value(linkId);
    return link ? link->latencyMs() : -1.0;
}

LatencySource TopologyScene::linkLatencySource(const QString &linkId) const
{
    const LinkItem *link = m_links.value(linkId);
    return link ? link->latencySource() : LatencySource::Unknown;
}

QRectF TopologyScene::nodeRect(const QString &nodeId) const
{
    const auto it = m_nodeIndex.constFind(nodeId);
    if (it == m_nodeIndex.cend())
        return {};
    return it->site->grid()->mapRectToScene(it->site->grid()->tileRect(it->index));
}

QRectF TopologyScene::switchRect(const QString &switchId) const
{
    const SwitchItem *sw = m_switches.value(switchId);
    return sw ? sw->sceneBoundingRect() : QRectF();
}

QRectF TopologyScene::linkLabelRect(const QString &linkId) const
{
    const LinkItem *link = m_links.value(linkId);
    return link ? link->sceneBoundingRect() : QRectF();
}

} // namespace Continuo::Gui
