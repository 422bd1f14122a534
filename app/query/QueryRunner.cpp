#include "query/QueryRunner.h"

namespace quarry {

QueryRunner::QueryRunner(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<RunOptions>();
    qRegisterMetaType<ParameterValues>();
    qRegisterMetaType<PendingStatement>();
    qRegisterMetaType<StatementOutcome>();
    qRegisterMetaType<RunSummary>();
    qRegisterMetaType<PlanOutcome>();
    qRegisterMetaType<SchemaCatalog>();
    qRegisterMetaType<std::shared_ptr<ResultSpool>>();

    m_thread.setObjectName(QStringLiteral("quarry-query"));
    m_worker = new QueryWorker(m_control);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &QueryWorker::opened, this, &QueryRunner::opened);
    connect(m_worker, &QueryWorker::statementPaused, this, &QueryRunner::statementPaused);
    connect(m_worker, &QueryWorker::resultStarted, this, &QueryRunner::resultStarted);
    connect(m_worker, &QueryWorker::resultGrew, this, &QueryRunner::resultGrew);
    connect(m_worker, &QueryWorker::statementFinished, this, &QueryRunner::statementFinished);
    connect(m_worker, &QueryWorker::runFinished, this, [this](const RunSummary& summary) {
        if (summary.runId == m_running)
            m_running = 0;
        emit runFinished(summary);
    });
    connect(m_worker, &QueryWorker::planRead, this, &QueryRunner::planRead);
    connect(m_worker, &QueryWorker::schemaRead, this, &QueryRunner::schemaRead);
    connect(m_worker, &QueryWorker::transactionStateChanged, this, &QueryRunner::transactionStateChanged);
    connect(m_worker, &QueryWorker::databaseChanged, this, &QueryRunner::databaseChanged);
    m_thread.start();
}

QueryRunner::~QueryRunner()
{
    m_control.cancel(m_lastRunId);
    m_thread.quit();
    m_thread.wait();
}

void QueryRunner::open(const QString& path, bool readOnly)
{
    m_control.cancel(m_lastRunId);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, path, readOnly] { worker->open(path, readOnly); }, Qt::QueuedConnection);
}

void QueryRunner::close()
{
    m_control.cancel(m_lastRunId);
    QMetaObject::invokeMethod(m_worker, &QueryWorker::close, Qt::QueuedConnection);
}

int QueryRunner::run(const QString& script, const RunOptions& options)
{
    const int runId = ++m_lastRunId;
    m_running = runId;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, runId, script, options] { worker->run(runId, script, options); },
        Qt::QueuedConnection);
    return runId;
}

int QueryRunner::explain(const QString& statement)
{
    const int runId = ++m_lastRunId;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, runId, statement] { worker->explain(runId, statement); }, Qt::QueuedConnection);
    return runId;
}

void QueryRunner::resume(int runId, const ParameterValues& values)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, runId, values] { worker->resume(runId, values); }, Qt::QueuedConnection);
}

void QueryRunner::cancel()
{
    const int runId = m_lastRunId;
    m_control.cancel(runId);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, runId] { worker->abandon(runId); }, Qt::QueuedConnection);
}

} // namespace quarry
