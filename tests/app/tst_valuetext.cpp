#include "core/ValueText.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace quarry;

class TestValueText : public QObject {
    Q_OBJECT

private slots:
    void writesRealsShortestAndRoundTripping_data();
    void writesRealsShortestAndRoundTripping();
    void showsCellsInTheGrid_data();
    void showsCellsInTheGrid();
};

void TestValueText::writesRealsShortestAndRoundTripping_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("tenth") << 0.1 << QStringLiteral("0.1");
    QTest::newRow("whole") << 3.0 << QStringLiteral("3.0");
    QTest::newRow("third") << 1.0 / 3.0 << QStringLiteral("0.3333333333333333");
    QTest::newRow("huge") << 1e300 << QStringLiteral("1e+300");
    QTest::newRow("negative") << -2.5 << QStringLiteral("-2.5");
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QStringLiteral("Inf");
}

void TestValueText::writesRealsShortestAndRoundTripping()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(ValueText::real(value), text);
    if (std::isfinite(value))
        QCOMPARE(text.toDouble(), value);
}

void TestValueText::showsCellsInTheGrid_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("overflow");
    QTest::addColumn<QString>("shown");
    using Type = ResultCell::Type;
    QTest::newRow("null") << int(Type::Null) << QVariant() << qint64(0) << qint64(-1) << QStringLiteral("NULL");
    QTest::newRow("integer") << int(Type::Integer) << QVariant(qlonglong(7)) << qint64(0) << qint64(-1)
                             << QStringLiteral("7");
    QTest::newRow("blob") << int(Type::Blob) << QVariant(QByteArray("abc")) << qint64(2048) << qint64(0)
                          << QStringLiteral("BLOB (2.0 KiB)");
    QTest::newRow("multi-line text") << int(Type::Text) << QVariant(QStringLiteral("a\nb")) << qint64(3) << qint64(-1)
                                     << QStringLiteral("a b");
    QTest::newRow("truncated text") << int(Type::Text) << QVariant(QStringLiteral("abc")) << qint64(3 * 1024 * 1024)
                                    << qint64(10) << QStringLiteral("abc\u2026 (3.0 MiB)");
}

void TestValueText::showsCellsInTheGrid()
{
    QFETCH(int, type);
    QFETCH(QVariant, value);
    QFETCH(qint64, size);
    QFETCH(qint64, overflow);
    QFETCH(QString, shown);
    QCOMPARE(ValueText::display(ResultCell{ResultCell::Type(type), value, size, overflow}), shown);
}

QTEST_GUILESS_MAIN(TestValueText)
#include "tst_valuetext.moc"
