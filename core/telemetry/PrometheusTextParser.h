#pragma once

#include "telemetry/Series.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Continuo {

/// Wire formats of a Prometheus scrape.
enum class ExpositionFormat {
    Unknown,
    PrometheusText, ///< text/plain; version=0.0.4 (timestamps in milliseconds)
    OpenMetrics,    ///< application/openmetrics-text; version=1.0.0 (timestamps in seconds)
};
CONTINUO_CORE_EXPORT QString toString(ExpositionFormat format);

/// Metric family types of both formats (Untyped is Prometheus text's name for OpenMetrics'
/// "unknown").
enum class MetricType { Unknown, Counter, Gauge, Histogram, GaugeHistogram, Summary, Info, StateSet, Untyped };
CONTINUO_CORE_EXPORT QString toString(MetricType type);

/// What `# HELP`, `# TYPE` and `# UNIT` said about a metric family.
struct MetricMetadata
{
    QString family;                        ///< As written after TYPE/HELP (e.g. `http_requests` in OpenMetrics)
    MetricType type = MetricType::Unknown; ///< Unknown when no TYPE line was given
    QString help;
    QString unit;
    bool operator==(const MetricMetadata &) const = default;
};

/// What to do with a malformed line.
enum class ParseErrorPolicy {
    Unknown,      ///< The format's default: RejectScrape.
    RejectScrape, ///< The first bad line fails the whole exposition (what Prometheus does).
    SkipLine,     ///< Prometheus text only: drop the bad line, report it, keep the rest.
};

struct ExpositionParseOptions
{
    ExpositionFormat format = ExpositionFormat::PrometheusText;
    /// Timestamp given to samples that carry none (the scrape time).
    qint64 defaultTimestampMs = 0;
    /// OpenMetrics always rejects the exposition (the specification requires it); Prometheus
    /// text rejects too unless SkipLine is asked for — no line is ever dropped silently.
    ParseErrorPolicy errorPolicy = ParseErrorPolicy::Unknown;
};

/// A parsed exposition: one SeriesBatch (one sample) per sample line, in document order.
/// Histograms and summaries arrive as their component series (`_bucket{le=..}`, `_sum`,
/// `_count`, `{quantile=..}`), counters under their sample names (`_total`, `_created`).
/// Exemplars are skipped.
struct ParsedExposition
{
    ExpositionFormat format = ExpositionFormat::Unknown;
    QList<SeriesBatch> series;
    QList<MetricMetadata> metadata; ///< In order of first appearance.
    QStringList skippedLines;       ///< "line N: why", only with ParseErrorPolicy::SkipLine.
    int lineCount = 0;

    /// Metadata of the family a sample name belongs to (`foo_bucket` → histogram `foo`).
    CONTINUO_CORE_EXPORT std::optional<MetricMetadata> metadataFor(const QString &sampleName) const;
};

/// Parser for the Prometheus text exposition format 0.0.4 and OpenMetrics 1.0 text. A single
/// pass over the bytes, no regular expressions, no allocation for repeated names and label
/// values. Input from the network: a bad document gives an error naming the line and the
/// problem, never a crash.
class CONTINUO_CORE_EXPORT PrometheusTextParser
{
public:
    /// Format from an HTTP Content-Type; text/plain, empty or unknown types mean Prometheus text.
    static ExpositionFormat formatFromContentType(QByteArrayView contentType);

    static Result<ParsedExposition> parse(QByteArrayView text, const ExpositionParseOptions &options);
};

} // namespace Continuo

Q_DECLARE_METATYPE(Continuo::MetricMetadata)
