#include "models/RowLoader.h"

#include "database/Connection.h"
#include "database/SqlValue.h"
#include "models/RowIdentity.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace quarry {

namespace {

constexpr std::size_t kMaxQueuedRequests = 6;
constexpr int kKeyStepsPerSlice = 20000;
// Text and BLOB cells longer than this are held as their first kCellHeadBytes and their size; the value editor
// reads the whole value on demand. A page of 256 rows then holds at most a few megabytes, whatever the file has.
constexpr qsizetype kMaxCellBytes = BrowseSql::MaxBrowsedBlobBytes;
constexpr qsizetype kCellHeadBytes = 1024;

class Statement {
public:
    Statement(sqlite3* db, const QString& sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        m_rc = sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool isValid() const { return m_rc == SQLITE_OK && m_stmt; }
    sqlite3_stmt* get() const { return m_stmt; }

    void bind(const QVariantList& values)
    {
        for (int i = 0; i < values.size(); ++i)
            (void)SqlValue::bind(m_stmt, i + 1, values.at(i));
    }

    // A value exactly as stored: sort keys.
    QVariant value(int column) const { return SqlValue::fromColumn(m_stmt, column); }
    // A row's identity from the `width` columns from `first` on (RowIdentity).
    QVariant identity(int first, int width) const
    {
        QVariantList values;
        for (int c = first; c < first + width; ++c)
            values << value(c);
        return RowIdentity::fromValues(values);
    }
    // A value for the grid: a long TEXT or BLOB is held as a CutValue, its head and size, never whole.
    QVariant cell(int column) const { return SqlValue::fromColumn(m_stmt, column, kMaxCellBytes, kCellHeadBytes); }

private:
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = SQLITE_ERROR;
};

QString errorText(sqlite3* db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

} // namespace

// The loader thread's own state: what it knows about the current query.
class RowLoader::Worker {
public:
    explicit Worker(sqlite3* db) : m_db(db) {}

    void reset(const BrowseSql& sql)
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

    std::optional<qint64> total() const { return m_total; }

    // Where the row with `identity` is among the current rows (see BrowseSql::positionSql), or -1 when it is
    // not among them or cannot be placed.
    qint64 positionOf(const QVariant& identity)
    {
        if (!m_sql.hasIdentity())
            return -1;
        // The sort value goes from one statement to the next as SQLite's own value: a text longer than a
        // browsed cell, or a number stored in a text column, still compares as stored.
        std::unique_ptr<sqlite3_value, decltype(&sqlite3_value_free)> sortValue(nullptr, sqlite3_value_free);
        if (m_sql.isSorted()) {
            Statement read(m_db, m_sql.sortValueSql());
            if (!read.isValid())
                return -1;
            read.bind(m_sql.sortValueBinds(identity));
            if (sqlite3_step(read.get()) != SQLITE_ROW)
                return -1;
            sortValue.reset(sqlite3_value_dup(sqlite3_column_value(read.get(), 0)));
            if (!sortValue)
                return -1;
        }
        const bool keyIsNull = sortValue && sqlite3_value_type(sortValue.get()) == SQLITE_NULL;
        Statement statement(m_db, m_sql.positionSql(keyIsNull));
        if (!statement.isValid())
            return -1;
        statement.bind(m_sql.positionBinds(identity, keyIsNull));
        if (sortValue && !keyIsNull)
            sqlite3_bind_value(statement.get(), 1, sortValue.get());
        if (sqlite3_step(statement.get()) != SQLITE_ROW || sqlite3_column_int(statement.get(), 1) == 0)
            return -1;
        return sqlite3_column_int64(statement.get(), 0);
    }
    bool needsCount() const { return !m_total.has_value() && !m_countTried; }
    bool needsEstimate() const { return !m_estimateTried; }

    // A whole table in rowid order holds about max(rowid) - min(rowid) + 1 rows (exactly, when nothing was
    // ever deleted). Two index seeks, so a ten-million-row table shows its size and scroll bar at once while
    // count(*) reads the file.
    std::optional<qint64> estimate()
    {
        m_estimateTried = true;
        const QString sql = m_sql.rowidRangeSql();
        if (sql.isEmpty())
            return std::nullopt;
        Statement range(m_db, sql);
        if (!range.isValid() || sqlite3_step(range.get()) != SQLITE_ROW ||
            sqlite3_column_type(range.get(), 0) == SQLITE_NULL)
            return std::nullopt;
        return sqlite3_column_int64(range.get(), 1) - sqlite3_column_int64(range.get(), 0) + 1;
    }
    bool needsKeys() const { return !m_keysDone && m_sql.hasIdentity(); }

    // Returns the rows or an error message.
    std::variant<RowBlock, QString> read(qint64 first, int count)
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
            if (statement->isValid())
                statement->bind(binds);
        } else if (keyIndex < qint64(m_keys.size()) && keyIndex > 0) {
            const auto& [sortValue, identity] = m_keys.at(size_t(keyIndex));
            statement = std::make_unique<Statement>(m_db, m_sql.seekSql(sortValue.isNull()));
            QVariantList binds = m_sql.seekBinds(sortValue, identity);
            binds << count << qlonglong(first - keyIndex * KeyStride);
            if (statement->isValid())
                statement->bind(binds);
        } else if (m_total && first > *m_total / 2) {
            // Near the end, read backwards from the end: jumping to the last row costs no skip at all.
            reverse = true;
            const qint64 end = std::min<qint64>(*m_total, qint64(first) + count);
            const qint64 fromEnd = *m_total - end;
            statement = std::make_unique<Statement>(m_db, m_sql.pageSql(true));
            QVariantList binds = m_sql.whereBinds();
            binds << qlonglong(end - first) << qlonglong(fromEnd);
            if (statement->isValid())
                statement->bind(binds);
        } else {
            statement = std::make_unique<Statement>(m_db, m_sql.pageSql(false));
            QVariantList binds = m_sql.whereBinds();
            binds << count << qlonglong(first);
            if (statement->isValid())
                statement->bind(binds);
        }
        if (!statement->isValid())
            return errorText(m_db);
        const int width = sqlite3_column_count(statement->get());
        const int identityWidth = m_sql.identityWidth();
        int rc;
        while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW) {
            QVariantList row;
            row.reserve(width);
            row << statement->identity(0, identityWidth); // exact
            for (int c = identityWidth; c < width - 1; ++c)
                row << statement->cell(c);
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

    // A BLOB the page did not read: its size, and its first bytes read with incremental I/O, which reads only
    // the pages they are on (a table without a rowid, or a view, gives the size alone).
    QVariant bigBlob(const QVariant& identity, int tableColumn, qint64 bytes) const
    {
        CutValue cut;
        cut.isBlob = true;
        cut.bytes = bytes;
        sqlite3_blob* blob = nullptr;
        if (m_sql.hasRowid() && sqlite3_blob_open(m_db, "main", m_sql.tableName().toUtf8().constData(),
                                                  m_sql.columnName(tableColumn).toUtf8().constData(),
                                                  identity.toLongLong(), 0, &blob) == SQLITE_OK) {
            const int head = int(std::min<qint64>(kCellHeadBytes, sqlite3_blob_bytes(blob)));
            QByteArray bytesRead(head, Qt::Uninitialized);
            if (sqlite3_blob_read(blob, bytesRead.data(), head, 0) == SQLITE_OK)
                cut.head = bytesRead;
        }
        sqlite3_blob_close(blob);
        return QVariant::fromValue(cut);
    }

    std::optional<QString> count()
    {
        m_countTried = true;
        Statement statement(m_db, m_sql.countSql());
        if (!statement.isValid())
            return errorText(m_db);
        statement.bind(m_sql.whereBinds());
        if (sqlite3_step(statement.get()) != SQLITE_ROW) {
            if (sqlite3_errcode(m_db) == SQLITE_INTERRUPT)
                m_countTried = false; // paused or superseded: count again later
            return errorText(m_db);
        }
        m_total = sqlite3_column_int64(statement.get(), 0);
        findDenseRowids();
        return std::nullopt;
    }

    // A whole table in its natural order whose rowids have no gaps (most tables that are appended to) needs
    // no key index: every page is one seek. That spares the walk over every row of the table, which reads
    // the whole file (gigabytes at ten million rows) on each of the window's open tables.
    void findDenseRowids()
    {
        const QString sql = m_sql.rowidRangeSql();
        if (sql.isEmpty() || !m_total || *m_total == 0)
            return;
        Statement range(m_db, sql);
        if (!range.isValid() || sqlite3_step(range.get()) != SQLITE_ROW)
            return;
        const qint64 smallest = sqlite3_column_int64(range.get(), 0);
        const qint64 largest = sqlite3_column_int64(range.get(), 1);
        if (largest - smallest + 1 == *m_total) {
            m_denseFirst = smallest;
            m_keysDone = true;
        }
    }

    // Walks a slice of the key index; returns an error message, or nothing (check keysDone()).
    std::optional<QString> buildKeysSlice()
    {
        if (!m_keyStatement) {
            m_keyStatement = std::make_unique<Statement>(m_db, m_sql.keysSql());
            if (!m_keyStatement->isValid())
                return errorText(m_db);
            m_keyStatement->bind(m_sql.whereBinds());
        }
        for (int step = 0; step < kKeyStepsPerSlice; ++step) {
            const int rc = sqlite3_step(m_keyStatement->get());
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
                m_keys.emplace_back(m_keyStatement->value(0), m_keyStatement->identity(1, m_sql.identityWidth()));
            ++m_keyRow;
        }
        return std::nullopt;
    }
    bool keysDone() const { return m_keysDone; }
    // Lets go of the key walk's statement (and the read lock it holds); the walk starts again later.
    void dropKeyWalk()
    {
        if (!m_keyStatement)
            return;
        m_keyStatement.reset();
        m_keys.clear();
        m_keyRow = 0;
    }

private:
    sqlite3* m_db;
    BrowseSql m_sql;
    std::optional<qint64> m_total;
    bool m_countTried = false;
    bool m_estimateTried = false;
    std::vector<std::pair<QVariant, QVariant>> m_keys;
    bool m_keysDone = false;
    std::unique_ptr<Statement> m_keyStatement;
    qint64 m_keyRow = 0;
    std::optional<qint64> m_denseFirst; // the first rowid, when rowids run without gaps
};

RowLoader::RowLoader(QString path, QObject* parent) : QThread(parent), m_path(std::move(path))
{
    qRegisterMetaType<quarry::RowBlock>();
}

RowLoader::~RowLoader()
{
    shutdown();
}

void RowLoader::setQuery(quint64 generation, const BrowseSql& sql)
{
    {
        QMutexLocker lock(&m_mutex);
        m_generation = generation;
        m_sql = sql;
        m_queryChanged = true;
        m_requests.clear();
    }
    if (sqlite3* db = m_handle.load())
        sqlite3_interrupt(db); // whatever runs now answers an older question
    m_wake.wakeOne();
}

void RowLoader::requestRows(quint64 generation, qint64 first, int count)
{
    {
        QMutexLocker lock(&m_mutex);
        for (const RowRequest& r : m_requests) {
            if (r.generation == generation && r.first == first && r.count == count)
                return;
        }
        m_requests.push_front({generation, first, count});
        while (m_requests.size() > kMaxQueuedRequests)
            m_requests.pop_back();
    }
    m_wake.wakeOne();
}

void RowLoader::locate(quint64 generation, const QVariant& identity)
{
    {
        QMutexLocker lock(&m_mutex);
        m_locate = std::make_pair(generation, identity);
    }
    m_wake.wakeOne();
}

void RowLoader::setBackgroundPaused(bool paused)
{
    {
        QMutexLocker lock(&m_mutex);
        m_paused = paused;
    }
    if (sqlite3* db = m_handle.load(); db && paused)
        sqlite3_interrupt(db);
    m_wake.wakeOne();
}

void RowLoader::shutdown()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_requests.clear();
    }
    if (sqlite3* db = m_handle.load())
        sqlite3_interrupt(db);
    m_wake.wakeOne();
    wait();
}

void RowLoader::run()
{
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("rows")});
    if (!connection) {
        QMutexLocker lock(&m_mutex);
        emit failed(m_generation, connection.error().message);
        return;
    }
    sqlite3* db = (*connection)->handle();
    m_handle = db;
    Worker worker(db);
    quint64 generation = 0;

    while (true) {
        std::optional<RowRequest> request;
        std::optional<std::pair<quint64, QVariant>> locate;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && !m_queryChanged && m_requests.empty() && !m_locate &&
                   !(generation && !m_paused && (worker.needsEstimate() || worker.needsCount() || worker.needsKeys())))
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            if (m_queryChanged) {
                m_queryChanged = false;
                generation = m_generation;
                worker.reset(m_sql);
            }
            if (!m_requests.empty()) {
                request = m_requests.front();
                m_requests.pop_front();
            } else if (m_locate) {
                locate = std::move(m_locate);
                m_locate.reset();
            }
            if (m_paused)
                worker.dropKeyWalk();
            if (!request && !locate && m_paused)
                continue;
        }
        if (request) {
            if (request->generation != generation)
                continue;
            auto rows = worker.read(request->first, request->count);
            if (auto* block = std::get_if<RowBlock>(&rows))
                emit rowsLoaded(generation, request->first, *block);
            else if (sqlite3_errcode(db) != SQLITE_INTERRUPT)
                emit failed(generation, std::get<QString>(rows));
            continue;
        }
        if (locate) {
            if (locate->first == generation)
                emit located(generation, locate->second, worker.positionOf(locate->second));
            continue;
        }
        if (worker.needsEstimate()) {
            if (const auto rows = worker.estimate(); rows && *rows > 0)
                emit estimated(generation, *rows);
            continue;
        }
        if (worker.needsCount()) {
            if (auto error = worker.count()) {
                // Not retried for this query: the model keeps its estimate.
                if (sqlite3_errcode(db) != SQLITE_INTERRUPT)
                    emit failed(generation, *error);
                continue;
            }
            emit counted(generation, *worker.total());
            continue;
        }
        if (worker.needsKeys()) {
            // Interrupted or failed: the index stays partial and reads fall back to OFFSET beyond it.
            (void)worker.buildKeysSlice();
            if (worker.keysDone())
                emit keyIndexBuilt(generation);
        }
    }
    m_handle = nullptr;
}

} // namespace quarry
