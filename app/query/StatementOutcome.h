#pragma once

#include "query/QueryError.h"
#include "query/StatementClassifier.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace quarry {

class ResultSpool;

// What running one statement of a script did.
struct StatementOutcome {
    int runId = 0;
    int index = 0;
    QString sql;
    int position = 0;
    StatementInfo::Kind kind = StatementInfo::Kind::Other;
    std::shared_ptr<ResultSpool> rows; // set when the statement returns columns (a SELECT, or RETURNING)
    qint64 rowCount = 0;               // rows read into `rows`
    qint64 changes = 0;                // rows inserted, updated or deleted, for INSERT/UPDATE/DELETE
    qint64 elapsedMs = 0;
    std::optional<QueryError> error; // also set (with cancelled) when the statement was stopped

    bool hasRows() const { return rows != nullptr; }
    bool succeeded() const { return !error.has_value(); }
    // "3 rows", "1 row affected", "Statement executed", or the error's description.
    QString summary() const;
};

// How a whole run ended.
struct RunSummary {
    int runId = 0;
    int statementsRun = 0;  // statements that completed
    int statementCount = 0; // statements in the script
    qint64 elapsedMs = 0;
    std::optional<QueryError> error; // the failing (or stopped) statement, if any
    bool transactionOpen = false;    // a BEGIN of the person's own is still open

    bool succeeded() const { return !error.has_value(); }
    // The query panel's status line for the run: "3 statements ran in 12 ms.", "Stopped after 12 ms.", or which
    // statement failed, with the error's line and column unless `errorShown` (a result tab shows them).
    QString statusText(bool errorShown) const;
};

} // namespace quarry
