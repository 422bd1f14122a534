#pragma once

#include "core/TextBytes.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QVariant>

struct sqlite3_stmt;
struct sqlite3_value;

namespace quarry {

// A TEXT or BLOB value too long for a grid to hold: its storage class, its size in bytes and its first bytes.
// Whoever needs the whole value reads it by the row's identity (see ValueReader).
struct CutValue {
    bool isBlob = false;
    qint64 bytes = 0;
    QByteArray head;
    bool operator==(const CutValue& other) const
    {
        return isBlob == other.isBlob && bytes == other.bytes && head == other.head;
    }
};

// The one conversion between SQLite's storage classes and QVariant, used by every reader and writer:
//   NULL    <-> a null QVariant (typed QString when read, so a view knows it is a cell)
//   INTEGER <-> qlonglong (also int, uint and bool when binding)
//   REAL    <-> double, bit for bit (-0.0 and the infinities included)
//   TEXT    <-> QString when the bytes are UTF-8, else TextBytes; NUL characters included
//   BLOB    <-> QByteArray, never text
// Nothing is lost either way: a value read and bound again is stored with the same typeof() and hex().
class SqlValue {
public:
    enum class StorageClass { Null, Integer, Real, Text, Blob };

    static QVariant fromColumn(sqlite3_stmt* statement, int column);
    // As above, but a TEXT or BLOB longer than `limit` bytes comes back as a CutValue holding its first
    // `head` bytes (cut between UTF-8 characters for TEXT).
    static QVariant fromColumn(sqlite3_stmt* statement, int column, qsizetype limit, qsizetype head);
    static QVariant fromValue(sqlite3_value* value);
    // UTF-8 bytes as a QString, or as TextBytes when they are not valid UTF-8.
    static QVariant fromText(const char* data, qsizetype bytes);

    // Binds `value` to the 1-based parameter `index`; returns SQLite's result code. A CutValue cannot be
    // bound (it is not the value): SQLITE_MISUSE.
    [[nodiscard]] static int bind(sqlite3_stmt* statement, int index, const QVariant& value);

    static StorageClass storageClass(const QVariant& value);
    // As SQLite's typeof() names it: "null", "integer", "real", "text", "blob".
    static QString typeName(StorageClass type);
    // The stored bytes of a TEXT (UTF-8) or BLOB value; empty for the others.
    static QByteArray bytes(const QVariant& value);
    // True when both would be stored identically: the same storage class and the same bytes (so 0.0 and
    // -0.0 differ, 1 and 1.0 differ, '' and NULL differ), unlike QVariant's ==, which compares numbers by value.
    static bool identical(const QVariant& a, const QVariant& b);
};

} // namespace quarry

Q_DECLARE_METATYPE(quarry::CutValue)
