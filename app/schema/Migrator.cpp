#include "schema/Migrator.h"

#include "database/Connection.h"
#include "database/SqlError.h"
#include "database/SqlScript.h"
#include "schema/DatabaseCheck.h"
#include "schema/LessonTables.h"
#include "schema/MigrationBackup.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

namespace quarry {

namespace {

struct MigrationFile {
    int version;
    const char* baseName;
    const char* upDescription;
    const char* downDescription;
};

constexpr std::array<MigrationFile, Migrator::LatestVersion> kMigrations{{
    {1, "001_blog_tables", "create users, posts and comments with their indexes", "drop users, posts and comments"},
    {2, "002_user_names", "add first_name and last_name to users", "drop first_name and last_name from users"},
    {3, "003_user_profiles", "create user_profiles", "drop user_profiles"},
}};

QString migrationResource(const MigrationFile& file, bool up)
{
    return QStringLiteral(":/sql/migrations/%1.%2.sql")
        .arg(QLatin1String(file.baseName), up ? QStringLiteral("up") : QStringLiteral("down"));
}

// Restores a connection setting when a migration step ends, whichever way it ends.
class PragmaGuard {
public:
    PragmaGuard(QSqlDatabase db, QString set, QString restore) : m_db(std::move(db)), m_restore(std::move(restore))
    {
        QSqlQuery(m_db).exec(set);
    }
    ~PragmaGuard() { QSqlQuery(m_db).exec(m_restore); }
    PragmaGuard(const PragmaGuard&) = delete;
    PragmaGuard& operator=(const PragmaGuard&) = delete;

private:
    QSqlDatabase m_db;
    QString m_restore;
};

} // namespace

Migrator::Migrator(Connection& connection) : m_connection(connection), m_db(connection.database()) {}

Result<SchemaInfo> Migrator::inspect(const QSqlDatabase& db)
{
    SchemaInfo info;
    QSqlQuery userVersion(db);
    if (!userVersion.exec(QStringLiteral("PRAGMA user_version")))
        return sqlError(userVersion.lastError(), QString());
    info.userVersion = userVersion.next() ? userVersion.value(0).toInt() : 0;

    auto tables = DatabaseCheck::tableNames(db);
    if (!tables)
        return tables.error();
    if (tables->isEmpty() && info.userVersion == 0) {
        info.kind = SchemaInfo::Kind::Empty;
        return info;
    }

    auto hasBlogTables = LessonTables::present(db, *tables);
    if (!hasBlogTables)
        return hasBlogTables.error();
    if (!*hasBlogTables) {
        info.kind = SchemaInfo::Kind::Other;
        return info;
    }
    if (info.userVersion == 0) {
        info.kind = SchemaInfo::Kind::Lesson;
        info.version = 1;
    } else if (info.userVersion > LatestVersion) {
        info.kind = SchemaInfo::Kind::Newer;
        info.version = info.userVersion;
    } else if (info.userVersion > 0) {
        info.kind = SchemaInfo::Kind::Blog;
        info.version = info.userVersion;
    }
    return info;
}

Result<QList<MigrationStep>> Migrator::plan(int target) const
{
    if (target < 0 || target > LatestVersion)
        return Error::make(
            Error::Kind::Usage,
            QStringLiteral("There is no schema version %1: versions run from 0 to %2.").arg(target).arg(LatestVersion));
    auto info = inspect(m_db);
    if (!info)
        return info.error();
    const QString file = QFileInfo(m_connection.path()).fileName();
    if (info->kind == SchemaInfo::Kind::Newer)
        return Error::make(
            Error::Kind::Usage,
            QStringLiteral("\u201c%1\u201d is at schema version %2, made by a newer Quarry (this one knows up "
                           "to %3); it is never migrated.")
                .arg(file)
                .arg(info->version)
                .arg(LatestVersion));
    if (info->kind == SchemaInfo::Kind::Other)
        return Error::make(
            Error::Kind::Usage,
            QStringLiteral("\u201c%1\u201d does not hold the blog schema (tables users, posts and comments); "
                           "there is nothing to migrate.")
                .arg(file));
    QList<MigrationStep> steps;
    for (int v = info->version; v < target; ++v)
        steps.append({v, v + 1, QString::fromLatin1(kMigrations[size_t(v)].upDescription)});
    for (int v = info->version; v > target; --v)
        steps.append({v, v - 1, QString::fromLatin1(kMigrations[size_t(v - 1)].downDescription)});
    if (info->kind == SchemaInfo::Kind::Lesson && target >= 1)
        steps.prepend({0, 1,
                       QStringLiteral("adopt the lesson's tables as v1: rebuild them with NOT NULL, cascading "
                                      "foreign keys and indexes, keeping every row")});
    return steps;
}

Result<MigrationReport> Migrator::migrate(int target, const Options& options)
{
    MigrationReport report;
    report.dryRun = options.dryRun;
    report.toVersion = target;
    auto info = inspect(m_db);
    if (!info)
        return info.error();
    report.fromVersion = info->kind == SchemaInfo::Kind::Lesson ? 0 : info->version;
    auto steps = plan(target);
    if (!steps)
        return steps.error();
    report.steps = *steps;
    const bool fromLesson = info->kind == SchemaInfo::Kind::Lesson;

    if (fromLesson && target >= 1) {
        if (auto ok = LessonTables::check(m_db, QFileInfo(m_connection.path()).fileName()); !ok)
            return ok.error();
    }
    if (options.dryRun || steps->isEmpty()) {
        auto orphans = DatabaseCheck::foreignKeyViolations(m_db);
        if (!orphans)
            return orphans.error();
        report.orphans = *orphans;
        return report;
    }
    if (m_connection.isReadOnly())
        return Error::make(Error::Kind::ReadOnly,
                           QStringLiteral("\u201c%1\u201d is open read-only; it cannot be migrated.")
                               .arg(QFileInfo(m_connection.path()).fileName()));

    if (options.backup && info->kind != SchemaInfo::Kind::Empty) {
        auto backup = MigrationBackup::write(m_db, m_connection.path(), report.fromVersion);
        if (!backup)
            return backup.error();
        report.backupPath = *backup;
    }

    for (const MigrationStep& step : *steps) {
        if (auto ok = runStep(step, fromLesson && step.from == 0 && step.to == 1); !ok)
            return ok.error();
    }
    auto orphans = DatabaseCheck::foreignKeyViolations(m_db);
    if (!orphans)
        return orphans.error();
    report.orphans = *orphans;
    return report;
}

Status Migrator::createLatest()
{
    auto info = inspect(m_db);
    if (!info)
        return info.error();
    if (info->kind != SchemaInfo::Kind::Empty)
        return Error::make(Error::Kind::Usage, QStringLiteral("\u201c%1\u201d is not empty; it already holds tables.")
                                                   .arg(QFileInfo(m_connection.path()).fileName()));
    auto result = migrate(LatestVersion, Options{false, false});
    if (!result)
        return result.error();
    return {};
}

Status Migrator::runStep(const MigrationStep& step, bool fromLesson)
{
    const QString context = QStringLiteral("Migration from v%1 to v%2 failed").arg(step.from).arg(step.to);
    // Rebuilding the lesson's tables renames and drops tables that others point at: foreign key enforcement
    // and the modern ALTER TABLE reference rewriting must be off for that, and both are per-connection
    // settings that only take effect outside a transaction.
    std::optional<PragmaGuard> foreignKeys;
    std::optional<PragmaGuard> legacyAlter;
    if (fromLesson) {
        foreignKeys.emplace(m_db, QStringLiteral("PRAGMA foreign_keys = OFF"),
                            QStringLiteral("PRAGMA foreign_keys = ON"));
        legacyAlter.emplace(m_db, QStringLiteral("PRAGMA legacy_alter_table = ON"),
                            QStringLiteral("PRAGMA legacy_alter_table = OFF"));
    }
    if (auto ok = SqlScript::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), context); !ok)
        return ok;

    auto body = [&]() -> Status {
        if (fromLesson) {
            auto v1 = SqlScript::load(migrationResource(kMigrations[0], true));
            if (!v1)
                return v1.error();
            return LessonTables::adopt(m_db, *v1);
        }
        const bool up = step.to > step.from;
        const MigrationFile& file = kMigrations[size_t(up ? step.to - 1 : step.from - 1)];
        auto script = SqlScript::load(migrationResource(file, up));
        if (!script)
            return script.error();
        return SqlScript::execute(m_db, *script, context);
    };
    Status ok = body();
    if (ok)
        ok = SqlScript::exec(m_db, QStringLiteral("PRAGMA user_version = %1").arg(step.to), context);
    if (ok)
        ok = SqlScript::exec(m_db, QStringLiteral("COMMIT"), context);
    if (!ok) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return ok;
    }
    return {};
}

} // namespace quarry
