#pragma once

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QTableView;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

class SilenceModel;

/// The silences in force or scheduled, with New Silence… and Expire.
class SilencesPane : public QWidget
{
    Q_OBJECT
public:
    explicit SilencesPane(SilenceModel *model, QWidget *parent = nullptr);

    void setControlPlane(IControlPlane *controlPlane);

    QTableView *view() const { return m_view; }
    QAction *expireAction() const { return m_expire; }
    QAction *newSilenceAction() const { return m_create; }

    /// Select a silence's row.
    void selectSilence(const QString &silenceId);
    /// End the selected silence now.
    void expireSelected();
    /// Ask for matchers, comment and duration, then create a silence.
    void requestNewSilence();

Q_SIGNALS:
    /// An action finished; message is for the status bar.
    void actionFinished(bool succeeded, const QString &message);

private:
    QString selectedSilenceId() const;
    void updateActions();

    QPointer<IControlPlane> m_controlPlane;
    SilenceModel *m_model;
    QTableView *m_view;
    QAction *m_expire;
    QAction *m_create;
};

} // namespace Continuo::Gui
