#pragma once

#include "models/BrowseSql.h"

#include <QList>
#include <QVariantList>

#include <memory>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

struct sqlite3;

namespace quarry {

using RowBlock = QList<QVariantList>;
class PageStatement;

// Reads the rows of one browse query on one connection, on the loader's thread (RowLoader schedules it): pages
// of rows by key-set seeks, the row count and its quick estimate, the sparse key index (one key per KeyStride
// rows) that makes any page one seek plus a short skip, and where a row is in the current order.
class PageReader {
public:
    static constexpr int KeyStride = 512;

    explicit PageReader(sqlite3* db);
    ~PageReader();
    PageReader(const PageReader&) = delete;
    PageReader& operator=(const PageReader&) = delete;

    void reset(const BrowseSql& sql);

    std::optional<qint64> total() const { return m_total; }

    // Where the row with `identity` is among the current rows (see BrowseSql::positionSql), or -1 when it is
    // not among them or cannot be placed.
    qint64 positionOf(const QVariant& identity);
    bool needsCount() const { return !m_total.has_value() && !m_countTried; }
    bool needsEstimate() const { return !m_estimateTried; }

    // A whole table in rowid order holds about max(rowid) - min(rowid) + 1 rows (exactly, when nothing was
    // ever deleted). Two index seeks, so a ten-million-row table shows its size and scroll bar at once while
    // count(*) reads the file.
    std::optional<qint64> estimate();
    bool needsKeys() const { return !m_keysDone && m_sql.hasIdentity(); }

    // Returns the rows or an error message.
    std::variant<RowBlock, QString> read(qint64 first, int count);

    std::optional<QString> count();

    // A whole table in its natural order whose rowids have no gaps (most tables that are appended to) needs
    // no key index: every page is one seek. That spares the walk over every row of the table, which reads
    // the whole file (gigabytes at ten million rows) on each of the window's open tables.
    void findDenseRowids();

    // Walks a slice of the key index; returns an error message, or nothing (check keysDone()).
    std::optional<QString> buildKeysSlice();
    bool keysDone() const { return m_keysDone; }
    // Lets go of the key walk's statement (and the read lock it holds); the walk starts again later.
    void dropKeyWalk();

private:
    // A BLOB the page did not read: its size, and its first bytes read with incremental I/O, which reads only
    // the pages they are on (a table without a rowid, or a view, gives the size alone).
    QVariant bigBlob(const QVariant& identity, int tableColumn, qint64 bytes) const;

    sqlite3* m_db;
    BrowseSql m_sql;
    std::optional<qint64> m_total;
    bool m_countTried = false;
    bool m_estimateTried = false;
    std::vector<std::pair<QVariant, QVariant>> m_keys;
    bool m_keysDone = false;
    std::unique_ptr<PageStatement> m_keyStatement;
    qint64 m_keyRow = 0;
    std::optional<qint64> m_denseFirst; // the first rowid, when rowids run without gaps
};

} // namespace quarry
