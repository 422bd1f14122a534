#pragma once

#include "query/QueryRunControl.h"
#include "query/QueryWorker.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace quarry {

// The GUI's handle on the query worker: owns the worker thread and its connection (opened in that
// thread), forwards requests as queued calls and the worker's signals back. Every function is called on
// the thread that created the runner, except cancel(), which any thread may call.
class QueryRunner : public QObject {
    Q_OBJECT
public:
    explicit QueryRunner(QObject* parent = nullptr);
    ~QueryRunner() override;

    // Opens `path` on the worker (closing what was open); opened() reports the outcome.
    void open(const QString& path, bool readOnly);
    void close();
    // Starts running `script` and returns the run's id. Runs are serial: a run started while another is
    // held back for an answer replaces it.
    int run(const QString& script, const RunOptions& options = {});
    // EXPLAIN QUERY PLAN of one statement; planRead() reports it.
    int explain(const QString& statement);
    // Answers a statementPaused(): values for its parameters, and yes to its questions.
    void resume(int runId, const ParameterValues& values);
    // Stops the running statement at once (sqlite3_interrupt) and ends the run, also one held back.
    void cancel();

    bool isRunning() const { return m_running != 0; }

signals:
    void opened(bool ok, const QString& message, bool readOnly);
    void statementPaused(const quarry::PendingStatement& statement);
    void resultStarted(int runId, int index, const QString& sql, const std::shared_ptr<quarry::ResultSpool>& rows);
    void resultGrew(int runId, int index, qint64 rows);
    void statementFinished(const quarry::StatementOutcome& outcome);
    void runFinished(const quarry::RunSummary& summary);
    void planRead(const quarry::PlanOutcome& plan);
    void schemaRead(const quarry::SchemaCatalog& catalog);
    void transactionStateChanged(bool open);
    void databaseChanged(bool schemaChanged);

private:
    QueryRunControl m_control;
    QThread m_thread;
    QueryWorker* m_worker = nullptr; // lives in m_thread, deleted there when it finishes
    std::atomic_int m_lastRunId{0};  // read by cancel() from any thread
    int m_running = 0;
};

} // namespace quarry
