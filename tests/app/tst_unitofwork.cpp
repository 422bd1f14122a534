#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "database/Connection.h"
#include "database/SqlError.h"
#include "write/UnitOfWork.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::TestFiles;

class TestUnitOfWork : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void commitsChangesToSeveralTablesTogether();
    void failedThirdChangeLeavesTheFileUnchangedAndKeepsEveryChange();
    void keptChangesCanBeFixedAndWrittenAgain();
    void foreignKeyFailureNamesTheRowAndTheMissingAuthor();
    void invalidValueIsRefusedBeforeAnythingRuns();
    void usernamesAndEmailsAreNormalised();
    void newParentsAreInsertedBeforeTheirChildren();
    void postGivenAwayBeforeItsAuthorIsDeletedSurvives_data();
    void postGivenAwayBeforeItsAuthorIsDeletedSurvives();
    void childrenAreDeletedBeforeTheirParents();
    void keepsSqliteExtendedCodes_data();
    void keepsSqliteExtendedCodes();
    void updateOfAVanishedRowRollsEverythingBack();
    void deferredForeignKeyFailureAtCommitIsTracedToItsChange();
    void worksOnTablesWithOddNames();
    void lockedDatabaseFailsWithoutLosingChanges();
    void rulesCanBeTurnedOffForOtherFiles();
    void emptyUnitCommitsNothing();

private:
    QTemporaryDir m_dir;
    QString m_template; // the demo database, made once and copied for each test
    QString m_file;
    std::unique_ptr<Connection> m_connection;
};

namespace {

const QString kUsers = QStringLiteral("users");
const QString kPosts = QStringLiteral("posts");
const QString kComments = QStringLiteral("comments");

QVariantMap id(qint64 value)
{
    return {{QStringLiteral("id"), value}};
}

// Every row of the blog tables, read through a connection of its own.
QString snapshot(const QString& file)
{
    return TestFiles::querySql(
        file,
        QStringLiteral("SELECT (SELECT group_concat(id || ',' || username || ',' || email, ';') FROM users) || '/' "
                       "|| (SELECT group_concat(id || ',' || title || ',' || author_id, ';') FROM posts) || '/' || "
                       "(SELECT group_concat(id || ',' || post_id || ',' || author_id, ';') FROM comments)"));
}

bool sameChanges(const QList<Change>& a, const QList<Change>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].table != b[i].table || a[i].key != b[i].key || a[i].values != b[i].values)
            return false;
    }
    return true;
}

} // namespace

void TestUnitOfWork::initTestCase()
{
    m_template = m_dir.filePath(QStringLiteral("template.db"));
    QVERIFY(DemoDatabase::create(m_template, true));
}

void TestUnitOfWork::init()
{
    m_file = m_dir.filePath(QStringLiteral("%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_file);
    QVERIFY(QFile::copy(m_template, m_file));
    auto connection = Connection::open(m_file);
    QVERIFY(connection);
    m_connection = std::move(*connection);
}

void TestUnitOfWork::cleanup()
{
    m_connection.reset();
}

void TestUnitOfWork::commitsChangesToSeveralTablesTogether()
{
    // The "done when": change alice's email, give post 3 to bob, delete a comment.
    UnitOfWork work(m_connection->database());
    work.update(kUsers, id(1), {{QStringLiteral("email"), QStringLiteral("alice@wonderland.example")}});
    work.update(kPosts, id(3), {{QStringLiteral("author_id"), 2}});
    work.remove(kComments, id(4));
    const int added = work.insert(kUsers, {{QStringLiteral("username"), QStringLiteral("dave")},
                                           {QStringLiteral("email"), QStringLiteral("dave@example.com")}});
    ChangeFailure failure;
    const auto report = work.commit(&failure);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY(work.isEmpty());
    QCOMPARE(report->newRowIds.size(), 4);
    QCOMPARE(report->newRowIds.at(added), 4);
    QCOMPARE(report->newRowIds.at(0), 0);
    QCOMPARE(report->rowsWritten, 4);

    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT email FROM users WHERE id = 1")),
             QStringLiteral("alice@wonderland.example"));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT author_id FROM posts WHERE id = 3")),
             QStringLiteral("2"));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM comments WHERE id = 4")),
             QStringLiteral("0"));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT username FROM users WHERE id = 4")),
             QStringLiteral("dave"));
}

void TestUnitOfWork::failedThirdChangeLeavesTheFileUnchangedAndKeepsEveryChange()
{
    UnitOfWork work(m_connection->database());
    work.update(kUsers, id(1), {{QStringLiteral("email"), QStringLiteral("alice@new.example")}});
    work.insert(kUsers, {{QStringLiteral("username"), QStringLiteral("dave")},
                         {QStringLiteral("email"), QStringLiteral("dave@example.com")}});
    work.insert(kUsers, {{QStringLiteral("username"), QStringLiteral("bob")},
                         {QStringLiteral("email"), QStringLiteral("bob2@example.com")}});
    const QList<Change> recorded = work.changes();
    const QByteArray bytesBefore = TestFiles::read(m_file);
    const QString rowsBefore = snapshot(m_file);

    ChangeFailure failure;
    const auto report = work.commit(&failure);
    QVERIFY(!report);
    QCOMPARE(failure.changeIndex, 2);
    QCOMPARE(failure.change.table, kUsers);
    QCOMPARE(failure.change.kind, Change::Kind::Insert);
    QCOMPARE(failure.column, QStringLiteral("username"));
    QCOMPARE(failure.error.kind, Error::Kind::Constraint);
    QCOMPARE(failure.error.message, QStringLiteral("Cannot add the new user: username 'bob' is already taken."));
    QCOMPARE(failure.error.sqliteCode, sqlite_code::ConstraintUnique);
    QCOMPARE(failure.error.sqliteText, QStringLiteral("UNIQUE constraint failed: users.username"));
    QCOMPARE(report.error().message, failure.error.message);

    // Nothing written: not a row, not a byte; and every change is still there, as it was.
    QCOMPARE(snapshot(m_file), rowsBefore);
    QCOMPARE(TestFiles::read(m_file), bytesBefore);
    QVERIFY(sameChanges(work.changes(), recorded));

    // The connection is usable afterwards: no transaction was left open.
    QSqlQuery query(m_connection->database());
    QVERIFY(query.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(query.exec(QStringLiteral("ROLLBACK")));
}

void TestUnitOfWork::keptChangesCanBeFixedAndWrittenAgain()
{
    UnitOfWork work(m_connection->database());
    work.update(kUsers, id(2), {{QStringLiteral("email"), QStringLiteral("robert@example.com")}});
    const int bad = work.insert(kUsers, {{QStringLiteral("username"), QStringLiteral("alice")},
                                         {QStringLiteral("email"), QStringLiteral("alice2@example.com")}});
    QVERIFY(!work.commit());
    QCOMPARE(work.count(), 2);
    work.replace(bad, Change::insert(kUsers, {{QStringLiteral("username"), QStringLiteral("alice2")},
                                              {QStringLiteral("email"), QStringLiteral("alice2@example.com")}}));
    const auto report = work.commit();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY(work.isEmpty());
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT email FROM users WHERE id = 2")),
             QStringLiteral("robert@example.com"));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM users WHERE username = 'alice2'")),
             QStringLiteral("1"));
}

void TestUnitOfWork::foreignKeyFailureNamesTheRowAndTheMissingAuthor()
{
    UnitOfWork work(m_connection->database());
    work.update(kPosts, id(1), {{QStringLiteral("title"), QStringLiteral("Python 3")}});
    work.update(kPosts, id(2), {{QStringLiteral("author_id"), 999}});
    const QString before = snapshot(m_file);
    ChangeFailure failure;
    QVERIFY(!work.commit(&failure));
    QCOMPARE(failure.changeIndex, 1);
    QCOMPARE(failure.column, QStringLiteral("author_id"));
    QCOMPARE(failure.error.message, QStringLiteral("Post 2's author 999 does not exist."));
    QCOMPARE(failure.error.sqliteCode, sqlite_code::ConstraintForeignKey);
    QCOMPARE(failure.error.kind, Error::Kind::Constraint);
    QCOMPARE(snapshot(m_file), before);
    QCOMPARE(work.count(), 2);
}

void TestUnitOfWork::invalidValueIsRefusedBeforeAnythingRuns()
{
    UnitOfWork work(m_connection->database());
    work.update(kUsers, id(1), {{QStringLiteral("email"), QStringLiteral("alice@new.example")}});
    work.update(kPosts, id(4), {{QStringLiteral("title"), QStringLiteral("   ")}});
    const QByteArray before = TestFiles::read(m_file);
    ChangeFailure failure;
    QVERIFY(!work.commit(&failure));
    QCOMPARE(failure.changeIndex, 1);
    QCOMPARE(failure.column, QStringLiteral("title"));
    QCOMPARE(failure.error.kind, Error::Kind::Validation);
    QCOMPARE(failure.error.message, QStringLiteral("Title must not be empty."));
    QCOMPARE(failure.error.sqliteCode, 0);
    QCOMPARE(TestFiles::read(m_file), before);
    QCOMPARE(work.count(), 2);
}

void TestUnitOfWork::usernamesAndEmailsAreNormalised()
{
    UnitOfWork work(m_connection->database());
    work.insert(kUsers, {{QStringLiteral("username"), QStringLiteral("  John_Doe ")},
                         {QStringLiteral("email"), QStringLiteral("John.Doe@Example.COM")}});
    work.update(kUsers, id(3), {{QStringLiteral("username"), QStringLiteral("CHARLES")}});
    QVERIFY(work.commit());
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT username || ' ' || email FROM users WHERE id = 4")),
             QStringLiteral("john_doe john.doe@example.com"));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT username FROM users WHERE id = 3")),
             QStringLiteral("charles"));
}

void TestUnitOfWork::newParentsAreInsertedBeforeTheirChildren()
{
    // Recorded child first: a comment on a new post by a new user.
    UnitOfWork work(m_connection->database());
    work.insert(kComments, {{QStringLiteral("content"), QStringLiteral("First!")},
                            {QStringLiteral("post_id"), 100},
                            {QStringLiteral("author_id"), 50}});
    work.insert(kPosts,
                {{QStringLiteral("title"), QStringLiteral("Hello")},
                 {QStringLiteral("content"), QStringLiteral("World")},
                 {QStringLiteral("author_id"), 50}},
                id(100));
    work.insert(kUsers,
                {{QStringLiteral("username"), QStringLiteral("newbie")},
                 {QStringLiteral("email"), QStringLiteral("newbie@example.com")}},
                id(50));
    const auto report = work.commit();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->newRowIds.at(1), 100);
    QCOMPARE(report->newRowIds.at(2), 50);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM comments WHERE post_id = 100 AND "
                                                        "author_id = 50")),
             QStringLiteral("1"));
}

void TestUnitOfWork::postGivenAwayBeforeItsAuthorIsDeletedSurvives_data()
{
    QTest::addColumn<bool>("deleteRecordedFirst");
    QTest::newRow("give, then delete") << false;
    QTest::newRow("delete, then give") << true;
}

void TestUnitOfWork::postGivenAwayBeforeItsAuthorIsDeletedSurvives()
{
    QFETCH(bool, deleteRecordedFirst);
    UnitOfWork work(m_connection->database());
    if (deleteRecordedFirst)
        work.remove(kUsers, id(1));
    work.update(kPosts, id(3), {{QStringLiteral("author_id"), 2}});
    if (!deleteRecordedFirst)
        work.remove(kUsers, id(1));
    QVERIFY(work.commit());
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT author_id FROM posts WHERE id = 3")),
             QStringLiteral("2"));
    // alice's other post went with her.
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT group_concat(id) FROM posts")),
             QStringLiteral("2,3,4"));
}

void TestUnitOfWork::childrenAreDeletedBeforeTheirParents()
{
    // Without ON DELETE CASCADE the parent can only go once its children have.
    QVERIFY(TestFiles::execSql(
        m_file, QStringLiteral("CREATE TABLE shelves (id INTEGER PRIMARY KEY, name TEXT);"
                               "CREATE TABLE books (id INTEGER PRIMARY KEY, shelf_id INTEGER REFERENCES shelves (id));"
                               "INSERT INTO shelves VALUES (1, 'top');"
                               "INSERT INTO books VALUES (1, 1), (2, 1);")));
    UnitOfWork work(m_connection->database(), RuleSet::None);
    work.remove(QStringLiteral("shelves"), id(1));
    work.remove(QStringLiteral("books"), id(1));
    work.remove(QStringLiteral("books"), id(2));
    const auto report = work.commit();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->rowsWritten, 3);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM shelves")), QStringLiteral("0"));
}

void TestUnitOfWork::keepsSqliteExtendedCodes_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QVariantMap>("key");
    QTest::addColumn<QVariantMap>("values");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("UNIQUE") << kUsers << id(2)
                            << QVariantMap{{QStringLiteral("email"), QStringLiteral("alice@example.com")}}
                            << sqlite_code::ConstraintUnique << QStringLiteral("email")
                            << QStringLiteral("Cannot save user 2: email 'alice@example.com' is already taken.");
    QTest::newRow("NOT NULL") << kPosts << id(2) << QVariantMap{{QStringLiteral("title"), QVariant()}}
                              << sqlite_code::ConstraintNotNull << QStringLiteral("title")
                              << QStringLiteral("Cannot save post 2: title must not be empty.");
    QTest::newRow("CHECK") << QStringLiteral("prices") << id(1) << QVariantMap{{QStringLiteral("amount"), -5}}
                           << sqlite_code::ConstraintCheck << QStringLiteral("amount")
                           << QStringLiteral("Cannot save row 1 of prices: amount -5 breaks the rule 'amount > 0'.");
    QTest::newRow("FOREIGN KEY") << kComments << id(1) << QVariantMap{{QStringLiteral("post_id"), 404}}
                                 << sqlite_code::ConstraintForeignKey << QStringLiteral("post_id")
                                 << QStringLiteral("Comment 1's post 404 does not exist.");
    QTest::newRow("PRIMARY KEY") << kUsers << id(3) << QVariantMap{{QStringLiteral("id"), 1}}
                                 << sqlite_code::ConstraintPrimaryKey << QStringLiteral("id")
                                 << QStringLiteral("Cannot save user 3: user 1 already exists.");
}

void TestUnitOfWork::keepsSqliteExtendedCodes()
{
    QFETCH(QString, table);
    QFETCH(QVariantMap, key);
    QFETCH(QVariantMap, values);
    QFETCH(int, code);
    QFETCH(QString, column);
    QFETCH(QString, message);
    QVERIFY(TestFiles::execSql(m_file, QStringLiteral("CREATE TABLE prices (id INTEGER PRIMARY KEY, amount REAL "
                                                      "CHECK (amount > 0)); INSERT INTO prices VALUES (1, 9.5);")));
    // NOT NULL is SQLite's to enforce here, so the blog's rules are off.
    UnitOfWork work(m_connection->database(), RuleSet::None);
    work.update(table, key, values);
    const QByteArray before = TestFiles::read(m_file);
    ChangeFailure failure;
    const auto report = work.commit(&failure);
    QVERIFY(!report);
    QCOMPARE(failure.error.sqliteCode, code);
    QCOMPARE(report.error().sqliteCode, code);
    QCOMPARE(failure.error.kind, Error::Kind::Constraint);
    QCOMPARE(failure.column, column);
    QCOMPARE(failure.error.message, message);
    QCOMPARE(failure.changeIndex, 0);
    QCOMPARE(TestFiles::read(m_file), before);
}

void TestUnitOfWork::updateOfAVanishedRowRollsEverythingBack()
{
    UnitOfWork work(m_connection->database());
    work.update(kUsers, id(1), {{QStringLiteral("email"), QStringLiteral("alice@new.example")}});
    work.update(kUsers, id(77), {{QStringLiteral("email"), QStringLiteral("ghost@example.com")}});
    const QString before = snapshot(m_file);
    ChangeFailure failure;
    QVERIFY(!work.commit(&failure));
    QCOMPARE(failure.changeIndex, 1);
    QCOMPARE(failure.error.kind, Error::Kind::NotFound);
    QCOMPARE(failure.error.message, QStringLiteral("Cannot save user 77: it no longer exists."));
    QCOMPARE(snapshot(m_file), before);
}

void TestUnitOfWork::deferredForeignKeyFailureAtCommitIsTracedToItsChange()
{
    QVERIFY(TestFiles::execSql(
        m_file, QStringLiteral("CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT);"
                               "CREATE TABLE players (id INTEGER PRIMARY KEY, name TEXT, team_id INTEGER "
                               "REFERENCES teams (id) DEFERRABLE INITIALLY DEFERRED);"
                               "INSERT INTO teams VALUES (1, 'red');")));
    UnitOfWork work(m_connection->database(), RuleSet::None);
    work.insert(QStringLiteral("players"),
                {{QStringLiteral("name"), QStringLiteral("ann")}, {QStringLiteral("team_id"), 1}});
    work.insert(QStringLiteral("players"),
                {{QStringLiteral("name"), QStringLiteral("ben")}, {QStringLiteral("team_id"), 7}});
    work.update(QStringLiteral("teams"), id(1), {{QStringLiteral("name"), QStringLiteral("blue")}});
    const QByteArray before = TestFiles::read(m_file);
    ChangeFailure failure;
    QVERIFY(!work.commit(&failure));
    QCOMPARE(failure.error.sqliteCode, sqlite_code::ConstraintForeignKey);
    QCOMPARE(failure.changeIndex, 1);
    QCOMPARE(failure.column, QStringLiteral("team_id"));
    QCOMPARE(failure.error.message, QStringLiteral("The new row in players: team_id 7 has no matching row in teams."));
    QCOMPARE(TestFiles::read(m_file), before);
    QCOMPARE(work.count(), 3);
}

void TestUnitOfWork::worksOnTablesWithOddNames()
{
    const QString table = QStringLiteral("my \"odd\".t\u00e4ble %1");
    QVERIFY(TestFiles::execSql(m_file,
                               QStringLiteral("CREATE TABLE \"my \"\"odd\"\".t\u00e4ble %1\" "
                                              "(\"k ey\" INTEGER PRIMARY KEY, \"va.l\" TEXT, \"%2\" TEXT);"
                                              "INSERT INTO \"my \"\"odd\"\".t\u00e4ble %1\" VALUES (1, 'a', 'b');")));
    UnitOfWork work(m_connection->database(), RuleSet::None);
    const QVariantMap key{{QStringLiteral("k ey"), 1}};
    work.update(table, key, {{QStringLiteral("va.l"), QStringLiteral("changed")}});
    work.insert(table, {{QStringLiteral("va.l"), QStringLiteral("new")}, {QStringLiteral("%2"), QStringLiteral("x")}});
    work.remove(table, {{QStringLiteral("k ey"), 9}}); // already gone: fine
    const auto report = work.commit();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT group_concat(\"k ey\" || ':' || \"va.l\" || ':' || "
                                                        "\"%2\", '|') FROM \"my \"\"odd\"\".t\u00e4ble %1\"")),
             QStringLiteral("1:changed:b|2:new:x"));
}

void TestUnitOfWork::lockedDatabaseFailsWithoutLosingChanges()
{
    m_connection.reset();
    auto connection = Connection::open(m_file, {Connection::Mode::ReadWrite, 100, QStringLiteral("locked")});
    QVERIFY(connection);
    auto other = Connection::open(m_file, {Connection::Mode::ReadWrite, 100, QStringLiteral("other")});
    QVERIFY(other);
    QSqlQuery lock((*other)->database());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

    UnitOfWork work((*connection)->database());
    work.update(kUsers, id(1), {{QStringLiteral("email"), QStringLiteral("alice@new.example")}});
    ChangeFailure failure;
    const auto report = work.commit(&failure);
    QVERIFY(!report);
    QCOMPARE(failure.error.sqliteCode & 0xff, 5); // SQLITE_BUSY
    QCOMPARE(failure.changeIndex, -1);
    QCOMPARE(work.count(), 1);

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QVERIFY(work.commit());
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT email FROM users WHERE id = 1")),
             QStringLiteral("alice@new.example"));
}

void TestUnitOfWork::rulesCanBeTurnedOffForOtherFiles()
{
    // A file that merely has a users table keeps its own conventions: no lower-casing, no username rule.
    UnitOfWork work(m_connection->database(), RuleSet::None);
    work.insert(kUsers, {{QStringLiteral("username"), QStringLiteral("J. Random")},
                         {QStringLiteral("email"), QStringLiteral("J@X")}});
    QVERIFY(work.commit());
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT username || '|' || email FROM users WHERE id = 4")),
             QStringLiteral("J. Random|J@X"));
}

void TestUnitOfWork::emptyUnitCommitsNothing()
{
    UnitOfWork work(m_connection->database());
    const QByteArray before = TestFiles::read(m_file);
    const auto report = work.commit();
    QVERIFY(report);
    QVERIFY(report->newRowIds.isEmpty());
    QCOMPARE(report->rowsWritten, 0);
    QCOMPARE(TestFiles::read(m_file), before);
}

QTEST_GUILESS_MAIN(TestUnitOfWork)
#include "tst_unitofwork.moc"
