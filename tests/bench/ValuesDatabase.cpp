#include "ValuesDatabase.h"

#include <QElapsedTimer>
#include <QFile>

#include <sqlite3.h>

#include <algorithm>

namespace quarry::bench {

namespace {

constexpr char kCreateSql[] = "CREATE TABLE items(id INTEGER PRIMARY KEY, title TEXT, payload)";
constexpr char kInsertSql[] = "INSERT INTO items(id, title, payload) VALUES (?1, ?2, ?3)";
constexpr char kSetBlobSql[] = "UPDATE items SET payload = zeroblob(?2) WHERE id = ?1";
constexpr char kSetTextSql[] = "UPDATE items SET payload = ?2 WHERE id = ?1";
// length() of a BLOB or TEXT reads the record header only, not the value.
constexpr char kScaleSql[] = "SELECT count(*), (SELECT length(payload) FROM items WHERE id = ?1 AND typeof(payload) = "
                             "'blob'), (SELECT length(payload) FROM items WHERE id = ?2 AND typeof(payload) = 'text') "
                             "FROM items";
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kPieceBytes = 4 * 1024 * 1024;
const QByteArray kTextLine = QByteArrayLiteral("A line of the huge text, as in a log or a long document: 0123456789\n");

// Byte i of the huge BLOB: never zero, and not the start of an image or of UTF-8 text.
char blobByte(qint64 i)
{
    return char(0x80 | ((i * 37 + 11) & 0x7f));
}

bool exec(sqlite3* db, const char* sql, QString& error)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    error = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return false;
}

// Runs `sql` with two integers bound, as a statement that returns no rows.
bool run(sqlite3* db, const char* sql, qint64 first, qint64 second, QString& error)
{
    sqlite3_stmt* stmt = nullptr;
    bool ok = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_int64(stmt, 1, first);
        sqlite3_bind_int64(stmt, 2, second);
        ok = sqlite3_step(stmt) == SQLITE_DONE;
    }
    if (!ok)
        error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    return ok;
}

bool insertRows(sqlite3* db, qint64 rows, QString& error)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, kInsertSql, -1, &stmt, nullptr) != SQLITE_OK) {
        error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    bool ok = true;
    for (qint64 id = 1; ok && id <= rows; ++id) {
        const QByteArray title = "Item " + QByteArray::number(id) + " of the huge-values table";
        const QByteArray payload = ValuesDatabase::smallValue(id);
        sqlite3_bind_int64(stmt, 1, id);
        sqlite3_bind_text(stmt, 2, title.constData(), int(title.size()), SQLITE_TRANSIENT);
        // Small BLOBs and small TEXT alternate, so the column holds both as the huge file's does.
        if (id % 2 == 0)
            sqlite3_bind_blob(stmt, 3, payload.constData(), int(payload.size()), SQLITE_TRANSIENT);
        else
            sqlite3_bind_text(stmt, 3, payload.constData(), int(payload.size()), SQLITE_TRANSIENT);
        ok = sqlite3_step(stmt) == SQLITE_DONE;
        sqlite3_reset(stmt);
    }
    if (!ok)
        error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    return ok;
}

// A zeroblob of `bytes`, then the pattern written over it in pieces: SQLite stores every byte, so reading the
// value costs what reading a real one does.
bool writeBlob(sqlite3* db, qint64 id, qint64 bytes, QString& error)
{
    if (!run(db, kSetBlobSql, id, bytes, error))
        return false;
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db, "main", ValuesDatabase::kTable, ValuesDatabase::kValueColumn, id, 1, &blob) !=
        SQLITE_OK) {
        error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    // The pattern repeats every 128 bytes, so one piece serves every offset that is a multiple of it.
    const QByteArray piece = ValuesDatabase::blobHead(int(kPieceBytes));
    bool ok = true;
    for (qint64 offset = 0; ok && offset < bytes; offset += kPieceBytes) {
        const int size = int(std::min(kPieceBytes, bytes - offset));
        ok = sqlite3_blob_write(blob, piece.constData(), size, int(offset)) == SQLITE_OK;
    }
    if (!ok)
        error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_blob_close(blob);
    return ok;
}

bool writeText(sqlite3* db, qint64 id, qint64 bytes, QString& error)
{
    const QByteArray text = ValuesDatabase::textHead(int(bytes));
    sqlite3_stmt* stmt = nullptr;
    bool ok = sqlite3_prepare_v2(db, kSetTextSql, -1, &stmt, nullptr) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_int64(stmt, 1, id);
        sqlite3_bind_text64(stmt, 2, text.constData(), sqlite3_uint64(text.size()), SQLITE_STATIC, SQLITE_UTF8);
        ok = sqlite3_step(stmt) == SQLITE_DONE;
    }
    if (!ok)
        error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    return ok;
}

} // namespace

ValuesDatabase::ValuesDatabase(const BenchOptions& options)
    : m_rows(options.valueRows)
    , m_blobBytes(std::min(options.hugeBlobMb * kMiB, maxValueBytes()))
    , m_textBytes(std::min(options.hugeTextMb * kMiB, maxValueBytes()))
{
}

qint64 ValuesDatabase::maxValueBytes()
{
    sqlite3* db = nullptr;
    qint64 limit = 1000000000; // SQLITE_MAX_LENGTH's default
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
        limit = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1);
    sqlite3_close(db);
    // The whole record must fit under the limit: leave room for the row's other columns and its header.
    return limit - 4096;
}

QByteArray ValuesDatabase::blobHead(int bytes)
{
    QByteArray head(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        head[i] = blobByte(i);
    return head;
}

QByteArray ValuesDatabase::smallValue(qint64 id)
{
    return "small value " + QByteArray::number(id * 7919 % 100000);
}

QByteArray ValuesDatabase::textHead(int bytes)
{
    QByteArray text;
    text.reserve(bytes + kTextLine.size());
    while (text.size() < bytes)
        text += kTextLine;
    text.truncate(bytes);
    return text;
}

bool ValuesDatabase::matches(const QString& path, bool huge) const
{
    sqlite3* db = nullptr;
    bool same = false;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, kScaleSql, -1, &stmt, nullptr) == SQLITE_OK) {
            sqlite3_bind_int64(stmt, 1, blobRowId());
            sqlite3_bind_int64(stmt, 2, textRowId());
            if (sqlite3_step(stmt) == SQLITE_ROW) {
                // The plain file holds small values in those rows (NULL reads as 0).
                const qint64 blob = sqlite3_column_int64(stmt, 1);
                const qint64 text = sqlite3_column_int64(stmt, 2);
                const bool sizes = huge ? blob == m_blobBytes && text == m_textBytes : blob < 1024 && text < 1024;
                same = sqlite3_column_int64(stmt, 0) == m_rows && sizes;
            }
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return same;
}

bool ValuesDatabase::write(const QString& path, bool huge, QString& error, QStringList& notes) const
{
    QFile::remove(path);
    QElapsedTimer clock;
    clock.start();
    sqlite3* db = nullptr;
    bool ok = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) ==
              SQLITE_OK;
    if (!ok)
        error = QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory");
    // A scratch file: no journal and no syncing, so writing a gigabyte costs what copying it does.
    ok = ok && exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", error) && exec(db, kCreateSql, error) &&
         exec(db, "BEGIN", error) && insertRows(db, m_rows, error);
    if (ok && huge)
        ok = writeBlob(db, blobRowId(), m_blobBytes, error) && writeText(db, textRowId(), m_textBytes, error);
    ok = ok && exec(db, "COMMIT", error);
    sqlite3_close(db);
    if (!ok) {
        QFile::remove(path);
        return false;
    }
    notes << QStringLiteral("%1: written in %2 s, %3 MiB file")
                 .arg(huge ? QStringLiteral("huge") : QStringLiteral("plain"))
                 .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 2)
                 .arg(double(QFile(path).size()) / (1024.0 * 1024.0), 0, 'f', 1);
    return true;
}

} // namespace quarry::bench
