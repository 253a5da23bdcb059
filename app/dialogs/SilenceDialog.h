#pragma once

#include "anomaly/Alert.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;
QT_END_NAMESPACE

namespace Continuo::Gui {

/// Creates a silence: label matchers (prefilled from an alert's labels, editable, each can be
/// left out), a comment saying why (required) and how long it lasts.
class SilenceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SilenceDialog(QWidget *parent = nullptr);

    /// Rows of the matcher table, all checked.
    void setMatchers(const Labels &matchers);
    /// The checked rows with a label name.
    Labels matchers() const;
    QString comment() const;
    void setComment(const QString &comment);
    /// Durations offered, in milliseconds, in the order of the duration box.
    static QList<qint64> durationsMs();
    qint64 durationMs() const;
    void setDurationMs(qint64 durationMs);
    /// When the silence ends if created now.
    qint64 untilMs() const;
    /// Active alerts, to show how many the matchers silence.
    void setActiveAlerts(const QList<Alert> &alerts);
    /// Why OK is disabled; empty when the silence can be created.
    QString problem() const;

    QTableWidget *matcherTable() const { return m_table; }

private:
    void addRow(const QString &name, const QString &value, bool checked);
    void validate();

    QTableWidget *m_table;
    QLineEdit *m_comment;
    QComboBox *m_duration;
    QLabel *m_until;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
    QList<Alert> m_activeAlerts;
};

} // namespace Continuo::Gui
