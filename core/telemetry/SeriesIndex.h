#pragma once

#include "continuo_core_export.h"
#include "telemetry/Series.h"
#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <cstdint>
#include <optional>
#include <vector>

namespace Continuo {

/// Dense id of a series (metric + labels) inside one store, assigned in creation order.
using SeriesId = quint32;

// MetricNameLabel, LabelMatchType and LabelMatcher are in telemetry/Series.h (SeriesMatcher
// uses them too).

/// A PromQL vector selector: `metric{a="x",b!="y",c=~"re.*",d!~"re"}`.
struct CONTINUO_CORE_EXPORT SeriesSelector
{
    QList<LabelMatcher> matchers;

    /// Parses a selector; the error names the offset and what was expected there. Needs at
    /// least one matcher that does not match the empty string (Prometheus' rule), so that a
    /// selector never means "every series" by accident.
    static Result<SeriesSelector> parse(QStringView text);
    QString toString() const;
};

/// Interned series catalogue with an inverted index (label=value → sorted series ids).
///
/// Strings are stored once in a symbol table; a series is a metric symbol plus a sorted run of
/// (name, value) symbol pairs in one shared pool, and the id lookup is an open-addressing table
/// of ids, so 100k series cost a few MB. Not thread-safe: TimeSeriesStore guards it.
class CONTINUO_CORE_EXPORT SeriesIndex
{
public:
    SeriesIndex();

    /// The id of metric+labels, created if new (*created says which).
    SeriesId intern(const QString &metric, const Labels &labels, bool *created = nullptr);
    /// The id if the series exists. Never allocates.
    std::optional<SeriesId> find(const QString &metric, const Labels &labels) const;

    qsizetype seriesCount() const { return qsizetype(m_series.size()); }
    bool contains(SeriesId id) const { return id < m_series.size(); }

    QString metric(SeriesId id) const;
    Labels labels(SeriesId id) const;
    /// `metric{a="1"}` as seriesKey() writes it.
    QString key(SeriesId id) const;
    /// Value of one label of a series (`__name__` gives the metric); empty if absent.
    QString labelValue(SeriesId id, const QString &name) const;

    /// Series matching every matcher, ascending. Evaluated on postings: intersections for
    /// matchers that need a value, differences for those that also match an absent label.
    Result<std::vector<SeriesId>> select(const SeriesSelector &selector) const;
    Result<std::vector<SeriesId>> select(QStringView selectorText) const;

    /// Sorted ids of the series that have name=value.
    const std::vector<SeriesId> &postings(const QString &name, const QString &value) const;
    /// Distinct values of a label (`__name__`: metric names), sorted.
    QStringList labelValues(const QString &name) const;
    QStringList labelNames() const;

    /// Heap bytes held by the index (symbols, series records, postings, hash tables).
    std::size_t memoryBytes() const;

private:
    struct SeriesRecord
    {
        quint32 pairOffset; // into m_pairs, 2 symbols per label (metric first as __name__)
        quint16 pairCount;
    };

    quint32 symbolFor(const QString &text);
    std::optional<quint32> findSymbol(const QString &text) const;
    using Probe = QVarLengthArray<quint32, 48>;
    bool fillProbe(const QString &metric, const Labels &labels, Probe &out) const;
    static quint64 hashPairs(const quint32 *pairs, std::size_t count);
    bool equalPairs(SeriesId id, const quint32 *pairs, std::size_t count) const;
    std::optional<SeriesId> findByPairs(const quint32 *pairs, std::size_t count, quint64 hash) const;
    void insertSlot(SeriesId id, quint64 hash);
    void growTable();
    const std::vector<SeriesId> *postingsFor(quint32 nameSymbol, quint32 valueSymbol) const;
    std::vector<SeriesId> matchingSeries(const LabelMatcher &matcher, bool wanted) const;

    std::vector<QString> m_symbols;
    QHash<QString, quint32> m_symbolIds;
    quint32 m_nameSymbol = 0; // "__name__"
    std::vector<quint32> m_pairs;
    std::vector<SeriesRecord> m_series;
    std::vector<quint32> m_table; // id + 1, 0 = empty; size is a power of two
    QHash<quint64, std::vector<SeriesId>> m_postings; // (name << 32 | value) → ids
    QHash<quint32, std::vector<quint32>> m_valuesByName; // name → value symbols (unsorted)
};

} // namespace Continuo
