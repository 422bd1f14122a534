#include "database/StatementSplitter.h"

#include <QTest>

using namespace quarry;

class TestStatementSplitter : public QObject {
    Q_OBJECT

private slots:
    void splitsWhereSqliteSeesCompleteStatements_data();
    void splitsWhereSqliteSeesCompleteStatements();
    void reportsWhereEachStatementStarts_data();
    void reportsWhereEachStatementStarts();
    void findsTheStatementUnderTheCursor_data();
    void findsTheStatementUnderTheCursor();
    void mapsSqliteByteOffsetsToCharacters_data();
    void mapsSqliteByteOffsetsToCharacters();
    void splitsLargeScriptsInLinearTime();
};

void TestStatementSplitter::splitsWhereSqliteSeesCompleteStatements_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");

    QTest::newRow("two simple") << QStringLiteral("SELECT 1; SELECT 2;")
                                << QStringList{QStringLiteral("SELECT 1;"), QStringLiteral("SELECT 2;")};
    QTest::newRow("last without semicolon") << QStringLiteral("SELECT 1;\nSELECT 2")
                                            << QStringList{QStringLiteral("SELECT 1;"), QStringLiteral("SELECT 2")};
    QTest::newRow("semicolon in string") << QStringLiteral("INSERT INTO t VALUES ('a;b'); SELECT ';'")
                                         << QStringList{QStringLiteral("INSERT INTO t VALUES ('a;b');"),
                                                        QStringLiteral("SELECT ';'")};
    QTest::newRow("doubled quote in string")
        << QStringLiteral("SELECT 'it''s; fine'; SELECT 2;")
        << QStringList{QStringLiteral("SELECT 'it''s; fine';"), QStringLiteral("SELECT 2;")};
    QTest::newRow("semicolon in quoted name")
        << QStringLiteral("SELECT \"a;b\", [c;d], `e;f` FROM t; SELECT 2;")
        << QStringList{QStringLiteral("SELECT \"a;b\", [c;d], `e;f` FROM t;"), QStringLiteral("SELECT 2;")};
    QTest::newRow("semicolon in line comment")
        << QStringLiteral("SELECT 1 -- not; the end\n;\nSELECT 2;")
        << QStringList{QStringLiteral("SELECT 1 -- not; the end\n;"), QStringLiteral("SELECT 2;")};
    QTest::newRow("semicolon in block comment")
        << QStringLiteral("SELECT /* a; b */ 1; SELECT 2;")
        << QStringList{QStringLiteral("SELECT /* a; b */ 1;"), QStringLiteral("SELECT 2;")};
    const QString trigger = QStringLiteral("CREATE TRIGGER log_user AFTER INSERT ON users BEGIN\n"
                                           "  INSERT INTO log VALUES (new.id);\n"
                                           "  UPDATE counts SET n = n + 1;\n"
                                           "END;");
    QTest::newRow("trigger with two statements")
        << QStringLiteral("CREATE TABLE log (id);\n") + trigger + QStringLiteral("\nINSERT INTO users DEFAULT VALUES;")
        << QStringList{QStringLiteral("CREATE TABLE log (id);"), trigger,
                       QStringLiteral("INSERT INTO users DEFAULT VALUES;")};
    QTest::newRow("trigger with case and strings")
        << QStringLiteral("CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT CASE WHEN old.x = ';' THEN RAISE(ABORT, "
                          "'no; way') END; END; SELECT 1;")
        << QStringList{QStringLiteral("CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT CASE WHEN old.x = ';' THEN "
                                      "RAISE(ABORT, 'no; way') END; END;"),
                       QStringLiteral("SELECT 1;")};
    QTest::newRow("recursive cte")
        << QStringLiteral(
               "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c; SELECT 2")
        << QStringList{
               QStringLiteral(
                   "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c;"),
               QStringLiteral("SELECT 2")};
    QTest::newRow("empty statements and comments only")
        << QStringLiteral(";;  -- nothing\n/* nothing */ ;") << QStringList{};
    QTest::newRow("trailing comment is dropped")
        << QStringLiteral("SELECT 1; -- done") << QStringList{QStringLiteral("SELECT 1;")};
    QTest::newRow("leading comment is kept") << QStringLiteral("-- the users\nSELECT * FROM users;")
                                             << QStringList{QStringLiteral("-- the users\nSELECT * FROM users;")};
    QTest::newRow("unterminated string runs to the end")
        << QStringLiteral("SELECT 1; SELECT 'abc; def")
        << QStringList{QStringLiteral("SELECT 1;"), QStringLiteral("SELECT 'abc; def")};
    QTest::newRow("non-ascii text") << QStringLiteral("SELECT 'caf\u00e9;\U0001F600'; SELECT 2;")
                                    << QStringList{QStringLiteral("SELECT 'caf\u00e9;\U0001F600';"),
                                                   QStringLiteral("SELECT 2;")};
}

void TestStatementSplitter::splitsWhereSqliteSeesCompleteStatements()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QStringList actual;
    for (const ScriptStatement& statement : StatementSplitter::split(script)) {
        actual << statement.sql;
        // Each statement's text is exactly the script's text at its offset.
        QCOMPARE(script.mid(statement.offset, statement.sql.size()), statement.sql);
    }
    QCOMPARE(actual, statements);
}

void TestStatementSplitter::reportsWhereEachStatementStarts_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QList<int>>("columns");
    QTest::newRow("same line") << QStringLiteral("SELECT 1;   SELECT 2;") << QList<int>{1, 1} << QList<int>{1, 13};
    QTest::newRow("lines") << QStringLiteral("SELECT 1;\n\n  SELECT 2;\nSELECT 3;") << QList<int>{1, 3, 4}
                           << QList<int>{1, 3, 1};
    QTest::newRow("comment before") << QStringLiteral("SELECT 1;\n-- note\n  SELECT 2;") << QList<int>{1, 3}
                                    << QList<int>{1, 3};
}

void TestStatementSplitter::reportsWhereEachStatementStarts()
{
    QFETCH(QString, script);
    QFETCH(QList<int>, lines);
    QFETCH(QList<int>, columns);
    const QList<ScriptStatement> statements = StatementSplitter::split(script);
    QCOMPARE(statements.size(), lines.size());
    for (qsizetype i = 0; i < statements.size(); ++i) {
        QCOMPARE(statements.at(i).line, lines.at(i));
        QCOMPARE(statements.at(i).column, columns.at(i));
    }
}

void TestStatementSplitter::findsTheStatementUnderTheCursor_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("expected");
    const QString script = QStringLiteral("SELECT 1;\nSELECT 2;\n\nSELECT 3");
    QTest::newRow("inside the first") << script << 3 << QStringLiteral("SELECT 1;");
    QTest::newRow("just after a semicolon") << script << 9 << QStringLiteral("SELECT 1;");
    QTest::newRow("start of the second") << script << 10 << QStringLiteral("SELECT 2;");
    QTest::newRow("blank line after the second") << script << 20 << QStringLiteral("SELECT 2;");
    QTest::newRow("end of text") << script << int(script.size()) << QStringLiteral("SELECT 3");
    QTest::newRow("before the first") << QStringLiteral("\n\n  SELECT 1;") << 0 << QStringLiteral("SELECT 1;");
    QTest::newRow("inside a trigger body")
        << QStringLiteral("SELECT 0; CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END; SELECT 9;") << 55
        << QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END;");
}

void TestStatementSplitter::findsTheStatementUnderTheCursor()
{
    QFETCH(QString, script);
    QFETCH(int, position);
    QFETCH(QString, expected);
    const auto statement = StatementSplitter::statementAt(script, position);
    QVERIFY(statement.has_value());
    QCOMPARE(statement->sql, expected);
    QVERIFY(!StatementSplitter::statementAt(QStringLiteral("  -- nothing\n"), 3).has_value());
}

void TestStatementSplitter::mapsSqliteByteOffsetsToCharacters_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("byteOffset");
    QTest::addColumn<int>("characterOffset");
    QTest::newRow("ascii") << QStringLiteral("SELECT x") << 7 << 7;
    QTest::newRow("two-byte letters") << QStringLiteral("SELECT '\u00e9\u00e9', x") << 14 << 12;
    QTest::newRow("surrogate pair") << QStringLiteral("SELECT '\U0001F600', x") << 15 << 13;
    QTest::newRow("start") << QStringLiteral("SELECT") << 0 << 0;
}

void TestStatementSplitter::mapsSqliteByteOffsetsToCharacters()
{
    QFETCH(QString, sql);
    QFETCH(int, byteOffset);
    QFETCH(int, characterOffset);
    QCOMPARE(StatementSplitter::characterOffset(sql, byteOffset), characterOffset);
    QCOMPARE(sql.at(characterOffset), QLatin1Char(sql.toUtf8().at(byteOffset)));
}

void TestStatementSplitter::splitsLargeScriptsInLinearTime()
{
    // 50,000 single-line statements: a quadratic line count would take minutes.
    QString script;
    const int count = 50000;
    for (int i = 0; i < count; ++i)
        script += QStringLiteral("INSERT INTO t VALUES (%1, 'row; %1');\n").arg(i);
    QElapsedTimer timer;
    timer.start();
    const QList<ScriptStatement> statements = StatementSplitter::split(script);
    QCOMPARE(statements.size(), count);
    QCOMPARE(statements.last().line, count);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestStatementSplitter)
#include "tst_statementsplitter.moc"
