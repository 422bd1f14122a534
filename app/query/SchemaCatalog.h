#pragma once

#include <QHash>
#include <QStringList>

struct sqlite3;

namespace quarry {

// The names in a database that the editor offers while typing: tables and views with their columns.
struct SchemaCatalog {
    QStringList tables;                  // tables and views, sorted, without SQLite's internal ones
    QHash<QString, QStringList> columns; // by table name, in declaration order

    // Every table and column name once, sorted case-insensitively.
    QStringList allNames() const;

    // Reads the catalog through `db` (on the connection's own thread).
    static SchemaCatalog read(sqlite3* db);
};

} // namespace quarry
