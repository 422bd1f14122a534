#pragma once

namespace quarry {

// How many auxiliary threads SQLite's sorter may start (PRAGMA threads), at least one, at most four. SQLite hands
// each worker its share of the sorted runs and merges them in the background, so the scan that feeds the sorter
// and the sorting overlap.
class SorterThreads {
public:
    // One per core beyond the connection's own: for a connection that sorts while the rest of the program keeps
    // working (the stats panels). On 2 cores two workers were slower than one for the stats queries.
    [[nodiscard]] static int forSpareCores();
    // One per core: for a connection that does nothing but sort, and whose scanning thread is the bottleneck
    // (the generator's CREATE INDEX). The workers also take over merging, which the scanning thread would
    // otherwise do itself: rebuilding the five post and comment indexes of a 10M file on 2 cores took 16.9 and
    // 20.5 s with two workers against 29.5 and 26.3 s with one.
    [[nodiscard]] static int forAllCores();
};

} // namespace quarry
