#include "models/SchemaReader.h"

#include "database/SqlError.h"
#include "database/SqlIdentifier.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

namespace {

const QString kObjects = QStringLiteral(
    "SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
    "ORDER BY type = 'view', name");
// With SQLite's own word on the object: its kind ('table', 'view', 'virtual' or 'shadow', a table a virtual
// table keeps its data in) and whether it is WITHOUT ROWID.
const QString kObjectType = QStringLiteral("SELECT s.type, s.sql, l.type, l.wr FROM sqlite_schema AS s "
                                           "LEFT JOIN pragma_table_list AS l ON l.schema = 'main' AND l.name = s.name "
                                           "WHERE s.name = ? AND s.type IN ('table', 'view')");
const QString kVirtualTables =
    QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'");
const QString kColumns = QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)");
// With the number of columns of each key: a key of several columns is not shown as a relation.
const QString kForeignKeys = QStringLiteral("SELECT \"from\", \"table\", \"to\", on_delete, "
                                            "(SELECT count(*) FROM pragma_foreign_key_list(?) AS g WHERE g.id = f.id) "
                                            "FROM pragma_foreign_key_list(?) AS f ORDER BY id, seq");
const QString kUniqueSingleColumns = QStringLiteral(
    "SELECT ii.name FROM pragma_index_list(?) AS il, pragma_index_info(il.name) AS ii WHERE il.\"unique\" "
    "AND (SELECT count(*) FROM pragma_index_info(il.name)) = 1");

bool isTextType(const QString& declared)
{
    const QString type = declared.toUpper();
    return type.isEmpty() || type.contains(QStringLiteral("CHAR")) || type.contains(QStringLiteral("TEXT")) ||
           type.contains(QStringLiteral("CLOB"));
}

} // namespace

Result<QList<SchemaObject>> SchemaReader::objects() const
{
    QSqlQuery query(m_db);
    if (!query.exec(kObjects))
        return sqlError(query.lastError(), QStringLiteral("Cannot list the tables"));
    QList<SchemaObject> result;
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString()});
    return result;
}

Result<TableInfo> SchemaReader::table(const QString& name) const
{
    TableInfo info;
    {
        QSqlQuery query(m_db);
        query.prepare(kObjectType);
        query.addBindValue(name);
        if (!query.exec())
            return sqlError(query.lastError(), QStringLiteral("Cannot read table %1").arg(name));
        if (!query.next())
            return Error::make(Error::Kind::NotFound, QStringLiteral("There is no table or view named %1.").arg(name));
        info.name = name;
        info.isView = query.value(0).toString() == QStringLiteral("view");
        info.readOnlyReason = readOnlyReason(name, info.isView ? QStringLiteral("view") : query.value(2).toString(),
                                             query.value(1).toString());
        // Selecting "rowid" is no test of a rowid: it also works on a WITHOUT ROWID table with a column of that
        // name, and then names the column.
        info.hasRowid = !info.isView && !query.value(3).toBool();
    }
    {
        QSqlQuery query(m_db);
        query.prepare(kColumns);
        query.addBindValue(name);
        if (!query.exec())
            return sqlError(query.lastError(), QStringLiteral("Cannot read the columns of %1").arg(name));
        while (query.next()) {
            ColumnInfo column;
            column.name = query.value(0).toString();
            column.declaredType = query.value(1).toString();
            column.notNull = query.value(2).toBool();
            column.defaultValue = query.value(3);
            column.primaryKeyOrder = query.value(4).toInt();
            info.columns << column;
        }
    }
    if (info.hasRowid) {
        info.rowidName.clear();
        for (const QString& alias : {QStringLiteral("rowid"), QStringLiteral("oid"), QStringLiteral("_rowid_")}) {
            if (info.columnIndex(alias) < 0) {
                info.rowidName = alias;
                break;
            }
        }
        if (info.rowidName.isEmpty()) {
            info.hasRowid = false;
            if (info.readOnlyReason.isEmpty())
                info.readOnlyReason = QStringLiteral("its columns rowid, oid and _rowid_ hide the rowid that names "
                                                     "its rows");
        }
    }
    QSqlQuery keys(m_db);
    keys.prepare(kForeignKeys);
    keys.addBindValue(name);
    keys.addBindValue(name);
    if (!keys.exec())
        return sqlError(keys.lastError(), QStringLiteral("Cannot read the foreign keys of %1").arg(name));
    QStringList seen;
    while (keys.next()) {
        ForeignKeyInfo key;
        key.column = keys.value(0).toString();
        key.parentTable = keys.value(1).toString();
        key.parentColumn = keys.value(2).toString();
        key.onDelete = keys.value(3).toString();
        // Only single-column keys are shown as relations (a join on one column of a composite key would repeat
        // rows); of two on one column, the first wins.
        if (keys.value(4).toInt() != 1 || seen.contains(key.column))
            continue;
        seen << key.column;
        if (key.parentColumn.isEmpty()) {
            // "REFERENCES users" names the parent's primary key.
            auto parent = table(key.parentTable);
            key.parentColumn = parent && !parent->primaryKey().isEmpty() ? parent->primaryKey().constFirst()
                               : parent                                  ? parent->rowidName
                                                                         : QStringLiteral("rowid");
        }
        key.displayColumn = displayColumn(key.parentTable, key.parentColumn);
        info.foreignKeys << key;
    }
    return info;
}

QString SchemaReader::readOnlyReason(const QString& name, const QString& type, const QString& sql) const
{
    if (type == QStringLiteral("view"))
        return QStringLiteral("a view: its rows are the result of a query");
    if (name.startsWith(QStringLiteral("sqlite_"), Qt::CaseInsensitive))
        return QStringLiteral("one of SQLite's own tables: SQLite keeps it");
    if (type == QStringLiteral("virtual")) {
        static const QRegularExpression module(QStringLiteral("\\bUSING\\s+(\\w+)"),
                                               QRegularExpression::CaseInsensitiveOption);
        const QString used = module.match(sql).captured(1);
        return QStringLiteral("a virtual table%1: its module keeps the rows; change them with SQL in the query editor")
            .arg(used.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(used));
    }
    if (type == QStringLiteral("shadow")) {
        // The owner is the virtual table whose name, with "_", starts the shadow table's name: notes_data is notes'.
        QString owner;
        QSqlQuery tables(m_db);
        if (tables.exec(kVirtualTables)) {
            while (tables.next()) {
                const QString candidate = tables.value(0).toString();
                if (name.startsWith(candidate + QLatin1Char('_'), Qt::CaseInsensitive) &&
                    candidate.size() > owner.size())
                    owner = candidate;
            }
        }
        return owner.isEmpty()
                   ? QStringLiteral("a table a virtual table keeps its data in: editing it would corrupt it")
                   : QStringLiteral("where the virtual table %1 keeps its data: editing it would corrupt %1")
                         .arg(owner);
    }
    return {};
}

QString SchemaReader::displayColumn(const QString& table, const QString& fallback) const
{
    QSqlQuery query(m_db);
    query.prepare(kColumns);
    query.addBindValue(table);
    if (!query.exec())
        return fallback;
    QStringList textColumns;
    while (query.next()) {
        if (query.value(4).toInt() == 0 && isTextType(query.value(1).toString()))
            textColumns << query.value(0).toString();
    }
    static const QStringList preferred{QStringLiteral("username"), QStringLiteral("name"),
                                       QStringLiteral("title"),    QStringLiteral("display_name"),
                                       QStringLiteral("label"),    QStringLiteral("full_name"),
                                       QStringLiteral("email")};
    for (const QString& wanted : preferred) {
        for (const QString& column : textColumns) {
            if (column.compare(wanted, Qt::CaseInsensitive) == 0)
                return column;
        }
    }
    QSqlQuery unique(m_db);
    unique.prepare(kUniqueSingleColumns);
    unique.addBindValue(table);
    if (unique.exec()) {
        while (unique.next()) {
            if (textColumns.contains(unique.value(0).toString()))
                return unique.value(0).toString();
        }
    }
    return textColumns.isEmpty() ? fallback : textColumns.constFirst();
}

} // namespace quarry
