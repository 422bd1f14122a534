#include "StatsFixtures.h"
#include "TestFiles.h"
#include "stats/StatsCsvExporter.h"
#include "stats/StatsQueries.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::StatsFixtures;
using quarry::test::TestFiles;

class TestStatsCsvExporter : public QObject {
    Q_OBJECT

private slots:
    void init();
    void writesEveryRowOfAPanelAsTheCommandLineDoes_data();
    void writesEveryRowOfAPanelAsTheCommandLineDoes();
    void writesHeldRowsInTheirOrder();
    void cancelLeavesAnEarlierFileAsItWas();
    void refusesASecondExportWhileOneRuns();
    void reportsAFileItCannotWrite();

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_csv;
};

void TestStatsCsvExporter::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("%1.db").arg(QLatin1String(QTest::currentTestFunction())));
    m_csv = m_dir.filePath(QStringLiteral("%1.csv").arg(QLatin1String(QTest::currentTestFunction())));
    QFile::remove(m_path);
    QFile::remove(m_csv);
}

void TestStatsCsvExporter::writesEveryRowOfAPanelAsTheCommandLineDoes_data()
{
    QTest::addColumn<QString>("panel");
    QTest::addColumn<qint64>("rows");
    // 12,345 users: 8,230 of them with posts (1 or 2 each: 4,115 + 2 * 4,115 = 12,345 posts).
    QTest::newRow("post-counts") << QStringLiteral("post-counts") << qint64(12345);
    QTest::newRow("comment-counts") << QStringLiteral("comment-counts") << qint64(12345);
    QTest::newRow("post-numbering") << QStringLiteral("post-numbering") << qint64(12345);
    QTest::newRow("totals") << QStringLiteral("totals") << qint64(1);
}

void TestStatsCsvExporter::writesEveryRowOfAPanelAsTheCommandLineDoes()
{
    QFETCH(QString, panel);
    QFETCH(qint64, rows);
    QVERIFY(StatsFixtures::createManyUsers(m_path, 12345));
    StatsCsvExporter exporter;
    QSignalSpy finished(&exporter, &StatsCsvExporter::finished);
    QSignalSpy failed(&exporter, &StatsCsvExporter::failed);
    QVERIFY(exporter.start(m_path, *StatsQueries::find(panel), {}, m_csv));
    QVERIFY(exporter.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 1, 30000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.at(0).at(0).toString(), m_csv);
    QCOMPARE(finished.at(0).at(1).toLongLong(), rows);
    QVERIFY(!exporter.isRunning());

    const QByteArray written = TestFiles::read(m_csv);
    QCOMPARE(written.count("\r\n"), rows + 1); // the header and every row (no title holds a line break)
    const auto cli = TestFiles::runQuarry({QStringLiteral("stats"), m_path, QStringLiteral("--panel"), panel,
                                           QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(cli.exitCode, 0);
    QCOMPARE(written, cli.out.toUtf8());
}

void TestStatsCsvExporter::writesHeldRowsInTheirOrder()
{
    StatsCsvExporter exporter;
    QSignalSpy finished(&exporter, &StatsCsvExporter::finished);
    const QList<QVariantList> rows{{QStringLiteral("zed"), qlonglong(1), 0.5},
                                   {QStringLiteral("a, \"b\""), qlonglong(12), QVariant()},
                                   {QString(QLatin1String("")), qlonglong(0), 2.0}};
    QVERIFY(exporter.start(QStringList{QStringLiteral("name"), QStringLiteral("n"), QStringLiteral("x")}, rows, m_csv));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).toLongLong(), 3);
    // Quoted where RFC 4180 asks; NULL is an empty field and the empty string "".
    QCOMPARE(TestFiles::read(m_csv), QByteArray("name,n,x\r\nzed,1,0.5\r\n\"a, \"\"b\"\"\",12,\r\n\"\",0,2.0\r\n"));
}

void TestStatsCsvExporter::cancelLeavesAnEarlierFileAsItWas()
{
    // post-numbering over posts that never end: the export runs until cancelled.
    QVERIFY(StatsFixtures::createEndless(m_path));
    QVERIFY(TestFiles::write(m_csv, QByteArray("earlier export\r\n")));
    StatsCsvExporter exporter;
    QSignalSpy finished(&exporter, &StatsCsvExporter::finished);
    QSignalSpy failed(&exporter, &StatsCsvExporter::failed);
    QVERIFY(exporter.start(m_path, *StatsQueries::find(QStringLiteral("post-numbering")), {}, m_csv));
    QTest::qWait(300);
    QVERIFY(exporter.isRunning());
    QCOMPARE(finished.size() + failed.size(), 0);
    exporter.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.at(0).at(1).value<Error>().kind, Error::Kind::Cancelled);
    QVERIFY(!exporter.isRunning());
    QCOMPARE(TestFiles::read(m_csv), QByteArray("earlier export\r\n"));
    QCOMPARE(QDir(m_dir.path()).entryList({QFileInfo(m_csv).fileName() + QLatin1Char('*')}, QDir::Files | QDir::Hidden),
             QStringList{QFileInfo(m_csv).fileName()}); // no temporary file left behind
}

void TestStatsCsvExporter::refusesASecondExportWhileOneRuns()
{
    QVERIFY(StatsFixtures::createEndless(m_path));
    StatsCsvExporter exporter;
    QSignalSpy failed(&exporter, &StatsCsvExporter::failed);
    const StatsPanel& panel = *StatsQueries::find(QStringLiteral("post-numbering"));
    QVERIFY(exporter.start(m_path, panel, {}, m_csv));
    QVERIFY(!exporter.start(m_path, panel, {}, m_dir.filePath(QStringLiteral("second.csv"))));
    QVERIFY(!exporter.start(QStringList{QStringLiteral("x")}, {}, m_dir.filePath(QStringLiteral("third.csv"))));
    exporter.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("second.csv"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("third.csv"))));
    // Once the first has ended, the next one runs.
    QSignalSpy finished(&exporter, &StatsCsvExporter::finished);
    QVERIFY(exporter.start(QStringList{QStringLiteral("x")}, {{qlonglong(7)}},
                           m_dir.filePath(QStringLiteral("third.csv"))));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(TestFiles::read(m_dir.filePath(QStringLiteral("third.csv"))), QByteArray("x\r\n7\r\n"));
}

void TestStatsCsvExporter::reportsAFileItCannotWrite()
{
    QVERIFY(DemoDatabase::create(m_path, true));
    StatsCsvExporter exporter;
    QSignalSpy failed(&exporter, &StatsCsvExporter::failed);
    const QString target = m_dir.filePath(QStringLiteral("no/such/folder/x.csv"));
    QVERIFY(exporter.start(m_path, *StatsQueries::find(QStringLiteral("activity")), {}, target));
    QTRY_COMPARE(failed.size(), 1);
    const Error error = failed.at(0).at(1).value<Error>();
    QCOMPARE(error.kind, Error::Kind::Io);
    QVERIFY2(error.message.startsWith(QStringLiteral("Cannot write \u201c%1\u201d").arg(target)),
             qPrintable(error.message));

    // A database that cannot be opened is reported too, and nothing is written.
    QSignalSpy failedAgain(&exporter, &StatsCsvExporter::failed);
    QVERIFY(exporter.start(m_dir.filePath(QStringLiteral("missing.db")),
                           *StatsQueries::find(QStringLiteral("activity")), {}, m_csv));
    QTRY_COMPARE(failedAgain.size(), 1);
    QCOMPARE(failedAgain.at(0).at(1).value<Error>().kind, Error::Kind::NotFound);
    QVERIFY(!QFile::exists(m_csv));
}

QTEST_GUILESS_MAIN(TestStatsCsvExporter)
#include "tst_statscsvexporter.moc"
