#include "dialogs/ConnectDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Continuo::Gui {

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_address(new QLineEdit)
    , m_hint(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to Daemon"));
    m_address->setObjectName(QStringLiteral("hostPort"));
    m_address->setPlaceholderText(QStringLiteral("127.0.0.1:7443"));
    m_address->setMinimumWidth(280);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);
    m_hint->setText(tr("The console talks to a `continuo --daemon` over gRPC. "
                       "Enter its address as HOST:PORT."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    auto *form = new QFormLayout;
    form->addRow(tr("Address:"), m_address);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_address, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    validate();
}

QString ConnectDialog::hostPort() const
{
    return m_address->text().trimmed();
}

void ConnectDialog::setHostPort(const QString &hostPort)
{
    m_address->setText(hostPort);
}

bool ConnectDialog::isValidHostPort(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,252}))\\:(\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    const int port = match.captured(3).toInt();
    return port >= 1 && port <= 65535;
}

void ConnectDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isValidHostPort(m_address->text()));
}

} // namespace Continuo::Gui
