#pragma once

#include <QDialog>

QT_BEGIN_NAMESPACE
class QDialogButtonBox;
class QLabel;
class QLineEdit;
QT_END_NAMESPACE

namespace Continuo::Gui {

/// Asks for the HOST:PORT of a `continuo --daemon` to connect the console to.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    QString hostPort() const;
    void setHostPort(const QString &hostPort);

    /// "host:port", "[v6]:port"; port 1..65535.
    static bool isValidHostPort(const QString &text);

private:
    void validate();

    QLineEdit *m_address;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace Continuo::Gui
