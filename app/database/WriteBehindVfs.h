#pragma once

struct sqlite3;

namespace quarry {

// A SQLite VFS for building a new database file that no other connection or process opens while it is
// written. Each write to the main database file is copied and handed to a writer thread of that file's own, so
// the connection's thread goes on with the next rows instead of waiting for the kernel to copy the page into
// the page cache: at 10M posts that copy was about 40% of the generator's inserting thread, most of it on a
// core that was otherwise idle.
//
// Every other file (journals, temporary files, the sorter's runs) is the default VFS's own, untouched.
// The main file's thread keeps SQLite's view exact:
// - a read that overlaps a write still queued waits until the queue is written;
// - the file's size, syncing, truncating, unlocking and closing wait until the queue is written;
// - at most kQueueBytes wait at any time; a write beyond that waits for room.
// The writer thread writes through a second open of the same file, so the two threads share no file object.
// The first error the writer thread meets (a full disk, say) is returned by every later read, write, size,
// sync, truncate, unlock, close and file control on the file, so SQLite fails the statement or the COMMIT
// that comes next. `flush` waits for every queued write and returns that error, if any; the generator calls
// it after COMMIT as a check of its own.
class WriteBehindVfs {
public:
    static constexpr long long kQueueBytes = 32LL * 1024 * 1024;

    // The VFS's name for sqlite3_open_v2 or a `vfs=` URI parameter. Registers it on first use (not as the default).
    static const char* name();

    // Waits until every write queued on the main database of `db` is written; returns SQLITE_OK, the first error
    // the writer met, or SQLITE_OK when that file does not use this VFS.
    static int flush(sqlite3* db);
};

} // namespace quarry
