#include "StatsFixtures.h"
#include "database/Connection.h"
#include "stats/StatsExecutor.h"
#include "stats/StatsQueries.h"
#include "stats/StatsSummary.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::StatsFixtures;

class TestStatsSummary : public QObject {
    Q_OBJECT

private slots:
    void postsPerUserFollowsFromTheTotals_data();
    void postsPerUserFollowsFromTheTotals();
    void otherPanelsHaveNoSummary();
};

void TestStatsSummary::postsPerUserFollowsFromTheTotals_data()
{
    QTest::addColumn<int>("fixture");
    QTest::addColumn<double>("average");
    QTest::addColumn<QString>("text");
    // Lesson: 4 posts by 3 users; hard: 8 posts, 5 users; lesson+null: 7 posts, 4 users; empty: no users.
    QTest::newRow("lesson") << 0 << 1.33 << QStringLiteral("Posts per user on average: 1.33");
    QTest::newRow("hard") << 1 << 1.6 << QStringLiteral("Posts per user on average: 1.6");
    QTest::newRow("lesson+null") << 2 << 1.75 << QStringLiteral("Posts per user on average: 1.75");
    QTest::newRow("empty") << 3 << 0.0 << QStringLiteral("Posts per user on average: 0.0");
}

void TestStatsSummary::postsPerUserFollowsFromTheTotals()
{
    QFETCH(int, fixture);
    QFETCH(double, average);
    QFETCH(QString, text);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("totals.db"));
    const bool built = fixture == 0   ? bool(DemoDatabase::create(path, true))
                       : fixture == 1 ? StatsFixtures::createHard(path)
                       : fixture == 2 ? StatsFixtures::createLessonWithNullAuthors(path)
                                      : bool(DemoDatabase::create(path, false));
    QVERIFY(built);
    auto connection = Connection::open(path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    auto result = StatsExecutor(**connection).run(*StatsQueries::find(QStringLiteral("totals")), {});
    QVERIFY(result);
    // The exported columns are the documented three; the average is worked out from them.
    QCOMPARE(result->columns,
             (QStringList{QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments")}));
    QCOMPARE(StatsSummary::postsPerUser(*result), std::optional<double>(average));
    QCOMPARE(StatsSummary::text(*result), text);
}

void TestStatsSummary::otherPanelsHaveNoSummary()
{
    StatsResult result;
    result.panel = QStringLiteral("post-counts");
    result.columns = QStringList{QStringLiteral("username"), QStringLiteral("post_count")};
    result.rows = {{QStringLiteral("alice"), 2}};
    result.totalRows = 1;
    QCOMPARE(StatsSummary::postsPerUser(result), std::nullopt);
    QCOMPARE(StatsSummary::text(result), QString());
}

QTEST_GUILESS_MAIN(TestStatsSummary)
#include "tst_statssummary.moc"
