#pragma once

#include "orchestration/PlacementPlanner.h"

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

class TopologyScene;

/// What-if mode: hypothetical changes (drain or fail a node, fail a link or a site, add load)
/// accumulate in a list, each one removable; every change re-runs IControlPlane::whatIf and the
/// topology shows the answer as an overlay. Nothing is applied, unless the operator turns the
/// planned moves into a re-optimisation with "Apply as re-optimisation".
class WhatIfPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WhatIfPanel(TopologyScene *scene, QWidget *parent = nullptr);

    void setControlPlane(IControlPlane *controlPlane);

    /// Entering shows the (empty) overlay; leaving clears the changes and the overlay.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    void addChange(const WhatIfChange &change);
    void removeChange(int index);
    void clearChanges();
    const QList<WhatIfChange> &changes() const { return m_changes; }
    /// The answer for the current changes (empty until one arrived).
    const WhatIfResult &result() const { return m_result; }
    QString summaryText() const;
    QListWidget *changeList() const { return m_list; }
    QPushButton *applyButton() const { return m_apply; }

    static QString describe(const WhatIfChange &change);

Q_SIGNALS:
    /// An answer arrived (or failed) and the overlay was updated.
    void resultChanged();
    /// The operator asked to apply the moves as a re-optimisation evacuating these nodes.
    void applyRequested(const QSet<QString> &nodes);

private:
    void rerun();
    void rebuildList();

    QPointer<IControlPlane> m_controlPlane;
    TopologyScene *m_scene;
    bool m_active = false;
    int m_generation = 0;
    QList<WhatIfChange> m_changes;
    WhatIfResult m_result;
    QLabel *m_hint;
    QListWidget *m_list;
    QLabel *m_summary;
    QPushButton *m_apply;
};

} // namespace Continuo::Gui
