#pragma once

#include <QtGlobal>

namespace quarry {

// What a generation run wrote and how fast.
struct GeneratorReport {
    qint64 users = 0;
    qint64 posts = 0;
    qint64 comments = 0;
    qint64 profiles = 0;
    qint64 rows = 0;      // all of the above
    double seconds = 0.0; // from creating the file to closing it, indexes included
    double rowsPerSecond = 0.0;
    qint64 fileBytes = 0;
};

} // namespace quarry
