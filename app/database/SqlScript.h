#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace quarry {

// Runs SQL scripts (several statements) on a connection. Statements are split with StatementSplitter.
class SqlScript {
public:
    // The text of a script embedded as a Qt resource (":/sql/...").
    [[nodiscard]] static Result<QString> load(const QString& resourcePath);
    // Executes every statement in order and stops at the first failure, naming the statement's line.
    // Does not open a transaction: callers decide the transaction's extent.
    [[nodiscard]] static Status execute(const QSqlDatabase& db, const QString& script, const QString& context);
    // Executes one statement with no result rows.
    [[nodiscard]] static Status exec(const QSqlDatabase& db, const QString& statement, const QString& context);
};

} // namespace quarry
