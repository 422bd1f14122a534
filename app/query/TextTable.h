#pragma once

#include "core/Result.h"

class QTextStream;

namespace quarry {

class ResultSpool;

// Prints a result as an aligned text table for a terminal: a header, a rule, one line per row (numbers
// right-aligned, NULL as NULL, BLOBs by size, long values cut at kMaxWidth characters with an ellipsis), and a
// footer with the row count: "(3 rows)", or "(stopped after 3 rows)" when the statement failed or was cancelled
// part-way, so that the rows read before it never pass for the whole result.
class TextTable {
public:
    static constexpr int kMaxWidth = 60;
    enum class Ending { Complete, Stopped };
    [[nodiscard]] static Status print(const ResultSpool& spool, QTextStream& out, Ending ending = Ending::Complete);
};

} // namespace quarry
