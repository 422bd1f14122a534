#pragma once

#include "core/Result.h"

#include <QStringList>

struct sqlite3_stmt;

namespace quarry {

// Where QueryExecutor puts the rows of a statement that returns columns: a ResultSpool for the GUI, a
// writer on stdout for the command line.
class RowSink {
public:
    virtual ~RowSink() = default;
    // Called once, before the first row (also when there are no rows).
    [[nodiscard]] virtual Status begin(const QStringList& columns) = 0;
    // Called for each row; `statement` is positioned on it.
    [[nodiscard]] virtual Status addRow(sqlite3_stmt* statement) = 0;
    // Called once after the last row, or after a failure or a cancel, with what was read so far.
    [[nodiscard]] virtual Status end() = 0;
};

} // namespace quarry
