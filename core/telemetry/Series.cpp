#include "telemetry/Series.h"

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
        if (name.isEmpty() || pos >= end || input.at(pos) != QLatin1Char('='))
            return makeError(QStringLiteral("bad label at offset %1 in '%2'").arg(nameStart).arg(text));
        ++pos;
        if (pos >= end || input.at(pos) != QLatin1Char('"'))
            return makeError(QStringLiteral("label %1 needs a quoted value").arg(name));
        ++pos;
        QString value;
        bool closed = false;
        while (pos < end) {
            const QChar c = input.at(pos++);
            if (c == QLatin1Char('\\') && pos < end) {
                const QChar next = input.at(pos++);
                value += next == QLatin1Char('n') ? QLatin1Char('\n') : next;
            } else if (c == QLatin1Char('"')) {
                closed = true;
                break;
            } else {
                value += c;
            }
        }
        if (!closed)
            return makeError(QStringLiteral("unterminated value for label %1").arg(name));
        matcher.labels.insert(name, value);
        if (pos < end) {
            if (input.at(pos) != QLatin1Char(','))
                return makeError(QStringLiteral("expected ',' after label %1").arg(name));
            ++pos;
        }
    }
    if (matcher.metric.isEmpty() && matcher.labels.isEmpty())
        return makeError(QStringLiteral("empty series selector"));
    return matcher;
}

QString SeriesMatcher::toString() const
{
    return seriesKey(metric, labels);
}

} // namespace Continuo
