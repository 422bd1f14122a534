#include "generate/Generator.h"

#include "database/Connection.h"
#include "database/PartialFile.h"
#include "database/WriteBehindVfs.h"
#include "generate/BlogTimeline.h"
#include "generate/GeneratorRun.h"
#include "schema/Migrator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <sqlite3.h>

namespace quarry {

namespace {

constexpr qint64 kMaximumRows = 1000000000000; // beyond any disk; keeps every derived number exact in a double

const char kScaleQuery[] = "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM posts),"
                           " (SELECT count(*) FROM comments)";

// Settings for the new file, before the migrations create its tables. Nobody else can see the file until it
// is renamed into place, so the migrations need not wait for the disk (12 syncs, about 50 ms). 16 KB pages
// instead of SQLite's 4 KB mean a quarter as many pages to write, to read back for the index builds and to
// sort into runs, and a quarter as many system calls: at 100k users / 1M posts / 1M comments, under the same
// load, the inserting thread's CPU time fell from 6.2-6.4 s to 3.2-3.3 s and the index builds from 3.8 s to
// 2.0 s; 8 KB pages gave 3.7-4.5 s, 32 KB 3.4-3.5 s, 64 KB 3.8-4.3 s. Only the file's layout changes:
// tables, columns, values and their types are the migrations' own, and SQLite reads any page size.
const char kNewFileSettings[] = "PRAGMA page_size = 16384; PRAGMA synchronous = OFF";

Error usage(const QString& message)
{
    return Error::make(Error::Kind::Usage, message);
}

Status prepareNewFile(Connection& connection)
{
    char* message = nullptr;
    const int code = sqlite3_exec(connection.handle(), kNewFileSettings, nullptr, nullptr, &message);
    if (code == SQLITE_OK)
        return {};
    const QString text = QString::fromUtf8(message ? message : sqlite3_errstr(code));
    sqlite3_free(message);
    return Error::make(Error::Kind::Sql, QStringLiteral("Cannot prepare the new file: %1").arg(text), code, text);
}

} // namespace

Status Generator::validate(const GeneratorOptions& options)
{
    const std::pair<const char*, qint64> counts[] = {
        {"users", options.users}, {"posts", options.posts}, {"comments", options.comments}};
    for (const auto& [name, count] : counts) {
        if (count < 0 || count > kMaximumRows)
            return usage(QStringLiteral("The number of %1 must be between 0 and %2, not %3.")
                             .arg(QLatin1String(name))
                             .arg(kMaximumRows)
                             .arg(count));
    }
    if (options.posts > 0 && options.users == 0)
        return usage(QStringLiteral("Posts need authors: ask for at least one user."));
    if (options.comments > 0 && options.posts == 0)
        return usage(QStringLiteral("Comments need posts: ask for at least one post."));
    if (options.endTime - options.startTime < BlogTimeline::kMinimumPeriod)
        return usage(QStringLiteral("The period rows are created in must be at least three days long."));
    if (!(options.profileShare >= 0.0 && options.profileShare <= 1.0))
        return usage(QStringLiteral("The share of users with a profile must be between 0 and 1."));
    return {};
}

Result<GeneratorReport> Generator::generate(const QString& path, const GeneratorOptions& options,
                                            const GeneratorProgressCallback& progress,
                                            const std::atomic<bool>* cancelled)
{
    QElapsedTimer clock;
    clock.start();
    if (auto ok = validate(options); !ok)
        return ok.error();
    if (path.isEmpty())
        return usage(QStringLiteral("No database file was given."));
    const QFileInfo target(path);
    const QString absolute = target.absoluteFilePath();
    const QString shown = QDir::toNativeSeparators(absolute);
    if (target.exists() || target.isSymLink())
        return usage(QStringLiteral("Cannot create \u201c%1\u201d: the file already exists.").arg(shown));
    if (!QFileInfo(target.absolutePath()).isDir())
        return Error::make(Error::Kind::NotFound,
                           QStringLiteral("Cannot create \u201c%1\u201d: the folder does not exist.").arg(shown));

    // A unique name beside the target, where SQLite creates the file.
    const auto reserved = PartialFile::reserveBeside(absolute);
    if (!reserved)
        return Error::make(Error::Kind::Io,
                           QStringLiteral("Cannot create \u201c%1\u201d: %2").arg(shown, reserved.error().message));
    const QString partial = *reserved;

    Result<GeneratorReport> result = Error{};
    {
        // Nobody opens the partial file until it is renamed, so its pages may go to the disk from a thread of
        // their own (WriteBehindVfs); GeneratorRun waits for the last of them after COMMIT.
        auto connection = Connection::open(
            partial, {Connection::Mode::Create, 5000, QStringLiteral("generate"), WriteBehindVfs::name()});
        if (!connection)
            return connection.error();
        Migrator migrator(**connection);
        if (auto prepared = prepareNewFile(**connection); !prepared)
            result = prepared.error();
        else if (auto ok = migrator.createLatest(); !ok)
            result = ok.error();
        else
            result = GeneratorRun(**connection, options, progress, cancelled).run();
    }
    if (!result) {
        QFile::remove(partial);
        if (cancelled && cancelled->load())
            return Error::make(Error::Kind::Cancelled,
                               QStringLiteral("Cancelled: \u201c%1\u201d was not created.").arg(shown));
        return result;
    }
    if (!PartialFile::moveIntoPlace(partial, absolute)) // a file created meanwhile at `path` is left alone
        return usage(QStringLiteral("Cannot create \u201c%1\u201d: the file already exists.").arg(shown));
    result->fileBytes = QFileInfo(absolute).size();
    result->seconds = double(clock.nsecsElapsed()) / 1e9;
    result->rowsPerSecond = result->seconds > 0 ? double(result->rows) / result->seconds : 0.0;
    return result;
}

bool Generator::matchesScale(const QString& path, const GeneratorOptions& options)
{
    auto connection = Connection::open(path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("scale")});
    if (!connection)
        return false;
    auto schema = Migrator::inspect((*connection)->database());
    if (!schema || schema->kind != SchemaInfo::Kind::Blog || schema->version != Migrator::LatestVersion)
        return false;
    QSqlQuery query((*connection)->database());
    if (!query.exec(QString::fromLatin1(kScaleQuery)) || !query.next())
        return false;
    return query.value(0).toLongLong() == options.users && query.value(1).toLongLong() == options.posts &&
           query.value(2).toLongLong() == options.comments;
}

} // namespace quarry
