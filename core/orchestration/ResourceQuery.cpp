#include "orchestration/ResourceQuery.h"

#include "orchestration/PlacementModel.h"

#include <QHash>
#include <QRegularExpression>

#include <cmath>
#include <optional>
#include <vector>

namespace Continuo {

namespace {

enum class Attribute {
    Cpu,
    FreeCpu,
    Memory,
    FreeMemory,
    Disk,
    FreeDisk,
    Gpu,
    FreeGpu,
    GpuModel,
    Fpga,
    FreeFpga,
    FpgaModel,
    Vaccel,
    Arch,
    Tier,
    State,
    Schedulable,
    Degraded,
    Site,
    SiteKindAttribute,
    Cluster,
    Backend,
    Zone,
    Name,
    Label,
};

/// How values of an attribute are parsed, compared and printed.
enum class ValueType { Cores, Bytes, Count, String, Tier, State, SiteKind, Backend, Bool };

struct AttributeInfo
{
    const char *name;
    Attribute attribute;
    ValueType type;
};

const AttributeInfo kAttributes[] = {
    {"cpu", Attribute::Cpu, ValueType::Cores},
    {"free_cpu", Attribute::FreeCpu, ValueType::Cores},
    {"memory", Attribute::Memory, ValueType::Bytes},
    {"free_memory", Attribute::FreeMemory, ValueType::Bytes},
    {"disk", Attribute::Disk, ValueType::Bytes},
    {"free_disk", Attribute::FreeDisk, ValueType::Bytes},
    {"gpu", Attribute::Gpu, ValueType::Count},
    {"free_gpu", Attribute::FreeGpu, ValueType::Count},
    {"gpu.model", Attribute::GpuModel, ValueType::String},
    {"fpga", Attribute::Fpga, ValueType::Count},
    {"free_fpga", Attribute::FreeFpga, ValueType::Count},
    {"fpga.model", Attribute::FpgaModel, ValueType::String},
    {"vaccel", Attribute::Vaccel, ValueType::Bool},
    {"arch", Attribute::Arch, ValueType::String},
    {"tier", Attribute::Tier, ValueType::Tier},
    {"state", Attribute::State, ValueType::State},
    {"schedulable", Attribute::Schedulable, ValueType::Bool},
    {"degraded", Attribute::Degraded, ValueType::Bool},
    {"site", Attribute::Site, ValueType::String},
    {"site.kind", Attribute::SiteKindAttribute, ValueType::SiteKind},
    {"cluster", Attribute::Cluster, ValueType::String},
    {"backend", Attribute::Backend, ValueType::Backend},
    {"zone", Attribute::Zone, ValueType::String},
    {"name", Attribute::Name, ValueType::String},
    {"id", Attribute::Name, ValueType::String},
};

const QLatin1String kLabelPrefix("label.");

/// Resolve an attribute name (case-insensitive); `labelKey` receives the key of `label.<key>`.
const AttributeInfo *findAttribute(const QString &name, QString *labelKey)
{
    static const AttributeInfo label{"label", Attribute::Label, ValueType::String};
    if (name.startsWith(kLabelPrefix, Qt::CaseInsensitive) && name.size() > kLabelPrefix.size()) {
        if (labelKey)
            *labelKey = name.mid(kLabelPrefix.size());
        return &label;
    }
    for (const AttributeInfo &info : kAttributes) {
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return &info;
    }
    return nullptr;
}

bool isNumericType(ValueType type)
{
    switch (type) {
    case ValueType::Cores:
    case ValueType::Bytes:
    case ValueType::Count:
    case ValueType::Tier:
        return true;
    default:
        return false;
    }
}

bool isEnumType(ValueType type)
{
    return type == ValueType::Tier || type == ValueType::State || type == ValueType::SiteKind ||
           type == ValueType::Backend;
}

template<typename Enum>
QStringList enumNames()
{
    QStringList names;
    for (int i = 1;; ++i) {
        const QString name = toString(static_cast<Enum>(i));
        if (name == QLatin1String("unknown"))
            break;
        names.append(name);
    }
    return names;
}

QString formatBytes(double bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = bytes;
    int unit = 0;
    while (std::fabs(value) >= 1024.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    QString number = QString::number(value, 'f', 2);
    while (number.contains(QLatin1Char('.')) &&
           (number.endsWith(QLatin1Char('0')) || number.endsWith(QLatin1Char('.'))))
        number.chop(1);
    return number + QLatin1Char(' ') + QLatin1String(units[unit]);
}

QString formatValue(ValueType type, double value)
{
    switch (type) {
    case ValueType::Bytes:
        return formatBytes(value);
    case ValueType::Count:
        return QString::number(qint64(value));
    case ValueType::Tier:
        return toString(static_cast<SecurityTier>(int(value)));
    case ValueType::State:
        return toString(static_cast<NodeState>(int(value)));
    case ValueType::SiteKind:
        return toString(static_cast<SiteKind>(int(value)));
    case ValueType::Backend:
        return toString(static_cast<BackendKind>(int(value)));
    case ValueType::Bool:
        return value != 0.0 ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QString::number(value, 'g', 10);
    }
}

/// `8GiB`, `512 MiB`, `2TB`, `4Gi`, `1.5`, `-3`: bytes units are binary with `i`, decimal
/// without. `unit` is the unit text (may be empty).
std::optional<double> parseNumber(const QString &number, const QString &unit, bool allowUnit)
{
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    if (unit.isEmpty())
        return value;
    if (!allowUnit)
        return std::nullopt;
    QString u = unit.toLower();
    if (u == QLatin1String("b"))
        return value;
    if (u.endsWith(QLatin1Char('b')))
        u.chop(1);
    bool binary = false;
    if (u.endsWith(QLatin1Char('i'))) {
        binary = true;
        u.chop(1);
    }
    if (u.size() != 1)
        return std::nullopt;
    const int power = QStringLiteral("kmgtp").indexOf(u.at(0)) + 1;
    if (power == 0)
        return std::nullopt;
    return value * std::pow(binary ? 1024.0 : 1000.0, power);
}

/// Split `8GiB` into number and unit; false when the text does not start with a number.
bool splitNumber(const QString &text, QString *number, QString *unit)
{
    static const QRegularExpression re(
        QStringLiteral("^([-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)([A-Za-z]*)$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    *number = m.captured(1);
    *unit = m.captured(2);
    return true;
}

bool isUnit(const QString &text)
{
    return !text.isEmpty() && parseNumber(QStringLiteral("1"), text, true).has_value();
}

} // namespace

namespace Internal {

enum class Operator { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, Between, In, Regex, Bare };

struct QueryTerm
{
    Attribute attribute = Attribute::Cpu;
    ValueType type = ValueType::Cores;
    QString name;     ///< As printed: "free_memory", "label.partition".
    QString labelKey;
    Operator op = Operator::Bare;
    double low = 0.0;  ///< Numbers, enums and booleans (as 0/1).
    double high = 0.0;
    std::vector<double> numbers; ///< `in` lists of numbers/enums.
    QStringList strings;         ///< String operands (`=`/`!=`: one; `in`: several).
    QRegularExpression regex;
    QString operand; ///< The operand as printed in explanations.
};

struct QueryExpr
{
    enum class Kind { And, Or, Not, Leaf };
    Kind kind = Kind::Leaf;
    int left = -1;  ///< Child expression (Not: the only child).
    int right = -1;
    int term = -1;
    int begin = 0; ///< Source span, for explanations.
    int end = 0;
};

struct ResourceQueryData
{
    QString text;
    QString source; ///< Untrimmed text: spans index into it.
    std::vector<QueryExpr> exprs;
    std::vector<QueryTerm> terms;
    int root = -1;
    QStringList attributes;
};

} // namespace Internal

using Internal::Operator;
using Internal::QueryExpr;
using Internal::QueryTerm;
using Internal::ResourceQueryData;

namespace {

// --- Tokens ----------------------------------------------------------------------------------

struct Token
{
    enum class Kind { Word, Quoted, Operator, LeftParen, RightParen, Comma, End };
    Kind kind = Kind::End;
    QString text;
    int position = 0; ///< 0-based offset into the source.
    int end = 0;
};

Result<std::vector<Token>> tokenize(const QString &text)
{
    std::vector<Token> tokens;
    const auto isSpecial = [](QChar c) {
        return c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')') ||
               c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\'') ||
               c == QLatin1Char('=') || c == QLatin1Char('!') || c == QLatin1Char('<') ||
               c == QLatin1Char('>') || c == QLatin1Char('~');
    };
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token token;
        token.position = i;
        if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',')) {
            token.kind = c == QLatin1Char('(')   ? Token::Kind::LeftParen
                         : c == QLatin1Char(')') ? Token::Kind::RightParen
                                                 : Token::Kind::Comma;
            token.text = c;
            ++i;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            int j = i + 1;
            QString value;
            bool closed = false;
            while (j < n) {
                const QChar d = text.at(j);
                if (d == QLatin1Char('\\') && j + 1 < n) {
                    value += text.at(j + 1);
                    j += 2;
                    continue;
                }
                if (d == c) {
                    closed = true;
                    break;
                }
                value += d;
                ++j;
            }
            if (!closed)
                return makeError(QStringLiteral("column %1: unterminated string").arg(i + 1));
            token.kind = Token::Kind::Quoted;
            token.text = value;
            i = j + 1;
        } else if (c == QLatin1Char('=') || c == QLatin1Char('!') || c == QLatin1Char('<') ||
                   c == QLatin1Char('>') || c == QLatin1Char('~')) {
            token.kind = Token::Kind::Operator;
            const bool twoChars = i + 1 < n && text.at(i + 1) == QLatin1Char('=') &&
                                  c != QLatin1Char('~');
            token.text = text.mid(i, twoChars ? 2 : 1);
            if (token.text == QLatin1String("!"))
                return makeError(QStringLiteral("column %1: '!' must be followed by '=' (use "
                                                "'not' to negate)")
                                     .arg(i + 1));
            i += twoChars ? 2 : 1;
        } else {
            int j = i;
            while (j < n && !isSpecial(text.at(j)))
                ++j;
            token.kind = Token::Kind::Word;
            token.text = text.mid(i, j - i);
            i = j;
        }
        token.end = i;
        tokens.push_back(std::move(token));
    }
    Token end;
    end.kind = Token::Kind::End;
    end.position = n;
    end.end = n;
    tokens.push_back(end);
    return tokens;
}

// --- Parser ----------------------------------------------------------------------------------

class Parser
{
public:
    Parser(std::vector<Token> tokens, ResourceQueryData &data)
        : m_tokens(std::move(tokens)), m_data(data)
    {
    }

    Result<int> parse()
    {
        auto root = parseOr();
        if (!root)
            return root;
        if (peek().kind != Token::Kind::End)
            return fail(peek(), QStringLiteral("expected 'and', 'or' or the end of the query, "
                                               "found '%1'")
                                    .arg(peek().text));
        return root;
    }

private:
    const Token &peek(int ahead = 0) const
    {
        const size_t index = std::min(m_pos + size_t(ahead), m_tokens.size() - 1);
        return m_tokens[index];
    }
    const Token &next() { return m_tokens[std::min(m_pos++, m_tokens.size() - 1)]; }

    static bool isKeyword(const Token &token, const char *keyword)
    {
        return token.kind == Token::Kind::Word &&
               token.text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
    }

    Error fail(const Token &token, const QString &message) const
    {
        if (token.kind == Token::Kind::End)
            return Error(QStringLiteral("column %1 (end of query): %2")
                             .arg(token.position + 1)
                             .arg(message));
        return Error(QStringLiteral("column %1: %2").arg(token.position + 1).arg(message));
    }

    int addExpr(QueryExpr::Kind kind, int left, int right, int begin, int end, int term = -1)
    {
        QueryExpr expr;
        expr.kind = kind;
        expr.left = left;
        expr.right = right;
        expr.term = term;
        expr.begin = begin;
        expr.end = end;
        m_data.exprs.push_back(expr);
        return int(m_data.exprs.size()) - 1;
    }

    Result<int> parseOr()
    {
        auto left = parseAnd();
        if (!left)
            return left;
        int result = *left;
        while (isKeyword(peek(), "or")) {
            next();
            auto right = parseAnd();
            if (!right)
                return right;
            result = addExpr(QueryExpr::Kind::Or, result, *right, m_data.exprs[size_t(result)].begin,
                             m_data.exprs[size_t(*right)].end);
        }
        return result;
    }

    Result<int> parseAnd()
    {
        auto left = parseUnary();
        if (!left)
            return left;
        int result = *left;
        while (isKeyword(peek(), "and")) {
            next();
            auto right = parseUnary();
            if (!right)
                return right;
            result = addExpr(QueryExpr::Kind::And, result, *right,
                             m_data.exprs[size_t(result)].begin, m_data.exprs[size_t(*right)].end);
        }
        return result;
    }

    Result<int> parseUnary()
    {
        const Token &token = peek();
        if (isKeyword(token, "not")) {
            const int begin = next().position;
            auto child = parseUnary();
            if (!child)
                return child;
            return addExpr(QueryExpr::Kind::Not, *child, -1, begin,
                           m_data.exprs[size_t(*child)].end);
        }
        if (token.kind == Token::Kind::LeftParen) {
            const int begin = next().position;
            auto inner = parseOr();
            if (!inner)
                return inner;
            if (peek().kind != Token::Kind::RightParen)
                return fail(peek(), QStringLiteral("expected ')' to close the '(' at column %1")
                                        .arg(begin + 1));
            const int end = next().end;
            // Keep the parenthesised span so explanations quote what the operator wrote.
            m_data.exprs[size_t(*inner)].begin = begin;
            m_data.exprs[size_t(*inner)].end = end;
            return *inner;
        }
        return parseTerm();
    }

    static QString knownList()
    {
        return ResourceQuery::knownAttributes().join(QStringLiteral(", "));
    }

    Result<int> parseTerm()
    {
        const Token &attributeToken = next();
        if (attributeToken.kind != Token::Kind::Word || isKeyword(attributeToken, "and") ||
            isKeyword(attributeToken, "or")) {
            return fail(attributeToken,
                        attributeToken.kind == Token::Kind::End
                            ? QStringLiteral("expected an attribute")
                            : QStringLiteral("expected an attribute, found '%1'")
                                  .arg(attributeToken.text));
        }
        QueryTerm term;
        const AttributeInfo *info = findAttribute(attributeToken.text, &term.labelKey);
        if (!info)
            return fail(attributeToken, QStringLiteral("unknown attribute '%1'; known: %2")
                                            .arg(attributeToken.text, knownList()));
        term.attribute = info->attribute;
        term.type = info->type;
        term.name = info->attribute == Attribute::Label
                        ? QString(kLabelPrefix + term.labelKey)
                        : QString::fromLatin1(info->name);
        if (!m_data.attributes.contains(term.name))
            m_data.attributes.append(term.name);

        const Token &opToken = peek();
        int end = attributeToken.end;
        if (opToken.kind == Token::Kind::Operator) {
            next();
            static const QHash<QString, Operator> ops = {
                {QStringLiteral("="), Operator::Equal},   {QStringLiteral("=="), Operator::Equal},
                {QStringLiteral("!="), Operator::NotEqual}, {QStringLiteral("<"), Operator::Less},
                {QStringLiteral("<="), Operator::LessEqual}, {QStringLiteral(">"), Operator::Greater},
                {QStringLiteral(">="), Operator::GreaterEqual}, {QStringLiteral("~"), Operator::Regex},
            };
            term.op = ops.value(opToken.text, Operator::Bare);
            if (term.op == Operator::Bare)
                return fail(opToken, QStringLiteral("unknown operator '%1'").arg(opToken.text));
            const bool ordering = term.op == Operator::Less || term.op == Operator::LessEqual ||
                                  term.op == Operator::Greater || term.op == Operator::GreaterEqual;
            if (ordering && !isNumericType(term.type))
                return fail(opToken, QStringLiteral("'%1' does not apply to %2 (it is not a number "
                                                    "or an ordered value)")
                                         .arg(opToken.text, term.name));
            if (term.op == Operator::Regex) {
                if (term.type != ValueType::String && !isEnumType(term.type))
                    return fail(opToken,
                                QStringLiteral("'~' applies to text attributes, not to %1")
                                    .arg(term.name));
                const Token &pattern = next();
                if (pattern.kind != Token::Kind::Quoted && pattern.kind != Token::Kind::Word)
                    return fail(pattern, QStringLiteral("expected a regular expression after '~'"));
                term.regex = QRegularExpression(QRegularExpression::anchoredPattern(pattern.text),
                                                QRegularExpression::CaseInsensitiveOption);
                if (!term.regex.isValid())
                    return fail(pattern, QStringLiteral("invalid regular expression '%1': %2")
                                             .arg(pattern.text, term.regex.errorString()));
                term.operand = QLatin1Char('"') + pattern.text + QLatin1Char('"');
                end = pattern.end;
            } else {
                auto value = parseValue(term, opToken.text);
                if (!value)
                    return Error(value.error());
                end = *value;
                if (term.type == ValueType::String) {
                    term.operand = QLatin1Char('\'') + term.strings.value(0) + QLatin1Char('\'');
                } else {
                    term.operand = formatValue(term.type, term.low);
                }
            }
        } else if (isKeyword(opToken, "between")) {
            next();
            if (!isNumericType(term.type))
                return fail(opToken, QStringLiteral("'between' applies to numbers and ordered "
                                                    "values, not to %1")
                                         .arg(term.name));
            term.op = Operator::Between;
            auto low = parseValue(term, QStringLiteral("between"));
            if (!low)
                return Error(low.error());
            const double lowValue = term.low;
            if (!isKeyword(peek(), "and"))
                return fail(peek(), QStringLiteral("expected 'and' in '%1 between A and B'")
                                        .arg(term.name));
            next();
            auto high = parseValue(term, QStringLiteral("and"));
            if (!high)
                return Error(high.error());
            term.high = term.low;
            term.low = lowValue;
            if (term.low > term.high)
                return fail(attributeToken, QStringLiteral("%1 between %2 and %3 is empty (the "
                                                           "lower bound is above the upper)")
                                                .arg(term.name, formatValue(term.type, term.low),
                                                     formatValue(term.type, term.high)));
            term.operand = formatValue(term.type, term.low) + QStringLiteral(" and ") +
                           formatValue(term.type, term.high);
            end = *high;
        } else if (isKeyword(opToken, "in")) {
            next();
            term.op = Operator::In;
            if (term.type == ValueType::Bool)
                return fail(opToken, QStringLiteral("'in' does not apply to %1").arg(term.name));
            if (peek().kind != Token::Kind::LeftParen)
                return fail(peek(), QStringLiteral("expected '(' after 'in'"));
            next();
            QStringList printed;
            QStringList strings;
            for (;;) {
                auto value = parseValue(term, QStringLiteral("in"));
                if (!value)
                    return Error(value.error());
                if (term.type == ValueType::String) {
                    strings.append(term.strings.value(0));
                    printed.append(QLatin1Char('\'') + term.strings.value(0) + QLatin1Char('\''));
                } else {
                    term.numbers.push_back(term.low);
                    printed.append(formatValue(term.type, term.low));
                }
                const Token &separator = next();
                if (separator.kind == Token::Kind::RightParen) {
                    end = separator.end;
                    break;
                }
                if (separator.kind != Token::Kind::Comma)
                    return fail(separator, QStringLiteral("expected ',' or ')' in the 'in' list"));
            }
            term.strings = strings;
            term.operand = QLatin1Char('(') + printed.join(QStringLiteral(", ")) + QLatin1Char(')');
        } else {
            if (term.type != ValueType::Bool && term.attribute != Attribute::Label)
                return fail(opToken, QStringLiteral("%1 needs a comparison (for example "
                                                    "'%1 %2')")
                                         .arg(term.name, example(term.type)));
            term.op = Operator::Bare;
        }
        m_data.terms.push_back(std::move(term));
        return addExpr(QueryExpr::Kind::Leaf, -1, -1, attributeToken.position, end,
                       int(m_data.terms.size()) - 1);
    }

    static QString example(ValueType type)
    {
        switch (type) {
        case ValueType::Bytes:
            return QStringLiteral(">= 8GiB");
        case ValueType::Cores:
        case ValueType::Count:
            return QStringLiteral(">= 2");
        case ValueType::Tier:
            return QStringLiteral(">= hardened");
        case ValueType::State:
            return QStringLiteral("= ready");
        case ValueType::SiteKind:
            return QStringLiteral("= edge");
        case ValueType::Backend:
            return QStringLiteral("= kubernetes");
        default:
            return QStringLiteral("= \"value\"");
        }
    }

    template<typename Enum>
    Result<double> parseEnum(const Token &token, const QString &what)
    {
        const Enum value = enumFromString<Enum>(token.text);
        if (value == Enum::Unknown)
            return fail(token, QStringLiteral("'%1' is not a %2; one of: %3")
                                   .arg(token.text, what,
                                        enumNames<Enum>().join(QStringLiteral(", "))));
        return double(static_cast<int>(value));
    }

    /// Parse one operand into term.low (numbers, enums, booleans) or term.strings[0] (text).
    /// Returns the end offset of the operand in the source.
    Result<int> parseValue(QueryTerm &term, const QString &after)
    {
        const Token &token = next();
        if (token.kind != Token::Kind::Word && token.kind != Token::Kind::Quoted)
            return fail(token, QStringLiteral("expected a value after '%1'").arg(after));
        int end = token.end;
        switch (term.type) {
        case ValueType::String:
            term.strings = QStringList{token.text};
            return end;
        case ValueType::Cores:
        case ValueType::Count:
        case ValueType::Bytes: {
            QString number;
            QString unit;
            if (!splitNumber(token.text, &number, &unit))
                return fail(token, QStringLiteral("'%1' is not a number (%2 is numeric)")
                                       .arg(token.text, term.name));
            const bool bytes = term.type == ValueType::Bytes;
            if (bytes && unit.isEmpty() && peek().kind == Token::Kind::Word && isUnit(peek().text)) {
                unit = peek().text;
                end = next().end;
            }
            const std::optional<double> value = parseNumber(number, unit, bytes);
            if (!value)
                return fail(token, bytes ? QStringLiteral("'%1' has an unknown unit '%2' (use B, "
                                                          "KiB, MiB, GiB, TiB, K, M, G, T)")
                                               .arg(token.text, unit)
                                         : QStringLiteral("'%1' is not a plain number (%2 has no "
                                                          "unit)")
                                               .arg(token.text, term.name));
            term.low = *value;
            return end;
        }
        case ValueType::Tier: {
            auto value = parseEnum<SecurityTier>(token, QStringLiteral("security tier"));
            if (!value)
                return Error(value.error());
            term.low = *value;
            return end;
        }
        case ValueType::State: {
            auto value = parseEnum<NodeState>(token, QStringLiteral("node state"));
            if (!value)
                return Error(value.error());
            term.low = *value;
            return end;
        }
        case ValueType::SiteKind: {
            auto value = parseEnum<SiteKind>(token, QStringLiteral("site kind"));
            if (!value)
                return Error(value.error());
            term.low = *value;
            return end;
        }
        case ValueType::Backend: {
            auto value = parseEnum<BackendKind>(token, QStringLiteral("backend"));
            if (!value)
                return Error(value.error());
            term.low = *value;
            return end;
        }
        case ValueType::Bool: {
            const QString text = token.text.toLower();
            if (text == QLatin1String("true") || text == QLatin1String("yes") ||
                text == QLatin1String("1")) {
                term.low = 1.0;
            } else if (text == QLatin1String("false") || text == QLatin1String("no") ||
                       text == QLatin1String("0")) {
                term.low = 0.0;
            } else {
                return fail(token, QStringLiteral("'%1' is not true or false (%2 is a boolean)")
                                       .arg(token.text, term.name));
            }
            if (term.op != Operator::Equal && term.op != Operator::NotEqual)
                return fail(token, QStringLiteral("%1 is a boolean: use '%1', 'not %1' or "
                                                  "'%1 = true'")
                                       .arg(term.name));
            return end;
        }
        }
        return end;
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    ResourceQueryData &m_data;
};

// --- Evaluation ------------------------------------------------------------------------------

const QString &emptyString()
{
    static const QString empty;
    return empty;
}

double numberOf(const PlacementModel &model, const PlacementModel::NodeSlot &slot,
                Attribute attribute)
{
    switch (attribute) {
    case Attribute::Cpu:
        return slot.cpuCapacity;
    case Attribute::FreeCpu:
        return slot.freeCpu();
    case Attribute::Memory:
        return double(slot.memoryCapacity);
    case Attribute::FreeMemory:
        return double(slot.freeMemory());
    case Attribute::Disk:
        return double(slot.diskCapacity);
    case Attribute::FreeDisk:
        return double(slot.freeDisk());
    case Attribute::Gpu:
        return slot.gpuTotal;
    case Attribute::FreeGpu:
        return slot.freeGpus();
    case Attribute::Fpga:
        return slot.fpgaTotal;
    case Attribute::FreeFpga:
        return slot.freeFpgas();
    case Attribute::Tier:
        return double(static_cast<int>(slot.tier));
    case Attribute::State:
        return double(static_cast<int>(slot.state));
    case Attribute::SiteKindAttribute:
        return slot.site >= 0 ? double(static_cast<int>(model.sites()[size_t(slot.site)].kind))
                              : 0.0;
    case Attribute::Backend:
        return slot.cluster >= 0
                   ? double(static_cast<int>(model.cluster(slot.cluster).backend))
                   : 0.0;
    case Attribute::Vaccel:
        return (slot.gpuVaccel || slot.fpgaVaccel) ? 1.0 : 0.0;
    case Attribute::Schedulable:
        return slot.schedulable() ? 1.0 : 0.0;
    case Attribute::Degraded:
        return slot.degraded ? 1.0 : 0.0;
    default:
        return 0.0;
    }
}

const QString &internedString(const PlacementModel &model, int id)
{
    return id >= 0 ? model.string(id) : emptyString();
}

const QString &stringOf(const PlacementModel &model, int node, const PlacementModel::NodeSlot &slot,
                        Attribute attribute, const QString &labelKey)
{
    switch (attribute) {
    case Attribute::GpuModel:
        return internedString(model, slot.gpuModel);
    case Attribute::FpgaModel:
        return internedString(model, slot.fpgaModel);
    case Attribute::Arch:
        return internedString(model, slot.arch);
    case Attribute::Zone:
        return internedString(model, slot.zone);
    case Attribute::Site:
        return slot.site >= 0 ? model.sites()[size_t(slot.site)].id : emptyString();
    case Attribute::Cluster:
        return slot.cluster >= 0 ? model.cluster(slot.cluster).id : emptyString();
    case Attribute::Name:
        return model.nodeId(node);
    case Attribute::Label: {
        const Labels &labels = model.nodeLabels(node);
        const auto it = labels.constFind(labelKey);
        return it == labels.cend() ? emptyString() : it.value();
    }
    default:
        return emptyString();
    }
}

bool equalText(const QString &a, const QString &b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

bool evaluateTerm(const QueryTerm &term, const PlacementModel &model, int node)
{
    const PlacementModel::NodeSlot &slot = model.node(node);
    if (term.type == ValueType::String) {
        const QString &value = stringOf(model, node, slot, term.attribute, term.labelKey);
        switch (term.op) {
        case Operator::Equal:
            return equalText(value, term.strings.front());
        case Operator::NotEqual:
            return !equalText(value, term.strings.front());
        case Operator::In:
            for (const QString &candidate : term.strings) {
                if (equalText(value, candidate))
                    return true;
            }
            return false;
        case Operator::Regex:
            return term.regex.match(value).hasMatch();
        case Operator::Bare: // label.<key>: the label is set
            return !value.isEmpty();
        default:
            return false;
        }
    }
    const double value = numberOf(model, slot, term.attribute);
    switch (term.op) {
    case Operator::Bare:
        return value != 0.0;
    case Operator::Equal:
        return value == term.low;
    case Operator::NotEqual:
        return value != term.low;
    case Operator::Less:
        return value < term.low;
    case Operator::LessEqual:
        return value <= term.low;
    case Operator::Greater:
        return value > term.low;
    case Operator::GreaterEqual:
        return value >= term.low;
    case Operator::Between:
        return value >= term.low && value <= term.high;
    case Operator::In:
        for (double candidate : term.numbers) {
            if (value == candidate)
                return true;
        }
        return false;
    case Operator::Regex:
        return term.regex.match(formatValue(term.type, value)).hasMatch();
    }
    return false;
}

bool evaluate(const ResourceQueryData &data, int index, const PlacementModel &model, int node)
{
    const QueryExpr &expr = data.exprs[size_t(index)];
    switch (expr.kind) {
    case QueryExpr::Kind::And:
        return evaluate(data, expr.left, model, node) && evaluate(data, expr.right, model, node);
    case QueryExpr::Kind::Or:
        return evaluate(data, expr.left, model, node) || evaluate(data, expr.right, model, node);
    case QueryExpr::Kind::Not:
        return !evaluate(data, expr.left, model, node);
    case QueryExpr::Kind::Leaf:
        return evaluateTerm(data.terms[size_t(expr.term)], model, node);
    }
    return false;
}

QString operatorText(Operator op)
{
    switch (op) {
    case Operator::Equal:
        return QStringLiteral("=");
    case Operator::NotEqual:
        return QStringLiteral("!=");
    case Operator::Less:
        return QStringLiteral("<");
    case Operator::LessEqual:
        return QStringLiteral("<=");
    case Operator::Greater:
        return QStringLiteral(">");
    case Operator::GreaterEqual:
        return QStringLiteral(">=");
    case Operator::Between:
        return QStringLiteral("between");
    case Operator::In:
        return QStringLiteral("in");
    case Operator::Regex:
        return QStringLiteral("~");
    case Operator::Bare:
        break;
    }
    return QString();
}

/// The node's value of the term's attribute, as printed in explanations.
QString actualText(const QueryTerm &term, const PlacementModel &model, int node)
{
    const PlacementModel::NodeSlot &slot = model.node(node);
    if (term.type == ValueType::String) {
        const QString &value = stringOf(model, node, slot, term.attribute, term.labelKey);
        if (value.isEmpty())
            return QStringLiteral("(none)");
        return QLatin1Char('\'') + value + QLatin1Char('\'');
    }
    return formatValue(term.type, numberOf(model, slot, term.attribute));
}

QString describeFailure(const QueryTerm &term, const PlacementModel &model, int node)
{
    const QString actual = actualText(term, model, node);
    switch (term.op) {
    case Operator::Bare:
        if (term.attribute == Attribute::Label)
            return QStringLiteral("%1 is not set").arg(term.name);
        return QStringLiteral("%1 is false").arg(term.name);
    case Operator::Regex:
        return QStringLiteral("%1 %2 does not match %3").arg(term.name, actual, term.operand);
    default:
        if (term.type == ValueType::Bool)
            return QStringLiteral("%1 is %2").arg(term.name, actual);
        return QStringLiteral("%1 %2 not %3 %4")
            .arg(term.name, actual, operatorText(term.op), term.operand);
    }
}

QString explain(const ResourceQueryData &data, int index, const PlacementModel &model, int node)
{
    const QueryExpr &expr = data.exprs[size_t(index)];
    switch (expr.kind) {
    case QueryExpr::Kind::And: {
        QString left = explain(data, expr.left, model, node);
        return left.isEmpty() ? explain(data, expr.right, model, node) : left;
    }
    case QueryExpr::Kind::Or: {
        if (evaluate(data, index, model, node))
            return QString();
        return QStringLiteral("neither %1 nor %2")
            .arg(explain(data, expr.left, model, node), explain(data, expr.right, model, node));
    }
    case QueryExpr::Kind::Not: {
        if (!evaluate(data, expr.left, model, node))
            return QString();
        const QueryExpr &child = data.exprs[size_t(expr.left)];
        const QString source = data.source.mid(child.begin, child.end - child.begin).trimmed();
        if (child.kind == QueryExpr::Kind::Leaf) {
            const QueryTerm &term = data.terms[size_t(child.term)];
            return QStringLiteral("'%1' holds (%2 is %3)")
                .arg(source, term.name, actualText(term, model, node));
        }
        return QStringLiteral("'%1' holds").arg(source);
    }
    case QueryExpr::Kind::Leaf: {
        const QueryTerm &term = data.terms[size_t(expr.term)];
        return evaluateTerm(term, model, node) ? QString() : describeFailure(term, model, node);
    }
    }
    return QString();
}

} // namespace

ResourceQuery::ResourceQuery() = default;
ResourceQuery::~ResourceQuery() = default;
ResourceQuery::ResourceQuery(const ResourceQuery &) = default;
ResourceQuery &ResourceQuery::operator=(const ResourceQuery &) = default;

Result<ResourceQuery> ResourceQuery::parse(const QString &text)
{
    auto data = std::make_shared<ResourceQueryData>();
    data->source = text;
    data->text = text.trimmed();
    ResourceQuery query;
    if (data->text.isEmpty()) {
        query.d = std::move(data);
        return query;
    }
    auto tokens = tokenize(text);
    if (!tokens)
        return Error(tokens.error());
    Parser parser(std::move(*tokens), *data);
    auto root = parser.parse();
    if (!root)
        return Error(root.error());
    data->root = *root;
    query.d = std::move(data);
    return query;
}

bool ResourceQuery::isEmpty() const
{
    return !d || d->root < 0;
}

bool ResourceQuery::matches(const PlacementModel &model, int node) const
{
    if (isEmpty())
        return true;
    return evaluate(*d, d->root, model, node);
}

QString ResourceQuery::mismatch(const PlacementModel &model, int node) const
{
    if (isEmpty())
        return QString();
    return explain(*d, d->root, model, node);
}

QString ResourceQuery::text() const
{
    return d ? d->text : QString();
}

QStringList ResourceQuery::attributes() const
{
    return d ? d->attributes : QStringList();
}

QVariant ResourceQuery::attributeValue(const PlacementModel &model, int node,
                                       const QString &attribute)
{
    if (node < 0 || node >= model.nodeCount())
        return QVariant();
    QString labelKey;
    const AttributeInfo *info = findAttribute(attribute, &labelKey);
    if (!info)
        return QVariant();
    const PlacementModel::NodeSlot &slot = model.node(node);
    switch (info->type) {
    case ValueType::String:
        return stringOf(model, node, slot, info->attribute, labelKey);
    case ValueType::Cores:
        return numberOf(model, slot, info->attribute);
    case ValueType::Bytes:
        return qint64(numberOf(model, slot, info->attribute));
    case ValueType::Count:
        return int(numberOf(model, slot, info->attribute));
    case ValueType::Bool:
        return numberOf(model, slot, info->attribute) != 0.0;
    case ValueType::Tier:
    case ValueType::State:
    case ValueType::SiteKind:
    case ValueType::Backend:
        return formatValue(info->type, numberOf(model, slot, info->attribute));
    }
    return QVariant();
}

QStringList ResourceQuery::knownAttributes()
{
    QStringList names;
    for (const AttributeInfo &info : kAttributes)
        names.append(QString::fromLatin1(info.name));
    names.append(QStringLiteral("label.<key>"));
    return names;
}

QList<ResourceMatch> findResources(const PlacementModel &model, const ResourceQuery &query,
                                   const std::function<qint64(const QString &nodeId)> &ageMs,
                                   int limit)
{
    QList<ResourceMatch> matches;
    const QStringList attributes = query.attributes();
    for (int i = 0; i < model.nodeCount(); ++i) {
        if (!query.matches(model, i))
            continue;
        const PlacementModel::NodeSlot &slot = model.node(i);
        ResourceMatch match;
        match.nodeId = model.nodeId(i);
        if (slot.cluster >= 0)
            match.clusterId = model.cluster(slot.cluster).id;
        if (slot.site >= 0)
            match.siteId = model.sites()[size_t(slot.site)].id;
        match.source = QStringLiteral("local");
        match.ageMs = ageMs ? ageMs(match.nodeId) : 0;
        for (const QString &attribute : attributes)
            match.attributes.insert(attribute, ResourceQuery::attributeValue(model, i, attribute));
        matches.append(std::move(match));
        if (limit > 0 && matches.size() >= limit)
            break;
    }
    return matches;
}

} // namespace Continuo
