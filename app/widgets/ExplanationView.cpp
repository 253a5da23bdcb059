#include "widgets/ExplanationView.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Continuo::Gui {

namespace {

constexpr int SectionRole = Qt::UserRole + 2;

/// Paints a horizontal bar for items that carry ExplanationView::BarRole, the text on top.
class ScoreBarDelegate : public QStyledItemDelegate
{
public:
    explicit ScoreBarDelegate(const CanvasColours *colours, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_colours(colours)
    {
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QVariant bar = index.data(ExplanationView::BarRole);
        if (!bar.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const double fraction = std::clamp(bar.toDouble(), 0.0, 1.0);
        const QRect track = option.rect.adjusted(4, 5, -56, -5);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_colours->tileNoData);
        painter->drawRoundedRect(track, 2, 2);
        QRect fill = track;
        fill.setWidth(int(track.width() * fraction));
        painter->setBrush(m_colours->utilisationColour(1.0 - fraction));
        painter->drawRoundedRect(fill, 2, 2);
        painter->setPen(opt.palette.color(QPalette::Text));
        painter->drawText(option.rect.adjusted(track.width() + 8, 0, -2, 0),
                          Qt::AlignRight | Qt::AlignVCenter, text);
        painter->restore();
    }

private:
    const CanvasColours *m_colours;
};

QString scorerText(const QString &scorer)
{
    if (scorer == QLatin1String("latency"))
        return ExplanationView::tr("latency");
    if (scorer == QLatin1String("executionTime") || scorer == QLatin1String("execution"))
        return ExplanationView::tr("execution time");
    if (scorer == QLatin1String("energy"))
        return ExplanationView::tr("energy");
    if (scorer == QLatin1String("cost"))
        return ExplanationView::tr("cost");
    if (scorer == QLatin1String("balance"))
        return ExplanationView::tr("balance");
    return scorer;
}

} // namespace

ExplanationView::ExplanationView(QWidget *parent)
    : QWidget(parent)
    , m_colours(Theme::canvasColours(ThemeKind::Dark))
    , m_title(new QLabel)
    , m_verdict(new QLabel)
    , m_tree(new QTreeWidget)
{
    setObjectName(QStringLiteral("explanationView"));
    m_title->setObjectName(QStringLiteral("explanationTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_verdict->setObjectName(QStringLiteral("explanationVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setObjectName(QStringLiteral("explanationTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Item"), tr("Score / count"), tr("Details")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_tree->header()->resizeSection(1, 180);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setItemDelegateForColumn(1, new ScoreBarDelegate(&m_colours, this));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_verdict);
    layout->addWidget(m_tree, 1);
    clear();
}

void ExplanationView::setColours(const CanvasColours &colours)
{
    m_colours = colours;
    if (!m_verdict->text().isEmpty())
        setExplanation(m_explanation, m_title->text());
}

void ExplanationView::clear()
{
    m_explanation = {};
    m_title->clear();
    m_title->hide();
    m_tree->clear();
    m_verdict->setText(tr("Nothing explained yet. Use Explain on a deployment or Dry run in the "
                          "placement dialog."));
}

void ExplanationView::showMessage(const QString &message)
{
    m_explanation = {};
    m_tree->clear();
    m_verdict->setText(message.toHtmlEscaped());
}

QString ExplanationView::verdictText() const
{
    return m_verdict->text();
}

QTreeWidgetItem *ExplanationView::section(Section which) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, SectionRole).toInt() == int(which))
            return item;
    }
    return nullptr;
}

QTreeWidgetItem *ExplanationView::addSection(Section which, const QString &title, const QString &count)
{
    auto *item = new QTreeWidgetItem(m_tree, {title, count});
    item->setData(0, SectionRole, int(which));
    item->setFirstColumnSpanned(false);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    return item;
}

void ExplanationView::addCandidate(QTreeWidgetItem *parent, const RankedCandidate &candidate,
                                   const QString &label)
{
    auto *item = new QTreeWidgetItem(parent, {label, QString::number(candidate.total, 'f', 3),
                                              candidate.clusterId});
    item->setData(1, BarRole, candidate.total);
    for (const ScoreTerm &term : candidate.terms) {
        auto *child = new QTreeWidgetItem(
            item, {scorerText(term.scorer), QString::number(term.score, 'f', 2),
                   tr("weight %1").arg(term.weight, 0, 'f', 2)});
        child->setData(1, BarRole, term.score);
        child->setToolTip(0, term.scorer);
    }
}

void ExplanationView::setExplanation(const PlacementExplanation &explanation, const QString &title)
{
    m_explanation = explanation;
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    m_tree->clear();

    // Verdict.
    if (explanation.placed) {
        QStringList nodes;
        for (const PlacementDecision &decision : explanation.decisions) {
            if (!nodes.contains(decision.nodeId))
                nodes.append(decision.nodeId);
        }
        m_verdict->setText(
            QStringLiteral("<span style=\"color:%1\">✔</span> %2")
                .arg(m_colours.good.name(),
                     tr("Placed on %1 · %2 of %3 nodes feasible · strategy %4")
                         .arg(nodes.join(QStringLiteral(", ")))
                         .arg(explanation.nodesFeasible)
                         .arg(explanation.nodesConsidered)
                         .arg(explanation.strategy)
                         .toHtmlEscaped()));
    } else {
        m_verdict->setText(QStringLiteral("<span style=\"color:%1\">✘ %2</span><br>%3")
                               .arg(m_colours.critical.name(), tr("Cannot be placed").toHtmlEscaped(),
                                    explanation.error.toHtmlEscaped()));
    }

    if (!explanation.decisions.isEmpty()) {
        QTreeWidgetItem *decisions = addSection(Section::Decisions, tr("Decisions"),
                                                QString::number(explanation.decisions.size()));
        for (const PlacementDecision &decision : explanation.decisions) {
            auto *item = new QTreeWidgetItem(
                decisions, {tr("replica %1 → %2").arg(decision.replica).arg(decision.nodeId),
                            QString::number(decision.score, 'f', 3),
                            decision.delegated
                                ? tr("cluster %1, site %2, delegated to the backend")
                                      .arg(decision.clusterId, decision.siteId)
                                : tr("cluster %1, site %2").arg(decision.clusterId, decision.siteId)});
            item->setData(1, BarRole, decision.score);
            item->setToolTip(0, decision.workloadId);
            for (const QString &constraint : decision.constraints)
                new QTreeWidgetItem(item, {tr("constraint"), QString(), constraint});
        }
        decisions->setExpanded(true);
    }

    if (!explanation.platforms.isEmpty()) {
        QTreeWidgetItem *platforms = addSection(Section::Platforms, tr("Platforms (in the order tried)"),
                                                QString::number(explanation.platforms.size()));
        for (const RankedCandidate &platform : explanation.platforms)
            addCandidate(platforms, platform, platform.clusterId.isEmpty() ? platform.nodeId : platform.clusterId);
    }

    if (!explanation.ranked.isEmpty()) {
        QTreeWidgetItem *ranked = addSection(Section::Ranked, tr("Ranked candidates"),
                                             QString::number(explanation.ranked.size()));
        int rank = 1;
        for (const RankedCandidate &candidate : explanation.ranked)
            addCandidate(ranked, candidate, tr("%1. %2").arg(rank++).arg(candidate.nodeId));
        ranked->setExpanded(true);
    }

    // Rejections grouped by filter: the counts come from rejectionsByFilter (complete even when
    // only examples were kept), the nodes and reasons from rejections.
    QMap<QString, int> counts = explanation.rejectionsByFilter;
    QMap<QString, QList<const PlacementRejection *>> byFilter;
    for (const PlacementRejection &rejection : explanation.rejections) {
        byFilter[rejection.filter].append(&rejection);
        if (!explanation.rejectionsByFilter.contains(rejection.filter))
            counts[rejection.filter] += 1;
    }
    if (!counts.isEmpty()) {
        int total = 0;
        for (int count : std::as_const(counts))
            total += count;
        QTreeWidgetItem *rejections = addSection(Section::Rejections, tr("Rejected by filter"),
                                                 QString::number(total));
        QList<std::pair<QString, int>> ordered;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            ordered.append({it.key(), it.value()});
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
        for (const auto &[filter, count] : ordered) {
            const auto &examples = byFilter.value(filter);
            auto *group = new QTreeWidgetItem(
                rejections, {filter, QString::number(count),
                             examples.isEmpty() ? QString() : examples.first()->reason});
            for (const PlacementRejection *rejection : examples) {
                auto *item = new QTreeWidgetItem(
                    group, {rejection->wholeCluster ? tr("cluster %1").arg(rejection->candidateId)
                                                    : rejection->candidateId,
                            rejection->shortfall != 0.0 ? tr("short by %1").arg(rejection->shortfall, 0, 'g', 3)
                                                        : QString(),
                            rejection->reason});
                item->setToolTip(2, rejection->reason);
            }
            if (examples.size() < count)
                new QTreeWidgetItem(group, {tr("… %n more", nullptr, int(count - examples.size()))});
        }
        rejections->setExpanded(true);
    }

    if (!explanation.relaxations.isEmpty()) {
        QTreeWidgetItem *relaxations = addSection(Section::Relaxations, tr("What would make it fit"),
                                                  QString::number(explanation.relaxations.size()));
        for (const Relaxation &relaxation : explanation.relaxations) {
            new QTreeWidgetItem(relaxations,
                                {relaxation.suggestion,
                                 tr("%n node(s)", nullptr, relaxation.nodesThatWouldFit),
                                 tr("relax the %1 filter").arg(relaxation.filter)});
        }
        relaxations->setExpanded(true);
    }
}

} // namespace Continuo::Gui
