#pragma once

#include <QString>

#include <cstddef>
#include <utility>

namespace Continuo::Internal {

/// A table of an enum's stable names: `{{Kind::Edge, "edge"}, ...}`.
template<typename Enum>
using EnumName = std::pair<Enum, const char *>;

/// The name of `value` in `table`, or "unknown".
template<typename Enum, std::size_t N>
QString enumName(Enum value, const EnumName<Enum> (&table)[N])
{
    for (const auto &[candidate, text] : table) {
        if (candidate == value)
            return QString::fromLatin1(text);
    }
    return QStringLiteral("unknown");
}

/// The enum whose name is `text` (case-insensitive), or Enum::Unknown.
template<typename Enum, std::size_t N>
Enum enumFromName(const QString &text, const EnumName<Enum> (&table)[N])
{
    for (const auto &[value, name] : table) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return value;
    }
    return Enum::Unknown;
}

} // namespace Continuo::Internal
