#include "LessonDatabases.h"
#include "TestFiles.h"
#include "blog/SampleData.h"
#include "database/Connection.h"
#include "generate/Generator.h"
#include "schema/Migrator.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::LessonDatabases;
using quarry::test::TestFiles;

namespace {

const QString kUsers = QStringLiteral("SELECT id, username, email, created_at FROM users ORDER BY id");
const QString kPosts = QStringLiteral("SELECT id, title, content, author_id, created_at FROM posts ORDER BY id");
const QString kComments =
    QStringLiteral("SELECT id, content, post_id, author_id, created_at FROM comments ORDER BY id");

QStringList objects(const QString& path)
{
    return TestFiles::dumpRows(path, QStringLiteral("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE "
                                                    "'sqlite_%' ORDER BY type, name"));
}

QStringList userColumns(const QString& path)
{
    return TestFiles::dumpRows(path, QStringLiteral("SELECT name FROM pragma_table_info('users') ORDER BY cid"));
}

} // namespace

class TestMigrator : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void migratesUpAndDownBetweenEveryPairOfVersions_data();
    void migratesUpAndDownBetweenEveryPairOfVersions();
    void eachVersionHasItsSchema_data();
    void eachVersionHasItsSchema();
    void lessonSqlite3DatabaseIsUpgradedKeepingEveryRow();
    void lessonSqlAlchemyDatabaseIsUpgradedKeepingEveryRow();
    void lessonRowWithoutAuthorStopsTheUpgradeAndChangesNothing();
    void lessonTableWithUnknownColumnsIsNotUpgraded();
    void newerSchemaIsNeverMigrated();
    void otherDatabasesAreNotMigrated();
    void failingStepRollsBackAndKeepsTheVersion();
    void backupCutShortLeavesNoFileAndChangesNothing();
    void dryRunChangesNothing();
    void readOnlyConnectionIsNotMigrated();
    void unknownTargetVersionIsRefused();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // A blog database at `version`, with the sample data when it has tables.
    QString blogAt(const QString& name, int version);
    QTemporaryDir m_dir;
};

QString TestMigrator::blogAt(const QString& name, int version)
{
    const QString file = path(name);
    auto connection = Connection::open(file, {Connection::Mode::Create, 1000, QStringLiteral("test")});
    if (!connection)
        return {};
    Migrator migrator(**connection);
    auto report = migrator.migrate(version, {false, false});
    if (!report)
        return {};
    if (version >= 1 && !SampleData::loadLessonSample((*connection)->database()))
        return {};
    return file;
}

void TestMigrator::migratesUpAndDownBetweenEveryPairOfVersions_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    for (int from = 0; from <= Migrator::LatestVersion; ++from) {
        for (int to = 0; to <= Migrator::LatestVersion; ++to)
            QTest::addRow("v%d to v%d", from, to) << from << to;
    }
}

void TestMigrator::migratesUpAndDownBetweenEveryPairOfVersions()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const QString file = blogAt(QStringLiteral("pair-%1-%2.db").arg(from).arg(to), from);
    QVERIFY(!file.isEmpty());
    const QStringList users = TestFiles::dumpRows(file, kUsers);
    const QStringList posts = TestFiles::dumpRows(file, kPosts);
    const QStringList comments = TestFiles::dumpRows(file, kComments);

    MigrationReport report;
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        Migrator migrator(**connection);
        auto result = migrator.migrate(to);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        report = *result;
    }
    QCOMPARE(report.steps.size(), qAbs(to - from));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")).toInt(), to);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    if (from >= 1 && to >= 1) {
        QCOMPARE(TestFiles::dumpRows(file, kUsers), users);
        QCOMPARE(TestFiles::dumpRows(file, kPosts), posts);
        QCOMPARE(TestFiles::dumpRows(file, kComments), comments);
    }
    // A file that held tables is backed up before the first step, beside it, at the old version.
    if (from >= 1 && from != to) {
        QVERIFY(!report.backupPath.isEmpty());
        QCOMPARE(QFileInfo(report.backupPath).absolutePath(), QFileInfo(file).absolutePath());
        QCOMPARE(TestFiles::querySql(report.backupPath, QStringLiteral("PRAGMA user_version")).toInt(), from);
        QCOMPARE(TestFiles::dumpRows(report.backupPath, kUsers), users);
    } else {
        QVERIFY(report.backupPath.isEmpty());
    }
}

void TestMigrator::eachVersionHasItsSchema_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QStringList>("tables");
    QTest::addColumn<QStringList>("columns");
    const QStringList v1{QStringLiteral("comments"), QStringLiteral("posts"), QStringLiteral("users")};
    const QStringList v1Columns{QStringLiteral("text:id"), QStringLiteral("text:username"),
                                QStringLiteral("text:email"), QStringLiteral("text:created_at")};
    QTest::newRow("v0") << 0 << QStringList() << QStringList();
    QTest::newRow("v1") << 1 << v1 << v1Columns;
    const QStringList v2Columns =
        v1Columns + QStringList{QStringLiteral("text:first_name"), QStringLiteral("text:last_name")};
    QTest::newRow("v2") << 2 << v1 << v2Columns;
    QTest::newRow("v3") << 3
                        << QStringList{QStringLiteral("comments"), QStringLiteral("posts"),
                                       QStringLiteral("user_profiles"), QStringLiteral("users")}
                        << v2Columns;
}

void TestMigrator::eachVersionHasItsSchema()
{
    QFETCH(int, version);
    QFETCH(QStringList, tables);
    QFETCH(QStringList, columns);
    const QString file = blogAt(QStringLiteral("schema-%1.db").arg(version), version);
    QVERIFY(!file.isEmpty());
    QStringList actualTables;
    for (const QString& row :
         TestFiles::dumpRows(file, QStringLiteral("SELECT name FROM sqlite_schema WHERE type = "
                                                  "'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")))
        actualTables << row.mid(5);
    QCOMPARE(actualTables, tables);
    QCOMPARE(userColumns(file), columns);
    if (version >= 1) {
        // NOT NULL foreign keys that cascade, and an index on each foreign key and on created_at.
        QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT \"table\", \"from\", on_delete FROM "
                                                          "pragma_foreign_key_list('comments') ORDER BY \"from\"")),
                 QStringList({QStringLiteral("text:users|text:author_id|text:CASCADE"),
                              QStringLiteral("text:posts|text:post_id|text:CASCADE")}));
        QCOMPARE(
            TestFiles::querySql(file, QStringLiteral("SELECT \"notnull\" FROM pragma_table_info('posts') WHERE name "
                                                     "= 'author_id'")),
            QStringLiteral("1"));
        for (const QString& index : {QStringLiteral("ix_posts_author_id"), QStringLiteral("ix_posts_created_at"),
                                     QStringLiteral("ix_comments_post_id"), QStringLiteral("ix_comments_author_id"),
                                     QStringLiteral("ix_comments_created_at"), QStringLiteral("ix_users_created_at")})
            QVERIFY2(objects(file).contains(QStringLiteral("text:index|text:") + index), qPrintable(index));
    }
    if (version >= 3) {
        QVERIFY(objects(file).contains(QStringLiteral("text:index|text:ix_user_profiles_user_id")));
        QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT \"unique\" FROM pragma_index_list('user_profiles') "
                                                          "WHERE name = 'ix_user_profiles_user_id'")),
                 QStringLiteral("1"));
    }
}

void TestMigrator::lessonSqlite3DatabaseIsUpgradedKeepingEveryRow()
{
    const QString file = path(QStringLiteral("example.db"));
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    const QStringList users = TestFiles::dumpRows(file, kUsers);
    const QStringList posts = TestFiles::dumpRows(file, kPosts);
    const QStringList comments = TestFiles::dumpRows(file, kComments);
    QCOMPARE(posts.size(), 6);

    auto connection = Connection::open(file);
    QVERIFY(connection);
    auto info = Migrator::inspect((*connection)->database());
    QVERIFY(info);
    QCOMPARE(info->kind, SchemaInfo::Kind::Lesson);
    QCOMPARE(info->version, 1);

    Migrator migrator(**connection);
    auto report = migrator.migrate(Migrator::LatestVersion);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->fromVersion, 0);
    QCOMPARE(report->steps.size(), 3); // adopt as v1, then v2 and v3
    // The lesson's post by author 999 is reported, and kept.
    QCOMPARE(report->orphans, QList<ForeignKeyViolation>({{QStringLiteral("posts"), 6, QStringLiteral("users")}}));
    QVERIFY(QFile::exists(report->backupPath));
    connection = Connection::open(file); // release the migrating connection before reading with the C API

    QCOMPARE(TestFiles::dumpRows(file, kUsers), users);
    QCOMPARE(TestFiles::dumpRows(file, kPosts), posts);
    QCOMPARE(TestFiles::dumpRows(file, kComments), comments);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")), QStringLiteral("3"));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT on_delete FROM pragma_foreign_key_list('posts')")),
             QStringLiteral("CASCADE"));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'posts'")),
             QStringLiteral("6"));
    QVERIFY(!objects(file).join(QLatin1Char(' ')).contains(QStringLiteral("quarry_lesson")));
    // The backup is the file as it was.
    QCOMPARE(TestFiles::dumpRows(report->backupPath, kPosts), posts);
    QCOMPARE(TestFiles::querySql(report->backupPath, QStringLiteral("PRAGMA user_version")), QStringLiteral("0"));
}

void TestMigrator::lessonSqlAlchemyDatabaseIsUpgradedKeepingEveryRow()
{
    const QString file = path(QStringLiteral("sqlalchemy_example.db"));
    QVERIFY(LessonDatabases::createSqlAlchemyLesson(file));
    const QStringList users = TestFiles::dumpRows(file, kUsers);
    const QStringList posts = TestFiles::dumpRows(file, kPosts);
    const QStringList comments = TestFiles::dumpRows(file, kComments);
    const QString advancedQuery = QStringLiteral("SELECT * FROM advanced_users ORDER BY id");
    const QStringList advanced = TestFiles::dumpRows(file, advancedQuery);
    QVERIFY(users.first().contains(QStringLiteral(".123456")));

    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        Migrator migrator(**connection);
        auto report = migrator.migrate(Migrator::LatestVersion);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->orphans.isEmpty());
    }
    QCOMPARE(TestFiles::dumpRows(file, kUsers), users);
    QCOMPARE(TestFiles::dumpRows(file, kPosts), posts);
    QCOMPARE(TestFiles::dumpRows(file, kComments), comments);
    QCOMPARE(TestFiles::dumpRows(file, advancedQuery), advanced);
    QVERIFY(objects(file).contains(QStringLiteral("text:index|text:idx_username")));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
}

void TestMigrator::lessonRowWithoutAuthorStopsTheUpgradeAndChangesNothing()
{
    const QString file = path(QStringLiteral("nullauthor.db"));
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    QVERIFY(
        TestFiles::execSql(file, QStringLiteral("INSERT INTO posts (title, content) VALUES ('Orphan', 'No author')")));
    const QByteArray before = TestFiles::read(file);
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        Migrator migrator(**connection);
        auto report = migrator.migrate(Migrator::LatestVersion);
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(QStringLiteral("posts row 7 has no author_id")),
                 qPrintable(report.error().message));
    }
    QCOMPARE(TestFiles::read(file), before);
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("nullauthor.backup*")}).size(), 0);
}

void TestMigrator::lessonTableWithUnknownColumnsIsNotUpgraded()
{
    const QString file = path(QStringLiteral("extra.db"));
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    QVERIFY(TestFiles::execSql(file, QStringLiteral("ALTER TABLE users ADD COLUMN nickname TEXT")));
    const QByteArray before = TestFiles::read(file);
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        Migrator migrator(**connection);
        auto report = migrator.migrate(1);
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(QStringLiteral("nickname")), qPrintable(report.error().message));
    }
    QCOMPARE(TestFiles::read(file), before);
}

void TestMigrator::newerSchemaIsNeverMigrated()
{
    const QString file = blogAt(QStringLiteral("future.db"), 3);
    QVERIFY(TestFiles::execSql(file, QStringLiteral("PRAGMA user_version = 9")));
    const QByteArray before = TestFiles::read(file);
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        auto info = Migrator::inspect((*connection)->database());
        QVERIFY(info);
        QCOMPARE(info->kind, SchemaInfo::Kind::Newer);
        Migrator migrator(**connection);
        for (int target = 0; target <= Migrator::LatestVersion; ++target) {
            auto report = migrator.migrate(target);
            QVERIFY(!report);
            QVERIFY(report.error().message.contains(QStringLiteral("newer Quarry")));
        }
    }
    QCOMPARE(TestFiles::read(file), before);
}

void TestMigrator::otherDatabasesAreNotMigrated()
{
    const QString file = path(QStringLiteral("music.db"));
    QVERIFY(TestFiles::execSql(file, QStringLiteral("CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT); "
                                                    "PRAGMA user_version = 2")));
    const QByteArray before = TestFiles::read(file);
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        auto info = Migrator::inspect((*connection)->database());
        QVERIFY(info);
        QCOMPARE(info->kind, SchemaInfo::Kind::Other);
        Migrator migrator(**connection);
        auto report = migrator.migrate(Migrator::LatestVersion);
        QVERIFY(!report);
        QVERIFY(report.error().message.contains(QStringLiteral("does not hold the blog schema")));
    }
    QCOMPARE(TestFiles::read(file), before);
}

void TestMigrator::failingStepRollsBackAndKeepsTheVersion()
{
    const QString file = blogAt(QStringLiteral("stuck.db"), 2);
    // SQLite refuses to drop an indexed column, so the v2 -> v1 step fails half-way through its script.
    QVERIFY(TestFiles::execSql(file, QStringLiteral("CREATE INDEX ix_users_first_name ON users (first_name)")));
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        Migrator migrator(**connection);
        auto report = migrator.migrate(1);
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(QStringLiteral("v2 to v1")), qPrintable(report.error().message));
    }
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")), QStringLiteral("2"));
    QCOMPARE(userColumns(file).size(), 6); // last_name was dropped inside the step, then rolled back
}

void TestMigrator::backupCutShortLeavesNoFileAndChangesNothing()
{
    const QString name = QStringLiteral("big.db");
    const QString file = m_dir.filePath(name);
    GeneratorOptions rows;
    rows.users = 2000;
    rows.posts = 10000;
    QVERIFY(Generator::generate(file, rows));
    QVERIFY(QFileInfo(file).size() > 2 * 1024 * 1024);
    // Every file whose name starts as the database's does: the database, its backups, partial or whole.
    const auto files = [&] {
        return QDir(m_dir.path()).entryList({QStringLiteral("big*")}, QDir::Files | QDir::Hidden);
    };
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        Migrator migrator(**connection);
        // The kernel refuses to make any file of this process longer than 1 MiB: the backup fails part-way.
        Result<MigrationReport> report = Error{};
        {
            const TestFiles::FileSizeLimit limit(1024 * 1024);
            QVERIFY(limit.isSet());
            report = migrator.migrate(2);
        }
        QVERIFY(!report);
        QVERIFY2(report.error().message.startsWith(QStringLiteral("Cannot write the backup")) &&
                     report.error().message.contains(QStringLiteral("before migrating; nothing was changed")),
                 qPrintable(report.error().message));
        // No backup, whole or partial, is left under any name.
        QCOMPARE(files(), QStringList{name});

        // With the limit gone, the same migration writes its backup under the backup's name only.
        auto again = migrator.migrate(2);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        QCOMPARE(files(), (QStringList{QFileInfo(again->backupPath).fileName(), name})); // in name order
    }
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")), QStringLiteral("2"));
    const QString backup = m_dir.filePath(files().constFirst());
    QCOMPARE(TestFiles::querySql(backup, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QCOMPARE(TestFiles::querySql(backup, QStringLiteral("PRAGMA user_version")), QStringLiteral("3"));
    QCOMPARE(TestFiles::querySql(backup, QStringLiteral("SELECT count(*) FROM posts")), QStringLiteral("10000"));
}

void TestMigrator::dryRunChangesNothing()
{
    const QString file = path(QStringLiteral("dry.db"));
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    const QByteArray before = TestFiles::read(file);
    {
        auto connection = Connection::open(file, {Connection::Mode::ReadOnly, 1000, QStringLiteral("test")});
        QVERIFY(connection);
        Migrator migrator(**connection);
        auto report = migrator.migrate(Migrator::LatestVersion, {true, true});
        QVERIFY(report);
        QCOMPARE(report->steps.size(), 3);
        QVERIFY(report->backupPath.isEmpty());
        QCOMPARE(report->orphans.size(), 1);
    }
    QCOMPARE(TestFiles::read(file), before);
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("dry.backup*")}).size(), 0);
}

void TestMigrator::readOnlyConnectionIsNotMigrated()
{
    const QString file = blogAt(QStringLiteral("readonly.db"), 1);
    const QByteArray before = TestFiles::read(file);
    {
        auto connection = Connection::open(file, {Connection::Mode::ReadOnly, 1000, QStringLiteral("test")});
        QVERIFY(connection);
        Migrator migrator(**connection);
        auto report = migrator.migrate(3);
        QVERIFY(!report);
        QCOMPARE(report.error().kind, Error::Kind::ReadOnly);
    }
    QCOMPARE(TestFiles::read(file), before);
}

void TestMigrator::unknownTargetVersionIsRefused()
{
    const QString file = blogAt(QStringLiteral("target.db"), 1);
    auto connection = Connection::open(file);
    QVERIFY(connection);
    Migrator migrator(**connection);
    for (int target : {-1, Migrator::LatestVersion + 1}) {
        auto report = migrator.migrate(target);
        QVERIFY(!report);
        QCOMPARE(report.error().kind, Error::Kind::Usage);
    }
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
