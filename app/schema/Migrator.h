#pragma once

#include "core/Result.h"
#include "database/ForeignKeyViolation.h"
#include "schema/SchemaInfo.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace quarry {

class Connection;

struct MigrationStep {
    int from = 0;
    int to = 0;
    QString description;
};

struct MigrationReport {
    int fromVersion = 0;
    int toVersion = 0;
    bool dryRun = false;
    QList<MigrationStep> steps;
    QString backupPath;                 // the copy written before the first step; empty when none was needed
    QList<ForeignKeyViolation> orphans; // rows whose foreign key points nowhere, reported after migrating
};

// Moves a file between versions of the blog schema. Each step is one transaction that also sets
// PRAGMA user_version, so a failed step leaves the file at the previous version. Before the first step on a
// file that holds tables, a backup is written beside it with VACUUM INTO.
class Migrator {
public:
    static constexpr int LatestVersion = 3;

    struct Options {
        bool dryRun = false; // plan and check only: nothing is written, no backup is made
        bool backup = true;
    };

    explicit Migrator(Connection& connection);

    [[nodiscard]] static Result<SchemaInfo> inspect(const QSqlDatabase& db);

    // The steps that would take the file to `target`, or why it cannot go there.
    [[nodiscard]] Result<QList<MigrationStep>> plan(int target) const;
    [[nodiscard]] Result<MigrationReport> migrate(int target, const Options& options);
    [[nodiscard]] Result<MigrationReport> migrate(int target) { return migrate(target, Options{}); }

    // Runs the upgrade scripts on an empty database: what "new database" and `quarry init` do.
    [[nodiscard]] Status createLatest();

private:
    Status runStep(const MigrationStep& step, bool fromLesson);

    Connection& m_connection;
    QSqlDatabase m_db;
};

} // namespace quarry
