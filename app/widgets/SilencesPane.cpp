#include "widgets/SilencesPane.h"

#include "control/IControlPlane.h"
#include "dialogs/SilenceDialog.h"
#include "models/SilenceModel.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Continuo::Gui {

SilencesPane::SilencesPane(SilenceModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView)
    , m_expire(new QAction(tr("&Expire Silence"), this))
    , m_create(new QAction(tr("&New Silence…"), this))
{
    setObjectName(QStringLiteral("silences"));
    m_expire->setObjectName(QStringLiteral("actionExpireSilence"));
    m_expire->setToolTip(tr("End the selected silence now"));
    connect(m_expire, &QAction::triggered, this, &SilencesPane::expireSelected);
    m_create->setObjectName(QStringLiteral("actionNewSilence"));
    m_create->setToolTip(tr("Mute alerts with chosen labels for a while"));
    connect(m_create, &QAction::triggered, this, &SilencesPane::requestNewSilence);

    m_view->setObjectName(QStringLiteral("silenceTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_expire);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(SilenceModel::CommentColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = m_view->fontMetrics();
    header->resizeSection(SilenceModel::MatchersColumn, metrics.horizontalAdvance(QStringLiteral("node=\"hpc-bol-07\", rule=\"hot-node-cpu\"")) + 20);
    header->resizeSection(SilenceModel::CreatedByColumn, metrics.horizontalAdvance(QStringLiteral("console:operator")) + 20);
    header->resizeSection(SilenceModel::EndsColumn, metrics.horizontalAdvance(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)) + 24);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SilencesPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SilencesPane::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SilencesPane::updateActions);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    for (QAction *action : {m_create, m_expire}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(button);
    }
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    updateActions();
}

void SilencesPane::setControlPlane(IControlPlane *controlPlane)
{
    m_controlPlane = controlPlane;
    updateActions();
}

QString SilencesPane::selectedSilenceId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(SilenceModel::SilenceIdRole).toString();
}

void SilencesPane::selectSilence(const QString &silenceId)
{
    const int row = m_model->rowOf(silenceId);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    m_view->selectRow(row);
}

void SilencesPane::updateActions()
{
    m_expire->setEnabled(m_controlPlane && !selectedSilenceId().isEmpty());
    m_create->setEnabled(m_controlPlane);
}

void SilencesPane::expireSelected()
{
    const QString id = selectedSilenceId();
    if (!m_controlPlane || id.isEmpty())
        return;
    m_expire->setEnabled(false);
    m_controlPlane->expireSilence(id, this, [this, id](const Result<Silence> &result) {
        if (result) {
            m_model->upsertSilence(result.value());
            Q_EMIT actionFinished(true, tr("Expired silence %1.").arg(id));
        } else {
            Q_EMIT actionFinished(false, tr("Expiring silence %1 failed: %2").arg(id, result.error()));
        }
        updateActions();
    });
}

void SilencesPane::requestNewSilence()
{
    if (!m_controlPlane)
        return;
    auto *dialog = new SilenceDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setActiveAlerts(m_controlPlane->activeAlerts());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_controlPlane)
            return;
        m_controlPlane->addSilence(dialog->matchers(), dialog->comment(), dialog->untilMs(), this,
                                   [this](const Result<Silence> &result) {
            if (result)
                Q_EMIT actionFinished(true, tr("Created silence %1.").arg(result->id));
            else
                Q_EMIT actionFinished(false, tr("Creating the silence failed: %1").arg(result.error()));
        });
    });
    dialog->open();
}

} // namespace Continuo::Gui
