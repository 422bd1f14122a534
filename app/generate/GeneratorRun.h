#pragma once

#include "core/Result.h"
#include "generate/BlogRowWriter.h"
#include "generate/GeneratorOptions.h"
#include "generate/GeneratorProgress.h"
#include "generate/GeneratorReport.h"
#include "generate/RowBatch.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>

#include <atomic>
#include <functional>
#include <vector>

struct sqlite3;

namespace quarry {

class BulkInserter;
class Connection;

// One generation into a new, empty database at the latest schema, on the calling thread: the fast settings
// a file nobody else can see allows (no journal, no syncing, foreign keys checked by construction instead of
// row by row), the bulk insert in one transaction, and the indexes built afterwards by sorting.
//
// So that the schema ends exactly as the migrations left it, every schema object from the first explicit
// index on (the indexes, and user_profiles which the migrations create after them) is dropped before the bulk
// insert and re-created afterwards from its own SQL, in its original order: sqlite_schema then lists the same
// objects with the same SQL in the same order.
class GeneratorRun {
public:
    // While `cancelled` is set, every statement fails as interrupted, so run() stops with an error soon after.
    GeneratorRun(Connection& connection, const GeneratorOptions& options, const GeneratorProgressCallback& progress,
                 const std::atomic<bool>* cancelled = nullptr);

    [[nodiscard]] Result<GeneratorReport> run();

private:
    struct SchemaObject {
        QByteArray type;
        QByteArray name;
        QByteArray sql;
    };

    Status exec(const char* sql, const QString& what);
    Status setUp();
    Status dropDeferredObjects();
    Status recreateDeferredObjects();
    // Writes rows for ids 1..ids (a row writer may skip an id) through a RowPipeline into `inserter`, each
    // worker thread with a BlogRowWriter of its own.
    using WriteRow = std::function<void(BlogRowWriter& writer, quint64 id, RowBatch& batch)>;
    Status fill(GeneratorProgress::Phase phase, qint64 ids, BulkInserter& inserter, int columns, qsizetype rowBytes,
                const WriteRow& writeRow);
    void report(GeneratorProgress::Phase phase, qint64 done, qint64 total, const QString& detail = {});

    Connection& m_connection;
    sqlite3* m_db;
    GeneratorOptions m_options;
    const GeneratorProgressCallback& m_progress;
    const std::atomic<bool>* m_cancelled;
    QList<SchemaObject> m_deferred;
    std::vector<BlogRowWriter> m_writers; // one per RowPipeline worker
    QElapsedTimer m_clock;
    qint64 m_lastReportMs = 0;
    qint64 m_rows = 0;
};

} // namespace quarry
