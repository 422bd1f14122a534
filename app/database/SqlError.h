#pragma once

#include "core/Error.h"

class QSqlError;
class QSqlQuery;
struct sqlite3;

namespace quarry {

// Turns a QSqlError into an Error, keeping SQLite's extended result code and message. QSQLITE reports some
// failures (a foreign-key violation on exec(), for one) as ConnectionError, so the kind is derived from
// SQLite's code rather than from QSqlError::type().
Error sqlError(const QSqlError& error, const QString& context);
// The same for a failure reported by the C API on `db` (its last error).
Error sqliteError(sqlite3* db, const QString& context);

// SQLite's primary result codes used to classify errors.
namespace sqlite_code {
inline constexpr int Interrupt = 9;
inline constexpr int ReadOnly = 8;
inline constexpr int Corrupt = 11;
inline constexpr int Constraint = 19;
inline constexpr int NotADatabase = 26;
inline constexpr int ConstraintForeignKey = 787;
inline constexpr int ConstraintUnique = 2067;
inline constexpr int ConstraintPrimaryKey = 1555;
inline constexpr int ConstraintNotNull = 1299;
inline constexpr int ConstraintCheck = 275;
} // namespace sqlite_code

} // namespace quarry
