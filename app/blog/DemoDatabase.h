#pragma once

#include "core/Result.h"

#include <QString>

namespace quarry {

// The demo database a first-time user starts on: the lesson's schema and sample data, created on first use in
// the user's data folder (QStandardPaths::AppDataLocation, so XDG_DATA_HOME on Linux).
class DemoDatabase {
public:
    static QString defaultPath();
    // Creates the demo database at `path` unless it already exists; returns the path.
    [[nodiscard]] static Result<QString> ensure(const QString& path);
    // Creates a new database at the latest schema at `path`, with the sample data when `withSample`.
    // Refuses an existing path; removes the file again if anything fails.
    [[nodiscard]] static Status create(const QString& path, bool withSample);
};

} // namespace quarry
