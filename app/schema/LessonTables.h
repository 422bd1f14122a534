#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace quarry {

// The lesson's own blog tables (users, posts and comments at user_version 0, from its sqlite3 or SQLAlchemy
// code): recognising them, checking that nothing would be lost, and adopting them as Quarry's v1.
class LessonTables {
public:
    // Whether `tables` (the file's table names) holds the lesson's three tables with the columns they must have.
    [[nodiscard]] static Result<bool> present(const QSqlDatabase& db, const QStringList& tables);
    // Why the tables of `file` cannot be adopted (a column the blog schema does not know, a row without a
    // required value), or nothing.
    [[nodiscard]] static Status check(const QSqlDatabase& db, const QString& file);
    // Rebuilds the tables as v1 (`v1Script`), copying every row as stored and keeping the AUTOINCREMENT sequence,
    // extra indexes and triggers. Runs inside the caller's transaction, with foreign keys off and legacy
    // ALTER TABLE on.
    [[nodiscard]] static Status adopt(const QSqlDatabase& db, const QString& v1Script);
};

} // namespace quarry
