#pragma once

#include <QString>
#include <QtGlobal>

#include <functional>

namespace quarry {

// Where a generation run is, reported about twice a second and at the start and end of every phase.
struct GeneratorProgress {
    enum class Phase {
        Users,
        Posts,
        Comments,
        Indexes, // creating the indexes the bulk insert went without
        Profiles,
    };

    Phase phase = Phase::Users;
    qint64 done = 0;  // rows of this phase written, or indexes created
    qint64 total = 0; // rows (or indexes) this phase will write
    qint64 rows = 0;  // rows written so far, every table
    double seconds = 0.0;
    double rowsPerSecond = 0.0; // rows / seconds
    QString detail;             // the index being created, in the Indexes phase

    // "users", "posts", "comments", "indexes", "profiles".
    static QString phaseName(Phase phase);
};

// Called on the generating thread.
using GeneratorProgressCallback = std::function<void(const GeneratorProgress&)>;

} // namespace quarry
