#include "StatsFixtures.h"
#include "TestFiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::StatsFixtures;
using quarry::test::TestFiles;

namespace {

QJsonObject parseObject(const QString& text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString() << text.left(400);
    return document.object();
}

QStringList split(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestStatsCommand : public QObject {
    Q_OBJECT

private slots:
    void init();
    void activityJsonCountsPostsAndCommentsApart();
    void jsonHasEveryPanelWithTheDocumentedKeys();
    void jsonRowsFollowThePanelOrder();
    void csvIsOneRfc4180Table();
    void tableIsAlignedWithAHeader();
    void daysAndThisMonthChooseTheActivePeriod();
    void opensTheFileReadOnly();
    void refusesBadUsage_data();
    void refusesBadUsage();
    void failsOnFilesItCannotRead();
    void helpNamesThePanels();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestStatsCommand::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("%1.db").arg(QLatin1String(QTest::currentTestFunction())));
    QFile::remove(m_path);
    QVERIFY(DemoDatabase::create(m_path, true));
}

void TestStatsCommand::activityJsonCountsPostsAndCommentsApart()
{
    // The issue's own check: alice 2/1/3, bob 1/2/3, charlie 1/1/2.
    const auto run =
        TestFiles::runQuarry({QStringLiteral("stats"), m_path, QStringLiteral("--panel"), QStringLiteral("activity"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = parseObject(run.out);
    QCOMPARE(object.keys(), QStringList{QStringLiteral("activity")});
    const auto row = [](const char* user, int posts, int comments, int total) {
        return QJsonObject{{QStringLiteral("username"), QString::fromUtf8(user)},
                           {QStringLiteral("posts"), posts},
                           {QStringLiteral("comments"), comments},
                           {QStringLiteral("total"), total}};
    };
    QCOMPARE(object.value(QStringLiteral("activity")).toArray(),
             (QJsonArray{row("alice", 2, 1, 3), row("bob", 1, 2, 3), row("charlie", 1, 1, 2)}));
}

void TestStatsCommand::jsonHasEveryPanelWithTheDocumentedKeys()
{
    const auto run =
        TestFiles::runQuarry({QStringLiteral("stats"), m_path, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = parseObject(run.out);
    const QStringList panels = object.keys();
    QCOMPARE(
        QSet<QString>(panels.cbegin(), panels.cend()),
        (QSet<QString>{QStringLiteral("post-counts"), QStringLiteral("comment-counts"), QStringLiteral("activity"),
                       QStringLiteral("post-numbering"), QStringLiteral("active-users"), QStringLiteral("totals")}));
    const QHash<QString, QStringList> keys{
        {QStringLiteral("post-counts"), split("post_count username")},
        {QStringLiteral("comment-counts"), split("author comment_count title")},
        {QStringLiteral("activity"), split("comments posts total username")},
        {QStringLiteral("post-numbering"), split("author created_at post_number title")},
        {QStringLiteral("active-users"), split("email username")},
    };
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        const QJsonArray rows = object.value(it.key()).toArray();
        QVERIFY2(!rows.isEmpty(), qPrintable(it.key()));
        for (const QJsonValue& row : rows)
            QCOMPARE(row.toObject().keys(), it.value()); // QJsonObject lists keys sorted
    }
    // totals is one object, not an array, with exactly the documented keys (the average posts per user is the
    // GUI's, worked out from these).
    QVERIFY(object.value(QStringLiteral("totals")).isObject());
    QCOMPARE(
        object.value(QStringLiteral("totals")).toObject(),
        (QJsonObject{{QStringLiteral("users"), 3}, {QStringLiteral("posts"), 4}, {QStringLiteral("comments"), 4}}));
    QVERIFY(run.out.contains(QStringLiteral("\"totals\": {\"users\": 3, \"posts\": 4, \"comments\": 4}")));
    // Keys come in column order, as a person reads them.
    QVERIFY(run.out.contains(QStringLiteral("{\"username\": \"alice\", \"post_count\": 2}")));
}

void TestStatsCommand::jsonRowsFollowThePanelOrder()
{
    QFile::remove(m_path);
    QVERIFY(StatsFixtures::createHard(m_path));
    const auto run =
        TestFiles::runQuarry({QStringLiteral("stats"), m_path, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = parseObject(run.out);
    QStringList users;
    for (const QJsonValue& row : object.value(QStringLiteral("post-counts")).toArray())
        users << QStringLiteral("%1=%2")
                     .arg(row[QStringLiteral("username")].toString())
                     .arg(row[QStringLiteral("post_count")].toInt());
    QCOMPARE(users, (QStringList{QStringLiteral("eve=3"), QStringLiteral("(unknown author)=2"), QStringLiteral("ann=2"),
                                 QStringLiteral("ben=1"), QStringLiteral("cat=0"), QStringLiteral("dan=0")}));
    QStringList numbering;
    for (const QJsonValue& row : object.value(QStringLiteral("post-numbering")).toArray())
        numbering << QStringLiteral("%1:%2")
                         .arg(row[QStringLiteral("title")].toString())
                         .arg(row[QStringLiteral("post_number")].toInt());
    QCOMPARE(numbering, split("Orphan:1 Eta:2 Alpha:1 Beta:2 Zeta:1 Delta:1 Gamma:2 Eps:3"));
    QCOMPARE(
        object.value(QStringLiteral("totals")).toObject(),
        (QJsonObject{{QStringLiteral("users"), 5}, {QStringLiteral("posts"), 8}, {QStringLiteral("comments"), 8}}));
}

void TestStatsCommand::csvIsOneRfc4180Table()
{
    const auto run =
        TestFiles::runQuarry({QStringLiteral("stats"), m_path, QStringLiteral("--panel"),
                              QStringLiteral("comment-counts"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("title,author,comment_count\r\n"
                                     "Python Programming,alice,2\r\n"
                                     "Data Science,alice,1\r\n"
                                     "Web Development,bob,1\r\n"
                                     "Machine Learning,charlie,0\r\n"));
}

void TestStatsCommand::tableIsAlignedWithAHeader()
{
    const auto run =
        TestFiles::runQuarry({QStringLiteral("stats"), m_path, QStringLiteral("--panel"), QStringLiteral("activity")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("activity: Activity\n"
                                     "username  posts  comments  total\n"
                                     "--------  -----  --------  -----\n"
                                     "alice         2         1      3\n"
                                     "bob           1         2      3\n"
                                     "charlie       1         1      2\n"));
    // Every panel, one after the other.
    const auto all = TestFiles::runQuarry({QStringLiteral("stats"), m_path});
    QCOMPARE(all.exitCode, 0);
    for (const QString& name : split("post-counts comment-counts activity post-numbering active-users totals"))
        QVERIFY2(all.out.contains(name + QStringLiteral(": ")), qPrintable(name));
}

void TestStatsCommand::daysAndThisMonthChooseTheActivePeriod()
{
    QFile::remove(m_path);
    QVERIFY(StatsFixtures::createRecent(m_path));
    const auto users = [this](const QStringList& extra) {
        const auto run = TestFiles::runQuarry(QStringList{QStringLiteral("stats"), m_path, QStringLiteral("--panel"),
                                                          QStringLiteral("active-users"), QStringLiteral("--format"),
                                                          QStringLiteral("json")} +
                                              extra);
        QStringList names;
        for (const QJsonValue& row : parseObject(run.out).value(QStringLiteral("active-users")).toArray())
            names << row[QStringLiteral("username")].toString();
        return names;
    };
    QCOMPARE(users({}), (QStringList{QStringLiteral("(unknown author)"), QStringLiteral("amy"), QStringLiteral("bo"),
                                     QStringLiteral("eli"), QStringLiteral("fay")}));
    QCOMPARE(users({QStringLiteral("--days"), QStringLiteral("7")}),
             (QStringList{QStringLiteral("(unknown author)"), QStringLiteral("amy"), QStringLiteral("eli")}));

    QFile::remove(m_path);
    QVERIFY(StatsFixtures::createMonthBoundary(m_path));
    QCOMPARE(users({QStringLiteral("--this-month")}), (QStringList{QStringLiteral("gil"), QStringLiteral("ida")}));
}

void TestStatsCommand::opensTheFileReadOnly()
{
    const QByteArray before = TestFiles::read(m_path);
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ReadUser));
    const auto run =
        TestFiles::runQuarry({QStringLiteral("stats"), m_path, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(TestFiles::read(m_path), before);
    QVERIFY(!QFileInfo::exists(m_path + QStringLiteral("-journal")));
    QVERIFY(!QFileInfo::exists(m_path + QStringLiteral("-wal")));
}

void TestStatsCommand::refusesBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown panel") << QStringList{QStringLiteral("--panel"), QStringLiteral("nope")}
                                   << QStringLiteral("unknown panel");
    QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                                    << QStringLiteral("unknown format");
    QTest::newRow("csv of every panel") << QStringList{QStringLiteral("--format"), QStringLiteral("csv")}
                                        << QStringLiteral("--panel");
    QTest::newRow("zero days") << QStringList{QStringLiteral("--days"), QStringLiteral("0")}
                               << QStringLiteral("--days");
    QTest::newRow("days not a number") << QStringList{QStringLiteral("--days"), QStringLiteral("week")}
                                       << QStringLiteral("whole number");
    QTest::newRow("days and month") << QStringList{QStringLiteral("--days"), QStringLiteral("3"),
                                                   QStringLiteral("--this-month")}
                                    << QStringLiteral("either");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--fast")} << QStringLiteral("fast");
}

void TestStatsCommand::refusesBadUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const auto run = TestFiles::runQuarry(QStringList{QStringLiteral("stats"), m_path} + arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
}

void TestStatsCommand::failsOnFilesItCannotRead()
{
    const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
    const auto run = TestFiles::runQuarry({QStringLiteral("stats"), missing});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("no such file")));
    QVERIFY(!QFileInfo::exists(missing)); // never created

    const QString unrelated = m_dir.filePath(QStringLiteral("unrelated.db"));
    QFile::remove(unrelated);
    QVERIFY(TestFiles::execSql(unrelated, QStringLiteral("CREATE TABLE t (x)")));
    const auto sql = TestFiles::runQuarry(
        {QStringLiteral("stats"), unrelated, QStringLiteral("--panel"), QStringLiteral("activity")});
    QCOMPARE(sql.exitCode, 1);
    QVERIFY2(sql.err.contains(QStringLiteral("no such table")), qPrintable(sql.err));
}

void TestStatsCommand::helpNamesThePanels()
{
    const auto run = TestFiles::runQuarry({QStringLiteral("stats"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("Usage: quarry stats FILE")));
    QVERIFY(run.out.contains(QStringLiteral("post-numbering")));
    const auto top = TestFiles::runQuarry({QStringLiteral("--help")});
    QVERIFY2(top.out.contains(QStringLiteral("quarry stats FILE")), qPrintable(top.out));
}

QTEST_GUILESS_MAIN(TestStatsCommand)
#include "tst_statscommand.moc"
