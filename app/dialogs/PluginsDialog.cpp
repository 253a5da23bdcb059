#include "dialogs/PluginsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Continuo::Gui {

PluginsDialog::PluginsDialog(QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget)
{
    setObjectName(QStringLiteral("pluginsDialog"));
    setWindowTitle(tr("Plugins"));
    resize(820, 360);
    m_tree->setHeaderLabels({tr("Id"), tr("Name"), tr("Version"), tr("Category"), tr("State"), tr("Error"), tr("File")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
}

void PluginsDialog::setPlugins(const QList<PluginInfo> &plugins)
{
    m_tree->clear();
    for (const PluginInfo &info : plugins) {
        auto *item = new QTreeWidgetItem(m_tree, {info.metadata.id, info.metadata.name, info.metadata.version,
                                                  info.metadata.category, toString(info.state), info.errorString,
                                                  info.filePath});
        item->setToolTip(5, info.errorString);
        item->setToolTip(6, info.filePath);
        item->setToolTip(1, info.metadata.description);
        if (info.state == PluginState::Failed || info.state == PluginState::Invalid) {
            for (int column = 0; column < m_tree->columnCount(); ++column)
                item->setForeground(column, QColor(0xf0, 0x4a, 0x4a));
        } else if (info.state == PluginState::Running) {
            item->setForeground(4, QColor(0x3f, 0xb9, 0x50));
        }
    }
    for (int column = 0; column < m_tree->columnCount() - 1; ++column)
        m_tree->resizeColumnToContents(column);
}

} // namespace Continuo::Gui
