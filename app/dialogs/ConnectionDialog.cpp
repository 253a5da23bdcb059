#include "dialogs/ConnectionDialog.h"

#include "control/IControlPlane.h"
#include "models/ConnectionModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Continuo::Gui {

ConnectionDialog::ConnectionDialog(IControlPlane *controlPlane, QWidget *parent)
    : QDialog(parent)
    , m_controlPlane(controlPlane)
    , m_id(new QLineEdit)
    , m_name(new QLineEdit)
    , m_protocol(new QComboBox)
    , m_bidirectional(new QCheckBox(tr("&Both directions")))
    , m_pinned(new QLineEdit)
    , m_telemetry(new QCheckBox(tr("Postcard &telemetry (INT)")))
    , m_priority(new QSpinBox)
    , m_path(new QLabel)
    , m_error(new QLabel)
    , m_compute(new QPushButton(tr("Compute &Path")))
    , m_create(new QPushButton(tr("&Create")))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("New Connection"));
    m_id->setObjectName(QStringLiteral("connId"));
    m_id->setPlaceholderText(tr("empty: from the name"));
    m_name->setObjectName(QStringLiteral("connName"));
    m_name->setPlaceholderText(tr("e.g. camera → analytics"));
    m_protocol->setObjectName(QStringLiteral("connProtocol"));
    m_protocol->addItem(tr("Any"), 0);
    m_protocol->addItem(tr("TCP"), 6);
    m_protocol->addItem(tr("UDP"), 17);
    m_bidirectional->setObjectName(QStringLiteral("connBidirectional"));
    m_bidirectional->setChecked(true);
    m_pinned->setObjectName(QStringLiteral("connPinnedPath"));
    m_pinned->setPlaceholderText(tr("empty: computed; or switch ids, e.g. s1, s5, s2"));
    m_telemetry->setObjectName(QStringLiteral("connTelemetry"));
    m_priority->setObjectName(QStringLiteral("connPriority"));
    m_priority->setRange(1, 1'000'000);
    m_priority->setValue(100);
    m_priority->setToolTip(tr("table0 priority of the connection's entries"));
    m_path->setObjectName(QStringLiteral("connPathLabel"));
    m_path->setWordWrap(true);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(QStringLiteral("connError"));
    m_error->setWordWrap(true);
    m_compute->setObjectName(QStringLiteral("connComputePath"));
    m_compute->setToolTip(tr("Ask the controller which path it would use; nothing is written"));
    m_create->setObjectName(QStringLiteral("connCreate"));
    m_create->setDefault(true);

    auto *endpoints = new QHBoxLayout;
    endpoints->addWidget(makeEndpoint(tr("Endpoint &A"), QStringLiteral("a"), &m_a));
    endpoints->addWidget(makeEndpoint(tr("Endpoint &B"), QStringLiteral("b"), &m_b));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Id:"), m_id);
    form->addRow(tr("P&rotocol:"), m_protocol);
    form->addRow(QString(), m_bidirectional);
    form->addRow(tr("Pinned pat&h:"), m_pinned);
    form->addRow(QString(), m_telemetry);
    form->addRow(tr("Pri&ority:"), m_priority);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(m_compute, QDialogButtonBox::ActionRole);
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Create is wired by hand: the dialog closes only once the controller took the connection.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_create, &QPushButton::clicked, this, &ConnectionDialog::create);
    connect(m_compute, &QPushButton::clicked, this, &ConnectionDialog::computePath);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(endpoints);
    layout->addWidget(m_path);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_id, m_name, m_pinned})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &ConnectionDialog::revalidate);
    revalidate();
}

QWidget *ConnectionDialog::makeEndpoint(const QString &title, const QString &prefix, EndpointEditors *editors)
{
    auto *box = new QGroupBox(title);
    auto *form = new QFormLayout(box);
    const auto line = [&](const QString &name, const QString &placeholder) {
        auto *edit = new QLineEdit;
        edit->setObjectName(prefix + name);
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
        return edit;
    };
    editors->name = line(QStringLiteral("Name"), tr("node id or namespace/pod"));
    editors->ip = line(QStringLiteral("Ip"), tr("10.244.1.5"));
    editors->vtep = line(QStringLiteral("Vtep"), tr("pods only: the node's VTEP IPv4"));
    editors->switchId = new QComboBox;
    editors->switchId->setObjectName(prefix + QStringLiteral("Switch"));
    editors->switchId->setEditable(true);
    connect(editors->switchId, &QComboBox::currentTextChanged, this, &ConnectionDialog::revalidate);
    editors->port = new QSpinBox;
    editors->port->setObjectName(prefix + QStringLiteral("Port"));
    editors->port->setRange(0, 511);
    editors->port->setToolTip(tr("Port of the switch facing the host"));
    editors->l4Port = new QSpinBox;
    editors->l4Port->setObjectName(prefix + QStringLiteral("L4Port"));
    editors->l4Port->setRange(0, 65535);
    editors->l4Port->setSpecialValueText(tr("any"));
    for (QSpinBox *spin : {editors->port, editors->l4Port})
        connect(spin, &QSpinBox::valueChanged, this, &ConnectionDialog::revalidate);
    form->addRow(tr("Name:"), editors->name);
    form->addRow(tr("IP:"), editors->ip);
    form->addRow(tr("VTEP:"), editors->vtep);
    form->addRow(tr("Switch:"), editors->switchId);
    form->addRow(tr("Switch port:"), editors->port);
    form->addRow(tr("L4 port:"), editors->l4Port);
    return box;
}

void ConnectionDialog::setSwitches(const QStringList &switchIds)
{
    for (QComboBox *combo : {m_a.switchId, m_b.switchId}) {
        const QString current = combo->currentText();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItems(switchIds);
        combo->setCurrentText(current);
    }
    revalidate();
}

void ConnectionDialog::setConnection(const Connection &connection)
{
    setWindowTitle(tr("Edit Connection %1").arg(connection.name.isEmpty() ? connection.id : connection.name));
    m_id->setText(connection.id);
    m_id->setReadOnly(true); // the id is what the controller knows it by
    m_flowId = connection.flowId;
    m_name->setText(connection.name);
    for (const auto &[editors, endpoint] : {std::pair{&m_a, &connection.a}, std::pair{&m_b, &connection.b}}) {
        editors->name->setText(endpoint->name);
        editors->ip->setText(endpoint->ip);
        editors->vtep->setText(endpoint->vtep);
        editors->switchId->setCurrentText(endpoint->switchId);
        editors->port->setValue(endpoint->switchPort);
        editors->l4Port->setValue(endpoint->l4Port);
    }
    m_protocol->setCurrentIndex(std::max(0, m_protocol->findData(connection.ipProtocol)));
    m_bidirectional->setChecked(connection.bidirectional);
    m_pinned->setText(connection.pinnedPath.join(QStringLiteral(", ")));
    m_telemetry->setChecked(connection.telemetry);
    m_priority->setValue(connection.priority);
    m_create->setText(tr("&Save"));
    revalidate();
}

QString ConnectionDialog::idFromName(const QString &name)
{
    static const QRegularExpression other(QStringLiteral("[^a-z0-9_.]+"));
    QString id = name.trimmed().toLower();
    id.replace(other, QStringLiteral("-"));
    while (id.startsWith(QLatin1Char('-')))
        id.remove(0, 1);
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id;
}

ConnectionEndpoint ConnectionDialog::endpoint(const EndpointEditors &editors) const
{
    ConnectionEndpoint endpoint;
    endpoint.name = editors.name->text().trimmed();
    endpoint.ip = editors.ip->text().trimmed();
    endpoint.vtep = editors.vtep->text().trimmed();
    endpoint.switchId = editors.switchId->currentText().trimmed();
    endpoint.switchPort = editors.port->value();
    endpoint.l4Port = editors.l4Port->value();
    return endpoint;
}

Connection ConnectionDialog::connection() const
{
    Connection connection;
    connection.id = m_id->text().trimmed().isEmpty() ? idFromName(m_name->text()) : m_id->text().trimmed();
    connection.flowId = m_flowId;
    connection.name = m_name->text().trimmed();
    connection.a = endpoint(m_a);
    connection.b = endpoint(m_b);
    connection.ipProtocol = m_protocol->currentData().toInt();
    connection.bidirectional = m_bidirectional->isChecked();
    connection.telemetry = m_telemetry->isChecked();
    connection.priority = m_priority->value();
    static const QRegularExpression separators(QStringLiteral("[,;\\s→]+"));
    connection.pinnedPath = m_pinned->text().split(separators, Qt::SkipEmptyParts);
    return connection;
}

QString ConnectionDialog::validationError() const
{
    const Result<void> valid = validateConnection(connection());
    return valid ? QString() : valid.error();
}

void ConnectionDialog::revalidate()
{
    ++m_generation; // a computed path no longer describes these fields
    const QString error = validationError();
    m_error->setText(error);
    m_compute->setEnabled(error.isEmpty() && m_controlPlane);
    m_create->setEnabled(error.isEmpty() && m_controlPlane);
}

void ConnectionDialog::computePath()
{
    if (!m_controlPlane || !validationError().isEmpty())
        return;
    m_path->setText(tr("Computing the path…"));
    const quint64 generation = m_generation;
    m_controlPlane->upsertConnection(connection(), true, this, [this, generation](const Result<Connection> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_path->clear();
            m_error->setText(tr("The controller refuses this connection: %1").arg(result.error()));
            return;
        }
        m_path->setText(result->backupPath.isEmpty()
                            ? tr("Path: %1 (no disjoint backup)").arg(ConnectionModel::pathText(result->path))
                            : tr("Path: %1; backup: %2")
                                  .arg(ConnectionModel::pathText(result->path), ConnectionModel::pathText(result->backupPath)));
        Q_EMIT pathComputed(*result);
    });
}

void ConnectionDialog::create()
{
    if (!m_controlPlane || !validationError().isEmpty())
        return;
    m_create->setEnabled(false);
    m_error->setText(tr("Writing the connection's entries…"));
    m_controlPlane->upsertConnection(connection(), false, this, [this](const Result<Connection> &result) {
        m_create->setEnabled(true);
        if (!result) {
            m_error->setText(tr("The controller refuses this connection: %1").arg(result.error()));
            return;
        }
        m_error->clear();
        Q_EMIT created(*result);
        accept();
    });
}

} // namespace Continuo::Gui
