#include "models/RowIdentity.h"

#include "database/SqlIdentifier.h"
#include "database/SqlValue.h"
#include "models/TableInfo.h"

namespace quarry {

namespace {

bool isComposite(const QVariant& identity)
{
    return identity.typeId() == QMetaType::QVariantList;
}

} // namespace

QStringList RowIdentity::columns(const TableInfo& table)
{
    if (table.isView)
        return {};
    if (table.hasRowid)
        return {table.rowidName};
    return table.primaryKey();
}

QString RowIdentity::condition(const QStringList& columns, const QString& alias)
{
    const QString prefix = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    QStringList terms;
    for (const QString& column : columns) {
        // A quoted "rowid" (or "oid") reaches the rowid when no column has that name (TableInfo::rowidName).
        terms << prefix + SqlIdentifier::quote(column) + QStringLiteral(" = ?");
    }
    return terms.join(QStringLiteral(" AND "));
}

QVariantList RowIdentity::binds(const QVariant& identity)
{
    return isComposite(identity) ? identity.toList() : QVariantList{identity};
}

QVariant RowIdentity::fromValues(const QVariantList& values)
{
    return values.size() == 1 ? values.constFirst() : QVariant(values);
}

QVariantMap RowIdentity::changeKey(const QStringList& columns, const QVariant& identity)
{
    const QVariantList values = binds(identity);
    QVariantMap key;
    for (int i = 0; i < columns.size() && i < values.size(); ++i)
        key.insert(columns.at(i), values.at(i));
    return key;
}

QString RowIdentity::hashKey(const QVariant& identity)
{
    if (isComposite(identity)) {
        QStringList parts;
        for (const QVariant& part : identity.toList())
            parts << hashKey(part);
        return QStringLiteral("(") + parts.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    switch (SqlValue::storageClass(identity)) {
    case SqlValue::StorageClass::Null:
        return QStringLiteral("n");
    case SqlValue::StorageClass::Integer:
        return QStringLiteral("i") + QString::number(identity.toLongLong());
    case SqlValue::StorageClass::Real:
        return QStringLiteral("r") + QString::number(identity.toDouble(), 'g', 17);
    case SqlValue::StorageClass::Text:
    case SqlValue::StorageClass::Blob:
        // Hex keeps text and blob keys apart from each other and from numbers, whatever their bytes.
        return (SqlValue::storageClass(identity) == SqlValue::StorageClass::Text ? QStringLiteral("t")
                                                                                 : QStringLiteral("b")) +
               QString::fromLatin1(SqlValue::bytes(identity).toHex());
    }
    return {};
}

bool RowIdentity::lessThan(const QVariant& a, const QVariant& b)
{
    if (isComposite(a) && isComposite(b)) {
        const QVariantList left = a.toList();
        const QVariantList right = b.toList();
        for (int i = 0; i < left.size() && i < right.size(); ++i) {
            if (lessThan(left.at(i), right.at(i)))
                return true;
            if (lessThan(right.at(i), left.at(i)))
                return false;
        }
        return left.size() < right.size();
    }
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Unordered)
        return hashKey(a) < hashKey(b);
    return order == QPartialOrdering::Less;
}

} // namespace quarry
