#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <utility>

namespace Continuo::Internal {

/// Owns one prepared SQLite statement (the state store and the telemetry store share it).
class SqliteStatement
{
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt *statement)
        : m_statement(statement)
    {
    }
    ~SqliteStatement() { sqlite3_finalize(m_statement); }
    SqliteStatement(SqliteStatement &&other) noexcept
        : m_statement(std::exchange(other.m_statement, nullptr))
    {
    }
    SqliteStatement &operator=(SqliteStatement &&other) noexcept
    {
        std::swap(m_statement, other.m_statement);
        return *this;
    }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }

    void bind(int index, qint64 value) { sqlite3_bind_int64(m_statement, index, value); }
    /// Binds UTF-8 text (copied).
    void bind(int index, const QByteArray &utf8)
    {
        sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    void bind(int index, const QString &text) { bind(index, text.toUtf8()); }
    void bindNull(int index) { sqlite3_bind_null(m_statement, index); }
    /// An empty array binds NULL. The bytes must stay alive until the statement is reset.
    void bindBlobOrNull(int index, const QByteArray &bytes)
    {
        if (bytes.isEmpty())
            sqlite3_bind_null(m_statement, index);
        else
            sqlite3_bind_blob(m_statement, index, bytes.constData(), int(bytes.size()),
                              SQLITE_STATIC);
    }

    int step() { return sqlite3_step(m_statement); }
    /// Ready the statement for its next use; keeps no bound text alive.
    void reset()
    {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }

    qint64 integerAt(int column) const { return sqlite3_column_int64(m_statement, column); }
    int typeAt(int column) const { return sqlite3_column_type(m_statement, column); }
    bool isNullAt(int column) const { return typeAt(column) == SQLITE_NULL; }
    QByteArray bytesAt(int column) const
    {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QByteArray(data, sqlite3_column_bytes(m_statement, column));
    }
    QString textAt(int column) const { return QString::fromUtf8(bytesAt(column)); }

private:
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace Continuo::Internal
