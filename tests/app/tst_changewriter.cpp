#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "database/Connection.h"
#include "write/ChangeWriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::TestFiles;

class TestChangeWriter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void insertReturnsTheNewRowid();
    void insertWithAKeyUsesIt();
    void insertWithNoValuesUsesDefaults();
    void updateAndDeleteReportRowsChanged();
    void refusesChangesThatNameNoRow_data();
    void refusesChangesThatNameNoRow();
    void blogRulesNormaliseAndValidate();
    void valuesAreBoundNeverPasted();
    void namesWithDotsQuotesAndPercentSignsWork();

private:
    QTemporaryDir m_dir;
    QString m_template; // the demo database, made once and copied for each test
    QString m_file;
    std::unique_ptr<Connection> m_connection;
};

void TestChangeWriter::initTestCase()
{
    m_template = m_dir.filePath(QStringLiteral("template.db"));
    QVERIFY(DemoDatabase::create(m_template, true));
    QVERIFY(TestFiles::execSql(m_template, QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT "
                                                          "DEFAULT 'blank', n INTEGER DEFAULT 7)")));
}

void TestChangeWriter::init()
{
    m_file = m_dir.filePath(QStringLiteral("%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_file);
    QVERIFY(QFile::copy(m_template, m_file));
    auto connection = Connection::open(m_file);
    QVERIFY(connection);
    m_connection = std::move(*connection);
}

void TestChangeWriter::cleanup()
{
    m_connection.reset();
}

void TestChangeWriter::insertReturnsTheNewRowid()
{
    const ChangeWriter writer(m_connection->database(), RuleSet::None);
    const auto first =
        writer.write(Change::insert(QStringLiteral("notes"), {{QStringLiteral("body"), QStringLiteral("a")}}));
    const auto second =
        writer.write(Change::insert(QStringLiteral("notes"), {{QStringLiteral("body"), QStringLiteral("b")}}));
    QVERIFY(first && second);
    QCOMPARE(*second, *first + 1);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT body FROM notes WHERE id = %1").arg(*second)),
             QStringLiteral("b"));
}

void TestChangeWriter::insertWithAKeyUsesIt()
{
    const ChangeWriter writer(m_connection->database(), RuleSet::None);
    const auto id = writer.write(Change::insert(
        QStringLiteral("notes"), {{QStringLiteral("body"), QStringLiteral("k")}}, {{QStringLiteral("id"), 40}}));
    QVERIFY(id);
    QCOMPARE(*id, 40);
    const auto byRowid = writer.write(Change::insert(QStringLiteral("notes"), {}, {{QStringLiteral("rowid"), 41}}));
    QVERIFY(byRowid);
    QCOMPARE(*byRowid, 41);
}

void TestChangeWriter::insertWithNoValuesUsesDefaults()
{
    const ChangeWriter writer(m_connection->database(), RuleSet::None);
    const auto id = writer.write(Change::insert(QStringLiteral("notes"), {}));
    QVERIFY(id);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT body || n FROM notes WHERE id = %1").arg(*id)),
             QStringLiteral("blank7"));
}

void TestChangeWriter::updateAndDeleteReportRowsChanged()
{
    const ChangeWriter writer(m_connection->database(), RuleSet::Blog);
    const auto updated = writer.write(Change::update(QStringLiteral("posts"), {{QStringLiteral("author_id"), 1}},
                                                     {{QStringLiteral("content"), QStringLiteral("Edited.")}}));
    QVERIFY(updated);
    QCOMPARE(*updated, 2); // alice's two posts
    const auto deleted = writer.write(Change::remove(QStringLiteral("comments"), {{QStringLiteral("post_id"), 1}}));
    QVERIFY(deleted);
    QCOMPARE(*deleted, 2);
    const auto none = writer.write(Change::remove(QStringLiteral("comments"), {{QStringLiteral("post_id"), 1}}));
    QVERIFY(none);
    QCOMPARE(*none, 0);
}

void TestChangeWriter::refusesChangesThatNameNoRow_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QVariantMap>("key");
    QTest::addColumn<QVariantMap>("values");

    QTest::newRow("delete without a key (would empty the table)")
        << int(Change::Kind::Delete) << QStringLiteral("posts") << QVariantMap() << QVariantMap();
    QTest::newRow("update without a key") << int(Change::Kind::Update) << QStringLiteral("posts") << QVariantMap()
                                          << QVariantMap{{QStringLiteral("title"), QStringLiteral("x")}};
    QTest::newRow("update without values") << int(Change::Kind::Update) << QStringLiteral("posts")
                                           << QVariantMap{{QStringLiteral("id"), 1}} << QVariantMap();
    QTest::newRow("no table") << int(Change::Kind::Insert) << QString() << QVariantMap()
                              << QVariantMap{{QStringLiteral("title"), QStringLiteral("x")}};
}

void TestChangeWriter::refusesChangesThatNameNoRow()
{
    QFETCH(int, kind);
    QFETCH(QString, table);
    QFETCH(QVariantMap, key);
    QFETCH(QVariantMap, values);
    const QString before =
        TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) || group_concat(title) FROM posts"));
    const ChangeWriter writer(m_connection->database(), RuleSet::None);
    ChangeFailure failure;
    const auto written = writer.write(Change{Change::Kind(kind), table, key, values}, &failure);
    QVERIFY(!written);
    QCOMPARE(written.error().kind, Error::Kind::Usage);
    QCOMPARE(failure.error.message, written.error().message);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) || group_concat(title) FROM posts")), before);
}

void TestChangeWriter::blogRulesNormaliseAndValidate()
{
    const ChangeWriter blog(m_connection->database(), RuleSet::Blog);
    const Change change =
        Change::insert(QStringLiteral("users"), {{QStringLiteral("username"), QStringLiteral(" Zoe ")},
                                                 {QStringLiteral("email"), QStringLiteral("Zoe@X.org")}});
    QCOMPARE(blog.prepared(change).values.value(QStringLiteral("username")).toString(), QStringLiteral("zoe"));
    QVERIFY(!blog.check(change));
    QVERIFY(blog.write(change));
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT email FROM users WHERE username = 'zoe'")),
             QStringLiteral("zoe@x.org"));

    const Change bad = Change::update(QStringLiteral("users"), {{QStringLiteral("id"), 1}},
                                      {{QStringLiteral("email"), QStringLiteral("not an address")}});
    const auto refused = blog.check(bad);
    QVERIFY(refused);
    QCOMPARE(refused->column, QStringLiteral("email"));
    QCOMPARE(refused->error.kind, Error::Kind::Validation);
    // Deletes carry no values to judge.
    QVERIFY(!blog.check(Change::remove(QStringLiteral("users"), {{QStringLiteral("id"), 1}})));
}

void TestChangeWriter::valuesAreBoundNeverPasted()
{
    const ChangeWriter writer(m_connection->database(), RuleSet::None);
    const QString hostile = QStringLiteral("x'); DROP TABLE posts; --");
    const auto id = writer.write(Change::insert(QStringLiteral("notes"), {{QStringLiteral("body"), hostile}}));
    QVERIFY(id);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT body FROM notes WHERE id = %1").arg(*id)), hostile);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT count(*) FROM posts")), QStringLiteral("4"));
}

void TestChangeWriter::namesWithDotsQuotesAndPercentSignsWork()
{
    QVERIFY(TestFiles::execSql(m_file, QStringLiteral("CREATE TABLE \"a.b \"\"c\"\" %1\" (\"%2\" INTEGER PRIMARY KEY, "
                                                      "\"x.y\" TEXT, \"\u00fcber\" TEXT)")));
    const QString table = QStringLiteral("a.b \"c\" %1");
    const ChangeWriter writer(m_connection->database(), RuleSet::None);
    const auto id = writer.write(Change::insert(
        table, {{QStringLiteral("x.y"), QStringLiteral("v")}, {QStringLiteral("\u00fcber"), QStringLiteral("w")}}));
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    const auto updated = writer.write(
        Change::update(table, {{QStringLiteral("%2"), *id}}, {{QStringLiteral("x.y"), QStringLiteral("changed")}}));
    QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().message));
    QCOMPARE(*updated, 1);
    QCOMPARE(TestFiles::querySql(m_file, QStringLiteral("SELECT \"x.y\" || \"\u00fcber\" FROM \"a.b \"\"c\"\" %1\"")),
             QStringLiteral("changedw"));
}

QTEST_GUILESS_MAIN(TestChangeWriter)
#include "tst_changewriter.moc"
