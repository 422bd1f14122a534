#pragma once

#include "core/Result.h"

class QTextStream;

namespace quarry {

class ResultSpool;

// Prints a result as an aligned text table for a terminal: a header, a rule, one line per row (numbers
// right-aligned, NULL as NULL, BLOBs by size, long values cut at kMaxWidth characters with an ellipsis).
class TextTable {
public:
    static constexpr int kMaxWidth = 60;
    [[nodiscard]] static Status print(const ResultSpool& spool, QTextStream& out);
};

} // namespace quarry
