#pragma once

#include <QString>
#include <QVariantMap>

namespace quarry {

// One pending change to one row of any table: what the unit of work collects and ChangeWriter runs.
// Tables and columns are named as in the file (unquoted); values are bound, never pasted into SQL.
struct Change {
    enum class Kind { Insert, Update, Delete };

    Kind kind = Kind::Insert;
    QString table;
    // The row: its primary key columns or rowid, e.g. {"id": 12} or {"rowid": 5}. For an insert, optional:
    // given, the row is added with that key; empty, SQLite picks one.
    QVariantMap key;
    // Column -> new value, for inserts and updates. A null QVariant (or null QString) writes NULL.
    QVariantMap values;

    static Change insert(const QString& table, const QVariantMap& values, const QVariantMap& key = {})
    {
        return Change{Kind::Insert, table, key, values};
    }
    static Change update(const QString& table, const QVariantMap& key, const QVariantMap& values)
    {
        return Change{Kind::Update, table, key, values};
    }
    static Change remove(const QString& table, const QVariantMap& key) { return Change{Kind::Delete, table, key, {}}; }
};

} // namespace quarry
