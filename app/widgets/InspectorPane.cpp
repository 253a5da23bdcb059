#include "widgets/InspectorPane.h"

#include "topology/LinkLatency.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Continuo::Gui {

namespace {
constexpr int KeyRole = Qt::UserRole + 1;

QString bytes(qint64 value)
{
    return value > 0 ? QLocale().formattedDataSize(value, 1, QLocale::DataSizeTraditionalFormat) : QStringLiteral("–");
}

QString bitsPerSecond(qint64 value)
{
    if (value <= 0)
        return QStringLiteral("–");
    if (value >= 1'000'000'000)
        return QStringLiteral("%1 Gb/s").arg(double(value) / 1e9, 0, 'g', 4);
    if (value >= 1'000'000)
        return QStringLiteral("%1 Mb/s").arg(double(value) / 1e6, 0, 'g', 4);
    return QStringLiteral("%1 kb/s").arg(double(value) / 1e3, 0, 'g', 4);
}

QColor stateColour(NodeState state)
{
    switch (state) {
    case NodeState::Ready:
        return QColor(0x3f, 0xb9, 0x50);
    case NodeState::Cordoned:
    case NodeState::Draining:
    case NodeState::Maintenance:
        return QColor(0xe3, 0xa4, 0x1a);
    case NodeState::Down:
    case NodeState::NotReady:
        return QColor(0xf0, 0x4a, 0x4a);
    case NodeState::Unknown:
        break;
    }
    return QColor(0x8b, 0x94, 0x9e);
}

QString entityName(const Inventory &inventory, const QString &id)
{
    if (const Switch *sw = inventory.find<Switch>(id))
        return sw->name.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(sw->name, id);
    if (const Node *node = inventory.find<Node>(id))
        return node->name.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(node->name, id);
    return id;
}
} // namespace

InspectorPane::InspectorPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_subtitle(new QLabel)
    , m_badge(new QLabel)
    , m_tree(new QTreeWidget)
{
    setObjectName(QStringLiteral("inspector"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setEnabled(false);
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setContentsMargins(8, 2, 8, 2);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    header->addLayout(titles, 1);
    header->addWidget(m_badge, 0, Qt::AlignTop);
    header->setContentsMargins(10, 8, 10, 4);

    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Property"), tr("Value")});
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QString key = item->data(0, KeyRole).toString();
        if (key.startsWith(QLatin1String("series:")))
            Q_EMIT seriesActivated(m_series.value(key.mid(7)));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_tree, 1);
    showNothing();
}

void InspectorPane::begin(const QString &title, const QString &subtitle, const QString &badge, const QColor &badgeColour)
{
    m_tree->clear();
    m_series.clear();
    m_title->setText(title);
    m_subtitle->setText(subtitle);
    m_subtitle->setVisible(!subtitle.isEmpty());
    m_badge->setText(badge);
    m_badge->setVisible(!badge.isEmpty());
    m_badge->setStyleSheet(QStringLiteral("QLabel { background: %1; color: #101418; border-radius: 4px; font-weight: bold; }")
                               .arg(badgeColour.name()));
}

QTreeWidgetItem *InspectorPane::group(const QString &name)
{
    auto *item = new QTreeWidgetItem(m_tree, {name});
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setFirstColumnSpanned(true);
    item->setFlags(Qt::ItemIsEnabled);
    return item;
}

QTreeWidgetItem *InspectorPane::row(QTreeWidgetItem *parent, const QString &key, const QString &name, const QString &value)
{
    auto *item = new QTreeWidgetItem(parent, {name, value.isEmpty() ? QStringLiteral("–") : value});
    item->setData(0, KeyRole, key);
    item->setToolTip(1, value);
    return item;
}

void InspectorPane::finish()
{
    m_tree->expandAll();
}

void InspectorPane::showNothing()
{
    begin(tr("Nothing selected"), tr("Click a site, node, switch or link on the canvas."), {}, {});
    finish();
}

void InspectorPane::showSite(const Site &site, const Inventory &inventory)
{
    begin(site.name.isEmpty() ? site.id : site.name, tr("Site"), toString(site.kind).toUpper(), QColor(0x58, 0xa6, 0xff));
    auto *general = group(tr("General"));
    row(general, QStringLiteral("id"), tr("Id"), site.id);
    row(general, QStringLiteral("kind"), tr("Kind"), toString(site.kind));
    row(general, QStringLiteral("location"), tr("Location"),
        site.location.name.isEmpty() ? QString()
                                     : QStringLiteral("%1 (%2, %3)").arg(site.location.name).arg(site.location.latitude, 0, 'f', 3).arg(site.location.longitude, 0, 'f', 3));
    int nodes = 0;
    double cores = 0;
    qint64 memory = 0;
    for (const Node &node : inventory.all<Node>()) {
        if (node.siteId != site.id)
            continue;
        ++nodes;
        cores += node.capacity.cpuCores;
        memory += node.capacity.memoryBytes;
    }
    auto *capacity = group(tr("Capacity"));
    row(capacity, QStringLiteral("nodes"), tr("Nodes"), QString::number(nodes));
    row(capacity, QStringLiteral("cpu"), tr("CPU cores"), QString::number(cores));
    row(capacity, QStringLiteral("memory"), tr("Memory"), bytes(memory));
    auto *clusters = group(tr("Clusters"));
    for (const Cluster &cluster : inventory.all<Cluster>()) {
        if (cluster.siteId == site.id)
            row(clusters, QStringLiteral("cluster:") + cluster.id, cluster.name.isEmpty() ? cluster.id : cluster.name, toString(cluster.backend));
    }
    auto *storage = group(tr("Storage locations"));
    for (const StorageLocation &location : inventory.all<StorageLocation>()) {
        if (location.siteId == site.id)
            row(storage, QStringLiteral("storage:") + location.id, location.name.isEmpty() ? location.id : location.name,
                tr("%1, %2 ms").arg(bytes(location.capacityBytes)).arg(location.latencyMs));
    }
    if (!site.labels.isEmpty()) {
        auto *labels = group(tr("Labels"));
        for (auto it = site.labels.cbegin(); it != site.labels.cend(); ++it)
            row(labels, QStringLiteral("label:") + it.key(), it.key(), it.value());
    }
    finish();
}

void InspectorPane::showNode(const Node &node, const Inventory &inventory)
{
    const Site *site = inventory.find<Site>(node.siteId);
    const Cluster *cluster = inventory.find<Cluster>(node.clusterId);
    begin(node.name.isEmpty() ? node.id : node.name, tr("Node"), toString(node.state).toUpper(), stateColour(node.state));
    auto *general = group(tr("General"));
    row(general, QStringLiteral("id"), tr("Id"), node.id);
    row(general, QStringLiteral("kind"), tr("Kind"), tr("node"));
    row(general, QStringLiteral("site"), tr("Site"), site ? QStringLiteral("%1 (%2)").arg(site->name, site->id) : node.siteId);
    row(general, QStringLiteral("cluster"), tr("Cluster"),
        cluster ? QStringLiteral("%1 · %2").arg(cluster->name.isEmpty() ? cluster->id : cluster->name, toString(cluster->backend))
                : node.clusterId);
    row(general, QStringLiteral("state"), tr("State"), toString(node.state));
    row(general, QStringLiteral("securityTier"), tr("Security tier"), toString(node.securityTier));
    row(general, QStringLiteral("arch"), tr("Architecture"), node.arch);
    auto *capacity = group(tr("Capacity"));
    row(capacity, QStringLiteral("capacity.cpu"), tr("CPU cores"), QString::number(node.capacity.cpuCores));
    row(capacity, QStringLiteral("capacity.memory"), tr("Memory"), bytes(node.capacity.memoryBytes));
    row(capacity, QStringLiteral("capacity.disk"), tr("Disk"), bytes(node.capacity.diskBytes));
    auto *live = group(tr("Live"));
    row(live, QStringLiteral("cpu"), tr("CPU utilisation"), QString());
    const QList<Device> devices = inventory.devicesOfNode(node.id);
    auto *accelerators = group(tr("Devices (%1)").arg(devices.size()));
    for (const Device &device : devices) {
        QString text = QStringLiteral("%1 · %2").arg(toString(device.kind).toUpper(), device.model);
        if (device.memoryBytes > 0)
            text += QStringLiteral(" · ") + bytes(device.memoryBytes);
        if (device.vaccelCapable)
            text += QStringLiteral(" · vAccel");
        row(accelerators, QStringLiteral("device:") + device.id, device.id, text);
    }
    if (!node.labels.isEmpty()) {
        auto *labels = group(tr("Labels"));
        for (auto it = node.labels.cbegin(); it != node.labels.cend(); ++it)
            row(labels, QStringLiteral("label:") + it.key(), it.key(), it.value());
    }
    finish();
}

void InspectorPane::showSwitch(const Switch &sw, const Inventory &inventory)
{
    const Site *site = inventory.find<Site>(sw.siteId);
    QColor colour = sw.state == SwitchState::Up ? QColor(0x3f, 0xb9, 0x50)
                    : sw.state == SwitchState::Degraded ? QColor(0xe3, 0xa4, 0x1a)
                    : sw.state == SwitchState::Down ? QColor(0xf0, 0x4a, 0x4a) : QColor(0x8b, 0x94, 0x9e);
    begin(sw.name.isEmpty() ? sw.id : sw.name, tr("P4 switch"), toString(sw.state).toUpper(), colour);
    auto *general = group(tr("General"));
    row(general, QStringLiteral("id"), tr("Id"), sw.id);
    row(general, QStringLiteral("kind"), tr("Kind"), tr("switch"));
    row(general, QStringLiteral("site"), tr("Site"), site ? QStringLiteral("%1 (%2)").arg(site->name, site->id) : tr("backbone"));
    row(general, QStringLiteral("state"), tr("State"), toString(sw.state));
    row(general, QStringLiteral("target"), tr("Target"), sw.target);
    row(general, QStringLiteral("management"), tr("Management address"), sw.managementAddress);
    row(general, QStringLiteral("ports"), tr("Ports"), QString::number(sw.portCount));
    auto *links = group(tr("Links"));
    for (const Link &link : inventory.all<Link>()) {
        if (link.a.id == sw.id || link.b.id == sw.id) {
            const QString peer = link.a.id == sw.id ? link.b.id : link.a.id;
            row(links, QStringLiteral("link:") + link.id, link.id, tr("to %1, %2 ms nominal").arg(entityName(inventory, peer)).arg(link.latencyMs));
        }
    }
    finish();
}

void InspectorPane::showLink(const Link &link, const Inventory &inventory)
{
    QColor colour = link.state == LinkState::Up ? QColor(0x3f, 0xb9, 0x50)
                    : link.state == LinkState::Degraded ? QColor(0xe3, 0xa4, 0x1a)
                    : link.state == LinkState::Down ? QColor(0xf0, 0x4a, 0x4a) : QColor(0x8b, 0x94, 0x9e);
    begin(link.id, tr("Link"), toString(link.state).toUpper(), colour);
    auto *general = group(tr("General"));
    row(general, QStringLiteral("id"), tr("Id"), link.id);
    row(general, QStringLiteral("kind"), tr("Kind"), tr("link"));
    row(general, QStringLiteral("state"), tr("State"), toString(link.state));
    row(general, QStringLiteral("endpointA"), tr("Endpoint A"), tr("%1, port %2").arg(entityName(inventory, link.a.id)).arg(link.a.port));
    row(general, QStringLiteral("endpointB"), tr("Endpoint B"), tr("%1, port %2").arg(entityName(inventory, link.b.id)).arg(link.b.port));
    row(general, QStringLiteral("capacity"), tr("Capacity"), bitsPerSecond(link.capacityBitsPerSecond));
    row(general, QStringLiteral("nominal"), tr("Nominal latency"), tr("%1 ms").arg(link.latencyMs));
    auto *live = group(tr("Live"));
    row(live, QStringLiteral("latency"), tr("Latency"), QString());
    finish();
}

void InspectorPane::setLatencySeries(const QList<SeriesBatch> &series)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        if (m_tree->topLevelItem(g)->data(0, KeyRole).toString() == QLatin1String("group:latencySeries")) {
            delete m_tree->takeTopLevelItem(g);
            break;
        }
    }
    m_series.clear();
    if (series.isEmpty())
        return;
    auto *parent = group(tr("Latency series"));
    parent->setData(0, KeyRole, QStringLiteral("group:latencySeries"));
    for (const SeriesBatch &batch : series) {
        const QString key = batch.key();
        m_series.insert(key, batch);
        const bool estimated = LinkLatency::sourceOf(batch.labels) == LatencySource::Estimated;
        QTreeWidgetItem *item = row(parent, QStringLiteral("series:") + key, batch.metric,
                                    estimated ? tr("estimated") : tr("measured"));
        item->setToolTip(0, tr("%1\nDouble-click to chart it").arg(key));
        if (estimated) {
            item->setToolTip(1, tr("Estimated by network tomography from end-to-end paths: nothing measures this link"));
            QFont font = item->font(1);
            font.setItalic(true);
            item->setFont(1, font);
        }
    }
    parent->setExpanded(true);
}

void InspectorPane::setLiveValue(const QString &key, const QString &text)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *parent = m_tree->topLevelItem(g);
        for (int i = 0; i < parent->childCount(); ++i) {
            QTreeWidgetItem *item = parent->child(i);
            if (item->data(0, KeyRole).toString() == key) {
                if (item->text(1) != text)
                    item->setText(1, text);
                return;
            }
        }
    }
}

QString InspectorPane::value(const QString &key) const
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *parent = m_tree->topLevelItem(g);
        for (int i = 0; i < parent->childCount(); ++i) {
            if (parent->child(i)->data(0, KeyRole).toString() == key)
                return parent->child(i)->text(1);
        }
    }
    return {};
}

QString InspectorPane::title() const
{
    return m_title->text();
}

} // namespace Continuo::Gui
