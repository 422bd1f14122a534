#include "stats/StatsFormat.h"

#include <QJsonValue>
#include <QTest>

using namespace quarry;

class TestStatsFormat : public QObject {
    Q_OBJECT

private slots:
    void writesValuesAsText_data();
    void writesValuesAsText();
    void quotesCsvFieldsAsRfc4180Asks_data();
    void quotesCsvFieldsAsRfc4180Asks();
    void keepsEmptyTextApartFromNullInCsv();
    void writesJsonNumbersStringsAndNull();
};

void TestStatsFormat::writesValuesAsText_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("integer") << QVariant(qlonglong(1234567)) << QStringLiteral("1234567");
    QTest::newRow("negative") << QVariant(qlonglong(-3)) << QStringLiteral("-3");
    QTest::newRow("average") << QVariant(4.0 / 3.0) << QStringLiteral("1.3333333333333333");
    QTest::newRow("rounded average") << QVariant(1.33) << QStringLiteral("1.33");
    QTest::newRow("whole real") << QVariant(2.0) << QStringLiteral("2.0");
    QTest::newRow("text") << QVariant(QStringLiteral("(unknown author)")) << QStringLiteral("(unknown author)");
    QTest::newRow("null") << QVariant() << QString();
}

void TestStatsFormat::writesValuesAsText()
{
    QFETCH(QVariant, value);
    QFETCH(QString, text);
    QCOMPARE(StatsFormat::text(value), text);
}

void TestStatsFormat::quotesCsvFieldsAsRfc4180Asks_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain") << QStringLiteral("alice") << QStringLiteral("alice");
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("spaces kept") << QStringLiteral(" padded ") << QStringLiteral(" padded ");
    QTest::newRow("unicode") << QStringLiteral("Zoë") << QStringLiteral("Zoë");
}

void TestStatsFormat::quotesCsvFieldsAsRfc4180Asks()
{
    QFETCH(QString, field);
    QFETCH(QString, written);
    QCOMPARE(StatsFormat::csvRecord(QStringList{field, QStringLiteral("x")}), written + QStringLiteral(",x\r\n"));
}

void TestStatsFormat::keepsEmptyTextApartFromNullInCsv()
{
    const QVariantList row{QVariant(QStringLiteral("(unknown author)")), QVariant(),
                           QVariant(QString(QLatin1String(""))), QVariant(qlonglong(3))};
    QCOMPARE(StatsFormat::csvRecord(row), QStringLiteral("(unknown author),,\"\",3\r\n"));
}

void TestStatsFormat::writesJsonNumbersStringsAndNull()
{
    QCOMPARE(StatsFormat::json(QVariant(qlonglong(3))), QJsonValue(3));
    QVERIFY(StatsFormat::json(QVariant(qlonglong(3))).isDouble());
    QCOMPARE(StatsFormat::json(QVariant(1.33)), QJsonValue(1.33));
    QCOMPARE(StatsFormat::json(QVariant(QStringLiteral("bob"))), QJsonValue(QStringLiteral("bob")));
    QVERIFY(StatsFormat::json(QVariant()).isNull());
}

QTEST_GUILESS_MAIN(TestStatsFormat)
#include "tst_statsformat.moc"
