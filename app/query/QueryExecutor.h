#pragma once

#include "database/Statement.h"
#include "database/StatementSplitter.h"
#include "query/QueryError.h"
#include "query/QueryPlan.h"
#include "query/StatementOutcome.h"

#include <optional>

struct sqlite3;

namespace quarry {

class RowSink;

// Runs the statements of one script on one SQLite connection, on the calling thread, with the sqlite3 C
// API (faster than QSqlQuery, and it reports where in the text an error is). The background runner and
// `quarry sql` both use it, so the GUI and the command line run SQL the same way.
//
// Each step is separate so a caller can stop between them: prepare() a statement, look at its
// parameters and whether it writes, bind(), then execute().
class QueryExecutor {
public:
    QueryExecutor(sqlite3* db, QString script);

    const QString& script() const { return m_script; }
    const QList<ScriptStatement>& statements() const { return m_statements; }

    // Prepares statement `index`. On failure returns the error, positioned where SQLite points.
    [[nodiscard]] std::optional<QueryError> prepare(int index, Statement& out) const;
    // Binds values to `parameters` (as returned by Statement::parameters(), in that order).
    [[nodiscard]] std::optional<QueryError>
    bind(int index, Statement& statement, const QList<QueryParameter>& parameters, const ParameterValues& values) const;
    // Steps the statement to its end. Rows go to `sink` when the statement returns columns (a null sink
    // discards them). The outcome's error is set when SQLite fails or the statement is interrupted.
    StatementOutcome execute(int index, Statement& statement, RowSink* sink) const;

    // EXPLAIN QUERY PLAN of statement `index`; nothing runs.
    struct Plan {
        QList<QueryPlanNode> nodes;
        std::optional<QueryError> error;
    };
    Plan explain(int index) const;

    // PRAGMA schema_version: changes whenever the schema does.
    int schemaVersion() const;
    qint64 totalChanges() const;
    bool inTransaction() const;

    // An error for statement `index` from SQLite's current error state; `byteOffset` is a byte offset into
    // the statement's UTF-8 text (or -1 for the statement's start).
    QueryError errorAt(int index, int byteOffset) const;
    // An error at statement `index`'s start with a message of Quarry's own.
    QueryError errorAt(int index, const QString& message) const;

private:
    int firstTokenPosition(int index) const;

    sqlite3* m_db;
    QString m_script;
    QList<ScriptStatement> m_statements;
};

} // namespace quarry
