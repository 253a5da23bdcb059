#include "widgets/ResourceSearchBox.h"

#include "control/IControlPlane.h"
#include "models/DeploymentModel.h"

#include <QFrame>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Continuo::Gui {

ResourceSearchBox::ResourceSearchBox(QWidget *parent)
    : QLineEdit(parent)
    , m_popup(new QFrame(this, Qt::Popup))
    , m_summary(new QLabel)
    , m_list(new QTreeWidget)
{
    setObjectName(QStringLiteral("resourceSearch"));
    setPlaceholderText(tr("find: free_memory > 8GiB and gpu.model = A100"));
    setClearButtonEnabled(true);
    setMinimumWidth(340);
    setToolTip(tr("Find nodes with a resource query; Enter runs it, choosing a match selects the node"));

    m_typing.setSingleShot(true);
    m_typing.setInterval(TypingDelay);
    connect(&m_typing, &QTimer::timeout, this, &ResourceSearchBox::search);
    connect(this, &QLineEdit::textEdited, this, [this] { m_typing.start(); });
    connect(this, &QLineEdit::returnPressed, this, [this] {
        m_typing.stop();
        search();
    });

    m_popup->setObjectName(QStringLiteral("resourceSearchPopup"));
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_list->setObjectName(QStringLiteral("resourceSearchResults"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(true);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        choose(m_list->indexOfTopLevelItem(item));
    });
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        choose(m_list->indexOfTopLevelItem(item));
    });
    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_list);
    m_popup->resize(720, 320);
}

void ResourceSearchBox::setControlPlane(IControlPlane *controlPlane)
{
    m_controlPlane = controlPlane;
    ++m_generation;
    m_matches.clear();
    m_popup->hide();
}

void ResourceSearchBox::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Down && !m_matches.isEmpty()) {
        m_popup->move(mapToGlobal(QPoint(0, height())));
        m_popup->show();
        m_list->setFocus();
        return;
    }
    if (event->key() == Qt::Key_Escape)
        m_popup->hide();
    QLineEdit::keyPressEvent(event);
}

void ResourceSearchBox::search()
{
    const QString query = text().trimmed();
    if (query.isEmpty()) {
        showError({});
        m_matches.clear();
        m_popup->hide();
        return;
    }
    // Parse here first: the red frame shows without a round trip.
    auto parsed = ResourceQuery::parse(query);
    if (!parsed) {
        showError(parsed.error());
        ++m_answers;
        Q_EMIT searchFinished(0, parsed.error());
        return;
    }
    if (!m_controlPlane) {
        showError(tr("Not connected."));
        return;
    }
    const int generation = ++m_generation;
    m_controlPlane->findResources(query, MatchLimit, this, [this, generation](const Result<QList<ResourceMatch>> &result) {
        if (generation != m_generation)
            return; // a newer query is on its way
        ++m_answers;
        if (!result) {
            showError(result.error());
            Q_EMIT searchFinished(0, result.error());
            return;
        }
        showError({});
        showMatches(*result);
        Q_EMIT searchFinished(int(result->size()), {});
    });
}

void ResourceSearchBox::showError(const QString &error)
{
    m_error = error;
    if (error.isEmpty()) {
        setStyleSheet({});
        setToolTip(tr("Find nodes with a resource query; Enter runs it, choosing a match selects the node"));
    } else {
        setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #f04a4a; }"));
        setToolTip(error);
        m_popup->hide();
    }
}

void ResourceSearchBox::showMatches(const QList<ResourceMatch> &matches)
{
    m_matches = matches;
    m_list->clear();
    QStringList attributes;
    for (const ResourceMatch &match : matches) {
        for (auto it = match.attributes.cbegin(); it != match.attributes.cend(); ++it) {
            if (!attributes.contains(it.key()))
                attributes.append(it.key());
        }
    }
    QStringList headers{tr("Node"), tr("Cluster"), tr("Site"), tr("Age")};
    headers += attributes;
    m_list->setColumnCount(int(headers.size()));
    m_list->setHeaderLabels(headers);
    for (const ResourceMatch &match : matches) {
        QStringList cells{match.nodeId, match.clusterId, match.siteId,
                          match.ageMs > 0 ? DeploymentModel::ageText(match.ageMs) : tr("live")};
        for (const QString &attribute : std::as_const(attributes))
            cells.append(match.attributes.value(attribute).toString());
        auto *item = new QTreeWidgetItem(m_list, cells);
        if (match.source != QLatin1String("local") && !match.source.isEmpty())
            item->setToolTip(0, tr("answered by %1").arg(match.source));
    }
    for (int column = 0; column < m_list->columnCount(); ++column)
        m_list->resizeColumnToContents(column);
    m_summary->setText(matches.isEmpty() ? tr("No node matches.")
                       : matches.size() >= MatchLimit
                           ? tr("First %n matching node(s); refine the query to see others.", nullptr, int(matches.size()))
                           : tr("%n matching node(s)", nullptr, int(matches.size())));
    if (isVisible()) {
        m_popup->move(mapToGlobal(QPoint(0, height())));
        m_popup->show();
        // Keep typing in the box; Down moves into the list.
        setFocus();
    }
}

void ResourceSearchBox::choose(int row)
{
    if (row < 0 || row >= m_matches.size())
        return;
    m_popup->hide();
    Q_EMIT nodeChosen(m_matches.at(row).nodeId);
}

} // namespace Continuo::Gui
