#pragma once

struct sqlite3;

namespace quarry {

// The settings a stats connection runs its panels with. The big panels read every post, look its author up by id
// and sort the lot. With SQLite's defaults most of their time went to reading the users table again and again from
// the operating system (a 2 MB page cache holds a sliver of it) and to sorting on one thread.
//
// StatsExecutor applies them before every run, so the stats dock, `quarry stats` and the CSV export all get them;
// the benchmark applies them to its C API connection too, so both sides run the same SQL the same way. A
// connection given these settings should only run stats: its cache is larger than a browsing connection needs.
class StatsConnectionSettings {
public:
    // The page cache is sized to hold the users table, estimated from its highest id, within these bounds. SQLite
    // also sizes each in-memory run of its sorter from the cache size, and big runs sort slower (post-numbering on
    // 1M posts: 2.2 s with 16 MiB, 3.5 s with 128 MiB), hence no flat large value.
    static constexpr int MinCacheKiB = 16 * 1024;
    static constexpr int MaxCacheKiB = 128 * 1024;
    static constexpr int BytesPerUser = 128; // a generated users row takes about 90 bytes of its table's pages

    // The page cache for this file's users table, in KiB (PRAGMA cache_size takes it negative).
    [[nodiscard]] static int cacheKiB(sqlite3* db);

    // Sets the cache and the sorter's threads (SorterThreads::forSpareCores()) on the connection. They only make
    // panels faster: when they cannot be set (a file that is not a database) SQLite's defaults stay, false is
    // returned, and the panel itself reports what is wrong.
    static bool apply(sqlite3* db);

    // Hands the page cache back once a run is over: it is only worth its size while one panel runs.
    static void releaseMemory(sqlite3* db);
};

} // namespace quarry
