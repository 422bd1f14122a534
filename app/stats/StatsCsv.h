#pragma once

#include "core/Result.h"
#include "stats/StatsPanel.h"
#include "stats/StatsParameters.h"

#include <QList>
#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <functional>

class QTextStream;

namespace quarry {

class StatsExecutor;

// A stats panel as one RFC 4180 CSV table: a header of column names, then one record per row (StatsFormat).
// `quarry stats --format csv` and the panels' "Export table as CSV" both write through here, so the two give
// the same bytes for the same rows.
class StatsCsv {
public:
    // Called every so many rows with the number written so far; for progress on a long export.
    using Progress = std::function<void(qint64 rows)>;

    // Runs the panel and writes every row as it is read (constant memory). `rows`, when given, receives the
    // number of records written after the header.
    [[nodiscard]] static Status write(const StatsExecutor& executor, const StatsPanel& panel,
                                      const StatsParameters& parameters, QTextStream& out, qint64* rows = nullptr,
                                      const Progress& progress = {});
    // Writes rows already held (a panel's table in the order it is shown). Stops with Error::Kind::Cancelled
    // when `cancelled` is set.
    [[nodiscard]] static Status write(const QStringList& columns, const QList<QVariantList>& rows, QTextStream& out,
                                      const std::atomic_bool* cancelled = nullptr, const Progress& progress = {});

    static constexpr qint64 ProgressEvery = 10000;
};

} // namespace quarry
