#include "generate/GeneratorRun.h"

#include "database/CancelCheck.h"
#include "database/Connection.h"
#include "database/SorterThreads.h"
#include "database/SqlError.h"
#include "database/SqlIdentifier.h"
#include "database/Statement.h"
#include "database/WriteBehindVfs.h"
#include "generate/BlogRowWriter.h"
#include "generate/BulkInserter.h"
#include "generate/RowBatch.h"
#include "generate/RowPipeline.h"

#include <sqlite3.h>

#include <initializer_list>

namespace quarry {

namespace {

// The file is new and nobody else can see it until the Generator renames it into place, so a crash may
// leave it broken: no journal, no syncing. Foreign keys are guaranteed by construction (and checked by the
// tests), so SQLite need not look each parent up.
const char* const kFastSettings[] = {
    "PRAGMA foreign_keys = OFF",
    "PRAGMA journal_mode = OFF",
    "PRAGMA synchronous = OFF",
};
// users carries two UNIQUE indexes (username, email) that every insert searches at a random place: they
// need a cache that holds them (at 500k users 64 MB took 45% less time than 8 MB).
const char kUsersCache[] = "PRAGMA cache_size = -65536";
// Appending posts and comments needs only a small cache: a large one costs more in allocating and faulting
// in fresh pages than it saves (posts went 40% faster with 8 MB than with 128 MB).
const char kAppendCache[] = "PRAGMA cache_size = -8192";
// Creating an index sorts all its keys. The cache size also sets the size of the sorted runs the sorter
// spills to temporary files before merging them; small runs that stay in the CPU's caches beat large ones
// (measured at 1M posts: each index built in half the time with 1 MB as with 32 MB).
const char kIndexCache[] = "PRAGMA cache_size = -1000";
// Sorter threads take the sorting and merging off the thread that scans the table, which otherwise leaves the
// second core nearly idle while the indexes are built. One per core, not per spare core: the connection does
// nothing else meanwhile. Five alternating pairs of whole 10M runs on 2 cores: the index phase took 0.6 to 3.9 s
// less with two sorter threads than with one (17.7 to 25.2 s against 18.4 to 29.1 s); at 1M the two were within
// each other's spread (1.8 to 2.2 s against 1.6 to 2.3 s). One sorter thread had already beaten none: 15.7 to
// 18.6 s against 18.1 to 23.1 s at 10M. %1: SorterThreads::forAllCores(), an integer made here.
const char kIndexThreads[] = "PRAGMA threads = %1";
const char kBegin[] = "BEGIN";
const char kCommit[] = "COMMIT";
const char kRestoreForeignKeys[] = "PRAGMA foreign_keys = ON";

// Every schema object from the first explicit index on, in creation order (see the class comment).
const char kDeferredObjects[] =
    "SELECT type, name, sql FROM sqlite_schema"
    " WHERE sql IS NOT NULL"
    "   AND rowid >= (SELECT min(rowid) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL)"
    " ORDER BY rowid";

const char kInsertUsers[] = "INSERT INTO users (username, email, created_at, first_name, last_name) VALUES";
const char kInsertPosts[] = "INSERT INTO posts (title, content, author_id, created_at) VALUES";
const char kInsertComments[] = "INSERT INTO comments (content, post_id, author_id, created_at) VALUES";
const char kInsertProfiles[] = "INSERT INTO user_profiles (user_id, bio, avatar_url, created_at) VALUES";

// Rows per INSERT execution (one row per step costs twice as much CPU per row as 16; 64 a little less
// still), and ids per batch handed from the row writers to SQLite (a whole number of statements).
constexpr int kRowsPerStatement = 64;
constexpr int kIdsPerBatch = 4 * kRowsPerStatement;
// Batches beyond one per worker: one being inserted and one ready, so neither side waits on the other.
constexpr int kBatchesWaiting = 2;
constexpr qint64 kReportIntervalMs = 500;

} // namespace

GeneratorRun::GeneratorRun(Connection& connection, const GeneratorOptions& options,
                           const GeneratorProgressCallback& progress, const std::atomic<bool>* cancelled)
    : m_connection(connection)
    , m_db(connection.handle())
    , m_options(options)
    , m_progress(progress)
    , m_cancelled(cancelled)
{
}

Status GeneratorRun::exec(const char* sql, const QString& what)
{
    char* message = nullptr;
    const int code = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (code == SQLITE_OK)
        return {};
    const QString text = QString::fromUtf8(message ? message : sqlite3_errstr(code));
    sqlite3_free(message);
    return Error::make((code & 0xff) == sqlite_code::Interrupt ? Error::Kind::Cancelled : Error::Kind::Sql,
                       QStringLiteral("Cannot %1: %2").arg(what, text), sqlite3_extended_errcode(m_db), text);
}

Status GeneratorRun::setUp()
{
    for (const char* setting : kFastSettings) {
        if (auto ok = exec(setting, QStringLiteral("prepare the new file for a bulk insert")); !ok)
            return ok;
    }
    return exec(kBegin, QStringLiteral("begin the bulk insert"));
}

Status GeneratorRun::dropDeferredObjects()
{
    int code = SQLITE_OK;
    {
        Statement statement;
        code = statement.prepare(m_db, kDeferredObjects);
        sqlite3_stmt* query = statement.handle();
        if (code == SQLITE_OK) {
            while ((code = sqlite3_step(query)) == SQLITE_ROW) {
                const auto column = [query](int i) {
                    return QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(query, i)));
                };
                m_deferred.append({column(0), column(1), column(2)});
            }
        }
    } // finalized before the error is read
    if (code != SQLITE_DONE) {
        const QString text = QString::fromUtf8(sqlite3_errmsg(m_db));
        return Error::make(Error::Kind::Sql, QStringLiteral("Cannot read the schema: %1").arg(text),
                           sqlite3_extended_errcode(m_db), text);
    }

    for (auto object = m_deferred.crbegin(); object != m_deferred.crend(); ++object) {
        QByteArray keyword;
        if (object->type == "index")
            keyword = "DROP INDEX ";
        else if (object->type == "table")
            keyword = "DROP TABLE ";
        else if (object->type == "trigger")
            keyword = "DROP TRIGGER ";
        else if (object->type == "view")
            keyword = "DROP VIEW ";
        else
            return Error::make(Error::Kind::Sql,
                               QStringLiteral("Cannot set aside schema object %1 of type %2.")
                                   .arg(QString::fromUtf8(object->name), QString::fromUtf8(object->type)));
        const QByteArray drop = keyword + SqlIdentifier::quote(QString::fromUtf8(object->name)).toUtf8();
        if (auto ok = exec(drop.constData(), QStringLiteral("set aside %1").arg(QString::fromUtf8(object->name))); !ok)
            return ok;
    }
    return {};
}

Status GeneratorRun::recreateDeferredObjects()
{
    const qint64 total = m_deferred.size();
    if (total == 0)
        return {};
    const QByteArray threads = QString::fromLatin1(kIndexThreads).arg(SorterThreads::forAllCores()).toUtf8();
    for (const char* setting : {kIndexCache, threads.constData()}) {
        if (auto ok = exec(setting, QStringLiteral("prepare to create the indexes")); !ok)
            return ok;
    }
    for (qint64 i = 0; i < total; ++i) {
        const SchemaObject& object = m_deferred.at(i);
        report(GeneratorProgress::Phase::Indexes, i, total, QString::fromUtf8(object.name));
        if (auto ok = exec(object.sql.constData(), QStringLiteral("create %1").arg(QString::fromUtf8(object.name)));
            !ok)
            return ok;
    }
    report(GeneratorProgress::Phase::Indexes, total, total);
    return {};
}

void GeneratorRun::report(GeneratorProgress::Phase phase, qint64 done, qint64 total, const QString& detail)
{
    const qint64 ms = m_clock.elapsed();
    m_lastReportMs = ms;
    if (!m_progress)
        return;
    GeneratorProgress progress;
    progress.phase = phase;
    progress.done = done;
    progress.total = total;
    progress.rows = m_rows;
    progress.seconds = double(ms) / 1000.0;
    progress.rowsPerSecond = ms > 0 ? double(m_rows) * 1000.0 / double(ms) : 0.0;
    progress.detail = detail;
    m_progress(progress);
}

Status GeneratorRun::fill(GeneratorProgress::Phase phase, qint64 ids, BulkInserter& inserter, int columns,
                          qsizetype rowBytes, const WriteRow& writeRow)
{
    report(phase, 0, ids);
    if (auto ok = inserter.prepare(); !ok)
        return ok;
    const int workers = int(m_writers.size());
    // Room for a whole run of ids at the longest rows; only the part written is ever touched.
    std::vector<RowBatch> ring;
    for (int i = 0; i < workers + kBatchesWaiting; ++i)
        ring.emplace_back(columns, kIdsPerBatch, rowBytes * kIdsPerBatch, rowBytes);
    const auto produce = [&](qint64 first, qint64 last, int worker, RowBatch& batch) {
        BlogRowWriter& writer = m_writers[size_t(worker)];
        for (qint64 id = first; id <= last; ++id)
            writeRow(writer, quint64(id), batch);
    };
    const auto consume = [&](const RowBatch& batch) -> Status {
        if (auto ok = inserter.insert(batch); !ok)
            return ok;
        m_rows += batch.rows();
        if (m_clock.elapsed() - m_lastReportMs >= kReportIntervalMs)
            report(phase, batch.position(), ids);
        return {};
    };
    if (auto ok = RowPipeline::run(ids, kIdsPerBatch, workers, ring, produce, consume); !ok)
        return ok;
    if (ids > 0) // an empty phase has been reported once, at its start
        report(phase, ids, ids);
    return {};
}

Result<GeneratorReport> GeneratorRun::run()
{
    m_clock.start();
    const CancelCheck cancelCheck(m_db, m_cancelled);
    if (auto ok = setUp(); !ok)
        return ok.error();
    if (m_options.deferIndexes) {
        if (auto ok = dropDeferredObjects(); !ok)
            return ok.error();
    }

    // Every row is a function of the options and its id, so each worker's writer makes the same rows.
    m_writers.assign(size_t(RowPipeline::defaultWorkers()), BlogRowWriter(m_options));
    if (auto ok = exec(kUsersCache, QStringLiteral("size the cache for users")); !ok)
        return ok.error();
    {
        BulkInserter inserter(m_db, kInsertUsers, BlogRowWriter::kUserColumns, kRowsPerStatement);
        if (auto ok = fill(GeneratorProgress::Phase::Users, m_options.users, inserter, BlogRowWriter::kUserColumns,
                           BlogRowWriter::kUserRowBytes,
                           [](BlogRowWriter& writer, quint64 id, RowBatch& batch) { writer.user(id, batch); });
            !ok)
            return ok.error();
    }
    if (auto ok = exec(kAppendCache, QStringLiteral("size the cache for posts and comments")); !ok)
        return ok.error();
    {
        BulkInserter inserter(m_db, kInsertPosts, BlogRowWriter::kPostColumns, kRowsPerStatement);
        if (auto ok = fill(GeneratorProgress::Phase::Posts, m_options.posts, inserter, BlogRowWriter::kPostColumns,
                           BlogRowWriter::kPostRowBytes,
                           [](BlogRowWriter& writer, quint64 id, RowBatch& batch) { writer.post(id, batch); });
            !ok)
            return ok.error();
    }
    {
        BulkInserter inserter(m_db, kInsertComments, BlogRowWriter::kCommentColumns, kRowsPerStatement);
        if (auto ok = fill(GeneratorProgress::Phase::Comments, m_options.comments, inserter,
                           BlogRowWriter::kCommentColumns, BlogRowWriter::kCommentRowBytes,
                           [](BlogRowWriter& writer, quint64 id, RowBatch& batch) { writer.comment(id, batch); });
            !ok)
            return ok.error();
    }
    if (auto ok = recreateDeferredObjects(); !ok)
        return ok.error();
    // Profiles go in last, into the re-created user_profiles table; ids here are user ids, most of them skipped.
    GeneratorReport result;
    {
        const qint64 rowsBefore = m_rows;
        BulkInserter inserter(m_db, kInsertProfiles, BlogRowWriter::kProfileColumns, kRowsPerStatement);
        if (auto ok = fill(GeneratorProgress::Phase::Profiles, m_options.users, inserter,
                           BlogRowWriter::kProfileColumns, BlogRowWriter::kProfileRowBytes,
                           [](BlogRowWriter& writer, quint64 id, RowBatch& batch) {
                               if (writer.hasProfile(id))
                                   writer.profile(id, batch);
                           });
            !ok)
            return ok.error();
        result.profiles = m_rows - rowsBefore;
    }
    if (auto ok = exec(kCommit, QStringLiteral("commit the generated rows")); !ok)
        return ok.error();
    // Until then, the last pages may still be on their way to the file.
    if (const int code = WriteBehindVfs::flush(m_db); code != SQLITE_OK) {
        const QString text = QString::fromUtf8(sqlite3_errstr(code));
        return Error::make(Error::Kind::Io, QStringLiteral("Cannot write the generated rows: %1").arg(text), code,
                           text);
    }
    if (auto ok = exec(kRestoreForeignKeys, QStringLiteral("turn foreign keys back on")); !ok)
        return ok.error();

    result.users = m_options.users;
    result.posts = m_options.posts;
    result.comments = m_options.comments;
    result.rows = m_rows;
    result.seconds = double(m_clock.nsecsElapsed()) / 1e9;
    result.rowsPerSecond = result.seconds > 0 ? double(m_rows) / result.seconds : 0.0;
    return result;
}

} // namespace quarry
