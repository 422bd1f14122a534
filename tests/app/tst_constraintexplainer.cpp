#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "database/Connection.h"
#include "database/SqlError.h"
#include "write/ConstraintExplainer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::TestFiles;

Q_DECLARE_METATYPE(quarry::Change)

class TestConstraintExplainer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void explainsSqliteErrorsInWords_data();
    void explainsSqliteErrorsInWords();
    void keepsSqlitesCodeAndText();
    void otherErrorsKeepSqlitesOwnWords();
    void findsTheBrokenReferenceAfterTheFact();

private:
    // Runs `sql` (which must fail) and returns SQLite's error as an Error.
    Error failureOf(const QString& sql);

    QTemporaryDir m_dir;
    QString m_template; // the demo database, made once and copied for each test
    QString m_file;
    std::unique_ptr<Connection> m_connection;
};

namespace {

const QString kSchema = QStringLiteral(
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id), total REAL);"
    "CREATE TABLE pairs (a INTEGER, b TEXT, note TEXT, UNIQUE (a, b));"
    "CREATE TABLE items (sku TEXT PRIMARY KEY, price REAL CONSTRAINT positive_price CHECK (price > 0), "
    "qty INTEGER CHECK (qty >= 0)) WITHOUT ROWID;"
    "CREATE TABLE lines (order_id INTEGER, n INTEGER, sku TEXT, PRIMARY KEY (order_id, n), "
    "FOREIGN KEY (sku) REFERENCES items (sku));"
    "CREATE TABLE guarded (id INTEGER PRIMARY KEY, v TEXT);"
    "CREATE TRIGGER guard BEFORE DELETE ON guarded BEGIN SELECT RAISE(ABORT, 'guarded rows stay'); END;"
    "INSERT INTO customers VALUES (1, 'acme'), (2, 'globex');"
    "INSERT INTO orders VALUES (1, 1, 10), (2, 1, 20), (3, 2, 5);"
    "INSERT INTO pairs VALUES (1, 'x', NULL);"
    "INSERT INTO items VALUES ('A1', 2.5, 1);"
    "INSERT INTO guarded VALUES (1, 'keep');");

QVariantMap map(std::initializer_list<std::pair<QString, QVariant>> entries)
{
    QVariantMap result;
    for (const auto& [name, value] : entries)
        result.insert(name, value);
    return result;
}

} // namespace

void TestConstraintExplainer::initTestCase()
{
    m_template = m_dir.filePath(QStringLiteral("template.db"));
    QVERIFY(DemoDatabase::create(m_template, true));
    QString error;
    QVERIFY2(TestFiles::execSql(m_template, kSchema, &error), qPrintable(error));
}

void TestConstraintExplainer::init()
{
    m_file = m_dir.filePath(QStringLiteral("%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_file);
    QVERIFY(QFile::copy(m_template, m_file));
    auto connection = Connection::open(m_file);
    QVERIFY(connection);
    m_connection = std::move(*connection);
}

void TestConstraintExplainer::cleanup()
{
    m_connection.reset();
}

Error TestConstraintExplainer::failureOf(const QString& sql)
{
    QSqlQuery query(m_connection->database());
    if (query.exec(sql))
        return Error::make(Error::Kind::Usage, QStringLiteral("the statement did not fail: ") + sql);
    return sqlError(query.lastError(), {});
}

void TestConstraintExplainer::explainsSqliteErrorsInWords_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<Change>("change");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("message");

    const QString users = QStringLiteral("users");
    QTest::newRow("new user, taken username")
        << QStringLiteral("INSERT INTO users (username, email) VALUES ('bob', 'b2@example.com')")
        << Change::insert(users, map({{QStringLiteral("username"), QStringLiteral("bob")},
                                      {QStringLiteral("email"), QStringLiteral("b2@example.com")}}))
        << sqlite_code::ConstraintUnique << QStringLiteral("username")
        << QStringLiteral("Cannot add the new user: username 'bob' is already taken.");
    QTest::newRow("user renamed to a taken name")
        << QStringLiteral("UPDATE users SET username = 'charlie' WHERE id = 1")
        << Change::update(users, map({{QStringLiteral("id"), 1}}),
                          map({{QStringLiteral("username"), QStringLiteral("charlie")}}))
        << sqlite_code::ConstraintUnique << QStringLiteral("username")
        << QStringLiteral("Cannot save user 1: username 'charlie' is already taken.");
    QTest::newRow("user added with an existing id")
        << QStringLiteral("INSERT INTO users (id, username, email) VALUES (2, 'zed', 'z@example.com')")
        << Change::insert(users,
                          map({{QStringLiteral("username"), QStringLiteral("zed")},
                               {QStringLiteral("email"), QStringLiteral("z@example.com")}}),
                          map({{QStringLiteral("id"), 2}}))
        << sqlite_code::ConstraintPrimaryKey << QStringLiteral("id") << QStringLiteral("User 2 already exists.");
    QTest::newRow("post without a title")
        << QStringLiteral("INSERT INTO posts (title, content, author_id) VALUES (NULL, 'x', 1)")
        << Change::insert(QStringLiteral("posts"), map({{QStringLiteral("title"), QVariant()},
                                                        {QStringLiteral("content"), QStringLiteral("x")},
                                                        {QStringLiteral("author_id"), 1}}))
        << sqlite_code::ConstraintNotNull << QStringLiteral("title")
        << QStringLiteral("Cannot add the new post: title must not be empty.");
    QTest::newRow("post 12's author")
        << QStringLiteral("INSERT INTO posts (id, title, content, author_id) VALUES (12, 't', 'c', 999)")
        << Change::insert(QStringLiteral("posts"),
                          map({{QStringLiteral("title"), QStringLiteral("t")},
                               {QStringLiteral("content"), QStringLiteral("c")},
                               {QStringLiteral("author_id"), 999}}),
                          map({{QStringLiteral("id"), 12}}))
        << sqlite_code::ConstraintForeignKey << QStringLiteral("author_id")
        << QStringLiteral("Post 12's author 999 does not exist.");
    QTest::newRow("comment moved to a missing post")
        << QStringLiteral("UPDATE comments SET post_id = 50 WHERE id = 2")
        << Change::update(QStringLiteral("comments"), map({{QStringLiteral("id"), 2}}),
                          map({{QStringLiteral("post_id"), 50}}))
        << sqlite_code::ConstraintForeignKey << QStringLiteral("post_id")
        << QStringLiteral("Comment 2's post 50 does not exist.");
    QTest::newRow("order for a missing customer")
        << QStringLiteral("INSERT INTO orders (customer_id, total) VALUES (9, 1)")
        << Change::insert(QStringLiteral("orders"),
                          map({{QStringLiteral("customer_id"), 9}, {QStringLiteral("total"), 1}}))
        << sqlite_code::ConstraintForeignKey << QStringLiteral("customer_id")
        << QStringLiteral("The new row in orders: customer_id 9 has no matching row in customers.");
    QTest::newRow("customer with orders deleted")
        << QStringLiteral("DELETE FROM customers WHERE id = 1")
        << Change::remove(QStringLiteral("customers"), map({{QStringLiteral("id"), 1}}))
        << sqlite_code::ConstraintForeignKey << QString()
        << QStringLiteral("Cannot delete row 1 of customers: 2 rows of orders still refer to it.");
    QTest::newRow("customer with one order renumbered")
        << QStringLiteral("UPDATE customers SET id = 7 WHERE id = 2")
        << Change::update(QStringLiteral("customers"), map({{QStringLiteral("id"), 2}}),
                          map({{QStringLiteral("id"), 7}}))
        << sqlite_code::ConstraintForeignKey << QString()
        << QStringLiteral("Cannot save row 2 of customers: 1 row of orders still refers to it.");
    QTest::newRow("line for a missing item (text key, composite row key)")
        << QStringLiteral("INSERT INTO lines VALUES (1, 1, 'ZZ')")
        << Change::insert(QStringLiteral("lines"), map({{QStringLiteral("sku"), QStringLiteral("ZZ")}}),
                          map({{QStringLiteral("order_id"), 1}, {QStringLiteral("n"), 1}}))
        << sqlite_code::ConstraintForeignKey << QStringLiteral("sku")
        << QStringLiteral("Row (n 1, order_id 1) of lines: sku 'ZZ' has no matching row in items.");
    QTest::newRow("two-column unique")
        << QStringLiteral("INSERT INTO pairs VALUES (1, 'x', 'again')")
        << Change::insert(QStringLiteral("pairs"), map({{QStringLiteral("a"), 1},
                                                        {QStringLiteral("b"), QStringLiteral("x")},
                                                        {QStringLiteral("note"), QStringLiteral("again")}}))
        << sqlite_code::ConstraintUnique << QStringLiteral("a")
        << QStringLiteral("Cannot add the new row in pairs: the combination of a 1, b 'x' is already taken.");
    QTest::newRow("named check") << QStringLiteral("UPDATE items SET price = -1 WHERE sku = 'A1'")
                                 << Change::update(QStringLiteral("items"),
                                                   map({{QStringLiteral("sku"), QStringLiteral("A1")}}),
                                                   map({{QStringLiteral("price"), -1}}))
                                 << sqlite_code::ConstraintCheck << QString()
                                 << QStringLiteral(
                                        "Cannot save row 'A1' of items: a value breaks the rule 'positive_price'.");
    QTest::newRow("check by expression") << QStringLiteral("UPDATE items SET qty = -3 WHERE sku = 'A1'")
                                         << Change::update(QStringLiteral("items"),
                                                           map({{QStringLiteral("sku"), QStringLiteral("A1")}}),
                                                           map({{QStringLiteral("qty"), -3}}))
                                         << sqlite_code::ConstraintCheck << QStringLiteral("qty")
                                         << QStringLiteral(
                                                "Cannot save row 'A1' of items: qty -3 breaks the rule 'qty >= 0'.");
    QTest::newRow("trigger's own words") << QStringLiteral("DELETE FROM guarded WHERE id = 1")
                                         << Change::remove(QStringLiteral("guarded"), map({{QStringLiteral("id"), 1}}))
                                         << 1811 << QString()
                                         << QStringLiteral("Cannot delete row 1 of guarded: guarded rows stay.");
}

void TestConstraintExplainer::explainsSqliteErrorsInWords()
{
    QFETCH(QString, sql);
    QFETCH(Change, change);
    QFETCH(int, code);
    QFETCH(QString, column);
    QFETCH(QString, message);
    const Error raw = failureOf(sql);
    QCOMPARE(raw.sqliteCode, code);

    const ConstraintExplainer explainer(m_connection->database());
    const ChangeFailure failure = explainer.explain(raw, change);
    QCOMPARE(failure.error.message, message);
    QCOMPARE(failure.column, column);
    QCOMPARE(failure.change.table, change.table);
    QCOMPARE(failure.change.key, change.key);
}

void TestConstraintExplainer::keepsSqlitesCodeAndText()
{
    const Error raw = failureOf(QStringLiteral("INSERT INTO users (username, email) VALUES ('alice', 'a@b.cd')"));
    const ChangeFailure failure =
        ConstraintExplainer(m_connection->database())
            .explain(raw, Change::insert(QStringLiteral("users"),
                                         map({{QStringLiteral("username"), QStringLiteral("alice")},
                                              {QStringLiteral("email"), QStringLiteral("a@b.cd")}})));
    QCOMPARE(failure.error.kind, Error::Kind::Constraint);
    QCOMPARE(failure.error.sqliteCode, sqlite_code::ConstraintUnique);
    QCOMPARE(failure.error.sqliteText, QStringLiteral("UNIQUE constraint failed: users.username"));
    QCOMPARE(failure.changeIndex, -1);
}

void TestConstraintExplainer::otherErrorsKeepSqlitesOwnWords()
{
    const Error raw = failureOf(QStringLiteral("UPDATE users SET nickname = 'x' WHERE id = 1"));
    const ChangeFailure failure =
        ConstraintExplainer(m_connection->database())
            .explain(raw, Change::update(QStringLiteral("users"), map({{QStringLiteral("id"), 1}}),
                                         map({{QStringLiteral("nickname"), QStringLiteral("x")}})));
    QCOMPARE(failure.error.message, QStringLiteral("Cannot save user 1: no such column: nickname."));
    QCOMPARE(failure.error.sqliteText, raw.sqliteText);
}

void TestConstraintExplainer::findsTheBrokenReferenceAfterTheFact()
{
    QSqlQuery query(m_connection->database());
    QVERIFY(query.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")));
    QVERIFY(query.exec(QStringLiteral("BEGIN")));
    QVERIFY(query.exec(QStringLiteral("DELETE FROM customers WHERE id = 2")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO orders (id, customer_id, total) VALUES (10, 1, 3)")));
    const Error raw = failureOf(QStringLiteral("COMMIT"));
    QCOMPARE(raw.sqliteCode, sqlite_code::ConstraintForeignKey);

    const ConstraintExplainer explainer(m_connection->database());
    const Change fine = Change::insert(QStringLiteral("orders"), map({{QStringLiteral("customer_id"), 1}}),
                                       map({{QStringLiteral("id"), 10}}));
    QVERIFY(!explainer.findBrokenReference(fine, raw));
    const auto broken = explainer.findBrokenReference(
        Change::remove(QStringLiteral("customers"), map({{QStringLiteral("id"), 2}})), raw);
    QVERIFY(broken);
    QCOMPARE(broken->error.message,
             QStringLiteral("Cannot delete row 2 of customers: 1 row of orders still refers to it."));
    QCOMPARE(broken->error.sqliteCode, sqlite_code::ConstraintForeignKey);
    QVERIFY(query.exec(QStringLiteral("ROLLBACK")));
}

QTEST_GUILESS_MAIN(TestConstraintExplainer)
#include "tst_constraintexplainer.moc"
