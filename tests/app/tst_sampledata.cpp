#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "blog/SampleData.h"
#include "database/Connection.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::TestFiles;

class TestSampleData : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void demoDatabaseHoldsTheLessonSampleExactly();
    void loadingTwiceAddsNothing();
    void demoDatabaseIsCreatedOnceInTheDataFolder();
    void failedCreationLeavesNoFile();

private:
    QTemporaryDir m_dir;
};

void TestSampleData::demoDatabaseHoldsTheLessonSampleExactly()
{
    const QString file = m_dir.filePath(QStringLiteral("demo.db"));
    QVERIFY(DemoDatabase::create(file, true));
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT id, username, email FROM users ORDER BY id")),
             QStringList({QStringLiteral("integer:1|text:alice|text:alice@example.com"),
                          QStringLiteral("integer:2|text:bob|text:bob@example.com"),
                          QStringLiteral("integer:3|text:charlie|text:charlie@example.com")}));
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT id, title, content, author_id FROM posts ORDER BY id")),
             QStringList({QStringLiteral("integer:1|text:Python Programming|text:Python is a great programming "
                                         "language.|integer:1"),
                          QStringLiteral("integer:2|text:Web Development|text:Building web applications with "
                                         "Python.|integer:2"),
                          QStringLiteral("integer:3|text:Data Science|text:Using Python for data analysis.|integer:1"),
                          QStringLiteral("integer:4|text:Machine Learning|text:Introduction to ML with "
                                         "Python.|integer:3")}));
    QCOMPARE(
        TestFiles::dumpRows(file, QStringLiteral("SELECT id, content, post_id, author_id FROM comments ORDER BY id")),
        QStringList({QStringLiteral("integer:1|text:Great post!|integer:1|integer:2"),
                     QStringLiteral("integer:2|text:Very informative.|integer:1|integer:3"),
                     QStringLiteral("integer:3|text:Thanks for sharing.|integer:2|integer:1"),
                     QStringLiteral("integer:4|text:Looking forward to more.|integer:3|integer:2")}));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT count(*) FROM users WHERE created_at IS NULL")),
             QStringLiteral("0"));
}

void TestSampleData::loadingTwiceAddsNothing()
{
    const QString file = m_dir.filePath(QStringLiteral("twice.db"));
    QVERIFY(DemoDatabase::create(file, true));
    const QString counts = QStringLiteral("SELECT (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM posts) "
                                          "|| '/' || (SELECT count(*) FROM comments)");
    QCOMPARE(TestFiles::querySql(file, counts), QStringLiteral("3/4/4"));
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        QVERIFY(SampleData::loadLessonSample((*connection)->database()));
        QVERIFY(SampleData::loadLessonSample((*connection)->database()));
    }
    QCOMPARE(TestFiles::querySql(file, counts), QStringLiteral("3/4/4"));
}

void TestSampleData::demoDatabaseIsCreatedOnceInTheDataFolder()
{
    const QString path = DemoDatabase::defaultPath();
    QVERIFY2(path.contains(QStringLiteral(".qttest")), qPrintable(path)); // test mode keeps us out of real folders
    QFile::remove(path);
    auto first = DemoDatabase::ensure(path);
    QVERIFY(first);
    QCOMPARE(*first, path);
    QVERIFY(TestFiles::execSql(path, QStringLiteral("UPDATE users SET email = 'kept@example.com' WHERE id = 1")));
    auto second = DemoDatabase::ensure(path);
    QVERIFY(second);
    QCOMPARE(TestFiles::querySql(path, QStringLiteral("SELECT email FROM users WHERE id = 1")),
             QStringLiteral("kept@example.com"));
    QFile::remove(path);
}

void TestSampleData::failedCreationLeavesNoFile()
{
    const QString file = m_dir.filePath(QStringLiteral("no-such-folder/demo.db"));
    QVERIFY(!DemoDatabase::create(file, true));
    QVERIFY(!QFile::exists(file));
}

QTEST_GUILESS_MAIN(TestSampleData)
#include "tst_sampledata.moc"
