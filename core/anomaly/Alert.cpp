#include "anomaly/Alert.h"

#include "model/ModelJson.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Continuo {

namespace {

bool sameDouble(double left, double right)
{
    return (std::isnan(left) && std::isnan(right)) || left == right;
}

QJsonValue doubleToJson(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

double doubleFromJson(const QJsonValue &value)
{
    return value.isDouble() ? value.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QJsonArray stringsToJson(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

QStringList stringsFromJson(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

qint64 integerFromJson(const QJsonObject &object, QLatin1StringView key)
{
    return qint64(object.value(key).toDouble());
}

} // namespace

QString toString(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Info:
        return u"info"_s;
    case AlertSeverity::Warning:
        return u"warning"_s;
    case AlertSeverity::Critical:
        return u"critical"_s;
    case AlertSeverity::Unknown:
        break;
    }
    return u"unknown"_s;
}

AlertSeverity alertSeverityFromString(const QString &text)
{
    for (AlertSeverity severity :
         {AlertSeverity::Info, AlertSeverity::Warning, AlertSeverity::Critical}) {
        if (text.compare(toString(severity), Qt::CaseInsensitive) == 0)
            return severity;
    }
    return AlertSeverity::Unknown;
}

EventSeverity eventSeverityOf(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Info:
        return EventSeverity::Info;
    case AlertSeverity::Warning:
        return EventSeverity::Warning;
    case AlertSeverity::Critical:
        return EventSeverity::Critical;
    case AlertSeverity::Unknown:
        break;
    }
    return EventSeverity::Warning;
}

QString toString(AlertState state)
{
    switch (state) {
    case AlertState::Pending:
        return u"pending"_s;
    case AlertState::Firing:
        return u"firing"_s;
    case AlertState::Resolved:
        return u"resolved"_s;
    case AlertState::Unknown:
        break;
    }
    return u"unknown"_s;
}

AlertState alertStateFromString(const QString &text)
{
    for (AlertState state : {AlertState::Pending, AlertState::Firing, AlertState::Resolved}) {
        if (text.compare(toString(state), Qt::CaseInsensitive) == 0)
            return state;
    }
    return AlertState::Unknown;
}

QString Alert::subjectId() const
{
    if (!nodeId.isEmpty())
        return nodeId;
    if (!linkId.isEmpty())
        return linkId;
    if (!siteId.isEmpty())
        return siteId;
    return groupKey.section(u':', 1);
}

bool Alert::operator==(const Alert &other) const
{
    return id == other.id && ruleId == other.ruleId && state == other.state &&
           severity == other.severity && groupKey == other.groupKey && nodeId == other.nodeId &&
           linkId == other.linkId && siteId == other.siteId && switchIds == other.switchIds &&
           metrics == other.metrics && seriesKeys == other.seriesKeys && labels == other.labels &&
           startedAtMs == other.startedAtMs && firedAtMs == other.firedAtMs &&
           resolvedAtMs == other.resolvedAtMs && updatedAtMs == other.updatedAtMs &&
           sameDouble(value, other.value) && sameDouble(peakValue, other.peakValue) &&
           sameDouble(threshold, other.threshold) && sameDouble(score, other.score) &&
           contributions == other.contributions && workloads == other.workloads &&
           acknowledgedBy == other.acknowledgedBy && acknowledgedAtMs == other.acknowledgedAtMs &&
           silencedBy == other.silencedBy && summary == other.summary;
}

bool Silence::matches(const Labels &alertLabels) const
{
    if (matchers.isEmpty())
        return false;
    for (auto it = matchers.cbegin(); it != matchers.cend(); ++it) {
        const auto found = alertLabels.constFind(it.key());
        if (found == alertLabels.cend() || found.value() != it.value())
            return false;
    }
    return true;
}

Result<void> Silence::validate() const
{
    if (matchers.isEmpty())
        return makeError(u"a silence needs at least one label matcher (a silence that matches "
                         "every alert is refused)"_s);
    for (auto it = matchers.cbegin(); it != matchers.cend(); ++it) {
        if (it.key().isEmpty())
            return makeError(u"a silence matcher needs a label name"_s);
    }
    if (createdBy.trimmed().isEmpty())
        return makeError(u"a silence needs to say who created it"_s);
    if (comment.trimmed().isEmpty())
        return makeError(u"a silence needs a comment saying why"_s);
    if (endsAtMs <= startsAtMs)
        return makeError(u"a silence must end after it starts"_s);
    return {};
}

QJsonObject toJson(const Alert &alert)
{
    QJsonArray contributions;
    for (const FeatureContribution &contribution : alert.contributions)
        contributions.append(QJsonObject{{u"feature"_s, contribution.feature},
                                         {u"share"_s, doubleToJson(contribution.share)}});
    return {
        {u"id"_s, alert.id},
        {u"ruleId"_s, alert.ruleId},
        {u"state"_s, toString(alert.state)},
        {u"severity"_s, toString(alert.severity)},
        {u"groupKey"_s, alert.groupKey},
        {u"nodeId"_s, alert.nodeId},
        {u"linkId"_s, alert.linkId},
        {u"siteId"_s, alert.siteId},
        {u"switchIds"_s, stringsToJson(alert.switchIds)},
        {u"metrics"_s, stringsToJson(alert.metrics)},
        {u"seriesKeys"_s, stringsToJson(alert.seriesKeys)},
        {u"labels"_s, labelsToJson(alert.labels)},
        {u"startedAtMs"_s, double(alert.startedAtMs)},
        {u"firedAtMs"_s, double(alert.firedAtMs)},
        {u"resolvedAtMs"_s, double(alert.resolvedAtMs)},
        {u"updatedAtMs"_s, double(alert.updatedAtMs)},
        {u"value"_s, doubleToJson(alert.value)},
        {u"peakValue"_s, doubleToJson(alert.peakValue)},
        {u"threshold"_s, doubleToJson(alert.threshold)},
        {u"score"_s, doubleToJson(alert.score)},
        {u"contributions"_s, contributions},
        {u"workloads"_s, stringsToJson(alert.workloads)},
        {u"acknowledgedBy"_s, alert.acknowledgedBy},
        {u"acknowledgedAtMs"_s, double(alert.acknowledgedAtMs)},
        {u"silencedBy"_s, alert.silencedBy},
        {u"summary"_s, alert.summary},
    };
}

Result<Alert> alertFromJson(const QJsonObject &object)
{
    Alert alert;
    alert.id = object.value("id"_L1).toString();
    alert.ruleId = object.value("ruleId"_L1).toString();
    if (alert.id.isEmpty() || alert.ruleId.isEmpty())
        return makeError(u"an alert needs an id and a rule id"_s);
    alert.state = alertStateFromString(object.value("state"_L1).toString());
    if (alert.state == AlertState::Unknown)
        return makeError(u"alert %1 has an unknown state '%2'"_s.arg(
            alert.id, object.value("state"_L1).toString()));
    alert.severity = alertSeverityFromString(object.value("severity"_L1).toString());
    alert.groupKey = object.value("groupKey"_L1).toString();
    alert.nodeId = object.value("nodeId"_L1).toString();
    alert.linkId = object.value("linkId"_L1).toString();
    alert.siteId = object.value("siteId"_L1).toString();
    alert.switchIds = stringsFromJson(object.value("switchIds"_L1));
    alert.metrics = stringsFromJson(object.value("metrics"_L1));
    alert.seriesKeys = stringsFromJson(object.value("seriesKeys"_L1));
    alert.labels = labelsFromJson(object.value("labels"_L1).toObject());
    alert.startedAtMs = integerFromJson(object, "startedAtMs"_L1);
    alert.firedAtMs = integerFromJson(object, "firedAtMs"_L1);
    alert.resolvedAtMs = integerFromJson(object, "resolvedAtMs"_L1);
    alert.updatedAtMs = integerFromJson(object, "updatedAtMs"_L1);
    alert.value = doubleFromJson(object.value("value"_L1));
    alert.peakValue = doubleFromJson(object.value("peakValue"_L1));
    alert.threshold = doubleFromJson(object.value("threshold"_L1));
    alert.score = doubleFromJson(object.value("score"_L1));
    const QJsonArray contributions = object.value("contributions"_L1).toArray();
    for (const QJsonValue &item : contributions) {
        const QJsonObject entry = item.toObject();
        const QString feature = entry.value("feature"_L1).toString();
        const double share = doubleFromJson(entry.value("share"_L1));
        if (!feature.isEmpty() && std::isfinite(share))
            alert.contributions.append({feature, share});
    }
    alert.workloads = stringsFromJson(object.value("workloads"_L1));
    alert.acknowledgedBy = object.value("acknowledgedBy"_L1).toString();
    alert.acknowledgedAtMs = integerFromJson(object, "acknowledgedAtMs"_L1);
    alert.silencedBy = object.value("silencedBy"_L1).toString();
    alert.summary = object.value("summary"_L1).toString();
    return alert;
}

QJsonObject toJson(const Silence &silence)
{
    return {
        {u"id"_s, silence.id},
        {u"matchers"_s, labelsToJson(silence.matchers)},
        {u"createdBy"_s, silence.createdBy},
        {u"comment"_s, silence.comment},
        {u"createdAtMs"_s, double(silence.createdAtMs)},
        {u"startsAtMs"_s, double(silence.startsAtMs)},
        {u"endsAtMs"_s, double(silence.endsAtMs)},
        {u"expiredBy"_s, silence.expiredBy},
    };
}

Result<Silence> silenceFromJson(const QJsonObject &object)
{
    Silence silence;
    silence.id = object.value("id"_L1).toString();
    if (silence.id.isEmpty())
        return makeError(u"a silence needs an id"_s);
    silence.matchers = labelsFromJson(object.value("matchers"_L1).toObject());
    silence.createdBy = object.value("createdBy"_L1).toString();
    silence.comment = object.value("comment"_L1).toString();
    silence.createdAtMs = integerFromJson(object, "createdAtMs"_L1);
    silence.startsAtMs = integerFromJson(object, "startsAtMs"_L1);
    silence.endsAtMs = integerFromJson(object, "endsAtMs"_L1);
    silence.expiredBy = object.value("expiredBy"_L1).toString();
    return silence;
}

} // namespace Continuo
