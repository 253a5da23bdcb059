#pragma once

#include "orchestration/Placer.h"
#include "widgets/Theme.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
QT_END_NAMESPACE

namespace Continuo::Gui {

/// The account of one placement: a verdict line (placed on X, or why not), then sections for
/// the decisions (replica -> node, cluster, delegated with its backend constraints), the
/// platforms in the order they were tried, the ranked candidates with one bar per scorer, the
/// rejections grouped by filter (count, expandable to the nodes and their reasons) and, when
/// nothing fits, what would make it fit.
class ExplanationView : public QWidget
{
    Q_OBJECT
public:
    enum class Section { Unknown, Decisions, Platforms, Ranked, Rejections, Relaxations };
    Q_ENUM(Section)
    /// Item data role holding a 0..1 fraction drawn as a bar in the score column.
    static constexpr int BarRole = Qt::UserRole + 1;

    explicit ExplanationView(QWidget *parent = nullptr);

    void setExplanation(const PlacementExplanation &explanation, const QString &title = {});
    /// Show a message instead (an error, "explaining…").
    void showMessage(const QString &message);
    void clear();
    void setColours(const CanvasColours &colours);

    const PlacementExplanation &explanation() const { return m_explanation; }
    QString verdictText() const;
    QTreeWidget *tree() const { return m_tree; }
    /// The top-level item of a section; null when the explanation has nothing for it.
    QTreeWidgetItem *section(Section section) const;

private:
    QTreeWidgetItem *addSection(Section section, const QString &title, const QString &count);
    void addCandidate(QTreeWidgetItem *parent, const RankedCandidate &candidate, const QString &label);

    PlacementExplanation m_explanation;
    CanvasColours m_colours;
    QLabel *m_title;
    QLabel *m_verdict;
    QTreeWidget *m_tree;
};

} // namespace Continuo::Gui
