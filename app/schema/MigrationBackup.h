#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace quarry {

// The copy a migration writes beside a file (VACUUM INTO) before its first step.
class MigrationBackup {
public:
    // Writes `databasePath`'s backup as <name>.backup-v<fromVersion>-<time>.<suffix> and returns its path.
    [[nodiscard]] static Result<QString> write(const QSqlDatabase& db, const QString& databasePath, int fromVersion);
};

} // namespace quarry
