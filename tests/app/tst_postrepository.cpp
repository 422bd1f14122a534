#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "blog/PostRepository.h"
#include "database/Connection.h"
#include "database/SqlError.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::TestFiles;

class TestPostRepository : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createStoresThePostAndReturnsItsId();
    void createRefusesAnEmptyOrOverlongTitle_data();
    void createRefusesAnEmptyOrOverlongTitle();
    void createNamesTheMissingAuthor();
    void updateNamesThePostAndTheMissingAuthor();
    void updateGivesAPostToAnotherAuthor();
    void byIdReadsThePostOrNothing();
    void cascadeCountsMatchWhatDeletingRemoves_data();
    void cascadeCountsMatchWhatDeletingRemoves();
    void cascadeCountsOfSeveralPosts();

private:
    QTemporaryDir m_dir;
    QString m_template; // the demo database, made once and copied for each test
    QString m_file;
    std::unique_ptr<Connection> m_connection;
};

namespace {

Post newPost(const QString& title, const QString& content, qint64 authorId)
{
    Post post;
    post.title = title;
    post.content = content;
    post.authorId = authorId;
    return post;
}

} // namespace

void TestPostRepository::initTestCase()
{
    m_template = m_dir.filePath(QStringLiteral("template.db"));
    QVERIFY(DemoDatabase::create(m_template, true));
}

void TestPostRepository::init()
{
    m_file = m_dir.filePath(QStringLiteral("%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_file);
    QVERIFY(QFile::copy(m_template, m_file));
    auto connection = Connection::open(m_file);
    QVERIFY(connection);
    m_connection = std::move(*connection);
}

void TestPostRepository::cleanup()
{
    m_connection.reset();
}

void TestPostRepository::createStoresThePostAndReturnsItsId()
{
    PostRepository posts(m_connection->database());
    const Result<qint64> id = posts.create(newPost(QStringLiteral("Rust"), QStringLiteral("Ownership."), 2));
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    QCOMPARE(*id, 5);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT title || '|' || content || '|' || author_id FROM posts "
                                                        "WHERE id = 5")),
             QStringLiteral("Rust|Ownership.|2"));
}

void TestPostRepository::createRefusesAnEmptyOrOverlongTitle_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("start");

    QTest::newRow("empty title") << QString() << QStringLiteral("x") << QStringLiteral("Title must not be empty.");
    QTest::newRow("201 characters") << QString(201, QLatin1Char('t')) << QStringLiteral("x")
                                    << QStringLiteral("Title 'ttt");
    QTest::newRow("blank content") << QStringLiteral("Fine") << QStringLiteral(" \n ") << QStringLiteral("Content ");
}

void TestPostRepository::createRefusesAnEmptyOrOverlongTitle()
{
    QFETCH(QString, title);
    QFETCH(QString, content);
    QFETCH(QString, start);
    PostRepository posts(m_connection->database());
    const Result<qint64> id = posts.create(newPost(title, content, 1));
    QVERIFY(!id);
    QCOMPARE(id.error().kind, Error::Kind::Validation);
    QVERIFY2(id.error().message.startsWith(start), qPrintable(id.error().message));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM posts")), QStringLiteral("4"));
}

void TestPostRepository::createNamesTheMissingAuthor()
{
    PostRepository posts(m_connection->database());
    // The lesson's "foreign key constraint error" example, which its SQLite accepted with foreign keys off.
    const Result<qint64> id =
        posts.create(newPost(QStringLiteral("Invalid Post"), QStringLiteral("This should fail"), 999));
    QVERIFY(!id);
    QCOMPARE(id.error().kind, Error::Kind::Constraint);
    QCOMPARE(id.error().message, QStringLiteral("The new post's author 999 does not exist."));
    QCOMPARE(id.error().sqliteCode, sqlite_code::ConstraintForeignKey);
    QCOMPARE(id.error().sqliteText, QStringLiteral("FOREIGN KEY constraint failed"));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM posts")), QStringLiteral("4"));
}

void TestPostRepository::updateNamesThePostAndTheMissingAuthor()
{
    PostRepository posts(m_connection->database());
    auto post = posts.byId(3);
    QVERIFY(post && post->has_value());
    Post changed = **post;
    changed.authorId = 999;
    const Status saved = posts.update(changed);
    QVERIFY(!saved);
    QCOMPARE(saved.error().message, QStringLiteral("Post 3's author 999 does not exist."));
    QCOMPARE(saved.error().sqliteCode, sqlite_code::ConstraintForeignKey);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT author_id FROM posts WHERE id = 3")),
             QStringLiteral("1"));
}

void TestPostRepository::updateGivesAPostToAnotherAuthor()
{
    PostRepository posts(m_connection->database());
    auto post = posts.byId(3);
    QVERIFY(post && post->has_value());
    Post changed = **post;
    changed.authorId = 2;
    QVERIFY(posts.update(changed));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT author_id FROM posts WHERE id = 3")),
             QStringLiteral("2"));
}

void TestPostRepository::byIdReadsThePostOrNothing()
{
    PostRepository posts(m_connection->database());
    const auto post = posts.byId(2);
    QVERIFY(post && post->has_value());
    QCOMPARE((*post)->title, QStringLiteral("Web Development"));
    QCOMPARE((*post)->content, QStringLiteral("Building web applications with Python."));
    QCOMPARE((*post)->authorId, 2);
    QVERIFY(!(*post)->createdAt.isNull());
    const auto none = posts.byId(40);
    QVERIFY(none);
    QVERIFY(!none->has_value());
}

void TestPostRepository::cascadeCountsMatchWhatDeletingRemoves_data()
{
    QTest::addColumn<qint64>("postId");
    QTest::newRow("post 1 (two comments)") << qint64(1);
    QTest::newRow("post 4 (none)") << qint64(4);
    QTest::newRow("no such post") << qint64(77);
}

void TestPostRepository::cascadeCountsMatchWhatDeletingRemoves()
{
    QFETCH(qint64, postId);
    PostRepository posts(m_connection->database());
    const Result<CascadeCounts> counts = posts.cascadeCounts(postId);
    QVERIFY(counts);
    QCOMPARE(counts->posts, 0);
    const qint64 before = TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM comments")).toLongLong();
    const Result<bool> removed = posts.remove(postId);
    QVERIFY(removed);
    QCOMPARE(*removed, postId != 77);
    const qint64 after = TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM comments")).toLongLong();
    QCOMPARE(counts->comments, before - after);
}

void TestPostRepository::cascadeCountsOfSeveralPosts()
{
    PostRepository posts(m_connection->database());
    const QList<qint64> ids{1, 2, 4};
    const Result<CascadeCounts> counts = posts.cascadeCounts(ids);
    QVERIFY(counts);
    const qint64 before = TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM comments")).toLongLong();
    for (const qint64 id : ids)
        QVERIFY(posts.remove(id));
    const qint64 after = TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM comments")).toLongLong();
    QCOMPARE(counts->comments, before - after);
    QCOMPARE(counts->summary(), QStringLiteral("3 comments"));
}

QTEST_GUILESS_MAIN(TestPostRepository)
#include "tst_postrepository.moc"
