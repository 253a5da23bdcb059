#include "anomaly/AlertRule.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Continuo {

namespace {

constexpr auto AnomalyFunction = "anomaly"_L1;
constexpr auto NodeAnomalySelector = "node_anomaly"_L1;

/// Remove whitespace outside double quotes, so `{site = "a b"}` reads as `{site="a b"}`.
QString compactSelector(const QString &text)
{
    QString result;
    result.reserve(text.size());
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted && c == u'\\' && i + 1 < text.size()) {
            result += c;
            result += text.at(++i);
            continue;
        }
        if (c == u'"')
            quoted = !quoted;
        if (!quoted && c.isSpace())
            continue;
        result += c;
    }
    return result;
}

/// Index of the comparison operator: the first '<' or '>' outside quotes, braces and parens;
/// -1 when there is none, -2 when a quote is never closed, -3 for unbalanced brackets.
qsizetype findOperator(const QString &text)
{
    bool quoted = false;
    int depth = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                quoted = false;
            continue;
        }
        if (c == u'"')
            quoted = true;
        else if (c == u'{' || c == u'(')
            ++depth;
        else if (c == u'}' || c == u')')
            --depth;
        else if (depth == 0 && (c == u'<' || c == u'>'))
            return i;
    }
    return quoted ? -2 : depth != 0 ? -3 : -1;
}

Result<double> parseNumber(const QString &text, const QString &what)
{
    QString number = text;
    double scale = 1.0;
    if (number.endsWith(u'%')) {
        number.chop(1);
        scale = 0.01;
    }
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return makeError(
            u"invalid %1 '%2': expected a number such as 0.9 or 90%"_s.arg(what, text));
    return value * scale;
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

QString toString(AlertRuleKind kind)
{
    switch (kind) {
    case AlertRuleKind::Threshold:
        return u"threshold"_s;
    case AlertRuleKind::SeriesAnomaly:
        return u"series-anomaly"_s;
    case AlertRuleKind::NodeAnomaly:
        return u"node-anomaly"_s;
    case AlertRuleKind::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString toString(ComparisonOperator op)
{
    switch (op) {
    case ComparisonOperator::Greater:
        return u">"_s;
    case ComparisonOperator::GreaterOrEqual:
        return u">="_s;
    case ComparisonOperator::Less:
        return u"<"_s;
    case ComparisonOperator::LessOrEqual:
        return u"<="_s;
    case ComparisonOperator::Unknown:
        break;
    }
    return u"?"_s;
}

QString toString(AlertGrouping grouping)
{
    switch (grouping) {
    case AlertGrouping::Series:
        return u"series"_s;
    case AlertGrouping::Node:
        return u"node"_s;
    case AlertGrouping::Link:
        return u"link"_s;
    case AlertGrouping::Site:
        return u"site"_s;
    case AlertGrouping::Unknown:
        break;
    }
    return u"unknown"_s;
}

AlertGrouping alertGroupingFromString(const QString &text)
{
    for (AlertGrouping grouping :
         {AlertGrouping::Series, AlertGrouping::Node, AlertGrouping::Link, AlertGrouping::Site}) {
        if (text.compare(toString(grouping), Qt::CaseInsensitive) == 0)
            return grouping;
    }
    return AlertGrouping::Unknown;
}

QString toString(RuleCondition condition)
{
    switch (condition) {
    case RuleCondition::Violating:
        return u"violating"_s;
    case RuleCondition::Holding:
        return u"holding"_s;
    case RuleCondition::Clearing:
        return u"clearing"_s;
    case RuleCondition::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString toString(RemediationKind kind)
{
    switch (kind) {
    case RemediationKind::EmitEvent:
        return u"emit-event"_s;
    case RemediationKind::RaiseTelemetryRate:
        return u"raise-telemetry-rate"_s;
    case RemediationKind::Unknown:
        break;
    }
    return u"unknown"_s;
}

RemediationKind remediationKindFromString(const QString &text)
{
    for (RemediationKind kind : {RemediationKind::EmitEvent, RemediationKind::RaiseTelemetryRate}) {
        if (text.compare(toString(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return RemediationKind::Unknown;
}

Result<std::chrono::milliseconds> parseDuration(const QString &text)
{
    const QString input = text.trimmed();
    if (input.isEmpty())
        return makeError(u"empty duration: expected e.g. 10s, 2m or 1m30s"_s);
    if (input == "0"_L1)
        return std::chrono::milliseconds(0);
    static const QRegularExpression part(u"(\\d+)(ms|s|m|h|d)"_s);
    qint64 totalMs = 0;
    qsizetype pos = 0;
    while (pos < input.size()) {
        const QRegularExpressionMatch match =
            part.match(input, pos, QRegularExpression::NormalMatch,
                       QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return makeError(
                u"invalid duration '%1': expected a number with a unit (ms, s, m, h, d), "
                "e.g. 10s, 2m or 1m30s"_s.arg(text));
        bool ok = false;
        const qint64 amount = match.captured(1).toLongLong(&ok);
        const QString unit = match.captured(2);
        qint64 unitMs = 1;
        if (unit == "s"_L1)
            unitMs = 1000;
        else if (unit == "m"_L1)
            unitMs = 60'000;
        else if (unit == "h"_L1)
            unitMs = 3'600'000;
        else if (unit == "d"_L1)
            unitMs = 86'400'000;
        constexpr qint64 LimitMs = qint64(366) * 86'400'000;
        if (!ok || amount > LimitMs / unitMs || totalMs + amount * unitMs > LimitMs)
            return makeError(u"duration '%1' is too long (more than a year)"_s.arg(text));
        totalMs += amount * unitMs;
        pos = match.capturedEnd(0);
    }
    return std::chrono::milliseconds(totalMs);
}

QString formatDuration(std::chrono::milliseconds duration)
{
    qint64 ms = duration.count();
    if (ms <= 0)
        return u"0s"_s;
    QString text;
    const struct
    {
        qint64 unitMs;
        const char *suffix;
    } units[] = {{86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1000, "s"}, {1, "ms"}};
    for (const auto &[unitMs, suffix] : units) {
        if (ms >= unitMs) {
            text += QString::number(ms / unitMs) + QLatin1StringView(suffix);
            ms %= unitMs;
        }
    }
    return text;
}

bool AlertRule::operator==(const AlertRule &other) const
{
    const bool sameThreshold =
        (std::isnan(threshold) && std::isnan(other.threshold)) || threshold == other.threshold;
    return id == other.id && description == other.description && kind == other.kind &&
           matcher == other.matcher && op == other.op && sameThreshold &&
           reference == other.reference && hysteresisMargin == other.hysteresisMargin &&
           forDuration == other.forDuration && clearDuration == other.clearDuration &&
           severity == other.severity && grouping == other.grouping &&
           remediations == other.remediations;
}

Result<AlertRule> AlertRule::parse(const QString &id, const QString &expression)
{
    AlertRule rule;
    rule.id = id.trimmed();
    const QString text = expression.trimmed();
    if (text.isEmpty())
        return makeError(
            u"empty rule expression: expected e.g. node_cpu_utilisation > 0.9 for 2m"_s);

    const qsizetype opAt = findOperator(text);
    if (opAt == -2)
        return makeError(u"unterminated quoted label value in '%1'"_s.arg(text));
    if (opAt == -3)
        return makeError(u"unbalanced brackets in '%1': check the { } and ( )"_s.arg(text));
    if (opAt < 0) {
        return makeError(u"no comparison operator in '%1': expected selector > threshold "
                         "(or >=, <, <=), e.g. node_cpu_utilisation > 0.9 for 2m"_s.arg(text));
    }
    const QString selector = compactSelector(text.left(opAt));
    if (selector.isEmpty())
        return makeError(u"missing selector before '%1' in '%2'"_s.arg(text.at(opAt), text));

    // Selector.
    if (selector.startsWith(AnomalyFunction + u'(')) {
        if (!selector.endsWith(u')'))
            return makeError(
                u"unclosed anomaly( in '%1': expected anomaly(metric{...})"_s.arg(selector));
        const QString inner =
            selector.mid(AnomalyFunction.size() + 1, selector.size() - AnomalyFunction.size() - 2);
        auto matcher = SeriesMatcher::parse(inner);
        if (!matcher)
            return makeError(u"bad selector in '%1': %2"_s.arg(selector, matcher.error()));
        if (matcher->metric.isEmpty())
            return makeError(u"anomaly() needs a metric name in '%1'"_s.arg(selector));
        rule.kind = AlertRuleKind::SeriesAnomaly;
        rule.matcher = *matcher;
    } else if (selector == NodeAnomalySelector || selector.startsWith(NodeAnomalySelector + u'{')) {
        auto matcher = SeriesMatcher::parse(selector);
        if (!matcher)
            return makeError(u"bad selector '%1': %2"_s.arg(selector, matcher.error()));
        rule.kind = AlertRuleKind::NodeAnomaly;
        rule.matcher = SeriesMatcher{QString(), matcher->labels, matcher->conditions};
    } else {
        auto matcher = SeriesMatcher::parse(selector);
        if (!matcher)
            return makeError(u"bad selector '%1': %2"_s.arg(selector, matcher.error()));
        if (matcher->metric.isEmpty())
            return makeError(u"selector '%1' needs a metric name"_s.arg(selector));
        rule.kind = AlertRuleKind::Threshold;
        rule.matcher = *matcher;
    }

    // Operator.
    qsizetype pos = opAt;
    const bool orEqual = pos + 1 < text.size() && text.at(pos + 1) == u'=';
    if (text.at(pos) == u'>')
        rule.op = orEqual ? ComparisonOperator::GreaterOrEqual : ComparisonOperator::Greater;
    else
        rule.op = orEqual ? ComparisonOperator::LessOrEqual : ComparisonOperator::Less;
    pos += orEqual ? 2 : 1;

    // Threshold and clauses, as whitespace-separated words.
    QString rest = text.mid(pos);
    // "3*nominal" and "3x nominal" are one threshold: give '*' room to be its own word.
    rest.replace(u'*', " * "_L1);
    QStringList words = rest.split(u' ', Qt::SkipEmptyParts);
    for (QString &word : words)
        word = word.trimmed();
    words.removeAll(QString());
    if (words.isEmpty())
        return makeError(u"missing threshold after '%1' in '%2'"_s.arg(toString(rule.op), text));
    if (words.first().startsWith(u'=') || words.first().startsWith(u'<') ||
        words.first().startsWith(u'>')) {
        return makeError(
            u"unknown comparison operator '%1%2' in '%3': expected >, >=, < or <="_s.arg(
                toString(rule.op), words.first().left(1), text));
    }

    qsizetype at = 0;
    QString thresholdWord = words.at(at++);
    bool nominal = false;
    // "3x nominal" / "3 x nominal" / "3 * nominal" / "3*nominal".
    if (at < words.size() && (words.at(at) == "*"_L1 || words.at(at) == "x"_L1) &&
        at + 1 < words.size() && words.at(at + 1) == "nominal"_L1) {
        nominal = true;
        at += 2;
    } else if (thresholdWord.endsWith(u'x') && at < words.size() && words.at(at) == "nominal"_L1) {
        thresholdWord.chop(1);
        nominal = true;
        at += 1;
    }
    auto threshold = parseNumber(thresholdWord, u"threshold"_s);
    if (!threshold)
        return makeError(threshold.error());
    rule.threshold = *threshold;
    rule.reference = nominal ? ThresholdReference::Nominal : ThresholdReference::Absolute;

    while (at < words.size()) {
        const QString keyword = words.at(at++).toLower();
        if (at >= words.size())
            return makeError(u"'%1' needs a value in '%2'"_s.arg(keyword, text));
        const QString value = words.at(at++);
        if (keyword == "for"_L1 || keyword == "clear"_L1) {
            auto duration = parseDuration(value);
            if (!duration)
                return makeError(duration.error());
            (keyword == "for"_L1 ? rule.forDuration : rule.clearDuration) = *duration;
        } else if (keyword == "margin"_L1) {
            auto margin = parseNumber(value, u"margin"_s);
            if (!margin)
                return makeError(margin.error());
            rule.hysteresisMargin = *margin;
        } else {
            return makeError(u"unexpected '%1' in '%2': expected 'for DURATION', 'clear DURATION' "
                             "or 'margin NUMBER'"_s.arg(words.at(at - 2), text));
        }
    }
    if (auto valid = rule.validate(); !valid)
        return makeError(valid.error());
    return rule;
}

QString AlertRule::expression() const
{
    QString selector;
    switch (kind) {
    case AlertRuleKind::SeriesAnomaly:
        selector = AnomalyFunction + u'(' + matcher.toString() + u')';
        break;
    case AlertRuleKind::NodeAnomaly:
        selector = SeriesMatcher{NodeAnomalySelector, matcher.labels, matcher.conditions}.toString();
        break;
    case AlertRuleKind::Threshold:
    case AlertRuleKind::Unknown:
        selector = matcher.toString();
        break;
    }
    QString text = selector + u' ' + toString(op) + u' ' + formatNumber(threshold);
    if (reference == ThresholdReference::Nominal)
        text += " * nominal"_L1;
    if (forDuration.count() > 0)
        text += " for "_L1 + formatDuration(forDuration);
    if (clearDuration.count() > 0)
        text += " clear "_L1 + formatDuration(clearDuration);
    if (hysteresisMargin != 0.0)
        text += " margin "_L1 + formatNumber(hysteresisMargin);
    return text;
}

Result<void> AlertRule::validate() const
{
    if (id.isEmpty())
        return makeError(u"a rule needs an id"_s);
    if (kind == AlertRuleKind::Unknown)
        return makeError(u"rule %1 has no kind"_s.arg(id));
    if (kind != AlertRuleKind::NodeAnomaly && matcher.metric.isEmpty())
        return makeError(u"rule %1 needs a metric name"_s.arg(id));
    if (op == ComparisonOperator::Unknown)
        return makeError(u"rule %1 has no comparison operator"_s.arg(id));
    if (!std::isfinite(threshold))
        return makeError(u"rule %1 has no threshold"_s.arg(id));
    if (!std::isfinite(hysteresisMargin) || hysteresisMargin < 0.0)
        return makeError(u"rule %1: the margin must be a number >= 0"_s.arg(id));
    if (forDuration.count() < 0 || clearDuration.count() < 0)
        return makeError(u"rule %1: durations must not be negative"_s.arg(id));
    if (isScoreRule()) {
        if (op != ComparisonOperator::Greater && op != ComparisonOperator::GreaterOrEqual)
            return makeError(u"rule %1: anomaly scores are compared with > or >= only"_s.arg(id));
        if (threshold < 0.0 || threshold > 1.0)
            return makeError(
                u"rule %1: an anomaly score threshold must be within 0..1, not %2"_s.arg(
                    id, formatNumber(threshold)));
        if (reference == ThresholdReference::Nominal)
            return makeError(u"rule %1: anomaly scores have no nominal value"_s.arg(id));
    }
    if (reference == ThresholdReference::Nominal && threshold <= 0.0)
        return makeError(u"rule %1: a factor of the nominal value must be positive"_s.arg(id));
    if (reference == ThresholdReference::Unknown)
        return makeError(u"rule %1 has no threshold reference"_s.arg(id));
    for (const RemediationSpec &remediation : remediations) {
        if (remediation.kind == RemediationKind::Unknown)
            return makeError(u"rule %1 has a remediation of unknown kind"_s.arg(id));
        if (remediation.kind == RemediationKind::RaiseTelemetryRate &&
            (remediation.sampleInterval.count() <= 0 || remediation.duration.count() <= 0))
            return makeError(u"rule %1: a telemetry rate request needs a positive interval and "
                             "duration"_s.arg(id));
    }
    return {};
}

double AlertRule::effectiveThreshold(double nominal) const
{
    if (reference == ThresholdReference::Nominal)
        return threshold * nominal;
    return threshold;
}

RuleCondition AlertRule::classify(double input, double nominal) const
{
    if (!std::isfinite(input))
        return RuleCondition::Unknown;
    double limit = threshold;
    double margin = hysteresisMargin;
    if (reference == ThresholdReference::Nominal) {
        if (!std::isfinite(nominal) || nominal <= 0.0)
            return RuleCondition::Unknown;
        limit = threshold * nominal;
        margin = hysteresisMargin * nominal;
    }
    switch (op) {
    case ComparisonOperator::Greater:
        return input > limit             ? RuleCondition::Violating
               : input <= limit - margin ? RuleCondition::Clearing
                                         : RuleCondition::Holding;
    case ComparisonOperator::GreaterOrEqual:
        return input >= limit           ? RuleCondition::Violating
               : input < limit - margin ? RuleCondition::Clearing
                                        : RuleCondition::Holding;
    case ComparisonOperator::Less:
        return input < limit             ? RuleCondition::Violating
               : input >= limit + margin ? RuleCondition::Clearing
                                         : RuleCondition::Holding;
    case ComparisonOperator::LessOrEqual:
        return input <= limit           ? RuleCondition::Violating
               : input > limit + margin ? RuleCondition::Clearing
                                        : RuleCondition::Holding;
    case ComparisonOperator::Unknown:
        break;
    }
    return RuleCondition::Unknown;
}

AlertGrouping AlertRule::groupingFor(const Labels &labels) const
{
    if (grouping != AlertGrouping::Unknown)
        return grouping;
    if (labels.contains(QLatin1StringView(MetricLabels::Node)))
        return AlertGrouping::Node;
    if (labels.contains(QLatin1StringView(MetricLabels::Link)))
        return AlertGrouping::Link;
    if (labels.contains(QLatin1StringView(MetricLabels::Site)))
        return AlertGrouping::Site;
    return AlertGrouping::Series;
}

QString AlertRule::groupKeyFor(const Labels &labels, const QString &seriesKey) const
{
    const AlertGrouping effective = groupingFor(labels);
    const auto keyed = [&](const char *label) -> QString {
        const QString value = labels.value(QLatin1StringView(label));
        if (value.isEmpty())
            return "series:"_L1 + seriesKey; // the series lacks the grouping label
        return QLatin1StringView(label) + u':' + value;
    };
    switch (effective) {
    case AlertGrouping::Node:
        return keyed(MetricLabels::Node);
    case AlertGrouping::Link:
        return keyed(MetricLabels::Link);
    case AlertGrouping::Site:
        return keyed(MetricLabels::Site);
    case AlertGrouping::Series:
    case AlertGrouping::Unknown:
        break;
    }
    return "series:"_L1 + seriesKey;
}

Result<void> validateAlertRules(const QList<AlertRule> &rules)
{
    QSet<QString> ids;
    for (const AlertRule &rule : rules) {
        if (auto valid = rule.validate(); !valid)
            return valid;
        if (ids.contains(rule.id))
            return makeError(u"two rules have the id %1"_s.arg(rule.id));
        ids.insert(rule.id);
    }
    return {};
}

QJsonObject toJson(const AlertRule &rule)
{
    QJsonArray remediations;
    for (const RemediationSpec &spec : rule.remediations) {
        remediations.append(QJsonObject{{u"kind"_s, toString(spec.kind)},
                                        {u"eventType"_s, spec.eventType},
                                        {u"sampleIntervalMs"_s, qint64(spec.sampleInterval.count())},
                                        {u"durationMs"_s, qint64(spec.duration.count())}});
    }
    return {{u"id"_s, rule.id},
            {u"expression"_s, rule.expression()},
            {u"description"_s, rule.description},
            {u"severity"_s, toString(rule.severity)},
            {u"grouping"_s, rule.grouping == AlertGrouping::Unknown ? QString()
                                                                    : toString(rule.grouping)},
            {u"remediations"_s, remediations}};
}

Result<AlertRule> alertRuleFromJson(const QJsonObject &object)
{
    const QString id = object.value("id"_L1).toString();
    if (id.isEmpty())
        return makeError(u"a stored rule has no id"_s);
    auto rule = AlertRule::parse(id, object.value("expression"_L1).toString());
    if (!rule)
        return makeError(u"rule %1: %2"_s.arg(id, rule.error()));
    rule->description = object.value("description"_L1).toString();
    const QString severity = object.value("severity"_L1).toString();
    rule->severity = alertSeverityFromString(severity);
    if (rule->severity == AlertSeverity::Unknown)
        return makeError(u"rule %1 has an unknown severity '%2'"_s.arg(id, severity));
    const QString grouping = object.value("grouping"_L1).toString();
    rule->grouping = alertGroupingFromString(grouping);
    if (rule->grouping == AlertGrouping::Unknown && !grouping.isEmpty())
        return makeError(u"rule %1 has an unknown grouping '%2'"_s.arg(id, grouping));
    for (const QJsonValue &value : object.value("remediations"_L1).toArray()) {
        const QJsonObject remediation = value.toObject();
        RemediationSpec spec;
        spec.kind = remediationKindFromString(remediation.value("kind"_L1).toString());
        if (remediation.contains("eventType"_L1))
            spec.eventType = remediation.value("eventType"_L1).toString();
        if (remediation.contains("sampleIntervalMs"_L1))
            spec.sampleInterval = std::chrono::milliseconds(
                remediation.value("sampleIntervalMs"_L1).toInteger());
        if (remediation.contains("durationMs"_L1))
            spec.duration =
                std::chrono::milliseconds(remediation.value("durationMs"_L1).toInteger());
        rule->remediations.append(spec);
    }
    if (auto valid = rule->validate(); !valid)
        return makeError(valid.error());
    return rule;
}

} // namespace Continuo
