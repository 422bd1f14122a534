#include "StatsFixtures.h"
#include "TestFiles.h"
#include "database/Connection.h"
#include "database/SorterThreads.h"
#include "stats/StatsConnectionSettings.h"
#include "stats/StatsExecutor.h"
#include "stats/StatsFormat.h"
#include "stats/StatsQueries.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::StatsFixtures;
using quarry::test::TestFiles;

namespace {

enum class Fixture { LessonSample, Hard, LessonWithNullAuthors, Recent, MonthBoundary };

bool build(Fixture fixture, const QString& path)
{
    switch (fixture) {
    case Fixture::LessonSample:
        return bool(DemoDatabase::create(path, true));
    case Fixture::Hard:
        return StatsFixtures::createHard(path);
    case Fixture::LessonWithNullAuthors:
        return StatsFixtures::createLessonWithNullAuthors(path);
    case Fixture::Recent:
        return StatsFixtures::createRecent(path);
    case Fixture::MonthBoundary:
        return StatsFixtures::createMonthBoundary(path);
    }
    return false;
}

// Rows as "a|b|c" lines, the way the expectations below are written.
QStringList lines(const StatsResult& result)
{
    QStringList out;
    for (const QVariantList& row : result.rows) {
        QStringList cells;
        for (const QVariant& value : row)
            cells << (value.isNull() ? QStringLiteral("NULL") : StatsFormat::text(value));
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

QStringList split(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

Q_DECLARE_METATYPE(Fixture)
Q_DECLARE_METATYPE(StatsParameters)

class TestStatsExecutor : public QObject {
    Q_OBJECT

private slots:
    void init();
    void catalogueHasTheSixPanelsWithTheirSql();
    void panelsGiveExactRows_data();
    void panelsGiveExactRows();
    void columnsAreTheDocumentedKeys_data();
    void columnsAreTheDocumentedKeys();
    void keepsFirstRowsAndSumsTheRest();
    void streamsEveryRowInOrder();
    void postNumberingIsStableUnderEqualTimestamps();
    void postNumberingGivesTheLessonSampleRows();
    void postNumberingKeepsAUserNamedLikeTheUnknownAuthorApart();
    void runsWithTheStatsConnectionSettings_data();
    void runsWithTheStatsConnectionSettings();
    void reportsSqlErrorsWithThePanelName();
    void cancelsWhenInterrupted();
    void leavesTheFileUntouched();
    void sqlWithValuesInlinesTheBoundParameter();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestStatsExecutor::init()
{
    QVERIFY(m_dir.isValid());
    m_path = TestFiles::currentTestPath(m_dir);
}

void TestStatsExecutor::catalogueHasTheSixPanelsWithTheirSql()
{
    QCOMPARE(StatsQueries::names(),
             (QStringList{QStringLiteral("post-counts"), QStringLiteral("comment-counts"), QStringLiteral("activity"),
                          QStringLiteral("post-numbering"), QStringLiteral("active-users"), QStringLiteral("totals")}));
    for (const StatsPanel& panel : StatsQueries::all()) {
        QVERIFY2(panel.sql.contains(QStringLiteral("SELECT")), qPrintable(panel.name));
        QVERIFY(!panel.title.isEmpty());
        QCOMPARE(StatsQueries::find(panel.name), &panel);
    }
    QCOMPARE(StatsQueries::find(QStringLiteral("nope")), nullptr);
    // The window function's columns are qualified: the lesson's bare created_at is ambiguous.
    QVERIFY(StatsQueries::find(QStringLiteral("post-numbering"))
                ->sql.contains(QStringLiteral("ORDER BY p.created_at, p.id")));
}

void TestStatsExecutor::panelsGiveExactRows_data()
{
    QTest::addColumn<Fixture>("fixture");
    QTest::addColumn<QString>("panel");
    QTest::addColumn<StatsParameters>("parameters");
    QTest::addColumn<QStringList>("expected");
    const StatsParameters defaults;
    const auto days = [](int n) {
        StatsParameters p;
        p.days = n;
        return p;
    };
    StatsParameters month;
    month.period = StatsParameters::Period::ThisMonth;

    // The lesson's sample data. activity is the lesson's CTE done right: its join double-counts.
    QTest::newRow("lesson post-counts") << Fixture::LessonSample << QStringLiteral("post-counts") << defaults
                                        << split("alice|2 bob|1 charlie|1");
    QTest::newRow("lesson comment-counts")
        << Fixture::LessonSample << QStringLiteral("comment-counts") << defaults
        << QStringList{QStringLiteral("Python Programming|alice|2"), QStringLiteral("Data Science|alice|1"),
                       QStringLiteral("Web Development|bob|1"), QStringLiteral("Machine Learning|charlie|0")};
    QTest::newRow("lesson activity") << Fixture::LessonSample << QStringLiteral("activity") << defaults
                                     << split("alice|2|1|3 bob|1|2|3 charlie|1|1|2");
    QTest::newRow("lesson active-users")
        << Fixture::LessonSample << QStringLiteral("active-users") << defaults
        << split("alice|alice@example.com bob|bob@example.com charlie|charlie@example.com");
    QTest::newRow("lesson active-users this month")
        << Fixture::LessonSample << QStringLiteral("active-users") << month
        << split("alice|alice@example.com bob|bob@example.com charlie|charlie@example.com");
    QTest::newRow("lesson totals") << Fixture::LessonSample << QStringLiteral("totals") << defaults << split("3|4|4");

    // Ties, users without posts, posts without comments, dangling authors, several posts and comments.
    QTest::newRow("hard post-counts") << Fixture::Hard << QStringLiteral("post-counts") << defaults
                                      << QStringList{QStringLiteral("eve|3"), QStringLiteral("(unknown author)|2"),
                                                     QStringLiteral("ann|2"), QStringLiteral("ben|1"),
                                                     QStringLiteral("cat|0"), QStringLiteral("dan|0")};
    QTest::newRow("hard comment-counts") << Fixture::Hard << QStringLiteral("comment-counts") << defaults
                                         << QStringList{QStringLiteral("Gamma|eve|3"),
                                                        QStringLiteral("Alpha|ann|2"),
                                                        QStringLiteral("Beta|ann|1"),
                                                        QStringLiteral("Eps|eve|1"),
                                                        QStringLiteral("Orphan|(unknown author)|1"),
                                                        QStringLiteral("Delta|eve|0"),
                                                        QStringLiteral("Eta|(unknown author)|0"),
                                                        QStringLiteral("Zeta|ben|0")};
    QTest::newRow("hard activity") << Fixture::Hard << QStringLiteral("activity") << defaults
                                   << QStringList{QStringLiteral("eve|3|4|7"), QStringLiteral("(unknown author)|2|1|3"),
                                                  QStringLiteral("ann|2|1|3"), QStringLiteral("ben|1|1|2"),
                                                  QStringLiteral("dan|0|1|1"), QStringLiteral("cat|0|0|0")};
    QTest::newRow("hard post-numbering") << Fixture::Hard << QStringLiteral("post-numbering") << defaults
                                         << QStringList{QStringLiteral("Orphan|(unknown author)|2024-01-05 00:00:00|1"),
                                                        QStringLiteral("Eta|(unknown author)|2024-01-05 00:00:00|2"),
                                                        QStringLiteral("Alpha|ann|2024-01-01 10:00:00|1"),
                                                        QStringLiteral("Beta|ann|2024-01-01 10:00:00|2"),
                                                        QStringLiteral("Zeta|ben|2024-01-01 10:00:00|1"),
                                                        QStringLiteral("Delta|eve|2024-02-01 09:00:00|1"),
                                                        QStringLiteral("Gamma|eve|2024-02-01 09:00:00.5|2"),
                                                        QStringLiteral("Eps|eve|2024-03-01 00:00:00|3")};
    QTest::newRow("hard totals") << Fixture::Hard << QStringLiteral("totals") << defaults << split("5|8|8");
    QTest::newRow("hard active-users (all in 2024)")
        << Fixture::Hard << QStringLiteral("active-users") << days(StatsParameters::MaxDays)
        << QStringList{QStringLiteral("(unknown author)|NULL"), QStringLiteral("ann|ann@example.com"),
                       QStringLiteral("ben|ben@example.com"), QStringLiteral("eve|eve@example.com")};

    // The lesson's own sqlite3 database: a post by missing user 999, plus NULL authors.
    QTest::newRow("lesson+null post-counts")
        << Fixture::LessonWithNullAuthors << QStringLiteral("post-counts") << defaults
        << QStringList{QStringLiteral("(unknown author)|2"), QStringLiteral("alice|2"), QStringLiteral("bob|1"),
                       QStringLiteral("charlie|1"), QStringLiteral("david|1")};
    QTest::newRow("lesson+null activity")
        << Fixture::LessonWithNullAuthors << QStringLiteral("activity") << defaults
        << QStringList{QStringLiteral("(unknown author)|2|1|3"), QStringLiteral("alice|2|1|3"),
                       QStringLiteral("bob|1|2|3"), QStringLiteral("charlie|1|1|2"), QStringLiteral("david|1|0|1")};
    QTest::newRow("lesson+null comment-counts")
        << Fixture::LessonWithNullAuthors << QStringLiteral("comment-counts") << defaults
        << QStringList{QStringLiteral("Python Programming|alice|3"),  QStringLiteral("Data Science|alice|1"),
                       QStringLiteral("Web Development|bob|1"),       QStringLiteral("Anonymous|(unknown author)|0"),
                       QStringLiteral("Database Design|david|0"),     QStringLiteral("Machine Learning|charlie|0"),
                       QStringLiteral("Test Post|(unknown author)|0")};
    QTest::newRow("lesson+null post-numbering unknown first")
        << Fixture::LessonWithNullAuthors << QStringLiteral("post-numbering") << defaults << QStringList{};
    QTest::newRow("lesson+null totals") << Fixture::LessonWithNullAuthors << QStringLiteral("totals") << defaults
                                        << split("4|7|5");

    // Periods relative to now, compared as text with fractions of a second.
    QTest::newRow("recent 30 days") << Fixture::Recent << QStringLiteral("active-users") << defaults
                                    << QStringList{QStringLiteral("(unknown author)|NULL"),
                                                   QStringLiteral("amy|amy@example.com"),
                                                   QStringLiteral("bo|bo@example.com"),
                                                   QStringLiteral("eli|eli@example.com"),
                                                   QStringLiteral("fay|fay@example.com")};
    QTest::newRow("recent 7 days") << Fixture::Recent << QStringLiteral("active-users") << days(7)
                                   << QStringList{QStringLiteral("(unknown author)|NULL"),
                                                  QStringLiteral("amy|amy@example.com"),
                                                  QStringLiteral("eli|eli@example.com")};
    QTest::newRow("recent 1 day (none)") << Fixture::Recent << QStringLiteral("active-users") << days(1)
                                         << QStringList{};
    QTest::newRow("recent 41 days") << Fixture::Recent << QStringLiteral("active-users") << days(41)
                                    << QStringList{QStringLiteral("(unknown author)|NULL"),
                                                   QStringLiteral("amy|amy@example.com"),
                                                   QStringLiteral("bo|bo@example.com"),
                                                   QStringLiteral("cy|cy@example.com"),
                                                   QStringLiteral("eli|eli@example.com"),
                                                   QStringLiteral("fay|fay@example.com")};
    QTest::newRow("month boundary") << Fixture::MonthBoundary << QStringLiteral("active-users") << month
                                    << split("gil|gil@example.com ida|ida@example.com");
}

void TestStatsExecutor::panelsGiveExactRows()
{
    QFETCH(Fixture, fixture);
    QFETCH(QString, panel);
    QFETCH(StatsParameters, parameters);
    QFETCH(QStringList, expected);
    QVERIFY(build(fixture, m_path));
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
    const StatsPanel* statsPanel = StatsQueries::find(panel);
    QVERIFY(statsPanel);
    auto result = StatsExecutor(**connection).run(*statsPanel, parameters);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QVERIFY(result->isComplete());
    QCOMPARE(result->panel, panel);
    if (QByteArray(QTest::currentDataTag()) == "lesson+null post-numbering unknown first") {
        // Both posts without a known author (999 and NULL) are numbered together, by time then id.
        const QStringList rows = lines(*result);
        QCOMPARE(rows.size(), 7);
        QVERIFY(rows.at(0).startsWith(QStringLiteral("Test Post|(unknown author)|")));
        QVERIFY(rows.at(0).endsWith(QStringLiteral("|1")));
        QVERIFY(rows.at(1).startsWith(QStringLiteral("Anonymous|(unknown author)|")));
        QVERIFY(rows.at(1).endsWith(QStringLiteral("|2")));
        QVERIFY(rows.at(2).startsWith(QStringLiteral("Python Programming|alice|")));
        QVERIFY(rows.at(3).startsWith(QStringLiteral("Data Science|alice|")));
        QVERIFY(rows.at(3).endsWith(QStringLiteral("|2")));
        return;
    }
    QCOMPARE(lines(*result), expected);
    QCOMPARE(result->totalRows, expected.size());
}

void TestStatsExecutor::columnsAreTheDocumentedKeys_data()
{
    QTest::addColumn<QString>("panel");
    QTest::addColumn<QStringList>("columns");
    QTest::newRow("post-counts") << QStringLiteral("post-counts") << split("username post_count");
    QTest::newRow("comment-counts") << QStringLiteral("comment-counts") << split("title author comment_count");
    QTest::newRow("activity") << QStringLiteral("activity") << split("username posts comments total");
    QTest::newRow("post-numbering") << QStringLiteral("post-numbering") << split("title author created_at post_number");
    QTest::newRow("active-users") << QStringLiteral("active-users") << split("username email");
    QTest::newRow("totals") << QStringLiteral("totals") << split("users posts comments");
}

void TestStatsExecutor::columnsAreTheDocumentedKeys()
{
    QFETCH(QString, panel);
    QFETCH(QStringList, columns);
    QVERIFY(DemoDatabase::create(m_path, false)); // no rows: the columns are still named
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    auto result = StatsExecutor(**connection).run(*StatsQueries::find(panel), {});
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->columns, columns);
    // An empty database: no rows at all, except the one row of totals.
    QCOMPARE(result->rows.size(), panel == QStringLiteral("totals") ? 1 : 0);
}

void TestStatsExecutor::keepsFirstRowsAndSumsTheRest()
{
    QVERIFY(StatsFixtures::createHard(m_path));
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    auto result = StatsExecutor(**connection).run(*StatsQueries::find(QStringLiteral("activity")), {}, 2);
    QVERIFY(result);
    QCOMPARE(lines(*result), (QStringList{QStringLiteral("eve|3|4|7"), QStringLiteral("(unknown author)|2|1|3")}));
    QCOMPARE(result->totalRows, 6);
    QVERIFY(!result->isComplete());
    // ann 2/1/3, ben 1/1/2, dan 0/1/1, cat 0/0/0; the text column sums nothing.
    QCOMPARE(result->remainder, (QList<double>{0, 3, 3, 6}));
}

void TestStatsExecutor::streamsEveryRowInOrder()
{
    QVERIFY(StatsFixtures::createHard(m_path));
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    const StatsExecutor executor(**connection);
    const StatsPanel& panel = *StatsQueries::find(QStringLiteral("comment-counts"));
    QStringList columns;
    StatsResult streamed;
    QVERIFY(executor.stream(
        panel, {}, [&](const QStringList& names) { columns = names; },
        [&](const QVariantList& row) {
            streamed.rows << row;
            return true;
        }));
    auto collected = executor.run(panel, {});
    QVERIFY(collected);
    QCOMPARE(columns, collected->columns);
    QCOMPARE(lines(streamed), lines(*collected));

    int seen = 0;
    QVERIFY(executor.stream(
        panel, {}, [](const QStringList&) {}, [&](const QVariantList&) { return ++seen < 3; }));
    QCOMPARE(seen, 3);
}

void TestStatsExecutor::postNumberingIsStableUnderEqualTimestamps()
{
    // Twenty posts by one author in the same second, inserted in shuffled id order: numbers follow ids.
    QVERIFY(DemoDatabase::create(m_path, false));
    QString sql = QStringLiteral("INSERT INTO users (id, username, email) VALUES (1, 'solo', 's@example.com');");
    const int ids[] = {7, 3, 19, 1, 12, 5, 20, 9, 2, 15, 11, 4, 18, 6, 14, 8, 17, 10, 16, 13};
    for (int id : ids)
        sql += QStringLiteral("INSERT INTO posts (id, title, content, author_id, created_at) "
                              "VALUES (%1, 'p%1', 'x', 1, '2024-05-05 12:00:00');")
                   .arg(id);
    QVERIFY(TestFiles::execSql(m_path, sql));
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    auto result = StatsExecutor(**connection).run(*StatsQueries::find(QStringLiteral("post-numbering")), {});
    QVERIFY(result);
    QCOMPARE(result->rows.size(), 20);
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(result->rows.at(i).at(0).toString(), QStringLiteral("p%1").arg(i + 1));
        QCOMPARE(result->rows.at(i).at(3).toLongLong(), i + 1);
    }
}

void TestStatsExecutor::postNumberingGivesTheLessonSampleRows()
{
    // The lesson's query fails ("ambiguous column name: created_at"); the panel numbers alice's two posts 1 and 2
    // and bob's and charlie's one post 1, ordered by author. The sample is inserted within a second or two, so
    // its times usually tie and the ids decide; each row carries the post's own created_at from the file.
    QVERIFY(DemoDatabase::create(m_path, true));
    const auto createdAt = [this](const char* title) {
        return TestFiles::querySql(
            m_path, QStringLiteral("SELECT created_at FROM posts WHERE title = '%1'").arg(QString::fromUtf8(title)));
    };
    QVERIFY(!createdAt("Python Programming").isEmpty());
    const QStringList expected{
        QStringLiteral("Python Programming|alice|%1|1").arg(createdAt("Python Programming")),
        QStringLiteral("Data Science|alice|%1|2").arg(createdAt("Data Science")),
        QStringLiteral("Web Development|bob|%1|1").arg(createdAt("Web Development")),
        QStringLiteral("Machine Learning|charlie|%1|1").arg(createdAt("Machine Learning")),
    };
    {
        auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
        QVERIFY(connection);
        auto result = StatsExecutor(**connection).run(*StatsQueries::find(QStringLiteral("post-numbering")), {});
        QVERIFY(result);
        QCOMPARE(result->columns, split("title author created_at post_number"));
        QCOMPARE(lines(*result), expected);
    }

    // With every time equal (one insert second) and with alice's second post dated before her first, the
    // numbers follow the time first and the id only on a tie.
    QVERIFY(TestFiles::execSql(m_path, QStringLiteral("UPDATE posts SET created_at = '2024-05-05 12:00:00'")));
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    const StatsPanel& panel = *StatsQueries::find(QStringLiteral("post-numbering"));
    auto tied = StatsExecutor(**connection).run(panel, {});
    QVERIFY(tied);
    QCOMPARE(lines(*tied), (QStringList{QStringLiteral("Python Programming|alice|2024-05-05 12:00:00|1"),
                                        QStringLiteral("Data Science|alice|2024-05-05 12:00:00|2"),
                                        QStringLiteral("Web Development|bob|2024-05-05 12:00:00|1"),
                                        QStringLiteral("Machine Learning|charlie|2024-05-05 12:00:00|1")}));
    connection->reset();
    QVERIFY(TestFiles::execSql(m_path, QStringLiteral("UPDATE posts SET created_at = '2024-05-04 08:30:00' "
                                                      "WHERE title = 'Data Science'")));
    connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    auto reordered = StatsExecutor(**connection).run(panel, {});
    QVERIFY(reordered);
    QCOMPARE(lines(*reordered), (QStringList{QStringLiteral("Data Science|alice|2024-05-04 08:30:00|1"),
                                             QStringLiteral("Python Programming|alice|2024-05-05 12:00:00|2"),
                                             QStringLiteral("Web Development|bob|2024-05-05 12:00:00|1"),
                                             QStringLiteral("Machine Learning|charlie|2024-05-05 12:00:00|1")}));
}

void TestStatsExecutor::postNumberingKeepsAUserNamedLikeTheUnknownAuthorApart()
{
    // A real user called "(unknown author)" shows the same name as the posts whose author is missing, but the two
    // are numbered each on their own: the missing authors' posts first, then the user's.
    QVERIFY(DemoDatabase::create(m_path, false));
    QVERIFY(TestFiles::execSql(m_path, QStringLiteral(R"sql(
PRAGMA foreign_keys = OFF;
INSERT INTO users (id, username, email) VALUES (1, '(unknown author)', 'u@example.com'), (2, 'zed', 'z@example.com');
INSERT INTO posts (id, title, content, author_id, created_at) VALUES
    (1, 'Mine 2', 'x', 1, '2024-01-02 00:00:00'), (2, 'Lost 1', 'x', 42, '2024-01-03 00:00:00'),
    (3, 'Mine 1', 'x', 1, '2024-01-01 00:00:00'), (4, 'Zed 1', 'x', 2, '2024-01-01 00:00:00'),
    (5, 'Lost 2', 'x', 42, '2024-01-04 00:00:00');
)sql")));
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    auto result = StatsExecutor(**connection).run(*StatsQueries::find(QStringLiteral("post-numbering")), {});
    QVERIFY(result);
    QCOMPARE(lines(*result), (QStringList{QStringLiteral("Lost 1|(unknown author)|2024-01-03 00:00:00|1"),
                                          QStringLiteral("Lost 2|(unknown author)|2024-01-04 00:00:00|2"),
                                          QStringLiteral("Mine 1|(unknown author)|2024-01-01 00:00:00|1"),
                                          QStringLiteral("Mine 2|(unknown author)|2024-01-02 00:00:00|2"),
                                          QStringLiteral("Zed 1|zed|2024-01-01 00:00:00|1")}));
}

void TestStatsExecutor::runsWithTheStatsConnectionSettings_data()
{
    QTest::addColumn<int>("highestUserId");
    QTest::addColumn<int>("cacheKiB");
    // The cache follows the users table (128 bytes a user), between 16 and 128 MiB.
    QTest::newRow("few users: the smallest cache") << 3 << StatsConnectionSettings::MinCacheKiB;
    QTest::newRow("500k users: 62.5 MiB") << 500 * 1024 << 500 * StatsConnectionSettings::BytesPerUser;
    QTest::newRow("10M users: the largest cache") << 10'000'000 << StatsConnectionSettings::MaxCacheKiB;
}

void TestStatsExecutor::runsWithTheStatsConnectionSettings()
{
    QFETCH(int, highestUserId);
    QFETCH(int, cacheKiB);
    QVERIFY(DemoDatabase::create(m_path, false));
    QVERIFY(TestFiles::execSql(
        m_path, QStringLiteral("INSERT INTO users (id, username, email) VALUES (%1, 'u', 'e')").arg(highestUserId)));
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    const auto pragma = [&](const QString& name) {
        QSqlQuery query((*connection)->database());
        return query.exec(QStringLiteral("PRAGMA ") + name) && query.next() ? query.value(0).toInt() : 0;
    };
    QVERIFY(pragma(QStringLiteral("cache_size")) != -cacheKiB);
    QVERIFY(StatsExecutor(**connection).run(*StatsQueries::find(QStringLiteral("post-counts")), {}));
    QCOMPARE(pragma(QStringLiteral("cache_size")), -cacheKiB);
    QCOMPARE(pragma(QStringLiteral("threads")), SorterThreads::forSpareCores());
    QVERIFY(SorterThreads::forSpareCores() >= 1);
}

void TestStatsExecutor::reportsSqlErrorsWithThePanelName()
{
    QVERIFY(TestFiles::execSql(m_path, QStringLiteral("CREATE TABLE unrelated (x)")));
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    auto result = StatsExecutor(**connection).run(*StatsQueries::find(QStringLiteral("activity")), {});
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Sql);
    QVERIFY2(result.error().message.contains(QStringLiteral("\u201cactivity\u201d")),
             qPrintable(result.error().message));
    QVERIFY2(result.error().sqliteText.contains(QStringLiteral("no such table")),
             qPrintable(result.error().sqliteText));
}

void TestStatsExecutor::cancelsWhenInterrupted()
{
    // Endless comments: totals never ends by itself, post-counts (which does not read comments) does.
    QVERIFY(StatsFixtures::createEndless(m_path, QStringLiteral("comments")));
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
    QVERIFY(connection);
    const Connection* raw = connection->get();
    std::atomic_bool cancelled = false;
    // The statement would never end: cancel it from another thread while it runs.
    std::unique_ptr<QThread> canceller(QThread::create([raw, &cancelled] {
        QThread::msleep(200);
        cancelled = true;
        raw->interrupt();
    }));
    canceller->start();
    const StatsExecutor executor(**connection, &cancelled);
    auto result = executor.run(*StatsQueries::find(QStringLiteral("totals")), {});
    canceller->wait();
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QVERIFY(result.error().message.contains(QStringLiteral("cancelled")));

    // A flag set before the run stops it before its first step (where an interrupt alone would be lost).
    auto early = executor.run(*StatsQueries::find(QStringLiteral("totals")), {});
    QVERIFY(!early);
    QCOMPARE(early.error().kind, Error::Kind::Cancelled);

    // The connection is fine afterwards.
    cancelled = false;
    auto counts = StatsExecutor(**connection).run(*StatsQueries::find(QStringLiteral("post-counts")), {});
    QVERIFY(counts);
    QCOMPARE(lines(*counts), QStringList{QStringLiteral("alice|1")});
}

void TestStatsExecutor::leavesTheFileUntouched()
{
    QVERIFY(StatsFixtures::createHard(m_path));
    const QByteArray before = TestFiles::read(m_path);
    {
        auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("test")});
        QVERIFY(connection);
        for (const StatsPanel& panel : StatsQueries::all())
            QVERIFY(StatsExecutor(**connection).run(panel, {}));
    }
    QCOMPARE(TestFiles::read(m_path), before);
}

void TestStatsExecutor::sqlWithValuesInlinesTheBoundParameter()
{
    const StatsPanel& panel = *StatsQueries::find(QStringLiteral("active-users"));
    StatsParameters parameters;
    parameters.days = 7;
    const QString sql = StatsQueries::sqlWithValues(panel, parameters);
    QVERIFY(!sql.contains(QStringLiteral(":since")));
    QVERIFY(sql.contains(QStringLiteral("datetime('now', '-7 days')")));
    parameters.period = StatsParameters::Period::ThisMonth;
    QVERIFY(
        StatsQueries::sqlWithValues(panel, parameters).contains(QStringLiteral("datetime('now', 'start of month')")));

    // Inlined, it runs as it stands and gives the same rows.
    QVERIFY(StatsFixtures::createRecent(m_path));
    parameters = {};
    QCOMPARE(TestFiles::dumpRows(m_path, StatsQueries::sqlWithValues(panel, parameters)).size(), 5);
}

QTEST_GUILESS_MAIN(TestStatsExecutor)
#include "tst_statsexecutor.moc"
