#pragma once

#include <QtGlobal>

namespace quarry {

// What `quarry generate` and the benchmark ask the Generator for. The same options give the same rows, byte
// for byte, on every machine.
struct GeneratorOptions {
    static constexpr qint64 kDefaultStartTime = 1483228800; // 2017-01-01 00:00:00 UTC
    static constexpr qint64 kDefaultEndTime = 1782864000;   // 2026-07-01 00:00:00 UTC

    qint64 users = 0;
    qint64 posts = 0;
    qint64 comments = 0;
    quint64 seed = 1;
    // Every created_at falls in [startTime, endTime), seconds since 1970 UTC. Fixed by default rather than
    // taken from the clock, so that a seed means the same rows whenever it is run.
    qint64 startTime = kDefaultStartTime;
    qint64 endTime = kDefaultEndTime;
    // The share of users who get a row in user_profiles.
    double profileShare = 0.3;
    // Drop the secondary indexes before the bulk insert and create them afterwards (sorting once is faster
    // than updating them row by row). Off only to measure the difference.
    bool deferIndexes = true;
};

} // namespace quarry
