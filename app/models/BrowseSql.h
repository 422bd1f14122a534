#pragma once

#include "models/BrowseRequest.h"
#include "models/TableInfo.h"

#include <QStringList>
#include <QVariantList>

#include <algorithm>
#include <utility>

namespace quarry {

// A column computed from the row rather than stored (the users' full name).
struct ComputedColumn {
    QString header;
    QString expression; // SQL over the table's columns, qualified with the alias "t"
};

// The SQL that browses one table: the table's columns, the display column of every foreign key (one
// LEFT JOIN each, so rows with a NULL or dangling key stay visible), computed columns, filters with bound
// values, an order with the row's identity as tie-breaker, and key-set seeks for paging.
//
// A row read with these statements is laid out as: identity (identityWidth() columns: the rowid, or the
// primary key's columns of a WITHOUT ROWID table), the table's columns, one display value per foreign key (in
// TableInfo::foreignKeys order), the computed columns. The reader packs the identity's columns into one value
// (RowIdentity), so rows as a model holds them start with one identity cell.
//
// Filter syntax per column: "=x", "<>x", ">x", "<x", ">=x", "<=x" compare; "NULL" and "NOT NULL" test for
// NULL; anything else matches as a case-insensitive substring. Foreign-key columns match their display
// value (the author's username), or the key itself with a comparison operator.
class BrowseSql {
public:
    // A BLOB longer than this is never read while browsing: its row gives only its size (see bigBlobs()), so
    // a row with a 1 GB BLOB is stepped as fast as any other.
    static constexpr qsizetype MaxBrowsedBlobBytes = 16 * 1024;

    BrowseSql() = default;
    BrowseSql(const TableInfo& table, const QList<ComputedColumn>& computed, const BrowseRequest& request);

    int tableColumnCount() const { return int(m_table.columns.size()); }
    int displayOffset() const { return 1 + tableColumnCount(); }
    int computedOffset() const { return displayOffset() + int(m_table.foreignKeys.size()); }
    int rowWidth() const { return computedOffset() + int(m_computed.size()); }
    // After rowWidth() columns (identity packed), page and seek rows end with one more column that names the
    // table columns holding a BLOB longer than MaxBrowsedBlobBytes, read as NULL: "2:1073741824 5:40000 " gives
    // table column 2's and 5's sizes. Empty text when there is none. parseBigBlobs() reads it.
    static QList<std::pair<int, qint64>> parseBigBlobs(const QString& marks);
    const QString& tableName() const { return m_table.name; }
    QString columnName(int tableColumn) const { return m_table.columns.at(tableColumn).name; }
    bool hasRowid() const { return m_table.hasRowid; }
    bool hasIdentity() const { return !m_identity.isEmpty(); }
    // How many columns the identity takes in a row as read: 1, or the primary key's width.
    int identityWidth() const { return std::max(1, int(m_identity.size())); }
    bool isSorted() const { return !m_sortExpression.isEmpty(); }

    // Rows [offset, offset + limit) in order (or from the end when `fromEnd`): binds are where() + limit, offset.
    QString pageSql(bool fromEnd) const;
    // Rows from the key (sortValue, identity) on, inclusive: binds are where() + seek binds + limit, offset.
    QString seekSql(bool keyIsNull) const;
    QVariantList seekBinds(const QVariant& sortValue, const QVariant& identity) const;
    QString countSql() const;
    // Every row's key in order, for the sparse key index built in the background.
    QString keysSql() const;
    // For a whole table in its natural order: its smallest and largest rowid (two index seeks). When they
    // span exactly the row count, row n has rowid smallest + n and any page is one seek, no key index needed.
    // Empty when that does not apply (a filter, an order, no rowid).
    QString rowidRangeSql() const;
    const QVariantList& whereBinds() const { return m_binds; }
    // Where a row is in the current order, in two steps. When sorted, sortValueSql() reads the row's sort value
    // (binds: sortValueBinds(identity)); no row means it is not there or does not match the filters. Then
    // positionSql(keyIsNull) counts the matching rows that come before it and says whether it matches at all.
    // Its binds are positionBinds(identity, keyIsNull), whose first value, when sorted on a key that is not
    // NULL, is a NULL that stands for the sort value: the caller binds the value as read, type and bytes
    // exact. Empty for a view. The count reads an index when the order has one, else every matching row.
    QString sortValueSql() const;
    QVariantList sortValueBinds(const QVariant& identity) const;
    QString positionSql(bool keyIsNull) const;
    QVariantList positionBinds(const QVariant& identity, bool keyIsNull) const;

private:
    QString identityList() const;         // t.a, t.b
    QString identityTuple() const;        // t.rowid, or (t.a, t.b)
    QString identityPlaceholders() const; // ?, or (?, ?)
    QString identityEquals() const;       // t.a = ? AND t.b = ?
    QString chosenKeys() const;           // t.a AS k0, t.b AS k1
    QString selectList() const;
    QString orderBy(bool reverse) const;
    QString where() const;
    // What the row-choosing part of a query reads: the table alone, or with its joins when a filter or the
    // order looks at a joined table.
    QString keyFrom() const;
    // The rows chosen by `choose` (a query of identities aliased k, in order), with all their columns.
    QString rowsOf(const QString& choose, bool reverse) const;
    void addFilter(const QString& expression, const QString& text, bool compareRaw, const QString& rawExpression);

    TableInfo m_table;
    QList<ComputedColumn> m_computed;
    QString m_from;  // the table and every join
    QString m_joins; // the LEFT JOINs alone
    bool m_keysNeedJoins = false;
    QStringList m_conditions;
    QVariantList m_binds;
    QStringList m_identity;   // t.rowid, or the primary key's columns of a WITHOUT ROWID table; empty for a view
    QString m_sortExpression; // what ORDER BY sorts on before the identity; empty in the identity's order
    bool m_descending = false;
};

} // namespace quarry
