#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "query/QueryExecutor.h"
#include "query/RowSink.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace quarry;
using quarry::test::TestFiles;

namespace {

// Collects rows as "type:value" text, exactly as SQLite returned them.
class CollectingSink : public RowSink {
public:
    QStringList columns;
    QStringList rows;
    Status begin(const QStringList& names) override
    {
        columns = names;
        return {};
    }
    Status addRow(sqlite3_stmt* statement) override
    {
        static const char* const kTypes[] = {"?", "integer", "real", "text", "blob", "null"};
        QStringList cells;
        for (int i = 0; i < sqlite3_column_count(statement); ++i) {
            const int type = sqlite3_column_type(statement, i); // before column_text() converts the value
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
            cells << QString::fromLatin1(kTypes[type]) + u':' + QString::fromUtf8(text ? text : "");
        }
        rows << cells.join(u'|');
        return {};
    }
    Status end() override { return {}; }
};

} // namespace

class TestQueryExecutor : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pointsAtTheErrorInTheScript_data();
    void pointsAtTheErrorInTheScript();
    void bindsEveryTypeAndNull_data();
    void bindsEveryTypeAndNull();
    void listsParametersOfEveryStyle_data();
    void listsParametersOfEveryStyle();
    void runsATriggerWithTwoStatements();
    void countsAffectedRowsAndReadsReturning();
    void explainsFullScansAndIndexSearches();
    void tellsWritingFromReadingStatements_data();
    void tellsWritingFromReadingStatements();

private:
    QTemporaryDir m_dir;
    QString m_path;
    sqlite3* m_db = nullptr;
};

void TestQueryExecutor::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("blog-%1.db").arg(QLatin1String(QTest::currentTestFunction())));
    QFile::remove(m_path);
    QVERIFY(DemoDatabase::create(m_path, true));
    QCOMPARE(sqlite3_open_v2(m_path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    sqlite3_exec(m_db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
}

void TestQueryExecutor::cleanup()
{
    sqlite3_close(m_db);
    m_db = nullptr;
}

void TestQueryExecutor::pointsAtTheErrorInTheScript_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("statement");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("no such column") << QStringLiteral("SELECT 1;\nSELECT id,\n       nmae FROM users;") << 1 << 3 << 8
                                    << QStringLiteral("no such column: nmae");
    // SQLite 3.40 gives no offset for a missing table: the statement's first token stands in.
    QTest::newRow("no such table") << QStringLiteral("  SELECT * FROM userz") << 0 << 1 << 3
                                   << QStringLiteral("no such table: userz");
    QTest::newRow("syntax error") << QStringLiteral("SELECT 1;\n\nSELEC 2;") << 1 << 3 << 1
                                  << QStringLiteral("near \"SELEC\": syntax error");
    QTest::newRow("after non-ascii text") << QStringLiteral("SELECT '\u00e9\u00e9\U0001F600', nope FROM users") << 0
                                          << 1 << 16 << QStringLiteral("no such column: nope");
    QTest::newRow("after a leading comment") << QStringLiteral("-- first\n/* second */ SELECT bad FROM users") << 0 << 2
                                             << 21 << QStringLiteral("no such column: bad");
    QTest::newRow("runtime constraint points at the statement")
        << QStringLiteral("SELECT 1;\n  INSERT INTO users (username, email) VALUES ('alice', 'x@y.z');") << 1 << 2 << 3
        << QStringLiteral("UNIQUE constraint failed: users.username");
    QTest::newRow("foreign key failure") << QStringLiteral(
                                                "INSERT INTO posts (title, content, author_id) VALUES ('t', 'c', 999)")
                                         << 0 << 1 << 1 << QStringLiteral("FOREIGN KEY constraint failed");
}

void TestQueryExecutor::pointsAtTheErrorInTheScript()
{
    QFETCH(QString, script);
    QFETCH(int, statement);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const QueryExecutor executor(m_db, script);
    std::optional<QueryError> error;
    int failed = -1;
    for (int i = 0; i < executor.statements().size() && !error; ++i) {
        Statement prepared;
        error = executor.prepare(i, prepared);
        if (!error) {
            const StatementOutcome outcome = executor.execute(i, prepared, nullptr);
            error = outcome.error;
        }
        failed = i;
    }
    QVERIFY(error.has_value());
    QCOMPARE(failed, statement);
    QCOMPARE(error->statement, statement);
    QCOMPARE(error->message, message);
    QCOMPARE(error->line, line);
    QCOMPARE(error->column, column);
    QVERIFY(!error->cancelled);
    QCOMPARE(StatementSplitter::positionOf(script, error->position).line, line);
}

void TestQueryExecutor::bindsEveryTypeAndNull_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("stored");
    QTest::newRow("text") << QVariant(QStringLiteral("O'Brien; DROP TABLE users"))
                          << QStringLiteral("text:O'Brien; DROP TABLE users");
    QTest::newRow("integer") << QVariant(qlonglong(9007199254740993LL)) << QStringLiteral("integer:9007199254740993");
    QTest::newRow("real") << QVariant(2.5) << QStringLiteral("real:2.5");
    QTest::newRow("null") << QVariant() << QStringLiteral("null:");
    QTest::newRow("blob") << QVariant(QByteArray("a\0b", 3)) << QStringLiteral("blob:a");
    QTest::newRow("non-ascii text") << QVariant(QStringLiteral("caf\u00e9 \U0001F600"))
                                    << QStringLiteral("text:caf\u00e9 \U0001F600");
}

void TestQueryExecutor::bindsEveryTypeAndNull()
{
    QFETCH(QVariant, value);
    QFETCH(QString, stored);
    const QueryExecutor executor(m_db,
                                 QStringLiteral("CREATE TABLE v (x); INSERT INTO v VALUES (:value); SELECT x FROM v"));
    CollectingSink sink;
    for (int i = 0; i < 3; ++i) {
        Statement prepared;
        QVERIFY(!executor.prepare(i, prepared));
        const QList<QueryParameter> parameters = prepared.parameters();
        QCOMPARE(parameters.size(), i == 1 ? 1 : 0);
        QVERIFY(!executor.bind(i, prepared, parameters, {value}));
        const StatementOutcome outcome = executor.execute(i, prepared, &sink);
        QVERIFY2(outcome.succeeded(), qPrintable(outcome.summary()));
    }
    QCOMPARE(sink.rows, QStringList{stored});
    // The value was bound, not pasted: the table it names is still there.
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("SELECT count(*) FROM users")), QStringLiteral("3"));
}

void TestQueryExecutor::listsParametersOfEveryStyle_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<bool>>("named");
    QTest::newRow("bare") << QStringLiteral("SELECT ?, ?") << QStringList{QStringLiteral("?1"), QStringLiteral("?2")}
                          << QList<bool>{false, false};
    QTest::newRow("numbered with a gap") << QStringLiteral("SELECT ?3, ?1")
                                         << QStringList{QStringLiteral("?1"), QStringLiteral("?3")}
                                         << QList<bool>{false, false};
    QTest::newRow("named styles") << QStringLiteral("SELECT :a, @b, $c, :a")
                                  << QStringList{QStringLiteral(":a"), QStringLiteral("@b"), QStringLiteral("$c")}
                                  << QList<bool>{true, true, true};
    QTest::newRow("inside strings are not parameters")
        << QStringLiteral("SELECT ':a', '?'") << QStringList{} << QList<bool>{};
}

void TestQueryExecutor::listsParametersOfEveryStyle()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, names);
    QFETCH(QList<bool>, named);
    const QueryExecutor executor(m_db, sql);
    Statement prepared;
    QVERIFY(!executor.prepare(0, prepared));
    QStringList actualNames;
    QList<bool> actualNamed;
    for (const QueryParameter& parameter : prepared.parameters()) {
        actualNames << parameter.name;
        actualNamed << parameter.isNamed();
    }
    QCOMPARE(actualNames, names);
    QCOMPARE(actualNamed, named);
}

void TestQueryExecutor::runsATriggerWithTwoStatements()
{
    const QString script = QStringLiteral("CREATE TABLE audit (what TEXT);\n"
                                          "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN\n"
                                          "  INSERT INTO audit VALUES ('added; ' || new.username);\n"
                                          "  UPDATE audit SET what = upper(what) WHERE what LIKE '%;%';\n"
                                          "END;\n"
                                          "INSERT INTO users (username, email) VALUES ('dora', 'dora@example.com');\n"
                                          "SELECT what FROM audit;");
    const QueryExecutor executor(m_db, script);
    QCOMPARE(executor.statements().size(), 4);
    CollectingSink sink;
    for (int i = 0; i < executor.statements().size(); ++i) {
        Statement prepared;
        QVERIFY(!executor.prepare(i, prepared));
        QVERIFY(executor.execute(i, prepared, &sink).succeeded());
    }
    QCOMPARE(sink.rows, QStringList{QStringLiteral("text:ADDED; DORA")});
}

void TestQueryExecutor::countsAffectedRowsAndReadsReturning()
{
    const QueryExecutor executor(m_db, QStringLiteral("UPDATE users SET last_name = 'X' WHERE id < 3;"
                                                      "CREATE TABLE t (a);"
                                                      "DELETE FROM comments RETURNING id;"
                                                      "SELECT * FROM users WHERE 0"));
    QList<StatementOutcome> outcomes;
    CollectingSink sink;
    for (int i = 0; i < executor.statements().size(); ++i) {
        Statement prepared;
        QVERIFY(!executor.prepare(i, prepared));
        outcomes << executor.execute(i, prepared, &sink);
    }
    QCOMPARE(outcomes.at(0).summary(), QStringLiteral("2 rows affected"));
    QCOMPARE(outcomes.at(1).summary(), QStringLiteral("Statement executed"));
    QCOMPARE(outcomes.at(2).rowCount, 4);
    QCOMPARE(outcomes.at(2).changes, 4);
    QCOMPARE(outcomes.at(3).rowCount, 0);
    QCOMPARE(sink.columns.size(), 6); // an empty SELECT still has its columns
}

void TestQueryExecutor::explainsFullScansAndIndexSearches()
{
    const QueryExecutor executor(m_db, QStringLiteral("SELECT * FROM posts WHERE author_id = 1;\n"
                                                      "SELECT * FROM posts WHERE content LIKE '%a%';\n"
                                                      "SELECT nope FROM posts"));
    const QueryExecutor::Plan search = executor.explain(0);
    QVERIFY(!search.error);
    QCOMPARE(search.nodes.size(), 1);
    QVERIFY2(search.nodes.front().isIndexSearch(), qPrintable(search.nodes.front().detail));
    QVERIFY(search.nodes.front().detail.contains(QStringLiteral("ix_posts_author_id")));
    const QueryExecutor::Plan scan = executor.explain(1);
    QVERIFY(!scan.error);
    QVERIFY2(scan.nodes.front().isFullScan(), qPrintable(scan.nodes.front().detail));
    // An error in the explained statement points into the statement, not into the EXPLAIN prefix.
    const QueryExecutor::Plan failed = executor.explain(2);
    QVERIFY(failed.error);
    QCOMPARE(failed.error->line, 3);
    QCOMPARE(failed.error->column, 8);
    // Nothing ran.
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("SELECT count(*) FROM posts")), QStringLiteral("4"));
}

void TestQueryExecutor::tellsWritingFromReadingStatements_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("select") << QStringLiteral("SELECT * FROM users") << true;
    QTest::newRow("begin") << QStringLiteral("BEGIN") << true;
    QTest::newRow("insert") << QStringLiteral("INSERT INTO users (username, email) VALUES ('x', 'y')") << false;
    QTest::newRow("create") << QStringLiteral("CREATE TABLE z (a)") << false;
    QTest::newRow("delete") << QStringLiteral("DELETE FROM comments WHERE id = 1") << false;
}

void TestQueryExecutor::tellsWritingFromReadingStatements()
{
    QFETCH(QString, sql);
    QFETCH(bool, readOnly);
    const QueryExecutor executor(m_db, sql);
    Statement prepared;
    QVERIFY(!executor.prepare(0, prepared));
    QCOMPARE(prepared.isReadOnly(), readOnly);
}

QTEST_GUILESS_MAIN(TestQueryExecutor)
#include "tst_queryexecutor.moc"
