#include "models/TableInfo.h"

#include <algorithm>

namespace quarry {

bool ColumnInfo::isTimestamp() const
{
    const QString type = declaredType.toUpper();
    return type.contains(QStringLiteral("TIMESTAMP")) || type.contains(QStringLiteral("DATETIME")) ||
           name.endsWith(QStringLiteral("_at"));
}

QStringList TableInfo::primaryKey() const
{
    QList<const ColumnInfo*> keyColumns;
    for (const ColumnInfo& column : columns) {
        if (column.primaryKeyOrder > 0)
            keyColumns << &column;
    }
    std::sort(keyColumns.begin(), keyColumns.end(),
              [](const ColumnInfo* a, const ColumnInfo* b) { return a->primaryKeyOrder < b->primaryKeyOrder; });
    QStringList names;
    for (const ColumnInfo* column : keyColumns)
        names << column->name;
    return names;
}

int TableInfo::columnIndex(const QString& column) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name.compare(column, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

const ForeignKeyInfo* TableInfo::foreignKey(const QString& column) const
{
    for (const ForeignKeyInfo& key : foreignKeys) {
        if (key.column.compare(column, Qt::CaseInsensitive) == 0)
            return &key;
    }
    return nullptr;
}

} // namespace quarry
