#include "telemetry/SeriesIndex.h"

#include <algorithm>

namespace Continuo {

// ---- SeriesSelector parser ----------------------------------------------------------------

namespace {

class SelectorParser
{
public:
    explicit SelectorParser(QStringView text) : m_text(text) {}

    Result<SeriesSelector> parse()
    {
        SeriesSelector selector;
        skipSpaces();
        QString metric;
        if (m_pos < m_text.size() && isNameStart(m_text[m_pos], true)) {
            metric = readName(true);
            auto matcher = LabelMatcher::create(LabelMatchType::Equal,
                                                QString::fromLatin1(MetricNameLabel), metric);
            selector.matchers.append(std::move(*matcher));
        }
        skipSpaces();
        if (m_pos < m_text.size() && m_text[m_pos] == QLatin1Char('{')) {
            ++m_pos;
            skipSpaces();
            while (m_pos < m_text.size() && m_text[m_pos] != QLatin1Char('}')) {
                if (!isNameStart(m_text[m_pos], false))
                    return fail(QStringLiteral("expected a label name or '}'"));
                const QString name = readName(false);
                skipSpaces();
                const LabelMatchType type = readOperator();
                if (type == LabelMatchType::Unknown)
                    return fail(QStringLiteral("expected one of =, !=, =~, !~ after label %1")
                                    .arg(name));
                skipSpaces();
                auto value = readString();
                if (!value)
                    return makeError(value.error());
                if (name == QLatin1String(MetricNameLabel) && !metric.isEmpty())
                    return fail(QStringLiteral("metric name given twice (before '{' and as %1)")
                                    .arg(QLatin1String(MetricNameLabel)));
                auto matcher = LabelMatcher::create(type, name, *value);
                if (!matcher)
                    return makeError(QStringLiteral("bad selector '%1': %2")
                                         .arg(m_text.toString(), matcher.error()));
                selector.matchers.append(std::move(*matcher));
                skipSpaces();
                if (m_pos < m_text.size() && m_text[m_pos] == QLatin1Char(',')) {
                    ++m_pos;
                    skipSpaces();
                } else if (m_pos < m_text.size() && m_text[m_pos] != QLatin1Char('}')) {
                    return fail(QStringLiteral("expected ',' or '}' after the matcher for %1")
                                    .arg(name));
                }
            }
            if (m_pos >= m_text.size())
                return fail(QStringLiteral("missing '}'"));
            ++m_pos;
            skipSpaces();
        }
        if (m_pos < m_text.size())
            return fail(QStringLiteral("unexpected '%1'").arg(m_text[m_pos]));
        if (selector.matchers.isEmpty())
            return makeError(QStringLiteral("empty series selector"));
        const bool anyNonEmpty = std::any_of(selector.matchers.cbegin(), selector.matchers.cend(),
                                             [](const LabelMatcher &m) {
                                                 return !m.matchesEmpty();
                                             });
        if (!anyNonEmpty)
            return makeError(QStringLiteral("selector '%1' must contain at least one matcher "
                                            "that does not match the empty string")
                                 .arg(m_text.toString()));
        return selector;
    }

private:
    static bool isNameStart(QChar c, bool metric)
    {
        return c == QLatin1Char('_') || (metric && c == QLatin1Char(':'))
               || (c.unicode() < 128 && c.isLetter());
    }
    static bool isNameChar(QChar c, bool metric)
    {
        return isNameStart(c, metric) || (c.unicode() < 128 && c.isDigit());
    }

    void skipSpaces()
    {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace())
            ++m_pos;
    }

    QString readName(bool metric)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && isNameChar(m_text[m_pos], metric))
            ++m_pos;
        return m_text.mid(start, m_pos - start).toString();
    }

    LabelMatchType readOperator()
    {
        const QStringView rest = m_text.mid(m_pos);
        if (rest.startsWith(QLatin1String("=~"))) {
            m_pos += 2;
            return LabelMatchType::RegexMatch;
        }
        if (rest.startsWith(QLatin1String("!~"))) {
            m_pos += 2;
            return LabelMatchType::RegexNoMatch;
        }
        if (rest.startsWith(QLatin1String("!="))) {
            m_pos += 2;
            return LabelMatchType::NotEqual;
        }
        if (rest.startsWith(QLatin1Char('='))) {
            m_pos += 1;
            return LabelMatchType::Equal;
        }
        return LabelMatchType::Unknown;
    }

    Result<QString> readString()
    {
        if (m_pos >= m_text.size())
            return fail(QStringLiteral("expected a quoted label value"));
        const QChar quote = m_text[m_pos];
        if (quote != QLatin1Char('"') && quote != QLatin1Char('\'') && quote != QLatin1Char('`'))
            return fail(QStringLiteral("expected a quoted label value"));
        const qsizetype start = m_pos++;
        QString value;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos++];
            if (c == quote)
                return value;
            if (c == QLatin1Char('\\') && quote != QLatin1Char('`')) {
                if (m_pos >= m_text.size())
                    break;
                const QChar e = m_text[m_pos++];
                switch (e.unicode()) {
                case 'n': value += QLatin1Char('\n'); break;
                case 't': value += QLatin1Char('\t'); break;
                case 'r': value += QLatin1Char('\r'); break;
                case '\\': value += QLatin1Char('\\'); break;
                case '"': value += QLatin1Char('"'); break;
                case '\'': value += QLatin1Char('\''); break;
                default:
                    // Regexes are written with backslashes; keep unknown escapes verbatim.
                    value += QLatin1Char('\\');
                    value += e;
                }
                continue;
            }
            value += c;
        }
        m_pos = start;
        return fail(QStringLiteral("unterminated label value"));
    }

    Error fail(const QString &what) const
    {
        return Error(QStringLiteral("bad selector '%1' at offset %2: %3")
                         .arg(m_text.toString())
                         .arg(m_pos)
                         .arg(what));
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

Result<SeriesSelector> SeriesSelector::parse(QStringView text)
{
    return SelectorParser(text).parse();
}

QString SeriesSelector::toString() const
{
    QString metric;
    QStringList parts;
    for (const LabelMatcher &m : matchers) {
        if (metric.isEmpty() && m.type() == LabelMatchType::Equal
            && m.name() == QLatin1String(MetricNameLabel)) {
            metric = m.value();
            continue;
        }
        parts.append(m.toString());
    }
    if (parts.isEmpty())
        return metric;
    return metric + QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

// ---- SeriesIndex --------------------------------------------------------------------------

namespace {
const std::vector<SeriesId> &emptyPostings()
{
    static const std::vector<SeriesId> empty;
    return empty;
}

quint64 pairKey(quint32 name, quint32 value)
{
    return (quint64(name) << 32) | value;
}

std::vector<SeriesId> intersect(const std::vector<SeriesId> &a, const std::vector<SeriesId> &b)
{
    std::vector<SeriesId> out;
    out.reserve(std::min(a.size(), b.size()));
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

std::vector<SeriesId> subtract(const std::vector<SeriesId> &a, const std::vector<SeriesId> &b)
{
    std::vector<SeriesId> out;
    out.reserve(a.size());
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}
} // namespace

SeriesIndex::SeriesIndex()
{
    m_nameSymbol = symbolFor(QString::fromLatin1(MetricNameLabel));
    m_table.assign(1024, 0);
}

quint32 SeriesIndex::symbolFor(const QString &text)
{
    const auto it = m_symbolIds.constFind(text);
    if (it != m_symbolIds.cend())
        return it.value();
    const auto id = quint32(m_symbols.size());
    m_symbols.push_back(text);
    m_symbolIds.insert(text, id);
    return id;
}

std::optional<quint32> SeriesIndex::findSymbol(const QString &text) const
{
    const auto it = m_symbolIds.constFind(text);
    if (it == m_symbolIds.cend())
        return std::nullopt;
    return it.value();
}

bool SeriesIndex::fillProbe(const QString &metric, const Labels &labels, Probe &out) const
{
    out.clear();
    const auto metricSymbol = findSymbol(metric);
    if (!metricSymbol)
        return false;
    out.append(m_nameSymbol);
    out.append(*metricSymbol);
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.value().isEmpty() || it.key() == QLatin1String(MetricNameLabel))
            continue; // Prometheus: an empty label is an absent label
        const auto name = findSymbol(it.key());
        const auto value = findSymbol(it.value());
        if (!name || !value)
            return false;
        out.append(*name);
        out.append(*value);
    }
    return true;
}

quint64 SeriesIndex::hashPairs(const quint32 *pairs, std::size_t count)
{
    quint64 h = 0x9e3779b97f4a7c15ull ^ count;
    for (std::size_t i = 0; i < count; ++i) {
        h ^= pairs[i];
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 29;
    }
    return h;
}

bool SeriesIndex::equalPairs(SeriesId id, const quint32 *pairs, std::size_t count) const
{
    const SeriesRecord &record = m_series[id];
    return record.pairCount * 2u == count
           && std::equal(pairs, pairs + count, m_pairs.begin() + record.pairOffset);
}

std::optional<SeriesId> SeriesIndex::findByPairs(const quint32 *pairs, std::size_t count,
                                                 quint64 hash) const
{
    const std::size_t mask = m_table.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const quint32 entry = m_table[slot];
        if (entry == 0)
            return std::nullopt;
        if (equalPairs(entry - 1, pairs, count))
            return entry - 1;
    }
}

void SeriesIndex::insertSlot(SeriesId id, quint64 hash)
{
    const std::size_t mask = m_table.size() - 1;
    std::size_t slot = hash & mask;
    while (m_table[slot] != 0)
        slot = (slot + 1) & mask;
    m_table[slot] = id + 1;
}

void SeriesIndex::growTable()
{
    std::vector<quint32> old(m_table.size() * 2, 0);
    old.swap(m_table);
    for (SeriesId id = 0; id < m_series.size(); ++id) {
        const SeriesRecord &r = m_series[id];
        insertSlot(id, hashPairs(m_pairs.data() + r.pairOffset, r.pairCount * 2u));
    }
}

std::optional<SeriesId> SeriesIndex::find(const QString &metric, const Labels &labels) const
{
    Probe probe;
    if (!fillProbe(metric, labels, probe))
        return std::nullopt;
    return findByPairs(probe.data(), std::size_t(probe.size()),
                       hashPairs(probe.data(), std::size_t(probe.size())));
}

SeriesId SeriesIndex::intern(const QString &metric, const Labels &labels, bool *created)
{
    if (const auto existing = find(metric, labels)) {
        if (created)
            *created = false;
        return *existing;
    }
    Probe probe;
    probe.append(m_nameSymbol);
    probe.append(symbolFor(metric));
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.value().isEmpty() || it.key() == QLatin1String(MetricNameLabel))
            continue;
        probe.append(symbolFor(it.key()));
        probe.append(symbolFor(it.value()));
    }
    const auto id = SeriesId(m_series.size());
    m_series.push_back({quint32(m_pairs.size()), quint16(probe.size() / 2)});
    m_pairs.insert(m_pairs.end(), probe.begin(), probe.end());
    if ((m_series.size() + 1) * 10 > m_table.size() * 7)
        growTable();
    else
        insertSlot(id, hashPairs(probe.data(), std::size_t(probe.size())));
    for (qsizetype i = 0; i < probe.size(); i += 2) {
        const quint64 key = pairKey(probe[i], probe[i + 1]);
        auto &list = m_postings[key];
        if (list.empty())
            m_valuesByName[probe[i]].push_back(probe[i + 1]);
        list.push_back(id); // ids only grow, so postings stay sorted
    }
    if (created)
        *created = true;
    return id;
}

QString SeriesIndex::metric(SeriesId id) const
{
    if (!contains(id))
        return {};
    return m_symbols[m_pairs[m_series[id].pairOffset + 1]];
}

Labels SeriesIndex::labels(SeriesId id) const
{
    Labels out;
    if (!contains(id))
        return out;
    const SeriesRecord &r = m_series[id];
    for (quint32 i = 1; i < r.pairCount; ++i)
        out.insert(m_symbols[m_pairs[r.pairOffset + 2 * i]],
                   m_symbols[m_pairs[r.pairOffset + 2 * i + 1]]);
    return out;
}

QString SeriesIndex::key(SeriesId id) const
{
    return seriesKey(metric(id), labels(id));
}

QString SeriesIndex::labelValue(SeriesId id, const QString &name) const
{
    if (!contains(id))
        return {};
    const auto symbol = findSymbol(name);
    if (!symbol)
        return {};
    const SeriesRecord &r = m_series[id];
    for (quint32 i = 0; i < r.pairCount; ++i) {
        if (m_pairs[r.pairOffset + 2 * i] == *symbol)
            return m_symbols[m_pairs[r.pairOffset + 2 * i + 1]];
    }
    return {};
}

const std::vector<SeriesId> *SeriesIndex::postingsFor(quint32 nameSymbol, quint32 valueSymbol) const
{
    const auto it = m_postings.constFind(pairKey(nameSymbol, valueSymbol));
    return it == m_postings.cend() ? nullptr : &it.value();
}

const std::vector<SeriesId> &SeriesIndex::postings(const QString &name, const QString &value) const
{
    const auto n = findSymbol(name);
    const auto v = findSymbol(value);
    if (!n || !v)
        return emptyPostings();
    const auto *list = postingsFor(*n, *v);
    return list ? *list : emptyPostings();
}

std::vector<SeriesId> SeriesIndex::matchingSeries(const LabelMatcher &matcher, bool wanted) const
{
    // Union of the postings of every present value v with matcher.matches(v) == wanted.
    const auto name = findSymbol(matcher.name());
    if (!name)
        return {};
    const auto values = m_valuesByName.constFind(*name);
    if (values == m_valuesByName.cend())
        return {};
    if (matcher.type() == LabelMatchType::Equal && wanted) {
        const auto value = findSymbol(matcher.value());
        const auto *list = value ? postingsFor(*name, *value) : nullptr;
        return list ? *list : std::vector<SeriesId>{};
    }
    std::vector<const std::vector<SeriesId> *> lists;
    std::size_t total = 0;
    for (const quint32 value : values.value()) {
        if (matcher.matches(m_symbols[value]) != wanted)
            continue;
        if (const auto *list = postingsFor(*name, value)) {
            lists.push_back(list);
            total += list->size();
        }
    }
    if (lists.size() == 1)
        return *lists.front();
    std::vector<SeriesId> out;
    out.reserve(total);
    for (const auto *list : lists)
        out.insert(out.end(), list->begin(), list->end());
    std::sort(out.begin(), out.end()); // a series has one value per name: no duplicates
    return out;
}

Result<std::vector<SeriesId>> SeriesIndex::select(const SeriesSelector &selector) const
{
    QList<const LabelMatcher *> positive;
    QList<const LabelMatcher *> negative;
    for (const LabelMatcher &m : selector.matchers)
        (m.matchesEmpty() ? negative : positive).append(&m);
    if (positive.isEmpty())
        return makeError(QStringLiteral("selector must contain at least one matcher that does not "
                                        "match the empty string"));
    // Cheapest first: equality matchers have one postings list.
    std::stable_sort(positive.begin(), positive.end(), [](const auto *a, const auto *b) {
        return a->type() == LabelMatchType::Equal && b->type() != LabelMatchType::Equal;
    });
    std::vector<SeriesId> result = matchingSeries(*positive.front(), true);
    for (qsizetype i = 1; i < positive.size() && !result.empty(); ++i)
        result = intersect(result, matchingSeries(*positive[i], true));
    for (const LabelMatcher *m : negative) {
        if (result.empty())
            break;
        // Matches the empty value: drop the series whose present value does not match.
        result = subtract(result, matchingSeries(*m, false));
    }
    return result;
}

Result<std::vector<SeriesId>> SeriesIndex::select(QStringView selectorText) const
{
    auto selector = SeriesSelector::parse(selectorText);
    if (!selector)
        return makeError(selector.error());
    return select(*selector);
}

QStringList SeriesIndex::labelValues(const QString &name) const
{
    QStringList out;
    const auto symbol = findSymbol(name);
    if (!symbol)
        return out;
    for (const quint32 value : m_valuesByName.value(*symbol))
        out.append(m_symbols[value]);
    out.sort();
    return out;
}

QStringList SeriesIndex::labelNames() const
{
    QStringList out;
    for (auto it = m_valuesByName.cbegin(); it != m_valuesByName.cend(); ++it)
        out.append(m_symbols[it.key()]);
    out.sort();
    return out;
}

std::size_t SeriesIndex::memoryBytes() const
{
    std::size_t bytes = m_symbols.capacity() * sizeof(QString);
    for (const QString &s : m_symbols)
        bytes += std::size_t(s.capacity()) * 2 + 16;
    // QHash nodes: key + value + span overhead, roughly.
    bytes += std::size_t(m_symbolIds.capacity()) * (sizeof(QString) + sizeof(quint32) + 2);
    bytes += m_pairs.capacity() * sizeof(quint32);
    bytes += m_series.capacity() * sizeof(SeriesRecord);
    bytes += m_table.capacity() * sizeof(quint32);
    bytes += std::size_t(m_postings.capacity()) * (sizeof(quint64) + sizeof(std::vector<SeriesId>) + 2);
    for (const auto &list : m_postings)
        bytes += list.capacity() * sizeof(SeriesId);
    bytes += std::size_t(m_valuesByName.capacity()) * (sizeof(quint32) + sizeof(std::vector<quint32>) + 2);
    for (const auto &list : m_valuesByName)
        bytes += list.capacity() * sizeof(quint32);
    return bytes;
}

} // namespace Continuo
