#pragma once

#include "network/NetworkModel.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Continuo::Gui {

/// SLA rules, one row each: connection (by name when known), metric, threshold, persistence,
/// window, reroute and enabled.
class SlaRuleModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ConnectionColumn,
        MetricColumn,
        ThresholdColumn,
        PersistenceColumn,
        WindowColumn,
        RerouteColumn,
        EnabledColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Roles { RuleIdRole = Qt::UserRole + 1, ConnectionIdRole, SortRole };
    Q_ENUM(Roles)

    explicit SlaRuleModel(QObject *parent = nullptr);

    void setRules(const QList<SlaRule> &rules);
    /// Connection id -> name, for the connection column.
    void setConnectionNames(const QHash<QString, QString> &names);
    const QList<SlaRule> &rules() const { return m_rules; }
    const SlaRule *find(const QString &ruleId) const;
    int rowOf(const QString &ruleId) const;

    static QString metricText(SlaMetric metric);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SlaRule> m_rules;
    QHash<QString, QString> m_connectionNames;
};

} // namespace Continuo::Gui
