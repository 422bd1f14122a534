#include "query/ResultSpool.h"
#include "query/ResultWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTextStream>

using namespace quarry;

class TestResultWriter : public QObject {
    Q_OBJECT

private slots:
    void writesCsvAsRfc4180_data();
    void writesCsvAsRfc4180();
    void writesTsvForSpreadsheets();
    void writesJsonArraysOfObjectsInColumnOrder();
    void writesEmptyResults_data();
    void writesEmptyResults();
    void exportsASpoolWithFullValues();
    void stopsAnExportOnRequest();
};

namespace {

QString write(ResultWriter::Format format, const QStringList& columns, const QList<QVariantList>& rows)
{
    QString text;
    QTextStream out(&text);
    ResultWriter writer(out, format);
    writer.begin(columns);
    for (const QVariantList& row : rows)
        writer.writeRow(row);
    writer.end();
    out.flush();
    return text;
}

} // namespace

void TestResultWriter::writesCsvAsRfc4180_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain text") << QVariant(QStringLiteral("alice")) << QStringLiteral("alice");
    QTest::newRow("comma") << QVariant(QStringLiteral("a,b")) << QStringLiteral("\"a,b\"");
    QTest::newRow("quote doubled") << QVariant(QStringLiteral("say \"hi\"")) << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("line feed") << QVariant(QStringLiteral("a\nb")) << QStringLiteral("\"a\nb\"");
    QTest::newRow("carriage return") << QVariant(QStringLiteral("a\rb")) << QStringLiteral("\"a\rb\"");
    QTest::newRow("null is an empty field") << QVariant() << QString();
    QTest::newRow("empty string is quoted") << QVariant(QStringLiteral("")) << QStringLiteral("\"\"");
    QTest::newRow("integer") << QVariant(qlonglong(-42)) << QStringLiteral("-42");
    QTest::newRow("real") << QVariant(2.5) << QStringLiteral("2.5");
    QTest::newRow("whole real stays real") << QVariant(3.0) << QStringLiteral("3.0");
    QTest::newRow("blob as base64") << QVariant(QByteArray::fromHex("89504e47")) << QStringLiteral("iVBORw==");
    QTest::newRow("non-ascii") << QVariant(QStringLiteral("caf\u00e9 \U0001F600"))
                               << QStringLiteral("caf\u00e9 \U0001F600");
}

void TestResultWriter::writesCsvAsRfc4180()
{
    QFETCH(QVariant, value);
    QFETCH(QString, field);
    const QString text =
        write(ResultWriter::Format::Csv, {QStringLiteral("id"), QStringLiteral("value")}, {{qlonglong(1), value}});
    QCOMPARE(text, QStringLiteral("id,value\r\n1,") + field + QStringLiteral("\r\n"));
}

void TestResultWriter::writesTsvForSpreadsheets()
{
    const QString text = write(ResultWriter::Format::Tsv, {QStringLiteral("a"), QStringLiteral("b")},
                               {{QStringLiteral("x\ty"), QStringLiteral("plain, with comma")}});
    QCOMPARE(text, QStringLiteral("a\tb\r\n\"x\ty\"\tplain, with comma\r\n"));
}

void TestResultWriter::writesJsonArraysOfObjectsInColumnOrder()
{
    const QString text = write(ResultWriter::Format::Json,
                               {QStringLiteral("z"), QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("n"),
                                QStringLiteral("b"), QStringLiteral("r")},
                               {{qlonglong(9007199254740993LL), QStringLiteral("line\n\"quoted\"\t\u0001"),
                                 QStringLiteral("second"), QVariant(), QByteArray("hi"), 0.5}});
    // Column order is kept (QJsonObject would sort keys), a repeated name gets a suffix.
    QVERIFY2(text.indexOf(QStringLiteral("\"z\"")) < text.indexOf(QStringLiteral("\"a\"")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("9007199254740993")), qPrintable(text)); // exact, not via double
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    const QJsonObject row = document.array().at(0).toObject();
    QCOMPARE(row.value(QStringLiteral("a")).toString(), QStringLiteral("line\n\"quoted\"\t\u0001"));
    QCOMPARE(row.value(QStringLiteral("a_2")).toString(), QStringLiteral("second"));
    QVERIFY(row.value(QStringLiteral("n")).isNull());
    QCOMPARE(row.value(QStringLiteral("b")).toString(), QStringLiteral("aGk="));
    QCOMPARE(row.value(QStringLiteral("r")).toDouble(), 0.5);
    QVERIFY(row.value(QStringLiteral("z")).isDouble());
}

void TestResultWriter::writesEmptyResults_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("csv header only") << int(ResultWriter::Format::Csv) << QStringLiteral("id,name\r\n");
    QTest::newRow("json empty array") << int(ResultWriter::Format::Json) << QStringLiteral("[]\n");
}

void TestResultWriter::writesEmptyResults()
{
    QFETCH(int, format);
    QFETCH(QString, expected);
    QCOMPARE(write(ResultWriter::Format(format), {QStringLiteral("id"), QStringLiteral("name")}, {}), expected);
}

void TestResultWriter::exportsASpoolWithFullValues()
{
    auto spool = ResultSpool::create({QStringLiteral("id"), QStringLiteral("body")});
    QVERIFY(spool);
    const QString longText = QString(5000, u'x') + QStringLiteral(",\"end\"");
    for (int i = 0; i < 3000; ++i)
        QVERIFY((*spool)->appendValues({qlonglong(i), i == 1234 ? longText : QStringLiteral("row %1").arg(i)}));
    QVERIFY((*spool)->publish());
    QString text;
    QTextStream out(&text);
    QVERIFY(ResultWriter::exportSpool(**spool, out, ResultWriter::Format::Csv));
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 3000 + 2); // header, rows, and the empty text after the last CRLF
    QCOMPARE(lines.at(1), QStringLiteral("0,row 0"));
    QCOMPARE(lines.at(1235), QStringLiteral("1234,\"") + QString(5000, u'x') + QStringLiteral(",\"\"end\"\"\""));
    QCOMPARE(lines.at(3000), QStringLiteral("2999,row 2999"));
}

void TestResultWriter::stopsAnExportOnRequest()
{
    auto spool = ResultSpool::create({QStringLiteral("id")});
    QVERIFY(spool);
    for (int i = 0; i < 5000; ++i)
        QVERIFY((*spool)->appendValues({qlonglong(i)}));
    QVERIFY((*spool)->publish());
    QString text;
    QTextStream out(&text);
    const std::atomic_bool stop{true};
    const Status status = ResultWriter::exportSpool(**spool, out, ResultWriter::Format::Json, &stop);
    QVERIFY(!status);
    QCOMPARE(status.error().kind, Error::Kind::Cancelled);
}

QTEST_GUILESS_MAIN(TestResultWriter)
#include "tst_resultwriter.moc"
