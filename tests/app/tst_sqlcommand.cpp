#include "TestFiles.h"
#include "blog/DemoDatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace quarry;
using quarry::test::TestFiles;

class TestSqlCommand : public QObject {
    Q_OBJECT

private slots:
    void init();
    void printsCsvWithAHeaderRow();
    void printsJsonArraysOfObjectsPerStatement();
    void printsAlignedTables();
    void printsTextThatIsNotUtf8Decoded_data();
    void printsTextThatIsNotUtf8Decoded();
    void marksATableCutShortByAnError();
    void reportsErrorsWithLineAndColumnOnStderr_data();
    void reportsErrorsWithLineAndColumnOnStderr();
    void runsScriptFilesWithTriggers();
    void readOnlyOpensTheFileReadOnly();
    void refusesBadUsage_data();
    void refusesBadUsage();
    void stopsOnInterruptAndKeepsOnlyWhatWasDone_data();
    void stopsOnInterruptAndKeepsOnlyWhatWasDone();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestSqlCommand::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("%1.db").arg(QLatin1String(QTest::currentTestFunction())));
    QFile::remove(m_path);
    QVERIFY(DemoDatabase::create(m_path, true));
}

void TestSqlCommand::printsCsvWithAHeaderRow()
{
    // The issue's own check.
    const auto result =
        TestFiles::runQuarry({QStringLiteral("sql"), m_path, QStringLiteral("SELECT username FROM users ORDER BY id"),
                              QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("username\r\nalice\r\nbob\r\ncharlie\r\n"));
    QCOMPARE(result.err, QString());

    const auto two =
        TestFiles::runQuarry({QStringLiteral("sql"), m_path,
                              QStringLiteral("SELECT id, 'a,\"b\"' AS q, NULL AS n, '' AS e FROM users WHERE id = 1;"
                                             "UPDATE users SET last_name = 'L' WHERE id = 2; SELECT 2.0 AS r"),
                              QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(two.exitCode, 0);
    QCOMPARE(two.out, QStringLiteral("id,q,n,e\r\n1,\"a,\"\"b\"\"\",,\"\"\r\n\r\nr\r\n2.0\r\n"));
}

void TestSqlCommand::printsJsonArraysOfObjectsPerStatement()
{
    const auto result = TestFiles::runQuarry({QStringLiteral("sql"), m_path,
                                              QStringLiteral("SELECT id, username, NULL AS missing, x'0102' AS raw "
                                                             "FROM users ORDER BY id; SELECT count(*) AS n FROM posts"),
                                              QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(result.exitCode, 0);
    // One JSON array per statement, one after the other.
    const QStringList documents = result.out.split(QStringLiteral("]\n"), Qt::SkipEmptyParts);
    QCOMPARE(documents.size(), 2);
    QJsonParseError error;
    const QJsonArray users = QJsonDocument::fromJson((documents.at(0) + u']').toUtf8(), &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(users.size(), 3);
    QCOMPARE(users.at(1).toObject().value(QStringLiteral("username")).toString(), QStringLiteral("bob"));
    QCOMPARE(users.at(1).toObject().value(QStringLiteral("id")).toInt(), 2);
    QVERIFY(users.at(1).toObject().value(QStringLiteral("missing")).isNull());
    QCOMPARE(users.at(1).toObject().value(QStringLiteral("raw")).toString(), QStringLiteral("AQI="));
    const QJsonArray count = QJsonDocument::fromJson((documents.at(1) + u']').toUtf8(), &error).array();
    QCOMPARE(count.at(0).toObject().value(QStringLiteral("n")).toInt(), 4);
}

void TestSqlCommand::printsTextThatIsNotUtf8Decoded_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << QStringLiteral("csv");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("table") << QStringLiteral("table");
}

void TestSqlCommand::printsTextThatIsNotUtf8Decoded()
{
    // A text with a byte that is not UTF-8 is shown with U+FFFD in its place, its other characters kept: it was
    // printed as an empty field.
    QFETCH(QString, format);
    const auto result =
        TestFiles::runQuarry({QStringLiteral("sql"), m_path, QStringLiteral("SELECT CAST(x'61ff62' AS TEXT) AS t"),
                              QStringLiteral("--format"), format});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("a\ufffdb")), qPrintable(result.out));
}

void TestSqlCommand::printsAlignedTables()
{
    const auto result = TestFiles::runQuarry({QStringLiteral("sql"), m_path,
                                              QStringLiteral("SELECT id, username FROM users ORDER BY id; "
                                                             "DELETE FROM comments WHERE id > 2")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("id  username\n"
                                        "--  --------\n"
                                        " 1  alice\n"
                                        " 2  bob\n"
                                        " 3  charlie\n"
                                        "(3 rows)\n"
                                        "\n"
                                        "2 rows affected.\n"));
}

void TestSqlCommand::marksATableCutShortByAnError()
{
    // The third row overflows: the two before it are printed, and the footer does not pass them off as the result.
    const auto result = TestFiles::runQuarry(
        {QStringLiteral("sql"), m_path,
         QStringLiteral("SELECT id, CASE WHEN id = 3 THEN abs(-9223372036854775807 - 1) ELSE id END AS v\n"
                        "FROM users ORDER BY id")});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QStringLiteral("id  v\n"
                                        "--  -\n"
                                        " 1  1\n"
                                        " 2  2\n"
                                        "(stopped after 2 rows)\n"));
    QCOMPARE(result.err, QStringLiteral("quarry: error at line 1, column 1: integer overflow\n"));
}

void TestSqlCommand::reportsErrorsWithLineAndColumnOnStderr_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("stdoutBefore");
    QTest::addColumn<QString>("message");
    QTest::newRow("no such column") << QStringLiteral("SELECT 1 AS one;\nSELECT id,\n  nmae FROM users")
                                    << QStringLiteral("one\r\n1\r\n")
                                    << QStringLiteral("quarry: error at line 3, column 3: no such column: nmae\n");
    QTest::newRow("constraint") << QStringLiteral("INSERT INTO users (username, email) VALUES ('bob', 'b@x.y')")
                                << QString()
                                << QStringLiteral(
                                       "quarry: error at line 1, column 1: UNIQUE constraint failed: users.username\n");
    QTest::newRow("parameter") << QStringLiteral("SELECT * FROM users WHERE id = :id") << QString()
                               << QStringLiteral(
                                      "quarry: error at line 1, column 1: the statement has a parameter (:id) and "
                                      "the command line has no values to bind\n");
}

void TestSqlCommand::reportsErrorsWithLineAndColumnOnStderr()
{
    QFETCH(QString, script);
    QFETCH(QString, stdoutBefore);
    QFETCH(QString, message);
    const auto result = TestFiles::runQuarry({QStringLiteral("sql"), m_path, script, QStringLiteral("--format=csv")});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, stdoutBefore);
    QCOMPARE(result.err, message);
}

void TestSqlCommand::runsScriptFilesWithTriggers()
{
    const QString script = m_dir.filePath(QStringLiteral("audit.sql"));
    QVERIFY(TestFiles::write(script, "-- audit every new user; twice\n"
                                     "CREATE TABLE audit (what TEXT);\n"
                                     "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN\n"
                                     "  INSERT INTO audit VALUES ('added ' || new.username);\n"
                                     "  INSERT INTO audit VALUES ('again; ' || new.username);\n"
                                     "END;\n"
                                     "INSERT INTO users (username, email) VALUES ('dora', 'dora@example.com');\n"
                                     "SELECT what FROM audit ORDER BY rowid;\n"));
    const auto result = TestFiles::runQuarry({QStringLiteral("sql"), m_path, QStringLiteral("-f"), script,
                                              QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("what\r\nadded dora\r\nagain; dora\r\n"));
}

void TestSqlCommand::readOnlyOpensTheFileReadOnly()
{
    const QByteArray before = TestFiles::read(m_path);
    const auto result =
        TestFiles::runQuarry({QStringLiteral("sql"), m_path, QStringLiteral("DELETE FROM comments WHERE id = 1"),
                              QStringLiteral("--read-only")});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.err, QStringLiteral("quarry: error at line 1, column 1: attempt to write a readonly database\n"));
    QCOMPARE(TestFiles::read(m_path), before);
    const auto reading =
        TestFiles::runQuarry({QStringLiteral("sql"), m_path, QStringLiteral("SELECT count(*) AS n FROM comments"),
                              QStringLiteral("--read-only"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(reading.exitCode, 0);
    QCOMPARE(reading.out, QStringLiteral("n\r\n4\r\n"));
}

void TestSqlCommand::refusesBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown format") << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("--format"),
                                                   QStringLiteral("xml")}
                                    << 2 << QStringLiteral("unknown format");
    QTest::newRow("statements and -f") << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("-f"),
                                                      QStringLiteral("x.sql")}
                                       << 2 << QStringLiteral("not both");
    QTest::newRow("missing script file") << QStringList{QStringLiteral("-f"), QStringLiteral("/nonexistent/x.sql")} << 1
                                         << QStringLiteral("cannot read");
}

void TestSqlCommand::refusesBadUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const auto result = TestFiles::runQuarry(QStringList{QStringLiteral("sql"), m_path} + arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
    QCOMPARE(result.out, QString());
}

void TestSqlCommand::stopsOnInterruptAndKeepsOnlyWhatWasDone_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QByteArray>("runningAfter"); // on stdout once the endless statement is next
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("commentsAfter");
    const QString endless = QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)\n"
                                           "INSERT INTO numbers SELECT x FROM c;\n");
    QTest::newRow("autocommit") << QStringLiteral("CREATE TABLE numbers (n INTEGER);\n"
                                                  "DELETE FROM comments WHERE id = 1;\n") +
                                       endless
                                << QByteArray("1 row affected.")
                                << QStringLiteral("quarry: cancelled at line 3, column 1: the statement there was "
                                                  "stopped and undone; those before it are kept\n")
                                << 3;
    QTest::newRow("transaction") << QStringLiteral("CREATE TABLE numbers (n INTEGER);\n"
                                                   "BEGIN;\n"
                                                   "DELETE FROM comments;\n") +
                                        endless
                                 << QByteArray("4 rows affected.")
                                 << QStringLiteral(
                                        "quarry: cancelled at line 4, column 1: the open transaction was rolled back\n")
                                 << 4;
}

void TestSqlCommand::stopsOnInterruptAndKeepsOnlyWhatWasDone()
{
#ifndef Q_OS_UNIX
    QSKIP("Sends SIGINT, which only POSIX systems have.");
#else
    QFETCH(QString, script);
    QFETCH(QByteArray, runningAfter);
    QFETCH(QString, message);
    QFETCH(int, commentsAfter);
    QProcess process;
    process.start(QProcessEnvironment::systemEnvironment().value(QStringLiteral("QUARRY_BINARY")),
                  {QStringLiteral("sql"), m_path, script});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    const QDeadlineTimer deadline(60000);
    while (!out.contains(runningAfter) && process.state() == QProcess::Running && !deadline.hasExpired()) {
        process.waitForReadyRead(500);
        out += process.readAllStandardOutput();
    }
    QVERIFY2(out.contains(runningAfter), out.constData());
    QTest::qWait(200); // well into the endless INSERT; a signal before it stops the script all the same
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(QString::fromUtf8(process.readAllStandardError()), message);

    // The file was closed cleanly: no journal waits for the next reader to roll it back.
    QCOMPARE(QDir(m_dir.path()).entryList({QFileInfo(m_path).fileName() + u'*'}, QDir::Files),
             QStringList{QFileInfo(m_path).fileName()});
    const auto after = TestFiles::runQuarry({QStringLiteral("sql"), m_path,
                                             QStringLiteral("SELECT (SELECT count(*) FROM comments) AS comments, "
                                                            "(SELECT count(*) FROM numbers) AS numbers"),
                                             QStringLiteral("--format=csv")});
    QCOMPARE(after.err, QString());
    QCOMPARE(after.out, QStringLiteral("comments,numbers\r\n%1,0\r\n").arg(commentsAfter));
#endif
}

QTEST_GUILESS_MAIN(TestSqlCommand)
#include "tst_sqlcommand.moc"
