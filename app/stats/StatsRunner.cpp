#include "stats/StatsRunner.h"

#include "database/Connection.h"
#include "stats/StatsQueries.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>

namespace quarry {

// What the runner (owner's thread) and the worker share, always under `mutex`.
struct StatsRunnerState {
    QMutex mutex;
    QHash<QString, quint64> live; // panel -> its live request; absent when cancelled or done
    quint64 nextId = 0;
    quint64 generation = 0; // bumped by setDatabase(): older requests are dropped
    quint64 runningId = 0;  // the request the worker is executing now
    const Connection* running = nullptr;
    std::shared_ptr<std::atomic_bool> runningCancelled; // that request's cancel flag

    // Stops the running request if it is `requestId`. The flag covers a request that has not reached its first
    // step yet (an interrupt then would be lost); the interrupt stops a long step at once. The worker clears
    // runningId only after the statement is finalized, so neither lands on the next request.
    void interruptIfRunning(quint64 requestId)
    {
        if (requestId == 0 || runningId != requestId)
            return;
        if (runningCancelled)
            runningCancelled->store(true);
        if (running)
            running->interrupt();
    }
};

namespace {

struct StatsRequest {
    quint64 id = 0;
    quint64 generation = 0;
    QString path;
    QString panel;
    StatsParameters parameters;
    qsizetype maxRows = StatsExecutor::AllRows;
};

} // namespace

// Lives in the runner's worker thread; owns the worker's Connection, which is opened, used and closed there.
class StatsWorker : public QObject {
public:
    explicit StatsWorker(std::shared_ptr<StatsRunnerState> state) : m_state(std::move(state)) {}

    void run(const StatsRequest& request, StatsRunner* runner)
    {
        const auto cancelled = std::make_shared<std::atomic_bool>(false);
        {
            QMutexLocker lock(&m_state->mutex);
            if (m_state->live.value(request.panel) != request.id || m_state->generation != request.generation)
                return; // superseded or cancelled while queued
            // From here on a cancel reaches this request through its flag (and the interrupt, once running).
            m_state->runningId = request.id;
            m_state->runningCancelled = cancelled;
        }
        Result<StatsResult> result = execute(request, cancelled.get());
        {
            QMutexLocker lock(&m_state->mutex);
            m_state->runningId = 0;
            m_state->running = nullptr;
            m_state->runningCancelled.reset();
        }
        // Posted to the runner's thread; dropped there if the runner is gone or the request no longer live.
        QMetaObject::invokeMethod(
            runner, [runner, id = request.id, panel = request.panel, result] { runner->deliver(id, panel, result); },
            Qt::QueuedConnection);
    }

private:
    Result<StatsResult> execute(const StatsRequest& request, const std::atomic_bool* cancelled)
    {
        const StatsPanel* panel = StatsQueries::find(request.panel);
        if (!panel)
            return Error::make(Error::Kind::Usage,
                               QStringLiteral("There is no stats panel called \u201c%1\u201d.").arg(request.panel));
        if (!m_connection || m_generation != request.generation) {
            m_connection.reset();
            auto opened = Connection::open(request.path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("stats")});
            if (!opened)
                return opened.error();
            m_connection = std::move(*opened);
            m_generation = request.generation;
        }
        {
            QMutexLocker lock(&m_state->mutex);
            m_state->running = m_connection.get();
        }
        return StatsExecutor(*m_connection, cancelled).run(*panel, request.parameters, request.maxRows);
    }

    std::shared_ptr<StatsRunnerState> m_state;
    std::unique_ptr<Connection> m_connection;
    quint64 m_generation = 0;
};

StatsRunner::StatsRunner(QObject* parent)
    : QObject(parent), m_state(std::make_shared<StatsRunnerState>()), m_worker(new StatsWorker(m_state))
{
    m_thread.setObjectName(QStringLiteral("quarry-stats"));
    m_worker->moveToThread(&m_thread);
    // Deleting the worker in its own thread closes its Connection in the thread that opened it.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StatsRunner::~StatsRunner()
{
    cancelAll();
    m_thread.quit();
    m_thread.wait();
}

void StatsRunner::setDatabase(const QString& path)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->interruptIfRunning(m_state->runningId);
    m_state->live.clear();
    ++m_state->generation;
    m_path = path;
}

quint64 StatsRunner::run(const QString& panel, const StatsParameters& parameters, qsizetype maxRows)
{
    StatsRequest request;
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->interruptIfRunning(m_state->live.value(panel));
        request.id = ++m_state->nextId;
        request.generation = m_state->generation;
        m_state->live.insert(panel, request.id);
    }
    request.path = m_path;
    request.panel = panel;
    request.parameters = parameters;
    request.maxRows = maxRows;
    if (m_path.isEmpty()) {
        // Reported like any other failure, from the event loop, so callers see one path for errors.
        QMetaObject::invokeMethod(
            this,
            [this, id = request.id, panel] {
                deliver(id, panel, Error::make(Error::Kind::Usage, QStringLiteral("No database is open.")));
            },
            Qt::QueuedConnection);
        return request.id;
    }
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, this] { worker->run(request, this); }, Qt::QueuedConnection);
    return request.id;
}

void StatsRunner::cancel(const QString& panel)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->interruptIfRunning(m_state->live.value(panel));
    m_state->live.remove(panel);
}

void StatsRunner::cancelAll()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->interruptIfRunning(m_state->runningId);
    m_state->live.clear();
}

bool StatsRunner::isPending(const QString& panel) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->live.contains(panel);
}

void StatsRunner::deliver(quint64 requestId, const QString& panel, const Result<StatsResult>& result)
{
    {
        QMutexLocker lock(&m_state->mutex);
        if (m_state->live.value(panel) != requestId)
            return;
        m_state->live.remove(panel);
    }
    if (result)
        emit finished(requestId, *result);
    else
        emit failed(requestId, panel, result.error());
}

} // namespace quarry
