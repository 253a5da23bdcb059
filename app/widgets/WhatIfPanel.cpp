#include "widgets/WhatIfPanel.h"

#include "control/IControlPlane.h"
#include "orchestration/IntentYaml.h"
#include "topology/TopologyScene.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Continuo::Gui {

WhatIfPanel::WhatIfPanel(TopologyScene *scene, QWidget *parent)
    : QWidget(parent)
    , m_scene(scene)
    , m_hint(new QLabel)
    , m_list(new QListWidget)
    , m_summary(new QLabel)
    , m_apply(new QPushButton(tr("Apply as Re-optimisation…")))
{
    setObjectName(QStringLiteral("whatIfPanel"));
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Right-click nodes, links or sites on the topology to add hypothetical "
                       "changes. Nothing is applied."));
    m_list->setObjectName(QStringLiteral("whatIfChanges"));
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_summary->setWordWrap(true);
    m_apply->setObjectName(QStringLiteral("whatIfApply"));
    m_apply->setEnabled(false);
    m_apply->setToolTip(tr("Evacuate the drained or failed nodes for real, as a re-optimisation"));
    connect(m_apply, &QPushButton::clicked, this, [this] {
        QSet<QString> nodes;
        for (const WhatIfChange &change : std::as_const(m_changes)) {
            if (change.kind == WhatIfChange::Kind::DrainNode || change.kind == WhatIfChange::Kind::FailNode)
                nodes.insert(change.targetId);
        }
        for (const QString &node : std::as_const(m_result.unavailableNodes))
            nodes.insert(node);
        Q_EMIT applyRequested(nodes);
    });
    auto *clear = new QPushButton(tr("Clear"));
    connect(clear, &QPushButton::clicked, this, &WhatIfPanel::clearChanges);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(clear);
    buttons->addStretch(1);
    buttons->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    rebuildList();
}

void WhatIfPanel::setControlPlane(IControlPlane *controlPlane)
{
    m_controlPlane = controlPlane;
    clearChanges();
}

void WhatIfPanel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (!active) {
        ++m_generation; // answers on their way are dropped
        m_changes.clear();
        m_result = {};
        m_scene->clearWhatIfOverlay();
        rebuildList();
    } else {
        m_scene->setWhatIfOverlay({});
    }
}

QString WhatIfPanel::describe(const WhatIfChange &change)
{
    switch (change.kind) {
    case WhatIfChange::Kind::DrainNode:
        return tr("Drain node %1").arg(change.targetId);
    case WhatIfChange::Kind::FailNode:
        return tr("Fail node %1").arg(change.targetId);
    case WhatIfChange::Kind::FailLink:
        return tr("Fail link %1").arg(change.targetId);
    case WhatIfChange::Kind::FailSite:
        return tr("Fail site %1").arg(change.targetId);
    case WhatIfChange::Kind::AddLoad:
        return tr("Add %1 cores, %2 on %3")
            .arg(change.cpuCores, 0, 'g', 4)
            .arg(formatByteQuantity(change.memoryBytes), change.targetId);
    case WhatIfChange::Kind::Unknown:
        break;
    }
    return change.targetId;
}

void WhatIfPanel::addChange(const WhatIfChange &change)
{
    if (m_changes.contains(change))
        return;
    if (!m_active)
        setActive(true);
    m_changes.append(change);
    rebuildList();
    rerun();
}

void WhatIfPanel::removeChange(int index)
{
    if (index < 0 || index >= m_changes.size())
        return;
    m_changes.removeAt(index);
    rebuildList();
    rerun();
}

void WhatIfPanel::clearChanges()
{
    m_changes.clear();
    rebuildList();
    rerun();
}

void WhatIfPanel::rebuildList()
{
    m_list->clear();
    for (int i = 0; i < m_changes.size(); ++i) {
        auto *item = new QListWidgetItem(m_list);
        auto *row = new QWidget;
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(4, 0, 2, 0);
        rowLayout->addWidget(new QLabel(describe(m_changes.at(i))), 1);
        auto *remove = new QToolButton;
        remove->setObjectName(QStringLiteral("removeWhatIfChange"));
        remove->setText(QStringLiteral("✕"));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Remove this change"));
        connect(remove, &QToolButton::clicked, this, [this, change = m_changes.at(i)] {
            removeChange(int(m_changes.indexOf(change)));
        });
        rowLayout->addWidget(remove);
        item->setSizeHint(row->sizeHint());
        m_list->setItemWidget(item, row);
    }
    m_summary->setText(summaryText());
}

QString WhatIfPanel::summaryText() const
{
    if (m_changes.isEmpty())
        return tr("No changes.");
    return tr("%1 node(s) unavailable · %2 deployment(s) would move · %3 would have nowhere to go")
        .arg(m_result.unavailableNodes.size())
        .arg(m_result.moves.size())
        .arg(m_result.unplaceable.size());
}

void WhatIfPanel::rerun()
{
    const int generation = ++m_generation;
    m_apply->setEnabled(false);
    if (m_changes.isEmpty() || !m_controlPlane) {
        m_result = {};
        if (m_active)
            m_scene->setWhatIfOverlay({});
        m_summary->setText(summaryText());
        Q_EMIT resultChanged();
        return;
    }
    m_summary->setText(tr("Computing…"));
    m_controlPlane->whatIf(m_changes, {}, this, [this, generation](const Result<WhatIfResult> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_result = {};
            m_summary->setText(tr("What-if failed: %1").arg(result.error()));
            m_scene->setWhatIfOverlay({});
        } else {
            m_result = *result;
            m_summary->setText(summaryText());
            m_scene->setWhatIfOverlay(m_result);
            m_apply->setEnabled(!m_result.moves.isEmpty());
        }
        Q_EMIT resultChanged();
    });
}

} // namespace Continuo::Gui
