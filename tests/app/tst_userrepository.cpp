#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "blog/UserRepository.h"
#include "database/Connection.h"
#include "database/SqlError.h"
#include "write/UnitOfWork.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::TestFiles;

class TestUserRepository : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void createStoresTheNormalisedUserAndReturnsItsId();
    void createRefusesInvalidValuesAndWritesNothing_data();
    void createRefusesInvalidValuesAndWritesNothing();
    void createReportsATakenUsernameInWords_data();
    void createReportsATakenUsernameInWords();
    void findsUsersByIdAndByNormalisedUsername();
    void updateSavesNormalisedValues();
    void updateOfAMissingUserFails();
    void removeDeletesTheUserAndWhatCascades();
    void cascadeCountsMatchWhatDeletingRemoves_data();
    void cascadeCountsMatchWhatDeletingRemoves();
    void cascadeCountsCountACommentOnOwnPostOnce();
    void cascadeCountsOfSeveralUsersCountEachRowOnce_data();
    void cascadeCountsOfSeveralUsersCountEachRowOnce();

private:
    QString demoFile(const QString& name);
    QTemporaryDir m_dir;
    QString m_template; // the demo database, made once and copied for each test
};

namespace {

QString count(const QString& file, const QString& table)
{
    return TestFiles::querySql(file, QStringLiteral("SELECT count(*) FROM %1").arg(table));
}

User newUser(const QString& username, const QString& email)
{
    User user;
    user.username = username;
    user.email = email;
    return user;
}

} // namespace

void TestUserRepository::initTestCase()
{
    m_template = m_dir.filePath(QStringLiteral("template.db"));
    QVERIFY(DemoDatabase::create(m_template, true));
}

QString TestUserRepository::demoFile(const QString& name)
{
    const QString file = m_dir.filePath(name + QStringLiteral(".db"));
    QFile::remove(file);
    return QFile::copy(m_template, file) ? file : QString();
}

void TestUserRepository::createStoresTheNormalisedUserAndReturnsItsId()
{
    const QString file = demoFile(QStringLiteral("create"));
    QVERIFY(!file.isEmpty());
    auto connection = Connection::open(file);
    QVERIFY(connection);
    UserRepository users((*connection)->database());

    User john = newUser(QStringLiteral("  John_Doe "), QStringLiteral("John.Doe@Example.com"));
    john.firstName = QStringLiteral("John");
    john.lastName = QStringLiteral("Doe");
    const Result<qint64> id = users.create(john);
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    QCOMPARE(*id, 4);

    // Read back through a separate connection.
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT username || '|' || email || '|' || first_name || '|' || "
                                                      "last_name FROM users WHERE id = 4")),
             QStringLiteral("john_doe|john.doe@example.com|John|Doe"));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT created_at IS NOT NULL FROM users WHERE id = 4")),
             QStringLiteral("1"));

    // Names left out are NULL, not empty text.
    const Result<qint64> second = users.create(newUser(QStringLiteral("mary"), QStringLiteral("mary@example.com")));
    QVERIFY(second);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT first_name IS NULL AND last_name IS NULL FROM users "
                                                      "WHERE id = %1")
                                           .arg(*second)),
             QStringLiteral("1"));
}

void TestUserRepository::createRefusesInvalidValuesAndWritesNothing_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("message");

    QTest::newRow("lesson's ab") << QStringLiteral("ab") << QStringLiteral("ab@example.com")
                                 << QStringLiteral("Username 'ab' is too short: use 3 to 50 letters, digits or "
                                                   "underscores.");
    QTest::newRow("lesson's invalid-email") << QStringLiteral("valid_name") << QStringLiteral("invalid-email")
                                            << QStringLiteral("Email 'invalid-email' is not a valid address: enter one "
                                                              "like name@example.com.");
    QTest::newRow("space in the name") << QStringLiteral("john doe") << QStringLiteral("j@example.com")
                                       << QStringLiteral("Username 'john doe' contains a space, which is not allowed: "
                                                         "use 3 to 50 letters, digits or underscores.");
}

void TestUserRepository::createRefusesInvalidValuesAndWritesNothing()
{
    QFETCH(QString, username);
    QFETCH(QString, email);
    QFETCH(QString, message);
    const QString file = demoFile(QStringLiteral("invalid"));
    QVERIFY(!file.isEmpty());
    const QByteArray before = TestFiles::read(file);
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        UserRepository users((*connection)->database());
        const Result<qint64> id = users.create(newUser(username, email));
        QVERIFY(!id);
        QCOMPARE(id.error().kind, Error::Kind::Validation);
        QCOMPARE(id.error().message, message);
        QCOMPARE(id.error().sqliteCode, 0);
    }
    QCOMPARE(TestFiles::read(file), before);
}

void TestUserRepository::createReportsATakenUsernameInWords_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("code");

    QTest::newRow("same name") << QStringLiteral("bob") << QStringLiteral("bob2@example.com")
                               << QStringLiteral("Cannot add the new user: username 'bob' is already taken.")
                               << sqlite_code::ConstraintUnique;
    QTest::newRow("same name after normalisation")
        << QStringLiteral(" BOB ") << QStringLiteral("bob2@example.com")
        << QStringLiteral("Cannot add the new user: username 'bob' is already taken.") << sqlite_code::ConstraintUnique;
    QTest::newRow("same email in capitals")
        << QStringLiteral("robert") << QStringLiteral("Bob@Example.com")
        << QStringLiteral("Cannot add the new user: email 'bob@example.com' is already taken.")
        << sqlite_code::ConstraintUnique;
}

void TestUserRepository::createReportsATakenUsernameInWords()
{
    QFETCH(QString, username);
    QFETCH(QString, email);
    QFETCH(QString, message);
    QFETCH(int, code);
    const QString file = demoFile(QStringLiteral("taken"));
    QVERIFY(!file.isEmpty());
    auto connection = Connection::open(file);
    QVERIFY(connection);
    UserRepository users((*connection)->database());
    const Result<qint64> id = users.create(newUser(username, email));
    QVERIFY(!id);
    QCOMPARE(id.error().kind, Error::Kind::Constraint);
    QCOMPARE(id.error().message, message);
    QCOMPARE(id.error().sqliteCode, code);
    QVERIFY(id.error().sqliteText.startsWith(QStringLiteral("UNIQUE constraint failed: users.")));
    QCOMPARE(count(file, QStringLiteral("users")), QStringLiteral("3"));
}

void TestUserRepository::findsUsersByIdAndByNormalisedUsername()
{
    const QString file = demoFile(QStringLiteral("find"));
    QVERIFY(!file.isEmpty());
    auto connection = Connection::open(file);
    QVERIFY(connection);
    UserRepository users((*connection)->database());

    const auto bob = users.byId(2);
    QVERIFY(bob);
    QVERIFY(bob->has_value());
    QCOMPARE((*bob)->username, QStringLiteral("bob"));
    QCOMPARE((*bob)->email, QStringLiteral("bob@example.com"));
    QVERIFY((*bob)->firstName.isNull());
    QCOMPARE((*bob)->fullName(), QStringLiteral("bob"));
    QCOMPARE((*bob)->createdAt.toString(),
             TestFiles::querySql(file, QStringLiteral("SELECT created_at FROM users WHERE id = 2")));

    const auto byName = users.byUsername(QStringLiteral(" Charlie "));
    QVERIFY(byName);
    QVERIFY(byName->has_value());
    QCOMPARE((*byName)->id, 3);

    const auto missing = users.byId(999);
    QVERIFY(missing);
    QVERIFY(!missing->has_value());
    const auto missingName = users.byUsername(QStringLiteral("nobody"));
    QVERIFY(missingName);
    QVERIFY(!missingName->has_value());
}

void TestUserRepository::updateSavesNormalisedValues()
{
    const QString file = demoFile(QStringLiteral("update"));
    QVERIFY(!file.isEmpty());
    auto connection = Connection::open(file);
    QVERIFY(connection);
    UserRepository users((*connection)->database());

    auto alice = users.byId(1);
    QVERIFY(alice && alice->has_value());
    User changed = **alice;
    changed.email = QStringLiteral(" Alice@New.Example.org ");
    changed.firstName = QStringLiteral("Alice");
    const Status saved = users.update(changed);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email || '|' || first_name || '|' || "
                                                      "coalesce(last_name, 'NULL') FROM users WHERE id = 1")),
             QStringLiteral("alice@new.example.org|Alice|NULL"));

    changed.username = QStringLiteral("bob");
    const Status taken = users.update(changed);
    QVERIFY(!taken);
    QCOMPARE(taken.error().message, QStringLiteral("Cannot save user 1: username 'bob' is already taken."));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT username FROM users WHERE id = 1")),
             QStringLiteral("alice"));
}

void TestUserRepository::updateOfAMissingUserFails()
{
    const QString file = demoFile(QStringLiteral("updatemissing"));
    QVERIFY(!file.isEmpty());
    auto connection = Connection::open(file);
    QVERIFY(connection);
    UserRepository users((*connection)->database());
    User ghost = newUser(QStringLiteral("ghost"), QStringLiteral("ghost@example.com"));
    ghost.id = 42;
    const Status saved = users.update(ghost);
    QVERIFY(!saved);
    QCOMPARE(saved.error().kind, Error::Kind::NotFound);
    QCOMPARE(saved.error().message, QStringLiteral("Cannot save user 42: it no longer exists."));
}

void TestUserRepository::removeDeletesTheUserAndWhatCascades()
{
    const QString file = demoFile(QStringLiteral("remove"));
    QVERIFY(!file.isEmpty());
    auto connection = Connection::open(file);
    QVERIFY(connection);
    UserRepository users((*connection)->database());

    const Result<bool> removed = users.remove(3);
    QVERIFY(removed);
    QVERIFY(*removed);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT count(*) FROM users WHERE id = 3")), QStringLiteral("0"));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT count(*) FROM posts WHERE author_id = 3")),
             QStringLiteral("0"));
    const Result<bool> again = users.remove(3);
    QVERIFY(again);
    QVERIFY(!*again);
}

void TestUserRepository::cascadeCountsMatchWhatDeletingRemoves_data()
{
    QTest::addColumn<qint64>("userId");
    QTest::newRow("alice") << qint64(1);
    QTest::newRow("bob") << qint64(2);
    QTest::newRow("charlie") << qint64(3);
    QTest::newRow("nobody") << qint64(999);
}

void TestUserRepository::cascadeCountsMatchWhatDeletingRemoves()
{
    QFETCH(qint64, userId);
    const QString file = demoFile(QStringLiteral("cascade"));
    QVERIFY(!file.isEmpty());
    // A profile, so the v3 table is counted too.
    QVERIFY(TestFiles::execSql(file, QStringLiteral("INSERT INTO user_profiles (user_id, bio) VALUES (1, 'hi')")));
    auto connection = Connection::open(file);
    QVERIFY(connection);
    UserRepository users((*connection)->database());

    const Result<CascadeCounts> counts = users.cascadeCounts(userId);
    QVERIFY(counts);
    const int postsBefore = count(file, QStringLiteral("posts")).toInt();
    const int commentsBefore = count(file, QStringLiteral("comments")).toInt();
    const int profilesBefore = count(file, QStringLiteral("user_profiles")).toInt();
    QVERIFY(users.remove(userId));
    QCOMPARE(counts->posts, postsBefore - count(file, QStringLiteral("posts")).toInt());
    QCOMPARE(counts->comments, commentsBefore - count(file, QStringLiteral("comments")).toInt());
    QCOMPARE(counts->profiles, profilesBefore - count(file, QStringLiteral("user_profiles")).toInt());
    QCOMPARE(counts->isEmpty(), userId == 999);
}

void TestUserRepository::cascadeCountsCountACommentOnOwnPostOnce()
{
    const QString file = demoFile(QStringLiteral("ownpost"));
    QVERIFY(!file.isEmpty());
    // alice (1) comments on her own post 1: written by her AND on her post, still one comment.
    QVERIFY(TestFiles::execSql(file, QStringLiteral("INSERT INTO comments (content, post_id, author_id) "
                                                    "VALUES ('Me again', 1, 1)")));
    auto connection = Connection::open(file);
    QVERIFY(connection);
    UserRepository users((*connection)->database());
    const Result<CascadeCounts> counts = users.cascadeCounts(1);
    QVERIFY(counts);
    QCOMPARE(counts->posts, 2);
    // On her posts 1 and 3: comments 1, 2, 4 and the new one; by her elsewhere: comment 3.
    QCOMPARE(counts->comments, 5);
    QCOMPARE(counts->summary(), QStringLiteral("2 posts and 5 comments"));
}

void TestUserRepository::cascadeCountsOfSeveralUsersCountEachRowOnce_data()
{
    QTest::addColumn<QList<qint64>>("userIds");
    QTest::newRow("alice and bob (bob commented on alice's posts)") << QList<qint64>{1, 2};
    QTest::newRow("everyone") << QList<qint64>{1, 2, 3};
    QTest::newRow("the same user twice") << QList<qint64>{3, 3};
    QTest::newRow("none") << QList<qint64>{};
}

void TestUserRepository::cascadeCountsOfSeveralUsersCountEachRowOnce()
{
    QFETCH(QList<qint64>, userIds);
    const QString file = demoFile(QStringLiteral("several"));
    QVERIFY(!file.isEmpty());
    auto connection = Connection::open(file);
    QVERIFY(connection);
    UserRepository users((*connection)->database());
    const Result<CascadeCounts> counts = users.cascadeCounts(userIds);
    QVERIFY2(counts, qPrintable(counts ? QString() : counts.error().message));

    const int postsBefore = count(file, QStringLiteral("posts")).toInt();
    const int commentsBefore = count(file, QStringLiteral("comments")).toInt();
    UnitOfWork work((*connection)->database());
    for (const qint64 id : userIds)
        work.remove(QStringLiteral("users"), {{QStringLiteral("id"), id}});
    QVERIFY(work.commit());
    QCOMPARE(counts->posts, qint64(postsBefore - count(file, QStringLiteral("posts")).toInt()));
    QCOMPARE(counts->comments, qint64(commentsBefore - count(file, QStringLiteral("comments")).toInt()));
}

QTEST_GUILESS_MAIN(TestUserRepository)
#include "tst_userrepository.moc"
