#include "query/SchemaCatalog.h"

#include "database/Statement.h"

#include <QSet>

#include <sqlite3.h>

#include <algorithm>

namespace quarry {

namespace {

const char kTablesSql[] =
    "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite!_%' "
    "ESCAPE '!' ORDER BY name COLLATE NOCASE";
const char kColumnsSql[] = "SELECT name FROM pragma_table_info(?1) ORDER BY cid";

QString text(sqlite3_stmt* statement, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)));
}

} // namespace

QStringList SchemaCatalog::allNames() const
{
    QSet<QString> names(tables.cbegin(), tables.cend());
    for (const QStringList& list : columns)
        names.unite(QSet<QString>(list.cbegin(), list.cend()));
    QStringList out(names.cbegin(), names.cend());
    std::sort(out.begin(), out.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return out;
}

SchemaCatalog SchemaCatalog::read(sqlite3* db)
{
    SchemaCatalog catalog;
    if (!db)
        return catalog;
    Statement tables;
    tables.prepare(db, kTablesSql);
    while (!tables.isNull() && sqlite3_step(tables.handle()) == SQLITE_ROW)
        catalog.tables << text(tables.handle(), 0);

    Statement columns;
    columns.prepare(db, kColumnsSql);
    sqlite3_stmt* raw = columns.handle();
    if (!raw)
        return catalog;
    for (const QString& table : std::as_const(catalog.tables)) {
        columns.bind(1, table);
        QStringList names;
        while (sqlite3_step(raw) == SQLITE_ROW)
            names << text(raw, 0);
        sqlite3_reset(raw);
        catalog.columns.insert(table, names);
    }
    return catalog;
}

} // namespace quarry
