#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace quarry {

// The queue of one main database file's writes and the thread that writes them, in the order they came (the
// writer behind WriteBehindVfs). The thread writes through a file of its own (`file`, a second open of the same
// path), so that nothing in the default VFS's file object is shared between it and the connection's thread.
// At most `maxBytes` wait at any time; a write beyond that waits for room. The first error the thread meets is
// returned by every later call.
class WriteQueue {
public:
    WriteQueue(sqlite3_file* file, long long maxBytes);
    ~WriteQueue(); // writes what is left first

    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    int write(const void* data, int size, sqlite3_int64 offset);
    // Waits until no queued write overlaps [offset, offset + size).
    int waitForRange(sqlite3_int64 offset, int size);
    // Waits until every queued write is written.
    int drain();

private:
    struct PendingWrite {
        sqlite3_int64 offset = 0;
        std::vector<char> bytes; // reused: its capacity stays from one write to the next
    };

    bool overlapsQueued(sqlite3_int64 offset, int size) const;
    void run();

    sqlite3_file* const m_file;
    const long long m_maxBytes;
    std::mutex m_mutex;
    std::condition_variable m_queued;  // to the writer: a write was queued, or the queue is closing
    std::condition_variable m_written; // to the connection's thread: a write left the queue
    std::deque<std::unique_ptr<PendingWrite>> m_queue;
    std::vector<std::unique_ptr<PendingWrite>> m_spare;
    std::multimap<sqlite3_int64, int> m_ranges; // offset -> size of every queued write
    long long m_bytes = 0;
    int m_longest = 0;
    int m_error = SQLITE_OK;
    bool m_stopping = false;
    std::thread m_thread; // last, so everything it uses exists when it starts
};

} // namespace quarry
