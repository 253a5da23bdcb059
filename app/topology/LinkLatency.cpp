#include "topology/LinkLatency.h"

namespace Continuo::Gui::LinkLatency {

QStringList metrics()
{
    return {QLatin1String(Metrics::LinkLatencySeconds), QLatin1String(EstimatedMetric)};
}

bool isLatencyMetric(const QString &metric)
{
    return metric == QLatin1String(Metrics::LinkLatencySeconds)
           || metric == QLatin1String(EstimatedMetric);
}

LatencySource sourceOf(const Labels &labels)
{
    return labels.value(QLatin1String(SourceLabel)) == QLatin1String(EstimatedSource)
               ? LatencySource::Estimated
               : LatencySource::Measured;
}

QList<SeriesMatcher> matchers(const QString &linkId)
{
    Labels labels;
    if (!linkId.isEmpty())
        labels.insert(QLatin1String(MetricLabels::Link), linkId);
    QList<SeriesMatcher> result;
    for (const QString &metric : metrics())
        result.append(SeriesMatcher{metric, labels});
    return result;
}

QString selector(const QString &linkId)
{
    QString escaped = linkId;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QStringLiteral("{__name__=~\"(continuo_)?link_latency_seconds\",%1=\"%2\"}")
        .arg(QLatin1String(MetricLabels::Link), escaped);
}

} // namespace Continuo::Gui::LinkLatency
