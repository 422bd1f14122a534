// Reading TSV and CSV text into fields: quotes, separators and line breaks inside quotes, every line end.
#include "core/DelimitedText.h"

#include <QTest>

using namespace quarry;

namespace {
QList<QStringList> records(std::initializer_list<std::initializer_list<const char*>> rows)
{
    QList<QStringList> out;
    for (const auto& row : rows) {
        QStringList fields;
        for (const char* field : row)
            fields << QString::fromUtf8(field);
        out << fields;
    }
    return out;
}
} // namespace

class TestDelimitedText : public QObject {
    Q_OBJECT

private slots:
    void readsFields_data();
    void readsFields();
};

void TestDelimitedText::readsFields_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("separator");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::newRow("one field") << "x"
                               << "\t" << records({{"x"}});
    QTest::newRow("final line break adds no record") << "a\tb\n"
                                                     << "\t" << records({{"a", "b"}});
    QTest::newRow("CR LF, LF and CR") << "a\r\nb\nc\rd"
                                      << "\t" << records({{"a"}, {"b"}, {"c"}, {"d"}});
    QTest::newRow("empty fields") << "\t\t"
                                  << "\t" << records({{"", "", ""}});
    QTest::newRow("quoted separator and line break") << "\"a\tb\"\t\"c\r\nd\""
                                                     << "\t" << records({{"a\tb", "c\r\nd"}});
    QTest::newRow("doubled quotes") << "\"say \"\"hi\"\"\",x"
                                    << "," << records({{"say \"hi\"", "x"}});
    QTest::newRow("quote inside a field is data") << "a\"b,c"
                                                  << "," << records({{"a\"b", "c"}});
    QTest::newRow("quoted empty field") << "\"\",x"
                                        << "," << records({{"", "x"}});
    QTest::newRow("blank line is a record of one empty field") << "a\n\nb"
                                                               << "\t" << records({{"a"}, {""}, {"b"}});
    QTest::newRow("nothing") << ""
                             << "\t" << QList<QStringList>();
}

void TestDelimitedText::readsFields()
{
    QFETCH(QString, text);
    QFETCH(QString, separator);
    QFETCH(QList<QStringList>, rows);
    QCOMPARE(DelimitedText::parse(text, separator.at(0)), rows);
}

QTEST_GUILESS_MAIN(TestDelimitedText)
#include "tst_delimitedtext.moc"
