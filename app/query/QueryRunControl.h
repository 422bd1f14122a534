#pragma once

#include <QMutex>

#include <atomic>

namespace quarry {

class Connection;

// What the GUI thread and the query worker share to stop a run: the worker's connection, whose interrupt()
// (sqlite3_interrupt) may be called from any thread, and the newest run id that was cancelled.
class QueryRunControl {
public:
    // Called by the worker when it opens or closes its connection.
    void setConnection(const Connection* connection);
    // Marks every run up to `runId` cancelled and interrupts whatever statement is running. Any thread.
    void cancel(int runId);
    bool isCancelled(int runId) const { return runId <= m_cancelledUpTo.load(); }

private:
    QMutex m_mutex; // held while interrupting so the worker cannot close the connection meanwhile
    const Connection* m_connection = nullptr;
    std::atomic_int m_cancelledUpTo{0};
};

} // namespace quarry
