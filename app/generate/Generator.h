#pragma once

#include "core/Result.h"
#include "generate/GeneratorOptions.h"
#include "generate/GeneratorProgress.h"
#include "generate/GeneratorReport.h"

#include <QString>

#include <atomic>

namespace quarry {

// Creates blog databases of any size filled with realistic, deterministic data: `quarry generate` and the
// benchmark use it. With one version of Quarry, the same options (seed included) always give the same table
// contents, byte for byte; another version may write other words from the same seed.
//
// The file is written under a temporary name beside `path` and renamed into place only when complete, so a run
// that is interrupted or fails never leaves a half-filled file where a finished one is expected. It is written
// without syncing to disk, for speed: after a power cut the file may need generating again.
class Generator {
public:
    // Why the options cannot be generated (Error::Kind::Usage), or nothing.
    [[nodiscard]] static Status validate(const GeneratorOptions& options);

    // Creates `path` (refusing one that exists) at the latest schema and fills it. `progress`, when given, is
    // called on this thread about twice a second. Takes about as long as SQLite needs to write the rows.
    // Setting `*cancelled`, from any thread or a signal handler, stops the run within a few milliseconds: the
    // partial file is removed and the error is Error::Kind::Cancelled.
    [[nodiscard]] static Result<GeneratorReport> generate(const QString& path, const GeneratorOptions& options,
                                                          const GeneratorProgressCallback& progress = {},
                                                          const std::atomic<bool>* cancelled = nullptr);

    // True when `path` is a blog database at the latest schema holding exactly options.users users,
    // options.posts posts and options.comments comments, so a benchmark can reuse it. Counts the rows, which
    // reads the smallest index of each table (well under a second at 10 million rows when cached); cannot tell
    // which seed made the file.
    static bool matchesScale(const QString& path, const GeneratorOptions& options);
};

} // namespace quarry
