#include "models/SlaRuleModel.h"

namespace Continuo::Gui {

SlaRuleModel::SlaRuleModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SlaRuleModel::setRules(const QList<SlaRule> &rules)
{
    if (rules == m_rules)
        return;
    beginResetModel();
    m_rules = rules;
    endResetModel();
}

void SlaRuleModel::setConnectionNames(const QHash<QString, QString> &names)
{
    if (names == m_connectionNames)
        return;
    m_connectionNames = names;
    if (!m_rules.isEmpty())
        Q_EMIT dataChanged(index(0, ConnectionColumn), index(rowCount() - 1, ConnectionColumn));
}

const SlaRule *SlaRuleModel::find(const QString &ruleId) const
{
    const int row = rowOf(ruleId);
    return row < 0 ? nullptr : &m_rules.at(row);
}

int SlaRuleModel::rowOf(const QString &ruleId) const
{
    for (int i = 0; i < m_rules.size(); ++i) {
        if (m_rules.at(i).id == ruleId)
            return i;
    }
    return -1;
}

QString SlaRuleModel::metricText(SlaMetric metric)
{
    switch (metric) {
    case SlaMetric::AvgLatency:
        return tr("average latency");
    case SlaMetric::MaxLatency:
        return tr("maximum latency");
    case SlaMetric::Unknown:
        break;
    }
    return tr("unknown");
}

int SlaRuleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int SlaRuleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SlaRuleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SlaRule &rule = m_rules.at(index.row());
    if (role == RuleIdRole)
        return rule.id;
    if (role == ConnectionIdRole)
        return rule.connectionId;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case ConnectionColumn:
        return m_connectionNames.value(rule.connectionId, rule.connectionId);
    case MetricColumn:
        return metricText(rule.metric);
    case ThresholdColumn:
        return sort ? QVariant(rule.thresholdMs) : QVariant(tr("%1 ms").arg(rule.thresholdMs));
    case PersistenceColumn:
        return sort ? QVariant(rule.persistenceMs) : QVariant(tr("%1 ms").arg(rule.persistenceMs));
    case WindowColumn:
        return sort ? QVariant(rule.windowMs) : QVariant(tr("%1 ms").arg(rule.windowMs));
    case RerouteColumn:
        return sort ? QVariant(rule.reroute) : QVariant(rule.reroute ? tr("yes") : tr("no"));
    case EnabledColumn:
        return sort ? QVariant(rule.enabled) : QVariant(rule.enabled ? tr("yes") : tr("no"));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SlaRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case ConnectionColumn:
        return tr("Connection");
    case MetricColumn:
        return tr("Metric");
    case ThresholdColumn:
        return tr("Threshold");
    case PersistenceColumn:
        return tr("Persistence");
    case WindowColumn:
        return tr("Window");
    case RerouteColumn:
        return tr("Reroute");
    case EnabledColumn:
        return tr("Enabled");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Continuo::Gui
