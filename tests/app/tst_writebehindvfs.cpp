#include "TestFiles.h"
#include "database/WriteBehindVfs.h"
#include "generate/Generator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace quarry;
using quarry::test::TestFiles;

// WriteBehindVfs against SQLite's default VFS doing the same work: a file whose pages are re-read while their
// writes are still queued, a rollback played back through the queue, and a write that fails.
class TestWriteBehindVfs : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void makesTheSameFileAsTheDefaultVfs();
    void aWriteThatFailsFailsTheGenerationAndLeavesNoFile();
    void flushIsANoOpForOtherVfses();

private:
    struct Totals {
        qint64 rows = -1;
        qint64 bytes = -1;
        QByteArray least;
    };
    // Builds a table of `rows` pseudo-random texts with an index on them in `path`, reading it back at each step.
    static bool build(const QString& path, const char* vfs, int rows, Totals* inTransaction, Totals* afterRollback);
    static bool exec(sqlite3* db, const char* sql);
    static Totals totals(sqlite3* db);

    QTemporaryDir m_dir;
};

bool TestWriteBehindVfs::exec(sqlite3* db, const char* sql)
{
    char* message = nullptr;
    const int code = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (code != SQLITE_OK)
        qWarning("%s: %s", sql, message ? message : sqlite3_errstr(code));
    sqlite3_free(message);
    return code == SQLITE_OK;
}

TestWriteBehindVfs::Totals TestWriteBehindVfs::totals(sqlite3* db)
{
    Totals result;
    sqlite3_stmt* query = nullptr;
    // The least text is read through the index, the sum through the table: both trees are read back.
    if (sqlite3_prepare_v2(db, "SELECT count(*), sum(length(v)), (SELECT v FROM t ORDER BY v LIMIT 1) FROM t", -1,
                           &query, nullptr) == SQLITE_OK &&
        sqlite3_step(query) == SQLITE_ROW) {
        result.rows = sqlite3_column_int64(query, 0);
        result.bytes = sqlite3_column_int64(query, 1);
        result.least = QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(query, 2)));
    }
    sqlite3_finalize(query);
    return result;
}

bool TestWriteBehindVfs::build(const QString& path, const char* vfs, int rows, Totals* inTransaction,
                               Totals* afterRollback)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs) !=
        SQLITE_OK) {
        qWarning("open: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    // A cache of eight pages: pages leave it, are queued, and are wanted back soon after, many still queued.
    bool ok = exec(db, "PRAGMA page_size = 4096; PRAGMA cache_size = 8;"
                       " CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL); CREATE INDEX t_v ON t (v);"
                       " BEGIN");
    sqlite3_stmt* insert = nullptr;
    ok = ok && sqlite3_prepare_v2(db, "INSERT INTO t (v) VALUES (?1)", -1, &insert, nullptr) == SQLITE_OK;
    quint64 state = 88172645463325252ULL;
    for (int i = 0; ok && i < rows; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        const QByteArray text = QByteArray::number(state, 16).repeated(1 + int(state % 8));
        sqlite3_bind_text(insert, 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        ok = sqlite3_step(insert) == SQLITE_DONE && sqlite3_reset(insert) == SQLITE_OK;
    }
    sqlite3_finalize(insert);
    if (ok)
        *inTransaction = totals(db);
    ok = ok && exec(db, "COMMIT");
    // The rollback journal puts every changed page back, through the same queue as the changes went.
    ok = ok && exec(db, "BEGIN; UPDATE t SET v = v || 'x' WHERE id % 3 = 0; DELETE FROM t WHERE id % 7 = 0;"
                        " ROLLBACK");
    if (ok)
        *afterRollback = totals(db);
    ok = ok && WriteBehindVfs::flush(db) == SQLITE_OK;
    return sqlite3_close(db) == SQLITE_OK && ok;
}

void TestWriteBehindVfs::makesTheSameFileAsTheDefaultVfs()
{
    const int rows = 30000;
    const QString plain = m_dir.filePath(QStringLiteral("plain.db"));
    const QString queued = m_dir.filePath(QStringLiteral("queued.db"));
    Totals plainDuring, plainAfter, queuedDuring, queuedAfter;
    QVERIFY(build(plain, nullptr, rows, &plainDuring, &plainAfter));
    QVERIFY(build(queued, WriteBehindVfs::name(), rows, &queuedDuring, &queuedAfter));

    QCOMPARE(plainDuring.rows, qint64(rows));
    QVERIFY(plainDuring.bytes > 30 * rows);
    QVERIFY(!plainDuring.least.isEmpty());
    for (const Totals& t : {queuedDuring, queuedAfter, plainAfter}) {
        QCOMPARE(t.rows, plainDuring.rows);
        QCOMPARE(t.bytes, plainDuring.bytes);
        QCOMPARE(t.least, plainDuring.least);
    }
    QCOMPARE(TestFiles::querySql(queued, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    // The same statements make the same pages in the same places.
    QFile a(plain), b(queued);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray expected = a.readAll();
    QVERIFY(expected.size() > 1024 * 1024);
    QVERIFY(b.readAll() == expected);
}

void TestWriteBehindVfs::aWriteThatFailsFailsTheGenerationAndLeavesNoFile()
{
    // The kernel refuses to make any file of this process longer than 1 MiB: the writer thread's writes
    // beyond that fail, long after the statements that made the pages returned.
    const QString target = m_dir.filePath(QStringLiteral("too-big.db"));
    GeneratorOptions options;
    options.users = 2000;
    options.posts = 20000;
    options.comments = 20000;
    Result<GeneratorReport> report = Error{};
    {
        const TestFiles::FileSizeLimit limit(1024 * 1024);
        QVERIFY(limit.isSet());
        report = Generator::generate(target, options);
    }

    QVERIFY(!report);
    QVERIFY2(report.error().message.contains(QStringLiteral("disk I/O error")) ||
                 report.error().message.contains(QStringLiteral("full")),
             qPrintable(report.error().message));
    QVERIFY(!QFile::exists(target));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("too-big*")}, QDir::Files | QDir::Hidden), QStringList());

    // With the limit gone, the same options work.
    auto again = Generator::generate(target, options);
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));
    QCOMPARE(again->posts, qint64(20000));
    QCOMPARE(TestFiles::querySql(target, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
}

void TestWriteBehindVfs::flushIsANoOpForOtherVfses()
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), SQLITE_OK);
    QCOMPARE(WriteBehindVfs::flush(db), SQLITE_OK);
    sqlite3_close(db);
    // Registered once, whatever the number of calls; never the default.
    QCOMPARE(WriteBehindVfs::name(), WriteBehindVfs::name());
    QVERIFY(sqlite3_vfs_find(WriteBehindVfs::name()) != nullptr);
    QVERIFY(sqlite3_vfs_find(nullptr) != sqlite3_vfs_find(WriteBehindVfs::name()));
}

QTEST_GUILESS_MAIN(TestWriteBehindVfs)
#include "tst_writebehindvfs.moc"
