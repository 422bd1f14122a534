#pragma once

#include "core/Error.h"
#include "stats/StatsExecutor.h"
#include "stats/StatsParameters.h"
#include "stats/StatsResult.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace quarry {

class StatsWorker;
struct StatsRunnerState;

// Runs stats panels off the calling thread. A worker thread opens its own read-only Connection to the database
// and runs one panel at a time through StatsExecutor. A newer request for a panel supersedes the older one:
// a queued one is dropped, a running one interrupted (sqlite3_interrupt). Only the live request of a panel ever
// reports back, through finished() or failed(), on the thread that owns the runner.
class StatsRunner : public QObject {
    Q_OBJECT
public:
    explicit StatsRunner(QObject* parent = nullptr);
    ~StatsRunner() override;

    // Cancels everything; later requests run on `path` (opened read-only on first use). An empty path closes.
    void setDatabase(const QString& path);
    QString database() const { return m_path; }

    // Queues `panel` (a StatsQueries name) and returns the request's id, which finished()/failed() carry.
    quint64 run(const QString& panel, const StatsParameters& parameters, qsizetype maxRows = StatsExecutor::AllRows);
    // Drops the panel's queued request or interrupts its running one; neither reports back.
    void cancel(const QString& panel);
    void cancelAll();
    bool isPending(const QString& panel) const;

signals:
    void finished(quint64 requestId, const quarry::StatsResult& result);
    void failed(quint64 requestId, const QString& panel, const quarry::Error& error);

private:
    void deliver(quint64 requestId, const QString& panel, const Result<StatsResult>& result);
    friend class StatsWorker;

    std::shared_ptr<StatsRunnerState> m_state;
    QThread m_thread;
    StatsWorker* m_worker = nullptr; // lives in m_thread; deleted there when the thread finishes
    QString m_path;
};

} // namespace quarry
