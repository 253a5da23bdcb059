#pragma once

#include "orchestration/ResourceQuery.h"

#include <QLineEdit>
#include <QPointer>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QFrame;
class QLabel;
class QTreeWidget;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

/// The toolbar's resource finder: a ResourceQuery (`free_memory > 8GiB and gpu.model = A100`)
/// runs through IControlPlane::findResources as the operator types (debounced) or presses
/// Enter; matches pop up in a list (node, cluster, site, age and the values of the attributes
/// the query names). Choosing one selects the node. A query that does not parse turns the box
/// red with the parser's message as its tooltip.
class ResourceSearchBox : public QLineEdit
{
    Q_OBJECT
public:
    static constexpr auto TypingDelay = std::chrono::milliseconds(400);
    static constexpr int MatchLimit = 200;

    explicit ResourceSearchBox(QWidget *parent = nullptr);

    void setControlPlane(IControlPlane *controlPlane);
    /// Run the query in the box now.
    void search();

    const QList<ResourceMatch> &matches() const { return m_matches; }
    /// The parser's (or the engine's) error for the last query; empty when it ran.
    QString errorText() const { return m_error; }
    QTreeWidget *resultList() const { return m_list; }
    QFrame *popup() const { return m_popup; }
    /// Searches answered (tests).
    int answers() const { return m_answers; }

Q_SIGNALS:
    void nodeChosen(const QString &nodeId);
    /// A search was answered (matched may be 0; error set when it failed).
    void searchFinished(int matched, const QString &error);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showMatches(const QList<ResourceMatch> &matches);
    void showError(const QString &error);
    void choose(int row);

    QPointer<IControlPlane> m_controlPlane;
    QTimer m_typing;
    QFrame *m_popup;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QList<ResourceMatch> m_matches;
    QString m_error;
    int m_generation = 0;
    int m_answers = 0;
};

} // namespace Continuo::Gui
