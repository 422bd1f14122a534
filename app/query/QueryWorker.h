#pragma once

#include "database/Statement.h"
#include "query/PendingStatement.h"
#include "query/QueryPlan.h"
#include "query/RunOptions.h"
#include "query/SchemaCatalog.h"
#include "query/StatementOutcome.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace quarry {

class Connection;
class QueryExecutor;
class QueryRunControl;
class ResultSpool;

// The outcome of EXPLAIN QUERY PLAN for the GUI.
struct PlanOutcome {
    int runId = 0;
    QString sql;
    QList<QueryPlanNode> nodes;
    std::optional<QueryError> error;
};

// Runs scripts on its own connection, on the runner's thread; talks to the GUI only through queued
// signals. The connection stays open between runs, so a BEGIN in one run and a COMMIT in the next work.
// A run stops at a statement that needs the person's say (parameters, the write guard, a destructive
// statement) and goes on when resume() arrives.
class QueryWorker : public QObject {
    Q_OBJECT
public:
    explicit QueryWorker(QueryRunControl& control);
    ~QueryWorker() override;

public slots:
    void open(const QString& path, bool readOnly);
    void close();
    void run(int runId, const QString& script, const quarry::RunOptions& options);
    // Values for the held-back statement's parameters (in PendingStatement::parameters order); also the
    // person's yes to its write guard and destructive question.
    void resume(int runId, const quarry::ParameterValues& values);
    // Ends a held-back run as cancelled.
    void abandon(int runId);
    void explain(int runId, const QString& statement);
    void readSchema();

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
    // Data or schema changed and is visible to other connections (no transaction of ours holds it back).
    void databaseChanged(bool schemaChanged);

private:
    struct Run;
    void proceed();
    void executeHeld(const ParameterValues& answers);
    void finishRun(std::optional<QueryError> error);
    void noteChanges(const StatementOutcome& outcome, qint64 changesBefore, int schemaBefore);
    void reportTransaction();

    QueryRunControl& m_control;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<Run> m_run;
    bool m_transactionOpen = false;
    bool m_dataChangePending = false;
    bool m_schemaChangePending = false;
};

} // namespace quarry

Q_DECLARE_METATYPE(quarry::RunOptions)
Q_DECLARE_METATYPE(quarry::PendingStatement)
Q_DECLARE_METATYPE(quarry::StatementOutcome)
Q_DECLARE_METATYPE(quarry::RunSummary)
Q_DECLARE_METATYPE(quarry::PlanOutcome)
Q_DECLARE_METATYPE(quarry::SchemaCatalog)
Q_DECLARE_METATYPE(std::shared_ptr<quarry::ResultSpool>)
