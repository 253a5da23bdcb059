#pragma once

#include "network/NetworkTypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Continuo::Gui {

/// The entries of one table of one switch with the operator's staged (pending) changes laid
/// over them: one row per entry, one column per match field of the table, then action,
/// parameters, priority, direct counters, state and note. Rows are keyed by
/// P4TableEntry::matchKey(); counter refreshes change only the counter cells. Staging a change
/// rebuilds the rows (O(n) with a hash by key), which stays cheap at table sizes (64k).
class P4EntryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// Where a row stands relative to the staged changes.
    enum class Staging { Unknown, Unchanged, Insert, Modify, Delete };
    Q_ENUM(Staging)

    enum Roles {
        MatchKeyRole = Qt::UserRole + 1, ///< QString
        StagingRole,                     ///< int (Staging)
        InstalledRole,                   ///< bool
        DesiredRole,                     ///< bool
        SortRole                         ///< a value that sorts the column sensibly
    };
    Q_ENUM(Roles)

    explicit P4EntryModel(QObject *parent = nullptr);

    /// Columns follow the table's match fields; entries and pending changes are dropped.
    void setTable(const P4Program &program, const QString &table);
    const P4Program &program() const { return m_program; }
    /// The table shown (its P4Info name), empty when none.
    QString table() const { return m_table ? m_table->name : QString(); }
    const P4TableInfo *tableInfo() const { return m_table; }

    /// Replace the switch's entries (desired and installed); pending changes stay staged.
    /// Entries of other tables are ignored; every entry is stored under the table's full name
    /// (match keys include the table as spelled, and the controller may use the alias).
    void setEntries(const QList<P4EntryStatus> &entries);
    /// Fresh counters read from the switch; only counter cells change (dataChanged).
    void updateCounters(const QList<P4EntryStatus> &input);

    /// Stage `entry` (stored under the table's full name). It replaces the entry whose key was `originalKey` (empty: a new one):
    /// a changed key stages a delete of the old entry and an insert (or modify) of the new.
    void stage(const P4TableEntry &entry, const QString &originalKey = {});
    /// Stage the deletion of the entry with this key (a pending insert is simply dropped).
    void stageDelete(const QString &matchKey);
    /// Drop the staged change of one key, or all of them.
    void unstage(const QString &matchKey);
    void clearPending();
    bool hasPending() const { return !m_pendingOrder.isEmpty(); }
    int pendingCount() const { return int(m_pendingOrder.size()); }
    /// The staged changes as P4Runtime updates, in the order they were staged.
    QList<P4Update> pendingUpdates() const;
    /// What the table should hold once the pending changes apply: desired entries plus
    /// staged inserts and modifications, minus staged deletions.
    QList<P4TableEntry> desiredWithPending() const;

    const P4TableEntry *entryAt(int row) const;
    Staging stagingAt(int row) const;
    int rowOfKey(const QString &matchKey) const { return m_rowByKey.value(matchKey, -1); }

    int fieldColumnCount() const { return m_table ? int(m_table->matchFields.size()) : 0; }
    int actionColumn() const { return fieldColumnCount(); }
    int paramsColumn() const { return fieldColumnCount() + 1; }
    int priorityColumn() const { return fieldColumnCount() + 2; }
    int packetsColumn() const { return fieldColumnCount() + 3; }
    int bytesColumn() const { return fieldColumnCount() + 4; }
    int stateColumn() const { return fieldColumnCount() + 5; }
    int noteColumn() const { return fieldColumnCount() + 6; }

    /// "set_egress_port(port=2)"-style text of an entry's parameters.
    static QString paramsText(const P4Program &program, const P4TableEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The staged changes changed (count for the pane's label).
    void pendingChanged(int count);

private:
    struct Row
    {
        P4TableEntry entry;
        bool desired = false;
        bool installed = false;
        bool hasCounters = false;
        P4CounterData counters;
        Staging staging = Staging::Unchanged;
    };

    void rebuild();
    /// The entry with this key as the switch reported it (O(n)), or null.
    const P4TableEntry *baseEntry(const QString &matchKey) const;
    QString stateText(const Row &row) const;

    P4Program m_program;
    const P4TableInfo *m_table = nullptr;
    QList<P4EntryStatus> m_base;
    QHash<QString, P4Update> m_pending; ///< by match key
    QStringList m_pendingOrder;
    QList<Row> m_rows;
    QHash<QString, int> m_rowByKey;
};

} // namespace Continuo::Gui
