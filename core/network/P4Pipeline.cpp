#include "network/P4Pipeline.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

namespace Continuo {

namespace {

constexpr quint32 Invalid = P4LookupResult::InvalidHandle;
constexpr quint64 EmptySlot = ~quint64(0);

P4FieldValue widthMask(int bitwidth)
{
    return bitwidth >= 128 ? ~P4FieldValue(0) : (P4FieldValue(1) << bitwidth) - 1;
}

QString tableDisplayName(const P4TableInfo &table)
{
    return table.alias.isEmpty() ? table.name : table.alias;
}

QString actionDisplayName(const P4ActionInfo &action)
{
    return action.alias.isEmpty() ? action.name : action.alias;
}

QString hexText(P4FieldValue value)
{
    if (value == 0)
        return QStringLiteral("0x0");
    QString text;
    while (value) {
        text.prepend(QLatin1Char("0123456789abcdef"[int(value & 0xf)]));
        value >>= 4;
    }
    return QLatin1String("0x") + text;
}

// Mixes the key words; the upper 32 bits are the slot tag and home index.
inline quint64 hashWords(const quint64 *words, int count)
{
    quint64 h = 0x9e3779b97f4a7c15ull ^ quint64(count);
    for (int i = 0; i < count; ++i) {
        h ^= words[i];
        h *= 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    }
    h *= 0x94d049bb133111ebull;
    h ^= h >> 29;
    return h;
}

} // namespace

P4FieldValue p4FieldValue(const QByteArray &bigEndian)
{
    P4FieldValue value = 0;
    for (char byte : bigEndian)
        value = (value << 8) | quint8(byte);
    return value;
}

QByteArray p4FieldBytes(P4FieldValue value, int bitwidth)
{
    const int bytes = (bitwidth + 7) / 8;
    QByteArray out(bytes, '\0');
    for (int i = bytes - 1; i >= 0; --i) {
        out[i] = char(quint8(value));
        value >>= 8;
    }
    return out;
}

namespace Internal {

struct P4TablePipelineData
{
    enum class PriorityRule { None, Priority, PrefixLength };

    struct Field
    {
        QString name;
        P4MatchKind kind = P4MatchKind::Unknown;
        int bitwidth = 0;
        int offset = 0;      // byte offset in the packed key
        int bytes = 0;
        int rangeIndex = -1; // index among the table's range fields
        P4FieldValue max = 0;
    };

    struct Action
    {
        const P4ActionInfo *info = nullptr;
        QList<int> paramOffsets;
        bool isDefaultOnly = false;
    };

    // Entries sharing one mask tuple: masked key -> chain head, chain by (priority desc, handle asc).
    struct Group
    {
        std::vector<quint64> mask;
        quint64 rangePresent = 0;
        std::vector<quint64> slots; // (tag << 32) | handle; EmptySlot when free
        quint32 used = 0;
        quint32 entries = 0;
        std::vector<std::pair<int, quint32>> priorities; // (priority, count), priority descending
    };

    struct Record
    {
        qint32 priority = 0; // effective: entry priority, LPM prefix length, or 0
        quint32 group = 0;
        quint32 next = Invalid;
        quint16 action = 0xffff; // 0xffff: free slot
        quint16 flags = 0;
    };

    // An entry in the table's internal form.
    struct Prepared
    {
        QVarLengthArray<quint64, 8> key;
        QVarLengthArray<quint64, 8> mask;
        quint64 rangePresent = 0;
        QVarLengthArray<P4FieldValue, 4> ranges; // lo, hi per range field
        int priority = 0;
    };

    P4Program program;
    P4TableInfo info;
    QString tableName;
    QString unsupported;
    PriorityRule rule = PriorityRule::None;
    int lpmField = -1;
    std::vector<Field> fields;
    int words = 1;
    int rangeCount = 0;

    std::vector<Action> actions;
    QHash<quint32, int> actionById;
    int paramSlot = 0;

    std::vector<Group> groups;
    QHash<QByteArray, quint32> groupByTuple;
    std::vector<std::pair<int, quint32>> order; // (max priority, group), descending

    std::vector<quint64> keys;
    std::vector<Record> records;
    std::vector<quint8> params;
    std::vector<P4CounterData> counters;
    std::vector<P4FieldValue> ranges;
    std::vector<quint32> freeHandles;
    QHash<quint32, QString> notes;
    qsizetype live = 0;

    std::optional<P4TableEntry> defaultEntry;
    int initialAction = -1;
    QByteArray initialParams;
    int defaultAction = -1;
    QByteArray defaultParams;

    void setup(const P4Program &p, const P4TableInfo &t);
    Result<Prepared> prepare(const P4TableEntry &entry) const;
    Result<std::pair<int, QByteArray>> prepareAction(const P4TableEntry &entry, bool asDefault) const;
    QByteArray tupleId(const Prepared &p) const;
    quint32 groupFor(const Prepared &p);
    quint32 findHead(const Group &g, const quint64 *key, quint64 hash, qsizetype *slotOut) const;
    void insertSlot(Group &g, quint64 hash, quint32 handle);
    void eraseSlot(Group &g, qsizetype slot);
    void grow(Group &g);
    bool sameIdentity(quint32 handle, const Prepared &p) const;
    quint32 findPrepared(const Prepared &p, quint32 *group) const;
    void addPriority(quint32 gid, int priority);
    void removePriority(quint32 gid, int priority);
    void reorder(quint32 gid);
    void packKey(const P4FieldValues &values, quint64 *out) const;
    bool rangesMatch(quint32 handle, const P4FieldValues &values) const;
    QList<P4ParamValue> paramValues(int action, const quint8 *bytes) const;
    const quint64 *keyOf(quint32 handle) const { return keys.data() + size_t(handle) * words; }
};

void P4TablePipelineData::setup(const P4Program &p, const P4TableInfo &t)
{
    program = p;
    info = t;
    tableName = tableDisplayName(t);
    if (t.matchFields.size() > 64)
        unsupported = QStringLiteral("table %1 has %2 match fields; the software pipeline holds at most 64")
                          .arg(tableName)
                          .arg(t.matchFields.size());
    bool hasPriorityKind = false;
    int offset = 0;
    for (const P4MatchFieldInfo &m : t.matchFields) {
        Field f;
        f.name = m.name;
        f.kind = m.kind;
        f.bitwidth = m.bitwidth;
        f.bytes = (m.bitwidth + 7) / 8;
        f.offset = offset;
        f.max = widthMask(m.bitwidth);
        offset += f.bytes;
        if (m.bitwidth > 128 || m.bitwidth <= 0)
            unsupported = QStringLiteral("table %1: field %2 is %3 bits wide; the software pipeline holds 1 to 128")
                              .arg(tableName, m.name)
                              .arg(m.bitwidth);
        if (m.kind == P4MatchKind::Range)
            f.rangeIndex = rangeCount++;
        if (m.kind == P4MatchKind::Ternary || m.kind == P4MatchKind::Range || m.kind == P4MatchKind::Optional)
            hasPriorityKind = true;
        if (m.kind == P4MatchKind::Lpm)
            lpmField = int(fields.size());
        fields.push_back(f);
    }
    words = std::max(1, (offset + 7) / 8);
    rule = hasPriorityKind ? PriorityRule::Priority
                           : (lpmField >= 0 ? PriorityRule::PrefixLength : PriorityRule::None);

    auto addAction = [&](quint32 id, bool isDefaultOnly) {
        const P4ActionInfo *a = program.action(id);
        if (!a || actionById.contains(id))
            return;
        Action action;
        action.info = a;
        action.isDefaultOnly = isDefaultOnly;
        int size = 0;
        for (const P4ActionParamInfo &param : a->params) {
            action.paramOffsets.append(size);
            size += (param.bitwidth + 7) / 8;
        }
        paramSlot = std::max(paramSlot, size);
        actionById.insert(id, int(actions.size()));
        actions.push_back(action);
    };
    for (quint32 id : t.actionIds)
        addAction(id, false);
    for (quint32 id : t.defaultOnlyActionIds)
        addAction(id, true);
    if (t.constDefaultActionId)
        addAction(t.constDefaultActionId, true);

    if (t.constDefaultActionId && actionById.contains(t.constDefaultActionId)) {
        initialAction = actionById.value(t.constDefaultActionId);
    } else {
        for (int i = 0; i < int(actions.size()); ++i) {
            if (actions[size_t(i)].info->alias == QLatin1String("NoAction")
                || actions[size_t(i)].info->name == QLatin1String("NoAction")) {
                initialAction = i;
                break;
            }
        }
    }
    initialParams = QByteArray(paramSlot, '\0');
    defaultAction = initialAction;
    defaultParams = initialParams;
}

Result<std::pair<int, QByteArray>> P4TablePipelineData::prepareAction(const P4TableEntry &entry,
                                                                       bool asDefault) const
{
    const P4ActionInfo *a = program.action(entry.action);
    if (!a)
        return makeError(QStringLiteral("unknown action %1").arg(entry.action));
    const int index = actionById.value(a->id, -1);
    if (index < 0)
        return makeError(QStringLiteral("action %1 is not an action of table %2").arg(entry.action, tableName));
    const Action &action = actions[size_t(index)];
    if (action.isDefaultOnly && !asDefault)
        return makeError(QStringLiteral("action %1 is a default-only action of table %2").arg(entry.action, tableName));
    QByteArray bytes(paramSlot, '\0');
    for (const P4ParamValue &given : entry.params) {
        if (!P4Program::param(*a, given.name))
            return makeError(QStringLiteral("action %1: unknown parameter %2").arg(entry.action, given.name));
    }
    for (qsizetype i = 0; i < a->params.size(); ++i) {
        const P4ActionParamInfo &param = a->params[i];
        const auto it = std::find_if(entry.params.cbegin(), entry.params.cend(),
                                     [&](const P4ParamValue &v) { return v.name == param.name; });
        if (it == entry.params.cend())
            return makeError(QStringLiteral("action %1: parameter %2 is missing").arg(entry.action, param.name));
        const P4FieldValue value = p4FieldValue(it->value);
        if (it->value.size() > 16 || (value & ~widthMask(param.bitwidth)) != 0)
            return makeError(QStringLiteral("action %1: parameter %2 does not fit in %3 bits")
                                 .arg(entry.action, param.name)
                                 .arg(param.bitwidth));
        const QByteArray b = p4FieldBytes(value, param.bitwidth);
        std::memcpy(bytes.data() + action.paramOffsets[i], b.constData(), size_t(b.size()));
    }
    return std::pair<int, QByteArray>(index, bytes);
}

Result<P4TablePipelineData::Prepared> P4TablePipelineData::prepare(const P4TableEntry &entry) const
{
    if (!unsupported.isEmpty())
        return makeError(unsupported);
    Prepared p;
    QVarLengthArray<quint8, 64> keyBytes(words * 8);
    QVarLengthArray<quint8, 64> maskBytes(words * 8);
    std::fill(keyBytes.begin(), keyBytes.end(), 0);
    std::fill(maskBytes.begin(), maskBytes.end(), 0);
    p.ranges.resize(rangeCount * 2);
    for (const Field &f : fields) {
        if (f.rangeIndex >= 0) {
            p.ranges[f.rangeIndex * 2] = 0;
            p.ranges[f.rangeIndex * 2 + 1] = f.max;
        }
    }
    quint64 seen = 0;
    int prefixLength = 0;
    auto put = [](QVarLengthArray<quint8, 64> &buffer, const Field &f, P4FieldValue v) {
        for (int j = f.bytes - 1; j >= 0; --j) {
            buffer[f.offset + j] = quint8(v);
            v >>= 8;
        }
    };
    for (const P4FieldMatch &m : entry.matches) {
        const P4MatchFieldInfo *mi = P4Program::matchField(info, m.field);
        if (!mi)
            return makeError(QStringLiteral("table %1 has no match field %2").arg(tableName, m.field));
        const int index = int(mi - info.matchFields.constData());
        const Field &f = fields[size_t(index)];
        if (seen & (quint64(1) << index))
            return makeError(QStringLiteral("field %1 appears twice").arg(f.name));
        seen |= quint64(1) << index;
        if (m.kind != P4MatchKind::Unknown && m.kind != f.kind)
            return makeError(QStringLiteral("field %1 is a %2 field, the entry gives a %3 match")
                                 .arg(f.name, toString(f.kind), toString(m.kind)));
        auto fits = [&](const QByteArray &bytes) {
            return bytes.size() <= 16 && (p4FieldValue(bytes) & ~f.max) == 0;
        };
        if (!fits(m.value) || (f.kind == P4MatchKind::Ternary && !fits(m.mask))
            || (f.kind == P4MatchKind::Range && !fits(m.high)))
            return makeError(QStringLiteral("field %1: value does not fit in %2 bits").arg(f.name).arg(f.bitwidth));
        const P4FieldValue value = p4FieldValue(m.value);
        switch (f.kind) {
        case P4MatchKind::Exact:
        case P4MatchKind::Optional:
            put(keyBytes, f, value);
            put(maskBytes, f, f.max);
            break;
        case P4MatchKind::Lpm: {
            if (m.prefixLength < 0 || m.prefixLength > f.bitwidth)
                return makeError(QStringLiteral("field %1: prefix length %2 is not within 0..%3")
                                     .arg(f.name)
                                     .arg(m.prefixLength)
                                     .arg(f.bitwidth));
            const P4FieldValue mask = m.prefixLength == 0 ? P4FieldValue(0)
                                                          : f.max & ~widthMask(f.bitwidth - m.prefixLength);
            put(keyBytes, f, value & mask);
            put(maskBytes, f, mask);
            prefixLength = m.prefixLength;
            break;
        }
        case P4MatchKind::Ternary: {
            const P4FieldValue mask = p4FieldValue(m.mask);
            put(keyBytes, f, value & mask);
            put(maskBytes, f, mask);
            break;
        }
        case P4MatchKind::Range: {
            const P4FieldValue high = p4FieldValue(m.high);
            if (value > high)
                return makeError(QStringLiteral("field %1: range low %2 is above high %3")
                                     .arg(f.name, hexText(value), hexText(high)));
            p.rangePresent |= quint64(1) << f.rangeIndex;
            p.ranges[f.rangeIndex * 2] = value;
            p.ranges[f.rangeIndex * 2 + 1] = high;
            break;
        }
        case P4MatchKind::Unknown:
            return makeError(QStringLiteral("field %1 has an unknown match kind").arg(f.name));
        }
    }
    for (size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].kind == P4MatchKind::Exact && !(seen & (quint64(1) << i)))
            return makeError(QStringLiteral("exact field %1 is missing").arg(fields[i].name));
    }
    p.key.resize(words);
    p.mask.resize(words);
    std::memcpy(p.key.data(), keyBytes.constData(), size_t(words) * 8);
    std::memcpy(p.mask.data(), maskBytes.constData(), size_t(words) * 8);
    switch (rule) {
    case PriorityRule::Priority:
        p.priority = entry.priority;
        break;
    case PriorityRule::PrefixLength:
        p.priority = prefixLength;
        break;
    case PriorityRule::None:
        p.priority = 0;
        break;
    }
    return p;
}

QByteArray P4TablePipelineData::tupleId(const Prepared &p) const
{
    QByteArray id(reinterpret_cast<const char *>(p.mask.constData()), qsizetype(words) * 8);
    id.append(reinterpret_cast<const char *>(&p.rangePresent), sizeof(p.rangePresent));
    return id;
}

quint32 P4TablePipelineData::groupFor(const Prepared &p)
{
    const QByteArray id = tupleId(p);
    const auto it = groupByTuple.constFind(id);
    if (it != groupByTuple.cend())
        return it.value();
    Group g;
    g.mask.assign(p.mask.cbegin(), p.mask.cend());
    g.rangePresent = p.rangePresent;
    g.slots.assign(8, EmptySlot);
    groups.push_back(std::move(g));
    const quint32 gid = quint32(groups.size() - 1);
    groupByTuple.insert(id, gid);
    return gid;
}

quint32 P4TablePipelineData::findHead(const Group &g, const quint64 *key, quint64 hash,
                                      qsizetype *slotOut) const
{
    const quint32 tag = quint32(hash >> 32);
    const size_t capacityMask = g.slots.size() - 1;
    size_t i = tag & capacityMask;
    for (;;) {
        const quint64 slot = g.slots[i];
        if (slot == EmptySlot)
            break;
        if (quint32(slot >> 32) == tag) {
            const quint32 handle = quint32(slot);
            __builtin_prefetch(&records[handle]); // read next when the key is the one
            if (std::memcmp(keyOf(handle), key, size_t(words) * 8) == 0) {
                if (slotOut)
                    *slotOut = qsizetype(i);
                return handle;
            }
        }
        i = (i + 1) & capacityMask;
    }
    if (slotOut)
        *slotOut = qsizetype(i);
    return Invalid;
}

void P4TablePipelineData::grow(Group &g)
{
    std::vector<quint64> old;
    old.swap(g.slots);
    g.slots.assign(old.size() * 2, EmptySlot);
    const size_t capacityMask = g.slots.size() - 1;
    for (quint64 slot : old) {
        if (slot == EmptySlot)
            continue;
        size_t i = quint32(slot >> 32) & capacityMask;
        while (g.slots[i] != EmptySlot)
            i = (i + 1) & capacityMask;
        g.slots[i] = slot;
    }
}

void P4TablePipelineData::insertSlot(Group &g, quint64 hash, quint32 handle)
{
    if ((g.used + 1) * 10 > g.slots.size() * 7)
        grow(g);
    const quint32 tag = quint32(hash >> 32);
    const size_t capacityMask = g.slots.size() - 1;
    size_t i = tag & capacityMask;
    while (g.slots[i] != EmptySlot)
        i = (i + 1) & capacityMask;
    g.slots[i] = (quint64(tag) << 32) | handle;
    ++g.used;
}

// Backward-shift deletion keeps linear probing free of tombstones.
void P4TablePipelineData::eraseSlot(Group &g, qsizetype slot)
{
    const size_t capacityMask = g.slots.size() - 1;
    size_t i = size_t(slot);
    size_t j = i;
    for (;;) {
        j = (j + 1) & capacityMask;
        if (g.slots[j] == EmptySlot)
            break;
        const size_t home = quint32(g.slots[j] >> 32) & capacityMask;
        const bool staysPut = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (staysPut)
            continue;
        g.slots[i] = g.slots[j];
        i = j;
    }
    g.slots[i] = EmptySlot;
    --g.used;
}

bool P4TablePipelineData::sameIdentity(quint32 handle, const Prepared &p) const
{
    if (rule == PriorityRule::Priority && records[handle].priority != p.priority)
        return false;
    for (int r = 0; r < rangeCount * 2; ++r) {
        if (ranges[size_t(handle) * size_t(rangeCount) * 2 + size_t(r)] != p.ranges[r])
            return false;
    }
    return true;
}

quint32 P4TablePipelineData::findPrepared(const Prepared &p, quint32 *group) const
{
    const auto it = groupByTuple.constFind(tupleId(p));
    if (it == groupByTuple.cend())
        return Invalid;
    const Group &g = groups[it.value()];
    if (group)
        *group = it.value();
    const quint32 head = findHead(g, p.key.constData(), hashWords(p.key.constData(), words), nullptr);
    for (quint32 c = head; c != Invalid; c = records[c].next) {
        if (sameIdentity(c, p))
            return c;
    }
    return Invalid;
}

void P4TablePipelineData::addPriority(quint32 gid, int priority)
{
    auto &list = groups[gid].priorities;
    auto it = std::lower_bound(list.begin(), list.end(), priority,
                               [](const std::pair<int, quint32> &e, int v) { return e.first > v; });
    if (it != list.end() && it->first == priority)
        ++it->second;
    else
        list.insert(it, {priority, 1});
    ++groups[gid].entries;
    reorder(gid);
}

void P4TablePipelineData::removePriority(quint32 gid, int priority)
{
    auto &list = groups[gid].priorities;
    auto it = std::lower_bound(list.begin(), list.end(), priority,
                               [](const std::pair<int, quint32> &e, int v) { return e.first > v; });
    Q_ASSERT(it != list.end() && it->first == priority);
    if (--it->second == 0)
        list.erase(it);
    --groups[gid].entries;
    reorder(gid);
}

// Keeps `order` sorted by maximum priority (descending); empty groups leave it. O(groups).
void P4TablePipelineData::reorder(quint32 gid)
{
    const auto old = std::find_if(order.begin(), order.end(),
                                  [gid](const std::pair<int, quint32> &e) { return e.second == gid; });
    if (old != order.end())
        order.erase(old);
    const Group &g = groups[gid];
    if (g.entries == 0)
        return;
    const int maxPriority = g.priorities.front().first;
    const auto at = std::find_if(order.begin(), order.end(),
                                 [&](const std::pair<int, quint32> &e) { return e.first < maxPriority; });
    order.insert(at, {maxPriority, gid});
}

void P4TablePipelineData::packKey(const P4FieldValues &values, quint64 *out) const
{
    QVarLengthArray<quint8, 64> bytes(words * 8);
    std::fill(bytes.begin(), bytes.end(), 0);
    const qsizetype count = std::min<qsizetype>(values.size(), qsizetype(fields.size()));
    for (qsizetype i = 0; i < count; ++i) {
        const Field &f = fields[size_t(i)];
        P4FieldValue v = values[i];
        for (int j = f.bytes - 1; j >= 0; --j) {
            bytes[f.offset + j] = quint8(v);
            v >>= 8;
        }
    }
    std::memcpy(out, bytes.constData(), size_t(words) * 8);
}

bool P4TablePipelineData::rangesMatch(quint32 handle, const P4FieldValues &values) const
{
    const P4FieldValue *r = ranges.data() + size_t(handle) * size_t(rangeCount) * 2;
    for (const Field &f : fields) {
        if (f.rangeIndex < 0)
            continue;
        const qsizetype index = qsizetype(&f - fields.data());
        const P4FieldValue v = index < values.size() ? values[index] & f.max : 0;
        if (v < r[f.rangeIndex * 2] || v > r[f.rangeIndex * 2 + 1])
            return false;
    }
    return true;
}

QList<P4ParamValue> P4TablePipelineData::paramValues(int action, const quint8 *bytes) const
{
    QList<P4ParamValue> out;
    if (action < 0)
        return out;
    const Action &a = actions[size_t(action)];
    out.reserve(a.info->params.size());
    for (qsizetype i = 0; i < a.info->params.size(); ++i) {
        const P4ActionParamInfo &param = a.info->params[i];
        out.append({param.name, QByteArray(reinterpret_cast<const char *>(bytes) + a.paramOffsets[i],
                                           (param.bitwidth + 7) / 8)});
    }
    return out;
}

} // namespace Internal

using Data = Internal::P4TablePipelineData;

P4TablePipeline::P4TablePipeline(const P4Program &program, const P4TableInfo &table)
    : d(std::make_unique<Data>())
{
    d->setup(program, table);
}

P4TablePipeline::~P4TablePipeline() = default;
P4TablePipeline::P4TablePipeline(const P4TablePipeline &other) : d(std::make_unique<Data>(*other.d)) {}
P4TablePipeline &P4TablePipeline::operator=(const P4TablePipeline &other)
{
    if (this != &other)
        d = std::make_unique<Data>(*other.d);
    return *this;
}
P4TablePipeline::P4TablePipeline(P4TablePipeline &&) noexcept = default;
P4TablePipeline &P4TablePipeline::operator=(P4TablePipeline &&) noexcept = default;

const P4TableInfo &P4TablePipeline::info() const
{
    return d->info;
}

Result<quint32> P4TablePipeline::insert(const P4TableEntry &entry)
{
    if (entry.isDefaultAction)
        return makeError(QStringLiteral("a default-action entry is set with setDefaultEntry(), not inserted"));
    auto prepared = d->prepare(entry);
    if (!prepared)
        return makeError(prepared.error());
    auto action = d->prepareAction(entry, false);
    if (!action)
        return makeError(action.error());
    const Data::Prepared &p = *prepared;
    const quint32 gid = d->groupFor(p);
    const quint64 hash = hashWords(p.key.constData(), d->words);
    qsizetype slot = -1;
    const quint32 head = d->findHead(d->groups[gid], p.key.constData(), hash, &slot);
    for (quint32 c = head; c != Invalid; c = d->records[c].next) {
        if (d->sameIdentity(c, p))
            return makeError(QStringLiteral("an entry with the same match key is already installed in %1 (handle %2)")
                                 .arg(d->tableName)
                                 .arg(c));
    }

    quint32 handle;
    if (!d->freeHandles.empty()) {
        handle = d->freeHandles.back();
        d->freeHandles.pop_back();
    } else {
        handle = quint32(d->records.size());
        if (handle == Invalid)
            return makeError(QStringLiteral("table %1 is full").arg(d->tableName));
        d->records.emplace_back();
        d->keys.resize(d->keys.size() + size_t(d->words));
        d->params.resize(d->params.size() + size_t(d->paramSlot));
        d->counters.emplace_back();
        d->ranges.resize(d->ranges.size() + size_t(d->rangeCount) * 2);
    }
    std::memcpy(d->keys.data() + size_t(handle) * size_t(d->words), p.key.constData(), size_t(d->words) * 8);
    if (d->paramSlot)
        std::memcpy(d->params.data() + size_t(handle) * size_t(d->paramSlot), action->second.constData(),
                    size_t(d->paramSlot));
    for (int r = 0; r < d->rangeCount * 2; ++r)
        d->ranges[size_t(handle) * size_t(d->rangeCount) * 2 + size_t(r)] = p.ranges[r];
    d->counters[handle] = {};
    Data::Record &record = d->records[handle];
    record.priority = p.priority;
    record.group = gid;
    record.action = quint16(action->first);
    record.next = Invalid;
    if (entry.note.isEmpty())
        d->notes.remove(handle);
    else
        d->notes.insert(handle, entry.note);

    Data::Group &g = d->groups[gid];
    auto before = [&](quint32 a, quint32 b) {
        const int pa = d->records[a].priority, pb = d->records[b].priority;
        return pa > pb || (pa == pb && a < b);
    };
    if (head == Invalid) {
        d->insertSlot(g, hash, handle);
    } else if (before(handle, head)) {
        record.next = head;
        g.slots[size_t(slot)] = (g.slots[size_t(slot)] & 0xffffffff00000000ull) | handle;
    } else {
        quint32 c = head;
        while (d->records[c].next != Invalid && before(d->records[c].next, handle))
            c = d->records[c].next;
        record.next = d->records[c].next;
        d->records[c].next = handle;
    }
    d->addPriority(gid, p.priority);
    ++d->live;
    return handle;
}

Result<quint32> P4TablePipeline::modify(const P4TableEntry &entry)
{
    auto prepared = d->prepare(entry);
    if (!prepared)
        return makeError(prepared.error());
    const quint32 handle = d->findPrepared(*prepared, nullptr);
    if (handle == Invalid)
        return makeError(QStringLiteral("no entry with this match key is installed in %1").arg(d->tableName));
    auto action = d->prepareAction(entry, false);
    if (!action)
        return makeError(action.error());
    d->records[handle].action = quint16(action->first);
    if (d->paramSlot)
        std::memcpy(d->params.data() + size_t(handle) * size_t(d->paramSlot), action->second.constData(),
                    size_t(d->paramSlot));
    if (entry.note.isEmpty())
        d->notes.remove(handle);
    else
        d->notes.insert(handle, entry.note);
    return handle;
}

Result<void> P4TablePipeline::remove(const P4TableEntry &entry)
{
    auto prepared = d->prepare(entry);
    if (!prepared)
        return makeError(prepared.error());
    const Data::Prepared &p = *prepared;
    quint32 gid = 0;
    const quint32 handle = d->findPrepared(p, &gid);
    if (handle == Invalid)
        return makeError(QStringLiteral("no entry with this match key is installed in %1").arg(d->tableName));
    Data::Group &g = d->groups[gid];
    qsizetype slot = -1;
    const quint32 head = d->findHead(g, p.key.constData(), hashWords(p.key.constData(), d->words), &slot);
    if (head == handle) {
        const quint32 next = d->records[handle].next;
        if (next == Invalid)
            d->eraseSlot(g, slot);
        else
            g.slots[size_t(slot)] = (g.slots[size_t(slot)] & 0xffffffff00000000ull) | next;
    } else {
        quint32 c = head;
        while (d->records[c].next != handle)
            c = d->records[c].next;
        d->records[c].next = d->records[handle].next;
    }
    d->removePriority(gid, d->records[handle].priority);
    d->records[handle] = {};
    d->notes.remove(handle);
    d->freeHandles.push_back(handle);
    --d->live;
    return {};
}

quint32 P4TablePipeline::find(const P4TableEntry &entry) const
{
    auto prepared = d->prepare(entry);
    return prepared ? d->findPrepared(*prepared, nullptr) : Invalid;
}

void P4TablePipeline::clear()
{
    const P4Program program = d->program;
    const P4TableInfo info = d->info;
    d = std::make_unique<Data>();
    d->setup(program, info);
}

qsizetype P4TablePipeline::size() const
{
    return d->live;
}

qsizetype P4TablePipeline::tupleCount() const
{
    return qsizetype(d->order.size());
}

// Groups are probed in windows: the masked keys and hashes of a window are computed first and
// their slot lines prefetched, so the cache misses of a big table overlap instead of queueing.
quint32 P4TablePipeline::match(const P4FieldValues &key) const
{
    constexpr size_t Window = 8;
    const int words = d->words;
    QVarLengthArray<quint64, 16> packed(words);
    QVarLengthArray<quint64, 16 * Window> masked(qsizetype(words) * qsizetype(Window));
    quint64 hashes[Window];
    d->packKey(key, packed.data());
    quint32 best = Invalid;
    int bestPriority = 0;
    const size_t groupCount = d->order.size();
    for (size_t start = 0; start < groupCount; start += Window) {
        const size_t end = std::min(groupCount, start + Window);
        if (best != Invalid && d->order[start].first < bestPriority)
            break;
        for (size_t w = start; w < end; ++w) {
            const Data::Group &g = d->groups[d->order[w].second];
            quint64 *m = masked.data() + (w - start) * size_t(words);
            for (int i = 0; i < words; ++i)
                m[i] = packed[i] & g.mask[size_t(i)];
            hashes[w - start] = hashWords(m, words);
            __builtin_prefetch(&g.slots[quint32(hashes[w - start] >> 32) & (g.slots.size() - 1)]);
        }
        for (size_t w = start; w < end; ++w) {
            const auto [maxPriority, gid] = d->order[w];
            if (best != Invalid && maxPriority < bestPriority)
                return best;
            const Data::Group &g = d->groups[gid];
            const quint64 *m = masked.constData() + (w - start) * size_t(words);
            const quint32 head = d->findHead(g, m, hashes[w - start], nullptr);
            for (quint32 c = head; c != Invalid; c = d->records[c].next) {
                const int priority = d->records[c].priority;
                if (best != Invalid && (priority < bestPriority || (priority == bestPriority && c > best)))
                    break;
                if (g.rangePresent && !d->rangesMatch(c, key))
                    continue;
                best = c;
                bestPriority = priority;
                break;
            }
        }
    }
    return best;
}

P4LookupResult P4TablePipeline::lookup(const P4FieldValues &key) const
{
    P4LookupResult result;
    const quint32 handle = match(key);
    int action;
    const quint8 *params;
    if (handle != Invalid) {
        result.isHit = true;
        result.handle = handle;
        result.priority = d->records[handle].priority;
        action = d->records[handle].action;
        params = d->params.data() + size_t(handle) * size_t(d->paramSlot);
    } else {
        action = d->defaultAction;
        params = reinterpret_cast<const quint8 *>(d->defaultParams.constData());
    }
    if (action >= 0) {
        const P4ActionInfo *info = d->actions[size_t(action)].info;
        result.actionId = info->id;
        result.action = actionDisplayName(*info);
        result.params = d->paramValues(action, params);
    }
    return result;
}

Result<P4FieldValues> P4TablePipeline::fieldValues(const QHash<QString, QByteArray> &valuesByName) const
{
    P4FieldValues values(qsizetype(d->fields.size()), P4FieldValue(0));
    for (auto it = valuesByName.cbegin(); it != valuesByName.cend(); ++it) {
        const P4MatchFieldInfo *mi = P4Program::matchField(d->info, it.key());
        if (!mi)
            return makeError(QStringLiteral("table %1 has no match field %2").arg(d->tableName, it.key()));
        const qsizetype index = mi - d->info.matchFields.constData();
        const P4FieldValue v = p4FieldValue(it.value());
        if (it.value().size() > 16 || (v & ~d->fields[size_t(index)].max) != 0)
            return makeError(QStringLiteral("field %1: value does not fit in %2 bits").arg(mi->name).arg(mi->bitwidth));
        values[index] = v;
    }
    return values;
}

bool P4TablePipeline::isValidHandle(quint32 handle) const
{
    return handle < d->records.size() && d->records[handle].action != 0xffff;
}

P4TableEntry P4TablePipeline::entry(quint32 handle) const
{
    P4TableEntry e;
    if (!isValidHandle(handle))
        return e;
    const Data::Record &record = d->records[handle];
    const Data::Group &g = d->groups[record.group];
    e.table = d->tableName;
    const auto *keyBytes = reinterpret_cast<const quint8 *>(d->keyOf(handle));
    const auto *maskBytes = reinterpret_cast<const quint8 *>(g.mask.data());
    auto read = [](const quint8 *bytes, const Data::Field &f) {
        return QByteArray(reinterpret_cast<const char *>(bytes) + f.offset, f.bytes);
    };
    for (const Data::Field &f : d->fields) {
        P4FieldMatch m;
        m.field = f.name;
        m.kind = f.kind;
        if (f.kind == P4MatchKind::Range) {
            if (!(g.rangePresent & (quint64(1) << f.rangeIndex)))
                continue;
            const P4FieldValue *r = d->ranges.data() + size_t(handle) * size_t(d->rangeCount) * 2;
            m.value = p4FieldBytes(r[f.rangeIndex * 2], f.bitwidth);
            m.high = p4FieldBytes(r[f.rangeIndex * 2 + 1], f.bitwidth);
            e.matches.append(m);
            continue;
        }
        const QByteArray mask = read(maskBytes, f);
        const P4FieldValue maskValue = p4FieldValue(mask);
        if (maskValue == 0)
            continue;
        m.value = read(keyBytes, f);
        if (f.kind == P4MatchKind::Ternary) {
            m.mask = mask;
        } else if (f.kind == P4MatchKind::Lpm) {
            int length = 0;
            for (char byte : mask)
                length += std::popcount(quint8(byte));
            m.prefixLength = length;
        }
        e.matches.append(m);
    }
    const Data::Action &action = d->actions[record.action];
    e.action = actionDisplayName(*action.info);
    e.params = d->paramValues(record.action, d->params.data() + size_t(handle) * size_t(d->paramSlot));
    e.priority = d->rule == Data::PriorityRule::Priority ? record.priority : 0;
    e.note = d->notes.value(handle);
    return e;
}

QList<P4TableEntry> P4TablePipeline::entries(QList<P4CounterData> *counters) const
{
    QList<P4TableEntry> out;
    out.reserve(d->live);
    if (counters) {
        counters->clear();
        counters->reserve(d->live);
    }
    for (quint32 h = 0; h < d->records.size(); ++h) {
        if (d->records[h].action == 0xffff)
            continue;
        out.append(entry(h));
        if (counters)
            counters->append(d->counters[h]);
    }
    return out;
}

void P4TablePipeline::countHit(quint32 handle, qint64 bytes)
{
    if (!isValidHandle(handle))
        return;
    ++d->counters[handle].packets;
    d->counters[handle].bytes += bytes;
}

P4CounterData P4TablePipeline::counter(quint32 handle) const
{
    return isValidHandle(handle) ? d->counters[handle] : P4CounterData{};
}

void P4TablePipeline::setCounter(quint32 handle, const P4CounterData &data)
{
    if (isValidHandle(handle))
        d->counters[handle] = data;
}

void P4TablePipeline::resetCounters()
{
    std::fill(d->counters.begin(), d->counters.end(), P4CounterData{});
}

Result<void> P4TablePipeline::setDefaultEntry(const P4TableEntry &entry)
{
    if (!entry.matches.isEmpty())
        return makeError(QStringLiteral("a default-action entry has no match fields"));
    if (d->info.constDefaultActionId) {
        const P4ActionInfo *a = d->program.action(entry.action);
        if (!a || a->id != d->info.constDefaultActionId)
            return makeError(QStringLiteral("table %1 has a const default action; it cannot be changed").arg(d->tableName));
    }
    auto action = d->prepareAction(entry, true);
    if (!action)
        return makeError(action.error());
    d->defaultAction = action->first;
    d->defaultParams = action->second;
    P4TableEntry stored = entry;
    stored.table = d->tableName;
    stored.isDefaultAction = true;
    stored.priority = 0;
    stored.action = actionDisplayName(*d->actions[size_t(action->first)].info);
    stored.params = d->paramValues(action->first, reinterpret_cast<const quint8 *>(action->second.constData()));
    d->defaultEntry = stored;
    return {};
}

void P4TablePipeline::resetDefaultEntry()
{
    d->defaultEntry.reset();
    d->defaultAction = d->initialAction;
    d->defaultParams = d->initialParams;
}

std::optional<P4TableEntry> P4TablePipeline::defaultEntry() const
{
    return d->defaultEntry;
}

Result<void> P4TablePipeline::setInitialDefaultAction(const QString &action, const QList<P4ParamValue> &params)
{
    P4TableEntry e;
    e.action = action;
    e.params = params;
    auto prepared = d->prepareAction(e, true);
    if (!prepared)
        return makeError(prepared.error());
    d->initialAction = prepared->first;
    d->initialParams = prepared->second;
    if (!d->defaultEntry) {
        d->defaultAction = d->initialAction;
        d->defaultParams = d->initialParams;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// P4SoftwarePipeline

QString toString(P4UpdateCode code)
{
    switch (code) {
    case P4UpdateCode::Ok: return QStringLiteral("OK");
    case P4UpdateCode::AlreadyExists: return QStringLiteral("ALREADY_EXISTS");
    case P4UpdateCode::NotFound: return QStringLiteral("NOT_FOUND");
    case P4UpdateCode::InvalidArgument: return QStringLiteral("INVALID_ARGUMENT");
    case P4UpdateCode::Aborted: return QStringLiteral("ABORTED");
    case P4UpdateCode::Unknown: break;
    }
    return QStringLiteral("UNKNOWN");
}

QString toString(P4Verdict verdict)
{
    switch (verdict) {
    case P4Verdict::Forward: return QStringLiteral("forward");
    case P4Verdict::ToCpu: return QStringLiteral("to CPU");
    case P4Verdict::Drop: return QStringLiteral("drop");
    case P4Verdict::Unknown: break;
    }
    return QStringLiteral("unknown");
}

struct P4SoftwarePipeline::Data
{
    P4Program program;
    std::vector<P4TablePipeline> tables;
    QHash<QString, int> tableIndex; // name and alias

    // What undoing one applied update needs.
    struct Undo
    {
        P4Update::Type type = P4Update::Type::Insert;
        int table = -1;
        bool isDefault = false;
        P4TableEntry before;              // modify/delete: the entry as it was
        std::optional<P4TableEntry> defaultBefore;
        P4CounterData counters;
    };

    P4UpdateResult applyOne(const P4Update &update, Undo *undo);
    void undo(const Undo &u);
};

P4SoftwarePipeline::P4SoftwarePipeline(const P4Program &program) : d(std::make_unique<Data>())
{
    d->program = program;
    d->tables.reserve(size_t(program.tables().size()));
    for (const P4TableInfo &t : program.tables()) {
        d->tableIndex.insert(t.name, int(d->tables.size()));
        if (!t.alias.isEmpty())
            d->tableIndex.insert(t.alias, int(d->tables.size()));
        d->tables.emplace_back(program, t);
    }
    // The P4 source, not the P4Info, says table0's default is drop (BRAINE: default_action = drop()).
    if (P4TablePipeline *table0 = table(QStringLiteral("table0")); table0 && !table0->info().constDefaultActionId) {
        if (program.action(QStringLiteral("drop")))
            (void)table0->setInitialDefaultAction(QStringLiteral("drop"));
    }
}

P4SoftwarePipeline::~P4SoftwarePipeline() = default;
P4SoftwarePipeline::P4SoftwarePipeline(const P4SoftwarePipeline &other) : d(std::make_unique<Data>(*other.d)) {}
P4SoftwarePipeline &P4SoftwarePipeline::operator=(const P4SoftwarePipeline &other)
{
    if (this != &other)
        d = std::make_unique<Data>(*other.d);
    return *this;
}

const P4Program &P4SoftwarePipeline::program() const
{
    return d->program;
}

P4TablePipeline *P4SoftwarePipeline::table(const QString &nameOrAlias)
{
    const int index = d->tableIndex.value(nameOrAlias, -1);
    return index < 0 ? nullptr : &d->tables[size_t(index)];
}

const P4TablePipeline *P4SoftwarePipeline::table(const QString &nameOrAlias) const
{
    const int index = d->tableIndex.value(nameOrAlias, -1);
    return index < 0 ? nullptr : &d->tables[size_t(index)];
}

P4UpdateResult P4SoftwarePipeline::Data::applyOne(const P4Update &update, Undo *undo)
{
    const P4TableEntry &entry = update.entry;
    const int index = tableIndex.value(entry.table, -1);
    if (index < 0)
        return {P4UpdateCode::InvalidArgument, QStringLiteral("unknown table %1").arg(entry.table)};
    // A delete needs only the key; switches accept it without action.
    if (update.type != P4Update::Type::Delete || entry.isDefaultAction) {
        const QList<P4ValidationError> errors = P4Validation::validate(program, entry);
        if (!errors.isEmpty()) {
            QStringList parts;
            for (const P4ValidationError &e : errors)
                parts.append(e.field.isEmpty() ? e.message : e.field + QLatin1String(": ") + e.message);
            return {P4UpdateCode::InvalidArgument,
                    QStringLiteral("invalid entry for %1: %2").arg(entry.table, parts.join(QLatin1String("; ")))};
        }
    }
    P4TablePipeline &t = tables[size_t(index)];
    if (undo) {
        undo->type = update.type;
        undo->table = index;
        undo->isDefault = entry.isDefaultAction;
    }
    if (entry.isDefaultAction) {
        if (undo)
            undo->defaultBefore = t.defaultEntry();
        if (update.type == P4Update::Type::Delete) {
            t.resetDefaultEntry();
            return {P4UpdateCode::Ok, {}};
        }
        auto set = t.setDefaultEntry(entry);
        if (!set)
            return {P4UpdateCode::InvalidArgument, set.error()};
        return {P4UpdateCode::Ok, {}};
    }
    switch (update.type) {
    case P4Update::Type::Insert: {
        auto inserted = t.insert(entry);
        if (inserted)
            return {P4UpdateCode::Ok, {}};
        if (t.find(entry) != P4TablePipeline::InvalidHandle)
            return {P4UpdateCode::AlreadyExists,
                    QStringLiteral("entry already exists in %1: %2").arg(entry.table, entry.matchKey())};
        return {P4UpdateCode::InvalidArgument, inserted.error()};
    }
    case P4Update::Type::Modify:
    case P4Update::Type::Delete: {
        const quint32 handle = t.find(entry);
        if (handle == P4TablePipeline::InvalidHandle)
            return {P4UpdateCode::NotFound,
                    QStringLiteral("no such entry in %1: %2").arg(entry.table, entry.matchKey())};
        if (undo) {
            undo->before = t.entry(handle);
            undo->counters = t.counter(handle);
        }
        if (update.type == P4Update::Type::Modify) {
            auto modified = t.modify(entry);
            if (!modified)
                return {P4UpdateCode::InvalidArgument, modified.error()};
        } else {
            auto removed = t.remove(entry);
            if (!removed)
                return {P4UpdateCode::InvalidArgument, removed.error()};
        }
        return {P4UpdateCode::Ok, {}};
    }
    }
    return {P4UpdateCode::InvalidArgument, QStringLiteral("unknown update type")};
}

void P4SoftwarePipeline::Data::undo(const Undo &u)
{
    P4TablePipeline &t = tables[size_t(u.table)];
    if (u.isDefault) {
        if (u.defaultBefore)
            (void)t.setDefaultEntry(*u.defaultBefore);
        else
            t.resetDefaultEntry();
        return;
    }
    switch (u.type) {
    case P4Update::Type::Insert:
        break;
    case P4Update::Type::Modify:
        (void)t.modify(u.before);
        return;
    case P4Update::Type::Delete:
        if (auto handle = t.insert(u.before))
            t.setCounter(*handle, u.counters);
        return;
    }
}

P4UpdateResult P4SoftwarePipeline::apply(const P4Update &update)
{
    return d->applyOne(update, nullptr);
}

namespace {
Result<void> toResult(const P4UpdateResult &result)
{
    if (result.isOk())
        return {};
    return makeError(result.message);
}
} // namespace

Result<void> P4SoftwarePipeline::insert(const P4TableEntry &entry)
{
    return toResult(d->applyOne({P4Update::Type::Insert, entry}, nullptr));
}

Result<void> P4SoftwarePipeline::modify(const P4TableEntry &entry)
{
    return toResult(d->applyOne({P4Update::Type::Modify, entry}, nullptr));
}

Result<void> P4SoftwarePipeline::remove(const P4TableEntry &entry)
{
    return toResult(d->applyOne({P4Update::Type::Delete, entry}, nullptr));
}

QList<P4UpdateResult> P4SoftwarePipeline::write(const QList<P4Update> &updates, P4WriteAtomicity atomicity)
{
    const bool rollback = atomicity == P4WriteAtomicity::RollbackOnError;
    QList<P4UpdateResult> results;
    results.reserve(updates.size());
    std::vector<Data::Undo> undos(rollback ? size_t(updates.size()) : 0);
    int firstFailure = -1;
    for (qsizetype i = 0; i < updates.size(); ++i) {
        results.append(d->applyOne(updates[i], rollback ? &undos[size_t(i)] : nullptr));
        if (!results.last().isOk() && firstFailure < 0)
            firstFailure = int(i);
    }
    if (rollback && firstFailure >= 0) {
        for (qsizetype i = updates.size() - 1; i >= 0; --i) {
            if (!results[i].isOk())
                continue;
            const Data::Undo &u = undos[size_t(i)];
            if (u.type == P4Update::Type::Insert && !u.isDefault)
                (void)d->tables[size_t(u.table)].remove(updates[i].entry);
            else
                d->undo(u);
            results[i] = {P4UpdateCode::Aborted,
                          QStringLiteral("rolled back: update #%1 of the batch failed").arg(firstFailure)};
        }
    }
    return results;
}

QList<P4TableEntry> P4SoftwarePipeline::entries(const QString &table, QList<P4CounterData> *counters) const
{
    QList<P4TableEntry> out;
    if (counters)
        counters->clear();
    auto add = [&](const P4TablePipeline &t) {
        QList<P4CounterData> tableCounters;
        out.append(t.entries(counters ? &tableCounters : nullptr));
        if (counters)
            counters->append(tableCounters);
        if (auto def = t.defaultEntry()) {
            out.append(*def);
            if (counters)
                counters->append(P4CounterData{});
        }
    };
    if (table.isEmpty()) {
        for (const P4TablePipeline &t : d->tables)
            add(t);
    } else if (const P4TablePipeline *t = this->table(table)) {
        add(*t);
    }
    return out;
}

qsizetype P4SoftwarePipeline::entryCount() const
{
    qsizetype count = 0;
    for (const P4TablePipeline &t : d->tables)
        count += t.size();
    return count;
}

void P4SoftwarePipeline::clear()
{
    const P4Program program = d->program;
    *this = P4SoftwarePipeline(program);
}

Result<P4LookupResult> P4SoftwarePipeline::lookup(const QString &table, const P4FieldValues &key) const
{
    const P4TablePipeline *t = this->table(table);
    if (!t)
        return makeError(QStringLiteral("program %1 has no table %2").arg(d->program.name(), table));
    if (key.size() != t->info().matchFields.size())
        return makeError(QStringLiteral("table %1 has %2 match fields, the key gives %3")
                             .arg(table)
                             .arg(t->info().matchFields.size())
                             .arg(key.size()));
    return t->lookup(key);
}

// ---------------------------------------------------------------------------------------------
// Packet headers

namespace {

QString macText(quint64 mac)
{
    QString out;
    for (int i = 5; i >= 0; --i) {
        out += QStringLiteral("%1").arg(quint8(mac >> (8 * i)), 2, 16, QLatin1Char('0'));
        if (i)
            out += QLatin1Char(':');
    }
    return out;
}

QString ipText(quint32 ip)
{
    return QStringLiteral("%1.%2.%3.%4").arg(ip >> 24).arg((ip >> 16) & 0xff).arg((ip >> 8) & 0xff).arg(ip & 0xff);
}

std::optional<quint64> parseNumber(const QString &text, int bits)
{
    bool ok = false;
    quint64 v;
    if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        v = text.mid(2).toULongLong(&ok, 16);
    else
        v = text.toULongLong(&ok, 10);
    if (!ok || (bits < 64 && v >> bits))
        return std::nullopt;
    return v;
}

std::optional<quint32> parseIp(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    quint32 ip = 0;
    for (const QString &part : parts) {
        bool ok = false;
        const uint v = part.toUInt(&ok, 10);
        if (!ok || v > 255 || part.isEmpty())
            return std::nullopt;
        ip = (ip << 8) | v;
    }
    return ip;
}

std::optional<quint64> parseMac(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 6)
        return std::nullopt;
    quint64 mac = 0;
    for (const QString &part : parts) {
        bool ok = false;
        const uint v = part.toUInt(&ok, 16);
        if (!ok || v > 255 || part.isEmpty() || part.size() > 2)
            return std::nullopt;
        mac = (mac << 8) | v;
    }
    return mac;
}

std::optional<quint8> parseProtocol(const QString &text)
{
    if (text.compare(QLatin1String("tcp"), Qt::CaseInsensitive) == 0)
        return quint8(6);
    if (text.compare(QLatin1String("udp"), Qt::CaseInsensitive) == 0)
        return quint8(17);
    if (text.compare(QLatin1String("icmp"), Qt::CaseInsensitive) == 0)
        return quint8(1);
    if (auto v = parseNumber(text, 8))
        return quint8(*v);
    return std::nullopt;
}

void formatLayer(QStringList &out, const P4PacketHeaders::Layer &layer, const QString &prefix)
{
    if (layer.ethSrc)
        out << prefix + QLatin1String("eth_src=") + macText(layer.ethSrc);
    if (layer.ethDst)
        out << prefix + QLatin1String("eth_dst=") + macText(layer.ethDst);
    if (layer.etherType != 0x0800)
        out << prefix + QLatin1String("eth_type=0x") + QString::number(layer.etherType, 16);
    out << prefix + QLatin1String("ip_src=") + ipText(layer.ipSrc) << prefix + QLatin1String("ip_dst=") + ipText(layer.ipDst)
        << prefix + QLatin1String("proto=") + QString::number(layer.ipProtocol)
        << prefix + QLatin1String("sport=") + QString::number(layer.l4Src)
        << prefix + QLatin1String("dport=") + QString::number(layer.l4Dst);
}

// Ethernet (one VLAN tag skipped), IPv4, TCP/UDP from `at`; returns the offset after L4 or -1.
qsizetype parseLayer(const QByteArray &frame, qsizetype at, P4PacketHeaders::Layer &layer)
{
    const auto *b = reinterpret_cast<const quint8 *>(frame.constData());
    const qsizetype n = frame.size();
    auto be16 = [&](qsizetype i) { return quint16((b[i] << 8) | b[i + 1]); };
    auto be32 = [&](qsizetype i) { return (quint32(be16(i)) << 16) | be16(i + 2); };
    if (n - at < 14)
        return -1;
    layer = {};
    for (int i = 0; i < 6; ++i) {
        layer.ethDst = (layer.ethDst << 8) | b[at + i];
        layer.ethSrc = (layer.ethSrc << 8) | b[at + 6 + i];
    }
    layer.etherType = be16(at + 12);
    at += 14;
    if (layer.etherType == 0x8100 && n - at >= 4) {
        layer.etherType = be16(at + 2);
        at += 4;
    }
    if (layer.etherType != 0x0800 || n - at < 20)
        return at;
    const int ihl = (b[at] & 0x0f) * 4;
    layer.ipProtocol = b[at + 9];
    layer.ipSrc = be32(at + 12);
    layer.ipDst = be32(at + 16);
    if (ihl < 20 || n - at < ihl)
        return at;
    at += ihl;
    if ((layer.ipProtocol == 6 || layer.ipProtocol == 17) && n - at >= 4) {
        layer.l4Src = be16(at);
        layer.l4Dst = be16(at + 2);
        at += layer.ipProtocol == 17 ? 8 : 20;
    }
    return at;
}

} // namespace

Result<P4PacketHeaders> P4PacketHeaders::parse(const QString &text)
{
    P4PacketHeaders h;
    const QStringList tokens = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        if (token == QLatin1String("vxlan")) {
            if (!h.inner)
                h.inner = Layer{};
            continue;
        }
        const qsizetype eq = token.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return makeError(QStringLiteral("'%1' is not key=value").arg(token));
        QString key = token.left(eq);
        const QString value = token.mid(eq + 1);
        auto bad = [&](const QString &what) {
            return makeError(QStringLiteral("%1: '%2' is not %3").arg(key, value, what));
        };
        if (key == QLatin1String("in_port")) {
            auto v = parseNumber(value, 9);
            if (!v)
                return bad(QStringLiteral("a port (0..511)"));
            h.ingressPort = quint16(*v);
            continue;
        }
        if (key == QLatin1String("len")) {
            auto v = parseNumber(value, 32);
            if (!v)
                return bad(QStringLiteral("a length in bytes"));
            h.lengthBytes = qint64(*v);
            continue;
        }
        Layer *layer = &h.outer;
        if (key.startsWith(QLatin1String("inner_"))) {
            if (!h.inner)
                h.inner = Layer{};
            layer = &*h.inner;
            key = key.mid(6);
        }
        if (key == QLatin1String("eth_src") || key == QLatin1String("eth_dst")) {
            auto v = parseMac(value);
            if (!v)
                return bad(QStringLiteral("a MAC address"));
            (key == QLatin1String("eth_src") ? layer->ethSrc : layer->ethDst) = *v;
        } else if (key == QLatin1String("eth_type")) {
            auto v = parseNumber(value, 16);
            if (!v)
                return bad(QStringLiteral("an ether type (0x800)"));
            layer->etherType = quint16(*v);
        } else if (key == QLatin1String("ip_src") || key == QLatin1String("ip_dst")) {
            auto v = parseIp(value);
            if (!v)
                return bad(QStringLiteral("an IPv4 address"));
            (key == QLatin1String("ip_src") ? layer->ipSrc : layer->ipDst) = *v;
        } else if (key == QLatin1String("proto")) {
            auto v = parseProtocol(value);
            if (!v)
                return bad(QStringLiteral("an IP protocol (6, 17, tcp, udp)"));
            layer->ipProtocol = *v;
        } else if (key == QLatin1String("sport") || key == QLatin1String("dport")) {
            auto v = parseNumber(value, 16);
            if (!v)
                return bad(QStringLiteral("a port (0..65535)"));
            (key == QLatin1String("sport") ? layer->l4Src : layer->l4Dst) = quint16(*v);
        } else {
            return makeError(QStringLiteral("unknown key %1 (in_port, eth_src, eth_dst, eth_type, ip_src, ip_dst, "
                                            "proto, sport, dport, vxlan, inner_..., len)")
                                 .arg(token.left(eq)));
        }
    }
    return h;
}

QString P4PacketHeaders::toString() const
{
    QStringList out;
    out << QStringLiteral("in_port=%1").arg(ingressPort);
    formatLayer(out, outer, QString());
    if (inner) {
        out << QStringLiteral("vxlan");
        formatLayer(out, *inner, QStringLiteral("inner_"));
    }
    if (lengthBytes != 64)
        out << QStringLiteral("len=%1").arg(lengthBytes);
    return out.join(QLatin1Char(' '));
}

Result<P4PacketHeaders> P4PacketHeaders::fromFrame(const QByteArray &frame, quint16 ingressPort)
{
    P4PacketHeaders h;
    h.ingressPort = ingressPort;
    h.lengthBytes = frame.size();
    const qsizetype next = parseLayer(frame, 0, h.outer);
    if (next < 0)
        return makeError(QStringLiteral("frame of %1 bytes is shorter than an Ethernet header").arg(frame.size()));
    if (h.outer.etherType == 0x0800 && h.outer.ipProtocol == 17 && h.outer.l4Dst == VxlanPort) {
        Layer inner;
        if (parseLayer(frame, next + 8, inner) >= 0) // 8: VXLAN header
            h.inner = inner;
    }
    return h;
}

// ---------------------------------------------------------------------------------------------
// Dry-run of the reference program

namespace {

struct Metadata
{
    quint16 ingressPort = 0;
    P4PacketHeaders::Layer layer;
};

// local_metadata as the reference parser fills it: L3 only for IPv4, L4 only for TCP/UDP.
std::optional<P4FieldValue> metadataValue(const Metadata &m, const QString &fieldName)
{
    const QString name = fieldName.section(QLatin1Char('.'), -1);
    const bool isIp = m.layer.etherType == 0x0800;
    const bool hasL4 = isIp && (m.layer.ipProtocol == 6 || m.layer.ipProtocol == 17);
    if (name == QLatin1String("ingress_port"))
        return m.ingressPort;
    if (name == QLatin1String("l2_src"))
        return m.layer.ethSrc;
    if (name == QLatin1String("l2_dst"))
        return m.layer.ethDst;
    if (name == QLatin1String("ether_type"))
        return m.layer.etherType;
    if (name == QLatin1String("l3_src"))
        return isIp ? m.layer.ipSrc : 0;
    if (name == QLatin1String("l3_dst"))
        return isIp ? m.layer.ipDst : 0;
    if (name == QLatin1String("ip_proto"))
        return isIp ? m.layer.ipProtocol : 0;
    if (name == QLatin1String("l4_src"))
        return hasL4 ? m.layer.l4Src : 0;
    if (name == QLatin1String("l4_dst"))
        return hasL4 ? m.layer.l4Dst : 0;
    return std::nullopt;
}

QString paramsText(const P4Program &program, const QString &action, const QList<P4ParamValue> &params)
{
    const P4ActionInfo *info = program.action(action);
    QStringList parts;
    for (const P4ParamValue &p : params) {
        const P4ActionParamInfo *pi = info ? P4Program::param(*info, p.name) : nullptr;
        parts << p.name + QLatin1Char('=') + P4Values::format(p.value, pi ? pi->bitwidth : p.value.size() * 8, p.name);
    }
    return action + QLatin1Char('(') + parts.join(QLatin1String(", ")) + QLatin1Char(')');
}

quint64 paramNumber(const QList<P4ParamValue> &params, const QString &name)
{
    for (const P4ParamValue &p : params) {
        if (p.name == name)
            return quint64(p4FieldValue(p.value));
    }
    return 0;
}

} // namespace

P4PacketTrace P4SoftwarePipeline::evaluate(const P4PacketHeaders &packet, P4EvaluationMode mode)
{
    P4PacketTrace trace;
    const QStringList tableNames = {QStringLiteral("table0"), QStringLiteral("postcard_telemetry"),
                                    QStringLiteral("int_insert"), QStringLiteral("generate_report")};
    for (const QString &name : tableNames) {
        if (!table(name)) {
            trace.error = QStringLiteral("program %1 has no table %2: the packet dry-run follows the reference "
                                         "program (braine_int); look tables up one by one instead")
                              .arg(d->program.name().isEmpty() ? QStringLiteral("(unnamed)") : d->program.name(), name);
            trace.explanation = trace.error;
            return trace;
        }
    }
    trace.isValid = true;
    QStringList lines;

    // Parser: outer headers, overwritten by the inner ones for VXLAN (UDP dst 8472).
    Metadata meta;
    meta.ingressPort = packet.ingressPort;
    meta.layer = packet.outer;
    const bool isVxlan = packet.outer.etherType == 0x0800 && packet.outer.ipProtocol == 17
                         && packet.outer.l4Dst == P4PacketHeaders::VxlanPort;
    if (isVxlan && packet.inner) {
        trace.usesInnerHeaders = true;
        meta.layer = *packet.inner;
        lines << QStringLiteral("parser: VXLAN (UDP dst %1): keys from the inner headers").arg(P4PacketHeaders::VxlanPort);
    } else if (isVxlan) {
        lines << QStringLiteral("parser: UDP dst %1 but no inner headers given: keys from the outer headers")
                     .arg(P4PacketHeaders::VxlanPort);
    } else {
        lines << QStringLiteral("parser: keys from the outer headers");
    }
    const P4TablePipeline *table0Pipeline = table(tableNames[0]);
    for (const P4MatchFieldInfo &f : table0Pipeline->info().matchFields) {
        const P4FieldValue v = metadataValue(meta, f.name).value_or(0);
        trace.keyFields.append({f.name, P4Values::format(p4FieldBytes(v, f.bitwidth), f.bitwidth, f.name)});
    }
    QStringList keyParts;
    for (const auto &[name, value] : std::as_const(trace.keyFields))
        keyParts << name.section(QLatin1Char('.'), -1) + QLatin1Char('=') + value;
    lines << QLatin1String("  ") + keyParts.join(QLatin1Char(' '));

    auto applyTable = [&](const QString &name) {
        P4TablePipeline *t = table(name);
        P4TableStep step;
        step.table = name;
        step.isApplied = true;
        P4FieldValues key;
        for (const P4MatchFieldInfo &f : t->info().matchFields) {
            const auto v = metadataValue(meta, f.name);
            if (!v)
                lines << QStringLiteral("  %1: field %2 is not local metadata the dry-run knows; 0 used").arg(name, f.name);
            key.append(v.value_or(0) & widthMask(f.bitwidth));
        }
        const P4LookupResult r = t->lookup(key);
        step.isHit = r.isHit;
        step.handle = r.handle;
        step.priority = r.priority;
        step.action = r.action;
        step.params = r.params;
        const QString actionText = r.action.isEmpty() ? QStringLiteral("no action")
                                                      : paramsText(d->program, r.action, r.params);
        if (r.isHit) {
            const P4TableEntry e = t->entry(r.handle);
            step.matchKey = e.matchKey();
            step.entryText = P4EntryText::format(d->program, e);
            if (mode == P4EvaluationMode::Process)
                t->countHit(r.handle, packet.lengthBytes);
            lines << QStringLiteral("%1: hit entry #%2 [%3] -> %4").arg(name).arg(r.handle).arg(step.entryText, actionText);
        } else {
            step.entryText = QStringLiteral("default action");
            lines << QStringLiteral("%1: miss -> default action %2").arg(name, actionText);
        }
        trace.steps.append(step);
        return r;
    };
    auto skipTable = [&](const QString &name, const QString &reason) {
        P4TableStep step;
        step.table = name;
        step.skipReason = reason;
        trace.steps.append(step);
        lines << QStringLiteral("%1: not applied (%2)").arg(name, reason);
    };

    // Ingress.
    const P4LookupResult forwarding = applyTable(tableNames[0]);
    const QString forwardingAction = forwarding.action.section(QLatin1Char('.'), -1);
    if (forwardingAction == QLatin1String("set_egress_port")) {
        trace.verdict = P4Verdict::Forward;
        trace.egressPort = int(paramNumber(forwarding.params, QStringLiteral("port")));
    } else if (forwardingAction == QLatin1String("send_to_cpu")) {
        trace.verdict = P4Verdict::ToCpu;
    } else if (forwardingAction == QLatin1String("drop")) {
        trace.verdict = P4Verdict::Drop;
    } else {
        // v1model: nothing set egress_spec, so it stays 0.
        trace.verdict = P4Verdict::Forward;
        trace.egressPort = 0;
    }
    const P4LookupResult postcard = applyTable(tableNames[1]);
    if (postcard.action.section(QLatin1Char('.'), -1) == QLatin1String("activate_postcard"))
        trace.postcardFlowId = quint32(paramNumber(postcard.params, QStringLiteral("flow_id")));

    // Egress, on the postcard clone (an I2E clone is made even when the original is dropped).
    if (trace.postcardFlowId) {
        const P4LookupResult insert = applyTable(tableNames[2]);
        if (insert.action.section(QLatin1Char('.'), -1) == QLatin1String("init_metadata"))
            trace.switchId = quint32(paramNumber(insert.params, QStringLiteral("switch_id")));
        applyTable(tableNames[3]);
    } else {
        const QString reason = QStringLiteral("no postcard activated: the egress report tables run on the postcard clone only");
        skipTable(tableNames[2], reason);
        skipTable(tableNames[3], reason);
    }

    switch (trace.verdict) {
    case P4Verdict::Forward:
        lines << QStringLiteral("verdict: forward to port %1").arg(trace.egressPort);
        break;
    case P4Verdict::ToCpu:
        lines << QStringLiteral("verdict: to the CPU (packet-in to the controller)");
        break;
    case P4Verdict::Drop:
        lines << QStringLiteral("verdict: drop");
        break;
    case P4Verdict::Unknown:
        break;
    }
    if (trace.postcardFlowId) {
        lines << QStringLiteral("postcard: flow %1 reported by switch %2")
                     .arg(*trace.postcardFlowId)
                     .arg(trace.switchId ? QString::number(*trace.switchId) : QStringLiteral("(no switch id set)"));
    }
    trace.explanation = lines.join(QLatin1Char('\n'));
    return trace;
}

} // namespace Continuo
