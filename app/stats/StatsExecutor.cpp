#include "stats/StatsExecutor.h"

#include "database/Connection.h"
#include "database/SqlError.h"
#include "database/SqlValue.h"
#include "database/Statement.h"
#include "stats/StatsConnectionSettings.h"

#include <QElapsedTimer>

#include <sqlite3.h>

namespace quarry {

namespace {

// SQLite calls this every kProgressSteps virtual machine instructions; non-zero stops the statement with
// SQLITE_INTERRUPT.
constexpr int kProgressSteps = 4096;

int cancelRequested(void* flag)
{
    return static_cast<const std::atomic_bool*>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}

// Installs the cancel flag's progress handler for the life of one run.
class CancelGuard {
public:
    CancelGuard(sqlite3* db, const std::atomic_bool* cancelled) : m_db(cancelled ? db : nullptr)
    {
        if (m_db)
            sqlite3_progress_handler(m_db, kProgressSteps, &cancelRequested,
                                     const_cast<void*>(static_cast<const void*>(cancelled)));
    }
    ~CancelGuard()
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    }
    CancelGuard(const CancelGuard&) = delete;
    CancelGuard& operator=(const CancelGuard&) = delete;

private:
    sqlite3* m_db;
};

Error cancelledError(const StatsPanel& panel)
{
    return Error::make(Error::Kind::Cancelled,
                       QStringLiteral("The \u201c%1\u201d panel was cancelled.").arg(panel.name),
                       sqlite_code::Interrupt);
}

Error sqliteError(sqlite3* db, int rc, const StatsPanel& panel)
{
    const QString text = QString::fromUtf8(sqlite3_errmsg(db));
    const int extended = sqlite3_extended_errcode(db);
    if ((rc & 0xff) == sqlite_code::Interrupt)
        return cancelledError(panel);
    const Error::Kind kind = (rc & 0xff) == sqlite_code::NotADatabase || (rc & 0xff) == sqlite_code::Corrupt
                                 ? Error::Kind::NotADatabase
                                 : Error::Kind::Sql;
    return Error::make(kind, QStringLiteral("Cannot run the \u201c%1\u201d panel: %2").arg(panel.name, text), extended,
                       text);
}

Status bind(sqlite3_stmt* stmt, const QVariantMap& bindings, const StatsPanel& panel)
{
    const int count = sqlite3_bind_parameter_count(stmt);
    for (int i = 1; i <= count; ++i) {
        const char* rawName = sqlite3_bind_parameter_name(stmt, i);
        const QString name = rawName ? QString::fromUtf8(rawName) : QString();
        const auto found = bindings.constFind(name);
        if (found == bindings.cend())
            return Error::make(Error::Kind::Usage,
                               QStringLiteral("The \u201c%1\u201d panel needs a value for parameter %2.")
                                   .arg(panel.name, name.isEmpty() ? QString::number(i) : name));
        const QVariant& value = *found;
        const int rc = SqlValue::bind(stmt, i, value);
        if (rc != SQLITE_OK)
            return Error::make(Error::Kind::Sql,
                               QStringLiteral("Cannot bind %1 of the \u201c%2\u201d panel.").arg(name, panel.name), rc);
    }
    return {};
}

// Prepares and binds the panel's statement, or says why not.
Status prepare(sqlite3* db, Statement& stmt, const StatsPanel& panel, const StatsParameters& parameters)
{
    if (!db)
        return Error::make(Error::Kind::Usage, QStringLiteral("The connection has no SQLite handle."));
    if (panel.sql.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("The \u201c%1\u201d panel has no SQL.").arg(panel.name));
    const int rc = stmt.prepare(db, panel.sql.toUtf8());
    if (rc != SQLITE_OK)
        return sqliteError(db, rc, panel);
    return bind(stmt.handle(), parameters.bindings(), panel);
}

} // namespace

Status StatsExecutor::withStatement(const StatsPanel& panel, const StatsParameters& parameters,
                                    const std::function<Status(const Statement&)>& body) const
{
    if (m_cancelled && m_cancelled->load())
        return cancelledError(panel);
    sqlite3* db = m_connection.handle();
    StatsConnectionSettings::apply(db);
    const CancelGuard guard(db, m_cancelled);
    Status status;
    {
        Statement stmt;
        status = prepare(db, stmt, panel, parameters);
        if (status)
            status = body(stmt);
    }
    // The statement is finalized: its sorter memory is gone, and the page cache it filled goes back too.
    StatsConnectionSettings::releaseMemory(db);
    return status;
}

Result<StatsResult> StatsExecutor::run(const StatsPanel& panel, const StatsParameters& parameters,
                                       qsizetype maxRows) const
{
    QElapsedTimer timer;
    timer.start();
    StatsResult result;
    result.panel = panel.name;
    const Status status = withStatement(panel, parameters, [&](const Statement& statement) -> Status {
        sqlite3_stmt* stmt = statement.handle();
        result.columns = statement.columns();
        const int columnCount = int(result.columns.size());
        result.remainder.fill(0.0, columnCount);
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (maxRows == AllRows || result.rows.size() < maxRows) {
                QVariantList row;
                row.reserve(columnCount);
                for (int i = 0; i < columnCount; ++i)
                    row.append(SqlValue::fromColumn(stmt, i));
                result.rows.append(std::move(row));
            } else {
                // Rows past the kept ones cost only a step and a number read each.
                for (int i = 0; i < columnCount; ++i) {
                    const int type = sqlite3_column_type(stmt, i);
                    if (type == SQLITE_INTEGER || type == SQLITE_FLOAT)
                        result.remainder[i] += sqlite3_column_double(stmt, i);
                }
            }
            ++result.totalRows;
        }
        if (rc != SQLITE_DONE)
            return sqliteError(sqlite3_db_handle(stmt), rc, panel);
        return {};
    });
    if (!status)
        return status.error();
    result.elapsedMs = timer.elapsed();
    return result;
}

Status StatsExecutor::stream(const StatsPanel& panel, const StatsParameters& parameters,
                             const std::function<void(const QStringList&)>& onColumns,
                             const std::function<bool(const QVariantList&)>& onRow) const
{
    return withStatement(panel, parameters, [&](const Statement& statement) -> Status {
        sqlite3_stmt* stmt = statement.handle();
        const QStringList columns = statement.columns();
        onColumns(columns);
        const int columnCount = int(columns.size());
        QVariantList row;
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            row.clear();
            for (int i = 0; i < columnCount; ++i)
                row.append(SqlValue::fromColumn(stmt, i));
            if (!onRow(row))
                return {};
        }
        if (rc != SQLITE_DONE)
            return sqliteError(sqlite3_db_handle(stmt), rc, panel);
        return {};
    });
}

} // namespace quarry
