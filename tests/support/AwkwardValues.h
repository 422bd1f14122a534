#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

struct sqlite3;
struct sqlite3_stmt;

namespace quarry::test {

// Values of every storage class that break careless code: int64 extremes, 17-digit REALs, -0.0, the
// infinities, the smallest subnormal, empty text and empty BLOBs, NUL characters, bytes that are not UTF-8,
// numbers written as text ("00601", " 7", "+1", "1e5", "0x1F"), line breaks and 100 KB text. Bound with the C
// API directly, not through Quarry, so a test compares Quarry's writes against SQLite's own storage.
struct AwkwardValue {
    enum class Type { Null, Integer, Real, Text, Blob } type = Type::Null;
    qint64 integer = 0;
    double real = 0;
    QByteArray bytes; // TEXT as stored (any bytes), or the BLOB

    // Binds with sqlite3_bind_*; returns SQLite's result code.
    int bind(sqlite3_stmt* statement, int index) const;
    QString describe() const;

    // The fixed list of edge cases, then seeded random ones.
    static QList<AwkwardValue> edgeCases();
    static AwkwardValue random(QRandomGenerator& random);
};

// Every row of a query with each cell as "typeof:hex", where a REAL's hex is its IEEE-754 bits (SQLite's own
// hex() prints a REAL through 15 significant digits, which would hide a changed last digit). Read with the C
// API. `error` gets SQLite's message when the query fails.
QStringList exactRows(const QString& path, const QString& sql, QString* error = nullptr);

} // namespace quarry::test
