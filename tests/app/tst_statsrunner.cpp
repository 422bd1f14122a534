#include "StatsFixtures.h"
#include "stats/StatsRunner.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::StatsFixtures;

Q_DECLARE_METATYPE(quarry::StatsResult)
Q_DECLARE_METATYPE(quarry::Error)

class TestStatsRunner : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void runsAPanelOffTheCallingThread();
    void newerRequestSupersedesOlder();
    void requestsForDifferentPanelsAllReport();
    void cancelStopsARunningStatementSilently();
    void newerRequestInterruptsARunningOne();
    void switchesDatabases();
    void reportsFailures_data();
    void reportsFailures();
    void destroysWhileRunning();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestStatsRunner::initTestCase()
{
    qRegisterMetaType<StatsResult>();
    qRegisterMetaType<Error>();
}

void TestStatsRunner::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("%1.db").arg(QLatin1String(QTest::currentTestFunction())));
    QFile::remove(m_path);
}

void TestStatsRunner::runsAPanelOffTheCallingThread()
{
    QVERIFY(DemoDatabase::create(m_path, true));
    StatsRunner runner;
    runner.setDatabase(m_path);
    QCOMPARE(runner.database(), m_path);
    QSignalSpy finished(&runner, &StatsRunner::finished);
    QSignalSpy failed(&runner, &StatsRunner::failed);
    const quint64 id = runner.run(QStringLiteral("activity"), {});
    QVERIFY(runner.isPending(QStringLiteral("activity")));
    QVERIFY(finished.isEmpty()); // never synchronous
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.at(0).at(0).toULongLong(), id);
    const auto result = finished.at(0).at(1).value<StatsResult>();
    QCOMPARE(result.panel, QStringLiteral("activity"));
    QCOMPARE(result.rows.size(), 3);
    QCOMPARE(result.rows.at(0), (QVariantList{QStringLiteral("alice"), 2, 1, 3}));
    QCOMPARE(result.rows.at(1), (QVariantList{QStringLiteral("bob"), 1, 2, 3}));
    QCOMPARE(result.rows.at(2), (QVariantList{QStringLiteral("charlie"), 1, 1, 2}));
    QVERIFY(!runner.isPending(QStringLiteral("activity")));
}

void TestStatsRunner::newerRequestSupersedesOlder()
{
    QVERIFY(StatsFixtures::createRecent(m_path));
    StatsRunner runner;
    runner.setDatabase(m_path);
    QSignalSpy finished(&runner, &StatsRunner::finished);
    StatsParameters week;
    week.days = 7;
    runner.run(QStringLiteral("active-users"), {});
    const quint64 second = runner.run(QStringLiteral("active-users"), week);
    QTRY_COMPARE(finished.size(), 1);
    QTest::qWait(100); // nothing more arrives
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), second);
    QCOMPARE(finished.at(0).at(1).value<StatsResult>().rows.size(), 3); // unknown, amy, eli
}

void TestStatsRunner::requestsForDifferentPanelsAllReport()
{
    QVERIFY(DemoDatabase::create(m_path, true));
    StatsRunner runner;
    runner.setDatabase(m_path);
    QSignalSpy finished(&runner, &StatsRunner::finished);
    QStringList names;
    for (const QString& panel : {QStringLiteral("post-counts"), QStringLiteral("totals"), QStringLiteral("activity")})
        runner.run(panel, {});
    QTRY_COMPARE(finished.size(), 3);
    for (const QList<QVariant>& arguments : std::as_const(finished))
        names << arguments.at(1).value<StatsResult>().panel;
    QCOMPARE(names, (QStringList{QStringLiteral("post-counts"), QStringLiteral("totals"), QStringLiteral("activity")}));
}

void TestStatsRunner::cancelStopsARunningStatementSilently()
{
    QVERIFY(StatsFixtures::createEndless(m_path));
    const QString demo = m_dir.filePath(QStringLiteral("cancel-demo.db"));
    QFile::remove(demo);
    QVERIFY(DemoDatabase::create(demo, true));
    StatsRunner runner;
    runner.setDatabase(m_path);
    QSignalSpy finished(&runner, &StatsRunner::finished);
    QSignalSpy failed(&runner, &StatsRunner::failed);
    runner.run(QStringLiteral("totals"), {}); // counts an endless view
    QTest::qWait(300);
    QVERIFY(runner.isPending(QStringLiteral("totals")));
    runner.cancel(QStringLiteral("totals"));
    QVERIFY(!runner.isPending(QStringLiteral("totals")));
    // The worker is free again: a new request on another file runs at once.
    runner.setDatabase(demo);
    runner.run(QStringLiteral("totals"), {});
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.at(0).at(1).value<StatsResult>().rows.at(0).at(0).toLongLong(), 3);
}

void TestStatsRunner::newerRequestInterruptsARunningOne()
{
    // comments never ends: totals (which counts them) runs until stopped, post-counts (which does not read
    // them) answers at once. The worker runs one request at a time, so post-counts can only report if the
    // first totals was interrupted when the second superseded it, and the second by the cancel.
    QVERIFY(StatsFixtures::createEndless(m_path, QStringLiteral("comments")));
    StatsRunner runner;
    runner.setDatabase(m_path);
    QSignalSpy finished(&runner, &StatsRunner::finished);
    QSignalSpy failed(&runner, &StatsRunner::failed);
    runner.run(QStringLiteral("totals"), {});
    QTest::qWait(300);
    runner.run(QStringLiteral("totals"), {});
    QTest::qWait(300);
    runner.cancel(QStringLiteral("totals"));
    const quint64 counts = runner.run(QStringLiteral("post-counts"), {});
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.at(0).at(0).toULongLong(), counts);
    QCOMPARE(finished.at(0).at(1).value<StatsResult>().rows, (QList<QVariantList>{{QStringLiteral("alice"), 1LL}}));
}

void TestStatsRunner::switchesDatabases()
{
    QVERIFY(DemoDatabase::create(m_path, true));
    const QString other = m_dir.filePath(QStringLiteral("switch-hard.db"));
    QFile::remove(other);
    QVERIFY(StatsFixtures::createHard(other));
    StatsRunner runner;
    QSignalSpy finished(&runner, &StatsRunner::finished);
    runner.setDatabase(m_path);
    runner.run(QStringLiteral("totals"), {});
    QTRY_COMPARE(finished.size(), 1);
    runner.setDatabase(other);
    runner.run(QStringLiteral("totals"), {});
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.at(0).at(1).value<StatsResult>().rows.at(0).at(0).toLongLong(), 3);
    QCOMPARE(finished.at(1).at(1).value<StatsResult>().rows.at(0).at(0).toLongLong(), 5);
}

void TestStatsRunner::reportsFailures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("panel");
    QTest::addColumn<Error::Kind>("kind");
    QTest::newRow("missing file") << QStringLiteral("missing.db") << QStringLiteral("totals") << Error::Kind::NotFound;
    QTest::newRow("no database") << QString() << QStringLiteral("totals") << Error::Kind::Usage;
    QTest::newRow("unknown panel") << QStringLiteral("demo") << QStringLiteral("nope") << Error::Kind::Usage;
    QTest::newRow("not a blog database") << QStringLiteral("unrelated") << QStringLiteral("activity")
                                         << Error::Kind::Sql;
}

void TestStatsRunner::reportsFailures()
{
    QFETCH(QString, file);
    QFETCH(QString, panel);
    QFETCH(Error::Kind, kind);
    QString path;
    if (file == QStringLiteral("demo")) {
        QVERIFY(DemoDatabase::create(m_path, true));
        path = m_path;
    } else if (file == QStringLiteral("unrelated")) {
        QVERIFY(quarry::test::TestFiles::execSql(m_path, QStringLiteral("CREATE TABLE t (x)")));
        path = m_path;
    } else if (!file.isEmpty()) {
        path = m_dir.filePath(file);
    }
    StatsRunner runner;
    runner.setDatabase(path);
    QSignalSpy finished(&runner, &StatsRunner::finished);
    QSignalSpy failed(&runner, &StatsRunner::failed);
    const quint64 id = runner.run(panel, {});
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.at(0).at(0).toULongLong(), id);
    QCOMPARE(failed.at(0).at(1).toString(), panel);
    const auto error = failed.at(0).at(2).value<Error>();
    QCOMPARE(error.kind, kind);
    QVERIFY(!error.message.isEmpty());
}

void TestStatsRunner::destroysWhileRunning()
{
    QVERIFY(StatsFixtures::createEndless(m_path));
    QElapsedTimer timer;
    timer.start();
    {
        StatsRunner runner;
        runner.setDatabase(m_path);
        runner.run(QStringLiteral("totals"), {});
        QTest::qWait(200);
    } // interrupts the endless statement and joins the worker
    QVERIFY(timer.elapsed() < 10000);
}

QTEST_GUILESS_MAIN(TestStatsRunner)
#include "tst_statsrunner.moc"
