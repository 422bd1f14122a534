#pragma once

#include "core/Result.h"
#include "stats/StatsPanel.h"
#include "stats/StatsParameters.h"
#include "stats/StatsResult.h"

#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <functional>

namespace quarry {

class Statement;

class Connection;

// Runs a panel's SQL through the SQLite C API on a Connection's handle: one prepared statement, values bound by
// name, rows converted straight to QVariant. Going around QSqlQuery keeps a panel's time close to the bare C
// API's (QSqlQuery costs about 2.4x on big results), which is what the benchmark holds us to. Each run first gives
// the connection StatsConnectionSettings (a bigger page cache, sorter threads) and hands the cache back after.
//
// Use it on the thread that opened the connection. Setting `cancelled` from any thread stops it with
// Error::Kind::Cancelled, even before it has started: sqlite3_interrupt() alone only reaches a statement that is
// already stepping, so a cancel arriving just before the first step would be lost. The flag is polled by an
// SQLite progress handler every few thousand virtual machine instructions.
class StatsExecutor {
public:
    static constexpr qsizetype AllRows = -1;

    explicit StatsExecutor(const Connection& connection, const std::atomic_bool* cancelled = nullptr)
        : m_connection(connection), m_cancelled(cancelled)
    {
    }

    // Every row is read; the first `maxRows` are kept (all with AllRows), the others counted and summed.
    [[nodiscard]] Result<StatsResult> run(const StatsPanel& panel, const StatsParameters& parameters,
                                          qsizetype maxRows = AllRows) const;

    // Hands each row to `onRow` as it is read, after `onColumns` got the column names; `onRow` returning false
    // stops early. For output of any size in constant memory (the command line).
    [[nodiscard]] Status stream(const StatsPanel& panel, const StatsParameters& parameters,
                                const std::function<void(const QStringList&)>& onColumns,
                                const std::function<bool(const QVariantList&)>& onRow) const;

private:
    // The start both share: the cancel check, the progress handler that polls the flag, prepare and bind. `body`
    // steps the ready statement; the statement is finalized and the handler removed when it returns.
    [[nodiscard]] Status withStatement(const StatsPanel& panel, const StatsParameters& parameters,
                                       const std::function<Status(const Statement&)>& body) const;

    const Connection& m_connection;
    const std::atomic_bool* m_cancelled = nullptr;
};

} // namespace quarry
