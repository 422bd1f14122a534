#include "database/SqlIdentifier.h"

#include <QTest>

using namespace quarry;

class TestSqlIdentifier : public QObject {
    Q_OBJECT

private slots:
    void quotesNamesWhole_data();
    void quotesNamesWhole();
    void comparesNamesAsSqliteDoes_data();
    void comparesNamesAsSqliteDoes();
    void buildsColumnListsAndConditions();
};

void TestSqlIdentifier::quotesNamesWhole_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QStringLiteral("users") << QStringLiteral("\"users\"");
    QTest::newRow("dot stays inside") << QStringLiteral("a.b") << QStringLiteral("\"a.b\"");
    QTest::newRow("already in quotes") << QStringLiteral("\"x\"") << QStringLiteral("\"\"\"x\"\"\"");
    QTest::newRow("space and quote") << QStringLiteral("my \"t\"") << QStringLiteral("\"my \"\"t\"\"\"");
    QTest::newRow("non-ASCII") << QStringLiteral("t\u00e4ble") << QStringLiteral("\"t\u00e4ble\"");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
}

void TestSqlIdentifier::quotesNamesWhole()
{
    QFETCH(QString, name);
    QFETCH(QString, quoted);
    QCOMPARE(SqlIdentifier::quote(name), quoted);
}

void TestSqlIdentifier::comparesNamesAsSqliteDoes_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("identical") << QStringLiteral("users") << QStringLiteral("users") << true;
    QTest::newRow("ASCII case") << QStringLiteral("Users") << QStringLiteral("uSERS") << true;
    QTest::newRow("different") << QStringLiteral("users") << QStringLiteral("user") << false;
    QTest::newRow("non-ASCII case differs") << QStringLiteral("\u00c4pfel") << QStringLiteral("\u00e4pfel") << false;
    QTest::newRow("non-ASCII identical") << QStringLiteral("\u00e4Pfel") << QStringLiteral("\u00e4pfel") << true;
    QTest::newRow("underscore is not a letter") << QStringLiteral("a_b") << QStringLiteral("a\u007fb") << false;
}

void TestSqlIdentifier::comparesNamesAsSqliteDoes()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(SqlIdentifier::sameName(a, b), same);
    QCOMPARE(SqlIdentifier::sameName(b, a), same);
}

void TestSqlIdentifier::buildsColumnListsAndConditions()
{
    const QStringList columns{QStringLiteral("id"), QStringLiteral("my col")};
    QCOMPARE(SqlIdentifier::list(columns), QStringLiteral("\"id\", \"my col\""));
    QCOMPARE(SqlIdentifier::conditions(columns), QStringLiteral("\"id\" = ? AND \"my col\" = ?"));
}

QTEST_GUILESS_MAIN(TestSqlIdentifier)
#include "tst_sqlidentifier.moc"
