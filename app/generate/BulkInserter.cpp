#include "generate/BulkInserter.h"

#include "database/SqlError.h"

#include <sqlite3.h>

namespace quarry {

BulkInserter::BulkInserter(sqlite3* db, QByteArray insert, int columns, int rowsPerStatement)
    : m_db(db), m_insert(std::move(insert)), m_columns(columns), m_rowsPerStatement(rowsPerStatement)
{
}

BulkInserter::~BulkInserter()
{
    sqlite3_finalize(m_statement);
}

Status BulkInserter::prepare()
{
    return prepareStatement(m_rowsPerStatement, &m_statement);
}

Status BulkInserter::prepareStatement(int rows, sqlite3_stmt** statement)
{
    QByteArray row = "(";
    for (int c = 0; c < m_columns; ++c)
        row += c == 0 ? "?" : ",?";
    row += ')';
    QByteArray sql = m_insert + ' ' + row;
    for (int r = 1; r < rows; ++r)
        sql += ',' + row;
    const int code =
        sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, statement, nullptr);
    if (code != SQLITE_OK)
        return failure("prepare", code);
    return {};
}

Status BulkInserter::failure(const char* what, int code) const
{
    const QString text = QString::fromUtf8(sqlite3_errmsg(m_db));
    const bool interrupted = (code & 0xff) == sqlite_code::Interrupt;
    return Error::make(
        interrupted ? Error::Kind::Cancelled : Error::Kind::Sql,
        QStringLiteral("Cannot %1 rows (%2): %3").arg(QLatin1String(what), QString::fromUtf8(m_insert), text),
        sqlite3_extended_errcode(m_db), text);
}

Status BulkInserter::execute(sqlite3_stmt* statement, const RowBatch& batch, int firstRow, int rows)
{
    int parameter = 1;
    for (int r = firstRow; r < firstRow + rows; ++r) {
        const RowBatch::Cell* cells = batch.row(r);
        for (int c = 0; c < m_columns; ++c, ++parameter) {
            if (cells[c].text)
                sqlite3_bind_text(statement, parameter, cells[c].text, cells[c].size, SQLITE_STATIC);
            else if (cells[c].size < 0)
                sqlite3_bind_null(statement, parameter);
            else
                sqlite3_bind_int64(statement, parameter, cells[c].number);
        }
    }
    const int code = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (code != SQLITE_DONE)
        return failure("insert", code);
    return {};
}

Status BulkInserter::insert(const RowBatch& batch)
{
    int row = 0;
    for (; row + m_rowsPerStatement <= batch.rows(); row += m_rowsPerStatement) {
        if (auto ok = execute(m_statement, batch, row, m_rowsPerStatement); !ok)
            return ok;
    }
    if (row == batch.rows())
        return {};
    // The last few rows: a statement of their own, used once.
    sqlite3_stmt* rest = nullptr;
    Status ok = prepareStatement(batch.rows() - row, &rest);
    if (ok)
        ok = execute(rest, batch, row, batch.rows() - row);
    sqlite3_finalize(rest);
    return ok;
}

} // namespace quarry
