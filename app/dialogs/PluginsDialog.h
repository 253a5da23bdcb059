#pragma once

#include "plugin/PluginSpec.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QTreeWidget;
QT_END_NAMESPACE

namespace Continuo::Gui {

/// Every plugin the engine knows, with its version, state and error; failed ones in red.
class PluginsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PluginsDialog(QWidget *parent = nullptr);

    void setPlugins(const QList<PluginInfo> &plugins);
    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree;
};

} // namespace Continuo::Gui
