#pragma once

#include "query/QueryParameter.h"

#include <QStringList>

struct sqlite3_stmt;

namespace quarry {

// Owns one sqlite3_stmt. Used only on the thread of the connection that prepared it.
class PreparedStatement {
public:
    PreparedStatement() = default;
    explicit PreparedStatement(sqlite3_stmt* statement) : m_statement(statement) {}
    ~PreparedStatement();
    PreparedStatement(PreparedStatement&& other) noexcept;
    PreparedStatement& operator=(PreparedStatement&& other) noexcept;
    PreparedStatement(const PreparedStatement&) = delete;
    PreparedStatement& operator=(const PreparedStatement&) = delete;

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
