#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace quarry {

struct TableInfo;

// How one stored row of a table is named, in every statement that reads or writes it alone.
//
// The identity of a row is its rowid; for a WITHOUT ROWID table, its primary key: the key's value when the key
// has one column, a QVariantList of the key's values (in key order) when it has several. Views have none. Rows
// inserted here and not yet written have a PendingRow instead (PendingChanges.h).
class RowIdentity {
public:
    // The columns that name a row: {"rowid"} (or the table's rowidName), the primary key's columns in key order,
    // or none (a view).
    static QStringList columns(const TableInfo& table);
    // "rowid = ?", or "a" = ? AND "b" = ?, each name prefixed with `alias.` when one is given.
    static QString condition(const QStringList& columns, const QString& alias = {});
    // The values that condition() binds, in order.
    static QVariantList binds(const QVariant& identity);
    // The identity of a row whose key columns hold `values`, in key order.
    static QVariant fromValues(const QVariantList& values);
    // The key of a Change that names this row.
    static QVariantMap changeKey(const QStringList& columns, const QVariant& identity);
    // A text equal for equal identities (an integer read as int or as qlonglong alike), for hashing.
    static QString hashKey(const QVariant& identity);
    // A stable order of identities, for a write order that does not depend on hashing.
    static bool lessThan(const QVariant& a, const QVariant& b);
};

} // namespace quarry
