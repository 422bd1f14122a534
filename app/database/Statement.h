#pragma once

#include "database/QueryParameter.h"

#include <QStringList>

struct sqlite3;
struct sqlite3_stmt;

namespace quarry {

// The one wrapper over sqlite3_stmt: owns one prepared statement and finalizes it, so every early return leaves
// the connection idle. Used only on the thread of the connection that prepared it. Reading and binding values
// goes through SqlValue.
class Statement {
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* statement) : m_statement(statement) {}
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Prepares `sql` (UTF-8) on `db` in place of the statement held, which is finalized. Returns SQLite's result
    // code; the statement is null when it failed, and also when `sql` holds no statement (only a comment).
    int prepare(sqlite3* db, const QByteArray& sql);

    sqlite3_stmt* handle() const { return m_statement; }
    bool isNull() const { return m_statement == nullptr; }

    // Every placeholder, in SQLite's index order.
    QList<QueryParameter> parameters() const;
    // True when the statement does not write the database (sqlite3_stmt_readonly).
    bool isReadOnly() const;
    QStringList columns() const;
    // Binds `value` (see ParameterValues) to the 1-based parameter `index`. Returns SQLite's result code.
    int bind(int index, const QVariant& value);

private:
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace quarry
