#include "blog/Normaliser.h"

#include <QTest>

using namespace quarry;

class TestNormaliser : public QObject {
    Q_OBJECT

private slots:
    void usernameIsTrimmedAndLowerCased_data();
    void usernameIsTrimmedAndLowerCased();
    void emailIsTrimmedAndLowerCased_data();
    void emailIsTrimmedAndLowerCased();
    void onlyUsersUsernameAndEmailChange_data();
    void onlyUsersUsernameAndEmailChange();
    void rowValuesAreNormalisedColumnByColumn();
};

void TestNormaliser::usernameIsTrimmedAndLowerCased_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stored");

    QTest::newRow("already normal") << QStringLiteral("alice") << QStringLiteral("alice");
    QTest::newRow("capitals") << QStringLiteral("John_Doe") << QStringLiteral("john_doe");
    QTest::newRow("spaces around") << QStringLiteral("  Alice \t\n") << QStringLiteral("alice");
    QTest::newRow("inner space stays (the validator refuses it)") << QStringLiteral("A B") << QStringLiteral("a b");
    QTest::newRow("accented capital") << QStringLiteral("\u00c9MILE") << QStringLiteral("\u00e9mile");
    QTest::newRow("decomposed accent becomes one letter")
        << QStringLiteral("Jose\u0301") << QStringLiteral("jos\u00e9");
    QTest::newRow("cyrillic") << QStringLiteral("\u041c\u0430\u0440\u0438\u044f")
                              << QStringLiteral("\u043c\u0430\u0440\u0438\u044f");
    QTest::newRow("no-break space is white space") << QStringLiteral("\u00a0bob\u00a0") << QStringLiteral("bob");
}

void TestNormaliser::usernameIsTrimmedAndLowerCased()
{
    QFETCH(QString, value);
    QFETCH(QString, stored);
    QCOMPARE(Normaliser::username(value), stored);
    QCOMPARE(Normaliser::value(QStringLiteral("users"), QStringLiteral("username"), value).toString(), stored);
}

void TestNormaliser::emailIsTrimmedAndLowerCased_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stored");

    QTest::newRow("already normal") << QStringLiteral("alice@example.com") << QStringLiteral("alice@example.com");
    QTest::newRow("capitals") << QStringLiteral("Alice@Example.COM") << QStringLiteral("alice@example.com");
    QTest::newRow("spaces around") << QStringLiteral(" bob@example.com\n") << QStringLiteral("bob@example.com");
}

void TestNormaliser::emailIsTrimmedAndLowerCased()
{
    QFETCH(QString, value);
    QFETCH(QString, stored);
    QCOMPARE(Normaliser::email(value), stored);
    QCOMPARE(Normaliser::value(QStringLiteral("users"), QStringLiteral("email"), value).toString(), stored);
}

void TestNormaliser::onlyUsersUsernameAndEmailChange_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("stored");

    QTest::newRow("names compare as SQLite does")
        << QStringLiteral("Users") << QStringLiteral("USERNAME") << QVariant(QStringLiteral(" Bob "))
        << QVariant(QStringLiteral("bob"));
    QTest::newRow("first name keeps its case")
        << QStringLiteral("users") << QStringLiteral("first_name") << QVariant(QStringLiteral(" John "))
        << QVariant(QStringLiteral(" John "));
    QTest::newRow("title keeps its case")
        << QStringLiteral("posts") << QStringLiteral("title") << QVariant(QStringLiteral("Data Science"))
        << QVariant(QStringLiteral("Data Science"));
    QTest::newRow("another table's username") << QStringLiteral("accounts") << QStringLiteral("username")
                                              << QVariant(QStringLiteral("Bob")) << QVariant(QStringLiteral("Bob"));
    QTest::newRow("NULL stays NULL") << QStringLiteral("users") << QStringLiteral("username") << QVariant()
                                     << QVariant();
    QTest::newRow("a number is not text")
        << QStringLiteral("users") << QStringLiteral("username") << QVariant(42) << QVariant(42);
}

void TestNormaliser::onlyUsersUsernameAndEmailChange()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(QVariant, stored);
    const QVariant result = Normaliser::value(table, column, value);
    QCOMPARE(result, stored);
    QCOMPARE(result.typeId(), stored.typeId());
}

void TestNormaliser::rowValuesAreNormalisedColumnByColumn()
{
    const QVariantMap row{{QStringLiteral("username"), QStringLiteral(" John_Doe ")},
                          {QStringLiteral("email"), QStringLiteral("John.Doe@Example.com")},
                          {QStringLiteral("first_name"), QStringLiteral("John")},
                          {QStringLiteral("last_name"), QVariant()}};
    const QVariantMap stored = Normaliser::values(QStringLiteral("users"), row);
    QCOMPARE(stored.value(QStringLiteral("username")).toString(), QStringLiteral("john_doe"));
    QCOMPARE(stored.value(QStringLiteral("email")).toString(), QStringLiteral("john.doe@example.com"));
    QCOMPARE(stored.value(QStringLiteral("first_name")).toString(), QStringLiteral("John"));
    QVERIFY(stored.value(QStringLiteral("last_name")).isNull());
    QCOMPARE(stored.keys(), row.keys());
}

QTEST_GUILESS_MAIN(TestNormaliser)
#include "tst_normaliser.moc"
