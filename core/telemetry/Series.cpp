#include "telemetry/Series.h"

#include <algorithm>

namespace Continuo {

namespace {
QString escapeLabelValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    escaped.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return escaped;
}

bool isNameChar(QChar c, bool first)
{
    return c == QLatin1Char('_') || c == QLatin1Char(':') || (c.isLetter() && c.unicode() < 128)
           || (!first && c.isDigit());
}
} // namespace

QString seriesKey(const QString &metric, const Labels &labels)
{
    if (labels.isEmpty())
        return metric;
    QString key = metric + QLatin1Char('{');
    bool first = true;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (!first)
            key += QLatin1Char(',');
        first = false;
        key += it.key() + QLatin1String("=\"") + escapeLabelValue(it.value()) + QLatin1Char('"');
    }
    key += QLatin1Char('}');
    return key;
}

QString toString(LabelMatchType type)
{
    switch (type) {
    case LabelMatchType::Equal:
        return QStringLiteral("=");
    case LabelMatchType::NotEqual:
        return QStringLiteral("!=");
    case LabelMatchType::RegexMatch:
        return QStringLiteral("=~");
    case LabelMatchType::RegexNoMatch:
        return QStringLiteral("!~");
    case LabelMatchType::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

// ---- LabelMatcher -------------------------------------------------------------------------

Result<LabelMatcher> LabelMatcher::create(LabelMatchType type, const QString &name,
                                          const QString &value)
{
    if (name.isEmpty())
        return makeError(QStringLiteral("label matcher needs a label name"));
    if (type == LabelMatchType::Unknown)
        return makeError(QStringLiteral("label matcher for %1 has no operator").arg(name));
    LabelMatcher matcher;
    matcher.m_type = type;
    matcher.m_name = name;
    matcher.m_value = value;
    matcher.m_isMetricName = name == QLatin1String(MetricNameLabel);
    if (type == LabelMatchType::RegexMatch || type == LabelMatchType::RegexNoMatch) {
        // Anchored at both ends like Prometheus (RE2 full match); PCRE2 syntax otherwise.
        matcher.m_regex = QRegularExpression(QRegularExpression::anchoredPattern(value),
                                             QRegularExpression::DotMatchesEverythingOption);
        if (!matcher.m_regex.isValid())
            return makeError(QStringLiteral("invalid regular expression \"%1\" for label %2 at "
                                            "offset %3: %4")
                                 .arg(value, name)
                                 .arg(matcher.m_regex.patternErrorOffset())
                                 .arg(matcher.m_regex.errorString()));
        // Compiled here, once: copies share it and matching never compiles.
        matcher.m_regex.optimize();
    }
    matcher.m_matchesEmpty = matcher.matches(QString());
    return matcher;
}

bool LabelMatcher::matches(const QString &labelValue) const
{
    switch (m_type) {
    case LabelMatchType::Equal:
        return labelValue == m_value;
    case LabelMatchType::NotEqual:
        return labelValue != m_value;
    case LabelMatchType::RegexMatch:
        return m_regex.match(labelValue).hasMatch();
    case LabelMatchType::RegexNoMatch:
        return !m_regex.match(labelValue).hasMatch();
    case LabelMatchType::Unknown:
        break;
    }
    return false;
}

QString LabelMatcher::toString() const
{
    return m_name + Continuo::toString(m_type) + QLatin1Char('"') + escapeLabelValue(m_value)
           + QLatin1Char('"');
}

// ---- SeriesMatcher ------------------------------------------------------------------------

namespace {

/// `=~`, `!~`, `!=` or `=` at `pos` (Unknown if none); `length` is set to the operator's size.
LabelMatchType operatorAt(const QString &input, qsizetype pos, qsizetype end, qsizetype *length)
{
    const QStringView rest = QStringView(input).mid(pos, end - pos);
    *length = 2;
    if (rest.startsWith(QLatin1String("=~")))
        return LabelMatchType::RegexMatch;
    if (rest.startsWith(QLatin1String("!~")))
        return LabelMatchType::RegexNoMatch;
    if (rest.startsWith(QLatin1String("!=")))
        return LabelMatchType::NotEqual;
    *length = 1;
    if (rest.startsWith(QLatin1Char('=')))
        return LabelMatchType::Equal;
    *length = 0;
    return LabelMatchType::Unknown;
}

} // namespace

Result<SeriesMatcher> SeriesMatcher::parse(const QString &text)
{
    SeriesMatcher matcher;
    const QString input = text.trimmed();
    qsizetype pos = 0;
    while (pos < input.size() && isNameChar(input.at(pos), pos == 0))
        ++pos;
    matcher.metric = input.left(pos);
    if (pos == input.size()) {
        if (matcher.metric.isEmpty())
            return makeError(QStringLiteral("empty series selector"));
        return matcher;
    }
    if (input.at(pos) != QLatin1Char('{') || !input.endsWith(QLatin1Char('}')))
        return makeError(QStringLiteral("bad series selector '%1': expected metric{label=\"value\"}")
                             .arg(text));
    ++pos;
    const qsizetype end = input.size() - 1;
    while (pos < end) {
        const qsizetype nameStart = pos;
        while (pos < end && isNameChar(input.at(pos), pos == nameStart))
            ++pos;
        const QString name = input.mid(nameStart, pos - nameStart);
        qsizetype operatorLength = 0;
        const LabelMatchType type = pos < end ? operatorAt(input, pos, end, &operatorLength)
                                              : LabelMatchType::Unknown;
        if (name.isEmpty() || type == LabelMatchType::Unknown)
            return makeError(QStringLiteral("bad label at offset %1 in '%2': expected "
                                            "name=\"value\", name!=\"value\", name=~\"regex\" or "
                                            "name!~\"regex\"")
                                 .arg(nameStart)
                                 .arg(text));
        pos += operatorLength;
        if (pos >= end || input.at(pos) != QLatin1Char('"'))
            return makeError(QStringLiteral("label %1 needs a quoted value").arg(name));
        ++pos;
        QString value;
        bool closed = false;
        while (pos < end) {
            const QChar c = input.at(pos++);
            if (c == QLatin1Char('\\') && pos < end) {
                const QChar next = input.at(pos++);
                switch (next.unicode()) {
                case 'n':
                    value += QLatin1Char('\n');
                    break;
                case 't':
                    value += QLatin1Char('\t');
                    break;
                case 'r':
                    value += QLatin1Char('\r');
                    break;
                case '\\':
                case '"':
                case '\'':
                    value += next;
                    break;
                default:
                    // Regular expressions are written with backslashes (\d, \.): keep them.
                    value += QLatin1Char('\\');
                    value += next;
                }
            } else if (c == QLatin1Char('"')) {
                closed = true;
                break;
            } else {
                value += c;
            }
        }
        if (!closed)
            return makeError(QStringLiteral("unterminated value for label %1").arg(name));
        if (type == LabelMatchType::Equal && name == QLatin1String(MetricNameLabel)) {
            if (!matcher.metric.isEmpty())
                return makeError(QStringLiteral("metric name given twice in '%1' (before '{' and "
                                                "as %2)")
                                     .arg(text, QLatin1String(MetricNameLabel)));
            if (value.isEmpty())
                return makeError(QStringLiteral("%1 needs a metric name in '%2'")
                                     .arg(QLatin1String(MetricNameLabel), text));
            matcher.metric = value;
        } else if (type == LabelMatchType::Equal) {
            matcher.labels.insert(name, value);
        } else {
            auto condition = LabelMatcher::create(type, name, value);
            if (!condition)
                return makeError(QStringLiteral("bad series selector '%1': %2").arg(text, condition.error()));
            matcher.conditions.append(std::move(condition).value());
        }
        if (pos < end) {
            if (input.at(pos) != QLatin1Char(','))
                return makeError(QStringLiteral("expected ',' after label %1").arg(name));
            ++pos;
        }
    }
    if (matcher.metric.isEmpty() && matcher.labels.isEmpty() && matcher.conditions.isEmpty())
        return makeError(QStringLiteral("empty series selector"));
    // Prometheus' rule: something must not match the empty string, or the selector would take
    // every series there is (a live subscription to the whole store, by accident).
    const bool selective =
        !matcher.metric.isEmpty()
        || std::any_of(matcher.labels.cbegin(), matcher.labels.cend(),
                       [](const QString &value) { return !value.isEmpty(); })
        || std::any_of(matcher.conditions.cbegin(), matcher.conditions.cend(),
                       [](const LabelMatcher &condition) { return !condition.matchesEmpty(); });
    if (!selective)
        return makeError(QStringLiteral("series selector '%1' must have a metric name or a label "
                                        "matcher that does not match the empty string")
                             .arg(text));
    return matcher;
}

QString SeriesMatcher::toString() const
{
    if (conditions.isEmpty())
        return seriesKey(metric, labels);
    QString text = metric + QLatin1Char('{');
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        text += it.key() + QLatin1String("=\"") + escapeLabelValue(it.value()) + QLatin1String("\",");
    for (const LabelMatcher &condition : conditions)
        text += condition.toString() + QLatin1Char(',');
    text.chop(1);
    text += QLatin1Char('}');
    return text;
}

} // namespace Continuo
