#include "StatsFixtures.h"
#include "TestFiles.h"
#include "stats/StatsQueries.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::StatsFixtures;
using quarry::test::TestFiles;

namespace {

// The plan's detail lines ("SEARCH p USING COVERING INDEX ix_posts_author_id (author_id=?)"), in plan order.
QStringList planDetails(const QString& path, const StatsPanel& panel)
{
    QStringList details;
    const QString sql = QStringLiteral("EXPLAIN QUERY PLAN ") + StatsQueries::sqlWithValues(panel, {});
    for (const QString& row : TestFiles::dumpRows(path, sql)) {
        if (row.startsWith(QStringLiteral("error: ")))
            return {row};
        // id|parent|notused|detail: the detail is the last cell, "text:...".
        details << row.section(QStringLiteral("|text:"), -1);
    }
    return details;
}

// A whole-table read of posts or comments (by alias or name) that goes through no index at all.
bool isFullTableScan(const QString& detail, const QStringList& tables)
{
    for (const QString& table : tables) {
        if (detail == QStringLiteral("SCAN ") + table)
            return true;
    }
    return false;
}

} // namespace

// Every panel's SQL says, in its comments, which of the schema's indexes it relies on. These tests hold the SQL to
// that: EXPLAIN QUERY PLAN on the latest blog schema must show each claimed index, and no read of a whole posts
// or comments table where the panel claims an index search.
class TestStatsQueryPlans : public QObject {
    Q_OBJECT

private slots:
    void init();
    void schemaHasTheIndexesThePanelsName();
    void panelsUseTheIndexesTheyClaim_data();
    void panelsUseTheIndexesTheyClaim();
    void everyPanelIsCovered();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestStatsQueryPlans::init()
{
    QVERIFY(m_dir.isValid());
    m_path = TestFiles::currentTestPath(m_dir);
}

void TestStatsQueryPlans::schemaHasTheIndexesThePanelsName()
{
    QVERIFY(DemoDatabase::create(m_path, false));
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("PRAGMA user_version")), QStringLiteral("3"));
    const QStringList indexes = TestFiles::dumpRows(
        m_path, QStringLiteral("SELECT name || ' ON ' || tbl_name FROM sqlite_master WHERE type = 'index' AND name "
                               "IN ('ix_posts_author_id', 'ix_comments_post_id', 'ix_comments_author_id', "
                               "'ix_posts_created_at') ORDER BY name"));
    QCOMPARE(indexes, (QStringList{QStringLiteral("text:ix_comments_author_id ON comments"),
                                   QStringLiteral("text:ix_comments_post_id ON comments"),
                                   QStringLiteral("text:ix_posts_author_id ON posts"),
                                   QStringLiteral("text:ix_posts_created_at ON posts")}));
}

void TestStatsQueryPlans::panelsUseTheIndexesTheyClaim_data()
{
    QTest::addColumn<bool>("withRows");
    QTest::addColumn<QString>("panel");
    QTest::addColumn<QStringList>("expected");  // plan lines that must be there, exactly
    QTest::addColumn<QStringList>("unscanned"); // tables (or aliases) that must not be read whole
    const QString postsByAuthor = QStringLiteral("SEARCH p USING COVERING INDEX ix_posts_author_id (author_id=?)");
    const QString commentsByAuthor =
        QStringLiteral("SEARCH c USING COVERING INDEX ix_comments_author_id (author_id=?)");
    const QString userById = QStringLiteral("SEARCH u USING INTEGER PRIMARY KEY (rowid=?)");
    const QStringList postsAndComments{QStringLiteral("p"), QStringLiteral("c"), QStringLiteral("posts"),
                                       QStringLiteral("comments")};

    for (const bool withRows : {false, true}) {
        const char* tag = withRows ? "lesson" : "empty";
        // Users read in rowid order, each one's posts counted on ix_posts_author_id; the unknown-author row groups
        // posts on the same index (a covering index scan: the posts table itself is never read).
        QTest::newRow(qPrintable(QStringLiteral("%1 post-counts").arg(QLatin1String(tag))))
            << withRows << QStringLiteral("post-counts")
            << QStringList{QStringLiteral("SCAN u"), postsByAuthor,
                           QStringLiteral("SCAN p USING COVERING INDEX ix_posts_author_id"), userById}
            << postsAndComments;
        // Posts are read whole in rowid order (every post is a row); their comments are counted on
        // ix_comments_post_id and the author found by primary key.
        QTest::newRow(qPrintable(QStringLiteral("%1 comment-counts").arg(QLatin1String(tag))))
            << withRows << QStringLiteral("comment-counts")
            << QStringList{QStringLiteral("SCAN p"), userById + QStringLiteral(" LEFT-JOIN"),
                           QStringLiteral("SEARCH c USING COVERING INDEX ix_comments_post_id (post_id=?)")}
            << QStringList{QStringLiteral("c"), QStringLiteral("comments")};
        QTest::newRow(qPrintable(QStringLiteral("%1 activity").arg(QLatin1String(tag))))
            << withRows << QStringLiteral("activity")
            << QStringList{QStringLiteral("SCAN u"),
                           postsByAuthor,
                           commentsByAuthor,
                           QStringLiteral("SCAN p USING COVERING INDEX ix_posts_author_id"),
                           QStringLiteral("SCAN c USING COVERING INDEX ix_comments_author_id"),
                           userById}
            << postsAndComments;
        // Every post is numbered, so posts are read whole, in rowid order; each author is one primary-key lookup,
        // never a scan of users.
        QTest::newRow(qPrintable(QStringLiteral("%1 post-numbering").arg(QLatin1String(tag))))
            << withRows << QStringLiteral("post-numbering")
            << QStringList{QStringLiteral("SCAN p"), userById + QStringLiteral(" LEFT-JOIN")}
            << QStringList{QStringLiteral("u"), QStringLiteral("users"), QStringLiteral("c"),
                           QStringLiteral("comments")};
        // A range on ix_posts_created_at, for the users and for the unknown-author row alike.
        QTest::newRow(qPrintable(QStringLiteral("%1 active-users").arg(QLatin1String(tag))))
            << withRows << QStringLiteral("active-users")
            << QStringList{QStringLiteral("SEARCH p USING INDEX ix_posts_created_at (created_at>?)"), userById}
            << postsAndComments;
        // count(*) reads an index of each table, never the table.
        QTest::newRow(qPrintable(QStringLiteral("%1 totals").arg(QLatin1String(tag))))
            << withRows << QStringLiteral("totals") << QStringList{}
            << QStringList{QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments")};
    }
}

void TestStatsQueryPlans::panelsUseTheIndexesTheyClaim()
{
    QFETCH(bool, withRows);
    QFETCH(QString, panel);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, unscanned);
    QVERIFY(DemoDatabase::create(m_path, withRows));
    const StatsPanel* statsPanel = StatsQueries::find(panel);
    QVERIFY(statsPanel);
    const QStringList details = planDetails(m_path, *statsPanel);
    QVERIFY2(!details.isEmpty() && !details.first().startsWith(QStringLiteral("error: ")),
             qPrintable(details.join(QLatin1Char('\n'))));
    const QString plan = details.join(QLatin1Char('\n'));
    for (const QString& line : expected)
        QVERIFY2(details.contains(line), qPrintable(QStringLiteral("missing \u201c%1\u201d in\n%2").arg(line, plan)));
    for (const QString& detail : details)
        QVERIFY2(!isFullTableScan(detail, unscanned), qPrintable(QStringLiteral("full scan in\n%1").arg(plan)));
    if (panel == QStringLiteral("active-users")) {
        // Both halves of the union search the index: the users' and the unknown author's.
        QCOMPARE(details.count(QStringLiteral("SEARCH p USING INDEX ix_posts_created_at (created_at>?)")), 2);
    }
    if (panel == QStringLiteral("post-numbering")) {
        // The window's sort is the output order, so the final ORDER BY is dropped: 10 million posts are sorted once,
        // not twice.
        QCOMPARE(details.count(QStringLiteral("USE TEMP B-TREE FOR ORDER BY")), 1);
    }
    if (panel == QStringLiteral("totals")) {
        static const QRegularExpression indexScan(
            QStringLiteral("^SCAN (users|posts|comments) USING COVERING INDEX \\w+$"));
        QCOMPARE(details.filter(indexScan).size(), 3);
    }
}

void TestStatsQueryPlans::everyPanelIsCovered()
{
    // A new panel must come with its plan expectations above.
    QCOMPARE(StatsQueries::names(),
             (QStringList{QStringLiteral("post-counts"), QStringLiteral("comment-counts"), QStringLiteral("activity"),
                          QStringLiteral("post-numbering"), QStringLiteral("active-users"), QStringLiteral("totals")}));
}

QTEST_GUILESS_MAIN(TestStatsQueryPlans)
#include "tst_statsqueryplans.moc"
