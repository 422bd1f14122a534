#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

namespace quarry {

// Values as SQL literals that SQLite reads back as exactly the same value: NULL, integers in full, REALs in
// the shortest text that reads back as the same double (9e999 and -9e999 for the infinities), text in single
// quotes with quotes doubled, BLOBs as x'…'. Text with NUL characters or bytes that are not UTF-8 is written as
// CAST(x'…' AS TEXT), so its bytes survive a script.
class SqlLiteral {
public:
    static QString of(const QVariant& value);
    // INSERT INTO "table" ("a", "b") VALUES (…); for one row.
    static QString insert(const QString& table, const QStringList& columns, const QVariantList& values);
};

} // namespace quarry
