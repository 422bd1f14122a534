#include "query/QueryExecutor.h"

#include "query/RowSink.h"
#include "query/SqlLexer.h"

#include <QElapsedTimer>

#include <sqlite3.h>

namespace quarry {

namespace {

const char kExplainPrefix[] = "EXPLAIN QUERY PLAN ";

} // namespace

QueryExecutor::QueryExecutor(sqlite3* db, QString script)
    : m_db(db), m_script(std::move(script)), m_statements(StatementSplitter::split(m_script))
{
}

int QueryExecutor::firstTokenPosition(int index) const
{
    const ScriptStatement& statement = m_statements.at(index);
    const QList<SqlToken> tokens = SqlLexer::significantTokens(statement.sql);
    return statement.offset + (tokens.isEmpty() ? 0 : tokens.front().start);
}

QueryError QueryExecutor::errorAt(int index, int byteOffset) const
{
    QueryError error;
    error.code = sqlite3_extended_errcode(m_db);
    error.message = QString::fromUtf8(sqlite3_errmsg(m_db));
    error.cancelled = (error.code & 0xFF) == SQLITE_INTERRUPT;
    error.statement = index;
    const ScriptStatement& statement = m_statements.at(index);
    error.position = byteOffset >= 0 ? statement.offset + StatementSplitter::characterOffset(statement.sql, byteOffset)
                                     : firstTokenPosition(index);
    const ScriptPosition where = StatementSplitter::positionOf(m_script, error.position);
    error.line = where.line;
    error.column = where.column;
    return error;
}

QueryError QueryExecutor::errorAt(int index, const QString& message) const
{
    QueryError error;
    error.message = message;
    error.statement = index;
    error.position = firstTokenPosition(index);
    const ScriptPosition where = StatementSplitter::positionOf(m_script, error.position);
    error.line = where.line;
    error.column = where.column;
    return error;
}

std::optional<QueryError> QueryExecutor::prepare(int index, Statement& out) const
{
    const int rc = out.prepare(m_db, m_statements.at(index).sql.toUtf8());
    if (rc != SQLITE_OK)
        return errorAt(index, sqlite3_error_offset(m_db));
    return std::nullopt;
}

std::optional<QueryError> QueryExecutor::bind(int index, Statement& statement, const QList<QueryParameter>& parameters,
                                              const ParameterValues& values) const
{
    for (qsizetype i = 0; i < parameters.size(); ++i) {
        if (statement.bind(parameters.at(i).index, values.value(i)) != SQLITE_OK)
            return errorAt(index, -1);
    }
    return std::nullopt;
}

StatementOutcome QueryExecutor::execute(int index, Statement& statement, RowSink* sink) const
{
    StatementOutcome outcome;
    outcome.index = index;
    outcome.sql = m_statements.at(index).sql;
    outcome.position = m_statements.at(index).offset;
    outcome.kind = StatementClassifier::classify(outcome.sql).kind;
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt* handle = statement.handle();
    if (!handle) { // only comments
        outcome.kind = StatementInfo::Kind::Empty;
        return outcome;
    }
    const bool returnsRows = sqlite3_column_count(handle) > 0;
    if (returnsRows && sink) {
        if (Status status = sink->begin(statement.columns()); !status) {
            outcome.error = errorAt(index, status.error().message);
            return outcome;
        }
    }
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(handle)) == SQLITE_ROW) {
        ++outcome.rowCount;
        if (sink && returnsRows) {
            if (Status status = sink->addRow(handle); !status) {
                outcome.error = errorAt(index, status.error().message);
                break;
            }
        }
    }
    if (!outcome.error && rc != SQLITE_DONE)
        outcome.error = errorAt(index, -1);
    if (returnsRows && sink) {
        if (Status status = sink->end(); !status && !outcome.error)
            outcome.error = errorAt(index, status.error().message);
    }
    // Reset now so a finished SELECT holds no read lock while the grid shows its rows.
    sqlite3_reset(handle);
    if (!outcome.error && (outcome.kind == StatementInfo::Kind::Insert || outcome.kind == StatementInfo::Kind::Update ||
                           outcome.kind == StatementInfo::Kind::Delete))
        outcome.changes = sqlite3_changes64(m_db);
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

QueryExecutor::Plan QueryExecutor::explain(int index) const
{
    Plan plan;
    const QByteArray prefix(kExplainPrefix);
    const QByteArray utf8 = prefix + m_statements.at(index).sql.toUtf8();
    Statement statement;
    const int rc = statement.prepare(m_db, utf8);
    sqlite3_stmt* raw = statement.handle();
    if (rc != SQLITE_OK) {
        const int offset = sqlite3_error_offset(m_db);
        plan.error = errorAt(index, offset >= prefix.size() ? offset - int(prefix.size()) : -1);
        return plan;
    }
    if (!raw)
        return plan;
    QList<QueryPlan::Row> rows;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(raw)) == SQLITE_ROW) {
        rows.append(QueryPlan::Row{sqlite3_column_int(raw, 0), sqlite3_column_int(raw, 1),
                                   QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(raw, 3)))});
    }
    if (step != SQLITE_DONE) {
        plan.error = errorAt(index, -1);
        return plan;
    }
    plan.nodes = QueryPlan::build(rows);
    return plan;
}

int QueryExecutor::schemaVersion() const
{
    Statement statement;
    if (statement.prepare(m_db, QByteArrayLiteral("PRAGMA schema_version")) == SQLITE_OK &&
        sqlite3_step(statement.handle()) == SQLITE_ROW)
        return sqlite3_column_int(statement.handle(), 0);
    return -1;
}

qint64 QueryExecutor::totalChanges() const
{
    return sqlite3_total_changes64(m_db);
}

bool QueryExecutor::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

} // namespace quarry
