#pragma once

#include "core/Result.h"
#include "generate/RowBatch.h"

#include <QByteArray>

struct sqlite3;
struct sqlite3_stmt;

namespace quarry {

// Inserts RowBatches into one table through the SQLite C API, several rows per statement execution: one
// "INSERT ... VALUES (?,?,?), (?,?,?), ..." prepared once, its text bound SQLITE_STATIC straight from the
// batch, so no value is copied into a QString or a heap string on the way. Several rows per step also spread
// the statement's fixed cost (and AUTOINCREMENT's sqlite_sequence update) over the rows.
class BulkInserter {
public:
    // `insert` is the statement up to VALUES, e.g. "INSERT INTO t (a, b) VALUES".
    BulkInserter(sqlite3* db, QByteArray insert, int columns, int rowsPerStatement);
    ~BulkInserter();
    BulkInserter(const BulkInserter&) = delete;
    BulkInserter& operator=(const BulkInserter&) = delete;

    [[nodiscard]] Status prepare();
    // Inserts every row of `batch`, which must stay unchanged until this returns.
    [[nodiscard]] Status insert(const RowBatch& batch);

private:
    Status prepareStatement(int rows, sqlite3_stmt** statement);
    Status execute(sqlite3_stmt* statement, const RowBatch& batch, int firstRow, int rows);
    Status failure(const char* what, int code) const;

    sqlite3* m_db;
    QByteArray m_insert;
    int m_columns;
    int m_rowsPerStatement;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace quarry
