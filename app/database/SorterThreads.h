#pragma once

namespace quarry {

// How many auxiliary threads SQLite's sorter may start (PRAGMA threads) on a connection that sorts a lot: one per
// core beyond the connection's own, at least one, at most four. SQLite hands each worker its share of the sorted
// runs and merges them in the background, so the scan that feeds the sorter and the sorting overlap. On 2 cores
// two workers were slower than one, for the stats panels and for CREATE INDEX alike.
class SorterThreads {
public:
    [[nodiscard]] static int forSpareCores();
};

} // namespace quarry
