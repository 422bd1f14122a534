#pragma once

#include "BenchOptions.h"

#include <QString>

namespace quarry::bench {

// What a child process does: measures one side (Quarry or the baseline) on the file and returns
// {"figures": {...}, "notes": [...]} as JSON text. Runs in a process of its own so that its peak resident
// memory is its own. With --values, a file of the huge-values scenario (plain or huge) instead, adding
// {"editor": {...}} (ValueEditorBench).
class SideMeasurement {
public:
    static QString run(const BenchOptions& options);
};

} // namespace quarry::bench
