#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace quarry {

struct ColumnInfo {
    QString name;
    QString declaredType;
    bool notNull = false;
    int primaryKeyOrder = 0; // 1-based position in the primary key, 0 when not part of it
    QVariant defaultValue;   // the DEFAULT expression's text, invalid when none

    bool isTimestamp() const;
};

// A foreign key of one column, and the column of the parent table that names a row for people.
struct ForeignKeyInfo {
    QString column;
    QString parentTable;
    QString parentColumn;  // the referenced column (the parent's rowid alias when the DDL names none)
    QString displayColumn; // e.g. users.username for posts.author_id; equal to parentColumn when none fits
    QString onDelete;      // CASCADE, SET NULL, ... as PRAGMA foreign_key_list reports it
};

// What Quarry needs to know to browse and edit a table or view.
struct TableInfo {
    QString name;
    bool isView = false;
    bool hasRowid = true; // false for views and WITHOUT ROWID tables
    // The name that reaches the rowid: "rowid", or "oid" or "_rowid_" when a column of the table is called rowid
    // (a column of that name hides the rowid, quoted or not).
    QString rowidName = QStringLiteral("rowid");
    QList<ColumnInfo> columns;
    QList<ForeignKeyInfo> foreignKeys;
    // Why its rows are not edited here (a view, a virtual table or its shadow table, one of SQLite's own
    // tables), said to the person; empty when they can be.
    QString readOnlyReason;

    bool isValid() const { return !name.isEmpty(); }
    // Tables with a rowid or a primary key can be edited, unless readOnlyReason says otherwise; views never are.
    bool isEditable() const { return readOnlyReason.isEmpty() && !isView && (hasRowid || !primaryKey().isEmpty()); }
    QStringList primaryKey() const;
    int columnIndex(const QString& column) const;
    const ForeignKeyInfo* foreignKey(const QString& column) const;
};

} // namespace quarry
