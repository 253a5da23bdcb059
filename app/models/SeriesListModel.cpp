#include "models/SeriesListModel.h"

#include "topology/LinkLatency.h"

#include <QRegularExpression>

namespace Continuo::Gui {

namespace {

QString labelsText(const Labels &labels)
{
    QStringList parts;
    parts.reserve(labels.size());
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts.append(it.key() + QLatin1String("=\"") + it.value() + QLatin1Char('"'));
    return parts.join(QStringLiteral(", "));
}

} // namespace

SeriesListModel::SeriesListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString SeriesListModel::selectorFor(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QStringLiteral("{__name__=~\".+\"}");
    if (trimmed.contains(QLatin1Char('{')))
        return trimmed;
    if (trimmed.contains(QLatin1Char('=')) || trimmed.contains(QLatin1String("!~")))
        return QLatin1Char('{') + trimmed + QLatin1Char('}');
    // A name fragment: any metric containing it, case-insensitively. The selector's string
    // literal takes backslash escapes, so the regex's own backslashes are doubled.
    QString pattern = QRegularExpression::escape(trimmed);
    pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QStringLiteral("{__name__=~\"(?i).*%1.*\"}").arg(pattern);
}

void SeriesListModel::setSeries(const QList<SeriesBatch> &series, bool truncated)
{
    beginResetModel();
    m_series = series;
    for (SeriesBatch &batch : m_series)
        batch.samples.clear();
    m_truncated = truncated;
    endResetModel();
}

void SeriesListModel::clear()
{
    if (m_series.isEmpty() && !m_truncated)
        return;
    beginResetModel();
    m_series.clear();
    m_truncated = false;
    endResetModel();
}

int SeriesListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_series.size());
}

int SeriesListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SeriesListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SeriesBatch &series = m_series.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == MetricColumn)
            return series.metric;
        if (index.column() == LabelsColumn)
            return labelsText(series.labels);
        return {};
    case Qt::ToolTipRole:
        return series.key();
    case SeriesKeyRole:
        return series.key();
    case MetricRole:
        return series.metric;
    case LabelsRole: {
        QVariantMap labels;
        for (auto it = series.labels.cbegin(); it != series.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        return labels;
    }
    case EstimatedRole:
        return LinkLatency::sourceOf(series.labels) == LatencySource::Estimated;
    default:
        return {};
    }
}

QVariant SeriesListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MetricColumn:
        return tr("Metric");
    case LabelsColumn:
        return tr("Labels");
    default:
        return {};
    }
}

QHash<int, QByteArray> SeriesListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeriesKeyRole, "seriesKey");
    names.insert(MetricRole, "metric");
    names.insert(LabelsRole, "labels");
    names.insert(EstimatedRole, "estimated");
    return names;
}

} // namespace Continuo::Gui
