#pragma once

#include "telemetry/Series.h"

#include <QAbstractTableModel>

namespace Continuo::Gui {

/// Series found by the metrics browser: metric name and labels, one row per series.
class SeriesListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { MetricColumn, LabelsColumn, ColumnCount };
    Q_ENUM(Column)

    enum Roles {
        SeriesKeyRole = Qt::UserRole + 1, ///< QString, `metric{a="1"}`
        MetricRole,                       ///< QString
        LabelsRole,                       ///< QVariantMap
        EstimatedRole                     ///< bool: a link latency estimated by tomography
    };
    Q_ENUM(Roles)

    explicit SeriesListModel(QObject *parent = nullptr);

    /// Replace the rows (one reset): a new search answered.
    void setSeries(const QList<SeriesBatch> &series, bool truncated);
    void clear();
    const SeriesBatch &seriesAt(int row) const { return m_series.at(row); }
    /// More series matched than the listing's limit.
    bool isTruncated() const { return m_truncated; }

    /// The selector a search text stands for: a selector is used as written (`{` or one of
    /// `=`, `!=`, `=~`, `!~`; braces are added when missing), anything else is a substring of
    /// the metric name. Empty text lists every series.
    static QString selectorFor(const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<SeriesBatch> m_series;
    bool m_truncated = false;
};

} // namespace Continuo::Gui
