#include "TestFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using quarry::test::TestFiles;

// The real `quarry` binary's init, migrate and check subcommands, run as processes.
class TestFoundationCli : public QObject {
    Q_OBJECT

private slots:
    void initCreatesTheDemoAndCheckReportsItAsJson();
    void initRefusesToOverwrite();
    void migratePrintsEachStepAndTheBackup();
    void checkReportsForeignKeyViolations();
    void checkCountsTablesWhoseNamesNeedQuoting();
    void errorsAreOneLineWithStatus_data();
    void errorsAreOneLineWithStatus();
    void versionAndHelpNeedNoDisplay();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestFoundationCli::initCreatesTheDemoAndCheckReportsItAsJson()
{
    const QString file = path(QStringLiteral("x.db"));
    auto init = TestFiles::runQuarry({QStringLiteral("init"), file, QStringLiteral("--demo")});
    QCOMPARE(init.exitCode, 0);
    QVERIFY(init.err.isEmpty());
    auto check =
        TestFiles::runQuarry({QStringLiteral("check"), file, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(check.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(check.out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("schema_version")).toInt(), 3);
    const QJsonObject tables = report.value(QStringLiteral("tables")).toObject();
    QCOMPARE(tables.value(QStringLiteral("users")).toInt(), 3);
    QCOMPARE(tables.value(QStringLiteral("posts")).toInt(), 4);
    QCOMPARE(tables.value(QStringLiteral("comments")).toInt(), 4);
    QCOMPARE(report.value(QStringLiteral("integrity")).toString(), QStringLiteral("ok"));
    QVERIFY(report.value(QStringLiteral("foreign_key_violations")).toArray().isEmpty());
}

void TestFoundationCli::initRefusesToOverwrite()
{
    const QString file = path(QStringLiteral("keep.db"));
    QVERIFY(TestFiles::write(file, QByteArray("precious")));
    auto init = TestFiles::runQuarry({QStringLiteral("init"), file});
    QCOMPARE(init.exitCode, 1);
    QVERIFY(init.err.contains(QStringLiteral("already exists")));
    QCOMPARE(TestFiles::read(file), QByteArray("precious"));
}

void TestFoundationCli::migratePrintsEachStepAndTheBackup()
{
    const QString file = path(QStringLiteral("m.db"));
    QCOMPARE(TestFiles::runQuarry({QStringLiteral("init"), file, QStringLiteral("--demo")}).exitCode, 0);
    auto down = TestFiles::runQuarry({QStringLiteral("migrate"), file, QStringLiteral("--to"), QStringLiteral("1")});
    QCOMPARE(down.exitCode, 0);
    QVERIFY2(down.out.contains(QStringLiteral("v3 -> v2")) && down.out.contains(QStringLiteral("v2 -> v1")),
             qPrintable(down.out));
    QVERIFY(down.out.contains(QStringLiteral("Backup written to")));
    auto dry = TestFiles::runQuarry({QStringLiteral("migrate"), file, QStringLiteral("--dry-run")});
    QCOMPARE(dry.exitCode, 0);
    QVERIFY(dry.out.contains(QStringLiteral("would migrate v1 -> v2")));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")), QStringLiteral("1"));
    auto up = TestFiles::runQuarry({QStringLiteral("migrate"), file});
    QCOMPARE(up.exitCode, 0);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")), QStringLiteral("3"));
}

void TestFoundationCli::checkReportsForeignKeyViolations()
{
    const QString file = path(QStringLiteral("orphans.db"));
    QCOMPARE(TestFiles::runQuarry({QStringLiteral("init"), file, QStringLiteral("--demo")}).exitCode, 0);
    // Written with foreign keys off, as the lesson's own code does.
    QVERIFY(
        TestFiles::execSql(file, QStringLiteral("INSERT INTO posts (title, content, author_id) VALUES ('Test Post', "
                                                "'Content', 999)")));
    auto check =
        TestFiles::runQuarry({QStringLiteral("check"), file, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(check.exitCode, 1);
    const QJsonArray violations =
        QJsonDocument::fromJson(check.out.toUtf8()).object().value(QStringLiteral("foreign_key_violations")).toArray();
    QCOMPARE(violations.size(), 1);
    const QJsonObject v = violations.first().toObject();
    QCOMPARE(v.value(QStringLiteral("table")).toString(), QStringLiteral("posts"));
    QCOMPARE(v.value(QStringLiteral("rowid")).toInt(), 5);
    QCOMPARE(v.value(QStringLiteral("parent")).toString(), QStringLiteral("users"));
    auto text = TestFiles::runQuarry({QStringLiteral("check"), file});
    QVERIFY(text.out.contains(QStringLiteral("posts row 5 refers to a missing row of users")));
}

void TestFoundationCli::checkCountsTablesWhoseNamesNeedQuoting()
{
    const QString file = path(QStringLiteral("odd-names.db"));
    QCOMPARE(TestFiles::runQuarry({QStringLiteral("init"), file}).exitCode, 0);
    // Names any SQLite file may hold, each to be quoted whole: a dot, quotes, a space, a keyword.
    QVERIFY(TestFiles::execSql(file, QStringLiteral(R"sql(
        CREATE TABLE "a.b" (x); INSERT INTO "a.b" VALUES (1), (2);
        CREATE TABLE """q""" (x); INSERT INTO """q""" VALUES (1);
        CREATE TABLE "my table" (x); INSERT INTO "my table" VALUES (1), (2), (3);
        CREATE TABLE "select" (x);
    )sql")));
    auto check =
        TestFiles::runQuarry({QStringLiteral("check"), file, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
    const QJsonObject tables =
        QJsonDocument::fromJson(check.out.toUtf8()).object().value(QStringLiteral("tables")).toObject();
    QCOMPARE(tables.value(QStringLiteral("a.b")).toInt(-1), 2);
    QCOMPARE(tables.value(QStringLiteral("\"q\"")).toInt(-1), 1);
    QCOMPARE(tables.value(QStringLiteral("my table")).toInt(-1), 3);
    QCOMPARE(tables.value(QStringLiteral("select")).toInt(-1), 0);
}

void TestFoundationCli::errorsAreOneLineWithStatus_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringList{QStringLiteral("check"), QStringLiteral("nope.db")} << 1
                                  << QStringLiteral("no such file");
    QTest::newRow("no file") << QStringList{QStringLiteral("check")} << 2 << QStringLiteral("missing argument");
    QTest::newRow("bad option") << QStringList{QStringLiteral("init"), QStringLiteral("--bogus"),
                                               QStringLiteral("a.db")}
                                << 2 << QStringLiteral("bogus");
    QTest::newRow("bad format") << QStringList{QStringLiteral("check"), QStringLiteral("a.db"),
                                               QStringLiteral("--format"), QStringLiteral("xml")}
                                << 2 << QStringLiteral("xml");
    QTest::newRow("bad version") << QStringList{QStringLiteral("migrate"), QStringLiteral("a.db"),
                                                QStringLiteral("--to"), QStringLiteral("x")}
                                 << 2 << QStringLiteral("whole number");
}

void TestFoundationCli::errorsAreOneLineWithStatus()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, message);
    auto result = TestFiles::runQuarry(arguments);
    QCOMPARE(result.exitCode, status);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
    QVERIFY(result.err.startsWith(QStringLiteral("quarry: ")));
}

void TestFoundationCli::versionAndHelpNeedNoDisplay()
{
    qputenv("QT_QPA_PLATFORM", "no-such-platform");
    auto version = TestFiles::runQuarry({QStringLiteral("--version")});
    auto help = TestFiles::runQuarry({QStringLiteral("--help")});
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QStringLiteral("quarry ") + QStringLiteral(QUARRY_VERSION));
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("quarry migrate FILE")));
}

QTEST_GUILESS_MAIN(TestFoundationCli)
#include "tst_foundationcli.moc"
