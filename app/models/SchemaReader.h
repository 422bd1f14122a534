#pragma once

#include "core/Result.h"
#include "models/TableInfo.h"

#include <QSqlDatabase>

namespace quarry {

struct SchemaObject {
    QString name;
    QString type; // "table" or "view"
};

// Reads tables, views, columns and foreign keys with SQLite's table-valued pragmas. Names are bound as
// values, never pasted into SQL, so any name (spaces, quotes, non-ASCII letters) works.
class SchemaReader {
public:
    explicit SchemaReader(QSqlDatabase db) : m_db(std::move(db)) {}

    // Tables then views, each in name order, without SQLite's internal tables.
    [[nodiscard]] Result<QList<SchemaObject>> objects() const;
    [[nodiscard]] Result<TableInfo> table(const QString& name) const;
    // The column that names a row of `table` for people: one named like name, title or username, else a
    // unique text column, else the first text column, else `fallback`.
    [[nodiscard]] QString displayColumn(const QString& table, const QString& fallback) const;

private:
    // Why the rows of `name` are not edited here (TableInfo::readOnlyReason), empty when they can be.
    // `type` is pragma_table_list's: table, view, virtual or shadow.
    [[nodiscard]] QString readOnlyReason(const QString& name, const QString& type, const QString& sql) const;

    QSqlDatabase m_db;
};

} // namespace quarry
