#include "stats/StatsConnectionSettings.h"

#include "database/SorterThreads.h"
#include "database/Statement.h"

#include <QString>

#include <sqlite3.h>

#include <algorithm>

namespace quarry {

namespace {

// %1: the cache size (negative: KiB), %2: the sorter's threads. Both are integers made here, never text from
// outside (PRAGMA takes no bound parameters).
constexpr auto kSettingsSql = "PRAGMA cache_size = %1; PRAGMA threads = %2;";

// One step down the rowid b-tree: the users table's size without reading it.
constexpr auto kHighestUserIdSql = "SELECT max(rowid) FROM users";

} // namespace

int StatsConnectionSettings::cacheKiB(sqlite3* db)
{
    sqlite3_int64 highestId = 0;
    Statement statement;
    // A file without a users table (a panel will then fail with SQLite's own message) gets the smallest cache.
    if (db && statement.prepare(db, kHighestUserIdSql) == SQLITE_OK && sqlite3_step(statement.handle()) == SQLITE_ROW)
        highestId = sqlite3_column_int64(statement.handle(), 0);
    const sqlite3_int64 kib = highestId / 1024 * BytesPerUser;
    return int(std::clamp<sqlite3_int64>(kib, MinCacheKiB, MaxCacheKiB));
}

bool StatsConnectionSettings::apply(sqlite3* db)
{
    if (!db)
        return false;
    const QByteArray sql =
        QString::fromLatin1(kSettingsSql).arg(-cacheKiB(db)).arg(SorterThreads::forSpareCores()).toUtf8();
    return sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

void StatsConnectionSettings::releaseMemory(sqlite3* db)
{
    if (db)
        sqlite3_db_release_memory(db);
}

} // namespace quarry
