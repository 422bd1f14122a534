#include "TestFiles.h"
#include "blog/CommentRepository.h"
#include "blog/DemoDatabase.h"
#include "database/Connection.h"
#include "database/SqlError.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::TestFiles;

class TestCommentRepository : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createStoresTheCommentAndReturnsItsId();
    void createRefusesEmptyContent_data();
    void createRefusesEmptyContent();
    void createNamesTheMissingPostOrAuthor_data();
    void createNamesTheMissingPostOrAuthor();
    void updateAndReadBack();
    void updateOfAMissingCommentFails();
    void removeDeletesOnlyThatComment();

private:
    QTemporaryDir m_dir;
    QString m_template; // the demo database, made once and copied for each test
    QString m_file;
    std::unique_ptr<Connection> m_connection;
};

namespace {

Comment newComment(const QString& content, qint64 postId, qint64 authorId)
{
    Comment comment;
    comment.content = content;
    comment.postId = postId;
    comment.authorId = authorId;
    return comment;
}

QString comments(const QString& file)
{
    return TestFiles::querySql(file, QStringLiteral("SELECT group_concat(id || ':' || content || ':' || post_id || ':' "
                                                    "|| author_id, '|') FROM (SELECT * FROM comments ORDER BY id)"));
}

} // namespace

void TestCommentRepository::initTestCase()
{
    m_template = m_dir.filePath(QStringLiteral("template.db"));
    QVERIFY(DemoDatabase::create(m_template, true));
}

void TestCommentRepository::init()
{
    m_file = m_dir.filePath(QStringLiteral("%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_file);
    QVERIFY(QFile::copy(m_template, m_file));
    auto connection = Connection::open(m_file);
    QVERIFY(connection);
    m_connection = std::move(*connection);
}

void TestCommentRepository::cleanup()
{
    m_connection.reset();
}

void TestCommentRepository::createStoresTheCommentAndReturnsItsId()
{
    CommentRepository repository(m_connection->database());
    const Result<qint64> id = repository.create(newComment(QStringLiteral("Nice."), 4, 1));
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    QCOMPARE(*id, 5);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT content || '|' || post_id || '|' || author_id FROM "
                                                        "comments WHERE id = 5")),
             QStringLiteral("Nice.|4|1"));
}

void TestCommentRepository::createRefusesEmptyContent_data()
{
    QTest::addColumn<QString>("content");
    QTest::newRow("empty") << QString();
    QTest::newRow("white space") << QStringLiteral("\t \n");
}

void TestCommentRepository::createRefusesEmptyContent()
{
    QFETCH(QString, content);
    const QString before = comments(m_file);
    CommentRepository repository(m_connection->database());
    const Result<qint64> id = repository.create(newComment(content, 1, 1));
    QVERIFY(!id);
    QCOMPARE(id.error().kind, Error::Kind::Validation);
    QVERIFY2(id.error().message.startsWith(QStringLiteral("Content ")), qPrintable(id.error().message));
    QCOMPARE(comments(m_file), before);
}

void TestCommentRepository::createNamesTheMissingPostOrAuthor_data()
{
    QTest::addColumn<qint64>("postId");
    QTest::addColumn<qint64>("authorId");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing post") << qint64(99) << qint64(1)
                                  << QStringLiteral("The new comment's post 99 does not exist.");
    QTest::newRow("missing author") << qint64(1) << qint64(98)
                                    << QStringLiteral("The new comment's author 98 does not exist.");
}

void TestCommentRepository::createNamesTheMissingPostOrAuthor()
{
    QFETCH(qint64, postId);
    QFETCH(qint64, authorId);
    QFETCH(QString, message);
    CommentRepository repository(m_connection->database());
    const Result<qint64> id = repository.create(newComment(QStringLiteral("Hello"), postId, authorId));
    QVERIFY(!id);
    QCOMPARE(id.error().message, message);
    QCOMPARE(id.error().sqliteCode, sqlite_code::ConstraintForeignKey);
}

void TestCommentRepository::updateAndReadBack()
{
    CommentRepository repository(m_connection->database());
    auto comment = repository.byId(2);
    QVERIFY(comment && comment->has_value());
    QCOMPARE((*comment)->content, QStringLiteral("Very informative."));
    Comment changed = **comment;
    changed.content = QStringLiteral("Very, very informative.");
    changed.postId = 4;
    QVERIFY(repository.update(changed));
    const auto reread = repository.byId(2);
    QVERIFY(reread && reread->has_value());
    QCOMPARE((*reread)->content, changed.content);
    QCOMPARE((*reread)->postId, 4);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT content || '|' || post_id FROM comments WHERE id = 2")),
             QStringLiteral("Very, very informative.|4"));
}

void TestCommentRepository::updateOfAMissingCommentFails()
{
    CommentRepository repository(m_connection->database());
    Comment ghost = newComment(QStringLiteral("Boo"), 1, 1);
    ghost.id = 50;
    const Status saved = repository.update(ghost);
    QVERIFY(!saved);
    QCOMPARE(saved.error().kind, Error::Kind::NotFound);
    QCOMPARE(saved.error().message, QStringLiteral("Cannot save comment 50: it no longer exists."));
}

void TestCommentRepository::removeDeletesOnlyThatComment()
{
    CommentRepository repository(m_connection->database());
    const Result<bool> removed = repository.remove(3);
    QVERIFY(removed);
    QVERIFY(*removed);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT group_concat(id) FROM comments")),
             QStringLiteral("1,2,4"));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM posts")), QStringLiteral("4"));
    const auto gone = repository.byId(3);
    QVERIFY(gone);
    QVERIFY(!gone->has_value());
}

QTEST_GUILESS_MAIN(TestCommentRepository)
#include "tst_commentrepository.moc"
