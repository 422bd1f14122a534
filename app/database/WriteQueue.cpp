#include "database/WriteQueue.h"

#include <algorithm>
#include <new>

namespace quarry {

WriteQueue::WriteQueue(sqlite3_file* file, long long maxBytes)
    : m_file(file), m_maxBytes(maxBytes), m_thread([this] { run(); })
{
}

WriteQueue::~WriteQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_queued.notify_one();
    m_thread.join();
}

int WriteQueue::write(const void* data, int size, sqlite3_int64 offset)
{
    std::unique_ptr<PendingWrite> pending;
    {
        std::unique_lock lock(m_mutex);
        m_written.wait(lock, [&] { return m_error != SQLITE_OK || m_queue.empty() || m_bytes + size <= m_maxBytes; });
        if (m_error != SQLITE_OK)
            return m_error;
        if (!m_spare.empty()) {
            pending = std::move(m_spare.back());
            m_spare.pop_back();
        }
    }
    try {
        if (!pending)
            pending = std::make_unique<PendingWrite>();
        const auto* bytes = static_cast<const char*>(data);
        pending->bytes.assign(bytes, bytes + size);
    } catch (const std::bad_alloc&) {
        return SQLITE_IOERR_NOMEM;
    }
    pending->offset = offset;
    {
        std::lock_guard lock(m_mutex);
        // Every allocation happens here, so that the writer thread never allocates: m_spare has room for
        // every buffer there is.
        try {
            m_spare.reserve(m_spare.size() + m_queue.size() + 1);
            const auto range = m_ranges.emplace(offset, size);
            try {
                m_queue.push_back(std::move(pending));
            } catch (const std::bad_alloc&) {
                m_ranges.erase(range);
                throw;
            }
        } catch (const std::bad_alloc&) {
            return SQLITE_IOERR_NOMEM;
        }
        m_longest = std::max(m_longest, size);
        m_bytes += size;
    }
    m_queued.notify_one();
    return SQLITE_OK;
}

int WriteQueue::waitForRange(sqlite3_int64 offset, int size)
{
    std::unique_lock lock(m_mutex);
    m_written.wait(lock, [&] { return !overlapsQueued(offset, size); });
    return m_error;
}

int WriteQueue::drain()
{
    std::unique_lock lock(m_mutex);
    m_written.wait(lock, [&] { return m_queue.empty(); });
    return m_error;
}

bool WriteQueue::overlapsQueued(sqlite3_int64 offset, int size) const
{
    // Only a write starting less than the longest write's size before `offset` can reach into the range.
    for (auto it = m_ranges.lower_bound(offset - m_longest + 1); it != m_ranges.end() && it->first < offset + size;
         ++it) {
        if (it->first + it->second > offset)
            return true;
    }
    return false;
}

void WriteQueue::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_queued.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            return;
        // The front write stays queued, and so visible to readers, until it is written.
        PendingWrite& pending = *m_queue.front();
        const int size = int(pending.bytes.size());
        if (m_error == SQLITE_OK) {
            lock.unlock();
            const int code = m_file->pMethods->xWrite(m_file, pending.bytes.data(), size, pending.offset);
            lock.lock();
            if (code != SQLITE_OK)
                m_error = code; // and every later write is dropped: the file is lost anyway
        }
        const auto [first, last] = m_ranges.equal_range(pending.offset);
        for (auto it = first; it != last; ++it) {
            if (it->second == size) {
                m_ranges.erase(it);
                break;
            }
        }
        m_bytes -= size;
        m_spare.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
        m_written.notify_all();
    }
}

} // namespace quarry
