#include "models/PageReader.h"

#include "database/SqlValue.h"
#include "database/Statement.h"
#include "models/RowIdentity.h"

#include <sqlite3.h>

#include <algorithm>

namespace quarry {

namespace {

constexpr int kKeyStepsPerSlice = 20000;
// Text and BLOB cells longer than this are held as their first kCellHeadBytes and their size; the value editor
// reads the whole value on demand. A page of 256 rows then holds at most a few megabytes, whatever the file has.
constexpr qsizetype kMaxCellBytes = BrowseSql::MaxBrowsedBlobBytes;
constexpr qsizetype kCellHeadBytes = 1024;

// A row's identity from the `width` columns from `first` on (RowIdentity).
QVariant identityAt(const Statement& statement, int first, int width)
{
    QVariantList values;
    for (int c = first; c < first + width; ++c)
        values << statement.value(c);
    return RowIdentity::fromValues(values);
}

// A value for the grid: a long TEXT or BLOB is held as a CutValue, its head and size, never whole.
QVariant cellAt(const Statement& statement, int column)
{
    return SqlValue::fromColumn(statement.handle(), column, kMaxCellBytes, kCellHeadBytes);
}

QString errorText(sqlite3* db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

} // namespace

PageReader::PageReader(sqlite3* db) : m_db(db) {}

PageReader::~PageReader() = default;

void PageReader::reset(const BrowseSql& sql)
{
    m_sql = sql;
    m_total.reset();
    m_countTried = false;
    m_estimateTried = false;
    m_keys.clear();
    m_keysDone = false;
    m_keyStatement.reset();
    m_keyRow = 0;
    m_denseFirst.reset();
}

qint64 PageReader::positionOf(const QVariant& identity)
{
    if (!m_sql.hasIdentity())
        return -1;
    // The sort value goes from one statement to the next as SQLite's own value: a text longer than a
    // browsed cell, or a number stored in a text column, still compares as stored.
    std::unique_ptr<sqlite3_value, decltype(&sqlite3_value_free)> sortValue(nullptr, sqlite3_value_free);
    if (m_sql.isSorted()) {
        Statement read(m_db, m_sql.sortValueSql());
        if (read.isNull())
            return -1;
        read.bind(m_sql.sortValueBinds(identity));
        if (sqlite3_step(read.handle()) != SQLITE_ROW)
            return -1;
        sortValue.reset(sqlite3_value_dup(sqlite3_column_value(read.handle(), 0)));
        if (!sortValue)
            return -1;
    }
    const bool keyIsNull = sortValue && sqlite3_value_type(sortValue.get()) == SQLITE_NULL;
    Statement statement(m_db, m_sql.positionSql(keyIsNull));
    if (statement.isNull())
        return -1;
    statement.bind(m_sql.positionBinds(identity, keyIsNull));
    if (sortValue && !keyIsNull)
        sqlite3_bind_value(statement.handle(), 1, sortValue.get());
    if (sqlite3_step(statement.handle()) != SQLITE_ROW || sqlite3_column_int(statement.handle(), 1) == 0)
        return -1;
    return sqlite3_column_int64(statement.handle(), 0);
}

std::optional<qint64> PageReader::estimate()
{
    m_estimateTried = true;
    const QString sql = m_sql.rowidRangeSql();
    if (sql.isEmpty())
        return std::nullopt;
    Statement range(m_db, sql);
    if (range.isNull() || sqlite3_step(range.handle()) != SQLITE_ROW ||
        sqlite3_column_type(range.handle(), 0) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_int64(range.handle(), 1) - sqlite3_column_int64(range.handle(), 0) + 1;
}

std::variant<RowBlock, QString> PageReader::read(qint64 first, int count)
{
    RowBlock rows;
    std::unique_ptr<Statement> statement;
    bool reverse = false;
    const qint64 keyIndex = first / KeyStride;
    if (m_denseFirst && first > 0) {
        // Rowids without gaps: row `first` has rowid m_denseFirst + first.
        statement = std::make_unique<Statement>(m_db, m_sql.seekSql(false));
        QVariantList binds = m_sql.seekBinds(QVariant(), QVariant(*m_denseFirst + first));
        binds << count << 0;
        if (!statement->isNull())
            statement->bind(binds);
    } else if (keyIndex < qint64(m_keys.size()) && keyIndex > 0) {
        const auto& [sortValue, identity] = m_keys.at(size_t(keyIndex));
        statement = std::make_unique<Statement>(m_db, m_sql.seekSql(sortValue.isNull()));
        QVariantList binds = m_sql.seekBinds(sortValue, identity);
        binds << count << qlonglong(first - keyIndex * KeyStride);
        if (!statement->isNull())
            statement->bind(binds);
    } else if (m_total && first > *m_total / 2 && m_sql.hasIdentity()) {
        // Near the end, read backwards from the end: jumping to the last row costs no skip at all. Only an order
        // that ends with the row's identity reverses exactly: a view's rows (no identity) are read forwards.
        reverse = true;
        const qint64 end = std::min<qint64>(*m_total, qint64(first) + count);
        const qint64 fromEnd = *m_total - end;
        statement = std::make_unique<Statement>(m_db, m_sql.pageSql(true));
        QVariantList binds = m_sql.whereBinds();
        binds << qlonglong(end - first) << qlonglong(fromEnd);
        if (!statement->isNull())
            statement->bind(binds);
    } else {
        statement = std::make_unique<Statement>(m_db, m_sql.pageSql(false));
        QVariantList binds = m_sql.whereBinds();
        binds << count << qlonglong(first);
        if (!statement->isNull())
            statement->bind(binds);
    }
    if (statement->isNull())
        return errorText(m_db);
    const int width = sqlite3_column_count(statement->handle());
    const int identityWidth = m_sql.identityWidth();
    int rc;
    while ((rc = sqlite3_step(statement->handle())) == SQLITE_ROW) {
        QVariantList row;
        row.reserve(width);
        row << identityAt(*statement, 0, identityWidth); // exact
        for (int c = identityWidth; c < width - 1; ++c)
            row << cellAt(*statement, c);
        const QString bigBlobs = statement->value(width - 1).toString();
        if (!bigBlobs.isEmpty()) {
            for (const auto& [tableColumn, bytes] : BrowseSql::parseBigBlobs(bigBlobs))
                row[1 + tableColumn] = bigBlob(row.at(0), tableColumn, bytes);
        }
        rows << row;
    }
    if (rc != SQLITE_DONE)
        return errorText(m_db);
    if (reverse)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

QVariant PageReader::bigBlob(const QVariant& identity, int tableColumn, qint64 bytes) const
{
    CutValue cut;
    cut.isBlob = true;
    cut.bytes = bytes;
    sqlite3_blob* blob = nullptr;
    if (m_sql.hasRowid() && sqlite3_blob_open(m_db, "main", m_sql.tableName().toUtf8().constData(),
                                              m_sql.columnName(tableColumn).toUtf8().constData(), identity.toLongLong(),
                                              0, &blob) == SQLITE_OK) {
        const int head = int(std::min<qint64>(kCellHeadBytes, sqlite3_blob_bytes(blob)));
        QByteArray bytesRead(head, Qt::Uninitialized);
        if (sqlite3_blob_read(blob, bytesRead.data(), head, 0) == SQLITE_OK)
            cut.head = bytesRead;
    }
    sqlite3_blob_close(blob);
    return QVariant::fromValue(cut);
}

std::optional<QString> PageReader::count()
{
    m_countTried = true;
    Statement statement(m_db, m_sql.countSql());
    if (statement.isNull())
        return errorText(m_db);
    statement.bind(m_sql.whereBinds());
    if (sqlite3_step(statement.handle()) != SQLITE_ROW) {
        if (sqlite3_errcode(m_db) == SQLITE_INTERRUPT)
            m_countTried = false; // paused or superseded: count again later
        return errorText(m_db);
    }
    m_total = sqlite3_column_int64(statement.handle(), 0);
    findDenseRowids();
    return std::nullopt;
}

void PageReader::findDenseRowids()
{
    const QString sql = m_sql.rowidRangeSql();
    if (sql.isEmpty() || !m_total || *m_total == 0)
        return;
    Statement range(m_db, sql);
    if (range.isNull() || sqlite3_step(range.handle()) != SQLITE_ROW)
        return;
    const qint64 smallest = sqlite3_column_int64(range.handle(), 0);
    const qint64 largest = sqlite3_column_int64(range.handle(), 1);
    if (largest - smallest + 1 == *m_total) {
        m_denseFirst = smallest;
        m_keysDone = true;
    }
}

std::optional<QString> PageReader::buildKeysSlice()
{
    if (!m_keyStatement) {
        m_keyStatement = std::make_unique<Statement>(m_db, m_sql.keysSql());
        if (m_keyStatement->isNull())
            return errorText(m_db);
        m_keyStatement->bind(m_sql.whereBinds());
    }
    for (int step = 0; step < kKeyStepsPerSlice; ++step) {
        const int rc = sqlite3_step(m_keyStatement->handle());
        if (rc == SQLITE_DONE) {
            m_keysDone = true;
            m_keyStatement.reset();
            return std::nullopt;
        }
        if (rc != SQLITE_ROW) {
            const QString message = errorText(m_db);
            if (sqlite3_errcode(m_db) == SQLITE_INTERRUPT) {
                dropKeyWalk(); // paused or superseded: walk again later
                return message;
            }
            m_keysDone = true; // without the index, reads fall back to OFFSET: slower, still right
            m_keyStatement.reset();
            return message;
        }
        if (m_keyRow % KeyStride == 0)
            m_keys.emplace_back(m_keyStatement->value(0), identityAt(*m_keyStatement, 1, m_sql.identityWidth()));
        ++m_keyRow;
    }
    return std::nullopt;
}

void PageReader::dropKeyWalk()
{
    if (!m_keyStatement)
        return;
    m_keyStatement.reset();
    m_keys.clear();
    m_keyRow = 0;
}

} // namespace quarry
