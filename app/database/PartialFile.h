#pragma once

#include "core/Result.h"

#include <QString>

namespace quarry {

// A file made under a name of its own beside its target and renamed into place only when complete, so that
// one cut short (a failure, an interrupt, a crash) is never found under the target's name. The generator's new
// databases and the migrator's backups are made this way.
class PartialFile {
public:
    // A name beside `target` that no file has ("TARGET.XXXXXX.partial"), left free for the caller to create
    // (SQLite refuses to make a database in a non-empty file), or the system's reason there is none.
    [[nodiscard]] static Result<QString> reserveBeside(const QString& target);

    // Renames `partial` to `target`. rename() refuses to replace a file, so one made at `target` meanwhile is
    // left alone: then `partial` is removed and false is returned.
    [[nodiscard]] static bool moveIntoPlace(const QString& partial, const QString& target);
};

} // namespace quarry
