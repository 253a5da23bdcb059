#pragma once

#include "network/NetworkModel.h"

#include <QDialog>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
}

namespace Continuo::Gui {

/// "New Connection…": two endpoints (name, IP, the pod's node VTEP, switch, port, L4 port),
/// protocol, direction, optional pinned path, telemetry and priority. Checked as you type
/// (validateConnection); "Compute Path" asks for a dry run and shows the path the controller
/// would use before anything is written; "Create" writes it (upsertConnection).
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(IControlPlane *controlPlane, QWidget *parent = nullptr);

    /// Switch ids offered for the endpoints (any text may still be typed).
    void setSwitches(const QStringList &switchIds);
    /// Edit an existing connection (its id is kept).
    void setConnection(const Connection &connection);
    /// The connection the fields describe.
    Connection connection() const;
    /// "edge-cam → analytics" -> "edge-cam-analytics": the id a new connection gets from its name.
    static QString idFromName(const QString &name);
    /// Problems with it (empty: it can be sent).
    QString validationError() const;

    QPushButton *computeButton() const { return m_compute; }
    QPushButton *createButton() const { return m_create; }
    QLabel *pathLabel() const { return m_path; }
    QLabel *errorLabel() const { return m_error; }

    /// Ask for a dry run; the answer lands in pathLabel().
    void computePath();
    /// Write the connection; accepted() and created() when the controller takes it.
    void create();

Q_SIGNALS:
    void pathComputed(const Continuo::Connection &connection);
    void created(const Continuo::Connection &connection);

private:
    struct EndpointEditors
    {
        QLineEdit *name = nullptr;
        QLineEdit *ip = nullptr;
        QLineEdit *vtep = nullptr;
        QComboBox *switchId = nullptr;
        QSpinBox *port = nullptr;
        QSpinBox *l4Port = nullptr;
    };
    QWidget *makeEndpoint(const QString &title, const QString &prefix, EndpointEditors *editors);
    ConnectionEndpoint endpoint(const EndpointEditors &editors) const;
    void revalidate();

    QPointer<IControlPlane> m_controlPlane;
    quint32 m_flowId = 0;
    QLineEdit *m_id;
    QLineEdit *m_name;
    EndpointEditors m_a;
    EndpointEditors m_b;
    QComboBox *m_protocol;
    QCheckBox *m_bidirectional;
    QLineEdit *m_pinned;
    QCheckBox *m_telemetry;
    QSpinBox *m_priority;
    QLabel *m_path;
    QLabel *m_error;
    QPushButton *m_compute;
    QPushButton *m_create;
    quint64 m_generation = 0;
};

} // namespace Continuo::Gui
