#pragma once

#include <QString>
#include <QStringList>

namespace quarry {

// Quotes and compares SQLite identifiers (table and column names).
//
// QSQLITE's QSqlDriver::escapeIdentifier() splits a name at '.' ("a.b" becomes "a"."b") and leaves a name that
// already starts and ends with '"' as it is, so tables called `a.b` or `"x"` would be misnamed. Any SQLite file
// may hold such names, so statements built here quote every name whole.
class SqlIdentifier {
public:
    // `name` in double quotes with inner quotes doubled: my "table" -> "my ""table""".
    static QString quote(const QString& name);
    // Whether SQLite takes `a` and `b` for the same name: it ignores the case of ASCII letters only.
    static bool sameName(const QString& a, const QString& b);
    // "a", "b": each name quoted, joined by commas.
    static QString list(const QStringList& names);
    // "a" = ? AND "b" = ?: a condition binding one value per name, in order.
    static QString conditions(const QStringList& names);
};

} // namespace quarry
