#include "telemetry/PrometheusTextParser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>

namespace Continuo {

QString toString(ExpositionFormat format)
{
    switch (format) {
    case ExpositionFormat::PrometheusText: return QStringLiteral("prometheus-text-0.0.4");
    case ExpositionFormat::OpenMetrics: return QStringLiteral("openmetrics-1.0.0");
    case ExpositionFormat::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString toString(MetricType type)
{
    switch (type) {
    case MetricType::Counter: return QStringLiteral("counter");
    case MetricType::Gauge: return QStringLiteral("gauge");
    case MetricType::Histogram: return QStringLiteral("histogram");
    case MetricType::GaugeHistogram: return QStringLiteral("gaugehistogram");
    case MetricType::Summary: return QStringLiteral("summary");
    case MetricType::Info: return QStringLiteral("info");
    case MetricType::StateSet: return QStringLiteral("stateset");
    case MetricType::Untyped: return QStringLiteral("untyped");
    case MetricType::Unknown: break;
    }
    return QStringLiteral("unknown");
}

namespace {

constexpr bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

constexpr bool isLabelNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

constexpr bool isMetricNameStart(char c)
{
    return isLabelNameStart(c) || c == ':';
}

constexpr bool isLabelNameChar(char c)
{
    return isLabelNameStart(c) || (c >= '0' && c <= '9');
}

constexpr bool isMetricNameChar(char c)
{
    return isLabelNameChar(c) || c == ':';
}

bool equalsIgnoreCase(std::string_view text, std::string_view lowerCase)
{
    if (text.size() != lowerCase.size())
        return false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lowerCase[i])
            return false;
    }
    return true;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size()
           && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Float as Go's strconv.ParseFloat reads it (what both formats are defined by): decimal or
/// exponent notation, NaN, Inf/Infinity with an optional sign, case-insensitive.
std::optional<double> parseFloat(std::string_view token)
{
    if (token.empty())
        return std::nullopt;
    bool negative = false;
    if (token.front() == '+' || token.front() == '-') {
        negative = token.front() == '-';
        token.remove_prefix(1);
        if (token.empty() || token.front() == '+' || token.front() == '-')
            return std::nullopt;
    }
    if (equalsIgnoreCase(token, "nan"))
        return std::numeric_limits<double>::quiet_NaN();
    if (equalsIgnoreCase(token, "inf") || equalsIgnoreCase(token, "infinity"))
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    // from_chars would also take "nan(...)" and similar; Go does not.
    const char first = token.front();
    if (!((first >= '0' && first <= '9') || first == '.'))
        return std::nullopt;
    double value = 0;
    const char *end = token.data() + token.size();
    const auto [ptr, ec] = std::from_chars(token.data(), end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return negative ? -value : value;
}

std::optional<qint64> parseInteger(std::string_view token)
{
    if (!token.empty() && token.front() == '+')
        token.remove_prefix(1);
    if (token.empty())
        return std::nullopt;
    qint64 value = 0;
    const char *end = token.data() + token.size();
    const auto [ptr, ec] = std::from_chars(token.data(), end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

QString quoted(std::string_view bytes)
{
    constexpr size_t maxShown = 60;
    QString text = QString::fromUtf8(bytes.data(), qsizetype(std::min(bytes.size(), maxShown)));
    if (bytes.size() > maxShown)
        text += QStringLiteral("…");
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

/// Sample-name suffixes a family of each type may use (OpenMetrics 1.0, section "Metric types";
/// Prometheus text names counters and untyped series without a suffix).
bool suffixAllowed(MetricType type, std::string_view suffix, ExpositionFormat format)
{
    const bool openMetrics = format == ExpositionFormat::OpenMetrics;
    switch (type) {
    case MetricType::Counter:
        return suffix == "_total" || suffix == "_created" || (!openMetrics && suffix.empty());
    case MetricType::Histogram:
        return suffix == "_bucket" || suffix == "_sum" || suffix == "_count" || suffix == "_created";
    case MetricType::GaugeHistogram:
        return suffix == "_bucket" || suffix == "_gsum" || suffix == "_gcount";
    case MetricType::Summary:
        return suffix.empty() || suffix == "_sum" || suffix == "_count" || suffix == "_created";
    case MetricType::Info:
        return suffix == "_info" || (!openMetrics && suffix.empty());
    case MetricType::Gauge:
    case MetricType::StateSet:
    case MetricType::Untyped:
    case MetricType::Unknown:
        return suffix.empty();
    }
    return false;
}

constexpr std::string_view knownSuffixes[] = {"_total", "_created", "_bucket", "_sum",
                                              "_count", "_gsum",    "_gcount", "_info"};

std::optional<MetricType> parseType(std::string_view word, ExpositionFormat format)
{
    if (word == "counter")
        return MetricType::Counter;
    if (word == "gauge")
        return MetricType::Gauge;
    if (word == "histogram")
        return MetricType::Histogram;
    if (word == "summary")
        return MetricType::Summary;
    if (format == ExpositionFormat::PrometheusText) {
        if (word == "untyped")
            return MetricType::Untyped;
        return std::nullopt;
    }
    if (word == "gaugehistogram")
        return MetricType::GaugeHistogram;
    if (word == "info")
        return MetricType::Info;
    if (word == "stateset")
        return MetricType::StateSet;
    if (word == "unknown")
        return MetricType::Untyped;
    return std::nullopt;
}

class ExpositionParser
{
public:
    ExpositionParser(QByteArrayView text, const ExpositionParseOptions &options)
        : m_text(text.data(), size_t(text.size())), m_options(options)
    {
        m_openMetrics = options.format == ExpositionFormat::OpenMetrics;
        m_skipBadLines = !m_openMetrics && options.errorPolicy == ParseErrorPolicy::SkipLine;
        m_result.format = options.format;
    }

    Result<ParsedExposition> run()
    {
        const qsizetype newlines = std::count(m_text.begin(), m_text.end(), '\n');
        m_result.series.reserve(newlines + 1);
        size_t pos = 0;
        bool sawEof = false;
        while (pos < m_text.size()) {
            const void *found = std::memchr(m_text.data() + pos, '\n', m_text.size() - pos);
            const size_t lineEnd = found ? size_t(static_cast<const char *>(found) - m_text.data())
                                         : m_text.size();
            std::string_view line = m_text.substr(pos, lineEnd - pos);
            pos = lineEnd + 1;
            ++m_lineNumber;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (m_openMetrics && line == "# EOF") {
                sawEof = true;
                if (pos < m_text.size())
                    return fail(QStringLiteral("content after # EOF"), m_lineNumber + 1);
                break;
            }
            const QString error = parseLine(line);
            if (error.isEmpty())
                continue;
            if (!m_skipBadLines)
                return fail(error, m_lineNumber);
            m_result.skippedLines.append(lineMessage(error, m_lineNumber));
        }
        m_result.lineCount = m_lineNumber;
        if (m_openMetrics && !sawEof)
            return fail(QStringLiteral("missing # EOF at the end of the OpenMetrics exposition"),
                        m_lineNumber);
        return std::move(m_result);
    }

private:
    struct Family
    {
        std::string_view name;
        int metadataIndex = -1;
        MetricType type = MetricType::Unknown;
        bool hasType = false;
        bool hasHelp = false;
        bool hasUnit = false;
        bool hasSamples = false;
        bool closed = false; ///< Another family came after it (OpenMetrics forbids returning).
    };

    static QString lineMessage(const QString &error, int line)
    {
        return QStringLiteral("line %1: %2").arg(line).arg(error);
    }

    Error fail(const QString &error, int line) const
    {
        return Error(lineMessage(error, line));
    }

    const QString &intern(std::string_view bytes)
    {
        auto [it, inserted] = m_strings.try_emplace(bytes);
        if (inserted)
            it->second = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
        return it->second;
    }

    Family &family(std::string_view name)
    {
        auto [it, inserted] = m_families.try_emplace(name);
        if (inserted)
            it->second.name = name;
        return it->second;
    }

    MetricMetadata &metadataOf(Family &family)
    {
        if (family.metadataIndex < 0) {
            family.metadataIndex = int(m_result.metadata.size());
            m_result.metadata.append(MetricMetadata{intern(family.name), MetricType::Unknown, {}, {}});
        }
        return m_result.metadata[family.metadataIndex];
    }

    /// Makes `family` the current one; OpenMetrics families must be contiguous.
    QString enter(Family &family)
    {
        if (m_current == &family)
            return {};
        if (m_current)
            m_current->closed = true;
        m_current = &family;
        if (m_openMetrics && family.closed)
            return QStringLiteral("metric family %1 appears again after other families "
                                  "(OpenMetrics requires each family in one block)")
                .arg(quoted(family.name));
        return {};
    }

    QString parseLine(std::string_view line)
    {
        size_t i = 0;
        if (!m_openMetrics) {
            while (i < line.size() && isBlank(line[i]))
                ++i;
        }
        if (i == line.size()) {
            if (m_openMetrics)
                return QStringLiteral("empty line (OpenMetrics allows none)");
            return {};
        }
        if (line[i] == '#')
            return parseComment(line.substr(i + 1));
        return parseSample(line.substr(i));
    }

    QString parseComment(std::string_view rest)
    {
        // Prometheus text: "#" then blanks then HELP/TYPE, anything else is a comment.
        // OpenMetrics: exactly "# HELP ", "# TYPE ", "# UNIT " (EOF is handled by the caller).
        size_t i = 0;
        if (m_openMetrics) {
            if (rest.empty() || rest[0] != ' ')
                return QStringLiteral("expected '# HELP', '# TYPE', '# UNIT' or '# EOF', got %1")
                    .arg(quoted(rest));
            i = 1;
        } else {
            while (i < rest.size() && isBlank(rest[i]))
                ++i;
        }
        size_t wordEnd = i;
        while (wordEnd < rest.size() && !isBlank(rest[wordEnd]))
            ++wordEnd;
        const std::string_view keyword = rest.substr(i, wordEnd - i);
        enum class Descriptor { Unknown, Help, Type, Unit } descriptor = Descriptor::Unknown;
        if (keyword == "HELP")
            descriptor = Descriptor::Help;
        else if (keyword == "TYPE")
            descriptor = Descriptor::Type;
        else if (keyword == "UNIT" && m_openMetrics)
            descriptor = Descriptor::Unit;
        if (descriptor == Descriptor::Unknown || wordEnd == rest.size()) {
            if (!m_openMetrics)
                return {}; // an ordinary comment
            return QStringLiteral("expected '# HELP', '# TYPE', '# UNIT' or '# EOF', got %1")
                .arg(quoted(rest.substr(i)));
        }

        i = wordEnd;
        if (m_openMetrics) {
            ++i; // the single space the caller checked for via wordEnd < size
        } else {
            while (i < rest.size() && isBlank(rest[i]))
                ++i;
        }
        const size_t nameStart = i;
        if (i == rest.size() || !isMetricNameStart(rest[i]))
            return QStringLiteral("expected a metric name after %1").arg(quoted(keyword));
        while (i < rest.size() && isMetricNameChar(rest[i]))
            ++i;
        const std::string_view name = rest.substr(nameStart, i - nameStart);
        std::string_view argument;
        if (i < rest.size()) {
            if (!isBlank(rest[i]))
                return QStringLiteral("invalid character in metric name %1")
                    .arg(quoted(rest.substr(nameStart)));
            if (m_openMetrics) {
                argument = rest.substr(i + 1);
            } else {
                while (i < rest.size() && isBlank(rest[i]))
                    ++i;
                argument = rest.substr(i);
            }
        } else if (m_openMetrics && descriptor != Descriptor::Help && descriptor != Descriptor::Unit) {
            return QStringLiteral("TYPE line for %1 has no type").arg(quoted(name));
        }

        Family &target = family(name);
        if (m_openMetrics) {
            if (const QString error = enter(target); !error.isEmpty())
                return error;
            if (target.hasSamples)
                return QStringLiteral("%1 line for %2 after its samples")
                    .arg(QLatin1String(keyword.data(), qsizetype(keyword.size())), quoted(name));
        } else {
            m_current = &target;
        }

        switch (descriptor) {
        case Descriptor::Help: {
            if (target.hasHelp)
                return QStringLiteral("second HELP line for %1").arg(quoted(name));
            target.hasHelp = true;
            metadataOf(target).help = unescape(argument, m_openMetrics);
            return {};
        }
        case Descriptor::Type: {
            while (!argument.empty() && isBlank(argument.back()) && !m_openMetrics)
                argument.remove_suffix(1);
            const auto type = parseType(argument, m_options.format);
            if (!type)
                return QStringLiteral("unknown metric type %1 for %2").arg(quoted(argument), quoted(name));
            if (target.hasType)
                return QStringLiteral("second TYPE line for %1").arg(quoted(name));
            target.hasType = true;
            target.type = *type;
            metadataOf(target).type = *type;
            return {};
        }
        case Descriptor::Unit: {
            if (target.hasUnit)
                return QStringLiteral("second UNIT line for %1").arg(quoted(name));
            if (!argument.empty()
                && !(endsWith(name, argument) && name.size() > argument.size()
                     && name[name.size() - argument.size() - 1] == '_'))
                return QStringLiteral("unit %1 is not a suffix of metric family %2")
                    .arg(quoted(argument), quoted(name));
            target.hasUnit = true;
            metadataOf(target).unit = intern(argument);
            return {};
        }
        case Descriptor::Unknown:
            break;
        }
        return {};
    }

    /// HELP text escapes: `\\` and `\n`, and in OpenMetrics also `\"`.
    static QString unescape(std::string_view text, bool openMetrics)
    {
        if (text.find('\\') == std::string_view::npos)
            return QString::fromUtf8(text.data(), qsizetype(text.size()));
        std::string out;
        out.reserve(text.size());
        for (size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '\\' && i + 1 < text.size()) {
                const char next = text[i + 1];
                if (next == '\\' || next == 'n' || (next == '"' && openMetrics)) {
                    out += next == 'n' ? '\n' : next;
                    ++i;
                    continue;
                }
            }
            out += c;
        }
        return QString::fromUtf8(out.data(), qsizetype(out.size()));
    }

    /// Label values: `\\`, `\"` and `\n`; other escapes stay as written (as Prometheus does).
    static QString unescapeLabelValue(std::string_view text)
    {
        std::string out;
        out.reserve(text.size());
        for (size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '\\' && i + 1 < text.size()) {
                const char next = text[i + 1];
                if (next == '\\' || next == 'n' || next == '"') {
                    out += next == 'n' ? '\n' : next;
                    ++i;
                    continue;
                }
            }
            out += c;
        }
        return QString::fromUtf8(out.data(), qsizetype(out.size()));
    }

    /// Parses `{name="value",...}` starting at line[i] == '{'; i ends after '}'.
    QString parseLabels(std::string_view line, size_t &i, Labels &labels,
                        std::string_view &leValue, std::string_view &quantileValue)
    {
        ++i; // '{'
        auto skipBlanks = [&] {
            if (!m_openMetrics) {
                while (i < line.size() && isBlank(line[i]))
                    ++i;
            }
        };
        skipBlanks();
        while (true) {
            if (i == line.size())
                return QStringLiteral("missing '}' at the end of the label set");
            if (line[i] == '}') {
                ++i;
                return {};
            }
            if (!isLabelNameStart(line[i]))
                return QStringLiteral("invalid label name at %1").arg(quoted(line.substr(i)));
            const size_t nameStart = i;
            while (i < line.size() && isLabelNameChar(line[i]))
                ++i;
            const std::string_view name = line.substr(nameStart, i - nameStart);
            skipBlanks();
            if (i == line.size() || line[i] != '=')
                return QStringLiteral("expected '=' after label name %1").arg(quoted(name));
            ++i;
            skipBlanks();
            if (i == line.size() || line[i] != '"')
                return QStringLiteral("expected '\"' to open the value of label %1").arg(quoted(name));
            ++i;
            const size_t valueStart = i;
            bool escaped = false;
            while (i < line.size() && line[i] != '"') {
                if (line[i] == '\\') {
                    escaped = true;
                    ++i;
                }
                ++i;
            }
            if (i >= line.size())
                return QStringLiteral("unterminated value of label %1").arg(quoted(name));
            const std::string_view rawValue = line.substr(valueStart, i - valueStart);
            ++i; // closing quote
            const QString &key = intern(name);
            if (labels.contains(key))
                return QStringLiteral("duplicate label %1").arg(quoted(name));
            if (name == "le")
                leValue = rawValue;
            else if (name == "quantile")
                quantileValue = rawValue;
            labels.insert(labels.cend(), key, escaped ? unescapeLabelValue(rawValue) : intern(rawValue));
            skipBlanks();
            if (i < line.size() && line[i] == ',') {
                ++i;
                skipBlanks();
                continue;
            }
            if (i < line.size() && line[i] == '}') {
                ++i;
                return {};
            }
            return QStringLiteral("expected ',' or '}' after the value of label %1").arg(quoted(name));
        }
    }

    Family *resolveFamily(std::string_view name, std::string_view &suffix)
    {
        const auto format = m_options.format;
        if (m_current && startsWith(name, m_current->name)) {
            const std::string_view rest = name.substr(m_current->name.size());
            if (suffixAllowed(m_current->type, rest, format)) {
                suffix = rest;
                return m_current;
            }
        }
        if (auto it = m_families.find(name); it != m_families.end()) {
            suffix = {};
            return &it->second;
        }
        for (const std::string_view candidate : knownSuffixes) {
            if (!endsWith(name, candidate))
                continue;
            auto it = m_families.find(name.substr(0, name.size() - candidate.size()));
            if (it != m_families.end() && suffixAllowed(it->second.type, candidate, format)) {
                suffix = candidate;
                return &it->second;
            }
        }
        suffix = {};
        return nullptr;
    }

    QString parseSample(std::string_view line)
    {
        size_t i = 0;
        if (!isMetricNameStart(line[0]))
            return QStringLiteral("expected a metric name, got %1").arg(quoted(line));
        while (i < line.size() && isMetricNameChar(line[i]))
            ++i;
        const std::string_view name = line.substr(0, i);

        Labels labels;
        std::string_view leValue;
        std::string_view quantileValue;
        const size_t afterName = i;
        if (!m_openMetrics) {
            while (i < line.size() && isBlank(line[i]))
                ++i;
        }
        if (i < line.size() && line[i] == '{') {
            if (const QString error = parseLabels(line, i, labels, leValue, quantileValue);
                !error.isEmpty())
                return QStringLiteral("%1 (in %2)").arg(error, quoted(name));
        } else {
            i = afterName;
        }

        // Value.
        if (i == line.size())
            return QStringLiteral("sample %1 has no value").arg(quoted(name));
        if (!isBlank(line[i]))
            return QStringLiteral("invalid character %1 after metric name %2")
                .arg(quoted(line.substr(i, 1)), quoted(name));
        if (m_openMetrics) {
            ++i;
        } else {
            while (i < line.size() && isBlank(line[i]))
                ++i;
        }
        size_t tokenEnd = i;
        while (tokenEnd < line.size() && !isBlank(line[tokenEnd]))
            ++tokenEnd;
        const std::string_view valueToken = line.substr(i, tokenEnd - i);
        const auto value = parseFloat(valueToken);
        if (!value) {
            if (valueToken.empty())
                return QStringLiteral("sample %1 has no value").arg(quoted(name));
            return QStringLiteral("invalid value %1 for sample %2").arg(quoted(valueToken), quoted(name));
        }
        i = tokenEnd;

        // Optional timestamp, then (OpenMetrics) an optional exemplar, which is skipped.
        qint64 timestampMs = m_options.defaultTimestampMs;
        auto skipSeparator = [&] {
            if (m_openMetrics) {
                if (i < line.size() && line[i] == ' ')
                    ++i;
            } else {
                while (i < line.size() && isBlank(line[i]))
                    ++i;
            }
        };
        skipSeparator();
        if (i < line.size() && !(m_openMetrics && line[i] == '#')) {
            tokenEnd = i;
            while (tokenEnd < line.size() && !isBlank(line[tokenEnd]))
                ++tokenEnd;
            const std::string_view timestampToken = line.substr(i, tokenEnd - i);
            if (m_openMetrics) {
                const auto seconds = parseFloat(timestampToken);
                if (!seconds || !std::isfinite(*seconds) || std::abs(*seconds) > 9.0e12)
                    return QStringLiteral("invalid timestamp %1 for sample %2 (OpenMetrics wants seconds)")
                        .arg(quoted(timestampToken), quoted(name));
                timestampMs = qint64(std::llround(*seconds * 1000.0));
            } else {
                const auto milliseconds = parseInteger(timestampToken);
                if (!milliseconds)
                    return QStringLiteral("invalid timestamp %1 for sample %2 (integer milliseconds expected)")
                        .arg(quoted(timestampToken), quoted(name));
                timestampMs = *milliseconds;
            }
            i = tokenEnd;
            skipSeparator();
        }
        if (i < line.size()) {
            if (!m_openMetrics || line[i] != '#')
                return QStringLiteral("unexpected text %1 after the value of %2")
                    .arg(quoted(line.substr(i)), quoted(name));
            // Exemplar: "# {labels} value [timestamp]"; checked for shape only, then dropped.
            if (line.size() < i + 3 || line[i + 1] != ' ' || line[i + 2] != '{')
                return QStringLiteral("malformed exemplar %1 on %2").arg(quoted(line.substr(i)), quoted(name));
        }

        // Family bookkeeping: which family the sample belongs to, and OpenMetrics' rules.
        std::string_view suffix;
        Family *owner = resolveFamily(name, suffix);
        if (m_openMetrics) {
            if (!owner)
                owner = &family(name); // a family without metadata (type unknown)
            else if (!suffixAllowed(owner->type, suffix, m_options.format))
                return QStringLiteral("sample name %1 is not valid for %2 %3")
                    .arg(quoted(name), toString(owner->type), quoted(owner->name));
            if (const QString error = enter(*owner); !error.isEmpty())
                return error;
            owner->hasSamples = true;
            const MetricType type = owner->type;
            if ((type == MetricType::Histogram || type == MetricType::GaugeHistogram)
                && suffix == "_bucket") {
                if (leValue.empty())
                    return QStringLiteral("histogram bucket %1 without an 'le' label").arg(quoted(name));
                if (!parseFloat(leValue))
                    return QStringLiteral("invalid 'le' value %1 on %2").arg(quoted(leValue), quoted(name));
            }
            if (type == MetricType::Summary && suffix.empty()) {
                if (quantileValue.empty())
                    return QStringLiteral("summary sample %1 without a 'quantile' label").arg(quoted(name));
                if (!parseFloat(quantileValue))
                    return QStringLiteral("invalid 'quantile' value %1 on %2")
                        .arg(quoted(quantileValue), quoted(name));
            }
        }

        SeriesBatch &batch = m_result.series.emplaceBack();
        batch.metric = intern(name);
        batch.labels = std::move(labels);
        batch.samples.append(Sample{timestampMs, *value});
        return {};
    }

    std::string_view m_text;
    ExpositionParseOptions m_options;
    bool m_openMetrics = false;
    bool m_skipBadLines = false;
    int m_lineNumber = 0;
    ParsedExposition m_result;
    std::unordered_map<std::string_view, QString> m_strings;
    std::unordered_map<std::string_view, Family> m_families; ///< Node-based: pointers stay valid.
    Family *m_current = nullptr;
};

} // namespace

std::optional<MetricMetadata> ParsedExposition::metadataFor(const QString &sampleName) const
{
    for (const auto &entry : metadata) {
        if (!sampleName.startsWith(entry.family))
            continue;
        const QByteArray suffix = QStringView(sampleName).mid(entry.family.size()).toLatin1();
        if (suffixAllowed(entry.type, std::string_view(suffix.constData(), size_t(suffix.size())),
                          format == ExpositionFormat::Unknown ? ExpositionFormat::PrometheusText : format))
            return entry;
    }
    return std::nullopt;
}

ExpositionFormat PrometheusTextParser::formatFromContentType(QByteArrayView contentType)
{
    const QByteArray mediaType = contentType.toByteArray().split(';').first().trimmed().toLower();
    if (mediaType == "application/openmetrics-text")
        return ExpositionFormat::OpenMetrics;
    return ExpositionFormat::PrometheusText;
}

Result<ParsedExposition> PrometheusTextParser::parse(QByteArrayView text,
                                                     const ExpositionParseOptions &options)
{
    if (options.format != ExpositionFormat::PrometheusText && options.format != ExpositionFormat::OpenMetrics)
        return makeError(QStringLiteral("unsupported exposition format"));
    ExpositionParser parser(text, options);
    return parser.run();
}

} // namespace Continuo
