#include "models/P4EntryModel.h"

#include <QFont>
#include <QLocale>

namespace Continuo::Gui {

P4EntryModel::P4EntryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void P4EntryModel::setTable(const P4Program &program, const QString &table)
{
    beginResetModel();
    m_program = program;
    m_table = m_program.isNull() ? nullptr : m_program.table(table);
    m_base.clear();
    m_pending.clear();
    m_pendingOrder.clear();
    m_rows.clear();
    m_rowByKey.clear();
    endResetModel();
    Q_EMIT pendingChanged(0);
}

void P4EntryModel::setEntries(const QList<P4EntryStatus> &entries)
{
    m_base.clear();
    if (m_table) {
        for (const P4EntryStatus &status : entries) {
            // Entries may name the table by alias or full name.
            const P4TableInfo *table = m_program.table(status.entry.table);
            if (table != m_table)
                continue;
            // One spelling of the table, so match keys (which include it) compare.
            m_base.append(status);
            m_base.last().entry.table = m_table->name;
        }
    }
    beginResetModel();
    rebuild();
    endResetModel();
}

void P4EntryModel::updateCounters(const QList<P4EntryStatus> &input)
{
    if (!m_table)
        return;
    QList<P4EntryStatus> entries = input;
    for (P4EntryStatus &status : entries)
        status.entry.table = m_table->name;
    int first = -1;
    int last = -1;
    for (const P4EntryStatus &status : std::as_const(entries)) {
        const int row = m_rowByKey.value(status.entry.matchKey(), -1);
        if (row < 0)
            continue;
        Row &r = m_rows[row];
        if (r.hasCounters == status.hasCounters && r.counters == status.counters)
            continue;
        r.hasCounters = status.hasCounters;
        r.counters = status.counters;
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    // Keep the base in step so a later rebuild shows the same numbers.
    QHash<QString, const P4EntryStatus *> fresh;
    for (const P4EntryStatus &status : entries)
        fresh.insert(status.entry.matchKey(), &status);
    for (P4EntryStatus &status : m_base) {
        if (const P4EntryStatus *update = fresh.value(status.entry.matchKey())) {
            status.hasCounters = update->hasCounters;
            status.counters = update->counters;
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, packetsColumn()), index(last, bytesColumn()),
                           {Qt::DisplayRole, SortRole});
}

void P4EntryModel::stage(const P4TableEntry &staged, const QString &originalKey)
{
    if (!m_table)
        return;
    P4TableEntry entry = staged;
    entry.table = m_table->name;
    const QString key = entry.matchKey();
    if (!originalKey.isEmpty() && originalKey != key) {
        if (const P4TableEntry *original = baseEntry(originalKey)) {
            m_pending.insert(originalKey, P4Update{P4Update::Type::Delete, *original});
            if (!m_pendingOrder.contains(originalKey))
                m_pendingOrder.append(originalKey);
        } else {
            m_pending.remove(originalKey);
            m_pendingOrder.removeAll(originalKey);
        }
    }
    P4Update update;
    update.type = baseEntry(key) ? P4Update::Type::Modify : P4Update::Type::Insert;
    update.entry = entry;
    m_pending.insert(key, update);
    if (!m_pendingOrder.contains(key))
        m_pendingOrder.append(key);
    beginResetModel();
    rebuild();
    endResetModel();
    Q_EMIT pendingChanged(pendingCount());
}

const P4TableEntry *P4EntryModel::baseEntry(const QString &matchKey) const
{
    for (const P4EntryStatus &status : m_base) {
        if (status.entry.matchKey() == matchKey)
            return &status.entry;
    }
    return nullptr;
}

void P4EntryModel::stageDelete(const QString &matchKey)
{
    const int row = rowOfKey(matchKey);
    if (row < 0)
        return;
    if (m_rows.at(row).staging == Staging::Insert) {
        unstage(matchKey);
        return;
    }
    // Delete the entry as the switch knows it (the base version, not a staged edit).
    const P4TableEntry *base = baseEntry(matchKey);
    const P4TableEntry original = base ? *base : m_rows.at(row).entry;
    m_pending.insert(matchKey, P4Update{P4Update::Type::Delete, original});
    if (!m_pendingOrder.contains(matchKey))
        m_pendingOrder.append(matchKey);
    beginResetModel();
    rebuild();
    endResetModel();
    Q_EMIT pendingChanged(pendingCount());
}

void P4EntryModel::unstage(const QString &matchKey)
{
    if (!m_pending.remove(matchKey))
        return;
    m_pendingOrder.removeAll(matchKey);
    beginResetModel();
    rebuild();
    endResetModel();
    Q_EMIT pendingChanged(pendingCount());
}

void P4EntryModel::clearPending()
{
    if (m_pending.isEmpty())
        return;
    m_pending.clear();
    m_pendingOrder.clear();
    beginResetModel();
    rebuild();
    endResetModel();
    Q_EMIT pendingChanged(0);
}

QList<P4Update> P4EntryModel::pendingUpdates() const
{
    QList<P4Update> updates;
    updates.reserve(m_pendingOrder.size());
    for (const QString &key : m_pendingOrder)
        updates.append(m_pending.value(key));
    return updates;
}

QList<P4TableEntry> P4EntryModel::desiredWithPending() const
{
    QList<P4TableEntry> entries;
    entries.reserve(m_rows.size());
    for (const Row &row : m_rows) {
        switch (row.staging) {
        case Staging::Insert:
        case Staging::Modify:
            entries.append(row.entry);
            break;
        case Staging::Unchanged:
            if (row.desired)
                entries.append(row.entry);
            break;
        case Staging::Delete:
        case Staging::Unknown:
            break;
        }
    }
    return entries;
}

void P4EntryModel::rebuild()
{
    m_rows.clear();
    m_rowByKey.clear();
    m_rows.reserve(m_base.size() + m_pending.size());
    for (const P4EntryStatus &status : std::as_const(m_base)) {
        Row row;
        row.entry = status.entry;
        row.desired = status.desired;
        row.installed = status.installed;
        row.hasCounters = status.hasCounters;
        row.counters = status.counters;
        const QString key = status.entry.matchKey();
        if (m_rowByKey.contains(key))
            continue; // one row per key; the controller never reports two
        const auto pending = m_pending.constFind(key);
        if (pending != m_pending.cend()) {
            if (pending->type == P4Update::Type::Delete) {
                row.staging = Staging::Delete;
            } else {
                row.staging = Staging::Modify;
                row.entry = pending->entry;
            }
        }
        m_rowByKey.insert(key, int(m_rows.size()));
        m_rows.append(row);
    }
    for (const QString &key : std::as_const(m_pendingOrder)) {
        if (m_rowByKey.contains(key))
            continue;
        const P4Update &update = m_pending[key];
        if (update.type == P4Update::Type::Delete)
            continue; // the entry went away meanwhile: nothing left to delete
        Row row;
        row.entry = update.entry;
        row.staging = Staging::Insert;
        m_rowByKey.insert(key, int(m_rows.size()));
        m_rows.append(row);
    }
}

const P4TableEntry *P4EntryModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).entry : nullptr;
}

P4EntryModel::Staging P4EntryModel::stagingAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).staging : Staging::Unknown;
}

QString P4EntryModel::paramsText(const P4Program &program, const P4TableEntry &entry)
{
    const P4ActionInfo *action = program.action(entry.action);
    QStringList parts;
    for (const P4ParamValue &param : entry.params) {
        const P4ActionParamInfo *info = action ? P4Program::param(*action, param.name) : nullptr;
        const QString value = info ? P4Values::format(param.value, info->bitwidth, param.name)
                                   : QString::fromLatin1(param.value.toHex());
        parts.append(param.name + QLatin1Char('=') + value);
    }
    return parts.join(QStringLiteral(", "));
}

QString P4EntryModel::stateText(const Row &row) const
{
    switch (row.staging) {
    case Staging::Insert:
        return tr("pending insert");
    case Staging::Modify:
        return tr("pending modify");
    case Staging::Delete:
        return tr("pending delete");
    case Staging::Unchanged:
    case Staging::Unknown:
        break;
    }
    if (row.desired && row.installed)
        return tr("installed");
    if (row.desired)
        return tr("desired, not installed");
    if (row.installed)
        return tr("installed, not desired");
    return tr("unknown");
}

int P4EntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int P4EntryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : noteColumn() + 1;
}

QVariant P4EntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_table)
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case MatchKeyRole:
        return row.entry.matchKey();
    case StagingRole:
        return int(row.staging);
    case InstalledRole:
        return row.installed;
    case DesiredRole:
        return row.desired;
    case Qt::FontRole:
        if (row.staging == Staging::Unchanged)
            return {};
        {
            QFont font;
            font.setItalic(true);
            font.setStrikeOut(row.staging == Staging::Delete);
            return font;
        }
    case Qt::TextAlignmentRole:
        if (column == priorityColumn() || column == packetsColumn() || column == bytesColumn())
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
        break;
    default:
        return {};
    }
    if (column < fieldColumnCount()) {
        const P4MatchFieldInfo &field = m_table->matchFields.at(column);
        for (const P4FieldMatch &match : row.entry.matches) {
            if (match.field == field.name || P4Program::matchField(*m_table, match.field) == &field)
                return P4Values::formatMatch(field, match);
        }
        return QStringLiteral("*");
    }
    if (column == actionColumn()) {
        const P4ActionInfo *action = m_program.action(row.entry.action);
        const QString name = action ? action->alias : row.entry.action;
        return row.entry.isDefaultAction ? tr("%1 (default)").arg(name) : name;
    }
    if (column == paramsColumn())
        return paramsText(m_program, row.entry);
    if (column == priorityColumn())
        return role == SortRole ? QVariant(row.entry.priority) : QVariant(QString::number(row.entry.priority));
    if (column == packetsColumn() || column == bytesColumn()) {
        const qint64 value = column == packetsColumn() ? row.counters.packets : row.counters.bytes;
        if (role == SortRole)
            return row.hasCounters ? value : qint64(-1);
        return row.hasCounters ? QLocale().toString(value) : QStringLiteral("—");
    }
    if (column == stateColumn())
        return stateText(row);
    if (column == noteColumn())
        return row.entry.note;
    return {};
}

QVariant P4EntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || !m_table || section < 0 || section >= columnCount())
        return {};
    if (section < fieldColumnCount()) {
        const P4MatchFieldInfo &field = m_table->matchFields.at(section);
        if (role == Qt::DisplayRole)
            return field.name.section(QLatin1Char('.'), -1);
        if (role == Qt::ToolTipRole)
            return tr("%1 (%2, %n bit(s))", nullptr, field.bitwidth).arg(field.name, toString(field.kind));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    if (section == actionColumn())
        return tr("Action");
    if (section == paramsColumn())
        return tr("Parameters");
    if (section == priorityColumn())
        return tr("Priority");
    if (section == packetsColumn())
        return tr("Packets");
    if (section == bytesColumn())
        return tr("Bytes");
    if (section == stateColumn())
        return tr("State");
    if (section == noteColumn())
        return tr("Note");
    return {};
}

} // namespace Continuo::Gui
