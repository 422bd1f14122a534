#include "schema/Migrator.h"

#include "database/Connection.h"
#include "database/PartialFile.h"
#include "database/SqlError.h"
#include "database/SqlScript.h"
#include "schema/DatabaseCheck.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
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

// The columns the lesson's tables must have to be recognised, and those Quarry copies when adopting them.
struct LessonTable {
    QString name;
    QStringList required;
};

const QList<LessonTable>& lessonTables()
{
    static const QList<LessonTable> tables{
        {QStringLiteral("users"), {QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("email")}},
        {QStringLiteral("posts"),
         {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("content"), QStringLiteral("author_id")}},
        {QStringLiteral("comments"),
         {QStringLiteral("id"), QStringLiteral("content"), QStringLiteral("post_id"), QStringLiteral("author_id")}},
    };
    return tables;
}

const QString kCreatedAt = QStringLiteral("created_at");
const QString kLessonPrefix = QStringLiteral("quarry_lesson_");

Result<QStringList> columnNames(const QSqlDatabase& db, const QString& table)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?)"));
    query.addBindValue(table);
    if (!query.exec())
        return sqlError(query.lastError(), QStringLiteral("Cannot read the columns of %1").arg(table));
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

Result<qint64> scalar(const QSqlDatabase& db, const QString& sql, const QVariant& bound = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    if (bound.isValid())
        query.addBindValue(bound);
    if (!query.exec())
        return sqlError(query.lastError(), QString());
    return query.next() ? query.value(0).toLongLong() : 0;
}

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
    auto userVersion = scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!userVersion)
        return userVersion.error();
    info.userVersion = int(*userVersion);

    auto tables = DatabaseCheck::tableNames(db);
    if (!tables)
        return tables.error();
    if (tables->isEmpty() && info.userVersion == 0) {
        info.kind = SchemaInfo::Kind::Empty;
        return info;
    }

    bool hasBlogTables = true;
    for (const LessonTable& table : lessonTables()) {
        if (!tables->contains(table.name)) {
            hasBlogTables = false;
            break;
        }
        auto columns = columnNames(db, table.name);
        if (!columns)
            return columns.error();
        for (const QString& column : table.required)
            hasBlogTables = hasBlogTables && columns->contains(column);
    }
    if (!hasBlogTables) {
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
        if (auto ok = checkLessonTables(); !ok)
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
        auto backup = writeBackup(report.fromVersion);
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
        if (fromLesson)
            return adoptLessonTables();
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

Status Migrator::checkLessonTables() const
{
    const QString file = QFileInfo(m_connection.path()).fileName();
    for (const LessonTable& table : lessonTables()) {
        auto columns = columnNames(m_db, table.name);
        if (!columns)
            return columns.error();
        QStringList unknown;
        for (const QString& column : *columns) {
            if (!table.required.contains(column) && column != kCreatedAt)
                unknown << column;
        }
        if (!unknown.isEmpty())
            return Error::make(Error::Kind::Usage,
                               QStringLiteral("Not upgrading \u201c%1\u201d: table %2 has columns the blog schema does "
                                              "not know (%3), and upgrading would lose them.")
                                   .arg(file, table.name, unknown.join(QStringLiteral(", "))));
        for (const QString& column : table.required) {
            if (column == QStringLiteral("id"))
                continue;
            auto nullRow =
                scalar(m_db, QStringLiteral("SELECT coalesce((SELECT rowid FROM %1 WHERE %2 IS NULL LIMIT 1), 0)")
                                 .arg(table.name, column));
            if (!nullRow)
                return nullRow.error();
            if (*nullRow != 0)
                return Error::make(Error::Kind::Constraint,
                                   QStringLiteral("Not upgrading \u201c%1\u201d: %2 row %3 has no %4, which the blog "
                                                  "schema requires. Fill it in or delete that row, then upgrade.")
                                       .arg(file, table.name)
                                       .arg(*nullRow)
                                       .arg(column));
        }
    }
    return {};
}

Status Migrator::adoptLessonTables()
{
    const QString context = QStringLiteral("Adopting the lesson's tables failed");
    // Indexes and triggers a person added to the lesson's tables go with them when they are dropped;
    // remember them to create them again on the new tables.
    QStringList extras;
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS "
                                       "NOT NULL AND tbl_name IN ('users', 'posts', 'comments')")))
            return sqlError(query.lastError(), context);
        while (query.next())
            extras << query.value(0).toString();
    }
    QHash<QString, qint64> sequences;
    auto hasSequence =
        scalar(m_db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'"));
    if (!hasSequence)
        return hasSequence.error();
    if (*hasSequence) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT name, seq FROM sqlite_sequence")))
            return sqlError(query.lastError(), context);
        while (query.next())
            sequences.insert(query.value(0).toString(), query.value(1).toLongLong());
    }

    for (const LessonTable& table : lessonTables()) {
        if (auto ok = SqlScript::exec(
                m_db, QStringLiteral("ALTER TABLE %1 RENAME TO %2%1").arg(table.name, kLessonPrefix), context);
            !ok)
            return ok;
    }
    auto script = SqlScript::load(migrationResource(kMigrations[0], true));
    if (!script)
        return script.error();
    if (auto ok = SqlScript::execute(m_db, *script, context); !ok)
        return ok;

    for (const LessonTable& table : lessonTables()) {
        auto columns = columnNames(m_db, kLessonPrefix + table.name);
        if (!columns)
            return columns.error();
        QStringList copied = table.required;
        if (columns->contains(kCreatedAt))
            copied << kCreatedAt;
        const QString list = copied.join(QStringLiteral(", "));
        if (auto ok = SqlScript::exec(m_db,
                                      QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3%1 ORDER BY id")
                                          .arg(table.name, list, kLessonPrefix),
                                      context);
            !ok)
            return ok;
        auto before = scalar(m_db, QStringLiteral("SELECT count(*) FROM %1%2").arg(kLessonPrefix, table.name));
        auto after = scalar(m_db, QStringLiteral("SELECT count(*) FROM %1").arg(table.name));
        if (!before || !after || *before != *after)
            return Error::make(
                Error::Kind::Sql,
                QStringLiteral("%1: %2 would not keep every row; nothing was changed.").arg(context, table.name));
        // Keep AUTOINCREMENT's promise never to reuse an id the lesson's table had handed out.
        if (const qint64 seq = sequences.value(table.name, 0); seq > 0) {
            QSqlQuery update(m_db);
            update.prepare(QStringLiteral("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?"));
            update.addBindValue(seq);
            update.addBindValue(table.name);
            if (!update.exec())
                return sqlError(update.lastError(), context);
        }
    }
    for (const LessonTable& table : {lessonTables()[2], lessonTables()[1], lessonTables()[0]}) {
        if (auto ok = SqlScript::exec(m_db, QStringLiteral("DROP TABLE %1%2").arg(kLessonPrefix, table.name), context);
            !ok)
            return ok;
    }
    for (const QString& sql : extras) {
        QSqlQuery query(m_db);
        // An index the lesson made that v1 now makes too (same name) is already there: keep ours.
        if (!query.exec(sql) && !query.lastError().databaseText().contains(QStringLiteral("already exists")))
            return sqlError(query.lastError(), context);
    }
    return {};
}

Result<QString> Migrator::writeBackup(int fromVersion)
{
    const QFileInfo info(m_connection.path());
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString suffix = info.suffix().isEmpty() ? QStringLiteral("db") : info.suffix();
    QString path;
    for (int n = 1;; ++n) {
        const QString extra = n == 1 ? QString() : QStringLiteral("-%1").arg(n);
        path = info.absoluteDir().filePath(QStringLiteral("%1.backup-v%2-%3%4.%5")
                                               .arg(info.completeBaseName())
                                               .arg(fromVersion)
                                               .arg(stamp, extra, suffix));
        if (!QFileInfo::exists(path))
            break;
    }
    // Written under a name of its own and renamed when complete, so that a backup cut short (a full disk, an
    // interrupt, a crash) is never found under a backup's name; a failed one is removed.
    const auto reserved = PartialFile::reserveBeside(path);
    if (!reserved)
        return Error::make(Error::Kind::Io,
                           QStringLiteral("Cannot write the backup %1 before migrating: %2; nothing was changed")
                               .arg(path, reserved.error().message));
    const QString partial = *reserved; // VACUUM INTO creates the file
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(partial);
    const bool written = query.exec();
    query.finish();
    if (!written) {
        QFile::remove(partial);
        return sqlError(query.lastError(),
                        QStringLiteral("Cannot write the backup %1 before migrating; nothing was changed").arg(path));
    }
    if (!PartialFile::moveIntoPlace(partial, path)) // a backup made meanwhile under that name is left alone
        return Error::make(Error::Kind::Io,
                           QStringLiteral("Cannot write the backup %1 before migrating: the name is taken; nothing "
                                          "was changed")
                               .arg(path));
    return path;
}

} // namespace quarry
