#include "blog/DemoDatabase.h"
#include "blog/FullName.h"
#include "blog/User.h"
#include "database/Connection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;

class TestFullName : public QObject {
    Q_OBJECT

private slots:
    void joinsNamesElseFallsBackToTheUsername_data();
    void joinsNamesElseFallsBackToTheUsername();
    void sqlExpressionAgreesWithCpp_data();
    void sqlExpressionAgreesWithCpp();
    void qualifiedExpressionWorksInAJoin();
    void lessonUsersWithoutNamesShowTheirUsername();

private:
    QTemporaryDir m_dir;
    int m_case = 0;
};

namespace {

// NULL is a null QString; '' an empty, non-null one.
const QString kNull;
const QString kEmpty = QStringLiteral("");

void addCases()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("expected");

    const QString john = QStringLiteral("John");
    const QString doe = QStringLiteral("Doe");
    const QString user = QStringLiteral("john_doe");
    QTest::newRow("both") << john << doe << user << QStringLiteral("John Doe");
    QTest::newRow("first only, last NULL") << john << kNull << user << john;
    QTest::newRow("first only, last empty") << john << kEmpty << user << john;
    QTest::newRow("last only, first NULL") << kNull << doe << user << doe;
    QTest::newRow("last only, first empty") << kEmpty << doe << user << doe;
    QTest::newRow("both NULL") << kNull << kNull << user << user;
    QTest::newRow("both empty") << kEmpty << kEmpty << user << user;
    QTest::newRow("NULL and empty") << kNull << kEmpty << user << user;
    QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral(" ") << user << user;
    QTest::newRow("tabs and newlines") << QStringLiteral("\t\n") << QStringLiteral("\r\n\v\f") << user << user;
    QTest::newRow("padded names are trimmed")
        << QStringLiteral("  John ") << QStringLiteral("\tDoe\n") << user << QStringLiteral("John Doe");
    QTest::newRow("inner spaces kept") << QStringLiteral("Mary Ann") << QStringLiteral("van  Dyke") << user
                                       << QStringLiteral("Mary Ann van  Dyke");
    QTest::newRow("no-break space is a name to SQLite's trim")
        << QStringLiteral("\u00a0") << kNull << user << QStringLiteral("\u00a0");
    QTest::newRow("unicode names") << QStringLiteral("\u00c9mile") << QStringLiteral("Zola") << user
                                   << QStringLiteral("\u00c9mile Zola");
    QTest::newRow("cjk names") << QStringLiteral("\u592a\u90ce") << QStringLiteral("\u5c71\u7530") << user
                               << QStringLiteral("\u592a\u90ce \u5c71\u7530");
    QTest::newRow("emoji") << QStringLiteral("\U0001F600") << kNull << user << QStringLiteral("\U0001F600");
    QTest::newRow("username NULL too") << kNull << kNull << kNull << kNull;
    QTest::newRow("username empty") << kEmpty << kNull << kEmpty << kEmpty;
}

QVariant sqlValue(const QString& text)
{
    return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

void TestFullName::joinsNamesElseFallsBackToTheUsername_data()
{
    addCases();
}

void TestFullName::joinsNamesElseFallsBackToTheUsername()
{
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QString, username);
    QFETCH(QString, expected);
    const QString name = FullName::of(first, last, username);
    QCOMPARE(name, expected);
    QCOMPARE(name.isNull(), expected.isNull());
    User user;
    user.firstName = first;
    user.lastName = last;
    user.username = username;
    QCOMPARE(user.fullName(), expected);
}

void TestFullName::sqlExpressionAgreesWithCpp_data()
{
    addCases();
}

void TestFullName::sqlExpressionAgreesWithCpp()
{
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QString, username);

    const QString file = m_dir.filePath(QStringLiteral("case%1.db").arg(++m_case));
    auto connection = Connection::open(file, {Connection::Mode::Create, 5000, QStringLiteral("fullname")});
    QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
    QSqlDatabase db = (*connection)->database();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE people (first_name TEXT, last_name TEXT, username TEXT)")));
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO people VALUES (?, ?, ?)")));
    query.addBindValue(sqlValue(first));
    query.addBindValue(sqlValue(last));
    query.addBindValue(sqlValue(username));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    // The stored values are what the test meant: NULL stays NULL, '' stays ''.
    QVERIFY(query.exec(QStringLiteral("SELECT first_name IS NULL, last_name IS NULL, username IS NULL FROM people")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toBool(), first.isNull());
    QCOMPARE(query.value(1).toBool(), last.isNull());
    QCOMPARE(query.value(2).toBool(), username.isNull());

    QVERIFY2(query.exec(QStringLiteral("SELECT %1, (%1) IS NULL FROM people").arg(FullName::kSql.toString())),
             qPrintable(query.lastError().text()));
    QVERIFY(query.next());
    const QString fromSql = query.value(0).toString();
    const QString fromCpp = FullName::of(first, last, username);
    QCOMPARE(fromSql, fromCpp);
    QCOMPARE(query.value(1).toBool(), fromCpp.isNull());
}

void TestFullName::qualifiedExpressionWorksInAJoin()
{
    const QString file = m_dir.filePath(QStringLiteral("join.db"));
    QVERIFY(DemoDatabase::create(file, true));
    auto connection = Connection::open(file);
    QVERIFY(connection);
    QSqlDatabase db = (*connection)->database();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("UPDATE users SET first_name = 'Alice', last_name = 'Liddell' WHERE id = 1")));
    // An alias that is itself a column name, with a quote in it, must come through whole.
    const QString alias = QStringLiteral("last_name \"u\"");
    const QString sql = QStringLiteral("SELECT p.title, %1 FROM posts AS p JOIN users AS %2 ON %2.id = p.author_id "
                                       "ORDER BY p.id")
                            .arg(FullName::sqlFor(alias), QStringLiteral("\"last_name \"\"u\"\"\""));
    QVERIFY2(query.exec(sql), qPrintable(query.lastError().text() + QLatin1Char('\n') + sql));
    QStringList authors;
    while (query.next())
        authors << query.value(1).toString();
    QCOMPARE(authors, QStringList({QStringLiteral("Alice Liddell"), QStringLiteral("bob"),
                                   QStringLiteral("Alice Liddell"), QStringLiteral("charlie")}));
}

void TestFullName::lessonUsersWithoutNamesShowTheirUsername()
{
    const QString file = m_dir.filePath(QStringLiteral("lesson.db"));
    QVERIFY(DemoDatabase::create(file, true));
    auto connection = Connection::open(file);
    QVERIFY(connection);
    QSqlQuery query((*connection)->database());
    QVERIFY(query.exec(QStringLiteral("SELECT username, %1 FROM users ORDER BY id").arg(FullName::kSql.toString())));
    int rows = 0;
    while (query.next()) {
        QCOMPARE(query.value(1).toString(), query.value(0).toString());
        ++rows;
    }
    QCOMPARE(rows, 3);
}

QTEST_GUILESS_MAIN(TestFullName)
#include "tst_fullname.moc"
