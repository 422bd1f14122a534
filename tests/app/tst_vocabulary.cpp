#include "write/Vocabulary.h"

#include <QTest>

using namespace quarry;

class TestVocabulary : public QObject {
    Q_OBJECT

private slots:
    void namesRows_data();
    void namesRows();
    void labelsColumns_data();
    void labelsColumns();
    void quotesValuesForPeople_data();
    void quotesValuesForPeople();
    void countsRows();
    void makesSentences();
};

void TestVocabulary::namesRows_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QVariantMap>("key");
    QTest::addColumn<QString>("words");
    QTest::newRow("post") << QStringLiteral("posts") << QVariantMap{{QStringLiteral("id"), 12}}
                          << QStringLiteral("post 12");
    QTest::newRow("user by rowid, capital table")
        << QStringLiteral("Users") << QVariantMap{{QStringLiteral("rowid"), 3}} << QStringLiteral("user 3");
    QTest::newRow("profile") << QStringLiteral("user_profiles") << QVariantMap{{QStringLiteral("id"), 1}}
                             << QStringLiteral("profile 1");
    QTest::newRow("new comment") << QStringLiteral("comments") << QVariantMap() << QStringLiteral("the new comment");
    QTest::newRow("other table") << QStringLiteral("orders") << QVariantMap{{QStringLiteral("id"), 5}}
                                 << QStringLiteral("row 5 of orders");
    QTest::newRow("text key") << QStringLiteral("items") << QVariantMap{{QStringLiteral("sku"), QStringLiteral("A1")}}
                              << QStringLiteral("row 'A1' of items");
    QTest::newRow("composite key") << QStringLiteral("pairs")
                                   << QVariantMap{{QStringLiteral("a"), 1}, {QStringLiteral("b"), QStringLiteral("x")}}
                                   << QStringLiteral("row (a 1, b 'x') of pairs");
    QTest::newRow("new row elsewhere") << QStringLiteral("orders") << QVariantMap()
                                       << QStringLiteral("the new row in orders");
}

void TestVocabulary::namesRows()
{
    QFETCH(QString, table);
    QFETCH(QVariantMap, key);
    QFETCH(QString, words);
    QCOMPARE(Vocabulary::describeRow(table, key), words);
}

void TestVocabulary::labelsColumns_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("label");
    QTest::newRow("post's author") << QStringLiteral("posts") << QStringLiteral("author_id")
                                   << QStringLiteral("author");
    QTest::newRow("comment's post") << QStringLiteral("comments") << QStringLiteral("post_id")
                                    << QStringLiteral("post");
    QTest::newRow("first name") << QStringLiteral("users") << QStringLiteral("first_name")
                                << QStringLiteral("first name");
    QTest::newRow("username") << QStringLiteral("users") << QStringLiteral("username") << QStringLiteral("username");
    QTest::newRow("other tables keep names")
        << QStringLiteral("orders") << QStringLiteral("customer_id") << QStringLiteral("customer_id");
}

void TestVocabulary::labelsColumns()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QString, label);
    QCOMPARE(Vocabulary::columnLabel(table, column), label);
}

void TestVocabulary::quotesValuesForPeople_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("text") << QVariant(QStringLiteral("bob")) << QStringLiteral("'bob'");
    QTest::newRow("number") << QVariant(999) << QStringLiteral("999");
    QTest::newRow("real") << QVariant(2.5) << QStringLiteral("2.5");
    QTest::newRow("NULL") << QVariant() << QStringLiteral("NULL");
    QTest::newRow("null text") << QVariant(QString()) << QStringLiteral("NULL");
    QTest::newRow("blob") << QVariant(QByteArray("abc")) << QStringLiteral("a blob of 3 bytes");
    QTest::newRow("line breaks become spaces") << QVariant(QStringLiteral("a\nb\tc")) << QStringLiteral("'a b c'");
    QTest::newRow("60 characters in full")
        << QVariant(QString(60, QLatin1Char('x'))) << QStringLiteral("'%1'").arg(QString(60, QLatin1Char('x')));
    QTest::newRow("61 characters cut") << QVariant(QString(61, QLatin1Char('x')))
                                       << QStringLiteral("'%1\u2026'").arg(QString(57, QLatin1Char('x')));
    QString pairs;
    for (int i = 0; i < 40; ++i)
        pairs += QStringLiteral("\U0001F600");
    QTest::newRow("never cuts a character in two")
        << QVariant(pairs) << QStringLiteral("'%1\u2026'").arg(pairs.left(56));
}

void TestVocabulary::quotesValuesForPeople()
{
    QFETCH(QVariant, value);
    QFETCH(QString, quoted);
    QCOMPARE(Vocabulary::quoted(value), quoted);
}

void TestVocabulary::countsRows()
{
    QCOMPARE(Vocabulary::rowCount(1, QStringLiteral("posts")), QStringLiteral("1 post"));
    QCOMPARE(Vocabulary::rowCount(2, QStringLiteral("comments")), QStringLiteral("2 comments"));
    QCOMPARE(Vocabulary::rowCount(1, QStringLiteral("orders")), QStringLiteral("1 row of orders"));
    QCOMPARE(Vocabulary::rowCount(0, QStringLiteral("orders")), QStringLiteral("0 rows of orders"));
}

void TestVocabulary::makesSentences()
{
    QCOMPARE(Vocabulary::sentence(QStringLiteral("post 12's author 999 does not exist")),
             QStringLiteral("Post 12's author 999 does not exist."));
    QCOMPARE(Vocabulary::sentence(QStringLiteral("Done.")), QStringLiteral("Done."));
    QCOMPARE(Vocabulary::sentence(QString()), QString());
}

QTEST_GUILESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
