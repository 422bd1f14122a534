#include "query/QueryWorker.h"

#include "database/Connection.h"
#include "query/QueryExecutor.h"
#include "query/QueryRunControl.h"
#include "query/ResultSpool.h"
#include "query/RowSink.h"

#include <sqlite3.h>

namespace quarry {

namespace {

// Rows reach the grid in batches: the first as soon as there are a few, then at most ten times a second,
// so a million-row result neither floods the GUI's event queue nor keeps it waiting.
constexpr qint64 kFirstBatchRows = 64;
constexpr qint64 kPublishIntervalMs = 100;

// Writes rows to a spool and tells the GUI as they become readable.
class SpoolSink : public RowSink {
public:
    SpoolSink(QueryWorker& worker, int runId, int index, QString sql)
        : m_worker(worker), m_runId(runId), m_index(index), m_sql(std::move(sql))
    {
    }

    std::shared_ptr<ResultSpool> spool() const { return m_spool; }

    Status begin(const QStringList& columns) override
    {
        auto spool = ResultSpool::create(columns);
        if (!spool)
            return spool.error();
        m_spool = *spool;
        m_timer.start();
        emit m_worker.resultStarted(m_runId, m_index, m_sql, m_spool);
        return {};
    }

    Status addRow(sqlite3_stmt* statement) override
    {
        if (Status status = m_spool->appendRow(statement); !status)
            return status;
        const qint64 appended = m_spool->appendedRows();
        const bool first = m_published == 0 && appended >= kFirstBatchRows;
        if (first || (appended % 64 == 0 && m_timer.elapsed() >= kPublishIntervalMs))
            return publish();
        return {};
    }

    Status end() override { return publish(); }

private:
    Status publish()
    {
        auto published = m_spool->publish();
        if (!published)
            return published.error();
        m_published = *published;
        m_timer.restart();
        emit m_worker.resultGrew(m_runId, m_index, m_published);
        return {};
    }

    QueryWorker& m_worker;
    int m_runId;
    int m_index;
    QString m_sql;
    std::shared_ptr<ResultSpool> m_spool;
    QElapsedTimer m_timer;
    qint64 m_published = 0;
};

} // namespace

struct QueryWorker::Run {
    int id = 0;
    RunOptions options;
    std::unique_ptr<QueryExecutor> executor;
    int next = 0;
    int completed = 0;
    bool writeApproved = false;
    QHash<QString, QVariant> named; // values of :name, @name and $name given earlier in the run
    QElapsedTimer timer;
    // The statement held back for the person's answer.
    Statement held;
    QList<QueryParameter> heldParameters;
    bool isHeld = false;
};

QueryWorker::QueryWorker(QueryRunControl& control) : m_control(control) {}

QueryWorker::~QueryWorker()
{
    close();
}

void QueryWorker::open(const QString& path, bool readOnly)
{
    close();
    auto connection = Connection::open(
        path, {readOnly ? Connection::Mode::ReadOnly : Connection::Mode::ReadWrite, 5000, QStringLiteral("query")});
    if (!connection) {
        emit opened(false, connection.error().message, readOnly);
        return;
    }
    m_connection = std::move(*connection);
    sqlite3* db = m_connection->handle();
    // The editor runs whatever a person types: keep extension loading off and the schema safe from
    // writable_schema tricks, whatever the library's defaults are.
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    m_control.setConnection(m_connection.get());
    m_transactionOpen = false;
    emit opened(true, m_connection->readOnlyReason(), m_connection->isReadOnly());
    readSchema();
}

void QueryWorker::close()
{
    if (m_run)
        finishRun(QueryError{QStringLiteral("The database was closed."), 0, m_run->next, 0, 1, 1, true});
    if (!m_connection)
        return;
    m_control.setConnection(nullptr);
    m_connection.reset(); // an open transaction of the person's is rolled back by closing
    if (m_transactionOpen) {
        m_transactionOpen = false;
        emit transactionStateChanged(false);
    }
}

void QueryWorker::run(int runId, const QString& script, const RunOptions& options)
{
    if (m_run)
        finishRun(QueryError{QStringLiteral("A newer run replaced this one."), 0, m_run->next, 0, 1, 1, true});
    m_run = std::make_unique<Run>();
    m_run->id = runId;
    m_run->options = options;
    m_run->timer.start();
    if (!m_connection) {
        m_run->executor = std::make_unique<QueryExecutor>(nullptr, script);
        finishRun(QueryError{QStringLiteral("No database is open."), 0, 0, 0, 1, 1, false});
        return;
    }
    m_run->executor = std::make_unique<QueryExecutor>(m_connection->handle(), script);
    proceed();
}

void QueryWorker::proceed()
{
    while (m_run && m_run->next < m_run->executor->statements().size()) {
        const int index = m_run->next;
        const QueryExecutor& executor = *m_run->executor;
        if (m_control.isCancelled(m_run->id)) {
            QueryError error = executor.errorAt(index, QStringLiteral("Stopped before this statement ran."));
            error.cancelled = true;
            finishRun(error);
            return;
        }
        Statement statement;
        if (auto error = executor.prepare(index, statement)) {
            StatementOutcome outcome;
            outcome.runId = m_run->id;
            outcome.index = index;
            outcome.sql = executor.statements().at(index).sql;
            outcome.position = executor.statements().at(index).offset;
            outcome.error = error;
            emit statementFinished(outcome);
            finishRun(error);
            return;
        }
        if (statement.isNull()) { // a statement of comments only
            ++m_run->next;
            continue;
        }

        PendingStatement pending;
        pending.runId = m_run->id;
        pending.index = index;
        pending.sql = executor.statements().at(index).sql;
        pending.position = executor.statements().at(index).offset;
        const QList<QueryParameter> parameters = statement.parameters();
        for (const QueryParameter& parameter : parameters) {
            if (!parameter.isNamed() || !m_run->named.contains(parameter.name))
                pending.parameters.append(parameter);
        }
        pending.writes = !statement.isReadOnly();
        pending.needsWriteGuard = m_run->options.guardWrites && pending.writes && !m_run->writeApproved;
        if (m_run->options.confirmDestructive)
            pending.destructiveReason = StatementClassifier::classify(pending.sql).destructiveReason;

        m_run->held = std::move(statement);
        m_run->heldParameters = pending.parameters;
        m_run->isHeld = true;
        if (!pending.parameters.isEmpty() || pending.needsWriteGuard || !pending.destructiveReason.isEmpty()) {
            emit statementPaused(pending);
            return; // resume() or abandon() continues
        }
        executeHeld({});
    }
    if (m_run)
        finishRun(std::nullopt);
}

void QueryWorker::resume(int runId, const ParameterValues& values)
{
    if (!m_run || m_run->id != runId || !m_run->isHeld)
        return;
    executeHeld(values);
    proceed();
}

void QueryWorker::abandon(int runId)
{
    if (!m_run || m_run->id != runId || !m_run->isHeld)
        return;
    QueryError error = m_run->executor->errorAt(m_run->next, QStringLiteral("Not run: the statement was declined."));
    error.cancelled = true;
    finishRun(error);
}

void QueryWorker::executeHeld(const ParameterValues& answers)
{
    Run& run = *m_run;
    const int index = run.next;
    Statement statement = std::move(run.held);
    run.isHeld = false;
    if (!statement.isReadOnly())
        run.writeApproved = true;

    // Every placeholder gets a value: this run's earlier answer for a named one, else the answer just given.
    for (qsizetype i = 0; i < run.heldParameters.size(); ++i) {
        if (run.heldParameters.at(i).isNamed())
            run.named.insert(run.heldParameters.at(i).name, answers.value(i));
    }
    const QList<QueryParameter> parameters = statement.parameters();
    ParameterValues values;
    for (const QueryParameter& parameter : parameters) {
        if (parameter.isNamed()) {
            values << run.named.value(parameter.name);
        } else {
            const auto at = std::find_if(run.heldParameters.cbegin(), run.heldParameters.cend(),
                                         [&](const QueryParameter& p) { return p.index == parameter.index; });
            values << (at == run.heldParameters.cend() ? QVariant() : answers.value(at - run.heldParameters.cbegin()));
        }
    }
    StatementOutcome outcome;
    if (auto error = run.executor->bind(index, statement, parameters, values)) {
        outcome.index = index;
        outcome.sql = run.executor->statements().at(index).sql;
        outcome.error = error;
    } else {
        const qint64 changesBefore = run.executor->totalChanges();
        const int schemaBefore = statement.isReadOnly() ? 0 : run.executor->schemaVersion();
        SpoolSink sink(*this, run.id, index, run.executor->statements().at(index).sql);
        outcome = run.executor->execute(index, statement, &sink);
        outcome.rows = sink.spool();
        if (!statement.isReadOnly() || outcome.kind == StatementInfo::Kind::Transaction)
            noteChanges(outcome, changesBefore, statement.isReadOnly() ? -1 : schemaBefore);
    }
    outcome.runId = run.id;
    emit statementFinished(outcome);
    reportTransaction();
    if (outcome.error) {
        finishRun(outcome.error);
        return;
    }
    ++run.completed;
    ++run.next;
}

void QueryWorker::noteChanges(const StatementOutcome& outcome, qint64 changesBefore, int schemaBefore)
{
    if (m_run->executor->totalChanges() != changesBefore || outcome.changes > 0)
        m_dataChangePending = true;
    if (schemaBefore >= 0 && m_run->executor->schemaVersion() != schemaBefore) {
        m_schemaChangePending = true;
        m_dataChangePending = true;
    }
    // A COMMIT or ROLLBACK decides what others see; let them look again either way.
    if (outcome.kind == StatementInfo::Kind::Transaction && !m_run->executor->inTransaction())
        m_dataChangePending = m_dataChangePending || m_transactionOpen;
}

void QueryWorker::reportTransaction()
{
    if (!m_connection)
        return;
    const bool open = sqlite3_get_autocommit(m_connection->handle()) == 0;
    if (open != m_transactionOpen) {
        m_transactionOpen = open;
        emit transactionStateChanged(open);
    }
}

void QueryWorker::finishRun(std::optional<QueryError> error)
{
    std::unique_ptr<Run> run = std::move(m_run);
    run->held = Statement(); // finalize before anything else touches the connection
    RunSummary summary;
    summary.runId = run->id;
    summary.statementsRun = run->completed;
    summary.statementCount = int(run->executor->statements().size());
    summary.elapsedMs = run->timer.elapsed();
    summary.error = std::move(error);
    reportTransaction();
    summary.transactionOpen = m_transactionOpen;
    const bool schemaChanged = m_schemaChangePending;
    const bool notify = m_dataChangePending && !m_transactionOpen;
    if (notify) {
        m_dataChangePending = false;
        m_schemaChangePending = false;
    }
    emit runFinished(summary);
    if (notify)
        emit databaseChanged(schemaChanged);
    if (notify && schemaChanged)
        readSchema();
}

void QueryWorker::explain(int runId, const QString& statement)
{
    PlanOutcome plan;
    plan.runId = runId;
    plan.sql = statement;
    if (!m_connection) {
        plan.error = QueryError{QStringLiteral("No database is open."), 0, 0, 0, 1, 1, false};
        emit planRead(plan);
        return;
    }
    const QueryExecutor executor(m_connection->handle(), statement);
    if (executor.statements().isEmpty()) {
        emit planRead(plan);
        return;
    }
    QueryExecutor::Plan result = executor.explain(0);
    plan.nodes = result.nodes;
    plan.error = result.error;
    emit planRead(plan);
}

void QueryWorker::readSchema()
{
    if (m_connection)
        emit schemaRead(SchemaCatalog::read(m_connection->handle()));
}

} // namespace quarry
