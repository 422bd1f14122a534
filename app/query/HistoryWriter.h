#pragma once

#include "query/HistoryStore.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace quarry {

struct StatementOutcome;

// Records the query editor's statements in the history file on a thread of its own, so a slow or locked
// history file never holds up the window. The worker opens its own HistoryStore (and so its own connection)
// in its thread. Entries queued while it writes are gathered and written together in one transaction.
//
// Entries are written in the order they were added. A failure to record is dropped: history is a
// convenience and never stops a run.
class HistoryWriter : public QObject {
    Q_OBJECT
public:
    explicit HistoryWriter(const QString& storePath, QObject* parent = nullptr);
    // Writes whatever is still queued, then stops the thread: history survives a restart.
    ~HistoryWriter() override;

    QString storePath() const { return m_storePath; }
    // Queues one statement for the history. Never blocks on the file.
    void add(const HistoryEntry& entry);
    // Queues a statement the query editor ran on `database`, as it ended.
    void record(const QString& database, const StatementOutcome& outcome);
    // synced() follows once every entry added before this call is written (or failed).
    void sync();

signals:
    void synced();

private:
    // In the worker thread: writes every queued entry in one transaction.
    void drain();

    QString m_storePath;
    QThread m_thread;
    QObject* m_context;                    // lives in m_thread; queued calls run there
    std::unique_ptr<HistoryStore> m_store; // opened, used and closed only in m_thread
    bool m_storeFailed = false;            // only in m_thread: do not retry a store that cannot open
    QMutex m_mutex;
    QList<HistoryEntry> m_queue; // guarded by m_mutex
    bool m_drainPosted = false;  // guarded by m_mutex
};

} // namespace quarry
