#include "core/CsvField.h"

#include <QTest>

using namespace quarry;

class TestCsvField : public QObject {
    Q_OBJECT

private slots:
    void quotesFieldsAsRfc4180Asks_data();
    void quotesFieldsAsRfc4180Asks();
    void quotesEmptyTextOnlyWhenAsked_data();
    void quotesEmptyTextOnlyWhenAsked();
};

void TestCsvField::quotesFieldsAsRfc4180Asks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QChar>("separator");
    QTest::addColumn<QString>("written");
    const QChar comma = u',';
    const QChar tab = u'\t';
    QTest::newRow("plain") << QStringLiteral("alice") << comma << QStringLiteral("alice");
    QTest::newRow("comma") << QStringLiteral("a,b") << comma << QStringLiteral("\"a,b\"");
    QTest::newRow("comma only") << QStringLiteral(",") << comma << QStringLiteral("\",\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << comma << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("lone quote") << QStringLiteral("\"") << comma << QStringLiteral("\"\"\"\"");
    QTest::newRow("line feed") << QStringLiteral("two\nlines") << comma << QStringLiteral("\"two\nlines\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << comma << QStringLiteral("\"a\rb\"");
    QTest::newRow("crlf") << QStringLiteral("a\r\nb") << comma << QStringLiteral("\"a\r\nb\"");
    QTest::newRow("leading and trailing spaces") << QStringLiteral(" padded ") << comma << QStringLiteral(" padded ");
    QTest::newRow("spaces around a comma") << QStringLiteral(" a, b ") << comma << QStringLiteral("\" a, b \"");
    QTest::newRow("unicode") << QStringLiteral("Zo\u00eb \u00e5ngstr\u00f6m") << comma
                             << QStringLiteral("Zo\u00eb \u00e5ngstr\u00f6m");
    QTest::newRow("unicode outside the BMP") << QStringLiteral("\U0001F600") << comma << QStringLiteral("\U0001F600");
    QTest::newRow("unicode with a quote") << QStringLiteral("\u201cZo\u00eb\u201d \"x\"") << comma
                                          << QStringLiteral("\"\u201cZo\u00eb\u201d \"\"x\"\"\"");
    QTest::newRow("tab in csv") << QStringLiteral("a\tb") << comma << QStringLiteral("a\tb");
    QTest::newRow("tab in tsv") << QStringLiteral("a\tb") << tab << QStringLiteral("\"a\tb\"");
    QTest::newRow("comma in tsv") << QStringLiteral("a,b") << tab << QStringLiteral("a,b");
    QTest::newRow("quote in tsv") << QStringLiteral("a\"b") << tab << QStringLiteral("\"a\"\"b\"");
}

void TestCsvField::quotesFieldsAsRfc4180Asks()
{
    QFETCH(QString, text);
    QFETCH(QChar, separator);
    QFETCH(QString, written);
    // The empty-text choice only matters for empty text.
    QCOMPARE(CsvField::quote(text, CsvField::EmptyText::Bare, separator), written);
    QCOMPARE(CsvField::quote(text, CsvField::EmptyText::Quoted, separator), written);
}

void TestCsvField::quotesEmptyTextOnlyWhenAsked_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<CsvField::EmptyText>("empty");
    QTest::addColumn<QString>("written");
    // Where NULL is written as an empty field, an empty string must be "" to read back as text, not NULL.
    QTest::newRow("empty, NULL written bare")
        << QString(QLatin1String("")) << CsvField::EmptyText::Quoted << QStringLiteral("\"\"");
    QTest::newRow("empty, no NULL to tell apart")
        << QString(QLatin1String("")) << CsvField::EmptyText::Bare << QString();
    // A null QString carries no NULL: the caller writes NULL before quoting, so it is just empty text here.
    QTest::newRow("null QString quoted") << QString() << CsvField::EmptyText::Quoted << QStringLiteral("\"\"");
    QTest::newRow("null QString bare") << QString() << CsvField::EmptyText::Bare << QString();
    QTest::newRow("one space is not empty")
        << QStringLiteral(" ") << CsvField::EmptyText::Quoted << QStringLiteral(" ");
}

void TestCsvField::quotesEmptyTextOnlyWhenAsked()
{
    QFETCH(QString, text);
    QFETCH(CsvField::EmptyText, empty);
    QFETCH(QString, written);
    QCOMPARE(CsvField::quote(text, empty), written);
}

QTEST_GUILESS_MAIN(TestCsvField)
#include "tst_csvfield.moc"
